""" "Send us the documents" reminders (docs/rules.md#document-reminders): a request waiting
for documents is reminded about ``reminders.documents_after_days`` days after it entered
``waiting_documents`` (counted in vendor-local days: entered on the 1st, reminded on the
4th at the daily time), once per period of waiting (``document_reminder_log``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from handlers.engine.payloads import encode
from handlers.flow_list import document_flows
from handlers.flows.document_requests import send_documents_button
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from storage import accounts, document_reminders, job_runs, outbox, requests
from storage.columns import time_to_db
from storage.db import Database
from storage.models import RequestKind

JOB = "documents"
KEY_PREFIX = "documents:"


@dataclass(frozen=True, slots=True)
class DocumentRun:
    day: date
    sent: int

    def __str__(self) -> str:
        if not self.sent:
            return f"Document reminders for {self.day.isoformat()}: nothing to do."
        return f"Document reminders for {self.day.isoformat()}: {self.sent} sent."


def waiting_cutoff(day: date, policy: Policy) -> datetime:
    """Requests that entered waiting before this moment are due on ``day``: the start of
    the local day ``day - documents_after_days + 1``."""
    first_day_not_due = day - timedelta(days=policy.reminders.documents_after_days - 1)
    return datetime.combine(first_day_not_due, time(0), tzinfo=policy.tz)


async def send_document_reminders(
    db: Database, policy: Policy, *, day: date, now: datetime
) -> DocumentRun:
    types = ", ".join(ext.upper() for ext in policy.uploads.document_types)
    sent = 0
    async with db.transaction() as unit:
        # waiting_documents_since includes its bound; times are stored to the second.
        before = waiting_cutoff(day, policy) - timedelta(seconds=1)
        for waiting in await requests.waiting_documents_since(unit, before):
            if not await document_reminders.record(unit, waiting.request_id, waiting.since, now):
                continue
            account = (
                await accounts.get(unit, waiting.account_id)
                if waiting.account_id is not None
                else None
            )
            if account is None:
                continue
            t = texts(account.language)
            await outbox.enqueue(
                unit,
                account.platform,
                account.user_id,
                t("reminders.documents_waiting", number=waiting.request_id, types=types),
                _buttons(t, waiting.kind, waiting.request_id),
                now=now,
                request_id=waiting.request_id,
                dedupe_key=(f"{KEY_PREFIX}{waiting.request_id}:{time_to_db(waiting.since)}"),
            )
            sent += 1
        await job_runs.finish(unit, JOB, day, now, {"sent": sent})
    return DocumentRun(day, sent)


def _buttons(t: Texts, kind: RequestKind, request_id: int) -> list[list[tuple[str, str]]]:
    """ "Continue request N" (where the flow is known) and the menu."""
    rows: list[list[tuple[str, str]]] = []
    flow = document_flows().get(RequestKind(kind))
    if flow is not None:
        button = send_documents_button(t, flow, request_id)
        rows.append([(button.label, button.payload)])
    rows.append([(t("common.to_menu"), encode("menu"))])
    return rows

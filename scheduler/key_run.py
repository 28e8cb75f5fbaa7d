"""The monthly key-renewal run of the additional protection service
(docs/rules.md#the-monthly-key-run).

On ``protection.renewal_run_day`` of every month (weekends and holidays included) every
CodeMeter key with the service connected gets its outcome from
``handlers.rules.key_renewal.plan_key_run``: prolonged to run date + ``programming_days``,
left out (reported lost/stolen/broken/found/replaced, or support ended), or disconnected
(support ended more than ``reconnect_after_days`` before the run, or was renewed later
than that: ``handlers.rules.protection.lapsed_on``). A catch-up made after the run date
disconnects a key whose deadline has passed by the day it runs, and records that day.

Exactly once per key and month
    1. One ``BEGIN IMMEDIATE`` transaction opens the month's batch (``renewal_batches``,
       unique month), logs every key's outcome (``renewal_batch_keys``, unique (key,
       month)), updates the keys and queues each owner's message. A crash rolls all of it
       back; a second process waits for the lock and then finds the batch.
    2. The batch file is written from what was logged (not recomputed), atomically: a
       temporary file in the same folder, fsync, rename.
    3. A second transaction marks the batch finished and queues the managers' summary.
    A batch left unfinished by a crash between 1 and 3 is resumed by the next run (or the
    start-up catch-up): nothing is logged or sent twice, the same file is written again.
    A finished month answers "nothing to do".

Messages
    Each owner gets one message per run listing their keys: prolonged until when; left out
    because support ended (renew by E + 14 to keep the service); disconnected (the last
    day a payment kept it, and the reconnection price); left out by status, told only in
    the first run after the status changed (the owner reported it and was answered then).
    These are service notices, not reminders: muting reminders does not stop them.
    Managers get a summary with the counts and the batch file (outbox ``document``; its
    path is in the text too).

The batch file
    ``RENEWAL_BATCH_DIR/renewals-YYYY-MM.csv``: UTF-8 without BOM, comma-separated, CRLF
    line ends (RFC 4180 quoting), a header ``serial,customer,programmed_until`` and one row
    per prolonged key ordered by serial; ``customer`` is "Name (Company)" (or the name
    alone), ``programmed_until`` is ``YYYY-MM-DD``.
"""

from __future__ import annotations

import asyncio
import csv
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.payloads import encode
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from handlers.rules import key_renewal as rules
from handlers.rules.dates import add_months, local_today
from handlers.rules.key_renewal import KeyRunEntry, RunOutcome
from handlers.rules.protection import lapsed_on, reconnection_price
from storage import accounts, customers, keys, outbox, renewal_batches
from storage.db import Database, Unit
from storage.keys import KeyForRun
from storage.outbox import QueuedMessage
from storage.renewal_batches import BatchFileRow, BatchKey

KEY_PREFIX = "keyrun:"


class RunRefused(ValueError):
    """A run that must not happen (a month not yet come, or a past month never started).

    ``reason`` names the case for the operator's text (``jobs.refused_<reason>`` in the
    catalogue, with ``values``); the message is the log's English.
    """

    def __init__(self, message: str, reason: str, **values: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


def batch_file_name(month: str) -> str:
    return f"renewals-{month}.csv"


@dataclass(frozen=True, slots=True)
class KeyRunResult:
    """What one call of the monthly run did (printed by ``python -m bot jobs renewals``)."""

    month: str
    run_date: date
    status: str
    """``done`` (ran now), ``resumed`` (finished an interrupted run) or ``already_done``."""
    prolonged: int = 0
    left_out: int = 0
    disconnected: int = 0
    excluded: int = 0
    owner_messages: int = 0
    file_path: str | None = None

    @property
    def nothing_to_do(self) -> bool:
        return self.status == "already_done"

    def __str__(self) -> str:
        head = f"Key renewal run {self.month} (run date {self.run_date.isoformat()})"
        if self.nothing_to_do:
            return f"{head}: nothing to do, it was done already (batch file {self.file_path})."
        verb = "resumed and finished" if self.status == "resumed" else "done"
        return (
            f"{head} {verb}: prolonged {self.prolonged}, left out (support ended) "
            f"{self.left_out}, disconnected {self.disconnected}, excluded by status "
            f"{self.excluded}; owner messages queued: {self.owner_messages}; batch file "
            f"{self.file_path}; summary queued to managers."
        )


async def run_key_renewals(
    db: Database,
    policy: Policy,
    desk: ManagerDesk,
    *,
    batch_dir: Path,
    now: datetime,
    month: str | None = None,
) -> KeyRunResult:
    """Run (or resume, or report done) the month's key run; ``month`` 'YYYY-MM' defaults to
    the latest run date on or before today. Raises :class:`RunRefused` for a month whose
    run date has not come, or an earlier month than the latest that was never started (it
    would set keys' programming back)."""
    today = local_today(now, policy)
    latest = rules.latest_run_date(today, policy)
    month = month or rules.run_month(latest)
    try:
        run_date = rules.run_date_for(month, policy)
    except ValueError as exc:
        raise RunRefused(str(exc), "bad_month", month=month) from exc
    if run_date > today:
        raise RunRefused(
            f"the run of {month} is on {run_date.isoformat()}, not yet come",
            "month_not_come",
            month=month,
            date=run_date,
        )

    status, owner_messages = await _log_outcomes(db, policy, month, run_date, latest, now, today)
    if status == "already_done":
        return await _already_done(db, month, run_date)

    async with db.unit() as unit:
        rows = await renewal_batches.prolonged_of_month(unit, month)
    path = await asyncio.to_thread(write_batch_file, batch_dir, month, rows)

    async with db.transaction() as unit:
        batch = await renewal_batches.get(unit, month)
        assert batch is not None
        if batch.finished_at is not None:  # another process finished it meanwhile
            return KeyRunResult(month, run_date, "already_done", file_path=batch.file_path)
        counts = await renewal_batches.outcome_counts(unit, month)
        summary: dict[str, Any] = {
            outcome.value: counts.get(outcome.value, 0) for outcome in RunOutcome
        }
        summary["file_rows"] = len(rows)
        await renewal_batches.finish(unit, batch.id, str(path), summary, now)
        until = run_date + timedelta(days=policy.protection.programming_days)
        await outbox.enqueue_many(
            unit,
            [
                (
                    destination.platform,
                    destination.chat_id,
                    _summary_text(texts(destination.language), run_date, until, summary, path),
                    (),
                    str(path),
                    f"{KEY_PREFIX}{month}:summary:{destination.platform.value}:{destination.chat_id}",
                )
                for destination in desk.destinations
            ],
            now=now,
        )
    return KeyRunResult(
        month=month,
        run_date=run_date,
        status=status,
        prolonged=summary[RunOutcome.PROLONGED.value],
        left_out=summary[RunOutcome.SUPPORT_ENDED.value],
        disconnected=summary[RunOutcome.DISCONNECTED.value],
        excluded=summary[RunOutcome.EXCLUDED_STATUS.value],
        owner_messages=owner_messages,
        file_path=str(path),
    )


async def _log_outcomes(
    db: Database,
    policy: Policy,
    month: str,
    run_date: date,
    latest: date,
    now: datetime,
    today: date,
) -> tuple[str, int]:
    """Step 1 (one transaction): open or resume the batch, log the outcomes of the keys not
    yet logged, update the keys, queue the owners' messages. Returns (status, messages)."""
    async with db.transaction() as unit:
        batch = await renewal_batches.get(unit, month)
        if batch is not None and batch.finished_at is not None:
            return "already_done", 0
        if batch is None:
            if run_date != latest:
                raise RunRefused(
                    f"{month} is not the latest run month ({rules.run_month(latest)}): a past "
                    "month's run is only resumed, never started late",
                    "month_past",
                    month=month,
                    latest=rules.run_month(latest),
                )
            batch_id = await renewal_batches.start(unit, month, run_date, now)
            assert batch_id is not None  # the transaction holds the write lock
            status = "done"
        else:
            batch_id, status = batch.id, "resumed"

        done = await renewal_batches.keys_of_month(unit, month)
        todo = {key.key_id: key for key in await keys.keys_for_run(unit) if key.key_id not in done}
        plan = rules.plan_key_run(
            (_rule_key(key, policy) for key in todo.values()), run_date, policy, today=today
        )
        await renewal_batches.add_keys(
            unit,
            batch_id,
            month,
            (
                BatchKey(entry.key.key_id, entry.outcome.value, entry.programmed_until)
                for entry in plan.entries
            ),
        )
        until = run_date + timedelta(days=policy.protection.programming_days)
        await keys.set_programmed_until(unit, [e.key.key_id for e in plan.prolonged], until)
        await keys.set_protection_disconnected(
            unit, [e.key.key_id for e in plan.disconnected], max(run_date, today)
        )
        previous = await renewal_batches.keys_of_month(
            unit, rules.run_month(add_months(run_date, -1))
        )
        messages = await _owner_messages(
            unit, policy, month, run_date, plan.entries, todo, previous
        )
        queued = await outbox.enqueue_many(unit, messages, now=now)
    return status, queued


def _rule_key(key: KeyForRun, policy: Policy) -> rules.KeyForRun:
    return rules.KeyForRun(
        key_id=key.key_id,
        serial=key.serial,
        kind=key.kind.value,
        status=key.status.value,
        protection_service=key.protection_service,
        support_end=key.support_end,
        customer_id=key.customer_id,
        lapsed_on=lapsed_on(key.support, key.connected_on, policy),
    )


async def _owner_messages(
    unit: Unit,
    policy: Policy,
    month: str,
    run_date: date,
    entries: list[KeyRunEntry],
    stored: dict[int, KeyForRun],
    previous: dict[int, BatchKey],
) -> list[QueuedMessage]:
    """One message per owner and chat listing the owner's keys of this run."""
    by_owner: dict[int, list[KeyRunEntry]] = defaultdict(list)
    for entry in entries:
        if entry.outcome is RunOutcome.EXCLUDED_STATUS:
            before = previous.get(entry.key.key_id)
            if before is not None and before.outcome == RunOutcome.EXCLUDED_STATUS.value:
                continue  # told in the first run after the status changed
        by_owner[entry.key.customer_id].append(entry)
    if not by_owner:
        return []
    chats = await accounts.of_customers(unit, by_owner)
    disconnected_owners = {
        owner
        for owner, owned in by_owner.items()
        if any(e.outcome is RunOutcome.DISCONNECTED for e in owned)
    }
    residency = await customers.residency_of(unit, disconnected_owners)
    messages: list[QueuedMessage] = []
    for owner, owned in by_owner.items():
        resident = residency.get(owner, True)
        for account in chats.get(owner, []):
            t = texts(account.language)
            lines = [t("reminders.keyrun_title", date=t.date(run_date))]
            lines += [
                _owner_line(t, entry, stored[entry.key.key_id], policy, resident) for entry in owned
            ]
            buttons: list[list[tuple[str, str]]] = []
            if any(e.outcome is not RunOutcome.PROLONGED for e in owned):
                # A quote where the vendor quotes renewals (BAZIS does not): else a person.
                buttons.append(
                    [(t("reminders.button_renew"), encode("go", "renewal"))]
                    if policy.services.renewal
                    else [(t("reminders.button_manager"), encode("go", "manager_contact"))]
                )
            messages.append(
                (
                    account.platform,
                    account.user_id,
                    "\n".join(lines),
                    buttons,
                    None,
                    f"{KEY_PREFIX}{month}:{owner}:{account.id}",
                )
            )
    return messages


def _owner_line(
    t: Texts, entry: KeyRunEntry, key: KeyForRun, policy: Policy, resident: bool
) -> str:
    serial = key.serial
    end = key.support_end
    if entry.outcome is RunOutcome.PROLONGED:
        assert entry.programmed_until is not None
        return t("reminders.keyrun_prolonged", serial=serial, until=t.date(entry.programmed_until))
    if entry.outcome is RunOutcome.EXCLUDED_STATUS:
        status = t(f"reminders.key_status_{key.status.value}")
        return t("reminders.keyrun_excluded", serial=serial, status=status)
    if end is None:
        return t("reminders.keyrun_no_license", serial=serial)
    deadline = rules.service_deadline(entry.key, policy)
    if entry.outcome is RunOutcome.DISCONNECTED:
        return t(
            "reminders.keyrun_disconnected",
            serial=serial,
            deadline=t.date(deadline),
            price=t.money(reconnection_price(policy, resident=resident)),
        )
    return t(
        "reminders.keyrun_support_ended",
        serial=serial,
        end=t.date(end),
        deadline=t.date(deadline),
    )


def _summary_text(
    t: Texts,
    run_date: date,
    until: date,
    summary: dict[str, Any],
    path: Path,
) -> str:
    return t(
        "reminders.keyrun_summary",
        month=t.month(run_date),
        date=t.date(run_date),
        until=t.date(until),
        prolonged=summary[RunOutcome.PROLONGED.value],
        left_out=summary[RunOutcome.SUPPORT_ENDED.value],
        disconnected=summary[RunOutcome.DISCONNECTED.value],
        excluded=summary[RunOutcome.EXCLUDED_STATUS.value],
        count=summary["file_rows"],
        # The name only: the file itself is attached to the message (a server path would
        # tell managers nothing and differ between deployments).
        path=path.name,
    )


async def _already_done(db: Database, month: str, run_date: date) -> KeyRunResult:
    async with db.unit() as unit:
        batch = await renewal_batches.get(unit, month)
    assert batch is not None
    summary = batch.summary
    return KeyRunResult(
        month=month,
        run_date=run_date,
        status="already_done",
        prolonged=int(summary.get(RunOutcome.PROLONGED.value, 0)),
        left_out=int(summary.get(RunOutcome.SUPPORT_ENDED.value, 0)),
        disconnected=int(summary.get(RunOutcome.DISCONNECTED.value, 0)),
        excluded=int(summary.get(RunOutcome.EXCLUDED_STATUS.value, 0)),
        file_path=batch.file_path,
    )


def customer_label(row: BatchFileRow) -> str:
    return f"{row.customer} ({row.company})" if row.company else row.customer


def write_batch_file(batch_dir: Path, month: str, rows: list[BatchFileRow]) -> Path:
    """Write the batch file atomically (readers never see a half-written file); returns its
    absolute path."""
    folder = batch_dir.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / batch_file_name(month)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["serial", "customer", "programmed_until"])
            writer.writerows(
                [row.serial, customer_label(row), row.programmed_until.isoformat()] for row in rows
            )
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target

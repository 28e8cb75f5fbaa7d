"""The scheduled jobs, as plain functions: database, policy, manager desk and the time are
passed in, and each returns a printable result. APScheduler (:mod:`scheduler.service`),
the start-up catch-up and ``python -m bot jobs`` call the same functions, so a job run by
hand has the same exactly-once guarantees as a scheduled one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from handlers.desk.announcing import report_finished
from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from handlers.rules.dates import local_today
from scheduler.document_reminders import DocumentRun, send_document_reminders
from scheduler.escalations import EscalationRun, escalate_unanswered
from scheduler.key_run import KeyRunResult, RunRefused, run_key_renewals
from scheduler.session_reminders import SessionRun, send_session_reminders
from scheduler.support_reminders import ReminderRun, send_support_reminders
from scheduler.undeliverable import TaskRun, file_undeliverable_tasks
from storage.db import Database

__all__ = [
    "AnnouncementReports",
    "DocumentRun",
    "EscalationRun",
    "JobRefused",
    "KeyRunResult",
    "ReminderRun",
    "SessionRun",
    "TaskRun",
    "run_announcement_reports",
    "run_document_reminders",
    "run_escalations",
    "run_reminders",
    "run_renewals",
    "run_session_reminders",
    "run_undeliverable_scan",
]


class JobRefused(ValueError):
    """A job asked for a day or month it must not run (e.g. one in the future).

    ``reason`` and ``values`` word it for the operator (:mod:`scheduler.job_report`); the
    message is the log's English.
    """

    def __init__(self, message: str, reason: str, **values: object) -> None:
        super().__init__(message)
        self.reason = reason
        self.values = values


async def run_reminders(
    db: Database, policy: Policy, desk: ManagerDesk, now: datetime, *, day: date | None = None
) -> ReminderRun:
    """Support-expiry reminders of today, catching up the days missed since the last run.

    With ``day`` (an operator re-running a past day) exactly that day is run, as if it were
    today; a future day is refused.
    """
    today = local_today(now, policy)
    if day is not None and day > today:
        raise JobRefused(
            f"{day.isoformat()} is in the future (today is {today.isoformat()})",
            "future_day",
            day=day,
            today=today,
        )
    return await send_support_reminders(
        db, policy, day=day or today, now=now, catch_up=day is None or day == today
    )


async def run_renewals(
    db: Database,
    policy: Policy,
    desk: ManagerDesk,
    now: datetime,
    *,
    batch_dir: Path,
    month: str | None = None,
) -> KeyRunResult:
    """The monthly key-renewal run of ``month`` ('YYYY-MM', default: the latest run date on
    or before today); done already → a result that says "nothing to do". Refused for a
    vendor without the protection service (no key of its is prolonged by the bot)."""
    if not policy.services.protection:
        raise JobRefused("this vendor does not offer the protection service", "no_protection")
    try:
        return await run_key_renewals(db, policy, desk, batch_dir=batch_dir, now=now, month=month)
    except RunRefused as exc:
        raise JobRefused(str(exc), exc.reason, **exc.values) from exc


async def run_session_reminders(
    db: Database, policy: Policy, desk: ManagerDesk, now: datetime
) -> SessionRun:
    return await send_session_reminders(db, policy, now=now)


async def run_document_reminders(
    db: Database, policy: Policy, desk: ManagerDesk, now: datetime, *, day: date | None = None
) -> DocumentRun:
    return await send_document_reminders(db, policy, day=day or local_today(now, policy), now=now)


async def run_undeliverable_scan(
    db: Database, policy: Policy, desk: ManagerDesk, now: datetime
) -> TaskRun:
    return await file_undeliverable_tasks(db, policy, desk, now=now)


async def run_escalations(
    db: Database, policy: Policy, desk: ManagerDesk, now: datetime
) -> EscalationRun:
    """New requests unanswered past the promised time, brought to the managers."""
    return await escalate_unanswered(db, policy, desk, now=now)


@dataclass(frozen=True, slots=True)
class AnnouncementReports:
    """Announcements whose every message is delivered or given up, reported just now."""

    reported: tuple[int, ...]

    def __str__(self) -> str:
        if not self.reported:
            return "Announcement reports: nothing finished."
        return "Announcement reports: " + ", ".join(f"#{n}" for n in self.reported) + " reported."


async def run_announcement_reports(db: Database, now: datetime) -> AnnouncementReports:
    """Report finished announcements to the managers who sent them (once each)."""
    async with db.unit() as unit:
        reported = await report_finished(unit, now)
    return AnnouncementReports(tuple(reported))

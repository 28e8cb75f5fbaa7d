"""The scheduler of ``python -m bot run``: an APScheduler 3.11 ``AsyncIOScheduler`` in the
channels' event loop, with the times of the policy in the vendor's time zone, plus the
start-up :func:`catch_up`.

Schedule (times local to ``policy.timezone``; see docs/scheduler.md)

=====================  ==========================================================
support reminders      daily at ``reminders.daily_at`` (10:00)
document reminders     daily at ``reminders.daily_at``
monthly key run        on ``protection.renewal_run_day`` (the 1st) at 00:05
session reminders      every 5 minutes (on :00, :05, …)
undeliverable scan     every 10 minutes
daily backup           daily at 03:30 (``BACKUP_AT``), when given a ``backup`` plan
outbox retry pass      every ``outbox_every_seconds`` (30 s), when a channel gives one
=====================  ==========================================================

APScheduler only triggers: the jobs decide from the database what is due, so a run that
fires late, twice or in a second process changes nothing the second time. The in-memory
job store forgets runs missed while the bot was down; :func:`catch_up` makes them up at
start. Daily and monthly jobs have no misfire limit (a job delayed by a busy loop still
runs) and coalesce. A failing job is logged and tried again at its next time.

Use from ``python -m bot run`` (inside the running event loop)::

    from scheduler.service import catch_up, start_scheduler

    print(await catch_up(app.db, app.policy, app.desk,
                         batch_dir=app.settings.renewal_batch_dir))
    scheduler = start_scheduler(app.db, app.policy, app.desk,
                                batch_dir=app.settings.renewal_batch_dir,
                                outbox_pass=senders.retry_pass)  # optional
    try:
        ...  # run the channels
    finally:
        scheduler.shutdown(wait=False)
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TypeVar

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Clock, system_clock
from handlers.policy import Policy
from handlers.rules.dates import local_today
from handlers.rules.key_renewal import latest_run_date, run_month
from scheduler import jobs
from scheduler.backups import BACKUP_AT, BackupPlan, run_backup
from scheduler.document_reminders import JOB as DOCUMENTS_JOB
from scheduler.support_reminders import JOB as REMINDERS_JOB
from storage import job_runs, renewal_batches
from storage.db import Database

log = logging.getLogger(__name__)

#: The monthly run starts just after midnight of the run day (local time).
KEY_RUN_AT = time(0, 5)
SESSION_CHECK_MINUTES = 5
UNDELIVERABLE_SCAN_MINUTES = 10
#: How often new requests are checked against the promised first answer.
ESCALATION_CHECK_MINUTES = 5
OUTBOX_EVERY_SECONDS = 30
#: How often finished announcements are reported to the managers who sent them.
ANNOUNCEMENT_REPORT_MINUTES = 1

OutboxPass = Callable[[], Awaitable[object]]
#: Told of every scheduled run: the job's id and ``ok`` or ``failed`` (the shell's metrics).
RunObserver = Callable[[str, str], None]
T = TypeVar("T")


def _job(
    name: str,
    work: Callable[[datetime], Awaitable[object]],
    clock: Clock,
    on_run: RunObserver | None = None,
    job_id: str = "",
) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        try:
            result = await work(clock())
        except Exception:
            log.exception("scheduled job %r failed; it runs again at its next time", name)
            if on_run is not None:
                on_run(job_id, "failed")
            return
        log.info("%s", result)
        if on_run is not None:
            on_run(job_id, "ok")

    run.__name__ = name.replace(" ", "_")
    return run


def build_scheduler(
    db: Database,
    policy: Policy,
    desk: ManagerDesk,
    *,
    batch_dir: Path,
    clock: Clock = system_clock,
    outbox_pass: OutboxPass | None = None,
    outbox_every_seconds: int = OUTBOX_EVERY_SECONDS,
    backup: BackupPlan | None = None,
    on_run: RunObserver | None = None,
) -> AsyncIOScheduler:
    """The scheduler with every job added, not started (tests inspect its triggers)."""
    tz = policy.tz
    scheduler = AsyncIOScheduler(timezone=tz, job_defaults={"coalesce": True, "max_instances": 1})
    daily = policy.reminders.daily_at

    async def reminders(now: datetime) -> object:
        return await jobs.run_reminders(db, policy, desk, now)

    async def documents(now: datetime) -> object:
        return await jobs.run_document_reminders(db, policy, desk, now)

    async def renewals(now: datetime) -> object:
        return await jobs.run_renewals(db, policy, desk, now, batch_dir=batch_dir)

    async def sessions(now: datetime) -> object:
        return await jobs.run_session_reminders(db, policy, desk, now)

    async def escalations(now: datetime) -> object:
        return await jobs.run_escalations(db, policy, desk, now)

    async def undeliverable(now: datetime) -> object:
        return await jobs.run_undeliverable_scan(db, policy, desk, now)

    async def announcement_reports(now: datetime) -> object:
        return await jobs.run_announcement_reports(db, now)

    scheduler.add_job(
        _job("support reminders", reminders, clock, on_run, "support-reminders"),
        CronTrigger(hour=daily.hour, minute=daily.minute, timezone=tz),
        id="support-reminders",
        misfire_grace_time=None,
    )
    scheduler.add_job(
        _job("document reminders", documents, clock, on_run, "document-reminders"),
        CronTrigger(hour=daily.hour, minute=daily.minute, timezone=tz),
        id="document-reminders",
        misfire_grace_time=None,
    )
    if policy.services.protection:  # only a vendor with the protection service runs it
        scheduler.add_job(
            _job("key renewal run", renewals, clock, on_run, "key-renewal-run"),
            CronTrigger(
                day=policy.protection.renewal_run_day,
                hour=KEY_RUN_AT.hour,
                minute=KEY_RUN_AT.minute,
                timezone=tz,
            ),
            id="key-renewal-run",
            misfire_grace_time=None,
        )
    scheduler.add_job(
        _job("session reminders", sessions, clock, on_run, "session-reminders"),
        CronTrigger(minute=f"*/{SESSION_CHECK_MINUTES}", timezone=tz),
        id="session-reminders",
        misfire_grace_time=SESSION_CHECK_MINUTES * 60,
    )
    scheduler.add_job(
        _job("escalations", escalations, clock, on_run, "escalations"),
        CronTrigger(minute=f"*/{ESCALATION_CHECK_MINUTES}", timezone=tz),
        id="escalations",
        misfire_grace_time=ESCALATION_CHECK_MINUTES * 60,
    )
    scheduler.add_job(
        _job("undeliverable reminders", undeliverable, clock, on_run, "undeliverable-reminders"),
        CronTrigger(minute=f"*/{UNDELIVERABLE_SCAN_MINUTES}", timezone=tz),
        id="undeliverable-reminders",
        misfire_grace_time=UNDELIVERABLE_SCAN_MINUTES * 60,
    )
    scheduler.add_job(
        _job("announcement reports", announcement_reports, clock, on_run, "announcement-reports"),
        IntervalTrigger(minutes=ANNOUNCEMENT_REPORT_MINUTES, timezone=tz),
        id="announcement-reports",
        misfire_grace_time=ANNOUNCEMENT_REPORT_MINUTES * 60,
    )
    if backup is not None:
        plan = backup

        async def daily_backup(now: datetime) -> object:
            return await run_backup(plan, now)

        scheduler.add_job(
            _job("daily backup", daily_backup, clock),
            CronTrigger(hour=BACKUP_AT.hour, minute=BACKUP_AT.minute, timezone=tz),
            id="daily-backup",
            misfire_grace_time=None,
        )
    if outbox_pass is not None:
        pass_ = outbox_pass

        async def retry(now: datetime) -> object:
            return await pass_()

        scheduler.add_job(
            _job("outbox retry pass", retry, clock, on_run, "outbox-retry"),
            IntervalTrigger(seconds=outbox_every_seconds, timezone=tz),
            id="outbox-retry",
            misfire_grace_time=outbox_every_seconds,
        )
    return scheduler


def start_scheduler(
    db: Database,
    policy: Policy,
    desk: ManagerDesk,
    *,
    batch_dir: Path,
    clock: Clock = system_clock,
    outbox_pass: OutboxPass | None = None,
    outbox_every_seconds: int = OUTBOX_EVERY_SECONDS,
    backup: BackupPlan | None = None,
    on_run: RunObserver | None = None,
) -> AsyncIOScheduler:
    """Build and start the scheduler; call inside the running event loop, and
    ``shutdown()`` it before closing the database."""
    scheduler = build_scheduler(
        db,
        policy,
        desk,
        batch_dir=batch_dir,
        clock=clock,
        outbox_pass=outbox_pass,
        outbox_every_seconds=outbox_every_seconds,
        backup=backup,
        on_run=on_run,
    )
    scheduler.start()
    return scheduler


@dataclass(frozen=True, slots=True)
class CatchUp:
    """What the start-up catch-up did (None: not needed, or failed: see ``errors``)."""

    renewals: jobs.KeyRunResult | None
    reminders: jobs.ReminderRun | None
    documents: jobs.DocumentRun | None
    sessions: jobs.SessionRun | None
    tasks: jobs.TaskRun | None
    errors: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [self.renewals, self.reminders, self.documents, self.sessions, self.tasks]
        lines = [f"Catch-up: {part}" for part in parts if part is not None]
        lines += [f"Catch-up failed: {error}" for error in self.errors]
        return "\n".join(lines)


async def _attempt(name: str, work: Awaitable[T], errors: list[str]) -> T | None:
    """Run one part of the catch-up; a failure is logged and the bot still starts (the
    scheduled run and the next start try again)."""
    try:
        return await work
    except Exception as exc:
        log.exception("catch-up of %s failed", name)
        errors.append(f"{name}: {exc}")
        return None


async def catch_up(
    db: Database,
    policy: Policy,
    desk: ManagerDesk,
    *,
    batch_dir: Path,
    now: datetime | None = None,
) -> CatchUp:
    """Make up at start what the scheduler missed while the bot was down:

    * this month's key run if it has not happened, or resume it if it was interrupted;
    * if today's reminder time has passed and today's run has not happened: the support
      reminders (covering every missed day, see :mod:`scheduler.support_reminders`) and
      the document reminders; before that time the scheduled run does it;
    * session reminders and the undeliverable scan (both check "now").

    Safe to run any number of times and in a second process.
    """
    now = now or system_clock()
    today = local_today(now, policy)
    month = run_month(latest_run_date(today, policy))
    async with db.unit() as unit:
        batch = await renewal_batches.get(unit, month)
        reminders_done = await job_runs.is_done(unit, REMINDERS_JOB, today)
        documents_done = await job_runs.is_done(unit, DOCUMENTS_JOB, today)
    errors: list[str] = []
    renewals = reminders = documents = None
    if policy.services.protection and (batch is None or batch.finished_at is None):
        renewals = await _attempt(
            "the key renewal run",
            jobs.run_renewals(db, policy, desk, now, batch_dir=batch_dir),
            errors,
        )
    if now.astimezone(policy.tz).time() >= policy.reminders.daily_at:
        if not reminders_done:
            reminders = await _attempt(
                "support reminders", jobs.run_reminders(db, policy, desk, now), errors
            )
        if not documents_done:
            documents = await _attempt(
                "document reminders", jobs.run_document_reminders(db, policy, desk, now), errors
            )
    sessions = await _attempt(
        "session reminders", jobs.run_session_reminders(db, policy, desk, now), errors
    )
    tasks = await _attempt(
        "undeliverable reminders", jobs.run_undeliverable_scan(db, policy, desk, now), errors
    )
    result = CatchUp(renewals, reminders, documents, sessions, tasks, tuple(errors))
    log.info("%s", result)
    return result

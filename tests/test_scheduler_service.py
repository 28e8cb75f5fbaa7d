"""The APScheduler wiring (times from the policy, in Moscow time; the run on 1 January and
on a Sunday) and the start-up catch-up: the bot down from the 28th to the 3rd catches up
once, sending per license only the latest missed reminder that is still true."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.policy import Policy
from scheduler import jobs
from scheduler.service import build_scheduler, catch_up, start_scheduler
from scheduler.support_reminders import parse_dedupe_key
from storage import renewal_batches
from storage.db import Database
from tests.support.chat import Clock
from tests.support.scheduler_world import (
    Person,
    count,
    key_of,
    last_outbox_id,
    license_row,
    link,
    load,
    local,
    outbox_rows,
)

DESK = ManagerDesk.console_only()
PETROV = Person("Иван Петров", "+79990001122")


def next_fire(scheduler: object, job_id: str, after: datetime, policy: Policy) -> str:
    job = scheduler.get_job(job_id)  # type: ignore[attr-defined]
    fire = job.trigger.get_next_fire_time(None, after.astimezone(policy.tz))
    return fire.astimezone(policy.tz).strftime("%a %Y-%m-%d %H:%M")


def test_jobs_fire_at_the_policys_times_in_moscow_whatever_the_weekday(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    scheduler = build_scheduler(db, policy, DESK, batch_dir=tmp_path)
    noon = local(date(2026, 11, 23), 12, 0, policy)
    assert next_fire(scheduler, "support-reminders", noon, policy) == "Tue 2026-11-24 10:00"
    assert next_fire(scheduler, "document-reminders", noon, policy) == "Tue 2026-11-24 10:00"
    assert next_fire(scheduler, "session-reminders", noon + timedelta(minutes=2), policy) == (
        "Mon 2026-11-23 12:05"
    )
    december = local(date(2026, 12, 15), 12, 0, policy)
    assert next_fire(scheduler, "key-renewal-run", december, policy) == "Fri 2027-01-01 00:05"
    july = local(date(2027, 7, 15), 12, 0, policy)
    assert next_fire(scheduler, "key-renewal-run", july, policy) == "Sun 2027-08-01 00:05"
    assert scheduler.get_job("outbox-retry") is None
    early = policy.model_copy(
        update={"reminders": policy.reminders.model_copy(update={"daily_at": time(8, 30)})}
    )
    moved = build_scheduler(db, early, DESK, batch_dir=tmp_path)
    assert next_fire(moved, "support-reminders", noon, early) == "Tue 2026-11-24 08:30"


async def test_the_scheduler_starts_in_the_running_loop_and_jobs_log_their_result(
    db: Database, policy: Policy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    passes: list[int] = []

    async def outbox_pass() -> int:
        passes.append(1)
        return 0

    clock = Clock(local(date(2026, 11, 23), 10, 0, policy))
    scheduler = start_scheduler(
        db, policy, DESK, batch_dir=tmp_path, clock=clock, outbox_pass=outbox_pass
    )
    try:
        assert scheduler.running
        assert {job.id for job in scheduler.get_jobs()} == {
            "support-reminders",
            "document-reminders",
            "key-renewal-run",
            "session-reminders",
            "escalations",
            "undeliverable-reminders",
            "announcement-reports",
            "outbox-retry",
        }
        caplog.set_level(logging.INFO, logger="scheduler.service")
        await scheduler.get_job("support-reminders").func()
        await scheduler.get_job("outbox-retry").func()
    finally:
        scheduler.shutdown(wait=False)
    assert "Support reminders for 2026-11-23: nothing to do." in caplog.text
    assert passes == [1]


async def test_a_failing_job_is_logged_and_does_not_stop_the_scheduler(
    db: Database, policy: Policy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_clock() -> datetime:
        return datetime(2026, 11, 23, 10, 0)  # naive: the job refuses it

    scheduler = build_scheduler(db, policy, DESK, batch_dir=tmp_path, clock=broken_clock)
    await scheduler.get_job("support-reminders").func()
    assert "scheduled job 'support reminders' failed" in caplog.text


# -- catch-up after downtime ---------------------------------------------------------


@pytest.fixture
async def portfolio(db: Database, policy: Policy, tmp_path: Path) -> Path:
    await load(
        db,
        [
            license_row(PETROV, "MEBEL", "A", date(2027, 3, 31)),
            license_row(PETROV, "MEBEL", "B", date(2027, 4, 5)),
            license_row(PETROV, "REPORT", "C", date(2027, 3, 18), key="3-1", service=True),
            license_row(PETROV, "REPORT", "D", date(2027, 3, 30)),
            license_row(PETROV, "MEBEL", "E", date(2027, 9, 1), key="3-2", service=True),
        ],
        datetime(2027, 1, 1, tzinfo=UTC),
    )
    await link(db, PETROV, "101")
    batch_dir = tmp_path / "renewals"
    await jobs.run_renewals(
        db, policy, DESK, local(date(2027, 3, 1), 0, 5, policy), batch_dir=batch_dir
    )
    day = date(2027, 3, 20)
    while day <= date(2027, 3, 27):  # up and running until the 27th
        await jobs.run_reminders(db, policy, DESK, local(day, 10, 0, policy))
        day += timedelta(days=1)
    return batch_dir


async def sent_since(db: Database, after: int) -> list[tuple[str, str]]:
    numbers = {1: "A", 2: "B", 3: "C", 4: "D", 5: "E"}
    found = []
    for row in await outbox_rows(db, after=after, prefix="reminder:"):
        address = parse_dedupe_key(row["dedupe_key"])
        assert address is not None
        found.append((numbers[address.license_id], address.kind))
    return sorted(found)


async def test_down_from_the_28th_to_the_3rd_catches_up_once(
    db: Database, policy: Policy, portfolio: Path
) -> None:
    before = await last_outbox_id(db)
    back = local(date(2027, 4, 3), 11, 0, policy)
    result = await catch_up(db, policy, DESK, batch_dir=portfolio, now=back)

    assert result.renewals is not None and result.renewals.status == "done"
    assert result.renewals.run_date == date(2027, 4, 1)
    assert (await key_of(db, "3-2")).programmed_until == date(2027, 5, 1)
    # 3-1's E + 14 (1 April, the run date) has passed by the day the run is caught up: the
    # service is disconnected then, not left out with "renew by 01.04.2027" on the 3rd.
    key = await key_of(db, "3-1")
    assert key.programmed_until == date(2027, 3, 31) and not key.protection_service
    assert key.protection_disconnected_on == date(2027, 4, 3)
    assert result.reminders is not None
    assert (result.reminders.first, result.reminders.day) == (date(2027, 3, 28), date(2027, 4, 3))
    # A: "ends on 31.03" (30th) skipped, "ended" (1st) sent; B: 7 days before, still ahead;
    # C: its key's service is off, so no E + 10 protection warning is due; D like A.
    assert await sent_since(db, before) == [
        ("A", "after_end:1"),
        ("B", "before_end:7"),
        ("D", "after_end:1"),
    ]
    assert (result.reminders.reminders, result.reminders.skipped) == (3, 2)
    texts = [row["text"] for row in await outbox_rows(db, after=before, prefix="reminder:")]
    assert any("закончилась 31.03.2027" in text for text in texts)
    assert "Catch-up: Key renewal run 2027-04" in str(result)

    # A restart half an hour later, and the scheduled runs of the day: nothing more.
    queued = await last_outbox_id(db)
    again = await catch_up(db, policy, DESK, batch_dir=portfolio, now=back + timedelta(minutes=30))
    assert again.renewals is None and again.reminders is None and again.documents is None
    assert await last_outbox_id(db) == queued
    assert await count(db, "renewal_batches") == 2
    # The next day is an ordinary day again.
    await jobs.run_reminders(db, policy, DESK, local(date(2027, 4, 4), 10, 0, policy))
    assert await sent_since(db, queued) == [("B", "before_end:1")]


async def test_back_before_the_reminder_time_the_scheduled_run_does_the_catching_up(
    db: Database, policy: Policy, portfolio: Path
) -> None:
    before = await last_outbox_id(db)
    early = await catch_up(
        db, policy, DESK, batch_dir=portfolio, now=local(date(2027, 4, 3), 8, 0, policy)
    )
    assert early.renewals is not None and early.reminders is None
    assert await sent_since(db, before) == []
    scheduled = await jobs.run_reminders(db, policy, DESK, local(date(2027, 4, 3), 10, 0, policy))
    assert scheduled.first == date(2027, 3, 28)
    assert len(await sent_since(db, before)) == 3


async def test_an_interrupted_monthly_run_is_finished_at_start(
    db: Database, policy: Policy, portfolio: Path
) -> None:
    now = local(date(2027, 4, 1), 0, 5, policy)
    async with db.transaction() as unit:  # the run died right after opening its batch
        assert await renewal_batches.start(unit, "2027-04", date(2027, 4, 1), now) is not None
    result = await catch_up(db, policy, DESK, batch_dir=portfolio, now=now + timedelta(hours=1))
    assert result.renewals is not None and result.renewals.status == "resumed"
    assert result.renewals.prolonged == 1 and result.renewals.left_out == 1
    async with db.unit() as unit:
        batch = await renewal_batches.get(unit, "2027-04")
    assert batch is not None and batch.finished_at is not None


async def test_a_failing_part_of_the_catch_up_does_not_stop_the_rest(
    db: Database, policy: Policy, portfolio: Path, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "renewals.txt"
    not_a_folder.write_text("a file where the batch folder should be", "utf-8")
    back = local(date(2027, 4, 3), 11, 0, policy)
    result = await catch_up(db, policy, DESK, batch_dir=not_a_folder, now=back)
    assert result.renewals is None and len(result.errors) == 1
    assert result.errors[0].startswith("the key renewal run:")
    assert "Catch-up failed: the key renewal run" in str(result)
    assert result.reminders is not None and result.reminders.reminders == 3
    # The outcomes were logged; the next start finishes the batch into a usable folder.
    again = await catch_up(db, policy, DESK, batch_dir=portfolio, now=back)
    assert again.renewals is not None and again.renewals.status == "resumed"
    assert again.reminders is None and again.errors == ()

"""What makes scheduled work idempotent: the reminder log, renewal batches, link attempts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest

from storage import keys, licenses, link_attempts, reminder_log, renewal_batches
from storage.db import Database
from storage.demo import load_demo
from storage.models import Platform
from storage.renewal_batches import BatchKey

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@pytest.fixture
async def demo(db: Database) -> AsyncIterator[Database]:
    report = await load_demo(db, today=TODAY, now=NOW)
    assert report.ok, report.errors
    yield db


async def test_a_reminder_is_logged_once_per_support_end(demo: Database) -> None:
    end = TODAY + timedelta(days=30)
    async with demo.unit() as unit:
        lic = await licenses.by_number(unit, "L-1002")
        assert lic is not None
        first = await reminder_log.record(unit, lic.id, "before_end:30", end, TODAY, NOW)
        repeat = await reminder_log.record(unit, lic.id, "before_end:30", end, TODAY, NOW)
        other_kind = await reminder_log.record(unit, lic.id, "before_end:7", end, TODAY, NOW)
        renewed = await reminder_log.record(
            unit, lic.id, "before_end:30", end + timedelta(days=365), TODAY, NOW
        )
    async with demo.unit() as unit:
        sent = await reminder_log.already_sent(unit, lic.id, "before_end:30", end)
        not_sent = await reminder_log.already_sent(unit, lic.id, "after_end:1", end)
        logged = await reminder_log.logged_for_support_ends(unit, end, end)
    assert (first, repeat, other_kind, renewed) == (True, False, True, True)
    assert (sent, not_sent) == (True, False)
    assert logged == {(lic.id, "before_end:30", end), (lic.id, "before_end:7", end)}


async def test_a_month_has_one_batch_and_a_key_one_outcome(demo: Database) -> None:
    run_on = date(2026, 12, 1)
    async with demo.unit() as unit:
        key = await keys.by_serial(unit, "3-1234567")
        assert key is not None
        batch_id = await renewal_batches.start(unit, "2026-12", run_on, NOW)
        assert batch_id is not None
        assert await renewal_batches.start(unit, "2026-12", run_on, NOW) is None
        await renewal_batches.add_keys(
            unit, batch_id, "2026-12", [BatchKey(key.id, "prolonged", date(2026, 12, 31))]
        )
        await renewal_batches.add_keys(
            unit, batch_id, "2026-12", [BatchKey(key.id, "excluded_status")]
        )
    async with demo.unit() as unit:
        unfinished = await renewal_batches.get(unit, "2026-12")
        logged = await renewal_batches.keys_of_month(unit, "2026-12")
        await renewal_batches.finish(unit, batch_id, "/files/2026-12.csv", {"prolonged": 1}, NOW)
    async with demo.unit() as unit:
        finished = await renewal_batches.get(unit, "2026-12")
        missing = await renewal_batches.get(unit, "2027-01")
    assert unfinished is not None and unfinished.finished_at is None
    assert logged == {key.id: BatchKey(key.id, "prolonged", date(2026, 12, 31))}
    assert finished is not None
    assert finished.run_on == run_on
    assert finished.file_path == "/files/2026-12.csv"
    assert finished.summary == {"prolonged": 1}
    assert finished.finished_at == NOW
    assert missing is None


async def test_only_failed_link_attempts_in_the_window_count(db: Database) -> None:
    hour_ago = NOW - timedelta(hours=1)
    async with db.unit() as unit:
        await link_attempts.record(unit, Platform.VK, "7", "license", False, hour_ago)
        for minutes in (10, 20):
            await link_attempts.record(
                unit, Platform.VK, "7", "license", False, NOW - timedelta(minutes=minutes)
            )
        await link_attempts.record(unit, Platform.VK, "7", "license", True, NOW)
        await link_attempts.record(unit, Platform.VK, "8", "license", False, NOW)
        await link_attempts.record(unit, Platform.TELEGRAM, "7", "phone", False, NOW)
    async with db.unit() as unit:
        recent = await link_attempts.failures_since(
            unit, Platform.VK, "7", NOW - timedelta(minutes=30)
        )
        hour = await link_attempts.failures_since(unit, Platform.VK, "7", hour_ago)
    assert (recent, hour) == (2, 3)

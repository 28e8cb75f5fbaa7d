"""The outbox: nothing queued twice by a repeated job, retried until sent or refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import outbox
from storage.db import Database
from storage.models import Platform

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


async def test_queued_message_is_due_at_once_with_its_buttons(db: Database) -> None:
    async with db.unit() as unit:
        message_id = await outbox.enqueue(
            unit,
            Platform.TELEGRAM,
            "100",
            "Поддержка заканчивается",
            [[("Продлить", "renewal.lic:1")], [("Меню", "menu")]],
            now=NOW,
            topic="request:1",
        )
    async with db.unit() as unit:
        due = await outbox.due(unit, Platform.TELEGRAM, NOW)
        due_in_vk = await outbox.due(unit, Platform.VK, NOW)
    assert message_id is not None
    assert [m.id for m in due] == [message_id]
    assert due[0].text == "Поддержка заканчивается"
    assert due[0].buttons == [[("Продлить", "renewal.lic:1")], [("Меню", "menu")]]
    assert due[0].topic == "request:1"
    assert due_in_vk == []


async def test_same_dedupe_key_is_queued_once(db: Database) -> None:
    async with db.unit() as unit:
        first = await outbox.enqueue(
            unit, Platform.TELEGRAM, "100", "a", now=NOW, dedupe_key="reminder:1:before_end:30"
        )
        second = await outbox.enqueue(
            unit, Platform.TELEGRAM, "100", "a", now=NOW, dedupe_key="reminder:1:before_end:30"
        )
        other = await outbox.enqueue(unit, Platform.TELEGRAM, "100", "b", now=NOW)
        count = await outbox.pending_count(unit)
    assert first is not None and other is not None
    assert second is None
    assert count == 2


async def test_retry_waits_and_refusal_is_final(db: Database) -> None:
    async with db.unit() as unit:
        retried = await outbox.enqueue(unit, Platform.VK, "1", "x", now=NOW)
        refused = await outbox.enqueue(unit, Platform.VK, "2", "y", now=NOW)
        sent = await outbox.enqueue(unit, Platform.VK, "3", "z", now=NOW)
        assert retried and refused and sent
    later = NOW + timedelta(seconds=30)
    async with db.unit() as unit:
        await outbox.mark_retry(unit, retried, "error 9: flood", later, NOW)
        await outbox.mark_refused(unit, refused, "error 901: messages not allowed", NOW)
        await outbox.mark_sent(unit, sent, NOW)
    async with db.unit() as unit:
        due_now = await outbox.due(unit, Platform.VK, NOW)
        due_later = await outbox.due(unit, Platform.VK, later)
        pending = await outbox.pending_count(unit, Platform.VK)
        gone = await outbox.get(unit, refused)
        attempts = await unit.fetchall("SELECT outbox_id, result FROM outbox_attempts ORDER BY id")
    assert due_now == []
    assert [m.id for m in due_later] == [retried]
    assert due_later[0].attempts == 1
    assert due_later[0].last_error == "error 9: flood"
    assert pending == 1
    assert gone is not None and gone.status == "refused"
    assert [(row["outbox_id"], row["result"]) for row in attempts] == [
        (retried, "retry"),
        (refused, "refused"),
        (sent, "sent"),
    ]


async def test_due_is_oldest_first_and_limited(db: Database) -> None:
    async with db.unit() as unit:
        ids = [
            await outbox.enqueue(
                unit, Platform.TELEGRAM, "1", str(n), now=NOW + timedelta(seconds=n)
            )
            for n in range(5)
        ]
    async with db.unit() as unit:
        due = await outbox.due(unit, Platform.TELEGRAM, NOW + timedelta(minutes=1), limit=3)
    assert [m.id for m in due] == ids[:3]


async def test_a_message_queued_in_a_failed_unit_is_not_sent(db: Database) -> None:
    """Queued with the change that caused it: a rolled-back change sends nothing."""
    try:
        async with db.unit() as unit:
            await outbox.enqueue(unit, Platform.TELEGRAM, "1", "x", now=NOW)
            raise RuntimeError("the step failed")
    except RuntimeError:
        pass
    async with db.unit() as unit:
        assert await outbox.pending_count(unit) == 0

"""The outbox sender: retry_after honoured, server and network errors retried, a blocked
person recorded as final, every attempt recorded, at most once per row, order per chat."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from handlers.policy import Policy
from storage import delivery, outbox
from storage.db import Database
from storage.models import Platform
from tests.support.telegram_world import NOW, World, make_world

PERSON = 2001
OTHER = 2002


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> World:
    return await make_world(db, policy, tmp_path, demo=False)


async def queue(world: World, chat: int, text: str) -> int:
    async with world.db.unit() as unit:
        outbox_id = await outbox.enqueue(
            unit, Platform.TELEGRAM, str(chat), text, now=world.clock()
        )
    assert outbox_id is not None
    return outbox_id


async def row(world: World, outbox_id: int) -> tuple[str, int, str | None]:
    async with world.db.unit() as unit:
        message = await outbox.get(unit, outbox_id)
    assert message is not None
    return message.status, message.attempts, message.last_error


async def attempts(world: World, outbox_id: int) -> list[str]:
    async with world.db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT result FROM outbox_attempts WHERE outbox_id = ? ORDER BY id", (outbox_id,)
        )
    return [r["result"] for r in rows]


async def test_retry_after_is_honoured(world: World) -> None:
    outbox_id = await queue(world, PERSON, "Your invoice is ready")
    world.fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5)
    await world.sender.drain()
    status, tries, error = await row(world, outbox_id)
    assert (status, tries) == ("pending", 1) and "retry after 5" in (error or "")
    async with world.db.unit() as unit:
        assert await delivery.due_in_order(unit, Platform.TELEGRAM, NOW) == []
    world.clock.advance(seconds=5)
    await world.sender.drain()
    assert (await row(world, outbox_id))[:2] == ("sent", 2)
    assert await attempts(world, outbox_id) == ["retry", "sent"]
    assert world.fake.texts(PERSON) == ["Your invoice is ready"]


async def test_server_errors_are_retried_with_a_growing_pause(world: World) -> None:
    outbox_id = await queue(world, PERSON, "Hello")
    for _ in range(3):
        world.fake.fail_next("sendMessage", 502, "Bad Gateway")
    pauses = []
    for _ in range(3):
        await world.sender.drain()
        async with world.db.unit() as unit:
            message = await outbox.get(unit, outbox_id)
        assert message is not None and message.status == "pending"
        pauses.append((message.next_attempt_at - world.clock()).total_seconds())
        world.clock.advance(seconds=pauses[-1])
    await world.sender.drain()
    assert pauses[0] <= pauses[1] <= pauses[2] and pauses[0] < pauses[2]
    assert await attempts(world, outbox_id) == ["retry", "retry", "retry", "sent"]
    assert world.fake.texts(PERSON) == ["Hello"]


async def test_a_person_who_blocked_the_bot_is_final_and_not_tried_again(world: World) -> None:
    world.fake.blocked.add(PERSON)
    outbox_id = await queue(world, PERSON, "Reminder")
    await world.sender.drain()
    assert (await row(world, outbox_id))[:2] == ("refused", 1)
    world.clock.advance(hours=1)
    await world.sender.drain()
    assert await attempts(world, outbox_id) == ["refused"]
    assert world.fake.to(PERSON) == []


async def test_a_chat_that_does_not_exist_is_refused(world: World) -> None:
    world.fake.fail_next("sendMessage", 400, "Bad Request: chat not found")
    outbox_id = await queue(world, PERSON, "x")
    await world.sender.drain()
    assert (await row(world, outbox_id))[0] == "refused"


async def test_a_dropped_connection_is_retried_and_logged_as_a_possible_duplicate(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    outbox_id = await queue(world, PERSON, "Hello")
    world.fake.fail_next("sendMessage", 0, "ServerDisconnectedError: Server disconnected")
    with caplog.at_level(logging.WARNING):
        await world.sender.drain()
    assert any("possible duplicate" in r.message for r in caplog.records)
    _, _, error = await row(world, outbox_id)
    assert "ambiguous" in (error or "")
    world.clock.advance(seconds=5)
    await world.sender.drain()
    assert (await row(world, outbox_id))[0] == "sent"


async def test_long_text_continues_after_the_parts_already_delivered(world: World) -> None:
    text = "\n".join(f"Line {i} " + "x" * 100 for i in range(60))  # two parts
    outbox_id = await queue(world, PERSON, text)
    world.fake.fail_next("sendMessage", 500, "Internal Server Error")  # first part fails
    await world.sender.drain()
    world.clock.advance(seconds=5)
    original = world.fake.answer
    calls = 0

    def second_part_fails_once(method: str, params: dict) -> tuple[int, dict]:  # type: ignore[type-arg]
        nonlocal calls
        calls += 1
        if calls == 2:
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        return original(method, params)

    world.fake.answer = second_part_fails_once  # type: ignore[method-assign]
    await world.sender.drain()
    world.clock.advance(seconds=5)
    await world.sender.drain()
    delivered = world.fake.texts(PERSON)
    assert len(delivered) == 2  # each part once
    assert "\n".join(delivered) == text
    assert await attempts(world, outbox_id) == ["retry", "retry", "sent"]


async def test_one_chats_messages_keep_their_order_when_the_first_is_retried(
    world: World,
) -> None:
    first = await queue(world, PERSON, "first")
    await queue(world, PERSON, "second")
    await queue(world, OTHER, "to someone else")
    world.fake.fail_next("sendMessage", 500, "Internal Server Error")
    await world.sender.drain()
    assert world.fake.texts(PERSON) == []
    assert world.fake.texts(OTHER) == ["to someone else"]
    world.clock.advance(seconds=5)
    await world.sender.drain()
    assert world.fake.texts(PERSON) == ["first", "second"]
    assert await attempts(world, first) == ["retry", "sent"]


async def test_a_row_left_sending_by_a_crash_goes_out_again_with_a_warning(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    outbox_id = await queue(world, PERSON, "Hello")
    async with world.db.unit() as unit:
        await delivery.claim(unit, outbox_id)
    await world.sender.drain()
    assert world.fake.texts(PERSON) == []  # not due while "sending"
    with caplog.at_level(logging.WARNING):
        await world.sender.recover()
    await world.sender.drain()
    assert world.fake.texts(PERSON) == ["Hello"]
    assert any("possible duplicate" in r.message for r in caplog.records)


async def test_a_button_payload_and_html_in_outbox_text_are_safe(world: World) -> None:
    async with world.db.unit() as unit:
        await outbox.enqueue(
            unit,
            Platform.TELEGRAM,
            str(PERSON),
            "Price < 100 & more",
            [[("Pay", "1:renewal.pay:1")]],
            now=world.clock(),
        )
    await world.sender.drain()
    (sent,) = world.fake.to(PERSON)
    assert sent.plain == "Price < 100 & more"
    assert sent.buttons == [("Pay", "1:renewal.pay:1")]

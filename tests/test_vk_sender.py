"""The VK outbox sender: random_id from the outbox row, errors 6 and 10 and dropped
connections retried with every message shown exactly once and in order, 901 recorded as
final with a managers' task for what the customer was owed, documents uploaded."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.channels.vk.adapter import random_id
from bot.channels.vk.api import RequestLimit
from handlers.policy import Policy
from scheduler.support_reminders import send_support_reminders
from storage import outbox, requests
from storage.db import Database
from storage.models import Platform, RequestKind
from tests.support.scheduler_world import Person, license_row, link, load, local
from tests.support.vk_fake import Faults
from tests.support.vk_world import CUSTOMER, MANAGER, OTHER, VKWorld, vk_world


async def queue(world: VKWorld, chat: int, text: str, **extra: object) -> int:
    async with world.db.unit() as unit:
        outbox_id = await outbox.enqueue(
            unit, Platform.VK, str(chat), text, now=world.clock(), **extra
        )
    assert outbox_id is not None
    return outbox_id


async def statuses(world: VKWorld) -> dict[int, tuple[str, int]]:
    async with world.db.unit() as unit:
        rows = await unit.fetchall("SELECT id, status, attempts FROM outbox ORDER BY id")
    return {row["id"]: (row["status"], row["attempts"]) for row in rows}


async def drain_all(world: VKWorld, rounds: int = 40) -> None:
    """Send until nothing is pending, moving the clock past each retry pause."""
    for _ in range(rounds):
        await world.sender.drain()
        async with world.db.unit() as unit:
            if await outbox.pending_count(unit, Platform.VK) == 0:
                return
        world.clock.advance(seconds=400)
    raise AssertionError("the outbox did not drain")


async def test_random_id_comes_from_the_outbox_row(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        world.fake.allowed.add(CUSTOMER)
        first = await queue(world, CUSTOMER, "Your invoice is ready")
        second = await queue(world, CUSTOMER, "Anything else?")
        await world.sender.drain()
        sent = world.fake.to(CUSTOMER)
        assert [s.text for s in sent] == ["Your invoice is ready", "Anything else?"]
        assert [s.random_id for s in sent] == [random_id(first, 0), random_id(second, 0)]
        assert await statuses(world) == {first: ("sent", 1), second: ("sent", 1)}


async def test_errors_6_and_10_and_dropped_connections_show_every_message_exactly_once(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    faults = Faults(every=2, kinds=("6", "10", "drop", "lost"))
    async with vk_world(db, policy, tmp_path, demo=False, faults=faults) as world:
        people = (CUSTOMER, OTHER, MANAGER)
        world.fake.allowed.update(people)
        expected = {p: [f"Message {i} to {p}" for i in range(6)] for p in people}
        for i in range(6):
            for person in people:
                await queue(world, person, expected[person][i])
        await drain_all(world)
        assert {p: world.fake.texts(p) for p in people} == expected
        assert set(faults.injected) == {"6", "10", "drop", "lost"}
        # A "lost" answer: VK showed the message, the retry carried the same random_id.
        resent = [
            rid
            for method, p in world.fake.calls
            if method == "messages.send"
            for rid in [p.get("random_id")]
        ]
        assert len(resent) > len(set(resent))
        async with world.db.unit() as unit:
            results = await unit.fetchall("SELECT result FROM outbox_attempts")
        assert {r["result"] for r in results} == {"retry", "sent"}


async def test_the_token_request_limit_is_kept(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        world.api.limit = RequestLimit()  # VK's real 20 a second, in real time
        people = [CUSTOMER + i for i in range(5)]
        world.fake.allowed.update(people)
        world.fake.enforce_limit = True
        for i in range(5):  # 25 messages: more than VK takes in a second
            for person in people:
                await queue(world, person, f"Line {i}")
        await drain_all(world)
        assert all(world.fake.texts(p) == [f"Line {i}" for i in range(5)] for p in people)
        assert world.fake.rate_limited == 0


async def test_901_is_final_and_an_unreachable_reminder_becomes_a_call_back_task(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    person = Person("Иван Петров", "+79990001122", company="ООО «Мебель-Про»")
    end = date(2027, 3, 31)
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        await load(db, [license_row(person, "MEBEL", "L-1", end)], world.clock())
        await link(db, person, str(CUSTOMER), platform=Platform.VK)
        day = date(2027, 3, 1)
        now = local(day, 10, 0, policy)
        await send_support_reminders(db, policy, day=day, now=now, catch_up=False)
        world.clock.now = now + timedelta(minutes=1)
        await drain_all(world)  # CUSTOMER never wrote to the community: VK says 901
        async with world.db.unit() as unit:
            rows = await unit.fetchall(
                "SELECT status, attempts, last_error, dedupe_key FROM outbox WHERE chat_id = ?",
                (str(CUSTOMER),),
            )
            callbacks = await requests.open_requests(unit)
        [row] = rows
        assert (row["status"], row["attempts"]) == ("refused", 1)
        assert "901" in row["last_error"] and row["dedupe_key"].startswith("reminder:")
        assert [r.kind for r in callbacks] == [RequestKind.CALLBACK]
        card = world.fake.last(MANAGER, f"№{callbacks[0].id}")
        assert "Иван Петров" in card.text and "L-1" in card.text
        assert world.fake.to(CUSTOMER) == []


async def test_an_owed_answer_vk_refuses_reaches_the_managers_as_a_task(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    async with vk_world(db, policy, tmp_path) as world:
        await world.talk(CUSTOMER, "/upload", lang_id=3)
        card = world.fake.last(MANAGER, "№1")
        world.fake.refusing.add(CUSTOMER)  # the customer forbade messages from the community
        await world.press(MANAGER, card, "Взять")
        await drain_all(world)
        notice = world.fake.last(MANAGER, "не доставлено")
        assert "Заявка №1" in notice.text and "901" in notice.text
        assert any("Взять" in label or "Ответить" in label for label, _, _ in notice.buttons)
        async with world.db.unit() as unit:
            events = await requests.events(unit, 1)
        [undelivered] = [e for e in events if e.actor == "system" and e.note_line is not None]
        assert undelivered.note_line is not None
        assert undelivered.note_line[0] == "history.vk_not_delivered"


async def test_a_document_is_uploaded_and_attached(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    export = tmp_path / "requests.csv"
    export.write_text("number;kind\n1;question\n", encoding="utf-8")
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        await queue(world, MANAGER, "Export of requests", document=str(export))
        await world.sender.drain()
        text, doc = world.fake.to(MANAGER)
        assert text.text == "Export of requests"
        assert doc.attachment.startswith(f"doc-{world.fake.group_id}_")
        assert world.fake.docs[doc.attachment] == export.read_bytes()

"""The manager chat: one forum topic per request, a manager's answer in the topic (or in
reply to a card) reaching the customer, the customer's follow-ups reaching the same topic,
and what breaks other topic bots: deleted topics, bursts, missing rights."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.channels.telegram.polling import store_updates
from handlers.policy import Policy
from storage import conversations, outbox
from storage.db import Database
from storage.models import ConversationState, Platform
from tests.support.telegram_fakes import FakeTelegram, Sent
from tests.support.telegram_world import CUSTOMER, MANAGER, MANAGER_CHAT, World, make_world


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> World:
    return await make_world(db, policy, tmp_path)


async def ask(world: World, question: str, language: str = "en") -> int:
    await world.feed(world.fake.message(CUSTOMER, "/ask", language=language))
    await world.feed(world.fake.message(CUSTOMER, question, language=language))
    answer = world.fake.texts(CUSTOMER)[-1]
    assert answer.startswith("Question #"), answer
    return int(answer.removeprefix("Question #").split()[0])


def card(world: World, request_id: int) -> Sent:
    return world.fake.last(MANAGER_CHAT, f"№{request_id}")


async def status(db: Database, request_id: int) -> str:
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT status FROM requests WHERE id = ?", (request_id,))
    return str(row["status"])


async def test_card_opens_a_topic_and_the_answer_goes_both_ways(world: World) -> None:
    request_id = await ask(world, "Can I move my license to a new PC?")
    first = card(world, request_id)
    assert first.thread_id is not None
    title = world.fake.topics[first.thread_id]
    assert title.startswith(f"№{request_id} ") and "новая" in title

    # The manager takes it in the topic: a short answer shows on the button itself.
    await world.feed(world.fake.press(MANAGER, first, "Взять"))
    assert world.fake.callback_answers[-1]["text"].startswith(f"Заявка №{request_id}")
    assert await status(world.db, request_id) == "in_work"
    assert "taken into work" in world.fake.texts(CUSTOMER)[-1]
    assert "в работе" in world.fake.topics[first.thread_id]  # the title follows the status
    assert card(world, request_id).thread_id == first.thread_id

    # The manager simply writes in the topic: it is the answer to the customer.
    await world.feed(
        world.fake.message(
            MANAGER,
            "Yes, <send> the new computer's ID",
            chat_id=MANAGER_CHAT,
            thread_id=first.thread_id,
        )
    )
    answer = world.fake.last(CUSTOMER, "Answer on request #")
    assert "Yes, <send> the new computer's ID" in answer.plain
    assert await status(world.db, request_id) == "waiting_customer"
    confirmation = world.fake.last(MANAGER_CHAT, "отправлен")
    assert confirmation.thread_id == first.thread_id

    # The customer's follow-up comes back into the same topic.
    await world.feed(world.fake.message(CUSTOMER, "Here it is: ABC-123", language="en"))
    follow_up = world.fake.last(MANAGER_CHAT, "ABC-123")
    assert follow_up.thread_id == first.thread_id
    assert len(world.calls("createForumTopic")) == 1


async def test_manager_reply_to_a_plain_card_reaches_the_customer(
    db: Database, policy: Policy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, forum=False)
    world = await make_world(db, policy, tmp_path, fake=fake)
    with caplog.at_level(logging.WARNING):
        request_id = await ask(world, "Invoice please")
        await ask(world, "And another one")
    plain = card(world, request_id)
    assert plain.thread_id is None
    assert world.calls("createForumTopic") == []
    lines = [r.message for r in caplog.records if "plain messages" in r.message]
    assert len(lines) == 1 and "Topics are off" in lines[0]

    await world.feed(
        world.fake.message(MANAGER, "Sent to your e-mail.", chat_id=MANAGER_CHAT, reply_to=plain)
    )
    assert "Sent to your e-mail." in world.fake.last(CUSTOMER, "Answer on request #").plain


async def test_missing_manage_topics_right_falls_back_with_one_clear_line(
    db: Database, policy: Policy, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, can_manage_topics=False)
    world = await make_world(db, policy, tmp_path, fake=fake)
    with caplog.at_level(logging.WARNING):
        first = await ask(world, "One")
        second = await ask(world, "Two")
    assert card(world, first).thread_id is None and card(world, second).thread_id is None
    lines = [r.message for r in caplog.records if "plain messages" in r.message]
    assert len(lines) == 1 and "Manage topics" in lines[0]


async def test_rights_lost_later_fall_back_instead_of_losing_the_card(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    await ask(world, "First")
    world.fake.can_manage_topics = False
    with caplog.at_level(logging.WARNING):
        request_id = await ask(world, "Second")
    assert card(world, request_id).thread_id is None
    assert any("cannot manage topics" in r.message for r in caplog.records)


async def test_a_deleted_topic_is_created_again_on_the_next_message(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    request_id = await ask(world, "Question")
    old = card(world, request_id).thread_id
    assert old is not None
    world.fake.deleted_topics.add(old)
    with caplog.at_level(logging.WARNING):
        await world.feed(world.fake.message(CUSTOMER, "Anyone there?", language="en"))
        world.clock.advance(seconds=1)
        await world.sender.drain(until=5)
    follow_up = world.fake.last(MANAGER_CHAT, "Anyone there?")
    assert follow_up.thread_id not in (None, old)
    assert any("was deleted" in r.message for r in caplog.records)
    assert len(world.calls("createForumTopic")) == 2


async def test_a_burst_of_messages_about_one_request_makes_one_topic(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/ask", language="en"))
    burst = [world.fake.message(CUSTOMER, "Urgent!", language="en")] + [
        world.fake.message(CUSTOMER, f"Follow-up {i}", language="en") for i in range(4)
    ]
    await store_updates(world.db, burst, now=world.clock())
    await world.processor.drain()  # the card and four follow-ups wait in the outbox
    await world.sender.drain(until=5)
    request_id = int(world.fake.texts(CUSTOMER)[1].removeprefix("Question #").split()[0])
    about = [
        s
        for s in world.fake.to(MANAGER_CHAT)
        if "Follow-up" in s.plain or f"№{request_id}" in s.plain
    ]
    # The card, then one notice: the follow-ups waiting for the sender joined it.
    assert len(about) == 2 and all(f"Follow-up {i}" in about[1].plain for i in range(4))
    assert len({s.thread_id for s in about}) == 1 and about[0].thread_id is not None
    assert len(world.calls("createForumTopic")) == 1


async def test_concurrent_first_messages_never_create_two_topics(world: World) -> None:
    request_id = await ask(world, "Question")
    assert world.topics is not None
    async with world.db.unit() as unit:
        await unit.execute("DELETE FROM telegram_topics")
    world.fake.calls.clear()
    threads = await asyncio.gather(*(world.topics.thread_for(request_id) for _ in range(5)))
    assert len(set(threads)) == 1
    assert len(world.calls("createForumTopic")) == 1


async def test_a_manager_answering_after_the_reply_button_in_the_general_topic(
    world: World,
) -> None:
    request_id = await ask(world, "Question")
    await world.feed(world.fake.press(MANAGER, card(world, request_id), "Ответить"))
    await world.feed(world.fake.message(MANAGER, "Typed in General", chat_id=MANAGER_CHAT))
    assert "Typed in General" in world.fake.last(CUSTOMER, "Answer on request #").plain


async def test_managers_talking_in_the_chat_are_left_alone(world: World) -> None:
    await ask(world, "Question")
    sent = len(world.fake.sent)
    await world.feed(world.fake.message(MANAGER, "lunch?", chat_id=MANAGER_CHAT))
    assert len(world.fake.sent) == sent


async def test_answer_to_a_closed_request_is_refused_and_nothing_reaches_the_customer(
    world: World,
) -> None:
    request_id = await ask(world, "Question")
    thread = card(world, request_id).thread_id
    await world.feed(world.fake.press(MANAGER, card(world, request_id), "Готово"))
    to_customer = len(world.fake.to(CUSTOMER))
    async with world.db.unit() as unit:
        queued = await outbox.pending_count(unit)
    await world.feed(
        world.fake.message(MANAGER, "Late answer", chat_id=MANAGER_CHAT, thread_id=thread)
    )
    assert len(world.fake.to(CUSTOMER)) == to_customer
    assert "уже" in world.fake.to(MANAGER_CHAT)[-1].plain
    async with world.db.unit() as unit:
        assert await outbox.pending_count(unit) == queued


async def test_writing_in_a_closed_requests_topic_never_reaches_another_customer(
    world: World,
) -> None:
    """The manager's own conversation still waits for an answer to request M (left there
    earlier); their text in the topic of request N, already closed, is refused and does
    not go to M's customer."""
    waiting = await ask(world, "First question")
    closed = await ask(world, "Second question")
    thread = card(world, closed).thread_id
    await world.feed(world.fake.press(MANAGER, card(world, closed), "Готово"))
    async with world.db.unit() as unit:
        await conversations.save(
            unit,
            Platform.TELEGRAM,
            f"{MANAGER_CHAT}:{MANAGER}",
            ConversationState("desk", "reply", {"request_id": waiting, "by": str(MANAGER)}),
            now=world.clock(),
        )
    await world.feed(
        world.fake.message(
            MANAGER, "Meant for the closed one", chat_id=MANAGER_CHAT, thread_id=thread
        )
    )
    assert not any("Meant for the closed one" in t for t in world.fake.texts(CUSTOMER))
    assert "уже" in world.fake.to(MANAGER_CHAT)[-1].plain


async def test_a_question_simply_written_in_telegram_goes_to_a_topic_and_back(
    world: World,
) -> None:
    """No menu, no command: the customer writes; the request number and the promised
    answer come back; the manager answers in the topic; the customer's "thanks" joins
    the same request; "My requests" shows it."""
    await world.feed(world.fake.message(CUSTOMER, "/start", language="en"))
    await world.feed(world.fake.message(CUSTOMER, "The report does not open", language="en"))
    filed = world.fake.last(CUSTOMER, "Your question went to the managers")
    request_id = int(filed.plain.split("request #")[1].split(".")[0])
    assert "The answer will come here today by 13:00." in filed.plain  # Monday 12:00 in Moscow
    first = card(world, request_id)
    assert first.thread_id is not None and "The report does not open" in first.plain

    await world.feed(
        world.fake.message(
            MANAGER, "Please update to 3.2.1", chat_id=MANAGER_CHAT, thread_id=first.thread_id
        )
    )
    answer = world.fake.last(CUSTOMER, "Answer on request #")
    assert f"#{request_id} from" in answer.plain and "Please update to 3.2.1" in answer.plain

    await world.feed(world.fake.message(CUSTOMER, "Thanks, that helped", language="en"))
    assert f"added to request #{request_id}" in world.fake.texts(CUSTOMER)[-1]
    follow_up = world.fake.last(MANAGER_CHAT, "Thanks, that helped")
    assert follow_up.thread_id == first.thread_id

    await world.feed(world.fake.message(CUSTOMER, "/menu", language="en"))
    menu = world.fake.last(CUSTOMER, "Main menu")
    await world.feed(world.fake.press(CUSTOMER, menu, "My requests"))
    listed = world.fake.texts(CUSTOMER)[-1]
    assert f"#{request_id}" in listed and "Thanks, that helped" in listed

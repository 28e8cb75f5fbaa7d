"""What a chat's next text is for (:func:`handlers.desk.desk_actions.awaited_text`): the query a
channel asks instead of reading the flows' saved state. After "Reply" or "Reject" a shared
manager chat waits for the text of the manager who pressed, about that request; any other
step takes anyone's text; a chat in no step waits for nothing."""

from __future__ import annotations

from handlers.desk.desk_actions import AwaitedText, awaited_text
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming
from handlers.engine.payloads import encode
from storage import conversations
from storage.db import Database
from storage.models import ConversationState, Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import NOW, file_renewal

TG = Platform.TELEGRAM
GROUP = "-100500"

clock, engine = desk_world.clock, desk_world.engine


async def awaited(db: Database, chat_id: str, platform: Platform = TG) -> AwaitedText | None:
    async with db.unit() as unit:
        return await awaited_text(unit, platform, chat_id)


async def in_group(
    engine: Engine, user_id: str, text: str = "", payload: str | None = None
) -> None:
    await engine.handle(
        Incoming(
            TG,
            GROUP,
            user_id,
            text=text,
            payload=payload,
            language="ru",
            display_name=f"Manager {user_id}",
            from_manager=True,
        )
    )


async def test_a_chat_in_no_step_waits_for_nothing(engine: Engine, db: Database) -> None:
    assert await awaited(db, GROUP) is None
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    assert await awaited(db, "1001") is None


async def test_after_reply_the_chat_waits_for_the_answer_of_the_one_who_pressed(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await in_group(engine, "m1", payload=encode("desk_actions.reply", number))
    found = await awaited(db, GROUP)
    assert found == AwaitedText(request_id=number, by="m1", answer=True)
    assert found.takes_from("m1")
    assert not found.takes_from("m2")

    await in_group(engine, "m2", "коллеги, я на обед")  # not for the step: still waiting
    assert await awaited(db, GROUP) == found
    await in_group(engine, "m1", "Счёт готов")
    assert await awaited(db, GROUP) is None


async def test_after_reject_the_chat_waits_for_the_reason_not_an_answer(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await in_group(engine, "m1", payload=encode("desk_actions.reject", number))
    assert await awaited(db, GROUP) == AwaitedText(request_id=number, by="m1", answer=False)
    await in_group(engine, "m1", "/cancel")
    assert await awaited(db, GROUP) is None


async def test_another_flows_step_takes_anyones_text_about_its_request(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.payload(encode("relay.to", number))
    found = await awaited(db, "1001")
    assert found == AwaitedText(request_id=number, by=None, answer=False)
    assert found.takes_from("1001") and found.takes_from("anyone")


async def test_a_step_without_a_request_names_none(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    await customer.press("Продление поддержки")
    assert await awaited(db, "1001") == AwaitedText(request_id=None, by=None, answer=False)


async def test_states_stored_before_and_after_the_flow_was_renamed_are_read(
    db: Database,
) -> None:
    """ "desk" is the card flow's name before it took its module's, "desk_actions"."""
    states = {
        "a": ConversationState("desk", "reply", {"request_id": 7, "by": "m1"}),
        "b": ConversationState("desk", "reject_reason", {"request_id": 7, "by": 42}),
        "c": ConversationState("desk", "reply", {"request_id": 7}),
        "d": ConversationState("relay", "message", {"request_id": "7"}),
        "e": ConversationState("desk_actions", "reply", {"request_id": 8, "by": "m2"}),
    }
    async with db.unit() as unit:
        for chat_id, state in states.items():
            await conversations.save(unit, TG, chat_id, state, now=NOW)
    assert await awaited(db, "a") == AwaitedText(7, "m1", answer=True)
    assert await awaited(db, "b") == AwaitedText(7, "42", answer=False)
    assert await awaited(db, "c") == AwaitedText(7, None, answer=True)
    # Not a request number: the text is about no request (as if the flow named none).
    assert await awaited(db, "d") == AwaitedText(None, None, answer=False)
    assert await awaited(db, "e") == AwaitedText(8, "m2", answer=True)
    assert await awaited(db, "a", Platform.VK) is None

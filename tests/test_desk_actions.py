"""The card buttons through the engine on real SQLite: take, reply, done, reject; the
customer sees every step, every change is recorded, a closed request stays closed, and
nobody but a manager can press them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers.desk.manager_desk import Destination, ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming
from handlers.engine.payloads import encode
from handlers.i18n import recording_texts, texts
from handlers.policy import Policy
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    NOW,
    console_manager,
    events_of,
    file_renewal,
    last_to,
    make_engine,
    messages_to,
    payloads,
    pdf,
    request_row,
    send_file,
    snapshot,
    state_of,
)

TG = Platform.TELEGRAM


#: The desk world's fixtures: the clock at NOW, an engine with the demo data and every flow.
clock, engine = desk_world.clock, desk_world.engine


# -- what the bot said, by catalogue key --------------------------------------------------


def manager_named(name: str, messenger: str, language: str = "ru") -> str:
    """A manager as the desk names them (``User m1 (Telegram)``), from the catalogue."""
    t = texts(language)
    return t("history.actor_manager", name=name, messenger=t(f"history.messenger_{messenger}"))


def account_named(name: str, messenger: str, language: str = "ru") -> str:
    """A customer's account as cards name it (``User 1001 (Telegram)``), from the catalogue."""
    t = texts(language)
    return t("desk.who_account", name=name, messenger=t(f"history.messenger_{messenger}"))


async def test_take_puts_the_request_in_work_and_tells_the_customer(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    card = await last_to(db, *CONSOLE_DESK)
    assert encode("desk_actions.take", number) in payloads(card)

    clock.advance(minutes=7)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.take", number))
    assert manager.said("desk_actions.taken", number=number)
    # golden: the exact wording
    assert f"Заявка №{number} теперь ваша, статус «в работе». Клиенту сообщено." in manager.text

    told = await last_to(db, TG, "1001")
    assert told.text == manager.rendered_once("desk_actions.customer_in_work", number=number).text
    row = await request_row(db, number)
    assert (row["status"], row["manager"]) == ("in_work", "console:managers")
    assert row["first_answer_at"] == (NOW + timedelta(minutes=7)).isoformat()
    assert (await events_of(db, number))[-1] == ("manager:console:managers", "new", "in_work", "")
    resent = await last_to(db, *CONSOLE_DESK)
    in_work = texts("ru")("desk.status_in_work")
    assert (
        manager.rendered_once("desk.card_header", number=number, status=in_work).text in resent.text
    )
    by = manager_named("User managers", "console")
    assert manager.rendered_once("desk.card_manager", manager=by).text in resent.text
    assert encode("desk_actions.take", number) not in payloads(resent)

    # Pressing the stale Take again changes nothing.
    before = await snapshot(db)
    await manager.payload(encode("desk_actions.take", number))
    assert manager.said("desk_actions.already_yours", number=number)
    assert await snapshot(db) == before


async def test_take_in_english_and_a_second_manager_cannot_take_it_over(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    first = Chat(engine, user_id="m1", manager=True, language="en")
    await first.payload(encode("desk_actions.take", number))
    assert first.said_in("en", "desk_actions.taken", number=number)
    told = await last_to(db, TG, "1002")
    in_work = first.rendered_once("desk_actions.customer_in_work", number=number)
    assert (told.text, in_work.language) == (in_work.text, "en")

    second = Chat(engine, user_id="m2", manager=True, language="en")
    await second.send("/start")
    before = await snapshot(db)
    await second.payload(encode("desk_actions.take", number))
    m1 = manager_named("User m1", "telegram", "en")
    assert second.said_in("en", "desk_actions.taken_by_other", number=number, manager=m1)
    assert await snapshot(db) == before


async def test_reply_reaches_the_customer_with_a_reply_button(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    assert manager.said("desk_actions.ask_reply", number=number)
    assert await state_of(db, *CONSOLE_DESK) == ("desk_actions", "reply")

    await manager.send("Счёт выставлен, проверьте почту.")
    assert manager.said("desk_actions.reply_sent", number=number)
    answer = await last_to(db, TG, "1001")
    text = "Счёт выставлен, проверьте почту."
    said = manager.rendered_once(
        "desk_actions.customer_answer_named",
        number=number,
        manager="User managers",
        text=text,
    )
    assert answer.text == said.text
    assert answer.buttons == [
        [(manager.rendered_once("relay.reply").text, encode("relay.to", number))]
    ]
    row = await request_row(db, number)
    assert row["status"] == "waiting_customer" and row["first_answer_at"] is not None
    assert row["manager"] == "console:managers"
    assert (await events_of(db, number))[-2:] == [
        ("manager:console:managers", "new", "waiting_customer", ""),
        ("manager:console:managers", None, None, "Счёт выставлен, проверьте почту."),
    ]
    assert await state_of(db, *CONSOLE_DESK) == (None, None)


async def test_reply_in_english_to_an_english_customer(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    manager = console_manager(engine, language="en")
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send(encode("x", 1))  # text that looks like a payload is just text
    answer = await last_to(db, TG, "1002")
    said = manager.rendered_once("desk_actions.customer_answer_named", number=number, text="1:x:1")
    assert (answer.text, said.language) == (said.text, "en")
    reply = manager.rendered_once("relay.reply")
    assert answer.buttons == [[(reply.text, encode("relay.to", number))]]
    assert reply.language == "en"


async def test_reply_can_be_cancelled_and_a_file_is_not_an_answer(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    before = await snapshot(db)
    await send_file(manager, pdf())
    assert manager.said("desk_actions.reply_hint")
    await manager.send("/cancel")
    assert manager.said("common.cancelled")
    assert await snapshot(db) == before
    assert await state_of(db, *CONSOLE_DESK) == (None, None)


async def test_done_tells_the_customer_asks_for_a_rating_and_a_second_done_is_refused(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    first = Chat(engine, user_id="m1", manager=True)
    await first.payload(encode("desk_actions.done", number))
    assert first.said("desk_actions.done", number=number)

    done, rate = (await messages_to(db, TG, "1001"))[-2:]
    assert done.text == first.rendered_once("desk_actions.customer_done", number=number).text
    assert first.rendered_once("rating.ask", number=number).text in rate.text
    assert payloads(rate) == [encode("rating.set", number, n) for n in range(1, 6)]
    row = await request_row(db, number)
    assert (row["status"], row["manager"]) == ("done", "telegram:m1")
    assert (await events_of(db, number))[-1] == ("manager:telegram:m1", "new", "done", "")
    status_done = texts("ru")("desk.status_done")
    card = first.rendered_once("desk.card_header", number=number, status=status_done)
    assert card.text in (await last_to(db, *CONSOLE_DESK)).text

    # Another manager presses Done (or Take, Reply, Reject) on the same card a bit later.
    clock.advance(minutes=1)
    second = Chat(engine, user_id="m2", manager=True)
    await second.send("/start")
    before = await snapshot(db)
    for action in (
        "desk_actions.done",
        "desk_actions.take",
        "desk_actions.reply",
        "desk_actions.reject",
    ):
        await second.payload(encode(action, number))
        assert second.said(
            "desk_actions.closed",
            number=number,
            status=status_done,
            who=manager_named("User m1", "telegram"),
            when="23.11.2026 12:00",
        )
    assert await snapshot(db) == before
    assert await state_of(db, TG, "m2") == (None, None)


async def test_reject_asks_the_reason_and_tells_the_customer(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    manager = console_manager(engine, language="en")
    await manager.payload(encode("desk_actions.reject", number))
    assert manager.said_in("en", "desk_actions.ask_reason", number=number)
    await manager.send("The license belongs to another company.")
    assert manager.said_in("en", "desk_actions.rejected", number=number)

    told = await last_to(db, TG, "1002")
    said = manager.rendered_once(
        "desk_actions.customer_rejected",
        number=number,
        reason="The license belongs to another company.",
    )
    assert (told.text, said.language) == (said.text, "en")
    assert (await request_row(db, number))["status"] == "rejected"
    assert (await events_of(db, number))[-1] == (
        "manager:console:managers",
        "new",
        "rejected",
        "The license belongs to another company.",
    )
    rejected = texts("ru")("desk.status_rejected")
    card = manager.rendered_once("desk.card_header", number=number, status=rejected)
    assert card.language == "ru"  # the desk reads Russian
    assert card.text in (await last_to(db, *CONSOLE_DESK)).text


async def test_reject_cancelled_changes_nothing(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    before = await snapshot(db)
    await manager.payload(encode("desk_actions.reject", number))
    assert manager.said("desk_actions.ask_reason", number=number)
    await manager.send("/cancel")
    assert await snapshot(db) == before
    assert (await request_row(db, number))["status"] == "new"


async def test_an_answer_written_after_another_manager_closed_the_request_is_not_sent(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    slow = Chat(engine, user_id="m1", manager=True)
    await slow.payload(encode("desk_actions.reply", number))
    fast = Chat(engine, user_id="m2", manager=True)
    await fast.payload(encode("desk_actions.done", number))
    before = await snapshot(db)
    await slow.send("Уже выставляю счёт")
    assert slow.said(
        "desk_actions.closed",
        number=number,
        status=texts("ru")("desk.status_done"),
        who=manager_named("User m2", "telegram"),
    )
    assert await snapshot(db) == before
    assert await state_of(db, TG, "m1") == (None, None)


async def test_in_a_shared_manager_chat_only_the_one_who_pressed_reply_is_heard(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)

    async def say_in_group(user_id: str, text: str = "", payload: str | None = None) -> Chat:
        """The manager's message in the shared chat -100500; a Chat holding the answer."""
        said = Chat(engine, user_id=user_id, manager=True)
        with recording_texts() as said.rendered:
            said.replies = await engine.handle(
                Incoming(
                    TG,
                    "-100500",
                    user_id,
                    text=text,
                    payload=payload,
                    language="ru",
                    display_name=f"Manager {user_id}",
                    from_manager=True,
                )
            )
        return said

    pressed = await say_in_group("m1", payload=encode("desk_actions.reply", number))
    assert pressed.said("desk_actions.ask_reply", number=number)
    before = await snapshot(db)
    answer = await say_in_group("m2", "коллеги, я на обед")
    m1 = manager_named("Manager m1", "telegram")
    assert answer.said("desk_actions.someone_else_writing", number=number, manager=m1)
    assert await snapshot(db) == before
    assert (await say_in_group("m1", "Счёт готов")).said("desk_actions.reply_sent", number=number)
    assert (await last_to(db, TG, "1001")).text.endswith("Счёт готов")


async def test_telegram_customer_and_vk_manager_talk_both_ways(
    db: Database, policy: Policy, clock: Clock
) -> None:
    desk = ManagerDesk((Destination(Platform.VK, "2000000001", "ru"),))
    engine = await make_engine(db, policy, clock, desk)
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    card = await last_to(db, Platform.VK, "2000000001")
    manager = Chat(engine, user_id="555", platform=Platform.VK, manager=True)

    await manager.payload(next(p for p in payloads(card) if p.startswith("1:desk_actions.reply:")))
    await manager.send("Пришлите, пожалуйста, реквизиты.")
    answer = await last_to(db, TG, "1001")
    assert answer.text.endswith("Пришлите, пожалуйста, реквизиты.")
    assert await messages_to(db, Platform.VK, "1001") == []

    # The customer answers with the button under the manager's message.
    await customer.payload(answer.buttons[0][0][1])
    assert customer.said("relay.ask_message", number=number)
    await customer.send("ООО «Ромашка», ИНН 7700000000")
    assert customer.said("relay.sent", number=number)
    relayed = await last_to(db, Platform.VK, "2000000001")
    who = account_named("User 1001", "telegram")
    heading = customer.rendered_once("relay.to_managers", number=number, who=who)
    assert relayed.text == f"{heading.text}\nООО «Ромашка», ИНН 7700000000"
    assert payloads(relayed) == [
        encode("desk_actions.reply", number),
        encode("desk_actions.done", number),
    ]
    assert (await request_row(db, number))["status"] == "in_work"

    # And the manager answers that message from VK again.
    await manager.payload(payloads(relayed)[0])
    await manager.send("Спасибо, счёт отправлен.")
    assert (await last_to(db, TG, "1001")).text.endswith("Спасибо, счёт отправлен.")
    assert (await request_row(db, number))["manager"] == "vk:555"


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_a_customer_pressing_card_buttons_is_refused_and_nothing_changes(
    engine: Engine, db: Database, language: str
) -> None:
    customer = Chat(engine, user_id="1001", language=language)
    number = await file_renewal(db, customer)
    await customer.send("/menu")
    before = await snapshot(db)
    for action in (
        "desk_actions.take",
        "desk_actions.reply",
        "desk_actions.done",
        "desk_actions.reject",
    ):
        await customer.payload(encode(action, number))
        assert customer.said_in(language, "common.managers_only")
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == (None, None)


@pytest.mark.parametrize(
    ("payload", "answer", "values"),
    [
        ("1:desk.take:999", "desk_actions.not_found", {"number": 999}),
        ("1:desk.done:999", "desk_actions.not_found", {"number": 999}),
        ("1:desk.take:abc", "common.bad_button", {}),
        ("1:desk.reply", "common.bad_button", {}),
        ("1:desk.done:1:2", "common.bad_button", {}),
        ("1:desk.fly:1", "common.bad_button", {}),
        ("1:desk.reject:-1", "common.bad_button", {}),
    ],
)
async def test_forged_card_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str, values: dict[str, object]
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert manager.said(answer, **values)
    assert await snapshot(db) == before
    assert await state_of(db, *CONSOLE_DESK) == (None, None)

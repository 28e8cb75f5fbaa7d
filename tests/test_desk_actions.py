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
    assert f"Заявка №{number} теперь ваша" in manager.text

    told = await last_to(db, TG, "1001")
    assert told.text == f"Ваша заявка №{number} взята в работу. Менеджер напишет вам здесь."
    row = await request_row(db, number)
    assert (row["status"], row["manager"]) == ("in_work", "console:managers")
    assert row["first_answer_at"] == (NOW + timedelta(minutes=7)).isoformat()
    assert (await events_of(db, number))[-1] == ("manager:console:managers", "new", "in_work", "")
    resent = await last_to(db, *CONSOLE_DESK)
    assert "в работе" in resent.text and "Ведёт: User managers (консоль)" in resent.text
    assert encode("desk_actions.take", number) not in payloads(resent)

    # Pressing the stale Take again changes nothing.
    before = await snapshot(db)
    await manager.payload(encode("desk_actions.take", number))
    assert "Вы уже ведёте заявку" in manager.text
    assert await snapshot(db) == before


async def test_take_in_english_and_a_second_manager_cannot_take_it_over(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    first = Chat(engine, user_id="m1", manager=True, language="en")
    await first.payload(encode("desk_actions.take", number))
    assert f"Request #{number} is yours now" in first.text
    told = await last_to(db, TG, "1002")
    assert (
        told.text
        == f"Your request #{number} has been taken into work. A manager will write to you here."
    )

    second = Chat(engine, user_id="m2", manager=True, language="en")
    await second.send("/start")
    before = await snapshot(db)
    await second.payload(encode("desk_actions.take", number))
    assert f"Request #{number} is already handled by User m1 (Telegram)" in second.text
    assert await snapshot(db) == before


async def test_reply_reaches_the_customer_with_a_reply_button(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    assert f"Напишите ответ по заявке №{number}" in manager.text
    assert await state_of(db, *CONSOLE_DESK) == ("desk_actions", "reply")

    await manager.send("Счёт выставлен, проверьте почту.")
    assert f"Ответ по заявке №{number} отправлен клиенту." in manager.text
    answer = await last_to(db, TG, "1001")
    assert answer.text == f"Ответ менеджера по заявке №{number}:\nСчёт выставлен, проверьте почту."
    assert answer.buttons == [[("Ответить", encode("relay.to", number))]]
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
    assert answer.text == f"Manager's answer to request #{number}:\n1:x:1"
    assert answer.buttons == [[("Reply", encode("relay.to", number))]]


async def test_reply_can_be_cancelled_and_a_file_is_not_an_answer(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    before = await snapshot(db)
    await send_file(manager, pdf())
    assert "Пришлите ответ текстом или /cancel." in manager.text
    await manager.send("/cancel")
    assert "отменил" in manager.text
    assert await snapshot(db) == before
    assert await state_of(db, *CONSOLE_DESK) == (None, None)


async def test_done_tells_the_customer_asks_for_a_rating_and_a_second_done_is_refused(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    first = Chat(engine, user_id="m1", manager=True)
    await first.payload(encode("desk_actions.done", number))
    assert f"Заявка №{number} выполнена" in first.text

    done, rate = (await messages_to(db, TG, "1001"))[-2:]
    assert done.text == f"Ваша заявка №{number} выполнена. Спасибо, что обратились к нам!"
    assert f"оцените, как мы выполнили заявку №{number}" in rate.text
    assert payloads(rate) == [encode("rating.set", number, n) for n in range(1, 6)]
    row = await request_row(db, number)
    assert (row["status"], row["manager"]) == ("done", "telegram:m1")
    assert (await events_of(db, number))[-1] == ("manager:telegram:m1", "new", "done", "")
    assert "выполнена" in (await last_to(db, *CONSOLE_DESK)).text

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
        assert (
            f"Заявка №{number} уже выполнена: User m1 (Telegram), 23.11.2026 12:00. "
            "Ничего не изменилось." in second.text
        )
    assert await snapshot(db) == before
    assert await state_of(db, TG, "m2") == (None, None)


async def test_reject_asks_the_reason_and_tells_the_customer(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    manager = console_manager(engine, language="en")
    await manager.payload(encode("desk_actions.reject", number))
    assert f"Why is request #{number} rejected?" in manager.text
    await manager.send("The license belongs to another company.")
    assert f"Request #{number} is rejected" in manager.text

    told = await last_to(db, TG, "1002")
    assert told.text == (
        f"Your request #{number} has been rejected.\n"
        "Reason: The license belongs to another company."
    )
    assert (await request_row(db, number))["status"] == "rejected"
    assert (await events_of(db, number))[-1] == (
        "manager:console:managers",
        "new",
        "rejected",
        "The license belongs to another company.",
    )
    assert "отклонена" in (await last_to(db, *CONSOLE_DESK)).text  # the desk reads Russian


async def test_reject_cancelled_changes_nothing(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    before = await snapshot(db)
    await manager.payload(encode("desk_actions.reject", number))
    assert "Напишите причину" in manager.text
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
    assert f"Заявка №{number} уже выполнена: User m2 (Telegram)" in slow.text
    assert await snapshot(db) == before
    assert await state_of(db, TG, "m1") == (None, None)


async def test_in_a_shared_manager_chat_only_the_one_who_pressed_reply_is_heard(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)

    async def say_in_group(user_id: str, text: str = "", payload: str | None = None) -> str:
        replies = await engine.handle(
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
        return "\n".join(r.text for r in replies)

    assert "Напишите ответ" in await say_in_group(
        "m1", payload=encode("desk_actions.reply", number)
    )
    before = await snapshot(db)
    answer = await say_in_group("m2", "коллеги, я на обед")
    assert f"ответ по заявке №{number} пишет Manager m1 (Telegram)" in answer
    assert await snapshot(db) == before
    assert "отправлен клиенту" in await say_in_group("m1", "Счёт готов")
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
    assert f"Напишите сообщение по заявке №{number}" in customer.text
    await customer.send("ООО «Ромашка», ИНН 7700000000")
    assert f"Ваше сообщение передано менеджерам (заявка №{number})" in customer.text
    relayed = await last_to(db, Platform.VK, "2000000001")
    assert relayed.text == (
        f"Сообщение клиента по заявке №{number} (User 1001 (Telegram)):\n"
        "ООО «Ромашка», ИНН 7700000000"
    )
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
        expected = "только для менеджеров" if language == "ru" else "for managers only"
        assert expected in customer.text
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == (None, None)


@pytest.mark.parametrize(
    ("payload", "answer"),
    [
        ("1:desk.take:999", "Заявка №999 не найдена"),
        ("1:desk.done:999", "Заявка №999 не найдена"),
        ("1:desk.take:abc", "Эту кнопку я не узнаю"),
        ("1:desk.reply", "Эту кнопку я не узнаю"),
        ("1:desk.done:1:2", "Эту кнопку я не узнаю"),
        ("1:desk.fly:1", "Эту кнопку я не узнаю"),
        ("1:desk.reject:-1", "Эту кнопку я не узнаю"),
    ],
)
async def test_forged_card_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.send("/start")
    before = await snapshot(db)
    await manager.payload(payload)
    assert answer in manager.text
    assert await snapshot(db) == before
    assert await state_of(db, *CONSOLE_DESK) == (None, None)

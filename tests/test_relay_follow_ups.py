"""A customer's follow-ups reach their request's thread: written while idle (one or
several open requests, or none), after pressing "Reply", as text or as a file."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment
from handlers.engine.payloads import encode
from storage import requests
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    events_of,
    file_renewal,
    last_to,
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


async def test_with_one_open_request_idle_text_goes_to_its_thread(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.send("Счёт нужен на ООО, не на ИП")
    assert f"Ваше сообщение передано менеджерам (заявка №{number})" in customer.text

    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text == (
        f"Сообщение клиента по заявке №{number} (User 1001 (Telegram)):\n"
        "Счёт нужен на ООО, не на ИП"
    )
    assert relayed.request_id == number
    assert payloads(relayed) == [
        encode("desk_actions.reply", number),
        encode("desk_actions.done", number),
    ]
    assert (await events_of(db, number))[-1] == (
        "customer",
        None,
        None,
        "Счёт нужен на ООО, не на ИП",
    )


async def test_in_english_too(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    await customer.send("Please make the invoice out to the company")
    assert f"Your message has been passed to the managers (request #{number})" in customer.text


async def test_with_two_open_requests_the_customer_chooses_and_the_message_follows(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    first = await file_renewal(db, customer)
    second = await file_renewal(db, customer)
    before = len(await messages_to(db, *CONSOLE_DESK))
    await customer.send("Когда будет счёт?")
    assert "У вас несколько открытых заявок" in customer.text
    assert f"№{second}: счёт на продление поддержки (новая)" in customer.labels
    assert len(await messages_to(db, *CONSOLE_DESK)) == before  # nothing sent yet

    await customer.send("ну?")
    assert "Нажмите кнопку заявки" in customer.text
    await customer.payload(encode("relay.pick", first))
    assert f"передано менеджерам (заявка №{first})" in customer.text
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text.endswith("Когда будет счёт?") and relayed.request_id == first
    assert await state_of(db, TG, "1001") == (None, None)

    # The same choice pressed again is stale: nothing is sent twice.
    count = len(await messages_to(db, *CONSOLE_DESK))
    await customer.payload(encode("relay.pick", first))
    assert "больше не действует" in customer.text
    assert len(await messages_to(db, *CONSOLE_DESK)) == count


async def test_choosing_someone_elses_request_sends_nothing(engine: Engine, db: Database) -> None:
    other = Chat(engine, user_id="2002")
    foreign = await file_renewal(db, other)
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    await file_renewal(db, customer)
    await customer.send("Когда будет счёт?")
    before = await snapshot(db)
    await customer.payload(encode("relay.pick", foreign))
    assert "Это не ваша заявка. Ничего не отправлено." in customer.text
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == ("relay", "pick")


async def test_without_open_requests_the_engine_points_to_the_menu(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    before = await snapshot(db)
    await customer.send("здравствуйте")
    assert "Я отвечаю на кнопки меню" in customer.text
    assert await snapshot(db) == before


async def test_a_closed_request_takes_no_follow_ups(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await console_manager(engine).payload(encode("desk_actions.done", number))
    before = await snapshot(db)
    await customer.send("а ещё вопрос")
    assert "Я отвечаю на кнопки меню" in customer.text
    await customer.payload(encode("relay.to", number))
    assert f"Заявка №{number} уже закрыта, сообщение не отправлено." in customer.text
    assert await snapshot(db) == before


async def test_a_file_follow_up_is_recorded_on_the_request_and_managers_are_told(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await send_file(customer, pdf("реквизиты.pdf"), text="Реквизиты во вложении")
    assert f"передано менеджерам (заявка №{number})" in customer.text
    async with db.unit() as unit:
        files = await requests.attachments(unit, number)
    assert [(f.original_name, f.platform_file, f.role) for f in files] == [
        ("реквизиты.pdf", "tg-file-реквизиты.pdf", "other")
    ]
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text.endswith("Реквизиты во вложении\nФайлы (1): реквизиты.pdf")


async def test_a_wrong_file_is_refused_and_nothing_is_recorded(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    before = await snapshot(db)
    await send_file(customer, Attachment("tg-x", "virus.exe", 1000))
    assert "PDF" in customer.text
    await send_file(customer, pdf(size=50 * 1024 * 1024))
    assert "10" in customer.text
    assert await snapshot(db) == before


async def test_reply_button_then_a_file_and_waiting_request_goes_back_into_work(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1002", language="en")
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("Пришлите акт")
    assert (await request_row(db, number))["status"] == "waiting_customer"

    answer = await last_to(db, TG, "1002")
    await customer.payload(answer.buttons[0][0][1])
    assert f"Write your message about request #{number}" in customer.text
    await customer.send("/cancel")
    await customer.payload(answer.buttons[0][0][1])
    await send_file(customer, pdf("act.pdf"))
    assert f"passed to the managers (request #{number})" in customer.text
    assert (await request_row(db, number))["status"] == "in_work"
    assert (await events_of(db, number))[-2:] == [
        ("customer", "waiting_customer", "in_work", ""),
        ("customer", None, None, "[act.pdf]"),
    ]
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.text == (
        f"Сообщение клиента по заявке №{number} (User 1002 (Telegram)):\nФайлы (1): act.pdf"
    )


@pytest.mark.parametrize(
    ("payload", "answer"),
    [
        ("1:relay.to:999", "Это не ваша заявка"),
        ("1:relay.to:abc", "Эту кнопку я не узнаю"),
        ("1:relay.to", "Эту кнопку я не узнаю"),
        ("1:relay.jump:1", "Эту кнопку я не узнаю"),
        ("1:relay.pick:1", "больше не действует"),
    ],
)
async def test_forged_relay_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str
) -> None:
    customer = Chat(engine, user_id="1001")
    await file_renewal(db, customer)
    await customer.send("/menu")
    before = await snapshot(db)
    await customer.payload(payload)
    assert answer in customer.text
    assert await snapshot(db) == before
    assert await state_of(db, TG, "1001") == (None, None)


async def test_someone_elses_reply_button_is_refused(engine: Engine, db: Database) -> None:
    owner = Chat(engine, user_id="1001")
    number = await file_renewal(db, owner)
    stranger = Chat(engine, user_id="2002")
    await stranger.send("/start")
    before = await snapshot(db)
    await stranger.payload(encode("relay.to", number))
    assert "Это не ваша заявка" in stranger.text
    assert await snapshot(db) == before
    assert await state_of(db, TG, "2002") == (None, None)

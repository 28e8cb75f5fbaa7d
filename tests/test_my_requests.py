""" "My requests": the customer sees their open and recent requests with the last message,
opens one to read its history, writes to it, withdraws it, or reopens one closed as done;
bookings are one tap away. Real SQLite, the engine with every flow."""

from __future__ import annotations

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.i18n import texts
from storage.db import Database
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    file_renewal,
    last_to,
    request_row,
)

clock, engine = desk_world.clock, desk_world.engine
RU = texts("ru")


async def answered_request(engine: Engine, db: Database, customer: Chat) -> int:
    number = await file_renewal(db, customer)
    manager = console_manager(engine)
    await manager.payload(encode("desk_actions.reply", number))
    await manager.send("Счёт выставлен, оплатите до пятницы.")
    return number


async def test_the_list_shows_each_request_with_its_status_and_last_message(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await answered_request(engine, db, customer)
    await customer.send("/menu")
    await customer.press_key("my_requests.menu")
    assert customer.said("my_requests.title", count=1)
    assert customer.said(
        "my_requests.line",
        number=number,
        kind=RU("desk.kind_renewal"),
        status=RU("desk.status_waiting_customer"),
    )
    assert customer.said(
        "my_requests.last",
        author=RU("my_requests.author_manager"),
        text="Счёт выставлен, оплатите до пятницы.",
    )
    assert customer.button_of("my_requests.bookings").payload == encode("go", "booking", "mine")

    await customer.press_key("my_requests.button", number=number)
    assert customer.said("my_requests.history")
    assert customer.said("my_requests.event", note="Счёт выставлен, оплатите до пятницы.")
    # golden: the exact wording
    assert f"№{number} · счёт на продление поддержки · ждёт ответа клиента" in customer.text

    # "Write about this request": the next message goes to it.
    await customer.press_key("my_requests.write")
    await customer.send("Оплатили, спасибо")
    assert customer.said("relay.sent", number=number)
    assert (await last_to(db, *CONSOLE_DESK)).text.endswith("Оплатили, спасибо")


async def test_withdrawing_cancels_the_request_and_the_managers_see_it(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await file_renewal(db, customer)
    await customer.payload(encode("my_requests.open", number))
    await customer.press_key("my_requests.withdraw")
    assert customer.said("my_requests.withdrawn", number=number)
    assert (await request_row(db, number))["status"] == "cancelled"
    card = await last_to(db, *CONSOLE_DESK)
    assert card.request_id == number and RU("desk.status_cancelled") in card.text
    # The button pressed again changes nothing.
    await customer.payload(encode("my_requests.withdraw", number))
    assert customer.said("my_requests.already_closed", number=number)


async def test_a_done_request_can_be_reopened_within_the_window_only(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await answered_request(engine, db, customer)
    await console_manager(engine).payload(encode("desk_actions.done", number))
    clock.advance(days=2)
    await customer.payload(encode("my_requests.open", number))
    await customer.press_key("my_requests.reopen")
    assert customer.said("my_requests.reopened", number=number)
    assert (await request_row(db, number))["status"] == "in_work"

    await console_manager(engine).payload(encode("desk_actions.done", number))
    clock.advance(days=8)
    await customer.payload(encode("my_requests.open", number))
    assert "my_requests.reopen" not in customer.keys
    await customer.payload(encode("my_requests.reopen", number))
    assert customer.said("my_requests.not_reopenable", number=number)
    assert (await request_row(db, number))["status"] == "done"


async def test_someone_elses_request_shows_nothing(engine: Engine, db: Database) -> None:
    other = Chat(engine, user_id="2002")
    foreign = await file_renewal(db, other)
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    for action in ("my_requests.open", "my_requests.withdraw", "my_requests.reopen"):
        await customer.payload(encode(action, foreign))
        assert customer.said("my_requests.not_yours")
    assert (await request_row(db, foreign))["status"] == "new"


async def test_with_no_requests_the_menu_leaves_it_out_and_the_list_says_just_write(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001", language="en")
    await customer.send("/start")
    assert "my_requests.menu" not in customer.keys  # the menu fits VK's ten buttons
    await customer.payload(encode("go", "my_requests"))
    assert customer.said_in("en", "my_requests.none")
    await file_renewal(db, customer)
    await customer.send("/menu")
    assert customer.button_of("my_requests.menu").payload == encode("go", "my_requests")

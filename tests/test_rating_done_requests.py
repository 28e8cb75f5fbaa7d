"""The customer rates a done request 1–5 with an optional comment; a low rating alerts
the managers; only the customer's own, done, not yet rated request can be rated."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
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
    press_action,
    request_row,
    snapshot,
    state_of,
)

TG = Platform.TELEGRAM


#: The desk world's fixtures: the clock at NOW, an engine with the demo data and every flow.
clock, engine = desk_world.clock, desk_world.engine


async def done_request(engine: Engine, db: Database, customer: Chat) -> int:
    number = await file_renewal(db, customer)
    await console_manager(engine).payload(encode("desk_actions.done", number))
    return number


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_rating_with_a_comment(engine: Engine, db: Database, language: str) -> None:
    customer = Chat(engine, user_id="1001", language=language)
    number = await done_request(engine, db, customer)
    question = await last_to(db, TG, "1001")
    assert [label for row in question.buttons for label, _ in row] == [
        "1 ★",
        "2 ★",
        "3 ★",
        "4 ★",
        "5 ★",
    ]
    desk_before = len(await messages_to(db, *CONSOLE_DESK))

    await customer.payload(payloads(question)[4])
    assert customer.said_in(language, "rating.ask_comment", rating=5)
    assert (await request_row(db, number))["rating"] == 5
    await customer.send("Быстро и по делу")
    assert customer.said_in(language, "rating.thanks")
    row = await request_row(db, number)
    assert (row["rating"], row["rating_comment"]) == (5, "Быстро и по делу")
    assert (await events_of(db, number))[-1] == ("customer", None, None, "Быстро и по делу")
    async with db.unit() as unit:
        rated = (await requests.events(unit, number))[-2:]
    assert [e.note_line for e in rated] == [("history.rating", {"rating": 5})] * 2
    assert len(await messages_to(db, *CONSOLE_DESK)) == desk_before  # no alert for a 5
    assert await state_of(db, TG, "1001") == (None, None)


async def test_the_comment_can_be_skipped(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    await customer.payload(encode("rating.set", number, 4))
    await press_action(customer, "1:rating.skip")
    assert customer.said("rating.thanks")
    row = await request_row(db, number)
    assert (row["rating"], row["rating_comment"]) == (4, None)
    # The Skip button pressed again is stale.
    await customer.payload(encode("rating.skip"))
    assert customer.said("common.stale_button")


async def test_a_low_rating_alerts_the_managers_and_the_comment_follows(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    await customer.payload(encode("rating.set", number, 2))
    alert = await last_to(db, *CONSOLE_DESK)
    # golden: the exact wording; the alert names who closed the request
    assert alert.text == (
        f"⚠ Низкая оценка 2/5 по заявке №{number} (User 1001 (Telegram)). "
        "Закрыл: User managers (консоль)."
    )
    # Not "thank you for 2/5": an apology, a way back to a person, room for a comment.
    assert customer.said("rating.sorry", rating=2) and not customer.said("rating.ask_comment")
    assert customer.button_of("rating.reopen").payload == encode("my_requests.reopen", number)
    assert customer.button_of("rating.talk_to_manager").payload == encode("go", "manager_contact")
    await customer.send("Ждал счёт три дня")
    assert customer.said("rating.thanks_low") and not customer.said("rating.thanks")
    follow = await last_to(db, *CONSOLE_DESK)
    assert follow.text == (
        f"⚠ Комментарий к низкой оценке 2/5 по заявке №{number} (User 1001 (Telegram); "
        "закрыл: User managers (консоль)):\nЖдал счёт три дня"
    )
    assert follow.request_id == number


async def test_a_low_rating_can_reopen_the_request(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    await customer.payload(encode("rating.set", number, 1))
    await customer.press_key("rating.reopen")
    assert customer.said("my_requests.reopened", number=number)
    assert (await request_row(db, number))["status"] == "in_work"


async def test_rating_while_busy_elsewhere_keeps_that_conversation(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    await customer.send("/menu")
    await press_action(customer, "1:go:renewal")
    await customer.payload(encode("rating.set", number, 1))
    assert customer.said("rating.noted_low", rating=1)
    assert customer.said("renewal.pick_product")  # the question it was at, again
    assert await state_of(db, TG, "1001") == ("renewal", "pick_product")
    assert (await request_row(db, number))["rating"] == 1
    assert "Низкая оценка 1/5" in (await last_to(db, *CONSOLE_DESK)).text


async def test_rating_twice_someone_elses_or_an_open_request_is_refused(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    await customer.payload(encode("rating.set", number, 3))
    await customer.send("/menu")
    still_open = await file_renewal(db, customer)
    stranger = Chat(engine, user_id="2002", language="en")
    await stranger.send("/start")
    before = await snapshot(db)

    await customer.payload(encode("rating.set", number, 5))
    assert customer.said("rating.already_rated", number=number, rating=3)
    # golden: the exact wording
    assert f"Заявка №{number} уже оценена (3/5). Ничего не изменилось." in customer.text
    await customer.payload(encode("rating.set", still_open, 5))
    assert customer.said("rating.not_done", number=still_open)
    await stranger.payload(encode("rating.set", number, 1))
    assert stranger.said_in("en", "rating.not_yours")
    assert await snapshot(db) == before
    assert await state_of(db, TG, "2002") == (None, None)


@pytest.mark.parametrize(
    "payload",
    [
        "1:rating.set:1:6",
        "1:rating.set:1:0",
        "1:rating.set:1:abc",
        "1:rating.set:1",
        "1:rating.set:x:5",
        "1:rating.set:1:5:5",
        "1:rating.boost:1",
    ],
)
async def test_forged_rating_buttons_change_nothing(
    engine: Engine, db: Database, payload: str
) -> None:
    customer = Chat(engine, user_id="1001")
    await done_request(engine, db, customer)
    before = await snapshot(db)
    await customer.payload(payload)
    assert customer.said("common.bad_button")
    assert await snapshot(db) == before


async def test_an_unknown_request_cannot_be_rated(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    before = await snapshot(db)
    await customer.payload(encode("rating.set", 999, 5))
    assert customer.said("rating.not_yours")
    assert await snapshot(db) == before


async def test_a_manager_cannot_press_rating_buttons(engine: Engine, db: Database) -> None:
    customer = Chat(engine, user_id="1001")
    number = await done_request(engine, db, customer)
    manager = console_manager(engine)
    before = await snapshot(db)
    await manager.payload(encode("rating.set", number, 5))
    assert manager.said("common.customers_only")
    assert await snapshot(db) == before

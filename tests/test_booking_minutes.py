"""/minutes N M: a manager bills a held session; bad input and non-managers change nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from handlers.engine.dispatcher import Engine
from storage import requests
from storage.db import Database
from storage.models import RequestKind
from tests.support import booking_steps
from tests.support.booking_steps import (
    NOW,
    TUESDAY_10,
    TUESDAY_NOON,
    WEDNESDAY,
    WEDNESDAY_NOON,
    book,
    manager_chat,
    rows,
    snapshot,
    the_booking,
)
from tests.support.chat import Chat, Clock

NBSP = "\u00a0"


#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


def answered(chat: Chat, key: str, **values: object) -> bool:
    """Whether the reply to ``chat`` itself holds text ``key`` (with these values), in the
    chat's language: a manager's /minutes also renders the customer's bill, with the same
    keys."""
    return any(
        text.language == (chat.language or "ru")
        and text.key == key
        and all(text.values.get(n) == v for n, v in values.items())
        and text.text in chat.text
        for text in chat.rendered
    )


async def customer_messages(db: Database, chat: Chat) -> list[str]:
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        (chat.platform.value, chat.user_id),
    )
    return [row["text"] for row in found]


@pytest.mark.parametrize(("minutes", "bill"), [(20, "1300"), (60, "1300"), (90, "1950")])
async def test_minutes_bill_a_backup_review(
    engine: Engine, db: Database, clock: Clock, minutes: int, bill: str
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=2)
    booking = await the_booking(db)
    clock.now = TUESDAY_NOON  # held on Tuesday from 10:00
    desk = manager_chat(engine)
    await desk.send(f"/minutes {booking['request_id']} {minutes}")

    amount = f"{int(bill):,}".replace(",", NBSP) + f"{NBSP}₽"
    assert answered(desk, "session_bill.bill_total", amount=amount)
    # golden: the exact wording
    assert f"Итого к оплате: {amount}" in desk.text
    assert answered(desk, "session_bill.sent")
    billed = await the_booking(db, booking["id"])
    assert (billed["status"], billed["minutes_spent"], billed["bill"]) == ("done", minutes, bill)
    request = await rows(db, "SELECT status FROM requests WHERE id = ?", (booking["request_id"],))
    assert request[0]["status"] == "done"
    events = await rows(db, "SELECT actor, to_status, note_line FROM request_events ORDER BY id")
    event = events[-1]
    assert event["actor"] == "manager:telegram:900" and event["to_status"] == "done"
    key, values = json.loads(event["note_line"])
    assert key == "history.session_billed"
    assert (values["minutes"], values["total"]) == (minutes, {"money": bill})
    sent = await customer_messages(db, customer)
    assert len(sent) == 2 and f"Итого к оплате: {amount}" in sent[0]
    assert (
        f"затрачено {minutes} минут, к оплате {max(minutes, 60)} минут (минимум 1 час)" in sent[0]
    )
    assert f"№{booking['request_id']}" in sent[1]  # then, as for any done request, the rating
    card = (await rows(db, "SELECT text FROM outbox WHERE chat_id = 'managers' ORDER BY id"))[-1]
    assert "выполнена" in card["text"] and f"Проведено: {minutes} минут" in card["text"]


async def test_first_direct_session_adds_the_fee_the_second_does_not(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine, language="en")
    await book(customer, "direct", hours=1)
    first = await the_booking(db)
    await book(customer, "direct", hours=1, day=WEDNESDAY)
    second = await the_booking(db)
    clock.now = WEDNESDAY_NOON  # both held
    desk = manager_chat(engine, language="en")

    await desk.send(f"/minutes {first['request_id']} 60")
    assert answered(desk, "session_bill.bill_fee", amount=f"RUB{NBSP}4,000")
    assert answered(desk, "session_bill.bill_total", amount=f"RUB{NBSP}5,300")
    await desk.send(f"/minutes #{second['request_id']} 45")
    assert answered(desk, "session_bill.bill_total", amount=f"RUB{NBSP}1,300")
    assert not desk.said("session_bill.bill_fee")
    billed = [await the_booking(db, b["id"]) for b in (first, second)]
    assert [b["bill"] for b in billed] == ["5300", "1300"]
    # The customer gets each bill in their own language.
    bills = [text for text in await customer_messages(db, customer) if "Your bill" in text]
    assert len(bills) == 2
    assert "Total due: RUB\u00a05,300" in bills[0] and "Total due: RUB\u00a01,300" in bills[1]


async def test_bad_minutes_input_changes_nothing(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    number = booking["request_id"]
    clock.now = TUESDAY_NOON
    async with db.unit() as unit:
        renewal = await requests.create(unit, RequestKind.RENEWAL, account_id=None, now=NOW)
    desk = manager_chat(engine)
    before = await snapshot(db)

    usage: tuple[str, dict[str, object]] = ("session_bill.usage", {})
    too_many: tuple[str, dict[str, object]] = ("session_bill.bad_minutes", {"max": 1440})
    answers: dict[str, tuple[str, dict[str, object]]] = {
        "/minutes": usage,
        "/minutes abc 10": usage,
        f"/minutes {number}": usage,
        f"/minutes {number} 1.5": usage,
        f"/minutes {number} 0": too_many,
        f"/minutes {number} 1441": too_many,
        "/minutes 999 30": ("session_bill.unknown_request", {"number": 999}),
        f"/minutes {renewal} 30": ("session_bill.not_a_booking", {"number": renewal}),
    }
    for command, (key, values) in answers.items():
        await desk.send(command)
        assert desk.said(key, **values), command
        assert await snapshot(db) == before, command

    await desk.send(f"/minutes {number} 30")
    billed = await snapshot(db)
    await desk.send(f"/minutes {number} 45")
    assert desk.said("session_bill.already_billed", number=number, minutes=30)
    assert await snapshot(db) == billed


async def test_a_cancelled_booking_cannot_be_billed(engine: Engine, db: Database) -> None:
    customer = Chat(engine, language="en")
    await book(customer, "direct", hours=1)
    await customer.send("/menu")
    await customer.press_key("booking.menu")
    await customer.press_key("booking.my_bookings_count", count=1)
    start = customer.text_of("booking.when", time="10:00")
    await customer.press_key("booking.booking_button", when=start)
    await customer.press_key("booking.cancel")
    await customer.press_key("booking.cancel_yes")
    booking = await the_booking(db)
    desk = manager_chat(engine, language="en")
    before = await snapshot(db)
    await desk.send(f"/minutes {booking['request_id']} 30")
    assert desk.said_in("en", "session_bill.cancelled", number=booking["request_id"])
    assert await snapshot(db) == before


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
async def test_minutes_before_the_session_starts_are_refused(
    engine: Engine, db: Database, clock: Clock, language: str
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)  # Tuesday 10:00
    booking = await the_booking(db)
    number = booking["request_id"]
    desk = manager_chat(engine, language=language)
    before = await snapshot(db)

    for now in (NOW, TUESDAY_10 - timedelta(minutes=1)):
        clock.now = now
        await desk.send(f"/minutes {number} 60")
        start = desk.text_of("booking.when", time="10:00")
        assert desk.said_in(language, "session_bill.not_started", number=number, when=start)
        assert not desk.said("session_bill.bill_total")  # no bill, for nobody
        assert await snapshot(db) == before
    assert (await the_booking(db))["status"] == "confirmed"

    clock.now = TUESDAY_10  # the session has begun: the minutes are taken
    await desk.send(f"/minutes {number} 60")
    assert desk.said_in(language, "session_bill.bill_total")
    assert (await the_booking(db))["status"] == "done"


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_a_customer_cannot_use_minutes(engine: Engine, db: Database, language: str) -> None:
    customer = Chat(engine, language=language)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    before = await snapshot(db)
    await customer.send(f"/minutes {booking['request_id']} 20")
    assert customer.said_in(language, "common.managers_only")
    assert await snapshot(db) == before
    assert (await the_booking(db))["status"] == "confirmed"

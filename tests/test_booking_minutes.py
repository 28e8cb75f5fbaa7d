"""/minutes N M: a manager bills a held session; bad input and non-managers change nothing."""

from __future__ import annotations

import json

import pytest

from handlers.engine.dispatcher import Engine
from storage import requests
from storage.db import Database
from storage.models import RequestKind
from tests.support import booking_steps
from tests.support.booking_steps import (
    NOW,
    WEDNESDAY,
    book,
    rows,
    snapshot,
    the_booking,
)
from tests.support.chat import Chat

NBSP = "\u00a0"


#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


def manager(engine: Engine, language: str = "ru") -> Chat:
    return Chat(engine, user_id="900", language=language, manager=True)


async def customer_messages(db: Database, chat: Chat) -> list[str]:
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        (chat.platform.value, chat.user_id),
    )
    return [row["text"] for row in found]


@pytest.mark.parametrize(("minutes", "bill"), [(20, "1300"), (60, "1300"), (90, "1950")])
async def test_minutes_bill_a_backup_review(
    engine: Engine, db: Database, minutes: int, bill: str
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=2)
    booking = await the_booking(db)
    desk = manager(engine)
    await desk.send(f"/minutes {booking['request_id']} {minutes}")

    amount = f"{int(bill):,}".replace(",", NBSP) + f"{NBSP}₽"
    assert f"Итого к оплате: {amount}" in desk.text
    assert "Счёт отправлен клиенту" in desk.text
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
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, language="en")
    await book(customer, "direct", hours=1)
    first = await the_booking(db)
    await book(customer, "direct", hours=1, day=WEDNESDAY)
    second = await the_booking(db)
    desk = manager(engine, language="en")

    await desk.send(f"/minutes {first['request_id']} 60")
    assert "one-time fee for connecting" in desk.text and "RUB\u00a04,000" in desk.text
    assert "Total due: RUB\u00a05,300" in desk.text
    await desk.send(f"/minutes #{second['request_id']} 45")
    assert "Total due: RUB\u00a01,300" in desk.text and "4,000" not in desk.text
    billed = [await the_booking(db, b["id"]) for b in (first, second)]
    assert [b["bill"] for b in billed] == ["5300", "1300"]
    # The customer gets each bill in their own language.
    bills = [text for text in await customer_messages(db, customer) if "Your bill" in text]
    assert len(bills) == 2
    assert "Total due: RUB\u00a05,300" in bills[0] and "Total due: RUB\u00a01,300" in bills[1]


async def test_bad_minutes_input_changes_nothing(engine: Engine, db: Database) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    number = booking["request_id"]
    async with db.unit() as unit:
        renewal = await requests.create(unit, RequestKind.RENEWAL, account_id=None, now=NOW)
    desk = manager(engine)
    before = await snapshot(db)

    answers = {
        "/minutes": "/minutes N M",
        "/minutes abc 10": "/minutes N M",
        f"/minutes {number}": "/minutes N M",
        f"/minutes {number} 1.5": "/minutes N M",
        f"/minutes {number} 0": "от 1 до 1440",
        f"/minutes {number} 1441": "от 1 до 1440",
        "/minutes 999 30": "Заявки №999 нет",
        f"/minutes {renewal} 30": f"Заявка №{renewal} — не запись на консультацию",
    }
    for command, answer in answers.items():
        await desk.send(command)
        assert answer in desk.text, command
        assert "Ничего не изменилось" in desk.text or "/minutes 12 90" in desk.text
        assert await snapshot(db) == before, command

    await desk.send(f"/minutes {number} 30")
    billed = await snapshot(db)
    await desk.send(f"/minutes {number} 45")
    assert "время уже введено: 30 минут" in desk.text
    assert await snapshot(db) == billed


async def test_a_cancelled_booking_cannot_be_billed(engine: Engine, db: Database) -> None:
    customer = Chat(engine, language="en")
    await book(customer, "direct", hours=1)
    await customer.send("/menu")
    await customer.press("Remote session")
    await customer.press("My bookings (1)")
    await customer.press("10:00")
    await customer.press("Cancel")
    await customer.press("Yes, cancel")
    booking = await the_booking(db)
    desk = manager(engine, language="en")
    before = await snapshot(db)
    await desk.send(f"/minutes {booking['request_id']} 30")
    assert "was cancelled; there is nothing to bill" in desk.text
    assert await snapshot(db) == before


@pytest.mark.parametrize(
    ("language", "refusal"), [("ru", "только для менеджеров"), ("en", "for managers only")]
)
async def test_a_customer_cannot_use_minutes(
    engine: Engine, db: Database, language: str, refusal: str
) -> None:
    customer = Chat(engine, language=language)
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    before = await snapshot(db)
    await customer.send(f"/minutes {booking['request_id']} 20")
    assert refusal in customer.text
    assert await snapshot(db) == before
    assert (await the_booking(db))["status"] == "confirmed"

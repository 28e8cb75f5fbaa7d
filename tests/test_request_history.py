"""A request's history as /request N shows it: what the bot noted is a catalogue text in
the reading manager's language (dates and times written the local way), what a person
typed stays as typed, and rows written before note lines still show their text."""

from __future__ import annotations

from datetime import timedelta

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import requests
from storage.columns import time_to_db
from storage.db import Database
from storage.models import RequestKind, RequestStatus
from tests.support import booking_steps
from tests.support.booking_steps import WEDNESDAY, book, day_label, the_booking
from tests.support.chat import Chat, Clock
from tests.support.desk_world import NOW, console_manager, file_renewal, make_engine

#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


async def history_of(manager: Chat, number: int) -> list[str]:
    """The history lines of ``/request number`` as ``manager`` reads them."""
    await manager.send(f"/request {number}")
    marker = {"ru": "История:\n", "en": "History:\n"}[manager.language or "ru"]
    assert marker in manager.text, manager.text
    return manager.text.split(marker, 1)[1].splitlines()


async def done_renewal(engine: Engine, db: Database) -> int:
    """A renewal request filed by customer 1001 and closed by the console manager."""
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await console_manager(engine).payload(encode("desk_actions.done", number))
    return number


async def english_manager(engine: Engine) -> Chat:
    manager = Chat(engine, user_id="900", language="en", manager=True)
    await manager.send("/start")
    return manager


async def open_own_booking(chat: Chat) -> None:
    labels = booking_steps.LABELS[chat.language or "ru"]
    await chat.send("/menu")
    await chat.press(labels["menu"])
    await chat.press(f"{labels['mine']} (1)")
    await chat.press("10:00")


async def test_a_cancelled_booking_reads_in_each_managers_language(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine)
    await book(customer, "direct", hours=1)
    number = (await the_booking(db))["request_id"]
    await open_own_booking(customer)
    await customer.press("Отменить")
    await customer.press("Да, отменить")

    russian = await history_of(console_manager(engine), number)
    assert russian[-1] == "23.11.2026 12:00 · клиент · новая → отменена; запись отменена клиентом"
    english = await history_of(await english_manager(engine), number)
    assert english[-1] == (
        "23 Nov 2026 12:00 · the customer · new → cancelled; booking cancelled by the customer"
    )
    async with db.unit() as unit:
        cancelled = (await requests.events(unit, number))[-1]
    assert (cancelled.note, cancelled.note_line) == ("", ("history.booking_cancelled", {}))


async def test_a_moved_booking_names_both_times_the_local_way(engine: Engine, db: Database) -> None:
    customer = Chat(engine)
    await book(customer, "direct", hours=1)
    number = (await the_booking(db))["request_id"]
    await open_own_booking(customer)
    await customer.press("Перенести")
    await customer.press(day_label(customer, WEDNESDAY))
    await customer.press("15:00")
    await customer.press("✅ Перенести")

    russian = await history_of(console_manager(engine), number)
    assert russian[-1] == (
        "23.11.2026 12:00 · клиент · запись перенесена с 24.11.2026 10:00 на 25.11.2026 15:00"
    )
    english = await history_of(await english_manager(engine), number)
    assert english[-1] == (
        "23 Nov 2026 12:00 · the customer · booking moved from 24 Nov 2026 10:00 "
        "to 25 Nov 2026 15:00"
    )
    assert not any("T07:00" in line or "+00:00" in line for line in russian + english)


async def test_a_rating_reads_in_each_language_and_its_comment_as_typed(
    db: Database, policy: Policy
) -> None:
    engine = await make_engine(db, policy, Clock(NOW))
    number = await done_renewal(engine, db)
    customer = Chat(engine, user_id="1001")
    await customer.payload(encode("rating.set", number, 4))
    await customer.send("Спасибо, всё быстро")

    russian = await history_of(console_manager(engine), number)
    assert russian[-3:] == [
        "23.11.2026 12:00 · клиент · оценка 4/5",
        "23.11.2026 12:00 · клиент · оценка 4/5: Спасибо, всё быстро",
        "Оценка клиента: 4/5 — Спасибо, всё быстро",
    ]
    english = await history_of(await english_manager(engine), number)
    assert english[-3:-1] == [
        "23 Nov 2026 12:00 · the customer · rating 4/5",
        "23 Nov 2026 12:00 · the customer · rating 4/5: Спасибо, всё быстро",
    ]


async def test_an_old_plain_text_note_still_shows_as_stored(db: Database, policy: Policy) -> None:
    engine = await make_engine(db, policy, Clock(NOW))
    number = await done_renewal(engine, db)
    async with db.unit() as unit:  # as add_note wrote it before note lines
        await unit.execute(
            "INSERT INTO request_events (request_id, at, actor, note) VALUES (?, ?, ?, ?)",
            (number, time_to_db(NOW + timedelta(minutes=1)), "customer", "rating 3/5: ок"),
        )

    russian = await history_of(console_manager(engine), number)
    assert russian[-1] == "23.11.2026 12:01 · клиент · rating 3/5: ок"
    english = await history_of(await english_manager(engine), number)
    assert english[-1] == "23 Nov 2026 12:01 · the customer · rating 3/5: ок"


async def test_a_managers_events_name_the_manager_and_messenger_not_the_stored_mark(
    db: Database, policy: Policy
) -> None:
    engine = await make_engine(db, policy, Clock(NOW))
    number = await done_renewal(engine, db)

    manager = console_manager(engine)
    russian = await history_of(manager, number)
    assert russian[-1] == "23.11.2026 12:00 · User managers (консоль) · новая → выполнена"
    assert "Ведёт: User managers (консоль)" in manager.text
    english_desk = await english_manager(engine)
    english = await history_of(english_desk, number)
    assert english[-1] == "23 Nov 2026 12:00 · User managers (console) · new → done"
    assert "Handled by: User managers (console)" in english_desk.text
    assert "console:managers" not in manager.text + english_desk.text


async def test_note_lines_read_back_with_the_free_text_beside_them(db: Database) -> None:
    async with db.unit() as unit:
        number = await requests.create(unit, RequestKind.RENEWAL, account_id=None, now=NOW)
        await requests.add_note(
            unit,
            number,
            actor="customer",
            note="спасибо",
            note_line=("history.rating", {"rating": 5}),
            now=NOW,
        )
        await requests.set_status(
            unit,
            number,
            RequestStatus.DONE,
            actor="manager:telegram:7",
            note_line=("history.linked", {"customer": 12}),
            now=NOW,
        )
        await requests.add_note(unit, number, actor="manager:telegram:7", note="ок", now=NOW)
        history = await requests.events(unit, number)
    assert [(e.note, e.note_line) for e in history] == [
        ("", None),
        ("спасибо", ("history.rating", {"rating": 5})),
        ("", ("history.linked", {"customer": 12})),
        ("ок", None),
    ]

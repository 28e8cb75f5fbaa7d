"""A manager cancels or moves a customer's booking (docs/rules.md#changing-a-booking-and-reminders):
the customer is told in their language, the card is updated and sent again, the history
notes it, the connection fee passes on; a move goes only to a free start of working hours
ahead, and a stale action (the booking cancelled or held meanwhile) changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import (
    TUESDAY_NOON,
    WEDNESDAY,
    book,
    manager_chat,
    occupy,
    rows,
    snapshot,
    the_booking,
)
from tests.support.chat import Chat, Clock

clock, engine = booking_steps.clock, booking_steps.engine

#: Wednesday 25 Nov 2026, 15:00 in Moscow (12:00 UTC): a free working hour.
WEDNESDAY_15 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def move(number: int, local: str) -> str:
    """The move button to a vendor-local start written ``YYYYMMDDHHMM``."""
    return encode("booking_desk.move", number, local)


async def customer_texts(db: Database, chat: Chat) -> list[str]:
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        (chat.platform.value, chat.user_id),
    )
    return [str(row["text"]) for row in found]


async def last_card(db: Database) -> str:
    found = await rows(db, "SELECT text FROM outbox WHERE chat_id = 'managers' ORDER BY id")
    return str(found[-1]["text"])


async def history_of(db: Database, number: int) -> list[dict[str, object]]:
    return await rows(
        db,
        "SELECT actor, to_status, note, note_line FROM request_events "
        "WHERE request_id = ? ORDER BY id",
        (number,),
    )


async def test_a_manager_cancels_a_booking_with_a_reason_the_customer_reads(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, language="en")
    await book(customer, "backup", hours=1)
    booking = await the_booking(db)
    number = booking["request_id"]
    desk = manager_chat(engine)
    await desk.payload(encode("booking_desk.cancel", number))
    assert desk.said("booking_desk.ask_reason", number=number)
    await desk.send("Консультант заболел")

    assert desk.said("booking_desk.cancelled", number=number)
    assert (await the_booking(db, booking["id"]))["status"] == "cancelled"
    told = desk.rendered_once("booking_desk.customer_cancelled", reason="Консультант заболел")
    assert told.language == "en"  # the customer's language, not the manager's
    assert told.text in (await customer_texts(db, customer))[-1]
    card = await last_card(db)
    assert "Отменено менеджером" in card and "Консультант заболел" in card
    assert "Отменить запись" not in card  # a closed request's card has no buttons
    status = await rows(db, "SELECT status FROM requests WHERE id = ?", (number,))
    assert status[0]["status"] == "cancelled"
    last = (await history_of(db, number))[-1]
    assert last["actor"] == "manager:telegram:900" and last["to_status"] == "cancelled"
    assert last["note"] == "Консультант заболел"
    assert "history.booking_cancelled_by_manager" in str(last["note_line"])


async def test_a_booking_card_offers_the_cancel_button_to_managers(
    engine: Engine, db: Database
) -> None:
    await book(Chat(engine), "backup", hours=1)
    found = await rows(db, "SELECT buttons FROM outbox WHERE chat_id = 'managers' ORDER BY id")
    number = (await the_booking(db))["request_id"]
    assert encode("booking_desk.cancel", number) in str(found[-1]["buttons"])


async def test_cancelling_the_fee_bearing_booking_passes_the_fee_on(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine)
    await book(customer, "direct", hours=1)
    first = await the_booking(db)
    await book(customer, "direct", day=WEDNESDAY, time="14:00", hours=1)
    later = await the_booking(db)
    assert (first["connection_fee"], later["connection_fee"]) == ("4000", "0")
    desk = manager_chat(engine)
    await desk.payload(encode("booking_desk.cancel", first["request_id"]))
    await desk.send("Нет свободного консультанта")

    assert (await the_booking(db, later["id"]))["connection_fee"] == "4000"
    assert desk.said("booking_desk.fee_passed", number=later["request_id"])
    fee = desk.rendered_once("booking.fee_moved")
    assert fee.text in (await customer_texts(db, customer))[-1]


async def test_a_manager_moves_a_booking_to_a_free_working_hour(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=2)
    booking = await the_booking(db)
    number = booking["request_id"]
    desk = manager_chat(engine)
    await desk.payload(move(number, "202611251500"))

    assert desk.said("booking_desk.moved", number=number)
    moved = await the_booking(db, booking["id"])
    assert moved["status"] == "confirmed" and moved["starts_at"].startswith("2026-11-25T12:00")
    told = desk.rendered_once("booking_desk.customer_moved", number=number, hours=2)
    assert "15:00" in told.text and "10:00" in told.text
    assert told.text in (await customer_texts(db, customer))[-1]
    card = await last_card(db)
    assert "Начало: 25.11.2026 15:00, 2 часа" in card and "Перенесено менеджером" in card
    last = (await history_of(db, number))[-1]
    assert last["actor"] == "manager:telegram:900"
    assert "history.booking_moved" in str(last["note_line"])


async def test_a_move_to_a_taken_past_or_off_hours_start_changes_nothing(
    engine: Engine, db: Database
) -> None:
    await book(Chat(engine), "backup", hours=1)
    number = (await the_booking(db))["request_id"]
    await occupy(db, WEDNESDAY_15, count=2)  # both consultants
    desk = manager_chat(engine)
    before = await snapshot(db)
    refusals = {
        "202611251500": "booking_desk.move_slot_taken",
        "202611231000": "booking_desk.move_too_soon",  # this morning, already gone
        "202611231200": "booking_desk.move_too_soon",  # now: not the minimum notice ahead
        "202611252000": "booking_desk.move_outside_hours",  # after working hours
        "202611251730": "booking_desk.move_outside_hours",  # not a slot's start
        "202611281000": "booking_desk.move_outside_hours",  # a Saturday
        "202611241000": "booking_desk.move_same_time",
    }
    for start, refusal in refusals.items():
        await desk.payload(move(number, start))
        assert desk.said(refusal), (start, desk.keys)
    await desk.payload(move(number, "202613451000"))  # no such day: a forged button
    assert desk.said("common.bad_button")
    assert await snapshot(db) == before


async def test_a_stale_cancel_or_move_changes_nothing(
    engine: Engine, db: Database, clock: Clock
) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    await book(customer, "backup", day=WEDNESDAY, time="11:00", hours=1)
    held, cancelled = await rows(db, "SELECT id, request_id FROM bookings ORDER BY id")
    desk = manager_chat(engine)
    # The reason is asked; meanwhile the customer cancels the booking themselves.
    await desk.payload(encode("booking_desk.cancel", cancelled["request_id"]))
    await booking_steps.cancel_booking_at(customer, "11:00", count=2)
    before = await snapshot(db)
    await desk.send("Поздно")
    assert desk.said("booking_desk.already_cancelled", number=cancelled["request_id"])
    await desk.payload(move(cancelled["request_id"], "202611251500"))
    assert desk.said("booking_desk.already_cancelled")
    assert await snapshot(db) == before

    clock.now = TUESDAY_NOON
    await desk.send(f"/minutes {held['request_id']} 60")
    before = await snapshot(db)
    await desk.payload(encode("booking_desk.cancel", held["request_id"]))
    assert desk.said("booking_desk.already_held")
    await desk.payload(move(held["request_id"], "202611251500"))
    assert desk.said("booking_desk.already_held")
    await desk.payload(encode("booking_desk.cancel", 999))
    assert desk.said("booking_desk.not_found", number=999)
    assert await snapshot(db) == before


async def test_customers_cannot_press_the_managers_buttons(engine: Engine, db: Database) -> None:
    customer = Chat(engine)
    await book(customer, "backup", hours=1)
    number = (await the_booking(db))["request_id"]
    before = await snapshot(db)
    await customer.payload(encode("booking_desk.cancel", number))
    await customer.payload(move(number, "202611251500"))
    assert await snapshot(db) == before

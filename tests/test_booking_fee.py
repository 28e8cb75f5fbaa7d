"""The one-time connection fee (docs/rules.md#price-and-bill): owed once, carried by one
direct booking still ahead. A cancelled or rejected booking that carried it passes it on
to the customer's next direct booking still ahead, and a past one never billed carries it
no more; /minutes charges it only with a booking whose estimate carried it, when this
customer was never billed it for a held direct session, and never twice."""

from __future__ import annotations

from datetime import UTC, date, datetime

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import (
    TUESDAY,
    TUESDAY_NOON,
    WEDNESDAY,
    WEDNESDAY_NOON,
    book,
    cancel_booking_at,
    give_consents,
    manager_chat,
    open_booking_at,
    reach_consents,
    rows,
    the_booking,
)
from tests.support.chat import Chat, Clock

NBSP = "\u00a0"
#: Wednesday 15:00 in Moscow: a Wednesday 14:00 session of an hour is over.
WEDNESDAY_AFTERNOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
THURSDAY = date(2026, 11, 26)

#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


def rub(amount: str) -> str:
    """An amount as Russian texts get it: ``rub("4 000")`` → ``4 000 ₽`` (no-break spaces)."""
    return f"{amount.replace(' ', NBSP)}{NBSP}₽"


async def card_of(db: Database, request_id: int) -> str:
    """The latest card of a request the managers were sent."""
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE chat_id = 'managers' AND request_id = ? ORDER BY id",
        (request_id,),
    )
    return str(found[-1]["text"])


async def customer_texts(db: Database, chat: Chat) -> list[str]:
    found = await rows(
        db,
        "SELECT text FROM outbox WHERE platform = ? AND chat_id = ? ORDER BY id",
        (chat.platform.value, chat.user_id),
    )
    return [str(row["text"]) for row in found]


async def test_a_cancelled_first_direct_booking_leaves_the_fee_to_the_next_quote(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)  # Tuesday 10:00: the first direct session, the fee
    assert (await the_booking(db))["connection_fee"] == "4000"
    await cancel_booking_at(chat, "10:00")
    assert not chat.said("booking.fee_moved")  # no other direct booking to take it

    await reach_consents(chat, "direct", day=WEDNESDAY, hours=1)
    assert chat.said("booking.estimate_fee", amount=rub("4 000"))
    await give_consents(chat, "direct")
    assert chat.said("booking.confirm_summary", total=rub("5 300"))
    await chat.press_key("booking.confirm")
    booked = await the_booking(db)
    assert (booked["connection_fee"], booked["estimate"]) == ("4000", "5300")

    clock.now = WEDNESDAY_NOON  # held 10:00–11:00
    desk = manager_chat(engine)
    await desk.send(f"/minutes {booked['request_id']} 60")
    assert desk.said_in("ru", "session_bill.bill_fee", amount=rub("4 000"))
    assert desk.said_in("ru", "session_bill.bill_total", amount=rub("5 300"))


async def test_cancelling_the_fee_bearing_booking_passes_the_fee_to_the_one_booked_next(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine, language="en")
    await book(chat, "direct", hours=1)  # Tuesday 10:00, with the fee
    await book(chat, "direct", day=WEDNESDAY, time="14:00", hours=1)
    later = await the_booking(db)
    assert (later["connection_fee"], later["estimate"]) == ("0", "1300")

    await cancel_booking_at(chat, "10:00", count=2)
    wednesday = chat.text_of("booking.when", time="14:00")
    assert chat.said_in(
        "en",
        "booking.fee_moved",
        when=wednesday,
        amount=f"RUB{NBSP}4,000",
        total=f"RUB{NBSP}5,300",
    )
    moved = await the_booking(db, later["id"])
    assert (moved["connection_fee"], moved["estimate"]) == ("4000", "5300")
    request = await rows(db, "SELECT amount FROM requests WHERE id = ?", (later["request_id"],))
    assert request[0]["amount"] == "5300"
    card = await card_of(db, later["request_id"])
    assert "Разовая плата за подключение" in card and "Итого по оценке: 5\u00a0300" in card
    await open_booking_at(chat, "14:00")
    assert chat.said_in("en", "booking.view", total=f"RUB{NBSP}5,300")

    clock.now = WEDNESDAY_AFTERNOON
    desk = manager_chat(engine, language="en")
    await desk.send(f"/minutes {later['request_id']} 50")
    assert desk.said_in("en", "session_bill.bill_fee", amount=f"RUB{NBSP}4,000")
    assert desk.said_in("en", "session_bill.bill_total", amount=f"RUB{NBSP}5,300")


async def test_a_rejected_fee_bearing_booking_passes_the_fee_on_and_the_customer_is_told(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)
    first = await the_booking(db)
    await book(chat, "direct", day=WEDNESDAY, time="14:00", hours=1)
    later = await the_booking(db)
    desk = Chat(engine, user_id="managers", manager=True)
    await desk.payload(encode("desk_actions.reject", first["request_id"]))
    await desk.send("Консультант заболел, выберите другое время")

    told = desk.rendered_once("booking.fee_moved", amount=rub("4 000"), total=rub("5 300"))
    assert told.language == "ru"
    assert any(told.text in text for text in await customer_texts(db, chat))
    assert (await the_booking(db, later["id"]))["connection_fee"] == "4000"

    # That one cancelled too: the next quote carries the fee.
    await cancel_booking_at(chat, "14:00")
    await reach_consents(chat, "direct", day=THURSDAY, hours=1)
    assert chat.said("booking.estimate_fee", amount=rub("4 000"))


async def test_the_fee_is_billed_with_the_booking_quoted_with_it_and_never_twice(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", day=WEDNESDAY, hours=1)  # booked first: carries the fee
    wednesday = await the_booking(db)
    await book(chat, "direct", day=TUESDAY, hours=1)  # booked second, held first
    tuesday = await the_booking(db)
    assert (wednesday["connection_fee"], tuesday["connection_fee"]) == ("4000", "0")
    desk = manager_chat(engine)

    clock.now = TUESDAY_NOON
    await desk.send(f"/minutes {tuesday['request_id']} 60")
    # Quoted without the fee: billed without it (never more than the customer agreed to).
    assert not desk.said("session_bill.bill_fee")
    assert desk.said_in("ru", "session_bill.bill_total", amount=rub("1 300"))
    ahead = await the_booking(db, wednesday["id"])
    assert (ahead["connection_fee"], ahead["estimate"]) == ("4000", "5300")

    clock.now = WEDNESDAY_NOON
    await desk.send(f"/minutes {wednesday['request_id']} 60")
    assert desk.said_in("ru", "session_bill.bill_fee", amount=rub("4 000"))
    assert desk.said_in("ru", "session_bill.bill_total", amount=rub("5 300"))
    billed = [await the_booking(db, b["id"]) for b in (tuesday, wednesday)]
    assert [b["bill"] for b in billed] == ["1300", "5300"]

    # Paid once: later direct sessions are quoted without it.
    await reach_consents(chat, "direct", day=THURSDAY, hours=1)
    assert chat.said("booking.estimate_no_fee")
    assert chat.said("booking.estimate_total", amount=rub("1 300"))


async def test_a_past_booking_closed_without_a_bill_carries_the_fee_no_more(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)  # Tuesday 10:00, the estimate with the fee: 5 300
    tuesday = await the_booking(db)
    assert (tuesday["connection_fee"], tuesday["estimate"]) == ("4000", "5300")
    clock.now = TUESDAY_NOON
    desk = Chat(engine, user_id="managers", manager=True)
    await desk.payload(encode("desk_actions.done", tuesday["request_id"]))  # no /minutes
    assert desk.said("booking.done_unbilled", number=tuesday["request_id"])

    clock.now = WEDNESDAY_NOON
    await reach_consents(chat, "direct", day=THURSDAY, hours=1)
    assert chat.said("booking.estimate_fee", amount=rub("4 000"))
    await give_consents(chat, "direct")
    assert chat.said("booking.confirm_summary", total=rub("5 300"))
    await chat.press_key("booking.confirm")
    thursday = await the_booking(db)
    assert (thursday["connection_fee"], thursday["estimate"]) == ("4000", "5300")

    clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # Thursday noon in Moscow
    manager = manager_chat(engine)
    await manager.send(f"/minutes {thursday['request_id']} 60")
    assert manager.said_in("ru", "session_bill.bill_fee", amount=rub("4 000"))
    assert manager.said_in("ru", "session_bill.bill_total", amount=rub("5 300"))
    # The Tuesday session billed late: the fee was paid already, its time only.
    await manager.send(f"/minutes {tuesday['request_id']} 60")
    assert manager.said_in("ru", "session_bill.bill_total", amount=rub("1 300"))
    assert not manager.said("session_bill.bill_fee")


async def test_a_bill_never_carries_a_fee_its_estimate_did_not(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", day=WEDNESDAY, time="14:00", hours=1)  # carries the fee
    wednesday = await the_booking(db)
    await book(chat, "direct", hours=1)  # Tuesday 10:00, quoted without it: 1 300
    tuesday = await the_booking(db)
    assert (tuesday["connection_fee"], tuesday["estimate"]) == ("0", "1300")

    clock.now = WEDNESDAY_NOON  # Tuesday's session is past, never billed
    desk = Chat(engine, user_id="managers", manager=True)
    await desk.payload(encode("desk_actions.reject", wednesday["request_id"]))
    await desk.send("Консультант заболел, выберите другое время")
    assert not desk.said("booking.fee_moved")  # not to the past Tuesday booking
    assert (await the_booking(db, tuesday["id"]))["connection_fee"] == "0"

    manager = manager_chat(engine)
    await manager.send(f"/minutes {tuesday['request_id']} 60")
    assert not manager.said("session_bill.bill_fee")
    assert manager.said_in("ru", "session_bill.bill_total", amount=rub("1 300"))
    # The fee was never billed: the next quote carries it.
    await reach_consents(chat, "direct", day=THURSDAY, hours=1)
    assert chat.said("booking.estimate_fee", amount=rub("4 000"))


async def test_a_fee_billed_late_leaves_a_closed_requests_card_alone(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)  # Tuesday 10:00, with the fee
    tuesday = await the_booking(db)
    desk = Chat(engine, user_id="managers", manager=True)
    clock.now = TUESDAY_NOON
    await desk.payload(encode("desk_actions.done", tuesday["request_id"]))  # no minutes
    clock.now = WEDNESDAY_NOON
    await book(chat, "direct", day=THURSDAY, hours=1)  # quoted with the fee again
    thursday = await the_booking(db)
    await desk.payload(encode("desk_actions.done", thursday["request_id"]))  # closed early
    cards_before = await rows(
        db, "SELECT id FROM outbox WHERE request_id = ?", (thursday["request_id"],)
    )

    manager = manager_chat(engine)
    await manager.send(f"/minutes {tuesday['request_id']} 60")  # the Tuesday session, late
    assert manager.said_in("ru", "session_bill.bill_total", amount=rub("5 300"))
    ahead = await the_booking(db, thursday["id"])
    assert (ahead["connection_fee"], ahead["estimate"]) == ("0", "1300")
    cards_after = await rows(
        db, "SELECT id FROM outbox WHERE request_id = ?", (thursday["request_id"],)
    )
    assert cards_after == cards_before  # nothing sent again about the closed request

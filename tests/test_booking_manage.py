"""The customer's bookings: list, cancel, move (only until the limit before the start),
the manager offer after it, a backup sent later, and someone else's booking refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import (
    TUESDAY_10,
    WEDNESDAY,
    backup_file,
    book,
    day_label,
    make_engine,
    rows,
    send_files,
    snapshot,
    state_of,
    the_booking,
)
from tests.support.chat import Chat, Clock

MY_BOOKINGS = encode("go", "booking", "mine")


#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


async def press_booking_at(chat: Chat, time: str) -> None:
    """Press the booking starting at ``time`` in the list of the chat's bookings."""
    await chat.press_key("booking.booking_button", when=chat.text_of("booking.when", time=time))


async def open_the_booking(chat: Chat) -> None:
    """Main menu → the booking item → "My bookings (1)" → the Tuesday 10:00 booking."""
    await chat.send("/menu")
    await chat.press_key("booking.menu")
    await chat.press_key("booking.my_bookings_count", count=1)
    await press_booking_at(chat, "10:00")


async def test_cancel_before_the_limit_frees_the_slot_and_tells_managers(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)
    booking = await the_booking(db)
    await open_the_booking(chat)
    assert chat.said("booking.view", number=1)
    limit = chat.text_of("booking.when", date="24.11.2026", time="08:00")
    assert chat.said("booking.changeable_until", when=limit)
    await chat.press_key("booking.cancel")
    start = chat.text_of("booking.when", weekday="вт", date="24.11.2026", time="10:00")
    assert chat.said("booking.cancel_question", when=start)
    await chat.press_key("booking.cancel_yes")

    assert chat.said("booking.cancelled", when=start)
    # golden: the exact wording
    assert (
        "Запись на вт, 24.11.2026, 10:00 (Москва) отменена. Менеджеры предупреждены."
    ) in chat.text
    after = await the_booking(db, booking["id"])
    assert after["status"] == "cancelled"
    request = (await rows(db, "SELECT status FROM requests WHERE id = ?", (after["request_id"],)))[
        0
    ]
    assert request["status"] == "cancelled"
    events = await rows(db, "SELECT actor, to_status FROM request_events ORDER BY id")
    assert events[-1] == {"actor": "customer", "to_status": "cancelled"}
    card = (await rows(db, "SELECT chat_id, text FROM outbox ORDER BY id"))[-1]
    assert card["chat_id"] == "managers" and "отменена" in card["text"]
    # The hour is free again, and the list is empty.
    await chat.payload(MY_BOOKINGS)
    assert chat.said("booking.none_upcoming")


async def test_move_before_the_limit_takes_the_new_slot(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await book(chat, "backup", hours=2)
    await chat.press_key("booking.backup_later")
    booking = await the_booking(db)
    await open_the_booking(chat)
    await chat.press_key("booking.move")
    await chat.press_key("booking.day_button", date=day_label(chat, WEDNESDAY))
    await chat.press("15:00")
    moscow = {"zone": "Moscow Time"}
    old = chat.text_of("booking.when", weekday="Tue", date="24 Nov 2026", time="10:00", **moscow)
    new = chat.text_of("booking.when", weekday="Wed", date="25 Nov 2026", time="15:00", **moscow)
    assert chat.said_in("en", "booking.move_question", old=old, new=new, hours=2)
    await chat.press_key("booking.move_yes")

    assert chat.said_in("en", "booking.moved", when=new, hours=2)
    # golden: the exact wording
    assert "The booking is moved: Wed 25 Nov 2026, 15:00 (Moscow Time), 2 hours." in chat.text
    moved = await the_booking(db, booking["id"])
    assert moved["starts_at"] == "2026-11-25T12:00:00+00:00"
    assert (moved["hours"], moved["status"], moved["estimate"]) == (2, "confirmed", "2600")
    card = (await rows(db, "SELECT text FROM outbox ORDER BY id"))[-1]["text"]
    assert "Начало: 25.11.2026 15:00, 2 часа" in card and "Перенесено клиентом" in card
    assert await state_of(db, chat) == (None, None)


async def test_a_move_may_overlap_the_booking_itself(
    db: Database, policy: Policy, clock: Clock
) -> None:
    """With one consultant, 10:00–12:00 moved to 11:00 must not be blocked by itself."""
    sessions = policy.sessions.model_copy(update={"consultants": 1})
    engine = make_engine(db, policy.model_copy(update={"sessions": sessions}), clock)
    chat = Chat(engine)
    await book(chat, "direct", hours=2)
    await open_the_booking(chat)
    await chat.press_key("booking.move")
    await chat.press_key("booking.day_button", date="24.11.2026")
    assert "11:00" in chat.labels
    await chat.press("11:00")
    await chat.press_key("booking.move_yes")
    assert chat.said("booking.moved", hours=2)
    assert (await the_booking(db))["starts_at"] == "2026-11-24T08:00:00+00:00"


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_after_the_limit_cancel_and_move_are_refused_with_a_manager_offer(
    engine: Engine, db: Database, clock: Clock, language: str
) -> None:
    chat = Chat(engine, language=language)
    await book(chat, "direct", hours=1)
    booking = await the_booking(db)
    clock.now = TUESDAY_10 - timedelta(hours=1, minutes=59)  # the limit is 2 h before
    await open_the_booking(chat)
    assert not chat.said("booking.cancel") and not chat.said("booking.move")
    before = await snapshot(db)
    # The old buttons (or forged ones) are refused the same way, and nothing changes.
    for action in ("booking.cancel", "booking.move"):
        await chat.payload(encode(action, booking["id"]))
        assert chat.said_in(language, "booking.too_late", hours=2)
        assert await snapshot(db) == before
    await chat.payload(encode("booking.cancel_yes", booking["id"]))
    assert await snapshot(db) == before

    await chat.press_key("booking.ask_manager")
    assert chat.said_in(language, "booking.manager_asked", phone="+79991234567")
    notice = (await rows(db, "SELECT chat_id, text FROM outbox ORDER BY id"))[-1]
    assert notice["chat_id"] == "managers" and "№1" in notice["text"]
    assert "+79991234567" in notice["text"]
    # A second press does not disturb the managers twice.
    outbox = await rows(db, "SELECT id FROM outbox")
    await chat.payload(encode("booking.ask", booking["id"]))
    assert await rows(db, "SELECT id FROM outbox") == outbox
    assert (await the_booking(db, booking["id"]))["status"] == "confirmed"


async def test_exactly_at_the_limit_cancel_is_still_allowed(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)
    clock.now = TUESDAY_10 - timedelta(hours=2)
    await open_the_booking(chat)
    await chat.press_key("booking.cancel")
    await chat.press_key("booking.cancel_yes")
    assert (await the_booking(db))["status"] == "cancelled"


async def test_someone_elses_booking_in_a_forged_payload_is_refused(
    engine: Engine, db: Database
) -> None:
    owner = Chat(engine, user_id="1")
    await book(owner, "direct", hours=1)
    owners = await the_booking(db)
    stranger = Chat(engine, user_id="2", language="en")
    await book(stranger, "direct", hours=1, time="14:00")
    await open_the_booking_at(stranger, "14:00")
    before = await snapshot(db)

    for action in ("booking.open", "booking.cancel", "booking.move", "booking.ask"):
        await stranger.payload(encode(action, owners["id"]))
        assert stranger.said_in("en", "booking.not_yours")
        assert not stranger.mentions("10:00")  # nothing of the owner's booking is shown
    # The stranger's own booking, then its cancel question.
    await press_booking_at(stranger, "14:00")
    await stranger.press_key("booking.cancel")
    await stranger.payload(encode("booking.cancel_yes", owners["id"]))
    assert stranger.said_in("en", "booking.not_yours")
    await press_booking_at(stranger, "14:00")
    await stranger.press_key("booking.cancel")
    await stranger.payload(encode("booking.cancel_yes", "99999"))  # an id that does not exist
    assert stranger.said_in("en", "booking.not_yours")
    assert await snapshot(db) == before
    assert (await the_booking(db, owners["id"]))["status"] == "confirmed"


async def open_the_booking_at(chat: Chat, time: str) -> None:
    await chat.payload(MY_BOOKINGS)
    await press_booking_at(chat, time)


async def test_backup_sent_later_outside_the_flow_is_attached(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await book(chat, "backup")
    await chat.press_key("booking.backup_later")
    await chat.send("/menu")
    booking = await the_booking(db)

    await send_files(chat, backup_file("huge.zip", size=21 * 1024 * 1024))
    assert chat.said("uploads.too_large", max_mb=20)
    # A file that is no backup at all is not taken as one: with the whole bot it goes to
    # the open request as a follow-up document instead.
    await send_files(chat, backup_file("scan.pdf"))
    assert not chat.said("booking.backup_received")
    assert await rows(db, "SELECT id FROM attachments WHERE role = 'backup'") == []

    await send_files(chat, backup_file("kvartplata.7z"))
    assert chat.said("booking.backup_received", names="kvartplata.7z", number=1)
    files = await rows(db, "SELECT request_id, role FROM attachments WHERE role = 'backup'")
    assert files == [{"request_id": booking["request_id"], "role": "backup"}]
    card = (await rows(db, "SELECT text FROM outbox ORDER BY id"))[-1]["text"]
    assert "kvartplata.7z" in card


async def test_backup_from_the_booking_view_and_no_booking_no_backup(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine, language="en")
    await book(chat, "backup")
    await chat.press_key("booking.backup_later")
    await open_the_booking(chat)
    await chat.press_key("booking.send_backup_button")
    await send_files(chat, backup_file("base.bak"))
    assert chat.said_in("en", "booking.backup_received", names="base.bak")

    # Without an upcoming backup review a file is not taken as a backup.
    other = Chat(engine, user_id="77", language="en")
    await other.send("/start")
    await send_files(other, backup_file("base.zip"))
    assert not other.said("booking.backup_received")
    # Without a booking the file is no backup for a session: it reaches the managers with
    # a question of its own.
    assert other.said("relay.question_filed")
    kinds = await rows(
        db,
        "SELECT r.kind FROM attachments a JOIN requests r ON r.id = a.request_id ORDER BY a.id",
    )
    assert [row["kind"] for row in kinds] == ["booking", "question"]


async def test_a_booking_rejected_by_a_manager_frees_its_slot(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await book(chat, "direct", hours=1)
    booking = await the_booking(db)
    manager = Chat(engine, user_id="managers", manager=True)
    await manager.payload(encode("desk_actions.reject", booking["request_id"]))
    await manager.send("Консультант заболел, выберите другое время")
    assert (await the_booking(db, booking["id"]))["status"] == "cancelled"
    request = await rows(db, "SELECT status FROM requests WHERE id = ?", (booking["request_id"],))
    assert request[0]["status"] == "rejected"
    await chat.payload(MY_BOOKINGS)
    assert chat.said("booking.none_upcoming")

"""Booking a remote session through the engine on real SQLite: both kinds, the estimate,
the consents, the phone, the free slots, and two customers racing for the last place."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import accounts
from storage.db import Database
from storage.models import Platform
from tests.support import booking_steps
from tests.support.booking_steps import (
    NOW,
    TUESDAY,
    TUESDAY_10,
    WEDNESDAY,
    backup_file,
    book,
    day_label,
    give_consents,
    make_engine,
    occupy,
    reach_consents,
    rows,
    send_files,
    snapshot,
    start_booking,
    state_of,
    the_booking,
    with_consultants,
)
from tests.support.chat import Chat, Clock

NBSP = "\u00a0"


def rub(amount: str) -> str:
    """An amount as Russian texts get it: ``rub("2 600")`` → ``2 600 ₽`` (no-break spaces)."""
    return f"{amount.replace(' ', NBSP)}{NBSP}₽"


#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


async def test_backup_review_is_booked_in_russian(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await reach_consents(chat, "backup", hours=2)
    assert chat.said("booking.estimate_time", hours=2, rate=rub("1 300"), amount=rub("2 600"))
    # The minimum session, in words; the consultant's time, no session to interrupt.
    assert chat.said("booking.consent_pay_review", min_hours=1)
    assert chat.said("booking.estimate_total", amount=rub("2 600"))
    # A backup review has no fee.
    assert not chat.said("booking.estimate_fee") and not chat.said("booking.estimate_no_fee")
    await chat.press_key("booking.agree_pay")
    # No connection: neither a remote-access consent nor a backup to make before it.
    assert not chat.said("booking.agree_access") and not chat.said("booking.agree_backup")
    start = chat.text_of(
        "booking.when", weekday="вт", date="24.11.2026", time="10:00", zone="Москва"
    )
    assert chat.said("booking.confirm_summary", when=start)
    await chat.press_key("booking.confirm")

    assert chat.said("booking.booked", number=1, hours=2)
    # golden: the exact wording
    assert (
        "Готово, вы записаны! Заявка №1: проверка резервной копии, вт, 24.11.2026, "
        "10:00 (Москва), 2 часа. Накануне и за час до начала я напомню."
    ) in chat.text
    assert chat.said("booking.prepare_backup", max_mb=20)  # how to send the backup
    assert chat.said("booking.send_backup", max_mb=20)
    booking = await the_booking(db)
    assert (booking["kind"], booking["hours"], booking["status"]) == ("backup", 2, "confirmed")
    assert (booking["estimate"], booking["connection_fee"]) == ("2600", "0")
    assert booking["starts_at"] == "2026-11-24T07:00:00+00:00"
    request = (await rows(db, "SELECT * FROM requests WHERE id = ?", (booking["request_id"],)))[0]
    assert (request["kind"], request["amount"]) == ("booking", "2600")
    card = (await rows(db, "SELECT chat_id, text FROM outbox ORDER BY id"))[-1]
    assert card["chat_id"] == "managers"
    for part in ("+79991234567", "ошибка 42", "24.11.2026 10:00, 2 часа", "Согласие «оплата"):
        assert part in card["text"]

    # The backup file is taken at the end of the flow, recorded on the booking's request.
    assert await state_of(db, chat) == ("booking", "backup_file")
    await send_files(chat, backup_file("base.zip"))
    assert chat.said("booking.backup_received", names="base.zip", number=booking["request_id"])
    files = await rows(db, "SELECT request_id, role, original_name FROM attachments")
    assert files == [
        {"request_id": booking["request_id"], "role": "backup", "original_name": "base.zip"}
    ]
    assert await state_of(db, chat) == (None, None)


async def test_direct_connection_first_pays_the_fee_and_the_second_does_not(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine, language="en")
    await start_booking(chat, "direct")
    # A shared contact is accepted as the phone (Telegram sends it without the plus).
    assert chat.replies[-1].request_contact
    await chat.contact("79990001122")
    await chat.press_key("booking.day_button", date=day_label(chat, TUESDAY))
    await chat.press("10:00")
    await chat.press_key("booking.duration_button", hours=3)
    assert chat.said_in(
        "en",
        "booking.estimate_time",
        hours=3,
        rate=f"RUB{NBSP}1,300",
        amount=f"RUB{NBSP}3,900",
    )
    assert chat.said_in("en", "booking.estimate_fee", amount=f"RUB{NBSP}4,000")
    assert chat.said_in("en", "booking.estimate_total", amount=f"RUB{NBSP}7,900")
    await give_consents(chat, "direct")
    assert chat.said_in("en", "booking.confirm_summary", phone="+79990001122")
    await chat.press_key("booking.confirm")
    start = chat.text_of(
        "booking.when", weekday="Tue", date="24 Nov 2026", time="10:00", zone="Moscow Time"
    )
    assert chat.said_in("en", "booking.booked", number=1, when=start)
    assert chat.said_in("en", "booking.prepare_direct")  # the firewall warning
    first = await the_booking(db)
    assert (first["kind"], first["connection_fee"], first["estimate"]) == ("direct", "4000", "7900")

    # A second direct session (booked before the first is held) is not charged the fee.
    await reach_consents(chat, "direct", day=WEDNESDAY, time="14:00", hours=1)
    assert chat.said_in("en", "booking.estimate_total", amount=f"RUB{NBSP}1,300")
    assert chat.said_in("en", "booking.estimate_no_fee")
    await give_consents(chat, "direct")
    await chat.press_key("booking.confirm")
    second = await the_booking(db)
    assert second["id"] != first["id"]
    assert (second["connection_fee"], second["estimate"]) == ("0", "1300")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_every_consent_must_be_pressed_in_order(
    engine: Engine, db: Database, language: str
) -> None:
    chat = Chat(engine, language=language)
    await reach_consents(chat, "direct", hours=1)
    assert await state_of(db, chat) == ("booking", "consent_pay")

    await chat.send("да" if language == "ru" else "yes")  # text instead of the button
    assert chat.said_in(language, "booking.consent_pay_hint")
    assert await state_of(db, chat) == ("booking", "consent_pay")
    # Later consents and the confirmation cannot be pressed ahead (forged or old buttons).
    for skipped in (encode("booking.agree", "access"), encode("booking.agree", "backup")):
        await chat.payload(skipped)
        assert chat.said_in(language, "booking.consent_pay_hint")
    await chat.payload(encode("booking.confirm"))
    assert await state_of(db, chat) == ("booking", "consent_pay")

    await chat.press_key("booking.agree_pay")
    assert await state_of(db, chat) == ("booking", "consent_access")
    await chat.payload(encode("booking.agree", "backup"))
    assert await state_of(db, chat) == ("booking", "consent_access")
    await chat.press_key("booking.agree_access")
    await chat.payload(encode("booking.confirm"))  # the backup acknowledgement is missing
    assert await state_of(db, chat) == ("booking", "consent_backup")
    assert await rows(db, "SELECT id FROM bookings") == []

    await chat.press_key("booking.agree_backup")
    await chat.press_key("booking.confirm")
    assert len(await rows(db, "SELECT id FROM bookings")) == 1


async def test_declining_a_consent_books_nothing(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await reach_consents(chat, "direct", hours=1)
    await chat.press_key("booking.agree_pay")
    await chat.press_key("booking.decline")
    assert chat.said("booking.declined")
    assert await state_of(db, chat) == (None, None)
    assert await rows(db, "SELECT id FROM bookings") == []
    assert await rows(db, "SELECT id FROM requests") == []


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_a_bad_phone_gets_a_clear_hint(engine: Engine, db: Database, language: str) -> None:
    chat = Chat(engine, language=language)
    await start_booking(chat, "backup")
    for bad in ("12345", "позвоните мне", "+7 999 123"):
        await chat.send(bad)
        assert chat.said_in(language, "booking.phone_hint")
        assert await state_of(db, chat) == ("booking", "phone")
    await chat.send("8 (999) 123-45-67")
    assert await state_of(db, chat) == ("booking", "day")


async def test_a_too_short_problem_is_asked_again(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("booking.menu")
    await chat.press_key("booking.kind_backup")
    await chat.send("помогите")
    assert chat.said("booking.problem_hint")
    assert await state_of(db, chat) == ("booking", "problem")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_slots_skip_past_hours_days_off_and_full_hours(
    engine: Engine, db: Database, language: str
) -> None:
    # consultants = 2 (policy.toml): two sessions at Tuesday 10:00 fill that hour.
    await occupy(db, TUESDAY_10, count=2)
    # Wednesday is full all day: two consultants × nine hours.
    for hour in range(6, 15):
        await occupy(db, TUESDAY_10.replace(day=25, hour=hour), count=2)
    chat = Chat(engine, language=language)
    await start_booking(chat, "backup")
    await chat.send("+79991234567")

    days = [text.values["date"] for text in chat.rendered if text.key == "booking.day_button"]
    chat.button_of("booking.day_button", date=day_label(chat, NOW.date()))  # afternoon left
    assert day_label(chat, WEDNESDAY) not in days  # full
    for weekend in (date(2026, 11, 28), date(2026, 11, 29)):
        assert day_label(chat, weekend) not in days

    # Monday, 12:00 in Moscow now: 13:00 is sooner than the two hours' notice.
    await chat.press_key("booking.day_button", date=day_label(chat, NOW.date()))
    assert [label for label in chat.labels if ":" in label] == [
        "14:00",
        "15:00",
        "16:00",
        "17:00",
    ]
    await chat.payload(encode("booking.days"))  # « another day
    await chat.press_key("booking.day_button", date=day_label(chat, TUESDAY))
    times = [label for label in chat.labels if ":" in label]
    assert "10:00" not in times and "09:00" in times and "11:00" in times
    await chat.press("09:00")
    # 09:00 + 2 h would run into the full 10:00 hour: only one hour fits.
    durations = [t.values["hours"] for t in chat.rendered if t.key == "booking.duration_button"]
    assert durations == [1]
    chat.button_of("booking.duration_button", hours=1)


async def test_two_customers_confirming_the_last_place_get_it_once(
    db: Database, policy: Policy, clock: Clock
) -> None:
    """Two engines on two connections to one file (as two processes would be)."""
    single = with_consultants(policy, 1)
    async with await Database.open(db.path) as other_db:
        first = Chat(make_engine(db, single, clock), user_id="501")
        second = Chat(make_engine(other_db, single, clock), user_id="502", language="en")
        for chat in (first, second):
            await reach_consents(chat, "backup", hours=1)
            await give_consents(chat, "backup")
        before = await snapshot(db)

        await asyncio.gather(
            first.press_key("booking.confirm"), second.press_key("booking.confirm")
        )

        booked = [chat for chat in (first, second) if chat.said("booking.booked", number=1)]
        assert len(booked) == 1
        loser = second if booked[0] is first else first
        assert loser.said("booking.slot_just_taken")
        assert "10:00" not in loser.labels and "11:00" in loser.labels  # what is left that day
        taken = await rows(
            db, "SELECT account_id FROM bookings WHERE starts_at = ?", (TUESDAY_10.isoformat(),)
        )
        assert len(taken) == 1
        assert len(await rows(db, "SELECT id FROM requests")) == 1
        after = await snapshot(db)
        assert len(after["bookings"]) == len(before["bookings"]) + 1

        # The loser picks the next hour: the consents already given still hold.
        await loser.press("11:00")
        assert loser.said("booking.confirm_summary")
        await loser.press_key("booking.confirm")
        assert len(await rows(db, "SELECT id FROM bookings")) == 2


async def test_a_file_at_the_backup_step_is_checked(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await book(chat, "backup")
    await send_files(chat, backup_file("huge.zip", size=21 * 1024 * 1024))
    assert chat.said_in("en", "uploads.too_large", max_mb=20)
    await send_files(chat, backup_file("photo.jpg"))
    assert any(
        "ZIP, RAR" in text.values["types"]
        for text in chat.rendered
        if text.key == "uploads.wrong_type" and text.language == "en"
    )
    assert await rows(db, "SELECT id FROM attachments") == []
    assert await state_of(db, chat) == ("booking", "backup_file")
    await chat.send("here it is")
    assert chat.said_in("en", "booking.backup_file_hint")
    await chat.press_key("booking.backup_later")
    assert await state_of(db, chat) == (None, None)


async def test_a_linked_customer_uses_the_phone_on_file_across_messengers(
    engine: Engine, db: Database
) -> None:
    async with db.unit() as unit:
        customer_id = await unit.insert(
            "INSERT INTO customers (name, company, phone, created_at, updated_at) "
            "VALUES ('Иван Петров', 'ООО «Мебель-Про»', '+79990001122', 'x', 'x')"
        )
    telegram = Chat(engine, user_id="tg-1")
    vk = Chat(engine, user_id="vk-1", platform=Platform.VK)
    for chat in (telegram, vk):
        await chat.send("/start")
        async with db.unit() as unit:
            account = await accounts.find(unit, chat.platform, chat.user_id)
            assert account is not None
            await accounts.link_customer(unit, account.id, customer_id, method="phone")

    await start_booking(telegram, "direct")
    await telegram.press_key("booking.use_known_phone", phone="+79990001122")
    await telegram.press_key("booking.day_button", date=day_label(telegram, TUESDAY))
    await telegram.press("10:00")
    await telegram.press_key("booking.duration_button", hours=1)
    assert telegram.said("booking.estimate_fee", amount=rub("4 000"))
    await give_consents(telegram, "direct")
    await telegram.press_key("booking.confirm")
    booking = await the_booking(db)
    assert booking["customer_id"] == customer_id
    card = (await rows(db, "SELECT text FROM outbox ORDER BY id"))[-1]["text"]
    assert "Иван Петров (ООО «Мебель-Про»)" in card and "(подтверждён)" in card

    # The same customer in VK sees the booking and is not charged the fee again.
    await vk.send("/menu")
    await vk.press_key("booking.menu")
    vk.button_of("booking.my_bookings_count", count=1)
    await reach_consents(vk, "direct", day=WEDNESDAY, hours=1)
    assert vk.said("booking.estimate_no_fee")


async def test_an_estimate_that_changed_meanwhile_is_shown_and_agreed_again(
    engine: Engine, db: Database
) -> None:
    """The same customer books a direct session in two messengers at once: the fee is
    due once, and the chat confirming second sees its lower estimate before booking."""
    async with db.unit() as unit:
        customer_id = await unit.insert(
            "INSERT INTO customers (name, created_at, updated_at) VALUES ('ООО', 'x', 'x')"
        )
    chats = [Chat(engine, user_id="tg-2"), Chat(engine, user_id="vk-2", platform=Platform.VK)]
    for chat in chats:
        await chat.send("/start")
        async with db.unit() as unit:
            account = await accounts.find(unit, chat.platform, chat.user_id)
            assert account is not None
            await accounts.link_customer(unit, account.id, customer_id, method="phone")
    telegram, vk = chats
    for chat, time in ((telegram, "10:00"), (vk, "14:00")):
        await reach_consents(chat, "direct", time=time, hours=1)
        assert chat.said("booking.estimate_total", amount=rub("5 300"))
        await give_consents(chat, "direct")
    await vk.press_key("booking.confirm")
    assert (await the_booking(db))["connection_fee"] == "4000"

    await telegram.press_key("booking.confirm")
    assert telegram.said("booking.estimate_changed")
    assert telegram.said("booking.estimate_total", amount=rub("1 300"))
    assert await state_of(db, telegram) == ("booking", "consent_pay")
    assert len(await rows(db, "SELECT id FROM bookings")) == 1
    await give_consents(telegram, "direct")
    await telegram.press_key("booking.confirm")
    assert (await the_booking(db))["connection_fee"] == "0"

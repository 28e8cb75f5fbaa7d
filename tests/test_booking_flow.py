"""Booking a remote session through the engine on real SQLite: both kinds, the estimate,
the consents, the phone, the free slots, and two customers racing for the last place."""

from __future__ import annotations

import asyncio

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import accounts
from storage.db import Database
from storage.models import Platform
from tests.support import booking_steps
from tests.support.booking_steps import (
    DURATION_LABELS,
    LABELS,
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


#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine


async def test_backup_review_is_booked_in_russian(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await reach_consents(chat, "backup", hours=2)
    assert f"2 часа × 1{NBSP}300{NBSP}₽ = 2{NBSP}600{NBSP}₽" in chat.text
    assert "минимум 1 час." in chat.text  # the minimum session, in words
    assert f"Итого по оценке: 2{NBSP}600{NBSP}₽" in chat.text
    assert "плата за подключение" not in chat.text  # a backup review has no fee
    await chat.press("оплатить затраченное")
    assert "Условие 2 из 2" in chat.text  # no remote-access consent for a backup review
    assert not any("Разрешаю доступ" in label for label in chat.labels)
    await chat.press("сделаю резервную копию")
    assert "Проверьте запись" in chat.text and "вт, 24.11.2026, 10:00 (Москва)" in chat.text
    await chat.press("Подтвердить запись")

    assert "вы записаны" in chat.text and "Заявка №1" in chat.text
    assert "20 МБ" in chat.text and "e-mail" in chat.text  # how to send the backup
    assert "резервную копию" in chat.text
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
    assert "Резервная копия получена: base.zip" in chat.text
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
    await chat.press(day_label(chat, TUESDAY))
    await chat.press("10:00")
    await chat.press("3 hours")
    assert "3 hours × RUB\u00a01,300 = RUB\u00a03,900" in chat.text
    assert "one-time fee" in chat.text and "RUB\u00a04,000" in chat.text
    assert "Estimated total: RUB\u00a07,900" in chat.text
    await give_consents(chat, "direct")
    assert "Phone: +79990001122" in chat.text
    await chat.press("Confirm the booking")
    assert "you are booked" in chat.text and "Tue 24 Nov 2026, 10:00 (Moscow Time)" in chat.text
    assert "firewall" in chat.text.lower()
    first = await the_booking(db)
    assert (first["kind"], first["connection_fee"], first["estimate"]) == ("direct", "4000", "7900")

    # A second direct session (booked before the first is held) is not charged the fee.
    await reach_consents(chat, "direct", day=WEDNESDAY, time="14:00", hours=1)
    assert "Estimated total: RUB\u00a01,300" in chat.text
    assert "no one-time connection fee" in chat.text
    await give_consents(chat, "direct")
    await chat.press("Confirm the booking")
    second = await the_booking(db)
    assert second["id"] != first["id"]
    assert (second["connection_fee"], second["estimate"]) == ("0", "1300")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_every_consent_must_be_pressed_in_order(
    engine: Engine, db: Database, language: str
) -> None:
    chat = Chat(engine, language=language)
    labels = LABELS[language]
    await reach_consents(chat, "direct", hours=1)
    assert await state_of(db, chat) == ("booking", "consent_pay")
    hint = "нажмите кнопку согласия" if language == "ru" else "press the agreement button"

    await chat.send("да" if language == "ru" else "yes")  # text instead of the button
    assert hint in chat.text
    assert await state_of(db, chat) == ("booking", "consent_pay")
    # Later consents and the confirmation cannot be pressed ahead (forged or old buttons).
    for skipped in (encode("booking.agree", "access"), encode("booking.agree", "backup")):
        await chat.payload(skipped)
        assert hint in chat.text
    await chat.payload(encode("booking.confirm"))
    assert await state_of(db, chat) == ("booking", "consent_pay")

    await chat.press(labels["pay"])
    assert await state_of(db, chat) == ("booking", "consent_access")
    await chat.payload(encode("booking.agree", "backup"))
    assert await state_of(db, chat) == ("booking", "consent_access")
    await chat.press(labels["access"])
    await chat.payload(encode("booking.confirm"))  # the backup acknowledgement is missing
    assert await state_of(db, chat) == ("booking", "consent_backup")
    assert await rows(db, "SELECT id FROM bookings") == []

    await chat.press(labels["backup_ack"])
    await chat.press(labels["confirm"])
    assert len(await rows(db, "SELECT id FROM bookings")) == 1


async def test_declining_a_consent_books_nothing(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await reach_consents(chat, "direct", hours=1)
    await chat.press("оплатить затраченное")
    await chat.press("Не согласен")
    assert "записать на консультацию я не могу" in chat.text
    assert await state_of(db, chat) == (None, None)
    assert await rows(db, "SELECT id FROM bookings") == []
    assert await rows(db, "SELECT id FROM requests") == []


@pytest.mark.parametrize(
    ("language", "hint"), [("ru", "Не понял номер"), ("en", "could not read that number")]
)
async def test_a_bad_phone_gets_a_clear_hint(
    engine: Engine, db: Database, language: str, hint: str
) -> None:
    chat = Chat(engine, language=language)
    await start_booking(chat, "backup")
    for bad in ("12345", "позвоните мне", "+7 999 123"):
        await chat.send(bad)
        assert hint in chat.text
        assert await state_of(db, chat) == ("booking", "phone")
    await chat.send("8 (999) 123-45-67")
    assert await state_of(db, chat) == ("booking", "day")


async def test_a_too_short_problem_is_asked_again(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Удалённая консультация")
    await chat.press("Проверка резервной копии")
    await chat.send("помогите")
    assert "хотя бы одно-два предложения" in chat.text
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

    days = chat.labels
    assert any(day_label(chat, NOW.date()) in label for label in days)  # today: afternoon left
    assert not any(day_label(chat, WEDNESDAY) in label for label in days)  # full
    for weekend in ("28", "29"):
        assert not any(f"{weekend}.11" in label or f"{weekend} Nov" in label for label in days)

    await chat.press(day_label(chat, NOW.date()))  # Monday, 12:00 in Moscow now
    assert [label for label in chat.labels if ":" in label] == [
        "13:00",
        "14:00",
        "15:00",
        "16:00",
        "17:00",
    ]
    await chat.payload(encode("booking.days"))  # « another day
    await chat.press(day_label(chat, TUESDAY))
    times = [label for label in chat.labels if ":" in label]
    assert "10:00" not in times and "09:00" in times and "11:00" in times
    await chat.press("09:00")
    # 09:00 + 2 h would run into the full 10:00 hour: only one hour fits.
    words = {"ru": ("час", "часа", "часов"), "en": ("hour", "hours")}[language]
    durations = [label for label in chat.labels if label.split()[-1] in words]
    assert durations == [DURATION_LABELS[language][1]]


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

        await asyncio.gather(first.press("Подтвердить запись"), second.press("Confirm the booking"))

        booked = [chat for chat in (first, second) if "№1" in chat.text or "#1" in chat.text]
        assert len(booked) == 1
        loser = second if booked[0] is first else first
        assert "только что заняли" in loser.text or "just taken" in loser.text
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
        assert "Проверьте запись" in loser.text or "check your booking" in loser.text
        await loser.press("Подтвердить запись" if loser is first else "Confirm the booking")
        assert len(await rows(db, "SELECT id FROM bookings")) == 2


async def test_a_file_at_the_backup_step_is_checked(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await book(chat, "backup")
    await send_files(chat, backup_file("huge.zip", size=21 * 1024 * 1024))
    assert "larger than 20 MB" in chat.text
    await send_files(chat, backup_file("photo.jpg"))
    assert "ZIP, RAR" in chat.text
    assert await rows(db, "SELECT id FROM attachments") == []
    assert await state_of(db, chat) == ("booking", "backup_file")
    await chat.send("here it is")
    assert "as a file" in chat.text
    await chat.press("I'll send it later")
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
    await telegram.press("Использовать +79990001122")
    await telegram.press(day_label(telegram, TUESDAY))
    await telegram.press("10:00")
    await telegram.press("1 час")
    assert f"4{NBSP}000{NBSP}₽" in telegram.text
    await give_consents(telegram, "direct")
    await telegram.press("Подтвердить запись")
    booking = await the_booking(db)
    assert booking["customer_id"] == customer_id
    card = (await rows(db, "SELECT text FROM outbox ORDER BY id"))[-1]["text"]
    assert "Иван Петров (ООО «Мебель-Про»)" in card and "(подтверждён)" in card

    # The same customer in VK sees the booking and is not charged the fee again.
    await vk.send("/menu")
    await vk.press("Удалённая консультация")
    assert "Мои записи (1)" in vk.labels
    await reach_consents(vk, "direct", day=WEDNESDAY, hours=1)
    assert "разовая плата за подключение не нужна" in vk.text


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
        assert f"5{NBSP}300{NBSP}₽" in chat.text
        await give_consents(chat, "direct")
    await vk.press("Подтвердить запись")
    assert (await the_booking(db))["connection_fee"] == "4000"

    await telegram.press("Подтвердить запись")
    assert "Стоимость изменилась" in telegram.text
    assert f"Итого по оценке: 1{NBSP}300{NBSP}₽" in telegram.text
    assert await state_of(db, telegram) == ("booking", "consent_pay")
    assert len(await rows(db, "SELECT id FROM bookings")) == 1
    await give_consents(telegram, "direct")
    await telegram.press("Подтвердить запись")
    assert (await the_booking(db))["connection_fee"] == "0"

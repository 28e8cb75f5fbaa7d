"""The call-back flow (docs/rules.md#working-hours-and-call-backs) end to end through the
engine on real SQLite: consent, phone (typed, shared, the customer's own), a convenient
time, the topic, the request filed for the next working morning outside working hours or
due now inside them; bad input and foreign contacts refused with nothing stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from handlers.flows.privacy import anonymised
from handlers.policy import Policy
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE
from tests.support.chat import Chat
from tests.support.desk_world import (
    engine_at,
    link_demo_customer,
    manager_cards,
    requests_filed,
    table_counts,
)

# Friday 27 Nov 2026, 19:00 in Moscow: next working morning Monday 30 Nov 09:00 (06:00 UTC).
FRIDAY_EVENING = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
MONDAY_MORNING_UTC = "2026-11-30T06:00:00+00:00"
# Thursday 26 Nov 2026, 19:00 in Moscow: next working morning is tomorrow.
THURSDAY_EVENING = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)
# Monday 23 Nov 2026, 12:00 in Moscow: working hours.
MONDAY_NOON = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

NOTHING = {"requests": 0, "outbox": 0, "request_events": 0}


async def conversation(db: Database, chat: Chat) -> tuple[str | None, str | None, str]:
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT flow, step, data FROM conversations WHERE platform = ? AND chat_id = ?",
            (chat.platform.value, chat.user_id),
        )
    return (row["flow"], row["step"], row["data"]) if row else (None, None, "{}")


async def start_call_back(chat: Chat) -> None:
    """Menu → "Call me back" → consent; the chat then waits for a phone."""
    ru = chat.language == "ru"
    await chat.send("/start")
    await chat.press("Перезвоните мне" if ru else "Call me back")
    assert ("согласие" if ru else "consent") in chat.text
    await chat.press("Согласен(на) на" if ru else "I consent")
    assert ("Оставьте телефон" if ru else "Leave a phone number") in chat.text
    assert chat.replies[-1].request_contact


async def test_call_back_outside_hours_is_marked_for_the_next_working_morning(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("8 (999) 123-45-67")
    assert "Утром: в понедельник, 30.11.2026, с 09:00" in chat.labels
    assert "После обеда: в понедельник, 30.11.2026, с 13:00" in chat.labels
    await chat.press("Утром")
    assert "О чём звонок" in chat.text
    await chat.press("Ключ защиты")

    assert "Заявка №1 на обратный звонок принята" in chat.text
    assert "Ждите звонка на номер +79991234567 в понедельник, 30.11.2026, с 09:00" in chat.text
    assert "Сейчас нерабочее время" in chat.text
    [request] = await requests_filed(db)
    assert request["kind"] == "callback" and not request["verified"]
    assert request["due_at"] == MONDAY_MORNING_UTC
    assert request["details"]["phone"] == "+79991234567"
    assert request["details"]["topic"] == "key"
    assert request["details"]["left_outside_hours"] is True
    [card] = await manager_cards(db)
    assert "Заявка №1: обратный звонок — новая" in card
    assert "Телефон: +79991234567" in card
    assert "Удобное время: с 30.11.2026 09:00" in card
    assert "Тема: ключ защиты" in card
    assert "на следующее рабочее утро, 30.11.2026 09:00" in card
    assert (await conversation(db, chat))[:2] == (None, None)


async def test_call_back_in_english_tomorrow_morning(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, THURSDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.send("+359 888 123 456")
    assert "Morning: tomorrow from 09:00" in chat.labels
    await chat.press("Any time")
    await chat.send("The report does not open")

    assert "Call-back request #1 is filed." in chat.text
    assert "Expect our call at +359888123456 tomorrow from 09:00." in chat.text
    [request] = await requests_filed(db)
    assert request["due_at"] == "2026-11-27T06:00:00+00:00"
    assert request["details"]["topic_text"] == "The report does not open"
    [card] = await manager_cards(db)  # rendered in the desk's language (Russian)
    assert "Удобное время: любое" in card
    assert "Тема: The report does not open" in card


async def test_call_back_in_working_hours_is_due_now(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, MONDAY_NOON)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("+7 999 123 45 67")
    # "Afternoon" is today's, the next working morning is tomorrow's.
    assert "После обеда: сегодня с 13:00" in chat.labels
    assert "Утром: завтра с 09:00" in chat.labels
    await chat.press("В любое время")
    await chat.press("Продление поддержки")

    assert "в ближайшее время, сегодня до 18:00" in chat.text
    assert "нерабочее" not in chat.text
    [request] = await requests_filed(db)
    assert request["due_at"] == request["created_at"] == "2026-11-23T09:00:00+00:00"
    [card] = await manager_cards(db)
    assert "Тема: продление поддержки" in card
    assert "рабочее утро" not in card


async def test_another_time_is_typed(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("89991234567")
    await chat.press("Другое время")
    assert "Напишите, когда вам удобно" in chat.text
    await chat.send("во вторник после 15:00")
    await chat.press("Другое")

    assert "в указанное вами время: «во вторник после 15:00»" in chat.text
    [card] = await manager_cards(db)
    assert "Удобное время (со слов клиента): во вторник после 15:00" in card
    assert "Тема: другое" in card


async def test_bad_phone_gets_a_hint_and_nothing_is_filed(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    before = await conversation(db, chat)
    for bad in ("позвоните мне", "12345", "+7 999 123"):
        await chat.send(bad)
        assert "Не понял номер телефона" in chat.text
        assert "Оставьте телефон для обратного звонка" in chat.text
    assert await table_counts(db) == NOTHING
    assert await conversation(db, chat) == before


async def test_bad_phone_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.send("call me")
    assert "I could not read the phone number" in chat.text
    assert await table_counts(db) == NOTHING


async def test_someone_elses_contact_is_refused(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    before = await conversation(db, chat)
    await chat.contact("+79990003344", owner="777")
    assert "Это чужой контакт" in chat.text
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING

    # The sender's own contact, as Telegram sends it (no "+"), is taken.
    await chat.contact("79991234567")
    assert "Когда вам удобно" in chat.text


async def test_someone_elses_contact_is_refused_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.contact("+79990003344", owner="777")
    assert "someone else's contact" in chat.text
    assert await table_counts(db) == NOTHING


async def test_linked_customer_uses_the_phone_on_record(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press("Перезвоните мне")
    await chat.press("Согласен(на) на")
    await chat.press(f"Мой телефон {DEMO_CUSTOMER_PHONE}")
    await chat.press("После обеда")
    await chat.press("Удалённая консультация")

    [request] = await requests_filed(db)
    assert request["verified"] and request["details"]["phone"] == DEMO_CUSTOMER_PHONE
    [card] = await manager_cards(db)
    assert "Иван Петров" in card and "Удобное время: с 30.11.2026 13:00" in card


async def test_own_phone_button_of_an_unlinked_person_is_refused(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    assert not any("Мой телефон" in label for label in chat.labels)
    before = await conversation(db, chat)
    await chat.payload("1:callback.myphone")
    assert "больше не действует" in chat.text
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING


async def test_forged_time_and_topic_buttons_change_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("+79991234567")
    before = await conversation(db, chat)
    await chat.payload("1:callback.when:midnight")
    assert "Выберите время кнопкой" in chat.text
    await chat.payload("1:callback.when")
    assert await conversation(db, chat) == before

    await chat.press("Утром")
    before = await conversation(db, chat)
    await chat.payload("1:callback.topic:lottery")
    assert "Выберите тему кнопкой" in chat.text
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING


async def test_declining_consent_stores_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Перезвоните мне")
    await chat.press("Не согласен")
    assert "без согласия" in chat.text
    assert await table_counts(db) == NOTHING
    assert (await conversation(db, chat))[:2] == (None, None)


async def test_forget_can_erase_everything_the_customer_typed(db: Database, policy: Policy) -> None:
    """The request keeps no typed personal data after /forget's anonymisation."""
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("+7 999 123 45 67")
    await chat.press("Другое время")
    await chat.send("Вечером, спросить Ольгу")
    await chat.send("Ольга Смирнова, бухгалтерия")
    [request] = await requests_filed(db)
    kept = json.dumps(anonymised(request["details"], "2026-11-28"), ensure_ascii=False)
    for typed in ("79991234567", "Ольг", "Смирнова"):
        assert typed in json.dumps(request["details"], ensure_ascii=False)
        assert typed not in kept


async def test_an_overlong_typed_time_is_refused(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.send("+79991234567")
    before = await conversation(db, chat)
    await chat.send("after lunch " * 100)
    assert "Too long: at most 300 characters" in chat.text
    assert "When is it convenient" in chat.text
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING

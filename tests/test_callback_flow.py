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


def day_from(chat: Chat, day: str, time: str, **day_values: object) -> str:
    """The rendered "<day> from <time>" of the last answer; ``day`` is a text key
    (``callback.on_day`` with ``day_values``, ``callback.tomorrow``…)."""
    return chat.text_of("callback.day_from", day=chat.text_of(day, **day_values), time=time)


def on_monday_30_11(chat: Chat, time: str) -> str:
    """The last answer's "on Monday, 30.11.2026, from <time>", as it was rendered."""
    return day_from(chat, "callback.on_day", time, weekday_number=1, date="30.11.2026")


async def conversation(db: Database, chat: Chat) -> tuple[str | None, str | None, str]:
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT flow, step, data FROM conversations WHERE platform = ? AND chat_id = ?",
            (chat.platform.value, chat.user_id),
        )
    return (row["flow"], row["step"], row["data"]) if row else (None, None, "{}")


async def start_call_back(chat: Chat) -> None:
    """Menu → "Call me back" → consent; the chat then waits for a phone."""
    language = chat.language or "ru"
    await chat.send("/start")
    await chat.press_key("callback.menu")
    assert chat.said_in(language, "consent.text")
    await chat.press_key("consent.agree")
    assert chat.said_in(language, "callback.ask_phone")
    assert chat.replies[-1].request_contact


async def test_call_back_outside_hours_is_marked_for_the_next_working_morning(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("8 (999) 123-45-67")
    chat.button_of("callback.when_morning", when=on_monday_30_11(chat, "09:00"))
    chat.button_of("callback.when_afternoon", when=on_monday_30_11(chat, "13:00"))
    await chat.press_key("callback.when_morning")
    assert chat.said("callback.ask_topic")
    await chat.press_key("callback.topic_button_key")

    assert chat.said("callback.filed", number=1)
    monday_morning = on_monday_30_11(chat, "09:00")
    assert chat.said("callback.expect_at", phone="+79991234567", when=monday_morning)
    assert chat.said("callback.outside_hours", when=monday_morning)
    # golden: the exact wording
    assert chat.replies[-1].text == (
        "Заявка №1 на обратный звонок принята.\n"
        "Ждите звонка на номер +79991234567 в понедельник, 30.11.2026, с 09:00.\n"
        "Сейчас нерабочее время: менеджеры возьмут заявку в работу "
        "в понедельник, 30.11.2026, с 09:00."
    )
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
    tomorrow_morning = day_from(chat, "callback.tomorrow", "09:00")
    chat.button_of("callback.when_morning", when=tomorrow_morning)
    assert chat.said_in("en", "callback.when_morning", when=tomorrow_morning)
    await chat.press_key("callback.when_any")
    await chat.send("The report does not open")

    assert chat.said_in("en", "callback.filed", number=1)
    tomorrow_morning = day_from(chat, "callback.tomorrow", "09:00")
    assert chat.said_in("en", "callback.expect_at", phone="+359888123456", when=tomorrow_morning)
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
    chat.button_of("callback.when_afternoon", when=day_from(chat, "callback.today", "13:00"))
    chat.button_of("callback.when_morning", when=day_from(chat, "callback.tomorrow", "09:00"))
    await chat.press_key("callback.when_any")
    await chat.press_key("callback.topic_button_renewal")

    assert chat.said("callback.expect_soon", end="18:00")
    assert not chat.said("callback.outside_hours")
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
    await chat.press_key("callback.when_other")
    assert chat.said("callback.ask_when_text")
    await chat.send("во вторник после 15:00")
    # What was understood is shown back to be confirmed or changed.
    understood = chat.text_of("callback.when_at", time="15:00")
    assert chat.said("callback.when_understood", when=understood)
    assert chat.button_of("callback.when_change")
    await chat.press_key("callback.when_yes")
    await chat.press_key("callback.topic_button_other")

    assert chat.said("callback.expect_understood")
    [card] = await manager_cards(db)
    # golden: the exact wording (the card shows the resolved day and time, and the words)
    assert "Удобное время: 01.12.2026 15:00 (клиент написал: «во вторник после 15:00»)" in card
    assert "Тема: другое" in card


async def test_a_time_not_understood_is_asked_again_and_changing_it_works(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("89991234567")
    await chat.press_key("callback.when_other")
    await chat.send("когда-нибудь")
    assert chat.said("callback.when_not_understood", text="когда-нибудь")
    await chat.send("в понедельник после обеда")
    assert chat.said("callback.when_window", start="13:00", end="18:00")
    await chat.press_key("callback.when_change")
    await chat.send("в понедельник в 10:00")
    assert chat.said("callback.when_at", time="10:00")
    await chat.press_key("callback.when_yes")
    await chat.press_key("callback.topic_button_other")
    [card] = await manager_cards(db)
    assert "Удобное время: 30.11.2026 10:00" in card


async def test_bad_phone_gets_a_hint_and_nothing_is_filed(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    before = await conversation(db, chat)
    for bad in ("позвоните мне", "12345", "+7 999 123"):
        await chat.send(bad)
        assert chat.said("callback.phone_hint")
        assert chat.said("callback.ask_phone")
    assert await table_counts(db) == NOTHING
    assert await conversation(db, chat) == before


async def test_bad_phone_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.send("call me")
    assert chat.said_in("en", "callback.phone_hint")
    assert await table_counts(db) == NOTHING


async def test_someone_elses_contact_is_refused(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    before = await conversation(db, chat)
    await chat.contact("+79990003344", owner="777")
    assert chat.said("callback.not_your_contact")
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING

    # The sender's own contact, as Telegram sends it (no "+"), is taken.
    await chat.contact("79991234567")
    assert chat.said("callback.ask_when")


async def test_someone_elses_contact_is_refused_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await start_call_back(chat)
    await chat.contact("+79990003344", owner="777")
    assert chat.said_in("en", "callback.not_your_contact")
    assert await table_counts(db) == NOTHING


async def test_linked_customer_uses_the_phone_on_record(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press_key("callback.menu")
    await chat.press_key("consent.agree")
    await chat.press_key("callback.use_my_phone", phone=DEMO_CUSTOMER_PHONE)
    await chat.press_key("callback.when_afternoon")
    await chat.press_key("callback.topic_button_booking")

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
    assert not chat.said("callback.use_my_phone")
    before = await conversation(db, chat)
    await chat.payload("1:callback.myphone")
    assert chat.said("common.stale_button")
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING


async def test_forged_time_and_topic_buttons_change_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("+79991234567")
    before = await conversation(db, chat)
    await chat.payload("1:callback.when:midnight")
    assert chat.said("callback.when_hint")
    await chat.payload("1:callback.when")
    assert await conversation(db, chat) == before

    await chat.press_key("callback.when_morning")
    before = await conversation(db, chat)
    await chat.payload("1:callback.topic:lottery")
    assert chat.said("callback.topic_hint")
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING


async def test_declining_consent_stores_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("callback.menu")
    await chat.press_key("consent.decline")
    assert chat.said("consent.declined")
    assert await table_counts(db) == NOTHING
    assert (await conversation(db, chat))[:2] == (None, None)


async def test_forget_can_erase_everything_the_customer_typed(db: Database, policy: Policy) -> None:
    """The request keeps no typed personal data after /forget's anonymisation."""
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await start_call_back(chat)
    await chat.send("+7 999 123 45 67")
    await chat.press_key("callback.when_other")
    await chat.send("Вечером, спросить Ольгу")
    await chat.press_key("callback.when_yes")
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
    assert chat.said_in("en", "callback.too_long", limit=300)
    assert chat.said_in("en", "callback.ask_when")
    assert await conversation(db, chat) == before
    assert await table_counts(db) == NOTHING

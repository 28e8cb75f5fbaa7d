"""Asking for a person (docs/rules.md#working-hours-and-call-backs): the menu item "Contact a
manager" and the renewal quote's "Ask a manager" button, during working hours (a question
filed for the managers) and outside them (the vendor's "working day is over, leave your
phone" with the call-back offer), on real SQLite through the engine."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from handlers.flows.privacy import anonymised
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage import accounts
from storage.db import Database
from storage.demo import DEMO_CUSTOMER_PHONE
from storage.models import Platform
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    chat_state,
    engine_at,
    link_demo_customer,
    manager_cards,
    requests_filed,
    table_counts,
)

# Monday 23 Nov 2026, 12:00 in Moscow: working hours.
MONDAY_NOON = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Friday 27 Nov 2026, 19:00 in Moscow: the working day is over until Monday 09:00.
FRIDAY_EVENING = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
MONDAY_MORNING_UTC = "2026-11-30T06:00:00+00:00"
# Noon on public holidays: 1 January and 4 November (Unity Day, a Wednesday in 2026).
NEW_YEAR_NOON = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)
UNITY_DAY_NOON = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
NOTHING = {"requests": 0, "outbox": 0, "request_events": 0}


def monday_30_11_from_9(chat: Chat) -> str:
    """The last answer's "on Monday, 30.11.2026, from 09:00", as it was rendered."""
    monday = chat.text_of("callback.on_day", weekday_number=1, date="30.11.2026")
    return chat.text_of("callback.day_from", day=monday, time="09:00")


# -- "Contact a manager" in working hours ------------------------------------------------


async def test_contact_manager_in_working_hours_files_the_question(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, MONDAY_NOON)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    assert chat.said("manager_contact.ask_question")
    await chat.send("Как перенести лицензию на новый компьютер?")

    assert chat.said("manager_contact.filed", number=1)
    # golden: the exact wording
    assert "Вопрос №1 передан менеджеру. Менеджер ответит здесь, в этом чате." in chat.text
    [request] = await requests_filed(db)
    assert request["kind"] == "question" and request["due_at"] is None
    assert request["details"]["topic"] == "general"
    [card] = await manager_cards(db)
    assert "вопрос менеджеру" in card
    assert "Вопрос: Как перенести лицензию на новый компьютер?" in card
    assert await chat_state(db, chat) == (None, None)


async def test_contact_manager_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, MONDAY_NOON)
    chat = Chat(engine, language="en")
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    await chat.send("   ")
    assert chat.said_in("en", "manager_contact.question_hint")
    assert await table_counts(db) == NOTHING
    await chat.send("Where is my invoice?")
    assert chat.said_in("en", "manager_contact.filed", number=1)


# -- outside working hours: the vendor's answer and the call-back offer -----------------


@pytest.mark.parametrize("now", [FRIDAY_EVENING, NEW_YEAR_NOON, UNITY_DAY_NOON])
async def test_contact_manager_outside_hours_offers_a_call_back(
    db: Database, policy: Policy, now: datetime
) -> None:
    engine = await engine_at(db, policy, now)
    chat = Chat(engine)
    await chat.send("/start")
    before = await table_counts(db)
    await chat.press_key("manager_contact.menu")

    assert chat.said("callback.after_hours")
    # golden: the exact wording (the vendor's own answer after hours)
    assert (
        "В настоящее время наш рабочий день закончен. Оставьте свой телефон, "
        "и мы перезвоним в удобное для вас время!"
    ) in chat.text
    assert chat.said("callback.hours", days="пн–пт", start="09:00", end="18:00", zone="Москва")
    assert chat.said("callback.self_service")
    assert chat.labels == [chat.text_of("callback.leave_phone"), chat.text_of("common.to_menu")]
    assert await table_counts(db) == before
    assert await chat_state(db, chat) == ("callback", "offer")


async def test_after_hours_answer_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    assert chat.said_in("en", "callback.after_hours")
    assert chat.said_in("en", "callback.hours", days="Mon–Fri", start="09:00", end="18:00")
    assert chat.said_in("en", "callback.self_service")
    assert chat.said_in("en", "callback.leave_phone")
    chat.button_of("callback.leave_phone")


async def test_back_to_menu_from_the_offer_files_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    await chat.send("алло")
    assert chat.said("callback.offer_hint")
    await chat.press_key("common.to_menu")
    assert chat.said("menu.title")
    assert await table_counts(db) == NOTHING
    assert await chat_state(db, chat) == (None, None)


# -- the renewal quote's "Ask a manager" -------------------------------------------------


async def quote_for_demo_license(db: Database, policy: Policy, chat: Chat, now: datetime) -> None:
    """Linked as the demo customer, the quote of L-1001 (support ended 10 days ago: 1998)."""
    await link_demo_customer(db, chat)
    await chat.press_key("menu.renewal")
    ended = local_today(now, policy) - timedelta(days=10)
    end = ended.strftime("%d.%m.%Y" if chat.language == "ru" else "%d %b %Y")
    await chat.press_key("renewal.license_button", number="L-1001", end=end)


async def test_renewal_ask_manager_in_working_hours_files_a_question_with_the_quote(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, MONDAY_NOON)
    chat = Chat(engine)
    await quote_for_demo_license(db, policy, chat, MONDAY_NOON)
    await chat.press_key("renewal.ask_manager")

    assert chat.said("manager_contact.filed", number=1)
    [request] = await requests_filed(db)
    assert request["kind"] == "question"
    assert request["amount"] == "1998" and request["license_id"] is not None
    assert request["details"]["topic"] == "renewal"
    [card] = await manager_cards(db)
    assert "Тема: продление поддержки" in card
    assert "L-1001" in card and "1\u00a0998\u00a0₽" in card
    assert card.count("1\u00a0998\u00a0₽") == 1  # the amount is in the quote lines only


async def test_renewal_ask_manager_after_hours_offers_and_files_a_call_back(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await quote_for_demo_license(db, policy, chat, FRIDAY_EVENING)
    await chat.press_key("renewal.ask_manager")
    assert chat.said("callback.after_hours")
    assert await table_counts(db) == NOTHING

    await chat.press_key("callback.leave_phone")
    assert chat.said("consent.text")  # a phone is personal data: consent first
    await chat.press_key("consent.agree")
    # Consent given, the call-back continues where it was, the quote still in hand.
    assert chat.said("callback.ask_phone")
    await chat.press_key("callback.use_my_phone")
    await chat.press_key("callback.when_morning")
    # The topic is known (the renewal quote): no topic question, filed at once.
    assert not chat.said("callback.ask_topic")
    assert chat.said("callback.filed", number=1)
    assert chat.said("callback.expect_at", when=monday_30_11_from_9(chat))

    [request] = await requests_filed(db)
    assert request["kind"] == "callback"
    assert request["due_at"] == MONDAY_MORNING_UTC
    assert request["amount"] == "1998" and request["license_id"] is not None
    assert request["details"]["phone"] == DEMO_CUSTOMER_PHONE
    assert request["details"]["license"] == "L-1001"
    [card] = await manager_cards(db)
    assert "обратный звонок" in card
    assert "Тема: продление поддержки" in card
    assert "L-1001" in card and "1\u00a0998\u00a0₽" in card
    assert "на следующее рабочее утро, 30.11.2026 09:00" in card


async def test_renewal_ask_manager_after_hours_in_english(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine, language="en")
    await quote_for_demo_license(db, policy, chat, FRIDAY_EVENING)
    await chat.press_key("renewal.ask_manager")
    assert chat.said_in("en", "callback.after_hours")
    assert chat.said_in("en", "callback.leave_phone")
    chat.button_of("callback.leave_phone")


async def test_without_the_call_back_flow_the_question_is_marked_for_the_morning(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING, with_callback=False)
    chat = Chat(engine)
    await quote_for_demo_license(db, policy, chat, FRIDAY_EVENING)
    await chat.press_key("renewal.ask_manager")
    assert chat.said("manager_contact.filed_after_hours", number=1, when=monday_30_11_from_9(chat))
    [request] = await requests_filed(db)
    assert (request["kind"], request["due_at"]) == ("question", MONDAY_MORNING_UTC)
    [card] = await manager_cards(db)
    assert "на следующее рабочее утро" in card


async def test_stale_offer_button_after_menu_changes_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    leave = chat.button_of("callback.leave_phone").payload
    await chat.send("/menu")
    await chat.payload(leave)
    assert chat.said("common.stale_button")
    assert await chat_state(db, chat) == (None, None)
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, chat.user_id)
    assert account is not None and account.consent_at is None


async def test_offer_seen_again_next_morning_no_longer_says_the_day_is_over(
    db: Database, policy: Policy
) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    assert isinstance(engine.clock, Clock)
    engine.clock.now = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # Monday 10:00 in Moscow
    await chat.send("?")
    assert not chat.said("callback.after_hours")
    assert chat.said("callback.offer_working")
    chat.button_of("callback.leave_phone")


async def test_forget_can_erase_the_typed_question(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, MONDAY_NOON)
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("manager_contact.menu")
    await chat.send("Мой ИНН 7701234567, счёт не пришёл")
    [request] = await requests_filed(db)
    kept = json.dumps(anonymised(request["details"], "2026-11-24"), ensure_ascii=False)
    assert "7701234567" in json.dumps(request["details"], ensure_ascii=False)
    assert "7701234567" not in kept


async def test_a_manager_pressing_ask_a_manager_files_nothing(db: Database, policy: Policy) -> None:
    engine = await engine_at(db, policy, FRIDAY_EVENING)
    manager = Chat(engine, user_id="9001", manager=True)
    await manager.send("/start")
    await manager.press_key("menu.renewal")
    await manager.press_key("renewal.product_button", price="7\u00a0990\u00a0₽")
    await manager.send("10.11.2026")
    await manager.press_key("renewal.ask_manager")
    assert manager.said("common.customers_only")
    assert await table_counts(db) == NOTHING
    assert await chat_state(db, manager) == (None, None)

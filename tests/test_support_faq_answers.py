""" "About support" (docs/rules.md#support-renewal, seed 002): the questions and answers,
with every number taken from the policy and the worked example computed by the renewal rule
for a catalogue product; its buttons lead to a quote and to a manager."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flow_list import default_flows
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage.db import Database
from storage.demo import load_demo
from tests.support.chat import Chat, Clock

# Monday 23 Nov 2026, 12:00 in Moscow.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def make_engine(db: Database, policy: Policy) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    flows = default_flows()
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=Clock(NOW))


async def open_faq(chat: Chat) -> None:
    await chat.send("/start")
    await chat.press("О технической поддержке" if chat.language == "ru" else "About support")


async def test_the_questions_of_seed_002_are_offered(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    assert "Частые вопросы" in chat.text
    for question in ("Что входит", "Что будет, когда", "Зачем нужны обновления", "Как продлить"):
        assert any(question in label for label in chat.labels)
    assert "Рассчитать продление" in chat.labels
    assert "Связаться с менеджером" in chat.labels


async def test_renewal_cost_is_computed_from_the_policy(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press("сколько это стоит")
    assert "на 12 месяцев стоит 25\u00a0% или 45\u00a0%" in chat.text
    assert "через 1 месяц после окончания поддержки" in chat.text
    assert "Базис-Отчёт стоит 7\u00a0990\u00a0₽" in chat.text
    assert "льготное продление 1\u00a0998\u00a0₽, обычное 3\u00a0596\u00a0₽" in chat.text
    # Other questions stay a tap away, the answered one is not repeated.
    assert "Что входит в поддержку?" in chat.labels
    assert not any("сколько это стоит" in label for label in chat.labels)


async def test_renewal_cost_in_english(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy), language="en")
    await open_faq(chat)
    await chat.press("what does it cost")
    assert "renewal for 12 months costs 25% or 45%" in chat.text
    assert "within 1 month after support ends" in chat.text
    assert "preferential renewal RUB\u00a01,998, standard RUB\u00a03,596" in chat.text


async def test_other_rates_in_the_policy_change_the_answer(db: Database, policy: Policy) -> None:
    support = policy.support.model_copy(
        update={
            "preferential_rate": Decimal("0.30"),
            "standard_rate": Decimal("0.50"),
            "preferential_grace_months": 2,
        }
    )
    changed = policy.model_copy(update={"support": support})
    chat = Chat(await make_engine(db, changed))
    await open_faq(chat)
    await chat.press("сколько это стоит")
    assert "30\u00a0% или 50\u00a0%" in chat.text
    assert "через 2 месяца после окончания поддержки" in chat.text
    # 7990 × 0.30 = 2397, 7990 × 0.50 = 3995.
    assert "льготное продление 2\u00a0397\u00a0₽, обычное 3\u00a0995\u00a0₽" in chat.text
    assert "1\u00a0998" not in chat.text


async def test_support_term_comes_from_the_policy(db: Database, policy: Policy) -> None:
    support = policy.support.model_copy(update={"default_term_months": 12})
    chat = Chat(await make_engine(db, policy.model_copy(update={"support": support})))
    await open_faq(chat)
    await chat.press("Что входит")
    assert "консультации по установке" in chat.text
    assert "обычно это 12 месяцев с покупки" in chat.text


async def test_after_the_end_and_updates_answers(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy), language="en")
    await open_faq(chat)
    await chat.press("What happens when support ends?")
    assert "keeps working" in chat.text and "subscription" in chat.text
    assert "Only access to new versions" in chat.text
    await chat.press("Why do updates matter?")
    assert "1C keeps updating its configurations" in chat.text


async def test_quote_button_starts_the_renewal(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press("сколько это стоит")
    await chat.press("Рассчитать продление")
    assert "Выберите продукт" in chat.text


async def test_manager_button_asks_for_the_question(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press("Связаться с менеджером")
    assert "Напишите ваш вопрос" in chat.text


async def test_forged_question_gets_a_hint(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.payload("1:support_faq.q:secrets")
    assert "Выберите вопрос кнопкой" in chat.text
    await chat.send("а скидка будет?")
    assert "Выберите вопрос кнопкой" in chat.text
    assert "Частые вопросы" in chat.text

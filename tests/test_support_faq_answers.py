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
NBSP = "\u00a0"


async def make_engine(db: Database, policy: Policy) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    flows = default_flows()
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=Clock(NOW))


async def open_faq(chat: Chat) -> None:
    await chat.send("/start")
    await chat.press_key("support_faq.menu")


async def test_the_questions_of_seed_002_are_offered(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    assert chat.said("support_faq.intro")
    for question in ("includes", "after_end", "updates", "renewal"):
        chat.button_of(f"support_faq.q_{question}")
    chat.button_of("support_faq.get_quote")
    chat.button_of("support_faq.contact_manager")


async def test_renewal_cost_is_computed_from_the_policy(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press_key("support_faq.q_renewal")
    assert chat.said(
        "support_faq.renewal_cost", months=12, preferential=f"25{NBSP}%", standard=f"45{NBSP}%"
    )
    # golden: the exact wording
    assert (
        f"Продление технической поддержки на 12 месяцев стоит 25{NBSP}% или 45{NBSP}% "
        "от цены продукта на дату продления."
    ) in chat.text
    assert chat.said("support_faq.renewal_preferential", grace=1)
    assert chat.said(
        "support_faq.renewal_example",
        product="Базис-Отчёт",
        price=f"7{NBSP}990{NBSP}₽",
        preferential=f"1{NBSP}998{NBSP}₽",
        standard=f"3{NBSP}596{NBSP}₽",
    )
    # Other questions stay a tap away, the answered one is not repeated.
    chat.button_of("support_faq.q_includes")
    assert not chat.said("support_faq.q_renewal")


async def test_renewal_cost_in_english(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy), language="en")
    await open_faq(chat)
    await chat.press_key("support_faq.q_renewal")
    assert chat.said_in(
        "en", "support_faq.renewal_cost", months=12, preferential="25%", standard="45%"
    )
    assert chat.said_in("en", "support_faq.renewal_preferential", grace=1)
    assert chat.said_in(
        "en",
        "support_faq.renewal_example",
        preferential=f"RUB{NBSP}1,998",
        standard=f"RUB{NBSP}3,596",
    )


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
    await chat.press_key("support_faq.q_renewal")
    assert chat.said("support_faq.renewal_cost", preferential=f"30{NBSP}%", standard=f"50{NBSP}%")
    assert chat.said("support_faq.renewal_preferential", grace=2)
    # 7990 × 0.30 = 2397, 7990 × 0.50 = 3995.
    assert chat.said(
        "support_faq.renewal_example",
        preferential=f"2{NBSP}397{NBSP}₽",
        standard=f"3{NBSP}995{NBSP}₽",
    )
    assert not any(f"1{NBSP}998" in str(v) for text in chat.rendered for v in text.values.values())


async def test_support_term_comes_from_the_policy(db: Database, policy: Policy) -> None:
    support = policy.support.model_copy(update={"default_term_months": 12})
    chat = Chat(await make_engine(db, policy.model_copy(update={"support": support})))
    await open_faq(chat)
    await chat.press_key("support_faq.q_includes")
    assert chat.said("support_faq.answer_includes", months=12)


async def test_after_the_end_and_updates_answers(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy), language="en")
    await open_faq(chat)
    await chat.press_key("support_faq.q_after_end")
    assert chat.said_in("en", "support_faq.answer_after_end")
    await chat.press_key("support_faq.q_updates")
    assert chat.said_in("en", "support_faq.answer_updates")


async def test_quote_button_starts_the_renewal(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press_key("support_faq.q_renewal")
    await chat.press_key("support_faq.get_quote")
    assert chat.said("renewal.pick_product")


async def test_manager_button_asks_for_the_question(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.press_key("support_faq.contact_manager")
    assert chat.said("manager_contact.ask_question")


async def test_forged_question_gets_a_hint(db: Database, policy: Policy) -> None:
    chat = Chat(await make_engine(db, policy))
    await open_faq(chat)
    await chat.payload("1:support_faq.q:secrets")
    assert chat.said("support_faq.questions_hint")
    await chat.send("а скидка будет?")
    assert chat.said("support_faq.questions_hint")
    assert chat.said("support_faq.intro")

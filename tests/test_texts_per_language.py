"""One scripted conversation per language: a customer reads a count in its plural form
and an amount and a date written the way a native speaker writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.flow_list import default_flows
from handlers.i18n import texts
from handlers.policy import Policy
from handlers.rules.dates import add_months, local_today
from storage.db import Database
from storage.demo import load_demo
from tests.support.chat import Chat, Clock
from tests.support.desk_world import link_demo_customer

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 12:00 in Moscow, a Monday
TODAY = NOW.date()


@pytest.fixture
async def engine(db: Database, policy: Policy) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    return Engine(db, policy, default_flows(), desk=ManagerDesk.console_only(), clock=Clock(NOW))


@pytest.mark.parametrize(
    ("language", "menu", "months", "amount", "new_end"),
    [
        ("ru", "Продление поддержки", "на 12 месяцев", "1\u00a0998\u00a0₽", "13.11.2027"),
        ("en", "Renew support", "for 12 months", "RUB\u00a01,998", "13 Nov 2027"),
        ("bg", "Подновяване на поддръжката", "за 12 месеца", "1\u00a0998\u00a0RUB", "13.11.2027"),
    ],
)
async def test_renewal_quote_reads_natively(
    engine: Engine,
    db: Database,
    language: str,
    menu: str,
    months: str,
    amount: str,
    new_end: str,
) -> None:
    chat = Chat(engine, language=language)
    await link_demo_customer(db, chat)
    await chat.press(menu)
    ended = TODAY - timedelta(days=10)
    await chat.press(texts(language).date(ended))
    assert f"{months}: {amount}" in chat.text
    assert add_months(ended, 12) == datetime(2027, 11, 13).date()
    assert new_end in chat.text
    for abbreviation in (" мес.", " дн.", " ч.", " mo.", " h "):
        assert abbreviation not in chat.text


async def test_what_the_bot_said_can_be_stated_by_catalogue_key_and_values(
    engine: Engine, db: Database
) -> None:
    """Scenario tests may assert keys and values: the same facts in every language."""
    for language in ("ru", "en"):
        chat = Chat(engine, user_id=f"20{language}", language=language)
        await link_demo_customer(db, chat)
        await chat.press(texts(language)("menu.renewal"))
        await chat.press(texts(language).date(TODAY - timedelta(days=10)))
        assert chat.said(
            "renewal.quote_amount", months=12, amount=texts(language).money(Decimal(1998))
        )
        assert not chat.said("renewal.quote_amount", months=6)
        assert "renewal.quote_new_end" in chat.keys

"""Scripted conversations through the engine on a real SQLite file: menu, commands,
language, the renewal quote (linked license and by product), restart mid-conversation,
refused buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flow_list import default_flows
from handlers.policy import Policy
from handlers.rules.dates import add_months, local_today
from storage import accounts
from storage.db import Database
from storage.demo import load_demo
from storage.models import Platform
from tests.support.chat import Chat, Clock
from tests.support.desk_world import chat_state, link_demo_customer, table_counts

# 12:00 in Moscow on a Monday.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    report = await load_demo(db, today=local_today(NOW, policy), now=NOW)
    assert report.ok, report.errors
    return Engine(db, policy, default_flows(), desk=ManagerDesk.console_only(), clock=clock)


async def test_start_greets_in_russian_and_shows_the_main_menu(engine: Engine) -> None:
    chat = Chat(engine, language=None)
    await chat.send("/start")
    assert "Здравствуйте" in chat.text
    assert "Главное меню" in chat.text
    assert "Продление поддержки" in chat.labels


async def test_english_client_gets_english_menu(engine: Engine) -> None:
    chat = Chat(engine, language="en-GB")
    await chat.send("/start")
    assert "Main menu" in chat.text
    assert "Renew support" in chat.labels


async def test_linked_customer_gets_preferential_quote_and_files_invoice_request(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press("Продление поддержки")
    ended_ten_days_ago = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    await chat.press(ended_ten_days_ago)
    assert "1\u00a0998\u00a0₽" in chat.text
    assert "25\u00a0%" in chat.text
    new_end = add_months(TODAY - timedelta(days=10), 12).strftime("%d.%m.%Y")
    assert new_end in chat.text

    invoice = chat.button("Запросить счёт").payload
    before = await table_counts(db)
    await chat.payload(invoice)
    assert "№1" in chat.text
    after = await table_counts(db)
    assert after["requests"] == before["requests"] + 1
    assert after["outbox"] == before["outbox"] + 1
    async with db.unit() as unit:
        request = await unit.fetchone("SELECT kind, amount, verified FROM requests")
        card = await unit.fetchone("SELECT platform, chat_id, text FROM outbox")
    assert (request["kind"], request["amount"], request["verified"]) == ("renewal", "1998", 1)
    assert (card["platform"], card["chat_id"]) == ("console", "managers")
    assert "1\u00a0998\u00a0₽" in card["text"] and "подтверждён" in card["text"]

    # The same button pressed again (a double tap) files nothing more.
    await chat.payload(invoice)
    assert "больше не действует" in chat.text
    assert await table_counts(db) == after


async def test_quote_by_product_without_linking_standard_rate(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Продление поддержки")
    assert "Выберите продукт" in chat.text
    await chat.press("7\u00a0990")
    await chat.send("tomorrow-ish")
    assert "ДД.ММ.ГГГГ" in chat.text
    ended = TODAY - timedelta(days=45)
    await chat.send(ended.strftime("%d.%m.%Y"))
    assert "3\u00a0596\u00a0₽" in chat.text
    assert "45\u00a0%" in chat.text
    assert add_months(TODAY, 12).strftime("%d.%m.%Y") in chat.text


async def test_quote_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await link_demo_customer(db, chat)
    await chat.press("Renew support")
    await chat.press((TODAY - timedelta(days=10)).strftime("%d %b %Y"))
    assert "RUB\u00a01,998" in chat.text
    assert "Preferential" in chat.text


async def test_restart_continues_mid_conversation(
    db: Database, policy: Policy, clock: Clock, tmp_path: Path, engine: Engine
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Продление поддержки")
    await chat.press("7\u00a0990")
    assert await chat_state(db, chat) == ("renewal", "support_end")

    # A new engine (as after a restart) on another connection to the same file carries on.
    async with await Database.open(db.path) as reopened:
        restarted = Engine(
            reopened, policy, default_flows(), desk=ManagerDesk.console_only(), clock=clock
        )
        again = Chat(restarted)
        await again.send((TODAY - timedelta(days=10)).strftime("%d.%m.%Y"))
        assert "1\u00a0998\u00a0₽" in again.text


async def test_someone_elses_license_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    owner = Chat(engine, user_id="1")
    await link_demo_customer(db, owner)
    await owner.press("Продление поддержки")
    foreign_license = owner.button((TODAY - timedelta(days=10)).strftime("%d.%m.%Y")).payload

    stranger = Chat(engine, user_id="2")
    await stranger.send("/start")
    await stranger.press("Продление поддержки")
    before = await chat_state(db, stranger)
    await stranger.payload(foreign_license)
    assert "1\u00a0998" not in stranger.text
    assert await chat_state(db, stranger) == before


@pytest.mark.parametrize(
    "payload", ["garbage", "2:renewal.lic:1", "1:renewal.lic:1:../../x", "1:" + "a" * 70]
)
async def test_forged_payload_is_refused_clearly(
    engine: Engine, db: Database, payload: str
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    before = (await chat_state(db, chat), await table_counts(db))
    await chat.payload(payload)
    assert "не узнаю" in chat.text
    assert (await chat_state(db, chat), await table_counts(db)) == before


async def test_unexpected_text_gets_a_hint_and_the_question_again(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.send("привет")
    assert "Я отвечаю на кнопки меню" in chat.text
    await chat.press("Продление поддержки")
    await chat.send("хочу скидку")
    assert "Нажмите кнопку с продуктом" in chat.text
    assert "Выберите продукт" in chat.text


async def test_cancel_leaves_the_flow(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Продление поддержки")
    await chat.send("/cancel")
    assert "отменил" in chat.text
    assert await chat_state(db, chat) == (None, None)
    await chat.send("/cancel")
    assert "Отменять нечего" in chat.text


async def test_language_command_switches_and_persists(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/language")
    await chat.press("Български")
    assert "български" in chat.text
    await chat.send("/menu")
    assert "Подновяване на поддръжката" in chat.labels
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, chat.user_id)
    assert account is not None and account.language == "bg"


async def test_stale_flow_button_after_menu_is_refused(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Продление поддержки")
    product = chat.button("7\u00a0990").payload
    await chat.payload(encode("menu"))
    await chat.payload(product)
    assert "больше не действует" in chat.text


async def test_payload_with_a_non_numeric_id_is_refused_without_changes(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press("Продление поддержки")
    before = (await chat_state(db, chat), await table_counts(db))
    await chat.payload("1:renewal.lic:abc")
    assert "не узнаю" in chat.text
    assert "Выберите лицензию" in chat.text
    assert (await chat_state(db, chat), await table_counts(db)) == before

"""Scripted conversations through the engine on a real SQLite file: menu, commands,
language, the renewal quote (linked license and by product), restart mid-conversation,
refused buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date

from handlers.desk.manager_desk import ManagerDesk
from handlers.desk_views.figures import figures
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
NBSP = "\u00a0"
REPORT_PRICE = f"7{NBSP}990{NBSP}₽"  # Базис-Отчёт, the demo product quoted by product


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
    assert chat.said_in("ru", "common.welcome")
    assert chat.said_in("ru", "menu.title")
    assert chat.said_in("ru", "menu.renewal")
    chat.button_of("menu.renewal")


async def test_english_client_gets_english_menu(engine: Engine) -> None:
    chat = Chat(engine, language="en-GB")
    await chat.send("/start")
    assert chat.said_in("en", "menu.title")
    assert chat.said_in("en", "menu.renewal")
    chat.button_of("menu.renewal")


async def test_linked_customer_gets_preferential_quote_and_files_invoice_request(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press_key("menu.renewal")
    ended_ten_days_ago = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    await chat.press_key("renewal.license_button", end=ended_ten_days_ago)
    assert chat.said("renewal.quote_amount", months=12, amount=f"1{NBSP}998{NBSP}₽")
    # golden: the exact wording
    assert f"Стоимость продления на 12 месяцев: 1{NBSP}998{NBSP}₽" in chat.text
    assert chat.said("renewal.rate_preferential", percent=f"25{NBSP}%")
    new_end = add_months(TODAY - timedelta(days=10), 12).strftime("%d.%m.%Y")
    assert chat.said("renewal.quote_new_end", date=new_end)

    invoice = chat.button_of("renewal.request_invoice").payload
    before = await table_counts(db)
    await chat.payload(invoice)
    assert chat.said("renewal.invoice_filed", number=1)
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
    assert chat.said("common.stale_button")
    assert await table_counts(db) == after


async def test_quote_by_product_without_linking_standard_rate(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    assert chat.said("renewal.pick_product")
    await chat.press_key("renewal.product_button", price=REPORT_PRICE)
    await chat.send("tomorrow-ish")
    assert chat.said("renewal.support_end_hint")
    assert chat.said("renewal.ask_support_end")
    ended = TODAY - timedelta(days=45)
    await chat.send(ended.strftime("%d.%m.%Y"))
    assert chat.said("renewal.quote_amount", amount=f"3{NBSP}596{NBSP}₽")
    assert chat.said("renewal.rate_standard", percent=f"45{NBSP}%")
    assert chat.said("renewal.quote_new_end", date=add_months(TODAY, 12).strftime("%d.%m.%Y"))


async def test_the_support_end_can_be_written_in_words(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.product_button", price=REPORT_PRICE)
    ended = TODAY - timedelta(days=45)
    await chat.send(format_date(ended, "d MMMM y", locale="ru"))  # "9 октября 2026"
    assert chat.said("renewal.quote_ended", date=ended.strftime("%d.%m.%Y"))
    assert chat.said("renewal.rate_standard", percent=f"45{NBSP}%")


async def test_quote_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await link_demo_customer(db, chat)
    await chat.press_key("menu.renewal")
    await chat.press_key(
        "renewal.license_button", end=(TODAY - timedelta(days=10)).strftime("%d %b %Y")
    )
    assert chat.said_in("en", "renewal.quote_amount", amount=f"RUB{NBSP}1,998")
    assert chat.said_in("en", "renewal.rate_preferential")


async def test_restart_continues_mid_conversation(
    db: Database, policy: Policy, clock: Clock, tmp_path: Path, engine: Engine
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.product_button", price=REPORT_PRICE)
    assert await chat_state(db, chat) == ("renewal", "support_end")

    # A new engine (as after a restart) on another connection to the same file carries on.
    async with await Database.open(db.path) as reopened:
        restarted = Engine(
            reopened, policy, default_flows(), desk=ManagerDesk.console_only(), clock=clock
        )
        again = Chat(restarted)
        await again.send((TODAY - timedelta(days=10)).strftime("%d.%m.%Y"))
        assert again.said("renewal.quote_amount", amount=f"1{NBSP}998{NBSP}₽")


async def test_someone_elses_license_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    owner = Chat(engine, user_id="1")
    await link_demo_customer(db, owner)
    await owner.press_key("menu.renewal")
    ended = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    foreign_license = owner.button_of("renewal.license_button", end=ended).payload

    stranger = Chat(engine, user_id="2")
    await stranger.send("/start")
    await stranger.press_key("menu.renewal")
    before = await chat_state(db, stranger)
    await stranger.payload(foreign_license)
    assert not stranger.said("renewal.quote_amount")
    assert not stranger.mentions(f"1{NBSP}998")
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
    assert chat.said("common.bad_button")
    assert (await chat_state(db, chat), await table_counts(db)) == before


async def test_unexpected_text_gets_a_hint_and_the_question_again(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.send("привет")  # at the menu: a message for a person, not a dead end
    assert chat.said("relay.question_filed") and not chat.said("common.use_menu")
    await chat.send("/menu")
    await chat.press_key("menu.renewal")
    await chat.send("хочу скидку")
    assert chat.said("renewal.pick_product_hint")
    assert chat.said("renewal.pick_product")


async def test_cancel_leaves_the_flow(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    await chat.send("/cancel")
    assert chat.said("common.cancelled")
    assert await chat_state(db, chat) == (None, None)
    await chat.send("/cancel")
    assert chat.said("common.nothing_to_cancel")


async def test_language_command_switches_and_persists(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/language")
    # The language buttons all read language.name, each in its own language.
    [bulgarian] = [t.text for t in chat.rendered if t.key == "language.name" and t.language == "bg"]
    [button] = [b for r in chat.replies for row in r.buttons for b in row if b.label == bulgarian]
    await chat.payload(button.payload)
    assert chat.said_in("bg", "language.changed")
    await chat.send("/menu")
    assert chat.said_in("bg", "menu.renewal")
    chat.button_of("menu.renewal")
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, chat.user_id)
    assert account is not None and account.language == "bg"


async def test_stale_flow_button_after_menu_is_refused(engine: Engine) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("menu.renewal")
    product = chat.button_of("renewal.product_button", price=REPORT_PRICE).payload
    await chat.payload(encode("menu"))
    await chat.payload(product)
    assert chat.said("common.stale_button")


async def test_payload_with_a_non_numeric_id_is_refused_without_changes(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    await chat.press_key("menu.renewal")
    before = (await chat_state(db, chat), await table_counts(db))
    await chat.payload("1:renewal.lic:abc")
    assert chat.said("common.bad_button")
    assert chat.said("renewal.pick_license")
    assert (await chat_state(db, chat), await table_counts(db)) == before


async def test_quotes_opened_in_the_chat_count_in_the_managers_figures(
    engine: Engine, db: Database, policy: Policy, clock: Clock
) -> None:
    chat = Chat(engine)
    await link_demo_customer(db, chat)
    ended_ten_days_ago = (TODAY - timedelta(days=10)).strftime("%d.%m.%Y")
    for _ in range(2):  # the same license's quote twice the same day: one quote
        await chat.send("/menu")
        await chat.press_key("menu.renewal")
        await chat.press_key("renewal.license_button", end=ended_ten_days_ago)
        assert chat.said("renewal.quote_amount", months=12, amount=f"1{NBSP}998{NBSP}₽")
    stranger = Chat(engine, user_id="77")  # a quote by product, for a typed support end
    await stranger.send("/start")
    await stranger.press_key("menu.renewal")
    await stranger.press_key("renewal.product_button", price=REPORT_PRICE)
    await stranger.send((TODAY - timedelta(days=45)).strftime("%d.%m.%Y"))
    assert stranger.said("renewal.quote_amount", amount=f"3{NBSP}596{NBSP}₽")
    clock.advance(days=1)  # the next day the same quote again: another one
    await chat.send("/menu")
    await chat.press_key("menu.renewal")
    await chat.press_key("renewal.license_button", end=ended_ten_days_ago)
    async with db.unit() as unit:
        found = await figures(unit, first=TODAY.replace(day=1), last=TODAY, policy=policy)
        following = await figures(
            unit, first=TODAY + timedelta(days=1), last=TODAY + timedelta(days=1), policy=policy
        )
    assert [m.quoted for m in found.renewals] == [2]
    assert [m.quoted for m in following.renewals] == [1]

"""Key loss: reporting a key lost, stolen or broken asks first and says what it does
(docs/rules.md#key-loss); nothing is stored before "Yes, report it", "No" changes nothing.
Russian and English, with the injected clock.

The bot's replies are checked by catalogue key and values (``chat.said``); the assert
marked ``# golden`` checks the exact wording of the question on purpose."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.i18n import texts
from handlers.policy import Policy
from storage import keys
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    NOW,
    PETROV,
    SIDOROVA,
    SOFIA,
    key_status,
    last_request_id,
    open_key_loss,
    request,
    snapshot,
)
from tests.support.key_requests import demo_engine as build

PROGRAMMED_UNTIL = date(2026, 12, 1)  # the demo: last run (1 Nov) + 30 days


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, KeyLossFlow())


async def test_lost_asks_first_saying_the_key_stops_after_its_programmed_date_and_no_keeps_it(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    before = await snapshot(db)
    await chat.press_key("key_loss.button_lost")

    ru = texts("ru")
    assert chat.said("key_loss.confirm_lost", serial="3-1234567")
    # "leaves the monthly prolongation and stops working after 01.12.2026"
    assert chat.said("key_loss.confirm_in_run", date=ru.date(PROGRAMMED_UNTIL))
    assert chat.said(
        "key_loss.confirm_protected",
        key_price=ru.money(Decimal("3900")),
        delivery=ru.money(Decimal("600")),
    )
    # golden: the exact wording
    assert chat.replies[-1].text == (
        "Сообщить, что ключ CodeMeter 3-1234567 утерян?\n"
        "Ключ сразу будет исключён из ежемесячного продления дополнительной защиты и "
        "перестанет работать после 01.12.2026: до этой даты он прошит.\n"
        "Документы не нужны: лицензии восстановят на новом ключе, оплатить нужно новый ключ "
        "(3\u00a0900\u00a0₽) и доставку (600\u00a0₽).\n"
        "Пока вы не нажмёте «Да, сообщить», ничего не записано."
    )
    assert chat.button_of("key_loss.confirm_yes") and chat.button_of("key_loss.confirm_no")
    assert await snapshot(db) == before  # asked, nothing stored

    await chat.press_key("key_loss.confirm_no")
    active = ru("key_loss.status_active")
    assert chat.said("key_loss.unchanged", serial="3-1234567", status=active)
    assert await snapshot(db) == before
    assert await key_status(db, "3-1234567") == "active"


async def test_yes_marks_the_key_and_files_the_request(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_stolen")
    assert chat.said("key_loss.confirm_stolen", serial="3-1234567")
    await chat.press_key("key_loss.confirm_yes")
    assert await key_status(db, "3-1234567") == "stolen"
    number = await last_request_id(db)
    assert chat.said("key_loss.protected_marked", serial="3-1234567", number=number)
    assert (await request(db, number)).status is RequestStatus.WAITING_CUSTOMER


async def test_a_key_without_the_service_is_told_what_applies_in_english(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine, language="en")
    await open_key_loss(db, chat, SOFIA)
    await chat.press_key("key_loss.key_button", serial="3-7654321")
    before = await snapshot(db)
    await chat.press_key("key_loss.button_stolen")
    en = texts("en")
    assert chat.rendered_text("key_loss.confirm_stolen", serial="3-7654321").language == "en"
    # "not prolonged monthly, the report does not switch it off; after the replacement its
    # license files must not be used"
    assert chat.said("key_loss.confirm_not_in_run")
    assert "key_loss.confirm_in_run" not in chat.keys
    assert chat.said(
        "key_loss.confirm_documents",
        kind=en("key_loss.kind_codemeter"),
        price=en.money(Decimal("3900")),
    )
    assert await snapshot(db) == before
    await chat.press_key("key_loss.confirm_yes")
    assert await key_status(db, "3-7654321") == "stolen"
    assert chat.said("key_loss.documents_marked")
    assert (await request(db, await last_request_id(db))).status is (
        RequestStatus.WAITING_DOCUMENTS
    )


async def test_a_broken_module_is_asked_too(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_key_loss(db, chat, SIDOROVA)
    await chat.press_key("key_loss.key_button", serial="M-100200")
    before = await snapshot(db)
    await chat.press_key("key_loss.button_broken")
    kind = texts("ru")("key_loss.kind_module")
    assert chat.said("key_loss.confirm_broken", serial="M-100200", kind=kind)
    assert await snapshot(db) == before
    await chat.press_key("key_loss.confirm_yes")
    assert await key_status(db, "M-100200") == "broken"


async def test_after_its_programmed_date_the_question_says_it_already_stopped(
    engine: Engine, db: Database, clock: Clock
) -> None:
    clock.advance(days=10)  # 3 Dec: the key ran until 1 Dec (no run in between)
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    assert chat.said("key_loss.confirm_run_ended", date=texts("ru").date(PROGRAMMED_UNTIL))
    assert "key_loss.confirm_in_run" not in chat.keys


async def test_a_key_in_the_run_without_a_known_date(engine: Engine, db: Database) -> None:
    async with db.unit() as unit:
        key = await keys.by_serial(unit, "3-1234567")
        assert key is not None
        await unit.execute("UPDATE keys SET programmed_until = NULL WHERE id = ?", (key.id,))
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    assert chat.said("key_loss.confirm_in_run_unknown")


async def test_stale_and_forged_yes_buttons_store_nothing(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    yes = chat.button_of("key_loss.confirm_yes").payload
    before = await snapshot(db)

    # The same question's "Yes" naming another key or another report: refused, asked again.
    async with db.unit() as unit:
        sofia_key = await keys.by_serial(unit, "3-7654321")
    assert sofia_key is not None
    await chat.payload(encode("key_loss.report", sofia_key.id, "lost"))
    assert chat.said("common.stale_button")
    assert chat.said("key_loss.confirm_lost", serial="3-1234567")
    await chat.payload(yes.replace(":lost", ":stolen"))
    assert chat.said("common.stale_button")
    await chat.send("да")
    assert chat.said("key_loss.confirm_hint")
    assert await snapshot(db) == before

    # Left for the menu: the old "Yes" is from an earlier conversation.
    await chat.send("/menu")
    await chat.payload(yes)
    assert chat.said("common.stale_button")
    assert await snapshot(db) == before
    assert await key_status(db, "3-1234567") == "active"


async def test_the_key_reported_meanwhile_elsewhere_is_refused_at_yes(
    engine: Engine, db: Database
) -> None:
    first = Chat(engine, user_id="1")
    await open_key_loss(db, first, PETROV)
    await first.press_key("key_loss.key_button", serial="3-1234567")
    await first.press_key("key_loss.button_lost")
    # A colleague (another account of the same customer) reports it stolen meanwhile.
    second = Chat(engine, user_id="2")
    await open_key_loss(db, second, PETROV)
    await second.press_key("key_loss.key_button", serial="3-1234567")
    await second.press_key("key_loss.button_stolen")
    await second.press_key("key_loss.confirm_yes")
    before = await snapshot(db)
    await first.press_key("key_loss.confirm_yes")
    stolen = texts("ru")("key_loss.status_stolen")
    assert first.said("key_loss.already_reported", serial="3-1234567", status=stolen)
    assert await snapshot(db) == before


async def test_the_grace_days_decide_at_yes_with_the_clock(
    engine: Engine, db: Database, clock: Clock, policy: Policy
) -> None:
    """Asked on the last covered day, confirmed the next: the answer follows the day of
    "Yes" (the question is asked again when its branch changed)."""
    clock.advance(days=30 + policy.protection.reconnect_after_days)
    chat = Chat(engine)
    await open_key_loss(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    assert chat.said("key_loss.confirm_protected")
    clock.advance(days=1)
    before = await snapshot(db)
    await chat.press_key("key_loss.confirm_yes")
    assert chat.said("key_loss.confirm_documents")  # asked again, with what applies now
    assert await snapshot(db) == before
    await chat.press_key("key_loss.confirm_yes")
    assert chat.said("key_loss.documents_marked")

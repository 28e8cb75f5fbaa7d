"""Key loss, branch A (the additional protection service): scripted conversations through
the engine on a real SQLite file, in Russian and English.

The bot's replies are checked by catalogue key and values (``chat.said``); the assert
marked ``# golden`` checks the exact wording of the central message on purpose."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from handlers.engine.dispatcher import Engine
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.i18n import texts
from handlers.policy import Policy
from handlers.rules.dates import local_today
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    NOW,
    PETROV,
    agree_if_asked,
    key_status,
    last_request_id,
    link,
    outbox_texts,
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


async def start_as_petrov(db: Database, chat: Chat) -> None:
    await link(db, chat, PETROV)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)


async def test_lost_key_with_service_is_marked_at_once_and_delivery_is_collected(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat)
    assert chat.said("key_loss.pick_key")
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    assert chat.said("key_loss.ask_what", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")

    # Marked at once: the monthly run excludes any key whose status is not active.
    assert await key_status(db, "3-1234567") == "lost"
    number = await last_request_id(db)
    ru = texts("ru")
    until = chat.rendered_text("key_loss.until_date", date=ru.date(PROGRAMMED_UNTIL)).text
    # "... no documents are needed": the protected branch, with its amounts and date
    assert chat.said(
        "key_loss.protected_marked",
        serial="3-1234567",
        until=until,
        licenses="L-1001, L-1002",
        key_price=ru.money(Decimal("3900")),
        delivery=ru.money(Decimal("600")),
        total=ru.money(Decimal("4500")),
        number=number,
    )
    # golden: the exact wording
    assert chat.replies[0].text == (
        "Записал: ключ 3-1234567 утерян. Он исключён из ежемесячного продления и перестанет "
        "работать после 01.12.2026.\n"
        "У ключа действует дополнительная защита, поэтому документы не нужны: лицензии "
        "(L-1001, L-1002) будут восстановлены на новом ключе.\n"
        "Оплатить нужно только:\n"
        "• новый ключ CodeMeter — 3\u00a0900\u00a0₽;\n"
        "• доставку — 600\u00a0₽ (оплачивается отдельно).\n"
        "Итого: 4\u00a0500\u00a0₽.\n"
        f"Заявка №{number}. Осталось указать, куда и кому доставить новый ключ."
    )
    assert chat.said("key_loss.ask_address")

    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_CUSTOMER
    assert filed.amount == Decimal("4500") and filed.verified

    await chat.send("no")
    assert chat.said("key_loss.address_hint")  # "from 5 to 500 characters"
    await chat.send("125009, Москва, ул. Тверская, д. 1, офис 5")
    assert chat.said("key_loss.ask_recipient")
    await chat.send("Петров Иван Иванович, +7 999 000-11-22")
    assert chat.said("key_loss.delivery_filed", number=number)

    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    assert done.details["address"] == "125009, Москва, ул. Тверская, д. 1, офис 5"
    assert done.details["recipient"] == "Петров Иван Иванович, +7 999 000-11-22"
    assert "awaiting" not in done.details

    cards = await outbox_texts(db, number)
    assert len(cards) == 2  # filed at once (waiting for the address), then completed
    card = cards[-1]
    for expected in (
        f"Заявка №{number}",
        "новая",
        "Ключ: 3-1234567 (ключ CodeMeter)",
        "Что случилось: утерян",
        "Прошит до: 01.12.2026",
        "Новый ключ: 3\u00a0900\u00a0₽, доставка: 600\u00a0₽, итого 4\u00a0500\u00a0₽",
        "Адрес доставки: 125009, Москва",
        "Получатель: Петров Иван Иванович",
        "подтверждён",
        "L-1001, L-1002",
    ):
        assert expected in card, expected
    assert "ждём от клиента" in cards[0]


async def test_stolen_key_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await start_as_petrov(db, chat)
    await chat.send("3-1234567")  # typed instead of pressed: the same key
    assert chat.rendered_text("key_loss.ask_what", serial="3-1234567").language == "en"
    await chat.press_key("key_loss.button_stolen")
    await chat.press_key("key_loss.confirm_yes")
    assert await key_status(db, "3-1234567") == "stolen"
    en = texts("en")
    # "... stops working after 1 Dec 2026"
    until = chat.rendered_text("key_loss.until_date", date=en.date(PROGRAMMED_UNTIL))
    assert until.language == "en"
    marked = chat.rendered_text(
        "key_loss.protected_marked",
        until=until.text,
        key_price=en.money(Decimal("3900")),
        delivery=en.money(Decimal("600")),
        total=en.money(Decimal("4500")),
    )
    assert marked.language == "en"
    await chat.send("1000 Sofia, 1 Vitosha Blvd")
    await chat.send("Ivan Petrov")
    number = await last_request_id(db)
    assert chat.rendered_text("key_loss.delivery_filed", number=number).language == "en"
    assert (await request(db, number)).status is RequestStatus.NEW


async def test_consent_is_asked_first_and_declining_changes_nothing(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link(db, chat, PETROV)
    await chat.send("/menu")
    before = await snapshot(db)
    await chat.press_key("key_loss.menu")
    assert chat.said("consent.text")  # the consent to process personal data (152-FZ)
    await chat.press_key("consent.decline")
    assert await snapshot(db) == before


async def test_lapsed_service_goes_to_documents(db: Database, policy: Policy, clock: Clock) -> None:
    # 45 days after the latest support end of the key (today + 30) the service is gone.
    engine = await build(db, policy, clock, KeyLossFlow())
    clock.advance(days=30 + policy.protection.reconnect_after_days + 1)
    chat = Chat(engine)
    await start_as_petrov(db, chat)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_broken")
    await chat.press_key("key_loss.confirm_yes")
    assert chat.said("key_loss.documents_marked")  # "the replacement is at your expense"
    assert chat.said("key_loss.letter_item_broken", serial="3-1234567")  # "return the key"
    filed = await request(db, await last_request_id(db))
    assert filed.status is RequestStatus.WAITING_DOCUMENTS


async def test_within_the_grace_days_the_service_still_covers(
    db: Database, policy: Policy, clock: Clock
) -> None:
    engine = await build(db, policy, clock, KeyLossFlow())
    clock.advance(days=30 + policy.protection.reconnect_after_days)
    assert local_today(clock.now, policy) == local_today(NOW, policy) + timedelta(days=44)
    chat = Chat(engine)
    await start_as_petrov(db, chat)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    assert chat.said("key_loss.protected_marked")  # "no documents are needed"


async def test_a_key_already_reported_cannot_be_reported_again(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_stolen")
    await chat.press_key("key_loss.confirm_yes")
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    # The unfinished request (no address yet) is offered first.
    missing = texts("ru")("key_loss.missing_delivery")
    assert chat.said("key_loss.resume_line", missing=missing)
    await chat.press_key("key_loss.other_key")
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    before = await snapshot(db)
    await chat.press_key("key_loss.button_lost")  # refused before any question
    assert "key_loss.confirm_lost" not in chat.keys
    stolen = texts("ru")("key_loss.status_stolen")
    assert chat.said("key_loss.already_reported", serial="3-1234567", status=stolen)
    assert await snapshot(db) == before


async def test_leaving_before_the_address_and_continuing_later(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    number = await last_request_id(db)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await chat.press_key("key_loss.continue_button", number=number)
    assert chat.said("key_loss.ask_address")
    await chat.send("125009, Москва, ул. Тверская, д. 1")
    await chat.send("Петров И. И.")
    assert (await request(db, number)).status is RequestStatus.NEW

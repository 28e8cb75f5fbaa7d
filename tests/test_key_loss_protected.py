"""Key loss, branch A (the additional protection service): scripted conversations through
the engine on a real SQLite file, in Russian and English."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from handlers.engine.dispatcher import Engine
from handlers.flows.key_loss.flow import KeyLossFlow
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


async def start_as_petrov(db: Database, chat: Chat, menu_label: str) -> None:
    await link(db, chat, PETROV)
    await chat.send("/menu")
    await chat.press(menu_label)
    await agree_if_asked(chat)


async def test_lost_key_with_service_is_marked_at_once_and_delivery_is_collected(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat, "Утеря, кража, поломка ключа")
    assert "Выберите ключ" in chat.text
    await chat.press("3-1234567")
    assert "Что случилось?" in chat.text
    await chat.press("Потерян")

    # Marked at once: the monthly run excludes any key whose status is not active.
    assert await key_status(db, "3-1234567") == "lost"
    text = chat.text
    assert "документы не нужны" in text
    assert "после 01.12.2026" in text
    assert "3\u00a0900\u00a0₽" in text and "600\u00a0₽" in text and "4\u00a0500\u00a0₽" in text
    assert "L-1001, L-1002" in text
    assert "адрес доставки" in text.lower()

    number = await last_request_id(db)
    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_CUSTOMER
    assert filed.amount == Decimal("4500") and filed.verified

    await chat.send("no")
    assert "от 5 до 500 символов" in chat.text
    await chat.send("125009, Москва, ул. Тверская, д. 1, офис 5")
    assert "Кто получит ключ" in chat.text
    await chat.send("Петров Иван Иванович, +7 999 000-11-22")
    assert f"Заявка №{number} передана менеджерам" in chat.text

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
    await start_as_petrov(db, chat, "Key lost, stolen or broken")
    await chat.send("3-1234567")  # typed instead of pressed: the same key
    assert "What happened?" in chat.text
    await chat.press("Stolen")
    assert await key_status(db, "3-1234567") == "stolen"
    assert "stops working after 1 Dec 2026" in chat.text
    assert (
        "RUB\u00a03,900" in chat.text
        and "RUB\u00a0600" in chat.text
        and "RUB\u00a04,500" in chat.text
    )
    await chat.send("1000 Sofia, 1 Vitosha Blvd")
    await chat.send("Ivan Petrov")
    number = await last_request_id(db)
    assert f"Request #{number} has been passed" in chat.text
    assert (await request(db, number)).status is RequestStatus.NEW


async def test_consent_is_asked_first_and_declining_changes_nothing(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await link(db, chat, PETROV)
    await chat.send("/menu")
    before = await snapshot(db)
    await chat.press("Утеря, кража, поломка ключа")
    assert "152-ФЗ" in chat.text
    await chat.press("Не согласен")
    assert await snapshot(db) == before


async def test_lapsed_service_goes_to_documents(db: Database, policy: Policy, clock: Clock) -> None:
    # 45 days after the latest support end of the key (today + 30) the service is gone.
    engine = await build(db, policy, clock, KeyLossFlow())
    clock.advance(days=30 + policy.protection.reconnect_after_days + 1)
    chat = Chat(engine)
    await start_as_petrov(db, chat, "Утеря, кража, поломка ключа")
    await chat.press("3-1234567")
    await chat.press("Сломан")
    assert "замена — за ваш счёт" in chat.text
    assert "вернуть сломанный ключ" in chat.text
    filed = await request(db, await last_request_id(db))
    assert filed.status is RequestStatus.WAITING_DOCUMENTS


async def test_within_the_grace_days_the_service_still_covers(
    db: Database, policy: Policy, clock: Clock
) -> None:
    engine = await build(db, policy, clock, KeyLossFlow())
    clock.advance(days=30 + policy.protection.reconnect_after_days)
    assert local_today(clock.now, policy) == local_today(NOW, policy) + timedelta(days=44)
    chat = Chat(engine)
    await start_as_petrov(db, chat, "Утеря, кража, поломка ключа")
    await chat.press("3-1234567")
    await chat.press("Потерян")
    assert "документы не нужны" in chat.text


async def test_a_key_already_reported_cannot_be_reported_again(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat, "Утеря, кража, поломка ключа")
    await chat.press("3-1234567")
    await chat.press("Украден")
    await chat.send("/menu")
    await chat.press("Утеря, кража, поломка ключа")
    # The unfinished request (no address yet) is offered first.
    assert "не хватает — адрес доставки и получатель" in chat.text
    await chat.press("Сообщить о другом ключе")
    await chat.press("3-1234567")
    before = await snapshot(db)
    await chat.press("Потерян")
    assert "уже заявлен украденным" in chat.text
    assert await snapshot(db) == before


async def test_leaving_before_the_address_and_continuing_later(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await start_as_petrov(db, chat, "Утеря, кража, поломка ключа")
    await chat.press("3-1234567")
    await chat.press("Потерян")
    number = await last_request_id(db)
    await chat.send("/menu")
    await chat.press("Утеря, кража, поломка ключа")
    await chat.press(f"Продолжить заявку №{number}")
    assert "адрес доставки" in chat.text.lower()
    await chat.send("125009, Москва, ул. Тверская, д. 1")
    await chat.send("Петров И. И.")
    assert (await request(db, number)).status is RequestStatus.NEW

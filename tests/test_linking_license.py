"""Linking by license number + key serial: success, mismatches, the rate limit of wrong
guesses (and its end), one customer linked from Telegram and VK."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers.engine.dispatcher import Engine
from handlers.policy import Policy
from storage import accounts
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat, Clock
from tests.support.linking_support import (
    NOW,
    PETROV_PHONE,
    account_of,
    customer_by_phone,
    rows,
    snapshot,
)

#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine


async def start_license_way(chat: Chat, ru: bool = True) -> None:
    await chat.send("/menu")
    await chat.press("Привязать мой аккаунт" if ru else "Link my account")
    await chat.press("Номер лицензии и ключа" if ru else "License and key numbers")


async def guess(chat: Chat, license_number: str, serial: str) -> None:
    await chat.send(license_number)
    await chat.send(serial)


async def test_license_and_serial_link_the_account(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await start_license_way(chat)
    assert "Введите номер лицензии" in chat.text
    await chat.send(" l-1001 ")  # case and spaces as people type them
    assert "серийный номер ключа" in chat.text
    await chat.send("3-1234567")
    assert "аккаунт привязан к клиенту Иван Петров" in chat.text
    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, chat)
    assert (account.customer_id, account.linked_by) == (petrov.id, "license")
    attempts = await rows(db, "SELECT method, success FROM link_attempts")
    assert attempts == [{"method": "license", "success": 1}]


async def test_license_way_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await start_license_way(chat, ru=False)
    await guess(chat, "L-1004", "M-100200")
    assert "linked to the customer Анна Сидорова (ИП Сидорова)" in chat.text
    assert (await account_of(db, chat)).linked_by == "license"


@pytest.mark.parametrize(
    ("license_number", "serial"),
    [
        ("L-1001", "3-7654321"),  # your license, another customer's key
        ("L-1003", "3-1234567"),  # another customer's license, your key
        ("L-1005", "M-100200"),  # a license on no key, with the owner's module
        ("L-9999", "3-1234567"),  # no such license
    ],
)
async def test_mismatches_are_refused_alike_and_nothing_is_linked(
    engine: Engine, db: Database, license_number: str, serial: str
) -> None:
    chat = Chat(engine)
    await start_license_way(chat)
    await guess(chat, license_number, serial)
    assert "не подходят друг к другу. Осталось попыток: 4" in chat.text
    assert "Введите номер лицензии" in chat.text  # asked again
    assert (await account_of(db, chat)).customer_id is None
    attempts = await rows(db, "SELECT method, success, detail FROM link_attempts")
    assert [(a["method"], a["success"]) for a in attempts] == [("license", 0)]
    assert serial not in attempts[0]["detail"]  # the guessed serial is kept only masked


async def test_wrong_guesses_are_limited_then_allowed_again_after_the_window(
    engine: Engine, db: Database, clock: Clock, policy: Policy
) -> None:
    limit = policy.linking.max_attempts
    chat = Chat(engine)
    await start_license_way(chat)
    for attempt in range(1, limit + 1):
        await guess(chat, "L-1001", f"3-000000{attempt}")
        clock.advance(minutes=1)
        if attempt < limit:
            assert f"Осталось попыток: {limit - attempt}" in chat.text
    assert f"Слишком много неверных попыток ({limit})" in chat.text
    # Allowed again one window after the first failure: 12:00 + 60 min, Moscow time.
    assert "после 23.11.2026 13:00" in chat.text
    assert "Заявка менеджеру" in chat.labels

    # Over the limit nothing is checked, not even a right pair.
    before = await snapshot(db)
    await start_license_way(chat)
    assert "Слишком много неверных попыток" in chat.text
    assert "Введите номер лицензии" not in chat.text
    await chat.send("L-1001")
    assert (await account_of(db, chat)).customer_id is None
    assert await snapshot(db) == before

    clock.now = NOW + timedelta(minutes=policy.linking.attempts_window_minutes, seconds=1)
    await start_license_way(chat)
    await guess(chat, "L-1001", "3-1234567")
    assert "аккаунт привязан к клиенту Иван Петров" in chat.text
    failures = await rows(db, "SELECT detail FROM link_attempts WHERE success = 0")
    assert len(failures) == limit
    assert all("3-000000" not in row["detail"] for row in failures)


async def test_limit_reached_mid_way_in_english(
    engine: Engine, db: Database, policy: Policy
) -> None:
    chat = Chat(engine, language="en")
    await start_license_way(chat, ru=False)
    for _ in range(policy.linking.max_attempts):
        await guess(chat, "L-1001", "wrong")
    assert "Too many wrong attempts" in chat.text
    assert "try again after 23 Nov 2026 13:00" in chat.text
    # The other person in the same company is not affected: the limit is per account.
    other = Chat(engine, user_id="2002", language="en")
    await start_license_way(other, ru=False)
    assert "Type the license number" in other.text


async def test_telegram_and_vk_accounts_link_to_the_same_customer(
    engine: Engine, db: Database
) -> None:
    telegram = Chat(engine, user_id="1001")
    await telegram.send("/start")
    await telegram.contact(PETROV_PHONE)
    vk = Chat(engine, user_id="55501", platform=Platform.VK)
    await start_license_way(vk)
    await guess(vk, "L-1002", "3-1234567")
    assert "аккаунт привязан к клиенту Иван Петров" in vk.text

    petrov = await customer_by_phone(db, PETROV_PHONE)
    async with db.unit() as unit:
        linked = await accounts.of_customer(unit, petrov.id)
    assert {(a.platform, a.user_id, a.linked_by) for a in linked} == {
        (Platform.TELEGRAM, "1001", "phone"),
        (Platform.VK, "55501", "license"),
    }
    # Both now see Петров's licenses in the renewal quote.
    for chat in (telegram, vk):
        await chat.send("/menu")
        await chat.press("Продление поддержки")
        assert "L-1001" in " ".join(chat.labels)


async def test_typed_text_that_is_too_long_gets_a_hint(engine: Engine) -> None:
    chat = Chat(engine)
    await start_license_way(chat)
    await chat.send("L" * 41)
    assert "до 40 символов" in chat.text
    assert "Введите номер лицензии" in chat.text

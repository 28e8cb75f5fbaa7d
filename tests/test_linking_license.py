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


PETROV = "Иван Петров (ООО «Мебель-Про»)"  # how the bot names the customer (data)


async def start_license_way(chat: Chat) -> None:
    await chat.send("/menu")
    await chat.press_key("linking.menu")
    await chat.press_key("linking.by_license")


async def guess(chat: Chat, license_number: str, serial: str) -> None:
    await chat.send(license_number)
    await chat.send(serial)


async def test_license_and_serial_link_the_account(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await start_license_way(chat)
    assert chat.said("linking.ask_license")
    await chat.send(" l-1001 ")  # case and spaces as people type them
    assert chat.said("linking.ask_serial")
    await chat.send("3-1234567")
    assert chat.said("linking.linked", customer=PETROV)
    # golden: the exact wording
    assert (
        "Готово: аккаунт привязан к клиенту Иван Петров (ООО «Мебель-Про»). "
        "Теперь вам доступны ваши лицензии и ключи." in chat.text
    )
    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, chat)
    assert (account.customer_id, account.linked_by) == (petrov.id, "license")
    attempts = await rows(db, "SELECT method, success FROM link_attempts")
    assert attempts == [{"method": "license", "success": 1}]


async def test_license_way_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await start_license_way(chat)
    await guess(chat, "L-1004", "M-100200")
    assert chat.said_in("en", "linking.linked", customer="Анна Сидорова (ИП Сидорова)")
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
    assert chat.said("linking.no_match", left=4)
    assert chat.said("linking.ask_license")  # asked again
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
            assert chat.said("linking.no_match", left=limit - attempt)
    # Allowed again one window after the first failure: 12:00 + 60 min, Moscow time.
    assert chat.said("linking.blocked", limit=limit, until="23.11.2026 13:00")
    assert chat.button_of("linking.by_request")

    # Over the limit nothing is checked, not even a right pair.
    before = await snapshot(db)
    await start_license_way(chat)
    assert chat.said("linking.blocked", limit=limit)
    assert not chat.said("linking.ask_license")
    assert await snapshot(db) == before
    # Typed at the menu anyway, the number is no guess: it reaches the managers as a
    # question and links nothing.
    await chat.send("L-1001")
    assert chat.said("relay.question_filed")
    assert (await account_of(db, chat)).customer_id is None
    after = await snapshot(db)
    assert (after["accounts"], after["link_attempts"]) == (
        before["accounts"],
        before["link_attempts"],
    )

    clock.now = NOW + timedelta(minutes=policy.linking.attempts_window_minutes, seconds=1)
    await start_license_way(chat)
    await guess(chat, "L-1001", "3-1234567")
    assert chat.said("linking.linked", customer=PETROV)
    failures = await rows(db, "SELECT detail FROM link_attempts WHERE success = 0")
    assert len(failures) == limit
    assert all("3-000000" not in row["detail"] for row in failures)


async def test_limit_reached_mid_way_in_english(
    engine: Engine, db: Database, policy: Policy
) -> None:
    chat = Chat(engine, language="en")
    await start_license_way(chat)
    for _ in range(policy.linking.max_attempts):
        await guess(chat, "L-1001", "wrong")
    limit = policy.linking.max_attempts
    assert chat.said_in("en", "linking.blocked", limit=limit, until="23 Nov 2026 13:00")
    # The other person in the same company is not affected: the limit is per account.
    other = Chat(engine, user_id="2002", language="en")
    await start_license_way(other)
    assert other.said_in("en", "linking.ask_license")


async def test_telegram_and_vk_accounts_link_to_the_same_customer(
    engine: Engine, db: Database
) -> None:
    telegram = Chat(engine, user_id="1001")
    await telegram.send("/start")
    await telegram.contact(PETROV_PHONE)
    vk = Chat(engine, user_id="55501", platform=Platform.VK)
    await start_license_way(vk)
    await guess(vk, "L-1002", "3-1234567")
    assert vk.said("linking.linked", customer=PETROV)

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
        await chat.press_key("menu.renewal")
        assert chat.button_of("renewal.license_button", number="L-1001")


async def test_typed_text_that_is_too_long_gets_a_hint(engine: Engine) -> None:
    chat = Chat(engine)
    await start_license_way(chat)
    await chat.send("L" * 41)
    assert chat.said("linking.license_hint")  # up to 40 characters
    assert chat.said("linking.ask_license")

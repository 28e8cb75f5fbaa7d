"""How cards, lists and topic titles name the person a request is from: the linked
customer with company and phone, else the messenger account's name and the messenger in
the manager's language — never the messenger's id of the person, never English in a
Russian card. Requests filed by older versions kept a ready text; it still reads well."""

from __future__ import annotations

import pytest

from bot.app import manager_desk
from bot.settings import load_settings
from handlers.desk.cards import who, who_text
from handlers.engine.dispatcher import Engine
from handlers.i18n import texts
from handlers.policy import Policy
from storage.db import Database
from storage.models import Account, Platform
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (  # noqa: F401  (clock: the fixture)
    clock,
    file_renewal,
    make_engine,
    manager_cards,
)


def account(platform: Platform, name: str) -> Account:
    return Account(
        id=7,
        platform=platform,
        user_id="424242",
        customer_id=None,
        linked_by=None,
        language="ru",
        display_name=name,
        consent_at=None,
        consent_version=None,
        reminders_muted=False,
    )


@pytest.mark.parametrize(
    ("language", "stored", "shown"),
    [
        (
            "ru",
            who(None, "Анна Сидорова", "ИП Сидорова", "+79990003344"),
            "Анна Сидорова (ИП Сидорова), +79990003344",
        ),
        ("ru", who(None, "Анна Сидорова", "", None), "Анна Сидорова, —"),
        ("ru", who(account(Platform.TELEGRAM, "Иван"), None, "", None), "Иван (Telegram)"),
        ("ru", who(account(Platform.VK, "Иван"), None, "", None), "Иван (ВКонтакте)"),
        ("en", who(account(Platform.VK, "Ivan"), None, "", None), "Ivan (VK)"),
        ("bg", who(account(Platform.VK, ""), None, "", None), "без име (ВКонтакте)"),
        ("ru", who(None, None, "", None), "—"),
        # Kept as text by an older version: the messenger id goes, the messenger is named.
        ("ru", "User 1001 (telegram:1001)", "User 1001 (Telegram)"),
        ("en", "1001 (vk:1001)", "no name (VK)"),
        (
            "ru",
            "Анна Сидорова (ИП Сидорова), +79990003344",
            "Анна Сидорова (ИП Сидорова), +79990003344",
        ),
        ("ru", "***", "***"),  # erased on the customer's request
        ("ru", None, "—"),
    ],
)
def test_who_a_request_is_from(language: str, stored: object, shown: str) -> None:
    assert who_text(texts(language), stored) == shown


async def test_an_unlinked_customers_card_names_them_without_their_messenger_id(
    db: Database,
    policy: Policy,
    clock: Clock,  # noqa: F811
) -> None:
    engine: Engine = await make_engine(db, policy, clock)
    await file_renewal(db, Chat(engine, user_id="5551234"))
    await file_renewal(db, Chat(engine, user_id="5557777", platform=Platform.VK))
    cards = await manager_cards(db)
    telegram_card = next(card for card in cards if "User 5551234" in card)
    vk_card = next(card for card in cards if "User 5557777" in card)
    assert "Клиент: User 5551234 (Telegram) (НЕ подтверждён)" in telegram_card
    assert "Клиент: User 5557777 (ВКонтакте) (НЕ подтверждён)" in vk_card
    for card in (telegram_card, vk_card):
        assert "telegram:" not in card and "vk:" not in card


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
async def test_cards_come_in_the_manager_language_setting(
    db: Database,
    policy: Policy,
    clock: Clock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    monkeypatch.setenv("MANAGER_LANGUAGE", language)
    engine = await make_engine(
        db, policy, clock, desk=manager_desk(load_settings(), policy.language)
    )
    number = await file_renewal(db, Chat(engine, user_id="5551234"))
    [card] = await manager_cards(db)
    t = texts(language)
    kind, status = t("desk.kind_renewal"), t("desk.status_new")
    assert card.splitlines()[0] == t("desk.card_header", number=number, kind=kind, status=status)
    customer = t(
        "desk.card_customer", customer="User 5551234 (Telegram)", verified=t("desk.unverified")
    )
    assert card.splitlines()[1] == customer

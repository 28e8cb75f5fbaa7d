"""Linking by a shared phone (strongest way): own contact, someone else's, unknown number,
VK without a verified phone, a contact sent while idle."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Contact, Incoming
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat
from tests.support.linking_support import (
    PETROV_PHONE,
    account_of,
    count,
    customer_by_phone,
    rows,
    snapshot,
    text_outside_customers,
)

#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine


async def test_own_contact_links_by_phone_and_keeps_no_phone(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Привязать мой аккаунт")
    assert "Поделиться телефоном" in chat.text
    assert any(reply.request_contact for reply in chat.replies)
    await chat.contact("8 (999) 000-11-22")
    assert "аккаунт привязан к клиенту Иван Петров (ООО «Мебель-Про»)" in chat.text

    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, chat)
    assert (account.customer_id, account.linked_by) == (petrov.id, "phone")
    attempts = await rows(db, "SELECT method, success, detail FROM link_attempts")
    assert [(a["method"], a["success"]) for a in attempts] == [("phone", 1)]
    # The phone was only compared: no table of the bot keeps it.
    assert await text_outside_customers(db, "9990001122") == []


async def test_contact_sent_while_idle_links_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await chat.send("/start")
    await chat.contact(PETROV_PHONE)
    assert "your account is linked to the customer Иван Петров" in chat.text
    assert (await account_of(db, chat)).linked_by == "phone"

    # Shared again, or "Link my account" pressed later: already linked, nothing changes.
    before = await snapshot(db)
    await chat.contact(PETROV_PHONE)
    assert "already linked to the customer Иван Петров" in chat.text
    await chat.send("/menu")
    await chat.press("Link my account")
    assert "already linked" in chat.text
    assert await snapshot(db) == before


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "Это чужой контакт"), ("en", "This is someone else's contact")],
)
async def test_someone_elses_contact_is_refused_and_nothing_is_stored(
    engine: Engine, db: Database, language: str, expected: str
) -> None:
    chat = Chat(engine, language=language)
    await chat.send("/start")
    before = await snapshot(db)
    await chat.contact(PETROV_PHONE, owner="424242")  # idle
    assert expected in chat.text
    await chat.send("/menu")
    label = "Привязать мой аккаунт" if language == "ru" else "Link my account"
    await chat.press(label)
    await chat.contact(PETROV_PHONE, owner="424242")  # inside the flow
    assert expected in chat.text
    assert await snapshot(db) == before
    assert (await account_of(db, chat)).customer_id is None
    assert await text_outside_customers(db, "9990001122") == []


async def test_unknown_phone_offers_the_other_ways(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press("Привязать мой аккаунт")
    await chat.contact("+7 999 555-00-00")
    assert "Клиента с этим номером телефона в нашей базе нет" in chat.text
    assert {"Номер лицензии и ключа", "Заявка менеджеру"} <= set(chat.labels)
    assert (await account_of(db, chat)).customer_id is None
    attempts = await rows(db, "SELECT method, success, detail FROM link_attempts")
    assert [(a["method"], a["success"]) for a in attempts] == [("phone", 0)]
    assert await text_outside_customers(db, "9995550000") == []
    # The offered button works from here.
    await chat.press("Номер лицензии и ключа")
    assert "Введите номер лицензии" in chat.text


async def test_unknown_phone_while_idle_in_english(engine: Engine) -> None:
    chat = Chat(engine, language="en")
    await chat.send("/start")
    await chat.contact("+359 888 000 000")
    assert "No customer in our records has this phone number" in chat.text
    await chat.press("License and key numbers")
    assert "Type the license number" in chat.text


async def test_vk_explains_that_it_has_no_verified_phone(engine: Engine, db: Database) -> None:
    chat = Chat(engine, platform=Platform.VK, user_id="777")
    await chat.send("/start")
    await chat.press("Привязать мой аккаунт")
    assert "ВКонтакте не передаёт подтверждённый номер" in chat.text
    assert not any(reply.request_contact for reply in chat.replies)
    assert "Номер лицензии и ключа" in chat.labels

    # A contact whose owner the messenger does not tell is not trusted.
    before = await snapshot(db)
    replies = await engine.handle(
        Incoming(
            Platform.VK,
            "777",
            "777",
            contact=Contact(PETROV_PHONE, None),
            language="ru",
            can_share_contact=False,
        )
    )
    assert "не могу проверить, что это ваш номер" in "\n".join(r.text for r in replies)
    assert await snapshot(db) == before


async def test_vk_in_english(engine: Engine) -> None:
    chat = Chat(engine, platform=Platform.VK, user_id="778", language="en")
    await chat.send("/start")
    await chat.press("Link my account")
    assert "VK does not pass on a verified phone number" in chat.text


async def test_managers_do_not_get_the_link_item(engine: Engine, db: Database) -> None:
    manager = Chat(engine, user_id="m1", manager=True)
    await manager.send("/start")
    assert "Привязать мой аккаунт" not in manager.labels
    assert await count(db, "link_attempts") == 0

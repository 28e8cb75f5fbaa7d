"""Linking by a shared phone (strongest way): own contact, someone else's, unknown number,
VK without a verified phone, a contact sent while idle."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Contact, Incoming
from handlers.engine.payloads import encode
from handlers.i18n import recording_texts
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

PETROV = "Иван Петров (ООО «Мебель-Про»)"  # how the bot names the customer (data)


async def test_own_contact_links_by_phone_and_keeps_no_phone(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("linking.menu")
    assert chat.said("linking.choose")  # the ways, sharing the phone first
    assert any(reply.request_contact for reply in chat.replies)
    await chat.contact("8 (999) 000-11-22")
    assert chat.said("linking.linked", customer=PETROV)

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
    assert chat.said_in("en", "linking.linked", customer=PETROV)
    assert (await account_of(db, chat)).linked_by == "phone"

    # Shared again, or "Link my account" pressed later: already linked, nothing changes.
    before = await snapshot(db)
    await chat.contact(PETROV_PHONE)
    assert chat.said_in("en", "linking.already_linked", customer=PETROV)
    await chat.send("/menu")
    assert "linking.menu" not in chat.keys  # a linked customer's menu leaves it out
    await chat.payload(encode("go", "linking"))  # an older message's button still works
    assert chat.said_in("en", "linking.already_linked")
    assert await snapshot(db) == before


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_someone_elses_contact_is_refused_and_nothing_is_stored(
    engine: Engine, db: Database, language: str
) -> None:
    chat = Chat(engine, language=language)
    await chat.send("/start")
    before = await snapshot(db)
    await chat.contact(PETROV_PHONE, owner="424242")  # idle
    assert chat.said_in(language, "linking.contact_foreign")
    await chat.send("/menu")
    await chat.press_key("linking.menu")
    await chat.contact(PETROV_PHONE, owner="424242")  # inside the flow
    assert chat.said_in(language, "linking.contact_foreign")
    assert await snapshot(db) == before
    assert (await account_of(db, chat)).customer_id is None
    assert await text_outside_customers(db, "9990001122") == []


async def test_unknown_phone_offers_the_other_ways(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await chat.press_key("linking.menu")
    await chat.contact("+7 999 555-00-00")
    assert chat.said("linking.phone_unknown")
    # golden: the exact wording
    assert (
        "Клиента с этим номером телефона в нашей базе нет. Привяжите аккаунт по номеру "
        "лицензии и ключа или отправьте заявку менеджеру." in chat.text
    )
    assert chat.button_of("linking.by_license") and chat.button_of("linking.by_request")
    assert (await account_of(db, chat)).customer_id is None
    attempts = await rows(db, "SELECT method, success, detail FROM link_attempts")
    assert [(a["method"], a["success"]) for a in attempts] == [("phone", 0)]
    assert await text_outside_customers(db, "9995550000") == []
    # The offered button works from here.
    await chat.press_key("linking.by_license")
    assert chat.said("linking.ask_license")


async def test_unknown_phone_while_idle_in_english(engine: Engine) -> None:
    chat = Chat(engine, language="en")
    await chat.send("/start")
    await chat.contact("+359 888 000 000")
    assert chat.said_in("en", "linking.phone_unknown")
    await chat.press_key("linking.by_license")
    assert chat.said_in("en", "linking.ask_license")


async def test_vk_explains_that_it_has_no_verified_phone(engine: Engine, db: Database) -> None:
    chat = Chat(engine, platform=Platform.VK, user_id="777")
    await chat.send("/start")
    await chat.press_key("linking.menu")
    assert chat.said("linking.choose_vk") and not chat.said("linking.choose")
    assert not any(reply.request_contact for reply in chat.replies)
    assert chat.button_of("linking.by_license")

    # A contact whose owner the messenger does not tell is not trusted.
    before = await snapshot(db)
    with recording_texts() as said:
        await engine.handle(
            Incoming(
                Platform.VK,
                "777",
                "777",
                contact=Contact(PETROV_PHONE, None),
                language="ru",
                can_share_contact=False,
            )
        )
    assert "linking.contact_unverified" in [text.key for text in said]
    assert await snapshot(db) == before


async def test_vk_in_english(engine: Engine) -> None:
    chat = Chat(engine, platform=Platform.VK, user_id="778", language="en")
    await chat.send("/start")
    await chat.press_key("linking.menu")
    assert chat.said_in("en", "linking.choose_vk")


async def test_managers_do_not_get_the_link_item(engine: Engine, db: Database) -> None:
    manager = Chat(engine, user_id="m1", manager=True)
    await manager.send("/start")
    assert "linking.menu" not in manager.keys
    assert await count(db, "link_attempts") == 0

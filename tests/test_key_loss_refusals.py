"""Key loss: a found key, someone else's key, a person not linked, forged buttons; each
refusal leaves the database as it was. Russian and English.

The bot's replies are checked by catalogue key and values (``chat.said``); the assert
marked ``# golden`` checks the exact wording on purpose."""

from __future__ import annotations

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
    SOFIA,
    agree_if_asked,
    key_status,
    last_request_id,
    link,
    manager_done,
    outbox_texts,
    request,
    snapshot,
)
from tests.support.key_requests import demo_engine as build


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, KeyLossFlow())


async def open_flow(db: Database, chat: Chat, phone: str | None) -> None:
    if phone is None:
        await chat.send("/start")
    else:
        await link(db, chat, phone)
        await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)


async def key_id(db: Database, serial: str) -> int:
    async with db.unit() as unit:
        key = await keys.by_serial(unit, serial)
    assert key is not None
    return key.id


async def test_found_key_with_the_service_becomes_a_carrier_for_new_licenses(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await open_flow(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    replacement = await last_request_id(db)
    await chat.send("125009, Москва, ул. Тверская, д. 1")
    await chat.send("Петров И. И.")
    assert await key_status(db, "3-1234567") == "lost"
    # The licenses are restored on the new key: only then are they gone from the old one.
    await manager_done(engine, replacement)

    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    lost = texts("ru")("key_loss.status_lost")
    await chat.press_key("key_loss.key_button", serial="3-1234567", status=lost)
    await chat.press_key("key_loss.button_found")
    number = await last_request_id(db)
    # "Licenses cannot be returned to it … a carrier of new licenses"
    assert chat.said(
        "key_loss.found_replaced_protected",
        serial="3-1234567",
        number=replacement,
        found=number,
    )
    assert await key_status(db, "3-1234567") == "found"
    found = await request(db, number)
    assert found.status is RequestStatus.NEW and found.details["what"] == "found"
    card = (await outbox_texts(db, number))[-1]
    assert "Что случилось: найден после утери" in card
    assert "ключ отмечен найденным" in card


async def test_found_for_a_key_never_reported_lost_changes_nothing_in_english(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine, language="en")
    await open_flow(db, chat, SOFIA)
    await chat.press_key("key_loss.key_button", serial="3-7654321")
    before = await snapshot(db)
    await chat.press_key("key_loss.button_found")
    # golden: the exact wording (English, the person's language)
    assert "Key 3-7654321 was not reported lost or stolen (now: active)" in chat.text
    active = texts("en")("key_loss.status_active")
    refusal = chat.rendered_text("key_loss.not_reported_lost", serial="3-7654321", status=active)
    assert refusal.language == "en"
    assert await snapshot(db) == before


async def test_someone_elses_serial_is_refused_and_nothing_changes(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await open_flow(db, chat, PETROV)
    before = await snapshot(db)
    await chat.send("3-7654321")  # Sofia Furniture's key
    assert chat.said("key_loss.not_your_key", serial="3-7654321")
    await chat.send("9-9999999")  # nobody's: the very same answer
    assert chat.said("key_loss.not_your_key", serial="9-9999999")
    await chat.send("ключ потерялся")
    assert chat.said("key_loss.pick_key_hint")  # "... write its serial number"
    # A forged button naming Sofia's key.
    await chat.payload(encode("key_loss.key", await key_id(db, "3-7654321")))
    assert chat.said("key_loss.not_your_key_button")
    assert await snapshot(db) == before


async def test_someone_elses_serial_in_english(engine: Engine, db: Database) -> None:
    chat = Chat(engine, language="en")
    await open_flow(db, chat, SOFIA)
    before = await snapshot(db)
    await chat.send("M-100200")
    assert chat.rendered_text("key_loss.not_your_key", serial="M-100200").language == "en"
    assert await snapshot(db) == before


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_unlinked_person_files_an_unverified_report_and_the_key_is_untouched(
    engine: Engine, db: Database, language: str
) -> None:
    chat = Chat(engine, language=language)
    await open_flow(db, chat, None)
    # "... the request goes to a manager as unverified"
    assert chat.rendered_text("key_loss.pick_key_unlinked").language == language
    await chat.send("3-1234567")
    await chat.press_key("key_loss.button_stolen")
    # nothing happens to the key: no question before filing
    number = await last_request_id(db)
    assert chat.rendered_text("key_loss.unverified_filed", number=number).language == language
    assert await key_status(db, "3-1234567") == "active"

    filed = await request(db, number)
    assert not filed.verified and filed.customer_id is None and filed.key_id is None
    assert filed.status is RequestStatus.NEW
    card = (await outbox_texts(db, number))[-1]  # the managers' desk speaks Russian
    assert "НЕ подтверждён" in card
    assert "Ключ (номер со слов отправителя): 3-1234567" in card
    assert "ключ НЕ изменён" in card
    assert "клиента Иван Петров (ООО «Мебель-Про»)" in card


async def test_unlinked_report_of_an_unknown_serial(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_flow(db, chat, None)
    await chat.send("7-0000001")
    await chat.press_key("key_loss.button_lost")
    # nothing happens to the key: no question before filing
    card = (await outbox_texts(db, await last_request_id(db)))[-1]
    assert "В базе такого ключа нет" in card


@pytest.mark.parametrize(
    "payload",
    [
        encode("key_loss.what", "exploded"),
        encode("key_loss.what"),
        encode("key_loss.what", "lost", "extra"),
        encode("key_loss.later"),
        "1:key_loss.key:abc",
    ],
)
async def test_forged_buttons_at_what_happened_change_nothing(
    engine: Engine, db: Database, payload: str
) -> None:
    chat = Chat(engine)
    await open_flow(db, chat, PETROV)
    await chat.press_key("key_loss.key_button", serial="3-1234567")
    before = await snapshot(db)
    await chat.payload(payload)
    assert chat.said("key_loss.what_hint")  # "press a button: lost, stolen, broken or found"
    assert chat.said("key_loss.ask_what", serial="3-1234567")  # "What happened?" again
    assert await snapshot(db) == before


async def test_forged_continue_buttons_change_nothing(engine: Engine, db: Database) -> None:
    owner = Chat(engine, user_id="1")
    await open_flow(db, owner, SOFIA)
    await owner.press_key("key_loss.key_button", serial="3-7654321")
    await owner.press_key("key_loss.button_lost")
    await owner.press_key("key_loss.confirm_yes")
    number = await last_request_id(db)

    # Another customer presses the owner's "continue" buttons (both kinds).
    stranger = Chat(engine, user_id="2")
    await open_flow(db, stranger, PETROV)
    before = await snapshot(db)
    await stranger.payload(encode("go", "key_loss", "docs", number))
    assert stranger.said("key_loss.nothing_to_continue", number=number)
    await stranger.payload(encode("go", "key_loss", "docs", "x"))
    assert stranger.said("key_loss.pick_key")
    assert await snapshot(db) == before

    # The owner's own resume step refuses a number that is not theirs.
    await owner.send("/menu")
    await owner.press_key("key_loss.menu")
    await owner.payload(encode("key_loss.docs", number + 100))
    assert owner.said("key_loss.nothing_to_continue", number=number + 100)
    assert await snapshot(db) == before


async def test_a_stale_button_from_before_is_refused(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_flow(db, chat, PETROV)
    lost = encode("key_loss.what", "lost")
    await chat.send("/menu")
    before = await snapshot(db)
    await chat.payload(lost)
    assert chat.said("common.stale_button")
    assert await snapshot(db) == before

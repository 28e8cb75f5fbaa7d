"""Key loss: "I found a key I reported lost or stolen" (docs/rules.md#a-lost-key-found-again).

The answer follows the way the loss went (covered by the protection service, or
replacement with documents; lost or stolen) and how far the replacement got:

* replaced (the replacement request is done): the licenses are on the new key and do not
  come back to the found one (seed 000 p.7), the key is recorded as found;
* not replaced yet (the request waits for the customer, or managers have it): the bot asks
  to withdraw the report; "Yes" cancels the request and the key is back in service;
* the replacement request was rejected or withdrawn: the key is back in service on "Yes";
* no replacement request known: the managers decide, the key is left as it is.

The managers get a card saying which it was. A stolen key is never called lost."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.desk.cards import render_lines
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.i18n import texts
from handlers.policy import Policy
from storage import keys, requests
from storage.db import Database
from storage.models import KeyStatus, RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    NOW,
    PETROV,
    SIDOROVA,
    SOFIA,
    key_status,
    last_request_id,
    manager_done,
    open_key_loss,
    outbox_texts,
    report_key,
    request,
    send_file,
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


async def press_found(db: Database, chat: Chat, phone: str, serial: str) -> None:
    """Open the flow again (past any unfinished request) and press "Found" for ``serial``."""
    await open_key_loss(db, chat, phone)
    if "key_loss.other_key" in chat.keys:
        await chat.press_key("key_loss.other_key")
    await chat.press_key("key_loss.key_button", serial=serial)
    await chat.press_key("key_loss.button_found")


async def history_notes(db: Database, number: int) -> list[str]:
    """The bot's own history notes on request ``number``, as a Russian-speaking manager
    reads them."""
    async with db.unit() as unit:
        events = await requests.events(unit, number)
    lines = [event.note_line for event in events if event.note_line is not None]
    return render_lines(texts("ru"), lines, None)


def lines_of(card: str) -> str:
    """A card's lines under its header (the header names the kind of request: "loss, theft
    or breakage of a key")."""
    return card.split("\n", 1)[1].lower()


# -- not replaced yet: the report can be withdrawn ----------------------------------------


async def test_found_before_the_address_withdraws_the_report_and_the_key_is_back_in_the_run(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, PETROV, "3-1234567", "lost")
    await chat.send("/menu")  # left before the delivery address
    await press_found(db, chat, PETROV, "3-1234567")

    ru = texts("ru")
    back = chat.text_of("key_loss.back_in_run", date=ru.date(PROGRAMMED_UNTIL))
    # "Found before the replacement: request N is not done yet (waiting for the customer).
    # Withdraw the report of the loss? The key is back in the monthly prolongation …"
    assert chat.said(
        "key_loss.found_question",
        serial="3-1234567",
        number=number,
        status=ru("desk.status_waiting_customer"),
        report=ru("key_loss.report_lost"),
        service=back,
    )
    # Not restorable only once restored: nothing here says so.
    assert "key_loss.found_replaced_protected" not in chat.keys
    before = await snapshot(db)
    assert before["keys"]["3-1234567"] == "lost"

    await chat.press_key("key_loss.withdraw_yes")
    found = await last_request_id(db)
    assert chat.said(
        "key_loss.found_withdrawn", serial="3-1234567", number=number, found=found, service=back
    )
    assert await key_status(db, "3-1234567") == "active"  # prolonged on the 1st again
    loss = await request(db, number)
    assert loss.status is RequestStatus.CANCELLED
    async with db.unit() as unit:
        history = await requests.events(unit, number)
    assert (history[-1].to_status, history[-1].actor) == (RequestStatus.CANCELLED, "customer")
    assert await history_notes(db, number) == [
        f"Отозвана клиентом: ключ нашёлся до замены (заявка №{found})"
    ]
    # The loss request's card, sent again: cancelled, and why.
    loss_card = (await outbox_texts(db, number))[-1]
    assert "отменена" in loss_card
    assert f"Отозвана клиентом: ключ нашёлся до замены (заявка №{found})" in loss_card
    # The managers' card of the found report: what happened and what was done.
    assert (await request(db, found)).status is RequestStatus.NEW
    card = (await outbox_texts(db, found))[-1]
    for expected in (
        "Что случилось: найден после утери",
        f"Найден до замены: заявка №{number} (была: ждёт ответа клиента) отменена клиентом, "
        "ключ снова действует.",
        "Ключ вернулся в ежемесячное продление, прошит до: 01.12.2026",
    ):
        assert expected in card, expected


async def test_found_while_documents_are_awaited_no_keeps_the_report_in_english(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine, language="en")
    number = await report_key(db, chat, SOFIA, "3-7654321", "stolen")
    await chat.send("/menu")
    await press_found(db, chat, SOFIA, "3-7654321")
    en = texts("en")
    question = chat.rendered_text(
        "key_loss.found_question",
        number=number,
        status=en("desk.status_waiting_documents"),
        report=en("key_loss.report_stolen"),  # "of the theft", never "of the loss"
        service=en("key_loss.back_not_in_run"),
    )
    assert question.language == "en"
    assert "lost" not in question.text and "loss" not in question.text
    before = await snapshot(db)
    await chat.press_key("key_loss.withdraw_no")
    stolen = en("key_loss.status_stolen")
    assert chat.said("key_loss.unchanged", serial="3-7654321", status=stolen)
    assert await snapshot(db) == before

    await press_found(db, chat, SOFIA, "3-7654321")
    await chat.press_key("key_loss.withdraw_yes")
    assert await key_status(db, "3-7654321") == "active"
    assert (await request(db, number)).status is RequestStatus.CANCELLED
    found = await last_request_id(db)
    card = (await outbox_texts(db, found))[-1]
    assert "Что случилось: найден после кражи" in card
    assert "утер" not in lines_of(card)
    assert "утер" not in lines_of((await outbox_texts(db, number))[-1])
    assert all("утер" not in note for note in await history_notes(db, number))


async def test_found_while_a_manager_works_on_it_asks_too(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    assert (await request(db, number)).status is RequestStatus.NEW  # with the managers
    await press_found(db, chat, SIDOROVA, "M-100200")
    assert chat.said(
        "key_loss.found_question", number=number, status=texts("ru")("desk.status_new")
    )
    await chat.press_key("key_loss.withdraw_yes")
    assert (await request(db, number)).status is RequestStatus.CANCELLED
    assert await key_status(db, "M-100200") == "active"


async def test_found_after_a_lapsed_service_went_to_documents_is_not_told_the_licenses_are_gone(
    db: Database, policy: Policy, clock: Clock
) -> None:
    """The key still has the service flag, but its loss took the documents way: the answer
    follows the way the loss went, not the flag."""
    engine = await build(db, policy, clock, KeyLossFlow())
    clock.advance(days=30 + policy.protection.reconnect_after_days + 1)
    chat = Chat(engine)
    number = await report_key(db, chat, PETROV, "3-1234567", "lost")
    assert chat.said("key_loss.documents_marked")
    await chat.send("/menu")
    await press_found(db, chat, PETROV, "3-1234567")
    assert chat.said("key_loss.found_question", number=number)
    assert "key_loss.found_replaced_protected" not in chat.keys
    assert await key_status(db, "3-1234567") == "lost"


async def test_a_stale_withdraw_button_changes_nothing(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SOFIA, "3-7654321", "lost")
    await chat.send("/menu")
    await press_found(db, chat, SOFIA, "3-7654321")
    yes = chat.button_of("key_loss.withdraw_yes").payload
    before = await snapshot(db)
    await chat.payload(encode("key_loss.withdraw", yes.split(":")[2], number + 7))
    assert chat.said("common.stale_button")
    await chat.send("/menu")
    await chat.payload(yes)
    assert chat.said("common.stale_button")
    assert await snapshot(db) == before


async def test_replaced_meanwhile_the_yes_gets_the_replaced_answer(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, PETROV, "3-1234567", "lost")
    await chat.send("125009, Москва, ул. Тверская, д. 1")
    await chat.send("Петров И. И.")
    await press_found(db, chat, PETROV, "3-1234567")
    assert chat.said("key_loss.found_question", number=number)
    await manager_done(engine, number)  # the new key went out meanwhile
    await chat.press_key("key_loss.withdraw_yes")
    assert chat.said("key_loss.found_replaced_protected", number=number)
    assert (await request(db, number)).status is RequestStatus.DONE
    assert await key_status(db, "3-1234567") == "found"


# -- replaced: the licenses are on the new key ---------------------------------------------


async def test_found_after_the_licenses_were_restored_elsewhere(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, PETROV, "3-1234567", "stolen")
    await chat.send("125009, Москва, ул. Тверская, д. 1")
    await chat.send("Петров И. И.")
    await manager_done(engine, number)

    await press_found(db, chat, PETROV, "3-1234567")
    found = await last_request_id(db)
    # Seed 000 p.7: its licenses cannot be restored on it, it can carry new ones.
    assert chat.said(
        "key_loss.found_replaced_protected", serial="3-1234567", number=number, found=found
    )
    assert "key_loss.found_question" not in chat.keys
    assert await key_status(db, "3-1234567") == "found"
    card = (await outbox_texts(db, found))[-1]
    for expected in (
        "Что случилось: найден после кражи",
        f"Лицензии уже восстановлены на новом ключе по заявке №{number}",
        "может быть носителем новых лицензий",
    ):
        assert expected in card, expected
    assert "утер" not in lines_of(card)


async def test_found_after_the_licenses_were_moved_with_documents(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    await manager_done(engine, number)

    await press_found(db, chat, SIDOROVA, "M-100200")
    found = await last_request_id(db)
    # "moved to the new key; the license files of the found one must not be used (the
    # letter's obligation); a manager says whether it can carry new licenses"
    assert chat.said(
        "key_loss.found_replaced_documents", serial="M-100200", number=number, found=found
    )
    assert "key_loss.found_replaced_protected" not in chat.keys
    assert await key_status(db, "M-100200") == "found"
    card = (await outbox_texts(db, found))[-1]
    assert f"Лицензии уже перенесены на новый ключ по заявке №{number}" in card


# -- the replacement was rejected or withdrawn ---------------------------------------------


async def test_found_after_the_replacement_was_rejected_returns_the_key(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SOFIA, "3-7654321", "lost")
    async with db.unit() as unit:
        await requests.set_status(
            unit, number, RequestStatus.REJECTED, actor="manager:telegram:7", now=NOW
        )
    await press_found(db, chat, SOFIA, "3-7654321")
    ru = texts("ru")
    assert chat.said(
        "key_loss.found_question_closed",
        serial="3-7654321",
        number=number,
        status=ru("desk.status_rejected"),
    )
    await chat.press_key("key_loss.withdraw_yes")
    found = await last_request_id(db)
    assert chat.said("key_loss.found_returned", serial="3-7654321", found=found)
    assert await key_status(db, "3-7654321") == "active"
    assert (await request(db, number)).status is RequestStatus.REJECTED
    card = (await outbox_texts(db, found))[-1]
    assert f"Замена не выполнялась (заявка №{number}: отклонена), ключ снова действует." in card


# -- nothing known about a replacement -----------------------------------------------------


async def test_found_with_no_replacement_request_is_left_to_the_managers(
    engine: Engine, db: Database
) -> None:
    async with db.unit() as unit:
        key = await keys.by_serial(unit, "3-7654321")
        assert key is not None
        await keys.set_status(unit, key.id, KeyStatus.STOLEN, NOW)
    chat = Chat(engine)
    await press_found(db, chat, SOFIA, "3-7654321")
    found = await last_request_id(db)
    assert chat.said("key_loss.found_unknown", serial="3-7654321", number=found)
    assert await key_status(db, "3-7654321") == "stolen"
    card = (await outbox_texts(db, found))[-1]
    assert "Что случилось: найден после кражи" in card
    assert "Заявки на замену этого ключа нет" in card


# -- a stolen key is never called lost -----------------------------------------------------


async def test_a_stolen_key_is_never_called_lost(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await open_key_loss(db, chat, SIDOROVA)
    await chat.press_key("key_loss.key_button", serial="M-100200")
    await chat.press_key("key_loss.button_stolen")
    assert "утер" not in chat.text.lower()
    await chat.press_key("key_loss.confirm_yes")
    number = await last_request_id(db)
    # The documents for a theft: the letter notifies the theft, the act writes off a
    # stolen key.
    assert chat.said("key_loss.letter_item_stolen", serial="M-100200")
    assert chat.said("key_loss.act_item_stolen")
    assert "утер" not in chat.text.lower()
    await send_file(chat, "letter.pdf")
    assert "утер" not in chat.text.lower()
    await send_file(chat, "act.pdf")
    for card in await outbox_texts(db, number):
        assert "утер" not in lines_of(card), card
        assert "Что случилось: украден" in card
    # The key list and "what happened" name it stolen.
    await open_key_loss(db, chat, SIDOROVA)
    stolen = texts("ru")("key_loss.status_stolen")
    await chat.press_key("key_loss.key_button", serial="M-100200", status=stolen)
    assert chat.said("key_loss.ask_what", serial="M-100200", status=stolen)
    assert "утер" not in chat.text.lower()

"""Key loss, branch B (documents): the scans collected one by one, refusals of bad files,
leaving midway and continuing; and the time a request started waiting (the reminder's
input). Russian and English."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.policy import Policy
from storage import requests
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    MB,
    NOW,
    SIDOROVA,
    SOFIA,
    agree_if_asked,
    attachment_roles,
    key_status,
    last_request_id,
    link,
    outbox_texts,
    request,
    send_file,
    snapshot,
)
from tests.support.key_requests import demo_engine as build


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, KeyLossFlow())


async def report(db: Database, chat: Chat, phone: str, menu: str, key: str, what: str) -> int:
    await link(db, chat, phone)
    await chat.send("/menu")
    await chat.press(menu)
    await agree_if_asked(chat)
    await chat.press(key)
    await chat.press(what)
    return await last_request_id(db)


async def test_module_lost_documents_one_by_one_then_the_request_is_new(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Потерян")
    text = chat.text
    assert "замена — за ваш счёт: новый модуль защиты стоит 2\u00a0900\u00a0₽" in text
    assert "L-1004" in text
    assert "Письмо на официальном бланке компании об утере ключа (модуля) M-100200" in text
    assert "Акт о списании" in text
    assert "вернуть" not in text  # only a broken key must be returned
    assert f"Заявка №{number} ждёт документов" in text
    assert "Документ 1 из 2" in text
    assert await key_status(db, "M-100200") == "lost"

    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_DOCUMENTS
    assert filed.amount == Decimal("2900")
    first_card = (await outbox_texts(db, number))[0]
    assert "ждёт документы" in first_card and "Документы: ждём от клиента" in first_card

    # Text instead of a file: a hint, the question again, nothing recorded.
    before = await snapshot(db)
    await chat.send("сейчас пришлю")
    assert "Мне нужен файл — скан письма" in chat.text
    assert "Документ 1 из 2" in chat.text
    # A wrong type, an oversized file, an empty file, two at once: refused, nothing recorded.
    await send_file(chat, "letter.docx")
    assert "Такой тип файла я не принимаю" in chat.text and "PDF, JPG, JPEG, PNG" in chat.text
    await send_file(chat, "letter.pdf", size=10 * MB + 1)
    assert "больше 10 МБ" in chat.text
    await send_file(chat, "letter.pdf", size=0)
    assert "Файл пустой" in chat.text
    await send_file(chat, "letter.pdf", count=2)
    assert "по одному файлу" in chat.text
    assert await snapshot(db) == before

    await send_file(chat, "letter.pdf")
    assert "Получил: письмо на бланке компании (letter.pdf)" in chat.text
    assert "Документ 2 из 2" in chat.text
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS
    await send_file(chat, "act.PNG", size=10 * MB)  # exactly the limit is still accepted
    assert f"Заявка №{number} передана менеджерам" in chat.text

    assert await attachment_roles(db, number) == ["letter", "write_off_act"]
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    async with db.unit() as unit:
        history = await requests.events(unit, number)
    assert [(e.from_status, e.to_status, e.actor) for e in history] == [
        (None, RequestStatus.WAITING_DOCUMENTS, "customer"),
        (RequestStatus.WAITING_DOCUMENTS, RequestStatus.NEW, "customer"),
    ]
    card = (await outbox_texts(db, number))[-1]
    for expected in (
        "новая",
        "Ключ: M-100200 (модуль защиты)",
        "Новый модуль защиты: 2\u00a0900\u00a0₽",
        "Документы: получены",
        "Файлы (2): letter.pdf, act.PNG",
    ):
        assert expected in card, expected


async def test_broken_key_letter_must_promise_the_return(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Сломан")
    assert "и вернуть сломанный ключ" in chat.text
    assert await key_status(db, "M-100200") == "broken"


async def test_leaving_midway_and_continuing_later_in_english(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine, language="en")
    number = await report(db, chat, SOFIA, "Key lost, stolen or broken", "3-7654321", "Lost")
    assert "a new CodeMeter key costs RUB\u00a03,900" in chat.text
    await send_file(chat, "letter.jpg")
    assert "Document 2 of 2" in chat.text
    # The customer leaves: the request keeps waiting for documents.
    await chat.send("/menu")
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS

    clock.advance(days=2)
    await chat.press("Key lost, stolen or broken")
    assert f"#{number}, key 3-7654321: still missing — the act of write-off" in chat.text
    await chat.press(f"Continue request #{number}")
    assert "Document 2 of 2" in chat.text
    await send_file(chat, "act.pdf")
    assert f"Request #{number} has been passed to the managers" in chat.text
    assert (await request(db, number)).status is RequestStatus.NEW
    assert await attachment_roles(db, number) == ["letter", "write_off_act"]


async def test_later_button_and_the_send_documents_button_from_anywhere(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Потерян")
    await chat.press("Пришлю позже")
    assert f"Заявка №{number} ждёт документов; через 3 дня я напомню" in chat.text
    resume = chat.button(f"Продолжить заявку №{number}").payload
    assert resume == encode("go", "key_loss", "docs", number)
    await chat.send("/menu")
    await chat.payload(resume)
    assert "Документ 1 из 2" in chat.text
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    assert (await request(db, number)).status is RequestStatus.NEW

    # The same button once the request is complete: a clear answer, nothing changes.
    before = await snapshot(db)
    await chat.payload(resume)
    assert f"Заявка №{number} не ждёт от вас документов" in chat.text
    assert await snapshot(db) == before


async def test_a_request_closed_by_a_manager_takes_no_more_files(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Потерян")
    async with db.unit() as unit:
        await requests.set_status(
            unit, number, RequestStatus.REJECTED, actor="manager:telegram:7", now=NOW
        )
    before = await snapshot(db)
    await send_file(chat, "letter.pdf")
    assert "уже закрыта" in chat.text
    assert await snapshot(db) == before


async def test_waiting_documents_since_lists_what_the_reminder_needs(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    number = await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Потерян")
    filed = await request(db, number)
    async with db.unit() as unit:
        due = await requests.waiting_documents_since(unit, NOW + timedelta(days=3))
        not_yet = await requests.waiting_documents_since(unit, NOW - timedelta(seconds=1))
    assert [(w.request_id, w.account_id, w.since) for w in due] == [(number, filed.account_id, NOW)]
    assert not_yet == []

    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    async with db.unit() as unit:
        assert await requests.waiting_documents_since(unit, NOW + timedelta(days=3)) == []


async def test_scans_sent_outside_the_flow_continue_the_waiting_request(
    engine: Engine, db: Database
) -> None:
    """As the documents reminder says: send the scans in this chat, the request goes on."""
    chat = Chat(engine)
    number = await report(db, chat, SIDOROVA, "Утеря, кража, поломка ключа", "M-100200", "Потерян")
    await chat.send("/menu")
    await send_file(chat, "letter.pdf")
    assert "Документ 2 из 2" in chat.text
    await chat.send("/menu")
    await send_file(chat, "letter.docx")  # the wrong type is refused, nothing recorded
    assert await attachment_roles(db, number) == ["letter"]
    await send_file(chat, "act.pdf")
    assert (await request(db, number)).status is RequestStatus.NEW
    assert await attachment_roles(db, number) == ["letter", "write_off_act"]

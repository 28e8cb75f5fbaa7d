"""Key loss, branch B (documents): the scans collected one by one, refusals of bad files,
leaving midway and continuing; and the time a request started waiting (the reminder's
input). Russian and English.

The bot's replies are checked by catalogue key and values (``chat.said``), so rewording a
text in ``handlers/i18n`` does not break them; the asserts marked ``# golden`` check the
exact wording of a central message on purpose."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.i18n import texts
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
    attachment_roles,
    key_status,
    outbox_texts,
    report_key,
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


async def test_module_lost_documents_one_by_one_then_the_request_is_new(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    # golden: the exact wording
    assert "замена — за ваш счёт: новый модуль защиты стоит 2\u00a0900\u00a0₽" in chat.text
    assert chat.said(
        "key_loss.documents_marked",
        serial="M-100200",
        kind=chat.rendered_text("key_loss.kind_module").text,
        price=texts("ru").money(Decimal("2900")),
        licenses="L-1004",
        number=number,
    )
    assert chat.said("key_loss.letter_item", serial="M-100200")
    assert chat.said("key_loss.act_item_lost")
    assert "key_loss.letter_item_broken" not in chat.keys  # only a broken key is returned
    assert chat.said("key_loss.ask_letter")  # document 1 of 2
    assert await key_status(db, "M-100200") == "lost"

    filed = await request(db, number)
    assert filed.status is RequestStatus.WAITING_DOCUMENTS
    assert filed.amount == Decimal("2900")
    first_card = (await outbox_texts(db, number))[0]
    assert "ждёт документы" in first_card and "Документы: ждём от клиента" in first_card

    # Text instead of a file: a hint, the question again, nothing recorded.
    before = await snapshot(db)
    await chat.send("сейчас пришлю")
    assert chat.said("key_loss.letter_hint")
    assert chat.said("key_loss.ask_letter")
    # A wrong type, an oversized file, an empty file, two at once: refused, nothing recorded.
    await send_file(chat, "letter.docx")
    assert chat.said("uploads.wrong_type", types="PDF, JPG, JPEG, PNG")
    await send_file(chat, "letter.pdf", size=10 * MB + 1)
    assert chat.said("uploads.too_large", max_mb=10)
    await send_file(chat, "letter.pdf", size=0)
    assert chat.said("uploads.empty")
    await send_file(chat, "letter.pdf", count=2)
    assert chat.said("key_loss.one_at_a_time")
    assert await snapshot(db) == before

    await send_file(chat, "letter.pdf")
    letter = chat.rendered_text("key_loss.document_letter").text
    assert chat.said("key_loss.document_received", document=letter, name="letter.pdf")
    assert chat.said("key_loss.ask_act")  # document 2 of 2
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS
    await send_file(chat, "act.PNG", size=10 * MB)  # exactly the limit is still accepted
    assert chat.said("key_loss.documents_filed", number=number)

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
    await report_key(db, chat, SIDOROVA, "M-100200", "broken")
    assert chat.said("key_loss.letter_item_broken", serial="M-100200")
    assert await key_status(db, "M-100200") == "broken"


async def test_leaving_midway_and_continuing_later_in_english(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine, language="en")
    number = await report_key(db, chat, SOFIA, "3-7654321", "lost")
    en = texts("en")
    marked = chat.rendered_text(
        "key_loss.documents_marked",
        kind=en("key_loss.kind_codemeter"),
        price=en.money(Decimal("3900")),
    )
    assert marked.language == "en"
    await send_file(chat, "letter.jpg")
    assert chat.rendered_text("key_loss.ask_act").language == "en"  # document 2 of 2
    # The customer leaves: the request keeps waiting for documents.
    await chat.send("/menu")
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS

    clock.advance(days=2)
    await chat.press_key("key_loss.menu")
    missing = en("key_loss.document_write_off_act")
    line = chat.rendered_text(
        "key_loss.resume_line", number=number, serial="3-7654321", missing=missing
    )
    assert line.language == "en"
    await chat.press_key("key_loss.continue_button", number=number)
    assert chat.rendered_text("key_loss.ask_act").language == "en"
    await send_file(chat, "act.pdf")
    assert chat.rendered_text("key_loss.documents_filed", number=number).language == "en"
    assert (await request(db, number)).status is RequestStatus.NEW
    assert await attachment_roles(db, number) == ["letter", "write_off_act"]


async def test_later_button_and_the_send_documents_button_from_anywhere(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    await chat.press_key("key_loss.later")
    assert chat.said("key_loss.later_text", number=number, days=3)
    resume = chat.button_of("key_loss.continue_button", number=number).payload
    assert resume == encode("go", "key_loss", "docs", number)
    await chat.send("/menu")
    await chat.payload(resume)
    assert chat.said("key_loss.ask_letter")  # document 1 of 2
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    assert (await request(db, number)).status is RequestStatus.NEW

    # The same button once the request is complete: a clear answer, nothing changes.
    before = await snapshot(db)
    await chat.payload(resume)
    assert chat.said("key_loss.nothing_to_continue", number=number)
    assert await snapshot(db) == before


async def test_a_request_closed_by_a_manager_takes_no_more_files(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    async with db.unit() as unit:
        await requests.set_status(
            unit, number, RequestStatus.REJECTED, actor="manager:telegram:7", now=NOW
        )
    before = await snapshot(db)
    await send_file(chat, "letter.pdf")
    assert chat.said("key_loss.request_closed")
    assert await snapshot(db) == before


async def test_waiting_documents_since_lists_what_the_reminder_needs(
    engine: Engine, db: Database, clock: Clock
) -> None:
    chat = Chat(engine)
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
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
    number = await report_key(db, chat, SIDOROVA, "M-100200", "lost")
    await chat.send("/menu")
    await send_file(chat, "letter.pdf")
    assert chat.said("key_loss.ask_act")  # document 2 of 2
    await chat.send("/menu")
    await send_file(chat, "letter.docx")  # the wrong type is refused, nothing recorded
    assert await attachment_roles(db, number) == ["letter"]
    await send_file(chat, "act.pdf")
    assert (await request(db, number)).status is RequestStatus.NEW
    assert await attachment_roles(db, number) == ["letter", "write_off_act"]

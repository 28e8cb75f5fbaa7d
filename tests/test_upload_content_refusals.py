"""A file refused by its content once downloaded (after the step that said "received"):
it leaves the request as if never sent, the customer is told through the outbox, and a
request the file had completed waits for documents again (key loss, branch B)."""

from __future__ import annotations

import json

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.flow import KeyLossFlow
from handlers.i18n import recording_texts
from handlers.policy import Policy
from storage import downloads, requests
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock, first_rendered
from tests.support.key_requests import (
    NOW,
    SIDOROVA,
    agree_if_asked,
    attachment_roles,
    last_request_id,
    link,
    outbox_rows,
    request,
    send_file,
)
from tests.support.key_requests import demo_engine as build


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, KeyLossFlow())


async def module_lost(db: Database, chat: Chat) -> int:
    """Sidorova reports her module lost: a request waiting for the letter and the act."""
    await link(db, chat, SIDOROVA)
    await chat.send("/menu")
    await chat.press_key("key_loss.menu")
    await agree_if_asked(chat)
    await chat.press_key("key_loss.key_button", serial="M-100200")
    await chat.press_key("key_loss.button_lost")
    await chat.press_key("key_loss.confirm_yes")
    return await last_request_id(db)


async def attachment_id(db: Database, request_id: int, role: str) -> int:
    async with db.unit() as unit:
        found = [a.id for a in await requests.attachments(unit, request_id) if a.role == role]
    assert len(found) == 1
    return found[0]


async def test_a_refused_act_sends_the_handed_over_request_back_to_waiting(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await module_lost(db, chat)
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.png")
    assert chat.said("key_loss.documents_filed", number=number)
    assert (await request(db, number)).status is RequestStatus.NEW
    before = len(await outbox_rows(db))

    act = await attachment_id(db, number, "write_off_act")
    with recording_texts() as said:
        assert await engine.refuse_upload(act)

    assert await attachment_roles(db, number) == ["letter"]
    reopened = await request(db, number)
    assert reopened.status is RequestStatus.WAITING_DOCUMENTS
    assert reopened.details["awaiting"] == "documents"
    async with db.unit() as unit:
        history = await requests.events(unit, number)
    assert [(e.actor, e.from_status, e.to_status, e.note, e.note_line) for e in history[-2:]] == [
        ("system", None, None, "act.png", ("history.file_refused", {"format": "PNG"})),
        ("system", RequestStatus.NEW, RequestStatus.WAITING_DOCUMENTS, "", None),
    ]
    sent = (await outbox_rows(db))[before:]
    to_customer = [row for row in sent if row["chat_id"] == chat.user_id]
    to_managers = [row for row in sent if row["chat_id"] != chat.user_id]
    [answer] = to_customer
    # "The file act.png is not a PNG … I did not add it to request №N"
    refusal = first_rendered(
        said, "uploads.wrong_content", name="act.png", format="PNG", number=number
    )
    assert (refusal.language, answer["text"]) == ("ru", refusal.text)
    assert answer["text"].startswith("Файл act.png — не PNG")  # golden: the exact wording
    payloads = [payload for row in json.loads(answer["buttons"]) for _, payload in row]
    assert payloads == [encode("go", "key_loss", "docs", number), encode("menu")]
    note, card = (row["text"] for row in to_managers)
    told = first_rendered(
        said, "uploads.refused_to_managers", number=number, name="act.png", format="PNG"
    )
    assert note == told.text
    assert "ждёт документы" in card and "Документы: ждём от клиента" in card
    assert "Файлы (1): letter.pdf" in card

    # Refused once: a second refusal of the same file (a retried round) changes nothing.
    assert not await engine.refuse_upload(act)

    # The customer simply sends the act again: it completes the request once more.
    await send_file(chat, "act.pdf")
    assert chat.said("key_loss.documents_filed", number=number)
    assert await attachment_roles(db, number) == ["letter", "write_off_act"]
    assert (await request(db, number)).status is RequestStatus.NEW


async def test_a_letter_refused_midway_is_asked_for_again_after_the_act(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    number = await module_lost(db, chat)
    await send_file(chat, "letter.pdf")
    assert chat.said("key_loss.ask_act")  # document 2 of 2

    assert await engine.refuse_upload(await attachment_id(db, number, "letter"))
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS

    await send_file(chat, "act.png")
    assert chat.said("key_loss.ask_letter")  # document 1 of 2: the letter, again
    assert (await request(db, number)).status is RequestStatus.WAITING_DOCUMENTS
    await send_file(chat, "letter.jpg")
    assert chat.said("key_loss.documents_filed", number=number)


async def test_a_stored_file_is_not_refused(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    number = await module_lost(db, chat)
    await send_file(chat, "letter.pdf")
    letter = await attachment_id(db, number, "letter")
    async with db.unit() as unit:
        await downloads.mark_stored(unit, letter, "/files/1/stored.pdf")
    before = len(await outbox_rows(db))

    assert not await engine.refuse_upload(letter)

    assert await attachment_roles(db, number) == ["letter"]
    assert len(await outbox_rows(db)) == before

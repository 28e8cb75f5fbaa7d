"""Transfer requests waiting for documents (docs/rules.md#license-transfer): the "send
documents" button works from anywhere but only for its owner, and a request a manager closed
takes no more files. English and Russian."""

from __future__ import annotations

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from storage import requests
from storage.db import Database
from storage.models import RequestStatus
from tests.support import key_requests
from tests.support.chat import Chat
from tests.support.key_requests import (
    NOW,
    agree_if_asked,
    last_request_id,
    request,
    send_file,
    sidorova_until_modules,
    snapshot,
)

#: The transfer tests' fixtures: the clock at NOW, the transfer flows on the demo data.
clock, engine = key_requests.clock, key_requests.transfer_engine


async def test_the_send_documents_button_works_from_anywhere_and_only_for_its_owner(
    engine: Engine, db: Database
) -> None:
    owner = Chat(engine, user_id="1", language="en")
    await owner.send("/start")
    await owner.press_key("transfer.menu")
    await agree_if_asked(owner)
    await owner.press_key("transfer.operation_button_move")
    await owner.send("Basis-Furniture")
    await owner.send("L-2001")
    await owner.send("2")
    await owner.send("3-5550001")
    await owner.press_key("transfer.no_order")
    await owner.press_key("transfer.no")
    number = await last_request_id(db)
    await owner.press_key("transfer.later")
    # golden: the exact wording (English, the person's language)
    assert f"Request #{number} is waiting for the documents; I will remind you" in owner.text
    assert owner.said("transfer.later_text", number=number)
    resume = owner.button_of("transfer.continue_button", number=number).payload
    assert resume == encode("go", "transfer", "docs", number)

    # Someone else's chat with the owner's button (forwarded, forged): nothing to continue.
    stranger = Chat(engine, user_id="2", language="en")
    await stranger.send("/start")
    await stranger.press_key("transfer.menu")
    await agree_if_asked(stranger)
    before = await snapshot(db)
    await stranger.payload(resume)
    assert stranger.rendered_text("transfer.nothing_to_continue", number=number).language == "en"
    assert stranger.rendered_text("transfer.ask_operation").language == "en"
    await stranger.payload(encode("go", "transfer", "docs", "x"))
    assert "transfer.nothing_to_continue" not in stranger.keys
    assert stranger.rendered_text("transfer.ask_operation").language == "en"
    assert await snapshot(db) == before

    # The owner, from the main menu, is taken to the missing letter.
    await owner.send("/menu")
    await owner.payload(resume)
    assert owner.rendered_text("transfer.ask_letter").language == "en"
    await send_file(owner, "letter.pdf")
    await send_file(owner, "L-2001.WibuCmRaU")
    await owner.press_key("transfer.files_done")
    assert owner.rendered_text("transfer.filed", number=number).language == "en"
    assert (await request(db, number)).status is RequestStatus.NEW

    # The same button once the request is complete: a clear answer, nothing changes.
    before = await snapshot(db)
    await owner.payload(resume)
    assert owner.rendered_text("transfer.nothing_to_continue", number=number).language == "en"
    assert await snapshot(db) == before


async def test_a_transfer_closed_by_a_manager_takes_no_more_files(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    await chat.press_key("transfer.no")
    number = await last_request_id(db)
    async with db.unit() as unit:
        await requests.set_status(
            unit, number, RequestStatus.REJECTED, actor="manager:telegram:7", now=NOW
        )
    before = await snapshot(db)
    await send_file(chat, "letter.pdf")
    assert chat.said("transfer.request_closed")
    assert await snapshot(db) == before
    await chat.send("/menu")
    await chat.press_key("transfer.menu")
    # a closed request is not offered to continue
    assert "transfer.resume_title" not in chat.keys
    assert chat.said("transfer.ask_operation")

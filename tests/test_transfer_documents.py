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
    snapshot,
)
from tests.test_transfer_flow import MENU_EN, MENU_RU, sidorova_until_modules

#: The transfer tests' fixtures: the clock at NOW, the transfer flows on the demo data.
clock, engine = key_requests.clock, key_requests.transfer_engine


async def test_the_send_documents_button_works_from_anywhere_and_only_for_its_owner(
    engine: Engine, db: Database
) -> None:
    owner = Chat(engine, user_id="1", language="en")
    await owner.send("/start")
    await owner.press(MENU_EN)
    await agree_if_asked(owner)
    await owner.press("Move from one")
    await owner.send("Basis-Furniture")
    await owner.send("L-2001")
    await owner.send("2")
    await owner.send("3-5550001")
    await owner.press("Not needed")
    await owner.press("No")
    number = await last_request_id(db)
    await owner.press("I'll send them later")
    assert f"Request #{number} is waiting for the documents; I will remind you" in owner.text
    resume = owner.button(f"Continue request #{number}").payload
    assert resume == encode("go", "transfer", "docs", number)

    # Someone else's chat with the owner's button (forwarded, forged): nothing to continue.
    stranger = Chat(engine, user_id="2", language="en")
    await stranger.send("/start")
    await stranger.press(MENU_EN)
    await agree_if_asked(stranger)
    before = await snapshot(db)
    await stranger.payload(resume)
    assert f"Request #{number} is not waiting for documents from you." in stranger.text
    assert "What needs to be done with the licenses?" in stranger.text
    await stranger.payload(encode("go", "transfer", "docs", "x"))
    assert "not waiting" not in stranger.text
    assert "What needs to be done with the licenses?" in stranger.text
    assert await snapshot(db) == before

    # The owner, from the main menu, is taken to the missing letter.
    await owner.send("/menu")
    await owner.payload(resume)
    assert "Send the scan of this letter" in owner.text
    await send_file(owner, "letter.pdf")
    await send_file(owner, "L-2001.WibuCmRaU")
    await owner.press("That's all")
    assert f"Request #{number} has been passed to the managers" in owner.text
    assert (await request(db, number)).status is RequestStatus.NEW

    # The same button once the request is complete: a clear answer, nothing changes.
    before = await snapshot(db)
    await owner.payload(resume)
    assert f"Request #{number} is not waiting for documents from you." in owner.text
    assert await snapshot(db) == before


async def test_a_transfer_closed_by_a_manager_takes_no_more_files(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await sidorova_until_modules(db, chat)
    await chat.press("Нет")
    number = await last_request_id(db)
    async with db.unit() as unit:
        await requests.set_status(
            unit, number, RequestStatus.REJECTED, actor="manager:telegram:7", now=NOW
        )
    before = await snapshot(db)
    await send_file(chat, "letter.pdf")
    assert "Эта заявка уже закрыта, ничего не сохранено" in chat.text
    assert await snapshot(db) == before
    await chat.send("/menu")
    await chat.press(MENU_RU)
    assert "незаконченные" not in chat.text  # a closed request is not offered to continue
    assert "Что нужно сделать с лицензиями?" in chat.text

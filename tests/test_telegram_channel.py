"""The Telegram channel through a real aiogram Dispatcher and Bot on a recording session:
what customers see (escaped text, keyboards, the phone button, files), button answers,
who counts as a manager, and updates handled exactly once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from handlers.policy import Policy
from storage import inbox, requests
from storage.db import Database
from storage.models import Platform
from tests.support.telegram_fakes import FakeTelegram
from tests.support.telegram_world import CUSTOMER, MANAGER, MANAGER_CHAT, OTHER, World, make_world


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> World:
    return await make_world(db, policy, tmp_path)


async def counts(db: Database) -> dict[str, int]:
    async with db.unit() as unit:
        return {
            table: (await unit.fetchone(f"SELECT COUNT(*) FROM {table}"))[0]
            for table in ("requests", "request_events", "outbox", "attachments", "conversations")
        }


@pytest.mark.parametrize(
    ("language", "greeting", "menu"),
    [
        ("ru", "Здравствуйте", "Главное меню"),
        ("en", "Hello", "Main menu"),
    ],
)
async def test_start_shows_the_menu_as_an_inline_keyboard(
    world: World, language: str, greeting: str, menu: str
) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/start", language=language))
    sent = world.fake.to(CUSTOMER)
    assert greeting in sent[0].plain
    assert any(menu in s.plain for s in sent)
    keyboard = [s for s in sent if s.buttons]
    assert keyboard and all(len(data.encode()) <= 64 for s in keyboard for _, data in s.buttons)
    params = world.calls("sendMessage")[0]
    assert params["parse_mode"] == "HTML"


async def test_customer_text_is_escaped_so_html_never_breaks_a_message(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/phone", language="en"))
    # The flow's own "<please>" must arrive as text, not as a (broken) HTML tag.
    asked = world.fake.last(CUSTOMER, "Share your phone")
    assert asked.text == "Share your phone &lt;please&gt;"
    assert asked.plain == "Share your phone <please>"


async def test_phone_button_asks_for_the_contact_and_own_contact_is_taken(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/phone", language="en"))
    asked = world.fake.last(CUSTOMER, "Share your phone")
    assert asked.contact_button
    assert (asked.markup or {}).get("keyboard")[0][0]["text"] == "📱 Share my phone number"

    await world.feed(world.fake.contact(CUSTOMER, "+79990001122", owner=CUSTOMER))
    assert "Your phone +79990001122 is noted." in world.fake.texts(CUSTOMER)


async def test_someone_elses_contact_is_refused(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/phone", language="ru"))
    assert world.fake.last(CUSTOMER, "Share").markup["keyboard"][0][0]["text"] == (
        "📱 Отправить мой номер телефона"
    )
    await world.feed(world.fake.contact(CUSTOMER, "+79990001122", owner=OTHER))
    assert world.fake.texts(CUSTOMER)[-1] == "That is not your own contact; nothing was saved."
    await world.feed(world.fake.contact(CUSTOMER, "+79990001122", owner=None))
    assert world.fake.texts(CUSTOMER)[-1] == "That is not your own contact; nothing was saved."


async def test_every_button_press_is_answered(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/start", language="en"))
    menu = world.fake.with_button(CUSTOMER, "Help")
    await world.feed(world.fake.press(CUSTOMER, menu, "Help", language="en"))
    await world.feed(world.fake.press(CUSTOMER, menu, "", data="1:nonsense:!!"))
    assert len(world.fake.callback_answers) == 2
    assert "I don't recognise this button" in world.fake.texts(CUSTOMER)[-2]


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_every_menu_entry_renders_in_telegram(world: World, language: str) -> None:
    """Each flow of the main menu opens and shows what Telegram accepts (escaped HTML,
    under 4,096 characters, callback data under 64 bytes — the fake refuses otherwise)."""
    await world.feed(world.fake.message(CUSTOMER, "/start", language=language))
    menu = world.fake.with_button(CUSTOMER, "")
    entries = [(label, data) for label, data in menu.buttons if data.startswith("1:go:")]
    assert entries
    for label, data in entries:
        before = len(world.fake.to(CUSTOMER))
        await world.feed(world.fake.press(CUSTOMER, menu, label, language=language, data=data))
        assert len(world.fake.to(CUSTOMER)) > before, label
        await world.feed(world.fake.message(CUSTOMER, "/cancel", language=language))


async def test_document_is_downloaded_under_a_generated_name(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/upload", language="en"))
    await world.feed(world.fake.document(CUSTOMER, "../../etc/passwd.pdf", b"%PDF-1.4 scan"))
    assert world.fake.texts(CUSTOMER)[-1] == "Received ../../etc/passwd.pdf."
    assert await world.files.fetch_pending() == 1
    async with world.db.unit() as unit:
        row = await unit.fetchone("SELECT original_name, stored_path FROM attachments")
    stored = Path(row["stored_path"])
    assert row["original_name"] == "../../etc/passwd.pdf"
    assert stored.parent.parent == world.files_dir
    assert stored.suffix == ".pdf" and "passwd" not in stored.name
    assert stored.read_bytes() == b"%PDF-1.4 scan"
    assert await world.files.fetch_pending() == 0  # stored once


async def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


async def test_a_program_named_pdf_is_refused_once_downloaded(world: World) -> None:
    """The content is checked when the bytes are in, after the step said "received": the
    answer comes through the outbox, the file is deleted and the request does not count it."""
    await world.feed(world.fake.message(CUSTOMER, "/upload", language="en"))
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64)
    await world.feed(world.fake.document(CUSTOMER, "scan.pdf", program, language="en"))
    assert world.fake.texts(CUSTOMER)[-1] == "Received scan.pdf."

    assert await world.files.fetch_pending() == 0
    await world.sender.drain(until=5)

    answer = world.fake.texts(CUSTOMER)[-1]
    assert answer.startswith("The file scan.pdf is not really PDF")
    assert "request #1" in answer and "PDF, JPG, JPEG, PNG, up to 10 MB" in answer
    note = world.fake.last(MANAGER_CHAT, "scan.pdf")
    assert "Заявка №1" in note.plain and "не PDF" in note.plain
    async with world.db.unit() as unit:
        assert await unit.fetchall("SELECT id FROM attachments") == []
        [event] = [e for e in await requests.events(unit, 1) if e.actor == "system"]
    assert (event.note, event.note_line) == (
        "scan.pdf",
        ("history.file_refused", {"format": "PDF"}),
    )
    assert await files_in(world.files_dir) == []
    assert await world.files.fetch_pending() == 0  # refused once, not downloaded again


async def test_a_real_png_passes_the_content_check(world: World) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(16)
    await world.feed(world.fake.message(CUSTOMER, "/upload", language="en"))
    await world.feed(world.fake.document(CUSTOMER, "act.png", png, language="en"))
    assert await world.files.fetch_pending() == 1
    [stored] = await files_in(world.files_dir)
    assert stored.read_bytes() == png and stored.suffix == ".png"


async def test_file_over_twenty_megabytes_gets_an_answer_and_changes_nothing(
    world: World,
) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/upload", language="en"))
    before = await counts(world.db)
    await world.feed(
        world.fake.document(CUSTOMER, "backup.pdf", b"x", size=21 * 1024 * 1024, language="en")
    )
    answer = world.fake.texts(CUSTOMER)[-1]
    assert "larger than 20 MB" in answer and "e-mail" in answer
    assert await counts(world.db) == before


async def test_non_manager_pressing_a_card_button_in_the_manager_chat_changes_nothing(
    world: World,
) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/ask", language="en"))
    await world.feed(world.fake.message(CUSTOMER, "How do I move my license?", language="en"))
    card = world.fake.with_button(MANAGER_CHAT, "Взять")
    before = await counts(world.db)
    stranger = 555
    await world.feed(world.fake.press(stranger, card, "Взять", language="en"))
    assert (
        world.fake.callback_answers[-1]["text"] == "This is for managers only. Nothing has changed."
    )
    assert world.fake.callback_answers[-1]["show_alert"] in (True, "true")
    assert await counts(world.db) == before
    # …and a stranger's message in the manager chat is simply not a conversation.
    sent_before = len(world.fake.sent)
    await world.feed(world.fake.message(stranger, "/open", chat_id=MANAGER_CHAT))
    assert len(world.fake.sent) == sent_before


async def test_forged_manager_button_in_a_private_chat_is_refused(world: World) -> None:
    await world.feed(world.fake.message(CUSTOMER, "/ask", language="en"))
    await world.feed(world.fake.message(CUSTOMER, "Question", language="en"))
    before = await counts(world.db)
    menu = world.fake.last(CUSTOMER)
    await world.feed(world.fake.press(CUSTOMER, menu, "", data="1:desk.take:1", language="en"))
    assert "managers only" in world.fake.texts(CUSTOMER)[-2]
    assert await counts(world.db) == before


async def test_members_of_the_manager_chat_are_managers_when_no_ids_are_set(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, members={MANAGER: "member"})
    world = await make_world(db, policy, tmp_path, fake=fake, manager_ids=())
    assert await world.channel.managers.is_manager(MANAGER)
    assert not await world.channel.managers.is_manager(CUSTOMER)
    assert await world.channel.managers.is_manager(MANAGER)  # cached: asked once
    asked = [p["user_id"] for p in world.calls("getChatMember")]
    assert asked == [MANAGER, CUSTOMER]


async def test_nobody_is_a_manager_when_neither_ids_nor_chat_is_set(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    world = await make_world(db, policy, tmp_path, manager_ids=(), manager_chat=None)
    assert not await world.channel.managers.is_manager(MANAGER)
    assert world.calls("getChatMember") == []


# -- exactly once -------------------------------------------------------------------------


async def test_a_redelivered_update_changes_nothing(world: World) -> None:
    update = world.fake.message(CUSTOMER, "/ask", language="en")
    await world.feed(update)
    question = world.fake.message(CUSTOMER, "Where is my invoice?", language="en")
    await world.feed(question)
    before, sent = await counts(world.db), len(world.fake.sent)
    await world.deliver(question, update)  # Telegram sends both again
    assert await counts(world.db) == before
    assert len(world.fake.sent) == sent


async def test_answers_owed_after_a_stop_are_sent_without_handling_again(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """The bot stopped after the step committed but before its answers went out."""
    await world.feed(world.fake.message(CUSTOMER, "/ask", language="en"))
    world.fake.fail_next("sendMessage", 500, "Internal Server Error")
    world.channel.courier.stopping.set()  # stopping: the retry is abandoned
    from bot.channels.telegram.polling import store_updates

    update = world.fake.message(CUSTOMER, "Is support included?", language="en")
    await store_updates(world.db, [update], now=world.clock())
    await world.processor.drain()
    async with world.db.unit() as unit:
        status = await inbox.status_of(unit, Platform.TELEGRAM, str(update["update_id"]))
    assert status == "handled"
    requests_before = (await counts(world.db))["requests"]

    world.channel.courier.stopping.clear()
    restarted = await make_world(
        world.db, world.engine.policy, world.files_dir.parent, fake=world.fake, demo=False
    )
    with caplog.at_level(logging.WARNING):
        await restarted.processor.drain()
    assert any("sending its answers again" in r.message for r in caplog.records)
    assert world.fake.texts(CUSTOMER)[-1].startswith("Question #")
    assert (await counts(world.db))["requests"] == requests_before  # not filed twice


async def test_a_restart_sends_only_the_answers_not_yet_sent(world: World) -> None:
    """Killed between the greeting and the menu: after the restart the menu comes, and the
    greeting (already delivered) is not sent a second time."""
    from bot.channels.telegram.polling import store_updates

    world.fake.fail_next("sendMessage", 500, "Internal Server Error", after=1)
    world.channel.courier.stopping.set()  # stopping: the failed menu stays owed
    update = world.fake.message(CUSTOMER, "/start", language="en")
    await store_updates(world.db, [update], now=world.clock())
    await world.processor.drain()
    greetings = [t for t in world.fake.texts(CUSTOMER) if t.startswith("Hello")]
    assert len(greetings) == 1
    assert not any("Main menu" in t for t in world.fake.texts(CUSTOMER))

    world.channel.courier.stopping.clear()
    restarted = await make_world(
        world.db, world.engine.policy, world.files_dir.parent, fake=world.fake, demo=False
    )
    await restarted.processor.drain()
    texts = world.fake.texts(CUSTOMER)
    assert len([t for t in texts if t.startswith("Hello")]) == 1
    assert len([t for t in texts if "Main menu" in t]) == 1
    async with world.db.unit() as unit:
        status = await inbox.status_of(unit, Platform.TELEGRAM, str(update["update_id"]))
    assert status == "done"


async def test_an_update_that_keeps_failing_is_set_aside_and_others_go_on(
    world: World, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = world.engine.handle

    async def flaky(message, **kwargs):  # type: ignore[no-untyped-def]
        if message.text == "poison":
            raise RuntimeError("a bug in a flow")
        return await original(message, **kwargs)

    monkeypatch.setattr(world.engine, "handle", flaky)
    with caplog.at_level(logging.WARNING):
        await world.deliver(
            world.fake.message(CUSTOMER, "poison", language="en"),
            world.fake.message(OTHER, "/start", language="en"),
        )
        await world.deliver(world.fake.message(CUSTOMER, "/start", language="en"))
    async with world.db.unit() as unit:
        aside = await inbox.set_aside(unit, Platform.TELEGRAM)
    assert len(aside) == 1 and aside[0].tries == world.processor.max_tries
    assert "a bug in a flow" in (aside[0].last_error or "")
    assert any("set aside" in r.message for r in caplog.records if r.levelname == "ERROR")
    assert any("could not process your message" in t for t in world.fake.texts(CUSTOMER))
    assert any(aside[0].update_key in t and "отложено" in t for t in world.fake.texts(MANAGER_CHAT))
    assert any("Main menu" in t for t in world.fake.texts(OTHER))
    assert any("Main menu" in t for t in world.fake.texts(CUSTOMER))  # the chat goes on

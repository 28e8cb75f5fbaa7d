"""``/announce`` in the manager chat (docs/rules.md#announcements): the draft with its texts,
button and filters, the recipients counted filter by filter and per language, the
preview, the test send to the manager, and sending to the audience in the bulk lane; a
customer's "Renew support" opens the quote of their own license and counts as pressed."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from storage import announcements
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.announce_desk import PETROV, SIDOROVA, SOFIA, GroupChat, linked, manager, queued
from tests.support.chat import Chat

clock, engine = desk_world.clock, desk_world.engine


@pytest.fixture
async def customers(engine: Engine, db: Database) -> dict[str, Chat]:
    """Petrov in Telegram (ru), Sofia's company in Telegram (en), Sidorova in VK (ru) and a
    stranger in Telegram (bg, not linked)."""
    return {
        "petrov": await linked(db, engine, "1001", PETROV),
        "sofia": await linked(db, engine, "1002", SOFIA, language="en"),
        "sidorova": await linked(db, engine, "2003", SIDOROVA, platform=Platform.VK),
        "stranger": await linked(db, engine, "1009", None, language="bg"),
    }


async def write_text(desk: GroupChat, language: str, text: str) -> None:
    await desk.press_key("announce.edit_text", language=language.upper())
    assert desk.said("announce.ask_text")
    await desk.send(text)


async def test_the_draft_counts_its_recipients_filter_by_filter(
    engine: Engine, customers: dict[str, Chat]
) -> None:
    desk = manager(engine)
    await desk.send("/announce")
    assert desk.said("announce.title")
    # The four customers' chats; the manager's own is the desk's, not an audience.
    assert desk.said("announce.stage_reachable", count=4)
    assert desk.said("announce.recipients", count=0)  # no text yet: nobody gets anything

    await write_text(desk, "ru", "Вышла новая версия")
    assert desk.said("announce.text_line")
    assert desk.said("announce.left_out", count=2)  # en and bg chats: no text, no fallback
    assert desk.said("announce.recipients", count=2)

    await desk.press_key("announce.change_fallback")  # → Russian
    assert desk.said("announce.fallback_line")
    assert desk.said("announce.recipients", count=4)

    await desk.press_key("announce.change_linked")
    assert desk.said("announce.stage_linked", count=3)
    await desk.press_key("announce.change_platform")  # → Telegram
    assert desk.said("announce.stage_platform", count=3)
    assert desk.said("announce.stage_linked", count=2)
    await desk.press_key("announce.change_platform")  # → VK
    await desk.press_key("announce.change_platform")  # → any
    await desk.press_key("announce.change_support")  # → active
    assert desk.said("announce.stage_support", count=2)  # Petrov's L-1002, Sofia's L-1003
    await desk.press_key("announce.change_support")  # → ends within 30 days
    assert desk.said("announce.support_ends_within", days=30)
    await desk.press_key("announce.change_days", days=30)
    assert desk.said("announce.ask_days")
    await desk.send("0")
    assert desk.said("announce.days_hint")
    await desk.send("7")
    assert desk.said("announce.support_ends_within", days=7)
    assert desk.said("announce.stage_support", count=1)  # Sofia's L-1003 ends today
    await desk.press_key("announce.change_support")  # → lapsed
    assert desk.said("announce.stage_support", count=2)  # Petrov's L-1001, Sidorova
    await desk.press_key("announce.change_protection")  # → connected
    assert desk.said("announce.stage_protection", count=1)  # Petrov's key
    assert [v["count"] for v in desk.values_of("announce.language_count")] == [1]
    assert desk.said("announce.recipients", count=1)


async def test_a_customer_chat_that_stopped_announcements_is_not_counted(
    engine: Engine, db: Database, customers: dict[str, Chat]
) -> None:
    petrov = customers["petrov"]
    await petrov.payload("1:announcements.stop")
    await petrov.press_key("announcements.button_stop_yes")
    desk = manager(engine)
    await desk.send("/announce")
    assert desk.said("announce.stage_reachable", count=3)
    assert desk.said("announce.opted_out", count=1)


async def test_preview_shows_each_language_as_the_customer_sees_it(
    engine: Engine, customers: dict[str, Chat]
) -> None:
    desk = manager(engine)
    await desk.send("/announce")
    await write_text(desk, "ru", "Вышла новая версия")
    await write_text(desk, "en", "A new version is out")
    await desk.press_key("announce.change_button")  # → Renew support
    assert desk.said("announce.button_line_renew")
    await desk.press_key("announce.preview")
    assert [v["language"] for v in desk.values_of("announce.preview_title")] == [
        "русский",
        "английский",
    ]
    texts = [reply.text for reply in desk.replies]
    assert "Вышла новая версия" in texts and "A new version is out" in texts
    assert desk.said_in("ru", "announcements.button_renew")
    assert desk.said_in("en", "announcements.button_stop")
    # The preview's buttons do nothing but say so; the draft screen follows.
    assert all(
        b.payload == "1:announce.noop"
        for reply in desk.replies
        if reply.text in texts[:-1]
        for row in reply.buttons
        for b in row
    )
    assert desk.said("announce.title")
    await desk.payload("1:announce.noop")
    assert desk.said("announce.preview_button")


async def test_test_send_goes_to_the_managers_own_chat_with_working_buttons(
    engine: Engine, db: Database, customers: dict[str, Chat]
) -> None:
    desk = manager(engine)
    await desk.send("/announce")
    await write_text(desk, "ru", "Вышла новая версия")
    await desk.press_key("announce.change_button")  # → Renew support
    await desk.press_key("announce.test_send")
    assert desk.said("announce.test_sent")
    async with db.unit() as unit:
        rows = await unit.fetchall(
            "SELECT chat_id, text, buttons, lane FROM outbox WHERE chat_id = 'm1'"
        )
    assert [(r["chat_id"], r["text"], r["lane"]) for r in rows] == [("m1", "Вышла новая версия", 0)]
    assert "1:announcements.stop" in rows[0]["buttons"]
    assert "1:announcements.renew:0:0" in rows[0]["buttons"]
    assert await queued(db) == []  # nothing went to customers


async def test_send_queues_one_message_per_recipient_in_the_bulk_lane(
    engine: Engine, db: Database, customers: dict[str, Chat]
) -> None:
    desk = manager(engine)
    await desk.send("/announce")
    await write_text(desk, "ru", "Продлите поддержку до конца месяца")
    await desk.press_key("announce.change_fallback")  # → Russian
    await desk.press_key("announce.change_button")  # → Renew support
    await desk.press_key("announce.change_linked")
    await desk.press_key("announce.send")
    assert desk.said("announce.confirm", count=3)
    await desk.press_key("announce.back")
    assert desk.said("announce.title")
    assert await queued(db) == []
    await desk.press_key("announce.send")
    await desk.press_key("announce.send_now")
    assert desk.said("announce.queued", number=1, count=3)

    rows = await queued(db)
    assert sorted((r.platform, r.chat_id) for r in rows) == [
        ("telegram", "1001"),
        ("telegram", "1002"),
        ("vk", "2003"),
    ]
    assert {r.lane for r in rows} == {announcements.BULK_LANE}
    assert {r.text for r in rows} == {"Продлите поддержку до конца месяца"}
    sofia = next(r for r in rows if r.chat_id == "1002")
    assert sofia.labels == ["Renew support", "Stop announcements"]  # her language's buttons

    await desk.send("/announce status")
    assert desk.said("announce.status_line", number=1, recipients=3, waiting=3, delivered=0)


async def test_renew_support_opens_the_quote_of_that_customers_license(
    engine: Engine, db: Database, customers: dict[str, Chat]
) -> None:
    desk = manager(engine)
    await desk.send("/announce")
    await write_text(desk, "ru", "Поддержка скоро закончится")
    await desk.press_key("announce.change_button")  # → Renew support
    await desk.press_key("announce.change_support")  # → active
    await desk.press_key("announce.change_support")  # → ends within 30 days
    await desk.press_key("announce.send")
    await desk.press_key("announce.send_now")
    rows = await queued(db)
    petrov_row = next(r for r in rows if r.chat_id == "1001")
    renew = next(p for p in petrov_row.payloads if p.startswith("1:announcements.renew:"))

    petrov = customers["petrov"]
    await petrov.payload(renew)
    assert petrov.said("renewal.quote_license", number="L-1002")  # ends in 30 days
    await petrov.payload(renew)
    # Another customer replaying the button gets their own renewal, not Petrov's license.
    sofia = customers["sofia"]
    await sofia.payload(renew)
    assert not sofia.mentions("L-1002")
    async with db.unit() as unit:
        progress = await announcements.progress(unit, 1)
    assert progress.pressed == 1  # Petrov twice counts once; Sofia was not sent this one


async def test_only_the_manager_who_asked_writes_the_text(
    engine: Engine, customers: dict[str, Chat]
) -> None:
    desk, colleague = manager(engine), manager(engine, "m2")
    await desk.send("/announce")
    await desk.press_key("announce.edit_text", language="RU")
    await colleague.send("коллеги, я на обед")
    await desk.send("Вышла новая версия")
    assert desk.said("announce.text_line", excerpt="Вышла новая версия")


async def test_customers_cannot_announce(engine: Engine, customers: dict[str, Chat]) -> None:
    petrov = customers["petrov"]
    await petrov.send("/announce")
    assert petrov.said("common.managers_only")


async def test_the_desks_people_are_not_an_audience_until_they_write_as_customers(
    engine: Engine, db: Database, customers: dict[str, Chat]
) -> None:
    # A manager who also has a private chat with the bot: the messenger says "a manager".
    colleague = Chat(engine, user_id="m2", manager=True)
    await colleague.send("/start")
    desk = manager(engine)
    await desk.send("/announce")
    assert desk.said("announce.stage_reachable", count=4)  # the four customers only
    # Someone who left the team writes again, now as a customer: an audience like any other.
    former = Chat(engine, user_id="m2")
    await former.send("/start")
    await desk.send("/announce")
    assert desk.said("announce.stage_reachable", count=5)

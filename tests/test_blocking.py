"""Blocking a person (docs/rules.md#blocking): a manager's /block N reason and /unblock N,
the reason and who and when recorded; the blocked person is told once and what they write
afterwards is kept in the /blocked list, never reaching the desk as requests or card
updates; /mydata shows the block to them, the request card and /find to the managers. Bad
input gets a clear answer and changes nothing. Real SQLite, the engine with every flow;
Telegram, VK and the console alike."""

from __future__ import annotations

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Attachment
from storage.db import Database
from storage.models import Platform
from tests.support import desk_world
from tests.support.chat import Chat, Clock
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    link_demo_customer,
    messages_to,
    snapshot,
    table_counts,
)

clock, engine = desk_world.clock, desk_world.engine


async def a_question(db: Database, customer: Chat) -> int:
    """``customer`` writes a question at the menu; the request's number."""
    await customer.send("/start")
    await customer.send("Добрый день! Не запускается программа.")
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT MAX(id) FROM requests")
    assert row is not None and row[0] is not None
    return int(row[0])


async def block_rows(db: Database) -> list[dict[str, object]]:
    async with db.unit() as unit:
        rows = await unit.fetchall("SELECT * FROM blocks ORDER BY id")
    return [dict(row) for row in rows]


async def snapshot_with_blocks(db: Database) -> dict[str, list[tuple[object, ...]]]:
    state = await snapshot(db)
    async with db.unit() as unit:
        for table in ("blocks", "blocked_messages", "accounts"):
            rows = await unit.fetchall(f"SELECT * FROM {table} ORDER BY 1")
            state[table] = [tuple(row) for row in rows]
    return state


@pytest.mark.parametrize("platform", [Platform.TELEGRAM, Platform.VK, Platform.CONSOLE])
async def test_a_blocked_person_is_told_once_and_their_messages_go_to_the_blocked_list(
    engine: Engine, db: Database, clock: Clock, platform: Platform
) -> None:
    person = Chat(engine, user_id="3003", platform=platform)
    number = await a_question(db, person)
    manager = console_manager(engine)

    await manager.send(f"/block {number} оскорбления в адрес менеджеров")
    assert manager.said("blocking.blocked", number=number)
    # Blocking closes nothing: the manager is told which of their requests stay open.
    assert manager.said("blocking.still_open", count=1, numbers=f"№{number}")
    (block,) = await block_rows(db)
    assert block["reason"] == "оскорбления в адрес менеджеров"
    assert block["blocked_by"] == "manager:console:managers"
    assert block["blocked_at"] == clock.now.isoformat(timespec="seconds")
    assert block["request_id"] == number and block["unblocked_at"] is None
    (notice,) = await messages_to(db, platform, "3003")
    assert "больше не передаются менеджерам" in notice.text

    before = await table_counts(db)
    clock.advance(minutes=1)
    for text in ("Вы меня слышите?", "Ответьте!", "Срочно!"):
        await person.send(text)
        assert person.replies == []  # told once, when blocked: not at every message
    await person.send("/menu")
    assert person.replies == []
    # Nothing reached the desk: no request, no card, no history, no notice.
    assert await table_counts(db) == before

    await manager.send("/blocked")
    assert manager.said("blocking.list_line", number=number, reason=block["reason"], count=3)
    await manager.send(f"/blocked {number}")
    assert manager.said("blocking.messages_title", number=number, count=3)
    assert [v["text"] for v in manager.values_of("blocking.message_line")] == [
        "Вы меня слышите?",
        "Ответьте!",
        "Срочно!",
    ]


async def test_unblocking_lets_messages_reach_the_desk_again(
    engine: Engine, db: Database, clock: Clock
) -> None:
    person = Chat(engine, user_id="3003")
    number = await a_question(db, person)
    manager = console_manager(engine)
    await manager.send(f"/block {number} спам")
    await person.send("реклама")

    await manager.send(f"/unblock {number}")
    assert manager.said("blocking.unblocked", number=number, count=1)
    (block,) = await block_rows(db)
    assert block["unblocked_by"] == "manager:console:managers"
    assert block["unblocked_at"] is not None
    told = await messages_to(db, Platform.TELEGRAM, "3003")
    assert "снова передаются менеджерам" in told[-1].text
    await manager.send("/blocked")
    assert manager.said("blocking.list_none")

    desk_before = len(await messages_to(db, *CONSOLE_DESK))
    await person.send("Извините, вопрос по заявке")
    assert person.said("relay.joined", number=number)
    assert len(await messages_to(db, *CONSOLE_DESK)) == desk_before + 1
    # What they wrote while blocked stays reviewable.
    await manager.send(f"/blocked {number}")
    assert manager.said("blocking.messages_title", number=number, count=1)


async def test_mydata_shows_the_block_and_forget_still_works(engine: Engine, db: Database) -> None:
    person = Chat(engine, user_id="3003")
    number = await a_question(db, person)
    await console_manager(engine).send(f"/block {number} спам")

    await person.send("/mydata")
    assert person.said("blocking.mydata_line", reason="спам")
    assert person.said("privacy.how_to_forget")

    await person.send("секретный текст")
    await person.send("/forget")
    await person.press_key("privacy.forget_yes")
    assert person.said("privacy.forgotten")
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT text FROM blocked_messages")
    assert row is not None and row["text"] == ""


async def test_managers_see_the_block_on_the_card_and_in_find(engine: Engine, db: Database) -> None:
    person = Chat(engine, user_id="3003")
    await link_demo_customer(db, person)
    number = await a_question(db, person)
    manager = console_manager(engine)
    await manager.send(f"/request {number}")
    assert not manager.said("blocking.card_line")

    await manager.send(f"/block {number} угрозы")
    await manager.send(f"/request {number}")
    assert manager.said("blocking.card_line", reason="угрозы")
    await manager.send("/find петров")
    assert manager.said("blocking.find_line", reason="угрозы")


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/block", "blocking.block_usage"),
        ("/block abc спам", "blocking.block_usage"),
        ("/block 999 спам", "blocking.not_found"),
        ("/block {number}", "blocking.reason_missing"),
        ("/block {number} " + "x" * 501, "blocking.reason_too_long"),
        ("/unblock", "blocking.unblock_usage"),
        ("/unblock 999", "blocking.not_found"),
        ("/unblock {number}", "blocking.not_blocked"),
        ("/blocked xyz", "blocking.blocked_usage"),
        ("/blocked 999", "blocking.not_found"),
        ("/blocked {number}", "blocking.never_blocked"),
    ],
)
async def test_bad_input_gets_a_clear_answer_and_changes_nothing(
    engine: Engine, db: Database, command: str, answer: str
) -> None:
    person = Chat(engine, user_id="3003")
    number = await a_question(db, person)
    manager = console_manager(engine)
    await manager.send("/open")  # the manager's account exists before
    before = await snapshot_with_blocks(db)

    await manager.send(command.format(number=number))

    assert manager.said(answer), manager.keys
    assert await snapshot_with_blocks(db) == before


async def test_blocking_twice_changes_nothing_and_customers_cannot_block(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, user_id="3003")
    number = await a_question(db, person)
    manager = console_manager(engine)
    await manager.send(f"/block {number} спам")
    other = Chat(engine, user_id="4004")
    await other.send("/start")
    before = await snapshot_with_blocks(db)
    await manager.send(f"/block {number} ещё раз")
    assert manager.said("blocking.already", number=number)
    assert await snapshot_with_blocks(db) == before

    await other.send(f"/unblock {number}")
    assert other.said("common.managers_only")
    assert await snapshot_with_blocks(db) == before


async def test_a_file_sent_while_blocked_is_listed_by_name_and_not_kept(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, user_id="3003", platform=Platform.VK)
    number = await a_question(db, person)
    manager = console_manager(engine)
    await manager.send(f"/block {number} спам")
    scan = Attachment(file_id="vk-doc-1", name="price.pdf", size=2_000, mime="application/pdf")

    await person.send_files((scan,), "смотрите")

    assert person.replies == []
    async with db.unit() as unit:
        row = await unit.fetchone("SELECT COUNT(*) FROM attachments")
    assert row is not None and row[0] == 0
    await manager.send(f"/blocked {number}")
    assert manager.said("blocking.message_files", text="смотрите", names="price.pdf")

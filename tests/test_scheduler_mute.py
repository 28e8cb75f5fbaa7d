"""Muting support reminders from a reminder's button and /reminders, through the engine,
in Russian and English; forged buttons and managers change nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flow_list import default_flows
from handlers.policy import Policy
from scheduler.support_reminders import send_support_reminders
from storage import accounts
from storage.db import Database
from storage.models import Platform
from tests.support.chat import Chat, Clock
from tests.support.scheduler_world import Person, license_row, link, load, local, outbox_rows

PETROV = Person("Иван Петров", "+79990001122")
END = date(2027, 3, 31)


@pytest.fixture
async def engine(db: Database, policy: Policy) -> Engine:
    await load(db, [license_row(PETROV, "MEBEL", "L-1", END)], datetime(2027, 1, 1, tzinfo=UTC))
    clock = Clock(local(date(2027, 3, 1), 10, 5, policy))
    flows = default_flows()
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=clock)


async def muted(db: Database, user_id: str) -> bool:
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, user_id)
    assert account is not None
    return account.reminders_muted


async def remind(db: Database, policy: Policy, day: date) -> list[dict[str, object]]:
    before = await outbox_rows(db, prefix="reminder:")
    await send_support_reminders(db, policy, day=day, now=local(day, 10, 0, policy), catch_up=False)
    return (await outbox_rows(db, prefix="reminder:"))[len(before) :]


@pytest.mark.parametrize(
    ("language", "off", "on"),
    [
        ("ru", "Напоминания об окончании поддержки в этом чате отключены", "снова включены"),
        ("en", "Support expiry reminders are off in this chat", "are on again"),
    ],
)
async def test_the_reminders_mute_button_stops_the_next_reminders_and_unmute_resumes(
    engine: Engine, db: Database, policy: Policy, language: str, off: str, on: str
) -> None:
    await link(db, PETROV, "101", language=language)
    chat = Chat(engine, user_id="101", language=language)
    (reminder,) = await remind(db, policy, date(2027, 3, 1))
    mute_payload = json.loads(str(reminder["buttons"]))[1][0][1]
    assert mute_payload == encode("reminders.mute")

    await chat.payload(mute_payload)
    assert off in chat.text and await muted(db, "101")
    assert await remind(db, policy, date(2027, 3, 24)) == []  # before_end:7, muted

    await chat.press("Включить" if language == "ru" else "Turn reminders on")
    assert on in chat.text and not await muted(db, "101")
    (next_one,) = await remind(db, policy, date(2027, 3, 30))
    assert next_one["chat_id"] == "101"


async def test_reminders_command_shows_the_state_and_keeps_the_conversation(
    engine: Engine, db: Database
) -> None:
    await link(db, PETROV, "101")
    chat = Chat(engine, user_id="101")
    await chat.send("/start")
    await chat.press("Продление поддержки")  # in the renewal flow, choosing a license
    license_button = chat.button("L-1")
    await chat.send("/reminders")
    assert "Напоминания об окончании поддержки в этом чате включены." in chat.text
    await chat.press("Отключить напоминания")
    assert await muted(db, "101")
    await chat.send("/reminders")
    assert "отключены" in chat.text and "Включить напоминания" in chat.labels
    await chat.payload(license_button.payload)  # the renewal conversation is where it was
    assert "Продление поддержки: Базис-Мебельщик" in chat.text


@pytest.mark.parametrize(
    "payload", [encode("reminders.mute", 5), encode("reminders.forget"), "1:reminders.mute:../x"]
)
async def test_a_forged_reminders_button_changes_nothing(
    engine: Engine, db: Database, payload: str
) -> None:
    await link(db, PETROV, "101", language="en")
    chat = Chat(engine, user_id="101", language="en")
    await chat.payload(payload)
    assert "I don't recognise this button; nothing has changed." in chat.text
    assert not await muted(db, "101")


async def test_a_manager_pressing_mute_is_refused(engine: Engine, db: Database) -> None:
    manager = Chat(engine, user_id="900", manager=True)
    await manager.payload(encode("reminders.mute"))
    assert "Эта команда для клиентов." in manager.text
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform.TELEGRAM, "900")
    assert account is None or not account.reminders_muted

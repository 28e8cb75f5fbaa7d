"""No personal data in the log at any level: at ``LOG_LEVEL=DEBUG`` a conversation that shares
a phone, types a name and a message leaves none of them in the log (aiosqlite would log
every SQL parameter, vkbottle every request's data and every event)."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import logs
from handlers.policy import Policy
from storage.db import Database
from tests.support.vk_world import vk_world

ROOT = Path(__file__).resolve().parent.parent
NAME = ("Zebulon", "Quartzfield")
COMPANY = "Quokka Widgets"
PHONE = "+79161234567"
MESSAGE = "My zebra licence question"


def secrets_in(text: str) -> list[str]:
    needles = [*NAME, COMPANY, PHONE[2:], MESSAGE, "zebra licence"]
    return [needle for needle in needles if needle.lower() in text.lower()]


def test_a_debug_log_of_a_console_conversation_has_no_personal_data(tmp_path: Path) -> None:
    script = "\n".join(
        [
            "8",  # Link my account
            "2",  # a request to a manager
            "1",  # consent
            " ".join(NAME),
            COMPANY,
            f"/contact {PHONE}",
            "1",  # no license number
            "/menu",
            "6",  # call me back
            f"/contact {PHONE}",
            "Any time",
            MESSAGE,
            "",
        ]
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "VK_", "MANAGER_", "DATABASE_", "POLICY_", "LOG_"))
    }
    environment.update(
        {
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            "PYTHONUTF8": "1",
            "LOG_LEVEL": "DEBUG",
            "PYTHONPATH": str(ROOT),
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--lang", "en"],
        input=script,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert " DEBUG bot.logs: logging at DEBUG" in log  # the log really was at DEBUG
    assert secrets_in(log) == [], log
    # ...while the conversation really carried them (they are in the database).
    with sqlite3.connect(tmp_path / "bot.sqlite3") as conn:
        details = " ".join(row[0] for row in conn.execute("SELECT details FROM requests"))
    assert set(secrets_in(details)) >= {*NAME, COMPANY, PHONE[2:], MESSAGE}


@pytest.fixture
def restore_loggers() -> Iterator[None]:
    names = [*logs.QUIET, *logs.LIBRARIES]
    saved = {name: logging.getLogger(name).level for name in names}
    handlers = list(logging.getLogger("vkbottle").handlers)
    try:
        yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)
        logging.getLogger("vkbottle").handlers = handlers


async def talk_in_vk(db: Database, policy: Policy, tmp_path: Path) -> None:
    async with vk_world(db, policy, tmp_path, demo=False) as world:
        await world.talk(5001, "/start", name=NAME)
        await world.talk(5001, MESSAGE, name=NAME)
        await world.talk(5001, PHONE, name=NAME)


async def test_the_libraries_debug_lines_are_kept_out(
    db: Database,
    policy: Policy,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    restore_loggers: Any,
) -> None:
    """In process, with the real configuration: a VK conversation logged at DEBUG."""
    caplog.set_level(logging.DEBUG)
    for name in [*logs.QUIET, *logs.LIBRARIES]:
        logging.getLogger(name).setLevel(logging.NOTSET)
    await talk_in_vk(db, policy, tmp_path / "loud")
    assert secrets_in(caplog.text), "without the configuration the libraries do log them"

    caplog.clear()
    logs.quiet_libraries()
    await talk_in_vk(db, policy, tmp_path / "quiet")
    assert caplog.records  # still logging (our own lines)
    assert secrets_in(caplog.text) == [], caplog.text


def test_a_validation_error_is_described_without_its_input() -> None:
    from aiogram.types import Update

    with pytest.raises(Exception) as caught:
        Update.model_validate({"update_id": 1, "message": {"message_id": 1, "text": MESSAGE}})
    assert "licence question" in str(caught.value)  # pydantic quotes the input
    described = logs.error_text(caught.value)
    assert "message.date" in described and "licence" not in described
    assert logs.traceback_of(caught.value) is None

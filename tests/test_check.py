"""``python -m bot check`` against the fake Bot API and the fake VK API: one line per item,
the fix for what is wrong, a non-zero exit on a problem."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storage import web_managers
from storage.db import Database
from tests.support.telegram_e2e import MANAGER_CHAT, ROOT
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Server
from tests.support.vendor_policy import ready_policy_file
from tests.support.vk_fake import GROUP_ID, FakeVK, VKServer
from tests.support.vk_fake import TOKEN as VK_TOKEN


@dataclass
class Checked:
    code: int
    out: str

    def line(self, item: str) -> str:
        found = [line for line in self.out.splitlines() if f" {item}: " in line]
        assert len(found) == 1, (item, self.out)
        return found[0]


async def check(tmp_path: Path, **env: str) -> Checked:
    """``python -m bot check`` in ``tmp_path`` with ``env`` (a ready policy by default)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "VK_", "MANAGER_", "DATABASE_", "POLICY_"))
    }
    environment.update(
        {
            "PYTHONUTF8": "1",
            "PYTHONPATH": str(ROOT),
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            "FILES_DIR": str(tmp_path / "files"),
            "RENEWAL_BATCH_DIR": str(tmp_path / "renewals"),
            "POLICY_FILE": str(ready_policy_file(tmp_path)),
            **env,
        }
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "check",
        cwd=tmp_path,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return Checked(process.returncode, out.decode())


def telegram(server: Server) -> dict[str, str]:
    return {
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_URL": server.url,
        "MANAGER_TELEGRAM_CHAT_ID": str(MANAGER_CHAT),
    }


async def test_a_ready_installation_is_ok_line_by_line(tmp_path: Path) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    async with Server(fake) as server:
        result = await check(tmp_path, **telegram(server))
    assert result.code == 0, result.out
    assert result.line("Telegram token").startswith("ok ")
    assert "@support_bot" in result.line("Telegram token")
    assert "manage topics" in result.line("Telegram manager chat")
    assert result.line("Telegram webhook").startswith("ok ")
    assert result.line("database").startswith("ok ")
    assert result.line("FILES_DIR").startswith("ok ")
    assert result.line("VK").startswith("off ")
    assert result.out.rstrip().endswith("Ready to run.")
    assert "problem" not in result.out


async def test_a_rejected_token_is_named_with_its_fix(tmp_path: Path) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    fake.fail_next("getMe", 401, "Unauthorized")
    async with Server(fake) as server:
        result = await check(tmp_path, **telegram(server))
    assert result.code == 1
    line = result.line("Telegram token")
    assert line.startswith("problem ")
    assert "TELEGRAM_TOKEN: rejected by the Bot API" in line
    assert "fix: copy the token @BotFather gave the bot" in line
    assert TOKEN.split(":")[1] not in result.out


async def test_a_forum_without_the_topic_right_is_a_problem(tmp_path: Path) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, can_manage_topics=False)
    async with Server(fake) as server:
        result = await check(tmp_path, **telegram(server))
    assert result.code == 1
    line = result.line("Telegram manager chat")
    assert line.startswith("problem ")
    assert "lacks the administrator right “Manage topics”" in line
    assert "fix: make the bot an administrator of the group with the right" in line


async def test_a_group_without_topics_works_with_a_warning(tmp_path: Path) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT, forum=False)
    async with Server(fake) as server:
        result = await check(tmp_path, **telegram(server))
    assert result.code == 0, result.out
    assert result.line("Telegram manager chat").startswith("warning ")
    assert "turn Topics on" in result.line("Telegram manager chat")


async def test_a_failing_webhook_shows_telegrams_error(tmp_path: Path) -> None:
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    url = "https://bot.example.invalid/telegram/hook"
    fake.webhook = {"url": url}
    fake.webhook_error = "SSL error {error:0A000086:SSL routines::certificate verify failed}"
    async with Server(fake) as server:
        result = await check(tmp_path, **telegram(server), TELEGRAM_WEBHOOK_URL=url)
    assert result.code == 1
    line = result.line("Telegram webhook")
    assert "certificate verify failed" in line
    assert "fix: make the reverse proxy serve" in line


async def test_placeholders_and_an_unwritable_folder_are_problems(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    async with Server(fake) as server:
        result = await check(
            tmp_path, **telegram(server), POLICY_FILE="", FILES_DIR=str(blocker / "files")
        )
    assert result.code == 1
    assert "contacts.email" in result.line("policy")
    assert result.line("FILES_DIR").startswith("problem ")
    assert "2 problem(s)" in result.out


async def test_no_messenger_and_a_wrong_setting(tmp_path: Path) -> None:
    result = await check(tmp_path)
    assert result.code == 1
    assert "neither TELEGRAM_TOKEN nor VK_TOKEN" in result.line("messengers")
    result = await check(tmp_path, VK_TOKEN="x")
    assert result.code == 1
    assert result.out.startswith("problem  settings: VK_GROUP_ID: required")


async def test_vk_token_and_community(tmp_path: Path) -> None:
    async with VKServer(FakeVK()) as server:
        env = {"VK_TOKEN": VK_TOKEN, "VK_GROUP_ID": str(GROUP_ID), "VK_API_URL": server.api_url}
        good = await check(tmp_path, **env)
        wrong_group = await check(tmp_path, **{**env, "VK_GROUP_ID": "778"})
        bad_token = await check(tmp_path, **{**env, "VK_TOKEN": "vk1.a.revoked"})
    assert good.code == 0, good.out
    assert "club777" in good.line("VK community")
    assert good.line("VK receiving").startswith("ok ")
    assert wrong_group.code == 1
    assert "the token belongs to community 777, not 778" in wrong_group.line("VK community")
    assert bad_token.code == 1
    assert "VK_TOKEN: rejected by the VK API" in bad_token.line("VK community")
    assert "revoked" not in bad_token.out


async def test_the_web_desk_port_address_and_accounts(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "bot.sqlite3")
    async with db.unit() as unit:
        for login in ("maria", "ivan"):
            await web_managers.create(
                unit,
                login,
                display_name=login,
                password_hash=None,
                language="ru",
                now=datetime(2026, 12, 6, tzinfo=UTC),
            )
        ivan = await web_managers.by_login(unit, "ivan")
        assert ivan is not None
        await web_managers.set_disabled(unit, ivan.id, True)
    await db.close()
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy_port = taken.getsockname()[1]
        async with Server(fake) as server:
            off = await check(tmp_path, **telegram(server))
            busy = await check(tmp_path, **telegram(server), WEB_PORT=str(busy_port))
            with socket.socket() as free:
                free.bind(("127.0.0.1", 0))
                free_port = free.getsockname()[1]
            open_wide = await check(
                tmp_path, **telegram(server), WEB_PORT=str(free_port), WEB_HOST="0.0.0.0"
            )
    assert off.line("WEB_PORT").startswith("off ")
    assert off.line("METRICS_PORT").startswith("off ")
    assert busy.code == 1
    assert busy.line("WEB_PORT").startswith("problem ")
    assert f"127.0.0.1:{busy_port} is in use" in busy.line("WEB_PORT")
    assert "choose another WEB_PORT" in busy.line("WEB_PORT")
    assert open_wide.code == 0, open_wide.out
    assert open_wide.line("WEB_PORT").startswith("ok ")
    address = open_wide.line("web desk address")
    assert address.startswith("warning ")
    assert "WEB_PUBLIC_URL=https://" in address
    assert "1 manager(s) can sign in" in open_wide.line("web desk accounts")

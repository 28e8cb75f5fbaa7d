"""VK Callback API: the secret is required, and an event without it changes nothing.

The community id every event carries is public, so without ``VK_CALLBACK_SECRET`` anyone
who finds the address could post messages and button presses as any VK user. The Callback
API mode does not start without the secret (one settings line, as for any bad setting);
the running endpoint — the bot as a subprocess, posted to over real HTTP — refuses an event
whose secret is wrong or missing: 403, no inbox row, nothing sent; the same event with the
secret is handled.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.settings import SettingsError, load_settings
from tests.support.cli import SETTING_NAMES, run_bot
from tests.support.telegram_e2e import prepare_database
from tests.support.vendor_policy import ready_policy_file
from tests.support.vk_e2e import CUSTOMER, VKBotProcess, VKPerson, free_port, post_when_up
from tests.support.vk_fake import GROUP_ID, TOKEN, FakeVK, VKServer

SECRET = "Callback-s3cret"
VICTIM = 6010  # whom the forged events pretend to come from


@pytest.mark.parametrize("secret", [None, ""])
def test_callback_mode_without_a_secret_does_not_start(tmp_path: Path, secret: str | None) -> None:
    env = {
        "VK_TOKEN": TOKEN,
        "VK_GROUP_ID": str(GROUP_ID),
        "VK_API_URL": "http://127.0.0.1:9/method/",  # never reached
        "VK_CONFIRMATION_CODE": "c0nf1rm",
        "VK_CALLBACK_HOST": "127.0.0.1",
        "VK_CALLBACK_PORT": str(free_port()),
        "POLICY_FILE": str(ready_policy_file(tmp_path)),
    }
    if secret is not None:
        env["VK_CALLBACK_SECRET"] = secret
    result = run_bot("run", tmp_path=tmp_path, env=env)

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        "Settings error: VK_CALLBACK_SECRET: required for the Callback API "
        "(VK_CONFIRMATION_CODE is set): choose a secret key in the community's Callback API "
        "settings and set the same here"
    )
    assert not (tmp_path / "bot.sqlite3").exists()


def test_the_settings_loader_names_the_missing_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SettingsError, match=r"^VK_CALLBACK_SECRET: required"):
        load_settings(vk_confirmation_code="c0nf1rm")
    settings = load_settings(vk_confirmation_code="c0nf1rm", vk_callback_secret=SECRET)
    assert settings.vk_callback_secret is not None
    assert load_settings().vk_callback_secret is None  # Bots Long Poll needs none


def inbox_keys(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT update_key FROM inbox WHERE platform = 'vk' ORDER BY id"
        ).fetchall()
    return [row[0] for row in rows]


async def test_forged_events_store_and_send_nothing_a_genuine_one_is_handled(
    tmp_path: Path,
) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeVK()
    port = free_port()
    async with VKServer(fake) as server:
        bot = VKBotProcess(
            tmp_path,
            server.api_url,
            extra_env={
                "VK_CONFIRMATION_CODE": "c0nf1rm",
                "VK_CALLBACK_SECRET": SECRET,
                "VK_CALLBACK_HOST": "127.0.0.1",
                "VK_CALLBACK_PORT": str(port),
            },
        )
        await bot.start()
        try:
            hook = f"http://127.0.0.1:{port}/vk/callback"
            message = fake.message(VICTIM, "/start", lang_id=3)
            press = fake.callback(VICTIM, {"p": "menu"})
            forged: list[dict[str, Any]] = [
                message,  # no secret at all: all an attacker knows is the community id
                {**message, "secret": ""},
                {**message, "secret": None},
                {**message, "secret": 12345},
                {**message, "secret": "wrong"},
                {**message, "secret": SECRET + "x"},
                {**message, "secret": SECRET[:-1]},
                {**message, "secret": SECRET.lower()},
                {**message, "secret": "\ud800"},  # not even encodable: refused all the same
                press,
                {**press, "secret": "wrong"},
            ]
            async with aiohttp.ClientSession() as http:
                confirmation = {"type": "confirmation", "group_id": GROUP_ID}
                assert await post_when_up(http, hook, confirmation) == "c0nf1rm"
                for event in forged:
                    async with http.post(hook, json=event) as response:
                        answer = (response.status, await response.text())
                    assert answer == (403, "wrong secret"), event.get("secret")
                assert inbox_keys(tmp_path / "bot.sqlite3") == []

                genuine = fake.message(CUSTOMER, "/start", lang_id=3)
                async with http.post(hook, json={**genuine, "secret": SECRET}) as response:
                    assert (response.status, await response.text()) == (200, "ok")
            await VKPerson(fake, CUSTOMER).expect("Main menu")
        finally:
            assert await bot.stop() == 0, bot.log()

    assert inbox_keys(tmp_path / "bot.sqlite3") == [genuine["event_id"]]
    assert fake.to(VICTIM) == []
    assert [a for a in fake.event_answers if int(a["user_id"]) == VICTIM] == []
    log = bot.log()
    assert log.count("with a wrong or missing secret refused") == len(forged)
    assert SECRET not in log and "Traceback" not in log

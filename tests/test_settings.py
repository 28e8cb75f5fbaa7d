"""Settings from the environment: exact names, one clear line for a wrong value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from tests.support.cli import SETTING_NAMES


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's


def test_defaults_run_the_console_on_local_sqlite() -> None:
    settings = load_settings()
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.telegram_token is None and settings.vk_token is None
    assert str(settings.telegram_api_url) == "https://api.telegram.org/"
    assert settings.manager_telegram_ids == [] and settings.log_level == "INFO"


def test_every_documented_setting_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    example = (Path(__file__).resolve().parent.parent / ".env.example").read_text("utf-8")
    documented = {
        line.split("=")[0]
        for line in example.splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert documented == set(SETTING_NAMES)
    monkeypatch.setenv("MANAGER_TELEGRAM_IDS", "1, 2,3")
    monkeypatch.setenv("MANAGER_VK_IDS", "")
    monkeypatch.setenv("VK_TOKEN", "vk1.a.PRIVATE-TOKEN")
    monkeypatch.setenv("VK_GROUP_ID", "123")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = load_settings()
    assert settings.manager_telegram_ids == [1, 2, 3] and settings.manager_vk_ids == []
    assert settings.vk_group_id == 123 and settings.log_level == "DEBUG"
    assert "PRIVATE-TOKEN" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"VK_GROUP_ID": "club42"}, "VK_GROUP_ID"),
        ({"VK_TOKEN": "t"}, "VK_GROUP_ID"),
        ({"MANAGER_TELEGRAM_IDS": "1,two"}, "MANAGER_TELEGRAM_IDS"),
        ({"TELEGRAM_API_URL": "not a url"}, "TELEGRAM_API_URL"),
        ({"TELEGRAM_WEBHOOK_URL": "https://bot.example/hook"}, "TELEGRAM_WEBHOOK_URL"),
        (
            {"TELEGRAM_TOKEN": "1:x", "TELEGRAM_WEBHOOK_URL": "http://bot.example/hook"},
            "TELEGRAM_WEBHOOK_URL",
        ),
        ({"TELEGRAM_WEBHOOK_SECRET": "has spaces"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"VK_CONFIRMATION_CODE": "c0nf1rm"}, "VK_CALLBACK_SECRET"),
        ({"VK_CONFIRMATION_CODE": "c0nf1rm", "VK_CALLBACK_SECRET": ""}, "VK_CALLBACK_SECRET"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"MANAGER_LANGUAGE": "de"}, "MANAGER_LANGUAGE"),
    ],
)
def test_wrong_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], named: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    message = str(error.value)
    assert message.startswith(f"{named}:") and "\n" not in message

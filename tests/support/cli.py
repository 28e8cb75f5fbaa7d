"""The bot's command line as the tests run it: ``python -m bot`` as a subprocess, on a
database in the test's folder, and the names of every setting read from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: Every setting the bot reads from the environment (and ``.env.example`` documents).
SETTING_NAMES = [
    "TELEGRAM_TOKEN",
    "TELEGRAM_API_URL",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_WEBHOOK_SECRET",
    "TELEGRAM_WEBHOOK_HOST",
    "TELEGRAM_WEBHOOK_PORT",
    "TELEGRAM_LIMITS_SCALE",
    "VK_TOKEN",
    "VK_GROUP_ID",
    "VK_API_URL",
    "VK_CALLBACK_SECRET",
    "VK_CONFIRMATION_CODE",
    "VK_CALLBACK_HOST",
    "VK_CALLBACK_PORT",
    "DATABASE_PATH",
    "POLICY_FILE",
    "MANAGER_TELEGRAM_CHAT_ID",
    "MANAGER_TELEGRAM_IDS",
    "MANAGER_VK_IDS",
    "MANAGER_LANGUAGE",
    "FILES_DIR",
    "RENEWAL_BATCH_DIR",
    "BACKUP_DIR",
    "BACKUP_KEEP",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "METRICS_PORT",
    "METRICS_HOST",
    "HEALTH_OUTBOX_MAX_AGE",
    "WEB_PORT",
    "WEB_HOST",
    "WEB_PUBLIC_URL",
]


def run_bot(
    *args: str, tmp_path: Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m bot *args`` in ``tmp_path`` (its database there), fed ``stdin``; no
    token, manager, database or policy setting of the caller's environment leaks in."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "VK_", "MANAGER_", "DATABASE_", "POLICY_"))
    }
    environment.update({"DATABASE_PATH": str(tmp_path / "bot.sqlite3"), "PYTHONUTF8": "1"})
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no stray .env is read from the repository
        env=environment,
        timeout=60,
        check=False,
    )

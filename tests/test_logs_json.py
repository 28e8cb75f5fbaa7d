"""``LOG_FORMAT=json``: one JSON object per line with the update or outbox row it is about,
and no token or secret in the log, whichever format."""

from __future__ import annotations

import io
import json
import logging
import signal
from pathlib import Path

from bot import logs
from tests.support.telegram_e2e import (
    MANAGER_CHAT,
    BotProcess,
    customer_and_manager_conversation,
    prepare_database,
    until,
)
from tests.support.telegram_fakes import TOKEN, FakeTelegram, Server

WEBHOOK_SECRET = "Webhook_secret-for-the-log-test"


async def test_a_full_run_logs_json_lines_without_the_token(tmp_path: Path) -> None:
    await prepare_database(tmp_path / "bot.sqlite3")
    fake = FakeTelegram(manager_chat_id=MANAGER_CHAT)
    async with Server(fake) as server:
        bot = BotProcess(
            tmp_path,
            server.url,
            extra_env={
                "LOG_FORMAT": "json",
                "LOG_LEVEL": "DEBUG",
                "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            },
        )
        await bot.start()
        try:
            await customer_and_manager_conversation(server)
            files = tmp_path / "files"
            await until(fake, lambda: len(list(files.rglob("*.pdf"))) == 2, what="downloads")
        finally:
            code = await bot.stop(signal.SIGTERM)
    log = bot.log()
    assert code == 0, log
    assert TOKEN not in log
    assert TOKEN.split(":", 1)[1] not in log
    assert WEBHOOK_SECRET not in log
    lines = [line for line in log.splitlines() if line and not line.startswith("=====")]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
    assert any(r["message"].startswith("Telegram: @support_bot") for r in records)
    assert any(r["message"].startswith("check: ok") for r in records)
    assert any("update" in r for r in records)  # lines written while an update is handled
    assert any("outbox" in r and "request" in r for r in records)  # a card's topic, sent


def test_a_token_quoted_by_an_error_is_hidden_in_both_formats() -> None:
    quoted = f"Cannot connect to host api.telegram.org: POST /bot{TOKEN}/getMe"
    for log_format in ("text", "json"):
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logs.make_formatter(log_format, [TOKEN, None, ""]))
        logger = logging.getLogger(f"test.logs.{log_format}")
        logger.addHandler(handler)
        logger.propagate = False
        try:
            with logs.about(update="70001"):
                logger.warning("getMe failed: %s", quoted)
                logger.warning("the half alone: %s", TOKEN.split(":", 1)[1])
        finally:
            logger.removeHandler(handler)
        out = stream.getvalue()
        assert TOKEN.split(":", 1)[1] not in out, out
        assert f"/bot{logs.HIDDEN}/getMe" in out
        if log_format == "json":
            first = json.loads(out.splitlines()[0])
            assert first["update"] == "70001"
            assert first["level"] == "WARNING"
            assert first["logger"] == "test.logs.json"

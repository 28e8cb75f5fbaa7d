"""Shared fixtures: a real SQLite file per test and the packaged policy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from handlers.policy import Policy, load_policy
from storage.db import Database


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy()


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "bot.sqlite3")
    try:
        yield database
    finally:
        await database.close()

"""``python -m bot managers add|list|disable``: the web desk's accounts from the terminal,
the password from standard input with ``--password-stdin`` and stored only as its hash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.cli import run_bot

PASSWORD = "a long enough secret"


def _add(tmp_path: Path, login: str, *extra: str, password: str = PASSWORD) -> str:
    result = run_bot(
        "managers",
        "add",
        login,
        "--name",
        "Анна Петрова",
        "--password-stdin",
        *extra,
        tmp_path=tmp_path,
        stdin=password + "\n",
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_manager_added_is_listed_with_their_name_and_signs_in_by_password(
    tmp_path: Path,
) -> None:
    assert "Added anna" in _add(tmp_path, "anna", "--lang", "en")
    listed = run_bot("managers", "list", tmp_path=tmp_path)
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[0].split("\t")[:5] == [
        "anna",
        "Анна Петрова",
        "en",
        "active",
        "password",
    ]
    with sqlite3.connect(tmp_path / "bot.sqlite3") as conn:
        (stored,) = conn.execute("SELECT password_hash FROM web_managers").fetchone()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_a_login_is_taken_once_whatever_its_case(tmp_path: Path) -> None:
    _add(tmp_path, "anna")
    again = run_bot(
        "managers",
        "add",
        "ANNA",
        "--name",
        "Другая",
        "--password-stdin",
        tmp_path=tmp_path,
        stdin=PASSWORD + "\n",
    )
    assert again.returncode == 1 and "taken" in again.stderr


def test_a_short_password_is_refused(tmp_path: Path) -> None:
    short = run_bot(
        "managers",
        "add",
        "anna",
        "--name",
        "Анна",
        "--password-stdin",
        tmp_path=tmp_path,
        stdin="short\n",
    )
    assert short.returncode == 1 and "at least" in short.stderr
    assert "No web desk managers yet" in run_bot("managers", "list", tmp_path=tmp_path).stdout


def test_a_disabled_manager_is_listed_as_disabled(tmp_path: Path) -> None:
    _add(tmp_path, "anna")
    disabled = run_bot("managers", "disable", "anna", tmp_path=tmp_path)
    assert disabled.returncode == 0 and "Disabled anna" in disabled.stdout
    listed = run_bot("managers", "list", tmp_path=tmp_path).stdout
    assert "\tdisabled\t" in listed
    unknown = run_bot("managers", "disable", "boris", tmp_path=tmp_path)
    assert unknown.returncode == 1


def test_a_new_password_replaces_the_old_one(tmp_path: Path) -> None:
    _add(tmp_path, "anna")
    with sqlite3.connect(tmp_path / "bot.sqlite3") as conn:
        (before,) = conn.execute("SELECT password_hash FROM web_managers").fetchone()
    changed = run_bot(
        "managers",
        "password",
        "anna",
        "--password-stdin",
        tmp_path=tmp_path,
        stdin="another long secret\n",
    )
    assert changed.returncode == 0, changed.stderr
    with sqlite3.connect(tmp_path / "bot.sqlite3") as conn:
        (after,) = conn.execute("SELECT password_hash FROM web_managers").fetchone()
    assert after.startswith("$argon2id$") and after != before
    unknown = run_bot(
        "managers", "password", "boris", "--password-stdin", tmp_path=tmp_path, stdin=PASSWORD
    )
    assert unknown.returncode == 1

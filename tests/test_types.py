"""The code type-checks: mypy, configured strict in pyproject.toml (every function typed,
Optional checked, no Any returned from a typed function), finds no error in ``bot/``,
``handlers/``, ``storage/`` and ``scheduler/``. It runs here so that the README's test
command, and so CI, fails on a type error as on a failing test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")

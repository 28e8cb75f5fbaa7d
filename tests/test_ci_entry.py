"""CI runs exactly the README's test command (its second quick-start command): ``.ci/run``
holds that command and, before it, only the shell's set-up and one documented preparatory
line, the installation of Debian's Chromium for the web desk's browser tests."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What ``.ci/run`` may do before the README's command.
PREPARATION = (
    "set -euo pipefail",
    'cd "$(dirname "$0")/.."',
)
CHROMIUM = re.compile(r"^command -v chromium >/dev/null \|\| .*apt-get install -y -q chromium\b")


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == quick_start_commands()[1]
    assert lines[-1].endswith(".venv/bin/python -m pytest -q")
    before = lines[:-1]
    assert [line for line in before if line in PREPARATION] == list(PREPARATION)
    extra = [line for line in before if line not in PREPARATION]
    assert len(extra) == 1 and CHROMIUM.match(extra[0]), extra

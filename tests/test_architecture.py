"""The four floors: imports only point down (bot → scheduler → handlers → storage)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ["bot", "scheduler", "handlers", "storage"]
MESSENGER_LIBRARIES = {"aiogram", "vkbottle"}


def imported_top_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("floor", FLOORS[1:])
def test_lower_floors_do_not_import_higher_ones_or_messengers(floor: str) -> None:
    higher = set(FLOORS[: FLOORS.index(floor)])
    offenders = []
    for path in sorted((ROOT / floor).rglob("*.py")):
        bad = imported_top_packages(path) & (higher | MESSENGER_LIBRARIES)
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from bot.settings import Settings\nimport aiogram.types\n")
    assert imported_top_packages(module) == {"bot", "aiogram"}


def imported_modules(path: Path) -> set[str]:
    """Full names of the modules a file imports (absolute imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


#: The CSV importer's steps and the steps each may use: read the file, reconcile rows in
#: memory, write batches; records are what they hand each other.
IMPORTER_STEPS = {
    "records": set(),
    "parse": {"records"},
    "reconcile": {"records"},
    "write": {"records", "parse", "reconcile"},
}


def test_the_importer_is_split_by_step_and_only_write_touches_the_database() -> None:
    folder = ROOT / "storage" / "importer"
    assert sorted(path.stem for path in folder.glob("*.py")) == sorted(
        ["__init__", *IMPORTER_STEPS]
    )
    for step, allowed in IMPORTER_STEPS.items():
        imported = imported_modules(folder / f"{step}.py")
        used = {name.split(".")[2] for name in imported if name.startswith("storage.importer.")}
        assert used <= allowed, step
        if step != "write":
            assert not imported & {"storage.db", "sqlite3", "aiosqlite"}, step

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


#: Inside handlers/: what each part may import of the others. The engine runs any flow and
#: knows none; a flow never reaches for the list of flows; rules (which read the policy),
#: texts and the policy model are the bottom. The engine reaches the desk only for where
#: notifications go and how a history note is written.
HANDLER_PARTS: dict[str, set[str]] = {
    "rules": {"rules", "policy"},
    "i18n": {"i18n"},
    "policy": {"rules", "i18n"},
    "engine": {"engine", "rules", "i18n", "policy", "desk.manager_desk", "desk.cards"},
    "flows": {"engine", "flows", "desk", "rules", "i18n", "policy"},
    "desk": {"engine", "flows", "desk", "rules", "i18n", "policy"},
    "desk_views": {"desk_views", "desk", "rules", "i18n", "policy"},
}


def _part(module: str) -> str | None:
    """``handlers.flows.renewal`` → ``flows``; ``handlers.desk.cards`` stays whole for the
    engine's two exceptions."""
    if not module.startswith("handlers."):
        return None
    return module.split(".")[1]


@pytest.mark.parametrize("part", sorted(HANDLER_PARTS))
def test_inside_handlers_the_engine_knows_no_conversation(part: str) -> None:
    allowed = HANDLER_PARTS[part]
    base = ROOT / "handlers"
    paths = [base / "policy.py"] if part == "policy" else sorted((base / part).rglob("*.py"))
    offenders = []
    for path in paths:
        for module in imported_modules(path):
            used = _part(module)
            if used is None:
                continue
            whole = module.removeprefix("handlers.")
            if used not in allowed and whole not in allowed:
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_every_handlers_module_belongs_to_a_part() -> None:
    """A new module goes into engine/, flows/ or desk/ (or rules/, i18n/), not beside them."""
    loose = sorted(path.name for path in (ROOT / "handlers").glob("*.py"))
    assert loose == ["__init__.py", "flow_list.py", "policy.py"]

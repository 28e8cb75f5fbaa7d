"""References in code, tests and docs point into this repository, and their anchors exist.

The business rules are told in docs/rules.md; a comment cites a section of it
(``docs/rules.md#key-loss``), never a document the repository does not hold (the product
specification by its file name or section sign, design notes, issue numbers). Every
``<file>.md#<anchor>`` reference, in code or as a Markdown link, must name a Markdown file
that exists and a heading of it, the anchor computed as GitHub computes it; so must a
Markdown link to a heading of its own document (``[text](#anchor)``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = {".venv", ".git", ".mypy_cache", ".ruff_cache", ".pytest_cache", "__pycache__"}
SUFFIXES = {".py", ".toml", ".md", ".sql", ".ftl"}

#: Documents outside the repository (spelt in pieces so that a search for them does not
#: find this file).
FORBIDDEN = (
    "SP" + "EC \u00a7",
    "SP" + "EC.md",
    "NO" + "TES.md",
    "ARCHI" + "TECTURE.md",
)
ISSUE_NUMBER = re.compile(r"\bissues? #?[0-9]+\b", re.IGNORECASE)

#: ``docs/rules.md#key-loss``, ``rules.md#key-loss`` in a Markdown link, ``README.md#vk``;
#: not inside a URL (a path preceded by ``/`` or ``.`` belongs to one).
MD_REFERENCE = re.compile(r"(?<![\w/.\-])((?:[\w.\-]+/)*[\w\-]+\.md)#([\w\-]+)")
#: A Markdown link to a heading of the same document: ``[text](#anchor)``.
LOCAL_LINK = re.compile(r"\]\(#([\w\-]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def repository_files() -> list[Path]:
    """The repository's code, tests and documents, without the virtualenv and caches."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [
            name
            for name in subfolders
            if name not in SKIPPED_DIRS and not name.endswith(".egg-info")
        ]
        found += [Path(folder, name) for name in files if Path(name).suffix in SUFFIXES]
    return sorted(found)


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: its text lower-cased, punctuation dropped (letters,
    marks, digits, ``_``, ``-`` and spaces kept), spaces turned into hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.replace("`", "")
    kept = [
        char
        for char in text.lower()
        if char in " -_" or unicodedata.category(char)[0] in {"L", "M", "N"}
    ]
    return "".join(kept).replace(" ", "-")


def anchors_of(document: Path) -> set[str]:
    """Every heading anchor of a Markdown file; a repeated slug gets ``-1``, ``-2`` …"""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    fenced = False
    for line in document.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match is None:
            continue
        slug = github_slug(match.group(2))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def resolve(reference: str, source: Path, root: Path) -> Path | None:
    """The Markdown file a reference names: relative to the citing file (a Markdown link),
    else to the repository root (``docs/rules.md`` in a code comment)."""
    for base in (source.parent, root):
        candidate = (base / reference).resolve()
        if candidate.is_file() and candidate.is_relative_to(root):
            return candidate
    return None


def problems_in(path: Path, root: Path = ROOT) -> list[str]:
    """What is wrong with the references of one file, as ``file:line: what`` lines."""
    problems: list[str] = []
    name = path.relative_to(root)
    own = anchors_of(path) if path.suffix == ".md" else set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{name}:{number}"
        problems += [f"{where}: cites {word!r}" for word in FORBIDDEN if word in line]
        problems += [f"{where}: cites {m.group(0)!r}" for m in ISSUE_NUMBER.finditer(line)]
        for match in MD_REFERENCE.finditer(line):
            reference, anchor = match.groups()
            document = resolve(reference, path, root)
            if document is None:
                problems.append(f"{where}: {reference} is not a file of the repository")
            elif anchor not in _anchors(document):
                problems.append(f"{where}: {reference} has no heading #{anchor}")
        if path.suffix == ".md":
            problems += [
                f"{where}: no heading #{m.group(1)} in this document"
                for m in LOCAL_LINK.finditer(line)
                if m.group(1) not in own
            ]
    return problems


_anchor_cache: dict[Path, set[str]] = {}


def _anchors(document: Path) -> set[str]:
    if document not in _anchor_cache:
        _anchor_cache[document] = anchors_of(document)
    return _anchor_cache[document]


def test_the_slugs_are_githubs() -> None:
    assert github_slug("Key loss") == "key-loss"
    assert github_slug("Importing the vendor's data") == "importing-the-vendors-data"
    assert github_slug("Support-expiry reminders") == "support-expiry-reminders"
    assert github_slug('What "nothing lost, nothing twice" means here') == (
        "what-nothing-lost-nothing-twice-means-here"
    )
    assert github_slug("The `texts_dir` folder (v2.0)") == "the-texts_dir-folder-v20"
    assert github_slug("[Rules](docs/rules.md) and Ссылки") == "rules-and-ссылки"


def test_the_rules_document_has_its_sections() -> None:
    anchors = anchors_of(ROOT / "docs" / "rules.md")
    assert {
        "key-loss",
        "license-transfer",
        "support-renewal",
        "protection-service",
        "remote-sessions",
        "working-hours-and-call-backs",
        "support-expiry-reminders",
        "managers",
        "known-differences-from-the-vendor-documents",
    } <= anchors


def test_references_point_into_the_repository() -> None:
    this_file = Path(__file__).resolve()
    problems = [
        problem for path in repository_files() if path != this_file for problem in problems_in(path)
    ]
    assert not problems, "\n".join(problems)


def test_a_wrong_reference_is_found(tmp_path: Path) -> None:
    issue = "iss" + "ue"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rules.md").write_text(
        "# Rules\n\n## Key loss\n\nSee [below](#key-loss) and [nowhere](#gone).\n\n"
        "```sh\n# Not a heading\n```\n",
        encoding="utf-8",
    )
    code = tmp_path / "flow.py"
    code.write_text(
        "# docs/rules.md#key-loss is fine\n"
        "# docs/rules.md#not-a-heading, docs/rules.md#key_loss, docs/other.md#x\n"
        "# https://example.com/docs/rules.md#anything is a URL, not a reference\n"
        f"# {FORBIDDEN[0]}1, {FORBIDDEN[2]}, {issue} 6\n",
        encoding="utf-8",
    )
    assert problems_in(code, tmp_path) == [
        "flow.py:2: docs/rules.md has no heading #not-a-heading",
        "flow.py:2: docs/rules.md has no heading #key_loss",
        "flow.py:2: docs/other.md is not a file of the repository",
        f"flow.py:4: cites {FORBIDDEN[0]!r}",
        f"flow.py:4: cites {FORBIDDEN[2]!r}",
        f"flow.py:4: cites '{issue} 6'",
    ]
    assert problems_in(tmp_path / "docs" / "rules.md", tmp_path) == [
        "docs/rules.md:5: no heading #gone in this document"
    ]

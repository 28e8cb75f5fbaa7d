"""The three catalogues say the same things, and money and dates read the local way.

Parity is checked on the Fluent syntax trees: the same messages in every language, each
with the same arguments and the same arguments chosen on by selectors (a plural form in
one language must be a plural form in all three, so a count is never left out).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from handlers.i18n import (
    CATALOGUE_DIR,
    LANGUAGES,
    CatalogueError,
    Texts,
    catalogue_files,
    parsed,
    pick_language,
)


class _Arguments(Visitor):
    def __init__(self) -> None:
        self.used: set[str] = set()
        self.selected: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.used.add(node.id.name)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference):
            self.selected.add(node.selector.id.name)
        self.generic_visit(node)


def shape(language: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Every message of a language: (arguments used, arguments selected on)."""
    messages: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for path in catalogue_files(CATALOGUE_DIR, language):
        for entry in parsed(path).body:
            if isinstance(entry, ast.Message):
                arguments = _Arguments()
                arguments.visit(entry)
                messages[f"{path.name}:{entry.id.name}"] = (
                    frozenset(arguments.used),
                    frozenset(arguments.selected),
                )
    return messages


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "ru"])
def test_every_russian_text_exists_in_language_with_the_same_arguments_and_selectors(
    language: str,
) -> None:
    russian, other = shape("ru"), shape(language)
    assert sorted(set(russian) - set(other)) == []
    assert sorted(set(other) - set(russian)) == []
    mismatched = [key for key in russian if russian[key] != other[key]]
    assert mismatched == []


@pytest.mark.parametrize(
    ("hint", "expected"),
    [("en", "en"), ("en-US", "en"), ("bg", "bg"), ("ru-RU", "ru"), ("de", "ru"), (None, "ru")],
)
def test_messenger_language_picks_a_catalogue_with_russian_default(
    hint: str | None, expected: str
) -> None:
    assert pick_language(hint) == expected


@pytest.mark.parametrize(
    ("language", "currency", "amount", "expected"),
    [
        ("ru", "RUB", Decimal("1998"), "1\u00a0998\u00a0₽"),
        ("ru", "RUB", Decimal("7990.50"), "7\u00a0990,50\u00a0₽"),
        ("ru", "RUB", Decimal("1321.5"), "1\u00a0321,50\u00a0₽"),
        ("en", "RUB", Decimal("1998"), "RUB\u00a01,998"),
        ("en", "RUB", Decimal("7990.50"), "RUB\u00a07,990.50"),
        ("bg", "RUB", Decimal("52000"), "52\u00a0000\u00a0RUB"),
        ("bg", "EUR", Decimal("52000"), "52\u00a0000\u00a0€"),
        ("en", "EUR", Decimal("10.5"), "€10.50"),
        ("ru", "EUR", Decimal("0"), "0\u00a0€"),
    ],
)
def test_money_is_written_as_cldr_writes_it_in_the_vendors_currency(
    language: str, currency: str, amount: Decimal, expected: str
) -> None:
    assert Texts(language, currency).money(amount) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "05.12.2026"), ("en", "5 Dec 2026"), ("bg", "5.12.2026")],
)
def test_dates_read_the_local_way(language: str, expected: str) -> None:
    assert Texts(language, "RUB").date(date(2026, 12, 5)) == expected


@pytest.mark.parametrize(
    ("language", "wide", "abbreviated"),
    [("ru", "понедельник", "пн"), ("en", "Monday", "Mon"), ("bg", "понеделник", "пн")],
)
def test_weekdays_are_cldr_names(language: str, wide: str, abbreviated: str) -> None:
    t = Texts(language, "RUB")
    assert t.weekday(date(2026, 12, 7)) == wide
    assert t.weekday(1, "abbreviated") == abbreviated


@pytest.mark.parametrize("language", LANGUAGES)
def test_times_use_the_24_hour_clock_and_moments_join_date_and_time(language: str) -> None:
    t = Texts(language, "RUB")
    assert t.time(time(14, 5)) == "14:05"
    moment = datetime(2026, 12, 5, 9, 30)
    assert t.moment(moment) == f"{t.date(moment.date())} {t.time(moment)}"


def test_numbers_group_digits_but_request_numbers_do_not() -> None:
    t = Texts("ru", "RUB")
    assert t.number(12500) == "12\u00a0500"
    assert "№12345" in t("renewal.invoice_filed", number=12345)


def test_a_missing_argument_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(KeyError, match=r"renewal\.invoice_filed"):
        Texts("ru", "RUB")("renewal.invoice_filed")


def _override(folder: Path, language: str, body: str) -> Path:
    (folder / language).mkdir(parents=True, exist_ok=True)
    (folder / language / "common.ftl").write_text(body, encoding="utf-8")
    return folder


def test_an_override_folder_replaces_one_text_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = _override(tmp_path, "ru", "menu-title = Техподдержка ООО «Ромашка»\n")
    russian, english = Texts("ru", "RUB", folder), Texts("en", "RUB", folder)
    assert russian("menu.title") == "Техподдержка ООО «Ромашка»"
    assert russian("common.to_menu") == Texts("ru", "RUB")("common.to_menu")
    assert english("menu.title") == Texts("en", "RUB")("menu.title")


def test_an_override_of_a_text_that_does_not_exist_names_it(tmp_path: Path) -> None:
    folder = _override(tmp_path, "ru", "menu-titel = Опечатка\n")
    with pytest.raises(CatalogueError, match=r"menu\.titel"):
        Texts("ru", "RUB", folder)


def test_an_override_file_that_is_not_fluent_names_its_line(tmp_path: Path) -> None:
    folder = _override(tmp_path, "bg", "menu-title = Добре\nmenu-help = Помощ\n= broken\n")
    with pytest.raises(CatalogueError, match=r"common\.ftl:3"):
        Texts("bg", "RUB", folder)

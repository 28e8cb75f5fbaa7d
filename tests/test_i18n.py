"""The three catalogues say the same things: same keys, same placeholders."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

import pytest

from handlers.i18n import LANGUAGES, catalogue, pick_language, texts


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "ru"])
def test_every_russian_text_exists_in_language_with_the_same_placeholders(language: str) -> None:
    russian, other = catalogue("ru"), catalogue(language)
    assert sorted(set(russian) - set(other)) == []
    assert sorted(set(other) - set(russian)) == []
    mismatched = [key for key in russian if placeholders(russian[key]) != placeholders(other[key])]
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
    ("language", "amount", "expected"),
    [
        ("ru", Decimal("1998"), "1\u00a0998\u00a0₽"),
        ("bg", Decimal("52000"), "52\u00a0000\u00a0₽"),
        ("en", Decimal("1998"), "1,998 RUB"),
        ("ru", Decimal("1321.50"), "1\u00a0321,50\u00a0₽"),
    ],
)
def test_money_is_written_the_local_way(language: str, amount: Decimal, expected: str) -> None:
    assert texts(language).money(amount) == expected


def test_dates_are_day_first_in_russian_and_spelled_in_english() -> None:
    assert texts("ru").date(date(2027, 11, 13)) == "13.11.2027"
    assert texts("en").date(date(2027, 11, 13)) == "13 Nov 2027"

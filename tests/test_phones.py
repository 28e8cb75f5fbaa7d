"""Phones typed or exported in the usual ways become one E.164 form, or are refused."""

from __future__ import annotations

import pytest

from storage.phones import normalize_phone


@pytest.mark.parametrize(
    "text",
    [
        "+7 999 000-11-22",
        "8 (999) 000-11-22",
        "79990001122",
        "9990001122",
        "+7(999)000.11.22",
        " 8-999-000-11-22 ",
        "8\u00a0999\u00a0000\u00a011\u00a022",
        "0079990001122",
    ],
)
def test_russian_forms_become_one_number(text: str) -> None:
    assert normalize_phone(text) == "+79990001122"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+359 888 123 456", "+359888123456"),
        ("+49 (30) 1234-5678", "+493012345678"),
        ("+1 202 555 0123", "+12025550123"),
    ],
)
def test_other_countries_keep_their_code(text: str, expected: str) -> None:
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12345",
        "+7 999 000-11",  # too short for +7
        "+7 999 000-11-22-33",  # too long for +7
        "+1234567",  # 7 digits
        "+1234567890123456",  # 16 digits
        "999 000 11 22 ext 5",
        "phone: 89990001122",
        "899900011223",  # 12 digits without a plus
        "69990001122",  # 11 digits, not 7 or 8 first
        "++79990001122",
    ],
)
def test_not_a_phone(text: str) -> None:
    assert normalize_phone(text) is None


def test_national_numbers_need_a_known_default_country() -> None:
    assert normalize_phone("9990001122", default_country="KZ") == "+79990001122"
    assert normalize_phone("0888123456", default_country="BG") is None
    assert normalize_phone("+359888123456", default_country="BG") == "+359888123456"

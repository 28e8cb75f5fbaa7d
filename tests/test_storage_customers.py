"""Customers: found by phone in any usual form, by a manager's /find, and erased on /forget."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest

from storage import customers, licenses
from storage.db import Database
from storage.demo import load_demo

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


@pytest.fixture
async def demo(db: Database) -> AsyncIterator[Database]:
    report = await load_demo(db, today=TODAY, now=NOW)
    assert report.ok, report.errors
    yield db


@pytest.mark.parametrize("typed", ["+79990001122", "8 (999) 000-11-22", "9990001122"])
async def test_find_by_phone_in_any_usual_form(demo: Database, typed: str) -> None:
    async with demo.unit() as unit:
        found = await customers.find_by_phone(unit, typed)
    assert found is not None
    assert found.name == "Иван Петров"
    assert found.company == "ООО «Мебель-Про»"
    assert found.resident is True


async def test_unknown_or_invalid_phone_finds_nobody(demo: Database) -> None:
    async with demo.unit() as unit:
        assert await customers.find_by_phone(unit, "+79995556677") is None
        assert await customers.find_by_phone(unit, "not a phone") is None


@pytest.mark.parametrize(
    ("query", "company"),
    [
        ("петров", "ООО «Мебель-Про»"),  # Cyrillic typed in lower case
        ("МЕБЕЛЬ-ПРО", "ООО «Мебель-Про»"),
        ("sofia", "Sofia Furniture EOOD"),  # Latin, any case
        ("SIDOROVA@EXAMPLE", "ИП Сидорова"),  # e-mail
        ("000-33-44", "ИП Сидорова"),  # part of a phone, typed with dashes
        ("8 999 000 33 44", "ИП Сидорова"),  # a whole phone in national form
        ("L-1003", "Sofia Furniture EOOD"),  # license number
        ("M-100200", "ИП Сидорова"),  # key serial
    ],
)
async def test_search_finds_by_any_identifying_text(
    demo: Database, query: str, company: str
) -> None:
    async with demo.unit() as unit:
        found = await customers.search(unit, query)
    assert [customer.company for customer in found] == [company]


async def test_search_treats_like_wildcards_literally(demo: Database) -> None:
    async with demo.unit() as unit:
        assert await customers.search(unit, "%") == []
        assert await customers.search(unit, "_") == []
        assert await customers.search(unit, "  ") == []


async def test_search_lists_several_matches_and_respects_the_limit(demo: Database) -> None:
    async with demo.unit() as unit:
        everyone = await customers.search(unit, "L-100")
        two = await customers.search(unit, "L-100", limit=2)
    assert len(everyone) == 3
    assert len(two) == 2


async def test_erasure_blanks_personal_data_but_keeps_licenses(demo: Database) -> None:
    async with demo.unit() as unit:
        petrov = await customers.find_by_phone(unit, "+79990001122")
        assert petrov is not None
        assert await customers.erase_personal_data(unit, petrov.id, NOW) is True
        assert await customers.erase_personal_data(unit, petrov.id, NOW) is False
    async with demo.unit() as unit:
        erased = await customers.get(unit, petrov.id)
        own_licenses = await licenses.of_customer(unit, petrov.id)
        by_phone = await customers.find_by_phone(unit, "+79990001122")
        by_license = await customers.search(unit, "L-1001")
        row = await unit.fetchone("SELECT erased_at FROM customers WHERE id = ?", (petrov.id,))
    assert erased is not None
    assert (erased.name, erased.company, erased.phone, erased.email) == ("", "", None, "")
    assert row is not None and row["erased_at"] is not None
    assert [lic.number for lic in own_licenses] == ["L-1001", "L-1002"]
    assert by_phone is None
    assert by_license == []


async def test_digits_of_a_license_number_do_not_match_phones(demo: Database) -> None:
    async with demo.unit() as unit:
        found = await customers.search(unit, "L-0001")  # "0001" is not part of a phone here
        by_digits = await customers.search(unit, "0001")
    assert found == []
    assert [customer.name for customer in by_digits] == ["Иван Петров"]  # +7999 0001 122

"""Typed records kept as JSON (a conversation's data, a request's details): what older
versions stored still loads, what cannot be read falls back to the default, and writing
keeps what this version does not know."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest

from handlers.engine.stored import Stored


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True, slots=True, kw_only=True)
class Inner(Stored):
    n: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Record(Stored):
    request_id: int | None = None
    name: str = ""
    flag: bool = False
    amount: Decimal | None = None
    day: date | None = None
    at: datetime | None = None
    colour: Colour | None = None
    ids: tuple[int, ...] = ()
    about: dict[str, Any] | None = None
    inner: Inner | None = None


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({}, Record()),
        (None, Record()),
        ({"request_id": 7}, Record(request_id=7)),
        ({"request_id": "7"}, Record(request_id=7)),  # written as text by an older version
        ({"request_id": "seven"}, Record()),  # unreadable: the default
        ({"request_id": True}, Record()),
        ({"request_id": None}, Record()),
        ({"name": 12}, Record(name="12")),
        ({"flag": "yes"}, Record()),
        ({"amount": "7990.50"}, Record(amount=Decimal("7990.50"))),
        ({"day": "2026-12-05"}, Record(day=date(2026, 12, 5))),
        ({"day": "05.12.2026"}, Record()),
        (
            {"at": "2026-12-05T10:00:00+00:00"},
            Record(at=datetime(2026, 12, 5, 10, tzinfo=UTC)),
        ),
        ({"colour": "blue"}, Record(colour=Colour.BLUE)),
        ({"colour": "green"}, Record()),
        ({"ids": [3, "4"]}, Record(ids=(3, 4))),
        ({"ids": [3, "x"]}, Record()),
        ({"about": {"topic": "key"}}, Record(about={"topic": "key"})),
        ({"inner": {"n": "2"}}, Record(inner=Inner(n=2))),
    ],
)
def test_a_stored_object_reads_as_its_record(
    stored: dict[str, Any] | None, expected: Record
) -> None:
    assert Record.from_stored(stored) == expected


def test_keys_this_version_does_not_know_are_written_back() -> None:
    record = Record.from_stored({"request_id": 7, "resume": "renewal", "by": "m1"})
    assert record.unknown == {"resume": "renewal", "by": "m1"}
    changed = replace(record, name="Иван")
    assert changed.to_stored() == {"request_id": 7, "name": "Иван", "resume": "renewal", "by": "m1"}


def test_writing_leaves_defaults_out_and_reads_back_the_same() -> None:
    record = Record(
        request_id=5,
        amount=Decimal("1998"),
        day=date(2027, 1, 4),
        at=datetime(2026, 12, 5, 9, 30, tzinfo=UTC),
        colour=Colour.RED,
        ids=(1, 2),
        inner=Inner(n=3),
    )
    stored = record.to_stored()
    assert stored == {
        "request_id": 5,
        "amount": "1998",
        "day": "2027-01-04",
        "at": "2026-12-05T09:30:00+00:00",
        "colour": "red",
        "ids": [1, 2],
        "inner": {"n": 3},
    }
    assert Record.from_stored(stored) == record
    assert Record().to_stored() == {}

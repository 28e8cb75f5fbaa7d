"""add_months clamps to the month's end; local_today reads the date in the vendor's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from handlers.policy import Policy
from handlers.rules.dates import add_months, local_today


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2026, 1, 15), 1, date(2026, 2, 15), id="mid-month"),
        pytest.param(date(2026, 1, 31), 1, date(2026, 2, 28), id="31jan-non-leap"),
        pytest.param(date(2028, 1, 31), 1, date(2028, 2, 29), id="31jan-leap"),
        pytest.param(date(2026, 3, 31), 1, date(2026, 4, 30), id="31mar-to-30apr"),
        pytest.param(date(2028, 2, 29), 12, date(2029, 2, 28), id="29feb-plus-year"),
        pytest.param(date(2026, 11, 30), 2, date(2027, 1, 30), id="over-new-year"),
        pytest.param(date(2026, 12, 31), 12, date(2027, 12, 31), id="whole-year"),
        pytest.param(date(2026, 3, 31), -1, date(2026, 2, 28), id="backwards-clamped"),
        pytest.param(date(2026, 1, 15), -1, date(2025, 12, 15), id="backwards-over-year"),
        pytest.param(date(2026, 5, 9), 0, date(2026, 5, 9), id="zero"),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_months_out_of_range() -> None:
    with pytest.raises(OverflowError):
        add_months(date(9999, 12, 1), 1)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(datetime(2026, 3, 1, 20, 59, tzinfo=UTC), date(2026, 3, 1), id="utc-before"),
        pytest.param(datetime(2026, 3, 1, 21, 0, tzinfo=UTC), date(2026, 3, 2), id="utc-midnight"),
        pytest.param(
            datetime(2026, 3, 2, 1, 0, tzinfo=timezone(timedelta(hours=10))),
            date(2026, 3, 1),
            id="east-of-moscow",
        ),
    ],
)
def test_local_today_in_vendor_zone(policy: Policy, now: datetime, expected: date) -> None:
    assert local_today(now, policy) == expected


def test_local_today_refuses_naive(policy: Policy) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_today(datetime(2026, 3, 1, 12, 0), policy)

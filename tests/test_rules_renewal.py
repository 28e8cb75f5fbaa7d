"""Support renewal quote (docs/rules.md#support-renewal): rate by date, rounding, new end,
protection terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.protection import KeyTerms, Outlook
from handlers.rules.renewal import (
    RenewalRate,
    SupportStanding,
    SupportState,
    renewal_quote,
    support_state,
)

PRE = RenewalRate.PREFERENTIAL
STD = RenewalRate.STANDARD
PAY_BY, LAPSED = Outlook.PAY_BY, Outlook.LAPSED


@pytest.mark.parametrize(
    ("price", "support_end", "today", "rate_kind", "amount", "until", "new_end"),
    [
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 3, 20), PRE, "1998",
            date(2026, 4, 10), date(2027, 3, 10), id="spec-example-preferential",
        ),
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 5, 20), STD, "3596",
            date(2026, 4, 10), date(2027, 5, 20), id="spec-example-standard",
        ),
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 1, 5), PRE, "1998",
            date(2026, 4, 10), date(2027, 3, 10), id="before-end",
        ),
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 3, 10), PRE, "1998",
            date(2026, 4, 10), date(2027, 3, 10), id="on-end-day",
        ),
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 4, 10), PRE, "1998",
            date(2026, 4, 10), date(2027, 3, 10), id="exactly-end-plus-month",
        ),
        pytest.param(
            "7990", date(2026, 3, 10), date(2026, 4, 11), STD, "3596",
            date(2026, 4, 10), date(2027, 4, 11), id="day-after-end-plus-month",
        ),
        pytest.param(
            "7990", date(2026, 1, 31), date(2026, 2, 28), PRE, "1998",
            date(2026, 2, 28), date(2027, 1, 31), id="31jan-28feb-non-leap-last-day",
        ),
        pytest.param(
            "7990", date(2028, 1, 31), date(2028, 2, 29), PRE, "1998",
            date(2028, 2, 29), date(2029, 1, 31), id="31jan-29feb-leap",
        ),
        pytest.param(
            "7990", date(2026, 1, 31), date(2026, 3, 1), STD, "3596",
            date(2026, 2, 28), date(2027, 3, 1), id="31jan-1mar-standard",
        ),
        pytest.param(
            "7990", date(2028, 2, 29), date(2028, 3, 1), PRE, "1998",
            date(2028, 3, 29), date(2029, 2, 28), id="29feb-new-end-clamped",
        ),
        pytest.param(
            "7990", date(2027, 6, 30), date(2028, 2, 29), STD, "3596",
            date(2027, 7, 30), date(2029, 2, 28), id="standard-from-29feb-clamped",
        ),
        pytest.param(
            "1002", date(2026, 3, 10), date(2026, 3, 10), PRE, "251",
            date(2026, 4, 10), date(2027, 3, 10), id="half-up-not-half-even",
        ),
        pytest.param(
            "7989", date(2026, 3, 10), date(2026, 3, 10), PRE, "1997",
            date(2026, 4, 10), date(2027, 3, 10), id="below-half-rounds-down",
        ),
        pytest.param(
            "1010", date(2026, 3, 10), date(2026, 6, 1), STD, "455",
            date(2026, 4, 10), date(2027, 6, 1), id="standard-half-up",
        ),
        pytest.param(
            "7990.50", date(2026, 3, 10), date(2026, 3, 10), PRE, "1998",
            date(2026, 4, 10), date(2027, 3, 10), id="kopecks-in-price",
        ),
    ],
)  # fmt: skip
def test_renewal_quote(
    policy: Policy,
    price: str,
    support_end: date,
    today: date,
    rate_kind: RenewalRate,
    amount: str,
    until: date,
    new_end: date,
) -> None:
    quote = renewal_quote(price=Decimal(price), support_end=support_end, today=today, policy=policy)
    assert quote.rate_kind is rate_kind
    assert quote.rate == (Decimal("0.25") if rate_kind is PRE else Decimal("0.45"))
    assert quote.amount == Decimal(amount)
    assert quote.amount.as_tuple().exponent == 0, "whole rubles"
    assert quote.preferential_until == until
    assert quote.new_support_end == new_end
    assert quote.price == Decimal(price)
    assert (quote.support_end, quote.today) == (support_end, today)
    assert quote.protection == ()
    assert quote.support_lapsed is (today > support_end)


@dataclass(frozen=True)
class Period:
    number: str
    support_end: date
    paid_on: date | None = None
    previous_end: date | None = None


@dataclass(frozen=True)
class Key:
    serial: str
    support: tuple[Period, ...]
    connected: bool = True
    connected_on: date | None = date(2025, 1, 10)


ONE_LICENSE = Key("3-100", (Period("L-1", date(2026, 3, 10)),))


def keeps(price: Decimal) -> KeyTerms:
    """Kept if the renewal is paid by E + 14 (24 March)."""
    return KeyTerms("3-100", PAY_BY, date(2026, 3, 24), None, (), price)


@pytest.mark.parametrize(
    ("today", "resident", "expected"),
    [
        pytest.param(
            date(2026, 3, 20), True, keeps(Decimal("2500")),
            id="before-deadline-resident",
        ),
        pytest.param(
            date(2026, 3, 24), True, keeps(Decimal("2500")),
            id="on-deadline-kept",
        ),
        pytest.param(
            date(2026, 3, 25), True, KeyTerms("3-100", LAPSED, None, None, (), Decimal("2500")),
            id="day-after-deadline-lost",
        ),
        pytest.param(
            date(2026, 3, 25), False, KeyTerms("3-100", LAPSED, None, None, (), Decimal("3500")),
            id="lost-non-resident",
        ),
        pytest.param(
            date(2026, 2, 1), False, keeps(Decimal("3500")),
            id="early-non-resident",
        ),
    ],
)  # fmt: skip
def test_protection_terms(policy: Policy, today: date, resident: bool, expected: KeyTerms) -> None:
    quote = renewal_quote(
        price=Decimal("7990"),
        support_end=date(2026, 3, 10),
        today=today,
        policy=policy,
        license_number="L-1",
        keys=[ONE_LICENSE],
        resident=resident,
    )
    assert quote.protection == (expected,)
    assert quote.protection[0].keeps_service is (expected.outlook is not LAPSED)


def test_protection_deadline_from_policy(policy: Policy) -> None:
    changed = policy.model_copy(
        update={"protection": policy.protection.model_copy(update={"reconnect_after_days": 0})}
    )
    on_end, day_after = (
        renewal_quote(
            price=Decimal("7990"),
            support_end=date(2026, 3, 10),
            today=today,
            policy=changed,
            license_number="L-1",
            keys=[ONE_LICENSE],
        )
        for today in (date(2026, 3, 10), date(2026, 3, 11))
    )
    assert on_end.protection[0].deadline == date(2026, 3, 10)
    assert day_after.protection[0].keeps_service is False


@pytest.mark.parametrize(
    ("update", "today", "rate_kind", "amount", "new_end"),
    [
        pytest.param(
            {"preferential_grace_months": 0}, date(2026, 3, 11), STD, "3596", date(2027, 3, 11),
            id="no-grace",
        ),
        pytest.param(
            {"preferential_grace_months": 2}, date(2026, 5, 10), PRE, "1998", date(2027, 3, 10),
            id="two-month-grace",
        ),
        pytest.param(
            {"standard_rate": Decimal("0.40")}, date(2026, 6, 1), STD, "3196", date(2027, 6, 1),
            id="seed-40-percent",
        ),
        pytest.param(
            {"renewal_term_months": 6}, date(2026, 3, 1), PRE, "1998", date(2026, 9, 10),
            id="six-month-term",
        ),
    ],
)  # fmt: skip
def test_policy_values_drive_the_quote(
    policy: Policy,
    update: dict[str, object],
    today: date,
    rate_kind: RenewalRate,
    amount: str,
    new_end: date,
) -> None:
    changed = policy.model_copy(update={"support": policy.support.model_copy(update=update)})
    quote = renewal_quote(
        price=Decimal("7990"), support_end=date(2026, 3, 10), today=today, policy=changed
    )
    assert (quote.rate_kind, quote.amount, quote.new_support_end) == (
        rate_kind,
        Decimal(amount),
        new_end,
    )


@pytest.mark.parametrize(
    ("price", "error"),
    [
        pytest.param(7990.0, TypeError, id="float"),
        pytest.param("7990", TypeError, id="str"),
        pytest.param(True, TypeError, id="bool"),
        pytest.param(Decimal("-1"), ValueError, id="negative"),
        pytest.param(Decimal("NaN"), ValueError, id="nan"),
    ],
)
def test_bad_price_refused(policy: Policy, price: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        renewal_quote(
            price=price,  # type: ignore[arg-type]
            support_end=date(2026, 3, 10),
            today=date(2026, 3, 10),
            policy=policy,
        )


def test_int_price_accepted(policy: Policy) -> None:
    quote = renewal_quote(
        price=7990,  # type: ignore[arg-type]
        support_end=date(2026, 3, 10),
        today=date(2026, 3, 10),
        policy=policy,
    )
    assert quote.amount == Decimal("1998")


@pytest.mark.parametrize(
    ("support_end", "expected"),
    [
        pytest.param(date(2027, 1, 1), SupportState(SupportStanding.ACTIVE, 39), id="far-off"),
        pytest.param(date(2026, 12, 23), SupportState(SupportStanding.ENDING, 30), id="reach"),
        pytest.param(date(2026, 11, 23), SupportState(SupportStanding.ENDING, 0), id="today"),
        pytest.param(date(2026, 11, 22), SupportState(SupportStanding.LAPSED, 1), id="lapsed"),
    ],
)
def test_support_state_ends_within_the_first_reminders_reach(
    policy: Policy, support_end: date, expected: SupportState
) -> None:
    assert policy.reminders.days_before_end == [30, 7, 1]
    assert support_state(support_end, date(2026, 11, 23), policy) == expected
    silent = policy.model_copy(
        update={"reminders": policy.reminders.model_copy(update={"days_before_end": [7]})}
    )
    if expected.days == 30 and expected.standing is SupportStanding.ENDING:
        assert support_state(support_end, date(2026, 11, 23), silent).standing is (
            SupportStanding.ACTIVE
        )

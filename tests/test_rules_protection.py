"""The additional protection service of one key over time (docs/rules.md#protection-service):
a renewal paid later than the key's support end + 14 days lapses the service whatever the
new end; the service belongs to the key, so another license on it can keep it; a quote
never shows a deadline that has passed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.protection import (
    KeyTerms,
    Outlook,
    holds_the_key,
    key_support_end,
    key_terms,
    lapsed_on,
)

E = date(2026, 12, 10)
NEXT = date(2027, 12, 10)  # E + 12 months: the preferential renewal's new end
FIRST_SEEN = date(2026, 6, 1)  # the day the portfolio was first imported
CONNECTED = date(2026, 1, 10)


def day(n: int) -> date:
    """E + n days."""
    return E + timedelta(days=n)


@dataclass(frozen=True)
class Period:
    number: str
    support_end: date
    paid_on: date | None = FIRST_SEEN
    previous_end: date | None = None


@dataclass(frozen=True)
class Key:
    support: tuple[Period, ...]
    connected: bool = True
    connected_on: date | None = CONNECTED
    serial: str = "3-100"


def renewed(number: str, paid_on: date | None, *, old: date = E, new: date = NEXT) -> Period:
    return Period(number, new, paid_on, old)


@pytest.mark.parametrize(
    ("support", "connected_on", "lapse"),
    [
        pytest.param((Period("L-1", E),), CONNECTED, None, id="not-renewed-no-payment-lapse"),
        pytest.param((renewed("L-1", day(-5)),), CONNECTED, None, id="paid-before-the-end"),
        pytest.param((renewed("L-1", day(14)),), CONNECTED, None, id="paid-on-the-14th-day"),
        pytest.param((renewed("L-1", day(15)),), CONNECTED, day(15), id="paid-on-the-15th-day"),
        pytest.param((renewed("L-1", day(70)),), CONNECTED, day(15), id="paid-two-months-late"),
        pytest.param(
            (renewed("L-1", day(40)), Period("L-2", day(30))), CONNECTED, None,
            id="late-for-its-own-end-but-another-license-kept-the-key",
        ),
        pytest.param(
            (renewed("L-1", day(60)), Period("L-2", day(30))), CONNECTED, day(45),
            id="late-for-the-other-license-end-too",
        ),
        pytest.param(
            (renewed("L-1", day(20)), renewed("L-2", day(20))), CONNECTED, day(15),
            id="both-renewed-late-the-same-day",
        ),
        pytest.param(
            (renewed("L-1", day(5)), renewed("L-2", day(60))), CONNECTED, None,
            id="the-first-renewal-in-time-carries-the-key",
        ),
        pytest.param(
            (renewed("L-1", day(20)),), day(15), None, id="connected-again-on-the-lapse-day",
        ),
        pytest.param(
            (renewed("L-1", day(20)),), day(14), day(15), id="connected-before-the-lapse",
        ),
        pytest.param(
            (renewed("L-1", day(20)),), None, day(15), id="connection-date-unknown",
        ),
        pytest.param(
            (Period("L-1", E), Period("L-2", NEXT, day(40))), CONNECTED, None,
            id="a-license-first-seen-is-not-a-renewal",
        ),
        pytest.param(
            (Period("L-1", E - timedelta(days=30), day(60), E),), CONNECTED, None,
            id="an-end-corrected-earlier-is-not-a-renewal",
        ),
        pytest.param(
            (renewed("L-1", None),), CONNECTED, None, id="payment-day-unknown",
        ),
    ],
)  # fmt: skip
def test_a_renewal_paid_late_lapses_the_service(
    policy: Policy, support: tuple[Period, ...], connected_on: date | None, lapse: date | None
) -> None:
    assert policy.protection.reconnect_after_days == 14
    assert lapsed_on(support, connected_on, policy) == lapse


def test_the_lapse_day_follows_the_policy(policy: Policy) -> None:
    changed = policy.model_copy(
        update={"protection": policy.protection.model_copy(update={"reconnect_after_days": 3})}
    )
    assert lapsed_on((renewed("L-1", day(3)),), CONNECTED, changed) is None
    assert lapsed_on((renewed("L-1", day(4)),), CONNECTED, changed) == day(4)


def test_the_keys_support_end_is_the_latest_of_its_licenses() -> None:
    assert key_support_end((Period("L-1", E), Period("L-2", day(30)))) == day(30)
    assert key_support_end(()) is None


RESIDENT, NON_RESIDENT = Decimal("2500"), Decimal("3500")
KEPT, PAY_BY, LAPSED = Outlook.KEPT, Outlook.PAY_BY, Outlook.LAPSED


@pytest.mark.parametrize(
    ("key", "today", "expected"),
    [
        pytest.param(
            Key((Period("L-1", E),)), day(-30),
            KeyTerms("3-100", PAY_BY, day(14), None, (), RESIDENT), id="alone-before-the-end",
        ),
        pytest.param(
            Key((Period("L-1", E),)), day(14),
            KeyTerms("3-100", PAY_BY, day(14), None, (), RESIDENT), id="alone-on-the-14th-day",
        ),
        pytest.param(
            Key((Period("L-1", E),)), day(15),
            KeyTerms("3-100", LAPSED, None, None, (), RESIDENT), id="alone-on-the-15th-day",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", day(30)))), day(10),
            KeyTerms("3-100", KEPT, None, day(30), ("L-2",), RESIDENT),
            id="kept-by-another-license",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", day(30)), Period("L-3", day(30)))), day(30),
            KeyTerms("3-100", KEPT, None, day(30), ("L-2", "L-3"), RESIDENT),
            id="kept-by-two-licenses-on-their-last-day",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", day(30)))), day(31),
            KeyTerms("3-100", PAY_BY, day(44), None, (), RESIDENT),
            id="the-keeper-ended-too-the-keys-deadline",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", E))), day(3),
            KeyTerms("3-100", PAY_BY, day(14), None, (), RESIDENT), id="same-end-as-another",
        ),
        pytest.param(
            Key((renewed("L-1", day(15)),)), day(20),
            KeyTerms("3-100", LAPSED, None, None, (), RESIDENT),
            id="renewed-late-lapsed-though-the-end-is-next-year",
        ),
        pytest.param(
            Key((Period("L-1", NEXT),), connected=False), day(1),
            KeyTerms("3-100", LAPSED, None, None, (), RESIDENT), id="disconnected-by-the-bot",
        ),
    ],
)  # fmt: skip
def test_what_a_renewal_of_l1_means_for_the_service_on_its_key(
    policy: Policy, key: Key, today: date, expected: KeyTerms
) -> None:
    terms = key_terms("L-1", key, today, policy, resident=True)
    assert terms == expected
    for shown in (terms.deadline, terms.kept_until):
        assert shown is None or shown >= today, "never a past date as an instruction"


def test_the_reconnection_price_follows_residency(policy: Policy) -> None:
    key = Key((Period("L-1", E),))
    assert key_terms("L-1", key, day(20), policy, resident=False).reconnection_price == (
        NON_RESIDENT
    )


@pytest.mark.parametrize(
    ("key", "number", "end", "holds"),
    [
        pytest.param(Key((Period("L-1", E),)), "L-1", E, True, id="its-only-license"),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", day(30)))), "L-1", E, False,
            id="another-license-ends-later",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-2", day(30)))), "L-2", day(30), True,
            id="the-license-ending-last",
        ),
        pytest.param(
            Key((Period("L-1", E),), connected=False), "L-1", E, False, id="disconnected",
        ),
        pytest.param(
            Key((Period("L-1", E), Period("L-9", E))), "L-2", E, False, id="not-on-the-key",
        ),
        pytest.param(
            Key((renewed("L-1", day(-20), old=day(-40), new=E),
                 renewed("L-2", day(-10), old=day(-60)))),
            "L-2", NEXT, False, id="lapsed-by-a-late-renewal",
        ),
    ],
)  # fmt: skip
def test_who_gets_the_pay_by_e_plus_14_reminder(
    policy: Policy, key: Key, number: str, end: date, holds: bool
) -> None:
    assert holds_the_key(number, end, key, day(10), policy) is holds

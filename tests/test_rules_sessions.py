"""Remote session estimate and bill (docs/rules.md#price-and-bill): rate, minimum hour,
the one-time fee and which session owes it; the minimum notice (docs/rules.md#booking)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.sessions import (
    DirectSession,
    SessionKind,
    SessionState,
    bookable_start,
    booking_changeable,
    earliest_start,
    fee_billed,
    fee_due_on_bill,
    fee_due_on_new_booking,
    fee_heir,
    session_bill,
    session_estimate,
)

BACKUP = SessionKind.BACKUP
DIRECT = SessionKind.DIRECT


def _sessions(policy: Policy, **update: object) -> Policy:
    return policy.model_copy(update={"sessions": policy.sessions.model_copy(update=update)})


@pytest.mark.parametrize(
    ("kind", "hours", "first", "time_amount", "fee", "total"),
    [
        pytest.param(BACKUP, 1, False, "1300", "0", "1300", id="1h-backup"),
        pytest.param(BACKUP, 3, True, "3900", "0", "3900", id="backup-never-has-fee"),
        pytest.param(DIRECT, 2, True, "2600", "4000", "6600", id="2h-direct-first"),
        pytest.param(DIRECT, 2, False, "2600", "0", "2600", id="2h-direct-not-first"),
        pytest.param(DIRECT, 1, True, "1300", "4000", "5300", id="1h-direct-first"),
        pytest.param("direct", 3, False, "3900", "0", "3900", id="kind-as-string"),
    ],
)
def test_session_estimate(
    policy: Policy,
    kind: SessionKind,
    hours: int,
    first: bool,
    time_amount: str,
    fee: str,
    total: str,
) -> None:
    estimate = session_estimate(kind=kind, hours=hours, connection_fee_due=first, policy=policy)
    assert estimate.kind is SessionKind(kind)
    assert estimate.hours == hours
    assert estimate.hourly_rate == Decimal("1300")
    assert estimate.time_amount == Decimal(time_amount)
    assert estimate.connection_fee == Decimal(fee)
    assert estimate.total == Decimal(total)


@pytest.mark.parametrize("hours", [0, 4, -1, True], ids=["zero", "four", "negative", "bool"])
def test_estimate_refuses_unbookable_hours(policy: Policy, hours: int) -> None:
    with pytest.raises(ValueError, match="hours"):
        session_estimate(kind=BACKUP, hours=hours, connection_fee_due=False, policy=policy)


def test_estimate_durations_from_policy(policy: Policy) -> None:
    changed = _sessions(policy, durations_hours=[1, 4])
    assert session_estimate(
        kind=BACKUP, hours=4, connection_fee_due=False, policy=changed
    ).total == Decimal("5200")
    with pytest.raises(ValueError):
        session_estimate(kind=BACKUP, hours=2, connection_fee_due=False, policy=changed)


@pytest.mark.parametrize(
    ("kind", "minutes", "due", "billed", "time_amount", "fee", "total"),
    [
        pytest.param(BACKUP, 0, False, 60, "1300", "0", "1300", id="0min-minimum-hour"),
        pytest.param(BACKUP, 20, False, 60, "1300", "0", "1300", id="20min-minimum-hour"),
        pytest.param(BACKUP, 60, False, 60, "1300", "0", "1300", id="exactly-hour"),
        pytest.param(BACKUP, 61, False, 61, "1322", "0", "1322", id="61min-rounds-up"),
        pytest.param(BACKUP, 90, False, 90, "1950", "0", "1950", id="90min"),
        pytest.param(BACKUP, 59, True, 60, "1300", "0", "1300", id="backup-fee-ignored"),
        pytest.param(DIRECT, 90, True, 90, "1950", "4000", "5950", id="direct-first"),
        pytest.param(DIRECT, 90, False, 90, "1950", "0", "1950", id="direct-repeat"),
        pytest.param(DIRECT, 181, False, 181, "3922", "0", "3922", id="over-booked-3h"),
    ],
)
def test_session_bill(
    policy: Policy,
    kind: SessionKind,
    minutes: int,
    due: bool,
    billed: int,
    time_amount: str,
    fee: str,
    total: str,
) -> None:
    bill = session_bill(kind=kind, minutes_spent=minutes, connection_fee_due=due, policy=policy)
    assert bill.kind is kind
    assert bill.minutes_spent == minutes
    assert bill.billed_minutes == billed
    assert bill.hourly_rate == Decimal("1300")
    assert bill.time_amount == Decimal(time_amount)
    assert bill.connection_fee == Decimal(fee)
    assert bill.total == Decimal(total)


@pytest.mark.parametrize(
    ("update", "minutes", "billed", "total"),
    [
        pytest.param({"billing_step_minutes": 15}, 61, 75, "1625", id="step-15-rounds-up"),
        pytest.param({"billing_step_minutes": 15}, 75, 75, "1625", id="step-15-exact"),
        pytest.param({"billing_step_minutes": 30}, 20, 60, "1300", id="step-below-minimum"),
        pytest.param({"minimum_hours": 2}, 61, 120, "2600", id="two-hour-minimum"),
        pytest.param({"hourly_rate": Decimal("1000")}, 61, 61, "1017", id="rate-1000"),
        pytest.param({"hourly_rate": Decimal("90")}, 75, 75, "113", id="half-up-112.5"),
    ],
)
def test_bill_policy_values(
    policy: Policy, update: dict[str, object], minutes: int, billed: int, total: str
) -> None:
    bill = session_bill(
        kind=BACKUP,
        minutes_spent=minutes,
        connection_fee_due=False,
        policy=_sessions(policy, **update),
    )
    assert (bill.billed_minutes, bill.total) == (billed, Decimal(total))


@pytest.mark.parametrize(
    ("minutes", "error"),
    [
        pytest.param(-1, ValueError, id="negative"),
        pytest.param(1.5, TypeError, id="float"),
        pytest.param(False, TypeError, id="bool"),
    ],
)
def test_bill_refuses_bad_minutes(policy: Policy, minutes: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        session_bill(
            kind=BACKUP,
            minutes_spent=minutes,  # type: ignore[arg-type]
            connection_fee_due=False,
            policy=policy,
        )


START = datetime(2026, 3, 10, 12, 0, tzinfo=timezone(timedelta(hours=3)))


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(START - timedelta(days=1), True, id="day-before"),
        pytest.param(START - timedelta(hours=2), True, id="exactly-2h-before"),
        pytest.param(START - timedelta(hours=2) + timedelta(seconds=1), False, id="just-inside-2h"),
        pytest.param(START, False, id="at-start"),
        pytest.param(datetime(2026, 3, 10, 7, 0, tzinfo=UTC), True, id="utc-2h-before"),
        pytest.param(datetime(2026, 3, 10, 7, 1, tzinfo=UTC), False, id="utc-inside"),
    ],
)
def test_booking_changeable(policy: Policy, now: datetime, expected: bool) -> None:
    assert booking_changeable(start=START, now=now, policy=policy) is expected


def test_booking_changeable_refuses_naive(policy: Policy) -> None:
    with pytest.raises(ValueError):
        booking_changeable(start=START, now=datetime(2026, 3, 10, 9, 0), policy=policy)


FEE, NONE = Decimal("4000"), Decimal("0")
#: The moment the fee rules are read at: between the 9th's sessions and the 10th's.
NOW_FEE = START.replace(day=10) - timedelta(hours=1)
BOOKED, HELD, CANCELLED = SessionState.BOOKED, SessionState.HELD, SessionState.CANCELLED


def direct(number: int, state: SessionState, fee: Decimal, day: int = 10) -> DirectSession:
    return DirectSession(id=number, starts_at=START.replace(day=day), state=state, fee=fee)


@pytest.mark.parametrize(
    ("sessions", "new_booking"),
    [
        pytest.param([], True, id="none-yet"),
        pytest.param([direct(1, BOOKED, FEE)], False, id="another-booking-carries-it"),
        pytest.param([direct(1, BOOKED, NONE)], True, id="booked-without-it"),
        pytest.param([direct(1, CANCELLED, FEE)], True, id="the-carrier-was-cancelled"),
        pytest.param([direct(1, HELD, FEE)], False, id="billed"),
        pytest.param([direct(1, HELD, NONE)], True, id="held-but-billed-without-it"),
        pytest.param([direct(1, BOOKED, FEE, 9)], True, id="the-carrier-passed-unbilled"),
        pytest.param(
            [direct(1, BOOKED, FEE, 9), direct(2, BOOKED, FEE, 12)], False, id="one-ahead-carries"
        ),
    ],
)
def test_the_fee_on_a_new_booking(sessions: list[DirectSession], new_booking: bool) -> None:
    """Seed 004 3.3: "Стоимость подключения ... 4000руб. (Единоразовый платеж)"; only a
    booking still ahead carries it (``NOW_FEE`` is the 10th, 08:00 UTC)."""
    assert fee_due_on_new_booking(sessions, now=NOW_FEE) is new_booking


@pytest.mark.parametrize(
    ("sessions", "due"),
    [
        pytest.param([direct(1, BOOKED, NONE)], False, id="its-estimate-had-no-fee"),
        pytest.param([direct(1, BOOKED, NONE), direct(2, BOOKED, FEE)], False, id="held-first"),
        pytest.param([direct(1, BOOKED, FEE), direct(2, BOOKED, NONE)], True, id="it-carried-it"),
        pytest.param([direct(1, BOOKED, FEE), direct(2, HELD, FEE)], False, id="billed-before"),
        pytest.param([direct(1, BOOKED, FEE), direct(2, HELD, NONE)], True, id="held-without"),
        pytest.param([direct(1, HELD, FEE)], True, id="its-own-bill-corrected"),
    ],
)
def test_the_fee_on_a_bill(sessions: list[DirectSession], due: bool) -> None:
    assert fee_due_on_bill(1, sessions) is due
    assert fee_billed(sessions) is any(s.state is HELD and s.fee > 0 for s in sessions)


@pytest.mark.parametrize(
    ("sessions", "heir"),
    [
        pytest.param([direct(1, CANCELLED, FEE)], None, id="no-other-booking"),
        pytest.param(
            [direct(1, CANCELLED, FEE), direct(3, BOOKED, NONE, 14), direct(2, BOOKED, NONE, 12)],
            2,
            id="the-soonest-other",
        ),
        pytest.param(
            [direct(1, CANCELLED, NONE), direct(2, BOOKED, NONE, 12)], None, id="carried-nothing"
        ),
        pytest.param(
            [direct(1, CANCELLED, FEE), direct(2, HELD, FEE), direct(3, BOOKED, NONE, 12)],
            None,
            id="already-billed",
        ),
        pytest.param(
            [direct(1, CANCELLED, FEE), direct(2, CANCELLED, NONE, 12)], None, id="others-cancelled"
        ),
        pytest.param(
            [direct(1, CANCELLED, FEE), direct(2, BOOKED, NONE, 9)], None, id="the-other-is-past"
        ),
        pytest.param(
            [direct(1, CANCELLED, FEE), direct(2, BOOKED, NONE, 9), direct(3, BOOKED, NONE, 12)],
            3,
            id="the-soonest-still-ahead",
        ),
    ],
)
def test_the_fee_passes_to_the_soonest_other_booking(
    sessions: list[DirectSession], heir: int | None
) -> None:
    found = fee_heir(1, sessions, now=NOW_FEE)
    assert (found.id if found else None) == heir


@pytest.mark.parametrize(
    ("notice", "start", "bookable"),
    [
        pytest.param(2, START + timedelta(hours=2), True, id="exactly-the-notice"),
        pytest.param(2, START + timedelta(hours=2, seconds=-1), False, id="a-second-short"),
        pytest.param(2, START + timedelta(minutes=5), False, id="on-the-spot"),
        pytest.param(0, START + timedelta(minutes=5), True, id="no-notice"),
        pytest.param(0, START, False, id="no-notice-not-now"),
        pytest.param(2, datetime(2026, 3, 10, 11, 0, tzinfo=UTC), True, id="utc"),
    ],
)
def test_the_minimum_notice(policy: Policy, notice: int, start: datetime, bookable: bool) -> None:
    """Seed 004 3.1: not given "сразу в момент обращения" (on the spot)."""
    changed = _sessions(policy, min_notice_hours=notice)
    assert earliest_start(START, changed) == START + timedelta(hours=notice)
    assert bookable_start(start, now=START, policy=changed) is bookable

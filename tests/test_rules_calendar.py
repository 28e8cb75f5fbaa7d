"""Working calendar (docs/rules.md#remote-sessions, docs/rules.md#working-hours-and-call-backs):
days, hours, the next working morning and free slots.

Dates used (Russian production calendar as the ``holidays`` package has it):
2026-01-01 holiday, 2026-05-09 Saturday holiday, 2026-05-11 Monday (Victory Day observed),
2026-11-04 Wednesday holiday, 2026-11-05 Thursday working, 2026-12-31 Thursday day off,
2027-01-01..08 holidays, 2027-01-11 Monday the first working day of 2027,
2027-02-20 Saturday worked in exchange for Monday 2027-02-22.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar

MSK = ZoneInfo("Europe/Moscow")


def msk(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=MSK)


@pytest.fixture
def cal(policy: Policy) -> WorkingCalendar:
    return WorkingCalendar(policy)


def _with(policy: Policy, section: str, **update: object) -> Policy:
    return policy.model_copy(update={section: getattr(policy, section).model_copy(update=update)})


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(date(2026, 1, 1), False, id="1-january"),
        pytest.param(date(2026, 1, 9), False, id="9-january-transferred-day-off"),
        pytest.param(date(2026, 1, 12), True, id="first-working-monday-2026"),
        pytest.param(date(2026, 5, 9), False, id="9-may-saturday"),
        pytest.param(date(2026, 5, 11), False, id="victory-day-observed-monday"),
        pytest.param(date(2026, 5, 12), True, id="tuesday-after-victory-day"),
        pytest.param(date(2026, 11, 4), False, id="4-november"),
        pytest.param(date(2026, 11, 5), True, id="5-november-thursday"),
        pytest.param(date(2026, 11, 7), False, id="saturday"),
        pytest.param(date(2026, 11, 8), False, id="sunday"),
        pytest.param(date(2026, 11, 9), True, id="monday"),
        pytest.param(date(2026, 12, 31), False, id="31-december-2026-day-off"),
        pytest.param(date(2027, 1, 11), True, id="11-january-2027"),
        pytest.param(date(2027, 2, 20), True, id="worked-saturday-2027"),
        pytest.param(date(2027, 2, 22), False, id="monday-off-in-exchange"),
    ],
)
def test_is_working_day(cal: WorkingCalendar, day: date, working: bool) -> None:
    assert cal.is_working_day(day) is working


def test_working_weekdays_from_policy(policy: Policy) -> None:
    six_days = WorkingCalendar(_with(policy, "working_hours", weekdays=[1, 2, 3, 4, 5, 6]))
    assert six_days.is_working_day(date(2026, 11, 7)) is True  # Saturday
    assert six_days.is_working_day(date(2026, 11, 8)) is False  # Sunday
    assert six_days.is_working_day(date(2026, 11, 4)) is False  # holiday still off


def test_holiday_name(cal: WorkingCalendar) -> None:
    assert cal.holiday_name(date(2026, 11, 4)) is not None
    assert cal.holiday_name(date(2026, 11, 5)) is None


@pytest.mark.parametrize(
    ("now", "working"),
    [
        pytest.param(msk(2026, 11, 5, 8, 59), False, id="08:59"),
        pytest.param(msk(2026, 11, 5, 9, 0), True, id="09:00-start-inclusive"),
        pytest.param(msk(2026, 11, 5, 13, 30), True, id="midday"),
        pytest.param(datetime(2026, 11, 5, 17, 59, 59, tzinfo=MSK), True, id="17:59:59"),
        pytest.param(msk(2026, 11, 5, 17, 59), True, id="17:59"),
        pytest.param(msk(2026, 11, 5, 18, 0), False, id="18:00-end-exclusive"),
        pytest.param(msk(2026, 11, 4, 12, 0), False, id="holiday-midday"),
        pytest.param(msk(2026, 11, 7, 12, 0), False, id="saturday-midday"),
        pytest.param(datetime(2026, 11, 5, 6, 0, tzinfo=UTC), True, id="utc-06:00-is-09:00"),
        pytest.param(datetime(2026, 11, 5, 5, 59, tzinfo=UTC), False, id="utc-05:59-is-08:59"),
        pytest.param(datetime(2026, 11, 5, 15, 0, tzinfo=UTC), False, id="utc-15:00-is-18:00"),
        pytest.param(
            datetime(2026, 11, 4, 21, 30, tzinfo=UTC), False, id="utc-date-before-msk-night"
        ),
        pytest.param(
            datetime(2026, 11, 5, 23, 0, tzinfo=timezone(timedelta(hours=12))),
            True,
            id="utc+12-late-is-msk-14:00",
        ),
    ],
)
def test_is_working_time(cal: WorkingCalendar, now: datetime, working: bool) -> None:
    assert cal.is_working_time(now) is working


@pytest.mark.parametrize(
    ("start", "minutes", "expected"),
    [
        pytest.param(msk(2026, 11, 5, 10, 0), 60, msk(2026, 11, 5, 11), id="within-the-day"),
        pytest.param(msk(2026, 11, 5, 17, 0), 60, msk(2026, 11, 5, 18), id="ends-at-closing"),
        pytest.param(msk(2026, 11, 6, 17, 30), 60, msk(2026, 11, 9, 9, 30), id="friday-late"),
        pytest.param(msk(2026, 11, 6, 20, 0), 60, msk(2026, 11, 9, 10), id="friday-evening"),
        pytest.param(msk(2026, 11, 7, 12, 0), 0, msk(2026, 11, 9, 9), id="zero-on-saturday"),
        pytest.param(msk(2026, 11, 3, 17, 0), 120, msk(2026, 11, 5, 10), id="over-holiday"),
        pytest.param(msk(2026, 11, 5, 8, 0), 600, msk(2026, 11, 6, 10), id="longer-than-a-day"),
        pytest.param(msk(2026, 12, 30, 17, 45), 30, msk(2027, 1, 11, 9, 15), id="new-year"),
        pytest.param(msk(2027, 2, 19, 17, 50), 20, msk(2027, 2, 20, 9, 10), id="to-worked-sat"),
    ],
)
def test_after_working_minutes(
    cal: WorkingCalendar, start: datetime, minutes: int, expected: datetime
) -> None:
    """The promised first answer counts working minutes only."""
    assert cal.after_working_minutes(start, minutes) == expected


def test_after_working_minutes_refuses_negative(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        cal.after_working_minutes(msk(2026, 11, 5, 10), -1)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        pytest.param(msk(2026, 11, 6, 19, 0), msk(2026, 11, 9, 9), id="friday-19:00-monday"),
        pytest.param(msk(2026, 11, 5, 7, 0), msk(2026, 11, 5, 9), id="before-start-same-day"),
        pytest.param(msk(2026, 11, 5, 9, 0), msk(2026, 11, 6, 9), id="at-start-next-day"),
        pytest.param(msk(2026, 11, 5, 12, 0), msk(2026, 11, 6, 9), id="during-hours-next-day"),
        pytest.param(msk(2026, 11, 3, 18, 0), msk(2026, 11, 5, 9), id="eve-of-holiday"),
        pytest.param(msk(2026, 11, 7, 3, 0), msk(2026, 11, 9, 9), id="saturday-night"),
        pytest.param(msk(2026, 12, 30, 20, 0), msk(2027, 1, 11, 9), id="30-dec-evening"),
        pytest.param(msk(2026, 12, 31, 20, 0), msk(2027, 1, 11, 9), id="31-dec-evening"),
        pytest.param(
            datetime(2026, 11, 6, 16, 0, tzinfo=UTC), msk(2026, 11, 9, 9), id="utc-friday-19:00"
        ),
        pytest.param(msk(2027, 2, 19, 18, 30), msk(2027, 2, 20, 9), id="to-worked-saturday"),
    ],
)
def test_next_working_morning(cal: WorkingCalendar, now: datetime, expected: datetime) -> None:
    result = cal.next_working_morning(now)
    assert result == expected
    assert result.tzinfo == MSK
    assert result.time() == time(9, 0)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c, n: c.is_working_time(n), id="is_working_time"),
        pytest.param(lambda c, n: c.next_working_morning(n), id="next_working_morning"),
        pytest.param(lambda c, n: c.booking_window(n), id="booking_window"),
        pytest.param(
            lambda c, n: c.free_slots(date(2026, 11, 5), taken=[], now=n), id="free_slots"
        ),
    ],
)
def test_naive_datetimes_refused(cal: WorkingCalendar, call: object) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call(cal, datetime(2026, 11, 5, 12, 0))  # type: ignore[operator]


def test_naive_taken_start_refused(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.free_slots(
            date(2026, 11, 5), taken=[(datetime(2026, 11, 5, 10), 1)], now=msk(2026, 11, 1)
        )


def hours_of(slots: list[datetime]) -> list[int]:
    assert all(s.tzinfo == MSK and s.minute == 0 for s in slots)
    return [s.hour for s in slots]


EARLY = msk(2026, 11, 1)  # before every slot below
ALL_DAY = list(range(9, 18))


@pytest.mark.parametrize(
    ("day", "taken", "now", "hours", "expected"),
    [
        pytest.param(date(2026, 11, 5), [], EARLY, 1, ALL_DAY, id="free-day"),
        pytest.param(date(2026, 11, 5), [], EARLY, 3, list(range(9, 16)), id="3h-not-at-16"),
        pytest.param(date(2026, 11, 5), [], EARLY, 2, list(range(9, 17)), id="2h-last-at-16"),
        pytest.param(date(2026, 11, 4), [], EARLY, 1, [], id="holiday"),
        pytest.param(date(2026, 11, 7), [], EARLY, 1, [], id="saturday"),
        pytest.param(
            date(2026, 11, 5), [(msk(2026, 11, 5, 10), 1)], EARLY, 1, ALL_DAY,
            id="one-booking-two-consultants",
        ),
        pytest.param(
            date(2026, 11, 5), [(msk(2026, 11, 5, 10), 1), (msk(2026, 11, 5, 10), 2)], EARLY, 1,
            [9, 11, 12, 13, 14, 15, 16, 17], id="two-overlapping-bookings",
        ),
        pytest.param(
            date(2026, 11, 5), [(msk(2026, 11, 5, 10), 1), (msk(2026, 11, 5, 10), 2)], EARLY, 2,
            [11, 12, 13, 14, 15, 16], id="two-bookings-2h-session",
        ),
        pytest.param(
            date(2026, 11, 5),
            [(msk(2026, 11, 5, 9), 3), (msk(2026, 11, 5, 13), 1)], EARLY, 3,
            ALL_DAY[:7], id="non-overlapping-bookings-fit",
        ),
        pytest.param(
            date(2026, 11, 5),
            [(datetime(2026, 11, 5, 11, tzinfo=UTC), 1), (msk(2026, 11, 5, 11), 1)], EARLY, 1,
            ALL_DAY, id="utc-11-is-msk-14-not-11",
        ),
        pytest.param(
            date(2026, 11, 5),
            [(datetime(2026, 11, 5, 11, tzinfo=UTC), 1), (msk(2026, 11, 5, 14), 2)], EARLY, 1,
            [9, 10, 11, 12, 13, 15, 16, 17], id="utc-booking-overlaps-msk-14",
        ),
        pytest.param(
            date(2026, 11, 5), [], msk(2026, 11, 5, 12, 30), 1, [15, 16, 17],
            id="past-and-within-the-notice-excluded",
        ),
        pytest.param(
            date(2026, 11, 5), [], msk(2026, 11, 5, 13, 0), 1, [15, 16, 17],
            id="slot-exactly-the-notice-ahead-included",
        ),
        pytest.param(
            date(2026, 11, 5), [], msk(2026, 11, 5, 18, 0), 1, [], id="day-over",
        ),
        pytest.param(
            date(2026, 11, 5), [], datetime(2026, 11, 5, 9, 30, tzinfo=UTC), 1,
            [15, 16, 17],
            id="utc-now-12:30-msk",
        ),
        pytest.param(
            date(2026, 11, 5), [(msk(2026, 11, 4, 10), 1), (msk(2026, 11, 4, 10), 1)], EARLY, 1,
            ALL_DAY, id="other-day-bookings-ignored",
        ),
    ],
)  # fmt: skip
def test_free_slots(
    cal: WorkingCalendar,
    day: date,
    taken: list[tuple[datetime, int]],
    now: datetime,
    hours: int,
    expected: list[int],
) -> None:
    assert hours_of(cal.free_slots(day, taken=taken, now=now, hours=hours)) == expected


@pytest.mark.parametrize(
    ("notice", "now", "expected"),
    [
        pytest.param(0, msk(2026, 11, 5, 13, 0), [14, 15, 16, 17], id="none-slot-at-now-excluded"),
        pytest.param(0, msk(2026, 11, 5, 12, 59), [13, 14, 15, 16, 17], id="none-next-hour"),
        pytest.param(3, msk(2026, 11, 5, 12, 0), [15, 16, 17], id="three-hours"),
        pytest.param(3, msk(2026, 11, 5, 12, 1), [16, 17], id="three-hours-and-a-minute"),
        pytest.param(2, msk(2026, 11, 4, 17, 0), ALL_DAY, id="next-day-unaffected"),
    ],
)
def test_free_slots_keep_the_minimum_notice(
    policy: Policy, notice: int, now: datetime, expected: list[int]
) -> None:
    """Seed 004 3.1: a session is not given "сразу в момент обращения" (on the spot)."""
    cal = WorkingCalendar(_with(policy, "sessions", min_notice_hours=notice))
    assert hours_of(cal.free_slots(date(2026, 11, 5), taken=[], now=now)) == expected


@pytest.mark.parametrize(
    ("consultants", "taken", "expected"),
    [
        pytest.param(1, [(msk(2026, 11, 5, 10), 1)], [9, 11, 12], id="one-consultant"),
        pytest.param(2, [(msk(2026, 11, 5, 10), 1)], [9, 10, 11, 12], id="two-consultants"),
        pytest.param(
            1, [(msk(2026, 11, 5, 10, 30), 1)], [9, 12], id="off-hour-booking-blocks-both"
        ),
        pytest.param(
            2,
            [(msk(2026, 11, 5, 9, 30), 1), (msk(2026, 11, 5, 10, 30), 1)],
            [9, 10, 11, 12],
            id="staggered-never-concurrent",
        ),
        pytest.param(
            2,
            [(msk(2026, 11, 5, 9, 30), 1), (msk(2026, 11, 5, 10, 15), 1)],
            [9, 11, 12],
            id="staggered-concurrent-at-10:15",
        ),
    ],
)
def test_free_slots_capacity(
    policy: Policy,
    consultants: int,
    taken: list[tuple[datetime, int]],
    expected: list[int],
) -> None:
    changed = _with(policy, "sessions", consultants=consultants)
    changed = _with(changed, "working_hours", end=time(13, 0))
    cal = WorkingCalendar(changed)
    assert hours_of(cal.free_slots(date(2026, 11, 5), taken=taken, now=EARLY)) == expected


@pytest.mark.parametrize("hours", [0, -1, True], ids=["zero", "negative", "bool"])
def test_free_slots_refuses_bad_hours(cal: WorkingCalendar, hours: int) -> None:
    with pytest.raises(ValueError):
        cal.free_slots(date(2026, 11, 5), taken=[], now=EARLY, hours=hours)


@pytest.mark.parametrize(
    ("now", "days_ahead", "expected"),
    [
        pytest.param(
            msk(2026, 11, 2, 10), 5,
            [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 5), date(2026, 11, 6)],
            id="includes-today-skips-holiday",
        ),
        pytest.param(
            msk(2026, 11, 7, 10), 3, [date(2026, 11, 9)], id="from-saturday",
        ),
        pytest.param(
            datetime(2026, 11, 1, 21, 30, tzinfo=UTC), 1, [date(2026, 11, 2)],
            id="utc-sunday-evening-is-monday-msk",
        ),
        pytest.param(msk(2026, 12, 31, 10), 10, [], id="new-year-holidays"),
        pytest.param(
            msk(2026, 12, 31, 10), 14,
            [date(2027, 1, 11), date(2027, 1, 12), date(2027, 1, 13)], id="after-new-year",
        ),
    ],
)  # fmt: skip
def test_booking_window(
    policy: Policy, now: datetime, days_ahead: int, expected: list[date]
) -> None:
    cal = WorkingCalendar(_with(policy, "sessions", booking_days_ahead=days_ahead))
    assert cal.booking_window(now) == expected


def test_booking_window_default_is_14_days(cal: WorkingCalendar) -> None:
    window = cal.booking_window(msk(2026, 11, 9, 10))
    assert window[0] == date(2026, 11, 9)
    assert window[-1] == date(2026, 11, 20)
    assert len(window) == 10


def test_holiday_tables_cached_per_year(cal: WorkingCalendar) -> None:
    cal.is_working_day(date(2026, 1, 1))
    cal.is_working_day(date(2026, 6, 1))
    cal.is_working_day(date(2027, 6, 1))
    assert sorted(cal._years) == [2026, 2027]

"""Working days, working hours and free session slots (docs/rules.md#remote-sessions,
docs/rules.md#working-hours-and-call-backs).

Working days are ``policy.working_hours.weekdays`` minus the public holidays of
``holiday_country`` (from the ``holidays`` package), plus the weekend days that the
country's production calendar makes working days when it moves a holiday (in Russia a
Saturday is sometimes worked so that a Monday can be off; ``holidays`` reports those as
``weekend_workdays``). Times are read in ``policy.tz``: a working period starts at
``start`` (inclusive) and ends at ``end`` (exclusive).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import holidays

from handlers.rules.dates import local_today, require_aware
from handlers.rules.sessions import bookable_start

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from handlers.policy import Policy

ONE_HOUR = timedelta(hours=1)
# Longest run of days off searched before giving up (guards a misconfigured calendar).
_MAX_DAYS_OFF = 366


class WorkingCalendar:
    """The vendor's working calendar; holiday tables are built once per year and cached.

    Pure apart from that cache: no clock, every question takes its date or instant.
    """

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        hours = policy.working_hours
        self._tz: ZoneInfo = policy.tz
        self._weekdays = frozenset(hours.weekdays)
        self._start: time = hours.start
        self._end: time = hours.end
        self._country = hours.holiday_country
        self._years: dict[int, holidays.HolidayBase] = {}

    @property
    def tz(self) -> ZoneInfo:
        return self._tz

    def _holidays(self, year: int) -> holidays.HolidayBase:
        table = self._years.get(year)
        if table is None:
            table = holidays.country_holidays(self._country, years=year)
            self._years[year] = table
        return table

    def holiday_name(self, d: date) -> str | None:
        """The public holiday on ``d``, or None."""
        return self._holidays(d.year).get(d)

    def is_working_day(self, d: date) -> bool:
        table = self._holidays(d.year)
        if d in table:
            return False
        if d.isoweekday() in self._weekdays:
            return True
        # A weekend day moved into a working day by the country's holiday transfers.
        return d in getattr(table, "weekend_workdays", ())

    def day_start(self, d: date) -> datetime:
        """Start of working hours on ``d`` (aware, policy tz), whether or not ``d`` is worked."""
        return datetime.combine(d, self._start, tzinfo=self._tz)

    def day_end(self, d: date) -> datetime:
        """End of working hours on ``d`` (exclusive)."""
        return datetime.combine(d, self._end, tzinfo=self._tz)

    def afternoon_start(self, d: date) -> datetime:
        """Where "morning" ends and "afternoon" begins on ``d``: the middle of working
        hours, on the hour (09:00–18:00 → 13:00). The call-back buttons and typed words
        ("после обеда", "утром") split the day here alike."""
        start, end = self.day_start(d), self.day_end(d)
        middle = start + (end - start) / 2
        return middle.replace(minute=0, second=0, microsecond=0)

    def is_working_time(self, now: datetime) -> bool:
        local = require_aware(now).astimezone(self._tz)
        if not self.is_working_day(local.date()):
            return False
        return self._start <= local.time() < self._end

    def next_working_morning(self, now: datetime) -> datetime:
        """The first start of working hours strictly after ``now`` (aware, policy tz).

        Before opening on a working day that is today's start; during or after working
        hours, or on a day off, the next working day's start. Callback requests left
        outside working hours are marked for this moment.
        """
        local = require_aware(now).astimezone(self._tz)
        day = local.date()
        for _ in range(_MAX_DAYS_OFF + 1):
            if self.is_working_day(day):
                start = self.day_start(day)
                if start > local:
                    return start
            day += timedelta(days=1)
        raise RuntimeError(f"no working day within {_MAX_DAYS_OFF} days of {local.date()}")

    def after_working_minutes(self, start: datetime, minutes: int) -> datetime:
        """The moment ``minutes`` of working time after ``start`` (aware, policy tz).

        Only working hours on working days count: 60 minutes from 17:30 on a Friday end at
        09:30 on Monday. Used for the first answer promised to a customer who writes.
        """
        if minutes < 0:
            raise ValueError(f"minutes must not be negative, got {minutes}")
        local = require_aware(start).astimezone(self._tz)
        left = timedelta(minutes=minutes)
        day = local.date()
        for _ in range(_MAX_DAYS_OFF + 1):
            if self.is_working_day(day):
                begin = max(local, self.day_start(day))
                end = self.day_end(day)
                if begin < end:
                    if begin + left <= end:
                        return begin + left
                    left -= end - begin
            day += timedelta(days=1)
            local = self.day_start(day)
        raise RuntimeError(f"no working day within {_MAX_DAYS_OFF} days of {start.date()}")

    def booking_window(self, now: datetime) -> list[date]:
        """Working days among the ``booking_days_ahead`` calendar days starting today."""
        today = local_today(now, self._policy)
        days = (today + timedelta(days=i) for i in range(self._policy.sessions.booking_days_ahead))
        return [d for d in days if self.is_working_day(d)]

    def free_slots(
        self,
        day: date,
        *,
        taken: Sequence[tuple[datetime, int]],
        now: datetime,
        hours: int = 1,
    ) -> list[datetime]:
        """Start times on ``day`` where a session of ``hours`` can still be booked.

        Candidates are working start, start + 1 h, … such that the session ends by the end
        of working hours and starts strictly after ``now`` and at least
        ``policy.sessions.min_notice_hours`` after it
        (:func:`~handlers.rules.sessions.bookable_start`). ``taken`` holds the
        (start, hours) of confirmed bookings, any tz. A candidate is refused when at any
        instant it covers the bookings already running reach ``policy.sessions.consultants``
        (for bookings on the hour this is "every hour it covers has fewer bookings than
        consultants").
        """
        if isinstance(hours, bool) or not isinstance(hours, int) or hours < 1:
            raise ValueError(f"hours must be a positive int, got {hours!r}")
        require_aware(now)
        if not self.is_working_day(day):
            return []
        bookings = [
            (begin, begin + timedelta(hours=booked_hours))
            for begin, booked_hours in ((require_aware(s, "taken start"), h) for s, h in taken)
        ]
        capacity = self._policy.sessions.consultants
        length = timedelta(hours=hours)
        end_of_day = self.day_end(day)
        slots: list[datetime] = []
        slot = self.day_start(day)
        while slot + length <= end_of_day:
            if (
                bookable_start(slot, now=now, policy=self._policy)
                and _peak_load(bookings, slot, slot + length) < capacity
            ):
                slots.append(slot)
            slot += ONE_HOUR
        return slots


def _peak_load(
    bookings: Sequence[tuple[datetime, datetime]], start: datetime, end: datetime
) -> int:
    """Most bookings running at the same instant within [start, end).

    The count of running intervals only rises at an interval's start, so checking
    ``start`` and every booking start inside the window finds the peak.
    """
    instants = [start, *(b for b, _ in bookings if start < b < end)]
    return max(sum(1 for b, e in bookings if b <= t < e) for t in instants)


_shared: tuple[Policy, WorkingCalendar] | None = None


def calendar_for(policy: Policy) -> WorkingCalendar:
    """The calendar of ``policy``, built once and reused (its holiday tables are cached),
    so the conversations do not rebuild the holiday tables on every message."""
    global _shared
    if _shared is None or _shared[0] is not policy:
        _shared = (policy, WorkingCalendar(policy))
    return _shared[1]

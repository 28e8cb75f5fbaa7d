"""The Figures page's numbers for a period of vendor-local days (docs/rules.md#figures).

:func:`figures` reads the records; :func:`count_figures` is the pure part that groups
them by the vendor's days, weeks and months and computes the spreads, so the numbers are
tested on scripted requests with known times.

Definitions (the support lead's usual ones):

* a request belongs to the day it was filed, in the vendor's time zone;
* **first response**: from filing to the first time a manager wrote to the customer on it
  (an answer, or the reason of a rejection); taking a request is not a response, and a
  request nobody wrote to is left out of the spread (``Spread.count`` says how many count);
* **resolution**: from filing to its close as done or rejected (the last close when it was
  reopened); open and cancelled requests are left out;
* p50 is the median (the mean of the two middle values for an even count), p90 the
  nearest rank (the time within which nine requests in ten were answered), as ``/stats``;
* ratings count in the week they were given (weeks start on Monday);
* renewals quoted are the support-expiry reminders due in the month (each carries the
  license's quote) and the quotes people opened in the chat (one a day per person and
  license, or product and support end).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from handlers.rules.dates import add_months
from storage import figures as records
from storage.db import Unit
from storage.figures import Rating, RequestTimes
from storage.models import RequestKind, RequestStatus

if TYPE_CHECKING:
    from handlers.policy import Policy

#: The key run's outcomes in the order the page shows them.
KEY_RUN_OUTCOMES = ("prolonged", "support_ended", "disconnected", "excluded_status")
_HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Period:
    """Vendor-local days ``first..last`` (both included)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period ends {self.last} before it starts {self.first}")

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(
            self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)
        )

    @property
    def weeks(self) -> tuple[date, ...]:
        """The Mondays of the weeks the period touches."""
        monday = week_of(self.first)
        return tuple(
            monday + timedelta(weeks=i) for i in range((week_of(self.last) - monday).days // 7 + 1)
        )

    @property
    def months(self) -> tuple[date, ...]:
        """The first days of the months the period touches."""
        month, found = self.first.replace(day=1), []
        while month <= self.last:
            found.append(month)
            month = add_months(month, 1)
        return tuple(found)

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """The period as UTC-comparable instants ``[start, end)``."""
        start = datetime.combine(self.first, time(), tz)
        end = datetime.combine(self.last + timedelta(days=1), time(), tz)
        return start, end


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Spread:
    """How long something took over ``count`` requests (None when none counts)."""

    count: int
    p50: timedelta | None
    p90: timedelta | None
    max: timedelta | None


def spread(values: Iterable[timedelta]) -> Spread:
    """Median, nearest-rank 90th percentile and maximum, in whole seconds."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return Spread(0, None, None, None)

    def whole(value: timedelta) -> timedelta:
        return timedelta(seconds=round(value.total_seconds()))

    median = (ordered[(n - 1) // 2] + ordered[n // 2]) / 2
    return Spread(n, whole(median), whole(ordered[math.ceil(0.9 * n) - 1]), whole(ordered[-1]))


@dataclass(frozen=True, slots=True)
class DayRequests:
    """Requests filed on one vendor-local day, by kind."""

    day: date
    by_kind: dict[RequestKind, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True, slots=True)
class Times:
    """First response and resolution over a group of requests (``kind`` None: all)."""

    kind: RequestKind | None
    filed: int
    first_response: Spread
    resolution: Spread


@dataclass(frozen=True, slots=True)
class WeekTimes:
    """First response and resolution of the requests filed in one week."""

    week: date
    """Its Monday."""
    first_response: Spread
    resolution: Spread


@dataclass(frozen=True, slots=True)
class WeekRatings:
    week: date
    """Its Monday."""
    count: int
    average: Decimal | None
    """Rounded to hundredths; None without ratings."""


@dataclass(frozen=True, slots=True)
class MonthRenewals:
    month: date
    """Its first day."""
    quoted: int
    """Renewal quotes people got in the month: in support-expiry reminders and in the chat."""
    requested: int
    """Renewal invoices customers asked for (requests filed in the month)."""
    done: int
    """Of those, done by now."""


@dataclass(frozen=True, slots=True)
class KeyRun:
    """One month's run of the protection service."""

    month: date
    """Its first day."""
    run_on: date
    finished: bool
    outcomes: dict[str, int]
    """Every outcome of :data:`KEY_RUN_OUTCOMES`, zero when none."""

    @property
    def keys(self) -> int:
        return sum(self.outcomes.values())


@dataclass(frozen=True, slots=True)
class Figures:
    period: Period
    kinds: tuple[RequestKind, ...]
    """The kinds filed in the period, in the order of ``RequestKind``."""
    requests_per_day: tuple[DayRequests, ...]
    """Every day of the period, also those without requests."""
    overall: Times
    by_kind: tuple[Times, ...]
    """One per kind in ``kinds``."""
    weekly_times: tuple[WeekTimes, ...]
    ratings: tuple[WeekRatings, ...]
    renewals: tuple[MonthRenewals, ...]
    key_runs: tuple[KeyRun, ...]
    """The months of the period that had a run."""


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def _times(kind: RequestKind | None, requests: Sequence[RequestTimes]) -> Times:
    return Times(
        kind=kind,
        filed=len(requests),
        first_response=spread(
            r.first_reply_at - r.created_at for r in requests if r.first_reply_at is not None
        ),
        resolution=spread(r.closed_at - r.created_at for r in requests if r.closed_at is not None),
    )


def _average(values: Sequence[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(_HUNDREDTH, ROUND_HALF_UP)


def count_figures(
    period: Period,
    tz: ZoneInfo,
    requests: Sequence[RequestTimes],
    ratings: Sequence[Rating] = (),
    quotes_by_month: dict[str, int] | None = None,
    key_runs: Sequence[records.KeyRunMonth] = (),
) -> Figures:
    """The figures of ``period`` from what was read (pure: no clock, no database)."""
    days = period.days
    filed = [r for r in requests if period.first <= _local_day(r.created_at, tz) <= period.last]
    kinds = tuple(kind for kind in RequestKind if any(r.kind is kind for r in filed))

    per_day: dict[date, dict[RequestKind, int]] = {day: {} for day in days}
    per_week: dict[date, list[RequestTimes]] = {week: [] for week in period.weeks}
    for r in filed:
        day = _local_day(r.created_at, tz)
        per_day[day][r.kind] = per_day[day].get(r.kind, 0) + 1
        per_week[week_of(day)].append(r)

    rated: dict[date, list[int]] = {week: [] for week in period.weeks}
    for rating in ratings:
        day = _local_day(rating.rated_at, tz)
        if period.first <= day <= period.last:
            rated[week_of(day)].append(rating.rating)

    quotes = quotes_by_month or {}
    renewals = []
    for month in period.months:
        asked = [
            r
            for r in filed
            if r.kind is RequestKind.RENEWAL
            and _local_day(r.created_at, tz).replace(day=1) == month
        ]
        renewals.append(
            MonthRenewals(
                month=month,
                quoted=quotes.get(f"{month:%Y-%m}", 0),
                requested=len(asked),
                done=sum(1 for r in asked if r.status is RequestStatus.DONE),
            )
        )

    months = {f"{month:%Y-%m}": month for month in period.months}
    runs = tuple(
        KeyRun(
            month=months[run.month],
            run_on=run.run_on,
            finished=run.finished,
            outcomes={outcome: run.outcomes.get(outcome, 0) for outcome in KEY_RUN_OUTCOMES},
        )
        for run in key_runs
        if run.month in months
    )
    return Figures(
        period=period,
        kinds=kinds,
        requests_per_day=tuple(DayRequests(day, per_day[day]) for day in days),
        overall=_times(None, filed),
        by_kind=tuple(_times(kind, [r for r in filed if r.kind is kind]) for kind in kinds),
        weekly_times=tuple(
            WeekTimes(week, times.first_response, times.resolution)
            for week, times in ((week, _times(None, per_week[week])) for week in period.weeks)
        ),
        ratings=tuple(
            WeekRatings(week, len(rated[week]), _average(rated[week])) for week in period.weeks
        ),
        renewals=tuple(renewals),
        key_runs=runs,
    )


async def figures(unit: Unit, *, first: date, last: date, policy: Policy) -> Figures:
    """The figures of the vendor-local days ``first..last`` (both included)."""
    period = Period(first, last)
    tz = policy.tz
    start, end = period.bounds(tz)
    months = period.months
    return count_figures(
        period,
        tz,
        await records.request_times(unit, start, end),
        await records.ratings(unit, start, end),
        await records.quotes_sent_by_month(unit, first, last),
        await records.key_runs(unit, f"{months[0]:%Y-%m}", f"{months[-1]:%Y-%m}"),
    )

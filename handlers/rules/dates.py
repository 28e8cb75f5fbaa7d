"""Calendar arithmetic shared by the rules: calendar months and the vendor's 'today'."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.policy import Policy


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, clamped to the last day of the target month.

    31 Jan + 1 month is 28 Feb (29 Feb in a leap year); 29 Feb 2028 + 12 months is
    28 Feb 2029. Negative ``months`` move backwards with the same clamping.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{d.isoformat()} + {months} months is out of range")
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last_day))


def require_aware(moment: datetime, name: str = "now") -> datetime:
    """Return ``moment`` unchanged if it is timezone-aware; refuse a naive one.

    A naive datetime has no defined instant: reading it as UTC or as Moscow time silently
    shifts 'today' and working hours by three hours, so the rules refuse it outright.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {moment.isoformat()}")
    return moment


def local_today(now: datetime, policy: Policy) -> date:
    """Today's date in the vendor's time zone (``policy.tz``) at the instant ``now``."""
    return require_aware(now).astimezone(policy.tz).date()

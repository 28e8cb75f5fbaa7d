"""Announcements (docs/rules.md#announcements): which support ends a support status means,
and which text a customer gets.

A license's support is active through its support end E and lapsed from the day after
(:func:`handlers.rules.renewal.support_lapsed`, as the renewal quote counts it). With T
today (vendor-local) and N days:

* active: E >= T;
* ends within N days: T <= E <= T + N;
* lapsed: E < T;
* lapsed more than N days: E < T - N (T - E > N).

A customer gets the text of their chat's language; without one, the fallback language's
text the manager chose; without a fallback, nothing (they are counted before sending).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from enum import StrEnum

from handlers.rules.renewal import support_lapsed


class SupportStatus(StrEnum):
    ANY = "any"
    ACTIVE = "active"
    ENDS_WITHIN = "ends_within"
    LAPSED = "lapsed"
    LAPSED_OVER = "lapsed_over"

    @property
    def takes_days(self) -> bool:
        return self in (SupportStatus.ENDS_WITHIN, SupportStatus.LAPSED_OVER)


def support_end_range(
    status: SupportStatus, days: int, today: date
) -> tuple[date | None, date | None]:
    """The support ends (first, last; None: open) of the licenses in ``status`` today."""
    if status is SupportStatus.ACTIVE:
        return today, None
    if status is SupportStatus.ENDS_WITHIN:
        return today, today + timedelta(days=days)
    if status is SupportStatus.LAPSED:
        return None, today - timedelta(days=1)
    if status is SupportStatus.LAPSED_OVER:
        return None, today - timedelta(days=days + 1)
    return None, None


def in_status(status: SupportStatus, days: int, support_end: date, today: date) -> bool:
    """Whether a license with ``support_end`` is in ``status`` today (the same rule as
    :func:`support_end_range`, one license at a time)."""
    lapsed = support_lapsed(support_end, today)
    if status is SupportStatus.ACTIVE:
        return not lapsed
    if status is SupportStatus.ENDS_WITHIN:
        return not lapsed and (support_end - today).days <= days
    if status is SupportStatus.LAPSED:
        return lapsed
    if status is SupportStatus.LAPSED_OVER:
        return (today - support_end).days > days
    return True


def text_language(language: str, texts: Mapping[str, str], fallback: str | None) -> str | None:
    """The language whose text a chat in ``language`` gets; None: it gets none."""
    if texts.get(language, "").strip():
        return language
    if fallback is not None and texts.get(fallback, "").strip():
        return fallback
    return None

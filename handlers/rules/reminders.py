"""Support-expiry reminders (docs/rules.md#support-expiry-reminders): which reminder falls on
which day for one support end.

Kinds are strings built from the policy offsets, e.g. ``before_end:30``, ``after_end:1``,
``before_preferential_end:3``, ``protection:10``, so changing an offset in policy.toml
changes the series without code. A kind together with the support end E identifies a
reminder: the caller stores (license, kind, E) to send each at most once, and a renewal
(new E) starts a fresh series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from handlers.rules.dates import add_months

if TYPE_CHECKING:
    from handlers.policy import Policy

BEFORE_END = "before_end"
AFTER_END = "after_end"
BEFORE_PREFERENTIAL_END = "before_preferential_end"
PROTECTION = "protection"


def reminder_kind(family: str, days: int) -> str:
    """``family:days``, e.g. ``before_end:30``."""
    return f"{family}:{days}"


def parse_reminder_kind(kind: str) -> tuple[str, int]:
    """Split ``family:days`` back; ValueError on anything else."""
    family, sep, days = kind.partition(":")
    known = (BEFORE_END, AFTER_END, BEFORE_PREFERENTIAL_END, PROTECTION)
    if not sep or family not in known or not days.isascii() or not days.isdigit():
        raise ValueError(f"not a reminder kind: {kind!r}")
    return family, int(days)


@dataclass(frozen=True, slots=True)
class DueReminder:
    kind: str
    support_end: date
    due_on: date


def reminder_series(
    *, support_end: date, protection_service: bool, policy: Policy
) -> list[DueReminder]:
    """Every reminder of the support end ``support_end``, sorted by day (then kind).

    before_end:N on E − N; after_end:N on E + N; before_preferential_end:N on
    (E + grace months) − N, where the vendor offers renewals; protection:N on E + N, where
    it offers the protection service and only when ``protection_service``: the
    license keeps a key's protection service (its E is the key's support end, see
    :func:`handlers.rules.protection.holds_the_key`); a license on a key that another
    license keeps alive gets no "pay by E + 14" reminder.
    """
    plan = policy.reminders
    preferential_end = add_months(support_end, policy.support.preferential_grace_months)
    dated: list[tuple[str, int, date]] = []
    if policy.services.renewal:  # a vendor that quotes renewals (docs/rules.md#vendor-profiles)
        dated += [(BEFORE_END, n, support_end - timedelta(days=n)) for n in plan.days_before_end]
        dated += [(AFTER_END, n, support_end + timedelta(days=n)) for n in plan.days_after_end]
        dated += [
            (BEFORE_PREFERENTIAL_END, n, preferential_end - timedelta(days=n))
            for n in plan.days_before_preferential_end
        ]
    if protection_service and policy.services.protection:
        dated += [
            (PROTECTION, n, support_end + timedelta(days=n)) for n in plan.protection_days_after_end
        ]
    series = {
        reminder_kind(family, n): DueReminder(
            kind=reminder_kind(family, n), support_end=support_end, due_on=due_on
        )
        for family, n, due_on in dated
    }
    return sorted(series.values(), key=lambda r: (r.due_on, r.kind))


def reminders_due(
    *, support_end: date, today: date, protection_service: bool, policy: Policy
) -> list[DueReminder]:
    """The reminders of ``support_end`` whose day is exactly ``today`` (vendor-local)."""
    series = reminder_series(
        support_end=support_end, protection_service=protection_service, policy=policy
    )
    return [reminder for reminder in series if reminder.due_on == today]


def reminders_due_between(first: date, last: date, policy: Policy) -> list[DueReminder]:
    """Every reminder, of any support end, whose day falls in ``first..last``: exactly the
    support ends the daily job has to look at, so it selects licenses by these ends instead
    of reading every license near the period. Protection reminders are included as if
    every end kept a key's service (the job checks which license does). Sorted by support
    end, then day, then kind.

    The ends come from the offsets: E = D + N before the end, E = D − N after it, and for
    ``before_preferential_end:N`` every E whose preferential end (E + grace months, clamped
    to a shorter month) is D + N, so two or three month-ends may share one day.
    """
    plan = policy.reminders
    grace = policy.support.preferential_grace_months
    ends: set[date] = set()
    day = first
    while day <= last:
        ends.update(day + timedelta(days=n) for n in plan.days_before_end)
        ends.update(day - timedelta(days=n) for n in plan.days_after_end)
        ends.update(day - timedelta(days=n) for n in plan.protection_days_after_end)
        for n in plan.days_before_preferential_end:
            target = day + timedelta(days=n)
            # E + grace months lands 28·grace to 31·grace days after E (a clamp included)
            end, latest = target - timedelta(days=31 * grace), target - timedelta(days=28 * grace)
            while end <= latest:
                if add_months(end, grace) == target:
                    ends.add(end)
                end += timedelta(days=1)
        day += timedelta(days=1)
    found: list[DueReminder] = []
    for end in sorted(ends):
        series = reminder_series(support_end=end, protection_service=True, policy=policy)
        found += [reminder for reminder in series if first <= reminder.due_on <= last]
    return found

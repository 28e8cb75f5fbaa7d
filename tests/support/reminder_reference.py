"""The support-reminder job's selection as it was before it selected by due dates: every
license whose support end lies in a window around the period, decided in Python. Kept
only as the reference the new selection is compared with on a simulated year."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from handlers.policy import Policy
from handlers.rules.protection import holds_the_key
from handlers.rules.reminders import DueReminder, reminder_series
from scheduler.support_reminders import Decided, decide
from storage import keys, reminder_log
from storage import licenses as licenses_repo
from storage.db import Unit
from storage.licenses import LicenseView


def support_end_window(first: date, last: date, policy: Policy) -> tuple[date, date]:
    """Support ends whose series may have a reminder due in ``first..last`` (a superset)."""
    plan = policy.reminders
    grace_months = policy.support.preferential_grace_months
    back = max([*plan.days_after_end, *plan.protection_days_after_end, 31 * grace_months, 0])
    ahead = max(
        [
            *plan.days_before_end,
            *(n - 28 * grace_months for n in plan.days_before_preferential_end),
            0,
        ]
    )
    return first - timedelta(days=back), last + timedelta(days=ahead)


async def select_due_by_window(unit: Unit, policy: Policy, first: date, day: date) -> list[Decided]:
    low, high = support_end_window(first, day, policy)
    views = await licenses_repo.views_by_support_end(unit, low, high)
    logged: dict[tuple[int, date], set[str]] = defaultdict(set)
    for license_id, kind, support_end in await reminder_log.logged_for_support_ends(
        unit, low, high
    ):
        logged[(license_id, support_end)].add(kind)

    def decided(
        view: LicenseView, keeps_the_key: bool
    ) -> tuple[list[DueReminder], list[DueReminder]]:
        series = reminder_series(
            support_end=view.support_end, protection_service=keeps_the_key, policy=policy
        )
        return decide(series, first, day, logged.get((view.id, view.support_end), set()), policy)

    due = [view for view in views if any(decided(view, view.protection_service))]
    served = await keys.served_keys_of_licenses(unit, [v.id for v in due], heavy=True)
    found: list[Decided] = []
    for view in due:
        keeps = any(
            holds_the_key(view.number, view.support_end, key, day, policy)
            for key in served.get(view.id, ())
        )
        send, skip = decided(view, keeps)
        if send or skip:
            found.append(Decided(view, send, skip, served.get(view.id, ())))
    return found

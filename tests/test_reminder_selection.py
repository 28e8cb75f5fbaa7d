"""The support-reminder job selects licenses by the exact support ends due in the period
(docs/scheduler.md#support-expiry-reminders): over a simulated year on a generated portfolio it
decides exactly what the former selection (every license in a window around the period,
decided in Python) decided, day by day, with renewals, lost keys, missed days caught up,
several policies and the vendor's services switched off."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from handlers.policy import Policy, Services
from handlers.rules.reminders import reminder_series, reminders_due_between
from scheduler.support_reminders import JOB as REMINDERS_JOB
from scheduler.support_reminders import Decided, select_due, send_support_reminders
from storage.db import Database
from storage.importer import import_csv
from storage.portfolio import write_portfolio
from tests.support.reminder_reference import select_due_by_window

START = date(2027, 1, 1)
LICENSES = 700
#: Days the bot was down: the next run catches them up.
DOWN = {date(2027, 2, 3), date(2027, 2, 4), date(2027, 5, 30), date(2027, 8, 31)}
DOWN |= {date(2027, 10, 1) + timedelta(days=n) for n in range(12)}


def wide(policy: Policy) -> Policy:
    """Offsets that stress the month arithmetic: two grace months, a reminder on the
    preferential end's own eve a month ahead, several protection reminders."""
    return policy.model_copy(
        update={
            "reminders": policy.reminders.model_copy(
                update={
                    "days_before_end": [60, 14, 2],
                    "days_after_end": [1, 5, 40],
                    "days_before_preferential_end": [31, 3, 1],
                    "protection_days_after_end": [5, 10],
                }
            ),
            "support": policy.support.model_copy(update={"preferential_grace_months": 2}),
        }
    )


def services(policy: Policy, **switches: bool) -> Policy:
    return policy.model_copy(update={"services": Services(**switches)})


def compared(decided: list[Decided]) -> list[tuple[int, date, list[str], list[str], list[str]]]:
    return [
        (
            item.view.id,
            item.view.support_end,
            [f"{r.kind}@{r.due_on}" for r in item.send],
            [f"{r.kind}@{r.due_on}" for r in item.skip],
            sorted(key.serial for key in item.keys),
        )
        for item in decided
    ]


async def change_portfolio(db: Database, day: date) -> None:
    """What happens to a real portfolio during the year: renewals (a new support end, a
    new series), keys reported lost."""
    async with db.transaction() as unit:
        if day.day == 10:
            await unit.execute(
                "UPDATE licenses SET support_end = date(support_end, '+12 months'), "
                "previous_support_end = support_end, support_paid_on = ? "
                "WHERE id % 13 = ? AND support_end BETWEEN ? AND ?",
                (day.isoformat(), day.month, day.isoformat(), (day + timedelta(40)).isoformat()),
            )
        if day.day == 20:
            await unit.execute(
                "UPDATE keys SET status = 'lost' WHERE id % 29 = ? AND status = 'active'",
                (day.month,),
            )


@pytest.mark.parametrize(
    "variant", ["vendor policy", "wide offsets", "no renewals", "no protection service"]
)
async def test_a_year_of_selection_by_due_dates_decides_as_the_window_did(
    policy: Policy, tmp_path: Path, variant: str
) -> None:
    chosen = {
        "vendor policy": policy,
        "wide offsets": wide(policy),
        "no renewals": services(policy, renewal=False),
        "no protection service": services(policy, protection=False),
    }[variant]
    path = write_portfolio(tmp_path / "export.csv", LICENSES, today=START + timedelta(180))
    db = await Database.open(tmp_path / "bot.sqlite3")
    try:
        report = await import_csv(db, path, now=datetime(2026, 12, 1, tzinfo=UTC), today=START)
        assert report.ok, report.errors
        sent = skipped = 0
        day = START
        while day < START + timedelta(days=365):
            await change_portfolio(db, day)
            if day not in DOWN:
                async with db.unit() as unit:
                    last = await unit.fetchone(
                        "SELECT MAX(period) FROM job_runs WHERE job = ?", (REMINDERS_JOB,)
                    )
                    assert last is not None
                    first = date.fromisoformat(last[0]) + timedelta(1) if last[0] else day
                    by_window = await select_due_by_window(unit, chosen, first, day)
                    by_due_dates = await select_due(unit, chosen, first, day)
                assert compared(by_due_dates) == compared(by_window), day
                now = datetime.combine(day, time(10), tzinfo=chosen.tz)
                run = await send_support_reminders(db, chosen, day=day, now=now)
                assert run.reminders == sum(len(item.send) for item in by_window)
                sent += run.reminders
                skipped += run.skipped
            day += timedelta(days=1)
    finally:
        await db.close()
    assert sent > (10 if variant == "no renewals" else LICENSES)  # plenty to compare…
    if variant != "no renewals":
        assert skipped > 0  # …and missed days whose reminders were no longer true


@pytest.mark.parametrize("grace", [0, 1, 2, 3])
def test_the_due_support_ends_are_exactly_those_with_a_reminder_in_the_period(
    policy: Policy, grace: int
) -> None:
    chosen = wide(policy).model_copy(
        update={"support": policy.support.model_copy(update={"preferential_grace_months": grace})}
    )
    first, last = date(2027, 2, 25), date(2027, 3, 3)  # across a short month's end
    expected = []
    end = first - timedelta(days=400)
    while end <= last + timedelta(days=400):
        series = reminder_series(support_end=end, protection_service=True, policy=chosen)
        expected += [r for r in series if first <= r.due_on <= last]
        end += timedelta(days=1)
    assert reminders_due_between(first, last, chosen) == expected

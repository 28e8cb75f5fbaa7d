"""Support-expiry reminders (docs/rules.md#support-expiry-reminders): one day per kind, built
from the policy offsets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from handlers.policy import Policy
from handlers.rules.reminders import (
    DueReminder,
    parse_reminder_kind,
    reminder_kind,
    reminder_series,
    reminders_due,
)

E = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("support_end", "today", "protection", "kinds"),
    [
        pytest.param(E, date(2026, 5, 16), False, ["before_end:30"], id="30-days-before"),
        pytest.param(E, date(2026, 6, 8), False, ["before_end:7"], id="7-days-before"),
        pytest.param(E, date(2026, 6, 14), False, ["before_end:1"], id="1-day-before"),
        pytest.param(E, date(2026, 6, 16), False, ["after_end:1"], id="day-after-end"),
        pytest.param(E, date(2026, 7, 12), False, ["before_preferential_end:3"],
                     id="3-days-before-preferential-end"),
        pytest.param(E, date(2026, 6, 25), True, ["protection:10"], id="protection-e-plus-10"),
        pytest.param(E, date(2026, 6, 25), False, [], id="no-protection-reminder-without-service"),
        pytest.param(E, E, True, [], id="none-on-end-day"),
        pytest.param(E, date(2026, 5, 17), True, [], id="none-29-days-before"),
        pytest.param(E, date(2026, 6, 29), True, [], id="none-e-plus-14"),
        pytest.param(E, date(2026, 7, 15), True, [], id="none-on-preferential-end"),
        pytest.param(date(2026, 1, 31), date(2026, 2, 25), False, ["before_preferential_end:3"],
                     id="31jan-preferential-end-28feb"),
        pytest.param(date(2028, 1, 31), date(2028, 2, 26), False, ["before_preferential_end:3"],
                     id="31jan-leap-preferential-end-29feb"),
        pytest.param(date(2026, 1, 31), date(2026, 2, 1), False, ["after_end:1"],
                     id="after-end-over-month-boundary"),
        pytest.param(date(2026, 3, 1), date(2026, 2, 28), False, ["before_end:1"],
                     id="before-end-over-february"),
    ],
)  # fmt: skip
def test_reminders_due(
    policy: Policy, support_end: date, today: date, protection: bool, kinds: list[str]
) -> None:
    due = reminders_due(
        support_end=support_end, today=today, protection_service=protection, policy=policy
    )
    assert [r.kind for r in due] == kinds
    assert all(r.support_end == support_end and r.due_on == today for r in due)


def test_reminder_series_sorted(policy: Policy) -> None:
    series = reminder_series(support_end=E, protection_service=True, policy=policy)
    assert series == [
        DueReminder("before_end:30", E, date(2026, 5, 16)),
        DueReminder("before_end:7", E, date(2026, 6, 8)),
        DueReminder("before_end:1", E, date(2026, 6, 14)),
        DueReminder("after_end:1", E, date(2026, 6, 16)),
        DueReminder("protection:10", E, date(2026, 6, 25)),
        DueReminder("before_preferential_end:3", E, date(2026, 7, 12)),
    ]


def test_series_without_service_has_no_protection_reminder(policy: Policy) -> None:
    series = reminder_series(support_end=E, protection_service=False, policy=policy)
    assert [r.kind for r in series] == [
        "before_end:30",
        "before_end:7",
        "before_end:1",
        "after_end:1",
        "before_preferential_end:3",
    ]


def test_every_day_of_the_series_matches_reminders_due(policy: Policy) -> None:
    series = reminder_series(support_end=E, protection_service=True, policy=policy)
    found: list[DueReminder] = []
    day = E - timedelta(days=60)
    while day <= E + timedelta(days=60):
        found += reminders_due(support_end=E, today=day, protection_service=True, policy=policy)
        day += timedelta(days=1)
    assert found == series


def test_offsets_come_from_policy(policy: Policy) -> None:
    changed = policy.model_copy(
        update={
            "reminders": policy.reminders.model_copy(
                update={
                    "days_before_end": [14],
                    "days_after_end": [1, 5],
                    "days_before_preferential_end": [1],
                    "protection_days_after_end": [12],
                }
            ),
            "support": policy.support.model_copy(update={"preferential_grace_months": 2}),
        }
    )
    series = reminder_series(support_end=E, protection_service=True, policy=changed)
    assert [(r.kind, r.due_on) for r in series] == [
        ("before_end:14", date(2026, 6, 1)),
        ("after_end:1", date(2026, 6, 16)),
        ("after_end:5", date(2026, 6, 20)),
        ("protection:12", date(2026, 6, 27)),
        ("before_preferential_end:1", date(2026, 8, 14)),
    ]


def test_same_day_reminders_all_returned(policy: Policy) -> None:
    changed = policy.model_copy(
        update={
            "reminders": policy.reminders.model_copy(
                update={"days_after_end": [10], "protection_days_after_end": [10]}
            )
        }
    )
    due = reminders_due(
        support_end=E, today=date(2026, 6, 25), protection_service=True, policy=changed
    )
    assert [r.kind for r in due] == ["after_end:10", "protection:10"]


@pytest.mark.parametrize(
    ("family", "days", "kind"),
    [
        pytest.param("before_end", 30, "before_end:30", id="before"),
        pytest.param("before_preferential_end", 3, "before_preferential_end:3", id="preferential"),
        pytest.param("protection", 10, "protection:10", id="protection"),
    ],
)
def test_kind_round_trip(family: str, days: int, kind: str) -> None:
    assert reminder_kind(family, days) == kind
    assert parse_reminder_kind(kind) == (family, days)


@pytest.mark.parametrize(
    "kind", ["before_end", "before_end:", "soon:3", "after_end:x", "after_end:٣"]
)
def test_parse_refuses_unknown(kind: str) -> None:
    with pytest.raises(ValueError):
        parse_reminder_kind(kind)

"""Monthly prolongation run of the protection service (docs/rules.md#the-monthly-key-run)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from handlers.policy import Policy
from handlers.rules.key_renewal import (
    KeyForRun,
    KeyRunEntry,
    RunOutcome,
    latest_run_date,
    plan_key_run,
    run_date_for,
    run_month,
)

RUN = date(2027, 1, 1)  # a public holiday: the run happens anyway
PROGRAMMED = date(2027, 1, 31)  # RUN + 30 days


def key(
    key_id: int = 1,
    *,
    support_end: date | None = RUN,
    status: str = "active",
    kind: str = "codemeter",
    service: bool = True,
    lapsed_on: date | None = None,
) -> KeyForRun:
    return KeyForRun(
        key_id=key_id,
        serial=f"3-{key_id:07d}",
        kind=kind,
        status=status,
        protection_service=service,
        support_end=support_end,
        customer_id=100 + key_id,
        lapsed_on=lapsed_on,
    )


@pytest.mark.parametrize(
    ("item", "outcome", "programmed_until"),
    [
        pytest.param(key(support_end=date(2027, 6, 30)), RunOutcome.PROLONGED, PROGRAMMED,
                     id="support-running"),
        pytest.param(key(support_end=RUN), RunOutcome.PROLONGED, PROGRAMMED,
                     id="support-ends-on-run-date"),
        pytest.param(key(support_end=RUN - timedelta(days=1)), RunOutcome.SUPPORT_ENDED, None,
                     id="ended-yesterday"),
        pytest.param(key(support_end=RUN - timedelta(days=14)), RunOutcome.SUPPORT_ENDED, None,
                     id="ended-exactly-14-days-ago"),
        pytest.param(key(support_end=RUN - timedelta(days=15)), RunOutcome.DISCONNECTED, None,
                     id="ended-15-days-ago"),
        pytest.param(key(support_end=date(2025, 1, 1)), RunOutcome.DISCONNECTED, None,
                     id="ended-long-ago"),
        pytest.param(key(support_end=None), RunOutcome.SUPPORT_ENDED, None,
                     id="no-license-left-out"),
        pytest.param(key(status="lost"), RunOutcome.EXCLUDED_STATUS, None, id="lost"),
        pytest.param(key(status="stolen"), RunOutcome.EXCLUDED_STATUS, None, id="stolen"),
        pytest.param(key(status="broken"), RunOutcome.EXCLUDED_STATUS, None, id="broken"),
        pytest.param(key(status="found"), RunOutcome.EXCLUDED_STATUS, None, id="found"),
        pytest.param(key(status="replaced"), RunOutcome.EXCLUDED_STATUS, None, id="replaced"),
        pytest.param(key(status="lost", support_end=date(2025, 1, 1)),
                     RunOutcome.EXCLUDED_STATUS, None, id="status-wins-over-support"),
        # Support of E = 10 Dec renewed to 10 Dec 2027, paid on 25 Dec (E + 15): the service
        # lapsed on 25 Dec, so the new end does not keep it.
        pytest.param(key(support_end=date(2027, 12, 10), lapsed_on=date(2026, 12, 25)),
                     RunOutcome.DISCONNECTED, None, id="renewed-too-late"),
        pytest.param(key(support_end=date(2027, 12, 10), lapsed_on=RUN),
                     RunOutcome.DISCONNECTED, None, id="lapsed-on-the-run-date"),
        pytest.param(key(support_end=date(2027, 12, 10), lapsed_on=date(2027, 1, 2)),
                     RunOutcome.PROLONGED, PROGRAMMED, id="lapse-after-the-run-date"),
        pytest.param(key(status="lost", lapsed_on=date(2026, 12, 25)),
                     RunOutcome.EXCLUDED_STATUS, None, id="status-wins-over-a-lapse"),
    ],
)  # fmt: skip
def test_outcome_per_key(
    policy: Policy, item: KeyForRun, outcome: RunOutcome, programmed_until: date | None
) -> None:
    plan = plan_key_run([item], RUN, policy)
    assert plan.run_date == RUN
    assert plan.entries == [
        KeyRunEntry(key=item, outcome=outcome, programmed_until=programmed_until)
    ]


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(key(kind="module"), id="module-key"),
        pytest.param(key(service=False), id="no-service"),
        pytest.param(key(kind="module", service=False, status="lost"), id="module-lost"),
    ],
)
def test_keys_outside_the_service_are_not_in_the_plan(policy: Policy, item: KeyForRun) -> None:
    assert plan_key_run([item], RUN, policy).entries == []


def test_plan_groups_and_keeps_order(policy: Policy) -> None:
    keys = [
        key(1, support_end=date(2027, 3, 1)),
        key(2, status="stolen"),
        key(3, support_end=date(2026, 12, 25)),
        key(4, kind="module"),
        key(5, support_end=date(2026, 12, 1)),
        key(6, support_end=RUN),
    ]
    plan = plan_key_run(iter(keys), RUN, policy)  # any iterable, consumed once
    assert [e.key.key_id for e in plan.entries] == [1, 2, 3, 5, 6]
    assert [e.key.key_id for e in plan.prolonged] == [1, 6]
    assert [e.key.key_id for e in plan.left_out] == [3]
    assert [e.key.key_id for e in plan.excluded] == [2]
    assert [e.key.key_id for e in plan.disconnected] == [5]
    assert {e.programmed_until for e in plan.prolonged} == {PROGRAMMED}


def test_policy_days_drive_the_plan(policy: Policy) -> None:
    changed = policy.model_copy(
        update={
            "protection": policy.protection.model_copy(
                update={"programming_days": 10, "reconnect_after_days": 3}
            )
        }
    )
    plan = plan_key_run(
        [
            key(1),
            key(2, support_end=RUN - timedelta(days=3)),
            key(3, support_end=RUN - timedelta(days=4)),
        ],
        RUN,
        changed,
    )
    assert [(e.outcome, e.programmed_until) for e in plan.entries] == [
        (RunOutcome.PROLONGED, date(2027, 1, 11)),
        (RunOutcome.SUPPORT_ENDED, None),
        (RunOutcome.DISCONNECTED, None),
    ]


@pytest.mark.parametrize(
    ("day", "month"),
    [
        pytest.param(date(2027, 1, 1), "2027-01", id="january"),
        pytest.param(date(2026, 12, 31), "2026-12", id="december"),
        pytest.param(date(987, 3, 5), "0987-03", id="zero-padded"),
    ],
)
def test_run_month(day: date, month: str) -> None:
    assert run_month(day) == month


@pytest.mark.parametrize(
    ("month", "run_day", "expected"),
    [
        pytest.param("2027-01", 1, date(2027, 1, 1), id="first"),
        pytest.param("2026-02", 28, date(2026, 2, 28), id="day-28-in-february"),
        pytest.param("2026-12", 5, date(2026, 12, 5), id="day-5"),
    ],
)
def test_run_date_for(policy: Policy, month: str, run_day: int, expected: date) -> None:
    changed = policy.model_copy(
        update={"protection": policy.protection.model_copy(update={"renewal_run_day": run_day})}
    )
    assert run_date_for(month, changed) == expected


@pytest.mark.parametrize(
    "month",
    ["2027-1", "2027-13", "2027-00", "27-01", "2027/01", "2027-01-01", " 2027-01", "٢٠٢٧-٠١"],
)
def test_run_date_for_refuses_bad_month(policy: Policy, month: str) -> None:
    with pytest.raises(ValueError):
        run_date_for(month, policy)


@pytest.mark.parametrize(
    ("today", "run_day", "expected"),
    [
        pytest.param(date(2027, 1, 1), 1, date(2027, 1, 1), id="on-run-day"),
        pytest.param(date(2027, 1, 20), 1, date(2027, 1, 1), id="later-in-month"),
        pytest.param(date(2027, 1, 4), 5, date(2026, 12, 5), id="before-run-day-previous-month"),
        pytest.param(date(2027, 3, 4), 5, date(2027, 2, 5), id="previous-february"),
    ],
)
def test_latest_run_date(policy: Policy, today: date, run_day: int, expected: date) -> None:
    changed = policy.model_copy(
        update={"protection": policy.protection.model_copy(update={"renewal_run_day": run_day})}
    )
    assert latest_run_date(today, changed) == expected


@pytest.mark.parametrize(
    ("support_end", "today", "outcome"),
    [
        pytest.param(RUN - timedelta(days=5), RUN, RunOutcome.SUPPORT_ENDED, id="on-the-run-date"),
        pytest.param(RUN - timedelta(days=5), RUN + timedelta(days=9), RunOutcome.SUPPORT_ENDED,
                     id="caught-up-on-the-deadline"),
        pytest.param(RUN - timedelta(days=5), RUN + timedelta(days=10), RunOutcome.DISCONNECTED,
                     id="caught-up-after-the-deadline"),
        pytest.param(RUN + timedelta(days=5), RUN + timedelta(days=25), RunOutcome.PROLONGED,
                     id="caught-up-support-running-on-the-run-date"),
    ],
)  # fmt: skip
def test_a_run_caught_up_late_never_tells_to_pay_by_a_past_day(
    policy: Policy, support_end: date, today: date, outcome: RunOutcome
) -> None:
    """A run made after its run date (the bot was down on the 1st) disconnects a key whose
    E + 14 has passed by the day it runs, instead of telling its owner to renew by then."""
    plan = plan_key_run([key(support_end=support_end)], RUN, policy, today=today)
    assert [entry.outcome for entry in plan.entries] == [outcome]

"""Which branch a lost key takes and what its replacement costs (handlers.rules.key_loss)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from handlers.policy import Policy
from handlers.rules.key_loss import (
    FoundStage,
    LossBranch,
    ReportEffect,
    ReturnEffect,
    can_go_back_in_service,
    found_stage,
    in_service,
    loss_branch,
    new_key_price,
    protected_replacement,
    protection_covers,
    report_effect,
    return_effect,
)

E = date(2026, 11, 30)


def covers(policy: Policy, today: date, **changes: object) -> bool:
    key: dict[str, object] = {
        "kind": "codemeter",
        "status": "active",
        "protection_service": True,
        "support_end": E,
    }
    key.update(changes)
    return protection_covers(today=today, policy=policy, **key)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days_after_end", "covered"),
    [(-100, True), (0, True), (1, True), (14, True), (15, False), (400, False)],
)
def test_the_service_covers_until_the_reconnection_deadline(
    policy: Policy, days_after_end: int, covered: bool
) -> None:
    assert policy.protection.reconnect_after_days == 14
    assert covers(policy, E + timedelta(days=days_after_end)) is covered


@pytest.mark.parametrize(
    "changes",
    [
        {"protection_service": False},
        {"kind": "module"},
        {"status": "lost"},
        {"status": "found"},
        {"support_end": None},
    ],
)
def test_no_cover_without_the_service_on_an_active_codemeter_key_with_licenses(
    policy: Policy, changes: dict[str, object]
) -> None:
    assert covers(policy, E, **changes) is False


@pytest.mark.parametrize(
    ("lapsed_on", "today", "covered"),
    [
        pytest.param(None, E + timedelta(days=20), True, id="renewed-in-time"),
        pytest.param(E + timedelta(days=15), E + timedelta(days=20), False, id="renewed-late"),
        pytest.param(E + timedelta(days=15), E + timedelta(days=15), False, id="on-the-lapse-day"),
        pytest.param(E + timedelta(days=15), E + timedelta(days=14), True, id="before-the-lapse"),
    ],
)
def test_support_renewed_too_late_does_not_cover_a_loss(
    policy: Policy, lapsed_on: date | None, today: date, covered: bool
) -> None:
    """E renewed to next year but paid on E + 15: the new end does not bring the cover back."""
    later = E + timedelta(days=365)
    assert covers(policy, today, support_end=later, lapsed_on=lapsed_on) is covered


def test_branch_names_follow_the_cover(policy: Policy) -> None:
    common = {"kind": "codemeter", "status": "active", "support_end": E, "policy": policy}
    assert loss_branch(protection_service=True, today=E, **common) is LossBranch.PROTECTED
    assert loss_branch(protection_service=False, today=E, **common) is LossBranch.DOCUMENTS


def test_prices_come_from_the_policy(policy: Policy) -> None:
    assert new_key_price("codemeter", policy) == Decimal("3900")
    assert new_key_price("module", policy) == Decimal("2900")
    with pytest.raises(ValueError, match="unknown key kind"):
        new_key_price("usb", policy)
    replacement = protected_replacement(policy)
    assert (replacement.key_price, replacement.delivery_price, replacement.total) == (
        Decimal("3900"),
        Decimal("600"),
        Decimal("4500"),
    )
    cheaper = policy.model_copy(
        update={"keys": policy.keys.model_copy(update={"delivery_price": Decimal("0")})}
    )
    assert protected_replacement(cheaper).total == Decimal("3900")


@pytest.mark.parametrize(
    ("kind", "service", "until", "effect"),
    [
        ("codemeter", True, E + timedelta(days=5), ReportEffect.LEAVES_RUN),
        ("codemeter", True, E, ReportEffect.LEAVES_RUN),  # works through its last day
        ("codemeter", True, None, ReportEffect.LEAVES_RUN_UNDATED),
        ("codemeter", True, E - timedelta(days=1), ReportEffect.RUN_ENDED),
        ("codemeter", False, E - timedelta(days=1), ReportEffect.RUN_ENDED),
        ("codemeter", False, None, ReportEffect.NOT_IN_RUN),
        ("codemeter", False, E + timedelta(days=5), ReportEffect.NOT_IN_RUN),
        ("module", False, None, ReportEffect.NOT_IN_RUN),
    ],
)
def test_what_a_report_does_to_the_key(
    kind: str, service: bool, until: date | None, effect: ReportEffect
) -> None:
    assert (
        report_effect(kind=kind, protection_service=service, programmed_until=until, today=E)
        is effect
    )


def test_a_key_found_again_is_out_of_the_run_already() -> None:
    until = E + timedelta(days=5)
    found = report_effect(
        kind="codemeter", protection_service=True, programmed_until=until, today=E, status="found"
    )
    assert found is ReportEffect.NOT_IN_RUN


def test_a_vendor_without_the_service_never_covers_a_loss(policy: Policy) -> None:
    csoft = policy.model_copy(
        update={"services": policy.services.model_copy(update={"protection": False})}
    )
    common = {"kind": "codemeter", "status": "active", "support_end": E, "today": E}
    assert protection_covers(protection_service=True, policy=policy, **common)
    assert not protection_covers(protection_service=True, policy=csoft, **common)


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        (None, FoundStage.UNKNOWN),
        ("done", FoundStage.REPLACED),
        ("rejected", FoundStage.NOT_REPLACED),
        ("cancelled", FoundStage.NOT_REPLACED),
        ("new", FoundStage.PENDING),
        ("in_work", FoundStage.PENDING),
        ("waiting_documents", FoundStage.PENDING),
        ("waiting_customer", FoundStage.PENDING),
    ],
)
def test_how_far_the_replacement_got(status: str | None, stage: FoundStage) -> None:
    assert found_stage(status) is stage
    back = stage in (FoundStage.PENDING, FoundStage.NOT_REPLACED)
    assert can_go_back_in_service(stage) is back


@pytest.mark.parametrize(
    ("service", "today", "until", "effect"),
    [
        (True, E, E + timedelta(days=3), ReturnEffect.BACK_IN_RUN),
        (True, E, E - timedelta(days=1), ReturnEffect.REPROGRAM),
        (True, E, None, ReturnEffect.REPROGRAM),
        (True, E + timedelta(days=15), E + timedelta(days=20), ReturnEffect.NOT_IN_RUN),
        (False, E, E + timedelta(days=3), ReturnEffect.NOT_IN_RUN),
    ],
)
def test_what_going_back_in_service_means(
    policy: Policy, service: bool, today: date, until: date | None, effect: ReturnEffect
) -> None:
    assert (
        return_effect(
            kind="codemeter",
            protection_service=service,
            support_end=E,
            programmed_until=until,
            today=today,
            policy=policy,
        )
        is effect
    )


@pytest.mark.parametrize(
    ("status", "usable"),
    [
        ("active", True),
        ("found", True),
        ("lost", False),
        ("stolen", False),
        ("broken", False),
        ("replaced", False),
    ],
)
def test_which_keys_can_carry_licenses(status: str, usable: bool) -> None:
    assert in_service(status) is usable

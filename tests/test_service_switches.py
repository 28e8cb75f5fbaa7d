"""What a vendor does not offer is never offered (docs/rules.md#vendor-profiles): no
renewal reminders or quotes without renewals, no protection texts or monthly run without
the protection service."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from handlers.desk.manager_desk import ManagerDesk
from handlers.i18n import recording_texts, texts
from handlers.policy import Policy, Services
from handlers.rules.reminders import reminder_series
from scheduler.service import build_scheduler
from scheduler.support_reminders import reminder_buttons
from storage.db import Database

E = date(2026, 6, 15)


def offering(policy: Policy, **services: bool) -> Policy:
    return policy.model_copy(update={"services": Services(**services)})


def kinds(policy: Policy, *, protection_service: bool) -> list[str]:
    series = reminder_series(support_end=E, protection_service=protection_service, policy=policy)
    return [reminder.kind for reminder in series]


def test_a_vendor_without_renewals_sends_only_the_protection_reminder(policy: Policy) -> None:
    bazis = offering(policy, renewal=False)
    assert kinds(bazis, protection_service=True) == ["protection:10"]
    assert kinds(bazis, protection_service=False) == []


def test_a_vendor_without_the_protection_service_sends_no_pay_by_reminder(
    policy: Policy,
) -> None:
    v8pro = offering(policy, protection=False)
    assert "protection:10" not in kinds(v8pro, protection_service=True)
    assert kinds(v8pro, protection_service=True) == kinds(policy, protection_service=False)


def test_reminder_buttons_lead_to_a_quote_or_else_to_a_manager(policy: Policy) -> None:
    t = texts("ru")
    with recording_texts() as said:
        [[renew], _] = reminder_buttons(t, policy)
        [[manager], [mute]] = reminder_buttons(t, offering(policy, renewal=False))
    assert renew[1].endswith("go:renewal") and manager[1].endswith("go:manager_contact")
    assert [text.key for text in said][-2:] == ["reminders.button_manager", "reminders.button_mute"]
    assert mute[1].endswith("reminders.mute")


def test_no_monthly_key_run_without_the_protection_service(
    db: Database, policy: Policy, tmp_path: Path
) -> None:
    desk = ManagerDesk.console_only()
    assert build_scheduler(db, policy, desk, batch_dir=tmp_path).get_job("key-renewal-run")
    v8pro = offering(policy, protection=False)
    scheduler = build_scheduler(db, v8pro, desk, batch_dir=tmp_path)
    assert scheduler.get_job("key-renewal-run") is None
    assert scheduler.get_job("support-reminders") is not None

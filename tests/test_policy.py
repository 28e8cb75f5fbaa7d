"""policy.toml: the packaged file carries the numbers of docs/rules.md; a bad value names its
key."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from handlers.policy import PolicyError, default_policy_path, load_policy


def test_packaged_policy_has_the_numbers_of_the_spec() -> None:
    policy = load_policy()
    assert policy.support.preferential_rate == Decimal("0.25")
    assert policy.support.standard_rate == Decimal("0.45")
    assert policy.support.preferential_grace_months == 1
    assert policy.support.renewal_term_months == 12
    assert policy.support.default_term_months == 6
    assert policy.protection.reconnect_after_days == 14
    assert policy.protection.programming_days == 30
    assert policy.protection.renewal_run_day == 1
    assert policy.sessions.hourly_rate == Decimal("1300")
    assert policy.sessions.minimum_hours == 1
    assert policy.sessions.connection_fee == Decimal("4000")
    assert policy.sessions.durations_hours == [1, 2, 3]
    assert policy.sessions.change_until_hours == 2
    assert policy.sessions.min_notice_hours == 2
    assert policy.working_hours.weekdays == [1, 2, 3, 4, 5]
    assert (policy.working_hours.start, policy.working_hours.end) == (time(9), time(18))
    assert policy.timezone == "Europe/Moscow" and policy.working_hours.holiday_country == "RU"
    assert policy.reminders.days_before_end == [30, 7, 1]
    assert policy.reminders.protection_days_after_end == [10]
    assert policy.reminders.documents_after_days == 3
    assert policy.linking.max_attempts == 5


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = default_policy_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "policy.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('standard_rate = "0.45"', 'standard_rate = "45"', "support.standard_rate"),
        ('hourly_rate = "1300"', 'hourly_rate = "-1"', "sessions.hourly_rate"),
        ('hourly_rate = "1300"', 'hourly_rate = "a lot"', "sessions.hourly_rate"),
        ('start = "09:00"', 'start = "19:00"', "working_hours"),
        ('timezone = "Europe/Moscow"', 'timezone = "Mars/Olympus"', "timezone"),
        ('holiday_country = "RU"', 'holiday_country = "XX"', "working_hours.holiday_country"),
        ("consultants = 2", "consultants = 0", "sessions.consultants"),
        ("min_notice_hours = 2", "min_notice_hours = -1", "sessions.min_notice_hours"),
        ("renewal_run_day = 1", "renewal_run_day = 31", "protection.renewal_run_day"),
        ("max_attempts = 5", "max_attempts = 5\nmax_atempts = 6", "linking.max_atempts"),
        ("messages_per_minute = 20", "messages_per_minute = 0", "flood.messages_per_minute"),
        ("unlinked_messages_per_minute = 6", "unlinked_messages_per_minute = 30", "flood"),
    ],
)
def test_bad_value_is_refused_naming_its_key(tmp_path: Path, old: str, new: str, key: str) -> None:
    with pytest.raises(PolicyError) as error:
        load_policy(write_variant(tmp_path, old, new))
    assert f": {key}" in str(error.value)


def test_missing_or_broken_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="file not found"):
        load_policy(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[support\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(broken)


def test_time_zone_follows_a_copied_policy() -> None:
    policy = load_policy()
    assert str(policy.tz) == "Europe/Moscow"
    assert str(policy.model_copy(update={"timezone": "Asia/Tokyo"}).tz) == "Asia/Tokyo"

"""Dates and times as people type them, in the vendor's time zone and on the working
calendar (handlers/rules/spoken_dates.py): the phrases customers use, on a Friday evening,
on 31 December and before a transferred working Saturday."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from handlers.i18n import texts
from handlers.policy import Policy
from handlers.rules.calendar import WorkingCalendar
from handlers.rules.spoken_dates import (
    UnderstoodWhen,
    asks_for_now,
    bare_time,
    understand_day,
    understand_when,
)

MSK = ZoneInfo("Europe/Moscow")
FRIDAY_EVENING = datetime(2026, 12, 4, 19, 0, tzinfo=MSK)
NEW_YEARS_EVE = datetime(2026, 12, 31, 11, 0, tzinfo=MSK)
BEFORE_WORKED_SATURDAY = datetime(2027, 2, 19, 16, 0, tzinfo=MSK)  # Sat 2027-02-20 is worked
AFTERNOON = (time(13), time(18))  # split at the middle of working hours
MORNING = (time(9), time(13))


def understood(policy: Policy, text: str, language: str, now: datetime) -> UnderstoodWhen | None:
    t = texts(language)
    return understand_when(
        text,
        language=language,
        now=now,
        calendar=WorkingCalendar(policy),
        parts={part: t(f"spoken_dates.{part}").splitlines() for part in ("morning", "afternoon")},
        skip=t("spoken_dates.skip").split(),
    )


@pytest.mark.parametrize(
    ("text", "language", "now", "expected"),
    [
        # Friday evening: tomorrow is Saturday, a day off: the call moves to Monday.
        (
            "завтра",
            "ru",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), moved_from=date(2026, 12, 5)),
        ),
        (
            "послезавтра",
            "ru",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), moved_from=date(2026, 12, 6)),
        ),
        ("в понедельник", "ru", FRIDAY_EVENING, UnderstoodWhen(date(2026, 12, 7))),
        (
            "в понедельник после обеда",
            "ru",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), *AFTERNOON),
        ),
        (
            "в понедельник в 15:30",
            "ru",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), time(15, 30)),
        ),
        ("через неделю", "ru", FRIDAY_EVENING, UnderstoodWhen(date(2026, 12, 11))),
        (
            "после обеда",
            "ru",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), *AFTERNOON, moved_from=date(2026, 12, 5)),
        ),
        ("07.12.2026 10:00", "ru", FRIDAY_EVENING, UnderstoodWhen(date(2026, 12, 7), time(10))),
        (
            "tomorrow afternoon",
            "en",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), *AFTERNOON, moved_from=date(2026, 12, 5)),
        ),
        (
            "on Monday at 15:30",
            "en",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), time(15, 30)),
        ),
        (
            "утре",
            "bg",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), moved_from=date(2026, 12, 5)),
        ),
        ("в понеделник", "bg", FRIDAY_EVENING, UnderstoodWhen(date(2026, 12, 7))),
        (
            "в понеделник следобед",
            "bg",
            FRIDAY_EVENING,
            UnderstoodWhen(date(2026, 12, 7), *AFTERNOON),
        ),
        # 31 December: the New Year holidays run to 10 January 2027.
        (
            "завтра утром",
            "ru",
            NEW_YEARS_EVE,
            UnderstoodWhen(date(2027, 1, 11), *MORNING, moved_from=date(2027, 1, 1)),
        ),
        # Before the worked Saturday 20 February 2027 (in exchange for Monday 22 February;
        # Tuesday 23 February is a holiday too).
        ("завтра", "ru", BEFORE_WORKED_SATURDAY, UnderstoodWhen(date(2027, 2, 20))),
        (
            "в понедельник",
            "ru",
            BEFORE_WORKED_SATURDAY,
            UnderstoodWhen(date(2027, 2, 24), moved_from=date(2027, 2, 22)),
        ),
        ("когда-нибудь", "ru", FRIDAY_EVENING, None),
        ("как можно скорее", "ru", FRIDAY_EVENING, None),
    ],
)
def test_a_typed_time_is_understood_on_the_working_calendar(
    policy: Policy, text: str, language: str, now: datetime, expected: UnderstoodWhen | None
) -> None:
    assert understood(policy, text, language, now) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1 марта 2026", "ru", date(2026, 3, 1)),
        ("25 ноября", "ru", date(2026, 11, 25)),
        ("вчера", "ru", date(2026, 12, 4)),
        ("31 Dec 2025", "en", date(2025, 12, 31)),
        ("1 март 2026", "bg", date(2026, 3, 1)),
        ("хочу скидку", "ru", None),
    ],
)
def test_a_support_end_written_in_words(text: str, language: str, expected: date | None) -> None:
    assert understand_day(text, language=language, today=date(2026, 12, 5)) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("сейчас", "ru", True),
        ("Можно прямо сейчас?", "ru", True),
        ("срочно!", "ru", True),
        ("завтра в 11:00", "ru", False),
        ("right now please", "en", True),
        ("tomorrow afternoon", "en", False),
        ("веднага", "bg", True),
        ("утре", "bg", False),
    ],
)
def test_asking_for_no_time_ahead(text: str, language: str, expected: bool) -> None:
    phrases = texts(language)("spoken_dates.now").splitlines()
    assert asks_for_now(text, phrases=phrases, language=language) is expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("15:00", "ru", time(15)),
        ("в 16", "ru", time(16)),
        ("около 9.30", "ru", time(9, 30)),
        ("at 4 pm", "en", time(16)),
        ("12 am", "en", time(0)),
        ("в 14:00", "bg", time(14)),
        ("завтра в 15:00", "ru", None),
        ("после обеда", "ru", None),
        ("25:00", "ru", None),
        ("13 pm", "en", None),
        ("сейчас", "ru", None),
    ],
)
def test_a_clock_time_written_alone(text: str, language: str, expected: time | None) -> None:
    assert bare_time(text, skip=texts(language)("spoken_dates.skip").split()) == expected


MONDAY_NOON = datetime(2026, 11, 23, 12, 0, tzinfo=MSK)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # An hour after the day is a time on it, never a day of the month or a year.
        ("в среду в 11", "ru", UnderstoodWhen(date(2026, 11, 25), time(11))),
        ("2 декабря в 10", "ru", UnderstoodWhen(date(2026, 12, 2), time(10))),
        ("25.11 в 11", "ru", UnderstoodWhen(date(2026, 11, 25), time(11))),
        ("25.11.2026 в 11", "ru", UnderstoodWhen(date(2026, 11, 25), time(11))),
        ("25.11 10:30", "ru", UnderstoodWhen(date(2026, 11, 25), time(10, 30))),
        ("завтра около 9.30", "ru", UnderstoodWhen(date(2026, 11, 24), time(9, 30))),
        ("tomorrow at 4 pm", "en", UnderstoodWhen(date(2026, 11, 24), time(16))),
        ("в сряда в 11", "bg", UnderstoodWhen(date(2026, 11, 25), time(11))),
        ("утре в 10", "bg", UnderstoodWhen(date(2026, 11, 24), time(10))),
        # A time alone: today while it is ahead, else tomorrow.
        ("в 16", "ru", UnderstoodWhen(date(2026, 11, 23), time(16))),
        ("в 10", "ru", UnderstoodWhen(date(2026, 11, 24), time(10))),
        # A day in figures alone is a day ("22.11" is not 22:11): the next one.
        ("25.11", "ru", UnderstoodWhen(date(2026, 11, 25))),
        ("22.11", "ru", UnderstoodWhen(date(2027, 11, 22))),
        # A past day, or one more than a year ahead, is not understood.
        ("вчера в 10", "ru", None),
        ("вчера", "ru", None),
        ("yesterday", "en", None),
        ("2 декабря 2027", "ru", None),
        ("когда-нибудь в 10", "ru", None),
    ],
)
def test_a_day_with_an_hour_after_it(
    policy: Policy, text: str, language: str, expected: UnderstoodWhen | None
) -> None:
    assert understood(policy, text, language, MONDAY_NOON) == expected

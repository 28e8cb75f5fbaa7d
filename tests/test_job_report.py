"""What an operator reads after ``python -m bot jobs``, in each managers' language: the key
run's three outcomes and the reasons a run is refused, with CLDR months and dates."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.i18n import texts
from scheduler.job_report import refusal_text, reminders_text, renewals_text
from scheduler.jobs import JobRefused
from scheduler.key_run import KeyRunResult
from scheduler.support_reminders import ReminderRun

RUN = date(2026, 12, 1)
DONE = KeyRunResult(
    month="2026-12",
    run_date=RUN,
    status="resumed",
    prolonged=3,
    left_out=1,
    disconnected=2,
    excluded=0,
    owner_messages=4,
    file_path="/srv/renewals/renewals-2026-12.csv",
)


@pytest.mark.parametrize(
    ("language", "head", "prolonged"),
    [
        (
            "ru",
            "Ежемесячное продление ключей, декабрь 2026 (дата прогона 01.12.2026): "
            "прерванный прогон завершён.",
            "• продлено: 3",
        ),
        (
            "en",
            "Monthly key run, December 2026 (run date 1 Dec 2026): the interrupted run "
            "is finished.",
            "• prolonged: 3",
        ),
        (
            "bg",
            "Месечно подновяване на ключовете, декември 2026 (дата на изпълнение "
            "1.12.2026): прекъснатото изпълнение е довършено.",
            "• подновени: 3",
        ),
    ],
)
def test_a_resumed_key_run_reads_in_the_managers_language(
    language: str, head: str, prolonged: str
) -> None:
    lines = renewals_text(texts(language), DONE).splitlines()
    assert lines[0] == head
    assert prolonged in lines
    assert lines[-2].endswith(": /srv/renewals/renewals-2026-12.csv")


def test_a_month_done_already_names_its_batch_file() -> None:
    done = KeyRunResult(
        month="2026-12", run_date=RUN, status="already_done", file_path="/srv/r.csv"
    )
    assert renewals_text(texts("ru"), done) == (
        "Ежемесячное продление ключей, декабрь 2026 (дата прогона 01.12.2026): делать "
        "нечего, прогон уже выполнен. Файл для оператора ключей: /srv/r.csv"
    )


def test_a_catch_up_over_missed_days_names_the_days() -> None:
    run = ReminderRun(
        first=date(2026, 12, 3),
        day=date(2026, 12, 5),
        reminders=0,
        messages=0,
        muted=0,
        unreachable=0,
        skipped=0,
    )
    assert reminders_text(texts("en"), run) == (
        "Support-expiry reminders of 3 Dec 2026 – 5 Dec 2026 (catching up the days missed): "
        "nothing to do."
    )


@pytest.mark.parametrize(
    ("refusal", "language", "text"),
    [
        (
            JobRefused("log", "month_past", month="2026-10", latest="2026-12"),
            "ru",
            "Прогон за октябрь 2026 не начинался, а последний прогон — за декабрь 2026: "
            "прошедший месяц можно только довести до конца, начать его задним числом нельзя.",
        ),
        (
            JobRefused("log", "future_day", day=date(2026, 12, 6), today=date(2026, 12, 5)),
            "bg",
            "6.12.2026 още не е настъпил (днес е 5.12.2026): напомнянията се изпращат за "
            "днешния или за минал ден.",
        ),
        (
            JobRefused("log", "bad_month", month="2026-13"),
            "en",
            "'2026-13' is not a month: write YYYY-MM, e.g. 2026-12.",
        ),
    ],
)
def test_a_refused_run_says_why(refusal: JobRefused, language: str, text: str) -> None:
    assert refusal_text(texts(language), refusal) == text

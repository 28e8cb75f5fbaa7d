"""What a job run by hand did, in the operator's language.

``python -m bot jobs reminders|renewals`` is run by the vendor's staff, who read the
managers' language (``MANAGER_LANGUAGE``), as ``python -m bot import`` does. The results'
``__str__`` stays the log's English; here the same figures become catalogue text
(``jobs.<…>`` in ``i18n/<lang>/jobs.ftl``) with the language's plural forms and dates.
"""

from __future__ import annotations

from datetime import date

from handlers.i18n import Texts
from scheduler.jobs import JobRefused
from scheduler.key_run import KeyRunResult
from scheduler.support_reminders import ReminderRun


def reminders_text(t: Texts, run: ReminderRun) -> str:
    """``Напоминания об окончании поддержки за 05.12.2026: отправлено 2 …``."""
    if run.first == run.day:
        days = t("jobs.reminders_day", day=t.date(run.day))
    else:
        days = t("jobs.reminders_days", first=t.date(run.first), day=t.date(run.day))
    if run.nothing_to_do:
        return t("jobs.reminders_nothing", days=days)
    return t(
        "jobs.reminders_done",
        days=days,
        reminders=run.reminders,
        messages=run.messages,
        muted=run.muted,
        unreachable=run.unreachable,
        skipped=run.skipped,
    )


def renewals_text(t: Texts, run: KeyRunResult) -> str:
    """The key run's counts and where its batch file is (a path on this machine: the
    operator hands the file to the key programmer)."""
    head = t("jobs.renewals_head", month=t.month(run.run_date), date=t.date(run.run_date))
    if run.nothing_to_do:
        return t("jobs.renewals_already_done", head=head, path=run.file_path or "—")
    return t(
        "jobs.renewals_resumed" if run.status == "resumed" else "jobs.renewals_done",
        head=head,
        prolonged=run.prolonged,
        left_out=run.left_out,
        disconnected=run.disconnected,
        excluded=run.excluded,
        messages=run.owner_messages,
        path=run.file_path or "—",
    )


def refusal_text(t: Texts, refusal: JobRefused) -> str:
    """Why the job did not run, and what to ask for instead."""
    values: dict[str, object] = {}
    for name, value in refusal.values.items():
        if isinstance(value, date):
            values[name] = t.date(value)
        elif name in {"month", "latest"} and refusal.reason != "bad_month":
            values[name] = t.month(_month_start(value))
        else:
            values[name] = value
    return t(f"jobs.refused_{refusal.reason}", **values)


def _month_start(value: object) -> date:
    """The first day of a 'YYYY-MM' month (a refusal names months that way)."""
    year, month = str(value).split("-")
    return date(int(year), int(month), 1)

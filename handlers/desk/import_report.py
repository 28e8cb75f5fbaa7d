"""The CSV import's report in the reader's language.

The importer (:mod:`storage.importer`) reports structured problems: a line, the column as
the file's header names it, a code and values. Here they become text through the
catalogue (``import.<code>`` in ``i18n/<lang>/import.ftl``): one line per refused row,
``строка 3: support_end: «12.13.2026» — не дата …; customer_name: …``. Column names are
the file's own words and stay as they are; values the importer read (a yes/no, a date, an
amount) are written the reader's way. The manager who sends a file
(:mod:`handlers.desk.desk_commands`) and the command line (``python -m bot import``, in the
default language) read the same lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from handlers.i18n import Texts
from storage.importer import ImportProblem, ImportReport, Problem

#: Refused rows listed in a manager's answer; the rest are counted.
ERRORS_SHOWN = 10

#: How a list argument is joined: the accepted words of a column as alternatives, column
#: names as a list.
_JOINERS = {"allowed": " | "}


def _argument(t: Texts, name: str, value: object) -> object:
    """A problem's value as the catalogue takes it."""
    if isinstance(value, tuple | list):
        return _JOINERS.get(name, ", ").join(str(item) for item in value)
    if isinstance(value, bool):
        return t("import.yes") if value else t("import.no")
    if isinstance(value, date):
        return t.date(value)
    if isinstance(value, Decimal):
        return t.money(value)
    return value


def _shown(t: Texts, value: object) -> object:
    """A stored or read value compared in :attr:`Problem.DIFFERS`: text in quotes."""
    if isinstance(value, str):
        return t("import.quoted", value=value)
    if value is None:
        return "—"
    return _argument(t, "", value)


def problem_text(t: Texts, problem: ImportProblem) -> str:
    """One problem, without its line: ``support_end: «31.02.2026» — не дата …``."""
    values = {name: _argument(t, name, value) for name, value in problem.values.items()}
    if problem.code is Problem.DIFFERS:
        values["new"] = _shown(t, problem.values.get("new"))
        values["old"] = _shown(t, problem.values.get("old"))
    return t(f"import.{problem.code.value}", column=problem.column, **values)


def _rows(problems: Sequence[ImportProblem]) -> list[tuple[int, list[ImportProblem]]]:
    """The problems grouped by line (a row's problems in the order found)."""
    by_line: dict[int, list[ImportProblem]] = {}
    for problem in problems:
        by_line.setdefault(problem.line, []).append(problem)
    return list(by_line.items())


def problem_lines(
    t: Texts, problems: Sequence[ImportProblem], limit: int | None = None
) -> list[str]:
    """One line per refused row (or problem of the file), the first ``limit`` of them."""
    return [
        t("import.line", line=line, problems="; ".join(problem_text(t, p) for p in found))
        for line, found in _rows(problems)[:limit]
    ]


def summary_lines(t: Texts, name: str, report: ImportReport) -> list[str]:
    """Rows read and imported, what was created and updated, how many rows were refused."""
    lines = [
        t("desk_commands.import_report", name=name, rows=report.rows, imported=report.imported)
    ]
    for heading, counts in (
        ("desk_commands.import_created", report.created),
        ("desk_commands.import_updated", report.updated),
    ):
        lines.append(
            t(
                heading,
                customers=counts["customers"],
                products=counts["products"],
                licenses=counts["licenses"],
                keys=counts["keys"],
            )
        )
    if report.ok:
        lines.append(t("desk_commands.import_no_errors"))
    else:
        lines.append(t("desk_commands.import_errors", count=len(report.bad_lines)))
    return lines


def kept_lines(t: Texts, report: ImportReport) -> list[str]:
    """Values of landed rows left as the managers set them through the bot (a key's
    protection service), one line each under a heading; none: no lines."""
    if not report.kept:
        return []
    return [t("desk_commands.import_kept", count=len(report.kept)), *problem_lines(t, report.kept)]


def report_text(t: Texts, name: str, report: ImportReport, shown: int = ERRORS_SHOWN) -> str:
    """The report for a manager: the summary, the first ``shown`` refused rows, then the
    values kept as the managers set them."""
    lines = summary_lines(t, name, report)
    lines += problem_lines(t, report.errors, shown)
    more = len(report.bad_lines) - shown
    if more > 0:
        lines.append(t("desk_commands.import_errors_more", count=more))
    lines += kept_lines(t, report)
    return "\n".join(lines)

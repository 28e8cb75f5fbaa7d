"""The import's problems in the reader's language: every problem code has its text in
ru, en and bg, counts take their plural forms, values read the reader's way, and the
manager's report lists refused rows (not problems) up to its limit."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from handlers.desk.import_report import ERRORS_SHOWN, problem_lines, problem_text, report_text
from handlers.i18n import LANGUAGES, Texts, recording_texts
from storage.importer import COLUMNS, ImportProblem, ImportReport, Problem

#: One problem of each code with the values the importer gives it.
SAMPLES: dict[Problem, ImportProblem] = {
    problem.code: problem
    for problem in [
        ImportProblem(4, Problem.NOT_UTF8),
        ImportProblem(1, Problem.MISSING_COLUMNS, "", {"columns": ("key_kind",), "count": 1}),
        ImportProblem(1, Problem.REPEATED_COLUMNS, "", {"columns": ("phone", "email"), "count": 2}),
        ImportProblem(3, Problem.WRONG_WIDTH, "", {"found": 3, "width": 21}),
        ImportProblem(3, Problem.TOO_LONG, "company", {"length": 301, "limit": 300}),
        ImportProblem(3, Problem.EMPTY, "product_code"),
        ImportProblem(3, Problem.NO_NAME, "customer_name", {"other": "company"}),
        ImportProblem(3, Problem.NOT_YES_NO, "resident", {"value": "может быть"}),
        ImportProblem(3, Problem.EMPTY_DATE, "support_end"),
        ImportProblem(3, Problem.NOT_A_DATE, "license_end", {"value": "12.13.2026"}),
        ImportProblem(
            3, Problem.NOT_A_WHOLE_NUMBER, "workplaces", {"value": "0", "low": 1, "high": 100000}
        ),
        ImportProblem(3, Problem.MIXED_SEPARATORS, "product_price", {"value": "1,234.50"}),
        ImportProblem(3, Problem.AMBIGUOUS_AMOUNT, "product_price", {"value": "7,990"}),
        ImportProblem(3, Problem.NOT_AN_AMOUNT, "product_price", {"value": "abc"}),
        ImportProblem(
            3, Problem.NOT_ONE_OF, "key_kind", {"value": "usb", "allowed": ("codemeter", "module")}
        ),
        ImportProblem(3, Problem.EMPTY_CHOICE, "key_kind", {"allowed": ("codemeter", "module")}),
        ImportProblem(3, Problem.NOT_A_PHONE, "phone", {"value": "12"}),
        ImportProblem(3, Problem.NOT_AN_EMAIL, "email", {"value": "ivan@"}),
        ImportProblem(3, Problem.NOT_A_LANGUAGE, "language", {"value": "rus"}),
        ImportProblem(3, Problem.SERVICE_NEEDS_CODEMETER, "protection_service"),
        ImportProblem(
            3,
            Problem.SERVICE_KEPT,
            "protection_service",
            {"serial": "3-1234567", "on": date(2026, 11, 25), "change": "connected"},
        ),
        ImportProblem(
            3, Problem.OTHER_CUSTOMER, "customer_name", {"entity": "license", "first": 2}
        ),
        ImportProblem(3, Problem.OTHER_PRODUCT, "product_code", {"first": 2}),
        ImportProblem(
            3,
            Problem.DIFFERS,
            "resident",
            {"entity": "customer", "first": 2, "new": False, "old": True},
        ),
        ImportProblem(
            5, Problem.BATCH_FAILED, "", {"first": 5, "last": 9, "reason": "disk I/O error"}
        ),
    ]
}


def test_every_problem_code_has_a_sample() -> None:
    assert set(SAMPLES) == set(Problem)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", list(Problem))
def test_every_problem_reads_in_every_language(language: str, code: Problem) -> None:
    t = Texts(language, "RUB")
    problem = SAMPLES[code]
    with recording_texts() as rendered:
        text = problem_text(t, problem)
    assert rendered[-1].key == f"import.{code.value}"
    if problem.column:
        assert text.startswith(f"{problem.column}: ")
    if language != "en":
        # Latin words only where they are the file's or the database's own.
        own = {"codemeter", "module", "usb", "abc", "ivan", "rus", "CSV", "UTF", "CodeMeter"}
        own |= {part for column in COLUMNS for part in column.split("_")}
        own |= {"disk", "I", "O", "error"}
        assert set(re.findall(r"[A-Za-z]+", text)) <= own, text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "нет столбцов: support_end, key_kind"),
        ("en", "missing columns: support_end, key_kind"),
        ("bg", "липсват колони: support_end, key_kind"),
    ],
)
def test_missing_columns_take_the_plural(language: str, expected: str) -> None:
    problem = ImportProblem(
        1, Problem.MISSING_COLUMNS, "", {"columns": ("support_end", "key_kind"), "count": 2}
    )
    assert problem_text(Texts(language, "RUB"), problem) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ru",
            [
                "строка 3: customer_name: этот же ключ в строке 2 у другого клиента",
                "строка 4: product_price: 9\u00a0000\u00a0₽, а в строке 2 у того же продукта "
                "7\u00a0990\u00a0₽",
                "строка 5: resident: нет, а в строке 2 у того же клиента да",
                "строка 6: support_end: 13.11.2027, а в строке 2 у той же лицензии 13.11.2026",
                "строка 7: product_name: «Базис», а в строке 2 у того же продукта «Базис-Отчёт»",
            ],
        ),
        (
            "en",
            [
                "line 3: customer_name: the same key belongs to another customer in line 2",
                "line 4: product_price: RUB\u00a09,000 differs from line 2 (RUB\u00a07,990) "
                "for the same product",
                "line 5: resident: no differs from line 2 (yes) for the same customer",
                "line 6: support_end: 13 Nov 2027 differs from line 2 (13 Nov 2026) "
                "for the same license",
                "line 7: product_name: 'Базис' differs from line 2 ('Базис-Отчёт') "
                "for the same product",
            ],
        ),
    ],
)
def test_contradicting_rows_show_values_the_readers_way(language: str, expected: list[str]) -> None:
    def differs(line: int, column: str, entity: str, new: object, old: object) -> ImportProblem:
        values = {"entity": entity, "first": 2, "new": new, "old": old}
        return ImportProblem(line, Problem.DIFFERS, column, values)

    problems = [
        ImportProblem(3, Problem.OTHER_CUSTOMER, "customer_name", {"entity": "key", "first": 2}),
        differs(4, "product_price", "product", Decimal("9000.00"), Decimal("7990.00")),
        differs(5, "resident", "customer", False, True),
        differs(6, "support_end", "license", date(2027, 11, 13), date(2026, 11, 13)),
        differs(7, "product_name", "product", "Базис", "Базис-Отчёт"),
    ]
    assert problem_lines(Texts(language, "RUB"), problems) == expected


def test_a_row_with_several_problems_is_one_line() -> None:
    problems = [
        ImportProblem(6, Problem.NOT_A_PHONE, "phone", {"value": "12"}),
        ImportProblem(6, Problem.NOT_AN_AMOUNT, "product_price", {"value": "abc"}),
    ]
    assert problem_lines(Texts("ru", "RUB"), problems) == [
        "строка 6: phone: «12» — не номер телефона; product_price: «abc» — не сумма "
        "(например, 7990, 7990.00 или 7 990,00)"
    ]


def test_the_report_counts_and_lists_refused_rows_not_problems() -> None:
    report = ImportReport(rows=20, imported=8)
    for line in range(2, 14):  # 12 refused rows, the first with two problems
        report.errors.append(ImportProblem(line, Problem.EMPTY, "product_code"))
    report.errors.insert(1, ImportProblem(2, Problem.EMPTY, "license_number"))
    lines = report_text(Texts("ru", "RUB"), "clients.csv", report).splitlines()

    assert lines[0] == "Загрузка clients.csv: 20 строк, загружено 8."
    assert lines[3] == "Ошибок: 12. Строки с ошибками пропущены:"
    assert lines[4] == "строка 2: product_code: не заполнено; license_number: не заполнено"
    assert len(lines[4:-1]) == ERRORS_SHOWN
    assert lines[-2].startswith("строка 11: ")
    assert lines[-1] == "…и ещё 2."

"""A generated portfolio of any size in the import format, for the scale benchmark and the
tests that measure the import and the daily jobs at size (``benchmarks/scale.py``).

Every row is consistent with the others (a customer, a product and a key read the same in
each row naming them), so the whole file imports without a problem unless bad rows are
asked for. For N licenses:

* 0.4 N customers, customer ``c`` holding licenses ``c``, ``c + C``, ``c + 2C``… (C the
  number of customers); a tenth of them non-residents writing Bulgarian;
* three products (two CodeMeter, one protection module);
* support ends spread over ``today`` ± 400 days; every third license names the day its
  support was paid;
* every third customer has a key holding all its licenses: CodeMeter for most, with the
  protection service for most of those, a protection module for the rest.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Collection, Iterator
from datetime import date, timedelta
from pathlib import Path

from storage.importer import COLUMNS, OPTIONAL_COLUMNS

CUSTOMERS_PER_LICENSE = 0.4
SPREAD_DAYS = 400
_PRODUCTS = (
    ("BZ-REPORT", "Базис-Отчёт", "7990.00", "codemeter"),
    ("BZ-MEBEL", "Базис-Мебельщик", "52000.00", "codemeter"),
    ("BZ-SHKAF", "Базис-Шкаф", "18500.00", "module"),
)
#: What a bad row carries (a date that does not exist): one problem in ``support_end``.
BAD_SUPPORT_END = "31.02.2027"


def customers_of(licenses: int) -> int:
    return max(1, int(licenses * CUSTOMERS_PER_LICENSE))


def portfolio_rows(
    licenses: int, *, today: date, bad_lines: Collection[int] = (), seed: int = 7
) -> Iterator[list[str]]:
    """The data rows, in the order of :data:`COLUMNS` then :data:`OPTIONAL_COLUMNS`;
    ``bad_lines``: file lines (the header is line 1) whose support end is not a date."""
    rng = random.Random(seed)
    customers = customers_of(licenses)
    for number in range(1, licenses + 1):
        c = 1 + (number - 1) % customers
        code, product_name, price, protection = _PRODUCTS[number % 3]
        support_end = today + timedelta(days=rng.randint(-SPREAD_DAYS, SPREAD_DAYS))
        paid_on = support_end - timedelta(days=rng.randint(150, 200)) if number % 3 == 0 else None
        has_key = c % 3 == 0
        codemeter = c % 4 != 0
        yield [
            f"Клиент {c}",
            f"ООО «Фирма {c}»",
            f"+7999{c:07d}",
            f"c{c}@example.com",
            "нет" if c % 10 == 0 else "да",
            "bg" if c % 10 == 0 else "ru",
            code,
            product_name,
            price,
            "6",
            protection,
            f"L-{number:07d}",
            str(1 + number % 3),
            BAD_SUPPORT_END if number + 1 in bad_lines else support_end.isoformat(),
            "",
            "нет",
            f"3-{c:07d}" if has_key else "",
            "codemeter" if codemeter else "module",
            "да" if has_key and codemeter and c % 7 != 0 else "нет",
            "2026-01-10" if has_key and codemeter and c % 7 != 0 else "",
            "2027-03-31" if has_key else "",
            paid_on.isoformat() if paid_on else "",
        ]


def write_portfolio(
    path: str | Path, licenses: int, *, today: date, bad_lines: Collection[int] = ()
) -> Path:
    """Write the portfolio as the vendor's export (UTF-8 with BOM, ``;``), row by row."""
    target = Path(path)
    with target.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow((*COLUMNS, *OPTIONAL_COLUMNS))
        writer.writerows(portfolio_rows(licenses, today=today, bad_lines=bad_lines))
    return target

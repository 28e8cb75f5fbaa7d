"""Reading the file: the CSV, its header, every value of every row (pure, no database).

The file
    UTF-8, with or without the BOM Excel writes; the delimiter (``,``, ``;`` or tab) is the
    most frequent one in the header line. The header is line 1 and must name every column
    of :data:`COLUMNS` (surrounding spaces and case are ignored, unknown columns too).
    Blank lines are skipped. A missing column is one problem and nothing is imported.

Values (surrounding spaces are ignored)
    * ``resident``, ``subscription``, ``protection_service``: yes/no, да/нет, true/false,
      1/0 in any case; empty means yes for ``resident``, no for the others;
    * dates ``YYYY-MM-DD`` or ``DD.MM.YYYY``; ``license_end`` empty = perpetual;
    * ``support_paid_on`` (optional): the day the current support end was paid; empty or
      absent = the day the import first sees that support end (what decides whether a
      late renewal lapsed the key's protection service, docs/rules.md#protection-service);
    * ``product_price``: ``7990``, ``7990.00``, ``7 990,00`` (a comma is the decimal
      separator; ``7,990`` is refused as ambiguous); stored with two decimals;
    * ``phone`` in any usual form, stored as E.164 (:mod:`storage.phones`); ``email``
      stored in lower case; at least one of ``customer_name`` and ``company``;
    * ``language`` a two-letter code, empty = ``ru``;
    * ``support_months`` empty = ``default_support_months`` (6, the policy's default term;
      the bot passes ``policy.support.default_term_months``); ``workplaces`` empty = 1;
    * ``product_protection``: codemeter | module | none; ``key_kind``: codemeter | module;
      only a CodeMeter key can have the protection service;
    * empty ``key_serial`` = the license has no key (the other key columns are ignored);
    * no value longer than :data:`MAX_LENGTHS` (names 200, companies 300, license numbers
      and key serials 40…; why each number is written next to it).

Every problem of a row is collected (each naming its column) before the row is refused,
so one reading of the report shows everything to fix in it.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from storage.importer.records import (
    CENTS,
    CustomerValues,
    ImportProblem,
    ImportRow,
    KeyValues,
    LicenseValues,
    Problem,
    ProductValues,
)
from storage.phones import normalize_phone

COLUMNS: tuple[str, ...] = (
    "customer_name",
    "company",
    "phone",
    "email",
    "resident",
    "language",
    "product_code",
    "product_name",
    "product_price",
    "support_months",
    "product_protection",
    "license_number",
    "workplaces",
    "support_end",
    "license_end",
    "subscription",
    "key_serial",
    "key_kind",
    "protection_service",
    "protection_connected_on",
    "programmed_until",
)
#: Columns a file may leave out (an empty value and a missing column mean the same).
OPTIONAL_COLUMNS: tuple[str, ...] = ("support_paid_on",)
DEFAULT_SUPPORT_MONTHS = 6

#: The longest value (in characters, after stripping spaces) each text column takes; a
#: longer one refuses the row with :attr:`Problem.TOO_LONG` (the value itself is not
#: echoed). These values end up on request cards, in buttons and in what customers type
#: back, so each number is what real data needs with room to spare, no more:
MAX_TEXT_LENGTHS: dict[str, int] = {
    # A person's full name with patronymic ("ИП Константинопольский Александр
    # Александрович" is 46); the bot takes 200 when a customer types a name, so the same here.
    "customer_name": 200,
    # Full legal names ("Общество с ограниченной ответственностью «…»", sometimes a branch on
    # a second line) run to 150-250 characters.
    "company": 300,
    # E.164 has at most 15 digits; written forms add a +, spaces, dashes and brackets
    # ("+7 (999) 000-11-22" is 18).
    "phone": 32,
    # RFC 5321: an address in a mail path is at most 254 characters.
    "email": 254,
    # Article codes of an accounting system ("BZ-REPORT"): short identifiers.
    "product_code": 64,
    # Product names with edition and version ("Базис-Мебельщик 11 Профессиональная, сетевая").
    "product_name": 200,
    # Customers type these to link their account and the bot takes at most 40 typed
    # characters (handlers.flows.linking.MAX_NUMBER_LENGTH): a longer one could never be linked.
    "license_number": 40,
    "key_serial": 40,
}
#: Every other column holds yes/no, a date, a number, a language code or a word from a
#: list; the longest valid value ("1 234 567,00", "2026-11-13") is far shorter. The cap
#: keeps a bad value out of the report (problems quote these values) and out of parsing.
MAX_OTHER_LENGTH = 40
MAX_LENGTHS: dict[str, int] = {
    column: MAX_TEXT_LENGTHS.get(column, MAX_OTHER_LENGTH)
    for column in (*COLUMNS, *OPTIONAL_COLUMNS)
}


@dataclass
class ParsedFile:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)
    total: int = 0
    """Data rows, good and bad."""


class RowRefused(ValueError):
    """A row with at least one problem; ``problems`` has all of them."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = tuple(problems)


_YES = {"yes", "да", "true", "1"}
_NO = {"no", "нет", "false", "0"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONEY = re.compile(r"\d+(\.\d{1,2})?")
_THOUSANDS = re.compile(r"\d+,\d{3}")
_MONEY_SPACES = re.compile(r"[\s\u00a0\u202f]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LANGUAGE = re.compile(r"[a-z]{2}")


class _RowProblems:
    """Collects every problem of one row, each naming its column."""

    def __init__(self, values: dict[str, str], line: int) -> None:
        self.line = line
        self.problems: list[ImportProblem] = []
        self.too_long: set[str] = set()
        for column, value in values.items():
            if len(value) > MAX_LENGTHS[column]:
                self.fail(column, Problem.TOO_LONG, length=len(value), limit=MAX_LENGTHS[column])
                self.too_long.add(column)
        # An over-long value is reported once and read as empty: its other checks are moot
        # (and quoting it in another problem would bring the whole value back).
        self.values = {c: "" if c in self.too_long else v for c, v in values.items()}

    def fail(self, column: str, code: Problem, **values: object) -> None:
        if column not in self.too_long:
            self.problems.append(ImportProblem(self.line, code, column, values))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.values[column]
        if required and not value:
            self.fail(column, Problem.EMPTY)
        return value

    def flag(self, column: str, *, default: bool) -> bool:
        value = self.values[column]
        if not value:
            return default
        if value.lower() in _YES:
            return True
        if value.lower() in _NO:
            return False
        self.fail(column, Problem.NOT_YES_NO, value=value)
        return default

    def day(self, column: str, *, required: bool = False) -> date | None:
        value = self.values[column]
        if not value:
            if required:
                self.fail(column, Problem.EMPTY_DATE)
            return None
        parts: tuple[str, str, str] | None = None
        if match := _ISO_DATE.fullmatch(value):
            parts = (match[1], match[2], match[3])
        elif match := _DOTTED_DATE.fullmatch(value):
            parts = (match[3], match[2], match[1])
        try:
            if parts is None:
                raise ValueError(value)
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            self.fail(column, Problem.NOT_A_DATE, value=value)
            return None

    def number(self, column: str, *, default: int, low: int, high: int) -> int:
        value = self.values[column]
        if not value:
            return default
        if value.isdigit() and low <= int(value) <= high:
            return int(value)
        self.fail(column, Problem.NOT_A_WHOLE_NUMBER, value=value, low=low, high=high)
        return default

    def money(self, column: str) -> Decimal:
        value = self.values[column]
        if not value:
            self.fail(column, Problem.EMPTY)
            return Decimal(0)
        compact = _MONEY_SPACES.sub("", value)
        if "," in compact and "." in compact:
            code = Problem.MIXED_SEPARATORS
        elif _THOUSANDS.fullmatch(compact):
            code = Problem.AMBIGUOUS_AMOUNT
        else:
            compact = compact.replace(",", ".")
            if _MONEY.fullmatch(compact):
                try:
                    return Decimal(compact).quantize(CENTS)
                except InvalidOperation:
                    pass
            code = Problem.NOT_AN_AMOUNT
        self.fail(column, code, value=value)
        return Decimal(0)

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self.values[column].lower()
        if value in allowed:
            return value
        if value:
            self.fail(column, Problem.NOT_ONE_OF, value=self.values[column], allowed=allowed)
        else:
            self.fail(column, Problem.EMPTY_CHOICE, allowed=allowed)
        return allowed[0]


def parse_row(values: dict[str, str], line: int, default_support_months: int) -> ImportRow:
    """One row's values (stripped) as typed records; raises :class:`RowRefused` with every
    problem of the row (an optional column may be missing from ``values``)."""
    check = _RowProblems(dict.fromkeys(OPTIONAL_COLUMNS, "") | values, line)
    name, company = check.text("customer_name"), check.text("company")
    if not name and not company and not check.too_long & {"customer_name", "company"}:
        check.fail("customer_name", Problem.NO_NAME, other="company")
    phone_text = check.text("phone")
    phone = normalize_phone(phone_text) if phone_text else None
    if phone_text and phone is None:
        check.fail("phone", Problem.NOT_A_PHONE, value=phone_text)
    email = check.text("email").lower()
    if email and not _EMAIL.fullmatch(email):
        check.fail("email", Problem.NOT_AN_EMAIL, value=values["email"])
    language = check.text("language").lower() or "ru"
    if not _LANGUAGE.fullmatch(language):
        check.fail("language", Problem.NOT_A_LANGUAGE, value=values["language"])
    customer = CustomerValues(
        name, company, phone, email, check.flag("resident", default=True), language
    )
    product = ProductValues(
        code=check.text("product_code", required=True),
        name=check.text("product_name", required=True),
        price=check.money("product_price"),
        support_months=check.number(
            "support_months", default=default_support_months, low=1, high=120
        ),
        protection=check.choice("product_protection", ("codemeter", "module", "none")),
    )
    license_ = LicenseValues(
        number=check.text("license_number", required=True),
        workplaces=check.number("workplaces", default=1, low=1, high=100_000),
        support_end=check.day("support_end", required=True) or date.min,
        license_end=check.day("license_end"),
        subscription=check.flag("subscription", default=False),
        support_paid_on=check.day("support_paid_on"),
    )
    key: KeyValues | None = None
    if serial := check.text("key_serial"):
        key = KeyValues(
            serial=serial,
            kind=check.choice("key_kind", ("codemeter", "module")),
            protection_service=check.flag("protection_service", default=False),
            protection_connected_on=check.day("protection_connected_on"),
            programmed_until=check.day("programmed_until"),
        )
        if key.protection_service and key.kind != "codemeter":
            check.fail("protection_service", Problem.SERVICE_NEEDS_CODEMETER)
    if check.problems:
        raise RowRefused(check.problems)
    return ImportRow(line, customer, product, license_, key)


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: counts[delimiter])


#: One item of a read file: a good row, or the problems of a refused row (or of the header).
ReadItem = ImportRow | tuple[ImportProblem, ...]


def read_rows(
    lines: Iterable[str], *, default_support_months: int = DEFAULT_SUPPORT_MONTHS
) -> Iterator[ReadItem]:
    """Validate a file line by line (``lines`` as a text file opened with ``newline=""``
    gives them, the BOM already removed), holding one row at a time: each good row as typed
    records, each bad row as its problems. A bad header is one item and ends the file."""
    lines = iter(lines)
    first_line = next(lines, "")
    reader = csv.reader(
        itertools.chain((first_line,), lines), delimiter=_delimiter(first_line.split("\n", 1)[0])
    )
    header = [name.strip().lower() for name in next(reader, [])]
    missing = tuple(column for column in COLUMNS if column not in header)
    if missing:
        yield (
            ImportProblem(
                1, Problem.MISSING_COLUMNS, "", {"columns": missing, "count": len(missing)}
            ),
        )
        return
    repeated = tuple(sorted({name for name in header if name and header.count(name) > 1}))
    if repeated:
        yield (
            ImportProblem(
                1, Problem.REPEATED_COLUMNS, "", {"columns": repeated, "count": len(repeated)}
            ),
        )
        return
    given = (*COLUMNS, *(column for column in OPTIONAL_COLUMNS if column in header))
    positions = {column: header.index(column) for column in given}
    width = len(header)
    previous_end = reader.line_num
    for record in reader:
        line, previous_end = previous_end + 1, reader.line_num
        values = [value.strip() for value in record]
        if not any(values):
            continue
        if len(values) < width or any(values[width:]):
            yield (
                ImportProblem(
                    line, Problem.WRONG_WIDTH, "", {"found": len(values), "width": width}
                ),
            )
            continue
        try:
            yield parse_row(
                {column: values[at] for column, at in positions.items()},
                line,
                default_support_months,
            )
        except RowRefused as refused:
            yield refused.problems


def parse_csv_text(
    text: str, *, default_support_months: int = DEFAULT_SUPPORT_MONTHS
) -> ParsedFile:
    """Validate a whole file's text; bad rows become problems, good rows typed records."""
    parsed = ParsedFile()
    lines = io.StringIO(text.removeprefix("\ufeff"), newline="")
    for item in read_rows(lines, default_support_months=default_support_months):
        if isinstance(item, ImportRow):
            parsed.rows.append(item)
        else:
            parsed.errors += item
        if not is_header_problem(item):
            parsed.total += 1
    return parsed


def is_header_problem(item: ReadItem) -> bool:
    """Whether the item is the header's problem (then nothing of the file is read)."""
    return isinstance(item, tuple) and item[0].line == 1 and item[0].code in _HEADER_PROBLEMS


_HEADER_PROBLEMS = (Problem.MISSING_COLUMNS, Problem.REPEATED_COLUMNS)


def read_csv_file(
    path: str | Path, *, default_support_months: int = DEFAULT_SUPPORT_MONTHS
) -> ParsedFile:
    """The whole file in memory (small files; the import streams, see :func:`scan_file`)."""
    scan = scan_file(path)
    if scan.problem is not None:
        return ParsedFile(errors=[scan.problem])
    with open_csv(path) as lines:
        return parse_csv_text(lines.read(), default_support_months=default_support_months)


@dataclass(frozen=True, slots=True)
class FileScan:
    """A first, cheap reading of the file: its data rows, or why it cannot be read at all."""

    rows: int = 0
    """Non-blank lines after the header (good and bad rows)."""
    problem: ImportProblem | None = None


def open_csv(path: str | Path) -> TextIO:
    """The file as text lines the way :func:`read_rows` takes them (UTF-8, BOM removed)."""
    return Path(path).open(encoding="utf-8-sig", newline="")


def scan_file(path: str | Path) -> FileScan:
    """Check that the whole file is UTF-8 and count its data rows, one line at a time,
    before anything is written (so a bad byte anywhere imports nothing)."""
    try:
        with open_csv(path) as lines:
            first_line = next(lines, "")
            reader = csv.reader(
                itertools.chain((first_line,), lines),
                delimiter=_delimiter(first_line.split("\n", 1)[0]),
            )
            next(reader, None)
            rows = sum(1 for record in reader if any(value.strip() for value in record))
    except UnicodeDecodeError:
        return FileScan(problem=ImportProblem(_first_bad_line(path), Problem.NOT_UTF8))
    return FileScan(rows)


def _first_bad_line(path: str | Path) -> int:
    """The line of the first byte that is not UTF-8 (the file is read in pieces cut after
    a newline, which never splits a character)."""
    lines_before = 0
    rest = b""
    with Path(path).open("rb") as file:
        while chunk := file.read(1 << 20):
            data = rest + chunk
            cut = data.rfind(b"\n") + 1
            whole, rest = data[:cut], data[cut:]
            try:
                whole.decode("utf-8")
            except UnicodeDecodeError as exc:
                return lines_before + whole[: exc.start].count(b"\n") + 1
            lines_before += whole.count(b"\n")
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError as exc:
        return lines_before + rest[: exc.start].count(b"\n") + 1
    return lines_before + 1


def write_csv(path: str | Path, rows: Iterable[dict[str, str]]) -> None:
    """Write rows in the import format (UTF-8 with BOM, ``;``): the demo and tests use it.
    The optional columns are written too, empty where a row has no value."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=(*COLUMNS, *OPTIONAL_COLUMNS), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)

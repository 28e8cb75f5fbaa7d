"""Import of the vendor's accounting export: one flat CSV, one row per license.

The file
    UTF-8, with or without the BOM Excel writes; the delimiter (``,``, ``;`` or tab) is the
    most frequent one in the header line. The header is line 1 and must name every column
    of :data:`COLUMNS` (surrounding spaces and case are ignored, unknown columns too).
    Blank lines are skipped. A missing column is one error and nothing is imported.

Values (surrounding spaces are ignored)
    * ``resident``, ``subscription``, ``protection_service``: yes/no, да/нет, true/false,
      1/0 in any case; empty means yes for ``resident``, no for the others;
    * dates ``YYYY-MM-DD`` or ``DD.MM.YYYY``; ``license_end`` empty = perpetual;
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

Upsert
    customer matched by phone, else e-mail, else (name, company), erased customers never;
    product by code; license by number; key by serial; the key↔license link is added
    (never removed: moving licenses between keys is a manager's job). The file's values
    replace the stored ones, except that an empty ``programmed_until`` or
    ``protection_connected_on`` keeps the stored date (the bot maintains them), and key
    status is not in the file (the bot maintains it). Importing the same file twice
    changes nothing and the second report counts nothing created or updated.

Errors
    Every row is validated fully before anything is written; a bad row is reported as
    ``line N: column: reason`` (N the physical line where the row starts) and skipped, the
    good rows are imported. Rows that contradict an earlier row of the same file about
    the same customer, product, license or key (e.g. one key given to two customers) are
    errors too, so the result never depends on row order and a re-import is a no-op.

Speed and safety
    Rows are written in batches (:data:`BATCH_ROWS`), each in one transaction with a few
    set-wise queries and ``executemany``; a row lands entirely or not at all. Parsing runs
    in a thread, so the bot keeps answering while a large file is read.
"""

from __future__ import annotations

import asyncio
import csv
import inspect
import io
import re
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar

from storage.columns import date_from_db, date_to_db, money_to_db, time_to_db
from storage.db import Database, Unit
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
ENTITIES = ("customers", "products", "licenses", "keys", "key_links")
BATCH_ROWS = 500
DEFAULT_SUPPORT_MONTHS = 6

#: The longest value (in characters, after stripping spaces) each text column takes; a
#: longer one refuses the row with ``column: is N characters long (at most L)`` (the value
#: itself is not echoed). These values end up on request cards, in buttons and in what
#: customers type back, so each number is what real data needs with room to spare, no more:
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
    # characters (handlers.linking.MAX_NUMBER_LENGTH): a longer one could never be linked.
    "license_number": 40,
    "key_serial": 40,
}
#: Every other column holds yes/no, a date, a number, a language code or a word from a
#: list; the longest valid value ("1 234 567,00", "2026-11-13") is far shorter. The cap
#: keeps a bad value out of the error line (errors quote these values) and out of parsing.
MAX_OTHER_LENGTH = 40
MAX_LENGTHS: dict[str, int] = {
    column: MAX_TEXT_LENGTHS.get(column, MAX_OTHER_LENGTH) for column in COLUMNS
}

Progress = Callable[[int, int], Awaitable[None] | None]


@dataclass
class ImportReport:
    rows: int = 0
    """Data rows in the file (blank lines not counted)."""
    imported: int = 0
    """Rows that landed (created, updated or already up to date)."""
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    errors: list[tuple[int, str]] = field(default_factory=list)
    """(line, message); the message starts with ``line N:`` (0 for the file as a whole)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line for the operator: rows, what was created and updated, errors."""
        created = ", ".join(f"{n} {name}" for name, n in self.created.items() if n) or "nothing"
        updated = ", ".join(f"{n} {name}" for name, n in self.updated.items() if n) or "nothing"
        return (
            f"{self.imported} of {self.rows} rows imported; created: {created}; "
            f"updated: {updated}; {len(self.errors)} bad row(s)"
        )


# -- values of one row ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CustomerValues:
    name: str
    company: str
    phone: str | None
    email: str
    resident: bool
    language: str


@dataclass(frozen=True, slots=True)
class ProductValues:
    code: str
    name: str
    price: Decimal
    support_months: int
    protection: str


@dataclass(frozen=True, slots=True)
class LicenseValues:
    number: str
    workplaces: int
    support_end: date
    license_end: date | None
    subscription: bool
    product_id: int = 0
    customer_id: int = 0


@dataclass(frozen=True, slots=True)
class KeyValues:
    serial: str
    kind: str
    protection_service: bool
    protection_connected_on: date | None
    programmed_until: date | None
    customer_id: int = 0


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    customer: CustomerValues
    product: ProductValues
    license: LicenseValues
    key: KeyValues | None


@dataclass
class ParsedFile:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    total: int = 0
    """Data rows, good and bad."""


# -- reading and validating (pure) ------------------------------------------------------------

_YES = {"yes", "да", "true", "1"}
_NO = {"no", "нет", "false", "0"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONEY = re.compile(r"\d+(\.\d{1,2})?")
_THOUSANDS = re.compile(r"\d+,\d{3}")
_MONEY_SPACES = re.compile(r"[\s\u00a0\u202f]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
_CENTS = Decimal("0.01")


class _RowProblems:
    """Collects every problem of one row, each naming its column."""

    def __init__(self, values: dict[str, str]) -> None:
        self.problems: list[str] = []
        self.too_long: set[str] = set()
        for column, value in values.items():
            if len(value) > MAX_LENGTHS[column]:
                limit = MAX_LENGTHS[column]
                self.fail(column, f"is {len(value)} characters long (at most {limit})")
                self.too_long.add(column)
        # An over-long value is reported once and read as empty: its other checks are moot
        # (and quoting it in another error would bring the whole value back).
        self.values = {c: "" if c in self.too_long else v for c, v in values.items()}

    def fail(self, column: str, reason: str) -> None:
        if column not in self.too_long:
            self.problems.append(f"{column}: {reason}")

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.values[column]
        if required and not value:
            self.fail(column, "is empty")
        return value

    def flag(self, column: str, *, default: bool) -> bool:
        value = self.values[column]
        if not value:
            return default
        if value.lower() in _YES:
            return True
        if value.lower() in _NO:
            return False
        self.fail(column, f"{value!r} is not yes/no (да/нет)")
        return default

    def day(self, column: str, *, required: bool = False) -> date | None:
        value = self.values[column]
        if not value:
            if required:
                self.fail(column, "is empty (a date YYYY-MM-DD or DD.MM.YYYY is needed)")
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
            self.fail(column, f"{value!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)")
            return None

    def number(self, column: str, *, default: int, low: int, high: int) -> int:
        value = self.values[column]
        if not value:
            return default
        if value.isdigit() and low <= int(value) <= high:
            return int(value)
        self.fail(column, f"{value!r} is not a whole number from {low} to {high}")
        return default

    def money(self, column: str) -> Decimal:
        value = self.values[column]
        if not value:
            self.fail(column, "is empty")
            return Decimal(0)
        compact = _MONEY_SPACES.sub("", value)
        if "," in compact and "." in compact:
            reason = "mixes ',' and '.'; write 7990 or 7990,00"
        elif _THOUSANDS.fullmatch(compact):
            reason = "is ambiguous (thousands or decimals?); write 7990 or 7990,00"
        else:
            compact = compact.replace(",", ".")
            if _MONEY.fullmatch(compact):
                try:
                    return Decimal(compact).quantize(_CENTS)
                except InvalidOperation:
                    pass
            reason = "is not an amount (e.g. 7990, 7990.00 or 7 990,00)"
        self.fail(column, f"{value!r} {reason}")
        return Decimal(0)

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        value = self.values[column].lower()
        if value in allowed:
            return value
        listed = " | ".join(allowed)
        if value:
            self.fail(column, f"{self.values[column]!r} is not one of {listed}")
        else:
            self.fail(column, f"is empty (one of {listed})")
        return allowed[0]


def parse_row(values: dict[str, str], line: int, default_support_months: int) -> ImportRow:
    """One row's values (stripped) as typed records; raises ValueError listing every problem."""
    check = _RowProblems(values)
    name, company = check.text("customer_name"), check.text("company")
    if not name and not company and not check.too_long & {"customer_name", "company"}:
        check.fail("customer_name", "is empty (and so is company)")
    phone_text = check.text("phone")
    phone = normalize_phone(phone_text) if phone_text else None
    if phone_text and phone is None:
        check.fail("phone", f"{phone_text!r} is not a phone number")
    email = check.text("email").lower()
    if email and not _EMAIL.fullmatch(email):
        check.fail("email", f"{values['email']!r} is not an e-mail address")
    language = check.text("language").lower() or "ru"
    if not _LANGUAGE.fullmatch(language):
        check.fail("language", f"{values['language']!r} is not a two-letter language code")
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
            check.fail("protection_service", "only a CodeMeter key can have the service")
    if check.problems:
        raise ValueError("; ".join(check.problems))
    return ImportRow(line, customer, product, license_, key)


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: counts[delimiter])


def parse_csv_text(
    text: str, *, default_support_months: int = DEFAULT_SUPPORT_MONTHS
) -> ParsedFile:
    """Validate a whole file's text; bad rows become errors, good rows typed records."""
    parsed = ParsedFile()
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        parsed.errors.append((1, f"line 1: missing columns: {', '.join(missing)}"))
        return parsed
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        parsed.errors.append((1, f"line 1: columns named twice: {', '.join(repeated)}"))
        return parsed
    positions = {column: header.index(column) for column in COLUMNS}
    width = len(header)
    previous_end = reader.line_num
    for record in reader:
        line, previous_end = previous_end + 1, reader.line_num
        values = [value.strip() for value in record]
        if not any(values):
            continue
        parsed.total += 1
        if len(values) < width or any(values[width:]):
            parsed.errors.append(
                (
                    line,
                    f"line {line}: {len(values)} values, the header has {width} columns "
                    "(check the delimiter and quotes)",
                )
            )
            continue
        try:
            row = parse_row(
                {column: values[at] for column, at in positions.items()},
                line,
                default_support_months,
            )
        except ValueError as problems:
            parsed.errors.append((line, f"line {line}: {problems}"))
            continue
        parsed.rows.append(row)
    return parsed


def read_csv_file(
    path: str | Path, *, default_support_months: int = DEFAULT_SUPPORT_MONTHS
) -> ParsedFile:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return ParsedFile(
            errors=[(line, f"line {line}: the file is not UTF-8 text (save it as CSV UTF-8)")]
        )
    return parse_csv_text(text, default_support_months=default_support_months)


# -- writing ---------------------------------------------------------------------------

V = TypeVar("V", CustomerValues, ProductValues, LicenseValues, KeyValues)


@dataclass(slots=True)
class _Record(Generic[V]):
    id: int
    values: V
    new: bool = False
    """Created in the current batch: written by INSERT, not UPDATE."""


class _Table(Generic[V]):
    """One entity in one batch: what exists, and what the batch creates or changes."""

    def __init__(self, entity: str, next_id: int) -> None:
        self.entity = entity
        self.next_id = next_id
        self.by_id: dict[int, _Record[V]] = {}
        self.changed: dict[int, _Record[V]] = {}

    def load(self, record_id: int, values: V) -> _Record[V]:
        record = self.by_id.setdefault(record_id, _Record(record_id, values))
        return record

    def create(self, values: V) -> _Record[V]:
        record = _Record(self.next_id, values, new=True)
        self.next_id += 1
        self.by_id[record.id] = record
        self.changed[record.id] = record
        return record

    def change(self, record: _Record[V], values: V) -> None:
        if record.values != values:
            record.values = values
            self.changed[record.id] = record

    def inserts(self) -> list[_Record[V]]:
        return [record for record in self.changed.values() if record.new]

    def updates(self) -> list[_Record[V]]:
        return [record for record in self.changed.values() if not record.new]


_FIELD_COLUMNS = {
    "customers": {
        "name": "customer_name",
        "company": "company",
        "phone": "phone",
        "email": "email",
        "resident": "resident",
        "language": "language",
    },
    "products": {
        "name": "product_name",
        "price": "product_price",
        "support_months": "support_months",
        "protection": "product_protection",
    },
    "licenses": {
        "product_id": "product_code",
        "customer_id": "customer_name",
        "workplaces": "workplaces",
        "support_end": "support_end",
        "license_end": "license_end",
        "subscription": "subscription",
    },
    "keys": {
        "kind": "key_kind",
        "customer_id": "customer_name",
        "protection_service": "protection_service",
        "protection_connected_on": "protection_connected_on",
        "programmed_until": "programmed_until",
    },
}
_WHAT = {"customers": "customer", "products": "product", "licenses": "license", "keys": "key"}


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


class _Run:
    """What the whole import has done so far (across committed batches)."""

    def __init__(self, now: datetime) -> None:
        self.now = time_to_db(now)
        self.report = ImportReport()
        self.created: dict[str, set[int]] = {entity: set() for entity in ENTITIES[:4]}
        self.updated: dict[str, set[int]] = {entity: set() for entity in ENTITIES[:4]}
        self.first_line: dict[tuple[str, int], int] = {}
        """(entity, id) → the line of this file that first set it."""

    def contradiction(self, table: _Table[Any], record: _Record[Any], values: Any) -> str:
        """'' if this row agrees with earlier rows of the file about ``record``, else why not."""
        first = self.first_line.get((table.entity, record.id))
        if first is None or record.values == values:
            return ""
        for item in fields(values):
            old, new = getattr(record.values, item.name), getattr(values, item.name)
            if old == new:
                continue
            column = _FIELD_COLUMNS[table.entity].get(item.name, item.name)
            if item.name == "customer_id":
                return (
                    f"{column}: the same {_WHAT[table.entity]} belongs to another customer "
                    f"in line {first}"
                )
            if item.name == "product_id":
                return f"{column}: the same license is of another product in line {first}"
            return (
                f"{column}: {_shown(new)} differs from line {first} ({_shown(old)}) "
                f"for the same {_WHAT[table.entity]}"
            )
        return ""


class _Batch:
    """Resolves a batch of rows against the database and writes it (inside one unit)."""

    def __init__(self, run: _Run, next_ids: Sequence[int]) -> None:
        self.run = run
        self.customers: _Table[CustomerValues] = _Table("customers", next_ids[0])
        self.products: _Table[ProductValues] = _Table("products", next_ids[1])
        self.licenses: _Table[LicenseValues] = _Table("licenses", next_ids[2])
        self.keys: _Table[KeyValues] = _Table("keys", next_ids[3])
        self.by_phone: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.product_by_code: dict[str, int] = {}
        self.license_by_number: dict[str, int] = {}
        self.key_by_serial: dict[str, int] = {}
        self.links: set[tuple[int, int]] = set()
        self.new_links: list[tuple[int, int]] = []
        self.imported = 0
        self.errors: list[tuple[int, str]] = []

    # lookups ------------------------------------------------------------------------------

    def index_customer(
        self, record: _Record[CustomerValues], old: CustomerValues | None = None
    ) -> None:
        """Find the customer by its phone, e-mail and name from now on (and no longer by
        what they were before this row changed them)."""
        if old is not None and old != record.values:
            stale: list[tuple[dict[Any, int], Any]] = [
                (self.by_phone, old.phone),
                (self.by_email, old.email),
                (self.by_name, (old.name, old.company)),
            ]
            for index, value in stale:
                if value and index.get(value) == record.id:
                    del index[value]
        values = record.values
        if values.phone:
            self.by_phone.setdefault(values.phone, record.id)
        if values.email:
            self.by_email.setdefault(values.email, record.id)
        self.by_name.setdefault((values.name, values.company), record.id)

    def find_customer(self, values: CustomerValues) -> _Record[CustomerValues] | None:
        found = (
            (values.phone and self.by_phone.get(values.phone))
            or (values.email and self.by_email.get(values.email))
            or self.by_name.get((values.name, values.company))
        )
        return self.customers.by_id[found] if found else None

    # one row ------------------------------------------------------------------------------

    def add(self, row: ImportRow) -> None:
        """Apply one row, or record why not (then nothing of it is applied)."""
        customer = self.find_customer(row.customer)
        product_id = self.product_by_code.get(row.product.code)
        product = self.products.by_id[product_id] if product_id else None
        license_id = self.license_by_number.get(row.license.number)
        license_ = self.licenses.by_id[license_id] if license_id else None
        key_id = self.key_by_serial.get(row.key.serial) if row.key else None
        key = self.keys.by_id[key_id] if key_id else None

        # Ids of a customer or product this row creates are not known yet: -1 until then.
        customer_id = customer.id if customer else -1
        license_values = _license_of(row.license, product.id if product else -1, customer_id)
        key_values = _key_of(row.key, customer_id, key.values if key else None)
        checks: list[tuple[_Table[Any], _Record[Any] | None, Any]] = [
            (self.customers, customer, row.customer),
            (self.products, product, row.product),
            (self.licenses, license_, license_values),
            (self.keys, key, key_values),
        ]
        for table, record, values in checks:
            reason = record and self.run.contradiction(table, record, values)
            if reason:
                self.errors.append((row.line, f"line {row.line}: {reason}"))
                return

        old = customer.values if customer else None
        customer = self.put(self.customers, customer, row.customer, row.line)
        self.index_customer(customer, old)
        product = self.put(self.products, product, row.product, row.line)
        self.product_by_code[row.product.code] = product.id
        if customer_id == -1 or license_values.product_id == -1:
            license_values = _license_of(row.license, product.id, customer.id)
        license_ = self.put(self.licenses, license_, license_values, row.line)
        self.license_by_number[row.license.number] = license_.id
        if key_values is not None:
            if customer_id == -1:
                key_values = _key_of(row.key, customer.id, key.values if key else None)
                assert key_values is not None
            key = self.put(self.keys, key, key_values, row.line)
            self.key_by_serial[key_values.serial] = key.id
            link = (key.id, license_.id)
            if link not in self.links:
                self.links.add(link)
                self.new_links.append(link)
        self.imported += 1

    def put(self, table: _Table[V], record: _Record[V] | None, values: V, line: int) -> _Record[V]:
        if record is None:
            record = table.create(values)
        else:
            table.change(record, values)
        self.run.first_line.setdefault((table.entity, record.id), line)
        return record

    # database ------------------------------------------------------------------------------

    async def load(self, unit: Unit, rows: Sequence[ImportRow]) -> None:
        """Read what the batch's rows refer to: a handful of set-wise queries."""
        phones = sorted({row.customer.phone for row in rows if row.customer.phone})
        emails = sorted({row.customer.email for row in rows if row.customer.email})
        names = sorted({(row.customer.name, row.customer.company) for row in rows})
        columns = "c.id, c.name, c.company, c.phone, c.email, c.resident, c.language"
        wanted = ", ".join("(?, ?)" for _ in names)
        parts = [
            f"WITH wanted(name, company) AS (VALUES {wanted}) SELECT {columns} FROM wanted w "
            "JOIN customers c ON c.name = w.name AND c.company = w.company "
            "WHERE c.erased_at IS NULL"
        ]
        params: list[Any] = [value for pair in names for value in pair]
        for column, values in (("phone", phones), ("email", emails)):
            if values:
                parts.append(
                    f"SELECT {columns} FROM customers c "
                    f"WHERE c.erased_at IS NULL AND c.{column} IN ({_marks(values)})"
                )
                params += values
        for row in await unit.fetchall(" UNION ".join(parts) + " ORDER BY id", params):
            record = self.customers.load(
                row["id"],
                CustomerValues(
                    row["name"],
                    row["company"],
                    row["phone"],
                    row["email"],
                    bool(row["resident"]),
                    row["language"],
                ),
            )
            self.index_customer(record)

        codes = sorted({row.product.code for row in rows})
        for row in await unit.fetchall(
            "SELECT id, code, name, price, support_months, protection FROM products "
            f"WHERE code IN ({_marks(codes)})",
            codes,
        ):
            values = ProductValues(
                row["code"],
                row["name"],
                Decimal(row["price"]).quantize(_CENTS),
                row["support_months"],
                row["protection"],
            )
            self.product_by_code[values.code] = self.products.load(row["id"], values).id

        numbers = sorted({row.license.number for row in rows})
        for row in await unit.fetchall(
            "SELECT id, number, product_id, customer_id, workplaces, support_end, license_end, "
            f"subscription FROM licenses WHERE number IN ({_marks(numbers)})",
            numbers,
        ):
            license_values = LicenseValues(
                number=row["number"],
                workplaces=row["workplaces"],
                support_end=date.fromisoformat(row["support_end"]),
                license_end=date_from_db(row["license_end"]),
                subscription=bool(row["subscription"]),
                product_id=row["product_id"],
                customer_id=row["customer_id"],
            )
            self.license_by_number[row["number"]] = self.licenses.load(row["id"], license_values).id

        serials = sorted({row.key.serial for row in rows if row.key})
        if serials:
            for row in await unit.fetchall(
                "SELECT k.id, k.serial, k.kind, k.customer_id, k.protection_service, "
                "k.protection_connected_on, k.programmed_until, kl.license_id FROM keys k "
                "LEFT JOIN key_licenses kl ON kl.key_id = k.id "
                f"WHERE k.serial IN ({_marks(serials)})",
                serials,
            ):
                key_values = KeyValues(
                    serial=row["serial"],
                    kind=row["kind"],
                    protection_service=bool(row["protection_service"]),
                    protection_connected_on=date_from_db(row["protection_connected_on"]),
                    programmed_until=date_from_db(row["programmed_until"]),
                    customer_id=row["customer_id"],
                )
                self.key_by_serial[row["serial"]] = self.keys.load(row["id"], key_values).id
                if row["license_id"] is not None:
                    self.links.add((row["id"], row["license_id"]))

    async def write(self, unit: Unit) -> None:
        now = self.run.now
        customers, products = self.customers, self.products
        licenses, keys = self.licenses, self.keys
        await _many(
            unit,
            "INSERT INTO customers (name, company, phone, email, resident, language, "
            "created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_customer_row(r.values), now, now, r.id) for r in customers.inserts()],
        )
        await _many(
            unit,
            "UPDATE customers SET name = ?, company = ?, phone = ?, email = ?, resident = ?, "
            "language = ?, updated_at = ? WHERE id = ?",
            [(*_customer_row(r.values), now, r.id) for r in customers.updates()],
        )
        product_sql = "code = ?, name = ?, price = ?, support_months = ?, protection = ?"
        await _many(
            unit,
            "INSERT INTO products (code, name, price, support_months, protection, id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(*_product_row(r.values), r.id) for r in products.inserts()],
        )
        await _many(
            unit,
            f"UPDATE products SET {product_sql} WHERE id = ?",
            [(*_product_row(r.values), r.id) for r in products.updates()],
        )
        await _many(
            unit,
            "INSERT INTO licenses (number, product_id, customer_id, workplaces, support_end, "
            "license_end, subscription, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_license_row(r.values), r.id) for r in licenses.inserts()],
        )
        await _many(
            unit,
            "UPDATE licenses SET number = ?, product_id = ?, customer_id = ?, workplaces = ?, "
            "support_end = ?, license_end = ?, subscription = ? WHERE id = ?",
            [(*_license_row(r.values), r.id) for r in licenses.updates()],
        )
        await _many(
            unit,
            "INSERT INTO keys (serial, kind, customer_id, protection_service, "
            "protection_connected_on, programmed_until, id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*_key_row(r.values), r.id) for r in keys.inserts()],
        )
        await _many(
            unit,
            "UPDATE keys SET serial = ?, kind = ?, customer_id = ?, protection_service = ?, "
            "protection_connected_on = ?, programmed_until = ? WHERE id = ?",
            [(*_key_row(r.values), r.id) for r in keys.updates()],
        )
        await _many(
            unit,
            "INSERT INTO key_licenses (key_id, license_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            self.new_links,
        )

    def commit_to(self, run: _Run) -> None:
        """Count the batch in the report once its transaction committed."""
        report = run.report
        for table in (self.customers, self.products, self.licenses, self.keys):
            run.created[table.entity].update(r.id for r in table.inserts())
            run.updated[table.entity].update(
                r.id for r in table.updates() if r.id not in run.created[table.entity]
            )
            report.created[table.entity] = len(run.created[table.entity])
            report.updated[table.entity] = len(run.updated[table.entity])
        report.created["key_links"] += len(self.new_links)
        report.imported += self.imported
        report.errors += self.errors


def _license_of(values: LicenseValues, product_id: int, customer_id: int) -> LicenseValues:
    """The row's license values with its product and customer (cheaper than ``replace``)."""
    return LicenseValues(
        values.number,
        values.workplaces,
        values.support_end,
        values.license_end,
        values.subscription,
        product_id,
        customer_id,
    )


def _key_of(
    values: KeyValues | None, customer_id: int, stored: KeyValues | None
) -> KeyValues | None:
    """The row's key values with its owner; empty dates keep the stored ones (the bot's)."""
    if values is None:
        return None
    return KeyValues(
        values.serial,
        values.kind,
        values.protection_service,
        values.protection_connected_on or (stored.protection_connected_on if stored else None),
        values.programmed_until or (stored.programmed_until if stored else None),
        customer_id,
    )


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


async def _many(unit: Unit, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        await unit.executemany(sql, rows)


def _customer_row(values: CustomerValues) -> tuple[Any, ...]:
    return (
        values.name,
        values.company,
        values.phone,
        values.email,
        int(values.resident),
        values.language,
    )


def _product_row(values: ProductValues) -> tuple[Any, ...]:
    return (
        values.code,
        values.name,
        money_to_db(values.price),
        values.support_months,
        values.protection,
    )


def _license_row(values: LicenseValues) -> tuple[Any, ...]:
    return (
        values.number,
        values.product_id,
        values.customer_id,
        values.workplaces,
        date_to_db(values.support_end),
        date_to_db(values.license_end),
        int(values.subscription),
    )


def _key_row(values: KeyValues) -> tuple[Any, ...]:
    return (
        values.serial,
        values.kind,
        values.customer_id,
        int(values.protection_service),
        date_to_db(values.protection_connected_on),
        date_to_db(values.programmed_until),
    )


_NEXT_IDS = (
    "SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM customers), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM products), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM licenses), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM keys)"
)


async def import_parsed(
    db: Database,
    parsed: ParsedFile,
    *,
    now: datetime,
    progress: Progress | None = None,
    batch_size: int = BATCH_ROWS,
) -> ImportReport:
    """Write validated rows batch by batch; parse errors are carried into the report."""
    run = _Run(now)
    report = run.report
    report.rows = parsed.total
    report.errors += parsed.errors
    done = parsed.total - len(parsed.rows)
    if not parsed.rows:
        await _tell(progress, done, report.rows)
    for start in range(0, len(parsed.rows), batch_size):
        rows = parsed.rows[start : start + batch_size]
        try:
            async with db.transaction() as unit:
                row = await unit.fetchone(_NEXT_IDS)
                assert row is not None
                batch = _Batch(run, tuple(row))
                await batch.load(unit, rows)
                for import_row in rows:
                    batch.add(import_row)
                await batch.write(unit)
        except sqlite3.Error as exc:  # the batch was rolled back; later ones would fail too
            first, last = rows[0].line, rows[-1].line
            report.errors.append(
                (first, f"line {first}: lines {first}–{last} not imported, import stopped: {exc}")
            )
            break
        batch.commit_to(run)
        done += len(rows)
        await _tell(progress, done, report.rows)
    report.errors.sort(key=lambda error: error[0])
    return report


async def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        result = progress(done, total)
        if inspect.isawaitable(result):
            await result


async def import_csv(
    db: Database,
    path: str | Path,
    *,
    now: datetime,
    progress: Progress | None = None,
    default_support_months: int = DEFAULT_SUPPORT_MONTHS,
    batch_size: int = BATCH_ROWS,
) -> ImportReport:
    """Import the vendor's CSV (rules in the module docstring); never raises for bad data.

    Opens its own transactions, one per batch: never call it inside ``db.unit()``.
    ``progress(done_rows, total_rows)`` is called after each batch (it may be async).
    """
    parsed = await asyncio.to_thread(
        read_csv_file, path, default_support_months=default_support_months
    )
    return await import_parsed(db, parsed, now=now, progress=progress, batch_size=batch_size)


def write_csv(path: str | Path, rows: Iterable[dict[str, str]]) -> None:
    """Write rows in the import format (UTF-8 with BOM, ``;``): the demo and tests use it."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)

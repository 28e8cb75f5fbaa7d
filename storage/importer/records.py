"""What the import's steps hand each other: a row's typed values, problems, the report.

Problems are data, not sentences: the line, the column as the file's header names it, a
:class:`Problem` code and the values the reader needs (the bad value, the limit, the
earlier line…). ``handlers.desk.import_report`` words them in the reader's language (the
catalogue message ``import-<code>``), so nothing here is English or Russian.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

ENTITIES = ("customers", "products", "licenses", "keys", "key_links")
CENTS = Decimal("0.01")


class Problem(StrEnum):
    """Why a row (or the file) was refused; the catalogue message is ``import-<value>``.

    The values each code carries (besides the line and the column) are listed with it.
    """

    # -- the file as a whole (parse) ---------------------------------------------------------
    NOT_UTF8 = "not_utf8"
    """The file is not UTF-8 text; the line is where the first bad byte is."""
    MISSING_COLUMNS = "missing_columns"
    """``columns`` (tuple of names), ``count``: the header lacks them; nothing imported."""
    REPEATED_COLUMNS = "repeated_columns"
    """``columns``, ``count``: header names given twice; nothing imported."""
    WRONG_WIDTH = "wrong_width"
    """``found`` values in the row, ``width`` columns in the header."""
    # -- one value of a row (parse) ------------------------------------------------------------
    TOO_LONG = "too_long"
    """``length``, ``limit`` (characters); the value itself is not repeated."""
    EMPTY = "empty"
    NO_NAME = "no_name"
    """``customer_name`` is empty and so is ``other`` (the company column)."""
    NOT_YES_NO = "not_yes_no"
    """``value``."""
    EMPTY_DATE = "empty_date"
    NOT_A_DATE = "not_a_date"
    """``value``."""
    NOT_A_WHOLE_NUMBER = "not_a_whole_number"
    """``value``, ``low``, ``high``."""
    MIXED_SEPARATORS = "mixed_separators"
    """``value``: an amount with both ',' and '.'."""
    AMBIGUOUS_AMOUNT = "ambiguous_amount"
    """``value``: ``7,990`` could be thousands or decimals."""
    NOT_AN_AMOUNT = "not_an_amount"
    """``value``."""
    NOT_ONE_OF = "not_one_of"
    """``value``, ``allowed`` (tuple of the accepted words)."""
    EMPTY_CHOICE = "empty_choice"
    """``allowed``."""
    NOT_A_PHONE = "not_a_phone"
    """``value``."""
    NOT_AN_EMAIL = "not_an_email"
    """``value``."""
    NOT_A_LANGUAGE = "not_a_language"
    """``value``."""
    SERVICE_NEEDS_CODEMETER = "service_needs_codemeter"
    """The protection service on a key that is not a CodeMeter key."""
    # -- a value kept as the managers left it (reconcile; a note, not an error) --------------
    SERVICE_KEPT = "service_kept"
    """``serial``, ``on`` (date), ``change`` ("connected" or "disconnected"): the managers
    changed the key's protection service through the bot on that day and the file says
    otherwise; the row landed with the service as the managers left it."""
    # -- a row against earlier rows of the file (reconcile) ------------------------------------
    OTHER_CUSTOMER = "other_customer"
    """``entity`` ("license" or "key"), ``first``: that line gave it to another customer."""
    OTHER_PRODUCT = "other_product"
    """``first``: that line gave the same license another product."""
    DIFFERS = "differs"
    """``entity`` (customer/product/license/key), ``first``, ``new`` and ``old``: typed
    values (str, bool, int, date or Decimal) that the reader's language writes."""
    # -- the database (write) ----------------------------------------------------------------
    BATCH_FAILED = "batch_failed"
    """``first``, ``last``: lines not imported; ``reason``: the database's own message."""


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One problem of one line; a bad row may have several, each naming its column."""

    line: int
    """The physical line where the row starts (1: the header)."""
    code: Problem
    column: str = ""
    """The column as the file's header names it; '' for a problem of the row or file."""
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:  # for logs and assertion messages, not for people
        shown = ", ".join(f"{name}={value!r}" for name, value in self.values.items())
        return f"{self.line}:{self.column or '-'}:{self.code.value}({shown})"


@dataclass
class ImportReport:
    rows: int = 0
    """Data rows in the file (blank lines not counted)."""
    imported: int = 0
    """Rows that landed (created, updated or already up to date)."""
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ENTITIES, 0))
    errors: list[ImportProblem] = field(default_factory=list)
    """Every problem, by line (a row's problems in the order of its columns)."""
    kept: list[ImportProblem] = field(default_factory=list)
    """Values of landed rows not applied, each once, by line: a key's protection service
    the managers changed through the bot (:attr:`Problem.SERVICE_KEPT`)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> list[int]:
        """The lines refused (a row counts once however many problems it has)."""
        return sorted({problem.line for problem in self.errors})


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
    support_paid_on: date | None = None
    """When the current support end was paid: the file's optional column, else the day the
    import first saw that end (set by reconcile)."""
    previous_support_end: date | None = None
    """The support end the current one replaced (set by reconcile, never from the file)."""


@dataclass(frozen=True, slots=True)
class KeyValues:
    serial: str
    kind: str
    protection_service: bool
    protection_connected_on: date | None
    programmed_until: date | None
    customer_id: int = 0
    protection_disconnected_on: date | None = None
    """When the bot disconnected the service (kept from the database, never from the file)."""
    protection_desk_on: date | None = None
    """When the managers last connected or disconnected the service through the bot (kept
    from the database, never from the file; cleared once a file agrees)."""


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    customer: CustomerValues
    product: ProductValues
    license: LicenseValues
    key: KeyValues | None

"""Requests and customers as CSV files a manager opens in Excel (the web desk's Data page,
the chat's ``/export``),
worded in the manager's language (``i18n/<lang>/data_exports.ftl``; kinds and statuses as
the cards name them, managers by name, times in the vendor's time zone).

The format is the one of ``storage.exporter`` (UTF-8 with BOM, ``;``, formulas disarmed):
a Russian or Bulgarian Excel opens it as a table by a double click, because it splits at
its list separator, which is ``;`` where the decimal sign is a comma.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.numbers import get_decimal_symbol

from handlers.desk.cards import person_label
from handlers.i18n import Texts
from storage.db import Unit
from storage.exporter import (
    CustomerRecord,
    RequestRecord,
    amount_text,
    customer_records,
    request_records,
    safe_text,
    table_bytes,
)

Table = tuple[tuple[str, ...], list[tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Export:
    """A worded table: for a download (:attr:`content`) or written to a file
    (``storage.exporter.write_table``)."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]

    @property
    def content(self) -> bytes:
        return table_bytes(self.header, self.rows)


REQUEST_COLUMNS = (
    "request_number",
    "kind",
    "status",
    "created",
    "updated",
    "customer",
    "company",
    "phone",
    "verified",
    "license",
    "key",
    "amount",
    "manager",
    "first_answer",
    "rating",
)
CUSTOMER_COLUMNS = (
    "customer",
    "company",
    "phone",
    "email",
    "resident",
    "language",
    "licenses",
    "keys",
    "accounts",
    "open_requests",
    "next_support_end",
)


def _header(t: Texts, columns: Sequence[str]) -> tuple[str, ...]:
    return tuple(t(f"data_exports.{column}") for column in columns)


def _yes(t: Texts, value: bool) -> str:
    return t("data_exports.yes" if value else "data_exports.no")


def requests_table(
    records: Sequence[RequestRecord], t: Texts, tz: ZoneInfo, managers: dict[str, str]
) -> Table:
    """The requests as worded rows; ``managers``: each ``requests.manager`` mark's label."""
    sign = get_decimal_symbol(t.locale)

    def moment(value: datetime | None) -> str:
        return "" if value is None else t.moment(value.astimezone(tz))

    rows: list[tuple[str, ...]] = [
        (
            str(r.id),
            t(f"desk.kind_{r.kind.value}"),
            t(f"desk.status_{r.status.value}"),
            moment(r.created_at),
            moment(r.updated_at),
            safe_text(r.customer_name),
            safe_text(r.company),
            r.phone or "",
            _yes(t, r.verified),
            safe_text(r.license_number),
            safe_text(r.key_serial),
            amount_text(r.amount, sign),
            safe_text(managers.get(r.manager, r.manager) if r.manager else None),
            moment(r.first_answer_at),
            str(r.rating) if r.rating is not None else "",
        )
        for r in records
    ]
    return _header(t, REQUEST_COLUMNS), rows


def customers_table(records: Sequence[CustomerRecord], t: Texts) -> Table:
    rows: list[tuple[str, ...]] = [
        (
            safe_text(c.name),
            safe_text(c.company),
            c.phone or "",
            safe_text(c.email),
            _yes(t, c.resident),
            t.language_name(c.language),
            str(c.licenses),
            str(c.keys),
            str(c.accounts),
            str(c.open_requests),
            t.date(date.fromisoformat(c.next_support_end)) if c.next_support_end else "",
        )
        for c in records
    ]
    return _header(t, CUSTOMER_COLUMNS), rows


async def requests_export(unit: Unit, t: Texts, tz: ZoneInfo) -> Export:
    """Every request, oldest first, as a CSV file (``tz``: the vendor's)."""
    records = await request_records(unit)
    managers = {
        mark: await person_label(unit, t, mark)
        for mark in sorted({r.manager for r in records if r.manager})
    }
    header, rows = requests_table(records, t, tz, managers)
    return Export(header, rows)


async def customers_export(unit: Unit, t: Texts) -> Export:
    """Every customer (but those whose data was erased), by name, as a CSV file."""
    header, rows = customers_table(await customer_records(unit), t)
    return Export(header, rows)

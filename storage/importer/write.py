"""Writing: batch by batch, each in one transaction with a few set-wise queries.

Speed and safety
    Rows are written in batches (:data:`BATCH_ROWS`). For each batch a handful of set-wise
    queries load what its rows refer to into a :class:`~storage.importer.reconcile.Batch`,
    the rows are reconciled in memory, and what changed is written with ``executemany``;
    a row lands entirely or not at all. Parsing runs in a thread, so the bot keeps
    answering while a large file is read. A database failure rolls its batch back and
    stops the import (later batches would fail too), reported as
    :attr:`~storage.importer.records.Problem.BATCH_FAILED`.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import sqlite3
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from storage import job_runs
from storage.columns import date_from_db, date_to_db, money_to_db
from storage.db import Database, Unit
from storage.importer.parse import (
    DEFAULT_SUPPORT_MONTHS,
    ParsedFile,
    ReadItem,
    is_header_problem,
    open_csv,
    read_rows,
    scan_file,
)
from storage.importer.reconcile import Batch, Run
from storage.importer.records import (
    CENTS,
    CustomerValues,
    ImportProblem,
    ImportReport,
    ImportRow,
    KeyValues,
    LicenseValues,
    Problem,
    ProductValues,
)

BATCH_ROWS = 500

Progress = Callable[[int, int], Awaitable[None] | None]


async def load(unit: Unit, batch: Batch, rows: Sequence[ImportRow]) -> None:
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
        batch.load_customer(
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

    codes = sorted({row.product.code for row in rows})
    for row in await unit.fetchall(
        "SELECT id, code, name, price, support_months, protection FROM products "
        f"WHERE code IN ({_marks(codes)})",
        codes,
    ):
        batch.load_product(
            row["id"],
            ProductValues(
                row["code"],
                row["name"],
                Decimal(row["price"]).quantize(CENTS),
                row["support_months"],
                row["protection"],
            ),
        )

    numbers = sorted({row.license.number for row in rows})
    for row in await unit.fetchall(
        "SELECT id, number, product_id, customer_id, workplaces, support_end, license_end, "
        "subscription, support_paid_on, previous_support_end "
        f"FROM licenses WHERE number IN ({_marks(numbers)})",
        numbers,
    ):
        batch.load_license(
            row["id"],
            LicenseValues(
                number=row["number"],
                workplaces=row["workplaces"],
                support_end=date.fromisoformat(row["support_end"]),
                license_end=date_from_db(row["license_end"]),
                subscription=bool(row["subscription"]),
                product_id=row["product_id"],
                customer_id=row["customer_id"],
                support_paid_on=date_from_db(row["support_paid_on"]),
                previous_support_end=date_from_db(row["previous_support_end"]),
            ),
        )

    serials = sorted({row.key.serial for row in rows if row.key})
    if serials:
        for row in await unit.fetchall(
            "SELECT k.id, k.serial, k.kind, k.customer_id, k.protection_service, "
            "k.protection_connected_on, k.programmed_until, k.protection_disconnected_on, "
            "k.protection_desk_on, "
            "kl.license_id FROM keys k "
            "LEFT JOIN key_licenses kl ON kl.key_id = k.id "
            f"WHERE k.serial IN ({_marks(serials)})",
            serials,
        ):
            batch.load_key(
                row["id"],
                KeyValues(
                    serial=row["serial"],
                    kind=row["kind"],
                    protection_service=bool(row["protection_service"]),
                    protection_connected_on=date_from_db(row["protection_connected_on"]),
                    programmed_until=date_from_db(row["programmed_until"]),
                    customer_id=row["customer_id"],
                    protection_disconnected_on=date_from_db(row["protection_disconnected_on"]),
                    protection_desk_on=date_from_db(row["protection_desk_on"]),
                ),
                row["license_id"],
            )


async def write(unit: Unit, batch: Batch) -> None:
    """Insert and update what the batch's rows created and changed."""
    now = batch.run.now
    customers, products = batch.customers, batch.products
    licenses, keys = batch.licenses, batch.keys
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
        "license_end, subscription, support_paid_on, previous_support_end, id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*_license_row(r.values), r.id) for r in licenses.inserts()],
    )
    await _many(
        unit,
        "UPDATE licenses SET number = ?, product_id = ?, customer_id = ?, workplaces = ?, "
        "support_end = ?, license_end = ?, subscription = ?, support_paid_on = ?, "
        "previous_support_end = ? WHERE id = ?",
        [(*_license_row(r.values), r.id) for r in licenses.updates()],
    )
    await _many(
        unit,
        "INSERT INTO keys (serial, kind, customer_id, protection_service, "
        "protection_connected_on, programmed_until, protection_disconnected_on, "
        "protection_desk_on, id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*_key_row(r.values), r.id) for r in keys.inserts()],
    )
    await _many(
        unit,
        "UPDATE keys SET serial = ?, kind = ?, customer_id = ?, protection_service = ?, "
        "protection_connected_on = ?, programmed_until = ?, protection_disconnected_on = ?, "
        "protection_desk_on = ? "
        "WHERE id = ?",
        [(*_key_row(r.values), r.id) for r in keys.updates()],
    )
    await _many(
        unit,
        "INSERT INTO key_licenses (key_id, license_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        batch.new_links,
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
        date_to_db(values.support_paid_on),
        date_to_db(values.previous_support_end),
    )


def _key_row(values: KeyValues) -> tuple[Any, ...]:
    return (
        values.serial,
        values.kind,
        values.customer_id,
        int(values.protection_service),
        date_to_db(values.protection_connected_on),
        date_to_db(values.programmed_until),
        date_to_db(values.protection_disconnected_on),
        date_to_db(values.protection_desk_on),
    )


_NEXT_IDS = (
    "SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM customers), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM products), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM licenses), "
    "(SELECT COALESCE(MAX(id), 0) + 1 FROM keys)"
)


#: The ``job_runs`` name of an import: its day is when the vendor's file was last seen.
IMPORT_JOB = "import"


async def import_parsed(
    db: Database,
    parsed: ParsedFile,
    *,
    now: datetime,
    today: date | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_ROWS,
) -> ImportReport:
    """Write rows validated beforehand (:func:`~storage.importer.parse.parse_csv_text`)
    batch by batch; parse problems are carried into the report. ``today``: see
    :func:`import_csv`."""
    items: list[ReadItem] = [*parsed.rows, *(tuple([problem]) for problem in parsed.errors)]
    items.sort(key=_first_line)
    return await _import_items(
        db,
        iter(items),
        parsed.total,
        now=now,
        today=today,
        progress=progress,
        batch_size=batch_size,
    )


def _first_line(item: ReadItem) -> int:
    return item.line if isinstance(item, ImportRow) else item[0].line


async def _import_items(
    db: Database,
    items: Iterator[ReadItem],
    total: int,
    *,
    now: datetime,
    today: date | None,
    progress: Progress | None,
    batch_size: int,
    in_thread: bool = False,
) -> ImportReport:
    """Take the rows ``batch_size`` good ones at a time and write each batch in its own
    transaction; bad rows only add their problems. After a database failure the rest of
    the file is still read for its problems, nothing more is written.

    A support end first seen without ``support_paid_on`` counts as paid the day after the
    previous import (recorded in ``job_runs`` as ``import``), or ``today`` for the first
    one: the earliest day the payment can have been recorded.
    """
    day = today or now.astimezone(UTC).date()
    async with db.unit() as unit:
        previous = await job_runs.last_day(unit, IMPORT_JOB)
    paid_from = previous + timedelta(days=1) if previous is not None and previous < day else day
    run = Run(now, day, paid_from)
    report = run.report
    report.rows = total
    done, told, failed, landed = 0, -1, False, False
    batches = _batches(items, batch_size, in_thread=in_thread)
    async with contextlib.aclosing(batches):  # the reading thread is done before return
        async for rows, problems, read in batches:
            report.errors += problems
            done += read - len(rows)
            if rows and not failed:
                try:
                    async with db.transaction() as unit:
                        row = await unit.fetchone(_NEXT_IDS)
                        assert row is not None
                        batch = Batch(run, tuple(row))
                        await load(unit, batch, rows)
                        for import_row in rows:
                            batch.add(import_row)
                        await write(unit, batch)
                except sqlite3.Error as exc:  # the batch was rolled back; later ones would fail too
                    first, last = rows[0].line, rows[-1].line
                    report.errors.append(
                        ImportProblem(
                            first,
                            Problem.BATCH_FAILED,
                            "",
                            {"first": first, "last": last, "reason": str(exc)},
                        )
                    )
                    failed = True
                else:
                    run.commit(batch)
                    landed = True
                    done += len(rows)
                    await _tell(progress, done, total)
                    told = done
    if told != done and not failed:
        await _tell(progress, done, total)
    report.errors.sort(key=lambda problem: problem.line)
    if landed:  # some rows landed: the file was seen today
        async with db.transaction() as unit:
            await job_runs.finish(unit, IMPORT_JOB, day, now, {"rows": report.rows})
    return report


Taken = tuple[list[ImportRow], list[ImportProblem], int]


async def _batches(
    items: Iterator[ReadItem], batch_size: int, *, in_thread: bool
) -> AsyncGenerator[Taken, None]:
    """The file's batches (see :func:`_take`); ``in_thread``: each is read in a thread
    while the one before it is written, so reading the file and writing overlap."""
    if not in_thread:
        while True:
            taken = _take(items, batch_size)
            yield taken
            if len(taken[0]) < batch_size:  # the end of the file
                return
    ahead = asyncio.ensure_future(asyncio.to_thread(_take, items, batch_size))
    try:
        while True:
            taken = await ahead
            if len(taken[0]) < batch_size:
                yield taken
                return
            ahead = asyncio.ensure_future(asyncio.to_thread(_take, items, batch_size))
            yield taken
    finally:
        if not ahead.done():  # let the thread finish with the file before it is closed
            await asyncio.wait([ahead])


def _take(items: Iterator[ReadItem], batch_size: int) -> Taken:
    """The next ``batch_size`` good rows (fewer at the end of the file), the problems of
    the bad rows between them, and how many items were read."""
    rows: list[ImportRow] = []
    problems: list[ImportProblem] = []
    read = 0
    for item in items:
        read += 1
        if isinstance(item, ImportRow):
            rows.append(item)
            if len(rows) == batch_size:
                break
        else:
            problems += item
    return rows, problems, read


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
    today: date | None = None,
    progress: Progress | None = None,
    default_support_months: int = DEFAULT_SUPPORT_MONTHS,
    batch_size: int = BATCH_ROWS,
) -> ImportReport:
    """Import the vendor's CSV (rules in :mod:`storage.importer`); never raises for bad data.

    The file is read twice, one line at a time, so memory does not grow with its size: a
    first pass checks that it is UTF-8 and counts its rows (a bad byte anywhere imports
    nothing), the second validates and writes batch by batch, holding one batch of rows.
    Opens its own transactions, one per batch: never call it inside ``db.unit()``.
    ``progress(done_rows, total_rows)`` is called after each batch (it may be async).
    ``today``: the vendor-local day of the import (default: ``now``'s date in UTC), the
    day a support end without ``support_paid_on`` counts as paid when first seen.
    """
    scan = await asyncio.to_thread(scan_file, path)
    if scan.problem is not None:
        report = ImportReport(errors=[scan.problem])
        await _tell(progress, 0, 0)
        return report
    with open_csv(path) as lines:
        items = read_rows(lines, default_support_months=default_support_months)
        first = await asyncio.to_thread(next, items, None)
        if first is None or is_header_problem(first):  # nothing is imported, no row counted
            report = ImportReport(errors=list(first) if isinstance(first, tuple) else [])
            await _tell(progress, 0, 0)
            return report
        return await _import_items(
            db,
            itertools.chain((first,), items),
            scan.rows,
            now=now,
            today=today,
            progress=progress,
            batch_size=batch_size,
            in_thread=True,
        )

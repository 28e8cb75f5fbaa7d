"""Reconciling rows in memory: against what is stored and against earlier rows of the file.

Upsert
    customer matched by phone, else e-mail, else (name, company), erased customers never;
    product by code; license by number; key by serial; the key↔license link is added
    (never removed: moving licenses between keys is a manager's job). The file's values
    replace the stored ones, except that an empty ``programmed_until`` or
    ``protection_connected_on`` keeps the stored date (the bot maintains them), and key
    status is not in the file (the bot maintains it). Importing the same file twice
    changes nothing and the second report counts nothing created or updated.

When support was paid
    A license records when its current support end was paid (``support_paid_on``: the
    file's value, else the day the import first saw that end) and, when the end changed,
    the end it replaced. A key whose protection service the bot disconnected stays
    disconnected while the file's ``protection_connected_on`` is not later than the
    disconnection: a "yes" left over in the accounting export does not connect it again
    for free; a connection date on or after it (the service paid again) does.

The managers' change of the protection service
    A key whose service a manager connected or disconnected through the bot (a protection
    order or cancellation marked done: ``protection_desk_on``) keeps it so against a file
    that says otherwise, since the accounting export may not have caught up yet; the row
    lands and the report notes the key (:attr:`Problem.SERVICE_KEPT`). A file that agrees,
    or after a disconnection names a connection on or after that day (the service paid
    again), clears the mark: from then on the file's value rules again.

Contradictions
    Rows that contradict an earlier row of the same file about the same customer, product,
    license or key (e.g. one key given to two customers) are refused, so the result never
    depends on row order and a re-import is a no-op.

A :class:`Batch` holds, for one batch of rows, what the database has (loaded by
:mod:`storage.importer.write`) and what the rows create or change; nothing here touches
the database, so the rules are plain code over plain records.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from storage.columns import time_to_db
from storage.importer.records import (
    ENTITIES,
    CustomerValues,
    ImportProblem,
    ImportReport,
    ImportRow,
    KeyValues,
    LicenseValues,
    Problem,
    ProductValues,
)

V = TypeVar("V", CustomerValues, ProductValues, LicenseValues, KeyValues)


@dataclass(slots=True)
class Record(Generic[V]):
    id: int
    values: V
    new: bool = False
    """Created in the current batch: written by INSERT, not UPDATE."""


class Table(Generic[V]):
    """One entity in one batch: what exists, and what the batch creates or changes."""

    def __init__(self, entity: str, next_id: int) -> None:
        self.entity = entity
        self.next_id = next_id
        self.by_id: dict[int, Record[V]] = {}
        self.changed: dict[int, Record[V]] = {}

    def load(self, record_id: int, values: V) -> Record[V]:
        record = self.by_id.setdefault(record_id, Record(record_id, values))
        return record

    def create(self, values: V) -> Record[V]:
        record = Record(self.next_id, values, new=True)
        self.next_id += 1
        self.by_id[record.id] = record
        self.changed[record.id] = record
        return record

    def change(self, record: Record[V], values: V) -> None:
        if record.values != values:
            record.values = values
            self.changed[record.id] = record

    def inserts(self) -> list[Record[V]]:
        return [record for record in self.changed.values() if record.new]

    def updates(self) -> list[Record[V]]:
        return [record for record in self.changed.values() if not record.new]


#: The file's column of each field, for naming it in a problem.
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
        "support_paid_on": "support_paid_on",
        "previous_support_end": "support_end",
    },
    "keys": {
        "kind": "key_kind",
        "customer_id": "customer_name",
        "protection_service": "protection_service",
        "protection_connected_on": "protection_connected_on",
        "programmed_until": "programmed_until",
        "protection_disconnected_on": "protection_service",
    },
}
#: The entity a problem names (``entity`` in :attr:`Problem.DIFFERS` and ``OTHER_CUSTOMER``).
_ENTITY = {"customers": "customer", "products": "product", "licenses": "license", "keys": "key"}


CREATED, UPDATED = 1, 2


class Touched:
    """What the import did to the records of one entity, by id: the first line of the file
    that set each (for :meth:`Run.contradiction`) and whether it was created or updated
    (each counted once). Ids are dense (SQLite's ``max + 1``), so plain arrays indexed by
    id take a few bytes per record where a dict would take a hundred."""

    def __init__(self) -> None:
        self.lines = array("q")
        self.states = bytearray()
        self.counts = {CREATED: 0, UPDATED: 0}

    def _fit(self, record_id: int) -> None:
        if record_id >= len(self.states):
            grow = max(record_id + 1, 2 * len(self.states)) - len(self.states)
            self.lines.extend(array("q", bytes(8 * grow)))
            self.states.extend(bytes(grow))

    def first_line(self, record_id: int) -> int | None:
        if record_id < len(self.lines) and self.lines[record_id]:
            return self.lines[record_id]
        return None

    def set_first_line(self, record_id: int, line: int) -> None:
        self._fit(record_id)
        if not self.lines[record_id]:
            self.lines[record_id] = line

    def mark(self, record_id: int, state: int) -> None:
        """Count the record as created or updated, unless it was counted before."""
        self._fit(record_id)
        if not self.states[record_id]:
            self.states[record_id] = state
            self.counts[state] += 1


class Run:
    """What the whole import has done so far (across committed batches)."""

    def __init__(self, now: datetime, today: date, paid_from: date | None = None) -> None:
        self.now = time_to_db(now)
        self.today = today
        """The vendor-local day of the import."""
        self.paid_from = paid_from or today
        """The day a support end this import is the first to see counts as paid, when the
        file does not say (``support_paid_on``): the day after the previous import, the
        earliest the payment can have been recorded. The benefit of the doubt goes to the
        customer: an import made late must not make a payment look late."""
        self.report = ImportReport()
        self.touched = {entity: Touched() for entity in ENTITIES[:4]}
        """Per entity: the line of this file that first set each record, and whether the
        import created or updated it (a few bytes per id, whatever the file's size)."""
        self.kept_keys: set[int] = set()
        """Keys already noted in :attr:`ImportReport.kept`."""

    def contradiction(
        self, table: Table[Any], record: Record[Any], values: Any, line: int
    ) -> ImportProblem | None:
        """None if this row agrees with earlier rows of the file about ``record``."""
        first = self.touched[table.entity].first_line(record.id)
        if first is None or record.values == values:
            return None
        for item in fields(values):
            old, new = getattr(record.values, item.name), getattr(values, item.name)
            if old == new:
                continue
            column = _FIELD_COLUMNS[table.entity].get(item.name, item.name)
            entity = _ENTITY[table.entity]
            if item.name == "customer_id":
                return ImportProblem(
                    line, Problem.OTHER_CUSTOMER, column, {"entity": entity, "first": first}
                )
            if item.name == "product_id":
                return ImportProblem(line, Problem.OTHER_PRODUCT, column, {"first": first})
            return ImportProblem(
                line,
                Problem.DIFFERS,
                column,
                {"entity": entity, "first": first, "new": new, "old": old},
            )
        return None

    def commit(self, batch: Batch) -> None:
        """Count the batch in the report once its transaction committed."""
        report = self.report
        for table in batch.tables():
            touched = self.touched[table.entity]
            for record in table.inserts():
                touched.mark(record.id, CREATED)
            for record in table.updates():
                touched.mark(record.id, UPDATED)
            report.created[table.entity] = touched.counts[CREATED]
            report.updated[table.entity] = touched.counts[UPDATED]
        report.created["key_links"] += len(batch.new_links)
        report.imported += batch.imported
        report.errors += batch.errors
        report.kept += batch.kept


class Batch:
    """A batch of rows resolved against what the database holds (loaded into it first)."""

    def __init__(self, run: Run, next_ids: tuple[int, ...]) -> None:
        self.run = run
        self.customers: Table[CustomerValues] = Table("customers", next_ids[0])
        self.products: Table[ProductValues] = Table("products", next_ids[1])
        self.licenses: Table[LicenseValues] = Table("licenses", next_ids[2])
        self.keys: Table[KeyValues] = Table("keys", next_ids[3])
        self.by_phone: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.product_by_code: dict[str, int] = {}
        self.license_by_number: dict[str, int] = {}
        self.key_by_serial: dict[str, int] = {}
        self.links: set[tuple[int, int]] = set()
        self.new_links: list[tuple[int, int]] = []
        self.imported = 0
        self.errors: list[ImportProblem] = []
        self.kept: list[ImportProblem] = []

    def tables(self) -> tuple[Table[Any], ...]:
        return (self.customers, self.products, self.licenses, self.keys)

    # what is stored (called by the loader) --------------------------------------------------

    def load_customer(self, record_id: int, values: CustomerValues) -> None:
        self.index_customer(self.customers.load(record_id, values))

    def load_product(self, record_id: int, values: ProductValues) -> None:
        self.product_by_code[values.code] = self.products.load(record_id, values).id

    def load_license(self, record_id: int, values: LicenseValues) -> None:
        self.license_by_number[values.number] = self.licenses.load(record_id, values).id

    def load_key(self, record_id: int, values: KeyValues, license_id: int | None) -> None:
        self.key_by_serial[values.serial] = self.keys.load(record_id, values).id
        if license_id is not None:
            self.links.add((record_id, license_id))

    # lookups ------------------------------------------------------------------------------

    def index_customer(
        self, record: Record[CustomerValues], old: CustomerValues | None = None
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

    def find_customer(self, values: CustomerValues) -> Record[CustomerValues] | None:
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
        stored_license = license_.values if license_ else None
        today = self.run.paid_from
        license_values = _license_of(
            row.license, product.id if product else -1, customer_id, stored_license, today
        )
        key_values = _key_of(row.key, customer_id, key.values if key else None)
        checks: list[tuple[Table[Any], Record[Any] | None, Any]] = [
            (self.customers, customer, row.customer),
            (self.products, product, row.product),
            (self.licenses, license_, license_values),
            (self.keys, key, key_values),
        ]
        for table, record, values in checks:
            if record is None:
                continue
            problem = self.run.contradiction(table, record, values, row.line)
            if problem is not None:
                self.errors.append(problem)
                return

        old = customer.values if customer else None
        customer = self.put(self.customers, customer, row.customer, row.line)
        self.index_customer(customer, old)
        product = self.put(self.products, product, row.product, row.line)
        self.product_by_code[row.product.code] = product.id
        if customer_id == -1 or license_values.product_id == -1:
            license_values = _license_of(
                row.license, product.id, customer.id, stored_license, today
            )
        license_ = self.put(self.licenses, license_, license_values, row.line)
        self.license_by_number[row.license.number] = license_.id
        if key_values is not None:
            if customer_id == -1:
                key_values = _key_of(row.key, customer.id, key.values if key else None)
                assert key_values is not None
            stored_key = key.values if key else None
            key = self.put(self.keys, key, key_values, row.line)
            self.key_by_serial[key_values.serial] = key.id
            if row.key is not None and _held_by_desk(row.key, stored_key):
                self.note_kept(key, row.line)
            link = (key.id, license_.id)
            if link not in self.links:
                self.links.add(link)
                self.new_links.append(link)
        self.imported += 1

    def note_kept(self, key: Record[KeyValues], line: int) -> None:
        """Report once that the key's service stays as the managers left it."""
        if key.id in self.run.kept_keys or key.values.protection_desk_on is None:
            return
        self.run.kept_keys.add(key.id)
        change = "connected" if key.values.protection_service else "disconnected"
        self.kept.append(
            ImportProblem(
                line,
                Problem.SERVICE_KEPT,
                _FIELD_COLUMNS["keys"]["protection_service"],
                {
                    "serial": key.values.serial,
                    "on": key.values.protection_desk_on,
                    "change": change,
                },
            )
        )

    def put(self, table: Table[V], record: Record[V] | None, values: V, line: int) -> Record[V]:
        if record is None:
            record = table.create(values)
        else:
            table.change(record, values)
        self.run.touched[table.entity].set_first_line(record.id, line)
        return record


def _license_of(
    values: LicenseValues,
    product_id: int,
    customer_id: int,
    stored: LicenseValues | None,
    today: date,
) -> LicenseValues:
    """The row's license values with its product and customer (cheaper than ``replace``),
    and when its support end was paid: the file's date, else the earliest day the import
    can have seen that end (``today``: :attr:`Run.paid_from` for a new end; the stored day
    for an end seen before)."""
    paid_on = values.support_paid_on
    if stored is None:
        previous, paid_on = None, paid_on or today
    elif stored.support_end != values.support_end:
        previous, paid_on = stored.support_end, paid_on or today
    else:  # an end seen before (paid_on may stay unknown for rows of older versions)
        previous, paid_on = stored.previous_support_end, paid_on or stored.support_paid_on
    return LicenseValues(
        values.number,
        values.workplaces,
        values.support_end,
        values.license_end,
        values.subscription,
        product_id,
        customer_id,
        paid_on,
        previous,
    )


def _held_by_desk(values: KeyValues, stored: KeyValues | None) -> bool:
    """Whether the file's protection service gives way to what the managers did through
    the bot: the file says otherwise and, after a disconnection, names no connection on or
    after it (see the module's docstring)."""
    if stored is None or stored.protection_desk_on is None:
        return False
    if values.protection_service == stored.protection_service:
        return False  # the accounting caught up
    connected_on = values.protection_connected_on
    return not (
        values.protection_service
        and connected_on is not None
        and connected_on >= stored.protection_desk_on
    )


def _key_of(
    values: KeyValues | None, customer_id: int, stored: KeyValues | None
) -> KeyValues | None:
    """The row's key values with its owner; empty dates keep the stored ones (the bot's),
    and a disconnection by the bot stands until the file connects the service after it;
    the service stays as the managers left it while the file has not caught up."""
    if values is None:
        return None
    connected_on = values.protection_connected_on or (
        stored.protection_connected_on if stored else None
    )
    disconnected_on = stored.protection_disconnected_on if stored else None
    held = _held_by_desk(values, stored)
    if held and stored is not None:
        service = stored.protection_service
    else:
        service = values.protection_service
        if service and disconnected_on is not None:
            if connected_on is not None and connected_on >= disconnected_on:
                disconnected_on = None  # connected again after the bot disconnected it
            else:
                service = False
    return KeyValues(
        values.serial,
        values.kind,
        service,
        connected_on,
        values.programmed_until or (stored.programmed_until if stored else None),
        customer_id,
        disconnected_on,
        stored.protection_desk_on if held and stored else None,
    )

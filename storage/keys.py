"""Hardware keys (CodeMeter dongles and protection modules) and the licenses bound to them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from storage.columns import date_from_db, date_to_db, time_to_db
from storage.db import Unit
from storage.licenses import license_from_row
from storage.models import Key, KeyKind, KeyStatus, License

_COLUMNS = (
    "k.id, k.serial, k.kind, k.customer_id, k.status, k.protection_service, "
    "k.protection_connected_on, k.programmed_until, k.protection_disconnected_on"
)


def key_from_row(row: sqlite3.Row) -> Key:
    return Key(
        id=row["id"],
        serial=row["serial"],
        kind=KeyKind(row["kind"]),
        customer_id=row["customer_id"],
        status=KeyStatus(row["status"]),
        protection_service=bool(row["protection_service"]),
        protection_connected_on=date_from_db(row["protection_connected_on"]),
        programmed_until=date_from_db(row["programmed_until"]),
        protection_disconnected_on=date_from_db(row["protection_disconnected_on"]),
    )


async def get(unit: Unit, key_id: int) -> Key | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM keys k WHERE k.id = ?", (key_id,))
    return key_from_row(row) if row else None


async def by_serial(unit: Unit, serial: str) -> Key | None:
    row = await unit.fetchone(
        f"SELECT {_COLUMNS} FROM keys k WHERE k.serial = ?", (serial.strip(),)
    )
    return key_from_row(row) if row else None


async def of_customer(unit: Unit, customer_id: int) -> list[Key]:
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM keys k WHERE k.customer_id = ? ORDER BY k.serial", (customer_id,)
    )
    return [key_from_row(row) for row in rows]


async def customer_has_keys(unit: Unit, customer_id: int) -> bool:
    """Whether the customer has any key (what :func:`of_customer` would list)."""
    row = await unit.fetchone("SELECT 1 FROM keys WHERE customer_id = ? LIMIT 1", (customer_id,))
    return row is not None


async def licenses_of_key(unit: Unit, key_id: int) -> list[License]:
    rows = await unit.fetchall(
        "SELECT l.id, l.number, l.product_id, l.customer_id, l.workplaces, l.support_end, "
        "l.license_end, l.subscription FROM key_licenses kl "
        "JOIN licenses l ON l.id = kl.license_id WHERE kl.key_id = ? ORDER BY l.number",
        (key_id,),
    )
    return [license_from_row(row) for row in rows]


async def set_status(unit: Unit, key_id: int, status: KeyStatus, now: datetime) -> bool:
    """Record what happened to the key (lost, stolen, found…); False for an unknown key."""
    cursor = await unit.execute(
        "UPDATE keys SET status = ?, status_changed_at = ? WHERE id = ?",
        (KeyStatus(status).value, time_to_db(now), key_id),
    )
    return cursor.rowcount == 1


async def set_programmed_until(unit: Unit, key_ids: Iterable[int], until: date) -> None:
    """The monthly run prolonged these keys' programming to ``until`` (one batch)."""
    await unit.executemany(
        "UPDATE keys SET programmed_until = ? WHERE id = ?",
        ((date_to_db(until), key_id) for key_id in key_ids),
    )


async def set_protection_connected(unit: Unit, key_id: int, on: date) -> None:
    """The service was paid for and connected on ``on`` (CodeMeter keys only)."""
    await unit.execute(
        "UPDATE keys SET protection_service = 1, protection_connected_on = ?, "
        "protection_disconnected_on = NULL WHERE id = ? AND kind = 'codemeter'",
        (date_to_db(on), key_id),
    )


async def set_protection_disconnected(unit: Unit, key_ids: Iterable[int], on: date) -> None:
    """Support was not renewed in time: the service is off from ``on`` (one batch). What
    the managers did before (:func:`connect_by_desk`) no longer holds against the import."""
    await unit.executemany(
        "UPDATE keys SET protection_service = 0, protection_disconnected_on = ?, "
        "protection_desk_on = NULL WHERE id = ?",
        ((date_to_db(on), key_id) for key_id in key_ids),
    )


async def connect_by_desk(unit: Unit, key_id: int, on: date, programmed_until: date) -> bool:
    """A manager connected the service on ``on`` (a protection order done after payment)
    and programmed the key until ``programmed_until``. The import keeps it connected
    against a file that still says "no" until a file agrees (``protection_desk_on``).
    False for a key that is not a CodeMeter key (nothing changes)."""
    cursor = await unit.execute(
        "UPDATE keys SET protection_service = 1, protection_connected_on = ?, "
        "protection_disconnected_on = NULL, programmed_until = ?, protection_desk_on = ? "
        "WHERE id = ? AND kind = 'codemeter'",
        (date_to_db(on), date_to_db(programmed_until), date_to_db(on), key_id),
    )
    return cursor.rowcount == 1


async def disconnect_by_desk(unit: Unit, key_id: int, on: date) -> bool:
    """A manager disconnected the service on ``on`` (a cancellation done). The import keeps
    it disconnected against a file that still says "yes" until a file agrees or names a
    connection on or after ``on`` (``protection_desk_on``). False for an unknown key."""
    cursor = await unit.execute(
        "UPDATE keys SET protection_service = 0, protection_disconnected_on = ?, "
        "protection_desk_on = ? WHERE id = ?",
        (date_to_db(on), date_to_db(on), key_id),
    )
    return cursor.rowcount == 1


@dataclass(frozen=True, slots=True)
class LicenseSupport:
    """One license's support on a key, as the import recorded it (what
    ``handlers.rules.protection.SupportPeriod`` reads)."""

    number: str
    support_end: date
    paid_on: date | None
    """When the current support end was paid, or first seen by the import."""
    previous_end: date | None
    """The support end the current one replaced; None: not seen renewed."""


_SUPPORT_SELECT = (
    "SELECT kl.key_id, l.number, l.support_end, l.support_paid_on, l.previous_support_end "
    "FROM key_licenses kl JOIN licenses l ON l.id = kl.license_id "
)


def _support_by_key(rows: Iterable[sqlite3.Row]) -> dict[int, tuple[LicenseSupport, ...]]:
    found: dict[int, list[LicenseSupport]] = {}
    for row in rows:
        support_end = date_from_db(row["support_end"])
        assert support_end is not None
        found.setdefault(row["key_id"], []).append(
            LicenseSupport(
                number=row["number"],
                support_end=support_end,
                paid_on=date_from_db(row["support_paid_on"]),
                previous_end=date_from_db(row["previous_support_end"]),
            )
        )
    return {key_id: tuple(support) for key_id, support in found.items()}


async def support_of_key(unit: Unit, key_id: int) -> tuple[LicenseSupport, ...]:
    """The support of every license on the key, by license number."""
    rows = await unit.fetchall(
        f"{_SUPPORT_SELECT} WHERE kl.key_id = ? ORDER BY l.number", (key_id,)
    )
    return _support_by_key(rows).get(key_id, ())


@dataclass(frozen=True, slots=True)
class KeyForRun:
    """A key as the monthly prolongation run sees it (the fields of
    ``handlers.rules.key_renewal.KeyForRun``, plus what the batch file and messages show)."""

    key_id: int
    serial: str
    kind: KeyKind
    status: KeyStatus
    protection_service: bool
    support_end: date | None
    """The latest support end among the licenses on the key; None when it holds none."""
    customer_id: int
    customer_name: str = ""
    company: str = ""
    programmed_until: date | None = None
    connected_on: date | None = None
    """When the service was (last) connected."""
    support: tuple[LicenseSupport, ...] = ()
    """The support of every license on the key, when one of them was renewed (when each was
    paid decides whether the service lapsed); empty for a key whose licenses were never
    seen renewed, which cannot have lapsed by a late renewal."""


async def keys_for_run(unit: Unit) -> list[KeyForRun]:
    """Every CodeMeter key with the protection service connected, with its latest support
    end and, for a key with a renewed license, its licenses' support, in two queries
    (ordered by serial, as the batch file lists them)."""
    rows = await unit.fetchall(
        "SELECT k.id, k.serial, k.kind, k.status, k.protection_service, k.customer_id, "
        "k.programmed_until, k.protection_connected_on, c.name, c.company, "
        "MAX(l.support_end) AS support_end "
        "FROM keys k JOIN customers c ON c.id = k.customer_id "
        "LEFT JOIN key_licenses kl ON kl.key_id = k.id "
        "LEFT JOIN licenses l ON l.id = kl.license_id "
        f"WHERE {_IN_RUNS} GROUP BY k.id ORDER BY k.serial",
        heavy=True,
    )
    support = _support_by_key(
        await unit.fetchall(
            f"{_SUPPORT_SELECT} JOIN keys k ON k.id = kl.key_id WHERE {_IN_RUNS} "
            "AND EXISTS (SELECT 1 FROM key_licenses rk JOIN licenses r ON r.id = rk.license_id "
            "WHERE rk.key_id = kl.key_id AND r.previous_support_end IS NOT NULL) "
            "ORDER BY kl.key_id, l.number",
            heavy=True,
        )
    )
    return [
        KeyForRun(
            key_id=row["id"],
            serial=row["serial"],
            kind=KeyKind(row["kind"]),
            status=KeyStatus(row["status"]),
            protection_service=bool(row["protection_service"]),
            support_end=date_from_db(row["support_end"]),
            customer_id=row["customer_id"],
            customer_name=row["name"],
            company=row["company"],
            programmed_until=date_from_db(row["programmed_until"]),
            connected_on=date_from_db(row["protection_connected_on"]),
            support=support.get(row["id"], ()),
        )
        for row in rows
    ]


_IN_RUNS = "k.kind = 'codemeter' AND k.protection_service = 1"


@dataclass(frozen=True, slots=True)
class ServedKey:
    """An active CodeMeter key that has or had the protection service, with the support of
    every license on it (what ``handlers.rules.protection.ServedKey`` reads)."""

    key_id: int
    serial: str
    connected: bool
    """The service is connected now (False: the bot disconnected it)."""
    connected_on: date | None
    support: tuple[LicenseSupport, ...]


async def served_keys_of_licenses(
    unit: Unit, license_ids: Iterable[int], *, heavy: bool = False
) -> dict[int, tuple[ServedKey, ...]]:
    """For each license, the active CodeMeter keys carrying it that have the protection
    service or had it until the bot disconnected it, by serial (``heavy`` for a job's many
    licenses; ids go in chunks, within SQLite's limit of parameters)."""
    rows: list[sqlite3.Row] = []
    for chunk in _chunks(sorted(set(license_ids))):
        rows += await unit.fetchall(
            "SELECT kl.license_id, k.id, k.serial, k.protection_service, "
            "k.protection_connected_on FROM key_licenses kl JOIN keys k ON k.id = kl.key_id "
            f"WHERE kl.license_id IN ({_marks(chunk)}) AND k.kind = 'codemeter' "
            "AND k.status = 'active' "
            "AND (k.protection_service = 1 OR k.protection_disconnected_on IS NOT NULL)",
            chunk,
            heavy=heavy,
        )
    support_rows: list[sqlite3.Row] = []
    for chunk in _chunks(sorted({row["id"] for row in rows})):
        support_rows += await unit.fetchall(
            f"{_SUPPORT_SELECT} WHERE kl.key_id IN ({_marks(chunk)}) ORDER BY kl.key_id, l.number",
            chunk,
            heavy=heavy,
        )
    support = _support_by_key(support_rows)
    found: dict[int, list[ServedKey]] = {}
    for row in sorted(rows, key=lambda row: (row["license_id"], row["serial"])):
        found.setdefault(row["license_id"], []).append(
            ServedKey(
                key_id=row["id"],
                serial=row["serial"],
                connected=bool(row["protection_service"]),
                connected_on=date_from_db(row["protection_connected_on"]),
                support=support.get(row["id"], ()),
            )
        )
    return {license_id: tuple(keys) for license_id, keys in found.items()}


_CHUNK = 500


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


def _marks(values: list[int]) -> str:
    return ", ".join("?" for _ in values)

"""Requests to managers (renewal, key loss, transfer, booking, callback…), their status
history (``request_events``) and attachments.

Statuses: new → in work → waiting for documents / customer → done / rejected / cancelled.
Any open status may change to any other status; the three closed ones are final, so a
second "done" pressed by another manager, or a late "cancel" by the customer, is refused
with :class:`StatusChangeRefused` and changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from storage.columns import (
    json_from_db,
    json_to_db,
    money_from_db,
    money_to_db,
    time_from_db,
    time_to_db,
)
from storage.db import Unit
from storage.models import OPEN_STATUSES, Request, RequestKind, RequestStatus

_COLUMNS = (
    "id, kind, status, customer_id, account_id, verified, license_id, key_id, amount, details, "
    "manager, due_at, created_at, updated_at, first_answer_at, rating, rating_comment"
)


#: A history note the bot writes itself: a catalogue key and its values (a card line).
NoteLine = tuple[str, Mapping[str, Any]]


def _line_to_db(line: NoteLine | None) -> str | None:
    if line is None:
        return None
    key, values = line
    return json_to_db([key, dict(values)])


def _line_from_db(value: str | None) -> NoteLine | None:
    if not value:
        return None
    key, values = json_from_db(value)
    return str(key), dict(values)


class StatusChangeRefused(ValueError):
    """The request is closed (done, rejected or cancelled) or does not exist."""

    def __init__(self, request_id: int, status: RequestStatus | None, to_status: RequestStatus):
        self.request_id = request_id
        self.status = status
        self.to_status = to_status
        where = f"is {status.value}" if status else "does not exist"
        super().__init__(f"request {request_id} {where}: cannot change it to {to_status.value}")


@dataclass(frozen=True, slots=True)
class RequestEvent:
    id: int
    request_id: int
    at: datetime
    actor: str
    """``customer``, ``manager:<platform>:<id>`` or ``system``."""
    from_status: RequestStatus | None
    to_status: RequestStatus | None
    note: str
    """Free text as a person typed it (a manager's reply, a reason, a rating comment)."""
    note_line: NoteLine | None = None
    """What the bot noted itself, as a card line (a catalogue key and its values, see
    ``handlers.desk.cards``) rendered in the reader's language; None on rows without one."""


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    request_id: int
    role: str
    original_name: str
    """As the customer named the file: shown, never used as a path."""
    stored_path: str | None
    platform_file: str | None
    mime: str
    size: int
    created_at: datetime


def _at(value: str) -> datetime:
    """A NOT NULL timestamp column."""
    moment = time_from_db(value)
    assert moment is not None
    return moment


def request_from_row(row: sqlite3.Row) -> Request:
    return Request(
        id=row["id"],
        kind=RequestKind(row["kind"]),
        status=RequestStatus(row["status"]),
        customer_id=row["customer_id"],
        account_id=row["account_id"],
        verified=bool(row["verified"]),
        license_id=row["license_id"],
        key_id=row["key_id"],
        amount=money_from_db(row["amount"]),
        details=json_from_db(row["details"]),
        manager=row["manager"],
        due_at=time_from_db(row["due_at"]),
        created_at=_at(row["created_at"]),
        updated_at=_at(row["updated_at"]),
        first_answer_at=time_from_db(row["first_answer_at"]),
        rating=row["rating"],
        rating_comment=row["rating_comment"],
    )


async def create(
    unit: Unit,
    kind: RequestKind,
    *,
    account_id: int | None,
    customer_id: int | None = None,
    verified: bool = False,
    license_id: int | None = None,
    key_id: int | None = None,
    amount: Decimal | None = None,
    details: dict[str, Any] | None = None,
    now: datetime,
    status: RequestStatus = RequestStatus.NEW,
    due_at: datetime | None = None,
    actor: str = "customer",
) -> int:
    """File a request and its first event; returns the request number (its id)."""
    at = time_to_db(now)
    status = RequestStatus(status)
    request_id = await unit.insert(
        "INSERT INTO requests (kind, status, customer_id, account_id, verified, license_id, "
        "key_id, amount, details, due_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            RequestKind(kind).value,
            status.value,
            customer_id,
            account_id,
            int(verified),
            license_id,
            key_id,
            money_to_db(amount),
            json_to_db(details or {}),
            time_to_db(due_at) if due_at else None,
            at,
            at,
        ),
    )
    await unit.execute(
        "INSERT INTO request_events (request_id, at, actor, from_status, to_status) "
        "VALUES (?, ?, ?, NULL, ?)",
        (request_id, at, actor, status.value),
    )
    return request_id


async def get(unit: Unit, request_id: int) -> Request | None:
    row = await unit.fetchone(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (request_id,))
    return request_from_row(row) if row else None


async def set_status(
    unit: Unit,
    request_id: int,
    to_status: RequestStatus,
    *,
    actor: str,
    note: str = "",
    note_line: NoteLine | None = None,
    now: datetime,
    manager: str | None = None,
) -> RequestStatus:
    """Change the status and record the event; returns the status it had before.

    Setting an open request to the status it already has changes and records nothing
    (the returned status equals ``to_status``). ``manager`` (who took it) is stored when
    given. ``note_line`` is what the bot notes on the change (a card line), ``note`` free
    text a person typed. Raises :class:`StatusChangeRefused` for a closed or unknown request.
    """
    to_status = RequestStatus(to_status)
    await unit.begin()  # read-then-write: the status read must still hold when we write
    row = await unit.fetchone("SELECT status FROM requests WHERE id = ?", (request_id,))
    current = RequestStatus(row["status"]) if row else None
    if current is None or current not in OPEN_STATUSES:
        raise StatusChangeRefused(request_id, current, to_status)
    if current == to_status and manager is None:
        return current
    at = time_to_db(now)
    await unit.execute(
        "UPDATE requests SET status = ?, updated_at = ?, manager = COALESCE(?, manager) "
        "WHERE id = ?",
        (to_status.value, at, manager, request_id),
    )
    if current != to_status:
        await unit.execute(
            "INSERT INTO request_events "
            "(request_id, at, actor, from_status, to_status, note, note_line) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (request_id, at, actor, current.value, to_status.value, note, _line_to_db(note_line)),
        )
    return current


async def add_note(
    unit: Unit,
    request_id: int,
    *,
    actor: str,
    note: str = "",
    note_line: NoteLine | None = None,
    now: datetime,
) -> int:
    """Record an event without a status change: what the bot notes (``note_line``, a card
    line rendered in the reader's language) and/or free text a person typed (``note``).
    Returns the event's id."""
    return await unit.insert(
        "INSERT INTO request_events (request_id, at, actor, note, note_line) "
        "VALUES (?, ?, ?, ?, ?)",
        (request_id, time_to_db(now), actor, note, _line_to_db(note_line)),
    )


async def reopen(unit: Unit, request_id: int, *, actor: str, now: datetime) -> bool:
    """Put a request closed as done back into work (the customer wrote to it again within
    the reopen window); False when it is not done (nothing changes)."""
    await unit.begin()
    row = await unit.fetchone("SELECT status FROM requests WHERE id = ?", (request_id,))
    if row is None or row["status"] != RequestStatus.DONE.value:
        return False
    at = time_to_db(now)
    await unit.execute(
        "UPDATE requests SET status = ?, updated_at = ? WHERE id = ?",
        (RequestStatus.IN_WORK.value, at, request_id),
    )
    await unit.execute(
        "INSERT INTO request_events (request_id, at, actor, from_status, to_status) "
        "VALUES (?, ?, ?, ?, ?)",
        (request_id, at, actor, RequestStatus.DONE.value, RequestStatus.IN_WORK.value),
    )
    return True


async def event(unit: Unit, event_id: int) -> RequestEvent | None:
    """One history event by its id."""
    row = await unit.fetchone(
        "SELECT id, request_id, at, actor, from_status, to_status, note, note_line "
        "FROM request_events WHERE id = ?",
        (event_id,),
    )
    return _event_from_row(row) if row is not None else None


async def events(unit: Unit, request_id: int) -> list[RequestEvent]:
    rows = await unit.fetchall(
        "SELECT id, request_id, at, actor, from_status, to_status, note, note_line "
        "FROM request_events WHERE request_id = ? ORDER BY id",
        (request_id,),
    )
    return [_event_from_row(row) for row in rows]


def _event_from_row(row: sqlite3.Row) -> RequestEvent:
    return RequestEvent(
        id=row["id"],
        request_id=row["request_id"],
        at=_at(row["at"]),
        actor=row["actor"],
        from_status=RequestStatus(row["from_status"]) if row["from_status"] else None,
        to_status=RequestStatus(row["to_status"]) if row["to_status"] else None,
        note=row["note"],
        note_line=_line_from_db(row["note_line"]),
    )


_OPEN = ", ".join(f"'{status.value}'" for status in sorted(OPEN_STATUSES))


async def open_requests(
    unit: Unit, *, limit: int = 50, newest_first: bool = False
) -> list[Request]:
    """Requests not yet done, rejected or cancelled, oldest first (or newest first)."""
    order = "DESC" if newest_first else "ASC"
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM requests WHERE status IN ({_OPEN}) ORDER BY id {order} LIMIT ?",
        (limit,),
    )
    return [request_from_row(row) for row in rows]


async def count_open(unit: Unit) -> int:
    """How many requests are not yet done, rejected or cancelled."""
    row = await unit.fetchone(f"SELECT COUNT(*) FROM requests WHERE status IN ({_OPEN})")
    return int(row[0]) if row else 0


async def of_customer(
    unit: Unit, customer_id: int, *, open_only: bool = False, limit: int = 50
) -> list[Request]:
    """A customer's requests from any of their accounts, newest first (a manager's /find)."""
    only = f"AND status IN ({_OPEN})" if open_only else ""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM requests WHERE customer_id = ? {only} ORDER BY id DESC LIMIT ?",
        (customer_id, limit),
    )
    return [request_from_row(row) for row in rows]


async def about_key(
    unit: Unit, customer_id: int, key_id: int, kind: RequestKind, *, limit: int = 50
) -> list[Request]:
    """A customer's requests of ``kind`` about one of their keys, newest first (by the
    customer's index: a customer has few)."""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM requests WHERE customer_id = ? AND key_id = ? AND kind = ? "
        "ORDER BY id DESC LIMIT ?",
        (customer_id, key_id, RequestKind(kind).value, limit),
    )
    return [request_from_row(row) for row in rows]


async def of_account(
    unit: Unit, account_id: int, *, open_only: bool = False, limit: int = 50
) -> list[Request]:
    """A messenger account's requests, newest first."""
    only = f"AND status IN ({_OPEN})" if open_only else ""
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM requests WHERE account_id = ? {only} ORDER BY id DESC LIMIT ?",
        (account_id, limit),
    )
    return [request_from_row(row) for row in rows]


async def account_has_any(unit: Unit, account_id: int) -> bool:
    """Whether the account has any request (what :func:`of_account` would list)."""
    row = await unit.fetchone("SELECT 1 FROM requests WHERE account_id = ? LIMIT 1", (account_id,))
    return row is not None


@dataclass(frozen=True, slots=True)
class ThreadRow:
    """One of an account's requests as the choice of a message's thread needs it."""

    request_id: int
    status: RequestStatus
    #: When it was last closed as done (None: never).
    done_at: datetime | None
    #: The history event id of the latest manager answer (None: never answered).
    answered: int | None


async def thread_rows(unit: Unit, account_id: int, *, limit: int = 20) -> list[ThreadRow]:
    """The account's open requests and those closed as done, newest first, with when each
    was closed and the latest manager answer on it (``handlers.rules.threads`` chooses)."""
    rows = await unit.fetchall(
        "SELECT r.id, r.status, "
        "(SELECT MAX(e.at) FROM request_events e "
        " WHERE e.request_id = r.id AND e.to_status = 'done') AS done_at, "
        "(SELECT MAX(e.id) FROM request_events e "
        " WHERE e.request_id = r.id AND e.actor LIKE 'manager:%' AND e.note != '') AS answered "
        f"FROM requests r WHERE r.account_id = ? AND (r.status IN ({_OPEN}) OR r.status = 'done') "
        "ORDER BY r.id DESC LIMIT ?",
        (account_id, limit),
    )
    return [
        ThreadRow(
            request_id=row["id"],
            status=RequestStatus(row["status"]),
            done_at=_at(row["done_at"]) if row["done_at"] else None,
            answered=row["answered"],
        )
        for row in rows
    ]


async def customer_message_times(unit: Unit, account_id: int, *, since: datetime) -> list[datetime]:
    """When the account's messages written to its requests after ``since`` were recorded
    (their history notes), oldest first: what flood control counts."""
    rows = await unit.fetchall(
        "SELECT e.at FROM requests r JOIN request_events e ON e.request_id = r.id "
        "WHERE r.account_id = ? AND e.to_status IS NULL AND e.at > ? "
        "AND e.actor = 'customer' AND e.note != '' ORDER BY e.at",
        (account_id, time_to_db(since)),
    )
    return [_at(row["at"]) for row in rows]


async def customer_messages_since(unit: Unit, request_id: int, *, from_event: int) -> list[str]:
    """What the customer wrote to the request from history event ``from_event`` on (its
    notes: the text, the names of its files), oldest first: what a managers' notice of
    several messages counts and quotes."""
    rows = await unit.fetchall(
        "SELECT note FROM request_events WHERE request_id = ? AND id >= ? "
        "AND to_status IS NULL AND actor = 'customer' AND note != '' ORDER BY id",
        (request_id, from_event),
    )
    return [str(row["note"]) for row in rows]


async def set_details(unit: Unit, request_id: int, details: dict[str, Any], now: datetime) -> None:
    """Replace what the flow collected (e.g. a delivery address given later)."""
    await unit.execute(
        "UPDATE requests SET details = ?, updated_at = ? WHERE id = ?",
        (json_to_db(details), time_to_db(now), request_id),
    )


async def set_amount(unit: Unit, request_id: int, amount: Decimal, now: datetime) -> None:
    """Replace the request's amount (a booking's estimate after the connection fee moved)."""
    await unit.execute(
        "UPDATE requests SET amount = ?, updated_at = ? WHERE id = ?",
        (money_to_db(amount), time_to_db(now), request_id),
    )


async def add_attachment(
    unit: Unit,
    request_id: int,
    role: str,
    original_name: str,
    stored_path: str | None,
    platform_file: str | None,
    mime: str,
    size: int,
    now: datetime,
) -> int:
    return await unit.insert(
        "INSERT INTO attachments (request_id, role, original_name, stored_path, platform_file, "
        "mime, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (request_id, role, original_name, stored_path, platform_file, mime, size, time_to_db(now)),
    )


async def attachments(unit: Unit, request_id: int) -> list[Attachment]:
    rows = await unit.fetchall(
        "SELECT id, request_id, role, original_name, stored_path, platform_file, mime, size, "
        "created_at FROM attachments WHERE request_id = ? ORDER BY id",
        (request_id,),
    )
    return [
        Attachment(
            id=row["id"],
            request_id=row["request_id"],
            role=row["role"],
            original_name=row["original_name"],
            stored_path=row["stored_path"],
            platform_file=row["platform_file"],
            mime=row["mime"],
            size=row["size"],
            created_at=_at(row["created_at"]),
        )
        for row in rows
    ]


async def mark_first_answer(unit: Unit, request_id: int, now: datetime) -> bool:
    """Remember when a manager first answered (kept from the first time; True if now)."""
    cursor = await unit.execute(
        "UPDATE requests SET first_answer_at = ? WHERE id = ? AND first_answer_at IS NULL",
        (time_to_db(now), request_id),
    )
    return cursor.rowcount == 1


async def set_rating(
    unit: Unit, request_id: int, rating: int, now: datetime, comment: str | None = None
) -> None:
    """The customer's satisfaction rating, 1 to 5 (a later rating replaces the earlier)."""
    if not 1 <= rating <= 5:
        raise ValueError(f"rating must be 1 to 5, got {rating}")
    await unit.execute(
        "UPDATE requests SET rating = ?, rating_comment = COALESCE(?, rating_comment), "
        "updated_at = ? WHERE id = ?",
        (rating, comment, time_to_db(now), request_id),
    )


@dataclass(frozen=True, slots=True)
class RequestStats:
    """All requests counted for a manager's /stats."""

    counts: dict[tuple[RequestKind, RequestStatus], int]
    """How many requests of each kind are in each status (only pairs that occur)."""
    answered: int
    """Requests a manager has answered (taken, replied to or closed)."""
    median_first_answer: timedelta | None
    """Median time from filing to the first answer over the answered ones; None if none."""
    p90_first_answer: timedelta | None = None
    """The time within which nine answered requests in ten got their first answer
    (nearest rank); None if none."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# The median over the answered requests: the middle one, or the mean of the two middle
# ones. julianday() reads the stored ISO times with their offset; whole seconds are kept.
_MEDIAN_FIRST_ANSWER = """
WITH waits AS (
    SELECT (julianday(first_answer_at) - julianday(created_at)) * 86400.0 AS seconds
    FROM requests WHERE first_answer_at IS NOT NULL
), ranked AS (
    SELECT seconds, ROW_NUMBER() OVER (ORDER BY seconds) AS n, COUNT(*) OVER () AS total
    FROM waits
)
SELECT (SELECT COUNT(*) FROM waits) AS answered,
       (SELECT AVG(seconds) FROM ranked
        WHERE n IN ((total + 1) / 2, (total + 2) / 2)) AS median_seconds,
       (SELECT seconds FROM ranked WHERE n = (9 * total + 9) / 10) AS p90_seconds
"""


async def stats(unit: Unit) -> RequestStats:
    """Counts by kind and status, and the median time to the first answer (all requests)."""
    rows = await unit.fetchall(
        "SELECT kind, status, COUNT(*) AS n FROM requests GROUP BY kind, status", heavy=True
    )
    median = await unit.fetchone(_MEDIAN_FIRST_ANSWER)
    assert median is not None
    seconds = median["median_seconds"]
    p90 = median["p90_seconds"]
    return RequestStats(
        counts={
            (RequestKind(row["kind"]), RequestStatus(row["status"])): int(row["n"]) for row in rows
        },
        answered=int(median["answered"]),
        median_first_answer=timedelta(seconds=round(seconds)) if seconds is not None else None,
        p90_first_answer=timedelta(seconds=round(p90)) if p90 is not None else None,
    )


@dataclass(frozen=True, slots=True)
class Unanswered:
    """A new request no manager has taken or answered yet (the escalation's input)."""

    request_id: int
    kind: RequestKind
    created_at: datetime


async def unanswered(unit: Unit) -> list[Unanswered]:
    """New requests without a first answer, oldest first."""
    rows = await unit.fetchall(
        "SELECT id, kind, created_at FROM requests "
        "WHERE status = 'new' AND first_answer_at IS NULL ORDER BY id"
    )
    return [Unanswered(row["id"], RequestKind(row["kind"]), _at(row["created_at"])) for row in rows]


@dataclass(frozen=True, slots=True)
class WaitingDocuments:
    """A request waiting for the customer's documents, and since when (the reminder's input)."""

    request_id: int
    account_id: int | None
    kind: RequestKind
    since: datetime
    """When the request last entered ``waiting_documents``."""


async def waiting_documents_since(unit: Unit, before: datetime) -> list[WaitingDocuments]:
    """Requests now waiting for documents that entered that status at or before ``before``.

    The moment is the latest ``request_events`` row moving the request into
    ``waiting_documents`` (it is written when the request is filed in that status and on
    every later change into it), so a request sent back for documents counts afresh.
    Oldest first. The documents reminder passes ``now - documents_after_days``.
    """
    rows = await unit.fetchall(
        "SELECT r.id, r.account_id, r.kind, MAX(e.at) AS since FROM requests r "
        "JOIN request_events e ON e.request_id = r.id AND e.to_status = 'waiting_documents' "
        "WHERE r.status = 'waiting_documents' GROUP BY r.id HAVING MAX(e.at) <= ? "
        "ORDER BY since, r.id",
        (time_to_db(before),),
        heavy=True,
    )
    return [
        WaitingDocuments(
            request_id=row["id"],
            account_id=row["account_id"],
            kind=RequestKind(row["kind"]),
            since=_at(row["since"]),
        )
        for row in rows
    ]


async def open_by_kind(unit: Unit) -> dict[RequestKind, int]:
    """How many requests of each kind are not yet done, rejected or cancelled."""
    rows = await unit.fetchall(
        f"SELECT kind, COUNT(*) AS open FROM requests WHERE status IN ({_OPEN}) GROUP BY kind"
    )
    return {RequestKind(row["kind"]): int(row["open"]) for row in rows}

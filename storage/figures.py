"""What the managers' Figures page counts, read from the records the bot keeps anyway
(docs/rules.md#figures): requests and their history, ratings, the support-expiry
reminders (each carries a renewal quote) and the monthly key runs.

Every function reads a window of UTC instants (or vendor-local months for what is stored
by local date); grouping by the vendor's days and weeks is the caller's
(``handlers.desk_views.figures``), which knows the time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.columns import date_from_db, time_from_db, time_to_db
from storage.db import Unit
from storage.models import RequestKind, RequestStatus

# A manager's written word to the customer: an answer (a note without a status change) or
# the reason of a rejection (every rejection has one). Both reach the customer; taking a
# request or a bot's note (a card line) do not count (docs/rules.md#figures). An answer
# whose text /forget blanked is still the event it was: a manager's event without text,
# card line or status change, or a rejection without a card line.
_FIRST_REPLY = (
    "SELECT MIN(e.at) FROM request_events e WHERE e.request_id = r.id "
    "AND e.actor LIKE 'manager:%' AND (e.note != '' OR (e.note_line IS NULL "
    "AND (e.to_status IS NULL OR e.to_status = 'rejected')))"
)
# The latest close as done or rejected: a request reopened and closed again counts to its
# last close. Only read for a request that is closed that way now.
_CLOSED = (
    "SELECT MAX(e.at) FROM request_events e WHERE e.request_id = r.id "
    "AND e.to_status IN ('done', 'rejected')"
)
# When the customer rated the request: the history note the rating flow writes.
_RATED = (
    "SELECT MIN(e.at) FROM request_events e WHERE e.request_id = r.id "
    "AND json_extract(e.note_line, '$[0]') = 'history.rating'"
)


@dataclass(frozen=True, slots=True)
class RequestTimes:
    """One request as the Figures page counts it."""

    request_id: int
    kind: RequestKind
    status: RequestStatus
    created_at: datetime
    first_reply_at: datetime | None
    """The first time a manager wrote to the customer on it (None: never)."""
    closed_at: datetime | None
    """When it was closed as done or rejected (the latest such close); None while it is
    open or when it was cancelled."""


def _at(value: str | None) -> datetime | None:
    return time_from_db(value)


async def request_times(unit: Unit, start: datetime, end: datetime) -> list[RequestTimes]:
    """The requests filed in ``[start, end)``, oldest first, with their first manager reply
    and their close."""
    rows = await unit.fetchall(
        f"SELECT r.id, r.kind, r.status, r.created_at, ({_FIRST_REPLY}) AS first_reply_at, "
        f"({_CLOSED}) AS closed_at FROM requests r "
        "WHERE r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at, r.id",
        (time_to_db(start), time_to_db(end)),
        heavy=True,
    )
    found = []
    for row in rows:
        status = RequestStatus(row["status"])
        created = _at(row["created_at"])
        assert created is not None
        closed = status in (RequestStatus.DONE, RequestStatus.REJECTED)
        found.append(
            RequestTimes(
                request_id=row["id"],
                kind=RequestKind(row["kind"]),
                status=status,
                created_at=created,
                first_reply_at=_at(row["first_reply_at"]),
                closed_at=_at(row["closed_at"]) if closed else None,
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class Rating:
    """A customer's rating of a done request, and when it was given."""

    request_id: int
    kind: RequestKind
    rating: int
    rated_at: datetime


async def ratings(unit: Unit, start: datetime, end: datetime) -> list[Rating]:
    """Ratings given in ``[start, end)``, oldest first. A rating recorded without its history
    note (none is, since ratings have one) counts at the request's last change."""
    rows = await unit.fetchall(
        "SELECT * FROM (SELECT r.id, r.kind, r.rating, "
        f"COALESCE(({_RATED}), r.updated_at) AS rated_at FROM requests r "
        "WHERE r.rating IS NOT NULL) WHERE rated_at >= ? AND rated_at < ? "
        "ORDER BY rated_at, id",
        (time_to_db(start), time_to_db(end)),
        heavy=True,
    )
    found = []
    for row in rows:
        rated = _at(row["rated_at"])
        assert rated is not None
        found.append(Rating(row["id"], RequestKind(row["kind"]), int(row["rating"]), rated))
    return found


async def quotes_sent_by_month(unit: Unit, first: date, last: date) -> dict[str, int]:
    """How many renewal quotes people got on a day in ``first..last``, by month 'YYYY-MM'
    (vendor-local days): the support-expiry reminders due (each carries the license's
    quote) and the quotes opened in the chat (``storage.quotes_shown``)."""
    days = (first.isoformat(), last.isoformat())
    rows = await unit.fetchall(
        "SELECT month, SUM(n) AS n FROM ("
        "SELECT substr(due_on, 1, 7) AS month, COUNT(*) AS n FROM reminder_log "
        "WHERE due_on BETWEEN ? AND ? GROUP BY month UNION ALL "
        "SELECT substr(shown_on, 1, 7) AS month, COUNT(*) AS n FROM quotes_shown "
        "WHERE shown_on BETWEEN ? AND ? GROUP BY month) GROUP BY month",
        days + days,
        heavy=True,
    )
    return {row["month"]: int(row["n"]) for row in rows}


@dataclass(frozen=True, slots=True)
class KeyRunMonth:
    """What one month's key run did: how many keys had each outcome."""

    month: str
    """'YYYY-MM'."""
    run_on: date
    finished: bool
    """False: the run was interrupted and not resumed yet."""
    outcomes: dict[str, int]
    """prolonged | excluded_status | support_ended | disconnected → keys."""


async def key_runs(unit: Unit, first_month: str, last_month: str) -> list[KeyRunMonth]:
    """The monthly key runs of ``first_month..last_month`` ('YYYY-MM'), oldest first."""
    batches = await unit.fetchall(
        "SELECT month, run_on, finished_at FROM renewal_batches "
        "WHERE month BETWEEN ? AND ? ORDER BY month",
        (first_month, last_month),
    )
    counts = await unit.fetchall(
        "SELECT month, outcome, COUNT(*) AS n FROM renewal_batch_keys "
        "WHERE month BETWEEN ? AND ? GROUP BY month, outcome",
        (first_month, last_month),
        heavy=True,
    )
    by_month: dict[str, dict[str, int]] = {}
    for row in counts:
        by_month.setdefault(row["month"], {})[row["outcome"]] = int(row["n"])
    found = []
    for row in batches:
        run_on = date_from_db(row["run_on"])
        assert run_on is not None
        found.append(
            KeyRunMonth(
                month=row["month"],
                run_on=run_on,
                finished=row["finished_at"] is not None,
                outcomes=by_month.get(row["month"], {}),
            )
        )
    return found

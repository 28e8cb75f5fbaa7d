"""The web desk's list of requests: filtered, searched and paged in one query.

The search text is matched by the caller against customers (:func:`storage.customers.search`:
name, company, phone, e-mail, license number, key serial) and handed over as customer ids;
here it also finds a request by its number and an unlinked person by the name they filed
under (``details.who.name``). Newest first.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from storage.db import Unit
from storage.models import Request, RequestKind, RequestStatus
from storage.requests import request_from_row

_COLUMNS = (
    "r.id, r.kind, r.status, r.customer_id, r.account_id, r.verified, r.license_id, r.key_id, "
    "r.amount, r.details, r.manager, r.due_at, r.created_at, r.updated_at, r.first_answer_at, "
    "r.rating, r.rating_comment"
)


@dataclass(frozen=True, slots=True)
class RequestQuery:
    #: Only these statuses (empty: any).
    statuses: frozenset[RequestStatus] = frozenset()
    kind: RequestKind | None = None
    #: Handled by this ``requests.manager`` mark; "" for nobody's yet; None: anyone.
    manager: str | None = None
    #: Only these requests (e.g. the overdue ones); None: no such limit.
    only_ids: frozenset[int] | None = None
    #: Searched text: requests of these customers, or with this number, or filed under a
    #: name containing one of ``name_patterns``; all None/empty: no search.
    customer_ids: frozenset[int] = frozenset()
    number: int | None = None
    names: tuple[str, ...] = ()
    searching: bool = False


@dataclass(frozen=True, slots=True)
class RequestPage:
    requests: list[Request]
    total: int


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _in(column: str, values: Collection[object], params: list[object]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


async def find(unit: Unit, query: RequestQuery, *, offset: int, limit: int) -> RequestPage:
    where: list[str] = []
    params: list[object] = []
    if query.statuses:
        where.append(_in("r.status", sorted(s.value for s in query.statuses), params))
    if query.kind is not None:
        where.append("r.kind = ?")
        params.append(query.kind.value)
    if query.manager == "":
        where.append("r.manager IS NULL")
    elif query.manager is not None:
        where.append("r.manager = ?")
        params.append(query.manager)
    if query.only_ids is not None:
        if not query.only_ids:
            return RequestPage([], 0)
        where.append(_in("r.id", sorted(query.only_ids), params))
    if query.searching:
        found: list[str] = []
        if query.customer_ids:
            found.append(_in("r.customer_id", sorted(query.customer_ids), params))
        if query.number is not None:
            found.append("r.id = ?")
            params.append(query.number)
        for name in query.names:
            found.append("json_extract(r.details, '$.who.name') LIKE ? ESCAPE '\\'")
            params.append(_like(name))
        if not found:
            return RequestPage([], 0)
        where.append(f"({' OR '.join(found)})")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    row = await unit.fetchone(f"SELECT COUNT(*) FROM requests r {clause}", params)
    total = int(row[0]) if row else 0
    rows = await unit.fetchall(
        f"SELECT {_COLUMNS} FROM requests r {clause} ORDER BY r.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return RequestPage([request_from_row(row) for row in rows], total)


async def managers_of_open(unit: Unit) -> list[str]:
    """The ``requests.manager`` marks handling open requests (for the list's filter)."""
    rows = await unit.fetchall(
        "SELECT DISTINCT manager FROM requests WHERE manager IS NOT NULL ORDER BY manager"
    )
    return [str(row["manager"]) for row in rows]


async def status_counts(unit: Unit) -> dict[RequestStatus, int]:
    rows = await unit.fetchall("SELECT status, COUNT(*) AS n FROM requests GROUP BY status")
    return {RequestStatus(row["status"]): int(row["n"]) for row in rows}

"""The list of requests: filters (status, kind, manager, waiting for documents, overdue),
search (customer name, phone, license, key serial, request number), pages, and the live
counts the page polls (``/requests/counts``).

"Overdue" is the promise of the first answer broken: a new request nobody has taken or
answered ``desk.first_response_minutes`` of working time after it was filed, counted by
the working calendar exactly as the escalations count it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiohttp_jinja2
from aiohttp import web

from bot.web.app import desk_of, manager_of, page_context, page_count, page_number
from bot.web.desk_bridge import manager_mark
from handlers.desk.cards import RequestDetails, person_label, who_text
from handlers.i18n import Texts, texts
from handlers.policy import Policy
from handlers.rules.calendar import calendar_for
from storage import customers, request_search, requests
from storage.db import Unit
from storage.models import OPEN_STATUSES, Request, RequestKind, RequestStatus
from storage.request_search import RequestQuery

#: Customers a search looks at (a broader search is refined by typing more).
SEARCH_CUSTOMERS = 200
SEARCH_MAX = 100


def answer_due(policy: Policy, filed_at: datetime) -> datetime:
    """When the first answer to a request filed at ``filed_at`` is due."""
    return calendar_for(policy).after_working_minutes(filed_at, policy.desk.first_response_minutes)


def is_overdue(policy: Policy, request: Request, now: datetime) -> bool:
    return (
        request.status is RequestStatus.NEW
        and request.first_answer_at is None
        and answer_due(policy, request.created_at) <= now
    )


async def overdue_ids(unit: Unit, policy: Policy, now: datetime) -> frozenset[int]:
    return frozenset(
        waiting.request_id
        for waiting in await requests.unanswered(unit)
        if answer_due(policy, waiting.created_at) <= now
    )


@dataclass(frozen=True, slots=True)
class Filters:
    """The list's filters as the form sends them (kept for the form and the page links)."""

    status: str = "open"
    kind: str = ""
    manager: str = ""
    documents: bool = False
    overdue: bool = False
    q: str = ""

    @classmethod
    def of(cls, request: web.Request) -> Filters:
        query = request.query
        return cls(
            status=query.get("status", "open"),
            kind=query.get("kind", ""),
            manager=query.get("manager", ""),
            documents=query.get("documents") == "1",
            overdue=query.get("overdue") == "1",
            q=query.get("q", "").strip()[:SEARCH_MAX],
        )

    def link(self, page: int) -> str:
        from urllib.parse import urlencode

        values = {
            "status": self.status,
            "kind": self.kind,
            "manager": self.manager,
            "documents": "1" if self.documents else "",
            "overdue": "1" if self.overdue else "",
            "q": self.q,
            "page": str(page),
        }
        return "/requests?" + urlencode({k: v for k, v in values.items() if v})


def _case_variants(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys([text, text.lower(), text.upper(), text.capitalize(), text.title()]))


async def _query(
    unit: Unit, filters: Filters, mine: str, known_managers: list[str], overdue: frozenset[int]
) -> RequestQuery:
    statuses: frozenset[RequestStatus] = OPEN_STATUSES
    if filters.status == "all":
        statuses = frozenset()
    elif filters.status in {s.value for s in RequestStatus}:
        statuses = frozenset({RequestStatus(filters.status)})
    if filters.documents:
        statuses = frozenset({RequestStatus.WAITING_DOCUMENTS})
    kind = RequestKind(filters.kind) if filters.kind in {k.value for k in RequestKind} else None
    manager: str | None = None
    if filters.manager == "mine":
        manager = mine
    elif filters.manager == "none":
        manager = ""
    elif filters.manager in known_managers:
        manager = filters.manager
    text = filters.q
    number_text = text.removeprefix("№").removeprefix("#").strip()
    found = await customers.search(unit, text, limit=SEARCH_CUSTOMERS) if text else []
    return RequestQuery(
        statuses=statuses,
        kind=kind,
        manager=manager,
        only_ids=overdue if filters.overdue else None,
        customer_ids=frozenset(customer.id for customer in found),
        number=int(number_text) if number_text.isdigit() and len(number_text) <= 12 else None,
        names=_case_variants(text) if text else (),
        searching=bool(text),
    )


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    kind: str
    status: str
    who: str
    #: The customer's page, when the request is a known customer's.
    customer_id: int | None
    filed: str
    manager: str
    overdue: bool


async def _row(unit: Unit, t: Texts, policy: Policy, request: Request, now: datetime) -> Row:
    details = RequestDetails.from_stored(request.details)
    return Row(
        number=request.id,
        kind=t(f"desk.kind_{request.kind.value}"),
        status=t(f"desk.status_{request.status.value}"),
        who=who_text(t, details.who),
        customer_id=request.customer_id,
        filed=t.moment(request.created_at.astimezone(policy.tz)),
        manager=await person_label(unit, t, request.manager) if request.manager else "—",
        overdue=is_overdue(policy, request, now),
    )


async def request_list(request: web.Request) -> web.Response:
    desk = desk_of(request)
    manager = manager_of(request)
    policy = desk.engine.policy
    t = texts(manager.language)
    now = desk.engine.clock()
    filters = Filters.of(request)
    page = page_number(request)
    size = policy.web_desk.page_size
    async with desk.engine.db.unit() as unit:
        known = await request_search.managers_of_open(unit)
        overdue = await overdue_ids(unit, policy, now) if filters.overdue else frozenset()
        query = await _query(unit, filters, manager_mark(manager), known, overdue)
        found = await request_search.find(unit, query, offset=(page - 1) * size, limit=size)
        rows = [await _row(unit, t, policy, r, now) for r in found.requests]
        managers = [(mark, await person_label(unit, t, mark)) for mark in known]
    pages = page_count(found.total, size)
    return aiohttp_jinja2.render_template(
        "requests.html",
        request,
        page_context(
            request,
            rows=rows,
            total=found.total,
            filters=filters,
            page=page,
            pages=pages,
            previous=filters.link(page - 1) if page > 1 else None,
            next=filters.link(page + 1) if page < pages else None,
            statuses=[s.value for s in RequestStatus],
            kinds=[k.value for k in RequestKind],
            managers=managers,
        ),
    )


async def counts(request: web.Request) -> web.Response:
    """The live counts: open, new, overdue, waiting for documents (a fragment)."""
    desk = desk_of(request)
    now = desk.engine.clock()
    async with desk.engine.db.unit() as unit:
        by_status = await request_search.status_counts(unit)
        overdue = len(await overdue_ids(unit, desk.engine.policy, now))
    return aiohttp_jinja2.render_template(
        "counts.html",
        request,
        page_context(
            request,
            open=sum(n for status, n in by_status.items() if status in OPEN_STATUSES),
            new=by_status.get(RequestStatus.NEW, 0),
            documents=by_status.get(RequestStatus.WAITING_DOCUMENTS, 0),
            overdue=overdue,
        ),
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/requests", request_list)
    app.router.add_get("/requests/counts", counts)

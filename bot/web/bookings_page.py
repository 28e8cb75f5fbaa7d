"""The Bookings page: a week of remote sessions as days × the hourly slots of working hours
(:mod:`handlers.desk_views.bookings_week`), each session linking to its request, and one
booking's page where a manager cancels it (with the reason the customer reads) or moves
it to a free start of a chosen day.

Cancelling and moving go through the desk's own actions
(:mod:`handlers.desk.booking_desk`), pressed through the engine as a manager in the chat
presses them (:mod:`bot.web.desk_bridge`): the customer is told, the card is sent again,
and a stale form (the booking cancelled or held meanwhile, the slot taken) is answered in
words and changes nothing. Times are the vendor's, as the booking flow shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import aiohttp_jinja2
from aiohttp import web

from bot.web import desk_bridge
from bot.web.app import (
    NUMBER,
    Notice,
    PageProblem,
    desk_of,
    manager_of,
    page_context,
    see_other,
    session_key,
)
from handlers.desk.booking_desk import free_starts, start_argument
from handlers.desk_views.bookings_week import BookingsWeek, SessionInCell, bookings_week
from handlers.engine.messages import Reply
from handlers.engine.payloads import encode
from handlers.flows.booking.common import local_when
from handlers.i18n import Texts, texts
from handlers.rules.dates import local_today
from storage import bookings
from storage.bookings import CONFIRMED, BookedSession

REASON_MAX = 1000
#: Longest ``?week=`` / ``?day=`` value read (an ISO date is 10 characters).
DATE_MAX = 20


@dataclass(frozen=True, slots=True)
class SessionView:
    booking_id: int
    request_id: int
    who: str
    kind: str
    hours: str
    status: str
    status_text: str
    starts_here: bool
    changeable: bool


@dataclass(frozen=True, slots=True)
class CellView:
    working: bool
    sessions: tuple[SessionView, ...]
    free: str


@dataclass(frozen=True, slots=True)
class DayView:
    label: str
    day: str
    off: str
    today: bool


@dataclass(frozen=True, slots=True)
class RowView:
    time: str
    cells: tuple[CellView, ...]


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:DATE_MAX])
    except ValueError:
        return None


def _who(session: SessionInCell | BookedSession) -> str:
    name = session.customer_name or session.account_name or "—"
    return f"{name} ({session.company})" if session.company else name


def _session_view(t: Texts, session: SessionInCell) -> SessionView:
    end = session.starts_at + timedelta(hours=session.hours)
    return SessionView(
        booking_id=session.booking_id,
        request_id=session.request_id,
        who=_who(session),
        kind=t(f"web.bookings_kind_{session.kind.value}"),
        hours=f"{t.time(session.starts_at)}–{t.time(end)}",
        status=session.status,
        status_text=t(f"web.bookings_status_{session.status}"),
        starts_here=session.starts_here,
        changeable=session.status == CONFIRMED,
    )


def _grid(t: Texts, week: BookingsWeek, today: date) -> tuple[list[DayView], list[RowView]]:
    days = [
        DayView(
            label=t.weekday(d.day, "abbreviated"),
            day=t.date(d.day),
            off="" if d.working else (d.holiday or t("web.bookings_day_off")),
            today=d.day == today,
        )
        for d in week.days
    ]
    rows = [
        RowView(
            time=t.time(slot),
            cells=tuple(
                CellView(
                    working=cell.working,
                    sessions=tuple(_session_view(t, s) for s in cell.sessions),
                    free=t("web.bookings_free", count=cell.free, of=week.consultants)
                    if cell.working
                    else "",
                )
                for cell in row
            ),
        )
        for slot, row in zip(week.slots, week.rows, strict=True)
    ]
    return days, rows


async def bookings_page(request: web.Request) -> web.Response:
    engine = desk_of(request).engine
    policy = engine.policy
    t = texts(manager_of(request).language)
    today = local_today(engine.clock(), policy)
    asked = request.query.get("week", "")
    chosen = parse_date(asked) if asked else today
    error = t("web.bookings_not_a_date") if chosen is None else None
    async with engine.db.unit() as unit:
        week = await bookings_week(unit, day=chosen or today, policy=policy)
    days, rows = _grid(t, week, today)
    last = week.week + timedelta(days=6)
    return aiohttp_jinja2.render_template(
        "bookings.html",
        request,
        page_context(
            request,
            week=week,
            days=days,
            rows=rows,
            error=error,
            week_text=t("web.bookings_week", first=t.date(week.week), last=t.date(last)),
            zone=t.zone(policy.tz),
            this_week=today - timedelta(days=today.weekday()),
        ),
        status=400 if error else 200,
    )


# -- one booking -------------------------------------------------------------------------


def _booking_id(request: web.Request) -> int:
    return int(request.match_info["id"])


async def _load(request: web.Request) -> BookedSession:
    engine = desk_of(request).engine
    async with engine.db.unit() as unit:
        found = await bookings.booked_session(unit, _booking_id(request))
    if found is None:
        raise PageProblem(404, "web.problem_no_booking")
    return found


async def booking_page(request: web.Request) -> web.Response:
    desk = desk_of(request)
    engine = desk.engine
    policy = engine.policy
    t = texts(manager_of(request).language)
    session = await _load(request)
    booking = session.booking
    now = engine.clock()
    today = local_today(now, policy)
    own_day = booking.starts_at.astimezone(policy.tz).date()
    asked = request.query.get("day", "")
    day = parse_date(asked) if asked else max(own_day, today)
    error = t("web.bookings_not_a_date") if day is None else None
    day = day or max(own_day, today)
    starts: list[tuple[str, str]] = []
    if booking.status == CONFIRMED:
        async with engine.db.unit() as unit:
            free = await free_starts(unit, policy, booking, day, now)
        starts = [
            (start_argument(s, policy), t.time(s.astimezone(policy.tz)))
            for s in free
            if s != booking.starts_at
        ]
    notice = desk.notices.get(session_key(request))
    shown = notice if notice is not None and notice.request_id == booking.request_id else None
    return aiohttp_jinja2.render_template(
        "booking.html",
        request,
        page_context(
            request,
            booking=booking,
            who=_who(session),
            kind=t(f"booking.kind_name_{booking.kind}"),
            when=local_when(t, policy, booking.starts_at),
            status_text=t(f"web.bookings_status_{booking.status}"),
            changeable=booking.status == CONFIRMED,
            week=own_day - timedelta(days=own_day.weekday()),
            day=day,
            day_text=t.date(day),
            today=today,
            starts=starts,
            notice=shown,
            error=error,
        ),
        status=400 if error else 200,
    )


def _back(request: web.Request, session: BookedSession, replies: list[Reply]) -> web.Response:
    lines = tuple(reply.text for reply in replies if reply.text)
    desk_of(request).notices[session_key(request)] = Notice(session.booking.request_id, lines)
    return see_other(f"/bookings/{session.booking.id}")


async def cancel(request: web.Request) -> web.Response:
    """Cancel the booking: the desk's "Cancel the booking", then the reason it asks for."""
    desk = desk_of(request)
    manager = manager_of(request)
    session = await _load(request)
    form = await request.post()
    reason = str(form.get("reason", "")).strip()[:REASON_MAX]
    if not reason:
        return _back(request, session, [Reply(texts(manager.language)("web.text_empty"))])
    number = session.booking.request_id
    async with desk.turn(manager.id):
        replies = await desk_bridge.press(
            desk.engine, manager, encode("booking_desk.cancel", number)
        )
        awaited = await desk_bridge.awaited(desk.engine, manager)
        if awaited is not None and awaited.request_id == number:
            replies = await desk_bridge.write(desk.engine, manager, reason)
    return _back(request, session, replies)


async def move(request: web.Request) -> web.Response:
    """Move the booking to the start chosen in the form (``YYYYMMDDHHMM``, vendor-local)."""
    desk = desk_of(request)
    manager = manager_of(request)
    session = await _load(request)
    form = await request.post()
    start = form.get("start")
    if not isinstance(start, str) or len(start) != len("YYYYMMDDHHMM") or not start.isdigit():
        raise PageProblem(400, "web.problem_choose_start")
    payload = encode("booking_desk.move", session.booking.request_id, start)
    async with desk.turn(manager.id):
        replies = await desk_bridge.press(desk.engine, manager, payload)
    return _back(request, session, replies)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/bookings", bookings_page)
    app.router.add_get(f"/bookings/{NUMBER}", booking_page)
    app.router.add_post(f"/bookings/{NUMBER}/cancel", cancel)
    app.router.add_post(f"/bookings/{NUMBER}/move", move)

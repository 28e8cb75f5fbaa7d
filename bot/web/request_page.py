"""One request: its card (the facts of the Telegram card), its whole history, its files,
and the desk's actions.

The buttons are the card's own (:func:`handlers.desk.cards.card_buttons`: take, reply,
done, reject, and a kind's own such as a transfer's), pressed through the engine
as a Telegram manager presses them (:mod:`bot.web.desk_bridge`); a press the page did not
offer (a forged form) is refused. "Reply" and "Reject" take their text in the same form;
a kind's step that waits for text gets the answer box; a session's request takes its
minutes as the desk's ``/minutes`` does. Files are
served only as files of the request in the address, by their number.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

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
from bot.web.customer_page import request_customer
from handlers.desk import cards
from handlers.engine.messages import Button, Reply
from handlers.i18n import Texts, texts
from handlers.rules.uploads import HEAD_BYTES, check_content, file_extension
from scheduler.context import job_context
from storage import requests
from storage.db import Unit
from storage.models import Request, RequestKind
from storage.requests import Attachment, RequestEvent

#: Shown in the browser rather than downloaded, when the content is what the name says.
PREVIEW_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
}
TEXT_MAX = 4000


@dataclass(frozen=True, slots=True)
class HistoryLine:
    when: str
    who: str
    change: str
    #: The bot's own note (a card line in the reader's language).
    noted: str
    #: What a person typed, whole.
    text: str


@dataclass(frozen=True, slots=True)
class FileLine:
    id: int
    name: str
    size: int
    stored: bool
    preview: bool


def _request_id(request: web.Request) -> int:
    return int(request.match_info["id"])


async def _load(unit: Unit, request_id: int) -> Request:
    found = await requests.get(unit, request_id)
    if found is None:
        raise PageProblem(404, "web.problem_no_request")
    return found


async def _history_line(unit: Unit, t: Texts, tz: object, event: RequestEvent) -> HistoryLine:
    change = ""
    if event.to_status is not None:
        to_status = t(f"desk.status_{event.to_status.value}")
        change = (
            t(
                "desk_commands.event_status",
                from_status=t(f"desk.status_{event.from_status.value}"),
                to_status=to_status,
            )
            if event.from_status is not None
            else t("desk_commands.event_filed", status=to_status)
        )
    noted = ""
    if event.note_line is not None:
        try:
            noted = "; ".join(cards.render_lines(t, [event.note_line], tz))
        except KeyError:  # a text since removed from the catalogue
            noted = event.note_line[0]
    return HistoryLine(
        when=t.moment(event.at.astimezone(tz)),  # type: ignore[arg-type]
        who=await cards.person_label(unit, t, event.actor),
        change=change,
        noted=noted,
        text=event.note,
    )


def _previewable(attachment: Attachment) -> bool:
    return file_extension(attachment.original_name) in PREVIEW_TYPES


def _offered(t: Texts, request: Request, notice: Notice | None) -> dict[str, str]:
    """The presses this page offers: payload → label (the card's, the desk's last answer's)."""
    offered = {b.payload: b.label for row in cards.card_buttons(t, request) for b in row}
    if notice is not None and notice.request_id == request.id:
        offered.update({b.payload: b.label for b in notice.buttons})
    return offered


async def request_page(request: web.Request) -> web.Response:
    desk = desk_of(request)
    manager = manager_of(request)
    engine = desk.engine
    t = texts(manager.language)
    now = engine.clock()
    request_id = _request_id(request)
    notice = desk.notices.get(session_key(request))
    async with engine.db.unit() as unit:
        found = await _load(unit, request_id)
        ctx = job_context(unit, engine.policy, engine.desk, now)
        card = await cards.card_text(ctx, t, found)
        customer = await request_customer(unit, t, found.customer_id)
        history = [
            await _history_line(unit, t, engine.policy.tz, event)
            for event in await requests.events(unit, request_id)
        ]
        files = [
            FileLine(a.id, a.original_name, a.size, a.stored_path is not None, _previewable(a))
            for a in await requests.attachments(unit, request_id)
        ]
    # The desk's last answer stays on its request's page (its buttons pressable) until the
    # manager's next action replaces it.
    shown = notice if notice is not None and notice.request_id == request_id else None
    awaited = await desk_bridge.awaited(engine, manager)
    waiting_here = awaited is not None and awaited.request_id in (None, request_id)
    card_buttons = [b for row in cards.card_buttons(t, found) for b in row]
    return aiohttp_jinja2.render_template(
        "request.html",
        request,
        page_context(
            request,
            number=request_id,
            card=card.splitlines(),
            customer=customer,
            history=history,
            files=files,
            buttons=[b for b in card_buttons if not _is_text_action(b)],
            can_reply=any(b.payload.startswith("1:desk_actions.reply:") for b in card_buttons),
            can_reject=any(b.payload.startswith("1:desk_actions.reject:") for b in card_buttons),
            notice=shown,
            awaited=waiting_here and awaited is not None and not awaited.answer,
            session=found.kind is RequestKind.BOOKING,
        ),
    )


def _is_text_action(button: Button) -> bool:
    """Reply and reject: the page asks their text in a form of its own."""
    return button.payload.startswith(("1:desk_actions.reply:", "1:desk_actions.reject:"))


def _notice(request_id: int, replies: list[Reply]) -> Notice:
    return Notice(
        request_id,
        tuple(reply.text for reply in replies if reply.text),
        tuple(button for reply in replies for row in reply.buttons for button in row),
    )


def _back(request: web.Request, request_id: int, replies: list[Reply]) -> web.Response:
    desk_of(request).notices[session_key(request)] = _notice(request_id, replies)
    return see_other(f"/requests/{request_id}")


async def press(request: web.Request) -> web.Response:
    """A card button (or a button of the desk's last answer) pressed."""
    desk = desk_of(request)
    manager = manager_of(request)
    request_id = _request_id(request)
    form = await request.post()
    payload = form.get("payload")
    async with desk.engine.db.unit() as unit:
        found = await _load(unit, request_id)
    offered = _offered(texts(manager.language), found, desk.notices.get(session_key(request)))
    if (
        not isinstance(payload, str)
        or payload not in offered
        or _is_text_action(Button("", payload))
    ):
        raise PageProblem(400, "web.problem_button_gone")
    async with desk.turn(manager.id):
        replies = await desk_bridge.press(desk.engine, manager, payload)
    return _back(request, request_id, replies)


async def _with_text(request: web.Request, action: str) -> web.Response:
    """Reply or reject: the button, then the text the desk asks for."""
    desk = desk_of(request)
    manager = manager_of(request)
    request_id = _request_id(request)
    form = await request.post()
    text = str(form.get("text", "")).strip()[:TEXT_MAX]
    async with desk.engine.db.unit() as unit:
        found = await _load(unit, request_id)
    payload = f"1:desk_actions.{action}:{request_id}"
    if payload not in _offered(texts(manager.language), found, None):
        raise PageProblem(400, "web.problem_button_gone")
    if not text:
        t = texts(manager.language)
        return _back(request, request_id, [Reply(t("web.text_empty"))])
    async with desk.turn(manager.id):
        replies = await desk_bridge.press(desk.engine, manager, payload)
        awaited = await desk_bridge.awaited(desk.engine, manager)
        if awaited is not None and awaited.request_id == request_id:
            replies = await desk_bridge.write(desk.engine, manager, text)
    return _back(request, request_id, replies)


async def reply(request: web.Request) -> web.Response:
    return await _with_text(request, "reply")


async def reject(request: web.Request) -> web.Response:
    return await _with_text(request, "reject")


async def answer(request: web.Request) -> web.Response:
    """The text a desk step of this request waits for (minutes, an amount …)."""
    desk = desk_of(request)
    manager = manager_of(request)
    request_id = _request_id(request)
    form = await request.post()
    text = str(form.get("text", "")).strip()[:TEXT_MAX]
    async with desk.engine.db.unit() as unit:
        await _load(unit, request_id)
    async with desk.turn(manager.id):
        awaited = await desk_bridge.awaited(desk.engine, manager)
        if awaited is None or awaited.request_id not in (None, request_id) or not text:
            raise PageProblem(400, "web.problem_nothing_asked")
        replies = await desk_bridge.write(desk.engine, manager, text)
    return _back(request, request_id, replies)


async def minutes(request: web.Request) -> web.Response:
    """The minutes a remote session took (a booking's request): the desk's ``/minutes``."""
    desk = desk_of(request)
    manager = manager_of(request)
    request_id = _request_id(request)
    form = await request.post()
    spent = str(form.get("minutes", "")).strip()
    async with desk.engine.db.unit() as unit:
        found = await _load(unit, request_id)
    if found.kind is not RequestKind.BOOKING or not spent.isdigit() or len(spent) > 5:
        raise PageProblem(400, "web.problem_minutes_number")
    async with desk.turn(manager.id):
        replies = await desk_bridge.write(desk.engine, manager, f"/minutes {request_id} {spent}")
    return _back(request, request_id, replies)


async def cancel(request: web.Request) -> web.Response:
    desk = desk_of(request)
    request_id = _request_id(request)
    async with desk.engine.db.unit() as unit:
        await _load(unit, request_id)
    manager = manager_of(request)
    async with desk.turn(manager.id):
        replies = await desk_bridge.cancel(desk.engine, manager)
    return _back(request, request_id, replies)


async def file(request: web.Request) -> web.StreamResponse:
    """A file of the request in the address, as a download (or shown, if it may be)."""
    desk = desk_of(request)
    request_id = _request_id(request)
    file_id = int(request.match_info["file"])
    async with desk.engine.db.unit() as unit:
        await _load(unit, request_id)
        found = [a for a in await requests.attachments(unit, request_id) if a.id == file_id]
    if not found or found[0].stored_path is None:
        raise PageProblem(404, "web.problem_no_file")
    attachment = found[0]
    path = Path(attachment.stored_path or "")
    if not await asyncio.to_thread(path.is_file):
        raise PageProblem(404, "web.problem_no_file")
    preview_type = PREVIEW_TYPES.get(file_extension(attachment.original_name))
    inline = request.query.get("view") == "1" and preview_type is not None
    if inline and check_content(attachment.original_name, await asyncio.to_thread(_head, path)):
        inline = False  # the content is not what the name says: download only
    name = quote(attachment.original_name, safe="")
    disposition = "inline" if inline else "attachment"
    headers = {
        "Content-Type": preview_type if inline and preview_type else "application/octet-stream",
        "Content-Disposition": f"{disposition}; filename*=UTF-8''{name}",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    return web.FileResponse(path, headers=headers)


def _head(path: Path) -> bytes:
    with path.open("rb") as opened:
        return opened.read(HEAD_BYTES)


def add_routes(app: web.Application) -> None:
    app.router.add_get(f"/requests/{NUMBER}", request_page)
    app.router.add_post(f"/requests/{NUMBER}/press", press)
    app.router.add_post(f"/requests/{NUMBER}/reply", reply)
    app.router.add_post(f"/requests/{NUMBER}/reject", reject)
    app.router.add_post(f"/requests/{NUMBER}/answer", answer)
    app.router.add_post(f"/requests/{NUMBER}/cancel", cancel)
    app.router.add_post(f"/requests/{NUMBER}/minutes", minutes)
    app.router.add_get(rf"/requests/{NUMBER}/files/{{file:\d{{1,12}}}}", file)

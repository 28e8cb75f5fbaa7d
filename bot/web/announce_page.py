"""The Announcements page: compose an announcement to chosen customers, count its
recipients, preview it, send it to oneself, send it, and follow what became of it
(docs/rules.md#announcements).

The work is :mod:`handlers.desk.announcing`'s, the same as the manager chat's
``/announce``: one draft (:class:`~handlers.desk.announcing.Draft`), counted, rendered and
queued by the same functions. The page carries the draft in its form (every action posts
the whole form and gets the page back filled in), so nothing is kept between actions but
the confirmation of a send: "Send…" shows the final numbers and a one-time "Send now"; a
second press of it, or a draft changed since, sends nothing more.

"Test send to me" goes to the private chat of the messenger account the web manager is
linked with (the one that asked for their sign-in link); a web manager with none is told
so. An announcement sent from the page is reported on its own page (``/announce/N``),
which reloads itself (no script) until every message is delivered or given up.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import aiohttp_jinja2
from aiohttp import web
from multidict import MultiMapping

from bot.web import desk_bridge
from bot.web.app import NUMBER, PageProblem, desk_of, manager_of, page_context, see_other
from handlers.desk import announcing
from handlers.desk.announcing import Counts, Draft
from handlers.i18n import LANGUAGES, Texts, texts
from handlers.rules.announcements import SupportStatus
from handlers.rules.dates import local_today
from storage import accounts, announcements, products
from storage.announcements import Announcement
from storage.models import Platform
from storage.web_managers import WebManager

#: Characters of one language's text (a messenger message is at most 4,096).
TEXT_MAX = 4000
#: Announcements listed under the form.
LISTED = 20
#: Seconds between the reloads of an announcement's page while messages still go out.
REFRESH_SECONDS = 10
#: Confirmations of a send kept at once (the oldest are forgotten first).
CONFIRMATIONS_KEPT = 200
MESSENGERS = (Platform.TELEGRAM.value, Platform.VK.value)
PROTECTION = ("", "yes", "no")


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A "Send now" offered: whose, for which draft, and the announcement once sent."""

    manager_id: int
    draft: Draft
    sent: int | None = None


CONFIRMATIONS = web.AppKey("desk.announce_confirmations", dict[str, Confirmation])


@dataclass(frozen=True, slots=True)
class Preview:
    title: str
    text: str
    buttons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Listed:
    id: int
    line: str


# -- the form -----------------------------------------------------------------------------


def _days(raw: str, default: int) -> int | None:
    raw = raw.strip()
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) <= announcing.MAX_DAYS:
        return None
    return int(raw)


def draft_from_form(
    t: Texts,
    form: MultiMapping[object],
    *,
    product_ids: Iterable[int],
    buttons: Iterable[str],
    days_default: Mapping[SupportStatus, int],
) -> tuple[Draft, list[str]]:
    """The draft the form describes, and what is wrong with it (nothing: it can be used).
    A choice the form never offers (a forged one) is dropped."""

    def one(name: str) -> str:
        value = form.get(name, "")
        return value if isinstance(value, str) else ""

    def many(name: str, allowed: Iterable[str]) -> tuple[str, ...]:
        chosen = {v for v in form.getall(name, []) if isinstance(v, str)}
        return tuple(v for v in allowed if v in chosen)

    errors: list[str] = []
    written = {code: one(f"text_{code}").replace("\r\n", "\n").strip() for code in LANGUAGES}
    if any(len(text) > TEXT_MAX for text in written.values()):
        errors.append(t("web_announce.too_long", max=TEXT_MAX))
    fallback = one("fallback") if one("fallback") in LANGUAGES else ""
    if fallback and not written.get(fallback):
        errors.append(t("web_announce.fallback_empty", language=t.language_name(fallback)))
    button = one("button") if one("button") in tuple(buttons) else "none"
    known = {str(p): p for p in product_ids}
    try:
        support = SupportStatus(one("support") or SupportStatus.ANY.value)
    except ValueError:
        support = SupportStatus.ANY
    days = 0
    if support.takes_days:
        found = _days(one("days"), days_default.get(support, 0))
        if found is None:
            errors.append(t("announce.days_hint"))
        days = found or 0
    draft = Draft(
        text_ru=written["ru"],
        text_en=written["en"],
        text_bg=written["bg"],
        fallback=fallback,
        button=button,
        platforms=many("platform", MESSENGERS),
        languages=many("language", LANGUAGES),
        linked_only=one("linked_only") == "1",
        products=tuple(known[v] for v in many("product", known)),
        support=support,
        support_days=days,
        protection=one("protection") if one("protection") in PROTECTION else "",
    )
    return draft, errors


def _buttons_offered(request: web.Request) -> tuple[str, ...]:
    """The announcement's buttons this vendor has ("Renew support" needs the renewal)."""
    flows = desk_of(request).engine.flows
    return tuple(b for b in announcing.BUTTONS if b != "renew" or "renewal" in flows)


def _days_default(request: web.Request) -> dict[SupportStatus, int]:
    policy = desk_of(request).engine.policy.announcements
    return {
        SupportStatus.ENDS_WITHIN: policy.ends_within_days,
        SupportStatus.LAPSED_OVER: policy.lapsed_over_days,
    }


# -- the page -----------------------------------------------------------------------------


async def _page(
    request: web.Request,
    draft: Draft,
    *,
    errors: Iterable[str] = (),
    counts: Counts | None = None,
    previews: Iterable[Preview] = (),
    notice: str | None = None,
    confirm: tuple[str, list[str]] | None = None,
) -> web.Response:
    engine = desk_of(request).engine
    manager = manager_of(request)
    t = texts(manager.language)
    async with engine.db.unit() as unit:
        offered = await products.all(unit)
        listed = [
            Listed(sent.id, await announcing.progress_line(unit, t, sent, engine.policy.tz))
            for sent in await announcements.latest(unit, LISTED)
        ]
    shown_errors = list(errors)
    return aiohttp_jinja2.render_template(
        "announce.html",
        request,
        page_context(
            request,
            draft=draft,
            languages=LANGUAGES,
            messengers=MESSENGERS,
            products=[(p.id, p.name) for p in offered],
            buttons=_buttons_offered(request),
            statuses=list(SupportStatus),
            protection=PROTECTION,
            errors=shown_errors,
            count_lines=announcing.count_lines(t, counts) if counts is not None else [],
            previews=list(previews),
            notice=notice,
            confirm=confirm,
            listed=listed,
            text_max=TEXT_MAX,
            max_days=announcing.MAX_DAYS,
        ),
        status=400 if shown_errors else 200,
    )


async def show(request: web.Request) -> web.Response:
    return await _page(request, Draft())


async def act(request: web.Request) -> web.StreamResponse:
    """One action on the draft the form carries: count, preview, test send, send."""
    engine = desk_of(request).engine
    manager = manager_of(request)
    t = texts(manager.language)
    form = await request.post()
    async with engine.db.unit() as unit:
        product_ids = [p.id for p in await products.all(unit)]
    draft, errors = draft_from_form(
        t,
        form,
        product_ids=product_ids,
        buttons=_buttons_offered(request),
        days_default=_days_default(request),
    )
    action = form.get("do")
    if errors:
        return await _page(request, draft, errors=errors)
    now = engine.clock()
    today = local_today(now, engine.policy)
    async with engine.db.unit() as unit:
        counts = await announcing.count(unit, draft, today)
    if action in ("preview", "sample", "confirm", "send") and not draft.texts:
        return await _page(request, draft, errors=[t("announce.no_texts_yet")], counts=counts)
    if action == "preview":
        return await _page(request, draft, counts=counts, previews=_previews(t, draft, counts))
    if action == "sample":
        problem = await _send_sample(request, manager, draft, now)
        if problem is not None:
            return await _page(request, draft, errors=[problem], counts=counts)
        return await _page(request, draft, counts=counts, notice=t("announce.test_sent"))
    if action in ("confirm", "send"):
        if counts.recipients == 0:
            return await _page(request, draft, errors=[t("announce.nobody")], counts=counts)
        token = form.get("confirmation")
        if action == "send" and isinstance(token, str):
            return await _send(request, manager, draft, token, counts)
        return await _page(
            request, draft, counts=counts, confirm=_confirm(request, t, draft, counts)
        )
    return await _page(request, draft, counts=counts)


def _previews(t: Texts, draft: Draft, counts: Counts) -> list[Preview]:
    shown = []
    for code in announcing.preview_languages(draft, counts):
        rendered = announcing.render_for(draft, code, 0, None)
        if rendered is not None:
            shown.append(
                Preview(
                    t("announce.preview_title", language=t.language_name(code)),
                    rendered.text,
                    tuple(button.label for row in rendered.buttons for button in row),
                )
            )
    return shown


async def _send_sample(
    request: web.Request, manager: WebManager, draft: Draft, now: datetime
) -> str | None:
    """Queue the test message to the manager's own messenger chat; the problem if none."""
    t = texts(manager.language)
    platform, _, user_id = (manager.messenger or "").partition(":")
    if platform not in MESSENGERS or not user_id:
        return t("web_announce.no_messenger")
    db = desk_of(request).engine.db
    async with db.unit() as unit:
        account = await accounts.find(unit, Platform(platform), user_id)
        language = account.language if account is not None else manager.language
        await announcing.queue_sample(unit, draft, Platform(platform), user_id, language, now=now)
    return None


def _confirm(request: web.Request, t: Texts, draft: Draft, counts: Counts) -> tuple[str, list[str]]:
    """A one-time "Send now" for this draft: its token and the final numbers."""
    kept = request.app[CONFIRMATIONS]
    while len(kept) >= CONFIRMATIONS_KEPT:
        kept.pop(next(iter(kept)))
    token = secrets.token_urlsafe(16)
    kept[token] = Confirmation(manager_of(request).id, draft)
    lines = [t("announce.confirm", count=counts.recipients)]
    if counts.left_out:
        lines.append(t("announce.left_out", count=counts.left_out))
    return token, lines


async def _send(
    request: web.Request, manager: WebManager, draft: Draft, token: str, counts: Counts
) -> web.StreamResponse:
    t = texts(manager.language)
    kept = request.app[CONFIRMATIONS]
    confirmed = kept.get(token)
    if confirmed is not None and confirmed.manager_id == manager.id and confirmed.sent:
        return see_other(f"/announce/{confirmed.sent}")  # pressed twice: sent once
    if confirmed is None or confirmed.manager_id != manager.id or confirmed.draft != draft:
        return await _page(
            request,
            draft,
            counts=counts,
            notice=t("web_announce.confirm_again"),
            confirm=_confirm(request, t, draft, counts),
        )
    engine = desk_of(request).engine
    author = announcing.Author(
        actor=desk_bridge.manager_mark(manager),
        platform=Platform.WEB,
        chat_id=desk_bridge.manager_user_id(manager),
        language=manager.language,
    )
    now = engine.clock()
    async with engine.db.unit() as unit:
        number, _ = await announcing.send(
            unit, draft, author, today=local_today(now, engine.policy), now=now
        )
    kept[token] = Confirmation(manager.id, draft, sent=number)
    return see_other(f"/announce/{number}")


# -- one announcement ---------------------------------------------------------------------


async def report(request: web.Request) -> web.Response:
    engine = desk_of(request).engine
    t = texts(manager_of(request).language)
    async with engine.db.unit() as unit:
        sent = await announcements.get(unit, int(request.match_info["id"]))
        if sent is None:
            raise PageProblem(404, "web.problem_no_announcement")
        progress = await announcements.progress(unit, sent.id)
    return aiohttp_jinja2.render_template(
        "announce_report.html",
        request,
        page_context(
            request,
            sent=sent,
            when=t.moment(sent.created_at.astimezone(engine.policy.tz)),
            sent_texts=_texts_of(t, sent),
            progress=progress,
            refresh=REFRESH_SECONDS if not progress.finished else None,
            final=(
                t(
                    "announce.report",
                    number=sent.id,
                    recipients=sent.recipients,
                    delivered=progress.delivered,
                    blocked=progress.blocked,
                    failed=progress.failed,
                    pressed=progress.pressed,
                    left_out=sent.left_out,
                )
                if progress.finished
                else None
            ),
        ),
    )


def _texts_of(t: Texts, sent: Announcement) -> list[tuple[str, str]]:
    return [(t.language_name(code), sent.texts[code]) for code in LANGUAGES if sent.texts.get(code)]


def add_routes(app: web.Application) -> None:
    app[CONFIRMATIONS] = {}
    app.router.add_get("/announce", show)
    app.router.add_post("/announce", act)
    app.router.add_get(f"/announce/{NUMBER}", report)

"""The web desk's aiohttp application: templates, security headers, sessions, CSRF, routes.

* Every page but the sign-in pages (and ``/static``, ``/healthz``, ``/metrics``) needs a
  session: without one a page redirects to ``/signin``.
* Every POST carries the session's CSRF token (the sign-in forms: the one in their own
  cookie); a missing or wrong one is refused with 403 and changes nothing.
* Bad input (an unknown id in an address, a stale form, a button no longer on the page)
  is :class:`PageProblem`: a page saying what is wrong in the manager's language (before
  sign-in, the browser's), with its HTTP status; nothing changes.
* Every response carries the security headers (:func:`_security_headers`); pages, which
  hold personal data, are never cached.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.health import Monitor
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Button
from handlers.i18n import pick_language, texts
from handlers.rules.uploads import BYTES_PER_MB
from storage import web_managers, web_sessions
from storage.web_managers import WebManager
from storage.web_sessions import WebSession

HERE = Path(__file__).parent
SESSION_COOKIE = "desk_session"
#: The sign-in forms' CSRF token (before there is a session).
SIGN_IN_COOKIE = "desk_sign_in"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: A number in a page's address (a request, a booking, an announcement): at most 12 digits,
#: so anything else matches no page (and never overflows SQLite's integers).
NUMBER = r"{id:\d{1,12}}"
#: Pages anyone may open.
PUBLIC_PATHS = ("/signin", "/healthz", "/metrics")
PUBLIC_PREFIXES = ("/signin/", "/static/")


class PageProblem(Exception):
    """Bad input on a desk page, answered with ``status`` and a page saying the text of
    the catalogue key ``key`` (``web.problem_*``, or a page's own)."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


def browser_language(request: web.Request) -> str:
    """The language of pages shown before sign-in: the browser's first choice we speak."""
    return pick_language(request.headers.get("Accept-Language", "").split(",")[0])


@dataclass(frozen=True, slots=True)
class Notice:
    """What the desk answered a manager's last action on a request, shown on its page until
    the next action: the engine's replies and the buttons they offer."""

    request_id: int
    lines: tuple[str, ...]
    buttons: tuple[Button, ...] = ()


@dataclass
class WebDesk:
    """What every page of the desk uses."""

    engine: Engine
    #: Cookies marked Secure (the desk is served over https).
    secure_cookies: bool = False
    #: The answer to each session's last action (until the next one or the sign-out).
    notices: dict[str, Notice] = field(default_factory=dict)
    #: One action at a time per manager: the desk's "type the answer" steps live in the
    #: manager's one chat, so a press and its text from two tabs must not interleave.
    turns: dict[int, asyncio.Lock] = field(default_factory=dict)

    def turn(self, manager_id: int) -> asyncio.Lock:
        return self.turns.setdefault(manager_id, asyncio.Lock())

    @property
    def desk(self) -> ManagerDesk:
        return self.engine.desk


DESK = web.AppKey("desk", WebDesk)
MANAGER = web.RequestKey("desk.manager", WebManager)
SESSION = web.RequestKey("desk.session", WebSession)


def desk_of(request: web.Request) -> WebDesk:
    return request.app[DESK]


def manager_of(request: web.Request) -> WebManager:
    return request[MANAGER]


def session_of(request: web.Request) -> WebSession:
    return request[SESSION]


def session_key(request: web.Request) -> str:
    return request.cookies.get(SESSION_COOKIE, "")


def same_token(given: object, expected: str) -> bool:
    return isinstance(given, str) and bool(expected) and hmac.compare_digest(given, expected)


def see_other(location: str) -> web.Response:
    """A redirect after a POST (a response to set cookies on, not an exception)."""
    return web.Response(status=303, headers={"Location": location})


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _sessions(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A page's session and manager; the CSRF token of a POST."""
    if _is_public(request.path):
        return await handler(request)
    desk = desk_of(request)
    cookie = session_key(request)
    session: WebSession | None = None
    manager: WebManager | None = None
    if cookie:
        async with desk.engine.db.unit() as unit:
            session = await web_sessions.find(unit, cookie, desk.engine.clock())
            if session is not None:
                manager = await web_managers.get(unit, session.manager_id)
    if session is None or manager is None:
        if request.method == "GET":
            raise web.HTTPSeeOther("/signin")
        raise PageProblem(403, "web.problem_sign_in_first")
    request[SESSION] = session
    request[MANAGER] = manager
    if request.method == "POST":
        form = await request.post()
        if not same_token(form.get("csrf"), session.csrf):
            raise PageProblem(403, "web.problem_form_expired")
    return await handler(request)


@web.middleware
async def _problems(request: web.Request, handler: Handler) -> web.StreamResponse:
    """:class:`PageProblem` (and an address that is no page) as a page in the manager's
    language (the browser's before sign-in), with the desk's bar when signed in."""
    try:
        try:
            return await handler(request)
        except (web.HTTPNotFound, web.HTTPMethodNotAllowed) as unknown:  # no such page
            raise PageProblem(unknown.status, "web.problem_no_page") from None
    except PageProblem as problem:
        if MANAGER in request:
            t = texts(manager_of(request).language)
            context = page_context(request)
        else:
            language = browser_language(request)
            t = texts(language)
            context = {"t": t, "language": language, "path": request.path}
        context["message"] = t(problem.key)
        return aiohttp_jinja2.render_template(
            "problem.html", request, context, status=problem.status
        )


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    if not request.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"


def web_application(
    engine: Engine,
    *,
    secure_cookies: bool = False,
    monitor: Monitor | None = None,
    outbox_max_age: float = 600,
) -> web.Application:
    """The desk for ``engine``'s database and desk; ``/healthz`` and ``/metrics`` too when
    ``monitor`` is given."""
    from bot.web import (
        announce_page,
        bookings_page,
        customer_page,
        data_page,
        figures_page,
        navigation,
        request_list,
        request_page,
        sign_in,
    )

    # A form's body: the largest CSV the Data page imports, and a little for the form.
    body_max = (engine.policy.web_desk.import_max_mb + 1) * BYTES_PER_MB
    app = web.Application(middlewares=[_problems, _sessions], client_max_size=body_max)
    app[DESK] = WebDesk(engine, secure_cookies=secure_cookies)
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app.on_response_prepare.append(_security_headers)
    app.router.add_static("/static/", HERE / "static", append_version=True)
    sign_in.add_routes(app)
    request_list.add_routes(app)
    request_page.add_routes(app)
    bookings_page.add_routes(app)
    figures_page.add_routes(app)
    data_page.add_routes(app)
    customer_page.add_routes(app)
    announce_page.add_routes(app)
    navigation.add_routes(app)
    if monitor is not None:
        from bot.monitoring import add_monitoring_routes

        add_monitoring_routes(app, monitor, engine.db, outbox_max_age=outbox_max_age)
    return app


def page_number(request: web.Request) -> int:
    """The list page asked for (``?page=``); anything but a positive number is the first."""
    try:
        return max(1, int(request.query.get("page", "1")))
    except ValueError:
        return 1


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def page_context(request: web.Request, **values: object) -> dict[str, object]:
    """What every signed-in page's template gets: the texts, the manager, the CSRF token,
    the navigation."""
    from bot.web.navigation import NAVIGATION

    manager = manager_of(request)
    return {
        "t": texts(manager.language),
        "manager": manager,
        "csrf": session_of(request).csrf,
        "navigation": NAVIGATION,
        "path": request.path,
        **values,
    }

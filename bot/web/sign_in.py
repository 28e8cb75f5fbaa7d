"""Signing in and out: login and password, or a one-time link from ``/web``.

Failed attempts are counted per login and per address within
``policy.web_desk.attempts_window_minutes``; past either limit the desk does not check the
password at all until the window has moved on. A link opened in the browser shows a
button: only pressing it (a POST) uses the link, so a messenger's link preview cannot.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

import aiohttp_jinja2
from aiohttp import web

from bot.web.app import (
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    PageProblem,
    browser_language,
    desk_of,
    same_token,
    see_other,
    session_key,
)
from bot.web.passwords import verify_password
from handlers.i18n import Texts, texts
from storage import web_managers, web_sessions
from storage.web_managers import WebManager

log = logging.getLogger(__name__)

#: Characters of a login the form takes (longer is no login of ours).
LOGIN_MAX = 64
PASSWORD_MAX = 1024


def _texts(request: web.Request) -> Texts:
    return texts(browser_language(request))


def _page(
    request: web.Request,
    template: str,
    *,
    status: int = 200,
    error: str | None = None,
    **values: object,
) -> web.Response:
    """A sign-in page with a fresh form token in its own cookie."""
    token = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(24)
    response = aiohttp_jinja2.render_template(
        template,
        request,
        {
            "t": _texts(request),
            "language": browser_language(request),
            "csrf": token,
            "error": error,
            **values,
        },
        status=status,
    )
    response.set_cookie(
        SIGN_IN_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        secure=desk_of(request).secure_cookies,
        path="/signin",
    )
    return response


async def sign_in_page(request: web.Request) -> web.Response:
    return _page(request, "sign_in.html", login="")


async def sign_in(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    if not same_token(form.get("csrf"), request.cookies.get(SIGN_IN_COOKIE, "")):
        raise PageProblem(403, "web.problem_form_expired")
    login = str(form.get("login", "")).strip()[:LOGIN_MAX]
    password = str(form.get("password", ""))[:PASSWORD_MAX]
    address = request.remote or "unknown"
    desk = desk_of(request)
    limits = desk.engine.policy.web_desk
    now = desk.engine.clock()
    t = _texts(request)
    since = now - timedelta(minutes=limits.attempts_window_minutes)
    async with desk.engine.db.unit() as unit:
        by_login = await web_sessions.failures_since(unit, since, login=login)
        by_address = await web_sessions.failures_since(unit, since, address=address)
    if by_login >= limits.attempts_per_login or by_address >= limits.attempts_per_address:
        log.warning("web sign-in refused: too many failed attempts")
        error = t("web.sign_in_too_many", minutes=limits.attempts_window_minutes)
        return _page(request, "sign_in.html", status=429, error=error, login=login)
    async with desk.engine.db.unit() as unit:
        manager = await web_managers.by_login(unit, login) if login else None
    ok = (
        verify_password(manager.password_hash if manager else None, password)
        and manager is not None
        and not manager.disabled
    )
    async with desk.engine.db.unit() as unit:
        await web_sessions.record_attempt(unit, login, address, success=ok, now=now)
    if not ok or manager is None:
        error = t("web.sign_in_wrong")
        return _page(request, "sign_in.html", status=401, error=error, login=login)
    return await _start_session(request, manager)


async def link_page(request: web.Request) -> web.Response:
    return _page(request, "sign_in_link.html", token=request.match_info["token"])


async def use_link(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    if not same_token(form.get("csrf"), request.cookies.get(SIGN_IN_COOKIE, "")):
        raise PageProblem(403, "web.problem_form_expired")
    desk = desk_of(request)
    now = desk.engine.clock()
    async with desk.engine.db.unit() as unit:
        manager = await web_managers.use_link(unit, request.match_info["token"], now)
    if manager is None:
        error = _texts(request)("web.link_invalid")
        return _page(request, "sign_in.html", status=410, error=error, login="")
    return await _start_session(request, manager)


async def _start_session(request: web.Request, manager: WebManager) -> web.StreamResponse:
    desk = desk_of(request)
    now = desk.engine.clock()
    hours = desk.engine.policy.web_desk.session_hours
    cookie = secrets.token_urlsafe(32)
    async with desk.engine.db.unit() as unit:
        await web_sessions.end_expired(unit, now)
        await web_sessions.create(
            unit,
            cookie,
            manager_id=manager.id,
            csrf=secrets.token_urlsafe(32),
            now=now,
            expires_at=now + timedelta(hours=hours),
        )
    log.info("web desk: manager %s signed in", manager.id)
    response = see_other("/")
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=hours * 3600,
        httponly=True,
        samesite="Lax",
        secure=desk.secure_cookies,
        path="/",
    )
    response.del_cookie(SIGN_IN_COOKIE, path="/signin")
    return response


async def sign_out(request: web.Request) -> web.StreamResponse:
    desk = desk_of(request)
    async with desk.engine.db.unit() as unit:
        await web_sessions.end(unit, session_key(request))
    desk.notices.pop(session_key(request), None)
    response = see_other("/signin")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/signin", sign_in_page)
    app.router.add_post("/signin", sign_in)
    app.router.add_get("/signin/link/{token}", link_page)
    app.router.add_post("/signin/link/{token}", use_link)
    app.router.add_post("/signout", sign_out)

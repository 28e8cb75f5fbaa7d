"""The desk's navigation bar and the pages every manager has: the start page and the
language.

:data:`NAVIGATION` lists the sections in the bar; a section added later (the figures, the
customers, the bookings) appends its entry here and adds its routes in
:func:`bot.web.app.web_application`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from bot.web.app import PageProblem, desk_of, manager_of
from handlers.i18n import LANGUAGES
from storage import accounts, web_managers
from storage.models import Platform


@dataclass(frozen=True, slots=True)
class Section:
    #: The catalogue key of its name in the bar.
    label: str
    path: str


NAVIGATION: list[Section] = [
    Section("web.nav_requests", "/requests"),
    Section("web_customer.nav", "/customers"),
    Section("web.nav_bookings", "/bookings"),
    Section("web.nav_figures", "/figures"),
    Section("web.nav_data", "/data"),
    Section("web_announce.nav", "/announce"),
]


async def start(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther(NAVIGATION[0].path)


async def choose_language(request: web.Request) -> web.StreamResponse:
    """The manager's language of the desk (and of the desk's answers to them)."""
    form = await request.post()
    language = form.get("language")
    if language not in LANGUAGES:
        raise PageProblem(400, "web.problem_unknown_language")
    assert isinstance(language, str)
    manager = manager_of(request)
    db = desk_of(request).engine.db
    async with db.unit() as unit:
        await web_managers.set_language(unit, manager.id, language)
        account = await accounts.find(unit, Platform.WEB, str(manager.id))
        if account is not None:
            await accounts.set_language(unit, account.id, language)
    back = form.get("back")
    local = isinstance(back, str) and back.startswith("/") and not back.startswith(("//", "/\\"))
    target = back if local and isinstance(back, str) else "/"
    raise web.HTTPSeeOther(target)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", start)
    app.router.add_post("/language", choose_language)

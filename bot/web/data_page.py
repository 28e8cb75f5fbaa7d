"""The Data page: the vendor's CSV imported by upload, and the requests and customers as
CSV downloads.

The import is the manager chat's (:func:`storage.importer.import_csv`, the report worded by
:mod:`handlers.desk.import_report`): rows with errors are skipped and listed, the good rows
are imported. The file is checked as the chat checks one (a ``.csv`` name, text content),
and its size against ``web_desk.import_max_mb``. It runs in the background; its page shows
a progress bar and reloads itself (a ``<meta http-equiv="refresh">``, no script) until the
report is in. An import's page is its manager's own: another's, or an unknown one, is 404.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import aiohttp_jinja2
from aiohttp import web

from bot.web.app import DESK, PageProblem, desk_of, manager_of, page_context
from handlers.desk.data_exports import customers_export, requests_export
from handlers.desk.import_report import kept_lines, problem_lines, summary_lines
from handlers.i18n import texts
from handlers.rules.dates import local_today
from handlers.rules.uploads import HEAD_BYTES, check_content, check_upload
from storage.importer import ImportReport, import_csv

log = logging.getLogger(__name__)
IMPORT_TYPES = ("csv",)
#: Seconds between the progress page's reloads.
REFRESH_SECONDS = 1


@dataclass
class ImportRun:
    manager_id: int
    name: str
    done: int = 0
    total: int = 0
    report: ImportReport | None = None
    failed: bool = False
    task: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def finished(self) -> bool:
        return self.report is not None or self.failed


IMPORTS = web.AppKey("desk.imports", dict[str, ImportRun])


async def data_page(request: web.Request, *, error: str | None = None) -> web.Response:
    policy = desk_of(request).engine.policy
    return aiohttp_jinja2.render_template(
        "data.html",
        request,
        page_context(request, error=error, max_mb=policy.web_desk.import_max_mb),
        status=400 if error else 200,
    )


async def show(request: web.Request) -> web.Response:
    return await data_page(request)


def _save(content: bytes) -> Path:
    handle, name = tempfile.mkstemp(prefix="web-import-", suffix=".csv")
    with open(handle, "wb") as file:
        file.write(content)
    return Path(name)


async def upload(request: web.Request) -> web.StreamResponse:
    desk = desk_of(request)
    manager = manager_of(request)
    policy = desk.engine.policy
    t = texts(manager.language)
    form = await request.post()
    sent = form.get("file")
    if not isinstance(sent, web.FileField):
        return await data_page(request, error=t("web.data_no_file"))
    name = sent.filename or ""
    content = await asyncio.to_thread(sent.file.read)
    max_mb = policy.web_desk.import_max_mb
    problem = check_upload(name, len(content), allowed_types=IMPORT_TYPES, max_mb=max_mb)
    if problem is not None:
        message = t(f"uploads.{problem.value}", types="CSV", max_mb=max_mb)
        return await data_page(request, error=message)
    if check_content(name, content[:HEAD_BYTES]) is not None:
        return await data_page(request, error=t("uploads.import_not_text", name=name))
    path = await asyncio.to_thread(_save, content)
    run = ImportRun(manager.id, name)
    key = secrets.token_urlsafe(16)
    request.app[IMPORTS][key] = run
    run.task = asyncio.create_task(_run(request.app, run, path))
    raise web.HTTPSeeOther(f"/data/imports/{key}")


async def _run(app: web.Application, run: ImportRun, path: Path) -> None:
    engine = app[DESK].engine
    now = engine.clock()

    def progress(done: int, total: int) -> None:
        run.done, run.total = done, total

    try:
        run.report = await import_csv(
            engine.db,
            path,
            now=now,
            today=local_today(now, engine.policy),
            progress=progress,
            default_support_months=engine.policy.support.default_term_months,
        )
    except OSError:
        log.exception("web import failed")
        run.failed = True
    finally:
        with contextlib.suppress(OSError):
            await asyncio.to_thread(path.unlink)


async def import_page(request: web.Request) -> web.Response:
    run = request.app[IMPORTS].get(request.match_info["key"])
    manager = manager_of(request)
    if run is None or run.manager_id != manager.id:
        raise PageProblem(404, "web.problem_no_import")
    t = texts(manager.language)
    lines: list[str] = []
    errors: list[str] = []
    if run.report is not None:
        lines = summary_lines(t, run.name, run.report) + kept_lines(t, run.report)
        errors = problem_lines(t, run.report.errors)
    elif run.failed:
        lines = [t("desk_commands.import_failed", name=run.name)]
    return aiohttp_jinja2.render_template(
        "data_import.html",
        request,
        page_context(
            request,
            run=run,
            lines=lines,
            errors=errors,
            refresh=None if run.finished else REFRESH_SECONDS,
        ),
    )


async def _download(request: web.Request, which: str) -> web.Response:
    desk = desk_of(request)
    t = texts(manager_of(request).language)
    async with desk.engine.db.unit() as unit:
        if which == "requests":
            export = await requests_export(unit, t, desk.engine.policy.tz)
        else:
            export = await customers_export(unit, t)
    today = local_today(desk.engine.clock(), desk.engine.policy)
    name = quote(f"{t(f'web.data_file_{which}')}-{today.isoformat()}.csv", safe="")
    return web.Response(
        body=export.content,
        headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": f"attachment; filename*=UTF-8''{name}",
        },
    )


async def requests_csv(request: web.Request) -> web.Response:
    return await _download(request, "requests")


async def customers_csv(request: web.Request) -> web.Response:
    return await _download(request, "customers")


def add_routes(app: web.Application) -> None:
    app[IMPORTS] = {}
    app.router.add_get("/data", show)
    app.router.add_post("/data/import", upload)
    app.router.add_get("/data/imports/{key}", import_page)
    app.router.add_get("/data/requests.csv", requests_csv)
    app.router.add_get("/data/customers.csv", customers_csv)

"""``/healthz`` and ``/metrics`` on ``METRICS_PORT``: an aiohttp server in the bot's process
(a service of ``python -m bot run``, :func:`bot.run.background_services`).

* ``GET /healthz``: 200 with ``{"status": "ok", "checks": {...}}`` when every check of
  :meth:`bot.health.Monitor.health` passes, 503 with the failing ones otherwise;
* ``GET /metrics``: the Prometheus text format (:mod:`bot.metrics`), the outbox and request
  gauges read from the database first.

It listens on ``METRICS_HOST`` (this machine only by default): neither page needs to be
reachable from the internet.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.app import App
from bot.health import Monitor
from storage.db import Database

log = logging.getLogger(__name__)


def add_monitoring_routes(
    app: web.Application, monitor: Monitor, db: Database, *, outbox_max_age: float
) -> None:
    """``/healthz`` and ``/metrics`` on ``app`` (this server's or the web desk's)."""

    async def healthz(request: web.Request) -> web.Response:
        health = await monitor.health(db, outbox_max_age=outbox_max_age)
        return web.json_response(health.as_json(), status=200 if health.ok else 503)

    async def metrics(request: web.Request) -> web.Response:
        await monitor.refresh(db)
        body = generate_latest(monitor.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)


def monitoring_app(monitor: Monitor, db: Database, *, outbox_max_age: float) -> web.Application:
    app = web.Application()
    add_monitoring_routes(app, monitor, db, outbox_max_age=outbox_max_age)
    return app


class MonitoringService:
    name = "monitoring"

    def __init__(self, app: App) -> None:
        self.app = app
        assert app.settings.metrics_port is not None
        self.host = app.settings.metrics_host
        self.port = app.settings.metrics_port

    async def run(self, stopping: asyncio.Event) -> None:
        web_app = monitoring_app(
            self.app.monitor,
            self.app.db,
            outbox_max_age=self.app.settings.health_outbox_max_age,
        )
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self.host, self.port).start()
        log.info("/healthz and /metrics on http://%s:%s", self.host, self.port)
        try:
            await stopping.wait()
        finally:
            await runner.cleanup()

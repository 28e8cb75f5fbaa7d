"""The web desk as a service of ``python -m bot run`` (when ``WEB_PORT`` is set) and of
``python -m bot web``: the aiohttp server, with ``/healthz`` and ``/metrics`` on its port."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from bot.app import App
from bot.web.app import web_application

log = logging.getLogger(__name__)


class WebService:
    name = "web"

    def __init__(self, app: App, *, host: str | None = None, port: int | None = None) -> None:
        self.app = app
        self.host = host or app.settings.web_host
        chosen = port or app.settings.web_port
        assert chosen is not None
        self.port = chosen

    async def run(self, stopping: asyncio.Event) -> None:
        app = self.app
        secure = str(app.settings.web_public_url or "").startswith("https://")
        web_app = web_application(
            app.engine,
            secure_cookies=secure,
            monitor=app.monitor,
            outbox_max_age=app.settings.health_outbox_max_age,
        )
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self.host, self.port).start()
        log.info("web desk on http://%s:%s", self.host, self.port)
        try:
            await stopping.wait()
        finally:
            await runner.cleanup()

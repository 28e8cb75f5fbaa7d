"""The web desk in ``python -m bot run``: served when ``WEB_PORT`` is set, with ``/healthz``
and ``/metrics`` on its port (no sign-in for those two), and off otherwise."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.app import open_app
from bot.health import Monitor
from bot.run import background_services
from bot.settings import load_settings
from bot.web.app import web_application
from handlers.engine.dispatcher import Engine
from tests.support import desk_world

clock, engine = desk_world.clock, desk_world.engine


async def test_run_serves_the_desk_only_when_web_port_is_set(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    with_desk = load_settings(web_port=8090, database_path=database, _env_file=None)
    async with open_app(with_desk) as app:
        assert "web" in [service.name for service in background_services(app)]
    without = load_settings(database_path=database, _env_file=None)
    async with open_app(without) as app:
        assert "web" not in [service.name for service in background_services(app)]


async def test_health_and_metrics_answer_on_the_desks_port(engine: Engine) -> None:
    application = web_application(engine, monitor=Monitor())
    async with TestClient(TestServer(application)) as client:
        health = await client.get("/healthz", allow_redirects=False)
        assert health.status == 200 and (await health.json())["status"] == "ok"
        metrics = await client.get("/metrics", allow_redirects=False)
        assert metrics.status == 200 and "bot_requests_open" in await metrics.text()
        assert metrics.headers["X-Frame-Options"] == "DENY"

"""``python -m bot run``: the long-running bot — every configured channel plus background work.

Each part is a :class:`Service`: ``await service.run(stopping)`` works until the
``stopping`` event is set, then finishes what it has in hand and returns. SIGTERM and
SIGINT set the event; a second signal is not needed (and is ignored while stopping).

* Channels: Telegram when ``TELEGRAM_TOKEN`` is set, VK when ``VK_TOKEN`` is set
  (:func:`channel_services`); both run together in one process.
* Background services (:func:`background_services`): work that enters the core by time,
  such as the scheduler's jobs and their catch-up at start. Whoever adds one returns it
  from there; it shares the process, the database and the stop.

If one service fails, the others are stopped too and the exit code is 1 (2 for a setting
that cannot work, with one line naming it).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path
from typing import Protocol

from bot.app import App
from scheduler.backups import BackupPlan

log = logging.getLogger(__name__)


class Service(Protocol):
    name: str

    async def run(self, stopping: asyncio.Event) -> None: ...


class ConfigurationError(RuntimeError):
    """A service cannot start as configured (the message names the setting)."""


def channel_services(app: App) -> list[Service]:
    services: list[Service] = []
    if app.settings.telegram_token is not None:
        from bot.channels.telegram.service import TelegramService

        services.append(TelegramService(app))
    if app.settings.vk_token is not None:
        from bot.channels.vk.service import VKService

        services.append(VKService(app))
    return services


class SchedulerService:
    """The clock: catches up what was missed while the bot was down, then runs the jobs.

    It uses ``app.engine.desk`` (not ``app.desk``): channels complete the desk at start
    (e.g. the Telegram invite link after ``getMe``).
    """

    name = "scheduler"

    def __init__(self, app: App) -> None:
        self.app = app

    async def run(self, stopping: asyncio.Event) -> None:
        from scheduler.service import catch_up, start_scheduler

        app = self.app
        batch_dir = app.settings.renewal_batch_dir
        log.info("%s", await catch_up(app.db, app.policy, app.engine.desk, batch_dir=batch_dir))
        scheduler = start_scheduler(
            app.db,
            app.policy,
            app.engine.desk,
            batch_dir=batch_dir,
            backup=backup_plan(app),
            on_run=app.monitor.metrics.scheduler_run,
        )
        app.monitor.scheduler_running = lambda: bool(scheduler.running)
        try:
            await stopping.wait()
        finally:
            scheduler.shutdown(wait=False)


def backup_plan(app: App) -> BackupPlan | None:
    """The daily backup from BACKUP_DIR and BACKUP_KEEP (None: BACKUP_KEEP=0)."""
    settings = app.settings
    if settings.backup_keep == 0 or app.db.path == ":memory:":
        return None
    return BackupPlan(
        Path(app.db.path), settings.files_dir, settings.backup_dir, settings.backup_keep
    )


def background_services(app: App) -> list[Service]:
    """Services beside the channels: the scheduler, ``/healthz`` and ``/metrics`` when
    ``METRICS_PORT`` is set, and the managers' web desk when ``WEB_PORT`` is set."""
    services: list[Service] = [SchedulerService(app)]
    if app.settings.metrics_port is not None:
        from bot.monitoring import MonitoringService

        services.append(MonitoringService(app))
    if app.settings.web_port is not None:
        from bot.web.service import WebService

        services.append(WebService(app))
    return services


async def serve(services: list[Service], *, stopping: asyncio.Event | None = None) -> int:
    """Run ``services`` until SIGTERM/SIGINT (or ``stopping``); 0 on a clean stop."""
    stopping = stopping or asyncio.Event()
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, _stop, stopping, sig)
            handled.append(sig)
        except (NotImplementedError, RuntimeError):  # not the main thread, or no signals
            pass
    tasks = {
        asyncio.create_task(service.run(stopping), name=service.name): service
        for service in services
    }
    failed = 0
    try:
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                exc = task.exception()
                if exc is not None:
                    failed = 2 if isinstance(exc, ConfigurationError) else 1
                    if failed == 2:
                        print(f"Settings error: {exc}", file=sys.stderr)
                    else:
                        log.error("%s stopped with an error", tasks[task].name, exc_info=exc)
                elif not stopping.is_set():
                    log.warning("%s ended on its own", tasks[task].name)
                if not stopping.is_set():
                    stopping.set()
    finally:
        for sig in handled:
            loop.remove_signal_handler(sig)
    return failed


def _stop(stopping: asyncio.Event, sig: signal.Signals) -> None:
    if not stopping.is_set():
        log.info("%s: finishing the work in hand, then stopping", sig.name)
        stopping.set()


async def run(app: App) -> int:
    try:
        channels = channel_services(app)
        if not channels:
            print(
                "Nothing to run: set TELEGRAM_TOKEN or VK_TOKEN (see README, “Telegram”, “VK”).",
                file=sys.stderr,
            )
            return 2
        services = [*channels, *background_services(app)]
    except ConfigurationError as exc:
        print(f"Settings error: {exc}", file=sys.stderr)
        return 2
    log.info("running: %s", ", ".join(service.name for service in services))
    code = await serve(services)
    log.info("stopped")
    return code

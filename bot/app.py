"""Wiring: settings + policy + database → the engine and what the channels share."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.health import Monitor
from bot.settings import Settings
from handlers.desk.manager_desk import CONSOLE_MANAGER_CHAT, Destination, ManagerDesk
from handlers.engine.dispatcher import Clock, Engine, system_clock
from handlers.flow_list import default_flows
from handlers.policy import Policy, load_policy
from storage.db import Database
from storage.models import Platform


@dataclass
class App:
    settings: Settings
    policy: Policy
    db: Database
    engine: Engine
    desk: ManagerDesk
    #: Metrics and the heartbeats of the running loops (``/healthz``, ``/metrics``).
    monitor: Monitor = field(default_factory=Monitor)

    @property
    def manager_language(self) -> str:
        """The managers' language: MANAGER_LANGUAGE, else the vendor's."""
        return self.settings.manager_language or self.policy.language


def manager_desk(settings: Settings, vendor_language: str) -> ManagerDesk:
    """Manager chats from the settings, in MANAGER_LANGUAGE or else the vendor's language;
    the console desk when none is configured."""
    language = settings.manager_language or vendor_language
    destinations: list[Destination] = []
    if settings.manager_telegram_chat_id is not None:
        chat = str(settings.manager_telegram_chat_id)
        destinations.append(Destination(Platform.TELEGRAM, chat, language))
    destinations.extend(
        Destination(Platform.VK, str(uid), language) for uid in settings.manager_vk_ids
    )
    if not destinations:
        destinations.append(Destination(Platform.CONSOLE, CONSOLE_MANAGER_CHAT, language))
    invite_links: tuple[tuple[str, str], ...] = ()
    if settings.vk_group_id is not None:
        # The community's chat link; VK passes ``ref`` with the first message (VK channel).
        invite_links = (("VK", f"https://vk.me/club{settings.vk_group_id}?ref={{token}}"),)
    web_url: str | None = None
    if settings.web_public_url is not None:
        web_url = str(settings.web_public_url).rstrip("/")
    elif settings.web_port is not None:
        web_url = f"http://{settings.web_host}:{settings.web_port}"
    return ManagerDesk(
        # The desk's exports go to <files_dir>/exports (handlers.desk.desk_commands adds "exports").
        tuple(destinations),
        files_dir=settings.files_dir,
        invite_links=invite_links,
        web_url=web_url,
    )


@asynccontextmanager
async def open_app(
    settings: Settings,
    *,
    database_path: Path | None = None,
    clock: Clock = system_clock,
) -> AsyncIterator[App]:
    """Load the policy, open (and migrate) the database, build the engine; close on exit."""
    policy = load_policy(settings.policy_file)
    db = await Database.open(database_path or settings.database_path)
    try:
        desk = manager_desk(settings, policy.language)
        engine = Engine(
            db, policy, default_flows(files_dir=settings.files_dir), desk=desk, clock=clock
        )
        monitor = Monitor()
        engine.on_step = monitor.metrics.step
        yield App(settings, policy, db, engine, desk, monitor)
    finally:
        await db.close()

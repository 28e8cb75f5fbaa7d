"""Where manager notifications go: the manager chats configured for this deployment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.models import Platform

#: The console's manager chat: used when no messenger manager chat is configured, so a
#: newcomer running the console sees request cards with ``--as-manager``.
CONSOLE_MANAGER_CHAT = "managers"


@dataclass(frozen=True, slots=True)
class Destination:
    platform: Platform
    chat_id: str
    language: str = "ru"


@dataclass(frozen=True, slots=True)
class ManagerDesk:
    destinations: tuple[Destination, ...]
    #: Where manager commands write files (exports); None: a fresh temporary folder each time.
    files_dir: Path | None = None
    #: Invitation deep links as (label, template with ``{token}``), e.g.
    #: ("Telegram", "https://t.me/<bot>?start={token}"), ("VK", "https://vk.me/<club>?ref={token}").
    #: Empty: /invite shows the plain ``/start TOKEN`` form (works in the console).
    invite_links: tuple[tuple[str, str], ...] = ()
    #: The web desk's address as managers open it (``/web`` links start with it); None:
    #: no web desk is served, and ``/web`` says so.
    web_url: str | None = None

    @classmethod
    def console_only(cls) -> ManagerDesk:
        return cls((Destination(Platform.CONSOLE, CONSOLE_MANAGER_CHAT),))

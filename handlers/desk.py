"""Where manager notifications go: the manager chats configured for this deployment."""

from __future__ import annotations

from dataclasses import dataclass

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

    @classmethod
    def console_only(cls) -> ManagerDesk:
        return cls((Destination(Platform.CONSOLE, CONSOLE_MANAGER_CHAT),))

"""A web manager's actions go through the same desk code as a Telegram manager's: each
press of a card button and each typed answer is an :class:`Incoming` of the ``web``
platform from a manager, handled by the engine. The manager's "chat" is their own
(``chat_id`` is their web account's id), so the desk's steps ("type the answer") wait for
them alone; what the desk answers them comes back as the engine's replies.
"""

from __future__ import annotations

from handlers.desk.desk_actions import AwaitedText, awaited_text
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming, Reply
from storage.models import Platform
from storage.web_managers import WebManager


def manager_user_id(manager: WebManager) -> str:
    return str(manager.id)


def manager_mark(manager: WebManager) -> str:
    """What ``requests.manager`` stores for a request this web manager handles."""
    return f"{Platform.WEB.value}:{manager_user_id(manager)}"


def _incoming(manager: WebManager, *, text: str = "", payload: str | None = None) -> Incoming:
    user = manager_user_id(manager)
    return Incoming(
        Platform.WEB,
        user,
        user,
        text=text,
        payload=payload,
        language=manager.language,
        display_name=manager.display_name,
        from_manager=True,
        can_share_contact=False,
    )


async def press(engine: Engine, manager: WebManager, payload: str) -> list[Reply]:
    return await engine.handle(_incoming(manager, payload=payload))


async def write(engine: Engine, manager: WebManager, text: str) -> list[Reply]:
    return await engine.handle(_incoming(manager, text=text))


async def cancel(engine: Engine, manager: WebManager) -> list[Reply]:
    return await engine.handle(_incoming(manager, text="/cancel"))


async def awaited(engine: Engine, manager: WebManager) -> AwaitedText | None:
    """What the manager's next text is for (None: the desk waits for none)."""
    async with engine.db.unit() as unit:
        return await awaited_text(unit, Platform.WEB, manager_user_id(manager))

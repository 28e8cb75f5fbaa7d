"""Long polling that never acknowledges an update before it is stored.

Telegram confirms updates when the next ``getUpdates`` asks for a higher offset. aiogram's
``start_polling`` moves the offset as soon as an update is handed to a handler task, so an
update whose handler is still running when the process dies is lost. Here each batch is
written to the inbox (one transaction) *before* the next ``getUpdates`` moves the offset;
the processor handles it from there. A redelivered update (same ``update_id``) is skipped
by the inbox. No high-water mark is kept: ``update_id`` may jump, and the first request
after a start asks for every unconfirmed update.

Each update is parsed once: the batch arrives as JSON objects, is stored as received (its
text repaired), and each stored update is parsed into aiogram's ``Update`` and handed to the
processor (``arrived``), which would otherwise parse the stored copy. An update that does not
parse (a malformed one) is stored all the same, so the others are not held back; it fails
in the processor and is set aside. Bad text (a lone surrogate, bytes that are not UTF-8) is
repaired on the way in, and an update that still cannot be stored is set aside alone
(:mod:`bot.channels.intake`): the offset always moves past everything stored or set aside.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import ClientDecodeError, TelegramConflictError, TelegramUnauthorizedError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response
from aiogram.types import Update
from aiohttp import ClientSession
from pydantic import ValidationError

from bot.channels import intake
from bot.channels.intake import RepairingResponse, store_received
from bot.channels.telegram.errors import describe
from bot.channels.telegram.limits import pause
from bot.rate_limits import backoff
from storage.db import Database
from storage.models import Platform

log = logging.getLogger(__name__)
T = TypeVar("T")

ALLOWED_UPDATES = ["message", "callback_query"]
_CHATTY = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "business_message",
)


def chat_key(raw: dict[str, Any]) -> str:
    """The chat an update belongs to (its updates are handled in order)."""
    for kind in _CHATTY:
        chat = (raw.get(kind) or {}).get("chat") if isinstance(raw.get(kind), dict) else None
        if isinstance(chat, dict) and "id" in chat:
            return str(chat["id"])
    query = raw.get("callback_query")
    if isinstance(query, dict):
        chat = (query.get("message") or {}).get("chat") or {}
        if "id" in chat:
            return str(chat["id"])
        sender = query.get("from") or {}
        if "id" in sender:
            return str(sender["id"])
    return ""


class ReceivedUpdates(TelegramMethod[list[dict[str, Any]]]):
    """``getUpdates`` whose answer stays JSON objects: the poller stores each update as it
    came and parses it once (aiogram's own ``GetUpdates`` would parse the batch first)."""

    __returning__ = list[dict[str, Any]]
    __api_method__ = "getUpdates"

    offset: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


async def store_updates(
    db: Database, raws: Sequence[dict[str, Any]], *, now: datetime
) -> list[str]:
    """Write updates to the inbox durably (skipping ones stored before), text repaired;
    returns the ids of those that could not be stored and were set aside."""
    rows = [(str(raw["update_id"]), chat_key(raw), raw) for raw in raws if "update_id" in raw]
    if not rows:
        return []
    return await store_received(db, Platform.TELEGRAM, rows, now=now)


class RepairingSession(AiohttpSession):
    """aiogram's aiohttp session, reading answers with U+FFFD in place of bytes that are not
    UTF-8 (aiogram decodes strictly: one bad byte in a getUpdates answer would fail every
    poll, and no update after it would ever arrive).

    It also keeps the ``Response[...]`` class of every method's result referenced: aiogram
    asks pydantic for it on each call and pydantic caches it weakly, so after a garbage
    collection it would be built again (measured by benchmarks/telegram_e2e.py)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._response_types: dict[Any, Any] = {}

    def check_response(
        self, bot: Bot, method: TelegramMethod[T], status_code: int, content: str
    ) -> Response[T]:
        returning = method.__returning__
        if returning not in self._response_types:
            self._response_types[returning] = Response[returning]  # type: ignore[valid-type]
        return super().check_response(bot, method, status_code, content)

    async def create_session(self) -> ClientSession:
        session = await super().create_session()
        # aiohttp takes the response class only when the session is made (aiogram makes it).
        session._response_class = RepairingResponse
        return session


class Poller:
    def __init__(
        self,
        bot: Bot,
        db: Database,
        *,
        on_stored: Callable[[], None],
        arrived: dict[str, Update] | None = None,
        timeout: int = 25,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.bot = bot
        self.db = db
        self.on_stored = on_stored
        #: Where each stored update, parsed, waits for the processor (by update key).
        self.arrived = arrived
        #: Called after every answered round (the poller's heartbeat, ``/healthz``).
        self.on_round: Callable[[], None] = lambda: None
        self.timeout = timeout
        self.clock = clock
        self.offset: int | None = None

    async def _fetch(self) -> list[dict[str, Any]]:
        method = ReceivedUpdates(
            offset=self.offset, timeout=self.timeout, allowed_updates=ALLOWED_UPDATES
        )
        try:
            updates = await self.bot(method, request_timeout=self.timeout + 15)
        except ClientDecodeError as exc:
            result = exc.data.get("result") if isinstance(exc.data, dict) else None
            if not isinstance(result, list):
                raise
            # The error's text quotes the whole batch (people's messages): its kind only.
            log.warning(
                "a getUpdates batch did not parse (%s); storing it as received",
                type(exc.original).__name__,
            )
            return [raw for raw in result if isinstance(raw, dict)]
        return updates

    async def poll_once(self) -> int:
        """One getUpdates round: store what came, then (next round) acknowledge it."""
        raws = [intake.repair(raw) for raw in await self._fetch()]
        if raws:
            aside = await store_updates(self.db, raws, now=self.clock())
            ids = [raw["update_id"] for raw in raws if isinstance(raw.get("update_id"), int)]
            if ids:
                self.offset = max(ids) + 1
            self._hand_over(raws, set(aside))
            self.on_stored()
        return len(raws)

    def _hand_over(self, raws: list[dict[str, Any]], aside: set[str]) -> None:
        """Each stored update, parsed (as the processor would parse the stored copy)."""
        for raw in raws:
            key = str(raw.get("update_id", ""))
            if not key or key in aside:
                continue
            try:
                update = Update.model_validate(raw, context={"bot": self.bot})
            except ValidationError:
                # Its text would quote what the person wrote: the update's id only.
                log.warning(
                    "update %s did not parse; stored as received, it will be set aside", key
                )
                continue
            if self.arrived is not None:
                self.arrived[key] = update

    async def run(self, stopping: asyncio.Event) -> None:
        failures = 0
        while not stopping.is_set():
            round_ = asyncio.ensure_future(self.poll_once())
            stopper = asyncio.ensure_future(stopping.wait())
            await asyncio.wait({round_, stopper}, return_when="FIRST_COMPLETED")
            stopper.cancel()
            if not round_.done():
                # Stopping in the middle of a long poll: whatever it would bring is not
                # acknowledged, so Telegram keeps it for the next start.
                round_.cancel()
                await asyncio.gather(round_, return_exceptions=True)
                return
            exc = round_.exception()
            if exc is None:
                failures = 0
                self.on_round()
                continue
            failures += 1
            delay = backoff(failures - 1)
            if isinstance(exc, TelegramConflictError):
                log.error(
                    "getUpdates conflict (another bot instance polling, or a webhook "
                    "set?): %s; retry in %.0f s",
                    exc,
                    delay,
                )
            elif isinstance(exc, TelegramUnauthorizedError):
                log.error("TELEGRAM_TOKEN was rejected by Telegram: %s", exc)
                delay = max(delay, 60.0)
            else:
                log.warning("getUpdates failed: %s; retry in %.1f s", describe(exc), delay)
            await pause(stopping, delay)

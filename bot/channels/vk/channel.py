"""The vkbottle ``Bot`` of the community: VK events into the engine, its answers into the outbox.

Handlers are registered on a vkbottle labeler: ``message_new`` (text, text-button payloads,
VK's Start button, a vk.me ``ref``, documents and photos) and ``message_event`` (callback
buttons). The inbox processor feeds stored events through the bot's router, one at a time
per chat, with the inbox row being handled as the current :class:`Receipt`.

For each event the engine runs one step; inside the step's unit of work (its commit hook)
the channel writes the answers to the outbox for the sender, remembers what keyboard the
person's VK client shows, and marks the inbox row handled — all in one transaction, so an
event is handled exactly once and its answers are sent exactly once (``random_id``).

* Only private chats with people are support conversations; group chats and other
  communities' messages are left alone.
* ``MANAGER_VK_IDS`` are the managers (checked on every event, buttons included); with
  none configured nobody in VK is a manager.
* Every ``message_event`` is answered (``messages.sendMessageEventAnswer``), so the
  client stops its spinner; the answers themselves come as messages.
* VK has no verified phone number: a contact is never passed on as verified
  (``Contact.user_id`` stays unset); linking goes by license + serial or a manager's approval.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime

from vkbottle import Bot
from vkbottle.bot import BotLabeler, Message, MessageEvent
from vkbottle.exception_factory import ErrorHandler
from vkbottle_types.events import GroupEventType

from bot.channels.inbox_processing import Receipt
from bot.channels.vk import adapter
from bot.channels.vk.adapter import Keyboard
from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.errors import describe
from bot.channels.vk.files import FileFetcher
from handlers.engine.dispatcher import CommitHook, Engine
from handlers.engine.messages import Attachment, Incoming, Reply
from storage import outbox, vk_state
from storage.db import Database, Unit
from storage.models import Platform

log = logging.getLogger(__name__)

#: Peer ids from here on are group chats (conversations), not a person's private chat.
CHAT_PEER_BASE = 2_000_000_000
#: People's names remembered at most (asked again after that; memory stays flat).
NAMES_KEPT = 50_000


#: The inbox row being handled (set by the inbox processor around each event).
_current: contextvars.ContextVar[Receipt | None] = contextvars.ContextVar(
    "vk_receipt", default=None
)


def current_receipt() -> Receipt | None:
    return _current.get()


def set_receipt(receipt: Receipt | None) -> contextvars.Token[Receipt | None]:
    return _current.set(receipt)


def reset_receipt(token: contextvars.Token[Receipt | None]) -> None:
    _current.reset(token)


def _now() -> datetime:
    return datetime.now(UTC)


class VKChannel:
    def __init__(
        self,
        *,
        api: CommunityAPI,
        engine: Engine,
        db: Database,
        files: FileFetcher,
        manager_ids: Iterable[int] = (),
        on_queued: Callable[[], None] = lambda: None,
        on_files: Callable[[], None] = lambda: None,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.api = api
        self.engine = engine
        self.db = db
        self.files = files
        self.manager_ids = frozenset(int(i) for i in manager_ids)
        self.on_queued = on_queued
        self.on_files = on_files
        self.clock = clock
        self._keyboards: dict[str, str] = {}
        self._names: dict[int, str] = {}
        self.bot = self._make_bot()

    def _make_bot(self) -> Bot:
        # Exceptions reach the inbox processor, which retries the event and sets it aside
        # if it keeps failing (vkbottle's default would only log them).
        errors = ErrorHandler(raise_exceptions=True)
        labeler = BotLabeler(error_handler=errors)
        labeler.message()(self.on_message)
        labeler.raw_event(GroupEventType.MESSAGE_EVENT, dataclass=MessageEvent)(self.on_event)
        return Bot(api=self.api, labeler=labeler, error_handler=errors)

    def is_manager(self, user_id: int) -> bool:
        return user_id in self.manager_ids

    # -- events ----------------------------------------------------------------------------

    async def on_message(self, message: Message) -> None:
        if message.peer_id >= CHAT_PEER_BASE or message.from_id <= 0 or message.out:
            return  # group chats, communities, our own messages: not a support conversation
        found = adapter.files_of(message)
        attachments: list[Attachment] = []
        for item in found:
            file = item.attachment
            if not item.size_known:
                file = replace(file, size=await self.files.size_of(file.file_id))
            attachments.append(file)
        incoming = adapter.message_incoming(
            message,
            from_manager=self.is_manager(message.from_id),
            display_name=await self.display_name(message.from_id),
            attachments=attachments,
        )
        await self.handle(incoming, keyboard=adapter.keyboard_kind(message.client_info))
        if incoming.attachments:
            self.on_files()

    async def on_event(self, event: MessageEvent) -> None:
        user_id, peer_id = event.object.user_id, event.object.peer_id
        try:
            if peer_id < CHAT_PEER_BASE and user_id > 0:
                incoming = adapter.event_incoming(
                    user_id=user_id,
                    peer_id=peer_id,
                    payload=event.object.payload,
                    from_manager=self.is_manager(user_id),
                    display_name=await self.display_name(user_id),
                )
                await self.handle(incoming, keyboard=Keyboard.CALLBACK)
        finally:
            await self.answer_event(event.object.event_id, user_id, peer_id)

    async def answer_event(self, event_id: str, user_id: int, peer_id: int) -> None:
        """Stop the button's spinner (an event older than about a minute cannot be
        answered any more: VK refuses, and that is fine)."""
        try:
            await self.api.call(
                "messages.sendMessageEventAnswer",
                event_id=event_id,
                user_id=user_id,
                peer_id=peer_id,
            )
        except Exception as exc:
            log.debug("message_event %s not answered: %s", event_id, describe(exc))

    async def display_name(self, user_id: int) -> str:
        """The person's name for request cards (asked once per process; never fatal)."""
        name = self._names.get(user_id)
        if name is not None:
            return name
        try:
            users = await self.api.call("users.get", user_ids=str(user_id))
            first = users[0] if users else {}
            name = " ".join(
                part for part in (first.get("first_name"), first.get("last_name")) if part
            )
        except Exception as exc:
            log.info("VK name of %s unknown: %s", user_id, describe(exc))
            return ""
        if len(self._names) >= NAMES_KEPT:
            self._names.clear()
        self._names[user_id] = name
        return name

    # -- the engine and the answers -----------------------------------------------------------

    def _hook(self, incoming: Incoming, keyboard: Keyboard | None) -> CommitHook:
        receipt = current_receipt()

        async def commit(unit: Unit, replies: list[Reply]) -> None:
            now = self.clock()
            if keyboard is not None and self._keyboards.get(incoming.chat_id) != keyboard:
                await vk_state.remember_keyboard(unit, incoming.chat_id, keyboard, now=now)
            await queue_replies(unit, incoming.chat_id, replies, now=now)
            if receipt is not None:
                await receipt.mark(unit, None, now=now)

        return commit

    async def handle(self, incoming: Incoming, *, keyboard: Keyboard | None) -> None:
        await self.engine.handle(incoming, before_commit=self._hook(incoming, keyboard))
        if keyboard is not None:
            self._keyboards[incoming.chat_id] = keyboard
        self.on_queued()


async def queue_replies(unit: Unit, peer: str, replies: list[Reply], *, now: datetime) -> None:
    """The answers to a person's message, in order, for the sender."""
    for reply in replies:
        await outbox.enqueue(
            unit,
            Platform.VK,
            peer,
            reply.text,
            [[(b.label, b.payload) for b in row] for row in reply.buttons],
            now=now,
            document=reply.document,
        )

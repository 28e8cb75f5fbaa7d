"""Telegram updates into the engine, its answers back to Telegram.

Private chats are customers (or managers) talking to the bot. The manager chat
(``MANAGER_TELEGRAM_CHAT_ID``) is where request cards arrive; there:

* only managers are heard (anyone else's button gets "managers only" and changes nothing,
  anyone else's message is ignored);
* card buttons and commands go to the engine as the manager desk expects them (the chat's
  conversation is shared, as :mod:`handlers.desk.desk_actions` describes);
* a manager's message in a request's forum topic, or in reply to a card or a relayed
  message, is that manager's answer to the request's customer: it is given to the desk as
  the "Reply" button followed by the text, in a conversation of that manager's own in the
  chat (``<chat>:<manager>``), so it never disturbs an answer another manager is typing;
* while the chat awaits a manager's text (after "Reply" or "Reject"), that manager's next
  message goes to the engine as typed;
* other talk among managers is left alone.

Every update handled here is marked in the inbox inside the engine's own unit of work
(:class:`Receipt`), so it is handled exactly once; its answers are sent right after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.types import CallbackQuery, Message, Update

from bot.channels.inbox_processing import Receipt
from bot.channels.telegram import adapter
from bot.channels.telegram.adapter import Target
from bot.channels.telegram.courier import Courier, DeliveryPostponed
from bot.channels.telegram.managers import ManagerCheck
from handlers.desk.desk_actions import AwaitedText, awaited_text
from handlers.engine.dispatcher import CommitHook, Engine
from handlers.engine.messages import Incoming, Reply
from handlers.engine.payloads import encode
from handlers.i18n import Texts, pick_language, texts
from storage import accounts, inbox, outbox, telegram_topics
from storage.db import Database, Unit
from storage.models import Platform

log = logging.getLogger(__name__)

#: Answers to a manager's button in the manager chat shorter than this are shown as the
#: button's notification instead of a message (the group's 20 messages a minute are kept
#: for cards).
TOAST_LIMIT = 200


@dataclass
class DeliveryProgress:
    """How many of an inbox row's owed messages Telegram has taken (kept in the row)."""

    db: Database
    item_id: int
    sent: int = 0

    async def record(self, sent: int) -> None:
        self.sent = sent
        async with self.db.unit() as unit:
            await inbox.record_sent(unit, self.item_id, sent)


class TelegramChannel:
    def __init__(
        self,
        *,
        bot: Bot,
        engine: Engine,
        db: Database,
        managers: ManagerCheck,
        courier: Courier,
        manager_chat_id: int | None = None,
        on_files: Callable[[], None] = lambda: None,
    ) -> None:
        self.bot = bot
        self.engine = engine
        self.db = db
        self.managers = managers
        self.courier = courier
        self.manager_chat_id = manager_chat_id
        self.on_files = on_files
        self._other_chats: set[int] = set()

    async def handle(self, update: Update, receipt: Receipt | None = None) -> None:
        """One update from the inbox: a message or a button press (the only kinds polled);
        any other kind is left alone.

        Called directly rather than through aiogram's ``Dispatcher``: its middleware chain
        (error, user-context and FSM middlewares, the router's propagation) serves nothing
        here and took about 6 % of the bot's time (benchmarks/telegram_e2e.py)."""
        if update.message is not None:
            await self.on_message(update.message, receipt)
        elif update.callback_query is not None:
            await self.on_callback(update.callback_query, receipt)

    def router(self) -> Router:
        """The same two handlers as an aiogram router, for a ``Dispatcher`` of one's own
        (benchmarks/telegram_dispatch.py); a router attaches to one dispatcher only."""
        router = Router(name="telegram-support")
        router.message.register(self.on_message)
        router.callback_query.register(self.on_callback)
        return router

    # -- messages ------------------------------------------------------------------------

    async def on_message(self, message: Message, receipt: Receipt | None = None) -> None:
        user = message.from_user
        if user is None or user.is_bot:
            return
        if message.chat.type == ChatType.PRIVATE:
            await self._private_message(message, receipt)
        elif self.manager_chat_id is not None and message.chat.id == self.manager_chat_id:
            await self._manager_chat_message(message, receipt)
        elif message.chat.id not in self._other_chats:
            # Another group: not a support conversation. Said once, with the id an operator
            # needs for MANAGER_TELEGRAM_CHAT_ID.
            self._other_chats.add(message.chat.id)
            log.info(
                "messages in group %s (%s) are ignored: it is not MANAGER_TELEGRAM_CHAT_ID",
                message.chat.id,
                message.chat.title or "",
            )

    async def _private_message(self, message: Message, receipt: Receipt | None) -> None:
        assert message.from_user is not None
        from_manager = await self.managers.is_manager(message.from_user.id)
        incoming = adapter.message_incoming(message, from_manager=from_manager)
        target = Target(message.chat.id, remove_keyboard=incoming.contact is not None)
        big = adapter.too_big(incoming.attachments)
        if big is not None:
            t = texts(pick_language(incoming.language))
            await self.deliver(target, [Reply(t("telegram.file_too_big", name=big.name))])
            return
        await self._handle(incoming, target, receipt)
        if incoming.attachments:
            self.on_files()

    async def _manager_chat_message(self, message: Message, receipt: Receipt | None) -> None:
        assert message.from_user is not None
        if not await self.managers.is_manager(message.from_user.id):
            return
        thread = message.message_thread_id if message.is_topic_message else None
        target = Target(message.chat.id, thread_id=thread)
        incoming = adapter.message_incoming(message, from_manager=True)
        if incoming.command is not None:
            await self._handle(incoming, target, receipt)
            return
        awaited = await self._awaited(incoming.chat_id)
        request_id = await self._request_of(message)
        if (
            awaited is not None
            and awaited.takes_from(incoming.user_id)
            and (request_id is None or awaited.request_id == request_id)
        ):
            await self._handle(incoming, target, receipt)
        elif request_id is not None:
            await self._answer_request(incoming, request_id, target, receipt)

    async def _answer_request(
        self, incoming: Incoming, request_id: int, target: Target, receipt: Receipt | None
    ) -> None:
        """A manager's message in a request's topic (or replying to its card) is the answer."""
        own = replace(incoming, chat_id=f"{incoming.chat_id}:{incoming.user_id}")
        first = await self.engine.handle(
            replace(own, text="", payload=encode("desk_actions.reply", request_id))
        )
        awaited = await self._awaited(own.chat_id)
        if awaited is not None and awaited.answer and awaited.request_id == request_id:
            await self._handle(own, target, receipt)
        else:  # refused (request closed, no customer chat…): say why, change nothing more
            await self.deliver(target, first)

    async def _awaited(self, chat_id: str) -> AwaitedText | None:
        """What the chat's next text is for (None: it is in no conversation step)."""
        async with self.db.unit() as unit:
            return await awaited_text(unit, Platform.TELEGRAM, chat_id)

    async def _request_of(self, message: Message) -> int | None:
        """The request a manager-chat message is about: its topic, or the card it answers."""
        chat = str(message.chat.id)
        async with self.db.unit() as unit:
            if message.is_topic_message and message.message_thread_id:
                found = await telegram_topics.request_of_thread(
                    unit, chat, message.message_thread_id
                )
                if found is not None:
                    return found
            answered = message.reply_to_message
            if answered is not None and answered.from_user and answered.from_user.id == self.bot.id:
                return await telegram_topics.request_of_message(unit, chat, answered.message_id)
        return None

    # -- buttons -------------------------------------------------------------------------

    async def on_callback(self, query: CallbackQuery, receipt: Receipt | None = None) -> None:
        message = query.message
        chat = message.chat if message is not None else None
        chat_id = chat.id if chat is not None else query.from_user.id
        in_manager_chat = self.manager_chat_id is not None and chat_id == self.manager_chat_id
        if chat is not None and chat.type != ChatType.PRIVATE and not in_manager_chat:
            await self._answer_callback(query)
            return
        from_manager = await self.managers.is_manager(query.from_user.id)
        if in_manager_chat and not from_manager:
            t = texts(pick_language(query.from_user.language_code))
            log.warning(
                "%s pressed %r in the manager chat: not a manager", query.from_user.id, query.data
            )
            await self._answer_callback(query, t("common.managers_only"), alert=True)
            return
        thread = None
        if isinstance(message, Message) and message.is_topic_message:
            thread = message.message_thread_id
        target = Target(chat_id, thread_id=thread)
        incoming = adapter.callback_incoming(query, from_manager=from_manager, chat_id=str(chat_id))
        replies = await self.engine.handle(incoming, before_commit=self._hook(receipt, target))
        toast = " ".join(reply.text for reply in replies)
        if (
            in_manager_chat
            and replies
            and len(toast) <= TOAST_LIMIT
            and not any(
                reply.buttons or reply.document or reply.request_contact for reply in replies
            )
        ):
            await self._answer_callback(query, toast, alert=len(toast) > 60)
            return
        await self._answer_callback(query)
        await self.deliver(target, replies, progress=self._progress(receipt))

    async def _answer_callback(
        self, query: CallbackQuery, text: str | None = None, *, alert: bool = False
    ) -> None:
        """Every button press is answered (the client stops its spinner)."""
        try:
            await self.bot(
                AnswerCallbackQuery(
                    callback_query_id=query.id, text=text or None, show_alert=alert or None
                )
            )
        except TelegramAPIError as exc:  # too old, already answered: nothing to do
            log.debug("callback %s not answered: %s", query.id, exc)

    # -- the engine and the answers ---------------------------------------------------------

    def _hook(self, receipt: Receipt | None, target: Target) -> CommitHook | None:
        """Marks the update handled inside the step's unit, with the answers it owes."""
        if receipt is None:
            return None

        async def mark(unit: Unit, replies: list[Reply]) -> None:
            await receipt.mark(
                unit, {"target": target.to_json(), "replies": adapter.replies_to_json(replies)}
            )

        return mark

    def _progress(self, receipt: Receipt | None) -> DeliveryProgress | None:
        return DeliveryProgress(self.db, receipt.item_id) if receipt is not None else None

    async def _handle(self, incoming: Incoming, target: Target, receipt: Receipt | None) -> None:
        replies = await self.engine.handle(incoming, before_commit=self._hook(receipt, target))
        await self.deliver(
            target, replies, user_id=incoming.user_id, progress=self._progress(receipt)
        )

    async def _texts(self, user_id: str | None, replies: Sequence[Reply]) -> Texts:
        """The catalogue for channel-made labels (the phone button) in the person's language."""
        language = "ru"
        if user_id is not None and any(reply.request_contact for reply in replies):
            async with self.db.unit() as unit:
                account = await accounts.find(unit, Platform.TELEGRAM, user_id)
            if account is not None:
                language = account.language
        return texts(language)

    async def deliver(
        self,
        target: Target,
        replies: Sequence[Reply],
        *,
        user_id: str | None = None,
        progress: DeliveryProgress | None = None,
    ) -> None:
        """Show the answers now; what Telegram keeps refusing goes to the outbox.

        With ``progress`` (the answers owed by an inbox row) every message but the last is
        recorded as sent once Telegram took it, and messages recorded before are skipped:
        a restart after a kill sends only what had not gone out, so at most the one message
        in flight at the kill can arrive twice (Telegram has no idempotency key).
        """
        t = await self._texts(user_id or str(target.chat_id), replies)
        methods: list[tuple[int, TelegramMethod[Any]]] = []
        for index, reply in enumerate(replies):
            current = target if index == 0 else replace(target, remove_keyboard=False)
            methods.extend((index, method) for method in adapter.reply_methods([reply], current, t))
        for position in range(progress.sent if progress else 0, len(methods)):
            index, method = methods[position]
            try:
                await self.courier.send(method, target.chat_id)
            except DeliveryPostponed:
                await self._postpone(target, replies[index:])
                return
            if progress is not None and position + 1 < len(methods):
                await progress.record(position + 1)

    async def _postpone(self, target: Target, replies: Sequence[Reply]) -> None:
        async with self.db.unit() as unit:
            for reply in replies:
                await outbox.enqueue(
                    unit,
                    Platform.TELEGRAM,
                    str(target.chat_id),
                    reply.text,
                    [[(b.label, b.payload) for b in row] for row in reply.buttons],
                    now=self.engine.clock(),
                    document=reply.document,
                )

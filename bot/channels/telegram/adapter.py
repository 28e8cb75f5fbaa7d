"""Telegram shapes ↔ the neutral core: updates into ``Incoming``, ``Reply`` into API calls.

* Text is sent in HTML parse mode and everything is escaped: a customer's ``<b>`` or
  ``&`` shows as typed and never breaks a message (no Markdown pitfalls).
* Texts longer than Telegram's 4,096 characters are split, at a line break where possible
  (:mod:`bot.channels.long_text`, as for VK); the buttons go under the last part.
* Buttons become an inline keyboard (payloads are ≤ 64 bytes by construction; a longer one
  is dropped with an error in the log, never sent to fail the whole message). A reply that
  asks for the phone gets a reply keyboard with a ``request_contact`` button (Telegram
  offers it in private chats only: ``Incoming.can_share_contact`` says so).
"""

from __future__ import annotations

import functools
import html
import logging
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram.enums import ChatType, ParseMode
from aiogram.methods import SendDocument, SendMessage, TelegramMethod
from aiogram.types import (
    CallbackQuery,
    FSInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)

from bot.channels.long_text import split_text
from handlers.engine.messages import Attachment, Button, Contact, Incoming, Reply
from handlers.engine.payloads import MAX_BYTES
from handlers.i18n import Texts
from storage.models import Platform

log = logging.getLogger(__name__)

#: Telegram's limit for one message's text (counted in UTF-16 code units, to be safe).
MAX_TEXT = 4096
#: Bots may download files of at most 20 MB with getFile.
DOWNLOAD_LIMIT = 20 * 1024 * 1024
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def escape(text: str) -> str:
    """Text for HTML parse mode that shows exactly as written."""
    return html.escape(text, quote=False)


# -- updates → Incoming --------------------------------------------------------------------


def _name_for(kind: str, unique_id: str, mime: str | None, default_ext: str) -> str:
    extension = (mimetypes.guess_extension(mime) if mime else None) or default_ext
    return f"{kind}_{unique_id}{extension}"


def attachments_of(message: Message) -> tuple[Attachment, ...]:
    """Files in a message: a document, the largest photo size, a video, audio or voice."""
    found: list[Attachment] = []
    if message.document is not None:
        doc = message.document
        name = doc.file_name or _name_for("document", doc.file_unique_id, doc.mime_type, "")
        found.append(Attachment(doc.file_id, name, doc.file_size or 0, doc.mime_type or ""))
    if message.photo:
        photo = max(message.photo, key=lambda size: (size.file_size or 0, size.width))
        name = f"photo_{photo.file_unique_id}.jpg"
        found.append(Attachment(photo.file_id, name, photo.file_size or 0, "image/jpeg"))
    for kind, media, ext in (
        ("video", message.video, ".mp4"),
        ("audio", message.audio, ".mp3"),
        ("voice", message.voice, ".ogg"),
    ):
        if media is not None:
            file_name = getattr(media, "file_name", None)
            name = file_name or _name_for(kind, media.file_unique_id, media.mime_type, ext)
            found.append(
                Attachment(media.file_id, name, media.file_size or 0, media.mime_type or "")
            )
    return tuple(found)


def too_big(attachments: Sequence[Attachment]) -> Attachment | None:
    """The first file a bot cannot download (over Telegram's 20 MB), if any."""
    return next((a for a in attachments if a.size > DOWNLOAD_LIMIT), None)


def message_incoming(
    message: Message, *, from_manager: bool, chat_id: str | None = None
) -> Incoming:
    user = message.from_user
    assert user is not None
    contact = None
    if message.contact is not None:
        owner = message.contact.user_id
        contact = Contact(message.contact.phone_number, str(owner) if owner is not None else None)
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=chat_id if chat_id is not None else str(message.chat.id),
        user_id=str(user.id),
        text=message.text or message.caption or "",
        contact=contact,
        attachments=attachments_of(message),
        language=user.language_code,
        display_name=user.full_name,
        from_manager=from_manager,
        can_share_contact=message.chat.type == ChatType.PRIVATE,
    )


def callback_incoming(query: CallbackQuery, *, from_manager: bool, chat_id: str) -> Incoming:
    message = query.message
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=chat_id,
        user_id=str(query.from_user.id),
        payload=query.data or "",
        language=query.from_user.language_code,
        display_name=query.from_user.full_name,
        from_manager=from_manager,
        can_share_contact=message is None or message.chat.type == ChatType.PRIVATE,
    )


# -- Reply → API calls -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """Where answers go: a chat, maybe a forum topic, maybe as a reply to a message."""

    chat_id: int
    thread_id: int | None = None
    reply_to: int | None = None
    #: The person just shared their contact: hide the "share my phone" keyboard.
    remove_keyboard: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "chat": self.chat_id,
            "thread": self.thread_id,
            "reply_to": self.reply_to,
            "remove_keyboard": self.remove_keyboard,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Target:
        return cls(
            int(data["chat"]),
            data.get("thread"),
            data.get("reply_to"),
            bool(data.get("remove_keyboard")),
        )


def inline_keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    """The inline keyboard of ``rows`` (built once per distinct keyboard: the main menu and
    other common keyboards are shared by every chat, and building them is not free)."""
    try:
        return _inline_keyboard(tuple(tuple(row) for row in rows))
    except TypeError:  # an unhashable row type: build it without the cache
        return _build_inline_keyboard(rows)


@functools.lru_cache(maxsize=4096)
def _inline_keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    return _build_inline_keyboard(rows)


def _build_inline_keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    keyboard: list[list[InlineKeyboardButton]] = []
    for row in rows:
        line = []
        for button in row:
            if len(button.payload.encode()) > MAX_BYTES:
                log.error("button %r dropped: payload over %d bytes", button.label, MAX_BYTES)
                continue
            line.append(InlineKeyboardButton(text=button.label, callback_data=button.payload))
        if line:
            keyboard.append(line)
    return InlineKeyboardMarkup(inline_keyboard=keyboard) if keyboard else None


def contact_keyboard(t: Texts) -> ReplyKeyboardMarkup:
    return _contact_keyboard(t("telegram.share_phone"))


@functools.lru_cache(maxsize=16)
def _contact_keyboard(label: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=label, request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


def text_message(target: Target, text: str, markup: Markup = None) -> SendMessage:
    return SendMessage(
        chat_id=target.chat_id,
        text=escape(text),
        parse_mode=ParseMode.HTML,
        message_thread_id=target.thread_id,
        reply_markup=markup,
        link_preview_options=NO_PREVIEW,
        reply_parameters=(
            ReplyParameters(message_id=target.reply_to, allow_sending_without_reply=True)
            if target.reply_to
            else None
        ),
    )


def reply_methods(replies: Sequence[Reply], target: Target, t: Texts) -> list[TelegramMethod[Any]]:
    """The API calls that show ``replies`` in ``target``, in order."""
    methods: list[TelegramMethod[Any]] = []
    remove_pending = target.remove_keyboard
    for reply in replies:
        inline = inline_keyboard(reply.buttons)
        parts = split_text(reply.text, MAX_TEXT) if reply.text.strip() else []
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            markup: Markup = None
            if last and reply.request_contact:
                markup = contact_keyboard(t)
                remove_pending = False
            elif last and inline is not None:
                markup = inline
            elif remove_pending:
                markup = ReplyKeyboardRemove(remove_keyboard=True)
                remove_pending = False
            methods.append(text_message(target, part, markup))
        if reply.request_contact and inline is not None:
            # One message carries one keyboard: the choices follow under a short line.
            methods.append(text_message(target, t("telegram.choose_below"), inline))
        if reply.document:
            path = Path(reply.document)
            if path.is_file():
                methods.append(
                    SendDocument(
                        chat_id=target.chat_id,
                        document=FSInputFile(path),
                        message_thread_id=target.thread_id,
                    )
                )
            else:
                log.error("document %s to chat %s is missing; not sent", path, target.chat_id)
    return methods


def replies_to_json(replies: Sequence[Reply]) -> list[dict[str, Any]]:
    return [
        {
            "text": reply.text,
            "buttons": [[[b.label, b.payload] for b in row] for row in reply.buttons],
            "request_contact": reply.request_contact,
            "document": reply.document,
        }
        for reply in replies
    ]


def replies_from_json(data: Sequence[dict[str, Any]]) -> list[Reply]:
    return [
        Reply(
            text=str(item.get("text", "")),
            buttons=tuple(
                tuple(Button(str(label), str(payload)) for label, payload in row)
                for row in item.get("buttons", [])
            ),
            request_contact=bool(item.get("request_contact")),
            document=item.get("document"),
        )
        for item in data
    ]

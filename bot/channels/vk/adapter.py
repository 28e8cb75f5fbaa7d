"""VK shapes ↔ the neutral core: events into ``Incoming``, ``Reply`` into ``messages.send`` calls.

Keyboards, within VK's limits (checked by VK: an invalid keyboard is error 911):

* a client that reports ``callback`` among its ``button_actions`` gets inline keyboards of
  callback buttons (a press is a ``message_event``, no text appears in the chat);
* a client with inline keyboards but no callback buttons gets inline text buttons, and one
  without inline keyboards a keyboard under the input field (a press sends the label with
  the payload);
* at most 5 buttons a row; an inline keyboard has at most 6 rows and 10 buttons, a standard
  one 10 rows and 40 buttons. Rows of one button are paired up when there are too many
  rows (the main menu), and buttons beyond a keyboard's total go to a further message;
* a label is at most 40 characters; a payload is the neutral payload (≤ 64 bytes) wrapped
  as ``{"p": …}``, well under VK's 255.

A payload comes from the client and may be forged: :func:`read_payload` accepts only that
shape (or VK's own Start button); anything else reaches the engine as a payload that never
parses, so the person is told the button is not valid and nothing changes.

Texts go out as plain text (VK has no HTML mode), split at VK's 4,096 characters
(:mod:`bot.channels.long_text`, as for Telegram).

VK cannot share a person's verified phone number (no contact button): every ``Incoming``
from VK says ``can_share_contact=False``.
"""

from __future__ import annotations

import json
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.channels.long_text import split_text
from handlers.engine.messages import Attachment, Button, Incoming, Reply
from handlers.engine.payloads import MAX_BYTES
from storage.models import Platform

#: VK's limit for one message's text (counted in UTF-16 units, to be safe).
MAX_TEXT = 4096
MAX_LABEL = 40
MAX_PAYLOAD = 255
PER_ROW = 5
#: ``random_id`` space: positive int32, never 0 (0 turns VK's deduplication off).
RANDOM_ID_SPACE = 2**31 - 2
#: Calls one outbox row may take (text parts, further keyboards, the document).
CALLS_PER_ROW = 32
#: Stands in for a payload that is not ours: it never parses, so the engine refuses it.
INVALID_PAYLOAD = "invalid"
#: A ``ref`` from a vk.me link that the engine may see as ``/start <ref>``.
_REF = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
#: ``client_info.lang_id`` → catalogue language (others: the default, changeable /language).
LANG_IDS = {0: "ru", 3: "en"}


class Keyboard(StrEnum):
    CALLBACK = "callback"
    INLINE = "inline"
    STANDARD = "standard"

    @property
    def max_rows(self) -> int:
        return 10 if self is Keyboard.STANDARD else 6

    @property
    def max_buttons(self) -> int:
        return 40 if self is Keyboard.STANDARD else 10


def keyboard_kind(client_info: Any) -> Keyboard:
    """The keyboard a client shows, from ``client_info`` (unknown: callback, as current
    VK apps and the web version do)."""
    if client_info is None:
        return Keyboard.CALLBACK
    actions = {getattr(a, "value", a) for a in getattr(client_info, "button_actions", None) or []}
    if getattr(client_info, "inline_keyboard", False):
        return Keyboard.CALLBACK if "callback" in actions else Keyboard.INLINE
    return Keyboard.STANDARD


def random_id(outbox_id: int, call: int) -> int:
    """VK's idempotency key for call ``call`` of outbox row ``outbox_id``: a retried send
    carries the same one, and VK does not show the message twice."""
    if not 0 <= call < CALLS_PER_ROW:
        raise ValueError(f"call index {call} out of range")
    return 1 + (outbox_id * CALLS_PER_ROW + call) % RANDOM_ID_SPACE


# -- events → Incoming ---------------------------------------------------------------------


class Pressed(StrEnum):
    NOTHING = "nothing"
    START = "start"  # VK's own "Start" button: {"command": "start"}


def encode_payload(payload: str) -> str:
    return json.dumps({"p": payload}, separators=(",", ":"))


def read_payload(raw: Any) -> str | Pressed:
    """The neutral payload a button carried (a JSON string from ``message_new``, an object
    from ``message_event``); :data:`INVALID_PAYLOAD` for anything that is not ours."""
    if raw is None or raw == "":
        return Pressed.NOTHING
    data = raw
    if isinstance(raw, str):
        if len(raw.encode()) > MAX_PAYLOAD:
            return INVALID_PAYLOAD
        try:
            data = json.loads(raw)
        except ValueError:
            return INVALID_PAYLOAD
    if isinstance(data, dict):
        if data.get("command") == "start" and len(data) == 1:
            return Pressed.START
        value = data.get("p")
        if len(data) == 1 and isinstance(value, str) and len(value.encode()) <= MAX_BYTES:
            return value
    return INVALID_PAYLOAD


def language_of(client_info: Any) -> str | None:
    lang_id = getattr(client_info, "lang_id", None) if client_info is not None else None
    return LANG_IDS.get(lang_id) if isinstance(lang_id, int) else None


def start_ref(ref: str | None) -> str | None:
    """The invitation token of a vk.me link (``?ref=TOKEN``), if it looks like one."""
    if ref and _REF.match(ref):
        return ref
    return None


def message_incoming(
    message: Any,
    *,
    from_manager: bool,
    display_name: str = "",
    attachments: Sequence[Attachment] = (),
) -> Incoming:
    """A ``message_new`` (vkbottle's ``MessageMin``) as the engine sees it."""
    text = message.text or ""
    payload: str | None = None
    pressed = read_payload(message.payload)
    ref = start_ref(getattr(message, "ref", None))
    if ref is not None:
        # The first message after a vk.me/club…?ref=TOKEN link: the invitation's deep link.
        text = f"/start {ref}"
    elif pressed is Pressed.START:
        text = "/start"
    elif pressed is not Pressed.NOTHING:
        payload = str(pressed)
    return Incoming(
        platform=Platform.VK,
        chat_id=str(message.peer_id),
        user_id=str(message.from_id),
        text=text,
        payload=payload,
        attachments=tuple(attachments),
        language=language_of(getattr(message, "client_info", None)),
        display_name=display_name,
        from_manager=from_manager,
        can_share_contact=False,
    )


def event_incoming(
    *, user_id: int, peer_id: int, payload: Any, from_manager: bool, display_name: str = ""
) -> Incoming:
    """A ``message_event`` (a callback button) as the engine sees it."""
    pressed = read_payload(payload)
    value = str(pressed) if not isinstance(pressed, Pressed) else INVALID_PAYLOAD
    return Incoming(
        platform=Platform.VK,
        chat_id=str(peer_id),
        user_id=str(user_id),
        payload=value,
        display_name=display_name,
        from_manager=from_manager,
        can_share_contact=False,
    )


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file in a message; a photo's size is not in the event (``size_known`` False)."""

    attachment: Attachment
    size_known: bool = True


def _doc_name(title: str, ext: str) -> str:
    title = (title or "").strip()[:200] or "document"
    ext = (ext or "").strip().lower()
    if ext and not title.lower().endswith(f".{ext}"):
        title = f"{title}.{ext}"
    return title


def files_of(message: Any) -> list[FoundFile]:
    """Documents and photos in a message (other attachment kinds are not files we keep)."""
    found: list[FoundFile] = []
    for item in message.attachments or []:
        doc = getattr(item, "doc", None)
        photo = getattr(item, "photo", None)
        if doc is not None and doc.url and str(doc.url).startswith(("http://", "https://")):
            name = _doc_name(doc.title or "", doc.ext or "")
            mime = mimetypes.guess_type(name)[0] or ""
            found.append(FoundFile(Attachment(str(doc.url), name, int(doc.size or 0), mime)))
        elif photo is not None and photo.sizes:
            best = max(photo.sizes, key=lambda s: (s.width or 0) * (s.height or 0))
            url = str(best.url or "")
            if url.startswith(("http://", "https://")):
                name = f"photo_{photo.owner_id}_{photo.id}.jpg"
                found.append(FoundFile(Attachment(url, name, 0, "image/jpeg"), size_known=False))
    return found


# -- Reply → messages.send calls ---------------------------------------------------------------


def label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _chunks(row: Sequence[Button]) -> list[list[Button]]:
    return [list(row[i : i + PER_ROW]) for i in range(0, len(row), PER_ROW)]


def _merge(rows: list[list[Button]], width: int) -> list[list[Button]]:
    merged: list[list[Button]] = []
    for row in rows:
        if merged and len(merged[-1]) + len(row) <= width:
            merged[-1] = merged[-1] + row
        else:
            merged.append(list(row))
    return merged


def _fit_rows(rows: list[list[Button]], max_rows: int) -> list[list[Button]]:
    """Fewer rows by pairing up short ones (then threes…), else plain rows of 5."""
    for width in range(2, PER_ROW + 1):
        if len(rows) <= max_rows:
            return rows
        rows = _merge(rows, width)
    if len(rows) <= max_rows:
        return rows
    flat = [button for row in rows for button in row]
    return _chunks(flat)


def keyboard_pages(rows: Sequence[Sequence[Button]], kind: Keyboard) -> list[list[list[Button]]]:
    """The buttons as keyboards within VK's limits, in order (usually one)."""
    usable = [
        [b for b in row if len(encode_payload(b.payload)) <= MAX_PAYLOAD and b.label.strip()]
        for row in rows
    ]
    split = [chunk for row in usable if row for chunk in _chunks(row)]
    pages: list[list[list[Button]]] = []
    current: list[list[Button]] = []
    count = 0
    for row in split:
        if current and count + len(row) > kind.max_buttons:
            pages.append(current)
            current, count = [], 0
        current.append(row)
        count += len(row)
    if current:
        pages.append(current)
    return [_fit_rows(page, kind.max_rows) for page in pages]


def keyboard_json(page: Sequence[Sequence[Button]], kind: Keyboard) -> str:
    buttons = [
        [
            {
                "action": {
                    "type": "callback" if kind is Keyboard.CALLBACK else "text",
                    "label": label(button.label),
                    "payload": encode_payload(button.payload),
                }
            }
            for button in row
        ]
        for row in page
    ]
    data = {"one_time": kind is Keyboard.STANDARD, "inline": kind is not Keyboard.STANDARD}
    return json.dumps({**data, "buttons": buttons}, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class SendCall:
    """One ``messages.send``: text, maybe a keyboard, maybe a file to upload first."""

    message: str
    keyboard: str | None = None
    document: str | None = None


def reply_calls(reply: Reply, kind: Keyboard, *, more: str) -> list[SendCall]:
    """The calls that show ``reply``; ``more`` is the text above further keyboards."""
    parts = split_text(reply.text, MAX_TEXT) if reply.text.strip() else []
    pages = [keyboard_json(page, kind) for page in keyboard_pages(reply.buttons, kind)]
    if pages and not parts:
        parts = [more]
    calls = [
        SendCall(part, pages[0] if pages and index == len(parts) - 1 else None)
        for index, part in enumerate(parts)
    ]
    calls.extend(SendCall(more, page) for page in pages[1:])
    if reply.document:
        calls.append(SendCall("", None, reply.document))
    return calls[:CALLS_PER_ROW]


def stored_reply(
    text: str, buttons: Sequence[Sequence[tuple[str, str]]], document: str | None
) -> Reply:
    """An outbox row as a ``Reply``."""
    rows = tuple(tuple(Button(label, payload) for label, payload in row) for row in buttons)
    return Reply(text, rows, document=document)

"""A fake Telegram Bot API for the Telegram channel's tests (no network, no aiogram here).

:class:`FakeTelegram` answers Bot API methods the way Telegram does, from plain parameter
dicts, and records what the bot sent. It is used two ways:

* in-process, behind :class:`tests.support.telegram_session.RecordingSession` (a real ``Bot`` and
  ``Dispatcher`` whose session never touches the network);
* over HTTP, by :func:`serve` — an aiohttp app on 127.0.0.1 and a random port that
  ``python -m bot run`` talks to through ``TELEGRAM_API_URL`` (getUpdates long polling,
  file downloads, and injected faults: 429 with ``retry_after``, 500s, connections dropped
  before the request is processed).

Like Telegram it refuses an unescaped ``<`` in HTML text, a text over 4,096 characters,
callback data over 64 bytes, a message to a deleted forum topic or a blocked user, and
(optionally) more than 30 messages a second overall, 4 a second per private chat or 25 a
minute per group (answered 429).
"""

from __future__ import annotations

import asyncio
import html
import json
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_ID = 4242
TOKEN = f"{BOT_ID}:TEST-token_for-the-fake-bot-api"
NOW = 1_795_000_000


@dataclass
class Sent:
    """A message the fake Telegram accepted."""

    method: str
    chat_id: int
    message_id: int
    text: str
    thread_id: int | None = None
    markup: dict[str, Any] | None = None
    reply_to: int | None = None
    document: str | None = None

    @property
    def plain(self) -> str:
        return html.unescape(self.text)

    @property
    def buttons(self) -> list[tuple[str, str]]:
        rows = (self.markup or {}).get("inline_keyboard") or []
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]

    @property
    def contact_button(self) -> bool:
        rows = (self.markup or {}).get("keyboard") or []
        return any(b.get("request_contact") for row in rows for b in row)


class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "allowed_updates",
        "commands",
        "scope",
        "reply_parameters",
        "link_preview_options",
    }
)


def _json_param(key: str, value: Any) -> Any:
    if key in _JSON_PARAMS and isinstance(value, str):
        return json.loads(value)
    return value


@dataclass
class Window:
    limit: int
    seconds: float
    events: deque[float] = field(default_factory=deque)

    def hit(self, now: float) -> bool:
        while self.events and self.events[0] <= now - self.seconds:
            self.events.popleft()
        if len(self.events) >= self.limit:
            return False
        self.events.append(now)
        return True


class FakeTelegram:
    def __init__(
        self,
        *,
        manager_chat_id: int | None = None,
        forum: bool = True,
        bot_status: str = "administrator",
        can_manage_topics: bool = True,
        members: dict[int, str] | None = None,
        enforce_limits: bool = False,
        limits_scale: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.manager_chat_id = manager_chat_id
        self.forum = forum
        self.bot_status = bot_status
        self.can_manage_topics = can_manage_topics
        self.members = dict(members or {})
        self.enforce_limits = enforce_limits
        self.sent: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.commands: list[dict[str, Any]] = []
        self.topics: dict[int, str] = {}
        self.deleted_topics: set[int] = set()
        self.blocked: set[int] = set()
        self.files: dict[str, tuple[str, bytes]] = {}
        self.webhook: dict[str, Any] | None = None
        #: What getWebhookInfo reports as the last delivery error ("" : none).
        self.webhook_error = ""
        self.updates: list[dict[str, Any]] = []
        self.acknowledged = 0
        self.served: list[int] = []
        self.rate_limited = 0
        self.queued_errors: dict[str, deque[ApiError | None]] = {}
        self._message_id = 100
        self._thread_id = 500
        self._update_id = 70_000
        self.limits_scale = limits_scale
        #: The clock the limits are enforced by (a test's fake clock moves it, not sleeping).
        self.monotonic = monotonic
        self._global = Window(round(30 * limits_scale), 1.0)
        self._chats: dict[int, Window] = {}
        self.update_arrived = asyncio.Event()
        self.changed = asyncio.Event()

    # -- feeding updates (what people do) ------------------------------------------------

    def _user(self, user_id: int, language: str = "ru", name: str = "") -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": name or f"User{user_id}",
            "language_code": language,
        }

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id < 0:
            return {
                "id": chat_id,
                "type": "supergroup",
                "title": "Managers",
                "is_forum": self.forum,
            }
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        self._update_id += 1
        update = {"update_id": self._update_id, **update}
        self.updates.append(update)
        self.update_arrived.set()
        return update

    def message(
        self,
        user_id: int,
        text: str = "",
        *,
        chat_id: int | None = None,
        language: str = "ru",
        thread_id: int | None = None,
        reply_to: Sent | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message update (also returned, for feeding a Dispatcher directly)."""
        self._message_id += 1
        message: dict[str, Any] = {
            "message_id": self._message_id,
            "date": NOW,
            "chat": self._chat(chat_id if chat_id is not None else user_id),
            "from": self._user(user_id, language),
            **extra,
        }
        if text:
            message["text"] = text
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if reply_to is not None:
            message["reply_to_message"] = {
                "message_id": reply_to.message_id,
                "date": NOW,
                "chat": self._chat(reply_to.chat_id),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
                "text": reply_to.plain,
            }
        return self.push({"message": message})

    def contact(self, user_id: int, phone: str, owner: int | None, language: str = "ru") -> dict:
        contact: dict[str, Any] = {"phone_number": phone, "first_name": "Someone"}
        if owner is not None:
            contact["user_id"] = owner
        return self.message(user_id, language=language, contact=contact)

    def document(
        self,
        user_id: int,
        name: str,
        content: bytes,
        *,
        size: int | None = None,
        language: str = "ru",
        caption: str = "",
    ) -> dict[str, Any]:
        file_id = f"FILE{len(self.files) + 1}"
        self.files[file_id] = (f"documents/{file_id}_{len(self.files)}.bin", content)
        document = {
            "file_id": file_id,
            "file_unique_id": f"U{file_id}",
            "file_name": name,
            "file_size": len(content) if size is None else size,
            "mime_type": "application/pdf",
        }
        extra: dict[str, Any] = {"document": document}
        if caption:
            extra["caption"] = caption
        return self.message(user_id, language=language, **extra)

    def press(
        self,
        user_id: int,
        sent: Sent,
        label: str,
        *,
        language: str = "ru",
        data: str | None = None,
    ) -> dict[str, Any]:
        """Press a button of a message the bot sent (or send forged ``data``)."""
        if data is None:
            matches = [d for text, d in sent.buttons if label in text]
            assert len(matches) == 1, (label, sent.buttons)
            data = matches[0]
        message: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": NOW,
            "chat": self._chat(sent.chat_id),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
            "text": sent.plain,
        }
        if sent.thread_id is not None:
            message["message_thread_id"] = sent.thread_id
            message["is_topic_message"] = True
        return self.push(
            {
                "callback_query": {
                    "id": f"cb{len(self.updates)}",
                    "from": self._user(user_id, language),
                    "chat_instance": "ci",
                    "message": message,
                    "data": data,
                }
            }
        )

    # -- reading what the bot did ----------------------------------------------------------

    def to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]

    def texts(self, chat_id: int) -> list[str]:
        return [s.plain for s in self.to(chat_id)]

    def last(self, chat_id: int, containing: str = "") -> Sent:
        found = [s for s in self.to(chat_id) if containing in s.plain]
        assert found, (chat_id, containing, self.texts(chat_id))
        return found[-1]

    def with_button(self, chat_id: int, label: str) -> Sent:
        found = [s for s in self.to(chat_id) if any(label in t for t, _ in s.buttons)]
        assert found, (chat_id, label, [s.buttons for s in self.to(chat_id)])
        return found[-1]

    # -- the API ---------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        retry_after: int | None = None,
        *,
        after: int = 0,
    ) -> None:
        """The next call of ``method`` fails (after ``after`` calls that succeed)."""
        queue = self.queued_errors.setdefault(method, deque())
        queue.extend([None] * after)
        queue.append(ApiError(status, description, retry_after))

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Carry out one call: (HTTP status, JSON body) as Telegram would answer."""
        params = {key: _json_param(key, value) for key, value in params.items()}
        self.calls.append((method, params))
        try:
            queued = self.queued_errors.get(method)
            error = queued.popleft() if queued else None
            if error is not None:
                raise error
            handler = getattr(self, f"_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = handler(params)
        except ApiError as exc:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": exc.status,
                "description": exc.description,
            }
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return exc.status, body
        self.changed.set()
        return 200, {"ok": True, "result": result}

    def _limit(self, chat_id: int) -> None:
        if not self.enforce_limits:
            return
        now = self.monotonic()
        scale = self.limits_scale
        window = self._chats.setdefault(
            chat_id,
            Window(round(5 + 20 * scale), 60.0) if chat_id < 0 else Window(round(3 + scale), 1.0),
        )
        if not self._global.hit(now) or not window.hit(now):
            self.rate_limited += 1
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)

    def _message(
        self, params: dict[str, Any], text: str, method: str, document: str | None = None
    ) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        thread = params.get("message_thread_id")
        thread = int(thread) if thread is not None else None
        if thread is not None and (thread in self.deleted_topics or thread not in self.topics):
            raise ApiError(400, "Bad Request: message thread not found")
        markup = params.get("reply_markup")
        for row in (markup or {}).get("inline_keyboard") or []:
            for button in row:
                if len(button.get("callback_data", "").encode()) > 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        self._limit(chat_id)
        self._message_id += 1
        reply = params.get("reply_parameters") or {}
        sent = Sent(
            method,
            chat_id,
            self._message_id,
            text,
            thread,
            markup,
            reply.get("message_id"),
            document,
        )
        self.sent.append(sent)
        result: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": NOW,
            "chat": self._chat(chat_id),
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
        }
        if text:
            result["text"] = html.unescape(text)
        if thread is not None:
            result["message_thread_id"] = thread
            result["is_topic_message"] = True
        return result

    def _sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        text = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML" and "<" in text:
            raise ApiError(400, "Bad Request: can't parse entities: unsupported start tag")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if _units(html.unescape(text)) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._message(params, text, "sendMessage")

    def _sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        name = str(params.get("document_name") or params.get("document") or "document")
        return self._message(params, str(params.get("caption", "")), "sendDocument", name)

    def _editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        return True

    def _answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        self.callback_answers.append(params)
        return True

    def _getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Support", "username": "support_bot"}

    def _deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    def _setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = params
        return True

    def _getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }
        if self.webhook_error:
            info.update(last_error_date=NOW, last_error_message=self.webhook_error)
        return info

    def _setMyCommands(self, params: dict[str, Any]) -> bool:
        self.commands.append(params)
        return True

    def _getChat(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self._chat(int(params["chat_id"])),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        user_id = int(params["user_id"])
        user = {"id": user_id, "is_bot": user_id == BOT_ID, "first_name": f"U{user_id}"}
        if user_id == BOT_ID:
            if self.bot_status == "administrator":
                flags = dict.fromkeys(
                    (
                        "can_be_edited",
                        "is_anonymous",
                        "can_manage_chat",
                        "can_delete_messages",
                        "can_manage_video_chats",
                        "can_restrict_members",
                        "can_promote_members",
                        "can_change_info",
                        "can_invite_users",
                        "can_post_stories",
                        "can_edit_stories",
                        "can_delete_stories",
                        "can_send_welcome_messages",
                    ),
                    False,
                )
                return {
                    "status": "administrator",
                    "user": user,
                    **flags,
                    "can_manage_topics": self.can_manage_topics,
                }
            return {"status": "member", "user": user}
        status = self.members.get(user_id, "left")
        return {"status": status, "user": user}

    def _createForumTopic(self, params: dict[str, Any]) -> dict[str, Any]:
        if not self.forum:
            raise ApiError(400, "Bad Request: the chat is not a forum")
        if self.bot_status != "administrator" or not self.can_manage_topics:
            raise ApiError(400, "Bad Request: not enough rights to create a topic")
        self._limit(int(params["chat_id"]))
        self._thread_id += 1
        self.topics[self._thread_id] = str(params["name"])
        return {"message_thread_id": self._thread_id, "name": params["name"], "icon_color": 0}

    def _editForumTopic(self, params: dict[str, Any]) -> bool:
        thread = int(params["message_thread_id"])
        if thread in self.deleted_topics or thread not in self.topics:
            raise ApiError(400, "Bad Request: TOPIC_ID_INVALID")
        if self.topics[thread] == params.get("name"):
            raise ApiError(400, "Bad Request: TOPIC_NOT_MODIFIED")
        self.topics[thread] = str(params["name"])
        return True

    def _reopenForumTopic(self, params: dict[str, Any]) -> bool:
        return True

    def _getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        if len(content) > 20 * 1024 * 1024:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": f"U{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    def _getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = params.get("offset")
        return self.take_updates(int(offset) if offset is not None else None)

    def file_content(self, path: str) -> bytes | None:
        for stored_path, content in self.files.values():
            if stored_path == path:
                return content
        return None

    def take_updates(self, offset: int | None) -> list[dict[str, Any]]:
        if offset:
            self.acknowledged = max(self.acknowledged, offset - 1)
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        return list(self.updates[:100])


# -- over HTTP -------------------------------------------------------------------------------


@dataclass
class Faults:
    """Failures before a request is processed: every ``every``-th request (kinds in turn,
    so each kind occurs), plus others at random with probability ``rate`` (seeded)."""

    every: int = 0
    rate: float = 0.0
    seed: int = 7
    kinds: tuple[str, ...] = ("429", "500", "drop")
    #: Methods never failed (e.g. getFile in a test that is about something else).
    spared: tuple[str, ...] = ()
    injected: dict[str, int] = field(default_factory=dict)
    #: The methods whose connection was dropped, in order.
    dropped: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._requests = 0
        self._turn = 0

    def pick(self, method: str) -> str | None:
        if method in self.spared:
            return None
        self._requests += 1
        scheduled = self.every > 0 and self._requests % self.every == 0
        if not scheduled and self._random.random() >= self.rate:
            return None
        kind = self.kinds[self._turn % len(self.kinds)]
        self._turn += 1
        self.injected[kind] = self.injected.get(kind, 0) + 1
        if kind == "drop":
            self.dropped.append(method)
        return kind


Gate = Callable[[str, dict[str, Any]], Any]
GATES = web.AppKey("gates", list)


def make_app(fake: FakeTelegram, faults: Faults | None = None) -> web.Application:
    faults = faults or Faults()
    gates: list[Gate] = []

    async def call(request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        if request.content_type.startswith("multipart/") or request.content_type.endswith(
            "x-www-form-urlencoded"
        ):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = "attached"
                    params[f"{key}_name"] = value.filename
                else:
                    params[key] = value
        elif request.can_read_body:
            params = await request.json()
        if method.lower() == "getupdates":
            return await _get_updates(fake, faults, request, params)
        kind = faults.pick(method)
        if kind == "drop":
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        if kind == "429":
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                },
                status=429,
            )
        if kind == "500":
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error"}, status=500
            )
        try:
            for gate in list(gates):
                await gate(method, params)
        except ConnectionAbortedError:  # the test let this request die unanswered
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        status, body = fake.answer(method, params)
        return web.json_response(body, status=status)

    async def download(request: web.Request) -> web.Response:
        content = fake.file_content(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[GATES] = gates
    app.router.add_post("/bot{token}/{method}", call)
    app.router.add_get("/file/bot{token}/{path:.*}", download)
    return app


async def _get_updates(
    fake: FakeTelegram, faults: Faults, request: web.Request, params: dict[str, Any]
) -> web.Response:
    offset = int(params.get("offset") or 0)
    timeout = float(params.get("timeout") or 0)
    # Acknowledge first (the offset confirms earlier updates, as Telegram does)...
    fake.take_updates(offset)
    kind = faults.pick("getUpdates")
    if kind == "500":
        return web.json_response(
            {"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502
        )
    loop = asyncio.get_running_loop()
    deadline = loop.time() + min(timeout, 1.0)
    while not fake.take_updates(offset) and loop.time() < deadline:
        fake.update_arrived.clear()
        try:
            await asyncio.wait_for(fake.update_arrived.wait(), deadline - loop.time())
        except TimeoutError:
            break
    updates = fake.take_updates(offset)
    fake.calls.append(("getUpdates", params))
    fake.served.extend(u["update_id"] for u in updates)
    fake.changed.set()
    if kind == "drop" and updates:
        # The connection dies while the answer is on its way: the updates stay unconfirmed.
        assert request.transport is not None
        request.transport.close()
        return web.Response(status=500)
    return web.json_response({"ok": True, "result": updates})


class Server:
    """The fake Bot API over HTTP on 127.0.0.1 and a random free port."""

    def __init__(self, fake: FakeTelegram, faults: Faults | None = None) -> None:
        self.fake = fake
        self.faults = faults or Faults()
        self.app = make_app(fake, self.faults)
        self.runner = web.AppRunner(self.app)
        self.url = ""

    @property
    def gates(self) -> list[Gate]:
        return self.app[GATES]

    async def __aenter__(self) -> Server:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()

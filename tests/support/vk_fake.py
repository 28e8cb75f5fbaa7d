"""A fake VK API for the VK channel's tests: an aiohttp server on 127.0.0.1 and a random port.

It answers the way VK does, from plain parameters (no vkbottle here), and records what the
community sent:

* ``/method/<name>``: ``groups.getById``, ``groups.getLongPollServer``, ``messages.send``
  (deduplicated by ``random_id`` like VK: a repeated id returns the first message's id and
  shows nothing), ``messages.sendMessageEventAnswer``, ``users.get``,
  ``docs.getMessagesUploadServer`` and ``docs.save``;
* ``/lp``: the Bots Long Poll server (``a_check`` with ``key`` and ``ts``; ``failed`` 1, 2 and
  3 when the history is gone, the key expired or was lost — or when a test injects them);
* ``/files/<name>``: documents and photos people sent (GET and HEAD), ``/upload``: documents
  the community uploads.

Like VK it refuses a message to someone who has not written to the community or allowed
its messages (error 901), a text over 4,096 characters (914), an invalid keyboard — more
than 5 buttons in a row, an inline keyboard over 6 rows or 10 buttons, a standard one over
10 rows or 40 buttons, a label over 40 characters, a payload over 255 (911) — and, when
``enforce_limit`` is on, more than 20 requests a second (error 6).

:class:`Faults` injects error 6, error 10 and dropped connections — before the request is
processed, or after it was processed and its answer is lost — at random (seeded).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import json
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

GROUP_ID = 777
TOKEN = "vk1.a.fake-community-token"
NOW = 1_795_000_000
CALLBACK_CLIENT = {
    "button_actions": ["text", "vkpay", "open_app", "location", "open_link", "callback"],
    "keyboard": True,
    "inline_keyboard": True,
    "carousel": True,
    "lang_id": 0,
}


@dataclass
class SentVK:
    """A message the fake VK accepted."""

    message_id: int
    peer_id: int
    text: str
    random_id: int
    keyboard: dict[str, Any] | None = None
    attachment: str = ""

    @property
    def buttons(self) -> list[tuple[str, str, str]]:
        """(label, neutral payload, button type) of every button."""
        found = []
        for row in (self.keyboard or {}).get("buttons", []):
            for button in row:
                action = button["action"]
                payload = action.get("payload") or "{}"
                data = json.loads(payload) if isinstance(payload, str) else payload
                found.append((action.get("label", ""), str(data.get("p", "")), action["type"]))
        return found

    def button(self, label: str) -> tuple[str, str, str]:
        for found in self.buttons:
            if label in found[0]:
                return found
        raise AssertionError(f"no button {label!r} in {self.buttons}")


class VKError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


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


class FakeVK:
    def __init__(
        self,
        *,
        group_id: int = GROUP_ID,
        enforce_limit: bool = False,
        first_ts: int = 100,
    ) -> None:
        self.group_id = group_id
        self.base_url = ""
        self.enforce_limit = enforce_limit
        self.window = Window(20, 1.0)
        self.rate_limited = 0
        self.events: list[dict[str, Any]] = []
        self.first_ts = first_ts
        self.history_from = first_ts
        self.keys: set[str] = set()
        self.poll_failures: list[int] = []
        self.polls: list[dict[str, Any]] = []
        self.sent: list[SentVK] = []
        self.by_random: dict[int, int] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.event_answers: list[dict[str, Any]] = []
        self.allowed: set[int] = set()
        self.refusing: set[int] = set()
        self.names: dict[int, tuple[str, str]] = {}
        self.files: dict[str, bytes] = {}
        self.uploads: dict[str, tuple[str, bytes]] = {}
        self.docs: dict[str, bytes] = {}
        self.changed = asyncio.Event()
        self.event_arrived = asyncio.Event()
        self._ids = itertools.count(1)
        self._cmids: dict[int, itertools.count[int]] = {}

    # -- people act ------------------------------------------------------------------------

    @property
    def next_ts(self) -> int:
        return self.first_ts + len(self.events)

    def _event(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        number = self.next_ts
        event_id = hashlib.sha1(f"{kind}:{number}:{time.time_ns()}".encode()).hexdigest()
        event = {
            "type": kind,
            "event_id": event_id,
            "v": "5.199",
            "object": obj,
            "group_id": self.group_id,
        }
        self.events.append(event)
        self.event_arrived.set()
        self.changed.set()
        return event

    def _cmid(self, peer_id: int) -> int:
        return next(self._cmids.setdefault(peer_id, itertools.count(1)))

    def message(
        self,
        user_id: int,
        text: str = "",
        *,
        payload: str | None = None,
        ref: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
        client: dict[str, Any] | None = None,
        lang_id: int | None = None,
        name: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """``user_id`` writes to the community (which also allows its messages)."""
        self.allowed.add(user_id)
        if name is not None:
            self.names[user_id] = name
        info = dict(client or CALLBACK_CLIENT)
        if lang_id is not None:
            info["lang_id"] = lang_id
        message: dict[str, Any] = {
            "date": NOW,
            "from_id": user_id,
            "id": next(self._ids),
            "out": 0,
            "version": 1,
            "peer_id": user_id,
            "text": text,
            "conversation_message_id": self._cmid(user_id),
            "fwd_messages": [],
            "important": False,
            "is_hidden": False,
            "attachments": attachments or [],
        }
        if payload is not None:
            message["payload"] = payload
        if ref is not None:
            message["ref"] = ref
            message["ref_source"] = "link"
        return self._event("message_new", {"message": message, "client_info": info})

    def press(
        self, user_id: int, sent: SentVK, label: str, *, client: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Press a button of ``sent``: a callback button is a ``message_event``, a text
        button sends its label with its payload."""
        for row in (sent.keyboard or {}).get("buttons", []):
            for button in row:
                action = button["action"]
                if label not in action.get("label", ""):
                    continue
                if action["type"] == "callback":
                    return self.callback(user_id, action["payload"], peer_id=sent.peer_id)
                return self.message(
                    user_id, action["label"], payload=action["payload"], client=client
                )
        raise AssertionError(f"no button {label!r} in {sent.buttons}")

    def callback(self, user_id: int, payload: Any, *, peer_id: int | None = None) -> dict:
        """``user_id`` presses a callback button carrying ``payload``."""
        self.allowed.add(user_id)
        data = json.loads(payload) if isinstance(payload, str) else payload
        return self._event(
            "message_event",
            {
                "user_id": user_id,
                "peer_id": peer_id or user_id,
                "event_id": hashlib.md5(f"{time.time_ns()}".encode()).hexdigest()[:16],
                "payload": data,
                "conversation_message_id": self._cmid(peer_id or user_id),
            },
        )

    def document(
        self, user_id: int, name: str, content: bytes, *, text: str = "", size: int | None = None
    ) -> dict[str, Any]:
        key = f"doc{len(self.files) + 1}_{name}"
        self.files[key] = content
        stem, _, ext = name.rpartition(".")
        doc = {
            "id": len(self.files),
            "owner_id": user_id,
            "title": name,
            "size": len(content) if size is None else size,
            "ext": ext if stem else "",
            "url": f"{self.base_url}/files/{key}",
            "date": NOW,
            "type": 1,
            "access_key": "a1b2",
        }
        return self.message(user_id, text, attachments=[{"type": "doc", "doc": doc}])

    def photo(self, user_id: int, content: bytes, *, text: str = "") -> dict[str, Any]:
        key = f"photo{len(self.files) + 1}.jpg"
        self.files[key] = content
        photo = {
            "id": len(self.files),
            "owner_id": user_id,
            "album_id": -3,
            "date": NOW,
            "sizes": [
                {
                    "type": "s",
                    "url": f"{self.base_url}/files/small-{key}",
                    "width": 75,
                    "height": 50,
                },
                {"type": "x", "url": f"{self.base_url}/files/{key}", "width": 604, "height": 403},
            ],
        }
        return self.message(user_id, text, attachments=[{"type": "photo", "photo": photo}])

    # -- what the community sent -----------------------------------------------------------

    def to(self, peer_id: int) -> list[SentVK]:
        return [s for s in self.sent if s.peer_id == peer_id]

    def texts(self, peer_id: int) -> list[str]:
        return [s.text for s in self.to(peer_id)]

    def last(self, peer_id: int, containing: str = "") -> SentVK:
        for sent in reversed(self.to(peer_id)):
            if containing in sent.text:
                return sent
        raise AssertionError(
            f"nothing with {containing!r} sent to {peer_id}: {self.texts(peer_id)}"
        )

    def expire_keys(self) -> None:
        """Every long-poll key expires (the next a_check answers ``failed: 2``)."""
        self.keys.clear()

    def forget_history_before(self, ts: int) -> None:
        self.history_from = ts

    # -- API methods -----------------------------------------------------------------------

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls.append((method, params))
        try:
            if params.get("access_token") != TOKEN:
                raise VKError(5, "User authorization failed: invalid access_token (4).")
            if self.enforce_limit and not self.window.hit(time.monotonic()):
                self.rate_limited += 1
                raise VKError(6, "Too many requests per second")
            handler = getattr(self, "_" + method.replace(".", "_"), None)
            if handler is None:
                raise VKError(3, "Unknown method passed")
            result = {"response": handler(params)}
        except VKError as exc:
            result = {
                "error": {
                    "error_code": exc.code,
                    "error_msg": exc.message,
                    "request_params": [{"key": "method", "value": method}],
                }
            }
        self.changed.set()
        return result

    def _groups_getById(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "groups": [
                {
                    "id": self.group_id,
                    "name": "Support",
                    "screen_name": f"club{self.group_id}",
                    "is_closed": 0,
                    "type": "group",
                }
            ],
            "profiles": [],
        }

    def _groups_getLongPollServer(self, params: dict[str, Any]) -> dict[str, Any]:
        if int(params.get("group_id", 0)) != self.group_id:
            raise VKError(100, "One of the parameters specified was missing or invalid: group_id")
        key = hashlib.md5(f"key{time.time_ns()}".encode()).hexdigest()
        self.keys.add(key)
        return {"key": key, "server": f"{self.base_url}/lp", "ts": str(self.next_ts)}

    def _users_get(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        ids = [int(i) for i in str(params.get("user_ids", "")).split(",") if i.strip()]
        return [
            {
                "id": uid,
                "first_name": self.names.get(uid, ("User", str(uid)))[0],
                "last_name": self.names.get(uid, ("User", str(uid)))[1],
                "can_access_closed": True,
                "is_closed": False,
            }
            for uid in ids
        ]

    def _messages_send(self, params: dict[str, Any]) -> int:
        peer = int(params.get("peer_id") or params.get("user_id") or 0)
        if "random_id" not in params:
            raise VKError(100, "One of the parameters specified was missing or invalid: random_id")
        rid = int(params["random_id"])
        if rid and rid in self.by_random:
            return self.by_random[rid]
        text = str(params.get("message", ""))
        if not text and not params.get("attachment"):
            raise VKError(100, "One of the parameters specified was missing or invalid: message")
        if len(text) > 4096:
            raise VKError(914, "Message is too long")
        if peer in self.refusing or peer not in self.allowed:
            raise VKError(901, "Can't send messages for users without permission")
        keyboard = json.loads(params["keyboard"]) if params.get("keyboard") else None
        if keyboard is not None:
            _check_keyboard(keyboard)
        message_id = next(self._ids)
        self.sent.append(
            SentVK(message_id, peer, text, rid, keyboard, str(params.get("attachment", "")))
        )
        if rid:
            self.by_random[rid] = message_id
        return message_id

    def _messages_sendMessageEventAnswer(self, params: dict[str, Any]) -> int:
        for key in ("event_id", "user_id", "peer_id"):
            if not params.get(key):
                raise VKError(100, f"One of the parameters specified was missing: {key}")
        self.event_answers.append(params)
        return 1

    def _docs_getMessagesUploadServer(self, params: dict[str, Any]) -> dict[str, Any]:
        peer = params.get("peer_id")
        return {"upload_url": f"{self.base_url}/upload?peer={peer}"}

    def _docs_save(self, params: dict[str, Any]) -> dict[str, Any]:
        token = str(params.get("file", ""))
        if token not in self.uploads:
            raise VKError(100, "One of the parameters specified was missing or invalid: file")
        name, content = self.uploads.pop(token)
        title = str(params.get("title") or name)
        doc_id = len(self.docs) + 1
        self.docs[f"doc-{self.group_id}_{doc_id}"] = content
        return {
            "type": "doc",
            "doc": {
                "id": doc_id,
                "owner_id": -self.group_id,
                "title": title,
                "size": len(content),
                "ext": title.rpartition(".")[2],
                "url": f"{self.base_url}/files/up{doc_id}",
                "date": NOW,
                "type": 1,
            },
        }

    # -- long poll -------------------------------------------------------------------------

    def poll_answer(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """The answer to an ``a_check`` now, or None to keep waiting."""
        if self.poll_failures:
            code = self.poll_failures.pop(0)
            if code == 1:
                return {"failed": 1, "ts": str(self.next_ts)}
            if code == 3:
                self.keys.clear()
            return {"failed": code}
        if params.get("key") not in self.keys:
            return {"failed": 2}
        ts = int(params.get("ts", 0))
        if ts < self.history_from:
            return {"failed": 1, "ts": str(self.history_from)}
        start = ts - self.first_ts
        updates = self.events[start:]
        if not updates:
            return None
        return {"ts": str(self.next_ts), "updates": updates}


def _check_keyboard(keyboard: dict[str, Any]) -> None:
    rows = keyboard.get("buttons", [])
    inline = bool(keyboard.get("inline"))
    max_rows, max_buttons = (6, 10) if inline else (10, 40)
    total = sum(len(row) for row in rows)
    if len(rows) > max_rows or total > max_buttons or any(len(row) > 5 for row in rows):
        raise VKError(911, "Keyboard format is invalid: too many buttons")
    for row in rows:
        for button in row:
            action = button.get("action") or {}
            if action.get("type") not in ("text", "callback", "open_link", "location"):
                raise VKError(911, "Keyboard format is invalid: action type")
            if len(action.get("label", "")) > 40:
                raise VKError(911, "Keyboard format is invalid: label is too long")
            payload = action.get("payload", "")
            if len(payload if isinstance(payload, str) else json.dumps(payload)) > 255:
                raise VKError(911, "Keyboard format is invalid: payload is too long")


# -- over HTTP -------------------------------------------------------------------------------


@dataclass
class Faults:
    """Failures of API calls: every ``every``-th call (kinds in turn), plus others at random
    with probability ``rate`` (seeded). Kinds: ``"6"`` and ``"10"`` (VK errors), ``"drop"``
    (connection closed before the call is processed), ``"lost"`` (the call is processed, the
    connection closes before the answer), ``"poll_drop"`` (a long poll dies unanswered)."""

    every: int = 0
    rate: float = 0.0
    seed: int = 7
    kinds: tuple[str, ...] = ("6", "10", "drop", "lost")
    methods: tuple[str, ...] = ("messages.send",)
    poll_rate: float = 0.0
    injected: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._calls = 0
        self._turn = 0

    def pick(self, method: str) -> str | None:
        if method not in self.methods:
            return None
        self._calls += 1
        scheduled = self.every > 0 and self._calls % self.every == 0
        if not scheduled and self._random.random() >= self.rate:
            return None
        kind = self.kinds[self._turn % len(self.kinds)]
        self._turn += 1
        self.injected[kind] = self.injected.get(kind, 0) + 1
        return kind

    def drop_poll(self) -> bool:
        if self.poll_rate and self._random.random() < self.poll_rate:
            self.injected["poll_drop"] = self.injected.get("poll_drop", 0) + 1
            return True
        return False


Gate = Callable[[str, dict[str, Any]], Any]
GATES = web.AppKey("gates", list)


def _close(request: web.Request) -> web.Response:
    assert request.transport is not None
    request.transport.close()
    return web.Response(status=500)


def make_app(fake: FakeVK, faults: Faults | None = None) -> web.Application:
    faults = faults or Faults()
    gates: list[Gate] = []

    async def method(request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
        if not params.get("access_token"):
            auth = request.headers.get("Authorization", "")
            params["access_token"] = auth.removeprefix("Bearer ").strip()
        for gate in list(gates):
            await gate(name, params)
        kind = faults.pick(name)
        if kind == "drop":
            return _close(request)
        if kind in ("6", "10"):
            code = int(kind)
            message = "Too many requests per second" if code == 6 else "Internal server error"
            fake.calls.append((name, params))
            return web.json_response(
                {"error": {"error_code": code, "error_msg": message, "request_params": []}}
            )
        body = fake.answer(name, params)
        if kind == "lost":
            return _close(request)
        return web.json_response(body)

    async def long_poll(request: web.Request) -> web.StreamResponse:
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
        fake.polls.append(params)
        if params.get("act") != "a_check":
            return web.json_response({"failed": 2})
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(float(params.get("wait") or 0), 2.0)
        while True:
            answer = fake.poll_answer(params)
            if answer is not None or loop.time() >= deadline:
                break
            fake.event_arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(fake.event_arrived.wait(), deadline - loop.time())
        if answer is None:
            answer = {"ts": params.get("ts", str(fake.next_ts)), "updates": []}
        if answer.get("updates") and faults.drop_poll():
            return _close(request)
        return web.json_response(answer)

    async def download(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        content = fake.files.get(name.removeprefix("small-"))
        if content is None:
            return web.Response(status=404)
        if request.method == "HEAD":
            return web.Response(headers={"Content-Length": str(len(content))})
        return web.Response(body=content, content_type="application/octet-stream")

    async def upload(request: web.Request) -> web.Response:
        form = await request.post()
        file = form.get("file")
        if not isinstance(file, web.FileField):
            return web.json_response({"error": "no file"})
        token = hashlib.md5(f"up{time.time_ns()}".encode()).hexdigest()
        fake.uploads[token] = (file.filename, file.file.read())
        return web.json_response({"file": token})

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[GATES] = gates
    app.router.add_route("*", "/method/{method}", method)
    app.router.add_route("*", "/lp", long_poll)
    app.router.add_get("/files/{name}", download)
    app.router.add_post("/upload", upload)
    return app


class VKServer:
    """The fake VK API over HTTP on 127.0.0.1 and a random free port."""

    def __init__(self, fake: FakeVK, faults: Faults | None = None) -> None:
        self.fake = fake
        self.faults = faults or Faults()
        self.app = make_app(fake, self.faults)
        self.runner = web.AppRunner(self.app)
        self.base = ""

    @property
    def api_url(self) -> str:
        return f"{self.base}/method/"

    @property
    def gates(self) -> list[Gate]:
        return self.app[GATES]

    async def __aenter__(self) -> VKServer:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        port = server.sockets[0].getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.fake.base_url = self.base
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()

"""Bots Long Poll that stores every event before moving on, and resumes where it stopped.

VK keeps a community's events on its side; ``ts`` says where to continue. vkbottle's
``BotPolling`` starts from VK's current ``ts`` by default (``skip_old_events``), so events
that arrived while the bot was down are skipped. Here each batch of events is written to
the inbox together with the ``ts`` after it, in one transaction (:mod:`storage.vk_state`):
after a restart polling resumes from the stored ``ts`` and VK hands over what came in the
meantime; a lost answer is simply asked for again with the same ``ts`` (an event stored
twice is one inbox row: its ``event_id`` is the key).

``failed`` answers, as the protocol says:

* 1 — the history is gone up to the ``ts`` VK gives (the bot was down longer than VK keeps
  events): continue from that ``ts``; what was lost is logged;
* 2 — the key expired: a new key from ``groups.getLongPollServer``, the same ``ts``;
* 3 — key and history lost: a new key and ``ts`` from ``groups.getLongPollServer``;
* 4 — a wrong version: a new server (the API version is fixed, so it should not happen).

Bad text in an answer (bytes that are not UTF-8, lone surrogates) is repaired on the way in,
and an event that still cannot be stored is set aside alone (:mod:`bot.channels.intake`):
the ``ts`` always moves past everything stored or set aside.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from aiohttp import ClientTimeout

from bot.channels.intake import json_from_bytes, store_received
from bot.channels.vk.api import CommunityAPI
from bot.channels.vk.errors import AUTH_FAILED, BadAnswer, code_of, describe
from bot.channels.vk.processor import chat_key
from bot.rate_limits import backoff, pause
from storage import vk_state
from storage.db import Database, Unit
from storage.models import Platform

log = logging.getLogger(__name__)

#: The events the channel handles (configure them in the community's API settings).
EVENT_TYPES = frozenset({"message_new", "message_event"})


def event_key(event: dict[str, Any]) -> str | None:
    """VK's ``event_id`` (the same when VK delivers an event again)."""
    key = event.get("event_id")
    return str(key) if key else None


def storable(events: Sequence[Any]) -> list[tuple[str, str, Any]]:
    rows: list[tuple[str, str, Any]] = []
    for event in events:
        if not isinstance(event, dict) or event.get("type") not in EVENT_TYPES:
            continue
        key = event_key(event)
        if key is None:
            log.warning("VK event without event_id skipped (type %s)", event.get("type"))
            continue
        rows.append((key, chat_key(event), event))
    return rows


async def store_events(db: Database, events: Sequence[Any], *, now: datetime) -> list[str]:
    """Write events to the inbox durably (skipping ones stored before), text repaired;
    returns the keys of those that could not be stored and were set aside."""
    rows = storable(events)
    if not rows:
        return []
    return await store_received(db, Platform.VK, rows, now=now)


class LongPoller:
    def __init__(
        self,
        api: CommunityAPI,
        db: Database,
        group_id: int,
        *,
        on_stored: Callable[[], None],
        wait: int = 25,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.api = api
        self.db = db
        self.group_id = group_id
        self.on_stored = on_stored
        #: Called after every answered round (the poller's heartbeat, ``/healthz``).
        self.on_round: Callable[[], None] = lambda: None
        self.wait = min(wait, 90)
        self.clock = clock
        self.server: str | None = None
        self.key: str | None = None
        self.ts: str | None = None

    async def _session(self) -> dict[str, Any]:
        answer: dict[str, Any] = await self.api.call(
            "groups.getLongPollServer", group_id=self.group_id
        )
        self.server, self.key = str(answer["server"]), str(answer["key"])
        return answer

    async def _save(self, ts: str, events: Sequence[Any] = ()) -> None:
        rows = storable(events)
        now = self.clock()

        async def save_ts(unit: Unit) -> None:
            await vk_state.save_longpoll_ts(unit, self.group_id, ts, now=now)

        await store_received(self.db, Platform.VK, rows, now=now, also=save_ts)
        self.ts = ts
        if rows:
            self.on_stored()

    async def start(self) -> None:
        """A session, and the position: the stored one, else VK's current one."""
        answer = await self._session()
        async with self.db.unit() as unit:
            stored = await vk_state.longpoll_ts(unit, self.group_id)
        if stored is None:
            await self._save(str(answer["ts"]))
            log.info("VK long poll: starting at ts %s", self.ts)
        else:
            self.ts = stored
            log.info("VK long poll: resuming at ts %s (events since the last run included)", stored)

    async def poll_once(self) -> int:
        """One ``a_check``: store what came with the next ``ts``; returns how many events."""
        if self.server is None or self.ts is None:
            await self.start()
        assert self.server is not None and self.ts is not None
        content = await self.api.http_client.request_content(
            self.server,
            method="POST",
            data={"act": "a_check", "key": self.key, "ts": self.ts, "wait": self.wait},
            timeout=ClientTimeout(total=self.wait + 15),
        )
        try:
            answer = json_from_bytes(content)
        except ValueError:
            raise BadAnswer(f"long poll answered {len(content)} bytes that are not JSON") from None
        # Never the answer's content in an error (it is logged): events carry people's texts.
        if not isinstance(answer, dict):
            raise BadAnswer(f"long poll answered a {type(answer).__name__}, not an object")
        if "failed" in answer:
            await self._failed(answer)
            return 0
        if "ts" not in answer:
            raise BadAnswer(f"long poll answered without ts (keys: {sorted(map(str, answer))})")
        updates = answer.get("updates") or []
        await self._save(str(answer["ts"]), updates)
        return len(updates)

    async def _failed(self, answer: dict[str, Any]) -> None:
        code = answer.get("failed")
        if code == 1:
            new_ts = str(answer.get("ts"))
            log.warning(
                "VK long poll: events before ts %s are no longer kept by VK (asked from %s); "
                "some may have been missed",
                new_ts,
                self.ts,
            )
            await self._save(new_ts)
        elif code == 2:
            log.info("VK long poll: key expired, asking for a new one")
            await self._session()
        elif code == 3:
            old = self.ts
            session = await self._session()
            log.warning(
                "VK long poll: VK lost the session; continuing at ts %s (asked from %s), some "
                "events may have been missed",
                session["ts"],
                old,
            )
            await self._save(str(session["ts"]))
        else:
            log.error("VK long poll: failed %r; asking for a new session", code)
            await self._session()

    async def run(self, stopping: asyncio.Event) -> None:
        failures = 0
        while not stopping.is_set():
            round_ = asyncio.ensure_future(self.poll_once())
            stopper = asyncio.ensure_future(stopping.wait())
            await asyncio.wait({round_, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if not round_.done():
                # Stopping in the middle of a long poll: its events are not stored, and the
                # stored ts still points before them, so the next start fetches them.
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
            if code_of(exc) == AUTH_FAILED:
                log.error("VK_TOKEN was rejected by VK: %s", describe(exc))
                delay = max(delay, 60.0)
            else:
                log.warning("VK long poll failed: %s; retry in %.1f s", describe(exc), delay)
            await pause(stopping, delay)

"""The community's VK API: every call through ``VK_API_URL`` and within the token's limit.

vkbottle's :class:`~vkbottle.API` has no base-URL argument: the hook is its ``API_URL``
attribute, set here per instance from ``VK_API_URL`` (long-poll and upload addresses come
from API answers, so a local fake VK serves those too).

A community token may make about 20 requests a second; above that VK answers error 6.
:class:`RequestLimit` keeps every call of the process (sender, answers to buttons, uploads,
long-poll server requests) under it, and holds all calls for a moment when VK still says 6.
vkbottle itself neither limits nor retries; retries are the callers' (:mod:`.errors`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from aiohttp import ClientTimeout
from vkbottle import API
from vkbottle.api.request_rescheduler import ABCRequestRescheduler
from vkbottle.http import AiohttpClient

from bot.channels.vk.errors import BadAnswer
from bot.rate_limits import SlidingWindow

#: VK API version the channel speaks (message_new carries ``message`` and ``client_info``).
API_VERSION = "5.199"
#: Requests a second a community token may make.
REQUESTS_PER_SECOND = 20
#: Calls a second a bulk send (an announcement) leaves free for answers.
BULK_HEADROOM = 4
#: Longest wait for one API answer (long polls have their own, longer timeout).
CALL_TIMEOUT = 30.0


class RequestLimit:
    """At most ``per_second`` calls in any ``window`` (a little over a second, so network
    jitter between us and VK never shows VK 21 calls in its second), for the whole process."""

    def __init__(
        self,
        per_second: int = REQUESTS_PER_SECOND,
        *,
        window: float = 1.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window = SlidingWindow(per_second, window)
        self.clock = clock
        self.blocked_until = 0.0

    def reserve(self) -> float:
        """Take a slot now (0), or say how long to wait (taking nothing)."""
        now = self.clock()
        wait = max(self.blocked_until - now, self.window.wait(now), 0.0)
        if wait > 0:
            return wait
        self.window.take(now)
        return 0.0

    def room(self, keep: int = BULK_HEADROOM) -> float:
        """Seconds until a call fits while leaving ``keep`` places of the window free
        (takes nothing: the call itself takes its place). Bulk sending asks this first."""
        now = self.clock()
        return max(self.blocked_until - now, self.window.wait(now, keep=keep), 0.0)

    def block(self, seconds: float) -> None:
        """VK said "too many requests": nobody calls for ``seconds``."""
        self.blocked_until = max(self.blocked_until, self.clock() + seconds)

    async def acquire(self) -> None:
        while (wait := self.reserve()) > 0:  # noqa: ASYNC110 - the wait is computed
            await asyncio.sleep(wait)


class _Refuse(ABCRequestRescheduler):
    """An answer that is not JSON is a failed call (retried by the caller), not a reason
    for vkbottle to block in a loop of its own."""

    async def reschedule(
        self, ctx_api: Any, method: str, data: dict[str, Any], recent_response: Any
    ) -> dict[str, Any]:
        raise BadAnswer(f"{method}: VK answered {str(recent_response)[:200]!r}")


class CommunityAPI(API):
    """vkbottle's API for one community token, at ``api_url``, within ``limit``."""

    API_VERSION = API_VERSION

    def __init__(self, token: str, *, api_url: str, limit: RequestLimit | None = None) -> None:
        super().__init__(
            token,
            http_client=AiohttpClient(timeout=ClientTimeout(total=CALL_TIMEOUT)),
            request_rescheduler=_Refuse(),
        )
        self.API_URL = api_url if api_url.endswith("/") else api_url + "/"
        self.limit = limit or RequestLimit()

    async def request(
        self, method: str, data: dict[str, Any], version: str | None = None
    ) -> dict[str, Any]:
        await self.limit.acquire()
        return await super().request(method, data, version)

    async def call(self, method: str, **params: Any) -> Any:
        """``method`` with ``params`` (None left out); returns VK's ``response``."""
        data = {key: value for key, value in params.items() if value is not None}
        answer = await self.request(method, data)
        if not isinstance(answer, dict) or "response" not in answer:
            raise BadAnswer(f"{method}: no response in {str(answer)[:200]!r}")
        return answer["response"]

    async def close(self) -> None:
        await self.http_client.close()

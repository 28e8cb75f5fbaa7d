"""The Callback API endpoint (vkbottle has no HTTP server of its own): an aiohttp app.

VK POSTs every event as JSON and expects the text ``ok`` quickly, retrying an event it did
not get ``ok`` for. Here:

* ``confirmation`` (when the server address is added in the community settings) is answered
  with ``VK_CONFIRMATION_CODE``;
* every other event must carry ``VK_CALLBACK_SECRET`` and our ``group_id``; otherwise it
  is refused with 403 (VK takes only ``ok`` as accepted) and nothing is stored or answered.
  The secret is required (the settings refuse the Callback API without one): the community
  id is public, so without the secret anyone who finds the address could post events as
  any VK user;
* an event is stored in the inbox (keyed by its ``event_id``) and answered ``ok`` — the
  processing happens in the background, so the answer is fast, and an event VK sends again
  is one inbox row: processed once. If it cannot be stored, the answer is 500 and VK retries.
  Bad text (bytes that are not UTF-8, lone surrogates) is repaired first and an event that
  still cannot be stored is set aside (:mod:`bot.channels.intake`), so the 500 is left for
  a database that cannot store anything.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.channels.intake import json_from_bytes

log = logging.getLogger(__name__)

Store = Callable[[dict[str, Any]], Awaitable[None]]


def callback_app(*, group_id: int, confirmation: str, secret: str, store: Store) -> web.Application:
    if not secret:
        raise ValueError("the Callback API needs a secret (VK_CALLBACK_SECRET)")
    expected = secret.encode()

    async def handle(request: web.Request) -> web.Response:
        try:
            # Bad text (not UTF-8, lone surrogates) is repaired here, at the edge.
            event = json_from_bytes(await request.read())
        except ValueError:
            return web.Response(status=400, text="not json")
        if not isinstance(event, dict):
            return web.Response(status=400, text="not an event")
        if event.get("group_id") != group_id:
            log.warning(
                "VK callback for group %r refused (ours is %s)", event.get("group_id"), group_id
            )
            return web.Response(status=403, text="wrong group")
        if event.get("type") == "confirmation":
            return web.Response(text=confirmation)
        given = event.get("secret")
        if not (
            isinstance(given, str)
            and hmac.compare_digest(given.encode(errors="surrogatepass"), expected)
        ):
            log.warning(
                "VK callback from %s with a wrong or missing secret refused", request.remote
            )
            return web.Response(status=403, text="wrong secret")
        try:
            await store({key: value for key, value in event.items() if key != "secret"})
        except Exception:
            log.exception("VK callback event not stored; VK will send it again")
            return web.Response(status=500, text="not stored")
        return web.Response(text="ok")

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post("/{path:.*}", handle)
    return app

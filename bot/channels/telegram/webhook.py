"""The webhook endpoint: check the secret, store the update, then answer 200.

Telegram sends ``X-Telegram-Bot-Api-Secret-Token`` with every update (the secret given to
setWebhook). A request without the right one gets 403 and nothing else: it is not parsed
and nothing is stored. A genuine update is stored in the inbox before the 200 goes back, so
a crash after the answer loses nothing; a failure to store answers 500 and Telegram sends
the update again. Handling happens in the processor, never inside the request.
(aiogram's ``SimpleRequestHandler`` answers 401 and, by default, 200 before handling.)
Bad text in the body (bytes that are not UTF-8, lone surrogates) is repaired on the way in
(:mod:`bot.channels.intake`), and an update that still cannot be stored is set aside, so the
500 is left for a database that cannot store anything.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.channels.intake import json_from_bytes

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
Store = Callable[[dict[str, Any]], Awaitable[None]]


def webhook_app(path: str, secret: str, store: Store) -> web.Application:
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            return web.Response(status=403)
        try:
            body = json_from_bytes(await request.read())
        except ValueError:
            return web.Response(status=400, text="not JSON")
        if not isinstance(body, dict) or not isinstance(body.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        try:
            await store(body)
        except Exception:
            log.exception("update %s not stored; Telegram will send it again", body["update_id"])
            return web.Response(status=500)
        return web.json_response({})

    app = web.Application(client_max_size=4 * 1024 * 1024)
    app.router.add_post(path or "/", receive)
    return app

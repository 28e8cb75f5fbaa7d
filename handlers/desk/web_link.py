"""``/web``: a manager asks the bot for a one-time link that signs them in to the web desk
(docs/rules.md#web-desk).

The link is sent only in a private chat (in the shared manager chat anyone could use it
first). The first link makes the manager a web account of their own, named as in their
messenger and with no password (``python -m bot managers password LOGIN`` can give one,
the login being ``<platform>-<user id>``: ``managers list`` shows it); every link
works once, within ``policy.web_desk.sign_in_link_minutes``. The token is unguessable and
stored only as a hash (:mod:`storage.web_managers`).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from handlers.desk.desk_actions import manager_mark
from handlers.engine.flow import Context, Flow
from handlers.engine.payloads import Payload
from storage import web_managers
from storage.models import Platform

#: Bytes of randomness in a link's token.
TOKEN_BYTES = 24
#: Where a link lands on the web desk: ``<web_url>/signin/link/<token>``.
LINK_PATH = "/signin/link/"


def sign_in_url(web_url: str, token: str) -> str:
    return f"{web_url.rstrip('/')}{LINK_PATH}{token}"


class WebLinkFlow(Flow):
    name = "web_link"
    for_managers = True
    commands = ("/web",)

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.finish()
        await self._link(ctx)

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        await self._link(ctx)

    async def _link(self, ctx: Context) -> None:
        message = ctx.incoming
        if message.platform is Platform.WEB:
            ctx.say(ctx.t("web_link.in_web"))
            return
        web_url = ctx.desk.web_url
        if web_url is None:
            ctx.say(ctx.t("web_link.off"))
            return
        if message.chat_id != message.user_id:
            ctx.say(ctx.t("web_link.private_only"))
            return
        await ctx.unit.begin()
        mark = manager_mark(message)
        manager = await web_managers.by_messenger(ctx.unit, mark)
        if manager is None:
            login = mark.replace(":", "-")
            name = message.display_name.strip() or ctx.account.display_name or login
            manager_id = await web_managers.create(
                ctx.unit,
                login,
                display_name=name,
                password_hash=None,
                language=ctx.account.language,
                now=ctx.now,
                messenger=mark,
            )
        elif manager.disabled:
            ctx.say(ctx.t("web_link.disabled"))
            return
        else:
            manager_id = manager.id
        minutes = ctx.policy.web_desk.sign_in_link_minutes
        token = secrets.token_urlsafe(TOKEN_BYTES)
        await web_managers.create_link(
            ctx.unit,
            token,
            manager_id=manager_id,
            now=ctx.now,
            expires_at=ctx.now + timedelta(minutes=minutes),
        )
        ctx.say(ctx.t("web_link.link", url=sign_in_url(web_url, token), minutes=minutes))

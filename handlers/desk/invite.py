"""A manager invites a customer to link their messenger account: ``/invite``.

The manager names the customer (customer number, phone, license number, name…), picks
one of the matches, and gets one-time links. The token is unguessable
(``secrets.token_urlsafe``), stored only as a hash, used at most once and valid for
``policy.linking.invitation_valid_hours``. The core does not know the bot's username or
the VK community, so the links come from ``ManagerDesk.invite_links`` templates; without
them the manager gets the plain ``/start TOKEN`` form (it works in the console).
Using a token is :meth:`handlers.flows.linking.LinkingFlow.on_start_argument`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import timedelta

from handlers.desk.customer_lookup import candidate_label, find_customers
from handlers.desk.desk_actions import manager_actor
from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Button, Incoming, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.stored import Stored
from handlers.flows.linking import INVITATION_PREFIX, customer_label, local_moment
from storage import customers, invitations

MAX_QUERY_LENGTH = 100
#: Bytes of randomness in a token (24 URL-safe characters; Telegram allows 64 in total).
TOKEN_BYTES = 18


def new_token() -> str:
    return INVITATION_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, slots=True, kw_only=True)
class InviteData(Stored):
    """What the manager is looking for: the search typed so far ("" before the first)."""

    query: str = ""


class InviteFlow(Flow):
    name = "invite"
    menu_label = "invite.menu"
    for_managers = True
    commands = ("/invite",)

    customer = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        ctx.keep(InviteData())
        await ctx.go(self.customer)

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        """``/invite`` asks whom; ``/invite петров`` searches at once."""
        ctx.finish()
        ctx.flow_name, ctx.flow = self.name, self
        query = " ".join(argument.split())[:MAX_QUERY_LENGTH]
        ctx.keep(InviteData(query=query))
        await ctx.go(self.customer)

    async def ask_customer(self, ctx: Context) -> None:
        query = ctx.read(InviteData).query
        if not query:
            ctx.say(ctx.t("invite.ask_customer"), (ctx.menu_row(),))
            return
        found = await find_customers(ctx.unit, query)
        listed = (
            Button(candidate_label(customer), encode("invite.pick", customer.id))
            for customer in found
        )
        heading = ctx.t("invite.found" if found else "invite.nothing_found", query=query)
        ctx.say(f"{heading}\n{ctx.t('invite.ask_customer')}", keyboard(*listed, ctx.menu_row()))

    async def on_customer(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "invite.pick":
                return False
            customer_id = payload.optional_int(0)
            if customer_id is None:
                ctx.say(ctx.t("common.bad_button"))
                await ctx.go(self.customer)
                return True
            await self._invite(ctx, customer_id)
            return True
        query = " ".join(msg.text.split())
        if not query or len(query) > MAX_QUERY_LENGTH:
            return False
        ctx.keep(replace(ctx.read(InviteData), query=query))
        await ctx.go(self.customer)
        return True

    async def _invite(self, ctx: Context, customer_id: int) -> None:
        customer = await customers.get(ctx.unit, customer_id)
        if customer is None or not customer.name:
            ctx.say(ctx.t("invite.no_customer"))
            await ctx.go(self.customer)
            return
        token = new_token()
        expires_at = ctx.now + timedelta(hours=ctx.policy.linking.invitation_valid_hours)
        await invitations.create(
            ctx.unit,
            token,
            customer_id=customer.id,
            created_by=manager_actor(ctx.incoming),
            now=ctx.now,
            expires_at=expires_at,
        )
        if ctx.desk.invite_links:
            links = [
                f"{label}: {template.replace('{token}', token)}"
                for label, template in ctx.desk.invite_links
            ]
        else:
            links = [ctx.t("invite.plain_command", command=f"/start {token}")]
        ctx.finish()
        ctx.say(
            "\n".join(
                [
                    ctx.t(
                        "invite.created",
                        customer=customer_label(customer),
                        until=local_moment(ctx, expires_at),
                    ),
                    *links,
                ]
            ),
            (ctx.menu_row(),),
        )

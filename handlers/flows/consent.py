"""Personal-data consent (152-FZ), asked before anything personal is stored.

A flow that is about to store a phone, a document or other personal data calls
``if await require_consent(ctx): return`` first. When consent is missing (or was given to
an older text version) the chat switches to this flow, which asks with a message and
buttons of its own (never bundled with other terms or marketing), records the time and
text version, and then starts the flow that asked from its beginning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from handlers.policy import is_placeholder
from storage import accounts


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentData(Stored):
    """The flow the consent question interrupted, to go back to once consent is given."""

    resume: str | None = None
    """The name of the flow that asked (None: consent asked outside any flow)."""
    resume_step: str | None = None
    """Its step to continue at; None: it starts again from its beginning."""
    resume_data: dict[str, Any] = field(default_factory=dict)
    """Its ``ctx.data`` as it was (another flow's record, so kept as it is stored)."""


def needs_consent(ctx: Context) -> bool:
    account = ctx.account
    return account.consent_at is None or account.consent_version != ctx.policy.consent.text_version


async def require_consent(ctx: Context, *, resume_step: Step | None = None) -> bool:
    """True when the chat was switched to the consent question (the caller must return).

    By default the flow that asked starts again from its beginning after consent. With
    ``resume_step`` it continues at that step with its collected ``ctx.data`` kept (for a
    flow that asks consent midway and must not lose what it already holds).
    """
    if not needs_consent(ctx):
        return False
    resume = ctx.flow_name
    kept = dict(ctx.data)
    consent = ctx.flows["consent"]
    await ctx.start_flow(consent)
    if resume and resume_step:
        ctx.keep(ConsentData(resume=resume, resume_step=resume_step.name, resume_data=kept))
    else:
        ctx.keep(ConsentData(resume=resume or None))
    return True


class ConsentFlow(Flow):
    name = "consent"
    for_managers = None

    question = Step("ask")

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.question)

    async def ask_ask(self, ctx: Context) -> None:
        text = ctx.t("consent.text", law=ctx.policy.consent.law)
        url = ctx.policy.consent.policy_url
        if not is_placeholder(url):  # the demo's example address is never shown
            text += "\n" + ctx.t("consent.policy_link", url=url)
        ctx.say(
            text,
            (
                (ctx.button("consent.agree", "consent.yes"),),
                (ctx.button("consent.decline", "consent.no"),),
            ),
        )

    async def on_ask(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in ("consent.yes", "consent.no"):
            return False
        data = ctx.read(ConsentData)
        if payload.action == "consent.no":
            ctx.finish()
            ctx.say(ctx.t("consent.declined"), (ctx.menu_row(),))
            return True
        version = ctx.policy.consent.text_version
        await accounts.record_consent(ctx.unit, ctx.account.id, version=version, now=ctx.now)
        ctx.account = accounts.with_consent(ctx.account, version=version, now=ctx.now)
        ctx.say(ctx.t("consent.thanks"))
        flow = ctx.flows.get(data.resume) if data.resume else None
        if flow is not None and data.resume_step:
            ctx.finish()
            ctx.flow_name, ctx.flow, ctx.data = flow.name, flow, dict(data.resume_data)
            await ctx.go(flow.steps[data.resume_step])
        elif flow is not None:
            await ctx.start_flow(flow)
        else:
            ctx.finish()
            ctx.say(ctx.t("consent.recorded"), (ctx.menu_row(),))
        return True

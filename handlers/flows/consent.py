"""Personal-data consent (152-FZ), asked before anything personal is stored.

A flow that is about to store a phone, a document or other personal data calls
``if await require_consent(ctx): return`` first. When consent is missing (or was given to
an older text version) the chat switches to this flow, which asks with a message and
buttons of its own (never bundled with other terms or marketing), records the time and
text version, and then starts the flow that asked from its beginning.
"""

from __future__ import annotations

from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from storage import accounts


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
    ctx.data = {"resume": resume} if resume else {}
    if resume and resume_step:
        ctx.data.update(resume_step=resume_step.name, resume_data=kept)
    return True


class ConsentFlow(Flow):
    name = "consent"
    for_managers = None

    question = Step("ask")

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.question)

    async def ask_ask(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("consent.text", url=ctx.policy.consent.policy_url),
            (
                (ctx.button("consent.agree", "consent.yes"),),
                (ctx.button("consent.decline", "consent.no"),),
            ),
        )

    async def on_ask(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in ("consent.yes", "consent.no"):
            return False
        resume = ctx.data.get("resume")
        if payload.action == "consent.no":
            ctx.finish()
            ctx.say(ctx.t("consent.declined"), (ctx.menu_row(),))
            return True
        version = ctx.policy.consent.text_version
        await accounts.record_consent(ctx.unit, ctx.account.id, version=version, now=ctx.now)
        ctx.account = accounts.with_consent(ctx.account, version=version, now=ctx.now)
        ctx.say(ctx.t("consent.thanks"))
        flow = ctx.flows.get(resume) if resume else None
        resume_step = ctx.data.get("resume_step")
        if flow is not None and resume_step:
            kept = dict(ctx.data.get("resume_data") or {})
            ctx.finish()
            ctx.flow_name, ctx.flow, ctx.data = flow.name, flow, kept
            await ctx.go(flow.steps[resume_step])
        elif flow is not None:
            await ctx.start_flow(flow)
        else:
            ctx.finish()
            ctx.say(ctx.t("consent.recorded"), (ctx.menu_row(),))
        return True

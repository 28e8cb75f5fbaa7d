"""The managers' decision on returning protection modules in a transfer
(docs/rules.md#license-transfer, seed 001).

A transfer request whose customer offers to return modules carries "Approve module
return" / "Reject module return" on its card
(:func:`handlers.flows.transfer.card.transfer_card_buttons`) until a manager decides.
Approving means the returned modules are replaced with new ones.
Rejecting offers preset reasons as buttons instead of waiting for the manager's next
message: a manager chat is usually a group, where "the next message" may come from anyone,
and a preset reason reads the same in the customer's language. Nothing is recorded until a
reason is pressed.

The decision is recorded as a request event by ``manager:<platform>:<user id>``, written
into the request's details (so the card shows it and the buttons go away), the card is
sent again to every desk, and the customer is told in their own messenger and language.
The buttons are global actions of a managers-only flow: the engine refuses them to anyone
else, and every press re-reads the request, so a forged, stale or second press (another
manager was quicker) changes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from handlers.desk.cards import line, person, person_label, send_card, text
from handlers.desk.desk_actions import manager_actor
from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flows.document_requests import stored_with_card
from handlers.flows.transfer.card import (
    APPROVED,
    DECISION_PENDING,
    REJECTED,
    ModuleReturn,
    TransferDetails,
    transfer_card,
)
from storage import accounts, requests
from storage.models import OPEN_STATUSES, Request, RequestKind

#: Preset reasons for rejecting a module return (``transfer_desk.reason_<code>`` on the
#: card and the manager's buttons, ``transfer_desk.reason_<code>_customer`` for the customer).
REASONS = ("not_needed", "no_guarantee", "not_agreed")


class TransferDeskFlow(Flow):
    name = "transfer_desk"
    service = "transfer"
    former_names = ("transferdesk",)
    for_managers = True
    global_actions = True

    async def begin(self, ctx: Context, payload: Payload) -> None:
        # Not in any menu: used only through the buttons of a transfer card.
        ctx.finish()
        ctx.say(ctx.t("transfer_desk.use_buttons"), (ctx.menu_row(),))

    async def on_global(self, ctx: Context, payload: Payload, message: Incoming) -> None:
        if not ctx.is_manager:  # the engine checks too; fail closed all the same
            ctx.say(ctx.t("common.managers_only"))
            return
        expected_args = {
            "transfer_desk.approve": 1,
            "transfer_desk.reject": 1,
            "transfer_desk.reason": 2,
        }.get(payload.action)
        request_id = (
            payload.optional_int(0)
            if expected_args and len(payload.args) == expected_args
            else None
        )
        if request_id is None:
            ctx.say(ctx.t("common.bad_button"))
            return
        reason = payload.args[1] if payload.action == "transfer_desk.reason" else None
        if reason is not None and reason not in REASONS:
            ctx.say(ctx.t("common.bad_button"))
            return
        await ctx.unit.begin()  # what is read below decides what is written
        request = await self._pending(ctx, request_id)
        if request is None:
            return
        if payload.action == "transfer_desk.approve":
            await self._decide(ctx, request, APPROVED, None)
        elif payload.action == "transfer_desk.reject":
            self._ask_reason(ctx, request)
        else:
            await self._decide(ctx, request, REJECTED, reason)

    async def _pending(self, ctx: Context, request_id: int) -> Request | None:
        """The transfer request still waiting for this decision; otherwise say why not."""
        request = await requests.get(ctx.unit, request_id)
        if request is None or request.kind is not RequestKind.TRANSFER:
            ctx.say(ctx.t("transfer_desk.not_found", number=request_id))
            return None
        if request.status not in OPEN_STATUSES:
            ctx.say(
                ctx.t(
                    "transfer_desk.closed",
                    number=request.id,
                    status=ctx.t(f"desk.status_{request.status.value}"),
                )
            )
            return None
        details = TransferDetails.from_stored(request.details)
        decision = details.module_return
        if decision in (APPROVED, REJECTED):
            by = details.module_return_by
            ctx.say(
                ctx.t(
                    "transfer_desk.already_decided",
                    number=request.id,
                    decision=ctx.t(f"transfer_desk.decision_{decision}"),
                    manager=await person_label(ctx.unit, ctx.t, by) if by else "—",
                )
            )
            return None
        if decision != DECISION_PENDING:
            ctx.say(ctx.t("transfer_desk.no_return_asked", number=request.id))
            return None
        return request

    def _ask_reason(self, ctx: Context, request: Request) -> None:
        rows = tuple(
            (ctx.button(f"transfer_desk.reason_{code}", "transfer_desk.reason", request.id, code),)
            for code in REASONS
        )
        ctx.say(ctx.t("transfer_desk.choose_reason", number=request.id), rows)

    async def _decide(
        self, ctx: Context, request: Request, decision: ModuleReturn, reason: str | None
    ) -> None:
        actor = manager_actor(ctx.incoming)
        note = (
            line("history.module_return_approved")
            if decision == APPROVED
            else line(
                "history.module_return_rejected", reason=text(f"transfer_desk.reason_{reason}")
            )
        )
        await requests.add_note(ctx.unit, request.id, actor=actor, note_line=note, now=ctx.now)
        details = replace(
            TransferDetails.from_stored(request.details),
            module_return=decision,
            module_return_by=actor.removeprefix("manager:"),
            module_return_manager=person(ctx.incoming.display_name, ctx.incoming.platform),
            module_return_at=ctx.now,
        )
        if reason is not None:
            details = replace(details, module_return_code=reason)
        stored = stored_with_card(details, transfer_card(details))
        await requests.set_details(ctx.unit, request.id, stored, ctx.now)
        await send_card(ctx, request.id)

        account = await accounts.get(ctx.unit, request.account_id) if request.account_id else None
        if account is not None:
            if decision == APPROVED:
                await ctx.queue_to_account(
                    account,
                    lambda t: t("transfer_desk.customer_approved", number=request.id),
                    request_id=request.id,
                )
            else:
                await ctx.queue_to_account(
                    account,
                    lambda t: t(
                        "transfer_desk.customer_rejected",
                        number=request.id,
                        reason=t(f"transfer_desk.reason_{reason}_customer"),
                    ),
                    request_id=request.id,
                )
        told = "transfer_desk.recorded_told" if account else "transfer_desk.recorded_untold"
        ctx.say(
            ctx.t(
                told,
                number=request.id,
                decision=ctx.t(f"transfer_desk.decision_{decision}"),
            )
        )

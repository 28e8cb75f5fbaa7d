"""A key reported lost or stolen and found again (docs/rules.md#a-lost-key-found-again).

What happens follows the way its loss went and how far the replacement got
(:func:`handlers.rules.key_loss.found_stage`), read from the key's latest report of a loss
or theft (its *replacement request*):

* **replaced** (the request is done): the licenses are on the new key; seed 000 p.7, they
  "не могут быть восстановлены" on the found one, which "может использоваться в
  дальнейшем как носитель лицензий". The key is recorded as found. After a replacement
  with documents the found key's license files must not be used (the letter's
  obligation), and the managers say whether it can carry new licenses;
* **not replaced yet** (the request waits for the customer or is with the managers): after
  the customer's "Yes" the report is withdrawn (the request cancelled by the customer,
  with a history note and a card line saying why) and the key is active again, so the
  monthly run prolongs it again when the service covers it;
* **not replaced** (the request was rejected or withdrawn): after "Yes" the key is active
  again;
* **unknown** (no such request): the key is left as it is, the managers decide.

Every answer files a found report for the managers, its card saying which it was
(:func:`~handlers.flows.key_loss.card.key_loss_card`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.desk.cards import file_request, line, send_card
from handlers.engine.flow import Context
from handlers.flows.document_requests import stored_with_card
from handlers.flows.key_loss.card import BRANCH_FOUND, TOPIC, KeyLossDetails, key_loss_card
from handlers.rules.key_loss import (
    FoundStage,
    LossBranch,
    ReturnEffect,
    WhatHappened,
    found_stage,
    return_effect,
)
from handlers.rules.protection import key_support_end, lapsed_on
from storage import keys, requests
from storage.models import Key, KeyStatus, Request, RequestKind, RequestStatus

#: The branches of a request that reported a key lost or stolen (its replacement request).
_REPLACEMENT_BRANCHES = frozenset({LossBranch.PROTECTED.value, LossBranch.DOCUMENTS.value})
_REPORTS_OF_LOSS = frozenset({WhatHappened.LOST, WhatHappened.STOLEN})


@dataclass(frozen=True, slots=True)
class Replacement:
    """A found key's replacement request (None: none known), its stage and branch."""

    stage: FoundStage
    request: Request | None
    branch: str = ""


async def latest_replacement(ctx: Context, key: Key) -> Replacement:
    """The key's latest report of a loss or theft and how far its replacement got."""
    assert ctx.customer_id is not None
    for request in await requests.about_key(
        ctx.unit, ctx.customer_id, key.id, RequestKind.KEY_LOSS
    ):
        details = KeyLossDetails.from_stored(request.details)
        if details.branch in _REPLACEMENT_BRANCHES and details.what in _REPORTS_OF_LOSS:
            return Replacement(found_stage(request.status.value), request, details.branch)
    return Replacement(FoundStage.UNKNOWN, None)


async def file_found(
    ctx: Context, key: Key, replacement: Replacement, effect: ReturnEffect | None = None
) -> int:
    """File the found report the managers get (``effect``: the key goes back in service);
    a replaced key is recorded as found. Returns the report's number."""
    request = replacement.request
    details = KeyLossDetails(
        topic=TOPIC,
        branch=BRANCH_FOUND,
        what=WhatHappened.FOUND,
        serial=key.serial,
        key_kind=key.kind,
        protection=key.protection_service,
        previous_status=key.status,
        found_stage=replacement.stage.value,
        replacement=request.id if request is not None else None,
        replacement_branch=replacement.branch,
        replacement_status=request.status if request is not None else None,
        return_effect=effect.value if effect is not None else "",
        programmed_until=key.programmed_until if effect is not None else None,
    )
    if replacement.stage is FoundStage.REPLACED:
        # Seed 000 p.7: it can carry licenses again; it stays out of the monthly run.
        await keys.set_status(ctx.unit, key.id, KeyStatus.FOUND, ctx.now)
    return await file_request(
        ctx,
        RequestKind.KEY_LOSS,
        card=key_loss_card(details),
        key_id=key.id,
        details=details.to_stored(),
    )


def found_answer(ctx: Context, key: Key, replacement: Replacement, number: int) -> str:
    """What the customer is told when the found report is recorded at once (replaced, or
    no replacement request known): the licenses are gone from the key only if replaced."""
    request = replacement.request
    if request is None:
        return ctx.t("key_loss.found_unknown", serial=key.serial, number=number)
    answer = (
        "key_loss.found_replaced_protected"
        if replacement.branch == LossBranch.PROTECTED
        else "key_loss.found_replaced_documents"
    )
    return ctx.t(answer, serial=key.serial, number=request.id, found=number)


async def _return_effect(ctx: Context, key: Key) -> ReturnEffect:
    support = await keys.support_of_key(ctx.unit, key.id)
    return return_effect(
        kind=key.kind.value,
        protection_service=key.protection_service,
        support_end=key_support_end(support),
        programmed_until=key.programmed_until,
        today=ctx.today,
        policy=ctx.policy,
        lapsed_on=lapsed_on(support, key.protection_connected_on, ctx.policy),
    )


def _service_text(ctx: Context, key: Key, effect: ReturnEffect) -> str:
    """What going back in service means for the key, for the customer."""
    until = key.programmed_until
    if effect is ReturnEffect.BACK_IN_RUN and until is not None:
        return ctx.t("key_loss.back_in_run", date=ctx.t.date(until))
    if effect is ReturnEffect.REPROGRAM:
        if until is None:
            return ctx.t("key_loss.back_in_run_unknown")
        return ctx.t("key_loss.back_in_run_reprogram", date=ctx.t.date(until))
    return ctx.t("key_loss.back_not_in_run")


def _report(ctx: Context, key: Key) -> str:
    """ "of the loss" or "of the theft", as the key was reported."""
    return ctx.t(f"key_loss.report_{key.status.value}")


async def withdraw_question(ctx: Context, key: Key, request: Request) -> str:
    """The question before a found key goes back in service: withdraw the open report, or
    (the replacement request closed without a replacement) put the key back in service."""
    values = {
        "serial": key.serial,
        "number": request.id,
        "status": ctx.t(f"desk.status_{request.status.value}"),
        "service": _service_text(ctx, key, await _return_effect(ctx, key)),
    }
    if found_stage(request.status.value) is FoundStage.PENDING:
        return ctx.t("key_loss.found_question", report=_report(ctx, key), **values)
    return ctx.t("key_loss.found_question_closed", **values)


async def back_in_service(ctx: Context, key: Key, replacement: Replacement) -> str:
    """ "Yes": the found report is filed, the key is active again and an open replacement
    request is cancelled by the customer, its card saying why. Returns the answer."""
    request = replacement.request
    assert request is not None
    effect = await _return_effect(ctx, key)
    service = _service_text(ctx, key, effect)
    report = _report(ctx, key)
    number = await file_found(ctx, key, replacement, effect)
    await keys.set_status(ctx.unit, key.id, KeyStatus.ACTIVE, ctx.now)
    if replacement.stage is not FoundStage.PENDING:
        return ctx.t("key_loss.found_returned", serial=key.serial, found=number, service=service)
    await requests.set_status(
        ctx.unit,
        request.id,
        RequestStatus.CANCELLED,
        actor="customer",
        note_line=line("key_loss.history_withdrawn_found", number=number),
        now=ctx.now,
    )
    details = replace(KeyLossDetails.from_stored(request.details), withdrawn_by=number)
    await requests.set_details(
        ctx.unit, request.id, stored_with_card(details, key_loss_card(details)), ctx.now
    )
    await send_card(ctx, request.id)
    return ctx.t(
        "key_loss.found_withdrawn",
        serial=key.serial,
        report=report,
        number=request.id,
        found=number,
        service=service,
    )

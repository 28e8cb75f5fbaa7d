"""The question before a key is reported lost, stolen or broken (docs/rules.md#key-loss):
nothing is stored before "Yes, report it", so the question says what the report does.

* a key in the monthly run (a CodeMeter key with the protection service) leaves it at once
  and stops working after its programmed-until date (or when its programming runs out,
  the date unknown; or it already has);
* a key without the service is not prolonged and the report does not switch it off; after
  the replacement its license files must not be used (the letter's obligation, seed 001);
* then what the replacement costs, the way the report goes: the new key and delivery
  (covered by the service), or the new key or module after the scans (documents).
"""

from __future__ import annotations

from handlers.engine.flow import Context
from handlers.rules.key_loss import (
    LossBranch,
    ReportEffect,
    WhatHappened,
    new_key_price,
    protected_replacement,
    report_effect,
)
from storage.models import Key


def _effect_line(ctx: Context, key: Key) -> str:
    effect = report_effect(
        kind=key.kind.value,
        # A vendor without the service has no monthly run (docs/rules.md#vendor-profiles).
        protection_service=key.protection_service and ctx.policy.services.protection,
        programmed_until=key.programmed_until,
        today=ctx.today,
        status=key.status.value,
    )
    until = key.programmed_until
    if effect is ReportEffect.LEAVES_RUN and until is not None:
        return ctx.t("key_loss.confirm_in_run", date=ctx.t.date(until))
    if effect is ReportEffect.RUN_ENDED and until is not None:
        return ctx.t("key_loss.confirm_run_ended", date=ctx.t.date(until))
    if effect is ReportEffect.LEAVES_RUN_UNDATED:
        return ctx.t("key_loss.confirm_in_run_unknown")
    return ctx.t("key_loss.confirm_not_in_run")


def _cost_line(ctx: Context, key: Key, branch: LossBranch) -> str:
    t = ctx.t
    if branch is LossBranch.PROTECTED:
        prices = protected_replacement(ctx.policy)
        return t(
            "key_loss.confirm_protected",
            key_price=t.money(prices.key_price),
            delivery=t.money(prices.delivery_price),
        )
    price = new_key_price(key.kind.value, ctx.policy)
    return t(
        "key_loss.confirm_documents",
        kind=t(f"key_loss.kind_{key.kind.value}"),
        price=t.money(price),
    )


def report_question(ctx: Context, key: Key, what: WhatHappened, branch: LossBranch) -> str:
    """ "Report key K as lost?", what it does to the key, what the replacement costs, and
    that nothing is recorded until "Yes"."""
    t = ctx.t
    return "\n".join(
        (
            t(
                f"key_loss.confirm_{what.value}",
                kind=t(f"key_loss.kind_{key.kind.value}"),
                serial=key.serial,
            ),
            _effect_line(ctx, key),
            _cost_line(ctx, key, branch),
            t("key_loss.confirm_nothing_yet"),
        )
    )

"""A linked customer's keys with the state of their protection service, and the terms of
the service as the customer reads them."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.engine.flow import Context
from handlers.flows.protection.card import KINDS
from handlers.rules.key_protection import KeyProtection, ProtectionState, key_protection
from handlers.rules.key_protection import service_price as price_for
from handlers.rules.protection import key_support_end, lapsed_on
from storage import keys, requests
from storage.models import Key, License, Request


@dataclass(frozen=True, slots=True)
class OwnKey:
    """One of the customer's keys as this conversation shows it."""

    key: Key
    licenses: tuple[License, ...]
    protection: KeyProtection
    pending: Request | None
    """An open order or cancellation of the service for this key (None: none)."""

    @property
    def can_order(self) -> bool:
        return self.pending is None and self.protection.can_order

    @property
    def can_cancel(self) -> bool:
        return self.pending is None and self.protection.can_cancel


async def own_key(ctx: Context, key: Key, pending: Request | None) -> OwnKey:
    """``key`` with its licenses and the state of its service today."""
    licenses = tuple(await keys.licenses_of_key(ctx.unit, key.id))
    support = await keys.support_of_key(ctx.unit, key.id)
    protection = key_protection(
        kind=key.kind.value,
        status=key.status.value,
        protection_service=key.protection_service,
        support_end=key_support_end(support),
        today=ctx.today,
        policy=ctx.policy,
        # Support paid after E + 14 lapsed the service (seed 000 p.10), whatever E is now.
        lapsed_on=lapsed_on(support, key.protection_connected_on, ctx.policy),
    )
    return OwnKey(key, licenses, protection, pending)


async def pending_requests(ctx: Context, customer_id: int) -> dict[int, Request]:
    """The customer's open orders and cancellations of the service, by key (the newest)."""
    found: dict[int, Request] = {}
    for request in await requests.of_customer(ctx.unit, customer_id, open_only=True):
        if request.kind in KINDS and request.key_id is not None:
            found.setdefault(request.key_id, request)
    return found


async def own_keys(ctx: Context, customer_id: int) -> list[OwnKey]:
    """Every key of the customer, by serial."""
    pending = await pending_requests(ctx, customer_id)
    return [
        await own_key(ctx, key, pending.get(key.id))
        for key in await keys.of_customer(ctx.unit, customer_id)
    ]


def key_line(ctx: Context, item: OwnKey, *, resident: bool) -> str:
    """What the service is for one key, and what can be done, in one paragraph."""
    t, key, protection = ctx.t, item.key, item.protection
    state = protection.state
    values: dict[str, object] = {"serial": key.serial}
    if protection.support_end is not None:
        values["support_end"] = t.date(protection.support_end)
    if protection.deadline is not None:
        values["deadline"] = t.date(protection.deadline)
    if state is ProtectionState.REPORTED:
        values["status"] = t(f"protection.status_{key.status.value}")
    if state in (ProtectionState.CONNECTED, ProtectionState.SUPPORT_ENDED):
        until = key.programmed_until
        values["programmed"] = (
            t("protection.programmed_until", date=t.date(until))
            if until
            else t("protection.programmed_unknown")
        )
    if state in (ProtectionState.NOT_CONNECTED, ProtectionState.LAPSED):
        values["price"] = t.money(price_for(ctx.policy, resident=resident))
        values["days"] = ctx.policy.protection.reconnect_after_days
    line = t(f"protection.key_{state.value}", **values)
    if item.pending is not None:
        pending = t(
            "protection.key_pending",
            number=item.pending.id,
            kind=t(f"desk.kind_{item.pending.kind.value}"),
        )
        line = f"{line}\n{pending}"
    return line


def price_text(ctx: Context, resident: bool | None) -> str:
    """The price per key: the one that applies (``resident`` known), else both."""
    terms = ctx.policy.protection
    if resident is None:
        return ctx.t(
            "protection.price_both",
            resident=ctx.t.money(terms.price_resident),
            non_resident=ctx.t.money(terms.price_non_resident),
        )
    key = "protection.price_resident" if resident else "protection.price_non_resident"
    return ctx.t(key, price=ctx.t.money(price_for(ctx.policy, resident=resident)))


def terms_text(ctx: Context, resident: bool | None) -> str:
    """What the service is and what it costs, every number from the policy (seed 000)."""
    policy = ctx.policy
    return ctx.t(
        "protection.about",
        key_price=ctx.t.money(policy.keys.price_codemeter),
        delivery=ctx.t.money(policy.keys.delivery_price),
        price=price_text(ctx, resident),
        days=policy.protection.programming_days,
        run_day=policy.protection.renewal_run_day,
        grace=policy.protection.reconnect_after_days,
    )

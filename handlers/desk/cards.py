"""Requests as managers see them: filing a request and rendering its card.

Every flow files its request through :func:`file_request`, which writes the request, its
first event and one outbox card per manager destination in the step's unit of work.

A card must be re-rendered later (status changes, ``/request N``) and in each manager's
language, so a flow does not pass finished text: it passes *card lines*, each a catalogue
key with values, stored in ``details["card"]``. A value is plain text, a count (an int,
passed on as a number so the text picks its plural form), or typed for the reader's
locale: ``money(amount)``, ``day(date)``, ``moment(datetime)``, ``text(key)`` or
``person(name, messenger)`` (a manager) or ``messengers(names)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from handlers.engine.flow import Context
from handlers.engine.messages import Button, Keyboard
from handlers.engine.payloads import encode
from handlers.engine.stored import Stored
from handlers.i18n import Texts, texts
from storage import accounts, blocks, customers, requests
from storage.db import Unit
from storage.models import Account, Platform, Request, RequestKind, RequestStatus

CardValue = str | int | dict[str, str]
CardLine = tuple[str, dict[str, CardValue]]


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestDetails(Stored):
    """What every request may carry in its details, whatever its kind (a kind's own keys
    stay in :attr:`~handlers.engine.stored.Stored.unknown`); read with
    ``RequestDetails.from_stored(request.details)``."""

    #: What the request is about (``"renewal"``, ``"link"``, a call-back's topic …).
    topic: str = ""
    #: Who filed it (:func:`who`): its parts, or the text an older version kept (or
    #: :data:`handlers.flows.privacy.ERASED`); :func:`who_text` reads either.
    who: dict[str, Any] | str | None = None
    #: The card lines, ``[key, {placeholder: value}]`` each (:func:`line`).
    card: tuple[tuple[Any, ...], ...] = ()
    #: The card lines already name the amount: no separate amount line.
    amount_in_lines: bool = False


def money(amount: Decimal) -> dict[str, str]:
    return {"money": format(amount, "f")}


def day(value: date) -> dict[str, str]:
    return {"date": value.isoformat()}


def moment(value: datetime) -> dict[str, str]:
    return {"moment": value.isoformat()}


def percent(rate: Decimal) -> dict[str, str]:
    """A rate (``0.25``), written as a percentage in each reader's language."""
    return {"percent": format(rate, "f")}


def text(key: str) -> dict[str, str]:
    return {"text": key}


def line(key: str, **values: CardValue) -> CardLine:
    return key, dict(values)


def _value(t: Texts, value: Any, tz: Any) -> str | int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # a count stays a number: the text picks its plural form by it
    if isinstance(value, Mapping):
        if "money" in value:
            return t.money(Decimal(value["money"]))
        if "percent" in value:
            return t.percent(Decimal(value["percent"]))
        if "date" in value:
            return t.date(date.fromisoformat(value["date"]))
        if "moment" in value:
            local = datetime.fromisoformat(value["moment"]).astimezone(tz)
            return t.moment(local)
        if "text" in value:
            return t(value["text"])
        if "messengers" in value:
            names = str(value["messengers"]).split(",")
            return ", ".join(_messenger(t, name) for name in names if name)
        if "person" in value:
            name = str(value["person"]) or t("desk.who_unnamed")
            messenger = _messenger(t, str(value.get("messenger", "")))
            return t("history.actor_manager", name=name, messenger=messenger)
    return str(value)


def _messenger(t: Texts, platform: str) -> str:
    """A messenger's name in the reader's language (``Platform`` value → "ВКонтакте")."""
    known = {p.value for p in Platform}
    return t(f"history.messenger_{platform}") if platform in known else platform or "—"


def _legacy(name: str, value: Any) -> Any:
    """A value stored before it had a kind: a card's ``percent`` was the number of percent
    as text (``"25"``), the sign written by the text itself; a ``manager`` was the mark
    ``<platform>:<user id>``, named now by their messenger alone."""
    if name == "channels" and isinstance(value, str):
        names = [part.strip() for part in value.split(",")]
        if all(part in {known.value for known in Platform} for part in names):
            return messengers(names)
    if name == "manager" and isinstance(value, str):
        platform, _, user_id = value.partition(":")
        if user_id and platform in {known.value for known in Platform}:
            return {"person": "", "messenger": platform}
    if name == "percent" and isinstance(value, str):
        try:
            return percent(Decimal(value) / 100)
        except ArithmeticError:
            return value
    return value


def render_lines(t: Texts, lines: Sequence[Sequence[Any]], tz: Any) -> list[str]:
    return [
        t(key, **{name: _value(t, _legacy(name, v), tz) for name, v in values.items()})
        for key, values in lines
    ]


def who(
    account: Account | None, customer_name: str | None, company: str, phone: str | None
) -> dict[str, str]:
    """Who filed a request, kept with it (:func:`who_text` writes it in the reader's
    language): the linked customer, else the messenger account."""
    if customer_name is not None:
        return {"name": customer_name, "company": company, "phone": phone or ""}
    if account is None:
        return {}
    return {"name": account.display_name, "messenger": account.platform.value}


#: How requests filed before :func:`who` kept its parts named an account:
#: ``"<name> (<platform>:<user id>)"``.
_STORED_ACCOUNT = re.compile(r"^(?P<name>.*) \((?P<messenger>telegram|vk|console):[^()]*\)$")


def who_text(t: Texts, stored: object) -> str:
    """The person a request is from, as cards, lists and topic titles name them: never a
    messenger id, the messenger in the reader's language."""
    if isinstance(stored, str):  # kept as text by an older version, or erased (``***``)
        match = _STORED_ACCOUNT.match(stored)
        if match is None:
            return stored or "—"
        stored = {"name": match["name"], "messenger": match["messenger"]}
        if stored["name"].isdigit():  # the old text fell back to the messenger id
            stored["name"] = ""
    if not isinstance(stored, Mapping) or not stored:
        return "—"
    name = str(stored.get("name") or "") or t("desk.who_unnamed")
    messenger = stored.get("messenger")
    if messenger is not None:
        return t("desk.who_account", name=name, messenger=_messenger(t, str(messenger)))
    phone = str(stored.get("phone") or "") or "—"
    company = str(stored.get("company") or "")
    if company:
        return t("desk.who_customer_company", name=name, company=company, phone=phone)
    return t("desk.who_customer", name=name, phone=phone)


def messengers(names: Sequence[str]) -> dict[str, str]:
    """Messengers (``Platform`` values) named in a card line, each in the reader's language."""
    return {"messengers": ",".join(names)}


def person(name: str, messenger: Platform) -> dict[str, str]:
    """A manager named in a card line, e.g. who decided something."""
    return {"person": name, "messenger": messenger.value}


async def person_label(unit: Unit, t: Texts, who: str) -> str:
    """How a manager reads an event actor (``customer``, ``system``,
    ``manager:<platform>:<id>``) or a ``requests.manager`` mark (``<platform>:<id>``): the
    manager's name and messenger in the reader's language, never the stored mark."""
    if who == "customer":
        return t("desk_actions.actor_customer")
    if who == "system":
        return t("desk_actions.actor_system")
    mark = who.removeprefix("manager:")
    platform, _, user_id = mark.partition(":")
    if platform not in {known.value for known in Platform} or not user_id:
        return mark
    account = await accounts.find(unit, Platform(platform), user_id)
    name = account.display_name if account is not None and account.display_name else user_id
    return t("history.actor_manager", name=name, messenger=t(f"history.messenger_{platform}"))


async def card_text(ctx: Context, t: Texts, request: Request) -> str:
    """The card of ``request`` in the language of ``t``."""
    details = RequestDetails.from_stored(request.details)
    lines = [
        t(
            "desk.card_header",
            number=request.id,
            kind=t(f"desk.kind_{request.kind.value}"),
            status=t(f"desk.status_{request.status.value}"),
        ),
        t(
            "desk.card_customer",
            customer=who_text(t, details.who),
            verified=t("desk.verified" if request.verified else "desk.unverified"),
        ),
    ]
    lines.extend(render_lines(t, details.card, ctx.policy.tz))
    if request.amount is not None and not details.amount_in_lines:
        lines.append(t("desk.card_amount", amount=t.money(request.amount)))
    if request.due_at is not None:
        local = request.due_at.astimezone(ctx.policy.tz)
        lines.append(t("desk.card_due", when=t.moment(local)))
    attachments = await requests.attachments(ctx.unit, request.id)
    if attachments:
        names = ", ".join(a.original_name for a in attachments)
        lines.append(t("desk.card_attachments", count=len(attachments), names=names))
    if request.manager:
        manager = await person_label(ctx.unit, t, request.manager)
        lines.append(t("desk.card_manager", manager=manager))
    block = await blocks.active(ctx.unit, request.account_id) if request.account_id else None
    if block is not None:  # docs/rules.md#blocking
        lines.append(
            t(
                "blocking.card_line",
                when=t.moment(block.blocked_at.astimezone(ctx.policy.tz)),
                manager=await person_label(ctx.unit, t, block.blocked_by),
                reason=block.reason,
            )
        )
    return "\n".join(lines)


#: Buttons of a request kind that a flow of its own decides (a link request is approved by
#: choosing the customer), used instead of the generic ones while the request is open. The
#: flow's module registers its function when imported (``handlers.desk.linking_desk``).
KIND_BUTTONS: dict[RequestKind, Callable[[Texts, Request], Keyboard]] = {}


def card_buttons(t: Texts, request: Request) -> Keyboard:
    """Manager buttons for the request's status (none once it is closed)."""
    if request.status in (RequestStatus.DONE, RequestStatus.REJECTED, RequestStatus.CANCELLED):
        return ()
    own_buttons = KIND_BUTTONS.get(request.kind)
    if own_buttons is not None:
        return own_buttons(t, request)
    return standard_buttons(t, request)


def standard_buttons(t: Texts, request: Request) -> Keyboard:
    """The generic take/reply/done/reject rows of an open request (a kind's own buttons in
    :data:`KIND_BUTTONS` may add rows to them, e.g. ``handlers.desk.transfer_desk``)."""
    first: list[Button] = []
    if request.status is RequestStatus.NEW:
        first.append(Button(t("desk.take"), encode("desk_actions.take", request.id)))
    first.append(Button(t("desk.reply"), encode("desk_actions.reply", request.id)))
    second = [
        Button(t("desk.done"), encode("desk_actions.done", request.id)),
        Button(t("desk.reject"), encode("desk_actions.reject", request.id)),
    ]
    return (tuple(first), tuple(second))


async def send_card(ctx: Context, request_id: int) -> None:
    """Queue the request's current card to every manager destination."""
    request = await requests.get(ctx.unit, request_id)
    assert request is not None
    for destination in ctx.desk.destinations:
        t = texts(destination.language)
        await ctx.queue(
            destination.platform,
            destination.chat_id,
            await card_text(ctx, t, request),
            card_buttons(t, request),
            request_id=request_id,
        )


async def file_request(
    ctx: Context,
    kind: RequestKind,
    *,
    card: Sequence[CardLine] = (),
    license_id: int | None = None,
    key_id: int | None = None,
    amount: Decimal | None = None,
    details: dict[str, Any] | None = None,
    status: RequestStatus = RequestStatus.NEW,
    due_at: datetime | None = None,
) -> int:
    """File a request from the person in ``ctx`` and send its card to the managers."""
    customer = (
        await customers.get(ctx.unit, ctx.customer_id) if ctx.customer_id is not None else None
    )
    stored = dict(details or {})
    stored["card"] = [[key, values] for key, values in card]
    stored["who"] = who(
        ctx.account,
        customer.name if customer else None,
        customer.company if customer else "",
        customer.phone if customer else None,
    )
    request_id = await requests.create(
        ctx.unit,
        kind,
        account_id=ctx.account.id,
        customer_id=ctx.customer_id,
        verified=customer is not None,
        license_id=license_id,
        key_id=key_id,
        amount=amount,
        details=stored,
        now=ctx.now,
        status=status,
        due_at=due_at,
    )
    await send_card(ctx, request_id)
    return request_id

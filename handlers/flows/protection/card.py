"""What a protection order or cancellation keeps (:class:`ProtectionDetails`) and the
managers' card rebuilt from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue, RequestDetails
from handlers.rules.key_protection import ProtectionState
from storage.models import RequestKind

#: The kinds of request this flow files, and so the ones whose "done" it carries out.
KINDS = frozenset({RequestKind.PROTECTION_ORDER, RequestKind.PROTECTION_CANCEL})
#: ``details["topic"]`` of both.
TOPIC = "protection"


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtectionDetails(RequestDetails):
    """An order or a cancellation of the service for one key (``requests.details``)."""

    serial: str = ""
    licenses: tuple[str, ...] = ()
    """The numbers of the key's licenses when filed."""
    support_end: date | None = None
    """The key's E when filed."""
    state: ProtectionState | None = None
    """The service's state when filed."""
    programmed_until: date | None = None
    """Until when the key was programmed when filed (None: not known)."""
    resident: bool = True
    """The customer is a resident of the Russian Federation (which price applies)."""
    price: Decimal | None = None
    """The price of the service for this customer (an order; for a cancellation, the
    price of connecting it again)."""
    changed_on: date | None = None
    """Done: the day the bot recorded the key connected or disconnected."""
    changed_until: date | None = None
    """Done, an order: until when the key is programmed from its connection."""


def _day(value: date | None) -> CardValue:
    return cards.day(value) if value is not None else cards.text("protection.card_unknown_date")


def change_line(kind: RequestKind, details: ProtectionDetails) -> CardLine | None:
    """What the bot recorded when the request was done (None: not done yet): on the card
    and in the request's history."""
    if details.changed_on is None:
        return None
    if kind is RequestKind.PROTECTION_ORDER:
        return cards.line(
            "protection.card_connected",
            on=cards.day(details.changed_on),
            until=_day(details.changed_until),
        )
    return cards.line("protection.card_disconnected", on=cards.day(details.changed_on))


def protection_card(kind: RequestKind, details: ProtectionDetails) -> list[CardLine]:
    """The card lines of an order or a cancellation, rebuilt from its details."""
    price: CardValue = cards.money(details.price) if details.price is not None else "—"
    residency = cards.text(
        "protection.residency_resident" if details.resident else "protection.residency_other"
    )
    lines = [
        cards.line("protection.card_key", serial=details.serial),
        cards.line(
            "protection.card_licenses",
            licenses=", ".join(details.licenses) or "—",
            end=_day(details.support_end),
        ),
    ]
    if details.state is not None:
        state = cards.text(f"protection.state_{details.state.value}")
        lines.append(cards.line("protection.card_state", state=state))
    if kind is RequestKind.PROTECTION_ORDER:
        lines.append(cards.line("protection.card_price", price=price, residency=residency))
        lines.append(change_line(kind, details) or cards.line("protection.card_order_todo"))
        return lines
    lines.append(
        cards.line("protection.card_programmed_until", until=_day(details.programmed_until))
    )
    lines.append(cards.line("protection.card_reconnect_price", price=price, residency=residency))
    lines.append(change_line(kind, details) or cards.line("protection.card_cancel_todo"))
    return lines

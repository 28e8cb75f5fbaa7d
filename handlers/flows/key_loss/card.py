"""The managers' card of a key-loss request, rebuilt from what the flow collected, and
the record of what such a request keeps (:class:`KeyLossDetails`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue
from handlers.flows.document_requests import (
    AWAITING_DOCUMENTS,
    DocumentRequestDetails,
)
from handlers.rules.key_loss import (
    FoundStage,
    LossBranch,
    ReturnEffect,
    WhatHappened,
)
from storage.models import KeyKind, KeyStatus, RequestStatus

#: ``details["awaiting"]`` of branch A until the delivery address and recipient are in.
AWAITING_DELIVERY = "delivery"
BRANCH_UNVERIFIED = "unverified"
BRANCH_FOUND = "found"
#: ``details["topic"]`` of every key-loss request.
TOPIC = "key_loss"


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyLossDetails(DocumentRequestDetails):
    """What a key-loss request records (``requests.details``): the key and what happened,
    then what the branch adds. ``awaiting`` (inherited) is :data:`AWAITING_DELIVERY` or
    :data:`~handlers.flows.document_requests.AWAITING_DOCUMENTS` while the customer owes
    something."""

    topic: str = ""
    """:data:`TOPIC`."""
    branch: str = ""
    """A :class:`~handlers.rules.key_loss.LossBranch` value, :data:`BRANCH_UNVERIFIED` or
    :data:`BRANCH_FOUND`."""
    what: WhatHappened | None = None
    serial: str = ""
    """The key's serial; of an unverified report, as the person typed it."""
    key_kind: KeyKind = KeyKind.CODEMETER
    licenses: tuple[str, ...] = ()
    """The numbers of the key's licenses (branches A and B)."""
    programmed_until: date | None = None
    """Branch A: until when the key keeps working (None: unknown)."""
    key_price: Decimal | None = None
    """Branches A and B: the new key's price."""
    delivery_price: Decimal | None = None
    total: Decimal | None = None
    address: str = ""
    """Branch A: the delivery address, once given."""
    recipient: str = ""
    amount_in_lines: bool = False
    """The card lines name the amount (the generic card leaves its amount line out)."""
    protection: bool = False
    """Found: whether the key has the protection service (what a found report filed by an
    older version went by; now :attr:`found_stage` and :attr:`replacement_branch` do)."""
    previous_status: KeyStatus | None = None
    """Found: the key's status when it was reported found (lost or stolen)."""
    found_stage: str = ""
    """Found: a :class:`~handlers.rules.key_loss.FoundStage` value ("": filed by an older
    version)."""
    replacement: int | None = None
    """Found: the number of the key's replacement request (the report of its loss)."""
    replacement_branch: str = ""
    """Found: the :class:`~handlers.rules.key_loss.LossBranch` the replacement took."""
    replacement_status: RequestStatus | None = None
    """Found: the replacement request's status when the key was found."""
    return_effect: str = ""
    """Found and back in service: a :class:`~handlers.rules.key_loss.ReturnEffect` value."""
    withdrawn_by: int | None = None
    """A replacement request withdrawn because the key was found: the found report's number."""
    known_owner: str = ""
    """Unverified: the customer owning a key with the typed serial ("" : none)."""
    known_kind: KeyKind = KeyKind.CODEMETER
    known_status: KeyStatus = KeyStatus.ACTIVE


def _money(amount: Decimal | None) -> CardValue:
    """A price of the card; "—" should it be missing (never written so)."""
    return cards.money(amount) if amount is not None else "—"


def _what(details: KeyLossDetails) -> str:
    """The text naming what happened; a found key by what it had been reported (found after
    a theft is never "found after a loss")."""
    what = details.what.value if details.what is not None else ""
    previous = details.previous_status
    if details.what is WhatHappened.FOUND and previous in (KeyStatus.LOST, KeyStatus.STOLEN):
        return f"key_loss.what_found_{previous.value}"
    return f"key_loss.what_{what}"


def _found_lines(details: KeyLossDetails) -> list[CardLine]:
    """What a found report tells the managers: how far the replacement had got, and what
    going back in service means for the key."""
    number = details.replacement or 0
    status: CardValue = (
        cards.text(f"desk.status_{details.replacement_status.value}")
        if details.replacement_status is not None
        else "—"
    )
    stage = details.found_stage
    if stage == FoundStage.REPLACED:
        restored = details.replacement_branch == LossBranch.PROTECTED
        key = (
            "key_loss.card_found_replaced_protected"
            if restored
            else "key_loss.card_found_replaced_documents"
        )
        return [cards.line(key, number=number)]
    if stage == FoundStage.UNKNOWN:
        return [cards.line("key_loss.card_found_unknown")]
    if stage == FoundStage.PENDING:
        lines = [cards.line("key_loss.card_found_withdrawn", number=number, status=status)]
    elif stage == FoundStage.NOT_REPLACED:
        lines = [cards.line("key_loss.card_found_not_replaced", number=number, status=status)]
    else:  # filed by an older version, which went by the service alone
        legacy = (
            "key_loss.card_found_protected"
            if details.protection
            else "key_loss.card_found_documents"
        )
        return [cards.line(legacy)]
    until = details.programmed_until
    when: CardValue = cards.day(until) if until else cards.text("key_loss.card_unknown_date")
    if details.return_effect == ReturnEffect.BACK_IN_RUN:
        lines.append(cards.line("key_loss.card_back_in_run", date=when))
    elif details.return_effect == ReturnEffect.REPROGRAM:
        lines.append(cards.line("key_loss.card_reprogram", date=when))
    else:
        lines.append(cards.line("key_loss.card_back_not_in_run"))
    return lines


def key_loss_card(details: KeyLossDetails) -> list[CardLine]:
    """The card lines of a key-loss request, rebuilt from what the flow collected."""
    lines = _card_lines(details)
    if details.withdrawn_by is not None:
        lines.append(cards.line("key_loss.card_withdrawn_found", number=details.withdrawn_by))
    return lines


def _card_lines(details: KeyLossDetails) -> list[CardLine]:
    branch = details.branch
    kind = details.key_kind.value
    lines: list[CardLine] = []
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("key_loss.card_serial_typed", serial=details.serial))
    else:
        lines.append(
            cards.line(
                "key_loss.card_key",
                serial=details.serial,
                kind=cards.text(f"key_loss.kind_{kind}"),
            )
        )
    lines.append(cards.line("key_loss.card_what", what=cards.text(_what(details))))
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("key_loss.card_unverified"))
        if details.known_owner:
            lines.append(
                cards.line(
                    "key_loss.card_known",
                    kind=cards.text(f"key_loss.kind_{details.known_kind.value}"),
                    owner=details.known_owner,
                    status=cards.text(f"key_loss.status_{details.known_status.value}"),
                )
            )
        else:
            lines.append(cards.line("key_loss.card_unknown"))
        return lines
    licenses = ", ".join(details.licenses) or "—"
    if branch == BRANCH_FOUND:
        lines.extend(_found_lines(details))
        return lines
    lines.append(cards.line("key_loss.card_licenses", licenses=licenses))
    if branch == LossBranch.PROTECTED:
        until = details.programmed_until
        lines.append(cards.line("key_loss.card_protected"))
        lines.append(
            cards.line(
                "key_loss.card_programmed_until",
                date=cards.day(until) if until else cards.text("key_loss.card_unknown_date"),
            )
        )
        lines.append(
            cards.line(
                "key_loss.card_prices",
                key_price=_money(details.key_price),
                delivery=_money(details.delivery_price),
                total=_money(details.total),
            )
        )
        awaited = cards.text("key_loss.card_awaited")
        lines.append(cards.line("key_loss.card_address", address=details.address or awaited))
        lines.append(cards.line("key_loss.card_recipient", recipient=details.recipient or awaited))
    else:
        lines.append(cards.line("key_loss.card_documents_branch"))
        lines.append(
            cards.line(
                "key_loss.card_new_key_price",
                kind=cards.text(f"key_loss.kind_{kind}"),
                price=_money(details.key_price),
            )
        )
        state = (
            "key_loss.card_docs_awaited"
            if details.awaiting == AWAITING_DOCUMENTS
            else "key_loss.card_docs_received"
        )
        lines.append(cards.line("key_loss.card_documents", state=cards.text(state)))
    return lines

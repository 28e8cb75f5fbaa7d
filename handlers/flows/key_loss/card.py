"""The managers' card of a key-loss request, rebuilt from what the flow collected."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import CardLine
from handlers.flows.document_requests import (
    AWAITING_DOCUMENTS,
)
from handlers.rules.key_loss import (
    LossBranch,
)

#: ``details["awaiting"]`` of branch A until the delivery address and recipient are in.
AWAITING_DELIVERY = "delivery"
BRANCH_UNVERIFIED = "unverified"
BRANCH_FOUND = "found"


def key_loss_card(details: dict[str, Any]) -> list[CardLine]:
    """The card lines of a key-loss request, rebuilt from what the flow collected."""
    branch = details.get("branch")
    what = details.get("what", "")
    kind = details.get("key_kind", "codemeter")
    lines: list[CardLine] = []
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("key_loss.card_serial_typed", serial=details.get("serial", "")))
    else:
        lines.append(
            cards.line(
                "key_loss.card_key",
                serial=details.get("serial", ""),
                kind=cards.text(f"key_loss.kind_{kind}"),
            )
        )
    lines.append(cards.line("key_loss.card_what", what=cards.text(f"key_loss.what_{what}")))
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("key_loss.card_unverified"))
        owner = details.get("known_owner")
        if owner:
            lines.append(
                cards.line(
                    "key_loss.card_known",
                    kind=cards.text(f"key_loss.kind_{details.get('known_kind', 'codemeter')}"),
                    owner=owner,
                    status=cards.text(f"key_loss.status_{details.get('known_status', 'active')}"),
                )
            )
        else:
            lines.append(cards.line("key_loss.card_unknown"))
        return lines
    licenses = ", ".join(details.get("licenses", [])) or "—"
    if branch == BRANCH_FOUND:
        found_key = (
            "key_loss.card_found_protected"
            if details.get("protection")
            else "key_loss.card_found_documents"
        )
        lines.append(cards.line(found_key))
        return lines
    lines.append(cards.line("key_loss.card_licenses", licenses=licenses))
    if branch == LossBranch.PROTECTED:
        until = details.get("programmed_until")
        lines.append(cards.line("key_loss.card_protected"))
        lines.append(
            cards.line(
                "key_loss.card_programmed_until",
                date=cards.day(date.fromisoformat(until))
                if until
                else cards.text("key_loss.card_unknown_date"),
            )
        )
        lines.append(
            cards.line(
                "key_loss.card_prices",
                key_price=cards.money(Decimal(details["key_price"])),
                delivery=cards.money(Decimal(details["delivery_price"])),
                total=cards.money(Decimal(details["total"])),
            )
        )
        awaited = cards.text("key_loss.card_awaited")
        lines.append(cards.line("key_loss.card_address", address=details.get("address") or awaited))
        lines.append(
            cards.line("key_loss.card_recipient", recipient=details.get("recipient") or awaited)
        )
    else:
        lines.append(cards.line("key_loss.card_documents_branch"))
        lines.append(
            cards.line(
                "key_loss.card_new_key_price",
                kind=cards.text(f"key_loss.kind_{kind}"),
                price=cards.money(Decimal(details["key_price"])),
            )
        )
        state = (
            "key_loss.card_docs_awaited"
            if details.get("awaiting") == AWAITING_DOCUMENTS
            else "key_loss.card_docs_received"
        )
        lines.append(cards.line("key_loss.card_documents", state=cards.text(state)))
    return lines

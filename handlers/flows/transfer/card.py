"""The managers' card of a transfer request, rebuilt from what was collected, and its
module-return decision buttons (:mod:`handlers.desk.transfer_desk` acts on them)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue, standard_buttons
from handlers.engine.messages import Button, Keyboard
from handlers.engine.payloads import encode
from handlers.flows.document_requests import AWAITING_DOCUMENTS
from handlers.i18n import Texts
from storage.models import Request, RequestKind

#: ``details["module_return"]`` while a manager has not decided yet.
DECISION_PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"


class Operation(StrEnum):
    MOVE = "move"
    """Move licenses from one or several keys to one key."""
    MERGE = "merge"
    """Merge licenses onto one key."""
    REDISTRIBUTE = "redistribute"
    """Redistribute workplaces between keys."""


def _decided_by(details: dict[str, Any]) -> CardValue:
    """The manager who decided the module return, as the card names them."""
    manager = details.get("module_return_manager")
    if isinstance(manager, dict):
        return manager
    return str(details.get("module_return_by") or "—")  # decided before names were kept


def transfer_card(details: dict[str, Any]) -> list[CardLine]:
    """The card lines of a transfer request, rebuilt from what was collected."""
    lines = [
        cards.line(
            "transfer.card_operation",
            operation=cards.text(f"transfer.operation_{details.get('operation', 'move')}"),
        ),
        cards.line("transfer.card_product", product=details.get("product") or "—"),
        cards.line("transfer.card_licenses", licenses=", ".join(details.get("licenses", []))),
        cards.line("transfer.card_workplaces", count=details.get("workplaces", "—")),
        cards.line("transfer.card_keys", keys=", ".join(details.get("keys", []))),
    ]
    order = details.get("order")
    lines.append(
        cards.line("transfer.card_order", order=order)
        if order
        else cards.line("transfer.card_order_none")
    )
    if not details.get("verified_items"):
        lines.append(cards.line("transfer.card_unverified_items"))
    decision = details.get("module_return")
    if not details.get("modules_returned"):
        lines.append(cards.line("transfer.card_modules_no"))
    elif decision == APPROVED:
        lines.append(
            cards.line(
                "transfer.card_modules_approved",
                manager=_decided_by(details),
                when={"moment": str(details.get("module_return_at", ""))},
            )
        )
    elif decision == REJECTED:
        lines.append(
            cards.line(
                "transfer.card_modules_rejected",
                reason=cards.text(f"transfer_desk.reason_{details.get('module_return_code')}"),
                manager=_decided_by(details),
            )
        )
    elif decision == DECISION_PENDING:
        lines.append(cards.line("transfer.card_modules_pending"))
    else:
        lines.append(cards.line("transfer.card_modules_yes"))
    state = (
        "transfer.card_docs_awaited"
        if details.get("awaiting") == AWAITING_DOCUMENTS
        else "transfer.card_docs_received"
    )
    lines.append(cards.line("transfer.card_documents", state=cards.text(state)))
    return lines


def transfer_card_buttons(t: Texts, request: Request) -> Keyboard:
    """The generic buttons, plus the module-return decision while it is pending."""
    rows = standard_buttons(t, request)
    if request.details.get("module_return") != DECISION_PENDING:
        return rows
    decision = (
        Button(t("transfer_desk.approve"), encode("transfer_desk.approve", request.id)),
        Button(t("transfer_desk.reject"), encode("transfer_desk.reject", request.id)),
    )
    return (*rows, decision)


cards.KIND_BUTTONS[RequestKind.TRANSFER] = transfer_card_buttons

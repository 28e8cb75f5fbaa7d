"""The managers' card of a transfer request, rebuilt from what was collected, its
module-return decision buttons (:mod:`handlers.desk.transfer_desk` acts on them), and the
record of what such a request keeps (:class:`TransferDetails`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue, standard_buttons
from handlers.engine.messages import Button, Keyboard
from handlers.engine.payloads import encode
from handlers.flows.document_requests import AWAITING_DOCUMENTS, DocumentRequestDetails
from handlers.i18n import Texts
from storage.models import Request, RequestKind

#: ``details["topic"]`` of every transfer request.
TOPIC = "transfer"


class ModuleReturn(StrEnum):
    """``details["module_return"]``: the managers' decision on returning modules."""

    PENDING = "pending"
    """A manager has not decided yet."""
    APPROVED = "approved"
    REJECTED = "rejected"


DECISION_PENDING = ModuleReturn.PENDING
APPROVED = ModuleReturn.APPROVED
REJECTED = ModuleReturn.REJECTED


class Operation(StrEnum):
    MOVE = "move"
    """Move licenses from one or several keys to one key."""
    MERGE = "merge"
    """Merge licenses onto one key."""
    REDISTRIBUTE = "redistribute"
    """Redistribute workplaces between keys."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferDetails(DocumentRequestDetails):
    """What a transfer request records (``requests.details``): what the letter names, then
    the managers' decision on returning modules. ``awaiting`` (inherited) is
    :data:`~handlers.flows.document_requests.AWAITING_DOCUMENTS` until the files are in."""

    topic: str = ""
    """:data:`TOPIC`."""
    operation: Operation = Operation.MOVE
    workplaces: int | None = None
    order: str = ""
    """The redistribution order ("": none given)."""
    modules_returned: bool = False
    product: str = ""
    licenses: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    verified_items: bool = False
    """The licenses and keys were checked as the customer's own (not typed by a person
    not linked)."""
    module_return: ModuleReturn | None = None
    """None until the request is complete; then pending if modules are returned."""
    module_return_by: str = ""
    """Who decided: ``<platform>:<user id>``."""
    module_return_manager: dict[str, str] | None = None
    """Who decided, as the card names them (:func:`handlers.desk.cards.person`)."""
    module_return_at: datetime | None = None
    module_return_code: str | None = None
    """The preset reason of a rejection (:data:`handlers.desk.transfer_desk.REASONS`)."""


def _decided_by(details: TransferDetails) -> CardValue:
    """The manager who decided the module return, as the card names them."""
    if details.module_return_manager is not None:
        return details.module_return_manager
    return details.module_return_by or "—"  # decided before names were kept


def transfer_card(details: TransferDetails) -> list[CardLine]:
    """The card lines of a transfer request, rebuilt from what was collected."""
    workplaces: CardValue = details.workplaces if details.workplaces is not None else "—"
    lines = [
        cards.line(
            "transfer.card_operation",
            operation=cards.text(f"transfer.operation_{details.operation.value}"),
        ),
        cards.line("transfer.card_product", product=details.product or "—"),
        cards.line("transfer.card_licenses", licenses=", ".join(details.licenses)),
        cards.line("transfer.card_workplaces", count=workplaces),
        cards.line("transfer.card_keys", keys=", ".join(details.keys)),
    ]
    order = details.order
    lines.append(
        cards.line("transfer.card_order", order=order)
        if order
        else cards.line("transfer.card_order_none")
    )
    if not details.verified_items:
        lines.append(cards.line("transfer.card_unverified_items"))
    decision = details.module_return
    if not details.modules_returned:
        lines.append(cards.line("transfer.card_modules_no"))
    elif decision == APPROVED:
        lines.append(
            cards.line(
                "transfer.card_modules_approved",
                manager=_decided_by(details),
                when={
                    "moment": details.module_return_at.isoformat()
                    if details.module_return_at is not None
                    else ""
                },
            )
        )
    elif decision == REJECTED:
        lines.append(
            cards.line(
                "transfer.card_modules_rejected",
                reason=cards.text(f"transfer_desk.reason_{details.module_return_code}"),
                manager=_decided_by(details),
            )
        )
    elif decision == DECISION_PENDING:
        lines.append(cards.line("transfer.card_modules_pending"))
    else:
        lines.append(cards.line("transfer.card_modules_yes"))
    state = (
        "transfer.card_docs_awaited"
        if details.awaiting == AWAITING_DOCUMENTS
        else "transfer.card_docs_received"
    )
    lines.append(cards.line("transfer.card_documents", state=cards.text(state)))
    return lines


def transfer_card_buttons(t: Texts, request: Request) -> Keyboard:
    """The generic buttons, plus the module-return decision while it is pending."""
    rows = standard_buttons(t, request)
    if TransferDetails.from_stored(request.details).module_return is not DECISION_PENDING:
        return rows
    decision = (
        Button(t("transfer_desk.approve"), encode("transfer_desk.approve", request.id)),
        Button(t("transfer_desk.reject"), encode("transfer_desk.reject", request.id)),
    )
    return (*rows, decision)


cards.KIND_BUTTONS[RequestKind.TRANSFER] = transfer_card_buttons

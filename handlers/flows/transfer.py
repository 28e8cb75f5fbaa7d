"""Transfer, merge or redistribution of licenses between keys (docs/rules.md#license-transfer,
seed 001).

Step by step the bot collects what the official letter must name: the operation, the
product and every license involved, the number of workplaces, the key/module numbers, the
redistribution order (required for a redistribution, optional otherwise) and whether
protection modules are to be returned. A linked customer picks their own licenses and
keys with toggle buttons or types the numbers (a typed number that is not theirs is
refused); a person not linked types them and the request is marked unverified.

Then the request is filed at once as *waiting for documents* (managers see it; the
documents reminder finds it) and the bot shows the letter's checklist and collects the
letter's scan and the license files (several, closed with "That's all"). With them the
request becomes new and the managers get the completed card. A customer who leaves midway
continues later from the menu item or the ``go:transfer:docs:<request>`` button.

Whether modules are returned is the vendor's decision: the card of such a request carries
"Approve module return" / "Reject module return" (:mod:`handlers.desk.transfer_desk`) until a
manager decides. Documents are personal data: consent is asked before anything else.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from handlers.desk import cards
from handlers.desk.cards import CardLine, CardValue, file_request, standard_buttons
from handlers.engine.attachments import FileKind, upload_limits
from handlers.engine.flow import Context, Step
from handlers.engine.messages import Button, Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload, encode
from handlers.engine.typed_input import free_text, key_by_serial, license_by_number
from handlers.flows.consent import require_consent
from handlers.flows.document_requests import (
    AWAITING_DOCUMENTS,
    Document,
    DocumentRequestFlow,
    hand_over,
    roles_in,
)
from handlers.i18n import Texts
from storage import keys, licenses, requests
from storage.db import Unit
from storage.models import Request, RequestKind, RequestStatus

_NUMBER = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._/\-]{0,39}$")
_SEPARATORS = re.compile(r"[\s,;]+")
_MAX_NUMBERS = 30
_PRODUCT_LENGTH = (2, 200)
_ORDER_LENGTH = (2, 1000)
MAX_WORKPLACES = 9999

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


class _Owned(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def customer_id(self) -> int: ...


@dataclass(frozen=True, slots=True)
class _Choice:
    """The customer's own licenses or keys: a toggle list with "Done", or numbers typed;
    a person not linked types them at ``typed_step`` instead."""

    step: Step
    typed_step: Step
    next_step: Step
    ids: str
    """Where ``ctx.data`` keeps the chosen ids."""
    question: str
    label: str
    toggle: str
    done: str
    none_owned: str
    """Text: the customer has none of them."""
    choose_one: str
    """Text: "Done" with nothing chosen."""
    not_yours_button: str
    not_yours_typed: str
    of_customer: Callable[[Unit, int], Awaitable[Sequence[_Owned]]]
    by_id: Callable[[Unit, int], Awaitable[_Owned | None]]
    by_number: Callable[[Unit, str], Awaitable[_Owned | None]]


def _numbers(text: str) -> list[str] | None:
    """Typed license or key numbers, separated by commas, semicolons or spaces."""
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    if not parts or len(parts) > _MAX_NUMBERS or not all(_NUMBER.match(p) for p in parts):
        return None
    return list(dict.fromkeys(parts))


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


class TransferFlow(DocumentRequestFlow):
    name = "transfer"
    menu_label = "transfer.menu"
    for_managers = False

    operation = Step()
    licenses = Step()
    product = Step()
    license_numbers = Step()
    workplaces = Step()
    keys = Step()
    key_numbers = Step()
    order = Step()
    modules = Step()
    letter = Step()
    license_files = Step()

    request_kind = RequestKind.TRANSFER
    #: The letter's scan, then the license files (several, closed with "That's all").
    documents = (
        Document("letter", letter, "transfer.document_letter"),
        Document("license_file", license_files, "transfer.document_license_files"),
    )
    first_step = operation
    new_request_button = ("transfer.new_request", "transfer.new")
    received_key = "transfer.file_received"

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if await require_consent(ctx):
            return
        await self.continue_or_start(ctx, payload)

    # -- coming back ---------------------------------------------------------------------

    async def resume_line(self, ctx: Context, request: Request) -> str:
        missing = ", ".join(await self.missing_names(ctx, request.id))
        return ctx.t(
            "transfer.resume_line",
            number=request.id,
            licenses=", ".join(request.details.get("licenses", [])),
            missing=missing or ctx.t("transfer.confirmation"),
        )

    def request_card(self, details: dict[str, Any]) -> list[CardLine]:
        return transfer_card(details)

    async def continue_request(self, ctx: Context, request: Request) -> None:
        ctx.data = {"request_id": request.id}
        # The license files are several: with all in, "That's all" still has to be pressed.
        have = await roles_in(ctx, request.id)
        await ctx.go(self.next_document_step(have) or self.license_files)

    # -- the operation ---------------------------------------------------------------------

    async def ask_operation(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("transfer.ask_operation"),
            (
                (ctx.button("transfer.operation_button_move", "transfer.op", Operation.MOVE),),
                (ctx.button("transfer.operation_button_merge", "transfer.op", Operation.MERGE),),
                (
                    ctx.button(
                        "transfer.operation_button_redistribute",
                        "transfer.op",
                        Operation.REDISTRIBUTE,
                    ),
                ),
                ctx.menu_row(),
            ),
        )

    async def on_operation(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "transfer.op" or len(payload.args) != 1:
            return False
        try:
            operation = Operation(payload.args[0])
        except ValueError:
            return False
        ctx.data = {"operation": operation.value}
        await self._start_choice(ctx, _LICENSES)
        return True

    # -- licenses: a linked customer's own ---------------------------------------------------

    async def ask_licenses(self, ctx: Context) -> None:
        assert ctx.customer_id is not None
        views = await licenses.views_of_customer(ctx.unit, ctx.customer_id)
        items = [
            (
                view.id,
                view.number,
                {
                    "number": view.number,
                    "product": view.product_name,
                    "workplaces": view.workplaces,
                },
            )
            for view in views
        ]
        self._ask_choice(ctx, _LICENSES, items)

    async def on_licenses(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._choose(ctx, msg, payload, _LICENSES)

    # -- product and licenses: typed by a person not linked ---------------------------------

    async def ask_product(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_product"), (ctx.menu_row(),))

    async def on_product(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        product = free_text(msg, payload, _PRODUCT_LENGTH)
        if product is None:
            return False
        ctx.data["product"] = product
        await ctx.go(self.license_numbers)
        return True

    async def ask_license_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_license_numbers"), (ctx.menu_row(),))

    async def on_license_numbers(
        self, ctx: Context, msg: Incoming, payload: Payload | None
    ) -> bool:
        return await self._typed_numbers(ctx, msg, payload, "licenses", self.workplaces)

    # -- workplaces ---------------------------------------------------------------------------

    async def _chosen_workplaces(self, ctx: Context) -> int | None:
        ids = ctx.data.get("license_ids") or []
        total = 0
        for license_id in ids:
            lic = await licenses.get(ctx.unit, int(license_id))
            if lic is None or lic.customer_id != ctx.customer_id:
                return None
            total += lic.workplaces
        return total or None

    async def ask_workplaces(self, ctx: Context) -> None:
        rows: list[tuple[Button, ...]] = []
        total = await self._chosen_workplaces(ctx)
        if total is not None and total <= MAX_WORKPLACES:
            rows.append(
                (ctx.button("transfer.workplaces_button", "transfer.wp", total, count=total),)
            )
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("transfer.ask_workplaces", max=MAX_WORKPLACES), tuple(rows))

    async def on_workplaces(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "transfer.wp":
                return False
            count = payload.optional_int(0)
        else:
            text = msg.text.strip()
            count = int(text) if text.isdigit() and len(text) <= 6 else None
        if count is None or not 1 <= count <= MAX_WORKPLACES:
            return False
        ctx.data["workplaces"] = count
        await self._start_choice(ctx, _KEYS)
        return True

    # -- keys --------------------------------------------------------------------------------

    async def ask_keys(self, ctx: Context) -> None:
        assert ctx.customer_id is not None
        own = await keys.of_customer(ctx.unit, ctx.customer_id)
        items = [
            (
                key.id,
                key.serial,
                {"serial": key.serial, "kind": ctx.t(f"transfer.kind_{key.kind.value}")},
            )
            for key in own
        ]
        self._ask_choice(ctx, _KEYS, items)

    async def on_keys(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._choose(ctx, msg, payload, _KEYS)

    async def ask_key_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_key_numbers"), (ctx.menu_row(),))

    async def on_key_numbers(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._typed_numbers(ctx, msg, payload, "keys", self.order)

    # -- choosing one's own licenses or keys; numbers typed by a person not linked -----------

    async def _start_choice(self, ctx: Context, choice: _Choice) -> None:
        """A person not linked types the numbers; a customer with none of them is told so;
        otherwise the toggle list, nothing chosen yet."""
        if ctx.customer_id is None:
            await ctx.go(choice.typed_step)
            return
        if not await choice.of_customer(ctx.unit, ctx.customer_id):
            ctx.say(ctx.t(choice.none_owned), (ctx.menu_row(),))
            ctx.finish()
            return
        ctx.data[choice.ids] = []
        await ctx.go(choice.step)

    def _ask_choice(
        self, ctx: Context, choice: _Choice, items: list[tuple[int, str, dict[str, Any]]]
    ) -> None:
        """The toggle list: ``items`` are (id, number, the label's values) of one's own."""
        chosen = set(ctx.data.get(choice.ids, []))
        listed = (
            ctx.button(
                choice.label,
                choice.toggle,
                item_id,
                mark="✅" if item_id in chosen else "▫️",
                **values,
            )
            for item_id, _number, values in items
        )
        done = ctx.button("transfer.done_button", choice.done, count=len(chosen))
        numbers = [number for item_id, number, _values in items if item_id in chosen]
        text = ctx.t(choice.question)
        if numbers:
            text += "\n" + ctx.t("transfer.chosen", items=", ".join(numbers))
        ctx.say(text, keyboard(*listed, done, ctx.menu_row()))

    async def _choose(
        self, ctx: Context, msg: Incoming, payload: Payload | None, choice: _Choice
    ) -> bool:
        """A toggle button, "Done", or typed numbers, each re-checked as the customer's own."""
        assert ctx.customer_id is not None
        chosen: list[int] = list(ctx.data.get(choice.ids, []))
        if payload is not None:
            if payload.action == choice.done:
                if not chosen:
                    ctx.say(ctx.t(choice.choose_one))
                    await ctx.go(choice.step)
                    return True
                await ctx.go(choice.next_step)
                return True
            if payload.action != choice.toggle:
                return False
            item_id = payload.optional_int(0)
            found = await choice.by_id(ctx.unit, item_id) if item_id is not None else None
            if found is None or found.customer_id != ctx.customer_id:
                ctx.say(ctx.t(choice.not_yours_button))
                await ctx.go(choice.step)
                return True
            if found.id in chosen:
                chosen.remove(found.id)
            else:
                chosen.append(found.id)
            ctx.data[choice.ids] = chosen
            await ctx.go(choice.step)
            return True
        typed = _numbers(msg.text)
        if typed is None or msg.attachments:
            return False
        found_ids: list[int] = []
        unknown: list[str] = []
        for number in typed:
            item = await choice.by_number(ctx.unit, number)
            if item is None or item.customer_id != ctx.customer_id:
                unknown.append(number)
            else:
                found_ids.append(item.id)
        if unknown:
            # One answer for unknown and foreign numbers alike; nothing is chosen.
            ctx.say(ctx.t(choice.not_yours_typed, numbers=", ".join(unknown)))
            await ctx.go(choice.step)
            return True
        ctx.data[choice.ids] = list(dict.fromkeys([*chosen, *found_ids]))
        await ctx.go(choice.step)
        return True

    async def _typed_numbers(
        self, ctx: Context, msg: Incoming, payload: Payload | None, key: str, next_step: Step
    ) -> bool:
        if payload is not None or msg.attachments:
            return False
        typed = _numbers(msg.text)
        if typed is None:
            return False
        ctx.data[key] = typed
        await ctx.go(next_step)
        return True

    # -- the redistribution order ---------------------------------------------------------

    def _order_required(self, ctx: Context) -> bool:
        return ctx.data.get("operation") == Operation.REDISTRIBUTE.value

    async def ask_order(self, ctx: Context) -> None:
        if self._order_required(ctx):
            ctx.say(ctx.t("transfer.ask_order_required"), (ctx.menu_row(),))
            return
        ctx.say(
            ctx.t("transfer.ask_order"),
            ((ctx.button("transfer.no_order", "transfer.no_order"),), ctx.menu_row()),
        )

    async def on_order(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "transfer.no_order" or self._order_required(ctx):
                return False
            ctx.data["order"] = ""
            await ctx.go(self.modules)
            return True
        order = free_text(msg, payload, _ORDER_LENGTH)
        if order is None:
            return False
        ctx.data["order"] = order
        await ctx.go(self.modules)
        return True

    # -- modules returned? then the request is filed -------------------------------------

    async def ask_modules(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("transfer.ask_modules"),
            (
                (
                    ctx.button("transfer.yes", "transfer.modules", "yes"),
                    ctx.button("transfer.no", "transfer.modules", "no"),
                ),
                ctx.menu_row(),
            ),
        )

    async def on_modules(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "transfer.modules" or len(payload.args) != 1:
            return False
        if payload.args[0] not in ("yes", "no"):
            return False
        ctx.data["modules_returned"] = payload.args[0] == "yes"
        details = await self._details(ctx)
        if details is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return True
        request_id = await file_request(
            ctx,
            RequestKind.TRANSFER,
            card=transfer_card(details),
            details=details,
            status=RequestStatus.WAITING_DOCUMENTS,
        )
        ctx.data = {"request_id": request_id}
        ctx.say(self._checklist(ctx, details, request_id))
        await ctx.go(self.letter)
        return True

    async def _details(self, ctx: Context) -> dict[str, Any] | None:
        """What the request records; a linked customer's choices are re-checked as theirs."""
        data = ctx.data
        try:
            operation = Operation(str(data.get("operation")))
        except ValueError:
            return None
        details: dict[str, Any] = {
            "topic": "transfer",
            "operation": operation.value,
            "workplaces": data.get("workplaces"),
            "order": data.get("order", ""),
            "modules_returned": bool(data.get("modules_returned")),
            "awaiting": AWAITING_DOCUMENTS,
        }
        if not isinstance(details["workplaces"], int):
            return None
        if ctx.customer_id is None:
            if not data.get("licenses") or not data.get("keys") or not data.get("product"):
                return None
            details.update(
                product=data["product"],
                licenses=list(data["licenses"]),
                keys=list(data["keys"]),
                verified_items=False,
            )
            return details
        numbers: list[str] = []
        products: list[str] = []
        for license_id in data.get("license_ids") or []:
            view = await licenses.view(ctx.unit, int(license_id))
            if view is None or view.customer_id != ctx.customer_id:
                return None
            numbers.append(view.number)
            products.append(view.product_name)
        serials: list[str] = []
        for key_id in data.get("key_ids") or []:
            key = await keys.get(ctx.unit, int(key_id))
            if key is None or key.customer_id != ctx.customer_id:
                return None
            serials.append(key.serial)
        if not numbers or not serials:
            return None
        details.update(
            product=", ".join(dict.fromkeys(products)),
            licenses=numbers,
            keys=serials,
            verified_items=True,
        )
        return details

    def _checklist(self, ctx: Context, details: dict[str, Any], request_id: int) -> str:
        t = ctx.t
        lines = [
            t("transfer.filed_waiting", number=request_id),
            t(
                "transfer.checklist_title",
                operation=t(f"transfer.operation_{details['operation']}"),
            ),
            t(
                "transfer.checklist_licenses",
                product=details["product"],
                licenses=", ".join(details["licenses"]),
            ),
            t("transfer.checklist_workplaces", count=details["workplaces"]),
            t("transfer.checklist_keys", keys=", ".join(details["keys"])),
        ]
        if details["order"]:
            lines.append(t("transfer.checklist_order", order=details["order"]))
        lines.append(t("transfer.checklist_no_old_files"))
        if details["modules_returned"]:
            lines.append(t("transfer.checklist_modules"))
        return "\n".join(lines)

    # -- documents: the letter, then the license files -------------------------------------

    async def ask_letter(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("transfer.ask_letter", **upload_limits(ctx, FileKind.DOCUMENT)),
            self.later_row(ctx),
        )

    async def on_letter(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            return self.later(ctx, payload)
        if not msg.attachments:
            return False
        request = await self.accept_file(
            ctx, msg, role="letter", kind=FileKind.DOCUMENT, step=self.letter
        )
        if request is not None:
            await ctx.go(self.license_files)
        return True

    async def ask_license_files(self, ctx: Context) -> None:
        request_id = ctx.data.get("request_id")
        have = (
            [
                a
                for a in await requests.attachments(ctx.unit, request_id)
                if a.role == "license_file"
            ]
            if isinstance(request_id, int)
            else []
        )
        ctx.say(
            ctx.t(
                "transfer.ask_license_files",
                count=len(have),
                **upload_limits(ctx, FileKind.LICENSE_FILE),
            ),
            ((ctx.button("transfer.files_done", "transfer.files_done"),), *self.later_row(ctx)),
        )

    async def on_license_files(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "transfer.files_done":
                return self.later(ctx, payload)
            request = await self.my_open_request(ctx)
            if request is None:
                self.closed(ctx)
                return True
            have = await roles_in(ctx, request.id)
            if "license_file" not in have:
                ctx.say(ctx.t("transfer.need_license_file"))
                await ctx.go(self.license_files)
                return True
            if "letter" not in have:
                await ctx.go(self.letter)
                return True
            await self._complete(ctx, request)
            return True
        if not msg.attachments:
            return False
        request = await self.accept_file(
            ctx, msg, role="license_file", kind=FileKind.LICENSE_FILE, step=self.license_files
        )
        if request is not None:
            await ctx.go(self.license_files)
        return True

    async def _complete(self, ctx: Context, request: Request) -> None:
        """Everything is in: the request becomes new and the managers get the card."""
        details = dict(request.details)
        details.pop("awaiting", None)
        if details.get("modules_returned") and "module_return" not in details:
            details["module_return"] = DECISION_PENDING
        await hand_over(
            ctx, request, details, transfer_card(details), waiting=RequestStatus.WAITING_DOCUMENTS
        )
        done = (
            "transfer.filed_with_modules" if details.get("modules_returned") else "transfer.filed"
        )
        ctx.say(ctx.t(done, number=request.id), (ctx.menu_row(),))
        ctx.finish()


#: The two toggle lists; after the flow, whose steps they name.
_LICENSES = _Choice(
    step=TransferFlow.licenses,
    typed_step=TransferFlow.product,
    next_step=TransferFlow.workplaces,
    ids="license_ids",
    question="transfer.ask_licenses",
    label="transfer.license_button",
    toggle="transfer.lic",
    done="transfer.lic_done",
    none_owned="transfer.no_licenses",
    choose_one="transfer.choose_one_license",
    not_yours_button="transfer.not_your_license_button",
    not_yours_typed="transfer.not_your_licenses",
    of_customer=licenses.of_customer,
    by_id=licenses.get,
    by_number=license_by_number,
)
_KEYS = _Choice(
    step=TransferFlow.keys,
    typed_step=TransferFlow.key_numbers,
    next_step=TransferFlow.order,
    ids="key_ids",
    question="transfer.ask_keys",
    label="transfer.key_button",
    toggle="transfer.key",
    done="transfer.keys_done",
    none_owned="transfer.no_keys",
    choose_one="transfer.choose_one_key",
    not_yours_button="transfer.not_your_key_button",
    not_yours_typed="transfer.not_your_keys",
    of_customer=keys.of_customer,
    by_id=keys.get,
    by_number=key_by_serial,
)

"""The transfer conversation, step by step (the package's docstring tells the whole)."""

from __future__ import annotations

from typing import Any

from handlers.desk.cards import CardLine, file_request
from handlers.engine.attachments import FileKind, upload_limits
from handlers.engine.flow import Context, Step
from handlers.engine.messages import Button, Incoming
from handlers.engine.payloads import Payload
from handlers.engine.typed_input import free_text, key_by_serial, license_by_number
from handlers.flows.consent import require_consent
from handlers.flows.document_requests import (
    AWAITING_DOCUMENTS,
    Document,
    DocumentRequestFlow,
    hand_over,
    roles_in,
)
from handlers.flows.transfer.card import DECISION_PENDING, Operation, transfer_card
from handlers.flows.transfer.choice import Choice, ask_choice, choose, start_choice, typed_numbers
from storage import keys, licenses, requests
from storage.models import Request, RequestKind, RequestStatus

_PRODUCT_LENGTH = (2, 200)
_ORDER_LENGTH = (2, 1000)
MAX_WORKPLACES = 9999


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
        await start_choice(ctx, _LICENSES)
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
        ask_choice(ctx, _LICENSES, items)

    async def on_licenses(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await choose(ctx, msg, payload, _LICENSES)

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
        await start_choice(ctx, _KEYS)
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
        ask_choice(ctx, _KEYS, items)

    async def on_keys(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await choose(ctx, msg, payload, _KEYS)

    async def ask_key_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_key_numbers"), (ctx.menu_row(),))

    async def on_key_numbers(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._typed_numbers(ctx, msg, payload, "keys", self.order)

    # -- numbers typed by a person not linked ----------------------------------------------

    async def _typed_numbers(
        self, ctx: Context, msg: Incoming, payload: Payload | None, key: str, next_step: Step
    ) -> bool:
        if payload is not None or msg.attachments:
            return False
        typed = typed_numbers(msg.text)
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
_LICENSES = Choice(
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
_KEYS = Choice(
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

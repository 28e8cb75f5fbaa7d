"""The transfer conversation, step by step (the package's docstring tells the whole)."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    DocumentRequestData,
    DocumentRequestFlow,
    hand_over,
    roles_in,
)
from handlers.flows.transfer.card import (
    DECISION_PENDING,
    TOPIC,
    Operation,
    TransferDetails,
    transfer_card,
)
from handlers.flows.transfer.choice import (
    Choice,
    Owned,
    ask_choice,
    choose,
    drop_unusable,
    refuse_unusable,
    start_choice,
    typed_numbers,
)
from handlers.rules.key_loss import in_service
from storage import keys, licenses, requests
from storage.models import Key, Request, RequestKind, RequestStatus

_PRODUCT_LENGTH = (2, 200)
_ORDER_LENGTH = (2, 1000)
MAX_WORKPLACES = 9999


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferData(DocumentRequestData):
    """What the chat holds until the request is filed: the operation, the licenses and
    keys (a linked customer's chosen ids, or the numbers a person not linked typed), the
    workplaces, the order and the modules answer; once filed, the request (``request_id``,
    inherited) alone."""

    operation: Operation | None = None
    license_ids: tuple[int, ...] = ()
    key_ids: tuple[int, ...] = ()
    product: str = ""
    licenses: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    workplaces: int | None = None
    order: str = ""
    modules_returned: bool = False


class TransferFlow(DocumentRequestFlow[TransferDetails]):
    name = "transfer"
    service = "transfer"
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
    details_record = TransferDetails
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
            licenses=", ".join(self.details_of(request.details).licenses),
            missing=missing or ctx.t("transfer.confirmation"),
        )

    def request_card(self, details: TransferDetails) -> list[CardLine]:
        return transfer_card(details)

    async def continue_request(self, ctx: Context, request: Request) -> None:
        ctx.keep(TransferData(request_id=request.id))
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
        ctx.keep(TransferData(operation=operation))
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
        ctx.keep(replace(ctx.read(TransferData), product=product))
        await ctx.go(self.license_numbers)
        return True

    async def ask_license_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_license_numbers"), (ctx.menu_row(),))

    async def on_license_numbers(
        self, ctx: Context, msg: Incoming, payload: Payload | None
    ) -> bool:
        typed = self._typed_numbers(msg, payload)
        if typed is None:
            return False
        ctx.keep(replace(ctx.read(TransferData), licenses=typed))
        await ctx.go(self.workplaces)
        return True

    # -- workplaces ---------------------------------------------------------------------------

    async def _chosen_workplaces(self, ctx: Context) -> int | None:
        total = 0
        for license_id in ctx.read(TransferData).license_ids:
            lic = await licenses.get(ctx.unit, license_id)
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
        ctx.say(
            ctx.t("transfer.ask_workplaces", max=MAX_WORKPLACES), tuple(rows), expects_number=True
        )

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
        ctx.keep(replace(ctx.read(TransferData), workplaces=count))
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
            if _key_in_service(key)  # a key reported lost, stolen or broken is not offered
        ]
        ask_choice(ctx, _KEYS, items)

    async def on_keys(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await choose(ctx, msg, payload, _KEYS)

    async def ask_key_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_key_numbers"), (ctx.menu_row(),))

    async def on_key_numbers(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        typed = self._typed_numbers(msg, payload)
        if typed is None:
            return False
        ctx.keep(replace(ctx.read(TransferData), keys=typed))
        await ctx.go(self.order)
        return True

    # -- numbers typed by a person not linked ----------------------------------------------

    @staticmethod
    def _typed_numbers(msg: Incoming, payload: Payload | None) -> tuple[str, ...] | None:
        """The numbers typed (None: a button, a file, or not numbers)."""
        if payload is not None or msg.attachments:
            return None
        typed = typed_numbers(msg.text)
        return tuple(typed) if typed is not None else None

    # -- the redistribution order ---------------------------------------------------------

    def _order_required(self, ctx: Context) -> bool:
        return ctx.read(TransferData).operation is Operation.REDISTRIBUTE

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
            ctx.keep(replace(ctx.read(TransferData), order=""))
            await ctx.go(self.modules)
            return True
        order = free_text(msg, payload, _ORDER_LENGTH)
        if order is None:
            return False
        ctx.keep(replace(ctx.read(TransferData), order=order))
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
        ctx.keep(replace(ctx.read(TransferData), modules_returned=payload.args[0] == "yes"))
        refused = await drop_unusable(ctx, _KEYS) if ctx.customer_id is not None else []
        if refused:
            # A chosen key was reported lost, stolen or broken meanwhile: choose the keys again.
            refuse_unusable(ctx, _KEYS, refused)
            await ctx.go(self.keys)
            return True
        details = await self._details(ctx)
        if details is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return True
        request_id = await file_request(
            ctx,
            RequestKind.TRANSFER,
            card=transfer_card(details),
            details=details.to_stored(),
            status=RequestStatus.WAITING_DOCUMENTS,
        )
        ctx.keep(TransferData(request_id=request_id))
        ctx.say(self._checklist(ctx, details, request_id))
        await ctx.go(self.letter)
        return True

    async def _details(self, ctx: Context) -> TransferDetails | None:
        """What the request records; a linked customer's choices are re-checked as theirs."""
        data = ctx.read(TransferData)
        if data.operation is None or data.workplaces is None:
            return None
        details = TransferDetails(
            topic=TOPIC,
            operation=data.operation,
            workplaces=data.workplaces,
            order=data.order,
            modules_returned=data.modules_returned,
            awaiting=AWAITING_DOCUMENTS,
        )
        if ctx.customer_id is None:
            if not data.licenses or not data.keys or not data.product:
                return None
            return replace(
                details,
                product=data.product,
                licenses=data.licenses,
                keys=data.keys,
                verified_items=False,
            )
        numbers: list[str] = []
        products: list[str] = []
        for license_id in data.license_ids:
            view = await licenses.view(ctx.unit, license_id)
            if view is None or view.customer_id != ctx.customer_id:
                return None
            numbers.append(view.number)
            products.append(view.product_name)
        serials: list[str] = []
        for key_id in data.key_ids:
            key = await keys.get(ctx.unit, key_id)
            if key is None or key.customer_id != ctx.customer_id or not _key_in_service(key):
                return None
            serials.append(key.serial)
        if not numbers or not serials:
            return None
        return replace(
            details,
            product=", ".join(dict.fromkeys(products)),
            licenses=tuple(numbers),
            keys=tuple(serials),
            verified_items=True,
        )

    def _checklist(self, ctx: Context, details: TransferDetails, request_id: int) -> str:
        t = ctx.t
        lines = [
            t("transfer.filed_waiting", number=request_id),
            t(
                "transfer.checklist_title",
                operation=t(f"transfer.operation_{details.operation.value}"),
            ),
            t(
                "transfer.checklist_licenses",
                product=details.product,
                licenses=", ".join(details.licenses),
            ),
            t("transfer.checklist_workplaces", count=details.workplaces),
            t("transfer.checklist_keys", keys=", ".join(details.keys)),
        ]
        if details.order:
            lines.append(t("transfer.checklist_order", order=details.order))
        lines.append(t("transfer.checklist_no_old_files"))
        if details.modules_returned:
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
        request_id = ctx.read(TransferData).request_id
        have = (
            [
                a
                for a in await requests.attachments(ctx.unit, request_id)
                if a.role == "license_file"
            ]
            if request_id is not None
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
        details = replace(self.details_of(request.details), awaiting=None)
        if details.modules_returned and details.module_return is None:
            details = replace(details, module_return=DECISION_PENDING)
        await hand_over(
            ctx, request, details, transfer_card(details), waiting=RequestStatus.WAITING_DOCUMENTS
        )
        done = "transfer.filed_with_modules" if details.modules_returned else "transfer.filed"
        ctx.say(ctx.t(done, number=request.id), (ctx.menu_row(),))
        ctx.finish()


def _key_in_service(item: Owned) -> bool:
    """A key reported lost, stolen or broken (or replaced) takes no part in a transfer
    (docs/rules.md#license-transfer); a found key does (seed 000 p.7)."""
    return not isinstance(item, Key) or in_service(item.status.value)


def _serial(item: Owned) -> str:
    return item.serial if isinstance(item, Key) else str(item.id)


#: The two toggle lists; after the flow, whose steps they name.
_LICENSES = Choice(
    step=TransferFlow.licenses,
    typed_step=TransferFlow.product,
    next_step=TransferFlow.workplaces,
    record=TransferData,
    chosen=lambda data: data.license_ids,
    with_chosen=lambda data, ids: replace(data, license_ids=ids),
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
    record=TransferData,
    chosen=lambda data: data.key_ids,
    with_chosen=lambda data, ids: replace(data, key_ids=ids),
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
    usable=_key_in_service,
    number_of=_serial,
    not_usable="transfer.key_not_in_service",
    none_usable="transfer.no_usable_keys",
)

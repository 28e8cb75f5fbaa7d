"""Transfer, merge or redistribution of licenses between keys (SPEC §2, seed 001).

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
"Approve module return" / "Reject module return" (:mod:`handlers.transfer_desk`) until a
manager decides. Documents are personal data: consent is asked before anything else.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from handlers import cards
from handlers.attachments import FileKind, accept_attachment, problem_text
from handlers.cards import CardLine, file_request, send_card, standard_buttons
from handlers.consent import require_consent
from handlers.flow import Context, Flow
from handlers.i18n import Texts
from handlers.messages import Button, Incoming, Keyboard
from handlers.payloads import Payload, encode
from storage import keys, licenses, requests
from storage.models import OPEN_STATUSES, Key, Request, RequestKind, RequestStatus

_NUMBER = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._/\-]{0,39}$")
_SEPARATORS = re.compile(r"[\s,;]+")
_MAX_NUMBERS = 30
_PRODUCT_LENGTH = (2, 200)
_ORDER_LENGTH = (2, 1000)
MAX_WORKPLACES = 9999

AWAITING_DOCUMENTS = "documents"
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


def send_documents_button(t: Texts, request_id: int) -> Button:
    """Brings the customer back to the request's missing documents from any chat state."""
    return Button(
        t("transfer.continue_button", number=request_id),
        encode("go", "transfer", "docs", request_id),
    )


def _int_arg(payload: Payload, index: int) -> int | None:
    value = payload.args[index] if index < len(payload.args) else ""
    return int(value) if value.isdigit() and len(value) <= 12 else None


def _numbers(text: str) -> list[str] | None:
    """Typed license or key numbers, separated by commas, semicolons or spaces."""
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    if not parts or len(parts) > _MAX_NUMBERS or not all(_NUMBER.match(p) for p in parts):
        return None
    return list(dict.fromkeys(parts))


def _free_text(msg: Incoming, payload: Payload | None, length: tuple[int, int]) -> str | None:
    if payload is not None or msg.attachments:
        return None
    text = " ".join(msg.text.split())
    low, high = length
    return text if low <= len(text) <= high else None


def _stored(lines: list[CardLine]) -> list[list[Any]]:
    return [[key, values] for key, values in lines]


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
                manager=details.get("module_return_by", "—"),
                when={"moment": str(details.get("module_return_at", ""))},
            )
        )
    elif decision == REJECTED:
        lines.append(
            cards.line(
                "transfer.card_modules_rejected",
                reason=cards.text(f"transferdesk.reason_{details.get('module_return_code')}"),
                manager=details.get("module_return_by", "—"),
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
        Button(t("transferdesk.approve"), encode("transferdesk.approve", request.id)),
        Button(t("transferdesk.reject"), encode("transferdesk.reject", request.id)),
    )
    return (*rows, decision)


cards.KIND_BUTTONS[RequestKind.TRANSFER] = transfer_card_buttons


class TransferFlow(Flow):
    name = "transfer"
    menu_label = "transfer.menu"
    for_managers = False

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if await require_consent(ctx):
            return
        ctx.data = {}
        unfinished = await self._unfinished(ctx)
        wanted = None
        if payload.action == "go" and len(payload.args) == 3 and payload.args[1] == "docs":
            wanted = _int_arg(payload, 2)
        if wanted is not None:
            request = next((r for r in unfinished if r.id == wanted), None)
            if request is not None:
                await self._continue(ctx, request)
                return
            ctx.say(ctx.t("transfer.nothing_to_continue", number=wanted))
        if unfinished:
            await ctx.go("resume")
            return
        await ctx.go("operation")

    # -- coming back ---------------------------------------------------------------------

    async def _unfinished(self, ctx: Context) -> list[Request]:
        return [
            request
            for request in await requests.of_account(ctx.unit, ctx.account.id, open_only=True)
            if request.kind is RequestKind.TRANSFER
            and request.details.get("awaiting") == AWAITING_DOCUMENTS
        ]

    async def ask_resume(self, ctx: Context) -> None:
        unfinished = await self._unfinished(ctx)
        if not unfinished:
            await ctx.go("operation")
            return
        lines = [ctx.t("transfer.resume_title")]
        rows: list[tuple[Button, ...]] = []
        for request in unfinished:
            have = await self._have(ctx, request.id)
            missing = [
                ctx.t("transfer.document_letter") if "letter" not in have else "",
                ctx.t("transfer.document_license_files") if "license_file" not in have else "",
            ]
            lines.append(
                ctx.t(
                    "transfer.resume_line",
                    number=request.id,
                    licenses=", ".join(request.details.get("licenses", [])),
                    missing=", ".join(m for m in missing if m) or ctx.t("transfer.confirmation"),
                )
            )
            rows.append(
                (
                    ctx.button(
                        "transfer.continue_button", "transfer.docs", request.id, number=request.id
                    ),
                )
            )
        rows.append((ctx.button("transfer.new_request", "transfer.new"),))
        rows.append(ctx.menu_row())
        ctx.say("\n".join(lines), tuple(rows))

    async def on_resume(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "transfer.new":
            await ctx.go("operation")
            return True
        if payload.action != "transfer.docs":
            return False
        wanted = _int_arg(payload, 0)
        request = next((r for r in await self._unfinished(ctx) if r.id == wanted), None)
        if request is None:
            ctx.say(ctx.t("transfer.nothing_to_continue", number=wanted or "—"))
            await ctx.go("resume")
            return True
        await self._continue(ctx, request)
        return True

    async def _continue(self, ctx: Context, request: Request) -> None:
        ctx.data = {"request_id": request.id}
        have = await self._have(ctx, request.id)
        await ctx.go("license_files" if "letter" in have else "letter")

    async def _have(self, ctx: Context, request_id: int) -> set[str]:
        return {a.role for a in await requests.attachments(ctx.unit, request_id)}

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
        if ctx.customer_id is None:
            await ctx.go("product")
            return True
        if not await licenses.of_customer(ctx.unit, ctx.customer_id):
            ctx.say(ctx.t("transfer.no_licenses"), (ctx.menu_row(),))
            ctx.finish()
            return True
        ctx.data["license_ids"] = []
        await ctx.go("licenses")
        return True

    # -- licenses: a linked customer's own ---------------------------------------------------

    async def ask_licenses(self, ctx: Context) -> None:
        assert ctx.customer_id is not None
        chosen = set(ctx.data.get("license_ids", []))
        views = await licenses.views_of_customer(ctx.unit, ctx.customer_id)
        rows = [
            (
                ctx.button(
                    "transfer.license_button",
                    "transfer.lic",
                    view.id,
                    mark="✅" if view.id in chosen else "▫️",
                    number=view.number,
                    product=view.product_name,
                    workplaces=view.workplaces,
                ),
            )
            for view in views
        ]
        rows.append((ctx.button("transfer.done_button", "transfer.lic_done", count=len(chosen)),))
        rows.append(ctx.menu_row())
        numbers = [view.number for view in views if view.id in chosen]
        text = ctx.t("transfer.ask_licenses")
        if numbers:
            text += "\n" + ctx.t("transfer.chosen", items=", ".join(numbers))
        ctx.say(text, tuple(rows))

    async def on_licenses(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        assert ctx.customer_id is not None
        chosen: list[int] = list(ctx.data.get("license_ids", []))
        if payload is not None:
            if payload.action == "transfer.lic_done":
                if not chosen:
                    ctx.say(ctx.t("transfer.choose_one_license"))
                    await ctx.go("licenses")
                    return True
                await ctx.go("workplaces")
                return True
            if payload.action != "transfer.lic":
                return False
            license_id = _int_arg(payload, 0)
            found = await licenses.get(ctx.unit, license_id) if license_id is not None else None
            if found is None or found.customer_id != ctx.customer_id:
                ctx.say(ctx.t("transfer.not_your_license_button"))
                await ctx.go("licenses")
                return True
            if found.id in chosen:
                chosen.remove(found.id)
            else:
                chosen.append(found.id)
            ctx.data["license_ids"] = chosen
            await ctx.go("licenses")
            return True
        typed = _numbers(msg.text)
        if typed is None or msg.attachments:
            return False
        found_ids: list[int] = []
        unknown: list[str] = []
        for number in typed:
            lic = await licenses.by_number(ctx.unit, number)
            if lic is None and number.upper() != number:
                lic = await licenses.by_number(ctx.unit, number.upper())
            if lic is None or lic.customer_id != ctx.customer_id:
                unknown.append(number)
            else:
                found_ids.append(lic.id)
        if unknown:
            # One answer for unknown and foreign numbers alike; nothing is chosen.
            ctx.say(ctx.t("transfer.not_your_licenses", numbers=", ".join(unknown)))
            await ctx.go("licenses")
            return True
        ctx.data["license_ids"] = list(dict.fromkeys([*chosen, *found_ids]))
        await ctx.go("licenses")
        return True

    # -- product and licenses: typed by a person not linked ---------------------------------

    async def ask_product(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_product"), (ctx.menu_row(),))

    async def on_product(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        product = _free_text(msg, payload, _PRODUCT_LENGTH)
        if product is None:
            return False
        ctx.data["product"] = product
        await ctx.go("license_numbers")
        return True

    async def ask_license_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_license_numbers"), (ctx.menu_row(),))

    async def on_license_numbers(
        self, ctx: Context, msg: Incoming, payload: Payload | None
    ) -> bool:
        if payload is not None or msg.attachments:
            return False
        typed = _numbers(msg.text)
        if typed is None:
            return False
        ctx.data["licenses"] = typed
        await ctx.go("workplaces")
        return True

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
            count = _int_arg(payload, 0)
        else:
            text = msg.text.strip()
            count = int(text) if text.isdigit() and len(text) <= 6 else None
        if count is None or not 1 <= count <= MAX_WORKPLACES:
            return False
        ctx.data["workplaces"] = count
        if ctx.customer_id is None:
            await ctx.go("key_numbers")
            return True
        if not await keys.of_customer(ctx.unit, ctx.customer_id):
            ctx.say(ctx.t("transfer.no_keys"), (ctx.menu_row(),))
            ctx.finish()
            return True
        ctx.data["key_ids"] = []
        await ctx.go("keys")
        return True

    # -- keys --------------------------------------------------------------------------------

    async def ask_keys(self, ctx: Context) -> None:
        assert ctx.customer_id is not None
        chosen = set(ctx.data.get("key_ids", []))
        own = await keys.of_customer(ctx.unit, ctx.customer_id)
        rows = [
            (
                ctx.button(
                    "transfer.key_button",
                    "transfer.key",
                    key.id,
                    mark="✅" if key.id in chosen else "▫️",
                    serial=key.serial,
                    kind=ctx.t(f"transfer.kind_{key.kind.value}"),
                ),
            )
            for key in own
        ]
        rows.append((ctx.button("transfer.done_button", "transfer.keys_done", count=len(chosen)),))
        rows.append(ctx.menu_row())
        serials = [key.serial for key in own if key.id in chosen]
        text = ctx.t("transfer.ask_keys")
        if serials:
            text += "\n" + ctx.t("transfer.chosen", items=", ".join(serials))
        ctx.say(text, tuple(rows))

    async def on_keys(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        assert ctx.customer_id is not None
        chosen: list[int] = list(ctx.data.get("key_ids", []))
        if payload is not None:
            if payload.action == "transfer.keys_done":
                if not chosen:
                    ctx.say(ctx.t("transfer.choose_one_key"))
                    await ctx.go("keys")
                    return True
                await ctx.go("order")
                return True
            if payload.action != "transfer.key":
                return False
            key_id = _int_arg(payload, 0)
            key = await keys.get(ctx.unit, key_id) if key_id is not None else None
            if key is None or key.customer_id != ctx.customer_id:
                ctx.say(ctx.t("transfer.not_your_key_button"))
                await ctx.go("keys")
                return True
            if key.id in chosen:
                chosen.remove(key.id)
            else:
                chosen.append(key.id)
            ctx.data["key_ids"] = chosen
            await ctx.go("keys")
            return True
        typed = _numbers(msg.text)
        if typed is None or msg.attachments:
            return False
        found_ids: list[int] = []
        unknown: list[str] = []
        for serial in typed:
            key = await _key_by_serial(ctx, serial)
            if key is None or key.customer_id != ctx.customer_id:
                unknown.append(serial)
            else:
                found_ids.append(key.id)
        if unknown:
            ctx.say(ctx.t("transfer.not_your_keys", numbers=", ".join(unknown)))
            await ctx.go("keys")
            return True
        ctx.data["key_ids"] = list(dict.fromkeys([*chosen, *found_ids]))
        await ctx.go("keys")
        return True

    async def ask_key_numbers(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.ask_key_numbers"), (ctx.menu_row(),))

    async def on_key_numbers(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None or msg.attachments:
            return False
        typed = _numbers(msg.text)
        if typed is None:
            return False
        ctx.data["keys"] = typed
        await ctx.go("order")
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
            await ctx.go("modules")
            return True
        order = _free_text(msg, payload, _ORDER_LENGTH)
        if order is None:
            return False
        ctx.data["order"] = order
        await ctx.go("modules")
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
        await ctx.go("letter")
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

    def _limits(self, ctx: Context, kind: FileKind) -> dict[str, Any]:
        uploads = ctx.policy.uploads
        types, max_mb = (
            (uploads.license_file_types, uploads.license_file_max_mb)
            if kind is FileKind.LICENSE_FILE
            else (uploads.document_types, uploads.document_max_mb)
        )
        return {"types": ", ".join(kind.upper() for kind in types), "max_mb": max_mb}

    async def ask_letter(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("transfer.ask_letter", **self._limits(ctx, FileKind.DOCUMENT)),
            ((ctx.button("transfer.later", "transfer.later"),), ctx.menu_row()),
        )

    async def on_letter(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            return self._later(ctx, payload)
        if not msg.attachments:
            return False
        request = await self._upload(ctx, msg, "letter", FileKind.DOCUMENT)
        if request is not None:
            await ctx.go("license_files")
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
                **self._limits(ctx, FileKind.LICENSE_FILE),
            ),
            (
                (ctx.button("transfer.files_done", "transfer.files_done"),),
                (ctx.button("transfer.later", "transfer.later"),),
                ctx.menu_row(),
            ),
        )

    async def on_license_files(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "transfer.files_done":
                return self._later(ctx, payload)
            request = await self._my_open_request(ctx)
            if request is None:
                self._closed(ctx)
                return True
            if "license_file" not in await self._have(ctx, request.id):
                ctx.say(ctx.t("transfer.need_license_file"))
                await ctx.go("license_files")
                return True
            if "letter" not in await self._have(ctx, request.id):
                await ctx.go("letter")
                return True
            await self._complete(ctx, request)
            return True
        if not msg.attachments:
            return False
        if await self._upload(ctx, msg, "license_file", FileKind.LICENSE_FILE) is not None:
            await ctx.go("license_files")
        return True

    def _later(self, ctx: Context, payload: Payload) -> bool:
        if payload.action != "transfer.later":
            return False
        number = ctx.data.get("request_id")
        if isinstance(number, int):
            ctx.say(
                ctx.t(
                    "transfer.later_text",
                    number=number,
                    days=ctx.policy.reminders.documents_after_days,
                ),
                ((send_documents_button(ctx.t, number),), ctx.menu_row()),
            )
        ctx.finish()
        return True

    async def _upload(
        self, ctx: Context, msg: Incoming, role: str, kind: FileKind
    ) -> Request | None:
        """Record one file on the request; None (after saying why) when refused."""
        step = ctx.step or "letter"
        if len(msg.attachments) > 1:
            ctx.say(ctx.t("transfer.one_at_a_time"))
            await ctx.go(step)
            return None
        request = await self._my_open_request(ctx)
        if request is None:
            self._closed(ctx)
            return None
        attachment = msg.attachments[0]
        problem = await accept_attachment(
            ctx, attachment, request_id=request.id, role=role, kind=kind
        )
        if problem is not None:
            ctx.say(problem_text(ctx, problem, kind))
            await ctx.go(step)
            return None
        ctx.say(
            ctx.t(
                "transfer.file_received",
                document=ctx.t(f"transfer.document_{role}"),
                name=attachment.name,
            )
        )
        return request

    async def _my_open_request(self, ctx: Context) -> Request | None:
        request_id = ctx.data.get("request_id")
        if not isinstance(request_id, int):
            return None
        request = await requests.get(ctx.unit, request_id)
        if (
            request is None
            or request.account_id != ctx.account.id
            or request.kind is not RequestKind.TRANSFER
            or request.status not in OPEN_STATUSES
        ):
            return None
        return request

    def _closed(self, ctx: Context) -> None:
        ctx.say(ctx.t("transfer.request_closed"), (ctx.menu_row(),))
        ctx.finish()

    async def _complete(self, ctx: Context, request: Request) -> None:
        """Everything is in: the request becomes new and the managers get the card."""
        details = dict(request.details)
        details.pop("awaiting", None)
        if details.get("modules_returned") and "module_return" not in details:
            details["module_return"] = DECISION_PENDING
        details["card"] = _stored(transfer_card(details))
        await requests.set_details(ctx.unit, request.id, details, ctx.now)
        if request.status is RequestStatus.WAITING_DOCUMENTS:
            await requests.set_status(
                ctx.unit, request.id, RequestStatus.NEW, actor="customer", now=ctx.now
            )
        await send_card(ctx, request.id)
        done = (
            "transfer.filed_with_modules" if details.get("modules_returned") else "transfer.filed"
        )
        ctx.say(ctx.t(done, number=request.id), (ctx.menu_row(),))
        ctx.finish()


async def _key_by_serial(ctx: Context, serial: str) -> Key | None:
    key = await keys.by_serial(ctx.unit, serial)
    if key is None and serial.upper() != serial:
        key = await keys.by_serial(ctx.unit, serial.upper())
    return key

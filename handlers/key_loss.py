"""Loss, theft or breakage of a key, and a lost key found again (SPEC §1, seeds 000, 001).

The customer picks one of their keys (or types its serial), then what happened. A verified
owner's report is acted on at once:

* **A, covered by the additional protection service** (see
  :mod:`handlers.rules.key_loss`): the key is marked lost/stolen/broken, which excludes it
  from every later monthly prolongation; the bot shows until when it keeps working, the
  new key's price and the delivery price, files the request (waiting for the customer)
  and asks the delivery address and the recipient. With both, the request becomes new
  and the managers get the completed card.
* **B, documents**: the key is marked too (a lost key must never be prolonged again, even
  if its lapsed service came back with a late renewal); the request is filed at once as
  *waiting for documents* so managers see it, and the bot collects the official letter
  and the act of write-off one by one. With both, the request becomes new.

Filing at once (before the address or the scans) means a customer who leaves midway never
leaves a marked key nobody knows about. Coming back (the menu item again, or the
"send documents" button, ``go:keyloss:docs:<request>``) offers to continue what is missing.

A person not linked to a customer can still report by typing the serial: the request is
filed *unverified* and nothing about the key changes; only a manager acts on it.

"Found" is accepted only for a key reported lost or stolen. With the protection service
the key is recorded as found (its licenses stay on the new key, it can carry new ones);
without it the status is left to the manager handling the replacement. Either way the
managers get a request saying so.

Personal data (address, recipient, scans) is stored only with consent: a linked
customer is asked for it when the flow begins.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from handlers import cards
from handlers.attachments import FileKind, accept_attachment, problem_text
from handlers.cards import CardLine, file_request, send_card
from handlers.consent import require_consent
from handlers.flow import Context, Flow
from handlers.i18n import Texts
from handlers.messages import Button, Incoming
from handlers.payloads import Payload, encode
from handlers.rules.key_loss import (
    REPORTABLE,
    REPORTED_LOST,
    LossBranch,
    WhatHappened,
    loss_branch,
    new_key_price,
    protected_replacement,
)
from storage import customers, keys, requests
from storage.models import OPEN_STATUSES, Key, KeyStatus, Request, RequestKind, RequestStatus

#: A serial as printed on a key or module: letters, digits and a few separators.
_SERIAL = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._/\-]{2,39}$")
_ADDRESS_LENGTH = (5, 500)
_RECIPIENT_LENGTH = (2, 200)

#: The scans of branch B, in the order they are asked, with the step that asks each.
DOCUMENT_STEPS = {"letter": "letter", "write_off_act": "act"}

AWAITING_DELIVERY = "delivery"
AWAITING_DOCUMENTS = "documents"
BRANCH_UNVERIFIED = "unverified"
BRANCH_FOUND = "found"


def send_documents_button(t: Texts, request_id: int) -> Button:
    """A button that brings the customer back to their request's missing part (it works
    from any chat state; reminders and "my requests" may show it)."""
    return Button(
        t("keyloss.continue_button", number=request_id), encode("go", "keyloss", "docs", request_id)
    )


def _int_arg(payload: Payload, index: int) -> int | None:
    value = payload.args[index] if index < len(payload.args) else ""
    return int(value) if value.isdigit() and len(value) <= 12 else None


def _continue_arg(payload: Payload) -> int | None:
    """``go:keyloss:docs:<request>`` → the request number."""
    if payload.action == "go" and len(payload.args) == 3 and payload.args[1] == "docs":
        return _int_arg(payload, 2)
    return None


def _stored(lines: list[CardLine]) -> list[list[Any]]:
    return [[key, values] for key, values in lines]


def key_loss_card(details: dict[str, Any]) -> list[CardLine]:
    """The card lines of a key-loss request, rebuilt from what the flow collected."""
    branch = details.get("branch")
    what = details.get("what", "")
    kind = details.get("key_kind", "codemeter")
    lines: list[CardLine] = []
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("keyloss.card_serial_typed", serial=details.get("serial", "")))
    else:
        lines.append(
            cards.line(
                "keyloss.card_key",
                serial=details.get("serial", ""),
                kind=cards.text(f"keyloss.kind_{kind}"),
            )
        )
    lines.append(cards.line("keyloss.card_what", what=cards.text(f"keyloss.what_{what}")))
    if branch == BRANCH_UNVERIFIED:
        lines.append(cards.line("keyloss.card_unverified"))
        owner = details.get("known_owner")
        if owner:
            lines.append(
                cards.line(
                    "keyloss.card_known",
                    kind=cards.text(f"keyloss.kind_{details.get('known_kind', 'codemeter')}"),
                    owner=owner,
                    status=cards.text(f"keyloss.status_{details.get('known_status', 'active')}"),
                )
            )
        else:
            lines.append(cards.line("keyloss.card_unknown"))
        return lines
    licenses = ", ".join(details.get("licenses", [])) or "—"
    if branch == BRANCH_FOUND:
        found_key = (
            "keyloss.card_found_protected"
            if details.get("protection")
            else "keyloss.card_found_documents"
        )
        lines.append(cards.line(found_key))
        return lines
    lines.append(cards.line("keyloss.card_licenses", licenses=licenses))
    if branch == LossBranch.PROTECTED:
        until = details.get("programmed_until")
        lines.append(cards.line("keyloss.card_protected"))
        lines.append(
            cards.line(
                "keyloss.card_programmed_until",
                date=cards.day(date.fromisoformat(until))
                if until
                else cards.text("keyloss.card_unknown_date"),
            )
        )
        lines.append(
            cards.line(
                "keyloss.card_prices",
                key_price=cards.money(Decimal(details["key_price"])),
                delivery=cards.money(Decimal(details["delivery_price"])),
                total=cards.money(Decimal(details["total"])),
            )
        )
        awaited = cards.text("keyloss.card_awaited")
        lines.append(cards.line("keyloss.card_address", address=details.get("address") or awaited))
        lines.append(
            cards.line("keyloss.card_recipient", recipient=details.get("recipient") or awaited)
        )
    else:
        lines.append(cards.line("keyloss.card_documents_branch"))
        lines.append(
            cards.line(
                "keyloss.card_new_key_price",
                kind=cards.text(f"keyloss.kind_{kind}"),
                price=cards.money(Decimal(details["key_price"])),
            )
        )
        state = (
            "keyloss.card_docs_awaited"
            if details.get("awaiting") == AWAITING_DOCUMENTS
            else "keyloss.card_docs_received"
        )
        lines.append(cards.line("keyloss.card_documents", state=cards.text(state)))
    return lines


class KeyLossFlow(Flow):
    name = "keyloss"
    menu_label = "keyloss.menu"
    for_managers = False

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if ctx.customer_id is not None and await require_consent(ctx):
            return
        ctx.data = {}
        unfinished = await self._unfinished(ctx)
        wanted = _continue_arg(payload)
        if wanted is not None:
            request = next((r for r in unfinished if r.id == wanted), None)
            if request is not None:
                await self._continue(ctx, request)
                return
            ctx.say(ctx.t("keyloss.nothing_to_continue", number=wanted))
        if unfinished:
            await ctx.go("resume")
            return
        await ctx.go("pick_key")

    # -- coming back to an unfinished request --------------------------------------------

    async def _unfinished(self, ctx: Context) -> list[Request]:
        """The person's open key-loss requests still missing the address or documents."""
        return [
            request
            for request in await requests.of_account(ctx.unit, ctx.account.id, open_only=True)
            if request.kind is RequestKind.KEY_LOSS and request.details.get("awaiting")
        ]

    async def _missing(self, ctx: Context, request: Request) -> str:
        if request.details.get("awaiting") == AWAITING_DELIVERY:
            return ctx.t("keyloss.missing_delivery")
        have = {a.role for a in await requests.attachments(ctx.unit, request.id)}
        return ", ".join(
            ctx.t(f"keyloss.document_{role}") for role in DOCUMENT_STEPS if role not in have
        )

    async def ask_resume(self, ctx: Context) -> None:
        unfinished = await self._unfinished(ctx)
        if not unfinished:
            await ctx.go("pick_key")
            return
        lines = [ctx.t("keyloss.resume_title")]
        rows = []
        for request in unfinished:
            lines.append(
                ctx.t(
                    "keyloss.resume_line",
                    number=request.id,
                    serial=request.details.get("serial", ""),
                    missing=await self._missing(ctx, request),
                )
            )
            rows.append(
                (
                    ctx.button(
                        "keyloss.continue_button", "keyloss.docs", request.id, number=request.id
                    ),
                )
            )
        rows.append((ctx.button("keyloss.other_key", "keyloss.other"),))
        rows.append(ctx.menu_row())
        ctx.say("\n".join(lines), tuple(rows))

    async def on_resume(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        if payload.action == "keyloss.other":
            await ctx.go("pick_key")
            return True
        if payload.action != "keyloss.docs":
            return False
        wanted = _int_arg(payload, 0)
        request = next((r for r in await self._unfinished(ctx) if r.id == wanted), None)
        if request is None:
            ctx.say(ctx.t("keyloss.nothing_to_continue", number=wanted or "—"))
            await ctx.go("resume")
            return True
        await self._continue(ctx, request)
        return True

    async def _continue(self, ctx: Context, request: Request) -> None:
        details = request.details
        ctx.data = {
            "request_id": request.id,
            "serial": details.get("serial", ""),
            "what": details.get("what", WhatHappened.LOST.value),
            "kind": details.get("key_kind", "codemeter"),
        }
        if details.get("awaiting") == AWAITING_DELIVERY:
            await ctx.go("address")
        else:
            await self._next_document(ctx, request.id)

    # -- which key ---------------------------------------------------------------------

    async def ask_pick_key(self, ctx: Context) -> None:
        own = await keys.of_customer(ctx.unit, ctx.customer_id) if ctx.customer_id else []
        if ctx.customer_id is None:
            ctx.say(ctx.t("keyloss.pick_key_unlinked"), (ctx.menu_row(),))
            return
        if not own:
            ctx.say(ctx.t("keyloss.pick_key_none"), (ctx.menu_row(),))
            return
        rows = [
            (
                ctx.button(
                    "keyloss.key_button",
                    "keyloss.key",
                    key.id,
                    serial=key.serial,
                    kind=ctx.t(f"keyloss.kind_{key.kind.value}"),
                    status=ctx.t(f"keyloss.status_{key.status.value}"),
                ),
            )
            for key in own
        ]
        rows.append(ctx.menu_row())
        ctx.say(ctx.t("keyloss.pick_key"), tuple(rows))

    async def on_pick_key(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "keyloss.key":
                return False
            key_id = _int_arg(payload, 0)
            key = await keys.get(ctx.unit, key_id) if key_id is not None else None
            if key is None or ctx.customer_id is None or key.customer_id != ctx.customer_id:
                ctx.say(ctx.t("keyloss.not_your_key_button"))
                await ctx.go("pick_key")
                return True
            ctx.data = {"key_id": key.id}
            await ctx.go("what")
            return True
        serial = msg.text.strip()
        if not _SERIAL.match(serial):
            return False
        if ctx.customer_id is None:
            ctx.data = {"serial": serial}
            await ctx.go("what")
            return True
        key = await _key_by_serial(ctx, serial)
        if key is None or key.customer_id != ctx.customer_id:
            # The same answer for an unknown serial and someone else's: nothing leaks.
            ctx.say(ctx.t("keyloss.not_your_key", serial=serial))
            await ctx.go("pick_key")
            return True
        ctx.data = {"key_id": key.id}
        await ctx.go("what")
        return True

    async def _own_key(self, ctx: Context) -> Key | None:
        """The key chosen in this chat, re-read and re-checked against the customer."""
        key_id = ctx.data.get("key_id")
        if not isinstance(key_id, int) or ctx.customer_id is None:
            return None
        key = await keys.get(ctx.unit, key_id)
        return key if key is not None and key.customer_id == ctx.customer_id else None

    # -- what happened ------------------------------------------------------------------

    async def ask_what(self, ctx: Context) -> None:
        buttons = (
            (
                ctx.button("keyloss.button_lost", "keyloss.what", WhatHappened.LOST.value),
                ctx.button("keyloss.button_stolen", "keyloss.what", WhatHappened.STOLEN.value),
            ),
            (
                ctx.button("keyloss.button_broken", "keyloss.what", WhatHappened.BROKEN.value),
                ctx.button("keyloss.button_found", "keyloss.what", WhatHappened.FOUND.value),
            ),
            ctx.menu_row(),
        )
        if "key_id" not in ctx.data:
            ctx.say(
                ctx.t("keyloss.ask_what_unverified", serial=ctx.data.get("serial", "")), buttons
            )
            return
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        ctx.say(
            ctx.t(
                "keyloss.ask_what",
                serial=key.serial,
                kind=ctx.t(f"keyloss.kind_{key.kind.value}"),
                status=ctx.t(f"keyloss.status_{key.status.value}"),
            ),
            buttons,
        )

    async def on_what(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "keyloss.what" or len(payload.args) != 1:
            return False
        try:
            what = WhatHappened(payload.args[0])
        except ValueError:
            return False
        if "key_id" not in ctx.data:
            await self._file_unverified(ctx, what)
            return True
        await ctx.unit.begin()  # the key read below decides the writes
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return True
        if what is WhatHappened.FOUND:
            await self._found(ctx, key)
            return True
        if key.status.value not in REPORTABLE:
            ctx.say(
                ctx.t(
                    "keyloss.already_reported",
                    serial=key.serial,
                    status=ctx.t(f"keyloss.status_{key.status.value}"),
                ),
                (ctx.menu_row(),),
            )
            ctx.finish()
            return True
        support_end = await keys.latest_support_end(ctx.unit, key.id)
        branch = loss_branch(
            kind=key.kind.value,
            status=key.status.value,
            protection_service=key.protection_service,
            support_end=support_end,
            today=ctx.today,
            policy=ctx.policy,
        )
        licenses = [lic.number for lic in await keys.licenses_of_key(ctx.unit, key.id)]
        await keys.set_status(ctx.unit, key.id, KeyStatus(what.value), ctx.now)
        if branch is LossBranch.PROTECTED:
            await self._file_protected(ctx, key, what, licenses)
        else:
            await self._file_documents(ctx, key, what, licenses)
        return True

    # -- A: covered by the protection service ------------------------------------------

    async def _file_protected(
        self, ctx: Context, key: Key, what: WhatHappened, licenses: list[str]
    ) -> None:
        prices = protected_replacement(ctx.policy)
        details: dict[str, Any] = {
            "topic": "key_loss",
            "branch": LossBranch.PROTECTED.value,
            "what": what.value,
            "serial": key.serial,
            "key_kind": key.kind.value,
            "licenses": licenses,
            "programmed_until": key.programmed_until.isoformat() if key.programmed_until else None,
            "key_price": format(prices.key_price, "f"),
            "delivery_price": format(prices.delivery_price, "f"),
            "total": format(prices.total, "f"),
            "awaiting": AWAITING_DELIVERY,
            "amount_in_lines": True,
        }
        request_id = await file_request(
            ctx,
            RequestKind.KEY_LOSS,
            card=key_loss_card(details),
            key_id=key.id,
            amount=prices.total,
            details=details,
            status=RequestStatus.WAITING_CUSTOMER,
        )
        ctx.data = {
            "request_id": request_id,
            "serial": key.serial,
            "what": what.value,
            "kind": key.kind.value,
        }
        t = ctx.t
        until = (
            t("keyloss.until_date", date=t.date(key.programmed_until))
            if key.programmed_until
            else t("keyloss.until_unknown")
        )
        ctx.say(
            t(
                "keyloss.protected_marked",
                serial=key.serial,
                what=t(f"keyloss.what_{what.value}"),
                until=until,
                licenses=", ".join(licenses) or "—",
                key_price=t.money(prices.key_price),
                delivery=t.money(prices.delivery_price),
                total=t.money(prices.total),
                number=request_id,
            )
        )
        await ctx.go("address")

    async def ask_address(self, ctx: Context) -> None:
        ctx.say(ctx.t("keyloss.ask_address"), (ctx.menu_row(),))

    async def on_address(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        address = _free_text(msg, payload, _ADDRESS_LENGTH)
        if address is None:
            return False
        ctx.data["address"] = address
        await ctx.go("recipient")
        return True

    async def ask_recipient(self, ctx: Context) -> None:
        ctx.say(ctx.t("keyloss.ask_recipient"), (ctx.menu_row(),))

    async def on_recipient(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        recipient = _free_text(msg, payload, _RECIPIENT_LENGTH)
        if recipient is None:
            return False
        if "address" not in ctx.data:
            await ctx.go("address")
            return True
        request = await self._my_open_request(ctx)
        if request is None:
            self._closed(ctx)
            return True
        details = dict(request.details)
        details.update(address=ctx.data["address"], recipient=recipient)
        details.pop("awaiting", None)
        await self._complete(ctx, request, details, RequestStatus.WAITING_CUSTOMER)
        ctx.say(ctx.t("keyloss.delivery_filed", number=request.id), (ctx.menu_row(),))
        ctx.finish()
        return True

    # -- B: documents ------------------------------------------------------------------

    async def _file_documents(
        self, ctx: Context, key: Key, what: WhatHappened, licenses: list[str]
    ) -> None:
        price = new_key_price(key.kind.value, ctx.policy)
        details: dict[str, Any] = {
            "topic": "key_loss",
            "branch": LossBranch.DOCUMENTS.value,
            "what": what.value,
            "serial": key.serial,
            "key_kind": key.kind.value,
            "licenses": licenses,
            "key_price": format(price, "f"),
            "awaiting": AWAITING_DOCUMENTS,
            "amount_in_lines": True,
        }
        request_id = await file_request(
            ctx,
            RequestKind.KEY_LOSS,
            card=key_loss_card(details),
            key_id=key.id,
            amount=price,
            details=details,
            status=RequestStatus.WAITING_DOCUMENTS,
        )
        ctx.data = {
            "request_id": request_id,
            "serial": key.serial,
            "what": what.value,
            "kind": key.kind.value,
        }
        t = ctx.t
        ctx.say(
            t(
                "keyloss.documents_marked",
                serial=key.serial,
                what=t(f"keyloss.what_{what.value}"),
                kind=t(f"keyloss.kind_{key.kind.value}"),
                price=t.money(price),
                licenses=", ".join(licenses) or "—",
                letter=self._letter_item(ctx),
                act=t("keyloss.act_item"),
                number=request_id,
            )
        )
        await ctx.go("letter")

    def _letter_item(self, ctx: Context) -> str:
        broken = ctx.data.get("what") == WhatHappened.BROKEN.value
        return ctx.t(
            "keyloss.letter_item_broken" if broken else "keyloss.letter_item",
            serial=ctx.data.get("serial", ""),
        )

    def _document_buttons(self, ctx: Context) -> tuple[tuple[Button, ...], ...]:
        return ((ctx.button("keyloss.later", "keyloss.later"),), ctx.menu_row())

    def _limits(self, ctx: Context) -> dict[str, Any]:
        uploads = ctx.policy.uploads
        return {
            "types": ", ".join(kind.upper() for kind in uploads.document_types),
            "max_mb": uploads.document_max_mb,
        }

    async def ask_letter(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("keyloss.ask_letter", letter=self._letter_item(ctx), **self._limits(ctx)),
            self._document_buttons(ctx),
        )

    async def on_letter(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._document(ctx, msg, payload, "letter")

    async def ask_act(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("keyloss.ask_act", act=ctx.t("keyloss.act_item"), **self._limits(ctx)),
            self._document_buttons(ctx),
        )

    async def on_act(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._document(ctx, msg, payload, "write_off_act")

    async def _document(
        self, ctx: Context, msg: Incoming, payload: Payload | None, role: str
    ) -> bool:
        if payload is not None:
            if payload.action != "keyloss.later":
                return False
            number = ctx.data.get("request_id")
            if isinstance(number, int):
                ctx.say(
                    ctx.t(
                        "keyloss.later_text",
                        number=number,
                        days=ctx.policy.reminders.documents_after_days,
                    ),
                    ((send_documents_button(ctx.t, number),), ctx.menu_row()),
                )
            ctx.finish()
            return True
        if not msg.attachments:
            return False  # text instead of a file: the step's hint and the question again
        if len(msg.attachments) > 1:
            ctx.say(ctx.t("keyloss.one_at_a_time"))
            await ctx.go(DOCUMENT_STEPS[role])
            return True
        request = await self._my_open_request(ctx)
        if request is None:
            self._closed(ctx)
            return True
        attachment = msg.attachments[0]
        problem = await accept_attachment(
            ctx, attachment, request_id=request.id, role=role, kind=FileKind.DOCUMENT
        )
        if problem is not None:
            ctx.say(problem_text(ctx, problem, FileKind.DOCUMENT))
            await ctx.go(DOCUMENT_STEPS[role])
            return True
        ctx.say(
            ctx.t(
                "keyloss.document_received",
                document=ctx.t(f"keyloss.document_{role}"),
                name=attachment.name,
            )
        )
        await self._next_document(ctx, request.id)
        return True

    async def _next_document(self, ctx: Context, request_id: int) -> None:
        """Ask the first scan still missing; with both in, pass the request to managers."""
        have = {a.role for a in await requests.attachments(ctx.unit, request_id)}
        for role, step in DOCUMENT_STEPS.items():
            if role not in have:
                await ctx.go(step)
                return
        request = await self._my_open_request(ctx)
        if request is None:
            self._closed(ctx)
            return
        details = dict(request.details)
        details.pop("awaiting", None)
        await self._complete(ctx, request, details, RequestStatus.WAITING_DOCUMENTS)
        ctx.say(ctx.t("keyloss.documents_filed", number=request.id), (ctx.menu_row(),))
        ctx.finish()

    # -- both branches: finishing ----------------------------------------------------------

    async def _my_open_request(self, ctx: Context) -> Request | None:
        """The request this chat works on, if it is still this person's and open."""
        request_id = ctx.data.get("request_id")
        if not isinstance(request_id, int):
            return None
        request = await requests.get(ctx.unit, request_id)
        if (
            request is None
            or request.account_id != ctx.account.id
            or request.kind is not RequestKind.KEY_LOSS
            or request.status not in OPEN_STATUSES
        ):
            return None
        return request

    async def _complete(
        self,
        ctx: Context,
        request: Request,
        details: dict[str, Any],
        waiting: RequestStatus,
    ) -> None:
        """Store what was collected; the request becomes new and managers see the card."""
        details["card"] = _stored(key_loss_card(details))
        await requests.set_details(ctx.unit, request.id, details, ctx.now)
        if request.status is waiting:
            await requests.set_status(
                ctx.unit, request.id, RequestStatus.NEW, actor="customer", now=ctx.now
            )
        await send_card(ctx, request.id)

    def _closed(self, ctx: Context) -> None:
        ctx.say(ctx.t("keyloss.request_closed"), (ctx.menu_row(),))
        ctx.finish()

    # -- found ---------------------------------------------------------------------------

    async def _found(self, ctx: Context, key: Key) -> None:
        if key.status.value not in REPORTED_LOST:
            ctx.say(
                ctx.t(
                    "keyloss.not_reported_lost",
                    serial=key.serial,
                    status=ctx.t(f"keyloss.status_{key.status.value}"),
                ),
                (ctx.menu_row(),),
            )
            ctx.finish()
            return
        if key.protection_service:
            await keys.set_status(ctx.unit, key.id, KeyStatus.FOUND, ctx.now)
        details = {
            "topic": "key_loss",
            "branch": BRANCH_FOUND,
            "what": WhatHappened.FOUND.value,
            "serial": key.serial,
            "key_kind": key.kind.value,
            "protection": key.protection_service,
            "previous_status": key.status.value,
        }
        request_id = await file_request(
            ctx, RequestKind.KEY_LOSS, card=key_loss_card(details), key_id=key.id, details=details
        )
        answer = "keyloss.found_protected" if key.protection_service else "keyloss.found_documents"
        ctx.say(ctx.t(answer, serial=key.serial, number=request_id), (ctx.menu_row(),))
        ctx.finish()

    # -- an unlinked person ------------------------------------------------------------

    async def _file_unverified(self, ctx: Context, what: WhatHappened) -> None:
        serial = str(ctx.data.get("serial", ""))
        if not _SERIAL.match(serial):
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        details: dict[str, Any] = {
            "topic": "key_loss",
            "branch": BRANCH_UNVERIFIED,
            "what": what.value,
            "serial": serial,
        }
        known = await _key_by_serial(ctx, serial)
        if known is not None:
            owner = await customers.get(ctx.unit, known.customer_id)
            if owner is not None:
                company = f" ({owner.company})" if owner.company else ""
                details.update(
                    known_owner=f"{owner.name}{company}",
                    known_kind=known.kind.value,
                    known_status=known.status.value,
                )
        request_id = await file_request(
            ctx, RequestKind.KEY_LOSS, card=key_loss_card(details), details=details
        )
        ctx.say(ctx.t("keyloss.unverified_filed", number=request_id), (ctx.menu_row(),))
        ctx.finish()


async def _key_by_serial(ctx: Context, serial: str) -> Key | None:
    """The key with this serial as typed, or in capitals (serials are printed in capitals)."""
    key = await keys.by_serial(ctx.unit, serial)
    if key is None and serial.upper() != serial:
        key = await keys.by_serial(ctx.unit, serial.upper())
    return key


def _free_text(msg: Incoming, payload: Payload | None, length: tuple[int, int]) -> str | None:
    """A typed answer of a sensible length (a button or an empty message is not one)."""
    if payload is not None or msg.attachments:
        return None
    text = " ".join(msg.text.split())
    low, high = length
    return text if low <= len(text) <= high else None

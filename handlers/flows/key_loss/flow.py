"""The key-loss conversation, step by step (the package's docstring tells the whole)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from handlers.desk.cards import CardLine, file_request
from handlers.engine.attachments import FileKind, upload_limits
from handlers.engine.flow import Context, Step
from handlers.engine.messages import Incoming, Keyboard, keyboard
from handlers.engine.payloads import Payload
from handlers.engine.typed_input import free_text, key_by_serial
from handlers.flows.consent import require_consent
from handlers.flows.document_requests import (
    AWAITING_DOCUMENTS,
    Document,
    DocumentRequestData,
    DocumentRequestFlow,
    hand_over,
    roles_in,
)
from handlers.flows.key_loss.card import (
    AWAITING_DELIVERY,
    BRANCH_UNVERIFIED,
    TOPIC,
    KeyLossDetails,
    key_loss_card,
)
from handlers.flows.key_loss.found import (
    back_in_service,
    file_found,
    found_answer,
    latest_replacement,
    withdraw_question,
)
from handlers.flows.key_loss.question import report_question
from handlers.rules.key_loss import (
    REPORTABLE,
    REPORTED_LOST,
    LossBranch,
    WhatHappened,
    can_go_back_in_service,
    loss_branch,
    new_key_price,
    protected_replacement,
)
from handlers.rules.protection import key_support_end, lapsed_on
from storage import customers, keys, requests
from storage.models import Key, KeyKind, KeyStatus, Request, RequestKind, RequestStatus

#: ``go:key_loss:key:<id>`` opens the question about one key (what happened to it).
KEY_ARGUMENT = "key"

#: A serial as printed on a key or module: letters, digits and a few separators.
_SERIAL = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._/\-]{2,39}$")
_ADDRESS_LENGTH = (5, 500)
_RECIPIENT_LENGTH = (2, 200)


#: What the "Yes, report it" question asks about (found has its own way).
_REPORTS = frozenset({WhatHappened.LOST, WhatHappened.STOLEN, WhatHappened.BROKEN})


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyLossData(DocumentRequestData):
    """What the chat holds: the key chosen (``key_id``) or the serial typed by a person
    not linked, and what happened; while the report waits for "Yes", the way the question
    said it goes (``branch``); while a found key waits for "Yes", the replacement request
    asked about (``replacement``); once the request is filed (``request_id``, inherited),
    its key and what happened (the letter's wording needs them) and the delivery address
    given so far."""

    key_id: int | None = None
    serial: str = ""
    what: WhatHappened | None = None
    kind: KeyKind | None = None
    address: str = ""
    branch: LossBranch | None = None
    replacement: int | None = None


class KeyLossFlow(DocumentRequestFlow[KeyLossDetails]):
    name = "key_loss"
    service = "key_loss"
    former_names = ("keyloss",)
    menu_label = "key_loss.menu"
    for_managers = False

    pick_key = Step()
    what = Step()
    confirm = Step()
    withdraw = Step()
    address = Step()
    recipient = Step()
    letter = Step()
    act = Step()

    request_kind = RequestKind.KEY_LOSS
    details_record = KeyLossDetails
    awaiting = frozenset({AWAITING_DELIVERY, AWAITING_DOCUMENTS})
    #: The scans of branch B, in the order they are asked.
    documents = (
        Document("letter", letter, "key_loss.document_letter"),
        Document("write_off_act", act, "key_loss.document_write_off_act"),
    )
    first_step = pick_key
    new_request_button = ("key_loss.other_key", "key_loss.other")
    received_key = "key_loss.document_received"

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if ctx.customer_id is not None and await require_consent(ctx):
            return
        if payload.action == "go" and payload.args[1:2] == (KEY_ARGUMENT,) and ctx.customer_id:
            # ``go:key_loss:key:<id>`` (My requests, "The key was found"): that key's
            # question at once, when it is still this customer's.
            key_id = payload.optional_int(2)
            key = await keys.get(ctx.unit, key_id) if key_id is not None else None
            if key is not None and key.customer_id == ctx.customer_id:
                ctx.keep(KeyLossData(key_id=key.id))
                await ctx.go(self.what)
                return
        await self.continue_or_start(ctx, payload)

    # -- coming back to an unfinished request (missing the address or documents) ---------

    async def resume_line(self, ctx: Context, request: Request) -> str:
        details = self.details_of(request.details)
        if details.awaiting == AWAITING_DELIVERY:
            missing = ctx.t("key_loss.missing_delivery")
        else:
            missing = ", ".join(await self.missing_names(ctx, request.id))
        return ctx.t(
            "key_loss.resume_line",
            number=request.id,
            serial=details.serial,
            missing=missing,
        )

    def request_card(self, details: KeyLossDetails) -> list[CardLine]:
        return key_loss_card(details)

    async def continue_request(self, ctx: Context, request: Request) -> None:
        details = self.details_of(request.details)
        self._working_on(
            ctx,
            request.id,
            serial=details.serial,
            what=details.what or WhatHappened.LOST,
            kind=details.key_kind,
        )
        if details.awaiting == AWAITING_DELIVERY:
            await ctx.go(self.address)
        else:
            await self._next_document(ctx, request.id)

    def _working_on(
        self,
        ctx: Context,
        request_id: int,
        *,
        serial: str,
        what: WhatHappened | None,
        kind: KeyKind,
    ) -> None:
        """The chat now completes this filed request (the letter's wording needs the rest)."""
        ctx.keep(KeyLossData(request_id=request_id, serial=serial, what=what, kind=kind))

    # -- which key ---------------------------------------------------------------------

    async def ask_pick_key(self, ctx: Context) -> None:
        own = await keys.of_customer(ctx.unit, ctx.customer_id) if ctx.customer_id else []
        if ctx.customer_id is None:
            ctx.say(ctx.t("key_loss.pick_key_unlinked"), (ctx.menu_row(),))
            return
        if not own:
            ctx.say(ctx.t("key_loss.pick_key_none"), (ctx.menu_row(),))
            return
        listed = (
            ctx.button(
                "key_loss.key_button",
                "key_loss.key",
                key.id,
                serial=key.serial,
                kind=ctx.t(f"key_loss.kind_{key.kind.value}"),
                status=ctx.t(f"key_loss.status_{key.status.value}"),
            )
            for key in own
        )
        ctx.say(ctx.t("key_loss.pick_key"), keyboard(*listed, ctx.menu_row()))

    async def on_pick_key(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is not None:
            if payload.action != "key_loss.key":
                return False
            key_id = payload.optional_int(0)
            key = await keys.get(ctx.unit, key_id) if key_id is not None else None
            if key is None or ctx.customer_id is None or key.customer_id != ctx.customer_id:
                ctx.say(ctx.t("key_loss.not_your_key_button"))
                await ctx.go(self.pick_key)
                return True
            ctx.keep(KeyLossData(key_id=key.id))
            await ctx.go(self.what)
            return True
        serial = msg.text.strip()
        if not _SERIAL.match(serial):
            return False
        if ctx.customer_id is None:
            ctx.keep(KeyLossData(serial=serial))
            await ctx.go(self.what)
            return True
        key = await key_by_serial(ctx.unit, serial)
        if key is None or key.customer_id != ctx.customer_id:
            # The same answer for an unknown serial and someone else's: nothing leaks.
            ctx.say(ctx.t("key_loss.not_your_key", serial=serial))
            await ctx.go(self.pick_key)
            return True
        ctx.keep(KeyLossData(key_id=key.id))
        await ctx.go(self.what)
        return True

    async def _own_key(self, ctx: Context) -> Key | None:
        """The key chosen in this chat, re-read and re-checked against the customer."""
        key_id = ctx.read(KeyLossData).key_id
        if key_id is None or ctx.customer_id is None:
            return None
        key = await keys.get(ctx.unit, key_id)
        return key if key is not None and key.customer_id == ctx.customer_id else None

    # -- what happened ------------------------------------------------------------------

    async def ask_what(self, ctx: Context) -> None:
        buttons = (
            (
                ctx.button("key_loss.button_lost", "key_loss.what", WhatHappened.LOST.value),
                ctx.button("key_loss.button_stolen", "key_loss.what", WhatHappened.STOLEN.value),
            ),
            (
                ctx.button("key_loss.button_broken", "key_loss.what", WhatHappened.BROKEN.value),
                ctx.button("key_loss.button_found", "key_loss.what", WhatHappened.FOUND.value),
            ),
            ctx.menu_row(),
        )
        data = ctx.read(KeyLossData)
        if data.key_id is None:
            ctx.say(ctx.t("key_loss.ask_what_unverified", serial=data.serial), buttons)
            return
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        ctx.say(
            ctx.t(
                "key_loss.ask_what",
                serial=key.serial,
                kind=ctx.t(f"key_loss.kind_{key.kind.value}"),
                status=ctx.t(f"key_loss.status_{key.status.value}"),
            ),
            buttons,
        )

    async def on_what(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action != "key_loss.what" or len(payload.args) != 1:
            return False
        try:
            what = WhatHappened(payload.args[0])
        except ValueError:
            return False
        if ctx.read(KeyLossData).key_id is None:
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
            self._refuse_for_status(ctx, "key_loss.already_reported", key)
            return True
        ctx.keep(KeyLossData(key_id=key.id, what=what))
        await ctx.go(self.confirm)
        return True

    async def _branch(self, ctx: Context, key: Key) -> LossBranch:
        """The way a report of ``key`` made today goes."""
        support = await keys.support_of_key(ctx.unit, key.id)
        return loss_branch(
            kind=key.kind.value,
            status=key.status.value,
            protection_service=key.protection_service,
            support_end=key_support_end(support),
            today=ctx.today,
            policy=ctx.policy,
            lapsed_on=lapsed_on(support, key.protection_connected_on, ctx.policy),
        )

    # -- "Yes, report it" first ---------------------------------------------------------

    async def ask_confirm(self, ctx: Context) -> None:
        data = ctx.read(KeyLossData)
        key = await self._own_key(ctx)
        if key is None or data.what is None or data.what not in _REPORTS:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        branch = await self._branch(ctx, key)
        ctx.keep(replace(data, branch=branch))
        ctx.say(
            report_question(ctx, key, data.what, branch),
            _yes_or_keep(ctx, "key_loss.confirm", "key_loss.report", key.id, data.what.value),
        )

    async def on_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        data = ctx.read(KeyLossData)
        if payload.action == "key_loss.keep" and not payload.args:
            await self._unchanged(ctx)
            return True
        if payload.action != "key_loss.report":
            return False
        what = data.what
        if what is None or payload.args != (str(data.key_id), what.value):
            # "Yes" of another question (another key, another report): ask this one again.
            ctx.say(ctx.t("common.stale_button"))
            await ctx.go(self.confirm)
            return True
        await ctx.unit.begin()  # the key read below decides the writes
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return True
        if key.status.value not in REPORTABLE:
            self._refuse_for_status(ctx, "key_loss.already_reported", key)
            return True
        branch = await self._branch(ctx, key)
        if branch is not data.branch:
            # The day moved past what the question said (the service's grace days ended):
            # ask again with what applies now; nothing is stored.
            await ctx.go(self.confirm)
            return True
        licenses = [lic.number for lic in await keys.licenses_of_key(ctx.unit, key.id)]
        await keys.set_status(ctx.unit, key.id, KeyStatus(what.value), ctx.now)
        if branch is LossBranch.PROTECTED:
            await self._file_protected(ctx, key, what, licenses)
        else:
            await self._file_documents(ctx, key, what, licenses)
        return True

    async def _unchanged(self, ctx: Context) -> None:
        """ "No": nothing is stored; the key is as it was."""
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
        else:
            ctx.say(
                ctx.t(
                    "key_loss.unchanged",
                    serial=key.serial,
                    status=ctx.t(f"key_loss.status_{key.status.value}"),
                ),
                (ctx.menu_row(),),
            )
        ctx.finish()

    @staticmethod
    def _marked(
        key: Key, what: WhatHappened, licenses: list[str], branch: LossBranch
    ) -> KeyLossDetails:
        """What a request about a key just marked records, whatever its branch."""
        return KeyLossDetails(
            topic=TOPIC,
            branch=branch.value,
            what=what,
            serial=key.serial,
            key_kind=key.kind,
            licenses=tuple(licenses),
            amount_in_lines=True,
        )

    async def _file_marked(
        self,
        ctx: Context,
        key: Key,
        details: KeyLossDetails,
        *,
        amount: Decimal,
        status: RequestStatus,
    ) -> int:
        """File the request about a key just marked; the chat goes on completing it."""
        request_id = await file_request(
            ctx,
            RequestKind.KEY_LOSS,
            card=key_loss_card(details),
            key_id=key.id,
            amount=amount,
            details=details.to_stored(),
            status=status,
        )
        self._working_on(ctx, request_id, serial=key.serial, what=details.what, kind=key.kind)
        return request_id

    # -- A: covered by the protection service ------------------------------------------

    async def _file_protected(
        self, ctx: Context, key: Key, what: WhatHappened, licenses: list[str]
    ) -> None:
        prices = protected_replacement(ctx.policy)
        details = replace(
            self._marked(key, what, licenses, LossBranch.PROTECTED),
            programmed_until=key.programmed_until,
            key_price=prices.key_price,
            delivery_price=prices.delivery_price,
            total=prices.total,
            awaiting=AWAITING_DELIVERY,
        )
        request_id = await self._file_marked(
            ctx, key, details, amount=prices.total, status=RequestStatus.WAITING_CUSTOMER
        )
        t = ctx.t
        until = (
            t("key_loss.until_date", date=t.date(key.programmed_until))
            if key.programmed_until
            else t("key_loss.until_unknown")
        )
        ctx.say(
            t(
                "key_loss.protected_marked",
                serial=key.serial,
                what=t(f"key_loss.what_{what.value}"),
                until=until,
                licenses=", ".join(licenses) or "—",
                key_price=t.money(prices.key_price),
                delivery=t.money(prices.delivery_price),
                total=t.money(prices.total),
                number=request_id,
            )
        )
        await ctx.go(self.address)

    async def ask_address(self, ctx: Context) -> None:
        ctx.say(ctx.t("key_loss.ask_address"), (ctx.menu_row(),))

    async def on_address(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        address = free_text(msg, payload, _ADDRESS_LENGTH)
        if address is None:
            return False
        ctx.keep(replace(ctx.read(KeyLossData), address=address))
        await ctx.go(self.recipient)
        return True

    async def ask_recipient(self, ctx: Context) -> None:
        ctx.say(ctx.t("key_loss.ask_recipient"), (ctx.menu_row(),))

    async def on_recipient(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        recipient = free_text(msg, payload, _RECIPIENT_LENGTH)
        if recipient is None:
            return False
        address = ctx.read(KeyLossData).address
        if not address:
            await ctx.go(self.address)
            return True
        request = await self.my_open_request(ctx)
        if request is None:
            self.closed(ctx)
            return True
        details = replace(
            self.details_of(request.details), address=address, recipient=recipient, awaiting=None
        )
        await hand_over(
            ctx, request, details, key_loss_card(details), waiting=RequestStatus.WAITING_CUSTOMER
        )
        ctx.say(ctx.t("key_loss.delivery_filed", number=request.id), (ctx.menu_row(),))
        ctx.finish()
        return True

    # -- B: documents ------------------------------------------------------------------

    async def _file_documents(
        self, ctx: Context, key: Key, what: WhatHappened, licenses: list[str]
    ) -> None:
        price = new_key_price(key.kind.value, ctx.policy)
        details = replace(
            self._marked(key, what, licenses, LossBranch.DOCUMENTS),
            key_price=price,
            awaiting=AWAITING_DOCUMENTS,
        )
        request_id = await self._file_marked(
            ctx, key, details, amount=price, status=RequestStatus.WAITING_DOCUMENTS
        )
        t = ctx.t
        ctx.say(
            t(
                "key_loss.documents_marked",
                serial=key.serial,
                what=t(f"key_loss.what_{what.value}"),
                kind=t(f"key_loss.kind_{key.kind.value}"),
                price=t.money(price),
                licenses=", ".join(licenses) or "—",
                letter=self._letter_item(ctx),
                act=self._act_item(ctx),
                number=request_id,
            )
        )
        await ctx.go(self.letter)

    @staticmethod
    def _reported(ctx: Context) -> str:
        """What the report said happened, for the documents' wording: a theft's letter and
        act name a theft, never a loss."""
        what = ctx.read(KeyLossData).what
        return what.value if what in _REPORTS else WhatHappened.LOST.value

    def _letter_item(self, ctx: Context) -> str:
        what = self._reported(ctx)
        key = (
            "key_loss.letter_item" if what == WhatHappened.LOST else f"key_loss.letter_item_{what}"
        )
        return ctx.t(key, serial=ctx.read(KeyLossData).serial)

    def _act_item(self, ctx: Context) -> str:
        return ctx.t(f"key_loss.act_item_{self._reported(ctx)}")

    async def ask_letter(self, ctx: Context) -> None:
        ctx.say(
            ctx.t(
                "key_loss.ask_letter",
                letter=self._letter_item(ctx),
                **upload_limits(ctx, FileKind.DOCUMENT),
            ),
            self.later_row(ctx),
        )

    async def on_letter(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._document(ctx, msg, payload, "letter", self.letter)

    async def ask_act(self, ctx: Context) -> None:
        ctx.say(
            ctx.t(
                "key_loss.ask_act",
                act=self._act_item(ctx),
                **upload_limits(ctx, FileKind.DOCUMENT),
            ),
            self.later_row(ctx),
        )

    async def on_act(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return await self._document(ctx, msg, payload, "write_off_act", self.act)

    async def _document(
        self, ctx: Context, msg: Incoming, payload: Payload | None, role: str, step: Step
    ) -> bool:
        if payload is not None:
            return self.later(ctx, payload)
        if not msg.attachments:
            return False  # text instead of a file: the step's hint and the question again
        request = await self.accept_file(ctx, msg, role=role, kind=FileKind.DOCUMENT, step=step)
        if request is not None:
            await self._next_document(ctx, request.id)
        return True

    async def _next_document(self, ctx: Context, request_id: int) -> None:
        """Ask the first scan still missing; with both in, pass the request to managers."""
        step = self.next_document_step(await roles_in(ctx, request_id))
        if step is not None:
            await ctx.go(step)
            return
        request = await self.my_open_request(ctx)
        if request is None:
            self.closed(ctx)
            return
        details = replace(self.details_of(request.details), awaiting=None)
        await hand_over(
            ctx, request, details, key_loss_card(details), waiting=RequestStatus.WAITING_DOCUMENTS
        )
        ctx.say(ctx.t("key_loss.documents_filed", number=request.id), (ctx.menu_row(),))
        ctx.finish()

    # -- found ---------------------------------------------------------------------------

    def _refuse_for_status(self, ctx: Context, text_key: str, key: Key) -> None:
        """The key's status does not allow the report (already lost, never reported lost)."""
        ctx.say(
            ctx.t(
                text_key,
                serial=key.serial,
                status=ctx.t(f"key_loss.status_{key.status.value}"),
            ),
            (ctx.menu_row(),),
        )
        ctx.finish()

    async def _found(self, ctx: Context, key: Key) -> None:
        """ "Found": by how far the replacement got (:mod:`.found`), recorded at once
        (replaced, or nothing known), or asked first (back in service, which withdraws an
        open replacement request)."""
        if key.status.value not in REPORTED_LOST:
            self._refuse_for_status(ctx, "key_loss.not_reported_lost", key)
            return
        replacement = await latest_replacement(ctx, key)
        if can_go_back_in_service(replacement.stage) and replacement.request is not None:
            ctx.keep(
                KeyLossData(
                    key_id=key.id, what=WhatHappened.FOUND, replacement=replacement.request.id
                )
            )
            await ctx.go(self.withdraw)
            return
        number = await file_found(ctx, key, replacement)
        ctx.say(found_answer(ctx, key, replacement, number), (ctx.menu_row(),))
        ctx.finish()

    # -- found before the replacement: back in service on "Yes" ---------------------------

    async def ask_withdraw(self, ctx: Context) -> None:
        data = ctx.read(KeyLossData)
        key = await self._own_key(ctx)
        request = await requests.get(ctx.unit, data.replacement) if data.replacement else None
        if key is None or request is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        ctx.say(
            await withdraw_question(ctx, key, request),
            _yes_or_keep(ctx, "key_loss.withdraw", "key_loss.withdraw", key.id, request.id),
        )

    async def on_withdraw(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None:
            return False
        data = ctx.read(KeyLossData)
        if payload.action == "key_loss.keep" and not payload.args:
            await self._unchanged(ctx)
            return True
        if payload.action != "key_loss.withdraw":
            return False
        if payload.args != (str(data.key_id), str(data.replacement)):
            # "Yes" of another question (another key or request): ask this one again.
            ctx.say(ctx.t("common.stale_button"))
            await ctx.go(self.withdraw)
            return True
        await ctx.unit.begin()  # the key and the request read below decide the writes
        key = await self._own_key(ctx)
        if key is None:
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return True
        replacement = await latest_replacement(ctx, key)
        request = replacement.request
        if (
            key.status.value not in REPORTED_LOST
            or request is None
            or request.id != data.replacement
            or not can_go_back_in_service(replacement.stage)
        ):
            # Changed meanwhile (replaced, reported again, already back): answer as it is now.
            await self._found(ctx, key)
            return True
        ctx.say(await back_in_service(ctx, key, replacement), (ctx.menu_row(),))
        ctx.finish()
        return True

    # -- an unlinked person ------------------------------------------------------------

    async def _file_unverified(self, ctx: Context, what: WhatHappened) -> None:
        serial = ctx.read(KeyLossData).serial
        if not _SERIAL.match(serial):
            ctx.say(ctx.t("common.stale_button"), (ctx.menu_row(),))
            ctx.finish()
            return
        details = KeyLossDetails(topic=TOPIC, branch=BRANCH_UNVERIFIED, what=what, serial=serial)
        known = await key_by_serial(ctx.unit, serial)
        if known is not None:
            owner = await customers.get(ctx.unit, known.customer_id)
            if owner is not None:
                company = f" ({owner.company})" if owner.company else ""
                details = replace(
                    details,
                    known_owner=f"{owner.name}{company}",
                    known_kind=known.kind,
                    known_status=known.status,
                )
        request_id = await file_request(
            ctx, RequestKind.KEY_LOSS, card=key_loss_card(details), details=details.to_stored()
        )
        ctx.say(ctx.t("key_loss.unverified_filed", number=request_id), (ctx.menu_row(),))
        ctx.finish()


def _yes_or_keep(ctx: Context, labels: str, action: str, *args: str | int) -> Keyboard:
    """A question's "Yes" (``<labels>_yes``, pressing ``action``) and "No" (``<labels>_no``:
    ``key_loss.keep``, nothing changes), with the menu."""
    return (
        (ctx.button(f"{labels}_yes", action, *args), ctx.button(f"{labels}_no", "key_loss.keep")),
        ctx.menu_row(),
    )

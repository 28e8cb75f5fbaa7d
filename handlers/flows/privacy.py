"""What the bot stores about a person, and erasing it: ``/mydata`` and ``/forget`` (152-FZ).

``/mydata`` lists the account (messenger, language, name), the linked customer's details,
the consent (when, which text version), the person's requests and how many files they
sent, and a manager's block with its date and reason (docs/rules.md#blocking).

``/forget`` asks for confirmation with a button, then in one unit of work:

* withdraws consent, unlinks the account from the customer and blanks its display name;
* anonymises the person's requests: every personal field of ``details`` (name, company,
  phone, e-mail, address, recipient, comment, description…, also inside the card lines)
  becomes :data:`ERASED`, free-text notes of their history are blanked; number, kind,
  status, amounts and dates stay (the vendor's business records);
* cancels an open link request (nobody should link the account after this);
* forgets the files: original names and messenger handles blanked; the stored files are
  deleted once the erasure has committed;
* blanks the text of delivered outbox copies about those requests or sent to the person;
* blanks what the person wrote while a manager had blocked them;
* logs the erasure in ``privacy_log`` (what, when; no personal data).

The vendor's customer master record (loaded from accounting: name, company, phone of the
customer, licenses, keys) is **not** deleted by a messenger user: it is the vendor's
contract record and may be shared by several people; the confirmation says so and points
to a manager. A second ``/forget`` finds nothing left and says so.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handlers.engine.flow import Context, Flow, Job, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload
from handlers.flows.linking import local_moment
from storage import accounts, announcements, blocks, customers, privacy, requests
from storage.db import Database
from storage.models import OPEN_STATUSES, Request, RequestKind, RequestStatus
from storage.requests import StatusChangeRefused

#: What replaces an erased value.
ERASED = "***"
#: A details field (or card value) whose name contains one of these holds personal data.
PERSONAL_MARKERS = (
    "name",
    "company",
    "phone",
    "mail",
    "address",
    "recipient",
    "comment",
    "description",
    "problem",
    "contact",
    "who",
    "note",
    "text",
    "message",
    "reason",
    "passport",
)
#: Where the channels store received files (the default of the FILES_DIR setting).
DEFAULT_FILES_DIR = Path("data/files")
#: How many requests /mydata lists one by one.
MAX_LISTED_REQUESTS = 20
_ERASED_MARK = "erased_at"


def is_personal(field: str) -> bool:
    name = field.lower()
    return any(marker in name for marker in PERSONAL_MARKERS)


#: Card values typed for the reader's locale (``handlers.desk.cards``): kept as they are (a
#: ``person`` is the manager who acted, not the customer).
_TYPED_VALUES = frozenset(
    {"money", "date", "moment", "text", "percent", "messengers", "person", "messenger"}
)


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        if value and set(value) <= _TYPED_VALUES:
            return value
        return {k: ERASED if is_personal(str(k)) else _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    return value


def anonymised(details: dict[str, Any], erased_at: str) -> dict[str, Any]:
    """``details`` with every personal field erased, at any depth: card lines are
    ``[key, {placeholder: value}]`` pairs, so a personal placeholder's value goes too."""
    result: dict[str, Any] = _scrub(details)
    result[_ERASED_MARK] = erased_at
    return result


@dataclass(frozen=True, slots=True)
class Inventory:
    """Personal data still held about one account."""

    consent: bool
    linked: bool
    display_name: bool
    requests: list[Request]
    """Every request of the account, newest first."""
    files: int
    """Files on the account's requests still holding a name, a handle or a stored copy."""

    @property
    def to_anonymise(self) -> list[Request]:
        return [r for r in self.requests if _ERASED_MARK not in r.details]

    @property
    def empty(self) -> bool:
        return not (
            self.consent or self.linked or self.display_name or self.to_anonymise or self.files
        )


async def inventory(ctx: Context) -> Inventory:
    account = ctx.account
    all_requests = await requests.of_account(ctx.unit, account.id, limit=1_000_000)
    _, personal_files = await privacy.attachment_counts(ctx.unit, account.id)
    return Inventory(
        consent=account.consent_at is not None or account.consent_version is not None,
        linked=account.customer_id is not None,
        display_name=bool(account.display_name),
        requests=all_requests,
        files=personal_files,
    )


class PrivacyFlow(Flow):
    name = "privacy"
    for_managers = None
    commands = ("/mydata", "/forget")

    confirm = Step()

    def __init__(self, files_dir: Path | None = None) -> None:
        #: Where stored files live (FILES_DIR); files recorded outside it are never deleted.
        self.files_dir = files_dir or DEFAULT_FILES_DIR

    async def on_command(self, ctx: Context, name: str, argument: str) -> None:
        if name == "/forget":
            await ctx.start_flow(self)
            return
        await self._show(ctx)
        # /mydata does not interrupt a conversation: show the data, then its question.
        if ctx.flow is not None and ctx.step is not None:
            await ctx.flow.ask(ctx, ctx.step)

    # -- /mydata -------------------------------------------------------------------------

    async def _show(self, ctx: Context) -> None:
        t, account = ctx.t, ctx.account
        held = await inventory(ctx)
        total_files, _ = await privacy.attachment_counts(ctx.unit, account.id)
        lines = [
            t("privacy.mydata_title"),
            t(
                "privacy.account",
                platform=t(f"privacy.platform_{account.platform.value}"),
                user=account.user_id,
                language=t.language_name(account.language),
                name=account.display_name or "—",
            ),
        ]
        customer = (
            await customers.get(ctx.unit, account.customer_id)
            if account.customer_id is not None
            else None
        )
        if customer is not None:
            method_key = f"privacy.method_{account.linked_by}"
            lines.append(
                t(
                    "privacy.linked",
                    name=customer.name or "—",
                    company=customer.company or "—",
                    phone=customer.phone or "—",
                    email=customer.email or "—",
                    method=t(method_key) if t.has(method_key) else (account.linked_by or "—"),
                )
            )
        else:
            lines.append(t("privacy.not_linked"))
        if account.consent_at is not None:
            lines.append(
                t(
                    "privacy.consent_given",
                    when=local_moment(ctx, account.consent_at),
                    version=account.consent_version or "—",
                )
            )
        else:
            lines.append(t("privacy.consent_none"))
        if held.requests:
            lines.append(t("privacy.requests", count=len(held.requests)))
            for request in held.requests[:MAX_LISTED_REQUESTS]:
                lines.append(
                    t(
                        "privacy.request_line",
                        number=request.id,
                        kind=t(f"desk.kind_{request.kind.value}"),
                        status=t(f"desk.status_{request.status.value}"),
                    )
                )
            if len(held.requests) > MAX_LISTED_REQUESTS:
                lines.append(
                    t("privacy.requests_more", count=len(held.requests) - MAX_LISTED_REQUESTS)
                )
        else:
            lines.append(t("privacy.no_requests"))
        lines.append(t("privacy.files", count=total_files))
        block = await blocks.active(ctx.unit, account.id) if account.blocked_at else None
        if block is not None:  # docs/rules.md#blocking
            when = local_moment(ctx, block.blocked_at)
            lines.append(t("blocking.mydata_line", when=when, reason=block.reason))
        erasures = await privacy.erasures(ctx.unit, account.id)
        if erasures:
            lines.append(t("privacy.erased_before", when=local_moment(ctx, erasures[-1][0])))
        off = await announcements.opted_out(ctx.unit, account.id)
        lines.append(t("privacy.announcements_off" if off else "privacy.announcements_on"))
        lines.append(t("privacy.how_to_forget"))
        ctx.say("\n".join(lines), () if ctx.flow is not None else (ctx.menu_row(),))

    # -- /forget -------------------------------------------------------------------------

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if (await inventory(ctx)).empty:
            ctx.finish()
            ctx.say(ctx.t("privacy.nothing_left"), (ctx.menu_row(),))
            return
        await ctx.go(self.confirm)

    async def ask_confirm(self, ctx: Context) -> None:
        ctx.say(
            ctx.t("privacy.forget_confirm"),
            (
                (ctx.button("privacy.forget_yes", "privacy.yes"),),
                (ctx.button("privacy.forget_no", "privacy.no"),),
            ),
        )

    async def on_confirm(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if payload is None or payload.action not in ("privacy.yes", "privacy.no"):
            return False
        ctx.finish()
        if payload.action == "privacy.no":
            ctx.say(ctx.t("privacy.forget_kept"), (ctx.menu_row(),))
            return True
        await ctx.unit.begin()  # what is held decides what is written
        held = await inventory(ctx)
        if held.empty:
            ctx.say(ctx.t("privacy.nothing_left"), (ctx.menu_row(),))
            return True
        erased = await self._erase(ctx, held)
        ctx.say(
            ctx.t(
                "privacy.forgotten",
                requests=erased["requests_anonymised"],
                files=erased["files"],
            ),
            (ctx.menu_row(),),
        )
        return True

    async def _erase(self, ctx: Context, held: Inventory) -> dict[str, Any]:
        account = ctx.account
        at = ctx.now.isoformat()
        cancelled = []
        for request in held.requests:
            if request.kind is RequestKind.LINK and request.status in OPEN_STATUSES:
                try:
                    await requests.set_status(
                        ctx.unit,
                        request.id,
                        RequestStatus.CANCELLED,
                        actor="customer",
                        now=ctx.now,
                    )
                    cancelled.append(request.id)
                except StatusChangeRefused:
                    continue
        to_anonymise = held.to_anonymise
        await privacy.replace_request_details(
            ctx.unit, [(r.id, anonymised(r.details, at)) for r in to_anonymise], ctx.now
        )
        stored_paths = await privacy.erase_attachments(ctx.unit, account.id)
        messages = await privacy.blank_delivered_messages(
            ctx.unit, [r.id for r in held.requests], account.platform.value, account.user_id
        )
        received = await privacy.erase_received_messages(
            ctx.unit, account.platform.value, account.user_id
        )
        blocked_messages = await blocks.erase_messages(ctx.unit, account.id)
        await accounts.erase_personal_data(ctx.unit, account.id)
        erased: dict[str, Any] = {
            "blocked_messages": blocked_messages,
            "received_messages": received,
            "consent_version": account.consent_version,
            "unlinked_customer": account.customer_id,
            "display_name": bool(account.display_name),
            "requests_anonymised": len(to_anonymise),
            "link_requests_cancelled": cancelled,
            "files": held.files,
            "stored_files": len(stored_paths),
            "outbox_texts": messages,
        }
        await privacy.log_erasure(ctx.unit, account.id, erased, ctx.now)
        ctx.account = replace(
            account,
            customer_id=None,
            linked_by=None,
            consent_at=None,
            consent_version=None,
            display_name="",
        )
        if stored_paths:
            ctx.after_commit(self._deleter(stored_paths))
        return erased

    def _deleter(self, stored_paths: list[str]) -> Job:
        """The files go only once the erasure is committed (a failed step keeps both)."""
        files_dir = self.files_dir

        async def delete(db: Database) -> None:
            await asyncio.to_thread(privacy.delete_files, files_dir, stored_paths)

        return delete

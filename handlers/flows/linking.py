"""Linking a messenger account to a customer (docs/rules.md#linking-an-account): the
person's side.

Strongest first:

1. **A shared contact** (Telegram's "share my phone" button, or ``/contact`` in the
   console): only the sender's own contact counts (``contact.user_id`` equals the sender);
   its phone matching a customer's phone links at once. A contact arriving while the chat
   is idle is taken too (:meth:`LinkingFlow.on_idle`). A messenger that cannot share a
   contact (``Incoming.can_share_contact`` False: VK, which has no verified phone) gets a
   text that says so and offers the other ways.
2. **License number + key serial**, both right, the license on that key and both of the
   same customer. Wrong guesses are rate-limited (``policy.linking``) and logged in
   ``link_attempts`` (the guessed serial only masked); over the limit nothing is checked
   and the answer says when to try again. Every kind of mismatch gets the same answer, so
   a guess tells nothing about which half was wrong. Only these guesses count towards the
   limit: a shared contact is vouched for by the messenger and cannot be guessed.
3. **A link request** to managers (:class:`~handlers.flows.link_request.LinkRequestFlow`),
   approved or rejected on its card (``handlers.desk.linking_desk``).

A manager's invitation (``/start inv_…`` from a deep link, see ``handlers.desk.invite``)
links too, once.

Consent (152-FZ): matching a shared phone stores nothing personal. The phone is compared
with the customers loaded from accounting and dropped: neither the conversation state nor
the attempt log keeps it, and the link points at the vendor's own customer record. So ways
1 and 2 ask no consent. A link request stores what the person types (name, company,
phone), so :class:`~handlers.flows.link_request.LinkRequestFlow` asks for consent before
its first question.

One customer may be linked from several accounts (Telegram and VK): each account points at
the same customer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from handlers.engine.flow import Context, Flow, Step
from handlers.engine.messages import Contact, Incoming, Keyboard
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from storage import accounts, customers, invitations, link_attempts
from storage.models import Customer
from storage.phones import normalize_phone

#: Invitation tokens start with this, so ``/start`` arguments of other flows are left alone.
INVITATION_PREFIX = "inv_"
#: The longest license number or key serial taken as typed (anything longer is a mistake).
MAX_NUMBER_LENGTH = 40
MAX_TEXT_LENGTH = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkingData(Stored):
    """The license number typed, while the bot waits for the key serial."""

    license: str = ""


class ContactOutcome(Enum):
    LINKED = "linked"
    REFUSED = "refused"  # someone else's contact, or one whose owner is unknown (VK)
    NO_MATCH = "no_match"
    ALREADY = "already"


def customer_label(customer: Customer) -> str:
    """How a person and a manager see a customer: "Иван Петров (ООО «Мебель-Про»)"."""
    return f"{customer.name} ({customer.company})" if customer.company else customer.name


def local_moment(ctx: Context, moment: datetime) -> str:
    local = moment.astimezone(ctx.policy.tz)
    return ctx.t.moment(local)


async def link_account(ctx: Context, customer: Customer, method: str, detail: str = "") -> None:
    """Link the person in ``ctx`` to ``customer`` and log the successful attempt."""
    await accounts.link_customer(ctx.unit, ctx.account.id, customer.id, method=method)
    ctx.account = replace(ctx.account, customer_id=customer.id, linked_by=method)
    await link_attempts.record(
        ctx.unit,
        ctx.incoming.platform,
        ctx.incoming.user_id,
        method,
        True,
        ctx.now,
        detail or f"customer {customer.id}",
    )


async def say_already_linked(ctx: Context) -> None:
    assert ctx.customer_id is not None
    customer = await customers.get(ctx.unit, ctx.customer_id)
    ctx.say(
        ctx.t("linking.already_linked", customer=customer_label(customer) if customer else "—"),
        (ctx.menu_row(),),
    )


def say_linked(ctx: Context, customer: Customer) -> None:
    ctx.say(ctx.t("linking.linked", customer=customer_label(customer)), (ctx.menu_row(),))


async def take_contact(ctx: Context, contact: Contact) -> ContactOutcome:
    """Link by a shared contact. Says the outcome except for NO_MATCH (callers differ).

    Someone else's contact (or one whose owner the messenger does not tell) is refused and
    nothing is stored, not even in the attempt log: it is a third person's phone.
    """
    if contact.user_id is None or str(contact.user_id) != ctx.incoming.user_id:
        key = "linking.contact_unverified" if contact.user_id is None else "linking.contact_foreign"
        ctx.say(ctx.t(key))
        return ContactOutcome.REFUSED
    if ctx.customer_id is not None:
        await say_already_linked(ctx)
        return ContactOutcome.ALREADY
    customer = (
        await customers.find_by_phone(ctx.unit, contact.phone)
        if normalize_phone(contact.phone)
        else None
    )
    if customer is None:
        await link_attempts.record(
            ctx.unit,
            ctx.incoming.platform,
            ctx.incoming.user_id,
            "phone",
            False,
            ctx.now,
            "no customer with this phone",
        )
        return ContactOutcome.NO_MATCH
    await link_account(ctx, customer, "phone")
    say_linked(ctx, customer)
    return ContactOutcome.LINKED


def other_ways(ctx: Context) -> Keyboard:
    """License + key (a button of the linking flow), a request to managers, the menu."""
    return (
        (ctx.button("linking.by_license", "linking.license"),),
        (ctx.button("linking.by_request", "go", "link_request"),),
        ctx.menu_row(),
    )


def _mask(serial: str) -> str:
    """What the attempt log keeps of a guessed serial: its length and last two characters."""
    return "*" * max(len(serial) - 2, 0) + serial[-2:]


def _typed_number(msg: Incoming, payload: Payload | None) -> str | None:
    """A license number or key serial as typed (a button or an over-long text is not one)."""
    number = msg.text.strip()
    if payload is not None or not 0 < len(number) <= MAX_NUMBER_LENGTH:
        return None
    return number


class LinkingFlow(Flow):
    """The "Link my account" conversation: phone, license + key, or a request; also
    contacts shared while idle and invitation links."""

    name = "linking"
    menu_label = "linking.menu"
    for_managers = False

    choose = Step()
    license = Step()
    serial = Step()

    async def in_menu(self, ctx: Context) -> bool:
        return ctx.customer_id is None  # a linked customer has nothing to link

    async def begin(self, ctx: Context, payload: Payload) -> None:
        if ctx.customer_id is not None:
            ctx.finish()
            await say_already_linked(ctx)
            return
        await ctx.go(self.choose)

    # -- 1. the phone --------------------------------------------------------------------

    async def ask_choose(self, ctx: Context) -> None:
        if ctx.incoming.can_share_contact:
            ctx.say(ctx.t("linking.choose"), other_ways(ctx), request_contact=True)
        else:
            ctx.say(ctx.t("linking.choose_vk"), other_ways(ctx))

    async def on_choose(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if msg.contact is not None:
            await self._contact_in_flow(ctx, msg.contact)
            return True
        if payload is not None and payload.action == "linking.license":
            if await self._refuse_if_blocked(ctx):
                return True
            await ctx.go(self.license)
            return True
        return False

    async def _contact_in_flow(self, ctx: Context, contact: Contact) -> None:
        outcome = await take_contact(ctx, contact)
        if outcome is ContactOutcome.NO_MATCH:
            ctx.resume_at(self.choose)
            ctx.say(ctx.t("linking.phone_unknown"), other_ways(ctx))
        elif outcome is ContactOutcome.REFUSED:
            await ctx.go(self.choose)
        else:
            ctx.finish()

    async def on_idle(self, ctx: Context, message: Incoming) -> bool:
        """A contact shared outside any conversation (the share button pressed later)."""
        if message.contact is None:
            return False
        outcome = await take_contact(ctx, message.contact)
        if outcome in (ContactOutcome.NO_MATCH, ContactOutcome.REFUSED):
            # Continue as "Link my account", so the offered buttons work.
            ctx.flow_name, ctx.flow = self.name, self
            ctx.keep(LinkingData())
            ctx.resume_at(self.choose)
            if outcome is ContactOutcome.NO_MATCH:
                ctx.say(ctx.t("linking.phone_unknown"), other_ways(ctx))
            else:
                await self.ask_choose(ctx)
        return True

    # -- 2. license number + key serial ------------------------------------------------

    async def ask_license(self, ctx: Context) -> None:
        ctx.say(ctx.t("linking.ask_license"), (ctx.menu_row(),))

    async def on_license(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if msg.contact is not None:
            await self._contact_in_flow(ctx, msg.contact)
            return True
        number = _typed_number(msg, payload)
        if number is None:
            return False
        ctx.keep(replace(ctx.read(LinkingData), license=number))
        await ctx.go(self.serial)
        return True

    async def ask_serial(self, ctx: Context) -> None:
        ctx.say(ctx.t("linking.ask_serial"), (ctx.menu_row(),))

    async def on_serial(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        if msg.contact is not None:
            await self._contact_in_flow(ctx, msg.contact)
            return True
        serial = _typed_number(msg, payload)
        number = ctx.read(LinkingData).license
        if serial is None:
            return False
        if not number:
            await ctx.go(self.license)
            return True
        await ctx.unit.begin()  # the count of failures decides whether we check and write
        if await self._refuse_if_blocked(ctx):
            return True
        customer = await customers.owner_of_license_and_key(ctx.unit, number, serial)
        if customer is not None:
            await link_account(ctx, customer, "license", f"license {number}")
            ctx.finish()
            say_linked(ctx, customer)
            return True
        await link_attempts.record(
            ctx.unit,
            ctx.incoming.platform,
            ctx.incoming.user_id,
            "license",
            False,
            ctx.now,
            f"license {number[:MAX_NUMBER_LENGTH]}, serial {_mask(serial)}",
        )
        if await self._refuse_if_blocked(ctx):
            return True
        left = ctx.policy.linking.max_attempts - len(await self._failures(ctx))
        ctx.say(ctx.t("linking.no_match", left=left))
        ctx.keep(LinkingData())
        await ctx.go(self.license)
        return True

    async def _failures(self, ctx: Context) -> list[datetime]:
        window = timedelta(minutes=ctx.policy.linking.attempts_window_minutes)
        return await link_attempts.failure_times_since(
            ctx.unit,
            ctx.incoming.platform,
            ctx.incoming.user_id,
            ctx.now - window,
            method="license",
        )

    async def _refuse_if_blocked(self, ctx: Context) -> bool:
        """Over the limit of wrong guesses: say until when, end the flow, check nothing."""
        failures = await self._failures(ctx)
        limit = ctx.policy.linking.max_attempts
        if len(failures) < limit:
            return False
        window = timedelta(minutes=ctx.policy.linking.attempts_window_minutes)
        # Allowed again once enough failures have left the window.
        until = failures[len(failures) - limit] + window
        ctx.finish()
        ctx.say(
            ctx.t("linking.blocked", limit=limit, until=local_moment(ctx, until)),
            (
                (ctx.button("linking.by_request", "go", "link_request"),),
                ctx.menu_row(),
            ),
        )
        return True

    # -- a manager's invitation ----------------------------------------------------------

    async def on_start_argument(self, ctx: Context, argument: str) -> bool:
        if not argument.startswith(INVITATION_PREFIX):
            return False
        ctx.finish()
        await ctx.unit.begin()  # read the invitation, then use it: one transaction
        invitation = await invitations.find(ctx.unit, argument)
        if invitation is None:
            problem, text = "unknown token", ctx.t("linking.invitation_unknown")
        elif invitation.used_at is not None:
            problem, text = "used", ctx.t("linking.invitation_used")
        elif invitation.expires_at <= ctx.now:
            when = local_moment(ctx, invitation.expires_at)
            problem, text = "expired", ctx.t("linking.invitation_expired", when=when)
        else:
            problem, text = "", ""
        if invitation is None or problem:
            number = f"invitation {invitation.id} " if invitation else ""
            await link_attempts.record(
                ctx.unit,
                ctx.incoming.platform,
                ctx.incoming.user_id,
                "invitation",
                False,
                ctx.now,
                number + problem,
            )
            ctx.say(text, (ctx.menu_row(),))
            return True
        customer = await customers.get(ctx.unit, invitation.customer_id)
        if customer is None or not customer.name:  # erased since the invitation was made
            ctx.say(ctx.t("linking.invitation_unknown"), (ctx.menu_row(),))
            return True
        if ctx.customer_id == customer.id:
            await say_already_linked(ctx)  # the invitation stays unused
            return True
        if ctx.customer_id is not None:
            ctx.say(ctx.t("linking.invitation_other_customer"), (ctx.menu_row(),))
            return True
        if not await invitations.use(
            ctx.unit, invitation.id, account_id=ctx.account.id, now=ctx.now
        ):
            ctx.say(ctx.t("linking.invitation_used"), (ctx.menu_row(),))
            return True
        await link_account(ctx, customer, "invitation", f"invitation {invitation.id}")
        say_linked(ctx, customer)
        return True

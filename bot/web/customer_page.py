"""The Customers search (``/customers``) and a customer's page (``/customers/{id}``).

The page is :func:`handlers.desk_views.customer_overview.customer_overview` worded in the
manager's language: contacts, linked messenger accounts, licenses with their support
state and today's renewal quote, keys with the protection service's state and what the
monthly runs did, requests (each a link to its page), sessions, consents, the reminders
sent, and the people blocked. The id in the address is checked: anything but a known
customer's number is the desk's own "not found" page. The search finds a customer who has
no request yet (by name, company, phone, e-mail, license number, key serial or customer
number, as ``/find`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

import aiohttp_jinja2
from aiohttp import web

from bot.web.app import (
    PageProblem,
    desk_of,
    manager_of,
    page_context,
    page_count,
    page_number,
)
from handlers.desk.cards import person_label
from handlers.desk.customer_lookup import find_customers
from handlers.desk_views.customer_overview import (
    BlockedPerson,
    CustomerOverview,
    KeyLine,
    LicenseLine,
    customer_overview,
)
from handlers.i18n import Texts, texts
from handlers.rules.dates import local_today
from handlers.rules.key_protection import ProtectionState
from handlers.rules.key_renewal import RunOutcome
from handlers.rules.reminders import parse_reminder_kind
from handlers.rules.renewal import SupportStanding
from storage import customers
from storage.bookings import Booking
from storage.db import Unit
from storage.models import Customer, Platform
from storage.renewal_batches import KeyRunRecord

#: Customers the search lists (a broader search is refined by typing more).
SEARCH_SHOWN = 50
SEARCH_MAX = 100
_ID_DIGITS = 12


def customer_id(text: str) -> int | None:
    """The customer number in an address; None for anything else (``abc``, ``-1``, ``²``)."""
    if not text.isascii() or not text.isdigit() or len(text) > _ID_DIGITS:
        return None
    return int(text)


def customer_label(t: Texts, customer: Customer) -> str:
    """A customer as a link names them, "Иван Петров (ООО «Мебель-Про»)"; an erased
    customer's name is a placeholder."""
    name = customer.name or t("web_customer.no_name")
    return f"{name} ({customer.company})" if customer.company else name


@dataclass(frozen=True, slots=True)
class AccountLine:
    platform: str
    name: str
    linked_by: str
    language: str
    since: str
    reminders: str
    blocked: str


@dataclass(frozen=True, slots=True)
class LicenseRow:
    number: str
    product: str
    workplaces: int
    keys: str
    support_end: str
    state: str
    lapsed: bool
    quote: str


@dataclass(frozen=True, slots=True)
class KeyRow:
    serial: str
    kind: str
    status: str
    licenses: str
    protection: str
    runs: list[str]


@dataclass(frozen=True, slots=True)
class RequestRow:
    number: int
    kind: str
    status: str
    filed: str


@dataclass(frozen=True, slots=True)
class BookingRow:
    starts: str
    kind: str
    hours: int
    status: str
    amount: str


@dataclass(frozen=True, slots=True)
class ReminderRow:
    license: str
    kind: str
    due: str
    support_end: str


def _moment(t: Texts, moment: datetime, tz: tzinfo) -> str:
    return t.moment(moment.astimezone(tz))


def _platform(t: Texts, platform: Platform) -> str:
    return t(f"web_customer.platform_{platform.value}")


def _linked_by(t: Texts, method: str | None) -> str:
    key = f"web_customer.linked_{method}"
    return t(key) if method and t.has(key) else t("web_customer.linked_other")


def _license_row(t: Texts, line: LicenseLine) -> LicenseRow:
    view, quote, support = line.license, line.quote, line.support
    state = (
        t("web_customer.support_active")
        if support.standing is SupportStanding.ACTIVE
        else t(f"web_customer.support_{support.standing.value}", days=support.days)
    )
    if quote.preferential:
        worded = t(
            "web_customer.quote_preferential",
            amount=t.money(quote.amount),
            rate=t.percent(quote.rate),
            until=t.date(quote.preferential_until),
            new_end=t.date(quote.new_support_end),
        )
    else:
        worded = t(
            "web_customer.quote_standard",
            amount=t.money(quote.amount),
            rate=t.percent(quote.rate),
            new_end=t.date(quote.new_support_end),
        )
    return LicenseRow(
        number=view.number,
        product=view.product_name,
        workplaces=view.workplaces,
        keys=", ".join(view.key_serials) or "—",
        support_end=t.date(view.support_end),
        state=state,
        lapsed=support.standing is SupportStanding.LAPSED,
        quote=worded,
    )


def _protection(t: Texts, line: KeyLine) -> str:
    protection = line.protection
    if protection.state is ProtectionState.CONNECTED:
        end = protection.support_end
        return t("web_customer.protection_connected", end=t.date(end) if end else "—")
    if protection.state is ProtectionState.SUPPORT_ENDED:
        deadline = protection.deadline
        return t(
            "web_customer.protection_support_ended",
            deadline=t.date(deadline) if deadline else "—",
        )
    return t(f"web_customer.protection_{protection.state.value}")


def _run(t: Texts, run: KeyRunRecord) -> str:
    when = t.date(run.run_on)
    if run.outcome == RunOutcome.PROLONGED and run.programmed_until is not None:
        return t("web_customer.run_prolonged", when=when, until=t.date(run.programmed_until))
    known = {outcome.value for outcome in RunOutcome} - {RunOutcome.PROLONGED.value}
    key = f"web_customer.run_{run.outcome}" if run.outcome in known else "web_customer.run_other"
    return t(key, when=when)


def _key_row(t: Texts, line: KeyLine) -> KeyRow:
    key = line.key
    return KeyRow(
        serial=key.serial,
        kind=t(f"desk_commands.key_kind_{key.kind.value}"),
        status=t(f"desk_commands.key_status_{key.status.value}"),
        licenses=", ".join(line.license_numbers) or "—",
        protection=_protection(t, line),
        runs=[_run(t, run) for run in line.runs],
    )


def _booking_row(t: Texts, booking: Booking, tz: tzinfo) -> BookingRow:
    if booking.status == "done" and booking.bill is not None:
        amount = t(
            "web_customer.session_bill",
            amount=t.money(booking.bill),
            minutes=booking.minutes_spent or 0,
        )
    else:
        amount = t("web_customer.session_estimate", amount=t.money(booking.estimate))
    kind_key, status_key = (
        f"web_customer.session_{booking.kind}",
        f"web_customer.session_{booking.status}",
    )
    return BookingRow(
        starts=_moment(t, booking.starts_at, tz),
        kind=t(kind_key) if t.has(kind_key) else "—",
        hours=booking.hours,
        status=t(status_key) if t.has(status_key) else "—",
        amount=amount,
    )


def _reminder_kind(t: Texts, kind: str) -> str:
    try:
        family, days = parse_reminder_kind(kind)
    except ValueError:  # a kind logged by an older version
        return t("web_customer.reminder_other")
    return t(f"web_customer.reminder_{family}", days=days)


async def _blocked_line(unit: Unit, t: Texts, person: BlockedPerson, tz: tzinfo) -> str:
    return t(
        "web_customer.blocked_line" if person.linked else "web_customer.blocked_line_unlinked",
        platform=_platform(t, person.platform),
        who=person.display_name or t("web_customer.no_name"),
        when=_moment(t, person.block.blocked_at, tz),
        manager=await person_label(unit, t, person.block.blocked_by),
        reason=person.block.reason,
    )


async def _worded(unit: Unit, t: Texts, found: CustomerOverview, tz: tzinfo) -> dict[str, object]:
    customer = found.customer
    return {
        "customer": customer,
        "name": customer.name or t("web_customer.no_name"),
        "language": t.language_name(customer.language),
        "blocked": [await _blocked_line(unit, t, person, tz) for person in found.blocked],
        "accounts": [
            AccountLine(
                platform=_platform(t, account.platform),
                name=account.display_name or t("web_customer.no_name"),
                linked_by=_linked_by(t, account.linked_by),
                language=t.language_name(account.language),
                since=_moment(t, account.since, tz),
                reminders=t(
                    "web_customer.reminders_muted"
                    if account.reminders_muted
                    else "web_customer.reminders_on"
                ),
                blocked=(
                    t("web_customer.blocked_badge", reason=account.block.reason)
                    if account.block is not None
                    else ""
                ),
            )
            for account in found.accounts
        ],
        "licenses": [_license_row(t, line) for line in found.licenses],
        "keys": [_key_row(t, line) for line in found.keys],
        "requests": [
            RequestRow(
                number=request.id,
                kind=t(f"desk.kind_{request.kind.value}"),
                status=t(f"desk.status_{request.status.value}"),
                filed=_moment(t, request.created_at, tz),
            )
            for request in found.requests
        ],
        "bookings": [_booking_row(t, booking, tz) for booking in found.bookings],
        "consents": [
            t(
                "web_customer.consent_line",
                platform=_platform(t, consent.platform),
                name=consent.display_name or t("web_customer.no_name"),
                when=_moment(t, consent.given_at, tz),
                version=consent.version or "—",
            )
            for consent in found.consents
        ],
        "reminders": [
            ReminderRow(
                license=reminder.license_number,
                kind=_reminder_kind(t, reminder.kind),
                due=t.date(reminder.due_on),
                support_end=t.date(reminder.support_end),
            )
            for reminder in found.reminders
        ],
    }


async def customer_page(request: web.Request) -> web.Response:
    number = customer_id(request.match_info["id"])
    if number is None:
        raise PageProblem(404, "web_customer.not_found")
    desk = desk_of(request)
    engine = desk.engine
    t = texts(manager_of(request).language)
    today = local_today(engine.clock(), engine.policy)
    async with engine.db.unit() as unit:
        found = await customer_overview(unit, number, today=today, policy=engine.policy)
        if found is None:
            raise PageProblem(404, "web_customer.not_found")
        worded = await _worded(unit, t, found, engine.policy.tz)
    return aiohttp_jinja2.render_template("customer.html", request, page_context(request, **worded))


async def customer_search(request: web.Request) -> web.Response:
    """Customers matching the search: a customer number, phone or license number exactly,
    then names, companies, e-mails, license numbers and key serials containing it; without
    a search, every customer by company and name, a page at a time."""
    desk = desk_of(request)
    text = request.query.get("q", "").strip()[:SEARCH_MAX]
    page, pages = 1, 1
    async with desk.engine.db.unit() as unit:
        if text:
            found = await find_customers(unit, text, limit=SEARCH_SHOWN)
        else:
            page = page_number(request)
            size = desk.engine.policy.web_desk.page_size
            found, total = await customers.in_order(unit, offset=(page - 1) * size, limit=size)
            pages = page_count(total, size)
    return aiohttp_jinja2.render_template(
        "customers.html",
        request,
        page_context(
            request,
            q=text,
            found=found,
            page=page,
            pages=pages,
            previous=f"/customers?page={page - 1}" if page > 1 else None,
            next=f"/customers?page={page + 1}" if page < pages else None,
        ),
    )


async def request_customer(unit: Unit, t: Texts, number: int | None) -> dict[str, object] | None:
    """The customer of a request, for the link on its page: ``{"id", "label"}``."""
    if number is None:
        return None
    customer = await customers.get(unit, number)
    if customer is None:
        return None
    return {"id": customer.id, "label": customer_label(t, customer)}


def add_routes(app: web.Application) -> None:
    app.router.add_get("/customers", customer_search)
    app.router.add_get("/customers/{id}", customer_page)

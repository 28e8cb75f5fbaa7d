"""Finding the customer a manager means when approving a link request or inviting someone:
by customer number, phone, license number, or any text a manager's search would match; and
which of a customer's people are blocked (docs/rules.md#blocking), for ``/find``."""

from __future__ import annotations

from storage import accounts, blocks, customers, licenses
from storage.blocks import Block
from storage.db import Unit
from storage.models import Account, Customer
from storage.phones import normalize_phone

#: Candidates shown as buttons (VK allows 10 inline buttons; one row is left for the rest).
MAX_CANDIDATES = 8
_MAX_ID_DIGITS = 9


async def find_customers(unit: Unit, text: str, *, limit: int = MAX_CANDIDATES) -> list[Customer]:
    """Customers matching ``text``: exact customer number, phone and license number first,
    then name, company, e-mail, key serial… (``customers.search``). Erased customers never."""
    text = " ".join(text.split())
    if not text:
        return []
    found: dict[int, Customer] = {}
    if text.isdigit() and len(text) <= _MAX_ID_DIGITS:
        customer = await customers.get(unit, int(text))
        if customer is not None and customer.name:  # an erased customer has no name
            found[customer.id] = customer
    if normalize_phone(text) is not None:
        customer = await customers.find_by_phone(unit, text)
        if customer is not None:
            found.setdefault(customer.id, customer)
    license_ = await licenses.by_number(unit, text)
    if license_ is not None:
        customer = await customers.get(unit, license_.customer_id)
        if customer is not None and customer.name:
            found.setdefault(customer.id, customer)
    for customer in await customers.search(unit, text, limit=limit):
        found.setdefault(customer.id, customer)
    return list(found.values())[:limit]


def candidate_label(customer: Customer) -> str:
    """A button naming a customer: "Иван Петров (ООО «Мебель-Про»), +79990001122"."""
    company = f" ({customer.company})" if customer.company else ""
    phone = f", {customer.phone}" if customer.phone else ""
    return f"{customer.name}{company}{phone}"


async def blocked_people(unit: Unit, customer_id: int) -> list[tuple[Account, Block]]:
    """The customer's linked messenger accounts a manager has blocked, with their block."""
    found = []
    for account in await accounts.of_customer(unit, customer_id):
        if account.blocked_at is None:
            continue
        block = await blocks.active(unit, account.id)
        if block is not None:
            found.append((account, block))
    return found

"""Records as the rest of the program sees them: plain frozen dataclasses.

Money is ``Decimal``; dates are ``date``; timestamps are timezone-aware ``datetime`` in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Platform(StrEnum):
    TELEGRAM = "telegram"
    VK = "vk"
    CONSOLE = "console"
    #: The managers' web desk (``bot/web``): managers only, no customer writes from there.
    WEB = "web"


class Protection(StrEnum):
    CODEMETER = "codemeter"
    MODULE = "module"
    NONE = "none"


class KeyKind(StrEnum):
    CODEMETER = "codemeter"
    MODULE = "module"


class KeyStatus(StrEnum):
    ACTIVE = "active"
    LOST = "lost"
    STOLEN = "stolen"
    BROKEN = "broken"
    FOUND = "found"
    REPLACED = "replaced"


class RequestKind(StrEnum):
    RENEWAL = "renewal"
    KEY_LOSS = "key_loss"
    TRANSFER = "transfer"
    BOOKING = "booking"
    CALLBACK = "callback"
    LINK = "link"
    QUESTION = "question"
    PROTECTION_ORDER = "protection_order"
    PROTECTION_CANCEL = "protection_cancel"


class RequestStatus(StrEnum):
    NEW = "new"
    IN_WORK = "in_work"
    WAITING_DOCUMENTS = "waiting_documents"
    WAITING_CUSTOMER = "waiting_customer"
    DONE = "done"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


OPEN_STATUSES = frozenset(
    {
        RequestStatus.NEW,
        RequestStatus.IN_WORK,
        RequestStatus.WAITING_DOCUMENTS,
        RequestStatus.WAITING_CUSTOMER,
    }
)


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    name: str
    company: str
    phone: str | None
    email: str
    resident: bool
    language: str


@dataclass(frozen=True, slots=True)
class Product:
    id: int
    code: str
    name: str
    price: Decimal
    support_months: int
    protection: Protection


@dataclass(frozen=True, slots=True)
class License:
    id: int
    number: str
    product_id: int
    customer_id: int
    workplaces: int
    support_end: date
    license_end: date | None
    subscription: bool


@dataclass(frozen=True, slots=True)
class Key:
    id: int
    serial: str
    kind: KeyKind
    customer_id: int
    status: KeyStatus
    protection_service: bool
    protection_connected_on: date | None
    programmed_until: date | None
    protection_disconnected_on: date | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """A person in one messenger; linked to a customer once verified."""

    id: int
    platform: Platform
    user_id: str
    customer_id: int | None
    linked_by: str | None
    language: str
    display_name: str
    consent_at: datetime | None
    consent_version: str | None
    reminders_muted: bool
    #: Since when a manager has blocked the person (docs/rules.md#blocking); None: not blocked.
    blocked_at: datetime | None = None
    #: The person's latest message came from a manager (announcements leave them out).
    manager: bool = False


@dataclass(frozen=True, slots=True)
class ConversationState:
    """Where a chat is: which flow, which step, and what the flow collected so far."""

    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Request:
    id: int
    kind: RequestKind
    status: RequestStatus
    customer_id: int | None
    account_id: int | None
    verified: bool
    license_id: int | None
    key_id: int | None
    amount: Decimal | None
    details: dict[str, Any]
    manager: str | None
    due_at: datetime | None
    created_at: datetime
    updated_at: datetime
    first_answer_at: datetime | None
    rating: int | None
    rating_comment: str | None


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    platform: Platform
    chat_id: str
    text: str
    buttons: list[list[tuple[str, str]]]
    request_id: int | None
    topic: str | None
    document: str | None
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    dedupe_key: str | None

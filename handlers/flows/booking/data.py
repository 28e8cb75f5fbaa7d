"""What the booking conversation keeps between its steps (:class:`BookingData`) and what a
booking's request records (:class:`BookingDetails`), as typed records
(:mod:`handlers.engine.stored`).

Field names are the keys stored in ``conversations.data`` and ``requests.details``: a chat
saved, or a booking filed, by an earlier version loads as it was. Each field's default is
a value the code never writes (mostly None), so whatever it writes, even a zero fee or no
consents yet, is stored. A value a step needs and the chat does not hold raises
:class:`Stale`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from handlers.engine.stored import Stored
from handlers.rules.sessions import SessionBill, SessionEstimate, SessionKind

#: ``topic`` of a booking's request details.
BOOKING_TOPIC = "booking"


class Stale(Exception):
    """The chat's saved data no longer describes a booking in progress."""


class Consent(StrEnum):
    """The consents asked before a booking (their names are the stored keys)."""

    PAY = "pay"
    ACCESS = "access"
    BACKUP = "backup"


def _plain(amount: Decimal) -> Decimal:
    """``amount`` written as plain digits ("4000", never "4E+3"), as it was always stored."""
    return Decimal(format(amount, "f"))


@dataclass(frozen=True, slots=True, kw_only=True)
class EstimateData(Stored):
    """A session estimate as the chat keeps it and the request records it."""

    hours: int | None = None
    rate: Decimal | None = None
    time: Decimal | None = None
    fee: Decimal | None = None
    total: Decimal | None = None

    @classmethod
    def of(cls, estimate: SessionEstimate) -> EstimateData:
        return cls(
            hours=estimate.hours,
            rate=_plain(estimate.hourly_rate),
            time=_plain(estimate.time_amount),
            fee=_plain(estimate.connection_fee),
            total=_plain(estimate.total),
        )

    def estimate(self, kind: SessionKind) -> SessionEstimate:
        """The estimate agreed for a session of ``kind`` (Stale when a part is missing)."""
        if (
            self.hours is None
            or self.rate is None
            or self.time is None
            or self.fee is None
            or self.total is None
        ):
            raise Stale("estimate")
        return SessionEstimate(
            kind=kind,
            hours=self.hours,
            hourly_rate=self.rate,
            time_amount=self.time,
            connection_fee=self.fee,
            total=self.total,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentsData(Stored):
    """When each consent was given (None: not yet)."""

    pay: datetime | None = None
    access: datetime | None = None
    backup: datetime | None = None

    def at(self, consent: Consent) -> datetime | None:
        match consent:
            case Consent.PAY:
                return self.pay
            case Consent.ACCESS:
                return self.access
            case Consent.BACKUP:
                return self.backup

    def given(self, consent: Consent, at: datetime) -> ConsentsData:
        """These consents and ``consent``, given at ``at``."""
        match consent:
            case Consent.PAY:
                return replace(self, pay=at)
            case Consent.ACCESS:
                return replace(self, access=at)
            case Consent.BACKUP:
                return replace(self, backup=at)

    def have(self, consents: Iterable[Consent]) -> bool:
        return all(self.at(consent) is not None for consent in consents)

    def need(self, consent: Consent) -> datetime:
        at = self.at(consent)
        if at is None:
            raise Stale("consents")
        return at


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingData(Stored):
    """What the booking conversation holds: a new booking as it is being made (``kind`` to
    ``consents``), the booking being looked at (``booking_id``), or the booking being moved
    (``move``, with its ``hours`` and ``kind``, then the new ``day`` and ``start``)."""

    kind: SessionKind | None = None
    problem: str | None = None
    phone: str | None = None
    day: date | None = None
    start: datetime | None = None
    """The chosen start, in UTC."""
    hours: int | None = None
    estimate: EstimateData | None = None
    consents: ConsentsData | None = None
    booking_id: int | None = None
    move: int | None = None
    """The booking being moved (None: a new booking)."""

    # -- what a step needs (missing: Stale) ----------------------------------------------

    def need_kind(self) -> SessionKind:
        if self.kind is None:
            raise Stale("kind")
        return self.kind

    def need_problem(self) -> str:
        if self.problem is None:
            raise Stale("problem")
        return self.problem

    def need_phone(self) -> str:
        if self.phone is None:
            raise Stale("phone")
        return self.phone

    def need_day(self) -> date:
        if self.day is None:
            raise Stale("day")
        return self.day

    def need_start(self) -> datetime:
        if self.start is None:
            raise Stale("start")
        return self.start

    def need_hours(self) -> int:
        if self.hours is None:
            raise Stale("hours")
        return self.hours

    def need_estimate(self) -> SessionEstimate:
        if self.estimate is None:
            raise Stale("estimate")
        return self.estimate.estimate(self.need_kind())

    def need_consents(self) -> ConsentsData:
        if self.consents is None:
            raise Stale("consents")
        return self.consents

    def need_booking_id(self) -> int:
        if self.booking_id is None:
            raise Stale("booking_id")
        return self.booking_id

    def need_move(self) -> int:
        if self.move is None:
            raise Stale("move")
        return self.move

    def given_consents(self) -> ConsentsData:
        """The consents given so far (none when none were asked yet)."""
        return self.consents if self.consents is not None else ConsentsData()


@dataclass(frozen=True, slots=True, kw_only=True)
class BillData(Stored):
    """The bill of a held session (``/minutes``), as the booking's request records it."""

    minutes_spent: int | None = None
    billed_minutes: int | None = None
    time: Decimal | None = None
    fee: Decimal | None = None
    total: Decimal | None = None
    by: str | None = None
    """The manager who entered the minutes (as request events name them)."""

    @classmethod
    def of(cls, bill: SessionBill, *, by: str) -> BillData:
        return cls(
            minutes_spent=bill.minutes_spent,
            billed_minutes=bill.billed_minutes,
            time=_plain(bill.time_amount),
            fee=_plain(bill.connection_fee),
            total=_plain(bill.total),
            by=by,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class BookingDetails(Stored):
    """A booking request's details, as the booking was filed (``starts_at`` follows a
    move) and billed. The card and the customer's name (``card``, ``who``: written by
    :func:`handlers.desk.cards.file_request`) are not fields: they are kept as they are."""

    topic: str | None = None
    kind: SessionKind | None = None
    starts_at: datetime | None = None
    """In UTC."""
    hours: int | None = None
    phone: str | None = None
    problem: str | None = None
    estimate: EstimateData | None = None
    consents: ConsentsData | None = None
    amount_in_lines: bool = False
    """The amount is among the card's lines (the card shows no amount line of its own)."""
    bill: BillData | None = None

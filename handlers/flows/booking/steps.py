"""The steps of :class:`~handlers.flows.booking.BookingFlow`, declared once.

Every part of the flow (:mod:`~handlers.flows.booking.new_booking`,
:mod:`~handlers.flows.booking.slots`, :mod:`~handlers.flows.booking.consents`,
:mod:`~handlers.flows.booking.backups`, :mod:`~handlers.flows.booking.my_bookings`) is a
subclass of :class:`BookingSteps`: it defines the ``ask_``/``on_`` pairs of its own steps
and goes to the others' (``ctx.go(self.day)``).
"""

from __future__ import annotations

from handlers.engine.flow import Step


class BookingSteps:
    # A new booking, in the order they are asked.
    kind = Step()
    problem = Step()
    phone = Step()
    day = Step()
    time = Step()
    duration = Step()
    consent_pay = Step()
    consent_access = Step()
    consent_backup = Step()
    confirm = Step()
    # The customer's bookings.
    mine = Step()
    booking = Step()
    cancel_confirm = Step()
    move_confirm = Step()
    backup_file = Step()


__all__ = ["BookingSteps"]

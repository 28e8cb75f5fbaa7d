"""Remote session booking (docs/rules.md#remote-sessions): a backup review or a direct
connection, booked ahead.

New booking: kind → problem → personal-data consent (once) → phone → day → start time →
duration → the estimate with the consents, each its own button → confirmation. The
customer's bookings: list → one booking → cancel or move (until
``policy.sessions.change_until_hours`` before the start), or send the backup file.

One flow, ``booking`` (:class:`BookingFlow`), made of parts by job:

* :mod:`~handlers.flows.booking.new_booking`: kind, problem, phone, duration, confirmation;
* :mod:`~handlers.flows.booking.slots`: choosing the day and the start time (new or moved);
* :mod:`~handlers.flows.booking.consents`: the estimate and the consents before confirming;
* :mod:`~handlers.flows.booking.backups`: the backup file of a backup review;
* :mod:`~handlers.flows.booking.my_bookings`: the customer's bookings, cancelling, moving;
* :mod:`~handlers.flows.booking.data`: what the chat keeps between steps and what a booking's
  request records, as typed records;
* :mod:`~handlers.flows.booking.common`: ownership, dates in text;
* :mod:`~handlers.flows.booking.steps`: the flow's steps, declared once for all the parts;
* :mod:`~handlers.flows.booking.conversation`: the flow itself, its entry points.
"""

from __future__ import annotations

from handlers.flows.booking.common import local_when, owns
from handlers.flows.booking.conversation import BookingFlow

__all__ = ["BookingFlow", "local_when", "owns"]

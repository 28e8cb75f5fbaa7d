"""Support-renewal quotes people opened in the chat, for the managers' figures (how many
renewals were quoted against how many invoices were asked for,
:func:`storage.figures.quotes_sent_by_month`)."""

from __future__ import annotations

from datetime import date

from storage.db import Unit


def license_subject(license_id: int) -> str:
    return f"license:{license_id}"


def product_subject(product_id: int, support_end: date) -> str:
    return f"product:{product_id}:{support_end.isoformat()}"


def record(unit: Unit, account_id: int, subject: str, day: date) -> None:
    """The person saw the quote of ``subject`` on the vendor-local ``day`` (once a day).
    Nothing in the step reads it back: it goes with the step's commit (``Unit.write``)."""
    unit.write(
        "INSERT OR IGNORE INTO quotes_shown (account_id, subject, shown_on) VALUES (?, ?, ?)",
        (account_id, subject, day.isoformat()),
    )

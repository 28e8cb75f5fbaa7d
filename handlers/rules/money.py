"""Money in the rules: exact Decimal amounts, whole rubles rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

WHOLE_RUBLE = Decimal("1")


def round_rubles(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to whole rubles (1997.5 → 1998, 250.5 → 251)."""
    return amount.quantize(WHOLE_RUBLE, rounding=ROUND_HALF_UP)


def as_money(value: Decimal | int, name: str = "price") -> Decimal:
    """Check that ``value`` is an exact, finite, non-negative amount and return it as Decimal.

    Floats are refused: 0.1 + 0.2 style errors in prices are exactly what Decimal avoids,
    and a float reaching a rule means a caller skipped the conversion somewhere.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"{name} must be Decimal or int, got {type(value).__name__}")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"{name} must be a finite amount >= 0, got {value}")
    return amount

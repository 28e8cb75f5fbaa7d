"""How values are written to and read from SQLite columns (one place for the formats)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any


def time_to_db(value: datetime) -> str:
    """Aware datetime → ISO text in UTC. Naive datetimes are refused: they hide bugs."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: times are stored in UTC and must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def time_from_db(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def date_to_db(value: date | None) -> str | None:
    return value.isoformat() if value else None


def date_from_db(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def money_to_db(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def money_from_db(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def json_to_db(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def json_from_db(value: str | None) -> Any:
    return json.loads(value) if value else {}

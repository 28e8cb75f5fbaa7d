"""Typed records kept as JSON: what a conversation holds between its steps, what a request
keeps as its details.

The database keeps both as JSON objects (``conversations.data``, ``requests.details``); the
code reads and writes them as frozen dataclasses, subclasses of :class:`Stored`, and this
module is the one place that turns one into the other. Reading is tolerant on purpose: a
chat saved by an older version, or a request filed years ago, must still load. A key the
class does not know is kept aside (:attr:`Stored.unknown`) and written back unchanged, a
missing one takes the field's default, and a value of the wrong shape (``"12"`` for an
``int``) is converted when it can be and otherwise read as the default. Field names are
the stored keys, so renaming a field is a data migration, not a refactoring.

Supported field types: ``str``, ``int``, ``bool``, ``Decimal`` (stored as text), ``date``
and ``datetime`` (ISO text), ``StrEnum`` members (their value), tuples of those
(``tuple[int, ...]``, stored as a list), ``dict[str, Any]`` (as it is), nested
:class:`Stored` records, and ``X | None`` of any of them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any, Self, get_args, get_origin

_MISSING = object()


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Stored:
    """Base of a typed JSON record (see the module docstring).

    A subclass is a frozen, slotted, keyword-only dataclass whose fields have defaults
    (what an older record lacks); change it with :func:`dataclasses.replace`.
    """

    unknown: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    """Stored keys this class does not know: kept, and written back as they were."""

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None) -> Self:
        """The record from its JSON object (None or empty: every field's default)."""
        stored = stored or {}
        hints = _hints(cls)
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            if field.name == "unknown" or field.name not in stored:
                continue
            value = _read(hints[field.name], stored[field.name])
            if value is not _MISSING:
                values[field.name] = value
        names = {field.name for field in dataclasses.fields(cls)}
        unknown = {key: value for key, value in stored.items() if key not in names}
        return cls(**values, unknown=unknown)

    def to_stored(self) -> dict[str, Any]:
        """The JSON object: fields still at their default are left out (so a record
        written now reads the same in a version that lacks the field)."""
        stored: dict[str, Any] = dict(self.unknown)
        for field in dataclasses.fields(self):
            if field.name == "unknown":
                continue
            value = getattr(self, field.name)
            if value == _default(field):
                stored.pop(field.name, None)
                continue
            stored[field.name] = _write(value)
        return stored


def _hints(cls: type) -> dict[str, Any]:
    return _hints_cached(cls)


@cache
def _hints_cached(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return _MISSING


def _read(hint: Any, value: Any) -> Any:
    """``value`` as the field's type, or :data:`_MISSING` when it cannot be read."""
    origin = get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        if value is None:
            return None
        for option in options:
            read = _read(option, value)
            if read is not _MISSING:
                return read
        return _MISSING
    if origin is tuple:
        item = get_args(hint)[0]
        if not isinstance(value, list | tuple):
            return _MISSING
        items = [_read(item, one) for one in value]
        return _MISSING if any(one is _MISSING for one in items) else tuple(items)
    if origin is dict or hint is dict:
        return dict(value) if isinstance(value, Mapping) else _MISSING
    if isinstance(hint, type):
        return _read_plain(hint, value)
    return value  # Any


def _read_plain(hint: type, value: Any) -> Any:
    try:
        if issubclass(hint, Stored):
            return hint.from_stored(value) if isinstance(value, Mapping) else _MISSING
        if issubclass(hint, Enum):
            return hint(value)
        if hint is bool:
            return value if isinstance(value, bool) else _MISSING
        if hint is int:
            if isinstance(value, bool):
                return _MISSING
            if isinstance(value, int):
                return value
            text = str(value).strip()
            return int(text) if text.lstrip("-").isdigit() else _MISSING
        if hint is str:
            return value if isinstance(value, str) else str(value)
        if hint is Decimal:
            return Decimal(str(value))
        if hint is datetime:
            return datetime.fromisoformat(value) if isinstance(value, str) else _MISSING
        if hint is date:
            return date.fromisoformat(value) if isinstance(value, str) else _MISSING
    except (ValueError, TypeError, InvalidOperation):
        return _MISSING
    return value


def _write(value: Any) -> Any:
    if isinstance(value, Stored):
        return value.to_stored()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_write(one) for one in value]
    if isinstance(value, Mapping):
        return {key: _write(one) for key, one in value.items()}
    return value

"""Checks on an uploaded file before it is accepted (SPEC §1 scans, §5 backups, §9).

The file's type is read from the extension of the name the messenger reports, compared
case-insensitively. The name is only ever inspected as a string, never joined into a path:
files are stored under generated names and the original name is kept as metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TypeAlias

BYTES_PER_MB = 1024 * 1024


class UploadProblem(StrEnum):
    WRONG_TYPE = "wrong_type"
    TOO_LARGE = "too_large"
    EMPTY = "empty"


UploadCheck: TypeAlias = UploadProblem | None
"""The result of :func:`check_upload`: the problem, or None when the file is acceptable."""


def file_extension(file_name: str) -> str:
    """The lower-cased extension after the last dot of the name ('' when there is none).

    Both slash kinds count as separators so 'C:\\scans\\letter' has no extension
    rather than the extension of a folder name.
    """
    base = file_name.strip().replace("\\", "/").rsplit("/", 1)[-1]
    _, dot, extension = base.rpartition(".")
    return extension.lower() if dot else ""


def check_upload(
    file_name: str, size: int, *, allowed_types: Sequence[str], max_mb: int
) -> UploadProblem | None:
    """Return what is wrong with the file, or None.

    Checked in this order: type (by name), then empty, then size (``max_mb`` MiB is still
    accepted, one byte more is not). A negative size is a caller bug: ValueError.
    """
    if size < 0:
        raise ValueError(f"size must be >= 0, got {size}")
    allowed = {kind.strip().lower().lstrip(".") for kind in allowed_types}
    extension = file_extension(file_name)
    if not extension or extension not in allowed:
        return UploadProblem.WRONG_TYPE
    if size == 0:
        return UploadProblem.EMPTY
    if size > max_mb * BYTES_PER_MB:
        return UploadProblem.TOO_LARGE
    return None

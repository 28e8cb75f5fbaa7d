"""Checks on an uploaded file before it is accepted (docs/rules.md#uploads).

The file's type is read from the extension of the name the messenger reports, compared
case-insensitively. The name is only ever inspected as a string, never joined into a path:
files are stored under generated names and the original name is kept as metadata.

Once the file's bytes are in, :func:`check_content` checks that they are what the name
says (a program named ``scan.pdf`` is not a scan): a type with a magic number must start
with it (PDF ``%PDF-``, JPEG ``FF D8 FF``, PNG, ZIP and the formats built on it, RAR, 7z,
gzip…); a text type (TXT, CSV…) must be text, UTF-8 or Windows-1251 without NUL bytes;
any other type (license files, database backups: formats of their own) must at least not
be a program (Windows ``MZ``, ELF, Mach-O, a ``#!`` script).
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import TypeAlias

BYTES_PER_MB = 1024 * 1024
#: How much of a file's start :func:`check_content` needs (a tar header's mark is at 257).
HEAD_BYTES = 64 * 1024


class UploadProblem(StrEnum):
    WRONG_TYPE = "wrong_type"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    WRONG_CONTENT = "wrong_content"


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


# -- content ---------------------------------------------------------------------------------

#: One way a format starts: every (offset, bytes) must be found in the file's head.
Signature: TypeAlias = tuple[tuple[int, bytes], ...]


def _starts(*prefixes: bytes) -> tuple[Signature, ...]:
    return tuple(((0, prefix),) for prefix in prefixes)


_ZIP = _starts(b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # a file, empty, spanned
_JPEG = _starts(b"\xff\xd8\xff")
_OLE = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # MS Office 97-2003 documents
_GZIP = _starts(b"\x1f\x8b")
_HEIF = tuple(
    ((4, b"ftyp"), (8, brand)) for brand in (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1")
)

#: The types recognised by their first bytes (lower-case extension → the ways it starts).
SIGNATURES: Mapping[str, tuple[Signature, ...]] = {
    "pdf": _starts(b"%PDF-"),
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "jpe": _JPEG,
    "jfif": _JPEG,
    "png": _starts(b"\x89PNG\r\n\x1a\n"),
    "gif": _starts(b"GIF87a", b"GIF89a"),
    "bmp": _starts(b"BM"),
    "tif": _starts(b"II*\x00", b"MM\x00*"),
    "tiff": _starts(b"II*\x00", b"MM\x00*"),
    "webp": (((0, b"RIFF"), (8, b"WEBP")),),
    "heic": _HEIF,
    "heif": _HEIF,
    "zip": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "rtf": _starts(b"{\\rtf"),
    "rar": _starts(b"Rar!\x1a\x07\x00", b"Rar!\x1a\x07\x01\x00"),  # RAR 4, RAR 5
    "7z": _starts(b"7z\xbc\xaf\x27\x1c"),
    "gz": _GZIP,
    "tgz": _GZIP,
    "bz2": _starts(b"BZh"),
    "xz": _starts(b"\xfd7zXZ\x00"),
    "zst": _starts(b"\x28\xb5\x2f\xfd"),
    "tar": (((257, b"ustar"),),),
}

#: The types that have no magic number but must be text.
TEXT_TYPES = frozenset({"txt", "csv", "tsv", "log", "xml", "json", "ini", "cfg", "conf", "md"})

#: How programs start; refused whatever the name (for the types of neither table above).
PROGRAMS = (
    b"MZ",  # Windows (and DOS) executables and libraries
    b"\x7fELF",  # Linux and other Unix executables
    b"\xfe\xed\xfa\xce",  # Mach-O (macOS), 32 and 64 bit, both byte orders
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal binaries (and Java classes)
    b"#!",  # scripts
)


def content_label(file_name: str) -> str:
    """What the name says the file is, as a person reads it ("PDF"; '' with no extension)."""
    return file_extension(file_name).upper()


def _matches(head: bytes, signature: Signature) -> bool:
    return all(head[at : at + len(magic)] == magic for at, magic in signature)


def is_text(head: bytes) -> bool:
    """Text in UTF-8 or Windows-1251 without NUL bytes. ``head`` may be cut anywhere: a
    letter cut in two at its end still counts as UTF-8."""
    if not head or b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            head.decode("cp1251")
        except UnicodeDecodeError:
            return False
    return True


def check_content(file_name: str, head: bytes) -> UploadProblem | None:
    """Whether the file's first bytes are what its name says: None, or WRONG_CONTENT.

    ``head`` is the start of the file, :data:`HEAD_BYTES` of it (or all of a shorter file);
    no bytes at all is never a file of any type. A name without an extension (which
    :func:`check_upload` refuses before) is refused here too.
    """
    extension = file_extension(file_name)
    if not head or not extension:
        return UploadProblem.WRONG_CONTENT
    signatures = SIGNATURES.get(extension)
    if signatures is not None:
        ok = any(_matches(head, signature) for signature in signatures)
    elif extension in TEXT_TYPES:
        ok = is_text(head)
    else:
        ok = not head.startswith(PROGRAMS)
    return None if ok else UploadProblem.WRONG_CONTENT

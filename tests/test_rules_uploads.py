"""Upload checks (docs/rules.md#uploads): type by extension, empty, size limit; content by
magic number, as text, or as anything but a program."""

from __future__ import annotations

import pytest

from handlers.rules.uploads import (
    HEAD_BYTES,
    UploadProblem,
    check_content,
    check_upload,
    content_label,
    file_extension,
)

DOCS = ["pdf", "jpg", "jpeg", "png"]
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [
        pytest.param("letter.pdf", 1000, None, id="pdf"),
        pytest.param("SCAN.PDF", 1000, None, id="upper-case"),
        pytest.param("act.JpEg", 1000, None, id="mixed-case"),
        pytest.param("act.write-off.png", 1000, None, id="dots-in-name"),
        pytest.param("letter.pdf ", 1000, None, id="trailing-space"),
        pytest.param("letter.docx", 1000, UploadProblem.WRONG_TYPE, id="docx"),
        pytest.param("letter", 1000, UploadProblem.WRONG_TYPE, id="no-extension"),
        pytest.param("letter.", 1000, UploadProblem.WRONG_TYPE, id="empty-extension"),
        pytest.param("pdf", 1000, UploadProblem.WRONG_TYPE, id="name-is-the-type"),
        pytest.param("scan.pdf.exe", 1000, UploadProblem.WRONG_TYPE, id="double-extension"),
        pytest.param("../../etc/passwd", 1000, UploadProblem.WRONG_TYPE, id="traversal"),
        pytest.param("..\\scans.pdf\\evil", 1000, UploadProblem.WRONG_TYPE, id="folder-dot-pdf"),
        pytest.param("", 1000, UploadProblem.WRONG_TYPE, id="empty-name"),
        pytest.param("letter.pdf", 0, UploadProblem.EMPTY, id="empty-file"),
        pytest.param("letter.docx", 0, UploadProblem.WRONG_TYPE, id="type-checked-first"),
        pytest.param("letter.pdf", 10 * MB, None, id="exactly-limit"),
        pytest.param("letter.pdf", 10 * MB + 1, UploadProblem.TOO_LARGE, id="one-byte-over"),
    ],
)
def test_check_upload(name: str, size: int, expected: UploadProblem | None) -> None:
    assert check_upload(name, size, allowed_types=DOCS, max_mb=10) is expected


@pytest.mark.parametrize(
    ("allowed", "name", "expected"),
    [
        pytest.param([".ZIP"], "backup.zip", None, id="allowed-with-dot-and-case"),
        pytest.param(["gz"], "base.tar.gz", None, id="last-extension"),
        pytest.param(["zip"], "backup.rar", UploadProblem.WRONG_TYPE, id="not-allowed"),
    ],
)
def test_allowed_types_normalised(
    allowed: list[str], name: str, expected: UploadProblem | None
) -> None:
    assert check_upload(name, 10, allowed_types=allowed, max_mb=1) is expected


def test_policy_lists_work(policy: object) -> None:
    uploads = policy.uploads  # type: ignore[attr-defined]
    assert (
        check_upload(
            "b.7z", 5 * MB, allowed_types=uploads.backup_types, max_mb=uploads.backup_max_mb
        )
        is None
    )
    assert (
        check_upload(
            "b.7z", 5 * MB, allowed_types=uploads.document_types, max_mb=uploads.document_max_mb
        )
        is UploadProblem.WRONG_TYPE
    )


def test_negative_size_refused() -> None:
    with pytest.raises(ValueError):
        check_upload("letter.pdf", -1, allowed_types=DOCS, max_mb=10)


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        pytest.param("a.PDF", "pdf", id="lower"),
        pytest.param("C:\\scans\\letter", "", id="windows-path-no-extension"),
        pytest.param("dir.v2/file", "", id="dot-in-folder"),
        pytest.param(".png", "png", id="only-extension"),
    ],
)
def test_file_extension(name: str, extension: str) -> None:
    assert file_extension(name) == extension


# -- content: magic numbers, text, programs -------------------------------------------------

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8)
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20)
RAR5 = b"Rar!\x1a\x07\x01\x00" + bytes(8)
SEVEN_Z = b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(8)
GZIP = b"\x1f\x8b\x08\x00" + bytes(8)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8)
CSV_UTF8 = "number;customer\nL-1001;Иванов И. И.\n".encode()
CSV_CP1251 = "number;customer\nL-1001;ООО «Ромашка»\n".encode("cp1251")
WIBU = b"\x02\x00\x01\x00\x57\x49\x42\x55" + bytes(24)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        pytest.param("scan.pdf", PDF, None, id="pdf"),
        pytest.param("SCAN.PDF", PDF, None, id="pdf-upper-case-name"),
        pytest.param("scan.pdf", EXE, UploadProblem.WRONG_CONTENT, id="exe-named-pdf"),
        pytest.param("scan.pdf", JPEG, UploadProblem.WRONG_CONTENT, id="jpeg-named-pdf"),
        pytest.param("scan.pdf", b" %PDF-1.7", UploadProblem.WRONG_CONTENT, id="pdf-not-at-start"),
        pytest.param("scan.pdf", b"%PDF", UploadProblem.WRONG_CONTENT, id="pdf-cut-short"),
        pytest.param("scan.pdf", b"", UploadProblem.WRONG_CONTENT, id="nothing"),
        pytest.param("act.jpg", JPEG, None, id="jpg"),
        pytest.param("act.JPEG", JPEG, None, id="jpeg"),
        pytest.param("act.jpg", PNG, UploadProblem.WRONG_CONTENT, id="png-named-jpg"),
        pytest.param("act.png", PNG, None, id="png"),
        pytest.param("act.png", EXE, UploadProblem.WRONG_CONTENT, id="exe-named-png"),
        pytest.param("act.png", b"\x89PNG\r\n", UploadProblem.WRONG_CONTENT, id="png-cut-short"),
        pytest.param("base.zip", ZIP, None, id="zip"),
        pytest.param("empty.zip", b"PK\x05\x06" + bytes(18), None, id="empty-zip"),
        pytest.param("base.zip", EXE, UploadProblem.WRONG_CONTENT, id="exe-named-zip"),
        pytest.param("letter.docx", ZIP, None, id="docx-is-zip"),
        pytest.param("base.rar", RAR5, None, id="rar5"),
        pytest.param("base.rar", b"Rar!\x1a\x07\x00" + bytes(8), None, id="rar4"),
        pytest.param("base.7z", SEVEN_Z, None, id="7z"),
        pytest.param("base.7z", ZIP, UploadProblem.WRONG_CONTENT, id="zip-named-7z"),
        pytest.param("base.gz", GZIP, None, id="gz"),
        pytest.param("letter.doc", OLE, None, id="doc"),
        pytest.param("photo.gif", b"GIF89a\x01\x00", None, id="gif"),
        pytest.param("photo.tif", b"II*\x00\x08\x00", None, id="tiff-little-endian"),
        pytest.param("photo.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 ", None, id="webp"),
        pytest.param(
            "sound.webp",
            b"RIFF\x24\x00\x00\x00WAVEfmt ",
            UploadProblem.WRONG_CONTENT,
            id="wav-named-webp",
        ),
        pytest.param("base.tar", bytes(257) + b"ustar\x0000", None, id="tar"),
        # No magic number: text in UTF-8 or Windows-1251, without NUL bytes.
        pytest.param("import.csv", CSV_UTF8, None, id="csv-utf8"),
        pytest.param("import.csv", b"\xef\xbb\xbf" + CSV_UTF8, None, id="csv-utf8-bom"),
        pytest.param("import.csv", CSV_CP1251, None, id="csv-cp1251"),
        pytest.param("import.csv", CSV_UTF8[:-3], None, id="utf8-cut-mid-letter"),
        pytest.param("import.csv", EXE, UploadProblem.WRONG_CONTENT, id="exe-named-csv"),
        pytest.param("import.csv", b"a;b\n1;\x002\n", UploadProblem.WRONG_CONTENT, id="nul-byte"),
        pytest.param(
            "key.txt", "ключ\r\n".encode("utf-16"), UploadProblem.WRONG_CONTENT, id="utf16"
        ),
        pytest.param(
            "key.txt", b"\x98\x98\x98", UploadProblem.WRONG_CONTENT, id="neither-encoding"
        ),
        pytest.param("key.txt", b"", UploadProblem.WRONG_CONTENT, id="empty-text"),
        # Formats of their own (license files, database backups): anything but a program.
        pytest.param("key.WibuCmRaU", WIBU, None, id="wibu-binary"),
        pytest.param("key.WibuCmRaU", b"<?xml version='1.0'?>", None, id="wibu-text"),
        pytest.param("module.lic", EXE, UploadProblem.WRONG_CONTENT, id="exe-named-lic"),
        pytest.param("base.bak", b"TAPE\x00\x00\x00\x00", None, id="sql-server-bak"),
        pytest.param("base.bak", ELF, UploadProblem.WRONG_CONTENT, id="elf-named-bak"),
        pytest.param(
            "data.dat", b"#!/bin/sh\nrm -rf /\n", UploadProblem.WRONG_CONTENT, id="script"
        ),
        pytest.param("data.dat", b"\xcf\xfa\xed\xfe\x07", UploadProblem.WRONG_CONTENT, id="mach-o"),
        pytest.param("data.dat", b"", UploadProblem.WRONG_CONTENT, id="empty-own-format"),
        pytest.param("no-extension", PDF, UploadProblem.WRONG_CONTENT, id="no-extension"),
    ],
)
def test_check_content(name: str, head: bytes, expected: UploadProblem | None) -> None:
    assert check_content(name, head) is expected


def test_every_type_of_the_shipped_policy_is_checked_by_content(policy: object) -> None:
    """A real file of each type the policy accepts passes; a program named like it does not."""
    uploads = policy.uploads  # type: ignore[attr-defined]
    kinds = {*uploads.document_types, *uploads.backup_types, *uploads.license_file_types}
    samples = {
        "pdf": PDF,
        "jpg": JPEG,
        "jpeg": JPEG,
        "png": PNG,
        "zip": ZIP,
        "rar": RAR5,
        "7z": SEVEN_Z,
        "gz": GZIP,
        "txt": CSV_UTF8,
    }
    for kind in sorted(kinds):
        name = f"file.{kind}"
        assert check_content(name, samples.get(kind, WIBU)) is None, kind
        assert check_content(name, EXE) is UploadProblem.WRONG_CONTENT, kind


def test_head_is_enough_to_decide() -> None:
    """The caller reads HEAD_BYTES; a UTF-8 text longer than that, cut mid-letter, is text.

    ("И" is D0 98 in UTF-8; 98 is no letter in Windows-1251, so only UTF-8 reads it.)
    """
    long = ("Иван " * HEAD_BYTES).encode()[:HEAD_BYTES]
    text = long[: long.rindex(b"\xd0") + 1]
    with pytest.raises(UnicodeDecodeError):
        text.decode()
    assert check_content("license.txt", text) is None
    assert check_content("license.txt", text + b"\x00") is UploadProblem.WRONG_CONTENT
    assert HEAD_BYTES >= 262  # the tar header's "ustar" sits at 257


@pytest.mark.parametrize(
    ("name", "label"),
    [("scan.pdf", "PDF"), ("act.JpEg", "JPEG"), ("key.WibuCmRaU", "WIBUCMRAU"), ("x", "")],
)
def test_content_label(name: str, label: str) -> None:
    assert content_label(name) == label

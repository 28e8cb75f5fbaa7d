"""Upload checks (SPEC §1, §9): type by extension, empty, size limit."""

from __future__ import annotations

import pytest

from handlers.rules.uploads import UploadProblem, check_upload, file_extension

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

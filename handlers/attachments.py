"""Accepting a file a person sent: checked against the policy, recorded on the request.

The flow only records the messenger's file handle; the channel that received the file
downloads it into FILES_DIR under a generated name (never the person's file name) and
fills in the stored path, so a slow download never holds a conversation step.
"""

from __future__ import annotations

from enum import StrEnum

from handlers.flow import Context
from handlers.messages import Attachment
from handlers.rules.uploads import UploadProblem, check_upload
from storage import requests


class FileKind(StrEnum):
    DOCUMENT = "document"
    BACKUP = "backup"
    LICENSE_FILE = "license_file"


def _limits(ctx: Context, kind: FileKind) -> tuple[list[str], int]:
    uploads = ctx.policy.uploads
    if kind is FileKind.BACKUP:
        return uploads.backup_types, uploads.backup_max_mb
    if kind is FileKind.LICENSE_FILE:
        return uploads.license_file_types, uploads.license_file_max_mb
    return uploads.document_types, uploads.document_max_mb


def upload_limits(ctx: Context, kind: FileKind) -> dict[str, str | int]:
    """``types`` (e.g. "PDF, JPG") and ``max_mb``: the values a question stating the limits
    for this kind of file needs."""
    types, max_mb = _limits(ctx, kind)
    return {"types": ", ".join(t.upper() for t in types), "max_mb": max_mb}


def upload_problem(ctx: Context, attachment: Attachment, kind: FileKind) -> UploadProblem | None:
    types, max_mb = _limits(ctx, kind)
    return check_upload(attachment.name, attachment.size, allowed_types=types, max_mb=max_mb)


def problem_text(ctx: Context, problem: UploadProblem, kind: FileKind) -> str:
    types, max_mb = _limits(ctx, kind)
    return ctx.t(
        f"uploads.{problem.value}", types=", ".join(t.upper() for t in types), max_mb=max_mb
    )


async def accept_attachment(
    ctx: Context, attachment: Attachment, *, request_id: int, role: str, kind: FileKind
) -> UploadProblem | None:
    """Record the file on the request, or return what is wrong with it (nothing recorded)."""
    problem = upload_problem(ctx, attachment, kind)
    if problem is not None:
        return problem
    await requests.add_attachment(
        ctx.unit,
        request_id,
        role=role,
        original_name=attachment.name,
        stored_path=None,
        platform_file=attachment.file_id,
        mime=attachment.mime,
        size=attachment.size,
        now=ctx.now,
    )
    return None

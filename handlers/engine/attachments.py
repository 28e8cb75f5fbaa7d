"""Accepting a file a person sent: checked against the policy, recorded on the request.

The flow only records the messenger's file handle; the channel that received the file
downloads it into FILES_DIR under a generated name (never the person's file name) and
fills in the stored path, so a slow download never holds a conversation step.

The bytes are therefore checked after the step that accepted the file: a file whose content
is not what its name says (:func:`handlers.rules.uploads.check_content`) is deleted by the
channel and :func:`refuse_downloaded` takes it off the request and tells the sender why.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from handlers.desk.cards import line
from handlers.engine.flow import Context, Flow
from handlers.engine.messages import Attachment, Incoming, Keyboard
from handlers.i18n import Texts
from handlers.policy import Policy
from handlers.rules.uploads import UploadProblem, check_upload, content_label
from storage import accounts, downloads, requests
from storage.db import Unit

if TYPE_CHECKING:
    from handlers.desk.manager_desk import ManagerDesk


class FileKind(StrEnum):
    DOCUMENT = "document"
    BACKUP = "backup"
    LICENSE_FILE = "license_file"
    MESSAGE = "message"
    """A file sent with a customer's own message (a photo, a voice message, a document)."""


#: The kind of file each attachment role was accepted as (any other role: a document).
ROLE_KINDS: Mapping[str, FileKind] = {
    "backup": FileKind.BACKUP,
    "license_file": FileKind.LICENSE_FILE,
    "other": FileKind.MESSAGE,
}


def _limits(ctx: Context, kind: FileKind) -> tuple[list[str], int]:
    uploads = ctx.policy.uploads
    if kind is FileKind.BACKUP:
        return uploads.backup_types, uploads.backup_max_mb
    if kind is FileKind.LICENSE_FILE:
        return uploads.license_file_types, uploads.license_file_max_mb
    if kind is FileKind.MESSAGE:
        return uploads.message_types, uploads.message_max_mb
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


async def refuse_downloaded(
    unit: Unit,
    policy: Policy,
    desk: ManagerDesk,
    flows: Mapping[str, Flow],
    attachment_id: int,
    *,
    now: datetime,
) -> bool:
    """Take a file whose content is not what its name says off its request, in ``unit``.

    The person was told "received" at the step that recorded the file, so the answer goes
    through the outbox: the row goes (the request no longer counts the file), its history
    notes it, every flow may undo what counting it did (:meth:`Flow.on_upload_refused`: a
    request the file completed waits for documents again), the sender is told in their
    language what to send instead, with those flows' buttons, and the managers are told.
    The channel deletes the bytes. False, with nothing done, when the file is no longer
    owed (stored, erased by /forget, refused before).
    """
    owed = await downloads.owed(unit, attachment_id)
    if owed is None:
        return False
    await downloads.discard(unit, attachment_id)
    label = content_label(owed.original_name)
    await requests.add_note(
        unit,
        owed.request_id,
        actor="system",
        note=owed.original_name,  # the person's name of the file: erased with their notes
        note_line=line("history.file_refused", format=label),
        now=now,
    )
    request = await requests.get(unit, owed.request_id)
    account = (
        await accounts.get(unit, request.account_id)
        if request is not None and request.account_id is not None
        else None
    )
    if request is None or account is None:
        return True
    ctx = Context(
        unit=unit,
        policy=policy,
        desk=desk,
        incoming=Incoming(account.platform, account.user_id, account.user_id),
        account=account,
        flow_name=None,
        step=None,
        data={},
        now=now,
        flows=flows,
    )
    number, name = request.id, owed.original_name

    def to_managers(t: Texts) -> str:
        return t("uploads.refused_to_managers", number=number, name=name, format=label)

    await ctx.notify_managers(to_managers, request_id=number)
    rows: Keyboard = ()
    for flow in flows.values():
        rows += await flow.on_upload_refused(ctx, request, owed.role)
    types, max_mb = _limits(ctx, ROLE_KINDS.get(owed.role, FileKind.DOCUMENT))
    answer = ctx.t(
        "uploads.wrong_content",
        name=name,
        format=label,
        number=number,
        types=", ".join(t.upper() for t in types),
        max_mb=max_mb,
    )
    await ctx.queue(
        account.platform, account.user_id, answer, (*rows, ctx.menu_row()), request_id=number
    )
    return True

"""Requests: filed with a first event, every status change recorded, closed ones final."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from storage import accounts, requests
from storage.db import Database
from storage.models import Platform, RequestKind, RequestStatus
from storage.requests import StatusChangeRefused

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)


async def _account(db: Database, user_id: str = "100") -> int:
    async with db.unit() as unit:
        account = await accounts.create(
            unit, Platform.TELEGRAM, user_id, language="ru", display_name="Иван", now=NOW
        )
    return account.id


async def _file(db: Database, account_id: int) -> int:
    async with db.unit() as unit:
        return await requests.create(
            unit,
            RequestKind.RENEWAL,
            account_id=account_id,
            amount=Decimal("1998"),
            details={"license": "L-1001", "note": "счёт на ООО"},
            now=NOW,
        )


async def test_filed_request_reads_back_with_its_first_event(db: Database) -> None:
    account_id = await _account(db)
    request_id = await _file(db, account_id)
    async with db.unit() as unit:
        request = await requests.get(unit, request_id)
        history = await requests.events(unit, request_id)
    assert request is not None
    assert request.kind is RequestKind.RENEWAL
    assert request.status is RequestStatus.NEW
    assert request.amount == Decimal("1998")
    assert request.details == {"license": "L-1001", "note": "счёт на ООО"}
    assert request.verified is False
    assert request.created_at == NOW
    assert [(e.from_status, e.to_status, e.actor) for e in history] == [
        (None, RequestStatus.NEW, "customer")
    ]


async def test_status_changes_are_recorded_in_order(db: Database) -> None:
    request_id = await _file(db, await _account(db))
    async with db.unit() as unit:
        before = await requests.set_status(
            unit,
            request_id,
            RequestStatus.IN_WORK,
            actor="manager:7",
            now=LATER,
            manager="telegram:7",
        )
        await requests.set_status(
            unit,
            request_id,
            RequestStatus.DONE,
            actor="manager:7",
            note="счёт выставлен",
            now=LATER,
        )
    async with db.unit() as unit:
        request = await requests.get(unit, request_id)
        history = await requests.events(unit, request_id)
    assert before is RequestStatus.NEW
    assert request is not None
    assert request.status is RequestStatus.DONE
    assert request.manager == "telegram:7"
    assert request.updated_at == LATER
    assert [(e.from_status, e.to_status) for e in history] == [
        (None, RequestStatus.NEW),
        (RequestStatus.NEW, RequestStatus.IN_WORK),
        (RequestStatus.IN_WORK, RequestStatus.DONE),
    ]
    assert history[-1].note == "счёт выставлен"


@pytest.mark.parametrize(
    "closed", [RequestStatus.DONE, RequestStatus.REJECTED, RequestStatus.CANCELLED]
)
async def test_a_closed_request_refuses_any_change(db: Database, closed: RequestStatus) -> None:
    request_id = await _file(db, await _account(db))
    async with db.unit() as unit:
        await requests.set_status(unit, request_id, closed, actor="system", now=NOW)
    for target in (RequestStatus.IN_WORK, RequestStatus.CANCELLED, closed):
        with pytest.raises(StatusChangeRefused):
            async with db.unit() as unit:
                await requests.set_status(unit, request_id, target, actor="customer", now=LATER)
    async with db.unit() as unit:
        request = await requests.get(unit, request_id)
        history = await requests.events(unit, request_id)
    assert request is not None and request.status is closed
    assert len(history) == 2


async def test_unknown_request_is_refused(db: Database) -> None:
    with pytest.raises(StatusChangeRefused, match="does not exist"):
        async with db.unit() as unit:
            await requests.set_status(unit, 404, RequestStatus.DONE, actor="system", now=NOW)


async def test_same_status_again_records_nothing(db: Database) -> None:
    request_id = await _file(db, await _account(db))
    async with db.unit() as unit:
        assert (
            await requests.set_status(unit, request_id, RequestStatus.NEW, actor="x", now=LATER)
            is RequestStatus.NEW
        )
        history = await requests.events(unit, request_id)
    assert len(history) == 1


async def test_open_requests_and_an_accounts_requests(db: Database) -> None:
    first, second = await _account(db, "1"), await _account(db, "2")
    a = await _file(db, first)
    b = await _file(db, first)
    c = await _file(db, second)
    async with db.unit() as unit:
        await requests.set_status(unit, b, RequestStatus.CANCELLED, actor="customer", now=NOW)
    async with db.unit() as unit:
        open_ids = [r.id for r in await requests.open_requests(unit)]
        of_first = [r.id for r in await requests.of_account(unit, first)]
        open_of_first = [r.id for r in await requests.of_account(unit, first, open_only=True)]
    assert open_ids == [a, c]
    assert of_first == [b, a]
    assert open_of_first == [a]


async def test_attachments_keep_the_original_name_as_metadata(db: Database) -> None:
    request_id = await _file(db, await _account(db))
    async with db.unit() as unit:
        await requests.add_attachment(
            unit,
            request_id,
            "letter",
            "../../etc/passwd.pdf",
            "files/ab12.pdf",
            None,
            "application/pdf",
            1024,
            NOW,
        )
        await requests.add_attachment(
            unit,
            request_id,
            "write_off_act",
            "акт.jpg",
            None,
            "tg-file-1",
            "image/jpeg",
            2048,
            LATER,
        )
    async with db.unit() as unit:
        files = await requests.attachments(unit, request_id)
    assert [(f.role, f.original_name, f.stored_path) for f in files] == [
        ("letter", "../../etc/passwd.pdf", "files/ab12.pdf"),
        ("write_off_act", "акт.jpg", None),
    ]
    assert files[1].platform_file == "tg-file-1"
    assert files[1].size == 2048


async def test_first_answer_is_kept_from_the_first_time(db: Database) -> None:
    request_id = await _file(db, await _account(db))
    async with db.unit() as unit:
        assert await requests.mark_first_answer(unit, request_id, NOW) is True
        assert await requests.mark_first_answer(unit, request_id, LATER) is False
    async with db.unit() as unit:
        request = await requests.get(unit, request_id)
    assert request is not None and request.first_answer_at == NOW


async def test_rating_from_one_to_five(db: Database) -> None:
    request_id = await _file(db, await _account(db))
    with pytest.raises(ValueError, match="1 to 5"):
        async with db.unit() as unit:
            await requests.set_rating(unit, request_id, 6, NOW)
    async with db.unit() as unit:
        await requests.set_rating(unit, request_id, 5, NOW, comment="спасибо")
    async with db.unit() as unit:
        request = await requests.get(unit, request_id)
    assert request is not None
    assert (request.rating, request.rating_comment) == (5, "спасибо")

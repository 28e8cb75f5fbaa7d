"""Document reminders (docs/rules.md#document-reminders): 3 days after a request started
waiting for documents, once per period of waiting; none once the documents came."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.payloads import encode
from handlers.policy import Policy
from scheduler import jobs
from storage import accounts, requests
from storage.db import Database
from storage.models import Platform, RequestKind, RequestStatus
from tests.support.scheduler_world import local, outbox_rows

DESK = ManagerDesk.console_only()
ENTERED = date(2026, 11, 23)


async def waiting_request(db: Database, user_id: str, language: str, at: datetime) -> int:
    async with db.unit() as unit:
        account = await accounts.create(
            unit,
            Platform.VK,
            user_id,
            language=language,
            display_name=user_id,
            now=datetime(2026, 11, 1, tzinfo=UTC),
        )
        return await requests.create(
            unit,
            RequestKind.KEY_LOSS,
            account_id=account.id,
            status=RequestStatus.WAITING_DOCUMENTS,
            now=at,
        )


async def days(db: Database, policy: Policy, first: date, last: date) -> dict[date, list[str]]:
    """Run the daily job at 10:00 from ``first`` to ``last``; the chats reminded each day."""
    reminded: dict[date, list[str]] = {}
    day = first
    while day <= last:
        before = await outbox_rows(db, prefix="documents:")
        await jobs.run_document_reminders(db, policy, DESK, local(day, 10, 0, policy))
        new = (await outbox_rows(db, prefix="documents:"))[len(before) :]
        if new:
            reminded[day] = [row["chat_id"] for row in new]
        day += timedelta(days=1)
    return reminded


async def test_reminded_on_the_third_day_once_and_not_after_the_documents_came(
    db: Database, policy: Policy
) -> None:
    late_evening = local(ENTERED, 23, 30, policy)
    waiting = await waiting_request(db, "7", "ru", local(ENTERED, 15, 0, policy))
    also = await waiting_request(db, "8", "en", late_evening)
    done = await waiting_request(db, "9", "ru", local(ENTERED, 9, 0, policy))
    async with db.unit() as unit:  # both documents came on the second day
        await requests.set_status(
            unit, done, RequestStatus.NEW, actor="customer", now=local(ENTERED, 18, 0, policy)
        )
    reminded = await days(db, policy, ENTERED, ENTERED + timedelta(days=10))
    assert reminded == {date(2026, 11, 26): ["7", "8"]}
    (russian, english) = await outbox_rows(db, prefix="documents:")
    assert russian["text"].startswith(f"Заявка №{waiting} всё ещё ждёт ваших документов.")
    assert "(PDF, JPG, JPEG, PNG)" in russian["text"]
    assert english["text"].startswith(f"Request #{also} is still waiting for your documents.")
    assert russian["request_id"] == waiting
    # The reminder carries the button that takes the person back to the missing documents.
    assert encode("go", "key_loss", "docs", waiting) in russian["buttons"]
    assert f"Continue request #{also}" in english["buttons"]


async def test_a_request_sent_back_for_documents_is_reminded_again(
    db: Database, policy: Policy
) -> None:
    number = await waiting_request(db, "7", "ru", local(ENTERED, 12, 0, policy))
    await days(db, policy, ENTERED, date(2026, 11, 27))
    async with db.unit() as unit:
        await requests.set_status(
            unit,
            number,
            RequestStatus.IN_WORK,
            actor="manager:1",
            now=local(date(2026, 11, 27), 11, 0, policy),
        )
        await requests.set_status(
            unit,
            number,
            RequestStatus.WAITING_DOCUMENTS,
            actor="manager:1",
            now=local(date(2026, 11, 28), 11, 0, policy),
        )
    reminded = await days(db, policy, date(2026, 11, 28), date(2026, 12, 5))
    assert reminded == {date(2026, 12, 1): ["7"]}
    assert len(await outbox_rows(db, prefix="documents:")) == 2
    again = await jobs.run_document_reminders(
        db, policy, DESK, local(date(2026, 12, 1), 18, 0, policy)
    )
    assert str(again) == "Document reminders for 2026-12-01: nothing to do."

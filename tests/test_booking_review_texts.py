"""A backup review (docs/rules.md#remote-sessions) has no connection to the customer's
computer: the customer sends a backup and the consultant answers by phone or returns a
corrected copy. Nothing on its path (the choices, the estimate and consent, the
confirmation, the card, the reminders) warns about a remote connection, remote access or
making a backup before a session; a direct connection still gets them all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.i18n import RenderedText, recording_texts
from handlers.policy import Policy
from scheduler import jobs
from storage.db import Database
from tests.support import booking_steps
from tests.support.booking_steps import WEDNESDAY, reach_consents, rows
from tests.support.chat import Chat
from tests.support.scheduler_world import outbox_rows

#: The booking tests' fixtures: the clock at NOW, an engine with every flow.
clock, engine = booking_steps.clock, booking_steps.engine

#: Wednesday 10:00 in Moscow is 07:00 UTC; its reminders: Tuesday 10:00, Wednesday 09:00.
DAY_BEFORE = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
HOUR_BEFORE = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)

#: Texts of a direct connection only.
DIRECT_ONLY = {
    "booking.consent_access",
    "booking.consent_backup",
    "booking.agree_access",
    "booking.agree_backup",
    "booking.consent_pay",
    "booking.consent_name_access",
    "booking.consent_name_backup",
    "booking.prepare_direct",
    "booking.estimate_fee",
    "booking.estimate_no_fee",
    "reminders.session_backup_advice",
}
#: Words of a remote connection, remote access or a backup made before a session.
CONNECTION_WORDS = {
    "ru": ("подключ", "брандмауэр", "антивирус", "доступ к", "соединени", "связь может"),
    "en": ("connect", "firewall", "antivirus", "access to", "can drop"),
    "bg": ("свърз", "защитн", "антивирус", "достъп до", "може да прекъсне"),
}


async def backup_review_path(chat: Chat) -> list[RenderedText]:
    """A backup review booked by buttons for Wednesday 10:00: every text it was shown after
    choosing the kind."""
    shown: list[RenderedText] = []
    await reach_consents(chat, "backup", day=WEDNESDAY, hours=1)
    shown += chat.rendered
    while chat.said("booking.agree_pay") or chat.said("booking.agree_backup"):
        key = "booking.agree_pay" if chat.said("booking.agree_pay") else "booking.agree_backup"
        await chat.press_key(key)
        shown += chat.rendered
    await chat.press_key("booking.confirm")
    shown += chat.rendered
    await chat.press_key("booking.backup_later")
    shown += chat.rendered
    return shown


@pytest.mark.parametrize("language", ["ru", "en", "bg"])
async def test_a_backup_review_never_speaks_of_a_connection(
    engine: Engine, db: Database, policy: Policy, language: str
) -> None:
    chat = Chat(engine, language=language)
    shown = await backup_review_path(chat)
    keys = {text.key for text in shown}

    assert "booking.booked" in keys and "booking.prepare_backup" in keys
    # One consent: to pay for the consultant's time (no remote access, no backup warning).
    assert "booking.consent_pay_review" in keys
    assert not keys & DIRECT_ONLY
    customer_words = " ".join(
        text.text for text in shown if text.key.startswith("booking.")
    ).lower()
    for word in CONNECTION_WORDS[language]:
        assert word not in customer_words, word

    # The managers' card lists the one consent given.
    card = (await rows(db, "SELECT text FROM outbox WHERE chat_id = 'managers'"))[-1]["text"]
    assert "оплата затраченного времени" in card
    assert "резервная копия до сеанса" not in card and "удалённый доступ" not in card

    # The reminders ask for the backup if it has not come yet, and warn of nothing else.
    with recording_texts() as reminded:
        for now in (DAY_BEFORE, HOUR_BEFORE):
            await jobs.run_session_reminders(db, policy, ManagerDesk.console_only(), now)
    sent = [row["text"] for row in await outbox_rows(db, prefix="booking:")]
    assert len(sent) == 2
    assert {text.key for text in reminded} >= {
        "reminders.session_day_before",
        "reminders.session_hours_before",
        "reminders.session_review_advice",
    }
    assert not {text.key for text in reminded} & DIRECT_ONLY
    for text in sent:
        for word in CONNECTION_WORDS[language]:
            assert word not in text.lower(), (word, text)


async def test_a_direct_connection_keeps_its_warnings(
    engine: Engine, db: Database, policy: Policy
) -> None:
    chat = Chat(engine, language="en")
    await reach_consents(chat, "direct", day=WEDNESDAY, hours=1)
    assert chat.said_in("en", "booking.consent_pay", number=1, total=3)
    await chat.press_key("booking.agree_pay")
    assert chat.said_in("en", "booking.consent_access", number=2, total=3)
    await chat.press_key("booking.agree_access")
    assert chat.said_in("en", "booking.consent_backup", number=3, total=3)
    await chat.press_key("booking.agree_backup")
    await chat.press_key("booking.confirm")
    assert chat.said_in("en", "booking.prepare_direct")
    with recording_texts() as reminded:
        await jobs.run_session_reminders(db, policy, ManagerDesk.console_only(), HOUR_BEFORE)
    assert any(text.key == "reminders.session_backup_advice" for text in reminded)

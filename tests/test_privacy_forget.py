"""/mydata shows what is stored; /forget erases it after a confirmation, keeps the
requests anonymised, deletes the files, logs the erasure; a second /forget finds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.privacy import anonymised
from handlers.i18n import texts
from handlers.policy import Policy
from storage import requests
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat, Clock
from tests.support.linking_support import (
    MANAGERS,
    NOW,
    PETROV_PHONE,
    account_of,
    buttons_of,
    customer_by_phone,
    file_link_request,
    make_engine,
    manager_chat,
    outbox_to,
    rows,
    snapshot,
)

#: The linking tests' clock at NOW (the engine below stores files in files_dir).
clock = linking_support.clock


@pytest.fixture
def files_dir(tmp_path: Path) -> Path:
    path = tmp_path / "files"
    path.mkdir()
    return path


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock, files_dir: Path) -> Engine:
    return await make_engine(db, policy, clock, files_dir)


async def linked_person_with_requests(engine: Engine, db: Database, files_dir: Path) -> Chat:
    """Consent given, a link request approved, an invoice request with two files."""
    person = Chat(engine)
    await file_link_request(person)
    card = (await outbox_to(db, Platform.CONSOLE, MANAGERS))[0]
    manager = manager_chat(engine)
    await manager.payload(buttons_of(card)[texts("ru")("linking_desk.approve")])  # desk: ru
    await manager.press("Иван Петров")  # the customer's name: data, not wording
    await person.send("/menu")
    await person.press_key("menu.renewal")
    await person.press_key("renewal.license_button", number="L-1001")
    await person.press_key("renewal.request_invoice")
    assert person.said("renewal.invoice_filed", number=2)
    (files_dir / "f1a2b3.pdf").write_bytes(b"%PDF letter")
    async with db.unit() as unit:
        await requests.add_attachment(
            unit, 2, "letter", "Письмо Петрова.pdf", "f1a2b3.pdf", "tg-file-1", "", 11, NOW
        )
        await requests.add_attachment(
            unit, 2, "other", "акт.jpg", None, "tg-file-2", "image/jpeg", 5, NOW
        )
    return person


async def test_mydata_shows_account_customer_consent_requests_and_files(
    engine: Engine, db: Database, files_dir: Path
) -> None:
    person = await linked_person_with_requests(engine, db, files_dir)
    await person.send("/mydata")
    ru = texts("ru")
    assert person.said(
        "privacy.account",
        platform=ru("privacy.platform_telegram"),
        user="1001",
        language="русский",
        name="User 1001",
    )
    assert person.said(
        "privacy.linked",
        name="Иван Петров",
        company="ООО «Мебель-Про»",
        phone="+79990001122",
        email="ivan.petrov@mebel-pro.example",
        method=ru("privacy.method_manager"),
    )
    assert person.said("privacy.consent_given", when="23.11.2026 12:00", version="2026-11-01")
    assert person.said("privacy.requests", count=2)
    assert person.said(
        "privacy.request_line",
        number=2,
        kind=ru("desk.kind_renewal"),
        status=ru("desk.status_new"),
    )
    assert person.said(
        "privacy.request_line",
        number=1,
        kind=ru("desk.kind_link"),
        status=ru("desk.status_done"),
    )
    assert person.said("privacy.files", count=2)
    assert person.said("privacy.how_to_forget")


async def test_mydata_in_english_for_a_newcomer(engine: Engine) -> None:
    person = Chat(engine, language="en")
    await person.send("/mydata")
    platform = texts("en")("privacy.platform_telegram")
    assert person.said_in(
        "en", "privacy.account", platform=platform, user="1001", language="English"
    )
    assert person.said_in("en", "privacy.not_linked")
    assert person.said_in("en", "privacy.consent_none")
    assert person.said_in("en", "privacy.no_requests")
    assert person.said_in("en", "privacy.files", count=0)


async def test_mydata_mid_conversation_repeats_the_question(engine: Engine) -> None:
    person = Chat(engine)
    await person.send("/start")
    await person.press_key("linking.menu")
    await person.press_key("linking.by_license")
    await person.send("/mydata")
    assert person.said("privacy.mydata_title")
    assert person.said("linking.ask_license")
    await person.send("L-1001")
    assert person.said("linking.ask_serial")


async def test_forget_erases_anonymises_deletes_files_and_logs(
    engine: Engine, db: Database, files_dir: Path
) -> None:
    person = await linked_person_with_requests(engine, db, files_dir)
    petrov = await customer_by_phone(db, PETROV_PHONE)
    before_requests = await rows(db, "SELECT id, kind, status, amount FROM requests")

    await person.send("/forget")
    # It asks first, saying the vendor's customer record stays.
    assert person.said("privacy.forget_confirm")
    await person.press_key("privacy.forget_yes")
    assert person.said("privacy.forgotten", requests=2, files=2)
    # golden: the exact wording
    assert (
        "Готово: согласие отозвано, персональные данные удалены (обезличены 2 заявки, "
        "удалены 2 файла). Удаление записано в журнал." in person.text
    )

    account = await account_of(db, person)
    assert account.customer_id is None and account.linked_by is None
    assert account.consent_at is None and account.consent_version is None
    assert account.display_name == ""
    # Requests stay with kind, status and amount; their personal fields are gone.
    assert await rows(db, "SELECT id, kind, status, amount FROM requests") == before_requests
    for row in await rows(db, "SELECT details FROM requests"):
        details = row["details"]
        for personal in ("Иван Петров", "+79990001122", "Мебель-Про", "User 1001"):
            assert personal not in details
    link_details = json.loads(
        (await rows(db, "SELECT details FROM requests WHERE id = 1"))[0]["details"]
    )
    assert link_details["name"] == "***" and link_details["phone"] == "***"
    renewal = json.loads(
        (await rows(db, "SELECT details FROM requests WHERE id = 2"))[0]["details"]
    )
    assert renewal["license"] == "L-1001" and renewal["product"] == "Базис-Отчёт"
    # Files: names and handles blanked, the stored copy deleted.
    attachments = await rows(
        db, "SELECT original_name, stored_path, platform_file FROM attachments"
    )
    assert attachments == [{"original_name": "", "stored_path": None, "platform_file": None}] * 2
    assert not (files_dir / "f1a2b3.pdf").exists()
    # The erasure is recorded, without personal data.
    [entry] = await rows(db, "SELECT account_id, action, erased FROM privacy_log")
    assert (entry["account_id"], entry["action"]) == (account.id, "erasure")
    erased = json.loads(entry["erased"])
    assert erased["requests_anonymised"] == 2 and erased["files"] == 2
    assert erased["unlinked_customer"] == petrov.id
    assert "Петров" not in entry["erased"]
    # The vendor's customer master record is untouched.
    assert await customer_by_phone(db, PETROV_PHONE) == petrov

    # A second /forget: nothing left, nothing changes.
    before = await snapshot(db)
    await person.send("/forget")
    assert person.said("privacy.nothing_left")
    assert await snapshot(db) == before

    await person.send("/mydata")
    assert person.said("privacy.not_linked") and person.said("privacy.consent_none")
    assert person.said("privacy.erased_before", when="23.11.2026 12:00")


async def test_forget_in_english_can_be_declined(engine: Engine, db: Database) -> None:
    person = Chat(engine, language="en")
    await file_link_request(person)
    await person.send("/forget")
    assert person.said_in("en", "privacy.forget_confirm")
    before = await snapshot(db)
    await person.send("yes")
    assert person.said_in("en", "privacy.confirm_hint")
    await person.press_key("privacy.forget_no")
    assert person.said_in("en", "privacy.forget_kept")
    assert await snapshot(db) == before

    await person.send("/forget")
    await person.press_key("privacy.forget_yes")
    assert person.said_in("en", "privacy.forgotten")
    [request] = await rows(db, "SELECT status, details FROM requests")
    assert request["status"] == "cancelled"  # nobody may link the account any more
    assert "Иван Петров" not in request["details"]
    manager = manager_chat(engine)
    await manager.payload(encode("linking_desk.approve", 1))
    assert manager.said(
        "linking_desk.closed", number=1, status=texts("ru")("desk.status_cancelled")
    )

    await person.send("/forget")
    assert person.said_in("en", "privacy.nothing_left")


async def test_a_stored_path_outside_the_files_folder_is_never_deleted(
    engine: Engine, db: Database, files_dir: Path, tmp_path: Path
) -> None:
    person = Chat(engine)
    await file_link_request(person)
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    async with db.unit() as unit:
        await requests.add_attachment(
            unit, 1, "other", "x.pdf", "../precious.txt", None, "", 1, NOW
        )
    await person.send("/forget")
    await person.press_key("privacy.forget_yes")
    assert outside.read_text() == "keep me"
    [attachment] = await rows(db, "SELECT stored_path FROM attachments")
    assert attachment["stored_path"] is None


def test_anonymised_erases_personal_fields_at_any_depth_and_keeps_the_rest() -> None:
    details = {
        "who": "Иван Петров (ООО «Мебель-Про»), +79990001122",
        "topic": "key_loss",
        "delivery": {"address": "Москва, ул. Ленина, 1", "recipient_name": "Иван", "days": 3},
        "card": [
            ["key_loss.card_key", {"serial": "3-1234567"}],
            ["key_loss.card_delivery", {"address": "Москва", "price": {"money": "600"}}],
            ["renewal.card_rate", {"rate": {"text": "renewal.rate_name_standard"}}],
            ["transfer.card_modules_rejected", {"manager": {"person": "Ольга", "messenger": "vk"}}],
            ["reminders.task_card_reason", {"channels": {"messengers": "telegram,vk"}}],
        ],
        "amount_in_lines": True,
    }
    assert anonymised(details, "2026-11-23T09:00:00+00:00") == {
        "who": "***",
        "topic": "key_loss",
        "delivery": {"address": "***", "recipient_name": "***", "days": 3},
        "card": [
            ["key_loss.card_key", {"serial": "3-1234567"}],
            ["key_loss.card_delivery", {"address": "***", "price": {"money": "600"}}],
            ["renewal.card_rate", {"rate": {"text": "renewal.rate_name_standard"}}],
            ["transfer.card_modules_rejected", {"manager": {"person": "Ольга", "messenger": "vk"}}],
            ["reminders.task_card_reason", {"channels": {"messengers": "telegram,vk"}}],
        ],
        "amount_in_lines": True,
        "erased_at": "2026-11-23T09:00:00+00:00",
    }


async def test_forget_blanks_updates_set_aside_for_the_chat(engine: Engine, db: Database) -> None:
    """A message that kept failing is kept for the operators; /forget blanks it too."""
    from storage import inbox

    chat = Chat(engine)
    await chat.send("/start")
    async with db.unit() as unit:
        await inbox.store(
            unit,
            Platform.TELEGRAM,
            [("77", chat.user_id, {"message": {"text": "+79991234567"}})],
            now=NOW,
        )
        await unit.execute("UPDATE inbox SET status = 'set_aside' WHERE update_key = '77'")
        await inbox.store(
            unit, Platform.TELEGRAM, [("78", "other", {"message": {"text": "x"}})], now=NOW
        )
        await unit.execute("UPDATE inbox SET status = 'set_aside' WHERE update_key = '78'")
    await chat.send("/forget")
    await chat.press_key("privacy.forget_yes")
    async with db.unit() as unit:
        kept = {
            row["update_key"]: row["body"]
            for row in await unit.fetchall("SELECT update_key, body FROM inbox")
        }
    assert kept == {"77": "{}", "78": '{"message":{"text":"x"}}'}

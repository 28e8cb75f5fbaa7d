"""Chats saved by the version before typed flow data go on: for each customer flow that
keeps data between its steps (call-back, consent, relay, rating, linking, link request), a
conversation state in the exact JSON shape that version wrote is saved with
``storage.conversations.save`` and the next message continues it; keys this version does
not know are kept; the request details written keep their keys."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.policy import Policy
from storage import conversations
from storage.db import Database
from storage.models import ConversationState, Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    engine_at,
    file_renewal,
    last_to,
    manager_cards,
    request_row,
    requests_filed,
)

TG = Platform.TELEGRAM
# Friday 27 Nov 2026, 19:00 in Moscow: the next working morning is Monday 30 Nov 09:00.
FRIDAY_EVENING = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
MONDAY_MORNING = "2026-11-30T09:00:00+03:00"
PETROV_PHONE = "+79990001122"

#: The desk world's fixtures: the clock at NOW (Monday noon), the demo data, every flow.
clock, engine = desk_world.clock, desk_world.engine


async def save_state(db: Database, chat: Chat, flow: str, step: str, data: dict[str, Any]) -> None:
    """The chat as the earlier version left it (the account exists: /start was sent)."""
    async with db.unit() as unit:
        await conversations.save(
            unit,
            chat.platform,
            chat.user_id,
            ConversationState(flow, step, data),
            now=desk_world.NOW,
        )


async def state(db: Database, chat: Chat) -> ConversationState:
    async with db.unit() as unit:
        return await conversations.load(unit, chat.platform, chat.user_id)


async def account_row(db: Database, chat: Chat) -> dict[str, Any]:
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT customer_id, linked_by, consent_at FROM accounts "
            "WHERE platform = ? AND user_id = ?",
            (chat.platform.value, chat.user_id),
        )
    assert row is not None
    return dict(row)


async def started(engine: Engine) -> Chat:
    chat = Chat(engine)
    await chat.send("/start")
    return chat


# -- the call-back flow ------------------------------------------------------------------


async def test_a_call_back_saved_at_the_topic_with_a_morning_is_filed(
    db: Database, policy: Policy
) -> None:
    chat = await started(await engine_at(db, policy, FRIDAY_EVENING))
    when = {"choice": "morning", "at": MONDAY_MORNING}
    await save_state(db, chat, "callback", "topic", {"phone": "+79991234567", "when": when})

    await chat.payload(encode("callback.topic", "key"))

    assert chat.said("callback.filed", number=1)
    assert chat.said("callback.expect_at", phone="+79991234567")
    [request] = await requests_filed(db)
    details = request["details"]
    assert (details["phone"], details["topic"]) == ("+79991234567", "key")
    assert details["when"] == when
    assert details["left_outside_hours"] is True
    assert request["due_at"] == "2026-11-30T06:00:00+00:00"
    [card] = await manager_cards(db)
    assert "Удобное время: с 30.11.2026 09:00" in card and "Тема: ключ защиты" in card
    assert await state(db, chat) == ConversationState()


async def test_a_call_back_saved_with_a_typed_time_takes_a_typed_topic(
    db: Database, policy: Policy
) -> None:
    chat = await started(await engine_at(db, policy, FRIDAY_EVENING))
    when = {"choice": "typed", "text": "во вторник после 15:00"}
    await save_state(db, chat, "callback", "topic", {"phone": "+79991234567", "when": when})

    await chat.send("Отчёт не открывается")

    assert chat.said("callback.expect_typed", when="во вторник после 15:00")
    [request] = await requests_filed(db)
    details = request["details"]
    assert details["when"] == when
    assert (details["topic"], details["topic_text"]) == ("typed", "Отчёт не открывается")
    [card] = await manager_cards(db)
    assert "Удобное время (со слов клиента): во вторник после 15:00" in card
    assert "Тема: Отчёт не открывается" in card


#: What ``offer_callback`` kept for a renewal quote's "Ask a manager" after hours.
RENEWAL_ABOUT: dict[str, Any] = {
    "topic": "renewal",
    "card": [["renewal.card_product", {"product": "Мебель-Про 3D", "license": "—"}]],
    "license_id": None,
    "amount": "7990.00",
    "details": {
        "topic": "renewal",
        "product": "Мебель-Про 3D",
        "license": None,
        "rate": "preferential",
        "amount_in_lines": True,
    },
}


async def test_an_offered_call_back_saved_at_the_time_is_filed_with_what_was_asked_about(
    db: Database, policy: Policy
) -> None:
    chat = await started(await engine_at(db, policy, FRIDAY_EVENING))
    data = {"about": RENEWAL_ABOUT, "phone": "+79991234567"}
    await save_state(db, chat, "callback", "when", data)

    await chat.payload(encode("callback.when", "any"))

    assert chat.said("callback.filed", number=1)  # the topic is known: not asked
    [request] = await requests_filed(db)
    assert Decimal(str(request["amount"])) == Decimal("7990.00")
    assert request["license_id"] is None
    details = request["details"]
    assert details["topic"] == "renewal" and details["phone"] == "+79991234567"
    assert details["when"]["choice"] == "any" and details["when"].get("at") is None
    # The asking flow's details are kept as they were.
    assert details["product"] == "Мебель-Про 3D" and details["rate"] == "preferential"
    assert details["amount_in_lines"] is True and details["license"] is None
    assert details["card"][-2:] == [
        ["renewal.card_product", {"product": "Мебель-Про 3D", "license": "—"}],
        ["callback.card_next_morning", details["card"][-1][1]],
    ]
    [card] = await manager_cards(db)
    assert "Продукт: Мебель-Про 3D, лицензия —" in card and "Тема: продление" in card


async def test_a_call_back_keeps_a_key_it_does_not_know(db: Database, policy: Policy) -> None:
    chat = await started(await engine_at(db, policy, FRIDAY_EVENING))
    data = {"phone": "+79991234567", "campaign": {"source": "newsletter", "n": 3}}
    await save_state(db, chat, "callback", "when", data)

    await chat.payload(encode("callback.when", "morning"))

    assert chat.said("callback.ask_topic")
    kept = await state(db, chat)
    assert (kept.flow, kept.step) == ("callback", "topic")
    assert kept.data == {
        "phone": "+79991234567",
        "campaign": {"source": "newsletter", "n": 3},
        "when": {"choice": "morning", "at": MONDAY_MORNING},
    }
    await chat.payload(encode("callback.topic", "other"))
    assert chat.said("callback.filed", number=1)


# -- consent, interrupting another flow -------------------------------------------------


async def test_consent_saved_midway_resumes_the_flow_at_its_step_with_its_data(
    db: Database, policy: Policy
) -> None:
    chat = await started(await engine_at(db, policy, FRIDAY_EVENING))
    resume_data = {"about": RENEWAL_ABOUT, "left_by": "an older step"}
    await save_state(
        db,
        chat,
        "consent",
        "ask",
        {"resume": "callback", "resume_step": "phone", "resume_data": resume_data},
    )

    await chat.payload(encode("consent.yes"))

    assert chat.said("consent.thanks") and chat.said("callback.ask_phone")
    assert (await account_row(db, chat))["consent_at"] is not None
    assert await state(db, chat) == ConversationState("callback", "phone", resume_data)
    await chat.send("+7 999 123 45 67")
    await chat.payload(encode("callback.when", "any"))
    [request] = await requests_filed(db)
    assert request["details"]["product"] == "Мебель-Про 3D"
    assert request["details"]["phone"] == "+79991234567"


async def test_consent_saved_before_a_flow_starts_it_from_its_beginning(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    await save_state(db, chat, "consent", "ask", {"resume": "link_request"})

    await chat.payload(encode("consent.yes"))

    assert chat.said("link_request.ask_name")
    assert await state(db, chat) == ConversationState("link_request", "name", {})


async def test_consent_saved_outside_any_flow_is_recorded(engine: Engine, db: Database) -> None:
    chat = await started(engine)
    await save_state(db, chat, "consent", "ask", {})

    await chat.payload(encode("consent.yes"))

    assert chat.said("consent.recorded")
    assert await state(db, chat) == ConversationState()


async def test_consent_declined_keeps_nothing_of_the_interrupted_flow(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    await save_state(
        db,
        chat,
        "consent",
        "ask",
        {"resume": "callback", "resume_step": "phone", "resume_data": {"about": RENEWAL_ABOUT}},
    )

    await chat.payload(encode("consent.no"))

    assert chat.said("consent.declined")
    assert await state(db, chat) == ConversationState()
    assert (await account_row(db, chat))["consent_at"] is None


# -- relay: follow-ups to a request ----------------------------------------------------


async def test_a_reply_saved_with_its_request_reaches_the_thread(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    number = await file_renewal(db, chat)
    await save_state(db, chat, "relay", "message", {"request_id": number})

    await chat.send("Счёт нужен на ООО")

    assert chat.said("relay.sent", number=number)
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.request_id == number and relayed.text.endswith("Счёт нужен на ООО")
    assert "User 1001 (Telegram)" in relayed.text  # who filed it, from the details
    assert await state(db, chat) == ConversationState()


async def test_a_message_saved_waiting_for_its_request_follows_the_pick(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    first = await file_renewal(db, chat)
    await file_renewal(db, chat)
    pending = {
        "text": "Акт во вложении",
        "files": [["tg-file-act.pdf", "act.pdf", 20000, "application/pdf"]],
    }
    await save_state(db, chat, "relay", "pick", {"pending": pending})

    await chat.payload(encode("relay.pick", first))

    assert chat.said("relay.sent", number=first)
    relayed = await last_to(db, *CONSOLE_DESK)
    assert relayed.request_id == first and "Акт во вложении" in relayed.text
    assert "act.pdf" in relayed.text
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT request_id, original_name, platform_file, size FROM attachments"
        )
    assert row is not None
    assert tuple(row) == (first, "act.pdf", "tg-file-act.pdf", 20000)
    assert await state(db, chat) == ConversationState()


# -- rating: the comment ------------------------------------------------------------------


async def test_a_rating_saved_waiting_for_its_comment_takes_it(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    number = await file_renewal(db, chat)
    await console_manager(engine).payload(encode("desk_actions.done", number))
    await save_state(db, chat, "rating", "comment", {"request_id": number, "rating": 2})

    await chat.send("Долго ждал")

    assert chat.said("rating.thanks_low")
    row = await request_row(db, number)
    assert (row["rating"], row["rating_comment"]) == (2, "Долго ждал")
    alert = await last_to(db, *CONSOLE_DESK)  # 2 is low: the comment follows the alert
    assert alert.text.endswith("Долго ждал") and "User 1001 (Telegram)" in alert.text
    assert await state(db, chat) == ConversationState()


# -- linking and the link request ------------------------------------------------------


async def test_linking_saved_after_the_license_number_links_by_the_serial(
    engine: Engine, db: Database
) -> None:
    chat = await started(engine)
    await save_state(db, chat, "linking", "serial", {"license": "L-1001"})

    await chat.send("3-1234567")

    assert chat.said("linking.linked")
    account = await account_row(db, chat)
    assert account["customer_id"] is not None and account["linked_by"] == "license"
    assert await state(db, chat) == ConversationState()


async def test_a_link_request_saved_at_the_license_is_filed(engine: Engine, db: Database) -> None:
    chat = await started(engine)
    data = {"name": "Иван Петров", "company": "", "phone": PETROV_PHONE}
    await save_state(db, chat, "link_request", "license", data)

    await chat.send("L-1001")

    assert chat.said("link_request.filed", number=1)
    [request] = await requests_filed(db)
    assert request["kind"] == "link"
    details = {key: request["details"][key] for key in ("topic", "name", "company", "phone")}
    assert details == {"topic": "link", "name": "Иван Петров", "company": "", "phone": PETROV_PHONE}
    assert request["details"]["license"] == "L-1001"
    [card] = await manager_cards(db)
    assert "Имя: Иван Петров" in card and f"Телефон: {PETROV_PHONE}" in card


async def test_a_link_request_keeps_a_key_it_does_not_know(engine: Engine, db: Database) -> None:
    chat = await started(engine)
    data = {"name": "Иван Петров", "company": "Мебель-Про", "referrer": "site"}
    await save_state(db, chat, "link_request", "phone", data)

    await chat.send("+7 999 000 11 22")

    assert chat.said("link_request.ask_license")
    assert await state(db, chat) == ConversationState(
        "link_request", "license", {**data, "phone": PETROV_PHONE}
    )
    await chat.payload(encode("link_request.skip"))
    [request] = await requests_filed(db)
    assert request["details"]["company"] == "Мебель-Про"
    assert request["details"]["license"] == ""  # skipped: written as empty, as before

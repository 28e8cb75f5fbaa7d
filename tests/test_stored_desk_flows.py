"""The manager flows hold typed records between steps (``DeskActionsData``, ``InviteData``,
``LinkingDeskData``): a chat whose state was saved before, in the JSON shape the code has
always written (or an older one), continues with its next message, and a key this version
does not know is written back as it was. Requests' details are read the same way
(``RequestDetails``, ``LinkRequestDetails``)."""

from __future__ import annotations

from typing import Any

from handlers.desk.cards import RequestDetails
from handlers.desk.desk_actions import AwaitedText, DeskActionsData, awaited_text
from handlers.desk.invite import InviteData
from handlers.desk.linking_desk import LinkingDeskData
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Incoming, Reply
from handlers.flows.link_request import LinkRequestDetails
from handlers.i18n import RenderedText, recording_texts
from storage import conversations
from storage.db import Database
from storage.models import ConversationState, Platform
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    CONSOLE_DESK,
    NOW,
    console_manager,
    events_of,
    file_renewal,
    last_to,
    request_row,
)
from tests.support.linking_support import (
    PETROV_PHONE,
    account_of,
    customer_by_phone,
    outbox_to,
    rows,
)

TG = Platform.TELEGRAM
GROUP = "-100500"

clock, engine = desk_world.clock, desk_world.engine


async def save_state(
    db: Database, platform: Platform, chat_id: str, flow: str, step: str, data: dict[str, Any]
) -> None:
    async with db.unit() as unit:
        await conversations.save(
            unit, platform, chat_id, ConversationState(flow, step, data), now=NOW
        )


async def load_state(db: Database, platform: Platform, chat_id: str) -> ConversationState:
    async with db.unit() as unit:
        return await conversations.load(unit, platform, chat_id)


async def in_group(engine: Engine, user_id: str, text: str) -> list[str]:
    """A manager's text in a shared Telegram manager chat; the keys of what the bot said."""
    with recording_texts() as rendered:
        await engine.handle(
            Incoming(
                TG,
                GROUP,
                user_id,
                text=text,
                language="ru",
                display_name=f"Manager {user_id}",
                from_manager=True,
            )
        )
    return [text.key for text in rendered]


async def resume_console(engine: Engine) -> tuple[list[Reply], list[RenderedText]]:
    """What the console manager sees on opening the chat again (the current question),
    and the texts rendered for it."""
    with recording_texts() as rendered:
        replies = await engine.resume(*CONSOLE_DESK, "managers", from_manager=True)
    assert replies, "the manager's chat is in no step"
    return replies, rendered


async def manager_who_wrote_before(engine: Engine) -> Chat:
    """The console manager, with the account their earlier messages made."""
    manager = console_manager(engine)
    await manager.send("/start")
    return manager


async def file_link_request(db: Database, chat: Chat) -> int:
    """A link request through consent and the questions (the license skipped)."""
    await chat.send("/menu")
    await chat.press("Привязать мой аккаунт")
    await chat.press("Заявка менеджеру")
    await chat.press("Согласен")
    await chat.send("Иван Петров")
    await chat.send("Мебель-Про")
    await chat.send("+7 999 000 11 22")
    await chat.press("Пропустить")
    [request] = await rows(db, "SELECT MAX(id) AS id FROM requests")
    return int(request["id"])


# -- desk_actions: "Reply" and "Reject" wait for the manager's text ---------------------------


async def test_a_manager_mid_reply_saved_before_sends_the_answer_with_the_next_text(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await save_state(
        db, *CONSOLE_DESK, "desk_actions", "reply", {"request_id": number, "by": "managers"}
    )
    manager = console_manager(engine)
    await manager.send("Счёт выставлен, проверьте почту.")
    assert manager.said("desk_actions.reply_sent", number=number)
    answer = await last_to(db, TG, "1001")
    assert answer.text == (
        f"Ответ по заявке №{number}, менеджер User managers:\nСчёт выставлен, проверьте почту."
    )
    assert (await request_row(db, number))["status"] == "waiting_customer"
    assert await load_state(db, *CONSOLE_DESK) == ConversationState()


async def test_a_reject_saved_by_the_older_version_takes_the_reason(
    engine: Engine, db: Database
) -> None:
    """Under the flow's former name, ``by`` stored as a number."""
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    await save_state(db, TG, "42", "desk", "reject_reason", {"request_id": number, "by": 42})
    manager = Chat(engine, user_id="42", manager=True)
    await manager.send("Нет такой лицензии")
    assert manager.said("desk_actions.rejected", number=number)
    assert (await request_row(db, number))["status"] == "rejected"
    told = await last_to(db, TG, "1001")
    assert "Нет такой лицензии" in told.text
    assert await load_state(db, TG, "42") == ConversationState()


async def test_a_shared_chat_keeps_waiting_for_the_one_who_pressed_and_an_unknown_key(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    saved = {"request_id": number, "by": "m1", "draft": "Добрый день"}
    await save_state(db, TG, GROUP, "desk_actions", "reply", saved)
    assert await awaited(db, GROUP) == AwaitedText(number, "m1", answer=True)
    events = await events_of(db, number)

    said = await in_group(engine, "m2", "коллеги, я на обед")
    assert "desk_actions.someone_else_writing" in said
    assert await load_state(db, TG, GROUP) == ConversationState("desk_actions", "reply", saved)
    assert await events_of(db, number) == events  # nothing recorded

    said = await in_group(engine, "m1", "Счёт готов")
    assert "desk_actions.reply_sent" in said
    assert (await last_to(db, TG, "1001")).text.endswith("Счёт готов")


async def awaited(db: Database, chat_id: str) -> AwaitedText | None:
    async with db.unit() as unit:
        return await awaited_text(unit, TG, chat_id)


def test_desk_actions_data_reads_every_shape_it_was_stored_in() -> None:
    assert DeskActionsData.from_stored({"request_id": 7, "by": "m1"}) == DeskActionsData(
        request_id=7, by="m1"
    )
    assert DeskActionsData.from_stored({"request_id": 7, "by": 42}).by == "42"
    assert DeskActionsData.from_stored({"request_id": 7}).by is None
    written = DeskActionsData(request_id=7, by="m1").to_stored()
    assert written == {"request_id": 7, "by": "m1"}
    kept = DeskActionsData.from_stored({"request_id": 7, "by": "m1", "draft": "x"})
    assert kept.to_stored() == {"request_id": 7, "by": "m1", "draft": "x"}


# -- invite: a search in progress ----------------------------------------------------------


async def test_an_invite_search_saved_before_is_asked_again_and_its_pick_invites(
    engine: Engine, db: Database
) -> None:
    manager = await manager_who_wrote_before(engine)
    await save_state(db, *CONSOLE_DESK, "invite", "customer", {"query": "петров"})
    manager.replies, rendered = await resume_console(engine)
    assert any(text.key == "invite.found" and text.values["query"] == "петров" for text in rendered)
    await manager.press("Иван Петров")
    assert manager.said("invite.created")
    [invitation] = await rows(db, "SELECT customer_id FROM invitations")
    assert invitation["customer_id"] == (await customer_by_phone(db, PETROV_PHONE)).id
    assert await load_state(db, *CONSOLE_DESK) == ConversationState()


async def test_a_new_invite_search_keeps_a_key_this_version_does_not_know(
    engine: Engine, db: Database
) -> None:
    await save_state(db, *CONSOLE_DESK, "invite", "customer", {"query": "петров", "page": 2})
    manager = console_manager(engine)
    await manager.send("L-1004")
    assert manager.said("invite.found", query="L-1004")
    assert await load_state(db, *CONSOLE_DESK) == ConversationState(
        "invite", "customer", {"query": "L-1004", "page": 2}
    )
    assert InviteData.from_stored({"query": "L-1004", "page": 2}).query == "L-1004"
    assert InviteData().to_stored() == {}  # "/invite" alone stores no query, as before


# -- linking_desk: approve (which customer?) and reject (why?) -------------------------------


async def test_a_link_rejection_reason_awaited_before_reaches_the_person(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, user_id="1001")
    number = await file_link_request(db, person)
    await save_state(db, *CONSOLE_DESK, "linking_desk", "reason", {"request_id": number})
    manager = console_manager(engine)
    await manager.send("Клиент с такими данными не найден")
    assert manager.said("linking_desk.rejected", number=number)
    [told] = await outbox_to(db, TG, person.user_id)
    assert "Причина: Клиент с такими данными не найден" in told["text"]
    assert (await request_row(db, number))["status"] == "rejected"
    assert await load_state(db, *CONSOLE_DESK) == ConversationState()


async def test_a_link_approval_mid_search_continues_and_keeps_an_unknown_key(
    engine: Engine, db: Database
) -> None:
    person = Chat(engine, user_id="1001")
    number = await file_link_request(db, person)
    saved = {"request_id": number, "query": "Несуществующий", "hint": "x"}
    manager = await manager_who_wrote_before(engine)
    await save_state(db, *CONSOLE_DESK, "linking_desk", "customer", saved)

    _, rendered = await resume_console(engine)
    summary = [text for text in rendered if text.key == "linking_desk.request_summary"]
    assert summary and summary[0].values == {
        "number": number,
        "name": "Иван Петров",
        "company": "Мебель-Про",
        "phone": "+79990001122",
        "license": "—",
    }
    assert any(text.key == "linking_desk.nothing_found" for text in rendered)

    await manager.send("L-1004")
    assert manager.said("linking_desk.found", query="L-1004")
    assert await load_state(db, *CONSOLE_DESK) == ConversationState(
        "linking_desk", "customer", {"request_id": number, "query": "L-1004", "hint": "x"}
    )
    await manager.press("Анна Сидорова")
    assert manager.said("linking_desk.approved", number=number)
    assert (await account_of(db, person)).linked_by == "manager"
    assert await load_state(db, *CONSOLE_DESK) == ConversationState()


async def test_link_approval_without_a_search_suggests_from_the_request_details(
    engine: Engine, db: Database
) -> None:
    """``{"request_id": N}`` as "Approve" stores it: the suggestions come from what the
    person typed (the details, read as ``LinkRequestDetails``)."""
    number = await file_link_request(db, Chat(engine, user_id="1001"))
    await manager_who_wrote_before(engine)
    await save_state(db, *CONSOLE_DESK, "linking_desk", "customer", {"request_id": number})
    replies, rendered = await resume_console(engine)
    assert any(text.key == "linking_desk.suggested" for text in rendered)
    labels = [button.label for reply in replies for row in reply.buttons for button in row]
    assert any(label.startswith("Иван Петров (ООО «Мебель-Про»)") for label in labels)
    assert LinkingDeskData.from_stored({"request_id": number}) == LinkingDeskData(request_id=number)


async def test_request_details_read_as_records(engine: Engine, db: Database) -> None:
    number = await file_link_request(db, Chat(engine, user_id="1001"))
    details = (await desk_world.requests_filed(db))[-1]["details"]
    common = RequestDetails.from_stored(details)
    assert common.topic == "link"
    assert common.who == {"name": "User 1001", "messenger": "telegram"}
    assert [line[0] for line in common.card] == [
        "link_request.card_name",
        "link_request.card_company",
        "link_request.card_phone",
        "link_request.card_license",
    ]
    assert not common.amount_in_lines
    assert set(common.unknown) == {"name", "company", "phone", "license"}
    link = LinkRequestDetails.from_stored(details)
    assert (link.name, link.company, link.phone, link.license) == (
        "Иван Петров",
        "Мебель-Про",
        "+79990001122",
        "",
    )
    # A request filed before who had parts kept it as text: read as it is.
    assert RequestDetails.from_stored({"who": "Иван (telegram:1001)"}).who == (
        "Иван (telegram:1001)"
    )
    assert number > 0

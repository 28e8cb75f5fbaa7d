"""One name per flow: its module, its text section and catalogue file, its buttons' prefix
are the flow's name; and a rename keeps what was saved or sent under the old name working
(a conversation in progress, a button on an old message, a card line stored with its text
key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Flow, FlowError, Flows
from handlers.engine.payloads import encode, parse
from handlers.flow_list import default_flows, document_flows
from handlers.i18n import FORMER_SECTIONS, LANGUAGES, catalogue_files, message_ids, texts
from storage import conversations
from storage.db import Database
from storage.models import ConversationState, Platform, RequestKind
from tests.support import desk_world
from tests.support.chat import Chat
from tests.support.desk_world import (
    CONSOLE_DESK,
    console_manager,
    file_renewal,
    last_to,
    payloads,
    request_row,
)
from tests.support.desk_world import state_of as chat_state_of

CATALOGUES = Path(__file__).resolve().parent.parent / "handlers" / "i18n"
clock, engine = desk_world.clock, desk_world.engine


def _module_name(flow: Flow) -> str:
    """``handlers.flows.renewal`` → ``renewal``; a package's module → the package."""
    parts = type(flow).__module__.split(".")
    assert parts[:2] in (["handlers", "flows"], ["handlers", "desk"]), parts
    return parts[2]


@pytest.mark.parametrize("flow", default_flows(), ids=lambda flow: flow.name)
def test_a_flow_its_module_and_its_catalogue_share_one_name(flow: Flow) -> None:
    assert _module_name(flow) == flow.name
    for language in LANGUAGES:
        assert (CATALOGUES / language / f"{flow.name}.ftl").is_file(), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalogue_file_holds_only_its_own_section(language: str) -> None:
    """``renewal.ftl`` holds ``renewal-…``; common.ftl also the engine's menu and language
    texts."""
    for path in catalogue_files(CATALOGUES, language):
        own = {path.stem, "menu", "language"} if path.stem == "common" else {path.stem}
        strays = [i for i in message_ids([path]) if i.split("-", 1)[0] not in own]
        assert strays == [], path.name


def test_the_document_reminder_finds_each_flow_by_its_request_kind() -> None:
    assert dict(document_flows()) == {
        RequestKind.KEY_LOSS: "key_loss",
        RequestKind.TRANSFER: "transfer",
    }


def test_every_former_name_of_a_flow_is_a_former_text_section() -> None:
    renamed = {former: flow.name for flow in default_flows() for former in flow.former_names}
    assert renamed == {
        "keyloss": "key_loss",
        "transferdesk": "transfer_desk",
        "desk": "desk_actions",
    }
    # "desk" stays a section of its own (the card texts); the other two moved with the flow.
    assert {k: v for k, v in renamed.items() if k != "desk"} == FORMER_SECTIONS


def test_a_former_name_taken_by_another_flow_stops_the_start() -> None:
    class Old(Flow):
        name = "old"

    class New(Flow):
        name = "new"
        former_names = ("old",)

    with pytest.raises(FlowError, match="former name 'old' is taken"):
        Flows([Old(), New()])


def test_a_button_sent_before_the_rename_reads_as_the_flow_reads_it_now() -> None:
    flows = Flows(default_flows())
    assert flows.current_payload(parse("1:keyloss.key:7")) == parse("1:key_loss.key:7")
    assert flows.current_payload(parse("1:go:keyloss:docs:5")) == parse("1:go:key_loss:docs:5")
    assert flows.current_payload(parse("1:desk.take:12")) == parse("1:desk_actions.take:12")
    assert flows.current_payload(parse("1:renewal.lic:3")) == parse("1:renewal.lic:3")
    assert flows["keyloss"] is flows["key_loss"] and "transferdesk" in flows
    assert "keyloss" not in list(flows)  # the menu lists current names only


async def test_a_conversation_saved_under_a_former_name_goes_on(
    engine: Engine, db: Database
) -> None:
    customer = Chat(engine, user_id="1001")
    await customer.send("/start")
    async with db.unit() as unit:
        await conversations.save(
            unit,
            Platform.TELEGRAM,
            "1001",
            ConversationState("keyloss", "pick_key", {}),
            now=desk_world.NOW,
        )
    await customer.send("что-то не то")
    assert customer.said("key_loss.pick_key_hint")
    assert await chat_state_of(db, Platform.TELEGRAM, "1001") == ("key_loss", "pick_key")

    await customer.send("/menu")
    await customer.payload("1:go:keyloss")
    assert await chat_state_of(db, Platform.TELEGRAM, "1001") == ("key_loss", "pick_key")


async def test_a_card_sent_before_the_rename_still_takes_the_request(
    engine: Engine, db: Database
) -> None:
    number = await file_renewal(db, Chat(engine, user_id="1001"))
    assert encode("desk_actions.take", number) in payloads(await last_to(db, *CONSOLE_DESK))
    manager = console_manager(engine)
    await manager.payload(f"1:desk.take:{number}")
    assert manager.said("desk_actions.taken", number=number)
    assert (await request_row(db, number))["status"] == "in_work"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_card_line_stored_with_a_former_section_reads_as_today(language: str) -> None:
    t = texts(language)
    assert t("keyloss.card_serial_typed", serial="3-1") == t(
        "key_loss.card_serial_typed", serial="3-1"
    )
    assert t("transferdesk.approve") == t("transfer_desk.approve")

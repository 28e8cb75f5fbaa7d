"""The VK channel through vkbottle's API pointed at the fake VK (no network): what customers
see in each kind of VK client, buttons answered, forged payloads refused, invitations by
vk.me ref, documents and photos checked and downloaded, managers acting on cards, and every
event handled exactly once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from handlers.policy import Policy
from storage import accounts, inbox, requests
from storage.db import Database
from storage.models import Platform
from tests.support.vk_fake import CALLBACK_CLIENT
from tests.support.vk_world import CUSTOMER, MANAGER, OTHER, VKWorld, vk_world

INLINE_TEXT_CLIENT = {**CALLBACK_CLIENT, "button_actions": ["text", "location"]}
OLD_CLIENT = {"button_actions": ["text"], "keyboard": True, "inline_keyboard": False, "lang_id": 3}


@pytest.fixture
async def world(db: Database, policy: Policy, tmp_path: Path) -> Any:
    async with vk_world(db, policy, tmp_path) as world:
        yield world


async def counts(world: VKWorld) -> dict[str, int]:
    async with world.db.unit() as unit:
        return {
            table: (await unit.fetchone(f"SELECT COUNT(*) FROM {table}"))[0]
            for table in ("requests", "request_events", "attachments", "conversations")
        }


@pytest.mark.parametrize(
    ("lang_id", "greeting", "menu", "renew"),
    [(0, "Здравствуйте", "Главное меню", "Продление"), (3, "Hello", "Main menu", "Renew")],
)
async def test_start_shows_the_menu_as_callback_buttons(
    world: VKWorld, lang_id: int, greeting: str, menu: str, renew: str
) -> None:
    sent = await world.talk(CUSTOMER, "/start", lang_id=lang_id, name=("Анна", "Сидорова"))
    assert greeting in sent[0].text and menu in sent[-1].text
    assert sent[-1].keyboard is not None and sent[-1].keyboard["inline"] is True
    assert {kind for _, _, kind in sent[-1].buttons} == {"callback"}
    quotes = await world.press(CUSTOMER, sent[-1], renew)
    assert world.fake.event_answers[-1]["user_id"] == str(CUSTOMER)  # the spinner stops
    assert quotes and "18" in " ".join(label for label, _, _ in quotes[-1].buttons)
    async with world.db.unit() as unit:
        account = await accounts.find(unit, Platform.VK, str(CUSTOMER))
    assert account is not None and account.display_name == "Анна Сидорова"
    assert account.language == ("ru" if lang_id == 0 else "en")


async def test_a_client_without_callback_buttons_gets_text_buttons_that_work(
    world: VKWorld,
) -> None:
    sent = await world.talk(CUSTOMER, "/start", client=INLINE_TEXT_CLIENT, lang_id=3)
    menu = sent[-1]
    assert {kind for _, _, kind in menu.buttons} == {"text"} and menu.keyboard["inline"]
    products = await world.press(CUSTOMER, menu, "Renew", client=INLINE_TEXT_CLIENT)
    assert "Choose the product" in products[-1].text
    assert world.fake.event_answers == []


async def test_an_old_client_gets_a_keyboard_under_the_input_field(world: VKWorld) -> None:
    sent = await world.talk(CUSTOMER, "/start", client=OLD_CLIENT)
    keyboard = sent[-1].keyboard
    assert keyboard is not None and keyboard["inline"] is False and keyboard["one_time"] is True
    products = await world.press(CUSTOMER, sent[-1], "Renew", client=OLD_CLIENT)
    assert "Choose the product" in products[-1].text


async def test_vk_start_button_greets(world: VKWorld) -> None:
    sent = await world.talk(CUSTOMER, "Начать", payload='{"command":"start"}')
    assert "Здравствуйте" in sent[0].text


@pytest.mark.parametrize(
    "payload",
    [{"p": "1:renewal.prod:999999"}, {"p": "garbage"}, {"evil": "x" * 300}, {"p": 12}],
)
async def test_a_forged_button_is_refused_and_changes_nothing(
    world: VKWorld, payload: dict[str, Any]
) -> None:
    await world.talk(CUSTOMER, "/start", lang_id=3)
    before = await counts(world)
    await world.feed(world.fake.callback(CUSTOMER, payload))
    answer = world.fake.to(CUSTOMER)[-2:]
    assert any(
        "don't recognise this button" in s.text or "earlier conversation" in s.text for s in answer
    )
    assert await counts(world) == before
    assert world.fake.event_answers  # answered all the same


async def test_linking_in_vk_says_phone_is_not_verified_here(world: VKWorld) -> None:
    sent = await world.talk(CUSTOMER, "/start", lang_id=3)
    choice = await world.press(CUSTOMER, sent[-1], "Link my account")
    assert "VK does not pass on a verified phone number" in choice[-1].text
    asked = await world.press(CUSTOMER, choice[-1], "License and key numbers")
    assert "license number" in asked[-1].text
    await world.talk(CUSTOMER, "L-1004")
    linked = await world.talk(CUSTOMER, "M-100200")
    assert "your account is linked" in linked[0].text


async def test_an_invitation_link_ref_links_the_account(world: VKWorld) -> None:
    manager = await world.talk(MANAGER, "/invite Сидорова")
    pick = manager[-1]
    created = await world.press(MANAGER, pick, "Сидорова")
    link = next(line for line in created[-1].text.splitlines() if "vk.me" in line)
    token = link.split("ref=", 1)[1].strip()
    assert link.startswith("VK: https://vk.me/club777?ref=inv_")
    sent = await world.talk(CUSTOMER, "Начать", ref=token, lang_id=3)
    assert "linked to the customer" in sent[0].text
    async with world.db.unit() as unit:
        account = await accounts.find(unit, Platform.VK, str(CUSTOMER))
    assert account is not None and account.customer_id is not None


async def test_a_document_is_checked_accepted_and_downloaded(world: VKWorld) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    received = await world.feed_and_read(world.fake.document(CUSTOMER, "letter.pdf", b"%PDF-1.4 x"))
    assert "Received letter.pdf (10 bytes)" in received[-1].text
    await world.files.fetch_pending()
    async with world.db.unit() as unit:
        [stored] = await requests.attachments(unit, 1)
    assert stored.original_name == "letter.pdf" and stored.stored_path is not None
    path = Path(stored.stored_path)
    assert path.read_bytes() == b"%PDF-1.4 x" and "letter" not in path.name
    assert path.parent == world.tmp_path / "files" / "1"


async def test_a_program_named_pdf_is_refused_once_downloaded(world: VKWorld) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    program = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56)
    received = await world.feed_and_read(world.fake.document(CUSTOMER, "scan.pdf", program))
    assert "Received scan.pdf" in received[-1].text

    assert await world.files.fetch_pending() == 0
    before = len(world.fake.to(CUSTOMER))
    await world.sender.drain()

    [answer] = world.fake.to(CUSTOMER)[before:]
    assert answer.text.startswith("The file scan.pdf is not really PDF")
    async with world.db.unit() as unit:
        assert await requests.attachments(unit, 1) == []
    files = world.tmp_path / "files"
    assert not files.exists() or [p for p in files.rglob("*") if p.is_file()] == []


async def test_a_photo_gets_its_size_before_the_policy_check(world: VKWorld) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    received = await world.feed_and_read(
        world.fake.photo(CUSTOMER, b"\xff\xd8\xff\xe0" + bytes(596))
    )
    assert "(600 bytes)" in received[-1].text and ".jpg" in received[-1].text
    assert await world.files.fetch_pending() == 1


@pytest.mark.parametrize(
    ("name", "size", "says"),
    [("setup.exe", None, "PDF, JPG, JPEG, PNG"), ("scan.pdf", 11 * 1024 * 1024, "10 MB")],
)
async def test_a_wrong_file_is_refused_and_nothing_is_recorded(
    world: VKWorld, name: str, size: int | None, says: str
) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    before = await counts(world)
    answer = await world.feed_and_read(world.fake.document(CUSTOMER, name, b"MZ", size=size))
    assert says in answer[0].text
    assert await counts(world) == before


async def test_the_same_event_delivered_twice_is_handled_once(world: VKWorld) -> None:
    event = world.fake.message(CUSTOMER, "/help", lang_id=3)
    await world.feed(event)
    await world.feed(event)  # VK sends it again (a lost "ok", an old ts)
    assert len([t for t in world.fake.texts(CUSTOMER) if "/help" in t or "What" in t]) == 1


async def test_group_chats_and_communities_are_left_alone(world: VKWorld) -> None:
    event = world.fake.message(CUSTOMER, "/start")
    event["object"]["message"]["peer_id"] = 2_000_000_001
    await world.feed(event)
    assert world.fake.sent == []
    async with world.db.unit() as unit:
        assert await inbox.status_of(unit, Platform.VK, event["event_id"]) == "done"


async def test_a_vk_manager_takes_a_card_and_answers_the_customer(world: VKWorld) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    card = world.fake.last(MANAGER, "Заявка №1")
    taken = await world.press(MANAGER, card, "Взять")
    assert "в работе" in " ".join(s.text for s in taken)
    assert "taken into work" in world.fake.last(CUSTOMER).text
    card = world.fake.last(MANAGER, "Заявка №1: вопрос менеджеру — в работе")
    asked = await world.press(MANAGER, card, "Ответить")
    assert "№1" in asked[-1].text
    await world.talk(MANAGER, "Пришлите, пожалуйста, скан ещё раз.")
    answer = world.fake.last(CUSTOMER, "Answer on request #")
    assert "Пришлите, пожалуйста, скан ещё раз." in answer.text


async def test_someone_not_a_manager_cannot_press_a_card_button(world: VKWorld) -> None:
    await world.talk(CUSTOMER, "/upload", lang_id=3)
    card = world.fake.last(MANAGER, "Заявка №1")
    before = await counts(world)
    _, payload, _ = card.button("Взять")
    await world.feed(world.fake.callback(OTHER, json.dumps({"p": payload})))
    refusal = world.fake.to(OTHER)[0]
    assert "только для менеджеров" in refusal.text, refusal.text
    assert await counts(world) == before
    async with world.db.unit() as unit:
        request = await requests.get(unit, 1)
    assert request is not None and request.manager is None


async def test_an_event_that_keeps_failing_is_set_aside_and_the_person_told(
    world: VKWorld,
) -> None:
    event = world.fake.message(CUSTOMER, "/start")
    del event["object"]["message"]["version"]  # vkbottle cannot read it
    await world.feed(event)
    async with world.db.unit() as unit:
        [aside] = await inbox.set_aside(unit, Platform.VK)
    assert aside.tries == 5 and aside.update_key == event["event_id"]
    assert "не удалось обработать" in world.fake.last(CUSTOMER).text
    assert "отложено" in world.fake.last(MANAGER).text
    after = await world.talk(CUSTOMER, "/start")  # the chat goes on
    assert "Здравствуйте" in after[0].text

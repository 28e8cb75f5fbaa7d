"""Invitations: a manager's /invite makes a one-time, expiring link; using it links the
person once; used, expired, unknown tokens and non-managers are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.desk.manager_desk import CONSOLE_MANAGER_CHAT, Destination, ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.policy import Policy
from storage.db import Database
from storage.models import Platform
from tests.support import linking_support
from tests.support.chat import Chat, Clock
from tests.support.linking_support import (
    PETROV_PHONE,
    account_of,
    count,
    customer_by_phone,
    make_engine,
    manager_chat,
    rows,
    snapshot,
)

TOKEN = re.compile(r"inv_[A-Za-z0-9_-]{20,}")


#: The linking tests' fixtures: the clock at NOW, an engine with the demo data.
clock, engine = linking_support.clock, linking_support.engine

PETROV = "Иван Петров (ООО «Мебель-Про»)"  # how the bot names the customer (data)


async def invite(manager: Chat, query: str, pick: str) -> str:
    """The token of an invitation for the customer found by ``query`` whose button (their
    name: data, not wording) reads ``pick``."""
    await manager.send(f"/invite {query}")
    await manager.press(pick)
    match = TOKEN.search(manager.text)
    assert match is not None, manager.text
    return match.group(0)


async def test_invitation_links_once_and_a_second_use_is_refused(
    engine: Engine, db: Database
) -> None:
    manager = manager_chat(engine)
    token = await invite(manager, "петров", "Иван Петров")
    # 72 hours, Moscow time
    assert manager.said("invite.created", customer=PETROV, until="26.11.2026 12:00")
    # golden: the exact wording
    assert (
        "Приглашение для клиента Иван Петров (ООО «Мебель-Про»): одноразовое, действует до "
        "26.11.2026 12:00. Отправьте клиенту ссылку:" in manager.text
    )
    assert manager.said("invite.plain_command", command=f"/start {token}")
    # Only a hash is stored: the database alone cannot be used to link.
    [stored] = await rows(db, "SELECT token_hash, used_at FROM invitations")
    assert token not in stored["token_hash"] and stored["used_at"] is None

    person = Chat(engine)
    await person.send(f"/start {token}")
    assert person.said("linking.linked", customer=PETROV)
    petrov = await customer_by_phone(db, PETROV_PHONE)
    account = await account_of(db, person)
    assert (account.customer_id, account.linked_by) == (petrov.id, "invitation")

    other = Chat(engine, user_id="2002")
    await other.send("/start")
    before = await snapshot(db)
    await other.send(f"/start {token}")
    assert other.said("linking.invitation_used")
    assert (await account_of(db, other)).customer_id is None
    after = await snapshot(db)
    assert after["link_attempts"][:-1] == before["link_attempts"]  # the try is logged
    assert {k: v for k, v in after.items() if k != "link_attempts"} == {
        k: v for k, v in before.items() if k != "link_attempts"
    }


async def test_expired_invitation_is_refused(
    engine: Engine, db: Database, clock: Clock, policy: Policy
) -> None:
    manager = manager_chat(engine, language="en")
    await manager.send("/invite")
    assert manager.said_in("en", "invite.ask_customer")
    await manager.send("L-1003")
    await manager.press("Georgi Ivanov")  # the customer's name: data, not wording
    token = TOKEN.search(manager.text).group(0)  # type: ignore[union-attr]
    clock.advance(hours=policy.linking.invitation_valid_hours, seconds=1)

    person = Chat(engine, language="en")
    await person.send("/start")
    await person.send(f"/start {token}")
    assert person.said_in("en", "linking.invitation_expired", when="26 Nov 2026 12:00")
    assert (await account_of(db, person)).customer_id is None
    [stored] = await rows(db, "SELECT used_at FROM invitations")
    assert stored["used_at"] is None


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_unknown_invitation_is_refused(engine: Engine, db: Database, language: str) -> None:
    person = Chat(engine, language=language)
    await person.send("/start")
    await person.send("/start inv_AAAAAAAAAAAAAAAAAAAAAAAA")
    assert person.said_in(language, "linking.invitation_unknown")
    assert (await account_of(db, person)).customer_id is None
    assert await count(db, "invitations") == 0


async def test_non_manager_cannot_invite(engine: Engine, db: Database) -> None:
    person = Chat(engine)
    await person.send("/start")
    before = await snapshot(db)
    await person.send("/invite петров")
    assert person.said("common.managers_only")
    assert "invite.menu" not in person.keys
    assert await snapshot(db) == before


async def test_configured_deep_links_carry_the_token(
    db: Database, policy: Policy, clock: Clock, tmp_path: Path
) -> None:
    desk = ManagerDesk(
        (Destination(Platform.CONSOLE, CONSOLE_MANAGER_CHAT),),
        invite_links=(
            ("Telegram", "https://t.me/vendor_bot?start={token}"),
            ("VK", "https://vk.me/club123?ref={token}"),
        ),
    )
    engine = await make_engine(db, policy, clock, tmp_path / "files", desk=desk)
    manager = manager_chat(engine)
    await manager.send("/menu")
    await manager.press_key("invite.menu")
    await manager.send("+7 999 000-33-44")
    await manager.press("Анна Сидорова")  # the customer's name: data, not wording
    token = TOKEN.search(manager.text).group(0)  # type: ignore[union-attr]
    assert f"Telegram: https://t.me/vendor_bot?start={token}" in manager.text
    assert f"VK: https://vk.me/club123?ref={token}" in manager.text
    # The VK channel passes the ref as /start's argument: the same token works there.
    person = Chat(engine, platform=Platform.VK, user_id="31337")
    await person.send(f"/start {token}")
    assert person.said("linking.linked", customer="Анна Сидорова (ИП Сидорова)")


async def test_invitation_for_an_already_linked_person_is_kept_unused(
    engine: Engine, db: Database
) -> None:
    manager = manager_chat(engine)
    token = await invite(manager, "Sofia", "Georgi Ivanov")
    person = Chat(engine)
    await person.send("/start")
    await person.contact(PETROV_PHONE)  # linked to Петров meanwhile
    await person.send(f"/start {token}")
    assert person.said("linking.invitation_other_customer")
    [stored] = await rows(db, "SELECT used_at FROM invitations")
    assert stored["used_at"] is None
    assert (await account_of(db, person)).linked_by == "phone"


async def test_manager_search_without_result_and_forged_pick(engine: Engine, db: Database) -> None:
    manager = manager_chat(engine)
    await manager.send("/invite Нет-такого")
    assert manager.said("invite.nothing_found", query="Нет-такого")
    before = await snapshot(db)
    await manager.payload("1:invite.pick:999999")
    assert manager.said("invite.no_customer")
    await manager.payload("1:invite.pick:x")
    assert manager.said("common.bad_button")
    assert await snapshot(db) == before


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_a_manager_opening_an_invitation_does_not_spend_it(
    engine: Engine, db: Database, language: str
) -> None:
    manager = manager_chat(engine, language=language)
    token = await invite(manager, "петров", "Иван Петров")
    before = await snapshot(db)
    await manager.send(f"/start {token}")
    assert manager.said_in(language, "common.welcome")  # the plain /start: the manager's menu
    assert await snapshot(db) == before  # not used, nobody linked, nothing logged

    person = Chat(engine, language=language)
    await person.send(f"/start {token}")
    petrov = await customer_by_phone(db, PETROV_PHONE)
    assert (await account_of(db, person)).customer_id == petrov.id

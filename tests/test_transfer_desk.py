"""The managers' decision on returning protection modules (docs/rules.md#license-transfer):
approve, reject with a preset reason, refused to non-managers, a second press, forged and
stale buttons."""

from __future__ import annotations

import json

import pytest

from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.transfer.flow import TransferFlow
from handlers.i18n import texts
from handlers.policy import Policy
from storage import requests
from storage.db import Database
from storage.models import RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.key_requests import (
    NOW,
    outbox_rows,
    request,
    snapshot,
    transfer_returning_modules,
)
from tests.support.key_requests import demo_engine as build


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, TransferFlow(), TransferDeskFlow())


def card_button(card: dict[str, object], key: str) -> str:
    """The payload of the card's button labelled with catalogue text ``key`` (the
    managers' desk speaks Russian)."""
    label = texts("ru")(key)
    found = [p for row in json.loads(str(card["buttons"])) for lbl, p in row if lbl == label]
    assert len(found) == 1, (label, card["buttons"])
    return found[0]


async def latest_card(db: Database, number: int) -> dict[str, object]:
    rows = await outbox_rows(db)
    return [r for r in rows if r["request_id"] == number and r["chat_id"] == "managers"][-1]


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_manager_approves_the_module_return_and_the_customer_is_told(
    engine: Engine, db: Database, language: str
) -> None:
    customer = Chat(engine, language=language)
    number = await transfer_returning_modules(db, customer)
    card = await latest_card(db, number)
    approve = card_button(card, "transfer_desk.approve")

    manager = Chat(engine, user_id="900", manager=True)
    await manager.payload(approve)
    approved = manager.rendered_text("transfer_desk.decision_approved").text
    assert manager.said("transfer_desk.recorded_told", number=number, decision=approved)

    async with db.unit() as unit:
        history = await requests.events(unit, number)
    assert (history[-1].actor, history[-1].note, history[-1].note_line) == (
        "manager:telegram:900",
        "",
        ("history.module_return_approved", {}),
    )
    decided = await request(db, number)
    assert decided.details["module_return"] == "approved"
    assert decided.status is RequestStatus.NEW  # the decision is not the request's status

    rows = await outbox_rows(db)
    told = [r for r in rows if r["chat_id"] == customer.user_id]
    assert len(told) == 1
    expected = (
        "вместо возвращаемых модулей вы получите новые"
        if language == "ru"
        else "you will receive new modules in place of the returned ones"
    )
    assert expected in told[0]["text"]
    new_card = await latest_card(db, number)
    assert new_card["id"] != card["id"]
    assert "Возврат модулей: одобрен (User 900 (Telegram), " in str(new_card["text"])
    assert "взамен — новые модули" in str(new_card["text"])
    assert "возврат модулей" not in str(new_card["buttons"]).lower()

    # A second manager presses the old card's button: nothing changes.
    before = await snapshot(db)
    other = Chat(engine, user_id="901", manager=True)
    await other.payload(approve)
    # golden: the exact wording
    assert (
        f"По заявке №{number} уже решено: возврат модулей одобрен (User 900 (Telegram))"
        in other.text
    )
    first = other.rendered_text("history.actor_manager", name="User 900").text
    assert other.said(
        "transfer_desk.already_decided", number=number, decision=approved, manager=first
    )
    assert await snapshot(db) == before


async def test_manager_rejects_with_a_preset_reason(engine: Engine, db: Database) -> None:
    customer = Chat(engine)
    number = await transfer_returning_modules(db, customer)
    reject = card_button(await latest_card(db, number), "transfer_desk.reject")

    manager = Chat(engine, user_id="900", manager=True)
    before = await snapshot(db)
    await manager.payload(reject)
    assert manager.said("transfer_desk.choose_reason", number=number)
    assert await snapshot(db) == before  # asking the reason records nothing
    await manager.press_key("transfer_desk.reason_not_agreed")
    rejected = manager.rendered_text("transfer_desk.decision_rejected").text
    assert manager.said("transfer_desk.recorded_told", number=number, decision=rejected)

    async with db.unit() as unit:
        history = await requests.events(unit, number)
    assert history[-1].note_line == (
        "history.module_return_rejected",
        {"reason": {"text": "transfer_desk.reason_not_agreed"}},
    )
    rows = await outbox_rows(db)
    told = [r for r in rows if r["chat_id"] == customer.user_id][-1]
    assert "не одобрен: возврат модулей не согласован представителем разработчика" in str(
        told["text"]
    )
    card = await latest_card(db, number)
    assert "Возврат модулей: отклонён (User 900 (Telegram)): Не согласовано разработчиком" in str(
        card["text"]
    )
    # The reason buttons pressed again after the decision: refused.
    before = await snapshot(db)
    await manager.payload(encode("transfer_desk.reason", number, "not_needed"))
    assert manager.said("transfer_desk.already_decided", number=number)
    assert await snapshot(db) == before


async def test_a_non_manager_pressing_approve_is_refused(engine: Engine, db: Database) -> None:
    customer = Chat(engine)
    number = await transfer_returning_modules(db, customer)
    approve = card_button(await latest_card(db, number), "transfer_desk.approve")
    before = await snapshot(db)
    await customer.payload(approve)
    assert customer.said("common.managers_only")
    await customer.payload(encode("transfer_desk.reason", number, "not_needed"))
    assert customer.said("common.managers_only")
    assert await snapshot(db) == before
    assert (await request(db, number)).details["module_return"] == "pending"


@pytest.mark.parametrize(
    ("payload", "answer", "values"),
    [
        (encode("transfer_desk.approve", 999), "transfer_desk.not_found", {"number": 999}),
        (encode("transfer_desk.approve"), "common.bad_button", {}),
        (encode("transfer_desk.approve", "x"), "common.bad_button", {}),
        (encode("transfer_desk.reason", 1, "because"), "common.bad_button", {}),
        (encode("transfer_desk.reason", 1), "common.bad_button", {}),
        (encode("transfer_desk.explode", 1), "common.bad_button", {}),
        ("1:transfer_desk.approve:1:../../etc", "common.bad_button", {}),
    ],
)
async def test_forged_manager_buttons_change_nothing(
    engine: Engine, db: Database, payload: str, answer: str, values: dict[str, object]
) -> None:
    number = await transfer_returning_modules(db, Chat(engine))
    assert number == 1
    manager = Chat(engine, user_id="900", manager=True)
    before = await snapshot(db)
    await manager.payload(payload)
    assert manager.said(answer, **values)
    assert await snapshot(db) == before


async def test_no_decision_when_modules_are_not_returned_or_the_request_is_closed(
    engine: Engine, db: Database
) -> None:
    number = await transfer_returning_modules(db, Chat(engine), modules=False)
    manager = Chat(engine, user_id="900", manager=True)
    before = await snapshot(db)
    await manager.payload(encode("transfer_desk.approve", number))
    assert manager.said("transfer_desk.no_return_asked", number=number)
    assert await snapshot(db) == before

    second = await transfer_returning_modules(db, Chat(engine, user_id="77"))
    async with db.unit() as unit:
        await requests.set_status(
            unit, second, RequestStatus.DONE, actor="manager:telegram:900", now=NOW
        )
    before = await snapshot(db)
    await manager.payload(encode("transfer_desk.approve", second))
    done = manager.rendered_text("desk.status_done").text
    assert manager.said("transfer_desk.closed", number=second, status=done)
    assert await snapshot(db) == before


async def test_a_key_loss_request_number_is_not_a_transfer(engine: Engine, db: Database) -> None:
    number = await transfer_returning_modules(db, Chat(engine), modules=False)
    async with db.unit() as unit:
        await unit.execute("UPDATE requests SET kind = 'key_loss' WHERE id = ?", (number,))
    manager = Chat(engine, user_id="900", manager=True)
    before = await snapshot(db)
    await manager.payload(encode("transfer_desk.approve", number))
    assert manager.said("transfer_desk.not_found", number=number)
    assert await snapshot(db) == before

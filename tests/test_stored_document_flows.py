"""Key loss and transfer keep typed records (:class:`KeyLossData`, :class:`TransferData`,
:class:`KeyLossDetails`, :class:`TransferDetails`): a chat saved and a request filed by the
version that kept plain dicts, in the exact JSON it wrote, still go on and render as they
did; keys the records do not know are kept when a request is written again."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from handlers.desk.cards import CardLine
from handlers.desk.transfer_desk import TransferDeskFlow
from handlers.engine.dispatcher import Engine
from handlers.engine.payloads import encode
from handlers.flows.key_loss.card import KeyLossDetails, key_loss_card
from handlers.flows.key_loss.flow import KeyLossData, KeyLossFlow
from handlers.flows.transfer.card import Operation, TransferDetails, transfer_card
from handlers.flows.transfer.flow import TransferData, TransferFlow
from handlers.policy import Policy
from handlers.rules.key_loss import WhatHappened
from storage import accounts, conversations, requests
from storage.db import Database
from storage.models import ConversationState, Platform, RequestKind, RequestStatus
from tests.support.chat import Chat, Clock
from tests.support.desk_world import state_of
from tests.support.key_requests import (
    NOW,
    PETROV,
    SIDOROVA,
    agree_if_asked,
    attachment_roles,
    last_request_id,
    link,
    outbox_texts,
    request,
    send_file,
)
from tests.support.key_requests import demo_engine as build

WHO = {"name": "Иван Петров", "company": "ООО «Мебель-Про»", "phone": "+79990001122"}
"""Stands for what ``file_request`` keeps as ``who``: the records leave it alone."""
OLD_CARD = [["key_loss.card_key", {"serial": "3-1234567"}]]
"""A card line stored earlier: replaced whenever the card is rebuilt."""

# -- request details, each as the version keeping plain dicts wrote it -----------------------

KEY_LOSS_PROTECTED: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "protected",
    "what": "lost",
    "serial": "3-1234567",
    "key_kind": "codemeter",
    "licenses": ["L-1001", "L-1002"],
    "programmed_until": "2026-12-01",
    "key_price": "3900",
    "delivery_price": "600",
    "total": "4500",
    "awaiting": "delivery",
    "amount_in_lines": True,
    "card": OLD_CARD,
    "who": WHO,
    "legacy_note": "kept",
}
KEY_LOSS_DELIVERED: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "protected",
    "what": "stolen",
    "serial": "3-1234567",
    "key_kind": "codemeter",
    "licenses": [],
    "programmed_until": None,
    "key_price": "3900.00",
    "delivery_price": "600",
    "total": "4500.00",
    "amount_in_lines": True,
    "address": "Москва, ул. Тверская, 1",
    "recipient": "Петров И. И.",
}
KEY_LOSS_DOCUMENTS: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "documents",
    "what": "broken",
    "serial": "M-100200",
    "key_kind": "module",
    "licenses": ["L-1004"],
    "key_price": "2900",
    "awaiting": "documents",
    "amount_in_lines": True,
    "card": OLD_CARD,
    "who": WHO,
    "legacy_note": "kept",
}
KEY_LOSS_DOCUMENTS_IN: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "documents",
    "what": "lost",
    "serial": "3-7654321",
    "licenses": ["L-1003"],
    "key_price": "3900",
    "amount_in_lines": True,
}
KEY_LOSS_FOUND: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "found",
    "what": "found",
    "serial": "3-1234567",
    "key_kind": "codemeter",
    "protection": True,
    "previous_status": "lost",
}
KEY_LOSS_FOUND_DOCUMENTS: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "found",
    "what": "found",
    "serial": "M-100200",
    "key_kind": "module",
    "protection": False,
    "previous_status": "stolen",
}
KEY_LOSS_UNVERIFIED_KNOWN: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "unverified",
    "what": "stolen",
    "serial": "M-100200",
    "known_owner": "Сидорова (ООО «Шкаф»)",
    "known_kind": "module",
    "known_status": "lost",
}
KEY_LOSS_UNVERIFIED_UNKNOWN: dict[str, Any] = {
    "topic": "key_loss",
    "branch": "unverified",
    "what": "lost",
    "serial": "3-9999999",
}

TRANSFER_WAITING: dict[str, Any] = {
    "topic": "transfer",
    "operation": "move",
    "workplaces": 3,
    "order": "",
    "modules_returned": True,
    "awaiting": "documents",
    "product": "Базис-Шкаф, Базис-Отчёт",
    "licenses": ["L-1004", "L-1005"],
    "keys": ["M-100200"],
    "verified_items": True,
    "card": OLD_CARD,
    "who": WHO,
    "legacy_note": "kept",
}
TRANSFER_PENDING: dict[str, Any] = {
    "topic": "transfer",
    "operation": "merge",
    "workplaces": 2,
    "order": "",
    "modules_returned": True,
    "product": "Базис-Шкаф",
    "licenses": ["L-1004"],
    "keys": ["M-100200"],
    "verified_items": True,
    "module_return": "pending",
    "card": OLD_CARD,
    "who": WHO,
    "legacy_note": "kept",
}
TRANSFER_UNVERIFIED: dict[str, Any] = {
    "topic": "transfer",
    "operation": "redistribute",
    "workplaces": 4,
    "order": "L-2001: 2 места",
    "modules_returned": False,
    "product": "Базис-Мебельщик",
    "licenses": ["L-2001", "L-2002"],
    "keys": ["3-5550001", "3-5550002"],
    "verified_items": False,
}
TRANSFER_APPROVED: dict[str, Any] = {
    "topic": "transfer",
    "operation": "move",
    "workplaces": 2,
    "order": "",
    "modules_returned": True,
    "product": "Базис-Шкаф",
    "licenses": ["L-1004"],
    "keys": ["M-100200"],
    "verified_items": True,
    "module_return": "approved",
    "module_return_by": "telegram:7",
    "module_return_manager": {"person": "Ольга", "messenger": "telegram"},
    "module_return_at": "2026-11-23T09:00:00+00:00",
}
TRANSFER_APPROVED_BEFORE_NAMES: dict[str, Any] = {
    "topic": "transfer",
    "operation": "move",
    "workplaces": 2,
    "order": "",
    "modules_returned": True,
    "product": "Базис-Шкаф",
    "licenses": ["L-1004"],
    "keys": ["M-100200"],
    "verified_items": True,
    "module_return": "approved",
    "module_return_by": "telegram:7",
    "module_return_at": "2026-11-23T09:00:00+00:00",
}
TRANSFER_REJECTED: dict[str, Any] = {
    "topic": "transfer",
    "operation": "merge",
    "workplaces": 2,
    "order": "",
    "modules_returned": True,
    "product": "Базис-Шкаф",
    "licenses": ["L-1004"],
    "keys": ["M-100200"],
    "verified_items": True,
    "module_return": "rejected",
    "module_return_by": "vk:8",
    "module_return_manager": {"person": "Олег", "messenger": "vk"},
    "module_return_at": "2026-11-23T09:00:00+00:00",
    "module_return_code": "no_guarantee",
}


def _awaited(name: str) -> dict[str, Any]:
    return {name: {"text": "key_loss.card_awaited"}}


def _key_line(serial: str, kind: str) -> CardLine:
    return ("key_loss.card_key", {"serial": serial, "kind": {"text": f"key_loss.kind_{kind}"}})


# The card lines the version keeping plain dicts built from each of them.
KEY_LOSS_CARDS: list[tuple[dict[str, Any], list[CardLine]]] = [
    (
        KEY_LOSS_PROTECTED,
        [
            (
                "key_loss.card_key",
                {"serial": "3-1234567", "kind": {"text": "key_loss.kind_codemeter"}},
            ),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_lost"}}),
            ("key_loss.card_licenses", {"licenses": "L-1001, L-1002"}),
            ("key_loss.card_protected", {}),
            ("key_loss.card_programmed_until", {"date": {"date": "2026-12-01"}}),
            (
                "key_loss.card_prices",
                {
                    "key_price": {"money": "3900"},
                    "delivery": {"money": "600"},
                    "total": {"money": "4500"},
                },
            ),
            ("key_loss.card_address", _awaited("address")),
            ("key_loss.card_recipient", _awaited("recipient")),
        ],
    ),
    (
        KEY_LOSS_DELIVERED,
        [
            (
                "key_loss.card_key",
                {"serial": "3-1234567", "kind": {"text": "key_loss.kind_codemeter"}},
            ),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_stolen"}}),
            ("key_loss.card_licenses", {"licenses": "—"}),
            ("key_loss.card_protected", {}),
            ("key_loss.card_programmed_until", {"date": {"text": "key_loss.card_unknown_date"}}),
            (
                "key_loss.card_prices",
                {
                    "key_price": {"money": "3900.00"},
                    "delivery": {"money": "600"},
                    "total": {"money": "4500.00"},
                },
            ),
            ("key_loss.card_address", {"address": "Москва, ул. Тверская, 1"}),
            ("key_loss.card_recipient", {"recipient": "Петров И. И."}),
        ],
    ),
    (
        KEY_LOSS_DOCUMENTS,
        [
            _key_line("M-100200", "module"),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_broken"}}),
            ("key_loss.card_licenses", {"licenses": "L-1004"}),
            ("key_loss.card_documents_branch", {}),
            (
                "key_loss.card_new_key_price",
                {"kind": {"text": "key_loss.kind_module"}, "price": {"money": "2900"}},
            ),
            ("key_loss.card_documents", {"state": {"text": "key_loss.card_docs_awaited"}}),
        ],
    ),
    (
        KEY_LOSS_DOCUMENTS_IN,
        [
            (
                "key_loss.card_key",
                {"serial": "3-7654321", "kind": {"text": "key_loss.kind_codemeter"}},
            ),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_lost"}}),
            ("key_loss.card_licenses", {"licenses": "L-1003"}),
            ("key_loss.card_documents_branch", {}),
            (
                "key_loss.card_new_key_price",
                {"kind": {"text": "key_loss.kind_codemeter"}, "price": {"money": "3900"}},
            ),
            ("key_loss.card_documents", {"state": {"text": "key_loss.card_docs_received"}}),
        ],
    ),
    (
        KEY_LOSS_FOUND,
        [
            (
                "key_loss.card_key",
                {"serial": "3-1234567", "kind": {"text": "key_loss.kind_codemeter"}},
            ),
            # Found after a loss: named by what it had been reported.
            ("key_loss.card_what", {"what": {"text": "key_loss.what_found_lost"}}),
            ("key_loss.card_found_protected", {}),
        ],
    ),
    (
        KEY_LOSS_FOUND_DOCUMENTS,
        [
            _key_line("M-100200", "module"),
            # Found after a theft: never "found after a loss".
            ("key_loss.card_what", {"what": {"text": "key_loss.what_found_stolen"}}),
            ("key_loss.card_found_documents", {}),
        ],
    ),
    (
        KEY_LOSS_UNVERIFIED_KNOWN,
        [
            ("key_loss.card_serial_typed", {"serial": "M-100200"}),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_stolen"}}),
            ("key_loss.card_unverified", {}),
            (
                "key_loss.card_known",
                {
                    "kind": {"text": "key_loss.kind_module"},
                    "owner": "Сидорова (ООО «Шкаф»)",
                    "status": {"text": "key_loss.status_lost"},
                },
            ),
        ],
    ),
    (
        KEY_LOSS_UNVERIFIED_UNKNOWN,
        [
            ("key_loss.card_serial_typed", {"serial": "3-9999999"}),
            ("key_loss.card_what", {"what": {"text": "key_loss.what_lost"}}),
            ("key_loss.card_unverified", {}),
            ("key_loss.card_unknown", {}),
        ],
    ),
]


def _transfer_lines(
    operation: str, product: str, licenses: str, count: int | str, keys: str
) -> list[CardLine]:
    return [
        ("transfer.card_operation", {"operation": {"text": f"transfer.operation_{operation}"}}),
        ("transfer.card_product", {"product": product}),
        ("transfer.card_licenses", {"licenses": licenses}),
        ("transfer.card_workplaces", {"count": count}),
        ("transfer.card_keys", {"keys": keys}),
    ]


_DOCS_RECEIVED: CardLine = (
    "transfer.card_documents",
    {"state": {"text": "transfer.card_docs_received"}},
)

TRANSFER_CARDS: list[tuple[dict[str, Any], list[CardLine]]] = [
    (
        TRANSFER_WAITING,
        [
            *_transfer_lines("move", "Базис-Шкаф, Базис-Отчёт", "L-1004, L-1005", 3, "M-100200"),
            ("transfer.card_order_none", {}),
            ("transfer.card_modules_yes", {}),
            ("transfer.card_documents", {"state": {"text": "transfer.card_docs_awaited"}}),
        ],
    ),
    (
        TRANSFER_PENDING,
        [
            *_transfer_lines("merge", "Базис-Шкаф", "L-1004", 2, "M-100200"),
            ("transfer.card_order_none", {}),
            ("transfer.card_modules_pending", {}),
            _DOCS_RECEIVED,
        ],
    ),
    (
        TRANSFER_UNVERIFIED,
        [
            *_transfer_lines(
                "redistribute", "Базис-Мебельщик", "L-2001, L-2002", 4, "3-5550001, 3-5550002"
            ),
            ("transfer.card_order", {"order": "L-2001: 2 места"}),
            ("transfer.card_unverified_items", {}),
            ("transfer.card_modules_no", {}),
            _DOCS_RECEIVED,
        ],
    ),
    (
        TRANSFER_APPROVED,
        [
            *_transfer_lines("move", "Базис-Шкаф", "L-1004", 2, "M-100200"),
            ("transfer.card_order_none", {}),
            (
                "transfer.card_modules_approved",
                {
                    "manager": {"person": "Ольга", "messenger": "telegram"},
                    "when": {"moment": "2026-11-23T09:00:00+00:00"},
                },
            ),
            _DOCS_RECEIVED,
        ],
    ),
    (
        TRANSFER_APPROVED_BEFORE_NAMES,
        [
            *_transfer_lines("move", "Базис-Шкаф", "L-1004", 2, "M-100200"),
            ("transfer.card_order_none", {}),
            (
                "transfer.card_modules_approved",
                {"manager": "telegram:7", "when": {"moment": "2026-11-23T09:00:00+00:00"}},
            ),
            _DOCS_RECEIVED,
        ],
    ),
    (
        TRANSFER_REJECTED,
        [
            *_transfer_lines("merge", "Базис-Шкаф", "L-1004", 2, "M-100200"),
            ("transfer.card_order_none", {}),
            (
                "transfer.card_modules_rejected",
                {
                    "reason": {"text": "transfer_desk.reason_no_guarantee"},
                    "manager": {"person": "Олег", "messenger": "vk"},
                },
            ),
            _DOCS_RECEIVED,
        ],
    ),
    (
        {},
        [
            *_transfer_lines("move", "—", "", "—", ""),
            ("transfer.card_order_none", {}),
            ("transfer.card_unverified_items", {}),
            ("transfer.card_modules_no", {}),
            _DOCS_RECEIVED,
        ],
    ),
]

#: The keys a record leaves out when it writes the details again: each holds the field's
#: default, which is what reading it without the key gives.
KEY_LOSS_DEFAULTS: dict[str, Any] = {
    "key_kind": "codemeter",
    "licenses": [],
    "programmed_until": None,
    "protection": False,
}
TRANSFER_DEFAULTS: dict[str, Any] = {
    "operation": "move",
    "order": "",
    "modules_returned": False,
    "verified_items": False,
}


@pytest.mark.parametrize(("stored", "card"), KEY_LOSS_CARDS)
def test_key_loss_details_written_before_render_the_same_card(
    stored: dict[str, Any], card: list[CardLine]
) -> None:
    details = KeyLossDetails.from_stored(stored)
    assert key_loss_card(details) == card
    written = details.to_stored()
    assert written == {
        key: value
        for key, value in stored.items()
        if not (key in KEY_LOSS_DEFAULTS and value == KEY_LOSS_DEFAULTS[key])
    }
    assert key_loss_card(KeyLossDetails.from_stored(written)) == card


@pytest.mark.parametrize(("stored", "card"), TRANSFER_CARDS)
def test_transfer_details_written_before_render_the_same_card(
    stored: dict[str, Any], card: list[CardLine]
) -> None:
    details = TransferDetails.from_stored(stored)
    assert transfer_card(details) == card
    written = details.to_stored()
    assert written == {
        key: value
        for key, value in stored.items()
        if not (key in TRANSFER_DEFAULTS and value == TRANSFER_DEFAULTS[key])
    }
    assert transfer_card(TransferDetails.from_stored(written)) == card


def test_the_hidden_defaults_are_the_fields_defaults() -> None:
    details = KeyLossDetails.from_stored({"branch": "protected"})
    assert (details.key_kind.value, details.known_kind.value, details.known_status.value) == (
        "codemeter",
        "codemeter",
        "active",
    )
    assert details.what is None and details.licenses == () and details.key_price is None
    transfer = TransferDetails.from_stored({"workplaces": "3"})
    assert transfer.operation is Operation.MOVE and transfer.workplaces == 3
    assert transfer.module_return is None and transfer.module_return_code is None


# -- conversations and requests through the engine ----------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def engine(db: Database, policy: Policy, clock: Clock) -> Engine:
    return await build(db, policy, clock, KeyLossFlow(), TransferFlow(), TransferDeskFlow())


async def save_chat(db: Database, chat: Chat, flow: str, step: str, data: dict[str, Any]) -> None:
    """The chat's state exactly as the version keeping plain dicts saved it."""
    async with db.unit() as unit:
        await conversations.save(
            unit, chat.platform, chat.user_id, ConversationState(flow, step, data), now=NOW
        )


async def saved_data(db: Database, chat: Chat) -> dict[str, Any]:
    async with db.unit() as unit:
        state = await conversations.load(unit, chat.platform, chat.user_id)
    return dict(state.data)


async def file_old_request(
    db: Database,
    chat: Chat,
    kind: RequestKind,
    details: dict[str, Any],
    *,
    status: RequestStatus,
    key_serial: str | None = None,
    amount: Decimal | None = None,
) -> int:
    """A request of ``chat``'s account with ``details`` as an older version wrote them."""
    async with db.unit() as unit:
        account = await accounts.find(unit, chat.platform, chat.user_id)
        assert account is not None
        key_id = None
        if key_serial is not None:
            row = await unit.fetchone("SELECT id FROM keys WHERE serial = ?", (key_serial,))
            assert row is not None
            key_id = int(row["id"])
        return await requests.create(
            unit,
            kind,
            account_id=account.id,
            customer_id=account.customer_id,
            verified=account.customer_id is not None,
            key_id=key_id,
            amount=amount,
            details=dict(details),
            now=NOW,
            status=status,
        )


async def row_id(db: Database, table: str, column: str, value: str) -> int:
    async with db.unit() as unit:
        row = await unit.fetchone(f"SELECT id FROM {table} WHERE {column} = ?", (value,))
    assert row is not None
    return int(row["id"])


async def consented(db: Database, chat: Chat, phone: str, menu: str) -> None:
    """A linked customer who gave the personal-data consent, in ``menu``'s flow."""
    await link(db, chat, phone)
    await chat.send("/menu")
    await chat.press(menu)
    await agree_if_asked(chat)


KEY_LOSS_MENU = "Утеря, кража, поломка ключа"
TRANSFER_MENU = "Перенос и объединение лицензий"


async def test_key_loss_chat_saved_with_a_chosen_key_goes_on(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await consented(db, chat, PETROV, KEY_LOSS_MENU)
    key_id = await row_id(db, "keys", "serial", "3-1234567")
    await save_chat(db, chat, "key_loss", "what", {"key_id": key_id})

    await chat.payload(encode("key_loss.what", "lost"))
    assert chat.said("key_loss.confirm_lost", serial="3-1234567")  # asked first
    await chat.press_key("key_loss.confirm_yes")
    number = await last_request_id(db)
    assert chat.said("key_loss.protected_marked", serial="3-1234567", number=number)
    assert await state_of(db, Platform.TELEGRAM, chat.user_id) == ("key_loss", "address")
    assert await saved_data(db, chat) == {
        "request_id": number,
        "serial": "3-1234567",
        "what": "lost",
        "kind": "codemeter",
    }
    filed = await request(db, number)
    assert {k: v for k, v in filed.details.items() if k not in ("card", "who")} == {
        "topic": "key_loss",
        "branch": "protected",
        "what": "lost",
        "serial": "3-1234567",
        "licenses": ["L-1001", "L-1002"],
        "programmed_until": "2026-12-01",
        "key_price": "3900",
        "delivery_price": "600",
        "total": "4500",
        "awaiting": "delivery",
        "amount_in_lines": True,
    }
    assert filed.details["card"] == [[key, values] for key, values in KEY_LOSS_CARDS[0][1]]


async def test_key_loss_chat_saved_giving_the_delivery_goes_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await consented(db, chat, PETROV, KEY_LOSS_MENU)
    number = await file_old_request(
        db,
        chat,
        RequestKind.KEY_LOSS,
        KEY_LOSS_PROTECTED,
        status=RequestStatus.WAITING_CUSTOMER,
        key_serial="3-1234567",
        amount=Decimal("4500"),
    )
    data = {
        "request_id": number,
        "serial": "3-1234567",
        "what": "lost",
        "kind": "codemeter",
        "address": "125009, Москва, ул. Тверская, д. 1",
    }
    await save_chat(db, chat, "key_loss", "recipient", data)
    assert KeyLossData.from_stored(data) == KeyLossData(
        request_id=number,
        serial="3-1234567",
        what=WhatHappened.LOST,
        kind=KeyLossDetails().key_kind,
        address="125009, Москва, ул. Тверская, д. 1",
    )

    await chat.send("Петров Иван Иванович")
    assert chat.said("key_loss.delivery_filed", number=number)
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    expected = {
        key: value
        for key, value in KEY_LOSS_PROTECTED.items()
        if key not in ("awaiting", "key_kind", "card")
    }
    assert {k: v for k, v in done.details.items() if k != "card"} == {
        **expected,
        "address": "125009, Москва, ул. Тверская, д. 1",
        "recipient": "Петров Иван Иванович",
    }
    assert done.details["card"][-2:] == [
        ["key_loss.card_address", {"address": "125009, Москва, ул. Тверская, д. 1"}],
        ["key_loss.card_recipient", {"recipient": "Петров Иван Иванович"}],
    ]
    assert "Получатель: Петров Иван Иванович" in (await outbox_texts(db, number))[-1]


async def test_key_loss_request_filed_before_is_continued_from_the_menu(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await consented(db, chat, PETROV, KEY_LOSS_MENU)
    number = await file_old_request(
        db,
        chat,
        RequestKind.KEY_LOSS,
        KEY_LOSS_PROTECTED,
        status=RequestStatus.WAITING_CUSTOMER,
        key_serial="3-1234567",
    )
    await chat.send("/menu")
    await chat.press(KEY_LOSS_MENU)
    assert chat.said("key_loss.resume_line", number=number, serial="3-1234567")
    await chat.press(f"Продолжить заявку №{number}")
    assert chat.said("key_loss.ask_address")
    assert await saved_data(db, chat) == {
        "request_id": number,
        "serial": "3-1234567",
        "what": "lost",
        "kind": "codemeter",
    }


async def test_key_loss_unlinked_chat_saved_with_a_typed_serial_goes_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await save_chat(db, chat, "key_loss", "what", {"serial": "M-100200"})

    await chat.payload(encode("key_loss.what", "stolen"))
    number = await last_request_id(db)
    assert chat.said("key_loss.unverified_filed", number=number)
    filed = await request(db, number)
    assert not filed.verified
    assert {k: v for k, v in filed.details.items() if k not in ("card", "who")} == {
        "topic": "key_loss",
        "branch": "unverified",
        "what": "stolen",
        "serial": "M-100200",
        "known_owner": "Анна Сидорова (ИП Сидорова)",
        "known_kind": "module",
    }
    assert filed.details["card"][-1][0] == "key_loss.card_known"


async def test_key_loss_chat_saved_waiting_for_the_scans_goes_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await consented(db, chat, SIDOROVA, KEY_LOSS_MENU)
    number = await file_old_request(
        db,
        chat,
        RequestKind.KEY_LOSS,
        KEY_LOSS_DOCUMENTS,
        status=RequestStatus.WAITING_DOCUMENTS,
        key_serial="M-100200",
    )
    data = {"request_id": number, "serial": "M-100200", "what": "broken", "kind": "module"}
    await save_chat(db, chat, "key_loss", "letter", data)

    await chat.send("пришлю позже")  # not a file: the question again, in the broken wording
    assert chat.said("key_loss.letter_item_broken", serial="M-100200")
    await send_file(chat, "letter.pdf")
    await send_file(chat, "act.pdf")
    assert f"Заявка №{number} передана менеджерам" in chat.text
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    assert "awaiting" not in done.details
    assert done.details["legacy_note"] == "kept" and done.details["who"] == WHO
    assert done.details["card"][-1] == [
        "key_loss.card_documents",
        {"state": {"text": "key_loss.card_docs_received"}},
    ]

    # The act refused once downloaded: waiting for documents again, the unknown keys kept.
    async with db.unit() as unit:
        row = await unit.fetchone(
            "SELECT id FROM attachments WHERE request_id = ? AND role = 'write_off_act'",
            (number,),
        )
    assert row is not None
    assert await engine.refuse_upload(int(row["id"]))
    reopened = await request(db, number)
    assert reopened.status is RequestStatus.WAITING_DOCUMENTS
    assert reopened.details["awaiting"] == "documents"
    assert reopened.details["legacy_note"] == "kept" and reopened.details["who"] == WHO
    assert reopened.details["card"][-1] == [
        "key_loss.card_documents",
        {"state": {"text": "key_loss.card_docs_awaited"}},
    ]


async def test_transfer_chat_saved_choosing_licenses_goes_on(engine: Engine, db: Database) -> None:
    chat = Chat(engine)
    await consented(db, chat, SIDOROVA, TRANSFER_MENU)
    license_id = await row_id(db, "licenses", "number", "L-1004")
    key_id = await row_id(db, "keys", "serial", "M-100200")
    await save_chat(
        db, chat, "transfer", "licenses", {"operation": "merge", "license_ids": [license_id]}
    )

    await chat.send("l-1005")  # typed: added to the one chosen before
    assert "Выбрано: L-1004, L-1005" in chat.text
    await chat.press("Готово (выбрано: 2)")
    assert chat.said("transfer.workplaces_button", count=3)
    await chat.press("3 (как в выбранных лицензиях)")
    assert (await saved_data(db, chat))["workplaces"] == 3

    data = {
        "operation": "merge",
        "license_ids": [license_id],
        "workplaces": 2,
        "key_ids": [key_id],
        "order": "",
    }
    await save_chat(db, chat, "transfer", "modules", data)
    assert TransferData.from_stored(data) == TransferData(
        operation=Operation.MERGE, license_ids=(license_id,), workplaces=2, key_ids=(key_id,)
    )
    await chat.payload(encode("transfer.modules", "yes"))
    number = await last_request_id(db)
    assert chat.said("transfer.filed_waiting", number=number)
    assert await saved_data(db, chat) == {"request_id": number}
    filed = await request(db, number)
    assert {k: v for k, v in filed.details.items() if k not in ("card", "who")} == {
        "topic": "transfer",
        "operation": "merge",
        "workplaces": 2,
        "modules_returned": True,
        "awaiting": "documents",
        "product": "Базис-Шкаф",
        "licenses": ["L-1004"],
        "keys": ["M-100200"],
        "verified_items": True,
    }


async def test_transfer_unlinked_chat_saved_before_the_modules_goes_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await chat.send("/start")
    await save_chat(
        db,
        chat,
        "transfer",
        "modules",
        {
            "operation": "redistribute",
            "product": "Базис-Мебельщик",
            "licenses": ["L-2001", "L-2002"],
            "workplaces": 4,
            "keys": ["3-5550001", "3-5550002"],
            "order": "L-2001: 2 места",
        },
    )
    await chat.payload(encode("transfer.modules", "no"))
    number = await last_request_id(db)
    assert chat.said("transfer.checklist_order", order="L-2001: 2 места")
    filed = await request(db, number)
    details = {k: v for k, v in filed.details.items() if k not in ("card", "who")}
    assert details == {
        key: value
        for key, value in {**TRANSFER_UNVERIFIED, "awaiting": "documents"}.items()
        if key not in ("modules_returned", "verified_items")
    }
    assert filed.details["card"] == [
        [key, values] for key, values in transfer_card(TransferDetails.from_stored(filed.details))
    ]


async def test_transfer_chat_saved_collecting_the_files_goes_on(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await consented(db, chat, SIDOROVA, TRANSFER_MENU)
    number = await file_old_request(
        db, chat, RequestKind.TRANSFER, TRANSFER_WAITING, status=RequestStatus.WAITING_DOCUMENTS
    )
    await save_chat(db, chat, "transfer", "letter", {"request_id": number})

    await send_file(chat, "letter.pdf")
    assert "Получено файлов: 0" in chat.text
    await send_file(chat, "L-1004.WibuCmRaU")
    assert "Получено файлов: 1" in chat.text
    await chat.press("Это все")
    assert chat.said("transfer.filed_with_modules", number=number)
    assert await attachment_roles(db, number) == ["letter", "license_file"]
    done = await request(db, number)
    assert done.status is RequestStatus.NEW
    expected = {
        key: value
        for key, value in TRANSFER_WAITING.items()
        if key not in ("awaiting", "operation", "order", "card")
    }
    assert {k: v for k, v in done.details.items() if k != "card"} == {
        **expected,
        "module_return": "pending",
    }
    assert done.details["card"][-2:] == [
        ["transfer.card_modules_pending", {}],
        list(_DOCS_RECEIVED),
    ]


async def test_transfer_request_filed_before_keeps_its_keys_when_a_manager_decides(
    engine: Engine, db: Database
) -> None:
    chat = Chat(engine)
    await consented(db, chat, SIDOROVA, TRANSFER_MENU)
    number = await file_old_request(
        db, chat, RequestKind.TRANSFER, TRANSFER_PENDING, status=RequestStatus.NEW
    )
    manager = Chat(engine, user_id="900", manager=True)
    await manager.payload(encode("transfer_desk.reason", number, "no_guarantee"))
    decided = await request(db, number)
    assert {k: v for k, v in decided.details.items() if k != "card"} == {
        **{k: v for k, v in TRANSFER_PENDING.items() if k not in ("order", "card")},
        "module_return": "rejected",
        "module_return_by": "telegram:900",
        "module_return_manager": {"person": "User 900", "messenger": "telegram"},
        "module_return_at": NOW.isoformat(),
        "module_return_code": "no_guarantee",
    }
    assert decided.details["card"][-2] == [
        "transfer.card_modules_rejected",
        {
            "reason": {"text": "transfer_desk.reason_no_guarantee"},
            "manager": {"person": "User 900", "messenger": "telegram"},
        },
    ]
    # A second press: already decided, named by who decided.
    await manager.payload(encode("transfer_desk.approve", number))
    assert manager.said("transfer_desk.already_decided", number=number)

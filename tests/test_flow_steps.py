"""Declared steps (handlers/engine/steps.py): every flow names its steps, the engine checks them
when it is built, and the chat's saved state still records a step by its name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.flow import Context, Flow, FlowError, Step
from handlers.engine.messages import Incoming
from handlers.engine.payloads import Payload, encode
from handlers.flow_list import default_flows
from handlers.flows.booking import BookingFlow
from handlers.flows.consent import ConsentFlow
from handlers.flows.link_request import LinkRequestFlow
from handlers.i18n import recording_texts
from handlers.policy import Policy
from storage import conversations
from storage.db import Database
from storage.models import ConversationState
from tests.support.chat import Chat, Clock

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def engine_with(db: Database, policy: Policy, *flows: Flow) -> Engine:
    return Engine(db, policy, flows, desk=ManagerDesk.console_only(), clock=Clock(NOW))


# -- every flow in the flow list ---------------------------------------------------------


@pytest.mark.parametrize("flow", default_flows(), ids=lambda flow: flow.name)
def test_every_flow_in_the_list_passes_the_check(flow: Flow) -> None:
    flow.check()
    for name, step in flow.steps.items():
        assert step.name == name
        assert callable(getattr(flow, f"ask_{name}")) and callable(getattr(flow, f"on_{name}"))


async def test_the_engine_is_built_with_every_flow(db: Database, policy: Policy) -> None:
    engine = engine_with(db, policy, *default_flows())
    assert set(engine.flows) == {flow.name for flow in default_flows()}


def test_a_step_takes_its_name_from_its_attribute_or_is_named_explicitly() -> None:
    assert BookingFlow.steps["day"] is BookingFlow.day and BookingFlow.day.name == "day"
    # Where the attribute would hide Flow.name or Flow.ask, the stored name is given.
    assert LinkRequestFlow.steps["name"] is LinkRequestFlow.person_name
    assert ConsentFlow.steps["ask"] is ConsentFlow.question
    assert LinkRequestFlow.name == "link_request"


# -- flows the check refuses, each naming flow and step -----------------------------------


class _MissingAsk(Flow):
    name = "missing_ask"
    phone = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.phone)

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


class _MisspeltTarget(Flow):
    name = "misspelt_target"
    phone = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.phnoe)  # type: ignore[attr-defined]

    async def ask_phone(self, ctx: Context) -> None:
        ctx.say("phone?")

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


class _StringTarget(Flow):
    name = "string_target"
    phone = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go("phone")  # type: ignore[arg-type]

    async def ask_phone(self, ctx: Context) -> None:
        ctx.say("phone?")

    async def on_phone(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


class _MisspeltMethod(Flow):
    name = "misspelt_method"
    phone = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.phone)

    async def ask_phone(self, ctx: Context) -> None:
        ctx.say("phone?")

    async def on_phnoe(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


class _HidesFlowAsk(Flow):
    name = "hides_ask"
    ask = Step()  # type: ignore[assignment]

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.ask)

    async def ask_ask(self, ctx: Context) -> None:
        ctx.say("?")

    async def on_ask(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


@pytest.mark.parametrize(
    ("flow", "expected"),
    [
        (_MissingAsk(), "step 'phone' has no ask_phone"),
        (_MisspeltTarget(), "ctx.go(self.phnoe) names step 'phnoe', which is not declared"),
        (_StringTarget(), "ctx.go('phone') takes a declared step"),
        (_MisspeltMethod(), "on_phnoe belongs to step 'phnoe', which is not declared"),
        (_MisspeltMethod(), "step 'phone' has no on_phone"),
        (_HidesFlowAsk(), "step 'ask' (_HidesFlowAsk.ask) and Flow.ask share a name"),
    ],
    ids=[
        "missing ask_",
        "misspelt go target",
        "string go target",
        "misspelt on_",
        "no on_",
        "hides",
    ],
)
async def test_a_broken_flow_fails_when_the_engine_is_built(
    db: Database, policy: Policy, flow: Flow, expected: str
) -> None:
    with pytest.raises(FlowError) as refused:
        engine_with(db, policy, *default_flows(), flow)
    message = str(refused.value)
    assert message.startswith(f"flow {flow.name!r} ({type(flow).__qualname__}): ")
    assert expected in message


def test_a_misspelt_target_is_reported_where_it_is() -> None:
    with pytest.raises(
        FlowError, match=r"_MisspeltTarget\.begin, line \d+: ctx\.go\(self\.phnoe\)"
    ):
        _MisspeltTarget.check()


class _Elsewhere(Flow):
    name = "elsewhere"
    there = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        await ctx.go(self.there)

    async def ask_there(self, ctx: Context) -> None:
        ctx.say("there")

    async def on_there(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


class _Borrowing(Flow):
    """Goes to another flow's step through a variable: only the run-time check sees it."""

    name = "borrowing"
    commands = ("/borrow",)
    here = Step()

    async def begin(self, ctx: Context, payload: Payload) -> None:
        target = _Elsewhere.there
        await ctx.go(target)

    async def ask_here(self, ctx: Context) -> None:
        ctx.say("here")

    async def on_here(self, ctx: Context, msg: Incoming, payload: Payload | None) -> bool:
        return True


async def test_go_takes_only_a_step_of_the_current_flow(db: Database, policy: Policy) -> None:
    engine = engine_with(db, policy, _Elsewhere(), _Borrowing())
    with pytest.raises(
        FlowError, match="flow 'borrowing' has no step <Step 'there' of _Elsewhere>"
    ):
        await Chat(engine).send("/borrow")


# -- stored states written before steps were declared ---------------------------------------


async def store(db: Database, chat: Chat, state: ConversationState) -> None:
    """The chat's saved state as a row written by earlier code (flow and step by name)."""
    async with db.unit() as unit:
        await conversations.save(unit, chat.platform, chat.user_id, state, now=NOW)


async def saved(db: Database, chat: Chat) -> ConversationState:
    async with db.unit() as unit:
        return await conversations.load(unit, chat.platform, chat.user_id)


async def test_a_stored_state_resumes_at_its_step(db: Database, policy: Policy) -> None:
    engine = engine_with(db, policy, *default_flows())
    chat = Chat(engine)
    await chat.send("/start")
    # "name" is the explicitly named step LinkRequestFlow.person_name.
    await store(db, chat, ConversationState("link_request", "name", {}))
    with recording_texts() as rendered:
        await engine.resume(chat.platform, chat.user_id, chat.user_id)
    assert rendered[0].key == "link_request.ask_name"
    await chat.send("Иван Петров")
    assert chat.rendered[0].key == "link_request.ask_company"
    assert await saved(db, chat) == ConversationState(
        "link_request", "company", {"name": "Иван Петров"}
    )


async def test_a_stored_booking_state_resumes_and_consent_returns_to_its_step(
    db: Database, policy: Policy
) -> None:
    """A step of a part of the booking flow; consent midway keeps the step to come back
    to by its name and returns there with the collected data."""
    engine = engine_with(db, policy, *default_flows())
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, ConversationState("booking", "problem", {"kind": "backup"}))
    await chat.send("1С не запускается после обновления")
    assert chat.said("consent.text")
    waiting = await saved(db, chat)
    assert (waiting.flow, waiting.step) == ("consent", "ask")
    assert waiting.data["resume"] == "booking" and waiting.data["resume_step"] == "phone"
    await chat.payload(encode("consent.yes"))
    assert chat.said("booking.ask_phone")
    assert await saved(db, chat) == ConversationState(
        "booking", "phone", {"kind": "backup", "problem": "1С не запускается после обновления"}
    )


async def test_a_stored_state_naming_an_unknown_step_is_handled_as_before(
    db: Database, policy: Policy
) -> None:
    engine = engine_with(db, policy, *default_flows())
    chat = Chat(engine)
    await chat.send("/start")
    await store(db, chat, ConversationState("renewal", "no_such_step", {}))
    # Nothing checks a stored step when it is loaded: the step has no ask_ (as before).
    with pytest.raises(AttributeError, match="ask_no_such_step"):
        await chat.send("hello")
    # A command still leaves it.
    await chat.send("/cancel")
    assert chat.said("common.cancelled")
    assert await saved(db, chat) == ConversationState()
    # A stored flow that no longer exists is no flow: the text is taken as written at
    # the menu (it reaches the managers as a question).
    await store(db, chat, ConversationState("no_such_flow", "x", {}))
    await chat.send("hello")
    assert chat.said("relay.question_filed")

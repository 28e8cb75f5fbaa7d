"""Choosing one's own licenses or keys: a toggle list with "Done", or the numbers typed
(separated by commas, semicolons or spaces), each re-checked as the customer's own and as
able to take part (a key reported lost, stolen or broken is not offered, and refused when
an old button or a typed number names it); a person not linked types the numbers at
another step instead."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from handlers.engine.flow import Context, Step
from handlers.engine.messages import Incoming, keyboard
from handlers.engine.payloads import Payload
from handlers.engine.stored import Stored
from storage.db import Unit

_NUMBER = re.compile(r"^(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._/\-]{0,39}$")
_SEPARATORS = re.compile(r"[\s,;]+")
_MAX_NUMBERS = 30

#: The flow's record of what its chat holds (the chosen ids are one of its fields).
D = TypeVar("D", bound=Stored)


class Owned(Protocol):
    """A license or a key: what the list shows and checks as the customer's own."""

    @property
    def id(self) -> int: ...

    @property
    def customer_id(self) -> int: ...


def _always(item: Owned) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Choice(Generic[D]):
    """The customer's own licenses or keys: a toggle list with "Done", or numbers typed;
    a person not linked types them at ``typed_step`` instead."""

    step: Step
    typed_step: Step
    next_step: Step
    record: type[D]
    """The flow's record of what the chat holds (``ctx.read``)."""
    chosen: Callable[[D], tuple[int, ...]]
    """The ids chosen so far, as the record keeps them."""
    with_chosen: Callable[[D, tuple[int, ...]], D]
    """The record with these ids chosen."""
    question: str
    label: str
    toggle: str
    done: str
    none_owned: str
    """Text: the customer has none of them."""
    choose_one: str
    """Text: "Done" with nothing chosen."""
    not_yours_button: str
    not_yours_typed: str
    of_customer: Callable[[Unit, int], Awaitable[Sequence[Owned]]]
    by_id: Callable[[Unit, int], Awaitable[Owned | None]]
    by_number: Callable[[Unit, str], Awaitable[Owned | None]]
    usable: Callable[[Owned], bool] = _always
    """Whether one's own item may take part (a key reported lost may not)."""
    number_of: Callable[[Owned], str] = str
    """The number an item is known by, for the refusal."""
    not_usable: str = ""
    """Text: these own items (``numbers``) may not take part; nothing changed."""
    none_usable: str = ""
    """Text: the customer has some, but none may take part."""


def typed_numbers(text: str) -> list[str] | None:
    """Typed license or key numbers, separated by commas, semicolons or spaces."""
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    if not parts or len(parts) > _MAX_NUMBERS or not all(_NUMBER.match(p) for p in parts):
        return None
    return list(dict.fromkeys(parts))


async def start_choice(ctx: Context, choice: Choice[D]) -> None:
    """A person not linked types the numbers; a customer with none of them is told so;
    otherwise the toggle list, nothing chosen yet."""
    if ctx.customer_id is None:
        await ctx.go(choice.typed_step)
        return
    owned = await choice.of_customer(ctx.unit, ctx.customer_id)
    if not owned:
        ctx.say(ctx.t(choice.none_owned), (ctx.menu_row(),))
        ctx.finish()
        return
    if not any(choice.usable(item) for item in owned):
        ctx.say(ctx.t(choice.none_usable), (ctx.menu_row(),))
        ctx.finish()
        return
    _keep_chosen(ctx, choice, ())
    await ctx.go(choice.step)


def _chosen(ctx: Context, choice: Choice[D]) -> tuple[int, ...]:
    return choice.chosen(ctx.read(choice.record))


def _keep_chosen(ctx: Context, choice: Choice[D], ids: tuple[int, ...]) -> None:
    ctx.keep(choice.with_chosen(ctx.read(choice.record), ids))


def ask_choice(
    ctx: Context, choice: Choice[D], items: list[tuple[int, str, dict[str, Any]]]
) -> None:
    """The toggle list: ``items`` are (id, number, the label's values) of one's own that
    may take part; one chosen earlier and no longer listed is not counted."""
    listed_ids = {item_id for item_id, _number, _values in items}
    chosen = set(_chosen(ctx, choice)) & listed_ids
    listed = (
        ctx.button(
            choice.label,
            choice.toggle,
            item_id,
            mark="✅" if item_id in chosen else "▫️",
            **values,
        )
        for item_id, _number, values in items
    )
    done = ctx.button("transfer.done_button", choice.done, count=len(chosen))
    numbers = [number for item_id, number, _values in items if item_id in chosen]
    text = ctx.t(choice.question)
    if numbers:
        text += "\n" + ctx.t("transfer.chosen", items=", ".join(numbers))
    ctx.say(text, keyboard(*listed, done, ctx.menu_row()))


async def drop_unusable(ctx: Context, choice: Choice[D]) -> list[str]:
    """Take out of the choice what may no longer take part (a key reported lost since it
    was chosen); returns their numbers, for the refusal."""
    kept: list[int] = []
    refused: list[str] = []
    for item_id in _chosen(ctx, choice):
        item = await choice.by_id(ctx.unit, item_id)
        if item is None or item.customer_id != ctx.customer_id or choice.usable(item):
            kept.append(item_id)  # one no longer theirs is refused when the request is filed
        else:
            refused.append(choice.number_of(item))
    _keep_chosen(ctx, choice, tuple(kept))
    return refused


def refuse_unusable(ctx: Context, choice: Choice[D], numbers: Sequence[str]) -> None:
    ctx.say(ctx.t(choice.not_usable, numbers=", ".join(numbers)))


async def choose(ctx: Context, msg: Incoming, payload: Payload | None, choice: Choice[D]) -> bool:
    """A toggle button, "Done", or typed numbers, each re-checked as the customer's own
    and as able to take part."""
    assert ctx.customer_id is not None
    if payload is None:
        return await _typed(ctx, msg, choice)
    if payload.action == choice.done:
        refused = await drop_unusable(ctx, choice)
        if refused:
            refuse_unusable(ctx, choice, refused)
            await ctx.go(choice.step)
            return True
        if not _chosen(ctx, choice):
            ctx.say(ctx.t(choice.choose_one))
            await ctx.go(choice.step)
            return True
        await ctx.go(choice.next_step)
        return True
    if payload.action != choice.toggle:
        return False
    item_id = payload.optional_int(0)
    found = await choice.by_id(ctx.unit, item_id) if item_id is not None else None
    if found is None or found.customer_id != ctx.customer_id:
        ctx.say(ctx.t(choice.not_yours_button))
        await ctx.go(choice.step)
        return True
    chosen = _chosen(ctx, choice)
    others = tuple(chosen_id for chosen_id in chosen if chosen_id != found.id)
    if not choice.usable(found):
        # An old button of a key reported lost since: refused, and out of the choice.
        _keep_chosen(ctx, choice, others)
        refuse_unusable(ctx, choice, [choice.number_of(found)])
    else:
        _keep_chosen(ctx, choice, others if found.id in chosen else (*others, found.id))
    await ctx.go(choice.step)
    return True


async def _typed(ctx: Context, msg: Incoming, choice: Choice[D]) -> bool:
    """Typed numbers: chosen only when every one is the customer's own and may take part."""
    typed = typed_numbers(msg.text)
    if typed is None or msg.attachments:
        return False
    found_ids: list[int] = []
    unknown: list[str] = []
    refused: list[str] = []
    for number in typed:
        item = await choice.by_number(ctx.unit, number)
        if item is None or item.customer_id != ctx.customer_id:
            unknown.append(number)
        elif not choice.usable(item):
            refused.append(choice.number_of(item))
        else:
            found_ids.append(item.id)
    if unknown or refused:
        # One answer for unknown and foreign numbers alike; nothing is chosen.
        if unknown:
            ctx.say(ctx.t(choice.not_yours_typed, numbers=", ".join(unknown)))
        if refused:
            refuse_unusable(ctx, choice, refused)
        await ctx.go(choice.step)
        return True
    _keep_chosen(ctx, choice, tuple(dict.fromkeys([*_chosen(ctx, choice), *found_ids])))
    await ctx.go(choice.step)
    return True

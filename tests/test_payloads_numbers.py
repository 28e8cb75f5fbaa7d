"""Numbers in button payloads: ``int_arg`` refuses a bad one (the engine answers "bad
button" and rolls the step back), ``optional_int`` gives None for a flow that answers in
its own words."""

from __future__ import annotations

import pytest

from handlers.engine.payloads import PayloadError, parse


@pytest.mark.parametrize(
    ("raw", "index", "number"),
    [("1:key_loss.key:42", 0, 42), ("1:go:key_loss:docs:7", 2, 7), ("1:x.y:0", 0, 0)],
)
def test_a_number_reads_the_same_both_ways(raw: str, index: int, number: int) -> None:
    payload = parse(raw)
    assert payload.int_arg(index) == number
    assert payload.optional_int(index) == number


@pytest.mark.parametrize(
    ("raw", "index"),
    [
        ("1:key_loss.key", 0),  # missing
        ("1:key_loss.key:abc", 0),  # not a number
        ("1:key_loss.key:-5", 0),  # a sign is not a digit
        ("1:key_loss.key:1.5", 0),
        ("1:key_loss.key:1234567890123", 0),  # longer than 12 digits
        ("1:key_loss.key:", 0),  # empty
        ("1:go:key_loss:docs", 2),  # past the end
    ],
)
def test_a_bad_number_is_refused_or_none(raw: str, index: int) -> None:
    payload = parse(raw)
    with pytest.raises(PayloadError):
        payload.int_arg(index)
    assert payload.optional_int(index) is None

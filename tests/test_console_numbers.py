"""Numbers typed in the console: a bare number presses the button with that number, unless
the question asks for a number (then it is the answer, as typed in a messenger); ``#n``
always presses button n, and a missing button is said, in the session's language."""

from __future__ import annotations

import io

from bot.channels.console import ConsoleChannel
from handlers.desk.manager_desk import ManagerDesk
from handlers.engine.dispatcher import Engine
from handlers.engine.messages import Button, Reply
from handlers.flow_list import default_flows
from handlers.policy import Policy
from storage.db import Database

MENU = ((Button("Продление поддержки", "1:go:renewal"),), (Button("Помощь", "1:help"),))
COUNT = ((Button("2 рабочих места", "1:transfer.wp:2"),), (Button("« Главное меню", "1:menu"),))


def console(db: Database, policy: Policy) -> tuple[ConsoleChannel, io.StringIO]:
    output = io.StringIO()
    engine = Engine(db, policy, default_flows(), desk=ManagerDesk.console_only())
    return ConsoleChannel(engine, db, output=output), output


async def test_a_bare_number_presses_a_button_where_no_number_is_asked(
    db: Database, policy: Policy
) -> None:
    channel, _ = console(db, policy)
    channel.show([Reply("Главное меню", MENU)])
    pressed = channel.to_incoming("2")
    assert pressed is not None and pressed.payload == "1:help"


async def test_a_number_asked_for_is_the_answer_and_hash_still_presses(
    db: Database, policy: Policy
) -> None:
    channel, output = console(db, policy)
    channel.show([Reply("Сколько рабочих мест?", COUNT, expects_number=True)])
    answer = channel.to_incoming("2")
    assert answer is not None and (answer.text, answer.payload) == ("2", None)
    pressed = channel.to_incoming("#2")
    assert pressed is not None and pressed.payload == "1:menu"
    assert channel.to_incoming("#7") is None
    assert "Кнопки 7 нет" in output.getvalue()
    # The next question asks for no number: a bare number presses again.
    channel.show([Reply("Главное меню", MENU)])
    again = channel.to_incoming("1")
    assert again is not None and again.payload == "1:go:renewal"

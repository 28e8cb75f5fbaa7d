"""Declared steps: a flow names its steps in its class body, and the engine checks them.

``phone = Step()`` declares the step ``phone`` (the attribute's name, as aiogram's
``State.__set_name__`` takes it). The name is what the chat's saved state records, what the
step's methods ``ask_phone``/``on_phone`` and its hint key ``<flow>.phone_hint`` are called;
``Step("name")`` gives it explicitly where the attribute would hide something of the flow
(``Flow.name``, ``Flow.ask``). A flow moves with ``ctx.go(self.phone)``, never by a string.

:func:`definition_problems` is what :meth:`handlers.engine.flow.Flow.check` reports, and the engine
runs that for every flow it is built with: a step without its ``ask_``/``on_`` pair, an
``ask_``/``on_`` method of no declared step, a step hiding (or hidden by) another attribute,
two steps of one name, and a ``ctx.go(…)``/``ctx.resume_at(…)`` in the flow's source whose
target is a string or names no declared step (``self.phnoe``). A target computed at run time
(a variable, a field) is checked when it is used: ``ctx.go`` takes only a step of the flow.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType

#: The ``Context`` methods that take a step.
_MOVES = frozenset({"go", "resume_at"})


class FlowError(TypeError):
    """A flow's declared steps and its code disagree (the message names flow and step)."""


class Step:
    """One step of a flow, declared in its class body; see the module's docstring."""

    __slots__ = ("attribute", "name", "owner")

    def __init__(self, name: str | None = None) -> None:
        #: What the saved state records and the step's methods are named after.
        self.name = name or ""
        #: The attribute it is declared as, and the class declaring it.
        self.attribute = ""
        self.owner: type | None = None

    def __set_name__(self, owner: type, attribute: str) -> None:
        if self.owner is not None:
            return  # another name for a declared step (``first_step = operation``)
        self.owner, self.attribute = owner, attribute
        self.name = self.name or attribute

    def __repr__(self) -> str:
        owner = self.owner.__qualname__ if self.owner is not None else "?"
        return f"<Step {self.name!r} of {owner}>"


def declared_steps(cls: type) -> tuple[dict[str, Step], list[str]]:
    """The steps ``cls`` and its bases declare, by name, and the names declared twice."""
    steps: dict[str, Step] = {}
    problems: list[str] = []
    for klass in reversed(cls.__mro__):
        for attribute, value in vars(klass).items():
            if not isinstance(value, Step) or value.attribute != attribute:
                continue
            earlier = steps.get(value.name)
            if earlier is not None and earlier.attribute != attribute:
                problems.append(
                    f"two steps are named {value.name!r}: "
                    f"{_where(earlier)} and {klass.__qualname__}.{attribute}"
                )
            steps[value.name] = value
    return steps, problems


def definition_problems(cls: type, base: type) -> tuple[str, ...]:
    """What is wrong with the steps of flow class ``cls`` (``base``: the ``Flow`` class);
    worked out once per class (engines are built often in tests)."""
    known = _PROBLEMS.get(cls)
    if known is None:
        known = _PROBLEMS[cls] = tuple(_problems(cls, base))
    return known


_PROBLEMS: dict[type, tuple[str, ...]] = {}


def _problems(cls: type, base: type) -> list[str]:
    steps, problems = declared_steps(cls)
    for name, step in steps.items():
        for klass in cls.__mro__:
            if step.attribute in vars(klass) and not isinstance(vars(klass)[step.attribute], Step):
                problems.append(
                    f"step {name!r} ({_where(step)}) and {klass.__qualname__}.{step.attribute} "
                    f"share a name; declare it as another_name = Step({name!r})"
                )
        if inspect.getattr_static(cls, step.attribute, None) is not step:
            problems.append(f"step {name!r} ({_where(step)}) is hidden by another attribute")
        for method in (f"ask_{name}", f"on_{name}"):
            if not callable(getattr(cls, method, None)):
                problems.append(f"step {name!r} has no {method}")
    hooks = {attribute for attribute in dir(base) if attribute.startswith(("ask_", "on_"))}
    for attribute in dir(cls):
        if attribute in hooks or not attribute.startswith(("ask_", "on_")):
            continue
        name = attribute.split("_", 1)[1]
        if name not in steps and callable(getattr(cls, attribute, None)):
            problems.append(f"{attribute} belongs to step {name!r}, which is not declared")
    problems.extend(_target_problems(cls, base, steps))
    return problems


def _where(step: Step) -> str:
    owner = step.owner.__qualname__ if step.owner is not None else "?"
    return f"{owner}.{step.attribute}"


# -- go targets in the source ------------------------------------------------------------


def _target_problems(cls: type, base: type, steps: Mapping[str, Step]) -> Iterator[str]:
    """``ctx.go``/``ctx.resume_at`` targets in the flow's classes and their modules'
    functions that are strings or name no declared step."""
    modules: list[ModuleType] = []
    for klass in cls.__mro__:
        if klass in base.__mro__:
            continue
        module = sys.modules.get(klass.__module__)
        if module is None:
            continue
        if module not in modules:
            modules.append(module)
        tree = _parsed(klass)
        if tree is not None:
            yield from _check_moves(tree, cls, steps, module.__dict__, klass.__qualname__)
    for module in modules:
        tree = _parsed(module)
        if tree is None:
            continue
        for node in tree.body:  # the module's own functions (a class is checked as above)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from _check_moves(node, cls, steps, module.__dict__, module.__name__)


@cache
def _parsed(source_of: type | ModuleType) -> ast.Module | None:
    try:
        lines, first = inspect.getsourcelines(source_of)
    except (OSError, TypeError):  # no source (a frozen build): the run-time check remains
        return None
    try:
        tree = ast.parse(textwrap.dedent("".join(lines)))
    except SyntaxError:  # the file changed since it was imported: as without source
        return None
    return ast.increment_lineno(tree, max(first - 1, 0))


def _check_moves(
    tree: ast.AST,
    cls: type,
    steps: Mapping[str, Step],
    namespace: Mapping[str, object],
    where: str,
) -> Iterator[str]:
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for call in _own_calls(function):
            move = call.func
            if not (
                isinstance(move, ast.Attribute)
                and move.attr in _MOVES
                and isinstance(move.value, ast.Name)
                and move.value.id == "ctx"
                and call.args
            ):
                continue
            for target in _branches(call.args[0]):
                problem = _target_problem(target, cls, steps, namespace)
                if problem is not None:
                    yield (
                        f"{where}.{function.name}, line {call.lineno}: "
                        f"ctx.{move.attr}({ast.unparse(target)}) {problem}"
                    )


def _own_calls(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.Call]:
    """The calls in ``function``'s body, not in the functions it defines."""
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _branches(target: ast.expr) -> Iterator[ast.expr]:
    if isinstance(target, ast.IfExp):
        yield from _branches(target.body)
        yield from _branches(target.orelse)
    else:
        yield target


def _target_problem(
    target: ast.expr, cls: type, steps: Mapping[str, Step], namespace: Mapping[str, object]
) -> str | None:
    if isinstance(target, ast.Constant | ast.JoinedStr):
        return "takes a declared step (self.<step>), not a string"
    if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)):
        return None  # computed at run time: ctx.go checks it then
    holder: object = cls if target.value.id in ("self", "cls") else namespace.get(target.value.id)
    if not isinstance(holder, type):
        return None  # a variable (choice.step …): checked at run time
    step = inspect.getattr_static(holder, target.attr, None)
    if not isinstance(step, Step):
        return f"names step {target.attr!r}, which is not declared"
    if holder is cls and steps.get(step.name) is not step:
        return f"names step {target.attr!r}, which is not a step of this flow"
    return None


__all__ = ["FlowError", "Step", "declared_steps", "definition_problems"]

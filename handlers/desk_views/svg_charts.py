"""Bar and line charts as SVG text, drawn on the server: no script, no library.

Every chart names itself for screen readers (``role="img"``, ``<title>`` and ``<desc>``
referenced by ``aria-labelledby``), has both axes labelled and a legend, and every bar or
point carries a ``<title>`` with its category, series and value (a tooltip). All text comes
from data or catalogues and is escaped here; nothing the caller passes is markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

#: Colours that stay apart for colour-blind readers (Okabe and Ito), then greys.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
    "#666666",
)

WIDTH, HEIGHT = 960, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 620, 24, 262
"""The plot area; the legend is right of it, the category labels below."""
_TICKS = 5
_FONT = 'font-family="sans-serif" font-size="11"'


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    """One per category; None: no value (a gap in a line, no bar)."""


@dataclass(frozen=True, slots=True)
class ChartText:
    """What a chart says about itself, already in the reader's language."""

    title: str
    desc: str
    x_label: str
    y_label: str


ValueText = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:g}"


def nice_top(largest: float) -> float:
    """The axis top: the smallest 1, 2, 2.5 or 5 × 10^k step times the number of ticks that
    reaches ``largest`` (1 for an empty or zero chart)."""
    if largest <= 0:
        return float(_TICKS)
    raw = largest / _TICKS
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step * _TICKS >= largest:
            return step * _TICKS
    return 10 * power * _TICKS  # pragma: no cover - the loop always returns


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(
        f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attributes.items()
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" {_FONT}{extra}>{escape(content)}</text>'


def _frame(
    chart_id: str,
    text: ChartText,
    categories: Sequence[str],
    series: Sequence[Series],
    top: float,
    value_text: ValueText,
    body: list[str],
) -> str:
    """The svg element with its title, axes, ticks, category labels and legend."""
    ident = "".join(c if c.isalnum() or c in "-_" else "-" for c in chart_id)
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(text.title)}</title>',
        f'<desc id="{desc_id}">{escape(text.desc)}</desc>',
    ]
    for i in range(_TICKS + 1):
        value = top * i / _TICKS
        y = _y(value, top)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{RIGHT}" y2="{y:.1f}" stroke="#dddddd"/>')
        parts.append(_text(LEFT - 6, y + 4, value_text(value), text_anchor="end"))
    parts += body
    parts.append(
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="#333333"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BOTTOM}" stroke="#333333"/>'
    )
    width = _band(len(categories))
    for i, category in enumerate(categories):
        x = LEFT + width * (i + 0.5)
        parts.append(
            _text(
                x,
                BOTTOM + 12,
                category,
                text_anchor="end",
                transform=f"rotate(-45 {x:.1f} {BOTTOM + 12})",
            )
        )
    parts.append(_text((LEFT + RIGHT) / 2, HEIGHT - 6, text.x_label, text_anchor="middle"))
    middle = (TOP + BOTTOM) / 2
    parts.append(
        _text(14, middle, text.y_label, text_anchor="middle", transform=f"rotate(-90 14 {middle})")
    )
    parts.append('<g class="legend">')
    for i, one in enumerate(series):
        y = TOP + 18 * i
        parts.append(f'<rect x="{RIGHT + 16}" y="{y}" width="12" height="12" fill="{_colour(i)}"/>')
        parts.append(_text(RIGHT + 34, y + 10, one.name))
    parts.append("</g></svg>")
    return "".join(parts)


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _band(count: int) -> float:
    return (RIGHT - LEFT) / max(count, 1)


def _y(value: float, top: float) -> float:
    return BOTTOM - (BOTTOM - TOP) * value / top


def _point_title(category: str, name: str, value: float, value_text: ValueText) -> str:
    return f"<title>{escape(f'{category} — {name}: {value_text(value)}')}</title>"


def bar_chart(
    chart_id: str,
    text: ChartText,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = True,
    value_text: ValueText = _plain,
) -> str:
    """Bars per category, one colour per series: stacked, or side by side."""
    if stacked:
        totals = [sum(s.values[i] or 0 for s in series) for i in range(len(categories))]
        largest = max(totals, default=0)
    else:
        largest = max((v for s in series for v in s.values if v is not None), default=0)
    top = nice_top(largest)
    band = _band(len(categories))
    inner = band * 0.8
    body = []
    for i, category in enumerate(categories):
        x0 = LEFT + band * i + (band - inner) / 2
        base = 0.0
        for n, one in enumerate(series):
            value = one.values[i]
            if value is None or value <= 0:
                continue
            if stacked:
                x, width, low, high = x0, inner, base, base + value
                base = high
            else:
                width = inner / max(len(series), 1)
                x, low, high = x0 + width * n, 0.0, value
            y_top, y_low = _y(high, top), _y(low, top)
            body.append(
                f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{width:.1f}" '
                f'height="{y_low - y_top:.1f}" fill="{_colour(n)}">'
                f"{_point_title(category, one.name, value, value_text)}</rect>"
            )
    return _frame(chart_id, text, categories, series, top, value_text, body)


def line_chart(
    chart_id: str,
    text: ChartText,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    value_text: ValueText = _plain,
    top: float | None = None,
    point_text: ValueText | None = None,
) -> str:
    """One line per series through the categories; a missing value breaks the line.
    ``point_text`` words a point's value in its tooltip (default: as the axis does)."""
    point = point_text or value_text
    largest = max((v for s in series for v in s.values if v is not None), default=0)
    axis_top = top if top is not None else nice_top(largest)
    band = _band(len(categories))
    body = []
    for n, one in enumerate(series):
        colour = _colour(n)
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(one.values):
            if value is None:
                runs.append([])
                continue
            x, y = LEFT + band * (i + 0.5), _y(value, axis_top)
            runs[-1].append((x, y))
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"{_point_title(categories[i], one.name, value, point)}</circle>"
            )
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                body.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
    return _frame(chart_id, text, categories, series, axis_top, value_text, body)

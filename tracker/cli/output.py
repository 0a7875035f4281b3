"""Rendering for people on a terminal: clause diffs, tables, run summaries.

Colour only on a TTY (rich decides, and honours NO_COLOR); every string that came from a terms page
is stripped of control characters first, so a page cannot send escape sequences to a terminal.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from tracker.records import ClauseChange
from tracker.text import strip_unsafe

if TYPE_CHECKING:
    from rich.console import Console


def clean(text: str | None) -> str:
    """Terminal-safe text: no escape sequences (C0 but tab and newline, DEL, C1), no bidi overrides."""
    return strip_unsafe(text)


def console(stderr: bool = False, *, force_color: bool = False) -> "Console":
    """A rich console; ``force_color`` keeps the colour codes when the output is not a terminal (``--color``)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, force_terminal=True if force_color else None)


def word_ops(before: str | None, after: str | None) -> list[tuple[int, str]]:
    from tracker.analysis.diff import word_diff

    return word_diff(before or "", after or "")


def diff_lines(changes: Sequence[ClauseChange], *, color: bool) -> "Iterable[Any]":
    """Yield printable renderables for clause changes (rich Text when colour is on, plain str otherwise)."""
    from rich.text import Text

    marks = {"added": "+", "removed": "-", "modified": "~", "moved": ">"}
    for change in changes:
        kind = change.kind
        label = change.severity or ""  # cosmetic, minor, material or critical
        cats = ", ".join(change.categories)
        head = f"{marks.get(kind, '?')} {kind} {clean(change.clause_id)}"
        if change.heading:
            head += f"  ({clean(change.heading)})"
        meta = f"  [{label}{'; ' + cats if cats else ''}]"
        explanation = clean(change.explanation)
        if not color:
            yield head + meta
            if explanation:
                yield f"    {explanation}"
            yield "    " + plain_inline(change)
            yield ""
            continue
        style = "bold red" if change.material else "bold"
        yield Text(head, style="bold") + Text(meta, style=style)
        if explanation:
            yield Text("    " + explanation, style="italic")
        yield Text("    ") + rich_inline(change)
        yield Text("")


def plain_inline(change: ClauseChange) -> str:
    """git --word-diff=plain style: [-deleted-]{+inserted+}."""
    kind = change.kind
    if kind == "added":
        return "{+" + clean(change.after) + "+}"
    if kind == "removed":
        return "[-" + clean(change.before) + "-]"
    if change.before == change.after:
        return clean(change.after)
    out = []
    for op, text in word_ops(change.before, change.after):
        text = clean(text)
        out.append(text if op == 0 else ("[-" + text + "-]" if op < 0 else "{+" + text + "+}"))
    return "".join(out)


def rich_inline(change: ClauseChange) -> "Any":
    """The word diff of a change as rich Text: deletions struck in red, insertions in green."""
    from rich.text import Text

    kind = change.kind
    if kind == "added":
        return Text(clean(change.after), style="green")
    if kind == "removed":
        return Text(clean(change.before), style="red strike")
    text = Text()
    for op, part in word_ops(change.before, change.after):
        part = clean(part)
        text.append(part, style="" if op == 0 else ("red strike" if op < 0 else "green underline"))
    return text


def is_tty() -> bool:
    return sys.stdout.isatty()

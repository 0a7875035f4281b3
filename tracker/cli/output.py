"""Rendering for people on a terminal: clause diffs, tables, run summaries.

Colour only on a TTY (rich decides, and honours NO_COLOR); every string that came from a terms page
is stripped of control characters first, so a page cannot send escape sequences to a terminal.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from tracker.records import ClauseChange, material_mark
from tracker.text import strip_unsafe

if TYPE_CHECKING:
    from rich.console import Console


def clean(text: str | None) -> str:
    """Terminal-safe text: no escape sequences (C0 but tab and newline, DEL, C1), no bidi overrides."""
    return strip_unsafe(text)


# What to do about an HTTP error the fetch reports bare ("HTTP 404 Not Found"): the stored error
# stays the server's words; the terminal adds the fix. Errors that already say more keep theirs.
_BARE_HTTP = re.compile(r"^HTTP (\d{3})(?: [^:;()]*)?$")
_HTTP_FIXES = {
    400: "the server refused the request: check the url and any `headers` in the sources file",
    401: "the page asks for a login: the tracker cannot sign in; find a public address of the terms",
    403: "the site refuses the tracker (a block or a firewall): open the url in a browser; if it works there, "
         "try `user_agent` or `render = \"browser\"` in the sources file",
    404: "the page moved or was removed? open the url in a browser and update it in the sources file",
    405: "the server refuses the method: check the url in the sources file",
    410: "the page was removed: find where the terms are now and update the url in the sources file",
    451: "the page is blocked for legal reasons where the tracker runs: try from another region",
}
_SERVER_FIX = "a fault of the site's server, usually passing: if it lasts, open the url in a browser"


def error_fix(error: str | None, *, status_hint: bool = True) -> str:
    """``error`` as a terminal shows it: a bare HTTP error ("HTTP 404 Not Found", as stored in
    the index and ``--json``, which tests pin) followed by what to do ("...; the page moved or was
    removed? open the url in a browser and update it in the sources file; `tracker status` shows
    since when"); any other error unchanged. ``status_hint``: add the pointer to `tracker
    status` (not in `tracker status` itself). Never raises; None gives ""."""
    if not error:
        return ""
    match = _BARE_HTTP.match(error.strip())
    if match is None:
        return error
    code = int(match.group(1))
    fix = _HTTP_FIXES.get(code) or (_SERVER_FIX if 500 <= code < 600 else None)
    if fix is None:
        return error
    return f"{error}; {fix}" + ("; `tracker status` shows since when" if status_hint else "")


def console(stderr: bool = False, *, force_color: bool = False) -> "Console":
    """A rich console; ``force_color`` keeps the colour codes when the output is not a terminal (``--color``)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, force_terminal=True if force_color else None)


def history_line(version: Any, material: int = 0, taken_back: int | None = None) -> str:
    """One version as `tracker history` (and the demo) lists it: number, date, commit, how many
    clauses changed ("first" for the first version) and, of a material version, how many of them
    materially (``material``, from ``Index.material_counts``; 0 says nothing), the material flag
    and the headline; ``taken_back``: the number of the next version, when it went back to the
    text from before this one (``records.taken_back_by``), said as the site and feeds say it."""
    v = version
    label = f"{v.changes} change{'s' if v.changes != 1 else ''}" if v.seq > 1 else "first"
    if material and v.material and v.seq > 1:
        label += f" ({material} material)"
    kind = f" ({v.kind})" if v.kind in ("revert", "partial-revert") else ""
    # critical is the material change against users: the same word `diff` and --json use
    flag = f"{material_mark(v.material, v.severity)} ".lstrip()
    back = f"  (taken back by version {taken_back})" if taken_back is not None else ""
    return f"  {v.seq:>3}  {v.fetched_at}  {v.commit_sha[:10]}  {label}{kind}  {flag}{clean(v.summary)}{back}"


def word_ops(before: str | None, after: str | None) -> list[tuple[int, str]]:
    from tracker.analysis.diff import word_diff

    return word_diff(before or "", after or "")


def diff_lines(changes: Sequence[ClauseChange], *, color: bool) -> "Iterable[Any]":
    """Yield printable renderables for clause changes (rich Text when colour is on, plain str otherwise)."""
    from rich.text import Text

    from tracker.analysis.rendering import section_label

    marks = {"added": "+", "removed": "-", "modified": "~", "moved": ">"}
    said: dict[str, str] = {}  # explanation -> the section it was first given for
    # A re-wrapped text (Markdown or plain text hard-wrapped at another width) changes the spacing of
    # every paragraph: listing each as its own "Only whitespace changed" buries the changes that say
    # something, so from SPACING_GROUP on they are one entry naming their sections.
    spacing = [c for c in changes if c.kind == "modified" and c.cosmetic == "whitespace"]
    grouped = len(spacing) >= SPACING_GROUP
    # A site's menu or footer captured with the terms, gone or new: one entry, not one per line.
    chrome = {kind: [c for c in changes if c.kind == kind and c.cosmetic == "page-chrome" and not c.material]
              for kind in ("removed", "added")}
    # A table of contents or menu rebuilt (``wording.toc_said``): its entries as one, from CHROME_GROUP on.
    # (a line of page furniture is said with the furniture, below)
    toc = [c for c in changes if not c.material and c.cosmetic != "page-chrome"
           and c.explanation.startswith("Table of contents")]
    in_toc = {id(c) for c in toc} if len(toc) >= CHROME_GROUP else set()
    for change in changes:
        kind = change.kind
        if id(change) in in_toc:
            if change is toc[0]:
                yield from _toc_group(toc, color=color)
            continue
        if grouped and change.kind == "modified" and change.cosmetic == "whitespace":
            if change is spacing[0]:
                yield from _spacing_group(spacing, color=color)
            continue
        if len(run := chrome.get(kind, [])) >= CHROME_GROUP and change.cosmetic == "page-chrome" and not change.material:
            if change is run[0]:
                yield from _chrome_group(run, color=color)
            continue
        label = change.severity or ""  # cosmetic, minor, material or critical
        cats = ", ".join(change.categories)
        # the section a reader finds in the page ("§ 8.3 Credits"), not the internal clause id
        where = section_label(change.heading, change.after or change.before or "", change.clause_id)
        head = f"{marks.get(kind, '?')} {kind}  {clean(where)}"
        meta = f"  [{label}{'; ' + cats if cats else ''}]"
        explanation = clean(change.explanation)
        if change.material and explanation in said:  # one change made in several clauses: said once, then pointed to
            there = clean(where)
            explanation = ("(the same change as in the clause above)" if said[explanation] == there
                           else f"(the same change as in {said[explanation]} above)")
        elif change.material and explanation:  # (a verdict such as "Reworded without a change of meaning" is no description)
            said[explanation] = clean(where)
        rewritten = _rewritten(change)
        if not color:
            yield head + meta
            if explanation:
                yield f"    {explanation}"
            if rewritten:
                yield "    was: " + rewritten[0]
                yield "    now: " + rewritten[1]
            else:
                yield "    " + plain_inline(change)
            yield ""
            continue
        style = "bold red" if change.material else "bold"
        yield Text(head, style="bold") + Text(meta, style=style)
        if explanation:
            yield Text("    " + explanation, style="italic")
        if rewritten:
            yield Text("    was: ") + Text(rewritten[0], style="red")
            yield Text("    now: ") + Text(rewritten[1], style="green")
        else:
            yield Text("    ") + rich_inline(change)
        yield Text("")


# From how many whitespace-only clause changes `diff_lines` lists them as one entry.
SPACING_GROUP = 3
CHROME_GROUP = 5  # lines of page chrome removed (or added) at least, said as one entry


def _chrome_group(chrome: Sequence[ClauseChange], *, color: bool) -> "Iterable[Any]":
    """One entry for the lines of page chrome (menus, banners, footers) one capture has and the
    other lacks: how many, and the first few of them."""

    kind = chrome[0].kind
    lines = [clean((c.before if kind == "removed" else c.after) or "").strip() for c in chrome]
    firsts = [(t[:40] + "…") if len(t) > 40 else t for t in lines if t][:3]
    head = f"{'-' if kind == 'removed' else '+'} {kind}  {len(chrome)} lines of page furniture"
    note = (f"    Page furniture (menus, banners, footers) {kind}, not a term: "
            + ", ".join(f"“{t}”" for t in firsts) + (", ..." if len(lines) > 3 else ""))
    yield from _cosmetic_entry(head, note, color=color)


def _toc_group(toc: Sequence[ClauseChange], *, color: bool) -> "Iterable[Any]":
    """One entry for the lines of a table of contents or site menu added, removed or rebuilt: how
    many of each kind, and the first few entries."""
    from collections import Counter

    kinds = Counter(c.kind for c in toc)
    how = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    # each entry as the explanation quotes it, without heading marks ("## ", a "-----" underline)
    entries = [re.sub(r"\s*[-=]{3,}.*$", "", clean(c.explanation.partition("“")[2].rpartition("”")[0]).lstrip("# "))
               for c in toc]
    firsts = [(t[:40] + "…") if len(t) > 40 else t for t in dict.fromkeys(e for e in entries if e)][:4]
    head = f"~ modified  {len(toc)} lines of a table of contents or menu ({how})"
    note = ("    Table of contents or site menu changed, not a term: " + ", ".join(f"“{t}”" for t in firsts)
            + (", ..." if len(set(entries)) > 4 else ""))
    yield from _cosmetic_entry(head, note, color=color)


def _cosmetic_entry(head: str, note: str, *, color: bool) -> "Iterable[Any]":
    """A grouped cosmetic entry: its head line tagged [cosmetic], its note, a blank line (bold and
    italic on a terminal)."""
    from rich.text import Text

    if not color:
        yield head + "  [cosmetic]"
        yield note
        yield ""
        return
    yield Text(head, style="bold") + Text("  [cosmetic]", style="bold")
    yield Text(note, style="italic")
    yield Text("")


def _spacing_group(spacing: Sequence[ClauseChange], *, color: bool) -> "Iterable[Any]":
    """One entry for clause changes that only changed spaces or line breaks: how many, and the
    first sections they are in (the words are the same, so there is no word diff to show)."""

    from tracker.analysis.rendering import section_label

    places: list[str] = []
    for c in spacing:
        where = clean(section_label(c.heading, c.after or c.before or "", c.clause_id))
        if where not in places:
            places.append(where)
    shown = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
    head = f"~ modified  {len(spacing)} clauses ({shown})"
    note = "    Only whitespace changed: the same words with other spaces or line breaks"
    yield from _cosmetic_entry(head, note, color=color)


def _plain(text: str | None) -> str:
    """A clause as the terminal shows it: Markdown rendered to one line of plain text."""
    from tracker.analysis.rendering import clause_text

    return clean(clause_text(text or ""))


def _rewritten(change: ClauseChange) -> tuple[str, str] | None:
    """(old, new) plain text of a clause rewritten beyond a readable word diff
    (``diff.is_rewrite``), else None."""
    from tracker.analysis.diff import is_rewrite

    if change.kind not in ("modified", "moved") or change.before is None or change.after is None:
        return None
    before, after = _plain(change.before), _plain(change.after)
    return (before, after) if is_rewrite(word_ops(before, after)) else None


_MD_LINK = re.compile(r"\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")


def link_targets_changed(change: ClauseChange) -> list[tuple[str, str, str]]:
    """(link words, old target, new target) of each link whose target changed in a clause whose
    words did not (the rendered text hides targets, so a word diff would show nothing); [] when
    the words changed, or the links do not pair up one for one."""
    if change.kind not in ("modified", "moved") or not change.before or not change.after:
        return []
    if _plain(change.before) != _plain(change.after):
        return []
    old, new = _MD_LINK.findall(change.before), _MD_LINK.findall(change.after)
    if len(old) != len(new):
        return []
    return [(b[0], b[1], a[1]) for b, a in zip(old, new) if b[1] != a[1]]


def plain_inline(change: ClauseChange) -> str:
    """git --word-diff=plain style: [-deleted-]{+inserted+}, over the clause's plain text
    (Markdown rendered: no link targets, emphasis marks or table pipes)."""
    kind = change.kind
    if kind == "added":
        return "{+" + _plain(change.after) + "+}"
    if kind == "removed":
        return "[-" + _plain(change.before) + "-]"
    if change.before == change.after:
        return _plain(change.after)
    if targets := link_targets_changed(change):  # the words are the same: show where the links go
        return _plain(change.after) + "".join(f"  (link “{clean(label)}”: [-{clean(was)}-]{{+{clean(now)}+}})"
                                              for label, was, now in targets)
    out = []
    for op, text in word_ops(_plain(change.before), _plain(change.after)):
        text = clean(text)
        out.append(text if op == 0 else ("[-" + text + "-]" if op < 0 else "{+" + text + "+}"))
    return "".join(out)


def rich_inline(change: ClauseChange) -> "Any":
    """The word diff of a change as rich Text: deletions struck in red, insertions in green."""
    from rich.text import Text

    kind = change.kind
    if kind == "added":
        return Text(_plain(change.after), style="green")
    if kind == "removed":
        return Text(_plain(change.before), style="red strike")
    text = Text()
    if targets := link_targets_changed(change):
        text.append(_plain(change.after))
        for label, was, now in targets:
            text.append(f"  (link “{clean(label)}”: ")
            text.append(clean(was), style="red strike")
            text.append(" ")
            text.append(clean(now), style="green underline")
            text.append(")")
        return text
    for op, part in word_ops(_plain(change.before), _plain(change.after)):
        part = clean(part)
        text.append(part, style="" if op == 0 else ("red strike" if op < 0 else "green underline"))
    return text


def is_tty() -> bool:
    """True when standard output is a terminal (colour and bold are then on by default) and
    NO_COLOR (https://no-color.org) is not set."""
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def search_snippet(snippet: str, *, bold: bool, section: str = "", brackets: bool = False) -> str:
    """A search snippet (``Index.search``) as one line of plain text (``index.plain_snippet``:
    never Markdown or HTML marks), its matched words in bold when ``bold``, else between square
    brackets when ``brackets`` (a pipe or a file: the match still visible, with no escape codes),
    else left plain. ``section``: the label printed before it, whose clause number it drops."""
    import click

    from tracker.archive.index import plain_snippet

    if bold:
        return plain_snippet(snippet, lambda word: click.style(word, bold=True), section)
    return plain_snippet(snippet, (lambda word: f"[{word}]") if brackets else None, section)

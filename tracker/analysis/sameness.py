"""Is a new text a new version? Not when nothing a reader would call a clause changed.

A run records a version when the extracted text's hash changes. Some differences change the
hash but no clause: a volatile token in a link target (a per-request signature, a fresh UUID),
indentation and blank lines (the clause split ignores both), or the Markdown dialect of a text
served as Markdown (``*`` or ``-`` bullets, ``_em_`` or ``*em*``, setext or ATX headings).

Why this is decided here, at comparison time, and not by rewriting the text at extraction:
the stored text must stay what the page said. Replacing every token with a placeholder in the
archive would change the stored text of every page (and hide real identifiers, such as a
commit or document id in a link); instead both texts are masked and folded only to compare
them, and the archive keeps the first text of the run of equivalent ones, raw bytes included.
Link rewrites that lose nothing (a redirector unwrapped, a protected address decoded, tracking
parameters dropped) are done at extraction, in ``tracker.extract.links``.

Pure functions of text; ``same_terms`` is what the run calls, once per document whose text hash
changed.
"""

from __future__ import annotations

import re
from collections import Counter

from tracker.extract.links import mask_volatile

__all__ = ["fold_markdown", "same_terms"]

_FENCE = re.compile(r"^( {0,3})~~~", re.M)
_SETEXT = re.compile(r"^([ \t]*\S[^\n]*)\n[ \t]*(=+|-+)[ \t]*$", re.M)
_ATX_CLOSE = re.compile(r"^( {0,3}#{1,6}[ \t]+[^\n]*?)[ \t]+#+[ \t]*$", re.M)
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_BULLET = re.compile(r"^([ \t]*)[*+]([ \t]+)(?=\S)", re.M)
_ORDERED = re.compile(r"^([ \t]*\d{1,9})\)([ \t]+)", re.M)
# Written from the mark's first character, the look-behind after it: "re" then scans for "_" in C
# instead of trying a look-behind at every position (30x faster over a whole version). The same
# matches as "(?<![\w\\_])__(?=\S)..." and "(?<![\w\\_])_(?=[^\s_])...".
_STRONG = re.compile(r"__(?<![\w\\_]__)(?=\S)([^\n]+?)(?<=\S)__(?![\w_])")
_EM = re.compile(r"_(?<![\w\\_]_)(?=[^\s_])([^\n_]*?[^\s_\\])_(?![\w_])")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_SELF_LINK = re.compile(r"\[((?:https?|mailto):[^\]\s]+)\]\(\1\)")
_WORD = re.compile(r"\w+")


def fold_markdown(text: str) -> str:
    """One spelling for the Markdown constructs that have several (for comparing, not storing).

    Setext headings become ATX, closing ``#`` runs go, thematic breaks become ``---``, ``*`` and
    ``+`` bullets become ``-``, ``1)`` becomes ``1.``, ``__strong__`` and ``_em_`` become
    ``**strong**`` and ``*em*``, backslash escapes of punctuation go, ``~~~`` fences become
    backticks, and ``[URL](URL)`` becomes ``<URL>``. Hard line breaks and indentation are kept.
    """
    if "~~~" in text:
        text = _FENCE.sub(r"\1```", text)
    if "==" in text or "--" in text:
        text = _SETEXT.sub(_atx, text)
    if "#" in text:
        text = _ATX_CLOSE.sub(r"\1", text)
    text = _HR.sub("---", text)
    text = _BULLET.sub(r"\1-\2", text)
    if ")" in text:
        text = _ORDERED.sub(r"\1.\2", text)
    if "__" in text:
        text = _STRONG.sub(r"**\1**", text)
    if "_" in text:
        text = _EM.sub(r"*\1*", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "](" in text:
        text = _SELF_LINK.sub(r"<\1>", text)
    return text


def _atx(m: re.Match[str]) -> str:
    line, underline = m.group(1), m.group(2)
    stripped = line.lstrip()
    # Not a heading: a list item, a quote, a table row or an ATX heading followed by a break.
    if stripped[:1] in ("-", "*", "+", ">", "|", "#") or re.match(r"\d{1,9}[.)][ \t]", stripped):
        return m.group(0)
    if underline[0] == "-" and len(underline) < 2:
        return m.group(0)
    return ("# " if underline[0] == "=" else "## ") + stripped.strip()


def same_terms(old: str, new: str) -> bool:
    """True when ``new`` differs from ``old`` in nothing the clause diff would report once
    volatile link tokens are masked and Markdown dialects folded on both sides.

    Cheap when the wording changed: the lines of one text missing from the other are compared
    first (masked and folded one by one), and different words there settle it. Only texts with
    the same words go through the whole-text fold and, if their layout differs, the clause diff.
    """
    if old == new:
        return True
    start, old_end, new_end = _changed_span(old, new)
    old_lines, new_lines = old[start:old_end].split("\n"), new[start:new_end].split("\n")
    if _words(_only_in(old_lines, new_lines)) != _words(_only_in(new_lines, old_lines)):
        return False  # a word changed (or moved between lines): some clause did
    a, b = fold_markdown(mask_volatile(old)), fold_markdown(mask_volatile(new))
    if a == b:
        return True
    if _WORD.findall(a) != _WORD.findall(b):
        return False
    if _unwrapped(a) == _unwrapped(b):
        return True  # the same paragraphs hard-wrapped at another width (a Markdown or text source)
    # (imported only here: the clause diff and its libraries cost a run's process about 60 ms of
    # CPU to import, and most changed texts are settled above by their words)
    from tracker.analysis.diff import texts_changed

    return not texts_changed(a, b)


# A block whose lines are not each a block of their own: not a list item, heading, table row, quote
# or indented code (where a line break means something).
_LINE_BLOCK = re.compile(r"^(?: {4}|\t| {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]|[ \t]*(?:#|\||>))")


_LEAD = re.compile(r"^ {1,3}(?=\S)")


def _unwrapped(text: str) -> str:
    """``text`` with each paragraph on one line: Markdown joins the lines of a paragraph (a soft
    line break is a space), so a page hard-wrapped at another width says the same. Blocks with a
    list item, heading, table row, quote or code line are left as they are."""
    blocks = []
    for block in re.split(r"\n(?:[ \t]*\n)+", text.strip()):
        lines = block.strip("\n").split("\n")
        if len(lines) > 1 and not any(_LINE_BLOCK.match(line) for line in lines):
            block = " ".join(line.strip() for line in lines)
        else:  # (up to 3 spaces before a line's block mark change nothing in Markdown)
            block = "\n".join(_LEAD.sub("", line) for line in lines)
        blocks.append(block)
    return "\n\n".join(blocks)


def _changed_span(old: str, new: str) -> tuple[int, int, int]:
    """Where the texts differ, widened to whole lines: (start, end in old, end in new).

    The common prefix and suffix are found by bisection on slice comparisons (memcmp speed), so
    a change in one clause of a long text costs microseconds, not a pass in Python.
    """
    shortest = min(len(old), len(new))
    low, high = 0, shortest  # old[:low] == new[:low]; the prefix is shorter than high + 1
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    prefix = low
    low, high = 0, shortest - prefix
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            low = mid
        else:
            high = mid - 1
    suffix = low
    start = old.rfind("\n", 0, prefix) + 1
    old_end = old.find("\n", len(old) - suffix)
    new_end = new.find("\n", len(new) - suffix)
    return start, len(old) if old_end < 0 else old_end, len(new) if new_end < 0 else new_end


def _only_in(lines: list[str], others: list[str]) -> list[str]:
    """The lines of ``lines`` that ``others`` lacks (as a multiset), in their order."""
    left = Counter(others)
    out = []
    for line in lines:
        if left[line] > 0:
            left[line] -= 1
        else:
            out.append(line)
    return out


def _words(lines: list[str]) -> list[str]:
    """The words of ``lines`` once each is masked and folded (line-local, so safe line by line:
    a setext underline has no words)."""
    return _WORD.findall(fold_markdown(mask_volatile("\n".join(lines))))

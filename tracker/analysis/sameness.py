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

__all__ = ["fold_markdown", "render_leaked_html", "same_terms", "unwrap_pair", "unwrapped", "wrap_width"]

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
    if unwrapped(a) == unwrapped(b):
        return True  # the same paragraphs hard-wrapped at another width (a Markdown or text source)
    # (imported only here: the clause diff and its libraries cost a run's process about 60 ms of
    # CPU to import, and most changed texts are settled above by their words)
    from tracker.analysis.diff import texts_changed

    return not texts_changed(a, b)


# A block whose lines are not each a block of their own: not a list item, heading, table row, quote
# or indented code (where a line break means something).
_LINE_BLOCK = re.compile(r"^(?: {4}|\t| {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]|[ \t]*(?:#|\||>))")


_LEAD = re.compile(r"^ {1,3}(?=\S)")


def unwrapped(text: str, width: int = 0) -> str:
    """``text`` with its paragraphs' soft line breaks made spaces, as Markdown reads them.

    ``width`` 0 (the same-terms check): each paragraph on one line; a block with a list item,
    heading, table row, quote or code line is left as it is (up to 3 spaces before a line's
    block mark dropped). ``width`` > 0 (the analysis of a hard-wrapped pair, see ``wrap_width``):
    only the breaks a wrap at that width made are joined, line by line: after a line that
    filled the width, before a line that starts no block of its own (see ``_OWN_LINE``), and
    not after a hard break ("\\" at the end) or a heading, table row or quote line; so list
    items, headings, table rows, quotes and code stay line by line, a wrapped list item's
    continuation joins its item, and short lines (an address, a poem, a list without
    markers) stay as they are."""
    if width > 0:
        return _unwrapped_at(text, width)
    blocks = []
    for block in re.split(r"\n(?:[ \t]*\n)+", text.strip()):
        lines = block.strip("\n").split("\n")
        if len(lines) > 1 and not any(_LINE_BLOCK.match(line) for line in lines):
            block = " ".join(line.strip() for line in lines)
        else:  # (up to 3 spaces before a line's block mark change nothing in Markdown)
            block = "\n".join(_LEAD.sub("", line) for line in lines)
        blocks.append(block)
    return "\n\n".join(blocks)


# A line that starts a block of its own however long the line before it: a list item ("- ", "1. ",
# "8\. " or "\- " escaped, "2.1 ", "(a) ", "iv) ", "• "), a heading, a table row, a quote, a fence,
# a setext underline, a thematic break, or a number alone (a page number a PDF's text left in).
# (A number before words does not: "12 months" often starts a wrapped line.)
_OWN_LINE = re.compile(r"[ \t]*(?:\\?[-*+•][ \t]|\d{1,9}\\?[.)][ \t]|\d{1,3}(?:\.\d{1,3})+\.?[ \t]|"
                       r"\(?(?:[a-zA-Z]|[ivxIVX]{1,5}|\d{1,3})\)[ \t]|#|\||>|```|~~~|[=_*-]+[ \t]*$|\d{1,4}[ \t]*$)", re.M)
_NO_JOIN_AFTER = ("#", "|", ">", "```", "~~~")  # a line that ends its block: a heading, a row, a quote, a fence
# A line followed by a non-blank line that is not indented as code.
_SOFT_BREAK = re.compile(r"^([^\n]+)\n(?= {0,3}\S)", re.M)
_TERMINAL = re.compile(r"[.:;!?][\"')\]*_]*$")
_WRAP_MIN, _WRAP_MAX = 40, 200  # widths a text is wrapped at (characters); wider lines are paragraphs
_FULL = 0.7  # a line this share of the width long (or whose next word would not fit) filled it
_OVER = 1.2  # ... and a line longer than this share of it is a paragraph of its own (a long word aside)
_WRAPPED_SHARE = 0.6  # of the lines before soft breaks, the share that fill the width in a wrapped text


def wrap_width(text: str) -> int:
    """The width ``text`` is hard-wrapped at (a Markdown or plain-text source, a PDF extracted
    line by line), or 0 when it is not.

    Read are the soft breaks: a line (not a heading, table row, quote or code, not ended by a hard
    break, "\\" or two spaces) followed by one that starts no block of its own (see ``_OWN_LINE``)
    and is not indented as code. The width is the 90th percentile of the lengths of such lines
    that break mid-sentence (at least three; 40-200 characters: a text whose paragraphs are each
    one long line is no wrap); the text is wrapped when at least three such lines, and 60% of
    them, fill it (0.7 to 1.2 times its length). Address blocks and short lines fill nothing:
    lines as long as a wrap before short ones are no wrap."""
    soft: list[int] = []  # lengths of the lines before soft breaks
    mid: list[int] = []  # ... of those that end mid-sentence
    for m in _SOFT_BREAK.finditer(text):
        raw = m.group(1)
        line = raw.rstrip()
        if _hard_break(raw) or raw.startswith(("    ", "\t")) or line.lstrip().startswith(_NO_JOIN_AFTER) \
                or _OWN_LINE.match(text, m.end()):
            continue
        soft.append(len(line))
        if not _TERMINAL.search(line):
            mid.append(len(line))
    if len(mid) < 3:
        return 0
    mid.sort()
    width = mid[int(0.9 * (len(mid) - 1))]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return 0
    full = sum(_FULL * width <= n <= _OVER * width for n in soft)
    return width if full >= 3 and full >= _WRAPPED_SHARE * len(soft) else 0


def unwrap_pair(old: str, new: str) -> tuple[str, str]:
    """``old`` and ``new`` with the line breaks of a hard wrap joined alike on both sides, so
    that their clauses are split the same way (a clause read line by line is labelled from
    pieces: "..., and not in court" is no arbitration clause alone). Each text is joined at its
    own ``wrap_width``, or at the other's when it has none (a page extracted again with one line
    a paragraph against its wrapped capture); as they are when neither is wrapped."""
    w_old, w_new = wrap_width(old), wrap_width(new)
    if not (w_old or w_new):
        return old, new
    return unwrapped(old, w_old or w_new), unwrapped(new, w_new or w_old)


# A tag of the elements a page's text is made of, left raw in a capture ("<p><span>...</span>").
# ("<br>" is none: Markdown tables and lists converted from HTML keep it in their cells and items.)
_HTML_TAG = re.compile(r"</?(?:p|span|div|li|ul|ol|h[1-6]|a|strong|em|b|i|u|table|thead|tbody|tr|td|th|section|"
                       r"article|font|sup|sub|blockquote)\b[^<>\n]{0,500}?>", re.I)
_LEAKED_LINE = 4  # tags on one line that make it raw HTML, not Markdown with an inline tag or two
_LEAKED_SHARE = 0.25  # ... when the other text has at most this share of this one's tags


def render_leaked_html(old: str, new: str) -> tuple[str, str]:
    """``old`` and ``new`` with raw HTML that one capture left in its text (a page captured once as
    Markdown and once as its HTML source, "<p><span>Welcome to ...&quot;") converted to Markdown
    on that side, as the extraction would have written it, for comparing: the words are the same
    and only the capture changed, while read raw every clause of the HTML side looks rewritten.

    Only the side with at least 4 times the other's tags is converted (``_LEAKED_SHARE``), and only
    its lines of ``_LEAKED_LINE`` tags or more (runs of such lines as one fragment): a text that
    keeps the same tags on both sides, or a table cell with a "<br>", is left as it is. Returns
    the pair unchanged when neither side qualifies or the conversion fails."""
    if "<" not in old and "<" not in new:
        return old, new
    n_old, n_new = len(_HTML_TAG.findall(old)), len(_HTML_TAG.findall(new))
    if n_old >= _LEAKED_LINE and n_new <= _LEAKED_SHARE * n_old:
        return _rendered_lines(old), new
    if n_new >= _LEAKED_LINE and n_old <= _LEAKED_SHARE * n_new:
        return old, _rendered_lines(new)
    return old, new


def _rendered_lines(text: str) -> str:
    """``text`` with each run of lines holding ``_LEAKED_LINE`` tags or more converted from HTML
    to Markdown (``tracker.extract.convert``); as it is if the converter fails on one."""
    lines = text.split("\n")
    leaked = [len(_HTML_TAG.findall(line)) >= _LEAKED_LINE for line in lines]
    if not any(leaked):
        return text
    from tracker.errors import ExtractError
    from tracker.extract.convert import html_to_markdown, normalize_markdown

    out: list[str] = []
    i = 0
    while i < len(lines):
        if not leaked[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and leaked[j]:
            j += 1
        fragment = "\n".join(lines[i:j])
        try:
            out.append(normalize_markdown(html_to_markdown(fragment)).strip("\n"))
        except (ExtractError, ValueError):
            out.append(fragment)
        i = j
    return "\n".join(out)


def _hard_break(line: str) -> bool:
    """A Markdown hard line break at the end of ``line``: a backslash, or two spaces or more."""
    return line.endswith(("\\", "  "))


def _unwrapped_at(text: str, width: int) -> str:
    """``unwrapped(text, width)`` for ``width`` > 0 (see there)."""
    out: list[str] = []
    fence = code = False
    prev = ""  # the last line read, as it was (``out[-1]`` may hold lines joined to it), "" after a block
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
            out.append(line)
            prev = ""
            continue
        if not stripped or fence:
            code = code and bool(stripped)
            out.append(line)
            prev = ""
            continue
        if not prev and line.startswith(("    ", "\t")):
            code = True  # indented code (or a list item's later paragraph): as it is
        if prev and not code and _filled(prev, stripped, width) and not _OWN_LINE.match(line):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
        prev = line
    return "\n".join(out)


def _filled(prev: str, nxt: str, width: int) -> bool:
    """Whether the line ``prev``, followed by the stripped line ``nxt``, ended where a wrap at
    ``width`` ends a line: it filled the width (or the next word would not have fitted) and it
    is no hard break, heading, table row or quote."""
    if _hard_break(prev):
        return False
    line = prev.rstrip()
    if line.lstrip().startswith(_NO_JOIN_AFTER):
        return False
    return len(line) >= _FULL * width or len(line) + 1 + len(nxt.split(None, 1)[0]) > width


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

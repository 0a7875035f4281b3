"""Text from terms pages made safe to show: one stripper of control and other unsafe characters.

Page text (and, less often, config text) ends up on terminals, in HTML, in XML feeds and in git
commit trailers. Each destination fears different characters, so there is one function with the
differences as parameters, and each destination names its variant once, in its own module:

=====================  =========================================================================
terminal (cli)         ``strip_unsafe(text)``: the defaults
HTML and feeds text    ``strip_unsafe(text, keep="\\t\\n\\r", invalid=True)``
XML (feed writer)      ``strip_unsafe(text, keep="\\t\\n\\r", delete=False, c1=False, bidi=False, invalid=True)``
commit trailer         ``strip_unsafe(text, keep="\\t", c1=False, one_line=True)``
=====================  =========================================================================

A top-level module: every stage may import it, and it imports nothing of the project.
"""

from __future__ import annotations

import re

# Bidi embeddings, overrides and isolates: they can make text read in another order than it is
# stored (a "Trojan Source" clause), so they go wherever a person reads the text.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# Lone surrogates and the two non-characters of the BMP: XML cannot carry them, encoders choke.
_INVALID = "\ud800-\udfff\ufffe\uffff"
_KEEPABLE = "\t\n\r"

_patterns: dict[tuple[str, bool, bool, bool, bool], re.Pattern[str]] = {}


def _pattern(keep: str, delete: bool, c1: bool, bidi: bool, invalid: bool) -> re.Pattern[str]:
    key = (keep, delete, c1, bidi, invalid)
    pattern = _patterns.get(key)
    if pattern is None:
        if set(keep) - set(_KEEPABLE):
            raise ValueError(f"keep may hold only tab, newline and carriage return, not {keep!r}")
        # C0 controls (U+0000-U+001F) but the kept ones, as single characters: short and exact.
        chars = [chr(c) for c in range(0x20) if chr(c) not in keep]
        ranges = "".join(re.escape(ch) for ch in chars)
        if delete:
            ranges += "\x7f"
        if c1:
            ranges += "\x80-\x9f"
        if bidi:
            ranges += _BIDI
        if invalid:
            ranges += _INVALID
        pattern = _patterns[key] = re.compile(f"[{ranges}]")
    return pattern


def strip_unsafe(text: object, *, keep: str = "\t\n", delete: bool = True, c1: bool = True, bidi: bool = True,
                 invalid: bool = False, one_line: bool = False) -> str:
    """``text`` without the characters its destination cannot take; ``None`` gives ``""``.

    C0 control characters (U+0000-U+001F) always go, except those in ``keep`` (any of tab,
    newline and carriage return). Beyond them:

    - ``delete``: DEL (U+007F);
    - ``c1``: the C1 controls (U+0080-U+009F; U+009B is a terminal's escape sequence start);
    - ``bidi``: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069);
    - ``invalid``: lone surrogates and U+FFFE / U+FFFF (characters XML 1.0 cannot carry);
    - ``one_line``: newlines and carriage returns become spaces first and the result is stripped
      of surrounding whitespace (one header or trailer line that text cannot break or forge).

    Any other object is turned into ``str`` first. Raises ValueError if ``keep`` names another
    character.
    """
    value = "" if text is None else text if isinstance(text, str) else str(text)
    if one_line:
        value = value.replace("\n", " ").replace("\r", " ")
    value = _pattern(keep, delete, c1, bidi, invalid).sub("", value)
    return value.strip() if one_line else value


# HTML tags that leaked into an extracted text as literal characters ("<p>These Terms ...</p>
# <ul> <li>"), when a page ships escaped markup or a CMS field holds raw HTML: what a reader
# sees of the terms does not contain them, so comparisons drop them. Only tag names of text
# markup, so "a < b > c" or "<3" in a clause are left alone.
HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|caption|cite|code|dd|div|dl|dt|em|font|h[1-6]|hr|i|img|li|ol|p|pre|"
    r"s|section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul)\b[^<>]*/?>", re.I)


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 version", "2 versions", "1,234 commits"
    (``plural`` for an irregular one: "1 batch", "2 batches"). The one way the summary and progress
    lines of ``run``, ``reanalyse``, ``import-history`` and ``reindex`` count things."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def common_start(a: str, b: str) -> int:
    """The length of the longest common prefix of ``a`` and ``b`` (a binary search comparing
    slices in C; each step compares only the part not known to be equal)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_end(a: str, b: str, start: int = 0) -> int:
    """The length of the longest common suffix of ``a[start:]`` and ``b[start:]`` (so that it
    never reaches back into a common prefix of length ``start``), by the same binary search."""
    lo, hi = 0, min(len(a), len(b)) - start
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:len(a) - lo] == b[len(b) - mid:len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_lines(a: str, b: str) -> tuple[int, int]:
    """(``start``, ``tail``): ``a[:start] == b[:start]`` and the last ``tail`` characters of each are
    the same, both whole lines of each text: ``start`` is 0 or just after a line feed, and the last
    ``tail`` characters start just after one (0 when the common end holds none); the two never
    overlap. Checks that read lines one by one (a line ends at a line feed at the latest) need then
    read only the lines between, ``a[start:len(a) - tail]`` and ``b[start:len(b) - tail]``, where
    the usual two versions of a page differ in a few lines."""
    start = a.rfind("\n", 0, common_start(a, b)) + 1
    tail = len(a) - a.find("\n", len(a) - common_end(a, b, start)) - 1
    return start, 0 if tail >= len(a) else tail  # (no line feed in the common end: none is cut off)

"""Split a normalized Markdown (or plain-text) terms document into clauses.

A clause is the unit the diff aligns and a reader refers to: a heading, a paragraph, a list
item, a table row, or - when a paragraph/item is longer than ``max_sentences`` - one sentence.

Clause ids
----------
Ids must survive edits elsewhere in the document, so they are built from *names*, not positions:

``<section path>/<token>``

* section path: slugs of the enclosing headings joined by ``/``, with heading numbering removed
  ("7. Credits and refunds" -> ``credits-and-refunds``), so renumbering or inserting a section
  does not change the ids of other sections. A document title (the first heading, when every
  other heading is deeper) is left out of the path. Text before any heading has no path.
* token: the clause's own number when it has one - an ordered-list marker (``3``), a leading
  clause number (``7.2``) or a letter (``a`` for "(a) ...") - else an ordinal within its section:
  ``p3`` (3rd paragraph), ``i2`` (2nd top-level item), ``t1.basic-plan`` (table 1, row whose
  first cell is "Basic plan"; ``t1.r4`` when the cell is empty). Nested items extend their
  parent's token (``i2.1``, ``3.2``). Sentence clauses add ``.s<k>`` (``p3.s2``).
* a heading's own id is its section path (``credits-and-refunds/refunds``).
* collisions get ``~2``, ``~3`` ... in document order.

Inserting a clause therefore only shifts the ordinals of later *unnumbered* clauses in the
same section; every other section keeps its ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import wraps
from typing import NamedTuple, TypeVar

from tracker.text import HTML_TAG

__all__ = ["Clause", "split_clauses", "split_sentences", "clause_key", "slugify", "inline_list", "inline_marks"]


@dataclass(frozen=True)
class Clause:
    """One addressable unit of a document; ``key`` is what versions are matched on."""

    id: str
    kind: str  # "heading" | "paragraph" | "item" | "table" | "sentence"
    text: str
    heading: str
    level: int
    index: int
    key: str


_new_object = object.__new__  # see _Builder._emit


# --- line grammar -------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\S.*)$")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_SEP = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# Whole-text forms, on "\n" + text: the starts of lines that _ATX (a "#" run ended by a blank or
# the line end) and _FENCE match. A leading "\n" rather than "^" with re.M: 20x faster search.
_ATX_LINE = re.compile(r"\n {0,3}#{1,6}(?=[ \t\n]|\Z)")
_FENCE_LINE = re.compile(r"\n {0,3}(?:```|~~~)")


_PROSE: tuple[str, None] = ("", None)


def _line_start(line: str) -> tuple[str, re.Match[str] | None]:
    """Which block a non-blank line starts ("hr", "atx", "fence", "table", "item"), with the match;
    ("", None) for none. Each pattern needs its own first character after blanks, so a line
    is tried against at most two of them, and prose (most lines) against none."""
    c = line.lstrip(" \t")[:1]
    if c == "#":
        m = _ATX.match(line)
        return ("atx", m) if m else _PROSE
    if c in "-*_+":  # (never "": the line is not blank)
        if c != "+" and (m := _HR.match(line)):
            return "hr", m
        if c != "_" and (m := _ITEM.match(line)):
            return "item", m
        return _PROSE
    if c == "`" or c == "~":
        m = _FENCE.match(line)
        return ("fence", m) if m else _PROSE
    if c == "|":
        m = _TABLE_ROW.match(line)
        return ("table", m) if m else _PROSE
    if c.isdecimal():  # what \d matches
        m = _ITEM.match(line)
        return ("item", m) if m else _PROSE
    return _PROSE


# "12.3 Credits", "1. Definitions", "7 - Fees": a numbered line that reads like a title.
_NUMBERED_TITLE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]+(?:[-–—:][ \t]+)?(\w.*)$")
_TERMINAL = ".;:,!?"
# A bare number (no dot, no dash) before a lower-case word, a currency code or a unit is a quantity,
# not a section's number: "12 USD per seat per month", "5 million tokens", "30 days".
_QUANTITY = re.compile(r"^\d{1,3}(?:[ \t]+(?:[a-z]|(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|INR|BRL|MXN|SEK|NOK|DKK|PLN|"
                       r"[KMGT]B|GiB|MiB|TiB)\b)|[ \t]*[%$€£¥])")

# A clause's own number at the start of its text.
_OWN_NUMBER = re.compile(r"^(?:(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})\.|\(([a-zA-Z]|[ivxIVX]{1,5}|\d{1,3})\))[ \t]")

# --- key normalisation ---------------------------------------------------------------------

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_LEAD_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+)*")
_LEAD_NUMBER = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}\)|\(\d{1,3}\))[ \t]+"
)
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_PUNCT = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_TO_SPACE = bytes.maketrans(_ASCII_PUNCT, b" " * len(_ASCII_PUNCT))
_UPPER, _LOWER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz"
_ASCII_KEY = bytes.maketrans(_ASCII_PUNCT + _UPPER, b" " * len(_ASCII_PUNCT) + _LOWER)  # + lower()
_MARKUP_START = frozenset(" \t#>-*+")  # a non-empty _LEAD_MARKUP match starts with one of these


def clause_key(text: str) -> str:
    """Comparison text: what a reader would still see if markup, numbering and case vanished."""
    t = text if text.isascii() else unicodedata.normalize("NFKC", text)
    if "]" in t and "](" in t:  # (one-character searches are the fast ones)
        t = _LINK.sub(r"\1", _IMAGE.sub(r"\1", t))
    if "<" in t:
        t = HTML_TAG.sub(" ", _AUTOLINK.sub(r"\1", t))
    if t[:1] in _MARKUP_START:
        t = _LEAD_MARKUP.sub("", t, count=1)
    c = t[:1]
    if c.isdecimal() or c == "(" or ")" in t[1:7]:  # _LEAD_NUMBER needs a digit, "(" or "x)"
        t = _LEAD_NUMBER.sub("", t, count=1)
    if t.isascii():  # fast path (3x faster than the regex): one translate lowercases, punct -> " "
        return _single_spaced(t.encode().translate(_ASCII_KEY).decode())
    t = t.lower()
    if t.isascii():
        return _single_spaced(t.encode().translate(_ASCII_TO_SPACE).decode())
    return _NON_WORD.sub(" ", t).strip()


def _single_spaced(t: str) -> str:
    """Same as ``" ".join(t.split())`` when the only blank in ``t`` is " "; 2-4x faster."""
    while "  " in t:
        t = t.replace("  ", " ")
    return t.strip(" ")


def slugify(text: str, max_len: int = 48) -> str:
    """URL-ish slug of a heading, numbering dropped so renumbering keeps ids."""
    key = clause_key(text)
    if key.isascii():  # then it is [a-z0-9] words joined by single spaces: the general way's result
        slug = key.replace(" ", "-")
    else:
        t = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """e.g i.e etc cf vs viz al approx inc ltd llc co corp plc gmbh ag s.a bv nv no nos sec secs
    art arts para paras ch chap p pp fig vol ed eds mr mrs ms dr prof st jr sr dept est jan feb
    mar apr jun jul aug sep sept oct nov dec min max incl excl ref resp""".split()
)
# A sentence end: end marks, closers, then a blank. The blanks and the character after them are
# captured too (all that _is_boundary looks at; the lookahead consumes nothing).
# A Markdown hard break ("\\" at a line's end: a <br>) after the end marks belongs to the mark.
_SENTENCE_END = re.compile(r"([.!?…]+[\"'”’)\]*_]*(?:\\(?=\n))?)(\s+)(?=(\S?))")
# The same for text whose only end mark is ".": a literal first character lets `re` skip ahead
# to the next "." instead of testing a class at every position (~7x faster).
_SENTENCE_END_DOTS = re.compile(r"(\.\.*[\"'”’)\]*_]*(?:\\(?=\n))?)(\s+)(?=(\S?))")
_CLOSERS = "\"'”’)]*_"
_DOTTED_ACRONYM = re.compile(r"^(?:[a-z]\.)+[a-z]$")  # u.s, e.u (final dot is the match)
_OPENERS = "\"'“‘([*_<"
# The dotted acronym that ends a word after a hyphen, a slash or a lowercase letter ("EU-U.S",
# "theU.S"): "U.S" read on its own.
_ACRONYM_TAIL = re.compile(r"(?:[-/–]|(?<=[a-z]))((?:[A-Z]\.)+[A-Z])$")


def _is_abbreviation(word: str) -> bool:
    """Whether ``word`` (text before a final '.') is an abbreviation, not a sentence end."""
    w = word.lower().lstrip(_OPENERS)
    if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
        return True
    if w[1:2] == "." and _DOTTED_ACRONYM.match(w):  # "u.s": a dot after the 1st letter
        return True
    # a dotted acronym at the end of a compound ("EU-U.S", "Swiss/U.S") or glued to the word before
    # it by the capture ("theU.S"): still an abbreviation, not a sentence end
    tail = _ACRONYM_TAIL.search(word.lstrip(_OPENERS))
    return tail is not None and bool(_DOTTED_ACRONYM.match(tail.group(1).lower()))


def _end_pattern(text: str) -> re.Pattern[str]:
    """The faster sentence-end pattern when it finds the same ends in ``text``."""
    if "!" in text or "?" in text or "…" in text:
        return _SENTENCE_END
    return _SENTENCE_END_DOTS


def _is_boundary(text: str, start: int, mark: str, gap: str, nxt: str) -> bool:
    """Decide whether the punctuation ``mark`` at text[start:], followed by blanks ``gap`` and the
    character ``nxt`` ("" at the end), ends a sentence."""
    if not nxt:
        return False
    if start > 0 and text[start - 1] == "\\":
        return False  # "4\. License": an escaped mark is literal text, never a sentence end
    if text.rfind("[", 0, start) > text.rfind("]", 0, start) and text.find("](", start) >= 0 \
            and text.find("](", start) < (text.find("[", start) if "[" in text[start:] else len(text)):
        return False  # inside a link's text: "[4. License Grant to Us](#4-license-grant-to-us)"
    target = text.rfind("](", 0, start)
    if target >= 0 and text.find(")", target, start) < 0 and text.find(")", start) >= 0 \
            and "\n" not in text[target:start]:
        return False  # inside a link's target: "[8. Contact](#8. Contact information)"
    if not (nxt.isupper() or "\n" in gap  # one sentence per line
            or (start > 0 and text[start - 1] == " ")  # "we collect data . we share it ."
            or nxt.isdigit() or nxt in _OPENERS):
        return False
    if mark.rstrip(_CLOSERS + "\\") == ".":
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        word = text[word_start:start]
        if word.isdigit() and len(word) <= 3 and "\n" not in gap and _is_ordinal(text, word_start, start + len(mark) + len(gap)):
            return False
        return not _is_abbreviation(word)
    return True


# A German (or Danish, Norwegian) ordinal is a number with a dot: "Stand: 1. Februar 2026", "das
# 18. Lebensjahr", "zum 31. März". Its dot ends no sentence when a month name follows it or when
# an article or preposition stands before the number (a sentence does not end "... das 18.").
_MONTH_AFTER = re.compile(r"(?:Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|"
                          r"Oktober|November|Dezember|Marts|Maj|Desember|December)\b")
_ORDINAL_BEFORE = frozenset(
    """am an ab bis zum zur vom von dem den der die das des im ins seit jeden jedes jeder jede zu
    spätestens frühestens ab dem""".split())


def _is_ordinal(text: str, number_start: int, after: int) -> bool:
    """Whether the number at ``text[number_start:]`` followed by its dot is an ordinal (see above);
    ``after`` is where the next word begins."""
    if _MONTH_AFTER.match(text, after):
        return True
    before = text[max(0, number_start - 16):number_start].split()
    return bool(before) and before[-1].lower() in _ORDINAL_BEFORE


# An item marker inside a paragraph ("will not 1. resell ...; 2. copy ...", "(a) ...; (b) ..."):
# a list run into its lead-in. Not after a word that names a part of the document ("Section 1.").
_INLINE_MARK = re.compile(r"(?<![\w§])(?P<mark>\((?P<p>\d{1,2}|[a-z])\)|(?P<n>\d{1,2})[.)]|(?P<l>[a-z])\))\s+(?=[\w“\"'(])")
_PART_WORD = re.compile(r"(?:section|clause|article|paragraph|part|item|step|schedule|annex|appendix|exhibit|page|"
                        r"no|version|chapter|rule|level|tier|phase|§)\W*$", re.I)


def _enum_value(m: re.Match[str]) -> int:
    v = m.group("p") or m.group("n") or m.group("l") or ""
    return int(v) if v.isdigit() else ord(v) - ord("a") + 1


_FIRST_MARK = re.compile(r"(?:\([1a]\)|1[.)]|a\))(?=\s)")  # no lookbehind: sre skips ahead to "1", "a" or "("


def inline_marks(text: str) -> list[re.Match[str]]:
    """The item markers of a list run into a paragraph of ``text`` ("not 1. resell ...; 2. copy
    ..."): the first run of at least two markers counted from 1 (or a), the first after some
    words, each later one after a ";", ".", "," or ":" or an "and"/"or"; [] when there is none."""
    # the common case, cheaply: no first marker at all (substring tests before any regex)
    if "2" not in text and "b)" not in text:  # one pass over most paragraphs
        return []
    if not (("1." in text and "2." in text) or ("1)" in text and "2)" in text) or ("a)" in text and "b)" in text)):
        return []
    for first in _FIRST_MARK.finditer(text):
        if first.start() and (text[first.start() - 1].isalnum() or text[first.start() - 1] in "_§"):
            continue  # inside a word or a number ("11.", "data)")
        m = _INLINE_MARK.match(text, first.start())
        back = text[max(0, first.start() - 24):first.start()]  # a bounded look back: linear time
        # a list starts at its "1" after words that lead into it ("you will not 1."), not after a
        # sentence's end ("... as follows. 1. Fees"): numbered sections run together are no list
        if m is None or _enum_value(m) != 1 or _PART_WORD.search(back) or not re.search(r"[\w,:][ \t]*$", back):
            continue
        run = [m]
        while (nxt := _next_mark(text, run)) is not None:
            run.append(nxt)
        if len(run) >= 2:
            return run
    return []


def _next_mark(text: str, run: list[re.Match[str]]) -> re.Match[str] | None:
    """The marker that continues ``run`` within an item's length of its last one, or None."""
    last = run[-1]
    numeric = last.group("n") is not None
    for m in _INLINE_MARK.finditer(text, last.end(), min(len(text), last.end() + _ITEM_MAX + 8)):
        if (m.group("n") is not None) != numeric or _enum_value(m) != _enum_value(last) + 1:
            continue  # a marker of another style (an item's own sub-list) or out of order
        item = text[last.end():m.start()]
        if len(item) <= _ITEM_MAX and not _PART_WORD.search(text[max(0, m.start() - 24):m.start()]) and \
                re.search(r"(?:[;.,:]|\b(?:and|or))[ \t]*$", item[-12:]) and \
                not _SENTENCE_INSIDE.search(item.rstrip(" ;.,:")):
            return m
        return None
    return None


_ITEM_MAX = 400  # characters: an item of a list run into a sentence is a phrase, not a section
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Z]")  # an item holding a sentence end is a section


def inline_list(text: str) -> str:
    """``text`` with a numbered list run into its paragraph said as a list after a colon: "You
    agree that you will not 1. Resell the Service; 2. Copy it." → "You agree that you will not:
    resell the Service; copy it." (markers "1." "1)" "(1)" "a)" "(a)" counted from 1 or a, at
    least two in order). A sentence splitter would otherwise end a sentence at "not 1." and
    start the next at an item without its lead-in. As is when no such list is found."""
    run = inline_marks(text)
    if not run:
        return text
    out, at = [], 0
    for k, m in enumerate(run):
        before = text[at:m.start()].rstrip()
        if k == 0:
            before = before.rstrip(" ,;:—–-") + ":"
        else:
            before = re.sub(r"(?:[.;,]\s*(?:and|or)?|\s+(?:and|or))$", "", before).rstrip(" ,;") + ";"
            if re.search(r"\b(?:and|or)$", text[at:m.start()].rstrip(" ;,")):
                before += " " + re.search(r"(and|or)$", text[at:m.start()].rstrip(" ;,")).group(1)  # type: ignore[union-attr]
        out.append(before + " ")
        at = m.end()
        # an item's first word as a word of the sentence ("Resell" → "resell"), unless it is a
        # name the text spells capitalised elsewhere ("Nimbus") or an acronym
        w = re.match(r"[A-Z][a-z]+\b", text[at:])
        if w and not re.search(rf"(?<=[a-z,] ){w.group(0)}\b", text):
            out.append(w.group(0).lower())
            at += len(w.group(0))
    out.append(text[at:])
    return "".join(out)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking on 'e.g.', 'Inc.', 'U.S.', '1.5', 'No. 3'."""
    sentences: list[str] = []
    begin = 0
    # a list run into the paragraph ("you will not 1. resell ...; 2. copy ...") is one sentence:
    # no end at a marker's dot nor right before a marker
    marks = inline_marks(text)
    inside = (marks[0].start(), marks[-1].end()) if marks else (-1, -1)
    for m in _end_pattern(text).finditer(text):
        mark, gap, nxt = m.groups()
        start = m.start()
        if inside[0] <= start < inside[1]:
            continue
        if _is_boundary(text, start, mark, gap, nxt):
            end = start + len(mark)
            piece = text[begin:end].strip()
            if piece:
                sentences.append(piece)
            begin = end
    rest = text[begin:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Plain text wrapped at a fixed width: every line but the last is nearly full."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    full = sum(len(line) >= 0.7 * width for line in lines[:-1])
    return width >= 40 and full >= 0.8 * (len(lines) - 1)


def _sentences_of_block(text: str) -> list[str]:
    """Sentences of a paragraph; unwrapped multi-line blocks break at every line."""
    if "\n" not in text:
        return split_sentences(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and not _looks_hard_wrapped(lines):
        return [s for line in lines for s in split_sentences(line)]
    return split_sentences(text)


# --- caches --------------------------------------------------------------------------------
# Parsed sections (with the clauses they built) and block plans are cached: in a diff nearly
# every section and block of the new version is also in the old one. Budgets are characters of
# the texts the entries come from, per generation (see _Memo): several long documents, so the old
# version fits whole. What an entry holds is a few times its text (a section with its builds:
# about 15x); after splitting 57 MB of varied documents the caches held 17 MB.

_SECTION_BUDGET = 500_000  # characters of section text
_PLAN_BUDGET = 500_000  # characters of block text, per kind of plan
_BUILDS_PER_SECTION = 2  # builder states remembered per section (max_sentences 1 and 3, say)


class _Memo:
    """Bounded memo, nearly an LRU but cheaper: entries go into a young dict; once the texts they
    came from add up to ``budget`` characters, it becomes the old dict and the previous old one
    is dropped. An old entry used again moves back to the young dict, so what is in use stays.
    Only single dict operations: concurrent threads can at worst compute an entry twice."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.young: dict[Hashable, object] = {}
        self.old: dict[Hashable, object] = {}
        self.size = 0  # of the young entries

    def add(self, key: Hashable, value: object, size: int) -> None:
        self.young[key] = value
        self.size += size
        if self.size > self.budget:
            self.old, self.young, self.size = self.young, {}, 0

    def clear(self) -> None:
        self.young, self.old, self.size = {}, {}, 0


_T = TypeVar("_T")
_MEMOS: list[_Memo] = []


def _cached(budget: int) -> Callable[[Callable[..., _T]], Callable[..., _T]]:
    """Memoise a pure function whose first argument is a text (its size), within ``budget``."""
    def decorate(fn: Callable[..., _T]) -> Callable[..., _T]:
        memo = _Memo(budget)
        _MEMOS.append(memo)

        @wraps(fn)
        def cached(*args: Hashable) -> _T:
            value = memo.young.get(args)
            if value is None:
                value = memo.old.get(args)
                if value is None:
                    value = fn(*args)
                memo.add(args, value, len(args[0]))  # type: ignore[arg-type]
            return value  # type: ignore[return-value]
        return cached
    return decorate


def _clear_caches() -> None:
    """Forget parsed sections and block plans (for benchmarks; the caches are bounded anyway)."""
    for memo in _MEMOS:
        memo.clear()


# --- block parsing -------------------------------------------------------------------------


class _Block(NamedTuple):
    """A raw Markdown block before ids are assigned (a tuple: built cheaply, never compared)."""

    kind: str  # "heading" | "paragraph" | "item" | "table"
    text: str  # as in the document (items keep their marker)
    body: str  # text without heading/list marker
    level: int  # heading level or list depth (1-based)
    number: str  # ordered-list marker number, "" otherwise


def _is_title_like(text: str) -> bool:
    """A short line without closing punctuation: reads as a heading, not a sentence."""
    words = text.split()
    return 0 < len(words) <= 10 and text.rstrip()[-1] not in _TERMINAL and text[0].isalpha()


def _plain_heading(line: str) -> _Block | None:
    """Recognise headings written as plain lines: '12.3 Credits', '1. Definitions', 'FEES'."""
    m = _NUMBERED_TITLE.match(line) if line[:1].isdecimal() else None
    if m and _is_title_like(m.group(2)) and not _QUANTITY.match(line):
        # one level below a document title: "1." -> 2, "12.3" -> 3
        return _Block("heading", line, m.group(2).strip(), m.group(1).count(".") + 2, "")
    if line.isupper() and _is_title_like(line) and sum(c.isalpha() for c in line) >= 3:
        return _Block("heading", line, line, 1, "")
    return None


_HEADED_LINES = 60  # characters: a heading on a line of its own above its text is short
# Words a title does not end with: a line ending so runs on ("1. Refunds for the").
_RUNS_ON = frozenset("a an the of to for and or nor in on with by at from as our your its their this that "
                     "these those is are be".split())


def _heads(first: str, rest: list[str]) -> bool:
    """Whether ``first``, the first line of a block whose next lines are ``rest`` (joined to it by
    soft line breaks: no "\\" at its end), is the heading of the text below it: a short numbered
    title ("3. Fees", "12.3 Credits": see ``_plain_heading``) that ends in no joining word, above a
    line that starts a sentence (a capital) in text that ends one. A plain-text source, or a PDF
    extracted line by line, often sets a section's heading so; read as one block, the heading was
    glued to its first sentence. (A line in Title Case or capitals is left alone: above an
    address it is a name, "CDISCOUNT", and heads nothing.)"""
    if len(first) > _HEADED_LINES or first.endswith("\\") or not rest or not rest[0][:1].isupper() \
            or first.rsplit(None, 1)[-1].lower() in _RUNS_ON:
        return False
    if not any(c in ".!?" for line in rest for c in line[-2:]) and not _SENTENCE_INSIDE.search("\n".join(rest)):
        return False
    heading = _plain_heading(first)
    return heading is not None and heading.level > 1  # numbered ("FEES" may be a name over an address)


def _normalize(markdown: str) -> str:
    """Tabs expanded, line ends "\n" (the checks skip two copies of the text when not needed)."""
    if "\t" in markdown:
        markdown = markdown.expandtabs(4)
    if "\r" in markdown:
        markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    if ("==" in markdown or "--" in markdown) and _SETEXT.search(markdown):
        markdown = _SETEXT.sub(_atx, markdown)
    return markdown


# A setext heading ("Refunds\n-------", "Terms\n=====": the style of many converters and of Open
# Terms Archive's versions) after an empty line or at the start: written as the ATX heading it is,
# so it names its section like "## Refunds" does. Its text line must not start another block.
# (The line's "has a non-space" is a look-ahead: written "[^\n]*\S[^\n]*" it backtracked over
# every split of the line, quadratic in its length: 0.4 s per split of a document with long
# one-line paragraphs, most of a late history import's CPU. Same matches.)
_SETEXT = re.compile(r"(?:^|(?<=\n\n))(?P<t> {0,3}(?![-*+>|#]|\d{1,9}[.)][ \t])(?=[^\n]*\S)[^\n]*)\n {0,3}"
                     r"(?P<u>=+|-+)[ \t]*(?=\n|$)")


def _atx(m: re.Match[str]) -> str:
    return ("# " if m.group("u")[0] == "=" else "## ") + m.group("t").strip()


class _Section:
    """The blocks of a run of lines, and the clauses they built lately (see _Builder._reuse)."""

    __slots__ = ("blocks", "builds")

    def __init__(self, blocks: tuple[_Block, ...]) -> None:
        self.blocks = blocks
        self.builds: dict[tuple[object, ...], _Build] = {}  # by builder state on entry


def _parse(markdown: str) -> list[_Section]:
    """Blocks of a document, parsed section by section: an ATX heading resets the parser, and so
    does a paragraph after an empty line (see _add_sections), so a section parses the same alone as in
    place, and a section unchanged since the last version is not parsed again."""
    text = _normalize(markdown)
    if ("`" in text or "~" in text) and _FENCE_LINE.search("\n" + text):
        return [_Section(tuple(_Parser(text.split("\n")).parse()))]  # fences can span headings
    sections: list[_Section] = []
    begin = 0
    for m in _ATX_LINE.finditer("\n" + text):
        start = m.start()  # of the heading line in ``text``
        if start > begin:
            _add_sections(sections, text, begin, start - 1)  # without the "\n" before it
        begin = start
    _add_sections(sections, text, begin, len(text))
    return sections


_CUT_EVERY = 8  # about one paragraph start in this many ends a section (see _add_sections)
_AFTER_EMPTY_LINE = re.compile(r"\n\n(\S[^\n]*)")  # a line after an empty one, not indented


def _add_sections(sections: list[_Section], text: str, begin: int, end: int) -> None:
    """The sections of ``text[begin:end]`` (no ATX heading inside it but maybe at its start).

    Documents without ATX headings (most extracted plain pages) would otherwise be one section,
    parsed and built again whole for a one-word change: they are cut at some paragraph starts.
    A cut is where the parser's state is reset anyway: after an empty line, at a line that starts
    a paragraph (no blank first, not a block start, not a list item, which the parser's look
    ahead past blank lines tests). Which of those cut is decided by the line alone (its length
    and its last character), so the cuts of an unchanged stretch of text stay where they were."""
    at = begin
    for m in _AFTER_EMPTY_LINE.finditer(text, begin, end):
        line = m.group(1)  # starts with a non-blank character
        if ((len(line) + ord(line[-1])) % _CUT_EVERY == 0 and _line_start(line) is _PROSE
                and not _ITEM.match(line)):
            sections.append(_parse_section(text[at:m.start() + 1]))  # up to the empty line before it
            at = m.start(1)
    sections.append(_parse_section(text[at:end]))


@_cached(_SECTION_BUDGET)
def _parse_section(text: str) -> _Section:
    return _Section(tuple(_Parser(text.split("\n")).parse()))


class _Parser:
    """Line-based reader for the Markdown subset the extractor emits (plus plain text)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines  # normalized: no tabs, no "\r"
        self.blocks: list[_Block] = []
        self.indents: list[int] = []  # open list items' indents
        self.next_start: tuple[int, tuple[str, re.Match[str] | None]] = (-1, _PROSE)  # see _collect

    def parse(self) -> list[_Block]:
        lines = self.lines
        i = 0
        while i < len(lines):
            i = self._step(i) if lines[i].strip() else i + 1
        return self.blocks

    def _step(self, i: int) -> int:
        """Read the block starting at non-blank line ``i``; returns the next line to read."""
        line = self.lines[i]
        at, known = self.next_start
        start, m = known if at == i else _line_start(line)
        if start and m is not None:  # else prose
            if start == "hr":
                return i + 1
            if start == "atx":
                self.indents.clear()
                body = (m.group(2) or "").strip()
                if body:
                    self.blocks.append(_Block("heading", line.strip(), body, len(m.group(1)), ""))
                return i + 1
            if start == "fence":
                return self._fence(i)
            if start == "table":
                return self._table(i)
            return self._item(i, m)
        if self.indents and line.startswith("  ") and self.blocks and self.blocks[-1].kind == "item":
            return self._continue_item(i)
        return self._paragraph(i)

    def _collect(self, i: int) -> tuple[list[str], int]:
        """Lines up to the next block start (stripped)."""
        lines, out = self.lines, []
        while i < len(lines):
            stripped = lines[i].strip()
            if not stripped:
                break
            start = _line_start(lines[i])
            if start[0]:  # a new block: _step reads it next, keep the match for it
                self.next_start = (i, start)
                break
            out.append(stripped)
            i += 1
        return out, i

    def _paragraph(self, i: int) -> int:
        self.indents.clear()
        lines, j = self._collect(i)
        if len(lines) == 1 and (heading := _plain_heading(lines[0])):
            self.blocks.append(heading)
        elif len(lines) > 1 and _heads(lines[0], lines[1:]) and (heading := _plain_heading(lines[0])):
            self.blocks.append(heading)  # "12.3 Refund window\nYou can ask ...": a heading, then its text
            text = "\n".join(lines[1:])
            self.blocks.append(_Block("paragraph", text, text, 0, ""))
        else:
            text = "\n".join(lines)
            self.blocks.append(_Block("paragraph", text, text, 0, ""))
        return j

    def _fence(self, i: int) -> int:
        self.indents.clear()
        j = i + 1
        while j < len(self.lines) and not _FENCE.match(self.lines[j]):
            j += 1
        text = "\n".join(self.lines[i : j + 1]).strip()
        self.blocks.append(_Block("paragraph", text, text, 0, ""))
        return j + 1

    def _table(self, i: int) -> int:
        self.indents.clear()
        j = i
        while j < len(self.lines) and _TABLE_ROW.match(self.lines[j]):
            j += 1
        text = "\n".join(line.strip() for line in self.lines[i:j])
        self.blocks.append(_Block("table", text, text, 0, ""))
        return j

    def _depth(self, indent: int) -> int:
        """List depth from indentation (children are indented >= 2 more than the parent)."""
        while self.indents and indent < self.indents[-1] - 1:
            self.indents.pop()
        if not self.indents or indent >= self.indents[-1] + 2:
            self.indents.append(indent)
        else:
            self.indents[-1] = indent
        return len(self.indents)

    def _item(self, i: int, m: re.Match[str]) -> int:
        indent, marker, first = len(m.group(1)), m.group(2), m.group(3)
        more, j = self._collect(i + 1)
        body = "\n".join([first.strip(), *more])
        number = marker[:-1] if marker[0].isdigit() else ""
        single = not more and not self.indents and not self._next_is_item(j)
        if single and indent == 0 and number and _is_title_like(first):
            self.blocks.append(_Block("heading", m.group(0).strip(), first.strip(), 2, ""))
            return j
        if more and indent == 0 and number and not self.indents and _is_title_like(first) \
                and _heads(m.group(0).strip(), more):  # "1. Refund window\nYou can ask ...": a heading
            self.blocks.append(_Block("heading", m.group(0).strip(), first.strip(), 2, ""))
            text = "\n".join(more)
            self.blocks.append(_Block("paragraph", text, text, 0, ""))
            return j
        depth = self._depth(indent)
        self.blocks.append(_Block("item", f"{marker} {body}", body, depth, number))
        return j

    def _next_is_item(self, j: int) -> bool:
        """Whether the next non-blank line continues a list (so '1. Fees' is an item, not a title)."""
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        return j < len(self.lines) and bool(_ITEM.match(self.lines[j]))

    def _continue_item(self, i: int) -> int:
        """An indented paragraph after a blank line belongs to the open list item."""
        lines, j = self._collect(i)
        last, extra = self.blocks.pop(), "\n\n" + "\n".join(lines)
        self.blocks.append(last._replace(text=last.text + extra, body=last.body + extra))
        return j


# --- ids and clauses -----------------------------------------------------------------------


def _title_index(blocks: list[_Block]) -> int | None:
    """Index of a document title: the first heading when every other heading is deeper."""
    headings = [(i, b.level) for i, b in enumerate(blocks) if b.kind == "heading"]
    if not headings:
        return None
    first, level = headings[0]
    return first if all(lv > level for _, lv in headings[1:]) else None


def _own_number(body: str) -> str:
    """'7.2', '3' or 'a' when the clause text starts with its own number."""
    c = body[:1]  # the pattern starts with a digit or "("
    m = _OWN_NUMBER.match(body) if c == "(" or c.isdecimal() else None
    return next((g for g in m.groups() if g), "").lower() if m else ""


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _row_text(row: str) -> str:
    """Row cells joined by spaces, for the key (pipes are layout, not content)."""
    return " ".join(_cells(row))


# --- block plans ---------------------------------------------------------------------------
# What a block yields that does not depend on where it stands (own number, sentences, keys,
# slugs) is computed once per distinct block: in a diff nearly every block of the new version is
# also in the old one, so splitting the new version mostly reuses the old one's work.


Pieces = tuple[tuple[str, str], ...]  # (clause text, key) per sentence


def _has_end_mark(text: str) -> bool:
    """Whether ``text`` has an end mark that a blank could follow (else it is one sentence)."""
    last = len(text) - 1  # the final character cannot start a sentence end
    return (text.find(".", 0, last) >= 0 or text.find("!", 0, last) >= 0
            or text.find("?", 0, last) >= 0 or text.find("…", 0, last) >= 0)


@_cached(_PLAN_BUDGET)
def _prose_plan(text: str, body: str, max_sentences: int) -> tuple[str, str, Pieces | None]:
    """(own number, key of the whole block, sentence pieces or None when it stays one clause)."""
    own = _own_number(body)
    if max_sentences >= 1 and "\n" not in body and not _has_end_mark(body):
        return own, clause_key(text), None  # fast path: one sentence (most blocks)
    sentences = _sentences_of_block(body)
    if len(sentences) <= max_sentences:
        return own, clause_key(text), None
    return own, "", tuple((s, clause_key(s)) for s in sentences)


@_cached(_PLAN_BUDGET)
def _heading_plan(text: str, body: str) -> tuple[str, str]:
    """(slug, key) of a heading."""
    return slugify(body), clause_key(text)


@_cached(_PLAN_BUDGET)
def _table_plan(text: str) -> tuple[tuple[str, str, str], ...]:
    """(token after 't<n>.', clause text, key) per data row; the header joins each row's text."""
    rows = text.split("\n")
    header = rows[:2] if len(rows) > 2 and _TABLE_SEP.match(rows[1]) else []
    data = rows[len(header):] or rows[:1]
    plan = []
    for r, row in enumerate(data, 1):
        first = slugify(_cells(row)[0], 32) if header or len(data) > 1 else ""
        row_text = "\n".join([*header, row]) if header and row not in header else row
        # key: this row's cells only
        plan.append((first or f"r{r}", row_text, clause_key(_row_text(row))))
    return tuple(plan)


class _Build(NamedTuple):
    """What building one section read from the builder's state, and what it left there."""

    counter_reads: dict[str, int]  # value before the section, per counter it used
    counter_writes: dict[str, int]  # value after
    seen_reads: dict[str, int]  # the same for id use counts
    seen_writes: dict[str, int]
    first_block: int  # the section's first block index when an id used it ("h<i>"), else -1
    path: tuple[tuple[int, str, str], ...]  # heading path after the section
    items: tuple[str, ...]
    children: tuple[int, ...]
    offset: int  # index of the section's first clause
    clauses: tuple[Clause, ...]


def _reindexed(c: Clause, index: int) -> Clause:
    """``c`` at another index (built like _Builder._emit does)."""
    moved = _new_object(Clause)
    moved.__dict__.update(c.__dict__, index=index)
    return moved


class _Builder:
    """Walks blocks, tracks the heading path and section counters, and emits clauses.

    Ids depend on what came before (heading path, counters, ids already used), so a section's
    clauses are reused only when everything its build read is the same again: the state in the
    key, and the counters and id counts it read (checked one by one)."""

    def __init__(self, sections: list[_Section], max_sentences: int) -> None:
        self.sections = sections
        self.max_sentences = max_sentences
        self.title = _title_index([b for section in sections for b in section.blocks])
        self.path: list[tuple[int, str, str]] = []  # (level, slug, heading text)
        self.section = ""  # slugs of ``path`` joined by "/": kept in step, ids need it per clause
        self.context = ""  # innermost heading text
        self.counters: dict[str, int] = {}
        self.items: list[str] = []  # tokens of open list items by depth
        self.children: list[int] = []  # child counters by depth
        self.seen: dict[str, int] = {}
        self.clauses: list[Clause] = []
        # the current section's counters and id counts: before it (first use) and in it; they go
        # into ``counters`` and ``seen`` when it ends (see _Build)
        self.counter_reads: dict[str, int] = {}
        self.counter_writes: dict[str, int] = {}
        self.seen_reads: dict[str, int] = {}
        self.seen_writes: dict[str, int] = {}
        self.used_index = False

    # helpers
    def _path_changed(self) -> None:
        self.section = "/".join(slug for _, slug, _ in self.path if slug)
        self.context = self.path[-1][2] if self.path else ""

    def _count(self, what: str) -> int:
        k = f"{self.section}#{what}"
        n = self.counter_writes.get(k)
        if n is None:
            n = self.counter_reads[k] = self.counters.get(k, 0)
        n = self.counter_writes[k] = n + 1
        return n

    def _unique(self, cid: str) -> str:
        n = self.seen_writes.get(cid)
        if n is None:
            n = self.seen_reads[cid] = self.seen.get(cid, 0)
        n = self.seen_writes[cid] = n + 1
        return cid if n == 1 else f"{cid}~{n}"

    def _id(self, token: str) -> str:
        section = self.section
        return self._unique(f"{section}/{token}" if section else token)

    def _emit(self, cid: str, kind: str, text: str, level: int, key: str) -> None:
        # Fills the instance dict directly: the frozen __init__ costs one object.__setattr__ per
        # field, and a document has thousands of clauses. Same fields, so ==, hash, repr and
        # pickling are those of Clause(...).
        clauses = self.clauses
        c = _new_object(Clause)
        c.__dict__.update(id=cid, kind=kind, text=text, heading=self.context, level=level,
                          index=len(clauses), key=key)
        clauses.append(c)

    def _emit_sentences(self, cid: str, sentences: Pieces, level: int) -> None:
        """Emit a paragraph/item that is too long to read as one clause as its sentences."""
        for k, (sentence, sentence_key) in enumerate(sentences, 1):
            self._emit(self._unique(f"{cid}.s{k}"), "sentence", sentence, level, sentence_key)

    # sections
    def build(self) -> list[Clause]:
        i = 0  # index of the section's first block in the document
        for section in self.sections:
            n = len(section.blocks)
            title = self.title - i if self.title is not None and i <= self.title < i + n else -1
            key = (self.max_sentences, title, tuple(self.path), tuple(self.items),
                   tuple(self.children))
            build = section.builds.get(key)
            if build is None or not self._reuse(section, key, build, i):
                self._build(section, key, i)
            i += n
        return self.clauses

    def _build(self, section: _Section, key: tuple[object, ...], i: int) -> None:
        """Emit a section's clauses block by block, and remember what that read and wrote."""
        self.counter_reads, self.counter_writes, self.seen_reads, self.seen_writes = {}, {}, {}, {}
        self.used_index = False
        offset = len(self.clauses)
        for j, block in enumerate(section.blocks, i):
            if block.kind == "item":
                self._item(j, block)
                continue
            if self.items:  # (else both are empty already)
                self.items, self.children = [], []
            getattr(self, f"_{block.kind}")(j, block)
        self.counters.update(self.counter_writes)
        self.seen.update(self.seen_writes)
        build = _Build(
            self.counter_reads, self.counter_writes, self.seen_reads, self.seen_writes,
            i if self.used_index else -1, tuple(self.path), tuple(self.items), tuple(self.children),
            offset, tuple(self.clauses[offset:]),
        )
        if len(section.builds) >= _BUILDS_PER_SECTION:
            section.builds = {}
        section.builds[key] = build

    def _reuse(self, section: _Section, key: tuple[object, ...], build: _Build, i: int) -> bool:
        """Replay ``build`` if it read the same state as now; False (nothing done) otherwise."""
        if build.first_block >= 0 and build.first_block != i:
            return False
        counters, seen = self.counters, self.seen
        for k, n in build.counter_reads.items():
            if counters.get(k, 0) != n:
                return False
        for k, n in build.seen_reads.items():
            if seen.get(k, 0) != n:
                return False
        counters.update(build.counter_writes)
        seen.update(build.seen_writes)
        self.path = list(build.path)
        self._path_changed()
        self.items, self.children = list(build.items), list(build.children)
        offset = len(self.clauses)
        if offset == build.offset:
            self.clauses += build.clauses
        else:  # clauses were added or removed before this section
            moved = tuple(_reindexed(c, c.index - build.offset + offset) for c in build.clauses)
            self.clauses += moved
            section.builds[key] = build._replace(offset=offset, clauses=moved)
        return True

    # block handlers
    def _heading(self, i: int, block: _Block) -> None:
        while self.path and self.path[-1][0] >= block.level:
            self.path.pop()
        self._path_changed()
        slug, key = _heading_plan(block.text, block.body)
        if not slug:
            slug, self.used_index = f"h{i}", True
        if i == self.title:  # the title names the document, not a section: keep it out of ids
            self._emit(self._unique(slug), "heading", block.text, block.level, key)
            self.path.append((block.level, "", block.body))
        else:
            cid = self._id(slug)
            self._emit(cid, "heading", block.text, block.level, key)
            self.path.append((block.level, cid.rsplit("/", 1)[-1], block.body))
        self._path_changed()

    def _paragraph(self, i: int, block: _Block) -> None:
        own, key, sentences = _prose_plan(block.text, block.body, self.max_sentences)
        cid = self._id(own or f"p{self._count('p')}")
        if sentences is None:
            self._emit(cid, "paragraph", block.text, 0, key)
        else:
            self._emit_sentences(cid, sentences, 0)

    def _item(self, i: int, block: _Block) -> None:
        depth = block.level
        del self.items[depth - 1 :], self.children[depth:]
        while len(self.children) < depth:
            self.children.append(0)
        self.children[depth - 1] += 1
        own_number, key, sentences = _prose_plan(block.text, block.body, self.max_sentences)
        own = block.number or own_number
        if depth == 1 or not self.items:
            n = self._count("i")
            token = own or f"i{n}"
        else:
            token = f"{self.items[-1]}.{own or self.children[depth - 1]}"
        self.items.append(token)
        cid = self._id(token)
        if sentences is None:
            self._emit(cid, "item", block.text, depth, key)
        else:
            self._emit_sentences(cid, sentences, depth)

    def _table(self, i: int, block: _Block) -> None:
        t = self._count("t")
        for token, text, key in _table_plan(block.text):
            self._emit(self._id(f"t{t}.{token}"), "table", text, 0, key)


def split_clauses(markdown: str, *, max_sentences: int = 3) -> list[Clause]:
    """Headings, list items and paragraphs each become a clause; a paragraph or item longer than
    ``max_sentences`` sentences becomes sentence clauses; a table becomes one clause per row
    (header row attached to each row's text for context)."""
    return _Builder(_parse(markdown), max_sentences).build()

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
from dataclasses import dataclass, replace

__all__ = ["Clause", "split_clauses", "split_sentences", "clause_key", "slugify"]


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


# --- line grammar -------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\S.*)$")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_SEP = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")

# "12.3 Credits", "1. Definitions", "7 - Fees": a numbered line that reads like a title.
_NUMBERED_TITLE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]+(?:[-–—:][ \t]+)?(\w.*)$")
_TERMINAL = ".;:,!?"

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


def clause_key(text: str) -> str:
    """Comparison text: what a reader would still see if markup, numbering and case vanished."""
    t = text if text.isascii() else unicodedata.normalize("NFKC", text)
    if "](" in t:
        t = _LINK.sub(r"\1", _IMAGE.sub(r"\1", t))
    if "<" in t:
        t = _AUTOLINK.sub(r"\1", t)
    t = _LEAD_MARKUP.sub("", t, count=1)
    t = _LEAD_NUMBER.sub("", t, count=1)
    t = t.lower()
    if t.isascii():  # fast path (3x faster than the regex): bytes.translate punctuation to spaces
        return " ".join(t.encode().translate(_ASCII_TO_SPACE).decode().split())
    return _NON_WORD.sub(" ", t).strip()


def slugify(text: str, max_len: int = 48) -> str:
    """URL-ish slug of a heading, numbering dropped so renumbering keeps ids."""
    t = unicodedata.normalize("NFKD", clause_key(text)).encode("ascii", "ignore").decode()
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
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]*_]*(?=\s)")
_DOTTED_ACRONYM = re.compile(r"^(?:[a-z]\.)+[a-z]$")  # u.s, e.u (final dot is the match)
_SPACE = re.compile(r"\s+")
_OPENERS = "\"'“‘([*_<"


def _is_abbreviation(word: str) -> bool:
    """Whether ``word`` (text before a final '.') is an abbreviation, not a sentence end."""
    w = word.lower().lstrip(_OPENERS)
    return w in _ABBREVIATIONS or bool(_DOTTED_ACRONYM.match(w)) or (len(w) == 1 and w.isalpha())


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Decide whether the punctuation at text[start:end] ends a sentence."""
    gap = _SPACE.match(text, end)
    nxt_at = gap.end() if gap else end
    if nxt_at >= len(text):
        return False
    nxt = text[nxt_at]
    newline = "\n" in text[end:nxt_at]  # one sentence per line
    tokenised = start > 0 and text[start - 1] == " "  # "we collect data . we share it ."
    if not (newline or tokenised or nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[start:end].rstrip("\"'”’)]*_") == ".":
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        return not _is_abbreviation(text[word_start:start])
    return True


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking on 'e.g.', 'Inc.', 'U.S.', '1.5', 'No. 3'."""
    sentences: list[str] = []
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        if _is_boundary(text, m.start(), m.end()):
            piece = text[begin : m.end()].strip()
            if piece:
                sentences.append(piece)
            begin = m.end()
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
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and not _looks_hard_wrapped(lines):
        return [s for line in lines for s in split_sentences(line)]
    return split_sentences(text)


# --- block parsing -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """A raw Markdown block before ids are assigned."""

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
    m = _NUMBERED_TITLE.match(line)
    if m and _is_title_like(m.group(2)):
        # one level below a document title: "1." -> 2, "12.3" -> 3
        return _Block("heading", line, m.group(2).strip(), m.group(1).count(".") + 2, "")
    if line.isupper() and _is_title_like(line) and sum(c.isalpha() for c in line) >= 3:
        return _Block("heading", line, line, 1, "")
    return None


class _Parser:
    """Line-based reader for the Markdown subset the extractor emits (plus plain text)."""

    def __init__(self, markdown: str) -> None:
        self.lines = markdown.expandtabs(4).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.blocks: list[_Block] = []
        self.indents: list[int] = []  # open list items' indents

    def parse(self) -> list[_Block]:
        i = 0
        while i < len(self.lines):
            i = self._step(i)
        return self.blocks

    def _step(self, i: int) -> int:
        line = self.lines[i]
        if not line.strip() or _HR.match(line):
            return i + 1
        if m := _ATX.match(line):
            self.indents.clear()
            body = (m.group(2) or "").strip()
            if body:
                self.blocks.append(_Block("heading", line.strip(), body, len(m.group(1)), ""))
            return i + 1
        if _FENCE.match(line):
            return self._fence(i)
        if _TABLE_ROW.match(line):
            return self._table(i)
        if m := _ITEM.match(line):
            return self._item(i, m)
        if self.indents and line.startswith("  ") and self.blocks and self.blocks[-1].kind == "item":
            return self._continue_item(i)
        return self._paragraph(i)

    def _is_break(self, line: str) -> bool:
        """A line that starts a new block (ends a paragraph or an item's lazy continuation)."""
        return (
            not line.strip()
            or bool(_ATX.match(line) or _HR.match(line) or _ITEM.match(line))
            or bool(_TABLE_ROW.match(line) or _FENCE.match(line))
        )

    def _collect(self, i: int) -> tuple[list[str], int]:
        """Lines up to the next block start."""
        out: list[str] = []
        while i < len(self.lines) and not self._is_break(self.lines[i]):
            out.append(self.lines[i].strip())
            i += 1
        return out, i

    def _paragraph(self, i: int) -> int:
        self.indents.clear()
        lines, j = self._collect(i)
        if len(lines) == 1 and (heading := _plain_heading(lines[0])):
            self.blocks.append(heading)
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
        self.blocks.append(replace(last, text=last.text + extra, body=last.body + extra))
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
    m = _OWN_NUMBER.match(body)
    return next((g for g in m.groups() if g), "").lower() if m else ""


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


class _Builder:
    """Walks blocks, tracks the heading path and section counters, and emits clauses."""

    def __init__(self, blocks: list[_Block], max_sentences: int) -> None:
        self.blocks = blocks
        self.max_sentences = max_sentences
        self.title = _title_index(blocks)
        self.path: list[tuple[int, str, str]] = []  # (level, slug, heading text)
        self.counters: dict[str, int] = {}
        self.items: list[str] = []  # tokens of open list items by depth
        self.children: list[int] = []  # child counters by depth
        self.seen: dict[str, int] = {}
        self.clauses: list[Clause] = []

    # helpers
    def _section(self) -> str:
        return "/".join(slug for _, slug, _ in self.path if slug)

    def _context(self) -> str:
        return self.path[-1][2] if self.path else ""

    def _count(self, what: str) -> int:
        k = f"{self._section()}#{what}"
        self.counters[k] = self.counters.get(k, 0) + 1
        return self.counters[k]

    def _unique(self, cid: str) -> str:
        n = self.seen.get(cid, 0) + 1
        self.seen[cid] = n
        return cid if n == 1 else f"{cid}~{n}"

    def _id(self, token: str) -> str:
        section = self._section()
        return self._unique(f"{section}/{token}" if section else token)

    def _emit(self, cid: str, kind: str, text: str, level: int, key_text: str | None = None) -> None:
        key = clause_key(text if key_text is None else key_text)
        self.clauses.append(Clause(cid, kind, text, self._context(), level, len(self.clauses), key))

    def _emit_prose(self, cid: str, kind: str, text: str, body: str, level: int) -> None:
        """Emit a paragraph/item, or its sentences when it is too long to read as one clause."""
        short = "\n" not in body and len(_SENTENCE_END.findall(body)) < self.max_sentences
        sentences = [] if short else _sentences_of_block(body)  # fast path: too few '.' to split
        if len(sentences) <= self.max_sentences:
            self._emit(cid, kind, text, level)
            return
        for k, sentence in enumerate(sentences, 1):
            self._emit(self._unique(f"{cid}.s{k}"), "sentence", sentence, level)

    # block handlers
    def build(self) -> list[Clause]:
        for i, block in enumerate(self.blocks):
            if block.kind != "item":
                self.items, self.children = [], []
            getattr(self, f"_{block.kind}")(i, block)
        return self.clauses

    def _heading(self, i: int, block: _Block) -> None:
        while self.path and self.path[-1][0] >= block.level:
            self.path.pop()
        slug = slugify(block.body) or f"h{i}"
        if i == self.title:  # the title names the document, not a section: keep it out of ids
            self._emit(self._unique(slug), "heading", block.text, block.level)
            self.path.append((block.level, "", block.body))
            return
        cid = self._id(slug)
        self._emit(cid, "heading", block.text, block.level)
        self.path.append((block.level, cid.rsplit("/", 1)[-1], block.body))

    def _paragraph(self, i: int, block: _Block) -> None:
        token = _own_number(block.body) or f"p{self._count('p')}"
        self._emit_prose(self._id(token), "paragraph", block.text, block.body, 0)

    def _item(self, i: int, block: _Block) -> None:
        depth = block.level
        del self.items[depth - 1 :], self.children[depth:]
        while len(self.children) < depth:
            self.children.append(0)
        self.children[depth - 1] += 1
        own = block.number or _own_number(block.body)
        if depth == 1 or not self.items:
            n = self._count("i")
            token = own or f"i{n}"
        else:
            token = f"{self.items[-1]}.{own or self.children[depth - 1]}"
        self.items.append(token)
        self._emit_prose(self._id(token), "item", block.text, block.body, depth)

    def _table(self, i: int, block: _Block) -> None:
        rows = block.text.split("\n")
        header = rows[:2] if len(rows) > 2 and _TABLE_SEP.match(rows[1]) else []
        data = rows[len(header):] or rows[:1]
        t = self._count("t")
        for r, row in enumerate(data, 1):
            first = slugify(_cells(row)[0], 32) if header or len(data) > 1 else ""
            cid = self._id(f"t{t}.{first or f'r{r}'}")
            text = "\n".join([*header, row]) if header and row not in header else row
            self._emit(cid, "table", text, 0, key_text=_row_text(row))  # key: this row's cells only


def _row_text(row: str) -> str:
    """Row cells joined by spaces, for the key (pipes are layout, not content)."""
    return " ".join(_cells(row))


def split_clauses(markdown: str, *, max_sentences: int = 3) -> list[Clause]:
    """Headings, list items and paragraphs each become a clause; a paragraph or item longer than
    ``max_sentences`` sentences becomes sentence clauses; a table becomes one clause per row
    (header row attached to each row's text for context)."""
    blocks = _Parser(markdown).parse()
    return _Builder(blocks, max_sentences).build()

"""Clause text as people read it: Markdown rendered, never shown as syntax.

Recorded texts are Markdown (``extract`` writes them so), and a clause is a piece of it: a
paragraph, a list item, a heading or a table row under its header. Whatever a reader sees of a
clause goes through one of the functions here, all built on one Markdown parser (markdown-it-py,
CommonMark plus tables):

* ``plain_text``: one line of inline text (links become their text, emphasis and code marks
  vanish): for matching, headlines and short quotes;
* ``clause_text``: the whole clause as one line of plain text, a table row read as
  "Header: cell; Header: cell" and a literal ``<br>`` as a break: for the terminal, feed titles,
  notifications and word diffs;
* ``clause_html``: safe HTML for pages and feeds. Raw HTML is never passed through (``html=False``:
  ``<script>`` is text, escaped), link targets never appear as text, only http(s) and mailto
  targets become links (with ``rel="nofollow noopener"``), images show their alt text and are
  never loaded, and tables render as tables;
* ``table_cells``: a table clause's header and rows as plain cells, for a cell-by-cell word diff;
* ``section_label``: the section a person sees ("§ 8.3 Credits"), never an internal clause id.

Pure functions, cached; imports only the standard library and markdown-it-py.
"""

from __future__ import annotations

import html as _html
import re
from functools import lru_cache
from typing import Any

__all__ = ["clause_html", "clause_text", "good_end", "one_line", "plain_text", "section_label", "table_cells"]


@lru_cache(maxsize=1)
def _md() -> Any:
    """The parser behind ``plain_text``: CommonMark (inline HTML tokens are dropped from plain text)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


@lru_cache(maxsize=1)
def _safe_md() -> Any:
    """The parser behind ``clause_html``: CommonMark with tables, raw HTML off, links checked."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    rules = md.renderer.rules  # type: ignore[attr-defined]  # RendererHTML has them

    def link_open(tokens: Any, idx: int, options: Any, env: Any) -> str:
        href = tokens[idx].attrGet("href") or ""
        if re.match(r"(?i)(?:https?://|mailto:)", href):
            return f'<a href="{_html.escape(href, quote=True)}" rel="nofollow noopener">'
        tokens[idx].meta["plain"] = True  # an in-page anchor or relative path: text only
        return ""

    def link_close(tokens: Any, idx: int, options: Any, env: Any) -> str:
        # the matching opener is the nearest unclosed link_open before idx
        depth = 0
        for j in range(idx - 1, -1, -1):
            if tokens[j].type == "link_close":
                depth += 1
            elif tokens[j].type == "link_open":
                if depth == 0:
                    return "" if tokens[j].meta.get("plain") else "</a>"
                depth -= 1
        return ""

    def image(tokens: Any, idx: int, options: Any, env: Any) -> str:
        return _html.escape(tokens[idx].content or "")  # never load a remote image from an archive

    rules["link_open"] = link_open
    rules["link_close"] = link_close
    rules["image"] = image
    return md


_MARKUP_CHARS = re.compile(r"[*_`\[\]<>\\&!]")
# A literal <br> (pages converted from HTML keep them inside table cells and list items).
_BR = re.compile(r"<br\s*/?>", re.I)
_ESCAPED_BR = re.compile(r"&lt;br\s*/?&gt;", re.I)
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")


@lru_cache(maxsize=16384)
def plain_text(markdown: str) -> str:
    """Markdown inline text as a reader sees it: links become their text, emphasis, code marks,
    images and HTML tags vanish, line breaks become spaces. Returns one line."""
    if not markdown:
        return ""
    if not _MARKUP_CHARS.search(markdown):  # most sentences: nothing for a parser to do
        return re.sub(r"\s+", " ", markdown).strip()
    out: list[str] = []
    for token in _md().parseInline(_BR.sub(" ", markdown)):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif child.type == "image":
                out.append(child.content)
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    # A sentence cut out of an emphasised paragraph ("**_First. Second._**") keeps the half of
    # the marks that lost its pair: a run of two or more at either end is never the text's own.
    return _STRAY_MARKS.sub("", text) if ("**" in text or "__" in text or "*_" in text or "_*" in text) else text


_STRAY_MARKS = re.compile(r"^[*_]{2,}(?=\S)|(?<=\S)[*_]{2,}$")


def _split_row(row: str) -> list[str]:
    """The cells of one Markdown table row (escaped pipes stay in their cell)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)]


def table_cells(markdown: str) -> tuple[list[str], list[list[str]]] | None:
    """(header cells, data rows) of a Markdown table clause, each cell as plain text; None when
    ``markdown`` is not a table. A table without a separator line has no header."""
    lines = [line for line in markdown.strip().split("\n") if line.strip()]
    if not lines or not all("|" in line for line in lines):
        return None
    if len(lines) >= 2 and _TABLE_SEP.match(lines[1]):
        header, body = _split_row(lines[0]), lines[2:]
    elif any(_TABLE_SEP.match(line) for line in lines):
        return None
    else:
        if not lines[0].lstrip().startswith("|"):
            return None
        header, body = [], lines
    return ([plain_text(c) for c in header], [[plain_text(c) for c in _split_row(r)] for r in body])


def _row_line(header: list[str], row: list[str]) -> str:
    """'Plan: Basic; Price: $10 a month' (a header cell names each value; empty cells skipped)."""
    parts = []
    for i, cell in enumerate(row):
        if not cell:
            continue
        name = header[i] if i < len(header) else ""
        parts.append(f"{name}: {cell}" if name and name != cell else cell)
    return "; ".join(parts)


@lru_cache(maxsize=4096)
def clause_text(markdown: str) -> str:
    """A clause as one line of plain text: heading marks, list markers and quote marks dropped
    (an ordered item keeps its number), inline Markdown rendered (``plain_text``), a table row
    read with its header ("Plan: Basic; Price: $10"). ``""`` for ``""``."""
    if not markdown or not markdown.strip():
        return ""
    table = table_cells(markdown)
    if table is not None:
        header, rows = table
        if not rows:
            return " · ".join(c for c in header if c)
        return " · ".join(_row_line(header, row) for row in rows)
    lines = []
    for line in markdown.split("\n"):
        line = _QUOTE.sub("", _HEADING.sub("", line))
        m = _ITEM.match(line)
        if m:
            marker = m.group(0).strip()
            line = (marker + " " if marker[0].isdigit() else "") + line[m.end():]
        lines.append(line)
    return plain_text("\n".join(lines))


# Words a cut should not end on: they lead on to the words that carry the point ("within 14…",
# "held in San…", "to train and…"), so a cut after them drops the key words and keeps the glue.
LEADS_ON = frozenset("""a an the of to in on at by for with from into onto upon within without via per and or but nor
as than that which who whom whose your our its their his her my we you they it is are was were be been being will
would may might can could shall should must not no any all each every such this these those unless if when where
whether while until before after also only more less least most including instead about between under over up
held made given kept rather except because since during through throughout against toward towards among both either
neither so has have had""".split()) | frozenset(
    # French and German words that lead on ("sur la base de…", "innerhalb von…"); none an English word of meaning
    """de du des la le les l d à au aux pour par pendant dans sur avec sans sous et ou un une dont que qui afin
    der das den dem zu zur zum für mit bei nach und oder ein eine einer einem einen von vom während innerhalb""".split())
_NUMBER = re.compile(r"^[$€£]?\d[\d.,:/%-]*$")
_INNER_BREAK = re.compile(r"[/\-_.?&=#]")  # where a long token (a URL, a path) may be cut


# A list item's marker ("1.", "2)", "(a)", "iv)"): a cut after it keeps a list's number, not its item.
_LIST_MARK = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$", re.I)
# Words after which a participle needs its complement ("the fee listed on our pricing page",
# "the data described in § 4"): a cut after the participle ends mid-phrase.
_DETERMINERS = frozenset("a an the our your its their this these those any each every such no".split())
_AUX = frozenset("be is are was were been being am has have had get gets got will shall may must can not".split())
_COMPLEMENT = frozenset("in on at by under below above herein to from for with as".split())


def dangles(words: list[str], k: int) -> bool:
    """Whether a cut after ``words[k]`` would leave a list's lead-in without any item: a word
    ending with a colon ("you will not:") or an item marker ("you will not 1.")."""
    raw = words[k].strip("“”\"'")
    return raw.endswith(":") or bool(_LIST_MARK.match(raw))


def good_end(words: list[str], k: int) -> bool:
    """Whether a cut after ``words[k]`` ends on a complete phrase, on a word that carries
    meaning: not a word that leads on (``LEADS_ON``), not a list's lead-in (a colon) or an item
    marker ("you will not 1."), not a number whose unit follows ("14" before "days"), not a
    participle before its complement ("the fee listed" of "the fee listed on our pricing page"),
    not inside a run of capitalised words ("San" of "San Francisco")."""
    raw = words[k]
    word = raw.strip("“”\"'()[]…")
    if not word or word.lower().rstrip(",;:") in LEADS_ON or word.endswith(("-", "–", "—")):
        return False
    if dangles(words, k):
        return False
    nxt = words[k + 1].lstrip("“\"(") if k + 1 < len(words) else ""
    if _NUMBER.match(word) and nxt[:1].isalpha():
        return False
    # a modifier whose noun follows ("in an individual" of "in an individual capacity"): after a
    # determiner, before a plain word that is no participle ("the chargeback fee listed" is whole)
    before = [w.lower().strip("“\"(") for w in words[max(0, k - 2):k]]
    if (word.islower() and raw[-1:].isalpha() and nxt.isalpha() and nxt.islower() and nxt not in LEADS_ON
            and not nxt.endswith(("ed", "ing", "en")) and any(w in _DETERMINERS for w in before)
            and not any(w[-1:] in ",;:" for w in words[max(0, k - 2):k])):
        return False
    if _open_participle(words, k):
        return False
    # the first word of a name ("San" of "San Francisco"); later words of a long name may end a cut
    prev = words[k - 1].strip("“\"(") if k else ""
    if word[:1].isupper() and not word.endswith((",", ";", ":", ".")) and nxt[:1].isupper() and \
            not (prev[:1].isupper() and not prev.endswith((",", ";", ":", "."))):
        return False
    return True


def _open_participle(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a participle before its complement ("the fee listed" of "the fee
    listed on our pricing page"), not the verb of its clause ("will be closed")."""
    raw = words[k]
    word = raw.strip("“”\"'()[]…")
    nxt = words[k + 1].lstrip("“\"(") if k + 1 < len(words) else ""
    prev_raw = words[k - 1].lower() if k else ""
    return (word.lower().endswith(("ed", "en")) and len(word) > 4 and nxt.lower().rstrip(",;:") in _COMPLEMENT
            and prev_raw not in _AUX and prev_raw[-1:].isalpha() and not raw.endswith((",", ";", ".")))


@lru_cache(maxsize=4096)  # (pure; a pair's labelling and its summary cut the same snippets again)
def one_line(text: str, limit: int) -> str:
    """``text`` on one line in at most ``limit`` characters; when cut, cut at a word boundary,
    marked "…", on a word that carries meaning (``good_end``: "within 14 days…", not "within
    14…" or "held in San…") when such a cut keeps at least 70% of the longest one, with an
    opening quotation mark and bracket closed ("“we may train…”", "(was “…overwritten…”)"). Never empty: a first word longer than
    ``limit`` (a URL) is cut at a "/", "-" or "." inside it, else at ``limit``."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit or limit < 2:
        return text[:max(limit, 0)] if len(text) > limit else text
    words = text.split(" ")
    best = good = whole = fair = -1
    length = -1
    for k, w in enumerate(words):
        length += len(w) + 1
        prefix = text[:length]
        room = limit - 1 - (prefix.count("“") > prefix.count("”")) - (prefix.count("(") > prefix.count(")"))
        if len(prefix.rstrip(" ,;:-–—(“\"…")) > room:
            break
        if prefix.rstrip(" ,;:-–—(“\"…"):
            best = length
            if not dangles(words, k):
                whole = length
            if good_end(words, k):
                good = length
            if (not dangles(words, k) and words[k].strip("“”\"'()[]…,;:").lower() not in LEADS_ON
                    and not _open_participle(words, k)):
                fair = length  # not a phrase's end, but no word that leads on ("between…", "may be…")
    # never a lead-in without its items ("you will not 1.…") when anything else fits; never a
    # word that leads on ("…any dispute between…") when a cut at least half as long avoids it
    end = (good if good > 0 and good >= 0.7 * best else fair if fair > 0 and fair >= 0.5 * best
           else best if whole == best or whole <= 0 else whole)
    rest = text[max(end, 0):].lstrip()
    if end <= 0 or (end < limit // 2 and len(rest.split(" ", 1)[0]) >= limit - 1):
        # one token longer than the room ("Now says “https://…”"): cut inside it where it breaks
        head = text[:limit - 2]
        inner = [m.start() for m in _INNER_BREAK.finditer(head) if m.start() > limit // 3]
        cut = head[:inner[-1]] if inner else head
    else:
        cut = text[:end].rstrip(" ,;:-–—(“\"…")
    out = cut + "…"
    if out.count("“") > out.count("”"):
        out += "”"
    if out.count("(") > out.count(")"):
        out += ")"  # "(was “…overwritten…”)": a bracket opened is closed, as a quote is
    return out


@lru_cache(maxsize=4096)
def clause_html(markdown: str) -> str:
    """A clause rendered to safe HTML (see the module docstring): no raw HTML, links only to
    http(s) or mailto targets, images as their alt text, tables as ``<table>``, a literal
    ``<br>`` as a line break. A table row without its header line is still a table."""
    if not markdown or not markdown.strip():
        return ""
    text = markdown
    table = table_cells(markdown)
    if table is not None and not table[0] and table[1]:  # a lone row: give it an empty header
        n = max(len(r) for r in table[1])
        text = "|" + " |" * n + "\n|" + "---|" * n + "\n" + markdown.strip()
    out = _safe_md().render(text)
    # html=False escaped every tag; a line break is the one tag worth keeping, and it has no
    # attributes to carry anything else.
    out = _ESCAPED_BR.sub("<br>", out)
    if table is not None and not table[0]:
        out = re.sub(r"<thead>.*?</thead>\s*", "", out, flags=re.S)
    return out.strip()


# A postal address or a contact line taken for a heading (a bold line of an imprint, a contact
# block): "25th Floor", "Suite 400", "PO Box 12", "1 Fictional Lane, London", "12 rue des Lilas",
# "Blumenweg 3", "10115 Berlin", "San Francisco, CA 94103", "CA 94103", "Tel: ...", "privacy@...",
# "Zorblio GmbH", "Zorblio, Inc", a web address alone.
_ADDRESS = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+(?:floor|fl\.?)|(?:suite|ste\.?|floor|unit|room|building)\s+\d\w{0,4}|"
    r"p\.?\s?o\.?\s+box\s+\d+)\b"
    r"|^\d+[a-z]?,?\s+(?:[\w'.-]+\s+){0,4}(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|"
    r"dr\.?|way|place|pl\.?|court|ct\.?|square|sq\.?|parkway|pkwy\.?|highway|hwy\.?|terrace|quay)(?=[\s,.]|$)"
    r"|^\d+(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|quai|allée|impasse|chemin|route|cours)\b"
    r"|^[\wäöüß.-]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)\s+\d+\s?[a-z]?(?:[\s,]|$)"
    r"|(?:^|,\s*)(?:[A-Z]{1,2}-)?(?!(?:19|20)\d\d\b)\d{4,5}\s+[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?\s*(?:,.*)?$"
    r"|(?:^|,\s*)[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|^(?:https?://|www\.)\S+$|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
    r"|^(?:tel|tél|phone|telefon|fax|e-?mail|courriel|attn)\b\.?\s*:\s*\S|^c/o\s|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|^[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){0,4},?\s+(?:GmbH|AG|SAS|SARL|S\.A\.|SA|Ltd\.?|Limited|Inc\.?|LLC|B\.V\.|N\.V\.|"
    r"plc|Pty Ltd|S\.L\.|S\.r\.l\.|e\.V\.)$", re.I)


@lru_cache(maxsize=4096)  # (pure; asked of each change's heading by several rules)
def address_line(heading: str) -> bool:
    """Whether ``heading`` (plain text or Markdown) is a line of a postal address or contact block,
    not a section title: a reader must never be told a change is "in 12 rue des Lilas"."""
    text = re.sub(r"^\s*#{1,6}\s*", "", heading or "")
    text = re.sub(r"[*_`]+", "", text).strip(" :")
    if not text or len(text.split()) > 12:
        return False
    if _ADDRESS.search(text):
        return True
    from tracker.analysis.boilerplate import address_spans  # the key terms' own reading of addresses

    return sum(b - a for a, b in address_spans(text)) >= 0.6 * len(text)


# A section number leading a heading ("8.3 Credits", "Section 4 -", "## 2."): shared with the summary's heading finder
HEAD_NUMBER = re.compile(r"^\s*(?:#{1,6}\s*)?(?:(?:section|article)\s+)?(\d{1,3}(?:\.\d{1,3})*)\.?\s+(?:[-–—:]\s+)?")
_OWN = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s")


def section_label(heading: str, text: str = "", clause_id: str = "", kind: str = "") -> str:
    """What a person sees to find a clause: '§ 8.3 Credits', '§ 9 Chargebacks and fraud', or the
    heading alone ('Refunds') when nothing is numbered; "Introduction" without a heading.

    ``heading`` is the clause's section heading (Markdown), ``text`` its own text (a clause that
    starts with its own number, "8.3 ...", gives that number), ``kind`` "item" for a list item
    (its number is added in brackets: "§ 4(2) Fees"; a clause whose text is a list item counts as
    one when ``kind`` is not given, so a diff names it as the summary does)."""
    heading = plain_text(re.sub(r"^#{1,6}\s*", "", heading or ""))
    if address_line(heading):
        heading = ""  # an address line taken for a title: no section rather than a wrong one
    if len(heading.split()) > 14:
        # a whole paragraph taken for a title ("For non-material changes, we will post ... do not use
        # our Services.:"): its start is enough to find it, cut on a word that carries meaning
        hw = heading.split()
        k = 11
        while k > 5 and not good_end(hw, k):
            k -= 1
        heading = " ".join(hw[:k + 1]).rstrip(",;:") + "…"
    kind = kind or ("item" if _ITEM.match(text or "") else "")
    return numbered_label(heading, text, clause_id, kind) or "Introduction"


def change_section(heading: str, text: str, clause_id: str) -> str | None:
    """The ``section`` of a clause change (``compare --json``): ``section_label`` of its heading,
    its text (the new side, else the old) and its clause id; None for a clause under no heading
    and no number (a label "Introduction" the heading does not say)."""
    label = section_label(heading, text, clause_id)
    return None if label == "Introduction" and "introduction" not in (heading or "").lower() else label


def numbered_label(heading: str, text: str = "", clause_id: str = "", kind: str = "") -> str:
    """``section_label`` of a heading already in plain text, '' when there is no heading and no number.

    The number comes from the heading ("8.3 Credits"), else from the clause's own text ("8.3 ..."),
    and a list item adds its place in brackets ("§ 4(2) Fees")."""
    number = ""
    if m := HEAD_NUMBER.match(heading):
        number, heading = m.group(1), heading[m.end():]
    if m := _OWN.match(text or ""):
        number = m.group(1)
    elif m := re.search(r"/(\d{1,3}(?:\.\d{1,3})+)\.s\d+$", clause_id or ""):
        number = m.group(1)  # a sentence of a paragraph numbered "1.2 ...": the paragraph's own number
    elif m := re.search(r"(?:^|/)(\d{1,3}(?:\.\d{1,3})*)(?:\.\d+)?$", clause_id or ""):
        if number and kind == "item":
            number = f"{number}({m.group(1)})"
    return f"§ {number} {heading}".strip() if number else heading

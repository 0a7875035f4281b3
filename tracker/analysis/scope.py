"""What of a captured page is the document: the region a capture holds grows or shrinks.

A page holds more than the document tracked, and a capture's selection changes: the site's
header and navigation above the document's title come and go, and a page that stacks several
documents ("Terms of Service", then "Privacy Policy", "Developer Terms", a "Code of Conduct")
is captured whole, then only its first document (or the other way round). Neither changes what a
user agrees to: the terms themselves are the same. Told from the two versions' clauses alone:

- **the page above the title**: one version starts with the document's title (a heading that
  names a document: "Terms of Service", "Politique de confidentialité", "AGB"), the other has the
  same title further down, after a page header the first does not have (at least two lines of
  menu links, with a login box or a site banner among them): those clauses are outside the
  document. A paragraph put above the title without any menu is read as usual;
- **another document below it**: after the title, a heading at the title's level or above that
  names another document (not numbered like a section, no other heading at that level between
  the two) starts a block of clauses the other version does not have; when that document is of
  another kind (a privacy policy under terms, a code of conduct under terms) or carries its own
  "Last updated" line, the block is another document captured with this one, or no longer
  captured. Supplemental terms of the same kind without a date of their own stay terms;
- **a shop's footnotes at the foot of the page**: the lines that end a capture, each opened by a
  footnote mark ("(1)", "(#)", "*", "°", "¹") and most of them qualifying an offer ("Offer valid
  until ...", "voir conditions", "Soldes du ... au ...", "paiement en 4 fois", "prices shown
  ..."), belong to the site's product pages, not to the document above them.

And when a capture holds another page altogether (``other_page_side``): a landing, marketing or
download page in place of the terms shares almost no line with them and is made of links and
buttons, or of prose about something else (few topic words); a whole new text of terms is not.
And when the two versions are two documents (``other_document``): they share hardly a line and each
names itself as a kind of document the other never does ("this Acceptable Use Policy", then "this
Agreement" of a software licence), a page alternating with a sibling page of the site.
And when both versions state the same date for themselves while most of the old text is gone
(``recaptured_date``): the page captured another way (its "Learn more" blocks left out, another
rendering of it), not terms rewritten without a new date.

Pure functions of the texts and their clause lists; ``materiality.label_document``,
``analyse.analyse`` and ``run.decide`` call them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Sequence

from tracker.analysis.boilerplate import DATE, chrome_kind, is_update_stamp
from tracker.analysis.clauses import Clause
from tracker.text import common_lines

__all__ = ["DOCUMENT_NAME", "body_missing_side", "other_document", "recaptured_date", "stated_dates", "document_kind", "names_document", "outside_document", "emptied_tables", "offer_footnotes",
           "is_offer", "translated_copy", "dropped_copy",
           "other_page_side", "landing_page", "language_switch", "shared_lines", "link_share", "topic_density"]

# Words that name a document (English, French, German), not a section of one.
DOCUMENT_NAME = re.compile(
    r"\b(?:terms|conditions|agreement|polic(?:y|ies)|notice|statement|guidelines|code\s+of\s+conduct|"
    r"charter|disclaimer|addendum|supplement(?:al)?|imprint|impressum|cgu|cgv|cgs|politique|charte|"
    r"mentions\s+l[ée]gales|conditions\s+g[ée]n[ée]rales|contrat|d[ée]claration|agb|\w*bedingungen|"
    r"\w*richtlinien?|datenschutz\w*|\w*erkl[äa]rung|\w*hinweise|\w*vereinbarung)\b", re.I)
# A section's number: "12.", "1)", "IV.", "Article 3", "Section 2", "§ 4", "Annex 1"
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)]|(?:article|section|clause|chapter|part|"
                       r"annex|appendix|schedule|exhibit|artikel|abschnitt|anhang|chapitre|annexe|titre)\s+\w+"
                       r"|§\s*\d+)(?:\s|$)", re.I)
_KINDS = (
    ("privacy", re.compile(r"privacy|data\s+protection|personal\s+(?:data|information)|cookie|tracker|"
                           r"datenschutz|confidentialit|donn[ée]es\s+personnelles|vie\s+priv[ée]e", re.I)),
    ("conduct", re.compile(r"guidelines|code\s+of\s+conduct|community|acceptable\s+use|rules|charte|"
                           r"richtlinie|verhaltens", re.I)),
    ("legal", re.compile(r"legal\s+notice|imprint|impressum|mentions\s+l[ée]gales|disclaimer|copyright|"
                         r"trademark|accessibility|accessibilit", re.I)),
    ("terms", re.compile(r"terms|conditions|agreement|cgu|cgv|cgs|agb|bedingungen|contrat|vereinbarung", re.I)),
)
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[#*_`\\]+")


def _plain(text: str) -> str:
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", text).split())


def names_document(heading: str) -> bool:
    """Whether a heading's text names a document ("Terms of Service", "EEA+ Privacy Notice",
    "Datenschutzerklärung") rather than a section of one ("12. Privacy", "Article 4 - Fees"):
    a short unnumbered title with a document word."""
    text = _plain(heading)
    return 0 < len(text.split()) <= 14 and not _NUMBERED.match(text) and bool(DOCUMENT_NAME.search(text))


def document_kind(heading: str) -> str:
    """"privacy", "conduct", "legal", "terms" or "other": the kind of document a title names."""
    text = _plain(heading)
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), "other")


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", _plain(text).lower()).strip()


def _anchor(mine: Sequence[Clause], theirs: Sequence[Clause]) -> tuple[int, int] | None:
    """(index in ``mine``, index in ``theirs``) of the document's title: the first heading of
    ``theirs`` naming a document that is a heading of ``mine`` too; None without one."""
    headings: dict[str, int] = {}
    for i, c in enumerate(mine):
        if c.kind == "heading":
            headings.setdefault(_key(c.text), i)
    for i, c in enumerate(theirs):
        if c.kind == "heading" and names_document(c.text) and (k := _key(c.text)) in headings:
            return headings[k], i
    return None


_TEXT_LINK = re.compile(r"(?<!!)\[[^\]]*\w[^\]]*\]\(")


def _menu_line(text: str) -> bool:
    """A line of a menu: nothing but links with text (a picture alone is no menu)."""
    return bool(_TEXT_LINK.search(text)) and chrome_kind(text, re.findall(r"[^\W_]+", text.lower())) == "navigation"


def _other_document(clauses: Sequence[Clause], title: Clause, at: int) -> bool:
    """Whether the heading ``clauses[at]`` starts another document than the one titled ``title``."""
    h = clauses[at]
    if h.kind != "heading" or h.level > title.level or not names_document(h.text) or _key(h.text) == _key(title.text):
        return False
    if document_kind(h.text) != document_kind(title.text):
        return True
    return any(is_update_stamp(_plain(c.text)) for c in clauses[at + 1:at + 4])


# A title of a text that amends or completes the document tracked: its addition is a change of it.
_AMENDS = re.compile(r"supplement|addendum|addenda|amendment|residents|additional|compl[ée]ment|avenant|"
                     r"nachtrag|erg[äa]nzung", re.I)
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$")


def _title_like(c: Clause) -> bool:
    """A clause that reads as a document's title: a heading, a bold line or a line without a
    sentence end, naming a document ("COOKIE NOTICE", "Privacy Policy")."""
    text = c.text.strip()
    return names_document(text) and (c.kind == "heading" or bool(_BOLD_LINE.match(text))
                                      or not re.search(r"[.!?;:]$", _plain(text)))


def _edge_document(mine: Sequence[Clause], theirs: Sequence[Clause], one_sided: set[int]) -> set[int]:
    """Indices of a whole other document captured at an edge of ``mine`` only: a run of at least 5
    one-sided clauses that ends the version and starts with a title followed, within 3 clauses,
    by its own date line ("COOKIE NOTICE" / "Effective Date: ..."), or a run that starts the
    version with a title and stops right where ``theirs`` begins (its first clause). The rest of
    ``mine`` must be mostly shared with ``theirs``: the document tracked is still there."""
    n = len(mine)
    start = n
    while start > 0 and start - 1 in one_sided:
        start -= 1
    tail = set(range(start, n))
    for i in range(start, n - 4):  # the appended document's title: the first one in the run
        if _title_like(mine[i]) and not _AMENDS.search(mine[i].text) \
                and any(is_update_stamp(_plain(c.text)) for c in mine[i + 1:i + 4]):
            if sum(j not in one_sided for j in range(i)) >= 0.5 * i and i >= 5:
                return tail - set(range(start, i))
            break
    end = 0
    while end < n and end in one_sided:
        end += 1
    if 5 <= end < n and theirs and _title_like(mine[0]) and _title_like(mine[end]) \
            and _key(mine[end].text) == _key(theirs[0].text) \
            and sum(j not in one_sided for j in range(end, n)) >= 0.5 * (n - end):
        return set(range(end))
    return set()


def outside_document(old: Sequence[Clause], new: Sequence[Clause], removed: set[int], added: set[int]
                     ) -> tuple[set[int], set[int]]:
    """The clauses of each version that lie outside the document tracked: (indices in ``old``,
    indices in ``new``).

    ``old`` and ``new`` are the versions' clauses (``diff._split``: each with its index, kind and
    heading level); ``removed`` holds the indices of the old clauses the new version does not
    have, ``added`` those of the new clauses the old one does not have. Only such one-sided clauses
    are ever returned: the page above the document's title when the other version starts with
    that title, and another document below it (see the module's notes)."""
    out: tuple[set[int], set[int]] = (set(), set())
    for mine, theirs, one_sided, found in ((old, new, removed, out[0]), (new, old, added, out[1])):
        if not one_sided:
            continue
        found.update(_edge_document(mine, theirs, one_sided))
        anchor = _anchor(mine, theirs)
        if anchor is None:
            continue
        at, their_at = anchor
        if their_at == 0 and at > 0 and sum(_menu_line(mine[i].text) for i in range(at) if i in one_sided) >= 2:
            found.update(i for i in range(at) if i in one_sided)  # the page above the title
        title = mine[at]
        for i in range(at + 1, len(mine)):
            c = mine[i]
            if c.kind == "heading" and c.level <= title.level:
                if i in one_sided and _other_document(mine, title, i):
                    j = i
                    while j < len(mine) and j in one_sided:
                        found.add(j)
                        j += 1
                break  # (the first heading at the title's level ends the document either way)
    return out



def emptied_tables(old: Sequence[Clause], new: Sequence[Clause], removed: set[int], added: set[int]
                   ) -> tuple[set[int], set[int]]:
    """Tables the capture lost or regained under a heading both versions keep: (indices in
    ``old``, indices in ``new``).

    A cookie list, a sub-processor list or a fee table drawn by a script comes and goes between
    captures while its heading stays ("What cookies do we use?" then nothing). Told by the empty
    section it leaves: one version has the heading with nothing under it (the next clause is a
    heading at its level or above, an update stamp, or the end), the other has the same heading
    followed by a run of clauses the first lacks, mostly table rows (sub-headings and a line
    introducing each table may come with them). A section of prose lost so is told the same way
    when the version with the empty heading still cites one of the run's numbered sub-sections
    ("see Section 5.1.4 below", ``_still_cited``): an extraction fault, and the clauses that end
    the page, lost with it, go too. A table removed while the text of its section stays, or a
    section removed with its heading or with the references to it, is read as usual. Arguments
    as in ``outside_document``."""
    out: tuple[set[int], set[int]] = (set(), set())
    for mine, theirs, one_sided, found in ((old, new, removed, out[0]), (new, old, added, out[1])):
        if not one_sided:
            continue
        heads: dict[str, int] = {}
        for j, c in enumerate(theirs):
            if c.kind == "heading":
                heads.setdefault(_key(c.text), j)
        for i, c in enumerate(mine):
            if c.kind != "heading" or i in one_sided or i + 1 not in one_sided:
                continue
            at = heads.get(_key(c.text))
            if at is None:
                continue
            after = theirs[at + 1] if at + 1 < len(theirs) else None
            if after is not None and not (after.kind == "heading" and after.level <= c.level
                                          or is_update_stamp(after.text)):
                continue  # the other version still has text under this heading
            end = i + 1
            while end < len(mine) and end in one_sided and not (
                    mine[end].kind == "heading" and mine[end].level <= c.level):
                end += 1
            run = range(i + 1, end)
            tables = sum(mine[k].kind == "table" for k in run)
            prose = sum(mine[k].kind not in ("table", "heading") for k in run)
            if tables and tables >= 2 * prose:
                found.update(run)
            elif _still_cited(mine, run, theirs):
                found.update(run)
                # the same capture also stopped early: the one-sided clauses that end the page
                end = len(mine)
                while end > 0 and end - 1 in one_sided:
                    end -= 1
                found.update(range(end, len(mine)))
    return out


_SECTION_NUMBER = re.compile(r"^\W*(\d+(?:\.\d+)+)\b")  # "5.1.4 EEA Data Transfers" (a sub-section: a dotted number)


def _still_cited(mine: Sequence[Clause], run: range, theirs: Sequence[Clause]) -> bool:
    """Whether the version without the run (``theirs``, whose heading is left empty) still
    points to a numbered sub-section of it ("see Section 5.1.4 below", "as outlined in 5.2.1"):
    its text lost from the capture, not removed from the terms, whose cross-references still
    point into it. A section removed on purpose takes the references to it along."""
    numbers = {m.group(1) for k in run if mine[k].kind == "heading" and (m := _SECTION_NUMBER.match(_plain(mine[k].text)))}
    if not numbers:
        return False
    cite = re.compile(r"(?<![\d.])(?:" + "|".join(re.escape(n) for n in sorted(numbers)) + r")(?![\d]|\.\d)")
    return any(c.kind != "heading" and cite.search(c.text) for c in theirs)

# --- another page in place of the document ------------------------------------------------------
_LINKED = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^)]*\))*\)")
_BLANK = re.compile(r"\s+")
SHARED_AT_MOST = 0.1  # a page sharing at most this share of its lines with the terms is another page
LINKS_PAGE = 0.5  # at least this share of a page's visible text in links: a page of links and buttons
TOPIC_SPARSE = 3.0  # at most this many topic words per 1,000 words: a page about something else
TOPIC_DENSE = 20.0  # at least this many: a document about terms (nearly every real one has 20 or more)
SPARSE_WORDS = 500  # a page must be this long (words) before its topic density tells anything


# _LINKED without its optional "!": the same links, found about 30 times faster in a long text (a
# pattern that starts with a literal is searched for with a fast scan); the "!" it leaves before
# a picture's description is punctuation, which a line's key drops anyway.
_LINK_TEXT = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^)]*\))*\)")
_WORDS = re.compile(r"[^\W_]+")
# In ASCII, _WORDS's words are the runs of letters and digits: every other character, line breaks
# aside, is turned into a space and str.split finds the same words (about 3 times faster).
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e"  # str.splitlines's, in ASCII
_ASCII_SPACES = str.maketrans({chr(c): " " for c in range(128)
                               if not chr(c).isalnum() and chr(c) not in _LINE_BREAKS})
MIN_KEY_CHARS = 7  # the shortest line of 4 words: "a b c d"


@lru_cache(maxsize=4)
def _line_keys(text: str) -> frozenset[str]:
    """The lines of ``text`` as comparison keys: link targets, markup, case and punctuation
    dropped; lines of fewer than 4 words left out (a "Home" or a "Contact" is on every page).
    Cached: ``other_page_side`` asks for both texts of a pair twice, and a worker walking a
    history gets each version as the new text, then as the old one."""
    return frozenset(_plain_line_keys(_LINK_TEXT.sub(r" \1 ", text)))


def _plain_line_keys(text: str) -> set[str]:
    """``_line_keys`` of a text without links (no "](": nothing for ``_LINK_TEXT`` to replace),
    each line's key read from that line alone."""
    words = _WORDS.findall
    keys = set()
    low = text.lower()
    ascii_text = low.isascii()  # (str.translate is fast on ASCII only: else line by line)
    for line in (low.translate(_ASCII_SPACES) if ascii_text else low).splitlines():
        if len(line) >= MIN_KEY_CHARS:
            if ascii_text:
                ws = line.split()
            else:
                ws = line.translate(_ASCII_SPACES).split() if line.isascii() else words(line)
            if len(ws) >= 4:
                keys.add(" ".join(ws))
    return keys


def shared_lines(page: str, other: str) -> float:
    """The share (0..1) of ``page``'s lines (of 4 words or more, compared without markup, link
    targets, case or punctuation) that are lines of ``other``; 0 for a page without such lines."""
    if id(page) <= id(other):
        mine, theirs = _both_line_keys(page, other)
    else:
        theirs, mine = _both_line_keys(other, page)
    return len(mine & theirs) / len(mine) if mine else 0.0


@lru_cache(maxsize=4)
def _both_line_keys(first: str, second: str) -> tuple[frozenset[str], frozenset[str]]:
    """(``_line_keys(first)``, ``_line_keys(second)``). Two versions of a document share most of
    their lines: without links (whose text may span lines), each line's key is read from the line
    alone, so the lines of the two texts' common start and common end (cut at line breaks) are
    read once for both, and only the lines between them twice (the usual pair changes a few
    lines of a long text; both texts whole cost a pass over each)."""
    if "](" in first or "](" in second:
        return _line_keys(first), _line_keys(second)
    start, tail = common_lines(first, second)
    both = _plain_line_keys(first[:start]) | _plain_line_keys(first[len(first) - tail:])
    return (frozenset(both | _plain_line_keys(first[start:len(first) - tail])),
            frozenset(both | _plain_line_keys(second[start:len(second) - tail])))


SURE_PIECE = 4096  # characters of shared lines ``shares_over`` reads at a time


@lru_cache(maxsize=8)  # (pure; asked of one pair by several capture checks, and of the next pair's old side)
def shares_over(page: str, other: str, share: float) -> bool:
    """Whether ``shared_lines(page, other) > share`` is certain from a part of the two texts: True
    only when it is so (False: not known, ask ``shared_lines``). Two versions of a document share
    their lines but a few, and telling that ``page`` shares more than a tenth of its lines
    (``landing_page``, ``language_switch``) took both texts' line keys whole (about 1 ms a pair of
    long texts, every changed page of a run); this reads the lines between the texts' common
    start and common end, then shared lines only until enough are found. Sure because each key of
    the shared lines is a key of both texts, and the page's other keys are among those of its
    lines between: with ``k`` shared keys found and ``m`` keys between, the share is at least
    ``k / (k + m)`` (asked to be twice ``share``, against rounding)."""
    if "](" in page or "](" in other:  # (a link's text may span lines: the keys of the texts without links)
        page, other = _LINK_TEXT.sub(r" \1 ", page), _LINK_TEXT.sub(r" \1 ", other)
    start, tail = common_lines(page, other)
    end = len(page) - tail
    if 4 * (end - start) > len(page):  # mostly lines of its own: no quick answer
        return False
    between = len(_plain_line_keys(page[start:end]))
    found: set[str] = set()
    for lo, hi in ((0, start), (end, len(page))):  # (both cut at line breaks)
        while lo < hi:
            cut = page.find("\n", min(lo + SURE_PIECE, hi - 1)) + 1 or hi
            found |= _plain_line_keys(page[lo:min(cut, hi)])
            lo = cut
            if found and len(found) >= 2 * share * (len(found) + between):
                return True
    return False


def link_share(text: str) -> float:
    """The share (0..1) of ``text``'s visible characters (white space and link targets aside)
    that are the text of links, buttons and pictures' descriptions."""
    visible = inside = 0
    at = 0
    for m in _LINKED.finditer(text):
        visible += len(_BLANK.sub("", text[at:m.start()]))
        shown = len(_BLANK.sub("", m.group(1)))
        visible += shown
        inside += shown
        at = m.end()
    visible += len(_BLANK.sub("", text[at:]))
    return inside / visible if visible else 0.0


def topic_density(text: str) -> tuple[float, int]:
    """(topic words per 1,000 words, words) of ``text``: how many words of the category rules
    (prices, refunds, liability, personal data, termination...) it holds, in any language of
    ``lexicons.TOPIC_LANGUAGES``. A document about terms has 20 or more; a
    shop's or a dating site's home page a few."""
    from tracker.analysis.classify import _compiled, normalize
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    norm = normalize(text)
    hits = sum(len(p.findall(norm)) for lang in TOPIC_LANGUAGES for c, _, p in _compiled(lang)[0] if c != "other")
    n = len(norm.split())
    return (1000 * hits / n if n else 0.0), n


_ITEM_LINE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_LINK_FIRST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*|__)?\s*\[[^\]]*\w[^\]]*\]\(")


def index_page(page: str) -> bool:
    """Whether ``page`` is an index of other pages: a list of at least 5 items, 80% of which start
    with a link (a help centre's menu of policies, each with a one-line description)."""
    items = [line for line in page.splitlines() if _ITEM_LINE.match(line)]
    return len(items) >= 5 and sum(bool(_LINK_FIRST.match(line)) for line in items) >= 0.8 * len(items)


HUB_SHARE = 0.25  # a hub in place of the terms is at most this share of their length
SHORT_SHARE = 0.2  # a short page in place of the terms is at most this share of their length (as not_terms_side)
HUB_DOCUMENTS = 3  # headings that name documents: a hub of policies
_HEAD_LINES = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+)$|^(.+)\n {0,3}(?:=+|-+)[ \t]*$|^\s*(?:[*+-]\s+)?(?:\*\*|__)(.+?)(?:\*\*|__)",
                         re.M)


def hub_page(page: str) -> bool:
    """Whether ``page`` is a hub of documents: ``HUB_DOCUMENTS`` or more of its headings (or bold
    titles) name different documents ("User Privacy Policy", "Business Partners Privacy Policy",
    "Site Visitors Privacy Policy"), each described in a few lines and linked."""
    named = {_key(t) for m in _HEAD_LINES.finditer(page) if (t := _plain(next(g for g in m.groups() if g)).strip(" -–—:"))
             and names_document(t)}
    return len(named) >= HUB_DOCUMENTS


def landing_page(page: str, terms: str) -> bool:
    """Whether ``page`` is another page captured in place of the document ``terms``: it shares
    almost none of its lines with it (``SHARED_AT_MOST``), ``terms`` is a document (legal
    vocabulary, ``fetch.guards.TERMS_LIKE`` patterns, or ``TOPIC_DENSE`` topic words per 1,000),
    and ``page`` is
    - a page of links and buttons (``LINKS_PAGE`` of its visible text or more) or an index of
      pages (``index_page``) with hardly any legal vocabulary (a product or documentation home, a
      help centre's menu of policies, a "download the PDF" link), or
    - a hub of documents (``hub_page``) at most ``HUB_SHARE`` of the terms' length, with less
      legal vocabulary than terms have (a "Privacy Center" that sends each kind of user to its
      own policy), or
    - a long page (``SPARSE_WORDS`` words or more) about something else: at most ``TOPIC_SPARSE``
      topic words per 1,000 words (a marketing home page, however much prose it has), or
    - a short page (``fetch.guards.LITTLE_TEXT`` characters and ``SHORT_SHARE`` of the terms at
      most) with hardly any legal vocabulary and no more than ``TOPIC_SPARSE`` topic words per
      1,000 and no sentences of terms (``fetch.guards.reads_as_terms``): an overview that sends
      readers to the rules. ``boilerplate.not_terms_side`` tells
      such a page against terms dense in legal patterns; guidelines are told by their topic words, or
    - a page shorter than ``SPARSE_WORDS`` words (too short for its topic words to tell) and at most
      ``SHORT_SHARE`` of the terms' length, with no legal pattern at all and no sentence of terms (a
      corporate home page of brands and captions).
    A whole new text of terms shares no lines either, but it is made of legal prose."""
    from tracker.fetch.guards import HOLLOW_LEGAL, LITTLE_TEXT, TERMS_LIKE, reads_as_terms

    if not page.strip() or shares_over(page, terms, SHARED_AT_MOST) or shared_lines(page, terms) > SHARED_AT_MOST:
        return False
    if index_page(page) and not _legal_at_least(page, HOLLOW_LEGAL) and not index_page(terms):
        return True  # a menu of pages in place of prose (guidelines have little legal vocabulary)
    if not _legal_at_least(terms, TERMS_LIKE) and not _topic_density_over(terms, TOPIC_DENSE, True)[0]:
        return False
    if not _legal_at_least(page, HOLLOW_LEGAL) and link_share(page) >= LINKS_PAGE:
        return True
    if len(page) <= HUB_SHARE * len(terms) and hub_page(page) and not _legal_at_least(page, TERMS_LIKE):
        return True  # a privacy centre that sends each kind of user to its own policy
    if len(page) <= min(LITTLE_TEXT, SHORT_SHARE * len(terms)) and not _legal_at_least(page, HOLLOW_LEGAL) \
            and not _topic_density_over(page, TOPIC_SPARSE, False)[0] and not reads_as_terms(page):
        # a few lines about something else in place of guidelines (which have few legal patterns,
        # so ``not_terms_side`` does not take them for terms): an early short policy has topic
        # words, or sentences of terms (as a run asks before it refuses a short page)
        return True
    over, n = _topic_density_over(page, TOPIC_SPARSE, False, SPARSE_WORDS)
    if n < SPARSE_WORDS and len(page) <= SHORT_SHARE * len(terms) and not _legal_at_least(page, 1) \
            and not reads_as_terms(page) and not _SERVICE_ENDED.search(page):
        # a page too short for its topic words to tell, with not one legal pattern nor one sentence
        # of terms, a fifth of the terms' length at most: a corporate home page of brands and
        # captions ("The brands you love", "Contact Us") captured in place of the terms; not a
        # notice that the service itself ended, which is news for its users (service-changes)
        return True
    return n >= SPARSE_WORDS and not over


# A notice that the service itself ended or is ending ("Google Optimize is no longer available as of
# September 30", "the service was sunsetted", "wird eingestellt"), captured where its terms were.
_SERVICE_ENDED = re.compile(
    r"\b(?:no\s+longer\s+(?:be\s+)?(?:available|offered|supported|provided|operat\w*)|sunset(?:s|ted|ting)?\b|"
    r"discontinu(?:e|es|ed|ing)\b|shut(?:s|ting)?\s+down|shutdown|end\s+of\s+life|(?:has|have)\s+been\s+(?:retired|closed)|"
    r"(?:will\s+be|is\s+being)\s+(?:retired|closed|discontinued)|n['’](?:est|sont)\s+plus\s+disponibles?|"
    r"(?:wird|wurde|werden|wurden)\s+eingestellt|nicht\s+mehr\s+verfügbar)", re.I)


# ``landing_page`` reads each side of a pair as the page and as the terms, and a history's text is
# the new side of one pair, then the old side of the next: whole-text answers kept for a few texts.
# Each is asked only against a bound, so it reads only until the bound is passed: a page of terms
# passes every bound in its first patterns or rules, while counting them all over a long policy
# cost ~50 ms (legal vocabulary) and ~40 ms (topic words) a side, paid mostly by pairs of
# rewritten documents, which share too few lines for the first check to answer.
@lru_cache(maxsize=8)
def _legal_at_least(text: str, least: int) -> bool:
    """``fetch.guards.legal_vocabulary(text) >= least``, reading patterns until it is."""
    from tracker.vocabulary import legal_vocabulary_at_least

    return legal_vocabulary_at_least(text, least)


@lru_cache(maxsize=8)
def _topic_density_over(text: str, level: float, inclusive: bool, least_words: int = 0) -> tuple[bool, int]:
    """(whether ``topic_density(text)[0]`` is above ``level``, or at it too when ``inclusive``,
    and ``topic_density(text)[1]``, the words), counting topic words only until the density is
    known to pass ``level``; a text of fewer than ``least_words`` words is not counted (False)."""
    from tracker.analysis.classify import _compiled, normalize
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    norm = normalize(text)
    n = len(norm.split())
    if n < least_words:
        return False, n

    def passes(hits: int) -> bool:
        density = 1000 * hits / n if n else 0.0  # (as topic_density computes it)
        return density > level or inclusive and density >= level

    if passes(0):
        return True, n
    hits = 0
    for lang in TOPIC_LANGUAGES:
        for c, _, p in _compiled(lang)[0]:
            if c == "other":
                continue
            for _m in p.finditer(norm):
                hits += 1
                if passes(hits):
                    return True, n
    return False, n


def other_page_side(old: str, new: str, *, long_enough: int = 2000) -> str | None:
    """Which side of a pair is another page captured in place of the document: ``"new"``,
    ``"old"`` or None. A short page with hardly any legal vocabulary against terms
    (``boilerplate.not_terms_side``), or, against a document of at least ``long_enough``
    characters, a landing, marketing or download page of any length (``landing_page``). Neither
    it nor the recovery from it is a change of terms."""
    from tracker.analysis.boilerplate import not_terms_side

    side = not_terms_side(old, new, long_enough=long_enough)
    if side:
        return side
    for page, other, side in ((new, old, "new"), (old, new, "old")):
        if len(other) >= long_enough and landing_page(page, other):
            return side
    return None


# --- another document captured in place of the one tracked --------------------------------------
# How a document names itself: "this Acceptable Use Policy", "these Terms of Service", "this software
# license agreement" (a name of up to three words before a document word)
_SELF_NAME = re.compile(r"\b(?:this|these|our)\s+((?:[\w-]+\s+){0,3}?(?:polic(?:y|ies)|agreement|terms|notice|"
                        r"statement|guidelines|conditions|licen[cs]e))\b", re.I)
SELF_NAMED_LEAST = 2  # times a text names itself as a document of one kind before that kind is its own


def _self_names(text: str) -> Counter[str]:
    """How often ``text`` names itself as each kind of document (``document_kind``: "privacy",
    "conduct", "legal", "terms"), a name without a kind ("this Policy") aside."""
    return Counter(kind for m in _SELF_NAME.finditer(text) if (kind := document_kind(m.group(1))) != "other")


def _self_name(text: str, kind: str) -> str:
    """The name ``text`` most often gives itself among those of ``kind``, without markup: of
    those of two words or more when it has one ("Software License Agreement", not "Agreement")."""
    names = Counter(_plain(m.group(1)) for m in _SELF_NAME.finditer(text) if document_kind(m.group(1)) == kind)
    full = Counter({n: k for n, k in names.items() if len(n.split()) > 1}) or names
    return full.most_common(1)[0][0]


def other_document(old: str, new: str, *, long_enough: int = 2000) -> tuple[str, str] | None:
    """(the name the old text gives itself, the new text's) when the two sides of a pair are two
    different documents, else None: each is at least ``long_enough`` characters, they share at
    most ``SHARED_AT_MOST`` of their lines either way, and each names itself
    (``SELF_NAMED_LEAST`` times or more) as a kind of document (``document_kind``: "this
    Acceptable Use Policy", a conduct policy; "this Software License Agreement", terms) the other
    never names itself as. A page that alternates with a sibling page of the site (the acceptable
    use policy one day, the software licence the next) is such a pair: neither document was
    rewritten. Terms rewritten from scratch share no lines either, but they are still the same
    kind of document (a privacy policy stays one)."""
    if len(old) < long_enough or len(new) < long_enough:
        return None
    if shares_over(new, old, SHARED_AT_MOST) or shares_over(old, new, SHARED_AT_MOST):
        return None  # (the common pair stops here: two versions of one document)
    mine, theirs = _self_names(old), _self_names(new)
    if not mine or not theirs:
        return None
    was, now = mine.most_common(1)[0], theirs.most_common(1)[0]
    if was[1] < SELF_NAMED_LEAST or now[1] < SELF_NAMED_LEAST or was[0] in theirs or now[0] in mine:
        return None
    if shared_lines(new, old) > SHARED_AT_MOST or shared_lines(old, new) > SHARED_AT_MOST:
        return None
    return _self_name(old, was[0]), _self_name(new, now[0])


# --- the terms' text lost, the page around it kept ---------------------------------------------------
BODY_KEPT_AT_MOST = 0.25  # a new capture of at most this share of the old one's characters ...
BODY_LINES_SHARED = 0.9  # ... whose lines are (at least this share) lines of the old one


def body_missing_side(old: str, new: str, *, long_enough: int = 2000) -> str | None:
    """``"new"`` when the new capture lost the document's text and kept only (a part of) what it
    captured before: at most ``BODY_KEPT_AT_MOST`` of the old text's characters, nearly all its
    lines (``BODY_LINES_SHARED``) lines of the old text, which is terms (at least ``long_enough``
    characters and ``fetch.guards.TERMS_LIKE`` legal patterns). The page around the terms (a
    form, a banner, the first sections before the capture stopped) without the terms is a failed
    capture, not terms cut by four fifths. Only the new side: the terms back after such a capture
    may well be a newer text than the one before it, read as usual; and ``run.decide`` does not ask
    this (a run holds a sudden shrink instead of refusing it)."""
    from tracker.fetch.guards import TERMS_LIKE

    if not new.strip() or len(old) < long_enough or len(new) > BODY_KEPT_AT_MOST * len(old):
        return None
    if shared_lines(new, old) < BODY_LINES_SHARED or not _legal_at_least(old, TERMS_LIKE):
        return None
    return "new"


# --- the same dated document captured differently ------------------------------------------------
RECAPTURE_KEPT_BELOW = 0.4  # share of the old clauses kept unchanged below which a same-dated text is another capture
RECAPTURE_CLAUSES = 20  # old clauses in the span measured at least: a short page's date tells little of its text
_STAMP_MARKUP = re.compile(r"[*_#`\\]+")


def _stamp_dates(clauses: Sequence[Clause]) -> list[str]:
    """The dates of ``clauses``' update stamps, as written, in order."""
    found: list[str] = []
    for c in clauses:
        text = _STAMP_MARKUP.sub("", c.text)
        if is_update_stamp(text):
            found.extend(m.group(0) for m in DATE.finditer(text))
    return found


def stated_dates(clauses: Sequence[Clause]) -> frozenset[str]:
    """The dates a version states for itself: those of its update stamps ("Last updated: June
    30, 2020", "Effective 1 July 2031", ``boilerplate.is_update_stamp``), lowercased with their
    spaces collapsed; empty when it states none."""
    return _same_form(_stamp_dates(clauses))


def _same_form(dates: Sequence[str]) -> frozenset[str]:
    """``dates`` lowercased with their spaces collapsed, as a set: one date however it is spaced."""
    return frozenset(" ".join(d.lower().split()) for d in dates)


def recaptured_date(old: str, new: str, changes: Sequence[Any], old_clauses: int) -> str | None:
    """The stated date of a document captured differently, or None: both versions state the same
    dates for themselves (``stated_dates``: the same "Effective June 30, 2020" line, and no other),
    yet fewer than ``RECAPTURE_KEPT_BELOW`` of the old clauses from the first to the last one the
    new version keeps unchanged (at least ``RECAPTURE_CLAUSES`` of them) are kept. Terms rewritten
    that much come with a new date; the same date over a text that differs so much is the page
    captured another way: its expandable "Learn more" blocks left out, another rendering of it,
    another page of the same site published the same day. Only the span between kept clauses is
    measured: a section removed at the end along with a cookie banner or a footer, or a page
    header dropped, leaves that span whole and is read as usual.

    ``changes`` are the clause diff's changes (``diff.DocumentDiff.changes``: an ``old_index`` each,
    None for an added clause) and ``old_clauses`` the old version's clause count. On the labelled
    pairs, no truly material one has the same stated dates and fewer than 47% of its old clauses
    kept, while a capture of the same dated text that lost or swapped most of it does (``analyse``
    says such a pair is not a change of terms; its clause changes are still listed). Returns the
    first date the old version states, as written."""
    touched = {c.old_index for c in changes if c.old_index is not None}
    if old_clauses - len(touched) >= RECAPTURE_KEPT_BELOW * old_clauses:
        return None  # (the common pair stops here: its stamps are never read)
    kept = [i for i in range(old_clauses) if i not in touched]
    if not kept or kept[-1] - kept[0] + 1 < RECAPTURE_CLAUSES \
            or len(kept) >= RECAPTURE_KEPT_BELOW * (kept[-1] - kept[0] + 1):
        return None
    from tracker.analysis.diff import _split  # (cached: the diff has split both texts already)

    dates = _stamp_dates(_split(old))
    if not dates or stated_dates(_split(new)) != _same_form(dates):
        return None
    return dates[0]


# --- a copy of the document in another language, dropped or added ------------------------------------
_COPY_WORDS = 60  # words of one-sided clauses in another language: a copy of the text, not a line quoted
_CLAUSE_LANGUAGE_WORDS = 4  # function words a clause needs before it is told to be in another language
_CLAUSE_OWN_SHARE = 0.2  # at most this share of them in the document's language


_LINK_TARGET_OR_URL = re.compile(r"\]\([^)]*\)|https?://\S+")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


# Kept by clause: ``translated_copy`` reads every clause of the other version, for each side that
# has one-sided clauses, and the two versions share nearly all their clauses (a history's text is
# also the old side of the next pair).
@lru_cache(maxsize=8192)
def _in_other_language(text: str, lang: str, least: int = _CLAUSE_LANGUAGE_WORDS) -> bool:
    """Whether one clause is written in another language than ``lang``: of the fetch guards'
    function words of seven languages it holds at least ``_CLAUSE_LANGUAGE_WORDS``, and at most
    ``_CLAUSE_OWN_SHARE`` of them are ``lang``'s (which other language does not matter, and
    French "de", "un" are Spanish words too)."""
    from tracker.fetch.guards import _LANGUAGES_OF

    total = own = 0
    for word in _LETTER_RUNS.findall(_LINK_TARGET_OR_URL.sub(" ", text).lower()):
        languages = _LANGUAGES_OF.get(word, ())
        total += bool(languages)
        own += lang in languages
    return total >= least and own <= _CLAUSE_OWN_SHARE * total


def translated_copy(old: Sequence[Clause], new: Sequence[Clause], removed: set[int], added: set[int]
                    ) -> tuple[set[int], set[int]]:
    """The one-sided clauses of a copy of the document in another language that a bilingual page
    dropped (or gained): (indices in ``old``, indices in ``new``), arguments as in
    ``outside_document``. A page that held its policy in English and in French keeps only the
    English text: the French clauses are removed, but the terms, said in English in both versions,
    did not change. Told when the other version is plainly in one language (and holds no copy
    in another), the rest of this one too, and the one-sided clauses in another language hold at least ``_COPY_WORDS`` words (one
    sentence in another language, a name or a quote, is read as usual)."""
    from tracker.fetch.guards import main_language

    out: tuple[set[int], set[int]] = (set(), set())
    for mine, theirs, one_sided, found in ((old, new, removed, out[0]), (new, old, added, out[1])):
        if not one_sided:
            continue
        lang = main_language("\n".join(c.text for c in theirs))
        if lang is None or sum(len(c.text.split()) for c in theirs if _in_other_language(c.text, lang)) >= _COPY_WORDS:
            continue  # (the other version is bilingual too: a clause of one copy removed is read as usual)
        picked = {i for i in one_sided if _in_other_language(mine[i].text, lang)}
        if sum(len(mine[i].text.split()) for i in picked) < _COPY_WORDS:
            continue
        if main_language("\n".join(c.text for i, c in enumerate(mine) if i not in picked)) != lang:
            continue  # this version is not bilingual: the page switched language (``language_switch``)
        # the copy's short sentences too ("Wir speichern Ihre Daten nur so lange, wie ..."), once it is told
        found.update(i for i in one_sided if i in picked or _in_other_language(mine[i].text, lang, 2))
    return out


# --- a second copy of the document dropped ------------------------------------------------------------
_COPY_CLAUSES = 10  # substantive one-sided clauses of a copy at least: a few repeated sentences are no copy
_COPY_SUBSTANTIVE = 8  # words of a clause that counts (titles, dates and buttons repeat in any page)
_COPY_ECHO = 0.5  # share of them the page says again, word for word, outside the block
_COPY_CONTIGUOUS = 0.8  # share of the block's span that is one-sided: one block, not scattered edits
_NUMBER_LEAD = re.compile(r"^\d+(?:\s\d+)*\s")


def _copy_key(c: Clause) -> str:
    """A clause's words, lowercased, without its section number ("6.2 Fee increases ..." and "**6.2**
    Fee increases ..." alike)."""
    return _NUMBER_LEAD.sub("", _key(c.text))


def dropped_copy(old: Sequence[Clause], removed: set[int]) -> set[int]:
    """The removed clauses of a second copy of the document that the old page held and the new one
    no longer does: indices in ``old`` (the old version's clauses), of ``removed`` (those of its
    clauses the new version lost). A page that showed the superseded terms above (or below) the
    terms now in force, or the upcoming terms beside the current ones, keeps one copy once the date
    has passed. The copy kept was shown
    already, so its terms are not new, and the other copy is no longer in force: nothing a user
    agrees to changed. Told when the removed clauses form one block (``_COPY_CONTIGUOUS`` of its
    span) of at least ``_COPY_CLAUSES`` substantive clauses, ``_COPY_ECHO`` or more of which the old
    page says again word for word outside the block (two copies of the same terms differ in a few
    clauses; a removed section repeats hardly any sentence of the rest). A copy added is left to the
    usual reading: new terms announced beside the current ones are news."""
    one_sided = [i for i in sorted(removed) if len(old[i].text.split()) >= _COPY_SUBSTANTIVE]
    if len(one_sided) < _COPY_CLAUSES:
        return set()
    lo, hi = one_sided[0], one_sided[-1]
    if sum(1 for i in range(lo, hi + 1) if i in removed) < _COPY_CONTIGUOUS * (hi - lo + 1):
        return set()
    kept = {_copy_key(c) for i, c in enumerate(old) if i not in removed and len(c.text.split()) >= _COPY_SUBSTANTIVE}
    if sum(1 for i in one_sided if _copy_key(old[i]) in kept) < _COPY_ECHO * len(one_sided):
        return set()
    while lo - 1 in removed:  # (its title and date line too)
        lo -= 1
    while hi + 1 in removed:
        hi += 1
    return {i for i in range(lo, hi + 1) if i in removed}


# --- the same document in another language ----------------------------------------------------------
_MIN_FUNCTION_WORDS = 40  # of the dominant language: a few lines of a cookie banner decide nothing
_SHORT_MIN_FUNCTION_WORDS = 12  # the least for a short text: one in 8 of its words, at least this many
_DOMINANCE = 3.0  # the dominant language's function words against the next one's
_OTHER_LANGUAGES = ("es", "it", "nl", "pt")  # told by ``fetch.guards`` words when not en/fr/de
# ... against the next of seven languages: Spanish and Portuguese share "de", "que", "para", "por"
# (plain Spanish terms count about 2.7 times the Portuguese words), so a lower bar than 3
_WIDE_DOMINANCE = 2.0


@lru_cache(maxsize=4)  # a history's text is the new side of one pair, then the old side of the next
def _clear_language(text: str) -> str | None:
    """"en", "fr" or "de" when ``text`` is plainly written in it (its frequent function words
    outnumber the next language's by ``_DOMINANCE`` and count at least ``_MIN_FUNCTION_WORDS``, or
    one in 8 of a shorter text's words but never under ``_SHORT_MIN_FUNCTION_WORDS``), else None (a
    bilingual text, or one too short to tell)."""
    from tracker.analysis.boilerplate import function_word_counts

    words = re.findall(r"[^\W\d_]+", text[:40000].lower())
    counts = sorted(function_word_counts(words).items(), key=lambda kv: -kv[1])
    (lang, top), (_, second) = counts[0], counts[1]
    # a short document (a one-screen privacy notice of 100 words) has fewer function words in all
    # than a long one's minimum: its own share of them decides, never under _SHORT_MIN_FUNCTION_WORDS
    least = min(_MIN_FUNCTION_WORDS, max(_SHORT_MIN_FUNCTION_WORDS, len(words) // 8))
    if top >= least and top >= _DOMINANCE * max(second, 1):
        return lang
    # Spanish, Italian, Dutch or Portuguese terms (told by the fetch guards' function words of
    # seven languages, each against all the others): a page served in English in their place is
    # a translation too, not every clause removed and added.
    from tracker.fetch.guards import _FUNCTION_WORDS

    tally = Counter(words)
    wide = sorted(((name, sum(tally[w] for w in vocabulary)) for name, vocabulary in _FUNCTION_WORDS.items()),
                  key=lambda kv: -kv[1])
    (lang, top), (_, second) = wide[0], wide[1]
    if lang in _OTHER_LANGUAGES and top >= least and top >= _WIDE_DOMINANCE * max(second, 1):
        return lang
    return None


def language_switch(old: str, new: str) -> tuple[str, str] | None:
    """(old language, new language) when the two versions are the same page in two languages: each
    plainly written in one ("en", "fr", "de"), not the same one, and at most 10% of the new text's
    lines found in the old. A page served in another locale (the English privacy policy captured
    in French one day) is a translation, not new terms: what changed cannot be read across
    languages, and a feed must not call every clause removed and added. None otherwise."""
    # The shared lines first: ``other_page_side`` has computed both texts' line keys already
    # (cached), so for the common pair, one page changed in a clause, this answers at once, where
    # telling both texts' languages reads 40,000 characters of each (about 5 ms a pair).
    if shares_over(new, old, 0.1) or shared_lines(new, old) > 0.1:
        return None
    lo = _clear_language(old)
    if lo is None:
        return None
    ln = _clear_language(new)
    if ln is None or ln == lo:
        return None
    return lo, ln


# --- a shop's footnotes at the foot of the page ------------------------------------------------------
_FOOTNOTE = re.compile(r"^\s*(?:\\?\*{1,3}(?![\s*])|\(\s*(?:\d{1,2}|[a-z]|[#*†‡°§@])\s*\)|\[\d{1,2}\](?!\()|"
                       r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡°@#](?!#))\s*\S")
# What a footnote of a product page qualifies: an offer, a price shown, a delivery, a financing plan.
_OFFER = re.compile(
    r"\b(?:offers?|promotions?|promo|discounts?|sale|deals?|valid\s+(?:until|from|through|on|for|while)|"
    r"while\s+(?:supplies|stocks?)\s+last|limited\s+time|prices?\s+(?:shown|displayed|quoted)|"
    r"(?:see|view)\s+(?:full\s+)?(?:terms|conditions|details)|(?:terms|conditions)\s+apply|"
    r"free\s+(?:shipping|delivery|trial)|savings?|rebates?|financing|instal?lments?|"
    r"offres?|soldes|r[ée]ductions?|remises?|valable|dans\s+la\s+limite\s+des\s+stocks|"
    r"voir\s+(?:les\s+)?(?:conditions|modalit[ée]s|mentions)|paiement\s+en\s+\d+\s*(?:fois|x)|"
    r"prix\s+(?:affich[ée]s?|constat[ée]s?)|produits\s+signal[ée]s|sous\s+r[ée]serve\s+d['’]acceptation|"
    r"angebote?|g[üu]ltig\s+(?:bis|ab)|solange\s+der\s+vorrat\s+reicht|rabatt|aktion|ratenzahlung|"
    r"siehe\s+(?:bedingungen|details))\b", re.I)
_TRAILER = re.compile(r"^\s*(?:[-*_]{3,}|!?\[[^\]]*\]\([^)]*\)(?:\s*[|·•]?\s*!?\[[^\]]*\]\([^)]*\))*|©.*|"
                      r"\(c\)\s*\d{4}.*)\s*$", re.I)


def is_offer(text: str) -> bool:
    """Whether a line qualifies an offer of a shop's page ("Offer valid until ...", "free delivery
    from $25", "voir conditions", "paiement en 4 fois", "solange der Vorrat reicht")."""
    return bool(_OFFER.search(text))


def offer_footnotes(text: str) -> str:
    """The footnotes that end ``text`` when they are a shop's (see the module's notes): the lines
    from the first of them to the end, joined by spaces with Markdown line breaks dropped; "" when
    the text does not end with at least two footnote lines, more than half of them about an offer."""
    lines = text.rstrip().splitlines()
    end = len(lines)
    while end and (not lines[end - 1].strip() or _TRAILER.match(lines[end - 1])):
        end -= 1  # a rule, a line of links or a copyright line after them
    start = end
    while start and _FOOTNOTE.match(lines[start - 1]):
        start -= 1
    notes = lines[start:end]
    if len(notes) < 2 or 2 * sum(is_offer(line) for line in notes) <= len(notes):
        return ""
    return " ".join(" ".join(notes).replace("\\", "").split())

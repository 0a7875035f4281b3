"""What of a captured page is the document: the region a capture holds grows or shrinks.

A page holds more than the document tracked, and a capture's selection changes: the site's
header and navigation above the document's title come and go, and a page that stacks several
documents ("Terms of Service", then "Privacy Policy", "Developer Terms", a "Code of Conduct")
is captured whole, then only its first document (or the other way round). Neither changes what a
user agrees to: the terms themselves are the same. Told from the two versions' clauses alone:

- **the page above the title**: one version starts with the document's title (a heading that
  names a document: "Terms of Service", "Politique de confidentialité", "AGB"), the other has the
  same title further down, after clauses the first does not have (a menu, a login box, a site
  banner): those clauses are outside the document;
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

Pure functions of the clause lists; ``materiality.label_document`` calls them.
"""

from __future__ import annotations

import re
from typing import Sequence

from tracker.analysis.boilerplate import is_update_stamp
from tracker.analysis.clauses import Clause

__all__ = ["DOCUMENT_NAME", "document_kind", "names_document", "outside_document", "offer_footnotes", "is_offer"]

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


def _other_document(clauses: Sequence[Clause], title: Clause, at: int) -> bool:
    """Whether the heading ``clauses[at]`` starts another document than the one titled ``title``."""
    h = clauses[at]
    if h.kind != "heading" or h.level > title.level or not names_document(h.text) or _key(h.text) == _key(title.text):
        return False
    if document_kind(h.text) != document_kind(title.text):
        return True
    return any(is_update_stamp(_plain(c.text)) for c in clauses[at + 1:at + 4])


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
        anchor = _anchor(mine, theirs)
        if anchor is None:
            continue
        at, their_at = anchor
        if their_at == 0 and at > 0:
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

"""Is one clause change material? Label it and say why in one plain sentence.

Follows the taxonomy rubric: cosmetic edits (dates, links, Markdown, whitespace, invisible
characters, punctuation/case, renumbering, moves) are named and never material; changed facts,
new or removed legal clauses and watch-out changes are material; a new watch-out is critical and
a removed one is reported as good news.
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

from tracker.analysis.boilerplate import (_CORP, title_line, _ROUTE as _ROUTE_WORDS, DATE, MODALS, UI_WORDS, address_spans, chrome_kind, corporate_words, has_verb,
                                          language_of,
                                          mask_stamps,
                                          is_address_run, is_announcement, is_announcement_heading, is_outage_notice,
                                          is_attribution, is_carrier_notice, contact_line_kind, is_contact_block, is_contact_route, is_device_note, is_content_word, is_law_background,
                                          is_mission_statement,
                                          is_register_entry, is_user_count, is_advice, is_language_row, is_pointer,
                                          pointer_core,
                                          is_report,
                                          is_request_stamp, is_update_stamp)
from tracker.analysis.classify import (CATEGORIES, MONEY_TOPICS, category_scores, classify_sentence, money_measured,
                                       split_sentences, topic_profile, topical_watch)
from tracker.analysis.clauses import _is_abbreviation as is_abbreviation, inline_list, inline_marks
from tracker.analysis.facts import Fact, extract_facts, law_places, nation, reworded_words, rhythm_change, same_wording
from tracker.analysis.facts_eu import is_foreign
from tracker.analysis.restating import (QUALIFYING, STRONG, change_restated, meaning_moved, said_around, same_content,
                                        spelled_out, address_only)
from tracker.analysis.lexicons import QUALIFIER_OPEN
from tracker.analysis.notice import NO_NOTICE as _NO_NOTICE, USERS_NOTICE as _USERS_NOTICE, notice_days as _notice_days
from tracker.analysis.rendering import LEADS_ON, clause_text, one_line, plain_text, table_cells
from tracker.analysis.scope import _LINK_TARGET_OR_URL, DOCUMENT_NAME
from tracker.analysis.subject import resolved_start
from tracker.analysis.novelty import (_NEGATING, LINK_CLOSE, LINK_OPEN, PLACEHOLDERS, Delta, DocIndex, Glue, Token,
                                      unaccented, canonical_word, delta, glued_words, respelled, unglued, words)
from tracker.records import Severity

SEVERITIES = ("cosmetic", "minor", "material", "critical")
COSMETIC_KINDS = ("date-only", "links-only", "contact-details", "formatting", "whitespace",
                  "invisible-characters", "punctuation-case", "renumbering", "moved-unchanged",
                  "regrouped", "spelling", "renamed", "announcement", "page-chrome", "capture-scope")
_SIGNIFICANT = ("money", "percent", "duration", "age", "place")


@dataclass(frozen=True)
class ChangeLabel:
    """What one clause change means for users."""

    material: bool
    severity: Severity
    categories: tuple[str, ...]
    explanation: str
    cosmetic: str | None = None
    watch_added: tuple[str, ...] = ()
    watch_removed: tuple[str, ...] = ()
    facts_before: tuple[Fact, ...] = field(default=())
    facts_after: tuple[Fact, ...] = field(default=())
    # How much the change weighs among the version's changes (not part of to_dict): the
    # evidence score of each category, and how many content words changed.
    weights: tuple[float, ...] = field(default=(), compare=False)
    size: int = field(default=0, compare=False)
    # Categories the changed words also touch, below the change's own (each with its share of
    # the best one's evidence): a small vote for the version's categories, never shown.
    side: tuple[tuple[str, float], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict:
        return {"material": self.material, "severity": self.severity,
                "categories": list(self.categories), "explanation": self.explanation,
                "cosmetic": self.cosmetic, "watch_added": list(self.watch_added),
                "watch_removed": list(self.watch_removed),
                "facts_before": [f.to_dict() for f in self.facts_before],
                "facts_after": [f.to_dict() for f in self.facts_after]}


# --- cosmetic kinds ------------------------------------------------------------------------------
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_NBSP = re.compile("[\u00a0\u202f\u2007]")
_MD_LINK = re.compile(r"(!?\[[^\]]*\])\([^)]*\)")
# any scheme: an app's own address ("chrome://credits", "zorblio://settings") is a link target too
_URL = re.compile(r"<?(?:(?<![\w.+\-])[a-z][a-z0-9+.\-]{1,15}://|mailto:|www\.)[^\s)>]+>?", re.I)
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`|^\s*#{1,6}\s*|^\s*>\s?|"
                     r"^\s*[-*+]\s+|\||^\s*:?-{3,}:?\s*$", re.M)
# A well-formed Roman numeral (i to cccxcix), so that words of those letters ("civil", "mix") are not
# taken for one; the lookahead keeps it from matching nothing.
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
# A clause's own number: Arabic, Roman or a letter, bare ("4.", "IV.", "(iv)", "b.") or after a
# word naming the part ("Article IV.", "Section ii", "Part B -"), which may be all the line holds
# (a heading "Section ii").
# A number with a letter before it ("A.1", "S-2.1", "B2.3"): a dot or a dash after the letters, or a
# dot inside the number, so that a version or model name ("V2", "G5") is no section number.
_LETTERED = r"[a-z]{1,2}(?:[-.]\d+(?:\.\d+)*|\d+(?:\.\d+)+)\.?"
_NUMBERING = re.compile(
    rf"^\s*(?:(?:section|article|art\.|clause|part|chapter|artikel|abschnitt|teil|chapitre|titre|§)\s*"
    rf"(?:\d+(?:\.\d+)*|\(?[a-z]\)|\(?{_ROMAN}\)|{_ROMAN}|[a-z])\.?(?:\s*[-–—:]\s+|\s+|\s*$)|"
    # a bare number without its dot numbers only a capitalised title ("2 Termination"): before a
    # lowercase word or a unit it is a quantity ("500 writing credits", "10 GB storage")
    rf"(?:\d+(?:\.\d+)*\.|\d+(?:\.\d+)*(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]))|{_LETTERED}|\(?[a-z]\)|\(?{_ROMAN}\)|[a-z]\.|"
    rf"{_ROMAN}\.)\s+)", re.I | re.M)
_DATE = DATE  # English, French and German dates
_PUNCT = re.compile(r"[^\w\s]|_")
_ESCAPE = re.compile(r"\\(?=[^\w\s])")  # Markdown escapes: "\_", "\*", "\."
# Contact details are not terms (taxonomy: "not material ... contact details"); e-mail addresses
# only: phone numbers and postal addresses cannot be told from other numbers and places reliably.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Cloudflare's e-mail protection shows "[email protected]" where the address was: the address
# coming back (or going) is the same contact detail, not a new one.
_CF_EMAIL = re.compile(r"[\w.+-]*\\?\[email(?:&#160;|\s)protected\\?\][\w.+-]*")
# ... and what is left of an address around it ("pri[\[email protected\]](…/email-protection)": the
# start of the address the page's script did not hide), with the link it sits in: one contact detail;
# so is the rest of the address a capture glued after the link ("…/email-protection)dedesk.com").
_AT_EMAIL = re.compile(r"[\w.+-]*\[?<e-mail>\]?(?:\([^)\s]*\)(?:[\w-]+(?:\.[\w-]+)+)?)?")
# An address written out against harvesting ("privacy (at) zorblo (dot) example", "dpo [at] zorblo.example",
# "**privacy** ((at)) **zorblo** ((dot)) **com**"): the same contact detail as the address itself. The
# "at" must be bracketed: "contact us at zorblo.example" is a web address after a plain word.
_AT = r"(?:\(\(at\)\)|\(at\)|\[at\]|\{at\}|<at>)"
_DOT = r"(?:\(\(dot\)\)|\(dot\)|\[dot\]|\{dot\}|<dot>|\.)"
_AT_HINT = re.compile(r"[(\[{<]at[)\]}>]", re.I)
_SPELLED_EMAIL = re.compile(rf"\**[\w.+-]+\**\s*{_AT}\s*\**[\w-]+\**(?:\s*{_DOT}\s*\**[\w-]+\**)+", re.I)
# A link's note to screen readers ("(opens in new window)", "(external link)"), added, dropped or
# doubled by the page's script: link chrome, as the link's address is.
_LINK_HINT = re.compile(r"\s*\((?:(?:opens|open|opening)\s+(?:in\s+)?(?:a\s+)?new\s+(?:browser\s+)?(?:window|tab)|"
                        r"external\s+link|link\s+is\s+external|opens?\s+(?:an\s+)?external\s+(?:site|link|website))\)", re.I)
# A stray "Test" left after a sentence's end at the end of a clause (an editor's test of the page),
# removed or added: no words of the terms.
_STRAY_TEST = re.compile(r"(?<=[.!?)”\"'])\s*(?:Test|TEST|test)\s*$")
# A reference-style link left unresolved by the page ("\[our terms\]\[terms-link\]", escaped or
# not) reads as the same words as the link it becomes ("[our terms](https://...)").
_REF_LINK = re.compile(r"\\?\[((?:[^\[\]\\\n]|\\[^\[\]])*)\\?\]\\?\[[^\[\]\s\\]{0,60}\\?\]")


_BLANKS = re.compile(r"\s+")
_PLAIN_MARKUP = re.compile(r"\*\*|__|`|^\s*#{1,6}\s*|^\s*>\s?", re.M)
# A whole clause set in italics with underscores ("_Last modified: 12th May 2026_"): "_" is a
# word character to a regular expression, so "\blast modified" and the like miss "_Last".
_UNDERSCORED = re.compile(r"^\s*_(?=[^_\s])([^\n]*[^_\s])_\s*$")


def _space(s: str) -> str:
    return _BLANKS.sub(" ", s).strip()


# An item number inside a line, after a sentence ends ("... etc. 2. Billing data: ..."): a numbered
# list run into one paragraph, whose items a later capture sets on lines of their own.
_INLINE_ITEM = re.compile(r"(?:^|(?<=[.;:]\s))(\d{1,2})[.)]\s+(?=[A-ZÀ-Ý])")


def _inline_numbering(s: str) -> str:
    """``s`` without the item numbers of a numbered list run into its lines ("1. Identification
    data: … etc. 2. Billing data: …"), only when they count 1, 2, 3… in order: a lone number after a
    full stop ("Refunds within: 14. The …") is a value, kept. Also without the enumerators of a
    list inside a sentence ("if (i) … or (ii) … or (iii) …"), when it has two or more of one kind
    (``_enumerators_dropped``)."""
    s = _enumerators_dropped(s)
    found = list(_INLINE_ITEM.finditer(s))
    if len(found) < 2 or [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return s
    return _INLINE_ITEM.sub("", s)


# An enumerator of a list run inside a sentence: "(iv)", "(b)", "(3)", standing alone between
# spaces (not "6(1)(f)" of a cited article, whose parts follow a word or another bracket).
_ENUMERATOR_IN = re.compile(rf"(?:(?<=\s)|^)\((?:(?P<roman>{_ROMAN})|(?P<letter>[a-z])|(?P<digit>\d{{1,2}}))\)(?=\s)")


def _enumerators_dropped(s: str) -> str:
    """``s`` without the enumerators of a list inside its sentences, when it holds two or more of
    one kind (Roman numerals, letters or digits in brackets): "(iii)" corrected to "(iv)" in "if
    (i) …, (ii) … or (iii) …" renumbers a list, it changes none of its items. A lone "(a)" is kept
    (a reference, "as set out in (a) above"). Raises nothing."""
    if "(" not in s:
        return s
    found = list(_ENUMERATOR_IN.finditer(s))
    if len(found) < 2:
        return s
    kinds = {m.lastgroup for m in found}
    if len(kinds) != 1 and not (kinds == {"roman", "letter"} and all(len(m.group(0)) == 3 for m in found)):
        return s  # (mixed kinds: a list's "(i)" read as a Roman numeral beside "(b)" is a letter)
    return _ENUMERATOR_IN.sub("", s)


# a number written in words (``_STEPS``' "spelling" step reads it as its figures)
_NUMBER_WORD = re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                          r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)\b", re.I)


def _unlinked(text: str) -> str:
    """``text`` with its links' addresses (and notes to screen readers) taken away, their words
    kept: the "links-only" step of ``cosmetic_kind``."""
    if "(" in text:
        text = _LINK_HINT.sub("", text)
    if "][" in text or "]\\[" in text:
        text = _REF_LINK.sub(r"[\1]()", text)
    return _URL.sub("", _MD_LINK.sub(r"\1()", text))


# Applied cumulatively, least to most lenient; the first that makes both sides equal names it.
_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("invisible-characters", lambda s: _NBSP.sub(" ", _INVISIBLE.sub("", s))),
    ("whitespace", _space),
    ("links-only", lambda s: _unlinked(s)),
    ("contact-details", lambda s: _AT_EMAIL.sub("<e-mail>", _EMAIL.sub("<e-mail>", _CF_EMAIL.sub("<e-mail>", s)))
                                  if "@" in s or "protected" in s else s),
    ("contact-details", lambda s: _SPELLED_EMAIL.sub("<e-mail>", s) if _AT_HINT.search(s) else s),
    # (an HTML entity left in the text, "&quot;as is&quot;", is the character it names)
    ("formatting", lambda s: _space(_MARKUP.sub("", _ESCAPE.sub("", _STRAY_TEST.sub("", html.unescape(s) if "&" in s else s))))),
    ("renumbering", lambda s: _space(_NUMBERING.sub("", _inline_numbering(s)))),
    ("punctuation-case", lambda s: _space(_PUNCT.sub(" ", s.lower()))),
    # a number written in words or in figures ("within two business days" → "within 2 business days")
    ("spelling", lambda s: _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(0).lower()]), s)),
    ("date-only", lambda s: _DATE.sub("<date>", s)),
)
# The same characters with spaces moved: a capture that glued words together or spaced out the
# letters of a PDF ("d e l a f o u r n i t u r e", "5 .1 Principe du d roit"), not a rewording.
_SPACES = re.compile(r"[\s\\]+")


@lru_cache(maxsize=2048)  # label_document asks it of a change, then label_change again
def cosmetic_kind(before: str, after: str) -> str | None:
    """Which cosmetic kind turns `before` into `after`, or None if the change is real."""
    if before == after:
        return "whitespace"
    money = _money_notation(before, after)
    if money is None:
        return None  # "$10" → "€10": another currency or amount, never punctuation
    if money:
        # the same amounts written another way ("USD 100" → "US$100", "10 €" → "EUR 10")
        return "formatting" if cosmetic_kind(money[0], money[1]) is not None else None
    a, b = before, after
    rendered = False  # ``_seen_alike(before, after)`` asked already (and None): not asked again
    unpunctuated = marked = ("", "")  # both sides once punctuation and case are gone (the step below)
    # Whitespace and markup noise are tolerated inside the later steps.
    for name, step in _STEPS:
        if name == "punctuation-case":
            if seen := _seen_alike(before, after):
                return seen  # before punctuation: a link's brackets are markup, not punctuation
            rendered = True
            marked = (a, b)  # (links and markup gone, punctuation kept: where the numbers are read)
        a, b = step(a), step(b)
        if name == "punctuation-case":
            unpunctuated = (a, b)
        if a == b:
            if name == "date-only" and _cut_off_dates(before) != _cut_off_dates(after):
                return None  # "registered after <date>": a date a term turns on moved
            return name
    if _SPACES.sub("", before) == _SPACES.sub("", after):
        return "whitespace"
    if rendered and _same_letters(*unpunctuated, *marked):
        return "punctuation-case"
    if mask_stamps(_DATE.sub("<date>", before)) == mask_stamps(_DATE.sub("<date>", after)):
        # a line stamping when the page was generated or updated ("generated on <date> at 10:04
        # UTC", "Updated 3 minutes ago") or a request id: masked as a run masks them (its clock
        # needs the punctuation the steps above take away)
        return "date-only"
    return None if rendered else _seen_alike(before, after)


# A number as written, its separators kept ("1.5", "2-3" is two numbers), and the signs that make
# one an amount or a share: what must stay alike when punctuation and spaces are read through.
_FIGURE = re.compile(r"\d+(?:[.,:]\d+)*|[%$€£¥§]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # "1,000" is "1000"; "1,5" stays a decimal


def _same_letters(a: str, b: str, marked_a: str, marked_b: str) -> bool:
    """Whether two sides of a clause, with punctuation and case already taken away (``a``, ``b``:
    the "punctuation-case" step), hold the same letters once their spaces go too, with the same
    numbers and signs written the same way (read from ``marked_a`` and ``marked_b``, the sides
    before that step). That is a capture that dropped apostrophes ("you’re" → "youre", "it’s" →
    "its") or the spaces between words ("in whichthe") along with other punctuation: the same
    words, not a rewording. "1.5" against "15" or "10%" against "10" stay changes."""
    if _SPACES.sub("", a) != _SPACES.sub("", b):
        return False
    return _FIGURE.findall(_THOUSANDS.sub("", marked_a)) == _FIGURE.findall(_THOUSANDS.sub("", marked_b))


_MONEY_HINT = re.compile(r"[$€£¥]|\b(?:usd|eur|gbp|cad|aud|chf|jpy|inr|dollars?|euros?|pounds?)\b", re.I)


def _money_notation(before: str, after: str) -> tuple[str, str] | None | tuple[()]:
    """How two versions of a clause name amounts of money: ``()`` when alike (none, or written the
    same way), None when the amounts differ (another value or currency: "$10" → "€10"), and both
    texts with each amount written as its value when only the notation differs ("USD 100" →
    "US$100"), for the cosmetic steps to compare."""
    if not (_MONEY_HINT.search(before) or _MONEY_HINT.search(after)):
        return ()
    from tracker.analysis.facts_eu import money_spans

    sb, sa = money_spans(before), money_spans(after)
    if [v for _, _, v in sb] != [v for _, _, v in sa]:
        return None
    if [before[x:y] for x, y, _ in sb] == [after[x:y] for x, y, _ in sa]:
        return ()

    def canonical(text: str, spans: list[tuple[int, int, str]]) -> str:
        for x, y, v in reversed(spans):
            text = f"{text[:x]}{v}{text[y:]}"
        return text

    return canonical(before, sb), canonical(after, sa)


def _seen_alike(before: str, after: str) -> str | None:
    """"links-only" or "formatting" when ``before`` and ``after`` read the same once rendered
    (taxonomy: formatting and link targets are not material): a link put in or taken out around
    the same words ("[Terms](url)" / "Terms"), a page's HTML source leaking into the capture
    ("&quot;", "</span><span>", "<a href>"), escaped brackets; else None."""
    if not (_MARKUP_CHARS.search(before) or _MARKUP_CHARS.search(after)) or _seen(before) != _seen(after):
        return None
    return "links-only" if _LINKISH.search(before) or _LINKISH.search(after) else "formatting"


_MARKUP_CHARS = re.compile(r"[\[\]<>&\\]|\{[{%]")
_LINKISH = re.compile(r"\]\(|<a\s|href=|https?://|www\.|link_to|\blink\(|\burl\(|_path\(", re.I)


# A server-side template tag the page printed unrendered (Rails ``<%= link_to "here", path %>``,
# Jinja or Liquid ``{{ link("here", url) }}``): once rendered, a reader sees its first quoted
# string (a link's text), or nothing.
_TEMPLATE = re.compile(r"<%[=-]?(.*?)-?%>|\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_QUOTED_LITERAL = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def _rendered(m: re.Match[str]) -> str:
    q = _QUOTED_LITERAL.search(next(g for g in m.groups() if g is not None))
    return (q.group(1) if q.group(1) is not None else q.group(2)) if q else ""


def _seen(text: str) -> str:
    """``text`` as rendered, without its spaces: what a reader sees, in one spelling."""
    if "%" in text or "{{" in text:
        text = _TEMPLATE.sub(_rendered, text)
    return _SPACES.sub("", _NBSP.sub(" ", _INVISIBLE.sub("", plain_text(text))))


@lru_cache(maxsize=8192)  # a clause's plain text is asked by a dozen checks of its change
def plain(text: str) -> str:
    """Markdown clause → plain sentence text for classification and facts."""
    if not text.isascii():
        text = _NBSP.sub(" ", _INVISIBLE.sub("", text))
    if "](" in text:
        text = _MD_LINK.sub(lambda m: m.group(1).strip("![]"), text)
    if "\\" in text:
        text = _ESCAPE.sub("", text)
    return _PLAIN_MARKUP.sub("", text).strip()


# --- explanations ------------------------------------------------------------------------------
_MODALS = r"(?:may|might|will|shall|must|can|could|would|should)"
_VERBS = set("is are was be becomes become go goes expire expires last lasts apply applies "
             "remain remains cost costs charge charges renew renews take takes require requires "
             "get gets receive receives have has provide provides give gives run runs need needs "
             "start starts end ends begin begins occur occurs happen happens get gets keep keeps "
             "retain retains store stores hold holds notify notifies send sends "
             # what a provider does to data, money and accounts after a period ("We delete your
             # uploads 30 days after ...", "We refund unused credit within 14 days")
             "delete deletes erase erases remove removes purge purges anonymise anonymises anonymize "
             "anonymizes refund refunds suspend suspends terminate terminates close closes bill bills".split())
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_ARTICLES = {"a", "an", "the", "your", "our", "their", "its", "any", "each", "every", "no"}
_SUBORDINATE = re.compile(r"^(?:in (?:cases?|the event|any case) (?:where|when|that)|when|whenever|if|where|unless|"
                          r"once|while|although|because|upon|after|before|in the event|to the extent)\b"
                          r"[^,]{3,120},\s*", re.I)
# a condition the value sits in, with no main clause before it ("If you are given less than")
_VALUE_IN_CONDITION = re.compile(r"^(?:if|unless|whenever|in (?:the event|case) (?:that )?)\b", re.I)
_SUFFIX_LEAD = re.compile(r"^(?:after|before|from|following|of|for|per|prior|once|each|every|"
                          r"in|on|to|until)\b", re.I)
_THERE_IS = re.compile(r"^(?:there (?:is|will be)|we (?:provide|give|offer)|you (?:have|will have|"
                       r"get)) (?:a|an) (?P<x>.+?) of $", re.I)


def _cats_text(cats: tuple[str, ...]) -> str:
    return f" ({', '.join(cats[:2])})" if cats else ""


def _sentence_with(text: str, needle: str) -> tuple[str, int]:
    """The sentence of `text` that contains `needle`, and the needle's offset in it."""
    for s in split_sentences(text):
        if (i := s.find(needle)) >= 0:
            return s, i
    return "", -1


# "Section 15 requires ...", "Article 4 applies ...": a section named as the subject of its sentence
# is no numbering to drop (the quote would start at its verb: "REQUIRES … SHALL BE RESOLVED …")
_NAMED_SUBJECT = re.compile(r"^\s*(?:section|article|clause|§)\s*\d+(?:\.\d+)*\.?\s+(?:also\s+|further\s+)?"
                            r"(?:(?:may|might|will|shall|must|can|does|do|is|are|has|sets|applies|requires|"
                            r"describes|explains|governs|contains|includes|states|says|provides|allows|covers|lists|"
                            r"gives|explains|limits|excludes)\b)", re.I)


# A number that starts a line but is the text's own word, not its numbering: a house number
# after a line break ("Anouk Verdal  \n6 chemin des Vignes", "37 Quai des Brumes", "12 Main
# Street"), a count or amount that goes on in lower case ("30 days after ...").
_STREET = (r"(?:rue|quai|avenue|av|boulevard|bd|blvd|chemin|place|allée|allee|impasse|route|cours|street|st|road|rd|"
           r"lane|ln|drive|dr|way|court|ct|square|sq|parkway|highway|terrace|strasse|straße|str|platz|weg|gasse|"
           r"allee|via|viale|piazza|calle|avenida|plaza|rua|laan|straat|gracht|plein)\b")
_OWN_NUMBER = re.compile(rf"\d+(?:\s*(?:bis|ter|[a-z]))?,?\s+(?:[a-zà-ÿ]|(?i:{_STREET})|(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{_STREET})|"
                         r"[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ring|ufer)(?!\w))")


@lru_cache(maxsize=4096)  # (pure; quotes and snippets of one clause clean the same words)
def _clean_prefix(prefix: str) -> str:
    """``prefix`` (a clause's words) less Markdown marks and the numbering of its lines ("3.1",
    "(a)", "Section 4"); a number that is the text's own word is kept (``_OWN_NUMBER``): a quote
    gives the source's words."""
    prefix = _MARKUP.sub("", prefix)
    if not _NAMED_SUBJECT.match(prefix):
        prefix = _NUMBERING.sub(lambda m: m.group(0) if _OWN_NUMBER.match(prefix, m.end() - len(m.group(0).lstrip()))
                                else "", prefix)
    return _space(prefix)


def _main_verb(words: list[str]) -> int | None:
    """Index of the main verb or modal of a clause prefix: the last one that is not inside a
    relative clause ("Credits that you have not used may expire" → "may")."""
    found = None
    for i, w in enumerate(words):
        lw = w.lower()
        if i and (re.fullmatch(_MODALS, lw) or lw in _VERBS):
            if words[i - 1].lower() in _ARTICLES or i == 1 and words[0].lower().endswith("ed"):
                continue  # "issue a refund", "Approved refunds reach ...": a noun, no verb
            if _object_noun(words, i):
                continue  # "request a full refund", "receive a prorated refund": the object's noun
            if not any(x.lower() in _RELATIVE and not _complement(words, k)
                       for k, x in enumerate(words[max(0, i - 3):i], max(0, i - 3))):
                found = i
    if found is not None:  # "may not be resolved" → the modal
        j = found
        while j > 1 and words[j - 1].lower() in ("not", "be", "also"):
            j -= 1
        if re.fullmatch(_MODALS, words[j - 1].lower()):
            found = j - 1
    return found


def _object_noun(words: list[str], i: int) -> bool:
    """Whether ``words[i]``, a word that may be a verb ("refund", "credit", "charge"), is the
    noun of a phrase that a determiner opens inside the clause ("may request a full refund",
    "receive a prorated refund", "get your unused credit"): a determiner one to three words
    before it, with a word before the determiner that neither ends a clause nor joins one (a
    determiner that starts the clause opens its subject: "Our service stores ..."), and only
    adjectives or nouns between."""
    for k in range(i - 2, max(0, i - 4), -1):
        if words[k].lower() not in _ARTICLES:
            continue
        prev = words[k - 1].lower()
        if prev.endswith((",", ";", ":")) or prev in _RELATIVE | {"and", "or", "but", "then"}:
            return False
        return not any(w.endswith((",", ";", ":")) or re.fullmatch(_MODALS, w.lower()) or w.lower() in _VERBS
                       for w in words[k + 1:i])
    return False


# Words after the verb (the verb and a modal's "be" included) past which "now" no longer reaches the
# value: "Credits may expire after" (3), "You can request a refund within" (5) keep it.
_NOW_REACH = 6


def _with_now(prefix: str, modal_now: bool = True) -> str | None:
    """'Credits expire' → 'Credits now expire', 'Credits may expire' → 'Credits may now
    expire' (as is without ``modal_now``: "can now", "may now" read as a new permission,
    whichever way a value moved); None when no verb is found."""
    words = prefix.split(" ")
    i = _main_verb(words)
    if i is None:
        return None
    if not modal_now and len(words) - i > _NOW_REACH:
        # "now" far before the value lands on the unchanged words between ("Disputes will now be
        # resolved by binding arbitration held in X instead of Y" reads as arbitration being new):
        # "instead of" says the change
        return prefix
    if re.fullmatch(_MODALS, words[i].lower()):
        if not modal_now and words[i].lower() in ("can", "may", "could", "might"):
            return prefix  # "can now", "may now" read as a new permission
        return " ".join(words[:i + 1] + ["now"] + words[i + 1:])
    if words[i].lower() in _BE:
        return " ".join(words[:i + 1] + ["now"] + words[i + 1:])  # "is now"
    return " ".join(words[:i] + ["now"] + words[i:])


_BE = {"is", "are", "was", "were", "be", "remain", "remains"}
# Verbs after which "that" opens what is said, not a relative clause ("The user warrants that they
# are over 16": "are" is the verb the value hangs on, where in "Credits that you buy expire" it is not)
_SAYING = re.compile(r"(?:warrant|represent|agree|confirm|acknowledge|certif(?:y|ie)|declare|understand|accept|"
                     r"ensure|guarantee|promise|undertake|affirm|attest|state|assure|recogni[sz]e)(?:s|d|ed)?", re.I)


def _complement(words: list[str], k: int) -> bool:
    """Is ``words[k]`` a "that" opening what a verb of saying says ("warrants that", "you agree
    that")?"""
    return words[k].lower() == "that" and k > 0 and bool(_SAYING.fullmatch(words[k - 1].strip(",")))


def _named(x: str) -> str:
    """A value's name with its verb, agreeing with it: "fee" → "fee is", "fees" → "fees are";
    "the laws of" a place names the governing law ("laws" → "governing law is")."""
    if re.fullmatch(r"(?:\w+\s+)?laws?", x, re.I):
        return "governing law is"
    head = x.split()[-1].lower()
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "ous")) and len(head) > 3
    return f"{x} {'are' if plural else 'is'}"
# "a platform commission of", "the fee of": the value's own name when no verb says it.
# (a name is no clause: "the user warrants that they are" names nothing, whatever its last words)
_NAMED_VALUE = re.compile(r"(?:^|\s)(?:a|an|the|our|your|its|their)\s+(?P<x>(?:(?!(?:that|which|who|they|we|you|he|she|"
                          r"it|i)\s)[^\W\d_][\w-]*\s+){0,3}(?!(?:that|which|who|they|we|you|he|she|it|i)\s)"
                          r"[^\W\d_][\w-]*)\s+(?:of|at|is|are|will be|equal to)\s*$", re.I)


def _last_clause(prefix: str) -> str:
    """The last coordinated clause of a long prefix ("Each pledge is processed, and the host is
    charged a fee of" → "the host is charged a fee of")."""
    parts = re.split(r",?\s+(?:and|but|or|while|whereas)\s+(?=(?:the|a|an|we|you|our|your|each|all|any)\b)|;\s*",
                     prefix)
    return parts[-1] if len(prefix.split()) > 14 else prefix


def _main_clause(prefix: str, heading: str) -> str:
    """Drop a leading subordinate clause ("When we plan to remove a model, we will post" →
    "we will post") and shorten a long subject before a modal to the section's heading
    ("Any dispute arising from these Terms or the Service will" → "Disputes will")."""
    if (m := _SUBORDINATE.match(prefix)) and not re.search(r"\b(?:it|them)\b", prefix[m.end():], re.I):
        # (kept when what follows points back to it: "When we retire a model, we will announce it")
        prefix = prefix[m.end():]
    words = prefix.split(" ")
    i = _main_verb(words)
    head = _clean_prefix(heading)
    if (i is not None and i > 6 and re.fullmatch(_MODALS, words[i].lower()) and head
            and len(head.split()) <= 3 and not re.search(r"\d", head)):
        words = [head[:1].upper() + head[1:]] + words[i:]
    return " ".join(words)


def _old_words(old: Fact, new: Fact, last: bool = True) -> str:
    """'12' when only the number moved ('after 12 months' → 'after 6 months') and the old value
    comes right after the new one (``last``), else the old text less the words both start with
    ('12 months', said after other words: "within 14 days of delivery instead of 30 days")."""
    o_num = re.search(r"\d[\d.,]*", old.text)
    n_num = re.search(r"\d[\d.,]*", new.text)
    if (last and o_num and n_num and old.qualifier == new.qualifier
            and old.text[:o_num.start()] == new.text[:n_num.start()]
            and old.text[o_num.end():] == new.text[n_num.end():]
            # a unit that is a word ("12 months") is read from the new value; a sign or symbol
            # is part of the number ("8%", "$5", "5 €"): "12% instead of 8%", never "... of 8"
            and re.match(r"\s+[^\W\d_]{2,}", old.text[o_num.end():])):
        return o_num.group(0)
    # words both values start with are said once, with the new value: "at least 1 week instead
    # of 2 weeks", "the courts of Paris, France instead of Dublin, Ireland"
    o_words, n_words = old.text.split(" "), new.text.split(" ")
    k = 0
    while k < min(len(o_words), len(n_words)) - 1 and o_words[k].lower() == n_words[k].lower():
        k += 1
    return " ".join(o_words[k:])


# What a value is called in an English sentence about a French or German clause ("The refund
# period is now 14 days"): by its kind and the clause's first category that names it.
_VALUE_NAMES: dict[str, dict[str, str]] = {
    "duration": {"refunds": "refund period", "privacy": "retention period", "subscription": "subscription period",
                 "termination": "notice period", "terms-changes": "notice period", "service-changes": "notice period",
                 "payment": "payment period", "content-removal": "retention period", "": "period"},
    "money": {"pricing": "price", "payment": "amount charged", "refunds": "refund amount",
              "liability": "liability cap", "": "amount"},
    "percent": {"pricing": "rate", "payment": "rate", "": "percentage"},
    "age": {"": "minimum age"},
    "place": {"governing-law": "governing law", "": "venue"},
}
_EN_QUALIFIERS = {"au moins": "at least", "au minimum": "at least", "d'au moins": "at least", "d’au moins": "at least",
                  "mindestens": "at least", "minimal": "at least", "au plus": "at most", "au maximum": "at most",
                  "höchstens": "at most", "maximal": "at most", "jusqu'à": "up to", "jusqu’à": "up to",
                  "bis zu": "up to", "dans un délai de": "within", "sous un délai de": "within", "sous": "within",
                  "dans les": "within", "innerhalb von": "within", "innerhalb": "within", "binnen": "within",
                  "spätestens": "at the latest", "après": "after", "à compter de": "from", "nach": "after",
                  "avant": "before", "vor": "before", "pendant": "for", "pour une durée de": "for",
                  "d'une durée de": "for", "d’une durée de": "for", "für": "for", "plus de": "more than",
                  "mehr als": "more than", "über": "more than", "moins de": "less than", "weniger als": "less than",
                  "unter": "less than"}
_EN_UNITS = {"PD": "day", "PW": "week", "PM": "month", "PY": "year", "PTH": "hour", "PTM": "minute"}


def _en_value(fact: Fact) -> str:
    """A French or German value in English words: "dans un délai de 14 jours" → "within 14 days",
    "au moins 9,99 €" → "at least 9,99 €" (an amount as written), a place as named."""
    qual = _EN_QUALIFIERS.get(fact.qualifier, "")
    # a bound changes the meaning ("at least"), "within" or "for" only restates "period"
    qual = qual if qual in ("at least", "at most", "up to", "more than", "less than") and fact.kind != "age" else ""
    if fact.kind == "duration" and (m := re.fullmatch(r"(PT?)([\d.]+)([A-Z])", fact.value)):
        n = m.group(2)
        value = f"{n} {_EN_UNITS.get(m.group(1) + m.group(3), 'day')}{'' if n == '1' else 's'}"
    elif fact.kind == "age":
        value = "the age of majority" if fact.value == "majority" else fact.value
    elif fact.kind == "place":
        return fact.value
    else:  # an amount or a percentage as written, less its own qualifier
        value = fact.text[len(fact.qualifier):].strip() if fact.text.lower().startswith(fact.qualifier) else fact.text
    return f"{qual} {value}".strip()


# Data kept or deleted after a period, in French, German and Spanish ("conservées pendant 3 ans",
# "werden 6 Monate gespeichert", "für 2 Jahre aufbewahrt", "supprimées après 30 jours")
_RETENTION = re.compile(r"\b(?:conserv|stock|archiv|gespeichert|speicher|aufbewahr|bewahr|almacen|guard|retenid|"
                        r"mantenid|(?P<erased>supprim|effac|détrui|gelöscht|lösch|vernicht|elimin|borr|suprim))\w*",
                        re.I)
_DATA_WORD = re.compile(r"\b(?:donn[ée]es|informations?|datos|información|registros|journaux|logs?|historique)\b|"
                        r"daten\b|protokoll|informationen\b", re.I)


def _en_pair(old: Fact, new: Fact) -> tuple[str, str]:
    """The new and old values of a French or German period in English words, the unit said once
    when both share it ("5 years", "3"); else both whole ("5 years", "6 months")."""
    now, was = _en_value(new), _en_value(old)
    n, w = now.split(), was.split()
    if len(n) == len(w) >= 2 and n[:-2] == w[:-2] and n[-1].rstrip("s") == w[-1].rstrip("s"):
        return now, w[-2]
    return now, was


# A period said of cancelling or ending the contract ("Die Kündigungsfrist beträgt 3 Monate",
# "un préavis de résiliation de 30 jours"): a notice period, whatever the clause's category.
_CANCEL_NOTICE = re.compile(r"kündigung|kündbar|gekündigt|kündig|résili|préavis|cancel", re.I)


def _foreign_fact_sentence(old: Fact, new: Fact, cats: tuple[str, ...], clause: str = "") -> str:
    """The English sentence of a value changed in a French or German clause: what the value is,
    its new and old value in English words, and the clause's own words for it quoted ("The refund
    period is now 14 days instead of 30 days: « dans un délai de 14 jours »"). ``clause``: the
    new clause's text, which tells a notice period to cancel from a subscription's term."""
    names = _VALUE_NAMES.get(new.kind, {"": "value"})
    name = next((names[c] for c in cats if c in names), names[""])
    if new.kind == "duration" and _CANCEL_NOTICE.search(clause):
        name = "notice period to cancel"
    elif new.kind == "duration" and _DATA_WORD.search(clause) and (verb := _RETENTION.search(clause)):
        # "conservées pendant 5 ans", "werden 6 Monate gespeichert": said as the English one is
        now, was = _en_pair(old, new)
        done = "deleted after" if verb.group("erased") else "kept for"
        return f"Data is now {done} {now} instead of {was}{_cats_text(cats)}"
    if new.kind == "place" and new.qualifier == "court":
        name = "competent court"
        return f"The {name} is now in {new.value} instead of {old.value}: « {new.text} »{_cats_text(cats)}"
    if new.kind == "place" and name == "governing law":  # "now the law of Ireland", not "now Ireland"
        return f"The governing law is now the law of {new.value} instead of {old.value}: « {new.text} »{_cats_text(cats)}"
    # the clause's own words, when they say more than the value itself (not "52,37€: « 52,37€ »")
    # (a number and its unit alone, "3 Monate", only repeat the value in the clause's language)
    own = f": « {new.text} »" if re.search(r"[^\W\d_]{2}", new.text) and len(new.text.split()) > 2 else ""
    return f"The {name} is now {_en_value(new)} instead of {_en_value(old)}{own}{_cats_text(cats)}"


_FACT_MAX = 80  # a fact sentence this long keeps both values in a feed title after "<service> <document>: "


def fact_sentence(old: Fact, new: Fact, after: str, heading: str, cats: tuple[str, ...], before: str = "") -> str:
    """One sentence naming the old and new value (``_value_sentence``); a changed court or
    governing law said short (``_venue_sentence``) when the clause's own words would make it long
    or vague ("Disputes now go to the courts of Dublin instead of New York", not the whole
    dispute sentence, nor "The City is now Dublin").

    Args:
        old, new: the value before and after; after, before: the clause's new and old text;
        heading: the clause's heading; cats: the categories the change is explained under.
    Returns:
        The sentence, its categories in brackets at the end."""
    said = _value_sentence(old, new, after, heading, cats, before)
    venue = _venue_sentence(old, new, _sentence_with(after, new.text)[0] or after, cats,
                            _sentence_with(before, old.text)[0] or before)
    if venue is not None and _vague_venue(said, cats):
        return venue
    return said


_ROLE_WORDS = re.compile(r"\bcourts?\b|\blaws?\b|\bgoverned\b|\bjurisdiction\b|\bvenue\b", re.I)


def _own_rest(old: Fact, before: str, rest: str) -> str:
    """The words after the old value in its own sentence of ``before``, as many as ``rest`` (the
    words said after the new value, " per TB per month"), when they are other words ("per 100 GB
    per month"): the unit or thing the old value counted changed with it. "" when they are the same
    words, or when the old sentence is not found."""
    if not before:
        return ""
    sentence, at = _sentence_with(before, old.text)
    if at < 0:
        return ""
    tail = sentence[at + len(old.text):].strip().rstrip(".;:")
    said = rest.split()
    words_after = re.split(r"(?<!\d),|,(?!\d)|[;:(]", tail, maxsplit=1)[0].split()
    # as many words as were said after the new value, a number among them not counted ("per 100 GB
    # per month" for "per TB per month")
    own: list[str] = []
    for w in words_after:
        if sum(not re.fullmatch(r"[\d.,]+", x) for x in own) >= len(said):
            break
        own.append(w)
    if not own or [w.lower() for w in own] == [w.lower() for w in said]:
        return ""
    # the same first word ("per ...") with another count or unit after it: the thing counted changed
    return " ".join(own) if own[0].lower() == said[0].lower() else ""


def _vague_venue(said: str, cats: tuple[str, ...]) -> bool:
    """Whether a sentence about a changed court or law says it badly: longer than a feed title
    keeps (``_FACT_MAX``), a bare "label: old → new", a generic "The City is now ...", or with
    no word of courts or law."""
    text = said[:len(said) - len(_cats_text(cats))] if cats else said
    return (len(text) > _FACT_MAX or " → " in text or bool(re.match(r"The [\w ]{1,30}? is now ", text))
            or not _ROLE_WORDS.search(text))


def _value_sentence(old: Fact, new: Fact, after: str, heading: str, cats: tuple[str, ...], before: str = "") -> str:
    """One sentence naming the old and new value, using the clause's own subject if found.

    One shape: the clause's words with the new value, then "instead of" and the old value, last,
    so that it never lands inside a phrase ("You can request a refund within 14 days of delivery
    instead of 30 days", never "within 14 days instead of 30 of delivery"); when that is longer
    than ``_FACT_MAX``, the words after the value are left out ("You can request a full refund
    within 14 days instead of 30"), so that a cut title keeps both values; "now" only where it
    says nothing of better or worse ("is now", "now expire", never "can now"). Values are shown
    whole: "12% instead of 8%", "233 Broadway" (a place with the number before it in ``after``,
    or in ``before`` for the old one). A word unit is said once when nothing comes between the
    two values ("after 6 months instead of 12")."""
    sentence, at = _sentence_with(after, new.text)
    tail = _cats_text(cats)
    old_words = _old_words(old, new)
    if old.kind == "place" and old_words == old.text:
        old_words = _whole_place(old.text, before)
    if new.kind == "place" and at >= 0 and (num := _NUMBER_BEFORE.search(sentence[:at])):
        new = replace(new, text=num.group(0) + new.text)  # "233 Broadway", not "Broadway"
        at = num.start()
    if at >= 0:
        prefix = _clean_prefix(sentence[:at])
        suffix = sentence[at + len(new.text):].strip().rstrip(".;:")
        if m := _THERE_IS.match(prefix + " "):
            rest = f" {suffix}" if suffix and len(suffix.split()) <= 8 else ""
            name, verb = _named(m.group('x')).rsplit(" ", 1)
            return f"The {name}{rest} {verb} now {new.text} instead of {old_words}{tail}"
        prefix = _last_clause(_main_clause(prefix, heading))
        if _VALUE_IN_CONDITION.match(prefix) and len(prefix.split()) <= 14 and _with_now(prefix, modal_now=False):
            # the value sits in a condition ("If you are given less than 30 days' notice, ..."):
            # "now" inside it reads as a fragment ("If you are now given less than 130 days' ...")
            rest = re.split(r"(?<!\d),|,(?!\d)|[;:(]", suffix, maxsplit=1)[0].strip()
            rest = f" {rest}" if rest and len(rest.split()) <= 8 else ""
            return f"Now says “{prefix[:1].upper()}{prefix[1:]} {new.text}{rest}” instead of {old_words}{tail}"
        if (lead := _with_now(prefix, modal_now=False)) and len(prefix.split()) <= 14:
            rest = re.split(r"(?<!\d),|,(?!\d)|[;:(]", suffix, maxsplit=1)[0].strip()
            rest = f" {rest}" if (rest and len(rest.split()) <= 8
                                  and _SUFFIX_LEAD.match(rest)) else ""
            lead = f"{lead[:1].upper()}{lead[1:]} {new.text}"
            if (re.search(r"\d-[^\W\d_]+$", new.text) and re.search(r"\d-[^\W\d_]+$", old.text)
                    and (noun := re.match(r"[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}", suffix))
                    and not _SUFFIX_LEAD.match(noun.group(0))):
                # a value said as an adjective ("a 7-day free trial"): with its noun, which alone says
                # what it measures ("…get a 7-day free trial instead of a 30-day one")
                one = " a" if re.search(r"\ban?$", prefix.strip()) else ""
                return f"{lead} {noun.group(0)} instead of{one} {old.text}{' one' if one else ''}{tail}"
            if rest and (own := _own_rest(old, before, rest)):
                # what the old value counted was another thing ("$2 per GB" → "$20 per TB"): said with
                # its own words, never under the new value's unit ("$20 per TB instead of $2 per GB")
                return f"{lead}{rest} instead of {old.text} {own}{tail}"
            if rest and len(f"{lead}{rest} instead of {_old_words(old, new, last=False)}") <= _FACT_MAX:
                # the old value after the whole phrase, with its unit: "of delivery instead of 30 days"
                return f"{lead}{rest} instead of {_old_words(old, new, last=False)}{tail}"
            # else the phrase ends with the value, so both show in a feed title: "within 14 days instead of 30";
            # the relation the dropped words gave the value stays ("expire after 6 months", "7 days in advance")
            kept, whole = _relation_kept(lead, new.text, rest or suffix)
            if whole:
                point = kept[len(lead):]
                if len(f"{kept} instead of {_old_words(old, new, last=False)}") <= _FACT_MAX:
                    return f"{kept} instead of {_old_words(old, new, last=False)}{tail}"
                # too long for a title to keep both values at the end: the old one beside the new
                return f"{lead} (instead of {old_words}){point}{tail}"
            lead = kept
            return f"{lead} instead of {old_words}{tail}"
        if m := _NAMED_VALUE.search(prefix):
            return f"The {_named(m.group('x'))} now {new.text} instead of {old_words}{tail}"
    if (cell := _table_cell(after, new.text)) is not None:
        column, row, value = cell
        if (cells := _row_replaced(before, after, old.text, new.text)) is not None:
            # the row's other cells changed too (another cookie, another party): a row replaced,
            # not one measure of it changed ("Analytics is now 30 minutes instead of 395 days")
            was, now = cells
            return f"Row now reads “{now}” instead of “{was}”{tail}"
        old_value = value.replace(new.text, old.text)
        what = f"{column} for {row}" if row and column else (column or row or "The value")
        return f"{what} is now {value} instead of {old_value}{tail}"  # "Price for Basic is now $12 a month ..."
    if is_foreign(sentence or after):  # the explanation is English, whatever the clause's language
        return _foreign_fact_sentence(old, new, cats, sentence or after)
    label = _clean_prefix(heading) or "Changed"
    return f"{label}: {old.text} → {new.text}{tail}"


_COURT_WORD = re.compile(r"\bcourts?\b|\bjurisdiction\b|\bvenue\b|\bforum\b", re.I)
_LAW_WORD = re.compile(r"\blaws?\b|\bgoverned\b|\bgoverning\b", re.I)


def _venue_sentence(old: Fact, new: Fact, sentence: str, cats: tuple[str, ...],
                    before_sentence: str = "") -> str | None:
    """A changed court or governing law said short, whatever the length of the clause that names
    it: "Disputes now go to the courts of Dublin, Ireland instead of New York, New York", "The
    governing law is now the law of Ireland instead of California", "Arbitration now takes place in
    London instead of Dallas" (the seat of an arbitration both texts hold; a quote of a long dispute
    sentence, or "The City is now Dublin", says less). None for another value, for a place
    whose role is not told (an address, an arbitration seat), or for a French or German clause
    (``_foreign_fact_sentence`` says it with the clause's own words).

    Args:
        old, new: the place facts before and after.
        sentence: the new sentence that names ``new``.
        cats: the categories the change is explained under.
        before_sentence: the old sentence that names ``old`` (where the old place's role is read).
    Returns:
        The sentence with its categories, or None."""
    if old.kind != "place" or new.kind != "place" or old.value == new.value or is_foreign(sentence):
        return None
    # a city the gazetteer does not know, written before its state or country ("Reno, Nevada"):
    # said with it, or the place named is only the state
    old = replace(old, value=_with_city(old.value, before_sentence or ""))
    new = replace(new, value=_with_city(new.value, sentence))
    role = _place_role(new, sentence)
    if not role and "jurisdiction" in cats and _COURT_WORD.search(sentence):
        role = "court"  # "courts ... located in the City of Dublin", "courts ... are those of Paris"
    elif not role and "governing-law" in cats and _LAW_WORD.search(sentence):
        role = "law"
    if role == "court":
        return f"Disputes now go to the courts of {new.value} instead of {old.value}{_cats_text(cats)}"
    if role == "law":
        return f"The governing law is now the law of {new.value} instead of {old.value}{_cats_text(cats)}"
    if role == "arbitration" and _place_role(old, before_sentence or sentence) in ("arbitration", ""):
        # the seat moved, the arbitration did not come or go: said short, so a title keeps both places
        return f"Arbitration now takes place in {new.value} instead of {old.value}{_cats_text(cats)}"
    return None


# Words right before a value that already say how it relates to a point in time ("within 14
# days", "at least 2 weeks", "no later than 30 days", "for 90 days"): a dropped "after ..." adds
# no word then.
_BOUND_BEFORE = re.compile(r"\b(?:within|for|after|before|until|till|by|at (?:least|most|the latest)|up to|"
                           r"(?:no|not) (?:later|earlier|more|less|sooner) than|more than|less than|fewer than|"
                           r"over|under|in|during|of|from)$", re.I)
_LATER = re.compile(r"^(?:after|from|following|of)\b", re.I)
_EARLIER = re.compile(r"^(?:before|prior to|ahead of|in advance)\b", re.I)
_NEEDS_POINT = re.compile(r"\b(?:no|not) (?:later|earlier|sooner) than$", re.I)


def _relation_kept(lead: str, value: str, dropped: str) -> tuple[str, bool]:
    """``lead`` (a clause's words ending with the new ``value``) with the relation to a point in
    time that the ``dropped`` words after the value gave it, said without them: "may expire 6
    months [after the date you bought them]" → "may expire after 6 months", "notice at least 1
    week [before the model is removed]" → "notice at least 1 week in advance". Returns (lead,
    whole): ``whole`` is True when the dropped words were kept instead, because the lead alone
    would not say what the value counts from ("no later than 14 days" → "no later than 14 days
    after the invoice date"); the caller then says the old value with its unit."""
    dropped = dropped.strip()
    if not dropped or not lead.endswith(value):
        return lead, False
    before = lead[:-len(value)].rstrip()
    # a value's own bound ("no later than 14 days") counts as the words before its number
    num = re.search(r"\d", value)
    bound = f"{before} {value[:num.start()]}".rstrip() if num else before
    point = re.split(r"(?<!\d),|,(?!\d)|[;:(]", dropped, maxsplit=1)[0].strip()
    if _NEEDS_POINT.search(bound):
        if _LATER.match(point) or _EARLIER.match(point):
            if len(point.split()) <= 6:
                return f"{lead} {point}", True
        return lead, False
    if _EARLIER.match(dropped):
        return f"{lead} in advance", False
    if _LATER.match(dropped) and not dropped.lower().startswith("of") and not _BOUND_BEFORE.search(bound):
        return f"{before} after {value}", False
    return lead, False


# A house or street number right before a place ("233 Broadway"): part of the value shown.
_NUMBER_BEFORE = re.compile(r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w.'-]*\s+){0,3}(?:[A-Z][\w.'-]*,?\s+)?$")
def _row_cells(text: str, needle: str) -> list[str] | None:
    """The cells of the first table row of ``text`` with a cell holding ``needle``; None outside tables."""
    table = table_cells(text)
    if table is None:
        return None
    return next((row for row in table[1] if any(needle in cell for cell in row[1:])), None)


def _row_replaced(before: str, after: str, old_value: str, new_value: str) -> tuple[str, str] | None:
    """(old row, new row), cells joined by "; ", when the table row holding ``new_value`` in
    ``after`` and the one holding ``old_value`` in ``before`` differ in a cell besides the value's
    own: another row took the place of the old one, its measure is no change of one term. None
    when the rest of the row is the same, or outside tables."""
    if not before or old_value == new_value:
        return None
    old_row, new_row = _row_cells(before, old_value), _row_cells(after, new_value)
    if old_row is None or new_row is None or len(old_row) != len(new_row):
        return None
    others = [(a, b) for a, b in zip(old_row, new_row) if old_value not in a and new_value not in b]
    if all(" ".join(a.split()) == " ".join(b.split()) for a, b in others):
        return None

    def joined(row: list[str]) -> str:
        return _snippet("; ".join(c.strip() for c in row if c.strip()), 70)

    return joined(old_row), joined(new_row)


def _table_cell(text: str, needle: str) -> tuple[str, str, str] | None:
    """(column header, row name, cell) of the first table cell of ``text`` holding ``needle``:
    a table row's value is named by its column and its row's first cell; None outside tables."""
    table = table_cells(text)
    if table is None:
        return None
    header, rows = table
    for row in rows:
        for i, cell in enumerate(row):
            if needle in cell and i:
                return (header[i] if i < len(header) else "", row[0], cell)
    return None


_CITY_WORD = r"(?-i:[A-Z][\w.'’-]*)"
_NOT_CITY = frozenset("The In At Of And Or By For To Any All Our Your These This Such".split())


def _with_city(value: str, sentence: str) -> str:
    """``value`` (a place) with the capitalised words right before it and a comma ("Reno" of "in
    Reno, Nevada"), when ``sentence`` writes it so and ``value`` has no comma of its own; else
    ``value``."""
    if "," in value or not sentence:
        return value
    m = re.search(rf"((?:{_CITY_WORD}\s){{0,2}}{_CITY_WORD}),\s+{re.escape(value)}\b", sentence)
    if not m or m.group(1).split()[0] in _NOT_CITY:
        return value
    return f"{m.group(1)}, {value}"


def _whole_place(text: str, source: str) -> str:
    """A place as written with the number before it in ``source`` ("233 Broadway")."""
    at = source.find(text)
    if at > 0 and (num := _NUMBER_BEFORE.search(source[:at])):
        return num.group(0) + text
    return text


def _in_place(text: str, word: str) -> str:
    """``word`` (a modal or negation: "not", "at any time") quoted with the words around it in
    ``text`` ("“…is not stored or viewed by…”"); quoted alone when ``text`` does not hold it."""
    flat = plain(text)
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", flat, re.I)
    return f"“{_phrase(flat, m.group(0), 4)}”" if m else f'"{word}"'


def _in_places(text: str, found: Sequence[str]) -> str:
    """Each of ``found`` (modals, negations: "may", "immediately", "without prior notice") quoted
    in place in ``text`` like ``_in_place``, joined with ", "; words that stand near one another
    in one sentence are quoted once, in one run from the first to the last ("“…SCALINGO may, at
    its sole discretion, immediately and without prior notice suspend…”"), never as quotes that
    overlap and repeat each other's words."""
    flat = plain(text)
    spans, missing = [], []
    for w in found:
        m = re.search(rf"(?<!\w){re.escape(w)}(?!\w)", flat, re.I)
        if m:
            spans.append((m.start(), m.end()))
        else:
            missing.append(f'"{w}"')
    groups: list[list[int]] = []
    for a, b in sorted(spans):
        # one quote when the words are at most ~10 words apart and no sentence ends between them
        if groups and a - groups[-1][1] <= 60 and not re.search(r"[.;!?]\s", flat[groups[-1][1]:a]):
            groups[-1][1] = max(groups[-1][1], b)
        else:
            groups.append([a, b])
    quotes = [f"“{_phrase(flat, flat[a:b], 4)}”" for a, b in groups]
    return ", ".join(quotes + missing)


def _sentence_with_word(text: str, needle: str) -> tuple[str, int]:
    """``_sentence_with``, where ``needle`` stands as whole words: "no" in "no trolling", never
    the "no" inside "annoy" (a quote around that would split the word: "an no y people")."""
    head = r"(?<!\w)" if needle[:1].isalnum() else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() else ""
    pattern = re.compile(f"{head}{re.escape(needle)}{tail}")
    for s in split_sentences(text):
        if m := pattern.search(s):
            return s, m.start()
    return _sentence_with(text, needle)


def _phrase(text: str, needle: str, width: int = 5) -> str:
    """``needle`` with up to ``width`` words either side, within its sentence of ``text`` and
    without the clause's Markdown or numbering: what a quote of a value needs to say what the
    value is ("a crowdfunding fee of 5% charged to the host", never a bare "5%")."""
    sentence, at = _sentence_with_word(text, needle)
    if at < 0:
        return needle
    before = re.split(r"[;:]\s", sentence[:at])[-1].split()
    after = re.split(r"[;:]\s", sentence[at + len(needle):], maxsplit=1)[0].split()
    left = before[-width:]
    right = after[:width + 2] if len(after) <= width + 2 else after[:width]  # a sentence's last words whole
    while len(right) < len(after) and len(right) > 1 and right[-1].lower().strip(",;:") in LEADS_ON:
        right = right[:-1]  # "…when we believe you…" → "…when we believe…": end on a word that carries meaning
    words_ = left + [needle] + right if not right or not re.match(r"^[^\w(]", right[0]) else left + [needle + right[0]] + right[1:]
    out = _clean_prefix(" ".join(words_)).strip(" ,;:.()[]\"'“”‘’")
    cut_left = len(before) > width
    cut_right = len(after) > len(right)
    return f"{'…' if cut_left else ''}{out}{'…' if cut_right else ''}"


def _moved_value(after: str, heading: str, was: str, now: str, cats: tuple[str, ...]) -> str:
    """A measure or allowance that moved, said with what it measures: quoted in its sentence
    ("Now 10 GB instead of 15 GB: “Each Basic account includes 10 GB of storage…”"), or under its
    section's title when the line is the value alone, as a plan's list item is ("Writer: now 300
    writing credits per month instead of 500"); never a bare "Now “10 GB” instead of “15 GB”",
    which does not say what changed. ``was``/``now``: the old and new value as the texts say
    them; ``after``: the new clause; ``heading``: its section title ("" if none)."""
    tail = _cats_text(cats)
    old_w, new_w = was.split(), now.split()
    shared = 0
    while shared < min(len(old_w), len(new_w)) - 1 and old_w[-1 - shared].lower() == new_w[-1 - shared].lower():
        shared += 1
    # the old value's own words when it is short ("15 GB"); its differing head when the rest is
    # the new value's words again ("500" for "500 writing credits per month")
    old = was if len(old_w) <= 2 else " ".join(old_w[:len(old_w) - shared])
    row = next((line for line in after.splitlines() if now in line), "")
    if row.lstrip().startswith("|"):
        # a table row: under the row's first cell, the thing the row is about ("Basic: now 50-300
        # Mbps instead of 50-150 Mbps"), not the row's cells run together as a quote
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if cells and cells[0] and now not in cells[0]:
            return f"{_clean_prefix(cells[0])}: now {now} instead of {old}{tail}"
    phrase = _phrase(after, now, 4)
    if phrase.strip("…") != now:
        # the values first, so that a cut feed title keeps both ("Now 10 GB instead of 15 GB: “…”")
        return f"Now {now} instead of {old}: “{phrase}”{tail}"
    if label := _clean_prefix(heading).strip(" :"):
        return f"{label}: now {now} instead of {old}{tail}"
    return f"Now “{now}” instead of “{was}”{tail}"


def added_fact_sentence(new: Fact, after: str, heading: str, cats: tuple[str, ...]) -> str:
    """A value the clause now states that it did not: said with the clause's subject when the
    sentence has one ("A fee of 5% is now charged to the host"), else quoted with the words
    around it ("Now says “a crowdfunding fee of 5% charged to the host”"); never a bare value."""
    tail = _cats_text(cats)
    sentence, at = _sentence_with(after, new.text)
    if at >= 0:
        prefix = _last_clause(_main_clause(_clean_prefix(sentence[:at]), heading))
        suffix = sentence[at + len(new.text):].strip().rstrip(".;:")
        lead = _with_now(prefix)
        if lead and 2 <= len(prefix.split()) <= 14:
            rest = re.split(r"(?<!\d),|,(?!\d)|[;:(]", suffix, maxsplit=1)[0].strip()
            rest = f" {rest}" if rest and len(rest.split()) <= 8 else ""
            return f"{lead[:1].upper()}{lead[1:]} {new.text}{rest}{tail}"
    return f"Now says “{_phrase(after, new.text)}”{tail}"


_PROMISE = re.compile(r"^(?!(?:you|users?|members?|customers?|subscribers?|sellers?|buyers?)\s)"  # a duty of the user is no promise
                      r"(?:(?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*|we|the company)\s+)(?:will|shall|must|agrees? to|"
                      r"commits? to|undertakes? to|guarantees? to|promises? to)\s+(?:always\s+)?(?P<rest>.+)$",
                      re.I)


def removed_sentence(text: str, fact: Fact | None = None) -> str:
    """What a deleted commitment or value no longer says, as a sentence: "We will refund
    purchases within 30 days" → "No longer promises to refund purchases within 30 days"; any
    other sentence → "No longer says: <its words>". With ``fact``, the sentence holding it."""
    sentence = _sentence_with(text, fact.text)[0] if fact else ""
    sentence = _clean_prefix(plain(sentence or text)).rstrip(".;: ")
    if (m := _SUBORDINATE.match(sentence)) and (main := resolved_start(sentence[:m.end()], sentence[m.end():])):
        sentence = main
    if m := _PROMISE.match(sentence):
        return f"No longer promises to {_snippet(m.group('rest'), 80).rstrip('.')}"
    if fact is not None and len(sentence.split()) > 14:
        return f"No longer says “{_phrase(text, fact.text)}”"
    body = _snippet(sentence, 90).rstrip(".")
    return f"No longer says: {body[:1].lower() + body[1:] if body[:2].istitle() else body}"


def _legal_part(legal: Sequence[str], text: str | None) -> str:
    """The sentences of a clause with legal effect (``legal``) joined, or ``text`` whole when it
    is a list run into its lead-in ("you will not 1. resell ...; 2. ..."): its items and markers
    are not sentences of their own, and a quote of it reads as one list (``_snippet``)."""
    if text and inline_marks(plain(text)):
        return text
    joined = re.sub(r"[;,]\s*(?:and|or|and/or)\s*$", "", " ".join(legal))  # a list item's "; or": more items, no cut
    words = joined.rstrip(" :;,").split()
    if words and (joined.rstrip().endswith(":") or words[-1].lower() in LEADS_ON):
        # a sentence whose end was left out as noise ("… platform at: http://…" less its address)
        # says it goes on, never ends on "at:"
        return joined.rstrip(" :;,") + "…"
    return joined or (text or "")


@lru_cache(maxsize=4096)  # (pure; several rules quote the same clause)
def _snippet(text: str, limit: int = 90) -> str:
    s = _space(_clean_prefix(plain(_TABLE_MARKS.sub(" ", text))))  # no table pipes or separator rows
    if len(s) > limit:  # a cut list reads as one ("you will not: resell…"), never "you will not 1. Resell…"
        s = inline_list(s)
    if len(s) <= limit:
        return s
    cut = one_line(s, limit + 1)  # cut on a word that carries meaning
    # ... unless the cut drops the name the clause is about, a few words on ("…in the operation of
    # Google Maps": "not liable for any failures … in the operation…" reads as a general exclusion)
    rest = s[len(cut.rstrip("…”)")):]
    if m := _NAMED_TAIL.match(rest):
        return one_line(s, len(cut) + m.end() + 1)
    return cut


# the name a cut quote would lose: "of"/"for"/"by"/"on" then a capitalised name, within a few words
_NAMED_TAIL = re.compile(r"\s+(?:of|for|by|on|with|to)\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s?){1,3}(?=[\s,.;:)]|$)")


# --- facts diff ----------------------------------------------------------------------------------
# The words that make a clause a term of its kind: where a cut quote of it should look.
_ANCHORS: dict[str, tuple[str, ...]] = {  # tried in order: the first that matches is the point
    "arbitration": (r"\barbitrat\w*|\bJAMS\b",),
    "class-action": (r"\bindividual (?:capacity|basis)\b", r"\bclass[- ](?:action|wide|arbitration)|\brepresentative (?:action|proceeding)s?",),
    "jurisdiction": (r"\bcourts?\b|\bvenue\b|\btribunals?\b", r"\bjurisdictions?\b"),
    "governing-law": (r"\blaws? of\b",),
    "ai-training": (r"\btrain(?:s|ed|ing)?\b|\bmachine learning\b|\bartificial intelligence\b|\bAI\b",),
    "refunds": (r"\brefund\w*|\bnon-refundable\b",),
}
# A period is the point of these kinds of terms (a refund window, a notice, a retention time).
_PERIOD_CATS = {"refunds", "subscription", "privacy", "content-removal", "terms-changes"}
_LEAD_WORDS = 5  # words kept before the point of a cut quote ("…heard exclusively by the courts of")
_POINT_AT = 40  # a point this near the start needs no shift (a headline keeps about that much)


# A sentence that opens on its condition ("If we cannot charge your card, we may close your account",
# "Si …, nous pouvons …", "Wenn …, können wir …"): cut at its end, a quote would keep only the
# condition and leave out what follows from it.
_CONDITION_OPEN = re.compile(r"^(?:if|when|whenever|unless|where|once|should|upon|after|before|in (?:the )?(?:event|case)\b|"
                             r"to the extent|by (?:\w+ing)\b|si|lorsque?|lorsqu['’]|quand|dès lors que|en cas\b|"
                             r"dans le cas où|wenn|falls|sofern|soweit|sobald|nachdem|bevor)", re.I)
# A connective that only links the sentence to the one before ("Additionally, ", "Please note that",
# "En outre, "): words a cut quote spends before the term. German inverts after its connectives
# ("Außerdem können wir"): the rest would open on the verb, so none of them is dropped.
_LINKING_OPEN = re.compile(r"^(?:(?:additionally|furthermore|moreover|in addition|further|also|en outre|de plus|"
                           r"par ailleurs|en plus)\s*,|(?:please )?note that|please note,)\s+(?=\S)", re.I)
# What a main clause after a condition opens on: its subject (a pronoun, a determiner, a name), or
# the verb that a German main clause puts first ("Wenn …, können wir …").
_MAIN_OPEN = re.compile(r"(?:then\s+)?(?:we|you|they|it|he|she|i|the|your|our|its|their|any|all|such|this|these|"
                        r"that(?=\s+\w+\s+(?:" + "|".join(sorted(MODALS)) + r")\b)|those|each|every|no|neither|either|nous|vous|ils?|elles?|on|le|la|les|l['’]|votre|vos|notre|"
                        r"nos|tout|toute|tous|toutes|aucun|aucune|ce|cette|ces|wir|sie|er|es|der|die|das|ihr|ihre|"
                        r"jede[rs]?|kein|keine|kann|können|darf|dürfen|muss|müssen|wird|werden|soll|sollen|ist|sind|gilt|gelten|haben|"
                        r"hat)\b|(?-i:[A-Z])[\w&.-]*", re.I)
# ... or what the reader is told to do ("If you wish to close your account, contact us at …")
_IMPERATIVE = re.compile(r"(?:please\s+)?(?:contact|write|email|e-mail|send|call|visit|see|click|go|read|"
                         r"veuillez|contactez|écrivez|adressez|wenden|kontaktieren|schreiben)\b", re.I)
_MAIN_MIN = 45  # characters a cut main clause keeps at least ("we may suspend or terminate your account")


# A main clause that opens with no comma after its condition: a subject pronoun and its modal
# ("… the card you provided we may suspend …", "… votre commande nous pourrons l'annuler").
_BARE_MAIN = re.compile(r"(?<=\w) (?=(?:then\s+)?(?:we|you|they|nous|vous|ils|elles)\s+(?:may|might|will|shall|must|can|"
                        r"cannot|can['’]t|could|would|should|won['’]t|pouvons|pouvez|pourrons|pourrez|devons|devez|"
                        r"devrez|pourront|peuvent)\b)", re.I)
# Words a subject may follow inside the condition itself: a clause of what someone thinks or says
# ("If we believe you may …"), or one joined by a conjunction or a relative ("… and you will").
_BARE_NOT_BEFORE = frozenset("""that which who whom whose whether if and or but because where when while unless
than as so believe believes think thinks suspect suspects know knows determine determines decide decides
find finds feel feels consider considers expect expects understand understands agree agrees confirm confirms
notify notifies tell tells inform informs ask asks require requires say says state states claim claims
indicate indicates request requests allow allows let lets que qu qui si et ou mais où quand lorsque
croyons pensons estimons considérons""".split())


def _top_commas(text: str, start: int) -> list[int]:
    """Offsets of the ", " in ``text`` from ``start`` on that stand outside brackets and quotes."""
    depth, out = 0, []
    for i in range(start, len(text) - 1):
        ch = text[i]
        if ch in "([“«":
            depth += 1
        elif ch in ")]”»" and depth:
            depth -= 1
        elif ch == "," and not depth and text[i + 1] == " ":
            out.append(i)
    return out


def linking_dropped(text: str) -> str:
    """``text`` less a connective that only links it to the sentence before ("Additionally, all
    fees are due" → "All fees are due"; "Please note that our plans may change" → "Our plans may
    change"; "En outre, nous pouvons …" → "Nous pouvons …"), capitalised; as is without one, or
    when fewer than three words would be left."""
    m = _LINKING_OPEN.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest[:1].upper() + rest[1:] if len(rest.split()) >= 3 else text


def condition_kept(sentence: str, limit: int = 90) -> str | None:
    """A sentence that opens on its condition and is too long for ``limit`` characters, as a
    quote of at most ``limit`` + 30 characters that keeps what follows from the condition: the
    condition, cut short ("…") when it must be, then its main clause ("If at any time we are
    unable to charge the fees…, we may suspend your account"), less a lead-in such as "you agree
    that" when its subject can be read without it. French and German conditions too ("Si …",
    "Wenn …"). None when the sentence fits, does not open on a condition, its main clause already
    shows in a cut at ``limit``, or no comma after the condition is followed by a clause with a
    verb of its own, nor (no comma written) a subject and its modal right after a word of the
    condition ("If we cannot charge the card you provided we may suspend …", "Si … nous pouvons …")."""
    s = sentence.strip()
    if len(s) <= limit or not (m := _CONDITION_OPEN.match(s)):
        return None
    end = _SENTENCE_END.search(s)
    s = s[:end.start() + 1] if end else s
    total = limit + 30  # both parts readable: a cut main clause says no more than a cut condition
    # after the commas, where a main clause opens with no comma written before it ("…the payment method
    # you gave us we may suspend …", "…, with your permission we may share …"): tried last
    splits = [(comma, 2) for comma in _top_commas(s, m.end())] + [
        (b.start(), 1) for b in _BARE_MAIN.finditer(s, m.end())
        if s[:b.start()].split()[-1].lower().strip("“”\"'") not in _BARE_NOT_BEFORE][:1]
    for comma, gap in splits:
        main = s[comma + gap:].rstrip(" .;:")
        head = main.split(", ", 1)[0].split()
        if _IMPERATIVE.match(main) and len(head) >= 2:
            pass  # "…, contact us by writing to …": what the reader must do
        elif gap == 2 and re.match(r"(?:then|alors|dann)\s+\w", main, re.I) and len(head) >= 3:
            pass  # "…, then as of that date the addendum applies": "then" opens the main clause
        elif len(head) < 2 or not _MAIN_OPEN.match(main) or not has_verb([w.lower().strip(",;:()") for w in head[:12]]):
            continue  # "If you buy A, B or C from X, we …": a list of the condition, not its main clause
        if comma + gap + min(len(main), _MAIN_MIN) <= limit:
            return None  # the main clause shows in a cut at the end
        if not s.lower().startswith("by ") and (lead := _LEAD_IN.match(main)) and lead.group(0).rstrip().endswith("that") \
                and (rest := resolved_start(main[:lead.end()], main[lead.end():])):
            main = rest  # "…, you agree that we may use your photo" → "…, we may use your photo"
        cond = s[:comma]
        if len(cond.split()) < 3:
            return None
        # the condition keeps what it is about ("If you have enrolled in the Continuous Service…")
        main_cut = main if len(main) + min(len(cond), 48) + 2 <= total else one_line(main, total - min(len(cond), 48) - 2)
        cond_cut = one_line(cond, total - len(main_cut) - 2)
        return f"{cond_cut}{', ' if gap == 2 else ' '}{main_cut}"
    return None


_ESCAPED = re.compile(r"\\([_*`#\[\]()\\.!+-])")


def _about(text: str, cats: Sequence[str], limit: int = 90) -> str:
    """``text`` as a quote of at most ``limit`` characters that keeps its point: when it must be
    cut and what makes it a term of its kind (a court or venue, an amount, a period for a term
    about time, else the words of its categories in ``cats``: "arbitration", "train") stands late in it, the
    quote starts a few words before that point ("…heard exclusively by the courts of Dublin,
    Ireland"); else it is cut at its end like ``_snippet``."""
    # a Markdown escape ("zorblio\\_privacy@…") read as the character it escapes, before marks are dropped
    s = _space(_clean_prefix(_ESCAPED.sub(r"\1", plain(_TABLE_MARKS.sub(" ", text)))))
    if len(s) > limit:  # a cut list reads as one ("you will not: resell…"), never "you will not 1. Resell…"
        s = linking_dropped(inline_list(s))
    if len(s) <= limit:
        return s
    at = -1
    if cats[:1] == ("governing-law",) and (m := re.search(_ANCHORS["governing-law"][0], s, re.I)):
        at = m.start()  # "the laws of the State of ...", before any place named
    venue = bool(set(cats[:1]) & {"jurisdiction", "governing-law"})
    kinds = {"money", "percent"} | ({"place"} if venue else set()) | (
        {"duration"} if set(cats[:1]) & _PERIOD_CATS else set())
    facts = [f for f in extract_facts(s) if f.kind in kinds or f.qualifier == "court"]
    facts.sort(key=lambda f: (not (venue and f.kind == "place"), s.find(f.text)))
    if facts and at < 0:
        at = s.find(facts[0].text)
    for pattern in [p for cat in cats for p in _ANCHORS.get(cat, ())] if at < 0 else []:
        quoted = [m for m in re.finditer(pattern, s, re.I)
                  if s[:m.start()].count("“") <= s[:m.start()].count("”")]  # not in a quoted title
        if quoted:
            at = quoted[0].start()
            break
    if at <= _POINT_AT:
        return condition_kept(s, limit) or _snippet(s, limit)
    if (quote := _around(s, at, limit)) is not None:
        return quote
    head = s[:at]
    stop = max(head.rfind(". "), head.rfind("; "), head.rfind(": "))
    lead = " ".join(head[stop + 2 if stop >= 0 else 0:].split()[-_LEAD_WORDS:])
    body = s[max(at - len(lead) - 1, 0) if lead else at:]
    body = body if len(body) <= limit - 1 else one_line(body, limit)
    return "…" + body.lstrip(",;: ").rstrip(" .;:")


# "You and Nimbus agree that ...": who agrees is the contract itself, not the term quoted.
_LEAD_IN = re.compile(r"^(?:(?:you and [^,]{1,30}?|you|we|the parties|each party)\s+(?:each\s+)?(?:hereby\s+)?"
                      r"(?:agree|acknowledge|understand|accept)s?(?:\s+and\s+(?:agree|acknowledge|understand|"
                      r"accept)s?)?\s+(?:that\s+)?)", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z“\"(])")
# Words that turn what follows around ("only", "not"): a quote that skips words keeps them.
LIMITING = frozenset("not no never only solely nor without except unless neither cannot".split())
_CONDITIONAL = frozenset("if when unless where whether because although".split())
_AGREEING = frozenset("agree agrees acknowledge acknowledges understand understands".split())
_NOT_SUBJECT = frozenset("""if when where whenever unless regardless however except even as under subject
notwithstanding in for to with without by after before once although because while whether upon during
following additionally also further furthermore moreover""".split())
_PREPOSITIONS = frozenset("in against by to for with from of on at under within into through as".split())


_JOINED_CLAUSE = re.compile(r"(?:;|,\s+(?:and|but|or|whereas|while|et|mais|ou|und|aber|oder))\s+", re.I)
# the finite verbs of a French or German clause ("tout litige sera tranché", "jeder Streit wird ...")
_FOREIGN_VERBS = frozenset("est sont sera seront peut peuvent doit doivent ist sind wird werden kann können muss "
                           "müssen".split())


def _own_clause(sentence: str, at: int) -> str | None:
    """The clause of ``sentence`` holding its point (offset ``at``) when it is joined to the
    sentence by "; " or ", and/but/or" and has a subject and verb of its own before the point
    ("any dispute arising from them will be settled by ..." of "These terms are governed by ...,
    and any dispute ..."); None otherwise."""
    joins = [m for m in _JOINED_CLAUSE.finditer(sentence, 0, at) if m.end() <= at]
    if not joins:
        return None
    clause = sentence[joins[-1].end():]
    ws = clause.split(" ")
    if not ws or ws[0].lower().strip(",") in _NOT_SUBJECT | _RELATIVE | _CONDITIONAL or ws[0][:1].isdigit():
        return None
    point = len(sentence[joins[-1].end():at].split())
    verb = next((i for i, w in enumerate(ws[:10]) if i and ws[i - 1].lower() != "to"
                 and (re.fullmatch(_MODALS, w.lower()) or w.lower() in _VERBS | _FOREIGN_VERBS)), None)
    if verb is None or verb > point or any(w.endswith((",", ";")) for w in ws[:verb]):
        return None  # no subject and verb of its own before the point ("…, and in any court of X")
    return clause


def _around(s: str, at: int, limit: int) -> str | None:
    """The sentence of ``s`` holding its point (offset ``at``), as a quote of at most ``limit``
    characters that starts where the sentence does: whole when it fits (less a lead-in such as
    "You and X agree that"), else its subject and main verb, "…", and the words before the
    point from the nearest limiting word ("only", "not") or a few words back ("Each may bring
    claims … only in an individual capacity"), cut at its end when still too long. None when the
    sentence has no modal or known verb in its first eight words (no subject to keep)."""
    # a sentence ends where the next starts with a capital ("lit. f GDPR" goes on)
    start = max((m.end() for m in _SENTENCE_END.finditer(s, 0, at)), default=0)
    end = m.start() + 1 if (m := _SENTENCE_END.search(s, at)) else len(s)
    sentence = s[start:end].strip()
    at -= start
    if (m := _LEAD_IN.match(sentence)) and (rest := resolved_start(sentence[:m.end()], sentence[m.end():])) is not None:
        # "You and X agree that each may ..." -> "You and X may each ...": the subject stays readable
        at -= len(sentence) - len(rest)
        sentence = rest[:1].upper() + rest[1:]
    if at < 0:
        return None
    if len(sentence) <= limit:
        return sentence.rstrip(" .;:")
    if at <= _POINT_AT:  # the point comes early in the sentence: cut at its end
        return _snippet(sentence, limit).rstrip(" .;:")
    lead = ""
    if (m := _SUBORDINATE.match(sentence)) and m.end() <= at and \
            (main := resolved_start(sentence[:m.end()], sentence[m.end():])) is not None:
        # the main clause, after its condition ("…Nimbus will notify you", not "…it will notify you")
        at -= len(sentence) - len(main)
        sentence, lead = main, "…"
        if len(sentence) < limit:
            return lead + sentence.rstrip(" .;:")
    if (own := _own_clause(sentence, at)) is not None:
        # the point stands in a clause with its own subject (", and any dispute ... will be settled
        # by arbitration"): that clause, not the sentence's first subject joined to its verb
        return "…" + (own if len(own) <= limit - 1 else one_line(own, limit - 1)).rstrip(" .;:")
    words = sentence.split(" ")
    verb = next((i for i, w in enumerate(words[:24]) if i and words[i - 1].lower() != "to"  # "to have": no main verb
                 and (re.fullmatch(_MODALS, w.lower()) or w.lower() in _VERBS)
                 and not any(x.lower().strip(",") in _RELATIVE | _CONDITIONAL for x in words[max(0, i - 6):i])), None)
    if verb is None:
        return None
    subject = words[:verb]
    cut = next((j for j in range(1, min(verb, 5)) if words[j].lower() in _PREPOSITIONS | _RELATIVE | {"between", "arising"}),
               None) if len(" ".join(subject)) > 30 else None
    kept = subject[:cut] if cut is not None else subject
    if words[0].lower().strip(",") in _NOT_SUBJECT or any(w.endswith((",", ";", ":")) or w.lower() in _AGREEING
                                                         for w in kept):
        return None  # an opening phrase ("Regardless of ...,", "However,", "X agree that"), no subject to keep
    # a long subject keeps its head noun ("Any disagreement … will be settled by arbitration")
    if cut is None and verb > 8:
        return None  # a subject too long to keep or to shorten
    if cut is not None:
        subject = words[:cut] + ["…"]
    predicate = verb
    while verb + 1 < len(words) and (re.fullmatch(_MODALS, words[verb + 1].lower())
                                     or words[verb + 1].lower() in _BE | {"not", "also", "be", "been"}):
        verb += 1  # "will not be"
    head_end = verb + 1  # the verb and up to four words of its object ("bring claims", "has the possibility")
    for k, w in enumerate(words[verb + 1:verb + 5]):
        if (w.lower() in _PREPOSITIONS | LIMITING or w.lower() in ("and", "or")) and not (k == 0 and w.lower() == "to"):
            break  # "agrees not to seek": the infinitive is the verb
        head_end += 1
        if w.endswith((",", ";")):
            break
    if len(" ".join(subject + words[predicate:head_end])) > 0.45 * limit:
        # a long object gives way to the point ("Zoosk Coins … are … non-refundable"), a modal keeps its verb
        modal = re.fullmatch(_MODALS, words[verb].lower()) or words[verb].lower() in _BE | {"be", "been"}
        head_end = min(head_end, verb + (2 if modal else 1))
    point = len(sentence[:at].split())
    if len(" ".join(words[:point + 3])) <= _POINT_AT + 20:  # the point comes early enough: cut at the end
        return lead + _snippet(sentence, limit - len(lead)).rstrip(" .;:")
    first = max(point - _LEAD_WORDS, head_end)
    for i in range(point - 1, max(point - 13, head_end - 1), -1):  # within the point's own clause
        if words[i].lower().strip(",;") in LIMITING:
            first = i
            break
        if words[i].endswith((",", ";")):
            break
    while first > head_end + 1 and (re.fullmatch(_MODALS, words[first - 1].lower())
                                    or words[first - 1].lower() in _BE | {"be", "been", "being", "not"}):
        first -= 1  # "… shall be resolved by", never "… resolved by": a verb keeps its auxiliaries
    head = " ".join(subject + words[predicate:head_end])
    gap = first > head_end + 1
    if gap and cut is not None:  # two cuts in one quote read as fragments: one, if the point still fits
        gap = False
        if len(" ".join(subject + words[predicate:point + 1])) > limit - 2:
            return None
    if not gap and cut is None:
        return lead + _snippet(sentence, limit - len(lead)).rstrip(" .;:")
    tail = " ".join(words[first if gap else head_end:]).rstrip(" .;:")
    head = lead + head.rstrip(",;:") + (" …" if gap else "")
    room = limit - len(head) - 1
    if len(tail) > room:
        tail = one_line(tail, room)
    return f"{head} {tail}"


def _under(lead: str, lead_in: str, limit: int = 50) -> str:
    """``lead`` ("New", "Removed") for a list item, followed by the lead-in of its list: an item
    read alone says the opposite of its list ("New: use bots or scrapers" under "You must not:")."""
    said = _space(plain(lead_in)).rstrip(" :;,—-")
    if not said:
        return lead
    if len(said) > limit:  # its first words say who and what ("You must not", "We won't be responsible"), its last ones how
        ws = said.split()
        said = " ".join(ws[:6]) + " … " + " ".join(ws[-4:]) if len(ws) > 11 else "…" + said[-limit:].split(" ", 1)[-1]
    return f"{lead} item under “{said}”"


# Categories whose term names a topic ("choice of court", "refund restriction"); the others name a
# power over the user ("termination right", "data use", "limit of liability"): only a watch-out is one.
_TOPIC_NAMES = frozenset({"jurisdiction", "governing-law", "arbitration", "class-action", "refunds", "pricing",
                          "payment", "subscription", "eligibility", "usage-rules"})
_MONEY_WORD = re.compile(r"\d\s?(?:€|\$|£|%|eur\b|euros?\b|chf\b)|[€$£]\s?\d|\b(?:payant|frais|prix|tarif|kosten|"
                         r"gebühr|preis|entgelt)", re.I)


# a list marker alone: a roman numeral, one letter or a number ("ii", "b", "3")
_ENUMERATOR = re.compile(r"(?i:[ivx]{1,4}|[a-h]|\d{1,2})")


def _quoted(lead: str, text: str, cats: Sequence[str], watch: bool = True) -> str:
    """A clause added or removed whole, quoted after ``lead`` ("New: All disputes ..."). A French
    or German clause that is a watch-out (``watch``: ``cats`` are its watch-outs, not only its
    topics) is named in English by its category's term and quoted in guillemets ("Removed choice
    of court: « Tout litige peut être porté devant les tribunaux… »"), so that a reader of the
    English explanation knows what it was; any other is only quoted ("New: « … »")."""
    from tracker.analysis.headline import term_name  # headline imports no analysis module

    # named by the watch-out the clause's own words are most about, never by a topic ("New
    # termination right" for a sentence on cookies), nor by one it does not speak of ("Removed
    # choice of law" for a sentence that limits liability "as far as the law allows", "charge"
    # for a period of validity): a topic word said in passing, or two topics alike, name none
    foreign = is_foreign(text)  # (asked once: a search for function words over the whole clause)
    scores = category_scores(text) if foreign and " item under " not in lead else {}
    spoken = sorted((c for c in cats if scores.get(c, 0) >= 1 and term_name(c, text)), key=lambda c: -scores[c])
    if spoken and (len(spoken) == 1 or scores[spoken[0]] > scores[spoken[1]]) \
            and (watch or spoken[0] in _TOPIC_NAMES) and (spoken[0] != "pricing" or _MONEY_WORD.search(text)):
        return f"{lead} {term_name(spoken[0], text)}: « {_about(text, cats)} »"
    if foreign:
        return f"{lead}: « {_about(text, cats)} »"
    return f"{lead}: {_about(text, cats)}"


# A word before a period that only says it lasts that long ("for 10 years", "pendant 10 ans", "für 10
# Jahre", "durante 10 años"): the same period as one said without it ("a total period of 10 years").
# "within", "at least", "up to", "after" change what a period means and stay.
_SPAN_WORDS = frozenset({"for", "during", "pendant", "durant", "für", "während", "durante", "por", "per"})


def _key(f: Fact) -> tuple[str, str, str]:
    """A fact as compared between two versions: its kind, value and qualifier, a period's
    qualifier that only says how long it lasts (``_SPAN_WORDS``) set aside."""
    if f.kind == "duration" and f.qualifier.lower() in _SPAN_WORDS:
        return (f.kind, f.value, "")
    return (f.kind, f.value, f.qualifier)


def _masked(text: str, facts: tuple[Fact, ...]) -> str:
    """The text with its significant facts replaced by a placeholder."""
    for f in sorted((f for f in facts if f.kind in _SIGNIFICANT), key=lambda f: -len(f.text)):
        text = text.replace(f.text, "#")
    return re.sub(r"#(?:[\s,]*#)+", "#", text)


def _changed_pairs(before: list[Fact], after: list[Fact], before_text: str,
                   after_text: str) -> list[tuple[Fact | None, Fact | None]]:
    """Significant facts that differ, paired by kind: (old, new), either side may be None."""
    pairs: list[tuple[Fact | None, Fact | None]] = []
    for kind in _SIGNIFICANT:
        old = [f for f in before if f.kind == kind and _key(f) not in {_key(g) for g in after}]
        new = [f for f in after if f.kind == kind and _key(f) not in {_key(g) for g in before}]
        if kind == "place":
            old, new = _principal(old, before_text), _principal(new, after_text)
            # a place is paired with a place of the same role: a law with a law, courts with
            # courts ("the laws of Delaware" never replaces "the courts in Portland, Oregon")
            roles_old = [_place_role(f, before_text) for f in old]
            roles_new = [_place_role(f, after_text) for f in new]
            used: set[int] = set()
            gone: list[tuple[Fact | None, Fact | None]] = []
            for f, role in zip(old, roles_old):
                j = next((j for j, r in enumerate(roles_new) if r == role and j not in used), None)
                if j is not None:
                    used.add(j)
                    pairs.append((f, new[j]))  # a value replaced first: it is said as a change
                else:
                    gone.append((f, None))
            pairs += gone + [(None, f) for j, f in enumerate(new) if j not in used]
            continue
        if kind == "duration" and old and new:
            old, new = _same_lengths_dropped(old, new)
        if kind == "age" and (old or new):
            old, new = _same_minimum_dropped(old, new, before_text, after_text)
        for i in range(max(len(old), len(new))):
            pairs.append((old[i] if i < len(old) else None, new[i] if i < len(new) else None))
    return pairs


_ISO_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}
_TIME_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}


def duration_days(value: str) -> float | None:
    """A duration fact's value ("P1Y", "PT24H", "P2W") as a number of days, None when it is not
    one such value ("P1Y6M" adds its parts)."""
    if not value.startswith("P"):
        return None
    date, _, time = value[1:].partition("T")
    total, seen = 0.0, False
    for part, units in ((date, _DAYS), (time, _TIME_DAYS)):
        for m in _ISO_PART.finditer(part):
            total, seen = total + float(m.group(1)) * units[m.group(2)], True
    return total if seen else None


# Ways of saying "this age or older": "at least 16", "over the age of 16", "16 years of age",
# "16 or older", "minimum age 16", "mindestens 16", "au moins 16 ans" (taken as one minimum age, as
# readers and drafters do).
_AT_LEAST = frozenset(("", "at least", "over", "above", "minimum", "older than", "mindestens", "au moins"))
# ... and the forms the fact extraction leaves out: "aged 16 or over", "16 and above", "16+".
_MORE_MIN_AGES = re.compile(r"\b(?:aged\s+)?(\d{1,2})\s+(?:years?\s+)?(?:or|and)\s+(?:over|older|above|up)\b|"
                            r"\b(\d{1,2})\s*\+(?!\s*\d)|\b(\d{1,2})\s+ans\s+(?:ou|et)\s+plus\b|"
                            r"\b(\d{1,2})\s+jahre\s+(?:oder|und)\s+älter\b", re.I)


def minimum_ages(facts: Sequence[Fact], text: str) -> set[str]:
    """The minimum ages ``text`` states: its age facts whose qualifier means "this age or older",
    and the forms ``_MORE_MIN_AGES`` finds ("aged 16 or over", "16+")."""
    found = {f.value for f in facts if f.kind == "age" and f.qualifier in _AT_LEAST}
    return found | {next(g for g in m.groups() if g) for m in _MORE_MIN_AGES.finditer(text)}


def _same_minimum_dropped(old: list[Fact], new: list[Fact], before: str,
                          after: str) -> tuple[list[Fact], list[Fact]]:
    """The same minimum age said another way ("at least 16" / "16 years of age or older" / "aged
    16 or over") is one term: such ages are dropped from both sides."""
    same = minimum_ages(old, before) & minimum_ages(new, after) if old and new else set()
    if not (old and new):  # the other side's form is one the fact extraction leaves out
        same = minimum_ages(old or new, before if old else after) & minimum_ages((), after if old else before)

    def kept(facts: list[Fact]) -> list[Fact]:
        return [f for f in facts if not (f.value in same and f.qualifier in _AT_LEAST)]

    return kept(old), kept(new)


def _same_lengths_dropped(old: list[Fact], new: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Durations written in another unit with the same length ("1 year" / "365 days", "1 day" /
    "24 hours", "2 weeks" / "14 days", "13 months" / "395 days": within 2%) are one term: dropped
    in pairs from both sides, with the same qualifier."""
    left = list(new)
    kept_old = []
    for f in old:
        days = duration_days(f.value)
        twin = next((g for g in left if days and g.qualifier == f.qualifier and (other := duration_days(g.value))
                     and abs(other - days) <= 0.02 * max(days, other)), None)
        if twin is None:
            kept_old.append(f)
        else:
            left.remove(twin)
    return kept_old, left


def _place_role(f: Fact, text: str) -> str:
    """What a place is named for in ``text``: "court", "law" (the law of the contract),
    "arbitration" (where it is held), else "" (a seat, an address, a place in passing)."""
    if f.qualifier:
        return f.qualifier
    flat = plain(text)
    if any(f.value == p or p in f.value.split(", ") for p in law_places(flat)):
        return "law"
    at = flat.find(f.text)
    if at > 0 and re.search(r"\b(?:arbitra\w*|mediat\w*)\b[^.;]{0,60}$", flat[:at], re.I):
        return "arbitration"
    return ""


def _principal(facts: list[Fact], text: str) -> list[Fact]:
    """Places as venues: a court's venue supersedes the names inside it, and adjacent names
    ("San Francisco, California") are one place."""
    courts = [f for f in facts if f.qualifier == "court"]
    inside = {n for c in courts for n in c.value.split(", ")}
    if inside:  # the law of the contract is named for itself, even when the courts sit there too
        inside -= set(law_places(plain(text)))
    rest = sorted((f for f in facts if f.qualifier != "court" and f.value not in inside),
                  key=lambda f: text.find(f.text))
    merged: list[Fact] = []
    for f in rest:
        prev = merged[-1] if merged else None
        if prev and not prev.qualifier and not f.qualifier:
            between = text[text.find(prev.text) + len(prev.text):text.find(f.text)]
            if re.fullmatch(r"\s*(?:,|and)\s*", between):
                merged[-1] = Fact("place", f"{prev.text}{between}{f.text}",
                                  f"{prev.value}, {f.value}")
                continue
        merged.append(f)
    return courts + merged


def _modal_change(before: list[Fact], after: list[Fact]) -> tuple[set[str], set[str]]:
    """Modal words that changed on the same verb ('will notify' → 'may notify'), and
    negations or discretion words ('without notice') added or removed."""
    def modals(fs: list[Fact]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for f in fs:
            if f.kind == "modality" and f.qualifier:
                out.setdefault(f.qualifier, set()).add(f.value)
        return out

    def others(fs: list[Fact]) -> set[str]:
        return {f.value for f in fs if f.kind == "negation" or
                (f.kind == "modality" and not f.qualifier)}
    mb, ma = modals(before), modals(after)
    added, removed = others(after) - others(before), others(before) - others(after)
    for verb in mb.keys() & ma.keys():
        new, old = ma[verb] - mb[verb], mb[verb] - ma[verb]
        if _same_force(new, old):
            continue  # "shall survive" → "will survive": drafting style, not a new duty
        added |= {f"{m} {verb}" for m in new}
        removed |= {f"{m} {verb}" for m in old}
    return added, removed


# "shall" is drafting style for "will" (a statement) or "must" (a duty).
_SAME_FORCE = [{"shall", "will"}, {"shall", "must"}, {"shall not", "will not"},
               {"shall not", "must not"}, {"shall not", "may not"},
               # "you can cancel" and "you may cancel" give the same permission
               {"can", "may"}, {"can not", "may not"}]


def _same_force(new: set[str], old: set[str]) -> bool:
    return len(new) == 1 and len(old) == 1 and (new | old) in _SAME_FORCE


# --- document context ----------------------------------------------------------------------------
@dataclass
class DocContext:
    """The two whole versions a change is judged against, and what the whole diff shows: names
    replaced throughout (renames) and changes of the contracting party.

    ``renames`` maps (old words, new words) to "rename", "party" or "recipient" (another company
    that receives or processes the users' data, ``find_renames``)."""

    old_text: str
    new_text: str
    renames: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = field(default_factory=dict)
    names: frozenset[str] = frozenset()  # new names put in place of another wording throughout (stems)
    _indexes: tuple[DocIndex, DocIndex, Glue, Glue] | None = None
    _deltas: dict[tuple[str | None, str | None], Delta] = field(default_factory=dict)
    watched: dict[str, bool] = field(default_factory=dict)  # category -> still a watch-out (``_still_watched``)
    plan_prices: dict[str, str] | None = None  # section title -> its plan's price line (``_plan_price``)

    @classmethod
    def of(cls, old: str, new: str) -> "DocContext":
        """The context of two versions; they are indexed on first use (a diff of cosmetic
        changes only never needs it)."""
        return cls(old, new)

    def _index(self) -> tuple[DocIndex, DocIndex, Glue, Glue]:
        """Both versions indexed (one pass over each); a space lost at a line break on either
        side is put back before comparing."""
        if self._indexes is None:
            io, inew = DocIndex.of(self.old_text), DocIndex.of(self.new_text)
            go, gn = glued_words(io, inew), glued_words(inew, io)
            self._indexes = (unglued(io, go), unglued(inew, gn), go, gn)
        return self._indexes

    @property
    def old(self) -> DocIndex:
        return self._index()[0]

    @property
    def new(self) -> DocIndex:
        return self._index()[1]

    def sentences(self, side: str) -> list[tuple[str, frozenset[str]]]:
        """The sentences of one whole version ("old" or "new"), each with its content stems
        (see ``stem``), computed on first use."""
        return self.sentence_table(side).sentences

    def sentence_table(self, side: str) -> "_SentenceTable":
        """The sentences of one whole version with an index by stem (``_SentenceTable``)."""
        return _sentence_table(self.old_text if side == "old" else self.new_text)

    def delta(self, before: str | None, after: str | None) -> Delta:
        key = (before, after)
        got = self._deltas.get(key)
        if got is None:
            io, inew, go, gn = self._index()
            got = self._deltas[key] = delta(before, after, io, inew, go, gn)
        return got


# Where a whole version is cut into sentences to find a restatement: a sentence end, or a line
# break (list items and table rows are sentences of their own).
# (The look-ahead only says what every match starts with, white space: the engine tries the
# alternatives at those places only, twice as fast over a whole version, the same cuts.)
_SENTENCE_CUT = re.compile(r"(?=\s)(?:(?<=[.!?;])\s+|\s*\n\s*)")
RESTATED = 0.8  # share of a sentence's content stems another sentence must have to restate it


class _SentenceTable:
    """The sentences of one whole version (cut by ``_SENTENCE_CUT``, those of 3 words or more),
    each with its content stems, and which sentences hold each stem.

    ``restatement`` asks, for every sentence a change removes or adds, which sentences of a whole
    version share most of its stems: scanning them all made that cost grow with the document's
    length (a long document's removed clause compared with each of its thousands of sentences).
    The index answers from the sentences that hold one of its rarest stems, with the same result."""

    __slots__ = ("sentences", "_postings")

    def __init__(self, text: str) -> None:
        self.sentences: list[tuple[str, frozenset[str]]] = []
        for piece in _SENTENCE_CUT.split(text):
            stems = _piece_stems(piece)
            if stems is not None:
                self.sentences.append((piece, stems))
        self._postings: dict[str, list[int]] | None = None

    def sharing(self, mine: frozenset[str] | set[str], need: float) -> list[tuple[str, frozenset[str]]]:
        """The sentences (in document order) that share at least ``need`` (> 0) of the stems
        ``mine``. A sentence sharing ``need`` of them lacks at most ``len(mine) - need`` of them, so
        it holds at least one of any ``len(mine) - need + 1`` of them: only the sentences holding
        one of the rarest that many are compared."""
        if self._postings is None:
            postings: dict[str, list[int]] = {}
            for i, (_, stems) in enumerate(self.sentences):
                for s in stems:
                    postings.setdefault(s, []).append(i)
            self._postings = postings
        lacking = len(mine) - math.ceil(need)  # stems a sentence may lack and still share ``need``
        if lacking < 0:
            return []
        empty: list[int] = []
        rare = sorted((self._postings.get(s, empty) for s in mine), key=len)[:lacking + 1]
        seen = sorted(set().union(*rare)) if rare else []
        out = []
        for i in seen:
            text, stems = self.sentences[i]
            if len(mine & stems) >= need:
                out.append((text, stems))
        return out


@lru_cache(maxsize=16384)
def _piece_stems(piece: str) -> frozenset[str] | None:
    """The content stems of one sentence of a ``_SentenceTable``, None for a sentence of fewer
    than 3 words (left out). Kept by sentence: two versions of a document share nearly all their
    sentences, so a version's table reuses what the one before it computed."""
    ws = words(piece)
    return frozenset(stem(w) for w in ws if is_content_word(w)) if len(ws) >= 3 else None


@lru_cache(maxsize=4)
def _sentence_table(text: str) -> _SentenceTable:
    """A version's ``_SentenceTable``, kept for the last few texts: walking a history judges each
    version twice (as the new side of a pair, then as the old side of the next)."""
    return _SentenceTable(text)


def restatement(sentence: str, ctx: DocContext, side: str) -> str:
    """A sentence of the ``side`` version ("old" or "new") that restates ``sentence``: it has
    at least ``RESTATED`` of its content stems (at least four of them, and none missing that names
    a topic or bounds a term), the same negations, its modal verbs and its amounts, periods and
    ages; "" when none does. A duplicated clause kept once,
    or a removed sentence that a bullet elsewhere still says, is not gone from the terms."""
    ws = words(sentence)
    mine = {stem(w) for w in ws if is_content_word(w)}
    if len(mine) < 4:
        return ""
    negations = {w for w in ws if w in _NEGATIONS}
    modals = {w for w in ws if w in MODALS}
    facts: set[tuple[str, str]] | None = None  # read at the first candidate: most sentences have none
    need = RESTATED * len(mine)
    for text, stems in ctx.sentence_table(side).sharing(mine, need):
        if not mine <= stems and _has_sibling(text, sentence, ctx, side):
            # that sentence had its own counterpart beside this one ("...the UK authority" and
            # "...the French authority"; "this URL" and "this domain data"): the words that set
            # them apart are the term, and this one's are gone
            continue
        other = words(text)
        if {w for w in other if w in _NEGATIONS} != negations or not modals <= set(other):
            continue
        if facts is None:
            facts = {(f.kind, f.value) for f in extract_facts(sentence) if f.kind in ("money", "percent", "duration", "age")}
        if facts and not facts <= {(f.kind, f.value) for f in extract_facts(text)}:
            continue
        missing = " ".join(w for w in ws if is_content_word(w) and stem(w) not in stems)
        if missing and (set(category_scores(missing)) - {"other"} or _LEGAL_WORDS.search(missing)):
            continue  # a word that names a topic or bounds a term is missing: not the same term
        return text
    return ""


def _has_sibling(text: str, sentence: str, ctx: DocContext, side: str) -> bool:
    """Whether ``text`` (a sentence of the ``side`` version) has a counterpart of its own in the
    other version, other than ``sentence``: it is there unchanged, or another sentence there
    has nearly all its content stems."""
    other = "old" if side == "new" else "new"
    mine = frozenset(stem(w) for w in words(text) if is_content_word(w))
    if not mine:
        return False
    own = frozenset(stem(w) for w in words(sentence) if is_content_word(w))
    # (a sentence with exactly ``own``'s stems never counts, whether or not it is ``sentence``)
    return any(stems != own for _, stems in ctx.sentence_table(other).sharing(mine, RESTATED * len(mine)))


_NEGATIONS = frozenset("not no never without none nor ne pas jamais aucun aucune nicht kein keine "
                       "keinen niemals ohne".split())
# The parties' own words, which a swap of who holds a right may change besides the pronoun itself
_PARTY_PRONOUNS = frozenset("you your yours we us our ours either both each party parties only vous votre vos "
                            "nous notre nos chaque partie parties seul seuls sie ihr ihre ihren ihrem ihrer "
                            "wir uns unser unsere unseren unserem unserer du dein deine jede partei parteien "
                            "nur".split())


# A number with a magnitude or unit glued to it ("10m", "5k", "2gb", "100mb", "1.5tb", "30s"):
# a quantity, never a name, however it is capitalised
_QUANTITY = re.compile(r"\d[\d.,]*(?:[a-zµ]{1,4}|[kmbgt]i?b?)")


def _counts_or_parties(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether a replaced run holds a number in words or a unit of time ("dreißig Tagen" →
    "drei Monaten", "thirty days" → "six months"), or puts one party's pronoun for the other's
    ("You" → "We", "Either party" → "Only we"): a term or a right changing hands, never a name
    replaced throughout. A company's name put for "we" ("Comcast" → "We") stays a rename."""
    from tracker.analysis.facts import number
    from tracker.analysis.facts_eu import word_number

    o, n = set(old), set(new)
    if o & _USER_WORDS and n & _PROVIDER_WORDS or o & _PROVIDER_WORDS and n & _USER_WORDS:
        return True
    for w in old + new:
        if w in ("a", "an", "un", "une", "ein", "eine"):
            continue
        if number(w) is not None or word_number(w) is not None:
            return True
        if _QUANTITY.fullmatch(w) or w in _DATA_UNITS and w != "b":
            return True  # "10M" → "5M", "2GB" → "500MB", "2 TB" → "2 GB": an amount with its magnitude or unit
        if re.fullmatch(r"(?:days?|weeks?|months?|years?|hours?|jours?|semaines?|mois|ans?|années?|heures?|"
                        r"tage?n?|wochen?|monate?n?|jahre?n?|stunden?)", w):
            return True
    return False


# Words that say when, why or how far a term applies (a condition, a reason, discretion, a
# breach): never a name, capitalised or not (German nouns are: "nach eigenem Ermessen").
_CONDITION_WORDS = re.compile(
    r"(?:discretion\w*|reasons?|cause|violat\w*|breach\w*|infring\w*|judg\w*|opinion|deem\w*|"
    r"circumstances?|purposes?|"
    r"discrétion\w*|raisons?|motifs?|causes?|enfrei\w*|manquement\w*|appréciation|"
    r"ermessen\w*|gründen?|grund|anlass|verstoß\w*|verstöß\w*|verletz\w*|zwecke?n?|umstände\w*)")


# Classes of recipients or parties a term reaches (data shared with "Partners" or "Advertisers").
# (nouns only: "affiliated applications" names no one who gets anything)
_RECIPIENT = re.compile(r"(advertiser|partner|affiliate|broker|vendor|processor|subprocessor|marketer|"
                        r"sponsor|contractor|subcontractor|government|authorit|annonceur|partenaire|"
                        r"sous-traitant|werbepartner|werbetreibende|dienstleister|behörde)(?:s|ies|y|n|en|r)?")


_SAME_CLASS = {"contractor": "processor", "vendor": "processor", "dienstleister": "processor",
               "sous-traitant": "processor"}


def _recipients(ws: tuple[str, ...]) -> frozenset[str]:
    """The recipient classes (``_RECIPIENT``, by stem) among words ``ws``."""
    # ("sub-processors", "subcontractors" and "data processors" are one class: those who process
    # for the provider, whoever engages them)
    return frozenset(_SAME_CLASS.get(c, c) for w in ws if (m := _RECIPIENT.fullmatch(w))
                     for c in [m.group(1).removeprefix("sub")])


def _name_like(toks: Sequence[Token], text: str, a: int, b: int, other: tuple[str, ...] = ()) -> bool:
    """Whether tokens [a, b) of ``text`` can be a name put for another one (``other``, the words
    of the other side): each content word written with a capital (or a digit), or said on the
    other side in another form ("Quenton Labs reserves" → "We reserve"). A run with a new
    lower-case word ("content that violates these Terms", "sole discretion") says what a term
    covers or when it applies; replacing it changes the term, whatever the case of its other words."""
    kept = {stem(w) for w in other}
    for t in toks[a:b]:
        if not is_content_word(t.norm) or t.norm in PLACEHOLDERS:
            continue
        word = text[t.start:t.end]
        if not (word[:1].isupper() or word[:1].isdigit() or stem(t.norm) in kept):
            return False
    return True


def find_renames(deltas: list[Delta], ctx: DocContext) -> dict[tuple[tuple[str, ...], tuple[str, ...]], str]:
    """Names replaced throughout: the same short capitalised span replaced by another in two or
    more places, or once when neither side occurs elsewhere in the other version ("GraphCMS" →
    "Hygraph", "IDB" → "IPinfo"). A replacement that touches a company's legal form ("Ltd" →
    "PTE. LTD.") is a change of the contracting party ("party"), never a rename, unless the same
    postal address follows both names (the company renamed where it stands)."""
    counts: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    cased: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
    party: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    same_company: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    corp = corporate_words()
    heads: dict[tuple[tuple[str, ...], tuple[str, ...]], set[str]] = {}  # the word after, when both keep it
    named: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
    recipients: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # a name where data is sent or processed
    for d in deltas:
        for (i1, i2), (j1, j2) in d.replaced:
            if i2 - i1 > 4 or j2 - j1 > 4:
                continue
            if not (all(i in d.dels for i in range(i1, i2)) and all(j in d.ins for j in range(j1, j2))):
                continue
            o = tuple(t.norm for t in d.before[i1:i2])
            n = tuple(t.norm for t in d.after[j1:j2])
            if any(w in MODALS or w in _NEGATIONS or w in _NEGATING or w.isdigit() or w in PLACEHOLDERS for w in o + n):
                continue
            if _counts_or_parties(o, n):
                continue
            old_text, new_text = d.run_text("dels", (i1, i2)), d.run_text("ins", (j1, j2))
            key = (o, n)
            legal_form = any(w in corp for w in o + n)
            if not legal_form and (any(_CONDITION_WORDS.fullmatch(w) for w in o + n)
                                   or _recipients(o) != _recipients(n)):
                # "violates these Terms" → "sole discretion", "Partners" → "Advertisers": a condition
                # or the people a term reaches changed, not a name
                continue
            if not legal_form and any(f.kind == "place" for side in (old_text, new_text)
                                      for f in extract_facts(f"in {side}")):
                continue  # a venue or a country is a fact, never a mere name
            if not legal_form and any(nation(w) for w in o + n):
                continue  # "French law" → "Irish law": a nation's adjective names a country too
            if not legal_form and any(f.kind == "place" and f.qualifier == "court" and old_text in f.text
                                      for f in extract_facts(d.before_text)):
                continue  # "the courts of Lisbon" → "Porto": a court's city no list knows
            if legal_form and not (any(w in corp for w in o) and any(w in corp for w in n)):
                legal_form = False  # one company named where another word was: not a new party
                if any(f.kind == "place" for side in (old_text, new_text) for f in extract_facts(f"in {side}")):
                    continue
            if legal_form:
                if _legal_form(o) == _legal_form(n) or _same_seat(d, i2, j2) or _converted_form(o, n):
                    # "Ltd" spelled out as "Limited"; or the company renamed where it stands
                    # ("Twitter, Inc., 1355 Market Street" → "X Corp., 1355 Market Street"), or
                    # converted to another form of its country under its own name
                    same_company.add(key)
                else:
                    party.add(key)
            counts[key] = counts.get(key, 0) + 1
            cased[key] = cased.get(key, False) or any(c.isupper() for c in old_text + new_text)
            # a capitalised rename is names on both sides, each time ("Terms" beside a lower-case verb is none)
            # a name for a name, in one place at least: both sides written as names, or one a name and
            # the other a single word (a brand written in lower case: "AcuityAds" → "illumin")
            sides = (_name_like(d.before, d.before_text, i1, i2, n), _name_like(d.after, d.after_text, j1, j2, o))
            single = sum(map(is_content_word, o)) <= 1 if sides[1] else sum(map(is_content_word, n)) <= 1
            named[key] = named.get(key, False) or legal_form or all(sides) or any(sides) and single
            nb = d.before[i2].norm if i2 < len(d.before) else ""
            heads.setdefault(key, set()).add(nb if j2 < len(d.after) and d.after[j2].norm == nb else "")
            if not legal_form and not set(o) & set(n) and (
                    _recipient_role(d.before_text, d.before[i1].start, d.before[i2 - 1].end)
                    or _recipient_role(d.after_text, d.after[j1].start, d.after[j2 - 1].end)):
                recipients.add(key)
    out = {}
    terms: set[tuple[str, ...]] = set()  # the new terms of lower-case renames, whole
    for key, k in counts.items():
        o, n = key
        if key in same_company:
            out[key] = "rename"
        elif key in party:
            out[key] = "party"
        elif cased[key] and named[key] and (k >= 2 or (not ctx.new.has(o) and not ctx.old.has(n))) \
                and not _no_name(o, n, k, ctx):
            # a company that gets the users' data replaced by another one ("shares the data with
            # Acme, who acts as our processor" → "with Bolt"): a new recipient of the data, not a
            # rename, unless either name is the provider's own (said throughout its text: the
            # provider or its product rebranded, "AcuityAds" → "illumin")
            out[key] = ("recipient" if key in recipients and not _own_name(o, ctx.old_text)
                        and not _own_name(n, ctx.new_text) else "rename")
        elif k >= 3 and len(heads[key]) == 1 and not ctx.new.has(o + (h := tuple(heads[key] - {""}))) \
                and not ctx.old.has(n + h):
            # a term of the text replaced by another everywhere ("sub-processors" → "data
            # processors" 4 times, read with the noun both keep; the old term gone and the new one
            # unknown before): a defined term renamed, lower case or not
            out[key] = "rename"
            terms.add(n + h)
    for key in counts.keys() - out.keys():
        o, n = key
        if n in terms and len(o) == 1 and key not in party and not ctx.new.has(o):
            out[key] = "rename"  # another old name of the same thing ("subcontractors"), now the new term too
        elif key not in party and _respelled_rename(o, n, out):
            out[key] = "rename"
        elif key not in party and counts[key] >= 3 and _settled_wording(o, n, heads[key], ctx):
            out[key] = "rename"
    return out


# Words that bound what a term covers: one put for another is never a rename ("paid plans" → "all
# plans", "personal data" → "data")
_BOUNDING = frozenset("""all any some only personal paid free certain each every other others another
such these those this that more less most least new existing additional limited full partial
basic standard premium pro plus business enterprise individual commercial public private
hourly daily weekly monthly quarterly yearly annual annually minimum maximum higher lower greater smaller
first last prior later required optional mandatory voluntary""".split())
# A word used as a noun somewhere in a text: after an article or a possessive
_AS_NOUN = r"\b(?:the|a|an|your|our|their|its|this|that|each|any|le|la|les|l|un|une|votre|notre|vos|nos|der|die|das|den|" \
           r"dem|des|ein|eine|einen|ihr|ihre|ihren|unser|unsere)\W+{}\b"


def _settled_wording(old: tuple[str, ...], new: tuple[str, ...], heads: set[str], ctx: DocContext) -> bool:
    """Whether ``old`` → ``new`` (one lower-case word for another, replaced 3 or more times, each
    time before a word both sides keep: ``heads``) settles a document on one of two wordings it
    used for one thing ("membership fee" → "subscription fee", where the old text already said
    "subscription fee" once): the old word is gone from the new text before each of those words,
    the new one was said before one of them (a content word) in the old text already, both are
    nouns of one legal topic, and the two are never set side by side as alternatives
    ("membership or subscription") in either text. Words that bound a term (``_BOUNDING``: "paid",
    "monthly", "optional") or their opposites ("unlimited") never settle anything."""
    if len(old) != 1 or len(new) != 1 or "" in heads or not heads:
        return False
    o, n = old[0], new[0]
    if not (o.isalpha() and n.isalpha() and is_content_word(o) and is_content_word(n)) \
            or {o, n} & (_BOUNDING | _CLOSED_CLASS):
        return False
    short, long_ = sorted((o, n), key=len)
    if long_.endswith(short) and long_[:-len(short)] in ("un", "non", "in", "im", "ir", "il", "dis"):
        return False  # "limited" / "unlimited": the opposite, never another wording
    if set(category_scores(o)) != set(category_scores(n)) or _topical([o]) != _topical([n]):
        return False  # "arbitration" → "court": another legal topic
    if any(ctx.new.has((o, h)) for h in heads) or not any(ctx.old.has((n, h)) for h in heads if is_content_word(h)):
        return False
    texts = (ctx.old_text, ctx.new_text)
    if not all(any(re.search(_AS_NOUN.format(w), t, re.I) for t in texts) for w in (o, n)):
        return False  # a verb or an adjective put for another ("sell" → "share") says what is done
    pair = rf"(?:{o}\W+(?:(?:and|or|and/or|nor|vs|versus)\W+)?{n}|{n}\W+(?:(?:and|or|and/or|nor|vs|versus)\W+)?{o})"
    return not any(re.search(rf"\b{pair}\b", t, re.I) for t in texts)


def _respelled_rename(old: tuple[str, ...], new: tuple[str, ...],
                      found: dict[tuple[tuple[str, ...], tuple[str, ...]], str]) -> bool:
    """Whether ``old`` → ``new`` (a replaced run ``find_renames`` did not call a rename on its
    own) is a rename it found, with the new name mistyped in this one place ("Facebook" →
    "Meeta" beside 38 "Facebook" → "Meta"): the same old name, the new one a spelling variant
    (``respelled``). ``found`` maps the renames found so far to their kind."""
    from tracker.analysis.novelty import respelled

    return any(what == "rename" and o == old and n != new and respelled(n, new)
               for (o, n), what in found.items())


# Words of a closed class, capitalised or not: weekdays, months, seasons and units. One put for
# another ("Monday to Friday" → "Monday to Saturday", "June" → "July") changes when or how much,
# never a name.
_CLOSED_CLASS = frozenset("""monday tuesday wednesday thursday friday saturday sunday weekday weekdays weekend weekends
tue tues thu thur thurs
january february march april june july august september october november december
jan feb apr jun jul aug sept oct nov dec spring summer autumn winter
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier mars avril mai juin juillet août aout
septembre octobre novembre décembre decembre montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
januar februar märz maerz juni juli oktober dezember lunes martes miércoles miercoles jueves viernes sábado sabado
domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
morning afternoon evening night midnight noon utc gmt cet pst
kilometre kilometres kilometer kilometers km mile miles metre metres meter meters kg kilogram kilograms gram grams
pound pounds ounce ounces litre litres liter liters minute minutes seconds percent""".split())


def _no_name(old: tuple[str, ...], new: tuple[str, ...], times: int, ctx: DocContext) -> bool:
    """Whether a capitalised word swapped for another (``find_renames``) is no name: each side a
    word of a closed class (``_CLOSED_CLASS``, a number in words), or, swapped in one place only,
    ordinary words that either version also writes in lower case ("Standard" → "Premium" at a
    sentence's start, where the text says "standard" elsewhere). A rename needs a name: a proper
    noun, a brand, a domain or a defined term, replaced throughout."""
    from tracker.analysis.facts_eu import word_number

    content = [w for w in old + new if is_content_word(w)]
    if not content:
        return False
    if all(w in _CLOSED_CLASS or word_number(w) is not None for w in content):
        return True
    if times >= 2 or not all(content_side for content_side in
                             ([w for w in old if is_content_word(w)], [w for w in new if is_content_word(w)])):
        return False
    texts = (ctx.old_text, ctx.new_text)
    return all(w.isalpha() and w.islower() and any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", t) for t in texts)
               for w in content)


# Where a name stands as the company that gets or processes the users' data: after "shares the data
# with", "sent to", "stored by", "partage vos données avec", "transmises à", "an ... übermittelt" ...
_TO_RECIPIENT = re.compile(
    r"\b(?:shar\w*|disclos\w*|transferr?\w*|sen[dt]s?|sending|provid\w*|pass\w*|transmit\w*|stor\w*|host\w*|"
    r"process\w*|partag\w*|communiqu\w*|transmi\w*|transf[ée]r\w*|envoy\w*|héberg\w*|stock\w*|weiterge\w*|"
    r"übermitt\w*|übertr\w*|gespeichert|verarbeitet|geteilt)\b[^.;:]{0,80}?\b(?:with|to|by|avec|à|par|chez|an|mit|durch|bei)\s+"
    r"(?:our\s+|the\s+|its\s+|notre\s+|le\s+|la\s+|son\s+|unseren?\s+|den\s+|die\s+|der\s+)?"
    r"(?:(?:data\s+)?(?:sub-?)?processors?\s+|(?:service\s+)?providers?\s+|partners?\s+|vendors?\s+|"
    r"sous-traitants?\s+|prestataires?\s+|partenaires?\s+|(?:auftrags)?verarbeiter[ns]?\s+|dienstleister[ns]?\s+)?$",
    re.I)
_RECIPIENT_DATA_WORD = re.compile(r"\b(?:data|information|details|content|données|informations|coordonnées|daten|informationen|"
                        r"angaben)\b", re.I)
# ... or named, then said to be that company: "Acme, who acts as our data processor", "Acme
# processes and stores the data", "Acme, notre sous-traitant", "Acme als Auftragsverarbeiter"
_IS_RECIPIENT = re.compile(
    r"^[\s,]*(?:\([^)]{0,60}\)[\s,]*)?(?:(?:who|which|that)\s+)?(?:(?:acts?|serves?)\s+as|is|as)\s+(?:our|a|an|the)\s+"
    r"(?:data\s+)?(?:sub-?)?processor|^\s+(?:processes|stores|receives|hosts)\s+(?:and\s+\w+\s+)?(?:the|your|such|"
    r"personal|this)\s+(?:personal\s+)?(?:data|information)|"
    r"^[\s,]*(?:qui\s+agit\s+en\s+(?:tant\s+que|qualité\s+de)|en\s+tant\s+que|notre)\s+sous-traitant|"
    r"^[\s,]*(?:(?:der|die|das)\s+)?als\s+(?:unser\s+)?(?:auftrags)?verarbeiter", re.I)
_OWN_NAME_TIMES = 8  # a name said more often than this in a text is the provider's own, or its product's


def _recipient_role(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as a company that receives, stores or
    processes the users' data (``_TO_RECIPIENT`` before it, data named there too, or
    ``_IS_RECIPIENT`` after it); a form "hosted by" a platform is no data given to it."""
    before = text[max(0, start - 120):start]
    return bool(_TO_RECIPIENT.search(before) and _RECIPIENT_DATA_WORD.search(before)
                or _IS_RECIPIENT.match(text[end:end + 80]))


def _own_name(words_: tuple[str, ...], text: str) -> bool:
    """Whether a name (its comparison words) is the provider's own, its product's or its group's:
    said more than ``_OWN_NAME_TIMES`` times in ``text``, in its first line (the title), or as the
    provider's owner or group ("owned by ... Acme", "Acme-affiliate companies", "the Acme group")."""
    name = r"\W+".join(map(re.escape, words_))
    pattern = re.compile(rf"\b{name}\b", re.I)
    title = next((line for line in text.splitlines() if line.strip()), "")
    group = re.search(rf"\bowned\s+by\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{name}\b|\b{name}[-\s](?:affiliat\w*|group|family)\b",
                      text, re.I)
    return bool(pattern.search(title)) or group is not None or len(pattern.findall(text)) > _OWN_NAME_TIMES


def _same_seat(d: Delta, i2: int, j2: int) -> bool:
    """Whether the same postal address follows a company's name replaced at old token ``i2`` /
    new token ``j2`` (the ends of the names): the company renamed at the same seat, not another
    company. Another party (an affiliate abroad, a buyer) comes with its own address."""
    seats = []
    for text, toks, end in ((d.before_text, d.before, i2), (d.after_text, d.after, j2)):
        tail = text[toks[end - 1].end:][:160]
        spans = address_spans(tail)
        if not spans or spans[0][0] > 40:  # (", with an office located at 1355 Market Street")
            return False
        seats.append(" ".join(words(tail[spans[0][0]:spans[0][1]])))
    return seats[0] == seats[1]


def _name_runs(d: Delta) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The short runs of one change that may be a name put in place of another wording: each
    replaced pair and each inserted run (old range empty) of at most 4 words, with no modal,
    negation, number or placeholder."""
    out = []
    paired: set[int] = set()
    for (i1, i2), (j1, j2) in d.replaced:
        paired.update(range(j1, j2))
        if i2 - i1 <= 4 and j2 - j1 <= 4 and all(i in d.dels for i in range(i1, i2)) \
                and all(j in d.ins for j in range(j1, j2)):
            out.append(((i1, i2), (j1, j2)))
    for a, b in d.runs("ins"):
        if b - a <= 4 and not paired & set(range(a, b)):
            out.append(((0, 0), (a, b)))
    return [(o, n) for o, n in out
            if not any(w in MODALS or w in _NEGATIONS or w.isdigit() or w in PLACEHOLDERS
                       for w in [t.norm for t in d.before[o[0]:o[1]]] + [t.norm for t in d.after[n[0]:n[1]]])]


def _new_names(d: Delta, run: tuple[int, int], ctx: DocContext) -> set[str]:
    """The capitalised words of a new run that the old version never has (a new brand, product
    or scheme name: "Avios", "Superpoints")."""
    out = set()
    for t in d.after[run[0]:run[1]]:
        word = d.after_text[t.start:t.end]
        if word[:1].isupper() and t.norm.isalpha() and is_content_word(t.norm) and not ctx.old.has((t.norm,)):
            out.add(stem(t.norm))  # "Glimmers" and "Glimmer" are one name
    return out


def find_names(deltas: list[Delta], ctx: DocContext) -> frozenset[str]:
    """New names put in place of another wording throughout ("points" → "Avios" in one clause,
    "Club points" → "Avios and tier points" in another): a capitalised word the old version never
    has that replaces other words in two or more changed clauses. Where it appears, in a short
    run of its own, it renames what the clause was about; no other word of the clause changes
    by it. A name never replaces a place (a venue, a country) or a company's legal form."""
    counts: dict[str, int] = {}
    corp = corporate_words()
    for d in deltas:
        seen: set[str] = set()
        for (i1, i2), (j1, j2) in _name_runs(d):
            if i1 == i2:
                continue  # an insertion alone never shows a replacement
            old_text, new_text = d.run_text("dels", (i1, i2)), d.run_text("ins", (j1, j2))
            if any(t.norm in corp for t in d.before[i1:i2] + d.after[j1:j2]):
                continue
            if any(f.kind == "place" for side in (old_text, new_text) for f in extract_facts(f"in {side}")):
                continue
            seen |= _new_names(d, (j1, j2), ctx)
        for w in seen:
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, k in counts.items() if k >= 2)


def _explain_names(d: Delta, ctx: DocContext) -> tuple[Delta, list[tuple[str, str]]]:
    """The delta without the short runs that put one of ``ctx.names`` in place of another
    wording (or beside a word the old version has: "point statements" → "Avios and tier point
    statements"); the (old text, new text) of each."""
    ins: set[int] = set()
    dels: set[int] = set()
    named: list[tuple[str, str]] = []
    for (i1, i2), (j1, j2) in _name_runs(d):
        if not _new_names(d, (j1, j2), ctx) & ctx.names:
            continue
        others = [t.norm for t in d.after[j1:j2] if stem(t.norm) not in ctx.names and is_content_word(t.norm)]
        if not all(ctx.old.has((w,)) for w in others):
            continue  # a new word beside the name: more than a name changed
        named.append((d.run_text("dels", (i1, i2)) if i2 > i1 else "", d.run_text("ins", (j1, j2))))
        ins.update(range(j1, j2))
        dels.update(range(i1, i2))
    if not named:
        return d, []
    return d.without(ins, dels), named


_FORMS = {"limited": "ltd", "incorporated": "inc", "corporation": "corp", "company": "co",
          "gesellschaft": "gmbh"}


def _legal_form(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_FORMS.get(w, w) for w in words)


# The legal forms of one country's company law, grouped: a company converted from one to another
# of its own country ("Parler, LLC" → "Parler, Inc.", "Brindle GmbH" → "Brindle AG") is the same
# company under its own name. A form of another country ("Zorblio Inc" → "Zorblio Ltd", "Ltd" →
# "Pte. Ltd.") names an affiliate abroad: another party.
_FORM_FAMILIES = (
    frozenset({("inc",), ("llc",), ("corp",), ("co",), ("lp",), ("pbc",), ("l", "l", "c")}),
    frozenset({("gmbh",), ("ag",), ("ug",), ("kg",)}),
    frozenset({("sa",), ("sas",), ("sasu",), ("sarl",), ("sàrl",)}),
    frozenset({("bv",), ("nv",)}),
)


def _converted_form(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether ``old`` → ``new`` (normalised words of a replaced run, legal forms alone) puts one
    legal form of a country for another of the same country (``_FORM_FAMILIES``)."""
    o, n = _legal_form(old), _legal_form(new)
    return o != n and any(o in family and n in family for family in _FORM_FAMILIES)


def _whole_name(text: str, toks: tuple[Token, ...], a: int, b: int, most: int = 8) -> str:
    """The company name that tokens [a, b) of ``text`` belong to, as written: the run grown over
    the capitalised words and legal forms next to it, with the dot of an abbreviated form
    ("Nimbus Cloud Pte. Ltd."), at most ``most`` words."""
    corp = corporate_words()

    def part(k: int) -> bool:
        word = text[toks[k].start:toks[k].end]
        return bool(word[:1].isupper() or word[:1].isdigit() or toks[k].norm in corp or word in ("&", "of"))

    def joined(k: int) -> bool:  # tokens k-1 and k are one name: only spaces or an abbreviation's dot
        return bool(re.fullmatch(r"\.?\s+|\s*&\s*|-|", text[toks[k - 1].end:toks[k].start]))

    for k in range(a + 1, b):  # the replaced run may go on past the name ("Limited, Ireland")
        if not joined(k):
            b = k
            break
    while a > 0 and b - a < most and part(a - 1) and joined(a):
        a -= 1
    while b < len(toks) and b - a < most and part(b) and joined(b):
        b += 1
    while a < b - 1 and toks[a].norm in ("of", "the"):
        a += 1
    while b > a + 1 and toks[b - 1].norm == "of":
        b -= 1
    end = toks[b - 1].end
    if text[end:end + 1] == "." and toks[b - 1].norm in corp and len(toks[b - 1].norm) <= 4:
        end += 1  # "Ltd.", "Inc."
    return _space(text[toks[a].start:end].replace(LINK_OPEN, "").replace(LINK_CLOSE, ""))


def _completed(name: str, whole: str) -> str:
    """``name`` with the legal-form words that follow it in ``whole`` (a clause split after
    "Pte." leaves "Ltd." in the next sentence)."""
    at = whole.find(name)
    if at < 0:
        return name
    corp = corporate_words()
    rest = whole[at + len(name):]
    while (m := re.match(r"\.?\s+([A-Za-z]+)\b(\.?)", rest)) and m.group(1).lower() in corp:
        name, rest = name + rest[:m.end()], rest[m.end():]
    return _space(name)


_PRONOUNS = frozenset("it them they this these those ils elles eux le la les sie es ihn ihnen diese dieser "
                      "ellos ellas los las lo".split())


def _pronoun_for_referent(d: Delta, ctx: DocContext) -> tuple[str, str] | None:
    """(old, new) when the only change of a clause puts a pronoun for the words it stands for
    or back ("We delete your prompts" → "We delete them", once the sentence before names "your
    prompts": two sentences of a paragraph swapped), and the version with the pronoun names
    those words elsewhere: the same thing, named another way. None otherwise."""
    if len(d.replaced) != 1:
        return None
    (i1, i2), (j1, j2) = d.replaced[0]
    if d.dels != set(range(i1, i2)) or d.ins != set(range(j1, j2)):
        return None
    old = tuple(t.norm for t in d.before[i1:i2])
    new = tuple(t.norm for t in d.after[j1:j2])
    if len(old) == 1 and old[0] in _PRONOUNS:
        phrase, named_in = new, ctx.old  # the old version named the thing elsewhere
    elif len(new) == 1 and new[0] in _PRONOUNS:
        phrase, named_in = old, ctx.new
    else:
        return None
    if not 1 <= len(phrase) <= 4 or not any(is_content_word(w) for w in phrase) \
            or any(w in MODALS or w in _NEGATIONS or w[:1].isdigit() or w in _PRONOUNS for w in phrase):
        return None
    if not named_in.has(phrase):
        return None
    return d.run_text("dels", (i1, i2)), d.run_text("ins", (j1, j2))


def _explain_renames(d: Delta, ctx: DocContext
                     ) -> tuple[Delta, list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """The delta without its renamed spans; the renames, the party changes and the changes of a
    company that gets the users' data (``find_renames``) it holds, each as (old text, new text)."""
    if not ctx.renames or not d.replaced:
        return d, [], [], []
    ins: set[int] = set()
    dels: set[int] = set()
    renamed: list[tuple[str, str]] = []
    parties: list[tuple[str, str]] = []
    recipients: list[tuple[str, str]] = []
    for (i1, i2), (j1, j2) in d.replaced:
        key = (tuple(t.norm for t in d.before[i1:i2]), tuple(t.norm for t in d.after[j1:j2]))
        what = ctx.renames.get(key)
        if what is None:
            continue
        pair = (d.run_text("dels", (i1, i2)), d.run_text("ins", (j1, j2)))
        if what == "recipient":
            recipients.append(pair)
            continue
        if what == "party":
            # the whole name on each side ("Nimbus Cloud Pte. Ltd."), never the replaced word alone
            parties.append((_completed(_whole_name(d.before_text, d.before, i1, i2), ctx.old_text),
                            _completed(_whole_name(d.after_text, d.after, j1, j2), ctx.new_text)))
            continue
        renamed.append(pair)
        ins.update(range(j1, j2))
        dels.update(range(i1, i2))
    return d.without(ins, dels), renamed, parties, recipients


# --- labelling -----------------------------------------------------------------------------------
def _order(cats: set[str]) -> tuple[str, ...]:
    return tuple(c for c in CATEGORIES if c in cats)


_LIST_ITEM = re.compile(r"^\s*\\?(?:[-*+•]|\d{1,3}[.)]|\(?[a-z]\)|\(?[ivx]{1,5}\))\s+", re.I)


def _is_row(text: str) -> bool:
    return text.lstrip().startswith("|")


_BR_TAG = re.compile(r"<br\s*/?>", re.I)


def _has_break(text: str | None) -> bool:
    """Whether a clause's Markdown holds an HTML line break ("<br>", "<br/>")."""
    return text is not None and "<" in text and _BR_TAG.search(text) is not None


def _layout_row(text: str | None) -> bool:
    """Whether a table clause is a page's layout rather than data: one column under an empty
    header (or none), its cell holding paragraphs joined by "<br>" (a whole notice set in one
    cell). Its short lines are then headings, as in prose, not cells that borrow a column's
    meaning. Args: a clause's Markdown or None. Returns: True or False."""
    if not text or not _is_row(text) or not _has_break(text):
        return False
    cells = table_cells(text)
    if cells is None:
        return False
    header, rows = cells
    return (len(header) <= 1 and not any(c.strip() for c in header) and bool(rows)
            and all(len([c for c in r if c.strip()]) <= 1 for r in rows))


def _row_only(text: str) -> str:
    """A table row's own cells (its clause text carries the header rows for context)."""
    lines = [ln for ln in text.strip().split("\n") if ln.strip()]
    return lines[-1] if lines else text


@dataclass(frozen=True)
class _Side:
    """One side of a change: the sentences that hold changed words, split by what they are."""

    legal: tuple[str, ...]  # sentences that may carry terms
    noise: tuple[str, ...]  # announcements, update stamps, pointers, chrome
    noise_kinds: tuple[str, ...]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` stand. The cheap splitter cuts after any full stop before a
    capital; a cut after an abbreviation ("our [U.S. State Notice]", "Brindle Co. Cookie Notice",
    "e.g. Google") is undone, as ``clauses.split_sentences`` does it: read apart, each half is
    judged on its own, a pointer's tail read as a new term and a term's head as a fragment."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for s in split_sentences(text):
        at = text.find(s, pos)
        if at < 0:
            continue
        if spans and _after_abbreviation(text, spans[-1][1], at):
            spans[-1] = (spans[-1][0], at + len(s))
        else:
            spans.append((at, at + len(s)))
        pos = at + len(s)
    return spans or [(0, len(text))]


def _after_abbreviation(text: str, end: int, nxt: int) -> bool:
    """Whether the sentence cut at ``end`` (the next one starting at ``nxt``) was cut after an
    abbreviation's full stop, one blank before a name ("our U.S. State Notice", "Brindle Co.
    Support") or whatever follows "e.g."; not when a function word follows, which starts a
    sentence ("... is Brindle LLC. Our representative ...", "... in the U.S. We ..."), nor after a
    line break or two blanks (a lost "<br>")."""
    if end < 2 or text[end - 1] != "." or text[end:nxt] != " " or text[end - 2] == "\\":
        return False
    last = text[max(0, end - 41):end - 1].split()  # (an abbreviation is short: no scan of the whole text)
    # (a link's text opens on "\x02", the mark ``Delta`` texts put for "[")
    word = last[-1].lstrip("\x02\x03") if last else ""
    if not word or not is_abbreviation(word):
        return False
    if word.lower().lstrip(_OPENERS) in _ALWAYS_ON:
        return True
    follower = _SIMPLE_WORD.match(text, nxt + 1 if text[nxt:nxt + 1] in "\x02\x03" else nxt)
    return follower is not None and is_content_word(follower.group().lower())


_OPENERS = "\"'“‘([*_<"
# Abbreviations that never end a sentence: an example or a reference follows them.
_ALWAYS_ON = frozenset({"e.g", "i.e", "cf", "viz", "vs"})


# Where a "<br>" stood between two sentences once the markup is read away (the tag is a blank):
# two blanks or more before a capital or a number.
_LOST_BREAK = re.compile(r"(?<=\S)[ \t]{2,}(?=[\x02\"'(\[*_]*[A-Z0-9©])")


def _break_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sentences of ``text``) cut again where a "<br>" joined two sentences
    (``_LOST_BREAK``): a page set in a table cell or a layout block, "Copyright notice<br><br>All
    text on this site..." read as the heading and the sentence it is in prose."""
    out = []
    for a, b in spans:
        cut = a
        for m in _LOST_BREAK.finditer(text, a, b):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, b))
    return out


def _changed_sentences(text: str, toks: tuple[Token, ...], idx: frozenset[int], breaks: bool = False) -> list[str]:
    """The sentences of ``text`` that hold a changed token; ``breaks``: the clause's Markdown had
    "<br>" line breaks, so sentences they joined are cut apart (``_break_spans``)."""
    if not idx:
        return []
    starts = {toks[i].start for i in idx}
    out = []
    spans = _sentence_spans(text)
    for a, b in (_break_spans(text, spans) if breaks else spans):
        if any(a <= s < b for s in starts):
            out.append(text[a:b])
    return out


_SIMPLE_WORD = re.compile(r"[^\W_]+")


_EDGE_EMPHASIS = re.compile(r"(?<=\w)[*_]+(?=\s|$)|(?:(?<=\s)|^)[*_]+(?=\w)")


@lru_cache(maxsize=8192)  # a third of the sentences asked are asked again in a later version's changes
def _noise_kind(sentence: str) -> str | None:
    """Why a sentence is not a term: "date-only", "announcement", "pointer", "contact",
    "register" (a company's registration number), "statistic" (how many people use the service), "advice",
    "statement" (what it values), "attribution" (whose a trademark is), or page chrome."""
    sentence = sentence.replace("\x02", "").replace("\x03", "")
    w = _SIMPLE_WORD.findall(sentence.lower())  # (the sentence is already cleaned)
    if is_update_stamp(sentence) or is_request_stamp(sentence):  # (a request's id or time: new on every request)
        return "date-only"
    if is_announcement(sentence):
        return "announcement"
    if is_outage_notice(sentence):
        return "outage"
    # (an italic paragraph broken by its links keeps its marks at the words' edges: "Click_ here _to view")
    bare = _EDGE_EMPHASIS.sub("", sentence)
    if is_pointer(bare) and not _LEGAL_EFFECT.search(_DESCRIBES.sub("", pointer_core(bare))):
        return "pointer"  # (what it says the other page holds is that page's, not a term here)
    if _OWN_COPY.search(sentence) and len(w) <= 45 and (_PREVAILS.search(sentence) or _COPY_OFFERED.search(sentence)
                                                        and _THIS_DOCUMENT.search(sentence)
                                                        and not _LEGAL_EFFECT.search(sentence)
                                                        and not _OTHER_CLAUSE.search(sentence)
                                                        and not _DIGIT.search(_LINK_TARGET_OR_URL.sub("", sentence))):
        return "translation"
    if _clause_notice(sentence, w):
        return "notice"  # (kept as a term by ``label_change`` unless the clause it names is elsewhere)
    if is_contact_route(sentence):
        return "contact"
    if is_register_entry(sentence):
        return "register"
    if is_user_count(sentence):
        return "statistic"
    if is_advice(sentence):
        return "advice"
    if is_mission_statement(sentence):
        return "statement"
    if is_law_background(sentence):
        return "background"
    if is_attribution(sentence):
        return "attribution"
    if is_carrier_notice(sentence):
        return "carrier"
    if is_device_note(sentence):
        return "background"  # what the user's browser or device does on its own
    kind = chrome_kind(sentence, w)
    return kind


# Which copy of the same text binds: a translation, a version in another language or a summary
# ("In the event of any discrepancy between the English text and this translation, the English
# version shall prevail", "the summary is for information only; the policy below prevails"). The
# terms are the same in every copy: saying which one wins changes none of them.
_OWN_COPY = re.compile(r"\b(?:translat(?:ion|ions|ed)|traduction|übersetzung|summary|summaries|résumé|zusammenfassung|"
                       r"(?:english|french|german|spanish|italian|dutch|portuguese|original|\w+[-\s]language|language|"
                       r"française|anglaise|allemande|deutsche|englische|französische)\s+(?:versions?|texts?|"
                       r"fassung|text)|versions?\s+(?:in\s+)?(?:english|french|german|anglaise|française|another\s+language|"
                       r"other\s+languages)|other\s+language\s+versions?)\b", re.I)
# A copy of the same text offered to some readers ("For residents of Quebec, a French translation of
# this Privacy Policy is available here for ease of reference"): where another copy is, no term.
_COPY_OFFERED = re.compile(r"\b(?:(?:is|are)\s+(?:also\s+)?(?:available|provided|offered)|can\s+(?:also\s+)?be\s+"
                           r"(?:found|viewed|read|consulted)|for\s+(?:ease\s+of\s+)?reference|est\s+(?:également\s+)?"
                           r"disponible|ist\s+(?:auch\s+)?(?:verfügbar|abrufbar))\b", re.I)
# ... and nothing else said in it: a second clause or a party doing something ("...; we are not
# liable for errors in it", "..., and we share your data with ...") is read as usual.
_OTHER_CLAUSE = re.compile(r"[;]|\b(?:we|you|us|nous|vous|wir|sie|and\s+(?:is|are|will|may|can))\b", re.I)
_THIS_DOCUMENT = re.compile(r"\b(?:this|these|our|the\s+present|cette|ces|la\s+présente|notre|diese[rsn]?|unsere[rsn]?)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:polic(?:y|ies)|notices?|terms|agreements?|statements?|conditions|documents?|"
                            r"politiques?|charte|cgu|cgv|\w*erklärung|\w*bedingungen|agb)\b", re.I)
_PREVAILS = re.compile(r"\b(?:prevails?|prevailing|shall\s+(?:prevail|control|govern)|will\s+(?:prevail|control|govern)|"
                       r"takes?\s+precedence|(?:is|be|remains?)\s+(?:the\s+)?(?:only\s+|sole\s+)?(?:legally\s+)?"
                       r"(?:binding|authoritative)|for\s+(?:your\s+)?convenience|"
                       r"for\s+information(?:al)?\s+purposes|for\s+information\s+only|prévaut|prévaudra|fait\s+foi|"
                       r"maßgeblich|vorrang)\b", re.I)


# A notice that names a clause of the same terms and says where it stands: "ARBITRATION NOTICE:
# you will be bound by the arbitration clause that appears later in these Terms", "These Terms
# contain an arbitration clause and a class action waiver (see Section 14)", "Disputes are resolved
# by arbitration, as described in Section 14 below". The clause it names holds the term; the notice
# is a summary of it, often a banner that comes and goes with the capture.
_CLAUSE_NOTICE = re.compile(
    r"\b(?:clauses?|provisions?|sections?|waivers?|agreement\s+to\s+arbitrate|paragraphs?)\b[^.;]{0,30}?\b"
    r"(?:(?:that|which)\s+(?:appears?|is\s+set\s+out|is\s+described|is\s+found|is\s+included)\s+)?"
    r"(?:later|further\s+(?:down|below)|below)\s+(?:in\s+)?(?:these|this|the|our)\s+(?:terms|agreement|policy|"
    r"conditions)\b", re.I)
# The same said by a section's number at the sentence's end: "(see Section 14)", "as described in
# Section 14 below". A sentence that also sets something itself (a modal, a number: "You may cancel
# within 14 days, as described in Section 9 below") keeps its term.
_SEE_SECTION = re.compile(
    r"\((?:please\s+)?see\s+(?:section|clause|paragraph|article|§)\s*\d+(?:\.\d+)*(?:\s+below)?\s*\)\s*[.!]?\W*$|"
    r",?\s+(?:as\s+)?(?:described|explained|set\s+(?:out|forth)|detailed)\s+in\s+(?:section|clause|paragraph|"
    r"article|§)\s*\d+(?:\.\d+)*\s+(?:below|above)\s*[.!]?\W*$", re.I)


def _clause_notice(sentence: str, ws: list[str]) -> bool:
    """Whether ``sentence`` (its words ``ws``) is a notice of a clause elsewhere in the same terms
    (``_CLAUSE_NOTICE``, ``_SEE_SECTION``), at most 45 words."""
    if len(ws) > 45:
        return False
    if _CLAUSE_NOTICE.search(sentence):
        return True
    m = _SEE_SECTION.search(sentence)
    return m is not None and not (set(ws) & MODALS) and not _DIGIT.search(sentence[:m.start()])


# What a pointer says the other page holds ("refer to the Guidelines, which explain what is
# prohibited"): the rules are there, not in the pointer.
_DESCRIBES = re.compile(r",?\s*\b(?:which|that)\s+(?:further\s+|also\s+|more\s+fully\s+)?(?:explains?|describes?|sets?\s+"
                        r"(?:out|forth)|details|lists?|outlines?|"
                        # the linked page's own fate ("our current Coins Policy, which is being replaced
                        # by the Virtual Items Policy"): the page pointed to is the old one, not these terms
                        r"(?:is|are|will\s+be|has\s+been|have\s+been)\s+(?:being\s+)?(?:replaced|superseded))\b.*$",
                        re.I | re.S)


# Nouns of the terms a number sets (a period, a fee, a share): not "price", which live tickers carry.
_TERM_NOUN = re.compile(
    r"\b(?:refund\w*|cancell?ation\w*|withdrawal|notice|trial|credits?|fees?|commission|deposit|"
    r"grace\s+period|retention|warranty|rembourse\w*|résiliation|préavis|rétractation|frais|"
    r"erstattung\w*|kündigung\w*|widerruf\w*|frist\w*|prix|tarifs?|commissions?|avoirs?|"
    r"penalt\w*|pénalités?|intérêts|indemnité\w*|vertragsstrafe\w*|verzugszinsen|zinsen|"
    # German compounds ("Vermittlungsgebühr", "Kaufpreis", "Restguthaben", "Versandkosten")
    r"\w*gebühr\w*|\w*preis\w*|\w*guthaben|\w*kosten|provision\w*)\b", re.I)


# Where a clause names who the contract is with, and the company named after it ("an agreement
# between you and Lumora Labs Ltd, Dublin", "your contract is with Tessel Inc.", "le service est
# fourni par Papyrine SAS", "Vertragspartner ist die Werkbank GmbH"). (A site's publisher or host,
# "published by", "édité par", "hosted by", is said in its role by the wording.)
_PARTY_LEAD = re.compile(
    r"\b(?:(?:agreement|contract|terms)\s+(?:\w+\s+){0,5}(?:between\s+you\s+and|with)|(?:provided|operated|offered|"
    r"supplied)\s+(?:to\s+you\s+)?by|entre\s+vous\s+et|(?:fourni|exploité|proposé|opéré)e?s?\s+par|"
    r"contrat\s+(?:est\s+)?conclu\s+avec|vertragspartner(?:in)?\s+ist|anbieter(?:in)?\s+ist|betrieben\s+(?:von|durch)|"
    r"zwischen\s+ihnen\s+und)\s+(?:the\s+|la\s+société\s+|la\s+|die\s+|der\s+)?"
    # the company: capitalised words and its legal form ("Lumora Holdings Inc.", "Tessel Global Pte. Ltd.")
    r"(?P<party>(?-i:[A-Z][\w&'’-]*\.?(?:\s+(?:[A-Z][\w&'’-]*\.?|&|of|and|de|du|des))*))", re.I)


def contract_party_change(before: str, after: str) -> tuple[str, str] | None:
    """(old, new) company when one clause names who the contract is with on both sides
    (``_PARTY_LEAD``) and the company's own name words differ ("Lumora Labs Ltd, Dublin,
    Ireland" → "Lumora Holdings Inc., Delaware"); None when the clause names no party, or the
    same one (its legal form spelled out, its address alone changed)."""
    mb, ma = _PARTY_LEAD.search(before), _PARTY_LEAD.search(after)
    if not (mb and ma):
        return None
    corp = corporate_words()

    def name(m: re.Match[str]) -> tuple[str, set[str]]:
        text = m.group("party").split(",")[0].strip()
        return text, {w for w in words(text) if w not in corp and w[:1].isalpha()}

    (old, wb), (new, wa) = name(mb), name(ma)
    if not wb or not wa or wb <= wa or wa <= wb:  # ("Quibly" → "Quibly Labs": the same company named in full)
        return None
    return old, new


def _set_by_number(sentence: str) -> bool:
    """Whether a few words without a verb set a term by a number beside the term's noun
    ("Cancellation notice: 30 days.", "Remboursement sous 14 jours.", "Kündigungsfrist: 1 Monat"):
    a term in a few words, which a verb would only repeat."""
    if len(sentence.split()) > 8 or re.search(r"\bago\b|\bil y a\b|\bvor\s+\d", sentence, re.I):
        return False  # (a time stamp: "Notice: 3 hours ago")
    if re.search(_PER_LIMIT, sentence, re.I):
        return True  # "Only one free trial per household."
    m = _TERM_NOUN.search(sentence)
    if m is None or not re.search(r"\d", sentence):
        return False
    return bool(re.search(r"\d[\d.,]*\s*(?:%|€|\$|£|[a-zà-ÿ]+\b)", sentence[m.start():], re.I))


# What a price is charged for, after an amount: a period, a seat, a unit of use ("$15 per month",
# "€9/mo", "$0.50 per 1,000 requests", "£4 a month", "15 € par mois", "9 € pro Monat")
_RATE_UNIT = (r"(?:month|mo|year|yr|annum|week|day|hour|minute|user|seat|member|person|device|licen[cs]e|"
              r"request|call|message|order|transaction|document|page|credit|token|image|gb|tb|mb|unit|item|"
              r"mois|an|année|jour|utilisateur|monat|jahr|nutzer|tag)s?")
# (after an amount ``money_spans`` finds: "$15", "9,99 EUR", "US$0.50")
_RATE_AFTER = re.compile(r"[\d.,]*\s*(?:/\s*|(?:per|a|an|each|every|par|pro|je|/)\s+(?:[\d.,]+k?\s+)?)"
                         + _RATE_UNIT + r"\b", re.I)


# Amounts that are not what the user pays: lower is not better for them
_NOT_A_PRICE = re.compile(r"\b(?:discount|credit|refund|rebate|reward|bonus|cashback|compensation|cap|limit|"
                          r"maximum|minimum|payout|earn|commission|allowance|remise|réduction|rabatt|gutschrift)", re.I)
_FIGURES = ("money", "percent", "duration", "age")  # the facts said as figures (a place is not one)
_FREE_PLAN = re.compile(r"^\W*(?:free|free forever|\$0|0\s?€|€\s?0|gratuit|kostenlos|gratis)\W*$", re.I)


# What a refund-category duration is: how long users have to ask or to use what they paid for
# ("credits expire after 12 months", "request a refund within 30 days"), not how long the
# provider takes to pay it back ("refunds are processed within 10 days").
_REFUND_WINDOW = re.compile(r"\bexpir|\bvalid\b|\bremain (?:valid|usable|available)|\brequest|\bask\b|\bclaim|"
                            r"\bcancel|\bwithdraw|\breturn|\bentitled\b|\beligible\b", re.I)
_REFUND_DELAY = re.compile(r"\bprocess|\bissued?\b|\bwe will (?:refund|credit|reimburse|pay)|\breceive (?:your|a|the) "
                           r"refund|\bcredited\b|\breimbursed\b", re.I)
# A cap on what the provider owes ("our total liability is limited to / will not exceed ..."), and
# the user's own liability, whose cap going up is no good news
_LIABILITY_CAP = re.compile(r"\b(?:limited to|not exceed|shall not exceed|will not exceed|capped|cap\b|maximum|"
                            r"greater of|lesser of|up to)\b", re.I)
_USERS_LIABILITY = re.compile(r"\byour (?:total |aggregate |entire )?liability\b|\byou (?:will|shall) be liable\b", re.I)


def _one_way(moved: list[tuple[float, float]], n: int) -> int:
    """1 when every one of ``n`` moved values went up, -1 when every one went down, else 0 (some
    could not be compared, or they went both ways). ``moved``: (old, new) of those that could."""
    if not moved or len(moved) != n or any(o == v for o, v in moved):
        return 0
    if all(v > o for o, v in moved):
        return 1
    return -1 if all(v < o for o, v in moved) else 0


def value_direction(before: str, after: str, cats: tuple[str, ...], fb: tuple[Fact, ...] | list[Fact] | None = None,
                fa: tuple[Fact, ...] | list[Fact] | None = None) -> int:
    """Which way the clause's changed values go for users: 1 in their favour, -1 against
    them, 0 when the values say no direction. Read only where the direction is plain: a
    notice period (before a change, a termination or a removal: longer is better); a price
    charged per month, seat or use, all in one currency (lower is better; not a discount,
    credit or cap, ``_NOT_A_PRICE``); how long users have to ask for a refund or use credits
    they paid for (longer is better; not how long a refund takes, ``_REFUND_DELAY``); the cap
    on the provider's liability (higher is better). Any other value (a retention period, an
    allowance, a limit) may be good or bad and says 0. All moved values of the kind must
    agree, else 0. ``before``/``after``: the clause's two texts; ``cats``: its categories;
    ``fb``/``fa``: their facts when already read (``extract_facts``)."""
    if not (before and after):
        return 0
    fb = extract_facts(before) if fb is None else fb
    fa = extract_facts(after) if fa is None else fa
    old_n, new_n = _notice_days(before), _notice_days(after)
    if old_n is not None and new_n is not None:
        if old_n == new_n or not set(cats) & {"terms-changes", "termination", "service-changes"}:
            return 0
        return 1 if new_n > old_n else -1
    pairs = [(o, n) for o, n in _changed_pairs(list(fb), list(fa), before, after)
             if o is not None and n is not None and o.kind == n.kind]
    if "pricing" in cats and not _NOT_A_PRICE.search(before + " " + after) \
            and _priced_per_unit(before) and _priced_per_unit(after):
        old_m = [f.value for f in fb if f.kind == "money"]
        new_m = [f.value for f in fa if f.kind == "money"]
        if len(old_m) != len(new_m) or not old_m:
            return 0
        moved = [(o, n) for o, n in zip(old_m, new_m) if o != n]
        # a price that went up is against users
        return -_one_way([(float(o.split()[1]), float(n.split()[1])) for o, n in moved
                          if o.split()[0] == n.split()[0]], len(moved))
    if "refunds" in cats and _REFUND_WINDOW.search(after) and not _REFUND_DELAY.search(after):
        spans = [(duration_days(o.value), duration_days(n.value)) for o, n in pairs if o.kind == "duration"]
        return _one_way([(o, n) for o, n in spans if o is not None and n is not None], len(spans))
    if "liability" in cats and _LIABILITY_CAP.search(before) and _LIABILITY_CAP.search(after) \
            and not _USERS_LIABILITY.search(after):
        moved_v = [(o, n) for o, n in pairs if o.kind in ("money", "duration")]
        values = [(float(o.value.split()[1]), float(n.value.split()[1])) if o.kind == "money"
                  else (duration_days(o.value), duration_days(n.value)) for o, n in moved_v
                  if o.kind == "duration" or o.value.split()[0] == n.value.split()[0]]
        return _one_way([(o, n) for o, n in values if o is not None and n is not None], len(moved_v))
    return 0


def _plan_price(heading: str, ctx: DocContext) -> str:
    """The price line of the section titled ``heading`` when that section is a plan of a pricing
    page: a short line under the heading that names a price by what it is charged for ("12 USD per
    seat per month", "€9/mo"), in the new version (else the old one); "" otherwise. Only short
    lines count: a clause that mentions a fee does not make its section a plan. Both versions are
    read once per context (``DocContext.plan_prices``), not once per change."""
    title = heading.strip().lower()
    if not title or len(title) > 40:
        return ""
    if ctx.plan_prices is None:
        ctx.plan_prices = _plan_prices(ctx.new_text, ctx.old_text)
    return ctx.plan_prices.get(title, "")


def _plan_prices(*texts: str) -> dict[str, str]:
    """{section title (lower case): its price line} over ``texts`` (the first text that prices a
    title wins), reading only the first section of each title in each text."""
    prices: dict[str, str] = {}
    for text in texts:
        seen: set[str] = set()
        title: str | None = None  # the section read now, if it is the first of its title
        for line in text.splitlines():
            if line.startswith("#"):
                name = line.lstrip("#").strip().strip("*_").lower()
                title = name if name not in seen else None
                seen.add(name)
            elif title is not None and title not in prices and len(line) <= 60 and line.strip() \
                    and (_priced_per_unit(plain(line)) or _FREE_PLAN.match(plain(line))):
                prices[title] = plain(line).strip()
    return prices


def _priced_per_unit(text: str) -> bool:
    """Whether ``text`` names an amount of money by what it is charged for ("$15 per month",
    "€9/mo", "$0.50 per 1,000 requests", "15 € par mois"): a price, in however few words."""
    from tracker.analysis.facts_eu import money_spans

    return any(_RATE_AFTER.match(text, end) for _, end, _ in money_spans(text))


def _side(text: str, toks: tuple[Token, ...], idx: frozenset[int], listed: bool,
          framed: bool, row: bool = False, breaks: bool = False) -> _Side:
    """Sort the changed sentences of one side into terms and noise. ``listed``: the clause is a
    list item or table row with context; ``framed``: its heading names a legal topic, so a short
    line with a number ("Pro: 6 months") is read as a term under that heading; ``breaks``: its
    Markdown joins sentences with "<br>" (see ``_changed_sentences``)."""
    legal, noise, kinds = [], [], []
    said = _changed_sentences(text, toks, idx, breaks)
    for n, s in enumerate(said):
        kind = _noise_kind(s)
        if kind in ("navigation", "fragment") and row:
            kind = None  # table cells are separated by pipes and have no verbs
        # a label and its value split at the colon ("Cancellation notice:" "30 days.") are read as one
        whole = f"{s} {said[n + 1]}" if s.rstrip().endswith(":") and n + 1 < len(said) else \
            f"{said[n - 1]} {s}" if n and said[n - 1].rstrip().endswith(":") else s
        if whole is not s and is_request_stamp(whole):
            kind = "date-only"  # "Trace ID:" "77b0c1d2…": a request's id, split at its colon
        if kind == "fragment" and (listed or any(c.isdigit() for c in whole) and (framed or _TERM_NOUN.search(whole))
                                   and (whole is s or _set_by_number(whole)) or re.search(_PER_LIMIT, whole, re.I)
                                   or _priced_per_unit(whole) or named_parties(whole) or named_parties(text)):
            # an item of a list, a table row, a number under a legal heading or beside the term it
            # sets ("Refunds within 14 days.", "Préavis : 30 jours"), a price by what it is charged
            # for ("$15 per month" under a plan's name), a list of the trackers or partners data goes to
            # (the clause's label and names, ``named_parties``): a term in a few words
            kind = None
        if kind:
            noise.append(s)
            kinds.append(kind)
        else:
            legal.append(s)
    return _Side(tuple(legal), tuple(noise), tuple(kinds))



# Sentences with legal effect worded outside the category lexicons: duties, permissions,
# commitments, discretion, consent.
_SUBJECT = (r"(?:we|you|they|users?|customers?|members?|sellers?|buyers?|publishers?|advertisers?|"
            r"developers?|partners?|licensees?|the\s+(?:company|user|customer|seller|buyer|provider|"
            r"publisher|member|client|licensee|partner|developer|advertiser)s?)")
# one of something per person, household or account ("Only one free trial per household")
_PER_LIMIT = (r"\b(?:only\s+)?(?:one|two|three|\d+)\s+(?:[\w-]+\s+){0,2}per\s+(?:household|person|user|account|"
              r"customer|device|order|family|member|address)\b")
_LEGAL_EFFECT = re.compile(
    rf"\b(?:{_SUBJECT}\s+(?:agrees?\s+to|undertakes?|commits?\s+to|guarantees?|acknowledges?|"
    r"(?:will|may|shall|can|must)\s+not|cannot|may\s+only|"
    # a ban said in the active voice ("We do not permit:", "Acme doesn't allow", "we prohibit")
    r"(?:(?:do|does|will)\s+not|don['’]t|doesn['’]t|won['’]t)\s+(?:permit|allow|tolerate|accept)|"
    r"(?:strictly\s+)?(?:prohibits?|forbids?|bans?)\b|(?:is|are)\s+(?:solely\s+)?(?:required|"
    r"entitled|obliged|obligated|responsible|liable|not\s+permitted|permitted|allowed|prohibited))|"
    r"\w+\s+(?:shall|must)|at\s+(?:its|our|their)\s+(?:sole\s+)?discretion|"
    # how the user is told of a change, a promise whatever its words ("we will post the new terms on
    # this page", "we will notify you by email"): the notice a change of terms gets
    r"\bwe\s+will\s+(?:(?:notify|inform|tell|e-?mail|alert|warn)\s+(?:you|users|customers|members)\b(?:\s+\w+){0,6}?"
    r"\s+(?:of|about|before)\s+(?:the\s+|any\s+|such\s+|a\s+)?(?:material\s+)?(?:changes?|updates?|modifications?|"
    r"amendments?|new\s+terms)\b|"
    r"(?:post|publish|display)\s+(?:the\s+)?(?:new|updated|revised|amended|modified|changed)\s+"
    r"(?:terms|version|policy|agreement|conditions)\b)|"
    # a commitment, whoever makes it ("Lantrix commits to refund ...", "the Provider undertakes not
    # to ...", "Lantrix s'engage à ...", "Lantrix verpflichtet sich ...")
    r"(?:commits?|undertakes?)\s+(?:not\s+)?to\s+\w+|s['’]engagen?t?\s+à|verpflichte[nt]?\s+sich|"
    r"reserves?\s+the\s+right|(?:restrict|limit)\w*\s+(?:or\s+\w+\s+)?(?:your\s+|the\s+)?"
    r"(?:access|use|account)|(?:sent|shared|transferred|disclosed|provided|passed|made\s+"
    r"available)\s+to\s+(?:our\s+|its\s+|selected\s+|third[-\s]party\s+)?(?:partners|third\s+"
    r"parties|advertisers|affiliates|vendors|providers)|"
    # selling or sharing something of the user's, whatever it is called ("we sell your notes to advertisers")
    r"(?:sells?|sold|selling|rents?|rented|shares?|disclos(?:e|es|ed)|transfers?)\s+(?:your|their|users['’]?|"
    r"customers['’]?|members['’]?|it|them)\b(?:\s+[\w'’-]+){0,6}?\s+(?:to|with)\s+(?:our\s+|its\s+|selected\s+|"
    r"third[-\s]party\s+)?(?:partners|third\s+parties|advertisers|affiliates|data\s+brokers|marketers)|"
    # a named company engaged to handle what users give ("Acme Mail uses Formbox to capture feedback
    # provided by users", "we use Paylane to process your payments"): a new recipient of their data
    r"(?:\bwe|(?-i:[A-Z])[\w&.-]+(?:\s+(?-i:[A-Z])[\w&.-]+){0,2})\s+(?:uses?|engages?|relies\s+on)\s+"
    r"(?-i:[A-Z])[\w&.-]+(?:\s+(?-i:[A-Z])[\w&.-]+){0,2}\s+to\s+(?:collect|capture|process|store|host|analy[sz]e|"
    r"receive|record|track|verify|handle)\b[^.;]{0,60}?\b(?:your|users?['’]?|customers?['’]?|personal|data|"
    r"information|feedback|details|responses|payments?)\b|"
    r"\b(?:doit|doivent|devra|devront)\s+(?:obligatoirement\s+|impérativement\s+)?(?:être|\w+(?:er|ir|re))\b|"
    r"\b(?:muss|müssen)\b|"
    r"(?:nous|vous)\s+(?:devez|nous\s+engageons|acceptez|garantissons|ne\s+pouvez\s+pas)|"
    r"(?:est|sont)\s+(?:tenue?s?|responsables?|autorisée?s?|interdite?s?)|se\s+réserve|"
    r"(?:wir|sie)\s+(?:müssen|verpflichten\s+sich|dürfen\s+nicht)|behält\s+sich|"
    r"(?:ist|sind)\s+(?:verpflichtet|berechtigt|untersagt|verboten)|"
    # a right the user has ("you have the right to complain to a supervisory authority")
    r"(?:you|users?|customers?|members?)\s+(?:have|has|retain|keep)\s+(?:the|a)\s+right|"
    # who the user contracts with ("your sole and exclusive counterparty is Acme Ltd", "you are
    # contracting with", "these Terms are an agreement between you and")
    r"(?:counterparty|contracting\s+(?:party|entity)|contractual\s+partner)\s+(?:is|will\s+be|shall\s+be)\b|"
    r"(?:you\s+are|you['’]re)\s+(?:contracting|entering\s+into\s+(?:an?\s+|this\s+)?(?:agreement|contract))\s+with\b|"
    r"(?:agreement|contract|terms)\s+(?:is|are)\s+(?:\w+\s+){0,3}?between\s+you\s+and\b|"
    # a limit or a ban, whoever it binds ("accounts are limited to 3 devices", "no more than five
    # photos may be attached", "reviews written with AI are not allowed")
    r"(?:limited|restricted|capped)\s+to\s+(?:a\s+maximum\s+of\s+|at\s+most\s+)?(?:\d|one|two|three|four|five|"
    r"six|seven|eight|nine|ten)\w*|(?:no|not)\s+more\s+than\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|fifty|a\s+hundred)\w*|a\s+maximum\s+of\s+\d|"
    # a quota, a use reserved to someone, a plan required ("can create up to 5 projects", "may be
    # used by one person only", "one free trial per household", "commercial use requires a Business plan")
    r"up\s+to\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\w*\s+(?!(?:\w+\s+)?(?:days?|weeks?|months?|"
    r"years?|hours?|minutes?|business)\b)[a-z]+|"
    r"(?:may|can|must)\s+(?:only\s+)?be\s+used\s+(?:by|for|on|in)\s+[^.;]{1,40}?\bonly\b|" + _PER_LIMIT + r"|"
    r"\brequires?\s+(?:a|an|your|the)\s+(?:[\w-]+\s+){0,2}(?:plan|subscription|licen[cs]e|account|consent|approval|"
    r"permission|authori[sz]ation|verification)\b|"
    r"(?:is|are|will\s+be)\s+(?:not\s+(?:allowed|permitted|accepted)|(?:strictly\s+)?(?:prohibited|forbidden|banned))|"
    r"(?:vous\s+(?:avez|disposez)|l['’]utilisat\w+\s+(?:a|dispose))\s+(?:du|le|d['’]un)\s+droit|"
    r"(?:sie\s+haben|du\s+hast|der\s+nutzer\s+hat)\s+(?:das|ein)\s+recht|"
    # where or to whom the terms apply, widened or narrowed ("From July 31 Quillory is expanding the
    # scope of our EU Consent Policy to apply to users in Switzerland"): a change of where they apply
    r"(?:expand|extend|broaden|widen|narrow|restrict|limit)\w*\s+the\s+scope\s+of\s+(?:[\w-]+\s+){0,5}?"
    r"(?:terms|agreement|conditions|polic(?:y|ies)|guidelines|notice|statement)\b[^.;]{0,20}?\bto\s+"
    r"(?:apply|cover|include)\b|"
    # what the agreement covers ("these Terms do not apply to Lite projects")
    r"(?:terms|agreement|conditions|policy|guidelines)(?:\s+\w+){0,3}\s+(?:(?:do|does|shall|will)\s+"
    r"not|no\s+longer|only)\s+apply|(?:terms|agreement|conditions)(?:\s+of\s+service)?\s+governs?\s+"
    r"(?:\w+\s+){0,2}(?:use|uses|access)\b|forms?\s+(?:an\s+integral\s+)?part\s+of\s+(?:this|these|the|"
    r"your)(?:\s+\w+){0,2}\s+(?:agreement|terms|contract)|incorporated\s+(?:\w+\s+){0,3}by\s+reference|"
    # another document governing some use ("if you sell through Stage, our Seller Addendum applies",
    # "the Merchant Terms at <link> apply to that use")
    r"(?:terms|addendum|agreement|conditions|polic(?:y|ies)|guidelines|rules)\b(?:[\s,\x02\x03]+(?!(?:and|or|if|when|but)\b)"
    r"[^\s,.;:\x02\x03]+){0,8}?[\s\x02\x03]+(?:also\s+|shall\s+|will\s+)?(?:apply|applies|govern|governs|(?:is|are)\s+applicable)"
    r"(?:(?=\s*[.;]|\s*$)|\s+to\s+(?:that|this|such|those|these|your|the)\s+(?:\w+\s+){0,2}?(?:use|uses|access|purchases?|"
    # ... or to the user, or to what the user posts ("if you are a resident of France, the Search
    # Additional Terms apply to such content", "other than Canada, in which case the Canadian Terms
    # of Service are applicable to you"): which terms bind that user, or that content
    r"sales?|orders?|features?|content)\b|\s+to\s+you\b)|"
    # ... or that replaces these terms ("from 1 October the X Terms will be replaced by the Y Common
    # Terms of Use"); not a newer version of the same terms ("replaced by the updated Terms"), a banner
    r"(?:terms|agreement|conditions|polic(?:y|ies))\b[^.;]{0,60}?\b(?:will|shall|is|are)\s+(?:be\s+|being\s+)?(?:replaced|"
    r"superseded)\s+by\s+(?![^.;]{0,40}?\b(?:updated|new|revised|amended|modified|latest|future|following)\b)"
    r"[^.;]{0,60}?\b(?:terms|agreement|conditions|polic(?:y|ies))\b|"
    # a power the provider gives itself over what is the user's ("Zorblio may use your name and
    # logo in its marketing", "we may display your reviews")
    r"\b(?:we|(?!(?:you|users?|customers?|members?|they|he|she|it|this|that|these|those|each|any|no|anyone)\b)"
    r"(?-i:[A-Z])[\w&.-]+)\s+(?:may|can|will|is\s+entitled\s+to)\s+(?:also\s+)?(?:use|display|publish|"
    r"reproduce|feature|share|disclose|sell|access|monitor|record|scan|analy[sz]e)\s+your\s+(?:[\w-]+\s*,?\s+){0,4}?"
    r"(?:name|logo|likeness|image|voice|marks?|trademarks?|brand|reviews?|content|messages?|communications?|"
    r"device|files?|recordings?|photos?)\b|"
    r"ne\s+s['’]appliquen?t?\s+pas|fai?(?:t|sont)\s+partie\s+intégrante)\b", re.I)
# Spanish legal wording, as the French and German above: a duty, a power reserved, a consent, a
# waiver, a ban ("debes", "nos reservamos el derecho", "aceptas", "renuncias a", "está prohibido").
_LEGAL_EFFECT_ES = (
    r"\b(?:debes|deberás|deben|deberán|debe|deberá)\s+(?:\w+(?:ar|er|ir)|ser|estar|tener)\b|"
    r"\b(?:nos\s+reservamos|se\s+reserva)\s+el\s+derecho\b|"
    r"\b(?:aceptas|acepta|aceptan|renuncias|renuncia|renuncian|te\s+comprometes|se\s+compromete|nos\s+comprometemos|"
    r"garantizas|autorizas|consientes)\b|"
    r"\b(?:está|están|queda|quedan)\s+(?:\w+mente\s+)?(?:prohibid[oa]s?|obligad[oa]s?|autorizad[oa]s?)\b|"
    r"\b(?:tienes|tiene|tendrás)\s+(?:el|un)\s+derecho\b|"
    r"\b(?:no\s+(?:puedes|podrás|debes|deberás|está\s+permitido))\b|"
    r"\b(?:podemos|podremos)\s+(?:\w+\s+){0,2}?(?:usar|utilizar|compartir|ceder|vender|suspender|cancelar|"
    r"eliminar|retirar|modificar|acceder|analizar|publicar)\b")
_LEGAL_EFFECT = re.compile(f"{_LEGAL_EFFECT.pattern}|{_LEGAL_EFFECT_ES}", re.I)


# What a clause covers or leaves out: an exclusion ("they also exclude premium numbers", "this
# does not include logos uploaded by users"), where the terms apply ("apply only if you are a
# consumer in the EEA"), a list gathered under a defined name ("(collectively, the “Apps”)"), or
# a party acting for the provider ("hosted by X on our behalf"). An item added to or dropped from
# such a clause widens or narrows what it covers.
_COVERAGE = re.compile(
    r"\b(?:(?:do|does|shall|will)\s+not\s+(?:include|cover|extend\s+to)|(?:also\s+)?exclud(?:e|es)\b|"
    r"(?:is|are)\s+(?:not\s+covered|excluded)\b|(?:apply|applies)\s+only|only\s+(?:apply|applies)\b|"
    r"(?:this|these|our|the)\s+(?:\w+\s+){0,2}(?:polic(?:y|ies)|terms|section|agreement|notice|guidelines|statement|"
    r"rules|conditions)\s+(?:(?:listed|set\s+out|described)\s+(?:below|above|here)\s+)?(?:also\s+)?(?:applies|apply|covers|cover)\s+to\b|on\s+(?:our|its|their)\s+behalf\b|"
    r"ne\s+(?:comprend|comprennent|couvre|couvrent|inclut|incluent|s['’]applique|s['’]appliquent)\s+pas|"
    r"(?:est|sont)\s+exclue?s?\b|\bexcluen?t\b|pour\s+(?:notre|son|leur)\s+compte\b|"
    r"(?:gilt|gelten)\s+nicht|ausgeschlossen\b|umfass(?:t|en)\s+nicht|in\s+unserem\s+auftrag)|"
    r"\(\s*collectively,?\s+(?:the|our)\s+[“\"]", re.I)  # ("collectively, “Vanco”, “we”": a party, no list)
# A ban said as a bare "No ..." item of content guidelines: "No content targeted to children under
# 16", "No ads promoting payday loans", "No images that depict weapons". Not a feature of a plan ("No
# credit card required", "No ads"): a kind of content, then what it does or is about.
_CONTENT_BAN = re.compile(
    r"^\W*no\s+(?:[\w-]+\s+){0,2}?(?:content|ads?|advertisements?|advertising|posts?|images?|videos?|materials?|"
    r"links?|promotions?|messages?|listings?|creatives?)\s+(?:that|which|targeted|targeting|aimed|directed|promoting|"
    r"depicting|containing|showing|featuring|glorifying|encouraging|related|relating|about)\b", re.I)
_COMMITMENT = re.compile(r"\bwe\s+(?:will|shall|commit\w*|guarantee\w*|undertake\w*|promise\w*)\b|"
                         r"\bnous\s+(?:nous\s+engageons|garantissons)|\bwir\s+(?:garantieren|"
                         r"verpflichten\s+uns)\b|"
                         # the French future and the German "werden" promise too ("nous vous
                         # informerons", "nous rembourserons", "wir werden Sie benachrichtigen")
                         r"\bnous\s+(?:vous\s+|les\s+|l['’]\s*|en\s+|leur\s+)?[a-zéèêàç]+(?:erons|irons|drons|rons)\b|"
                         r"\bwir\s+werden\b", re.I)


# The provider granting itself a power: "we may", "Ferrovia may / reserves the right", "nous pouvons",
# "Ferrovia peut / se réserve", "wir können / dürfen / behalten uns", "Ferrovia kann / darf / behält sich".
_PROVIDER_POWER = re.compile(
    r"\b(?:we|us|the\s+company|(?-i:[A-Z])[\w&.-]+)\s+(?:may|can|might|reserves?\s+the\s+right|(?:is|are)\s+entitled)\b|"
    r"\b(?:nous\s+(?:pouvons|pourrons|nous\s+réservons)|(?-i:[A-Z])[\w&.-]+\s+(?:peut|pourra|se\s+réserve))\b|"
    r"\b(?:wir\s+(?:können|dürfen|behalten\s+uns)|(?-i:[A-Z])[\w&.-]+\s+(?:kann|darf|behält\s+sich))\b", re.I)
# The provider using what the user gives it ("We use your files", "we process your content"): a
# limit on that use is about the user's data
_USES_USER_DATA = re.compile(r"\b(?:we|the company)\s+(?:\w+\s+)?(?:use|process|access|analy[sz]e|share|store|"
                             r"keep|retain)s?\s+(?:your|users['’]?|customers['’]?)\s+(?:\w+\s+)?(?:files?|content|"
                             r"data|documents?|notebooks?|inputs?|outputs?|messages?|photos?|uploads?|information)\b", re.I)
_PERSONAL_DATA = re.compile(r"\b(?:data|information|données|informations|coordonnées|daten|informationen)\b", re.I)


# A limit the company sets on itself about what it does with the users' things: "we use it only to",
# "we will never sell", "we do not share", "solely for", "exclusively to".
_SELF_LIMIT = re.compile(
    r"\b(?:we|us|our\s+(?:company|team|staff|employees))\b[^.;:!?]{0,40}?"
    r"(?:\b(?:only|solely|exclusively|never|not|won['’]t|don['’]t|do\s+not|will\s+not|shall\s+not|cannot)\b[^.;:!?]{0,30}?"
    r"\b(?:use|process|share|sell|rent|disclose|access|read|view|monetis\w*|monetiz\w*|transfer|licen[cs]e|"
    r"publish|train|analy[sz]e|scan|keep|retain|store|give|pass|provide)\w*\b"
    r"|\b(?:use|process|share|access|store|retain|keep|analy[sz]e|scan)\w*\b[^.;:!?]{0,40}?"
    r"\b(?:only|solely|exclusively)\b)", re.I)
_USERS_THINGS = re.compile(r"\b(?:your|user['’]?s?['’]?|customer['’]?s?['’]?)\s+(?:personal\s+)?(?P<what>data|information|details|"
                           r"content|files|photos|messages|uploads|posts|documents|submissions|materials?|works?)\b", re.I)
_CONTENT_WORDS = re.compile(r"\b(?:content|files|photos|uploads?|posts|documents|submissions|materials?|works?)\b", re.I)


def _use_limit(before: str | None, heading: str, old_text: str) -> str | None:
    """The category ("privacy" or "content-rights") of a deleted limit or promise on what the
    company does with the users' data or content ("We use it only to provide the service.",
    "We never sell your files."), read with its heading and the text just before it in the old
    version when it says "it" or "them"; None when the text sets no such limit."""
    text = plain(before or "")
    if not text or not _SELF_LIMIT.search(text):
        return None
    if m := _USERS_THINGS.search(text):
        return "content-rights" if _CONTENT_WORDS.fullmatch(m.group("what")) else "privacy"
    if not re.search(r"\b(?:it|them|this|these|such)\b", text, re.I):
        return None
    at = old_text.find(text[:40])
    # the nearest says what "it" is: the sentence itself, then its heading, then the text before it
    for around in (text, heading, old_text[max(0, at - 300):at] if at >= 0 else ""):
        if _CONTENT_WORDS.search(around):
            return "content-rights"
        if _PERSONAL_DATA.search(around):
            return "privacy"
    return None


def _passive_promise(text: str | None) -> bool:
    """Whether a sentence of ``text`` promises in the passive what is never done with the user's
    things ("Your data is never sold", "Vos données ne sont jamais vendues", "Ihre Daten werden
    niemals verkauft"): a commitment, with legal effect, whoever the subject."""
    from tracker.analysis.lexicons import PASSIVE_PROMISE

    return any(PASSIVE_PROMISE.match(s) for s in re.split(r"(?<=[.;!?])\s+", plain(text or "").strip()))


# A negation of a verb ("do not share"," "never sell", "ne les partageons"), and the words that may
# stand between it and its subject or its verb (auxiliaries, French object pronouns).
_VERB_NEGATIONS = frozenset("not never cannot ne n jamais nicht niemals".split())
_BETWEEN = MODALS | frozenset("do does did will would shall should les la l le leur lui en y se s me m te "
                              "t nous vous pas".split())
_NEG_WORDS = 10  # words of a quoted phrase after its verb


def _negation_flip(d: Delta, side: str, elsewhere: str = "") -> tuple[str, str] | None:
    """A negation dropped from (``side`` "dels") or added to (``side`` "ins") a verb that both
    versions keep ("we do not share it with third parties" → "we share it with ..."): (the phrase
    with the negation, the phrase without it, "" when the other version is empty) as read from the
    subject on, or None. None too when the other version negates that verb as well (a negation
    moved or reworded). For a removed clause (no other version), ``elsewhere`` is the new
    document: its verb must be there, not negated ("We share it with ...")."""
    neg_toks, other = (d.before, d.after) if side == "dels" else (d.after, d.before)
    changed = d.dels if side == "dels" else d.ins
    if any(t.norm in _VERB_NEGATIONS for i, t in enumerate(other)
           if i in (d.ins if side == "dels" else d.dels)):
        return None  # a negation on the other side too: reworded, not dropped
    for i in sorted(changed):
        if neg_toks[i].norm not in _VERB_NEGATIONS:
            continue
        j = i + 1
        while j < len(neg_toks) and neg_toks[j].norm in _BETWEEN and j - i < 4:
            j += 1
        if j >= len(neg_toks) or not is_content_word(neg_toks[j].norm):
            continue
        verb = neg_toks[j].norm
        text = d.before_text if side == "dels" else d.after_text
        if not other:  # a removed (or added) clause whose verb the other version has elsewhere
            if re.search(rf"(?<!\bnot )(?<!\bnever )(?<!\bne )\b{re.escape(verb)}\b", elsewhere, re.I):
                return _subject_phrase(neg_toks, text, i, j), ""
            continue
        if j in changed:
            continue  # the verb went too: the whole statement changed, not its polarity
        for k, t in enumerate(other):
            if t.norm != verb or any(o.norm in _VERB_NEGATIONS for o in other[max(0, k - 3):k]):
                continue
            return (_subject_phrase(neg_toks, text, i, j),
                    _subject_phrase(other, d.after_text if side == "dels" else d.before_text, k, k))
    return None


_NOT_WORDS = _VERB_NEGATIONS | {"t", "pas"}  # ("don't" is "don", "t")
# What says "not" without a negation word: a prohibition, an exception, a lack, a limit. A side
# holding one may say with other words what the other side says with "not".
_NEGATIVE_SENSE = re.compile(
    r"\b(?:prohibit\w*|forbid\w*|interdit\w*|verboten|untersagt|prohib\w*|refrain\w*|avoid\w*|unable|"
    r"impossible|unless|except\w*|sauf|au(?:ß|ss)er|only|solely|seulement|uniquement|nur|fail\w*|lack\w*|"
    r"absence|without|sans|ohne|sin|no|none|nothing|neither|nor|aucun\w*|kein\w*|nada|ning\w*|nunca|"
    r"instead|rather|refus\w*|deny|denied|den(?:ies|y)|disallow\w*|ban|bann\w*|restrict\w*|limit\w*)\b", re.I)


# Currencies named in words or by their code (amounts with a sign are ``money_spans``' job):
# code -> pattern. A bare "dollars" is the US dollar unless another country's name comes before it.
_CURRENCY_WORDS = {
    "US dollars": r"\b(?:(?:US|U\.S\.|United States)\s+dollars?|(?<!Canadian )(?<!Australian )(?<!Hong Kong )"
                  r"(?<!New Zealand )(?<!Singapore )\bdollars?)\b|\bUSD\b",
    "euros": r"\beuros?\b|\bEUR\b",
    "pounds sterling": r"\bpounds?(?:\s+sterling)?\b|\bGBP\b",
    "Swiss francs": r"\bSwiss\s+francs?\b|\bCHF\b",
    "Japanese yen": r"\byen\b|\bJPY\b",
    "Canadian dollars": r"\bCanadian\s+dollars?\b|\bCAD\b",
    "Australian dollars": r"\bAustralian\s+dollars?\b|\bAUD\b",
    "Indian rupees": r"\brupees?\b|\bINR\b",
}
_CURRENCY_RES = {name: re.compile(pattern) for name, pattern in _CURRENCY_WORDS.items()}
# the words those names are made of, as a delta's tokens
_CURRENCY_TOKENS = frozenset("us u s united states dollar dollars euro euros pound pounds sterling swiss franc "
                             "francs yen canadian australian rupee rupees indian japanese usd eur gbp chf jpy cad "
                             "aud inr in".split())
_PAID = re.compile(r"\b(?:charg|bill|invoic|pa(?:y|id)|price|fee|cost|currenc|refund|subscri)", re.I)


def _currency_swapped(before: str | None, after: str | None) -> tuple[str, str] | None:
    """(old, new) currency names when a clause about paying ("charged", "billed", "fees", ...)
    names one currency in words or by code before and another after ("charged in US dollars" →
    "charged in euros"); None when either side names none or more than one, or they are the same
    ("US dollars" → "USD")."""
    if not before or not after or not _PAID.search(after):
        return None
    old = [name for name, pattern in _CURRENCY_RES.items() if pattern.search(before)]
    new = [name for name, pattern in _CURRENCY_RES.items() if pattern.search(after)]
    if len(old) != 1 or len(new) != 1 or old == new:
        return None
    return old[0], new[0]


def _limiter_changed(d: Delta) -> tuple[bool, str] | None:
    """(True, word) when a word that bounds what a clause allows (``_LIMITERS``: "only", "solely",
    "nur") is among the words ``d`` deletes and none is inserted, (False, word) the other way
    round; None when neither or both (a limiter moved or swapped for another)."""
    ins = [w for w in d.inserted() if w in _LIMITERS]
    dels = [w for w in d.deleted() if w in _LIMITERS]
    if bool(ins) == bool(dels):
        return None
    return (True, dels[0]) if dels else (False, ins[0])


def _polarity_changed(d: Delta, before: str | None, after: str | None) -> bool:
    """Whether a negation of a verb ("not", "never", "cannot", "n't"; "ne", "nicht") is new on
    one side of a modified clause while the other side has no negation nor any word that says
    "not" otherwise (``_NEGATIVE_SENSE``: "prohibited", "only", "unless", "without", ...):
    "You can cancel at any time" → "You cannot end your plan at any time". False for a negation
    moved or reworded (both sides negate) and for an empty side."""
    if not before or not after:
        return False
    for side, other in (("ins", before), ("dels", after)):
        toks = d.after if side == "ins" else d.before
        idx = d.ins if side == "ins" else d.dels
        if not any(toks[i].norm in _NOT_WORDS - {"pas", "t"} or toks[i].norm == "t" and i > 0
                   and toks[i - 1].norm in ("don", "doesn", "won", "can", "isn", "aren", "didn", "wasn", "shouldn",
                                            "mustn", "couldn", "wouldn")
                   for i in idx):
            continue
        other_words = set(words(other))
        if other_words & (_NOT_WORDS | _NEGATIONS) or _NEGATIVE_SENSE.search(plain(other)):
            continue
        return True
    return False


def _negates(lead: str) -> bool:
    """Whether a list's lead-in negates its items ("Do not use Chat for phishing, including:",
    "You must never:", "Il est interdit de :")."""
    return bool(lead) and bool((_NOT_WORDS | {"interdit", "prohibited", "verboten"}) & set(words(lead)))


def _meaningful_end(toks: tuple[Token, ...], text: str, hi: int, floor: int) -> int:
    """Where a quote of ``toks`` cut before ``hi`` should end instead: at its sentence's end when
    three words or fewer remain ("to train and improve our models"), else back past words that
    lead on ("…improve our…" → "…improve…"), never below ``floor``."""
    end = hi
    while end < len(toks) and end - hi < 3 and not _SENTENCE_GAP.search(text[toks[end - 1].end:toks[end].start]):
        end += 1
    if end == len(toks) or _SENTENCE_GAP.search(text[toks[end - 1].end:toks[end].start]):
        return end
    while hi - 1 >= floor and toks[hi - 1].norm in LEADS_ON:
        hi -= 1
    return hi


def _subject_phrase(toks: tuple[Token, ...], text: str, first: int, verb: int) -> str:
    """The words of ``toks`` from the subject of the verb at ``verb`` (before ``first``, the
    negation or the verb itself, past auxiliaries and pronouns) to ``_NEG_WORDS`` words after the
    verb, within its sentence, as read; "…" where cut."""
    lo = first
    while lo > 0 and toks[lo - 1].norm in _BETWEEN and not _SENTENCE_GAP.search(text[toks[lo - 1].end:toks[lo].start]):
        lo -= 1
    if lo > 0 and not _SENTENCE_GAP.search(text[toks[lo - 1].end:toks[lo].start]):
        lo -= 1  # the subject ("we", "Pebblewick")
    if lo < first and toks[lo].norm in ("and", "or", "but", "et", "ou", "mais", "und", "oder", "aber"):
        lo += 1  # "and we do not ...": the phrase starts at its subject
    hi = min(len(toks), verb + 1 + _NEG_WORDS)
    for k in range(verb + 1, hi):
        if _SENTENCE_GAP.search(text[toks[k - 1].end:toks[k].start]):
            hi = k
            break
    else:
        hi = _meaningful_end(toks, text, hi, verb + 2)
    piece = _space(plain_text(text[toks[lo].start:toks[hi - 1].end])).strip(" ,;:")
    cut = hi < len(toks) and not _SENTENCE_GAP.search(text[toks[hi - 1].end:toks[hi].start])
    if cut and (whom := _RECIPIENT_AFTER.search(_SENTENCE_GAP.split(text[toks[hi - 1].end:], 1)[0])):
        # the cut left out who receives it ("We share your personal data, including …, with Quillmark
        # Media for targeted advertising"): the recipient is the news of such a sentence
        tail = _space(plain_text(whom.group(0))).strip(" ,;:")
        # an aside before it ("…, including your contact details and …") gives way to the recipient
        piece = re.split(r",\s+(?:including|such as|e\.g\.|like|notamment|y compris|einschließlich|insbesondere)\b",
                         piece, maxsplit=1)[0]
        return f"{piece} … {tail}" + ("…" if len(tail) >= 70 else "")
    return piece + ("…" if cut else "")


# A named recipient later in a sentence ("… with Quillmark Media for targeted advertising", "… to
# Brightline Analytics"): a capitalised name after "with" or "to", and what for, briefly.
_RECIPIENT_AFTER = re.compile(r"\b(?:with|to|avec|à|mit|an)\s+(?:the\s+)?(?!(?:You|Your|Us|Our|We|This|These|Such|Any|All|Each)\b)(?:[A-Z][\w&.\-]*)(?:\s+(?:[A-Z][\w&.\-]*|of|&))*"
                              r"(?:,?\s+(?:for|pour|für)\s+[^,.;:()]{1,50})?")


def _rank(scores: dict[str, float], local: dict[str, float], *, side: bool = False) -> list[tuple[str, float]]:
    """A change's 1-3 most relevant categories: ranked by evidence (words right around the
    change count more), those with at least half the best score, "other" only alone.

    ``side``: instead, its 4 best-supported categories with more than a third of the best
    score, each with its share of the best score: with those the change does not carry, what a
    large rewrite also touches (``version_categories`` gives them a small vote)."""
    total: dict[str, float] = {}
    for c, v in scores.items():
        total[c] = total.get(c, 0.0) + v
    for c, v in local.items():
        total[c] = total.get(c, 0.0) + 1.5 * v
    if len(total) > 1:
        total.pop("other", None)
    if not total:
        return []
    ranked = sorted(total.items(), key=lambda kv: (-kv[1], CATEGORIES.index(kv[0])))
    best = ranked[0][1]
    if side:
        return [(c, v / best) for c, v in ranked[:_SIDE_RANKS] if v > _SIDE_SHARE * best and c != "other"]
    return [(c, v) for c, v in ranked[:3] if v > 0.5 * best]


_SIDE_RANKS = 4  # a change's side topics: among its 4 best-supported categories,
_SIDE_SHARE = 1 / 3  # with more than a third of the best one's evidence


def _local(d: Delta, side: str, width: int = 6, uncite: bool = False) -> str:
    """The changed words of one side with a few words either side: where the change happened.
    ``uncite``: without the quoted titles of the sections the clause cites (``uncited``)."""
    toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
    titles = [(m.start(), m.end()) for m in _CITED_TITLE.finditer(text)] if uncite and _CITING.search(text) else []
    pieces = []
    for a, b in d.runs(side):
        lo, hi = max(0, a - width), min(len(toks), b + width)
        start, end = toks[lo].start, toks[hi - 1].end
        pieces.append("".join(ch for k, ch in enumerate(text[start:end], start) if not any(x <= k < y for x, y in titles))
                      if titles else text[start:end])
    return " … ".join(pieces)


def _content_runs(d: Delta, side: str) -> list[str]:
    """Changed runs that hold a content word, as written, without the function words at their
    ends ("or yearly" → "yearly")."""
    out = []
    for a, b in d.runs(side):
        ws = d.run_words(side, (a, b))
        if not any(is_content_word(w) for w in ws):
            continue
        while not is_content_word(ws[0]):
            ws, a = ws[1:], a + 1
        while not is_content_word(ws[-1]):
            ws, b = ws[:-1], b - 1
        toks = d.after if side == "ins" else d.before
        if (len(ws) <= 2 and b == a + len(ws) and b < len(toks) and is_content_word(toks[b].norm)
                and re.fullmatch(r"\s*", (d.after_text if side == "ins" else d.before_text)[toks[b - 1].end:toks[b].start])):
            b += 1  # "or yearly" before "plans": say "yearly plans"
        out.append(d.run_text(side, (a, b)).strip(" ,;:.()[]\"'“”‘’"))
    return [r for r in out if r]


_TABLE_MARKS = re.compile(r"(?<!\\)\||(?<![\w-]):?-{3,}:?(?![\w-])")


def _quote(runs: list[str], limit: int = 80) -> str:
    # quoted as read: no link targets, no ** marks, no table pipes or separator rows; a run the
    # clause repeats is quoted once ("OFiTech", not "OFiTech; OFiTech")
    text = "; ".join(dict.fromkeys(_space(plain_text(_TABLE_MARKS.sub(" ", r))) for r in runs))
    return text if len(text) <= limit else one_line(text, limit + 1)


def _said(runs: list[str], text: str, d: Delta | None = None, side: str = "ins") -> str:
    """The new (or gone) words of a clause as a quote (in “”), or, when they are too few or scattered to
    read on their own ("See; show" says nothing), the words around them in their sentence
    (``_window``, with ``d``) or the clause itself."""
    if len(runs) == 1 and len(runs[0].split()) >= 3:
        return f"“{_quote(runs)}”"
    if d is not None and (window := _window(d, side)):
        return f"“{window}”"
    # runs from apart joined would quote words the clause never says in that order: the longest
    # one alone when it reads on its own, else the clause
    longest = max(runs, key=lambda r: len(r.split()), default="")
    return f"“{_quote([longest]) if len(longest.split()) >= 3 else _snippet(text)}”"


def _whole_word(quote: str, window: str) -> str:
    """``quote`` ending where its last word ends in ``window`` ("even if that person isn" of "…, even
    if that person isn’t on Zorblat" → "even if that person isn’t"): a contraction's tokens split it."""
    m = re.search(re.escape(quote) + r"(?P<rest>[’']\w+)", window)
    return quote + m.group("rest") if m else quote


def _phrase_like(runs: list[str]) -> bool:
    """Whether changed runs read as one phrase on their own: a single run of two words or more
    with no verb ("payment data and device identifiers"), or of four words or more; scattered or
    single words ("enhance; functionality and performance; services", "content") do not."""
    n = len(runs[0].split()) if len(runs) == 1 else 0
    return n >= 4 or (n >= 2 and not has_verb(words(runs[0])))


# "Applicable cookies: Amplitude, Sentry": a short label, then a list of names.
_LABELLED_LIST = re.compile(r"^\W*(?P<label>[A-Z][\w' -]{2,40}):\s+(?P<items>[^.;:]+(?:,[^.;:]+)+|[^.;:,]{1,40})\s*\.?\s*$")


def _labelled_list(text: str) -> re.Match[str] | None:
    """``_LABELLED_LIST.match(text)``, without running it on a text it cannot match: after the
    label's colon the pattern allows no '.', ';' or ':' but one final '.', and on a long clause
    with many commas its nested repeats backtrack for seconds before failing."""
    tail = text.rstrip()
    if tail.endswith("."):
        tail = tail[:-1]
    last = max(tail.rfind("."), tail.rfind(";"), tail.rfind(":"))
    if last < 0 or tail[last] != ":":
        return None
    return _LABELLED_LIST.match(text)


# What is left of a Markdown link cut in two: "](target)", "][ref]", a lone bracket.
_LINK_DEBRIS = re.compile(r"\]\s*[(\[][^)\]]*[)\]]?|[\[\]]")
_SENTENCE_GAP = re.compile(r"[.;:!?]\s|\n")


_CLAUSE_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+(?=\S)")


def _window(d: Delta, side: str, width: int = 4, limit: int = 80, hidden: bool = False) -> str:
    """The changed words of one side of ``d`` read in place: from ``width`` words before its first
    run to ``width`` words after its last, within their sentence, as read (no Markdown, links or
    table pipes), "…" where cut; only the first run with its words around when all of them take
    more than ``limit`` characters. "…use your content to improve our services…". "" when the
    changed words are not among the words read (a link target, markup), unless ``hidden``."""
    toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
    runs = []
    for a, b in d.runs(side):  # the runs' content words ("and then delete" → "delete")
        content = [k for k in range(a, b) if is_content_word(toks[k].norm)]
        if content:
            runs.append((content[0], content[-1] + 1))
    if not runs:
        return ""

    def span(a: int, b: int) -> tuple[int, int]:
        lo, hi = max(0, a - width), min(len(toks), b + width)
        for k in range(a, lo, -1):  # not across a sentence end
            if _SENTENCE_GAP.search(text[toks[k - 1].end:toks[k].start]):
                lo = k
                break
        for k in range(b, hi):
            if _SENTENCE_GAP.search(text[toks[k - 1].end:toks[k].start]):
                hi = k
                break
        else:
            if hi < len(toks):  # cut inside the sentence: on a word that carries meaning
                hi = _meaningful_end(toks, text, hi, b)
        return lo, hi

    def read(lo: int, hi: int) -> str:
        piece = text[toks[lo].start:toks[hi - 1].end]
        piece = _LINK_DEBRIS.sub("", piece.replace(LINK_OPEN, "").replace(LINK_CLOSE, ""))
        piece = _space(plain_text(_TABLE_MARKS.sub(" ", piece)))
        # emphasis marks a cut left unpaired ("8.1.4** Match"), and a clause's own number at its start
        piece = re.sub(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", piece)
        if lo == 0:  # "8.1.4", "12.", "3)": a clause number; not "46 GDPR" (an article number read on)
            piece = _CLAUSE_NUMBER.sub("", piece, count=1)
        piece = re.sub(r"[\x00-\x08\x0e-\x1f]", "", piece).strip(" ,;:([")
        return f"{'…' if lo > 0 else ''}{piece}{'…' if hi < len(toks) else ''}"

    changed = [t.norm for a, b in runs for t in toks[a:b] if is_content_word(t.norm)]
    lo, hi = span(runs[0][0], runs[-1][1])
    out = read(lo, hi)
    if changed and not hidden and not any(w in out.lower() for w in changed):
        return ""  # the change is in a link target or markup: nothing a reader sees
    if len(out) > limit:
        lo, hi = span(*runs[0])
        out = read(lo, hi)
        if len(out) > limit:
            out = one_line(out, limit + 1)
    return out


# --- notice taken away ------------------------------------------------------------------------
# Notice before something is done to a user (a termination, a price or terms change, a removal)
# is what lets them leave or save their work first: a clause that no longer gives it, or gives
# less, is as serious as a new one-sided term.
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|business days?|calendar days?)"
_NOTICE_GIVEN = re.compile(
    rf"\b{_UNIT}['’]?\s+(?:(?:prior|advance|written|email|e-mail)\s+)*notice\b|"
    r"\b(?:prior|advance|reasonable|written|sufficient)\s+(?:written\s+)?(?:notice|notification)\b|"
    r"\bnotice\s+(?:to you|in advance|of at least|period)\b|"
    r"\b(?:notify|inform|tell|alert|warn) you\b(?:\s+\w+){0,8}?\s+(?:in advance|beforehand|before|prior to|ahead of)\b|"
    r"\b(?:give|provide|send|post) (?:you )?(?:\w+ ){0,3}notice\b|"
    r"\b(?:after|upon|once|by) (?:first )?(?:notifying|informing|warning|alerting) you\b|"
    r"\bin advance\b|\bbeforehand\b|"
    # French: "un préavis de 30 jours", "nous vous informerons 30 jours avant", "à l'avance"
    r"\bpréavis\b|\bà l['’]avance\b|\bau préalable\b|\bpréalablement\b|"
    r"\b(?:avis|notification|information) préalable\b|"
    r"\b(?:inform|avert|préven|prévien|avis|notifi)\w*\b(?:\s+\S+){0,8}?\s+(?:avant|à l['’]avance)\b|"
    # German: "mit einer Frist von 30 Tagen", "im Voraus", "vorab", "rechtzeitig vorher"
    r"\b(?:Kündigungs|Ankündigungs)?[Ff]rist von\b|\bKündigungsfrist\b|\bVorankündigung\b|\bim Voraus\b|"
    r"\bvorab\b|\brechtzeitig\b|\bvorherige[nmrs]? (?:Benachrichtigung|Mitteilung|Ankündigung|Information)\b|"
    # Spanish: "con 30 días de antelación", "previo aviso", "preaviso"
    r"\bpreaviso\b|\bcon (?:\S+ ){0,3}(?:antelación|anticipación)\b|\b(?:aviso|notificación) previ[oa]\b|\bprevio aviso\b",
    re.I)
def _gives_notice(text: str) -> bool:
    """Whether ``text`` promises the user notice before something is done (not "without
    notice", not the user's own duty to give notice)."""
    flat = plain(text)
    return bool(_NOTICE_GIVEN.search(_NO_NOTICE.sub(" ", flat))) and not _USERS_NOTICE.search(flat)


def notice_cut(before: str | None, after: str | None) -> str:
    """How a clause changed takes notice away from the user, or "": "without notice" (it now
    allows something without notice), "notice dropped" (the notice it promised is gone, the
    clause removed or reworded without it), "notice shortened" (a shorter notice period)."""
    b, a = plain(before or ""), plain(after or "")
    if not b:
        return ""
    if a and _NO_NOTICE.search(a) and not _NO_NOTICE.search(b):
        return "without notice"
    if _gives_notice(b) and not (a and (_gives_notice(a) or re.search(r"\bnoti(?:ce|fy)|\bavis\b|\bnotifi|\bbenachrichtig|"
                                                                  r"\bmitteil|\baviso\b", a, re.I))):
        return "notice dropped"
    if a and (old := _notice_days(b)) is not None and (new := _notice_days(a)) is not None and new < old:
        return "notice shortened"
    return ""


_FRAME = frozenset("now says instead of no longer new the a an is are".split())


# How the user is told (personal: to them; public: a page they would have to read), in English,
# French and German. A notice sent to the user cut down to one posted on a page is a notice cut.
_PERSONAL_CHANNEL = re.compile(
    r"\b(?:by|via|through|per|over)\s+(?:(?:an?|the)\s+)?(?:e-?mail|electronic mail|post|mail|letter|sms|"
    r"text messages?|registered mail|push notifications?)\b|\bin writing\b|\bwritten notice\b|"
    r"\be-?mail(?:ing)? you\b|\bsend(?:ing)? you\b|\bnotify you directly\b|\b(?:to|at) your (?:e-?mail )?address\b|"
    r"\bpar (?:courrier(?: électronique| postal)?|courriel|e-?mail|mail|écrit|lettre(?: recommandée)?|sms|"
    r"voie électronique|notification)\b|\bvous (?:adresser|envoyer|enverrons)\b|"
    r"\bper (?:e-?mail|post|brief|sms|einschreiben)\b|\bschriftlich\b|\bin textform\b|"
    r"\ban (?:ihre|die von ihnen) (?:\w+ )?e-?mail-?adresse\b", re.I)
_PUBLIC_CHANNEL = re.compile(
    r"\bpost(?:s|ing|ed)?\b|\bpublish\w*|\b(?:on|at) (?:this|our|the) (?:page|website|site|blog)\b|"
    r"\bupdat\w+ the (?:date|[\"“]?last updated)|\bpubli\w+|\bsur (?:cette|notre|la présente|le) (?:page|site)\b|"
    r"\bmise en ligne\b|\bveröffentlich\w*|\bauf (?:dieser|unserer) (?:seite|website|webseite|internetseite)\b",
    re.I)
_TELLS = re.compile(r"\b(?:notif\w*|inform\w*|tell|told|let you know|alert|warn|notice|announc\w*|e-?mail(?:ing)? you|(?:send|write to|contact)(?:ing)? you|avis|aviser|avertir|"
                    r"avertirons|prévenir|préviendrons|benachrichtig\w*|mitteil\w*|hinweis\w*|kenntnis)\b", re.I)


# What a notice is about: a change, a price, an end ("marketing emails" sent to you are none)
_NOTICE_TOPIC = re.compile(r"\b(?:chang\w*|modif\w*|änderung\w*|geändert|updat\w*|increas\w*|rais\w*|rises?|"
                           r"notice|préavis|termin\w*|clos\w*|suspen\w*|résili\w*|kündig\w*|pric\w*|prix|"
                           r"preis\w*|tarif\w*|fees?|frais|gebühr\w*|augment\w*|erhöh\w*)\b", re.I)


def notice_channel_cut(before: str | None, after: str | None) -> tuple[str, str] | None:
    """How the user is told of something, cut from a message to them (by email, in writing, par
    courrier électronique, per E-Mail) to a posting they would have to find (on this page, on
    the website, publiée, veröffentlicht): ``(old channel, new channel)`` as written, or None
    (the same channel, a personal channel kept, or no telling at all)."""
    b, a = plain(before or ""), plain(after or "")
    if not (b and a) or not (_TELLS.search(b) and _NOTICE_TOPIC.search(b)):
        return None
    old, new = _PERSONAL_CHANNEL.search(b), _PUBLIC_CHANNEL.search(a)
    if not old or not new or _PERSONAL_CHANNEL.search(a) or _USERS_NOTICE.search(b):
        return None
    return old.group(0), new.group(0)


def _said_once(sentences: list[str]) -> list[str]:
    """``sentences`` less repeats: the same sentence twice, or one whose words another says
    with more ("The law is now Estonia instead of Malta" beside "Now says “…the laws of Estonia…”
    instead of “…the laws of Malta…”"), so an explanation says each thing once."""
    def bag(text: str) -> frozenset[str]:
        return frozenset(w for w in re.findall(r"\w+", _CATS_TAIL_RE.sub("", text).lower()) if w not in _FRAME)

    out = list(dict.fromkeys(sentences))
    bags = [bag(t) for t in out]
    return [t for k, t in enumerate(out)
            if not any(j != k and bags[k] < bags[j] and len(bags[k]) >= 2 for j in range(len(out)))]


def _value_for_words(sentences: list[str], del_c: list[str]) -> list[str]:
    """A value that took the place of words ("Liability will now not exceed 100 USD" where the cap was
    "the total fees you paid in the 12 months before the claim") said with what it replaced, in
    place of a second sentence quoting both texts ("Now says “…will not exceed 100 USD” instead of
    “…”"): one run of words cut, the value sentence quoting none."""
    if len(sentences) != 2 or len(del_c) != 1 or not 2 <= len(del_c[0].split()) <= 16:
        return sentences
    value, swap = sentences
    if not swap.startswith("Now says “"):
        value, swap = swap, value
    if not swap.startswith("Now says “") or "“" in value or " instead of " in value or " now " not in f" {value} ":
        return sentences
    m = _CATS_TAIL_RE.search(value)
    tail = m.group(0) if m else ""
    body = value[:m.start()] if m else value
    return [f"{body.rstrip(' .')} instead of {del_c[0].strip(' ,;.')}{tail}"]


_CATS_TAIL_RE = re.compile(r"\s*\((?:[a-z-]+(?:, [a-z-]+)*)\)(?=\s*(?:—|$))")


def _passage(d: Delta, side: str, limit: int = 70) -> str:
    """The changed stretch of one side of ``d`` as one quote: from a few words before its first
    changed word on, in its own words, cut on a word that carries meaning within ``limit``
    characters ("…You grant GitHub and our Affiliates the right to store, host, archive…");
    "" when no changed word is one a reader sees."""
    whole = _window(d, side, 3, 100_000)
    if whole and len(re.findall(r"\w+", whole)) < 6:
        # too few words to be read alone ("Your privacy policy…"): more of its sentence around
        # it, as long as the cut quote still holds the words that changed
        wider = one_line(_window(d, side, 8, 100_000), limit)
        if whole.strip("…") in wider:
            return wider
    return one_line(whole, limit) if whole else ""


# A section that lists pages to read more ("Other useful resources", "Related links", "See also",
# "Pour aller plus loin", "Weiterführende Links"), and an item of it that opens with its link.
_RESOURCES = re.compile(r"\b(?:(?:other\s+)?(?:useful|helpful|related|additional|more)\s+(?:resources|links|reading|"
                        r"articles|pages)|further\s+reading|see\s+also|ressources\s+utiles|liens\s+utiles|"
                        r"pour\s+aller\s+plus\s+loin|weiterführende\s+(?:links|informationen)|nützliche\s+links)\b",
                        re.I)
_LINK_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+\[[^\]]+\]\([^)]*\)")


# A paragraph's run-in title: bold words ending it at the start ("**Book Returns.** You may ...",
# "1. **Fees and Taxes** You pay ...").
_RUNIN_TITLE = re.compile(r"^\s*(?:\d{1,3}[.)]\s*)?(?:\*\*|__)(?P<title>[^*_\n]{1,120}?)(?:\*\*|__)\s*")


def _runin_title_only(before: str, after: str) -> str:
    """What a reader is told when a paragraph's change is only its bold run-in title (reworded,
    added, dropped or split off into a heading of its own) and the sentences after it are the
    same: a title carries no term (the heading rule); "" otherwise."""
    mb, ma = _RUNIN_TITLE.match(before), _RUNIN_TITLE.match(after)
    if not mb and not ma:
        return ""
    rest_b = before[mb.end():] if mb else before
    rest_a = after[ma.end():] if ma else after
    if " ".join(rest_b.split()) != " ".join(rest_a.split()) or not rest_b.strip():
        return ""
    old = mb.group("title").strip() if mb else ""
    new = ma.group("title").strip() if ma else ""
    for title in (old, new):
        # a title names its paragraph; a bold sentence ("**No refunds after 14 days.**") is a term
        if title and (len(title.split()) > 10 or re.search(r"\d", title) or has_verb(words(title))):
            return ""
    if old and new:
        return f"Only its run-in title changed: “{_snippet(new, 60)}” (was “{_snippet(old, 60)}”)"
    return f"Only its run-in title changed: {'now “' + _snippet(new, 60) + '”' if new else 'dropped “' + _snippet(old, 60) + '”'}"


def _under_changes_title(before: str | None, after: str | None, lead_before: str, lead_after: str) -> bool:
    """Whether the list item changed sits, on each side it is on, in a list whose lead-in is the title of
    a list of what changed (``_changes_title``: "Summary of Recent Changes" as a plain line)."""
    sides = [lead for text, lead in ((before, lead_before), (after, lead_after)) if text is not None]
    return bool(sides) and all(lead and _changes_title(lead) for lead in sides)


def label_change(kind: str, before: str | None, after: str | None, *, heading: str = "",
                 text_changed: bool = True, context: DocContext | None = None,
                 lead_before: str = "", lead_after: str = "") -> ChangeLabel:
    """Label one clause change ("added" | "removed" | "modified" | "moved").

    ``context`` holds the two whole versions (``DocContext.of(old, new)``, with renames from
    ``find_renames``); without it the change is judged on its own two texts. ``lead_before`` /
    ``lead_after``: the sentence that introduces the list or table the clause belongs to
    ("We collect:"), read as its context. Returns the label with its one-line explanation."""
    before_p, after_p = plain(before or ""), plain(after or "")
    facts_b: tuple[Fact, ...] = ()  # read only once the change is not cosmetic (costly)
    facts_a: tuple[Fact, ...] = ()
    if kind == "moved" and not text_changed:
        return _cosmetic("moved-unchanged", "Moved without a change of wording", facts_b, facts_a)
    if before is not None and after is not None:
        if cos := cosmetic_kind(before, after):
            return _cosmetic(cos, _COSMETIC_TEXT[cos], facts_b, facts_a)
        if kind == "modified" and (said := _runin_title_only(before, after)):
            return ChangeLabel(False, "minor", (), said, None, (), (), facts_b, facts_a)
        if _columns_reordered(before, after):
            return _cosmetic("regrouped", "Only the order of the table's columns changed", facts_b, facts_a)
        if kind == "modified" and (filled := _placeholder_filled(before, after)):
            return ChangeLabel(False, "minor", (), f"A placeholder filled in, not a term: “{one_line(filled[1], 60)}” "
                               f"where the text said “[{one_line(filled[0], 60)}]”", None, (), (), facts_b, facts_a)
        if kind == "modified" and (filled := _contact_placeholder_filled(before, after)):
            return _cosmetic("contact-details", f"Contact details put where the draft asked for them: "
                             f"“{one_line(filled[1], 60)}” for “[{one_line(filled[0], 60)}]”", facts_b, facts_a)
        if kind == "modified" and (broken := _cut_sentence_completed(before_p, after_p)):
            return ChangeLabel(False, "minor", (), f"A sentence the {broken[0]} text breaks off, whole in the other: "
                               f"“…{one_line(broken[1], 60)}”", None, (), (), facts_b, facts_a)
        if _cookie_names_only(before, after):
            return ChangeLabel(False, "minor", (), "Only the names of the cookies listed changed, not what they are "
                               "used for or by whom", None, (), (), facts_b, facts_a)
    if kind == "modified" and before and after and (names := _acronym_renamed(before_p, after_p)):
        return _cosmetic("renamed", f"Only a name changed: {names[0]} → {names[1]}", facts_b, facts_a)
    if kind == "modified" and before and after and _acronym_only(before_p, after_p, context):
        return _cosmetic("renamed", "Only a name said by its abbreviation, or in full", facts_b, facts_a)
    if before is not None and (m := _UNDERSCORED.match(before)):
        before, before_p = m.group(1), plain(m.group(1))
    if after is not None and (m := _UNDERSCORED.match(after)):
        after, after_p = m.group(1), plain(m.group(1))
    if all(_is_heading(t) for t in (before, after) if t is not None):
        return _heading_change(kind, before_p, after_p, facts_b, facts_a)
    if kind in ("added", "removed") and _LINK_TAIL.match((after if before is None else before) or ""):
        # the end of a link card ("... lectures we will attend.](https://…/news/…)") cut off from
        # its opening bracket: a news teaser or a menu entry, not a term
        return _noise_label(("navigation",), before_p, after_p, facts_b, facts_a)
    if all(is_language_row(t) for t in (before, after) if t is not None):
        return _noise_label(("navigation",), before_p, after_p, facts_b, facts_a)  # a table of translations
    if heading and is_announcement_heading(heading) or _under_changes_title(before, after, lead_before, lead_after):
        # an item of a "Summary of recent changes" box: the changes it lists are labelled where made
        return _noise_label(("announcement",), before_p, after_p, facts_b, facts_a)
    if kind in ("added", "removed") and heading and _RESOURCES.search(heading) \
            and _LINK_ITEM.match((after if before is None else before) or ""):
        # a link to a help page put in or taken out of a list of "Other useful resources": where
        # to read more, not a term (the page it links to is tracked on its own if it is terms)
        return _noise_label(("navigation",), before_p, after_p, facts_b, facts_a)
    ctx = context or DocContext.of(before or "", after or "")
    if kind in ("added", "removed") and context is not None \
            and (entry := _entry_still_listed((after if before is None else before) or "",
                                              ctx.old_text if before is None else ctx.new_text)):
        # "* X Addendum at <link> (effective 1 January 2023 replacing Y)" gone while another entry
        # still lists X Addendum at that link: the entry's note went, the document stays
        return ChangeLabel(False, "minor", (), f"The same document still listed: {entry}", None, (), (), facts_b, facts_a)
    if kind == "added" and after and context is not None and (who := _cookie_row_party(after, ctx.old_text)):
        # a cookie table's new row for a domain the old version never names: another party now sets
        # cookies (its domain is no contact detail)
        return ChangeLabel(True, "material", ("privacy",), f"New cookies set by {who[0]}: {_snippet(who[1], 60)} (privacy)",
                           None, (), (), facts_b, facts_a)
    if kind == "added" and after and context is not None \
            and (partner := _linked_recipient(after, heading, lead_after, ctx.old_text)):
        # a list of the partners or processors that get the users' data, each named by a link to its
        # policy: one more linked name is one more party that gets the data, not a link alone
        return ChangeLabel(True, "material", ("privacy",),
                           f"New party in the list “{_snippet(lead_after or heading, 60)}”: {partner} (privacy)",
                           None, (), (), facts_b, facts_a)
    if kind == "modified" and before and after and context is not None \
            and (linked_new := _linked_recipients_added(before, after, ctx.old_text)):
        # "Our email vendors are [A], [B], or [C]" with one more linked name: one more party that
        # gets the data, though its words sit in a link (not a link's words changed)
        return ChangeLabel(True, "material", ("privacy",),
                           f"New party in “{_snippet(linked_new[0], 60)}”: {', '.join(linked_new[1])} (privacy)",
                           None, (), (), facts_b, facts_a)
    if kind in ("added", "removed") and context is not None \
            and _card_blurb((after if before is None else before) or "", ctx.new_text if before is None else ctx.old_text):
        # "How we process your data in our branches" on a hub's card, above the link to that page
        return _noise_label(("navigation",), before_p, after_p, facts_b, facts_a)
    if kind in ("added", "removed") and context is not None \
            and _contents_entry((after if before is None else before) or "", ctx.new_text if before is None else ctx.old_text):
        # "* 3. How your personal data is gathered" above the section of that title: a line of a
        # table of contents, not a term (its section is labelled where it is)
        return _noise_label(("navigation",), before_p, after_p, facts_b, facts_a)
    if kind in ("added", "removed") and context is not None \
            and (schedule := _schedule_entry((after if before is None else before) or "",
                                             ctx.new_text if before is None else ctx.old_text)):
        # "[Schedule 5: 5G data plans](…)" put under a clause that incorporates the schedules: a whole
        # set of terms added to the agreement (or taken out), not a link
        word = re.sub(r"^[-*+•\s]+", "", schedule).split()[0].lower()  # "schedule", "annex", "exhibit"
        said = (f"New {word} made part of the terms: “{schedule}”" if before is None
                else f"{word.capitalize()} no longer part of the terms: “{schedule}”")
        return ChangeLabel(True, "material", ("other",), f"{said} (other)", None, (), (), facts_b, facts_a)
    if kind in ("added", "removed") and _COUNTERPARTY_LEAD.search(lead_after if before is None else lead_before) \
            and _WHERE_LIST.search(plain((after if before is None else before) or "")):
        # "* If you reside in Canada - Payward Canada Inc., …" under "your counterparty to these Terms
        # is as follows:": who the users of a country contract with, added or taken out of the list
        said = "added to" if before is None else "removed from"
        return ChangeLabel(True, "material", ("other",), f"Contracting party {said} the list by where you live: "
                           f"“{_snippet((after if before is None else before) or '', 90)}” (other)",
                           None, (), (), facts_b, facts_a)
    b_src = _row_only(before) if before and _is_row(before) else before
    a_src = _row_only(after) if after and _is_row(after) else after
    whole = ctx.delta(b_src, a_src)
    d, renamed, parties, recipients = _explain_renames(whole, ctx)
    if renamed and not parties and any(_scope_words(whole, words(o + " " + n)) for o, n in renamed):
        d, renamed = whole, []  # a name put in or out of a list of what a term covers: no rename
    if kind == "modified" and (swap := _currency_swapped(before, after)) \
            and set(whole.inserted() + whole.deleted()) <= _CURRENCY_TOKENS:
        # only the currency changed ("charged in US dollars" → "in GBP"): no rename, a price change
        return ChangeLabel(True, "material", ("pricing", "payment"),
                           f"Now in {swap[1]} instead of {swap[0]} (pricing, payment)", None, (), (), facts_b, facts_a)
    if ctx.names and not parties:
        d, named = _explain_names(d, ctx)
        renamed += named
    if not parties and not renamed and before and after and (party := contract_party_change(b_src or "", a_src or "")):
        parties = [party]  # a company named where the clause says who the contract is with
    if parties:
        old, new = parties[0]
        return ChangeLabel(True, "material", ("other",),
                           f"The contracting party is now {new} instead of {old} (other)",
                           None, (), (), facts_b, facts_a)
    if recipients:
        old, new = recipients[0]
        return ChangeLabel(True, "material", ("privacy",),
                           f"The users' data now goes to {new} instead of {old} (privacy)",
                           None, (), (), facts_b, facts_a)
    if kind == "modified" and (ref := _pronoun_for_referent(d, ctx)):
        return ChangeLabel(False, "minor", (), f"Reworded without a change of meaning: “{ref[0]}” now “{ref[1]}”, "
                           "the same thing named", None, (), (), facts_b, facts_a)
    if kind == "modified" and before and after and (way := _way_label(d, before_p, after_p)):
        return way  # a way to cancel or opt out taken away or given, not its address changed
    d, why = _explain_noise(d, ctx)
    d = _list_lead_words(d, before or "", after or "", lead_before, lead_after)
    if kind in ("modified", "moved") and before and after \
            and (itemised := _ban_itemised(d, before, after, lead_before, lead_after)) is not d:
        if not any(is_content_word(w) or w in MODALS or w in _NEGATIONS for w in itemised.inserted() + itemised.deleted()):
            # (read before ``_meaning_moved``: the "not" went to the lead-in, it was not dropped)
            return ChangeLabel(False, "minor", (), "The same ban, now an item of the list "
                               f"“{_snippet(lead_after or lead_before, 60)}”", None, (), (), facts_b, facts_a)
        d = itemised
    if not any(is_content_word(w) or w in MODALS or w in _NEGATIONS or w in _LIMITERS
               for w in d.inserted() + d.deleted()) and not (kind == "modified" and (_party_swap(d) or _reach_change(d))):
        # small words changed beside the name or date ("of" → "our"): said too, never "Only a name"
        small = _small_words(d) if kind == "modified" else ""
        if renamed:
            old, new = max(renamed, key=lambda pair: bool(pair[0]))  # one that says what it replaced
            text = f"Only a name changed: {old} → {new}" if old else f"Only a name changed: now “{new}”"
            if small:
                text = f"{text.replace('Only a name', 'A name', 1)}; also {small}"
            return _cosmetic("renamed", text, facts_b, facts_a)
        for reason in ("date-only", "contact-details", "renumbering", "links-only", "renamed", "formatting"):
            if reason in why:
                text = _stamp_text(before_p, after_p) if reason == "date-only" else _COSMETIC_TEXT[reason]
                if small and text.startswith("Only "):
                    text = f"{text[5].upper()}{text[6:]}; also {small}"  # "A date changed; also “of” → “our”"
                return _cosmetic(reason, text, facts_b, facts_a)
        if kind == "added" and (copy := _copied_section(after_p, heading, ctx)):
            return copy
        if kind == "modified" and before and after and (cell := _cell_changed(before, after, heading)):
            return cell
        if kind == "modified" and before and after and (moved := _meaning_moved(before_p, after_p, facts_b, facts_a)):
            return moved
        if d.empty or kind != "modified":
            # a word spelled another way ("aplication" → "application") is a typo fixed, not words
            # regrouped; this branch sees both because the delta explains respellings away
            if kind == "modified" and _amount_rewritten(d):  # "USD 100" → "US$100": the same amount
                return _cosmetic("formatting", "Only the way an amount is written changed", facts_b, facts_a)
            from tracker.analysis.facts_eu import money_spans

            if (kind == "modified" and _money_notation(before_p, after_p) is None
                    and (old_m := money_spans(before_p)) and (new_m := money_spans(after_p))
                    and len(old_m) == len(new_m)):
                # the same words around another currency sign ("$10" → "€10"): an amount changed.
                # (An amount fewer on one side, its sign explained away by the delta, is a sign
                # mangled by a wrong encoding, "5€" read as "5é": no amount changed.)
                old_v = ", ".join(v for _, _, v in old_m)
                new_v = ", ".join(v for _, _, v in new_m)
                cats = tuple(c for c in category_scores(after_p) if c != "other")[:2] or ("pricing",)
                return ChangeLabel(True, "material", cats, f"Amount now {new_v} instead of {old_v}{_cats_text(cats)}",
                                   None, (), (), facts_b, facts_a)
            if kind == "moved" and not d.empty:  # small words changed too: never "without a change of wording"
                return ChangeLabel(False, "minor", (), "Moved, and reworded without a change of meaning", None, (),
                                   (), facts_b, facts_a)
            if kind == "modified" and (same := _same_meaning_words(d)):
                return ChangeLabel(False, "minor", (), f"Reworded without a change of meaning: “{same[0]}” now "
                                   f"“{same[1]}”", None, (), (), facts_b, facts_a)
            what = "moved-unchanged" if kind == "moved" else "spelling" if _respelled(d) else "regrouped"
            return _cosmetic(what, _COSMETIC_TEXT[what], facts_b, facts_a)
        return ChangeLabel(False, "minor", (), "Reworded without a change of meaning", None, (), (),
                           facts_b, facts_a)
    if all(is_address_run(d.run_words(side, r)) for side in ("ins", "dels") for r in d.runs(side)) \
            and _cut_off_dates(before_p) == _cut_off_dates(after_p):  # "after <date>" is no address
        return _cosmetic("contact-details", _COSMETIC_TEXT["contact-details"], facts_b, facts_a)
    if kind == "modified" and _address_line_moved(before_p, after_p):
        return _cosmetic("contact-details", _COSMETIC_TEXT["contact-details"], facts_b, facts_a)
    if kind == "modified" and (cut := _cut_off_moved(before_p, after_p)):
        return cut
    if kind == "modified" and _stutter_fixed(d):
        return _cosmetic("spelling", "Only a word said twice was dropped (a typo fixed)", facts_b, facts_a)
    if before is not None and after is not None:  # (an added or removed clause: read if material)
        facts_b, facts_a = tuple(extract_facts(before_p)), tuple(extract_facts(after_p))
    if kind == "modified" and (closed := _list_closed(d)):
        # "including" ↔ "limited to": an open list closed (or a closed one opened), not an example
        cats = tuple(c for c in category_scores(after_p) if c != "other")[:2] or ("other",)
        how = "open" if closed[1].lower().startswith(("includ", "such")) else "closed"
        return ChangeLabel(True, "material", cats, f"The list is now {how}: “{closed[1]}” instead of "
                           f"“{closed[0]}”{_cats_text(cats)}", None, (), (), facts_b, facts_a)
    if kind not in ("added", "removed") and _examples_only(d):
        return ChangeLabel(False, "minor", (), "Only the examples given changed", None, (), (),
                           facts_b, facts_a)
    if kind == "modified" and _example_marker_swapped(d):
        return ChangeLabel(False, "minor", (), "Reworded without a change of meaning: one word that introduces "
                           "an example put for another", None, (), (), facts_b, facts_a)
    if kind == "modified" and _name_version_only(d, facts_b, facts_a):
        return ChangeLabel(False, "minor", (), "Only the version number in a product's name changed", None, (), (),
                           facts_b, facts_a)
    if kind not in ("added", "removed") and _ui_only(d, facts_b, facts_a) and not notice_cut(before_p, after_p) \
            and not notice_channel_cut(before_p, after_p):
        return ChangeLabel(False, "minor", (), "Only the way to reach a feature or a form changed",
                           None, (), (), facts_b, facts_a)
    if kind not in ("added", "removed") and _names_only(d, facts_b, facts_a) \
            and not _covered_item(before or after or "", lead_before or lead_after, ctx):
        runs = _content_runs(d, "ins") or _content_runs(d, "dels")
        return ChangeLabel(False, "minor", (), f"Only names changed: {_quote(runs, 60)}", None, (), (),
                           facts_b, facts_a)
    # A list item or a table row is read with its lead-in or header: a fragment there is a term.
    listed_b = bool(before and (_is_row(before) or _LIST_ITEM.match(before) and lead_before))
    listed_a = bool(after and (_is_row(after) or _LIST_ITEM.match(after) and lead_after))
    framed = bool(heading) and bool(set(category_scores(heading)) - {"other"})
    # a plan's section on a pricing page ("## Team", "12 USD per seat per month", its features):
    # its short lines are terms, read with its price ("Team: 30-day → 7-day" trial, a token allowance)
    plan = "" if framed or not heading else _plan_price(heading, ctx)
    framed = framed or bool(plan)
    # a one-column table under an empty header is a page's layout, its cell a block of prose
    layout_b, layout_a = _layout_row(before), _layout_row(after)
    sb = _side(d.before_text, d.before, d.dels, listed_b and not layout_b, framed,
               bool(before and _is_row(before)) and not layout_b, _has_break(before))
    sa = _side(d.after_text, d.after, d.ins, listed_a and not layout_a, framed,
               bool(after and _is_row(after)) and not layout_a, _has_break(after))
    if "contact" in sb.noise_kinds and not _reachable(ctx.new_text):
        # a way to reach someone removed with no other way left: it may have been the only way to
        # exercise a right (taxonomy), so it is read as a term
        keep = [k != "contact" for k in sb.noise_kinds]
        sb = _Side(sb.legal + tuple(s for s, k in zip(sb.noise, keep) if not k),
                   tuple(s for s, k in zip(sb.noise, keep) if k), tuple(k for k in sb.noise_kinds if k != "contact"))
    # a notice of a clause elsewhere in the terms is no term only when the version without it has
    # that clause too (a banner taken away, the arbitration clause kept)
    sb, sa = _notice_kept(sb, ctx, "new"), _notice_kept(sa, ctx, "old")
    if not sb.legal and not sa.legal:
        kinds = sb.noise_kinds + sa.noise_kinds
        return _noise_label(kinds, before_p, after_p, facts_b, facts_a)
    job = _Job(kind, before_p, after_p, heading, facts_b, facts_a, d, sb, sa, ctx,
               lead_before if listed_b else "", lead_after if listed_a else "",
               (_is_row(before or "") and not layout_b) or (_is_row(after or "") and not layout_a), before or "", after or "",
               framed and any(w[:1].isdigit() for w in d.inserted() + d.deleted())
               and not (sb.legal and sa.legal and has_verb(words(" ".join(sa.legal)))), plan=plan)
    label = job.label()
    if not label.material and kind == "modified" and before and after \
            and (lost := _protection_dropped(before_p, after_p, ctx.old_text, ctx.new_text)):
        # "Direct messages are encrypted" → "... are private": a safeguard of the users' data no
        # longer promised, whatever else the sentence says (taxonomy: a dropped protection is material)
        return ChangeLabel(True, "material", ("privacy",), f"No longer says “{lost}”: now reads "
                           f"“{_snippet(after_p, 80)}” (privacy)", None, (), (), facts_b, facts_a)
    if not label.material and kind == "modified" and before and after and (cell := _cell_changed(before, after, heading)):
        return replace(cell, facts_before=facts_b, facts_after=facts_a)
    if not label.material and kind == "modified" and before and after \
            and (moved := _meaning_moved(before_p, after_p, facts_b, facts_a)):
        return moved
    if label.material and kind in ("modified", "moved") and before and after and same_content(before, after):
        # the clause itself says the same with other small words ("with regard to" → "regarding"):
        # every negation, number, modal, limiter and party kept in its place (``restating``)
        return ChangeLabel(False, "minor", (), "Reworded without a change of meaning", None, (), (), facts_b, facts_a)
    if label.material and context is not None and change_restated(before, after, ctx.old_text, ctx.new_text):
        # its words are all still there, only regrouped across the pair or said with other small
        # words (``tracker.analysis.restating``)
        if kind == "modified" and before and after and same_content(before, after):
            return ChangeLabel(False, "minor", (), "Reworded without a change of meaning", None, (), (), facts_b, facts_a)
        return _cosmetic("regrouped", _COSMETIC_TEXT["regrouped"], facts_b, facts_a)
    return label


# An entry of a list of documents: its name, then where it is ("* Quillory Data Addendum at
# [quillory.test/dpa](https://quillory.test/dpa) (dated 1 May 2031)").
_DOCUMENT_ENTRY = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?P<name>[^\[\]()]{3,120}?)\s+(?:(?:available|located|found|"
                             r"posted)\s+)?at\s+\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)(?P<rest>.*)$", re.S)


def _entry_still_listed(entry: str, other_version: str) -> str:
    """The name of the document an added or removed list entry names, when the other version still
    lists that document by the same name and the same link (its text or its target) and the entry
    says nothing more than a note in brackets on its date ("(effective 1 January 2023 replacing the
    CCPA Addendum)"); "" otherwise."""
    m = _DOCUMENT_ENTRY.match(entry)
    if m is None or not DOCUMENT_NAME.search(m.group("name")):
        return ""
    rest = m.group("rest").strip()
    if rest and not (rest.startswith("(") and rest.rstrip(".").endswith(")") and len(rest.split()) <= 20):
        return ""
    name = " ".join(m.group("name").split())
    if name not in " ".join(other_version.split()):
        return ""
    url = m.group("url").split("://", 1)[-1].rstrip("/")
    return name if (f"[{m.group('label')}]" in other_version or url in other_version) else ""


def _notice_kept(side: _Side, ctx: DocContext, other: str) -> _Side:
    """``side`` with each "notice" (``_CLAUSE_NOTICE``: "you will be bound by the arbitration
    clause that appears later in these Terms") read as a term again when the ``other`` version
    ("old" or "new") has no clause on a topic the notice names: then the notice may be all the
    terms say of it."""
    if "notice" not in side.noise_kinds:
        return side
    keep = [k != "notice" or all(_still_has(c, ctx, other) for c in category_scores(s) if c != "other")
            for s, k in zip(side.noise, side.noise_kinds)]
    if all(keep):
        return side
    return _Side(side.legal + tuple(s for s, k in zip(side.noise, keep) if not k),
                 tuple(s for s, k in zip(side.noise, keep) if k),
                 tuple(k for k, kept in zip(side.noise_kinds, keep) if kept))


# Words that say how the users' data is protected: encrypted, anonymised, pseudonymised, hashed
# (English, French, German).
_PROTECTION = re.compile(r"\b(?:end[-\s]to[-\s]end[-\s]+)?(?:encrypt\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|hashed|"
                         r"chiffr\w*|anonymis\w*|pseudonymis\w*|verschlüssel\w*|anonymisiert\w*|pseudonymisiert\w*)",
                         re.I)


def _protection_root(word: str) -> str:
    """The family of a protection word (``_PROTECTION``): "encrypted" and "encryption" are one."""
    w = word.lower().split()[-1].split("-")[-1]
    return w[:6]


def _protection_dropped(before: str, after: str, old_text: str, new_text: str) -> str | None:
    """The protection word ``before`` says and ``after`` no longer does ("Messages are encrypted"
    → "Messages are private"), when the whole new version also says it fewer times than the old
    one (not moved to the next sentence); None otherwise."""
    said = {_protection_root(m.group(0)): m.group(0) for m in _PROTECTION.finditer(before)}
    if not said:
        return None
    kept = {_protection_root(m.group(0)) for m in _PROTECTION.finditer(after)}
    for root, word in said.items():
        if root in kept:
            continue
        count = lambda text: sum(_protection_root(m.group(0)) == root for m in _PROTECTION.finditer(text))  # noqa: E731
        if count(new_text) < count(old_text):
            return word
    return None


# "(DIGG)", "(ICO)", "(CNIL)": an abbreviation in brackets, which names what the words before it name.
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")
_NAME_CONNECTORS = r"(?:of|for|and|on|de|des|du|la|le|für|und|der|&)"  # (not "the": "Notify the ...")


def _acronym_renamed(before: str, after: str) -> tuple[str, str] | None:
    """(old, new) name when a clause changed only in the full name that stands before an
    abbreviation in brackets, kept on both sides ("the Danish Agency for Digital Administration
    (DIGG)" → "the Agency for Digital Government (DIGG)"): the same body, its name corrected or
    renamed, not another one. None when anything else changed, when no such abbreviation is kept,
    or when a name holds a company's legal form (a change of party is read elsewhere)."""
    kept = set(_ACRONYM.findall(before)) & set(_ACRONYM.findall(after))
    if not kept:
        return None
    names: list[tuple[str, str]] = []

    def masked(text: str, found: list[str]) -> str:
        for acronym in sorted(kept):
            pattern = re.compile(rf"((?:[A-Z][\w'’&-]*\s+(?:{_NAME_CONNECTORS}\s+)*)*[A-Z][\w'’&-]*)\s*\({acronym}\)")

            def keep(m: re.Match[str]) -> str:
                found.append(m.group(1))
                return f"\x00{acronym}"

            text = pattern.sub(keep, text)
        return " ".join(text.split())

    old_names: list[str] = []
    new_names: list[str] = []
    if masked(before, old_names) != masked(after, new_names) or len(old_names) != len(new_names):
        return None
    corp = corporate_words()
    for o, n in zip(old_names, new_names):
        if o != n:
            if any(w in corp for w in words(o + " " + n)):
                return None
            names.append((o, n))
    return names[0] if names else None


_SPELLED = re.compile(rf"((?:[A-Z][\w'’&-]*\s+(?:{_NAME_CONNECTORS}\s+)*)*[A-Z][\w'’&-]*)\s*\(([A-Z][A-Z0-9&]{{1,9}})\)")


_BRACKETED_ABBR = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")
_SPELLED_BEFORE = re.compile(_SPELLED.pattern + r"\Z")


def _initials(name: str) -> str:
    """The capitals that open the words of a name, its connectors left out ("European Economic
    Area" → "EEA", "Bureau of Labor" → "BL")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@lru_cache(maxsize=8)
def acronyms(text: str) -> dict[str, str]:
    """The abbreviations a text defines in brackets after the name they stand for, each with that
    name ("the European Economic Area (EEA)" → {"EEA": "European Economic Area"}): only when the
    abbreviation is made of the name's initials, so a name in brackets ("our partner (ACME)") is
    none. The name is cut to the words the initials need ("the Irish Data Protection Commission
    (DPC)" → "Data Protection Commission")."""
    found: dict[str, str] = {}
    # each bracketed abbreviation read with the 200 characters before it: the name's pattern run
    # over a whole document tries every capitalised word as a start (25x the CPU, same answers)
    for b in _BRACKETED_ABBR.finditer(text):
        m = _SPELLED_BEFORE.search(text, max(0, b.start() - 200), b.end())
        if m is None:
            continue
        name, short = m.group(1), m.group(2)
        words_ = name.split()
        for i in range(len(words_)):
            if words_[i][:1].isupper() and _initials(" ".join(words_[i:])) == short.replace("&", ""):
                found.setdefault(short, " ".join(words_[i:]))
                break
    return found


def _acronym_only(before: str, after: str, ctx: DocContext | None) -> bool:
    """Whether a clause changed only in saying a name by its abbreviation instead of in full, or
    the reverse ("the European Economic Area (EEA) and the United Kingdom (UK)" → "the EEA and
    the UK"): the same place or body, named shorter or longer. The abbreviation must be defined
    (name, then initials in brackets) in the clause or in either whole version. False when any
    other word changed: a region dropped or added with it ("the EEA and the UK" → "the EEA")
    still narrows or widens the clause."""
    texts = [before, after] + ([ctx.old_text, ctx.new_text] if ctx is not None else [])
    defined: dict[str, str] = {}
    for t in texts:
        for abbr, name in acronyms(t).items():
            defined.setdefault(abbr, name)
    if before == after or not any(abbr in before or abbr in after for abbr in defined):
        return False

    def bracketed(m: re.Match[str]) -> str:  # "the European Economic Area (EEA)" → "the EEA"
        said, abbr = m.group(1), m.group(2)
        name = defined.get(abbr)
        return said[:len(said) - len(name)] + abbr if name and said.endswith(name) else m.group(0)

    def shortened(text: str) -> str:
        text = _SPELLED.sub(bracketed, text)
        for abbr, name in sorted(defined.items(), key=lambda kv: -len(kv[1])):
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", abbr, text)
        return " ".join(text.split())

    return shortened(before) == shortened(after)


def _meaning_moved(before_p: str, after_p: str, fb: tuple[Fact, ...], fa: tuple[Fact, ...]) -> ChangeLabel | None:
    """A material label when the clause keeps its words but a "not", a party or a number now goes
    with another word ("we do not refund ... requires" → "we refund ... does not require", "you
    may close" → "we may close"): a new meaning (``restating.meaning_moved``); None otherwise."""
    moved = meaning_moved(before_p, after_p)
    if not moved:
        return None
    cats = _order(set(category_scores(after_p)) - {"other"}) or ("other",)
    return ChangeLabel(True, "material", cats, f"The same words with {moved}: now reads “{_snippet(after_p)}” "
                       f"(was “{_snippet(before_p)}”){_cats_text(cats)}", None, (), (), fb, fa)


_DIGIT = re.compile(r"\d")
_XREF = frozenset("""section sections article articles art clause clauses paragraph paragraphs
para part parts schedule schedules annex annexes appendix exhibit chapter item items point points
subsection sec annexe alinéa abschnitt ziffer ziff absatz abs anhang kapitel""".split())
# Categories of a clause whose changed amount is what someone is charged ("costs $14 per month,
# billed monthly": payment; "the yearly fee renews at $99": subscription).
_CHARGED = frozenset({"payment", "subscription", "other"})
_XREF_JOIN = frozenset("and or to through et ou à und oder bis".split())


def _xref_number(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the number at ``toks[i]`` is part of a cross-reference: "Section 7.2", "Clauses 14
    and 15", "articles 3, 4 or 5" (back over numbers and the words that join them to a section
    word)."""
    j = i - 1
    while j >= max(0, i - 5) and (toks[j].norm[:1].isdigit() or toks[j].norm in _XREF_JOIN):
        j -= 1  # (a few steps: "Section 3 and 30 days" is no reference to 30)
    return j >= 0 and toks[j].norm in _XREF


_ROMAN_MARK = re.compile(rf"(?:{_ROMAN}|[a-z])", re.I)


def _xref_mark(toks: tuple[Token, ...], i: int) -> bool:
    """Whether ``toks[i]`` is a Roman numeral or a letter right after a section word: a
    cross-reference ("Section iv", "Article IV", "Schedule B"), renumbered like "Section 7"."""
    return i > 0 and bool(_ROMAN_MARK.fullmatch(toks[i].norm)) and toks[i - 1].norm in _XREF


_FORMERLY = frozenset("""ex formerly previously former now known as aka also called anciennement
précédemment dénommée ehemals vormals früher jetzt""".split())


def _capitalised(text: str, toks: tuple[Token, ...], a: int, b: int, skip: frozenset[str] = frozenset()) -> bool:
    """Whether the content words of tokens [a, b) are written with a capital (names)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False  # an all-caps clause: capitals say nothing
    found = False
    german = None
    for k in range(a, b):
        t = toks[k]
        if t.norm in skip or not is_content_word(t.norm):
            continue
        word = text[t.start:t.end]
        inner = any(c.isupper() for c in word[1:])
        first = k == 0 or re.search(r"[.!?:]\W*$", text[max(0, t.start - 4):t.start])
        if not (inner or word[:1].isupper() and not first):
            return False
        if not inner and k and toks[k - 1].norm in _DE_DETERMINERS:
            if german is None:
                german = language_of([x.norm for x in toks]) == "de"
            if german:
                return False  # "Ihre Postanschrift", "die Gebühr": German writes every noun with a capital
        found = True
    return found


# German articles and possessives: the capitalised word after one is a noun, not (only) a name
_DE_DETERMINERS = frozenset("""der die das den dem des ein eine einen einem einer eines kein keine keinen
keinem keiner ihr ihre ihren ihrem ihrer ihres dein deine deinen deinem deiner unser unsere unseren
unserem unserer jede jeder jeden jedem alle""".split())


# "(for example, menu items, reviews)", "(including for breaches of these terms)": illustrations of
# a rule, not the rule's scope.
_EXAMPLES = re.compile(r"\((?:for example|for instance|e\.\s?g\.|eg\b|such as|"
                       # a case the rule's general words already cover ("disputes (including for breaches of
                       # these terms)"); "(including advertisers)", "(including VAT)" add to what it covers
                       r"(?:including|y compris|einschließlich)\s+(?:for|in|on|at|during|under|with|in respect of|"
                       r"en cas de|pour|dans|bei|im|für)\s|"
                       r"par exemple|par ex\.|p\.\s?ex\.|"
                       r"ex\s?[.:]|notamment|z\.\s?B\.|zum Beispiel|beispielsweise|bspw\.)[^()]*\)|"
                       # an open list in brackets, its end left open ("(ID card, passport, tax number…)",
                       # "(Personalausweis, Reisepass usw.)"): examples of a kind the clause names
                       r"\([^()]{0,200}?(?:…|\.\.\.|\betc\.?|\busw\.|\bu\.\s?a\.)\s*\)|"
                       # ", for example, our X tool (...)": an illustration to the end of the item
                       r",\s*(?:for example|for instance|e\.\s?g\.|par exemple|zum Beispiel|z\.\s?B\.),?\s"
                       r"(?:[^.;:()]|\([^()]*\))*", re.I)
# ", including but not limited to X, Y and Z": examples of what the clause already covers whole,
# which the words themselves say is no limit.
_UNLIMITED = re.compile(r",?\s*(?:including|includes|include)\s*,?\s+(?:but\s+not\s+limited\s+to|without\s+limitation)"
                        r"\s*,?\s(?:[^.;:()]|\([^()]*\))*|"
                        r",?\s*(?:y\s+compris|notamment)\s+(?:mais\s+)?(?:sans|non)\s+(?:s['’]y\s+)?limit\w*\s+(?:à|a)\s"
                        r"(?:[^.;:()]|\([^()]*\))*", re.I)


def _examples_only(d: Delta) -> bool:
    """Whether every changed word stands inside a bracketed list of examples."""
    for side, toks, text, idx in (("ins", d.after, d.after_text, d.ins),
                                  ("dels", d.before, d.before_text, d.dels)):
        if not idx:
            continue
        spans = [(m.start(), m.end()) for m in _EXAMPLES.finditer(text)]
        if not _INCORPORATES.search(text):
            # ", including without limitation X": examples, unless the clause makes documents part
            # of the terms ("subject to ... including, without limitation, the [Listing Rules]")
            spans += [(m.start(), m.end()) for m in _UNLIMITED.finditer(text)]
        if not spans or not all(any(a <= toks[i].start < b for a, b in spans) for i in idx):
            return False
    return bool(d.ins or d.dels)


_QUOTED = re.compile(r"«[^«»]{1,120}»|“[^“”]{1,120}”|\"[^\"\n]{1,120}\"")


# Words that introduce an example, read as their tokens ("e.g." is "e g"): one put for another
# ("such as when we respond" → "like when we respond") says the same. Not "including", which
# can say what a clause covers; not "comme" or "wie", which also mean "as" and "how".
_EXAMPLE_MARKERS = frozenset({"such as", "like", "for example", "for instance", "e g", "eg", "par exemple",
                              "tel que", "tels que", "telle que", "telles que", "zum beispiel", "z b",
                              "beispielsweise"})


# Words that close a list: what follows is all it covers ("limited to", "only", "restricted to").
_LIST_CLOSERS = frozenset({"limited to", "only", "solely", "exclusively", "restricted to", "exclusively limited to",
                           "only limited to", "strictly limited to", "confined to"})


def _list_closed(d: Delta) -> tuple[str, str] | None:
    """A form of "including" put for words that close the list ("including" → "limited to", or
    back): what was an example is now all the clause covers, the opposite. Returns (old words, new
    words) as written, or None."""
    from difflib import SequenceMatcher

    from tracker.analysis.novelty import opens_list

    bn, an = [t.norm for t in d.before], [t.norm for t in d.after]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, bn, an, autojunk=False).get_opcodes():
        # widened by the words kept on both sides ("including but not limited to" → "limited to")
        for a in range(3 if tag != "equal" and i2 - i1 <= 5 and j2 - j1 <= 5 else 0):
            if a > min(i1, j1) or a and bn[i1 - a] != an[j1 - a]:
                break
            for b in range(3):
                if i2 + b > len(bn) or j2 + b > len(an) or b and bn[i2 + b - 1] != an[j2 + b - 1]:
                    break
                old, new = bn[i1 - a:i2 + b], an[j1 - a:j2 + b]
                if old and new and (opens_list(old) and " ".join(new) in _LIST_CLOSERS
                                    or opens_list(new) and " ".join(old) in _LIST_CLOSERS):
                    return (d.before_text[d.before[i1 - a].start:d.before[i2 + b - 1].end],
                            d.after_text[d.after[j1 - a].start:d.after[j2 + b - 1].end])
    return None


def _example_marker_swapped(d: Delta) -> bool:
    """Whether the only change is words that introduce an example put for others
    (``_EXAMPLE_MARKERS``: "such as" → "like"): every word new to the document, and every word
    gone from it, stands in a replaced span whose both sides are such words. (The delta is read
    against the whole other version, so "such as" said elsewhere is not gone: the replaced spans
    say what stood there.)"""
    if not d.ins and not d.dels:
        return False
    ins: set[int] = set()
    dels: set[int] = set()
    for (i1, i2), (j1, j2) in d.replaced:
        if " ".join(t.norm for t in d.before[i1:i2]) in _EXAMPLE_MARKERS \
                and " ".join(t.norm for t in d.after[j1:j2]) in _EXAMPLE_MARKERS:
            dels.update(range(i1, i2))
            ins.update(range(j1, j2))
    return bool(ins) and d.ins <= ins and d.dels <= dels


# Words a number after them counts or ranks, never names a version of: "Tier 2", "Section 4",
# "Plan 3", "June 5", "Level 2" dropped changes which one is meant.
_NUMBERED_BY = frozenset("""section sections article articles clause clauses paragraph paragraphs schedule
schedules annex annexes exhibit appendix part parts chapter chapters title tier tiers level levels plan plans
step steps phase phases stage stages class category categories zone zones region regions rule rules item
items page pages day days week weeks month months year years unit units room floor suite no number version
grade group groups option options package packages bundle pack size lot batch round season series
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec""".split())


def _name_version_only(d: Delta, fb: tuple[Fact, ...], fa: tuple[Fact, ...]) -> bool:
    """Whether the only change is a version number (one or two digits) put after a capitalised
    name or taken from it, on one side only: "for Quillmetrics 4." → "for Quillmetrics." (a
    product renamed, not a term). Never a number that counts ("Quillmetrics 4 times a day": a
    content word follows it), ranks or numbers something (``_NUMBERED_BY``: "Tier 2", "Section
    4", "June 5"), or stands in an amount, a share, a period or an age."""
    ins, dels = d.runs("ins"), d.runs("dels")
    if bool(ins) == bool(dels):
        return False
    side, runs = ("ins", ins) if ins else ("dels", dels)
    toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
    numbers = set()
    for a, b in runs:
        raw = text[toks[a].start:toks[a].end]
        if b - a != 1 or not re.fullmatch(r"\d{1,2}", raw) or a == 0:
            return False
        prev = toks[a - 1]
        if not text[prev.start:prev.end][:1].isupper() or prev.norm in _NUMBERED_BY \
                or text[prev.end:toks[a].start] != " ":
            return False
        if a + 1 < len(toks):
            gap = text[toks[a].end:toks[a + 1].start]
            if not re.search(r"[.,;:!?)\]]", gap) and is_content_word(toks[a + 1].norm):
                return False  # "4 times", "4 partners": a number that counts
        numbers.add(raw)
    return not any(f.kind in _SIGNIFICANT and numbers & set(re.findall(r"\d+", f.text)) for f in fb + fa)


# Where a rule or a duty applies: a surface added to or dropped from a list widens or narrows it.
_SURFACES = frozenset("app apps application applications website websites site sites platform platforms "
                      "device devices appli applis plateforme plateformes appareil appareils anwendung "
                      "anwendungen webseite webseiten plattform plattformen gerät geräte".split())
_LIST_JOINS = frozenset("or and ou et oder und".split())
# Words that make a run a clause of its own rather than an item of a list (a subject, a verb).
_CLAUSE_WORDS = MODALS | frozenset("whether if that which who whom you we they it he she i have has had is are was "
                                   "were be been being do does did vous nous ils elle est sont sie wir ist sind hat "
                                   "haben".split())


def _list_items_only(d: Delta) -> bool:
    """Whether the change only adds, or only removes, items of a list inside a sentence: every
    changed run of the one changed side starts or ends with "or"/"and" ("the EEA{+ or the UK+}")
    or touches a comma ("{+an app, +}a site"). Such a change widens or narrows the sentence's
    scope; it does not reword it."""
    sides = [side for side in ("ins", "dels") if d.runs(side)]
    if len(sides) != 1:
        return False
    side = sides[0]
    toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
    for a, b in d.runs(side):
        ws = d.run_words(side, (a, b))
        after = text[toks[b - 1].end:toks[b].start if b < len(toks) else len(text)]
        before = text[toks[a - 1].end if a else 0:toks[a].start]
        if not (ws and (ws[0] in _LIST_JOINS or ws[-1] in _LIST_JOINS) or "," in after or "," in before):
            return False
    return True


# A quoted label next to what it names on the page: "the “Opt Out” link", "click “Save”", "« Mes
# commandes » tab", "Schaltfläche „Kündigen“" (the label's own words say what the control does).
_LABEL_QUOTED = re.compile(
    r"\b(?:click(?:ing)?|tap(?:ping)?|press(?:ing)?|select(?:ing)?|choos(?:e|ing)|cliqu\w+|sélectionn\w+|klick\w*)"
    r"\s+(?:on\s+|sur\s+|auf\s+)?(?:the\s+|le\s+|la\s+|den\s+|die\s+|das\s+)?(?:«|“|\"|„)|"
    r"(?:»|”|\"|“)\s*(?:link|button|tab|menu|icon|option|toggle|lien|bouton|onglet|schaltfläche)s?\b", re.I)


def _ui_only(d: Delta, fb: tuple[Fact, ...], fa: tuple[Fact, ...]) -> bool:
    """Whether the changed content words are about where to click or whom to contact (a
    button, a form, a menu item): the procedure's route changed, not the right or the duty.
    Not when a fact, a modal word or a negation changed with them."""
    changed = [w for w in d.inserted() + d.deleted() if is_content_word(w)]
    if not changed or set(d.inserted() + d.deleted()) & (MODALS | _NEGATIONS):
        return False
    if set(changed) & _SURFACES and _list_items_only(d):
        return False  # "on {+an app, +}a site": a rule now applies in one more place, not a route
    touched = set(d.inserted()) | set(d.deleted())
    if any(w in UI_WORDS for w in changed) or _LABEL_QUOTED.search(d.after_text) and _LABEL_QUOTED.search(d.before_text):
        # the quoted names of the buttons, menu items and form options to choose ("« Mes
        # commandes »", Item 7: "Problème sur une commande") are labels, not words of the rule;
        # so is the quoted name of the link or button the clause points to, whatever word of the
        # label changed (clicking the “Do Not Sell {+or Share+} My Data” link)
        changed = []
        for toks, text, idx in ((d.after, d.after_text, d.ins), (d.before, d.before_text, d.dels)):
            spans = [m.span() for m in _QUOTED.finditer(text)]
            changed += [toks[i].norm for i in sorted(idx) if is_content_word(toks[i].norm)
                        and not any(a <= toks[i].start < b for a, b in spans)]
        if not changed:
            return True
    if any(f.kind in ("money", "percent", "duration", "age") and set(words(f.text)) & touched
           for f in fb + fa):
        return False
    return sum(w in UI_WORDS for w in changed) >= 0.5 * len(changed) and len(changed) <= 30


# Regions written as abbreviations or unions of countries: where terms apply ("consumers based in
# the EEA or the UK"). Case-sensitive: "US" is a region, "us" a pronoun; "EU" not the French "eu".
_REGION = re.compile(r"(?<![\w.])(?:UK|U\.K\.|EEA|EU|E\.U\.|USA|U\.S\.A?\.?|US|UAE|APAC|EMEA|LATAM|"
                     r"UE|EEE|EWR|Royaume-Uni|European (?:Union|Economic Area)|"
                     r"Union européenne|Espace économique européen|Europäische[nr]? (?:Union|Wirtschaftsraum)"
                     r")(?![\w])")


def _names_only(d: Delta, fb: tuple[Fact, ...], fa: tuple[Fact, ...]) -> bool:
    """Whether every changed run with a content word is a name written with capitals ("Health
    eCareers and NursingALD"): products, brands, programmes named alongside. Places are facts
    (a venue, a governing law), never only names; so are regions ("the EEA or the UK"): a region
    added to or dropped from a sentence changes where the terms apply; and so is a name added to
    or dropped from a clause that says what is covered or excluded ("These apps: Swarm, Pebblr
    (collectively, the “Apps”)", "does not include satellite numbers"; German nouns are
    capitalised too)."""
    if _COVERAGE.search(plain(d.before_text)) or _COVERAGE.search(plain(d.after_text)) or _new_document(d):
        return False
    if _names_in_scope(d):
        return False
    if _LIMITERS & (set(d.inserted()) | set(d.deleted())):
        return False  # "per Rechnung oder Lastschrift" → "nur per Kreditkarte": a right narrowed, not names
    changed = set(d.inserted()) | set(d.deleted())
    if any(_CONDITION_WORDS.fullmatch(w) or _FAULT.fullmatch(w) for w in changed) \
            or _recipients(tuple(d.inserted())) != _recipients(tuple(d.deleted())):
        return False  # "Partners" → "Advertisers", "bei Verstoß" → "nach Ermessen": who or when, not names
    if any(f.kind == "place" and set(words(f.text)) & changed for f in fb + fa):
        return False
    if any(_QUANTITY.fullmatch(w) or w in _DATA_UNITS and w != "b" or w in _CLOSED_CLASS for w in changed):
        return False  # "Friday" → "Saturday": when, never a name; "10M" → "5M", "2 TB" → "2 GB": an amount with its magnitude, never a name
    if any(_REGION.search(d.run_text(side, r)) for side in ("ins", "dels") for r in d.runs(side)):
        return False
    runs = [(side, r) for side in ("ins", "dels") for r in d.runs(side)
            if any(is_content_word(w) for w in d.run_words(side, r))]
    return bool(runs) and all(
        _capitalised(d.after_text if side == "ins" else d.before_text,
                     d.after if side == "ins" else d.before, a, b, _FORMERLY)
        for side, (a, b) in runs)


def _names_in_scope(d: Delta) -> bool:
    """Whether names changed in a clause with a legal topic change what it covers: a name added
    to or dropped from a list ("the Starter or Studio plan" → "the Starter, Studio or Agency plan",
    "by card or PayPal" → "by card only", "Auskunft, Berichtigung, Löschung" → "Auskunft und
    Berichtigung"; names inserted with none deleted, or the reverse), words that name a term
    themselves, or another law named ("Recht der Bundesrepublik Deutschland" → "Recht der
    Republik Irland"). A name replaced by another one elsewhere is a rename."""
    topics = set(category_scores(plain(d.before_text))) | set(category_scores(plain(d.after_text)))
    topics.discard("other")
    if not topics:
        return False
    if _law_changed(d, topics):
        return True
    # (a word on both sides moved within the list: "Starter or Studio" → "Starter, Studio or Agency")
    stems_b, stems_a = {stem(t.norm) for t in d.before}, {stem(t.norm) for t in d.after}
    ins = [r for r in d.runs("ins")
           if any(is_content_word(w) and stem(w) not in stems_b for w in d.run_words("ins", r))]
    dels = [r for r in d.runs("dels")
            if any(is_content_word(w) and stem(w) not in stems_a for w in d.run_words("dels", r))]
    if bool(ins) != bool(dels):
        side, runs = ("ins", ins) if ins else ("dels", dels)
        return all(_list_item(d, side, r) for r in runs)
    # the changed words name a term themselves ("Rechnung oder Lastschrift" → "Kreditkarte": German
    # capitalises every noun), in any of the three languages
    # (on both sides: "RGDPRGPD" → "GDPR" is a name fixed, not a term replaced)
    return all(any(_topical(d.run_words(side, r)) for r in runs) for side, runs in (("ins", ins), ("dels", dels)))


def _law_changed(d: Delta, topics: set[str] | None = None) -> bool:
    """Whether a governing-law clause names another country's law on each side."""
    if topics is None:
        topics = set(category_scores(plain(d.before_text))) | set(category_scores(plain(d.after_text)))
    return "governing-law" in topics and law_places(plain(d.before_text)) != law_places(plain(d.after_text))


def _scope_words(d: Delta, ws: Sequence[str]) -> bool:
    """Whether words a rename would explain away change what a clause covers instead: another
    country's law, or a list item (``ws`` holds "or", "und" ...) put in or out of a clause with a
    legal topic (``_names_in_scope``). ("RGDPRGPD" → "GDPR" stays a name fixed.)"""
    return _law_changed(d) or bool(set(ws) & _CONJUNCTIONS) and _names_in_scope(d)


_CONJUNCTIONS = frozenset("and or et ou und oder".split())
# a list of examples ("wallets such as MetaMask or Rainbow"), whose items illustrate, not bound
_EXAMPLE_LIST = re.compile(r"\b(?:such\s+as|e\.\s?g\.|for\s+example|for\s+instance|like|including|notamment|"
                       r"comme|par\s+exemple|wie|z\.\s?b\.|beispielsweise|etwa)\b", re.I)


def _list_item(d: Delta, side: str, run: tuple[int, int]) -> bool:
    """Whether a run of changed words (``side`` "ins" or "dels") is an item put in or taken out
    of a list in its sentence: "and"/"or" (or "et"/"ou", "und"/"oder") or a comma at its edge,
    in a list that is no list of examples, naming no document ("the Privacy Notice")."""
    toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
    a, b = run
    ws = [t.norm for t in toks[a:b]]
    if set(ws) & (_DOCUMENT_WORDS | {"notice", "notices", "statement", "page", "pages"}) or _EXAMPLE_LIST.search(text):
        return False
    return _at_list_edge(toks, text, a, b)


def _at_list_edge(toks: tuple[Token, ...], text: str, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` of ``text`` stand as an item in a list: "and"/"or" (or "et"/"ou",
    "und"/"oder") at or just before their edges, or a comma beside them."""
    ws = [t.norm for t in toks[a:b]]
    # (within the item's own name: "Brindle Duo and Brindle {+Family+}")
    lo = max(0, a - 3)
    edge = {ws[0], ws[-1]} | {t.norm for t in toks[lo:a]} | ({toks[b].norm} if b < len(toks) else set())
    if edge & _CONJUNCTIONS:
        return True
    left = text[toks[lo].start:toks[a].start] if a else ""
    right = text[toks[b - 1].end:toks[b].start] if b < len(toks) else ""
    return "," in left or "," in right


# Who a term is for, named in a list: the people ("for residents of the Republic of Korea",
# "students and teachers") or the places that say who they are ("residents of the EU, {+the UK,+}
# ...", "if you reside in", "ballot measures in the following states: {+California,+} ...").
_PEOPLE = re.compile(r"\b(?:residents?|citizens?|nationals?|consumers?|users?|customers?|subscribers?|members?|"
                     r"students?|teachers?|minors|children|teens|résidents?|consommateurs?|ressortissants?|"
                     r"utilisateurs?|einwohner\w*|verbraucher\w*|nutzer\w*)\b(?!['’])", re.I)  # ("Customer’s name": a thing)
_WHERE_LIST = re.compile(rf"(?:{_PEOPLE.pattern})\s+(?:\w+\s+){{0,3}}?(?:of|in|from)\b|"
                         r"\byou\s+(?:\w+\s+)?(?:reside|live|are\s+(?:located|based|resident))\s+in\b|"
                         r"\b(?:following|these|those|listed)\s+(?:states|countries|territories|jurisdictions|regions|"
                         r"provinces)\b", re.I)
# A sentence (or its list's lead-in) that gives or limits a right or a duty: a modal, or words that
# say whom a term is for. A list of places with none ("Microsoft maintains data centres in
# Australia, Chile, ...") says where things are, not whom a term is for.
_GIVES = re.compile(r"\b(?:will|shall|must|may|can|cannot|entitled|eligible|right\s+to|appl(?:y|ies)\s+(?:only\s+)?to|"
                    r"peut|peuvent|doit|doivent|kann|können|muss|müssen)\b", re.I)
# A sentence or lead-in that says what the terms cover: "The following products ... are covered by
# the Services Agreement", "these Terms apply to", "you agree to the following terms", documents
# "incorporated herein by reference".
_COVERS = re.compile(r"\b(?:(?:is|are)\s+(?:also\s+|only\s+)?covered\s+by|(?:this|these|the)\s+(?:\w+\s+){0,2}"
                     r"(?:terms|agreement|conditions|policy)\s+(?:also\s+|only\s+)?(?:appl(?:y|ies)\s+to|covers?|governs?)\b|"
                     r"agree\s+to\s+(?:the\s+following|these|this)\s+(?:\w+\s+){0,2}(?:terms|agreement|conditions)|"
                     r"incorporated\s+(?:herein\s+)?by\s+reference|"
                     r"forms?\s+(?:an?\s+)?(?:integral\s+)?part\s+of\s+(?:this|these)\s+(?:terms|agreement|conditions))", re.I)


def _covered_item(clause: str, lead: str, ctx: DocContext) -> bool:
    """Whether ``clause`` is an item of a list whose lead-in (``lead``, or the paragraph above the
    list: ``_lead_above``) says what the terms cover: its names are what the terms apply to, not
    names mentioned in passing ("* Lumio Notes{+, Lumio Pilot+}" under "The following products are
    covered by the Lumio Services Agreement")."""
    if not _LIST_ITEM.match(clause) or _EXAMPLE_LIST.search(clause):
        return False  # ("* Our other products (for example, X, {+Y+})": examples, which bound nothing)
    return bool(_COVERS.search(lead or _lead_above(clause, ctx.new_text) or _lead_above(clause, ctx.old_text)))


# A list's lead-in that says whom the user contracts with: "your sole and exclusive counterparty to
# these Terms is as follows:", "the contracting entity depends on where you live:".
_COUNTERPARTY_LEAD = re.compile(r"\b(?:counterpart(?:y|ies)|contracting\s+(?:party|parties|entity|entities)|"
                                r"(?:you\s+are\s+)?contracting\s+with|(?:enter(?:ing)?\s+into|have)\s+(?:this|these|an?)\s+"
                                r"(?:agreement|contract|terms)\s+with)\b", re.I)


def _sentence_at(text: str, at: int) -> tuple[str, int]:
    """The sentence of ``text`` (``split_sentences``) holding character ``at``, and ``at``'s offset
    in it; ("", -1) when none does."""
    pos = 0
    for s in split_sentences(text):
        start = text.find(s, pos)
        if start < 0:
            continue
        if start <= at < start + len(s):
            return s, at - start
        pos = start + len(s)
    return "", -1


def _lead_above(item: str, version: str) -> str:
    """The paragraph right above the list that holds the item line ``item`` in ``version`` ("The
    following products ... are covered by the Services Agreement" over "* Microsoft 365 ..."), for
    an item whose lead-in the clause split does not give; "" when none is found or it is a heading."""
    head = item.strip()[:60]
    at = version.find(head) if head else -1
    if at < 0:
        return ""
    for line in reversed(version[:at].splitlines()[-400:]):
        core = line.strip()
        if not core or _LIST_ITEM.match(core) or line[:1] in " \t":
            continue  # the list's other items, sub-items and blank lines
        return "" if _is_heading(core) or set(core) <= set("-=#* ") else core
    return ""


# An entry of a list of schedules, annexes or exhibits ("[Schedule 5: 5G data plans](…)") ...
_SCHEDULE_ENTRY = re.compile(r"(?:[-*+•]\s+)?(?:schedule|annex|appendix|exhibit|addendum|attachment|anhang|anlage|annexe)"
                             r"\s+(?:\d{1,3}|[A-Z]|[IVX]{1,5})\b", re.I)
_MADE_PART = r"(?:incorporated|forms?\s+(?:an?\s+)?(?:integral\s+)?part|fait\s+partie|font\s+partie|bestandteil)"
_SCHEDULE_WORDS = r"(?:schedules?|annex(?:es)?|appendi(?:x|ces)|exhibits?|addend(?:a|um)|attachments?|annexes?|anh(?:a|ä)nge?|anlagen?)"
# ... in a version that makes its schedules part of the agreement ("the terms ... attached as
# schedules hereto, which are incorporated herein by reference").
_SCHEDULES_PART = re.compile(rf"\b{_SCHEDULE_WORDS}\b[^.\n]{{0,160}}\b{_MADE_PART}\b|\b{_MADE_PART}\b[^.\n]{{0,160}}"
                             rf"\b{_SCHEDULE_WORDS}\b", re.I)


def _schedule_entry(clause: str, version: str) -> str:
    """The name of the schedule that an added or removed entry lists ("Schedule 5: 5G redcap data
    plans", written as its link), when ``version`` (the text that holds the entry) says its
    schedules are part of the agreement; "" otherwise. Such an entry adds (or takes away) a whole
    set of terms, though all that changed on the page is a link."""
    name = _space(plain(clause)).strip()
    if not name or len(name) > 120 or not _SCHEDULE_ENTRY.match(name):
        return ""
    return name if _SCHEDULES_PART.search(version) else ""


_ITEM_SPLIT = re.compile(r"\s*(?:[,;]|\b(?:and|or|et|ou|und|oder)\b)\s*", re.I)
_ITEM_OPEN = re.compile(r"^(?:for|to|of|pour|für)\s+", re.I)


def _items_changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The items one clause's lists gained and lost: its pieces between commas, semicolons and
    "and"/"or" compared as sets, case and list marks aside ("…Basic and Microsoft 365 Apps*" →
    "…Basic, Microsoft 365 Apps, Microsoft 365 Copilot and Microsoft 365 Copilot Chat*" gained
    "Microsoft 365 Copilot" and "Microsoft 365 Copilot Chat"). Each is said as written, less an
    opening "for"/"to" ("For residents of the Republic of Korea" → "residents of the Republic of
    Korea"). ([], []) unless only one side changed and every piece that changed is an item (at
    most 10 words)."""
    def pieces(text: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in _ITEM_SPLIT.split(_space(plain(text))):
            p = p.strip(" *\\.:;()[]\"'“”")
            if p:
                out.setdefault(p.casefold(), _ITEM_OPEN.sub("", p))
        return out

    b, a = pieces(before), pieces(after)
    added = [a[k] for k in a if k not in b]
    removed = [b[k] for k in b if k not in a]
    if bool(added) == bool(removed) or any(len(p.split()) > 10 for p in added + removed):
        return [], []
    return added, removed


def _gist(sentence: str) -> str:
    """The part of a long sentence that states its term: the last of its comma-separated parts
    with a modal verb and at least four words ("For residents of the EU …, except where …, Twitch
    will without delay notify you of the reason for its action" → "Twitch will without delay notify
    you of the reason for its action"); the whole sentence when no part is one."""
    parts = [p.strip() for p in re.split(r",\s+", sentence)]
    for p in reversed(parts):
        if len(p.split()) >= 4 and set(words(p)) & MODALS:
            return p
    return sentence


def _listing(items: list[str], limit: int = 80) -> str:
    """Items said as a list: "A", "A and B", "A, B and C" (cut at ``limit`` characters)."""
    items = list(dict.fromkeys(_space(plain_text(i)) for i in items))
    text = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return text if len(text) <= limit else one_line(text, limit + 1)


def _topical(ws: Sequence[str]) -> bool:
    """Whether words (lowercased) hold a topic word of a legal category in any language of
    ``lexicons.TOPIC_LANGUAGES``."""
    from tracker.analysis.classify import _compiled
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    text = " " + " ".join(ws) + " "
    return any(c != "other" and p.search(text) for lang in TOPIC_LANGUAGES for c, _, p in _compiled(lang)[0])


# A clause that makes other documents part of the terms ("Your use is subject to ... the
# [Listing Standards]"): the documents its links name are terms, not link texts.
_INCORPORATES = re.compile(r"\b(?:(?:is|are|remains?)\s+subject\s+to|comply\s+with|bound\s+by|incorporated|"
                           r"forms?\s+(?:an\s+integral\s+)?part\s+of|soumise?s?\s+(?:à|aux)|"
                           r"respecter|unterliegt|unterliegen)\b", re.I)
_DOCUMENT_WORDS = frozenset("""policy policies terms guidelines standards agreement agreements rules
    conditions code charter politique conditions règles règlement charte richtlinie richtlinien
    bedingungen regeln""".split())


def _names_document(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the link holding token ``i`` names a document ("Listing Access Standards")."""
    lo = hi = i
    while lo > 0 and toks[lo - 1].link:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].link:
        hi += 1
    return any(t.norm in _DOCUMENT_WORDS for t in toks[lo:hi + 1])


def _new_document(d: Delta) -> bool:
    """Whether a clause that makes other documents part of the terms now names another one (a
    changed run holds a document word: "the Video Guidelines" → "the Listing Access Standards")."""
    if not (_INCORPORATES.search(plain(d.before_text)) or _INCORPORATES.search(plain(d.after_text))):
        return False
    for side, other in (("ins", d.before), ("dels", d.after)):
        had = {stem(t.norm) for t in other}
        for r in d.runs(side):
            ws = d.run_words(side, r)
            # a document name the other side lacks ("our Guidelines" relinked is the same document)
            if set(ws) & _DOCUMENT_WORDS and any(is_content_word(w) and stem(w) not in had for w in ws):
                return True
    return False


# A date a term turns on: "users who registered after 5 December 2018", "orders placed before
# 1 March", "until 30 June you may keep ...". Moving it moves who or what the term covers.
_DATE_CONDITION = re.compile(r"\b(?:after|before|until|till|prior\s+to|on\s+or\s+(?:after|before)|no\s+later\s+than|"
                             r"not\s+later\s+than|avant\s+le|après\s+le|jusqu['’]au|vor\s+dem|nach\s+dem|bis\s+zum)"
                             r"\s*(?:the\s+)?$", re.I)
# ... unless the sentence says when the text itself was written, changed or takes effect.
_TEXT_DATED = re.compile(r"\b(?:effective|effect|updated?|updating|revised?|revision|modified|amended|posted|"
                         r"published|versions?|changes?|changed|replaced?|supersede[sd]?|valid|last|date[sd]?|"
                         r"copyright|vigueur|mise\s+à\s+jour|modifiée?s?|gültig|geändert|stand|fassung)\b", re.I)


def _cut_off_date(text: str, at: int) -> bool:
    """Whether the date starting at offset ``at`` of ``text`` is a cut-off a term turns on (the
    words just before it are "after", "before", "until", "prior to" ...) in a sentence that does
    not say when the text was written or takes effect: such a date is a term, not a stamp."""
    if not _DATE_CONDITION.search(text[max(0, at - 30):at]):
        return False
    start = max(text.rfind(stop, 0, at) for stop in (". ", "\n", "! ", "? ", "; "))
    ends = [e for e in (text.find(stop, at) for stop in (". ", "\n", "! ", "? ", "; ")) if e >= 0]
    sentence = text[start + 1:min(ends) if ends else len(text)]
    return len(sentence.split()) >= 8 and not _TEXT_DATED.search(sentence)


_ENTRY_MARKS = re.compile(r"^[\s>*+\-#|]*(?:\\?\[)?\s*(?:(?:section|article|art\.|§)\s*)?(?:\d{1,3}(?:\\?[.)]\d{0,3})*\\?[.)]?|"
                          r"[ivxlc]{1,5}\\?[.)]|[a-z]\\?[.)])?\s*", re.I)


def _entry_title(line: str) -> str:
    """A line read as a title: without list marks, numbering, emphasis, link target or escapes,
    lower case, single-spaced."""
    line = re.sub(r"\]\([^)]*\)", "", line)
    line = _ENTRY_MARKS.sub("", line.strip(), count=1)
    return " ".join(re.sub(r"[*_`\\\[\]]", "", line).lower().split()).strip(" .:")


@lru_cache(maxsize=8)
def _title_lines(text: str) -> dict[str, int]:
    """Each short line of a version that reads as a title (at most 12 words, no sentence end),
    as ``_entry_title`` reads it, with the offset of its last line."""
    out: dict[str, int] = {}
    at = 0
    for line in text.splitlines(keepends=True):
        bare = line.strip()
        if bare and not bare.endswith((".", ";", ",")) and len(bare.split()) <= 14:
            title = _entry_title(bare)
            if title and len(title.split()) <= 12:
                out[title] = at
        at += len(line)
    return out


def _whole_line(text: str, line: str) -> int:
    """Where the first line of ``text`` that is ``line`` (a stripped line) between spaces and tabs
    starts, or -1: what ``re.search(rf"^[ \\t]*{re.escape(line)}[ \\t]*$", text, re.M)`` finds,
    without compiling a pattern per clause (thousands per import, each also pushing the
    analysis's own patterns out of ``re``'s cache)."""
    at = text.find(line)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if not text[start:at].strip(" \t"):
            end = at + len(line)
            stop = text.find("\n", end)
            if not text[end:len(text) if stop < 0 else stop].strip(" \t"):
                return start
        at = text.find(line, at + 1)
    return -1


def _contents_entry(clause: str, version: str) -> bool:
    """Whether a clause is one line of a table of contents: a list item or a link of at most 12
    words whose title is also the title line of a section further down the same version ("* 3.
    How your data is used" above "3. How your data is used"), next to another such line, and not
    under a lead-in that ends with a colon ("We collect:")."""
    line = clause.strip()
    if "\n" in line or not re.match(r"^(?:[*+\-]|\d{1,3}\\?[.)]|\[)", line):
        return False
    title = _entry_title(line)
    if not title or len(title.split()) > 12 or len(title) < 4:
        return False
    titles = _title_lines(version)

    def entry(text: str, at: int) -> bool:
        return titles.get(_entry_title(text), -1) > at + len(text)

    first = _whole_line(version, line)  # the clause as a whole line
    if first < 0 or not entry(line, first):
        return False
    # and a line beside it too: a contents is a list of such lines ("We collect: * Contact
    # details" above a section "Contact details" is one item of a list of data, not a contents)
    above = next((x.strip() for x in reversed(version[:first].splitlines())
                  if x.strip() and not re.match(r"^(?:[*+\-]|\d{1,3}\\?[.)]|\[)", x.strip())), "")
    if above.endswith(":") and not re.search(r"contents|sommaire|inhalt|on this page", above, re.I):
        return False  # a list its lead-in introduces ("We collect:"): items of a term
    head, tail = version[:first].rstrip("\n"), version[first + len(line):].lstrip("\n")
    prev = head[head.rfind("\n") + 1:] if head else ""
    nxt = tail.split("\n", 1)[0]
    return bool(prev.strip() and entry(prev.strip(), version.rfind(prev.strip(), 0, first))
                or nxt.strip() and entry(nxt.strip(), version.find(nxt.strip(), first + len(line))))


# A drafting placeholder left in the text: words in square brackets that are no link ("click on
# [cookie preference centre link here]", "[insert support address]").
_STRUCK = re.compile(r"\b(?:reserved|omitted|deleted|removed|intentionally|blank)\b", re.I)
_PLACEHOLDER = re.compile(r"\\?\[([^\[\]\n]{3,100}?)\\?\](?!\()")


def _placeholder_filled(before: str, after: str) -> tuple[str, str] | None:
    """(placeholder, words put for it) when the only change of a clause fills a drafting
    placeholder in with the name of a button, a page or a setting ("click on [cookie preference
    centre link here]" → "click on Cookie Settings"), or the other way round: the text says
    what it meant to say. None when the words around it changed too, or the words put in are
    more than 8, or hold a verb, a number, a negation, a party that gets something, a place or
    another fact ("[city]" → "Hamburg": the venue set), or a topic's term ("binding
    arbitration"; a setting's name, "Privacy Settings", is none), or the brackets stood for a
    clause left out ("[Reserved]")."""
    for old, new, flip in ((before, after, False), (after, before, True)):
        spans = list(_PLACEHOLDER.finditer(old))
        if not spans or len(spans) > 3:
            continue
        parts, at = [], 0
        for m in spans:
            parts.append(re.escape(" ".join(old[at:m.start()].split())))
            at = m.end()
        parts.append(re.escape(" ".join(old[at:].split())))
        filled = re.fullmatch(r"\s*(.{1,120}?)\s*".join(parts), " ".join(new.split()))
        if not filled:
            continue
        ws = [w for g in filled.groups() for w in words(g)]
        if not ws or len(ws) > 8 or any(w.isdigit() or w in MODALS or w in _NEGATIONS or w in _NEGATING for w in ws) \
                or _recipients(tuple(ws)) or "[" in "".join(filled.groups()) or has_verb(ws) \
                or any(_STRUCK.search(m.group(1)) for m in spans) \
                or any(v >= 1.0 for c, v in category_scores(" ".join(filled.groups())).items() if c != "other") \
                or any(nation(w) for w in ws) \
                or any(g in f.text for f in extract_facts(new) for g in filled.groups()):
            return None  # (a statement, a term or a fact put in, "binding arbitration", "[city]" → "Hamburg",
            # or a clause "[Reserved]" given text)
        pair = (spans[0].group(1), filled.group(1))
        return (pair[1], pair[0]) if flip else pair
    return None


# A placeholder that asks for contact details ("[please include address, email and phone]", "[insert
# support e-mail]", "[adresse postale]")
_CONTACT_ASKED = re.compile(r"\b(?:address(?:es)?|e-?mails?|phone|telephone|fax|contact(?:\s+details)?|adresse|"
                            r"t[ée]l[ée]phone|courriel|telefon(?:nummer)?|anschrift)\b", re.I)
# The words of a way to reach someone beside the details ("by post, fax or e-mail" → "by post or
# through our Customer Support Form"), with ``boilerplate``'s words around an address or number
_CONTACT_WAY = frozenset("""fax post postal letter mail e email form online web website page through our
customer support service contact team desk""".split())


def _contact_placeholder_filled(before: str, after: str) -> tuple[str, str] | None:
    """(placeholder, contact details put for it) when a modified clause puts a postal address,
    an e-mail address or a phone number (``boilerplate.address_spans``, ``is_address_run``) where
    a drafting placeholder asked for them ("inform Acme (Acme, [please include address, email
    and phone])" → "inform Acme (Acme Ltd, 12 Main Street, Springfield)"), and its other changed
    words only name ways to reach someone ("by post, fax or e-mail" → "by post or through our
    support form", ``_CONTACT_WAY``): contact details are not terms (taxonomy), and the text now
    says what it meant to. Only that direction; None otherwise (``_placeholder_filled`` reads
    other placeholders)."""
    from difflib import SequenceMatcher

    asked = [m for m in _PLACEHOLDER.finditer(before) if _CONTACT_ASKED.search(m.group(1))]
    if len(asked) != 1 or _PLACEHOLDER.search(after):
        return None
    old, new = words(plain(before)), words(plain(after))
    wanted = set(words(asked[0].group(1)))
    put = ""
    named: set[str] = set()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        gone, came = old[i1:i2], new[j1:j2]
        if gone and set(gone) >= wanted and not put:
            details = " ".join(came)
            if not came or not (address_spans(details) or is_address_run(came) or _EMAIL.search(details)):
                return None
            shown = plain(after)
            start, end = shown.lower().find(came[0]), shown.lower().rfind(came[-1]) + len(came[-1])
            put = shown[start:end] if 0 <= start < end else details  # (as written, not lowercased)
            named = set(came)  # the team or desk the details name ("our Member Care form")
            continue
        if not all(w in _CONTACT_WAY or w in _ROUTE_WORDS or w in named for w in gone + came):
            return None  # another word changed: read as usual (the placeholder's op comes first)
    return (asked[0].group(1), put) if put else None


# A sentence broken off mid-way (a capture cut short, or the page's own slip: "... email messages
# regarding updates," then the next heading) and whole in the other version: the words put after it
# end that one sentence. What the page meant to say did not change; the rest of the sentence is
# not a new term (``truncated_side`` says the same of a whole capture cut off).
_DANGLING = re.compile(r"(?:,|\b(?:and|or|the|a|an|of|to|for|with|by|in|on|as|at|from|about|regarding|including|"
                       r"such\s+as|than|that|which|if|unless|et|ou|le|la|les|de|des|du|pour|par|und|oder|der|die|das|"
                       r"für|mit|von|zu))$", re.I)
# a sentence's end inside the broken text (a prose paragraph whose last sentence lost its end);
# "health.The" counts too: captures drop the space after a stop
_EARLIER_END = re.compile(r"[^\W\d_][.!?][\"”’)]*\s*(?-i:[A-Z])")
_FULL_STOP_END = re.compile(r"[.!?…][\"”’)\]]*$")
_INNER_END = re.compile(r"[.!?…][\"”’)\]]*\s+(?-i:[A-Z])")
CUT_LEAST_WORDS = 6  # words of the broken sentence at least: a fragment of a few words may be a title
CUT_TAIL_WORDS = 30  # words put after it at most: the rest of one sentence, not a paragraph


def _cut_sentence_completed(before: str, after: str) -> tuple[str, str] | None:
    """("old" | "new", the words that end it) when one side of a modified clause (plain text) is
    the other one broken off mid-sentence: the whole clause is the broken one and then the end of
    its last sentence only (at most ``CUT_TAIL_WORDS`` words, with no sentence ending before its
    own final stop). Broken off means: it ends without a stop on a comma or a word that cannot end
    a sentence ("and", "the", "regarding", ``_DANGLING``), or its last sentence lacks the stop the
    sentences before it have. None otherwise: a list item without a full stop that gains words
    ("We collect your name" → "... name and address.") is read as usual."""
    for short, whole, side in ((before, after, "old"), (after, before, "new")):
        cut = " ".join(short.split()).rstrip()
        full = " ".join(whole.split())
        if len(cut.split()) < CUT_LEAST_WORDS or _FULL_STOP_END.search(cut) or not _FULL_STOP_END.search(full):
            continue
        stem = cut.rstrip(" ,")
        if not full.startswith(stem) or len(full) <= len(cut):
            continue
        tail = full[len(stem):].lstrip(" ,")
        if not tail or len(tail.split()) > CUT_TAIL_WORDS or _INNER_END.search(tail):
            continue
        last = cut.split()[-1]
        if not (_DANGLING.search(last) or _EARLIER_END.search(cut)):
            continue
        return side, tail
    return None


_LINK_LINE = re.compile(r"^\s*(?:[*+\-]\s+)?(?:\*\*|__)?\[[^\]]*\w[^\]]*\]\([^)]*\)(?:\*\*|__)?\s*$")
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s+\S|^\s*(?:=+|-{2,})\s*$")


def _card_blurb(clause: str, version: str) -> bool:
    """Whether a clause is the blurb of a link card on a hub of pages: one line of at most 15
    words, no sentence (no end stop, no number, modal or negation), between a heading and a line
    that is only a link to the page it describes ("### Branches / How we process your data in our
    branches / [Branches](…)"), on a page of ``_CARDS`` such cards or more. What the linked page
    holds is that page's, not a term here."""
    line = clause.strip()
    if "\n" in line or line.endswith((".", ":", ";", "!", "?")) or not 2 <= len(line.split()) <= 15:
        return False
    ws = words(line)
    if any(w.isdigit() or w in MODALS or w in _NEGATIONS or w in _NEGATING for w in ws):
        return False
    return line in _card_blurbs(version)


_CARDS = 3  # cards of that form on the page: a hub of pages, not one section with a link under it


@lru_cache(maxsize=8)
def _card_blurbs(version: str) -> frozenset[str]:
    """The blurbs of a version's link cards (one line without an end stop between a heading and
    a line that is only a link), when it has ``_CARDS`` of them or more; else none."""
    lines = [x.strip() for x in version.splitlines() if x.strip()]
    found = {lines[k] for k in range(1, len(lines) - 1)
             if _HEADING_LINE.match(lines[k - 1]) and _LINK_LINE.match(lines[k + 1])
             and not _HEADING_LINE.match(lines[k]) and not _LINK_LINE.match(lines[k])
             and not lines[k].endswith((".", ":", ";", "!", "?"))}
    return frozenset(found) if len(found) >= _CARDS else frozenset()


def _bracketed_pointer(toks: tuple[Token, ...], a: int, b: int, text: str) -> bool:
    """Whether changed tokens ``a``..``b`` are the whole of a bracketed pointer ("(please see the
    list of advertising partners here)", "(for more information, see our Cookie Notice)"): a way
    to read more put into or taken out of a sentence, which changes none of its terms."""
    lo = toks[a - 1].end if a else 0
    hi = toks[b].start if b < len(toks) else len(text)
    if "(" not in text[lo:toks[a].start] or b - a < 3:
        return False
    inner = text[toks[a].start:toks[b - 1].end]
    rest = text[toks[b - 1].end:hi] + text[hi:hi + 40]
    return ")" in rest and "(" not in inner and is_pointer(inner)


# Where the same text says something more (a pointer to another part of it, not to another document):
# "described in the “Your Rights” section below", "set out in this table", "explained above",
# "detailed under the heading “Cookies” below". It ends on the place ("section", "table", "below"...),
# so that a pointer to another document ("as provided for in the Review Terms") is never one.
_INNER_PLACE = r"(?:section|subsection|table|chart|paragraph|heading|part)"
_INNER_POINTER = re.compile(
    r"\b(?:described|explained|set\s+(?:out|forth)|detailed|outlined|listed|specified|mentioned|referred\s+to)\s+"
    r"(?:(?:in|under|within|at)\s+)?(?:(?:the|this|that|these|our)\s+)?"
    # a section named in quotes, or in up to six capitalised words ("the Your Rights section")
    r"(?:[\"“‘'][^\"“”‘’\n]{1,90}[\"”’']\s*|(?:(?-i:[A-Z])[\w'’&/-]*\s+(?:-\s+)?){1,6})?"
    rf"(?:(?:{_INNER_PLACE}s?)(?:\s+(?:below|above))?|below|above)"
    rf"(?:\s+(?:in\s+)?(?:this|the)\s+{_INNER_PLACE})?\b", re.I)


def _inner_pointers(text: str) -> list[tuple[int, int]]:
    """Where ``text`` points the reader to another part of the same document (``_INNER_POINTER``):
    (start, end) offsets of each pointer. A pointer reworded or pointing elsewhere in the same
    text changes no term: the part it points to is labelled where it changes."""
    return [m.span() for m in _INNER_POINTER.finditer(text)] if _POINTER_HINT.search(text) else []


_POINTER_HINT = re.compile(r"\b(?:below|above|section|table|chart|paragraph|heading|part)", re.I)


# A bracketed aside that walks the reader through the site ("(scroll down to Opt Out and click
# through the link)", "(tap Settings, then Privacy)"): site chrome, not a term.
_DIRECTIONS_OPEN = re.compile(r"\((?=[\s_*]*(?:please\s+)?(?:scroll|click|tap|select|navigate|go\s+to|press|choose|"
                              r"look\s+for|follow\s+the\s+link|open\s+the)\b)", re.I)


def without_directions(sentence: str) -> str:
    """``sentence`` without its bracketed directions through a site or an app ("(scroll down to
    Opt Out of Selling and click through the link)"): up to the bracket that closes the aside, or
    the last one of the sentence when a bracket inside it is left open by the page. The sentence
    unchanged when it holds none."""
    m = _DIRECTIONS_OPEN.search(sentence)
    if m is None:
        return sentence
    depth, end = 0, -1
    for k in range(m.start(), len(sentence)):
        if sentence[k] == "(":
            depth += 1
        elif sentence[k] == ")":
            depth -= 1
            if depth == 0:
                end = k
                break
    if end < 0:
        end = sentence.rfind(")")
    if end < m.start():
        return sentence
    return re.sub(r"\s+([,.;:])", r"\1", f"{sentence[:m.start()].rstrip()} {sentence[end + 1:].lstrip()}").strip()


_ADDRESS_LINE_WORDS = 24  # words of a line that only names a company and where it is, at most
_PLACE_SMALL = frozenset("of de du des la le am an der di del und and the".split())


def _address_line_moved(before: str, after: str) -> bool:
    """Whether a clause that only names a company and its postal address ("Nimbus Ireland Limited,
    15 Quay Place, Dublin 4, Ireland") now gives another address for the same company ("Nimbus
    Ireland Limited, 2 Harbour Landings North Dock Dublin 1 Ireland"): contact details, however the
    new address is written (without commas, with words no street list holds). Both sides open on the
    same name up to its legal form ("Limited", "GmbH", "Inc"), have no verb and at most
    ``_ADDRESS_LINE_WORDS`` words, hold a number, say after the name only capitalised words, numbers
    and postcodes, and one of them is an address as ``boilerplate.address_spans`` reads one. Another
    company named, or a sentence around the address, is no such line."""
    wb, wa = words(before), words(after)
    if not wb or not wa or max(len(wb), len(wa)) > _ADDRESS_LINE_WORDS or has_verb(wb) or has_verb(wa) \
            or not (_DIGIT.search(before) and _DIGIT.search(after)):
        return False
    form = next((k for k, w in enumerate(wb[:8]) if w in _CORP), None)
    if form is None or wa[:form + 1] != wb[:form + 1]:
        return False
    tails = []
    for text in (before, after):
        toks = re.findall(r"[^\W_]+", plain(text))
        if len(toks) <= form + 1:
            return False
        tail = toks[form + 1:]
        if not all(t[0].isupper() or t[0].isdigit() or t.lower() in _PLACE_SMALL for t in tail):
            return False
        tails.append(" ".join(tail))
    return tails[0] != tails[1] and bool(address_spans(before) or address_spans(after))


def _cut_off_dates(text: str) -> list[str]:
    """The dates of ``text`` that are cut-offs a term turns on (``_cut_off_date``), as written."""
    return [m.group(0) for m in _DATE.finditer(text) if _cut_off_date(text, m.start())] if _DIGIT.search(text) else []


def _cut_off_moved(before: str, after: str) -> ChangeLabel | None:
    """A clause whose cut-off date moved and whose words are otherwise the same ("users who
    registered after 5 December 2018" → "... after 26 November 2025"): material, it changes who
    or what the term covers; said with the words around both dates. None for any other change."""
    old, new = _cut_off_dates(before), _cut_off_dates(after)
    if not old or not new or old == new or len(old) != len(new):
        return None
    def gist(text: str) -> list[str]:
        return [w for w in words(_DATE.sub(" qqdateqq ", text)) if is_content_word(w)]

    if gist(before) != gist(after):
        return None  # other words changed too ("on or after" for "after" is none): the rules read them
    (was, now), = [(o, n) for o, n in zip(old, new) if o != n][:1] or [(old[0], new[0])]
    cats = tuple(c for c in _order(_cats((after,))) if c != "other")[:3] or ("other",)
    return ChangeLabel(True, "material", cats, f"Now says “{_phrase(after, now)}” instead of "
                       f"“{_phrase(before, was)}”{_cats_text(cats)}", None, (), (), (), ())


def _explain_noise(d: Delta, ctx: DocContext) -> tuple[Delta, set[str]]:
    """Drop changed tokens that change no term: dates, link texts, cross-reference numbers
    ("Section 10" → "Section 11"), a renamed name glued to its neighbour ("HYGRAPHSHALL"), and
    a former name added in brackets ("Brevo (ex Sendinblue)")."""
    drop_i: set[int] = set()
    drop_d: set[int] = set()
    why: set[str] = set()
    renames = [(o, n) for (o, n), what in ctx.renames.items() if what == "rename"]
    names = {w for o, n in renames for w in o + n if is_content_word(w)}
    # pointers to another part of the same text, each side's read once: one counts only when the
    # other side has one too (a pointer put where none was may say where exceptions are)
    inner = {"ins": _inner_pointers(d.after_text), "dels": _inner_pointers(d.before_text)}
    if not (inner["ins"] and inner["dels"]):
        inner = {"ins": [], "dels": []}
    for side, toks, text, idx, drop, other in (("ins", d.after, d.after_text, d.ins, drop_i, ctx.old),
                                               ("dels", d.before, d.before_text, d.dels, drop_d, ctx.new)):
        if not idx:
            continue
        digits = bool(_DIGIT.search(text))
        spans = [(m.start(), m.end()) for m in DATE.finditer(text)] if digits else []
        addresses = address_spans(text) if digits else []
        marks = any(_xref_mark(toks, i) for i in idx)  # "Section iv" → "Section v"
        if not (digits or marks or renames or "\x02" in text):
            idx = frozenset()  # no link, date, number or renamed name to explain: skip the words
        binding = bool(idx) and bool(_INCORPORATES.search(plain(text)))
        pointers = inner[side]
        cut_offs = [(a, b) for a, b in spans if _cut_off_date(text, a)]
        kept = {i for i in idx if any(a <= toks[i].start < b for a, b in cut_offs)}
        for i in idx:
            t = toks[i]
            if i in kept:
                continue  # a date a term turns on: a term, not a stamp nor an address
            if t.link and not (binding and _names_document(toks, i)):
                drop.add(i)
                why.add("links-only")
            elif spans and any(a <= t.start < b for a, b in spans):
                drop.add(i)
                why.add("date-only")
            elif addresses and any(a <= t.start < b for a, b in addresses):
                drop.add(i)  # a postal address rewritten ("40 Main St." → "Ltd, 5 Quay St")
                why.add("contact-details")
            elif (t.norm[:1].isdigit() and i and (_xref_number(toks, i) or "§" in text[max(0, t.start - 3):t.start])
                  or marks and _xref_mark(toks, i)):
                drop.add(i)  # a cross-reference renumbered
                why.add("renumbering")
            elif renames:
                for o, n in renames:  # "hygraphshall": the new name glued to the next word
                    src, dst = (n, o) if side == "ins" else (o, n)
                    if len(src) == 1 and t.norm.startswith(src[0]) and t.norm != src[0]:
                        rest = t.norm[len(src[0]):]
                        if dst[-1] + rest in other.glued() or rest in other.vocabulary():
                            drop.add(i)
                            why.add("renamed")
                    elif (len(src) == 1 and t.norm == src[0] and i + 1 < len(toks)
                          and dst[0] + toks[i + 1].norm in other.vocabulary()):
                        drop.update((i, i + 1))
                        why.add("renamed")
        for a, b in d.runs(side):
            run = [toks[k].norm for k in range(a, b)]
            if kept & set(range(a, b)):
                continue
            if len(run) <= 6 and run[0] in _XREF and all(w in _XREF or w[:1].isdigit() or w in ("and", "or", "et", "ou", "und")
                                                         for w in run):
                drop.update(range(a, b))  # "article 17" cited or dropped: a cross-reference
                why.add("renumbering")
                continue
            if is_address_run(run) and (len(run) > 1 or run[0] in PLACEHOLDERS) or _in_contact_line(text, toks, a, b):
                drop.update(range(a, b))  # a postal address, a phone number, an e-mail address
                why.add("contact-details")
                continue
            if _bracketed_pointer(toks, a, b, text):
                drop.update(range(a, b))  # "(please see the list of our partners here)": where to read more
                why.add("links-only")
                continue
            if pointers and any(lo <= toks[a].start and toks[b - 1].end <= hi for lo, hi in pointers):
                # "described in the “Your Rights” section below" → "described below this table": one
                # pointer for another (a pointer put where none was may say where exceptions are)
                drop.update(range(a, b))
                why.add("renumbering")
                continue
            if _spelled_number(run, toks, a, b, text) or _restated_number(toks, a, b, text, idx):
                drop.update(range(a, b))  # "18 (eighteen) years": the number spelled out beside it
                why.add("formatting")
                continue
            if " ".join(run) in _ILLUSTRATIVE:
                drop.update(range(a, b))  # "includes, but is not limited to," → "includes"
                why.add("reworded")
                continue
            if _polite(run, toks[b].norm if b < len(toks) else ""):
                drop.update(range(a, b))  # "Be sure to check" → "Make sure that you check"
                why.add("reworded")
                continue
            content = {w for w in run if is_content_word(w)} - _FORMERLY
            if len(run) <= 5 and set(run) & _FORMERLY and _capitalised(text, toks, a, b, _FORMERLY):
                drop.update(range(a, b))  # "Brevo (ex Sendinblue)"
                why.add("renamed")
            elif content and content <= names and not _scope_words(d, run):
                drop.update(range(a, b))  # "Grammarly or GrammarlyGO" once GrammarlyGO was renamed
                why.add("renamed")
    for (i1, i2), (j1, j2) in d.replaced:
        if i2 - i1 == 1 and j2 - j1 == 1 and i1 in d.dels and j1 in d.ins and (
                _first_letter_lost(d.before_text, d.before[i1], d.after_text, d.after[j1], ctx.new_text)
                or _first_letter_lost(d.after_text, d.after[j1], d.before_text, d.before[i1], ctx.old_text)):
            drop_d.add(i1)  # "ll the data" for "All the data" at a line's start: a letter the capture lost
            drop_i.add(j1)
            why.add("formatting")
    return (d.without(drop_i & d.ins, drop_d & d.dels) if drop_i or drop_d else d), why


_LINE_START = re.compile(r"(?:^|\n|<br\s*/?>|\|)[\s*_#>|-]*$", re.I)


def _first_letter_lost(broken_text: str, broken: Token, whole_text: str, whole: Token, whole_version: str = "") -> bool:
    """Whether token ``broken`` is token ``whole`` without its first, capital letter, at the start
    of a line, a cell or a "<br>" break on either side (in the clause's text or, with
    ``whole_version``, the Markdown of the version ``whole`` belongs to, whose breaks a plain text
    has lost): a drop cap or a first letter the capture lost ("ll the data" for "All the data"),
    never another word ("our" for "Your" inside a sentence)."""
    b, w = broken_text[broken.start:broken.end], whole_text[whole.start:whole.end]
    if not (len(w) == len(b) + 1 and w[:1].isupper() and b[:1].islower() and w[1:] == b):
        return False
    if any(_LINE_START.search(text[max(0, t.start - 12):t.start]) for text, t in ((broken_text, broken), (whole_text, whole))):
        return True
    after = whole_text[whole.start:whole.start + 40].split()
    if not whole_version or len(after) < 3:
        return False
    lead = r"\s+".join(re.escape(x) for x in after[:3])
    return re.search(rf"(?:^|\n|<br\s*/?>|\|)[ \t*_#>-]*{lead}", whole_version, re.I) is not None


# Words that open a sentence of examples or of the items a rule covers: when the sentence becomes
# an item of a list, they go to the list's lead-in ("This includes X." → "..., including: * X").
_LIST_INTRO = frozenset("""include includes including comprise comprises comprising such example examples instance
namely means cover covers inclut incluent comprend comprennent notamment exemple umfasst umfassen beinhaltet
beinhalten insbesondere beispiel beispielsweise following suivants suivantes folgende folgenden""".split())


# Words that join a sentence to the one before ("In addition, you agree not to …"), which an item
# of a list no longer needs: its lead-in joins it.
_CONNECTIVES = frozenset("addition additionally furthermore moreover likewise de plus outre außerdem zudem".split())


_EXCEPTING = frozenset("except excepting unless save sauf außer".split())


def _list_lead_words(d: Delta, before: str, after: str, lead_before: str, lead_after: str) -> Delta:
    """The delta without the opening words a sentence left to its list's lead-in when it became
    an item of that list ("This includes child abuse imagery." → "Do not ..., including: * Child
    abuse imagery"), or took from it when an item became a sentence: the first run of changed
    words, at the start of the clause, when each of its content words opens a list ("includes",
    "such as") or stands in the lead-in."""
    for side, lead, now, then in (("dels", lead_after, after, before), ("ins", lead_before, before, after)):
        if not lead or not _LIST_ITEM.match(now) or _LIST_ITEM.match(then):
            continue
        runs = d.runs(side)
        toks = d.before if side == "dels" else d.after
        if not runs or any(is_content_word(t.norm) for t in toks[:runs[0][0]]):
            continue  # the changed words do not open the sentence
        words_ = d.run_words(side, runs[0])
        lead_stems = _stems(lead)
        # (a "not" or "may" the lead-in says too went to it: "You agree not to archive …" → "you agree
        # not to: (i) archive …", when nothing took its place: "Do not use" → "Using" is
        # ``_ban_itemised``'s)
        other = d.runs("ins" if side == "dels" else "dels")
        other_toks = d.after if side == "dels" else d.before
        replaced = bool(other) and any(is_content_word(t.norm) for t in other_toks[other[0][0]:other[0][1]]) \
            and not any(is_content_word(t.norm) for t in other_toks[:other[0][0]])
        if any((w in MODALS or w in _NEGATIONS) and (replaced or stem(w) not in lead_stems) for w in words_) or not all(
                w in _LIST_INTRO or w in _CONNECTIVES or w.isdigit() or stem(w) in lead_stems
                for w in words_ if is_content_word(w)):
            continue
        gone = set(range(*runs[0]))
        d = d.without(set(), gone) if side == "dels" else d.without(gone, set())
        # an exception the item made for itself that the lead-in now makes for every item ("use
        # (except as explicitly authorized in these Terms) content" → "Except as explicitly
        # authorized by us, you agree not to: (i) use content"): moved to the lead-in, not dropped
        for run in d.runs(side)[:3]:
            content = [w for w in d.run_words(side, run) if is_content_word(w)]
            if len(content) >= 3 and content[0] in _EXCEPTING and all(stem(w) in lead_stems for w in content[:3]):
                gone = set(range(*run))
                d = d.without(set(), gone) if side == "dels" else d.without(gone, set())
    # ... and the sentence before them now leads the list in ("endangers minors." → "endangers
    # minors, including:"), or no longer does
    for side, now in (("ins", after), ("dels", before)):
        mine, theirs = (d.inserted(), d.deleted()) if side == "ins" else (d.deleted(), d.inserted())
        if (mine and now.rstrip().endswith(":") and not any(is_content_word(w) for w in theirs)
                and all(w in _LIST_INTRO or not is_content_word(w) for w in mine)
                and not any(w in MODALS or w in _NEGATIONS for w in mine)):
            d = d.without(d.ins, set()) if side == "ins" else d.without(set(), d.dels)
    return d


# The words that open a ban said to the reader ("Do not", "Please don't", "You must never"), which a
# list's negating lead-in says for all its items once the ban becomes one of them.
_BAN_OPENING = frozenset("please you do does don t not never must may shall should cannot can".split())


def _verb_key(word: str) -> str:
    """A verb's form without its "-ing" and final "e" ("using" and "use" → "us", "impersonating"
    and "impersonate" → "impers"), to tell the same verb said as an imperative and as a gerund."""
    w = unaccented(canonical_word(word))
    if w.endswith("ing") and len(w) > 4:
        w = w[:-3]
    return w.rstrip("e")[:6] or w


def _ban_itemised(d: Delta, before: str, after: str, lead_before: str, lead_after: str) -> Delta:
    """The delta without the opening "Do not" of a ban that became an item of a list whose lead-in
    says the ban for all its items ("Do not impersonate another person." → "Do not use Chat for
    phishing, including: * Impersonating another person"), or the other way round, with the verb
    turned from the imperative into the gerund ("use" → "using"): the same rule, regrouped. Only
    when the lead-in negates (``_negates``) and the rest of the opening is the same verb."""
    for side, lead, now, then in (("dels", lead_after, after, before), ("ins", lead_before, before, after)):
        if not lead or not _LIST_ITEM.match(now) or _LIST_ITEM.match(then) or not _negates(lead):
            continue
        other = "ins" if side == "dels" else "dels"
        mine, theirs = d.runs(side), d.runs(other)
        toks, other_toks = (d.before, d.after) if side == "dels" else (d.after, d.before)
        if not mine or any(is_content_word(t.norm) for t in toks[:mine[0][0]]):
            continue  # the changed words do not open the sentence
        ws = d.run_words(side, mine[0])
        opening = 0
        while opening < len(ws) and ws[opening] in _BAN_OPENING:
            opening += 1
        if not _NOT_WORDS & set(ws[:opening]):
            continue  # no ban opened the sentence
        verbs = ws[opening:]
        at_start = bool(theirs) and not any(is_content_word(t.norm) for t in other_toks[:theirs[0][0]])
        gerunds = d.run_words(other, theirs[0]) if at_start else []
        if [_verb_key(w) for w in verbs] != [_verb_key(w) for w in gerunds]:
            continue  # another verb: another rule
        d = d.without(set(), set(range(*mine[0]))) if side == "dels" else d.without(set(range(*mine[0])), set())
        if at_start:
            d = d.without(set(range(*theirs[0])), set()) if side == "dels" else d.without(set(), set(range(*theirs[0])))
    return d


# A step the user takes that a clause can give a way for: cancelling, opting out, unsubscribing,
# objecting, withdrawing consent, complaining or appealing, asking for a copy or deletion.
_USER_STEP = re.compile(r"\b(?:cancel\w*|terminat\w*|opt(?:ing)?[- ]?out|unsubscrib\w*|object\w*|withdraw\w*|"
                        r"revok\w*|complain\w*|complaints?|appeal\w*|disput\w*|request\w*|delet\w*|eras\w*|"
                        r"résili\w*|désabonn\w*|opposer|réclamation\w*|kündig\w*|widerruf\w*|widersprech\w*)\b", re.I)


_PHONE_LIKE = re.compile(r"\+?\d[\d ().-]{5,}\d")  # a phone number the placeholder left as written


# A way to take a step that names no address: a form, a page, a setting, the post, a phone call.
_OTHER_WAY = re.compile(r"\b(?:(?:web|online|contact|request|opt[- ]?out)\s+forms?|forms?|online|settings?|"
                        r"dashboard|portal|(?:by|via)\s+(?:post|mail|letter|phone|telephone)|(?:call|writ[ei])(?:ng)?\s+(?:to\s+)?us|"
                        r"formulaire|paramètres|par\s+courrier|formular|einstellungen)\b", re.I)


def _way_gone(run: Sequence[str], text: str, other: str) -> bool:
    """Whether changed words ``run`` of a clause (``text``, the side they are on) are the only way
    it gives to take a step of the user's (``_USER_STEP``: "you may cancel your account by sending
    an e-mail to cancel@…"), gone from (or new in) the clause's other side ``other``, which names
    no e-mail address, phone number or postal address in its place: a way to cancel, opt out or
    complain taken away (or given), not contact details changed. The run must hold both the
    address and its route ("by sending an e-mail to"): an address alone replaced is a contact."""
    if not PLACEHOLDERS & set(run) or not any(is_content_word(w) and w not in PLACEHOLDERS for w in run):
        return False
    if not _USER_STEP.search(plain(text)):
        return False
    if _LIST_JOINS & set(run) and _OTHER_WAY.search(plain(other)):
        # one of the ways listed gone, another kept ("by e-mailing privacy@… or using the form" →
        # "by using the form"): a contact channel fewer, the step can still be taken
        return False
    # (a link on the other side is a way too: "request deletion at <form's address>")
    return not ("qqemailqq" in other or "qqphoneqq" in other or "@" in other or "\x02" in other
                or _URL.search(other) or _PHONE_LIKE.search(other) or address_spans(other))


# The category of a step a way is given for: the user's cancelling is a subscription term, opting
# out or asking for one's data a privacy one; a complaint or an appeal keeps the clause's own.
_STEP_TOPIC = ((re.compile(r"^(?:cancel|terminat|unsubscrib|résili|kündig)", re.I), "subscription"),
               (re.compile(r"^(?:opt|object|withdraw|revok|request|delet|eras|désabonn|opposer|widerruf|widersprech)",
                           re.I), "privacy"))


def _way_label(d: Delta, before: str, after: str) -> ChangeLabel | None:
    """A clause that no longer gives (or now gives) a way to take one of the user's steps by an
    address (``_way_gone``: "cancel your account by sending an e-mail to cancel@…" → "cancel your
    account"): material, said with the step and the route ("No longer says how to cancel: by
    sending an e-mail to cancel@…"), under the step's category (``_STEP_TOPIC``); only when
    nothing was put in its place (a web form or a mailing list instead is another way). ``d``: the
    clause's delta; ``before``, ``after``: its plain texts. None for any other change."""
    for side, toks, text, other, plain_side in (("dels", d.before, d.before_text, d.after_text, before),
                                                ("ins", d.after, d.after_text, d.before_text, after)):
        if any(is_content_word(w) for w in (d.inserted() if side == "dels" else d.deleted())):
            continue  # words put in its place: another way given (a web form, a mailing list), not none
        for a, b in d.runs(side):
            if not _way_gone(d.run_words(side, (a, b)), text, other):
                continue
            step = _USER_STEP.search(plain(text))
            assert step is not None  # (``_way_gone`` found it)
            cat = next((c for rx, c in _STEP_TOPIC if rx.match(step.group(0))), "")
            cats = (cat,) if cat else tuple(c for c in _order(_cats((plain_side,))) if c != "other")[:2] or ("other",)
            route = re.sub(r"[\x02\x03]|\bqq(?:email|phone)qq\b", " ", text[toks[a].start:toks[b - 1].end])
            address = _EMAIL.search(plain_side)
            said = re.sub(r"\s+", " ", f"{route.strip(' :')} {address.group(0) if address else ''}").strip()
            lead = "No longer says how to" if side == "dels" else "Now says how to"
            return ChangeLabel(True, "material", cats, f"{lead} {step.group(0).lower()}: {said}{_cats_text(cats)}",
                               size=sum(is_content_word(w) for w in d.run_words(side, (a, b))))
    return None


# A section cited by its number and its quoted title ("Sections 11 (\"Governing Law; Waiver of Class
# Actions\") and 12 (\"Miscellaneous\")", "Article 4, “Termination”"): the title names where a term is.
_CITED_TITLE = re.compile(r"(?<=[\dIVXivx)])(?:\s*\(\s*[\"“«„][^\"“”«»„]{1,90}[\"”»“]\s*\)|,?\s+[\"“«„][^\"“”«»„]{1,90}[\"”»“](?=[\s,;.)]|$))")
_CITING = re.compile(r"\b(?:sections?|articles?|clauses?|paragraphs?|parts?|schedules?|annex(?:es)?|appendix|exhibits?|"
                     r"chapters?|abschnitt\w*|ziffer\w*|§)", re.I)


def uncited(sentences: Sequence[str], whole: str) -> tuple[str, ...]:
    """``sentences`` (of the clause ``whole``) with the quoted titles of the sections the clause
    cites taken out, their numbers kept ("survive …, including Sections 11 (\"Waiver of Class
    Actions\") and 12" → "…Sections 11 and 12"): a clause that names where other terms are (a
    survival clause, "see Section 9 “Arbitration”") is not itself about those terms, nor a
    watch-out of them. A title is found in the whole clause (a title with a semicolon is split
    between two sentences), each sentence keeps what lies outside the titles. As they are when the
    clause cites no section by its title."""
    if not sentences or not _CITING.search(whole):
        return tuple(sentences)
    titles = [(m.start(), m.end()) for m in _CITED_TITLE.finditer(whole)]
    if not titles:
        return tuple(sentences)
    out = []
    for s in sentences:
        at = whole.find(s)
        if at < 0:
            out.append(_CITED_TITLE.sub("", s))
            continue
        kept = "".join(ch for k, ch in enumerate(s, at) if not any(a <= k < b for a, b in titles))
        out.append(kept if kept.strip(" .;,()\"”“") else "")
    return tuple(out)


# A condition put in front of a sentence ("In case of material changes, we will …", "Only if
# required by law, Zorblio will …"), and the duty of the provider's it can narrow.
_CONDITION_LEAD = re.compile(r"^(?P<cond>(?:only\s+)?(?:in\s+(?:the\s+)?(?:case|event)\s+(?:of|that)|if|where|when|"
                             r"whenever|provided\s+that|to\s+the\s+extent)\b[^,.;:]{3,80}?),?\s+"
                             r"(?=(?:we|the\s+company|[A-Z][\w&.-]+)\s+(?:will|shall|must|agree|commit|undertake)\b)",
                             re.I)


def condition_put(before: str, after: str) -> str:
    """The condition ``after`` puts in front of the provider's duty that ``before`` states without
    one ("We will notify you at least 30 days before such changes" → "In case of material changes
    we will notify you …": "In case of material changes"), the rest of the sentence the same duty
    (its content words from the duty on all in ``before``'s but for a changed figure): the duty
    now holds only then, narrowed. "" when ``before`` has the condition too, or none was put."""
    if not before or not after:
        return ""
    m = _CONDITION_LEAD.match(after.strip())
    if m is None or _CONDITION_LEAD.match(before.strip()):
        return ""
    rest = after.strip()[m.end():]
    had = {w for w in words(before) if is_content_word(w) and not w.isdigit()}
    now = [w for w in words(rest) if is_content_word(w) and not w.isdigit()]
    if not now or not had or sum(w in had for w in now) < 0.7 * len(now) \
            or sum(w in set(now) for w in had) < 0.7 * len(had):
        return ""
    return m.group("cond")


# A line that lists the third parties a page's data goes to by name: a label naming trackers,
# cookies, partners or processors, then two or more names ("Applicable cookies: Google Ads,
# Hotjar, PostHog", "Sub-processors: Acme Cloud, Brindle Mail").
_PARTY_LIST = re.compile(
    r"^[^:]{0,40}\b(?:cookies?|trackers?|tags?|pixels?|partners?|(?:sub-?)?processors?|vendors?|third[- ]parties|"
    r"recipients?|service providers?|tools?|traceurs?|partenaires|sous-traitants|dienstleister|drittanbieter)\b"
    r"[^:]{0,30}:\s*(?P<names>[^.;:]+)$", re.I)


def named_parties(sentence: str) -> bool:
    """Whether ``sentence`` is a line listing by name the third parties, trackers or processors
    that get users' data (``_PARTY_LIST``: at least two names, each written with a capital): a
    list removed, added or changed is about data use (privacy), not text without legal effect."""
    m = _PARTY_LIST.match(plain(sentence).strip().rstrip("."))
    if m is None:
        return False
    names = [n.strip() for n in re.split(r",|\band\b|\bet\b|\bund\b", m.group("names")) if n.strip()]
    return len(names) >= 2 and all(n[:1].isupper() or n[:1].isdigit() for n in names) \
        and all(len(n.split()) <= 4 for n in names)


def _in_contact_line(text: str, toks: tuple[Token, ...], a: int, b: int) -> bool:
    """Whether tokens [a, b) stand in a line of their own that is only a phone number or an
    e-mail address with the words of its route ("- depuis la Suisse au 0800 00 22 13 (numéro
    gratuit) ;"): the country or service named there is part of the contact detail."""
    if "qqphoneqq" not in text and "qqemailqq" not in text:
        return False
    starts = [m.end() for m in _LINE_BREAK.finditer(text, 0, toks[a].start)]
    end = _LINE_BREAK.search(text, toks[b - 1].end)
    line = words(text[starts[-1] if starts else 0:end.start() if end else len(text)])
    return bool(PLACEHOLDERS & set(line)) and is_address_run(line)


# Where one line of a list of contact details ends: a line break (or "<br>"), a semicolon, a
# table cell's pipe or a dash that starts the next item.
def _cell_changed(before: str, after: str, heading: str = "") -> ChangeLabel | None:
    """A table whose cell now holds other words, each found elsewhere in the document ("None" →
    "Shared with advertising partners", the words of other rows): cells are values, so the row
    says something else, not the same words regrouped. Material when the cell, its column or
    its row has a legal category, or, for a value replaced by a wholly other one ("Germany" →
    "United States" in a sub-processor's row), the section ``heading`` has one; a number counted
    by its column ("Requests per minute": 10,000 → 5,000) likewise (``_number_cell``). None
    otherwise, or when the tables differ in shape or a value only moved to another cell (both
    values are elsewhere in the other table, or in the same row)."""
    tb, ta = table_cells(before), table_cells(after)
    if not tb or not ta or tb[0] != ta[0] or len(tb[1]) != len(ta[1]):
        return None
    old_cells = {_flat(c) for row in tb[1] for c in row}
    new_cells = {_flat(c) for row in ta[1] for c in row}
    for rb, ra in zip(tb[1], ta[1]):
        if len(rb) != len(ra):
            return None
        row_b, row_a = {_flat(c) for c in rb}, {_flat(c) for c in ra}
        for i, (cb, ca) in enumerate(zip(rb, ra)):
            fb, fa = _flat(cb), _flat(ca)
            if fb == fa or (fa in old_cells and fb in new_cells) or fa in row_b or fb in row_a:
                continue
            if _row_copied(cb, ca, rb[:i] + rb[i + 1:], ra[:i] + ra[i + 1:]):
                continue  # the capture copied the row's other cells into this one, or stopped
            column = tb[0][i] if i < len(tb[0]) else ""
            wb, wa = set(words(cb)), set(words(ca))
            if (gone := [w for w in words(cb) if w not in wa]) and respelled(gone, [w for w in words(ca) if w not in wb]):
                continue  # "personalized" → "personalised": the same value spelled another way
            if _valued(cb) and _valued(ca):
                continue  # "1 year" → "365 days", "€5" → "€7": durations and amounts are the facts' business
            if not any(w.isalpha() and is_content_word(w) for w in wb ^ wa):
                if i and (number := _number_cell(column, ra[0], cb, ca, heading, tuple(tb[0]))):
                    return number
                continue  # a sign or a number: the facts' business ("5€" read as "5é")
            cats = tuple(c for c in _order(_cats((f"{column}: {ca}", f"{column}: {cb}", ra[0]))) if c != "other")
            if not cats and heading and i and not {w for w in wb & wa if is_content_word(w)}:
                cats = tuple(c for c in _order(_cats((heading,))) if c != "other")
            if not cats:
                continue
            where = f"{_snippet(column, 40)}, {_snippet(ra[0], 40)}" if column and i else _snippet(column or ra[0], 40)
            return ChangeLabel(True, "material", cats[:3], f"Now says “{_snippet(ca.lstrip('•*- '), 60)}” instead of "
                               f"“{_snippet(cb.lstrip('•*- '), 30)}” (in {where}){_cats_text(cats[:3])}",
                               None, (), (), (), ())
    return None


def _flat(text: str) -> str:
    return " " + " ".join(words(plain(text))) + " "


_BARE_NUMBER = re.compile(r"^\s*\d[\d,.' \u202f\u00a0]*\s*$")
# Columns whose numbers count nothing a user gets or owes: dates, versions, identifiers, ranks.
_NOT_A_QUANTITY = re.compile(r"\b(?:date|dated|year|updated|version|v|id|ids|no|nr|number|#|code|ref|reference|"
                             r"rank|order|row|line|page|phone|tel|fax|zip|postcode|datum|jahr|année|numéro)\b", re.I)


# A cell that is a number with a magnitude or unit after it, and perhaps the thing counted
# ("10M", "5k", "2 GB", "100K tokens", "1,5 To")
_QUANTITY_CELL = re.compile(r"^\s*\d[\d,.' \u202f\u00a0]*\s*[A-Za-zµ]{1,4}(?:\s+[^\W\d_]+){0,2}\s*$")
# Column names that say a quota or a limit (en/fr/de/es)
_LIMIT_COLUMN = re.compile(r"\b(?:quotas?|limits?|caps?|allowances?|included|max(?:imum)?|per (?:month|day|minute|hour)|"
                           r"limites?|plafonds?|inclus|contingents?|kontingent\w*|limit\w*|inklusive|höchst\w*|"
                           r"límites?|cuotas?|incluid[oa]s?|máximo)\b", re.I)
_PRICE_COLUMN = re.compile(r"\b(?:price|prices|pricing|cost|fee|fees|rate|prix|tarifs?|coût|preis\w*|kosten|"
                           r"gebühr\w*|precios?|tarifas?|coste|costo)\b", re.I)


def _number_like(cell: str) -> bool:
    """Whether a table cell is a bare number or a quantity with a magnitude or unit ("10M")."""
    return bool(_BARE_NUMBER.match(cell) or _QUANTITY_CELL.match(cell) and _QUANTITY.search(cell.lower().replace(" ", "")))


def _valued(cell: str) -> bool:
    """Whether a table cell states a duration, an amount or a percentage (``extract_facts``)."""
    return any(f.kind in ("duration", "money", "percent") for f in extract_facts(cell))


def _number_cell(column: str, row: str, cb: str, ca: str, heading: str,
                 header: tuple[str, ...] = ()) -> ChangeLabel | None:
    """A bare number or a quantity with its magnitude or unit ("10M", "5k", "2 GB", "100K
    tokens") in a table cell replaced by another (``cb`` → ``ca``), counted by its ``column``
    ("Requests per minute", "Seats included", "Storage (GB)", "Tokens") in a row named ``row``:
    material with the categories of the column, row or section ``heading`` when they have one
    (a price with its sign is a fact, read elsewhere); else "usage-rules" for a column that
    names a quota or a limit, and "pricing" for a quantity in a table whose ``header`` (the
    column names) has a price column: what a plan gives for its price. None for a column of
    dates, versions or identifiers, or when nothing gives a category."""
    if not column or not _number_like(cb) or not _number_like(ca) or _NOT_A_QUANTITY.search(column):
        return None
    cats = tuple(c for c in _order(_cats((f"{column}: {ca}", f"{row} {column}", heading))) if c != "other")
    if not cats and _LIMIT_COLUMN.search(column):
        cats = ("usage-rules",)
    if not cats and any(_PRICE_COLUMN.search(h) for h in header):
        cats = ("pricing",)
    if not cats:
        return None
    name = f"{_snippet(column, 50)} for {_snippet(row, 40)}" if row else _snippet(column, 50)
    return ChangeLabel(True, "material", cats[:3], f"{name} is now {ca.strip()} instead of {cb.strip()}"
                       f"{_cats_text(cats[:3])}", None, (), (), (), ())


def _columns_reordered(before: str, after: str) -> bool:
    """Whether two table rows (each with its header row) hold the same value under each column
    name, only with the columns in another order: a table laid out anew, not a change."""
    tb, ta = table_cells(before), table_cells(after)
    if not tb or not ta or not tb[0] or tb[0] == ta[0] or len(tb[1]) != len(ta[1]) or not tb[1]:
        return False
    hb, ha = [_flat(h) for h in tb[0]], [_flat(h) for h in ta[0]]
    if sorted(hb) != sorted(ha) or len(set(hb)) != len(hb):
        return False
    for rb, ra in zip(tb[1], ta[1]):
        if len(rb) != len(hb) or len(ra) != len(ha):
            return False
        if {h: _flat(c) for h, c in zip(hb, rb)} != {h: _flat(c) for h, c in zip(ha, ra)}:
            return False
    return True


# A column that lists cookies by their technical names ("Cookies", "Cookie name", "Nom du cookie",
# "Cookie-Name"): a name is how the browser stores the cookie, not what it is used for.
_COOKIE_NAME_COLUMN = re.compile(
    r"^\s*(?:cookies?|cookie\s+names?|names?\s+of\s+(?:the\s+)?cookies?|cookies?\s+\(?names?\)?|"
    r"noms?\s+d[ue]s?\s+cookies?|cookies?\s+\(?noms?\)?|cookie-?namen?|cookie-?bezeichnung(?:en)?|"
    r"nombre\s+de\s+(?:la\s+)?cookie)\s*$", re.I)


_WEB_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.I)


# A list's heading or lead-in that says its items get the users' data: partners, processors,
# providers, advertisers, third parties ("Third-party advertising partners", "Our sub-processors",
# "Nos partenaires", "Unsere Dienstleister").
_RECIPIENT_LIST = re.compile(
    r"\b(?:(?:advertising|analytics|marketing|measurement|tracking|technology|data|business)\s+partners?|"
    r"third[- ]part(?:y|ies)\s+(?:\w+\s+)?(?:partners?|providers?|vendors?|advertisers?|processors?|services?|"
    r"cookies|trackers?)|partners?\s+(?:who|that|which|we\s+share|with\s+whom)|our\s+partners|"
    r"(?:sub-?)?processors|service\s+providers|our\s+(?:vendors|advertisers)|(?:data\s+)?recipients|partenaires|"
    r"sous-traitants|"
    r"prestataires|destinataires|(?:werbe)?partner(?:n|unternehmen)?|dienstleister(?:n)?|(?:auftrags|unter)?verarbeiter(?:n)?|"
    r"empfänger(?:n)?)\b", re.I)
# a link's words that point to a page, not name a company ("Learn more", "Privacy Policy"), or a
# site's menu ("Referral Program", "Help Center"; a bare "Advertisers" heading is a menu's too)
_POINTER_LINK = re.compile(r"\b(?:more|here|policy|policies|settings?|notice|terms|page|website|click|opt[- ]?out|"
                           r"programs?|programmes?|cent(?:er|re)s?|blog|careers?|help|support|about|contact|"
                           r"log\s*in|sign\s*(?:in|up)|resources?|solutions?|"
                           r"plus|ici|hier|mehr|datenschutz\w*|politique|richtlinie)\b", re.I)


def _stutter_fixed(d: Delta) -> bool:
    """Whether the change only drops words said twice in a row: each run deleted (at most three
    words, nothing inserted) is repeated right after it ("the the", "you may may"), or is one or
    two content words said again within the next four ("we will take steps the following steps"
    -> "take the following steps"): a typo fixed, not words taken out."""
    if d.ins or not d.dels:
        return False
    toks = d.before
    for a, b in d.runs("dels"):
        run = [t.norm for t in toks[a:b]]
        if len(run) > 3:
            return False
        following = [t.norm for t in toks[b:b + 4 + len(run)]]
        if following[:len(run)] == run:
            continue
        if len(run) <= 2 and all(is_content_word(w) for w in run) and all(w in following[1:] for w in run) \
                and not any(w in _NEGATIONS or w in MODALS for w in following[:following.index(run[0])]):
            continue
        return False
    return True


def _names_company(name: str, words_: Sequence[str]) -> bool:
    """Whether a link's words ``name`` (its ``words_``) can name a company: one to four words,
    capitalised, no pointer to a page ("Learn more", "Privacy Policy": ``_POINTER_LINK``)."""
    return 0 < len(words_) <= 4 and name[:1].isupper() and not _POINTER_LINK.search(name)


def _linked_recipient(item: str, heading: str, lead: str, other_version: str) -> str | None:
    """The company name when ``item`` is a list item that is one link alone whose words are a
    name ("* [Nimbo](https://nimbo.example/cookies)") in a list whose lead-in or heading names the
    parties that get the users' data (``_RECIPIENT_LIST``), and ``other_version`` never links that
    name: a new partner, processor or advertiser listed. None otherwise."""
    m = re.fullmatch(r"\s*(?:[-*+•]|\d{1,3}[.)])\s+\[([^\]\n]{1,60})\]\([^)\s]+\)[\s.;,]*", item)
    if not m or not _RECIPIENT_LIST.search(f"{heading}\n{lead}"):
        return None
    name = m.group(1).strip()
    if not _names_company(name, name.split()):
        return None
    if re.search(rf"\[\s*{re.escape(name)}\s*\]", other_version, re.I):
        return None  # linked before: the same party, moved or relinked
    return name


_INLINE_LINK = re.compile(r"\[([^\]\n]{1,60})\]\([^)\s]+\)")
# a sentence that lists the companies that get the users' data by their role: "Our email management
# vendors are", "our partners include", "we use the following processors:"
_RECIPIENTS_NAMED = re.compile(
    r"\b(?:our\s+(?:[\w-]+\s+){0,3}?(?:vendors?|partners?|(?:sub-?)?processors?|service\s+providers?|advertisers?|"
    r"recipients?)\s+(?:are|is|include[s]?)\b|(?:vendors?|partners?|(?:sub-?)?processors?|service\s+providers?)\s+"
    r"(?:such\s+as|including|like)\b)", re.I)


def _linked_recipients_added(before: str, after: str, other_version: str) -> tuple[str, list[str]] | None:
    """(the sentence's lead-in, the names) when ``after`` has a sentence that lists the companies
    that get the users' data (``_RECIPIENTS_NAMED``: "Our email vendors are [A], [B] or [C]") with
    linked names (1-4 words, capitalised, not a pointer such as "Privacy Policy") that ``before``
    lacks and ``other_version`` (the other version's whole text) never names: new parties, though
    their words are a link's. None otherwise."""
    if "](" not in after or not _RECIPIENTS_NAMED.search(after):
        return None  # (most clauses: no link, or no list of recipients; the rest reads the whole other version)
    if any(m.group(1).strip() not in after for m in _INLINE_LINK.finditer(before)):
        return None  # a linked name gone or reworded beside it: a rename or a swap, told elsewhere
    old_words = {w.casefold() for w in re.findall(r"[^\W_]+", other_version or before)}
    for sentence in re.split(r"(?<=[.;!?])\s+(?=[A-Z*])|\n", after):
        m = _RECIPIENTS_NAMED.search(sentence)
        if not m:
            continue
        new = []
        for link in _INLINE_LINK.finditer(sentence, m.end()):
            name = link.group(1).strip()
            words_ = re.findall(r"[^\W_]+", name)
            if (not _names_company(name, words_) or all(w.casefold() in old_words for w in words_)
                    or name in before):
                continue
            new.append(name)
        if new:
            lead = plain(sentence[:m.end()]).strip(" *-")
            return lead, new
    return None


def _cookie_row_party(row: str, other_version: str) -> tuple[str, str] | None:
    """(domain, cookie names) when ``row`` (a table row with its header row) lists cookies by name
    (a ``_COOKIE_NAME_COLUMN``) for a domain in another cell whose site ``other_version`` never
    names ("meta.quillmark.com" is the site quillmark.com's): a new party that sets cookies. None
    otherwise (a row of another table, no domain, or a site the other version already names)."""
    cells = table_cells(row)
    if not cells or not cells[0] or len(cells[1]) != 1:
        return None
    header, (values,) = cells
    named = [bool(_COOKIE_NAME_COLUMN.match(h)) for h in header]
    if not any(named) or len(values) > len(header):
        return None
    names = next((v for v, n in zip(values, named) if n), "")
    known = other_version.lower().replace("\\", "")
    for value, is_name in zip(values, named):
        if is_name:
            continue
        for m in _WEB_DOMAIN.finditer(value):
            domain = m.group(0).lower().removeprefix("www.")
            labels = domain.split(".")
            # the site the domain belongs to ("meta.quillmark.com" is Quillmark's; "shop.example.co.uk")
            site = ".".join(labels[-3:] if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3
                            else labels[-2:])
            if site not in known and names.strip():
                return domain, names.strip()
    return None


def _cookie_names_only(before: str, after: str) -> bool:
    """Whether two table rows (each with its header row, the same header) differ only in a cell of
    a column of cookie names (``_COOKIE_NAME_COLUMN``), every other cell (the domain, the party,
    the purpose, the duration) the same: the cookies listed under the same use were renamed, added
    or dropped, which changes no purpose, party or retention the table states."""
    tb, ta = table_cells(before), table_cells(after)
    if not tb or not ta or not tb[0] or tb[0] != ta[0] or len(tb[0]) < 2 or len(tb[1]) != len(ta[1]) or not tb[1]:
        return False
    named = [bool(_COOKIE_NAME_COLUMN.match(h)) for h in tb[0]]
    if not any(named):
        return False
    changed = False
    for rb, ra in zip(tb[1], ta[1]):
        if len(rb) != len(ra) or len(rb) > len(named):
            return False
        for cb, ca, is_name in zip(rb, ra, named):
            if _flat(cb) != _flat(ca):
                if not is_name:
                    return False
                changed = True
    return changed


@lru_cache(maxsize=4)
def _flat_document(text: str) -> str:
    """``_flat`` of a whole version, kept for the last few texts: every added clause of a pair
    that ``_copied_section`` reads asks it of both versions (a whole-text pass each time)."""
    return _flat(text)


def _row_copied(cb: str, ca: str, others_b: list[str], others_a: list[str]) -> bool:
    """Whether one side of a table cell is the other plus words of its own row's other cells
    ("Measurement" → "Measurement Matching purchases… Legitimate interest…", the row's other
    cells copied into its first one by a capture, or no longer copied): the same row, not a
    cell that says something else."""
    fb, fa = _flat(cb), _flat(ca)
    if fa.strip() and fa in fb:
        extra, others = set(words(cb)) - set(words(ca)), others_b + others_a
    elif fb.strip() and fb in fa:
        extra, others = set(words(ca)) - set(words(cb)), others_a + others_b
    else:
        return False
    rest = set(words(" ".join(others)))
    return bool(extra) and all(w in rest for w in extra)


def _copied_section(after: str, heading: str, ctx: DocContext) -> ChangeLabel | None:
    """An added clause that repeats, word for word, terms the old version had and the new one
    still has elsewhere, under a heading the old version lacks: the terms now also reach those
    the new section names ("Data deletion for residents of other countries" repeating the EU
    residents' right to erasure). Material when the clause has a legal category; None otherwise
    (a paragraph moved, or a copy under a heading the old version had, is regrouped)."""
    head = _flat(heading)
    if len(head.split()) < 2 or head in _flat_document(ctx.old_text):
        return None
    sentence = next((s for s in split_sentences(after) if len(words(s)) >= 6), "")
    if not sentence:
        return None
    mine = _flat(sentence)
    if _flat_document(ctx.new_text).count(mine) < 2 or mine not in _flat_document(ctx.old_text):
        return None  # not a copy: the old passage moved here
    cats = tuple(c for c in _order(_cats((after,))) if c != "other")
    if not cats:
        return None
    return ChangeLabel(True, "material", cats[:3], f"New section “{one_line(plain(heading), 60)}”: "
                       f"{_snippet(after)}{_cats_text(cats[:3])}", None, (), (), (), ())


_LINE_BREAK = re.compile(r"\n|<br\s*/?>|;|(?<!\\)\||\s[-–•]\s", re.I)


_NUMBER_WORDS: dict[str, int] = {w: n for n, ws in enumerate([
    "zero zéro null", "one un une eins", "two deux zwei", "three trois drei", "four quatre vier",
    "five cinq fünf", "six sechs", "seven sept sieben", "eight huit acht", "nine neuf neun", "ten dix zehn",
    "eleven onze elf", "twelve douze zwölf", "thirteen treize dreizehn", "fourteen quatorze vierzehn",
    "fifteen quinze fünfzehn", "sixteen seize sechzehn", "seventeen siebzehn", "eighteen achtzehn",
    "nineteen neunzehn"]) for w in ws.split()} | {
    w: 10 * n for n, ws in enumerate(["", "", "twenty vingt zwanzig", "thirty trente dreißig",
                                      "forty quarante vierzig", "fifty cinquante fünfzig",
                                      "sixty soixante sechzig"]) for w in ws.split()} | {"hundred": 100}


def _spelled_number(run: list[str], toks: tuple[Token, ...], a: int, b: int, text: str) -> bool:
    """Whether a changed run is a number written in words in brackets right after (or before)
    the same number in digits: "18 (eighteen)", "(14) fourteen", "dix-huit (18)"."""
    if not run or not all(w in _NUMBER_WORDS or w in ("and", "et", "und") for w in run):
        return False
    value = 0
    for w in run:  # "twenty one" → 21, "dix huit" → 18
        n = _NUMBER_WORDS.get(w, 0)
        value = value * n if n == 100 else value + n
    near = [toks[k].norm for k in (a - 1, b) if 0 <= k < len(toks)]
    bracketed = "(" in text[toks[a - 1].end if a else 0:toks[a].start] or "(" in text[toks[b - 1].end:
                                                                              toks[b].start if b < len(toks) else None]
    return bracketed and str(value) in near


# Words that only say what a number counts, beside it: "ten percent (10%)", "USD 5 ($5)".
_NUMBER_UNITS = frozenset("percent per cent pct prozent pourcent pour usd eur gbp cad aud chf dollars dollar "
                          "euros euro pounds pound".split())


def _number_value(ws: Sequence[str]) -> float | None:
    """The one number that words ``ws`` say, beside their units ("ten percent" → 10, "usd 5" → 5,
    "twenty one" → 21, "trente" → 30); None when they say none, or more than one."""
    from tracker.analysis.facts import number
    from tracker.analysis.facts_eu import word_number

    rest = [w for w in ws if w not in _NUMBER_UNITS]
    if not rest or any(w in ("a", "an") for w in rest):
        return None  # ("a" reads as 1 to ``number``: never a number restated)
    if len(rest) == 1 and rest[0][:1].isdigit():
        return number(rest[0])
    said = " ".join(rest)
    return number(said) if number(said) is not None else word_number(said)


def _restated_number(toks: tuple[Token, ...], a: int, b: int, text: str, changed: frozenset[int] | set[int]) -> bool:
    """Whether changed tokens [a, b) restate, in brackets, the number an unchanged neighbour says
    in another form (words and digits), or are that number beside the bracket: "thirty (30) days",
    "30 (thirty) days", "ten percent (10%)", "USD 5 ($5)". The same number said twice changes no
    term; another one ("thirty (45) days") does."""
    value = _number_value([toks[k].norm for k in range(a, b)])
    if value is None:
        return False

    def gap(i: int, j: int) -> str:  # the characters between token i and token j
        return text[toks[i].end if i >= 0 else 0:toks[j].start if j < len(toks) else len(text)]

    opened, closed = "(" in gap(a - 1, a), ")" in gap(b - 1, b)
    for k in range(1, 4):  # the neighbour: up to 3 unchanged words before or after the run
        before = range(a - k, a)
        if opened and closed and before.start >= 0 and not set(before) & changed \
                and _number_value([toks[i].norm for i in before]) == value:
            return True  # "thirty (30)": the run in brackets after the number
        after = range(b, b + k)
        if after.stop <= len(toks) and not set(after) & changed and "(" in gap(b - 1, b) \
                and ")" in gap(after.stop - 1, after.stop) and (opened and closed or not (opened or closed)) \
                and _number_value([toks[i].norm for i in after]) == value:
            return True  # "ten percent (10%)": the run before the number in brackets; "(30) thirty"
    return False


# Phrases that only say a list is open: "including, but not limited to", "without limitation".
_ILLUSTRATIVE = frozenset(f"{lead}{p}" for lead in ("", "but ", "including ", "including but ")
                          for p in ("not limited to", "is not limited to", "are not limited to",
                                    "shall not be limited to", "without limitation", "without being limited to"))


# Words of courtesy and reminder that frame a rule without changing it ("please", "make sure",
# "note that", "bitte", "veuillez").
_POLITE = frozenset("please kindly sure ensure note remember bitte veuillez merci".split())


def _polite(run: list[str], after: str) -> bool:
    """Whether a changed run is only words of courtesy or reminder ("make" only before "sure")."""
    content = [w for w in run if is_content_word(w)]
    return bool(content) and len(run) <= 6 and all(
        w in _POLITE or w == "make" and ("sure" in run or after == "sure") for w in content)


_NOISE_TEXT = {
    "announcement": "An announcement about the terms, not a term",
    "pointer": "A pointer to another page, not a term",
    "navigation": "Page navigation, not a term",
    "cookie-banner": "A cookie banner, not a term",
    "fragment": "A fragment without a verb, not a term",
    "question": "A question that introduces an answer, not a term",
    "contact": "A way to contact someone, not a term",
    "register": "Where the company is registered and under which number, not a term",
    "statement": "What the company says it values, not a term",
    "background": "What a law or a certification scheme is or does, not a term",
    "statistic": "A count of the service's users the company publishes, not a term",
    "advice": "Advice to the user, not a term",
    "attribution": "Whose a trademark is or which patents cover the service: a notice, not a term",
    "translation": "Which copy of the text prevails (a translation, a summary), not a term",
    "notice": "A notice of a clause found elsewhere in the terms, not a term of its own",
    "outage": "A notice of an outage or maintenance now, not a term",
    "carrier": "A text-message programme's standard notice (carrier rates, HELP and STOP), not a term",
}
_REACH = re.compile(r"[\w.+-]+@[\w-]+\.\w|\b(?:contact|kontakt)", re.I)


def _reachable(text: str) -> bool:
    """Whether a version still gives some way to reach the provider (an e-mail address, a
    contact form or page)."""
    return bool(_REACH.search(text))


def _small_words(d: Delta) -> str:
    """The words a delta still changes once names, dates and the like are explained away, when
    they are only small words ("“of” → “our”", "now also “the”", "no longer “any”"); '' when none."""
    gone = [d.run_text("dels", r).strip() for r in d.runs("dels")]
    new = [d.run_text("ins", r).strip() for r in d.runs("ins")]
    gone, new = [g for g in gone if any(c.isalnum() for c in g)], [n for n in new if any(c.isalnum() for c in n)]
    if not gone and not new or len(gone) + len(new) > 6:
        return ""
    if gone and new:
        return f"“{' … '.join(gone)}” → “{' … '.join(new)}”"
    return f"now also “{' … '.join(new)}”" if new else f"no longer “{' … '.join(gone)}”"


# A version number as a page stamps it beside its date: "Version 3.1", "v3.1", "Revision 12",
# "Rev. 4", "Release 2.0", "Versión 2", "Fassung 3".
_VERSION_NUMBER = re.compile(r"(?<![\w-])(?:version|versión|versione|fassung|revision|révision|rev\.?|release|ver\.?|v)"
                             r"\s*(?:no\.?|nr\.?|n°|#)?\s*:?\s*(\d+(?:\.\d+)*[a-z]?)(?![\w.]\d)", re.I)


def _stamp_text(before: str, after: str) -> str:
    """How a stamp's change reads: "Only a date changed", or, when the version number it gives
    changed too (a version stamp: "Version 3.1, effective 5 Jan 2026" → "Version 3.2, effective
    1 Apr 2026"), "Only the version number and date changed" ("Only the version number changed"
    with the same dates). Never "only a date" when a version number changed."""
    old_v, new_v = _VERSION_NUMBER.findall(before or ""), _VERSION_NUMBER.findall(after or "")
    if not (old_v and new_v) or old_v == new_v:
        return _COSMETIC_TEXT["date-only"]
    if [m.group(0) for m in _DATE.finditer(before or "")] == [m.group(0) for m in _DATE.finditer(after or "")]:
        return "Only the version number changed"
    return "Only the version number and date changed"


def _noise_label(kinds: tuple[str, ...], before: str, after: str, fb: tuple, fa: tuple) -> ChangeLabel:
    if kinds and all(k == "date-only" for k in kinds):
        return _cosmetic("date-only", _stamp_text(before, after), fb, fa)
    if kinds and all(k in ("date-only", "contact", "register") for k in kinds):
        # a whole clause added or removed is no "change" of details: it is said, with its words
        # ("New contact details, not a term: Individuals in the EU may contact our representative …")
        if after and not before:
            return _cosmetic("contact-details", f"New contact details, not a term: {_snippet(after)}", fb, fa)
        if before and not after:
            return _cosmetic("contact-details", f"Removed contact details, not a term: {_snippet(before)}", fb, fa)
        return _cosmetic("contact-details", _COSMETIC_TEXT["contact-details"], fb, fa)
    if kinds and all(k in ("date-only", "announcement") for k in kinds):
        return _cosmetic("announcement", _COSMETIC_TEXT["announcement"], fb, fa)
    if kinds and all(k in ("navigation", "cookie-banner", "date-only") for k in kinds):
        return _cosmetic("page-chrome", _COSMETIC_TEXT["page-chrome"], fb, fa)
    # (a notice's label cut off at its colon, "ARBITRATION NOTICE:", is no fragment to name)
    main = "notice" if "notice" in kinds else next((k for k in kinds if k not in ("date-only",)), "fragment")
    text = _NOISE_TEXT.get(main, "No term changed")
    return ChangeLabel(False, "minor", (), f"{text}: {_snippet(after or before)}", None, (), (), fb, fa)


# (the next card of the list may open on the same line with its picture: "…passports.](https://…/news/…)
# [![](/assets/…/phone.jpg)")
_LINK_TAIL = re.compile(r"^[^\[\]]*\]\((?:https?://|/|#)[^()\s]*\)(?:\s*\[*!\[[^\[\]]*\]\([^()\s]*\)(?:\]\([^()\s]*\))?)*\s*$")
# (a wholly italic line too: "_CONDITIONS GÉNÉRALES DE PRÉCOMMANDE (France)_" titles a section)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+\S|\*\*[^*]+\*\*\s*$|__[^_]+__\s*$|_[^_\s][^_]*_\s*$|\*[^*\s][^*]*\*\s*$)")


def _is_heading(text: str) -> bool:
    """A Markdown heading or a wholly bold or italic line: a title, not a term."""
    text = re.sub(r"\s*\n\s*(?:=+|-+)\s*$", "", text.strip())  # setext underline
    text = re.sub(r"\\(?=[^\w\s])", "", text)  # "\_\_2.6 Payments\_\_" is "__2.6 Payments__"
    if text.startswith(("**", "__")) and text.endswith(text[:2]) and "\n" not in text and title_line(text):
        return True  # a bold title that ends in a full stop ("**11. WAIVER OF CLASS ACTIONS.**")
    if text != text.lstrip("#") or text.startswith(("**", "__")):
        pass
    elif (text.isupper() and len(text.split()) <= 10 and not text.endswith((".", ";", ":"))
          and not re.search(r"\b(?:YOU|WE|US|OUR|YOUR|MAY|WILL|SHALL|MUST|AGREE)\b", text)):
        return True  # an all-caps title line
    n = len(text.split())
    # a long wholly bold line is still a title when it has no verb ("**Contact details for ...**")
    # an italic line is emphasis as often as a title: a title only without a subject or a verb
    italic = not text.startswith(("#", "**", "__"))
    return ("\n" not in text and bool(_HEADING.match(text)) and not text.rstrip("*_ ").endswith((".", ";"))
            and (n <= 15 and not italic or n <= 30 and not set(words(text)) & _SUBJECT_OR_VERB
                 and not (italic and has_verb(words(text)))))


# A title has no subject and no finite "be" or modal (a long bold sentence does).
_SUBJECT_OR_VERB = MODALS | frozenset("we you they is are was were nous vous ils est sont wir sie ist sind".split())


_COORDINATORS = frozenset("and or & et ou und oder".split())
# prepositions that give what a section covers or is for ("Policy for Live Video", "PII We Collect
# From Our Websites"); "of" is left out ("Terms of Use and Sale" names two documents)
_SCOPE_PREPOSITIONS = frozenset("for from on about to in with by pour sur dans für von bei".split())


def _scope_widened(before: str, after: str) -> str:
    """The words a heading gains when its only change coordinates one more thing with what its
    section covers ("Content Policy for Live Video" → "... for Live Video or Audio", "PII We
    Collect From Our Websites" → "... From Our Websites or Other Sources"): the section's rules
    now reach that too. "" otherwise (words removed or replaced, nothing after a preposition)."""
    wb = re.sub(r"[#*_]", " ", before).split()
    wa = re.sub(r"[#*_]", " ", after).split()
    grown = len(wa) - len(wb)
    if grown < 2 or not wb:
        return ""
    k = 0
    while k < len(wb) and wa[k] == wb[k]:
        k += 1
    if wa[k + grown:] != wb[k:] or k == 0:
        return ""
    added = wa[k:k + grown]
    if added[0].lower().strip(",") not in _COORDINATORS:
        return ""
    content = [w for w in words(" ".join(added[1:])) if is_content_word(w)]
    known = set(words(before))
    if not content or set(content) <= known:
        return ""  # "Video or video": nothing new named
    if not any(w.lower() in _SCOPE_PREPOSITIONS for w in wb[:k]):
        return ""
    return " ".join(added)


def _heading_change(kind: str, before: str, after: str, fb: tuple, fa: tuple) -> ChangeLabel:
    """Headings carry no terms themselves: the clauses under them are labelled separately. One
    that widens what its section covers (``_scope_widened``) changes the scope of its rules."""
    if kind == "modified" and before and after and (more := _scope_widened(before, after)):
        cats = _order(set(category_scores(after)) - {"other"}) or ("other",)
        return ChangeLabel(True, "material", cats, f"The section now also covers {more.split(None, 1)[1]}: "
                           f"“{_snippet(plain(after).strip('#*_ '))}”{_cats_text(cats)}", None, (), (), fb, fa)
    what = {"added": f"New heading: {_snippet(after)}",
            "removed": f"Removed heading: {_snippet(before)}"}.get(kind, "")
    if not what:  # both titles, as the version's headline names a renamed section
        from tracker.analysis.headline import title_words

        old, new = title_words(before), title_words(after)
        what = (f"Section “{_snippet(old)}” renamed to “{_snippet(new)}”" if old and new and old.casefold() != new.casefold()
                else f"Heading reworded: {_snippet(after)}")
    return ChangeLabel(False, "minor", (), what, None, (), (), fb, fa)




_COSMETIC_TEXT = {
    "date-only": "Only a date changed", "links-only": "Only link targets changed",
    "contact-details": "Only contact details changed",
    "formatting": "Only formatting changed", "whitespace": "Only whitespace changed",
    "invisible-characters": "Only invisible characters changed",
    "punctuation-case": "Only punctuation or capitalisation changed",
    "renumbering": "Only the numbering changed",
    "moved-unchanged": "Moved without a change of wording",
    "regrouped": "The same words, only regrouped (merged, split or moved)",
    "spelling": "Only spelling changed (a typo fixed or a word spelled another way)",
    "renamed": "Only a name changed",
    "announcement": "An announcement about the terms, not a term",
    "page-chrome": "Page navigation or a banner, not a term",
    "capture-scope": "Outside the document: the page above its title, another document, a shop's footnotes or "
                     "a table the capture lost or regained under a kept heading",
}


def _amount_rewritten(d: Delta) -> bool:
    """Whether a replaced, inserted or deleted word of a modified clause lies in an amount of money
    that both versions name alike ("USD 100" → "US$100", ``novelty._same_amounts``)."""
    from difflib import SequenceMatcher

    from tracker.analysis.facts_eu import money_spans

    before, after = money_spans(d.before_text), money_spans(d.after_text)
    if not before or [v for _, _, v in before] != [v for _, _, v in after]:
        return False
    ops = SequenceMatcher(None, [t.norm for t in d.before], [t.norm for t in d.after], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if any(a <= t.start < b for t in d.before[i1:i2] for a, b, _ in before) or \
                any(a <= t.start < b for t in d.after[j1:j2] for a, b, _ in after):
            return True
    return False


def _respelled(d: Delta) -> bool:
    """Whether a delta's replaced spans include a word spelled another way (a typo fixed, a
    contraction written out): the reason an otherwise empty delta of a modified clause is empty."""
    return any(old != new and respelled(old, new)
               for old, new in (([t.norm for t in d.before[i1:i2]], [t.norm for t in d.after[j1:j2]])
                                for (i1, i2), (j1, j2) in d.replaced))


def _same_meaning_words(d: Delta) -> tuple[str, str] | None:
    """The first replaced span of a delta that says the same with other words (``same_meaning``:
    "sites" → "websites", "prior to" → "before"), or the first change that says a legal doublet in
    full or in part (``doublet_window``: "replaces" → "replaces and supersedes"), as (old words, new
    words) from the clause's texts; None when no span is one."""
    from difflib import SequenceMatcher

    from tracker.analysis.novelty import doublet_window, same_meaning

    for (i1, i2), (j1, j2) in d.replaced:
        if same_meaning([t.norm for t in d.before[i1:i2]], [t.norm for t in d.after[j1:j2]]):
            return (d.before_text[d.before[i1].start:d.before[i2 - 1].end],
                    d.after_text[d.after[j1].start:d.after[j2 - 1].end])
    # a legal doublet said in full or in part ("replaces" → "replaces and supersedes"): its window
    bn, an = [t.norm for t in d.before], [t.norm for t in d.after]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, bn, an, autojunk=False).get_opcodes():
        if tag != "equal" and (win := doublet_window(bn, an, (i1, i2), (j1, j2))):
            (s1, e1), (s2, e2) = win
            return (d.before_text[d.before[s1].start:d.before[e1 - 1].end],
                    d.after_text[d.after[s2].start:d.after[e2 - 1].end])
    return None


def _cosmetic(kind: str, text: str, fb: tuple, fa: tuple) -> ChangeLabel:
    return ChangeLabel(False, "cosmetic", (), text, kind, (), (), fb, fa)


def _watch(sentences: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for s in sentences:
        if not title_line(s):  # a section title names a topic, it binds no one
            out.update(topical_watch(s))
    return out


def _cats(sentences: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for s in sentences:
        out.update(classify_sentence(s).categories)
    return out


# A list's lead-in that names who the listed companies are to the provider: recipients of data.
_RECIPIENTS = re.compile(
    r"\b(?:third[-\s]part(?:y|ies)|(?:service|technology|advertising|analytics|payment|hosting|cloud)\s+"
    r"(?:providers?|partners?|companies|vendors?)|(?:sub-?)?processors?|vendors?|recipients?|"
    r"companies\s+(?:that\s+|which\s+)?we\s+(?:work|partner)\s+with|sous-traitants?|prestataires?|"
    r"partenaires\s+(?:publicitaires|commerciaux|techniques)|auftragsverarbeiter|dienstleister|werbepartner)\b", re.I)


def _scores(texts: list[str]) -> dict[str, float]:
    total: dict[str, float] = {}
    for t in texts:
        if t:
            for c, v in category_scores(t).items():
                total[c] = total.get(c, 0.0) + v
    return total


@dataclass
class _Job:
    """Everything known about one change that is not cosmetic: decides and explains it."""

    kind: str
    before: str
    after: str
    heading: str
    fb: tuple[Fact, ...]
    fa: tuple[Fact, ...]
    d: Delta
    sb: _Side
    sa: _Side
    ctx: DocContext
    lead_b: str
    lead_a: str
    row: bool
    raw_b: str
    raw_a: str
    framed: bool = False
    fact_changed: bool = False  # set when a fact (amount, period, age, venue) explains the change
    fact_cats: tuple[str, ...] = ()  # the categories of the words around the changed facts
    age_changed: bool = False  # set when a changed fact is an age (an age limit: eligibility)
    side: tuple[tuple[str, float], ...] = ()  # the changed words' side topics (``_rank``)
    plan: str = ""  # the price line of the plan whose section the clause is in (``_plan_price``)

    def categories(self) -> list[tuple[str, float]]:
        texts = list(uncited(self.sb.legal, self.before) + uncited(self.sa.legal, self.after))
        local = []
        if self.d.ins:
            local.append(_local(self.d, "ins", uncite=True))
        if self.d.dels:
            local.append(_local(self.d, "dels", uncite=True))
        scores = _scores(texts)
        if not (self.before and self.after) and self._novel_share("ins" if self.after else "dels") > 0.9:
            near = scores  # a new or removed clause: the change is the whole of it
        else:
            near = _scores(local)
        if self._name_item():
            # "* Microsoft Pay" added to a list of products: the words of a name are no topic
            # ("Pay", "Stripe"); the list's lead-in and heading say what the name is listed for
            scores = near = _scores([t for t in (self.lead_a or self.lead_b, self.heading) if t])
            if not set(scores) - {"other"} and _RECIPIENTS.search(plain(self.lead_a or self.lead_b or "")):
                # a company named in a list of the third parties, vendors or service providers the
                # provider works with: one more (or one fewer) recipient of users' data
                scores = near = {"privacy": 1.0}
        if not (set(scores) - {"other"}) and (self.lead_a or self.lead_b or self.row or self.framed):
            # a list item, a table row or a short line under a heading: read with its context
            ctx = [self.lead_a or self.lead_b, self.heading, self.plan]
            if self.row:
                ctx.append(self.raw_a or self.raw_b)  # header row and cells
            scores = _scores([t for t in ctx if t])
        if not (set(scores) - {"other"}) and any(named_parties(t) for t in (*texts, " ".join(self.sb.legal),
                                                                              " ".join(self.sa.legal))):
            scores = near = {"privacy": 1.0}  # a list of the trackers or partners the data goes to
        lead = self.lead_a or self.lead_b
        if lead and "usage-rules" not in scores and set(scores) - {"other"} and _negates(lead) \
                and "usage-rules" in _scores([lead]):
            # an item of a list of prohibited acts ("You may not: * collect personal data of other
            # users"): a rule of use, whatever else its words are about
            top = max(scores.values())
            scores = {**scores, "usage-rules": top}
            near = {**near, "usage-rules": max(near.values(), default=top)}
        if set(scores) & MONEY_TOPICS and money_measured(texts):
            # the fees a liability cap or a refund is counted in: no price of the change
            scores = {c: v for c, v in scores.items() if c not in MONEY_TOPICS} or scores
            near = {c: v for c, v in near.items() if c not in MONEY_TOPICS}
        self.side = tuple(_rank(scores, near, side=True))
        return _rank(scores, near)

    def label(self) -> ChangeLabel:
        ranked = self.categories()
        label = self._label(tuple(c for c, _ in ranked))
        if not label.material:
            return label
        if not (self.before and self.after):
            label = replace(label, facts_before=tuple(extract_facts(self.before)),
                            facts_after=tuple(extract_facts(self.after)))
        weight = dict(ranked)
        size = sum(is_content_word(w) for w in self.d.inserted() + self.d.deleted())
        if self.fact_changed:
            size = max(size, 10)  # a changed number, period or venue weighs like a new clause
            # the changed fact says what the change is about ("tribunaux de Paris" → "de Nanterre"
            # is about courts, even in a sentence that also names the governing law)
            top = max(weight.values(), default=0.0)
            for c in self.fact_cats:
                if c in label.categories:
                    weight[c] = top
            if self.age_changed and "eligibility" in self.fact_cats and "eligibility" not in label.categories:
                # an age limit moved ("children under 13" → "under 16"): who may use the service
                # (taxonomy: eligibility), though the clause is about the data kept of children
                weight["eligibility"] = top
                label = replace(label, categories=(*label.categories, "eligibility"))
        side = tuple((c, v) for c, v in self.side if c not in label.categories) if set(label.categories) - {"other"} else ()
        return replace(label, weights=tuple(weight.get(c, 0.0) for c in label.categories), size=size, side=side)

    def _label(self, cats: tuple[str, ...]) -> ChangeLabel:
        legal = bool(set(cats) - {"other"})
        # read with one wording for each phrase that has several ("whenever you like" is "at any
        # time"): a watch-out reworded in the same clause neither appears nor goes away
        # (the titles of sections a clause cites are no terms of it: ``uncited``)
        watch_b = _watch(tuple(map(same_wording, uncited(self.sb.legal, self.before))))
        watch_a = _watch(tuple(map(same_wording, uncited(self.sa.legal, self.after))))
        w_add, w_rem = _order(watch_a - watch_b), _order(watch_b - watch_a)
        if not any(is_content_word(w) or w in _NEGATIONS or w in MODALS for w in self.d.inserted()):
            w_add = ()  # nothing was added that could make a watch-out: the model wobbled
        if not any(is_content_word(w) or w in _NEGATIONS or w in MODALS for w in self.d.deleted()):
            w_rem = ()
        if self.before and self.after and _masked(self.before, self.fb) == _masked(self.after, self.fa):
            # Only a number or place moved: the model's score may wobble with the new words, but
            # no watch-out appeared or went away.
            w_add = w_rem = ()
        if "governing-law" in w_add + w_rem and self.before and self.after \
                and (law := law_places(self.before)) and law == law_places(self.after):
            # "The Contract is subject to French law" → "The Agreement is governed by French law":
            # the same law chosen in other words, which the model scores differently
            w_add = tuple(c for c in w_add if c != "governing-law")
            w_rem = tuple(c for c in w_rem if c != "governing-law")
        if self.kind == "added" or (self.kind != "removed" and not self.before):
            return self._new(cats, legal, w_add)
        if self.kind == "removed" or not self.after:
            return self._gone(cats, legal, w_rem)
        return self._modified(cats, legal, w_add, w_rem)

    def _name_item(self) -> bool:
        """Whether an added or removed list item is only a name: at most 6 content words, each
        written with a capital, no modal verb or negation ("* Microsoft Pay", "* Acme Cloud Storage")."""
        if (self.before and self.after) or self.row or not _LIST_ITEM.match(self.raw_a or self.raw_b):
            return False
        text, toks = (self.d.after_text, self.d.after) if self.after else (self.d.before_text, self.d.before)
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
            return False  # all capitals: a name cannot be told from a shouted rule
        content = [t for t in toks if is_content_word(t.norm)]
        # (no verb test: "Pay" in a name is no verb; a rule has words in lower case)
        return (0 < len(content) <= 6 and not any(t.norm in MODALS or t.norm in _NEGATIONS for t in toks)
                and all(text[t.start:t.start + 1].isupper() or text[t.start:t.start + 1].isdigit() for t in content))

    # -- a clause with no counterpart -------------------------------------------------------------
    def _novel_share(self, side: str) -> float:
        toks = self.d.after if side == "ins" else self.d.before
        idx = self.d.ins if side == "ins" else self.d.dels
        content = [i for i, t in enumerate(toks) if is_content_word(t.norm)]
        if not content:
            return 1.0
        return sum(i in idx for i in content) / len(content)

    def _restated(self, side: str) -> str:
        """For an added (``side`` "ins") or removed ("dels") clause, a sentence of the other
        version that restates each of its sentences with legal content (see ``restatement``);
        "" when one of them is said nowhere else."""
        legal = self.sa.legal if side == "ins" else self.sb.legal
        if not legal:
            return ""
        found = ""
        for sentence in legal:
            found = restatement(sentence, self.ctx, "old" if side == "ins" else "new")
            if not found and (bare := without_directions(sentence)) != sentence:
                # "To opt out, visit here (scroll down to Opt Out and click the link) or call us":
                # the same sentence with directions through the site put in (or taken out)
                found = restatement(bare, self.ctx, "old" if side == "ins" else "new")
            if not found:
                return ""
        return found

    def _numbers_only(self, side: str, text: str) -> bool:
        """Whether the only new (or gone) content of a clause whose other words are still in the
        document is a bare number outside any amount, period or age: a heading or list number
        glued to a repeated table-of-contents line ("How can you end your account?7.")."""
        changed = self.d.inserted() if side == "ins" else self.d.deleted()
        content = [w for w in changed if is_content_word(w)]
        if not content or not all(w.isdigit() for w in content) or self._novel_share(side) > 0.5:
            return False
        return not any(set(words(f.text)) & set(content) for f in extract_facts(text))

    def _effect(self, sentences: tuple[str, ...], legal: bool) -> bool:
        """Whether sentences have legal effect: a category, or legal wording, and a verb
        (a list item or table row borrows its lead-in's)."""
        text = " ".join(sentences)
        if any(_set_by_number(s) for s in (*sentences, text)):
            return True  # "Cancellation notice: 30 days.": a term in a few words
        if legal and (_priced_per_unit(text) or _ALLOWANCE.search(text)):
            return True  # "€29 per month", "3,000 credits per month" under a plan: a price or what it gives
        if any(_CONTENT_BAN.match(s) for s in sentences):
            return True  # "No content targeted to children under 16": a ban in a guideline's list
        if any(named_parties(s) for s in (*sentences, text)) and not _ESSENTIAL.search(self.heading or ""):
            return True  # "Applicable cookies: Hotjar, Reddit, PostHog": who gets the users' data
        verb = has_verb(words(text)) or self.row or bool(self.lead_a or self.lead_b)
        if self.row:
            # a row is read with its header row: "| Your name must not include: | ..." makes each
            # row below it a rule
            cells = table_cells(self.raw_a or self.raw_b)
            if cells is not None and cells[0]:
                text = f"{' '.join(cells[0])} {text}"
        return verb and (legal or bool(_LEGAL_EFFECT.search(text) or _COVERAGE.search(plain(text))))

    def _coverage(self) -> bool:
        """Whether the changed sentences (or the lead-in of their list) say what a clause covers
        or leaves out (``_COVERAGE``): then an inserted or deleted item changes its scope."""
        return (bool(_COVERAGE.search(plain(" ".join((*self.sb.legal, *self.sa.legal, self.lead_b, self.lead_a)))))
                or _new_document(self.d))

    def _new(self, cats: tuple[str, ...], legal: bool, w_add: tuple[str, ...]) -> ChangeLabel:
        fb, fa = self.fb, self.fa
        if self.row and _essential_row(self.raw_a):
            return ChangeLabel(False, "minor", (), f"An essential or functional cookie listed: "
                               f"{_snippet(clause_text(self.raw_a))}", None, (), (), fb, fa)
        if self._numbers_only("ins", self.after):
            return _cosmetic("renumbering", _COSMETIC_TEXT["renumbering"], fb, fa)
        if was := self._restated("ins"):
            return _cosmetic("regrouped", f"Restates what the old text said elsewhere: “{_snippet(plain(was), 80)}”",
                             fb, fa)
        # a power used "without notice" ("ohne Vorankündigung", "sans préavis") is a term in any language
        if (not self._effect(self.sa.legal, legal) and not _remedy(self.sa.legal)
                and not (_NO_NOTICE.search(plain(self.after)) and has_verb(words(self.after)))):
            return ChangeLabel(False, "minor", (), f"Added text without legal effect: "
                               f"{_snippet(self.after)}", None, (), (), fb, fa)
        cats = cats or ("other",)
        if self.row and table_cells(self.raw_a) is not None:
            what = f"New row: {_snippet(clause_text(self.raw_a))}"  # "Provider: X; Location: USA"
        elif self._novel_share("ins") < 0.5:
            what = f"Now also says: {_said(_content_runs(self.d, 'ins'), self.after, self.d, 'ins')}"
        else:
            what = _quoted(_under("New", self.lead_a), _legal_part(self.sa.legal, self.after), w_add or cats,
                           bool(w_add))
        if w_add == ("jurisdiction",) and self._arbitration_gone():
            # a new choice of court where the old version's arbitration clause went away: courts took
            # the place of binding arbitration (said as in ``_modified``), a milder term, not a new one
            from tracker.analysis.headline import TO_COURTS

            cats = tuple(dict.fromkeys(("arbitration", *cats)))
            return ChangeLabel(True, "material", cats, f"{TO_COURTS}: {_about(_legal_part(self.sa.legal, self.after), w_add)}"
                                                       f"{_cats_text(cats)} — good news for users", None, w_add, (), fb, fa)
        if w_add and (had := _old_watch_place(w_add, self.ctx)) is not None and not had[1]:
            # the old text had this kind of watch-out where it no longer stands word for word (a
            # waiver moved to its own section and widened): a term rewritten, said as such and where
            # it was, not a new one made critical. (One still there beside it: this one is new.)
            from tracker.analysis.headline import term_name

            name = term_name(w_add[0], self.after or "") or "term"
            quote = f"{_snippet(_legal_part(self.sa.legal, self.after))}{_cats_text(w_add)}"
            where = f"was in § {had[0]}" if had[0] else "the old text had one elsewhere"
            return ChangeLabel(True, "material", cats, f"{name[:1].upper()}{name[1:]} rewritten ({where}): {quote}",
                               None, w_add, (), fb, fa)
        if w_add:
            return ChangeLabel(True, "critical", cats, f"{what}{_cats_text(w_add)}", None, w_add, (),
                               fb, fa)
        return ChangeLabel(True, "material", cats, f"{what}{_cats_text(cats)}", None, (), (), fb, fa)

    def _arbitration_gone(self) -> bool:
        """Whether the old version had an arbitration clause and the new one has none (the topic
        rule, in any language): a new choice of court then took arbitration's place."""
        return _still_has("arbitration", self.ctx, "old") and not _still_has("arbitration", self.ctx)

    def _gone(self, cats: tuple[str, ...], legal: bool, w_rem: tuple[str, ...]) -> ChangeLabel:
        fb, fa = self.fb, self.fa
        if self.row and _essential_row(self.raw_b):
            return ChangeLabel(False, "minor", (), f"An essential or functional cookie no longer listed: "
                               f"{_snippet(clause_text(self.raw_b))}", None, (), (), fb, fa)
        if self._numbers_only("dels", self.before):
            return _cosmetic("renumbering", _COSMETIC_TEXT["renumbering"], fb, fa)
        if still := self._restated("dels"):
            return _cosmetic("regrouped", f"Removed here, still said elsewhere: “{_snippet(plain(still), 80)}”", fb, fa)
        if limit := _use_limit(self.before, self.heading, self.ctx.old_text):
            return ChangeLabel(True, "material", (limit,), f"Removed a limit on what the company does with the users' "
                               f"{'data' if limit == 'privacy' else 'content'}: no longer says "
                               f"“{_snippet(plain(self.before), 100)}”{_cats_text((limit,))}", None, (), (), fb, fa)
        commitment = bool(_COMMITMENT.search(" ".join(self.sb.legal))) or _passive_promise(self.before)
        if (not self._effect(self.sb.legal, legal) and not commitment and not _remedy(self.sb.legal)
                and not notice_cut(self.before, None)):  # a promise of notice gone, in any language
            return ChangeLabel(False, "minor", (), f"Removed text without legal effect: "
                               f"{_snippet(self.before)}", None, (), (), fb, fa)
        if not cats and _passive_promise(self.before) and _PERSONAL_DATA.search(self.before or ""):
            cats = ("privacy",)  # a promise about the user's data is about privacy, in any language
        cats = cats or ("other",)
        if self.row and table_cells(self.raw_b) is not None:
            what = f"Removed row: {_snippet(clause_text(self.raw_b))}"
        elif self._novel_share("dels") < 0.5:
            flip = _negation_flip(self.d, "dels", self.ctx.new_text)  # "not" gone, "share" kept: say "not"
            what = (f"No longer says: “{flip[0]}”" if flip else
                    f"No longer says: {_said(_content_runs(self.d, 'dels'), self.before, self.d, 'dels')}")
        elif commitment:
            what = removed_sentence(" ".join(self.sb.legal) or self.before)
        elif self.heading and _priced_per_unit(plain(self.before)) and self._heading_gone():
            # a price removed with the heading it sat under ("Studio" / "€29 per month"): what was
            # sold under that name is no longer offered, not a line of text that went
            what = f"No longer offered: “{plain(self.heading).strip()}” at {_snippet(plain(self.before))}"
            cats = tuple(dict.fromkeys(("pricing", *(c for c in cats if c != "other"))))
        else:
            what = _quoted(_under("Removed", self.lead_b), _legal_part(self.sb.legal, self.before), w_rem or cats,
                           bool(w_rem))
        # a notice promise gone is critical, unless the power it came with went with it ("Ferrovia
        # may suspend an account with 15 days' notice" removed, no such power left elsewhere): the
        # provider lost a right, good news for users
        notice = notice_cut(self.before, None) and not self._power_gone(w_rem)
        good = tuple(c for c in w_rem if self._good_news(c)) if not notice else ()
        if good:
            return ChangeLabel(True, "material", cats, f"{what}{_cats_text(good)} — good news for users",
                               None, (), good, fb, fa)
        severity: Severity = "critical" if notice else "material"  # a notice promise gone
        return ChangeLabel(True, severity, cats, f"{what}{_cats_text(cats)}", None, (), w_rem, fb, fa)

    def _heading_gone(self) -> bool:
        """Whether the heading the removed clause sat under is no heading of the new version."""
        title = re.escape(plain(self.heading).strip())
        return not re.search(rf"^#+\s*{title}\s*#*\s*$", self.ctx.new_text, re.M | re.I)

    def _power_gone(self, w_rem: tuple[str, ...]) -> bool:
        """Whether the removed clause is a power of the provider's (a watch-out it held, "Ferrovia
        peut suspendre", "wir können kündigen", "we may terminate") that the new version no longer
        gives elsewhere: its notice went with the power itself."""
        return bool(w_rem) and bool(_PROVIDER_POWER.search(plain(self.before or ""))) \
            and not any(_still_watched(c, self.ctx) for c in w_rem)

    def _good_news(self, category: str) -> bool:
        """A watch-out that went away is good news unless the new version still has that kind of
        term (a governing-law or venue clause replaced or moved is not good news, nor is a
        choice of court that gave way to arbitration)."""
        if category in ("jurisdiction", "governing-law") and not _forum_imposed(self.before or ""):
            return False  # a plain choice of law or court gone: the default rules apply, no gain said
        if category == "jurisdiction":  # courts replaced by arbitration are no gain either
            return not (_still_has("jurisdiction", self.ctx) or _still_has("arbitration", self.ctx))
        if category == "governing-law":
            return not _still_has(category, self.ctx)
        if category == "class-action" and _individual_arbitration(self.ctx):
            return False  # the waiver moved into the arbitration clause, or arbitration is one by one anyway
        # a waiver or a power reworded or moved: the new version still gives it elsewhere (a
        # class-action waiver whose heading changed, "we may modify these terms" replaced by
        # "these terms may change"), so nothing was given back
        return not _still_watched(category, self.ctx)

    # -- a clause that changed ---------------------------------------------------------------------
    def _modified(self, cats: tuple[str, ...], legal: bool, w_add: tuple[str, ...],
                  w_rem: tuple[str, ...]) -> ChangeLabel:
        fb, fa, d = self.fb, self.fa, self.d
        changed = set(d.inserted()) | set(d.deleted())
        ins_c = _content_runs(d, "ins")
        del_c = _content_runs(d, "dels")
        if "ai-training" in w_rem and ins_c and not (set(d.inserted()) & _NEGATIONS):
            w_rem = tuple(c for c in w_rem if c != "ai-training")  # extended use is never good news
        if del_c and not any(is_content_word(w) for w in d.inserted()) \
                and (elsewhere := restatement(" ".join(_cut_span(d)), self.ctx, "new")):
            # words cut from the clause that a sentence of the new version says on its own ("…within
            # 180 days, except backups, which…" → "…within 180 days." + "Backups are an exception: …"):
            # a sentence split in two, not a term gone
            return _cosmetic("regrouped", f"Part moved to a sentence of its own: “{_snippet(plain(elsewhere), 80)}”",
                             fb, fa)
        sentences: list[str] = []
        if cond := condition_put(self.before, self.after):
            # "We will notify you …" → "In case of material changes we will notify you …": the
            # provider's duty now holds only under a condition, narrowed (the words put in are no
            # new thing the clause "also covers")
            cats = cats if set(cats) - {"other"} else tuple(c for c, _ in _rank(category_scores(self.after), {}))[:2] \
                or ("other",)
            cond = re.sub(r"(?i)^only\s+", "", cond)
            sentences.append(f"Now only {cond[0].lower()}{cond[1:]}: “{_snippet(self.after, 100)}”{_cats_text(cats)}")
        for old, new in _changed_pairs(list(fb), list(fa), self.before, self.after):
            fact = old or new
            if fact is None or not _fact_changed(old, new, changed):
                continue
            if _ago(fact, self.after if new else self.before):
                continue  # "7 hours ago": a live timestamp, not a term
            if fact.kind == "money" and any(f is not None and _capital(f, t)
                                            for f, t in ((old, self.before), (new, self.after))):
                continue  # a company's share capital: a detail of who it is, not a price
            if fact.kind in ("duration", "age", "place") and not legal and fact.qualifier != "court" and not (
                    fact.kind != "place" and has_verb(words(" ".join(self.sa.legal or self.sb.legal)))):
                continue  # a number or place in a line about nothing legal
            if fact.kind == "place" and not fact.qualifier and not (
                    set(cats) & _VENUE_CATS or _TRANSFER.search(self.after if new else self.before)):
                continue  # a place named in passing ("Digital Advertising Alliance of Canada")
            if fact.kind in ("money", "percent") and not (legal or self.row or has_verb(words(self.after))):
                continue  # a price ticker
            if fact.kind in ("money", "percent", "duration") and is_report(
                    _sentence_with(self.after, new.text)[0] if new else _sentence_with(self.before, fact.text)[0]):
                continue  # "Over 70% of those disputes succeeded": a figure of the past, not a term
            fcats = _fact_cats(new, self.after, cats) if new else cats
            self.fact_changed = True
            self.fact_cats += tuple(fcats[:2])
            self.age_changed = self.age_changed or fact.kind == "age"
            if old and new:
                sentences.append(fact_sentence(old, new, self.after, self.heading, fcats[:2], self.before))
            elif new:
                sentences.append(added_fact_sentence(new, self.after, self.heading, fcats[:2]))
            elif old and (put := _content_runs(d, "ins")):
                # the value replaced by words at its place ("with 30 days notice" → "at any time
                # without notice"): say both, not only what went
                said = _said(put, self.after, d, 'ins')
                point = next((m for c in cats[:1] for p in _ANCHORS.get(c, ()) if (m := re.search(p, plain(self.after), re.I))),
                             None)
                if len(put) > 1 and point is not None:
                    # scattered new words: the new wording where it states the term ("…the laws
                    # of the Slovak Republic…"), not where the first word changed
                    said = f"“{_phrase(self.after, point.group(0), 6)}”"
                now = f"Now says {said} instead of "
                was = _phrase(self.before, old.text)
                same = next((k for k, t in enumerate(sentences) if t.startswith(now)), -1)
                if same >= 0:  # two values gone for one new wording ("Malta", "Sliema"): one sentence
                    said = sentences[same][len(now) + 1:sentences[same].rindex("”")]
                    if was.strip("…") in said or said.strip("…") in was:
                        sentences[same] = f"{now}“{max(said, was, key=len)}”{_cats_text(cats)}"
                    continue
                sentences.append(f"{now}“{was}”{_cats_text(cats)}")
            elif old and (none := _NO_NOTICE.search(plain(self.after))) and not _NO_NOTICE.search(plain(self.before)):
                # "with 30 days' notice" → "without notice": the new words are small ones, say them
                sentences.append(f"Now says “{_phrase(plain(self.after), none.group(0), 4)}” instead of "
                                 f"“{_phrase(self.before, old.text)}”{_cats_text(cats)}")
            elif old:
                sentences.append(f"{removed_sentence(self.before, old)}{_cats_text(cats)}")
        if sentences and not legal and any(f.kind in ("money", "percent") for f in fa + fb):
            cats = ("pricing",)  # money charged to someone is pricing
        elif (self.fact_changed and cats and set(cats) <= _CHARGED and "pricing" not in cats
              and any(f.kind == "money" for f in fa)):
            cats = ("pricing", *cats)  # a changed amount billed or renewed is a change of price
        if w_add:
            sentences.insert(0, f"New watch-out: {_about(_legal_part(self.sa.legal, self.after), w_add)}{_cats_text(w_add)}")
        if legal or has_verb(words(" ".join(self.sb.legal + self.sa.legal))):
            # a statement that changed polarity ("we never sell" → "we sell") is never a rewording:
            # say so first, in its own words
            # a prohibition made a list item under a lead-in that says "not" ("Do not use X to
            # trick users" → "Do not use X for phishing, including: * Using X to trick users"): the
            # negation moved to the lead-in, it was not dropped
            if not _negates(self.lead_a) and (flip := _negation_flip(d, "dels")):
                sentences.insert(0, f"Now says “{flip[1]}” (no longer says “{flip[0]}”)"
                                    f"{_cats_text(cats or ('other',))}")
            elif not _negates(self.lead_b) and (flip := _negation_flip(d, "ins")):
                sentences.insert(0, f"Now says “{flip[0]}” instead of “{flip[1]}”{_cats_text(cats or ('other',))}")
        cut = notice_cut(self.before, self.after)
        good = tuple(c for c in w_rem if self._good_news(c)) if not cut else ()  # less notice is no good news
        traded = "jurisdiction" in w_add and ("arbitration" in good or self._arbitration_gone())
        if traded:
            # courts took the place of binding arbitration: a milder watch-out for the one that went,
            # said as that trade first, not as a new watch-out (the court is still the terms' choice)
            from tracker.analysis.headline import TO_COURTS

            court = _about(_legal_part(self.sa.legal, self.after), ("jurisdiction",))
            cats = tuple(dict.fromkeys(("arbitration", *cats, "jurisdiction")))
            sentences = [t for t in sentences if not t.startswith(("New watch-out: ", "Now says “"))]
            sentences.insert(0, f"{TO_COURTS}: {court}"
                                f"{_cats_text(('arbitration', 'jurisdiction'))} — good news for users")
            good = tuple(c for c in good if c != "arbitration")
        if good:
            sentences.append(f"Removed watch-out: {_about(_legal_part(self.sb.legal, self.before), good, 70)}"
                             f"{_cats_text(good)} — good news for users")
        added_m, removed_m = _modal_change(list(fb), list(fa))
        added_m = {m for m in added_m if set(words(m)) & changed}
        removed_m = {m for m in removed_m if set(words(m)) & changed}
        if _negates(self.lead_a):  # the "not" went to the list's lead-in
            removed_m = {m for m in removed_m if not set(words(m)) & _NOT_WORDS}
        if _negates(self.lead_b):
            added_m = {m for m in added_m if not set(words(m)) & _NOT_WORDS}
        if added_m and removed_m and all(set(words(m)) <= _NOT_WORDS for m in added_m | removed_m):
            added_m = removed_m = set()  # "do not sell" → "is never sold": one negation for another, still "not"
        if not sentences and (added_m or removed_m) and (legal or self._effect(self.sa.legal, legal)):
            # read in place ("Now says “…may close your account at any time when…”"), not a bare
            # '"not"' or '"at any time"' that says nothing on its own
            now = _in_places(self.after or "", sorted(added_m)) if added_m else ""
            was = _in_places(self.before or "", sorted(removed_m)) if removed_m else ""
            text = (f"Now says {now} instead of {was}" if now and was else
                    f"Now says {now}" if now else f"No longer says {was}")
            sentences.append(f"{text}{_cats_text(cats or ('other',))}")
            cats = cats or ("other",)
        if not sentences and (shift := _modal_shift(d)):
            # "nous pouvons vous demander" → "nous vous demanderons", "may ask" → "will ask": a
            # permission made a promise or a duty (or the reverse), whatever the clause is about
            sentences.append(f"Now says {_in_place(self.after, shift[1])} instead of "
                             f"{_in_place(self.before, shift[0])}{_cats_text(cats or ('other',))}")
            cats = cats or ("other",)
        if not sentences and (legal or has_verb(words(self.after))) and (rhythm := rhythm_change(self.before, self.after)):
            # "billed each month" → "billed every year": a period said in words, not a rewording
            cats = cats or ("other",)
            sentences.append(f"Now says {_in_place(self.after, rhythm[1])} instead of "
                             f"{_in_place(self.before, rhythm[0])}{_cats_text(cats)}")
        if not sentences and (legal or has_verb(words(self.after))) and (channel := notice_channel_cut(self.before, self.after)):
            # "by email" → "by posting them on this page": the user is no longer told, only posted to
            cats = cats or ("terms-changes",)
            sentences.append(f"No longer tells you directly: now {_in_place(self.after, channel[1])} instead of "
                             f"{_in_place(self.before, channel[0])}{_cats_text(cats)}")
        if not sentences and (legal or has_verb(words(self.after))) and (swap := _party_swap(d)):
            # "You may cancel" → "We may cancel": the same right, held by the other party now
            cats = cats or ("other",)
            sentences.append(f"Now says {_in_place(self.after, swap[1])} instead of "
                             f"{_in_place(self.before, swap[0])}{_cats_text(cats)}")
        if not sentences and (legal or self._coverage()) and (reach := _reach_change(d)):
            # "some of your data" → "all of your data": how far the clause reaches, not a rewording
            cats = cats or ("other",)
            sentences.append(f"Now says {_in_place(self.after, reach[1])} instead of "
                             f"{_in_place(self.before, reach[0])}{_cats_text(cats)}")
        stronger = False
        if not sentences and legal and (wider := _claims_reach(d, self.before or "", self.after or "")):
            # "third-party claims" → "any claims, including our own negligence": who or what a
            # liability or indemnity clause covers, never a rewording
            cats = cats or wider[2]
            sentences.append(f"{wider[0]}{_cats_text(cats)}")
            stronger = wider[0].startswith("Covers more")  # the user's duty to indemnify grew: a stronger watch-out
        if not sentences and (legal or self._coverage()) and (ins_c or del_c) and not self._reworded(ins_c, del_c) \
                and not self._age_spelled():
            sentences.append(self._scope(ins_c, del_c, cats or ("other",)))
            cats = cats or ("other",)
        if not sentences and (listed := self._enumerated()):
            # "For residents of {-the Republic of Korea and for residents of-} the EU …, Twitch will
            # notify you": an item of a list that says whom a term is for, or what the terms cover
            cats = cats if set(cats) - {"other"} else tuple(
                c for c, _ in _rank(category_scores(self.heading), {}) if c != "other")[:1] or ("other",)
            sentences.append(f"{listed}{_cats_text(cats)}")
        if not sentences and (exception := _exception_added(d)):
            # "to refrain from pseudonyms" → "except on the review board, to refrain from
            # pseudonyms": a duty or a ban now with an exception, whatever its topic
            cats = cats or ("other",)
            window = _window(d, "ins") or _quote([exception], 60)
            sentences.append(f"Adds an exception: “{_quote([exception], 60)}” to: “{window}”{_cats_text(cats)}")
        if not sentences and cut:
            # the notice went and nothing above said so: quote what it was and what is left
            was = _window(d, "dels", 4, 80) or _snippet(self.before)
            now = _window(d, "ins", 4, 80)
            cats = cats or ("other",)
            sentences.append((f"Now says “{now}” instead of “{was}”" if now else f"No longer says “{was}”")
                             + _cats_text(cats))
        if not sentences and (limit := _limit_changed(self.before or "", self.after or "")):
            # "not more than 3,000 kg" -> "3,300 kg": a limit moved, whatever it counts
            cats = cats or ("usage-rules",)
            verb = re.match(r"(?i)includ\w*\s+", limit[0])
            if verb and (now_verb := re.match(r"(?i)includ\w*\s+", limit[1])):  # an allowance, not a bound
                sentences.append(_moved_value(self.after or "", self.heading, limit[0][verb.end():],
                                              limit[1][now_verb.end():], cats))
            else:
                sentences.append(f"The limit is now “{limit[1]}” instead of “{limit[0]}”{_cats_text(cats)}")
        if not sentences and (measure := _measure_changed(self.before or "", self.after or "")):
            # "50-150 Mbps" -> "50-300 Mbps" in a plan's row, "10 GB" -> "5 GB": what a plan gives moved
            rate = re.search(r"(?i)(?:bps|/s)$", measure[1]) is not None
            cats = cats or (("service-changes",) if rate else ("usage-rules",))
            sentences.append(_moved_value(self.after or "", self.heading, measure[0], measure[1], cats))
        if not sentences and legal and (allowance := _allowance_changed(self.before or "", self.after or "")):
            # "500 writing credits per month" -> "300": what a plan gives for each period or user moved
            sentences.append(_moved_value(self.after or "", self.heading, allowance[0], allowance[1], cats))
        if not sentences and (legal or has_verb(words(self.after))) and _polarity_changed(d, self.before, self.after):
            # "You can cancel your plan" → "You cannot end your plan": a negation came (or went)
            # with other words around it, which the negation flip above does not read (its verb
            # changed too); a clause that gains a "not" says another thing, not the same in other words
            was = _window(d, "dels", 4, 80) or _snippet(self.before)
            now = _window(d, "ins", 4, 80) or _snippet(self.after)
            cats = cats or ("other",)
            sentences.append(f"Now says “{now}” instead of “{was}”{_cats_text(cats)}")
        if not sentences and (swap := _currency_swapped(self.before, self.after)):
            # "charged in US dollars" → "charged in euros": what is paid changed, with no amount
            cats = tuple(dict.fromkeys(("pricing", *(c for c in cats if c in ("payment", "refunds", "subscription")))))
            sentences.append(f"Now in {swap[1]} instead of {swap[0]}{_cats_text(cats)}")
        if not sentences and (legal or has_verb(words(self.after))) and (limiter := _limiter_changed(d)):
            # "only to provide the Service" → "to provide the Service": what the clause allows widened
            # (or narrowed), with no content word changed
            gone, word = limiter
            # no topic in the clause's own words ("We use your files only to ..."): its section's
            cats = cats or tuple(c for c, _ in _rank(category_scores(self.heading), {}) if c != "other")[:2] \
                or (("privacy",) if _USES_USER_DATA.search(self.before or "") else ("other",))
            sentences.append(f"Drops “{word}” from: “{_snippet(plain(self.before), 100)}”{_cats_text(cats)}" if gone
                             else f"Adds “{word}” to: “{_snippet(plain(self.after), 100)}”{_cats_text(cats)}")
        sentences = _value_for_words(_said_once(sentences), del_c)
        if sentences:
            direction = self._value_direction(cats)
            # (a value that moved against users stays "material": ranked as critical it would lead a
            # version's headline before a new watch-out such as binding arbitration)
            apart = self._notice_apart()
            severity: Severity = ("critical" if (w_add and not traded) or stronger
                                  or notice_cut(self.before, self.after) and not apart else "material")
            if apart:
                # the notice cut from the clause is given in a new sentence of its own: no notice lost
                # (said as a rewording: a headline speaks of a term that changed before it)
                sentences = [f"Reworded: the notice it gave is now a sentence of its own: “{_snippet(apart, 90)}”"
                             f"{_cats_text(cats)}"]
            said = "; ".join(sentences[:2])
            if not w_add and "good news" not in said and direction > 0:
                said += " — good news for users"
            return ChangeLabel(True, severity, cats or ("other",), said, None, w_add, w_rem, fb, fa)
        figure = next(((o, n) for o, n in _changed_pairs(list(fb), list(fa), self.before, self.after)
                       if o is not None and n is not None and o.kind == n.kind and o.kind in _FIGURES
                       and any(ch.isdigit() for ch in o.text + n.text) and _fact_changed(o, n, changed)), None)
        if figure is not None:
            # a figure that changed outside any term ("Over 70% of claims" → "75%") is no rewording
            return ChangeLabel(False, "minor", (), f"A figure changed, not in a term: {figure[0].text} → {figure[1].text}",
                               None, (), (), fb, fa)
        return ChangeLabel(False, "minor", (), "Reworded without a change of meaning", None, (), (),
                           fb, fa)

    _NOTICE_WORDS = frozenset({"notice", "notify", "notification", "day", "month", "week", "least", "prior", "advance"})

    def _notice_apart(self) -> str:
        """The sentence of the new version, not in the old one, that gives the notice this clause
        no longer gives ("…; however, price changes apply no earlier than 30 days following
        notice" cut, "We will notify you at least one month before any price changes" put after
        it): it shares at least two of the words cut from the clause. "" when the clause gave
        no notice it dropped, or no such sentence is found."""
        if notice_cut(self.before, self.after) != "notice dropped" or not self.ctx.new_text:
            return ""
        def gist(text: str) -> set[str]:
            return {w.rstrip("s") for w in words(text) if is_content_word(w) and not w.isdigit()} - self._NOTICE_WORDS

        # what the notice was of: the words of the part of the clause that gave it
        cut = set().union(*(gist(part) for part in re.split(r"[.;]\s", self.before) if _gives_notice(part)))
        for line in self.ctx.new_text.splitlines():
            if not re.search(r"(?i)notif|notice", line):
                continue
            for sentence in split_sentences(line):
                if sentence in self.ctx.old_text or not _gives_notice(sentence):
                    continue
                if len(cut & gist(sentence)) >= 3:
                    return plain(sentence)
        return ""

    def _value_direction(self, cats: tuple[str, ...]) -> int:
        """``value_direction`` of this clause's change, with its facts already read."""
        return value_direction(self.before or "", self.after or "", cats, self.fb, self.fa)

    def _age_spelled(self) -> bool:
        """The same age said in other words ("anyone under 13" → "anyone under the age of 13",
        "13 years old", "âgés de 13 ans"): the words changed only name the unit of an age that
        both sides state, with the same value."""
        ages_b = {f.value for f in self.fb if f.kind == "age"}
        if not ages_b or ages_b != {f.value for f in self.fa if f.kind == "age"}:
            return self._minimum_age_spelled()
        changed = [w for w in self.d.inserted() + self.d.deleted() if is_content_word(w) and not w.isdigit()]
        return bool(changed) and all(w.lower() in _AGE_WORDS for w in changed) or self._minimum_age_spelled()

    def _minimum_age_spelled(self) -> bool:
        """The same minimum age said in other words ("at least 16 years old" → "aged 16 or
        over"): both sides state the same minimum ages, and the words changed only say the age
        and that it is a minimum."""
        ages = minimum_ages(self.fb, self.before)
        if not ages or ages != minimum_ages(self.fa, self.after):
            return False
        changed = [w.lower() for w in self.d.inserted() + self.d.deleted() if not w.isdigit()]
        return bool(changed) and all(w in _AGE_WORDS or w in _MINIMUM_WORDS or not is_content_word(w) for w in changed)

    def _reworded(self, ins_c: list[str], del_c: list[str]) -> bool:
        """A few words replaced by a few others ("all activity" → "the activities") with no
        term word among them: a rewording. Words that name a topic ("hate speech" →
        "harassment", "refund" → "credit") keep it a change."""
        changed = {w.lower() for w in self.d.inserted() + self.d.deleted()}
        same = reworded_words(self.before, self.after)
        if changed and changed <= same:
            return True  # "chaque mois" → "tous les mois": one phrase said in other words, nothing else
        if address_only(sorted(changed), self.raw_b, self.raw_a):
            return True  # "die Sie teilen" → "die du teilst": the reader addressed informally, the same rule
        if same and changed and not changed & (MODALS | _NEGATIONS | _LIMITERS) and all(
                w in same or stem(w) in _stems(self.before) and stem(w) in _stems(self.after) for w in changed):
            return True  # "opt out of Ads Personalization" → "turn off personalized ads": the rest in other forms
        if ins_c and self._filled_in(same):
            return True  # "the Sensis Pty Ltd applies" → "the Sensis Pty Ltd privacy policy applies"
        if self._spelled_out(same):
            return True  # "We use Site Information" → "We use the information we collect", as defined
        if not (ins_c and del_c):
            return False
        if _LIMITERS & (set(self.d.inserted()) | set(self.d.deleted())):
            return False  # "jederzeit" → "nur zum Ende der Laufzeit": when or how far a right reaches
        if _recipients(tuple(self.d.inserted())) != _recipients(tuple(self.d.deleted())):
            return False  # "partners" → "advertisers": who gets something, not a rewording
        # ("same": "at any time" / "whenever you like")
        # a word the other wording also has, in some form ("contestation" / "contester", "transaction"
        # moved and made plural), restates it: only words whose stem the other clause lacks count
        stems_b, stems_a = _stems(self.before), _stems(self.after)
        n_ins = sum(is_content_word(w) and w not in same and stem(w) not in stems_b for w in self.d.inserted())
        n_del = sum(is_content_word(w) and w not in same and stem(w) not in stems_a for w in self.d.deleted())
        if n_ins > 4 or n_del > 4:
            return False
        if (n_ins or n_del) and self._coverage():
            return False  # a word new to a clause that says what is covered or excluded: an item in or out
        if n_ins and not n_del and self._as_items("ins") or n_del and not n_ins and self._as_items("dels"):
            return False  # "tax and shipping charges" → "tax, shipping and handling charges": an item in or out
        # (a changed word restated so is no topic of the change; the unchanged words around it are)
        moved = {w for w in self.d.inserted() + self.d.deleted() if stem(w) in stems_a and stem(w) in stems_b}
        replaced = " ".join(w for w in " ".join(ins_c + del_c).split() if w.lower() not in same | moved)
        around = _local(self.d, "ins") + " " + _local(self.d, "dels")
        return (not (set(category_scores(replaced)) - {"other"}) and not _LEGAL_WORDS.search(replaced)
                and not _CONDITION.search(around))

    def _filled_in(self, same: set[str]) -> bool:
        """Whether words were only put into the clause (none taken out) to name in full what the old
        text around it already names: at most ``_FILLED_IN`` content words new to the clause, each
        said by the old version near it (``restating.said_around``), none of them a number, a
        negation, a modal, a limiter, a legal word or a recipient, no run of them opening on a
        word that qualifies ("for annual plans", "if you live in the EU", "pour", "für") and none
        an item of a list or of what the clause covers. "the Sensis Pty Ltd applies" → "the Sensis
        Pty Ltd privacy policy applies" (a privacy policy) restates; "you may request a refund" →
        "you may request a refund for annual plans" narrows the term, whatever the text around says."""
        d = self.d
        inserted, deleted = d.inserted(), d.deleted()
        if set(inserted + deleted) & (STRONG | MODALS | _NEGATIONS | _LIMITERS) \
                or _CONDITION.search(_local(d, "ins")) or _CONDITION.search(_local(d, "dels")):
            return False  # ("we" → "Google": another party; "or yearly": another choice)
        stems_b, stems_a = _stems(self.before), _stems(self.after)
        gained = [w for w in inserted if is_content_word(w) and w not in same and stem(w) not in stems_b]
        lost = [w for w in deleted if is_content_word(w) and w not in same and stem(w) not in stems_a]
        if not gained or len(gained) > _FILLED_IN or len(lost) > _FILLED_IN \
                or _LEGAL_WORDS.search(" ".join(gained + lost)) or _recipients(tuple(inserted)) or _recipients(tuple(deleted)):
            return False
        if lost and (any(nation(w) for w in lost) or any(f.kind == "place" for f in extract_facts(" ".join(lost)))
                     or self._as_items("dels") or not said_around(lost, self.raw_a, self.ctx.new_text)):
            return False  # a word taken out that the text around no longer says: something went
        runs = [(a, b) for a, b in d.runs("ins") if any(is_content_word(w) for w in d.run_words("ins", (a, b)))]
        if len(runs) != 1:
            return False  # words put in here and there: a rewrite, read as one
        a, b = runs[0]
        ws = d.run_words("ins", (a, b))
        lead = [t.norm for t in d.after[max(0, a - 2):a]]  # ("and the United Kingdom": an item)
        if ws[0] in QUALIFYING or lead[-1:] and lead[-1] in QUALIFYING or set(lead) & _LIST_JOINS or has_verb(ws):
            return False  # a phrase that bounds the term ("for annual plans", "in the app"), or a statement
        if any(f.kind == "place" for f in extract_facts(d.run_text("ins", (a, b)))) or any(nation(w) for w in gained):
            return False  # a country or a state named: where the term applies
        if self._coverage() or self._as_items("ins"):
            return False
        return said_around(gained, self.raw_b, self.ctx.old_text)

    def _spelled_out(self, same: set[str]) -> bool:
        """Whether the clause only says a term one version defines in the words of its definition,
        or the term in place of them (``restating.spelled_out``): "We use Site Information" → "We
        use the information we collect" where the text defines "Information collected ... (“Site
        Information”)". No negation, modal, limiter or number may come or go with it."""
        d = self.d
        inserted, deleted = d.inserted(), d.deleted()
        if set(inserted + deleted) & (MODALS | _NEGATIONS | _LIMITERS) or any(w[:1].isdigit() for w in inserted + deleted):
            return False
        gained = [w.lower() for w in inserted if is_content_word(w) and w not in same]
        lost = [w.lower() for w in deleted if is_content_word(w) and w not in same]
        if gained and not lost and self.before and self.after:
            # (a name the clause lost may have been read as a name and left out of the delta: the
            # words the old clause says and the new one no longer does, "GrammarlyGO", are what
            # its new words stand for)
            now = set(words(self.after))
            lost = sorted({w for w in words(self.before) if is_content_word(w) and w not in now})
            if len(lost) > 2:
                return False
        return spelled_out(lost, gained, self.raw_b, self.raw_a, self.ctx.old_text, self.ctx.new_text)

    def _as_items(self, side: str) -> bool:
        """Whether every word new to the clause (``side`` "ins") or gone from it ("dels") stands in
        a list inside the sentence: its run of changed words starts or ends with "and"/"or", or
        touches a comma ("tax and shipping" → "tax, shipping{+, and handling+}", "{+phone number, +}e-mail").
        The diff may fold the moved "and" into the change, so the other side's words are ignored."""
        d = self.d
        toks, text, other = (d.after, d.after_text, self.before) if side == "ins" else (d.before, d.before_text, self.after)
        others = _stems(other)
        found = False
        for a, b in d.runs(side):
            new = [t.norm for t in toks[a:b] if is_content_word(t.norm) and stem(t.norm) not in others]
            if not new:
                continue
            found = True
            ws = [t.norm for t in toks[a:b]]
            if set(ws) & _CLAUSE_WORDS:
                return False  # "whether you have headphones connected": a clause reworded, no item
            gap_before = text[toks[a - 1].end if a else 0:toks[a].start]
            gap_after = text[toks[b - 1].end:toks[b].start if b < len(toks) else len(text)]
            inside = text[toks[a].start:toks[b - 1].end]
            joined = a and toks[a - 1].norm in _LIST_JOINS or b < len(toks) and toks[b].norm in _LIST_JOINS
            if not (joined or ws[0] in _LIST_JOINS or ws[-1] in _LIST_JOINS or "," in gap_before or "," in gap_after
                    or "," in inside):
                return False
        return found

    def _listed(self, ins_c: list[str], del_c: list[str]) -> str:
        """Items added to or dropped from a list that a label or a table names, said with what
        the list is ("Pixelmint added to applicable cookies", "advertising added to “Purpose” for
        Payment details"); "" for any other change."""
        if bool(ins_c) == bool(del_c):
            return ""
        runs, raw, verb = (ins_c, self.raw_a, "added to") if ins_c else (del_c, self.raw_b, "removed from")
        items = _quote(runs, 50)
        if self.row:
            cell = _table_cell(raw, runs[0])
            if cell and cell[0] and cell[1]:
                return f"{items} {verb} “{_snippet(cell[0], 30)}” for {_snippet(cell[1], 30)}"
            return ""
        m = _labelled_list(plain(raw))
        if m and all(r in m.group("items") for r in runs):
            return f"{items} {verb} {m.group('label').strip().lower()}"
        return ""

    def _items(self, ins_c: list[str], del_c: list[str]) -> str:
        """Items put into or taken out of a clause that says what is covered or excluded, named
        first ("Adds “satellite” to: “They also exclude special, premium, satellite…”"): only
        runs with a word the other side lacks count (a name moved within the list is no item);
        "" when there are none, or items both in and out."""
        # a list's marker ("ii", "(b)", "3.") that came with a list made of a sentence is no item
        new_in = [r for r in ins_c if _stems(r) - _stems(self.before) and not _ENUMERATOR.fullmatch(r.strip("() "))]
        new_out = [r for r in del_c if _stems(r) - _stems(self.after) and not _ENUMERATOR.fullmatch(r.strip("() "))]
        if new_in and not new_out:
            return f"Adds {self._each(new_in)} to: “{self._context('ins')}”"
        if new_out and not new_in:
            # runs joined ("grant; servers") on purpose: wording.readable_drops says them as the
            # passage that changed, now and before
            return f"Drops “{_quote(new_out, 40)}” from: “{_snippet(_legal_part(self.sb.legal, self.before), 60)}”"
        return ""

    def _enumerated(self) -> str:
        """What an item put into or taken out of a list changes, when the list says whom a term is
        for or what the terms cover: "No longer applies to residents of the Republic of Korea:
        “Twitch will … notify you of the reason for its action”", "Now also covers: Microsoft 365
        Copilot (“The following products … are covered by the Services Agreement …”)". Every
        changed run with a word new to the clause must stand as an item of a list (``_at_list_edge``),
        with no modal, negation or limiter among the changed words. Who: the item names people
        (``_PEOPLE``) or follows words that say where they live (``_WHERE_LIST``), in a sentence or
        lead-in that gives a right or a duty (``_GIVES``). What: the sentence or its list's lead-in
        says what the terms cover (``_COVERS``). A list of examples ("such as"), of places with no
        one's right in it (data centres), of languages or of links is neither: "" for those."""
        d = self.d
        if set(d.inserted() + d.deleted()) & (MODALS | _NEGATIONS | _LIMITERS):
            return ""
        stems_b, stems_a = _stems(self.before), _stems(self.after)
        runs = [(side, r) for side, others in (("ins", stems_b), ("dels", stems_a)) for r in d.runs(side)
                if any(is_content_word(w) and stem(w) not in others for w in d.run_words(side, r))]
        if not runs:
            return ""
        lead = self.lead_a or self.lead_b
        if not lead and _LIST_ITEM.match(self.raw_a or self.raw_b):
            lead = _lead_above(self.raw_a or self.raw_b, self.ctx.new_text if self.after else self.ctx.old_text)
        who = what = True
        said = ""
        for side, (a, b) in runs:
            toks, text = (d.after, d.after_text) if side == "ins" else (d.before, d.before_text)
            if b - a > 12 or not _at_list_edge(toks, text, a, b):
                return ""
            sentence, at = _sentence_at(text, toks[a].start)
            # (the words before the item, across a colon the sentence split cuts at: "in the
            # following states: {+California,+} New York")
            ahead = text[max(0, toks[a].start - 100):toks[a].start]
            if at < 0 or _EXAMPLE_LIST.search(ahead[-80:]):
                return ""  # "products such as X, {+Y+}": examples, which bound nothing
            item = text[toks[a].start:toks[b - 1].end]
            who = who and bool(_PEOPLE.search(item) or _WHERE_LIST.search(ahead)) \
                and bool(_GIVES.search(sentence) or _GIVES.search(lead))
            what = what and bool(_COVERS.search(sentence) or _COVERS.search(lead))
            said = said or sentence
        if who and not what and len({side for side, _ in runs}) > 1:
            return ""  # words put in and taken out ("in Australia, the {-Sensis-}{+Thryv+} policy"): a name swapped, no one added
        if not (who or what):
            return ""
        added, removed = _items_changed(self.before, self.after)
        if not (added or removed):
            added = [r for r in _content_runs(d, "ins") if _stems(r) - stems_b]
            removed = [r for r in _content_runs(d, "dels") if _stems(r) - stems_a]
        if who:
            gist = _gist(said)
            # (a list the sentence split cut off at its colon is read in its whole clause)
            term = _snippet(gist if set(words(gist)) & MODALS else (self.after or self.before), 90)
            if added and removed and (now := _passage(d, "ins")) and (was := _passage(d, "dels")):
                # words put in and taken out here and there: the passage as it reads now and before
                return f"Now applies to “{now}” instead of “{was}”: “{term}”"
            if added and removed:
                return f"Now applies to {_listing(added, 60)} instead of {_listing(removed, 60)}: “{term}”"
            return (f"Now also applies to {_listing(added)}: “{term}”" if added
                    else f"No longer applies to {_listing(removed)}: “{term}”")
        where = f" (“{_snippet(lead or said, 80)}”)"
        if added and removed and (now := _passage(d, "ins")) and (was := _passage(d, "dels")):
            return f"Now covers “{now}” instead of “{was}”{where}"
        if added and removed:
            return f"Now covers {_listing(added, 60)} instead of {_listing(removed, 60)}{where}"
        return f"Now also covers: {_listing(added)}{where}" if added else f"No longer covers: {_listing(removed)}{where}"

    @staticmethod
    def _each(runs: list[str]) -> str:
        """``runs`` (items put in) quoted each on its own (“created”, “Greenhouses”): runs from apart in the clause
        joined in one quote ("created; Greenhouses") would quote words the clause never says in
        that order."""
        # (a run that opens on its list marker, "iii) mettre en œuvre …", is quoted from its words)
        said = list(dict.fromkeys(_quote([re.sub(r"^\(?(?i:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+(?=\w)", "", r)], 40)
                                  for r in runs))
        if len(said) == 1:
            return f"“{said[0]}”"
        return ", ".join(f"“{r}”" for r in said[:-1]) + f" and “{said[-1]}”"

    def _context(self, side: str) -> str:
        """The words of one side (``"ins"`` or ``"dels"``) around the items put in or taken out,
        so that the quote shows where they stand ("…information collected or created by us…");
        the start of its legal sentences when the items are not among the words read."""
        legal, text = (self.sa.legal, self.after) if side == "ins" else (self.sb.legal, self.before)
        return _window(self.d, side, 4, 80) or _snippet(_legal_part(legal, text), 60)

    def _scope(self, ins_c: list[str], del_c: list[str], cats: tuple[str, ...]) -> str:
        """Inserted or deleted content words in a clause with a legal category: its scope moved."""
        if self._novel_share("ins") >= 0.6 and self._novel_share("dels") >= 0.6:
            return f"Rewritten: {_about(_legal_part(self.sa.legal, self.after), cats)}{_cats_text(cats)}"
        tail = _cats_text(cats)
        if listed := self._listed(ins_c, del_c):
            return f"{listed}{tail}"
        if self._coverage() and (items := self._items(ins_c, del_c)):
            return f"{items}{tail}"
        if ins_c and not del_c:
            if QUALIFIER_OPEN.match(ins_c[0]) and len(ins_c) == 1 and (window := _window(self.d, "ins")):
                # "except where indicated" put in limits the clause: said in place, never as more it covers
                return f"Adds “{_whole_word(_quote(ins_c, 40), window)}” to: “{window}”{tail}"
            if _phrase_like(ins_c):
                return f"Now also covers: {_quote(ins_c)}{tail}"
            # scattered or single words ("enhance; services") say nothing alone: read them in place,
            # named first, or a reader cannot tell which words are new
            if window := _window(self.d, "ins"):
                if len(ins_c) <= 3 and all(len(r) <= 40 and re.search(r"[^\W\d_]{2}", r) and not re.search(r"[“”\"«»]", r)
                                           and not _ENUMERATOR.fullmatch(r.strip("() ")) for r in ins_c):
                    # words to name: no bare number or list marker ("iii"), no quote in a quote
                    return f"Adds {self._each(ins_c)} to: “{window}”{tail}"
                return f"Now reads: “{window}”{tail}"
            if window := _window(self.d, "ins", 10, 70, hidden=True):
                return f"Changes a link or its markup in: “{window}”{tail}"  # no new word to read
            return f"Now also covers: {_quote(ins_c)}{tail}"
        if del_c and not ins_c:
            if QUALIFIER_OPEN.match(del_c[0]) and len(del_c) == 1 and (window := _window(self.d, "dels", 3, 60)):
                return f"Drops “{_whole_word(_quote(del_c, 40), window)}” from: “{window}”{tail}"
            if not _phrase_like(del_c) and (window := _window(self.d, "dels", 3, 60)):
                return f"Drops “{_quote(del_c, 30)}” from: “{window}”{tail}"
            if not _phrase_like(del_c) and (window := _window(self.d, "dels", 10, 70, hidden=True)):
                return f"Changes a link or its markup in: “{window}”{tail}"
            return f"No longer covers: {_quote(del_c)}{tail}"
        times = ""
        if len(ins_c) > 1 and len(set(ins_c)) == 1 and len(set(del_c)) == 1 and len(del_c) == len(ins_c):
            # one replacement made throughout ("16" → "17" in every heading): said once, counted
            times, ins_c, del_c = f" ({len(ins_c)} times)", ins_c[:1], del_c[:1]
            if sum(len(r.split()) for r in ins_c + del_c) <= 4:
                return f"Now says “{_quote(ins_c, 60)}” instead of “{_quote(del_c, 60)}”{times}{tail}"
        if sum(len(r.split()) for r in ins_c + del_c) <= 4:
            # a word or two replaced ("use" for "purchase"): each read with the words around it
            now, was = _window(self.d, "ins", 2, 40), _window(self.d, "dels", 2, 40)
            if len(now) + len(was) > 56:  # both must fit a headline: one word around each
                now, was = _window(self.d, "ins", 1, 40), _window(self.d, "dels", 1, 40)
            if now and was and not _same_place(now, was):
                # two swaps far apart, each side cut to its first run: the runs may not be the same
                # swap ("…employees, licensees…" instead of "…including legal fees…"); the first swap
                # read on both sides
                now, was = _first_swap(self.d.before_text, self.d.after_text) or (now, was)
            if now and was:
                return f"Now says “{now}” instead of “{was}”{tail}"
        # words replaced here and there ("us" → "GitHub", "display" → "host, display", ...), or
        # one stretch of words for another: quoted as the passage that changed, as it reads now
        # and as it read before, each from just before its first change and marked "…" where it
        # is cut (a bare run "solution amiable échoue, le Membre…" starts mid-phrase, unmarked)
        now, was = _passage(self.d, "ins"), _passage(self.d, "dels")
        if now and was:
            return f"Now says “{now}” instead of “{was}”{tail}"
        # a side whose changed words are not among the words read (a link, markup): its passage
        # as read all the same, never its runs joined ("created; Services" is no run of the text)
        now = now or _window(self.d, "ins", 3, 70, hidden=True) or _quote(ins_c[:1], 60)
        was = was or _window(self.d, "dels", 3, 70, hidden=True) or _quote(del_c[:1], 60)
        return f"Now says “{now}” instead of “{was}”{tail}"


def _same_place(now: str, was: str) -> bool:
    """Do two quotes of a swap ("…employees, licensees, suppliers…", "…employees, licensors,
    suppliers…") read the same place: they share a word around the change, or one is a single
    phrase (nothing around it to share)."""
    a = {w.lower().strip(",;:.…()") for w in now.split()}
    b = {w.lower().strip(",;:.…()") for w in was.split()}
    return len(a) <= 1 or len(b) <= 1 or bool((a & b) - {""})


def _first_swap(before: str, after: str, width: int = 2) -> tuple[str, str] | None:
    """The first words replaced in a clause (``before`` → ``after``, Markdown), each side read
    with ``width`` words around it, as (now, was); None when no words were replaced by others."""
    import difflib

    a, b = _space(plain_text(before)).split(), _space(plain_text(after)).split()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b],
                                                      autojunk=False).get_opcodes():
        if op != "replace" or not re.search(r"[^\W\d_]", " ".join(a[i1:i2] + b[j1:j2])):
            continue

        def read(words: list[str], lo: int, hi: int) -> str:
            end = hi
            lo, hi = max(0, lo - width), min(len(words), hi + width)
            while hi > end and words[hi - 1].lower().strip(",;:") in LEADS_ON:
                hi -= 1  # never cut on a word that leads on ("…suppliers and…")
            piece = " ".join(words[lo:hi]).strip(" ,;:([")
            return f"{'…' if lo > 0 else ''}{piece}{'…' if hi < len(words) else ''}"

        return read(b, j1, j2), read(a, i1, i2)
    return None


_MINIMUM_WORDS = frozenset("least over above older minimum mindestens moins plus älter".split())
_AGE_WORDS = frozenset("""age ages aged year years old older ans âge âgé âgée âgés âgées alter jahre jahren
    alt""".split())


# Modal verbs that allow (may, peut, kann) and that bind or promise (will, must, doit, muss);
# "shall" and "will" are one force (see ``_SAME_FORCE``), "should"/"would" neither.
_WEAK_MODALS = frozenset("""may might can could peut peuvent pouvons pouvez pourra pourront pourrons
    pourrez pourrait pourraient kann können darf dürfen""".split())
_STRONG_MODALS = frozenset("""will shall must doit doivent devons devez devra devront devrons devrez
    wird werden muss müssen""".split())
_MODAL_NEG = frozenset("not never pas nicht niemals jamais".split())
_FR_FUTURE = re.compile(r"(\w{3,}?)(?:rons|rez|ront|ra)$")  # "demanderons": "demande" + "rons"
_SHIFT_REACH = 4  # words after a modal that hold its verb ("may also ask you", "können Sie bitten")
# A hedge between a modal and its verb, skipped to find the verb: the provider's discretion said
# outright ("may, but are not required to, refund") or a duty of effort ("will use reasonable efforts to").
_MODAL_HEDGE = re.compile(r"^(?:but\s+(?:is|are|am|shall\s+be|will\s+be)\s+not\s+(?:required|obliged|obligated|bound)\s+to\s+|"
                          r"(?:make|use)\s+(?:all\s+|every\s+)?(?:commercially\s+)?(?:reasonable|best)\s+"
                          r"(?:efforts?|endeavou?rs?)\s+to\s+|endeavou?r\s+to\s+)")
_HEDGE_REACH = 7  # words such a hedge takes at most


# A remedy the user has: a way to complain, appeal, object, withdraw, cancel or get a refund
# ("If you're not satisfied with our answer, you can escalate your complaint to the ombudsman",
# "vous pouvez saisir le médiateur", "Sie können Beschwerde einlegen"). Giving or taking one away
# changes what a user can do about the provider, whatever the lexicons say of its topic.
_REMEDY = re.compile(
    r"\b(?:you|users?|customers?|consumers?|members?|subscribers?)\s+(?:also\s+|always\s+|then\s+|still\s+)?"
    r"(?:may|can|are\s+entitled\s+to|(?:have|has|retain)\s+(?:the|a)\s+right\s+to)\s+(?:also\s+|always\s+|then\s+|"
    r"at\s+any\s+time\s+)?(?:escalate|complain|lodge|file|bring|refer|appeal|contest|challenge|dispute|object|"
    r"opt[\s-]?out|withdraw|cancel|terminate|rescind|revoke|claim|obtain\s+(?:a\s+)?(?:refund|remedy|compensation)|"
    r"request\s+(?:a\s+)?(?:refund|review|deletion|erasure|correction|a\s+copy)|seek\s+(?:a\s+)?(?:remedy|redress|review)|"
    r"submit\s+(?:a\s+)?(?:complaint|claim|dispute|appeal))\b|"
    r"\bvous\s+(?:pouvez|avez\s+le\s+droit\s+de)\s+(?:également\s+|aussi\s+)?(?:saisir|contester|résilier|vous\s+opposer|"
    r"retirer|introduire\s+une\s+(?:réclamation|plainte|action)|déposer\s+une\s+(?:réclamation|plainte)|"
    r"demander\s+(?:le\s+)?remboursement|faire\s+appel|recourir)\b|"
    r"\bsie\s+(?:können|haben\s+das\s+recht,?)\s+(?:auch\s+|jederzeit\s+)?(?:widersprechen|kündigen|beschwerde|"
    r"sich\s+(?:bei\s+\w+\s+)?beschweren|die\s+schlichtungsstelle|widerrufen|einspruch)\b", re.I)


# ... and not one taken away in the same sentence ("you waive your right to appeal", "you may not
# cancel once the order ships")
_NO_REMEDY = re.compile(r"\b(?:waive[sd]?|give\s+up|forfeit|may\s+not|can\s?not|can['’]t|will\s+not\s+be\s+able|"
                        r"no\s+longer|not\s+be\s+entitled|ne\s+pouvez\s+pas|verzicht\w*|nicht)\b", re.I)


def _remedy(sentences: tuple[str, ...]) -> bool:
    """Whether one of ``sentences`` gives the user a remedy (``_REMEDY``) and takes none away
    (``_NO_REMEDY``): a term, however its topic is worded."""
    return any(_REMEDY.search(s) and not _NO_REMEDY.search(s) for s in sentences)


def _modal_shift(d: Delta) -> tuple[str, str] | None:
    """A modal replaced by one of the other force on the same verb: ``(old, new)`` words, e.g.
    ("may", "will") for "we may ask you" → "we will ask you", ("pouvons", "demanderons") for
    "nous pouvons vous demander" → "nous vous demanderons" (the French future says "will");
    None when no modal changed force. Negated modals are left to the negation checks."""
    def follow(toks: tuple[Token, ...], i: int) -> list[str]:
        ws = [t.norm for t in toks[i + 1:i + 1 + _SHIFT_REACH + _HEDGE_REACH]]
        # the verb after a hedge: "may, but are not required to, assist", "will make reasonable
        # efforts to recover" (a duty of effort is still a duty on that verb)
        hedge = _MODAL_HEDGE.match(" ".join(ws) + " ")
        skip = len(hedge.group(0).split()) if hedge else 0
        return ws[skip:skip + _SHIFT_REACH]

    def modals(toks: tuple[Token, ...], idx: frozenset[int], kinds: frozenset[str]) -> list[tuple[str, list[str]]]:
        return [(toks[i].norm, follow(toks, i)) for i in sorted(idx) if toks[i].norm in kinds
                and not (set(follow(toks, i)[:1]) & _MODAL_NEG)]

    def stems_of(ws: list[str]) -> set[str]:
        return {stem(w) for w in ws if is_content_word(w)}

    # a modal the clause no longer says at all is gone, even when the document says it elsewhere
    # (the novelty of a word is read against the whole other version)
    kept = {t.norm for t in d.after}
    absent = frozenset(i for i, t in enumerate(d.before) if t.norm not in kept)
    for old_kind, new_kind in ((_WEAK_MODALS, _STRONG_MODALS), (_STRONG_MODALS, _WEAK_MODALS)):
        gone = modals(d.before, d.dels | absent, old_kind)
        if not gone:
            continue
        for word, after in modals(d.after, d.ins, new_kind):
            for old, before in gone:
                # the same verb in another form ("assist you in recovering" / "recover your funds")
                if stems_of(before) & stems_of(after):
                    return old, word
        if old_kind is _WEAK_MODALS:
            # (the look-up against the old text finds "demanderons" in "demander": read every
            # word the old clause lacks as written)
            had = {t.norm for t in d.before}
            for t in d.after:
                m = _FR_FUTURE.match(t.norm)
                if not m or t.norm in had:
                    continue
                for old, before in gone:
                    if {m.group(1) + "r", m.group(1) + "re"} & set(before):
                        return old, t.norm
    return None


# Who holds a right: the user ("you", "vous", "Sie") or the provider ("we", "nous", "wir").
_USER_WORDS = frozenset("you your yours vous votre vos sie ihr ihre ihren ihrem ihrer du dein deine either both "
                        "each".split())
_PROVIDER_WORDS = frozenset("we us our ours nous notre nos wir uns unser unsere unseren unserem unserer".split())
# Quantifiers that set how far a clause reaches: a part of something, or all of it.
_PART_WORDS = frozenset("""some certain limited selected specific few part parts einige einigen einiger bestimmte
bestimmten bestimmter manche einzelne gewisse certaines certains quelques partie""".split())
_WHOLE_WORDS = frozenset("""all any every entire everything whole alle allen aller sämtliche sämtlichen jede jeden
jeglicher jegliche gesamte gesamten toutes tous tout ensemble intégralité""".split())


def _party_swap(d: Delta) -> tuple[str, str] | None:
    """The holder of a right swapped in place ("You may cancel" → "We may cancel", "Either party
    may end" → "Only we may end", "Sie können kündigen" → "Wir können kündigen"): ``(old word,
    new word)`` of the pronoun replaced, or None. Only when the clause's other words stay, but for
    the verb's person ("vous pouvez" → "nous pouvons") and "only"."""
    dels, ins = set(d.deleted()), set(d.inserted())
    for gone, came in ((_USER_WORDS, _PROVIDER_WORDS), (_PROVIDER_WORDS, _USER_WORDS)):
        old = [w for w in d.deleted() if w in gone]
        new = [w for w in d.inserted() if w in came]
        if not (old and new) or dels & came or ins & gone:
            continue
        rest = {w for w in dels | ins if is_content_word(w)} - gone - came - _PARTY_PRONOUNS - MODALS
        rest -= {"pouvez", "pouvons", "devez", "devons", "pourrez", "pourrons", "können", "könnt", "kannst",
                 "party", "parties", "like", "likes", "wish", "wishes", "want", "wants", "choose", "chooses"}
        if not rest:
            return old[0], new[0]
    return None


# What a liability or indemnity clause answers for: fault of the provider's own, and limits on the
# claims covered (only those of third parties, of a kind), en/fr/de.
_FAULT = re.compile(r"\b(?:negligen\w*|misconduct|fault\w*|wrongdoing|négligence\w*|faute\w*|fahrlässig\w*|"
                    r"verschulden\w*|vorsatz\w*|vorsätzlich\w*)\b", re.I)
_ALL_CLAIMS = re.compile(r"\b(?:any\s+and\s+all|whatsoever|of\s+any\s+(?:kind|nature)|howsoever|"
                         r"de\s+quelque\s+nature|quelle\s+qu['’]en\s+soit|jeglicher\s+art|gleich\s+welcher\s+art)\b", re.I)
_THIRD = re.compile(r"\b(?:third[-\s]part(?:y|ies)|de\s+tiers|des\s+tiers|dritter|dritten)\b", re.I)


def _claims_reach(d: Delta, before: str, after: str) -> tuple[str, str, tuple[str, ...]] | None:
    """How far a liability or indemnity clause reaches, changed by words the rest of the delta
    may call a rewording: the provider's own fault (negligence, misconduct) put in or taken out,
    "any and all" / "of any kind" put in or out, or the limit to third parties' claims dropped or
    added ("indemnify Acme from third-party claims" → "from any claims, including Acme's own
    negligence"). Returns (sentence, the words now, categories), or None."""
    cats = tuple(c for c in ("indemnity", "liability") if c in category_scores(plain(after or before)))
    if not cats:
        return None
    b, a = plain(before), plain(after)
    moved = [(bool(rx.search(b)), bool(rx.search(a))) for rx in (_FAULT, _ALL_CLAIMS, _THIRD)]
    if all(x == y for x, y in moved):
        return None
    now, was = _window(d, "ins", 4, 90), _window(d, "dels", 4, 90)
    wider = (not moved[0][0] and moved[0][1]) or (not moved[1][0] and moved[1][1]) or (moved[2][0] and not moved[2][1])
    lead = "Covers more" if wider and cats[0] == "indemnity" else "Changes what it covers"
    if now and was:
        return f"{lead}: now “{now}” instead of “{was}”", now, cats
    if now:
        return f"{lead}: now also “{now}”", now, cats
    return (f"{lead}: no longer “{was}”", was, cats) if was else None


def _reach_change(d: Delta) -> tuple[str, str] | None:
    """A quantifier that sets how far a clause reaches replaced by one of the other reach
    ("some of your data" → "all of your data", "certaines" → "toutes", "einige" → "alle", or back):
    ``(old word, new word)``, or None."""
    old_part = [w for w in d.deleted() if w in _PART_WORDS]
    old_whole = [w for w in d.deleted() if w in _WHOLE_WORDS]
    new_part = [w for w in d.inserted() if w in _PART_WORDS]
    new_whole = [w for w in d.inserted() if w in _WHOLE_WORDS]
    if old_part and new_whole:
        return old_part[0], new_whole[0]
    if old_whole and new_part:
        return old_whole[0], new_part[0]
    return None


# An exception opened by a run of words put into a clause: "except for X", "other than X",
# "unless X", "sauf X", "außer X", "ausgenommen X".
_EXCEPTION_OPEN = re.compile(r"^\W*(?:except(?:ing)?|excluding|unless|other\s+than|save\s+(?:for|where|as)|"
                             r"sauf|hormis|à\s+l['’]exception|au(?:ß|ss)er|ausgenommen)\b", re.I)
# What makes a clause a duty or a prohibition of someone: an exception carved into it narrows
# what is required or banned.
_DUTY_SENSE = re.compile(
    r"\b(?:must|shall|agrees?\s+(?:to|not)|undertakes?|commits?\s+to|(?:is|are)\s+(?:required|obliged|obligated)|"
    r"(?:may|will|can|do|does)\s+not|cannot|refrain\w*|prohibit\w*|forbid\w*|not\s+(?:allowed|permitted)|"
    r"never|doi(?:t|vent)|devez|müssen|muss|dürfen\s+nicht)\b", re.I)


def _exception_added(d: Delta) -> str:
    """The run that opens an exception ("except for posts on the review board", "unless we agree
    otherwise") put into a clause that sets a duty or a prohibition, when nothing was taken out:
    what the clause requires or bans now has a hole, a change of its scope; "" when none."""
    if d.deleted() and any(is_content_word(w) for w in d.deleted()):
        return ""
    if not _DUTY_SENSE.search(d.after_text):
        return ""
    for run in d.runs("ins"):
        text = d.run_text("ins", run)
        if _EXCEPTION_OPEN.match(text) and sum(is_content_word(w) for w in d.run_words("ins", run)) >= 2:
            return text.strip(" ,;:-–—()")
    return ""


@lru_cache(maxsize=65536)  # per word: a big pair asks it ~200,000 times of ~5,000 words
def stem(word: str) -> str:
    """A crude stem of a lowercased word, to tell a word restated in another form from a new
    one ("contestation" / "contester", "transactions" / "transaction", "licence" / "licensed"):
    canonical spelling, no accents, at most its first six letters."""
    w = unaccented(canonical_word(word))
    w = _IRREGULAR.get(w, w)
    return w[:6] if len(w) > 6 else w.rstrip("s") or w


# English irregular past forms that terms use in the passive ("we do not sell" → "is never sold"):
# read as their verb, so a clause turned into the passive restates the same verb. Only forms that
# are no other common word ("left", "found", "spent", "lead" are left out).
_IRREGULAR = {"sold": "sell", "given": "give", "gave": "give", "kept": "keep", "sent": "send", "paid": "pay",
              "made": "make", "held": "hold", "bought": "buy", "taken": "take", "took": "take", "shown": "show",
              "told": "tell", "brought": "bring", "chosen": "choose", "chose": "choose", "written": "write",
              "wrote": "write", "gotten": "get", "sought": "seek", "withheld": "withhold", "forgiven": "forgive"}


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text))


# Words that carry a term even without a category: thresholds, exceptions, obligations.
_LEGAL_WORDS = re.compile(r"\b(?:only|except\w*|unless|all|any|none|every|solely|exclusive\w*|"
                          r"reasonabl\w*|objective|required|optional|mandatory|automatic\w*|"
                          r"immediate\w*|prior|written|express\w*|consent\w*|approv\w*|"
                          r"seul\w*|uniquement|sauf|tout\w*|nur|ausschlie\w*|alle|"
                          # a decision or a grant made final, or taken without pay ("our decision is
                          # final", "without paying you", "irrévocable", "unentgeltlich")
                          r"final|irrevocabl\w*|perpetual|royalty|paying|compensat\w*|définiti\w*|irrévocabl\w*|"
                          r"contrepartie|rémunération|endgültig\w*|unwiderruflich\w*|unentgeltlich\w*|vergütung)\b", re.I)
_FILLED_IN = 3  # content words a clause may gain to name in full what the text around it names
# Words that bound a right or a duty, function words though some are ("only", "nur"): one added
# or dropped is never a mere rewording.
_LIMITERS = frozenset("""only solely exclusively nur ausschließlich lediglich seulement uniquement
exclusivement jederzeit""".split())
# A condition around the change: what it depends on changed ("only if it ships" → "only if
# it is accepted").
_CONDITION = re.compile(r"\b(?:only if|if and only if|unless|until|provided that|as long as|"
                        r"que si|sauf si|tant que|à condition que|nur wenn|sofern|solange|"
                        r"es sei denn)\b", re.I)
_VENUE_CATS = {"governing-law", "jurisdiction", "arbitration", "eligibility"}
_TRANSFER = re.compile(r"\b(?:transfer\w*|stored|hosted|located|processed|available|"
                       r"transféré\w*|hébergé\w*|übermittel\w*|gespeichert)\b", re.I)


def _still_watched(category: str, ctx: DocContext) -> bool:
    """Whether some passage of the new version is still a ``category`` watch-out for the
    watch-out classifier. Only paragraphs that the category's topic rule finds (en, fr, de, es; read
    with the paragraph before, often their heading) are classified, so a document without the topic costs one regular-expression pass; the answer is
    kept per context."""
    from tracker.analysis.classify import _compiled, classify_text, normalize
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    if category in ctx.watched:
        return ctx.watched[category]
    patterns = [p for lang in TOPIC_LANGUAGES for c, _, p in _compiled(lang)[0] if c == category]
    found = False
    if patterns and _still_has(category, ctx):
        paras = re.split(r"\n\s*\n", ctx.new_text)
        for i, para in enumerate(paras):
            # read with the paragraph before it: a topic is often named by the heading above
            norm = f" {normalize((paras[i - 1] if i else '') + chr(10) + para).strip()} "
            if any(p.search(norm) for p in patterns) and category in classify_text(para).watch:
                found = True
                break
    ctx.watched[category] = found
    return found


_PARA_NUMBER = re.compile(r"^\W*(\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\.\s))")  # "11.2 Any claim…", "**4.** You…"


def _old_watch_place(categories: Sequence[str], ctx: DocContext) -> tuple[str, bool] | None:
    """Where the old version already had a watch-out of each of ``categories`` (a paragraph the
    category's topic rule finds, read with the one before it, that the watch-out classifier calls
    one): (the number of the first one's paragraph, "" when it has none; whether one of those
    paragraphs, or a sentence of one that is the watch-out, is still in the new version word for
    word). None when one of the categories is no
    watch-out of the old version: the added clause is then a new term."""
    from tracker.analysis.classify import _compiled, classify_text, normalize
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    paras = re.split(r"\n\s*\n", ctx.old_text)
    new_text = " ".join(ctx.new_text.split())
    number, kept = None, False
    for category in categories:
        patterns = [p for lang in TOPIC_LANGUAGES for c, _, p in _compiled(lang)[0] if c == category]
        if not patterns or not _still_has(category, ctx, "old"):
            return None
        found = False
        for i, para in enumerate(paras):
            norm = f" {normalize((paras[i - 1] if i else '') + chr(10) + para).strip()} "
            if any(p.search(norm) for p in patterns) and category in classify_text(para).watch:
                found = True
                if number is None:
                    m = _PARA_NUMBER.match(plain(para))
                    number = m.group(1) if m else ""
                # kept: the paragraph still there word for word, or one of its sentences that is this
                # watch-out (a sentence added beside it changes the paragraph, not the old term)
                kept = kept or " ".join(para.split()) in new_text or any(
                    len(sentence.split()) >= 5 and " ".join(sentence.split()) in new_text
                    and category in classify_text(sentence).watch
                    for sentence in _SENTENCE_END.split(para))
        if not found:
            return None
    return (number or "", kept)


# Claims heard one by one: what a class-action waiver secured, said in the arbitration clause
_INDIVIDUAL = re.compile(r"\bindividual(?:ly)?\b|\bà titre individuel\b|\bindividuel(?:le)?s?\b|\bindividuellement\b|"
                         r"\bindividuell\w*|\beinzeln\w*|\bde forma individual\b|\bindividualmente\b", re.I)


def _individual_arbitration(ctx: DocContext) -> bool:
    """Whether the new version still binds the user to arbitration that is individual: binding
    arbitration (a watch-out; an arbitrator hears no class unless the parties agree to it) or an
    arbitration clause that says claims are heard individually. Then a removed class-action
    waiver gives nothing back: the user still cannot join a class."""
    if not _still_has("arbitration", ctx):
        return False
    if _still_watched("arbitration", ctx):
        return True
    return any(_INDIVIDUAL.search(para) and re.search(r"arbitra|schiedsgericht|schlichtung", para, re.I)
               for para in re.split(r"\n\s*\n", ctx.new_text))


# A forum or law imposed on the user, the watch-out in a dispute clause: exclusive or sole courts,
# an irrevocable submission, a waived objection ("you irrevocably submit to the exclusive
# jurisdiction of", "seuls compétents", "ausschließlich zuständig").
_IMPOSED = re.compile(r"\b(?:exclusive(?:ly)?|sole(?:ly)?|irrevocabl[ey]|waive[sd]?|waiving|only\s+in|"
                      r"seule?s?\s+compétente?s?|exclusivement|exclusive|irrévocablement|renonce\w*|"
                      r"ausschließlich\w*|unwiderruflich\w*|verzicht\w*)\b", re.I)


def _forum_imposed(text: str) -> bool:
    """Whether a removed governing-law or venue clause imposed its law or forum on the user
    (``_IMPOSED``): its removal is good news. A plain choice ("These terms are governed by the
    laws of England", "Gerichtsstand ist Hamburg") removed is reported as removed, not as a gain:
    the default rules then apply, which may be no better for the user."""
    return bool(_IMPOSED.search(text))


def _still_has(category: str, ctx: DocContext, version: str = "new") -> bool:
    """Whether the new version (``version`` "old": the old one) still has a clause about
    ``category`` (its topic rule, in any of ``lexicons.TOPIC_LANGUAGES``, finds it in the whole text)."""
    from tracker.analysis.classify import _compiled
    from tracker.analysis.lexicons import TOPIC_LANGUAGES

    text = " " + " ".join((ctx.new if version == "new" else ctx.old).tokens) + " "
    return any(c == category and p.search(text)
               for lang in TOPIC_LANGUAGES for c, _, p in _compiled(lang)[0])


# A bound on a quantity: "not more than 3,000 kg", "up to 5 projects", "at least 2 GB", "max. 10
# users", "limited to 100 requests", "jusqu'à 3 appareils", "höchstens 5 Geräte".
_LIMIT = re.compile(
    r"\b(?:not\s+more\s+than|no\s+more\s+than|not\s+less\s+than|no\s+less\s+than|more\s+than|less\s+than|"
    r"fewer\s+than|up\s+to|at\s+most|at\s+least|a\s+maximum\s+of|a\s+minimum\s+of|maximum|minimum|max\.?|min\.?|"
    r"limited\s+to|capped\s+at|exceed(?:s|ing)?|includes?|included|"
    r"jusqu['’]à|au\s+plus|au\s+moins|maximum\s+de|minimum\s+de|plus\s+de|moins\s+de|dans\s+la\s+limite\s+de|"
    r"höchstens|mindestens|bis\s+zu|maximal|minimal|mehr\s+als|weniger\s+als)"
    r"\s+(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)\s*([^\W\d_]+|%)?", re.I)


def _limit_changed(before: str, after: str) -> tuple[str, str] | None:
    """(old, new) wording of a bound on a quantity that changed between two versions of a
    clause ("not more than 3,000 kg" -> "not more than 3,300 kg"), when the clause bounds the same
    number of quantities in both and one of them changed its number; None otherwise. Dates,
    prices and periods are facts of their own (``facts``): this is for what they do not know,
    limits counted in kilograms, projects, seats, requests..."""
    old, new = list(_LIMIT.finditer(before)), list(_LIMIT.finditer(after))
    if not old or len(old) != len(new):
        return None
    for a, b in zip(old, new):
        va, vb = re.sub(r"\D", "", a.group(1)), re.sub(r"\D", "", b.group(1))
        ua, ub = (a.group(2) or "").lower(), (b.group(2) or "").lower()
        if va != vb and ua == ub:
            return a.group(0).strip(), b.group(0).strip()
        if ua != ub and ua in _LIMIT_DATA_UNITS and ub in _LIMIT_DATA_UNITS and {ua, ub} & _DATA_UNITS.keys() \
                and _bytes(a.group(1), ua) != _bytes(b.group(1), ub):
            return a.group(0).strip(), b.group(0).strip()  # "2 TB" -> "500 GB": the same kind of amount
    return None


# An amount of data or a data rate, with or without a bound before it ("50-150 Mbps", "2 TB",
# "100 Mbit/s", "50 Go"); the French "Go", "Mo", "To" and "Ko" only so capitalised ("go", "to" are words too)
_MEASURE = re.compile(r"(?<![\w.,])(\d[\d.,]*(?:\s*[-–—]\s*\d[\d.,]*)?)\s*((?i:[kmgt]i?b(?:ps)?|[kmgt]bit/s|[kmgt]bits?)|"
                      r"[KMGT]o(?!\s+(?:to|back|ahead|on|out|for|through)\b))\b")


def _measure_changed(before: str, after: str) -> tuple[str, str] | None:
    """(old, new) wording of an amount of data or a data rate that changed between two versions
    of a clause or a table row ("50-150 Mbps" -> "50-300 Mbps", "5 GB" -> "10 GB"), when both say
    as many such measures, in order; None otherwise (the same measures written another way,
    "50GB" -> "50 GB", "30-100" -> "30–100", are no change)."""
    old, new = list(_MEASURE.finditer(before)), list(_MEASURE.finditer(after))
    if not old or len(old) != len(new):
        return None
    for a, b in zip(old, new):
        if _measure_key(a) != _measure_key(b):
            return a.group(0).strip(), b.group(0).strip()
    return None


# A count of something given for each period or user ("500 writing credits per month", "3 seats
# per team", "10,000 requests a day", "20 exports / month"): not money (a price is a fact of its own).
_ALLOWANCE = re.compile(
    r"(?<![\w.,$€£¥])(\d[\d.,]*)\s+((?:[^\W\d][\w-]*\s+){1,4}?)(?:per|an?|each|every|/)\s*"
    r"(month|year|day|week|hour|minute|user|seat|member|team|workspace|project|mo|yr)s?\b", re.I)


def _cut_span(d: Delta) -> list[str]:
    """The words of ``d``'s old clause between what it shares at its start and at its end with the
    new one, when the new one has no content word there (words only cut out); [] otherwise. Read
    from the whole clauses: ``d`` may have explained some of those words away already."""
    b, a = d.before, d.after
    i = 0
    while i < min(len(b), len(a)) and b[i].norm == a[i].norm:
        i += 1
    j = 0
    while j < min(len(b), len(a)) - i and b[-1 - j].norm == a[-1 - j].norm:
        j += 1
    if any(is_content_word(t.norm) for t in a[i:len(a) - j]):
        return []
    return [t.norm for t in b[i:len(b) - j]]


def _allowance_changed(before: str, after: str) -> tuple[str, str] | None:
    """(old, new) wording of a count given for each period or user that changed between two
    versions of a clause ("500 writing credits per month" -> "300 writing credits per month"),
    when both name the same things in the same order and only a count moved; None otherwise
    ("1,000" and "1000" are one count)."""
    old, new = list(_ALLOWANCE.finditer(before)), list(_ALLOWANCE.finditer(after))
    if not old or len(old) != len(new):
        return None
    for a, b in zip(old, new):
        if (a.group(2).lower(), a.group(3).lower()) != (b.group(2).lower(), b.group(3).lower()):
            return None  # another thing counted: not the same allowance
    for a, b in zip(old, new):
        if re.sub(r"[.,]", "", a.group(1)) != re.sub(r"[.,]", "", b.group(1)):
            return a.group(0).strip(), b.group(0).strip()
    return None


def _measure_key(m: re.Match) -> tuple[object, ...]:
    """A measure, for comparing: its numbers scaled to the unit's base (bytes for an amount, bits
    a second for a rate: "2 TB" and "2000 GB" are one amount), with whether it is a rate and
    counts bits; the written value and unit when a number does not read as one."""
    value, unit = re.sub(r"\s+", "", re.sub(r"[–—]", "-", m.group(1))), m.group(2).lower()
    core = unit.replace("i", "", 1) if re.match(r"[kmgt]ib", unit) else unit
    rate = core.endswith(("ps", "/s"))
    bits = "bit" in core or (core.endswith("bps"))
    numbers = []
    for n in re.findall(r"\d[\d.,]*", value):
        # "1,000" and "1.000" with three digits after the mark are thousands; "1,5" is a decimal
        n = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", n.rstrip(".,")).replace(",", ".")
        try:
            numbers.append(float(n) * 1000 ** ("kmgt".index(core[0]) + 1))
        except ValueError:
            return value, unit
    return tuple(round(x, 3) for x in numbers), rate, bits


# Units of an amount of data (en/fr/de/es spellings; the French "To" and "Mo" are left out: "to"
# and "mo" are words of their own), as powers of 1,000 bytes
_DATA_UNITS = {"b": 0, "kb": 1, "ko": 1, "mb": 2, "gb": 3, "go": 3, "tb": 4, "pb": 5,
               "kib": 1, "mib": 2, "gib": 3, "tib": 4}


# After a bound and its number, beside an unambiguous unit on the other side, the French "Mo" and
# "To" are megabytes and terabytes ("jusqu'à 2 Go" -> "jusqu'à 500 Mo")
_LIMIT_DATA_UNITS = {**_DATA_UNITS, "mo": 2, "to": 4}


def _bytes(value: str, unit: str) -> float:
    """``value`` ("2", "1,5", "1.000") of ``unit`` (a key of ``_LIMIT_DATA_UNITS``) in bytes, roughly
    (binary and decimal units alike: only whether two amounts differ is asked)."""
    digits = re.sub(r"[\s\u00a0\u202f']", "", value)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)  # a thousands separator
    try:
        number = float(digits.replace(",", "."))
    except ValueError:
        return -1.0
    return number * 1000.0 ** _LIMIT_DATA_UNITS[unit]


def _fact_changed(old: Fact | None, new: Fact | None, changed: set[str]) -> bool:
    """Whether a fact's own words are among the changed tokens (not a fact that only looks
    different because the clauses were grouped differently)."""
    for f in (old, new):
        if f is not None and set(words(f.text)) & changed:
            return True
    return False


_CAPITAL = re.compile(r"(?:share\s+capital|capital\s+(?:social|stock)|capital\s+of|au\s+capital\s+de|"
                      r"capital\s+de|stamm-?kapital|grundkapital)\W{0,3}(?:of\s+|de\s+|von\s+|:\s*)?\W{0,3}$",
                      re.I)


def _capital(fact: Fact, text: str) -> bool:
    """Whether an amount is a company's share capital ("with a share capital of € 30,000",
    "au capital de 28 805 €", "Stammkapital: 25.000 EUR")."""
    at = text.find(fact.text)
    return at >= 0 and bool(_CAPITAL.search(text[max(0, at - 40):at]))


def _ago(fact: Fact, text: str) -> bool:
    at = text.find(fact.text)
    return at >= 0 and bool(re.match(r"\s*ago\b", text[at + len(fact.text):]))


def _fact_cats(new: Fact, after: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
    """Categories of the words around the new fact (its part of the sentence, between commas),
    else of its sentence: the most specific explanation. "arbitration held in X, except that
    you may use small-claims court" is about arbitration, not courts."""
    if new.kind == "place" and _place_role(new, after) == "law":
        return ("governing-law",)  # "the laws of X": the law of the contract, whatever the clause's other topics
    if new.kind == "age":
        # an age limit says who may use the service (taxonomy: eligibility), also where the
        # clause is about the data of children ("we do not collect data of children under 16")
        return ("eligibility", *(c for c in _fact_cats(replace(new, kind="number"), after, fallback) if c != "eligibility"))
    sentence, at = _sentence_with(after, new.text)
    if not sentence:
        return fallback
    before = re.split(r"[,;:]\s", sentence[:at])[-1]
    rest = re.split(r"[,;:]\s", sentence[at + len(new.text):], maxsplit=1)[0]
    # the fact's own words first ("tribunaux de Nanterre" is about courts, whatever else the
    # sentence governs)
    first: tuple[str, ...] = ()
    # money in a liability or refund sentence is its cap's or refund's measure, not a price
    measured = money_measured([sentence])
    for text in (new.text, f"{before}{new.text}{rest}", sentence):
        scores = category_scores(text)
        if measured:
            scores = {c: v for c, v in scores.items() if c not in MONEY_TOPICS}
        cats = tuple(c for c, _ in _rank(scores, {}) if c != "other")
        # a topic the clause is about wins: "$10" alone reads as a price, "liability is limited
        # to $10" is a liability cap
        if cats and (not fallback or set(cats) & set(fallback)):
            return cats
        first = first or cats
    return first or fallback


# --- a whole diff ----------------------------------------------------------------------------------
# (An alternative not anchored at the end must hold one of ``_LEAD_LITERALS``: ``_is_lead_in``.)
_LEAD_END = re.compile(r"[:：]\s*$|\b(?:following|include|includes|including|such as|are|is)\s*[:.]?\s*$|"
                       # "... may include, but are not limited to;": a lead-in ended by a semicolon
                       r"\b(?:limited to|include|includes|including|such as|following)\s*;\s*$|"
                       # a paragraph that announces the list wherever it says so ("The following list
                       # gives each Subprocessor's name, purpose and location.")
                       r"\b(?:the|this) following (?:list|table|entities|providers|companies|parties)\b|"
                       r"\b(?:listed|set out|shown) below\b|"
                       # French and German: "les prestataires suivants.", "ci-dessous", "folgende Daten:"
                       r"\b(?:suivant(?:e|s|es)?|ci-dessous|notamment|comprennent|sont|est|folgenden?|"
                       r"nachstehenden?|nachfolgenden?|umfassen|gehören|sind|ist)\s*[:.]?\s*$|"
                       r"\b(?:(?:les|la|le|des) (?:\w+ ){0,2}suivant(?:e|s|es)?|(?:die|der|das) folgenden?|"
                       r"(?:énumérée?s?|listée?s?|indiquée?s?) ci-dessous|(?:unten|nachstehend) (?:aufgeführt|genannt))\b", re.I)


# A row of a cookie or storage table that the site needs or that keeps a preference: listing one
# more (or one fewer) changes no use of personal data. Rows that say advertising, analytics, a
# third party or social media are read as usual.
_ESSENTIAL = re.compile(r"\b(?:essential|strictly necessary|necessary|functional|functionality|preferences?|"
                        r"nécessaires?|essentiels?|fonctionnels?|notwendig|erforderlich|funktional)\b", re.I)
_NOT_ESSENTIAL = re.compile(r"advertis|\bads?\b|marketing|target|analytic|statisti|measure|performance|"
                            r"third[- ]part|social|profil|track|tiers|publicit|ciblage|mesure|werbung|"
                            r"dritt|analyse", re.I)


def _essential_row(raw: str) -> bool:
    """Whether ``raw`` (a table clause) is one row of a cookie or storage table whose own cells
    call it essential, necessary, functional or a preference, and nothing of advertising,
    measurement, profiling or third parties."""
    cells = table_cells(raw)
    if cells is None or len(cells[1]) != 1:
        return False
    header, (row,) = cells
    if not re.search(r"cookie|storage|stockage|traceur|speicher", " ".join(header + row), re.I):
        return False
    values = " ".join(row)
    return bool(_ESSENTIAL.search(values)) and not _NOT_ESSENTIAL.search(values)


_ITEM_TEXT = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)")  # a list item's line, after its indent


def _lead_ins(clauses: Sequence[Any], source: str = "") -> dict[int, str]:
    """For each list item or table row, the sentence that introduces its list ("We collect the
    following data:"), when there is one. With ``source`` (the version's text), an item of two
    sentences, which the split gives as sentence clauses, stays inside its list: the items after
    it keep the lead-in; and an item whose sentence introduces a list of its own ("* Access. You
    can send a request by:", its sub-items indented under it) is the lead-in of those sub-items,
    up to the next item indented no deeper than it."""
    out: dict[int, str] = {}
    lead = ""
    outer = ""  # the lead-in of the enclosing list while a nested list's is read
    nest = -1  # the indent of the item whose sentence leads a nested list (-1: none)
    in_item = False  # inside an item of several sentences
    # the first 40 characters of each line, and of each item's text after its marker: one pass
    # over the source, then a look-up per sentence (not a search of the whole text)
    lines = [line.lstrip(" \t") for line in source.splitlines()] if source else []
    indents: dict[str, int] = {}  # an item's head → the indent of its line
    for raw, line in zip(source.splitlines() if source else [], lines):
        if m := _ITEM_TEXT.match(line):
            indents.setdefault(m.group(1)[:40], len(raw) - len(line))
    items = list(indents)
    line_heads, item_heads = {line[:40] for line in lines}, set(items)
    # (sorted, a text starting with a shorter head is found by bisection, not a scan of every line)
    sorted_lines, sorted_items = sorted(line_heads), sorted(item_heads)

    def found(head: str, heads: set[str], ordered: list[str]) -> str | None:
        if len(head) == 40:
            return head if head in heads else None
        k = bisect_left(ordered, head)  # the first head >= ``head``: it starts with it if any does
        return ordered[k] if k < len(ordered) and ordered[k].startswith(head) else None

    def unnest(item_head: str | None) -> None:
        nonlocal lead, nest
        if nest >= 0 and (item_head is None or indents.get(item_head, 0) <= nest):
            lead, nest = outer, -1  # the nested list ended: its parent list's lead-in again

    for c in clauses:
        if c.kind in ("item", "table"):
            in_item = False
            if nest >= 0:
                m = _ITEM_TEXT.match(c.text.strip()) if c.kind == "item" else None
                unnest(found(m.group(1)[:40], item_heads, sorted_items) if m else None)
            if lead:
                out[c.index] = lead
        elif c.kind == "heading":
            lead, nest = "", -1
        else:
            text = c.text.strip()
            if lead and nest < 0 and _ENUMERATED.match(text):
                out[c.index] = lead  # "(ii) circumvent …;" as a paragraph of its own: an item of the list
                continue
            if lead and source and text:
                head = text[:40]
                if (item := found(head, item_heads, sorted_items)) is not None:
                    in_item = True  # the first sentence of an item
                    unnest(item)
                    parent = item
                elif in_item and found(head, line_heads, sorted_lines) is None:
                    item = parent  # a later sentence of that item
                if item is not None:
                    if _is_lead_in(text) and item in indents:
                        if nest < 0:
                            outer = lead
                        lead, nest = text, indents[item]
                    continue
            in_item = False
            lead, nest = (text if _is_lead_in(text) or _changes_title(text) else ""), -1
    return out


# A paragraph opened by a list's enumerator in brackets ("(iii) use any robot …", "(b) …", "(2) …"),
# written as a paragraph and not as a Markdown item.
_ENUMERATED = re.compile(r"^\\?\((?:[ivx]{1,5}|[a-z]|\d{1,2})\)\s+\S", re.I)


def _changes_title(text: str) -> bool:
    """Whether a paragraph is a title line over a list of what changed, written as a plain line and
    not as a heading ("Summary of Recent Changes", "What's new"): its items are read as the items
    under such a heading (``boilerplate.is_announcement_heading``). A sentence is no title."""
    core = text.strip().strip("*_ ")
    # (the word count first: most paragraphs are long sentences, never read by the title's pattern)
    return 0 < len(core.split()) <= 8 and core[-1] not in ".!?;" and is_announcement_heading(core)


# A word every alternative of ``_LEAD_END`` not anchored at the text's end holds (same case rule).
_LEAD_LITERALS = ("following", "below", "suivant", "ci-dessous", "folgende", "aufgeführt", "genannt")
_LEAD_LITERAL = re.compile("|".join(_LEAD_LITERALS), re.I)


@lru_cache(maxsize=16384)
def _is_lead_in(text: str) -> bool:
    """Whether a clause's text introduces a list (``_LEAD_END``). Kept by text: two versions of a
    document share nearly all their clauses, and the pattern costs tens of microseconds a clause.

    Without one of ``_LEAD_LITERALS``, only the alternatives anchored at the end can match: a word of
    at most 13 letters, then white space, one ``:.;`` and white space. They are searched from 16
    characters before that tail (``\b`` still reads the character before), the same answer as a
    search of the whole text at a fraction of its cost. (For ASCII text ``str.lower`` folds case
    as ``re.I`` does; other text asks the pattern.)"""
    if any(w in text.lower() for w in _LEAD_LITERALS) if text.isascii() else _LEAD_LITERAL.search(text):
        return bool(_LEAD_END.search(text))
    core = text.rstrip()  # (``str.isspace`` and ``\s`` are the same characters)
    if core[-1:] in (":", ".", ";", "："):
        core = core[:-1].rstrip()
    return bool(_LEAD_END.search(text, max(0, len(core) - 16)))


@lru_cache(maxsize=4)
def _lead_ins_of(text: str) -> dict[int, str]:
    """Lead-ins of one version's clauses (walking a history reads each version twice)."""
    from tracker.analysis.diff import _split as clauses_of  # the diff's own (cached) split

    return _lead_ins(clauses_of(text), text)


def label_document(changes: Sequence[Any], old: str, new: str) -> list[ChangeLabel]:
    """Label every clause change of one diff against the two whole versions.

    ``changes``: the diff's clause changes (each with kind, before, after, heading,
    text_changed, old_index, new_index), in order. Returns one label per change, in order.
    Renames are found across the whole diff first, so a name replaced throughout is cosmetic."""
    if not changes:
        return []
    ctx = DocContext.of(old, new)
    pairs = [ctx.delta(c.before, c.after) for c in changes
             if c.before is not None and c.after is not None and c.text_changed
             and not cosmetic_kind(c.before, c.after)]
    ctx.renames = find_renames(pairs, ctx)
    ctx.names = find_names(pairs, ctx)
    lead_old = lead_new = None
    labels = []
    for c in changes:
        lb = la = ""
        if c.kind != "added" and c.before and _LIST_ITEM.match(c.before) or (c.before or "").lstrip().startswith("|"):
            if lead_old is None:
                lead_old = _lead_ins_of(old)
            lb = lead_old.get(c.old_index, "") if c.old_index is not None else ""
        if c.kind != "removed" and c.after and _LIST_ITEM.match(c.after) or (c.after or "").lstrip().startswith("|"):
            if lead_new is None:
                lead_new = _lead_ins_of(new)
            la = lead_new.get(c.new_index, "") if c.new_index is not None else ""
        labels.append(label_change(c.kind, c.before, c.after, heading=c.heading,
                                   text_changed=c.text_changed, context=ctx,
                                   lead_before=lb, lead_after=la))
    _edge_chrome(changes, labels, old, new)
    _banner_sentences(changes, labels)
    _offer_banner(changes, labels, old, new)
    _outside_document(changes, labels, old, new)
    _split_or_joined(changes, labels)
    _respaced(changes, labels, old, new)
    _relaid(changes, labels)
    _folded(changes, labels, old, new)
    return labels


# The lead-in that names whose contact block follows: "you can also contact Meetup's GDPR
# representative:", "write to our EU representative at:", "Our UK representative is:".
_BLOCK_LEAD = re.compile(r"\b(?:contact|reach|write\s+to|representative\s+is|is\s+appointed\s+as)\s+(?:us\s+|them\s+)?(?:at\s+)?"
                         r"(?P<who>(?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+?)(?:\s+(?:at|by\s+post|by\s+mail|as\s+follows))?\s*:\s*$", re.I)
_SENTENCE_ID = re.compile(r"^(?P<para>.+)\.s\d+$")
_NOT_WHO = frozenset("at us them details information address addresses are is below following by post mail e-mail email "
                     "the our as follows".split())


@lru_cache(maxsize=8)
def contact_blocks(text: str) -> dict[int, str]:
    """{clause index: what its block is} for every clause of ``text`` (``diff``'s clause split) that is
    one line of a postal address or contact block (``boilerplate.is_contact_block``): the lines of
    one paragraph, each split as a sentence of its own. What: "address of WHO" (a street or a
    postcode in it) or "contact details of WHO" (only e-mails or phones), WHO being what the
    lead-in just above names ("Meetup's GDPR representative:"), else the block's first line when
    it is a name ("The New York Times Company"); "address" or "contact details" with no one named.
    Args: text, one whole version. Returns the mapping; empty when the text has no block."""
    from tracker.analysis.diff import _split

    clauses = _split(text)
    out: dict[int, str] = {}
    i = 0
    while i < len(clauses):
        m = _SENTENCE_ID.match(clauses[i].id or "")
        if clauses[i].kind != "sentence" or not m or len(clauses[i].text) > 80:
            i += 1
            continue
        j = i + 1
        while j < len(clauses) and clauses[j].kind == "sentence" and \
                (mj := _SENTENCE_ID.match(clauses[j].id or "")) and mj.group("para") == m.group("para"):
            j += 1
        lines = [c.text for c in clauses[i:j]]
        if is_contact_block(lines):
            lead = _BLOCK_LEAD.search(plain(clauses[i - 1].text)) if i and clauses[i - 1].heading == clauses[i].heading else None
            who = lead.group("who") if lead else ""
            if not set(re.findall(r"[\w’'-]+", who.lower())) - _NOT_WHO:
                who = ""  # "contact us at:", "our contact details are:": no one named
            first = plain(lines[0]).strip()
            if not who and contact_line_kind(lines[0]) in ("name", "firm") and not first.endswith(":"):
                who = first  # "The New York Times Company", not a label ("Mailing Address:")
            kinds = {contact_line_kind(line) for line in lines}
            what = "address" if kinds & {"street", "postcode"} else "contact details"
            out.update(dict.fromkeys(range(i, j), f"{what} of {who}" if who else what))
        i = j
    return out


# What one line of an address block alone is taken for: a fragment, a heading, a law, a
# regrouping, text without effect, a bare "contact details" (see ``_NOISE_TEXT``, ``_COSMETIC_TEXT``)
_BLOCK_MISREAD = (*_NOISE_TEXT.values(), *_COSMETIC_TEXT.values(), "New heading", "Removed heading", "Heading reworded",
                  "Section “", "Added text without legal effect", "Removed text without legal effect",
                  "New contact details", "Removed contact details", "No term changed")


def _still_there(change: Any, old: str, new: str) -> bool:
    """Whether an added (removed) line's words are all in the other version, in order (links,
    markup and spacing aside): a line regrouped ("Atlanta, GA 30350" now inside a map link), not
    one that only looked so (a new e-mail address read as the old one's placeholder)."""
    def flat(text: str) -> str:
        return " " + " ".join(re.findall(r"[^\W_]+", plain(text).lower())) + " "

    line = flat(change.after if change.kind == "added" else change.before or "")
    return line.strip() != "" and line in flat(old if change.kind == "added" else new)


def contact_blocks_said(changes: Sequence[Any], labels: Sequence[ChangeLabel], old: str, new: str) -> list[ChangeLabel]:
    """``labels`` (of ``label_document``) with each line of a postal address or contact block
    (``contact_blocks``) added, removed or changed told as what it is: one plain cosmetic
    explanation for every line ("Contact details: address of Meetup's GDPR representative added"),
    never a heading, a fragment, a law or a regrouping, whatever each short line alone looked like.
    A material label, or one that says more than what a short line was mistaken for ("The company
    named ..."), is kept. For display: the learned decision reads the labels as they were.

    Args: changes, the diff's clause changes (kind, before, after, old_index, new_index); labels,
    one per change; old, new, the two whole versions. Returns a new list, one label per change."""
    labels = list(labels)
    _contact_block_lines(changes, labels, old, new)
    return labels


def _contact_block_lines(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """``contact_blocks_said`` in place."""
    if not any(c.kind in ("added", "removed", "modified") and ((c.after or c.before or "").count(" ") < 9)
               for c in changes):
        return
    blocks_old = blocks_new = None
    said: list[tuple[int, str, str]] = []
    for k, c in enumerate(changes):
        if c.kind not in ("added", "removed", "modified") or len(c.after or c.before or "") > 120:
            continue
        # a modified line is told so only when it is a line of a block on both sides
        who_old = who_new = None
        if c.kind != "added" and c.old_index is not None:
            blocks_old = contact_blocks(old) if blocks_old is None else blocks_old
            who_old = blocks_old.get(c.old_index)
        if c.kind != "removed" and c.new_index is not None:
            blocks_new = contact_blocks(new) if blocks_new is None else blocks_new
            who_new = blocks_new.get(c.new_index)
        who = who_new if c.kind == "added" else who_old if c.kind == "removed" else \
            (who_new or who_old) if who_new is not None and who_old is not None else None
        # a line some rule already told as what it is ("The company named is now Quibly AG instead
        # of Zorblio GmbH") or a term keeps its label: only what a short line alone was mistaken for goes
        if who is not None and not labels[k].material and labels[k].explanation.startswith(_BLOCK_MISREAD) \
                and not (labels[k].cosmetic in ("regrouped", "moved-unchanged") and _still_there(c, old, new)):
            said.append((k, c.kind, who))
    # a line of one block removed and another added (a street replaced: the diff pairs no lines)
    # is that block's address changed
    both = {who for _, kind, who in said if kind == "removed"} & {who for _, kind, who in said if kind == "added"}
    for k, kind, who in said:
        done = "changed" if kind == "modified" or who in both else kind
        text = f"Contact details: {'an address' if who == 'address' else who} {done}" if who.startswith("address") \
            else f"{who[0].upper()}{who[1:]} {done}"  # "Contact details of Zorblio added": phones, e-mails
        labels[k] = _cosmetic("contact-details", text, labels[k].facts_before, labels[k].facts_after)


_LABEL_WORDS = 6  # a row's first cell this short (a topic: "Managing your account") labels the row


def _row_words(row: str) -> list[str]:
    """What a table row (a clause holding its table's header, ``rendering.table_cells``) says as
    text, each reading: its cells in order; then, when its first cell is a short label and others
    follow, without that label. Empty when ``row`` is no table of one row."""
    table = table_cells(row)
    if table is None or len(table[1]) != 1:
        return []
    cells = [c for c in table[1][0] if c.strip()]
    out = ["; ".join(cells)]
    if len(cells) > 1 and len(cells[0].split()) <= _LABEL_WORDS:
        out.append("; ".join(cells[1:]))
    return out


def _relaid(changes: Sequence[Any], labels: list[ChangeLabel]) -> None:
    """A list item (or a paragraph) laid out as a table row, or a row as an item: a capture or a
    page that restructured a list into a table with the same content ("* Updating your contact
    details (go to your account settings)" → "| Managing your account | Updating your contact
    details | Go to your account settings |"). The row's header and a short label in its first
    cell (a topic, as a heading is) are layout; a material change whose other side says what the
    row's cells say (``restating.same_content``: the same content words, and every negation,
    number, modal, limiter and party in its place) is "formatting". A row that says anything more
    or less stays a change."""
    if not any(label.material for label in labels):
        return
    for k, (c, label) in enumerate(zip(changes, labels)):
        if not label.material or c.kind != "modified" or not c.before or not c.after:
            continue
        b_row, a_row = _row_words(c.before), _row_words(c.after)
        if bool(b_row) == bool(a_row):
            continue  # both rows (the row checks of ``label_change`` read them) or neither
        text = plain(_LIST_ITEM.sub("", c.after if b_row else c.before))
        if any(same_content(text, row) for row in b_row or a_row):
            labels[k] = _cosmetic("formatting", _COSMETIC_TEXT["formatting"], label.facts_before, label.facts_after)


def _folded_lines(whole: str, folded: str) -> set[str]:
    """The lines of ``whole`` that ``folded`` hides behind a "See more" control: where
    ``folded`` has such a control line (``tracker.fetch.guards.is_more_control``) after a line it
    shares with ``whole``, the lines ``whole`` has between that line and the one ``folded`` goes on
    with after the control (the next section's heading), when ``whole`` shows no control there
    itself. Lines are compared stripped; none when ``folded`` has no control."""
    from tracker.fetch.guards import is_more_control

    mine = [line.strip() for line in folded.splitlines() if line.strip()]
    if not any(is_more_control(line) for line in mine):
        return set()
    theirs = [line.strip() for line in whole.splitlines() if line.strip()]
    where: dict[str, int] = {}
    for k, line in enumerate(theirs):
        where.setdefault(line, k)
    hidden: set[str] = set()
    for k, line in enumerate(mine):
        if not k or not is_more_control(line) or mine[k - 1] not in where:
            continue
        start = where[mine[k - 1]] + 1
        nxt = mine[k + 1] if k + 1 < len(mine) else None
        end = theirs.index(nxt, start) if nxt is not None and nxt in theirs[start:] else None
        if end is None:
            continue  # the section does not end where the folded page goes on: not a fold
        span = theirs[start:end]
        if span and not any(is_more_control(x) for x in span):
            hidden.update(span)
    return hidden


def _folded(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """Clauses a capture folded behind a "See more" / "Read more" control, or unfolded: a page of
    collapsed sections (an accordion) captured once with a section open and once with it shut
    shows the section's first paragraph, then the control, where the other capture has the whole
    section. Its other clauses were neither removed nor added: a removed clause each of whose
    lines (or sentences) the new version hides that way (``_folded_lines``), and an added clause
    each of whose lines the old version hid, is labelled "capture-scope", not material."""
    if not any(label.material and c.kind in ("added", "removed") for c, label in zip(changes, labels)):
        return
    hidden = {"removed": _folded_lines(old, new), "added": _folded_lines(new, old)}
    if not hidden["removed"] and not hidden["added"]:
        return
    for k, (c, label) in enumerate(zip(changes, labels)):
        if not label.material or c.kind not in hidden:
            continue
        text = (c.before if c.kind == "removed" else c.after) or ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # (a clause may be one sentence of a line: the diff splits paragraphs into sentences)
        if lines and all(line in hidden[c.kind] or any(line in h for h in hidden[c.kind]) for line in lines):
            said = ("Folded behind a “See more” control in this capture, not removed from the terms"
                    if c.kind == "removed" else "Shown again where the last capture folded it behind a "
                    "“See more” control, not new terms")
            labels[k] = ChangeLabel(False, "minor", (), f"{said}: {_snippet(text)}", "capture-scope",
                                    (), (), label.facts_before, label.facts_after)


def capture_labels(changes: Sequence[Any], side: str, capture: str) -> list[ChangeLabel]:
    """Labels of the clause changes of a pair one side of which is no capture of the terms (a
    capture cut off mid-document, another page or an error page captured instead), known before
    labelling (``tracker.analysis.analyse``): nothing there is a change of terms, so no clause is
    read for its meaning (facts, categories, watch-outs: ~3 ms a clause, and such pairs have
    hundreds). What costs little is said as ``label_document`` says it: a clause moved unchanged,
    a cosmetic change, a heading. Every other change says where its text is (only in the odd
    capture, missing from it, or back after it), with its words.

    Args:
        changes: the diff's clause changes (kind, before, after, text_changed), in order.
        side: which side is the odd capture, "new" or "old".
        capture: what it is, as a noun phrase ("a capture cut off mid-document").

    Returns:
        One label per change, in order, none material, severity "cosmetic" or "minor", no
        categories."""
    labels = []
    for c in changes:
        before, after = c.before, c.after
        if c.kind == "moved" and not c.text_changed:
            labels.append(_cosmetic("moved-unchanged", _COSMETIC_TEXT["moved-unchanged"], (), ()))
            continue
        if before is not None and after is not None and (cos := cosmetic_kind(before, after)):
            labels.append(_cosmetic(cos, _COSMETIC_TEXT[cos], (), ()))
            continue
        if all(_is_heading(t) for t in (before, after) if t is not None):
            labels.append(_heading_change(c.kind, plain(before or ""), plain(after or ""), (), ()))
            continue
        odd = after if side == "new" else before  # the text the odd capture has
        if not odd:  # only the real capture has it
            said = (f"Missing from {capture}, not removed from the terms" if side == "new"
                    else f"Back after {capture}, not new terms")
        elif not (before if side == "new" else after):  # only the odd capture has it
            said = f"Only in {capture}, not a term"
        else:
            said = (f"Changed in {capture}, not in the terms" if side == "new"
                    else f"Back after {capture}, not a change of terms")
        labels.append(ChangeLabel(False, "minor", (), f"{said}: {_snippet(after or before or '')}"))
    return labels


def translation_labels(changes: Sequence[Any]) -> list[ChangeLabel]:
    """Labels of the clause changes of a page now served in another language (``analyse``: a
    language switch of many changes), none read for its meaning: ``label_change``'s first steps,
    the ones that read no meaning (a clause moved unchanged, a cosmetic change, a table's columns
    reordered, cookie names only, a heading, an underscored line read as its text), else a minor
    label without categories or explanation. ``analyse`` then says each change as the translation
    it is, keeping a heading's own explanation: the headings found here are those
    ``label_change`` finds, so every explanation is the same as after the full labelling.

    Args:
        changes: the diff's clause changes (kind, before, after, text_changed), in order.

    Returns:
        One label per change, in order, none material."""
    labels = []
    for c in changes:
        kind, before, after = c.kind, c.before, c.after
        if kind == "moved" and not c.text_changed:
            labels.append(_cosmetic("moved-unchanged", "Moved without a change of wording", (), ()))
            continue
        if before is not None and after is not None:
            if cos := cosmetic_kind(before, after):
                labels.append(_cosmetic(cos, _COSMETIC_TEXT[cos], (), ()))
                continue
            if _columns_reordered(before, after):
                labels.append(_cosmetic("regrouped", "Only the order of the table's columns changed", (), ()))
                continue
            if _cookie_names_only(before, after):
                labels.append(ChangeLabel(False, "minor", (), "Only the names of the cookies listed changed"))
                continue
        before_p, after_p = plain(before or ""), plain(after or "")
        if before is not None and (m := _UNDERSCORED.match(before)):
            before, before_p = m.group(1), plain(m.group(1))
        if after is not None and (m := _UNDERSCORED.match(after)):
            after, after_p = m.group(1), plain(m.group(1))
        if all(_is_heading(t) for t in (before, after) if t is not None):
            label = _heading_change(kind, before_p, after_p, (), ())
            labels.append(replace(label, material=False, severity="minor") if label.material else label)
            continue
        labels.append(ChangeLabel(False, "minor", (), ""))
    return labels


_RESPACED_MIN = 30  # squeezed characters a clause needs before its letters can be found elsewhere


def _respaced(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """Clauses whose letters the other version has in the same order, only with other spaces:
    a capture whose words were glued together ("6.3Danslecadredelacommande,leMembre...") or
    rejoined, next to a real change elsewhere (the whole pair is not spacing only, see
    ``analyse``). Glued sentences also glue clauses, so the diff sees clauses removed, added or
    rewritten where no word changed. A material change is "whitespace" when its old text, squeezed
    (no white space nor escaping backslash), is in the new version squeezed and its new text in the
    old version squeezed, at least one of them ``_RESPACED_MIN`` characters long, and one side is
    missing from the other version as spaced (a clause moved or said twice keeps its spaces: that
    is for the other checks)."""
    if not any(label.material for label in labels):
        return

    def squeeze(text: str) -> str:
        return "".join(text.replace("\\", " ").split())

    def whole(which: str, squeezed_form: bool) -> str:
        return _whole_form(old if which == "old" else new, squeezed_form)

    for k, (c, label) in enumerate(zip(changes, labels)):
        if not label.material:
            continue
        before, after = c.before or "", c.after or ""
        sb, sa = squeeze(before), squeeze(after)
        if max(len(sb), len(sa)) < _RESPACED_MIN or (sb and sb == sa):
            continue
        if sb and sb not in whole("new", True) or sa and sa not in whole("old", True):
            continue
        gone = bool(before) and " ".join(before.replace("\\", " ").split()) not in whole("new", False)
        came = bool(after) and " ".join(after.replace("\\", " ").split()) not in whole("old", False)
        if gone or came:
            labels[k] = _cosmetic("whitespace", _COSMETIC_TEXT["whitespace"], label.facts_before, label.facts_after)


@lru_cache(maxsize=4)
def _whole_form(text: str, squeezed: bool) -> str:
    """A whole version for ``_respaced``: without white space nor escaping backslashes
    (``squeezed``), or with each run of them one space. Kept for a few texts: a history's version
    is the new text of one pair, then the old text of the next."""
    words = text.replace("\\", " ").split()
    return "".join(words) if squeezed else " ".join(words)


# Words a sentence split in two (or two joined into one) may gain or lose besides its own: the
# subject said again, a connective ("After that, we ...", "Sie ist ...", "It will ..."). A new
# negation, number or modal of obligation or permission is never only a regrouping.
_SPLIT_FORCE = MODALS - {"will", "would", "wird", "werden"}
_SPLIT_EXTRA = 1


def _split_or_joined(changes: Sequence[Any], labels: list[ChangeLabel]) -> None:
    """A sentence split in two, or two sentences joined into one, with only a connective or a
    pronoun reworded ("We keep records for 24 months and then delete them." / "We keep records
    for 24 months." + "After that, we delete them."): the clause diff sees a sentence cut short
    and another one new, but the two versions say the same words. Labels of such a group are
    "regrouped" when one of them was material, or when the modified piece was said as more than
    cosmetic (the small words it lost to the next sentence: "also no longer “and to our”")."""

    def worth(k: int, group: list[int]) -> bool:
        return (any(labels[j].material for j in (k, *group)) or labels[k].severity != "cosmetic"
                or "; also " in labels[k].explanation)

    by_new = {c.new_index: k for k, c in enumerate(changes) if c.kind == "added" and c.new_index is not None}
    by_old = {c.old_index: k for k, c in enumerate(changes) if c.kind == "removed" and c.old_index is not None}
    for k, c in enumerate(changes):
        if c.kind != "modified" or not c.before or not c.after:
            continue
        if c.new_index is not None:  # split: the rest of the old sentence is added next to it
            group = _neighbours(by_new, c.new_index)
            if group and worth(k, group) and _same_words(
                    [c.before], [c.after] + [changes[j].after or "" for j in group]):
                _regroup(labels, (k, *group))
                continue
        if c.old_index is not None:  # joined: the other old sentences are removed next to it
            group = _neighbours(by_old, c.old_index)
            if group and worth(k, group) and _same_words(
                    [c.before] + [changes[j].before or "" for j in group], [c.after]):
                _regroup(labels, (k, *group))
    _reflowed_blocks(changes, labels)
    _split_into_items(changes, labels)


def _split_into_items(changes: Sequence[Any], labels: list[ChangeLabel], near: int = 8) -> None:
    """A sentence with a list run into it ("You also agree not to: scrape …; or reverse engineer
    …") removed where the new version gives its list as a lead-in and items of their own ("…, you
    agree not to:" / "(ii) scrape …;" / "(iii) reverse engineer …;"), which are themselves said as
    regrouped: the removed sentence is "regrouped" too when those lead-in and items, added within
    ``near`` changes of it, say all its words (none lost, as ``_same_words`` reads them; what they
    gain is theirs, and they were found to say the old text's words already)."""
    for k, c in enumerate(changes):
        if c.kind != "removed" or not labels[k].material or not c.before:
            continue
        pieces = [changes[j].after or "" for j in range(max(0, k - near), min(len(changes), k + near + 1))
                  if changes[j].kind == "added" and labels[j].cosmetic == "regrouped" and changes[j].after
                  and (_LIST_ITEM.match(changes[j].after) or changes[j].after.rstrip().endswith(":"))]
        if any(_LIST_ITEM.match(p) for p in pieces):
            after = {canonical_word(w) for p in pieces for w in words(p)}
            lost = {canonical_word(w) for w in words(c.before)} - after
            if not any(is_content_word(w) or w in _NEGATIONS or w in _SPLIT_FORCE or any(ch.isdigit() for ch in w)
                       for w in lost):
                _regroup(labels, (k,))


def _neighbours(at: dict[int, int], index: int, most: int = 12) -> list[int]:
    """The changes (positions in ``at``, by clause index) in an unbroken run just before and just
    after clause ``index``: the other pieces of a sentence split up (or of sentences joined)."""
    out: list[int] = []
    for step in (-1, 1):
        i = index + step
        while i in at and len(out) < most:
            out.append(at[i])
            i += step
    return sorted(out)


def _reflowed_blocks(changes: Sequence[Any], labels: list[ChangeLabel]) -> None:
    """Sentences removed and added in one place that say the same words: a sentence with an
    inline list turned into a lead-in and bullet items ("You must not: * spam; * scrape"), or
    items joined back into one sentence, a table turned into a list. A run of consecutive removed
    and added clauses (each side in a row in its version) is "regrouped" when the added ones say
    the removed ones' words (``_same_words``) and one of them was material."""
    k = 0
    while k < len(changes):
        if changes[k].kind not in ("added", "removed"):
            k += 1
            continue
        end, last = k + 1, {changes[k].kind: changes[k]}
        while end < len(changes) and end - k < 40 and changes[end].kind in ("added", "removed"):
            c, prev = changes[end], last.get(changes[end].kind)
            attr = "new_index" if c.kind == "added" else "old_index"
            if prev is not None and (getattr(c, attr) is None or getattr(prev, attr) is None
                                     or getattr(c, attr) != getattr(prev, attr) + 1):
                break
            last[c.kind] = c
            end += 1
        run = range(k, end)
        gone = [changes[j].before or "" for j in run if changes[j].kind == "removed"]
        came = [changes[j].after or "" for j in run if changes[j].kind == "added"]
        if gone and came and any(labels[j].material for j in run) and _same_words(gone, came):
            _regroup(labels, run)
        k = end


def _same_words(old: list[str], new: list[str]) -> bool:
    """Whether the texts ``new`` say the words of the texts ``old``: no content word, number,
    negation or modal lost, and at most ``_SPLIT_EXTRA`` content words gained, none of them a
    number, a negation or a modal of obligation or permission."""
    before = {canonical_word(w) for t in old for w in words(t)}
    after = {canonical_word(w) for t in new for w in words(t)}
    if not before or not after:
        return False
    lost, gained = before - after, after - before

    def strong(w: str) -> bool:
        return any(ch.isdigit() for ch in w) or w in _NEGATIONS or w in _SPLIT_FORCE

    if any(strong(w) or is_content_word(w) for w in lost) or any(strong(w) for w in gained):
        return False
    return sum(1 for w in gained if is_content_word(w)) <= _SPLIT_EXTRA


def _regroup(labels: list[ChangeLabel], group: Sequence[int]) -> None:
    for j in group:
        labels[j] = _cosmetic("regrouped", _COSMETIC_TEXT["regrouped"], labels[j].facts_before, labels[j].facts_after)


def _outside_document(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """Clauses outside the document tracked are not its terms (``tracker.analysis.scope``): added
    or removed with the page above its title or with another document captured below it, or
    changed in a shop's footnotes that end the page."""
    if not any(label.material for label in labels):
        return
    from tracker.analysis.scope import (dropped_copy, emptied_tables, is_offer, offer_footnotes, outside_document,
                                        translated_copy)

    out_old: set[int] = set()
    out_new: set[int] = set()
    if any(label.material and c.kind in ("added", "removed") for c, label in zip(changes, labels)):
        from tracker.analysis.diff import _split as clauses_of

        removed = {c.old_index for c in changes if c.kind == "removed" and c.old_index is not None}
        added = {c.new_index for c in changes if c.kind == "added" and c.new_index is not None}
        old_clauses, new_clauses = clauses_of(old), clauses_of(new)
        out_old, out_new = outside_document(old_clauses, new_clauses, removed, added)
        lost, regained = emptied_tables(old_clauses, new_clauses, removed, added)
        out_old, out_new = out_old | lost, out_new | regained
        dropped, gained = translated_copy(old_clauses, new_clauses, removed, added)  # a bilingual page's copy
        out_old, out_new = out_old | dropped, out_new | gained
        out_old |= dropped_copy(old_clauses, removed)  # a second copy of the terms no longer shown
    notes_old, notes_new = offer_footnotes(old), offer_footnotes(new)

    def in_notes(text: str | None, notes: str) -> bool:
        return text is None or bool(notes) and " ".join(text.replace("\\", "").split()) in notes

    for k, c in enumerate(changes):
        label = labels[k]
        if not label.material:
            continue
        # (a footnote that qualifies no offer and whose own amount, duration or age changed is read
        # as usual: "(2) Refunds are paid within 60 days")
        noted = ((notes_old or notes_new) and in_notes(c.before, notes_old) and in_notes(c.after, notes_new)
                 and not (c.kind == "modified" and _significant(label.facts_before) != _significant(label.facts_after)
                          and not any(is_offer(t or "") for t in (c.before, c.after))))
        if c.kind == "removed" and c.old_index in out_old or c.kind == "added" and c.new_index in out_new or noted:
            labels[k] = _cosmetic("capture-scope", _COSMETIC_TEXT["capture-scope"], labels[k].facts_before,
                                  labels[k].facts_after)


_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s+(?:©\s*)?(?:19|20)\d\d|\ball\s+rights\s+reserved\b", re.I)


# The buttons and widgets of a consent manager or a page's scripts: never in a document's text.
# A form's marker of its required fields ("* Indicates a required field"): a widget at the page's
# edge (``_WIDGETS``) and, anywhere, a form captured with the page (``_FORM_FIELDS``)
_REQUIRED_FIELD = r"\*\s*(?:indicates|denotes)\s+(?:a\s+)?(?:required|mandatory)\s+field"
_WIDGETS = re.compile(r"\]\(javascript:|^\W*(?:always\s+active|switch\s+label|checkbox\s+label|(?:reject|refuse|decline|deny|accept|allow)\s+all|"
                      r"(?:confirm|validate|save)\s+my\s+choices?|"
                      # a consent panel's category with its toggle's state ("Strictly necessary cookies Always active")
                      r"(?:[^\W\d_]+\s+){1,3}always\s+active(?=\W*$)|"
                      # and its note once the choices are saved ("Your preferences have been saved!")
                      r"(?:your\s+)?(?:choices|preferences|(?:cookie\s+|privacy\s+)?settings|consent)\s+(?:have|has)\s+been\s+"
                      r"(?:saved|updated|stored)(?=\W*$)|vendor\s+search|(?:search|filter|close)\s+icon|apply\s+cancel|"
                      r"back\s+button)\b|\b(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|search|navigation)|"
                      r"close\s+this\s+window|(?:print|e-?mail)\s+this\s+page|back\s+to\s+top|diese\s+seite\s+"
                      r"(?:drucken|per\s+e-?mail)|zum\s+seitenanfang|retour\s+en\s+haut|imprimer\s+cette\s+page)\b|"
                      # a form's or a loader's own words, captured with the page: "LOADING", "Something
                      # went wrong", "* Indicates a required field", "* Champs obligatoires", "* Pflichtfeld"
                      r"^\W*(?:loading|something\s+went\s+wrong|please\s+wait|chargement(?:\s+en\s+cours)?|"
                      r"une\s+erreur\s+(?:s['’]est\s+produite|est\s+survenue)|wird\s+geladen|"
                      r"etwas\s+ist\s+schiefgelaufen)\W*$|"
                      rf"{_REQUIRED_FIELD}|"
                      r"(?:required|mandatory)\s+fields?\s+(?:are\s+)?(?:marked|indicated)\s+(?:with\s+)?(?:an\s+)?(?:\\?\*|asterisk)|"
                      r"^\W*\\?\*\s*(?:champs?\s+obligatoires?|pflichtfeld(?:er)?)\W*$", re.I)


# A consent manager's preference centre, rendered into the page: the fixed wording every site
# using the IAB's consent framework shows for its purposes and features ("Your device can be
# identified based on a scan of your device's unique combination of characteristics", "... in
# support of one or more purposes"), and a consent manager's cookie list, whose rows link each
# cookie to the cookiepedia catalogue and whose necessary cookies "cannot be switched off in our
# systems". Read as a widget only in a block at the page's edge (``_edge_chrome``).
_CONSENT_PANEL = re.compile(
    r"\]\(https?://(?:www\.)?cookiepedia\.co\.uk/|\bcannot\s+be\s+switched\s+off\s+in\s+our\s+systems\b|"
    r"\bin\s+support\s+of\s+one\s+or\s+more\s+(?:of\s+)?(?:the\s+)?purposes\b|"
    r"\bcan\s+be\s+stored\s+or\s+accessed\s+on\s+your\s+device\s+for\s+the\s+purposes\s+presented\s+to\s+you\b|"
    r"\bbased\s+on\s+a\s+scan\s+of\s+your\s+device['’]?s\s+unique\s+combination\s+of\s+characteristics\b|"
    r"\ba\s+profile\s+can\s+be\s+built\s+about\s+you\s+and\s+your\s+interests\b|"
    r"\b(?:ads|content)\s+can\s+be\s+shown\s+to\s+you\s+based\s+on\s+(?:a\s+profile\s+about\s+you|the\s+content\s+you)|"
    r"\bthe\s+performance\s+and\s+effectiveness\s+of\s+(?:ads|content)\s+that\s+you\s+see\s+or\s+interact\s+with\b|"
    r"\bmarket\s+research\s+can\s+be\s+used\s+to\s+learn\s+more\s+about\s+the\s+audiences\b|"
    r"\byour\s+device\s+can\s+receive\s+and\s+send\s+information\s+that\s+allows\s+you\s+to\s+see\b|"
    r"\byour\s+device\s+might\s+be\s+distinguished\s+from\s+other\s+devices\b", re.I)
# A line of nothing but a site's account links ("[Log in](…) [Sign Up](…)", "[Sign in to track
# progress](…)"): the site's header or footer, never a document's text.
_ACCOUNT_LINKS = re.compile(
    r"^\W*(?:\[(?:log\s*-?\s*in|sign\s*-?\s*(?:in|up|on)|register|create\s+(?:an?\s+|your\s+)?account|join\s+(?:now|free|for\s+free))"
    r"\b[^\]\n]{0,40}\]\([^()\s]*(?:\s+\"[^\"]*\")?\)\W*)+$", re.I)
_TEXT_LINK = re.compile(r"(?<!!)\[[^\]]*\w[^\]]*\]\(")
# where two labels of a widget were captured with no space between them: a lower-case letter
# then a capital ("allAccept")
_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _chrome_clause(text: str) -> str:
    """"widget" for a consent manager's or a page's widget or a copyright line (never in a
    document), "strong" for a short cookie banner or a line of account links ("[Log in](…)
    [Sign up](…)"), "weak" for a line of other links only, "" for anything else."""
    # (a consent panel's buttons and labels are often captured run together, without the spaces
    # between them: "Refuse allAccept allValidate my choice", "EssentialAlways active")
    if _COPYRIGHT.search(text) or _WIDGETS.search(text) or _WIDGETS.search(_RUN_TOGETHER.sub(" ", text)) \
            or _CONSENT_PANEL.search(text):
        return "widget"
    if _ACCOUNT_LINKS.match(text):
        return "strong"  # (chrome, but no widget: the sentences beside a header's links are not crossed for it)
    ws = words(text)
    kind = chrome_kind(text, ws)
    # a banner is short: a cookie policy's own paragraph about "cookie settings" is not one
    if kind == "navigation" and not _TEXT_LINK.search(text):
        return ""  # an underline, a rule or an image: nothing to tell page chrome by
    return "strong" if kind == "cookie-banner" and len(ws) <= 30 else "weak" if kind == "navigation" else ""


_CHROME_GAP = 8


_BANNER_CLAUSES = 6  # clauses of a banner block at most: a removed section is longer
_BANNER_WORDS = 30  # words of one of its sentences at most


def _banner_sentences(changes: Sequence[Any], labels: list[ChangeLabel]) -> None:
    """The other sentences of an announcement banner gone (or new) with it: "We are postponing the
    change to how we use your information for AI." then "We will keep you informed before we start
    using your information." and "We will also explain how you can object." A run of at most
    ``_BANNER_CLAUSES`` clauses removed (or added) together, one of them an announcement
    (``boilerplate.is_announcement``) and no heading among them, is the banner: its short
    sentences tell what is coming or what the terms now say, which the terms themselves say where
    they change. A sentence with a changed amount, period or age, or a watch-out, is read as usual.
    An announcement that states its date ("We're updating our Terms, effective April 30, 2025",
    labelled "date-only" as the stamp it also is) is one too: "You can preview the updated Terms
    here" beside it is the banner's link, not a rule for changes."""
    for kind, attr, side in (("removed", "old_index", "before"), ("added", "new_index", "after")):
        at = {getattr(c, attr): k for k, c in enumerate(changes) if c.kind == kind and getattr(c, attr) is not None}
        done: set[int] = set()
        for i, k in sorted(at.items()):
            if i in done or not (labels[k].cosmetic == "announcement" or labels[k].cosmetic == "date-only"
                                 and is_announcement(getattr(changes[k], side) or "", stamps=False)):
                continue
            lo, hi = i, i
            while lo - 1 in at:
                lo -= 1
            while hi + 1 in at:
                hi += 1
            done.update(range(lo, hi + 1))
            block = [at[j] for j in range(lo, hi + 1)]
            if len(block) > _BANNER_CLAUSES or any(_is_heading(getattr(changes[m], side) or "") for m in block):
                continue
            for m in block:
                lab, text = labels[m], getattr(changes[m], side) or ""
                if (lab.material and not lab.watch_added and not lab.watch_removed and len(text.split()) <= _BANNER_WORDS
                        and not any(f.kind in _SIGNIFICANT for f in (*lab.facts_before, *lab.facts_after))):
                    labels[m] = _cosmetic("announcement", _COSMETIC_TEXT["announcement"], lab.facts_before,
                                          lab.facts_after)


_TERM_WORDS = re.compile(r"\b(?:must|shall|may|will|not|never|only|agree\w*|consent\w*|required?)\b", re.I)


def _chrome_reworded(text: str, other: str) -> bool:
    """Whether a clause reworded in place reads as page chrome on this side (``text``) and was (or
    becomes) chrome or a short line with no term word on the other (``other``): "Track your
    progress - it's free!" turned into a "Sign in to track progress" link. A sentence reworded
    into a link ("You must be 18" → "[Sign up](…)") is not: what it said is gone."""
    if not _chrome_clause(text):
        return False
    return bool(_chrome_clause(other)) or len(words(other)) <= 8 and not _TERM_WORDS.search(other)


_OFFER_CLAUSES = 10  # clauses of a shop's offer banner at most: a section on promotions is longer
_OFFER_MIN = 3  # ... and at least (two lines about an offer decide nothing)
# A required field of a form captured with the page ("* Indicates a required field"): never a term.
_FORM_FIELDS = re.compile(rf"\\?{_REQUIRED_FIELD}", re.I)


def _offer_banner(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """A shop's offer banner gone (or new) as a block between lines of the page's navigation:
    "**Free shipping!**", "Minimum purchase of $150 required to qualify for offer.", "Cannot be
    combined with other offers." A run of ``_OFFER_MIN`` to ``_OFFER_CLAUSES`` clauses removed (or
    added) together, more than half of them about an offer (``scope.is_offer``, the test of a
    shop's footnotes), with no heading among them but a shout ("Limited Time Only!") and a line of
    navigation or the page's edge right before or after it, advertises a deal of the shop's page:
    not its terms, whatever amount it names. A section of terms on promotions has a heading, and sits
    between clauses of terms; a watch-out in the run is read as usual. Also a removed (added)
    clause that is a form captured with the page (``_FORM_FIELDS``: "* Indicates a required field"),
    a contact form's fields are no term."""
    from tracker.analysis.diff import _split as clauses_of
    from tracker.analysis.scope import is_offer

    for kind, attr, text, side in (("removed", "old_index", old, "before"), ("added", "new_index", new, "after")):
        at = {getattr(c, attr): k for k, c in enumerate(changes) if c.kind == kind and getattr(c, attr) is not None}
        if not any(labels[k].material for k in at.values()):
            continue
        for i, k in at.items():
            lab = labels[k]
            if lab.material and not lab.watch_added and not lab.watch_removed and _FORM_FIELDS.search(
                    getattr(changes[k], side) or ""):
                labels[k] = _cosmetic("page-chrome", _COSMETIC_TEXT["page-chrome"], lab.facts_before, lab.facts_after)
        done: set[int] = set()
        for i in sorted(at):
            if i in done:
                continue
            lo, hi = i, i
            while hi + 1 in at:
                hi += 1
            done.update(range(lo, hi + 1))
            block = [at[j] for j in range(lo, hi + 1)]
            texts = [getattr(changes[m], side) or "" for m in block]
            if not _OFFER_MIN <= len(block) <= _OFFER_CLAUSES or 2 * sum(map(is_offer, texts)) <= len(block):
                continue
            if not any(labels[m].material for m in block) or any(
                    _is_heading(t) and not t.replace("*", "").rstrip().endswith("!") for t in texts):
                continue
            clauses = clauses_of(text)  # (the diff's own split, cached)
            # (the clause right before and after the run, on the same side: a line of navigation, or none)
            near = [clauses[j].text for j in (lo - 1, hi + 1) if 0 <= j < len(clauses)]
            if len(near) == 2 and not any(chrome_kind(t, words(t)) == "navigation" for t in near):
                continue
            for m in block:
                lab = labels[m]
                if lab.material and not lab.watch_added and not lab.watch_removed:
                    labels[m] = _cosmetic("page-chrome", _COSMETIC_TEXT["page-chrome"], lab.facts_before,
                                          lab.facts_after)


def _edge_chrome(changes: Sequence[Any], labels: list[ChangeLabel], old: str, new: str) -> None:
    """A header or footer captured with the terms and gone (or new) as a block: the clauses
    removed from the very end of the old version (added at the end of the new one) from its first
    line of page chrome on (a cookie banner, a copyright line, a line of links), and those at the
    very start up to its last one, are page chrome, whatever they say ("Strictly necessary
    cookies ...", "Download the app"). Needs a cookie banner or copyright line, or two lines of
    links, so that one link beside a removed section does not take the section with it."""
    from tracker.analysis.diff import _split as clauses_of

    for kind, attr, text, side, other in (("removed", "old_index", old, "before", "after"),
                                          ("added", "new_index", new, "after", "before")):
        at = {getattr(c, attr): k for k, c in enumerate(changes) if c.kind == kind and getattr(c, attr) is not None}
        reworded = {getattr(c, attr): k for k, c in enumerate(changes) if c.kind == "modified" and getattr(c, attr) is not None}
        if not at and not reworded:
            continue
        split = clauses_of(text)
        n = len(split)
        tail = list(range(n - 1, -1, -1))
        head = list(range(n))
        for run in (tail, head):
            block = []
            for i in run:
                if i in at:
                    block.append(at[i])
                elif i in reworded and _chrome_reworded(getattr(changes[reworded[i]], side) or "",
                                                        getattr(changes[reworded[i]], other) or ""):
                    block.append(reworded[i])
                elif not block and _chrome_clause(split[i].text) == "widget":
                    # (a widget's line kept at the very edge, "Your choices have been saved!", while
                    # the rest of the panel went: the panel is still at the edge)
                    continue
                else:
                    break
            if len(block) == n:
                continue  # the whole version: a new or a vanished document, not its chrome
            marks = [_chrome_clause(getattr(changes[k], side) or "") for k in block]
            if not {"strong", "widget"} & set(marks) and marks.count("weak") < 2:
                continue
            # (the block runs from the edge inwards: chrome from the edge to its innermost line,
            # as long as lines of chrome come at most _CHROME_GAP sentences apart, and sentences are
            # crossed only when a widget or copyright line is near either side: a section between two
            # lines of links, or before a line about cookie settings, is not chrome; titles, buttons
            # and other fragments do not count)
            last, gap = -1, 0
            for p, (k, m) in enumerate(zip(block, marks)):
                text = getattr(changes[k], side) or ""
                if m:
                    near = set(marks[max(0, last - 3):last + 1] + marks[p:p + 4])
                    if gap and ("widget" not in near or last < 0 and m != "widget") \
                            and not _banner_tail(block, marks, last, p, changes, side):
                        break  # (only a widget may follow sentences at the edge: a policy says "cookie settings")
                    last, gap = p, 0
                elif chrome_kind(text, words(text)) is None and not _is_heading(text) and (gap := gap + 1) > _CHROME_GAP:
                    break
            if last < 0:
                continue
            for k in block[:last + 1]:
                # (a line of the menu said as something else, "Only contact details changed" for a
                # product name, "Only the numbering changed" for a link: page chrome too; a date
                # stamp or an announcement keeps its own words)
                if labels[k].material or labels[k].cosmetic not in _CHROME_KEEPS:
                    labels[k] = _cosmetic("page-chrome", _COSMETIC_TEXT["page-chrome"], labels[k].facts_before,
                                          labels[k].facts_after)


_CHROME_KEEPS = ("page-chrome", "date-only", "announcement", "moved-unchanged")


_BANNER_TAIL = 2  # sentences of a cookie banner after its first line at most ("To learn more, ...", "By continuing, ...")


def _banner_tail(block: list[int], marks: list[str], last: int, p: int, changes: Sequence[Any], side: str) -> bool:
    """Whether the sentences of an edge block between positions ``last`` and ``p`` (both page
    chrome, ``_chrome_clause``) are the rest of a cookie banner: ``last`` is the banner's own line
    (a short cookie notice, "strong"), at most ``_BANNER_TAIL`` short sentences follow it (no
    amount, period or age: "To learn more, visit our Privacy Policy.", "By continuing to use this
    site, or closing this box, you consent to our use of cookies."), then chrome again (the page's
    menu). A banner is a block of its own at the page's edge; a policy's paragraph about cookie
    settings is not followed by the site's menu."""
    if last < 0 or marks[last] != "strong" or not 0 < p - last - 1 <= _BANNER_TAIL:
        return False
    first = getattr(changes[block[last]], side) or ""
    if chrome_kind(first, words(first)) != "cookie-banner":
        return False
    for k in block[last + 1:p]:
        text = getattr(changes[k], side) or ""
        if len(text.split()) > _BANNER_WORDS or _DIGIT.search(text) or _is_heading(text):
            return False
    return True


def version_categories(labels: Sequence[ChangeLabel], document: str = "", watch_outs: bool = True,
                       capped: bool = True) -> tuple[str, ...]:
    """A version's categories, from its material changes only.

    Each change votes for its categories with the log of how many content words it changed (a
    rewritten section outweighs a word slipped into a list), scaled by the square of each
    category's evidence relative to the change's best; a watch-out and a critical change weigh half as much again.
    The side topics of a change's words (``ChangeLabel.side``: the third or fourth topic of a
    rewritten section, under the change's own cut) vote the same way, with their smaller share.
    The categories with at least a third of the top vote are kept, three at most: a version
    tagged with fifteen categories tells a reader nothing, and a person summing up a new version
    names one to three topics (so do 98% of the hand labels of issue #11).

    ``document``: the new version's text. In a document mostly about one topic (a privacy policy:
    ``_DOMINANT`` of its topic words or more), a change is read as being about that topic: another
    category is kept only when it outvotes the document's own one ``_SIDE_TOPIC`` times (the
    dispute-resolution sentence of a privacy policy's data-transfer section is about privacy),
    except a kind of that topic (``_SUBTOPICS``: AI training in a privacy policy); and the
    document's own topic (more than ``_DOMINANT`` of its topic words) is named whenever a change
    has it as one of its own categories, even where the vote left it out and no kind of it
    (``_SUBTOPICS``) is kept (changes about the card details a privacy policy keeps outvote the
    one about who receives data: the version is still about privacy). A change that
    adds or removes a watch-out of its main topic (the taxonomy's terms to watch out for: "all
    disputes go to binding arbitration", "we may terminate your account at any time") always names
    that topic, beside a larger rewrite and in a document about another topic: it is the kind of
    change a reader looks for first, and the hand labels name it (the three-topic cut left out
    most of the categories they give to large rewrites). The browsewrap watch-out (acceptance)
    is left to the vote. ``watch_outs``: False leaves them to the vote too (the categories the
    learned category model was fitted on, ``category_model.version_categories``).
    Watch-outs included, a version names ``_MOST_NAMED`` categories at most, its most voted
    (a whole new text re-adds watch-outs of most topics; the hand labels of the dev sets name six
    or fewer for all but 10 of their 743 material pairs). ``capped``: False names every watch-out's
    category whatever their number (the learned model weighs each of them,
    ``category_model.version_categories``).
    Changes whose only category is "other" in a document of rules of use (its title, ``_RULES_TITLE``:
    "Acceptable Use Policy", "Community Guidelines") name usage-rules, and in a privacy policy
    (``_privacy_document``) name privacy.
    Returns the category ids in taxonomy order."""
    votes: dict[str, float] = {}
    watched: set[str] = set()  # the categories of the watch-outs the changes add or remove
    carried: set[str] = set()  # the changes' own categories (not their side topics)
    for label in labels:
        if not label.material or not label.categories:
            continue
        carried.update(label.categories)
        size = math.log(2 + label.size) * (1.5 if label.severity == "critical" else 1.0)
        ws = label.weights if len(label.weights) == len(label.categories) else (1.0,) * len(label.categories)
        top = max(ws) or 1.0
        watch = set(label.watch_added) | set(label.watch_removed)
        # (the watch-out of the change's own main topic, and AI training wherever it is; not the
        # browsewrap formula, "by using the site you agree", that every rewritten opening or
        # privacy policy says again)
        watched.update(c for c, w in zip(label.categories, ws)
                       if c in watch and (w >= top or c == "ai-training") and c not in ("other", "acceptance"))
        for c, rel in list(zip(label.categories, (w / top if w > 0 else 1.0 for w in ws))) + list(label.side):
            # squared: a change's side topic is not its topic; its words' side topics (a large
            # rewrite's third and fourth) count for a ninth to a quarter of a topic
            votes[c] = votes.get(c, 0.0) + size * rel * rel * (1.5 if c in watch else 1.0)
    # a power of the provider's that the version only takes away is left to the vote (``dropped_powers``)
    watched -= dropped_powers(labels)
    if len(votes) > 1:
        votes.pop("other", None)
    if not votes:
        return ()
    if set(votes) == {"other"} and document:
        # terms with no topic of their own in a document of rules of use are rules of use, as its
        # readers take them ("the policies below now apply to all use" in an acceptable use
        # policy, a new duty in community guidelines); elsewhere "other" stays (a new
        # contracting party, a new scope)
        if _RULES_TITLE.search(_title(document)):
            return ("usage-rules",)
        # ... and in a privacy policy, data terms (a new processor named, "Formstack: we use it to
        # collect feedback", is a new recipient of data): ``_privacy_document``
        if _privacy_document(document):
            return ("privacy",)
    best = max(votes.values())
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], CATEGORIES.index(kv[0])))
    kept = {c for c, v in ranked[:3] if v >= best / 3}
    if "ai-training" in watched:
        kept.add("ai-training")  # (named so, subject to the document's topic, before other watch-outs were)
    if document and (len(kept) > 1 or set(votes) - kept):
        profile = topic_profile(document)
        main = max(profile, key=lambda c: profile[c], default="")
        # (the document's topic also when the vote left it out: in a privacy policy, changes
        # about the card details kept outvote the one about who receives data, and are data
        # terms too; a change must carry the topic as its own, and the document be more than
        # evenly about it: a side topic, or one of two halves of a short text, is not its topic;
        # a kind of the topic kept, AI training in a privacy policy, already names it)
        if profile.get(main, 0.0) >= _DOMINANT and (main in kept or main in carried and profile[main] > _DOMINANT
                                                     and not any((main, c) in _SUBTOPICS for c in kept)):
            kept = {c for c in kept if votes[c] >= _SIDE_TOPIC * votes[main]
                    or (main, c) in _SUBTOPICS} | {main}
    # A new or dropped watch-out is named even beside a larger rewrite (one new sentence training
    # AI on the user's data, or sending disputes to arbitration, is what a reader looks for first).
    if watch_outs:
        kept |= watched | set(valued_categories(labels))
    if capped and len(kept) > _MOST_NAMED:
        # A rewrite that adds or drops watch-outs of many topics (every warranty disclaimer,
        # termination power and change clause of a whole new text) would name nearly the whole
        # taxonomy: its most voted topics are the ones a person summing it up names. AI training
        # added or dropped stays whatever its vote: one short new sentence is outvoted by every
        # section of a rewrite, and it is the change a reader looks for first.
        first = watched & {"ai-training"}
        kept = set(sorted(kept, key=lambda c: (c not in first, -votes.get(c, 0.0), CATEGORIES.index(c)))[:_MOST_NAMED])
    return _order(kept)


# The provider's own powers among the watch-outs (the CLAUDETTE "ter", "cr" and "ch" kinds): to
# suspend or terminate accounts, to remove content, to change the terms. A version that adds one is
# named for it whatever else it rewrites; one that only takes one away or softens it (a termination
# right struck out, "we may remove your posts" reworded as "we will only remove posts after review")
# gives the user back what the provider had: the hand labels of the newer dev sets (zzz and later,
# labelled as held-out data is) name none of the 10 such watch-outs the version's vote leaves out
# (termination 0 of 5, content removal 0 of 5; the category model let 3 of them stand). Other
# watch-outs taken away stay named (the labels name a dropped class-action waiver or indemnity).
_POWER_WATCH_OUTS = frozenset({"termination", "content-removal", "terms-changes"})


def dropped_powers(labels: Sequence[ChangeLabel]) -> set[str]:
    """The provider's powers (``_POWER_WATCH_OUTS``) that the material changes in ``labels`` only
    take away: a change removes the watch-out (``watch_removed``) among its own categories, and no
    material change adds one of that kind (``watch_added``). ``version_categories`` leaves them to
    the vote instead of naming them as watch-outs. Returns a set of category ids (empty when none)."""
    removed: set[str] = set()
    added: set[str] = set()
    for label in labels:
        if not label.material:
            continue
        added.update(label.watch_added)
        removed.update(c for c in label.watch_removed if c in label.categories)
    return (removed - added) & _POWER_WATCH_OUTS


VALUED_MAX = 10  # material changes of a version above which a value replaced names no topic of its own


def valued_categories(labels: Sequence[ChangeLabel]) -> tuple[str, ...]:
    """The own topics (their best-weighted category, "other" aside) of the material changes in
    ``labels`` that replace a value by another of its kind (``_value_replaced``: "a full refund
    within 14 days instead of 30", "$12 instead of $8", "the courts of Dublin" -> "of Cork"): what a
    person summing the version up names first, however few words it changed, so a version names
    them beside larger rewrites and watch-outs. None in a version of more than ``VALUED_MAX``
    material changes: a whole rewrite replaces values in clauses of most topics, and a person
    summing it up names its main ones (the vote). Returns category ids in taxonomy order."""
    found: set[str] = set()
    if sum(1 for label in labels if label.material) > VALUED_MAX:
        return ()
    for label in labels:
        if label.material and label.categories and _value_replaced(label):
            ws = label.weights if len(label.weights) == len(label.categories) else (1.0,) * len(label.categories)
            top = max(ws) or 1.0
            found.update(c for c, w in zip(label.categories, ws) if w >= top and c != "other")
    return _order(found)


def _value_replaced(label: ChangeLabel) -> bool:
    """Does ``label`` replace a fact's value (an amount, duration, court, party) by another of its kind?"""
    before, after = _significant(label.facts_before), _significant(label.facts_after)  # (not modality, negation)
    kinds = {k for k, _ in before} & {k for k, _ in after}
    return any({f for f in before if f[0] == k} != {f for f in after if f[0] == k} for k in kinds)


def _significant(facts: Sequence[Fact]) -> set[tuple[str, str]]:
    """The (kind, value) of the facts that carry a value (``_SIGNIFICANT``: an amount, a period, an age, a place)."""
    return {(f.kind, f.value) for f in facts if f.kind in _SIGNIFICANT}


# A category that is a kind of the document's own topic, not a side topic of it: AI use of data
# in a privacy policy is data use, and training AI on the content a licence covers ("... to use,
# copy and modify Your Content, including training our AI models") is a use of that content; the
# taxonomy names AI training on its own.
_SUBTOPICS = {("privacy", "ai-training"), ("content-rights", "ai-training")}


# The title of a document of rules of use (en/fr/de): "Acceptable Use Policy", "Community Standards",
# "Guidelines for representing your business", "Règles de la communauté", "Nutzungsrichtlinien".
_RULES_TITLE = re.compile(r"\b(?:acceptable use|(?:usage|use|content|programme|program|community|platform|"
                          r"conduct|abuse) (?:polic(?:y|ies)|guidelines|standards|rules)|guidelines|code of conduct|"
                          r"community standards|house rules|règles (?:de|d)|charte|règlement|"
                          r"\w*richtlinien|verhaltenskodex|nutzungsregeln|gemeinschaftsstandards)\b", re.I)


def _title(document: str) -> str:
    """The first line of ``document`` with a letter in it, without Markdown marks (its title)."""
    for line in document.splitlines()[:8]:
        if any(ch.isalpha() for ch in line):
            return line.strip(" #*_").strip()[:160]
    return ""


def _privacy_document(document: str) -> bool:
    """Whether ``document`` is mostly about privacy (its topic profile's largest share, at least
    ``_DOMINANT``: a privacy policy). ``version_categories`` names privacy for a version of it whose
    changes have no topic of their own ("other" alone): the hand labels of the dev sets call such a
    change in a privacy policy (a new processor named, "Formstack: used to collect the feedback you
    give") a privacy change, and "other" in none of the 7 dev pairs this decides (zzzzzzzzzzz, r-y,
    a-o: 2 named "other" alone before, 5 "other" beside privacy). Only privacy: a
    short text about one other topic (a membership's perks, a scope clause in terms mostly about
    conduct) is no document of that topic alone, and the labels call its untopical terms "other"."""
    profile = topic_profile(document)
    main = max(profile, key=lambda c: profile[c], default="")
    return main == "privacy" and profile[main] >= _DOMINANT


_MOST_NAMED = 6  # categories a version names at most, its watch-outs included
_DOMINANT = 0.5  # share of a document's topic words that makes it a document about one topic
_SIDE_TOPIC = 1.5

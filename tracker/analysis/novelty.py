"""What is really new in a clause: its words looked up in the whole other version.

Clause alignment pairs clauses one to one, but real pages move text around: paragraphs are
merged or split, a ``<br>`` or a lost space joins two sentences, a list becomes a paragraph, a
sentence moves to another section. Before any word is called added or removed it is looked up in
the *whole* other version, with links, markup, numbering, case, punctuation and spacing ignored.

A token of a clause is *covered* when some run of ``N`` consecutive tokens around it (fewer for
short clauses) also occurs in the other version; the tokens left uncovered are what the change
really added (on the new side) or removed (on the old side). A word glued to its neighbour
("thecollection") or split ("e mail") is covered when its parts are.

Pure functions of text; an index costs one pass over the document, and a few look-ups search its
joined tokens: its n-gram sets are built only when many look-ups of one length are made.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from tracker.text import HTML_TAG

__all__ = ["Token", "DocIndex", "tokenize", "novel_mask", "respelled", "canonical", "canonical_word", "unaccented"]

N = 5  # tokens per window: long enough that a window rarely recurs by chance

# Mis-decoded UTF-8 seen in extracted pages (quotes and dashes read as cp1252).
_MOJIBAKE = (("â€™", "’"), ("â€˜", "‘"), ("â€œ", "“"), ("â€\x9d", "”"), ("â€“", "–"), ("â€”", "—"),
             ("â€¦", "…"), ("Ã©", "é"), ("Ã¨", "è"), ("Ã¤", "ä"), ("Ã¶", "ö"), ("Ã¼", "ü"),
             ("ÃŸ", "ß"), ("Â ", " "), ("Â", ""))
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
# The tail of a link cut in two by a sentence split: '_](https://… "Title (V)")'.
_ORPHAN = re.compile(r'\]\((?:https?://|www\.|/|#)[^()\s]*(?:\s+"[^"]*")?\)')
# A bare domain name ("brevo.com/legal") reads like a link: renaming it changes no term.
_TLD = re.compile(r"\.(?:com|net|org|io|ai|co|fr|de|uk|eu|app|dev|me|tv|us|ca|ie|es|it|nl|be|ch|"
                  r"at|jp|in|au|br|info|biz|example)(?![\w\-])(?:/[^\s)\]]*)?", re.I)
_HOST = re.compile(r"(?<![\w@.\-])(?:[a-z0-9][a-z0-9\-]*\.)*[a-z0-9][a-z0-9\-]*$", re.I)
_ANCHOR = re.compile(r"\{#[^{}]*\}")  # pandoc attributes: "{#h.35nkun2 .anchor}"
# Cloudflare's "[email protected]" in place of an address, with or without its link.
_OBFUSCATED = (re.compile(r"\[[\w.+-]*\\?\[email(?:&#160;|\s)protected\\?\][\w.+-]*\]\([^()\s]*\)"),
               re.compile(r"[\w.+-]*\[?email(?:&#160;|\s)protected\]?"))
# What both of them need: a text saying "protected" without it (the plain word, common in privacy
# policies) is left alone without running them: the second starts with ``[\w.+-]*``, tried at
# every position and backtracking over each word (12 ms over a 100 kB policy).
_OBFUSCATED_CORE = re.compile(r"email(?:&#160;|\s)protected")
_URL = re.compile(r"(?:(?<![\w.+\-])[a-z][a-z0-9+.\-]{1,15}://|www\.)[^\s<>()\]]+|<mailto:[^>]+>", re.I)
_EMAIL_RIGHT = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_EMAIL_LEFT = re.compile(r"(?:mailto:)?[\w.+-]+$")
_PHONE = re.compile(r"(?=[+(\d])(?<![\w.,])\+?\(?\d{1,4}\)?(?:[ .\-/]\(?\d{1,8}\)?){2,5}(?![\w,])")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
# Markdown link reference definitions and the "[comment]: <> (...)" comment idiom: not text.
_REF_DEF = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_ESCAPE = re.compile(r"\\(?=[^\w\s])")
# Clause numbering at the start of a line: "5.7)", "12.", "(a)", "iv.", "Section 3:".
# Written from the line break before the line: the engine then tries it only at a line break
# found by its fast literal scan, not at every character (``_clean_lines`` puts one before the
# text and takes it off again); no match holds a line break of its own.
_LEAD = re.compile(
    r"\n[ \t]*(?:[#>|*_+\-][ \t]*)*(?:(?:section|article|art\.|clause|§)[ \t]*)?"
    r"(?:\d{1,3}(?:\.\d{1,3})+[.):]?|\d{1,3}[.):]|\(?[a-z]\)|\(?[ivxlc]{1,5}\)|[a-z]\.|\(\d{1,3}\))(?=[ \t])",
    re.I)
_WORD = re.compile(r"[^\W_]+")
# Placeholders: every e-mail address is the same word, and so is every phone number.
EMAIL_TOKEN, PHONE_TOKEN = "qqemailqq", "qqphoneqq"
PLACEHOLDERS = frozenset((EMAIL_TOKEN, PHONE_TOKEN))


LINK_OPEN, LINK_CLOSE = "\x02", "\x03"  # around link text in the cleaned text


class Token(NamedTuple):
    """One word of a clause: its comparison form, where it stands in the cleaned text, and
    whether it is the text of a link (a reader follows it; it states no term)."""

    norm: str
    start: int
    end: int
    link: bool = False


# A footnote marker glued to the word or the full stop it annotates ("purchase.[1]", "bestehen.[^2]",
# "off.(3)", "99.9%²"): a pointer to a note, not a word of the clause (NFKC would make "²" a "2").
# Each pattern starts with the mark's own first character and looks back at the one before it
# from there: a pattern that starts with a look-behind is tried at every position of the text
# (10x slower over whole versions), one that starts with a character class only where it occurs.
# Same matches as "(?<=[^\W\d_]|[.,;:%)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?!...)" and "(?<=[^\W\d_]|[.,;:%])(?:\[\^?\d{1,3}\]|...)".
_SUPERSCRIPT_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰](?<=(?:[^\W\d_]|[.,;:%)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰])[¹²³⁴⁵⁶⁷⁸⁹⁰]*(?![\w¹²³⁴⁵⁶⁷⁸⁹⁰])")
_FOOTNOTE_MARK = re.compile(r"(?:\[(?<=(?:[^\W\d_]|[.,;:%])\[)\^?\d{1,3}\]|\((?<=(?:[^\W\d_]|[.,;:%])\()\d{1,2}\))(?![\w(\[])")


def _clean(text: str) -> str:
    """The text a reader sees: link targets, URLs, escapes, HTML line breaks and mojibake gone."""
    return _clean_lines(_clean_spans(text))


def _clean_spans(text: str) -> str:
    """The first steps of _clean: those whose patterns can span lines."""
    if "Ã" in text or "â" in text or "Â" in text:
        for bad, good in _MOJIBAKE:
            text = text.replace(bad, good)
    if not text.isascii():
        text = _SUPERSCRIPT_MARK.sub("", text)
        text = unicodedata.normalize("NFKC", text)
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    if "[" in text or "(" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    if "protected" in text and _OBFUSCATED_CORE.search(text):
        for rx in _OBFUSCATED:
            text = rx.sub(f" {EMAIL_TOKEN} ", text)
    if "]:" in text:
        text = _REF_DEF.sub(" ", text)
    if "](" in text or "][" in text:
        link = f"{LINK_OPEN}\\1{LINK_CLOSE}"
        text = _ORPHAN.sub(" ", _REF_LINK.sub(link, _LINK.sub(link, _IMAGE.sub(link, text))))
    if "{#" in text:
        text = _ANCHOR.sub(" ", text)
    if "\\" in text:
        text = _ESCAPE.sub("", text)
    if "×" in text:
        text = text.replace("×", "x")
    return text


def _clean_lines(text: str) -> str:
    """The last steps of _clean: no match of theirs holds a line break, except "<mailto:...>"."""
    if "://" in text or "www." in text or "<mailto:" in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _emails(text)
    if "." in text:
        text = _domains(text)
    return _LEAD.sub("\n ", "\n" + text)[1:]


def _emails(text: str) -> str:
    """E-mail addresses as one placeholder word (found from their "@": scanning every position
    for an address costs more than the rest of the cleaning)."""
    out, pos = [], 0
    at = text.find("@")
    while at >= 0:
        if at < pos:
            at = text.find("@", at + 1)
            continue
        right = _EMAIL_RIGHT.match(text, at)
        left = _EMAIL_LEFT.search(text, max(pos, at - 80), at)
        if right and left:
            out.append(text[pos:left.start()])
            out.append(f" {EMAIL_TOKEN} ")
            pos = right.end()
        at = text.find("@", at + 1)
    out.append(text[pos:])
    return "".join(out)


def _domains(text: str) -> str:
    """Bare domain names ("brevo.com/legal") wrapped like link text."""
    out, pos = [], 0
    for m in _TLD.finditer(text):
        if m.start() < pos:
            continue
        host = _HOST.search(text, max(pos, m.start() - 80), m.start())
        if not host or host.start() == m.start():
            continue
        out.append(text[pos:host.start()])
        out.append(f"{LINK_OPEN}{text[host.start():m.end()]}{LINK_CLOSE}")
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=4096)  # (a clause and its tokens, a named tuple per word)
def tokenize(text: str) -> tuple[str, tuple[Token, ...]]:
    """(cleaned text, its word tokens): lowercased, NFKC, e-mail addresses and phone numbers as
    one placeholder token each, so a changed address reads as a contact detail."""
    clean = _phones(_clean(text))
    lower = clean.lower()
    if len(lower) != len(clean):  # (a few characters change length when lowercased)
        toks = [Token(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(clean)]
    else:
        toks = [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(lower)]
    if LINK_OPEN in clean:
        spans = [(m.start(), m.end()) for m in re.finditer("\x02[^\x02\x03]*\x03", clean)]
        toks = [t._replace(link=True) if any(a < t.start < b for a, b in spans) else t for t in toks]
    return clean, tuple(toks)


_DIGIT = re.compile(r"\d")


# What every phone number holds (a digit, a separator, digits, a separator, a digit): searched
# first, as it starts with a character class the engine skips ahead to; ``_PHONE`` starts with a
# look-ahead and is tried at every position (most stretches of a document hold a number, few a
# phone number).
_PHONE_CORE = re.compile(r"\d\)?[ .\-/]\(?\d{1,8}\)?[ .\-/]\(?\d")


def _phones(text: str) -> str:
    if not _DIGIT.search(text) or not _PHONE_CORE.search(text):
        return text
    return _PHONE.sub(lambda m: f" {PHONE_TOKEN} " if sum(ch.isdigit() for ch in m.group(0)) >= 7
                      and not _DATE_LIKE.fullmatch(m.group(0)) else m.group(0), text)


def words(text: str) -> list[str]:
    """The comparison tokens of ``text`` (lowercased words).

    The steps that can match across lines run on the whole text; the others, by far the most
    costly on a whole document, run on each stretch between empty lines and are cached: two
    versions of a document share nearly all of them. No match of theirs holds a line break (an
    "<mailto:...>" link may: then they run on the whole text), and what they look at around a
    match (a character before or after it, a line start) reads the same at an empty line as at
    the start or end of a text, so the tokens are those of the whole text."""
    text = _clean_spans(text)
    if "<mailto:" in text:
        return _WORD.findall(_phones(_clean_lines(text)).lower())
    out: list[str] = []
    for piece in text.split("\n\n"):
        out += _piece_words(piece)
    return out


@lru_cache(maxsize=4096)
def _piece_words(piece: str) -> tuple[str, ...]:
    # interned: the cache's 4,096 pieces hold ~200,000 words but a few thousand distinct ones
    # (each a string of its own otherwise: ~12 MB of a pool worker, ~3 MB interned)
    return tuple(map(sys.intern, _word_list(_phones(_clean_lines(piece)).lower())))


# ASCII characters that are no part of a word (``_WORD``: letters and digits), as spaces
_ASCII_NON_WORD = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})


def _word_list(text: str) -> list[str]:
    """``_WORD.findall(text)``; for ASCII text, whose words are its runs of letters and digits,
    by ``str.translate`` and ``str.split`` (about twice as fast over a whole document)."""
    return text.translate(_ASCII_NON_WORD).split() if text.isascii() else _WORD.findall(text)


# --- spelling variants, for comparison only -------------------------------------------------------
# One word spelled two ways ("licence"/"license", "organisation"/"organization", "cancelled"/
# "canceled", "e-mail"/"email") must not make a clause look new or removed: the n-gram look-ups
# below compare both versions in one canonical spelling. Never shown to anyone; both sides are
# mapped alike, so a canonical form need not be a real word, only never merge two words that mean
# different things. Rules by kind (British/American endings, doubled consonants, compounds written
# solid, hyphenated or spaced), not a list of pairs seen.
_SPELLING = [
    # -ise/-yse endings (organise, realisation, analysed): the stem keeps 3+ letters, so "rise",
    # "raise", "noise" stay as they are
    (re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"\1iz\2"),
    (re.compile(r"^([a-z]{2,})ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    # -our/-or (colour, behaviours, favourite, honoured); "your", "hour", "four", "pour" stay
    (re.compile(r"^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|ful|fully|less|hood|er|ers|al|ism)?$"), r"\1or\2"),
    # doubled l after an unstressed vowel (cancelled, labelling, counsellor, fulfil/fulfill,
    # instalment); a short stem ("filled", "spelled", "stalled") keeps its letters
    (re.compile(r"^([a-z]{3,}[aeiou])ll(ed|ing|er|ers|or|ors|ation|ations|ment|ments|s)?$"), r"\1l\2"),
    # -re/-er (centre, metres, litre, theatre, fibre)
    (re.compile(r"^(cent|met|kilomet|centimet|millimet|lit|theat|fib|calib|spect|lust|meag)re(s|d)?$"), r"\1er\2"),
    # -ence/-ense (licence, licenced, licencing, defence, offence, pretence)
    (re.compile(r"^(sub|)licenc(e|es|ed|ing|ee|ees|or|ors)$"), r"\1licens\2"),
    (re.compile(r"^(def|off|pret)enc(e|es)$"), r"\1ens\2"),
    (re.compile(r"^(catalog|dialog|analog)ue(s|d)?$"), r"\1\2"),
    (re.compile(r"^(acknowledg|judg|abridg)ement(s)?$"), r"\1ment\2"),
    (re.compile(r"^programme(s|d)?$"), r"program\1"),
    (re.compile(r"^enquir(y|ies|e|es|ed|ing)$"), r"inquir\1"),
    (re.compile(r"^ageing$"), "aging"),
    (re.compile(r"^whilst$"), "while"), (re.compile(r"^amongst$"), "among"),
]
# Two tokens written as one word elsewhere ("e-mail", "e mail" / "email"; "web site"; "on-line";
# "non-refundable" / "nonrefundable"; "sub-processor"; "per cent"): read as the one word.
_PREFIXES = {"e": re.compile(r"^(?:mail|mails|mailed|mailing|commerce|book|books|learning|signature|signatures|"
                            r"wallet|wallets|money|invoice|invoices|receipt|receipts|shop|newsletter|newsletters)$"),
             "non": re.compile(r"^[a-z]{4,}$"), "sub": re.compile(r"^process(?:or|ors|ing)$"),
             "web": re.compile(r"^(?:site|sites|page|pages)$"), "on": re.compile(r"^line$"),
             "per": re.compile(r"^cent$")}


# The tails of English contractions, split by the tokenizer at their apostrophe ("we'll" → "we",
# "ll"; "you're" → "you", "re"), read as the words they stand for: "we’ll report" is "we will
# report", "you’re authorized" is "you are authorized". Context-free and applied to both versions
# alike. A "not" ("don't", "can't") is left to ``respelled``: a negation is never looked up loosely.
_CONTRACTION_WORDS = {"ll": "will", "ve": "have", "re": "are", "m": "am"}


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """``word`` (a lowercased token) in the one spelling the comparisons use: 'licence' →
    'license', 'organisation' → 'organization', 'cancelled' → 'canceled', 'colour' → 'color',
    the tail of a contraction ("ll", "re") as the word it stands for ("will", "are"). Idempotent; a word no rule knows (and any word outside ASCII) is returned as it is."""
    if word in _CONTRACTION_WORDS:
        return _CONTRACTION_WORDS[word]
    if not word.isascii() or len(word) < 5:
        return word
    for rx, repl in _SPELLING:
        if rx.match(word):
            return rx.sub(repl, word)
    return word


def canonical(tokens: Sequence[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """The tokens in canonical spelling (``canonical_word``), two tokens of a compound written
    apart joined ("e", "mail" → "email"), and for each output token the range ``[start, end)``
    of input tokens it stands for."""
    size = len(tokens)
    if _PREFIXES.keys().isdisjoint(tokens):  # (the common case: no compound to join, one pass in C)
        return list(map(canonical_word, tokens)), list(zip(range(size), range(1, size + 1)))
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < size:
        t = tokens[i]
        rx = _PREFIXES.get(t)
        if rx is not None and i + 1 < size and rx.match(tokens[i + 1]):
            out.append(canonical_word(t + tokens[i + 1]))
            spans.append((i, i + 2))
            i += 2
            continue
        out.append(canonical_word(t))
        spans.append((i, i + 1))
        i += 1
    return out, spans


# The merges of ``canonical`` as one pattern over a whole text's tokens joined by spaces.
_MERGE = re.compile(" (?:" + "|".join(f"({re.escape(p)}) ({rx.pattern.strip('^$')})" for p, rx in _PREFIXES.items())
                    + ")(?= )")


def _merged(m: re.Match[str]) -> str:
    return " " + "".join(g for g in m.groups() if g)


def _canonical_tokens(tokens: list[str]) -> list[str]:
    """``canonical(tokens)[0]``, faster on a whole document (no spans, one pattern for the
    merges, one cached look-up per token)."""
    joined = " " + " ".join(tokens) + " "
    if any(f" {p} " in joined for p in _PREFIXES):
        joined = _MERGE.sub(_merged, joined)
    return list(map(canonical_word, joined.split()))


# A document's n-gram sets cost a pass over all its tokens each, while the usual change asks
# a handful of questions of them. Up to this many look-ups of one kind (one window length, or
# glued pairs) are answered by searching the document's tokens joined by spaces (C speed, no
# set); past it, the set is built once and answers the rest, so a rewritten document costs no
# more than before. The answers are the same either way (see ``_Windows``).
SCAN_LOOKUPS = 64


@dataclass
class DocIndex:
    """Every token of one document version, with n-gram look-ups built on demand."""

    tokens: list[str]
    _grams: dict[int, "_Windows"] = field(default_factory=dict)
    _glued: "_Glued | None" = None
    _vocab: set[str] | None = None
    _joined: str | None = None

    @classmethod
    def of(cls, text: str) -> "DocIndex":
        """The index of one version (the last few are kept: walking a history indexes each
        version twice, as the new side and then as the old one)."""
        return _index(text)

    def joined(self) -> str:
        """The tokens joined by single spaces, with a space before the first and after the last."""
        if self._joined is None:
            self._joined = " " + " ".join(self.tokens) + " "
        return self._joined

    def grams(self, n: int) -> "_Windows":
        """Every run of ``n`` consecutive tokens, for ``in`` tests with tuples of ``n`` tokens."""
        got = self._grams.get(n)
        if got is None:
            got = self._grams[n] = _Windows(self, n)
        return got

    def has(self, words: list[str] | tuple[str, ...]) -> bool:
        """Whether these consecutive tokens occur in the document (compared in canonical
        spelling, see ``canonical``)."""
        words = _canonical_tokens(list(words))
        return tuple(words) in self.grams(len(words)) if words else True

    def vocabulary(self) -> set[str]:
        """The document's distinct tokens, in canonical spelling (see ``canonical``)."""
        if self._vocab is None:
            self._vocab = set(self.tokens)
        return self._vocab

    def glued(self) -> "_Glued":
        """Two neighbouring tokens written without the space between them, for ``in`` tests."""
        if self._glued is None:
            self._glued = _Glued(self)
        return self._glued


class _Windows:
    """``tuple in windows``: whether that run of ``n`` tokens occurs in the document, as
    ``tuple in set(zip(*(tokens[k:] for k in range(n))))`` says.

    The first ``SCAN_LOOKUPS`` look-ups search " a b c " in the joined tokens instead: tokens are
    non-empty runs of word characters (never a space), so the needle can only match whole tokens,
    exactly ``n`` of them in a row. A needle that holds a space of its own goes to the set."""

    __slots__ = ("doc", "n", "left", "set")

    def __init__(self, doc: DocIndex, n: int) -> None:
        self.doc, self.n, self.left = doc, n, SCAN_LOOKUPS
        self.set: set[tuple[str, ...]] | None = None

    def __contains__(self, item: object) -> bool:
        if self.set is not None:  # (once built: most look-ups of a long diff)
            return item in self.set
        vocab = self.doc._vocab if type(self.doc) is DocIndex else None
        if vocab is not None and type(item) is tuple and not all(w in vocab for w in item):
            # a word the document never has: in no window of it. Answered from the vocabulary
            # (already built when both versions were indexed) without spending a search, so a
            # clause of new words no longer makes the whole n-gram set get built
            return False
        if self.left > 0 and type(item) is tuple and len(item) == self.n:
            needle = " ".join(item)
            if needle.count(" ") == self.n - 1:
                self.left -= 1
                return f" {needle} " in self.doc.joined()
        return item in self.built()

    def built(self) -> set[tuple[str, ...]]:
        """The n-gram set itself (built on first call)."""
        if self.set is None:
            t = self.doc.tokens
            self.set = set(zip(*(t[k:] for k in range(self.n))))
        return self.set


class _Glued:
    """``word in glued``: whether ``word`` is two neighbouring tokens written together, as
    ``word in {a + b for a, b in zip(tokens, tokens[1:])}`` says. The first look-ups (up to
    ``SCAN_LOOKUPS`` searches, one per place the word could be cut) search the joined tokens for
    " a b " (see ``_Windows``); then the set is built."""

    __slots__ = ("doc", "left", "set")

    def __init__(self, doc: DocIndex) -> None:
        self.doc, self.left = doc, SCAN_LOOKUPS
        self.set: set[str] | None = None

    def __contains__(self, item: object) -> bool:
        if self.set is not None:
            return item in self.set
        vocab = self.doc._vocab if type(self.doc) is DocIndex else None
        if vocab is not None and type(item) is str:
            # only a cut into two words of the document can be two neighbouring tokens: the others
            # are ruled out by the vocabulary (usually all of them) before any search
            cuts = [k for k in range(1, len(item)) if item[:k] in vocab and item[k:] in vocab]
            if not cuts:
                return False
            if len(cuts) <= self.left:
                self.left -= len(cuts)
                joined = self.doc.joined()
                return any(f" {item[:k]} {item[k:]} " in joined for k in cuts)
        elif type(item) is str and len(item) - 1 <= self.left and " " not in item:
            self.left -= max(0, len(item) - 1)
            joined = self.doc.joined()
            return any(f" {item[:k]} {item[k:]} " in joined for k in range(1, len(item)))
        if self.set is None:
            t = self.doc.tokens
            self.set = {a + b for a, b in zip(t, t[1:])}
        return item in self.set


def window(length: int) -> int:
    """Window size for a clause of ``length`` tokens: N, less for short clauses (a 4-word line
    is compared 3 words at a time, so one new word in it stays one new word)."""
    return max(1, min(N, length - 1 if length > 2 else length))


Glue = dict[str, tuple[str, str]]


def glued_words(doc: DocIndex, other: DocIndex) -> Glue:
    """Words of ``doc`` that are two neighbouring words of ``other`` written without the space
    between them ("wecollect" → ("we", "collect")): a lost space at a line break."""
    out: Glue = {}
    pairs = None
    vocab = other.vocabulary()
    for g in doc.vocabulary() - vocab:
        if len(g) < 4 or not g.isalpha():
            continue
        if pairs is None:
            pairs = other.grams(2)
        for k in range(1, len(g)):
            # (both halves words of ``other``, or no pair of its words: a set look-up, no search)
            if g[:k] in vocab and g[k:] in vocab and (g[:k], g[k:]) in pairs:
                out[g] = (g[:k], g[k:])
                break
    return out


def unglued(doc: DocIndex, glue: Glue) -> DocIndex:
    """``doc`` with its glued words also read as the two words they are (itself when there are
    none). Only the windows around glued words are added: the document is not indexed again."""
    if not glue:
        return doc
    return _Unglued(doc, glue)


class _Grams:
    """The n-gram set of a document plus the extra windows around its glued words."""

    __slots__ = ("base", "extra")

    def __init__(self, base: "_Windows", extra: set[tuple[str, ...]]) -> None:
        self.base, self.extra = base, extra

    def __contains__(self, item: object) -> bool:
        return item in self.base or item in self.extra


class _Unglued(DocIndex):
    """A DocIndex that also holds the windows a glued word makes once split."""

    def __init__(self, base: DocIndex, glue: Glue) -> None:
        super().__init__(base.tokens)
        self._base = base
        self._glue = glue
        self._at = [i for i, t in enumerate(base.tokens) if t in glue]
        self._views: dict[int, _Grams] = {}

    def grams(self, n: int) -> _Grams:  # type: ignore[override]
        view = self._views.get(n)
        if view is None:
            t, extra = self.tokens, set[tuple[str, ...]]()
            for i in self._at:
                parts, _ = _split_glued(t[max(0, i - n + 1):i + n], self._glue)
                extra.update(zip(*(parts[k:] for k in range(n))))
            view = self._views[n] = _Grams(self._base.grams(n), extra)
        return view

    def vocabulary(self) -> set[str]:
        if self._vocab is None:
            self._vocab = self._base.vocabulary() | {p for g in self._glue.values() for p in g}
        return self._vocab

    def glued(self) -> _Glued:
        return self._base.glued()


def _split_glued(tokens: list[str], glue: Glue) -> tuple[list[str], list[int]]:
    """Tokens with glued words split, and for each output token the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, t in enumerate(tokens):
        parts = glue.get(t)
        if parts:
            out.extend(parts)
            origin.extend((i, i))
        else:
            out.append(t)
            origin.append(i)
    return out, origin


def novel_mask(tokens: list[str], other: DocIndex, glue: Glue | None = None,
               only: list[bool] | None = None) -> list[bool]:
    """For each token, True when no window around it occurs in ``other`` (the token is new).
    ``glue``: this side's glued words, compared as the two words they are. ``only``: look only
    at these positions (the others are reported as not new): a long clause with a one-word
    edit needs a handful of lookups, not one per word."""
    canon, spans = canonical(tokens)
    if len(canon) != len(tokens) or canon != tokens:
        # compared in one spelling ("licence" and "license" are one word); each canonical token's
        # answer goes back to the tokens it stands for
        sub = [any(only[k] for k in range(a, b)) for a, b in spans] if only is not None else None
        mask = novel_mask(canon, other, glue, sub)
        out = [False] * len(tokens)
        for m, (a, b) in zip(mask, spans):
            for k in range(a, b):
                out[k] = m and (only is None or only[k])
        return out
    if glue and any(t in glue for t in tokens):
        parts, origin = _split_glued(tokens, glue)
        sub_only = [only[i] for i in origin] if only is not None else None
        mask = novel_mask(parts, other, only=sub_only)
        out = [False] * len(tokens)
        for m, i in zip(mask, origin):
            out[i] = out[i] or m
        return out
    size = len(tokens)
    if not size:
        return []
    n = window(size)
    grams = other.grams(n)
    last = size - n  # the last window start
    covered = [False] * size
    if only is None:
        for i in range(last + 1):
            if tuple(tokens[i:i + n]) in grams:
                for k in range(i, i + n):
                    covered[k] = True
        wanted: list[int] | range = range(size)
    else:
        wanted = [i for i, w in enumerate(only) if w]
        seen: dict[int, bool] = {}
        # (the next word too: the glue check below reads it)
        for p in sorted(set(wanted) | {i + 1 for i in wanted if i + 1 < size}):
            for i in range(max(0, p - n + 1), min(p, last) + 1):
                hit = seen.get(i)
                if hit is None:
                    hit = seen[i] = tuple(tokens[i:i + n]) in grams
                if hit:
                    covered[p] = True
                    break
    if all(covered[i] for i in wanted):
        return [False] * size
    vocab = other.vocabulary()
    for i in wanted:  # a lost or added space: "thecollection", "e mail"
        if covered[i]:
            continue
        if tokens[i] in other.glued():
            covered[i] = True
        elif i + 1 < size and not covered[i + 1] and tokens[i] + tokens[i + 1] in vocab:
            covered[i] = covered[i + 1] = True
    if only is not None:
        return [only[i] and not covered[i] for i in range(size)]
    return [not c for c in covered]


# --- the delta of one change ---------------------------------------------------------------------
@dataclass(frozen=True)
class Delta:
    """What one change really added and removed: indices of new tokens of ``after`` (``ins``)
    and of gone tokens of ``before`` (``dels``), and the replaced spans (old range, new range)."""

    before: tuple[Token, ...]
    after: tuple[Token, ...]
    before_text: str
    after_text: str
    dels: frozenset[int]
    ins: frozenset[int]
    replaced: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.ins and not self.dels

    def inserted(self) -> list[str]:
        return [self.after[i].norm for i in sorted(self.ins)]

    def deleted(self) -> list[str]:
        return [self.before[i].norm for i in sorted(self.dels)]

    def runs(self, side: str) -> list[tuple[int, int]]:
        """Runs of consecutive changed tokens on one side ("ins" or "dels"): [start, end)."""
        idx = sorted(self.ins if side == "ins" else self.dels)
        out: list[tuple[int, int]] = []
        for i in idx:
            if out and out[-1][1] == i:
                out[-1] = (out[-1][0], i + 1)
            else:
                out.append((i, i + 1))
        return out

    def run_text(self, side: str, run: tuple[int, int]) -> str:
        """A run as written (cleaned of markup and links)."""
        toks, text = (self.after, self.after_text) if side == "ins" else (self.before, self.before_text)
        return text[toks[run[0]].start:toks[run[1] - 1].end].replace(LINK_OPEN, "").replace(LINK_CLOSE, "")

    def run_words(self, side: str, run: tuple[int, int]) -> list[str]:
        toks = self.after if side == "ins" else self.before
        return [t.norm for t in toks[run[0]:run[1]]]

    def without(self, ins: set[int] | frozenset[int], dels: set[int] | frozenset[int]) -> "Delta":
        """The same delta with some tokens explained away (renames, spelling, dates)."""
        return Delta(self.before, self.after, self.before_text, self.after_text,
                     self.dels - frozenset(dels), self.ins - frozenset(ins), self.replaced)


@lru_cache(maxsize=4096)
def unaccented(word: str) -> str:
    """``word`` without its diacritics ("étre" → "etre"; "ß" and "æ" stay)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_UMLAUTS = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "æ": "ae", "œ": "oe"})


def _umlauts_spelled(word: str) -> str:
    """``word`` with German sharp s and umlauts (and the ligatures æ, œ) written out the way the
    old orthography or an ASCII keyboard writes them: "daß" and "dass", "Gebühr" and "Gebuehr"
    are one word."""
    return word.translate(_UMLAUTS)


# Words that negate on their own, some one letter away from a word that does not ("never" /
# "ever", "neither" / "either", "nothing" / "noting", "niemals" / "niemand" is no pair).
_NEGATING = frozenset("""never neither nothing nobody nowhere none cannot jamais aucun aucune
personne rien niemals nichts niemand keine keiner keinen keinem""".split())


def spelling_variant(a: str, b: str) -> bool:
    """'licence'/'license', 'programmes'/'programs', 'fulfilment'/'fulfillment', 'être'/'étre': the
    same word spelled another way (accents alone never make two words differ). A prefix that negates ('lawful'/'unlawful') is not spelling."""
    if a == b:
        return True
    if not (a.isalpha() and b.isalpha()):
        return False
    if not (a.isascii() and b.isascii()) and (unaccented(a) == unaccented(b) or _umlauts_spelled(a) == _umlauts_spelled(b)):
        return True  # an accent added, dropped or mistyped: "être"/"étre", "deja"/"déjà"; "daß"/"dass"
    if min(len(a), len(b)) < 4:
        return False
    if (a in _NEGATING) != (b in _NEGATING):
        return False  # "ever" / "never", "either" / "neither": a negation came or went, not a spelling
    short, long_ = sorted((a, b), key=len)
    if long_.endswith(short) and long_[:len(long_) - len(short)] in ("un", "non", "in", "im", "ir",
                                                                       "il", "dis", "de", "a"):
        return False
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _mangled(a: str, b: str) -> bool:
    """Whether two runs of words, joined, are the same letters spaced otherwise, or differ by one
    character outside ASCII that one of them has in more: a character mangled by a wrong encoding ("l’expédition" captured as
    "léexpédition", "55€" as "55é", "l’«" as "lé«"). Never a digit, and never a word of two or three
    letters ("ne" / "né")."""
    if a == b:
        return True  # the same letters spaced otherwise: "d roit" for "droit", a capture's noise
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    if not short or not short.isdigit() and len(long_) < (2 if len(short) == 1 else 4):
        return False  # ("l’«" captured as "lé«": a lone letter and the mangled character)
    k = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    extra = long_[k]
    return not extra.isascii() and not extra.isdigit() and long_[:k] + long_[k + 1:] == short


# The informal and the formal "you" in French and German ("tu peux" / "vous pouvez", "du kannst" /
# "Sie können"), with the verb forms that differ by more than their spelling: one person either way.
_PERSON = [frozenset(g.split()) for g in (
    "vous tu", "vous te", "vous toi", "votre ton ta", "vos tes", "vôtre tien tienne", "vôtres tiens tiennes",
    "pouvez peux", "voulez veux", "devez dois", "êtes es", "avez as", "allez vas", "faites fais",
    "dites dis", "recevez reçois", "acceptez acceptes", "sie du", "ihnen dir", "ihr dein", "ihre deine",
    "ihren deinen", "ihrem deinem", "ihrer deiner", "ihres deines", "können kannst", "haben hast",
    "sind bist", "müssen musst", "dürfen darfst", "werden wirst", "möchten möchtest", "wollen willst",
    "sollten solltest", "sollen sollst", "wissen weißt", "sie dich")]
_PERSON_OF = {w: i for i, g in enumerate(_PERSON) for w in g}


def same_person(a: str, b: str) -> bool:
    """Whether two words are the formal and informal forms of one word of address ("vous" /
    "tu", "votre" / "ton", "pouvez" / "peux", "Sie" / "du", "Ihr" / "dein"): a text that switched
    from one register to the other says the same to the same reader."""
    if a == b:
        return True
    ga = [i for i, g in enumerate(_PERSON) if a in g] if a in _PERSON_OF else []
    return bool(ga) and any(b in _PERSON[i] for i in ga)


# Contractions as the tokens they split into ("don't" → "don", "t"), and what they stand for.
_CONTRACTED = {("can", "t"): ("cannot",), ("won", "t"): ("will", "not"), ("shan", "t"): ("shall", "not"),
               ("ll",): ("will",), ("re",): ("are",), ("ve",): ("have",), ("m",): ("am",)}
_NOT_STEMS = frozenset("do does did is are was were has have had could would should must need".split())


def _expanded(tokens: list[str]) -> list[str]:
    """Tokens with contractions written out ("don", "t" → "do", "not"; "we", "ll" → "we", "will";
    "can not" → "cannot"), to compare two wordings."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        if (t, nxt) in _CONTRACTED:
            out.extend(_CONTRACTED[(t, nxt)])
            i += 2
        elif nxt == "t" and t.endswith("n") and t[:-1] in _NOT_STEMS:
            out.extend((t[:-1], "not"))
            i += 2
        elif t == "can" and nxt == "not":
            out.append("cannot")
            i += 2
        elif (t,) in _CONTRACTED and i:
            out.extend(_CONTRACTED[(t,)])
            i += 1
        else:
            out.append(t)
            i += 1
    return out


def respelled(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether the normalised words ``new`` are ``old`` spelled another way: word for word
    spelling variants ("aplication" → "application", ``spelling_variant``) or contractions
    written out or in ("do not" → "don't"), the same person addressed otherwise ("vous" → "tu",
    ``same_person``), or letters a capture mangled or spaced out ("léexpédition", "d roit")."""
    return (len(old) == len(new) and all(spelling_variant(a, b) or same_person(a, b) for a, b in zip(old, new))
            or _expanded(list(old)) == _expanded(list(new))
            or _mangled("".join(old), "".join(new))
            or _same_legal_form(old, new))


# A company's legal form written out and abbreviated ("Société Anonyme" / "SA", "Gesellschaft mit
# beschränkter Haftung" / "GmbH", "Limited" / "Ltd"): the same company, the same form.
_LEGAL_FORMS = {
    ("société", "anonyme"): "sa", ("société", "par", "actions", "simplifiée"): "sas",
    ("société", "par", "actions", "simplifiée", "unipersonnelle"): "sasu",
    ("société", "à", "responsabilité", "limitée"): "sarl", ("société", "en", "commandite", "par", "actions"): "sca",
    ("société", "européenne"): "se", ("societas", "europaea"): "se",
    ("gesellschaft", "mit", "beschränkter", "haftung"): "gmbh", ("aktiengesellschaft",): "ag",
    ("kommanditgesellschaft",): "kg", ("unternehmergesellschaft",): "ug",
    ("sociedad", "anónima"): "sa", ("sociedad", "limitada"): "sl",
    ("sociedad", "de", "responsabilidad", "limitada"): "srl", ("società", "per", "azioni"): "spa",
    ("società", "a", "responsabilità", "limitata"): "srl",
    ("limited",): "ltd", ("incorporated",): "inc", ("corporation",): "corp",
    ("limited", "liability", "company"): "llc", ("limited", "liability", "partnership"): "llp",
    ("public", "limited", "company"): "plc", ("proprietary", "limited"): "ptyltd",
    ("besloten", "vennootschap"): "bv", ("naamloze", "vennootschap"): "nv",
}
_FORM_ABBREVIATIONS = frozenset(_LEGAL_FORMS.values())


def _legal_form_of(run: Sequence[str]) -> str | None:
    """The abbreviation of the legal form ``run`` (normalised words) spells, written out or
    abbreviated ("société anonyme", "s a", "sa" → "sa"); None when it is no legal form."""
    if tuple(run) in _LEGAL_FORMS:
        return _LEGAL_FORMS[tuple(run)]
    joined = "".join(run)
    return joined if joined in _FORM_ABBREVIATIONS else None


def _same_legal_form(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether ``old`` and ``new`` are one legal form, one written out and one abbreviated."""
    form = _legal_form_of(old)
    return form is not None and tuple(old) != tuple(new) and form == _legal_form_of(new)


def delta(before: str | None, after: str | None, old: DocIndex, new: DocIndex,
          glue_old: Glue | None = None, glue_new: Glue | None = None) -> Delta:
    """The delta of one clause change against the whole other versions (see the module doc).

    For a pair of clauses a token is changed only when it is both new to the other version and
    outside the words the two clauses share (their word diff)."""
    from difflib import SequenceMatcher

    b_text, b_tok = tokenize(before) if before else ("", ())
    a_text, a_tok = tokenize(after) if after else ("", ())
    bn, an = [t.norm for t in b_tok], [t.norm for t in a_tok]
    replaced: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if bn and an:
        eb, ea = [False] * len(bn), [False] * len(an)
        ops = SequenceMatcher(None, bn, an, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                continue
            for k in range(i1, i2):
                eb[k] = True
            for k in range(j1, j2):
                ea[k] = True
            if tag == "replace":
                replaced.append(((i1, i2), (j1, j2)))
        mb = novel_mask(bn, new, glue_old, eb) if any(eb) else [False] * len(bn)
        ma = novel_mask(an, old, glue_new, ea) if any(ea) else [False] * len(an)
        for tag, i1, i2, j1, j2 in ops:
            # a phrase cut from (or put into) a sentence that the other version says elsewhere, but
            # fewer times: taken out of this sentence, not moved ("apply when using X{- with a
            # personal account-}" while another clause still says "with a personal account")
            if tag == "delete" and not any(mb[i1:i2]) and _said_less(b_text, b_tok, i1, i2, old, new):
                mb[i1:i2] = [True] * (i2 - i1)
            elif tag == "insert" and not any(ma[j1:j2]) and _said_less(a_text, a_tok, j1, j2, new, old):
                ma[j1:j2] = [True] * (j2 - j1)
        for (i1, i2), (j1, j2) in replaced:  # one word spelled another way is no change
            if respelled(bn[i1:i2], an[j1:j2]) or _same_action(bn, an, (i1, i2), (j1, j2)) \
                    or same_meaning(bn[i1:i2], an[j1:j2]):
                for i in range(i1, i2):
                    mb[i] = False
                for j in range(j1, j2):
                    ma[j] = False
        for tag, i1, i2, j1, j2 in ops:  # a legal doublet said in full or in part: no change
            if tag != "equal" and (any(mb[i1:i2]) or any(ma[j1:j2])) and doublet_window(bn, an, (i1, i2), (j1, j2)):
                mb[i1:i2] = [False] * (i2 - i1)
                ma[j1:j2] = [False] * (j2 - j1)
        if any(mb) or any(ma):
            _same_amounts(b_text, b_tok, mb, a_text, a_tok, ma)
    else:
        mb, ma = novel_mask(bn, new, glue_old), novel_mask(an, old, glue_new)
    return Delta(b_tok, a_tok, b_text, a_text,
                 frozenset(i for i, m in enumerate(mb) if m),
                 frozenset(i for i, m in enumerate(ma) if m), tuple(replaced))


# One action of an interface named two ways: "log in" / "sign in", "logging out" / "signing out".
_SIGN = {"log": "sign", "logs": "signs", "logged": "signed", "logging": "signing"}
_PARTICLES = frozenset("in into out off on".split())


def _same_action(bn: list[str], an: list[str], old: tuple[int, int], new: tuple[int, int]) -> bool:
    """Whether the replaced word ``bn[old]`` → ``an[new]`` is "log" for "sign" (or back) before the
    same particle ("logging out" → "signing out"): the same step named otherwise, no change."""
    (i1, i2), (j1, j2) = old, new
    if i2 - i1 != 1 or j2 - j1 != 1 or i2 >= len(bn) or j2 >= len(an):
        return False
    a, b = bn[i1], an[j1]
    return (_SIGN.get(a) == b or _SIGN.get(b) == a) and bn[i2] == an[j2] and bn[i2] in _PARTICLES


# Words and phrases put for one another with no change of meaning in terms documents ("other
# sites" → "other websites", "ads" → "adverts", "utilise" → "use", "prior to" → "before"): plain
# English for legal English, or one country's word for another's. Each group is one meaning; a
# word is listed with its plural or verb forms, each form in a group of its own, so that "ads" →
# "advert" (one for many) stays a change. No word of scope, party, value, modality or negation
# ("may", "will", "all", "any", "only", "personal", "paid", "not") belongs here: those changes are
# terms. Both sides are read in canonical spelling first (``canonical_word``).
_SAME_MEANING = [tuple(tuple(p.split()) for p in g.split("|")) for g in (
    "site|website|web site", "sites|websites|web sites",
    "ad|advert|advertisement", "ads|adverts|advertisements",
    "app|application", "apps|applications",
    "use|utilize|make use of", "uses|utilizes|makes use of", "used|utilized", "using|utilizing",
    "before|prior to", "buy|purchase", "buys|purchases", "bought|purchased", "buying|purchasing",
    "help|assist", "helps|assists", "helping|assisting", "get|obtain", "gets|obtains", "getting|obtaining",
    "start|begin|commence", "starts|begins|commences", "started|begun|commenced",
    "about|regarding|concerning", "through|via", "make sure|ensure", "so that|in order that", "to|in order to",
    # a promise not to act said with another negation ("We do not sell" → "We never sell", nu44): a
    # prohibition on the user ("you may not") or a permission is no such word and stays a change
    "do not|does not|never|will not|wo not|will never|shall not|shall never",
)]
_MEANING_OF = {phrase: n for n, group in enumerate(_SAME_MEANING) for phrase in group}
_LONGEST_PHRASE = max(len(p) for p in _MEANING_OF)


def _meanings(run: Sequence[str]) -> list[str | int]:
    """``run`` (canonical words) with each phrase of ``_SAME_MEANING`` read as its group's number,
    longest phrase first; other words kept as they are."""
    out: list[str | int] = []
    i = 0
    while i < len(run):
        for size in range(min(_LONGEST_PHRASE, len(run) - i), 0, -1):
            group = _MEANING_OF.get(tuple(run[i:i + size]))
            if group is not None:
                out.append(group)
                i += size
                break
        else:
            out.append(run[i])
            i += 1
    return out


def same_meaning(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether the normalised words ``new`` say ``old`` with words of the same meaning
    (``_SAME_MEANING``: "sites" → "websites", "ads" → "adverts", "prior to" → "before"), the other
    words the same or spelled another way (``spelling_variant``). False when nothing was put for
    anything (both runs read the same already, or either is empty). Raises nothing."""
    if not old or not new or list(old) == list(new):
        return False
    a, b = _meanings(_canonical_tokens(list(old))), _meanings(_canonical_tokens(list(new)))
    if len(a) != len(b) or a == [w for w in a if isinstance(w, str)] and b == [w for w in b if isinstance(w, str)]:
        return False
    return all(x == y if isinstance(x, int) or isinstance(y, int) else spelling_variant(x, y) for x, y in zip(a, b))


# Legal doublets and triplets whose words mean one thing ("replaces and supersedes", "null and
# void", "any and all"), and the ways of saying that a list is open ("including", "including without
# limitation", "such as"). Each entry is (its full forms, its short forms): a full form said for
# another full form or for one of its short forms is no change; two short forms are never read as
# one another ("any" → "all" and "terms" → "conditions" stay changes), and a word beside a doublet
# is read as it is ("represent" → "represent and warrant", "suspend" → "suspend and terminate",
# "including" → "limited to": none listed, all stay changes). Read in canonical spelling.
def _doublets(full: str, short: str = "") -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    return tuple(tuple(p.split()) for p in full.split("|")), tuple(tuple(p.split()) for p in short.split("|") if p)


_DOUBLETS = (
    _doublets("replace and supersede|supersede and replace", "replace|supersede"),
    _doublets("replaces and supersedes|supersedes and replaces", "replaces|supersedes"),
    _doublets("replaced and superseded|superseded and replaced", "replaced|superseded"),
    _doublets("null and void", "void"), _doublets("any and all|all and any", "any|all"),
    _doublets("each and every", "each|every"), _doublets("terms and conditions", "terms|conditions"),
    _doublets("full and final", "full|final"), _doublets("due and payable", "due|payable"),
    _doublets("sole and exclusive", "sole|exclusive"),
    _doublets("acknowledge and agree|agree and acknowledge", "acknowledge|agree"),
    _doublets("acknowledges and agrees|agrees and acknowledges", "acknowledges|agrees"),
    _doublets("true and correct|true and accurate", "true|correct|accurate"),
    _doublets("fit and proper", "fit|proper"), _doublets("cease and desist", "cease|desist"),
    _doublets("by and between", "by|between"), _doublets("made and entered into", "made|entered into"),
    _doublets("force and effect", "force|effect"), _doublets("unless and until", "unless|until"),
    _doublets("including|including without limitation|including but not limited to|including but without "
              "limitation|including without being limited to|including among other things|such as"),
    _doublets("include|include without limitation|include but are not limited to|include but not limited to"),
    _doublets("includes|includes without limitation|includes but is not limited to|includes but not limited to"),
)
_DOUBLET_FULL = {phrase: n for n, (full, _) in enumerate(_DOUBLETS) for phrase in full}
_DOUBLET_SHORT: dict[tuple[str, ...], set[int]] = {}
for _n, (_, _short) in enumerate(_DOUBLETS):
    for _phrase in _short:
        _DOUBLET_SHORT.setdefault(_phrase, set()).add(_n)
_DOUBLET_CONTEXT = max(len(p) for p in _DOUBLET_FULL) - 1  # words of context a window may take


# The forms of "including" (the last three entries of ``_DOUBLETS``): words that leave a list open.
_LIST_OPENERS = frozenset(p for full, _ in _DOUBLETS[-3:] for p in full)


def opens_list(run: Sequence[str]) -> bool:
    """Whether the normalised words ``run`` are a form of "including" that leaves the list after it
    open ("including", "including but not limited to", "such as", "includes without limitation")."""
    return tuple(_canonical_tokens(list(run))) in _LIST_OPENERS


def _same_doublet(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether ``old`` and ``new`` (canonical words) are one doublet said in full for another of its
    full forms or for one of its short forms (``_DOUBLETS``)."""
    g, h = _DOUBLET_FULL.get(old), _DOUBLET_FULL.get(new)
    return old != new and (g is not None and (g == h or g in _DOUBLET_SHORT.get(new, ()))
                           or h is not None and h in _DOUBLET_SHORT.get(old, ()))


def doublet_window(bn: Sequence[str], an: Sequence[str], old: tuple[int, int],
                   new: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The windows ((old start, end), (new start, end)) around one change of a word diff
    (``bn[old]`` → ``an[new]``, either side may be empty) that say one legal doublet or one "including"
    both ways ("replaces" → "replaces and supersedes", "including" → "including without
    limitation", "null and void" → "void"): the change widened by the same words on both sides
    until both read as a phrase of ``_DOUBLETS``. None when no window does. Raises nothing."""
    (i1, i2), (j1, j2) = old, new
    if i2 - i1 > _DOUBLET_CONTEXT + 1 or j2 - j1 > _DOUBLET_CONTEXT + 1:
        return None
    for a in range(_DOUBLET_CONTEXT + 1):
        if a > min(i1, j1) or a and canonical_word(bn[i1 - a]) != canonical_word(an[j1 - a]):
            break
        for b in range(_DOUBLET_CONTEXT + 1 - a):
            if i2 + b > len(bn) or j2 + b > len(an) or b and canonical_word(bn[i2 + b - 1]) != canonical_word(an[j2 + b - 1]):
                break
            if _same_doublet(tuple(_canonical_tokens(list(bn[i1 - a:i2 + b]))),
                             tuple(_canonical_tokens(list(an[j1 - a:j2 + b])))):
                return (i1 - a, i2 + b), (j1 - a, j2 + b)
    return None


def _same_amounts(b_text: str, b_tok: Sequence[Token], mb: list[bool],
                  a_text: str, a_tok: Sequence[Token], ma: list[bool]) -> None:
    """Unmark (in ``mb`` / ``ma``, in place) the changed tokens that only write an amount of money
    another way, when both clauses name the same amounts in the same order ("USD 100" → "US$100",
    "10 €" → "EUR 10", "1.000,00 €" → "€1,000"): a notation, not a change of terms. Amounts that
    differ (another value or currency) stay changed, all of them."""
    from tracker.analysis.facts_eu import money_spans

    if not (_DIGIT.search(b_text) and _DIGIT.search(a_text)):
        return
    before, after = money_spans(b_text), money_spans(a_text)
    if not before or [v for _, _, v in before] != [v for _, _, v in after]:
        return
    for text_spans, toks, mask in ((before, b_tok, mb), (after, a_tok, ma)):
        for k, t in enumerate(toks):
            if mask[k] and any(a <= t.start < b for a, b, _ in text_spans):
                mask[k] = False


_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")


def _said_less(text: str, toks: tuple[Token, ...], a: int, b: int, own: DocIndex, other: DocIndex) -> bool:
    """Whether the phrase ``toks[a:b]`` (4 to 12 words inside one sentence of ``text``) occurs
    fewer times in the ``other`` version than in its ``own``: one of its occurrences went, so
    finding it elsewhere does not make it moved. Whole sentences are left to the restatement
    rules (a duplicate sentence kept once is still said)."""
    if not 4 <= b - a <= 12 or _SENTENCE_END.search(text[toks[a].start:toks[b - 1].end]):
        return False
    needle = " " + " ".join(_canonical_tokens([t.norm for t in toks[a:b]])) + " "
    return other.joined().count(needle) < own.joined().count(needle)


@lru_cache(maxsize=4)
def _index(text: str) -> DocIndex:
    return DocIndex(canonical_words(text))


def canonical_words(text: str) -> list[str]:
    """``_canonical_tokens(words(text))``, from each stretch between empty lines's own canonical
    tokens (cached, as ``words`` caches their words): the new version of a pair then costs only
    its changed stretches, not a second pass over all its tokens. A merge of two tokens
    (``_MERGE``: "e" + "mail") never spans a stretch's end unless the last token of one is a
    merge's first word and the next stretch begins with its second: then the whole text is done
    at once, as before."""
    text = _clean_spans(text)
    if "<mailto:" in text:
        return _canonical_tokens(_WORD.findall(_phones(_clean_lines(text)).lower()))
    out: list[str] = []
    last = ""  # the last word so far (before canonical spelling)
    for piece in text.split("\n\n"):
        first, end, canon = _piece_canonical(piece)
        if not first:
            continue  # (no word)
        rx = _PREFIXES.get(last)
        if rx is not None and rx.match(first):
            out = []
            for piece in text.split("\n\n"):
                out += _piece_words(piece)
            return _canonical_tokens(out)
        out += canon
        last = end
    return out


@lru_cache(maxsize=4096)
def _piece_canonical(piece: str) -> tuple[str, str, tuple[str, ...]]:
    """(first word, last word, the words in canonical spelling) of a stretch between empty
    lines; ("", "", ()) for one without a word."""
    found = _piece_words(piece)
    if not found:
        return "", "", ()
    if _PREFIXES.keys().isdisjoint(found):  # (no compound to join: ``_canonical_tokens`` without its join)
        return found[0], found[-1], tuple(map(sys.intern, map(canonical_word, found)))
    return found[0], found[-1], tuple(map(sys.intern, _canonical_tokens(list(found))))

"""Faster paths of the analysis give the answers of the plain ones (perf29).

Each speed-up here is a shortcut that must not change an answer: the tail search of
``_is_lead_in``, the look-ahead of the sentence cuts, the vocabulary checks before an n-gram or a
glued-word look-up. Texts are invented (fictional services), plus generated strings of the
characters the shortcuts turn on.
"""

from __future__ import annotations

import random
import re

import pytest

from tracker.analysis import materiality, restating
from tracker.analysis.novelty import SCAN_LOOKUPS, DocIndex, glued_words

LEAD_INS = [
    "Zorblax collects the following:",
    "Zorblax collects the following data :  \n",
    "The data we keep includes",
    "Examples of such data are.",
    "The purposes may include, but are not limited to;",
    "The following list gives each Quillmate subprocessor and its country.",
    "Those partners are listed below and may change.",
    "Nous partageons les données suivantes.",
    "Les prestataires énumérés ci-dessous traitent vos données.",
    "Wir erheben die folgenden Daten",
    "Die unten aufgeführt Anbieter erhalten Daten.",
    "Wir verarbeiten nachfolgenden:",
    "Daten, die wir erheben：",
    "Zorblax stores your files for 30 days.",
    "Zorblax may collect the data listed in Section 4.",
    "unfollowing:",  # a word ending a longer one: still the colon
    "Xincludes",  # no word boundary before "includes"
    "This is",
    "",
    "   ",
    "Quillmate's FOLLOWING",
    "Quillmate collects ſuch as",  # long s: case-folded by re.I, not by str.lower
    "Quillmate TOOK FOLLOWıNG steps",  # dotless i: matched by the pattern's case rule only
]


def _plain_lead_in(text: str) -> bool:
    return bool(materiality._LEAD_END.search(text))


@pytest.mark.parametrize("text", LEAD_INS)
def test_is_lead_in_answers_as_the_whole_search(text: str) -> None:
    assert materiality._is_lead_in.__wrapped__(text) == _plain_lead_in(text)


def test_is_lead_in_on_generated_tails() -> None:
    """Endings built from the pattern's words, spaces, punctuation and word characters before
    them: the tail search finds what the whole search finds."""
    rng = random.Random(29)
    words = ["following", "include", "includes", "such as", "are", "is", "limited to", "sont",
             "nachstehenden", "nachfolgenden", "comprennent", "gehören", "listed below", "FOLLOWING"]
    fillers = ["", " ", "  ", "\n", "\t", ":", ".", ";", "：", "x", "é", " a", "Zorblax "]
    seen = {True: 0, False: 0}
    for _ in range(4000):
        text = "".join(rng.choice(fillers) for _ in range(rng.randint(0, 3)))
        text += rng.choice(words)
        text += "".join(rng.choice(fillers) for _ in range(rng.randint(0, 4)))
        want = _plain_lead_in(text)
        assert materiality._is_lead_in.__wrapped__(text) == want, text
        seen[want] += 1
    assert seen[True] > 100 and seen[False] > 100  # both answers were exercised


def test_lead_literals_cover_the_alternatives_not_at_the_end() -> None:
    """An alternative of ``_LEAD_END`` not anchored at the end holds one of ``_LEAD_LITERALS``
    (else the tail search would miss its matches)."""
    for alt in ("the following list", "shown below", "les données suivantes", "die folgenden",
                "listées ci-dessous", "nachstehend genannt", "unten aufgeführt"):
        text = f"Zorblax says {alt} in the middle of a sentence here"
        assert _plain_lead_in(text), alt
        assert materiality._LEAD_LITERAL.search(text), alt
        assert materiality._is_lead_in.__wrapped__(text)


def _old_sentence_cut() -> re.Pattern[str]:
    return re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")


def _old_restating_sentence() -> re.Pattern[str]:
    return re.compile(r"(?<=[.!?;])\s+|\s*\n\s*|\s*<br\s*/?>\s*", re.I)


def test_sentence_cuts_are_the_plain_patterns_cuts() -> None:
    rng = random.Random(2929)
    alphabet = " \n\t\r.;!?a<br/>BR\xa0x"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    texts += ["Quillmate keeps logs. It deletes them;  then\n\n* it says so<br/>and <BR >stops!  \n"]
    old_cut, old_sentence = _old_sentence_cut(), _old_restating_sentence()
    for text in texts:
        assert materiality._SENTENCE_CUT.split(text) == old_cut.split(text), repr(text)
        assert restating._SENTENCE.split(text) == old_sentence.split(text), repr(text)


def _doc(words: str) -> DocIndex:
    doc = DocIndex(words.split())
    doc.vocabulary()  # (as DocContext's indexing builds it)
    return doc


def test_glued_look_ups_answer_as_the_set() -> None:
    """``word in doc.glued()`` with the vocabulary check, before and after the set is built,
    answers as ``{a + b for neighbours a, b}``."""
    doc = _doc("we collect your zorblax data and share it with quillmate partners every day")
    t = doc.tokens
    truth = {a + b for a, b in zip(t, t[1:])}
    asks = ["wecollect", "collectyour", "zorblaxdata", "datazorblax", "youzorblax", "we", "",
            "sharewith", "with quillmate", "quillmatepartners", "everyday", "dayevery", "itwith"]
    for _ in range(3):  # past SCAN_LOOKUPS searches: the set answers
        for word in asks * (SCAN_LOOKUPS // 4):
            assert (word in doc.glued()) == (word in truth), word
    assert doc.glued().set is not None


def test_window_look_ups_answer_as_the_set() -> None:
    doc = _doc("zorblax keeps your files for thirty days and then zorblax deletes your files")
    grams = doc.grams(3)
    t = doc.tokens
    truth = set(zip(t, t[1:], t[2:]))
    asks = [("keeps", "your", "files"), ("your", "files", "for"), ("your", "new", "files"),
            ("deletes", "your", "files"), ("files", "zorblax", "deletes"), ("a", "b", "c"),
            ("keeps", "your")]
    for _ in range(SCAN_LOOKUPS):
        for item in asks:
            assert (item in grams) == (item in truth), item


def test_a_window_of_a_word_not_in_the_document_spends_no_search() -> None:
    """A look-up holding a word the document lacks is answered from its vocabulary: however
    many, the n-gram set is not built for them."""
    doc = _doc("zorblax keeps your files for thirty days")
    grams = doc.grams(2)
    for k in range(SCAN_LOOKUPS * 3):
        assert ("keeps", f"novel{k}") not in grams
    assert grams.set is None and grams.left == SCAN_LOOKUPS
    assert ("keeps", "your") in grams and grams.left == SCAN_LOOKUPS - 1


def test_glued_words_found_as_before() -> None:
    old = _doc("we collect your data and share it with quillmate")
    new = _doc("wecollect your data and shareit with quill mate")
    assert glued_words(new, old) == {"wecollect": ("we", "collect"), "shareit": ("share", "it")}
    assert glued_words(old, new) == {"quillmate": ("quill", "mate")}


def test_vocabulary_check_needs_no_vocabulary() -> None:
    """An index whose vocabulary was never built answers the same (searches or set only)."""
    doc = DocIndex("we collect your data".split())
    assert ("collect", "your") in doc.grams(2) and ("your", "collect") not in doc.grams(2)
    assert "wecollect" in doc.glued() and "collectwe" not in doc.glued()
    assert doc._vocab is None

"""Whole-text language checks answered by cheaper means give the answers of the plain ones.

``lexicons._foreign`` (a long normalized text read from its set of words) against the
``_FOREIGN`` search it replaces, and ``guards.main_language`` (each distinct word counted once,
with how often it occurs) against a loop over every word. Texts are generated from invented words
and the function words of the languages involved.
"""

from __future__ import annotations

import random

from tracker.analysis import lexicons
from tracker.fetch import guards

_VOCABULARY = ["the", "and", "you", "zorblat", "quimby", "de", "le", "la", "für", "über", "xäy", "café", "é", "die",
               "het", "een", "und", "sans", "chaque", "chaques", "lez", "dies", "ß", "€", "%", "42", "nous", "vous",
               "wir", "sie", "el", "los", "que", "y", "il", "di", "não", "você"]


def _normalized(rng: random.Random, words: int) -> str:
    return " " + " ".join(rng.choice(_VOCABULARY) for _ in range(words)) + " "


def test_foreign_answers_as_the_search_on_long_normalized_texts() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        text = _normalized(rng, rng.randint(0, 900))
        if rng.random() < 0.3:  # odd spacing: the search decides
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(["  ", "\n", "\t", "\xa0", ""]) + text[at:]
        if rng.random() < 0.1:
            text = text.strip()
        assert lexicons._foreign(text) == (lexicons._FOREIGN.search(text) is not None), text[:80]


def test_foreign_on_an_english_and_a_french_sample() -> None:
    english = " " + " ".join(["the", "zorblat", "service", "may", "end", "and", "you"] * 400) + " "
    french = english[:-1] + " nous " + english[1:]
    assert not lexicons._foreign(english) and lexicons.language(english) == "en"
    assert lexicons._foreign(french)


def _main_language_by_loop(text: str) -> str | None:
    """``guards.main_language`` as it was written: one step per word."""
    text = text[:guards.LANGUAGE_SAMPLE]
    if len(guards._KANA.findall(text)) >= 200:
        return "ja"
    counts = dict.fromkeys(guards._FUNCTION_WORDS, 0)
    if "](" in text:
        text = guards._LINK.sub(lambda m: m.group(1), text)
    if "http" in text or "www." in text or "mailto:" in text:
        text = guards._URL.sub(" ", text)
    total = 0
    for word in guards._WORDS.findall(text.lower()):
        languages = guards._LANGUAGES_OF.get(word, ())
        total += bool(languages)
        for lang in languages:
            counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    if total < guards.LANGUAGE_WORDS or counts[best] < guards.LANGUAGE_SHARE * total:
        return None
    return best


def test_main_language_counts_as_a_loop_over_every_word() -> None:
    rng = random.Random(15)
    for _ in range(1500):
        words = [rng.choice(_VOCABULARY) for _ in range(rng.randint(0, 400))]
        text = " ".join(w.capitalize() if rng.random() < 0.2 else w for w in words)
        if rng.random() < 0.2:
            text += " [Quimby](https://quimby.test/de/la) www.zorblat.test"
        assert guards.main_language(text) == _main_language_by_loop(text)
    assert guards.main_language("Wir und Sie sind nicht für die Zorblat GmbH " * 20) == "de"
    assert guards.main_language("Nous et vous pour la société Quimby " * 20) == "fr"

"""Shortcuts that skip work the usual page does not need give what the whole work gives (issue
14), each checked against the slow path it skips, on texts written for these tests."""

from __future__ import annotations

import random

from tracker.fetch import guards as guard


def language_read_whole(text: str) -> str | None:
    """``guards.main_language`` as written before its link and address patterns were skipped on
    texts without what their matches hold: both applied to every text (the reference)."""
    text = text[:guard.LANGUAGE_SAMPLE]
    if len(guard._KANA.findall(text)) >= 200:
        return "ja"
    counts = dict.fromkeys(guard._FUNCTION_WORDS, 0)
    plain = guard._URL.sub(" ", guard._LINK.sub(lambda m: m.group(1), text)).lower()
    total = 0
    for word in guard._WORDS.findall(plain):
        languages = guard._LANGUAGES_OF.get(word, ())
        total += bool(languages)
        for lang in languages:
            counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    if total < guard.LANGUAGE_WORDS or counts[best] < guard.LANGUAGE_SHARE * total:
        return None
    return best


def test_a_text_language_is_told_alike_with_or_without_links_and_addresses() -> None:
    pieces = ["We keep your parcels for 30 days and you may ask us to delete them.",
              "Nous gardons vos colis pendant 30 jours et vous pouvez nous demander de les supprimer.",
              "Wir bewahren Ihre Pakete 30 Tage auf und Sie können die Löschung verlangen.",
              "[the terms](https://parcelo.example/terms)", "![der Plan](/img/plan.png)", "x![a](b)",
              "see www.parcelo.example/de for die Bedingungen", "mailto:help@parcelo.example", "http", "](",
              "HTTPS://PARCELO.EXAMPLE/EN", "[", "]", "(", ")", "\n", " ", "the", "der", "la"]
    rng = random.Random(14)
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert guard.main_language(text) == language_read_whole(text), text

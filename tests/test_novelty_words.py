"""The tokens a document is indexed by: computed stretch by stretch, equal to the whole text's."""

from __future__ import annotations

import random

from tracker.analysis import novelty


def _whole(text: str) -> list[str]:
    """The tokens of one pass of every cleaning step over the whole text."""
    return novelty._WORD.findall(novelty._phones(novelty._clean(text)).lower())


def test_words_by_stretches_equal_the_whole_text() -> None:
    # Pieces whose cleaning reads around a match (e-mail addresses, bare domains, phone numbers,
    # clause numbers at a line start, a final sigma) or may span lines (HTML tags, links,
    # anchors, a mailto link), glued at random with empty lines between and around them.
    bits = ["desk@quillpad.example", "\n\n", "\n", " ", "lantern", ".com", "www.quillpad.org/help",
            "https://quillpad.io/a b", "555 123 4567", "+1 (555) 123-4567", "ΑΣ", "Σ", "1.", "(a)",
            "Section 3:", "[help](http://quillpad.com)", "](", "<br>", "<b\n\nclass=x>", "{#a\n\nb}",
            "<mailto:desk@quillpad.fr>", "<mailto:desk\n\n@quillpad.fr>", "x>", "12.12.2020", "x.", "ÃŸ", "ﬁ", "İ", "\\*", "×", "e-mail", "@",
            "otter\n\n@quillpad.com", "otter\n\n.com", "7\n\n8 9 10 11", ",", "-", "_", "[ref]: /x"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randrange(1, 30)))
        assert novelty.words(text) == _whole(text), repr(text)


def test_a_changed_stretch_is_the_only_one_read_again() -> None:
    novelty._piece_words.cache_clear()
    old = "\n\n".join(f"Clause {i}: Quillpad keeps lantern logs for {i} days." for i in range(50))
    novelty.words(old)
    misses = novelty._piece_words.cache_info().misses
    new = old.replace("for 7 days", "for 9 days")
    assert novelty.words(new) == _whole(new)
    assert novelty._piece_words.cache_info().misses == misses + 1

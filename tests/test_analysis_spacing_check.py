"""The spacing-only check reads only what lies between a pair's common start and common end."""

from __future__ import annotations

import random
import sys

import tracker.analysis.analyse  # noqa: F401  (the module, not the function the package exports)

analyse_module = sys.modules["tracker.analysis.analyse"]


def test_same_squeezed_agrees_with_squeezing_both_texts_whole() -> None:
    # short random texts of letters, spaces of several kinds, line breaks and backslashes, then
    # edited a little: the common start and end often cut inside a run of spaces
    bits = ["a", "b", "ab", " ", "\n", "\t", "\\", "\u00a0", "\u2003", "Quillpad"]
    rng = random.Random(5)
    same = 0
    for _ in range(20000):
        old = "".join(rng.choices(bits, k=rng.randint(0, 12)))
        new = list(old)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(new))
            if rng.random() < 0.5 and new:
                del new[min(at, len(new) - 1)]
            else:
                new.insert(at, rng.choice(bits))
        text = "".join(new)
        expected = analyse_module._squeezed(old) == analyse_module._squeezed(text)
        assert analyse_module._same_squeezed(old, text) == expected, (old, text)
        same += expected
    assert 1000 < same < 19000  # both answers were tested many times


def test_a_long_text_respaced_is_spacing_only_and_a_changed_word_is_not() -> None:
    old = "\n\n".join(f"Section {i}. Quillpad keeps lantern logs for {i} days." for i in range(200))
    respaced = old.replace("lantern logs for 77", "lantern\nlogs  for 77")
    assert analyse_module._same_squeezed(old, respaced)
    assert analyse_module.analyse(old, respaced).summary.startswith("Only spacing changed")
    assert not analyse_module._same_squeezed(old, old.replace("for 77 days", "for 78 days"))

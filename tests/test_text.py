"""The one stripper of unsafe characters (tracker.text) and the variants its callers use."""

from __future__ import annotations

import re

import pytest

from tracker.archive.store import safe_line
from tracker.cli.output import clean
from tracker.publish.feeds import _clean as xml_clean
from tracker.publish.text import safe_text
from tracker.text import strip_unsafe

# Every code point, lone surrogates included: the variants must keep and drop exactly what the
# four separate regular expressions they replaced kept and dropped.
EVERYTHING = "".join(chr(c) for c in range(0x110000))

# The expressions as they were, before they became one function.
OLD_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
OLD_MARKUP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
OLD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
OLD_TRAILER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def test_every_caller_keeps_its_exact_behaviour() -> None:
    assert clean(EVERYTHING) == OLD_TERMINAL.sub("", EVERYTHING)
    assert safe_text(EVERYTHING) == OLD_MARKUP.sub("", EVERYTHING)
    assert xml_clean(EVERYTHING) == OLD_XML.sub("", EVERYTHING)
    line = " \n" + EVERYTHING + "\r "
    assert safe_line(line) == OLD_TRAILER.sub("", line.replace("\n", " ").replace("\r", " ")).strip()


def test_variants() -> None:
    text = "a\tb\nc\rd\x1b[31me\x7ff\x9bg\u202eh\ud800i\ufffej"
    # the terminal's defaults: tab and newline kept, lone surrogates and non-characters too
    assert strip_unsafe(text) == "a\tb\ncd[31mefgh\ud800i\ufffej"
    assert strip_unsafe(text, keep="") == "abcd[31mefgh\ud800i\ufffej"
    assert strip_unsafe(text, keep="\t\n\r", invalid=True) == "a\tb\nc\rd[31mefghij"
    assert strip_unsafe(text, delete=False, c1=False, bidi=False) == "a\tb\ncd[31me\x7ff\x9bg\u202eh\ud800i\ufffej"
    assert strip_unsafe("  one\ntwo\r\nthree\t ", keep="\t", one_line=True) == "one two  three"
    assert strip_unsafe(None) == "" and strip_unsafe(42) == "42"
    with pytest.raises(ValueError, match="keep"):
        strip_unsafe("x", keep="\x1b")


def test_common_start_and_end_match_a_character_by_character_count() -> None:
    """``common_start`` / ``common_end`` (binary searches over slices) give the lengths a plain
    loop counts, and the common end never reaches back into the given common start."""
    import random

    from tracker.text import common_end, common_start

    rng = random.Random(3)
    for _ in range(2000):
        a = "".join(rng.choice("ab\n") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("ab\n") for _ in range(rng.randint(0, 12)))
        start = 0
        while start < min(len(a), len(b)) and a[start] == b[start]:
            start += 1
        assert common_start(a, b) == start
        end = 0
        while end < min(len(a), len(b)) - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
            end += 1
        assert common_end(a, b, start) == end

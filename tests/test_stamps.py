"""``analysis.boilerplate.mask_stamps``: what changes from request to request without a word of
the terms changing is masked, and its patterns, tried only where a match can begin, answer as
they do over the whole text. Every text is invented."""

from __future__ import annotations

import random
import re

from tracker.analysis import boilerplate
from tracker.analysis.boilerplate import mask_stamps


def whole_text_mask(text: str) -> str:
    """``mask_stamps`` as written before its patterns were tried only where a match can begin:
    each one searched over the whole text (the reference the fast one must equal)."""
    b = boilerplate
    if ":" in text and (b._CLOCK.search(text) or b._LABELLED_TOKEN.search(text)):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if len(line) <= b.STAMP_LINE and b._CLOCK.search(line) and b._STAMP_WORDS.search(line):
                lines[i] = b._STAMP_PARTS.sub("#", line)
        text = b._LABELLED_TOKEN.sub(r"\1#", "\n".join(lines))
    # (the copyright years and random tokens of session 14, as mask_stamps applies them)
    text = b._COPYRIGHT_YEARS.sub(r"\1#", text)
    text = "\n".join(b._RANDOM_TOKEN.sub("#", line) if len(line) <= b.STAMP_LINE else line
                     for line in text.split("\n"))
    return b._RELATIVE_STAMP.sub(r"\1\2 #", text)


def test_stamps_masked_and_terms_kept() -> None:
    page = ("# Quillbox Terms\n\nLast updated: 3 March 2026\n\nThis page was generated on December 2, 2026 at "
            "10:01:00 UTC.\n\nFees are due monthly. Updated 3 days ago\n\nRequest ID: 4f2a9c0b1d2e3f40\n")
    masked = mask_stamps(page)
    assert "Last updated: 3 March 2026" in masked  # a date alone is how terms say they changed
    assert "10:01" not in masked and "December" not in masked
    assert "Updated #" in masked and "3 days ago" not in masked
    assert "4f2a9c0b1d2e3f40" not in masked and "Request ID: #" in masked
    assert "Fees are due monthly." in masked
    assert mask_stamps("Fees are due monthly: see clause 4.") == "Fees are due monthly: see clause 4."


def test_letters_re_folds_apart_from_lower_are_masked_alike() -> None:
    # re.I reads "ſ" as "s" and "ı" as "i": the fast search must find the same tokens
    for text in ("ſession ID: 1234abcd5678", "Incıdent no. 99aa88bb77", "İncident no. 99aa88bb77",
                 "UPDATED yeſterday", "aktualiſiert vor 3 Tagen"):
        assert mask_stamps(text) == whole_text_mask(text)
    assert mask_stamps("ſession ID: 1234abcd5678") == "ſession ID: #"


def test_same_answers_as_whole_text_search() -> None:
    pieces = ["Updated 3 days ago", "updated on: 2 days ago", "UPDATED yesterday", "Request ID: 4f2a9c11b",
              "ref# ab12cd34ef", "Session-id: abcdef123", "generated on December 2, 2026 at 10:04:00 UTC",
              "10:30", "1:05:07", "a:", ":", "xupdated 3 days ago", "ſession id: 12345678a", "ıncident no. 1234abcd",
              "İncident no. 1234abcd", "REFERENCE NUMBER 2026-ABCD-1", "mis à jour il y a 2 jours", "MIS À JOUR hier",
              "aktualisiert vor 3 Tagen", "Veröffentlicht heute", "\n", " ", "refund", "preferences", "Kref id 123456789",
              "transactionid:12345678", "raytrace id 12345678", "12:34", "as of 9:30 am", "last modified: 5 minutes ago",
              "é", "ß", "ǅ", "Σ", "٣:٤٥", "Rendered Mon 10:02"]
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n", ". ", ":"]) for _ in range(rng.randint(1, 12)))
        assert mask_stamps(text) == whole_text_mask(text), text


def test_every_letter_re_folds_apart_from_lower_is_listed() -> None:
    """The fast search looks for its words in the text in lower case: every character ``re.I``
    matches to one of their letters must lower to that letter, or be in ``_FOLDS``."""
    words = boilerplate._TOKEN_LABELS + boilerplate._STAMP_VERBS
    letters = sorted({c for word in words for c in word if c.isalpha()})
    any_letter = re.compile("[" + "".join(letters) + "]", re.I)
    folds = dict(boilerplate._FOLDS)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or not any_letter.fullmatch(char):
            continue
        for letter in letters:
            if re.fullmatch(letter, char, re.I):
                assert folds.get(char, char).lower() == letter, (hex(code), letter)


def test_notices_and_tokens_found_only_where_they_can_be() -> None:
    """A line is read for a copyright notice only when the text has a mark, and for a random
    token only when it holds a figure: the same masks as reading every line (issue 14)."""
    pieces = ["© 2019-2026 Quillbox Labs", "(c) 2025 Quillbox", "(C) 2024", "Copyright 2023-2024", "COPYRIGHT 2022",
              "build 290db647", "a1B2c3D4e5F6g7H8i9", "deadbeefcafe", "cafe1234", "Fee abcdefabc", "v2-a9f3c1d7e-4b2a",
              "ABCDEFGHIJKLMNOPq7", "Plans start at 12 credits.", "\n", " ", "-", "#", "٣٤٥abcdef", "1"]
    rng = random.Random(20)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n", ". ", "-"]) for _ in range(rng.randint(1, 14)))
        assert mask_stamps(text) == whole_text_mask(text), text

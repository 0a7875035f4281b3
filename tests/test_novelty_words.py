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


def test_canonical_words_by_stretches_equal_the_whole_text() -> None:
    # Compounds written apart ("e mail", "non refundable", "web site") inside a stretch and split
    # by an empty line (there the whole text is read at once), spellings canonical_word changes,
    # and the pieces of the test above, glued at random.
    bits = ["e", "mail", "E", "Mail", "non", "refundable", "web", "site", "on", "line", "per", "cent", "sub",
            "processor", "licence", "organisation", "cancelled", "we'll", " ", " ", "\n\n", "\n", "-",
            "desk@quillpad.example", "1.", "(a)", "+1 (555) 123-4567", "[help](http://quillpad.com)",
            "<mailto:desk@quillpad.fr>", "otter\n\n.com", "Σ"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(bits) + rng.choice((" ", "\n\n", "")) for _ in range(rng.randrange(1, 30)))
        assert novelty.canonical_words(text) == novelty._canonical_tokens(novelty.words(text)), repr(text)


def test_a_pair_indexes_only_its_changed_stretch_twice() -> None:
    novelty._piece_canonical.cache_clear()
    old = "\n\n".join(f"Quillpad cancelled the e mail licence after {i} days." for i in range(50))
    assert novelty.canonical_words(old)[:8] == ["quillpad", "canceled", "the", "email", "license", "after", "0",
                                                "days"]
    misses = novelty._piece_canonical.cache_info().misses
    new = old.replace("after 7 days", "after 70 days")
    assert novelty.canonical_words(new) == novelty._canonical_tokens(novelty.words(new))
    assert novelty._piece_canonical.cache_info().misses == misses + 1


def test_canonical_spans_when_no_compound_joins() -> None:
    assert novelty.canonical(["the", "licence", "we", "ll"]) == (["the", "license", "we", "will"],
                                                                 [(0, 1), (1, 2), (2, 3), (3, 4)])
    assert novelty.canonical(["an", "e", "mail", "x"]) == (["an", "email", "x"], [(0, 1), (1, 3), (3, 4)])
    assert novelty.canonical([]) == ([], [])


def test_clause_numbers_and_phones_cleaned_as_a_line_start_pattern_does() -> None:
    # ``_LEAD`` is written from the line break before a line (a fast literal scan); it must
    # remove what the same pattern anchored at every line start (re.M) removes.
    import re

    body = novelty._LEAD.pattern[len("\\n"):]
    anchored = re.compile("^" + body, re.I | re.M)
    phone = re.compile(novelty._PHONE.pattern.replace("(?=[+(\\d])", "", 1))
    bits = ["1.", "2)", "(a)", "iv.", "Section 3:", "art. 5)", "§ 4.2", "# ", "> ", "- ", "* ", "\t", " ", "\n",
            "\n\n", "x.", "a)", "Quillpad", "+33 1 23 45 67 89", "(555) 123-4567", "12.3.4", "1,2 3 4", "+1", "(",
            ".5 6 7", "ℹ"]
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(bits) for _ in range(rng.randrange(1, 25)))
        assert novelty._LEAD.sub("\n ", "\n" + text)[1:] == anchored.sub(" ", text), repr(text)
        assert novelty._PHONE.sub("#", text) == phone.sub("#", text), repr(text)


def test_cloudflare_placeholder_read_only_where_its_words_are() -> None:
    # "[email protected]" (with or without its link, with a no-break space) is one e-mail token;
    # the plain word "protected" leaves the text as the two patterns run unconditionally would.
    def unconditional(text: str) -> str:
        for rx in novelty._OBFUSCATED:
            text = rx.sub(f" {novelty.EMAIL_TOKEN} ", text)
        return text

    texts = ["Write to [\\[email protected\\]](/cdn-cgi/l/email-protection#ab) for help.",
             "Write to desk.[email&#160;protected] today.", "Write to [email\nprotected] today.",
             "Your lantern data is protected by Quillpad.", "Emails are protected; email protected-ness.",
             "protected email protected", "emailprotected is one word"]
    for text in texts:
        assert novelty._clean_spans(text) == unconditional(text), text
    assert novelty.words(texts[1]).count(novelty.EMAIL_TOKEN) == 1
    assert novelty.EMAIL_TOKEN not in novelty.words(texts[3])


def _phones_everywhere(text: str) -> str:
    """``novelty._phones`` without its pre-check: the phone pattern tried over the whole text."""
    return novelty._PHONE.sub(lambda m: f" {novelty.PHONE_TOKEN} " if sum(ch.isdigit() for ch in m.group(0)) >= 7
                              and not novelty._DATE_LIKE.fullmatch(m.group(0)) else m.group(0), text)


def test_the_fast_word_and_phone_scans_find_what_the_patterns_find() -> None:
    # ASCII text split by translate and split, phone numbers looked for only where two separated
    # digit groups are: the same words and placeholders as the patterns over every position.
    bits = ["555", " ", "-", ".", "/", "(", ")", "+", "12", "1", "2020", "a", "Otter", "é", "\n", "_", ",",
            "\x02", "\x03", "\x1c", "\t", "İ", "ß", "7", "0"]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(bits) for _ in range(rng.randrange(1, 40)))
        assert novelty._phones(text) == _phones_everywhere(text), repr(text)
        low = text.lower()
        assert novelty._word_list(low) == novelty._WORD.findall(low), repr(text)
    for phone in ("+1 (555) 123-4567", "01 23 45 67 89", "555.123.4567", "(030) 1234/5678"):
        assert novelty.PHONE_TOKEN in novelty._phones(f"Call {phone} today.")

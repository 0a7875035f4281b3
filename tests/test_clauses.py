"""Markdown -> clauses: kinds, context, sentence splitting, keys and stable ids.

All fixture texts describe fictional services.
"""

from __future__ import annotations

import random

import pytest

from tracker.analysis.clauses import Clause, clause_key, split_clauses, split_sentences

MARKDOWN = """\
# Nimbus Lantern Terms of Service

Nimbus Lantern Ltd. runs a fictional lamp-rental service.

## 1. Accounts

You need an account to rent a lantern.

- Keep your password secret.
- Tell us about misuse:
  - by email, or
  - by carrier pigeon.

1. Create a profile.
2. Confirm your address.

## 7. Credits and refunds

7.1 Credits expire after 12 months.

7.2 Refunds reach your card within 30 days. We pay in U.S. dollars, e.g. $5.50 per lantern. \
Nimbus Inc. handles payments per Sec. 4 and No. 12 of the annex. Questions go to [support](https://nimbus.example/help).

| Plan | Price |
| --- | --- |
| Pocket lantern | $5 |
| Harbor lantern | $20 |
"""


def by_id(clauses: list[Clause]) -> dict[str, Clause]:
    return {c.id: c for c in clauses}


@pytest.fixture(scope="module")
def clauses() -> list[Clause]:
    return split_clauses(MARKDOWN)


def test_kinds_in_document_order(clauses: list[Clause]) -> None:
    kinds = [c.kind for c in clauses]
    assert kinds == [
        "heading", "paragraph",
        "heading", "paragraph", "item", "item", "item", "item", "item", "item",
        "heading", "paragraph", "sentence", "sentence", "sentence", "sentence", "table", "table",
    ]
    assert [c.index for c in clauses] == list(range(len(clauses)))


def test_headings_give_context_and_levels(clauses: list[Clause]) -> None:
    c = by_id(clauses)
    assert c["credits-and-refunds"].text == "## 7. Credits and refunds"
    assert c["credits-and-refunds"].level == 2
    assert c["credits-and-refunds/7.1"].heading == "7. Credits and refunds"
    assert c["accounts/p1"].heading == "1. Accounts"
    assert c["p1"].heading == "Nimbus Lantern Terms of Service"


def test_items_nest_and_keep_markers(clauses: list[Clause]) -> None:
    c = by_id(clauses)
    assert c["accounts/i1"].text == "- Keep your password secret."
    assert c["accounts/i2"].level == 1
    assert c["accounts/i2.1"].text == "- by email, or"
    assert c["accounts/i2.2"].level == 2
    assert c["accounts/1"].text == "1. Create a profile."
    assert c["accounts/2"].kind == "item"


def test_long_paragraph_splits_into_sentences_without_breaking_abbreviations(clauses: list[Clause]) -> None:
    sentences = [c for c in clauses if c.kind == "sentence"]
    assert [c.id for c in sentences] == [f"credits-and-refunds/7.2.s{k}" for k in (1, 2, 3, 4)]
    assert [c.text for c in sentences] == [
        "7.2 Refunds reach your card within 30 days.",
        "We pay in U.S. dollars, e.g. $5.50 per lantern.",
        "Nimbus Inc. handles payments per Sec. 4 and No. 12 of the annex.",
        "Questions go to [support](https://nimbus.example/help).",
    ]


def test_max_sentences_controls_splitting() -> None:
    text = "One rule applies. Two rules apply. Three rules apply. Four rules apply."
    assert [c.kind for c in split_clauses(text)] == ["sentence"] * 4
    assert [c.kind for c in split_clauses(text, max_sentences=4)] == ["paragraph"]


def test_table_is_one_clause_per_row_with_header_attached(clauses: list[Clause]) -> None:
    rows = [c for c in clauses if c.kind == "table"]
    assert [c.id for c in rows] == ["credits-and-refunds/t1.pocket-lantern", "credits-and-refunds/t1.harbor-lantern"]
    assert rows[1].text == "| Plan | Price |\n| --- | --- |\n| Harbor lantern | $20 |"
    assert rows[1].key == "harbor lantern 20"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use tools, e.g. ropes. Then climb.", ["Use tools, e.g. ropes.", "Then climb."]),
        ("Rules, i.e. these ones. Read them.", ["Rules, i.e. these ones.", "Read them."]),
        ("Sold by Kestrel Inc. and partners. Enjoy.", ["Sold by Kestrel Inc. and partners.", "Enjoy."]),
        ("Hosted in the U.S. Data stays there.", ["Hosted in the U.S. Data stays there."]),
        ("Fees rise 1.5 percent. Sorry.", ["Fees rise 1.5 percent.", "Sorry."]),
        ("See No. 4 and Sec. 9 here. Fine.", ["See No. 4 and Sec. 9 here.", "Fine."]),
        ("Stop! Why? Because.", ["Stop!", "Why?", "Because."]),
        ('He said "Go." Then left.', ['He said "Go."', "Then left."]),
    ],
)
def test_sentence_splitter(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_key_drops_markup_links_numbering_case_and_punctuation() -> None:
    a = clause_key("7.2 **Refunds** reach [your card](https://a.example/x) within 30 days.")
    b = clause_key("8.1 refunds reach your card (https://b.example) within 30 days")
    assert a == "refunds reach your card within 30 days"
    assert b == "refunds reach your card https b example within 30 days"
    assert clause_key("## 3. Fees") == clause_key("FEES") == "fees"
    assert clause_key("- (b) Ünïcode “quotes”") == "ünïcode quotes"


def test_plain_text_with_numbered_and_capital_headings() -> None:
    text = (
        "KESTREL FERRY TERMS\n\n"
        "1. Definitions\n\n"
        "A ticket is a fictional boarding pass.\n\n"
        "12.3 Credits\n\n"
        "Credits are issued for late crossings.\n"
        "They expire after one season.\n"
    )
    clauses = split_clauses(text)
    assert [(c.kind, c.id) for c in clauses] == [
        ("heading", "kestrel-ferry-terms"),
        ("heading", "definitions"),
        ("paragraph", "definitions/p1"),
        ("heading", "definitions/credits"),
        ("paragraph", "definitions/credits/p1"),
    ]
    assert clauses[3].level == 3 and clauses[1].level == 2
    assert clauses[4].heading == "Credits"


def test_numbered_list_is_not_mistaken_for_headings() -> None:
    clauses = split_clauses("1. Bring a lantern\n2. Return it dry\n")
    assert [c.kind for c in clauses] == ["item", "item"]


def test_lowercased_tokenised_sentence_list() -> None:
    text = (
        "we rent lanterns to members .\nwe keep your address for a year .\n"
        "you can ask us to delete it .\nwe never sell it ."
    )
    clauses = split_clauses(text)
    assert [c.kind for c in clauses] == ["sentence"] * 4
    assert clauses[1].text == "we keep your address for a year ."
    assert clauses[1].key == "we keep your address for a year"


def test_hard_wrapped_plain_text_is_not_split_per_line() -> None:
    text = (
        "The ferry operator may change the timetable at any time and will\n"
        "post the new timetable on the pier notice board before it applies.\n"
    )
    clauses = split_clauses(text)
    assert len(clauses) == 1 and clauses[0].kind == "paragraph"


def test_ids_of_later_clauses_survive_an_insertion_above() -> None:
    old = split_clauses(MARKDOWN)
    new = split_clauses(MARKDOWN.replace(
        "You need an account to rent a lantern.",
        "Accounts are free.\n\nYou need an account to rent a lantern.",
    ))
    old_ids, new_ids = [c.id for c in old], [c.id for c in new]
    tail = old_ids.index("credits-and-refunds")
    assert new_ids[-len(old_ids) + tail:] == old_ids[tail:]
    assert "accounts/p2" in new_ids and "accounts/p2" not in old_ids


def test_ids_survive_an_inserted_and_renumbered_section() -> None:
    new_md = MARKDOWN.replace(
        "## 7. Credits and refunds",
        "## 2. Lantern care\n\nKeep the wick trimmed.\n\n## 8. Credits and refunds",
    )
    old, new = by_id(split_clauses(MARKDOWN)), by_id(split_clauses(new_md))
    for cid in ("credits-and-refunds/7.1", "credits-and-refunds/7.2.s3", "credits-and-refunds/t1.harbor-lantern",
                "accounts/i2.1"):
        assert new[cid].text == old[cid].text
    assert new["lantern-care/p1"].text == "Keep the wick trimmed."
    assert new["credits-and-refunds"].text == "## 8. Credits and refunds"


def test_colliding_ids_are_uniquified() -> None:
    md = "## Fees\n\nOne.\n\n## Fees\n\nTwo.\n"
    ids = [c.id for c in split_clauses(md)]
    assert ids == ["fees", "fees/p1", "fees~2", "fees~2/p1"]
    assert len(set(ids)) == len(ids)


def test_empty_input_has_no_clauses() -> None:
    assert split_clauses("") == []
    assert split_clauses("\n\n---\n\n") == []


def test_sections_cut_at_paragraphs_parse_as_the_whole_text():
    # A document without ATX headings is cut into sections at some paragraph starts, each parsed
    # alone (and cached); the blocks must be those of one parse of the whole text, whatever
    # stands on either side of a cut: list items and their continuations, tables, plain
    # headings, lines that look like list items or block starts after an empty line.
    from tracker.analysis import clauses

    pieces = [
        "FEES AND CREDITS", "1. Definitions", "Plain prose that ends a sentence.",
        "- an item\n  continued on an indented line", "  an indented paragraph after an item",
        "| Plan | Price |\n| --- | --- |\n| Basic | 5 |", "2) a numbered item", "* starred item",
        "---", "Another paragraph, long enough to be cut before or not.", "+ plus item",
        "Lantern rentals end when the lamp is returned. We check it within two days.",
    ]
    cuts = 0
    for seed in range(40):
        rng = random.Random(seed)
        parts = [rng.choice(pieces) + "x" * rng.randrange(8) for _ in range(60)]
        text = "\n\n".join(p if rng.random() < 0.8 else p + "\n" for p in parts)
        clauses._clear_caches()
        sections = clauses._parse(text)
        cuts += len(sections) - 1
        whole = clauses._Parser(clauses._normalize(text).split("\n")).parse()
        assert [b for s in sections for b in s.blocks] == whole
    assert cuts >= 40  # (about one paragraph start in 8 is cut at)


def test_a_link_target_with_spaces_is_not_cut_into_sentences():
    from tracker.analysis.clauses import split_sentences

    item = "[8\\. Contact information](#8. Contact information)"
    assert split_sentences(item) == [item]
    assert split_sentences("See [the policy](#7. Your rights). We sell data.") == [
        "See [the policy](#7. Your rights).", "We sell data."]


def test_setext_headings_name_their_sections():
    text = "Quillby Terms\n=============\n\nRefunds\n-------\n\nRefunds are paid within 14 days.\n"
    clauses = split_clauses(text)
    assert [c.kind for c in clauses] == ["heading", "heading", "paragraph"]
    assert clauses[-1].heading == "Refunds"
    # a rule under a paragraph is not a heading's underline when no empty line precedes the paragraph
    assert all(c.kind != "heading" for c in split_clauses("Intro line\nmore text\n---\n\nRest.\n")[:1])


def test_setext_check_is_linear_in_a_long_line():
    """A long one-line paragraph (no underline) is not backtracked over split by split: the
    setext check cost seconds on such documents (0.4 s per split of a 900 kB policy)."""
    import time

    line = "Wordy clause about fees and refunds, " * 2500  # ~90,000 characters on one line
    text = ("Intro.\n\n" + line + "\n\n") * 4 + "Notice\n------\n\nBody -- text.\n"
    started = time.process_time()
    clauses = split_clauses(text)
    assert time.process_time() - started < 5.0  # (quadratic: minutes)
    assert [c.text for c in clauses if c.kind == "heading"] == ["## Notice"]
    assert clauses[-1].heading == "Notice"
    # the look-ahead keeps the rule: a blank line above an underline is no heading text
    assert all(c.kind != "heading" for c in split_clauses("Intro.\n\n   \n---\n\nRest.\n"))

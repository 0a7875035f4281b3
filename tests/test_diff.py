"""Clause alignment and word diffs between two versions of fictional terms."""

from __future__ import annotations

import json
import random

import pytest

from tracker.analysis.clauses import split_clauses
from tracker.analysis.diff import ClauseDiff, DocumentDiff, diff_clauses, diff_texts, render_inline, word_diff

DOC = """\
# Otterbyte Storage Terms

Otterbyte Ltd. offers fictional cloud lockers.

## 1. Accounts

You must be 16 or older to open a locker.

- One account per person.
- Shared lockers need an owner.

## 2. Storage limits

Free lockers hold 5 GB of files.

Paid lockers hold 2 TB of files.

## 3. Deletion

We delete inactive lockers after 12 months.

Deleted files cannot be restored.

## 4. Contact

Write to the harbour office for questions.
"""


def kinds(diff: DocumentDiff) -> list[str]:
    return [c.kind for c in diff.changes]


def test_identical_texts_have_no_changes() -> None:
    diff = diff_texts(DOC, DOC)
    assert not diff.changed
    assert diff.changes == ()
    assert diff.unchanged == diff.old_clauses == diff.new_clauses == len(split_clauses(DOC))


def test_one_word_changed_is_one_modification_with_word_ops() -> None:
    diff = diff_texts(DOC, DOC.replace("after 12 months", "after 6 months"))
    assert kinds(diff) == ["modified"]
    change = diff.changes[0]
    assert change.clause_id == "deletion/p1"
    assert change.heading == "3. Deletion"
    assert change.ops == (
        (0, "We delete inactive lockers after "),
        (-1, "12"),
        (1, "6"),
        (0, " months."),
    )
    assert render_inline(change.ops) == "We delete inactive lockers after [-12-]{+6+} months."
    assert 0.9 < change.similarity < 1.0
    assert diff.unchanged == diff.new_clauses - 1


def test_insertion_at_top_is_one_added_and_nothing_moved() -> None:
    new = DOC.replace("# Otterbyte Storage Terms\n", "# Otterbyte Storage Terms\n\nPlease read carefully.\n")
    diff = diff_texts(DOC, new)
    assert kinds(diff) == ["added"]
    assert diff.changes[0].after == "Please read carefully."
    assert diff.changes[0].before is None and diff.changes[0].ops == ()


def _swap_sections(doc: str, a: str, b: str) -> str:
    """Swap two '## ' sections (a before b in doc)."""
    head, rest = doc.split(a, 1)
    sec_a, rest = rest.split(b, 1)
    sec_b, tail = rest.split("## 4.", 1)
    return head + b + sec_b + a + sec_a + "## 4." + tail


def test_swapped_sections_are_moved_not_added_and_removed() -> None:
    new = _swap_sections(DOC, "## 2. Storage limits", "## 3. Deletion")
    diff = diff_texts(DOC, new)
    assert set(kinds(diff)) == {"moved"}
    assert len(diff.changes) == 3  # the shorter section (heading + 2 paragraphs) is the one that moved
    assert all(not c.text_changed and c.similarity == 1.0 for c in diff.changes)
    assert [c.new_index for c in diff.changes] == sorted(c.new_index for c in diff.changes)


def test_moved_and_edited_clause() -> None:
    new = DOC.replace("Deleted files cannot be restored.\n\n", "").replace(
        "Write to the harbour office for questions.",
        "Write to the harbour office for questions.\n\nDeleted files can never be restored.",
    )
    diff = diff_texts(DOC, new)
    assert kinds(diff) == ["moved"]
    change = diff.changes[0]
    assert change.text_changed
    assert change.clause_id == "contact/p2"
    assert render_inline(change.ops) == "Deleted files [-cannot-]{+can never+} be restored."


def test_removed_clause_is_placed_where_it_was() -> None:
    new = DOC.replace("- Shared lockers need an owner.\n", "").replace("hold 2 TB", "hold 3 TB")
    diff = diff_texts(DOC, new)
    assert kinds(diff) == ["removed", "modified"]
    removed = diff.changes[0]
    assert removed.after is None and removed.new_index is None
    assert removed.before == "- Shared lockers need an owner."
    assert removed.clause_id == "accounts/i2"


def test_renumbered_heading_is_modified_and_its_clauses_still_match() -> None:
    new = DOC.replace("## 3. Deletion", "## 4. Deletion").replace("## 4. Contact", "## 5. Contact")
    diff = diff_texts(DOC, new)
    assert kinds(diff) == ["modified", "modified"]
    assert [render_inline(c.ops) for c in diff.changes] == ["## [-3-]{+4+}. Deletion", "## [-4-]{+5+}. Contact"]
    assert diff.unchanged == diff.new_clauses - 2


def test_cosmetic_change_is_visible_as_modified() -> None:
    new = DOC.replace("Deleted files cannot be restored.", "Deleted files **cannot** be restored.")
    diff = diff_texts(DOC, new)
    assert kinds(diff) == ["modified"]
    assert diff.changes[0].before == "Deleted files cannot be restored."


def test_word_diff_groups_whole_words() -> None:
    ops = word_diff("Lockers are kept for 30 days after closure.", "Lockers are deleted 7 days after closure.")
    assert render_inline(ops) == "Lockers are [-kept for 30-]{+deleted 7+} days after closure."
    assert "".join(t for op, t in ops if op <= 0) == "Lockers are kept for 30 days after closure."
    assert "".join(t for op, t in ops if op >= 0) == "Lockers are deleted 7 days after closure."


def _long_document(rng: random.Random, sections: int = 30) -> str:
    """A long fictional policy: every paragraph is distinct (it carries its own serial)."""
    nouns = ["locker", "ticket", "voucher", "badge", "parcel", "beacon"]
    parts = ["# Otterbyte Long Policy", ""]
    serial = 0
    for s in range(1, sections + 1):
        parts += [f"## {s}. Topic {s}", ""]
        for _ in range(5):
            serial += 1
            noun = rng.choice(nouns)
            parts += [f"Each {noun} numbered {serial} is kept for 30 days by the fictional keeper.", ""]
        parts += [f"- Rule {serial} for {rng.choice(nouns)}s applies.", f"- Rule {serial} bis applies too.", ""]
    return "\n".join(parts)


def test_long_documents_with_twenty_edits_give_exactly_twenty_modified() -> None:
    rng = random.Random(11)
    old = _long_document(rng)
    lines = old.split("\n")
    targets = rng.sample([i for i, line in enumerate(lines) if line.startswith("Each ")], 20)
    for i in targets:
        lines[i] = lines[i].replace("30 days", "45 days")
    diff = diff_texts(old, "\n".join(lines))
    assert kinds(diff) == ["modified"] * 20
    assert sorted(c.after for c in diff.changes) == sorted(lines[i] for i in targets)
    assert all(render_inline(c.ops).count("[-30-]{+45+}") == 1 for c in diff.changes)
    assert diff.unchanged == diff.new_clauses - 20


def test_diff_clauses_accepts_clause_lists() -> None:
    old, new = split_clauses(DOC), split_clauses(DOC.replace("5 GB", "10 GB"))
    diff = diff_clauses(old, new)
    assert kinds(diff) == ["modified"]
    assert diff == diff_texts(DOC, DOC.replace("5 GB", "10 GB"))


def test_to_dict_is_json_serialisable() -> None:
    new = DOC.replace("12 months", "6 months").replace("- One account per person.\n", "")
    new += "\n## 5. Fees\n\nLockers are free.\n"
    diff = diff_texts(DOC, new)
    data = json.loads(json.dumps(diff.to_dict()))
    assert data["old_clauses"] == diff.old_clauses and data["new_clauses"] == diff.new_clauses
    assert [c["kind"] for c in data["changes"]] == ["removed", "modified", "added", "added"]
    assert data["changes"][1]["ops"][1] == [-1, "12"]
    assert isinstance(diff.changes[0], ClauseDiff)


# --------------------------------------------------------------------------- merges and splits

_MERGE_OLD = """# Terms

## Subscriptions

**Renewal:** Some plans of Nimbus renew automatically. **EVERY PLAN RENEWS AT THE END OF ITS PERIOD.** Cancel before the end of the period to avoid a charge.

## Law

These terms are governed by the laws of Ireland.
"""


def test_sentences_run_together_are_one_modified_clause_not_removed_and_added():
    """'period.** Cancel' -> 'period.**Cancel' makes the splitter see one sentence: the words are
    the same, so this must not read as three removed clauses and a new one."""
    from tracker.analysis import analyse

    new = _MERGE_OLD.replace(". **EVERY", ".**EVERY").replace("PERIOD.** Cancel", "PERIOD.**Cancel")
    diff = diff_texts(_MERGE_OLD, new)
    assert [c.kind for c in diff.changes] == ["modified"]
    assert diff.changes[0].before.startswith("**Renewal:**") and diff.changes[0].after.endswith("a charge.")
    for old, text in ((_MERGE_OLD, new), (new, _MERGE_OLD)):  # merged, then split again
        result = analyse(old, text)
        assert not result.material and result.severity == "cosmetic", result.summary


def test_a_merge_with_new_words_is_not_taken_for_a_regrouping():
    new = _MERGE_OLD.replace(
        ". **EVERY PLAN RENEWS AT THE END OF ITS PERIOD.** Cancel",
        ".**EVERY PLAN RENEWS AT THE END OF ITS PERIOD AT A HIGHER PRICE.**Cancel")
    kinds = sorted(c.kind for c in diff_texts(_MERGE_OLD, new).changes)
    assert kinds == ["added", "removed", "removed", "removed"]


# --- a clause reworded beyond fuzzy matching is still one change --------------------------------

_WREN = ("# Wrenfield Terms\n\n## 4. Accounts\n\nYou need an account to use the app. {x}\n\nKeep your password "
         "safe.\n\n## 5. Fees\n\nThe app is free.\n")


def test_a_sentence_reworded_in_place_is_one_modified_clause() -> None:
    from tracker.analysis import analyse

    for old, new, point in (
        ("Wrenfield may suspend your account if you break these Terms.",
         "We can close your account at any time when we believe you have breached the rules.", "at any time"),
        ("We store your notes for 30 days after you delete them.",
         "Deleted notes are kept on our servers for 90 days.", "90 days instead of 30"),
    ):
        d = diff_texts(_WREN.format(x=old), _WREN.format(x=new))
        assert [(c.kind, c.before, c.after) for c in d.changes] == [("modified", old, new)], d.changes
        result = analyse(_WREN.format(x=old), _WREN.format(x=new))
        material = [c for c in result.changes if c.material]
        assert len(material) == 1 and point in material[0].explanation, result.changes
        assert "more" not in result.summary, result.summary  # no "(+1 more)": one change


def test_clauses_about_different_things_at_one_place_stay_two_changes() -> None:
    d = diff_texts(_WREN.format(x="Wrenfield may suspend your account if you break these Terms."),
                   _WREN.format(x="We may share your notes with advertisers."))
    assert sorted(c.kind for c in d.changes) == ["added", "removed"], d.changes
    # nor across sections or gaps: a clause removed from one section and one added in another
    old = _WREN.format(x="We store your notes for 30 days after you delete them.")
    new = _WREN.format(x="").replace("The app is free.", "The app is free. Deleted notes are kept for 90 days.")
    assert sorted(c.kind for c in diff_texts(old, new).changes) == ["added", "removed"]


_QUILL = ("# Quillory Terms\n\n## 9. Disputes\n\nWe hope to settle any problem by talking first. {x}\n\n"
          "These Terms are governed by the laws of Ruritania.\n\n## 10. Contact\n\nWrite to help@quillory.example.\n")


def test_two_sentences_of_one_topic_that_share_no_point_are_removed_and_added() -> None:
    """Both read as "arbitration" and sit at one place, but the fee-shifting clause gone and the
    mediation option come share one content word: two changes, each said for what it is, never
    "Now says <mediation> instead of <fees>" (which hid that the fees clause is gone)."""
    from tracker.analysis import analyse
    from tracker.analysis.diff import _topics

    old = ("Whoever wins a dispute over these Terms may make the losing side pay its lawyers' fees and costs, "
           "except in arbitration.")
    new = "Where your local law requires alternative dispute resolution, such as mediation, you can use that route instead."
    assert _topics(old) & _topics(new)  # (what paired them before)
    d = diff_texts(_QUILL.format(x=old), _QUILL.format(x=new))
    assert sorted((c.kind, c.before or c.after) for c in d.changes) == [("added", new), ("removed", old)]
    result = analyse(_QUILL.format(x=old), _QUILL.format(x=new))
    said = {c.kind: c.explanation for c in result.changes}
    assert said["removed"].startswith("Removed: Whoever wins a dispute") and "instead of" not in said["removed"]
    assert said["added"].startswith("New: Where your local law requires"), said


def test_one_clause_reworded_with_few_common_words_stays_one_modified_change() -> None:
    old = "Each of us must first try informal negotiation for 30 days before starting an arbitration."
    new = "Before any arbitration starts, you and Quillory agree to try to settle the dispute informally for at least 60 days."
    d = diff_texts(_QUILL.format(x=old), _QUILL.format(x=new))
    assert [(c.kind, c.before, c.after) for c in d.changes] == [("modified", old, new)]


def test_texts_changed_agrees_with_the_whole_diff():
    """The cheap "did a clause change?" answers as the full diff does, for every kind of change:
    none (layout only), an edit, a move, a merge of two sentences, a replacement, an addition."""
    from tracker.analysis.diff import texts_changed

    base = ("# Fees\n\nZephyrly charges a monthly fee. The fee is due on the first day.\n\n"
            "# Accounts\n\nYou may close your account at any time.\n\n- Refunds are not given.\n- Credits expire.\n")
    variants = [
        base,
        base.replace("\n\n- Refunds", "\n\n\n- Refunds"),  # blank lines only
        base.replace("monthly fee", "yearly fee"),
        base.replace("- Refunds are not given.\n- Credits expire.\n", "- Credits expire.\n- Refunds are not given.\n"),
        base.replace("fee. The fee", "fee.The fee"),  # two sentences run together
        base.replace("You may close your account at any time.", "We can suspend your account whenever we like."),
        base + "\n# Law\n\nThe laws of Ruritania apply.\n",
    ]
    answers = [texts_changed(base, v) for v in variants]
    assert answers == [diff_texts(base, v).changed for v in variants]
    assert answers[0] is False and answers[2] is True and answers[-1] is True


@pytest.mark.parametrize("old_sentence, new_sentence", [
    ("Customers can cancel anytime.", "Customers can cancel anytime, but fees already paid are not refunded."),
    ("Refunds are issued to the original card.",
     "Except for gift cards, which are final, refunds are issued to the original card."),
    ("Credits expire after twelve months.",
     "Credits expire after twelve months unless you keep an active paid plan for the whole period."),
])
def test_a_clause_that_grew_is_one_modified_clause(old_sentence: str, new_sentence: str) -> None:
    """A sentence with words added at its end or start, however many, is one modified clause
    (its word diff shows what was added), never a removal beside an addition."""
    doc = "# Quorble Terms\n\n## Billing\n\nPlans renew every month.\n\n{}\n\nInvoices go out by email.\n"
    d = diff_texts(doc.format(old_sentence), doc.format(new_sentence))
    assert [c.kind for c in d.changes] == ["modified"], d.changes
    assert d.changes[0].before == old_sentence and d.changes[0].after == new_sentence

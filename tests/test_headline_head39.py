"""A watch-out the old version already had is not "new"; a section title is no watch-out; a list
renumbered is no removed term (issue 11, session 39). Invented texts of fictional services, run
through the whole analysis (``tracker.analysis.analyse.analyse``)."""

from __future__ import annotations

import re

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import title_line

_HEAD = """# Brindlecove Terms of Service

## 1. Your Account

You must be at least 16 years old to create a Brindlecove account. You are responsible for keeping your password safe.

## 2. Fees

Brindlecove Plus costs $9 per month. Fees are billed in advance each month.
"""
_OLD_DISPUTES = """
## 8. Governing Law

8.1 These Terms are governed by the laws of the State of Oregon.

8.2 Any claim arising out of the Services must be filed within one year after it arose. You also hereby expressly \
waive any right to resort to any form of class action.
"""
_NEW_DISPUTES = """
## 8. Governing Law

8.1 These Terms are governed by the laws of the State of Oregon.

8.2 Any claim arising out of the Services must be filed within one year after it arose.

## 9. Class Action Waiver

YOU AND BRINDLECOVE AGREE THAT EACH PARTY MAY BRING CLAIMS AGAINST THE OTHER ONLY IN AN INDIVIDUAL CAPACITY, AND NOT \
AS A PLAINTIFF OR CLASS MEMBER IN ANY PURPORTED CLASS OR REPRESENTATIVE PROCEEDING.
"""
_NO_WAIVER = """
## 8. Governing Law

8.1 These Terms are governed by the laws of the State of Oregon.

8.2 Any claim arising out of the Services must be filed within one year after it arose.
"""


def _said(a, kind: str, needle: str):
    return [c for c in a.changes if c.kind == kind and needle in (c.after or c.before or "")]


def test_a_waiver_the_old_text_had_moved_and_widened_is_said_as_rewritten_not_new():
    a = analyse(_HEAD + _OLD_DISPUTES, _HEAD + _NEW_DISPUTES)
    waiver = [c for c in a.changes if "INDIVIDUAL CAPACITY" in (c.after or "")]
    assert len(waiver) == 1, [(c.kind, c.explanation) for c in a.changes]
    c = waiver[0]
    assert c.material  # a waiver widened is still material
    assert c.severity != "critical", c.explanation
    assert not (c.explanation or "").startswith("New"), c.explanation
    assert "class-action waiver rewritten" in (c.explanation or "").lower(), c.explanation
    assert "8.2" in (c.explanation or ""), c.explanation  # where the old one was
    assert "new class-action waiver" not in a.summary.lower(), a.summary


def test_near_miss_a_waiver_the_old_text_did_not_have_is_new_and_critical():
    a = analyse(_HEAD + _NO_WAIVER, _HEAD + _NEW_DISPUTES)
    waiver = [c for c in a.changes if "INDIVIDUAL CAPACITY" in (c.after or "")]
    assert len(waiver) == 1
    assert waiver[0].severity == "critical", waiver[0].explanation
    assert "new class-action waiver" in a.summary.lower(), a.summary


def test_a_section_title_is_never_a_watch_out():
    old = _HEAD + _OLD_DISPUTES.replace("## 8. Governing Law", "**8\\. GOVERNING LAW**")
    new = _HEAD + _OLD_DISPUTES.replace("## 8. Governing Law", "**8\\. GOVERNING LAW; WAIVER OF CLASS ACTIONS.**")
    a = analyse(old, new)
    titled = [c for c in a.changes if "WAIVER OF CLASS ACTIONS" in (c.after or "")]
    assert titled and all(not c.material for c in titled), [(c.severity, c.explanation) for c in titled]
    assert not a.material, a.summary


def test_title_line_tells_titles_from_short_rules():
    assert title_line("11. GOVERNING LAW; JURISDICTION; WAIVER OF CLASS ACTIONS.")
    assert title_line("Waiver of Class Actions")
    # near misses: a verb or a negation makes a rule of a few words
    assert not title_line("YOU WAIVE ANY RIGHT TO A CLASS ACTION.")
    assert not title_line("NO CLASS ACTIONS.")
    assert not title_line("We may terminate your account at any time.")


def test_a_sentence_is_not_paired_with_a_title_as_its_rewrite():
    new = _HEAD + _NEW_DISPUTES.replace("## 9. Class Action Waiver\n\nYOU AND",
                                        "9.1 **WAIVER OF CLASS ACTIONS.** YOU AND")
    a = analyse(_HEAD + _OLD_DISPUTES, new)
    for c in a.changes:
        if c.kind == "modified" and "waive any right" in (c.before or ""):
            assert "INDIVIDUAL CAPACITY" in (c.after or "") or "WAIVER OF CLASS ACTIONS" not in (c.after or ""), \
                (c.before, c.after)
    assert "new class-action waiver" not in a.summary.lower(), a.summary


_OLD_BANS = """
## 4. Using Brindlecove

4.1 Brindlecove is for your personal and non-commercial use only.

4.2. You agree not to copy, resell or publish (except as expressly permitted by Brindlecove) any recipe shown on the \
service. You also agree not to: scrape the service with automated tools; or reverse engineer the Brindlecove app. In \
addition, you agree not to upload any file designed to disrupt the service.
"""
_NEW_BANS = """
## 4. Using Brindlecove

4.1 Brindlecove is for your personal and non-commercial use only.

4.2. Except as expressly permitted by Brindlecove, you agree not to:

    (i) copy, resell or publish any recipe shown on the service;

    (ii) scrape the service with automated tools;

    (iii) reverse engineer the Brindlecove app;

    (iv) upload any file designed to disrupt the service.
"""


def test_a_list_of_bans_re_split_into_numbered_items_removes_no_term():
    a = analyse(_HEAD + _OLD_BANS, _HEAD + _NEW_BANS)
    said = [(c.kind, c.severity, c.explanation) for c in a.changes]
    assert not a.material, said
    assert not any((c.explanation or "").startswith("No longer says") for c in a.changes), said


def test_near_miss_an_item_that_drops_its_ban_is_still_material():
    # the lead-in no longer bans: "you may" — the "not" the old sentence said went nowhere
    new = _NEW_BANS.replace("you agree not to:", "you may:")
    a = analyse(_HEAD + _OLD_BANS, _HEAD + new)
    assert a.material, [(c.kind, c.explanation) for c in a.changes]


_OLD_MISC = """
## 6. Miscellaneous

    6.1. Governing Law. These Terms are governed by the laws of the State of Oregon.

    6.2. Feedback. Brindlecove may use any idea you send it without paying you.

    6.3. Survival. If a provision is held invalid, the others remain in force.
"""
_NEW_MISC = """
## 6. Miscellaneous

    6.1. Feedback. Brindlecove may use any idea you send it without paying you.

    6.2. Survival. If a provision is held invalid, the others remain in force.
"""


def test_bare_clause_numbers_are_no_clauses_of_their_own():
    a = analyse(_HEAD + _OLD_MISC, _HEAD + _NEW_MISC)
    bare = [c for c in a.changes if re.fullmatch(r"\s*[\d.]+\s*", c.after or c.before or "")]
    assert not bare, [(c.kind, c.before, c.after) for c in bare]
    # the governing-law clause that went is still reported as removed
    assert any(c.kind == "removed" and "Oregon" in (c.before or "") and c.material for c in a.changes), \
        [(c.kind, c.before, c.explanation) for c in a.changes]


def test_near_miss_a_second_waiver_beside_the_kept_one_is_new():
    # the old waiver sentence stays word for word; the new section adds one more: nothing rewritten
    new = _HEAD + _OLD_DISPUTES + _NEW_DISPUTES.split("## 9.", 1)[1].join(["\n## 9.", ""])
    a = analyse(_HEAD + _OLD_DISPUTES, new)
    waiver = [c for c in a.changes if "INDIVIDUAL CAPACITY" in (c.after or "")]
    assert len(waiver) == 1, [(c.kind, c.explanation) for c in a.changes]
    assert waiver[0].severity == "critical", waiver[0].explanation
    assert "rewritten" not in (waiver[0].explanation or "")


def test_a_new_power_added_beside_an_old_one_in_its_paragraph_stays_new_and_critical() -> None:
    # the demo: "We may also suspend or terminate your access immediately and without notice." added to
    # the paragraph that keeps "We may suspend or terminate your account for any reason ..." word for
    # word was said "Termination right rewritten (the old text had one elsewhere)", material
    from tracker.analysis.analyse import analyse

    para = ("You may stop using Larkspur and close your account at any time. We may suspend or terminate your "
            "account for any reason, including a breach of these Terms.{} Sections 4, 6 and 8 survive termination.")
    head = "# Larkspur Notes Terms of Service\n\n## 9. Suspension and termination\n\n"
    old = head + para.format("") + "\n"
    new = head + para.format(" We may also suspend or terminate your access immediately and without notice.") + "\n"
    result = analyse(old, new)
    added = [c for c in result.changes if c.material and "without notice" in (c.after or "")]
    assert added, [(c.kind, c.explanation) for c in result.changes]
    assert added[0].severity == "critical" and "rewritten" not in added[0].explanation, added[0]

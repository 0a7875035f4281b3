"""Session 39 (fp39b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.materiality import _cut_sentence_completed

# -- a sentence broken off mid-way in one version (a capture cut short, or the page's own slip:
# "... email messages regarding updates," then the next heading), whole in the other

HEAD = ("# Terms of Use\n\nLast updated: 3 March 2031\n\n"
        "## 1. Accounts\n\nYou must keep your Quillmoss password secret and tell us at once if someone else uses it.\n\n"
        "## 2. Newsletters\n\nYou can opt out of our newsletters in your Quillmoss account settings at any time.\n\n")
TAIL = ("\n\n## 3. Warranty\n\nThe service is provided as is, without any warranty of any kind.\n\n"
        "## 4. Contact\n\nWrite to help@quillmoss.example with any question about these terms.\n")
CUT = "Opting out may stop you from receiving email messages from Quillmoss regarding new features,"
WHOLE = "Opting out may stop you from receiving email messages from Quillmoss regarding new features, tips, or seasonal offers."


def _material(old: str, new: str) -> list[str]:
    return [c.explanation for c in analyse(old, new).changes if c.material]


def test_a_sentence_broken_off_on_a_comma_then_completed_is_not_material() -> None:
    result = analyse(HEAD + CUT + TAIL, HEAD + WHOLE + TAIL)
    assert not result.material, _material(HEAD + CUT + TAIL, HEAD + WHOLE + TAIL)
    (change,) = [c for c in result.changes if c.kind == "modified"]
    assert "breaks off" in change.explanation


def test_the_last_sentence_of_a_paragraph_cut_without_its_stop_is_completed() -> None:
    # the capture dropped the space after a stop too ("data.The"); the cut sentence has a verb
    para = ("Quillmoss does not sell the notes you write to anyone. Quillmoss does not build profiles from the "
            "contents of your notebooks.The list of partners Quillmoss works with for payments")
    whole = para + " can be found on our [partners page](https://quillmoss.example/partners)."
    assert _cut_sentence_completed(para, whole) == (
        "old", "can be found on our [partners page](https://quillmoss.example/partners).")
    assert not analyse(HEAD + para + TAIL, HEAD + whole + TAIL).material


def test_a_sentence_cut_off_in_the_new_capture_is_not_material_either() -> None:
    assert _cut_sentence_completed(WHOLE, CUT) == ("new", "tips, or seasonal offers.")
    assert not analyse(HEAD + WHOLE + TAIL, HEAD + CUT + TAIL).material


def test_a_list_item_without_a_stop_that_gains_words_is_read_as_usual() -> None:
    # a complete item with no final stop is no broken sentence: what it gains is a change of terms
    old = HEAD + "We share your notes with the following partners:\n\n* Payment processors that bill your plan" + TAIL
    new = (HEAD + "We share your notes with the following partners:\n\n"
           "* Payment processors that bill your plan and advertising networks that show you ads." + TAIL)
    assert _cut_sentence_completed("Payment processors that bill your plan",
                                   "Payment processors that bill your plan and advertising networks that show you ads.") \
        is None
    assert analyse(old, new).material


def test_words_put_after_a_whole_sentence_stay_material() -> None:
    # the old sentence had its stop: what follows it is new text, read as usual
    old = HEAD + "We may suspend your account if you break these terms." + TAIL
    new = HEAD + "We may suspend your account if you break these terms. We may also delete your notes without notice." + TAIL
    assert _cut_sentence_completed("We may suspend your account if you break these terms.",
                                   "We may suspend your account if you break these terms. We may also delete your "
                                   "notes without notice.") is None
    assert analyse(old, new).material


def test_a_broken_sentence_that_gains_more_than_its_end_stays_material() -> None:
    # the words put after it run on into further sentences: new text, not one sentence ended
    cut = "You may cancel your Quillmoss plan within 14 days of purchase and,"
    whole = (cut + " subject to a fee of 10 EUR, receive a refund. After that, no refund is due for any reason. "
             "We may also end your plan at any time.")
    assert _cut_sentence_completed(cut, whole) is None
    assert analyse(HEAD + cut + TAIL, HEAD + whole + TAIL).material


# -- contact details put where a drafting placeholder asked for them ("inform Acme (Acme, [please
# include address, email and phone])" → "... (Acme Ltd, 12 Main Street ...)"), the ways to reach
# them named anew beside it: contact details, not a term

WITHDRAW = "## 5. Right of withdrawal\n\nYou may withdraw from this contract within 14 days without giving any reason.\n\n"
DRAFT = (WITHDRAW + "To exercise the right of withdrawal, you must inform Quillmoss (Quillmoss, \\[please include address, "
         "email and phone\\]) of your decision by a clear statement (e.g. a letter sent by post, fax or e-mail).")
FILLED = (WITHDRAW + "To exercise the right of withdrawal, you must inform Quillmoss (Quillmoss Labs Ltd, Member Care, "
          "48 Tannery Lane, Suite 3, Larkfield LK4 9ZT) of your decision by a clear statement (e.g. a letter sent by "
          "post or through our [Member Care Form](https://quillmoss.example/care)).")


def test_contact_details_filled_in_for_a_placeholder_are_not_material() -> None:
    result = analyse(HEAD + DRAFT + TAIL, HEAD + FILLED + TAIL)
    assert not result.material, _material(HEAD + DRAFT + TAIL, HEAD + FILLED + TAIL)
    (change,) = [c for c in result.changes if c.kind == "modified"]
    assert change.explanation.startswith("Contact details put where the draft asked for them: “Labs Ltd, Member Care, 48")


def test_a_placeholder_filled_beside_a_changed_term_stays_material() -> None:
    # the withdrawal period shortened in the same sentence: a term changed, whatever else is filled in
    shorter = FILLED.replace("inform Quillmoss (", "inform Quillmoss within 7 days (")
    assert analyse(HEAD + DRAFT + TAIL, HEAD + shorter + TAIL).material


def test_a_placeholder_for_contact_details_filled_with_no_details_stays_read_as_usual() -> None:
    # words that are no address, e-mail or phone put for it: a statement, read as usual
    stated = FILLED.replace("Quillmoss Labs Ltd, Member Care, 48 Tannery Lane, Suite 3, Larkfield LK4 9ZT",
                            "who may refuse any withdrawal made after you downloaded content")
    assert analyse(HEAD + DRAFT + TAIL, HEAD + stated + TAIL).material

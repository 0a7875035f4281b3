"""Text only regrouped or restated across a pair of versions (issue 11), and the same words made to
say something else (``tracker.analysis.restating``), on texts of fictional services."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.restating import change_restated, meaning_moved, restated_sentences, same_content

OLD = """\
# Tindlebox Terms

## Plans

Tindlebox sells storage boxes by subscription. The Small plan costs €4 per month.
Boxes you do not collect are returned to the warehouse after 20 days.

## Your account

You must not share your account, sell it or let a competitor use it.
We may close your account if you break these Terms.
"""


@pytest.mark.parametrize("before,after", [
    # a sentence moved into another clause, with a connective
    ("Tindlebox sells storage boxes by subscription. Unused boxes go back after 20 days.",
     "Tindlebox sells storage boxes by subscription, and unused boxes go back after 20 days."),
    # a sentence turned into a lead-in and a list, the "not" kept in the lead-in
    ("You must not share your account, sell it or let a competitor use it.",
     "You must not:\n\n- share your account;\n- sell it; or\n- let a competitor use it."),
    # a definition moved into a definitions section
    ('Tindlebox rents out boxes, shelves and vans (the "Equipment").',
     'Tindlebox rents out the Equipment.\n\n"Equipment" means boxes, shelves and vans.'),
    # only function words, punctuation, casing and quotes
    ("The Small plan cannot be paused.", "The small plan can't be paused!"),
    ("Renvois à l'entrepôt après 20 jours.", "Renvois vers l'entrepôt après 20 jours."),
    ("Die Kisten werden nach 20 Tagen zurückgebracht. Das gilt für alle Tarife.",
     "Die Kisten werden nach 20 Tagen zurückgebracht; das gilt für alle Tarife."),
])
def test_the_same_content_regrouped_is_the_same(before, after):
    assert same_content(before, after)


@pytest.mark.parametrize("before,after", [
    # a "not" moved to another verb
    ("We do not refund boxes except where the law requires it.",
     "We refund boxes except where the law does not require it."),
    # two periods swapped between clauses
    ("Boxes are returned after 20 days. Vans are returned after 2 hours.",
     "Boxes are returned after 2 hours. Vans are returned after 20 days."),
    # the parties swapped
    ("We may close your account. You may pause your plan.",
     "You may close your account. We may pause your plan."),
    # a list item taken out from under a "not"
    ("You must not share or sell your account.", "You must not share your account. You may sell your account."),
    # a placeholder filled with a term's value
    ("Boxes are returned after XX days.", "Boxes are returned after 20 days."),
    # a word gone, a limiter added
    ("You may cancel at any time from your settings.", "You may cancel only from your settings."),
    ("Wir löschen die Daten nach 30 Tagen.", "Wir löschen die Daten vor 30 Tagen."),
])
def test_other_meanings_in_the_same_words_are_not_the_same(before, after):
    assert not same_content(before, after)


def test_nothing_to_compare_is_not_the_same():
    assert not same_content("", "")
    assert not same_content("---", "Boxes are returned after 20 days.")


@pytest.mark.parametrize("before,after,what", [
    ("We do not refund boxes except where the law requires it.",
     "We refund boxes except where the law does not require it.", "a negation moved"),
    ("You may close your account at any time.", "We may close your account at any time.", "another party"),
    ("With your consent, we store your photos.", "Without your consent, we store your photos.", "a negation added"),
    ("We keep invoices for 10 years and photos for 30 days.",
     "We keep invoices for 30 days and photos for 10 years.", "a number moved"),
])
def test_a_term_setting_word_moved_is_said(before, after, what):
    assert meaning_moved(before, after) == what


@pytest.mark.parametrize("before,after", [
    # German word order moves the subject, not the party who acts
    ("Wir geben Daten nicht an Dritte weiter.", "Daten geben wir nicht an Dritte weiter."),
    ("You may close your account at any time.", "At any time, you may close your account."),
    # other words changed: a rewording, judged elsewhere
    ("We may close your account.", "You may delete your profile."),
])
def test_nothing_moved_says_nothing(before, after):
    assert meaning_moved(before, after) == ""


def test_a_pair_whose_sentence_moved_into_another_clause_is_restated():
    new = OLD.replace("The Small plan costs €4 per month.\nBoxes you do not collect are returned to the warehouse after 20 days.",
                      "The Small plan costs €4 per month, and boxes you do not collect are returned to the warehouse after 20 days.")
    restated = restated_sentences(OLD, new)
    assert "The Small plan costs €4 per month, and boxes you do not collect are returned to the warehouse after 20 days." in restated
    assert change_restated("Boxes you do not collect are returned to the warehouse after 20 days.", None, OLD, new)
    # an unchanged clause has no changed sentence to restate
    assert not change_restated("We may close your account if you break these Terms.", None, OLD, new)


def test_a_pair_with_a_new_period_is_not_restated():
    new = OLD.replace("The Small plan costs €4 per month.\nBoxes you do not collect are returned to the warehouse after 20 days.",
                      "The Small plan costs €4 per month, and boxes you do not collect are returned to the warehouse after 10 days.")
    assert not restated_sentences(OLD, new)
    result = analyse(OLD, new)
    assert result.material


def test_the_analysis_calls_a_list_made_of_a_sentence_no_material_change():
    new = OLD.replace("You must not share your account, sell it or let a competitor use it.",
                      "You must not:\n\n* share your account;\n* sell it; or\n* let a competitor use it.")
    result = analyse(OLD, new)
    assert not result.material, result.summary


def test_the_analysis_flags_the_parties_swapped():
    new = OLD.replace("You must not share your account, sell it or let a competitor use it.\nWe may close your account",
                      "We must not share your account, sell it or let a competitor use it.\nYou may close your account")
    result = analyse(OLD, new)
    assert result.material, result.summary
    # said either as restating's "another party" or as materiality's party swap (old and new quoted)
    assert any("another party" in c.explanation or ("“We must not" in c.explanation and "“You must not" in c.explanation)
               for c in result.changes if c.material), [c.explanation for c in result.changes]


def test_a_pdf_extraction_repaired_is_the_same():
    # lines wrapped mid-sentence, words broken in two, "but not limited to" across a line break
    before = ("Tindlebox reserves the ri ght to change these rules, including but\n"
              "not limited to the fees of the Small plan, with out notice to Members.")
    after = ("Tindlebox reserves the right to change these rules, including but not limited to the fees of "
             "the Small plan, without notice to Members.")
    assert same_content(before, after)
    # ... but a word rejoined into another one is still a change
    assert not same_content(before, after.replace("without notice", "with notice"))


def test_contractions_are_spelled_out():
    assert same_content("Members can't resell boxes and won't sublet them.",
                        "Members cannot resell boxes and will not sublet them.")
    assert not same_content("Members can't resell boxes.", "Members can resell boxes.")


def test_an_apostrophe_lost_keeps_the_negation():
    assert same_content("You don’t have to post photos; if you don't, we can’t help.",
                        "You dont have to post photos; if you dont, we cant help.")
    assert meaning_moved("You don’t have to post photos.", "You dont have to post photos.") == ""


def test_a_second_not_completing_a_clause_is_not_said_added():
    assert meaning_moved("Tindlebox is and will not be liable for lost boxes.",
                         "Tindlebox is not and will not be liable for lost boxes.") == ""
    assert same_content("Trackers such as 1×1 pixels.", "Trackers such as 1x1 pixels.")
    assert meaning_moved("Trackers such as 1×1 pixels.", 'Trackers such as "1x1" pixels.') == ""


def test_sentence_changes_read_between_the_common_ends_as_the_whole_texts_would() -> None:
    """``restated_sentences`` splits only the lines between two versions' common start and end:
    the sentences it finds only in one version, and their order, are those of the whole texts
    (generated pairs: line breaks inside a ``<br>`` tag, repeated sentences in the common start,
    breaks after a full stop, page marks, several edits)."""
    import random
    from collections import Counter

    from tracker.analysis import restating

    rng = random.Random(7)
    atoms = ["Quillo may", "close", "your locker", ".", ";", "!", " ", "  ", "\n", "\n\n", " \n ", "<br>",
             "<BR/>", "<br\n/>", "<br \n>", "\t", "parcels", "7", "page 2", "|", ":-", "-", "\u2028",
             "lockers expire", "Last updated: May 3", "you"]

    def text(n: int) -> str:
        return "".join(rng.choice(atoms) + rng.choice(["", " "]) for _ in range(n))

    for _ in range(3000):
        old = text(rng.randint(0, 50))
        chars = list(old)
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(chars) + 1)
            if rng.random() < 0.5:
                chars[at:at] = list(rng.choice(atoms))
            else:
                del chars[at:at + rng.randint(1, 8)]
        new = "".join(chars)
        if rng.random() < 0.4:
            head, tail = text(rng.randint(0, 20)), text(rng.randint(0, 20))
            old, new = head + old + tail, head + new + tail
        so, sn = Counter(restating._sentences(old)), Counter(restating._sentences(new))
        assert restating._sentence_changes(old, new) == (list(so - sn), list(sn - so)), (old, new)

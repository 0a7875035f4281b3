"""Session 33 (fp33a) kinds of the material flag: a sentence saying what the document itself is for
("The purpose of this Privacy Policy is to inform you ...") is a pointer, not a term; one more route
to a right the text gives elsewhere ("You can also request deletion of your account from the Account
Settings section") is a contact route; a note that a translation of the document is available is a
copy of the same terms; a version number dropped from a product's name ("Quillmetrics 4" →
"Quillmetrics") and one example marker put for another ("such as" → "like") reword nothing; a
code with a digit in it ("zb-north2") moved within its line moves no number. Each has a near
miss that stays material. All text is invented."""

from __future__ import annotations

import pytest

from tracker.analysis.boilerplate import is_contact_route, is_pointer
from tracker.analysis.restating import meaning_moved
from tracker.api import compare

_BODY = ("# Zorblo Privacy Policy\n\n"
         "## 1. What we collect\n\nWe collect your name, your e-mail address and the games you play.\n\n"
         "## 2. Sharing\n\nWe share your e-mail address with our payment processor to send receipts.\n\n"
         "## 3. Your rights\n\nYou have the right to ask us to delete your account and your data.\n\n"
         "## 4. Retention\n\nWe keep your account data for 2 years after you close your account.\n")


def _with(extra: str, section: str = "## 1. What we collect") -> str:
    """``_BODY`` with ``extra`` put as a paragraph right before ``section``."""
    return _BODY.replace(section, f"{extra}\n\n{section}")


# -- what the document itself is for ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The purpose of this Privacy Policy is to inform you about how Zorblo uses your personal data.",
    "The purpose of this notice is to explain how we handle the information you give us.",
    "Our Privacy Policy also explains how we use service providers around the world.",
    "This Cookie Notice tells you which cookies we place on your device.",
])
def test_a_sentence_on_what_the_document_is_for_is_a_pointer(sentence: str) -> None:
    assert is_pointer(sentence)


def test_the_purpose_paragraph_removed_is_not_material() -> None:
    before = _with("The purpose of this Privacy Policy is to inform you about how Zorblo uses your personal data.")
    result = compare(before, _BODY)
    assert not result.material, result.summary


def test_a_purpose_that_sets_a_term_stays_material() -> None:
    # the near miss: "the purpose of ... is to" something the provider does with the data is a use
    # of it, not a description of the page
    sentence = "The purpose of this processing is to show you personalised advertising from our partners."
    assert not is_pointer(sentence)
    assert compare(_BODY, _with(sentence)).material


def test_a_self_description_that_adds_a_duty_stays_material() -> None:
    sentence = "This Privacy Policy explains how we use your data, and you must not share your account with others."
    assert compare(_BODY, _with(sentence)).material


# -- one more route to a right given elsewhere -------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "You can also request deletion of your account from the Account Settings section in the Zorblo app.",
    "You may also request a copy of your data via the Privacy Dashboard.",
    "Users can also request the erasure of their data through the in-app settings page.",
])
def test_one_more_route_to_a_right_is_a_contact_route(sentence: str) -> None:
    assert is_contact_route(sentence)


def test_a_new_settings_route_to_deletion_is_not_material() -> None:
    after = _with("You can also request deletion of your account from the Account Settings section in the Zorblo app.",
                  "## 4. Retention")
    result = compare(_BODY, after)
    assert not result.material, result.summary


@pytest.mark.parametrize("sentence", [
    # the near misses: no "also" (a right it may give for the first time), a deadline, or no route
    "You can request deletion of your account from the Account Settings section in the Zorblo app.",
    "You can also request deletion of your account from the Account Settings section within 30 days of closing it.",
    "You can also request deletion of the messages other players sent you.",
])
def test_a_route_without_also_or_with_a_term_is_no_contact_route(sentence: str) -> None:
    assert not is_contact_route(sentence)


# -- a translation of the document is available -----------------------------------------------------

def test_a_note_that_a_translation_is_available_is_not_material() -> None:
    note = ("For residents of Quebec, a French translation of this Privacy Policy is available "
            "[here](https://zorblo.example/fr/privacy) for ease of reference.")
    result = compare(_BODY, _with(note))
    assert not result.material, result.summary


def test_a_translation_note_with_a_liability_disclaimer_stays_material() -> None:
    # the near miss: the same note that also disclaims liability sets a term
    note = ("A French translation of this Privacy Policy is available here; we are not liable for any "
            "errors in the translation.")
    assert compare(_BODY, _with(note)).material


# -- a version number dropped from a product's name ---------------------------------------------------

def _sharing(tail: str) -> str:
    return _BODY.replace("## 4. Retention", f"We share your gameplay data with {tail}\n\n## 4. Retention")


def test_a_version_number_dropped_from_a_product_name_is_not_material() -> None:
    result = compare(_sharing("Quillmetrics Insights 4 to measure how players use the game."),
                     _sharing("Quillmetrics Insights to measure how players use the game."))
    assert not result.material, result.summary


def test_a_version_number_added_to_a_product_name_is_not_material() -> None:
    result = compare(_sharing("Quillmetrics Insights."), _sharing("Quillmetrics Insights 5."))
    assert not result.material, result.summary


@pytest.mark.parametrize("before, after", [
    # the near misses: a number that counts something, after a name or after a small word
    ("Quillmetrics 4 times a day.", "Quillmetrics."),
    ("up to 4 partners.", "up to partners."),
    # ... and a numbered tier or a date
    ("partners on Tier 2 of our programme.", "partners on Tier of our programme."),
    ("partners from June 5.", "partners from June."),
])
def test_a_number_that_counts_or_ranks_stays_material(before: str, after: str) -> None:
    assert compare(_sharing(before), _sharing(after)).material


# -- one example marker for another -----------------------------------------------------------------

_LEGAL = ("We may be required to use your personal data to comply with the law, {m} when we respond to "
          "a valid court order or need to protect our players.")


@pytest.mark.parametrize("old, new", [("such as", "like"), ("like", "for example"), ("for instance", "such as")])
def test_one_example_marker_for_another_is_not_material(old: str, new: str) -> None:
    before = _BODY.replace("## 4. Retention", _LEGAL.format(m=old) + "\n\n## 4. Retention")
    after = _BODY.replace("## 4. Retention", _LEGAL.format(m=new) + "\n\n## 4. Retention")
    result = compare(before, after)
    assert not result.material, result.summary


def test_an_example_marker_for_a_limit_stays_material() -> None:
    # the near miss: "such as when" → "only when" bounds the use; no example marker on the new side
    before = _BODY.replace("## 4. Retention", _LEGAL.format(m="such as") + "\n\n## 4. Retention")
    after = _BODY.replace("## 4. Retention", _LEGAL.format(m="only") + "\n\n## 4. Retention")
    assert compare(before, after).material


def test_a_translation_note_that_also_shares_data_stays_material() -> None:
    note = "A French translation of this Privacy Policy is available, and we share your data with our translation partners."
    assert compare(_BODY, _with(note)).material


# -- a name with a number in it moved -------------------------------------------------------------

def test_a_code_with_a_digit_moved_within_its_line_is_no_number_moved() -> None:
    # "zb-north2"'s digit names the region: the words moved, no number did
    assert meaning_moved("**For the region zb-north2**.", "**For the zb-north2 region**.") == ""


def test_two_numbers_swapped_stay_a_number_moved() -> None:
    # the near miss: free numbers that count, swapped between the words they count, beside a code
    line = "Each player on plan zb-north2 gets {a} cloud saves per {b} games."
    assert meaning_moved(line.format(a=5, b=10), line.format(a=10, b=5)) == "a number moved"


def test_two_numbers_swapped_stay_material() -> None:
    line = "Each player on plan zb-north2 gets {a} cloud saves per {b} games.\n\n## 4. Retention"
    before = _BODY.replace("## 4. Retention", line.format(a=5, b=10))
    after = _BODY.replace("## 4. Retention", line.format(a=10, b=5))
    assert compare(before, after).material

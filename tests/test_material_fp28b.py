"""Issue 11, helper fp28b: kinds of false "material" flags. A name said by the abbreviation the
text defines for it (or spelled out again) is a rename; a table cell whose word is only spelled
another way ("personalized" → "personalised") holds the same value; one of the listed ways to send
a request ("emailing ...", "using the web form ...") is a contact route, read under the item
sentence that leads into its nested list, and so is one more way to exercise a right the terms
give; a case the rule already covers said in brackets ("(including for breaches of these terms)")
is an example, and measures said only in general ("We use various measures to protect you") are a
statement. Near misses stay material: a region dropped with the
abbreviation, another word in the cell, the only way to reach the provider dropped. All text is
invented."""

from __future__ import annotations

import pytest

from tracker.analysis.boilerplate import is_contact_route, is_mission_statement
from tracker.analysis.diff import _split
from tracker.analysis.materiality import _acronym_only, _lead_ins, acronyms, label_change
from tracker.api import compare

_BODY = ("# Plumwick Terms of Use\n\n"
         "## 1. Accounts\n\nYou must be at least 16 years old to open a Plumwick account.\n\n"
         "## 2. Fees\n\nThe Plus plan costs 4 euros a month, billed in advance.\n")

# -- a name said by its abbreviation, or in full ---------------------------------------------------

_LAWFUL = ("In some places (including the European Economic Area (EEA) and the United Kingdom (UK)) "
           "Plumwick needs a lawful basis to process your personal data.")


def test_acronyms_are_read_from_a_name_and_its_initials() -> None:
    found = acronyms("Complaints go to the Irish Data Protection Commission (DPC) or to our partner (ACME).")
    assert found == {"DPC": "Data Protection Commission"}  # "ACME" is no one's initials here


@pytest.mark.parametrize("before, after", [
    (_LAWFUL, _LAWFUL.replace("the European Economic Area (EEA) and the United Kingdom (UK)", "the EEA and the UK")),
    ("Residents of the EEA may object to direct marketing by Plumwick.",
     "Residents of the European Economic Area (EEA) may object to direct marketing by Plumwick."),
])
def test_a_name_said_by_its_abbreviation_is_a_rename(before: str, after: str) -> None:
    assert _acronym_only(before, after, None)
    label = label_change("modified", before, after, heading="Privacy")
    assert not label.material and label.cosmetic == "renamed", label.explanation


def test_an_abbreviation_defined_elsewhere_in_the_document_counts() -> None:
    defined = ("# Plumwick Privacy Notice\n\nThis notice covers users in the European Economic Area (EEA).\n\n"
               "## Transfers\n\n")
    before = defined + "We may transfer your personal data outside the EEA to our processors.\n"
    after = defined + "We may transfer your personal data outside the European Economic Area to our processors.\n"
    result = compare(before, after)
    assert not result.material, result.summary
    assert [c.cosmetic for c in result.changes] == ["renamed"], result.summary


def test_a_region_dropped_with_the_abbreviation_stays_material() -> None:
    after = _LAWFUL.replace("the European Economic Area (EEA) and the United Kingdom (UK)", "the EEA")
    assert not _acronym_only(_LAWFUL, after, None)
    assert label_change("modified", _LAWFUL, after, heading="Privacy").material


# -- a table cell respelled ------------------------------------------------------------------------

_HEADER = "| Purpose | Legal basis |\n| --- | --- |\n"


@pytest.mark.parametrize("old, new", [
    ("We show personalized offers from Plumwick partners", "We show personalised offers from Plumwick partners"),
    ("Logs are anonymized after a week. **Data**:<br><br>* Usage", "Logs are anonymised after a week.<br><br>**Data**:<br><br>* Usage"),
])
def test_a_cell_only_respelled_is_no_new_value(old: str, new: str) -> None:
    label = label_change("modified", f"{_HEADER}| {old} | Consent |", f"{_HEADER}| {new} | Consent |")
    assert not label.material, label.explanation


def test_a_cell_with_another_word_stays_material() -> None:
    label = label_change("modified", f"{_HEADER}| We show personalized offers | Consent |",
                         f"{_HEADER}| We show targeted offers | Consent |")
    assert label.material, label.explanation


# -- one of the listed ways to send a request -------------------------------------------------------

@pytest.mark.parametrize("item", [
    "using the [web form](https://plumwick.test/f) to submit your request(s) to us",
    "emailing [privacy@plumwick.test](mailto:privacy@plumwick.test)",
    "calling us toll free on 1-800-555-0199 and entering code 42# to leave us a message.",
])
def test_a_listed_way_to_reach_us_is_a_contact_route(item: str) -> None:
    assert is_contact_route(item)


@pytest.mark.parametrize("sentence", [
    "Using the form to send unsolicited messages is prohibited.",  # a rule with its own verb
    "using the app to harass other members",  # not a way to reach anyone
    "writing to us within 14 days of purchase",  # a deadline: a term
])
def test_a_rule_about_using_a_form_is_no_contact_route(sentence: str) -> None:
    assert not is_contact_route(sentence)


_RIGHTS = """# Plumwick Privacy Notice

You may exercise your rights described above as follows:

* **Right to access and deletion**. You can request to exercise your access and deletion rights by:
    * calling us toll free on 1-800-555-0199 and entering code 42# to leave us a message.
    * emailing [privacy@plumwick.test](mailto:privacy@plumwick.test)
    * using the [web form](https://plumwick.test/f) to submit your request(s) to us
* **Right to opt out**. We do not sell your personal information.
* You may also ask us to correct your data.
"""
_FORM = "    * using the [web form](https://plumwick.test/f) to submit your request(s) to us\n"
_MAIL = "    * emailing [privacy@plumwick.test](mailto:privacy@plumwick.test)\n"


def test_a_nested_list_is_read_under_its_own_lead_in() -> None:
    leads = _lead_ins(_split(_RIGHTS), _RIGHTS)
    nested = "You can request to exercise your access and deletion rights by:"
    outer = "You may exercise your rights described above as follows:"
    by_text = {c.text.strip()[:20]: leads.get(c.index) for c in _split(_RIGHTS) if c.kind == "item"}
    assert by_text["* emailing [privacy@"] == nested
    assert by_text["* You may also ask u"] == outer  # the nested list ended: the outer lead-in again


def test_one_way_dropped_while_others_remain_is_not_material() -> None:
    result = compare(_RIGHTS, _RIGHTS.replace(_FORM, ""))
    assert not result.material, result.summary


def test_the_only_way_to_reach_us_dropped_stays_material() -> None:
    only_form = _RIGHTS.replace(_MAIL, "").replace(
        "    * calling us toll free on 1-800-555-0199 and entering code 42# to leave us a message.\n", "")
    result = compare(only_form, only_form.replace(_FORM, ""))
    assert result.material, result.summary


# -- one more way to exercise a right the terms give elsewhere ---------------------------------------

_SHOP = """# Plumwick Shop Terms

## Right of withdrawal

You have the right to withdraw from this contract within 14 days without giving any reason.
To exercise the right of withdrawal, you must inform us by an unequivocal statement sent to returns@plumwick.test.
"""


def test_one_more_way_to_exercise_a_right_is_a_contact_route() -> None:
    assert is_contact_route("You can also exercise your right of withdrawal online [here](https://plumwick.test/w).")
    after = _SHOP + "You can also exercise your right of withdrawal online [here](https://plumwick.test/w).\n"
    result = compare(_SHOP, after)
    assert not result.material, result.summary


@pytest.mark.parametrize("sentence", [
    "You can also exercise your right of withdrawal online within 30 days of delivery.",  # a new period
    "You can also exercise your right of withdrawal online here, and we will refund you.",  # a promise
    "You may also exercise your right to object at any time.",  # no route: the right itself
])
def test_a_sentence_that_also_sets_a_term_is_no_contact_route(sentence: str) -> None:
    assert not is_contact_route(sentence)


# -- a case the rule already covers, said in brackets; measures said only in general -----------------

_VENUE = "If you live in Ruritania, these terms are governed by Ruritanian law and you can file legal disputes in the Ruritanian courts."


def test_a_bracketed_case_the_rule_already_covers_is_an_example() -> None:
    after = _VENUE.replace("legal disputes in", "legal disputes (including for breaches of these terms) in")
    label = label_change("modified", _VENUE, after, heading="Governing law")
    assert not label.material, label.explanation


@pytest.mark.parametrize("before, after, heading", [
    ("We share your personal data with our partners.",
     "We share your personal data with our partners (including advertisers).", "Privacy"),  # a recipient added
    ("The Plus plan costs 5 euros a month.", "The Plus plan costs 5 euros a month (including VAT).", "Fees"),
])
def test_a_bracketed_item_added_stays_material(before: str, after: str, heading: str) -> None:
    assert label_change("modified", before, after, heading=heading).material


def test_measures_said_only_in_general_are_a_statement() -> None:
    assert is_mission_statement("We use various measures to protect you from illegal and other harmful content.")
    after = _BODY + "\nWe use various measures to protect you from illegal and other harmful content.\n"
    result = compare(_BODY, after)
    assert not result.material, result.summary


@pytest.mark.parametrize("sentence", [
    "We use encryption to protect your messages.",  # a measure named
    "We use various measures to protect you and will remove harmful posts within 24 hours.",  # a promise
])
def test_a_named_or_promised_measure_is_no_statement(sentence: str) -> None:
    assert not is_mission_statement(sentence)


def test_a_means_that_gives_assent_is_no_contact_route() -> None:
    # (the lead's review: fp28a's near miss, run on fp28b's rule) using a form to agree is a term
    assert not is_contact_route("using the form, you agree to our terms")
    assert not is_contact_route("submitting the request form, you consent to our processing of it")
    assert is_contact_route("using the web form to submit your request to us")

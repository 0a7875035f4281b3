"""Issue 11, helper fp41b: the same meaning in other words, and extraction noise in contact
details, are not material. A word put for another of the same meaning ("other sites" → "other
websites", "ads" → "adverts", "utilise" → "use", "prior to" → "before") or spelled another way
("e-mail" → "email", "organisation" → "organization") changes no term; nor does the rest of a
hidden e-mail address a capture glues after the address's link. Near misses stay material: a modal
("may" → "will"), a scope word ("personal data" → "data", "only … paid" → "all"), a value ("30
days" → "one week"), a new recipient, and the only way to cancel removed with its address. All
text is invented (a fictional service, Zorblo)."""

from __future__ import annotations

import pytest

from tracker.analysis.materiality import cosmetic_kind
from tracker.analysis.novelty import same_meaning
from tracker.api import compare

_HEAD = "# Zorblo Privacy Notice\n\nZorblo Ltd runs the Zorblo recipe app.\n\n"
_TAIL = "\n\nWe keep invoices for as long as tax law requires.\n"


def _material(before: str, after: str) -> bool:
    return compare(_HEAD + before + _TAIL, _HEAD + after + _TAIL).material


@pytest.mark.parametrize("old, new, same", [
    ("sites", "websites", True), ("web sites", "websites", True), ("ads", "adverts", True),
    ("advertisements", "ads", True), ("utilise", "use", True), ("utilised", "used", True),
    ("prior to", "before", True), ("mobile apps", "mobile applications", True),
    ("ads", "advert", False),  # many to one is another number
    ("may", "will", False), ("personal data", "data", False), ("sites", "services", False),
    ("sites", "sites", False),  # nothing put for anything
    ("", "websites", False),
])
def test_same_meaning_reads_words_put_for_one_another(old: str, new: str, same: bool) -> None:
    assert same_meaning(old.split(), new.split()) is same


@pytest.mark.parametrize("before, after", [
    ("We use cookies to show you ads on other sites or mobile apps.",
     "We use cookies to show you adverts on other websites or mobile apps."),
    ("Zorblo may utilise your recipe history prior to suggesting a meal plan.",
     "Zorblo may use your recipe history before suggesting a meal plan."),
    ("You can object by e-mail to our data protection organisation.",
     "You can object by email to our data protection organization."),
])
def test_a_word_of_the_same_meaning_is_not_material(before: str, after: str) -> None:
    result = compare(_HEAD + before + _TAIL, _HEAD + after + _TAIL)
    assert not result.material
    assert result.categories == ()


def test_a_synonym_is_said_as_a_rewording() -> None:
    result = compare(_HEAD + "We never sell data about the sites you visit." + _TAIL,
                     _HEAD + "We never sell data about the websites you visit." + _TAIL)
    [change] = result.changes
    assert not change.material
    assert change.explanation == "Reworded without a change of meaning: “sites” now “websites”"


@pytest.mark.parametrize("before, after", [
    # a modal
    ("We may share your personal data with our payment processor.",
     "We will share your personal data with our payment processor."),
    # a scope word dropped
    ("We may share your personal data with our payment processor.",
     "We may share your data with our payment processor."),
    # a value said otherwise
    ("You may request a refund within 30 days of purchase.",
     "You may request a refund within one week of purchase."),
    # a new recipient in a sharing sentence
    ("We may share your personal data with our payment processor.",
     "We may share your personal data with our payment processor and advertising partners."),
    # synonyms beside a scope change: the scope change is still read
    ("We will only show ads to paid members.", "We will show adverts to all members."),
    # the only way to cancel removed with its address
    ("To cancel your subscription, send an e-mail to cancel@zorblo.example from the address on your account.",
     "To cancel your subscription, send a request from the address on your account."),
])
def test_near_misses_stay_material(before: str, after: str) -> None:
    assert _material(before, after)


def test_a_hidden_address_with_its_tail_glued_after_the_link_is_a_contact_detail() -> None:
    link = "[\\[email protected\\]](https://zorblo.example/cdn-cgi/l/email-protection)"
    before = f"You can opt out at any time by contacting us at {link}_._"
    after = f"You can opt out at any time by contacting us at {link}lo.example_._"
    assert cosmetic_kind(before, after) == "contact-details"
    assert not _material(before, after)
    # a word glued after the link with a space is a word of the clause, read as one
    assert cosmetic_kind(f"Write to {link} to opt out.", f"Write to {link} to opt in.") is None


def test_an_address_put_for_another_is_a_contact_detail() -> None:
    assert not _material("You can opt out by contacting us at privacy@zorblo.example.",
                         "You can opt out by contacting us at privacy@zorblo-mail.example.")


@pytest.mark.parametrize("before, after", [
    ("To exercise your rights, write to privacy (at) zorblo (dot) example.",
     "To exercise your rights, write to privacy@zorblo.example."),
    ("To exercise your rights, write to privacy@zorblo.example.",
     "To exercise your rights, write to privacy [at] zorblo [dot] example."),
    ("Email: **privacy** ((at)) **zorblo** ((dot)) **example**", "Email: dpo@zorblo.example"),
])
def test_an_address_spelled_out_against_harvesting_is_a_contact_detail(before: str, after: str) -> None:
    assert cosmetic_kind(before, after) == "contact-details"
    assert not _material(before, after)


def test_a_plain_at_is_no_spelled_out_address() -> None:
    # "at" unbracketed is a word of the sentence: the place changed, not an address's spelling
    assert cosmetic_kind("Disputes are heard at the courts of Leeds.", "Disputes are heard at the courts of Paris.") is None


@pytest.mark.parametrize("before, after", [
    ("You can opt out by e-mailing privacy@zorblo.example or using the web form.", "You can opt out by using the web form."),
    ("To cancel your plan, e-mail cancel@zorblo.example or write to us.", "To cancel your plan, write to us."),
    ("You can cancel your plan by e-mailing cancel@zorblo.example or in your account settings.",
     "You can cancel your plan in your account settings."),
])
def test_one_listed_way_gone_while_another_is_kept_is_a_contact_detail(before: str, after: str) -> None:
    assert not _material(before, after)


@pytest.mark.parametrize("before, after", [
    ("You may cancel your plan at any time by sending an e-mail to cancel@zorblo.example.",
     "You may cancel your plan at any time."),
    # "or" beside the address, but no other way left to cancel by
    ("You may cancel your plan by sending an e-mail to cancel@zorblo.example or its successor address.",
     "You may cancel your plan."),
])
def test_the_only_way_to_cancel_removed_stays_material(before: str, after: str) -> None:
    result = compare(_HEAD + before + _TAIL, _HEAD + after + _TAIL)
    assert result.material
    assert "subscription" in result.categories

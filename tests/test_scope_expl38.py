"""Scope changes inside an exclusion or a negation said the right way round (issue 11, expl38).

Words put into "not including …", "except …", "do not apply to …", "sauf", "ausgenommen" narrow
what a clause covers: an item added there is no "Now also covers", and a word that only
qualifies an item already excluded ("email address" → "unhashed email address") is no new item.
Invented texts of fictional services, analysed for real.
"""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.wording import exclusion_said

_NI = ("Our partners may use information (not including your name, address, email address, or telephone number) "
       "about your visits to the Zorblio app in order to show you advertisements.")
_COLLECT = "We collect your name, address, email address, or telephone number when you create a Zorblio account."


def _explain(before: str, after: str) -> tuple[bool, str]:
    """(material, explanation) of the one changed clause of two invented privacy pages."""
    page = "# Privacy\n\n{}\n\nWe keep logs for 30 days.\n"
    a = analyse(page.format(before), page.format(after))
    changed = [c for c in a.changes if c.kind == "modified"]
    assert len(changed) == 1, [c.explanation for c in a.changes]
    return changed[0].material, changed[0].explanation


def test_qualifier_added_to_an_excluded_item_narrows_the_exclusion() -> None:
    material, said = _explain(_NI, _NI.replace("email address", "unhashed email address"))
    assert material
    assert said.startswith("Narrows the excluded “email address” to “unhashed email address” only")
    assert "Now also covers" not in said


def test_qualifier_dropped_from_an_excluded_item_widens_the_exclusion() -> None:
    material, said = _explain(_NI.replace("email address", "unhashed email address"), _NI)
    assert material
    assert said.startswith("Widens the excluded “unhashed email address” to any “email address”")


@pytest.mark.parametrize("before, after, item", [
    (_NI, _NI.replace("email address,", "email address, payment card number,"), "payment card number"),
    ("Zorblio does not sell your name, email address or purchase history to data brokers.",
     "Zorblio does not sell your name, email address, phone number or purchase history to data brokers.",
     "phone number"),
    ("These Terms do not apply to business accounts or school accounts, which have their own agreement.",
     "These Terms do not apply to business accounts, government accounts or school accounts, which have their own "
     "agreement.", "government accounts"),
    ("Wir geben Ihre Daten an Partner weiter, ausgenommen Ihren Namen und Ihre Anschrift.",
     "Wir geben Ihre Daten an Partner weiter, ausgenommen Ihren Namen, Ihre Telefonnummer und Ihre Anschrift.",
     "Telefonnummer"),
    ("Nous pouvons partager vos données avec nos partenaires, à l'exception de votre nom et de votre adresse postale.",
     "Nous pouvons partager vos données avec nos partenaires, à l'exception de votre nom, de votre numéro de "
     "téléphone et de votre adresse postale.", "numéro de téléphone"),
])
def test_item_added_to_an_exclusion_is_excluded_not_covered(before: str, after: str, item: str) -> None:
    material, said = _explain(before, after)
    assert material
    assert said.startswith("Now also excludes: ") and item in said, said


def test_item_taken_out_of_an_exclusion_is_no_longer_excluded() -> None:
    material, said = _explain(_NI.replace("email address,", "email address, payment card number,"), _NI)
    assert material
    assert said.startswith("No longer excludes: payment card number"), said


def test_item_added_to_what_is_collected_still_covered() -> None:
    # near miss: the same list with no exclusion before it
    material, said = _explain(_COLLECT, _COLLECT.replace("email address,", "email address, payment card number,"))
    assert material and said.startswith("Now also covers: payment card number"), said
    material, said = _explain(_COLLECT.replace("email address,", "email address, payment card number,"), _COLLECT)
    assert material and said.startswith("No longer covers: payment card number"), said


def test_qualifier_on_a_covered_item_is_no_new_item() -> None:
    material, said = _explain(_COLLECT, _COLLECT.replace("email address", "unhashed email address"))
    assert material and said.startswith("Narrows “email address” to “unhashed email address”"), said


def test_item_after_the_exclusion_closed_is_covered() -> None:
    # near miss: "(not including …)" closed before the new item
    before = ("Our partners may use information (not including your name or email address) about your visits to "
              "websites and videos to show you advertisements.")
    material, said = _explain(before, before.replace("websites and", "websites, apps and"))
    assert material and "excludes" not in said and "apps" in said, said


def test_item_added_to_a_rule_for_the_user_stays_covered() -> None:
    # near miss: "you may not use … to" is a rule the user is bound by; a new act in it is more it forbids
    before = "You may not use the Zorblio service to send chain letters or junk mail to other people."
    material, said = _explain(before, before.replace("letters or", "letters, unsolicited bulk advertising or"))
    assert material and said.startswith("Now also covers: unsolicited bulk advertising"), said


def test_new_choice_in_a_list_stays_covered() -> None:
    material, said = _explain("We offer monthly plans to all users of Zorblio, and you can cancel at any time.",
                              "We offer monthly or yearly plans to all users of Zorblio, and you can cancel at any time.")
    assert material and said.startswith("Now also covers: yearly plans"), said


def test_other_explanations_pass_through() -> None:
    text = "We share your name except with advertisers."
    assert exclusion_said("Now reads “x” (was “y”) (privacy)", text, text) == "Now reads “x” (was “y”) (privacy)"
    # words replaced, not only put in: left to the passage said before and after
    assert exclusion_said("Now also covers: phone number (privacy)", "We sell your name, except your email.",
                          "We sell your name, except your phone number.") == "Now also covers: phone number (privacy)"


def test_names_and_widening_words_are_no_exclusion_or_narrowing() -> None:
    # "Do Not Track" names a browser signal; "many" before an item narrows nothing
    assert exclusion_said("Now also covers: Browser Signals (privacy)", "Do Not Track.",
                          "Do Not Track and Browser Signals.") == "Now also covers: Browser Signals (privacy)"
    said = "Now also covers: many different (privacy)"
    assert exclusion_said(said, "Zorblio follows the laws of the different countries where users live.",
                          "Zorblio follows the laws of the many different countries where users live.") == said


@pytest.mark.parametrize("before, after, said", [
    ("We do not share your data with anyone, except with payment processors.",
     "We do not share your data with anyone, except with payment processors and advertising networks.",
     "Now also covers: advertising networks"),
    ("Nous ne partageons vos données avec personne, sauf avec nos prestataires de paiement.",
     "Nous ne partageons vos données avec personne, sauf avec nos prestataires de paiement et nos régies publicitaires.",
     "Now also covers: régies publicitaires"),
])
def test_exception_to_a_denial_is_what_is_covered(before: str, after: str, said: str) -> None:
    # near miss: "no one, except X": X is what the clause does; more of it is more it covers
    material, got = _explain(before, after)
    assert material and got.startswith(said), got


@pytest.mark.parametrize("before, after", [
    # an order to the reader is a rule for the user, "but not limited to" excludes nothing,
    # a condition's reach ends at its comma
    ("Do not use Zorblio Chat to promote spam or scams.", "Do not use Zorblio Chat to promote spam, phishing or scams."),
    ("You must comply with laws, including but not limited to copyright and privacy laws.",
     "You must comply with laws, including but not limited to copyright, export and privacy laws."),
    ("Except as required by law, we share your name and email address with partners.",
     "Except as required by law, we share your name, email address and phone number with partners."),
])
def test_no_exclusion_read_where_there_is_none(before: str, after: str) -> None:
    said = "Now also covers: phone number (privacy)"
    assert exclusion_said(said, before, after) == said


def test_a_denial_ends_where_another_clause_starts() -> None:
    said = "Now also covers: processors (privacy)"
    before = "Although we do not sell your data, we share some of it with our service providers."
    after = "Although we do not sell your data, we share some of it with our service providers or processors."
    assert exclusion_said(said, before, after) == said

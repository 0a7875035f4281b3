"""Session 29 (fp29b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.api import compare

# -- which copy of the text binds: "the original English text shall be the sole legally binding version"

COPY = ("# Cookie Notice\n\nEffective date: 1 March 2024\n\nThis notice explains how Pebblo uses cookies on its "
        "website and app.\n\nWe use analytics cookies to count visits to our pages.\n")


def test_a_sentence_naming_the_only_binding_language_version_is_no_term() -> None:
    for said in ("The original English text shall be the sole legally binding version.",
                 "Only the German version of this notice is authoritative.",
                 "The French text remains the only binding version of this notice."):
        new = COPY.replace("This notice explains", said + " This notice explains")
        result = compare(COPY, new)
        assert not result.material, said


def test_a_binding_sentence_that_shares_data_stays_material() -> None:
    # "binding" without naming a copy of the text (a translation, a language version) is no such note
    new = COPY.replace("This notice explains", "This notice is legally binding and lets us share your browsing "
                       "data with advertising partners. This notice explains")
    result = compare(COPY, new)
    assert result.material and "privacy" in result.categories


# -- a company converted to another legal form of its country, its name kept and completed ---------

PARTY = ('# Terms of Service\n\nThese terms are an agreement between you and Quibly, Inc. ("Quibly"). Quibly, Inc. '
         "provides a note-taking app.\n\nWe may suspend accounts that break these terms.\n")


def test_a_legal_form_converted_with_a_name_word_added_is_the_same_company() -> None:
    for new in ("Quibly Ventures LLC", "Quibly LLC"):
        result = compare(PARTY, PARTY.replace("Quibly, Inc.", new))
        assert not result.material, new


def test_another_company_or_an_affiliate_abroad_stays_a_new_party() -> None:
    # a place beside the name, a form of another country, or another name: another party
    for new in ("Quibly Texas LLC", "Quibly Ireland Ltd", "Bolt Labs LLC", "Quibly Holdings Ltd"):
        result = compare(PARTY, PARTY.replace("Quibly, Inc.", new))
        assert result.material and "contracting party" in result.changes[0].explanation, new

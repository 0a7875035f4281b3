"""Session 41 (fp41a) false alarms of the material flag (issue 11): text about the page or the site,
not about what the user gets, pays, owes or agrees to. A help centre's feedback widget ("Give
feedback about this article"), a banner that says the agreement was updated ("WE HAVE MADE SOME
UPDATES TO OUR AGREEMENT ..."), and a list of credits (data sources, code or pictures credited with
their licences) are no terms. Near misses stay material: an announcement that states the new term
after its colon, a rule on how the user is told of changes, a licence that grants or restricts the
user's rights, a list of the processors that get the user's data. All text is invented (fictional
services)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_announcement, is_credit_entry

_TERMS = ("# Zorblio Terms of Service\n\n"
          "## 1. Your account\n\nYou must be at least 16 years old to use Zorblio. "
          "You are responsible for all activity under your account.\n\n"
          "## 2. Fees\n\nZorblio Plus costs $9 per month, billed in advance. You can cancel at any time in Settings.\n\n"
          "## 3. Warranties\n\nZorblio is provided as is, without warranties of any kind.\n")


def _with(text: str, at: str = "## 2. Fees") -> str:
    return _TERMS.replace(at, f"{text}\n\n{at}")


# -- a feedback widget --------------------------------------------------------------------------

@pytest.mark.parametrize("widget", ["Give feedback about this article",
                                    "Choose a section to give feedback on",
                                    "Send us feedback on this page",
                                    "Rate this article"])
def test_a_feedback_widget_is_page_chrome(widget: str) -> None:
    for old, new in ((_TERMS, _with(widget)), (_with(widget), _TERMS)):
        result = analyse(old, new)
        assert not result.material, result.summary
        assert "page-chrome" in result.cosmetic, result.cosmetic


def test_a_feedback_licence_stays_a_term() -> None:
    # the same words opening a clause that grants the provider rights in the user's feedback
    clause = "If you give feedback about the Service, you grant Zorblio a licence to use it without compensation."
    result = analyse(_TERMS, _with(clause))
    assert result.material, result.summary
    assert "content-rights" in result.categories, result.categories


# -- an announcement that the terms were updated -------------------------------------------------

@pytest.mark.parametrize("banner", [
    "**WE HAVE MADE SOME UPDATES TO OUR DEVELOPER AGREEMENT, AND THE FULLY UPDATED AGREEMENT IS BELOW.**",
    "We have revised our Privacy Policy, and the revised policy is set out below.",
    "We have updated our Terms of Service: please review them.",
    "We have updated our terms: see what's changed.",
])
def test_an_update_banner_is_an_announcement(banner: str) -> None:
    for old, new in ((_TERMS, _with(banner, "## 1. Your account")), (_with(banner, "## 1. Your account"), _TERMS)):
        result = analyse(old, new)
        assert not result.material, result.summary
        assert "announcement" in result.cosmetic, result.cosmetic


def test_an_announcement_that_states_the_new_term_is_material() -> None:
    text = "We have updated our terms: disputes now go to binding arbitration."
    assert not is_announcement(text)
    assert is_announcement("We have updated our terms: please review them.")
    for sentence in (text, "We have made some updates to our terms: refunds are now given only as store credit."):
        result = analyse(_TERMS, _with(sentence, "## 1. Your account"))
        assert result.material, result.summary
    assert "arbitration" in analyse(_TERMS, _with(text, "## 1. Your account")).categories


def test_how_users_are_told_of_changes_stays_a_term() -> None:
    rule = "We will notify you by email 30 days before changes to these terms take effect."
    assert not is_announcement(rule)
    for old, new in ((_TERMS, _with(rule, "## 3. Warranties")), (_with(rule, "## 3. Warranties"), _TERMS)):
        result = analyse(old, new)
        assert result.material, result.summary
        assert "terms-changes" in result.categories, result.categories


# -- a list of credits ---------------------------------------------------------------------------

_SOURCES = [
    "Lakeview Transit Authority: [https://lakeview-transit.example/open-data](https://lakeview-transit.example/open-data)",
    "City of Port Amberly",
    "Harbour Region Open Data, licensed under CC BY 4.0",
    "Northfield County: [https://northfield.example/licence](https://northfield.example/licence)",
    "Amberly Survey Office © 2029",
    "Riverton Parks Board",
]
_NEW_SOURCE = ("Greywater Bus Company (GBC): [https://gbc.example/developers](https://gbc.example/developers) Note "
               "about their licence: By accessing GBC data, you agree to comply with the GBC terms of use. You must "
               "name GBC as the source when using its data.")


def _notices(sources: list[str]) -> str:
    items = "\n\n".join(f"    {n}. {s}" for n, s in enumerate(sources, 1))
    return _TERMS + f"\n## 4. Legal notices\n\n1. **Map data sources**\n\n{items}\n"


def test_a_source_added_to_a_list_of_credits_is_no_term() -> None:
    old, new = _notices(_SOURCES), _notices(_SOURCES + [_NEW_SOURCE])
    assert is_credit_entry("You must name GBC as the source when using its data.", new)
    for a, b in ((old, new), (new, old)):
        result = analyse(a, b)
        assert not result.material, result.summary


def test_a_list_of_the_users_licence_terms_is_no_list_of_credits() -> None:
    # the same shape, but each item speaks to the user: the user's licence, a term
    terms = ["You may copy the maps for personal use, licensed under CC BY 4.0.",
             "You may not sell the maps.", "You must keep the copyright notice.",
             "You may print up to 100 copies.", "You must credit Zorblio when sharing a map."]
    old = _notices(terms)
    new = _notices(terms + ["You may not use the maps to train machine learning models."])
    assert not is_credit_entry("You may not use the maps to train machine learning models.", new)
    result = analyse(old, new)
    assert result.material, result.summary


def test_a_new_processor_in_a_list_of_processors_stays_material() -> None:
    # a list of names and links that credits no licence: the parties that get the user's data
    procs = ["Cloudhaven Hosting: [https://cloudhaven.example](https://cloudhaven.example)",
             "Paylark Payments: [https://paylark.example](https://paylark.example)",
             "Mailorbit Email: [https://mailorbit.example](https://mailorbit.example)",
             "Ticketly Support: [https://ticketly.example](https://ticketly.example)",
             "Logweave Analytics: [https://logweave.example](https://logweave.example)"]
    lines = "\n".join(f"* {p}" for p in procs)
    head = _TERMS + "\n## 4. Processors\n\nWe share your personal data with these processors:\n\n"
    new_proc = "* Adspring Advertising: [https://adspring.example](https://adspring.example)"
    old, new = head + lines + "\n", head + lines + "\n" + new_proc + "\n"
    assert not is_credit_entry(new_proc, new)
    result = analyse(old, new)
    assert result.material, result.summary


def test_a_licence_granted_to_the_user_stays_a_term() -> None:
    clause = "Zorblio grants you a non-exclusive licence to use the maps for personal, non-commercial purposes only."
    result = analyse(_TERMS, _with(clause, "## 3. Warranties"))
    assert result.material, result.summary

"""Session 41 (fp41a) false alarms of the material flag (issue 11): text about the page or the site,
not about what the user gets, pays, owes or agrees to. A help centre's feedback widget ("Give
feedback about this article"), a banner that says the agreement was updated ("WE HAVE MADE SOME
UPDATES TO OUR AGREEMENT ...") are no terms. Near misses stay material: an announcement that states
the new term after its colon, a rule on how the user is told of changes, a licence that grants or
restricts the user's rights. (fp41a's list-of-credits rule was taken out again in session 37: on a
blind set it cost a category of a truly material pair.) All text is invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_announcement

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


def test_a_licence_granted_to_the_user_stays_a_term() -> None:
    clause = "Zorblio grants you a non-exclusive licence to use the maps for personal, non-commercial purposes only."
    result = analyse(_TERMS, _with(clause, "## 3. Warranties"))
    assert result.material, result.summary

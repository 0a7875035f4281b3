"""Session 38 (fp38b) false alarms of the material flag (issue 11): a banner's link to the coming
terms ("You can preview the updated Terms of Service here") is an announcement, not a rule for
changes; the enumerators of a list inside a sentence corrected alone ("(iii)" to "(iv)") are
renumbering; a corporate home page of a few hundred words with no legal pattern captured in place
of the terms is another page. Each kind has its near miss, which stays material. All text is
invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_announcement
from tracker.api import compare

_TERMS = ("# Quillory Terms of Service\n\n"
          "Thank you for using Quillory!\n\n"
          "## 1. Your account\n\nYou must be at least 16 years old to create a Quillory account. "
          "You are responsible for all activity under your account.\n\n"
          "## 2. Termination\n\nQuillory may terminate the Agreement immediately on notice to you if (i) you fail to "
          "pay any amount owed; or (ii) the Services are used in violation of applicable law, or (iii) your use "
          "creates legal risk for Quillory; or (iii) you breach any provision of this Agreement.\n\n"
          "## 3. Fees\n\nQuillory Plus costs $9 per month, billed in advance. Fees are non-refundable.\n")


# -- a banner's link to the coming terms --------------------------------------------------------

def test_a_dated_banner_with_a_preview_link_is_an_announcement() -> None:
    banner = ("We're updating our Terms of Service, effective April 30, 2031. You can preview the updated "
              "Terms of Service [here](https://quillory.example/terms-preview).\n\n")
    result = analyse(_TERMS, _TERMS.replace("Thank you", banner + "Thank you"))
    assert not result.material, result.summary
    assert "announcement" in result.cosmetic, result.cosmetic


@pytest.mark.parametrize("sentence", ["You can preview the updated Terms of Service here.",
                                      "See a preview of the upcoming Terms.",
                                      "You can view the updated Privacy Policy here."])
def test_a_link_to_the_coming_text_is_an_announcement(sentence: str) -> None:
    assert is_announcement(sentence)


@pytest.mark.parametrize("sentence", ["We may change these terms at any time; please read the revised terms carefully.",
                                      "Quillory may update these terms; you can find the updated terms on our website."])
def test_the_power_to_change_the_terms_is_no_preview_link(sentence: str) -> None:
    # the near miss: the same words inside the rule for changes, which grants the power
    assert not is_announcement(sentence)


def test_the_rule_for_changes_beside_it_stays_a_term() -> None:
    rule = "We may change these terms at any time without notice; please read the revised terms carefully.\n\n"
    result = analyse(_TERMS, _TERMS.replace("## 3. Fees", rule + "## 3. Fees"))
    assert result.material, result.summary
    assert "terms-changes" in result.categories, result.categories


def test_a_dated_stamp_alone_seeds_no_banner() -> None:
    # "Last updated: <date>" is a stamp, not an announcement: a term added beside it is read as usual
    new = _TERMS.replace("Thank you for using Quillory!", "Last updated: May 2, 2031\n\nThank you for using Quillory!\n\n"
                         "We may suspend your account at any time without notice.")
    result = analyse(_TERMS, new)
    assert result.material, result.summary


# -- enumerators of a list inside a sentence --------------------------------------------------------

def test_a_duplicated_list_number_corrected_is_renumbering() -> None:
    result = analyse(_TERMS, _TERMS.replace("; or (iii) you breach", "; or (iv) you breach"))
    assert not result.material, result.summary
    assert result.cosmetic == ("renumbering",), result.cosmetic


def test_an_item_added_to_the_list_stays_material() -> None:
    # the near miss: a new ground for termination, numbered like the others
    new = _TERMS.replace("; or (iii) you breach", "; or (iv) you post spam; or (v) you breach")
    result = analyse(_TERMS, new)
    assert result.material, result.summary
    assert "termination" in result.categories, result.categories


def test_a_cited_article_s_parts_are_no_list_numbers() -> None:
    # "6(1)(f)" to "6(1)(a)" names another legal basis: its brackets follow a figure, not a space
    before = _TERMS + "\n## 4. Data\n\nWe process your data under Art. 6(1)(f) GDPR for (a) billing and (b) fraud checks.\n"
    result = analyse(before, before.replace("6(1)(f)", "6(1)(a)"))
    assert result.cosmetic != ("renumbering",), result.cosmetic


# -- a corporate home page captured in place of the terms -------------------------------------------

_LONG_TERMS = _TERMS + "".join(
    f"\n## {n}. Clause {n}\n\nQuillory may suspend or terminate your access to feature {n} if you breach these Terms. "
    f"You agree to indemnify and hold harmless Quillory from any claims arising from your use of feature {n}. "
    f"To the maximum extent permitted by law, Quillory shall not be liable for any indirect damages. "
    f"These Terms are governed by the laws of the State of Oregon, and any dispute shall be resolved by binding "
    f"arbitration.\n" for n in range(4, 30))

_HOME_PAGE = "\n\n".join(
    ["![](https://quillory.example/logo.png)", "We are the largest maker of puzzle games.", "The puzzles you _love._",
     "The moments you _share._"]
    + [f"**{name} is a favourite of families.**\n\n![{name}](/img/{name.lower()}.jpg)"
       for name in ("Tangle", "Brightword", "Mosaic Lane", "Pebble", "Clockwork Garden", "Lantern", "Riddlebox",
                    "Skylark", "Honeycomb", "Marble Run", "Paper Boats", "Driftwood")]
    + ["Our editors pick a new puzzle every morning for millions of players, from quick word games to long "
       "logic trails, with stories about the artists who draw them and the musicians who score them.",
       "How can we help you? [Contact Us](https://quillory.example/contact)"]) + "\n"


def test_a_home_page_in_place_of_the_terms_is_another_page() -> None:
    assert 600 < len(_HOME_PAGE) and len(_HOME_PAGE.split()) < 500  # (longer than a "short page", shorter than a long one)
    result = compare(_LONG_TERMS, _HOME_PAGE)
    assert not result.material, result.summary
    assert "another page" in result.summary, result.summary


def test_a_short_text_of_terms_in_place_of_the_terms_stays_material() -> None:
    # the near miss: a short text that still reads as terms (a duty, a power) is terms cut down
    short = ("# Quillory Terms of Service\n\nQuillory may terminate your account at any time without notice. "
             "You must be at least 18 years old to use Quillory. You agree to pay all fees when due.\n\n"
             + _HOME_PAGE)
    result = compare(_LONG_TERMS, short)
    assert result.material, result.summary


# -- where the terms apply, widened beside a preview link --------------------------------------------

def test_a_banner_widening_where_the_policy_applies_stays_material() -> None:
    # the preview link is an announcement, but the sentence beside it moves where the policy applies
    banner = ("From July 31, 2031 Quillory is expanding the scope of our EU Player Consent Policy to apply to users "
              "in Switzerland. You can preview the updated policy [here](https://quillory.example/ch-update).\n\n")
    result = analyse(_TERMS, _TERMS.replace("Thank you", banner + "Thank you"))
    assert result.material, result.summary
    flagged = [c.after or "" for c in result.changes if c.material]
    assert flagged and all("Switzerland" in text for text in flagged), flagged  # (the link is not what is material)


def test_a_notice_that_the_service_ended_in_place_of_the_terms_stays_material() -> None:
    # the near miss of the home page: the page that replaced the terms says the service is gone
    notice = _HOME_PAGE.replace("We are the largest maker of puzzle games.",
                                "**Quillory Puzzles is no longer available as of September 30, 2031.**")
    result = compare(_LONG_TERMS, notice)
    assert result.material, result.summary

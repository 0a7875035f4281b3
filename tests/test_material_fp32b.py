"""A short page about something else captured in place of guidelines (issue 11, false alarms of
the kind "a different page captured").

Guidelines (an advertising policy, community rules) hold few of the legal patterns terms do, so
``boilerplate.not_terms_side`` does not take them for terms, and a few lines of a product overview
captured at their address read as every rule removed. ``scope.landing_page`` tells them by their
topic words instead: a short page with hardly any legal vocabulary and no topic words, sharing no
line with topic-dense guidelines, is another page. An early short version of the rules still has
topic words, and a cut-down version keeps lines of the old one: both stay a change of the rules.
Invented texts of a fictional service; whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.boilerplate import not_terms_side
from tracker.analysis.scope import TOPIC_DENSE, TOPIC_SPARSE, landing_page, other_page_side, topic_density
from tracker.fetch.guards import HOLLOW_LEGAL, TERMS_LIKE
from tracker.vocabulary import legal_vocabulary

RULES = {
    "Prohibited content": "Ads must not promote weapons, tobacco, illegal drugs or gambling services. Ads for "
                          "alcohol may only be shown to adults where local law allows.",
    "Misleading claims": "Ads must not make false or misleading claims about prices, discounts or product results. "
                         "A price shown in an ad must match the price on the landing page.",
    "Personal data": "Ads must not ask users for passwords, card numbers or health information. Advertisers may "
                     "not use personal data collected through an ad to build profiles of users.",
    "Review of ads": "Brindle may reject or remove any ad that breaks these guidelines, and may suspend "
                     "advertisers who repeatedly break them.",
    "Children": "Ads directed at children under 13 are not allowed, and ads for toys must not urge children to "
                "ask their parents to buy.",
    "Political ads": "Political ads must say who paid for them and may only run in countries where Brindle "
                     "permits them.",
    "Landing pages": "The page an ad links to must work, must load quickly and must sell what the ad shows.",
    "Audio and video": "Spoken ads must not imitate sirens, alarms or notification sounds, and videos must not "
                       "flash.",
    "Health claims": "Ads for supplements must not claim to cure or prevent any disease, and must not show "
                     "before-and-after photos.",
    "Contests": "Ads for contests must state who may enter, what can be won and when the winners are drawn.",
    "Other people's work": "Ads must not copy the logos, music or photos of others without their permission.",
    "Sensitive topics": "Ads must not target users by religion, sexual orientation or illnesses, and must not "
                        "suggest that Brindle knows such things about a user.",
    "Financial products": "Ads for loans, credit cards or crypto-assets must state the interest rate and the "
                          "risks, and must not promise returns.",
    "Dating and social": "Ads for dating services must not show sexual content and may only target users over 18.",
    "Tracking": "Ads must not place cookies or other tracking technologies on a user's device unless the user "
                "has agreed.",
}
GUIDELINES = "# Brindle Advertising Guidelines\n\n" + "\n\n".join(
    f"## {title}\n\n{body}" for title, body in RULES.items()) + "\n"

# A product overview served at the guidelines' address, pointing back to them.
OVERVIEW = ("# Advertising on Brindle speakers\n\nReach listeners in their kitchens and living rooms with audio "
            "spots.\n\nSpots on speakers follow the same rules as every Brindle spot: see the [main guidelines]"
            "(https://brindle.example/ads/guidelines).\n\n[Get started](https://brindle.example/ads/start)\n")


def test_the_guidelines_are_not_terms_by_legal_patterns_but_by_topic_words():
    # the premise of the kind: the older rule (``not_terms_side``) does not see them as terms
    assert HOLLOW_LEGAL <= legal_vocabulary(GUIDELINES) < TERMS_LIKE
    assert topic_density(GUIDELINES)[0] >= TOPIC_DENSE
    assert not_terms_side(GUIDELINES, OVERVIEW) is None
    assert topic_density(OVERVIEW)[0] <= TOPIC_SPARSE


def test_a_short_overview_in_place_of_guidelines_is_another_page():
    assert landing_page(OVERVIEW, GUIDELINES)
    assert other_page_side(GUIDELINES, OVERVIEW) == "new"
    result = analyse(GUIDELINES, OVERVIEW)
    assert not result.material
    assert "another page captured" in result.summary


def test_the_guidelines_back_after_the_overview_are_no_new_rules():
    assert other_page_side(OVERVIEW, GUIDELINES) == "old"
    assert not analyse(OVERVIEW, GUIDELINES).material


def test_an_early_short_version_of_the_rules_stays_a_change():
    # a few lines of rules have topic words: the text the rules then were, read as usual
    early = ("# Brindle Advertising Guidelines\n\nAds must not promote weapons or gambling. We may remove ads "
             "that collect personal data without consent.\n")
    assert not landing_page(early, GUIDELINES)
    assert other_page_side(GUIDELINES, early) is None
    assert analyse(GUIDELINES, early).material


def test_guidelines_cut_down_to_a_few_of_their_lines_stay_a_change():
    # a short page that keeps lines of the old rules is the rules shortened, not another page
    kept = ("# Brindle Advertising Guidelines\n\n## Contests\n\n" + RULES["Contests"] + "\n\n## Landing pages\n\n"
            + RULES["Landing pages"] + "\n")
    assert other_page_side(GUIDELINES, kept) is None
    assert analyse(GUIDELINES, kept).material


def test_a_short_off_topic_page_against_a_short_page_is_left_alone():
    # under 2,000 characters the other side is too short to call the document (``long_enough``)
    short_rules = "# Brindle Advertising Guidelines\n\n" + "\n\n".join(list(RULES.values())[:4]) + "\n"
    assert len(short_rules) < 2000
    assert other_page_side(short_rules, OVERVIEW) is None


def test_a_short_page_of_rules_without_topic_words_stays_a_change():
    # no topic word, but sentences of terms (``reads_as_terms``): a short page of rules, read as
    # usual, as a run holds such a page instead of refusing it
    spots = ("# Speaker spots\n\nBy placing a spot on a Brindle speaker you agree to these rules. Spots must be in "
             "good taste. Spots must not be louder than the programme around them. Each spot lasts thirty seconds "
             "or less.\n")
    assert topic_density(spots)[0] <= TOPIC_SPARSE and legal_vocabulary(spots) < HOLLOW_LEGAL
    assert not landing_page(spots, GUIDELINES)
    assert other_page_side(GUIDELINES, spots) is None
    assert analyse(GUIDELINES, spots).material

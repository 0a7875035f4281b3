"""Session 30 (fp30a): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.analysis.materiality import _chrome_clause
from tracker.api import compare

# -- a consent manager's panel captured at the foot of the page, its buttons and labels run
# together ("Refuse allAccept allValidate my choice"), gone (or new) while its "saved" note stays

POLICY = ("# Cookie Policy\n\nLast updated: 2 May 2025\n\nPlumly uses cookies to run its recipe site.\n\n"
          "## Analytics\n\nWe use analytics cookies to count visits and to see which recipes are read most.\n\n"
          "## Contact\n\nFor questions about this policy, write to privacy@plumly.example.\n\n")

PANEL = ("Choose your cookies\n\nNecessaryAlways active\n\n"
         "These cookies are needed for the site to work and to let you use its features.\n\n"
         "Cookies used: Sessionkeeper\n\nStatistics\n\n"
         "These cookies are used to measure how the site performs and to improve your visit.\n\n"
         "Cookies used: Countly\n\nAdvertising\n\n"
         "These cookies are used to show you offers that match your interests on other sites.\n\n"
         "Cookies used: Adnimbus\n\nDecline allAccept allSave my choices\n\n")

SAVED = "Your preferences have been saved!\n"


def test_run_together_panel_buttons_and_toggle_labels_are_widget_lines() -> None:
    for line in ("Refuse allAccept allValidate my choice", "Decline allAccept allSave my choices",
                 "NecessaryAlways active", "Strictly necessary cookies Always Active",
                 "Your choices have been saved!", "Your cookie settings have been updated."):
        assert _chrome_clause(line) == "widget", line


def test_a_sentence_about_choices_is_no_widget_line() -> None:
    # a term about saving choices or an always-on feature says more than a panel's label
    for line in ("Your choices have been saved and will be shared with our advertising partners.",
                 "We keep location tracking always active while the app runs.",
                 "You can accept all cookies or reject them in the settings."):
        assert _chrome_clause(line) != "widget", line


def test_a_consent_panel_gone_from_the_foot_of_the_page_is_no_change_of_terms() -> None:
    old = POLICY + PANEL + SAVED
    new = POLICY + SAVED
    result = compare(old, new)
    assert not result.material, result.summary
    assert not compare(new, old).material  # a panel captured again: no change either


def test_a_section_removed_at_the_foot_of_the_page_stays_material() -> None:
    # no panel: the section on advertising cookies is gone while the saved note stays at the edge
    tail = ("## Advertising\n\nWe use advertising cookies to show you offers from our partners on other sites, "
            "and we share your browsing data with them.\n\n")
    old = POLICY + tail + SAVED
    new = POLICY + SAVED
    result = compare(old, new)
    assert result.material and "privacy" in result.categories


# -- a consent manager's preference centre rendered at the foot of the page: the fixed wording of
# the ad industry's consent framework for its purposes, and a cookie list linking each cookie to the
# cookiepedia catalogue

PREFERENCES = (
    "Manage cookie preferences\n\n### Cookie List\n\n#### Strictly Necessary Cookies\n\n"
    "These cookies keep the site running and cannot be switched off in our systems.\n\n"
    "| Cookie Subgroup | Cookies | Cookies used |\n| --- | --- | --- |\n"
    "| plumly.example | [plm\\_sess](https://cookiepedia.co.uk/cookies/plm_sess) | First Party |\n"
    "| [adnimbus.example](https://cookiepedia.co.uk/host/adnimbus.example) | nb\\_id | Third Party |\n\n"
    "#### Store and/or access information on a device\n\n"
    "Cookies or similar information can be stored or accessed on your device for the purposes presented to you.\n\n"
    "#### Create a personalised ads profile\n\n"
    "A profile can be built about you and your interests to show you relevant ads.\n\n"
    "#### Use precise geolocation data\n\n"
    "Your location data can be used in support of one or more purposes.\n\n"
    "#### Identify devices\n\n"
    "Your device can be recognised based on a scan of your device's unique combination of characteristics.\n\n"
    "Manage Preferences\n")


def test_a_consent_preference_centre_captured_at_the_foot_of_the_page_is_no_change_of_terms() -> None:
    old = POLICY + "Cookie Settings\n"
    new = POLICY + PREFERENCES
    result = compare(old, new)
    assert not result.material, result.summary
    assert not compare(new, old).material


def test_a_profiling_section_added_at_the_foot_of_the_page_stays_material() -> None:
    # the policy's own words on building a profile for ads, after the cookie settings link: a new data use
    new = POLICY + ("## Advertising profile\n\nWe build a profile of your interests from the recipes you read "
                    "and share it with advertising partners to show you ads on other sites.\n\nCookie Settings\n")
    result = compare(POLICY + "Cookie Settings\n", new)
    assert result.material and "privacy" in result.categories


# -- a log-in or sign-up form captured in place of the document: its assent line ("By signing up,
# you agree to our Terms of Use and Privacy Policy") is all the legal vocabulary it holds

LONG_POLICY = "# Privacy Policy\n\nLast updated: 3 March 2025\n\n" + "".join(
    f"## {i}. {topic}\n\nPlumly collects and processes your personal data to {purpose}. We keep this data for "
    f"{i + 1} years and share it only with processors bound by contract. You have the right to access, correct "
    "and delete your personal data, and to object to its processing, under the applicable data protection law.\n\n"
    for i, (topic, purpose) in enumerate((("Accounts", "run your account"), ("Payments", "take your payments"),
                                          ("Support", "answer your questions"), ("Security", "protect the service"),
                                          ("Analytics", "measure how recipes are read"),
                                          ("Newsletters", "send the newsletters you asked for")), 1)) + (
    "## Consent and law\n\nWhere we rely on your consent, you may withdraw it at any time. This policy shall be "
    "governed by the laws of Ireland, and the courts of Dublin shall have exclusive jurisdiction over any dispute.\n")

LOGIN_FORM = ("plumly Back Log in Create new account (e.g. name@mail.example) Forgot password Remember me GO "
              "Sign Up I already have an account \\* By signing up, you agree to our Terms of Use and Privacy Policy "
              "GO Forgot your password? Enter your email address and we'll send you a link\n\n"
              "Done OR Sign in with: facebook\n\nloading, please wait...\n")


def test_a_login_form_captured_in_place_of_the_policy_is_no_change_of_terms() -> None:
    assert len(LONG_POLICY) >= 2000
    result = compare(LONG_POLICY, LOGIN_FORM)
    assert not result.material, result.summary
    assert "another page" in result.summary


def test_a_short_text_with_terms_besides_its_assent_line_stays_material() -> None:
    # the assent line and real terms: liability, termination and governing law are a text of terms
    short = ("By signing up, you agree to these terms. We may terminate your account at any time without notice. "
             "Our liability is limited to the fees you paid. These terms are governed by the laws of Ireland, "
             "and any dispute goes to binding arbitration.\n")
    result = compare(LONG_POLICY, short)
    assert result.material


# -- the site's footer call to action reworded in place: "Track your progress - it's free!" and its
# log-in links became one "Sign in to track progress" link

FOOTER_OLD = ("Track your cooking progress - it's free!\n\n"
              "[Log in](https://plumly.example/login) [Sign Up](https://plumly.example/signup)\n")
FOOTER_NEW = "[Sign in to track cooking progress](https://plumly.example/login \"Sign in to track your progress\")\n"


def test_account_links_are_chrome_lines() -> None:
    for line in ("[Log in](https://plumly.example/login) [Sign Up](https://plumly.example/signup)",
                 "[Sign in to save your recipes](https://plumly.example/login \"Sign in\")",
                 "[Create an account](https://plumly.example/join)"):
        assert _chrome_clause(line) == "strong", line
    # a sentence around the link is a text, not a line of links
    assert _chrome_clause("[Sign up](https://plumly.example/signup) to agree to these terms and get 10 free recipes.") == ""


def test_a_footer_call_to_action_reworded_into_a_sign_in_link_is_no_change_of_terms() -> None:
    result = compare(POLICY + FOOTER_OLD, POLICY + FOOTER_NEW)
    assert not result.material, result.summary


def test_a_last_sentence_reworded_beside_the_account_links_stays_material() -> None:
    links = "[Log in](https://plumly.example/login) [Sign Up](https://plumly.example/signup)\n"
    old = POLICY + "We do not share your data with advertisers.\n\n" + links
    new = POLICY + "We share your data with advertisers.\n\n" + links
    result = compare(old, new)
    assert result.material and "privacy" in result.categories


def test_a_term_reworded_into_a_sign_up_link_at_the_foot_of_the_page_stays_material() -> None:
    # what the old line said (an age limit) is gone, whatever replaced it
    old = POLICY + "Sign up to track your progress only if you are 18 or older.\n"
    new = POLICY + "[Sign up to track your progress](https://plumly.example/signup)\n"
    result = compare(old, new)
    assert [c.kind for c in result.changes] == ["modified"]  # (reworded in place, the case the rule reads)
    assert result.material and "eligibility" in result.categories


def test_a_term_added_between_the_footer_links_stays_material() -> None:
    # account links close the page, a line of other links comes before the new sentence: neither is
    # a widget to carry the sentence into the page's chrome
    footer = ("[Help](https://plumly.example/help) [Blog](https://plumly.example/blog)\n\n"
              "We may sell your personal data to advertising partners.\n\n"
              "[Log in](https://plumly.example/login) [Sign Up](https://plumly.example/signup)\n")
    result = compare(POLICY, POLICY + footer)
    assert result.material and "privacy" in result.categories

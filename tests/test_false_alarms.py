"""False alarms by kind (issue 11): changes that are not material, on invented terms of fictional
services, each next to the material change it must not be confused with.

Whole documents go through ``analyse`` (diff, whole-version comparison, labels), as ``compare``
and history import do.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

PRIVACY = """\
# Quillmoth Privacy Notice

Last updated: March 1, 2026

## 1. What we collect

We collect your name, your e-mail address and the notes you write in Quillmoth.
We keep your notes until you delete your account.

## 2. Your rights

You may ask us for a copy of your data or ask us to delete it.
You can object to the use of your data for marketing at any time.

## 3. Contact

Questions about this notice go to privacy@quillmoth.example.
Quillmoth Ltd, 7 Ferry Lane, Cork T12 X4K2, Ireland.
"""


def material(old: str, new: str) -> bool:
    return analyse(old, new).material


# --- contact routes ----------------------------------------------------------------------------
@pytest.mark.parametrize("route", [
    "If you live in the European Union, you can also contact our Data Protection Officer by writing to "
    "dpo@quillmoth.example with “DPO” in the subject line.",
    "If you are located in the United Kingdom, you can also contact Quillmoth’s UK representative:",
    "For business accounts you can use the [online contact form](https://quillmoth.example/form) in your "
    "dashboard or write to Quillmoth Business, 3 Mill Road, Leeds LS1 4AB.",
    "Pour les professionnels vous pouvez utiliser le [formulaire de contact](https://quillmoth.example/fr) "
    "ou écrire à Quillmoth, 12 rue des Lilas, 69003 Lyon.",
])
def test_a_new_way_to_reach_the_provider_is_not_material(route):
    new = PRIVACY.replace("Questions about this notice", f"{route}\n\nQuestions about this notice")
    result = analyse(PRIVACY, new)
    assert not result.material, result.summary


def test_a_removed_contact_sentence_is_not_material_while_another_route_is_left():
    old = PRIVACY.replace("## 3. Contact\n", "## 3. Contact\n\nIf you have questions about marketing e-mails, "
                          "you may contact our Customer Care team: care@quillmoth.example.\n")
    assert not material(old, PRIVACY)


def test_a_removed_contact_sentence_that_was_the_only_way_stays_material():
    old = ("# Quillmoth Privacy Notice\n\nWe collect your name.\n\nIf you want a copy of the personal data we "
           "hold about you, you can make a request at rights@quillmoth.example.\n")
    new = "# Quillmoth Privacy Notice\n\nWe collect your name.\n"
    assert material(old, new)
    # with another way left (a contact page), the route alone went
    assert not material(old, new + "\nQuestions? See our [contact page](https://quillmoth.example/contact).\n")


def test_a_rewritten_postal_address_is_contact_details():
    new = PRIVACY.replace("Quillmoth Ltd, 7 Ferry Lane, Cork T12 X4K2, Ireland.",
                          "Quillmoth Limited, Unit 4, 22 Harbour Street, Cork, Ireland.")
    result = analyse(PRIVACY, new)
    assert not result.material, result.summary
    # inside a sentence about a right: the changed words are the street's name and number and a
    # postcode, none of them a street word on its own
    inside = PRIVACY.replace("You may ask us for a copy of your data or ask us to delete it.",
                             "You can also exercise your rights by sending your request to Quillmoth, "
                             "40 Marsh Gate St., Cork 4470123, Ireland.")
    moved = inside.replace("Quillmoth, 40 Marsh Gate St., Cork 4470123", "Quillmoth Ltd, Brennan 5 St, Cork")
    result = analyse(inside, moved)
    assert not result.material, result.summary
    assert [c.cosmetic for c in result.changes] == ["contact-details"]


@pytest.mark.parametrize("old_sentence,new_sentence", [
    # a route that carries a deadline or a right to cancel is a term
    ("You can object to the use of your data for marketing at any time.",
     "You can object to the use of your data for marketing by writing to us within 14 days."),
    ("Questions about this notice go to privacy@quillmoth.example.",
     "Questions about this notice go to privacy@quillmoth.example. You can cancel your plan at any time "
     "by contacting us."),
    # a route that names a new right is the right
    ("Questions about this notice go to privacy@quillmoth.example.",
     "Questions about this notice go to privacy@quillmoth.example. You can also contact us to request the "
     "deletion of the personal data our partners hold about you."),
    ("Questions about this notice go to privacy@quillmoth.example.",
     "Questions about this notice go to privacy@quillmoth.example. You can also submit a request to receive "
     "a copy of your personal data in a portable format."),
    # a new ground of sharing next to a contact route is still new sharing
    ("We keep your notes until you delete your account.",
     "We keep your notes until you delete your account, and we share them with advertisers; you can "
     "contact us to object."),
])
def test_a_term_beside_a_contact_route_stays_material(old_sentence, new_sentence):
    assert material(PRIVACY, PRIVACY.replace(old_sentence, new_sentence))


def test_a_long_bold_title_about_contact_details_is_not_a_term():
    old = PRIVACY.replace("## 3. Contact\n", "## 3. Contact\n\n**Contact details for questions about the processing "
                          "of your personal data for marketing communications and content personalisation purposes**\n")
    assert not material(old, PRIVACY)


# --- announcements about the terms ---------------------------------------------------------------
@pytest.mark.parametrize("banner", [
    "_We have updated our March 1, 2026 Privacy Notice to add the new addresses of Quillmoth GmbH and "
    "Quillmoth SAS._",
    "You can view the prior Privacy Notice, which applies to all users until 9 April 2026, "
    "[here](https://quillmoth.example/privacy/2025).",
    "Quillmoth has updated its Privacy Notice as of \\[date of publication\\].",
    "If you signed up before \\[date of publication\\], the changes will be effective as of "
    "\\[enter a date two weeks later\\].",
])
def test_a_banner_about_the_notice_is_not_material(banner):
    old = PRIVACY.replace("Last updated: March 1, 2026\n", f"Last updated: March 1, 2026\n\n{banner}\n")
    result = analyse(old, PRIVACY)
    assert not result.material, result.summary
    assert not material(PRIVACY, old)


def test_a_summary_of_recent_changes_box_is_not_material():
    box = ("## Summary of Recent Changes\n\n* We have added terms clarifying that taxes may be added to "
           "Quillmoth Plus purchases.\n* We now explain how long we keep exported notes.\n\n")
    old = PRIVACY.replace("## 1. What we collect", box + "## 1. What we collect")
    result = analyse(old, PRIVACY)
    assert not result.material, result.summary


def test_a_rule_about_how_changes_take_effect_stays_material():
    old = PRIVACY + "\n## 4. Changes\n\nWe will tell you about changes by e-mail.\n"
    new = PRIVACY + ("\n## 4. Changes\n\nWe will tell you about changes by e-mail. The changes will take effect "
                     "on the date we post them, and you may close your account within 30 days if you reject them.\n")
    assert material(old, new)


# --- editorial rewording ---------------------------------------------------------------------------
RULES = """\
# Quillmoth Community Rules

Be sure to check back from time to time, as these rules may change.

* Do not harass, bully, or threaten other writers.
* You cannot sell your Quillmoth account.
* You must be over 16 years of age, or over 13 years of age with a parent's consent.
* We will remove notes that break these rules.
"""


@pytest.mark.parametrize("old,new", [
    ("Do not harass, bully, or threaten", "Don't harass, bully or threaten"),
    ("You cannot sell", "You can't sell"),
    ("We will remove", "We'll remove"),
    ("Be sure to check back", "Make sure that you check back"),
    ("Be sure to check back", "Please check back"),
    ("over 16 years of age, or over 13 years", "over 16 (sixteen) years of age, or over 13 (thirteen) years"),
])
def test_contractions_courtesy_words_and_spelled_numbers_are_not_material(old, new):
    result = analyse(RULES, RULES.replace(old, new))
    assert not result.material, result.summary


@pytest.mark.parametrize("old,new", [
    ("if you do not pay", "if you pay"),  # a negation really dropped
    ("Quillmoth may suspend", "Quillmoth can't suspend"),
    ("Quillmoth may suspend", "Quillmoth won't suspend"),
    ("over 16 years of age", "over 18 (eighteen) years of age"),  # a new age in both forms
])
def test_a_changed_rule_in_an_editorial_rewrite_stays_material(old, new):
    base = RULES + "\nQuillmoth may suspend your account if you do not pay your subscription.\n"
    assert material(base, base.replace(old, new))


# --- page chrome captured around the terms --------------------------------------------------------
HEADER = """\
[Quillmoth](https://quillmoth.example/)
======================================

[About](https://quillmoth.example/about)[Blog](https://quillmoth.example/blog)[Help](https://quillmoth.example/help)

[Log in](https://quillmoth.example/login)[Sign up](https://quillmoth.example/signup)

"""
FOOTER = """\

#### Get the Quillmoth app

Write on the go.

[App Store](https://apps.example/quillmoth)[Play Store](https://play.example/quillmoth)

© Quillmoth 2026

### About Your Privacy

We process your data to show content and ads and to measure how they perform. We share this information
with our partners on the basis of consent and legitimate interest.

[More information](https://quillmoth.example/cookies)

Allow All

#### Strictly Necessary Cookies

Always Active

These cookies are needed for the website to work and cannot be switched off in our systems. You can set
your browser to block these cookies, but some parts of the site will not then work.

[Cookie details](javascript:void(0))

Reject All Confirm My Choices
"""


def test_a_header_and_a_footer_with_a_consent_dialog_gone_from_the_capture_are_not_material():
    old = HEADER + PRIVACY + FOOTER
    result = analyse(old, PRIVACY)
    assert not result.material, result.summary
    assert not material(PRIVACY, old)  # and when they appear


def test_a_section_removed_before_the_footer_stays_material():
    tail = ("\n## 4. Sharing\n\nWe share your personal data with advertising partners, who use it to show you personalised ads. "
            "We may sell your e-mail address to data brokers.\n")
    old = PRIVACY + tail + FOOTER
    assert material(old, PRIVACY)  # the section went with the footer: still reported
    assert material(PRIVACY + tail, PRIVACY)  # and without any footer


def test_a_section_between_two_link_lines_at_the_end_stays_material():
    links = "\n[Terms](https://quillmoth.example/terms) | [Privacy](https://quillmoth.example/privacy)\n"
    tail = ("\n## 4. Sharing\n\nWe share your personal data with advertising partners, who use it to show you personalised ads.\n"
            "\nWe may sell your e-mail address to data brokers.\n\nWe keep your notes for ten years.\n"
            "\nWe may read your notes to train our models.\n")
    old = PRIVACY + links + tail + links
    assert material(old, PRIVACY)
    short = ("\n## 4. Sharing\n\nWe share your personal data with advertising partners, who use it to show you "
             "personalised ads.\n")
    assert material(PRIVACY + links + short + links, PRIVACY)  # one sentence between them too


def test_a_page_header_with_skip_and_print_widgets_is_not_material():
    header = ("Skip to search.\n\n* Sign in\n* Help\n\nQuillmoth Privacy Search Web Latest News Visit Quillmoth!\n\n"
              "Close this window\n\n* Home\n* Products\n* Settings\n\nPrint this page\n\n")
    result = analyse(header + PRIVACY, PRIVACY)
    assert not result.material, result.summary


# --- figures of the past ---------------------------------------------------------------------------
def test_a_statistic_of_the_past_is_not_a_term():
    old = PRIVACY + ("\n## 4. Transparency\n\nIn 2025 we received 1,200 requests for data. Over 65% of those "
                     "requests were answered within a week, because most users asked only for a copy.\n")
    new = old.replace("Over 65%", "Over 70%").replace("1,200", "1,450")
    result = analyse(old, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("old,new", [
    ("A platform commission of 12% applies to each sale.", "A platform commission of 15% applies to each sale."),
    ("Hosts receive 95% of the booking price.", "Hosts receive 90% of the booking price."),
    ("Refunds are processed within 30 days.", "Refunds are processed within 60 days."),
])
def test_a_changed_figure_in_a_term_stays_material(old, new):
    doc = PRIVACY + f"\n## 4. Fees\n\n{old}\n"
    assert material(doc, doc.replace(old, new))


# --- where to look something up ---------------------------------------------------------------------
def test_a_new_place_to_look_up_the_same_limits_is_not_material():
    old = PRIVACY + ("\n## 4. Credits\n\nEach user may confirm the purchase unit, cap for purchase and validity of "
                     "Quill Credits on [the user’s credits dashboard](https://quillmoth.example/credits).\n")
    new = old.replace("the purchase unit, cap for purchase and validity of Quill Credits on [the user’s credits "
                      "dashboard](https://quillmoth.example/credits)",
                      "the purchase limits, validity period and other conditions of paid Quill Credits on the notice "
                      "under the [Consumer Sales Act](https://quillmoth.example/legal)")
    result = analyse(old, new)
    assert not result.material, result.summary


def test_a_term_after_a_pointer_stays_material():
    old = PRIVACY + "\n## 4. Use\n\nUsers can view the content of other users on the service.\n"
    new = old.replace("on the service.", "on the service, and Quillmoth may use it to train its AI models.")
    assert material(old, new)


def test_including_but_not_limited_to_is_no_negation():
    old = RULES + "\nSpam includes, but is not limited to, unwanted promotional content and mass messages.\n"
    new = RULES + "\nSpam includes unwanted promotional content and mass messages.\n"
    result = analyse(old, new)
    assert all('"not"' not in c.explanation for c in result.changes), result.summary
    assert not result.material, result.summary
    # a real negation before "limited to" is still one
    doc = RULES + "\nOur liability is not limited to the fees you paid.\n"
    assert material(doc, doc.replace("is not limited", "is limited"))


# --- the route to a form, with the names of its buttons and options ---------------------------------
def test_the_quoted_names_of_a_new_route_to_the_same_form_are_not_material():
    old = ("# Quillmoth Guarantee\n\nTo use the Quillmoth Guarantee you must contact Quillmoth via the dedicated form "
           "(by clicking the « Guarantee » button on the « View my order » page).\n")
    new = ("# Quillmoth Guarantee\n\nTo use the Quillmoth Guarantee, you must contact Quillmoth from the contact form "
           "(Item 7: \"Problem with an order from a partner seller\", reason: \"I disagree with the seller's "
           "proposed solution\").\n")
    result = analyse(old, new)
    assert not result.material, result.summary
    # a deadline added to the same route is still a change
    assert material(old, new.replace("you must contact", "you must within 14 days contact"))


def test_a_cookie_policys_own_paragraph_at_the_top_is_not_a_banner():
    intro = ("# Cookies at Quillmoth\n\nOn this page you will find which cookies Quillmoth uses on its website. We "
             "share the personal data these cookies collect with advertising partners, who use it to build profiles "
             "of you. You can change your cookie settings at any time.\n\n"
             "[Read more about the settings](https://quillmoth.example/settings)\n\n")
    assert material(PRIVACY, intro + PRIVACY)
    # with a title underlined and a picture above it: an underline or an image is no page chrome
    pictured = ("Cookies at Quillmoth\n====================\n\n![](https://img.quillmoth.example/cookies.svg)\n\n"
                + intro.replace("# Cookies at Quillmoth\n\n", "## Cookies we use\n\n"))
    assert material(PRIVACY, pictured + PRIVACY)


def test_published_and_effective_dates_added_above_the_title_are_date_only():
    new = "Published: **9 April 2026**\n\nEffective: **9 June 2026**\n\n" + PRIVACY
    result = analyse(PRIVACY, new)
    assert not result.material, result.summary


def test_an_accent_fixed_or_mistyped_is_spelling_not_a_new_term():
    old = ("# Conditions générales\n\nLa responsabilité de Zorblio ne saurait être engagée en cas de "
           "force majeure. Le remboursement est effectué sous 30 jours.\n")
    new = old.replace("être", "étre").replace("effectué", "effectue")
    assert not analyse(old, new).material
    # an accent beside a real change does not hide it
    assert analyse(old, new.replace("30 jours", "10 jours")).material


@pytest.mark.parametrize("pointer", [
    "For individuals in the United States, please refer to our State Privacy Notice.",
    "In the European Economic Area, see our EEA Supplement for details.",
    "Pour les résidents de l'Union européenne, veuillez consulter notre notice RGPD.",
])
def test_a_pointer_for_some_readers_is_not_a_term(pointer):
    old = "# Privacy\n\nZorblio keeps account data for 12 months after you close your account.\n"
    assert not analyse(old, old + "\n" + pointer + "\n").material
    # the same lead-in before a real term still counts
    term = pointer.split(",")[0] + ", Zorblio keeps account data for 36 months after you close your account."
    assert analyse(old, old + "\n" + term + "\n").material


# --- captures of something else than the terms, and leaked markup -------------------------------
LONG_TERMS = "\n\n".join(
    f"## {n}. Section {n}\n\nQuillmoth may suspend your account if you breach these Terms. "
    f"Our liability is limited to the fees you paid in the last {n} months. You agree that the laws "
    "of Ireland govern this agreement and that disputes go to the courts of Cork. "
    "We process your personal data as the Privacy Notice says."
    for n in range(1, 12))


@pytest.mark.parametrize("other", [
    "Terms of Service\n================\n",  # the title alone: the body failed to render
    "![Not found](/img/404.png)\n\nUh oh.\n======\n\nWe ran into an issue, but we'll fix it soon.\n\n"
    "[Back to homepage](https://quillmoth.example/)\n",
    "# Quillmoth\n\nWrite faster with Quillmoth. Start free today.\n\n[Get started](/signup)\n",
])
def test_another_page_captured_instead_of_the_terms_and_the_recovery_are_not_material(other):
    lost = analyse(LONG_TERMS, other)
    assert not lost.material and "captured instead of the terms" in lost.summary
    back = analyse(other, LONG_TERMS)
    assert not back.material and back.summary.startswith("The old text")


def test_a_short_first_version_with_legal_words_is_still_terms():
    short = ("# Quillmoth Terms\n\nBy using Quillmoth you agree to these terms. Our liability is limited "
             "to 10 euros. Disputes go to the courts of Cork and the laws of Ireland govern them.\n")
    assert analyse(short, LONG_TERMS).material


def test_a_long_page_much_shorter_than_the_terms_is_judged_clause_by_clause():
    # over 600 characters: maybe an early short policy, so the clauses decide
    faq = "# Quillmoth FAQ\n\n" + "\n\n".join(
        f"Who sees my profile {n}? Other members of room {n} can see your name and picture." for n in range(12))
    assert len(faq) > 600
    assert "captured instead" not in analyse(faq, LONG_TERMS).summary


def test_html_tags_leaked_into_the_text_are_not_new_words():
    old = PRIVACY
    new = PRIVACY.replace(
        "We collect your name, your e-mail address and the notes you write in Quillmoth.\n"
        "We keep your notes until you delete your account.",
        "<p>We collect your name, your e-mail address and the notes you write in Quillmoth.</p> "
        "<p>We keep your notes until you delete your account.</p>")
    new = new.replace("## 2. Your rights\n\n", "## 2. Your rights\n\n<ul> <li>").replace(
        "at any time.\n", "at any time.</li> </ul>\n")
    result = analyse(old, new)
    assert not result.material, result.summary
    # a real addition inside the same markup still is
    worse = new.replace("</li> </ul>", "</li> <li>We sell your notes to advertisers.</li> </ul>")
    assert analyse(old, worse).material


@pytest.mark.parametrize("notice", [
    "Revisions to the terms of service are currently under discussion.",
    "We are currently reviewing our Terms of Service.",
    "Updated terms are coming soon.",
    "Nos conditions générales seront prochainement mises à jour.",
    "Unsere AGB werden in Kürze aktualisiert.",
])
def test_a_notice_that_the_terms_will_be_revised_is_an_announcement(notice):
    new = PRIVACY.replace("Last updated: March 1, 2026\n", f"Last updated: March 1, 2026\n\n{notice}\n")
    assert not material(PRIVACY, new)


@pytest.mark.parametrize("term", [
    "Your data will be updated when you change your profile.",
    "We are reviewing your request within 30 days of receiving it.",
])
def test_sentences_near_an_announcement_that_are_terms_stay_terms(term):
    from tracker.analysis.boilerplate import is_announcement

    assert not is_announcement(term)


@pytest.mark.parametrize("old, new", [
    ("subject to Clauses 14 and 15 below", "subject to Clauses 15 and 16 below"),
    ("as Section 7.2 says", "as Section 8.2 says"),
    ("under Article 4 below", "under Article 5 below"),
])
def test_a_renumbered_cross_reference_is_renumbering(old, new):
    text = PRIVACY.replace("We keep your notes until you delete your account.",
                           f"We keep your notes until you delete your account, {old}.")
    result = analyse(text, text.replace(old, new))
    assert not result.material and "renumbering" in result.cosmetic


def test_a_statute_article_changed_is_not_a_cross_reference():
    from tracker.analysis.materiality import cosmetic_kind

    assert cosmetic_kind("We rely on Article 6 GDPR.", "We rely on Article 9 GDPR.") is None


def test_the_same_text_twice_is_no_change_not_a_spacing_change():
    assert analyse(PRIVACY, PRIVACY).summary == "No clause changed"
    spaced = PRIVACY.replace("We collect your name", "We  collect\nyour name")
    assert analyse(PRIVACY, spaced).summary.startswith("Only spacing changed")
    # any Unicode space and Markdown's escaping backslashes count as spacing; a letter does not
    escaped = PRIVACY.replace("We collect your name", "We\u00a0collect\u2003your\\ name")
    assert analyse(PRIVACY, escaped).summary.startswith("Only spacing changed")
    assert not analyse(PRIVACY, PRIVACY.replace("We collect your name", "We collect your game")).summary.startswith(
        "Only spacing changed")


def test_squeezing_drops_what_the_spacing_pattern_drops_and_nothing_else():
    import re

    from tracker.analysis.analyse import _squeezed

    spacing = re.compile(r"[\s\\]+")  # the rule: white space and escaping backslashes
    every = "".join(chr(c) for c in range(0x3100) if not 0xD800 <= c < 0xE000) + "\u205f\ufeff\u200b"
    assert _squeezed(every) == spacing.sub("", every)
    assert _squeezed("a \\*b*\t\x1c c\u3000d") == "a*b*cd"


# --- the same text as a reader sees it -------------------------------------------------------------
@pytest.mark.parametrize("old, new, kind", [
    # a page's HTML source leaking into the capture: entities and tags, same visible words
    ('At Quillmoth, "Personal Data" means any information that identifies you.',
     "At Quillmoth, &quot;Personal Data&quot; means any information that identifies you.", "formatting"),
    ("We may keep limited logs of accounts banned under our [Terms](https://quillmoth.example/terms/).",
     'We may keep limited logs of accounts banned under our </span><span><a href="https://quillmoth.example/terms/">'
     "Terms</a></span><span>&nbsp;.", "links-only"),
    # a link taken off the same words, or a link whose text is its URL made a bare URL
    ("You can object in your [account settings](https://quillmoth.example/s) at any time.",
     "You can object in your account settings at any time.", "links-only"),
    ("Report a breach at [https://help.quillmoth.example/en-us/new](https://help.quillmoth.example/en-us/new).",
     "Report a breach at https://help.quillmoth.example/en- us/new.", "links-only"),
])
def test_markup_around_the_same_visible_words_is_cosmetic(old, new, kind):
    before = PRIVACY.replace("We keep your notes until you delete your account.", old)
    after = PRIVACY.replace("We keep your notes until you delete your account.", new)
    result = analyse(before, after)
    assert not result.material, result.summary
    assert [c.cosmetic for c in result.changes] == [kind], [(c.cosmetic, c.explanation) for c in result.changes]
    # the visible words changed: still read as a change
    other = (new.replace("at any time", "once a year").replace("identifies", "describes")
             .replace("banned", "closed").replace("breach", "bug"))
    changed = analyse(before, PRIVACY.replace("We keep your notes until you delete your account.", other))
    assert [c.cosmetic for c in changed.changes] == [None], changed.summary

"""The captured region is not the terms (issue 11, false alarms by kind): another page served in
place of the terms, page furniture or another whole document captured with them or dropped from
the capture, marketing footnotes of a shop's page. On invented texts of fictional services, each
next to the real change of terms it must not be confused with.

Whole documents go through ``analyse`` (diff, whole-version comparison, labels), as ``compare``
and history import do.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.scope import landing_page, other_page_side, topic_density

# --- a fictional service's terms ----------------------------------------------------------------
SECTIONS = {
    "Your account": "You must be at least 16 years old to open a Fernwick account. You are responsible for "
                    "keeping your password secret and for everything done with your account.",
    "Plans and payment": "The Plus plan costs $6 per month, billed monthly. Fees are charged in advance and are "
                         "not refundable, except where the law requires a refund.",
    "Your notes": "You keep the rights you hold in your notes. You grant Fernwick a licence to host, copy "
                  "and display them only to run the service for you.",
    "Acceptable use": "You may not use Fernwick to send spam, to break the law or to probe our systems. We "
                      "may remove notes that break these rules.",
    "Termination": "We may suspend or terminate your account if you breach these Terms. You may close "
                   "your account at any time from the settings page.",
    "Liability": "Fernwick is provided as is. Our liability is limited to the fees you paid in the last "
                 "12 months, to the extent the law allows.",
    "Disputes": "These Terms are governed by the laws of Ireland. Disputes go to the courts of Dublin.",
    "Your data": "We process your personal data as our Privacy Notice describes. We do not sell your personal "
                 "data, and we do not use your notes to train machine learning models.",
    "Third-party services": "Integrations with other apps are governed by those apps' own terms. We are not "
                            "responsible for what a third-party service does with the notes you send to it.",
    "Availability": "We aim to keep Fernwick available every day, but maintenance and outages may interrupt it. "
                    "We may change or discontinue features, and we will tell you before we remove a paid one.",
    "Feedback": "If you send us ideas or suggestions, we may use them without paying you or crediting you.",
    "Export controls": "You may not use Fernwick where the laws of Ireland or the European Union forbid it, "
                       "or if you are on a list of people those laws bar from receiving such services.",
    "Changes to these Terms": "We will notify you 30 days before a change to these Terms takes effect. If you "
                              "do not agree to the change, you may close your account before it takes effect.",
}
TERMS = "# Fernwick Terms of Service\n\nLast updated: 2 March 2026\n\n" + "\n\n".join(
    f"## {n}. {title}\n\n{body}" for n, (title, body) in enumerate(SECTIONS.items(), 1)) + "\n"

# A product home page served at the terms' address: cards of links, buttons, pictures.
LANDING = """\
# Fernwick

Notes that think with you.
==========================

[![Fernwick on a laptop](https://fernwick.example/img/hero.png)](https://fernwick.example/)

[Get started](https://fernwick.example/signup) [Book a demo](https://fernwick.example/demo)

Browse by use case
------------------

[### Capture ideas
Jot down a thought in a second, from any device.](https://fernwick.example/use/capture)[### Plan projects
Turn notes into boards, lists and timelines.](https://fernwick.example/use/plan)[### Write together
Share a notebook and edit it with your team.](https://fernwick.example/use/team)[### Search everything
Find any note, picture or scanned page in an instant.](https://fernwick.example/use/search)

Browse by tools
---------------

[### Fernwick for desktop
Every note, offline and fast.](https://fernwick.example/desktop)[### Fernwick for mobile
Your notebook in your pocket.](https://fernwick.example/mobile)[### Web clipper
Save any page you read in one click.](https://fernwick.example/clipper)[### Integrations
Connect the apps you already use.](https://fernwick.example/integrations)

[Blog](https://fernwick.example/blog) [Careers](https://fernwick.example/careers) [Press](https://fernwick.example/press)
"""

# A dating site's home page: prose, questions, testimonials, a call to action; no terms in it.
STORIES = ["Ella and Tom met on a rainy Tuesday and have not stopped talking since.",
           "Sam was sure the app would not work for a shy gardener. Three weeks later came a picnic.",
           "Nadia and Leo found out they lived on the same street, two doors apart.",
           "Priya wrote the funniest first message Omar had ever read, and he wrote back at once."]
HOME = "# Hearthly\n\nFind someone who gets you.\n===========================\n\n" + "\n\n".join(
    f"## {title}\n\n{body}\n\n![](https://hearthly.example/img/{n}.svg)\n\n"
    "Tell us what makes you smile, which films you watch twice and where you go on a sunny Sunday. "
    "We show you people nearby who enjoy the same things, and you choose who to say hello to. "
    "Could the next story be yours? Join a walk, a cooking night or a board game evening in your town, "
    "and meet new people the easy way.\n\n[Read more stories](https://hearthly.example/stories)"
    for n, (title, body) in enumerate(zip(["Real stories", "Happy couples", "Neighbours", "First messages",
                                           "Evenings out", "On your phone"], STORIES * 2)))

DOWNLOAD = "[Download the Fernwick Community Guidelines (PDF)](https://fernwick.example/guidelines.pdf)\n"

# Community guidelines: a document with little legal vocabulary, many topic words.
GUIDELINES = "# Fernwick Community Guidelines\n\n" + "\n\n".join(
    f"* {rule} Notes that do this will be removed, and repeat offenders will have their account suspended."
    for rule in ["Do not post content that harasses or bullies other people.",
                 "Do not share private information about someone without their consent.",
                 "Do not upload spam, scams or misleading links.",
                 "Do not post illegal content or content that promotes violence.",
                 "Do not impersonate other people or organisations.",
                 "Do not share sexual content involving minors: we report it to the authorities.",
                 "Do not sell or buy accounts, followers or reviews.",
                 "Do not scrape other people's public notebooks.",
                 "Do not post content that infringes someone else's copyright."]) + "\n"


@pytest.mark.parametrize("other", [LANDING, HOME], ids=["product-home", "dating-home"])
def test_a_landing_or_marketing_page_captured_instead_of_the_terms_and_the_recovery_are_not_material(other):
    assert len(other) > 600  # longer than the short pages told by their length alone
    lost = analyse(TERMS, other)
    assert not lost.material and "captured instead of the terms" in lost.summary, lost.summary
    back = analyse(other, TERMS)
    assert not back.material and back.summary.startswith("The old text"), back.summary


def test_a_marketing_page_is_told_by_its_topics_however_much_prose_it_has():
    density, n = topic_density(HOME)
    assert n >= 500 and density <= 3, (density, n)
    assert topic_density(TERMS)[0] >= 20
    assert other_page_side(TERMS, HOME) == "new"
    assert other_page_side(HOME + HOME, TERMS) == "old"  # longer than the terms: still another page


def test_a_download_link_in_place_of_guidelines_is_not_a_change_of_guidelines():
    assert not analyse(GUIDELINES * 2, DOWNLOAD).material
    assert other_page_side(GUIDELINES * 2, DOWNLOAD) == "new"


def test_a_wholly_rewritten_text_of_terms_stays_material():
    rewritten = "# Fernwick User Agreement\n\nEffective 1 May 2026\n\n" + "\n\n".join([
        "By creating an account you enter into this agreement with Fernwick Labs Ltd.",
        "Subscriptions renew automatically each year at $60 unless cancelled before the renewal date.",
        "We may use the content of your notes to train and improve our machine learning models.",
        "All disputes shall be resolved by binding arbitration in Delaware, and you waive any class action.",
        "We may terminate this agreement at any time, for any reason, without notice.",
        "Our total liability shall not exceed $50.",
    ]) + "\n"
    assert not landing_page(rewritten, TERMS)
    assert other_page_side(TERMS, rewritten) is None
    assert analyse(TERMS, rewritten).material


def test_a_short_faq_in_prose_is_not_a_landing_page():
    faq = "# Fernwick FAQ\n\n" + "\n\n".join(
        f"Who sees my notebook {n}? Only the people you invite to notebook {n} can open it." for n in range(12))
    assert not landing_page(faq, TERMS)
    assert "captured instead" not in analyse(faq, TERMS).summary


# --- the region captured grows or shrinks: the page above the title, another document below ------
HEADER = """\
[Fernwick](https://fernwick.example/)

* [Product](https://fernwick.example/product)
* [Pricing](https://fernwick.example/pricing)
* [Blog](https://fernwick.example/blog)

Please enter a valid email address and password.

[Forgot your password?](https://fernwick.example/forgot) [Sign in](https://fernwick.example/signin)

Fernwick now syncs with your calendar: try Fernwick Plus free for 30 days, then $6 a month.

"""
PRIVACY = """
# Fernwick Privacy Policy

Last updated: 2 March 2026

## What we collect

We collect your name, your e-mail address and the notes you write. We share your e-mail address with
our payment processor when you subscribe.

## How long we keep it

We keep your notes until you delete your account, and billing records for 7 years.
"""
CONDUCT = """
# Fernwick Community Code of Conduct

Be kind to other members. We may remove notes that harass other people, and we may suspend the
accounts of members who keep doing so.
"""


def test_the_page_above_the_title_gone_from_the_capture_is_not_material():
    result = analyse(HEADER + TERMS, TERMS)
    assert not result.material, result.summary
    assert "capture-scope" in result.cosmetic
    assert not analyse(TERMS, HEADER + TERMS).material  # and when the capture grows to take it


@pytest.mark.parametrize("other", [PRIVACY, CONDUCT], ids=["dated-privacy-policy", "code-of-conduct"])
def test_another_document_captured_below_the_terms_is_not_a_change_of_terms(other):
    assert not analyse(TERMS + other, TERMS).material  # no longer captured
    assert not analyse(TERMS, TERMS + other).material  # now captured
    both = HEADER + TERMS + other
    assert not analyse(both, TERMS).material  # the capture narrowed to the terms alone


def test_a_change_of_the_terms_beside_a_change_of_scope_stays_material():
    changed = TERMS.replace("costs $6 per month", "costs $9 per month")
    result = analyse(HEADER + TERMS + PRIVACY, changed)
    assert result.material and "$9" in result.summary, result.summary


SUPPLEMENT = """
# Fernwick Plus Supplemental Terms

If you subscribe to Fernwick Plus, your subscription renews automatically every month until you cancel it.
We may end the free trial at any time.
"""


@pytest.mark.parametrize("tail", [
    SUPPLEMENT,  # terms of the same kind without a date of their own: terms added to these
    "\n## 14. Arbitration\n\nAll disputes shall be resolved by binding arbitration in Dublin.\n",  # a section
    "\n# Arbitration\n\nAll disputes shall be resolved by binding arbitration in Dublin.\n",  # names no document
])
def test_terms_added_below_the_title_stay_material(tail):
    assert analyse(TERMS, TERMS + tail).material
    assert analyse(TERMS + tail, TERMS).material


def test_a_term_above_the_title_stays_material_when_neither_capture_starts_with_it():
    banner = "Fernwick may terminate free accounts that stay inactive for 12 months.\n\n"
    assert analyse("[Home](https://fernwick.example/)\n\n" + banner + TERMS,
                   "[Home](https://fernwick.example/)\n\n" + TERMS).material


def test_sections_at_the_titles_level_are_not_other_documents():
    flat = TERMS.replace("## ", "# ")  # every section a level-1 heading like the title
    extra = "\n# Fernwick Privacy Policy\n\nWe sell your e-mail address to data brokers.\n"
    assert analyse(flat, flat + extra).material


# --- a shop's footnotes at the foot of the captured page ------------------------------------------
COOKIES = "\n\n".join(
    f"## {n}. {title}\n\n{body}" for n, (title, body) in enumerate([
        ("Cookies we use", "We use cookies to keep you signed in, to remember your basket and to measure "
                           "how our pages are used. Advertising cookies are set only with your consent."),
        ("Your choices", "You can withdraw your consent at any time from the cookie settings page."),
        ("Retention", "Advertising cookies expire after 13 months; measurement cookies after 25 months."),
    ], 1))
SHOP_FOOTER = """

Lumenmart - the store of bright ideas
=====================================

°On marked products, sale from 10 to 31 January 2026
\\*\\*Highest discount seen on a selection of items
(#) Pay in 3 instalments on the whole site: see conditions [here](https://lumenmart.example/3x.pdf), subject to approval by Lumen Credit
(1) In mainland France, free delivery from $25: see conditions [here](https://lumenmart.example/delivery)
"""
SHOP_FOOTER_2 = """

Lumenmart - the store of bright ideas
=====================================

°On marked products, sale from 10 to 31 January 2026
\\*\\*Highest discount seen on a selection of items
(#) See the conditions of payment in 4 instalments in article 4 of our terms of sale. Subject to approval by Lumen Credit
(1) Delivery conditions: see the "Delivery and fees" page in the footer
(2) Legal guarantee of conformity under articles L217-4 and following of the Consumer Code
"""


def test_a_shops_footnotes_at_the_foot_of_the_page_are_not_terms():
    result = analyse(COOKIES + SHOP_FOOTER, COOKIES + SHOP_FOOTER_2)
    assert not result.material, result.summary
    assert "capture-scope" in result.cosmetic


def test_a_footnote_of_the_document_itself_stays_material():
    notes = ("\n\n(1) Measurement cookies are kept for 25 months.\n"
             "(2) We share advertising cookie identifiers with our partners.\n")
    assert analyse(COOKIES + notes, COOKIES + notes.replace("25 months", "36 months")).material
    # and a footnote that ends the page with a term in it, changed beside an offer's footnote
    offer = "\n\n(1) Offer valid until 31 January 2026, see conditions.\n(2) Refunds are paid within 14 days.\n"
    assert analyse(COOKIES + offer, COOKIES + offer.replace("14 days", "60 days")).material
    offers = "\n\n(1) Offer valid until 31 January 2026, see conditions.\n(2) Free delivery from $25.\n" + offer[2:]
    assert analyse(COOKIES + offers, COOKIES + offers.replace("14 days", "60 days")).material


_POLICY = "".join(f"## {n}. Part {n}\n\nQuillfen may use the data of part {n} to run the service for you.\n\n"
                  for n in range(1, 9)) + "This Policy was last revised on March 1, 2026.\n\n"
_COOKIE_NOTICE = ("**COOKIE NOTICE**\n\n**Effective Date**: March 1, 2026\n\n"
                  + "".join(f"Quillfen and its partners may set cookie number {n} to measure visits.\n\n"
                            for n in range(1, 7)))


def test_another_dated_document_no_longer_captured_below_the_policy_is_not_material():
    from tracker.analysis import analyse

    result = analyse(_POLICY + _COOKIE_NOTICE, _POLICY)
    assert not result.material, result.summary


def test_a_dated_supplement_appended_is_still_material():
    from tracker.analysis import analyse

    supplement = _COOKIE_NOTICE.replace("COOKIE NOTICE", "SUPPLEMENTAL NOTICE FOR CALIFORNIA RESIDENTS")
    assert analyse(_POLICY, _POLICY + supplement).material


def test_the_policy_captured_above_the_tracked_notice_is_not_material():
    from tracker.analysis import analyse

    assert not analyse(_COOKIE_NOTICE, "Privacy Policy\n\n" + _POLICY + _COOKIE_NOTICE).material


def test_a_menu_of_policies_in_place_of_guidelines_is_another_page():
    from tracker.analysis import analyse

    rules = "# Quillfen Community Rules\n\n" + "".join(
        f"You can't post threats of kind {n} against people or groups on Quillfen, and we remove such posts.\n\n"
        for n in range(1, 25))
    menu = "Rules and policies\n\n" + "".join(
        f"* [**Topic {n}**](#topic-{n}) Articles about topic {n} on the Quillfen platform\n\n" for n in range(1, 8))
    gone, back = analyse(rules, menu), analyse(menu, rules)
    assert not gone.material and "another page" in gone.summary
    assert not back.material


def test_a_list_of_policies_with_their_terms_is_not_an_index_page():
    from tracker.analysis.scope import index_page

    assert not index_page("".join(f"* Quillfen may suspend accounts for reason {n}.\n" for n in range(8)))


# --- a table the capture lost or regained under a heading both versions keep ----------------------
COOKIE_POLICY = """\
# Quillby Cookie Policy

## How we use cookies

We use cookies to keep you signed in and, with your consent, to measure how Quillby is used.

## Which cookies do we use?
{tables}
## How can you control cookies?

You can change your choices at any time from the Cookie Settings link at the foot of every page.
"""
COOKIE_TABLES = """
### Strictly necessary cookies

These cookies make the site work.

| Provider | Cookie | Duration |
| --- | --- | --- |
| Quillby Ltd | qb_session | 1 day |
| Quillby Ltd | qb_csrf | session |

### Advertising cookies

| Provider | Cookie | Duration |
| --- | --- | --- |
| Adnimbus Inc | an_uid | 2 years |
| Trackwell | tw_click | 90 days |
"""


@pytest.mark.parametrize("lost", [True, False])
def test_a_cookie_table_lost_or_regained_under_a_kept_heading_is_not_material(lost):
    full, empty = COOKIE_POLICY.format(tables=COOKIE_TABLES), COOKIE_POLICY.format(tables="")
    a = analyse(full, empty) if lost else analyse(empty, full)
    assert not a.material, a.summary
    assert "capture-scope" in a.cosmetic


def test_a_table_removed_while_its_section_keeps_its_text_stays_material():
    kept = "\nWe list the cookies we set below.\n"
    before = COOKIE_POLICY.format(tables=kept + COOKIE_TABLES)
    after = COOKIE_POLICY.format(tables=kept)
    assert analyse(before, after).material


def test_a_section_removed_with_its_heading_stays_material():
    before = COOKIE_POLICY.format(tables=COOKIE_TABLES)
    after = before.replace("## Which cookies do we use?\n" + COOKIE_TABLES, "")
    assert analyse(before, after).material


def test_line_keys_of_a_pair_read_their_common_lines_once_and_equal_each_texts() -> None:
    """``shared_lines`` reads the lines two texts without links have in common (their common start
    and end, cut at line breaks) once for both: the same line keys as each text read whole, with
    line breaks of every kind, and with a link anywhere (read whole then)."""
    import random

    from tracker.analysis import scope

    rng = random.Random(9)
    bits = ["Members of Quillpad may export notes", "\n", "\r\n", "\r", " ", "Export is free for all members.",
            "İ", "x", "\x0b", "\u2028", "one two three four five", "\n\n", "[the help page](https://quillpad.example)",
            "](", "ß", "Straße für alle Mitglieder gratis"]
    for _ in range(4000):
        old = "".join(rng.choice(bits) for _ in range(rng.randrange(0, 25)))
        chars = list(old)
        for _ in range(rng.randrange(0, 3)):
            at = rng.randrange(len(chars) + 1)
            chars[at:at] = rng.choice(bits)
        new = "".join(chars)
        scope._both_line_keys.cache_clear()
        assert scope._both_line_keys(old, new) == (scope._line_keys(old), scope._line_keys(new)), (old, new)
        whole = scope._line_keys(old)
        expected = len(whole & scope._line_keys(new)) / len(whole) if whole else 0.0
        assert scope.shared_lines(old, new) == expected

"""Key terms at a glance: short extractive bullets, watch-outs, answers and standard facts.

Terms here are invented for the tests ("Larkspur Maps"); the done-when check runs on the demo's
fictional Nimbus AI terms, which mirror the seed summary's facts."""

from __future__ import annotations

import re

import pytest

from tracker.analysis.summary import MAX_WATCH, MAX_WORDS, compress, plain_text, summarise, words
from tracker.cli.demo_pages import ROUNDS
from tracker.extract import html_to_markdown
from tracker.records import ClauseChange

LARKSPUR = """# Larkspur Maps Terms

Last updated: 2 May 2026

These terms govern your use of the Larkspur Maps app and website (the "Service").

## 3. Tiles and credits

3.1 Subject to section 9, map credits are **non-refundable** and expire after eighteen (18) months.

3.2 See our [price list](https://larkspur.example/prices) for current prices.

| Plan | Price |
| --- | --- |
| Hiker | $4 per month |

## 5. Eligibility

You must be at least 16 years old to use the Service.

## 9. Disputes

9.1 To the fullest extent permitted by law, any dispute will be resolved by binding arbitration in Dublin, Ireland, and you waive any right to take part in a class action.

9.2 These terms are governed by the laws of Ireland.

## 10. Changes

We may modify these terms at any time without notice.
"""

MARKDOWN_SIGNS = re.compile(r"\*\*|__|\]\(|`|^#|\|\s*---|^\s*[-*+]\s|https?://")


def test_compress_drops_numbers_markdown_and_lead_ins() -> None:
    assert compress("3.1 Subject to section 9, map credits are **non-refundable**.") == \
        "Map credits are non-refundable."
    assert compress("See our [price list](https://x.example/p) now") == "See our price list now."
    assert compress("Fees are due within thirty (30) days (see the schedule).") == "Fees are due within 30 days."
    long = ("If you dispute a payment with your bank, or if a payment is fraudulent, we may remove the credits "
            "bought with that payment and charge a fee of $20, which is listed in the price list for each country.")
    short = compress(long)  # its leading conditions stay (the main clause alone would be wrong)
    assert short == ("If you dispute a payment with your bank, or if a payment is fraudulent, we may remove the "
                     "credits bought with that payment and charge a fee of $20.")
    assert plain_text("*a* `b` [c](d)") == "a b c"


def test_summary_of_invented_terms() -> None:
    s = summarise(LARKSPUR)
    texts = [b.text for b in s.key_terms]
    assert len(texts) == len(set(texts))
    assert all(words(t) <= MAX_WORDS and not MARKDOWN_SIGNS.search(t) for t in texts)
    credits = next(b for b in s.key_terms if "credits" in b.text)
    assert credits.text == "Map credits are non-refundable and expire after 18 months."
    assert credits.section == "§ 3.1 Tiles and credits" and credits.clause.endswith("3.1")
    concerns = [b.concern for b in s.key_terms]
    assert concerns == sorted(concerns, key=["service", "service-changes", "eligibility", "usage", "pricing",
                                             "refunds", "content", "disputes", "privacy", "liability",
                                             "terms-changes", "termination"].index)
    assert any("Hiker plan: $4 per month" in t for t in texts)  # a table row, named by its column
    watch = [b.text for b in s.watch_outs]
    assert 1 <= len(watch) <= 6 and "arbitration" in watch[0]
    answers = {a.id: a for a in s.answers}
    assert "16 years old" in answers["age"].answer and answers["age"].section == "§ 5 Eligibility"
    assert "Dublin, Ireland" in answers["disputes"].answer
    assert "ai-training" not in answers  # maps, no AI: no question about model training
    assert "at any time" in answers["terms-notice"].answer
    facts = {k: c.value for k, c in s.facts.items()}
    assert facts["credits"] == "Non-refundable; expire after 18 months"
    assert facts["arbitration"] == "Binding arbitration, Dublin, Ireland"
    assert facts["class-action"] == "Yes" and facts["governing-law"] == "Ireland" and facts["age"] == "16"
    assert facts["terms-notice"] == "None promised"


def test_a_bullet_says_when_its_clause_last_changed() -> None:
    before = "3.1 Map credits are non-refundable and expire after 24 months."
    change = ClauseChange("modified", "tiles-and-credits/3.1", "3. Tiles and credits", before,
                          "3.1 Map credits ...", True, "material", ("refunds",), "24 -> 18 months")
    s = summarise(LARKSPUR, [("2026-04-01T10:00:00Z", change)])
    credits = next(b for b in s.key_terms if "credits" in b.text)
    # the bullet says the new value; its note says the old one: "now 18 months (was 24 months)"
    assert credits.changed is not None and credits.changed.note == "was 24 months until 2026-04-01"
    assert s.facts["credits"].changed is not None


def test_a_change_is_found_by_its_words_after_the_clauses_were_renumbered() -> None:
    """A later version renumbered the sections (§ 9 became § 8), so the clause that changed has
    another id now: the note still says what the clause said before, found by its new words."""
    before = "9.2 These terms are governed by the laws of Portugal."
    change = ClauseChange("modified", "disputes/9.2~old", "9. Disputes", before,
                          "9.2 These terms are governed by the laws of Ireland.", True, "material",
                          ("governing-law",), "Ireland instead of Portugal")
    s = summarise(LARKSPUR, [("2026-03-01T10:00:00Z", change)])
    law = next(b for b in s.key_terms if "laws of Ireland" in b.text)
    assert law.changed is not None and law.changed.note == "was Portugal until 2026-03-01", law.changed


def test_a_reworded_term_quotes_the_old_words_where_they_differ() -> None:
    """No note that repeats the start both wordings share: the old words from where they part."""
    before = "You must be at least 16 years old to use the Service unless your school has signed up."
    change = ClauseChange("modified", "eligibility/p1", "5. Eligibility", before,
                          "You must be at least 16 years old to use the Service.", True, "material",
                          ("eligibility",), "...")
    s = summarise(LARKSPUR, [("2026-03-01T10:00:00Z", change)])
    age = next(b for b in s.key_terms if "16 years old" in b.text)
    assert age.changed is not None
    note = age.changed.note
    assert note.startswith("was “…") and "unless your school has signed up" in note and "at least 16" not in note, note


def _demo_terms() -> str:
    page = ROUNDS[0].pages["/legal/terms"]
    return html_to_markdown(page, select=["article.terms"], remove=[".cookie-banner"])


def test_done_when_the_demo_terms_read_like_the_seed() -> None:
    """The seed's watch-outs are all stated, bullets are short, unique and free of Markdown."""
    s = summarise(_demo_terms())
    texts = [b.text for b in s.key_terms]
    assert 20 <= len(texts) <= 30
    assert len(texts) == len(set(texts))
    for t in texts + [b.text for b in s.watch_outs]:
        # a bullet under leading conditions keeps them: up to 15 words more
        assert words(t) <= MAX_WORDS + (15 if re.match(r"(?:If|When|Where|Unless|Once)\b", t) else 0), t
        assert not MARKDOWN_SIGNS.search(t), t
    assert not any(t.startswith(("You may use the Service only with", "We may remove the credits")) for t in texts)
    watch = " ".join(b.text for b in s.watch_outs).lower()
    assert len(s.watch_outs) <= MAX_WATCH
    assert "change these terms at any time" in watch  # the provider's powers, not crowded out by
    assert "terminate your account" in watch  # a second clause about credits
    assert "beta" in watch or "discontinue" in watch  # service changes at any time, in beta
    assert "non-refundable" in watch and "12 months" in watch  # credits
    assert "binding arbitration" in watch  # disputes
    assert "not be liable" in watch  # liability
    everything = " ".join(texts).lower()
    for words_ in ("at least 2 weeks", "13 years", "parent or legal guardian", "reverse engineer", "scrape",
                   "payment processors", "chargeback", "change our prices", "you own the inputs",
                   "new york", "not be liable", "change these terms at any time", "terminate your account",
                   "survive termination", "beta"):
        assert words_ in everything, words_
    answers = {a.id: a.answer for a in s.answers}
    assert "12 months" in answers["refunds"] and "13 years" in answers["age"]
    assert "2 weeks" in answers["removal-notice"] and "New York" in answers["disputes"]


def test_headings_written_as_paragraphs_and_markup_debris_are_not_bullets() -> None:
    text = """# Quill Cloud Terms

**Limitation of Liability.**

Quill Cloud's total liability to you will not exceed $50.

Personal Data.

**No Class Actions.**

You may bring claims only on an individual basis.

* We may suspend inactive accounts after 24 months.**

To begin an arbitration against Quill Cloud, you must first send a written notice of your claim by post to our registered office in Lisbon, Portugal, and wait for our answer.
"""
    texts = [b.text for b in summarise(text).key_terms]
    assert not any(t in ("Limitation of Liability.", "Personal Data.", "No Class Actions.") for t in texts), texts
    assert "We may suspend inactive accounts after 24 months." in texts
    assert not any("*" in t or "]" in t for t in texts)
    # a long sentence is cut to its main clause, not to its leading "To ..." phrase
    notice = next(t for t in texts if "notice" in t)
    assert notice.startswith("You must first send a written notice"), notice


# --- bullets that read alone (issue 18 review of real documents) ------------------------------

HEADINGLESS = """Marrow Post Terms of Use
------------------------

These terms govern your use of the Marrow Post app and website.

[4\\. Fees.](#fees)

[9\\. Disputes.](#disputes)

4\\. Fees and Refunds
--------------------

**4.1 Subscriptions**. Marrow Post subscriptions renew every month and are non-refundable.

**Cancelling.** You may cancel a subscription within 14 days of purchase for a full refund.

**4.2** Gift credits are non-refundable and expire 9 months after they are issued.

9\\. Disputes
-----------

Any dispute will be resolved by binding arbitration in Tartu, Estonia.

**9.2 How Do You Start An Arbitration?**

You must send us a written notice and wait 45 days before you file a claim for arbitration.
"""

PLAIN_PARAGRAPHS = """We may suspend accounts that stay inactive for 30 months.

You must be at least 15 years old to open an account.
"""


def test_sections_are_the_nearest_heading_a_reader_sees_never_a_made_up_introduction() -> None:
    s = summarise(HEADINGLESS)
    section = {b.text: b.section for b in s.key_terms}
    assert section["Marrow Post subscriptions renew every month and are non-refundable."] == "§ 4.1 Subscriptions"
    assert section["You may cancel a subscription within 14 days of purchase for a full refund."] == "Cancelling"
    assert section["Gift credits are non-refundable and expire 9 months after they are issued."] == "§ 4.2 Fees and Refunds"
    assert section["Any dispute will be resolved by binding arbitration in Tartu, Estonia."] == "§ 9 Disputes"
    assert section["You must send us a written notice and wait 45 days before you file a claim for arbitration."] == \
        "§ 9.2 How Do You Start An Arbitration?"
    assert not any("#" in t or t.startswith(("Fees", "Disputes")) for t in section), section  # no contents line
    # no heading at all: no section label rather than an invented one
    plain = summarise(PLAIN_PARAGRAPHS)
    assert plain.key_terms and all(b.section == "" for b in plain.key_terms)
    assert all(b.section != "Introduction" for b in s.key_terms + s.watch_outs + plain.key_terms)


def test_a_list_item_carries_its_lead_in_however_long_the_list_or_the_lead_in() -> None:
    filler = "\n".join(f"* post item number {n} in the wrong category;" for n in range(80))
    text = (f"## Using Marrow Post\n\nIn connection with using or accessing our apps and websites you agree to "
            f"follow this agreement, our policies and all applicable laws, and you will not:\n\n{filler}\n"
            "* resell gift codes bought at a discount;\n"
            "* use our apps if you are under 15 years old.\n")
    texts = [b.text for b in summarise(text).key_terms]
    assert "You will not use our apps if you are under 15 years old." in texts, texts
    assert not any(t[:1].islower() or t.startswith(("Use our", "Resell", "Post item")) for t in texts), texts


def test_fragments_are_not_bullets() -> None:
    from tracker.analysis.summary import fragment

    for piece in ("At least 14 days before the date set for an arbitration hearing.",
                  "Regardless of the previous paragraphs, if we are found to be liable.",
                  "Not impersonate any person.", "Are non-refundable.", "Then the hearing will be held in Oslo.",
                  "Such refusals may consider your history.", "This means you give up a jury trial.",
                  "And Quorra Ltd takes no responsibility.", "For items shipped abroad through the export program.",
                  compress("● be 18 years of age or over."), "Your right to terminate.", "As may be applicable.",
                  "To the extent that the law does not permit such limits."):
        assert fragment(piece), piece
    for sentence in ("These Terms apply to every Marrow Post account.", "It is your duty to keep your password safe.",
                     "Within 30 days of purchase you may ask for a refund.", "In some cities, hosting may be banned.",
                     "Most sales go smoothly.", "If you cancel within 14 days, we refund you."):
        assert not fragment(sentence), sentence
    text = """## Arbitration

**Offer of Judgment.** At least 21 days before the date set for the arbitration hearing, any party may serve an offer in writing upon the other party to allow judgment on specified terms, and the offer lapses after 10 days.

If your claim is for $5,000 or less, the hearing is held by video; if the claim is larger, then the arbitration hearing shall be held in the county where you live.
"""
    texts = [b.text for b in (*summarise(text).key_terms, *summarise(text).watch_outs)]
    assert texts and not any(t.startswith("Then") for t in texts), texts
    assert all("may serve an offer" in t for t in texts if t.startswith("At least 21 days")), texts
    long = ("Quill Cloud may, in its sole discretion and without any obligation to explain its reasons to you or to any "
            "other member, suspend the sharing features of any workspace that has been reported more than 3 times.")
    assert not compress(long).rstrip(".").endswith("discretion"), compress(long)


def test_a_sentence_that_leans_on_the_one_before_gets_its_subject_or_is_left_out() -> None:
    text = """## Hearings

Unless both parties agree otherwise, any arbitration hearing will be conducted by video. It will take place in Tartu, Estonia, when held in person.

## Moderation

We may refuse appeals from users who abuse the appeal form. Such refusals may take into account the number of appeals filed in the last 6 months.

## Disputes

You and Marrow Post agree to binding arbitration. This means that you give up the right to a jury trial for any claim.
"""
    s = summarise(text)
    texts = [b.text for b in (*s.key_terms, *s.watch_outs)]
    assert "Any arbitration hearing will take place in Tartu, Estonia, when held in person." in texts, texts
    assert not any(t.startswith(("It ", "Such ", "This means")) for t in texts), texts


ROBIN = ("Robin Cooperative, its subsidiaries Robin Labs Oy and Robin Media Ltd, and their officers.")


def test_glossary_tooltips_glued_to_their_terms_are_not_read_into_bullets() -> None:
    # a page that defines terms in tooltips: 'RobinThe Robin Cooperative, ... officers.' at every use
    gloss = f"RobinThe {ROBIN}"
    member = "MemberAny person who opens an account on the Services."
    text = f"""## Accounts

{gloss} offers the Nestbox app and the CloudKeep storage service to every {member} in Finland.

A {member} must be at least 16 years old to use the Services.

## Refunds

Nestbox credits bought from {gloss} are non-refundable and expire after 12 months.

{gloss} may suspend the account of a {member} who shares it, and CloudKeep keeps backups for 30 days.
"""
    texts = [b.text for b in (*summarise(text).key_terms, *summarise(text).watch_outs)]
    joined = " ".join(texts)
    assert "Cooperative" not in joined and "Any person who opens" not in joined, texts
    assert "A Member must be at least 16 years old to use the Services." in texts, texts
    assert "Nestbox credits bought from Robin are non-refundable and expire after 12 months." in texts, texts
    assert "CloudKeep" in joined  # a camel-case name is no tooltip


def test_cloudflare_email_placeholders_are_words_or_the_address() -> None:
    link = "[\\[email protected\\]](https://marrow.example/cdn-cgi/l/email-protection)"
    assert plain_text(f"To opt out of arbitration, write to {link} within 30 days.") == \
        "To opt out of arbitration, write by email within 30 days."
    assert plain_text(f"You may email {link} to cancel.") == "You may email to cancel."
    # a link that kept its key: the address itself ('legal@marrow.example', key 0x42)
    key = 0x42
    encoded = f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in b"legal@marrow.example")
    assert plain_text(f"Write to [\\[email protected\\]](/cdn-cgi/l/email-protection#{encoded}) now.") == \
        "Write to legal@marrow.example now."
    text = f"## Arbitration\n\nYou may opt out of arbitration by writing to {link} within 30 days of signing up.\n"
    bullets = [b.text for b in summarise(text).key_terms]
    assert bullets and not any("protected" in t for t in bullets), bullets


def test_a_cut_bullet_keeps_its_conditions_or_is_not_shown() -> None:
    from tracker.analysis.summary import fragment, keeps_conditions

    # a leading condition stays with the main clause it governs (over MAX_WORDS if need be)
    teen = ("If you are 14 or older but below the age of majority in your country, you may open a Quorra account "
            "only with the consent of a parent or legal guardian, who accepts these rules on your behalf.")
    assert compress(teen) == ("If you are 14 or older but below the age of majority in your country, you may open a "
                              "Quorra account only with the consent of a parent or legal guardian.")
    for cond in ("When", "Once", "Upon", "After", "Unless"):
        text = (f"{cond} your plan lapses for any reason at all, including a failed card payment or a cancelled "
                "subscription, we may delete every archived parcel photo in your Quorra account and all of "
                "the shipping labels you printed.")
        assert compress(text).startswith(f"{cond} your plan lapses"), compress(text)
    # a trailing condition is never cut off: either kept or no bullet at all
    tail = ("Gift balances bought through the Quorra mobile app or the Quorra website on any of your devices in any "
            "of the supported countries are never refunded unless the law of your country requires a refund.")
    assert "unless" in compress(tail) or compress(tail) == "", compress(tail)
    aged = ("You may not open a Quorra seller account, list parcels for sale or accept payments from other members "
            "in any of the marketplaces we run at any time if you are under 16 years old.")
    assert compress(aged) in ("", aged), compress(aged)
    # more of the same clause after 'and' is under the same condition; a cut inside a condition is no bullet
    more = ("These rules are part of the documents that govern your access to, and your use of Quorra if you ship "
            "parcels through the website or through the mobile apps of any of our partner carriers.")
    assert "if you ship" in compress(more) or compress(more) == "", compress(more)
    inside = ("You may choose to have the hearing held by phone, by video or in person, or through written "
              "submissions, except any claim seeking $12,500 or more or an injunction shall have an in-person hearing.")
    assert compress(inside) == "" or "in-person hearing" in compress(inside), compress(inside)
    cut = compress("If you dispute a parcel payment with your bank or card issuer, or if we find that a payment was "
                   "fraudulent, we may remove the labels bought with that payment from your account and charge the "
                   "dispute fee listed in section 7 of the price list.")
    assert cut.startswith("If you dispute") and cut.endswith("…") and not cut.endswith(" in…"), cut
    assert "even if" in compress("We are not liable for lost parcels, even if we were told of the risk.")
    body = "Balances are refunded, unless the law forbids it"
    assert not keeps_conditions(body, 0, len("Balances are refunded"))
    assert keeps_conditions("Balances are refunded; but if you ask, we may keep them", 0, len("Balances are refunded"))
    # and in a whole summary: no bullet states the consent rule without its age condition
    doc = f"""## 4. Who may use Quorra

4.1 You must be at least 14 years old to use Quorra.

4.2 {teen}

## 9. Disputed payments

If you dispute a legitimate parcel payment with your bank or card issuer, or if we find that a payment was fraudulent, we may remove the labels bought with that payment from your account and charge the dispute fee listed in the price list of your country.
"""
    s = summarise(doc)
    texts = [b.text for b in (*s.key_terms, *s.watch_outs)]
    assert any("14 or older" in t for t in texts), texts
    assert not any(t.startswith(("You may open a Quorra account", "We may remove the labels")) for t in texts), texts
    # a bullet naming 'that payment' it never introduced leans on another sentence: not shown alone
    assert fragment("We may remove the labels bought with that payment.") == "lost referent"
    assert fragment("Such parcels may be destroyed after 30 days.") == "lost referent"
    assert fragment("If you ask, they will be posted to you.") == "lost referent"
    for whole in ("If you dispute a payment, we may remove the labels bought with that payment.",
                  "These Terms apply to every Quorra account.", "Fees such as card fees are non-refundable.",
                  "We may update this section so that you know what changed."):
        assert not fragment(whole), whole


def test_a_question_left_to_another_document_names_it() -> None:
    from tracker.analysis.summary import pointer

    doc = """## 7. Your drafts

We process the drafts you write only to run Inkwell and as described in our Privacy Policy.

## 8. Refunds

Refund requests are handled under our Refund Policy.
"""
    answers = {a.id: a for a in summarise(doc).answers}
    assert answers["ai-training"].answer == "See the Privacy Policy."
    assert answers["ai-training"].see == "Privacy Policy" and answers["ai-training"].section == "§ 7 Your drafts"
    assert answers["refunds"].answer != "The terms do not say."  # it says: non-refundable or pointer
    assert pointer("Refund requests are handled under our Refund Policy.", "refunds") == "Refund Policy"
    # a pointer on another topic, or to these Terms themselves, answers nothing
    assert pointer("See our Cookie Policy for the cookies we set.", "refunds") == ""
    assert pointer("Disputes are settled as set out in these Terms.", "disputes") == ""
    assert pointer("We collect your data as described in our Privacy Policy.", "terms-notice") == ""
    none = {a.id: a for a in summarise("## 1. Use\n\nYou may use Inkwell to write drafts.\n").answers}
    assert "ai-training" not in none  # nothing about AI: not asked
    none = {a.id: a for a in summarise("## 1. Use\n\nYou may use Inkwell's AI assistant to write drafts.\n").answers}
    assert none["ai-training"].answer == "The terms do not say." and none["ai-training"].see == ""
    # the pointer survives the summary cache's round trip
    from tracker.analysis.summary import summary_from_dict
    again = summary_from_dict(summarise(doc).to_dict())
    assert {a.id: a.see for a in again.answers}["ai-training"] == "Privacy Policy"


# A document with every common kind of one-sided term, and two clauses about credits: each kind is
# named once before any kind is named twice.
TERNWAY = """# Ternway Terms of Service

## 1. The service

Ternway provides a note-taking app and its sync service. The Service is offered in beta and we may
discontinue any feature at any time.

## 2. Subscriptions

Your subscription renews automatically at the end of each billing period unless you cancel it.

## 3. Credits

Credits are non-refundable. Credits that you have not used expire 9 months after purchase.

## 4. Your notes

You grant Ternway a worldwide, royalty-free, perpetual licence to use, copy and publish the notes you
share.

## 5. Disputes

All disputes will be resolved by binding arbitration in Reno, Nevada. You and Ternway agree that each
may bring claims only in an individual capacity.

## 6. Liability

Our total liability to you will not exceed the fees you paid us in the last 3 months.

## 7. Changes

We may change these Terms at any time without notice.

## 8. Termination

Ternway may suspend or terminate your account at any time, without notice.
"""


def test_one_sided_terms_of_every_kind_are_watch_outs() -> None:
    s = summarise(TERNWAY)
    watch = [b.text for b in s.watch_outs]
    cats = {c for b in s.watch_outs for c in b.watch}
    assert len(watch) <= MAX_WATCH
    assert any("terminate your account at any time, without notice" in t for t in watch), watch
    assert any("change these Terms at any time" in t for t in watch), watch
    assert any("binding arbitration" in t for t in watch), watch
    assert any("will not exceed" in t for t in watch), watch
    assert {"termination", "terms-changes", "arbitration", "class-action", "refunds", "liability"} <= cats, cats
    # one per kind before a second of any kind: credits are named once when kinds fill the list
    assert sum("refunds" in b.watch for b in s.watch_outs) == 1 or len(watch) < MAX_WATCH, watch


@pytest.mark.parametrize("sentence", [
    "Ternway may suspend or terminate your account at any time, without notice.",
    "We may close your account immediately and without prior notice for any reason.",
    "Ternway may end your access at its sole discretion, without notice or liability.",
])
def test_termination_without_notice_is_a_watch_out_next_to_many_others(sentence: str) -> None:
    text = TERNWAY.replace("Ternway may suspend or terminate your account at any time, without notice.", sentence)
    s = summarise(text)
    assert any(b.source == sentence or b.text.rstrip(".") in sentence for b in s.watch_outs), \
        [b.text for b in s.watch_outs]


def test_one_sidedness_is_read_per_kind_of_term() -> None:
    from tracker.analysis.summary import one_sided

    assert one_sided("termination", "Ternway may close your account at any time, without notice.")
    assert one_sided("subscription", "Your plan renews automatically each month.")
    assert one_sided("liability", "Our total liability will not exceed $50.")
    # 'for any reason' makes a termination right one-sided, not a limit of liability
    assert not one_sided("liability", "Ternway is not required to give a refund for any reason.")
    assert not one_sided("termination", "You may close your account in your settings.")
    text = TERNWAY.replace("Our total liability to you will not exceed the fees you paid us in the last 3 months.",
                           "Ternway's liability is limited to the maximum extent allowed by law. You acknowledge "
                           "that Ternway is not required to give a refund for any reason.")
    liability = [b.text for b in summarise(text).watch_outs if "liability" in b.watch]
    assert liability and "maximum extent" in liability[0], liability


def test_a_sentence_that_announces_what_follows_is_no_key_term() -> None:
    text = TERNWAY.replace("## 8. Termination\n\n", "## 8. Termination\n\nIf you no longer wish to use Ternway, or if "
                           "we terminate your account for any reason, here's what you need to know.\n\n")
    s = summarise(text)
    assert not any("need to know" in b.text for b in (*s.key_terms, *s.watch_outs))


def test_a_bullet_cut_inside_a_series_says_it_was_cut() -> None:
    doc = """# Ternway Terms

## 8. Virtual items

From time to time, you may have the opportunity to purchase a limited, personal, non-transferable,
non-sublicensable, revocable license to use or access special limited-use features including but not
limited to credits redeemable on virtual items, such as Sparks, Boosts, Live Credits, or Gifts ("Virtual
Item(s)") from Ternway. Virtual items are non-refundable.

## 3. Your content

You understand and agree that we may monitor or review Your Content, and we have the right to remove,
delete, edit, limit, or block or prevent access to any of Your Content at any time at our sole discretion.
"""
    s = summarise(doc)
    texts = [b.text for b in (*s.watch_outs, *s.key_terms)]
    # not "... a limited, personal, non-transferable, non-sublicensable." read as a whole sentence
    assert not any(re.search(r"(?:,\s+[\w-]+){2,}\.$", t) for t in texts), texts
    assert any("license" in t for t in texts) and any("monitor or review" in t for t in texts), texts


def test_a_shouted_clause_keeps_the_names_the_document_writes() -> None:
    doc = """# Ternway Terms

## 5. Disputes

Any claim against Ternway is decided by an arbitrator. Ternway pays the filing fee. You may write to
Ternway first.

YOU AND TERNWAY EACH WAIVE THE RIGHT TO A JURY TRIAL AND THE RIGHT TO A CLASS ACTION.
"""
    texts = [b.text for b in (*summarise(doc).watch_outs, *summarise(doc).key_terms)]
    waiver = next(t for t in texts if "jury trial" in t)
    assert waiver.startswith("You and Ternway each waive the right to a jury trial"), waiver


# --- every cut ends on a complete phrase ------------------------------------------------------------

_RUN_IN_LIST = """# Quillway Terms of Service

## 5. Acceptable use

You agree that you will not 1. Resell or sublicense the Service to any other person or company, whether for a fee \
or not; 2. Use the Service to send unsolicited bulk messages, chain letters or other spam to anyone; 3. Probe, scan \
or test the vulnerability of our systems or networks without our written permission.

## 6. Short list

You must not 1. Share your password. 2. Scrape the Quillway console.

## 7. Fees

If you dispute a legitimate payment with your bank or card issuer, or if we find that a payment was fraudulent, we \
may remove the credits bought with that payment from your account and charge the chargeback fee listed on our \
pricing page, and we may also close your account without further notice to you.

## 8. Ending

We may terminate your account at any time for any of the following reasons: (a) you breach these Terms in any way \
that harms other users; (b) you fail to pay an invoice within the time it allows; or (c) we are required to by law.
"""


def test_a_list_run_into_its_lead_in_is_quoted_with_its_first_item_never_cut_at_a_marker() -> None:
    texts = [b.text for b in summarise(_RUN_IN_LIST).key_terms]
    assert not any(re.search(r"\b\d\.$|; \d\.$|\bnot \d", t) for t in texts), texts  # no dangling "not 1."
    assert not any(t.startswith(("Use the Service", "Resell", "Probe")) for t in texts), texts  # no item alone
    assert ("You agree that you will not: resell or sublicense the Service to any other person or company, whether "
            "for a fee or not; …") in texts, texts
    assert "You must not: share your password; scrape the Quillway console." in texts, texts
    assert any(t.startswith("We may terminate your account at any time for any of the following reasons: you breach")
               and t.endswith("; …") for t in texts), texts


def test_a_bullet_cut_at_a_word_ends_on_a_complete_phrase() -> None:
    texts = [b.text for b in summarise(_RUN_IN_LIST).key_terms]
    fee = next(t for t in texts if t.startswith("If you dispute"))
    assert fee.endswith("charge the chargeback fee…"), fee  # not "the chargeback fee listed…"
    from tracker.analysis.rendering import LEADS_ON
    for t in texts:
        if t.endswith("…") and not t.endswith("; …"):  # "; …": whole items, then the ones left out
            last = t.rstrip("…; ").split()[-1].lower()
            assert last not in LEADS_ON and not re.fullmatch(r"\(?\w{1,2}[.)]", last), t


def test_inline_list_and_sentences() -> None:
    from tracker.analysis.clauses import inline_list, split_sentences

    text = "You agree that you will not 1. Resell the Service; 2. Copy it; and 3. Probe Quillway systems. We may sue."
    assert split_sentences(text) == ["You agree that you will not 1. Resell the Service; 2. Copy it; and 3. Probe "
                                     "Quillway systems.", "We may sue."]
    assert inline_list(text) == "You agree that you will not: resell the Service; copy it; and probe Quillway systems. " \
                                "We may sue."
    # numbers that are no list stay sentence ends
    assert split_sentences("See Section 1. It says 2. Things.") == ["See Section 1.", "It says 2.", "Things."]
    assert split_sentences("The fee is 1. The rest 2. Here.") == ["The fee is 1.", "The rest 2.", "Here."]
    assert inline_list("The fee is 1. The rest 2. Here.") == "The fee is 1. The rest 2. Here."


@pytest.mark.parametrize("sentence, start, end", [
    ("We may close your Quillway account at any time and without notice for any of the following reasons: you "
     "breach these Terms, you fail to pay any fee when due, you use the Service in a way that harms other users, or "
     "we are required to do so by law.",
     "We may close your Quillway account at any time and without notice for any of the following reasons: you "
     "breach", ", …"),
    ("The following are prohibited on Quillway: scraping the site by automated means, reselling access to the "
     "Service to any third party, sending spam to other users of the platform, and probing our systems for "
     "vulnerabilities.", "The following are prohibited on Quillway: scraping the site", ", …"),
    ("You must not 1) resell the Service to any third party or company; 2) copy or mirror any part of the website "
     "or console; 3) interfere with access.", "You must not: resell the Service", "interfere with access."),
])
def test_a_cut_list_keeps_its_lead_in_and_marks_the_items_left_out(sentence: str, start: str, end: str) -> None:
    out = compress(sentence)
    assert out.startswith(start) and out.endswith(end), out
    assert not re.search(r"\b\d\)|\(\w\)", out), out  # no item markers left


def test_a_jury_trial_waiver_alone_is_not_called_a_class_action_waiver():
    terms = ("# Quillfen Terms\n\n## 9. Disputes\n\nThese terms are governed by the laws of Ireland.\n\n"
             "You and Quillfen each waive the right to a jury trial.\n")
    facts = {k: c.value for k, c in summarise(terms).facts.items()}
    assert facts.get("class-action") == "No; jury trial waived"
    both = terms.replace("a jury trial.", "a jury trial and to take part in any class action.")
    # each right given up is named, in one sentence or two
    assert {k: c.value for k, c in summarise(both).facts.items()}.get("class-action") == "Yes; jury trial also waived"
    two = terms.replace("a jury trial.", "a jury trial.\n\nYou may bring claims only in your individual capacity, "
                        "not as a plaintiff in any class action.")
    assert {k: c.value for k, c in summarise(two).facts.items()}.get("class-action") == "Yes; jury trial also waived"
    alone = terms.replace("a jury trial.", "any class action.")
    assert {k: c.value for k, c in summarise(alone).facts.items()}.get("class-action") == "Yes"


def test_a_watch_out_the_page_repeats_is_listed_once() -> None:
    text = LARKSPUR + """
## 11. Third-party sites

Larkspur links to trail sites it does not run. We are not liable for any content on those sites.

## 12. Partner offers

Partners may send you offers. We are not liable for any content on those sites.
"""
    s = summarise(text)
    watch = [b.text for b in s.watch_outs]
    assert len(watch) == len(set(watch)), watch


def test_a_term_that_names_an_address_is_still_a_term():
    """A refund term that ends "by writing to billing@..." is the refund term, not a contact line
    (a first-time user's summary said "The terms do not say" about it); a bare contact line is
    still left out."""
    from tracker.analysis.summary import summarise

    text = ("# Quillpad terms\n\n## 3. Refunds\n\nIf you are not satisfied, you may request a full refund "
            "within 60 days of your first payment by writing to billing@quillpad.example.\n\n"
            "## 9. Contact\n\nWrite to our team at help@quillpad.example.\n")
    summary = summarise(text)
    refund = next(a for a in summary.answers if a.id == "refunds")
    assert "within 60 days" in refund.answer, refund
    assert "refunds" in [b.concern for b in summary.key_terms]
    assert not any("help@" in b.text for b in summary.key_terms + summary.watch_outs)


@pytest.mark.parametrize("sentence, period", [
    ("We will notify you by email at least 7 days before any change to these Terms takes effect.", "7 days"),
    ("We will tell you 30 days in advance of any change to these Terms.", "30 days"),
    ("We will give you 14 days' notice of changes to these Terms.", "14 days"),
])
def test_terms_change_notice_period_said_before_the_change(sentence, period):
    """The notice before terms change is the period said "before / in advance / notice", wherever
    the word stands (a first-time user saw "Notice, no period stated" for "at least 7 days before
    any change")."""
    cell = summarise(f"# Quillpad terms\n\n## 6. Changes to these terms\n\n{sentence}\n").facts.get("terms-notice")
    assert cell is not None and period in cell.value, cell


def test_key_terms_of_the_version_before_are_read_from_the_cache_once_kept(tmp_path, monkeypatch) -> None:
    """``tracker summary`` compares the shown version's key terms with the version before's: those
    are kept on disk by text and code, so the version before is not summarised again each call."""
    from tracker.analysis import summary as S

    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))
    full = summarise(LARKSPUR)
    light = S.key_bullets(LARKSPUR)
    assert [b.text for b in light.key_terms] == [b.text for b in full.key_terms] != []
    assert [b.text for b in light.watch_outs] == [b.text for b in full.watch_outs] != []
    first = S.cached_bullets(LARKSPUR)  # computed, then kept
    files = list((tmp_path / "cache" / "key-terms").rglob("*.json"))
    assert len(files) == 1 and first.key_terms == light.key_terms
    # what is kept is what is read back: a changed file shows through (read, not recomputed)
    data = __import__("json").loads(files[0].read_text())
    data["key_terms"][0]["text"] = "Kept on disk."
    files[0].write_text(__import__("json").dumps(data))
    assert S.cached_bullets(LARKSPUR).key_terms[0].text == "Kept on disk."
    assert S.cached_bullets(LARKSPUR + "\nA new line.").key_terms[0].text != "Kept on disk."  # another text
    files[0].write_text("{broken")  # a damaged file is recomputed, never an error
    assert S.cached_bullets(LARKSPUR).key_terms == light.key_terms
    monkeypatch.setenv("TRACKER_CACHE_DIR", "off")  # caching off: computed, nothing written
    before = set((tmp_path / "cache").rglob("*"))
    assert S.cached_bullets(LARKSPUR + "\nOther.").key_terms
    assert set((tmp_path / "cache").rglob("*")) == before


def test_a_place_named_with_and_without_its_country_is_said_once() -> None:
    """A first-time user read "(was Dublin, Ireland, Dublin)": a place or party that another value
    contains is said once, as the fuller one, in the changed-terms line, notes and facts."""
    from tracker.analysis.summary import BulletChange, distinct_values

    assert distinct_values(["Dublin, Ireland", "Dublin", "Ireland"]) == ["Dublin, Ireland"]
    assert distinct_values(["Lisbon", "Lisbon, Portugal", "Porto"]) == ["Lisbon, Portugal", "Porto"]
    assert distinct_values(["12 months", "2 months"]) == ["12 months", "2 months"]  # whole words only
    line = BulletChange("disputes", "Any dispute will be heard by the courts of Dublin, Ireland, and hearings take "
                        "place in Dublin.", "Any dispute will be heard by the courts of Paris, France.").line()
    assert line.endswith("(was Dublin, Ireland).") and line.count("Dublin") == 1, line
    terms = ("# Quillfen Terms\n\n## 9. Disputes\n\nAny dispute will be resolved by binding arbitration in New York "
             "City, with hearings held in New York.\n")
    facts = {k: c.value for k, c in summarise(terms).facts.items()}
    assert facts["arbitration"].count("New York") == 1, facts


@pytest.mark.parametrize("sentence, bullet", [
    # a cut never ends on a phrase that opens the clause a conjunction started
    ("You acknowledge and agree that Your Notes may be viewed by other members, and, notwithstanding these Terms, "
     "other members may share Your Notes with third parties and with anyone else they choose to.",
     "You acknowledge and agree that Your Notes may be viewed by other members."),
    ("Quillfen keeps your messages for 30 days, and, subject to applicable law, Quillfen may share them with the "
     "police and with other authorities that ask for them in writing.", "Quillfen keeps your messages for 30 days."),
    # a phrase that completes what it follows stays
    ("We may suspend your account for any reason, at any time, with or without notice, in accordance with "
     "applicable law and our internal policies on safety and misconduct on the platform.",
     "We may suspend your account for any reason, at any time, with or without notice."),
])
def test_a_cut_bullet_ends_on_a_whole_phrase(sentence: str, bullet: str) -> None:
    assert compress(sentence) == bullet


def test_a_key_term_now_written_in_sentence_case_is_no_change() -> None:
    """A SHOUTED clause rewritten in sentence case ("...LITIGATE DISPUTES IN COURT" → "...litigate
    Disputes in court") changes no term: compare_summaries does not list it."""
    from tracker.analysis.summary import compare_summaries

    head = "# Quillfen Terms\n\n## 9. Disputes\n\nThese terms are governed by the laws of Ireland.\n\n"
    old = head + "You and Quillfen each waive the right to litigate disputes in court in favor of arbitration.\n"
    new = head + "You and Quillfen each waive the right to litigate Disputes in court in favor of Arbitration.\n"
    assert compare_summaries(summarise(old), summarise(new), old, new) == []
    other = new.replace("in court", "in any court")
    assert compare_summaries(summarise(old), summarise(other), old, other) != []


def test_how_long_files_are_kept_after_an_account_closes_is_privacy_not_termination() -> None:
    """A first-time user's feed listed "Termination: We delete your files 365 days after you close
    your account" among the key terms that changed: a retention period counted from the
    account's end is a privacy term (as a change's categories already say); the provider
    ending accounts stays termination."""
    from tracker.analysis.summary import summarise

    doc = ("# Quillo Cloud Terms\n\n## Your files\n\nWe delete your files 365 days after you close your account.\n\n"
           "## Ending the service\n\nWe may terminate your account at any time if you break these terms.\n")
    summary = summarise(doc)
    by_text = {b.text: b.concern for b in summary.key_terms}
    kept = [c for t, c in by_text.items() if "365 days" in t]
    ended = [c for t, c in by_text.items() if "terminate your account" in t]
    assert kept == ["privacy"], by_text
    assert ended == ["termination"], by_text


@pytest.mark.parametrize("sentence, dangling", [
    ("If you set your boards and notebooks to be seen publicly, you grant each Member of Quillmoor a nonexclusive, "
     "worldwide license to view, copy, and fork Your Content through the Quillmoor Service and to show Your Content "
     "only on Quillmoor as permitted through Quillmoor's features.", "a nonexclusive."),
    ("Except for small claims described in Section 9, you agree that every dispute about these Terms will be "
     "resolved by final, individual arbitration, and you and Quillmoor each give up the right to a jury trial or "
     "to join any class action or representative proceeding.", "by final."),
])
def test_a_cut_never_falls_between_the_adjectives_of_one_noun(sentence: str, dangling: str) -> None:
    got = compress(sentence)
    assert not got.endswith(dangling), got


def test_a_cut_never_ends_on_a_verb_without_its_object() -> None:
    got = compress("For the avoidance of doubt, your posts on Quillmoor may not include, and Quillmoor may remove or refuse "
                   "to show any post that breaks, the rules of any partner network with which the Quillmoor service "
                   "works together.")
    assert not got.rstrip(".").endswith("may not include"), got


# -- what a first-time reader found wrong on real pages, each a kind (invented text) ---------------
def test_a_right_of_the_user_is_no_watch_out() -> None:
    md = ("# Quibly Terms\n\n## Disputes\n\nAll disputes will be resolved by binding arbitration.\n\n"
          "You have the right to opt out of binding arbitration within 30 days of signing up.\n\n"
          "## Your rights\n\nYou also have the right to withdraw your consent at any time.\n\n"
          "Quibly may terminate your account at any time without notice.\n\n"
          "California law gives California residents the right to ask which data we share.\n")
    said = [b.text for b in summarise(md).watch_outs]
    assert any("binding arbitration" in t and "opt out" not in t for t in said), said
    assert not any("opt out" in t or "withdraw your consent" in t or "residents the right" in t for t in said), said


def test_a_row_of_a_disclosure_table_is_no_watch_out() -> None:
    md = ("# Quibly Privacy\n\n## What we collect\n\n| Category | Collected | Sold |\n| --- | --- | --- |\n"
          "| Biometric Information | No | N/A |\n| Geolocation Data | Yes | No |\n\n"
          "We may share your personal data with advertisers at our sole discretion.\n")
    said = [b.text for b in summarise(md).watch_outs]
    assert not any("N/A" in t or t.startswith(("Biometric", "Geolocation")) for t in said), said


@pytest.mark.parametrize("sentence,cut_off", [
    ("We may at any time, without prior notice and at our sole discretion, remove such Content and terminate the "
     "account of any member who posts material that breaks these Terms or the rules of the community.",
     "sole discretion."),
    ("Quibly reserves the right to reject or remove any recipe, comment or other content that Quibly believes, in its "
     "sole discretion, violates these provisions or the rights of any third party or member of the community.",
     "sole discretion."),
    ("If we believe you are abusing Quibly in any way, we may, in our sole discretion and without limiting other "
     "remedies, limit, suspend, or terminate your account and access to our services, and remove hosted content.",
     "remedies, limit."),
    ("In no event will Quibly, its affiliates or their licensors, service providers, employees, agents, officers or "
     "directors be liable for damages of any kind, under any legal theory, arising out of your use of the service.",
     "will Quibly."),
])
def test_a_cut_never_drops_the_verb_of_its_own_clause(sentence: str, cut_off: str) -> None:
    bullet = compress(sentence)
    assert not bullet.endswith(cut_off), bullet


def test_a_postal_address_set_as_a_heading_is_no_section() -> None:
    md = ("# Quibly Terms\n\n**Quibly Ltd, 4 Dock Road, Dublin D02 X285, Ireland**\n\n"
          "Recipe credits are non-refundable and expire after 12 months.\n")
    s = summarise(md)
    assert s.key_terms and not any("Dock Road" in b.section for b in s.key_terms), [b.section for b in s.key_terms]


def test_governing_law_is_the_contracts_not_a_residents_notice() -> None:
    md = ("# Quibly Terms\n\n## California residents\n\nUnder California law, California residents have the right "
          "to request information; this right is governed by the laws of California.\n\n## Law\n\n"
          "These Terms are governed by the laws of Ireland.\n")
    assert summarise(md).facts["governing-law"].value == "Ireland"


def test_a_notice_period_or_an_invoice_kept_is_no_data_retention() -> None:
    md = ("# Quibly Privacy\n\n## Accounts\n\nWe may delete your data after giving you at least 30 days advance "
          "notice.\n\nInvoices are kept for 10 years under tax law.\n\n## Logs\n\nServer logs are deleted after 14 days.\n")
    assert summarise(md).facts["retention"].value == "14 days"


def test_the_refunds_answer_is_no_clause_that_names_a_refund_in_passing() -> None:
    md = ("# Quibly Terms\n\n## Content\n\nQuibly may, without further notice or refund, remove any recipe that "
          "breaks these Terms.\n\n## Payments\n\nMembership fees are refunded within 14 days if you cancel in the "
          "first month.\n")
    answer = next(a for a in summarise(md).answers if a.id == "refunds")
    assert "refunded within 14 days" in answer.answer and "remove any recipe" not in answer.answer, answer.answer


def test_a_shouted_sentence_keeps_the_brand_as_the_page_writes_it() -> None:
    md = ("# Quibly Terms\n\nPayments are processed by Stripe. Sellers on eBay may link their eBay account.\n\n"
          "## Disputes\n\nYOU AND EBAY AGREE THAT STRIPE MAY BRING CLAIMS AGAINST YOU ONLY IN AN INDIVIDUAL CAPACITY.\n")
    text = " ".join(b.text for b in (*summarise(md).watch_outs, *summarise(md).key_terms))
    assert "eBay" in text and "Stripe may" in text and "ebay" not in text and "stripe" not in text, text


@pytest.mark.parametrize("sentence, verb", [
    # the verb after a long subject is the statement: kept, or the sentence is left whole
    ("On termination of these Terms, your permission to use Quillmoor Open Boards, as well any permission you may "
     "have to access Quillmoor Plus under additional terms, also terminate.", "also terminate"),
    ("These Terms, together with the additional terms for Quillmoor Plus and any Quillmoor software that you and "
     "Quillmoor agree to, embody all the terms of agreement between you and Quillmoor about the Quillmoor Service.",
     "embody all the terms"),
    ("Your use of the Quillmoor Service, and any dispute, claim or controversy between you and Quillmoor or any of "
     "its affiliates, resellers, partners and agents arising out of these Terms, is governed by the laws of the "
     "State of Vermont without regard to conflict of law rules.", "is governed by"),
    ("La présente licence, ainsi que tout droit d'accès aux fonctions payantes que vous auriez acquis auprès de "
     "Quillmoor ou de ses revendeurs agréés en France, prend fin à la clôture de votre compte Quillmoor.",
     "prend fin"),
    ("Diese Vereinbarung, zusammen mit den Zusatzbedingungen für kostenpflichtige Dienste und allen Richtlinien, "
     "denen Sie und Quillmoor zugestimmt haben, bildet die gesamte Vereinbarung zwischen Ihnen und Quillmoor.",
     "bildet die gesamte"),
])
def test_a_shortened_sentence_keeps_the_verb_of_its_subject(sentence: str, verb: str) -> None:
    got = compress(sentence)
    assert got == "" or verb in got, got


def test_a_statement_before_a_subject_whose_verb_comes_later_is_still_a_bullet() -> None:
    got = compress("We may suspend your Quillmoor account at any time for any reason without telling you first, and "
                   "your licence to the boards, together with all Plus features and every add-on you bought, will "
                   "end with it without a refund of any kind whatsoever.")
    assert got == "We may suspend your Quillmoor account at any time for any reason without telling you first.", got


ZENBU = """# zenbu Terms

## Changes

zenbu may update these Terms from time to time. You accept changes to these Terms by continuing to use zenbu \
boards. zenbu may change, suspend, or discontinue the zenbu service at any time without notice or liability to you.

## Your boards

zenbu will keep your boards for as long as your account is open. zenbu and its partners host boards in Canada.

## Liability

To the maximum extent permitted by law, zenbu's liability to you will not exceed $20.
"""


def test_a_sentence_opening_with_a_lower_case_name_is_a_sentence_of_its_own() -> None:
    # the splitter waits for a capital; "zenbu may ..." starts a sentence all the same, and answers
    # how much notice comes before the service is taken away (none)
    s = summarise(ZENBU)
    assert s.facts["removal-notice"].value == "None promised", s.facts
    answer = next(a for a in s.answers if a.id == "removal-notice")
    assert answer.answer.startswith("zenbu may change, suspend, or discontinue the zenbu service"), answer
    texts = [b.text for b in s.key_terms]
    assert not any(t.startswith("You accept changes") and "discontinue" in t for t in texts), texts
    assert "zenbu's liability to you will not exceed $20." in texts + [b.text for b in s.watch_outs], texts


def test_a_word_after_an_abbreviation_or_a_list_item_in_lower_case_is_no_name() -> None:
    s = summarise("# Terms of Rindle\n\nYou may use Rindle for notes, sketches, etc. use of the export is free. "
                  "Rindle may change these Terms at any time.\n")
    assert not any(b.text.startswith("use of the export") for b in s.key_terms), s.key_terms


def test_a_standard_fact_says_what_it_was_only_from_the_same_fact() -> None:
    # the clause changed its law and gained arbitration: "was Oregon" is the law's old value,
    # never the arbitration's
    text = ("# Wrenfield Terms\n\n## 9. Law and disputes\n\nThese terms are governed by the laws of the State of "
            "Delaware, and any dispute arising from them will be settled by binding arbitration.\n")
    before = "These terms are governed by the laws of the State of Oregon."
    change = ClauseChange("modified", "9-law-and-disputes/p1", "9. Law and disputes", before,
                          text.rsplit("\n\n", 1)[1].strip(), True, "critical", ("arbitration", "governing-law"), "...")
    s = summarise(text, [("2026-12-02T10:00:00Z", change)])
    law, arbitration = s.facts["governing-law"], s.facts["arbitration"]
    assert law.value == "Delaware" and law.changed is not None and law.changed.note == "was Oregon until 2026-12-02"
    assert arbitration.changed is not None and "Oregon" not in arbitration.changed.note, arbitration.changed


def test_a_name_in_mixed_case_keeps_its_case_and_a_wrapped_line_is_no_name() -> None:
    text = ("# dRift Terms\n\n## Fees\n\nYou pay for dRift Plus monthly. dRift may change the price of dRift Plus at any "
            "time. dRift will refund unused months when you cancel.\n\n## Partners\n\nOur partners process your data "
            "only on our\n\nbehalf and must not use it for anything else. They act on our behalf. No one acts on "
            "your behalf without consent.\n")
    s = summarise(text)
    said = [b.text for b in (*s.watch_outs, *s.key_terms)] + [a.answer for a in s.answers]
    assert any(t.startswith("dRift may change the price") for t in said), said
    assert not any(t.startswith(("DRift", "behalf", "Behalf")) for t in said), said


def test_a_sentence_cut_from_an_emphasised_paragraph_loses_the_unpaired_marks():
    """A paragraph set in bold italics ("**_First. Second._**") split into sentences leaves each
    sentence half of the marks: they must not reach a reader (the Key terms page quoted
    "**_Other than to seek an injunction, ..."). Paired marks and a single footnote star stay as
    they always were."""
    from tracker.analysis.rendering import clause_text, plain_text

    assert plain_text("**_Other than to seek an injunction, Quillfen will resolve disputes by arbitration.") == (
        "Other than to seek an injunction, Quillfen will resolve disputes by arbitration.")
    assert plain_text("You waive any right to a jury trial._**") == "You waive any right to a jury trial."
    assert clause_text("__*Fees are non-refundable.") == "Fees are non-refundable."
    assert plain_text("**Fees** are _never_ refunded.") == "Fees are never refunded."
    assert plain_text("*Offer valid in the EU only.") == "*Offer valid in the EU only."
    assert plain_text("Use the api__key field.") == "Use the api__key field."


def test_a_short_sentence_is_no_section_title() -> None:
    # "Plans renew monthly." has a verb and a full stop: a term, not the heading of what follows
    doc = ("# Zorblio Terms of Service\n\n## 4. Fees\n\nPlans renew monthly.\n\nCredits expire 6 months after the date "
           "you bought them and are non-refundable.\n\nFees apply.\n\nAny dispute will be resolved by binding "
           "arbitration in Tartu, Estonia.\n\nLimitation of liability.\n\nWe may terminate your account at any time "
           "without notice.\n")
    s = summarise(doc)
    sections = {b.text: b.section for b in s.key_terms + s.watch_outs}
    assert sections["Credits expire 6 months after the date you bought them and are non-refundable."] == "§ 4 Fees"
    assert sections["Any dispute will be resolved by binding arbitration in Tartu, Estonia."] == "§ 4 Fees"
    assert not any(v in ("Plans renew monthly", "Fees apply") for v in sections.values()), sections
    # a title written as a paragraph stays one
    assert sections["We may terminate your account at any time without notice."] == "Limitation of liability"


@pytest.mark.parametrize("text,said", [
    ("# Conditions générales de vente Zorblio\n\n## 1. Objet\n\nLes présentes conditions régissent les ventes du site "
     "Zorblio.\n\n## 8. Droit de rétractation\n\nConformément à la loi, vous disposez d'un droit de rétractation de 14 jours "
     "à compter de la réception de votre commande. Les frais de renvoi restent à votre charge.\n",
     "droit de rétractation de 14 jours"),
    ("# AGB der Quibly GmbH\n\n## 1. Geltungsbereich\n\nDiese AGB gelten für alle Bestellungen bei Quibly.\n\n"
     "## 9. Widerrufsrecht\n\nVerbraucher haben ein Widerrufsrecht von 14 Tagen ab Erhalt der Ware. Die Kosten der "
     "Rücksendung trägt der Kunde.\n", "Widerrufsrecht von 14 Tagen"),
    ("# Flumbo Shop Terms\n\n## 2. Orders\n\nOrders are confirmed by email.\n\n## 7. Cancelling\n\nConsumers have a "
     "cooling-off period of 14 days from delivery to cancel an order.\n", "cooling-off period of 14 days"),
])
def test_a_right_of_withdrawal_answers_the_refund_question(text, said):
    answer = next(a for a in summarise(text).answers if a.id == "refunds")
    assert said in answer.answer, answer

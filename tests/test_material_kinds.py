"""Each kind of fault seen on real pairs (issue 11), on invented terms of fictional services.

Whole documents go through ``analyse`` (diff, whole-version comparison, labels, version
categories), as ``compare`` and history import do.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_text
from tracker.analysis.facts import extract_facts
from tracker.analysis.materiality import COSMETIC_KINDS, label_change

TERMS = """\
# Zorblio Terms of Service

Last updated: March 1, 2026

## 1. Plans and fees

Zorblio offers monthly plans for individuals.
Each Zorblio Pro seat costs $12 per month.
We will continue to support the Classic plan until the end of 2027.

## 2. Your data

We collect your name and email address to run your account.
We keep chat logs for 30 days and then delete them.

## 3. Acceptable use

You must not use Zorblio to send spam or to scrape other websites.

## 4. Termination

Zorblio may suspend your account if you break these Terms.

## 5. Law

These Terms are governed by the laws of Ireland.
Disputes go to the courts of Dublin, Ireland.

## 6. Contact

Zorblio Ltd, 12 Harbour Road, Galway, Ireland.
"""


def run(old: str, new: str):
    return analyse(old, new)


def material(old: str, new: str) -> bool:
    return run(old, new).material


# --- false alarms: announcements, stamps, headings, chrome, fragments --------------------------
@pytest.mark.parametrize("banner", [
    "We've updated our Terms of Service. Please take a moment to read them.",
    "Summary of changes: we clarified the sections on plans and data.",
    "The updated Terms take effect on April 1, 2026.",
    "By continuing to use Zorblio, you accept the updated Terms.",
    "[Read the upcoming version of these Terms](https://zorblio.example/terms/next), which applies "
    "from April 1, 2026.",
    "Effective as of 2 April 2026",
])
def test_announcements_about_the_terms_are_not_material(banner):
    new = TERMS.replace("Last updated: March 1, 2026\n", f"Last updated: March 1, 2026\n\n{banner}\n")
    result = run(TERMS, new)
    assert not result.material, result.summary
    assert result.categories == ()


@pytest.mark.parametrize("stamp", [
    "Last updated: June 9, 2026", "Effective as of 9 June 2026", "Version 4 (2026-06-09)",
    "Updated on 09/06/2026", "Dernière mise à jour : 9 juin 2026", "Stand: 09.06.2026",
])
def test_every_way_of_saying_when_it_was_updated_is_date_only(stamp):
    result = run(TERMS, TERMS.replace("Last updated: March 1, 2026", stamp))
    assert not result.material
    assert "date-only" in result.cosmetic or result.severity in ("cosmetic", "minor"), result.summary


@pytest.mark.parametrize("chrome", [
    "* [Home](https://zorblio.example/) > [Legal](https://zorblio.example/legal) > Terms",
    "Table of Contents",
    "* [Plans and fees](#plans)\n* [Your data](#data)\n* [Termination](#termination)",
    "Legal notice.",
    "Privacy Policy",
    "Warranty Information",
    "We use cookies to improve your experience. By clicking OK you agree to our use of cookies.",
    "* 7 hours ago\n* by mapleleaf42",
])
def test_page_chrome_and_fragments_are_never_material(chrome):
    new = TERMS.replace("# Zorblio Terms of Service\n", f"# Zorblio Terms of Service\n\n{chrome}\n")
    result = run(TERMS, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("old,new", [
    ("# Zorblio plans\n\n1. Refunds within 14 days.\n", "# Zorblio plans\n\n1. Refunds within 7 days.\n"),
    ("# Zorblio\n\nRefunds within 14 days.\n", "# Zorblio\n\nRefunds within 7 days.\n"),
])
def test_a_few_words_setting_a_term_by_a_number_are_a_term(old, new):
    """No verb, but a number beside the term it sets: a term, not a fragment."""
    assert material(old, new)


@pytest.mark.parametrize("old,new", [
    ("# Zorblio\n\nPrice: $5.99\n\nYou may cancel at any time.\n", "# Zorblio\n\nPrice: $6.49\n\nYou may cancel at any time.\n"),
    ("# Zorblio\n\n* 7 hours ago\n\nYou may cancel at any time.\n", "# Zorblio\n\n* 9 hours ago\n\nYou may cancel at any time.\n"),
])
def test_a_number_without_the_term_it_sets_stays_a_fragment(old, new):
    """A live price or a time stamp in a few words: still no term (a price ticker, a forum's sidebar)."""
    assert not material(old, new)


def test_a_fragment_carries_no_watch_out():
    label = label_change("added", None, "Legal notice.")
    assert not label.material and label.watch_added == ()


def test_headings_are_not_terms():
    new = TERMS.replace("## 4. Termination", "## 4. Suspension and termination of accounts")
    assert not material(TERMS, new)


# --- false alarms: regrouped text -------------------------------------------------------------
def test_paragraphs_merged_or_split_are_not_material():
    merged = TERMS.replace("for individuals.\nEach Zorblio", "for individuals. Each Zorblio")
    split = TERMS.replace("We keep chat logs for 30 days and then delete them.",
                          "We keep chat logs for 30 days.\n\nAfter that, we delete them.")
    assert not material(TERMS, merged)
    result = run(TERMS, split)
    assert not result.material or "30 days" not in result.summary


def test_a_br_or_a_lost_space_joining_sentences_is_not_material():
    br = TERMS.replace("to run your account.\nWe keep", "to run your account.<br>We keep")
    glued = TERMS.replace("We collect your name and email address",
                          "We collect your name and emailaddress")
    for new in (br, glued):
        result = run(TERMS, new)
        assert not result.material, result.summary


def test_text_moved_to_another_section_is_not_new():
    moved = TERMS.replace("We will continue to support the Classic plan until the end of 2027.\n", "")
    moved = moved.replace("## 6. Contact", "We will continue to support the Classic plan until the "
                                           "end of 2027.\n\n## 6. Contact")
    assert not material(TERMS, moved)


def test_links_and_markup_are_ignored_when_looking_for_the_old_text():
    linked = TERMS.replace("these Terms.", "[these Terms](https://zorblio.example/terms).")
    linked = linked.replace("send spam", "**send spam**")
    assert not material(TERMS, linked)


# --- false alarms: names, numbers, contact details ----------------------------------------------
def test_a_brand_renamed_throughout_is_cosmetic():
    result = run(TERMS, TERMS.replace("Zorblio", "Quibblr"))
    assert not result.material, result.summary


def test_a_renamed_domain_is_cosmetic():
    old = TERMS + "\nRead the rules at zorblio.example/rules before you post.\n"
    result = run(old, old.replace("zorblio.example", "quibblr.example"))
    assert not result.material


def test_a_renamed_defined_term_does_not_flip_a_watch_out():
    old = "# Terms\n\nNIMBUS CLOUD IS NOT LIABLE FOR ANY LOSS OF DATA.\n\nNimbus Cloud may change these Terms.\n"
    new = old.replace("NIMBUS CLOUD", "STRATUS").replace("Nimbus Cloud", "Stratus")
    result = run(old, new)
    assert not result.material, result.summary


def test_a_brand_named_alongside_another_is_not_material():
    old = "# Terms\n\nThe Nimbus Jobs service lets employers post openings.\n"
    new = "# Terms\n\nThe Nimbus Jobs and CareerLoop service lets employers post openings.\n"
    assert not material(old, new)


def test_live_numbers_outside_terms_are_not_material():
    old = TERMS + "\n* 44 replies (last by mapleleaf42 2 hours ago)\n* Zorblio token price: $1.23\n"
    new = TERMS + "\n* 45 replies (last by mapleleaf42 1 day ago)\n* Zorblio token price: $1.31\n"
    assert not material(old, new)


def test_a_new_street_number_is_contact_details():
    result = run(TERMS, TERMS.replace("12 Harbour Road", "48 Quay Street"))
    assert not result.material


def test_a_postal_address_replaced_by_an_email_is_contact_details():
    new = TERMS.replace("Zorblio Ltd, 12 Harbour Road, Galway, Ireland.",
                        "Write to legal@zorblio.example.")
    result = run(TERMS, new)
    assert not result.material, result.summary


# --- misses: scope inside a sentence -------------------------------------------------------------
def test_a_widened_plan_list_is_material_and_says_what_was_added():
    result = run(TERMS, TERMS.replace("monthly plans", "monthly or yearly plans"))
    assert result.material
    change = next(c for c in result.changes if c.material)
    assert "Now also covers: yearly plans" in change.explanation
    assert "subscription" in change.categories or "pricing" in change.categories


def test_a_new_data_type_in_a_list_is_material():
    new = TERMS.replace("your name and email address", "your name, email address and precise location")
    result = run(TERMS, new)
    assert result.material and "privacy" in result.categories
    assert "precise location" in result.summary


def test_a_new_prohibited_act_is_material():
    new = TERMS.replace("to send spam or to scrape", "to send spam, to impersonate others or to scrape")
    result = run(TERMS, new)
    assert result.material and result.categories == ("usage-rules",)


def test_a_narrowed_exception_is_material():
    old = "# Terms\n\nWe share your data with no one, except payment processors and courts.\n"
    new = "# Terms\n\nWe share your data with no one, except courts.\n"
    result = run(old, new)
    assert result.material and "No longer covers: payment processors" in result.summary


def test_other_examples_in_brackets_are_not_a_new_scope():
    old = ("# Terms\n\nReport illegal content to us (for example, posts, reviews, replies to reviews) "
           "and we will remove it.\n")
    assert not material(old, old.replace(", reviews, replies to reviews", ", photos"))


def test_a_rewording_in_a_legal_sentence_is_not_material():
    old = "# Terms\n\nWe keep your chat logs for all the time needed to run the service.\n"
    new = "# Terms\n\nWe keep your chat logs for all the time that is needed to run the service.\n"
    assert not material(old, new)


def test_a_changed_condition_is_material():
    old = "# Terms\n\nWe charge your card only if the seller confirms the shipment.\n"
    new = "# Terms\n\nWe charge your card only if the seller accepts the order.\n"
    assert material(old, new)


def test_a_new_route_to_the_same_form_is_not_material():
    old = "# Terms\n\nTo cancel, click the Cancel button in your account settings within 14 days.\n"
    new = "# Terms\n\nTo cancel, use the contact form in the support menu within 14 days.\n"
    assert not material(old, new)


def test_a_deleted_commitment_is_material():
    new = TERMS.replace("We will continue to support the Classic plan until the end of 2027.\n", "")
    result = run(TERMS, new)
    assert result.material, result.summary
    assert "Classic plan" in result.summary


# --- misses: tables --------------------------------------------------------------------------------
COOKIES = """\
# Zorblio Cookie Policy

## Advertising cookies

| Name | Provider | Purpose |
| --- | --- | --- |
| zb_ads | Zorblio | Measures ad clicks |
"""


def test_a_new_table_row_is_read_with_its_header_and_heading():
    new = COOKIES + "| px_track | Pixelfarm | Follows you across partner sites |\n"
    result = run(COOKIES, new)
    assert result.material and result.categories == ("privacy",), result.summary


def test_a_new_sub_processor_row_is_privacy():
    old = ("# Data Processing Addendum\n\n## Sub-processors\n\n| Sub-processor | Purpose | Location |\n"
           "| --- | --- | --- |\n| Nimbus Hosting | Storage | Ireland |\n")
    new = old + "| Quillmetrics | Analytics | United States |\n"
    result = run(old, new)
    assert result.material and result.categories == ("privacy",), result.summary


def test_a_changed_fee_in_a_table_row_is_pricing():
    old = "# Fees\n\n## Seller fees\n\n| Plan | Commission |\n| --- | --- |\n| Basic | 8% |\n"
    result = run(old, old.replace("8%", "12%"))
    assert result.material and result.categories == ("pricing",), result.summary


# --- misses: legal effect outside the lexicons -------------------------------------------------
@pytest.mark.parametrize("sentence,category", [
    ("Zorblio may at its discretion restrict or limit your use of the service.", None),
    ("Search terms you enter may be sent to our advertising partners.", None),
    ("A seller commission of 12% applies to every sale made through Zorblio.", "pricing"),
    ("Political advertisements may only be displayed in Canada.", "usage-rules"),
])
def test_new_sentences_with_legal_effect_outside_the_lexicons(sentence, category):
    result = run(TERMS, TERMS.replace("## 6. Contact", f"{sentence}\n\n## 6. Contact"))
    assert result.material, result.summary
    if category:
        assert category in result.categories


def test_a_new_contracting_party_is_material():
    old = "# Terms\n\nThe service is provided by Zorblio Limited, Ireland.\n"
    new = "# Terms\n\nThe service is provided by Zorblio Pte. Ltd., Singapore.\n"
    result = run(old, new)
    assert result.material and "contracting party" in result.summary


def test_a_company_renamed_at_the_same_address_is_not_a_new_party():
    # the labellers' rule: only the name of the contracting party changed, same seat, same terms
    old = ("# Terms\n\n\"Zorblio\" means Zorblio, Inc., with an office at 40 Harbour Road, Suite 5, Leith, "
           "EH6 6QQ.\n\nAny change to these Terms must be signed by you and Zorblio, Inc. Nothing here makes "
           "us partners.\n")
    new = old.replace("Zorblio, Inc.", "Quibble Corp.")
    result = run(old, new)
    assert not result.material, result.summary


def test_another_company_at_another_address_stays_a_new_party():
    old = ("# Terms\n\nThe service is provided by Zorblio, Inc., with an office at 40 Harbour Road, Leith, "
           "EH6 6QQ.\n")
    new = "# Terms\n\nThe service is provided by Quibble Corp., with an office at 9 Rue Lafitte, 75009 Paris.\n"
    result = run(old, new)
    assert result.material and "contracting party" in result.summary


def test_the_same_company_spelled_out_is_not_a_new_party():
    old = "# Terms\n\nThe service is provided by Zorblio Ltd.\n"
    assert not material(old, old.replace("Zorblio Ltd.", "Zorblio Limited."))


def test_where_the_terms_apply_is_material():
    old = "# Terms\n\nThese Terms apply to users in the European Union.\n"
    new = "# Terms\n\nThese Terms apply to users in the European Union and the United Kingdom.\n"
    assert material(old, new)


# --- direction ---------------------------------------------------------------------------------
def test_extended_ai_training_is_never_good_news():
    old = "# Terms\n\nWe may use your feedback to improve our models.\n"
    new = "# Terms\n\nWe may use your feedback, prompts and uploaded files to improve our models.\n"
    result = run(old, new)
    assert result.material and "good news" not in result.summary
    assert "ai-training" in result.categories


def test_a_removed_governing_law_clause_that_is_replaced_is_not_good_news():
    new = TERMS.replace("These Terms are governed by the laws of Ireland.\n", "")
    new = new.replace("## 6. Contact", "Irish law governs these Terms and any dispute.\n\n## 6. Contact")
    result = run(TERMS, new)
    assert "good news" not in result.summary


def test_a_removed_arbitration_watch_out_is_good_news():
    old = "# Terms\n\nAll disputes shall be resolved exclusively by binding arbitration.\n\nBe kind.\n"
    new = "# Terms\n\nBe kind.\n"
    result = run(old, new)
    assert result.material and "good news" in result.summary


# --- categories --------------------------------------------------------------------------------
def test_each_material_change_has_one_to_three_categories_and_the_version_only_theirs():
    new = TERMS.replace("$12 per month", "$15 per month").replace(
        "Table", "Table").replace("## 2. Your data", "## 2. Your personal data")
    result = run(TERMS, new)
    assert result.material
    for c in result.changes:
        if c.material:
            assert 1 <= len(c.categories) <= 3
        else:
            assert c.categories == ()
    assert result.categories == ("pricing",)


def test_new_cosmetic_kinds_are_public_kinds():
    for kind in ("regrouped", "spelling", "renamed", "announcement", "page-chrome"):
        assert kind in COSMETIC_KINDS


# --- French and German -------------------------------------------------------------------------
CGU = """\
# Conditions générales d'utilisation de Zorblio

## Abonnement

L'abonnement est renouvelé automatiquement chaque mois.
Vous pouvez résilier votre abonnement dans un délai de 14 jours.
Le prix de l'abonnement est de 9,99 € par mois.

## Droit applicable

Les présentes sont soumises au droit français et aux tribunaux de Paris.
"""

AGB = """\
# Allgemeine Geschäftsbedingungen von Zorblio

## Kündigung

Wir können Ihr Konto bei Verstößen sperren.
Die Kündigungsfrist beträgt 30 Tage.
Das Abonnement kostet 9,99 EUR pro Monat.

## Gerichtsstand

Gerichtsstand ist München.
"""


@pytest.mark.parametrize("text,category", [
    ("Le prix de l'abonnement est de 9,99 € par mois.", "pricing"),
    ("Zorblio se réserve le droit de suspendre votre compte sans préavis.", "termination"),
    ("Vos données personnelles sont conservées pendant 3 ans.", "privacy"),
    ("Les présentes sont soumises au droit français.", "governing-law"),
    ("Les frais de retour sont à votre charge en cas de rétractation.", "refunds"),
    ("Die Gebühr beträgt 9,99 EUR pro Monat.", "pricing"),
    ("Wir können Ihr Konto jederzeit ohne Vorankündigung sperren.", "termination"),
    ("Wir verarbeiten personenbezogene Daten nach der DSGVO.", "privacy"),
    ("Es gilt ausschließlich deutsches Recht.", "governing-law"),
    ("Sie müssen mindestens 16 Jahre alt sein.", "eligibility"),
])
def test_french_and_german_categories(text, category):
    assert category in classify_text(text).categories


def test_french_and_german_facts():
    fr = {(f.kind, f.value) for f in extract_facts(
        "Le prix est de 9,99 € ; remboursement dans un délai de 14 jours ; tribunaux de Paris ; "
        "vous devez avoir au moins 18 ans.")}
    assert {("money", "EUR 9.99"), ("duration", "P14D"), ("place", "Paris"), ("age", "18")} <= fr
    de = {(f.kind, f.value) for f in extract_facts(
        "Die Gebühr beträgt 3.000,50 EUR; Kündigungsfrist 30 Tage; Gerichtsstand ist München; "
        "Nutzer müssen mindestens 16 Jahre alt sein.")}
    assert {("money", "EUR 3000.50"), ("duration", "P30D"), ("place", "München"), ("age", "16")} <= de


def test_french_period_change_is_material_and_explained():
    result = run(CGU, CGU.replace("dans un délai de 14 jours", "dans un délai de 7 jours"))
    assert result.material and "7 jours" in result.summary and "14" in result.summary


def test_french_venue_change_is_material():
    result = run(CGU, CGU.replace("tribunaux de Paris", "tribunaux de Nanterre"))
    assert result.material and "jurisdiction" in result.categories


def test_french_stamp_and_rewording_are_not_material():
    old = CGU.replace("# Conditions générales d'utilisation de Zorblio\n",
                      "# Conditions générales d'utilisation de Zorblio\n\nMise à jour le 1er mars 2026\n")
    new = old.replace("1er mars 2026", "9 juin 2026")
    assert not material(old, new)


def test_german_price_change_is_material():
    result = run(AGB, AGB.replace("9,99 EUR", "12,99 EUR"))
    assert result.material and "pricing" in result.categories, result.summary
    assert "12,99 EUR" in result.summary and "9,99" in result.summary


def test_german_new_suspension_without_notice_is_a_watch_out():
    new = AGB.replace("Wir können Ihr Konto bei Verstößen sperren.",
                      "Wir können Ihr Konto jederzeit ohne Vorankündigung sperren.")
    result = run(AGB, new)
    assert result.material and "termination" in result.categories


def test_german_rename_is_not_material():
    assert not material(AGB, AGB.replace("Zorblio", "Quibblr"))


# --- kinds found on an unlabelled history (the dating bundle) ---------------------------------
def test_an_faq_question_is_not_a_term():
    new = TERMS.replace("## 1. Plans and fees\n", "## 1. Plans and fees\n\nWhat are the benefits of Zorblio Pro?\n")
    assert not material(TERMS, new)


def test_a_half_obfuscated_email_is_contact_details():
    old = ("# Terms\n\nSend feedback to [\\[email protected\\]](https://zorblio.example/cdn-cgi/l/email-protection#x) "
           "or use the form.\n")
    new = old.replace("[\\[email", "[ideas\\[email")
    assert not material(old, new)


@pytest.mark.parametrize("hidden", ["[\\[email protected\\]](https://zorblio.example/cdn-cgi/l/email-protection)",
                                    "\\[email protected\\]", "[email protected]"])
def test_an_obfuscated_email_replaced_by_the_address_is_contact_details(hidden):
    # Cloudflare's e-mail protection hides an address as "[email protected]"; the address coming
    # back is the same contact route, not a new term (newuser5: a privacy policy's DPO address).
    old = f"# Privacy\n\nYou may exercise your rights by writing to {hidden} or to our postal address.\n"
    new = old.replace(hidden, "[privacy@zorblio.example](mailto:privacy@zorblio.example)")
    result = run(old, new)
    assert not result.material
    assert {c.cosmetic for c in result.changes} == {"contact-details"}


@pytest.mark.parametrize("unresolved", ["\\[license us to show it\\]\\[your-content\\]",
                                        "[license us to show it][your-content]"])
def test_an_unresolved_reference_link_that_becomes_a_link_is_links_only(unresolved):
    # A page whose Markdown left a reference link unresolved shows "[words][label]"; fixing it
    # into a link changes no term (newuser5: a privacy policy flagged material for it).
    old = f"# Terms\n\nTo publish a package you must {unresolved} under our licence.\n"
    new = old.replace(unresolved, "[license us to show it](https://zorblio.example/terms#your-content)")
    result = run(old, new)
    assert not result.material
    assert {c.cosmetic for c in result.changes} == {"links-only"}


def test_a_cited_article_added_or_dropped_is_a_cross_reference():
    old = "# Privacy\n\nYou may ask us to erase your data (article 17 GDPR) at any time.\n"
    assert not material(old, old.replace(" (article 17 GDPR)", " (GDPR)"))


def test_a_phone_number_with_a_trunk_prefix_is_contact_details():
    old = "# Terms\n\nTo withdraw, call us within 14 days.\n"
    new = "# Terms\n\nTo withdraw, call us on +49 (0) 30-48625531 within 14 days.\n"
    assert not material(old, new)


def test_a_company_named_in_place_of_a_word_is_not_a_new_party():
    old = "# Privacy\n\nThe companies of the group act as joint controllers.\n"
    new = "# Privacy\n\nThe companies of the group, Zorblio Trading Limited, act as joint controllers.\n"
    result = run(old, new)
    assert "contracting party" not in result.summary


# --- kinds from newly labelled pairs (benchmarks/data/material_labels_c.jsonl) -----------------
def test_an_error_page_capture_and_its_recovery_are_not_material():
    for error in ("### Cette page n'existe pas\n", "# Page not found\n\nGo back to the home page.\n",
                  "# Seite nicht gefunden\n"):
        gone, back = run(TERMS, error), run(error, TERMS)
        assert not gone.material and not back.material
        assert "error page" in gone.summary and "error page" in back.summary


def test_a_short_page_that_mentions_an_error_is_still_read():
    old = "# Refunds\n\nRefunds are issued within 30 days.\n"
    new = "# Refunds\n\nRefunds are issued within 30 days. An error 404 on checkout never voids a refund.\n"
    assert material(old, new)


def test_share_capital_is_a_company_detail_not_a_price():
    old = TERMS.replace("# Zorblio Terms of Service\n",
                        "# Zorblio Terms of Service\n\nZorblio SAS, with a share capital of € 30,000, runs the service.\n")
    assert not material(old, old.replace("€ 30,000", "€ 38,994.44"))
    fr = CGU.replace("## Abonnement\n", "Zorblio SAS, société au capital de 10 000 €, édite l'application.\n\n## Abonnement\n")
    assert not material(fr, fr.replace("10 000 €", "12 500 €"))
    # a price next to it still counts
    assert material(old, old.replace("$12 per month", "$15 per month"))


def test_a_number_glued_to_a_repeated_contents_line_is_numbering():
    old = TERMS
    new = TERMS.replace("# Zorblio Terms of Service\n",
                        "# Zorblio Terms of Service\n\n* [Jump to: 4. Termination?4. May Zorblio suspend your account?](#4)\n")
    assert not material(old, new)


def test_a_line_that_introduces_a_table_is_not_a_term():
    new = CGU.replace("## Abonnement\n",
                      "## Abonnement\n\nLe tableau ci-dessous vous offre un aperçu des prestations de chaque formule d’abonnement.\n")
    assert not material(CGU, new)
    en = TERMS.replace("## 1. Plans and fees\n", "## 1. Plans and fees\n\nThe table below shows what each plan includes.\n")
    assert not material(TERMS, en)


def test_a_banner_before_changes_take_effect_is_an_announcement():
    old = TERMS.replace("Last updated: March 1, 2026\n",
                        "Last updated: March 1, 2026\n\n**Please take a look before the changes take effect on July 1, 2026.**\n")
    assert not material(old, TERMS)


def test_a_summary_of_what_was_clarified_is_an_announcement():
    old = TERMS.replace("## 1. Plans and fees\n", "The Terms now provide clearer details on refund eligibility.\n"
                        "We have made the Privacy Policy easier to understand by adding examples.\n\n## 1. Plans and fees\n")
    assert not material(old, TERMS)


def test_a_removed_right_to_complain_is_material_in_french_and_english():
    fr = CGU + ("\n## Vos droits\n\nVous avez le droit de déposer une plainte auprès de l’autorité de contrôle "
                "compétente en matière de protection des données.\n")
    result = run(fr, CGU)
    assert result.material and "privacy" in result.categories
    en = TERMS + "\n## 6. Your rights\n\nYou have the right to lodge a complaint with a supervisory authority.\n"
    result = run(en, TERMS)
    assert result.material and "privacy" in result.categories


def test_a_new_location_row_is_privacy_in_german_and_french():
    de = ("# Datenschutz\n\n| Daten | Beschreibung |\n| --- | --- |\n"
          "| Profildaten | Name und Alter, die Sie angeben. |\n")
    new = de + "| Geolokalisierungsdaten | Wenn Sie zustimmen, erfassen wir Ihren genauen Standort. |\n"
    result = run(de, new)
    assert result.material and result.categories == ("privacy",)
    fr = ("# Confidentialité\n\n| Données | Description |\n| --- | --- |\n"
          "| Profil | Le nom et l'âge que vous indiquez. |\n")
    new = fr + "| Géolocalisation | Avec votre accord, nous recueillons votre position précise. |\n"
    result = run(fr, new)
    assert result.material and result.categories == ("privacy",)


def test_formal_to_informal_german_address_is_a_rewording():
    old = ("# Regeln\n\nWenn Sie unerwünschte Nachrichten erhalten, können Sie folgendes tun, "
           "um die Situation schnell zu beenden:\n")
    new = ("# Regeln\n\nWenn du unerwünschte Nachrichten erhältst, kannst du folgendes tun, "
           "um die Situation schnell zu beenden:\n")
    assert not material(old, new)


def test_a_reworded_pointer_is_not_a_term():
    old = ("# Terms\n\nFor information regarding Zorblio’s treatment of personally identifiable information, "
           "please review Zorblio’s current Privacy Policies at [zorblio.example/privacy](https://zorblio.example/privacy).\n"
           "If you believe that material on the Service infringes a copyright, please review the Copyright "
           "Policy at the bottom of these Terms.\n")
    new = ("# Terms\n\nFor information regarding Zorblio’s treatment of personal data, please review our "
           "[Privacy Notice](https://zorblio.example/privacy).\nIf you believe that material on the Service "
           "infringes a copyright, please see our [copyright process](https://zorblio.example/terms#copyright).\n")
    assert not material(old, new)


def test_a_new_contact_route_inside_a_duty_is_not_a_term():
    old = TERMS.replace("## 4. Termination\n", "## 4. Security\n\nYou will promptly [notify Zorblio](https://zorblio.example/contact) "
                        "if your password is stolen.\n\n## 5. Termination\n")
    new = old.replace("[notify Zorblio](https://zorblio.example/contact)",
                      "notify Zorblio by contacting us through the [Zorblio Help portal](https://help.zorblio.example/)")
    assert not material(old, new)


def test_the_tail_of_a_news_card_is_not_a_term():
    old = TERMS + ("\n[![](/img/summer.jpg)\n#### Summer meetup\n2026-06-01\n"
                   "Panels and talks we will take part in this summer.](https://zorblio.example/news/summer)\n")
    assert not material(old, TERMS)


def test_a_conditional_pointer_to_a_regional_notice_is_not_a_term():
    old = ("# Privacy\n\n### Your California Privacy Rights\n\nIf you are a California resident, you can learn more "
           "about your privacy rights by reviewing the [California Notice](https://zorblio.example/ca).\n")
    new = ("# Privacy\n\n### Privacy Notice for United States Residents\n\nYou can learn more about the privacy rights "
           "that may be available to you by reviewing the [US Notice](https://zorblio.example/us).\n")
    assert not material(old, new)


def test_an_illustration_after_for_example_is_not_the_scope():
    old = ("# Privacy\n\nWe use your data to:\n\n* improve search, for example, our Ask tool (currently available to "
           "Pro clients);\n* send you receipts.\n")
    assert not material(old, old.replace(" (currently available to Pro clients)", ""))
    # a new purpose in the list itself still counts
    assert material(old, old.replace("* send you receipts.", "* send you receipts;\n* train our models."))


def test_obtaining_email_addresses_is_privacy():
    old = "# Privacy\n\nWe keep your data safe.\n"
    new = old + "\nZorblio may obtain email addresses listed on your school's website and write to those people.\n"
    result = run(old, new)
    assert result.material and "privacy" in result.categories


# --- a capture cut off mid-document (benchmarks/data/material_labels_f.jsonl) --------------------
_LONG = "".join(
    f"## {n}. Section {n}\n\nZorblio may process the data listed in section {n} for the purposes in "
    f"section {n + 1}, and keeps it for {n + 2} months unless you ask us to delete it earlier.\n\n"
    for n in range(1, 21))


def test_a_capture_cut_off_mid_document_and_its_recovery_are_not_material():
    cut = _LONG[: int(len(_LONG) * 0.4)]
    cut = cut[: cut.rfind(" ") + 4]  # stops inside a word, as a page that stopped loading does
    gone, back = run(_LONG, cut), run(cut, _LONG)
    assert not gone.material and not back.material
    assert "cut off" in gone.summary and gone.summary.startswith("The new text")
    assert back.summary.startswith("The old text")


def test_the_clauses_of_a_capture_cut_off_say_where_their_text_is_without_reading_it():
    # a pair with one side no capture of the terms is told before labelling: its clauses are not
    # read as terms (no category, never material), each says where its text is and quotes it
    cut = _LONG[: int(len(_LONG) * 0.4)]
    cut = cut[: cut.rfind(" ") + 4]
    gone, back = run(_LONG, cut), run(cut, _LONG)
    removed = [c for c in gone.changes if c.kind == "removed" and c.before and c.before.startswith("Zorblio")]
    assert removed and all(c.explanation.startswith("Missing from a capture cut off mid-document, not removed "
                                                    "from the terms: Zorblio may process") for c in removed)
    added = [c for c in back.changes if c.kind == "added" and c.after and c.after.startswith("Zorblio")]
    assert added and all(c.explanation.startswith("Back after a capture cut off mid-document, not new terms: ")
                         for c in added)
    headings = [c for c in gone.changes if c.before and c.before.startswith("## ")]
    assert headings and all(c.explanation.startswith("Removed heading: ") for c in headings)
    for c in gone.changes + back.changes:
        assert not c.material and not c.categories and c.severity in ("cosmetic", "minor"), c


def test_removing_the_last_sections_cleanly_is_still_a_change():
    # the same share removed, but the text ends on a whole sentence: the sections were deleted
    end = _LONG.index("## 9.")
    assert run(_LONG, _LONG[:end]).material


def test_a_cut_off_text_that_does_not_match_the_other_version_is_read_as_usual():
    cut = _LONG[: int(len(_LONG) * 0.4)]
    cut = cut[: cut.rfind(" ") + 4]
    other = cut.replace("Zorblio may process", "Zorblio sells")  # the new text is not the old one cut
    assert run(_LONG, other).material


def test_a_small_cut_inside_a_sentence_is_a_capture_cut_off():
    # 90% kept: the capture stops mid-sentence where the other version's line goes on
    end = _LONG.index("## 19.")
    cut = _LONG[:end] + "## 19. Section 19\n\nZorblio may process the data listed in section 19 for"
    assert len(cut) > 0.85 * len(_LONG)
    gone = run(_LONG, cut)
    assert not gone.material and "cut off" in gone.summary


def test_a_small_cut_at_a_line_end_is_still_a_change():
    # the same share gone, but the text ends where a line of the other ends (a heading): deleted
    end = _LONG.index("## 19.")
    assert run(_LONG, _LONG[:end] + "## 19. Section 19\n").material


# --- scope widened by one list item inside a sentence (benchmarks/data/material_labels_i.jsonl) ---
_SCOPE = """\
# Zorblio Terms of Service

## 4. Withdrawal rights

The terms in this section apply only if you are a consumer based in the EEA.

## 5. Advertisers

If you show Zorblio ads on a site or section of a site directed at children, you must tell us first.
"""


def test_a_region_added_to_a_sentence_is_not_only_a_name():
    new = _SCOPE.replace("based in the EEA.", "based in the EEA or the UK.")
    label = label_change("modified", "The terms in this section apply only if you are a consumer based in the EEA.",
                         "The terms in this section apply only if you are a consumer based in the EEA or the UK.")
    assert "Only names changed" not in label.explanation
    assert "names" not in run(_SCOPE, new).summary


def test_a_surface_added_to_a_duty_is_material():
    new = _SCOPE.replace("on a site or section", "on an app, a site or section")
    result = run(_SCOPE, new)
    assert result.material, result.summary


def test_a_product_named_alongside_is_still_only_a_name():
    old = "# Zorblio Terms\n\nThese terms cover Zorblio Mail and Zorblio Drive, and you must follow them.\n"
    new = old.replace("Zorblio Mail and", "Zorblio Mail, Zorblio Notes and")
    assert not material(old, new)


def test_a_purpose_item_after_an_item_of_two_sentences_keeps_its_lead_in():
    old = """\
# Zorblio Privacy Policy

## 3. How we use your data

We use the data we log for the following purposes:

*   To run the service.
*   To count visits. This data is kept for 30 days.
*   To prevent fraud.
"""
    new = old + "*   To show you personalised adverts based on data from third parties.\n"
    result = run(old, new)
    assert result.material and "privacy" in result.categories, result.summary


_COOKIES = """\
# Zorblio Cookie Policy

## Cookies we use

| Type | Name | Purpose | Duration | Category |
| --- | --- | --- | --- | --- |
| Cookie | zb_session | Keeps you signed in | session | Essential |
| Cookie | zb_ads | Shows you ads from our partners | 1 year | Advertising |
"""


def test_an_essential_storage_row_added_is_not_material():
    new = _COOKIES + "| Local storage | zb_banner_closed | Remembers that you closed a banner | persistent | Functional |\n"
    result = run(_COOKIES, new)
    assert not result.material, result.summary


def test_an_advertising_row_added_is_still_material():
    new = _COOKIES + "| Cookie | zb_retarget | Shows you our ads on other sites | 1 year | Advertising |\n"
    assert run(_COOKIES, new).material


@pytest.mark.parametrize("pointer", [
    "TIP: You will find more information here about how we moderate content.",
    "You can see which cookies we use, for what purposes and for how long, on our cookie page.",
    "**Note:** you'll find the details of each partner on our partners page.",
    "Please also see our [Consumer Health Data Notice](https://zorblio.example/health) for the rights you have "
    "under Washington law.",
])
def test_a_pointer_with_a_label_or_in_the_future_tense_is_not_a_term(pointer):
    old = "# Zorblio Rules\n\nZorblio may remove posts that break these rules.\n"
    assert not material(old, old + "\n" + pointer + "\n")


def test_a_value_replaced_by_words_says_both():
    old = "# Zorblio Terms\n\n## 9. Changes\n\nWe may change these terms with 30 days notice by email.\n"
    new = old.replace("with 30 days notice by email", "at any time without notice")
    result = run(old, new)
    assert result.material
    assert "at any time without notice" in result.summary and "30 days" in result.summary
    assert "No longer says" not in result.summary


# --- contact blocks of representatives and data protection officers (contact details, batch k) ----
PRIVACY = ("# Quillby Privacy Policy\n\nLast updated: 3 May 2026\n\n## Your rights\n\nYou may ask us for a copy of "
           "your personal data, or ask us to correct or delete it.\n\n## Contact\n\nQuestions? Write to "
           "privacy@quillby.example.\n")


@pytest.mark.parametrize("block", [
    "Individuals and supervisory authorities in the EU and the UK may contact our data protection representatives "
    "under Article 27 GDPR:\n\nEU: Repwell GmbH, Attn: Quillby, Hafenstrasse 12, 20095 Hamburg, Germany\n\n"
    "UK: Repwell UK Ltd., Attn: Quillby, 4 Fleet Lane, London, EC4M 7RD\n",
    "Les personnes concernées peuvent contacter notre délégué à la protection des données à dpo@quillby.example.\n",
    "Our Data Protection Officer can be contacted at dpo@quillby.example.\n",
    "We have appointed Repwell GmbH, Hafenstrasse 12, 20095 Hamburg, as our representative in the EU.\n",
    "Our representative in the United Kingdom is Repwell UK Ltd, 4 Fleet Lane, London, EC4M 7RD.\n",
    "Unser Datenschutzbeauftragter ist unter dsb@quillby.example erreichbar.\n",
])
def test_a_representatives_contact_block_added_is_not_material(block):
    new = PRIVACY.replace("## Contact\n\n", "## Contact\n\n" + block + "\n")
    result = run(PRIVACY, new)
    assert not result.material, result.summary


def test_a_contact_sentence_that_sets_a_term_stays_material():
    new = PRIVACY.replace("## Contact\n\n", "## Contact\n\nCustomers in the EEA may contact our representative "
                          "to cancel a subscription, and the refund is paid within 14 days.\n\n")
    assert run(PRIVACY, new).material


@pytest.mark.parametrize("sentence,route", [
    ("Residents of the EU may contact our representative, Repwell GmbH, at eu@repwell.example.", True),
    ("Sellers may contact buyers only through the dispute form.", False),
    ("We may contact you about your account.", False),
    ("Buyers may contact the seller within 30 days to open a dispute.", False),
    ("The representative is liable for any damage caused by the seller.", False),
    ("Your account can be closed at any time.", False),
])
def test_who_may_reach_us_is_a_contact_route(sentence, route):
    from tracker.analysis.boilerplate import is_contact_route
    assert is_contact_route(sentence) is route


# --- a company's register entry: who the company is, like its share capital (batch k) ------------
@pytest.mark.parametrize("entry", [
    "Our IADB registration number is 2008121801576.",
    "Zorblio Ltd is registered in England and Wales under number 01234567.",
    "Zorblio SAS, RCS Paris B 123 456 789.",
    "Amtsgericht Leipzig, HRB 40411.",
])
def test_a_register_entry_added_or_removed_is_not_a_term(entry):
    old = "# Zorblio Terms\n\nYou must be 16 or older to use Zorblio.\n\nQuestions: hello@zorblio.example\n"
    new = old.replace("\n\nQuestions", f"\n\n{entry}\n\nQuestions")
    assert not material(old, new)
    assert not material(new, old)


@pytest.mark.parametrize("sentence", [
    "We keep your tax number for 10 years after your last order.",
    "Sellers must show their VAT number on every invoice.",
])
def test_a_rule_about_registration_numbers_stays_a_term(sentence):
    old = "# Zorblio Terms\n\nYou must be 16 or older to use Zorblio.\n"
    assert material(old, old + "\n" + sentence + "\n")


# --- a name in a list is no topic word: "Pay" in "Quillby Pay" (batch a-k) ----------------------
_COVERED = ("# Quillby Services Agreement\n\n## Covered services\n\nThe following products and services are covered "
            "by this agreement, where available.\n\n* Quillby Notes\n* Quillby Drive\n{extra}\n## Payment\n\nYou pay the fees of paid "
            "plans in advance.\n")


def test_a_product_named_with_a_topic_word_added_to_a_list_of_products_is_not_a_term():
    result = run(_COVERED.format(extra=""), _COVERED.format(extra="* Quillby Pay\n"))
    assert not result.material, result.summary


def test_a_named_recipient_added_to_a_list_of_data_recipients_stays_material():
    old = ("# Quillby Privacy\n\n## Recipients\n\nWe share your personal data with these service providers:\n\n"
           "* Nimbus Hosting\n")
    result = run(old, old + "* Stripe Payments\n")
    assert result.material and "privacy" in result.categories


# --- what a company says it values: no right, duty or data use (batch k) -------------------------
@pytest.mark.parametrize("statement", [
    "Your privacy is important to us.",
    "We take your privacy very seriously.",
    "Quillby is committed to best email marketing practices, and has been recognised by the Inbox Trust "
    "programme as meeting its requirements.",
    "Der Schutz Ihrer Daten ist uns sehr wichtig.",
    "La protection de vos données personnelles est pour nous une priorité.",
])
def test_a_statement_of_values_added_or_removed_is_not_a_term(statement):
    old = PRIVACY
    new = PRIVACY.replace("## Your rights\n\n", f"## Your rights\n\n{statement}\n\n")
    assert not material(old, new)
    assert not material(new, old)


def test_a_statement_of_values_that_promises_something_stays_a_term():
    new = PRIVACY.replace("## Your rights\n\n", "## Your rights\n\nWe are committed to protecting your privacy and "
                          "will never sell your personal data.\n\n")
    assert material(PRIVACY, new)


# --- a sentence of examples made an item of a list: its opening words go to the lead-in ----------
_SAFETY = ("# Quillby Acceptable Use\n\n## Safety\n\nDo not use Quillby in any way that endangers minors. "
           "This includes {a}. This also includes {b}.\n\n## Spam\n\nDo not send bulk messages.\n")
_SAFETY_LIST = ("# Quillby Acceptable Use\n\n## Safety\n\nDo not use Quillby in any way that endangers minors, "
                "including:\n\n* {A}\n* {B}\n\n## Spam\n\nDo not send bulk messages.\n")


def test_sentences_of_examples_turned_into_a_list_are_not_a_change():
    a, b = "grooming or enticing minors", "sharing images of minors in a sexual manner"
    old = _SAFETY.format(a=a, b=b)
    new = _SAFETY_LIST.format(A=a[0].upper() + a[1:], B=b[0].upper() + b[1:])
    result = run(old, new)
    assert not result.material, result.summary


def test_a_list_item_with_other_words_than_the_sentence_stays_material():
    old = _SAFETY.format(a="grooming or enticing minors", b="sharing images of minors in a sexual manner")
    new = _SAFETY_LIST.format(A="Grooming or enticing minors", B="Selling alcohol or weapons to minors")
    assert run(old, new).material


# --- advice to come back and read the text again: about the terms, not a term --------------------
@pytest.mark.parametrize("advice", [
    "Make sure that you check back from time to time, as these rules may change.",
    "Please review this page periodically for updates.",
    "Consultez régulièrement cette page.",
    "Bitte lesen Sie diese Seite regelmäßig.",
])
def test_advice_to_check_back_is_not_a_term(advice):
    old = "# Zorblio Rules\n\nZorblio may remove posts that break these rules.\n"
    assert not material(old, old + "\n" + advice + "\n")
    assert not material(old + "\n" + advice + "\n", old)


def test_a_power_to_change_the_terms_beside_the_advice_stays_a_term():
    old = "# Zorblio Rules\n\nZorblio may remove posts that break these rules.\n"
    new = old + "\nWe may change these rules at any time, so check back regularly.\n"
    assert material(old, new)

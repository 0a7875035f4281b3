"""What a reader is told of a material change whose quote hid what changed (issue #11's plain-language
explanation). Each test is one KIND of fault seen reading real material pairs through
``benchmarks/explain_audit.py`` (session 23), checked on invented text about fictional services through
``tracker.compare`` (what ``compare``, the feeds and the headline show) or the rule's own function;
material flags never move."""

from __future__ import annotations

import pytest

from tracker import compare
from tracker.analysis.wording import (condition_skipped, grown_said, promise_disclaimed, still_said,
                                      stub_pair_said)


def _material(a):
    return [c for c in a.changes if c.material]


# -- what a watch-out grew by: the items it now covers, or the words it now says instead of others -------------
# "Now also says: “…fraud prevention, customer service, data analytics and marketing…”" did not say which
# words were new; "Now also says: “Viber may terminate your Viber Out plan…”" hid that "Subscription" went.
@pytest.mark.parametrize("old,new,said", [
    ("We share personal information with vendors that assist us with payment processing, fraud prevention, "
     "customer service, and marketing.",
     "We share personal information with vendors that assist us with payment processing, fraud prevention, "
     "customer service, data analytics and marketing.", "Now also covers: data analytics (privacy)"),
    ("By submitting, uploading, publishing, storing or otherwise transmitting Content to Zorblo you grant us a licence.",
     "By submitting, uploading, publishing, linking, referencing, associating, storing or otherwise transmitting "
     "Content to Zorblo you grant us a licence.", "Now also covers: linking, referencing and associating (privacy)"),
    ("We share data with our partners (who act as our service providers in such instance) to help us.",
     "We share data with our partners (who act as our service providers or processors in such instance) to help us.",
     "Now also covers: processors (privacy)"),
    ("Nous partageons vos données avec des prestataires pour le paiement, la prévention de la fraude et le marketing.",
     "Nous partageons vos données avec des prestataires pour le paiement, la prévention de la fraude, "
     "données de localisation et le marketing.", "Now also covers: données de localisation (privacy)"),
])
def test_items_a_watch_out_grew_by_are_what_it_now_also_covers(old, new, said):
    assert grown_said("Now also says: “…some words…” (privacy)", old, new) == said


def test_words_put_in_place_of_others_are_the_passage_now_and_before():
    old = "Quibly may terminate your Subscription or offer you another calling plan if you abuse our systems."
    new = "Quibly may terminate your Quibly Out plan or offer you another calling plan if you abuse our systems."
    said = grown_said("Now also says: “Quibly may terminate your Quibly Out plan or offer…” (termination)", old, new)
    assert said.startswith("Now reads “…may terminate your Quibly Out plan"), said
    assert "(was “…may terminate your Subscription" in said, said


def test_a_word_that_is_no_item_is_named_in_place():
    said = grown_said("Now also says: “Zorblo credits can expire…” (refunds)",
                      "Zorblo credits expire after a certain period, as set out when you buy them.",
                      "Zorblo credits can expire after a certain period, as set out when you buy them.")
    assert said.startswith("Adds “can” to: “Zorblo credits can expire"), said


@pytest.mark.parametrize("old,new", [
    # a phrase with an object of its own is a statement, said as such
    ("Quibly may amend these terms by posting the amended terms.",
     "Quibly may amend these terms by posting the amended terms and updating the date above."),
    # a sentence added
    ("Quibly may suspend your account.", "Quibly may suspend your account. We will tell you why when we can do so lawfully."),
])
def test_a_clause_that_grew_by_a_statement_keeps_its_quote(old, new):
    explanation = "Now also says: “…updating the date above” (terms-changes)"
    assert grown_said(explanation, old, new) == explanation


def test_a_watch_out_that_grew_by_an_item_says_it_through_compare():
    old = ("## Sharing of information\n\nWe may share personal information with vendors that assist us with payment "
           "processing, fraud prevention, customer service, and marketing for Zorblo.\n")
    new = old.replace("customer service, and", "customer service, data analytics and")
    a = compare(old, new)
    (c,) = _material(a)
    assert "Now also covers: data analytics" in c.explanation, c.explanation
    assert "Now also covers: data analytics" in a.summary, a.summary


# -- a side of a rewritten pair quoted by its opening words ------------------------------------------------------
def test_a_rewritten_clause_is_quoted_by_what_it_now_says_not_its_opening_words():
    old = ("## Storage location\n\nTo provide our Services in a reliable and responsible manner, Zorblio processes and "
           "stores key Personal Data on secure servers located in Norway where Zorblio is located.\n\nIn such a case, "
           "we will take measures so that Personal Data is lawfully transferred to our server in Norway pursuant to "
           "Applicable Laws.\n")
    new = ("## Storage location\n\nIn providing our Services, we may store your Personal Data outside the country or "
           "region where you reside.\n\nWhen that happens, we will take measures to ensure your Personal Data is "
           "transferred according to the applicable laws.\n")
    a = compare(old, new)
    said = [c.explanation for c in _material(a)]
    assert len(said) == 2 and all(c.material for c in a.changes), said
    assert "outside the country" in said[0] and "Norway" in said[0], said
    assert "to ensure your Personal Data" in said[1], said
    assert "outside the country" in a.summary, a.summary


def test_a_quote_that_shows_what_changed_is_kept():
    explanation = "Now says “…in Oslo” instead of “…in Bergen” (jurisdiction)"
    assert stub_pair_said(explanation, "Disputes are heard by the courts in Bergen.",
                          "Disputes are heard by the courts in Oslo.") == explanation


def test_a_one_sided_quote_of_a_clause_that_also_lost_words_says_them():
    old = ("## Eligibility\n\nThe Minimum Age is (i) thirteen (13), or (ii) for users in the European Union, sixteen "
           "(16) (or the lower age that your country has provided for you to consent to the processing of your data).\n")
    new = ("## Eligibility\n\nThe Minimum Age is (i) thirteen (13), or (ii) for users in the European Union or the "
           "United Kingdom, sixteen (16).\n")
    (c,) = _material(compare(old, new))
    assert c.explanation.startswith("Now reads “…the European Union or the United Kingdom"), c.explanation
    assert "(was “…the European Union, sixteen (16) (or the lower age" in c.explanation, c.explanation


# -- a negation dropped is no sentence removed ------------------------------------------------------------------
def test_a_sentence_still_there_without_its_not_is_said_now_and_before():
    old = "## Emails from Zorblo\n\nZorblo membership does not require an email address. We send a digest each week.\n"
    new = "## Emails from Zorblo\n\nZorblo membership requires an email address. We send a digest each week.\n"
    (c,) = _material(compare(old, new))
    assert not c.explanation.startswith("No longer says"), c.explanation
    assert "“Zorblo membership requires an email address.”" in c.explanation, c.explanation
    assert "(was “Zorblo membership does not require an email address.”)" in c.explanation, c.explanation


def test_a_sentence_gone_is_still_no_longer_said():
    explanation = "No longer says “Zorblo keeps backups for 30 days” (privacy)"
    assert still_said(explanation, "Zorblo keeps backups for 30 days. You may export your files.",
                      "You may export your files.") == explanation


# -- a quote of a condition alone ---------------------------------------------------------------------------------
@pytest.mark.parametrize("explanation,text,main", [
    ("Removed right for users: Except as otherwise provided in the Agreement and subject… (usage-rules)",
     "Except as otherwise provided in the Agreement and subject to any existing license reassignment caps, Customer "
     "may reassign a Zorblo license from one Customer User to another Customer User.", "Customer may reassign"),
    ("Removed: « Sauf disposition contraire du Contrat et sous réserve des plafonds… » (content-rights)",
     "Sauf disposition contraire du Contrat et sous réserve des plafonds de réaffectation existants, le Client peut "
     "réaffecter une licence Zorblo d'un Utilisateur à un autre Utilisateur.", "le Client peut réaffecter"),
    ("New: Sofern Sie der Weitergabe nicht ausdrücklich… (privacy)",
     "Sofern Sie der Weitergabe nicht ausdrücklich widersprechen, können wir Ihre Daten an Partner von Zorblo "
     "weitergeben.", "können wir Ihre Daten"),
])
def test_a_quote_cut_inside_its_condition_is_given_its_main_clause(explanation, text, main):
    said = condition_skipped(explanation, text)
    assert main in said, said
    assert said.split(":", 1)[0] == explanation.split(":", 1)[0]  # its label kept
    assert said.endswith(explanation[explanation.rindex(" ("):]), said  # and its categories


def test_a_condition_quote_that_reaches_its_main_clause_is_kept():
    explanation = "New: If you cancel, we refund the unused part of your Zorblo plan (refunds)"
    assert condition_skipped(explanation, "If you cancel, we refund the unused part of your Zorblo plan.") == explanation


def test_a_removed_right_is_said_by_its_main_clause_through_compare():
    old = ("## Licences\n\nSauf disposition contraire du Contrat et sous réserve des plafonds de réaffectation "
           "existants, le Client peut réaffecter une licence Zorblo d'un Utilisateur à un autre Utilisateur.\n\n"
           "Les frais sont dus chaque mois.\n")
    new = "## Licences\n\nLes frais sont dus chaque mois.\n"
    (c,) = _material(compare(old, new))
    assert "le Client peut réaffecter" in c.explanation, c.explanation


# -- a guarantee never given is no promise withdrawn --------------------------------------------------------------
def test_a_disclaimer_removed_is_no_promise_withdrawn():
    old = ("## Updates\n\nWe do not guarantee that we will make any updates available for any of our Zorblo software, "
           "or that such updates will continue to support your device.\n\nYou must keep your password safe.\n")
    new = "## Updates\n\nYou must keep your password safe.\n"
    a = compare(old, new)
    (c,) = _material(a)
    assert not c.explanation.startswith("No longer promises"), c.explanation
    assert c.explanation.startswith("No longer says: We do not guarantee"), c.explanation
    assert c.severity != "critical"
    assert not a.summary.startswith("No longer promises"), a.summary


@pytest.mark.parametrize("explanation,before,disclaimed", [
    ("No longer promises to fournir des mises à jour (other)",
     "Nous ne garantissons pas que nous allons fournir des mises à jour pour Zorblo.", True),
    ("No longer promises to Updates bereitstellen (other)",
     "Wir übernehmen keine Gewähr, dass wir Updates bereitstellen werden.", True),
    ("No longer promises to refund unused credits within 30 days (refunds)",
     "We will refund unused credits within 30 days of a request.", False),
    ("No longer promises to refund unused credits within 30 days (refunds)",
     "We guarantee that we will refund unused credits within 30 days of a request.", False),
])
def test_what_a_promise_disclaimed_is(explanation, before, disclaimed):
    assert promise_disclaimed(explanation, before) is disclaimed


def test_a_quote_that_shows_the_old_number_is_kept():
    # "product" → "product(s)" is the same word: the passage from there would cut "four subsequent payments"
    before = ("You will be charged the full price of the Zorblo product you selected in one initial payment and four "
              "subsequent monthly payments (provided that if the full price is not evenly divisible by five, your "
              "final payment amount may be smaller).")
    after = ("You will be charged the full price of the Zorblo product(s) you selected in one initial (down) payment "
             "and the corresponding number of subsequent monthly payments so that the total number of payments equals "
             "the number of payments in your offer (provided that your final payment amount may be smaller).")
    explanation = ("Now says “…in one initial (down) payment and the corresponding number…” instead of “…initial "
                   "payment and four subsequent monthly payments (provided…” (pricing)")
    assert stub_pair_said(explanation, before, after) == explanation


# -- a right after its condition ------------------------------------------------------------------------------------
def test_a_right_after_a_condition_with_not_is_a_right():
    from tracker.analysis.rights import gives_user_a_right

    assert gives_user_a_right("If you are not happy with our handling of a complaint, you may contact the Ruritanian "
                              "data protection authority.")
    assert not gives_user_a_right("If you are not satisfied, you must contact Zorblo first.")
    assert not gives_user_a_right("You are not allowed to resell Zorblo plans.")


def test_a_removed_right_after_its_condition_is_said_as_a_right():
    old = ("## Complaints\n\nIf you are not happy with our handling of a complaint, you may contact the data protection "
           "authority of Ruritania, in charge of regulating compliance with personal data obligations.\n\n"
           "We reply within 30 days.\n")
    new = "## Complaints\n\nWe reply within 30 days.\n"
    a = compare(old, new)
    (c,) = _material(a)
    assert c.explanation.startswith("Removed right for users: "), c.explanation
    assert "good news" not in c.explanation


# -- a reason put in is no item it covers -----------------------------------------------------------------------------
def test_a_reason_put_in_is_what_the_clause_now_also_says():
    old = ("## Credit\n\nZorblo does not guarantee that you will be able to use your Zorblo Credit balance to purchase "
           "all paid products.\n")
    new = old.replace("paid products.", "paid products, as paid products may change from time to time.")
    a = compare(old, new)
    (c,) = _material(a)
    assert not c.explanation.startswith("Now also covers"), c.explanation
    assert c.explanation.startswith("Now also says: “as paid products may change from time to time”"), c.explanation


def test_such_as_still_names_an_item():
    from tracker.analysis.wording import covers_said

    explanation = "Now also covers: Zorblo Pay (payment)"
    assert covers_said(explanation, "We accept cards, such as Visa.", "We accept cards, such as Zorblo Pay.") == explanation

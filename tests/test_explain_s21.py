"""What a reader is told of a clause added or removed whole, and which change the headline names
(issue #11). Each test is one KIND of fault seen reading real version pairs through ``tracker
compare --json`` and ``benchmarks/replay_versions.py --log``, checked on invented text about
fictional services through ``tracker.compare`` (what ``compare``, the feeds and the headline show)."""

from __future__ import annotations

import pytest

from tracker import compare
from tracker.analysis.materiality import condition_kept, linking_dropped


def _material(a):
    return [c for c in a.changes if c.material]


# -- a new clause that opens on its condition is quoted with what follows from it ---------------------
# "New: If at any time we are unable to charge the relevant fees from the payment method…" told the
# reader the condition and cut before the consequence (33 of the real material changes read).
@pytest.mark.parametrize("sentence,kept", [
    ("If at any time we are unable to charge the relevant fees from the payment method you have provided to "
     "Quillfeather, we may suspend or terminate your account without notice.", "we may suspend or terminate your account"),
    ("If you purchase products or services from the provider of a partner service through Lumenbay, we will "
     "share your name and postal address with that provider.", "we will share your name"),
    ("Si vous ne réglez pas les sommes dues à Plumetto dans le délai prévu par les présentes conditions "
     "générales, nous pouvons suspendre votre compte sans préavis.", "nous pouvons suspendre votre compte"),
    ("Wenn Sie die fälligen Beträge nicht innerhalb der in diesen Bedingungen vorgesehenen Frist an Federkiel "
     "zahlen, können wir Ihr Konto ohne Vorankündigung sperren.", "können wir Ihr Konto"),
    # a condition that lists things is not cut at its list's commas
    ("If you buy apps, songs, films or books from the Zarvo store during a promotional period, the partner that "
     "sells them to you may receive your email address.", "the partner that sells them to you may receive"),
])
def test_a_condition_is_quoted_with_its_main_clause(sentence, kept):
    quote = condition_kept(sentence)
    assert quote is not None and kept in quote, quote
    assert quote.startswith(sentence.split()[0]), quote
    assert len(quote) <= 120, quote


@pytest.mark.parametrize("sentence", [
    "If you cancel, we refund you.",  # fits whole
    "We may suspend your account if at any time we are unable to charge the relevant fees from your card today.",
    # the main clause already shows in a cut at the end
    "If you cancel, we will refund the unused part of your plan within fourteen days of your request to Zorblat.",
])
def test_no_condition_to_move(sentence):
    assert condition_kept(sentence) is None


def test_a_new_conditional_clause_says_its_consequence_in_the_explanation_and_headline():
    old = "## Payment\n\nFees for Quillfeather Pro are billed monthly in advance.\n"
    new = old + ("\nIf at any time we are unable to charge the relevant fees from the payment method you have "
                 "provided to Quillfeather, we may suspend or terminate your account without notice.\n")
    a = compare(old, new)
    said = " ".join(c.explanation for c in _material(a))
    assert "suspend or terminate your account" in said, said
    assert "suspend or terminate" in a.summary, a.summary


def test_a_new_french_conditional_clause_says_its_consequence():
    old = "## Paiement\n\nLes frais de l’abonnement Plumetto sont prélevés chaque mois.\n"
    new = old + ("\nSi vous ne réglez pas les sommes dues à Plumetto dans le délai prévu par les présentes "
                 "conditions générales, nous pouvons suspendre votre compte sans préavis.\n")
    said = " ".join(c.explanation for c in _material(compare(old, new)))
    assert "suspendre votre compte" in said, said


# -- a connective that only links to the sentence before does not spend the quote -------------------
@pytest.mark.parametrize("text,out", [
    ("Additionally, all payment obligations that accrued before termination survive.",
     "All payment obligations that accrued before termination survive."),
    ("Please note that our plans without ads may still contain promotions.",
     "Our plans without ads may still contain promotions."),
    ("En outre, nous pouvons résilier votre abonnement.", "Nous pouvons résilier votre abonnement."),
    # a phrase that says what the sentence adds to stays; so does German, whose verb follows
    ("In addition to the foregoing, we can disable features.", "In addition to the foregoing, we can disable features."),
    ("Außerdem können wir Ihr Konto sperren.", "Außerdem können wir Ihr Konto sperren."),
])
def test_a_linking_word_is_dropped(text, out):
    assert linking_dropped(text) == out


def test_a_cut_new_clause_starts_at_its_term_not_its_connective():
    old = "## Fees\n\nGlimmerly charges the fees shown on the order form.\n"
    new = old + ("\nFurthermore, all payment obligations that have accrued prior to termination or expiration of "
                 "this agreement with Glimmerly shall survive its end and remain payable in full.\n")
    said = " ".join(c.explanation for c in _material(compare(old, new)))
    assert "All payment obligations" in said and "Furthermore" not in said, said


@pytest.mark.parametrize("sentence,kept,lost", [
    # "you agree to tell us" is the term: its lead-in stays
    ("If we don’t meet the quality level described in this warranty for the Nimbly app, you agree to tell us and "
     "we’ll work with you to try to resolve the issue.", "you agree to tell us", None),
    # "you agree that": what follows says the term with its own subject
    ("If you upload any photo to the Nimbly gallery during the contest period, you acknowledge and agree that we may "
     "show it in our advertising.", "we may show it", "agree"),
    # an English modal after a comma is no German main clause ("…, you, as an end user, must accept …")
    ("By using Nimbly Maps or any products or services that integrate Nimbly Maps services, you, as an end user, "
     "must accept the Nimbly terms and these additional terms.", None, None),
])
def test_a_condition_keeps_the_subject_and_duty_of_its_main_clause(sentence, kept, lost):
    quote = condition_kept(sentence)
    if kept is None:
        assert quote is None or "must accept" not in quote.split("…,")[-1][:12], quote
        return
    assert quote is not None and kept in quote, quote
    assert lost is None or lost not in quote, quote


# -- an exception or example put in is said in place, never as more the clause covers ----------------
# "Now also covers: except where indicated", "No longer covers: like the CCPA and VCDPA": a qualifier
# read alone says the clause covers more (or less) when it only narrows or illustrates it.
@pytest.mark.parametrize("old,new,said,wrong", [
    ("## Conduct\n\nYou must not pretend to be another person on Zorblat.\n",
     "## Conduct\n\nYou must not pretend to be another person on Zorblat, even if that person isn’t a member.\n",
     "Adds “even if that person isn’t a member” to: “You must not pretend", "covers"),
    ("## Your rights\n\nSome state privacy laws like the CCPA and VCDPA give Plumbo users the right to access their "
     "data.\n", "## Your rights\n\nSome state privacy laws give Plumbo users the right to access their data.\n",
     "Drops “like the CCPA and VCDPA” from: “…state privacy laws like", "covers"),
    ("## Paiement\n\nLes frais versés à Plumetto ne sont pas remboursables.\n",
     "## Paiement\n\nLes frais versés à Plumetto ne sont pas remboursables, sauf accord contraire écrit.\n",
     "Adds “sauf accord contraire écrit” to: “…ne sont pas remboursables", "covers"),
    ("## Zahlung\n\nAlle an Federkiel gezahlten Gebühren werden nicht erstattet.\n",
     "## Zahlung\n\nAlle an Federkiel gezahlten Gebühren werden außer bei Vertragsverletzung durch uns nicht erstattet.\n",
     "Adds “außer bei Vertragsverletzung durch uns” to:", "covers"),
])
def test_a_qualifier_is_said_in_place(old, new, said, wrong):
    a = compare(old, new)
    text = " ".join(c.explanation for c in _material(a))
    assert said in text and wrong not in text, text


def test_a_list_item_added_still_covers():
    old = "## Data\n\nQuillfeather collects your name and postal address.\n"
    new = "## Data\n\nQuillfeather collects your name, postal address and precise device location history.\n"
    text = " ".join(c.explanation for c in _material(compare(old, new)))
    assert "Adds “" not in text or "location" in text, text


def test_a_headline_cut_after_a_cut_condition_has_one_ellipsis():
    from tracker.analysis.headline import _fit

    said = ("New acceptance by use: By becoming a Member or by downloading or using Glimmerly…, you understand and "
            "agree to take part in the Pets Game included with the service")
    for room in range(60, 100, 4):
        assert "……" not in _fit(said, room), _fit(said, room)


# -- more main clauses after a condition: an order to the reader, "that provision shall", a late verb ----
@pytest.mark.parametrize("sentence,kept", [
    ("If you wish to close your Quillfeather account or ask that we stop using your information, contact us by "
     "writing to privacy@quillfeather.example and we will answer within a month.", "contact us by writing"),
    ("If a provision of these Zorblat Terms of Service is held invalid or unenforceable for any reason, that "
     "provision shall be construed to reflect the intention of the parties.", "that provision shall be construed"),
    ("In the event of termination by the Member before the end of the Glimmerly subscription period, the sums paid "
     "for this period will be forfeited and will not be returned.", "the sums paid for this period will be forfeited"),
    ("Si vous souhaitez fermer votre compte Plumetto ou nous demander de ne plus utiliser vos données, veuillez "
     "écrire à notre délégué à la protection des données.", "veuillez écrire"),
])
def test_a_condition_keeps_an_order_or_a_late_verb(sentence, kept):
    quote = condition_kept(sentence)
    assert quote is not None and kept in quote, quote


# -- words put in here and there are named, then read in place ----------------------------------------
# "Now reads: “…account usage in our servers”" did not say which words were new.
@pytest.mark.parametrize("old,new,said", [
    ("## Data\n\nWe store your Nimbly profile information only for the duration of your account usage.\n",
     "## Data\n\nWe store your Nimbly profile information only for the duration of your account usage in our "
     "servers.\n", "Adds “in our servers” to: “…"),
    ("## Licence\n\nMany of our Zorblat services allow you to store or share your content or receive material from "
     "others.\n", "## Licence\n\nMany of our Zorblat services allow you to create, store or share your content or "
     "receive material from others.\n", "Adds “create” to: “…services allow you to create, store or share"),
])
def test_scattered_words_put_in_are_named(old, new, said):
    text = " ".join(c.explanation for c in _material(compare(old, new)))
    assert said in text or "Now also covers" in text or "Now also says" in text, text
    assert "Now reads: “" not in text, text


def test_an_exception_taken_out_whole_stays_named_with_a_spelling_change_beside_it():
    # "programmes" → "programs" beside the drop made it "Now reads “…” (was “…”)" cut before the exception
    from tracker.analysis.wording import readable_drops

    old = ("Your organisation does not discriminate in the administration of programmes and services, including on "
           "the basis of sexual orientation or gender identity, in any Nimbly programme.")
    new = "Your organisation does not discriminate in the administration of programs and services, in any Nimbly programme."
    said = ("Drops “including on the basis of sexual orientation or gender identity” from: “…programmes and services, "
            "including on the basis…” (usage-rules)")
    assert readable_drops(said, old, new) == said
    # a word dropped from a phrase is still read as the passage that changed
    assert readable_drops("Drops “using” from: “…by using a card…” (payment)", "Pay by using a card we hold for you.",
                          "Pay by a card we hold on record for you.").startswith("Now reads")


# -- a service withheld is no promise: its removal is not "No longer promises not to …" ---------------
# "No longer promises not to provide notice before termination where we believe that" headlined a
# version of 309 changes as the worst news a subscriber can get, backwards.
@pytest.mark.parametrize("sentence,promise", [
    ("We will not provide notice before termination where we believe that you broke these terms.", False),
    ("Zorblat does not provide customer support and is only able to answer by email.", False),
    ("Nimbly will not give you a refund for partial months.", False),
    ("We do not sell your personal data.", True),
    ("We will never provide your personal information to advertisers.", True),
    ("We do not give your email address to partners.", True),
])
def test_a_service_withheld_is_no_promise(sentence, promise):
    from tracker.analysis.wording import promise_withdrawn

    assert bool(promise_withdrawn(sentence)) is promise, promise_withdrawn(sentence)


def test_a_removed_service_disclaimer_does_not_headline_as_a_promise_withdrawn():
    old = ("## Support\n\nQuillfeather does not provide customer support and is only able to answer questions by "
           "email.\n\n## Fees\n\nQuillfeather Pro costs 5 euros per month.\n")
    new = "## Support\n\nQuestions are answered by email.\n\n## Fees\n\nQuillfeather Pro costs 5 euros per month.\n"
    a = compare(old, new)
    assert "No longer promises" not in a.summary, a.summary


def test_a_promise_about_it_is_quoted_whole():
    # "You own your content; Zorblat doesn’t own it" removed: "No longer promises not to own it" names nothing
    from tracker.analysis.wording import promise_withdrawn

    assert promise_withdrawn("Zorblat doesn’t own it") == ""
    assert promise_withdrawn("Zorblat doesn’t own your content") == "No longer promises not to own your content"


def test_a_list_marker_put_in_is_not_named_as_words_added():
    old = "## Law\n\nExcept for those in (ii) below, the following governing law applies to Quillfeather users.\n"
    new = "## Law\n\nExcept for those in (ii) and (iii) below, the following governing law applies to Quillfeather users.\n"
    said = " ".join(c.explanation for c in compare(old, new).changes)
    assert "Adds “iii”" not in said, said

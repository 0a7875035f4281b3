"""Explanations of a version read once and whole (session 21b): one change made in two clauses is
said once; "Adds “X” to: …" names the whole stretch of words put in, read in the quoted passage;
a condition written with no comma before its main clause still quotes the main clause. Invented
texts of fictional services."""
from __future__ import annotations

from tracker.analysis.headline import headline
from tracker.analysis.materiality import condition_kept
from tracker.analysis.wording import adds_said, refine
from tracker.api import compare
from tracker.records import ClauseChange


def _change(explanation: str, heading: str, clause: str = "c1") -> ClauseChange:
    return ClauseChange(kind="modified", clause_id=clause, heading=heading, before="Zorblio Inc is the party.",
                        after="Zorblio Ltd is the party.", material=True, severity="material",
                        categories=("other",), explanation=explanation)


# -- one change made in two clauses: said once ------------------------------------------------------

def test_same_change_in_two_clauses_said_once_with_where() -> None:
    said = "The contracting party is now Zorblio Ltd instead of Zorblio Inc (other)"
    out = refine([_change(said, "Parties", "c1"), _change(said, "Billing", "c2")])
    assert out[0].explanation.startswith("The contracting party is now Zorblio Ltd")
    assert out[1].explanation == "The same change again under “Billing” (other)"
    assert all(c.material and c.categories == ("other",) for c in out)  # flags and categories stay


def test_same_change_under_one_heading_said_in_another_clause() -> None:
    said = "Now says “Quillo Pro” instead of “Quillo Plus” (pricing)"
    out = refine([_change(said, "Plans", "c1"), _change(said, "Plans", "c2")])
    assert out[1].explanation.startswith("The same change again in another clause")


def test_headline_counts_a_repeat_once() -> None:
    said = "The contracting party is now Zorblio Ltd instead of Zorblio Inc (other)"
    out = refine([_change(said, "Parties", "c1"), _change(said, "Billing", "c2")])
    assert "more" not in headline(out)


def test_compare_says_a_repeated_party_change_once() -> None:
    before = ("# Parties\n\nThese terms are a contract between you and Zorblio Inc.\n\n"
              "# Billing\n\nPayments are collected by Zorblio Inc.\n")
    after = before.replace("Zorblio Inc", "Zorblio Ltd")
    result = compare(before, after)
    said = [c.explanation for c in result.changes if c.material]
    assert len(said) == len(set(said))
    assert "more" not in result.summary


def test_different_changes_are_not_repeats() -> None:
    out = refine([_change("Now says “30 days” instead of “14 days” (refunds)", "Refunds", "c1"),
                  _change("Now says “60 days” instead of “14 days” (refunds)", "Returns", "c2")])
    assert not any(c.explanation.startswith("The same change") for c in out)


# -- "Adds “X” to: …": the whole stretch put in, inside the passage ---------------------------------

def test_adds_names_the_whole_phrase_not_one_word() -> None:
    before = "To use the Zorblat app you must pay the subscription fee each month."
    after = "In order to use the Zorblat app you must pay the subscription fee each month."
    out = adds_said("Adds “order” to: “In order to use the Zorblat app…” (payment)", before, after)
    assert out == "Adds “In order” to: “In order to use the Zorblat app…” (payment)"


def test_adds_names_the_words_around_a_noun_put_in() -> None:
    result = compare("# Privacy\n\nEach party will comply with the data protection laws that apply to the personal "
                     "data it handles for Zorblat.\n",
                     "# Privacy\n\nEach party to the Terms will comply with the data protection laws that apply to "
                     "the personal data it handles for Zorblat.\n")
    said = [c.explanation for c in result.changes if c.material]
    assert said and said[0].startswith("Adds “to the Terms” to: “Each party to the Terms will comply")


def test_adds_french_and_german_phrases() -> None:
    fr = adds_said("Adds “site” to: “…l'application Zorblat ou le site, vous devez…” (payment)",
                   "Si vous utilisez l'application Zorblat, vous devez payer l'abonnement.",
                   "Si vous utilisez l'application Zorblat ou le site, vous devez payer l'abonnement.")
    assert fr.startswith("Adds “ou le site” to:")
    de = adds_said("Adds “Website” to: “…die Quillo App oder die Website nutzen…” (payment)",
                   "Wenn Sie die Quillo App nutzen, zahlen Sie die Gebühr.",
                   "Wenn Sie die Quillo App oder die Website nutzen, zahlen Sie die Gebühr.")
    assert de.startswith("Adds “oder die Website” to:")


def test_adds_item_outside_the_passage_widens_it() -> None:
    before = "You may send your payouts to a bank account you hold with Zorblat partners."
    after = "You may send your sales proceeds to a bank account you hold with Zorblat partners or your Quillo wallet."
    out = adds_said("Adds “sales proceeds” and “Quillo wallet” to: “You may send your sales proceeds to a bank…” (payment)",
                    before, after)
    assert "“or your Quillo wallet”" in out and not out.endswith(".” (payment)")
    window = out.split(": “", 1)[1]
    assert "sales proceeds" in window and "Quillo wallet" in window


def test_adds_item_outside_a_long_passage_named_among_other_words() -> None:
    before = ("If you receive your payouts to your bank account, we may share data with the bank for verification "
              "purposes and fraud checks, and we may also keep records of every payment for seven years under the law.")
    after = ("If you receive your sales proceeds to your bank account, we may share data with the bank for verification "
             "purposes and fraud checks, and we may also keep records of every payment for seven years under the law, "
             "and your Quillo account.")
    out = adds_said("Adds “sales proceeds” and “Quillo account” to: “If you receive your sales proceeds to your bank "
                    "account…” (payment)", before, after)
    assert out == ("Adds “sales proceeds”, among other words, to: “If you receive your sales proceeds to your bank "
                   "account…” (payment)")


def test_other_explanations_untouched_by_adds_said() -> None:
    said = "Now says “30 days” instead of “14 days” (refunds)"
    assert adds_said(said, "within 14 days", "within 30 days") == said


# -- a condition with no comma before its main clause -------------------------------------------------

def test_condition_without_comma_keeps_its_main_clause() -> None:
    out = condition_kept("If at any time we are unable to charge the relevant fees from the payment method you gave "
                         "Zorblat we may suspend your access to the Services.")
    assert out is not None and out.endswith("we may suspend your access to the Services")


def test_condition_without_comma_skips_a_subject_inside_the_condition() -> None:
    out = condition_kept("If we believe you may have broken these rules in any way at all while using the Quillo "
                         "platform we will close your account.")
    assert out is not None and out.endswith("we will close your account")
    assert "believe you may" in out


def test_condition_without_comma_french() -> None:
    out = condition_kept("Si à tout moment nous ne parvenons pas à débiter les frais dus sur le moyen de paiement "
                         "que vous avez choisi nous pourrons suspendre votre accès.")
    assert out is not None and out.endswith("nous pourrons suspendre votre accès")


def test_condition_with_comma_unchanged_and_german_comma_form() -> None:
    out = condition_kept("If at any time we are unable to charge the relevant fees from the payment method you "
                         "provided, we may suspend your access to the Services.")
    assert out is not None and "…, we may suspend" in out
    de = condition_kept("Wenn wir die fälligen Gebühren zu irgendeinem Zeitpunkt nicht von der angegebenen "
                        "Zahlungsmethode abbuchen können, können wir Ihren Zugang zu Zorblat sperren.")
    assert de is not None and de.endswith("können wir Ihren Zugang zu Zorblat sperren")


def test_compare_new_condition_without_comma() -> None:
    before = "# Fees\n\nYou pay the fees shown at checkout.\n"
    after = before + ("\nIf at any time we are unable to charge the relevant fees from the payment method you gave "
                      "Zorblat we may suspend or terminate your access to the Services.\n")
    said = [c.explanation for c in compare(before, after).changes if c.material]
    assert said and "we may suspend or terminate your access" in said[0]


def test_adds_phrase_ends_on_a_word_that_carries_meaning() -> None:
    out = adds_said("Adds “app” to: “…any other Zorblat app or subscription Service…” (subscription)",
                    "This applies to any other Zorblat subscription Service you buy.",
                    "This applies to any other Zorblat app or subscription Service you buy.")
    assert out.startswith("Adds “app” to:")
    fr = adds_said("Adds “application” to: “…toute autre application ou service Zorblat…” (subscription)",
                   "Ceci vaut pour tout autre service Zorblat.",
                   "Ceci vaut pour toute autre application ou service Zorblat.")
    assert "“application ou”" not in fr


def test_adds_passage_with_a_quoted_name_inside() -> None:
    before = "These terms govern the Quillo desktop application (the “App”) and related website."
    after = "These terms govern the Quillo desktop application (the “App”), including its underlying technologies, and related website."
    said = "Adds “including its underlying technologies” to: “…desktop application (the “App”), including its underlying technologies…” (other)"
    assert adds_said(said, before, after) == said


def test_adds_item_cut_short_outside_the_passage_widens_it() -> None:
    before = "Quillo may record video from your porch. Records stay on the device."
    after = ("Quillo may record video from your doorbell or a camera made by another maker of home devices. "
             "Records stay on the device.")
    out = adds_said("Adds “doorbell” and “camera made by another maker of home…” to: “…record video from your "
                    "doorbell…” (privacy)", before, after)
    assert "“camera made by another maker of home…”" in out
    assert "camera made by another maker" in out.split(": “", 1)[1]


def test_condition_main_clause_after_a_comma_and_a_phrase() -> None:
    out = condition_kept("If you buy products from the maker of a Zorblat add-on using the card saved in your Zorblat "
                         "account, with your consent we may share your card details with payment processors.")
    assert out is not None and "we may share your card details" in out


def test_condition_main_clause_opened_by_then() -> None:
    out = condition_kept("If Quillo is your processor as defined in the applicable data protection law, as amended, "
                         "then as of that date the Quillo data addendum becomes part of the Agreement.")
    assert out is not None and ", then as of that date the Quillo data addendum" in out
    de = condition_kept("Wenn Quillo Ihr Auftragsverarbeiter im Sinne des anwendbaren Datenschutzrechts ist, "
                        "dann wird die Quillo Datenvereinbarung ab diesem Tag Teil des Vertrags.")
    assert de is not None and "dann wird die Quillo Datenvereinbarung" in de

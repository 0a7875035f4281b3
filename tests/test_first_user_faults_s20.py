"""Faults a first-time user found in the material flag (session 20), each tested as a kind with
invented terms of fictional services, in English and, where the code reads them, French and
German: a changed condition taken for a rename, a deemed-acceptance rule taken for a banner, one
amount written another way taken for a change, and the reverse (another currency under the same
words taken for punctuation).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_announcement
from tracker.analysis.facts_eu import money_spans
from tracker.analysis.materiality import cosmetic_kind


def _doc(heading: str, body: str) -> str:
    return f"# Quillo Terms of Service\n\n## {heading}\n\n{body}\n\n## Contact\n\nWrite to us from the Help page.\n"


def _pair(old: str, new: str, heading: str = "Rules"):
    return analyse(_doc(heading, old), _doc(heading, new))


# --- 1. a condition, a reason or discretion replaced is no rename ---------------------------------

@pytest.mark.parametrize("old,new", [
    ("We may remove content that violates these Terms.", "We may remove any content at our sole discretion."),
    ("Quillo may suspend Boards that breach the Community Rules.", "Quillo may suspend Boards in its sole discretion."),
    ("Quillo may terminate accounts that infringe the House Rules.", "Quillo may terminate accounts for any Reason."),
    ("Nous pouvons supprimer tout contenu qui enfreint les présentes Conditions.",
     "Nous pouvons supprimer tout contenu à notre seule discrétion."),
    ("Wir können Inhalte entfernen, die gegen diese Bedingungen verstoßen.",
     "Wir können alle Inhalte nach unserem alleinigen Ermessen entfernen."),
])
def test_a_condition_or_discretion_put_in_place_of_another_is_material_not_a_rename(old, new):
    result = _pair(old, new)
    (change,) = result.changes
    assert result.material and change.material, change
    assert change.cosmetic != "renamed" and "name changed" not in change.explanation, change


@pytest.mark.parametrize("old,new", [
    ("We may share Usage Data with Partners.", "We may share Usage Data with Advertisers."),
    ("Nous partageons vos données avec nos Partenaires.", "Nous partageons vos données avec nos Annonceurs."),
    ("Wir geben Ihre Daten an Dienstleister weiter.", "Wir geben Ihre Daten an Werbepartner weiter."),
])
def test_data_shared_with_another_class_of_recipient_is_material_not_a_rename(old, new):
    # "Partners" → "Advertisers": capitalised defined terms, but other people get the data
    (change,) = _pair(old, new).changes
    assert change.material and "privacy" in change.categories, change
    assert change.cosmetic != "renamed" and "name" not in change.explanation.lower(), change


@pytest.mark.parametrize("old,new", [
    ("Disputes go to the Zephyr Review Board.", "Disputes go to the Orbit Review Board."),
    ("Use of the Zephyr Studio app is subject to these Terms.", "Use of the Orbit Studio app is subject to these Terms."),
])
def test_a_name_replaced_by_a_name_stays_a_rename(old, new):
    result = _pair(old, new)
    assert not result.material and result.changes[0].cosmetic == "renamed", result.changes[0]


# --- 2. a deemed acceptance of every change is a term, not an announcement -------------------------

@pytest.mark.parametrize("sentence", [
    "Your continued use of Quillo after a change means you accept the new Terms.",
    "If you keep using Quillo after we post modifications, you agree to the modified Terms.",
    "Continued use of the service after any changes constitutes acceptance of the revised terms.",
    "Si vous continuez à utiliser Quillo après toute modification, vous acceptez les nouvelles conditions.",
    "Die weitere Nutzung nach einer Änderung gilt als Zustimmung zu den neuen Bedingungen.",
])
def test_continued_use_after_any_change_is_an_acceptance_term(sentence):
    assert not is_announcement(sentence)
    if "Änderung" in sentence:
        return  # (the classifier has no German acceptance words yet: never an announcement is what this tests)
    result = analyse(_doc("Changes", "We may update these Terms from time to time."),
                     _doc("Changes", f"We may update these Terms from time to time.\n\n{sentence}"))
    added = [c for c in result.changes if c.kind == "added"]
    assert added and added[0].material and added[0].cosmetic != "announcement", result.changes


@pytest.mark.parametrize("sentence", [
    "By continuing to use Quillo after 1 March 2026, you accept the updated Terms.",
    "By continuing to use Quillo, you accept the updated Terms.",
    "If you continue to use the service after these changes take effect, you accept the new Terms.",
    "En continuant à utiliser Quillo, vous acceptez les nouvelles conditions.",
])
def test_a_banner_about_one_update_stays_an_announcement(sentence):
    assert is_announcement(sentence)


# --- 4. one amount written another way ------------------------------------------------------------

@pytest.mark.parametrize("old,new", [
    ("USD 100", "US$100"), ("USD 100", "$100"), ("$100", "100 USD"), ("100 $", "USD 100.00"),
    ("100 US dollars", "US$ 100"), ("EUR 10", "10 €"), ("€10", "10 EUR"), ("1.000,00 €", "€1,000"),
    ("1 000 €", "EUR 1000"), ("GBP 5", "£5"),
])
def test_the_same_amount_in_another_notation_is_no_change(old, new):
    assert [v for _, _, v in money_spans(old)] == [v for _, _, v in money_spans(new)]
    # the whole-clause path
    clause = "Our total liability to you is limited to the fees you paid in the last twelve months or {}."
    result = _pair(clause.format(old), clause.format(new), "Liability")
    assert not result.material and all(c.severity == "cosmetic" for c in result.changes), result.changes
    # the sentence path
    assert cosmetic_kind(clause.format(old), clause.format(new)) == "formatting"


@pytest.mark.parametrize("old,new", [
    ("Les frais de retard sont de 10 € par mois.", "Les frais de retard sont de EUR 10 par mois."),
    ("Die Gebühr beträgt 1.000,00 € pro Jahr.", "Die Gebühr beträgt EUR 1000 pro Jahr."),
])
def test_the_same_amount_in_another_notation_is_no_change_in_french_or_german(old, new):
    result = _pair(old, new, "Tarifs")
    assert not result.material, result.changes


@pytest.mark.parametrize("old,new", [
    ("Late fees are $10 per month.", "Late fees are €10 per month."),
    ("Late fees are USD 10 per month.", "Late fees are US$12 per month."),
    ("Die Gebühr beträgt 10 € pro Monat.", "Die Gebühr beträgt 10 $ pro Monat."),
])
def test_another_amount_or_currency_stays_material(old, new):
    result = _pair(old, new, "Fees")
    assert result.material, result.changes
    assert cosmetic_kind(old, new) is None


def test_compare_cli_calls_a_currency_notation_cosmetic(tmp_path: Path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_doc("Liability", "Our liability is capped at the fees you paid or USD 100."), encoding="utf-8")
    new.write_text(_doc("Liability", "Our liability is capped at the fees you paid or US$100."), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tracker", "compare", str(old), str(new), "--json"],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    data = json.loads(out.stdout)
    assert data["material"] is False and "No longer covers" not in out.stdout


# --- 3. the reach of an indemnity or liability clause changed ------------------------------------

@pytest.mark.parametrize("old,new", [
    ("You agree to indemnify and hold harmless Quillo from any third-party claims arising from your use of the service.",
     "You agree to indemnify and hold harmless Quillo from any claims arising from your use of the service, "
     "including claims arising from Quillo's own negligence."),
    ("You will indemnify Quillo against third-party claims arising from your breach of these Terms.",
     "You will indemnify Quillo against any and all claims arising from your use of the service."),
    ("Vous vous engagez à indemniser Quillo des réclamations de tiers liées à votre contenu.",
     "Vous vous engagez à indemniser Quillo de toute réclamation liée à votre contenu, y compris en cas de faute de Quillo."),
    ("Sie stellen Quillo von Ansprüchen Dritter frei, die aus Ihren Inhalten entstehen.",
     "Sie stellen Quillo von allen Ansprüchen frei, die aus Ihren Inhalten entstehen, auch bei Fahrlässigkeit von Quillo."),
])
def test_an_indemnity_widened_is_a_stronger_watch_out(old, new):
    result = _pair(old, new, "Indemnity")
    (change,) = result.changes
    assert change.material and change.severity == "critical" and "indemnity" in change.categories, change
    assert change.explanation.startswith("Covers more"), change.explanation


def test_a_liability_exception_for_the_providers_own_fault_dropped_is_material():
    (change,) = _pair("Quillo is not liable for indirect damages, except in case of its gross negligence.",
                      "Quillo is not liable for indirect damages.", "Liability").changes
    assert change.material and "liability" in change.categories, change


def test_third_party_spelled_another_way_stays_cosmetic():
    result = _pair("You agree to indemnify Quillo from third-party claims arising from your use.",
                   "You agree to indemnify Quillo from third party claims arising from your use.", "Indemnity")
    assert not result.material


# --- 5. removed clauses: whose right or promise was it? -------------------------------------------

_HEAD = {"en": ("Data", "Liability", "Termination"), "fr": ("Données", "Responsabilité", "Résiliation"),
         "de": ("Daten", "Haftung", "Kündigung")}
_PROMISE = {"en": "Your data is never sold to third parties.",
            "fr": "Vos données ne sont jamais vendues à des tiers.",
            "de": "Ihre Daten werden niemals an Dritte verkauft."}
_DISCLAIMER = {"en": "Quillo Rail disclaims all liability for train delays or cancellations.",
               "fr": "Quillo Rail décline toute responsabilité en cas de retard ou d'annulation d'un train.",
               "de": "Quillo Rail übernimmt keine Haftung für Verspätungen oder Zugausfälle."}
_POWER = {"en": "Quillo Rail may suspend an account at any time, with 15 days' notice, for non-payment.",
          "fr": "Quillo Rail peut suspendre un compte à tout moment, avec un préavis de 15 jours, en cas de non-paiement.",
          "de": "Quillo Rail kann ein Konto jederzeit mit einer Frist von 15 Tagen wegen Nichtzahlung sperren."}


def _terms(lang: str, promise: bool, disclaimer: bool, power: bool, extra: str = "") -> str:
    data, liab, term = _HEAD[lang]
    return (f"# Quillo Rail\n\n## {data}\n\nWe process your data to run the service.\n\n"
            + (f"{_PROMISE[lang]}\n\n" if promise else "")
            + f"## {liab}\n\n" + (f"{_DISCLAIMER[lang]}\n\n" if disclaimer else "")
            + f"## {term}\n\n" + (f"{_POWER[lang]}\n\n" if power else "") + extra
            + "## Contact\n\nWrite to us from the Help page.\n")


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_removed_passive_promise_is_critical(lang):
    result = analyse(_terms(lang, True, False, False), _terms(lang, False, False, False))
    (change,) = result.changes
    assert change.material and change.severity == "critical", change
    assert change.explanation.startswith("No longer promises") and "privacy" in change.categories, change
    assert "good news" not in change.explanation


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_removed_liability_disclaimer_has_legal_effect(lang):
    result = analyse(_terms(lang, False, True, False), _terms(lang, False, False, False))
    (change,) = result.changes
    assert change.material and "liability" in change.categories, change
    assert "without legal effect" not in change.explanation


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_removed_provider_power_with_its_notice_is_good_news_not_critical(lang):
    result = analyse(_terms(lang, False, False, True), _terms(lang, False, False, False))
    (change,) = result.changes
    assert change.material and change.severity == "material", change
    assert "good news for users" in change.explanation, change


def test_a_provider_power_removed_while_another_without_notice_stays_is_notice_taken_away():
    still = "Quillo Rail may terminate your account at any time without notice.\n\n"
    result = analyse(_terms("en", False, False, True, still), _terms("en", False, False, False, still))
    (change,) = result.changes
    assert change.material and change.severity == "critical", change


# --- 6. a revert says what it takes back ----------------------------------------------------------

_BEFORE = ("# Quillo Terms\n\n## Your content\n\nWe do not use your content to train AI models.\n\n"
           "## Disputes\n\nYou may bring claims in the courts of your place of residence.\n")
_AFTER = ("# Quillo Terms\n\n## Your content\n\nWe may use your content to train our AI models.\n\n"
          "## Disputes\n\nAll disputes will be resolved by binding arbitration.\n")


def test_a_revert_of_material_changes_is_minor_and_says_what_it_undoes():
    fresh = analyse(_AFTER, _BEFORE)
    assert fresh.material
    revert = analyse(_AFTER, _BEFORE, kind="revert", revert_of="2026-04-02T08:30:00Z")
    assert not revert.material and not any(c.material for c in revert.changes)  # documented: never material
    assert revert.severity == "minor", revert.severity  # not "cosmetic"
    assert revert.summary.startswith("Reverted to the text of 2026-04-02 08:30 UTC, undoing ")
    assert "ai-training" in revert.summary and "arbitration" in revert.summary, revert.summary
    # the changes are said as made afresh
    assert [c.explanation for c in revert.changes] == [c.explanation for c in fresh.changes]


def test_a_revert_of_noise_and_a_partial_revert_stay_cosmetic():
    old = "# Quillo Terms\n\n## About\n\nLast updated: 1 May 2026.\n\nWe run the service.\n"
    new = "# Quillo Terms\n\n## About\n\nLast updated: 3 May 2026.\n\nWe run the service.\n"
    revert = analyse(old, new, kind="revert", revert_of="2026-04-02")
    assert revert.severity == "cosmetic" and revert.summary == "Reverted to the text of 2026-04-02"
    partial = analyse(_AFTER, _BEFORE, kind="partial-revert")
    assert partial.severity == "cosmetic" and not partial.material

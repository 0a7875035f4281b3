"""Faults a new user found in material flags and explanations, each tested as a kind: Roman and
lettered renumbering, notice taken away in French and German, a class-action waiver that only
moved, retention periods in French and German, per-request stamps, and short venue sentences.
Each test compares two files it writes (fictional services) through the `compare` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.analysis.boilerplate import is_request_stamp
from tracker.analysis.materiality import cosmetic_kind, notice_cut
from tracker.cli.app import cli


def _compare(tmp_path: Path, old: str, new: str, suffix: str = ".md") -> dict:
    """Run `tracker compare --json` on two files holding ``old`` and ``new``."""
    a, b = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _flagged(out: dict) -> list[dict]:
    return [c for c in out["changes"] if c["material"]]


# --- 1. renumbering with Roman numerals and letters ----------------------------------------------
_ROMAN_OLD = """# Quillbit Terms

## Article IV. Payments

You pay the monthly fee of 10 EUR for the Quillbit plan.

## Article V. Termination

We may suspend your account as described in Section iv.

### Section ii

(iv) You must keep your password secret.

b. Do not resell the service.

## PART C - Liability

Our liability is limited to the fees paid under Article IX.
"""
_ROMAN_NEW = """# Quillbit Terms

## Article V. Payments

You pay the monthly fee of 10 EUR for the Quillbit plan.

## Article VI. Termination

We may suspend your account as described in Section v.

### Section iii

(v) You must keep your password secret.

c. Do not resell the service.

## PART D - Liability

Our liability is limited to the fees paid under Article X.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_roman_and_lettered_renumbering_is_cosmetic(tmp_path: Path, suffix: str) -> None:
    out = _compare(tmp_path, _ROMAN_OLD, _ROMAN_NEW, suffix)
    assert not out["material"], _flagged(out)
    numbered = [c for c in out["changes"] if c["kind"] == "modified"]
    assert numbered and all(c["severity"] == "cosmetic" for c in numbered), numbered


def test_a_real_change_beside_a_roman_number_stays_material(tmp_path: Path) -> None:
    out = _compare(tmp_path, _ROMAN_OLD, _ROMAN_NEW.replace("fee of 10 EUR", "fee of 14 EUR"))
    assert out["material"] and [c["after"] for c in _flagged(out)] == [
        "You pay the monthly fee of 14 EUR for the Quillbit plan."]


@pytest.mark.parametrize(("before", "after", "kind"), [
    ("Article IV. Payments", "Article V. Payments", "renumbering"),
    ("## Section ii", "## Section iii", "renumbering"),
    ("Part B - Fees apply monthly.", "Part C - Fees apply monthly.", "renumbering"),
    ("XIV. We may close accounts.", "XV. We may close accounts.", "renumbering"),
    ("Artikel IV Kündigung", "Artikel V Kündigung", "renumbering"),
    # a word of Roman-numeral letters is no number: dropping it is a change
    ("Civil. Claims go to Lyon.", "Claims go to Lyon.", None),
    ("Mix. Colours are free.", "Colours are free.", None),
])
def test_roman_numbers_are_told_from_words(before: str, after: str, kind: str | None) -> None:
    assert cosmetic_kind(before, after) == kind


# --- 2. notice taken away, in French, German and Spanish -----------------------------------------
@pytest.mark.parametrize(("old", "new"), [
    # a notice period replaced by "without notice"
    ("Nous pouvons modifier ces conditions moyennant un préavis de 30 jours.",
     "Nous pouvons modifier ces conditions sans préavis."),
    ("Nous pouvons fermer votre compte après vous avoir avertis 15 jours à l'avance.",
     "Nous pouvons fermer votre compte sans vous avertir."),
    ("Wir können Ihr Konto mit einer Frist von 30 Tagen kündigen.",
     "Wir können Ihr Konto fristlos kündigen."),
    ("Wir können diese Bedingungen nach vorheriger Ankündigung im Voraus ändern.",
     "Wir können diese Bedingungen ohne Vorankündigung ändern."),
    ("Podemos cerrar su cuenta con 30 días de antelación.",
     "Podemos cerrar su cuenta sin previo aviso."),
])
def test_notice_replaced_by_none_is_critical(tmp_path: Path, old: str, new: str) -> None:
    head = "# Plumtree\n\n## Konto\n\nDu texte sans rapport avec le reste.\n\n## Clause\n\n"
    out = _compare(tmp_path, head + old + "\n", head + new + "\n")
    assert [(c["kind"], c["severity"]) for c in _flagged(out)] == [("modified", "critical")], out["changes"]


@pytest.mark.parametrize("promise", [
    "Nous vous informerons 30 jours avant toute suspension de votre compte.",
    "Wir werden Sie vier Wochen im Voraus über Änderungen dieser Bedingungen informieren.",
    "Le informaremos con 30 días de antelación antes de cerrar su cuenta.",
])
def test_a_removed_promise_of_notice_is_critical(tmp_path: Path, promise: str) -> None:
    old = f"# Plumtree\n\n## Compte\n\nNous pouvons suspendre votre compte.\n\n{promise}\n"
    out = _compare(tmp_path, old, "# Plumtree\n\n## Compte\n\nNous pouvons suspendre votre compte.\n")
    assert [c["severity"] for c in _flagged(out)] == ["critical"], out["changes"]


@pytest.mark.parametrize(("old", "new"), [
    # the user's own notice to cancel: dropping it takes nothing from the user
    ("Vous pouvez résilier votre abonnement avec un préavis de 30 jours.", "Vous pouvez résilier votre abonnement."),
    ("Sie können Ihr Abonnement mit einer Frist von 30 Tagen kündigen.", "Sie können Ihr Abonnement kündigen."),
])
def test_the_users_own_notice_dropped_is_not_critical(old: str, new: str) -> None:
    assert notice_cut(old, new) == ""


def test_a_new_power_without_notice_has_legal_effect(tmp_path: Path) -> None:
    old = "# Plumtree\n\n## Konto\n\nWir speichern Ihre Daten in Irland.\n"
    out = _compare(tmp_path, old, old + "\nWir können Ihr Konto jederzeit ohne Vorankündigung sperren.\n")
    assert [c["kind"] for c in _flagged(out)] == ["added"], out["changes"]


# --- 3. a class-action waiver gone while individual arbitration stays -----------------------------
_WAIVER = ("## Class Action Waiver\n\nYou agree that you may bring claims only in your individual capacity and not as a "
           "plaintiff or class member in any purported class or representative proceeding.\n\n")
_ARBITRATION = ("## Disputes\n\nAll disputes between you and Fennel will be resolved by binding arbitration "
                "administered by the AAA.\n\n")
_FEES = "## Fees\n\nThe monthly fee is 5 USD.\n"


@pytest.mark.parametrize("disputes", [
    _ARBITRATION,  # arbitration is one by one by nature
    _ARBITRATION.replace("by the AAA.", "by the AAA, on an individual basis."),  # the waiver moved here
    "## Litiges\n\nTout litige sera tranché par voie d'arbitrage, à titre individuel uniquement.\n\n",
])
def test_a_waiver_gone_under_individual_arbitration_is_no_good_news(tmp_path: Path, disputes: str) -> None:
    out = _compare(tmp_path, f"# Fennel Terms\n\n{_ARBITRATION}{_WAIVER}{_FEES}", f"# Fennel Terms\n\n{disputes}{_FEES}")
    gone = [c for c in _flagged(out) if "class-action" in c["categories"]]
    assert gone and not any("good news" in c["explanation"] for c in gone), gone


def test_a_waiver_gone_with_arbitration_is_good_news(tmp_path: Path) -> None:
    out = _compare(tmp_path, f"# Fennel Terms\n\n{_ARBITRATION}{_WAIVER}{_FEES}",
                   "# Fennel Terms\n\n## Disputes\n\nDisputes may be brought before the courts of Oregon.\n\n" + _FEES)
    gone = [c for c in _flagged(out) if c["categories"] == ["class-action"]]
    assert gone and gone[0]["explanation"].endswith("good news for users"), gone


# --- 4. retention periods in French and German; verbs of deleting, refunding, suspending ---------
@pytest.mark.parametrize(("heading", "old", "new", "said"), [
    ("Conservation", "Vos données personnelles sont conservées pendant 3 ans après la fermeture de votre compte.",
     "Vos données personnelles sont conservées pendant 5 ans après la fermeture de votre compte.",
     "Data is now kept for 5 years instead of 3 (privacy)"),
    ("Speicherdauer", "Ihre Protokolldaten werden 6 Monate gespeichert.", "Ihre Protokolldaten werden 12 Monate gespeichert.",
     "Data is now kept for 12 months instead of 6 (privacy)"),
    ("Speicherdauer", "Ihre Nutzungsdaten werden für 2 Jahre aufbewahrt.", "Ihre Nutzungsdaten werden für 3 Jahre aufbewahrt.",
     "Data is now kept for 3 years instead of 2 (privacy)"),
    ("Conservation", "Les journaux de connexion sont supprimés après 30 jours.",
     "Les journaux de connexion sont supprimés après 6 mois.",
     "Data is now deleted after 6 months instead of 30 days (privacy)"),
])
def test_foreign_retention_is_said_as_retention(tmp_path: Path, heading: str, old: str, new: str, said: str) -> None:
    head = f"# Mirabo\n\n## {heading}\n\n"
    out = _compare(tmp_path, head + old + "\n", head + new + "\n")
    assert [c["explanation"] for c in _flagged(out)] == [said]


@pytest.mark.parametrize(("old", "new", "said"), [
    ("We delete your uploads 30 days after you close your account.",
     "We delete your uploads 90 days after you close your account.", "We now delete your uploads"),
    ("We erase inactive accounts after 24 months.", "We erase inactive accounts after 12 months.",
     "We now erase inactive accounts after 12 months instead of 24"),
    ("We suspend accounts that stay unpaid for 10 days.", "We suspend accounts that stay unpaid for 5 days.",
     "We now suspend accounts"),
])
def test_periods_of_deleting_and_suspending_are_said_with_their_verb(tmp_path: Path, old: str, new: str,
                                                                      said: str) -> None:
    head = "# Mirabo\n\n## Accounts\n\n"
    out = _compare(tmp_path, head + old + "\n", head + new + "\n")
    assert [c["explanation"].startswith(said) for c in _flagged(out)] == [True], out["changes"]


# --- 5. per-request stamps removed in one place and added in another ------------------------------
_STAMPED_OLD = """# Orbly Terms

Request ID: 4f2a9c81e7d3

Page generated at 10:04 UTC.

## Fees

The monthly fee is 5 USD.

## Accounts

You must keep your password secret.
"""
_STAMPED_NEW = """# Orbly Terms

## Fees

The monthly fee is 5 USD.

## Accounts

You must keep your password secret.

Trace ID: 77b0c1d2e3f4a5b6

Request ID: 9b1d33aa02ff

This page was generated at 11:17 UTC.

Cette page a été générée le 3 mars à 11:17.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_stamps_moved_or_new_are_cosmetic(tmp_path: Path, suffix: str) -> None:
    out = _compare(tmp_path, _STAMPED_OLD, _STAMPED_NEW, suffix)
    assert out["changes"] and all(c["severity"] == "cosmetic" for c in out["changes"]), out["changes"]


def test_a_term_beside_a_stamp_is_still_a_term(tmp_path: Path) -> None:
    new = _STAMPED_NEW + "\nPrices updated at 11:17 UTC: the monthly fee is 9 USD for new accounts.\n"
    out = _compare(tmp_path, _STAMPED_OLD, new)
    assert [c["kind"] for c in _flagged(out)] == ["added"], out["changes"]


@pytest.mark.parametrize(("line", "stamp"), [
    ("Your session ID: a81b22c9d0e1", True),
    ("Diese Seite wurde um 10:04 Uhr generiert.", True),
    ("Updated 3 minutes ago", True),
    ("Prices updated at 10:04 UTC: the monthly fee is 5 USD.", False),
    ("You must quote your request ID 4f2a9c81e7d3 when you ask for a refund.", False),
])
def test_request_stamp_lines(line: str, stamp: bool) -> None:
    assert is_request_stamp(line) is stamp


# --- 6. a changed court or law said short -----------------------------------------------------------
@pytest.mark.parametrize(("old", "new", "said"), [
    ("Any dispute, claim or controversy arising out of or relating to these Terms or your use of the Tallow "
     "services shall be heard exclusively by the state and federal courts located in New York, New York, and you "
     "consent to their personal jurisdiction.", "New York, New York", "Dublin, Ireland",
     ),
    ("Any legal suit, action or proceeding arising out of, or related to, these Terms shall be instituted "
     "exclusively in the courts of the State of Florida, in each case located in the City of Miami.", "Miami", "Dublin"),
    ("If you live in the European Union, and without limiting any mandatory rights you may have as a consumer, the "
     "competent courts for any dispute are those of Paris.", "Paris", "Amsterdam"),
])
def test_a_changed_court_is_said_short(tmp_path: Path, old: str, new: str, said: str) -> None:
    head = "# Tallow\n\n## Disputes\n\n"
    out = _compare(tmp_path, head + old + "\n", head + old.replace(new, said) + "\n")
    assert [c["explanation"] for c in _flagged(out)] == [
        f"Disputes now go to the courts of {said} instead of {new} (jurisdiction)"]


def test_a_changed_law_is_said_short(tmp_path: Path) -> None:
    old = ("To the maximum extent permitted by applicable law, and except where mandatory local consumer protection "
           "rules provide otherwise, the laws of the State of California, excluding its conflict of laws rules, "
           "govern these Terms and any dispute.")
    head = "# Tallow\n\n## Choice of law\n\n"
    out = _compare(tmp_path, head + old + "\n", head + old.replace("State of California", "Republic of Ireland") + "\n")
    assert [c["explanation"] for c in _flagged(out)] == [
        "The governing law is now the law of Ireland instead of California (governing-law)"]


def test_a_short_law_sentence_keeps_its_own_words(tmp_path: Path) -> None:
    head = "# Tallow\n\n## Law\n\n"
    out = _compare(tmp_path, head + "This Agreement shall be governed by New York law.\n",
                   head + "This Agreement shall be governed by Irish law.\n")
    assert [c["explanation"] for c in _flagged(out)] == [
        "This Agreement shall now be governed by Irish law instead of New York (governing-law)"]


def test_terms_changed_without_notice_in_german_are_terms_changes(tmp_path: Path) -> None:
    old = "# Plumtree\n\n## Konto\n\nWir speichern Ihre Daten in Irland.\n"
    out = _compare(tmp_path, old, old + "\nWir können diese Bedingungen jederzeit ohne Vorankündigung ändern.\n")
    assert [c["categories"] for c in _flagged(out)] == [["terms-changes"]], out["changes"]

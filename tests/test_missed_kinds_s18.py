"""Kinds of material change the tracker missed (issue 11, session 18), on invented terms.

A term stated in words ("thirteen years of age", "trente jours", "dreißig Tage"), a notice
channel cut, the parties swapped ("you may" → "we may") and a clause's reach widened, each
written in other words than ``benchmarks/kind_probes_missed.py`` (which measures the same kinds
on more variants). Whole documents go through ``analyse``, as ``tracker compare`` does.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.facts import extract_facts
from tracker.analysis.facts_eu import word_number

FRAME = {
    "en": "# Quenton Terms\n\nLast updated: 4 June 2026\n\n## About\nQuenton is an online sketchbook.\n\n{body}\n\n"
          "## Contact\nWrite to desk@quenton.example.\n",
    "fr": "# Conditions de Quenton\n\nMise à jour : 4 juin 2026\n\n## À propos\nQuenton est un carnet de "
          "croquis en ligne.\n\n{body}\n\n## Contact\nÉcrivez à bureau@quenton.example.\n",
    "de": "# Bedingungen von Quenton\n\nStand: 4. Juni 2026\n\n## Über uns\nQuenton ist ein Skizzenbuch im "
          "Internet.\n\n{body}\n\n## Kontakt\nSchreiben Sie an buero@quenton.example.\n",
}


def run(lang: str, old: str, new: str):
    return analyse(FRAME[lang].format(body=old), FRAME[lang].format(body=new))


# --- a term stated in words ----------------------------------------------------------------------
@pytest.mark.parametrize("words,value", [
    ("trente", 30), ("dix-sept", 17), ("soixante-dix", 70), ("quatre-vingt-dix-neuf", 99), ("trente et un", 31),
    ("dreißig", 30), ("siebzehn", 17), ("achtzehn", 18), ("vierundzwanzig", 24), ("zwölf", 12),
])
def test_french_and_german_numbers_in_words_are_read_whole(words: str, value: int) -> None:
    assert word_number(words) == value


@pytest.mark.parametrize("text,kind,value", [
    ("Vous devez être âgé d'au moins dix-sept ans.", "age", "17"),
    ("Wir löschen Ihre Skizzen nach achtzehn Monaten.", "duration", "P18M"),
    ("Nous gardons vos croquis pendant quatre-vingt-dix jours.", "duration", "P90D"),
    ("Sie haben vierundzwanzig Stunden Zeit, um zu widersprechen.", "duration", "PT24H"),
    ("Members must be at least sixteen years of age.", "age", "16"),
    ("Members must be twenty-one or older.", "age", "21"),
])
def test_a_term_in_words_is_a_fact_with_its_whole_value(text: str, kind: str, value: str) -> None:
    facts = [(f.kind, f.value) for f in extract_facts(text)]
    assert (kind, value) in facts, facts
    # never the tail of a compound: "achtzehn" is no "zehn", "dix-sept" no "sept"
    assert not any(k == kind and v != value for k, v in facts), facts


@pytest.mark.parametrize("lang,old,new,cat", [
    ("en", "## Who may join\nMembers must be at least fourteen years of age.",
     "## Who may join\nMembers must be at least twenty-one years of age.", "eligibility"),
    ("de", "## Laufzeit\nDas Abo kann mit einer Frist von vierzehn Tagen gekündigt werden.",
     "## Laufzeit\nDas Abo kann mit einer Frist von zwei Monaten gekündigt werden.", "subscription"),
    ("fr", "## Conservation\nNous conservons vos données personnelles pendant trente jours.",
     "## Conservation\nNous conservons vos données personnelles pendant dix-huit mois.", "privacy"),
])
def test_a_term_in_words_changed_is_material_never_a_rename(lang: str, old: str, new: str, cat: str) -> None:
    result = run(lang, old, new)
    assert result.material, result.summary
    assert not any(c.cosmetic == "renamed" for c in result.changes)
    assert cat in result.categories, result.categories


# --- a notice channel cut: sent to the user → posted on a page -----------------------------------
@pytest.mark.parametrize("lang,old,new,cat", [
    ("en", "## Updates to these terms\nWe will send you an email about any change to these terms.",
     "## Updates to these terms\nWe will post any change to these terms on this page.", "terms-changes"),
    ("fr", "## Évolution des conditions\nNous vous informerons par e-mail de toute modification des présentes "
     "conditions.", "## Évolution des conditions\nToute modification des présentes conditions sera publiée sur "
     "notre site.", "terms-changes"),
    ("de", "## Preisänderungen\nWir informieren Sie per E-Mail über Preisänderungen.",
     "## Preisänderungen\nPreisänderungen veröffentlichen wir auf unserer Website.", "pricing"),
])
def test_a_notice_sent_to_you_cut_to_a_posting_is_material(lang: str, old: str, new: str, cat: str) -> None:
    result = run(lang, old, new)
    assert result.material, result.summary
    assert cat in result.categories, result.categories


def test_the_same_channel_reworded_is_no_notice_cut() -> None:
    result = run("en", "## Updates to these terms\nWe will notify you by email of any change to these terms.",
                 "## Updates to these terms\nWe will notify you by e-mail of any change to these terms.")
    assert not result.material, result.summary


# --- the parties swapped: the same right, held by the other party ----------------------------------
@pytest.mark.parametrize("lang,old,new", [
    ("en", "## Sketches\nYou may remove any sketch at any time.", "## Sketches\nWe may remove any sketch at any time."),
    ("fr", "## Fin du contrat\nVous pouvez mettre fin au contrat à tout moment.",
     "## Fin du contrat\nNous pouvons mettre fin au contrat à tout moment."),
    ("de", "## Vertragsende\nSie können den Vertrag jederzeit beenden.",
     "## Vertragsende\nWir können den Vertrag jederzeit beenden."),
])
def test_a_right_passed_to_the_other_party_is_material_never_a_rename(lang: str, old: str, new: str) -> None:
    result = run(lang, old, new)
    assert result.material, result.summary
    assert not any(c.cosmetic for c in result.changes), [c.cosmetic for c in result.changes]


def test_the_same_party_with_other_words_is_no_swap() -> None:
    result = run("en", "## Sketches\nYou may remove any sketch at any time.",
                 "## Sketches\nAt any time, you may remove any sketch.")
    assert not result.material, result.summary


# --- the reach of a clause: a part of something, or all of it ------------------------------------
@pytest.mark.parametrize("lang,old,new", [
    ("en", "## Analytics\nWe send some of your drawing statistics to our analytics provider.",
     "## Analytics\nWe send all of your drawing statistics to our analytics provider."),
    ("en", "## Analytics\nWe send every drawing statistic to our analytics provider.",
     "## Analytics\nWe send certain drawing statistics to our analytics provider."),
    ("fr", "## Statistiques\nNous partageons certaines de vos données de dessin avec notre prestataire de mesure d'audience.",
     "## Statistiques\nNous partageons toutes vos données de dessin avec notre prestataire de mesure d'audience."),
])
def test_a_clause_reaching_all_instead_of_some_is_material(lang: str, old: str, new: str) -> None:
    result = run(lang, old, new)
    assert result.material, result.summary
    assert "privacy" in result.categories, result.categories


# --- the same rhythm in other words; a right narrowed to one named way; a decision made final -----
@pytest.mark.parametrize("lang,old,new", [
    ("fr", "## Facturation\nLe carnet est facturé chaque mois.", "## Facturation\nLe carnet est facturé tous les mois."),
    ("en", "## Billing\nThe sketchbook is billed each month.", "## Billing\nThe sketchbook is billed every month."),
    ("de", "## Abrechnung\nDas Skizzenbuch wird jeden Monat abgerechnet.",
     "## Abrechnung\nDas Skizzenbuch wird monatlich abgerechnet."),
])
def test_the_same_rhythm_said_otherwise_is_no_change(lang: str, old: str, new: str) -> None:
    result = run(lang, old, new)
    assert not result.material, result.summary


def test_another_rhythm_is_still_a_change() -> None:
    result = run("en", "## Billing\nThe sketchbook is billed each month.",
                 "## Billing\nThe sketchbook is billed every year.")
    assert result.material, result.summary


def test_payment_methods_cut_to_one_are_no_mere_names() -> None:
    result = run("de", "## Bezahlung\nSie zahlen per Überweisung oder PayPal.", "## Bezahlung\nSie zahlen nur per PayPal.")
    assert result.material, result.summary
    assert "payment" in result.categories, result.categories


@pytest.mark.parametrize("old,new,cat", [
    ("## Reviews\nYou can appeal if we take down your sketch.",
     "## Reviews\nOur decision to take down a sketch is final.", "content-removal"),
    ("## Ideas\nIdeas you submit remain yours.", "## Ideas\nWe may use any idea you submit without compensating you.",
     "content-rights"),
])
def test_a_decision_made_final_or_a_use_without_pay_is_material(old: str, new: str, cat: str) -> None:
    result = run("en", old, new)
    assert result.material, result.summary


# --- an ambiguous word: a payment processor named as a recipient of data ---------------------------
def test_a_payment_processor_receiving_data_is_privacy_not_payment() -> None:
    from tracker.analysis.classify import category_scores

    shared = category_scores("We pass your email address to our shipping partner and our payment processor.")
    assert "privacy" in shared and "payment" not in shared, shared
    paying = category_scores("Our payment processor charges your card on the first day of each month.")
    assert "payment" in paying, paying


def test_news_sent_to_you_then_posted_is_no_notice_cut() -> None:
    from tracker.analysis.materiality import notice_channel_cut

    assert notice_channel_cut("We will send you emails about new brushes.", "We post news about new brushes on our blog.") is None
    assert notice_channel_cut("We will notify you by email before any fee increase.",
                              "We will publish any fee increase on this page.") == ("by email", "publish")


def test_a_company_name_put_for_we_stays_a_rename() -> None:
    old = ("## Our rights\nQuenton Labs reserves the right to change the sketch formats. Quenton Labs may "
           "suspend the gallery for maintenance.")
    new = ("## Our rights\nWe reserve the right to change the sketch formats. We may suspend the gallery for "
           "maintenance.")
    result = run("en", old, new)
    assert not result.material, result.summary

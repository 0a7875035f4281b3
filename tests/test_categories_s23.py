"""Session 23 (issue 11, version categories): a whole clause naming the governing law, the courts
that hear disputes or an indemnity, added in a large rewrite, is one of the version's
categories even where the learned model finds it unlikely (``category_model.forum_clauses``); a
removed one, and a forum clause only edited around the same law or court, are left to the model.

Invented documents of fictional services, en/fr/de; a model that finds every category unlikely
stands for the learned model's doubt, so what is named beyond the rules' vote is the rule's doing.
"""

from __future__ import annotations

import pytest

from tracker.analysis import category_model
from tracker.analysis.classify import CATEGORIES
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document
from tracker.analysis.materiality import version_categories as rules_categories

# every category at a probability of about 2e-9: the model adds nothing, and doubts every watch-out
DOUBTFUL = {"kind": "pooled", "categories": list(CATEGORIES), "intercept": -20.0, "coef": {},
            "threshold": dict.fromkeys(CATEGORIES, 0.5), "max_categories": 5, "combine": "union"}

PRIVACY_EN = [
    "We collect your name, e-mail address and phone number when you open a Quibbly account.",
    "We use your location data to show you nearby Quibbly hosts.",
    "We share your booking history with payment processors and fraud prevention partners.",
    "We keep your messages for three years after your last booking.",
    "You may ask us for a copy of the personal data we hold about you.",
    "We use cookies and similar trackers to measure how visitors use the Quibbly website.",
]
PRIVACY_EN_NEW = [
    "We collect your name, e-mail address, phone number and date of birth when you open a Quibbly account.",
    "We use your precise location data and your contacts to show you nearby Quibbly hosts and friends.",
    "We share your booking history with advertising partners, payment processors and data brokers.",
    "We keep your messages for ten years after your last booking, and your photos indefinitely.",
    "You may ask us for a copy of the personal data we hold about you once a year.",
    "We use cookies, device fingerprints and similar trackers to profile visitors across other websites.",
]


def _doc(title: str, paragraphs: list[str], tail: list[str] = ()) -> str:
    return "\n\n".join([f"# {title}", *paragraphs, *tail]) + "\n"


def _labelled(old: str, new: str):
    diff = diff_texts(old, new)
    return diff.changes, label_document(diff.changes, old, new)


def _version(old: str, new: str) -> tuple[tuple[str, ...], tuple[str, ...], set[str]]:
    """(version categories under the doubtful model, the rules' voted categories, forum_clauses)."""
    diffs, labels = _labelled(old, new)
    every = set(rules_categories(labels, new, capped=False))
    return (category_model.version_categories(diffs, labels, new, model=DOUBTFUL),
            rules_categories(labels, new, watch_outs=False),
            category_model.forum_clauses(diffs, labels, every))


@pytest.mark.parametrize("clause, category", [
    ("These Terms and any dispute about them are governed by the laws of Ireland.", "governing-law"),
    ("Any dispute arising from these Terms is subject to the exclusive jurisdiction of the courts of Dublin.",
     "jurisdiction"),
    ("You agree to indemnify and hold Quibbly harmless from any claim arising from your use of the service.",
     "indemnity"),
])
def test_a_forum_clause_added_in_a_privacy_rewrite_is_named(clause: str, category: str) -> None:
    old = _doc("Quibbly Privacy Policy", PRIVACY_EN)
    new = _doc("Quibbly Privacy Policy", PRIVACY_EN_NEW, ["## Disputes", clause])
    cats, voted, forced = _version(old, new)
    assert category in forced
    assert category in cats, cats
    assert "privacy" in cats
    # (the rules' own vote leaves it out: the rewrite outvotes it, as in the real pairs)
    assert category not in voted, voted


def test_a_forum_clause_removed_is_left_to_the_model() -> None:
    court = "Any dispute arising from these Terms is subject to the exclusive jurisdiction of the courts of Dublin."
    old = _doc("Quibbly Privacy Policy", PRIVACY_EN, ["## Disputes", court])
    new = _doc("Quibbly Privacy Policy", PRIVACY_EN_NEW, ["## Disputes"])
    cats, voted, forced = _version(old, new)
    assert "jurisdiction" not in forced
    assert "jurisdiction" not in cats, cats


def test_a_forum_clause_edited_around_the_same_court_is_left_to_the_model() -> None:
    # the product renamed inside the clause: the court is the same, no clause added or removed
    old = _doc("Quibbly Privacy Policy", PRIVACY_EN, [
        "Any dispute about Quibbly Stays is subject to the exclusive jurisdiction of the courts of Dublin."])
    new = _doc("Quibbly Privacy Policy", PRIVACY_EN_NEW, [
        "Any dispute about Quibbly Homes is subject to the exclusive jurisdiction of the courts of Dublin."])
    cats, voted, forced = _version(old, new)
    assert "jurisdiction" not in forced
    assert "jurisdiction" not in cats, cats


def test_a_topic_word_in_another_sense_forces_nothing() -> None:
    # "law" and "court" outside a forum clause: no watch-out, nothing forced
    old = _doc("Quibbly Privacy Policy", PRIVACY_EN)
    new = _doc("Quibbly Privacy Policy", PRIVACY_EN_NEW, [
        "We disclose personal data when a court order or the law requires it."])
    cats, voted, forced = _version(old, new)
    assert not forced & {"governing-law", "jurisdiction"}
    assert "governing-law" not in cats and "jurisdiction" not in cats, cats


FR_OLD = [
    "Nous collectons votre nom, votre adresse e-mail et votre numéro de téléphone lors de la création du compte Quibbly.",
    "Nous utilisons vos données de localisation pour vous montrer les hôtes Quibbly proches.",
    "Nous conservons vos messages pendant trois ans après votre dernière réservation.",
    "Vous pouvez nous demander une copie des données personnelles que nous détenons sur vous.",
]
FR_NEW = [
    "Nous collectons votre nom, votre adresse e-mail, votre numéro de téléphone et votre date de naissance lors de "
    "la création du compte Quibbly.",
    "Nous utilisons vos données de localisation précises et vos contacts pour vous montrer les hôtes et amis proches.",
    "Nous conservons vos messages pendant dix ans après votre dernière réservation, et vos photos sans limite.",
    "Vous pouvez nous demander une copie des données personnelles que nous détenons sur vous une fois par an.",
]
DE_OLD = [
    "Wir erheben Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer, wenn Sie ein Quibbly-Konto eröffnen.",
    "Wir verwenden Ihre Standortdaten, um Ihnen Quibbly-Gastgeber in Ihrer Nähe zu zeigen.",
    "Wir speichern Ihre Nachrichten drei Jahre nach Ihrer letzten Buchung.",
    "Sie können eine Kopie der personenbezogenen Daten verlangen, die wir über Sie speichern.",
]
DE_NEW = [
    "Wir erheben Ihren Namen, Ihre E-Mail-Adresse, Ihre Telefonnummer und Ihr Geburtsdatum, wenn Sie ein "
    "Quibbly-Konto eröffnen.",
    "Wir verwenden Ihre genauen Standortdaten und Ihre Kontakte, um Ihnen Gastgeber und Freunde in der Nähe zu zeigen.",
    "Wir speichern Ihre Nachrichten zehn Jahre nach Ihrer letzten Buchung und Ihre Fotos unbegrenzt.",
    "Sie können einmal im Jahr eine Kopie der personenbezogenen Daten verlangen, die wir über Sie speichern.",
]


@pytest.mark.parametrize("title, old, new, clause, category", [
    ("Politique de confidentialité de Quibbly", FR_OLD, FR_NEW,
     "Les présentes conditions sont régies par le droit français.", "governing-law"),
    ("Datenschutzerklärung von Quibbly", DE_OLD, DE_NEW,
     "Es gilt deutsches Recht unter Ausschluss des UN-Kaufrechts.", "governing-law"),
    ("Datenschutzerklärung von Quibbly", DE_OLD, DE_NEW,
     "Ausschließlicher Gerichtsstand für alle Streitigkeiten aus diesen Bedingungen ist Berlin.", "jurisdiction"),
])
def test_a_forum_clause_added_is_named_in_french_and_german(title, old, new, clause, category) -> None:
    cats, voted, forced = _version(_doc(title, old), _doc(title, new, [clause]))
    assert category in forced, (forced, cats)
    assert category in cats, cats


def test_forum_clauses_is_bounded_by_the_rules_watch_outs() -> None:
    # a forum watch-out the rules do not name (``every`` without it) is not forced
    old = _doc("Quibbly Privacy Policy", PRIVACY_EN)
    new = _doc("Quibbly Privacy Policy", PRIVACY_EN_NEW, ["These Terms are governed by the laws of Ireland."])
    diffs, labels = _labelled(old, new)
    assert category_model.forum_clauses(diffs, labels, {"governing-law"}) == {"governing-law"}
    assert category_model.forum_clauses(diffs, labels, set()) == set()

"""Words that look like a topic's and are not (explain_audit seed 43: "(pricing)" on data-transfer
clauses, "(jurisdiction)" on sensitive data): "the European Commission" is a public body, not a
fee; "preisgegeben" (disclosed) is no price; "in certain jurisdictions" names places, not courts.
Invented sentences of fictional services, en/fr/de; the real topics keep their words.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores


@pytest.mark.parametrize("text,gone,kept", [
    ("When Corvid Mail transfers your personal data outside the EEA, we rely on an adequacy decision of the European "
     "Commission.", "pricing", "privacy"),
    ("Corvid Mail complies with the orders of the Data Protection Commission about personal data.", "pricing", "privacy"),
    ("Nous utilisons les clauses contractuelles types adoptées par la Commission européenne pour les transferts "
     "de données personnelles.", "pricing", "privacy"),
    ("Corvid haftet nicht für Missbrauch der von Ihnen gegenüber Dritten preisgegebenen Informationen.", "pricing", ""),
    ("Some personal data you give Corvid Mail may count as sensitive in certain jurisdictions.", "jurisdiction",
     "privacy"),
    ("Certaines données que vous fournissez peuvent être considérées comme sensibles dans certaines juridictions.",
     "jurisdiction", ""),
])
def test_a_word_in_passing_is_no_topic(text: str, gone: str, kept: str) -> None:
    scores = category_scores(text)
    assert gone not in scores, scores
    if kept:
        assert kept in scores, scores


@pytest.mark.parametrize("text,topic", [
    ("Corvid Market takes a commission of 12% on each sale.", "pricing"),
    ("Sellers pay commissions on every order they receive.", "pricing"),
    ("Une commission de 5 % est prélevée sur chaque vente.", "pricing"),
    ("Der Kaufpreis ist bei Bestellung fällig.", "pricing"),
    ("Die Preise können sich jederzeit ändern.", "pricing"),
    ("The courts of Harbourtown have exclusive jurisdiction over any dispute.", "jurisdiction"),
    ("Any dispute shall be submitted to the jurisdiction of the courts of Lyon.", "jurisdiction"),
    ("Les juridictions de Lyon sont seules compétentes.", "jurisdiction"),
])
def test_the_topic_words_still_count(text: str, topic: str) -> None:
    assert topic in category_scores(text), category_scores(text)


def test_a_transfer_clause_change_is_tagged_privacy_not_pricing() -> None:
    """The change's tag, what a reader sees: a data transfer under the Commission's decisions is privacy."""
    doc = "# Corvid Mail Privacy\n\n## Transfers\n\n{}\n\n## Contact\n\nWrite to us from the Help page.\n"
    old = ("We transfer personal data outside the EEA only to countries the European Commission has found "
           "adequate.")
    new = ("We transfer personal data outside the EEA to any country, using contractual clauses of the "
           "European Commission.")
    changes = [c for c in analyse(doc.format(old), doc.format(new)).changes if c.kind != "unchanged"]
    assert changes and all("pricing" not in c.categories for c in changes), [(c.categories, c.explanation)
                                                                           for c in changes]
    assert all("(pricing" not in c.explanation for c in changes)


def test_a_stressed_negation_still_governs_the_watch_rule() -> None:
    """"will not, under any circumstances or for any reason, share" is a promise not to share: no
    privacy watch-out, as "will not share" is none; the same words without the "not" are one."""
    from tracker.analysis.classify import classify_text

    assert "privacy" not in classify_text("Corvid Mail will not, under any circumstances or for any commercial "
                                          "reason, share your personal data with advertisers.").watch
    assert "privacy" in classify_text("Corvid Mail will share your personal data with advertisers.").watch


def test_french_en_aucun_cas_is_liability_only_about_what_is_owed() -> None:
    assert "liability" not in category_scores("Nous ne vendrons en aucun cas vos données personnelles.")
    assert "liability" in category_scores("En aucun cas Corvid ne pourra être tenue des dommages indirects.")

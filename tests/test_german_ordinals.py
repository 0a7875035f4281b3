"""A German ordinal is a number with a dot ("Stand: 1. Februar 2026", "das 18. Lebensjahr", "zum
31. März"): its dot ends no sentence (newuser9: "Stand: 1. Februar 2026" -> "15. Februar 2026" was
split after "1.", so the change was "A fragment without a verb, not a term: Stand: 15." instead of
a date-only change). A number that ends a sentence still does. Invented texts (Zahlwerk GmbH)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.clauses import split_sentences

DOC = ("# Allgemeine Geschäftsbedingungen der Zahlwerk GmbH\n\n{stamp}\n\n## 1. Geltungsbereich\n\n"
       "Diese Bedingungen gelten für alle Verträge mit der Zahlwerk GmbH.\n\n## 2. Kündigung\n\n"
       "Die Kündigungsfrist beträgt 30 Tage zum Monatsende.\n")


@pytest.mark.parametrize("old,new", [
    ("Stand: 1. Februar 2026", "Stand: 15. Februar 2026"),
    ("Zuletzt aktualisiert am 3. März 2025", "Zuletzt aktualisiert am 12. März 2025"),
    ("Gültig ab dem 1. Januar 2026", "Gültig ab dem 1. Juli 2026"),
    ("Letzte Aktualisierung: 2. Mai 2026", "Letzte Aktualisierung: 9. Mai 2026"),
])
def test_a_german_stamp_date_is_date_only(old, new):
    got = analyse(DOC.format(stamp=old), DOC.format(stamp=new))
    assert not got.material and [c.cosmetic for c in got.changes] == ["date-only"], got.changes


@pytest.mark.parametrize("text", [
    "Stand: 1. Februar 2026",
    "Sie müssen das 18. Lebensjahr vollendet haben.",
    "Die Kündigung ist jeweils zum 31. März eines Jahres möglich.",
    "Die Gebühren werden am 1. Werktag des Monats fällig.",
])
def test_an_ordinal_ends_no_sentence(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize("text,parts", [
    ("Es gelten die Regeln in Abschnitt 4. Diese gelten für alle.", 2),
    ("We keep your data for 30 days. After that we delete it.", 2),
    ("The limit is 500. Higher limits are sold separately.", 2),
])
def test_a_number_that_ends_a_sentence_still_does(text, parts):
    assert len(split_sentences(text)) == parts

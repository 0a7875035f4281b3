"""Quotes and paraphrases that say what the clause says (newuser12's garbled headlines), tested as
kinds on invented terms of fictional services: a "now" never put inside a noun phrase ("request a
full now refund"), a quote never cut after the negation that gives it its sense, in the
explanation and in the headline, in English, French, German and Spanish.
"""

from __future__ import annotations

import re

import pytest

from tracker.analysis import analyse
from tracker.analysis.headline import headline
from tracker.analysis.lexicons import NEGATION
from tracker.analysis.wording import negation_kept


def _doc(body: str) -> str:
    return f"# Velmora Terms\n\n## Refunds and data\n\n{body}\n\n## Contact\n\nWrite to us from the Help page.\n"


def _changed(old: str, new: str):
    an = analyse(_doc(old), _doc(new))
    changes = [c for c in an.changes if c.kind != "unchanged"]
    assert changes, (old, new)
    return an, changes


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


# --- a "now" inside the value's sentence, never inside its noun phrase ------------------------------

@pytest.mark.parametrize("old,new,noun", [
    ("You may request a full refund within 30 days of purchase.",
     "You may request a full refund within 14 days of purchase.", "full refund"),
    ("Subscribers can claim a prorated credit within 60 days.",
     "Subscribers can claim a prorated credit within 20 days.", "prorated credit"),
    ("Members receive a partial refund within 10 days of cancelling.",
     "Members receive a partial refund within 5 days of cancelling.", "partial refund"),
])
def test_now_never_splits_a_noun_phrase(old: str, new: str, noun: str) -> None:
    """"request a full refund" is an object, whose "refund" is no verb: the sentence never reads
    "request a full now refund", and every word it quotes from the clause is in one version."""
    _, changes = _changed(old, new)
    said = changes[0].explanation
    assert changes[0].material
    assert noun in said, said
    adjective, head = noun.split()
    assert f"{adjective} now {head}" not in said
    # every word is the clause's or the explanation's own frame
    frame = re.sub(r"\s*\([a-z-]+(?:, [a-z-]+)*\)$", "", said)  # less its category tag
    assert _words(frame) - _words(old) - _words(new) <= {"now", "instead", "of"}, said


def test_a_verb_after_its_subject_still_takes_now() -> None:
    """A determiner that opens the clause opens its subject: "Our backup service stores ..." keeps
    "stores" as the verb, said "now stores"."""
    _, changes = _changed("Our backup service stores your archives for 30 days.",
                          "Our backup service stores your archives for 90 days.")
    assert "now stores your archives for 90 days instead of 30" in changes[0].explanation


# --- a quote never drops the negation that gives it its sense ---------------------------------------

NEGATED = [
    ("Velmora will not, under any circumstances or for any commercial reason, share your listening history "
     "with concert promoters.",
     "Velmora will not, under any circumstances or for any commercial reason, share your listening history "
     "with ticket resellers.", "not"),
    ("We never sell, rent or otherwise hand over the voice notes you record in the app to insurance brokers.",
     "We never sell, rent or otherwise hand over the voice notes you record in the app to credit agencies.",
     "never"),
    ("Velmora ne transmettra en aucun cas et pour aucune raison vos listes d’écoute aux organisateurs de concerts.",
     "Velmora ne transmettra en aucun cas et pour aucune raison vos listes d’écoute aux revendeurs de billets.",
     "ne"),
    ("Velmora no compartirá en ningún caso ni por ningún motivo sus listas de reproducción con promotores de "
     "conciertos.",
     "Velmora no compartirá en ningún caso ni por ningún motivo sus listas de reproducción con revendedores de "
     "entradas.", "no"),
]


def _quotes(text: str) -> list[str]:
    return re.findall(r"“([^“”]+)”|« ([^«»]+) »", text) and [a or b for a, b in
                                                           re.findall(r"“([^“”]+)”|« ([^«»]+) »", text)]


@pytest.mark.parametrize("old,new,neg", NEGATED)
def test_explanation_quote_keeps_the_negation(old: str, new: str, neg: str) -> None:
    """Each quote of a negated sentence holds its negation: "…your listening history with ticket
    resellers" alone would say Velmora shares it."""
    an, changes = _changed(old, new)
    said = changes[0].explanation
    quotes = _quotes(said)
    assert quotes, said
    for q in quotes:
        assert NEGATION.search(q), said
        assert neg in q.lower().split() or neg + "," in q.lower().split(), said


@pytest.mark.parametrize("old,new,neg", NEGATED)
def test_headline_quote_keeps_the_negation(old: str, new: str, neg: str) -> None:
    """The headline, short as it must be, cuts other words than the negation: each of its quotes
    still holds it (or the headline quotes nothing)."""
    an, changes = _changed(old, new)
    title = headline(changes, "", 100) if any(c.material for c in changes) else an.summary
    assert len(title) <= 100
    for q in _quotes(title):
        assert NEGATION.search(q), title


def test_german_nicht_kept_in_a_cut_quote() -> None:
    """German: "nicht" before the changed words is part of the quote."""
    before = ("Wir geben Ihre gespeicherten Hörprotokolle nicht, auch nicht auf Anfrage oder gegen Bezahlung, "
              "an Konzertveranstalter weiter.")
    after = before.replace("Konzertveranstalter", "Ticketwiederverkäufer")
    said = negation_kept("Now says “…gegen Bezahlung, an Ticketwiederverkäufer weiter” instead of "
                         "“…gegen Bezahlung, an Konzertveranstalter weiter” (privacy)", before, after)
    for q in _quotes(said):
        assert "nicht" in q, said
    assert said.endswith("(privacy)")


def test_a_quote_without_a_negation_before_it_is_left_alone() -> None:
    """A cut quote whose sentence says no "not" before it is not grown: only a lost negation
    brings words back."""
    before = "Velmora may share your listening history, with your consent, with concert promoters."
    after = before.replace("concert promoters", "ticket resellers")
    expl = "Now says “…with ticket resellers” instead of “…with concert promoters” (privacy)"
    assert negation_kept(expl, before, after) == expl


def test_a_negation_in_an_earlier_sentence_does_not_grow_the_quote() -> None:
    """The look-back stops at the sentence's start: a "not" in the sentence before is not this
    sentence's."""
    before = "We do not sell data. Velmora may share your listening history with concert promoters."
    after = before.replace("concert promoters", "ticket resellers")
    expl = "Now says “…history with ticket resellers” instead of “…history with concert promoters” (privacy)"
    assert negation_kept(expl, before, after) == expl


# --- a value said with its own unit, never the other side's -----------------------------------------

@pytest.mark.parametrize("old,new,was", [
    ("Extra archive space costs $2 per GB.", "Extra archive space costs $20 per TB.", "$2 per GB"),
    ("Extra archive space costs $2 per 100 GB per month.", "Extra archive space costs $3 per TB per month.",
     "$2 per 100 GB per month"),
    ("Velmora Plus costs $5 per month.", "Velmora Plus costs $50 per year.", "$5 per month"),
])
def test_the_old_value_keeps_its_own_unit(old: str, new: str, was: str) -> None:
    """"$20 per TB instead of $2" would say the old price was per TB: the old value is said with
    the words that followed it."""
    _, changes = _changed(old, new)
    said = changes[0].explanation
    assert f"instead of {was}" in said, said


def test_the_same_unit_is_said_once() -> None:
    _, changes = _changed("Extra archive space costs $2 per GB.", "Extra archive space costs $3 per GB.")
    assert "instead of $2 (" in changes[0].explanation or changes[0].explanation.endswith("instead of $2"), \
        changes[0].explanation


def test_a_piece_cut_inside_its_sentence_is_not_quoted_as_a_whole() -> None:
    """"Now says “500 GB cost” instead of “Uploads over 2 TB cost $5 per month”" reads as if the
    new clause were "500 GB cost": both sides are quoted as the phrase the change sits in."""
    _, changes = _changed("Archive uploads over 2 TB cost $5 per month.", "Archive uploads over 500 GB cost $5 per month.")
    said = changes[0].explanation
    quotes = _quotes(said)
    assert len(quotes) == 2, said
    now, was = quotes
    assert "500 GB" in now and "2 TB" in was, said
    for q in quotes:  # each starts where its sentence starts, or says it does not
        assert q.startswith(("Archive", "…")), said

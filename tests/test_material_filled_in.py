"""A clause that only names in full what the text around it already names is no material change
(issue #11's wording-only rewrites); words that look alike but bound a term stay material.

Fixture texts are invented (a fictional seed-box club, "Quillmoor")."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.restating import said_around

EN = """# Quillmoor Privacy Policy

This privacy policy explains how Quillmoor Ltd handles the personal data of the members of its seed-box club.

## Who is responsible

Quillmoor Ltd is responsible for your personal data. If you live in Canada, the Quillmoor Canada Inc. applies to you.

## What we share

We share your name and postal address with our delivery partner, Parcelwick, so that it can deliver your boxes. \
We do not share your phone number with Parcelwick.

## Paying for the club

Membership is billed monthly. Yearly plans are also offered in some regions. You can ask for a refund of your \
last box if it arrived damaged.

## Keeping your data

We delete your data when you close your account. Invoices are kept by our accountants.
"""

FR = """# Charte de confidentialité de Quillmoor

Cette charte explique comment Quillmoor SAS traite les données personnelles des membres de son club de graines.

## Paiement

L'abonnement est facturé chaque mois. Des formules annuelles sont aussi proposées dans certaines régions.
"""

DE = """# Datenschutzerklärung von Quillmoor

Diese Datenschutzerklärung erklärt, wie die Quillmoor GmbH die Daten der Mitglieder ihres Saatgut-Clubs verarbeitet.

## Bezahlung

Die Mitgliedschaft wird monatlich abgerechnet. Jahrestarife werden in einigen Regionen ebenfalls angeboten.
"""


def test_a_document_named_in_full_is_no_material_change():
    # "the Quillmoor Canada Inc. applies" → "... privacy policy applies", in a privacy policy
    new = EN.replace("the Quillmoor Canada Inc. applies to you", "the Quillmoor Canada Inc. privacy policy applies to you")
    result = analyse(EN, new)
    assert not result.material, result.summary
    assert [c.kind for c in result.changes] == ["modified"]


@pytest.mark.parametrize("doc, old, new", [
    # a new item in a list, though the text around names it
    (EN, "We share your name and postal address with", "We share your name, postal address and phone number with"),
    # another rhythm offered ("monthly" → "monthly or yearly"), "yearly" said in the next sentence
    (EN, "Membership is billed monthly.", "Membership is billed monthly or yearly."),
    # a phrase that narrows the term, made of words the text around says
    (EN, "ask for a refund of your last box if", "ask for a refund of your last box for yearly plans if"),
    # a new exception
    (EN, "when you close your account.", "when you close your account, except invoices."),
    # a commitment withdrawn
    (EN, "We do not share your phone number with Parcelwick.", "We share your phone number with Parcelwick."),
    (FR, "facturé chaque mois.", "facturé chaque mois ou chaque année."),
    (FR, "facturé chaque mois.", "facturé chaque mois pour les formules annuelles."),
    (DE, "monatlich abgerechnet.", "monatlich oder jährlich abgerechnet."),
])
def test_look_alikes_that_bound_a_term_stay_material(doc, old, new):
    assert old in doc
    result = analyse(doc, doc.replace(old, new))
    assert result.material, [c.explanation for c in result.changes]


@pytest.mark.parametrize("gained, clause, version, said", [
    (["privacy", "policy"], "the Quillmoor Canada Inc. applies to you.", EN, True),
    (["parcelwick"], "Invoices are kept by our accountants.", EN, False),  # named only far above
    (["parcelwick"], "so that it can deliver your boxes.", EN, True),
    (["confidentialité"], "L'abonnement est facturé chaque mois.", FR, True),  # "confidentialité" in the title
    (["annuelles"], "L'abonnement est facturé chaque mois.", FR, True),  # "formules annuelles" next to it
    (["livraison"], "L'abonnement est facturé chaque mois.", FR, False),
    (["jahrestarife"], "Die Mitgliedschaft wird monatlich abgerechnet.", DE, True),
    (["telefonnummer"], "Die Mitgliedschaft wird monatlich abgerechnet.", DE, False),
])
def test_words_said_around_a_clause(gained, clause, version, said):
    assert said_around(gained, clause, version, width=200) is said


def test_words_that_set_a_term_or_a_missing_clause_are_never_said_around():
    clause = "Membership is billed monthly."
    assert not said_around(["only"], clause, EN)  # a limiter
    assert not said_around(["not"], clause, EN)  # a negation
    assert not said_around(["30"], clause, EN)  # a number
    assert not said_around([], clause, EN)
    assert not said_around(["yearly"], "A clause the version does not hold.", EN)


def test_a_list_item_is_placed_though_the_clause_split_respaced_its_marker():
    version = ("We send the photos you choose to these partners:\n\n1.  Lumenfold Ltd (Ireland);\n"
               "2.  Lumenfold Inc. (photos are protected by the standard contractual clauses).\n")
    # the clause split writes "2.  Lumenfold" as "2. Lumenfold": found by its words all the same
    assert said_around(["lumenfold"], "2. (photos are protected by the standard contractual clauses).", version)
    assert not said_around(["parcelwick"], "2. (photos are protected by the standard contractual clauses).", version)

"""A clause that only says a defined term in the words of its definition (or the term in place of
them), or that only addresses the reader informally instead of formally ("Sie" → "du", "vous" →
"tu"), is reworded, not materially changed (issue #11); look-alikes that change what the clause
covers stay material.

Fixture texts are invented (a fictional kite-rental club, "Windlark")."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.restating import address_only, address_switched, defined_terms, spelled_out

EN = """# Windlark Privacy Policy

Windlark Ltd rents kites to the members of its club.

## What we keep

1. Information collected automatically from members who are visiting the rental desks ("Desk Information").
2. Details you give us when you join ("Member Details").

## Opening hours

The rental desks open at nine in the morning and close at six in the evening on weekdays. On weekends \
they open at ten. Kites are inspected by our staff every evening, repaired when a spar or a line is worn, \
and stored in dry lockers overnight. Lessons for beginners are held on Saturday mornings on the north \
field, weather permitting, and the instructors bring spare harnesses and helmets for every pupil.

## Club events

Every summer the club holds a festival on the beach with a parade of giant kites, a night flight with \
lights and a contest for home-made designs. Members may bring guests to the festival. The programme is \
posted on the noticeboard at each desk two weeks before the festival starts, together with the tide \
tables and the safety briefing that every flyer must read before the parade begins on the first day.

## How we use it

We use Desk Information to plan the opening hours of the rental desks.

We use Member Details to send you your membership card.

We keep your data for 12 months after your last rental.

We share Desk Information with our insurance partner to settle claims for damaged kites.
"""

FR = """# Politique de confidentialité de Windlark

## Ce que nous collectons

Les informations collectées automatiquement aux comptoirs de location (« Relevés de comptoir »).

## Horaires

Les comptoirs ouvrent à neuf heures et ferment à dix-huit heures en semaine. Le week-end, ils ouvrent à \
dix heures. Les cerfs-volants sont inspectés chaque soir par notre équipe, réparés lorsqu'une baguette ou \
une ligne est usée, puis rangés dans des casiers secs pour la nuit. Les cours pour débutants ont lieu le \
samedi matin sur le terrain nord, si la météo le permet, et les moniteurs apportent des harnais et des \
casques de rechange pour chaque élève. Chaque été, le club organise un festival sur la plage avec un \
défilé de cerfs-volants géants, un vol de nuit avec des lumières et un concours de modèles faits maison.

## Utilisation

Nous partageons les Relevés de comptoir avec notre assureur pour régler les sinistres.
"""

DE_FORMAL = """# Gemeinschaftsregeln von Windlark

## Respekt

Beachten Sie, dass die Verantwortung für urheberrechtlich geschützte Fotos und Texte, die Sie teilen, ausschließlich bei Ihnen liegt.

Melden Sie beschädigte Drachen am Verleihschalter. Wenn Sie Fragen haben, schreiben Sie dem Team. Sie finden \
die Regeln auch am Schalter. Sie helfen damit allen Mitgliedern. Bitte lesen Sie die Hinweise, bevor Sie starten.

Sie können Ihr Abonnement jederzeit kündigen.
"""

DE_INFORMAL = """# Gemeinschaftsregeln von Windlark

## Respekt

Beachte, dass die Verantwortung für urheberrechtlich geschützte Fotos und Texte, die du teilst, ausschließlich bei dir liegt.

Melde beschädigte Drachen am Verleihschalter. Wenn du Fragen hast, schreibe dem Team. Du findest \
die Regeln auch am Schalter. Du hilfst damit allen Mitgliedern. Bitte lies die Hinweise, bevor du startest.

Du kannst dein Abonnement jederzeit kündigen.
"""

FR_FORMAL = """# Règles du club Windlark

Vous acceptez de rendre le cerf-volant avant la fermeture du comptoir.
"""


def test_a_defined_term_said_in_the_words_of_its_definition_is_reworded():
    new = EN.replace("We use Desk Information to plan", "We use the information we collect to plan")
    result = analyse(EN, new)
    assert not result.material, result.summary


def test_the_term_put_in_place_of_the_words_of_its_definition_is_reworded():
    old = EN.replace("We use Desk Information to plan", "We use the information we collect to plan")
    result = analyse(old, EN)
    assert not result.material, result.summary


def test_a_french_defined_term_said_in_full_is_reworded():
    new = FR.replace("Nous partageons les Relevés de comptoir avec", "Nous partageons les informations que nous collectons avec")
    result = analyse(FR, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("old, new", [
    # words the definition does not say: a new kind of data
    ("We share Desk Information with", "We share payment details with"),
    # a negation comes with the wording
    ("We share Desk Information with", "We do not share the information we collect with"),
])
def test_look_alikes_of_a_defined_term_stay_material(old, new):
    assert old in EN
    result = analyse(EN, EN.replace(old, new))
    assert result.material, [c.explanation for c in result.changes]


def test_defined_terms_and_their_meaning():
    terms = defined_terms(EN)
    assert ("desk", "information") in terms and ("member", "details") in terms
    assert {"automa", "visiti", "rental"} <= terms[("desk", "information")]
    assert defined_terms("No term is defined here.") == {}
    assert spelled_out(["desk"], ["automatically"], "We use Desk Information.", "We use records made automatically.", EN, EN)
    assert not spelled_out(["desk"], ["location"], "We use Desk Information.", "We use location records.", EN, EN)
    assert not spelled_out([], [], "a", "b", EN, EN)
    # the term dropped for nothing: the clause reads wider
    assert not spelled_out(["desk"], [], "We use Desk Information.", "We use records.", EN, EN)
    # a limiter or a number is never a word of a definition
    assert not spelled_out(["desk"], ["only", "automatically"], "We use Desk Information.", "We use records only made automatically.", EN, EN)


def test_the_reader_addressed_informally_is_no_material_change():
    result = analyse(DE_FORMAL, DE_INFORMAL)
    assert not result.material, result.summary
    back = analyse(DE_INFORMAL, DE_FORMAL)
    assert not back.material, back.summary


def test_french_tu_for_vous_is_no_material_change():
    new = "# Règles du club Windlark\n\nTu acceptes de rendre le cerf-volant avant la fermeture du comptoir.\n"
    assert address_switched(FR_FORMAL, new) == "fr"
    assert address_only(["vous", "acceptez", "tu", "acceptes"], FR_FORMAL, new)
    result = analyse(FR_FORMAL, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("old, new", [
    # a negation came with it
    ("Sie können Ihr Abonnement jederzeit kündigen.", "Du kannst dein Abonnement nicht kündigen."),
])
def test_a_rule_changed_with_the_address_stays_material(old, new):
    assert old in DE_FORMAL
    result = analyse(DE_FORMAL, DE_FORMAL.replace(old, new))
    assert result.material, [c.explanation for c in result.changes]


def test_no_switch_of_address():
    assert address_switched("Sie können kündigen.", "Sie können jederzeit kündigen.") == ""
    assert address_switched("You may cancel.", "You can cancel.") == ""
    assert not address_only(["kündigen"], "Sie können kündigen.", "Sie können kündigen.")
    # another verb than the one the formal text said: another rule
    assert not address_only(["sie", "ausleihen", "du", "beschädigst"], "Die Drachen, die Sie ausleihen.",
                            "Die Drachen, die du beschädigst.")
    assert address_only(["sie", "ausleihen", "du", "ausleihst"], "Die Drachen, die Sie ausleihen.",
                        "Die Drachen, die du ausleihst.")

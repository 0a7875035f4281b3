"""False alarms of kinds met on the a-o dev pairs (issue 11, session 20), on invented terms of
fictional services: each kind as it was met, in other wordings or languages, and a look-alike that
must stay material."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_user_count

TERMS = """\
# Quillmoor Terms of Service

## 1. Your account

You must be at least 16 to open a Quillmoor account.
We may suspend your account if you break these terms.

## 2. Content moderation

You keep the rights to the stories you post on Quillmoor.
We may remove stories that break our community rules.

## 3. Contact

Write to help@quillmoor.example with any question.
"""


# --- a count of monthly active users published under the Digital Services Act -------------------
@pytest.mark.parametrize("figure", [
    "The average monthly active recipients of Quillmoor in the European Union over the past six months was 2.4M.",
    "Average monthly active recipients in the EU: 310,000 (1 January to 30 June 2025).",
    "Nombre moyen mensuel de destinataires actifs du service dans l'Union européenne : 1,2 million.",
    "Die durchschnittliche Zahl der monatlich aktiven Nutzer in der EU betrug 850.000.",
    "El número medio mensual de destinatarios activos del servicio en la UE es de 75.000.",
])
def test_a_published_count_of_active_users_is_not_material(figure):
    assert is_user_count(figure)
    # (under a heading on moderation, where a number used to read as a term of it)
    with_figure = TERMS.replace("## 3. Contact", f"**EU transparency disclosure (updated 1 July 2025).**\n\n{figure}\n\n"
                                                 "## 3. Contact")
    for old, new in ((TERMS, with_figure), (with_figure, TERMS)):
        result = analyse(old, new)
        assert not result.material, result.summary
    changed = with_figure.replace("2.4M", "2.9M").replace("310,000", "420,000").replace("1,2 million", "1,4 million") \
        .replace("850.000", "910.000").replace("75.000", "80.000")
    assert not analyse(with_figure, changed).material


@pytest.mark.parametrize("rule", [
    "We will publish the number of monthly active recipients in the EU every 6 months.",
    "You may not have more than 5 active users on a free Quillmoor plan.",
])
def test_a_rule_about_active_users_is_no_published_count(rule):
    assert not is_user_count(rule)


def test_a_limit_on_active_users_added_stays_material():
    new = TERMS.replace("## 2. Content moderation", "A free plan allows at most 3 active users; we may close accounts "
                                                   "that exceed it.\n\n## 2. Content moderation")
    assert analyse(TERMS, new).material

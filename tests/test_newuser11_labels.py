"""newuser11 items 6 and 9: feed/page titles never end on a bare lead ("Removed"), and a
quantity with a magnitude suffix changed in a table cell is a value change, not a name."""

from __future__ import annotations

import pytest

from tracker.publish.catalog import TITLE_MAX, fit_title

LONG_DE = ("Removed: « Die Mitgliedschaft bei Kastanienhof Online kann von beiden Seiten mit einer Frist "
           "von sechs Wochen zum Monatsende schriftlich gekündigt werden. »")
LONG_FR = ("Now says « L'abonnement à Brioche Cloud peut être résilié par chacune des parties avec un préavis "
           "de deux mois avant la fin de la période en cours »")
LONG_ES = ("No longer says: « Le avisaremos con cuarenta y cinco días de antelación antes de modificar "
           "las condiciones del servicio de Tortuga Nube »")


@pytest.mark.parametrize("what", [LONG_DE, LONG_FR, LONG_ES, LONG_DE + " (+2 more)",
                                  "In § 4 Kündigung: " + LONG_DE])
def test_title_keeps_the_start_of_the_quote_after_a_bare_lead(what: str) -> None:
    title = fit_title("Kastanienhof Online GmbH AGB", what)
    lead = what.split("«")[0].strip()
    assert len(title) <= TITLE_MAX
    assert "…" in title
    # the lead is followed by the quote's first words, never the lead alone
    tail = title.split(lead, 1)[1]
    assert len(tail.strip(" :«»…(+2more)").split()) >= 4, title
    assert title.rfind("«") < title.rfind("»"), title  # the quote the cut opened is closed
    if "(+2 more)" in what:
        assert title.endswith("(+2 more)")


def test_short_headline_with_quote_is_kept_whole() -> None:
    what = "Removed: « Der Vertrag endet automatisch. »"
    assert fit_title("Kastanienhof AGB", what) == "Kastanienhof AGB: " + what


def test_quote_is_still_spared_after_a_sentence_that_says_the_fact() -> None:
    what = ("The competent court is now in Bruges instead of Ghent: « Tout litige relève de la "
            "compétence exclusive des tribunaux de Bruges, sans exception aucune pour les clients »")
    title = fit_title("Brioche Cloud Conditions générales", what)
    assert title == "Brioche Cloud Conditions générales: The competent court is now in Bruges instead of Ghent"

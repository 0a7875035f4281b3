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


# --- item 6: a quantity with a magnitude or unit in a table cell --------------------------------
PLANS = """\
# Orbitly Pricing

## Plans

| Plan | {price} | {qty} |
| --- | --- | --- |
| Starter | {p1} | {q1} |
| Growth | {p2} | {q2} |

## Credits

Prepaid credits expire 12 months after purchase.
"""


@pytest.mark.parametrize("price, qty, old, new", [
    ("Price", "Tokens", "10M", "5M"),
    ("Monthly fee", "Storage", "2GB", "500MB"),
    ("Preis", "Anfragen", "100K Anfragen", "50K Anfragen"),
    ("Prix", "Stockage", "20 Go", "5 Go"),
    ("Price", "API calls", "5k", "2k"),
])
def test_a_quantity_cut_in_a_pricing_table_is_material(price: str, qty: str, old: str, new: str) -> None:
    from tracker.analysis import analyse

    before = PLANS.format(price=price, qty=qty, p1="$12 a month", q1="1M", p2="$40 a month", q2=old)
    after = PLANS.format(price=price, qty=qty, p1="$12 a month", q1="1M", p2="$40 a month", q2=new)
    result = analyse(before, after)
    changed = [c for c in result.changes if c.kind != "unchanged"]
    assert changed, result.summary
    label = changed[0]
    assert label.material, label.explanation
    assert "name" not in label.explanation.lower(), label.explanation
    assert new in label.explanation and old in label.explanation, label.explanation


def test_a_quota_column_without_a_price_column_is_usage_rules() -> None:
    from tracker.analysis import analyse

    table = "# Orbitly Limits\n\n## Fair use\n\n| Plan | Daily limit |\n| --- | --- |\n| Starter | {a} |\n| Growth | 20k |\n"
    result = analyse(table.format(a="10k"), table.format(a="1k"))
    label = next(c for c in result.changes if c.kind != "unchanged")
    assert label.material and "usage-rules" in label.categories, label


def test_a_quantity_in_a_sentence_is_never_only_a_name() -> None:
    from tracker.analysis import analyse

    text = "# Orbitly Terms\n\n## Usage\n\nEach Growth workspace includes {q} of storage for uploaded files.\n"
    result = analyse(text.format(q="50GB"), text.format(q="5GB"))
    label = next(c for c in result.changes if c.kind != "unchanged")
    assert "name" not in label.explanation.lower(), label.explanation
    assert label.severity != "cosmetic", label


# --- item 7: two sentences of a paragraph swapped, a pronoun put for what it names -----------------
SWAP = "# Lumora Terms\n\n## 4. Recordings\n\n{para}\n\n## 5. Support\n\nSupport answers by email.\n"


@pytest.mark.parametrize("old, new", [
    ("We delete your recordings after 90 days. We never sell them to advertisers.",
     "We never sell your recordings to advertisers. We delete them after 90 days."),
    ("Nous supprimons vos enregistrements après 90 jours. Nous ne les vendons jamais.",
     "Nous ne vendons jamais vos enregistrements. Nous les supprimons après 90 jours."),
])
def test_sentences_swapped_with_a_pronoun_are_not_material(old: str, new: str) -> None:
    from tracker.analysis import analyse

    result = analyse(SWAP.format(para=old), SWAP.format(para=new))
    assert not result.material, result.summary
    assert not any(c.material for c in result.changes), [c.explanation for c in result.changes]


def test_a_pronoun_for_a_thing_the_old_text_never_named_stays_a_change() -> None:
    from tracker.analysis import analyse

    old = "We keep backups for 90 days. We never sell them to advertisers."
    new = "We keep backups for 90 days. We never sell your voice recordings to advertisers."
    result = analyse(SWAP.format(para=old), SWAP.format(para=new))
    assert not any("same thing named" in c.explanation for c in result.changes)

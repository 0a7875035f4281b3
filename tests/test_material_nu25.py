"""Wrong labels of a first-time user trial (nu25), each fixed as a kind, on invented terms of
fictional services: a number restated in another form, a closed-class word swapped (no rename), a
version stamp (not "only a date") and a deleted limit on what the company does with the users'
data or content. Each kind comes with a look-alike that must keep its old label."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

TERMS = """\
# Pebblemoor Terms of Service

## 1. Refunds

{refund}

## 2. Fees

{fee}

## 3. Support

{support}
"""

REFUND = "You may cancel within thirty days for a full refund."
FEE = "A late fee of ten percent applies to overdue invoices."
SUPPORT = "Our support team is available Monday to Friday."


def _doc(refund: str = REFUND, fee: str = FEE, support: str = SUPPORT) -> str:
    return TERMS.format(refund=refund, fee=fee, support=support)


def _changed(result):
    return [c for c in result.changes if c.kind != "unchanged"]


# --- 1. the same number restated in another form: cosmetic --------------------------------------
@pytest.mark.parametrize("old, new", [
    ({"refund": REFUND}, {"refund": "You may cancel within thirty (30) days for a full refund."}),
    ({"refund": "You may cancel within thirty (30) days for a full refund."}, {"refund": REFUND}),
    ({"refund": "You may cancel within 30 days for a full refund."},
     {"refund": "You may cancel within 30 (thirty) days for a full refund."}),
    ({"fee": FEE}, {"fee": "A late fee of ten percent (10%) applies to overdue invoices."}),
    ({"fee": "A late fee of 10% applies to overdue invoices."},
     {"fee": "A late fee of ten percent (10%) applies to overdue invoices."}),
    ({"fee": "A handling fee of USD 5 applies to each order."},
     {"fee": "A handling fee of USD 5 ($5) applies to each order."}),
    ({"refund": "Vous pouvez annuler dans un délai de trente jours."},
     {"refund": "Vous pouvez annuler dans un délai de trente (30) jours."}),
])
def test_a_number_restated_in_another_form_is_cosmetic(old, new):
    result = analyse(_doc(**old), _doc(**new))
    assert not result.material, result.summary
    assert all(not c.material for c in result.changes)


@pytest.mark.parametrize("old, new", [
    ({"refund": REFUND}, {"refund": "You may cancel within thirty (45) days for a full refund."}),
    ({"refund": "You may cancel within thirty (30) days for a full refund."},
     {"refund": "You may cancel within thirty (45) days for a full refund."}),
    ({"refund": "You may cancel within 30 days for a full refund."},
     {"refund": "You may cancel within 14 days for a full refund."}),
    ({"refund": "You may cancel within thirty (30) days for a full refund."},
     {"refund": "You may cancel within fourteen (14) days for a full refund."}),
    ({"fee": "A late fee of 10% applies to overdue invoices."},
     {"fee": "A late fee of ten percent (15%) applies to overdue invoices."}),
])
def test_another_number_in_brackets_stays_material(old, new):
    assert analyse(_doc(**old), _doc(**new)).material


# --- 2. a closed-class word swapped is no rename --------------------------------------------------
@pytest.mark.parametrize("new", [
    "Our support team is available Monday to Saturday.",
    "Our support team is available Tuesday to Friday.",
])
def test_a_weekday_swapped_is_not_a_rename(new):
    result = analyse(_doc(), _doc(support=new))
    (change,) = _changed(result)
    assert change.cosmetic != "renamed"
    assert "name" not in change.explanation.lower(), change.explanation


@pytest.mark.parametrize("old, new", [
    ("Invoices are issued in January and July.", "Invoices are issued in January and June."),
    ("Le support répond du lundi au vendredi.", "Le support répond du lundi au samedi."),
])
def test_a_month_or_a_foreign_weekday_swapped_is_not_a_rename(old, new):
    (change,) = _changed(analyse(_doc(support=old), _doc(support=new)))
    assert change.cosmetic != "renamed"
    assert "name" not in change.explanation.lower(), change.explanation


def test_an_ordinary_word_swapped_once_is_not_a_rename():
    old = _doc(support="Standard plans include email support. We offer standard and premium plans.")
    new = _doc(support="Premium plans include email support. We offer standard and premium plans.")
    (change,) = _changed(analyse(old, new))
    assert change.cosmetic != "renamed"
    assert "Only a name" not in change.explanation


def test_a_brand_replaced_throughout_stays_a_rename():
    old = _doc().replace("Our support team", "Acme Widgets support") + "\nAcme Widgets provides the service.\n"
    new = _doc().replace("Our support team", "Acme Gadgets support") + "\nAcme Gadgets provides the service.\n"
    result = analyse(old, new)
    assert not result.material, result.summary
    assert any(c.cosmetic == "renamed" and "Widgets" in c.explanation for c in result.changes)


def test_a_company_name_replaced_stays_a_rename():
    old = _doc(support="The service is run by Brightloop. Brightloop may update this page.")
    new = _doc(support="The service is run by Nimbuso. Nimbuso may update this page.")
    result = analyse(old, new)
    assert not result.material, result.summary
    assert any(c.cosmetic == "renamed" for c in result.changes)


def test_a_domain_replaced_is_not_material():
    old = _doc(support="Visit brightloop.example for help.")
    new = _doc(support="Visit nimbuso.example for help.")
    assert not analyse(old, new).material


# --- 3. a version stamp: the version number is said, never "only a date" --------------------------
STAMPED = "# Pebblemoor Terms\n\n{stamp}\n\nThese terms govern your use of Pebblemoor.\n"


@pytest.mark.parametrize("old, new, said", [
    ("Version 3.1, effective 5 Jan 2026", "Version 3.2, effective 1 Apr 2026", "version number and date"),
    ("Effective 5 Jan 2026 (v3.1)", "Effective 1 Apr 2026 (v3.2)", "version number and date"),
    ("Revision 12 - effective 5 Jan 2026", "Revision 13 - effective 1 Apr 2026", "version number and date"),
    ("Version 3.1, effective 5 Jan 2026", "Version 3.2, effective 5 Jan 2026", "version number changed"),
])
def test_a_version_stamp_says_its_version_changed(old, new, said):
    result = analyse(STAMPED.format(stamp=old), STAMPED.format(stamp=new))
    assert not result.material, result.summary
    (change,) = _changed(result)
    assert said in change.explanation, change.explanation
    assert "Only a date" not in change.explanation


def test_a_date_alone_still_says_only_a_date():
    result = analyse(STAMPED.format(stamp="Version 3.1, effective 5 Jan 2026"),
                     STAMPED.format(stamp="Version 3.1, effective 1 Apr 2026"))
    (change,) = _changed(result)
    assert change.explanation == "Only a date changed"


# --- 4. a deleted limit on what the company does with the users' data or content -----------------
CONTENT = """\
# Pixlane Terms

## 4. Your content

You keep ownership of the content you upload. You grant us a licence to host and display it. {limit}

## 5. Personal data

We collect your email address when you register. {data_limit}
"""


@pytest.mark.parametrize("limit, data_limit, category", [
    ("We use it only to provide the service.", "", "content-rights"),
    ("We access it solely to fix problems you report.", "", "content-rights"),
    ("", "We process this information solely for billing.", "privacy"),
    ("", "We use it only to send you receipts.", "privacy"),
])
def test_a_deleted_limit_on_use_is_material(limit, data_limit, category):
    old = CONTENT.format(limit=limit, data_limit=data_limit)
    new = CONTENT.format(limit="", data_limit="")
    result = analyse(old, new)
    assert result.material, result.summary
    (change,) = [c for c in result.changes if c.material]
    assert category in change.categories
    assert "limit" in change.explanation, change.explanation


def test_a_deleted_sentence_setting_no_limit_stays_minor():
    old = CONTENT.format(limit="We hope you enjoy sharing it.", data_limit="")
    new = CONTENT.format(limit="", data_limit="")
    assert not analyse(old, new).material

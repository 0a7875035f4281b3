"""Kinds of fault met on unseen real pairs (issue 11, session 13: the dev batches v-w, never tuned
on before), each on invented terms of fictional services in several wordings, with look-alikes
that must keep their label. False alarms: a link target written as an app's own address, a
capture cut off inside a link's text, a pointer to the current or summary version of the text
for some readers, a clause saying which copy of the text prevails (a translation, a summary), a
bracketed pointer put into or taken out of a sentence, a postal address written the Spanish or
Italian way. Miss: a cut-off date a term turns on moved ("users who registered after DATE")."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import truncated_side

TERMS = """\
# Vornix Terms of Service

Last updated: March 1, 2026

## 1. Software

Most source code for Vornix Desktop is available free of charge under open source licence agreements at https://code.vornix.example/licences.html.

## 2. Data

To show you personalised offers, we provide your data to partners which provide advertising services (please see the list of advertising partners here).

We collect your email address to run your account.

## 3. Disputes

For users whose first registration for the Services occurred after December 5, 2018, these Terms are governed by the laws of Ireland.

Orders placed before 1 March 2026 may be cancelled free of charge within 30 days.

## 4. Contact

If you live in Latin America: Vornix Argentina S.A., Calle Florida 120, Piso 4, Buenos Aires, privacy@vornix.example
"""


def run(old: str, new: str):
    return analyse(old, new)


# --- a link target written as any scheme's address ----------------------------------------------
@pytest.mark.parametrize("target", ["vornix://credits.", "about-vornix://licences.",
                                    "ftp://mirror.vornix.example/licences.txt."])
def test_a_link_target_in_any_scheme_is_links_only(target):
    new = TERMS.replace("https://code.vornix.example/licences.html.", target)
    result = run(TERMS, new)
    assert not result.material, result.summary
    assert "links-only" in result.cosmetic


def test_words_changed_beside_a_link_target_stay_material():
    new = TERMS.replace("available free of charge under open source licence agreements at https://code.vornix.example/licences.html.",
                        "available for a fee of $5 under commercial licence agreements at vornix://credits.")
    assert run(TERMS, new).material


# --- a capture cut off inside a link's text ----------------------------------------------------
LONG = "\n\n".join(
    ["# Vornix Privacy Policy", "Welcome to the Vornix Privacy Policy. Thank you for taking the time to read it. "
     "This Policy describes our privacy practices in plain language, keeping legal and technical jargon to a minimum.",
     "EFFECTIVE DATE: May 25, 2026",
     "1. [WHO WE ARE](#who-we-are)", "2. [WHERE THIS PRIVACY POLICY APPLIES](#where-this-policy-applies)",
     "3. [WHAT WE COLLECT](#what-we-collect)"]
    + [f"## Section {k}\n\nWe collect the data you give us when you use feature {k}, and we keep it for as "
       f"long as your account is open or as the law requires it." for k in range(1, 30)])


@pytest.mark.parametrize("cut", ["2. [WHERE THIS PRIVACY POLI](#where-this-privacy-policy-applies)",
                                 "2. [WHERE TH](#where-this-privacy-policy-applies)",
                                 "2. [WHERE THIS PRIVACY POLICY APPL](https://vornix.example/privacy#where-this-privacy-policy-applies)"])
def test_a_capture_cut_inside_a_links_text_is_cut_off(cut):
    head = LONG.split("2. [WHERE")[0]
    assert truncated_side(LONG, head + cut) == "new"
    assert not run(LONG, head + cut).material


def test_a_capture_that_ends_on_a_whole_link_is_not_called_cut_off():
    head = LONG.split("3. [WHAT")[0].rstrip()
    assert truncated_side(LONG, head) is None


# --- a pointer to the current or summary version for some readers ------------------------------
@pytest.mark.parametrize("pointer", [
    "If you are located in the EEA, UK, and Switzerland, you can view your current Privacy Policy here.",
    "If you live in Canada, you may also access the previous version of these Terms here.",
    "If you want to read the main points of this policy in a simple way, for instance if you are a minor, "
    "you can [access this Summary](https://vornix.example/summary).",
])
def test_a_pointer_to_another_version_of_the_text_is_not_material(pointer):
    new = TERMS.replace("## 2. Data\n", f"## 2. Data\n\n{pointer}\n")
    result = run(TERMS, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("right", [
    "If you have an account, you can access your personal data at any time in your settings.",
    "If you live in the EEA, you may download your data in a portable format.",
])
def test_a_right_given_to_some_readers_stays_material(right):
    new = TERMS.replace("## 2. Data\n", f"## 2. Data\n\n{right}\n")
    assert run(TERMS, new).material


# --- which copy of the text prevails -----------------------------------------------------------
@pytest.mark.parametrize("note", [
    "In the event of any discrepancy between the English text and this translation, the English version shall prevail.",
    "This translation is provided for convenience only.",
    "In case of conflict between this Policy and the summary, only this Policy shall prevail.",
    "The French version of this document is available here and prevails over the other language versions.",
])
def test_which_copy_of_the_text_prevails_is_not_material(note):
    new = TERMS.replace("## 4. Contact\n", f"{note}\n\n## 4. Contact\n")
    result = run(TERMS, new)
    assert not result.material, result.summary


def test_which_document_prevails_stays_material():
    note = "In case of conflict between these Terms and the Vornix Seller Addendum, the Seller Addendum shall prevail."
    new = TERMS.replace("## 4. Contact\n", f"{note}\n\n## 4. Contact\n")
    assert run(TERMS, new).material


# --- a bracketed pointer put into or taken out of a sentence -----------------------------------
@pytest.mark.parametrize("inner", ["please see the list of advertising partners here",
                                   "see our Cookie Notice for the list of partners",
                                   "for more information, see our Partners page"])
def test_a_bracketed_pointer_removed_is_not_material(inner):
    old = TERMS.replace("please see the list of advertising partners here", inner)
    new = old.replace(f" ({inner})", "")
    result = run(old, new)
    assert not result.material, result.summary


def test_a_bracketed_condition_removed_stays_material():
    old = TERMS.replace("(please see the list of advertising partners here)", "(only if you have given your consent)")
    new = old.replace(" (only if you have given your consent)", "")
    assert run(old, new).material


# --- a postal address written another country's way --------------------------------------------
@pytest.mark.parametrize("address", ["Av. Leandro Alem 1050, Piso 13, Buenos Aires",
                                     "Avenida Corrientes 800, Planta 2, Buenos Aires",
                                     "Viale Monza 12, Milano"])
def test_a_postal_address_moved_is_contact_details(address):
    new = TERMS.replace("Calle Florida 120, Piso 4, Buenos Aires", address)
    result = run(TERMS, new)
    assert not result.material, result.summary


# --- a cut-off date a term turns on ----------------------------------------------------------------
@pytest.mark.parametrize("old, new", [
    ("occurred after December 5, 2018", "occurred after November 26, 2025"),
    ("Orders placed before 1 March 2026", "Orders placed before 1 June 2026"),
    ("occurred after December 5, 2018", "occurred on or after 5 December 2019"),
])
def test_a_cut_off_date_moved_is_material(old, new):
    result = run(TERMS, TERMS.replace(old, new))
    assert result.material, result.summary
    change = next(c for c in result.changes if c.material)
    assert "instead of" in change.explanation


@pytest.mark.parametrize("old, new", [
    ("Last updated: March 1, 2026", "Last updated: June 9, 2026"),
    ("## 1. Software\n", "## 1. Software\n\nThese Terms take effect for existing users after 1 April 2026.\n"),
])
def test_a_date_saying_when_the_text_applies_stays_date_only(old, new):
    base = TERMS.replace(old, new) if "take effect" not in new else TERMS.replace(old, new)
    later = base.replace("June 9, 2026", "June 19, 2026").replace("after 1 April 2026", "after 1 May 2026")
    assert not run(base, later).material


# --- a line of a table of contents -----------------------------------------------------------------
POLICY = """\
# Quillo Privacy Policy

* 1\\. Who we are
* 2\\. What we collect
* 5\\. Your rights

1\\. Who we are

Quillo Ltd runs the Quillo app.

2\\. What we collect

We collect your name and email address.

We collect:

* Contact details
* Payment details

Contact details

We keep your contact details for 12 months after you close your account.

Payment details

Our payment processor keeps your card number.

5\\. Your rights

You may ask us to delete your data.
"""


@pytest.mark.parametrize("entry, section", [
    ("* 3\\. How we use your data", "3\\. How we use your data\n\nWe share your email address with advertising partners.\n\n"),
    ("* [4. Sharing](#sharing)", "4\\. Sharing\n\nWe may sell your purchase history to data brokers.\n\n"),
])
def test_a_new_line_of_a_table_of_contents_is_not_material_but_its_section_is(entry, section):
    new = POLICY.replace("* 5\\. Your rights\n", f"{entry}\n* 5\\. Your rights\n").replace(
        "5\\. Your rights\n\nYou may", f"{section}5\\. Your rights\n\nYou may")
    result = run(POLICY, new)
    assert result.material  # the section itself is new terms
    entry_change = next(c for c in result.changes if c.after and c.after.strip() == entry)
    assert not entry_change.material, entry_change.explanation


def test_a_contents_line_added_alone_is_not_material():
    old = POLICY.replace("* 2\\. What we collect\n", "")
    assert not run(old, POLICY).material


def test_an_item_of_a_list_of_data_named_like_a_later_section_stays_material():
    new = POLICY.replace("* Payment details\n", "* Payment details\n* Location details\n").replace(
        "Our payment processor keeps your card number.\n",
        "Our payment processor keeps your card number.\n\nLocation details\n\nWe keep your city.\n")
    result = run(POLICY, new)
    item = next(c for c in result.changes if c.after and c.after.strip() == "* Location details")
    assert item.material, item.explanation


# --- a remedy given to the user or taken away ------------------------------------------------------
@pytest.mark.parametrize("remedy", [
    "If you are not satisfied with our final response, you can escalate your complaint to the Financial Ombudsman.",
    "Customers may also appeal the decision to an independent reviewer within the app.",
    "Si notre réponse ne vous satisfait pas, vous pouvez saisir le médiateur de la consommation.",
])
def test_a_new_remedy_of_the_user_is_material(remedy):
    new = TERMS.replace("## 4. Contact\n", f"{remedy}\n\n## 4. Contact\n")
    result = run(TERMS, new)
    assert result.material, result.summary


def test_a_remedy_taken_away_is_material():
    remedy = "If you are not satisfied with our final response, you can escalate your complaint to the Financial Ombudsman."
    old = TERMS.replace("## 4. Contact\n", f"{remedy}\n\n## 4. Contact\n")
    assert run(old, TERMS).material


@pytest.mark.parametrize("line", [
    "You can find our offices in the city centre, next to the station.",
    "Our team is happy to hear from you.",
])
def test_a_sentence_about_the_user_without_a_remedy_stays_not_material(line):
    new = TERMS.replace("## 4. Contact\n", f"{line}\n\n## 4. Contact\n")
    assert not run(TERMS, new).material

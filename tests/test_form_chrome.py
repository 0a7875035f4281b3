"""A page's form or loader captured below the terms (a demo-booking form, a contact form: "LOADING",
"Something went wrong", "Email Address*", "* Indicates a required field", a privacy note on what the
form collects) is page chrome, not new terms: the block of clauses it adds at the end of the
capture, or removes from it, is not material (``materiality._edge_chrome``, its widget marks),
in English, French and German. A new section at the end of the terms without any such mark is
still read as usual (issue #11, precision of the material flag)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse

TERMS = "# Terms of Use of Quillmere\n\n" + "".join(f"""
## {n}. Section {n}

Quillmere lets you keep notebooks online. You must keep your password secret and tell us within 7 days
if someone used your account without your permission; we are not liable for notebooks lost that way.
Section {n} applies to every plan, free or paid, and to every notebook shared with other people.
""" for n in range(1, 8))

FORMS = {
    "en": """
Got a few minutes? _Let's get started._

LOADING

Next

Privacy note: we will collect your information when you press 'next' and may use it to tell you about our plans.

Email Address\\*

Something went wrong

First and Last Name

Phone Number

\\* Indicates a required field

Schedule a Demo

_Thank you!_ We look forward to showing you Quillmere.
""",
    "fr": """
Vous avez quelques minutes ? _Commençons._

Chargement en cours

Suivant

Nous collecterons vos informations lorsque vous cliquerez sur « suivant » et pourrons les utiliser pour vous présenter nos offres.

Adresse e-mail\\*

Une erreur s'est produite

\\* Champs obligatoires

Réserver une démo
""",
    "de": """
Haben Sie ein paar Minuten? _Legen wir los._

Wird geladen

Weiter

Wir erheben Ihre Angaben, wenn Sie auf „Weiter“ klicken, und können sie nutzen, um Ihnen unsere Tarife vorzustellen.

E-Mail-Adresse\\*

Etwas ist schiefgelaufen

\\* Pflichtfeld

Demo vereinbaren
""",
}


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_a_form_captured_below_the_terms_is_page_chrome(lang: str) -> None:
    with_form = TERMS + FORMS[lang]
    added = analyse(TERMS, with_form)
    assert added.changes and not added.material, added.summary
    removed = analyse(with_form, TERMS)
    assert removed.changes and not removed.material, removed.summary


def test_a_new_last_section_is_still_read() -> None:
    new = TERMS + """
## 8. Data we share

We will share your email address and the titles of your notebooks with advertising partners.
"""
    assert analyse(TERMS, new).material

"""Kinds of fault met on unseen real pairs (issue 11, session 22: the fresh batch zzz), each on
invented terms of fictional services, in English, French and German where the rule reads words,
with look-alikes that must keep their label.

- a page of excerpts captured instead of the terms: a legal hub's index (or the terms folded
  behind a click) whose every paragraph stops with an ellipsis before a "Read more" control,
  and the whole terms back after it: neither side is a change of terms.
- a pointer said as a purpose, then where to look ("To view our request statistics, please visit
  our Statistics page"; fr "Pour consulter ..., rendez-vous sur notre page ..."; de "Um ...
  einzusehen, besuchen Sie unsere ...seite"): no term of its own; a purpose that exercises a
  right ("To opt out, visit ...") is read as usual.
- work said as under way on the service ("We are currently overhauling our sales platforms for
  you"; fr "Nous sommes en train de moderniser notre espace client"; de "Wir überarbeiten derzeit
  unser Kundenkonto"), put in or taken out of an introduction: news, not a term; with a modal,
  or about the user's data or a model, it is read as usual.

Missed:
- another company now gets the users' data, said by putting its name where the old one stood
  ("shares the data with Veritock, who acts as our data processor" → "with Nexaproof"; fr "avec
  Veritock, notre sous-traitant"; de "an Veritock als Auftragsverarbeiter"): a new recipient of
  the data (privacy), not a rename; the provider's own name replaced throughout stays a rename.
- a benefit of a plan now kept only until a date ("The press benefit is guaranteed until August
  2027"; fr "L'avantage presse est garanti jusqu'en août 2027"; de "Der Pressevorteil ist bis
  August 2027 garantiert"): a time limit on what the plan gives (service-changes); a date that
  only says when the text was updated is not one.
- an amount of data or a data rate a plan gives changed in a table row or a sentence, with no
  bound word before it ("50-150 Mbps" -> "50-300 Mbps", "100 Go" -> "50 Go", "100 Mbit/s" ->
  "250 Mbit/s"): material; the same measure written another way ("50GB" -> "50 GB") is not.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import teaser_side

# --- a page of excerpts ---------------------------------------------------------------------------

_CLAUSES = {
    "en": [
        "Welcome to Quillmark! These Terms of Use govern your rights and obligations when you use the Quillmark "
        "notebook app and website, together the Service.",
        "You must be 16 years of age or older to create a Quillmark account.",
        "You may not resell the Service or offer it to third parties as part of a service of your own.",
        "Quillmark may suspend your account if you materially or repeatedly breach these Terms.",
        "Paid plans renew every month until you cancel them in your account settings.",
        "Refunds are given for the current month only when the Service was unavailable for more than 3 days.",
        "Quillmark's total liability is limited to the fees you paid in the 12 months before the claim.",
        "These Terms are governed by the laws of Portugal and disputes go to the courts of Lisbon.",
    ],
    "fr": [
        "Bienvenue sur Quillmark ! Les présentes conditions d'utilisation régissent vos droits et obligations lorsque "
        "vous utilisez l'application et le site Quillmark, ensemble le Service.",
        "Vous devez avoir au moins 16 ans pour créer un compte Quillmark.",
        "Vous ne pouvez pas revendre le Service ni le proposer à des tiers dans un service qui vous est propre.",
        "Quillmark peut suspendre votre compte en cas de manquement grave ou répété aux présentes conditions.",
        "Les abonnements payants sont renouvelés chaque mois jusqu'à leur résiliation dans les paramètres du compte.",
        "Un remboursement du mois en cours n'est accordé que si le Service a été indisponible plus de 3 jours.",
        "La responsabilité totale de Quillmark est limitée aux sommes payées au cours des 12 derniers mois.",
        "Les présentes conditions sont régies par le droit portugais et les litiges relèvent des tribunaux de Lisbonne.",
    ],
    "de": [
        "Willkommen bei Quillmark! Diese Nutzungsbedingungen regeln Ihre Rechte und Pflichten bei der Nutzung der "
        "Quillmark-App und der Website, zusammen der Dienst.",
        "Sie müssen mindestens 16 Jahre alt sein, um ein Quillmark-Konto zu erstellen.",
        "Sie dürfen den Dienst nicht weiterverkaufen oder Dritten als Teil eines eigenen Dienstes anbieten.",
        "Quillmark kann Ihr Konto sperren, wenn Sie wesentlich oder wiederholt gegen diese Bedingungen verstoßen.",
        "Bezahlte Tarife verlängern sich monatlich, bis Sie sie in den Kontoeinstellungen kündigen.",
        "Eine Erstattung für den laufenden Monat gibt es nur, wenn der Dienst mehr als 3 Tage nicht verfügbar war.",
        "Die Gesamthaftung von Quillmark ist auf die in den 12 Monaten vor dem Anspruch gezahlten Entgelte beschränkt.",
        "Diese Bedingungen unterliegen portugiesischem Recht; Gerichtsstand ist Lissabon.",
    ],
}
_MORE = {"en": "Read more", "fr": "Lire la suite", "de": "Weiterlesen"}
_OTHER_DOCS = {
    "en": [("Privacy Policy", "Quillmark respects your privacy. This Privacy Policy explains what information we "
                              "collect when you use the Service, why we collect it and how you can control it, incl"),
           ("Cookie Policy", "This policy explains how Quillmark and its affiliates use cookies and similar "
                             "technologies and which choices you have about them when you vis")],
    "fr": [("Politique de confidentialité", "Quillmark respecte votre vie privée. Cette politique explique quelles "
                                            "informations nous collectons lorsque vous utilisez le Service et pourq"),
           ("Politique cookies", "Cette politique explique comment Quillmark et ses filiales utilisent les cookies et "
                                 "technologies similaires et quels choix vous avez lors de vos vis")],
    "de": [("Datenschutzerklärung", "Quillmark respektiert Ihre Privatsphäre. Diese Erklärung beschreibt, welche "
                                    "Informationen wir erheben, wenn Sie den Dienst nutzen, und wa"),
           ("Cookie-Richtlinie", "Diese Richtlinie erklärt, wie Quillmark und seine verbundenen Unternehmen Cookies "
                                 "und ähnliche Technologien einsetzen und welche Wahl Sie bei Ihren Be")],
}
_TITLE = {"en": "Terms of Use", "fr": "Conditions d'utilisation", "de": "Nutzungsbedingungen"}
_SECTION_TAIL = {
    "en": "Section {n} applies to every Quillmark plan and to every user of the Service. Questions about "
          "section {n} can be sent to legal@quillmark.example.",
    "fr": "L'article {n} s'applique à chaque offre Quillmark et à chaque utilisateur du Service. Les questions sur "
          "l'article {n} peuvent être envoyées à legal@quillmark.example.",
    "de": "Abschnitt {n} gilt für jeden Quillmark-Tarif und jeden Nutzer des Dienstes. Fragen zu Abschnitt {n} "
          "können an legal@quillmark.example gesendet werden.",
}


def _terms(lang: str) -> str:
    """The whole terms: every clause under its own numbered section."""
    parts = [f"# Quillmark {_TITLE[lang]}", ""]
    for n, clause in enumerate(_CLAUSES[lang], 1):
        parts += [f"## {n}.", "", clause, "", _SECTION_TAIL[lang].format(n=n), ""]
    parts += ["## Quillmark", "", "Quillmark Lda., Rua das Flores 12, 1200-195 Lisboa, Portugal.", ""]
    return "\n".join(parts)


def _index(lang: str, ellipsis: str = "…") -> str:
    """A legal hub's page: one excerpt of each document, cut off, then a "Read more" link."""
    first = " ".join(_CLAUSES[lang][:2])
    docs = [(_TITLE[lang], first[: len(first) - 25])] + _OTHER_DOCS[lang]
    parts = ["Quillmark Legal", "==============", ""]
    for n, (title, excerpt) in enumerate(docs, 1):
        parts += [f"{n}. {title}", "    " + "-" * len(title), "",
                  f"    {excerpt}{ellipsis}", "",
                  f"    [{_MORE[lang]}](https://help.quillmark.example/legal/{n} \"{_MORE[lang]}\")", ""]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_page_of_excerpts_is_no_change_of_terms(lang):
    terms, index = _terms(lang), _index(lang)
    assert len(terms) > 2 * len(index) and len(terms) >= 2000
    assert teaser_side(index, terms) == "old"
    assert teaser_side(terms, index) == "new"
    for old, new, side in ((index, terms, "old"), (terms, index, "new")):
        a = analyse(old, new)
        assert not a.material and a.categories == ()
        assert a.summary.startswith(f"The {side} text is a page of excerpts"), a.summary
        assert not any(c.material for c in a.changes)


def test_page_of_excerpts_three_dots():
    assert teaser_side(_index("en", "..."), _terms("en")) == "old"


def test_page_of_excerpts_look_alikes():
    terms = _terms("en")
    # excerpts ending on a full stop before "Read more": a hub of summaries, read as usual
    assert teaser_side(_index("en", ".").replace("incl.", "incl").replace("vis.", "visits."), terms) is None
    # none of the excerpts opens with the terms' words: some other page, not a glimpse of them
    other = _index("en").replace("Welcome to Quillmark!", "Hello from the Quillmark team!")
    assert teaser_side(other, terms) is None
    # both sides hold excerpts (the hub page edited): read as usual
    assert teaser_side(_index("en"), terms + "\n\nMore soon, we plan to wri…\n\n[Read more](https://q.example/b)\n") is None
    # a real terms page with one "Read more" after an excerpt among whole clauses: mostly terms
    mixed = terms + "\n\nOur blog explains the changes we plan to make next ye…\n\n[Read more](https://q.example/blog)\n"
    assert teaser_side(terms, mixed) is None
    a = analyse(terms, terms.replace("16 years", "18 years"))
    assert a.material  # a real change still is one


def test_run_refuses_a_page_of_excerpts():
    from tracker.run.decide import _partial_page

    why = _partial_page(_terms("en"), _index("en"), 0.5)
    assert why is not None and why.startswith("not the terms: only the start of the terms, a page of excerpts")
    assert _partial_page(_terms("en"), _terms("en").replace("16 years", "18 years"), 0.5) is None


# --- a pointer said as a purpose --------------------------------------------------------------------

_POLICY = """\
# Brindle Privacy Notice

## Your rights

You may ask us for a copy of the personal data we hold about you.

You may ask us to delete your account and the data linked to it.

We answer every request within 30 days.
"""


@pytest.mark.parametrize("sentence", [
    "To view our yearly request statistics, please visit our [Request Statistics page](https://brindle.example/stats).",
    "To learn more about these measures and how to report a post, visit our [Safety Centre](https://brindle.example/s).",
    "Pour consulter le détail de nos statistiques de demandes, rendez-vous sur notre page dédiée.",
    "Um die Statistik der Anfragen einzusehen, besuchen Sie bitte unsere Transparenzseite.",
])
def test_purpose_then_where_to_look_is_a_pointer(sentence):
    from tracker.analysis.boilerplate import is_pointer

    assert is_pointer(sentence)
    new = _POLICY.replace("We answer every request within 30 days.\n",
                          f"We answer every request within 30 days.\n\n{sentence}\n")
    a = analyse(_POLICY, new)
    assert not a.material, a.summary


@pytest.mark.parametrize("sentence", [
    "To opt out of the sale of your data, please visit our privacy settings page.",  # how to exercise a right
    "To view your data, visit our account page and we will delete it within 30 days.",
    "To see the fees, visit our pricing page, which applies to every plan from 1 May.",
    "Pour vous désinscrire, rendez-vous sur notre page dédiée.",
])
def test_purpose_pointer_look_alikes(sentence):
    from tracker.analysis.boilerplate import is_pointer

    assert not is_pointer(sentence)


# --- work under way, said as news --------------------------------------------------------------------

_ACCOUNT_TERMS = {
    "en": ("# Tallow Rail customer account terms", "You must keep your password secret.",
           "We may close an account that has not been used for 3 years."),
    "fr": ("# Conditions du compte client Tallow Rail", "Vous devez garder votre mot de passe secret.",
           "Nous pouvons fermer un compte inutilisé depuis 3 ans."),
    "de": ("# Bedingungen für das Kundenkonto von Tallow Rail", "Sie müssen Ihr Passwort geheim halten.",
           "Wir können ein Konto schließen, das 3 Jahre lang nicht genutzt wurde."),
}


@pytest.mark.parametrize("lang,news", [
    ("en", "We are currently overhauling our booking platforms for you, and we are taking this opportunity to "
           "upgrade the customer account we offer you."),
    ("en", "We're in the process of redesigning the Tallow Rail app to make it faster."),
    ("fr", "Nous sommes en train de moderniser notre espace client afin de vous offrir un parcours plus simple."),
    ("de", "Wir überarbeiten derzeit unser Kundenkonto, um es für Sie noch einfacher zu machen."),
])
def test_work_under_way_is_news(lang, news):
    from tracker.analysis.boilerplate import is_announcement

    assert is_announcement(news)
    title, *clauses = _ACCOUNT_TERMS[lang]
    with_news = "\n\n".join([title, news, *clauses]) + "\n"
    without = "\n\n".join([title, *clauses]) + "\n"
    for old, new in ((with_news, without), (without, with_news)):
        a = analyse(old, new)
        assert not a.material, a.summary


@pytest.mark.parametrize("sentence", [
    "We are currently upgrading our systems and may suspend the service during the migration.",  # a modal
    "We are upgrading our models with your conversations unless you opt out.",  # data, training
    "We are currently redesigning our pricing, and the Pro plan will cost EUR 12 from 1 June.",  # a term (will)
    "Nous sommes en train de moderniser nos modèles à partir de vos messages.",
])
def test_work_under_way_look_alikes(sentence):
    from tracker.analysis.boilerplate import is_announcement

    assert not is_announcement(sentence)


# --- another company gets the data ------------------------------------------------------------------

_DPA = {
    "en": """# Lumora Data Processing Summary

## Identity checks

When you verify your identity, Lumora collects your name, a hashed ID number and your address.

In all cases, Lumora shares the data with Veritock, who acts as our data processor.

Veritock processes and stores the data as described above.

## Retention

We keep verification records for 12 months.
""",
    "fr": """# Résumé des traitements Lumora

## Vérification d'identité

Lorsque vous vérifiez votre identité, Lumora collecte votre nom, un numéro d'identité haché et votre adresse.

Dans tous les cas, Lumora partage ces données avec Veritock, notre sous-traitant.

## Conservation

Nous conservons les preuves de vérification pendant 12 mois.
""",
    "de": """# Übersicht der Verarbeitung bei Lumora

## Identitätsprüfung

Wenn Sie Ihre Identität bestätigen, erhebt Lumora Ihren Namen, eine gehashte Ausweisnummer und Ihre Anschrift.

Diese Daten werden an Veritock als Auftragsverarbeiter übermittelt.

## Speicherdauer

Wir speichern Prüfnachweise 12 Monate lang.
""",
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_new_recipient_of_the_data_is_material(lang):
    old = _DPA[lang]
    a = analyse(old, old.replace("Veritock", "Nexaproof"))
    assert a.material and "privacy" in a.categories, a.summary
    assert any("Nexaproof instead of Veritock" in c.explanation for c in a.changes if c.material)


def test_own_name_replaced_throughout_stays_a_rename():
    # the provider renamed: its name is in the title and said throughout, data sent "to Lumora" too
    old = _DPA["en"].replace("Veritock", "Cloudvane") + "".join(
        f"\nLumora support answers question {n} within 2 days.\n" for n in range(8))
    old = old.replace("We keep", "Users' data is sent to Lumora for checks. We keep")
    a = analyse(old, old.replace("Lumora", "Ostrava"))
    assert not a.material, a.summary


def test_provider_rebranded_throughout_stays_a_rename():
    # the new name is said throughout the new text (not in its title), the old one under another
    # spelling ("NimboAds"): the provider rebranded, not another company given the data
    old = ("# Privacy Policy\n\nWe share your data with Nimbo, who acts as our data processor.\n\n"
           + "".join(f"NimboAds answers request {n} within 2 days.\n\n" for n in range(9)))
    a = analyse(old, old.replace("NimboAds", "Ostrava").replace("Nimbo", "Ostrava"))
    assert not a.material, a.summary


def test_owner_group_or_hosted_form_stays_a_rename():
    # the provider's owner renamed ("owned by ... Nimbo", "our Nimbo-affiliate companies"), and a
    # form "hosted by" a platform: no other company given the users' data
    old = ("# Privacy Policy\n\nLumora is owned by the media company Nimbo Holdings LLC.\n\n"
           "This includes sharing of certain information about you with our Nimbo-affiliate companies.\n\n"
           "You may report a bug with our disclosure form hosted by Bugwick.\n\nWe keep logs for 30 days.\n")
    a = analyse(old, old.replace("Nimbo", "Ostrava").replace("Bugwick", "Flawhunt"))
    assert not any("now goes to" in c.explanation for c in a.changes), [c.explanation for c in a.changes]


def test_renamed_product_outside_data_sentences_stays_a_rename():
    old = ("# Lumora Terms\n\nThe Veritock add-on is included in the Pro plan.\n\n"
           "Veritock can be switched off in the settings.\n\nYou must keep your password secret.\n")
    a = analyse(old, old.replace("Veritock", "Nexaproof"))
    assert not a.material, a.summary


# --- a benefit kept only until a date --------------------------------------------------------------

_PLAN = {
    "en": ("# Parcelo Unlimited subscription\n\n## Benefits\n\nMembers get free delivery on eligible products.\n\n"
           "Members get a digital press benefit.\n", "The press benefit is guaranteed until August 2027."),
    "fr": ("# Abonnement Parcelo Illimité\n\n## Avantages\n\nLes membres bénéficient de la livraison gratuite sur "
           "les produits éligibles.\n\nLes membres bénéficient d'un avantage presse numérique.\n",
           "L'avantage presse est garanti jusqu'en août 2027."),
    "de": ("# Parcelo Unbegrenzt Abonnement\n\n## Vorteile\n\nMitglieder erhalten kostenlose Lieferung für "
           "berechtigte Produkte.\n\nMitglieder erhalten einen digitalen Pressevorteil.\n",
           "Der Pressevorteil ist bis August 2027 garantiert."),
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_benefit_kept_until_a_date_is_material(lang):
    old, limit = _PLAN[lang]
    a = analyse(old, old + "\n" + limit + "\n")
    assert a.material, a.summary


@pytest.mark.parametrize("sentence", [
    "This page was last updated in August 2027.",
    "Your profile stays visible until you delete it.",
])
def test_benefit_until_a_date_look_alikes(sentence):
    from tracker.analysis.classify import category_scores

    assert "service-changes" not in category_scores(sentence)


# --- an amount of data or a data rate changed ----------------------------------------------------------

_SPEEDS = {
    "en": ("| Plan | Download speed | Storage |\n| --- | --- | --- |\n| **Home** | 50-150 Mbps | 100 GB |",
           "Customers may end the plan at any time."),
    "fr": ("| Offre | Débit descendant | Stockage |\n| --- | --- | --- |\n| **Maison** | 50-150 Mbit/s | 100 Go |",
           "Le client peut résilier l'offre à tout moment."),
    "de": ("| Tarif | Download | Speicher |\n| --- | --- | --- |\n| **Zuhause** | 50-150 Mbit/s | 100 GB |",
           "Kunden können den Tarif jederzeit kündigen."),
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("edit", [("50-150", "50-300"), ("100 G", "50 G")])
def test_data_amount_or_rate_changed_is_material(lang, edit):
    row, clause = _SPEEDS[lang]
    old = f"# Skylark plans\n\n{row}\n\n{clause}\n"
    a = analyse(old, old.replace(*edit))
    assert a.material, a.summary


def test_data_amount_written_another_way_is_not():
    old = "# Skylark plans\n\nThe Priority plan includes 50GB of data at 50-220 Mbps.\n\nYou may cancel at any time.\n"
    a = analyse(old, old.replace("50GB", "50 GB").replace("50-220", "50–220"))
    assert not a.material, a.summary
    from tracker.analysis.materiality import _measure_changed

    assert _measure_changed("Step 2 Go to settings.", "Step 3 Go to settings.") is None

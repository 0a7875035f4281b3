"""False alarms of kinds met on the r-y dev pairs (issue 11, precision), on invented terms of
fictional services: each kind in its wording and in others (French, German, Spanish where the code
reads them), and a look-alike that must stay material."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

POLICY = """\
# Quillory Privacy Policy

## 1. What we collect

We collect your name, your email address and the pages you visit.

## 2. Who we share it with

Quillory shares your email address with the payment provider that bills your plan.

## 3. Other notices

To see the privacy policy applicable to Quillory advertisers, please navigate [here](https://quillory.example/ads).

## 4. Contact

Write to privacy@quillory.example with any question.
"""


# --- a pointer to another document: "X is available here", "to see X, navigate here" -------------
@pytest.mark.parametrize("pointer", [
    "The privacy policy for Quillory Studio users is available [here](https://quillory.example/studio).",
    "Our cookie notice can be found at https://quillory.example/cookies.",
    "To read the privacy policy for job applicants, please go [here](https://quillory.example/jobs).",
    "La politique de confidentialité applicable aux annonceurs est disponible [ici](https://quillory.example/fr).",
    "Die Datenschutzerklärung für Händler ist hier abrufbar.",
    "La política de privacidad para anunciantes está disponible [aquí](https://quillory.example/es).",
])
def test_a_pointer_saying_where_another_document_is_is_not_a_term(pointer):
    new = POLICY.replace("## 4. Contact\n", f"{pointer}\n\n## 4. Contact\n")
    result = analyse(POLICY, new)
    assert not result.material, result.summary


def test_a_pointer_whose_audience_changed_is_not_a_term():
    new = POLICY.replace("applicable to Quillory advertisers", "applicable to Quillory site visitors")
    result = analyse(POLICY, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("term", [
    "The privacy policy for Quillory Studio users is available here and lets us sell your browsing history.",
    "Our cookie notice is available in English only, and we may share your data with advertisers.",
    "To opt out of the sale of your data, go here and we will stop selling it within 30 days.",
])
def test_a_term_beside_where_a_document_is_stays_material(term):
    new = POLICY.replace("## 4. Contact\n", f"{term}\n\n## 4. Contact\n")
    assert analyse(POLICY, new).material


# --- who licenses or supervises the company: a detail of who it is, like its register entry --------
PAY_TERMS = """\
# Quillory Pay Terms

## 1. Payments

You pay the price shown at checkout. We charge your card when you confirm the order.

## 2. State notices

1. Ohio users: questions about your payments may be sent to pay@quillory.example.

## 3. Refunds

We refund a cancelled order within 14 days.
"""


@pytest.mark.parametrize("notice", [
    "2. Texas users: Quillory Payments Inc. (NMLS ID 1234567) is licensed and regulated as a money transmitter by the "
    "Texas Department of Banking.",
    "Quillory Pay Ltd is authorised by the Financial Conduct Authority under the Electronic Money Regulations 2011.",
    "Quillory SAS est un établissement de paiement agréé par l'Autorité de contrôle prudentiel et de résolution.",
    "Die Quillory GmbH unterliegt der Aufsicht der Bundesanstalt für Finanzdienstleistungsaufsicht (BaFin).",
    "Quillory Pay S.L. está autorizada por el Banco de España como entidad de pago.",
])
def test_a_licence_notice_added_or_removed_is_not_a_term(notice):
    new = PAY_TERMS.replace("\n\n## 3. Refunds", f"\n{notice}\n\n## 3. Refunds")
    for old, changed in ((PAY_TERMS, new), (new, PAY_TERMS)):
        result = analyse(old, changed)
        assert not result.material, result.summary


@pytest.mark.parametrize("rule", [
    "You must be licensed by your state's Department of Insurance before you sell any plan through Quillory.",
    "Sellers are registered with the payments authority and must not resell tickets above face value.",
])
def test_a_rule_about_licences_stays_material(rule):
    new = PAY_TERMS.replace("\n\n## 3. Refunds", f"\n{rule}\n\n## 3. Refunds")
    assert analyse(PAY_TERMS, new).material


# --- a bilingual page drops (or gains) its copy in another language --------------------------------
EN_POLICY = """\
# Brindlewick Privacy Policy

## Data we collect

We collect your name, your email address and the files you upload.

## Payments

When you subscribe to a premium account, your payment details are handled by our payment provider.

## Retention

We keep your data only for as long as the law requires.

## Your rights

You may change or delete your personal data at any time from your account settings.
"""

COPIES = {
    "fr": """\
# Politique de confidentialité de Brindlewick

## Données collectées

Nous collectons votre nom, votre adresse e-mail et les fichiers que vous déposez sur le service.

## Paiements

Lorsque vous souscrivez à un compte premium, vos données de paiement sont traitées par notre prestataire.

## Conservation

Nous conservons vos données uniquement pour la durée prévue par la loi.

## Vos droits

Vous pouvez modifier ou supprimer vos données personnelles à tout moment dans les paramètres de votre compte.
""",
    "de": """\
# Datenschutzerklärung von Brindlewick

## Erhobene Daten

Wir erheben Ihren Namen, Ihre E-Mail-Adresse und die Dateien, die Sie in den Dienst hochladen, sowie die Seiten, die Sie bei uns besuchen.

## Zahlungen

Wenn Sie ein Premium-Konto abschließen, werden Ihre Zahlungsdaten von unserem Zahlungsdienstleister verarbeitet.

## Speicherung

Wir speichern Ihre Daten nur so lange, wie es das Gesetz vorschreibt.

## Ihre Rechte

Sie können Ihre personenbezogenen Daten jederzeit in den Einstellungen Ihres Kontos ändern oder löschen.
""",
    "es": """\
# Política de privacidad de Brindlewick

## Datos que recogemos

Recogemos su nombre, su dirección de correo electrónico y los archivos que usted sube al servicio.

## Pagos

Cuando usted se suscribe a una cuenta premium, sus datos de pago son tratados por nuestro proveedor de pagos.

## Conservación

Conservamos sus datos solo durante el tiempo que exige la ley.

## Sus derechos

Usted puede modificar o eliminar sus datos personales en cualquier momento desde la configuración de su cuenta.
""",
}


@pytest.mark.parametrize("lang", sorted(COPIES))
def test_a_copy_in_another_language_dropped_or_added_is_not_a_change_of_terms(lang):
    bilingual = EN_POLICY + "\n" + COPIES[lang]
    for old, new in ((bilingual, EN_POLICY), (EN_POLICY, bilingual)):
        result = analyse(old, new)
        assert not result.material, result.summary


def test_a_term_removed_with_the_copy_in_another_language_stays_material():
    bilingual = EN_POLICY + "\n" + COPIES["fr"]
    new = EN_POLICY.replace("We keep your data only for as long as the law requires.",
                            "We keep your data for 10 years after you close your account, and we may sell it "
                            "to advertising partners.")
    assert analyse(bilingual, new).material


def test_one_copy_of_a_page_that_stays_bilingual_is_read_as_usual():
    extra = ("\n## Publicité\n\nNous partageons vos données de navigation avec nos partenaires publicitaires "
             "afin de vous montrer des annonces personnalisées sur les sites que vous visitez, et nous "
             "conservons ces données pendant treize mois à compter de leur collecte.\n")
    bilingual = EN_POLICY + "\n" + COPIES["fr"]
    assert analyse(bilingual, bilingual + extra).material


# --- the other sentences of an announcement banner, gone or new with it ----------------------------
BANNER_POLICY = """\
# Tindle Privacy Policy

{banner}
## 1. Data we use

We use your posts and your photos to show you content from friends.

## 2. Your choices

You can object to our use of your data from your settings.
"""

BANNERS = [
    "We are postponing the change to how we use your information to develop AI at Tindle.\n\n"
    "We will keep you informed before we start using your information.\n\n"
    "We will also explain how you can exercise your right to object.\n",
    "À l'heure actuelle, nous reportons la modification de notre utilisation de vos informations.\n\n"
    "Nous vous tiendrons au courant avant de commencer à utiliser vos informations.\n\n"
    "Nous vous expliquerons également comment vous pouvez exercer votre droit d'opposition.\n",
    "We have updated our Privacy Policy to explain our new photo features.\n\n"
    "We will send you an email before the new features start.\n\n"
    "You can still object to the use of your posts at any time.\n",
]


@pytest.mark.parametrize("banner", BANNERS)
def test_the_sentences_of_an_announcement_banner_are_not_terms(banner):
    with_banner, without = BANNER_POLICY.format(banner=banner), BANNER_POLICY.format(banner="")
    for old, new in ((with_banner, without), (without, with_banner)):
        result = analyse(old, new)
        assert not result.material, result.summary


def test_a_term_with_a_period_beside_an_announcement_stays_material():
    banner = ("We have updated our Privacy Policy to explain our new photo features.\n\n"
              "We now keep your photos for 10 years after you close your account.\n")
    assert analyse(BANNER_POLICY.format(banner=""), BANNER_POLICY.format(banner=banner)).material


def test_a_section_added_beside_an_announcement_stays_material():
    banner = ("We have updated our Privacy Policy to explain our new photo features.\n\n"
              "## 3. Advertising\n\nWe share your posts with advertising partners.\n")
    old = BANNER_POLICY.format(banner="")
    assert analyse(old, old + "\n" + banner).material


# --- compliance claimed with a law named, no right or duty said ------------------------------------
@pytest.mark.parametrize("old_line, new_line", [
    ("We are also GDPR compliant.",
     "We are also GDPR compliant and fully committed to [DSA](https://quillory.example/dsa) compliance for users "
     "within the European Union."),
    ("Write to privacy@quillory.example with any question.",
     "Quillory is fully GDPR compliant.\n\nWrite to privacy@quillory.example with any question."),
    ("Write to privacy@quillory.example with any question.",
     "Nous sommes conformes au RGPD.\n\nWrite to privacy@quillory.example with any question."),
    ("Write to privacy@quillory.example with any question.",
     "Unser Dienst ist DSGVO-konform.\n\nWrite to privacy@quillory.example with any question."),
])
def test_a_claim_of_compliance_with_a_law_is_not_a_term(old_line, new_line):
    old = POLICY.replace("## 4. Contact\n", "## 4. Contact\n\nWe are also GDPR compliant.\n")
    new = old.replace(old_line, new_line, 1)
    assert new != old
    result = analyse(old, new)
    assert not result.material, result.summary


def test_a_promise_beside_a_claim_of_compliance_stays_material():
    new = POLICY.replace("## 4. Contact\n", "## 4. Contact\n\nWe are GDPR compliant and will never keep your "
                                            "data for more than 30 days.\n")
    assert analyse(POLICY, new).material


# --- whose a trademark is, which patents cover the service: a notice ------------------------------
@pytest.mark.parametrize("notice", [
    "Portions of the Quillory services operate under license of one or more patents.",
    "Wordsmash is a registered trademark of Tabletop Games Ltd in the US and Canada.",
    "Quillory et le logo Quillory sont des marques déposées de Quillory SAS.",
    "Quillory ist eine eingetragene Marke der Quillory AG.",
    "Quillory es una marca registrada de Quillory S.L.",
])
def test_a_trademark_or_patent_notice_is_not_a_term(notice):
    new = POLICY.replace("## 4. Contact\n", f"## 4. Contact\n\n{notice}\n")
    for old, changed in ((POLICY, new), (new, POLICY)):
        result = analyse(old, changed)
        assert not result.material, result.summary


def test_a_rule_about_trademarks_stays_material():
    new = POLICY.replace("## 4. Contact\n", "## 4. Contact\n\nYou may not use the Quillory trademarks in your "
                                            "own product names without our written consent.\n")
    assert analyse(POLICY, new).material


# --- a page's generated summary box ("AI-generated Key Takeaways") --------------------------------
DOCS_TERMS = """\
# Quillory API Terms

{heading}
--------------------------

*   The Quillory API lets you manage large catalogues programmatically.
*   {item}

## 1. Access

You must keep your API token secret. We may suspend a token that is used to send spam.

## 2. Limits

Each project may send up to 1,000 requests per minute.
"""


@pytest.mark.parametrize("heading", ["AI-generated Key Takeaways", "Key takeaways", "TL;DR", "Points clés"])
def test_items_of_a_generated_summary_box_are_not_terms(heading):
    old = DOCS_TERMS.format(heading=heading, item="Before making API calls, ensure you have your project number "
                                                  "and a client library.")
    new = DOCS_TERMS.format(heading=heading, item="You must not share your token, and each project may send up to "
                                                  "500 requests per minute.")
    result = analyse(old, new)
    assert not result.material, result.summary


def test_a_term_changed_below_a_summary_box_stays_material():
    old = DOCS_TERMS.format(heading="Key takeaways", item="Keep your token secret.")
    new = old.replace("up to 1,000 requests", "up to 500 requests")
    assert analyse(old, new).material


def test_a_summary_section_of_the_text_itself_is_read_as_usual():
    old = DOCS_TERMS.format(heading="Summary of these terms", item="Keep your token secret.")
    new = old.replace("Keep your token secret.", "We may sell your usage data to advertising partners.")
    assert analyse(old, new).material


# --- a setting renamed: "opt out of X" → "turn off X" ----------------------------------------------
ADS_POLICY = """\
# Quillory Advertising Policy

## Your choices

{choice}

{still}

## Contact

Write to privacy@quillory.example with any question.
"""


@pytest.mark.parametrize("old_choice, old_still, new_choice, new_still", [
    ("You can use [Ad Settings](https://quillory.example/ads) to manage the ads you see and opt out of "
     "Ads Personalization.", "Even if you opt out of Ads Personalization, you may still see ads based on your "
     "general location.",
     "You can use [ad settings](https://quillory.example/adcenter) to manage the ads you see and turn off "
     "personalized ads.", "Even if you turn off personalized ads, you may still see ads based on your general "
     "location."),
    ("Vous pouvez vous désinscrire de la personnalisation des annonces dans vos paramètres.",
     "Contact us for any question.",
     "Vous pouvez désactiver les annonces personnalisées dans vos paramètres.", "Contact us for any question."),
    ("Sie können die Personalisierung von Anzeigen in Ihren Einstellungen deaktivieren.",
     "Contact us for any question.",
     "Sie können personalisierte Anzeigen in Ihren Einstellungen ausschalten.", "Contact us for any question."),
])
def test_a_choice_renamed_from_opt_out_to_turn_off_is_not_material(old_choice, old_still, new_choice, new_still):
    old = ADS_POLICY.format(choice=old_choice, still=old_still)
    new = ADS_POLICY.format(choice=new_choice, still=new_still)
    result = analyse(old, new)
    assert not result.material, result.summary


@pytest.mark.parametrize("new_choice", [
    "You can turn off personalized ads within 30 days of sign-up.",
    "You can turn off personalized ads, but we will still sell your browsing history to advertisers.",
    "You can turn off the sharing of your purchase history with advertisers in your settings.",
])
def test_a_choice_that_changed_with_its_wording_stays_material(new_choice):
    old = ADS_POLICY.format(choice="You can opt out of Ads Personalization in your settings.", still="")
    assert analyse(old, ADS_POLICY.format(choice=new_choice, still="")).material


# --- other documents commended to the reader: a pointer, whatever it says of them -----------------
SHOP_TERMS = """\
# Brindle Home Terms of Sale

## 1. Orders

{pointer}

## 2. Returns

You may return any item within 365 days for a full refund.
"""


@pytest.mark.parametrize("old_pointer, new_pointer", [
    ("We have other important terms that we like you to read including our [Privacy policy](https://brindle.example/p) "
     "and [Appliance collection](https://brindle.example/c) (collection of your old appliances for free on a "
     "like-for-like basis).",
     "We have other important terms that we like you to read including our [Privacy policy](https://brindle.example/p) "
     "and [Appliance collection](https://brindle.example/c)."),
    ("Nous vous invitons à consulter notre [politique de retour](https://brindle.example/r) (retours gratuits en "
     "magasin).", "Nous vous invitons à consulter notre [politique de retour](https://brindle.example/r)."),
    ("Bitte lesen Sie auch unsere [Rückgaberichtlinie](https://brindle.example/r) (kostenlose Rückgabe im Markt).",
     "Bitte lesen Sie auch unsere [Rückgaberichtlinie](https://brindle.example/r)."),
])
def test_what_a_pointer_says_of_the_documents_it_commends_is_not_a_term(old_pointer, new_pointer):
    result = analyse(SHOP_TERMS.format(pointer=old_pointer), SHOP_TERMS.format(pointer=new_pointer))
    assert not result.material, result.summary


def test_a_document_made_part_of_the_terms_beside_a_pointer_stays_material():
    old = SHOP_TERMS.format(pointer="We would like you to read our [Privacy policy](https://brindle.example/p).")
    new = SHOP_TERMS.format(pointer="We would like you to read our [Privacy policy](https://brindle.example/p), "
                                    "which forms part of these terms.")
    assert analyse(old, new).material

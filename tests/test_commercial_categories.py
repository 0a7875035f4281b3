"""Commercial categories given where the words name something else (issue 11, session 20), on
invented text.

Kinds from the per-category false positives of the dev sets: a data right said with a
termination or money word ("suspend our processing of your personal data", "Recht auf Sperrung
Ihrer Daten", "no fee to access your personal data") is privacy; a licence given free of charge is
a licence, nothing is priced; "rate" as a verb ("rate your host") is no price; "free of charge" is
no payment; a credit card's expiry is no credit that expires; a free plan or member named in
French ("les membres gratuits") is who a sentence is about, as "the free plan" is in English; a
prorated credit given back is a refund.
"""

from __future__ import annotations

import pytest

from tracker.analysis.classify import category_scores, classify_sentence


def cats(text: str) -> set[str]:
    return set(category_scores(text))


@pytest.mark.parametrize("text", [
    "You may ask Quillet to suspend our processing of your personal data while its accuracy is checked.",
    "Where you object, the processing of your data is suspended until we decide.",
    "Vous pouvez demander à Quillet de suspendre le traitement de vos données personnelles.",
    "Sie haben das Recht auf Löschung oder Sperrung Ihrer personenbezogenen Daten bei Quillet.",
])
def test_data_processing_suspended_is_privacy_not_termination(text):
    lab = classify_sentence(text)
    assert "termination" not in lab.categories and "termination" not in lab.watch
    assert "privacy" in cats(text)


@pytest.mark.parametrize("text", [
    "Quillet may suspend your account if you break these terms.",
    "Quillet may suspend your account and block your data.",
    "Quillet peut suspendre votre compte à tout moment.",
    "Quillet kann Ihr Konto jederzeit sperren.",
])
def test_account_suspended_stays_termination(text):
    assert "termination" in cats(text)


@pytest.mark.parametrize("text", [
    "There will be no administrative fees for any request to correct or update your personal data.",
    "Quillet may charge a reasonable fee for repeated access requests about your personal data.",
    "Vous pouvez exercer vos droits sans frais auprès de Quillet.",
    "Nous pouvons facturer des frais raisonnables pour les demandes d'accès manifestement infondées.",
    "Die Auskunft ist für Sie kostenlos.",
    "Für offensichtlich unbegründete Auskunftsanträge kann Quillet ein angemessenes Entgelt verlangen.",
])
def test_fee_for_a_data_request_is_privacy(text):
    got = cats(text)
    assert "privacy" in got and not got & {"pricing", "payment"}


@pytest.mark.parametrize("text", [
    "You grant Quillet a worldwide, non-exclusive licence, free of charge, to use, copy and display your reviews.",
    "Vous concédez à Quillet une licence gratuite et mondiale pour utiliser, reproduire et afficher vos avis.",
    "Sie räumen Quillet ein unentgeltliches, weltweites Nutzungsrecht an Ihren Bewertungen ein.",
])
def test_licence_free_of_charge_is_no_price(text):
    got = cats(text)
    assert "content-rights" in got and not got & {"pricing", "payment"}


@pytest.mark.parametrize("text,cat", [
    ("Sie können Quillet gegen eine Gebühr von 5 € eine Lizenz an Ihren Inhalten einräumen.", "pricing"),
    ("Quillet may charge a fee for premium support.", "pricing"),
    ("Registration with Quillet is free of charge.", "pricing"),
    ("L'inscription sur Quillet est gratuite.", "pricing"),
    ("The exchange rate is set daily by Quillet.", "pricing"),
])
def test_prices_stay_prices(text, cat):
    assert cat in cats(text)


@pytest.mark.parametrize("text,absent", [
    ("You can share or rate your experience with the host on Quillet.", "pricing"),
    ("Members may rate other members after each swap.", "pricing"),
    ("Quillet may use the ratings you share free of charge.", "payment"),
    ("Please update your credit card expiration date in Quillet settings.", "refunds"),
    ("Les membres gratuits de Quillet peuvent envoyer trois messages par jour.", "pricing"),
    ("La version gratuite de Quillet affiche des publicités.", "pricing"),
])
def test_words_that_name_no_commercial_term(text, absent):
    assert absent not in cats(text)


@pytest.mark.parametrize("text", [
    "If you cancel, Quillet gives you a prorated credit for the unused part of the billing period.",
    "Quillet adds a service credit to your account when the uptime target is missed.",
    "En cas de résiliation, vous recevez un avoir au prorata de la période restante.",
    "Your Quillet credits expire after 12 months.",
])
def test_credit_given_back_is_refunds(text):
    assert "refunds" in cats(text)


@pytest.mark.parametrize("text", [
    "Web beacons in Quillet e-mails may be disabled by deactivating downloads of images in your mail app.",
    "You can disable cookies in your browser settings.",
    "Vous pouvez désactiver les notifications de Quillet dans l'application.",
    "Sie können die Standortdienste von Quillet jederzeit deaktivieren.",
])
def test_setting_switched_off_is_no_termination(text):
    assert "termination" not in cats(text)


@pytest.mark.parametrize("text", [
    "Après la fermeture de votre compte, Quillet supprimera vos informations personnelles.",
    "Your personal data will be retained for a reasonable period following account deletion.",
    "Nach Löschung Ihres Kontos werden Ihre Daten bei Quillet gelöscht.",
])
def test_data_kept_after_account_closure_is_privacy_first(text):
    got = category_scores(text)
    assert got.get("privacy", 0) > got.get("termination", 0)


@pytest.mark.parametrize("text", [
    "Wir können Ihr Konto jederzeit deaktivieren.",
    "Quillet may disable your account if you break the rules.",
    "Quillet may terminate your account and delete your data after the closure of your account.",
])
def test_provider_ending_the_account_stays_termination(text):
    got = category_scores(text)
    assert got.get("termination", 0) >= 2



@pytest.mark.parametrize("text", [
    "If you start arbitration against Quillet, you pay a $200 filing fee and Quillet pays all other AAA fees.",
    "Under the batch arbitration procedure the fees of each batch are set by the administrator.",
    "Les frais d'arbitrage sont partagés entre Quillet et vous.",
    "Die Kosten des Schiedsverfahrens trägt die unterliegende Partei.",
])
def test_costs_of_an_arbitration_are_no_price(text):
    got = cats(text)
    assert "arbitration" in got and not got & {"pricing", "payment"}


@pytest.mark.parametrize("text", [
    "Quillet may change, suspend or discontinue the Service, in whole or in part, at any time without notice.",
    "Quillet may modify, suspend or discontinue any feature of the app at any time.",
    "Quillet peut modifier, suspendre ou interrompre tout ou partie du service à tout moment.",
    "Le service Quillet peut être suspendu pour maintenance.",
])
def test_service_suspended_is_a_service_change_not_termination(text):
    got = cats(text)
    assert "service-changes" in got and "termination" not in got


@pytest.mark.parametrize("text", [
    "Quillet may suspend or terminate your access to the Service at any time without notice.",
    "Quillet may suspend the Service for you if you breach these terms.",
    "Quillet peut suspendre votre utilisation de tout ou partie des services sans préavis.",
    "Quillet may suspend your account or the Service at any time.",
])
def test_access_suspended_stays_termination(text):
    assert "termination" in cats(text)


@pytest.mark.parametrize("text,refunds", [
    ("The user shall be deemed to have forfeited their ownership rights over the items Quillet stores.", False),
    ("You forfeit your right to bring a claim against Quillet after one year.", False),
    ("Unused Quillet points are forfeited after 12 months of inactivity.", True),
    ("If you close your account you forfeit any remaining Quillet balance.", True),
])
def test_forfeited_rights_are_no_refund_term(text, refunds):
    assert ("refunds" in cats(text)) is refunds

"""Pages of a first-time user's report (newuser11): a short terms page under an ordinary cookie
banner ("Nous utilisons des cookies... Tout accepter / Paramétrer") is the terms, in French,
German, Spanish and Italian as in English, and is recorded; a page that is only a consent wall
is still refused, with a banner's words or without.

The real extraction and guards, and the real CLI against a real local server (test_faults.py's
``env``); all texts are invented, about fictional services.
"""

from __future__ import annotations

import pytest

import test_faults
from test_faults import BAD, html
from tracker.extract import extract
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env


def _terms_page(lang: str, banner: str, body: str) -> str:
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>Terms</title></head><body>"
            f"<header><nav>Home | Blog</nav></header><div id='cookies' class='banner'>{banner}</div>"
            f"<main>{body}</main><footer>© 2026 Brindle</footer></body></html>")


# lang -> (a banner with an accept-all and a manage or refuse control, short terms of a fictional service)
BANNERS = {
    "fr": ("Nous utilisons des cookies pour améliorer votre expérience. <button>Tout accepter</button> "
           "<button>Paramétrer</button>",
           "<h1>Conditions générales d'utilisation de Brindle</h1><h2>Article 1 – Objet</h2><p>Les présentes "
           "conditions régissent l'utilisation du service Brindle.</p><h2>Article 2 – Prix</h2><p>L'abonnement "
           "coûte 7,50 € par mois.</p><h2>Article 3 – Résiliation</h2><p>Nous pouvons résilier votre compte avec un "
           "préavis de 15 jours.</p><h2>Article 4 – Données personnelles</h2><p>Vos données sont conservées pendant "
           "2 ans.</p><h2>Article 5 – Litiges</h2><p>Tout litige relève des tribunaux de Nantes.</p>"),
    "de": ("Wir verwenden Cookies, um Ihr Erlebnis zu verbessern. <button>Alle akzeptieren</button> "
           "<button>Einstellungen</button>",
           "<h1>Allgemeine Geschäftsbedingungen von Brindle</h1><h2>§ 1 Geltungsbereich</h2><p>Diese Bedingungen "
           "gelten für die Nutzung des Dienstes Brindle.</p><h2>§ 2 Preise</h2><p>Das Abonnement kostet 7,50 € im "
           "Monat.</p><h2>§ 3 Kündigung</h2><p>Wir können Ihr Konto mit einer Frist von zwei Wochen kündigen.</p>"
           "<h2>§ 4 Haftung</h2><p>Unsere Haftung ist auf Vorsatz beschränkt.</p><h2>§ 5 Gerichtsstand</h2><p>"
           "Gerichtsstand ist Bremen.</p>"),
    "es": ("Usamos cookies para mejorar tu experiencia. <button>Aceptar todo</button> <button>Configurar</button>",
           "<h1>Términos y condiciones de Brindle</h1><h2>1. Objeto</h2><p>Estos términos regulan el uso del servicio "
           "Brindle.</p><h2>2. Precio</h2><p>La suscripción cuesta 7,50 € al mes.</p><h2>3. Rescisión</h2><p>Podemos "
           "cerrar su cuenta con un aviso de 15 días.</p><h2>4. Datos personales</h2><p>Conservamos sus datos "
           "durante 2 años.</p><h2>5. Ley aplicable</h2><p>Cualquier controversia se somete a los tribunales de "
           "Valencia.</p>"),
    "it": ("Utilizziamo i cookie per migliorare la tua esperienza. <button>Accetta tutti</button> "
           "<button>Personalizza</button>",
           "<h1>Termini e condizioni di Brindle</h1><h2>1. Oggetto</h2><p>Questi termini regolano l'uso del servizio "
           "Brindle.</p><h2>2. Prezzo</h2><p>L'abbonamento costa 7,50 € al mese.</p><h2>3. Recesso</h2><p>Possiamo "
           "chiudere il tuo account con un preavviso di 15 giorni.</p><h2>4. Dati personali</h2><p>Conserviamo i "
           "tuoi dati per 2 anni.</p><h2>5. Foro competente</h2><p>Per ogni controversia è competente il foro di "
           "Torino.</p>"),
    "en": ("We use cookies to improve your experience. <button>Accept all</button> <button>Manage preferences"
           "</button>",
           "<h1>Brindle Terms of Service</h1><h2>1. Scope</h2><p>These terms govern your use of Brindle.</p><h2>2. "
           "Price</h2><p>The subscription costs $8 a month.</p><h2>3. Termination</h2><p>We may close your account "
           "with 15 days of notice.</p><h2>4. Personal data</h2><p>We keep your data for 2 years.</p><h2>5. "
           "Disputes</h2><p>Any dispute goes to the courts of Boston.</p>"),
}

# lang -> a consent wall alone: its purposes, partners and controls, nothing else
WALLS = {
    "fr": "<h2>Votre vie privée compte</h2><p>Nos partenaires et nous utilisons des cookies pour mesurer "
          "l'audience et personnaliser les publicités.</p><button>Tout accepter</button><button>Paramétrer</button>",
    "de": "<h2>Ihre Privatsphäre ist uns wichtig</h2><p>Wir und unsere Partner verwenden Cookies, um Werbung zu "
          "personalisieren.</p><button>Alle akzeptieren</button><button>Alle ablehnen</button>",
    "es": "<h2>Tu privacidad es importante</h2><p>Nosotros y nuestros socios usamos cookies para medir la "
          "audiencia.</p><button>Aceptar todo</button><button>Rechazar todo</button>",
    "it": "<h2>La tua privacy è importante</h2><p>Noi e i nostri partner utilizziamo cookie per personalizzare gli "
          "annunci.</p><button>Accetta tutti</button><button>Rifiuta tutti</button>",
    "en": "<h2>We value your privacy</h2><p>We and our partners use cookies and process personal data to show "
          "personalised ads.</p><p>You can change your choices at any time.</p><button>Accept all</button>"
          "<button>Manage preferences</button>",
}


def _verdict(page: str) -> str | None:
    raw = page.encode("utf-8")
    url = "http://127.0.0.1/terms"
    return guard.error_page(extract(raw, "text/html", url=url), raw, url=url)


@pytest.mark.parametrize("lang", sorted(BANNERS))
def test_short_terms_under_a_cookie_banner_are_the_terms(lang):
    banner, body = BANNERS[lang]
    assert _verdict(_terms_page(lang, banner, body)) is None


@pytest.mark.parametrize("lang", sorted(WALLS))
def test_a_consent_wall_alone_is_still_refused(lang):
    verdict = _verdict(_terms_page(lang, "", WALLS[lang]))
    assert verdict is not None and verdict.startswith(guard.ERROR_PAGE_PREFIX), verdict
    assert "consent" in verdict or "cookie" in verdict, verdict


@pytest.mark.parametrize("lang", sorted(WALLS))
def test_a_consent_wall_beside_a_line_of_terms_is_still_refused(lang):
    # one sentence naming the terms is no terms: the wall's text outweighs it
    body = WALLS[lang] + "<p>See our terms of service and privacy policy for details.</p>"
    verdict = _verdict(_terms_page(lang, "", body))
    assert verdict is not None and verdict.startswith(guard.ERROR_PAGE_PREFIX), verdict


def test_terms_beside_banner_sets_the_banner_lines_aside():
    terms = ("Nous utilisons des cookies. Tout accepter Paramétrer\n\n## Article 1\n\nNous pouvons résilier "
             "votre compte sans préavis.\n\nTout litige relève des tribunaux de Lyon et du droit applicable "
             "français.\n\nVos données personnelles sont conservées 5 ans selon nos conditions.")
    assert guard.terms_beside_banner(terms)
    assert not guard.terms_beside_banner("Nous utilisons des cookies pour la publicité. Tout accepter Paramétrer")


@pytest.mark.parametrize("lang", ["fr", "de", "es", "it"])
def test_a_run_records_terms_under_a_banner_and_refuses_the_wall(env, lang):
    banner, body = BANNERS[lang]
    page = _terms_page(lang, banner, body)
    env.server.page("/bad", lambda: html(page))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new", docs[BAD]
    assert len(env.commits("faulty")) == 1
    env.server.page("/bad", lambda: html(_terms_page(lang, "", WALLS[lang])))
    docs = env.run(code=1)
    assert docs[BAD]["outcome"] == "failed" and "looks like an error page" in docs[BAD]["error"], docs[BAD]
    assert len(env.commits("faulty")) == 1


@pytest.mark.parametrize("lang", sorted(BANNERS))
def test_a_reworded_banner_line_is_page_chrome_in_every_language(env, lang):
    banner, body = BANNERS[lang]
    sentence = banner.split("<button>")[0].strip()
    reworded = sentence[:-1] + " y más."  # any words added to the banner's sentence
    old, new = env.tmp / f"{lang}1.html", env.tmp / f"{lang}2.html"
    old.write_text(_terms_page(lang, banner, body), encoding="utf-8")
    new.write_text(_terms_page(lang, banner.replace(sentence, reworded), body), encoding="utf-8")
    out = env.tracker("compare", str(old), str(new), code=None).output
    assert "Cosmetic change only: page furniture (menus, banners, footers)" in out and "MATERIAL" not in out, out


def test_a_cookie_policy_clause_in_the_middle_of_a_sentence_is_no_banner():
    from tracker.analysis.boilerplate import chrome_kind
    text = "Si lo desea, usamos cookies solo con su consentimiento y puede retirarlo en cualquier momento."
    assert chrome_kind(text, text.lower().split()) != "cookie-banner"
    assert chrome_kind("Usamos cookies para medir la audiencia.", "usamos cookies para medir la audiencia".split()) \
        == "cookie-banner"


# Short terms (under 2,000 characters) of a fictional service, and the marketing page served in their place.
SHORT_TERMS = (
    "<!doctype html><html><head><title>Quillby Terms</title></head><body><nav>Home | Pricing</nav><main>"
    "<h1>Quillby Terms of Service</h1><h2>1. Refunds</h2><p>If you cancel within 14 days we refund your payment in "
    "full.</p><h2>2. Termination</h2><p>We may terminate your account after giving you 30 days' written notice.</p>"
    "<h2>3. Liability</h2><p>Our liability is limited to the fees you paid in the last 12 months.</p><h2>4. "
    "Disputes</h2><p>Any dispute goes to the courts of Denver under the governing law of Colorado.</p><h2>5. "
    "Changes</h2><p>We will notify you of material changes at least 30 days before they take effect.</p></main>"
    "</body></html>")
LANDINGS = {
    "en": "<h1>Ship notes faster with Quillby</h1><p>Write, share and publish in seconds. Start your free trial "
          "today.</p><h2>Features</h2><p>Templates, offline mode and 24/7 support.</p><p><a href='/signup'>Get "
          "started</a></p>",
    "fr": "<h1>Prenez vos notes plus vite avec Quillby</h1><p>Écrivez et publiez en quelques secondes. Essai "
          "gratuit dès aujourd'hui.</p><p><a href='/signup'>Commencer</a></p>",
}


def _landing(body: str) -> str:
    return (f"<!doctype html><html><head><title>Quillby</title></head><body><nav>Home | Pricing</nav><main>{body}"
            "</main><footer><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a></footer></body></html>")


@pytest.mark.parametrize("lang", sorted(LANDINGS))
def test_a_landing_page_in_place_of_short_terms_is_never_recorded(env, lang):
    env.server.page("/bad", lambda: html(SHORT_TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(_landing(LANDINGS[lang])))
    for _ in range(4):  # not held then recorded: refused on every run
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and "not the terms" in docs[BAD]["error"], docs[BAD]
    assert len(env.commits("faulty")) == 1
    assert "Quillby Terms of Service" in env.text("faulty")


def test_a_plain_language_rewrite_of_short_terms_is_held_not_refused(env):
    env.server.page("/bad", lambda: html(SHORT_TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    plain = _landing("<h1>Quillby, in plain words</h1><p>We keep your notes until you delete them.</p><p>You can "
                     "close your account whenever you like.</p>")
    env.server.page("/bad", lambda: html(plain))
    docs = env.run(code=None)
    assert docs[BAD]["outcome"] != "failed", docs[BAD]


def test_a_consent_screen_refusal_says_how_to_keep_the_terms():
    verdict = _verdict(_terms_page("fr", "", WALLS["fr"]))
    assert verdict is not None and verdict.startswith(f"{guard.ERROR_PAGE_PREFIX}consent screen; "), verdict
    assert "`remove`" in verdict and "`select`" in verdict, verdict


# The same fictional terms in Spanish and Italian, and their English translation (each long enough
# for its language to be told: 40 function words and more).
TRANSLATED = {
    "es": ["Términos de Brindle", "Estos términos regulan el uso del servicio Brindle y de sus aplicaciones.",
           "Si cancela su suscripción dentro de los 14 días, le devolvemos el pago completo.",
           "Podemos cerrar su cuenta con un aviso de 30 días por correo electrónico.",
           "Conservamos sus datos durante 2 años después del cierre de la cuenta.",
           "No utilizamos sus contenidos para entrenar nuestros modelos de inteligencia artificial.",
           "Cualquier controversia se resolverá mediante arbitraje vinculante en Valencia.",
           "Le notificaremos con 30 días de antelación cualquier cambio de estos términos.",
           "La responsabilidad de Brindle se limita a las tarifas que usted pagó en los últimos 12 meses.",
           "Usted es responsable de la seguridad de su cuenta y de las acciones que se realicen con ella.",
           "Las leyes de España se aplican a estos términos y a su uso del servicio."],
    "it": ["Termini di Brindle", "Questi termini regolano l'uso del servizio Brindle e delle sue applicazioni.",
           "Se annulli il tuo abbonamento entro 14 giorni, ti rimborsiamo il pagamento per intero.",
           "Possiamo chiudere il tuo account con un preavviso di 30 giorni per email.",
           "Conserviamo i tuoi dati per 2 anni dopo la chiusura del tuo account.",
           "Non utilizziamo i tuoi contenuti per addestrare i nostri modelli di intelligenza artificiale.",
           "Ogni controversia è risolta con un arbitrato vincolante a Torino.",
           "Ti comunicheremo con 30 giorni di anticipo ogni modifica di questi termini.",
           "La responsabilità di Brindle è limitata alle tariffe che hai pagato negli ultimi 12 mesi e non oltre.",
           "Sei responsabile della sicurezza del tuo account e delle azioni che sono svolte con il tuo account.",
           "Le leggi della Repubblica si applicano a questi termini e al tuo uso del servizio in ogni caso."],
}
ENGLISH = ["Brindle Terms", "These terms govern the use of the Brindle service and of its apps.",
           "If you cancel your subscription within 14 days, we refund your payment in full.",
           "We may close your account with 30 days of notice by email.",
           "We keep your data for 2 years after the account is closed.",
           "We do not use your content to train our artificial intelligence models.",
           "Any dispute will be resolved by binding arbitration in the city of the service.",
           "We will notify you 30 days in advance of any change to these terms.",
           "The liability of Brindle is limited to the fees that you paid in the last 12 months.",
           "You are responsible for the security of your account and for the actions taken with it.",
           "The laws of the country apply to these terms and to your use of the service."]


def _markdown(lines: list[str]) -> str:
    return f"# {lines[0]}\n\n" + "\n\n".join(lines[1:]) + "\n"


@pytest.mark.parametrize("lang", sorted(TRANSLATED))
def test_a_translation_into_english_is_no_new_terms(env, lang):
    from tracker.analysis.scope import language_switch

    old, new = _markdown(TRANSLATED[lang]), _markdown(ENGLISH)
    assert language_switch(old, new) == (lang, "en")
    assert language_switch(new, old) == ("en", lang)
    a, b = env.tmp / f"{lang}.md", env.tmp / "en.md"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    out = env.tracker("compare", str(a), str(b), code=None).output
    name = {"es": "Spanish", "it": "Italian"}[lang]
    assert f"The page is now in English instead of {name}" in out and "MATERIAL" not in out, out

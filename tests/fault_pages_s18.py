"""Fault pages of session 18 (faults18): pages a site serves in place of its terms, each kind in
the languages it has words in, and real terms that mention the same words in a clause.

Used by ``tests/test_faults_s18.py`` and ``benchmarks/fault_audit.py s18``. Every text here is
invented for fictional services (Acme, Brightwell, Quillon...).
"""

from __future__ import annotations


def page(body: str, title: str = "Acme", head: str = "") -> str:
    """A small HTML page around ``body``."""
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head><body><main>{body}</main>"
            "</body></html>")


# kind -> {language: (html, HTTP status)}: each served where the terms were, never a version.
KINDS: dict[str, dict[str, tuple[str, int]]] = {
    "bot-check": {
        "fr": (page("<h1>Vérification que vous n'êtes pas un robot</h1><p>Cette vérification ne prend que quelques "
                    "secondes. Merci de patienter.</p>", "Un instant"), 200),
        "de": (page("<h1>Überprüfung, ob Sie ein Mensch sind</h1><p>Dies dauert nur wenige Sekunden. Bitte "
                    "warten Sie.</p>", "Bitte warten"), 200),
        "es": (page("<h1>Verificando que no eres un robot</h1><p>Esto solo tomará unos segundos. Por favor, "
                    "espera.</p>", "Un momento"), 200),
        "en": (page("<h1>Checking that you are not a robot</h1><p>This will only take a few seconds.</p>",
                    "One moment"), 200),
    },
    "access-limited": {
        "en": (page("<h1>Access temporarily limited</h1><p>We have received too many requests from your network. "
                    "Please try again in a few minutes.</p>", "Access limited"), 200),
        "fr": (page("<h1>Accès temporairement limité</h1><p>Nous avons reçu un nombre trop élevé de requêtes "
                    "depuis votre réseau. Réessayez dans quelques minutes.</p>", "Accès limité"), 200),
        "de": (page("<h1>Zugriff vorübergehend eingeschränkt</h1><p>Von Ihrem Netzwerk kamen zu viele Zugriffe. "
                    "Bitte versuchen Sie es in einigen Minuten erneut.</p>", "Zugriff eingeschränkt"), 200),
        "es": (page("<h1>Acceso limitado temporalmente</h1><p>Hemos recibido demasiadas peticiones desde tu "
                    "red. Inténtalo de nuevo en unos minutos.</p>", "Acceso limitado"), 200),
    },
    "network-filter": {
        "en": (page("<h1>Web Page Blocked</h1><p>Access to the web page you were trying to visit has been blocked "
                    "in accordance with company policy. Category: Uncategorized. Contact your network "
                    "administrator if you believe this is an error.</p>", "Web Page Blocked"), 200),
        "fr": (page("<h1>Page web bloquée</h1><p>L'accès à ce site a été bloqué par votre administrateur réseau "
                    "conformément à la politique de sécurité. Catégorie : non classée.</p>", "Page bloquée"), 200),
        "de": (page("<h1>Webseite gesperrt</h1><p>Der Zugriff auf diese Webseite wurde durch die Firewall Ihres "
                    "Unternehmens gesperrt. Kategorie: Nicht kategorisiert.</p>", "Seite gesperrt"), 200),
        "es": (page("<h1>Página web bloqueada</h1><p>El acceso a este sitio ha sido bloqueado por el "
                    "administrador de la red. Categoría: sin clasificar.</p>", "Página bloqueada"), 200),
    },
    "maintenance": {
        "en": (page("<h1>We're performing some maintenance</h1><p>Brightwell is unavailable while we work on "
                    "it. Thanks for your patience.</p>", "Maintenance"), 200),
        "fr": (page("<h1>Site en travaux</h1><p>Brightwell est en cours de mise à jour. Merci de revenir un peu "
                    "plus tard.</p>", "Travaux"), 200),
        "de": (page("<h1>Wir führen gerade Wartungsarbeiten durch</h1><p>Brightwell ist in Kürze wieder "
                    "erreichbar.</p>", "Wartung"), 503),
        "es": (page("<h1>Sitio en mantenimiento</h1><p>Estamos realizando tareas de mantenimiento. Vuelve "
                    "más tarde.</p>", "Mantenimiento"), 200),
    },
    "soft-404": {
        "en": (page("<h1>Oops! That page can't be found.</h1><p>Nothing was found at this location. Try a "
                    "search?</p><form><input name='s'></form>", "Nothing found"), 200),
        "fr": (page("<h1>Oups ! Cette page est introuvable.</h1><p>Essayez une recherche ou revenez à "
                    "l'accueil.</p>", "Introuvable"), 200),
        "de": (page("<h1>Hoppla! Diese Seite gibt es nicht.</h1><p>Versuchen Sie es mit der Suche.</p>",
                    "Nicht gefunden"), 200),
        "es": (page("<h1>¡Vaya! No encontramos esta página.</h1><p>Prueba con una búsqueda.</p>",
                    "No encontrada"), 200),
    },
    "cdn-error": {
        "en": (page("<h1>Error 522</h1><p>Connection timed out</p><p>The origin web server did not respond in "
                    "time. Ray ID: 8a1b2c3d4e5f6789</p>", "Connection timed out"), 200),
        "varnish": (page("<h1>Error 503 Backend fetch failed</h1><p>Guru Meditation:</p><p>XID: 45678</p>"
                         "<p>Varnish cache server</p>", "503 Backend fetch failed"), 200),
        "cloudfront": (page("<h1>ERROR</h1><h2>The request could not be satisfied.</h2><p>CloudFront attempted to "
                            "establish a connection with the origin, but either the attempt failed or the origin "
                            "closed the connection.</p>", "ERROR: The request could not be satisfied"), 200),
        "origin": (page("<h1>Web server is down</h1><p>Error code 521. The web server is not returning a "
                        "connection.</p>", "Web server is down"), 200),
    },
    "suspended-host": {
        "en": (page("<h1>Account Suspended</h1><p>This account has been suspended. Contact your hosting "
                    "provider for more information.</p>", "Account Suspended"), 200),
        "fr": (page("<h1>Site suspendu</h1><p>Ce site a été suspendu par son hébergeur.</p>", "Suspendu"), 200),
        "de": (page("<h1>Diese Website wurde gesperrt</h1><p>Bitte wenden Sie sich an Ihren Hoster.</p>",
                    "Gesperrt"), 200),
        "es": (page("<h1>Cuenta suspendida</h1><p>Esta cuenta ha sido suspendida. Contacta con tu proveedor de "
                    "alojamiento.</p>", "Suspendida"), 200),
        "parked": (page("<h1>quillon-legal.example</h1><p>This domain is parked free, courtesy of a registrar. "
                        "Related searches: Legal Forms, Online Contracts.</p>", "quillon-legal.example"), 200),
    },
    "session-expired": {
        "en": (page("<h1>Your session has expired</h1><p>Please sign in again to continue.</p>"
                    "<a href='/account'>Sign in</a>", "Session expired"), 200),
        "fr": (page("<h1>Votre session a expiré</h1><p>Veuillez vous reconnecter pour continuer.</p>"
                    "<a href='/compte'>Se reconnecter</a>", "Session expirée"), 200),
        "de": (page("<h1>Ihre Sitzung ist abgelaufen</h1><p>Bitte melden Sie sich erneut an.</p>"
                    "<a href='/konto'>Erneut anmelden</a>", "Sitzung abgelaufen"), 200),
        "es": (page("<h1>Tu sesión ha caducado</h1><p>Vuelve a iniciar sesión para continuar.</p>"
                    "<a href='/cuenta'>Iniciar sesión</a>", "Sesión caducada"), 200),
    },
    "interstitial-ad": {
        "en": (page("<p>Advertisement</p><div class='ad'>Try Brightwell Pro free for 30 days!</div>"
                    "<a href='?skip=1'>Continue to site »</a>", "Brightwell"), 200),
        "fr": (page("<p>Publicité</p><div class='ad'>Essayez Brightwell Pro gratuitement !</div>"
                    "<a href='?skip=1'>Accéder au site »</a>", "Brightwell"), 200),
        "de": (page("<p>Anzeige</p><div class='ad'>Brightwell Pro jetzt gratis testen!</div>"
                    "<a href='?skip=1'>Weiter zur Seite »</a>", "Brightwell"), 200),
        "es": (page("<p>Publicidad</p><div class='ad'>¡Prueba Brightwell Pro gratis!</div>"
                    "<a href='?skip=1'>Continuar al sitio »</a>", "Brightwell"), 200),
    },
    "pay-or-consent": {
        "en": (page("<h1>Choose how to use Brightwell</h1><p>Accept tracking for personalised advertising, or "
                    "subscribe for 2.99 € a month to use the site without ads or tracking.</p>"
                    "<button>Accept and continue</button><button>Subscribe</button>", "Your choice"), 200),
        "fr": (page("<h1>Acceptez les cookies ou abonnez-vous</h1><p>Pour continuer, acceptez le dépôt de "
                    "cookies publicitaires ou souscrivez à l'offre sans publicité à 2,99 € par mois.</p>"
                    "<button>Accepter et continuer</button><button>S'abonner</button>", "Votre choix"), 200),
        "de": (page("<h1>Werbung oder Abo</h1><p>Stimmen Sie dem Tracking zu oder lesen Sie werbefrei im "
                    "Pur-Abo für 2,99 € im Monat.</p><button>Akzeptieren und weiter</button>"
                    "<button>Jetzt abonnieren</button>", "Ihre Wahl"), 200),
        "es": (page("<h1>Acepta las cookies o suscríbete</h1><p>Para seguir, acepta las cookies de publicidad o "
                    "suscríbete sin anuncios por 2,99 € al mes.</p><button>Aceptar y continuar</button>"
                    "<button>Suscribirse</button>", "Tu elección"), 200),
    },
    "consent-wall": {
        "it": (page("<h1>Il rispetto della tua privacy è la nostra priorità</h1><p>Noi e i nostri partner "
                    "utilizziamo cookie per misurare il pubblico e personalizzare gli annunci.</p>"
                    "<button>Accetta</button><button>Rifiuta</button><button>Scopri di più</button>",
                    "Brightwell"), 200),
        "es": (page("<h1>Tu privacidad es importante para nosotros</h1><p>Nosotros y nuestros socios usamos "
                    "cookies para medir la audiencia y personalizar los anuncios.</p>"
                    "<button>Aceptar</button><button>Rechazar</button><button>Más opciones</button>",
                    "Brightwell"), 200),
        "nl": (page("<h1>Wij vragen om je toestemming</h1><p>Wij en onze partners gebruiken cookies om het "
                    "bezoek te meten en advertenties af te stemmen.</p><button>Akkoord</button>"
                    "<button>Weigeren</button><button>Instellingen beheren</button>", "Brightwell"), 200),
        "en": (page("<h1>We value your privacy</h1><p>We and our partners use cookies to measure audiences and "
                    "personalise ads.</p><button>Agree</button><button>Disagree</button><button>More "
                    "options</button>", "Brightwell"), 200),
    },
    "cookies-disabled": {
        "en": (page("<h1>Cookies are disabled</h1><p>Your browser has cookies turned off. Turn them on to use "
                    "Brightwell.</p>", "Cookies disabled"), 200),
        "fr": (page("<h1>Les cookies sont désactivés</h1><p>Activez les cookies dans votre navigateur pour "
                    "accéder à Brightwell.</p>", "Cookies désactivés"), 200),
        "de": (page("<h1>Cookies sind deaktiviert</h1><p>Bitte aktivieren Sie Cookies in Ihrem Browser, um "
                    "Brightwell zu nutzen.</p>", "Cookies deaktiviert"), 200),
        "es": (page("<h1>Las cookies están desactivadas</h1><p>Activa las cookies en tu navegador para usar "
                    "Brightwell.</p>", "Cookies desactivadas"), 200),
    },
}

# Real (short) terms that say the words of the notices above in a clause: each is recorded.
NEGATIVES: dict[str, str] = {
    "cookies": page(
        "<h1>Quillon Terms of Use</h1><p>Last updated: 2 March 2026.</p><h2>1. Cookies</h2><p>We use cookies to "
        "keep you signed in; if cookies are disabled in your browser, some features will not work.</p>"
        "<h2>2. Fees</h2><p>You agree to pay the fees shown at checkout. We may suspend an account whose payment "
        "fails.</p><h2>3. Liability</h2><p>Our liability is limited to the fees you paid in the last twelve "
        "months.</p>", "Quillon Terms"),
    "maintenance": page(
        "<h1>Quillon Service Terms</h1><h2>1. Availability</h2><p>The service may be unavailable during scheduled "
        "maintenance, which we announce seven days ahead; we'll be back as soon as the work is done.</p>"
        "<h2>2. Termination</h2><p>You may terminate this agreement at any time. We may suspend your access if "
        "you breach these terms.</p><h2>3. Governing law</h2><p>These terms are governed by the laws of "
        "Portugal.</p>", "Quillon Service Terms"),
    "not-found": page(
        "<h1>Quillon Terms</h1><h2>1. Content</h2><p>If a file you shared is not found on our servers after "
        "ninety days, we are not liable for its loss.</p><h2>2. Account</h2><p>You agree to keep your password "
        "safe; your session expires after thirty days of inactivity.</p><h2>3. Disputes</h2><p>Any dispute "
        "goes to the courts of Lisbon.</p>", "Quillon Terms"),
    "too-many": page(
        "<h1>Quillon API Terms</h1><h2>1. Limits</h2><p>If you send too many requests, access may be limited "
        "for an hour and you will receive a notice; repeated abuse may lead to suspension.</p><h2>2. Fees</h2>"
        "<p>You agree to pay the fees of your plan.</p><h2>3. Liability</h2><p>The API is provided as is, "
        "without warranty.</p>", "Quillon API Terms"),
    # short pages with hardly any legal vocabulary: their notice words are in sentences of prose
    "cookie-policy-short": page(
        "<h1>Quillon cookie notice</h1><p>We use cookies to keep you signed in and to remember your language. If "
        "cookies are disabled in your browser, some features of Quillon will not work.</p><p>You can delete our "
        "cookies at any time in your browser settings.</p>", "Quillon cookies"),
    "availability-short": page(
        "<h1>Quillon availability</h1><p>We aim to keep Quillon online around the clock. We may take it offline for "
        "maintenance on Sunday nights, and we tell you by email a week before longer work.</p><p>Your notes are "
        "kept safe while the service is down.</p>", "Quillon availability"),
    "session-short": page(
        "<h1>Quillon sign-in notice</h1><p>Your session expires after thirty days without activity, and you will "
        "need to sign in again on each device.</p><p>We never share your password with anyone.</p>",
        "Quillon sign-in"),
}

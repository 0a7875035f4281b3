"""Guards against recording something false: error pages served as 200, wrong content, sudden shrinks.

Everything here is a small pure function of the fetched page, so each rule can be tested alone
and ``run.py`` only has to call them in order:

* ``unexpected_content_type`` - images, video, archives, ``application/octet-stream``: not terms.
* ``empty_body`` - a 200 with no bytes (or only whitespace) is a server fault, not a new text.
* ``error_page`` - pages that are not the terms, served with status 200 (access denied, captcha
  / bot checks, cookie walls and consent screens, "page not found", login pages and redirects to
  a login address, waiting rooms, maintenance, status and rate-limit pages, country choosers,
  pages that need JavaScript, `noindex` placeholders), in English, French, German, Spanish,
  Italian, Dutch, Portuguese and Japanese. The rules look at what the page is (the extracted
  text, the raw ``<title>``, a password or e-mail field, a challenge widget, scripts around no
  text, ``noindex``, where redirects ended), only when the text is short (``SHORT_TEXT``
  characters) or much shorter than the last recorded version, and a short text with the
  vocabulary of terms (``legal_vocabulary``) is terms whatever else it names: real terms that
  say "we use hCaptcha" are recorded.
* ``cut_off_html``, ``cut_mid_text`` and ``teaser`` - HTML whose bytes stop before ``</body>``
  (a transfer closed early: held; refused when they stop mid-text, or when the text stops
  mid-sentence where the latest version goes on), and the first section of the terms with a
  "Read more" control (refused).
* ``shrink`` - a text that suddenly lost more than ``max_shrink`` of the last version is held
  (recorded only once seen in several consecutive runs), since half a page missing is far more
  often a broken render than a rewrite; ``dropped`` - a text that lost over 30% of it in
  whole sections, nothing new, is held the same way (``HOLD_RUNS``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from tracker.text import common_lines, common_start
# The legal vocabulary lives in tracker.vocabulary (extraction reads it too); re-exported here.
from tracker.vocabulary import TERMS_LIKE, TERMS_LIKE_STRONG, legal_vocabulary  # noqa: F401

SHORT_TEXT = 2000  # characters: error pages are short; terms are not
MUCH_SHORTER = 0.5  # "much shorter than the last version": under half of it
DEFAULT_MAX_SHRINK = 0.5
HOLD_RUNS = 3  # a sudden shrink is recorded only once seen in this many consecutive runs

_TITLE_RE = re.compile(rb"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_PASSWORD_RE = re.compile(rb"""<input\b[^>]*\btype\s*=\s*["']?password\b""", re.IGNORECASE)

# Media types that are never terms (PDF, HTML, text and unknown/absent types are left to extract).
_BINARY_PREFIXES = ("image/", "video/", "audio/", "font/", "model/")
_BINARY_TYPES = frozenset({
    "application/octet-stream", "application/zip", "application/x-zip-compressed", "application/gzip",
    "application/x-gzip", "application/x-tar", "application/x-7z-compressed", "application/x-rar-compressed",
    "application/vnd.rar", "application/x-bzip2", "application/java-archive", "application/x-msdownload",
    "application/vnd.android.package-archive", "application/wasm",
})


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def unexpected_content_type(content_type: str | None, body: bytes = b"") -> str | None:
    """The reason a response is not a terms page by its Content-Type, or None.

    ``application/octet-stream`` holding a PDF (``%PDF-`` magic) is let through: some servers
    label every download that way and PDFs are supported.
    """
    media = media_type(content_type)
    if not media:
        return None
    if media == "application/octet-stream" and body.lstrip()[:5] == b"%PDF-":
        return None
    if media.startswith(_BINARY_PREFIXES) or media in _BINARY_TYPES:
        return f"unexpected content type {media} (expected HTML, text or PDF)"
    # An API's answer or a script ('{"error": "not_found"}'), never a page of terms: the URL now
    # answers with data (the page moved behind an app, or an error in JSON).
    if media in _DATA_TYPES or media.endswith("+json"):
        return f"unexpected content type {media}: the URL answered with data, not a page; check the source's url"
    if _is_json(body, media):
        return f"the URL answered with JSON data, served as {media}, not a page; check the source's url"
    return None


_DATA_TYPES = frozenset({"application/json", "text/json", "application/javascript", "text/javascript",
                         "application/x-javascript", "text/css", "application/ld+json"})


def _is_json(body: bytes, media: str) -> bool:
    """A body that is one JSON object or array, served under a text type (``text/plain``,
    ``text/html``): the first byte tells, the parser confirms (terms never parse as JSON)."""
    start = body.lstrip()[:1]
    if start not in (b"{", b"[") or not media.startswith("text/") or len(body) > 1 << 20:
        return False
    import json

    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def empty_body(body: bytes) -> str | None:
    """The reason a 200 body cannot be a version (nothing in it), or None."""
    if not body.strip():
        return "empty response body (the server answered with no content)"
    return None


def html_title(raw: bytes) -> str:
    """The raw HTML <title> (first 64 KB), whitespace collapsed; "" when there is none."""
    match = _TITLE_RE.search(raw[:65536])
    if not match:
        return ""
    return " ".join(match.group(1).decode("utf-8", "replace").split())


def has_password_field(raw: bytes) -> bool:
    return _PASSWORD_RE.search(raw) is not None


def has_script(raw: bytes) -> bool:
    """Whether the bytes hold a ``<script>`` element (HTML that scripts may write text into)."""
    return _SCRIPT.search(raw) is not None


# --------------------------------------------------------------------------- soft-error rules


@dataclass(frozen=True)
class Page:
    """What the rules look at: the extracted text, the raw <title> and the raw bytes."""

    text: str
    title: str = ""
    raw: bytes = b""
    url: str = ""  # the address asked for ("" when unknown)
    final_url: str = ""  # where redirects ended

    @property
    def both(self) -> str:
        """Title and text, lower-cased, where the notice rules look for their words: of a long
        text, only its first ``SHORT_TEXT`` characters (a notice is at the top of the page it is;
        long terms that shrank may have a section "2.5 La file d'attente" far below). Table rows
        are left out: a notice is never a table cell, and a cell is data ("Rate limit (RPM)",
        "404" in a table of error codes, "Status" in a plan table)."""
        head = self.text[:SHORT_TEXT]
        if "|" in head:
            head = "\n".join(line for line in head.splitlines() if not line.lstrip().startswith("|"))
        return f"{self.title}\n{head}".lower()


def _has(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    return lambda text: compiled.search(text) is not None




# Notices in English, French, German, Spanish, Italian, Dutch, Portuguese and Japanese (Japanese
# alternatives without ``\b``). Each names what the page *is*; a rule fires only on a short page,
# or one much shorter than the last version, with little legal vocabulary (``error_page``).
_ACCESS_DENIED = _has(
    r"\baccess (is )?denied\b|\b403\b\W{0,3}forbidden\b|^\W*forbidden\W*$|"
    r"you (don't|do not|don’t) have permission to access|you have been blocked|"
    r"\brequest (was |has been )?(blocked|rejected|denied|unsuccessful)\b|\brequested url was rejected\b|"
    r"\baccess to this (page|resource|site) (is|has been) (denied|blocked|restricted)|"
    r"\bacc[èe]s (refus[ée]|interdit)\b|\bzugriff verweigert\b|\bzugang verweigert\b|"
    r"\bacceso denegado\b|\bno tienes permiso para acceder|\baccesso negato\b|\bnon hai (il )?permesso di accedere|"
    r"\btoegang geweigerd\b|\bacesso negado\b|\bvoc[êe] n[ãa]o tem permiss[ãa]o|アクセスが拒否|アクセス拒否|アクセス権がありません"
)
# A bot check is told by what it asks of the reader, never by the word "captcha" alone: terms
# may name a captcha vendor ("we use hCaptcha"), and a service may even be called Captcha.
_CAPTCHA = _has(
    r"(complete|solve|fill in|enter) the (security |following )?(captcha|challenge)|security check|"
    r"verify(ing)? (that )?you are (a )?human|are you (a )?(robot|human)\?|checking (if the site connection is secure|your browser)|"
    r"review the security of your connection|made us think you (were|are) a (bot|robot)|"
    r"just a moment\.\.\.|\bddos protection by\b|attention required!|"
    r"unusual traffic from your (computer|network)|press (&|and) hold|"
    r"v[ée]rifi(ez|er|cation) que vous (n'|n’)?[êe]tes (un humain|pas un robot)|"
    r"best[äa]tigen sie, dass sie (ein mensch|kein roboter) sind|sicherheitsüberprüfung|"
    r"vérification de sécurité|un instant\.\.\.|einen moment\.\.\.|un momento\.\.\.|um momento\.\.\.|"
    r"verifica(r)? (que|di) (eres|sei|essere) (un )?(humano|umano)|no soy un robot|non sono un robot|"
    r"verificaci[óo]n de seguridad|controllo di sicurezza|bevestig dat (je|u) (een mens|geen robot) bent|"
    r"beveiligingscontrole|verifique que voc[êe] [ée] humano|n[ãa]o sou um rob[ôo]|verifica[çc][ãa]o de seguran[çc]a|"
    r"ロボットではありません|人間であることを確認"
)
_CHALLENGE_FORM = re.compile(
    rb"""class\s*=\s*["'][^"']*\b(g-recaptcha|h-captcha|cf-turnstile|frc-captcha)\b|"""
    rb"""id\s*=\s*["'](challenge-form|cf-challenge-running|challenge-stage|captcha-form)["']|"""
    rb"""<form\b[^>]*\baction\s*=\s*["'][^"']*(captcha|challenge)[^"']*["']|"""
    rb"""<input\b[^>]*\bname\s*=\s*["'](captcha|cf-turnstile-response|g-recaptcha-response|h-captcha-response)""",
    re.IGNORECASE)
# A page that cannot show its text without scripts or cookies: what an interstitial or a
# client-rendered shell says to a reader whose browser runs neither.
_NEEDS_SCRIPT = _has(
    r"\b(enable|turn on|activate|allow|switch on) (js|javascript)\b|\b(js|javascript) (is )?(required|disabled|"
    r"must be enabled|needs to be enabled|is not enabled)\b|\b(requires|needs) javascript\b|"
    r"\b(javascript|cookies) and (javascript|cookies) (are|is) (enabled|disabled|required)|"
    r"\benable (javascript and cookies|cookies and javascript)\b|"
    r"\bactive[zr] (le )?javascript\b|\bjavascript (est )?(requis|désactivé|nécessaire)\b|"
    r"\bjavascript (aktivieren|ist deaktiviert|ist erforderlich)\b|\baktivieren sie javascript\b|"
    r"\b(habilita|activa|habilite|active) (el )?javascript\b|\babilita(re)? javascript\b|"
    r"\bjavascript (inschakelen|is uitgeschakeld)\b|\bschakel javascript in\b|\bative o javascript\b|"
    r"javascript\s?(を有効|が無効)"
)
_RATE_LIMIT = _has(
    # "rate limit" alone is a noun of every API's pricing and usage terms ("Rate limits apply per
    # key"): the notice says one was hit ("rate limit exceeded", "you have been rate limited")
    r"\btoo many requests\b|\brate[- ]limit (exceeded|reached|hit)\b|\b(hit|reached|exceeded) (the|a|your) "
    r"rate[- ]limit\b|\b(been|being|are|is|were|was|got) (temporarily )?rate[- ]limited\b|"
    r"^\W*rate[- ]limited\W*$|\b429\b\W{0,3}too many|"
    r"\btrop de (requêtes|demandes)\b|\bzu viele anfragen\b|\bdemasiadas (solicitudes|peticiones)\b|"
    r"\btroppe richieste\b|\bte veel (verzoeken|aanvragen)\b|\bmuitas (solicita[çc][õo]es|requisi[çc][õo]es)\b|"
    r"リクエストが多すぎ|アクセスが集中"
)
_COOKIE_WALL = _has(
    r"(accept|allow|agree to|consent to) (all |our |the )?cookies (in order )?to (continue|proceed|access|view|use)|"
    r"you (must|need to) (accept|allow|enable) (all |our )?cookies|cookies are required to (view|use|access)|"
    r"please (accept|allow|enable) (all |our )?cookies|"
    r"acceptez (tous )?les cookies pour (continuer|accéder)|akzeptieren sie (alle )?cookies, um fortzufahren|"
    r"acepta(r)? (las|todas las) cookies para (continuar|acceder)|accetta(re)? (i|tutti i) cookie per (continuare|accedere)|"
    r"accepteer (de|alle) cookies om|aceite (os|todos os) cookies para"
)
# A consent screen in place of the page: the words of cookies or consent and both an
# "accept all" and a "reject all" / "manage" control (a banner over terms leaves the terms' text).
_CONSENT_TOPIC = _has(r"cookie|\bconsent|\bconsentement|\beinwilligung|\bconsenso|\btoestemming|クッキー|同意")
_ACCEPT_ALL = _has(
    r"^\W*(consent|i consent|give consent)\W*$|\basks? for your consent to use your personal data\b|"
    r"\b(accept|allow|agree to) all\b|\bi accept\b|\btout accepter\b|\baccepter et fermer\b|\balle akzeptieren\b|"
    r"\balle zulassen\b|\baceptar todo|\baceptar todas|\baccetta tutt[oi]\b|\balles accepteren\b|\baceitar tud|"
    r"\baceitar todos|すべて(同意|許可|受け入れ)"
)
_DECLINE_OR_MANAGE = _has(
    r"\bdo not consent\b|\bdon['’]t consent\b|"
    r"\b(reject|decline|refuse|deny) all\b|\b(manage|customi[sz]e|change) (my )?(preferences|options|settings|choices)\b|"
    r"\bmore options\b|\bcookie settings\b|\btout refuser\b|\bparam[ée]trer\b|\balle ablehnen\b|\beinstellungen\b|"
    r"\brechazar todo|\bconfigurar\b|\brifiuta tutt[oi]\b|\bpersonalizza\b|\balles weigeren\b|\binstellingen\b|"
    r"\brejeitar tud|\bgerenciar\b|すべて拒否|設定"
)
_NOT_FOUND = _has(
    r"\b(page|document|file|resource|content)\s+(was\s+|is\s+)?not\s+found\b|(?<![$€£.,\d])\b404\b(?![.,]\d)|"
    r"\bpage (you (were|are) looking for|you requested) (does not|doesn't|doesn’t|could not|couldn't|can't|cannot)|"
    r"\b(this|that|the) page (does not|doesn't|doesn’t) exist|\bwe (can't|cannot|can’t|couldn't|could not) find (that|this|the) page|"
    r"\bpage (introuvable|non trouvée)\b|\b(diese|die|eine) seite gibt es (leider )?nicht\b|"
    r"\b(no (encontramos|pudimos encontrar|hemos encontrado|se encontr[óo])|no se pudo encontrar) (esta|la|esa) p[áa]gina\b|"
    r"\b(nous ne trouvons pas|impossible de trouver) (cette|la) page\b|\bnon (riusciamo|siamo riusciti) a trovare "
    r"(questa|la) pagina\b|\b(we )?(kunnen|konden) (deze|de) pagina niet vinden\b|\bn[ãa]o encontramos (esta|a) p[áa]gina\b|"
    r"\bnothing (was )?found (at|here|for)\b|\bcette page n'existe pas|\bseite nicht gefunden\b|\bdiese seite existiert nicht|"
    r"\bp[áa]gina no (encontrada|existe)\b|\bla p[áa]gina que (buscas|busca|solicitaste) no existe|"
    r"\bpagina non (trovata|esiste)\b|\bla pagina che (stai cercando|cerchi) non esiste|"
    r"\bpagina (niet gevonden|bestaat niet)\b|\bde pagina die (je|u) zoekt bestaat niet|"
    r"\bp[áa]gina n[ãa]o (encontrada|existe)\b|\ba p[áa]gina que voc[êe] (procura|está procurando) n[ãa]o existe|"
    r"ページが見つかりません|お探しのページ(は|が)|ページは存在しません|"
    # the notice said of the document or file asked for ("The document you requested could not be
    # found", "Ce document n'est plus disponible"): its subject named, so a clause about a service
    # "no longer available" is no notice; looked at only on short pages without terms vocabulary
    r"\b(page|document|file|resource|content|article|link|url)\b[^.!?\n]{0,40}?\b((could not|couldn't|couldn’t|cannot|"
    r"can't|can’t) be found|(is|are|has been) no longer (available|online)|no longer exists)\b|"
    # ... or that it failed to load ("This document could not be loaded"): of this page, not of any file
    r"^\W*(this|the requested) (page|document|content)\b[^.!?\n]{0,20}?\b((could not|couldn't|couldn’t|cannot|can't|"
    r"can’t) be (loaded|displayed|retrieved|shown)|failed to load)\b|"
    r"\b(page|document|fichier|lien|contenu)\b[^.!?\n]{0,40}?(\best introuvable|\bn['’]est plus (disponible|en ligne)|"
    r"\bn['’]existe plus)\b|\b(seite|dokument|datei|inhalt|link)\b[^.!?\n]{0,40}?\b(konnte nicht gefunden werden|"
    r"(ist )?nicht mehr verfügbar|existiert nicht mehr)\b|"
    r"\b(p[áa]gina|documento|archivo|contenido)\b[^.!?\n]{0,40}?\b(no se (ha podido|pudo) encontrar|ya no est[áa] disponible)\b|"
    r"\b(pagina|documento|file|contenuto)\b[^.!?\n]{0,40}?\bnon è (stat[oa] trovat[oa]|più disponibile)\b|"
    r"\b(pagina|document|bestand|inhoud)\b[^.!?\n]{0,40}?\b(kon niet (worden )?gevonden|is niet meer beschikbaar)\b|"
    r"\b(p[áa]gina|documento|arquivo|conte[úu]do)\b[^.!?\n]{0,40}?\b(não (foi|pôde ser) encontrad[oa]|não está mais "
    r"disponível)\b"
)
_LOGIN_WORDS = _has(
    r"\b(sign|log)\s?in\b|\blog\s?on\b|\bpassword\b|\bforgot\b|\bcreate an account\b|"
    r"\bcontinue with (google|apple|microsoft|facebook|github|sso|email)\b|\bsingle sign[- ]on\b|\bsso\b|"
    r"\bse connecter\b|\bconnexion\b|\bmot de passe\b|\bidentifiez-vous\b|"
    r"\banmelden\b|\banmeldung\b|\beinloggen\b|\bpasswort\b|\bkennwort\b|"
    r"\biniciar sesi[óo]n\b|\bcontraseña\b|\baccedi\b|\baccesso\b|\binloggen\b|\baanmelden\b|\bwachtwoord\b|"
    r"\bentrar\b|\bsenha\b|ログイン|パスワード|サインイン"
)
_QUEUE = _has(
    r"\byou are (now )?in (the )?(line|queue)\b|\bwaiting room\b|\bestimated wait(ing)? time\b|\bestimated wait\b|"
    r"\byour (place|position|number) in (the )?(line|queue)\b|\bqueue-it\b|"
    r"\bfile d'attente\b|\bfile d’attente\b|\bsalle d'attente\b|\btemps d'attente estimé\b|\bvous êtes (dans la file|en attente)\b|"
    r"\bwarteschlange\b|\bwarteraum\b|\bgeschätzte wartezeit\b|\bsie sind in der warteschlange\b|"
    r"\bsala de espera\b|\best[áa]s en (la )?(fila|cola)\b|\btiempo de espera estimado\b|\bsala d'attesa\b|"
    r"\bsei in coda\b|\btempo di attesa stimato\b|\bwachtrij\b|\bwachtkamer\b|\bgeschatte wachttijd\b|"
    r"\bfila de espera\b|\bvoc[êe] est[áa] na fila\b|\btempo de espera estimado\b|順番待ち|待ち時間|待機室"
)
_MAINTENANCE = _has(
    r"\b(under|down for|undergoing|scheduled) maintenance\b|\bwe('ll| will) be back (soon|shortly)\b|\bback online soon\b|"
    r"\ben (cours de )?maintenance\b|\bmaintenance (en cours|programmée)\b|\bde retour (bientôt|très vite)\b|"
    r"\bwartungsarbeiten\b|\bwartungsmodus\b|\bwegen wartung\b|\bbald wieder (für sie )?da\b|"
    r"\ben mantenimiento\b|\bmantenimiento programado\b|\bvolveremos (pronto|en breve)\b|\bin manutenzione\b|"
    r"\btorneremo (presto|a breve)\b|\bonderhoudswerkzaamheden\b|\bin onderhoud\b|\bwe zijn (zo|snel) (weer )?terug\b|"
    r"\bem manuten[çc][ãa]o\b|\bvoltaremos em breve\b|メンテナンス中|メンテナンスを(実施|行って)"
)
_STATUS = _has(
    r"\ball systems operational\b|\b(service|site) (is )?(temporarily )?unavailable\b|\b503\b\W{0,3}service unavailable|"
    r"\berror establishing a database connection\b|\bdatabase (connection )?error\b|\bapplication error\b|"
    r"\ban error occurred in the application\b|\bserver error in ['‘’]/['‘’] application\b|"
    r"\b(fatal|parse) error\b.{0,200}\bon line \d+|\buncaught (exception|error|typeerror)\b|"
    r"\btraceback \(most recent call last\)|\bwhoops, looks like something went wrong\b|"
    r"\binternal server error\b|\b(502|504) (bad gateway|gateway time-?out)\b|\bsomething went wrong\b|"
    r"\bservice (temporairement )?indisponible\b|\bune erreur (interne )?est survenue\b|\berreur (interne du serveur|500)\b|"
    r"\b(vorübergehend )?nicht verfügbar\b|\bein fehler ist aufgetreten\b|\binterner serverfehler\b|"
    r"\bincident (history|report)\b|\buptime\b.*\b(90|30) days\b|"
    r"\balgo (sali[óo]|ha salido) mal\b|\b(se ha producido|ha ocurrido|se produjo) un error\b|\bservicio no disponible\b|"
    r"\bqualcosa (è|e') andato storto\b|\bsi (è|e') verificato un errore\b|\bservizio non disponibile\b|"
    r"\ber is iets (mis ?gegaan|fout gegaan)\b|\ber is een fout opgetreden\b|\b(tijdelijk )?niet beschikbaar\b|"
    r"\balgo deu errado\b|\bocorreu um erro\b|\bservi[çc]o indispon[íi]vel\b|"
    r"エラーが発生しました|問題が発生しました|サービスを(ご)?利用できません|一時的に利用できません|"
    # a proxy's, load balancer's or framework's own one-line error (Envoy, Kubernetes ingress,
    # Express, Spring, OpenShift, IIS): the application behind it did not answer
    r"\bno healthy upstream\b|\bupstream (connect error|request timeout)\b|\bdefault backend\W+404\b|"
    r"^\W*cannot (get|post) /|\bwhitelabel error page\b|\bapplication is not available\b|"
    r"^\W*the service is unavailable\W*$"
)
# Choosing a country, region or language before the page: the terms are one click further.
_CHOOSER = _has(
    r"\b(choose|select|pick) (your |a )?(country|region|location|language|market)\b|\bwhere are you (located|shopping)\b|"
    r"\b(choisissez|sélectionnez|choisir) (votre |un )?(pays|région|langue)\b|"
    r"\b(wählen sie (ihr|ihre|ein) (land|region|sprache)|(land|region|sprache) (aus)?wählen)\b|"
    r"\b(elige|selecciona|seleccione|elija) (tu |su |un )?(país|región|idioma)\b|"
    r"\b(scegli|seleziona) (il tuo |la tua |un )?(paese|regione|lingua)\b|"
    r"\b(kies|selecteer) (je |uw |een )?(land|regio|taal)\b|"
    r"\b(escolha|selecione) (o seu |seu |sua |a sua |um )?(país|região|idioma)\b|"
    r"(国|地域|言語)を選択|国または地域"
)
_NOINDEX = re.compile(rb"""<meta\b[^>]*\bname\s*=\s*["']?robots["']?[^>]*\bcontent\s*=\s*["'][^"']*\bnoindex""",
                      re.IGNORECASE)
_REFRESH = re.compile(rb"""<meta\b[^>]*\bhttp-equiv\s*=\s*["']?refresh""", re.IGNORECASE)

COOKIE_WALL_MAX = 600  # a cookie wall is a banner and a button: "little other text"
CONSENT_MAX = 1200  # a consent screen lists its purposes and partners: a little longer
PROMPT_LINE = 150  # characters: a line this short can be a page's prompt (a heading, a notice)
SCRIPT_SHELL = 80  # characters: a page this short whose bytes carry scripts is a shell they fill
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_SCRIPT = re.compile(rb"<script\b", re.IGNORECASE)
_EMAIL_FIELD = re.compile(rb"""<input\b[^>]*\b(type\s*=\s*["']?email\b|name\s*=\s*["']?(email|username|login|user)\b)""",
                          re.IGNORECASE)
# Where a sign-in redirect lands: a login, SSO or OAuth path, or a login host.
_LOGIN_PATH = re.compile(
    r"(^|/)(log-?in|log-?on|sign-?in|sign_in|signon|sso|saml2?|oauth2?|authorize|openid-connect|cas/login|"
    r"session/new|sessions?/new|users/sign_in|account/login|auth/login|auth/realms|idp|adfs)(/|$|\.|\?|;)",
    re.IGNORECASE)
_LOGIN_HOST = re.compile(r"^(login|signin|sso|auth|idp|adfs|id)\.", re.IGNORECASE)
LITTLE_TEXT = 600  # characters: a page this short with no legal vocabulary and `noindex` says nothing
HOLLOW_LEGAL = 3  # fewer distinct legal patterns than this is "no legal vocabulary" (footer links)


def has_noindex(raw: bytes) -> bool:
    return _NOINDEX.search(raw[:65536]) is not None


def has_challenge_form(raw: bytes) -> bool:
    return _CHALLENGE_FORM.search(raw) is not None


# The scripts and markers of bot-protection challenges (Cloudflare, Akamai, Imperva, DataDome,
# HUMAN/PerimeterX, AWS WAF), which answer 403, 429 or 503 with a page that runs a check in the
# browser: the product's markers, never a list of sites.
_CHALLENGE_MARKERS = re.compile(
    rb"/cdn-cgi/challenge-platform/|\bcf-chl-|\bcf_chl_|_cf_chl_opt|/_Incapsula_Resource|captcha-delivery\.com|"
    rb"\bpx-captcha\b|\bsec-if-cpt\b|\bbm-verify\b|\bAwsWafIntegration\b|\bawswaf\b|"
    rb"<title>\s*(Just a moment\.\.\.|Attention Required!|Access denied \| [^<]* used Cloudflare)",
    re.IGNORECASE)


def bot_challenge(body: bytes, mitigated: str | None = None) -> bool:
    """Whether an error response (403, 429, 503...) is a bot-protection challenge rather than
    the site's own error: a ``cf-mitigated: challenge`` header (``mitigated``), a challenge form,
    or the scripts of a bot-protection product in the first 64 KB of ``body``."""
    if (mitigated or "").strip().lower() == "challenge":
        return True
    head = body[:65536]
    return _CHALLENGE_FORM.search(head) is not None or _CHALLENGE_MARKERS.search(head) is not None


BOT_CHALLENGE = ("the site's bot protection answered with a challenge instead of the page; "
                 "render = \"browser\" in the sources file may pass it, or ask the site to allow the tracker")


def access_denied(page: Page) -> bool:
    return _ACCESS_DENIED(page.both)


def captcha(page: Page) -> bool:
    return _CAPTCHA(page.both) or has_challenge_form(page.raw)


def cookie_wall(page: Page) -> bool:
    return len(page.text) <= COOKIE_WALL_MAX and _COOKIE_WALL(page.both)


# A cookie banner's words ("This site uses cookies", "We use cookies to...") and its control, the
# text's last line or words ("OK", "Got it", "Accept"): the banner a `select` matches after a
# redesign, in place of the terms. A short cookie policy says the same words but ends with prose.
_COOKIE_BANNER = _has(
    r"\b(this (web)?site|our (web)?site|we|this app) (uses?|use) (\w+ )?cookies\b|\bby (continuing|using|browsing)\b.{0,80}"
    r"\bcookies\b|\b(utilise|nous utilisons) des cookies|\b(verwendet|nutzt|wir verwenden|wir nutzen) cookies|"
    r"\b(utiliza|usa|usamos|utilizamos) cookies|\b(utilizza|usa|usiamo|utilizziamo) (i )?cookie|"
    r"\b(gebruikt|wij gebruiken|we gebruiken) cookies|(cookie|クッキー)を使用")
_BANNER_CONTROL = re.compile(
    r"(?:^|[\s)\]])(ok|okay|got it|accept|accept all|accept cookies|i agree|agree|allow|allow all|allow cookies|dismiss|"
    r"close|understood|i understand|j'accepte|accepter|d'accord|akzeptieren|einverstanden|verstanden|aceptar|acepto|"
    r"entendido|accetta|accetto|ho capito|akkoord|accepteren|aceitar|aceito|entendi|同意する|閉じる)\W{0,3}$",
    re.IGNORECASE)


BANNER_SENTENCES = 2  # a banner says it in a sentence or two ("We use cookies to... By using...")


def cookie_banner(page: Page) -> bool:
    """A cookie banner in place of the page: little text that says the site uses cookies and
    ends with the banner's control ("OK", "Got it", "Accept"), in two sentences at most (a short
    cookie policy says more, and ends with prose, not a button)."""
    if len(page.text) > COOKIE_WALL_MAX or not _COOKIE_BANNER(page.text.lower()):
        return False
    if _BANNER_CONTROL.search(page.text.strip()) is None:
        return False
    return len(prose_sentences(_LINK.sub(" ", page.text))) <= BANNER_SENTENCES


# A newsletter or updates sign-up: the widget a `select` matches after a redesign.
_SUBSCRIBE = _has(
    r"\b(subscribe|sign up) (to|for) (our|the) (newsletter|mailing list|updates)|\bjoin our (newsletter|mailing list)|"
    r"\bget (our|the) (latest )?(news|updates|newsletter) (in|delivered to|straight to) your inbox|"
    r"\b(abonnez-vous|inscrivez-vous) à (notre|la) newsletter|\b(newsletter|updates) abonnieren|"
    r"\bmelden sie sich (für|zu) unsere[mn]? newsletter an|\bsuscr[íi]bete a (nuestro|nuestra) (newsletter|bolet[íi]n)|"
    r"\biscriviti alla (nostra )?newsletter|\bmeld (je|u) aan voor (onze|de) nieuwsbrief|"
    r"\b(assine|inscreva-se n)a nossa newsletter|ニュースレター(を|に)(購読|登録)")


def newsletter_signup(page: Page) -> bool:
    """A newsletter sign-up in place of the page: little text asking to subscribe, and no
    sentence of terms (a short policy about the newsletter reads as terms and is kept)."""
    return len(page.text) <= COOKIE_WALL_MAX and _SUBSCRIBE(page.text.lower()) and not reads_as_terms(page.text)


def not_found(page: Page) -> bool:
    return _NOT_FOUND(page.both)


def login_page(page: Page) -> bool:
    """A password field and the words of a login form, or a redirect that ended on a login / SSO
    address (``redirected_to_login``), or little text around an e-mail field and the words of a
    sign-in ("Continue with Google"): the first step of a password-less login. (A terms page
    with a login box in its header has legal vocabulary, which is checked before any rule.)"""
    if has_password_field(page.raw) and _LOGIN_WORDS(page.both):
        return True
    if redirected_to_login(page.url, page.final_url):
        return True
    return (len(page.text) <= LITTLE_TEXT and _EMAIL_FIELD.search(page.raw) is not None
            and _LOGIN_WORDS(page.both))


def redirected_to_login(url: str, final_url: str) -> bool:
    """Whether redirects took ``url`` to a login, SSO or OAuth address (``/login?next=...``,
    ``/oauth2/authorize``, ``login.example.com``) that ``url`` itself is not."""
    from urllib.parse import urlsplit

    if not url or not final_url or url == final_url:
        return False

    def is_login(address: str) -> bool:
        parts = urlsplit(address)
        return bool(_LOGIN_PATH.search(parts.path) or _LOGIN_HOST.match(parts.hostname or ""))

    return is_login(final_url) and not is_login(url)


def waiting_room(page: Page) -> bool:
    return _QUEUE(page.both)


def maintenance(page: Page) -> bool:
    """A maintenance notice: its own words anywhere, or downtime words ("scheduled downtime",
    "currently offline", "temporarily unavailable", "upgrading our systems") in the title or a
    short line of a page that does not read as terms (short terms may say the service can be
    temporarily unavailable)."""
    return _MAINTENANCE(page.both) or (_prompt(_DOWNTIME, page) and not reads_as_terms(page.text))


_DOWNTIME = _has(
    r"\b(scheduled|planned) (downtime|outage)\b|\b(currently|temporarily) (offline|unavailable|down)\b|"
    r"\bdown for (an? )?(planned |scheduled )?(upgrade|update|maintenance)\b|"
    r"\b(upgrading|updating|upgrade|update) (our|the) (systems?|servers?|site|website|platform)\b|"
    r"\b(performing|doing|carrying out|running) (some )?(scheduled |planned |routine )?maintenance\b|"
    r"\bmaintenance (mode|in progress|underway|window)\b|^\W*(site |website )?(en )?maintenance\W*$|"
    r"\b(site|page|service) en travaux\b|\btravaux de maintenance\b|\bop[ée]ration de maintenance\b|"
    r"\bwartung(sarbeiten)? (durchf[üu]hren|l[äa]uft)\b|\b(tareas|trabajos) de mantenimiento\b|"
    r"\blavori di manutenzione\b|\bonderhoud (bezig|uitvoeren)\b|\btrabalhos de manuten[çc][ãa]o\b|"
    r"\btemporairement (indisponible|hors ligne)\b|\bvor[üu]bergehend (nicht (erreichbar|verf[üu]gbar)|offline)\b|"
    r"\btemporalmente (no disponible|fuera de l[íi]nea)\b|\btemporaneamente (non disponibile|offline)\b|"
    r"\btijdelijk (niet beschikbaar|offline)\b|\btemporariamente (indispon[íi]vel|fora do ar)\b|一時的に(停止|利用できません)")


def status_page(page: Page) -> bool:
    return _STATUS(page.both)


def _prompt(pattern: Callable[[str], bool], page: Page) -> bool:
    """Whether the title or a short line of the page (``PROMPT_LINE`` characters at most: a
    heading, a notice, a button) says ``pattern``: a clause that mentions it in a sentence
    ("if you change your country of residence") is not a prompt."""
    return any(len(line) <= PROMPT_LINE and pattern(line)
               for line in (page.title, *page.text.splitlines()) if line.strip())


def asks_for_script(page: Page) -> bool:
    """A page whose notice asks the reader to enable JavaScript (or cookies and JavaScript)."""
    return _prompt(_NEEDS_SCRIPT, page)


def script_shell(page: Page) -> bool:
    """Bytes that carry scripts around almost no text (``SCRIPT_SHELL`` characters once link
    targets are left out, hardly any legal vocabulary): a client-rendered shell ("Loading...")
    or an interstitial whose text scripts write. Even a rendered page this bare is a render
    that wrote nothing."""
    return (len(_LINK_TARGET.sub("]", page.text)) <= SCRIPT_SHELL and legal_vocabulary(page.text) < HOLLOW_LEGAL
            and has_script(page.raw))


def rate_limited(page: Page) -> bool:
    return _RATE_LIMIT(page.both)


def terms_beside_banner(text: str) -> bool:
    """Whether ``text`` holds terms beside a cookie or consent banner: once the lines that name
    cookies or consent, or carry the banner's controls ("Tout accepter", "Paramétrer", "Alle
    ablehnen"), are set aside, the rest reads as terms (``reads_as_terms`` with the legal
    vocabulary itself, ``TERMS_LIKE`` distinct legal patterns) and is longer than the banner.

    A short terms page under an ordinary banner is the terms whatever the banner says; a
    consent wall's own text is its purposes and partners, which name cookies or consent, so
    little or nothing of it is left.
    """
    banner: list[str] = []
    rest: list[str] = []
    for line in text.splitlines():
        low = line.lower()
        is_banner = (_CONSENT_TOPIC(low) or _ACCEPT_ALL(low) or _DECLINE_OR_MANAGE(low)
                     or (_ACCEPT_WORD.search(low) is not None and _REFUSE_WORD.search(low) is not None))
        (banner if is_banner else rest).append(line)
    kept = "\n".join(rest)
    return (len(kept.strip()) > len("\n".join(banner).strip()) and legal_vocabulary(kept) >= TERMS_LIKE
            and reads_as_terms(kept, notice=False))


def consent_screen(page: Page) -> bool:
    """A consent screen in place of the page: cookies or consent named, an "accept all" and a
    "reject all" or "manage options" control, and little other text (a short terms page under
    an ordinary banner is not one: ``terms_beside_banner``)."""
    return (len(page.text) <= CONSENT_MAX and _CONSENT_TOPIC(page.both) and _ACCEPT_ALL(page.both)
            and _DECLINE_OR_MANAGE(page.both) and not terms_beside_banner(page.text))


# A paywall or subscription interstitial: the page asks to subscribe (or sign in as a
# subscriber) before it shows anything.
_PAYWALL = _has(
    r"\bsubscribe (now )?to (continue|keep) reading\b|\balready (a subscriber|subscribed)\b|"
    r"\byou(['’]ve| have) (reached|used) (your|all your) (limit of )?(free|monthly) (articles?|reads|views)\b|"
    r"\b(subscribe|subscription required) (to|for) (unlimited )?(access|read)|\bthis (content|page|article) is for "
    r"(subscribers|members) only\b|"
    r"\babonnez-vous pour (lire|continuer|accéder)\b|\bdéjà abonné\b|\bréservé aux abonnés\b|"
    r"\b(jetzt )?abonnieren und weiterlesen\b|\bbereits abonnent\b|\bnur für abonnenten\b|"
    r"\bsuscr[íi]bete para (seguir|continuar) leyendo\b|\bya eres suscriptor\b|\bexclusivo para suscriptores\b|"
    r"\babbonati per (continuare a leggere|leggere)\b|\bsei già abbonato\b|\briservato agli abbonati\b|"
    r"\babonneer (je|u) om verder te lezen\b|\bal abonnee\b|\balleen voor abonnees\b|"
    r"\bassine para continuar lendo\b|\bj[áa] (é|sou) assinante\b|\bexclusivo para assinantes\b|"
    r"続きを読むには|有料会員限定|購読者限定"
)
# An age gate: the site asks the reader's age (or date of birth) before it shows anything.
_AGE_GATE = _has(
    r"\bare you (over |at least )?(1[89]|21)( years old| years of age| or older| or over|\+)?\s*\?|"
    r"\b(age verification|verify your age|confirm your age|enter your (date of birth|birth ?date|age))\b|"
    r"\byou must be (at least )?(1[89]|21|of legal (drinking )?age)( years old)? to (enter|access|view|visit) "
    r"this (site|website|page)\b|"
    r"\bavez-vous (plus de |au moins )?1[89] ans\b|\bvérification de l['’]âge\b|\bconfirmez votre âge\b|"
    r"\bsind sie (mindestens |über )?1[89]( jahre( alt)?)?\s*\?|\baltersverifi(kation|zierung)\b|\baltersprüfung\b|"
    r"\b¿?eres mayor de (edad|1[89])\b|\bverificación de edad\b|\bhai (almeno )?1[89] anni\b|"
    r"\bverifica dell['’]età\b|\bben je (ouder dan |minstens )?1[89]( jaar)?( of ouder)?\s*\?|"
    r"\bleeftijdsverificatie\b|\bvoc[êe] tem (mais de |pelo menos )?1[89] anos\b|\bverifica[çc][ãa]o de idade\b|"
    r"1[89]歳以上ですか|年齢確認"
)


def paywall(page: Page) -> bool:
    """A paywall or subscription interstitial in place of the page: its prompt ("Subscribe to
    continue reading", "Already a subscriber?", "Réservé aux abonnés") is the title or a line of
    its own, on a page that does not read as terms."""
    return _prompt(_PAYWALL, page) and not reads_as_terms(page.text)


def age_gate(page: Page) -> bool:
    """An age gate in place of the page ("Are you 18 or older?", "Enter your date of birth",
    "Avez-vous 18 ans ?"): the title or a line of its own, on a page that does not read as terms
    (terms that require users to be 18 say it in a clause)."""
    return _prompt(_AGE_GATE, page) and not reads_as_terms(page.text)


def chooser(page: Page) -> bool:
    """A country, region or language chooser in place of the page: its prompt is the title or a
    line of its own."""
    return _prompt(_CHOOSER, page)


# A sign-in wall with no form of its own (the login is one click further, or single sign-on
# buttons only): "Sign in to continue", "You need to log in to view this page".
_SIGN_IN_PROMPT = _has(
    r"\b(sign|log) ?in (to|for) (continue|view|access|see|read|proceed)\b|\bplease (sign|log) ?in\b|"
    r"\byou (need|must|have) to (be )?(sign(ed)?|log(ged)?) ?in\b|\b(sign|log) ?in required\b|"
    r"\bconnectez-vous pour\b|\bveuillez vous connecter\b|\bbitte (melden sie sich an|anmelden)\b|"
    r"\b(melden sie sich an|anmelden), um\b|\binicia sesi[óo]n para\b|\baccedi per (continuare|visualizzare)\b|"
    r"\blog (in|je in|u in) om\b|\bfa[çc]a (o )?login para\b|\bentre para continuar\b|ログインしてください")


PROMPT_WORDS = 8  # words of a wall's prompt at most ("Please log in to view this page"): not a sentence of prose
_CONTROL = re.compile(rb"<(a|button|form)\b", re.IGNORECASE)


def sign_in_wall(page: Page) -> bool:
    """A sign-in wall without a form of its own: its prompt ("Sign in to continue", "Connectez-vous
    pour...") as the title or a line of ``PROMPT_WORDS`` words at most, a link, button or form to
    sign in with, little text, and no sentences of terms ("Sign in to continue using your account
    after the change." in a notice is a sentence)."""
    return (len(page.text) <= LITTLE_TEXT and _CONTROL.search(page.raw) is not None
            and any(len(line.split()) <= PROMPT_WORDS and _SIGN_IN_PROMPT(line)
                    for line in (page.title, *page.text.splitlines()) if line.strip())
            and not reads_as_terms(page.text, notice=False))


# Pages a host serves when nothing of the site is there: a parked or expired domain, the web
# server's own default page.
_PARKED = _has(
    r"\bthis domain (name )?(may be|is) for sale\b|\bbuy this domain\b|\bdomain (is )?(parked|for sale)\b|"
    r"\bthis domain (has )?expired\b|\bparked (free|domain)\b|\bce (nom de )?domaine est (à vendre|en vente)\b|"
    r"\bdiese domain (steht zum verkauf|kaufen|ist zu verkaufen)\b|\beste dominio (está|se encuentra) a la venta\b|"
    r"\bquesto dominio [èe] in vendita\b|\bdit domein is te koop\b|\beste dom[íi]nio (est[áa] )?[àa] venda\b|"
    r"このドメインは(販売|売却)")
_SERVER_DEFAULT = _has(
    r"\bwelcome to (nginx|openresty|caddy|tengine|lighttpd)\b|^\W*it works!?\W*$|"
    r"\b(apache2?|httpd) (ubuntu |debian |centos )?(default|test) page\b|\btest page for the \w+ http server\b|"
    r"\bif you (can )?see this page,? the \w+ (web )?server is (successfully )?installed\b|"
    r"\biis windows server\b|\binternet information services\b|\bdefault (web ?site|server) page\b|"
    r"\bthis is the default (welcome |index )?page\b|\bdomain (is not|isn't) configured\b|"
    r"\bno website (is )?(configured|hosted) at this address\b|\bthere isn['’]t a github pages site here\b")


def parked_domain(page: Page) -> bool:
    """A parked, expired or for-sale domain: "This domain may be for sale", "Buy this domain"."""
    return _PARKED(page.both)


# A site being built or rebuilt: "Coming soon", "Under construction", as a heading or a line of
# its own (eight languages).
_CONSTRUCTION = _has(
    r"^\W*(something (new |big |great |awesome )?is )?coming soon\b|\b(site|website|page) (is )?(coming soon|under "
    r"construction)\b|^\W*under construction\W*$|\blaunching soon\b|"
    r"\b(site|page) en (cours de )?construction\b|^\W*bient[ôo]t (disponible|en ligne)\W*$|"
    r"\b(seite|website|webseite) (ist )?(im aufbau|in k[üu]rze (verf[üu]gbar|online))\b|^\W*demn[äa]chst (verf[üu]gbar|online)\W*$|"
    r"\b(sitio|p[áa]gina) (web )?en construcci[óo]n\b|^\W*pr[óo]ximamente\W*$|"
    r"\b(sito|pagina) in (costruzione|allestimento)\b|^\W*prossimamente\W*$|"
    r"\b(site|website|pagina) (is )?in aanbouw\b|^\W*binnenkort (online|beschikbaar)\W*$|"
    r"\b(site|p[áa]gina) em constru[çc][ãa]o\b|^\W*em breve\W*$|近日公開|(サイト|ページ)(は)?(ただいま)?(準備中|工事中)")


def under_construction(page: Page) -> bool:
    """A "coming soon" or "under construction" notice as the title or a short line of a page that
    does not read as terms: the site is being built or rebuilt, its terms are not there yet."""
    return _prompt(_CONSTRUCTION, page) and not reads_as_terms(page.text)


def server_default_page(page: Page) -> bool:
    """The web server's own default page ("Welcome to nginx!", "Apache2 Default Page", "It
    works!"): the site is not configured, nothing of it is served."""
    return _SERVER_DEFAULT(page.both)


# Walls a site puts before every page for some readers: the region they come from, their
# browser, their ad blocker.
_GEO_BLOCK = _has(
    r"\bnot (available|accessible) (in|from) your (country|region|location|area|jurisdiction)\b|"
    r"\b(currently )?unavailable in (your (country|region|location)|most european countries|the (eu|european union|"
    r"european economic area|eea))\b|\bnot available to (visitors|users|readers) (in|from)\b|"
    r"\bn['’]est pas disponible dans votre (pays|r[ée]gion)\b|\bin ihrem land nicht verf[üu]gbar\b|"
    r"\bin ihrer region nicht verf[üu]gbar\b|\bno (est[áa] )?disponible en tu (pa[íi]s|regi[óo]n)\b|"
    r"\bnon (è )?disponibile nel tuo paese\b|\bniet beschikbaar in (jouw|uw) (land|regio)\b|"
    r"\bn[ãa]o (est[áa] )?dispon[íi]vel (no seu|em seu) pa[íi]s\b|お住まいの(国|地域)(では|から)")
_OLD_BROWSER = _has(
    r"\b(your )?browser (is )?(not supported|unsupported|out of date|outdated|no longer supported)\b|"
    r"\bunsupported browser\b|\bplease (upgrade|update) (to a (modern|newer|supported) browser|your browser)\b|"
    r"\bnavigateur (n['’]est pas (pris en charge|compatible)|obsol[èe]te|non pris en charge)\b|"
    r"\bbrowser wird nicht (mehr )?unterst[üu]tzt\b|\bveralteter browser\b|"
    r"\bnavegador no (es )?(compatible|soportado)\b|\bbrowser non (è )?supportato\b|"
    r"\bbrowser wordt niet (meer )?ondersteund\b|\bnavegador n[ãa]o [ée] (suportado|compat[íi]vel)\b|"
    r"(お使いの|ご利用の)ブラウザ(は|には)(サポート|対応)")
_AD_BLOCKER = _has(
    r"\b(you['’]re|you are) using an? ad ?blocker\b|\b(disable|turn off|pause|whitelist) (your )?ad ?block(er|ing)?\b|"
    r"\bad ?block(er)? (detected|is enabled)\b|\bd[ée]sactive[zr]? (votre )?bloqueur de pub|"
    r"\bwerbeblocker (deaktivieren|erkannt)\b|\bdeaktivieren sie (ihren )?(werbe|ad)blocker\b|"
    r"\bdesactiva (tu )?bloqueador de anuncios\b|\bdisattiva (il tuo )?(adblock|blocco (degli )?annunci)\b|"
    r"\bschakel (je|uw) advertentieblokker uit\b|\bdesative (seu )?bloqueador de an[úu]ncios\b|広告ブロック")


def geo_blocked(page: Page) -> bool:
    """A site closed to the reader's region ("This content is not available in your country",
    "unavailable in most European countries"), as the title or a line of its own, on a page with
    no sentences of terms (a clause may say the service is not offered everywhere)."""
    return _prompt(_GEO_BLOCK, page) and not reads_as_terms(page.text, notice=False)


def unsupported_browser(page: Page) -> bool:
    """A page that turns the reader's browser away ("Your browser is not supported")."""
    return _prompt(_OLD_BROWSER, page) and not reads_as_terms(page.text, notice=False)


def ad_blocker_wall(page: Page) -> bool:
    """A page asking to turn off an ad blocker before it shows anything."""
    return _prompt(_AD_BLOCKER, page) and not reads_as_terms(page.text, notice=False)


# --------------------------------------------------------------------------- session 18's walls
# Pages a site, its host, its CDN or the tracker's own network serves in place of every page.
# Each is told by its notice as the title or a line of its own (``_prompt``) on a page with no
# sentences of terms, or by words only such a page has; only short pages (``should_check``) are
# looked at, and legal vocabulary (``TERMS_LIKE``) keeps terms that mention them in a clause.

# A bot check in words, not a widget: "Checking that you are not a robot", "Überprüfung, ob Sie
# ein Mensch sind", "Verificando que no eres un robot".
_BOT_CHECK = _has(
    r"\b(checking|verifying|confirming|making sure|check|verify|confirm) (that |if |whether )?you(['’]re| are) "
    r"(not )?(a )?(human|robot|bot)\b|"
    r"\bv[ée]rification (que|si) vous (n['’])?[êe]tes (pas )?(un )?(humain|robot)|\bnous v[ée]rifions que vous\b|"
    r"\b([üu]berpr[üu]fung|pr[üu]fung|wir pr[üu]fen|wir [üu]berpr[üu]fen|best[äa]tigen sie),? (ob|dass) sie "
    r"(ein mensch|kein (roboter|bot))\b|"
    r"\b(verificando|comprobando|verificamos|comprobamos|verifica) (que|si) (no )?(eres|es usted) (un )?(humano|robot)|"
    r"\b(stiamo verificando|verifichiamo|verifica) che (tu )?(non )?(sei|sia) (un )?(umano|robot)|"
    r"\b(we )?(controleren|controleert) of (je|u) (een mens|geen robot) bent|"
    r"\b(verificando|confirmando) (se|que) voc[êe] (n[ãa]o )?[ée] (um )?(humano|rob[ôo])")
# Access limited for a while: "Access temporarily limited", "Accès temporairement limité".
_LIMITED = _has(
    r"\baccess (is |has been )?(temporarily )?(limited|restricted|throttled)\b|\btoo many (attempts|visits|hits)\b|"
    r"\bacc[èe]s (temporairement )?(limit[ée]|restreint)\b|\bnombre (trop [ée]lev[ée]|excessif) de (requ[êe]tes|demandes)\b|"
    r"\bzugriff (vor[üu]bergehend )?(eingeschr[äa]nkt|begrenzt|gedrosselt)\b|\bzu viele (zugriffe|aufrufe)\b|"
    r"\bacceso (temporalmente )?(limitado|restringido)\b|\bdemasiados (intentos|accesos)\b|"
    r"\baccesso (temporaneamente )?(limitato|limitata)\b|\btoegang (tijdelijk )?beperkt\b|"
    r"\bacesso (temporariamente )?(limitado|restrito)\b|アクセスが制限")
# A network filter or firewall between the tracker and the site (the tracker's network, not
# the site, refuses): "Web Page Blocked", "blocked in accordance with company policy".
_FILTERED = _has(
    r"\b(web ?page|web ?site|site|page|url) (has been |was |is )?blocked\b|"
    r"\bblocked (by|in accordance with|according to|due to) (your |the |our )?(company|corporate|organi[sz]ation['’]?s?|"
    r"network|administrator|firewall|web filter|internet|security|acceptable use)|"
    r"\bcontact your (network|system|it) administrator\b|\b(web filter|content filter|url filter)(ing)?\b|"
    r"\bpage web bloqu[ée]e\b|\bsite (web )?bloqu[ée]\b|\bbloqu[ée] par (votre|l['’]) ?administrateur\b|"
    r"^\W*(webseite|website|seite) gesperrt\b|\bdurch die firewall\b|\bvon ihrem administrator gesperrt\b|"
    r"\bp[áa]gina (web )?bloqueada\b|\bbloqueado por (el|su) administrador\b|\bsitio (web )?bloqueado\b|"
    r"\bpagina (web )?bloccata\b|\bbloccat[oa] dal(l['’])? ?amministratore\b|\bwebpagina geblokkeerd\b|"
    r"\bsite bloqueado\b|\bbloqueado pelo administrador\b")
# A CDN's or proxy's own error page: the origin did not answer it.
_CDN_ERROR = _has(
    r"\berror (52[0-7]|530)\b|\berror code:? (52[0-7]|530)\b|\bray id:|\b(the )?origin (web )?server\b|"
    r"\bbackend fetch failed\b|\bguru meditation\b|\bvarnish cache server\b|\bthe request could not be satisfied\b|"
    r"\bcloudfront\b|\bweb server is (down|returning an unknown error)\b|\b(a )?timeout (has )?occurred\b|"
    r"\bssl handshake failed\b|\bakamai\b.{0,80}\breference #|\breference #\d+\.[0-9a-f]+\.|"
    r"\bfastly error\b|\bunknown domain\b.{0,40}\bfastly")
# A host that suspended the account serving the site.
_SUSPENDED = _has(
    r"\b(this )?(account|site|website|web ?site|domain|hosting) (has been |was |is )?(suspended|deactivated)\b|"
    r"\b(account|site|website) suspended\b|\bsite suspendu\b|\b(ce site|ce compte|cet h[ée]bergement) a [ée]t[ée] suspendu|"
    r"\b(diese )?(website|webseite|seite|domain) (wurde|ist) (gesperrt|deaktiviert|suspendiert)\b|"
    r"\bcuenta suspendida\b|\b(esta|la) cuenta (ha sido|fue|est[áa]) suspendida\b|\bsitio suspendido\b|"
    r"\b(account|sito) sospeso\b|\b(account|website) (is )?opgeschort\b|\bconta suspensa\b|\bsite suspenso\b|"
    r"アカウントが(停止|凍結)")
# A session that expired: the site wants a sign-in again before it shows the page.
_SESSION_EXPIRED = _has(
    r"\b(your |the )?session (has )?(expired|timed out)\b|\bsession expired\b|\bsign in again\b|\blog in again\b|"
    r"\b(votre )?session (a )?expir[ée]e?\b|\bvous reconnecter\b|\bse reconnecter\b|"
    r"\b(ihre )?sitzung (ist )?abgelaufen\b|\berneut an(melden)?\b|"
    r"\b(tu |su )?sesi[óo]n (ha )?(caducado|expirado|caducada|expirada)\b|\bvuelve a iniciar sesi[óo]n\b|"
    r"\b(la tua )?sessione (è )?scadut[ao]\b|\b(je |uw )?sessie is verlopen\b|\b(sua )?sess[ãa]o expirou\b|"
    r"セッションの有効期限")
# An interstitial ad: an advertisement and a control to go on to the page.
_SKIP_AD = _has(
    r"^\W*(continue|proceed|go|skip) to (the )?(site|website|page|content|article)\b|^\W*skip (this )?(ad|advert)|"
    r"^\W*(acc[ée]der|continuer|aller) (au|vers le) (site|contenu)|^\W*passer (la )?(publicit[ée]|pub)\b|"
    r"^\W*weiter zu(r|m) (seite|website|inhalt|artikel)\b|^\W*(anzeige|werbung) [üu]berspringen\b|"
    r"^\W*(continuar|ir) al (sitio|contenido)\b|^\W*saltar (el )?anuncio\b|^\W*continua (al|sul) sito\b|"
    r"^\W*salta (la )?pubblicit[àa]\b|^\W*doorgaan naar (de )?(site|website)\b|^\W*advertentie overslaan\b|"
    r"^\W*continuar para o site\b|^\W*pular an[úu]ncio\b|^\W*広告をスキップ")
_AD_LABEL = _has(
    r"^\W*(advertisement|sponsored|ad|publicit[ée]|annonce|anzeige|werbung|publicidad|anuncio|pubblicit[àa]|"
    r"advertentie|publicidade|広告)\W*$")
# Pay or consent: accept tracking (or cookies) or pay a subscription to read without it.
_PAY_OR_OK = _has(
    r"\b(subscribe|subscription|pay|s['’]abonner|abonnez-vous|abonnement|souscri\w*|abonnieren|abo\b|pur-abo|"
    r"suscr[íi]b\w*|suscripci[óo]n|abbonati|abbonamento|abonneer\w*|abonnement|assine|assinatura)\b")
_CONSENT_OR = _has(
    r"\b(accept|agree|consent|accepter|acceptez|akzeptieren|zustimmen|stimmen sie|aceptar|acepta|accetta|accettare|"
    r"accepteer|accepteren|akkoord|aceitar|aceite)\b")
_ADS_OR_TRACKING = _has(
    r"\b(cookies?|tracking|ads|advertising|publicit\w*|pub|werbung|werbefrei|tracking|anuncios|publicidad|"
    r"pubblicit\w*|advertenties|an[úu]ncios)\b")
# A page that says cookies are off: its notice is the heading or starts a line of its own.
_COOKIES_OFF = _has(
    r"^\W*(cookies (are|is) (disabled|turned off|blocked|not enabled)|your browser (has cookies (disabled|turned off)|"
    r"(does not|doesn['’]t) (accept|support|allow) cookies|(is )?blocking cookies)|(please )?(enable|turn on|allow) "
    r"cookies (in your browser|to (continue|use|view|access))|"
    r"les cookies sont d[ée]sactiv[ée]s|(veuillez )?activez? les cookies|cookies sind deaktiviert|"
    r"(bitte )?aktivieren sie (die )?cookies|las cookies est[áa]n (desactivadas|deshabilitadas)|"
    r"(activa|habilita|active|habilite) las cookies|i cookie sono disabilitati|(abilita|attiva) i cookie|"
    r"cookies zijn uitgeschakeld|schakel cookies in|os cookies est[ãa]o desativados|(ative|habilite) os cookies)")
# Consent buttons as one line of the text ("Accetta Rifiuta Scopri di più"): an accept control
# and a refusal one, a few words in all.
_ACCEPT_WORD = re.compile(
    r"\b(accept|agree|allow|accepter|j['’]accepte|akzeptieren|zustimmen|aceptar|acepto|accetta|accetto|akkoord|"
    r"accepteren|aceitar|aceito|concordo)\b", re.IGNORECASE)
_REFUSE_WORD = re.compile(
    r"\b(reject|decline|disagree|refuse|deny|refuser|ablehnen|rechazar|rifiuta|rifiuto|weigeren|rejeitar|recusar)\b",
    re.IGNORECASE)


def bot_check(page: Page) -> bool:
    """A bot check in words ("Checking that you are not a robot", "Vérification que vous n'êtes
    pas un robot", "Überprüfung, ob Sie ein Mensch sind") as the title or a line of its own, on a
    page with no sentences of terms."""
    return _prompt(_BOT_CHECK, page) and not reads_as_terms(page.text, notice=False)


def access_limited(page: Page) -> bool:
    """Access limited for a while ("Access temporarily limited", "Zugriff vorübergehend
    eingeschränkt") as the title or a line of its own, on a page with no sentences of terms."""
    return _prompt(_LIMITED, page) and not reads_as_terms(page.text, notice=False)


def network_filter(page: Page) -> bool:
    """A block page of a network filter or firewall ("Web Page Blocked", "Page web bloquée",
    "blocked in accordance with company policy") as the title or a line of its own, on a page
    with no sentences of terms: the tracker's network, not the site, refused."""
    return _prompt(_FILTERED, page) and not reads_as_terms(page.text, notice=False)


def cdn_error(page: Page) -> bool:
    """A CDN's or proxy's error page ("Error 522", "Ray ID:", "Backend fetch failed", "The
    request could not be satisfied"): the origin did not answer it."""
    return _CDN_ERROR(page.both) and not reads_as_terms(page.text, notice=False)


def suspended_host(page: Page) -> bool:
    """A host's page for a suspended account or site ("Account Suspended", "Site suspendu",
    "Cuenta suspendida") as the title or a line of its own, on a page with no sentences of terms
    (terms say "we may suspend your account" in a clause)."""
    return _prompt(_SUSPENDED, page) and not reads_as_terms(page.text, notice=False)


def session_expired(page: Page) -> bool:
    """An expired session ("Your session has expired", "Votre session a expiré", "Ihre Sitzung
    ist abgelaufen") as the title or a line of ``PROMPT_WORDS`` words at most, on a page with
    little text and no sentences of terms."""
    # a prompt of a few words: "your session expires after thirty days..." is a clause
    return (len(page.text) <= LITTLE_TEXT
            and any(len(line.split()) <= PROMPT_WORDS and _SESSION_EXPIRED(line)
                    for line in (page.title, *page.text.splitlines()) if line.strip())
            and not reads_as_terms(page.text, notice=False))


def interstitial_ad(page: Page) -> bool:
    """An interstitial ad: little text, a line that is a control to go on to the page ("Continue
    to site »", "Weiter zur Seite", "Saltar anuncio") or an ad label of its own ("Advertisement",
    "Publicité") with such a control, and no sentences of terms."""
    lines = [_LINK.sub(lambda m: m.group(1), line) for line in page.text.splitlines() if line.strip()]
    return (len(page.text) <= LITTLE_TEXT and any(len(line) <= PROMPT_LINE and _SKIP_AD(line) for line in lines)
            and not reads_as_terms(page.text, notice=False))


def pay_or_consent(page: Page) -> bool:
    """A pay-or-consent wall: accept tracking or advertising cookies, or pay a subscription to read
    without them - both choices on a short page with no sentences of terms."""
    both = page.both
    return (len(page.text) <= CONSENT_MAX and _PAY_OR_OK(both) and _CONSENT_OR(both) and _ADS_OR_TRACKING(both)
            and not reads_as_terms(page.text, notice=False))


def cookies_disabled(page: Page) -> bool:
    """A page that says cookies are off ("Cookies are disabled", "Les cookies sont désactivés",
    "Activa las cookies en tu navegador") as its title or at the start of a line of its own, on a
    page with no sentences of terms (a cookie policy's "if cookies are disabled, ..." is a clause)."""
    return _prompt(_COOKIES_OFF, page) and not reads_as_terms(page.text, notice=False)


def consent_buttons(page: Page) -> bool:
    """A consent screen whose controls are one-word buttons ("Accetta Rifiuta Scopri di più",
    "Aceptar Rechazar", "Akkoord Weigeren"): cookies or consent named, a line of at most
    ``PROMPT_WORDS`` words holding an accept and a refuse control, little other text."""
    return (len(page.text) <= CONSENT_MAX and _CONSENT_TOPIC(page.both)
            and any(len(line.split()) <= PROMPT_WORDS and _ACCEPT_WORD.search(line) and _REFUSE_WORD.search(line)
                    for line in page.text.splitlines())
            and not terms_beside_banner(page.text))


# A template served unrendered: its placeholders where the text goes ({{ page.body }}, {% block %},
# <%= body %>, ${content}).
_PLACEHOLDER = re.compile(r"\{\{\{?\s*[\w.$|\s:'\"()-]{1,80}?\}\}\}?|\{%-?\s*\w[^%]{0,80}%\}|<%=?\s*[^%]{1,80}%>|"
                          r"\$\{\s*[\w.]{1,60}\s*\}")
PLACEHOLDERS = 2  # placeholders a page needs to be an unrendered template


def unrendered_template(page: Page) -> bool:
    """A template served as it is: ``PLACEHOLDERS`` placeholders or more ({{ page.body }}, {%
    block %}, <%= body %>) on a short page with no sentences of terms - the server or the page's
    script did not fill it in (a client-side template needs render = "browser")."""
    return (len(page.text) <= LITTLE_TEXT and len(_PLACEHOLDER.findall(page.text)) >= PLACEHOLDERS
            and not reads_as_terms(_PLACEHOLDER.sub(" ", page.text), notice=False))


# A page of links to the documents that apply (one per country, product or version) where one
# document was: "Select the terms that apply to you" and a list of links.
HUB_LINKS = 4  # links, each a line of its own, a hub lists at least
_LINK_LINE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\[[^\]]+\]\([^)]*\)\W{0,3}$")


def link_hub(page: Page) -> bool:
    """A page that only lists links to documents ("Terms of Service - United States", "- EU"...):
    ``HUB_LINKS`` lines or more that are each a link, as many as two thirds of its lines outside
    headings, and fewer than ``TERMS_SENTENCES`` sentences of prose besides. A short document
    with a list of links has its clauses around them."""
    lines = [line for line in page.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    links = [line for line in lines if _LINK_LINE.match(line)]
    if len(links) < HUB_LINKS or len(links) * 3 < len(lines) * 2:
        return False
    rest = "\n".join(line for line in lines if not _LINK_LINE.match(line))
    return len(prose_sentences(rest)) < TERMS_SENTENCES


# a link to a PDF, or a PDF shown in the page's own viewer (``<embed src>``, ``<object data>``)
_PDF_LINK = re.compile(rb"""<(?:a\b[^>]*?href|embed\b[^>]*?src|object\b[^>]*?data)\s*=\s*["']?"""
                       rb"""([^"'>\s]+\.pdf(?:[?#][^"'>\s]*)?)["'\s>]""", re.IGNORECASE)
PDF_LINK = "a link to the terms as a PDF"


def pdf_link(page: Page) -> str | None:
    """The PDF a short page points to as the document ("Download the Terms of Service (PDF)", or
    the PDF shown in an ``<embed>`` or ``<object>`` viewer), or None: a page of little text
    (``LITTLE_TEXT``), no more than two sentences of prose, with one ``.pdf`` address and at most
    two other links. The terms are in the PDF: set the source's url to it."""
    from urllib.parse import urljoin

    if len(page.text) > LITTLE_TEXT or len(prose_sentences(page.text)) > TERMS_SENTENCES:
        return None
    pdfs = {m.group(1) for m in _PDF_LINK.finditer(page.raw[:65536])}
    if len(pdfs) != 1 or len(_LINK.findall(page.text)) > 3:
        return None
    import html as html_module

    target = html_module.unescape(pdfs.pop().decode("utf-8", "replace"))
    here = page.final_url or page.url
    return urljoin(here, target) if here else target


def hollow_page(page: Page) -> bool:
    """Little text, hardly any legal vocabulary (a footer's "Terms · Privacy" links at most), and
    the page asks not to be indexed or reloads itself: a placeholder, an interstitial, a queue
    ticket - nothing a terms page is. A short notice that reads as terms (``reads_as_terms``: a
    one-paragraph privacy notice, often ``noindex``) is not hollow."""
    return (len(page.text) <= LITTLE_TEXT and legal_vocabulary(page.text) < HOLLOW_LEGAL
            and (has_noindex(page.raw) or _REFRESH.search(page.raw[:65536]) is not None)
            and not reads_as_terms(page.text))


_IFRAME = re.compile(rb"""<i?frame\b([^>]*)>""", re.IGNORECASE)  # (and an old frameset's <frame>)
_FRAMESET = re.compile(rb"""<frameset\b([^>]*)>""", re.IGNORECASE)
_FRAME_SIZES = re.compile(rb"""\b(?:rows|cols)\s*=\s*["']?([^"'>]+)""", re.IGNORECASE)
_MAIN_FRAME = re.compile(rb"""\b(?:name|id)\s*=\s*["']?(?:main|content|body|text|contents?frame|mainframe)["'\s>]""",
                         re.IGNORECASE)


def _main_frame(frameset: bytes, frames: list[re.Match[bytes]]) -> int:
    """Which of a frameset's frames holds the page's content: one named "main" or "content",
    else the one its rows or cols give the rest of the window ("80,*"), else the last one (a
    menu or a header comes first)."""
    for index, frame in enumerate(frames):
        if _MAIN_FRAME.search(frame.group(1)):
            return index
    sizes = _FRAME_SIZES.search(frameset)
    if sizes is not None:
        parts = [part.strip() for part in sizes.group(1).split(b",")]
        if b"*" in parts and parts.index(b"*") < len(frames):
            return parts.index(b"*")
    return len(frames) - 1
_IFRAME_SRC = re.compile(rb"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_IFRAME_HIDDEN = re.compile(rb"""\b(?:width|height)\s*=\s*["']?[01](?:px)?\b|display\s*:\s*none|visibility\s*:\s*hidden|"""
                            rb"""\bhidden\b|aria-hidden\s*=\s*["']?true""", re.IGNORECASE)
_NOSCRIPT = re.compile(rb"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)


def frame_source(page: Page) -> str | None:
    """The address of the frame a page shows its text in: the first visible ``<iframe src>``
    (not in ``<noscript>``, not 0 or 1 pixel, not hidden), resolved against the page's address,
    when the page itself has little text that does not read as terms (a terms page that embeds a
    video keeps its text). None otherwise."""
    if len(page.text) > LITTLE_TEXT or reads_as_terms(page.text):
        return None
    from html import unescape
    from urllib.parse import urljoin

    raw = _NOSCRIPT.sub(b"", page.raw[:262144])
    frames = list(_IFRAME.finditer(raw))
    if (frameset := _FRAMESET.search(raw)) is not None and len(frames) > 1:
        frames.insert(0, frames.pop(_main_frame(frameset.group(1), frames)))
    for match in frames:
        attributes = match.group(1)
        src = _IFRAME_SRC.search(attributes)
        if src is None or _IFRAME_HIDDEN.search(attributes):
            continue
        target = unescape(next(g for g in src.groups() if g is not None).decode("utf-8", "replace")).strip()
        if not target or target.lower().startswith(("about:", "javascript:", "data:", "#")):
            continue
        resolved = urljoin(page.final_url or page.url, target)
        if resolved.startswith(("http://", "https://")):
            return resolved
    return None


def framed(page: Page) -> bool:
    """A page that shows its text in a frame (``frame_source``): its own text is not the terms."""
    return frame_source(page) is not None


HOME_PAGE = "redirected to the site's home page"  # the rule's name (``redirected_home``)
_LEGAL_HOST = re.compile(r"^(?:[\w-]+\.)*?(?:terms|tos|legal|privacy|policies|policy|agreements?|conditions|"
                         r"cgu|cgv|agb|datenschutz|rechtliches|privacidad|terminos|termini|voorwaarden)[\w-]*\.",
                         re.IGNORECASE)
_ROOT_PATH = re.compile(r"^/?(?:(?:[a-z]{2}(?:[-_][a-z]{2,4})?/?)?(?:index\.\w{2,5}|home/?|default\.\w{2,5})?)$",
                        re.IGNORECASE)


# Query keys that only say where a visitor came from or which language to show: a home page
# reached as ``/?utm_source=old-terms&ref=footer`` is still the home page (``redirected_home``).
_REFERRAL_KEYS = frozenset({"ref", "referrer", "referer", "from", "source", "src", "origin", "via", "redirected",
                            "redirect_from", "redirected_from", "lang", "locale", "hl", "country", "region"})


def _referral_query(query: str) -> bool:
    """Whether every key of ``query`` tracks the visit (``extract.links``' tracking parameters,
    ``utm_*``) or names a referrer or a language (``_REFERRAL_KEYS``)."""
    from tracker.extract.links import TRACKING_PARAMS, TRACKING_PREFIXES

    keys = [pair.partition("=")[0].lower() for pair in query.split("&") if pair]
    return bool(keys) and all(key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES) or key in _REFERRAL_KEYS
                              for key in keys)


def redirected_home(url: str, final_url: str) -> bool:
    """Whether redirects took ``url``, an address below a site's root, to a home page: a root
    (``/``), a language root (``/en/``, ``/fr-fr``) or ``/index.html``, ``/home`` - how many
    sites answer for a page they removed or moved. The root of a host named for a document
    (``terms.example.com/``, ``legal.example.com/``) is that document, not a home page."""
    from urllib.parse import urlsplit

    if not url or not final_url or url == final_url:
        return False
    final = urlsplit(final_url)
    if (final.query and not _referral_query(final.query)) or final.fragment:
        return False  # /index.php?page=terms, /#/terms: a page, not a home page
    if _LEGAL_HOST.match(final.hostname or ""):  # terms.example.com/: the root is the document
        return False
    return bool(_ROOT_PATH.match(final.path)) and not _ROOT_PATH.match(urlsplit(url).path)


_LOCALE_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$", re.IGNORECASE)
# query keys a site picks the region or language of a page by
_REGION_KEYS = frozenset({"country", "region", "locale", "lang", "language", "cc", "geo", "market", "hl", "gl"})
OTHER_REGION = "another region's page"  # a redirect that swapped the region or language the url names


def region_redirect(url: str, final_url: str) -> tuple[str, str] | None:
    """(what ``url`` names, what redirects named instead) when they took ``url`` to the same
    address with another region or language in it: one path segment (``/us/`` -> ``/gb/``,
    ``/en-us/`` -> ``/de-de/``) or a query value (``?country=us`` -> ``?country=gb``) swapped for
    another, neither refining the other (``/en/`` -> ``/en-us/`` is the same terms). A site that
    sends the tracker to the terms of where it runs serves another document: its changes are not
    the tracked terms'. Else None."""
    from urllib.parse import parse_qs, urlsplit

    if not url or not final_url or url.split("#")[0] == final_url.split("#")[0]:
        return None
    asked, got = urlsplit(url), urlsplit(final_url)

    def swapped(a: str, b: str) -> bool:
        if not (_LOCALE_SEGMENT.match(a) and _LOCALE_SEGMENT.match(b)):
            return False
        parts_a, parts_b = set(re.split(r"[-_]", a.lower())), set(re.split(r"[-_]", b.lower()))
        return not (parts_a <= parts_b or parts_b <= parts_a)

    mine = [seg for seg in asked.path.split("/") if seg]
    theirs = [seg for seg in got.path.split("/") if seg]
    if len(mine) == len(theirs):
        differ = [(a, b) for a, b in zip(mine, theirs) if a.lower() != b.lower()]
        if len(differ) == 1 and swapped(*differ[0]):
            return differ[0]
    query_a = {k.lower(): v[-1] for k, v in parse_qs(asked.query).items()}
    query_b = {k.lower(): v[-1] for k, v in parse_qs(got.query).items()}
    for key in sorted(_REGION_KEYS & set(query_a) & set(query_b)):
        if swapped(query_a[key], query_b[key]):
            return query_a[key], query_b[key]
    return None


# The kind of legal document a URL's path names (its slug, in the eight languages), to tell a
# redirect from one document to another: the terms' address now sending to the privacy policy.
_DOCUMENT_KINDS = {
    "the terms": re.compile(r"terms|\btos\b|conditions|bedingungen|\bagbs?\b|\bcg[uv]\b|t[ée]rminos|condiciones|"
                            r"termini|condizioni|voorwaarden|termos|condi[çc][õo]es|\beula\b|user-?agreement|"
                            r"\bnutzungsvertrag"),
    "a privacy policy": re.compile(r"privacy|datenschutz|confidentialit|privacidad|riservatezza|privacidade|"
                                   r"data-?protection|\bgdpr\b|\bdsgvo\b|\brgpd\b|\bprivacyverklaring"),
    "a cookie policy": re.compile(r"cookie"),
    "an imprint": re.compile(r"imprint|impressum|legal-?notice|mentions-?l[ée]gales|aviso-?legal|note-?legali|"
                             r"colofon|\bcolophon\b"),
}
OTHER_DOCUMENT = "another document"  # a redirect from an address naming one document to one naming another


def _kinds(path: str) -> set[str]:
    from urllib.parse import unquote

    path = unquote(path).lower()
    return {kind for kind, pattern in _DOCUMENT_KINDS.items() if pattern.search(path)}


def document_redirect(url: str, final_url: str) -> tuple[str, str] | None:
    """(the kind of document ``url``'s path names, the kind ``final_url``'s names) when redirects
    took an address naming one kind of legal document (the terms, a privacy or cookie policy, an
    imprint: ``/terms``, ``/agb``, ``/datenschutz``...) to one naming only others (``/terms`` to
    ``/privacy``): a document merged into another or removed, whose address now serves another
    document. None when either names none (``/terms`` to ``/legal``) or both name one kind
    (``/terms`` to ``/privacy-and-terms``, ``/agb`` to ``/nutzungsbedingungen``)."""
    from urllib.parse import urlsplit

    if not url or not final_url or url.split("#")[0] == final_url.split("#")[0]:
        return None
    # only the segments the redirect changed: "/acme-privacy-center/terms" to ".../privacy" names
    # the terms, then a privacy policy
    mine = [seg for seg in urlsplit(url).path.split("/") if seg]
    theirs = [seg for seg in urlsplit(final_url).path.split("/") if seg]
    while mine and theirs and mine[0].lower() == theirs[0].lower():
        mine, theirs = mine[1:], theirs[1:]
    while mine and theirs and mine[-1].lower() == theirs[-1].lower():
        mine, theirs = mine[:-1], theirs[:-1]
    asked, got = _kinds("/".join(mine)), _kinds("/".join(theirs))
    if not asked or not got or asked & got:
        return None
    return " or ".join(sorted(asked)), " or ".join(sorted(got))


def empty_shell(page: Page) -> bool:
    """A page that is only its frame: a copyright line or links (a footer, a menu) around no
    prose - no sentence, no table, fewer than ``SHELL_WORDS`` words outside headings, links
    and the copyright line: the frame of a page whose content did not come."""
    lines = page.text.splitlines()
    # a copyright line or links (a header, a footer), or a heading over a line or two that say
    # nothing (the terms' title and date, the body a CMS did not send); a heading alone is what a
    # `select` of one heading asks for
    filled = [line for line in lines if line.strip()]
    framed = any(_NOT_PROSE.match(line) and (len(filled) > 1 or not line.lstrip().startswith("#"))
                 or _LINK.search(line) for line in lines)
    # (a label ending with a colon, "Last updated:", is no sentence)
    sentences = [sentence for sentence in prose_sentences(page.text, words=1) if not sentence.endswith(":")]
    return (framed and len(page.text) <= LITTLE_TEXT and not sentences
            and not any(line.lstrip().startswith("|") for line in lines)
            and len(_prose_words(page.text)) < SHELL_WORDS)


# --------------------------------------------------------------------------- short terms

SHELL_WORDS = 6  # words of prose under which a page is only its frame (header, menu, footer)
SENTENCE_WORDS = 4  # words a sentence of terms has at least ("We never sell it." has 4)
TERMS_SENTENCES = 2  # sentences a short text needs to read as terms
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NOT_PROSE = re.compile(r"^\s*(#{1,6}\s|©|\(c\)\s*\d|copyright\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?;:。！？])\s+|(?<=[。！？])")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Words of a notice to its reader about what may or must be done, in the eight languages of
# ``legal_vocabulary``: "we collect", "you may", "is provided as is", "at your own risk" - the
# stuff of a short privacy notice or terms page, rare in an error stub (checked before, by its
# own rules) and absent from a menu.
_NOTICE_WORDS = re.compile(
    r"\b(we|you|your|our|users?)\b.{0,60}\b(collect|use|store|process|share|sell|delete|keep|retain|"
    r"agree|accept|may|must|shall|will not|won't|never|responsible|risk|rights?|data|cookies?|email|"
    r"information|account|provided)\b|\bas is\b|\bown risk\b|"
    r"\b(nous|vous)\b.{0,60}\b(collect|utilis|conserv|accept|pouv|devez|droits?|donn[ée]es)|"
    r"\b(wir|sie|ihre?)\b.{0,60}\b(erheben|speichern|verarbeiten|nutzen|d[üu]rfen|m[üu]ssen|daten|rechte?)\b|"
    r"\b(nosotros|usted|tus?|sus?)\b.{0,60}\b(recopil|usamos|utiliz|datos|derechos?|acept)|"
    r"\b(noi|tu|tuoi|suoi)\b.{0,60}\b(raccogli|utilizz|dati|diritti|accett)|"
    r"\b(wij|u|uw|je)\b.{0,60}\b(verzamelen|gebruiken|bewaren|gegevens|rechten|akkoord)\b|"
    r"\b(n[óo]s|voc[êe]|seus?)\b.{0,60}\b(coletamos|usamos|dados|direitos|aceit)|"
    r"お客様|当社|利用者|ユーザー", re.IGNORECASE)


def _prose_words(text: str) -> list[str]:
    """The words of ``text`` outside headings, copyright lines and link texts."""
    words: list[str] = []
    for line in text.splitlines():
        if _NOT_PROSE.match(line):
            continue
        words += _WORD.findall(_LINK.sub(" ", line))
    return words


def prose_sentences(text: str, words: int = SENTENCE_WORDS) -> list[str]:
    """The sentences of ``text`` that are prose: outside headings, copyright lines and link
    texts, ending with a full stop (or ``!``, ``?``, ``;``, ``:``, Japanese ``。``) and of at
    least ``words`` words (Japanese: 12 characters)."""
    found = []
    for line in text.splitlines():
        if _NOT_PROSE.match(line):
            continue
        plain = _LINK.sub(lambda m: m.group(1), line).strip(" -*>\t")
        for sentence in _SENTENCE_END.split(plain):
            sentence = sentence.strip()
            if not sentence or sentence[-1] not in ".!?;:。！？":
                continue
            cjk = sum(1 for c in sentence if "\u3040" <= c <= "\u9fff")
            if len(_WORD.findall(sentence)) >= words or cjk >= 12:
                found.append(sentence)
    return found


def reads_as_terms(text: str, *, notice: bool = True) -> bool:
    """Whether a short text reads as terms or a policy however few its lines: at least
    ``TERMS_SENTENCES`` sentences of prose (``prose_sentences``), and in them the legal
    vocabulary (``legal_vocabulary``) or the words of a notice to its reader (``_NOTICE_WORDS``:
    "we collect your email address", "you use it at your own risk"). A header and footer links
    around nothing, a menu or a title alone have no such sentences; a one-paragraph privacy
    notice or a three-sentence terms page has. ``notice=False`` asks for the legal vocabulary
    itself in those sentences."""
    sentences = prose_sentences(text)
    if len(sentences) < TERMS_SENTENCES:
        return False
    prose = "\n".join(sentences)
    return legal_vocabulary(prose) >= 1 or (notice and _NOTICE_WORDS.search(prose) is not None)


# (name, rule, strong): a strong rule looks at what the page is built as, a weak one at its words.
RULES: tuple[tuple[str, Callable[[Page], bool], bool], ...] = (
    ("access denied", access_denied, False),
    ("captcha or bot check", captcha, True),
    ("cookie wall", cookie_wall, False),
    ("cookie banner", cookie_banner, False),
    ("newsletter sign-up", newsletter_signup, False),
    ("page not found", not_found, False),
    ("login page", login_page, True),
    ("waiting room", waiting_room, True),
    ("maintenance page", maintenance, False),
    ("status or server error page", status_page, False),
    ("page that shows its text in a frame", framed, True),
    ("a page with no terms in it", hollow_page, True),
    ("page that needs JavaScript", script_shell, True),
    ("page that needs JavaScript", asks_for_script, False),
    ("rate limit", rate_limited, False),
    ("consent screen", consent_screen, True),
    ("country or language chooser", chooser, False),
    ("paywall", paywall, False),
    ("age gate", age_gate, False),
    ("login page", sign_in_wall, False),
    ("parked domain", parked_domain, False),
    ("web server's default page", server_default_page, False),
    ("site under construction", under_construction, False),
    ("geo block", geo_blocked, False),
    ("unsupported-browser page", unsupported_browser, False),
    ("ad-blocker wall", ad_blocker_wall, False),
    ("bot check", bot_check, False),
    ("access limited", access_limited, False),
    ("suspended site", suspended_host, False),
    ("network filter's block page", network_filter, False),
    ("CDN error page", cdn_error, False),
    ("expired session", session_expired, False),
    ("interstitial ad", interstitial_ad, False),
    ("pay-or-consent wall", pay_or_consent, False),
    ("cookies disabled", cookies_disabled, False),
    ("consent screen", consent_buttons, False),
    ("template served unrendered", unrendered_template, True),
    ("list of links to other documents", link_hub, False),
    ("a page with no terms in it", empty_shell, True),  # last: the others name what the page is
)

NO_TERMS = "a page with no terms in it"  # a frame around nothing: refused as a page, not as a part
MOVED = "moved page"  # a page saying the document moved, with its new address (``moved_to``)
REFRESH_LOOP = "page that refreshes to itself"  # a short page whose meta refresh names its own address
# What ``tracker status`` and the attention feed say a document was served instead of its terms.
SERVED = {
    "access denied": "an access-denied page", "captcha or bot check": "a captcha or bot check",
    "cookie wall": "a cookie wall", "page not found": "a not-found page", "login page": "a login page",
    "waiting room": "a waiting room", "maintenance page": "a maintenance page",
    "status or server error page": "a status or server error page", "a page with no terms in it": "a page with no terms",
    "page that needs JavaScript": "a page that needs JavaScript", "rate limit": "a rate-limit page",
    "consent screen": "a consent screen", "country or language chooser": "a country or language chooser",
    MOVED: "a page saying the document moved", REFRESH_LOOP: "a page that refreshes to itself",
}
ERROR_PAGE_PREFIX = "looks like an error page: "
SERVED.update({"page that shows its text in a frame": "a page that shows its text in a frame",
               "cookie banner": "a cookie banner", "newsletter sign-up": "a newsletter sign-up",
               HOME_PAGE: "the site's home page", "paywall": "a paywall", "age gate": "an age gate",
               "parked domain": "a parked domain's page", "web server's default page": "the web server's default page",
               "geo block": "a page closed to the tracker's region", "unsupported-browser page":
               "an unsupported-browser page", "ad-blocker wall": "an ad-blocker wall",
               "template served unrendered": "a template served unrendered",
               "list of links to other documents": "a list of links to other documents",
               "bot check": "a bot check", "access limited": "an access-limited page",
               "network filter's block page": "a network filter's block page (the tracker's network)",
               "CDN error page": "a CDN error page", "suspended site": "a suspended site's page",
               "expired session": "an expired-session page", "interstitial ad": "an interstitial ad",
               "pay-or-consent wall": "a pay-or-consent wall", "cookies disabled": "a cookies-disabled page",
               "site under construction": "a 'coming soon' page"})
# Another page in place of the terms, told by comparing it with the latest version
# (``tracker.run.decide``): a landing, marketing or download page.
NOT_TERMS_PREFIX = "not the terms: "
ANOTHER_PAGE = "another page"
CUT_OFF = "the latest version cut off"  # a text that stops mid-sentence where the latest goes on
TEASER = "only the start of the terms"  # the first section and a "Read more" control
OTHER_LANGUAGE = "the terms in another language"  # held, not refused: not a NOT_TERMS_PREFIX reason
STILL_LOADING = "a page still loading"  # its text ends in a loading placeholder a script fills
NOT_LOADED = "a page that did not finish loading"  # rendered in the browser, yet only its loading placeholder
UNCLOSED_COMMENT = "a comment that hides the rest of the page"
_NOT_TERMS_SERVED = {ANOTHER_PAGE: "another page than the terms", CUT_OFF: "a page cut off mid-text",
                     TEASER: "only the start of the terms", "another region's page": "another region's terms",
                     STILL_LOADING: "a page still loading its sections",
                     UNCLOSED_COMMENT: "a page whose rest is hidden in an unclosed comment",
                     "a link to the terms as a PDF": "a page linking to the terms as a PDF",
                     NOT_LOADED: "a page that did not finish loading", OTHER_DOCUMENT: "another document"}


def served_instead(reason: str | None) -> str | None:
    """"a login page" for an error-page reason (``error_page``'s), "another page than the terms",
    "a page cut off mid-text" or "only the start of the terms" for a page told from the latest
    version (``NOT_TERMS_PREFIX``), else None."""
    if reason and reason.startswith(NOT_TERMS_PREFIX):
        what = reason[len(NOT_TERMS_PREFIX):].split(" (", 1)[0].split(";", 1)[0].split(", ", 1)[0].split(": ", 1)[0]
        return _NOT_TERMS_SERVED.get(what, "another page than the terms")
    if not reason or not reason.startswith(ERROR_PAGE_PREFIX):
        return None
    rule = reason[len(ERROR_PAGE_PREFIX):].split(" (", 1)[0].split(";", 1)[0].split(", ", 1)[0]
    return SERVED.get(rule)


def should_check(text: str, previous_length: int | None) -> bool:
    """The rules apply to short texts, or to texts much shorter than the last version."""
    if len(text) < SHORT_TEXT:
        return True
    return previous_length is not None and len(text) < previous_length * MUCH_SHORTER


# A page that says the document moved, in the ways a notice says it: that it moved or was
# relocated ("This page has moved", "we've moved", "has been relocated to"), where it is now ("can
# now be found at", "is now located at", "now lives on", "our new home is"); French, German,
# Spanish, Italian, Dutch, Portuguese and Japanese the same. Not a bare "new address" or "is now
# on": an imprint or contact page says those of an office or a social account.
_MOVED = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:been\s+)?(?:moved|relocated)|we(?:'|\u2019)?ve\s+(?:moved|relocated)|"
    r"(?:moved|relocated)\s+(?:permanently|(?:over\s+)?to)\b|"
    r"(?:has|have)\s+(?:a\s+)?new\s+(?:home|address|location)|new\s+(?:home|location)\s+is\b|"
    r"(?:can|may)\s+now\s+be\s+(?:found|read|viewed|accessed|consulted)\b|"
    r"now\s+(?:lives?|located|available|hosted|resides?|published)\s+(?:at|on|here)\b|"
    r"a\s+(?:été\s+)?déménagé|a\s+été\s+(?:déplacée?|transférée?)|"
    r"(?:se\s+trouvent?|est|sont)\s+(?:désormais|maintenant|dorénavant)\s+(?:à|sur|disponibles?|accessibles?)|"
    r"(?:ist|sind|wurde|wurden)\s+(?:\w+\s+)?(?:umgezogen|verschoben)|"
    r"(?:finden\s+sie|ist|sind)\s+(?:jetzt|nun|ab\s+sofort|neu)\s+unter|"
    r"se\s+ha\s+(?:trasladado|movido|mudado)|ha\s+sido\s+(?:trasladad|movid)[ao]|"
    r"(?:ahora\s+(?:se\s+encuentran?|están?|pueden?\s+encontrarse)|(?:se\s+encuentran?|están?)\s+ahora)"
    r"\s+(?:en|disponibles?)|"
    r"è\s+stat[ao]\s+(?:spostat|trasferit)[ao]|(?:ora|adesso)\s+si\s+trova|(?:è|sono)\s+ora\s+disponibil[ei]|"
    r"is\s+(?:verplaatst|verhuisd)|(?:is|zijn)\s+nu\s+te\s+vinden|"
    r"(?:foi|foram)\s+(?:movid|transferid)[ao]s?|agora\s+(?:estão|está|se\s+encontram?|pode[m]?\s+ser\s+encontrad[ao]s?)|"
    r"(?:estão|está|se\s+encontram?)\s+agora\s+(?:em|disponíve)|"
    # more Spanish, Italian and Portuguese ways: plural and first-person moves, a new address, "see
    # the new version at" ("se han trasladado", "hemos trasladado nuestros términos", "ha cambiado de
    # dirección", "consulta la nueva versión en", "sono stati spostati", "abbiamo spostato",
    # "mudaram de endereço", "consulte a nova versão em")
    r"se\s+han\s+(?:trasladado|movido|mudado)|han\s+sido\s+(?:trasladad|movid)[ao]s|"
    r"hemos\s+(?:trasladado|movido|mudado)\s+(?:(?:nuestr[oa]s|l[oa]s|est[oa]s|es[oa]s)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:términos|condiciones|política|aviso|página|documento)|"
    r"(?:han|ha)\s+cambiado\s+de\s+(?:dirección|ubicación|url|página)|(?:se\s+encuentran?|está|están)\s+en\s+una\s+nueva\s+"
    r"(?:dirección|ubicación|página)|consulta(?:r)?\s+(?:la|su)\s+nueva\s+(?:versión|dirección|ubicación)\s+en\b|"
    r"(?:sono|è)\s+stat[aei]\s+(?:spostat|trasferit)[aei]|abbiamo\s+(?:spostato|trasferito)\s+(?:(?:i|il|la|le|l['’]|"
    r"nostr[aiex])\s*)+(?:[\w-]+\s+){0,2}?(?:termini|condizioni|informativa|politica|pagina|documento)|"
    r"(?:li|la|le|lo)\s+trovi\s+ora\b|(?:hanno|ha)\s+cambiato\s+indirizzo|consulta\s+la\s+nuova\s+"
    r"(?:versione|pagina)\s+(?:su|a|al|qui)\b|"
    r"(?:mudaram|mudou)\s+de\s+(?:endereço|página|local)|(?:transferimos|movemos)\s+(?:(?:os|as|o|a|"
    r"noss[oa]s?)\s+)+(?:[\w-]+\s+){0,2}?(?:termos|condições|política|aviso|página|documento)|"
    r"consulte\s+a\s+nova\s+(?:versão|página)\s+(?:em|no|na|aqui)\b)|"
    r"(?:移動|移転)(?:しました|いたしました)|"
    # ... or that it was replaced by a new document ("These terms have been replaced by our new
    # Terms", "ont été remplacées par", "wurden durch ... ersetzt"): the new one is where it links
    r"(?:ha(?:s|ve)|had)\s+been\s+(?:replaced|superseded)\s+by|"
    r"(?:a|ont)\s+été\s+remplacée?s?\s+par|(?:wurden?|sind|ist)\s+(?:\w+\s+){0,6}?ersetzt\s+worden|"
    r"(?:wurden?)\s+durch\s+(?:\w+\s+){0,6}?ersetzt|(?:han|ha)\s+sido\s+(?:sustituid|reemplazad)[ao]s?\s+por|"
    r"(?:sono|è)\s+stat[aei]\s+sostituit[aei]\s+(?:da|dal|dalla|dai|dalle)\b|(?:zijn|is)\s+vervangen\s+door|"
    r"(?:foram|foi)\s+substituíd[ao]s?\s+(?:por|pel)|に置き換えられました",
    re.IGNORECASE)
_REFRESH = re.compile(rb"""<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>""", re.IGNORECASE)
_REFRESH_URL = re.compile(rb"""content\s*=\s*["']?\s*\d*\s*[;,]\s*url\s*=\s*["']?([^"'>\s]+)""", re.IGNORECASE)
_REFRESH_DELAY = re.compile(rb"""content\s*=\s*["']?\s*(\d+)""", re.IGNORECASE)
_HREF = re.compile(rb"""<a\b[^>]*?href\s*=\s*["']?([^"'>\s]+)""", re.IGNORECASE)
_PLAIN_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")
MOVED_SAMPLE = 20_000  # bytes of a page read for a notice that it moved (it is at the top of a short page)


def moved_to(raw: bytes, url: str, text: str = "") -> str | None:
    """The address a page that is not the document points to as its new home: a ``<meta
    http-equiv="refresh">`` target, or the first link after words saying the page moved ("This
    page has moved to <a href=...>", in seven languages; not a guess, "does not exist or has been
    moved"), resolved against ``url`` (the page's own address). None when the page says neither,
    or points to itself or to a site's home page."""
    from urllib.parse import urljoin, urlsplit

    head = raw[:MOVED_SAMPLE]
    target: str | None = None
    meta = _REFRESH.search(head)
    found = _REFRESH_URL.search(meta.group(0)) if meta else None
    if found:
        target = found.group(1).decode("utf-8", "replace")
    else:
        page = head.decode("utf-8", "replace")
        words = _said_moved(page)
        if words is not None:
            link = _HREF.search(page[words:words + 2000].encode("utf-8"))
            if link:
                target = link.group(1).decode("utf-8", "replace")
        if target is None and text and (said := _said_moved(text)) is not None:
            plain = _PLAIN_URL.search(text, said)
            target = plain.group(0).rstrip(".,;:") if plain else None
    if not target or target.startswith(("#", "javascript:", "mailto:")):
        return None
    import html as html_module

    resolved = urljoin(url, html_module.unescape(target)) if url else html_module.unescape(target)
    if not resolved.startswith(("http://", "https://")) or resolved.split("#")[0] == url.split("#")[0]:
        return None
    if urlsplit(resolved).path in ("", "/"):  # a link home ("Back to the home page") is no new address
        return None
    return resolved


# Words that make a move a guess ("the page does not exist or has been moved", "may have moved": a
# not-found page's wording, in the same languages), right before the words of the move, at most one
# word between ("may also have moved"); the Dutch "of" ("or") only right before, so that "Terms of
# Service have moved" is sure.
_HEDGED = re.compile(r"(?:\b(?:or|may|might|could|perhaps|possibly|o|ou|oder|forse|talvez|quizás|peut-être|"
                     r"möglicherweise|vielleicht|misschien|pode|puede)\s+(?:\w+\s+)?|\bof\s+)$", re.IGNORECASE)


def _said_moved(text: str) -> int | None:
    """Where the first words asserting that the page moved end in ``text`` (not a hedged "or has
    been moved"), or None."""
    for found in _MOVED.finditer(text):
        if not _HEDGED.search(text[max(0, found.start() - 40):found.start()]):
            return found.end()
    return None


def moved_message(target: str) -> str:
    """The reason given for a page that says the document moved to ``target``."""
    return f"the page says it moved to {target}: update the source's url"


def page_refresh(raw: bytes, url: str) -> tuple[str, int] | None:
    """The ``<meta http-equiv="refresh">`` of a page (in its first ``MOVED_SAMPLE`` bytes) that
    names an address: (that address resolved against ``url``, the delay in seconds), or None.
    A refresh without an address (a page that reloads itself, a queue) is None."""
    import html as html_module
    from urllib.parse import urljoin

    meta = _REFRESH.search(raw[:MOVED_SAMPLE])
    found = _REFRESH_URL.search(meta.group(0)) if meta else None
    if meta is None or found is None:
        return None
    target = html_module.unescape(found.group(1).decode("utf-8", "replace"))
    delay = _REFRESH_DELAY.search(meta.group(0))
    return (urljoin(url, target) if url else target), int(delay.group(1)) if delay else 0


# what to do: a `select` that matches the banner after a redesign, or a url that shows only it
COOKIE_BANNER_HINT = ("the terms may sit elsewhere on the page: check the source's `select` and `remove` in the "
                      "sources file, and its url")

# what to do when the terms are on the page, under a banner the rules took for the whole page
CONSENT_HINT = ("if the terms are on the page under a cookie or consent banner, name the banner in the source's "
                "`remove` (or the terms in its `select`) in the sources file")


def error_page(text: str, raw: bytes = b"", previous_length: int | None = None, *, url: str = "",
               final_url: str = "") -> str | None:
    """'looks like an error page: <rule>' when the page is not terms, else None.

    Only short texts (or texts much shorter than the last version) are looked at, and a text
    with the vocabulary of terms (``TERMS_LIKE`` distinct legal patterns, in any of the eight
    languages of ``legal_vocabulary``) is terms whatever else it mentions (a captcha vendor,
    "access denied" in a clause). Otherwise the rules look at what the page is: a password
    field, a redirect to a login address (``url`` asked for, ``final_url`` reached), a challenge
    form, scripts around no text, a queue, a consent screen, a maintenance, status, rate-limit or
    not-found notice, `noindex` over almost no text... A page refused here is never recorded,
    however many runs it is served in.
    """
    if redirected_home(url, final_url) and legal_vocabulary(text[:LANGUAGE_SAMPLE]) < TERMS_LIKE_STRONG:
        # Whatever its length: a long home page is no more the terms than a short one.
        return (f"{ERROR_PAGE_PREFIX}{HOME_PAGE}, {final_url}; the document was moved or removed: "
                "find its new address and update the source's url")
    if (swap := region_redirect(url, final_url)) is not None:
        # Whatever its length: the terms of another region are another document.
        return (f"{NOT_TERMS_PREFIX}{OTHER_REGION}: redirects took the source's url, which names "
                f"'{swap[0]}', to '{swap[1]}' ({final_url}), a geo redirect by where the tracker runs; not recorded: "
                "run it from that region, or set the `headers` the site reads (a cookie, Accept-Language) in "
                "the sources file")
    if (moved := document_redirect(url, final_url)) is not None:
        # Whatever its length: a privacy policy where the terms were is another document.
        return (f"{NOT_TERMS_PREFIX}{OTHER_DOCUMENT}: redirects took the source's url, which names {moved[0]}, to "
                f"{final_url}, which names {moved[1]}; not recorded: if the document moved or was merged there, "
                "set the source's url to its new address (and its type)")
    if not should_check(text, previous_length):
        return None
    page = Page(text, html_title(raw), raw, url, final_url)
    # A long text much shorter than the last version is judged by its notice alone: legal words
    # in a long error page's boilerplate do not make it the terms that were there.
    legal = 0 if len(text) >= SHORT_TEXT else legal_vocabulary(page.text)
    here = final_url or url
    if len(text) < SHORT_TEXT and legal < TERMS_LIKE and (refresh := page_refresh(raw, here)) is not None:
        if here and refresh[0].split("#")[0] == here.split("#")[0]:
            # an immediate refresh elsewhere is followed (``fetch.http``); one to the page itself loops
            return (f"{ERROR_PAGE_PREFIX}{REFRESH_LOOP}; a loop: open the source's url in a browser "
                    "and set it to the address the terms are shown at")
        if (target := moved_to(raw, here, text)) == refresh[0]:
            return (f"{ERROR_PAGE_PREFIX}{MOVED}; the page sends readers to {target} after {refresh[1]} s: "
                    "set the source's url to it")
    # a moved notice is a short page: long terms that shrank may say "our office has moved to ..."
    if len(text) < SHORT_TEXT and legal < TERMS_LIKE and (target := moved_to(raw, here, text)) is not None:
        return f"{ERROR_PAGE_PREFIX}{MOVED}; {moved_message(target)}"
    if legal < TERMS_LIKE and (pdf := pdf_link(page)) is not None:
        return f"{NOT_TERMS_PREFIX}{PDF_LINK}: the terms are at {pdf}: set the source's url to it"
    for name, rule, strong in RULES:
        if legal >= (TERMS_LIKE_STRONG if strong else TERMS_LIKE):
            continue
        if rule(page):
            if rule is framed:
                return f"{ERROR_PAGE_PREFIX}{name}; its text is at {frame_source(page)}: set the source's url to it"
            if rule is cookie_banner:
                return f"{ERROR_PAGE_PREFIX}{name}; {COOKIE_BANNER_HINT}"
            if rule in (consent_screen, consent_buttons):
                return f"{ERROR_PAGE_PREFIX}{name}; {CONSENT_HINT}"
            if final_url and url and final_url.rstrip("/") != url.rstrip("/"):
                # where the redirects ended: a login address ("/login?next=...") says why at once
                return f"{ERROR_PAGE_PREFIX}{name}; redirected to {final_url}"
            return f"{ERROR_PAGE_PREFIX}{name}"
    return None


# --------------------------------------------------------------------------- another language

# Frequent function words of the eight languages of ``legal_vocabulary`` (Japanese is told by its
# script): enough to tell which language a page of terms is written in.
_FUNCTION_WORDS = {
    "en": frozenset("the and is are we you your our of to in for with by this that may will be any not".split()),
    "fr": frozenset("le la les des du est sont nous vous votre vos une aux ces cette qui que pour dans sur par "
                    "avec et au ne pas".split()),
    "de": frozenset("der die das und ist sind wir sie ihre nicht mit für von den dem des eine einer werden "
                    "wird bei zu auf oder sich".split()),
    "es": frozenset("el la los las de del que y en un una por para con su sus es son nosotros usted no se al".split()),
    "it": frozenset("il lo la gli le di del della che e in un una per con su non sono è dei delle al".split()),
    "nl": frozenset("de het een en van is zijn wij u uw je niet met voor op te dat die door bij".split()),
    "pt": frozenset("o a os as de do da dos das que e em um uma por para com não são seu sua você nós".split()),
}
LANGUAGE_WORDS = 15  # function words a text needs before its language is told (a 100-word page has 25-40)
LANGUAGE_SHARE = 0.6  # share of them one language must have
# Characters read to tell a text's language: every changed page of a run is checked, and a
# 300 kB page costs about 30 ms read whole; its first 20,000 characters hold thousands of words.
LANGUAGE_SAMPLE = 20_000
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}  # function word -> the languages it belongs to
for _lang, _vocabulary in _FUNCTION_WORDS.items():
    for _word in _vocabulary:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
_KANA = re.compile("[\u3040-\u30ff]")
_WORDS = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"\b(?:https?://|www\.|mailto:)\S+")


def main_language(text: str) -> str | None:
    """The language ``text`` is written in ("en", "fr", "de", "es", "it", "nl", "pt", "ja"), or
    None when it cannot be told with confidence (too few function words, a mixed page); read
    from its first ``LANGUAGE_SAMPLE`` characters."""
    text = text[:LANGUAGE_SAMPLE]
    return _told(text, Counter(_WORDS.findall(_plain_sample(text))))


def _plain_sample(text: str) -> str:
    """A language sample (``text[:LANGUAGE_SAMPLE]``) as its words are read: link texts, not their
    addresses, lower case."""
    # (each pattern tried only on a text that has what all its matches hold: the usual changed
    # page has neither in its first 20,000 characters, 0.7 ms)
    if "](" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    if "http" in text or "www." in text or "mailto:" in text:
        text = _URL.sub(" ", text)
    return text.lower()


def _told(text: str, words: Counter[str]) -> str | None:
    """``main_language`` of the sample ``text`` whose words (``_plain_sample``) are counted in ``words``."""
    if len(_KANA.findall(text)) >= 200:
        return "ja"
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    total = 0  # function words read, each once: "die" (German, Dutch) or "in" (English, Italian)
    # counted once per language it belongs to made plain German terms "mixed", told as no language
    # (each distinct word looked up once, with how often it occurs: the same counts as a loop over
    # every word; 0.94 against 1.11 ms a 20,000-character sample, the word search itself the rest)
    for word, times in words.items():
        languages = _LANGUAGES_OF.get(word)
        if languages:
            total += times
            for lang in languages:
                counts[lang] += times
    best = max(counts, key=lambda lang: counts[lang])
    if total < LANGUAGE_WORDS or counts[best] < LANGUAGE_SHARE * total:
        return None
    return best


def another_language(latest: str, text: str) -> str | None:
    """Why ``text`` is the terms in another language than the latest version ``latest`` (a site
    that chooses the language by Accept-Language or by where the request comes from), else None.
    A run holds such a text and records it only if the switch lasts (``tracker.run.decide``)."""
    sample_latest, sample = latest[:LANGUAGE_SAMPLE], text[:LANGUAGE_SAMPLE]
    if sample_latest == sample:
        return None  # the same sample (a change further down): the same language, not read twice
    # The new sample's words counted from the latest's, less the words of the lines where the two
    # differ, plus the new lines' (half the reading for the usual change, a few lines): the same
    # counts, as a word never spans a line break and the lines both share hold the same words.
    plain_latest, plain = _plain_sample(sample_latest), _plain_sample(sample)
    words_latest = Counter(_WORDS.findall(plain_latest))
    start, tail = common_lines(plain_latest, plain)
    words = words_latest.copy()
    words.subtract(_WORDS.findall(plain_latest[start:len(plain_latest) - tail]))
    words.update(_WORDS.findall(plain[start:len(plain) - tail]))
    before, now = _told(sample_latest, words_latest), _told(sample, words)
    if before is None or now is None or before == now:
        return None
    return (f"{OTHER_LANGUAGE}, {now}, where the latest version is {before}; the site may choose "
            "the language by Accept-Language or by location: set headers = { Accept-Language = \"...\" } "
            "or a URL of that language in the sources file")


# --------------------------------------------------------------------------- the same terms, served oddly

# A diagnostic a server printed into the page (PHP's "Warning: Undefined variable $x in
# /var/www/terms.php on line 12", a notice, a deprecation): a line of its own, naming a source
# file and a line number.
_SERVER_MESSAGE = re.compile(
    r"^\W*(?:php )?(?:warning|notice|deprecated|strict standards|(?:catchable )?fatal error|parse error)\W*:"
    r"[^\n]{0,400}?\bin\b[^\n]{0,300}?\bon line\W{0,4}\d+\W*$\n?", re.IGNORECASE | re.MULTILINE)


def without_server_messages(text: str) -> str:
    """``text`` without the lines a server printed into the page about its own code (a PHP
    warning, notice or deprecation naming a file and a line: ``_SERVER_MESSAGE``): they come and
    go, their line number with each deploy, and say nothing of the terms."""
    return _SERVER_MESSAGE.sub("", text) if "line" in text else text


REPEATED_LINES = 3  # lines a repeated copy must have: a heading said twice is no copy


def repeated_copy(latest: str, text: str) -> bool:
    """Whether ``text`` and ``latest`` are the same lines, one of them with some shown more than
    once (the terms repeated in a copy for small screens, a block the page duplicates): every
    line of each is a line of the other, and at least ``REPEATED_LINES`` lines differ in how many
    times they are shown. The same terms: no new version."""
    from collections import Counter

    if _line_not_in_other(latest, text):
        return False  # (the usual changed page, told without counting the lines of both texts)
    before = Counter(line.strip() for line in latest.splitlines() if line.strip())
    after = Counter(line.strip() for line in text.splitlines() if line.strip())
    if before == after or before.keys() != after.keys():
        return False
    return sum(1 for line in before if before[line] != after[line]) >= REPEATED_LINES



def _line_not_in_other(latest: str, text: str) -> bool:
    """Whether a line of either text where the two first differ is, stripped, not blank and nowhere
    in the other text, not even within a line: then it is a line one text has and the other has
    not, which a few substring searches tell (``repeated_copy``: both texts' lines counted whole
    cost about 0.2 ms a changed page). False when not so, or when the texts are the same."""
    n = common_start(latest, text)
    if n == len(latest) == len(text):
        return False
    for one, other in ((text, latest), (latest, text)):
        # (the part between line feeds around the first difference: each of its splitlines() lines
        # is a line of the text)
        segment = one[one.rfind("\n", 0, n) + 1:(one.find("\n", n) + 1 or len(one) + 1) - 1]
        if any(line.strip() and line.strip() not in other for line in segment.splitlines()):
            return True
    return False

# --------------------------------------------------------------------------- sudden shrink


def shrink(previous_length: int | None, new_length: int, max_shrink: float = DEFAULT_MAX_SHRINK) -> str | None:
    """Why a new text is held for shrinking by more than ``max_shrink`` of the last one, or None.

    ``max_shrink = 1`` never holds anything (a text cannot lose more than all of itself).
    """
    if not previous_length or new_length >= previous_length:
        return None
    lost = 1 - new_length / previous_length
    if lost <= max_shrink:
        return None
    return (f"text shrank by {lost:.0%} (from {previous_length:,} to {new_length:,} characters), "
            f"more than the {max_shrink:.0%} allowed")


DROP_SHARE = 0.3  # a text that lost more than this share of the latest, all in whole lines, is a drop
# ... held like a sudden shrink: a page served with whole sections missing for two runs (a broken
# deploy, a half-built cache) was recorded and notified as material removals, then as a revert
DROP_RUNS = HOLD_RUNS


def dropped(latest: str, text: str, max_shrink: float = DEFAULT_MAX_SHRINK) -> str | None:
    """Why ``text`` is held as a large drop from the terms whose latest text is ``latest``, or
    None: it lost more than ``DROP_SHARE`` of them (but no more than ``max_shrink``, past which
    ``shrink`` holds it) and what is left is their lines (all but at most two new lines, or a
    fifth): whole sections missing, nothing rewritten. A page loaded in part, or a variant that
    leaves sections out, looks exactly like that, and recording it would report every missing
    clause removed, then added back when the full page returns; a real removal of sections is
    served that way run after run and recorded once seen in ``DROP_RUNS`` (= ``HOLD_RUNS``, as
    a sudden shrink) consecutive runs. ``max_shrink = 1`` (holds turned off for the document)
    holds nothing here either."""
    if not latest or max_shrink >= 1 or len(text) >= (1 - DROP_SHARE) * len(latest):
        return None
    if len(text) < (1 - max_shrink) * len(latest):
        return None  # a sudden shrink: ``shrink`` holds it
    theirs = {line.strip() for line in latest.splitlines()}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    new = [line for line in lines if line not in theirs]
    if not lines or len(new) > max(2, len(lines) // 5):
        return None
    lost = 1 - len(text) / len(latest)
    return (f"text dropped {lost:.0%} of the latest version (from {len(latest):,} to {len(text):,} characters), "
            "whole sections missing and nothing new (a page loaded in part, or a variant without them)")


# --------------------------------------------------------------------------- partial pages

_OPEN_DOCUMENT = re.compile(rb"<(html|body)\b", re.IGNORECASE)
_CLOSE_DOCUMENT = re.compile(rb"</(html|body)\s*>", re.IGNORECASE)


class _Body(Protocol):  # what ``cut_off_html`` reads of a fetched page (``tracker.fetch.Fetched``)
    @property
    def body(self) -> bytes: ...

    @property
    def content_type(self) -> str: ...


def cut_off_html(pages: Sequence[_Body]) -> str | None:
    """Why the HTML bytes of a page (of any part of a combined document) look cut off in
    transfer, or None: they open ``<html>`` or ``<body>`` and close neither. A server that closes
    the connection early, with no Content-Length or chunk sizes to tell (HTTP/1.0 style, or a
    compressed stream cut short), leaves exactly that; real pages close their body. Each page
    is told by its own bytes, PDFs and plain text are never looked at."""
    for page in pages:
        body = page.body
        media = media_type(page.content_type)
        if media not in ("", "text/html", "application/xhtml+xml") or body.lstrip()[:5] == b"%PDF-":
            continue
        # (the close tag is nearly always in the last kilobyte: looked for there first, then in
        # the last 64 KB, the same answer at a tenth of the scan)
        if (_OPEN_DOCUMENT.search(body[:65536]) and not _CLOSE_DOCUMENT.search(body[-1024:])
                and not _CLOSE_DOCUMENT.search(body[-65536:])):
            return "the page's HTML stops before its </body> and </html> (cut off by the server or on the way)"
    return None


# What a page cut off is said to be and what to do (an announced length that did not come in full
# is told apart before, by the fetch: "connection lost after N of the M bytes ...")
CUT_FIX = ("(the server sent it so, or the connection was cut); not recorded, the latest version kept; if it lasts, open the url in a browser: a page broken at its source is for its site to fix")

_CONTAINER_TAG = re.compile(rb"<(/?)(main|article|section|table|ul|ol|div)\b", re.IGNORECASE)


def cut_mid_text(pages: Sequence[_Body]) -> str | None:
    """Why the HTML bytes of a page (of any part of a combined document) were surely cut off in
    transfer, or None: on top of ``cut_off_html`` (no ``</body>`` nor ``</html>``), they stop in
    the middle of a tag or a text (their last byte is neither a tag's ``>`` nor a line break), or
    leave a container open (more ``<main>``, ``<article>``, ``<section>``, ``<div>``, ``<table>``
    or list openings than closings). A page whose author leaves out ``</body>`` still ends after
    a tag or a newline and closes what holds its text; a connection closed early cuts wherever the
    bytes were, inside the content. Such a page is refused every run, never held then recorded:
    a server or proxy that cuts at the same byte each time (a buffer's size) would otherwise make
    a version that deletes the rest of the terms, or a first version that is half of them."""
    for page in pages:
        if cut_off_html((page,)) is None:
            continue
        last = page.body[-1:]
        if last and last not in (b">", b"\n", b"\r"):
            return f"a page cut off: its HTML stops mid-text, before its </body> and </html> {CUT_FIX}"
        depth: dict[bytes, int] = {}
        for match in _CONTAINER_TAG.finditer(page.body):
            name = match.group(2).lower()
            depth[name] = depth.get(name, 0) + (-1 if match.group(1) else 1)
        if any(open_ > 0 for open_ in depth.values()):
            return f"a page cut off: its HTML stops before its </body> and </html> with its content still open {CUT_FIX}"
    return None


# A control that shows the rest of a text: "Read more", "Show all", "Lire la suite", "Mehr anzeigen"...
_MORE_CONTROL = re.compile(
    r"^\W*(?:(?:read|show|see|view|load) (?:more|all|the full (?:text|terms)|full terms)|continue reading|expand(?: all)?|"
    r"voir (?:plus|la suite|tout)|lire la suite|afficher (?:plus|tout|la suite)|en savoir plus|"
    r"mehr (?:anzeigen|lesen)|weiterlesen|alle anzeigen|(?:leer|ver|mostrar) m[áa]s|seguir leyendo|"
    r"leggi (?:di pi[ùu]|tutto|altro)|mostra (?:di pi[ùu]|tutto|altro)|continua a leggere|"
    r"lees meer|(?:meer|alles) (?:weergeven|tonen)|toon (?:meer|alles)|ler mais|(?:ver|mostrar) mais|continuar lendo|"
    r"続きを読む|もっと見る|すべて表示|全文を表示)\W*$", re.IGNORECASE)


# A control that leads to the next page of terms split over pages ("Page 1 of 3", "Next page ›")
_NEXT_PAGE = re.compile(
    r"^\W*(?:(?:page|seite|página|pagina)\s+\d+\s*(?:of|/|von|de|di|van|sur)\s*\d+\b.*|"
    r".*\b(?:next\s+page|page\s+suivante|nächste\s+seite|página\s+siguiente|pagina\s+successiva|volgende\s+pagina|"
    r"próxima\s+página|次のページ)\b.*)$", re.IGNORECASE)
# A placeholder a script replaces with the rest of the text ("Loading…", "Chargement…")
_LOADING = re.compile(
    r"^\W*(?:loading(?: more| the rest)?|chargement(?: en cours)?|wird geladen|laden|lädt|cargando|caricamento"
    r"(?: in corso)?|carregando|bezig met laden|読み込み中)\s*(?:\.\.\.|…)?\W*$", re.IGNORECASE)


# an element a script fills once it has fetched its content: a lazy-load attribute or class
_LAZY_ELEMENT = re.compile(
    r"""<(?:div|section|article|span|p|li)\b[^>]*?(?:\bdata-(?:src|url|load|endpoint|fetch|lazy)\w*\s*=|"""
    r"""\baria-busy\s*=\s*["']?true|\bhx-get\s*=|\bclass\s*=\s*["'][^"']*\b(?:lazy|skeleton|loading|placeholder))"""
    r"""[^>]*>\s*(?:<[^>]+>\s*)*([^<]{1,60})""", re.IGNORECASE)


def still_loading(text: str, raw: bytes) -> str | None:
    """Why a page with no version yet was read before its script filled it, or None: a line of
    its text is a loading placeholder ("Loading…", "Chargement…", "Wird geladen…", "読み込み中")
    that is the content of a lazy-loading element in its HTML (``data-src``, ``aria-busy``, a
    ``lazy`` or ``skeleton`` class): the sections the script fetches are missing, and the first
    version would be the page half-built. (With a version, a text that lost its sections to such
    a placeholder is ``teaser``'s.)"""
    def plain(line: str) -> str:  # (the text says "..." where the page has "…")
        return line.replace("\u2026", "...").strip().strip("*_#>[]-|() ")

    placeholders = {plain(line) for line in text.splitlines() if _LOADING.match(plain(line))}
    if not placeholders:
        return None
    for found in _LAZY_ELEMENT.finditer(raw[:2_000_000].decode("utf-8", "replace")):
        said = found.group(1).strip()
        if plain(said) in placeholders:
            return (f"{NOT_TERMS_PREFIX}{STILL_LOADING}: its text has a loading placeholder ({said!r}) that a script "
                    "fills with the rest; not recorded: set render = \"browser\" for it in the sources file")
    return None




def loading_only(text: str) -> str | None:
    """The loading placeholder ("Loading…", "Chargement…", "Wird geladen…") when it is all the
    prose of ``text`` - its other lines headings, links, a copyright line or a menu's few words
    (under ``SHELL_WORDS`` words of prose, no sentence) - else None: a rendered page whose scripts
    had not filled it when it was read."""
    def plain(line: str) -> str:  # (the text says "..." where the page has "…")
        return line.replace("\u2026", "...").strip().strip("*_#>[]-|() ")

    found = [line.strip().strip("*_#>[]-|() ") for line in text.splitlines() if _LOADING.match(plain(line))]
    if not found:
        return None
    rest = "\n".join(line for line in text.splitlines() if not _LOADING.match(plain(line)))
    if len(_prose_words(rest)) >= SHELL_WORDS or prose_sentences(rest):
        return None
    return found[0]


def not_loaded(placeholder: str | None, timeout: float) -> str:
    """The reason given for a page rendered in the browser that still showed only its loading
    ``placeholder`` (None: no text at all) within the document's ``timeout`` (seconds)."""
    shown = f"only {placeholder!r}" if placeholder else "no text"
    return (f"{NOT_TERMS_PREFIX}{NOT_LOADED}: the browser still showed {shown} after the page's "
            f"scripts ran (within {timeout:g} s); not recorded (a version already recorded stays the latest): the "
            "site's script is slow or failing; if this lasts, raise the source's timeout")

_COMMENT_OPEN, _COMMENT_CLOSE = b"<!--", b"-->"
_TEXT_TAG = re.compile(rb"<(?:p|h[1-6]|li|td|dd)\b", re.IGNORECASE)
HIDDEN_BLOCKS = 3  # text elements an unclosed comment must swallow to be a fault (not a stray footer)


def unclosed_comment(pages: Sequence[_Body]) -> str | None:
    """Why an HTML page (any part of a combined one) hides part of its text in a comment it
    never closes, or None: a ``<!--`` with no ``-->`` after it, then at least
    ``HIDDEN_BLOCKS`` paragraphs, headings or list items and the page's ``</body>`` or
    ``</html>`` (the bytes were not cut: a template fault). A browser shows nothing after it
    either, and recording it would report every hidden clause removed."""
    for page in pages:
        body = page.body
        if media_type(page.content_type) not in ("", "text/html", "application/xhtml+xml") or \
                body.lstrip()[:5] == b"%PDF-":
            continue
        at = 0
        while (start := body.find(_COMMENT_OPEN, at)) >= 0:
            end = body.find(_COMMENT_CLOSE, start + 4)
            if end < 0:
                rest = body[start:]
                if len(_TEXT_TAG.findall(rest)) >= HIDDEN_BLOCKS and _CLOSE_DOCUMENT.search(rest[-1024:]):
                    return (f"{NOT_TERMS_PREFIX}{UNCLOSED_COMMENT}: the page's HTML opens a comment (<!--) at byte "
                            f"{start:,} and never closes it, which hides the rest of the page ({len(rest):,} bytes) "
                            "from browsers and the tracker: a fault of the site; not recorded")
                break
            at = end + 3
    return None


def is_more_control(line: str) -> bool:
    """Whether one line of extracted text is only a control that shows the rest of a text ("Read
    more", "[Lire la suite](…)", "Mehr anzeigen", "Leer más"), its link target and markup ignored."""
    label = re.sub(r"\]\([^)]*\)", "", line).strip("*_#>[]-|() \t")
    return bool(label) and _MORE_CONTROL.match(label) is not None


def teaser(latest: str, text: str, max_shrink: float = DEFAULT_MAX_SHRINK) -> str | None:
    """Why ``text`` is only the start of the terms whose latest text is ``latest``, or None: it
    lost more than ``max_shrink`` of them, what is left is their lines (all but at most two new
    lines, or a fifth), and one of its new lines is a control that shows the rest ("Read more",
    "Show all", "Lire la suite", "Mehr anzeigen", "Leer más", "続きを読む"). The page now folds
    the terms behind a click that scripts answer: the terms were not cut, and recording the
    first section would report every other clause removed."""
    if not latest or max_shrink >= 1 or len(text) >= (1 - min(max_shrink, DROP_SHARE)) * len(latest):
        return None
    theirs = {line.strip() for line in latest.splitlines()}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    new = [line for line in lines if line not in theirs]
    if len(new) > max(2, len(lines) // 5):
        return None
    controls = [re.sub(r"\]\([^)]*\)", "", line).strip("*_#>[]-|() ") for line in new]
    kept = len(text) / len(latest)
    if any(_MORE_CONTROL.match(line.split("](")[0]) for line in controls):
        return (f"{NOT_TERMS_PREFIX}{TEASER}, {kept:.0%} of the latest version, then a \"read more\" control; the "
                "rest is folded behind a click: if this lasts, try render = \"browser\" or check `select`")
    if any(_NEXT_PAGE.match(line) for line in controls):
        return (f"{NOT_TERMS_PREFIX}{TEASER}, {kept:.0%} of the latest version, then a link to the next page; the "
                "terms are now split over pages: list each page under `combine` in the sources file")
    if any(_LOADING.match(line) for line in controls):
        return (f"{NOT_TERMS_PREFIX}{TEASER}, {kept:.0%} of the latest version, then a loading placeholder a script "
                "fills with the rest: set render = \"browser\" for it in the sources file")
    return None


# A cache's or an archive's notice above a copy of the page ("You are viewing a cached copy of this
# page as it appeared on ...", "Always Online"): the intermediary speaking, not the site.
_CACHE_NOTICE = _has(
    r"\b(cached|archived|stale|saved) (copy|version|snapshot)\b|\bas it appeared on\b|\balways online\b|"
    r"\bthis is a snapshot of\b|\bversion (mise )?en cache\b|\bcopie (en cache|archiv[ée]e)\b|"
    r"\b(zwischengespeicherte|archivierte) (version|kopie)\b|\bversi[óo]n (en cach[ée]|archivada)\b|"
    r"\bcopia (cache|archiviata|en cach[ée])\b|\bversione (in cache|archiviata)\b|\bgecachte versie\b|"
    r"\bc[óo]pia (em cache|arquivada)\b|キャッシュ")
CACHE_NOTICE_MAX = 400  # characters: a notice of a sentence or two


def banner_only_change(latest: str, text: str) -> bool:
    """Whether ``text`` differs from ``latest`` only by a banner inside the terms' region, added,
    gone or reworded: a cookie or consent banner a site shows on some requests (a consent manager
    that writes itself in the selected element), or a cache's or an archive's notice above a
    copy of the page ("You are viewing a cached copy of this page as it appeared on ..."). The
    lines each has beyond the other are none or such a banner, on at least one side. A cookie
    banner is ``COOKIE_WALL_MAX`` characters at most, says the site uses cookies or asks for
    consent, has its control ("Accept", "OK", "Reject all", "Cookie settings") and at most
    ``BANNER_SENTENCES`` + 1 sentences; a cache notice is ``CACHE_NOTICE_MAX`` characters and
    ``BANNER_SENTENCES`` sentences at most. The same terms: no new version. A clause about
    cookies added to the terms ("We use cookies to remember your language.") has no control: a
    change."""
    from collections import Counter

    def beyond(lines: list[str], others: list[str]) -> list[str]:
        left = Counter(others)
        out = []
        for line in lines:
            if left[line] > 0:
                left[line] -= 1
            elif line.strip():
                out.append(line)
        return out

    # The lines between the texts' common start and end (``common_lines``; both texts' lines whole
    # cost about 0.4 ms a changed page): the lines each has beyond the other are the same, in the
    # same order, unless one of them is a line of the common end too (a line whose copies between
    # are fewer than the other text's meets its copies there first), and then both are counted whole.
    start, tail = common_lines(latest, text)
    old_lines, new_lines = latest[start:len(latest) - tail].splitlines(), text[start:len(text) - tail].splitlines()
    gone, added = beyond(old_lines, new_lines), beyond(new_lines, old_lines)
    if tail and any(line in latest[len(latest) - tail:] for line in gone + added):
        old_lines, new_lines = latest.splitlines(), text.splitlines()
        gone, added = beyond(old_lines, new_lines), beyond(new_lines, old_lines)
    return bool(gone or added) and all(not side or _banner_block("\n".join(side)) for side in (gone, added))


def _banner_block(block: str) -> bool:
    """Whether ``block`` (lines of a text) is a cookie or consent banner or a cache's notice."""
    low = block.lower()
    sentences = len(prose_sentences(_LINK.sub(" ", block)))
    if len(block) <= CACHE_NOTICE_MAX and _CACHE_NOTICE(low) and sentences <= BANNER_SENTENCES:
        return True
    if len(block) > COOKIE_WALL_MAX or not (_COOKIE_BANNER(low) or _CONSENT_TOPIC(low)):
        return False
    plain = _LINK.sub(lambda m: m.group(1), block)
    control = (_BANNER_CONTROL.search(plain.strip()) is not None or _ACCEPT_ALL(low) or _DECLINE_OR_MANAGE(low)
               or any(_ACCEPT_WORD.search(line) and _REFUSE_WORD.search(line) for line in plain.splitlines()))
    return control and sentences <= BANNER_SENTENCES + 1

"""Guards against recording something false: error pages served as 200, wrong content, sudden shrinks.

Everything here is a small pure function of the fetched page, so each rule can be tested alone
and ``run.py`` only has to call them in order:

* ``unexpected_content_type`` - images, video, archives, ``application/octet-stream``: not terms.
* ``empty_body`` - a 200 with no bytes (or only whitespace) is a server fault, not a new text.
* ``error_page`` - pages that are not the terms, served with status 200 (access denied, captcha
  / bot checks, cookie walls, "page not found", login pages, waiting rooms, maintenance and
  status pages, `noindex` placeholders), in English, French and German. The rules look at what
  the page is (the extracted text, the raw ``<title>``, a password field, a challenge widget,
  ``noindex``), only when the text is short (``SHORT_TEXT`` characters) or much shorter than the
  last recorded version, and a short text with the vocabulary of terms (``legal_vocabulary``)
  is terms whatever else it names: real terms that say "we use hCaptcha" are recorded.
* ``shrink`` - a text that suddenly lost more than ``max_shrink`` of the last version is held
  (recorded only once seen in several consecutive runs), since half a page missing is far more
  often a broken render than a rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

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
    return None


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


# --------------------------------------------------------------------------- soft-error rules


@dataclass(frozen=True)
class Page:
    """What the rules look at: the extracted text, the raw <title> and the raw bytes."""

    text: str
    title: str = ""
    raw: bytes = b""

    @property
    def both(self) -> str:
        return f"{self.title}\n{self.text}".lower()


def _has(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    return lambda text: compiled.search(text) is not None


# Legal vocabulary, English, French and German: what a terms page is made of. Each pattern counts
# once however often it occurs, so a word repeated by an error page does not make it terms.
_LEGAL_WORDS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\bterms\b|\bconditions\b|\bbedingungen\b|\bagb\b|\bcgu\b|\bcgv\b",
    r"\bagree(ment|s|d)?\b|\baccept(ez|ent)? (les|ces) conditions|\bcontrat\b|\bvertrag",
    r"\bliab(le|ility)\b|\bresponsabilit[ée]|\bhaft(ung|et|en)\b",
    r"\bwarrant(y|ies)\b|\bgarantie|\bgew[äa]hrleistung",
    r"\bgoverning law\b|\bjurisdiction\b|\bjuridiction|\bdroit applicable|\bgerichtsstand|\banwendbares recht",
    r"\bpersonal (data|information)\b|\bdonn[ée]es (à caractère )?personnelles|\bpersonenbezogene",
    r"\bprivacy\b|\bconfidentialit[ée]|\bdatenschutz",
    r"\bterminat(e|ion)\b|\bsuspen(d|sion)\b|\br[ée]siliation|\bk[üu]ndigung",
    r"\bindemnif|\bindemnit[ée]s?\b|\bschadensersatz|\bdommages?\b|\bdamages\b",
    r"\blicen[cs]e|\blizenz",
    r"\barbitration\b|\barbitrage\b|\bschiedsverfahren|\bdispute|\blitige|\bstreitigkeit",
    r"\bshall\b|\bhereby\b|\bherein\b|\bpursuant\b|\bnotwithstanding\b",
    r"\bintellectual property\b|\bpropri[ée]t[ée] intellectuelle|\bgeistiges eigentum|\burheberrecht",
    r"\bsection \d|\barticle \d|\bclause\b|\bparagraph\b|§\s?\d",
    r"\bfees?\b|\bfrais\b|\bgeb[üu]hr|\bpayment\b|\bpaiement|\bzahlung",
    r"\bconsent\b|\bconsentement|\beinwilligung",
    r"\bobligations?\b|\bpflicht",
))
TERMS_LIKE = 4  # distinct legal patterns from which a page is taken as terms despite a notice's words
# ... and despite what it is built as (a password field, a challenge widget, a queue): a login
# page's footer alone ("by signing in you agree to our Terms and Privacy Policy") reaches 3.
TERMS_LIKE_STRONG = 6


def legal_vocabulary(text: str) -> int:
    """How many of the legal vocabulary patterns (EN/FR/DE) occur in ``text`` (0..17)."""
    return sum(1 for pattern in _LEGAL_WORDS if pattern.search(text))


_ACCESS_DENIED = _has(
    r"\baccess (is )?denied\b|\b403\b\W{0,3}forbidden\b|^\W*forbidden\W*$|"
    r"you (don't|do not|don’t) have permission to access|you have been blocked|"
    r"\brequest (was |has been )?blocked\b|\baccess to this (page|resource|site) (is|has been) (denied|blocked|restricted)|"
    r"\bacc[èe]s (refus[ée]|interdit)\b|\bzugriff verweigert\b|\bzugang verweigert\b"
)
# A bot check is told by what it asks of the reader, never by the word "captcha" alone: terms
# may name a captcha vendor ("we use hCaptcha"), and a service may even be called Captcha.
_CAPTCHA = _has(
    r"(complete|solve|fill in|enter) the (security |following )?(captcha|challenge)|security check|"
    r"verify (that )?you are (a )?human|are you (a )?(robot|human)\?|checking (if the site connection is secure|your browser)|"
    r"just a moment\.\.\.|enable javascript and cookies to continue|\bddos protection by\b|attention required!|"
    r"unusual traffic from your (computer|network)|press (&|and) hold|"
    r"v[ée]rifi(ez|er|cation) que vous (n'|n’)?[êe]tes (un humain|pas un robot)|"
    r"best[äa]tigen sie, dass sie (ein mensch|kein roboter) sind|sicherheitsüberprüfung|"
    r"vérification de sécurité|un instant\.\.\.|einen moment\.\.\."
)
_CHALLENGE_FORM = re.compile(
    rb"""class\s*=\s*["'][^"']*\b(g-recaptcha|h-captcha|cf-turnstile|frc-captcha)\b|"""
    rb"""id\s*=\s*["'](challenge-form|cf-challenge-running|challenge-stage|captcha-form)["']|"""
    rb"""<form\b[^>]*\baction\s*=\s*["'][^"']*(captcha|challenge)[^"']*["']|"""
    rb"""<input\b[^>]*\bname\s*=\s*["'](captcha|cf-turnstile-response|g-recaptcha-response|h-captcha-response)""",
    re.IGNORECASE)
_COOKIE_WALL = _has(
    r"(accept|allow|agree to|consent to) (all |our |the )?cookies (in order )?to (continue|proceed|access|view|use)|"
    r"you (must|need to) (accept|allow|enable) (all |our )?cookies|cookies are required to (view|use|access)|"
    r"please (accept|allow|enable) (all |our )?cookies|"
    r"acceptez (tous )?les cookies pour (continuer|accéder)|akzeptieren sie (alle )?cookies, um fortzufahren"
)
_NOT_FOUND = _has(
    r"\b(page|document|file|resource|content)\s+(was\s+|is\s+)?not\s+found\b|(?<![$€£.,\d])\b404\b(?![.,]\d)|"
    r"\bpage (you (were|are) looking for|you requested) (does not|doesn't|doesn’t|could not|couldn't|can't|cannot)|"
    r"\b(this|that|the) page (does not|doesn't|doesn’t) exist|\bwe (can't|cannot|can’t|couldn't|could not) find (that|this|the) page|"
    r"\bpage (introuvable|non trouvée)\b|\bcette page n'existe pas|\bseite nicht gefunden\b|\bdiese seite existiert nicht"
)
_LOGIN_WORDS = _has(
    r"\b(sign|log)\s?in\b|\blog\s?on\b|\bpassword\b|\bforgot\b|\bcreate an account\b|"
    r"\bse connecter\b|\bconnexion\b|\bmot de passe\b|\bidentifiez-vous\b|"
    r"\banmelden\b|\banmeldung\b|\beinloggen\b|\bpasswort\b|\bkennwort\b"
)
_QUEUE = _has(
    r"\byou are (now )?in (the )?(line|queue)\b|\bwaiting room\b|\bestimated wait(ing)? time\b|\bestimated wait\b|"
    r"\byour (place|position|number) in (the )?(line|queue)\b|\bqueue-it\b|"
    r"\bfile d'attente\b|\bfile d’attente\b|\bsalle d'attente\b|\btemps d'attente estimé\b|\bvous êtes (dans la file|en attente)\b|"
    r"\bwarteschlange\b|\bwarteraum\b|\bgeschätzte wartezeit\b|\bsie sind in der warteschlange\b"
)
_MAINTENANCE = _has(
    r"\b(under|down for|undergoing|scheduled) maintenance\b|\bwe('ll| will) be back (soon|shortly)\b|\bback online soon\b|"
    r"\ben (cours de )?maintenance\b|\bmaintenance (en cours|programmée)\b|\bde retour (bientôt|très vite)\b|"
    r"\bwartungsarbeiten\b|\bwartungsmodus\b|\bwegen wartung\b|\bbald wieder (für sie )?da\b"
)
_STATUS = _has(
    r"\ball systems operational\b|\b(service|site) (is )?(temporarily )?unavailable\b|\b503\b\W{0,3}service unavailable|"
    r"\binternal server error\b|\b(502|504) (bad gateway|gateway time-?out)\b|\bsomething went wrong\b|"
    r"\bservice (temporairement )?indisponible\b|\bune erreur (interne )?est survenue\b|\berreur (interne du serveur|500)\b|"
    r"\b(vorübergehend )?nicht verfügbar\b|\bein fehler ist aufgetreten\b|\binterner serverfehler\b|"
    r"\bincident (history|report)\b|\buptime\b.*\b(90|30) days\b"
)
_NOINDEX = re.compile(rb"""<meta\b[^>]*\bname\s*=\s*["']?robots["']?[^>]*\bcontent\s*=\s*["'][^"']*\bnoindex""",
                      re.IGNORECASE)
_REFRESH = re.compile(rb"""<meta\b[^>]*\bhttp-equiv\s*=\s*["']?refresh""", re.IGNORECASE)

COOKIE_WALL_MAX = 600  # a cookie wall is a banner and a button: "little other text"
LITTLE_TEXT = 600  # characters: a page this short with no legal vocabulary and `noindex` says nothing
HOLLOW_LEGAL = 3  # fewer distinct legal patterns than this is "no legal vocabulary" (footer links)


def has_noindex(raw: bytes) -> bool:
    return _NOINDEX.search(raw[:65536]) is not None


def has_challenge_form(raw: bytes) -> bool:
    return _CHALLENGE_FORM.search(raw) is not None


def access_denied(page: Page) -> bool:
    return _ACCESS_DENIED(page.both)


def captcha(page: Page) -> bool:
    return _CAPTCHA(page.both) or has_challenge_form(page.raw)


def cookie_wall(page: Page) -> bool:
    return len(page.text) <= COOKIE_WALL_MAX and _COOKIE_WALL(page.both)


def not_found(page: Page) -> bool:
    return _NOT_FOUND(page.both)


def login_page(page: Page) -> bool:
    """A password field and the words of a login form (a terms page with a login box in its
    header has legal vocabulary, which is checked before any rule)."""
    return has_password_field(page.raw) and _LOGIN_WORDS(page.both)


def waiting_room(page: Page) -> bool:
    return _QUEUE(page.both)


def maintenance(page: Page) -> bool:
    return _MAINTENANCE(page.both)


def status_page(page: Page) -> bool:
    return _STATUS(page.both)


def hollow_page(page: Page) -> bool:
    """Little text, hardly any legal vocabulary (a footer's "Terms · Privacy" links at most), and
    the page asks not to be indexed or reloads itself: a placeholder, an interstitial, a queue
    ticket - nothing a terms page is."""
    return (len(page.text) <= LITTLE_TEXT and legal_vocabulary(page.text) < HOLLOW_LEGAL
            and (has_noindex(page.raw) or _REFRESH.search(page.raw[:65536]) is not None))


# (name, rule, strong): a strong rule looks at what the page is built as, a weak one at its words.
RULES: tuple[tuple[str, Callable[[Page], bool], bool], ...] = (
    ("access denied", access_denied, False),
    ("captcha or bot check", captcha, True),
    ("cookie wall", cookie_wall, False),
    ("page not found", not_found, False),
    ("login page", login_page, True),
    ("waiting room", waiting_room, True),
    ("maintenance page", maintenance, False),
    ("status or server error page", status_page, False),
    ("a page with no terms in it", hollow_page, True),
)

# What ``tracker status`` and the attention feed say a document was served instead of its terms.
SERVED = {
    "access denied": "an access-denied page", "captcha or bot check": "a captcha or bot check",
    "cookie wall": "a cookie wall", "page not found": "a not-found page", "login page": "a login page",
    "waiting room": "a waiting room", "maintenance page": "a maintenance page",
    "status or server error page": "a status or server error page", "a page with no terms in it": "a page with no terms",
}
ERROR_PAGE_PREFIX = "looks like an error page: "
# Another page in place of the terms, told by comparing it with the latest version
# (``tracker.run.decide``): a landing, marketing or download page.
NOT_TERMS_PREFIX = "not the terms: "
ANOTHER_PAGE = "another page"


def served_instead(reason: str | None) -> str | None:
    """"a login page" for an error-page reason (``error_page``'s), "another page than the terms"
    for a page told from the latest version (``NOT_TERMS_PREFIX``), else None."""
    if reason and reason.startswith(NOT_TERMS_PREFIX):
        return "another page than the terms"
    if not reason or not reason.startswith(ERROR_PAGE_PREFIX):
        return None
    rule = reason[len(ERROR_PAGE_PREFIX):].split(" (", 1)[0].split(";", 1)[0]
    return SERVED.get(rule)


def should_check(text: str, previous_length: int | None) -> bool:
    """The rules apply to short texts, or to texts much shorter than the last version."""
    if len(text) < SHORT_TEXT:
        return True
    return previous_length is not None and len(text) < previous_length * MUCH_SHORTER


def error_page(text: str, raw: bytes = b"", previous_length: int | None = None) -> str | None:
    """'looks like an error page: <rule>' when the page is not terms, else None.

    Only short texts (or texts much shorter than the last version) are looked at, and a text
    with the vocabulary of terms (``TERMS_LIKE`` distinct legal patterns, English, French or
    German) is terms whatever else it mentions (a captcha vendor, "access denied" in a clause).
    Otherwise the rules look at what the page is: a password field, a challenge form, a queue,
    a maintenance or status notice, `noindex` over almost no text... A page refused here is never
    recorded, however many runs it is served in.
    """
    if not should_check(text, previous_length):
        return None
    page = Page(text, html_title(raw), raw)
    # A long text much shorter than the last version is judged by its notice alone: legal words
    # in a long error page's boilerplate do not make it the terms that were there.
    legal = 0 if len(text) >= SHORT_TEXT else legal_vocabulary(page.text)
    for name, rule, strong in RULES:
        if legal >= (TERMS_LIKE_STRONG if strong else TERMS_LIKE):
            continue
        if rule(page):
            return f"{ERROR_PAGE_PREFIX}{name}"
    return None


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

"""Guards against recording something false: error pages served as 200, wrong content, sudden shrinks.

Everything here is a small pure function of the fetched page, so each rule can be tested alone
and ``run.py`` only has to call them in order:

* ``unexpected_content_type`` - images, video, archives, ``application/octet-stream``: not terms.
* ``empty_body`` - a 200 with no bytes (or only whitespace) is a server fault, not a new text.
* ``error_page`` - soft errors served with status 200 (access denied, captcha / bot checks,
  cookie walls, "page not found", login pages). The rules look at the extracted text and the
  raw HTML ``<title>``, and they only apply when the text is short (``SHORT_TEXT`` characters)
  or much shorter than the last recorded version: real terms that mention "access denied" in a
  clause are long and are never checked.
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


_ACCESS_DENIED = _has(
    r"\baccess (is )?denied\b|\b403\b\W{0,3}forbidden\b|^\W*forbidden\W*$|"
    r"you (don't|do not|don’t) have permission to access|you have been blocked|"
    r"\brequest (was |has been )?blocked\b|\baccess to this (page|resource|site) (is|has been) (denied|blocked|restricted)"
)
_CAPTCHA = _has(
    r"captcha|verify (that )?you are (a )?human|are you (a )?(robot|human)\?|checking (if the site connection is secure|your browser)|"
    r"just a moment\.\.\.|enable javascript and cookies to continue|\bddos protection by\b|attention required!|"
    r"unusual traffic from your (computer|network)|press (&|and) hold"
)
_COOKIE_WALL = _has(
    r"(accept|allow|agree to|consent to) (all |our |the )?cookies (in order )?to (continue|proceed|access|view|use)|"
    r"you (must|need to) (accept|allow|enable) (all |our )?cookies|cookies are required to (view|use|access)|"
    r"please (accept|allow|enable) (all |our )?cookies"
)
_NOT_FOUND = _has(
    r"\b(page|document|file|resource|content)\s+(was\s+|is\s+)?not\s+found\b|(?<![$€£.,\d])\b404\b(?![.,]\d)|"
    r"\bpage (you (were|are) looking for|you requested) (does not|doesn't|doesn’t|could not|couldn't|can't|cannot)|"
    r"\b(this|that|the) page (does not|doesn't|doesn’t) exist|\bwe (can't|cannot|can’t|couldn't|could not) find (that|this|the) page"
)
_LOGIN_WORDS = _has(
    r"\b(sign|log)\s?in to (continue|proceed|view|access|see)|\bplease (sign|log)\s?in\b|"
    r"\byou (must|need to) (be )?(signed|logged|sign|log)\s?in\b"
)

COOKIE_WALL_MAX = 600  # a cookie wall is a banner and a button: "little other text"


def access_denied(page: Page) -> bool:
    return _ACCESS_DENIED(page.both)


def captcha(page: Page) -> bool:
    return _CAPTCHA(page.both)


def cookie_wall(page: Page) -> bool:
    return len(page.text) <= COOKIE_WALL_MAX and _COOKIE_WALL(page.both)


def not_found(page: Page) -> bool:
    return _NOT_FOUND(page.both)


def login_page(page: Page) -> bool:
    return _LOGIN_WORDS(page.both) and has_password_field(page.raw)


RULES: tuple[tuple[str, Callable[[Page], bool]], ...] = (
    ("access denied", access_denied),
    ("captcha or bot check", captcha),
    ("cookie wall", cookie_wall),
    ("page not found", not_found),
    ("login page", login_page),
)


def should_check(text: str, previous_length: int | None) -> bool:
    """The rules apply to short texts, or to texts much shorter than the last version."""
    if len(text) < SHORT_TEXT:
        return True
    return previous_length is not None and len(text) < previous_length * MUCH_SHORTER


def error_page(text: str, raw: bytes = b"", previous_length: int | None = None) -> str | None:
    """'looks like an error page: <rule>' when a soft-error rule matches, else None."""
    if not should_check(text, previous_length):
        return None
    page = Page(text, html_title(raw), raw)
    for name, rule in RULES:
        if rule(page):
            return f"looks like an error page: {name}"
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

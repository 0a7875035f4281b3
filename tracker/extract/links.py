"""Canonical link targets: what a link points to, without what changes on every request.

Terms pages wrap their links in per-request machinery: outbound links go through a redirector
with a fresh signature (``/l.php?u=TARGET&h=TOKEN``), e-mail addresses are hidden behind
Cloudflare's e-mail protection (``/cdn-cgi/l/email-protection#HEX``, a new key on every request),
campaign parameters ride along (``utm_source``, ``fbclid``...). None of it is wording, and every
daily fetch would otherwise record a "links-only" version.

Two tools, applied at two different moments (see ``tracker.analysis.sameness`` for the second):

* ``canonical_href`` / ``canonicalize_links`` (extraction): rewrite a link to the target a reader
  lands on. Unwrapping a redirector, decoding a protected address and dropping a tracking
  parameter lose nothing a reader needs, so the stored text shows the canonical link. The rules
  are data (path shapes, parameter names), never a list of sites.
* ``mask_volatile`` (comparison): a high-entropy token (a UUID, 16+ hex digits, 16+ characters of
  base64) in a link target's path, query or fragment is replaced by a placeholder, on both
  texts, only to decide whether a new text is a new version. The stored text keeps the real
  link: a token may be a legitimate identifier (a commit, a document id), and rewriting it in
  the archive would hide which link the page really had.

Everything here is a pure function of its input.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = [
    "VOLATILE",
    "canonical_href",
    "canonicalize_links",
    "decode_cfemail",
    "mask_volatile",
]

# --------------------------------------------------------------------------- rules (data)

# The last path segment of a redirector: "/l.php", "/redirect", "/out", "/url", "/away.php"...
# A query parameter only unwraps on such a path, so "/login?redirect=https://..." (a login
# page that sends you on afterwards) stays a link to the login page.
REDIRECT_SEGMENT = re.compile(
    r"(?:l|redirect|redir|out|url|away|goto|go|link|click|exit|leave|outbound|external|r)"
    r"(?:\.(?:php|aspx?|jsp|cgi|html?))?",
    re.IGNORECASE,
)
# Parameters that hold the target of a redirector, in order of preference.
REDIRECT_PARAMS = ("u", "url", "q", "target", "redirect", "redirect_url", "redirect_uri", "dest",
                   "destination", "to", "goto", "link", "href", "out")
# Parameters that only track the visit (campaigns, click ids, mail-merge ids): never part of
# where the link goes.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "igshid", "li_fat_id", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc",
    "__hsfp", "hsctatracking", "mkt_tok", "_ga", "_gl", "oly_anon_id", "oly_enc_id", "vero_id",
    "vero_conv", "s_cid", "wickedid", "rb_clickid", "ref_src",
})
TRACKING_PREFIXES = ("utm_",)
# Parameters that identify a visit or a session when their value is a token, and something else
# (a page, a language) otherwise: dropped only when the value looks like a volatile token.
TOKEN_ONLY_PARAMS = frozenset({"did", "sid", "session", "sessionid", "session_id", "jsessionid",
                               "phpsessid", "visitor", "visitor_id", "click_id", "clickid"})

CF_EMAIL_PATH = "/cdn-cgi/l/email-protection"
MAX_UNWRAP = 4  # redirectors wrapped in redirectors, at most this deep

# --------------------------------------------------------------------------- tokens

VOLATILE = "<volatile>"  # what mask_volatile puts in place of a token

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# A run of characters a token can be made of: url-safe and standard base64 (percent-encoded "+"
# and "/" included), "=" only as padding at the end; anything else ("/", "&", "?", "#", ".",
# "@", a "=" between a parameter and its value) ends it.
_RUN = re.compile(r"(?:[A-Za-z0-9_+-]|%2[BbFf])+(?:=|%3[Dd]){0,2}")
_HEX = re.compile(r"[0-9a-fA-F]+")
_PIECES = re.compile(r"[-_+]|%2[BbFf]|=|%3[Dd]")
MIN_TOKEN = 16  # characters, padding not counted


def is_volatile_token(run: str) -> bool:
    """Does ``run`` (a run of token characters, see ``_RUN``) look generated rather than written?

    A UUID; 16+ hex digits with at least one digit; or 16+ base64 characters that mix letters and
    digits, or upper and lower case, the way random text does. Switches are counted inside the
    pieces between separators, because a slug's digits are words of their own
    ("terms-2024-v2-update"), while a token's digits fall anywhere ("AT3xY9kQ_pL2mN8v"). Slugs,
    words and CamelCase names ("TermsOfServiceUpdate2024": one letter/digit switch, no two
    capitals in a row) are never tokens.
    """
    if _UUID.fullmatch(run):
        return True
    if len(run.rstrip("=")) < MIN_TOKEN:
        return False
    pieces = [p for p in _PIECES.split(run) if p]
    if _HEX.fullmatch(run) and any(c.isdigit() for c in run):
        return True
    digit_switches = case_switches = letter_pairs = upper_pairs = lower_pairs = 0
    has_letter = False
    for piece in pieces:
        has_letter = has_letter or not piece.isdigit()
        for a, b in zip(piece, piece[1:]):
            if a.isdigit() != b.isdigit():
                digit_switches += 1
            elif not a.isdigit():
                letter_pairs += 1
                if a.isupper() != b.isupper():
                    case_switches += 1
                elif a.isupper():
                    upper_pairs += 1
                else:
                    lower_pairs += 1
    if not has_letter:
        return False
    if digit_switches >= 3:
        return True
    # Letters only (or nearly): random case, with both two capitals and two small letters in a row.
    return letter_pairs > 0 and case_switches / letter_pairs >= 0.4 and upper_pairs >= 1 and lower_pairs >= 1


def _mask_tokens(part: str) -> str:
    """``part`` (a URL's path, query and fragment) with every volatile token replaced."""
    part = _UUID.sub(VOLATILE, part)
    return _RUN.sub(lambda m: VOLATILE if is_volatile_token(m.group(0)) else m.group(0), part)


# Link targets in Markdown: "](target" of inline links and images, "<scheme:...>" autolinks, and
# bare absolute URLs. Only the part after the host is masked, and in the host only the number of
# a load-balanced node in its first label ("www2.", "node-3.", "web12.": the server that answered,
# as a `<base href>` or absolute links name it, one per request); the rest of a host is never volatile.
_MD_TARGET = re.compile(r"\]\(\s*<?([^\s)>]+)|<((?:https?|mailto|ftp):[^\s>]+)>|((?:https?|ftp)://[^\s)>\]\"']+)")
_AUTHORITY = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/?#]*)?")
_NODE_HOST = re.compile(r"^((?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//(?:[^@/?#]*@)?[a-zA-Z]+-?)\d{1,3}(\.[^./?#]+\.[^/?#]+)")


def mask_volatile(text: str) -> str:
    """``text`` (Markdown) with volatile tokens in its link targets replaced by ``VOLATILE``.

    Only link targets are touched: a hex string in the wording is wording. Meant for comparing
    two texts (mask both), never for storing one.
    """
    if "](" not in text and "://" not in text and "<" not in text:
        return text
    return _MD_TARGET.sub(_mask_target, text)


def _mask_target(m: re.Match[str]) -> str:
    group = next(g for g in (1, 2, 3) if m.group(g) is not None)
    url = m.group(group)
    authority = _AUTHORITY.match(url)  # matches "" at worst
    cut = authority.end() if authority else 0
    masked = _NODE_HOST.sub(r"\1#\2", url[:cut]) + _mask_tokens(url[cut:])
    if masked == url:
        return m.group(0)
    offset = m.start(group) - m.start(0)
    whole = m.group(0)
    return whole[:offset] + masked + whole[offset + len(url):]


# --------------------------------------------------------------------------- canonical targets


def decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's e-mail obfuscation: hex bytes, the first one the XOR key of the others.

    Returns the decoded text (HTML character references resolved, as some pages encode the
    address twice), or None when ``encoded`` is not such a string.
    """
    encoded = encoded.strip()
    if len(encoded) < 4 or len(encoded) % 2 or not _HEX.fullmatch(encoded):
        return None
    data = bytes.fromhex(encoded)
    key = data[0]
    try:
        text = bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = html.unescape(text)
    if not text or not text.isprintable():
        return None
    return text


def canonical_href(href: str) -> str:
    """The target a reader of ``href`` lands on, without per-request parts.

    In order: a Cloudflare-protected address becomes ``mailto:ADDRESS``; a redirector (a path
    whose last segment is a redirector's, see ``REDIRECT_SEGMENT``, with a parameter of
    ``REDIRECT_PARAMS`` holding an absolute http(s) URL) becomes its target, repeatedly; tracking
    parameters are dropped. Relative links stay relative, and an href without any of these comes
    back unchanged, character for character.
    """
    if "?" not in href and "/cdn-cgi/" not in href:  # most links: nothing to unwrap or drop
        return href
    target = href.strip()
    if not target or target.startswith(("#", "javascript:", "data:", "tel:", "mailto:")):
        return href
    for _ in range(MAX_UNWRAP):
        try:
            parts = urlsplit(target)
        except ValueError:
            return href
        if parts.path.endswith(CF_EMAIL_PATH) and parts.fragment:
            address = decode_cfemail(parts.fragment)
            return f"mailto:{address}" if address else href
        unwrapped = _redirect_target(parts.path, parts.query)
        if unwrapped is None:
            break
        target = unwrapped
    target = _without_tracking(target)
    return href if target == href.strip() else target


def _redirect_target(path: str, query: str) -> str | None:
    if not query:
        return None
    segment = path.rstrip("/").rsplit("/", 1)[-1]
    if not REDIRECT_SEGMENT.fullmatch(segment):
        return None
    values: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=False):
        values.setdefault(name.lower(), value.strip())
    for name in REDIRECT_PARAMS:
        value = values.get(name, "")
        if value.lower().startswith(("http://", "https://")) and urlsplit(value).netloc:
            return value
    return None


def _without_tracking(href: str) -> str:
    """``href`` without tracking parameters; the others keep their order and exact spelling."""
    if "?" not in href:
        return href
    head, _, rest = href.partition("?")
    query, hash_, fragment = rest.partition("#")
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair)]
    if len(kept) == len([p for p in query.split("&") if p]):
        return href
    new = head + ("?" + "&".join(kept) if kept else "")
    return new + hash_ + fragment


def _is_tracking(pair: str) -> bool:
    name, _, value = pair.partition("=")
    name = name.lower()
    if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
        return True
    return name in TOKEN_ONLY_PARAMS and _RUN.fullmatch(value) is not None and is_volatile_token(value)


def canonicalize_links(root: LexborHTMLParser | LexborNode) -> None:
    """Rewrite the links under ``root`` (a parsed page or one of its nodes) in place: ``a[href]``
    to ``canonical_href``, and every element carrying Cloudflare's ``data-cfemail`` replaced by
    the address it hides (what Cloudflare's own script does in a browser)."""
    for node in root.css("[data-cfemail]"):
        address = decode_cfemail(node.attributes.get("data-cfemail") or "")
        if address is not None:
            node.replace_with(address)
    for node in root.css("a[href]"):
        href = node.attributes.get("href") or ""
        canonical = canonical_href(href)
        if canonical != href:
            node.attrs["href"] = canonical

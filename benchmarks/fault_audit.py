"""Fault audit: `tracker run` (the real CLI, in a subprocess) against ~60 faulty documents served
by a local server on 127.0.0.1, each a different fault of real sites, with a verdict per fault.

Mode "after" (default): run 0 serves every document's real terms (a baseline version), runs 1-3
serve the fault. Mode "first": runs 1-3 serve the fault with no version yet. Per document it
prints the outcome and message of each run, the versions recorded, and OK or FAULT against what
it should be: "fail" (refused in one line, nothing recorded), "same" (the same terms: no new
version), "change" (a real change: recorded).

    PYTHONPATH=$PWD python benchmarks/fault_audit.py [after|first] [NAME,NAME...|old|new|latest|fresh|s16|s18|s20|config] [--out=DIR]

"old" plays the 66 kinds of session 11, "new" the kinds added in sessions 12 and 13 (``NEW_KINDS``),
"latest" those of session 13 alone (``LATEST_KINDS``), "fresh" those of session 14 (``FRESH_KINDS``), "s16" those of
session 15 (``S16_KINDS``), "s18" those of session 18 (``S18_KINDS``: the pages of ``tests/fault_pages_s18.py``, a
browser page stuck on "Loading…", a Retry-After pause), "s20" those of session 20 (``S20_KINDS``: a document
withdrawn or superseded, an app's error in the site's frame, a redirect to the privacy policy or through an
identity provider, a folder listing, a declarative shadow root, a base URL per request, a layout, a cookie
banner or a cached-copy notice that flips, a date-only change, a 12 KB header, a frameset, a PDF viewer, no
Content-Type); "after" with all kinds or "config" also
breaks and edits a sources file between and during runs (``config_checks``); a
kind may be played in one mode only (``modes``: terms in another language are a first version
when nothing came before) or expect a number of versions (``versions``).
"""
from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support import make_pdf  # noqa: E402
from fault_pages_s18 import KINDS as S18_PAGES, NEGATIVES as S18_NEGATIVES  # noqa: E402

PY = sys.executable
PHASE = {"n": 0}


def terms_html(name: str, extra: str = "", n: int = 30) -> str:
    clauses = "".join(
        f"<h2>{i}. Section {i}</h2><p>{name} customers keep every right described in section {i}; {name} may not "
        f"change the fees of section {i} without thirty days of notice, and disputes go to the courts of Lisbon.</p>"
        for i in range(1, n + 1))
    return (f"<!doctype html><html><head><title>{name} Terms</title></head><body><nav>Home | Pricing</nav>"
            f"<main><h1>{name} Terms of Service</h1>{extra}{clauses}</main><footer>© {name}</footer></body></html>")


def page(body: str, title: str = "Acme", head: str = "") -> str:
    return f"<!doctype html><html><head><title>{title}</title>{head}</head><body><main>{body}</main></body></html>"


def R(body: str | bytes, status: int = 200, ctype: str = "text/html; charset=utf-8", **h: str) -> web.Response:
    if isinstance(body, str):
        body = body.encode()
    return web.Response(body=body, status=status, headers={"Content-Type": ctype, **h})


PDF_TEXT = [[(72, 700 - 14 * n, 10, f"Clause {n}: Pdfco may change fee {n} only with thirty days notice to you.")
             for n in range(40)]]
PDF = make_pdf(PDF_TEXT)
# a "scanned" PDF: pages with no text operators at all (an image-only page is the same for text extraction)
SCANNED = make_pdf([[], []])

# ---- faults: name -> (fault handler factory, sources extra, expect)
FAULTS: dict = {}


def fault(name, expect, extra="", url=None, baseline=True, modes=("after", "first"), versions=None,
          own_baseline=False):
    """Register a fault: ``modes`` it is played in, ``versions`` ({mode: count}) when the right
    number of versions is neither "fail" (none) nor "same"/"change" (by the sets below),
    ``own_baseline`` when its handler also serves run 0 (reading ``PHASE``)."""
    def reg(fn):
        FAULTS[name] = dict(fn=fn, extra=extra, expect=expect, url=url, baseline=baseline, modes=modes,
                            versions=versions, own_baseline=own_baseline)
        return fn
    return reg


async def good(req, name):
    return R(terms_html(name))


@fault("redirect-loop", "fail: redirects")
async def _(req, n):
    return web.Response(status=302, headers={"Location": f"/d/{n}?x={int(req.query.get('x', 0)) % 2 + 1}"})


@fault("redirect-chain-30", "fail: too many redirects")
async def _(req, n):
    return web.Response(status=302, headers={"Location": f"/d/{n}?x={int(req.query.get('x', 0)) + 1}"})


@fault("redirect-other-host-home", "fail: not the terms (home page)")
async def _(req, n):
    return web.Response(status=301, headers={"Location": f"http://localhost:{PORT}/home"})


@fault("redirect-no-location", "fail: clear")
async def _(req, n):
    return web.Response(status=302)


@fault("redirect-ftp", "fail: clear")
async def _(req, n):
    return web.Response(status=302, headers={"Location": "ftp://files.example/terms.txt"})


@fault("soft404-moved-link", "fail: page moved (name new URL ideally)")
async def _(req, n):
    return R(page("<h1>This page has moved</h1><p>Our terms of service now live at "
                  "<a href='/legal/terms'>our new legal center</a>. Please update your bookmarks.</p>",
                  "Page moved"))


@fault("soft404-not-found", "fail: not found")
async def _(req, n):
    return R(page("<h1>Sorry, we couldn't find that page</h1><p>Try searching or go to the "
                  "<a href='/'>home page</a>.</p>", "Not Found"))


CF = ("<!DOCTYPE html><html lang='en-US'><head><title>Just a moment...</title>"
      "<meta name='robots' content='noindex,nofollow'><script src='/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1'>"
      "</script></head><body><div class='main-wrapper'><div class='main-content'><h1>acme.example</h1>"
      "<h2 id='challenge-running'>Checking if the site connection is secure</h2><noscript>Enable JavaScript and "
      "cookies to continue</noscript><div id='challenge-body-text'>acme.example needs to review the security of your "
      "connection before proceeding.</div></div></div><div class='footer'>Ray ID: 7d1f2a3b4c5d6e7f Performance & "
      "security by Cloudflare</div></body></html>")


@fault("cloudflare-403", "fail: HTTP 403 / bot check")
async def _(req, n):
    return R(CF, 403, **{"cf-mitigated": "challenge", "Server": "cloudflare"})


@fault("cloudflare-503", "fail: bot check")
async def _(req, n):
    return R(CF, 503, Server="cloudflare")


@fault("cloudflare-200", "fail: bot check")
async def _(req, n):
    return R(CF, 200, Server="cloudflare")


@fault("cookie-wall", "fail: cookie wall")
async def _(req, n):
    return R(page("<div class='consent'><h2>We care about your privacy</h2><p>We and our 842 partners store and "
                  "access information on your device, such as cookies, to show you personalised ads and content, "
                  "measure ads and content, and develop services. You can accept, or manage your choices.</p>"
                  "<button>Accept all</button><button>Manage options</button></div>", "Acme"))


@fault("consent-de", "fail: consent page")
async def _(req, n):
    return R(page("<h1>Bevor Sie fortfahren</h1><p>Wir verwenden Cookies und Daten, um unsere Dienste "
                  "bereitzustellen, Ausfälle zu verfolgen und Spam zu verhindern. Wenn Sie „Alle akzeptieren“ "
                  "auswählen, verwenden wir Cookies auch für personalisierte Werbung.</p>"
                  "<button>Alle ablehnen</button><button>Alle akzeptieren</button>", "Bevor Sie fortfahren"))


@fault("maintenance-200", "fail: maintenance")
async def _(req, n):
    return R(page("<h1>Down for maintenance</h1><p>We are making some improvements and will be back shortly.</p>",
                  "Maintenance"))


@fault("maintenance-503-retry-after-long", "fail: 503, retry after")
async def _(req, n):
    return R(page("<h1>Down for maintenance</h1>"), 503, **{"Retry-After": "3600"})


@fault("maintenance-503-retry-after-2", "fail: 503 after retries")
async def _(req, n):
    return R(page("<h1>Down for maintenance</h1>"), 503, **{"Retry-After": "2"})


@fault("stall-after-headers", "fail: timed out", extra="timeout = 3")
async def _(req, n):
    resp = web.StreamResponse(headers={"Content-Type": "text/html"})
    resp.content_length = 100000
    await resp.prepare(req)
    await resp.write(b"<html><body><main><h1>Terms</h1>")
    await asyncio.sleep(3600)
    return resp


@fault("slow-drip", "fail: timed out", extra="timeout = 3")
async def _(req, n):
    resp = web.StreamResponse(headers={"Content-Type": "text/html"})
    resp.enable_chunked_encoding()
    await resp.prepare(req)
    try:
        for i in range(3600):
            await resp.write(b"<p>x</p>")
            await asyncio.sleep(0.5)
    except Exception:
        pass
    return resp


@fault("huge-50mb", "fail: over size cap")
async def _(req, n):
    return R(b"<html><body><main><p>" + b"terms and more " * (50 * 1024 * 1024 // 15) + b"</p></main></body></html>")


@fault("endless-stream", "fail: over size cap")
async def _(req, n):
    resp = web.StreamResponse(headers={"Content-Type": "text/html"})
    resp.enable_chunked_encoding()
    await resp.prepare(req)
    try:
        await resp.write(b"<html><body><main>")
        while True:
            await resp.write(b"<p>terms terms terms terms terms terms terms terms</p>" * 2000)
    except Exception:
        pass
    return resp


@fault("gzip-broken", "fail: bad encoding")
async def _(req, n):
    good_gz = gzip.compress(terms_html(n).encode())
    return R(good_gz[:10] + b"\x00garbage" * 100, **{"Content-Encoding": "gzip"})


@fault("gzip-header-plain-body", "fail: bad encoding")
async def _(req, n):
    return R(terms_html(n), **{"Content-Encoding": "gzip"})


@fault("html-as-text-plain", "record (same terms: unchanged) or clear")
async def _(req, n):
    return R(terms_html(n), ctype="text/plain")


@fault("pdf-as-octet-stream", "record PDF text", url="pdf")
async def _(req, n):
    return R(PDF, ctype="application/octet-stream")


@fault("pdf-as-text-html", "record PDF text", url="pdf")
async def _(req, n):
    return R(PDF, ctype="text/html")


@fault("selector-no-match", "fail: selected region missing", extra='select = ["article#terms"]')
async def _(req, n):
    return R(page(f"<section class='legal'><h1>{n} Terms of Service</h1><p>New layout.</p></section>"))


@fault("selector-empty-element", "fail: region empty", extra='select = ["article#terms"]')
async def _(req, n):
    return R(page("<article id='terms'></article><section class='legal'>" + terms_html(n) + "</section>"))


@fault("selector-tiny-cookie-notice", "fail: cookie notice, not the terms")
async def _(req, n):
    return R("<html><body><main class='cookie'><p>This site uses cookies. <a href='/privacy'>Learn more</a> "
             "<button>OK</button></p></main><div class='legal'>" + terms_html(n).replace("<main>", "<div>").replace("</main>", "</div>") + "</div></body></html>")


@fault("js-shell", "fail: needs browser")
async def _(req, n):
    return R("<!doctype html><html><head><title>Acme</title><script defer src='/static/js/main.4f2a.js'></script>"
             "<link rel='stylesheet' href='/static/css/main.css'></head><body><div id='__next'></div>"
             "<script id='__NEXT_DATA__' type='application/json'>{\"props\":{}}</script></body></html>")


@fault("dns-failure", "fail: cannot resolve", url="http://terms.does-not-exist.invalid/tos")
async def _(req, n):
    return R("")


@fault("connection-refused", "fail: cannot connect", url="refused")
async def _(req, n):
    return R("")


@fault("tls-to-plain-port", "fail: TLS error", url="https")
async def _(req, n):
    return R("")


for _code in (401, 451, 500, 502):
    def _mk(code):
        async def h(req, n):
            return R(page(f"<h1>Error {code}</h1>"), code)
        return h
    fault(f"http-{_code}", f"fail: HTTP {_code}")(_mk(_code))


@fault("empty-200", "fail: empty body")
async def _(req, n):
    return R(b"")


@fault("meta-refresh", "follow to real terms, or clear fail naming target")
async def _(req, n):
    return R(f"<html><head><meta http-equiv='refresh' content='0; url=/real/{n}'></head><body>"
             f"<p>Redirecting…</p></body></html>")


@fault("js-location-redirect", "follow or clear fail")
async def _(req, n):
    return R(f"<html><head><script>window.location.href='/real/{n}'</script></head><body></body></html>")


@fault("login-redirect", "fail: login page")
async def _(req, n):
    return web.Response(status=302, headers={"Location": f"/account/login?return_to=/d/{n}"})


@fault("iframe-terms", "fail: terms in iframe (name URL) or follow")
async def _(req, n):
    return R(page(f"<h1>{n} Terms</h1><iframe src='/real/{n}' width='100%' height='2000'></iframe>"))


@fault("pdf-password-locked", "fail: locked", url="pdf")
async def _(req, n):
    return R(make_pdf(PDF_TEXT, password_protected=True), ctype="application/pdf")


@fault("pdf-scanned", "fail: no text layer", url="pdf")
async def _(req, n):
    return R(SCANNED, ctype="application/pdf")


@fault("partial-206", "fail or record whole")
async def _(req, n):
    body = terms_html(n).encode()
    return R(body[:2000], 206, **{"Content-Range": f"bytes 0-1999/{len(body)}"})


@fault("xml-error-s3", "fail: error page")
async def _(req, n):
    return R("<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access Denied"
             "</Message><RequestId>4F2A</RequestId></Error>", 403, ctype="application/xml")


@fault("json-error-200", "fail: not the terms")
async def _(req, n):
    return R('{"error":"not_found","message":"The requested resource does not exist"}', ctype="application/json")


@fault("fragment-query-noise", "record normally", url="noise")
async def _(req, n):
    return R(terms_html(n))


@fault("dup-url-a", "record both (or load refuses clearly)", url="dup")
async def _(req, n):
    return R(terms_html("dup"))


@fault("dup-url-b", "record both (or load refuses clearly)", url="dup")
async def _(req, n):
    return R(terms_html("dup"))


@fault("real-change", "new version recorded")
async def _(req, n):
    return R(terms_html(n, extra="<p>Fees may now change with seven days of notice.</p>"))


@fault("real-rewrite", "new version recorded")
async def _(req, n):
    return R(page("<h1>Terms</h1>" + "".join(
        f"<h2>Part {i}</h2><p>Users of {n} agree that the service is provided as is; liability is capped at "
        f"one hundred euros for claim {i}, and either party may end the agreement with notice.</p>"
        for i in range(25))))


@fault("charset-latin1-mislabelled", "record, no mojibake / unchanged")
async def _(req, n):
    return R(terms_html(n).encode("utf-8"), ctype="text/html; charset=iso-8859-1")


@fault("unsolicited-304", "fail or unchanged, never a version")
async def _(req, n):
    return web.Response(status=304)


@fault("refresh-header", "follow or clear fail")
async def _(req, n):
    return R(page("<p>Redirecting...</p>"), **{"Refresh": f"0; url=/real/{n}"})


@fault("brotli-unsupported", "fail: cannot decode")
async def _(req, n):
    return R(bytes(range(256)) * 20, **{"Content-Encoding": "br"})


@fault("cookie-check-redirect", "record (cookie kept across the redirect)", url="localhost")
async def _(req, n):
    if req.cookies.get("seen") == "1":
        return R(terms_html(n))
    resp = web.Response(status=302, headers={"Location": f"/d/{n}"})
    resp.set_cookie("seen", "1")
    return resp


@fault("html-as-octet-stream", "fail clearly or record")
async def _(req, n):
    return R(terms_html(n), ctype="application/octet-stream")


@fault("xhtml-as-application-xml", "record")
async def _(req, n):
    return R("<?xml version='1.0' encoding='utf-8'?>" + terms_html(n).replace("<!doctype html>", "")
             .replace("<html>", "<html xmlns='http://www.w3.org/1999/xhtml'>"), ctype="application/xml")


@fault("utf16-no-bom-label", "record, no mojibake")
async def _(req, n):
    return R(terms_html(n).encode("utf-16-le"), ctype="text/html; charset=utf-16")


@fault("terms-as-status-500", "fail HTTP 500, never recorded")
async def _(req, n):
    return R(terms_html(n, extra="<p>Fees changed.</p>"), 500)


@fault("cookie-banner-in-main", "fail: cookie banner")
async def _(req, n):
    return R("<html><body><main><p>We use cookies to improve your experience. By using our site you agree to "
             "our use of cookies.</p><a href='/c'>Learn more</a><button>Got it</button></main><div>"
             + terms_html(n).replace("<main>", "<div>").replace("</main>", "</div>") + "</div></body></html>")


@fault("login-200-same-url", "fail: login page")
async def _(req, n):
    return R(page("<h1>Log in to Acme</h1><form><input type=email name=e><input type=password name=p>"
                  "<button>Log in</button></form><a href='/forgot'>Forgot password?</a>", "Log in"))


@fault("unclosed-divs-1200", "same: every clause kept")
async def _(req, n):
    body = terms_html(n, n=1200).replace("</main>", "").replace("<h2>", "<div><h2>").replace("</body></html>", "")
    return R(body + "</main></body></html>")


@fault("refresh-loop", "fail: too many refreshes")
async def _(req, n):
    return R(f"<meta http-equiv='refresh' content='0; url=/d/{n}?hop={int(req.query.get('hop', 0)) + 1}'>")


@fault("newsletter-in-main", "fail: newsletter sign-up")
async def _(req, n):
    return R("<html><body><main><h2>Stay in the loop</h2><p>Subscribe to our newsletter for product news.</p>"
             "<form><input type=email name=email><button>Subscribe</button></form></main><div>"
             + terms_html(n).replace("<main>", "<div>").replace("</main>", "</div>") + "</div></body></html>")


# ---- kinds added in session 12 (faults13): what real terms sites do over months

NEW_KINDS: set = set()


def newfault(name, expect, **kw):
    NEW_KINDS.add(name)
    return fault(name, expect, **kw)


def german_terms(name: str) -> str:
    clauses = "".join(
        f"<h2>{i}. Abschnitt {i}</h2><p>Die Kunden von {name} behalten alle in Abschnitt {i} beschriebenen Rechte; "
        f"{name} darf die Gebühren nach Abschnitt {i} nicht ohne eine Frist von dreißig Tagen ändern, und für "
        f"Streitigkeiten sind die Gerichte in Lissabon zuständig.</p>" for i in range(1, 31))
    return (f"<!doctype html><html><head><title>{name} AGB</title></head><body><main><h1>Nutzungsbedingungen"
            f"</h1>{clauses}</main></body></html>")


@newfault("paywall-interstitial", "fail: paywall / subscribe page")
async def _(req, n):
    return R(page("<div class='paywall'><h2>Subscribe to continue reading</h2><p>You have reached your limit of "
                  "free articles this month. Subscribe for unlimited access.</p><a href='/subscribe'>Subscribe now"
                  "</a><p>Already a subscriber? <a href='/signin'>Sign in</a></p></div>", "Subscribe"))


@newfault("age-gate", "fail: age gate")
async def _(req, n):
    return R(page("<h1>Are you 18 or older?</h1><p>You must be of legal drinking age to enter this site.</p>"
                  "<button>Yes, enter</button><button>No</button>", "Age verification"))


@newfault("rate-limit-429-retry-after-long", "fail: 429, retry after")
async def _(req, n):
    return R(page("<h1>Too Many Requests</h1>"), 429, **{"Retry-After": "7200"})


@newfault("rate-limit-429-retry-after-date", "fail: 429, retry after (HTTP date)")
async def _(req, n):
    return R(page("<h1>Too Many Requests</h1>"), 429, **{"Retry-After": "Wed, 21 Oct 2037 07:28:00 GMT"})


@newfault("rate-limit-429-retry-after-1", "fail: 429 after retries")
async def _(req, n):
    return R("slow down", 429, ctype="text/plain", **{"Retry-After": "1"})


@newfault("rate-limit-200-page", "fail: rate-limit page")
async def _(req, n):
    return R(page("<h1>Whoa there!</h1><p>You have sent too many requests in a short time. Please try again in a "
                  "few minutes.</p>", "Too many requests"))


@newfault("maintenance-200-fr", "fail: maintenance")
async def _(req, n):
    return R(page("<h1>Site en maintenance</h1><p>Nous effectuons une opération de maintenance. Merci de revenir "
                  "dans quelques instants.</p>", "Maintenance"))


@newfault("soft404-200-de", "fail: not found")
async def _(req, n):
    return R(page("<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert leider nicht. Zur "
                  "<a href='/'>Startseite</a>.</p>", "404"))


@newfault("cdn-502-as-200", "fail: error page")
async def _(req, n):
    return R("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
             "<hr><center>nginx</center></body></html>")


@newfault("json-error-as-text-html", "fail: data, not a page")
async def _(req, n):
    return R('{"status":503,"error":"upstream unavailable","retry":true}')


@newfault("xhr-json-shell", "fail: needs browser (terms loaded by a script)")
async def _(req, n):
    return R("<!doctype html><html><head><title>Terms</title></head><body><div id='terms'>Loading…</div>"
             "<script>fetch('/api/legal/terms.json').then(r=>r.json()).then(d=>{document.getElementById('terms')"
             ".innerHTML=d.html})</script></body></html>")


@newfault("geo-redirect-chooser", "fail: country chooser")
async def _(req, n):
    return web.Response(status=302, headers={"Location": "/choose-region?return=/d/" + n})


@newfault("consent-redirect", "fail: consent page")
async def _(req, n):
    return web.Response(status=302, headers={"Location": f"/consent?continue=/d/{n}"})


@newfault("geo-other-language", "held: the terms in another language, recorded on the 3rd run in a row (after); "
          "first: record", modes=("after",), versions={"after": 2})
async def _(req, n):
    return R(german_terms(n))


@newfault("ab-test-per-request", "same: a variant drawn per request is not a version", own_baseline=True)
async def _(req, n):
    AB[n] = AB.get(n, 0) + 1
    extra = "<p>Try our new app: it is faster than ever.</p>" if AB[n] % 2 else ""
    return R(terms_html(n, extra=extra))


@newfault("stale-cache-blink", "A B A B over runs: the first revert is a version, the second flip back is a blink",
          versions={"after": 3, "first": 3}, own_baseline=True)
async def _(req, n):
    # run 1 a real new version (B), run 2 an old cached copy (A) that the whole run sees, run 3 B again
    if PHASE["n"] % 2 == 1:
        return R(terms_html(n, extra="<p>Fees may now change with seven days of notice.</p>"))
    return R(terms_html(n))


RICH_PDF = make_pdf([[(72, 700 - 14 * k, 10, line) for k, line in enumerate(
    [f"{k}. Pdfco may terminate your account and limit its liability; these terms are governed by the laws of "
     f"Ireland, disputes go to arbitration, and you agree to the privacy policy (clause {k})." for k in range(40)])]])


@newfault("pdf-replaced-by-landing", "fail: another page (a landing page where the PDF was)", url="pdf",
          modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(RICH_PDF, ctype="application/pdf")
    return R(page("<h1>Legal documents</h1><p>Find all our policies in one place.</p><ul><li><a href='/terms.pdf'>"
                  "Terms of Service (PDF, 240 KB)</a></li><li><a href='/privacy.pdf'>Privacy Policy (PDF)</a></li>"
                  "</ul><p>Questions? <a href='/contact'>Contact us</a>.</p>", "Legal"))


@newfault("gzip-labelled-deflate", "fail: bad encoding (as browsers do)")
async def _(req, n):
    return R(gzip.compress(terms_html(n).encode()), **{"Content-Encoding": "deflate"})


@newfault("gzip-body-no-header", "fail: binary bytes")
async def _(req, n):
    return R(gzip.compress(terms_html(n).encode()))


@newfault("double-gzip", "fail: binary / bad encoding")
async def _(req, n):
    return R(gzip.compress(gzip.compress(terms_html(n).encode())), **{"Content-Encoding": "gzip"})


@newfault("empty-html-skeleton", "fail: no text")
async def _(req, n):
    return R("<!doctype html><html><head><title></title></head><body>\n</body></html>")


@newfault("whitespace-200", "fail: empty body")
async def _(req, n):
    return R(b"\n\n   \r\n")


@newfault("huge-padding-same-terms", "same: 8 MB of inline script around the same terms")
async def _(req, n):
    pad = "<script>var x='" + "a" * (8 * 1024 * 1024) + "';</script>"
    return R(terms_html(n).replace("</body>", pad + "</body>"))


@newfault("redirect-self", "fail: redirect loop")
async def _(req, n):
    return web.Response(status=301, headers={"Location": f"/d/{n}"})


@newfault("nul-bytes-in-html", "fail: binary, or record the same terms")
async def _(req, n):
    return R(terms_html(n).encode().replace(b"</main>", b"\x00\x00\x00</main>"))


@newfault("latin1-under-utf8-label", "record, no mojibake (a real text change of accents only is none)",
          modes=("first",))
async def _(req, n):
    return R(terms_html(n, extra="<p>Conditions générales : la société garantit l’accès.</p>").encode("cp1252"))


@newfault("label-flip-utf8-latin1", "same: the same UTF-8 bytes under a label that flips each run", own_baseline=True)
async def _(req, n):
    label = "iso-8859-1" if PHASE["n"] % 2 else "utf-8"
    return R(terms_html(n, extra="<p>Ľubica’s café — “terms” apply.</p>").encode(), ctype=f"text/html; charset={label}")


@newfault("meta-header-disagree", "same: header latin-1, <meta> utf-8, UTF-8 bytes", own_baseline=True)
async def _(req, n):
    body = terms_html(n, extra="<p>Ľubica</p>").replace("<head>", "<head><meta charset='utf-8'>")
    label = "iso-8859-1" if PHASE["n"] else "utf-8"
    return R(body.encode(), ctype=f"text/html; charset={label}")


# ---- kinds added in session 13 (faults14): redirect chains, CDN and WAF walls, notices in French
# and German, pages of a paginated document that fail, scripts that fill the terms late, trickles

LATEST_KINDS: set = set()


def latest(name, expect, **kw):
    LATEST_KINDS.add(name)
    return newfault(name, expect, **kw)


@latest("redirect-chain-to-login", "fail: login page (after two hops)")
async def _(req, n):
    return web.Response(status=302, headers={"Location": f"/go/{n}"})


@latest("redirect-chain-to-home", "fail: not the terms (the site's home page, after two hops)")
async def _(req, n):
    return web.Response(status=301, headers={"Location": "/legal-old"})


@latest("soft404-200-fr", "fail: not found")
async def _(req, n):
    return R(page("<h1>Page introuvable</h1><p>Désolé, la page que vous recherchez n'existe pas ou n'est plus "
                  "disponible.</p><a href='/'>Retour à l'accueil</a>", "Erreur 404"))


@latest("moved-stub-200-de", "fail: moved page, naming the new address")
async def _(req, n):
    return R(page("<h1>Diese Seite ist umgezogen</h1><p>Unsere Nutzungsbedingungen finden Sie jetzt unter "
                  f"<a href='/rechtliches/{n}'>/rechtliches/{n}</a>.</p>", "Umgezogen"))


@latest("maintenance-200-de", "fail: maintenance")
async def _(req, n):
    return R(page("<h1>Wartungsarbeiten</h1><p>Wir führen gerade geplante Wartungsarbeiten durch. Bitte versuchen "
                  "Sie es in Kürze erneut.</p>", "Wartung"))


@latest("maintenance-503-de-no-retry-after", "fail: HTTP 503 after retries")
async def _(req, n):
    return R(page("<h1>Wartungsarbeiten</h1><p>Die Seite ist vorübergehend nicht erreichbar.</p>"), 503)


@latest("consent-wall-fr", "fail: consent page")
async def _(req, n):
    return R(page("<div class='cmp'><h2>Nous respectons votre vie privée</h2><p>Avec votre accord, nos partenaires "
                  "et nous utilisons des cookies ou technologies similaires pour stocker et accéder à des "
                  "informations personnelles comme votre visite sur ce site.</p><button>Tout refuser</button>"
                  "<button>Tout accepter</button><a href='#'>Continuer sans accepter</a></div>", "Acme"))


@latest("akamai-access-denied-403", "fail: HTTP 403 / access denied")
async def _(req, n):
    return R("<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have "
             f"permission to access \"http&#58;&#47;&#47;127.0.0.1&#47;d&#47;{n}\" on this server.<P>\nReference&#32;"
             "&#35;18&#46;2f1e3b17&#46;1733140000&#46;1a2b3c4d\n</BODY>\n</HTML>\n", 403, Server="AkamaiGHost")


@latest("akamai-access-denied-200", "fail: access denied page")
async def _(req, n):
    return R("<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have "
             f"permission to access \"http&#58;&#47;&#47;127.0.0.1&#47;d&#47;{n}\" on this server.<P>\nReference&#32;"
             "&#35;18&#46;2f1e3b17&#46;1733140000&#46;1a2b3c4d\n</BODY>\n</HTML>\n", Server="AkamaiGHost")


@latest("imperva-incident-200", "fail: bot check")
async def _(req, n):
    return R("<html style='height:100%'><head><META NAME='ROBOTS' CONTENT='NOINDEX, NOFOLLOW'><meta "
             "name='format-detection' content='telephone=no'></head><body style='margin:0px;height:100%'><iframe "
             "id='main-iframe' src='/_Incapsula_Resource?CWUDNSAI=27&xinfo=1-2-3' frameborder=0 width='100%' "
             "height='100%'>Request unsuccessful. Incapsula incident ID: 1234000450123456789-98765432101234567"
             "</iframe></body></html>")


@latest("aws-waf-202-challenge", "fail: bot check (a 202 challenge, no terms)")
async def _(req, n):
    return R("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title></title><script>window.awsWafCookie"
             "DomainList = [];window.gokuProps = {\"key\":\"AQIDAHjcYu\",\"iv\":\"CgAHazE\",\"context\":\"ZmFr\"};"
             "</script><script src='https://abc.edge.sdk.awswaf.com/abc/challenge.js'></script></head><body>"
             "<div id='challenge-container'></div><noscript><h1>JavaScript is disabled</h1>In order to continue, "
             "we need to verify that you're not a robot. This requires JavaScript. Enable JavaScript and then "
             "reload the page.</noscript></body></html>", 202, **{"x-amzn-waf-action": "challenge"})


@latest("datadome-403", "fail: HTTP 403 / bot check")
async def _(req, n):
    return R("<html lang='en'><head><title>acme.example</title><style>#cmsg{animation: A 1.5s;}</style></head>"
             "<body style='margin:0'><p id='cmsg'>Please enable JS and disable any ad blocker</p><script data-cf"
             "async='false'>var dd={'rt':'c','cid':'AHrlqAAAAAMA','hsh':'2211F522','t':'fe','s':45671,'e':'abc',"
             "'host':'geo.captcha-delivery.com'}</script><script src='https://ct.captcha-delivery.com/c.js'>"
             "</script></body></html>", 403, **{"x-datadome": "protected", "Server": "DataDome"})


@latest("vercel-checkpoint-429", "fail: bot check / rate limit")
async def _(req, n):
    return R("<!DOCTYPE html><html lang='en'><head><title>Vercel Security Checkpoint</title></head><body><main>"
             "<h1>We're verifying your browser</h1><p>Vercel Security Checkpoint</p><noscript>Enable JavaScript "
             "to continue</noscript></main></body></html>", 429, **{"x-vercel-mitigated": "challenge"})


@latest("ddos-guard-200", "fail: bot check")
async def _(req, n):
    return R("<!doctype html><html><head><title>DDoS-Guard</title></head><body><div id='ddg'><h1>Checking your "
             "browser before accessing acme.example</h1><p>This process is automatic. Your browser will redirect "
             "to your requested content shortly.</p><p>Please allow up to 5 seconds…</p><p>DDoS protection by "
             "DDoS-Guard</p></div></body></html>")


@latest("sucuri-firewall-403", "fail: HTTP 403 / access denied")
async def _(req, n):
    return R(page("<h1>Access Denied - Sucuri Website Firewall</h1><p>If you are the site owner (or you manage this "
                  "site), please whitelist your IP or if you think this block is an error please open a support "
                  "ticket.</p><table><tr><td>Block ID:</td><td>BNP005</td></tr><tr><td>Block reason:</td><td>Bad "
                  "bot access attempt.</td></tr></table>", "Sucuri WebSite Firewall - Access Denied"), 403)


@latest("pdf-url-serves-html-error", "fail: not the terms (an error page where the PDF was)", url="pdf")
async def _(req, n):
    return R(page("<h1>Document not available</h1><p>The document you requested could not be found. It may have "
                  "been removed or the link may be out of date.</p>", "Error"))


@latest("pdf-becomes-html-same-terms", "same or a change, never failed: the PDF's terms now served as a page",
        url="pdf", modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(PDF, ctype="application/pdf")
    return R(page("".join(f"<p>{line}</p>" for _, _, _, line in PDF_TEXT[0]), "Pdfco terms"))


@latest("ab-heading-per-request", "same: a heading drawn per request between two wordings", own_baseline=True)
async def _(req, n):
    AB[n] = AB.get(n, 0) + 1
    body = terms_html(n)
    return R(body if AB[n] % 2 else body.replace(f"<h1>{n} Terms of Service</h1>", f"<h1>{n} Terms of Use</h1>"))


@latest("slow-trickle-within-timeout", "same: the whole page trickled over 4 s, within the 10 s timeout",
        extra="timeout = 10")
async def _(req, n):
    body = terms_html(n).encode()
    resp = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
    resp.enable_chunked_encoding()
    await resp.prepare(req)
    step = len(body) // 20 + 1
    for i in range(0, len(body), step):
        await resp.write(body[i:i + step])
        await asyncio.sleep(0.2)
    await resp.write_eof()
    return resp


@latest("slow-trickle-over-timeout", "fail: timed out (the whole page would take 12 s, timeout 4 s)",
        extra="timeout = 4")
async def _(req, n):
    body = terms_html(n).encode()
    resp = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
    resp.enable_chunked_encoding()
    await resp.prepare(req)
    step = len(body) // 40 + 1
    try:
        for i in range(0, len(body), step):
            await resp.write(body[i:i + step])
            await asyncio.sleep(0.3)
        await resp.write_eof()
    except Exception:
        pass
    return resp


def part_html(n: str, k: int, of: int = 3) -> str:
    """Page ``k`` of ``of`` of a paginated document: its own clauses and a "page k of 3" line."""
    clauses = "".join(f"<h2>{k}.{i} Section</h2><p>{n} customers keep every right of part {k} section {i}; fees of "
                      f"part {k} change only with thirty days of notice, and disputes go to Lisbon.</p>"
                      for i in range(1, 11))
    return page(f"<h1>{n} Terms, page {k} of {of}</h1>{clauses}<p>Page {k} of {of} "
                f"<a href='?part={k % of + 1}'>Next</a></p>")


def paged(name, expect, fault_part):
    """A document in 3 pages (``combine``) whose page ``fault_part(req, n, k)`` misbehaves in runs 1-3."""
    async def handler(req, n):
        k = int(req.query.get("part", 1))
        if PHASE["n"] and (bad := await fault_part(req, n, k)) is not None:
            return bad
        return R(part_html(n, k))
    return latest(name, expect, url="combine", own_baseline=True)(handler)


async def _part2_503(req, n, k):
    return R(page("<h1>Service Unavailable</h1>"), 503) if k == 2 else None


async def _part3_soft404(req, n, k):
    return R(page("<h1>Page not found</h1><p>Sorry, this page does not exist.</p>", "Not found")) if k == 3 else None


async def _part2_back_to_first(req, n, k):  # the site dropped its pagination: page 2 sends to page 1
    return web.Response(status=301, headers={"Location": f"/d/{n}?part=1"}) if k == 2 else None


async def _part3_real_change(req, n, k):
    return R(part_html(n, 3).replace("thirty days", "seven days")) if k == 3 else None


paged("paged-part-503", "fail: page 2 of 3 fails, the document with it (the part named)", _part2_503)
paged("paged-part-soft404", "fail: page 3 of 3 is a not-found page", _part3_soft404)
paged("paged-part-redirects-to-first", "fail: page 2 redirects to page 1 (never a version with page 1 twice)",
      _part2_back_to_first)
paged("paged-part-real-change", "change: a change on page 3 of 3 is recorded", _part3_real_change)


@latest("generated-date-stamp", "same: a 'generated on' date and time that changes every run", own_baseline=True)
async def _(req, n):
    return R(terms_html(n, extra=f"<p>This page was generated on December {2 + PHASE['n']}, 2026 at "
                                 f"10:{PHASE['n']:02d}:00 UTC.</p>"))


@latest("relative-updated-stamp", "same: 'Updated N days ago' counting up from run to run (an help-centre "
        "article)", own_baseline=True)
async def _(req, n):
    ago = ("yesterday", "2 days ago", "3 days ago", "over a week ago")[PHASE["n"]]
    return R(terms_html(n, extra=f"<p>Written by Legal Team. Updated {ago}</p>"))


@latest("request-id-in-text", "same: a request id printed in the page, new on every request", own_baseline=True)
async def _(req, n):
    AB[n] = AB.get(n, 0) + 1
    token = hashlib.sha1(f"{n}{AB[n]}".encode()).hexdigest()
    return R(terms_html(n).replace("</main>", f"<p>Request ID: {token}</p></main>"))


BROWSER = 'render = "browser"\n  timeout = 20'


@latest("browser-xhr-fills-main", "same: an empty <main> the page's script fills from an API (render = browser)",
        extra=BROWSER, own_baseline=True)
async def _(req, n):
    return R(f"<!doctype html><html><head><title>{n} Terms</title></head><body><nav>Home</nav><main></main><script>"
             f"fetch('/api/terms/{n}').then(r => r.json()).then(d => {{ document.querySelector('main').innerHTML = "
             "d.html; });</script></body></html>")


@latest("browser-fills-after-timer", "same (the terms once shown) or fail; never the empty shell as a version",
        extra=BROWSER, own_baseline=True)
async def _(req, n):
    return R(f"<!doctype html><html><head><title>{n} Terms</title></head><body><nav>Home</nav><main></main><script>"
             f"setTimeout(() => fetch('/api/terms/{n}').then(r => r.json()).then(d => {{ "
             "document.querySelector('main').innerHTML = d.html; }), 1500);</script></body></html>")


@latest("browser-script-error-shell", "fail: the script fails, the page is only its frame (render = browser)",
        extra=BROWSER, own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(terms_html(n))
    return R(f"<!doctype html><html><head><title>{n} Terms</title></head><body><nav>Home | Pricing</nav><main><p>"
             "Loading…</p></main><script>throw new Error('chunk failed')</script><footer>© Acme</footer></body>"
             "</html>")



# ---- kinds added in session 14 (faults15): pages real terms sites serve in place of the terms
# that no rule named yet (parked domains, default server pages, application errors, geo blocks,
# unsupported-browser and ad-blocker walls, per-country hubs, a frame with an empty <main>...),
# redirects home with a query, lies about length and encoding, and the same terms served doubled
# or under a server warning

FRESH_KINDS: set = set()


def fresh(name, expect, **kw):
    FRESH_KINDS.add(name)
    return newfault(name, expect, **kw)


@fresh("soft404-search-box-200", "fail: not found (a theme's 'nothing was found' page with a search box)")
async def _(req, n):
    return R(page("<h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this location. "
                  "Maybe try one of the links below or a search?</p><form role='search'><input type='search' "
                  "name='s' placeholder='Search …'><button>Search</button></form><h2>Recent Posts</h2><ul>"
                  "<li><a href='/blog/spring'>Our spring collection is here</a></li><li><a href='/blog/team'>Meet "
                  "the team behind the app</a></li><li><a href='/blog/tips'>Five tips to get started</a></li></ul>",
                  "Page not found – Acme"))


@fresh("login-wall-sso-only-200", "fail: login page (single sign-on buttons, no password field)")
async def _(req, n):
    return R(page("<h1>Sign in to continue</h1><p>You need an Acme account to view this page.</p>"
                  "<a class='btn' href='/auth/google'>Continue with Google</a> <a class='btn' "
                  "href='/auth/microsoft'>Continue with Microsoft</a> <a href='/auth/saml'>Use single sign-on</a>",
                  "Sign in – Acme"))


@fresh("consent-tcf-interstitial", "fail: consent page (a CMP's 'asks for your consent' screen)")
async def _(req, n):
    return R(page("<div class='fc-dialog'><h1>acme.example asks for your consent to use your personal data to:"
                  "</h1><ul><li>Personalised advertising and content, advertising and content measurement, audience "
                  "research and services development</li><li>Store and/or access information on a device</li></ul>"
                  "<p>Your personal data will be processed and information from your device (cookies, unique "
                  "identifiers, and other device data) may be stored by, accessed by and shared with 135 TCF "
                  "vendor(s) and 65 ad partner(s).</p><button>Do not consent</button><button>Consent</button>"
                  "<button>Manage options</button></div>", "acme.example"))


@fresh("maintenance-back-soon-200", "fail: maintenance (the classic 'We’ll be back soon!' page)")
async def _(req, n):
    return R(page("<h1>We’ll be back soon!</h1><p>Sorry for the inconvenience. We’re performing some maintenance at "
                  "the moment. If you need to you can always contact us, otherwise we’ll be back online shortly!"
                  "</p><p>— The Acme Team</p>", "Site Maintenance"))


@fresh("captcha-press-hold-200", "fail: bot check (a 'Press & Hold' human check served with 200)")
async def _(req, n):
    return R("<!doctype html><html><head><title>Access to this page has been denied</title><script>window._pxAppId="
             "'PXa1b2c3';window._pxJsClientSrc='/a1b2c3/init.js';</script></head><body><div id='px-captcha'></div>"
             "<h1>Before we continue...</h1><p>Press &amp; Hold to confirm you are a human (and not a bot).</p>"
             "<p>Reference ID 8f3e2a10-1b2c-11ef-9a3b-4f5a6b7c8d9e</p></body></html>")


@fresh("captcha-403-retry-after", "fail: HTTP 403 / bot check (with a Retry-After, not retried)")
async def _(req, n):
    return R("<!doctype html><html><head><title>Access to this page has been denied</title><script src="
             "'https://captcha.px-cdn.net/PXa1b2c3/captcha.js'></script></head><body><div id='px-captcha'></div>"
             "<p>Press &amp; Hold to confirm you are a human (and not a bot).</p></body></html>", 403,
             **{"Retry-After": "30"})


@fresh("cloudflare-blocked-200", "fail: access denied ('Sorry, you have been blocked', served with 200)")
async def _(req, n):
    return R("<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><div id="
             "'cf-wrapper'><h1>Sorry, you have been blocked</h1><h2>You are unable to access acme.example</h2><h2>"
             "Why have I been blocked?</h2><p>This website is using a security service to protect itself from "
             "online attacks. The action you just performed triggered the security solution.</p><h2>What can I do "
             "to resolve this?</h2><p>You can email the site owner to let them know you were blocked.</p><p>"
             "Cloudflare Ray ID: 8a1b2c3d4e5f6a7b • Performance &amp; security by Cloudflare</p></div></body></html>")


@fresh("redirect-home-with-query", "fail: not the terms (the home page, reached with a tracking query)")
async def _(req, n):
    return web.Response(status=301, headers={"Location": "/?utm_source=legacy-terms&ref=footer"})


@fresh("meta-refresh-to-home", "fail: not the terms (an immediate meta refresh to the home page)")
async def _(req, n):
    return R("<html><head><meta http-equiv='refresh' content='0; url=/home'></head><body><p>Redirecting…</p>"
             "</body></html>")


@fresh("utf8-bom-latin1-label", "same: a UTF-8 BOM wins over a charset=iso-8859-1 header, as in browsers")
async def _(req, n):
    return R(b"\xef\xbb\xbf" + terms_html(n).encode(), ctype="text/html; charset=iso-8859-1")


@fresh("empty-main-frame-http", "fail: the frame of the page around an empty <main> a script fills")
async def _(req, n):
    return R(f"<!doctype html><html><head><title>{n} Terms of Service</title><script src='/static/app.js' defer>"
             "</script></head><body><header><a href='/'>Acme</a> <a href='/pricing'>Pricing</a> <a href='/blog'>"
             "Blog</a></header><main id='content'></main><footer><a href='/terms'>Terms</a> · <a href='/privacy'>"
             "Privacy</a> · <a href='/cookies'>Cookies</a> · <a href='/imprint'>Imprint</a><p>© 2026 Acme Inc. All "
             "rights reserved.</p></footer></body></html>")


@fresh("duplicated-content-blocks", "same: the terms shown twice (a desktop and a mobile copy) are the same terms")
async def _(req, n):
    inner = terms_html(n).split("<main>", 1)[1].split("</main>", 1)[0]
    return R(terms_html(n).replace("</main>", f"</main><div class='mobile-only'>{inner}</div>"))


@fresh("country-hub-links", "fail: a list of links to per-country terms where the terms were")
async def _(req, n):
    return R(page("<h1>Terms of Service</h1><p>Please select the terms that apply to you:</p><ul>" + "".join(
        f"<li><a href='/legal/{c.lower()}/terms'>Terms of Service – {c}</a></li>"
        for c in ("United States", "United Kingdom", "European Union", "Canada", "Australia", "Japan", "Brazil"))
        + "</ul>", "Terms of Service"))


@fresh("head-get-mismatch", "same: HEAD answers 405, GET the terms")
async def _(req, n):
    if req.method == "HEAD":
        return web.Response(status=405)
    return R(terms_html(n))


@fresh("parked-domain", "fail: a parked domain (the domain is for sale)")
async def _(req, n):
    return R(page("<h1>acme.example</h1><p>This domain may be for sale!</p><p><a href='https://parking.example/buy'>"
                  "Buy this domain</a></p><h2>Related searches</h2><ul><li><a href='/s?q=1'>Travel insurance</a></li>"
                  "<li><a href='/s?q=2'>Cheap flights</a></li><li><a href='/s?q=3'>Online dating</a></li></ul>",
                  "acme.example - This domain is for sale"))


@fresh("default-server-page", "fail: the web server's default page (a misconfigured server)")
async def _(req, n):
    return R("<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1><p>"
             "If you see this page, the nginx web server is successfully installed and working. Further "
             "configuration is required.</p><p>For online documentation and support please refer to <a href="
             "'http://nginx.org/'>nginx.org</a>.</p><p><em>Thank you for using nginx.</em></p></body></html>")


@fresh("app-error-200", "fail: an application error page served with 200 (database connection)")
async def _(req, n):
    return R("<!DOCTYPE html><html><head><title>Database Error</title></head><body><h1>Error establishing a "
             "database connection</h1><p>This either means that the username and password information in your "
             "wp-config.php file is incorrect or we can’t contact the database server at localhost.</p></body></html>")


@fresh("php-warning-above-terms", "same: a PHP warning printed above the same terms is no new version")
async def _(req, n):
    warning = (f"<br />\n<b>Warning</b>:  Undefined array key \"lang\" in <b>/var/www/html/legal/{n}.php</b> on line "
               f"<b>{10 + PHASE['n']}</b><br />\n")
    return R(terms_html(n).replace("<main>", "<main>" + warning, 1))  # where the failing include ran


@fresh("geo-block-200", "fail: not available in the reader's region (a geo block served with 200)")
async def _(req, n):
    return R(page("<h1>This content is not available in your region</h1><p>Unfortunately, our website is currently "
                  "unavailable in most European countries. We are engaged on the issue and committed to looking at "
                  "options that support our full range of digital offerings to the EU market.</p>", "Unavailable"))


@fresh("unsupported-browser", "fail: an 'unsupported browser' page")
async def _(req, n):
    return R(page("<h1>Your browser is not supported</h1><p>To use Acme, please upgrade to the latest version of "
                  "Chrome, Firefox, Safari or Edge.</p><a href='https://browsehappy.example'>Upgrade now</a>",
                  "Unsupported browser"))


@fresh("adblock-wall", "fail: an ad-blocker wall")
async def _(req, n):
    return R(page("<h2>It looks like you're using an ad blocker</h2><p>Please disable your ad blocker or add "
                  "acme.example to your allow list to continue.</p><button>I've disabled my ad blocker</button>",
                  "Acme"))


@fresh("template-placeholders", "fail: a template served unrendered ({{ ... }} where the terms were)")
async def _(req, n):
    return R(page("<h1>{{ page.title }}</h1><div class='updated'>{{ page.updated_at | date }}</div>"
                  "<div class='body'>{{{ page.body }}}</div>", "{{ page.title }} | Acme"))


@fresh("title-and-date-only", "fail: the terms' title and date, their body missing (the CMS did not answer)")
async def _(req, n):
    return R(page(f"<h1>{n} Terms of Service</h1><p>Last updated: March 1, 2026</p><div class='cms-body'></div>",
                  f"{n} Terms of Service"))


@fresh("selector-matches-breadcrumb", "fail: after a redesign `select` matches a breadcrumb, not the terms",
       extra='select = [".content"]', own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(page(f"<div class='content'>{terms_html(n)}</div>"))
    return R(page("<nav class='content'><a href='/'>Home</a> › <a href='/legal'>Legal</a> › Terms</nav>"
                  f"<article class='terms-body'>{terms_html(n)}</article>"))


# ---- kinds added in session 15 (faults16): pages that load in part, point elsewhere, or mislead a cache

S16_KINDS: set = set()


def s16(name, expect, **kw):
    S16_KINDS.add(name)
    return newfault(name, expect, **kw)


def sections(name: str, first: int, last: int) -> str:
    """Sections ``first``..``last`` of ``terms_html(name)`` (a page that shows only some of them)."""
    return "".join(f"<h2>{i}. Section {i}</h2><p>{name} customers keep every right described in section {i}; "
                   f"{name} may not change the fees of section {i} without thirty days of notice, and disputes "
                   f"go to the courts of Lisbon.</p>" for i in range(first, last + 1))


def shell(name: str, body: str, title: str = "") -> str:
    """``terms_html``'s frame around ``body`` (in place of its 30 sections)."""
    return (f"<!doctype html><html><head><title>{title or name + ' Terms'}</title></head><body><nav>Home | Pricing"
            f"</nav><main><h1>{name} Terms of Service</h1>{body}</main><footer>© {name}</footer></body></html>")


@s16("geo-redirect-other-region", "fail: a redirect to another region's terms (/us/ sent to /gb/)", url="region",
     own_baseline=True)
async def _(req, n):
    if req.path.endswith("/us/terms") and PHASE["n"] > 0:
        return web.Response(status=302, headers={"Location": f"/d/{n}/gb/terms"})
    if req.path.endswith("/gb/terms"):  # the UK terms: another region's document, much of it shared
        return R(terms_html(n).replace("courts of Lisbon", "courts of England and Wales").replace(
            "thirty days", "fourteen days"))
    return R(terms_html(n))


@s16("paginated-first-page-only", "fail: only the first page of the terms, with a link to the next",
     modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(terms_html(n))
    return R(shell(n, sections(n, 1, 10) + "<nav class='pagination'><span>Page 1 of 3</span> "
                   f"<a href='/d/{n}?page=2'>Next page ›</a></nav>"))


@s16("pdf-link-only", "fail: a page that only links to the terms as a PDF (name the PDF)")
async def _(req, n):
    return R(shell(n, "<p>Our terms are available as a document: <a href='/files/terms-2026.pdf'>Download the "
                      "Terms of Service (PDF, 240 KB)</a></p>"))


@s16("lazy-loaded-sections", "fail: the first sections and a 'Loading…' placeholder a script fills")
async def _(req, n):
    return R(shell(n, sections(n, 1, 12) + f"<div class='lazy' data-src='/api/terms/{n}?from=13'>Loading…</div>"))


@s16("unclosed-comment-hides-rest", "fail: a comment opened and never closed hides the rest of the page")
async def _(req, n):
    return R(shell(n, sections(n, 1, 19) + "<!-- promo banner: start " + sections(n, 20, 30)))


ACCENTED = ("<p>Les clients de {n} gardent leurs droits : aucun frais ne change sans préavis de trente jours, "
            "et les litiges vont aux tribunaux de Lisbonne (thirty days).</p>")


@s16("charset-declared-twice", "same: <meta charset=utf-8> and a Latin-1 http-equiv, UTF-8 bytes, no header charset",
     own_baseline=True)
async def _(req, n):
    body = terms_html(n, extra=ACCENTED.format(n=n))
    if PHASE["n"] == 0:
        return R(body)
    body = body.replace("<head>", "<head><meta charset='utf-8'><meta http-equiv='Content-Type' "
                                  "content='text/html; charset=iso-8859-1'>", 1)
    return R(body, ctype="text/html")


@s16("empty-200-once", "same (or one failed run): a 200 with an empty body once, then the terms again",
     own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 1:
        return R(b"")
    return R(terms_html(n))


@s16("cookie-redirect-loop", "fail: a redirect loop that sets a cookie at each hop (a cookie check failed)",
     url="localhost")
async def _(req, n):
    if req.cookies.get("cc") == "1":
        return R(terms_html(n))
    resp = web.Response(status=302, headers={"Location": f"/d/{n}"})
    resp.set_cookie("cc", "1", secure=True)  # a Secure cookie over http: never sent back
    return resp


LM_FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"


@s16("last-modified-future", "change: a Last-Modified in the future must not hide a real change behind 304s",
     own_baseline=True)
async def _(req, n):
    since = req.headers.get("If-Modified-Since")
    if since == LM_FUTURE:  # a naive server: not modified since a date later than its own
        return web.Response(status=304, headers={"Last-Modified": LM_FUTURE})
    body = terms_html(n) if PHASE["n"] == 0 else terms_html(n).replace("courts of Lisbon", "courts of Porto")
    return R(body, **{"Last-Modified": LM_FUTURE})


@s16("gone-410", "fail: HTTP 410 Gone (a 'gone' event once a version exists)")
async def _(req, n):
    return R(page("<h1>Gone</h1><p>This page is no longer available.</p>", "Gone"), 410)


@s16("title-says-moved", "fail: moved page (only the <title> says it moved; name the new address)")
async def _(req, n):
    return R(page("<h1>Acme Legal Center</h1><p>Looking for our terms? Visit the <a href='/legal/terms-2026'>Acme "
                  "Legal Center</a>.</p>", "Our Terms of Service have moved | Acme"))


@s16("sections-missing-once", "same: a third of the sections missing in one run (a partial load), then whole",
     modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 1:
        return R(shell(n, sections(n, 1, 20)))
    return R(terms_html(n))


@s16("sections-missing-alternating", "same: a variant without a third of the sections every other run",
     modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] in (1, 3):
        return R(shell(n, sections(n, 1, 20)))
    return R(terms_html(n))


@s16("noscript-notice-variant", "same: a <noscript> notice in the terms on some runs only", own_baseline=True)
async def _(req, n):
    notice = ("<noscript><p>JavaScript is switched off in your browser: some features of this page may not "
              "work.</p></noscript>")
    return R(terms_html(n, extra=notice if PHASE["n"] in (1, 3) else ""))


@s16("hidden-block-variant", "same: a display:none block in the terms, its text new on each run", own_baseline=True)
async def _(req, n):
    hidden = (f"<div style='display:none' class='exp'><p>Experiment bucket {PHASE['n'] * 7 + 3}: show the "
              "alternative layout of these terms to this visitor.</p></div>")
    return R(terms_html(n, extra=hidden if PHASE["n"] else ""))


# ---- kinds added in session 18 (faults18): walls, CDN and network pages, each in several languages
# (``tests/fault_pages_s18.py``), a browser page stuck on "Loading…", a Retry-After pause

S18_KINDS: set = set()
PAUSED = {"s18-retry-after-pause"}  # failed once, then skipped (paused), the server not asked again


def s18(name, expect, **kw):
    S18_KINDS.add(name)
    return newfault(name, expect, **kw)


def _serve(body: str, status: int):
    async def handler(req, n):
        return R(body, status)
    return handler


for _kind, _langs in S18_PAGES.items():
    for _lang, (_body, _status) in _langs.items():
        s18(f"s18-{_kind}-{_lang}", f"fail: {_kind} ({_lang})")(_serve(_body, _status))
for _name, _body in S18_NEGATIVES.items():
    # real short terms that say "cookies", "maintenance", "not found" in a clause: a first version
    s18(f"s18-terms-mention-{_name}", "a first version: terms that name a wall's words in a clause",
        modes=("first",), versions={"first": 1})(_serve(_body, 200))


@s18("s18-browser-loading-stuck", "fail: rendered, still only 'Loading…' (did not finish loading, not 'needs "
     "JavaScript')", extra=BROWSER, own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(terms_html(n))
    return R(f"<!doctype html><html><head><meta charset='utf-8'><title>{n} Terms</title></head><body><nav>Home</nav>"
             f"<main><h1>{n} Terms of Service</h1><p class='spinner'>Loading…</p></main><script>fetch('/api/none/{n}')"
             ".then(r => r.json()).then(d => { document.querySelector('main').innerHTML = d.html; });</script>"
             "</body></html>")


ASKED: dict = {}


@s18("s18-retry-after-pause", "fail once (429, Retry-After: 1 h), then skipped by the next runs without a request",
     modes=("after",), own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(terms_html(n))
    ASKED[n] = ASKED.get(n, 0) + 1
    return R(page("<h1>Too Many Requests</h1>", "429"), 429, **{"Retry-After": "3600"})


# ---- kinds added in session 20 (faults20): pages that say the document is gone or superseded,
# errors inside the site's frame, redirects to another document or through an identity provider,
# platform and server pages, markup a browser reads differently (declarative shadow DOM, a base
# URL per request), layouts and banners that flip, a date-only change, headers too long

S20_KINDS: set = set()


def s20(name, expect, **kw):
    S20_KINDS.add(name)
    return newfault(name, expect, **kw)


def privacy_html(name: str) -> str:
    """A privacy policy of ``name``: another legal document, with the full vocabulary of terms."""
    clauses = "".join(
        f"<h2>{i}. Data use {i}</h2><p>{name} collects the personal data described in part {i}, keeps it for as long "
        f"as the account exists, and shares it with processors bound by contract; you may ask for its deletion.</p>"
        for i in range(1, 31))
    return (f"<!doctype html><html><head><title>{name} Privacy Policy</title></head><body><nav>Home | Pricing</nav>"
            f"<main><h1>{name} Privacy Policy</h1>{clauses}</main><footer>© {name}</footer></body></html>")


def site_frame(name: str, body: str, title: str = "") -> str:
    """The site's whole frame (menu, big footer of legal links) around ``body``."""
    links = " · ".join(f"<a href='/{p.lower()}'>{p}</a>" for p in ("Terms", "Privacy", "Cookies", "Imprint",
                                                                   "Accessibility", "Careers", "Press", "Status"))
    return (f"<!doctype html><html><head><title>{title or name}</title></head><body><header><a href='/'>{name}</a> "
            "<a href='/pricing'>Pricing</a> <a href='/blog'>Blog</a> <a href='/login'>Log in</a></header>"
            f"<main>{body}</main><footer>{links}<p>© 2026 {name} Inc. All rights reserved. Registered in "
            "Portugal.</p></footer></body></html>")


@s20("document-withdrawn-200", "fail: a 200 page saying the document is no longer available")
async def _(req, n):
    return R(page("<h1>This document is no longer available</h1><p>The document you are looking for has been "
                  "withdrawn. Please visit our <a href='/legal'>legal center</a> for current documents.</p>",
                  "Document unavailable"))


@s20("document-withdrawn-200-fr", "fail: 'ce document n'est plus disponible' (French)")
async def _(req, n):
    return R(page("<h1>Ce document n'est plus disponible</h1><p>Le document que vous recherchez a été retiré. "
                  "Consultez notre <a href='/juridique'>espace juridique</a>.</p>", "Document indisponible"))


@s20("superseded-notice-link", "fail: a short page saying the terms were replaced, linking to the new ones")
async def _(req, n):
    return R(page("<h1>Our terms have been updated</h1><p>These terms have been replaced by our new Terms of "
                  "Service. <a href='/legal/terms-2027'>Read the new Terms of Service</a>.</p>", "Terms updated"))


@s20("terms-update-banner", "change: the same terms with a 'we are updating our terms' notice at the top (a real "
     "change, never refused as maintenance)", own_baseline=True)
async def _(req, n):
    banner = ("<div class='notice'><p>We are updating our Terms of Service. The updated terms take effect on "
              "1 March 2027; until then these terms apply.</p></div>")
    return R(terms_html(n, extra=banner if PHASE["n"] else ""))


@s20("last-updated-date-only", "change: only the 'Last updated' date changed (one version, recorded)",
     own_baseline=True)
async def _(req, n):
    day = 1 if PHASE["n"] == 0 else 8
    return R(terms_html(n, extra=f"<p>Last updated: March {day}, 2026</p>"))


def layout_b(name: str) -> str:
    """``terms_html(name)``'s words in another layout: sections in cards, headings one level down,
    sentences in spans (a redesign tested against the old one)."""
    clauses = "".join(
        f"<section class='card'><div class='card-head'><h3>{i}. Section {i}</h3></div><div class='card-body'><p>"
        f"<span>{name} customers keep every right described in section {i};</span> <span>{name} may not change the "
        f"fees of section {i} without thirty days of notice, and disputes go to the courts of Lisbon.</span></p>"
        "</div></section>" for i in range(1, 31))
    return (f"<!doctype html><html><head><title>{name} Terms</title></head><body><nav>Home | Pricing</nav>"
            f"<main><div class='wrap'><h1>{name} Terms of Service</h1>{clauses}</div></main><footer>© {name}</footer>"
            "</body></html>")


@s20("ab-layout-flip-same-words", "same: two layouts of the same words, alternating from run to run",
     own_baseline=True)
async def _(req, n):
    return R(layout_b(n) if PHASE["n"] % 2 else terms_html(n))


@s20("cookie-banner-in-terms-some-runs", "same: a cookie banner inside the terms' region on some runs only",
     own_baseline=True)
async def _(req, n):
    banner = ("<div class='cc-window'><p>We use cookies to improve your experience. By continuing to browse you "
              "agree to our use of cookies.</p><a href='/cookies'>Learn more</a> <button>Accept</button> "
              "<button>Decline</button></div>")
    return R(terms_html(n, extra=banner if PHASE["n"] in (1, 3) else ""))


@s20("sso-redirect-other-host", "fail: login page (redirected through an identity provider on another host)")
async def _(req, n):
    if "/oauth2/" in req.path:
        return R(page("<h1>Sign in</h1><p>Use your organisation account.</p><form><input type='email' "
                      "name='loginfmt' placeholder='Email, phone, or Skype'><button>Next</button></form>"
                      "<a href='/help'>Can't access your account?</a>", "Sign in to your account"))
    return web.Response(status=302, headers={
        "Location": f"http://localhost:{PORT}/d/{n}/oauth2/v2.0/authorize?client_id=4f2a&response_type=code"
                    f"&redirect_uri=http%3A%2F%2F127.0.0.1%3A{PORT}%2Fd%2F{n}&state=9c1e"})


@s20("redirect-to-privacy-policy", "fail: another document (the terms' URL now redirects to the privacy policy)",
     url="terms-path")
async def _(req, n):
    if req.path.endswith("/privacy"):
        return R(privacy_html(n))
    return web.Response(status=301, headers={"Location": f"/d/{n}/privacy"})


@s20("app-error-in-site-frame", "fail: the site's frame around 'Something went wrong' (an app's error screen)")
async def _(req, n):
    return R(site_frame(n, "<h1>Oops, something went wrong</h1><p>We're having trouble loading this page. Please "
                           "refresh or try again later.</p><button>Try again</button>", f"{n} Terms of Service"))


@s20("stack-trace-200", "fail: a server's exception page served with 200 (a stack trace)")
async def _(req, n):
    return R("<!doctype html><html><head><title>Server Error in '/' Application.</title></head><body><h1>Server "
             "Error in '/' Application.</h1><h2><i>Object reference not set to an instance of an object.</i></h2>"
             "<p><b>Description:</b> An unhandled exception occurred during the execution of the current web "
             "request.</p><p><b>Exception Details:</b> System.NullReferenceException</p><pre>[NullReferenceException]"
             "\n   Legal.TermsController.Index() in C:\\src\\Legal\\TermsController.cs:42\n   System.Web.Mvc."
             "ActionMethodDispatcher.Execute(ControllerBase controller)</pre></body></html>")


@s20("plain-text-upstream-error-200", "fail: a proxy's one-line error as text/plain with 200")
async def _(req, n):
    return R("no healthy upstream", ctype="text/plain")


@s20("http-204-no-content", "fail: 204 No Content where the terms were")
async def _(req, n):
    return web.Response(status=204)


@s20("directory-listing", "fail: the web server's listing of a folder (the file was removed)")
async def _(req, n):
    rows = "".join(f"<a href='{f}'>{f}</a>{' ' * (30 - len(f))}2026-11-0{k} 10:1{k}  {k * 11}K\n"
                   for k, f in enumerate(("terms-2025.html", "terms-2026-draft.html", "privacy.html", "old/"), 1))
    return R(f"<html><head><title>Index of /legal</title></head><body><h1>Index of /legal</h1><pre><a href='/'>"
             f"../</a>\n{rows}</pre><hr><address>Apache/2.4.62 Server at 127.0.0.1 Port {PORT}</address></body></html>")


@s20("coming-soon-page", "fail: a 'coming soon' page of a site being rebuilt")
async def _(req, n):
    return R(page("<h1>Something new is coming soon</h1><p>We're working hard to bring you a brand new website. "
                  "Stay tuned!</p><form><input type=email name=email placeholder='Your email'><button>Notify me"
                  "</button></form>", "Coming soon"))


@s20("domain-expired", "fail: the registrar's 'this domain has expired' page")
async def _(req, n):
    return R(page("<h1>This domain has expired</h1><p>If you are the owner of acme.example, renew it now to restore "
                  "your website and email.</p><a href='https://registrar.example/renew'>Renew now</a>",
                  "acme.example has expired"))


@s20("base-href-per-request", "same: a <base href> naming another CDN host on each request, the links relative",
     own_baseline=True)
async def _(req, n):
    AB[n] = AB.get(n, 0) + 1
    links = "<p>Read the <a href='legal/privacy'>privacy policy</a> and the <a href='legal/cookies'>cookie notice</a>.</p>"
    return R(terms_html(n, extra=links).replace("<head>", f"<head><base href='https://www{AB[n] % 3 + 1}.acme.example/'>"))


@s20("meta-refresh-self-query", "same: a meta refresh to the same address with a cache-busting query, then the terms")
async def _(req, n):
    if "nocache" in req.query:
        return R(terms_html(n))
    return R(f"<html><head><meta http-equiv='refresh' content='0; url=/d/{n}?nocache=1733140000'></head>"
             "<body><p>Loading…</p></body></html>")


@s20("meta-refresh-self-300", "same: the terms with a <meta> refresh reloading the page every 5 minutes")
async def _(req, n):
    return R(terms_html(n).replace("<head>", "<head><meta http-equiv='refresh' content='300'>"))


@s20("huge-set-cookie-header", "same: the terms with a 12 KB Set-Cookie header (browsers take it)")
async def _(req, n):
    resp = R(terms_html(n))
    resp.headers["Set-Cookie"] = "tracking=" + "a1b2c3d4" * 1500 + "; Path=/"
    return resp


@s20("redirect-non-ascii-location", "same: a redirect whose Location has raw accented characters and spaces")
async def _(req, n):
    if "conditions" in req.path:
        return R(terms_html(n))
    return web.Response(status=301, headers={"Location": f"/d/{n}/légal/conditions générales"})


@s20("declarative-shadow-dom", "same: the terms inside a declarative shadow root (<template shadowrootmode>)",
     own_baseline=True)
async def _(req, n):
    if PHASE["n"] == 0:
        return R(terms_html(n))
    inner = terms_html(n).split("<main>", 1)[1].split("</main>", 1)[0]
    return R(terms_html(n).replace(f"<main>{inner}</main>",
                                   f"<main><terms-page><template shadowrootmode='open'>{inner}</template></terms-page>"
                                   "</main>"))


@s20("double-encoded-utf8-once", "same: one run serves the same terms double-encoded (mojibake in the bytes)",
     own_baseline=True)
async def _(req, n):
    body = terms_html(n, extra="<p>Les clients gardent leurs droits : préavis de trente jours, tribunaux de "
                               "Lisbonne, café compris.</p>")
    if PHASE["n"] == 2:
        body = body.encode("utf-8").decode("cp1252")  # "prÃ©avis" where "préavis" was, in UTF-8 bytes
    return R(body)


@s20("docx-instead-of-page", "fail: a Word document served where the terms page was (clearly said)")
async def _(req, n):
    return R(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 8,
             ctype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@s20("selector-matches-twice-copy", "same: after a redesign `select` matches the terms and their copy for small "
     "screens", extra='select = [".terms"]', own_baseline=True)
async def _(req, n):
    inner = terms_html(n).split("<main>", 1)[1].split("</main>", 1)[0]
    if PHASE["n"] == 0:
        return R(page(f"<div class='terms'>{inner}</div>"))
    return R(page(f"<div class='terms desktop'>{inner}</div><aside>Related: <a href='/privacy'>Privacy</a></aside>"
                  f"<div class='terms mobile'>{inner}</div>"))


@s20("hidden-attribute-variant", "same: a block with the `hidden` attribute in the terms, its text new on each run",
     own_baseline=True)
async def _(req, n):
    hidden = f"<p hidden>Your session {PHASE['n'] * 13 + 5} started; the chat assistant is offline.</p>"
    return R(terms_html(n, extra=hidden if PHASE["n"] else ""))


@s20("frameset-terms", "fail: an old frameset page, the terms in a frame (name the frame's address)")
async def _(req, n):
    return R(f"<html><head><title>{n} Terms</title></head><frameset rows='80,*'><frame src='/home' name='top'>"
             f"<frame src='/real/{n}' name='main'><noframes><p>Your browser does not support frames.</p></noframes>"
             "</frameset></html>")


@s20("pdf-embedded-viewer", "fail: a page that shows the terms PDF in an <embed>/<object> viewer (name the PDF)")
async def _(req, n):
    return R(page(f"<h1>{n} Terms of Service</h1><object data='/files/{n}-terms-2026.pdf' type='application/pdf' "
                  f"width='100%' height='900'><embed src='/files/{n}-terms-2026.pdf' type='application/pdf'></object>",
                  f"{n} Terms of Service"))


@s20("meta-charset-after-4kb", "same: Windows-1252 bytes whose <meta charset> comes after 5 KB of inline style",
     own_baseline=True)
async def _(req, n):
    body = terms_html(n, extra="<p>Les clients gardent leurs droits : préavis de trente jours, café compris.</p>")
    if PHASE["n"] == 0:
        return R(body)
    late = body.replace("<head>", "<head><style>" + "/* theme */ .x{color:red}\n" * 200 + "</style>"
                        "<meta charset='windows-1252'>", 1)
    return R(late.encode("cp1252"), ctype="text/html")


@s20("http-300-language-variants", "fail: 300 Multiple Choices listing the terms in several languages")
async def _(req, n):
    return R(page("<h1>Multiple Choices</h1><ul><li><a href='/en/terms'>English</a></li><li><a href='/fr/terms'>"
                  "Français</a></li><li><a href='/de/terms'>Deutsch</a></li></ul>", "300 Multiple Choices"), 300)


@s20("cached-copy-banner", "same: a 'you are viewing a cached copy from DATE' banner above the terms on some runs",
     own_baseline=True)
async def _(req, n):
    banner = (f"<div class='cache-note'><p>You are viewing a cached copy of this page as it appeared on December "
              f"{PHASE['n'] + 1}, 2026 at 10:0{PHASE['n']} UTC. The live page may have changed.</p></div>")
    return R(terms_html(n, extra=banner if PHASE["n"] in (1, 3) else ""))


@s20("soft404-200-pl", "fail: not found, in Polish (a language the notices are not written in)")
async def _(req, n):
    return R(page("<h1>Nie znaleziono strony</h1><p>Strona, której szukasz, nie istnieje lub została usunięta.</p>"
                  "<a href='/'>Wróć do strony głównej</a>", "404 – Nie znaleziono"))


AB: dict = {}
PORT = 0
RAW = 0


def raw_server():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(64)

    def handle(c):
        try:
            c.settimeout(5)
            req = c.recv(65536).decode("latin-1")
            path = req.split(" ")[1] if " " in req else "/"
            name = path.rsplit("/", 1)[-1]
            body = terms_html(name).encode()
            if PHASE["n"] == 0 and MODE == "after":
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                          % len(body) + body)
            elif "no-content-type" in path:  # the terms, no Content-Type header at all (sniffed as HTML)
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
            elif "connection-reset" in path:  # RST at once: no status line at all
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            elif "garbage-response" in path:
                c.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)))
            elif "chunked-cut" in path:
                half = body[: len(body) // 2]
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                          + b"%x\r\n" % len(half) + half + b"\r\n")
            elif "reset-mid-body" in path:  # close-delimited, then a reset halfway
                c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body[: len(body) // 2])
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            elif "cut-at-tag-no-cl" in path:  # close-delimited, cut right after a closing </p>
                at = body.index(b"</p>", len(body) // 2) + 4
                c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body[:at])
            elif "gzip-cut-no-cl" in path:
                gz = gzip.compress(body)
                c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                          + gz[: len(gz) * 2 // 3])
            elif "cl-short-lie" in path:  # a Content-Length that says half the body: read as it says
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                          % (len(body) // 2) + body)
            elif "gzip-cut-with-cl" in path:  # a gzip stream that stops midway, its length told right
                gz = gzip.compress(body)[: len(gzip.compress(body)) * 2 // 3]
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                          b"Content-Length: %d\r\n\r\n" % len(gz) + gz)
            elif "with-cl" in path:
                c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
                          + body[: len(body) // 2])
            else:  # close-delimited body, cut mid-sentence
                c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body[: len(body) // 2])
        except OSError:
            pass
        finally:
            c.close()

    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=handle, args=(c,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
    return s.getsockname()[1]


for _n in ("cut-mid-body-with-cl", "cut-mid-body-no-cl"):
    FAULTS[_n] = dict(fn=None, extra="", expect="fail/held; never a shortened version", url="raw", baseline=True,
                      modes=("after", "first"), versions=None)
S20_KINDS.add("no-content-type-header")
NEW_KINDS.add("no-content-type-header")
FAULTS["no-content-type-header"] = dict(fn=None, extra="", expect="same: the terms with no Content-Type header at all",
                                        url="raw", baseline=True, modes=("after", "first"), versions=None)
for _n in ("connection-reset", "garbage-response", "chunked-cut", "reset-mid-body", "cut-at-tag-no-cl",
           "gzip-cut-no-cl", "cl-short-lie", "gzip-cut-with-cl"):
    NEW_KINDS.add(_n)
    if _n in ("cl-short-lie", "gzip-cut-with-cl"):
        FRESH_KINDS.add(_n)
    FAULTS[_n] = dict(fn=None, extra="", expect="fail; never a shortened version", url="raw", baseline=True,
                      modes=("after", "first"), versions=None)


async def dispatch(req):
    path = req.path
    if path in ("/home", "/"):
        return R(page("<h1>Welcome to Acme</h1><p>The best way to plan your trips. Start free today.</p>"
                      "<a href='/pricing'>Pricing</a> <a href='/signup'>Sign up</a>", "Acme - Home"))
    if path.startswith("/account/login"):
        return R(page("<h1>Sign in</h1><form><input type=email name=e><input type=password name=p>"
                      "<button>Sign in</button></form>", "Sign in"))
    if path.startswith("/choose-region"):
        return R(page("<h1>Choose your country or region</h1><ul>" + "".join(
            f"<li><a href='/{c}/'>{c.upper()}</a></li>" for c in ("us", "uk", "de", "fr", "es", "it", "jp", "br"))
            + "</ul>", "Choose your region"))
    if path.startswith("/consent"):
        return R(page("<h1>Before you continue</h1><p>We use cookies and data to deliver and maintain our services "
                      "and to measure audience engagement. If you choose to Accept all, we will also use cookies "
                      "for personalised ads.</p><button>Reject all</button><button>Accept all</button>",
                      "Before you continue"))
    if path.startswith("/slow/"):
        return await slow_terms(req)
    if path.startswith("/go/"):  # a first hop of a chain that ends on a login page
        return web.Response(status=302, headers={"Location": f"/account/login?next=/d/{path[4:]}"})
    if path == "/legal-old":  # ... or on the home page
        return web.Response(status=302, headers={"Location": "/home"})
    if path.startswith("/api/terms/"):  # what a page's script fills its <main> with
        inner = terms_html(path.rsplit("/", 1)[-1]).split("<main>", 1)[1].split("</main>", 1)[0]
        return web.json_response({"html": inner})
    if path.startswith("/real/"):
        return R(terms_html(path.split("/")[-1]))
    if path == "/pdf-good":
        return R(PDF, ctype="application/pdf")
    if path.startswith("/d/"):
        name = path[3:].split("/", 1)[0]  # (/d/NAME/us/terms: a source whose url names a region)
        f = FAULTS[name]
        if PHASE["n"] == 0 and MODE == "after" and not f.get("own_baseline"):
            if f["url"] == "pdf":
                return R(PDF, ctype="application/pdf")
            if name.startswith("dup-url"):
                return R(terms_html("dup"))
            if name == "unclosed-divs-1200":
                return R(terms_html(name, n=1200))
            if name == "selector-empty-element" or name == "selector-no-match":
                return R(page(f"<article id='terms'>{terms_html(name)}</article>"))
            return R(terms_html(name))
        return await f["fn"](req, name)
    return web.Response(status=404, text="no such page")


def start_server():
    global PORT
    ready = threading.Event()
    loop = asyncio.new_event_loop()

    async def serve():
        global PORT
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", dispatch)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        PORT = site._server.sockets[0].getsockname()[1]
        ready.set()

    def main():
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve())
        loop.run_forever()
    threading.Thread(target=main, daemon=True).start()
    ready.wait(10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sources_text() -> str:
    out = ["[defaults]\ntimeout = 15\n"]
    for name, f in FAULTS.items():
        u = f["url"]
        if u is None:
            url = f"http://127.0.0.1:{PORT}/d/{name}"
        elif u == "pdf":
            url = f"http://127.0.0.1:{PORT}/d/{name}"
        elif u == "refused":
            url = f"http://127.0.0.1:{REFUSED}/terms"
        elif u == "https":
            url = f"https://127.0.0.1:{PORT}/d/{name}"
        elif u == "noise":
            url = f"http://127.0.0.1:{PORT}/d/{name}?utm_source=newsletter&utm_medium=email#section-3"
        elif u == "dup":
            url = f"http://127.0.0.1:{PORT}/d/dup-url-a"
        elif u == "localhost":
            url = f"http://localhost:{PORT}/d/{name}"
        elif u == "region":
            url = f"http://127.0.0.1:{PORT}/d/{name}/us/terms"
        elif u == "terms-path":
            url = f"http://127.0.0.1:{PORT}/d/{name}/terms"
        elif u == "raw":
            url = f"http://127.0.0.1:{RAW}/{name}"
        else:
            url = u
        extra = f["extra"]
        if u == "combine":  # a document in 3 pages
            parts = ", ".join(f'{{ url = "http://127.0.0.1:{PORT}/d/{name}?part={k}" }}' for k in (1, 2, 3))
            out.append(f'[[service]]\nid = "{name}"\nname = "{name}"\n  [[service.document]]\n'
                       f'  type = "Terms of Service"\n  combine = [{parts}]\n  {extra}\n')
            continue
        if (name.startswith("selector") or name.endswith("-in-main")) and "select" not in extra:
            extra = 'select = ["main"]'
        out.append(f'[[service]]\nid = "{name}"\nname = "{name}"\n  [[service.document]]\n  type = "Terms of Service"\n'
                   f'  url = "{url}"\n  {extra}\n')
    return "\n".join(out)


def run(store: Path, sources: Path, label: str, results: dict):
    t = time.time()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([PY, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run", "--json",
                        "--host-delay", "0", "--retry-backoff", "0", "--per-host", "16", "--concurrency", "32"],
                       capture_output=True, text=True, env=env, timeout=900)
    dt = time.time() - t
    try:
        data = json.loads(p.stdout)
    except ValueError:
        print(f"[{label}] exit {p.returncode} NOT JSON stdout={p.stdout[:2000]!r} stderr={p.stderr[-3000:]!r}")
        return
    print(f"[{label}] exit {p.returncode} in {dt:.1f}s; stderr {len(p.stderr)} chars")
    if "Traceback" in p.stderr:
        print("  TRACEBACK ON STDERR:\n" + p.stderr[-3000:])
    elif p.stderr.strip():
        print("  stderr: " + p.stderr.strip()[:1500].replace("\n", "\n  stderr: "))
    for d in data["documents"]:
        results.setdefault(d["key"].split("/")[0], []).append(
            (d["outcome"], (d.get("error") or d.get("summary") or "")[:220]))


def commits(store: Path, service: str) -> int:
    out = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%H", "--", service],
                         capture_output=True, text=True).stdout.split()
    return len(out)


SAME = {"ab-test-per-request", "huge-padding-same-terms", "nul-bytes-in-html",
        "latin1-under-utf8-label", "label-flip-utf8-latin1", "meta-header-disagree",
        "html-as-text-plain", "pdf-as-octet-stream", "pdf-as-text-html", "meta-refresh", "refresh-header",
        "fragment-query-noise", "dup-url-a", "dup-url-b", "charset-latin1-mislabelled", "cookie-check-redirect",
        "xhtml-as-application-xml", "utf16-no-bom-label", "unclosed-divs-1200"}
SAME |= {"generated-date-stamp", "relative-updated-stamp", "request-id-in-text", "ab-heading-per-request",
         "slow-trickle-within-timeout", "browser-xhr-fills-main"}
# the terms once shown, or a failed run (a loaded machine's browser slower than the page's timer);
# never the empty frame as a version
SAME |= {"utf8-bom-latin1-label", "duplicated-content-blocks", "head-get-mismatch", "php-warning-above-terms"}
SAME |= {"charset-declared-twice", "noscript-notice-variant", "hidden-block-variant"}
SAME |= {"ab-layout-flip-same-words", "cookie-banner-in-terms-some-runs", "base-href-per-request",
         "meta-refresh-self-query", "meta-refresh-self-300", "huge-set-cookie-header", "redirect-non-ascii-location",
         "declarative-shadow-dom", "double-encoded-utf8-once", "selector-matches-twice-copy", "hidden-attribute-variant",
         "no-content-type-header", "meta-charset-after-4kb", "cached-copy-banner"}
SAME_OR_FAIL = {"browser-fills-after-timer", "empty-200-once"}
# the same terms, a run or two held (sections missing): never a version
SAME_OR_HELD = {"sections-missing-once", "sections-missing-alternating"}
CHANGE = {"real-change", "real-rewrite", "paged-part-real-change", "last-modified-future", "terms-update-banner",
          "last-updated-date-only"}
SAME_OR_CHANGE = {"pdf-becomes-html-same-terms"}  # one version more or none, never a failure
_CLASS_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*(Error|Exception)\b")


def latest_text(store: Path, service: str) -> str:
    """The latest recorded text of a service's terms ("" when none)."""
    shown = subprocess.run(["git", "-C", str(store / "archive"), "show", f"HEAD:{service}/Terms of Service.md"],
                           capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else ""


def is_terms(text: str) -> bool:
    """Whether a recorded text is the served terms (their words, no markup): not a redirecting
    page, a banner, or the HTML source."""
    return (("thirty days" in text or "one hundred euros" in text) and "<p>" not in text and "</" not in text
            and not any(m in text for m in ("Ã", "Â", "â€", "Ä½", "\ufffd")))  # no mojibake either


def verdict(name: str, runs: list[tuple[str, str]], versions: int, mode: str, text: str = "") -> str:
    """OK or FAULT (with why) for one document: "fail" documents are refused in one line and
    never recorded, "same" ones keep their one version, "change" ones get a new version."""
    fault_runs = runs[1:] if mode == "after" else runs
    base = 1 if mode == "after" and runs and runs[0][0] == "new" else 0  # (an unreachable host has none)
    want = (FAULTS[name].get("versions") or {}).get(mode)
    if want is not None:
        if any(o == "failed" for o, _ in fault_runs):
            return f"FAULT: outcomes {[o for o, _ in fault_runs]}"
        return "OK" if versions == want else f"FAULT: {versions} version(s), expected {want}"
    if name in PAUSED:
        said = [o for o, _ in fault_runs]
        if said != ["failed", "skipped", "skipped"] or versions != base or ASKED.get(name) != 1:
            return f"FAULT: {versions} version(s), outcomes {said}, asked {ASKED.get(name)} time(s)"
        return "OK"
    if name in SAME_OR_FAIL:
        bad = [o for o in fault_runs if o[0] not in ("new", "unchanged", "failed")]
        if bad or versions > 1 or (versions and not is_terms(text)):
            return f"FAULT: {versions} version(s), outcomes {[o for o, _ in fault_runs]}"
        return "OK"
    if name in SAME_OR_HELD:
        bad = [o for o in fault_runs if o[0] not in ("new", "unchanged", "held")]
        if bad or versions != 1 or not is_terms(text):
            return f"FAULT: {versions} version(s), outcomes {[o for o, _ in fault_runs]}"
        return "OK"
    if name in SAME_OR_CHANGE:
        bad = [o for o in fault_runs if o[0] not in ("new", "unchanged", "changed")]
        if bad or versions not in (base, base + 1) or not is_terms(text):
            return f"FAULT: {versions} version(s), outcomes {[o for o, _ in fault_runs]}"
        return "OK"
    if name in CHANGE | SAME and versions and not is_terms(text):
        return f"FAULT: the version recorded is not the terms: {text[:80]!r}"
    if name in CHANGE:
        return "OK" if versions == base + 1 else f"FAULT: {versions} version(s), expected {base + 1}"
    if name in SAME:
        bad = [o for o in fault_runs if o[0] not in ("new", "unchanged")]
        if bad or versions != 1:
            return f"FAULT: {versions} version(s), outcomes {[o for o, _ in fault_runs]}"
        return "OK"
    if versions != base:
        return f"FAULT: recorded ({versions} version(s), expected {base})"
    for outcome, message in fault_runs:
        # (a 429/503 whose Retry-After paused the address: later runs skip it, saying so)
        if outcome not in ("failed", "held") and not (outcome == "skipped" and message.startswith("paused:")):
            return f"FAULT: outcome {outcome}"
        if "\n" in message or _CLASS_NAME.search(message):
            return "FAULT: message not one plain line"
    return "OK"


def tracker(store: Path, sources: Path, *args: str) -> subprocess.CompletedProcess:
    """The real CLI over ``store`` with ``sources``, in a subprocess."""
    return subprocess.run([PY, "-m", "tracker", "--store", str(store), "--sources", str(sources), *args],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=300)


def config_checks(root: Path) -> list[tuple[str, str]]:
    """A sources file broken or edited between and during runs: (check, OK or FAULT: why). A bad
    file stops the run with exit 2 and one line on stderr, no traceback, and loses nothing; a run
    goes on with the file it loaded when the file is edited under it; a service taken out of the
    file keeps its versions."""
    store, src = root / "config-store", root / "config-sources.toml"
    good = (f'[[service]]\nid = "keep"\nname = "Keep"\n  [[service.document]]\n  type = "Terms of Service"\n'
            f'  url = "http://127.0.0.1:{PORT}/real/keep"\n\n[[service]]\nid = "slow"\nname = "Slow"\n'
            f'  [[service.document]]\n  type = "Terms of Service"\n  url = "http://127.0.0.1:{PORT}/slow/slow"\n')
    src.write_text(good)
    said: list[tuple[str, str]] = []

    def check(name: str, ok: bool, why: str) -> None:
        said.append((name, "OK" if ok else f"FAULT: {why}"))

    def versions() -> int:
        return sum(commits(store, s) for s in ("keep", "slow"))

    first = tracker(store, src, "run", "-q", "--host-delay", "0")
    check("baseline", first.returncode == 0 and versions() == 2, f"exit {first.returncode}: {first.stderr[-300:]}")
    for name, text in (("toml-syntax-error", good.replace('type = "Terms of Service"', 'type = "Terms of Service', 1)),
                       ("empty-file", ""), ("half-written", good[: len(good) // 3]),
                       ("unknown-key", good.replace('  url =', '  ulr =', 1)),
                       ("binary-garbage", "\x00\x01\x02PK\x03\x04")):
        src.write_text(text)
        bad = tracker(store, src, "run", "-q", "--host-delay", "0")
        lines = [line for line in bad.stderr.splitlines() if line.strip()]
        check(name, bad.returncode == 2 and "Traceback" not in bad.stderr and 1 <= len(lines) <= 6
              and lines[0].startswith("error:") and versions() == 2,
              f"exit {bad.returncode}, stderr {bad.stderr[-300:]!r}, {versions()} versions")
        status = tracker(store, src, "status")
        check(f"{name}: status still answers", "Traceback" not in status.stderr and status.returncode in (0, 2),
              f"exit {status.returncode}: {status.stderr[-300:]!r}")
    # edited under a running run: the run goes on with what it loaded
    src.write_text(good)
    SLOW["text"] = "<p>Fees may now change with seven days of notice.</p>"
    proc = subprocess.Popen([PY, "-m", "tracker", "--store", str(store), "--sources", str(src), "run", "--json",
                             "--host-delay", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    SLOW["asked"] = False
    deadline = time.time() + 60
    while not SLOW["asked"] and time.time() < deadline:  # the run has loaded the file and is fetching
        time.sleep(0.05)
    src.write_text(good.split("[[service]]\nid = \"slow\"")[0] + "[[service]\nbroken")
    out, err = proc.communicate(timeout=120)
    try:
        counts = json.loads(out)["counts"]
    except ValueError:
        counts = {}
    check("edited-mid-run", proc.returncode == 0 and counts.get("changed") == 1 and versions() == 3,
          f"exit {proc.returncode}, counts {counts}, {versions()} versions, stderr {err[-300:]!r}")
    # the service taken out of the file: its versions stay, the run checks the others
    src.write_text(good.split("[[service]]\nid = \"slow\"")[0])
    rest = tracker(store, src, "run", "-q", "--host-delay", "0")
    check("service-removed", rest.returncode == 0 and versions() == 3 and commits(store, "slow") == 2,
          f"exit {rest.returncode}, {versions()} versions: {rest.stderr[-300:]!r}")
    SLOW["text"] = ""
    return said


SLOW: dict = {"text": "", "asked": False}


async def slow_terms(req):
    """The terms, after 3 s (a run still going when its sources file is edited)."""
    SLOW["asked"] = True
    await asyncio.sleep(3)
    return R(terms_html("slow", extra=SLOW["text"]))


if __name__ == "__main__":
    if any(a in ("-h", "--help") for a in sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    args = [a for a in sys.argv[1:] if not a.startswith("--out")]
    MODE = args[0] if args else "after"
    if MODE not in ("after", "first"):
        sys.exit(f"unknown mode {MODE!r}: after or first (see --help)")
    only = args[1].split(",") if len(args) > 1 else None
    if only == ["new"]:
        only = sorted(NEW_KINDS)
    elif only == ["config"]:
        only = ["real-change"]  # (and the sources-file checks)
    elif only == ["latest"]:
        only = sorted(LATEST_KINDS)
    elif only == ["fresh"]:
        only = sorted(FRESH_KINDS)
    elif only == ["s16"]:
        only = sorted(S16_KINDS)
    elif only == ["s18"]:
        only = sorted(S18_KINDS)
    elif only == ["s20"]:
        only = sorted(S20_KINDS)
    elif only == ["old"]:
        only = [k for k in FAULTS if k not in NEW_KINDS]
    FAULTS = {k: v for k, v in FAULTS.items() if MODE in v["modes"] and (not only or k in only)}
    out = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--out=")), None)
    REFUSED = free_port()
    start_server()
    RAW = raw_server()
    root = Path(out) if out else Path(tempfile.mkdtemp(prefix="fault_audit_"))
    root = root / MODE
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    src = root / "sources.toml"
    src.write_text(sources_text())
    store = root / "store"
    results: dict = {}
    phases = [0, 1, 2, 3] if MODE == "after" else [1, 2, 3]
    for ph in phases:
        PHASE["n"] = ph
        run(store, src, f"run {ph}", results)
    tally = []
    for name, f in FAULTS.items():
        versions = commits(store, name)
        said = verdict(name, results.get(name, []), versions, MODE, latest_text(store, name))
        tally.append((name, said))
        print(f"\n== {name}  (expect: {f['expect']})  versions={versions}  {said}")
        for i, (o, m) in enumerate(results.get(name, [])):
            print(f"   r{phases[i]}: {o:10} {m}")
    old_kinds = [v for k, v in tally if k not in NEW_KINDS]
    new_kinds = [v for k, v in tally if k in NEW_KINDS - LATEST_KINDS - FRESH_KINDS - S16_KINDS - S18_KINDS - S20_KINDS]
    latest_kinds = [v for k, v in tally if k in LATEST_KINDS]
    fresh_kinds = [v for k, v in tally if k in FRESH_KINDS]
    s16_kinds = [v for k, v in tally if k in S16_KINDS]
    s18_kinds = [v for k, v in tally if k in S18_KINDS]
    s20_kinds = [v for k, v in tally if k in S20_KINDS]
    print(f"\n{sum(v == 'OK' for _, v in tally)}/{len(tally)} OK ({MODE}); kinds of session 11: "
          f"{sum(v == 'OK' for v in old_kinds)}/{len(old_kinds)}, added in session 12: "
          f"{sum(v == 'OK' for v in new_kinds)}/{len(new_kinds)}, in session 13: "
          f"{sum(v == 'OK' for v in latest_kinds)}/{len(latest_kinds)}, in session 14: "
          f"{sum(v == 'OK' for v in fresh_kinds)}/{len(fresh_kinds)}, in session 15: "
          f"{sum(v == 'OK' for v in s16_kinds)}/{len(s16_kinds)}, in session 18: "
          f"{sum(v == 'OK' for v in s18_kinds)}/{len(s18_kinds)}, in session 20: "
          f"{sum(v == 'OK' for v in s20_kinds)}/{len(s20_kinds)}; store in {store}")
    for name, said in tally:
        if said != "OK":
            print(f"  {name}: {said}")
    if MODE == "after" and (not only or "config" in sys.argv[2:3]):
        checked = config_checks(root)
        print(f"\nsources file broken or edited: {sum(v == 'OK' for _, v in checked)}/{len(checked)} OK")
        for name, said in checked:
            print(f"  {name}: {said}")

"""Faulty sites found by `benchmarks/fault_audit.py s20` (session 20), played against the real CLI
and a real local server (test_faults.py's ``env``); all texts are invented.

A block hidden by its own markup whose text is new on every request (an A/B bucket) makes no
version, while a folded accordion panel stays part of the terms.
"""

from __future__ import annotations

import itertools
import json
from datetime import datetime

import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, CLAUSES, html
from tracker.run.pauses import when

server = test_faults.server
env = test_faults.env


def terms(body: str = CLAUSES, title: str = "Acme terms", extra: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home</nav><main><h1>Acme Terms "
            f"of Service</h1>{extra}{body}</main><footer>Acme</footer></body></html>")


def test_a_hidden_block_new_on_every_request_is_no_version_a_folded_panel_is_terms(env):
    bucket = itertools.count(3)

    def page() -> str:  # an experiment's hidden block, new on every request, and a folded panel
        return terms(extra=f"<div style='display: none' class='exp'><p>Experiment bucket {next(bucket)}: show the "
                           "other layout to this visitor.</p></div><h2>Refunds</h2><div class='panel-body' "
                           "style='display:none'><p>Refunds are paid within 9 days.</p></div>")
    env.server.page("/bad", lambda: html(page()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    for _ in range(2):
        assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    text = env.text("faulty")
    assert "Experiment bucket" not in text and "Refunds are paid within 9 days." in text
    # the folded panel's text changing is a change of the terms
    env.server.page("/bad", lambda: html(page().replace("9 days", "30 days")))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert len(env.commits("faulty")) == 2


def shadow(body: str) -> str:
    """``body`` rendered by a web component on the server: inside a declarative shadow root."""
    return terms(body=f"<terms-page><template shadowrootmode='open'>{body}</template></terms-page>")


def test_terms_in_a_declarative_shadow_root_are_read_where_a_browser_shows_them(env):
    env.server.page("/bad", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(shadow(CLAUSES)))  # the same terms, now a web component's
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    env.server.page("/bad", lambda: html(shadow(CLAUSES.replace("thirty days", "ten days"))))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert "ten days" in env.text("faulty")


def test_a_set_cookie_header_of_12_kb_is_taken_as_browsers_take_it(env):
    def page():
        response = html(terms())
        response.headers["Set-Cookie"] = "visit=" + "9f8e7d6c" * 1500 + "; Path=/"
        return response
    env.server.page("/bad", page)
    assert env.run(code=0)[BAD]["outcome"] == "new"
    assert len(env.commits("faulty")) == 1


UPSTREAM = {  # a proxy's or framework's own error, served with 200 where the terms were
    "envoy": ("no healthy upstream", "text/plain"),
    "envoy-reset": ("upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                    "text/plain"),
    "express": ("<!DOCTYPE html><html><head><title>Error</title></head><body><pre>Cannot GET /legal/terms</pre>"
                "</body></html>", "text/html"),
    "spring": ("<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so "
               "you are seeing this as a fallback.</p></body></html>", "text/html"),
    "openshift": ("<html><head><title>Application is not available</title></head><body><h1>Application is not "
                  "available</h1><p>The application is currently not serving requests at this endpoint.</p></body>"
                  "</html>", "text/html"),
}
COMING_SOON = {
    "en": "<h1>Something new is coming soon</h1><p>We're building a brand new website. Stay tuned!</p>",
    "fr": "<h1>Site en construction</h1><p>Notre nouveau site arrive. Revenez nous voir très vite !</p>",
    "de": "<h1>Diese Website ist im Aufbau</h1><p>Unsere neue Seite ist bald für Sie da.</p>",
    "es": "<h1>Sitio web en construcción</h1><p>Estamos preparando algo nuevo para usted.</p>",
    "it": "<h1>Sito in costruzione</h1><p>Stiamo preparando il nostro nuovo sito.</p>",
}


@pytest.mark.parametrize("name", sorted(UPSTREAM) + [f"soon-{lang}" for lang in sorted(COMING_SOON)])
def test_a_server_error_line_or_a_coming_soon_page_is_never_a_version(env, name):
    body, ctype = UPSTREAM.get(name) or (terms(body=COMING_SOON[name[5:]], title="Coming soon"), "text/html")
    env.server.page("/bad", lambda: html(body, content_type=ctype))
    docs = env.run(code=1)  # a first run too: the page alone tells
    assert docs[BAD]["outcome"] == "failed" and "looks like an error page" in docs[BAD]["error"], docs[BAD]
    assert env.commits("faulty") == []


def test_short_terms_that_say_coming_soon_in_a_sentence_are_terms(env):
    env.server.page("/bad", lambda: html(terms(body=(
        "<p>The Acme app is coming soon to your country. Until it launches, these terms govern the beta, and you "
        "agree that Acme may end the beta at any time without liability.</p><p>Disputes go to the courts of "
        "Lisbon.</p>"))))
    assert env.run(code=0)[BAD]["outcome"] == "new"


def test_status_shows_a_paused_document_and_until_when(env):
    """A 429 whose Retry-After asks for an hour pauses the address: `tracker status` says so on
    the document's line (and --json in ``paused_until``), after the failing run and after the runs
    that skip it; once the pause is over, status says nothing of it."""
    env.server.page("/bad", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html("<h1>Too Many Requests</h1>", 429, **{"Retry-After": "3600"}))
    assert env.run(code=0)[BAD]["outcome"] == "skipped"  # (ops34: skipped in the run that met the 429)
    for _ in range(2):  # after the failing run, then after a run that skipped it
        until = json.loads((env.store / "pauses.json").read_text())[env.bad_url]
        row = env.status()[BAD]
        assert row["paused_until"] == until, row
        assert env.status()["good/Terms of Service"]["paused_until"] is None
        line = next(line for line in env.tracker("status", code=0).output.splitlines() if line.startswith(BAD))
        shown = when(datetime.fromisoformat(until))  # (ops34: rounded up, never a minute already past)
        assert f"PAUSED until {shown}" in line and "Retry-After" in line, line
        assert env.run(code=0)[BAD]["outcome"] == "skipped"
    (env.store / "pauses.json").write_text(json.dumps({env.bad_url: "2020-01-01T00:00:00+00:00"}))
    assert env.status()[BAD]["paused_until"] is None
    assert "PAUSED" not in env.tracker("status", code=0).output


SUPERSEDED = {  # a short page saying the terms were replaced by new ones, linking to them
    "en": "<h1>Our terms have been updated</h1><p>These terms have been replaced by our new Terms of Service. "
          "<a href='/legal/terms-2027'>Read the new Terms of Service</a>.</p>",
    "fr": "<h1>Conditions mises à jour</h1><p>Ces conditions ont été remplacées par nos nouvelles conditions "
          "d'utilisation : <a href='/legal/terms-2027'>les lire</a>.</p>",
    "de": "<h1>Neue Nutzungsbedingungen</h1><p>Diese Bedingungen wurden durch unsere neuen Nutzungsbedingungen "
          "ersetzt: <a href='/legal/terms-2027'>jetzt lesen</a>.</p>",
    "es": "<h1>Términos actualizados</h1><p>Estos términos han sido sustituidos por nuestros nuevos términos: "
          "<a href='/legal/terms-2027'>leerlos</a>.</p>",
}


@pytest.mark.parametrize("lang", sorted(SUPERSEDED))
def test_a_page_saying_the_terms_were_replaced_names_the_new_ones_and_is_never_a_version(env, lang):
    env.server.page("/bad", lambda: html(terms(body=SUPERSEDED[lang], title="Terms")))
    docs = env.run(code=1)  # a first run too
    assert "moved to http://127.0.0.1:" in docs[BAD]["error"] and "/legal/terms-2027" in docs[BAD]["error"], docs
    env.server.page("/bad", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(terms(body=SUPERSEDED[lang], title="Terms")))
    for _ in range(3):  # never held then recorded
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and "/legal/terms-2027" in docs[BAD]["error"], docs[BAD]
    assert len(env.commits("faulty")) == 1


PRIVACY = terms(body="".join(f"<h2>{i}. Data</h2><p>We collect the personal data of part {i} and keep it while your "
                             "account exists; you may ask us to delete it.</p>" for i in range(1, 31)),
                title="Acme Privacy Policy")


@pytest.mark.parametrize("target", ["/legal/privacy", "/de/datenschutz", "/legal/cookie-policy"])
def test_the_terms_address_redirecting_to_another_document_is_refused(env, target):
    env.bad_url = env.server.url("/legal/terms")
    env.server.page("/legal/terms", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/legal/terms", lambda: web.Response(status=301, headers={"Location": target}))
    env.server.page(target, lambda: html(PRIVACY))
    for _ in range(3):  # never held then recorded
        docs = env.run(code=1)
        error = docs[BAD]["error"]
        assert docs[BAD]["outcome"] == "failed" and "another document" in error and target in error, docs[BAD]
        assert "names the terms" in error, error
    assert len(env.commits("faulty")) == 1
    assert "served another document" in env.tracker("status", code=None).output


def test_a_redirect_within_the_same_kind_of_document_is_followed(env):
    # the terms moved to another address that names them too: the terms, recorded
    env.bad_url = env.server.url("/terms")
    env.server.page("/terms", lambda: web.Response(status=301, headers={"Location": "/legal/privacy-and-terms"}))
    env.server.page("/legal/privacy-and-terms", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/terms", lambda: web.Response(status=301, headers={"Location": "/de/nutzungsbedingungen"}))
    env.server.page("/de/nutzungsbedingungen", lambda: html(terms(CLAUSES.replace("thirty days", "ten days"))))
    assert env.run(code=0)[BAD]["outcome"] == "changed"


def layout_b(body: str = CLAUSES) -> str:
    """The same words in another layout: sections in cards, headings one level down, spans."""
    cards = "".join(f"<section class='card'><h3>{part.split('</h2>')[0]}</h3><div class='card-body'><p><span>"
                    f"{part.split('<p>')[1].split('</p>')[0]}</span></p></div></section>" for part in body.split("<h2>")[1:])
    return terms(body=f"<div class='wrap'>{cards}</div>")


BANNERS = {
    "en": "<div class='cc'><p>We use cookies to improve your experience. By continuing to browse you agree to our use "
          "of cookies.</p><a href='/cookies'>Learn more</a> <button>Accept</button> <button>Decline</button></div>",
    "fr": "<div class='cmp'><p>Nous utilisons des cookies pour mesurer l'audience.</p><button>Tout accepter</button> "
          "<button>Tout refuser</button> <button>Paramétrer</button></div>",
    "de": "<div class='cmp'><p>Wir verwenden Cookies, um die Nutzung zu messen.</p><button>Alle akzeptieren</button> "
          "<button>Einstellungen</button></div>",
}


CACHE_NOTES = {  # a cache's or an archive's notice above a copy of the page, its date new each time
    "en": "<p>You are viewing a cached copy of this page as it appeared on December {n}, 2026 at 10:0{n} UTC.</p>",
    "fr": "<p>Ceci est une copie en cache de la page telle qu'elle était le {n} décembre 2026.</p>",
    "de": "<p>Dies ist eine zwischengespeicherte Version der Seite vom {n}. Dezember 2026.</p>",
}


@pytest.mark.parametrize("flip", ["layout", "base-href"] + [f"banner-{lang}" for lang in sorted(BANNERS)]
                         + [f"cached-{lang}" for lang in sorted(CACHE_NOTES)])
def test_the_same_terms_in_a_flipping_layout_banner_or_node_make_no_version(env, flip):
    runs = itertools.count()

    def page() -> str:
        odd = next(runs) % 2
        if flip == "layout":
            return layout_b() if odd else terms()
        if flip == "base-href":  # the node that answered names itself in <base>; the links are relative
            links = "<p>See the <a href='legal/privacy'>privacy policy</a>.</p>"
            return terms(extra=links).replace("<head>", f"<head><base href='https://www{odd + 1}.acme.example/'>")
        if flip.startswith("cached-"):
            return terms(extra=CACHE_NOTES[flip[7:]].format(n=next(runs)) if odd else "")
        return terms(extra=BANNERS[flip[7:]] if odd else "")
    env.server.page("/bad", lambda: html(page()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    for _ in range(3):
        assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    # a real change under the flip is recorded
    env.server.page("/bad", lambda: html(page().replace("thirty days", "ten days")))
    assert env.run(code=0)[BAD]["outcome"] == "changed"


def test_a_cookie_clause_added_to_the_terms_is_a_change_not_a_banner():
    from tracker.fetch import guards as guard

    base = "# Acme Terms\n\n## 1. Fees\n\nFees change with thirty days of notice.\n"
    clause = base + "\nWe use cookies to remember your language.\n"
    assert not guard.banner_only_change(base, clause)
    banner = base + "\nWe use cookies to remember your language.\n\n[Learn more](https://acme.example/c) OK\n"
    assert guard.banner_only_change(base, banner) and guard.banner_only_change(banner, base)
    # a banner and a changed clause at once: a change
    assert not guard.banner_only_change(base, banner.replace("thirty", "ten"))


FRAMESETS = {  # an old frameset page: the frame that holds the content, by its name or its share of the window
    "named": "<frameset cols='200,*'><frame src='/nav'><frame src='/legal/terms-body' name='main'></frameset>",
    "rows-star": "<frameset rows='80,*'><frame src='/banner'><frame src='/legal/terms-body'></frameset>",
    "star-first": "<frameset cols='*,240'><frame src='/legal/terms-body'><frame src='/ads'></frameset>",
}
VIEWERS = {  # the terms PDF in the page's own viewer
    "embed": "<h1>Acme Terms of Service</h1><embed src='/files/acme-terms.pdf' type='application/pdf' width='100%'>",
    "object": "<h1>Acme Terms</h1><object data='/files/acme-terms.pdf' type='application/pdf'><p>Your browser cannot "
              "show PDFs.</p></object>",
}


@pytest.mark.parametrize("name", sorted(FRAMESETS) + [f"viewer-{v}" for v in sorted(VIEWERS)])
def test_a_frameset_or_a_pdf_viewer_page_names_where_the_terms_are(env, name):
    if name in FRAMESETS:
        body, where = (f"<html><head><title>Acme Terms</title></head>{FRAMESETS[name]}</html>",
                       "its text is at " + env.server.url("/legal/terms-body"))
    else:
        body, where = terms(body=VIEWERS[name[7:]]), "the terms are at " + env.server.url("/files/acme-terms.pdf")
    env.server.page("/bad", lambda: html(body))
    for _ in range(2):  # a first run too, and every run
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and where in docs[BAD]["error"], docs[BAD]
    assert env.commits("faulty") == []


def test_terms_with_an_embedded_pdf_beside_their_text_are_terms(env):
    env.server.page("/bad", lambda: html(terms(extra="<embed src='/files/annex.pdf' type='application/pdf'>")))
    assert env.run(code=0)[BAD]["outcome"] == "new"

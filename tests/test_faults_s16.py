"""Faulty sites found by `benchmarks/fault_audit.py s16` (session 15): the terms of another region
after a geo redirect, terms now split over pages, sections a script loads later, a comment never
closed that hides the rest of the page, a page that only links to the terms as a PDF, a title that
says the terms moved, a redirect loop around a cookie, a Last-Modified in the future.

Each is refused with its reason (no version, first run included where the page alone tells), or,
for the Last-Modified, the real change behind it is recorded; a real change served after the fault
is recorded. The real CLI against a real local server (test_faults.py's ``env``); all texts are
invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, CLAUSES, TERMS, html
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env


@dataclass
class Body:  # what ``guards.unclosed_comment`` reads of a fetched page
    body: bytes
    content_type: str = "text/html"


def terms(body: str = CLAUSES, title: str = "Acme terms") -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home</nav><main><h1>Acme Terms "
            f"of Service</h1>{body}</main><footer>Acme</footer></body></html>")


def first_sections(n: int) -> str:
    return "".join("<h2>" + part for part in CLAUSES.split("<h2>")[1:n + 1])


PAGED = terms(first_sections(12) + "<nav class='pager'><span>Page 1 of 3</span> <a href='?page=2'>Next page ›</a></nav>")
LAZY = terms(first_sections(12) + "<div class='lazy-section' data-src='/api/sections?from=13'>Loading…</div>")
COMMENTED = terms(first_sections(25) + "<!-- legacy banner " + "".join(
    "<h2>" + part for part in CLAUSES.split("<h2>")[26:]))
PDF_ONLY = terms("<p>Our terms are a document you can keep: <a href='/files/acme-terms.pdf'>Download the Terms of "
                 "Service (PDF, 180 KB)</a></p>")
TITLE_MOVED = ("<!doctype html><html><head><title>Our Terms of Service have moved | Acme</title></head><body><main>"
               "<h1>Acme Legal Center</h1><p>Looking for our terms? Visit the <a href='/legal/terms-2026'>Acme Legal "
               "Center</a>.</p></main></body></html>")

# name -> (the page served, the reason a run gives, whether a first run refuses it too)
PAGES = {
    "paginated": (PAGED, "then a link to the next page", False),
    "lazy-sections": (LAZY, "loading placeholder", True),
    "unclosed-comment": (COMMENTED, "never closes it", True),
    "pdf-link": (PDF_ONLY, "the terms are at http://127.0.0.1:", True),
    "title-moved": (TITLE_MOVED, "moved page; the page says it moved to http://127.0.0.1:", True),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_that_is_not_the_whole_terms_is_refused_and_the_real_change_after_it_recorded(env, name):
    body, reason, first_too = PAGES[name]
    if first_too:
        env.server.page("/bad", lambda: html(body))
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and reason in docs[BAD]["error"], docs[BAD]
        assert env.commits("faulty") == []
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(body))
    for _ in range(3):  # never held then recorded, however long it lasts
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and reason in docs[BAD]["error"], docs[BAD]
    assert len(env.commits("faulty")) == 1
    status = env.tracker("status", code=None).output
    assert "FAILING" in status and "not recorded" in status, status
    env.server.page("/bad", lambda: html(TERMS.replace("thirty days", "seven days")))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "changed" and "seven days" in env.text("faulty")


def test_a_geo_redirect_to_another_regions_terms_is_refused(env, server):
    env.bad_url = server.url("/us/terms")
    server.page("/us/terms", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    server.page("/us/terms", lambda: web.Response(status=302, headers={"Location": "/gb/terms"}))
    server.page("/gb/terms", lambda: html(TERMS.replace("thirty days", "fourteen days")))
    for _ in range(3):
        docs = env.run(code=1)
        error = docs[BAD]["error"]
        assert docs[BAD]["outcome"] == "failed" and "another region's page" in error and "'us', to 'gb'" in error
    assert len(env.commits("faulty")) == 1
    assert "served another region's terms for 3 run(s), not recorded" in env.tracker("status", code=None).output


def test_a_cookie_redirect_loop_says_so(env, server):
    def loop() -> web.Response:
        resp = web.Response(status=302, headers={"Location": "/bad"})
        resp.set_cookie("checked", "1", secure=True)  # never sent back over http
        return resp

    server.page("/bad", loop)
    docs = env.run(code=1)
    assert "sets a cookie and redirects again at every hop" in docs[BAD]["error"], docs[BAD]
    assert env.commits("faulty") == []


def test_a_last_modified_in_the_future_hides_no_change(env, server):
    future = "Fri, 01 Jan 2100 00:00:00 GMT"
    served = {"text": TERMS}

    async def naive(request: web.Request) -> web.Response:
        if request.headers.get("If-Modified-Since") == future:  # "not modified since 2100": always
            return web.Response(status=304, headers={"Last-Modified": future})
        return web.Response(body=served["text"].encode(), headers={"Content-Type": "text/html",
                                                                     "Last-Modified": future})

    server.routes["/bad"] = naive
    assert env.run(code=0)[BAD]["outcome"] == "new"
    served["text"] = TERMS.replace("thirty days", "seven days")
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "changed", docs[BAD]
    assert not any(h.headers.get("If-Modified-Since") == future for h in server.hits if h.path == "/bad")


@pytest.mark.parametrize("url, final, swapped", [
    ("https://a.example/us/terms", "https://a.example/gb/terms", ("us", "gb")),
    ("https://a.example/en-us/legal/terms", "https://a.example/de-de/legal/terms", ("en-us", "de-de")),
    ("https://a.example/terms?country=us", "https://a.example/terms?country=fr", ("us", "fr")),
    ("https://a.example/en/terms", "https://a.example/en-us/terms", None),  # the same terms, refined
    ("https://a.example/terms", "https://a.example/en-us/terms", None),  # a locale added: the site's scheme
    ("https://a.example/us/terms", "https://a.example/us/terms-of-service", None),  # another page name
    ("https://a.example/us/terms", "https://a.example/us/terms", None),
])
def test_region_redirect(url, final, swapped):
    assert guard.region_redirect(url, final) == swapped


def test_the_page_alone_rules_leave_terms_alone():
    # a comment closed, and a stray one before a footer of two links, are no fault
    closed = terms(first_sections(10) + "<!-- a note -->" + first_sections(3)).encode()
    stray = terms(first_sections(10)).replace("<footer>", "<!-- old footer <footer><p>Acme</p><p>Help</p>").encode()
    for body in (closed, stray):
        assert guard.unclosed_comment([Body(body)]) is None
    assert guard.unclosed_comment([Body(COMMENTED.encode())]) is not None
    assert guard.unclosed_comment([Body(COMMENTED.encode(), "application/pdf")]) is None
    # a "Loading comments" line with no lazy element, and a lazy element the text does not show
    assert guard.still_loading("# Terms\n\nLoading…", b"<main><p>Loading\xe2\x80\xa6</p></main>") is None
    assert guard.still_loading("# Terms\n\nWe keep your data.", LAZY.encode()) is None
    # article navigation under whole terms is no page of them
    latest = "# Terms\n\n" + "\n\n".join(f"Clause {i}: we keep your rights." for i in range(40))
    assert guard.teaser(latest, latest + "\n\n[Next page: Privacy Policy](/privacy)") is None
    # long terms that link to a PDF copy are terms
    long_terms = guard.Page("We keep your data. " * 60, "", PDF_ONLY.encode(), "https://a.example/t", "")
    assert guard.pdf_link(long_terms) is None


def test_hedged_and_sure_moves():
    assert guard._said_moved("Our Terms of Service have moved") is not None
    assert guard._said_moved("This page does not exist or has been moved") is None
    assert guard._said_moved("The page may have moved") is None
    assert guard._said_moved("Deze pagina bestaat niet of is verplaatst") is None

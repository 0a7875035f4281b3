"""Pages real sites serve in place of their terms that no older rule named (found by
`benchmarks/fault_audit.py fresh`): a parked domain, the web server's default page, an application
error, a page closed to the reader's region, an unsupported-browser or ad-blocker wall, a sign-in
wall with single sign-on buttons only, a CMP's consent screen, a template served unrendered, a list
of links to per-country terms, the terms' title and date without their body, a home page reached
with a tracking query. Each is refused with its name whether a version exists or not, shown by
`tracker status` and the attention feed, never recorded; the real terms served next are recorded.
And the same terms served oddly (a PHP warning printed above them, shown twice) are no version.

The real CLI against a real local server (test_faults.py's ``env``); all texts are invented.
"""

from __future__ import annotations

import json

import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, CLAUSES, TERMS, Env, html
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env


def _page(body: str, title: str = "Acme") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body><main>{body}</main></body></html>"


# name -> (the page served, the reason a run gives, what status and the feed say it served)
WALLS: dict[str, tuple[str, str, str]] = {
    "parked-domain": (_page("<h1>acme.example</h1><p>This domain may be for sale!</p><p><a href='https://park."
                            "example/buy'>Buy this domain</a></p><ul><li><a href='/s?q=1'>Cheap flights</a></li></ul>",
                            "acme.example - domain for sale"),
                      "looks like an error page: parked domain", "a parked domain's page"),
    "server-default-page": ("<!doctype html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to "
                            "nginx!</h1><p>If you see this page, the nginx web server is successfully installed and "
                            "working. Further configuration is required.</p></body></html>",
                            "looks like an error page: web server's default page", "the web server's default page"),
    "apache-it-works": ("<html><body><h1>It works!</h1></body></html>",
                        "looks like an error page: web server's default page", "the web server's default page"),
    "database-error": (_page("<h1>Error establishing a database connection</h1>", "Database Error"),
                       "looks like an error page: status or server error page", "a status or server error page"),
    "php-fatal-error": (_page("<b>Fatal error</b>: Uncaught PDOException: could not find driver in "
                              "/srv/www/legal.php on line 31"),
                        "looks like an error page: status or server error page", "a status or server error page"),
    "geo-block": (_page("<h1>This service is not available in your country</h1><p>We are working to bring it to "
                        "more places soon.</p>", "Not available"),
                  "looks like an error page: geo block", "a page closed to the tracker's region"),
    "geo-block-fr": (_page("<h1>Ce site n’est pas disponible dans votre pays</h1><p>Merci de votre "
                           "compréhension.</p>"), "looks like an error page: geo block",
                     "a page closed to the tracker's region"),
    "unsupported-browser": (_page("<h1>Your browser is not supported</h1><p>Please upgrade to a modern browser to "
                                  "keep using Acme.</p>"),
                            "looks like an error page: unsupported-browser page", "an unsupported-browser page"),
    "ad-blocker-wall": (_page("<h2>It looks like you're using an ad blocker</h2><p>Please disable your ad blocker to "
                              "continue.</p><button>Done</button>"),
                        "looks like an error page: ad-blocker wall", "an ad-blocker wall"),
    "sign-in-wall-sso": (_page("<h1>Log in to continue</h1><p>Members of the Acme workspace only.</p><a href='/sso'>"
                               "Continue with Google</a> <a href='/sso/ms'>Continue with Microsoft</a>"),
                         "looks like an error page: login page", "a login page"),
    "consent-cmp": (_page("<h1>acme.example asks for your consent to use your personal data to:</h1><ul><li>Store "
                          "and/or access information on a device</li></ul><p>Your data may be shared with 120 "
                          "vendors.</p><button>Do not consent</button><button>Consent</button>"),
                    "looks like an error page: consent screen", "a consent screen"),
    "template-unrendered": (_page("<h1>{{ doc.title }}</h1><p>{{ doc.updated | date }}</p><div>{{{ doc.body }}}"
                                  "</div>", "{{ doc.title }}"),
                            "looks like an error page: template served unrendered", "a template served unrendered"),
    "per-country-hub": (_page("<h1>Terms of Service</h1><p>Choose the terms that apply to you:</p><ul>" + "".join(
        f"<li><a href='/{c}/terms'>Terms of Service ({c.upper()})</a></li>" for c in ("us", "uk", "eu", "ca", "au"))
        + "</ul>", "Terms of Service"),
        "looks like an error page: list of links to other documents", "a list of links to other documents"),
    "title-and-date-only": (_page("<h1>Acme Terms of Service</h1><p>Last updated: 4 May 2026</p><div class='cms'>"
                                  "</div>", "Acme Terms"),
                            "looks like an error page: a page with no terms in it", "a page with no terms"),
}


@pytest.mark.parametrize("name", sorted(WALLS))
def test_a_wall_is_refused_first_and_after_a_version_and_the_real_terms_are_recorded(env, name):
    body, reason, served = WALLS[name]
    env.server.page("/bad", lambda: html(body))
    docs = env.run(code=1)  # no version yet: refused, named
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
    assert f"served {served} for 3 run(s), not recorded" in status, status
    env.server.page("/bad", lambda: html(TERMS.replace("thirty days", "seven days")))
    docs = env.run(code=0)  # a real change served after the wall
    assert docs[BAD]["outcome"] == "changed" and len(env.commits("faulty")) == 2
    assert "seven days" in env.text("faulty")


def test_the_attention_feed_names_the_wall(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html(WALLS["parked-domain"][0]))
    env.run(code=1)
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    items = json.loads((out / "attention.json").read_text(encoding="utf-8"))["items"]
    assert len(items) == 1 and "parked domain" in json.dumps(items[0]), items


def _redirect_home(env: Env, location: str) -> None:
    env.server.page("/bad", lambda: web.Response(status=301, headers={"Location": location}))
    home = _page("<h1>Welcome to Acme</h1><p>Plan trips with friends. Start free.</p>")
    for path in ("/", "/en/"):
        env.server.page(path, lambda: html(home))


@pytest.mark.parametrize("location", ["/?utm_source=old-terms&ref=footer", "/?from=legal", "/en/?lang=en"])
def test_a_redirect_home_with_a_referral_query_is_the_home_page(env, location):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    _redirect_home(env, location)
    docs = env.run(code=1)
    assert docs[BAD]["outcome"] == "failed" and "redirected to the site's home page" in docs[BAD]["error"]
    assert len(env.commits("faulty")) == 1


@pytest.mark.parametrize(("url", "final", "home"), [
    ("https://a.example/terms", "https://a.example/?utm_campaign=x&utm_source=y", True),
    ("https://a.example/terms", "https://a.example/?ref=footer&hl=fr", True),
    ("https://a.example/terms", "https://a.example/?page=terms", False),  # a page, not a home page
    ("https://a.example/terms", "https://a.example/index.php?id=12&utm_source=x", False),
])
def test_redirected_home_reads_a_referral_query_as_no_page(url, final, home):
    assert guard.redirected_home(url, final) is home


def _warned(line: int, terms: str = TERMS) -> str:
    # (printed where the failing code ran: the include of the page's body)
    return terms.replace("<main>", f"<main><br />\n<b>Warning</b>:  Undefined variable $locale in <b>/var/www/html/"
                                   f"legal/terms.php</b> on line <b>{line}</b><br />\n", 1)


def test_a_php_warning_printed_above_the_same_terms_is_no_version(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    for line in (12, 14, 12):  # the warning comes, moves with each deploy
        env.server.page("/bad", lambda line=line: html(_warned(line)))
        docs = env.run(code=0)
        assert docs[BAD]["outcome"] == "unchanged", docs[BAD]
    env.server.page("/bad", lambda: html(_warned(15, TERMS.replace("thirty days", "ten days"))))
    docs = env.run(code=0)  # a real change under the warning is recorded
    assert docs[BAD]["outcome"] == "changed" and len(env.commits("faulty")) == 2


def test_the_terms_shown_twice_are_the_same_terms(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    doubled = TERMS.replace("</main>", f"</main><div class='mobile'>{CLAUSES}</div>")
    env.server.page("/bad", lambda: html(doubled))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    env.server.page("/bad", lambda: html(TERMS))  # and once again
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    changed = doubled.replace("<h2>3. Clause 3</h2>", "<h2>3. Clause 3</h2><p>A new fee of 5 euros applies.</p>", 1)
    env.server.page("/bad", lambda: html(changed))
    assert env.run(code=0)[BAD]["outcome"] == "changed"


def test_markup_where_a_status_line_was_due_is_named(env):
    body = TERMS.encode()
    raw = test_faults.RawServer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
                                % (len(body) // 2) + body)
    env.raw.append(raw)
    env.bad_url = f"http://127.0.0.1:{raw.port}/terms"
    docs = env.run(code=1)
    assert docs[BAD]["outcome"] == "failed" and "HTML where an HTTP status line was due" in docs[BAD]["error"]
    assert env.commits("faulty") == []


# --------------------------------------------------------------------------- the rules alone

SHORT_POLICY = ("# Acme Privacy Notice\n\nWe collect your email address to send receipts. We never sell your "
                "personal data, and you may ask us to delete it at any time.")


@pytest.mark.parametrize(("text", "rule"), [
    ("# Terms\n\nOur service is not available in your country in some cases; these terms govern its use where it "
     "is offered. You agree to the terms and the liability limits of section 4.", guard.geo_blocked),
    ("# Terms of Service\n\n- [Section 1](#s1)\n- [Section 2](#s2)\n- [Section 3](#s3)\n- [Section 4](#s4)\n\n"
     "1. You agree to these terms when you use the service. 2. We may end your account for a breach.\n\n"
     "3. Disputes go to the courts of Lisbon. 4. Fees are due monthly.", guard.link_hub),
    ("# Acme Terms\n\nPlease log in to your account to change your plan. You agree to pay the fees shown there, "
     "and we may suspend an account that does not pay them.", guard.sign_in_wall),
    (SHORT_POLICY, guard.unrendered_template),
    (SHORT_POLICY + "\n\nUse ${variable} and {{ name }} in your own templates at your own risk.",
     guard.unrendered_template),
])
def test_the_new_rules_leave_short_terms_alone(text, rule):
    assert not rule(guard.Page(text, "", b"")), text
    assert guard.error_page(text) is None


@pytest.mark.parametrize(("latest", "text", "same"), [
    ("a\nb\nc\nd", "a\nb\nc\nd\na\nb\nc\nd", True),  # shown twice
    ("a\nb\nc\nd", "a\nb\nc\nd\nd", False),  # one line repeated: no copy
    ("a\nb\nc\nd", "a\nb\nc\ne\na\nb\nc\ne", False),  # another line in it
    ("a\nb\nc\nd", "d\nc\nb\na", False),  # the same lines, reordered: for the analysis to say
])
def test_repeated_copy_rule(latest, text, same):
    assert guard.repeated_copy(latest, text) is same


def test_server_messages_are_lines_naming_a_file_and_a_line():
    text = ("**Warning**: Undefined array key \"x\" in **/var/www/a.php** on line **3**\n# Terms\n\n"
            "Notice: you must give us notice in writing within 30 days.\n")
    assert guard.without_server_messages(text) == ("# Terms\n\nNotice: you must give us notice in writing within "
                                                   "30 days.\n")

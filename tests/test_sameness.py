"""No version without a clause change: volatile link tokens, layout and Markdown dialect.

Unit tests of ``tracker.analysis.sameness`` and runs of the real CLI against a local server whose
fictional pages change their tokens on every request. Every service and token is invented.
"""

from __future__ import annotations

import itertools
import json
import secrets
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Response

from tracker.analysis.sameness import fold_markdown, same_terms
from tracker.cli.app import cli
from tracker.fetch.browser import chromium_path

BASE = """# Inkwell Terms

## Fees

You pay **monthly** and _on time_.

- Notebooks are private.
- Sharing is optional.
  - Links expire after 7 days.

1. Sign up.
2. Pay.

Write to [support](https://go.inkwell.example/r/0f8fad5b-d9cb-469f-a165-70867728950e?sig=AT3xY9kQ_pL2mN8vR4tZ).
"""


@pytest.mark.parametrize("other", [
    BASE.replace("  - Links", "    - Links"),                                   # indentation
    BASE.replace("\n\n- Notebooks", "\n- Notebooks"),                            # blank lines
    BASE.replace("- Notebooks", "* Notebooks").replace("- Sharing", "+ Sharing"),  # bullet dialect
    BASE.replace("_on time_", "*on time*").replace("**monthly**", "__monthly__"),  # emphasis dialect
    BASE.replace("# Inkwell Terms\n", "Inkwell Terms\n=============\n").replace("## Fees", "Fees\n----"),
    BASE.replace("1. Sign", "1) Sign").replace("2. Pay", "2) Pay"),
    BASE.replace("0f8fad5b-d9cb-469f-a165-70867728950e", str(uuid.UUID(int=12345))),  # volatile tokens
    BASE.replace("AT3xY9kQ_pL2mN8vR4tZ", "Zq8pW2xV7mN4kL9jH3gF"),
    BASE.replace("Pay.", "Pay\\."),                                              # an escape
])
def test_differences_the_clause_split_does_not_see_are_the_same_terms(other: str) -> None:
    assert other != BASE
    assert same_terms(BASE, other) and same_terms(other, BASE)


@pytest.mark.parametrize("other", [
    BASE.replace("monthly", "yearly"),                               # a word
    BASE.replace("go.inkwell.example/r/", "go.inkwell.example/help/"),  # a link target, not a token
    BASE.replace("sig=", "signature="),                              # a parameter name
    BASE.replace("Fees", "Charges"),                                 # a heading
    BASE.replace("**monthly**", "monthly"),                          # formatting is a clause change
    BASE.replace("1. Sign up.\n2. Pay.", "1. Pay.\n2. Sign up."),       # an order
    BASE + "\nNew clause.\n",
])
def test_clause_changes_are_not_the_same_terms(other: str) -> None:
    assert not same_terms(BASE, other)


def test_fold_markdown_gives_one_spelling() -> None:
    assert fold_markdown("Title\n=====\n\n* a\n+ b\n\n1) c\n\n__x__ and _y_ and snake_case_name\n\n"
                         "* * *\n\n[https://inkwell.example](https://inkwell.example)\n") == (
        "# Title\n\n- a\n- b\n\n1. c\n\n**x** and *y* and snake_case_name\n\n---\n\n<https://inkwell.example>\n")


# --------------------------------------------------------------------------- through a real run

requests = itertools.count()


def noisy_page(clause: str) -> str:
    """A terms page whose links carry per-request tokens, as real ones do."""
    n = next(requests)
    key = secrets.randbelow(255) + 1
    email = f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in b"legal@inkwell.example")
    return f"""<!doctype html><html><head><noscript><iframe src="/ns.html?id={n}"/></noscript></head><body>
<main><h1>Inkwell Terms</h1>
<p>{clause}</p>
<p>Questions: <a href="/cdn-cgi/l/email-protection#{email}"><span class="__cf_email__" data-cfemail="{email}">[email&#160;protected]</span></a>.</p>
<p>Our partner's <a href="https://l.chirper.example/l.php?u=https%3A%2F%2Fpartner.example%2Fprivacy&h={secrets.token_urlsafe(24)}">privacy policy</a>,
the <a href="https://go.inkwell.example/r/{uuid.uuid4()}">status page</a>,
<a href="https://inkwell.example/help?utm_source=terms&fbclid={secrets.token_urlsafe(18)}&topic=billing">billing help</a>,
<a href="https://inkwell.example/export#{secrets.token_hex(16)}">export</a>.</p>
</main></body></html>"""


MARKDOWN_VARIANTS = [
    "# Inkwell Pro Terms\n\n- Backups are daily.\n  - Kept for 30 days.\n\n_Refunds_ within 14 days.\n",
    "Inkwell Pro Terms\n=================\n\n* Backups are daily.\n    * Kept for 30 days.\n\n\n*Refunds* within 14 days.\n",
    "# Inkwell Pro Terms\n\n+ Backups are daily.\n   + Kept for 30 days.\n\n_Refunds_ within 14 days.\n",
]


@pytest.fixture
def inkwell(tmp_path: Path, httpserver):  # type: ignore[no-untyped-def]
    state = {"clause": "Notes are kept for 30 days after deletion.", "markdown": 0}
    httpserver.expect_request("/robots.txt").respond_with_response(Response("", status=404))
    httpserver.expect_request("/terms").respond_with_handler(
        lambda request: Response(noisy_page(state["clause"]), content_type="text/html; charset=utf-8"))
    httpserver.expect_request("/pro.md").respond_with_handler(
        lambda request: Response(MARKDOWN_VARIANTS[state["markdown"] % len(MARKDOWN_VARIANTS)],
                                 content_type="text/markdown; charset=utf-8"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[service]]
id = "inkwell"
name = "Inkwell"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/terms')}"
  select = ["main"]

  [[service.document]]
  type = "Pro Terms"
  url = "{httpserver.url_for('/pro.md')}"
""", encoding="utf-8")
    store = tmp_path / "store"

    def tracker(*args: str) -> dict:  # type: ignore[type-arg]
        result = CliRunner().invoke(cli, ["--store", str(store), "--sources", str(sources), *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    def run() -> dict[str, str]:
        report = tracker("run", "--host-delay", "0", "--json")
        return {d["key"]: d["outcome"] for d in report["documents"]}

    return tracker, run, state, store


def test_tokens_that_change_on_every_request_never_make_a_version(inkwell) -> None:  # type: ignore[no-untyped-def]
    tracker, run, state, store = inkwell
    assert run() == {"inkwell/Terms of Service": "new", "inkwell/Pro Terms": "new"}
    first = (store / "archive" / "inkwell" / "Terms of Service.md").read_text(encoding="utf-8")
    assert "<legal@inkwell.example>" in first  # the protected address, decoded
    assert "[privacy policy](https://partner.example/privacy)" in first  # the redirector, unwrapped
    assert "[billing help](https://inkwell.example/help?topic=billing)" in first  # no tracking parameters
    for variant in (1, 2, 3):
        state["markdown"] = variant
        assert run() == {"inkwell/Terms of Service": "unchanged", "inkwell/Pro Terms": "unchanged"}
    # the archive keeps its first text and raw bytes: nothing was rewritten
    assert (store / "archive" / "inkwell" / "Terms of Service.md").read_text(encoding="utf-8") == first
    assert len(tracker("history", "inkwell", "Terms of Service", "--json")) == 1

    state["clause"] = "Notes are kept for 90 days after deletion."
    assert run()["inkwell/Terms of Service"] == "changed"
    history = tracker("history", "inkwell", "Terms of Service", "--json")
    assert len(history) == 2 and history[-1]["material"]
    assert run()["inkwell/Terms of Service"] == "unchanged"  # and the new tokens again are not one


# --------------------------------------------------------------------------- the browser path

HEAD_NOSCRIPT = """<!doctype html><html><head><meta charset="utf-8"><title>Inkwell</title>
<noscript><iframe src="/ns.html?id=GTM-1" height="0" width="0" style="display:none"/></noscript>
</head><body><nav>Menu</nav><main><h1>Inkwell Privacy</h1>
<ul><li>Analytics</li><ul><li>Aggregated only</li></ul><li>Backups</li></ul>
<p>We keep logs for 14 days.</p></main><noscript>Enable JavaScript.</noscript></body></html>"""


def test_browser_and_http_paths_extract_the_same_text(tmp_path: Path, httpserver) -> None:  # type: ignore[no-untyped-def]
    if not Path(chromium_path()).is_file():
        pytest.skip(f"no Chromium at {chromium_path()}: apt-get install -y chromium (or set TRACKER_CHROMIUM)")
    pytest.importorskip("playwright.async_api", reason="pip install -e '.[browser]' (no 'playwright install')")
    httpserver.expect_request("/robots.txt").respond_with_response(Response("", status=404))
    httpserver.expect_request("/privacy").respond_with_response(Response(HEAD_NOSCRIPT, content_type="text/html"))
    httpserver.expect_request("/ns.html").respond_with_response(Response("<p>tracking frame</p>", content_type="text/html"))
    sources = tmp_path / "sources.toml"
    url = httpserver.url_for("/privacy")
    sources.write_text(f"""
[[service]]
id = "inkwell"
name = "Inkwell"

  [[service.document]]
  type = "Privacy HTTP"
  url = "{url}"
  select = ["main"]

  [[service.document]]
  type = "Privacy Browser"
  url = "{url}"
  select = ["main"]
  render = "browser"
""", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "--sources", str(sources), "run", "--host-delay", "0",
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"]["new"] == 2
    http = (store / "archive" / "inkwell" / "Privacy HTTP.md").read_text(encoding="utf-8")
    browser = (store / "archive" / "inkwell" / "Privacy Browser.md").read_text(encoding="utf-8")
    assert http == browser == ("# Inkwell Privacy\n\n- Analytics\n  - Aggregated only\n- Backups\n\n"
                               "We keep logs for 14 days.\n")

"""`render = "browser"`: pages whose terms are written by JavaScript, tracked with headless Chromium.

The rendering tests need Debian's ``chromium`` (apt-get install chromium) and the ``playwright``
Python package (its wheel ships the driver; never ``playwright install``); they skip with a
message when either is missing. The failure-path tests need neither.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from tracker.fetch.browser import chromium_path

# A fictional chat service whose terms page is an empty shell: a script fetches the clauses
# from an API and writes them into the DOM, so a plain fetch sees only "Loading the terms...".
SHELL = """<!doctype html><html><head><meta charset="utf-8"><title>Wisp Chat terms</title></head>
<body><main id="terms"><h1>Wisp Chat Terms of Service</h1><p id="loading">Loading the terms...</p></main>
<script>
fetch("/api/clauses").then(r => r.json()).then(clauses => {
  const main = document.getElementById("terms");
  document.getElementById("loading").remove();
  for (const c of clauses) {
    const h = document.createElement("h2"); h.textContent = c.title; main.appendChild(h);
    const p = document.createElement("p"); p.textContent = c.text; main.appendChild(p);
  }
});
</script></body></html>"""


def clauses(days: int) -> list[dict[str, str]]:
    return [
        {"title": "1. Messages", "text": f"We delete your messages {days} days after you delete your account."},
        {"title": "2. Fees", "text": "Wisp Plus costs 4 euros per month and renews automatically."},
    ]


def browser_or_skip() -> None:
    path = chromium_path()
    if not Path(path).is_file():
        pytest.skip(f"no Chromium at {path}: apt-get install -y chromium (or set TRACKER_CHROMIUM)")
    pytest.importorskip("playwright.async_api", reason="pip install -e '.[browser]' (no 'playwright install')")


@pytest.fixture
def wisp(tmp_path: Path, httpserver, tracker_cli):  # type: ignore[no-untyped-def]
    state = {"days": 30}
    httpserver.expect_request("/terms").respond_with_handler(
        lambda request: Response(SHELL, content_type="text/html; charset=utf-8"))
    httpserver.expect_request("/api/clauses").respond_with_handler(
        lambda request: Response(json.dumps(clauses(state["days"])), content_type="application/json"))
    httpserver.expect_request("/gone").respond_with_handler(lambda request: Response("gone", status=410))
    sources = tmp_path / "sources.toml"
    url = httpserver.url_for("/terms")

    def write_sources(extra: str = "") -> None:
        sources.write_text(f"""
[[service]]
id = "wisp"
name = "Wisp Chat"

  [[service.document]]
  type = "Terms of Service"
  url = "{url}"
  render = "browser"

  [[service.document]]
  type = "Terms Plain Fetch"
  url = "{url}"
{extra}""", encoding="utf-8")

    write_sources()
    tracker = tracker_cli(sources)
    return tracker, tracker.store, state, write_sources


def archived(store: Path, doc_type: str) -> str:
    return (store / "archive" / "wisp" / f"{doc_type}.md").read_text(encoding="utf-8")


def test_script_written_clauses_are_tracked_only_with_render_browser(wisp) -> None:  # type: ignore[no-untyped-def]
    browser_or_skip()
    tracker, store, state, _ = wisp
    started = time.monotonic()
    first = json.loads(tracker("run", "--json", code=1).output)
    elapsed = time.monotonic() - started
    assert first["counts"]["new"] == 1 and first["counts"]["failed"] == 1, first

    rendered = archived(store, "Terms of Service")
    assert "We delete your messages 30 days after you delete your account." in rendered
    assert "Wisp Plus costs 4 euros per month" in rendered and "Loading the terms" not in rendered
    # Fetched without a browser, the shell ("Loading the terms...", scripts) is no version.
    plain = next(d for d in first["documents"] if d["key"] == "wisp/Terms Plain Fetch")
    assert plain["error"].startswith("looks like an error page: page that needs JavaScript"), plain
    assert not (store / "archive" / "wisp" / "Terms Plain Fetch.md").exists()
    raw = (store / "archive" / ".raw" / "wisp" / "Terms of Service.html").read_text(encoding="utf-8")
    assert "We delete your messages 30 days" in raw  # the rendered DOM is the raw version
    print(f"\nfirst run with one browser document: {elapsed:.2f} s")

    # Unchanged, then a change made by the API only: the diff names it.
    assert json.loads(tracker("run", "--json", code=1).output)["counts"]["unchanged"] == 1
    state["days"] = 90
    second = json.loads(tracker("run", "--json", code=1).output)
    changed = [d["key"] for d in second["documents"] if d["outcome"] == "changed"]
    assert changed == ["wisp/Terms of Service"]
    diff = json.loads(tracker("diff", "wisp", "Terms of Service", "--json").output)
    assert [c["kind"] for c in diff["changes"]] == ["modified"]
    assert "30 days" in diff["changes"][0]["before"] and "90 days" in diff["changes"][0]["after"]


def test_browser_http_errors_are_per_document_failures(wisp, httpserver) -> None:  # type: ignore[no-untyped-def]
    browser_or_skip()
    tracker, store, _, write_sources = wisp
    write_sources(f"""
  [[service.document]]
  type = "Gone Page"
  url = "{httpserver.url_for('/gone')}"
  render = "browser"
""")
    result = json.loads(tracker("run", "--json", code=1).output)
    by_key = {d["key"]: d for d in result["documents"]}
    assert by_key["wisp/Gone Page"]["outcome"] == "failed"
    assert by_key["wisp/Gone Page"]["error"].startswith("HTTP 410")
    assert by_key["wisp/Terms of Service"]["outcome"] == "new"


@pytest.mark.parametrize("missing", ["chromium", "playwright"])
def test_missing_browser_is_a_clear_per_document_failure(wisp, monkeypatch, missing: str) -> None:  # type: ignore[no-untyped-def]
    tracker, store, _, _ = wisp
    if missing == "chromium":
        monkeypatch.setenv("TRACKER_CHROMIUM", "/nonexistent/chromium")
    else:
        monkeypatch.setitem(sys.modules, "playwright.async_api", None)  # import fails
    result = json.loads(tracker("run", "--json", code=1).output)
    by_key = {d["key"]: d for d in result["documents"]}
    error = by_key["wisp/Terms of Service"]["error"]
    assert by_key["wisp/Terms of Service"]["outcome"] == "failed"
    assert error.startswith("render = 'browser' needs playwright and Chromium: "
                            "pip install -e '.[browser]' and apt-get install chromium")
    assert ("/nonexistent/chromium" if missing == "chromium" else "not installed") in error
    # The plain fetch is judged on its own: the shell it gets is refused for what it is (a page
    # that needs JavaScript), not for the missing browser, and nothing is recorded.
    plain = by_key["wisp/Terms Plain Fetch"]
    assert plain["outcome"] == "failed" and "render = 'browser'" not in plain["error"]
    assert plain["error"].startswith("looks like an error page: page that needs JavaScript"), plain
    assert not (store / "archive" / "wisp").exists()


def test_bad_render_value_is_refused_with_its_line(wisp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tracker, _, _, write_sources = wisp
    write_sources('  render = "chrome"\n')
    out = tracker("run", code=2).output
    assert "sources.toml:14: 'render' in document 'Terms Plain Fetch' of service 'wisp' must be" in out
    assert '"http"' in out and '"browser"' in out and "'chrome'" in out


def test_browser_documents_share_the_per_host_limit(tmp_path: Path, tracker_cli) -> None:
    """Four slow browser documents on one host: rendered in parallel, never more than
    ``--per-host`` (2) page loads at once, like plain fetches."""
    import threading

    from pytest_httpserver import HTTPServer

    browser_or_skip()
    lock = threading.Lock()
    in_flight, peak = [0], [0]

    def slow_page(request):  # type: ignore[no-untyped-def]
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        # hold the page until a second load overlaps it (a loaded machine may start the second
        # browser page later than a fixed sleep allows), then a little longer: a third would show
        deadline = time.monotonic() + 5
        while peak[0] < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        with lock:
            in_flight[0] -= 1
        return Response(f"<html><body><p>Clause of page {request.path}.</p></body></html>", content_type="text/html")

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)  # the fixture's server is single-threaded
    server.start()
    try:
        docs = ""
        for n in range(1, 5):
            server.expect_request(f"/p{n}").respond_with_handler(slow_page)
            docs += f'\n  [[service.document]]\n  type = "Page {n}"\n  url = "{server.url_for(f"/p{n}")}"\n  render = "browser"\n'
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[service]]\nid = "wisp"\nname = "Wisp Chat"\n{docs}', encoding="utf-8")
        result = tracker_cli(sources)("run", "--per-host", "2", "--json")
        assert json.loads(result.output)["counts"]["new"] == 4
        assert peak[0] == 2
    finally:
        server.clear()
        server.stop()


@pytest.mark.parametrize("status,after,requests,said", [
    (429, "3600", 1, "the server asks to retry after 60 min, longer than the 60 s a run waits: not waited for"),
    (503, "7200", 1, "the server asks to retry after 2 h"),
    (503, "0", 3, "(after 3 attempts)"),
])
def test_browser_honours_retry_after_like_a_fetch(tmp_path: Path, httpserver, tracker_cli,  # type: ignore[no-untyped-def]
                                                  status: int, after: str, requests: int, said: str) -> None:
    """A rate limit or an outage whose Retry-After is far longer than a run waits is one request,
    reported with when to come back, in the browser as over HTTP (the browser path used to retry
    it at once, as many times as the run allows); a short one is retried."""
    browser_or_skip()
    hits: list[str] = []

    def limited(request):  # type: ignore[no-untyped-def]
        hits.append(request.path)
        return Response("<h1>Slow down</h1>", status=status, headers={"Retry-After": after},
                        content_type="text/html")

    httpserver.expect_request("/limited").respond_with_handler(limited)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "wisp"\nname = "Wisp Chat"\n  [[service.document]]\n'
                       f'  type = "Terms of Service"\n  url = "{httpserver.url_for("/limited")}"\n'
                       f'  render = "browser"\n', encoding="utf-8")
    tracker = tracker_cli(sources)
    # a pause longer than a run waits skips the document in this run (ops34); a short one fails after retries
    skipped = requests == 1
    result = json.loads(tracker("run", "--json", "--retry-backoff", "0", code=0 if skipped else 1).output)
    doc = result["documents"][0]
    reason = doc["summary"] if skipped else doc["error"]
    assert doc["outcome"] == ("skipped" if skipped else "failed") and reason.startswith(f"HTTP {status}"), doc
    assert said in reason, doc
    assert len(hits) == requests, hits
    row = json.loads(tracker("status", "--json").output)[0]
    assert said.split(",")[0] in row["error"], row
    assert not (tracker.store / "archive" / "wisp").exists()


def test_terms_a_script_writes_after_the_network_went_idle_are_waited_for(tmp_path: Path, httpserver,  # type: ignore[no-untyped-def]
                                                                          tracker_cli) -> None:
    """A page whose script writes the terms on a timer, 1.5 s after the load, with no request to
    show for it (hydration, an animation): the browser waits for the text to appear instead of
    reading the empty frame, so the terms are recorded on the first run, not refused as a page
    that needs JavaScript."""
    browser_or_skip()
    clauses_html = "".join(f"<h2>{c['title']}</h2><p>{c['text']}</p>" for c in clauses(30)) * 3
    page = ("<!doctype html><html><head><title>Wisp Chat terms</title></head><body><nav>Home</nav><main></main>"
            f"<script>setTimeout(() => {{ document.querySelector('main').innerHTML = {json.dumps(clauses_html)}; }}, "
            "1500);</script></body></html>")
    httpserver.expect_request("/late").respond_with_handler(
        lambda request: Response(page, content_type="text/html; charset=utf-8"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "wisp"\nname = "Wisp Chat"\n\n  [[service.document]]\n'
                       f'  type = "Terms of Service"\n  url = "{httpserver.url_for("/late")}"\n  render = "browser"\n',
                       encoding="utf-8")
    tracker = tracker_cli(sources)
    result = json.loads(tracker("run", "--json").output)
    assert result["counts"]["new"] == 1, result
    assert "We delete your messages 30 days after you delete your account." in archived(tracker.store, "Terms of Service")

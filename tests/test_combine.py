"""Documents made of several pages (`combine`, as in Open Terms Archive): declared, fetched part
by part from a real local server, recorded as one text, failed as a whole when a part fails."""

from __future__ import annotations

import json

import pytest
from werkzeug.wrappers import Response

from tracker.errors import ConfigError
from tracker.sources.config import Part, parse_sources

HEAD = '[[service]]\nid = "zephyr"\nname = "Zephyr Mail"\n\n  [[service.document]]\n  type = "Terms of Service"\n'


def test_combine_parses_with_document_defaults():
    sources = parse_sources(HEAD + '''  select = ["main"]
  combine = [
    { url = "https://zephyr.example/terms/1" },
    { url = "https://zephyr.example/terms/2", select = ["#annex"], render = "browser" },
  ]
''')
    doc = sources.services[0].documents[0]
    assert doc.url == "https://zephyr.example/terms/1"  # the first part's
    assert doc.parts == (Part("https://zephyr.example/terms/1", ("main",), ()),
                         Part("https://zephyr.example/terms/2", ("#annex",), (), "browser"))


@pytest.mark.parametrize("body,message", [
    ('  url = "https://zephyr.example/a"\n  combine = [{ url = "https://zephyr.example/b" }]\n',
     "has both 'url' and 'combine'"),
    ('  combine = [{ select = ["main"] }]\n', "part 1 of 'combine' in document 'Terms of Service'"),
    ('  combine = [{ url = "https://zephyr.example/b", selct = ["main"] }]\n', "did you mean 'select'?"),
    ('  combine = [{ url = "ftp://zephyr.example/b" }]\n', "bad url 'ftp://zephyr.example/b' of part 1"),
    ('  combine = [{ url = "https://zephyr.example/b", render = "magic" }]\n', "'render' of part 1"),
    ('  combine = "https://zephyr.example/b"\n', "must be a list of tables with a url each"),
])
def test_bad_combine_is_reported_with_a_fix(body, message):
    with pytest.raises(ConfigError) as error:
        parse_sources(HEAD + body)
    assert message in str(error.value)


@pytest.fixture
def site(tmp_path, httpserver, tracker_cli):
    pages = {
        "/terms/1": "<html><body><nav>Menu</nav><main><h1>Zephyr Terms</h1><h2>Fees</h2>"
                    "<p>Each mailbox costs 4 euros a month.</p></main></body></html>",
        "/terms/2": "<html><body><nav>Menu</nav><main><h2>Refunds</h2>"
                    "<p>Refunds are paid within 30 days.</p></main><footer>Zephyr</footer></body></html>",
    }

    def handler(request):
        if request.path not in pages:
            return Response("not found", status=404)
        return Response(pages[request.path], content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_handler(handler)
    for path in ("/terms/1", "/terms/2"):
        httpserver.expect_request(path).respond_with_handler(handler)
    sources = tmp_path / "sources.toml"
    sources.write_text(HEAD + f'''  select = ["main"]
  combine = [{{ url = "{httpserver.url_for('/terms/1')}" }}, {{ url = "{httpserver.url_for('/terms/2')}" }}]
''', encoding="utf-8")
    tracker = tracker_cli(sources, code=None)

    def run() -> tuple[int, dict]:
        result = tracker("run", "--json")
        return result.exit_code, json.loads(result.output)

    return pages, tracker.store, run


def test_a_combined_document_is_recorded_as_one_text(site):
    pages, store, run = site
    code, result = run()
    assert code == 0 and result["counts"]["new"] == 1
    text = (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8")
    assert text == ("# Zephyr Terms\n\n## Fees\n\nEach mailbox costs 4 euros a month.\n\n"
                    "## Refunds\n\nRefunds are paid within 30 days.\n")
    raw = (store / "archive" / ".raw" / "zephyr" / "Terms of Service.html").read_text(encoding="utf-8")
    assert raw.count("<!-- tracker: part ") == 2 and "Refunds are paid" in raw  # both pages' bytes kept
    assert run()[1]["counts"]["unchanged"] == 1

    pages["/terms/2"] = pages["/terms/2"].replace("30 days", "90 days")  # a change in the second page
    code, result = run()
    assert code == 0 and result["counts"]["changed"] == 1
    assert "Refunds are paid within 90 days." in (store / "archive" / "zephyr" / "Terms of Service.md").read_text()


def test_a_failing_part_fails_the_document_and_keeps_its_version(site):
    pages, store, run = site
    run()
    recorded = (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8")
    del pages["/terms/2"]
    code, result = run()
    assert code == 1 and result["counts"]["failed"] == 1
    error = result["documents"][0]["error"]
    assert error.startswith("part 2 of 2 (http://") and "/terms/2): HTTP 404" in error
    assert (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8") == recorded


@pytest.mark.parametrize("served,said", [
    ("<html><body><main><h1>Page not found</h1><p>Sorry, this page does not exist.</p></main></body></html>",
     "part 2 of 2 ({url}): looks like an error page: page not found"),
    ("<html><body><main><h1>Wartungsarbeiten</h1><p>Wir führen gerade geplante Wartungsarbeiten durch.</p>"
     "</main></body></html>", "part 2 of 2 ({url}): looks like an error page: maintenance page"),
    ("<html><body><main><h1>Sign in</h1><form><input type=email name=e><input type=password name=p>"
     "<button>Sign in</button></form></main></body></html>", "part 2 of 2 ({url}): looks like an error page: login page"),
])
def test_a_part_served_as_an_error_page_fails_the_document(site, served, said):
    """A part that is a not-found, maintenance or login page served as 200: the document fails,
    the part named, run after run; the other part's text alone is never recorded (the notice is
    judged on the part, where the other part's terms do not drown it)."""
    pages, store, run = site
    run()
    recorded = (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8")
    pages["/terms/2"] = served
    for _ in range(3):
        code, result = run()
        error = result["documents"][0]["error"]
        assert code == 1 and result["counts"]["failed"] == 1, result
        assert error.startswith(said.format(url=error.split("(", 1)[1].split(")", 1)[0])), error
    assert (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8") == recorded


def test_a_part_that_is_another_part_again_fails_the_document(site):
    """The site drops its pagination: page 2 now answers with page 1's text (a redirect to it, or
    the same page at its address). Never a version holding page 1 twice and no page 2."""
    pages, store, run = site
    run()
    recorded = (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8")
    pages["/terms/2"] = pages["/terms/1"]
    code, result = run()
    error = result["documents"][0]["error"]
    assert code == 1 and "part 2 of 2" in error and "the same page as part 1" in error, error
    assert "check `combine` in the sources file" in error and "\n" not in error
    assert (store / "archive" / "zephyr" / "Terms of Service.md").read_text(encoding="utf-8") == recorded

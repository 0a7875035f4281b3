"""Range selectors end to end: sources.toml -> real CLI run against a local HTTP server -> archive.

Also pins run.fingerprint: documents without ranges must keep their pre-range fingerprint
(it decides whether stored HTTP validators are reused).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from tracker.run.decide import fingerprint
from tracker.sources.config import Document, Range

# A fictional service; the range keeps the "Refunds" section only.
PAGE = """<!DOCTYPE html>
<html><head><title>Larkspur Rail tickets</title></head><body>
<nav>NAV-TEXT</nav>
<main>
  <h1>Larkspur Rail ticket terms</h1>
  <p>INTRO-TEXT Tickets are personal.</p>
  <h2 id="refunds">Refunds</h2>
  <p>Unused tickets are refunded within {days} days.</p>
  <p class="promo">PROMO-TEXT Try Larkspur Plus!</p>
  <h2 id="lost">Lost property</h2>
  <p>LOST-TEXT Items are kept for a month.</p>
</main>
<footer>FOOTER-TEXT</footer>
</body></html>
"""


def test_a_range_selected_document_is_recorded_with_only_the_range_text(tmp_path: Path, httpserver, tracker_cli) -> None:
    days = {"value": "14"}

    def handler(request):
        if request.path == "/robots.txt":
            return Response("", status=404)
        return Response(PAGE.format(days=days["value"]), content_type="text/html; charset=utf-8")

    httpserver.expect_request("/robots.txt").respond_with_handler(handler)
    httpserver.expect_request("/tickets").respond_with_handler(handler)
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[service]]
id = "larkspur"
name = "Larkspur Rail"

  [[service.document]]
  type = "Ticket Terms"
  url = "{httpserver.url_for('/tickets')}"
  select = [{{ start_before = "#refunds", end_before = "#lost" }}]
  remove = [".promo"]
""", encoding="utf-8")
    tracker = tracker_cli(sources)
    store = tracker.store

    def run() -> dict:
        return json.loads(tracker("run", "--json").output)

    assert run()["counts"]["new"] == 1
    recorded = store / "archive" / "larkspur" / "Ticket Terms.md"
    assert recorded.read_text(encoding="utf-8") == "## Refunds\n\nUnused tickets are refunded within 14 days.\n"
    days["value"] = "7"  # a change inside the range is recorded as a new version
    assert run()["counts"]["changed"] == 1
    assert "within 7 days" in recorded.read_text(encoding="utf-8")


def _doc(**kwargs: object) -> Document:
    return Document(service_id="larkspur", service_name="Larkspur Rail", type="Ticket Terms",
                    url="https://larkspur.example/tickets", **kwargs)  # type: ignore[arg-type]


def test_fingerprint_without_ranges_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    # Values computed with the fingerprint as it was before ranges existed, at extractor version 1.
    import tracker.extract.convert as convert

    current = fingerprint(_doc())
    monkeypatch.setattr(convert, "EXTRACTOR_VERSION", "1")
    assert fingerprint(_doc()) == "28f5ea5789255ef7"
    assert fingerprint(_doc(select=("main",), remove=(".cookie-banner", "nav"))) == "cfd17ea1cb6e267f"
    # a new extractor is part of it: validators of texts extracted by the old one are not trusted
    assert current != "28f5ea5789255ef7"


def test_fingerprint_tells_ranges_apart() -> None:
    a = _doc(select=(Range(start_before="#refunds", end_before="#lost"),))
    b = _doc(select=(Range(start_after="#refunds", end_before="#lost"),))
    c = _doc(select=("main",), remove=(Range(start_before="#refunds", end_before="#lost"),))
    prints = {fingerprint(d) for d in (a, b, c, _doc(select=("main",)))}
    assert len(prints) == 4
    assert fingerprint(a) == fingerprint(_doc(select=(Range(start_before="#refunds", end_before="#lost"),)))

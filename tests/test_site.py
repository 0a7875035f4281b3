"""The static diff site of ``tracker publish``: pages, links, stable URLs, escaping of page text."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser

from support import Archive, Pages, three_changes, version_page
from tracker.publish.feeds import Feed, write_feed
from tracker.archive.index import VersionRow
from tracker.records import ClauseChange
from tracker.publish.build import Catalog, _entry
from tracker.publish.site import change_view, environment, render_entry_html

HREF = re.compile(r'(?:href|src)="([^"]*)"')
HOSTILE = ('Beware &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and Fish &amp; Chips '
           '\x07bell\x1b[31m \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd <img src=x onerror="alert(2)">')


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_pages_history_and_diffs(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    pages.order = ["accounts", "disputes", "credits", "notes"]  # a clause moves, text unchanged
    arc.run()
    site = tmp_path / "site"
    arc.publish(site)

    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Lumen Maps" in index and "Orbit Notes" in index
    history = (site / "lumen/terms-of-service/index.html").read_text(encoding="utf-8")
    versions = sorted((site / "lumen/terms-of-service").glob("2*.html"))
    assert len(versions) == 4  # one page per version, first included
    for v in versions:  # stable names: fetch time + content hash
        assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{12}\.html", v.name)
        assert v.name in history

    # every relative link and stylesheet of every page resolves to a file of the site
    for page in pages_of(site):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text  # no JavaScript at all
        assert '<link rel="alternate" type="application/atom+xml"' in text
        for href in HREF.findall(text):
            href = html.unescape(href).split("#")[0]
            if href and not href.startswith(("http://", "https://")):
                assert (page.parent / href).resolve().is_file(), (page, href)

    # the expiry change page: material highlighted, explanation shown, side by side and inline
    diff = json.loads(arc.tracker("diff", "lumen", "Terms of Service", "--from", "1", "--to", "2", "--json").output)
    change = diff["changes"][0]
    assert change["material"]
    page = version_page(versions, 2).read_text(encoding="utf-8")
    assert html.escape(change["explanation"], quote=False) in page
    material = page.split('class="change kind-modified is-material"', 1)[1]
    assert 'class="explanation"' in material.split("</section>")[0]
    assert 'class="sbs"' in page and "<h3>Before</h3>" in page and "<h3>After</h3>" in page
    assert "<del>12</del>" in page and "<ins>6</ins>" in page and "Inline word diff" in page
    assert 'class="verdict is-material"' in page
    assert 'href="../../feeds/lumen/terms-of-service.atom"' in page

    moved = (site / "lumen/terms-of-service" / versions[3].name).read_text(encoding="utf-8")
    assert "Moved (text unchanged)" in moved and "kind-moved" in moved
    assert "is-material" not in moved.split('class="change', 1)[1]  # a move is never material


def test_page_urls_are_stable_and_unchanged_pages_not_rewritten(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    site = tmp_path / "site"
    first = arc.publish(site)
    assert first["pages_written"]
    before = {p.relative_to(site): p.read_bytes() for p in pages_of(site)}
    mtimes = {p: p.stat().st_mtime_ns for p in pages_of(site)}
    assert arc.publish(site)["pages_written"] == []
    assert {p: p.stat().st_mtime_ns for p in pages_of(site)} == mtimes

    # rebuild the index from the archive: same page names, same bytes
    arc.tracker("reindex")
    arc.publish(site)
    assert {p.relative_to(site): p.read_bytes() for p in pages_of(site)} == before

    # one more change writes its page, the document's history and the neighbours it links
    pages.terms.update(age="18")
    arc.run()
    step = arc.publish(site)
    written = set(step["pages_written"])
    assert "lumen/terms-of-service/index.html" in written and "index.html" in written
    new_pages = {p.relative_to(site) for p in pages_of(site)} - set(before)
    assert len(new_pages) == 1 and str(next(iter(new_pages))) in written
    assert not any(w.startswith("orbit/privacy-policy/2") for w in written)


def test_hostile_page_text_is_escaped_in_every_feed_and_page(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    arc.run()
    pages.terms.update(note=HOSTILE, expiry="6 months")
    arc.run()
    site = tmp_path / "site"
    arc.publish(site)
    assert "<script>alert(1)</script>" in arc.tracker("show", "lumen", "Terms of Service").output

    files = [p for p in site.rglob("*") if p.is_file() and not p.name.startswith(".")]
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert "\x07" not in raw and "\x1b" not in raw and "\u202e" not in raw, path
    for page in pages_of(site):
        raw = page.read_text(encoding="utf-8")
        assert "<script" not in raw and "<img" not in raw, page
    change_page = next((site / "lumen/terms-of-service").glob("2*.html"))
    text = max(pages_of(site), key=lambda p: "&lt;script&gt;" in p.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "]]&gt;" in text and "Fish &amp; Chips" in text
    assert "\u05e9\u05dc\u05d5\u05dd" in text  # right-to-left text kept, isolated by <bdi>/dir=auto
    assert change_page.exists()

    feeds = site / "feeds"
    for path in feeds.rglob("*.atom"):
        _assert_xml_contents_safe(path)
    for path in feeds.rglob("*.rss"):
        _assert_xml_contents_safe(path)
    for path in feeds.rglob("*.json"):
        if path.name.startswith("."):
            continue  # the publish state, not a feed
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]:
            assert "<script" not in item["content_html"] and "<img" not in item["content_html"]
    entry = feedparser.parse((feeds / "lumen/terms-of-service.atom").read_bytes())
    assert not entry.bozo
    content = (feeds / "lumen/terms-of-service.json").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in json.loads(content)["items"][0]["content_html"]


def _assert_xml_contents_safe(path: Path) -> None:
    """Decode the XML: every HTML payload (content, summary, description) must hold no live tag."""
    root = ET.fromstring(path.read_bytes())
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("content", "summary", "description", "encoded") and el.text:
            assert "<script" not in el.text and "<img" not in el.text, (path, el.text[:200])


def test_render_functions_strip_controls_and_bidi_overrides(tmp_path: Path) -> None:
    """Text that reaches the renderers without extraction (old archives, other importers) is still safe."""
    change = ClauseChange(
        kind="modified", clause_id="x/y", heading="Fees \u202eeerf\u202c",
        before="Fees are <b>5</b> per map.\x07", after="Fees are <script>alert(1)</script> ]]> 7 per map.\x1b[0m",
        material=True, severity="material", categories=("pricing",),
        explanation="Fees now \u202e7\u202c instead of 5 <i>per map</i>", cosmetic=None,
    )
    view = change_view(0, change)
    assert "\u202e" not in view.heading and "\x07" not in "".join(t for _, t in view.left)
    version = VersionRow("a" * 40, "quill/Terms", "quill", "Terms", 2, "2026-03-01T10:00:00Z", "changed", "",
                         1, True, "material", ("pricing",), "Fees now 7 \u202einstead\u202c of 5 <b>", "https://q.example/t",
                         "", 200, "sha256:" + "b" * 64)
    catalog = Catalog({"quill": "Quill <Notes>"}, [], {"quill/Terms": [version]}, {})
    content = render_entry_html(catalog, version, [change], "https://terms.example.org")
    for bad in ("<script", "<b>", "<i>", "\x07", "\x1b", "\u202e"):
        assert bad not in content, bad
    assert "script&gt;alert(1)&lt;/script&gt;" in content and "]]&gt;" in content
    entry = _entry(catalog, version, "https://terms.example.org", content)
    assert "\u202e" not in entry.title and "\u202e" not in entry.summary
    write_feed(Feed("tag:x,2026:t", "t", "https://terms.example.org", "d"), [entry], tmp_path, "t")
    for ext in ("atom", "rss"):
        parsed = feedparser.parse((tmp_path / f"t.{ext}").read_bytes())
        assert not parsed.bozo and parsed.entries[0].title.startswith("Quill <Notes> Terms")
        _assert_xml_contents_safe(tmp_path / f"t.{ext}")
    page = environment().get_template("version.html").render(
        root="", title=entry.title, feeds=[], v={"seq": 2, "date": version.fetched_at, "summary": version.summary,
                                                 "material": True, "severity": "material", "categories": ["pricing"],
                                                 "kind": "changed", "changes": 1, "href": "", "title": entry.title},
        changes=[view], doc_href="index.html", doc_title="Quill <Notes> Terms", service_slug="quill",
        service_name="Quill <Notes>", prev=None, next=None, source="", material_count=1)
    assert "<script" not in page and "<Notes>" not in page and "\u202e" not in page and "&lt;Notes&gt;" in page

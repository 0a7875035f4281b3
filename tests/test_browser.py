"""A real browser opens a diff page served by ``tracker serve`` and sees the material change.

Needs Debian's ``chromium`` (apt-get install chromium) and the ``playwright`` Python package
(its wheel ships the driver; no ``playwright install``). Skips with a message when either is missing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path


from support import Archive, Pages, chromium_or_skip, start_cli_server, version_page

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOT_FOR_LEAD = Path("/tmp/tracker-diff-page.png")


def test_diff_page_shows_the_material_change_in_a_browser(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    chromium, sync_api = chromium_or_skip("sync_api")
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months", note="Thank you for mapping with us every day.")
    arc.run()
    diff = json.loads(arc.tracker("diff", "lumen", "Terms of Service", "--json").output)
    material = next(c for c in diff["changes"] if c["material"])

    site = tmp_path / "site"
    proc, port = start_cli_server(arc, site)
    try:
        page_path = next((site / "lumen/terms-of-service").glob("2*.html"), None)
        versions = sorted((site / "lumen/terms-of-service").glob("2*.html"))
        assert page_path and len(versions) == 2
        url = f"http://127.0.0.1:{port}/lumen/terms-of-service/{version_page(versions, 2).name}"
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
            try:
                for width, name in ((1200, "desktop"), (390, "phone")):
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(url)
                    card = page.locator("section.change.is-material").first
                    assert card.is_visible()
                    explanation = card.locator(".explanation")
                    assert explanation.is_visible()
                    assert explanation.inner_text().strip() == material["explanation"].strip()
                    assert page.locator(".verdict.is-material").is_visible()
                    assert card.locator("ins", has_text="6").first.is_visible()
                    assert card.locator("del", has_text="12").first.is_visible()
                    before = card.locator(".col.before").bounding_box()
                    after = card.locator(".col.after").bounding_box()
                    assert before and after
                    if name == "desktop":  # side by side
                        assert abs(before["y"] - after["y"]) < 2 and after["x"] > before["x"]
                    else:  # stacked on a phone, and nothing wider than the screen
                        assert after["y"] > before["y"]
                        assert page.evaluate("document.documentElement.scrollWidth") <= width
                    shot = tmp_path / f"diff-{name}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000
                    if name == "desktop":
                        shutil.copyfile(shot, SHOT_FOR_LEAD)
                    else:
                        shutil.copyfile(shot, SHOT_FOR_LEAD.with_name("tracker-diff-page-phone.png"))
                    page.close()
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


SHOT_KEY_TERMS = Path("/tmp/tracker-key-terms.png")


def test_key_terms_and_comparison_pages_in_a_browser(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    """The Key terms page shows the watch-outs and when a term changed; the comparison page lists
    the services with their facts, each linked to its clause; both fit a phone screen."""
    chromium, sync_api = chromium_or_skip("sync_api")
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months")
    arc.run()
    site = tmp_path / "site"
    proc, port = start_cli_server(arc, site)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
            try:
                for width, name in ((1200, "desktop"), (390, "phone")):
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(f"http://127.0.0.1:{port}/lumen/key-terms.html")
                    watch = page.locator(".watchouts li", has_text="6 months").first
                    assert watch.is_visible()
                    assert "12 months until" in watch.inner_text()
                    link = watch.locator("a.src")
                    assert link.inner_text().strip() == "Credits and refunds"
                    target = link.get_attribute("href") or ""
                    assert page.locator(target).count() == 1  # the quoted clause is on the page
                    assert page.locator(".terms li").count() >= 2
                    assert page.evaluate("document.documentElement.scrollWidth") <= width
                    page.screenshot(path=str(tmp_path / f"key-terms-{name}.png"), full_page=True)
                    if name == "desktop":
                        shutil.copyfile(tmp_path / f"key-terms-{name}.png", SHOT_KEY_TERMS)

                    page.goto(f"http://127.0.0.1:{port}/compare.html")
                    rows = page.locator("table.compare tbody tr")
                    assert rows.count() >= 1
                    lumen = rows.filter(has_text="Lumen Maps").first
                    cell = lumen.locator("td", has_text="expire after 6 months").first
                    assert cell.is_visible() and "12 months until" in cell.inner_text()
                    href = cell.locator("a").first.get_attribute("href") or ""
                    assert href.startswith("lumen/key-terms.html#c-")
                    assert lumen.locator("td", has_text="16").first.is_visible()  # minimum age
                    assert page.evaluate("document.documentElement.scrollWidth") <= width or name == "desktop"
                    shot = tmp_path / f"compare-{name}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    shutil.copyfile(shot, SHOT_KEY_TERMS.with_name(f"tracker-compare-{name}.png"))
                    if name == "phone":
                        shutil.copyfile(tmp_path / f"key-terms-{name}.png",
                                        SHOT_KEY_TERMS.with_name("tracker-key-terms-phone.png"))
                    page.close()
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


SHOT_VERSION = Path("/tmp/tracker-version-page.png")


def test_version_page_reads_well_on_desktop_and_phone(tmp_path: Path) -> None:
    """Issue 12: a version page with Markdown-heavy clauses (bold lead-ins, an escaped link to
    an anchor, a table, a literal <br>) shows its headline in the banner, at most 4 tags, the
    table as a table, no Markdown syntax and no internal clause id, and nothing wider than a
    phone screen."""
    from datetime import datetime, timezone
    from types import SimpleNamespace

    from test_headline import POLLEN_NEW, POLLEN_OLD

    from tracker.analysis import analyse
    from tracker.archive import Index, NewVersion, Store, sync

    chromium, sync_api = chromium_or_skip("sync_api")
    store = Store(tmp_path / "store")
    versions = [NewVersion("pollen", "Pollen Studio", "Terms", text, text.encode(), "md",
                           "https://pollen.example/terms", "https://pollen.example/terms",
                           datetime(2026, month, 1, 10, tzinfo=timezone.utc), 200, "text/markdown", "1", kind)
                for text, month, kind in ((POLLEN_OLD, 1, "first"), (POLLEN_NEW, 2, "changed"))]
    store.record(versions)
    with Index(store.index_path) as index:
        sync(store, index)
    sources = tmp_path / "sources.toml"
    sources.write_text('[[service]]\nid = "pollen"\nname = "Pollen Studio"\n\n  [[service.document]]\n'
                       '  type = "Terms"\n  url = "https://pollen.example/terms"\n', encoding="utf-8")
    expected = analyse(POLLEN_OLD, POLLEN_NEW).summary
    site = tmp_path / "site"
    proc, port = start_cli_server(SimpleNamespace(store=store.root, sources=sources), site)  # type: ignore[arg-type]
    try:
        pages = sorted((site / "pollen/terms").glob("2*.html"))
        assert len(pages) == 2
        url = f"http://127.0.0.1:{port}/pollen/terms/{pages[1].name}"
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
            try:
                for width, name in ((1200, "desktop"), (390, "phone")):
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(url)
                    banner = page.locator(".verdict .headline")
                    assert banner.is_visible() and banner.inner_text().strip() == expected
                    # a withdrawn promise leads the headline (it outranks the commission rise)
                    assert len(expected) <= 102 and expected.startswith("No longer promises to refund unused credits")
                    # the page title fits the headline after the document's name, its count kept whole
                    title = page.title()
                    assert "No longer promises to refund unused credits" in title, title
                    # the count said short when the whole would cut the change's sentence
                    count = expected.rsplit(", and ", 1)[-1].split()[0]
                    assert title.endswith((expected.rsplit(", and ", 1)[-1], f"(+{count} more)")), title
                    assert page.locator(".verdict .tag").count() <= 4
                    table = page.locator("section.change .col.after table").first
                    assert table.is_visible() and table.locator("td", has_text="12 a month").count() == 1
                    assert table.locator("ins", has_text="12").count() == 1  # the changed word marked in its cell
                    text = page.locator("main").inner_text()
                    for debris in ("**", "](", "<br", "| ---", "\\.", "#4-license", "credits/8.3", "p1.s2"):
                        assert debris not in text, (name, debris)
                    assert "§ 8.3 Credits" in text
                    # heavily rewritten: old and new whole, no confetti of struck fragments
                    rewritten = page.locator("section.change", has_text="Moderators may hide")
                    assert rewritten.count() >= 1
                    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
                    shot = tmp_path / f"version-{name}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000
                    shutil.copyfile(shot, SHOT_VERSION if name == "desktop"
                                    else SHOT_VERSION.with_name("tracker-version-page-phone.png"))
                    page.close()
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)

"""Feeds of ``tracker publish``: the URL scheme, filters, stable ids and incremental rebuilds.

Archives are built by the real ``tracker run`` against a local HTTP server serving the terms of
fictional services ("Lumen Maps", "Orbit Notes"): the ``archive`` fixture (conftest.py) and its
helpers in support.py, shared with the other publishing tests.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser

from support import Archive, Pages, three_changes


def history(arc: Archive) -> list[dict[str, Any]]:
    rows = json.loads(arc.tracker("history", "lumen", "--json").output)
    return rows + json.loads(arc.tracker("history", "orbit", "--json").output)


def parse(path: Path) -> Any:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def tags(entry: Any) -> set[str]:
    return {t["term"] for t in entry.get("tags", [])}


def test_every_feed_of_the_scheme_parses_with_the_expected_entries(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    out = tmp_path / "site"
    arc.publish(out, "--base-url", "https://terms.example.org/")
    feeds = out / "feeds"
    names = sorted(str(p.relative_to(feeds))[: -len(".atom")] for p in feeds.rglob("*.atom"))
    for required in ("all", "material", "category/refunds", "category/jurisdiction", "lumen/all",
                     "lumen/material", "lumen/terms-of-service", "orbit/all", "orbit/privacy-policy"):
        assert required in names
    for name in names:
        parse(feeds / f"{name}.atom")
        parse(feeds / f"{name}.rss")
        doc = json.loads((feeds / f"{name}.json").read_text(encoding="utf-8"))
        assert doc["version"] == "https://jsonfeed.org/version/1.1"

    entries = parse(feeds / "all.atom").entries
    assert len(entries) == 3  # changes only: first versions are not entries
    by_title = {e.title: e for e in entries}
    expiry = next(e for t, e in by_title.items() if t.startswith("Lumen Maps Terms of Service:") and "6" in t)
    assert "12" in expiry.title  # the title says what changed, old and new
    assert {"Lumen Maps", "Terms of Service", "refunds", "material"} <= tags(expiry)
    assert any(t.startswith("severity:") for t in tags(expiry))
    # the link is the entry's diff page, under the base URL, and that page exists
    assert expiry.link.startswith("https://terms.example.org/lumen/terms-of-service/")
    assert (out / expiry.link.removeprefix("https://terms.example.org/")).is_file()
    # content: the changed clause, its explanation and an inline word diff
    content = expiry.content[0].value
    assert "<del>12</del>" in content and "<ins>6</ins>" in content
    assert "Credits" in content or "credits" in content

    assert [e.title for e in parse(feeds / "orbit/all.atom").entries] == [
        e.title for e in entries if e.title.startswith("Orbit Notes")]
    assert len(parse(feeds / "lumen/terms-of-service.atom").entries) == 2
    json_items = json.loads((feeds / "all.json").read_text(encoding="utf-8"))["items"]
    assert [i["id"] for i in json_items] == [e.id for e in entries]


def test_category_and_material_feeds_only_carry_matching_entries(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    pages.terms.update(date="April 2, 2026")  # a date-only change: recorded, not material
    arc.run()
    out = tmp_path / "site"
    arc.publish(out)
    feeds = out / "feeds"
    rows = [r for r in history(arc) if r["seq"] > 1]
    material_versions = {r["commit_sha"] for r in rows if r["material"]}
    assert rows and 0 < len(material_versions) < len(rows)  # the fixture has both kinds

    material = parse(feeds / "material.atom").entries
    assert material and all("material" in tags(e) for e in material)
    assert len(material) == len(material_versions)
    assert len(parse(feeds / "all.atom").entries) == len(rows)
    for e in parse(feeds / "lumen/material.atom").entries:
        assert "material" in tags(e) and "Lumen Maps" in tags(e)

    non_empty = 0
    for path in (feeds / "category").glob("*.atom"):
        category = path.stem
        entries = parse(path).entries
        non_empty += bool(entries)
        for e in entries:
            assert category in tags(e), (category, e.title)
        # and every entry of "all" with that category is there
        expected = [e.id for e in parse(feeds / "all.atom").entries if category in tags(e)]
        assert [e.id for e in entries] == expected
    assert non_empty >= 2
    refunds = parse(feeds / "category/refunds.atom").entries
    assert any("6" in e.title for e in refunds)
    assert not any(e.title.startswith("Orbit Notes") for e in refunds)


def test_ids_stable_across_rebuilds_and_incremental_updates(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    out = tmp_path / "site"
    first = arc.publish(out)
    assert first["entries_rendered"] == 3 and "all" in first["feeds_rebuilt"]
    atom = (out / "feeds" / "all.atom").read_bytes()
    ids = [e.id for e in parse(out / "feeds" / "all.atom").entries]

    # nothing changed: nothing rebuilt, nothing rendered, same bytes
    again = arc.publish(out)
    assert again["feeds_rebuilt"] == [] and again["entries_rendered"] == 0 and again["pages_written"] == []

    # a rebuilt index (new row ids, same archive): same ids, same bytes
    index = arc.store / "index.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(index) + suffix).unlink(missing_ok=True)
    arc.tracker("reindex")
    rebuilt = arc.publish(out)
    assert rebuilt["feeds_rebuilt"] == []
    assert (out / "feeds" / "all.atom").read_bytes() == atom
    # even with the publish state gone, the files come out byte-identical
    (out / "feeds" / ".tracker-feeds.json").unlink()
    arc.publish(out)
    assert (out / "feeds" / "all.atom").read_bytes() == atom

    # one new change: only the feeds that carry it are rebuilt, and one entry is rendered
    pages.days = "120"
    arc.run()
    step = arc.publish(out)
    assert step["entries_rendered"] == 1
    assert set(step["feeds_rebuilt"]) >= {"all", "orbit/all", "orbit/privacy-policy"}
    assert "lumen/terms-of-service" not in step["feeds_rebuilt"]
    assert "lumen/all" not in step["feeds_rebuilt"]
    new_ids = [e.id for e in parse(out / "feeds" / "all.atom").entries]
    # (entries recorded within one second are ordered by id, so compare as sets)
    assert len(new_ids) == 4 and set(ids) < set(new_ids)


def test_limit_and_plain_feed_command(archive: tuple[Archive, Pages], tmp_path: Path, httpserver: Any) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    out = tmp_path / "site"
    arc.publish(out, "--limit", "1")
    assert len(parse(out / "feeds" / "all.atom").entries) == 1
    assert len(parse(out / "feeds" / "lumen/terms-of-service.atom").entries) == 1
    # `tracker feed` writes the same scheme, linking entries to the terms pages themselves
    feeds = tmp_path / "feeds"
    arc.tracker("feed", "--out", str(feeds))
    entries = parse(feeds / "material.atom").entries
    pages_urls = {httpserver.url_for("/lumen/terms"), httpserver.url_for("/orbit/privacy")}
    assert entries and {e.link for e in entries} <= pages_urls
    assert (feeds / "category" / "refunds.rss").is_file()


def test_a_category_feed_titles_the_change_in_its_category(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    """One version changes the credits (refunds) and the venue (jurisdiction): its entry in each
    category feed is titled by that category's change, not by the version's headline alone."""
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months", venue="Porto, Portugal")
    arc.run()
    out = tmp_path / "site"
    arc.publish(out)
    feeds = out / "feeds"
    version = [r for r in history(arc) if r["seq"] > 1 and r["material"]]
    assert len(version) == 1
    headline = parse(feeds / "all.atom").entries[0].title
    titles = {}
    for cat in ("refunds", "jurisdiction"):
        entries = parse(feeds / f"category/{cat}.atom").entries
        assert len(entries) == 1, cat
        titles[cat] = entries[0].title
    assert "6 months" in titles["refunds"] and "Porto" in titles["jurisdiction"], titles
    assert headline in titles.values()  # the category the headline is about keeps it


def test_a_feed_with_no_entry_is_dated_by_the_newest_version_not_1970(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, _ = archive
    arc.run()  # first versions only: no change is an entry, and no check failed
    out = tmp_path / "site"
    arc.publish(out)
    newest = max(row["fetched_at"] for row in history(arc))
    for name in ("all", "material", "attention"):
        feed = parse(out / "feeds" / f"{name}.atom")
        assert feed.entries == []
        when = datetime.fromisoformat(newest.replace("Z", "+00:00")).astimezone(timezone.utc)
        assert tuple(feed.feed.updated_parsed[:6]) == when.timetuple()[:6], name
        assert json.loads((out / "feeds" / f"{name}.json").read_text(encoding="utf-8"))["items"] == []


def test_a_service_feed_describes_its_documents_without_a_possessive(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    # "Quokka Notes's documents" read wrong to a first-time user: the name is never made possessive
    arc, _ = archive
    arc.run()
    out = tmp_path / "site"
    arc.publish(out)
    for name in ("lumen/all", "lumen/material"):
        subtitle = parse(out / "feeds" / f"{name}.atom").feed.subtitle
        assert "'s" not in subtitle and "of Lumen Maps" in subtitle, subtitle

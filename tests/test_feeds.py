"""Tests for tracker.publish.feeds: three formats that parse, are deterministic, and survive hostile text."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest

from tracker.publish.feeds import Feed, FeedEntry, feed_filename, write_feed

UTC = timezone.utc
FEED = Feed(
    id="tag:tracker,2026:feed/nimbus",
    title="Nimbus AI: terms changes",
    link="https://tracker.example/nimbus/",
    description="Changes to the terms of Nimbus AI",
)
HOSTILE = "<script>alert(1)</script> ]]> Tom & Jerry \x01\x0b right\u202eleft שלום"


def entry(day: int, *, service: str = "nimbus", title: str | None = None, summary: str = "Clause 4 changed.",
          content: str = "<p>Clause 4 changed.</p>", hour: int = 12) -> FeedEntry:
    return FeedEntry(
        id=f"tag:tracker,2026:{service}/Terms of Service/hash{day:02d}",
        title=title or f"Nimbus AI Terms of Service: {day} clauses changed",
        link=f"https://tracker.example/{service}/terms/{day}",
        updated=datetime(2026, 1, day, hour, 30, tzinfo=UTC),
        summary=summary,
        content_html=content,
        categories=("Nimbus AI", "Terms of Service", "arbitration"),
    )


def parsed(path: Path) -> feedparser.FeedParserDict:
    result = feedparser.parse(path.read_bytes())
    assert not result.bozo, result.get("bozo_exception")
    return result


def test_writes_three_files(tmp_path: Path) -> None:
    paths = write_feed(FEED, [entry(1)], tmp_path, "nimbus/Terms of Service")
    assert paths == [tmp_path / "nimbus" / f"terms-of-service.{ext}" for ext in ("atom", "rss", "json")]
    assert all(p.is_file() for p in paths)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in paths)  # servable, unlike mkstemp's 0600


@pytest.mark.parametrize(("suffix", "version"), [(".atom", "atom10"), (".rss", "rss20")])
def test_xml_feeds_parse_with_entries_in_order(tmp_path: Path, suffix: str, version: str) -> None:
    entries = [entry(2), entry(5), entry(3)]
    write_feed(FEED, entries, tmp_path, "all")
    feed = parsed(tmp_path / f"all{suffix}")
    assert feed.version == version
    assert feed.feed.title == FEED.title
    assert [e.id for e in feed.entries] == [entry(d).id for d in (5, 3, 2)]
    assert [e.title for e in feed.entries] == [entry(d).title for d in (5, 3, 2)]
    newest = feed.entries[0]
    assert newest.link == "https://tracker.example/nimbus/terms/5"
    assert newest.published_parsed[:6] == (2026, 1, 5, 12, 30, 0)
    if suffix == ".atom":  # RSS items have only pubDate
        assert newest.updated_parsed[:6] == (2026, 1, 5, 12, 30, 0)
    assert [t.term for t in newest.tags] == ["Nimbus AI", "Terms of Service", "arbitration"]
    assert newest.content[0].value == "<p>Clause 4 changed.</p>"
    assert newest.summary == "Clause 4 changed."
    assert newest.author == "tracker"
    # Feed date = newest entry's date, never "now".
    assert feed.feed.updated_parsed[:6] == (2026, 1, 5, 12, 30, 0)


def test_json_feed(tmp_path: Path) -> None:
    write_feed(FEED, [entry(2), entry(5)], tmp_path, "all")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == FEED.title
    assert data["home_page_url"] == FEED.link
    items = data["items"]
    assert [i["id"] for i in items] == [entry(5).id, entry(2).id]
    assert items[0]["title"] == entry(5).title
    assert items[0]["url"] == entry(5).link
    assert items[0]["date_published"] == items[0]["date_modified"] == "2026-01-05T12:30:00+00:00"
    assert items[0]["tags"] == ["Nimbus AI", "Terms of Service", "arbitration"]
    assert items[0]["content_html"] == "<p>Clause 4 changed.</p>"
    assert items[0]["summary"] == "Clause 4 changed."


def test_dates_are_converted_to_utc(tmp_path: Path) -> None:
    paris = timezone(timedelta(hours=1))
    shifted = FeedEntry(**{**entry(1).__dict__, "updated": datetime(2026, 1, 1, 13, 30, tzinfo=paris)})
    write_feed(FEED, [shifted], tmp_path, "all")
    assert parsed(tmp_path / "all.atom").entries[0].updated == "2026-01-01T12:30:00+00:00"
    assert json.loads((tmp_path / "all.json").read_text())["items"][0]["date_published"] == "2026-01-01T12:30:00+00:00"


def test_naive_dates_are_refused(tmp_path: Path) -> None:
    naive = FeedEntry(**{**entry(1).__dict__, "updated": datetime(2026, 1, 1)})
    with pytest.raises(ValueError, match="timezone-aware"):
        write_feed(FEED, [naive], tmp_path, "all")


def test_explicit_feed_date_and_empty_feed(tmp_path: Path) -> None:
    fixed = Feed(**{**FEED.__dict__, "updated": datetime(2026, 3, 1, tzinfo=UTC)})
    write_feed(fixed, [entry(1)], tmp_path, "a")
    assert parsed(tmp_path / "a.atom").feed.updated_parsed[:3] == (2026, 3, 1)
    write_feed(FEED, [], tmp_path, "empty")
    assert parsed(tmp_path / "empty.atom").entries == []
    assert parsed(tmp_path / "empty.rss").entries == []
    assert json.loads((tmp_path / "empty.json").read_text())["items"] == []


def test_byte_identical_and_not_rewritten(tmp_path: Path) -> None:
    entries = [entry(d) for d in (1, 2, 3)]
    first = write_feed(FEED, entries, tmp_path / "one", "nimbus/Terms of Service")
    second = write_feed(FEED, list(reversed(entries)), tmp_path / "two", "nimbus/Terms of Service")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    # Rebuilding the same feed leaves the files alone (mtime and inode unchanged).
    inodes = {p: os.stat(p).st_ino for p in first}
    for p in first:
        os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    write_feed(FEED, entries, tmp_path / "one", "nimbus/Terms of Service")
    assert all(os.stat(p).st_mtime_ns == 1_000_000_000 for p in first)
    assert all(os.stat(p).st_ino == inodes[p] for p in first)
    assert not [p for p in (tmp_path / "one" / "nimbus").iterdir() if p.name.endswith(".tmp")]


def test_changed_content_is_rewritten(tmp_path: Path) -> None:
    [atom, *_] = write_feed(FEED, [entry(1)], tmp_path, "all")
    write_feed(FEED, [entry(1), entry(2)], tmp_path, "all")
    assert len(parsed(atom).entries) == 2


def test_limit_keeps_newest(tmp_path: Path) -> None:
    entries = [entry(d) for d in range(1, 11)]
    write_feed(FEED, entries, tmp_path, "all", limit=3)
    for suffix in (".atom", ".rss"):
        assert [e.id for e in parsed(tmp_path / f"all{suffix}").entries] == [entry(d).id for d in (10, 9, 8)]
    assert len(json.loads((tmp_path / "all.json").read_text())["items"]) == 3
    with pytest.raises(ValueError):
        write_feed(FEED, entries, tmp_path, "all", limit=-1)


def test_same_id_keeps_newest_only(tmp_path: Path) -> None:
    older = entry(1)
    newer = FeedEntry(**{**older.__dict__, "updated": datetime(2026, 2, 1, tzinfo=UTC), "title": "reverted"})
    write_feed(FEED, [older, newer], tmp_path, "all")
    entries = parsed(tmp_path / "all.atom").entries
    assert [(e.id, e.title) for e in entries] == [(older.id, "reverted")]


def test_hostile_text_is_escaped_and_parses(tmp_path: Path) -> None:
    hostile = entry(1, title=HOSTILE, summary=HOSTILE, content=f"<p>{HOSTILE}</p>")
    hostile = FeedEntry(**{**hostile.__dict__, "categories": (HOSTILE,), "link": "https://tracker.example/?a=1&b=<2>"})
    write_feed(Feed(**{**FEED.__dict__, "title": HOSTILE}), [hostile], tmp_path, "all")
    expected = HOSTILE.replace("\x01", "").replace("\x0b", "")
    for suffix in (".atom", ".rss"):
        raw = (tmp_path / f"all{suffix}").read_bytes()
        assert b"<script" not in raw and b"\x01" not in raw and b"\x0b" not in raw
        feed = parsed(tmp_path / f"all{suffix}")
        item = feed.entries[0]
        assert item.title == expected
        assert "<script" not in item.content[0].value
        assert "<script" not in item.summary
        assert "Tom &amp; Jerry" in item.summary and "\u202e" in item.summary
        assert "right\u202eleft שלום" in item.content[0].value
        assert item.link == "https://tracker.example/?a=1&b=<2>"
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert data["title"] == expected
    assert data["items"][0]["summary"] == expected
    assert data["items"][0]["tags"] == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("nimbus/Terms of Service", "nimbus/terms-of-service"),
        ("nimbus/terms-of-service", "nimbus/terms-of-service"),
        ("all", "all"),
        ("../../etc/passwd", "etc/passwd"),
        ("/abs//Privacy Policy (EU)", "abs/privacy-policy-eu"),
        ("Café\\Conditions Générales", "cafe/conditions-generales"),
        ("quill.docs/..hidden", "quill.docs/hidden"),
    ],
)
def test_feed_filename(name: str, expected: str) -> None:
    assert feed_filename(name) == expected
    assert feed_filename(expected) == expected


def test_feed_filename_non_latin_and_empty() -> None:
    slug = feed_filename("nimbus/利用規約")
    assert slug.startswith("nimbus/x-") and slug == feed_filename("nimbus/利用規約")
    assert slug != feed_filename("nimbus/プライバシー")
    with pytest.raises(ValueError):
        feed_filename("../..")


def test_a_shortened_title_keeps_the_count_of_other_changes_whole() -> None:
    """"…our advertising partners (+1…" and "…instead of 30, and 5…" were feed titles: the
    headline is shortened before its count, which stays whole; a title that fits is untouched."""
    from tracker.publish.catalog import TITLE_MAX, fit_title

    long = ("We now share your contact details, your purchase history and your precise location history "
            "with our advertising partners")
    for more, said in ((" (+1 more)", " (+1 more)"), (", and 5 more material changes", " (+5 more)")):
        title = fit_title("Quillo Cloud Privacy Policy", long + more)
        assert len(title) <= TITLE_MAX, title
        assert title.endswith("…" + said), title  # said short, to leave the change room
        assert title.startswith("Quillo Cloud Privacy Policy: We now share your contact details"), title
    short = "Refunds within 14 days instead of 30 (+2 more)"
    assert fit_title("Quillo Cloud Terms", short) == "Quillo Cloud Terms: " + short
    # a first change that fits whole beside the short count is never cut (newuser8: "… is now…, and 1 more")
    value = "Late payment fee for Basic 200 GB is now 7% instead of 5%, and 1 more material change"
    assert fit_title("Boxwell Cloud Terms of Service", value).endswith("is now 7% instead of 5% (+1 more)")


def test_a_title_spares_the_quote_and_the_category_ids_before_the_fact():
    """newuser9: "…instead of Berlin: «…" and "…is now limited to EUR…": a long name and a quoted
    tail cut the new value. The quote of the clause and the category ids go first."""
    from tracker.publish.catalog import TITLE_MAX, fit_title

    title = fit_title("Zahlwerk Allgemeine Geschäftsbedingungen",
                      "The competent court is now in Dublin instead of Berlin: « Gerichtsstand ist Dublin » (jurisdiction)")
    assert title == "Zahlwerk Allgemeine Geschäftsbedingungen: The competent court is now in Dublin instead of Berlin"
    long = fit_title("Quibly Cloud Storage International Holdings Privacy and Cookie Policy",
                     "Personal data is now kept for 24 months instead of 12 months")
    assert len(long) <= TITLE_MAX and long.endswith(": Personal data is now kept for 24 months instead of 12 months"), long

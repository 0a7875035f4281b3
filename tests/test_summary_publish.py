"""Summaries in publishing: the key terms a version changed, in its feed entry, and summaries
cached between publishes. Terms are invented (Quill Cloud here; Lumen Maps and Orbit Notes in the
``archive`` fixture of conftest.py / support.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
import pytest

import tracker.analysis.summary as summary_module
from support import Archive, Pages, three_changes
from tracker.analysis.summary import compare_summaries, summarise, summary_from_dict

QUILL = """# Quill Cloud Terms

## 1. Accounts
You must be at least 16 years old to use Quill Cloud.

## 2. Credits
Quill credits are non-refundable and expire 12 months after purchase.

## 3. Disputes
Any dispute will be heard by the courts of Lisbon, Portugal.
"""


def test_changed_key_terms_before_and_after() -> None:
    after_text = (QUILL.replace("12 months", "6 months").replace("## 3. Disputes\nAny dispute will be heard by the "
                                                                 "courts of Lisbon, Portugal.\n", "")
                  + "\n## 4. Training\nWe may use your prompts to train our models.\n")
    before, after = summarise(QUILL), summarise(after_text)
    lines = [c.line() for c in compare_summaries(before, after, QUILL, after_text)]
    assert lines == [
        "Refunds and credits: Quill credits are non-refundable and expire 6 months after purchase (was 12 months).",
        "Disputes: no longer says: Any dispute will be heard by the courts of Lisbon, Portugal.",
        "Privacy and AI training: new: We may use your prompts to train our models.",
    ]
    # the same text: nothing changed
    assert compare_summaries(before, summarise(QUILL), QUILL, QUILL) == []


def test_a_bullet_that_only_left_the_selection_is_not_a_change() -> None:
    before = summarise(QUILL)
    trimmed = summary_module.Summary(key_terms=before.key_terms[:1])
    # the dropped bullets' sentences are still in the text: not "no longer says"
    assert compare_summaries(before, trimmed, QUILL, QUILL) == []
    assert len(compare_summaries(before, trimmed)) == 2  # without the texts, they look gone


def test_summary_round_trips_through_json() -> None:
    s = summarise(QUILL)
    again = summary_from_dict(json.loads(json.dumps(s.to_dict())))
    assert again.to_dict() == s.to_dict()


def _entry(feed: Path, word: str) -> Any:
    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return next(e for e in parsed.entries if word in e.content[0].value)


def test_feed_entry_lists_the_key_terms_its_version_changed(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)  # credit expiry 12 -> 6 months, then venue Lisbon -> Porto
    out = tmp_path / "site"
    arc.publish(out)
    for ext in ("atom", "rss"):
        feed = out / "feeds" / "lumen" / f"terms-of-service.{ext}"
        expiry = _entry(feed, "expire 6 months")
        html = expiry.content[0].value
        assert "Key terms that changed" in html
        assert "expire 6 months after purchase (was 12 months)." in html
        venue = _entry(feed, "Porto")
        # the court is a fact: its whole old value is given ("Lisbon, Portugal")
        assert "courts of Porto, Portugal (was Lisbon, Portugal)." in venue.content[0].value
    data = json.loads((out / "feeds" / "lumen" / "terms-of-service.json").read_text(encoding="utf-8"))
    assert any("(was 12 months)" in item["content_html"] for item in data["items"])
    ids = [e.id for e in feedparser.parse((out / "feeds" / "all.atom").read_bytes()).entries]
    # entry ids do not depend on the summaries: a publish without them (feeds alone) gives the same ids
    (out / "feeds" / ".tracker-feeds.json").unlink()
    arc.publish(out)
    assert [e.id for e in feedparser.parse((out / "feeds" / "all.atom").read_bytes()).entries] == ids


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the real ``summarise`` is called on during the test."""
    calls: list[str] = []
    real = summary_module.summarise

    def counting(markdown: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(markdown)
        return real(markdown, *args, **kwargs)

    monkeypatch.setattr(summary_module, "summarise", counting)
    return calls


def test_second_publish_computes_no_summary(archive: tuple[Archive, Pages], tmp_path: Path,
                                            counted: list[str]) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    out = tmp_path / "site"
    first = arc.publish(out)
    assert first["summaries_computed"] > 0 and len(counted) == first["summaries_computed"]
    key_terms = (out / "lumen" / "key-terms.html").read_bytes()

    counted.clear()
    again = arc.publish(out)
    assert counted == [] and again["summaries_computed"] == 0
    assert again["pages_written"] == [] and (out / "lumen" / "key-terms.html").read_bytes() == key_terms

    # a new version of Orbit's policy: its summaries are computed again, Lumen's are not
    pages.days = "120"
    arc.run()
    counted.clear()
    step = arc.publish(out)
    assert step["summaries_computed"] == len(counted) >= 1
    assert all("Orbit" in text and "Lumen" not in text for text in counted)
    assert "orbit/key-terms.html" in step["pages_written"]
    assert "120 days" in (out / "orbit" / "key-terms.html").read_text(encoding="utf-8")

    # a broken cache file just means recomputing
    (out / ".tracker-summaries.json").write_text("{not json", encoding="utf-8")
    counted.clear()
    assert arc.publish(out)["summaries_computed"] >= 2 and counted


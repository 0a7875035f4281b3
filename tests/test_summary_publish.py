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
        "§ 2 Credits: Quill credits are non-refundable and expire 6 months after purchase (was 12 months).",
        "§ 3 Disputes: no longer says: Any dispute will be heard by the courts of Lisbon, Portugal.",
        "§ 4 Training: new: We may use your prompts to train our models.",
    ]
    # the same text: nothing changed
    assert compare_summaries(before, summarise(QUILL), QUILL, QUILL) == []


# A PDF's text: numbered titles on lines of their own, no Markdown headings.
PENWARDEN = """Penwarden Data Processing Addendum

7. Subprocessors

Penwarden uses the subprocessors listed on its website to host and support the service.

9. Changes to this Addendum

Penwarden will notify you by email 30 days before a change to this Addendum applies.
"""


def test_a_changed_key_term_is_named_by_the_heading_it_stands_under() -> None:
    # a subprocessor clause that speaks of changes stands under "7. Subprocessors": never listed
    # under a topic guessed from its words ("Changes to the terms")
    after_text = PENWARDEN.replace("support the service.", "support the service. Penwarden may add or replace "
                                   "subprocessors at any time, and changes to the list take effect when they are posted.")
    lines = [c.line() for c in compare_summaries(summarise(PENWARDEN), summarise(after_text), PENWARDEN, after_text)]
    assert lines == ["§ 7 Subprocessors: new: Penwarden may add or replace subprocessors at any time, and changes to "
                     "the list take effect when they are posted."], lines
    # a term under no heading at all is said alone
    bare = "Penwarden may end the service at any time.\n"
    lines = [c.line() for c in compare_summaries(summarise(""), summarise(bare), "", bare)]
    assert lines == ["New: Penwarden may end the service at any time."], lines


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



# A service whose terms leave AI training to its privacy policy ("See the Privacy Policy.").
_HERON_TERMS = """<html><body><article id="terms"><h1>Heron Notes Terms</h1>
<h2>1. Accounts</h2><p>You must be at least 16 years old to use Heron Notes.</p>
<h2>2. Your content</h2><p>We process the notes you send only as needed to run the service and as
described in our Privacy Policy.</p>
</article></body></html>"""
_HERON_PRIVACY = """<html><body><article id="terms"><h1>Heron Notes Privacy Policy</h1>
<h2>3. How we use information</h2><p>Unless you opt out, we may use your notes to train and improve
our models. You can opt out at any time in your settings.</p>
</article></body></html>"""


def test_the_site_answers_a_pointer_with_the_other_documents_answer_like_the_cli(tmp_path: Path,
                                                                                httpserver: Any) -> None:
    from support import TrackerCLI

    for path, body in (("/heron/terms", _HERON_TERMS), ("/heron/privacy", _HERON_PRIVACY)):
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html; charset=utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[service]]
id = "heron"
name = "Heron Notes"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/heron/terms')}"
  select = ["article#terms"]

  [[service.document]]
  type = "Privacy Policy"
  url = "{httpserver.url_for('/heron/privacy')}"
  select = ["article#terms"]
""", encoding="utf-8")
    tracker = TrackerCLI(tmp_path / "store", sources)
    tracker("run")
    cli = json.loads(tracker("summary", "heron", "Terms of Service", "--json").stdout)
    training = next(a for a in cli["answers"] if a["id"] == "ai-training")
    assert training["answer"] == "See the Privacy Policy."
    other = training["from_document"]
    assert other["document"] == "Privacy Policy" and "train and improve" in other["answer"]
    out = tmp_path / "site"
    tracker("publish", "--out", str(out))
    page = (out / "heron" / "key-terms.html").read_text(encoding="utf-8")
    pointer = page.index("See the Privacy Policy.")
    answer_after = page[pointer:page.index("</dd>", pointer)]
    # the same as the CLI: the pointer, then what the Privacy Policy says, linked to its clause
    assert "The <bdi>Privacy Policy</bdi> says:" in answer_after, answer_after
    assert "Unless you opt out, we may use your notes to train and improve" in answer_after
    href = answer_after.split('href="#', 2)[-1].split('"', 1)[0]
    assert f'id="{href}"' in page  # the clause quoted on the same page

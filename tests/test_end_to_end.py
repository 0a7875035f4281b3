"""End to end: the real CLI against a real local HTTP server, a real git archive and SQLite index."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Response

from tracker.cli.app import cli

TERMS = """<!doctype html><html><head><title>Quill Notes terms</title>
<script>var build = "{build}";</script></head><body>
<nav><a href="/">Home</a> <a href="/pricing">{nav}</a></nav>
<div class="cookie-banner">We use cookies. {cookie}</div>
<main><article id="terms">
<h1>Quill Notes Terms of Service</h1>
<p>Last updated: {date}</p>
<h2>1. Accounts</h2>
<p>You must be at least 16 years old to create a Quill Notes account.</p>
<h2>2. Storage credits</h2>
<p>Storage credits are non-refundable and expire {expiry} after purchase.</p>
<ol><li>Credits cannot be transferred.</li><li>Unused credits are forfeited when an account is closed.</li></ol>
<h2>3. Disputes</h2>
<p>Any dispute will be heard by the courts of {venue}.</p>
</article></main>
<footer>&copy; {year} Quill Notes Ltd.</footer></body></html>"""

DEFAULTS = dict(build="a1", nav="Pricing", cookie="", date="March 1, 2026", expiry="12 months",
                venue="Dublin, Ireland", year="2026")

PRIVACY = """<html><body><main><article id="terms"><h1>Privacy</h1>
<p>We keep your notes for {days} days after you delete them.</p></article></main></body></html>"""


class Site:
    """The pages the local server serves; tests edit them between runs."""

    def __init__(self) -> None:
        self.terms = dict(DEFAULTS)
        self.privacy_days = "30"

    def handler(self, request):  # werkzeug request -> response
        if request.path == "/terms":
            return Response(TERMS.format(**self.terms), content_type="text/html; charset=utf-8")
        if request.path == "/privacy":
            return Response(PRIVACY.format(days=self.privacy_days), content_type="text/html")
        return Response("not here", status=404)


@pytest.fixture
def site(httpserver):
    s = Site()
    httpserver.expect_request("/terms").respond_with_handler(s.handler)
    httpserver.expect_request("/privacy").respond_with_handler(s.handler)
    httpserver.expect_request("/missing").respond_with_handler(s.handler)
    return s


@pytest.fixture
def env(tmp_path, httpserver, site, tracker_cli):
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f"""
[[service]]
id = "quill"
name = "Quill Notes"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/terms')}"
  select = ["article#terms"]
  remove = [".cookie-banner"]

  [[service.document]]
  type = "Privacy Policy"
  url = "{httpserver.url_for('/privacy')}"
  select = ["article#terms"]

[[service]]
id = "broken"
name = "Broken Co"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/missing')}"
""",
        encoding="utf-8",
    )
    tracker = tracker_cli(sources)  # runs without the polite per-host delay: one local host
    return tracker, tracker.store


def git_log(store: Path) -> list[str]:
    out = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%s"],
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def run_json(tracker, code=1):
    out = tracker("run", "--json", code=code).output
    try:
        return json.loads(out)
    except ValueError:
        raise AssertionError(out) from None


def test_first_record_unchanged_noise_and_change(env, site):
    tracker, store = env
    first = run_json(tracker)
    assert first["counts"] == {"checked": 3, "new": 2, "changed": 0, "unchanged": 0, "pending": 0,
                               "failed": 1}
    failed = [d for d in first["documents"] if d["outcome"] == "failed"]
    assert failed[0]["key"] == "broken/Terms of Service" and "404" in failed[0]["error"]
    assert len(git_log(store)) == 2

    # unchanged: no new commit
    assert run_json(tracker)["counts"]["unchanged"] == 2
    # noise outside the selected region and in the removed banner: still unchanged
    site.terms.update(build="b2", nav="Plans", cookie="Accept all?", year="2027")
    assert run_json(tracker)["counts"]["unchanged"] == 2
    assert len(git_log(store)) == 2

    # a real change inside the terms
    site.terms.update(expiry="6 months")
    result = run_json(tracker)
    assert result["counts"]["changed"] == 1 and result["counts"]["unchanged"] == 1
    log = git_log(store)
    assert log[0] == "Record new version of Quill Notes Terms of Service"
    assert len(log) == 3

    text = tracker("show", "quill", "Terms of Service").output
    assert "expire 6 months after purchase" in text and "cookies" not in text and "Plans" not in text
    old = tracker("show", "quill", "Terms of Service", "--at", "1").output
    assert "12 months" in old

    diff = json.loads(tracker("diff", "quill", "Terms of Service", "--json").output)
    assert [c["kind"] for c in diff["changes"]] == ["modified"]
    assert "12 months" in diff["changes"][0]["before"] and "6 months" in diff["changes"][0]["after"]

    plain = tracker("diff", "quill", "Terms of Service", "--no-color").output
    assert "[-12-]" in plain and "{+6+}" in plain

    history = json.loads(tracker("history", "quill", "--json").output)
    terms = [h for h in history if h["document_type"] == "Terms of Service"]
    assert [h["seq"] for h in terms] == [1, 2] and terms[1]["changes"] == 1


def test_commit_trailers_and_raw_bytes(env, httpserver):
    tracker, store = env
    run_json(tracker)
    body = subprocess.run(["git", "-C", str(store / "archive"), "log", "-1", "--format=%B", "--",
                           "quill/Terms of Service.md"], capture_output=True, text=True, check=True).stdout
    assert f"Source-URL: {httpserver.url_for('/terms')}" in body
    assert "HTTP-Status: 200" in body and "Content-Hash: sha256:" in body and "Extractor-Version:" in body
    raw = (store / "archive" / ".raw" / "quill" / "Terms of Service.html").read_text()
    assert "cookie-banner" in raw  # the raw page is kept whole, for re-extraction
    md = (store / "archive" / "quill" / "Terms of Service.md").read_text()
    assert md.startswith("# Quill Notes Terms of Service")


def test_filters_and_exit_codes(env):
    tracker, _ = env
    ok = json.loads(tracker("run", "--service", "quill", "--json", code=0).output)
    assert ok["counts"]["checked"] == 2
    one = json.loads(tracker("run", "-s", "quill", "-d", "privacy policy", "--json", code=0).output)
    assert [d["key"] for d in one["documents"]] == ["quill/Privacy Policy"]
    bad = tracker("run", "--service", "nope", code=2)
    assert "nope" in bad.output
    # --service repeats: each service's documents once (the same one named twice is checked once),
    # and an unknown one among them is still an error
    twice = json.loads(tracker("run", "-s", "quill", "-s", "QUILL", "--json", code=0).output)
    assert twice["counts"]["checked"] == 2
    assert "nope" in tracker("run", "-s", "quill", "-s", "nope", code=2).output


def test_reindex_gives_the_same_index(env, site):
    tracker, store = env
    run_json(tracker)
    site.terms.update(expiry="6 months", date="April 2, 2026")
    site.privacy_days = "90"
    run_json(tracker)

    def snapshot() -> dict:
        conn = sqlite3.connect(store / "index.sqlite")
        tables = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")))
                  for t in ("services", "documents", "versions", "changes")}
        conn.close()
        return tables

    before = snapshot()
    assert len(before["versions"]) == 4
    tracker("reindex")
    assert snapshot() == before
    (store / "index.sqlite").unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(store / "index.sqlite") + suffix).unlink(missing_ok=True)
    tracker("reindex")
    assert snapshot() == before


def test_index_catches_up_with_commits_it_missed(env, site):
    """A run that died after its git commit but before its index write loses nothing."""
    tracker, store = env
    run_json(tracker)
    saved = _copy_index(store)  # the index as it was before the second run wrote anything
    site.terms.update(expiry="6 months")
    run_json(tracker)
    _restore_index(store, saved)
    history = json.loads(tracker("history", "quill", "Terms of Service", "--json").output)
    assert [h["seq"] for h in history] == [1, 2]
    assert history[1]["changes"] == 1
    # and the next run records nothing twice
    assert run_json(tracker)["counts"]["unchanged"] == 2
    assert len(git_log(store)) == 3


def _copy_index(store: Path) -> bytes:
    conn = sqlite3.connect(store / "index.sqlite")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return (store / "index.sqlite").read_bytes()


def _restore_index(store: Path, data: bytes) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(store / "index.sqlite") + suffix).unlink(missing_ok=True)
    (store / "index.sqlite").write_bytes(data)


def test_feeds_parse_and_ids_are_stable(env, site, tmp_path):
    tracker, store = env
    run_json(tracker)
    site.terms.update(expiry="6 months")
    run_json(tracker)
    out = tmp_path / "feeds"
    tracker("feed", "--out", str(out))
    for name in ("all.atom", "all.rss", "quill/terms-of-service.atom", "quill/terms-of-service.rss"):
        parsed = feedparser.parse((out / name).read_bytes())
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert len(parsed.entries) == 1
        entry = parsed.entries[0]
        assert "Quill Notes Terms of Service" in entry.title
        assert {t["term"] for t in entry.tags} >= {"Quill Notes", "Terms of Service"}
        assert "6" in entry.summary
    feed = json.loads((out / "all.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and len(feed["items"]) == 1
    first_ids = feedparser.parse((out / "all.atom").read_bytes()).entries[0].id

    # rebuild the index from scratch and the feeds: same ids, same bytes
    atom_bytes = (out / "all.atom").read_bytes()
    tracker("reindex")
    tracker("feed", "--out", str(out))
    assert feedparser.parse((out / "all.atom").read_bytes()).entries[0].id == first_ids
    assert (out / "all.atom").read_bytes() == atom_bytes

    # a later change adds an entry and keeps the old id
    site.terms.update(venue="Cork, Ireland")
    run_json(tracker)
    tracker("feed", "--out", str(out))
    ids = [e.id for e in feedparser.parse((out / "all.atom").read_bytes()).entries]
    assert len(ids) == 2 and first_ids in ids


def test_compare_two_files(tmp_path):
    old = tmp_path / "old.md"
    new = tmp_path / "new.html"
    old.write_text("# Terms\n\n## Refunds\n\nCredits expire after 12 months.\n\n## Law\n\nThe laws of Ireland apply.\n")
    new.write_text("<h1>Terms</h1><h2>Refunds</h2><p>Credits expire after 6 months.</p>"
                   "<h2>Law</h2><p>The laws of Ireland apply.</p>")
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"material", "categories", "changes", "cosmetic"}
    assert len(data["changes"]) == 1
    change = data["changes"][0]
    assert change["kind"] == "modified" and "12 months" in change["before"] and "6 months" in change["after"]
    assert set(change) >= {"kind", "material", "severity", "categories", "explanation", "before", "after", "clause"}

    same = CliRunner().invoke(cli, ["compare", str(old), str(old), "--json"])
    assert json.loads(same.output)["changes"] == []


def test_queries_on_missing_things_fail_clearly(env, tmp_path):
    tracker, store = env
    empty = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "history", "quill"])
    assert empty.exit_code == 4 and "no archive" in empty.output
    run_json(tracker)
    r = tracker("history", "nobody", code=4)
    assert "no service 'nobody'" in r.output and "quill" in r.output
    r = tracker("show", "quill", "Cookie Policy", code=4)
    assert "Terms of Service" in r.output
    r = tracker("diff", "quill", "Terms of Service", code=4)
    assert "only its first version" in r.output
    r = tracker("compare", str(tmp_path / "nope.md"), str(tmp_path / "nope2.md"), code=1)
    assert "cannot read" in r.output


def test_status_lists_failures(env):
    tracker, _ = env
    run_json(tracker)
    run_json(tracker)
    rows = json.loads(tracker("status", "--json").output)
    broken = next(r for r in rows if r["document"] == "broken/Terms of Service")
    assert broken["failing_runs"] == 2 and "404" in broken["error"]
    quill = next(r for r in rows if r["document"] == "quill/Terms of Service")
    assert quill["versions"] == 1 and quill["last_outcome"] == "unchanged"


def test_status_json_says_which_stored_documents_the_sources_file_declares(env, tmp_path):
    """A stored document the sources file no longer declares is ``declared: false`` in --json, as the
    text output marks it "(not in sources.toml)"; without a sources file ``declared`` is null."""
    tracker, _ = env
    run_json(tracker)
    sources = tmp_path / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text[:text.index('[[service]]\nid = "broken"')], encoding="utf-8")
    rows = {r["document"]: r for r in json.loads(tracker("status", "--json").output)}
    assert rows["broken/Terms of Service"]["declared"] is False
    assert rows["quill/Terms of Service"]["declared"] is True
    assert "(not in sources.toml)" in tracker("status").output
    sources.unlink()
    rows = {r["document"]: r for r in json.loads(tracker("status", "--json").output)}
    assert rows["quill/Terms of Service"]["declared"] is None


def test_confirm_waits_for_consecutive_sightings(env, site):
    """A page that blinks between two variants is not recorded until one holds for N runs."""
    tracker, store = env
    tracker("run", "-s", "quill")
    site.terms.update(expiry="6 months")
    r = json.loads(tracker("run", "-s", "quill", "--confirm", "2", "--json").output)
    assert r["counts"]["pending"] == 1 and r["counts"]["changed"] == 0
    site.terms.update(expiry="12 months")  # blinked back: the pending text is forgotten
    assert json.loads(tracker("run", "-s", "quill", "--confirm", "2", "--json").output)["counts"]["unchanged"] == 2
    site.terms.update(expiry="6 months")
    assert json.loads(tracker("run", "-s", "quill", "--confirm", "2", "--json").output)["counts"]["pending"] == 1
    r = json.loads(tracker("run", "-s", "quill", "--confirm", "2", "--json").output)
    assert r["counts"]["changed"] == 1
    assert len(git_log(store)) == 3


def test_revert_is_recorded_as_revert_not_new_terms(env, site, tmp_path):
    tracker, store = env
    tracker("run", "-s", "quill")
    site.terms.update(expiry="6 months")
    tracker("run", "-s", "quill")
    site.terms.update(expiry="12 months")  # the page blinks back
    tracker("run", "-s", "quill")
    assert git_log(store)[0].startswith("Record revert of Quill Notes Terms of Service to its version of 20")
    history = json.loads(tracker("history", "quill", "Terms of Service", "--json").output)
    assert [h["kind"] for h in history] == ["first", "changed", "revert"]
    assert history[1]["material"] is True and history[2]["material"] is False
    assert history[2]["revert_of"] == history[0]["fetched_at"]
    out = tmp_path / "feeds"
    tracker("feed", "--out", str(out))
    entries = feedparser.parse((out / "all.atom").read_bytes()).entries
    revert = next(e for e in entries if "Reverted" in e.title)
    assert "material" not in {t["term"] for t in revert.tags}


def test_classify_reads_lines_and_jsonl():
    lines = "All disputes shall be resolved exclusively by binding arbitration.\nWe love our users.\n"
    result = CliRunner().invoke(cli, ["classify"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == lines.splitlines()
    assert "arbitration" in rows[0]["categories"] and "arbitration" in rows[0]["watch"]
    assert rows[1]["watch"] == []
    jsonl = json.dumps({"text": "Credits are non-refundable.", "id": 7}) + "\n"
    result = CliRunner().invoke(cli, ["classify", "--jsonl"], input=jsonl)
    assert "refunds" in json.loads(result.output)["categories"]
    bad = CliRunner().invoke(cli, ["classify", "--jsonl"], input="not json\n")
    assert bad.exit_code == 2 and "line 1" in bad.output


def test_summary_groups_key_terms(env):
    tracker, _ = env
    tracker("run", "-s", "quill")
    data = json.loads(tracker("summary", "quill", "Terms of Service", "--json").output)
    assert "refunds" in data["categories"]
    credit = data["categories"]["refunds"][0]
    assert "12 months" in credit["text"]
    assert any(f["kind"] == "duration" for f in credit["facts"])
    text = tracker("summary", "quill", "Terms of Service").output
    assert "refunds" in text and "12 months" in text


def test_a_damaged_archive_never_wipes_the_index(env):
    tracker, store = env
    run_json(tracker)
    git_dir = store / "archive" / ".git"
    (git_dir / "HEAD").rename(git_dir / "HEAD.away")  # git can no longer read the repository
    r = tracker("history", "quill", code=3)
    assert "damaged" in r.output
    r = tracker("reindex", code=3)
    (git_dir / "HEAD.away").rename(git_dir / "HEAD")
    history = json.loads(tracker("history", "quill", "--json").output)
    assert len(history) == 2  # the index kept every version


def test_file_urls_can_be_refused(tmp_path):
    page = tmp_path / "terms.md"
    page.write_text("# Terms\n\nCredits expire after 12 months.\n")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "local"\nname = "Local"\n  [[service.document]]\n'
                       f'  type = "Terms"\n  url = "{page.as_uri()}"\n')
    base = ["--store", str(tmp_path / "store"), "--sources", str(sources), "run", "--json"]
    refused = CliRunner().invoke(cli, [*base, "--no-file-urls"])
    assert refused.exit_code == 1 and "file://" in json.loads(refused.stdout)["documents"][0]["error"]
    allowed = CliRunner().invoke(cli, base)
    assert allowed.exit_code == 0 and json.loads(allowed.stdout)["counts"]["new"] == 1


def test_status_before_the_first_run_lists_declared_documents(env):
    tracker, _ = env
    rows = json.loads(tracker("status", "--json").output)
    assert {r["document"] for r in rows} == {"quill/Terms of Service", "quill/Privacy Policy",
                                              "broken/Terms of Service"}
    assert all(r["last_outcome"] == "never checked" for r in rows)

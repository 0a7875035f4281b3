"""`tracker search`: full-text search of recorded clause changes, on real archives and indexes."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Response

from tracker.archive import Index, NewVersion, Store
from tracker.archive.record import index_commits
from tracker.analysis.rendering import LEADS_ON
from tracker.archive.index import _phrase_end
from tracker.cli.app import cli

COURTS = "Any dispute will be heard by the courts of Dublin, Ireland."
ARBITRATION = ("Any dispute will be resolved by binding arbitration administered by the American Arbitration "
               "Association, and you waive any right to a jury trial.")


def terms(name: str, *, expiry: str = "12 months", disputes: str = COURTS, refunds: str = "") -> str:
    return "\n\n".join([
        f"# {name} Terms of Service",
        "## 1. Accounts",
        f"You must be at least 16 years old to create a {name} account.",
        "## 2. Credits",
        f"Credits are non-refundable and expire {expiry} after purchase. {refunds}".strip(),
        "## 3. Disputes",
        disputes,
        "",
    ])


# (service, name, date, text): quill moves to arbitration in 2026, nimbus already did in 2025
HISTORY = [
    ("quill", "Quill Notes", "2025-01-10", terms("Quill Notes")),
    ("nimbus", "Nimbus AI", "2025-01-12", terms("Nimbus AI")),
    ("quill", "Quill Notes", "2025-06-01", terms("Quill Notes", expiry="6 months")),
    ("nimbus", "Nimbus AI", "2025-09-01", terms("Nimbus AI", disputes=ARBITRATION)),
    ("quill", "Quill Notes", "2026-02-10", terms("Quill Notes", expiry="6 months", disputes=ARBITRATION)),
    ("nimbus", "Nimbus AI", "2026-03-01",
     terms("Nimbus AI", disputes=ARBITRATION, refunds="Refunds are given only where the law requires them.")),
]


def build(root: Path, history: list[tuple[str, str, str, str]] = HISTORY) -> Store:
    """A real git archive and index of ``history``, recorded and indexed by the library."""
    store = Store(root)
    store.init()
    seen: set[str] = set()
    with Index(store.index_path) as index:
        for service, name, day, text in history:
            when = datetime.fromisoformat(day).replace(hour=9, tzinfo=timezone.utc)
            url = f"https://{service}.example/terms"
            store.record([NewVersion(service, name, "Terms of Service", text, text.encode(), "md", url, url, when, 200,
                                     "text/markdown", "1", "changed" if service in seen else "first")])
            seen.add(service)
            index_commits(store, index, store.commits(since=index.get_meta("indexed_head")))
    return store


def tracker(root: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(cli, ["--store", str(root), *args])
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    build(tmp_path / "store")
    return tmp_path / "store"


def hits(root: Path, *args: str) -> list[dict]:
    return json.loads(tracker(root, "search", *args, "--json").output)


def test_finds_a_clause_by_a_word_of_its_new_text(archive):
    found = hits(archive, "arbitration")
    # the courts clause each switch removed is found too: it points to the arbitration that replaced it
    pointers = [h for h in found if h["kind"] == "removed"]
    assert [(h["service_id"], h["fetched_at"][:10]) for h in pointers] == [("quill", "2026-02-10"),
                                                                           ("nimbus", "2025-09-01")]
    assert all(h["explanation"].startswith("Replaced by binding arbitration (see ") for h in pointers)
    found = [h for h in found if h["kind"] != "removed"]
    assert [(h["service_id"], h["fetched_at"][:10]) for h in found] == [("quill", "2026-02-10"),
                                                                        ("nimbus", "2025-09-01")]
    for hit in found:
        assert hit["document_type"] == "Terms of Service"
        assert hit["kind"] == "added" and hit["material"] is True and hit["severity"] in ("material", "critical")
        assert hit["heading"] == "3. Disputes"
        assert "arbitration" in hit["categories"]
        assert "**arbitration**" in hit["snippet"].lower()
        assert hit["explanation"]


def test_the_question_from_the_readme(archive):
    """Which services changed their arbitration clause this year?"""
    found = hits(archive, "arbitration", "--category", "arbitration", "--since", "2026-01-01")
    assert [(h["service_id"], h["service_name"], h["seq"]) for h in found] == [("quill", "Quill Notes", 3)]
    out = tracker(archive, "search", "arbitration", "--category", "arbitration", "--since", "2026-01-01").output
    # a new arbitration clause is critical: the text says so as --json does ("severity": "critical")
    assert found[0]["severity"] == "critical"
    assert "quill / Terms of Service  version 3 of 2026-02-10  added  CRITICAL (arbitration" in out
    # plain text off a terminal, the matched word [between brackets] (--json marks it **so**, a
    # terminal shows bold)
    assert "    § 3 Disputes: Any dispute will be resolved by binding [arbitration]" in out
    # the explanation: the courts clause removed beside it, so said as the switch (ux34)
    assert "    Disputes now go to binding arbitration instead of the courts of Dublin, Ireland: Any dispute will be " \
           "resolved" in out, out
    assert "**" not in out
    assert out.rstrip().endswith("1 matching change, newest first")


def test_filters(archive):
    assert {h["service_id"] for h in hits(archive, "arbitration", "--service", "nimbus")} == {"nimbus"}
    assert hits(archive, "arbitration", "--since", "2026-02-11") == []
    assert hits(archive, "arbitration", "--category", "refunds") == []
    # a category id in another case or with "_" / a space is the same id (nu41: "Refunds" was refused)
    assert hits(archive, "arbitration", "--category", "Arbitration") == hits(archive, "arbitration", "--category",
                                                                               "arbitration") != []
    assert hits(archive, "arbitration", "--category", "CLASS_ACTION") == hits(archive, "arbitration", "--category",
                                                                                "class-action")
    # --since alone lists every change since that date, newest first (nu41: it was "the query is empty")
    since = hits(archive, "--since", "2026-02-10")
    assert since and all(h["fetched_at"] >= "2026-02-10" for h in since), since
    assert {h["fetched_at"][:10] for h in hits(archive, "--since", "2025-01-01")} > {h["fetched_at"][:10] for h in since}
    # words of the old text are found too (the removed courts clause)
    assert {h["service_id"] for h in hits(archive, "Dublin")} == {"quill", "nimbus"}
    assert {h["service_id"] for h in hits(archive, "after:Dublin")} == set()
    # stemming: the words as written in the text need not be the ones asked for
    assert {h["service_id"] for h in hits(archive, "arbitrate")} == {"quill", "nimbus"}
    # a hyphenated word is a phrase, not an operator
    assert {h["fetched_at"][:10] for h in hits(archive, "non-refundable", "--service", "quill")} == {"2025-06-01"}
    # the explanation is searched too
    expiry = hits(archive, "explanation:months", "--service", "quill")
    assert [h["fetched_at"][:10] for h in expiry] == ["2025-06-01"]
    assert "6 months" in expiry[0]["explanation"]
    assert len(hits(archive, "arbitration", "--limit", "1")) == 1


def test_json_shape(archive):
    (hit,) = hits(archive, "refunds", "--service", "nimbus")
    assert set(hit) == {"service_id", "service_name", "document_type", "document_key", "fetched_at", "seq",
                        "commit_sha", "kind", "severity", "material", "categories", "clause_id", "heading",
                        "snippet", "explanation", "section", "snippet_from", "changed_again"}
    assert hit["section"] == "§ 2 Credits"  # as `tracker diff` names the clause
    assert hit["document_key"] == "nimbus/Terms of Service" and hit["seq"] == 3
    assert hit["kind"] in ("modified", "added") and isinstance(hit["categories"], list)
    assert len(hit["commit_sha"]) == 40 and hit["fetched_at"] == "2026-03-01T09:00:00Z"


def test_bad_queries_and_options_are_one_line_errors(archive):
    for query in ('"unbalanced', "(arbitration", "arbitration AND", "nosuchfield:arbitration"):
        result = tracker(archive, "search", query, code=2)
        assert result.output.startswith(f"error: bad search query {query!r}"), result.output
        assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert tracker(archive, "search", "  ", code=2).output.startswith("error: the search query is empty")
    assert "known: pricing" in tracker(archive, "search", "x", "--category", "nope", code=2).output
    # a typo gets the one close name first, before the whole list
    assert "no category 'refund' (did you mean 'refunds'?); known: pricing" in \
        tracker(archive, "search", "x", "--category", "refund", code=2).output


def test_words_with_punctuation_are_searched_as_written(archive):
    # nu43: "U.S.", "opt-out:", "12 months." are text to SQLite's parser only when quoted; unquoted
    # they were syntax errors. A query SQLite cannot parse is tried again with such words quoted.
    assert hits(archive, "months.") == hits(archive, '"months"')
    assert hits(archive, "months.") and hits(archive, "after:months.") == hits(archive, 'after:"months"')
    assert hits(archive, "(months.) OR arbitration") == hits(archive, "months OR arbitration")
    # what is wrong either way keeps its error
    assert tracker(archive, "search", "nosuchfield:arbitration", code=2).output.startswith("error: bad search query")
    assert "no service 'nope'" in tracker(archive, "search", "x", "--service", "nope", code=4).output
    tracker(archive, "search", "x", "--since", "yesterday", code=2)
    assert tracker(archive, "search", "zebra").output == "no recorded change matches 'zebra'\n"
    assert tracker(archive, "search", "zebra", "--json").output.strip() == "[]"
    assert "no archive" in tracker(archive.parent / "elsewhere", "search", "x", code=4).output
    assert "Examples:" in tracker(archive, "search", "--help").output


def test_search_index_stays_current_and_reindex_rebuilds_it(archive):
    """Triggers keep the full-text index in step with new versions; reindex rebuilds it."""
    store = Store(archive)
    with Index(store.index_path):  # held open while recording, as during a run
        when = datetime(2026, 4, 1, 9, tzinfo=timezone.utc)
        text = terms("Quill Notes", expiry="6 months", disputes=ARBITRATION + " Mediation comes first.")
        store.record([NewVersion("quill", "Quill Notes", "Terms of Service", text, b"", "md", "u", "u", when, 200,
                                 "text/markdown", "1")])
    assert [h["seq"] for h in hits(archive, "mediation")] == [4]  # indexed by the command's catch-up
    before = hits(archive, "arbitration OR dublin OR months")
    tracker(archive, "reindex")
    assert hits(archive, "arbitration OR dublin OR months") == before
    conn = sqlite3.connect(store.index_path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM changes_fts").fetchone() == conn.execute(
            "SELECT COUNT(*) FROM changes").fetchone()
        conn.execute("INSERT INTO changes_fts(changes_fts) VALUES('integrity-check')")
    finally:
        conn.close()


def test_search_after_a_real_run(tmp_path, httpserver):
    """The whole path: `tracker run` against a local server, a change, then `tracker search`."""
    page = {"disputes": COURTS}

    def handler(request):
        return Response(f"<html><body><main>{terms('Quill Notes', disputes=page['disputes'])}</main></body></html>"
                        .replace("\n\n", "<p>"), content_type="text/html")

    httpserver.expect_request("/terms").respond_with_handler(handler)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "quill"\nname = "Quill Notes"\n\n  [[service.document]]\n'
                       f'  type = "Terms of Service"\n  url = "{httpserver.url_for("/terms")}"\n', encoding="utf-8")
    store = tmp_path / "store"
    run = ["--store", str(store), "--sources", str(sources), "run", "--host-delay", "0", "-q"]
    assert CliRunner().invoke(cli, run).exit_code == 0
    page["disputes"] = ARBITRATION
    assert CliRunner().invoke(cli, run).exit_code == 0
    (hit,) = hits(store, "jury", "--category", "arbitration")
    assert hit["service_id"] == "quill" and hit["seq"] == 2 and "**jury**" in hit["snippet"]


def test_a_leading_not_is_explained(tmp_path):
    from tracker.archive import Index, SearchQueryError

    with Index(tmp_path / "index.sqlite") as index:
        with pytest.raises(SearchQueryError, match="NOT must come after a word") as caught:
            index.search("NOT arbitration")
    assert isinstance(caught.value, ValueError)


def test_an_old_value_is_never_shown_as_the_current_one(tmp_path: Path) -> None:
    """Quill's credits expire after 12, then 6, then 3 months: a word of the clause finds its
    current text (or the explanation), the old text only when only it matches, and then says so;
    a change whose clause changed again later says that too."""
    store = tmp_path / "store"
    build(store, [("quill", "Quill Notes", "2025-01-10", terms("Quill Notes")),
                  ("quill", "Quill Notes", "2025-06-01", terms("Quill Notes", expiry="6 months")),
                  ("quill", "Quill Notes", "2026-02-10", terms("Quill Notes", expiry="3 months"))])
    found = hits(store, "credits")
    assert [h["seq"] for h in found] == [3, 2]
    for h in found:  # the word is in the old and new text alike: the new text (or explanation) shows
        assert h["snippet_from"] in ("after", "explanation"), h
        assert "12 months" not in h["snippet"], h
    assert found[0]["changed_again"] is None and found[1]["changed_again"] == 3
    old = hits(store, '"12 months"')
    assert [(h["seq"], h["snippet_from"]) for h in old] == [(2, "before")], old
    text = tracker(store, "search", '"12 months"').output
    assert "§ 2 Credits (old text, before this version) (changed again in version 3): " in text, text
    text = tracker(store, "search", "credits").output.splitlines()
    lines = [line for line in text if line.startswith("    § 2 Credits")]
    assert len(lines) == 2 and "changed again" not in lines[0] and "(changed again in version 3)" in lines[1], text
    assert not any("old text" in line for line in lines), text


def test_a_snippet_cut_by_sqlite_ends_on_a_word_that_carries_meaning(tmp_path: Path) -> None:
    long = ("Credits that you have not used may expire 6 months after the date you bought them from us or from any "
            "reseller that we have approved in writing for your region.")
    store = tmp_path / "store"
    build(store, [("quill", "Quill Notes", "2025-01-10", terms("Quill Notes")),
                  ("quill", "Quill Notes", "2025-06-01", terms("Quill Notes", refunds=long))])
    found = hits(store, "reseller")
    assert found, found
    for h in found:
        snippet = h["snippet"]
        assert "**reseller**" in snippet, snippet  # the matched word is never dropped
        if snippet.endswith("…"):
            last = snippet[:-1].split()[-1].lower().strip("*,;:")
            assert last not in LEADS_ON, snippet
    assert _phrase_end("…Credits that you have not used may expire 6 months after the date you…") == \
        "…Credits that you have not used may expire 6 months after the date…"
    assert _phrase_end("…held in San Francisco, California, rather…") == "…held in San Francisco, California…"
    assert _phrase_end("…we may \x02share\x03 the…") == "…we may \x02share\x03…"
    assert _phrase_end("…we will tell you \x02about\x03…") == "…we will tell you \x02about\x03…"  # a match stays


def test_snippets_are_plain_text_with_the_match_visible_in_a_pipe_a_terminal_and_json(tmp_path: Path) -> None:
    """Clauses whose Markdown holds links, emphasis, inline HTML and tables: no mark of any of them
    reaches a snippet, whether SQLite cuts the clause inside a tag or a link or not."""
    linked = ("Refunds are described on the <a href=\"https://quill.example/help/refunds-and-credits\">refunds "
              "page</a> of our <span class=\"note\">help centre</span>, and **every refund** is paid to the "
              "[original card](https://quill.example/cards/refund-card) within 14 days.<br>Contact us first.")
    long_tag = ("We may update these terms at any time. <abbr title=\"a refund of unused prepaid credits only, never "
                "of credits that were granted for free or as part of a promotion\">Prorated refunds</abbr> apply "
                "to annual plans cancelled within the first thirty days of the renewal period.")
    table = "| Plan | Refund window |\n|---|---|\n| Basic | 14 days |\n| Pro | 30 days |"
    store = tmp_path / "store"
    build(store, [("quill", "Quill Notes", "2025-01-10", terms("Quill Notes")),
                  ("quill", "Quill Notes", "2025-06-01", terms("Quill Notes", refunds=f"{linked}\n\n{long_tag}\n\n{table}"))])
    found = hits(store, "refund*")
    assert found
    for h in found:
        snippet = h["snippet"]
        assert not any(m in snippet for m in ("<", ">", "](", "href", "class=", "title=", "|", "\x02", "\x03")), snippet
        assert "**" in snippet, snippet  # the match is marked ...
        assert snippet.count("**") % 2 == 0 and "****" not in snippet, snippet  # ... and only by the marks
    piped = tracker(store, "search", "refund*").output
    body = [line for line in piped.splitlines() if line.startswith("    §")]
    assert body and all("[" in line and "]" in line for line in body), piped
    assert not any(m in piped for m in ("<a", "</", "href", "**", "](", "\x1b")), piped
    terminal = tracker(store, "search", "refund*", "--color").output
    assert "\x1b[1m" in terminal and "[refund" not in terminal.lower().replace("\x1b[1m", "")
    plain = tracker(store, "search", "refund*", "--no-color").output
    assert "\x1b[" not in plain and "[Refund" in plain


def test_a_later_version_of_one_second_is_listed_first(tmp_path: Path) -> None:
    # nu42: the demo records two versions in one second; "newest first" put version 2's change
    # among version 3's (ordered by clause number alone within one fetch time)
    same_day = [("quill", "Quill Notes", "2026-02-10", terms("Quill Notes")),
                ("quill", "Quill Notes", "2026-02-10", terms("Quill Notes", expiry="6 months")),
                ("quill", "Quill Notes", "2026-02-10", terms("Quill Notes", expiry="3 months", disputes=ARBITRATION,
                                                             refunds="Refunds are given only where the law requires them."))]
    build(tmp_path / "store", same_day)
    seqs = [h["seq"] for h in hits(tmp_path / "store", "--since", "2026-01-01")]
    assert set(seqs) == {2, 3}, seqs
    assert seqs == sorted(seqs, reverse=True), seqs

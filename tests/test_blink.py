"""Clause-level reverts ("partial-revert"): a page whose blocks blink between wordings it had lately
is not flagged again and again, in a history import, in the run's record path and after
``reanalyse``; a genuinely new clause, and one back after a long absence, still are."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from support import DEFAULTS, make_archive
from test_import_reuse import rows
from test_importer import commit_files, git
from tracker.analysis.restored import Window, line_forms, restores
from tracker.archive.index import Index
from tracker.archive.reanalyse import reanalyse
from tracker.archive.record import reindex, sync
from tracker.archive.store import NewVersion, Store
from tracker.ota.history import import_history

BASE = """# Terms of Service

Last updated: {date}

## 1. Plans

The Basic plan of Heron Docs costs 5 euros per month.

{promo}

## 2. Data

{data}

## 3. Disputes

Disputes are settled by the courts of Ghent.
"""
PROMO_A = "New members get their first month free, then the plan renews automatically."
PROMO_B = "New members pay 1 euro for their first month, then the plan renews automatically at 9 euros."
DATA_A = "We keep your documents for 30 days after you delete them."
DATA_B = "We keep your documents for 90 days after you delete them."
SHARING = "We may use your documents to train our artificial intelligence models."
START = datetime(2024, 3, 1, 10, tzinfo=timezone.utc)


def text(day: int, promo: str, data: str, extra: str = "") -> str:
    date = (START + timedelta(days=day)).strftime("%B %-d, %Y")
    return BASE.format(date=date, promo=promo, data=data + (f"\n\n{extra}" if extra else ""))


# (day, promo, data, extra clause): two independent blinking blocks, a genuine new clause, then
# the blinks again; every version has a new "Last updated" date, so none is an exact revert.
BLINKS = [
    (0, PROMO_A, DATA_A, ""),
    (1, PROMO_B, DATA_A, ""),         # promo B appears: changed
    (2, PROMO_A, DATA_B, ""),         # data B appears (promo back to A): changed
    (3, PROMO_B, DATA_B, ""),         # a combination never seen, of wordings seen lately
    (4, PROMO_A, DATA_A, ""),
    (5, PROMO_A, DATA_A, SHARING),    # a genuinely new clause: changed, material
    (6, PROMO_B, DATA_B, SHARING),
    (7, PROMO_A, DATA_B, SHARING),
]
EXPECTED = ["first", "changed", "changed", "partial-revert", "partial-revert", "changed", "partial-revert",
            "partial-revert"]


def at(day: int) -> str:
    return (START + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ")


def history(repo: Path, steps: list[tuple[int, str, str, str]]) -> Path:
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for day, promo, data, extra in steps:
        commit_files(repo, {"Heron Docs/Terms of Service.md": text(day, promo, data, extra)}, at(day))
    return repo


def indexed(path: Path) -> list[tuple[str, int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT kind, material, summary FROM versions WHERE document_key = "
                            "'heron-docs/Terms of Service' ORDER BY seq").fetchall()


def test_an_ab_blink_is_flagged_once_per_wording_on_import_reindex_and_reanalyse(tmp_path: Path) -> None:
    repo = history(tmp_path / "versions", BLINKS)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo, batch=3)
    got = indexed(store.index_path)
    assert [k for k, _, _ in got] == EXPECTED
    # the first appearance of each wording and the new clause are material, no blink after them
    assert [m for _, m, _ in got] == [0, 1, 1, 0, 0, 1, 0, 0]
    assert "artificial intelligence" in got[5][2]
    assert "went back to wording the page had lately" in got[3][2]
    # the ordinary path (a rebuild from the archive) settles the same kinds and analyses
    copy = tmp_path / "reindexed.sqlite"
    with Index(copy) as again:
        reindex(store, again)
    assert rows(store.index_path) == rows(copy)
    # reanalyse keeps the kinds and recomputes the same analyses
    with Index(store.index_path) as index:
        reanalyse(store, index, force=True)
    assert rows(store.index_path) == rows(copy)


def version(day: int, body: str) -> NewVersion:
    return NewVersion("heron-docs", "Heron Docs", "Terms of Service", body, body.encode(), "md",
                      "https://heron.example/terms", "https://heron.example/terms",
                      START + timedelta(days=day), 200, "text/markdown", "1")


def test_the_run_path_settles_the_same_kinds_one_version_per_run(tmp_path: Path) -> None:
    """Each run records one version and indexes it (``sync``): the window of earlier versions is
    read back from the archive every time, and the kinds are those of the import."""
    store = Store(tmp_path / "store")
    store.init()
    for day, promo, data, extra in BLINKS:
        store.record([version(day, text(day, promo, data, extra))])
        with Index(store.index_path) as index:  # a fresh process each run: nothing in memory
            sync(store, index)
    assert [k for k, _, _ in indexed(store.index_path)] == EXPECTED


def test_a_clause_back_after_the_window_is_news(tmp_path: Path) -> None:
    """A clause dropped and brought back two months after the page last had it is a change (and
    material) again: the page never flipped between the two texts before, so nothing says the
    text with it is a variant the page alternates with."""
    steps = [(0, PROMO_A, DATA_A, SHARING), (1, PROMO_A, DATA_A, ""), (70, PROMO_A, DATA_A, SHARING)]
    repo = history(tmp_path / "versions", steps)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo)
    got = indexed(store.index_path)
    assert [k for k, _, _ in got] == ["first", "changed", "changed"]
    assert got[2][1] == 1


def test_a_variant_back_after_months_of_a_page_that_flips_is_no_news(tmp_path: Path) -> None:
    """A page seen flipping between a text with a clause and one without it (days 0-3) that goes
    back to the text with it two months later (only its date changed) returns to a variant it
    has: not material, said as a return to that variant, as an exact revert would be."""
    steps = [(0, PROMO_A, DATA_A, SHARING), (1, PROMO_A, DATA_A, ""), (2, PROMO_A, DATA_A, SHARING),
             (3, PROMO_A, DATA_A, ""), (70, PROMO_A, DATA_A, SHARING)]
    repo = history(tmp_path / "versions", steps)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo)
    got = indexed(store.index_path)
    assert [k for k, _, _ in got] == ["first", "changed", "partial-revert", "partial-revert", "partial-revert"]
    assert got[4][1] == 0 and "variant of 2024-03-03" in got[4][2], got[4]


def test_a_change_undone_then_redone_within_the_window_is_flagged_once(tmp_path: Path) -> None:
    """Documented choice: the feed reported the new clause when it appeared; its removal days
    later and its return days after that restore states the page had lately (like whole-text
    reverts), so neither is flagged again."""
    steps = [(0, PROMO_A, DATA_A, ""), (1, PROMO_A, DATA_A, SHARING), (3, PROMO_A, DATA_A, ""),
             (5, PROMO_A, DATA_A, SHARING)]
    repo = history(tmp_path / "versions", steps)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo)
    got = indexed(store.index_path)
    assert [(k, m) for k, m, _ in got] == [("first", 0), ("changed", 1), ("partial-revert", 0), ("partial-revert", 0)]


def test_restores_needs_every_changed_line_to_be_recent() -> None:
    def seen(day: int, body: str) -> tuple[str, str, str]:
        return (str(day), at(day), body)

    window = Window()
    window.load([seen(0, "# T\n\nAlpha.\n\nBeta one.\n"), seen(1, "# T\n\nAlpha.\n\nBeta two.\n")])
    # back to "Beta one." with a link and case change: a blink
    assert window.add("2", at(2), "# T\n\nALPHA.\n\n[Beta](https://x.example/a) one.\n", check=True)
    # a line never seen: a change
    assert not window.add("3", at(3), "# T\n\nAlpha.\n\nBeta three.\n", check=True)
    # nothing changed but the markup: not a revert of anything (the analysis calls it cosmetic)
    assert not restores(line_forms("A *b*."), line_forms("A b."), [], at(3))
    # a version without a usable date is never judged one
    assert not restores(line_forms("A."), line_forms("B."), list(window.versions), "not a date")


def test_tracker_run_flags_a_blinking_note_once_per_wording(tmp_path: Path, httpserver: Any) -> None:
    """Real runs against a local server: the terms page's team note flips between two wordings
    while its "Last updated" date moves; only the first run with each wording is news."""
    arc, pages = make_archive(tmp_path, httpserver)
    promo = "Summer offer: your first month of Lumen Maps Pro is free, then it renews at 4 euros a month."
    steps = [("March 1, 2026", DEFAULTS["note"]), ("March 2, 2026", promo), ("March 3, 2026", DEFAULTS["note"]),
             ("March 4, 2026", promo), ("March 5, 2026", DEFAULTS["note"])]
    for date, note in steps:
        pages.terms.update(date=date, note=note)
        arc.run()
    history = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").stdout)
    assert [v["kind"] for v in history] == ["first", "changed", "partial-revert", "partial-revert", "partial-revert"]
    assert not any(v["material"] for v in history[2:])
    # a genuinely new clause in the next run is a change again, whatever the note does
    pages.terms.update(date="March 6, 2026", note=promo, expiry="3 months")
    arc.run()
    latest = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").stdout)[-1]
    assert latest["kind"] == "changed" and latest["material"]


def test_an_error_page_in_the_window_does_not_hide_a_removal() -> None:
    """An error page captured lately lacks every line: dropping a long-standing clause does not
    restore it."""
    terms = "# Terms\n\nWe keep your notes for 30 days.\n\nYou may cancel at any time.\n\nCourts of Ghent.\n"
    window = Window()
    window.load([("a", at(0), terms), ("b", at(1), "# Page not found\n\nSorry.\n"), ("c", at(2), terms)])
    assert not window.add("d", at(3), terms.replace("You may cancel at any time.\n\n", ""), check=True)


def test_reanalyse_of_an_index_built_before_the_rule_ends_as_a_fresh_import(tmp_path: Path) -> None:
    """An index whose blinks were recorded as "changed" (built by earlier code) gets the kinds and
    analyses a fresh import gives, from ``reanalyse`` alone."""
    repo = history(tmp_path / "versions", BLINKS)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo)
    fresh = rows(store.index_path)
    with sqlite3.connect(store.index_path) as conn:
        conn.execute("UPDATE versions SET kind = 'changed', analysis_version = 'old' WHERE kind = 'partial-revert'")
    with Index(store.index_path) as index:
        result = reanalyse(store, index)
    assert result.versions == EXPECTED.count("partial-revert")
    assert rows(store.index_path) == fresh


def test_a_first_version_costs_no_line_forms_until_a_later_one_needs_them():
    from tracker.analysis import restored

    restored._FORMS.clear()
    window = restored.Window()
    assert not window.add("h1", "2026-01-01T00:00:00Z", "# Terms\n\nA first version.\n", check=False)
    assert not restored._FORMS  # a first run (one version per document) computes nothing
    assert window.add("h2", "2026-01-02T00:00:00Z", "# Terms\n\nA second version.\n", check=True) is False
    assert [s.digest for s in window.versions] == ["h1", "h2"] and window.versions[0].forms


def test_a_window_reads_and_compares_earlier_versions_only_when_one_is_recent():
    """Line forms and the texts of loaded versions cost nothing for a change whose earlier
    versions are all older than WINDOW_DAYS (or absent): none of them can be restored."""
    from tracker.analysis import restored

    reads: list[str] = []

    def lazy(body: str) -> Any:
        def read() -> str:
            reads.append(body)
            return body
        return read

    old, blink = "# T\n\nAlpha.\n\nBeta one.\n", "# T\n\nAlpha.\n\nBeta two.\n"
    restored._FORMS.clear()
    window = restored.Window()
    window.load([("a", at(0), lazy(old)), ("b", at(40), lazy(blink))])
    # back to the text of 40 days before: too old to be restored, so a change, and nothing read
    assert not window.add("c", at(41), old, check=True)
    assert reads == [] and not restored._FORMS
    # the same flip again a day later: "b" (day 40) is recent now, so its text is read and compared
    assert window.add("d", at(42), blink, check=True)
    assert reads == [blink]
    # a single version before: nothing to restore, nothing read
    single = restored.Window()
    single.load([("a", at(0), lazy(old))])
    assert not single.add("b", at(1), blink, check=True) and reads == [blink]
    assert len(single) == 2 and [s.digest for s in single.versions] == ["a", "b"]


def test_a_window_lets_go_of_archived_texts_and_reads_them_back_when_needed():
    """A version the archive holds is not kept in memory once it is neither the newest nor recent
    beside the newest; compared again (dates out of order), it is read back, with the same answer."""
    from tracker.analysis import restored

    reads: list[str] = []

    def archive(body: str) -> Any:
        def read() -> str:
            reads.append(body)
            return body
        return read

    old, blink = "# T\n\nAlpha.\n\nBeta one.\n", "# T\n\nAlpha.\n\nBeta two.\n"
    restored._FORMS.clear()
    window = restored.Window()
    assert not window.add("a", at(0), old, check=False)
    window.archived("a", at(0), archive(old))
    assert not window.add("b", at(1), blink, check=True)
    window.archived("b", at(1), archive(blink))
    # "a" is recent beside the newest ("b", a day later): kept, a blink back to it may come
    assert [isinstance(e._text, str) for e in window._entries] == [True, True]
    assert not window.add("c", at(50), "# T\n\nAlpha.\n\nBeta three.\n", check=True)
    # 50 days on, "a" and "b" are neither newest nor recent: let go, nothing read yet
    assert [callable(e._text) for e in window._entries] == [True, True, False] and reads == []
    # a capture dated back beside "a" and "b" (out of order) compares with them: read back
    assert window.add("d", at(2), old, check=True)
    assert sorted(reads) == sorted([old, blink])


def test_dropping_part_of_a_rewrite_is_news_not_a_blink(tmp_path: Path) -> None:
    """A clause replaced by a licence and an opt-out, then the opt-out dropped days later: the
    page never read that way before, so the removal is a change (and material), not a blink;
    a block that only appeared and is gone again still is one."""
    optout = "You may opt out of the use of your documents for model training at any time."
    steps = [(0, PROMO_A, DATA_A, ""), (1, PROMO_A, SHARING, optout), (2, PROMO_A, SHARING, "")]
    repo = history(tmp_path / "versions", steps)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo)
    got = indexed(store.index_path)
    assert [k for k, _, _ in got] == ["first", "changed", "changed"]
    assert got[2][1] == 1, got[2]
    # the same removal after a change that only added the opt-out is a blink, as before
    window = Window()
    window.load([("0", at(0), "# T\n\nAlpha.\n"), ("1", at(1), "# T\n\nAlpha.\n\nOpt out any time.\n")])
    assert window.add("2", at(2), "# T\n\nAlpha.\n", check=True)
    window = Window()
    window.load([("0", at(0), "# T\n\nAlpha.\n"), ("1", at(1), "# T\n\nBeta.\n\nOpt out any time.\n")])
    assert not window.add("2", at(2), "# T\n\nBeta.\n", check=True)

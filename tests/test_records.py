"""Typed records between stages (``tracker.records``): the ``compare --json`` interface, the index
rows a clause change becomes, pickling for worker processes, and the index reading back exactly
the records that were written, including rows an earlier version of tracker wrote."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import get_args

from click.testing import CliRunner

import tracker.analysis
import tracker.archive
from tracker.analysis import analyse
from tracker.archive import Index, NewVersion, Store, VersionRow, sync
from tracker.archive.record import _analyse_chunk
from tracker.cli.app import cli
from tracker.records import (
    CHANGE_COLUMNS,
    Analysis,
    ChangeKind,
    ClauseChange,
    Severity,
    Version,
    VersionKind,
)

GOLDEN = Path(__file__).parent / "golden" / "records"
OLD = (GOLDEN / "old.md").read_text(encoding="utf-8")
NEW = (GOLDEN / "new.md").read_text(encoding="utf-8")

COMPARE_KEYS = ["material", "categories", "changes", "cosmetic", "severity", "summary", "unchanged"]
CHANGE_KEYS = ["kind", "material", "severity", "categories", "explanation", "before", "after", "clause", "section"]
VERSION_KEYS = ["commit_sha", "document_key", "service_id", "document_type", "seq", "fetched_at", "kind",
                "revert_of", "changes", "material", "severity", "categories", "summary", "source_url",
                "final_url", "http_status", "content_hash"]


def test_compare_json_is_byte_for_byte_what_it_was() -> None:
    """compare.json is the output of `tracker compare --json` before the records existed."""
    result = CliRunner().invoke(cli, ["compare", str(GOLDEN / "old.md"), str(GOLDEN / "new.md"), "--json"])
    assert result.exit_code == 0, result.output
    assert result.output == (GOLDEN / "compare.json").read_text(encoding="utf-8")
    data = json.loads(result.output)
    assert list(data) == COMPARE_KEYS
    assert all(list(c) == CHANGE_KEYS for c in data["changes"])
    # the sample covers every kind of change, material and cosmetic ones
    assert sorted({c["kind"] for c in data["changes"]}) == sorted(get_args(ChangeKind))
    assert data["cosmetic"] and data["material"]


def test_analysis_is_made_of_typed_records() -> None:
    result = analyse(OLD, NEW)
    assert isinstance(result, Analysis) and result.changes
    for change in result.changes:
        assert isinstance(change, ClauseChange)
        assert change.kind in get_args(ChangeKind) and change.severity in get_args(Severity)
        assert isinstance(change.categories, tuple)
    # a revert keeps its changes (people see what flipped back) but none is material
    revert = analyse(NEW, OLD, kind="revert", revert_of="2026-03-01T10:00:00Z")
    assert revert.changes and not any(c.material for c in revert.changes) and not revert.material
    # named by the minute it was recorded: several runs a day restore different texts
    # and says what it takes back: never material, but not cosmetic when that was material
    assert revert.summary == ("Reverted to the text of 2026-03-01 10:00 UTC, undoing 3 material changes "
                              "(refunds, ai-training, termination)")  # the commonest first
    assert revert.severity == "minor"
    # and no change of it reads "material" beside material false (search, history --json)
    assert all(c.severity not in ("material", "critical") for c in revert.changes)
    # the public names of the stages
    assert tracker.analysis.Analysis is Analysis and tracker.analysis.ClauseChange is ClauseChange
    assert tracker.archive.Version is Version and VersionRow is Version


def test_clause_change_round_trips_through_its_row_and_pickle() -> None:
    result = analyse(OLD, NEW)
    for change in result.changes:
        row = change.to_row()
        assert tuple(row) == CHANGE_COLUMNS
        assert isinstance(row["categories"], str) and row["material"] in (0, 1)
        assert ClauseChange.from_row(row) == change
        assert pickle.loads(pickle.dumps(change)) == change
    assert pickle.loads(pickle.dumps(result)) == result


def test_records_cross_a_worker_process() -> None:
    """Indexing analyses in spawned worker processes: what comes back equals the analysis here."""
    jobs = [(OLD, NEW, "changed", ""), (NEW, OLD, "revert", "2026-03-01T10:00:00Z"), (None, OLD, "first", "")]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        remote = pool.submit(_analyse_chunk, jobs).result(timeout=120)
    assert remote == _analyse_chunk(jobs)
    assert all(isinstance(c, ClauseChange) for a in remote for c in a.changes)


def _version_columns(sha: str, seq: int, kind: VersionKind, result: Analysis, text: str) -> dict[str, object]:
    """A ``versions`` row the way the archive stage writes it (see record.write)."""
    return {
        "commit_sha": sha, "document_key": "nimbus/Terms", "service_id": "nimbus", "service_name": "Nimbus",
        "document_type": "Terms", "seq": seq, "fetched_at": f"2026-0{seq}-01T10:00:00Z",
        "source_url": "https://nimbus.example/terms", "final_url": "", "http_status": 200,
        "content_hash": f"sha256:{seq:064d}", "content_type": "text/markdown", "raw_path": "", "extractor_version": "1",
        "kind": kind, "revert_of": "2026-01-01T10:00:00Z" if kind == "revert" else "", "parent_sha": "",
        "changes": len(result.changes), "material": int(result.material), "severity": result.severity,
        "categories": list(result.categories), "summary": result.summary, "unchanged": result.unchanged,
        "length": len(text),
    }


def test_index_reads_back_the_typed_records_it_was_given(tmp_path: Path) -> None:
    first = analyse(None, OLD, kind="first")
    changed = analyse(OLD, NEW)
    revert = analyse(NEW, OLD, kind="revert", revert_of="2026-01-01T10:00:00Z")
    written = [("a" * 40, 1, "first", first, OLD), ("b" * 40, 2, "changed", changed, NEW),
               ("c" * 40, 3, "revert", revert, OLD)]
    with Index(tmp_path / "index.sqlite") as index:
        for sha, seq, kind, result, text in written:
            index.add_version(_version_columns(sha, seq, kind, result, text), result.changes)  # type: ignore[arg-type]
        index.commit()
    with Index(tmp_path / "index.sqlite") as index:  # a fresh connection: nothing cached
        for sha, _, _, result, _ in written:
            assert index.changes_for(sha) == list(result.changes)
            assert index.stored_analysis(sha) == result
        versions = index.version_rows("nimbus/Terms")
    assert [v.kind for v in versions] == ["first", "changed", "revert"]
    assert all(isinstance(v, Version) for v in versions)
    v = versions[1]
    assert list(v.to_dict()) == VERSION_KEYS
    assert v.to_dict()["categories"] == list(changed.categories) and v.categories == changed.categories
    assert (v.material, v.severity, v.changes, v.summary) == (True, "critical", len(changed.changes), changed.summary)
    assert pickle.loads(pickle.dumps(v)) == v


def test_index_rows_are_those_earlier_versions_wrote(tmp_path: Path) -> None:
    """Byte compatibility both ways: the new code writes the same SQLite values as the code before
    the records, and an index written before them reads back into records."""
    changed = analyse(OLD, NEW)
    with Index(tmp_path / "index.sqlite") as index:
        columns = [r[1] for r in index.conn.execute("PRAGMA table_info(changes)")]
        assert columns == ["id", "commit_sha", "document_key", "n", *CHANGE_COLUMNS]
        index.add_version(_version_columns("b" * 40, 2, "changed", changed, NEW), changed.changes)  # type: ignore[arg-type]
        index.commit()
        stored = [tuple(r) for r in index.conn.execute(
            "SELECT id, n, kind, clause_id, heading, before, after, material, severity, categories, explanation, "
            "cosmetic FROM changes ORDER BY n")]
        row = index.conn.execute("SELECT material, severity, categories FROM versions").fetchone()
    # what the earlier add_version stored for each change dict: categories as json.dumps(list), 0/1
    expected = [(f"{'b' * 40}:{n}", n, c.kind, c.clause_id, c.heading, c.before, c.after, int(c.material),
                 c.severity, json.dumps(list(c.categories)), c.explanation, c.cosmetic)
                for n, c in enumerate(changed.changes)]
    assert stored == expected
    assert tuple(row) == (1, "critical", json.dumps(list(changed.categories)))
    multi = next(r[9] for r in stored if len(json.loads(r[9])) > 1)  # a change with two categories
    assert '", "' in multi  # the exact bytes: json.dumps's default separators

    # rows as an earlier version left them, with NULLs where it allowed them (and the service and
    # document rows it always wrote with them, which the index's foreign keys require)
    with Index(tmp_path / "old.sqlite") as index:
        index.conn.execute("INSERT INTO services (id, name) VALUES ('q', 'Q')")
        index.conn.execute("INSERT INTO documents (key, service_id, type, versions) VALUES ('q/T', 'q', 'T', 1)")
        index.conn.execute(
            "INSERT INTO versions (commit_sha, document_key, service_id, document_type, seq, fetched_at, kind, "
            "revert_of, changes, material, severity, categories, summary, source_url, final_url, http_status, "
            "content_hash, unchanged) VALUES (?, 'q/T', 'q', 'T', 2, '2026-02-01T00:00:00Z', 'changed', NULL, 2, 1, "
            "'material', '[\"refunds\"]', 'Credits expire sooner', 'https://q.example/t', NULL, NULL, 'sha256:x', 4)",
            ("d" * 40,))
        index.conn.execute(
            "INSERT INTO changes VALUES (?, ?, 'q/T', 0, 'modified', 'credits/p1', 'Credits', 'a 12', 'a 6', 1, "
            "'material', '[\"refunds\"]', 'Credits expire sooner', NULL)", ("d" * 40 + ":0", "d" * 40))
        index.conn.execute(
            "INSERT INTO changes VALUES (?, ?, 'q/T', 1, 'added', 'p1', '', NULL, 'Last updated: today', 0, "
            "'cosmetic', '[]', 'Only a date changed', 'date-only')", ("d" * 40 + ":1", "d" * 40))
        index.commit()
        changes = index.changes_for("d" * 40)
        analysis = index.stored_analysis("d" * 40)
        (version,) = index.version_rows("q/T")
    assert changes == [
        ClauseChange("modified", "credits/p1", "Credits", "a 12", "a 6", True, "material", ("refunds",),
                     "Credits expire sooner", None),
        ClauseChange("added", "p1", "", None, "Last updated: today", False, "cosmetic", (), "Only a date changed",
                     "date-only"),
    ]
    assert analysis == Analysis(tuple(changes), True, "material", ("refunds",), ("date-only",),
                                "Credits expire sooner", 4)
    assert version == Version("d" * 40, "q/T", "q", "T", 2, "2026-02-01T00:00:00Z", "changed", "", 2, True,
                              "material", ("refunds",), "Credits expire sooner", "https://q.example/t", "", None,
                              "sha256:x")


def test_compare_json_names_each_change_s_section(tmp_path: Path) -> None:
    """`section` is the heading a reader finds the clause under, as `diff` prints it ("§ 3 Refunds");
    a clause under no heading has `null`, never an invented "Introduction"."""
    old = "Quorble lets you store recipes.\n\n## 3. Refunds\n\nRefunds are given within 30 days.\n"
    new = "Quorble lets you store recipes and menus.\n\n## 3. Refunds\n\nRefunds are given within 7 days.\n"
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--json"])
    assert result.exit_code == 0, result.output
    sections = {c["after"]: c["section"] for c in json.loads(result.output)["changes"]}
    assert sections == {"Quorble lets you store recipes and menus.": None, "Refunds are given within 7 days.": "§ 3 Refunds"}


def test_diff_json_from_the_index_equals_compare_json(tmp_path: Path) -> None:
    """`tracker diff --json` of adjacent versions prints the stored analysis: the same JSON as
    `tracker compare --json` of the two texts."""
    store = Store(tmp_path / "store")

    def version(text: str, month: int, kind: str) -> NewVersion:
        return NewVersion("nimbus", "Nimbus", "Terms", text, text.encode(), "md", "https://nimbus.example/terms",
                          "https://nimbus.example/terms", datetime(2026, month, 1, 10, tzinfo=timezone.utc), 200,
                          "text/markdown", "1", kind)

    store.record([version(OLD, 1, "first"), version(NEW, 2, "changed")])
    with Index(store.index_path) as index:
        assert sync(store, index) == 2
    result = CliRunner().invoke(cli, ["--store", str(store.root), "diff", "nimbus", "Terms", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [data.pop(k)["seq"] for k in ("from", "to")] == [1, 2] and data.pop("document") == "nimbus/Terms"
    assert data == json.loads((GOLDEN / "compare.json").read_text(encoding="utf-8"))


def test_records_import_no_stage_and_nothing_heavy() -> None:
    """Every stage imports the records: they must pull in no stage and no third-party library."""
    code = ("import sys; before = set(sys.modules); import tracker.records; "
            "print(' '.join(sorted(m for m in set(sys.modules) - before if not m.startswith('_'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    new = out.stdout.split()
    assert [m for m in new if m.startswith("tracker")] == ["tracker", "tracker.records"]
    assert all(m.split(".")[0] in sys.stdlib_module_names for m in new if not m.startswith("tracker")), new


def test_no_outside_form_carries_the_analysis_s_link_marks(tmp_path: Path) -> None:
    # The analysis marks a bare domain and a link's text with U+0002/U+0003 while comparing; an
    # explanation quoting such a sentence once carried them into every JSON output and the index.
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# Terms of Quillbay\n\n## Removal\n\nYou may ask us to take your posts down.\n", encoding="utf-8")
    new.write_text("# Terms of Quillbay\n\n## Removal\n\nQuillbay.example allows you to request removal of your "
                   "posts within 30 days, using [this form](https://quillbay.example/form).\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "Quillbay.example" in json.dumps(data["changes"])  # the quote is still there, unmarked
    assert "\x02" not in result.output and "\x03" not in result.output
    assert "\\u0002" not in result.output and "\\u0003" not in result.output
    # rows an index wrote before the marks were dropped read back without them
    row = ClauseChange(kind="added", clause_id="c1", heading="", before=None, after="x", material=True,
                       severity="material", categories=(), explanation="New").to_row()
    row["explanation"] = "New: \x02Quillbay.example\x03 allows"
    assert ClauseChange.from_row({**row, "section": None}).explanation == "New: Quillbay.example allows"
    assert Analysis(summary="New: \x02here\x03").summary == "New: here"

"""Session 23 (mem23): the history import holds a batch's analyses packed (pickled and
compressed where they were computed), unpacks one only while its versions' rows are written, and
records exactly what it recorded with the analyses held as objects."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from test_import_reuse import flapping, rows  # noqa: F401 - the fixture is used by name
from tracker.analysis import executor as executors
from tracker.analysis.analyse import analyse
from tracker.archive import record
from tracker.archive.index import Index
from tracker.archive.store import Store
from tracker.ota import history
from tracker.ota.history import import_history
from tracker.records import Analysis

S23_OLD = """# Quillfeather Terms

## 1. Fees

The Writer plan costs 7 euros per month. You may cancel at any time.

## 2. Your drafts

We keep your drafts for 90 days after you close your account.
"""
S23_NEW = S23_OLD.replace("7 euros", "11 euros").replace("90 days", "3 years")


def test_packed_analysis_round_trips_to_an_equal_analysis() -> None:
    result = analyse(S23_OLD, S23_NEW, kind="changed")
    assert result.changes  # a real analysis with clause changes, not an empty one
    packed = record.pack_analysis(result)
    assert isinstance(packed, bytes)
    back = record.unpack_analysis(packed)
    assert back == result and back is not result


def test_analyse_later_packed_in_place_equals_the_objects() -> None:
    jobs: list[tuple[str | None, str, str, str]] = [(S23_OLD, S23_NEW, "changed", ""), (S23_NEW, S23_OLD, "changed", "")]
    plain = record.analyse_later(jobs, executors.InProcess()).result()
    packed = record.analyse_later(jobs, executors.InProcess(), packed=True).result()
    assert all(isinstance(p, bytes) for p in packed)
    assert [record.unpack_analysis(p) for p in packed] == plain


def test_analyse_later_packed_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the local pool (real spawned workers), the bytes come back in the jobs' order."""
    monkeypatch.setattr(executors, "PARALLEL_MIN", 2)
    texts = [S23_OLD.replace("7 euros", f"{n} euros") for n in range(8, 14)]
    jobs: list[tuple[str | None, str, str, str]] = [(S23_OLD, text, "changed", "") for text in texts]
    packed = record.analyse_later(jobs, executors.LocalPool(2), packed=True).result()
    assert [record.unpack_analysis(p) for p in packed] == [analyse(S23_OLD, text, kind="changed") for text in texts]


def test_early_analyses_cannot_be_packed() -> None:
    jobs: list[tuple[str | None, str, str, str]] = [(S23_OLD, S23_NEW, "changed", "")]
    with pytest.raises(ValueError):
        record.analyse_later(jobs, executors.InProcess(), [Analysis(summary="early")], packed=True)


@pytest.mark.parametrize("batch", [500, 2])
def test_import_holds_packed_analyses_and_records_the_same_rows(
        flapping: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:  # noqa: F811
    """The importer's batches and pair cache hold bytes; an import whose analyses come back as
    objects (what ``_dispatch`` returned before, still taken) writes the same index rows."""
    seen: dict[str, object] = {}
    complete = history._Importer._complete

    def watch(self: history._Importer) -> None:
        batch_ = self.in_flight
        complete(self)
        if batch_ is not None:
            seen.setdefault("results", []).extend(batch_.results.values())  # type: ignore[union-attr]
        seen["cache"] = [value for value, _ in self.analyses.items.values()]

    monkeypatch.setattr(history._Importer, "_complete", watch)
    packed_store = Store(tmp_path / "packed")
    packed_store.init()
    with Index(packed_store.index_path) as index:
        import_history(packed_store, index, flapping, batch=batch)
    results, cache = seen["results"], seen["cache"]
    assert isinstance(results, list) and results and all(isinstance(r, bytes) for r in results)
    assert isinstance(cache, list) and cache and all(isinstance(c, bytes) for c in cache)

    monkeypatch.setattr(history, "_dispatch", lambda jobs: record.analyse_later(jobs, executors.InProcess()))
    objects_store = Store(tmp_path / "objects")
    objects_store.init()
    with Index(objects_store.index_path) as index:
        import_history(objects_store, index, flapping, batch=batch)
    packed_rows, object_rows = rows(packed_store.index_path), rows(objects_store.index_path)
    assert packed_rows["changes"] and packed_rows["versions"]
    assert _without_shas(packed_rows) == _without_shas(object_rows)
    with sqlite3.connect(packed_store.index_path) as conn:
        reverts = conn.execute("SELECT count(*) FROM versions WHERE kind = 'revert'").fetchone()[0]
    assert reverts >= 4  # the reused (cached, packed) analyses were used


def _without_shas(tables: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    """The rows with every 40-hex commit id blanked: two archives written at different moments
    have different commit ids, not different contents."""
    def clean(value: object) -> object:
        if isinstance(value, str) and len(value) == 40 and all(c in "0123456789abcdef" for c in value):
            return "<sha>"
        return value

    return {table: [tuple(clean(v) for v in row) for row in table_rows] for table, table_rows in tables.items()}


_S23_PROBE = """
import ctypes, sys
from tracker.analysis import executor
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
if not hasattr(libc, "mallinfo2"):
    print("skip"); sys.exit(0)
libc.mallinfo2.restype = Info
size = 3 * executor.MMAP_THRESHOLD
if sys.argv[1] == "map" and not executor.map_large_blocks():
    print("skip"); sys.exit(0)
# a heap grown and freed first (glibc then raises its own threshold past these blocks' size)
first = [bytearray(size) for _ in range(8)]
del first
executor.trim_heap()
before = libc.mallinfo2().hblkhd
blocks = [bytearray(size) for _ in range(8)]
print(libc.mallinfo2().hblkhd - before)
"""


def test_map_large_blocks_gives_large_blocks_pages_of_their_own() -> None:
    """In a fresh process (glibc's settings are process-wide): after ``map_large_blocks``, large
    blocks are mmapped (handed back when freed) even after glibc saw such blocks freed; without
    it glibc raises its threshold on the first free and later blocks come from the heap."""
    import os
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parents[1])

    def mapped(mode: str) -> str:
        # a bare environment: nothing the test run set (no MALLOC_* or PYTHON* variable) applies
        proc = subprocess.run([sys.executable, "-c", _S23_PROBE, mode], capture_output=True, text=True,
                              env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": root, "LC_ALL": "C"})
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    with_setting = mapped("map")
    if with_setting == "skip":
        pytest.skip("not glibc 2.33 or later")
    assert int(with_setting) >= 8 * 3 * executors.MMAP_THRESHOLD, with_setting
    default = mapped("default")
    assert int(default) < 3 * executors.MMAP_THRESHOLD, default

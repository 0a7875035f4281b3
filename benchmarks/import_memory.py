"""What the coordinator of `tracker import-history` holds in memory as the history goes on.

    .venv/bin/python benchmarks/import_memory.py [BUNDLE] [--commits N] [--every K] [--top T]
                                                 [--placeholders] [--no-tracemalloc] [--profile]

Imports the first N commits of the bundle (``--start K``: the N commits from commit K on, K
made a root by ``git replace --graft``, so that a late, heavy region is measured in minutes) (default ../shared/data/ota/contrib-versions.bundle,
commits in ``git rev-list --date-order --reverse`` order, as ``bench_import.py --commits`` counts
them) with this tree's ``tracker.ota.history`` in THIS process (analyses in the usual worker
pool; ``--placeholders`` answers every analysis job with an empty analysis instead, to look at
the coordinator alone, fast), and every K commits prints: the process's RSS, pymalloc's arenas and
glibc's heaps (what is held against what is in use), the Python memory
tracemalloc traces (and its peak), the coordinator's CPU, recording and indexing time per
version since the line before, the sizes of the importer's own structures (texts in hand,
windows, caches, per-document maps) and the T largest allocation sites (``--top``, by line).
``--profile``: cProfile the coordinator's thread from commit K on (the functions with the most
time of their own, at the end).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import shared_data  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def _hwm() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024


def _heaps() -> str:
    """Where the process's memory sits: pymalloc's arenas (1 MiB each; an arena goes back to the
    system only when every object in it is freed) and glibc's heaps (``mallinfo2``: bytes held
    by malloc and of them in use; the rest is free inside the heaps, what fragmentation keeps)."""
    import ctypes
    import tempfile

    with tempfile.TemporaryFile() as f:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        stats = f.read().decode("utf-8", "replace")

    def count(name: str) -> int:
        line = next((line for line in stats.splitlines() if line.startswith(f"# arenas {name}")), "= 0")
        return int(line.split("=")[-1].replace(",", "").strip() or 0)

    text = f"pymalloc arenas {count('allocated current')} MB (highwater {count('highwater mark')})"

    class Mallinfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in
                    ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = Mallinfo2
        info = libc.mallinfo2()
        text += (f"; malloc heaps {info.arena / 2**20:.0f} MB, in use {info.uordblks / 2**20:.0f}, "
                 f"free {info.fordblks / 2**20:.0f}, mmapped {info.hblkhd / 2**20:.0f}")
    except (OSError, AttributeError):
        pass
    return text


def _structures(importer: object) -> str:
    """Sizes of what the importer keeps (MB of text as ``sys.getsizeof`` counts it, entries)."""
    from tracker.analysis import restored

    def mb(n: float) -> str:
        return f"{n / 2**20:.1f} MB"

    imp = importer
    latest_text = sum(sys.getsizeof(t) for t in imp.latest_text.values())  # type: ignore[attr-defined]
    window_texts = window_forms = entries = 0
    seen_forms: set[int] = set()
    for window in imp.windows.values():  # type: ignore[attr-defined]
        for entry in window._entries:
            entries += 1
            if isinstance(entry._text, str):
                window_texts += sys.getsizeof(entry._text)
            if entry._forms is not None:
                for form in entry._forms:
                    if id(form) not in seen_forms:
                        seen_forms.add(id(form))
                        window_forms += sys.getsizeof(form)
                window_forms += sys.getsizeof(entry._forms)
    forms_cache = sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in restored._FORMS.items())
    dates = sum(len(d) for d in imp.dates.values())  # type: ignore[attr-defined]
    index_dates = sum(len(d) for d in imp.index_dates.values())  # type: ignore[attr-defined]
    return (f"latest_text {len(imp.latest_text)} docs {mb(latest_text)}; "  # type: ignore[attr-defined]
            f"windows {len(imp.windows)} docs, {entries} versions, texts held {mb(window_texts)}, "  # type: ignore[attr-defined]
            f"forms {mb(window_forms)}; _FORMS {len(restored._FORMS)} lines {mb(forms_cache)}; "
            f"texts LRU {len(imp.texts.items)} {mb(imp.texts.size)}; "  # type: ignore[attr-defined]
            f"pairs LRU {len(imp.analyses.items)} {mb(imp.analyses.size)}; "  # type: ignore[attr-defined]
            f"blob_hashes {len(imp.blob_hashes)}; dates {dates}; index_dates {index_dates}; "  # type: ignore[attr-defined]
            f"blobs {len(imp.blobs or ())}")  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=shared_data("ota/contrib-versions.bundle"))
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--start", type=int, default=0,
                        help="start the history at commit K (grafted as a root: its files are every document's first version)")
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--placeholders", action="store_true", help="answer every analysis with an empty one")
    parser.add_argument("--no-tracemalloc", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile the coordinator from commit K on")
    args = parser.parse_args()
    if not args.bundle.exists():
        print(f"skipped: {args.bundle} not found")
        return 0
    import tracker.ota.history as history
    from tracker.analysis.executor import Pending
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.records import Analysis

    if args.placeholders:
        history._dispatch = lambda jobs: Pending(done=[Analysis(summary="placeholder") for _ in jobs])  # type: ignore[assignment]
    state: dict[str, object] = {"next": args.every, "last": (0.0, 0.0, 0.0, 0, 0)}
    init = history._Importer.__init__

    def keep(self: history._Importer, *a: object, **kw: object) -> None:
        init(self, *a, **kw)  # type: ignore[arg-type]
        state["importer"] = self

    history._Importer.__init__ = keep  # type: ignore[method-assign]
    tracing = not args.no_tracemalloc
    if tracing:
        import tracemalloc

        tracemalloc.start(4)
    started = time.perf_counter()
    import cProfile

    profiler = cProfile.Profile() if args.profile else None

    def report(result: history.ImportResult) -> None:
        if result.commits < state["next"]:  # type: ignore[operator]
            return
        state["next"] = result.commits + args.every
        if profiler is not None and "profiling" not in state:
            state["profiling"] = True
            profiler.enable()
        importer = state["importer"]
        # the coordinator's own time since the last line: CPU of this process, of it writing the
        # archive (git fast-import, waited for) and indexing (SQLite), per version recorded
        cpu, record, index_s = time.process_time(), result.seconds_record, importer.seconds_index  # type: ignore[attr-defined]
        commits, versions = result.commits, result.versions + len(importer.pending)  # type: ignore[attr-defined]
        c0, r0, i0, n0, v0 = state["last"]  # type: ignore[misc]
        state["last"] = (cpu, record, index_s, commits, versions)
        per = max(versions - v0, 1)
        line = (f"{result.commits:6d} commits {time.perf_counter() - started:6.0f} s: RSS {_rss():.0f} MB (peak {_hwm():.0f}); "
                f"ms per version: CPU {1000 * (cpu - c0) / per:.1f}, recording {1000 * (record - r0) / per:.1f}, "
                f"indexing {1000 * (index_s - i0) / per:.1f} ({versions - v0} versions)")
        if tracing:
            current, peak = tracemalloc.get_traced_memory()
            line += f", traced {current / 2**20:.0f} MB (peak {peak / 2**20:.0f})"
        print(line)
        print("    " + _structures(state["importer"]))
        print("    " + _heaps())
        if tracing and args.top:
            snapshot = tracemalloc.take_snapshot()
            for stat in snapshot.statistics("lineno")[:args.top]:
                frame = stat.traceback[0]
                print(f"    {stat.size / 2**20:7.1f} MB {stat.count:8d} blocks  {frame.filename.split('/tracker/')[-1]}:{frame.lineno}")
        sys.stdout.flush()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = tmp / "source"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        commits = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo,
                                 capture_output=True, text=True, check=True).stdout.split()
        rev = commits[min(args.start + args.commits, len(commits)) - 1]
        if args.start:  # a late region of the history without the import of all before it
            subprocess.run(["git", "replace", "--graft", commits[args.start]], cwd=repo, check=True)
        store = Store(tmp / "store")
        store.init()
        with Index(store.index_path) as index:
            result = history.import_history(store, index, repo, rev=rev, progress=report)
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        print(f"done: {result.versions} versions from {result.commits} commits in {time.perf_counter() - started:.0f} s; "
              f"RSS {_rss():.0f} MB, peak {_hwm():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

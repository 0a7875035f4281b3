"""The analyses an import of a slice of history sends to its workers, replayed in one process.

    .venv/bin/python benchmarks/import_pairs.py dump OUT.pickle --from A --to B [BUNDLE]
    .venv/bin/python benchmarks/import_pairs.py run OUT.pickle [--limit N] [--json DIR] [--profile]
                                                    [--tracemalloc] [--by-path]

``dump`` imports the first B commits of the bundle (default ../shared/data/ota/contrib-versions
.bundle, commits in ``git rev-list --date-order --reverse`` order, as ``bench_import.py
--commits`` counts them) with this tree's ``tracker.ota.history`` in this process, but without
analysing anything (every analysis job is answered with a placeholder), and keeps the jobs of
the batches read from commit A on: exactly the (old text, new text) pairs a real import sends to
its analysis workers, in the order it sends them (a batch's pairs sorted by document). Texts are
stored once each.

``run`` analyses those pairs in order in this process, as one worker would get them, and prints
CPU ms per pair (``time.process_time``: mean, median, p90), CPU per tenth of the pairs, the process's peak RSS
(``VmHWM``), and with ``--tracemalloc`` the largest live allocations at the end (what a worker
keeps between pairs: caches, models). ``--json DIR`` writes each ``dataclasses.asdict(analysis)``
as DIR/NNNNN.json (compare two trees' outputs with ``diff -r``: run this script with
``PYTHONPATH`` set to the other tree). ``--costs FILE`` writes each pair's CPU ms as a JSON list
(to find the slowest pairs, or compare two trees pair by pair). ``--by-path`` adds the pairs and CPU of each way the
analysis ended (an error page, spacing only, another page, a capture cut off, a language
switch, or labelled as usual), apart for pairs of more than 100 clause changes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pickle
import pstats
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import shared_data  # noqa: E402


def dump(bundle: Path, first: int, last: int, out: Path) -> None:
    """Write the analysis jobs of commits ``first``..``last`` (1-based, date order) to ``out``."""
    import tracker.ota.history as history
    from tracker.analysis.executor import Pending
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.records import Analysis

    texts: dict[str, int] = {}
    jobs: list[tuple[int, int, int]] = []  # (commit count when sent, old text id, new text id)
    state = {"commits": 0}

    def text_id(text: str) -> int:
        return texts.setdefault(text, len(texts))

    def dispatch(batch: list[tuple[str | None, str, str, str]]) -> Pending:
        if state["commits"] >= first:
            for old, new, _kind, _revert in batch:
                jobs.append((state["commits"], text_id(old or ""), text_id(new)))
        return Pending(done=[Analysis(summary="placeholder") for _ in batch])

    def progress(result: history.ImportResult) -> None:
        state["commits"] = result.commits

    history._dispatch = dispatch  # type: ignore[assignment]
    init = history._Importer.__init__

    def keep(self: history._Importer, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        state["importer"] = self

    history._Importer.__init__ = keep  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = tmp / "source"
        subprocess.run(["git", "clone", "-q", str(bundle), str(repo)], check=True)
        commits = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo,
                                 capture_output=True, text=True, check=True).stdout.split()
        rev = commits[min(last, len(commits)) - 1]
        store = Store(tmp / "store")
        store.init()
        started = time.process_time()
        with Index(store.index_path) as index:
            history.import_history(store, index, repo, rev=rev, progress=progress)
    ordered = sorted(texts, key=texts.__getitem__)
    _coordinator_memory(state["importer"])
    with out.open("wb") as f:
        pickle.dump({"bundle": str(bundle), "from": first, "to": last, "texts": ordered, "jobs": jobs}, f)
    size = sum(map(len, ordered))
    print(f"{len(jobs)} jobs from commits {first}..{last}, {len(ordered)} texts ({size / 1e6:.1f} M characters) "
          f"-> {out} ({time.process_time() - started:.1f} s of CPU)")


def _coordinator_memory(importer: object) -> None:
    """What the importer's state holds at the end (characters of texts, entries of caches)."""
    from tracker.analysis import restored

    latest = getattr(importer, "latest_text")
    windows = getattr(importer, "windows")
    entries = [e for w in windows.values() for e in w._entries]
    held = [e._text for e in entries if isinstance(e._text, str)]
    forms = [e._forms for e in entries if e._forms is not None]
    print(f"coordinator: latest texts {len(latest)} ({sum(map(len, latest.values())) / 1e6:.1f} M characters); "
          f"window entries {len(entries)}, {len(held)} holding their text ({sum(map(len, held)) / 1e6:.1f} M "
          f"characters), {len(forms)} their line forms ({sum(map(len, forms))} forms); "
          f"restored._FORMS {len(restored._FORMS)} lines ({sum(map(len, restored._FORMS)) / 1e6:.1f} M characters); "
          f"text cache {getattr(importer, 'texts').size / 1e6:.1f} MB, analyses cache "
          f"{len(getattr(importer, 'analyses').items)} pairs; blob hashes {len(getattr(importer, 'blob_hashes'))}; "
          f"VmHWM {_hwm() / 2**20:.0f} MB (this process also holds the dumped texts)")


def _hwm() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))


def _path(summary: str, changes: int) -> str:
    """The way an analysis ended, told by its summary, and whether it had over 100 changes."""
    from tracker.analysis.analyse import analyse_job

    a = sys.modules[analyse_job.__module__]  # (the package's name "analyse" is the function)
    ends = {a._ERROR_PAGE: "error page", a._NOT_TERMS: "another page", a._CUT_OFF: "cut off"}
    way = next((name for end, name in ends.items() if summary.endswith(end)), "")
    if not way:
        way = "spacing only" if summary == a._SPACING_ONLY else \
            "language switch" if summary.endswith("a translation, not new terms") else "labelled"
    return f"{way}{' >100' if changes > 100 else ''}"


def run(path: Path, limit: int, json_dir: Path | None, profile: bool, trace: bool, by_path: bool = False,
        costs_file: Path | None = None) -> None:
    """Analyse the dumped jobs in order; print CPU and memory."""
    with path.open("rb") as f:
        data = pickle.load(f)
    texts, jobs = data["texts"], data["jobs"][:limit or None]
    from tracker.analysis.analyse import analyse_job

    analyse_job((None, "", "first", ""))  # imports
    analyse_job(("A first clause.\n", "A second clause.\n", "changed", ""))  # model load
    if trace:
        import tracemalloc

        tracemalloc.start(8)
    if json_dir is not None:
        json_dir.mkdir(parents=True, exist_ok=True)
    profiler = cProfile.Profile(time.process_time) if profile else None
    base_hwm = _hwm()
    costs: list[float] = []
    paths: dict[str, list[float]] = {}
    for n, (_commit, old, new) in enumerate(jobs):
        job = (texts[old], texts[new], "changed", "")
        started = time.process_time()
        if profiler is not None:
            profiler.enable()
        analysis = analyse_job(job)
        if profiler is not None:
            profiler.disable()
        costs.append(time.process_time() - started)
        if by_path:
            paths.setdefault(_path(analysis.summary, len(analysis.changes)), []).append(costs[-1])
        if json_dir is not None:
            (json_dir / f"{n:05d}.json").write_text(json.dumps(asdict(analysis), sort_keys=True, ensure_ascii=False))
    if costs_file is not None:
        costs_file.write_text(json.dumps([round(1000 * c, 2) for c in costs]))
    total = sum(costs)
    step = max(1, len(costs) // 10)
    per_tenth = [1000 * sum(costs[k:k + step]) / len(costs[k:k + step]) for k in range(0, len(costs), step)][:10]
    chars = sum(len(texts[new]) for _c, _o, new in jobs) / max(1, len(jobs))
    print(f"{len(jobs)} pairs (commits {data['from']}..{data['to']}, new texts {chars:,.0f} characters on average): "
          f"{total:.1f} s of CPU, {1000 * total / max(1, len(jobs)):.1f} ms per pair; "
          f"peak RSS {_hwm() / 2**20:.0f} MB (after the first analysis {base_hwm / 2**20:.0f} MB)")
    ranked = sorted(costs)
    if ranked:
        median = 1000 * ranked[len(ranked) // 2]
        p90 = 1000 * ranked[min(len(ranked) - 1, int(0.9 * len(ranked)))]
        print(f"  ms per pair: median {median:.1f}, p90 {p90:.1f}, max {1000 * ranked[-1]:.1f}")
    print("  ms per pair per tenth: " + " ".join(f"{v:.1f}" for v in per_tenth))
    for way, spent in sorted(paths.items(), key=lambda item: -sum(item[1])):
        print(f"  {way:20s} {len(spent):5d} pairs {sum(spent):7.1f} s of CPU ({sum(spent) / max(total, 1e-9):4.0%}), "
              f"{1000 * sum(spent) / len(spent):7.1f} ms a pair")
    _caches()
    if profiler is not None:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    if trace:
        import tracemalloc

        snapshot = tracemalloc.take_snapshot()
        current, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc: {current / 2**20:.1f} MB live at the end, {peak / 2**20:.1f} MB at peak; largest by line:")
        for stat in snapshot.statistics("lineno")[:25]:
            print(f"  {stat.size / 2**20:7.1f} MB {stat.count:8d} blocks  {stat.traceback[0]}")


def _caches() -> None:
    """The fill and hit rate of every ``functools.lru_cache`` of the analysis modules."""
    import importlib
    import pkgutil

    import tracker.analysis

    found = []
    for info in pkgutil.iter_modules(tracker.analysis.__path__):
        module = importlib.import_module(f"tracker.analysis.{info.name}")
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", "") == module.__name__:
                c = value.cache_info()
                if c.hits + c.misses:
                    found.append((c.currsize, f"{info.name}.{name}", c))
    print("  lru caches (entries/max, hits/calls): " + "; ".join(
        f"{name} {c.currsize}/{c.maxsize} {c.hits / (c.hits + c.misses):.0%}" for _, name, c in sorted(found, reverse=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("bundle", nargs="?", type=Path, default=shared_data("ota/contrib-versions.bundle"))
    d.add_argument("--from", dest="first", type=int, default=1)
    d.add_argument("--to", dest="last", type=int, required=True)
    r = sub.add_parser("run")
    r.add_argument("path", type=Path)
    r.add_argument("--limit", type=int, default=0, help="the first N pairs only")
    r.add_argument("--json", type=Path, help="write each analysis as JSON into this folder")
    r.add_argument("--profile", action="store_true")
    r.add_argument("--tracemalloc", action="store_true")
    r.add_argument("--by-path", action="store_true", help="CPU by the way each analysis ended")
    r.add_argument("--costs", type=Path, help="write each pair's CPU ms as a JSON list to this file")
    args = parser.parse_args()
    if args.command == "dump":
        if not args.bundle.exists():
            print(f"skipped: {args.bundle} not found (set TRACKER_SHARED)")
            return 0
        dump(args.bundle, args.first, args.last, args.out)
    else:
        run(args.path, args.limit, args.json, args.profile, args.tracemalloc, args.by_path, args.costs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

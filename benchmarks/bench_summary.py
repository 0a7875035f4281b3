"""Benchmark: key-terms summaries of ~800 real documents, in memory and through the command line.

    .venv/bin/python benchmarks/bench_summary.py [--docs 800] [--repeat 3] [--compare main]
                                                 [--publish] [--cli 20] [--repo DIR]

Documents: the latest version of each document of Open Terms Archive's contrib collection
(../shared/data/ota/contrib-versions.bundle, 878 documents; cloned into a temporary folder, about
25 s, or read from an existing clone with --repo), the first --docs of them in path order.

1. In memory: ``summarise(text)`` on every document, --repeat times, median per document;
   total, median, 90th percentile and slowest document; every call starts with cold caches
   (classification, facts, clause splitting, plain text). With --compare REF, the summary module
   of git revision REF (this repository) runs on the same documents in the same process,
   alternating with this one, and the ratio of the totals is printed.
2. With --publish: an archive of those documents (a git folder with their latest versions, or
   with --versions 2 each document's previous version then its latest, imported with
   ``tracker import-history``), then
   ``tracker publish`` twice (cold: every summary computed; warm: from the summary cache) and
   ``tracker summary SERVICE DOCUMENT`` for --cli documents (process start included), wall times.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _shared import ROOT, require  # noqa: E402

BUNDLE = "ota/contrib-versions.bundle"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def clone(bundle: Path, into: Path) -> Path:
    """Clone the bundle's main branch into ``into``/contrib; returns the clone."""
    repo = into / "contrib"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
    return repo


def documents(repo: Path, n: int) -> list[Path]:
    """The first ``n`` '<Service>/<Document>.md' files of ``repo``, in path order."""
    files = sorted(p for p in repo.glob("*/*.md") if p.is_file())
    return files[:n]


def old_module(ref: str) -> ModuleType:
    """tracker.analysis.summary as of git revision ``ref`` of this repository, as its own module."""
    source = _git(ROOT, "show", f"{ref}:tracker/analysis/summary.py")
    path = Path(tempfile.mkdtemp()) / "summary_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("summary_old", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["summary_old"] = module
    spec.loader.exec_module(module)
    return module


def cold(*modules: ModuleType) -> None:
    """Forget what an earlier call learnt: the sentence caches of classification, facts, clause
    splitting and plain text, so each call pays for its document as a first publish does (and
    the old and the new module never reuse each other's work)."""
    from tracker.analysis import classify, clauses, facts

    clauses._clear_caches()
    for module in (classify, facts, *modules):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize or 0) > 4:  # not the loaded model and lexicons
                value.cache_clear()


def in_memory(texts: list[str], repeat: int, old: ModuleType | None) -> dict[str, Any]:
    """Median seconds per document of summarise() (and of the old module's), per document,
    each call with cold caches (see ``cold``)."""
    from tracker.analysis import summary
    from tracker.analysis.summary import summarise

    new_t: list[list[float]] = [[] for _ in texts]
    old_t: list[list[float]] = [[] for _ in texts]
    for _ in range(repeat):
        for i, text in enumerate(texts):
            runs = [(summarise, new_t)] + ([(old.summarise, old_t)] if old else [])
            if i % 2:
                runs.reverse()  # alternate which goes first
            for fn, into in runs:
                cold(summary, *([old] if old else []))
                start = time.perf_counter()
                fn(text)
                into[i].append(time.perf_counter() - start)
    out: dict[str, Any] = {"new": [statistics.median(t) for t in new_t]}
    if old:
        out["old"] = [statistics.median(t) for t in old_t]
    return out


def describe(name: str, seconds: list[float], sizes: list[int], paths: list[Path]) -> None:
    s = sorted(seconds)
    worst = max(range(len(seconds)), key=seconds.__getitem__)
    p90 = s[int(0.9 * (len(s) - 1))]
    print(f"  {name}: total {sum(s):.1f} s, per document median {1000 * statistics.median(s):.0f} ms, "
          f"90th percentile {1000 * p90:.0f} ms, slowest {seconds[worst]:.2f} s "
          f"({paths[worst].parent.name}/{paths[worst].name}, {sizes[worst]:,} words); "
          f"{sum(sizes) / sum(s):,.0f} words/s")


def build_archive(repo: Path, files: list[Path], into: Path, versions: int) -> Path:
    """A git folder with one commit of each document's latest version, or (``versions`` 2) two
    commits: each document's previous version, then its latest."""
    src = into / "source"
    src.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(src)], check=True)
    for step, when in ((1, "2026-01-01T10:00:00Z"), (0, "2026-02-01T10:00:00Z"))[2 - versions:]:
        for f in files:
            rel = f.relative_to(repo).as_posix()
            commits = _git(repo, "log", "-n", "2", "--format=%H", "--", rel).split()
            sha = commits[min(step, len(commits) - 1)]
            target = src / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_git(repo, "show", f"{sha}:{rel}"), encoding="utf-8")
        subprocess.run(["git", "-C", str(src), "add", "-A"], check=True)
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "-C", str(src), "-c", "user.name=bench", "-c", "user.email=bench@example.org",
                        "commit", "-q", "-m", f"versions {2 - step}", "--allow-empty"], check=True, env=env)
    return src


def tracker(store: Path, *args: str) -> tuple[float, str]:
    """Run the tracker command line; returns (wall seconds, stdout)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode not in (0, 1):
        raise SystemExit(f"tracker {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", metavar="REF", help="also time the summary module of this git revision")
    parser.add_argument("--publish", action="store_true", help="also build an archive and time the command line")
    parser.add_argument("--cli", type=int, default=20, help="documents to run `tracker summary` on")
    parser.add_argument("--repo", type=Path, help="an existing clone of the contrib bundle")
    parser.add_argument("--no-memory", action="store_true", help="skip the in-memory timing (with --publish)")
    parser.add_argument("--versions", type=int, choices=(1, 2), default=1,
                        help="versions per document in the archive (2: feed entries list changed key terms)")
    args = parser.parse_args()
    bundle = require(BUNDLE)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = args.repo or clone(bundle, tmp)
        files = documents(repo, args.docs)
        texts = [f.read_text(encoding="utf-8") for f in files]
        sizes = [len(t.split()) for t in texts]
        print(f"{len(files)} documents, {sum(sizes):,} words (median {int(statistics.median(sizes)):,}, "
              f"largest {max(sizes):,})")
        if not args.no_memory:
            old = old_module(args.compare) if args.compare else None
            times = in_memory(texts, args.repeat, old)
            print(f"summarise(), median of {args.repeat} per document:")
            describe("this tree", times["new"], sizes, files)
            if old:
                describe(f"{args.compare}", times["old"], sizes, files)
                print(f"  ratio this tree / {args.compare}: {sum(times['new']) / sum(times['old']):.2f}")
        if not args.publish:
            return 0
        src = build_archive(repo, files, tmp, args.versions)
        store = tmp / "store"
        took, _ = tracker(store, "import-history", str(src))
        print(f"archive: import-history of {len(files)} documents x {args.versions} version(s): {took:.1f} s")
        site = tmp / "site"
        for run in ("cold", "warm"):
            took, out = tracker(store, "publish", "--out", str(site), "--json")
            report = json.loads(out)
            print(f"tracker publish ({run}): {took:.1f} s, {report['summaries_computed']} summaries computed, "
                  f"{len(report['pages_written'])} of {report['pages']} pages written")
        from tracker.api import Archive

        with Archive.open(store) as archive:
            pairs = [(s.id, t) for s in archive.services() for t in s.document_types]
        step = max(1, len(pairs) // max(1, args.cli))
        walls = [tracker(store, "summary", sid, doc)[0] for sid, doc in pairs[::step][: args.cli]]
        start = time.perf_counter()
        tracker(store, "status")
        baseline = time.perf_counter() - start
        print(f"tracker summary SERVICE DOCUMENT, {len(walls)} documents: median {statistics.median(walls):.2f} s, "
              f"slowest {max(walls):.2f} s (tracker status, the cost of starting: {baseline:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: `tracker import-history` of an Open Terms Archive versions repository (git bundle).

    .venv/bin/python benchmarks/bench_import.py [BUNDLE] [--commits N] [--compare REF] [--repeat R]
                                                [--no-check] [--profile]

Default bundle: ../shared/data/ota/contrib-versions.bundle (42,632 commits, 879 documents; the
shared folder is $TRACKER_SHARED when set). The import runs as the real command, in a child
process (`python -m tracker --store TMP import-history CLONE --rev TIP`, local process pool), into
a new store. Printed:

* wall time (clone excluded) and CPU time of the whole process tree (user + system of the
  command, its analysis workers and its git processes: ``os.wait4``), and of the main process;
* peak memory: of the main process (``VmHWM``) and of the whole process tree (sum of the RSS of
  the command and its descendants, sampled every 0.2 s);
* ms per commit in each tenth of the history (from the command's progress lines: a batch of 500
  versions at a time, interpolated at the tenth boundaries);
* the versions per document checked against the commits that changed its normalized text
  (computed here, independently of the importer's caches; ``--no-check`` skips it);
* with ``--compare REF`` (a git revision of this project, e.g. ``main``): the same import with
  the code of REF (``git archive``), old and new alternating ``--repeat`` times; medians and the
  ratio, and a check that both wrote the same archive (head commit) and the same index rows
  (versions, clause changes, documents, services).

``--commits N`` imports the first N commits only (a slice; --rev of the Nth commit in date order).
Targets (issue 16), for the whole contrib bundle on 2 cores: <= 300 s (aim 150 s), peak memory
<= 500 MB, flat cost per commit from the first to the last tenth.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _shared import shared_data  # noqa: E402

DEFAULT_BUNDLE = shared_data("ota/contrib-versions.bundle")
PAGE = os.sysconf("SC_PAGE_SIZE")
# the command's progress line on a pipe (tracker.cli.ota): "... 1,234 of 42,632 commits read[, 10 of 12 pairs
# analysed], 1,200 versions recorded" (older trackers wrote "commit(s)", "version(s)")
PROGRESS = re.compile(r"([\d,]+)(?: of [\d,]+)? commit(?:s|\(s\))? read(?:, [\d,]+ of [\d,]+ pair(?:s|\(s\))? analysed)?, "
                      r"([\d,]+) version(?:s|\(s\))? recorded")


@dataclass
class Run:
    """One import as the command ran it."""

    code: str
    wall: float = 0.0
    cpu_tree: float = 0.0  # user + system, the command and every descendant it waited for
    cpu_main: float = 0.0
    peak_main: int = 0  # bytes
    peak_tree: int = 0
    peaks: dict[int, tuple[int, str]] = field(default_factory=dict)  # pid -> (peak RSS in bytes, role)
    at_peak: list[tuple[int, str]] = field(default_factory=list)  # (RSS, role) of each process when the tree peaked
    commits: int = 0
    versions: int = 0
    progress: list[tuple[float, int, int]] = field(default_factory=list)  # (seconds, commits read, versions)
    # (seconds, RSS of the main process in bytes, its CPU seconds so far), every 0.2 s
    samples: list[tuple[float, int, float]] = field(default_factory=list)
    summary: str = ""


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            out.setdefault(ppid, []).append(int(name))
    return out


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except OSError:
        return 0


def _role(pid: int) -> str:
    """A short name for a process of the tree: "main", "worker" (a pool process), "git <verb>"."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return "?"
    if not argv:
        return "?"
    if "tracker" in argv and "import-history" in argv:
        return "main"
    if any("multiprocessing" in a for a in argv):
        return "worker" if any("spawn_main" in a for a in argv) else "pool helper"
    name = Path(argv[0]).name
    return f"{name} {argv[1]}" if name == "git" and len(argv) > 1 else name


def _main_stats(pid: int) -> tuple[int, float]:
    """(VmHWM in bytes, CPU seconds) of a live process; (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            hwm = next((int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:")), 0)
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        fields = stat[stat.rindex(")") + 2:].split()
        return hwm, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, StopIteration):
        return 0, 0.0


def run_import(code: Path, store: Path, repo: Path, rev: str) -> Run:
    """Run `tracker import-history` with the project code at ``code``; measure it."""
    env = dict(os.environ, PYTHONPATH=str(code))
    cmd = [sys.executable, "-m", "tracker", "--store", str(store), "import-history", str(repo), "--rev", rev]
    run = Run(code=str(code))
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=code, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None and proc.stdout is not None
    errors: list[str] = []

    def read_progress() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:  # "<stage> — C of T commit(s) read, V version(s) recorded..."
            m = PROGRESS.search(line)
            if m:
                run.progress.append((time.perf_counter() - started, int(m[1].replace(",", "")),
                                     int(m[2].replace(",", ""))))
            else:
                errors.append(line)

    reader = threading.Thread(target=read_progress, daemon=True)
    reader.start()
    own = _cmdline(proc.pid)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree, todo, children = [], [proc.pid], _children()
        while todo:
            p = todo.pop()
            tree.append(p)
            todo.extend(children.get(p, []))
        # a child forked but not yet exec'd (subprocess starting git, or a pool worker) shows the
        # command's own pages as its RSS for a moment: shared, not more memory, so not counted
        sizes = {p: _rss(p) for p in tree if p == proc.pid or _cmdline(p) != own}
        if sum(sizes.values()) > run.peak_tree:
            run.peak_tree = sum(sizes.values())
            run.at_peak = [(size, run.peaks[p][1] if p in run.peaks else _role(p)) for p, size in sizes.items()]
        for p, size in sizes.items():
            if size > run.peaks.get(p, (0, ""))[0]:
                run.peaks[p] = (size, run.peaks[p][1] if p in run.peaks else _role(p))
        hwm, cpu = _main_stats(proc.pid)
        run.peak_main, run.cpu_main = max(run.peak_main, hwm), max(run.cpu_main, cpu)
        run.samples.append((time.perf_counter() - started, sizes.get(proc.pid, 0), cpu))
        time.sleep(0.2)
    run.wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    run.cpu_tree = usage.ru_utime + usage.ru_stime
    # the "imported ..." line; lines about skipped file changes may follow it
    out = proc.stdout.read().strip().splitlines() if proc.returncode == 0 else []
    run.summary = next((line for line in reversed(out) if line.startswith("imported ")), out[-1] if out else "")
    reader.join(timeout=5)
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}) with the code at {code}:\n{''.join(errors)[-3000:]}")
    words = run.summary.split()  # "imported V versions from C commits of ..." (V, C with thousands separators)
    run.versions, run.commits = int(words[1].replace(",", "")), int(words[4].replace(",", ""))
    return run


def _tenth_ends(run: Run) -> list[float]:
    """When (seconds) the command had read each tenth of the commits (its progress lines); the
    last tenth ends with the command (its last analyses, checkout and full-text index)."""
    ends, k, step = [], 1, run.commits / 10
    for t, commits, _ in run.progress:
        while k <= 10 and commits >= k * step:
            ends.append(t)
            k += 1
    return (ends + [run.wall] * 10)[:9] + [run.wall]


def main_tenths(run: Run) -> tuple[list[float], list[float]]:
    """Per tenth of the commits: the main process's largest RSS (MB) while it was read, and the
    main process's CPU per commit (ms) spent meanwhile (reading git, writing the archive and the
    index: the coordinator's own work, whatever the workers do)."""
    if not run.commits or not run.samples:
        return [], []
    rss, cpu, start, spent = [], [], 0.0, 0.0
    for end in _tenth_ends(run):
        inside = [(size, used) for t, size, used in run.samples if start <= t <= end]
        rss.append(max((size for size, _ in inside), default=0) / 2**20)
        used = max((u for _, u in inside), default=spent) if end < run.wall else run.cpu_main
        cpu.append(1000 * (used - spent) / (run.commits / 10))
        spent, start = max(spent, used), end
    return rss, cpu


def tenths(run: Run, what: int = 0) -> list[float]:
    """ms per commit in each tenth of the commits, interpolated between progress points
    (``what=1``: versions recorded in each tenth instead)."""
    points = [(0.0, 0, 0), *run.progress, (run.wall, run.commits, run.versions)]

    def at(commits: float) -> float:
        for (t0, c0, v0), (t1, c1, v1) in zip(points, points[1:]):
            if c0 <= commits <= c1 and c1 > c0:
                a, b = (t0, t1) if what == 0 else (v0, v1)
                return a + (b - a) * (commits - c0) / (c1 - c0)
        return points[-1][0] if what == 0 else points[-1][2]

    step = run.commits / 10
    scale = 1000 / step if what == 0 else 1.0
    return [scale * (at(step * (k + 1)) - at(step * k)) for k in range(10)] if run.commits else []


# Not compared: the digest of the analysis code's source files (tracker.analysis.analyse.
# analysis_version), which differs between two versions of the code by construction.
IGNORED_COLUMNS = {"analysis_version"}


def dump_index(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row the import writes, in a stable order (without ``IGNORED_COLUMNS``)."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with sqlite3.connect(path) as conn:
        for table, order in (("versions", "document_key, seq"), ("changes", "id"), ("documents", "key"),
                             ("services", "id")):
            names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in IGNORED_COLUMNS]
            columns = ", ".join(f'"{n}"' for n in names)
            out[table] = conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}").fetchall()
    return out


def check_versions(repo: Path, rev: str, index_path: Path) -> tuple[int, int, list[str]]:
    """(documents, versions expected, mismatches): per source file, the commits (in import order)
    whose change gives a non-empty normalized text different from the file's latest version that
    changes a clause of it (``analysis.sameness.same_terms``, the rule a run applies),
    against the versions the index holds for it (by the source path in its Final-URL)."""
    from tracker.analysis.sameness import same_terms
    from tracker.ota.history import BlobReader, normalize, read_log, split_path
    from tracker.archive.store import content_hash

    expected: Counter[str] = Counter()
    latest: dict[str, tuple[str, str]] = {}  # path -> (digest, text) of its latest version
    by_blob: dict[tuple[str, str], str] = {}  # digests only: the texts of a long history do not fit

    def read(blob: str, kind: str) -> str:
        try:
            return normalize(blobs.read(blob), kind)
        except Exception:  # noqa: BLE001 - no text: never a version
            return ""

    with BlobReader(repo) as blobs:
        for commit in read_log(repo, [rev]):
            for change in commit.changes:
                where = split_path(change.path)
                if where is None or change.status == "D" or change.mode not in ("100644", "100755"):
                    continue
                key = (change.blob, where[2])
                text = None
                if key not in by_blob:
                    text = read(change.blob, where[2])
                    by_blob[key] = content_hash(text) if text.strip() else ""
                digest = by_blob[key]
                before = latest.get(change.path)
                if not digest or (before is not None and before[0] == digest):
                    continue
                text = read(change.blob, where[2]) if text is None else text
                # a new version: another text that changes a clause (a run's rule, "What is not a
                # new version": spacing, Markdown style or link tokens alone are not one)
                if before is None or not same_terms(before[1], text):
                    expected[change.path] += 1
                    latest[change.path] = (digest, text)
    with sqlite3.connect(index_path) as conn:
        got = Counter(unquote(url.partition("#")[2]) for (url,) in conn.execute("SELECT final_url FROM versions"))
    wrong = [f"{path}: {expected[path]} text changes, {got[path]} versions"
             for path in sorted(set(expected) | set(got)) if expected[path] != got[path]]
    return len(expected), sum(expected.values()), wrong


def old_code(ref: str, into: Path) -> Path:
    """This project at git revision ``ref``, extracted into ``into``."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def describe(name: str, run: Run) -> None:
    per = 1000 * run.wall / max(run.commits, 1)
    print(f"{name}: {run.wall:.1f} s wall ({per:.2f} ms/commit), CPU {run.cpu_tree:.1f} s for the process tree "
          f"(main process {run.cpu_main:.1f} s); peak memory main {run.peak_main / 2**20:.0f} MB, "
          f"tree {run.peak_tree / 2**20:.0f} MB; {run.versions} versions from {run.commits} commits")
    by_role: dict[str, list[int]] = {}
    for size, role in run.peaks.values():
        by_role.setdefault(role, []).append(size)
    print("  peak RSS per process: " + "; ".join(
        f"{role} " + ", ".join(f"{s / 2**20:.0f}" for s in sorted(sizes, reverse=True)[:4]) + " MB"
        for role, sizes in sorted(by_role.items(), key=lambda kv: -max(kv[1]))))
    print("  at the tree's peak: " + ", ".join(f"{role} {size / 2**20:.0f}" for size, role in sorted(run.at_peak, reverse=True)
                                               if size >= 2**20) + " MB")
    print("  ms/commit per tenth: " + " ".join(f"{v:.1f}" for v in tenths(run)))
    print("  versions per tenth:  " + " ".join(f"{v:.0f}" for v in tenths(run, 1)))
    rss, cpu = main_tenths(run)
    print("  main process per tenth: RSS MB (largest) " + " ".join(f"{v:.0f}" for v in rss)
          + "; CPU ms/commit " + " ".join(f"{v:.1f}" for v in cpu))


def profile(repo: Path, rev: str, store_dir: Path) -> None:
    """cProfile an import in this process: the coordinator's work (analyses in the worker pool are
    not profiled; TRACKER_WORKERS=1 keeps them here)."""
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.ota.history import import_history

    store = Store(store_dir)
    store.init()
    with Index(store.index_path) as index:
        profiler = cProfile.Profile()
        profiler.enable()
        import_history(store, index, repo, rev=rev)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    print(out.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--branch", default="main")
    parser.add_argument("--commits", type=int, default=0, help="import the first N commits only (0: all)")
    parser.add_argument("--compare", metavar="REF", help="also import with this project's code at git revision REF")
    parser.add_argument("--repeat", type=int, default=1, help="imports of each code (alternating); medians")
    parser.add_argument("--no-check", action="store_true", help="skip the versions-per-document check")
    parser.add_argument("--profile", action="store_true", help="cProfile an in-process import instead")
    args = parser.parse_args()
    if not args.bundle.exists():
        print(f"skipped: {args.bundle} not found; nothing to benchmark (set TRACKER_SHARED)")
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        repo = tmp / "source"
        subprocess.run(["git", "clone", "-q", "-b", args.branch, str(args.bundle), str(repo)], check=True)
        commits = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo,
                                 capture_output=True, text=True, check=True).stdout.split()
        rev = commits[min(args.commits, len(commits)) - 1] if args.commits else commits[-1]
        count = min(args.commits, len(commits)) if args.commits else len(commits)
        print(f"bundle   {args.bundle} ({len(commits)} commits; importing {count}, up to {rev[:12]}); "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        if args.profile:
            profile(repo, rev, tmp / "profiled")
            return 0
        codes = {"new": ROOT}
        if args.compare:
            codes = {"old": old_code(args.compare, tmp / "old-code"), "new": ROOT}
        runs: dict[str, list[Run]] = {name: [] for name in codes}
        for attempt in range(args.repeat):
            for name, code in codes.items():
                store = tmp / f"store-{name}-{attempt}"
                run = run_import(code, store, repo, rev)
                runs[name].append(run)
                describe(f"{name} #{attempt + 1}", run)
        new = runs["new"][-1]
        index = tmp / f"store-new-{args.repeat - 1}" / "index.sqlite"
        if args.compare:
            walls = {name: statistics.median(r.wall for r in rs) for name, rs in runs.items()}
            cpus = {name: statistics.median(r.cpu_tree for r in rs) for name, rs in runs.items()}
            print(f"median wall: old {walls['old']:.1f} s, new {walls['new']:.1f} s: "
                  f"{walls['old'] / walls['new']:.2f}x faster; median CPU (tree): old {cpus['old']:.1f} s, "
                  f"new {cpus['new']:.1f} s: {cpus['old'] / cpus['new']:.2f}x less")
            heads = [subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp / f"store-{name}-0" / "archive",
                                    capture_output=True, text=True).stdout.strip() for name in ("old", "new")]
            print(f"archive  {'same head commit ' + heads[0][:12] if heads[0] == heads[1] else 'DIFFERENT: ' + str(heads)}")
            old_rows, new_rows = dump_index(tmp / "store-old-0" / "index.sqlite"), dump_index(index)
            for table in old_rows:
                same = old_rows[table] == new_rows[table]
                print(f"index    {table}: {len(old_rows[table])} / {len(new_rows[table])} rows, "
                      f"{'same' if same else 'DIFFERENT'} (all columns but {', '.join(sorted(IGNORED_COLUMNS))})")
        if not args.no_check:
            documents, expected, wrong = check_versions(repo, rev, index)
            verdict = "all equal" if not wrong else f"{len(wrong)} documents differ, e.g. " + "; ".join(wrong[:5])
            print(f"versions per document vs commits that changed its normalized text: {documents} documents, "
                  f"{expected} text changes, {new.versions} versions: {verdict}")
        ticks = tenths(new)
        if ticks:
            print(f"flatness: last tenth / first tenth = {ticks[-1] / ticks[0]:.2f} (ms/commit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

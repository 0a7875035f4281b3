"""Check that two trees of this project analyse real version pairs byte for byte alike, and time both.

    .venv/bin/python benchmarks/analysis_identity.py [--compare REF] [--contrib N] [--repeat R]
                                                    [--keep DIR] [--profile]

Pairs: every ``<dir>/before.md`` + ``after.md`` under ../shared/data/ota/pairs/ (189 real
changes), and ``--contrib N`` (default 300) changes of Markdown documents taken evenly across
the history of ../shared/data/ota/contrib-versions.bundle (the parent's and the commit's blob,
normalized as ``import-history`` normalizes them; pairs whose normalized texts are equal are
skipped). The contrib pairs are extracted once into a cache folder under the system temp dir.

With ``--compare REF`` (default: where this branch forked from main, ``git merge-base HEAD
main``, so commits landing on main meanwhile are not counted as differences), the code of REF (``git archive``) and this worktree's
code each run ``analyse(old, new)`` over every pair in a child process (alternating, ``--repeat``
times) and write ``dataclasses.asdict(analysis)`` as JSON, one file per pair. Printed: CPU ms per
pair of each tree (medians over the repeats, ``time.process_time`` around the analyses only),
the ratio, the median pair's and the dearest tenth's CPU of each tree (the pairs' cost is
heavy-tailed), and the number of pairs whose JSON differs (the first few differences are named).
Exit status 1 when any pair differs.

``--profile`` runs this worktree's analyses once under cProfile instead and prints the top
functions by cumulative and by own time.

Each pair is a different document or far from the last one: what is measured is the cost of a
pair seen for the first time (a history import also reuses the split of a version's new text as
the next pair's old text, which this does not show).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import shared_data  # noqa: E402


def _git(repo: Path, *args: str, data: bool = False) -> str:
    out = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    return out.stdout.decode("utf-8", errors="replace") if not data else out.stdout  # type: ignore[return-value]


def contrib_pairs(count: int) -> Path | None:
    """A folder of ``count`` contrib-versions changes (``NNNN/before.md``, ``after.md``), made on
    first use; None when the bundle is absent."""
    bundle = shared_data("ota/contrib-versions.bundle")
    if count <= 0 or not bundle.exists():
        return None
    cache = Path(tempfile.gettempdir()) / f"tracker-contrib-pairs-{count}"
    if (cache / "done").exists():
        return cache
    sys.path.insert(0, str(ROOT))
    from tracker.ota.history import normalize

    clone = Path(tempfile.mkdtemp(prefix="contrib-clone-"))
    subprocess.run(["git", "clone", "-q", "--bare", str(bundle), str(clone)], check=True)
    # (commit, path) of every modified Markdown document, oldest first
    log = _git(clone, "log", "--reverse", "--no-renames", "--format=@%H", "--name-status", "HEAD")
    changes: list[tuple[str, str]] = []
    sha = ""
    for line in log.splitlines():
        if line.startswith("@"):
            sha = line[1:]
        elif line.startswith("M\t") and line.endswith(".md"):
            changes.append((sha, line[2:]))
    step = max(1, len(changes) // (count * 2))  # twice the count: room for skipped pairs
    cache.mkdir(exist_ok=True)
    n = 0
    for sha, path in changes[::step]:
        if n >= count:
            break
        old = normalize(subprocess.run(["git", "-C", str(clone), "show", f"{sha}^:{path}"],
                                       check=True, capture_output=True).stdout, "markdown")
        new = normalize(subprocess.run(["git", "-C", str(clone), "show", f"{sha}:{path}"],
                                       check=True, capture_output=True).stdout, "markdown")
        if old == new:
            continue
        out = cache / f"{n:04d}"
        out.mkdir(exist_ok=True)
        (out / "before.md").write_text(old)
        (out / "after.md").write_text(new)
        (out / "source.txt").write_text(f"{sha} {path}\n")
        n += 1
    subprocess.run(["rm", "-rf", str(clone)], check=True)
    (cache / "done").write_text(str(n))
    return cache


def pair_dirs(contrib: int) -> list[Path]:
    """Every pair folder: the shared real pairs, then the contrib sample."""
    dirs: list[Path] = []
    shared = shared_data("ota/pairs")
    if shared.exists():
        dirs += sorted(d for d in shared.iterdir() if (d / "before.md").exists())
    cache = contrib_pairs(contrib)
    if cache is not None:
        dirs += sorted(d for d in cache.iterdir() if (d / "before.md").exists())
    return dirs


def dump(tree: Path, dirs: list[Path], out: Path | None, profile: bool = False) -> dict[str, Any]:
    """Analyse every pair with the code of ``tree`` (already first on sys.path); write each
    ``asdict(analysis)`` as JSON into ``out``. Returns {"cpu": seconds, "pairs": n, "per": each
    pair's CPU seconds, in the order of ``dirs``}."""
    from dataclasses import asdict

    from tracker.analysis.analyse import analyse

    assert Path(sys.modules["tracker"].__file__ or "").resolve().is_relative_to(tree.resolve())
    texts = [((d / "before.md").read_text(), (d / "after.md").read_text()) for d in dirs]
    results = []
    prof = cProfile.Profile() if profile else None
    cpu = time.process_time()
    if prof:
        prof.enable()
    per: list[float] = []
    for old, new in texts:
        t = time.process_time()
        results.append(analyse(old, new))
        per.append(time.process_time() - t)
    if prof:
        prof.disable()
    cpu = time.process_time() - cpu
    if prof:
        for key in ("cumulative", "tottime"):
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats(key).print_stats(45)
            print(s.getvalue())
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for d, analysis in zip(dirs, results):
            name = f"{d.parent.name}__{d.name}.json"
            (out / name).write_text(json.dumps(asdict(analysis), ensure_ascii=False, indent=1))
    return {"cpu": cpu, "pairs": len(texts), "per": per}


def _child(tree: Path, out: Path | None, contrib: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree), "--contrib", str(contrib)]
    if out is not None:
        cmd += ["--out", str(out)]
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    proc = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(ref: str, contrib: int, repeat: int, keep: Path | None) -> int:
    """Run REF's and this tree's analyses side by side; print times and differences."""
    dirs = pair_dirs(contrib)
    if not dirs:
        print("skipped: no pairs found (../shared/data/ota/pairs or the contrib bundle)")
        return 0
    work = keep or Path(tempfile.mkdtemp(prefix="analysis-identity-"))
    old_tree = work / "ref-tree"
    if not old_tree.exists():
        old_tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive, check=True)
    trees = {"ref": old_tree, "this": ROOT}
    cpu: dict[str, list[float]] = {"ref": [], "this": []}
    per: dict[str, list[list[float]]] = {"ref": [], "this": []}
    for r in range(repeat):
        for name in (("ref", "this") if r % 2 == 0 else ("this", "ref")):
            result = _child(trees[name], work / name if r == 0 else None, contrib)
            cpu[name].append(result["cpu"])
            per[name].append(result["per"])
    n = len(dirs)
    ref_ms = statistics.median(cpu["ref"]) / n * 1000
    this_ms = statistics.median(cpu["this"]) / n * 1000
    print(f"pairs: {n} ({sum(1 for d in dirs if d.parent == shared_data('ota/pairs'))} shared, "
          f"{sum(1 for d in dirs if d.parent != shared_data('ota/pairs'))} contrib-versions)")
    print(f"CPU ms per pair, median of {repeat}: {ref} {ref_ms:.2f}, this tree {this_ms:.2f} "
          f"(ratio {this_ms / ref_ms:.3f}; runs ref {[round(c, 2) for c in cpu['ref']]} s, "
          f"this {[round(c, 2) for c in cpu['this']]} s)")
    print(_tails(per["ref"], per["this"], ref))
    differ = []
    for d in dirs:
        name = f"{d.parent.name}__{d.name}.json"
        if (work / "ref" / name).read_bytes() != (work / "this" / name).read_bytes():
            differ.append(name)
    print(f"analyses that differ: {len(differ)} of {n}" + (f" (first: {', '.join(differ[:5])})" if differ else ""))
    if keep is None and not differ:
        subprocess.run(["rm", "-rf", str(work)], check=True)
    elif differ:
        print(f"outputs kept in {work}/ref and {work}/this")
    return 1 if differ else 0


def _tails(ref: list[list[float]], this: list[list[float]], ref_name: str) -> str:
    """Per-pair CPU of both trees (each pair's median over the repeats): the median pair, and the
    mean of the dearest tenth of the pairs (the tenth the reference spends most on, the same
    pairs for both trees) with its share of each tree's total."""
    def pairs(runs: list[list[float]]) -> list[float]:
        return [statistics.median(r[i] for r in runs) for i in range(len(runs[0]))]

    a, b = pairs(ref), pairs(this)
    dear = sorted(range(len(a)), key=lambda i: -a[i])[:max(1, len(a) // 10)]
    da, db = sum(a[i] for i in dear), sum(b[i] for i in dear)
    return (f"CPU ms a pair: median pair {ref_name} {statistics.median(a) * 1000:.2f}, this tree "
            f"{statistics.median(b) * 1000:.2f} (ratio {statistics.median(b) / statistics.median(a):.3f}); "
            f"dearest tenth ({len(dear)} pairs) {ref_name} {da / len(dear) * 1000:.1f}, this tree "
            f"{db / len(dear) * 1000:.1f} (ratio {db / da:.3f}; {da / sum(a):.0%} and {db / sum(b):.0%} of each total)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", metavar="REF",
                        help="git revision to compare with (default: git merge-base HEAD main)")
    parser.add_argument("--contrib", type=int, default=300, metavar="N",
                        help="contrib-versions changes to add to the shared pairs (default 300; 0: none)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each tree, alternating (default 1)")
    parser.add_argument("--keep", type=Path, help="keep the trees' outputs in this folder")
    parser.add_argument("--profile", action="store_true", help="profile this tree's analyses instead")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(dump(args.child, pair_dirs(args.contrib), args.out)))
        return 0
    if args.profile:
        sys.path.insert(0, str(ROOT))
        result = dump(ROOT, pair_dirs(args.contrib), None, profile=True)
        print(f"{result['pairs']} pairs, {result['cpu'] / result['pairs'] * 1000:.2f} CPU ms per pair (profiled)")
        return 0
    ref = args.compare or _git(ROOT, "merge-base", "HEAD", "main").strip()
    return compare(ref, args.contrib, args.repeat, args.keep)


if __name__ == "__main__":
    sys.exit(main())

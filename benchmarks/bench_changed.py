"""Hand-run benchmark: the nonce scenario's no-change and 10%-changed runs, replayed on a kept store,
for several trees or settings side by side.

Run: .venv/bin/python benchmarks/bench_run.py --only nonce --repeat 1 --keep WORK   (once: pages + store)
     .venv/bin/python benchmarks/bench_changed.py WORK [--repeat 3] [--changed 30] TREE[:VAR=VALUE...] ...

Why: ``bench_run.py`` builds a new store for every scenario, so trying a variant of the 10%-changed
run (a hack of the code in a scratch copy, an environment setting such as ``TRACKER_WORKERS=1``)
costs its whole sequence. This script reuses the store ``bench_run.py --keep`` left behind: each
run gets a fresh copy of it (the same starting state for every tree), so the same ``--changed``
pages change each time, and the trees' runs are interleaved (their order reversed every other
repeat) so that the machine's load weighs on them alike. Each TREE is a checkout of the tracker
(``git worktree add``, ``git archive | tar -x``), run as ``python -m tracker`` with ``PYTHONPATH``
set to it; ``:VAR=VALUE`` parts set environment variables for that tree's runs only.

A copied store's work tree has new inodes and change times, which ``git`` reads as files that may
have changed: its first ``reset --hard`` (the run's checkout of the new versions) then hashes every
file of the archive (0.3-0.4 s for 300 pages, which a run in place never pays). Each copy's index
is refreshed (``git update-index --refresh``) before it is timed.

Prints per tree the median wall and CPU (the run's process and its children: worker, git) of the
no-change and the changed runs, and their ratio (issue 14's target: changed / no-change <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_run  # noqa: E402 - the page generator, server and measurement of bench_run.py


def _fresh(source: Path, store: Path) -> None:
    """``store`` as a copy of ``source``, its archive's index refreshed (see the module doc)."""
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(source, store, symlinks=True)
    subprocess.run(["git", "-C", str(store / "archive"), "update-index", "-q", "--refresh"], check=False)


def parse_spec(spec: str) -> tuple[Path, dict[str, str]]:
    """``TREE[:VAR=VALUE...]`` as (the tree's absolute path, its environment variables)."""
    tree, *settings = spec.split(":")
    return Path(tree).resolve(), dict(part.split("=", 1) for part in settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work", type=Path, help="the --keep directory of a `bench_run.py --only nonce` run")
    parser.add_argument("trees", nargs="+", help="TREE[:VAR=VALUE...]: a checkout of the tracker and its settings")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--changed", type=int, default=30, help="pages changed in each changed run")
    parser.add_argument("--size", type=int, default=300, help="the nonce scenario's page count in WORK")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    work, n = args.work.resolve(), args.size
    site, kept = work / f"nonce{n}", work / f"nonce-store{n}"
    if not kept.is_dir() or not site.is_dir():
        parser.error(f"{work} holds no nonce scenario of {n} pages (run bench_run.py --only nonce --keep {work})")
    specs = [parse_spec(spec) for spec in args.trees]
    # Pages still at their first revision (a kept run changed some): those changed here, then put back.
    unchanged = [i for i in range(n) if (site / f"{i}.html").read_text(encoding="utf-8") == bench_run.make_page(i, 0)]
    revision = {i: 0 for i in range(n)}
    server = subprocess.Popen([sys.executable, bench_run.__file__, "_serve", str(site)], stdout=subprocess.PIPE)
    base, store, sources = work / "changed-base", work / "changed-store", work / "changed-sources.toml"
    try:
        port = int(server.stdout.readline())  # type: ignore[union-attr]
        bench_run.write_sources(sources, port, n)

        def run(tree: Path, extra: dict[str, str]) -> bench_run.Sample:
            cmd = [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run", "-q",
                   "--concurrency", str(args.concurrency), "--per-host", str(args.concurrency), "--host-delay", "0"]
            return bench_run.measure(cmd, cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree), **extra))

        for tree, _ in specs:
            bench_run.compile_bytecode(tree)
        # The base: the kept store after one run on this server's port (the URLs changed with it).
        _fresh(kept, store)
        run(*specs[0])
        shutil.rmtree(base, ignore_errors=True)
        shutil.copytree(store, base, symlinks=True)
        results: dict[int, tuple[list[bench_run.Sample], list[bench_run.Sample]]] = {k: ([], []) for k in range(len(specs))}
        for r in range(args.repeat):
            changed = random.Random(1000 + r).sample(unchanged, min(args.changed, len(unchanged)))
            order = list(range(len(specs))) if r % 2 == 0 else list(range(len(specs)))[::-1]
            for k in order:
                _fresh(base, store)
                same = run(*specs[k])
                _fresh(base, store)
                bench_run.write_pages(site, changed, {**revision, **{i: 1 for i in changed}})
                try:
                    moved = run(*specs[k])
                finally:
                    bench_run.write_pages(site, changed, revision)
                results[k][0].append(same)
                results[k][1].append(moved)
                summary = moved.out.splitlines()[-1] if moved.out else ""
                print(f"  repeat {r} {args.trees[k]}: no change {same.wall:.2f} s wall / {same.cpu:.2f} s cpu, "
                      f"changed {moved.wall:.2f} / {moved.cpu:.2f}  ({summary})", flush=True)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(store, ignore_errors=True)
    print(f"\nmedians over {args.repeat} repeats, {args.changed} of {n} pages changed:")
    for k, spec in enumerate(args.trees):
        same_runs, moved_runs = results[k]
        wall = [statistics.median(s.wall for s in runs) for runs in (same_runs, moved_runs)]
        cpu = [statistics.median(s.cpu for s in runs) for runs in (same_runs, moved_runs)]
        print(f"  {spec}: no change {wall[0]:.2f} s wall / {cpu[0]:.2f} s cpu; changed {wall[1]:.2f} / {cpu[1]:.2f}; "
              f"changed / no change {wall[1] / wall[0]:.2f}x wall, {cpu[1] / cpu[0]:.2f}x cpu")


if __name__ == "__main__":
    main()

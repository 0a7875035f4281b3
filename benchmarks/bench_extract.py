"""Hand-run benchmark of `tracker.extract.convert.extract` on generated 50-300 KB terms pages.

Run: .venv/bin/python benchmarks/bench_extract.py [--pages 30] [--rounds 7] [--compare OLD.py]

Why: extraction runs for every fetched page that is not a 304, so its cost per page bounds a
scheduled run's CPU time. Pages come from bench_run.make_page and are extracted the way
bench_run's sources do (select main, remove the cookie banner). Prints the median ms per page
and MB/s of HTML. With --compare, another copy of extract.py (for example the previous version)
is timed in the same process, interleaved page by page, so a shared, noisy machine affects both
alike, and its output is checked to be identical.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_run  # noqa: E402

import tracker.extract.convert as current  # noqa: E402

SELECT = ["main"]
REMOVE = [".cookie-banner"]


def _load(path: str) -> ModuleType:
    """Import a copy of extract.py under another name, so both versions live side by side."""
    spec = importlib.util.spec_from_file_location("extract_compared", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _time(fn: Callable[[bytes], str], raw: bytes) -> float:
    start = time.perf_counter()
    fn(raw)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=7, help="passes over all pages (median per page)")
    parser.add_argument("--compare", metavar="OLD.py", help="another extract.py to time alongside")
    args = parser.parse_args()

    pages = [bench_run.make_page(i, 0).encode() for i in range(args.pages)]
    mb = sum(map(len, pages)) / 1e6
    versions: dict[str, Callable[[bytes], str]] = {}
    if args.compare:
        old = _load(args.compare)
        versions["compared"] = lambda raw: old.extract(raw, "text/html", select=SELECT, remove=REMOVE)
    versions["current"] = lambda raw: current.extract(raw, "text/html", select=SELECT, remove=REMOVE)

    if args.compare:
        same = sum(versions["compared"](raw) == versions["current"](raw) for raw in pages)
        print(f"identical output on {same}/{len(pages)} pages")
    for fn in versions.values():  # warm-up: imports, lazily built options
        fn(pages[0])

    # Per version and page, the median over rounds. Versions alternate page by page, and which
    # goes first alternates by round, so neither always finds the page's bytes in cache.
    samples: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name in versions}
    order = list(versions.items())
    for round_no in range(args.rounds):
        for k, raw in enumerate(pages):
            for name, fn in order if round_no % 2 == 0 else order[::-1]:
                samples[name][k].append(_time(fn, raw))

    kb = mb * 1000 / len(pages)
    print(f"{len(pages)} pages, {mb:.2f} MB of HTML (avg {kb:.0f} KB), {args.rounds} rounds")
    totals: dict[str, float] = {}
    for name, per_page in samples.items():
        medians = [statistics.median(s) for s in per_page]
        totals[name] = sum(medians)
        mean_ms = totals[name] / len(pages) * 1000
        print(f"  {name:9s} median {statistics.median(medians) * 1000:6.2f} ms/page   "
              f"mean {mean_ms:6.2f} ms/page   {mb / totals[name]:6.1f} MB/s")
    if args.compare:
        speedup = totals["compared"] / totals["current"]
        print(f"  speed-up  {speedup:.2f}x (total of the per-page medians)")


if __name__ == "__main__":
    main()

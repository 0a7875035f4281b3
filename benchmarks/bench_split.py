"""Hand-run benchmark of `tracker.analysis.diff.diff_texts` on two versions of generated terms pages.

Run: .venv/bin/python benchmarks/bench_split.py [--pairs 20] [--rounds 5] [--analyse]

Why: every changed document costs one diff_texts, and most of that is splitting both versions
into clauses. Pairs are bench_run.make_page(i, 0) and (i, 1) (one clause and the date changed),
extracted the way bench_run's sources are (select main, remove the cookie banner). Every cache is
cleared before each pair, so the old version is split cold and the new one reuses what it can.
Prints medians: ms per pair (diff_texts), per split of the old and of the new version (and of
both split the other way round: the first split pays, whichever side it is), and for
diff_clauses (alignment) alone.

``--analyse`` also times, in CPU, the novelty index of each side (``novelty.canonical_words``,
its caches cleared likewise) and the whole ``analyse`` of the pair (i, 1) -> (i, 2) right after
the same process analysed (i, 0) -> (i, 1), so that its old text's split and index are in the
caches ("old text seen"), against right after another page's pair ("old text unseen"): what a
process that kept the analysis of a document's latest version would save on its next change.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_run  # noqa: E402

import tracker.analysis.clauses as clauses  # noqa: E402
import tracker.analysis.diff as diff  # noqa: E402
import tracker.analysis.novelty as novelty  # noqa: E402
from tracker.extract.convert import extract  # noqa: E402

SELECT = ["main"]
REMOVE = [".cookie-banner"]


def _clear() -> None:
    """Forget every split: a pair of texts seen for the first time."""
    diff._split.cache_clear()
    clauses._clear_caches()


def _text(i: int, revision: int) -> str:
    return extract(bench_run.make_page(i, revision).encode(), "text/html", select=SELECT, remove=REMOVE)


def _ms(fn: Callable[..., object], *args: object) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5, help="times each pair is timed")
    parser.add_argument("--analyse", action="store_true", help="also the novelty index and whole analyses")
    args = parser.parse_args()
    pairs = [(_text(i, 0), _text(i, 1)) for i in range(args.pairs)]
    total, old_split, new_split, align, new_first, old_second = [], [], [], [], [], []
    for _ in range(args.rounds):
        for old, new in pairs:
            _clear()
            total.append(_ms(diff.diff_texts, old, new))
            _clear()
            old_split.append(_ms(diff._split, old))
            new_split.append(_ms(diff._split, new))
            align.append(_ms(diff.diff_clauses, diff._split(old), diff._split(new)))
            _clear()
            new_first.append(_ms(diff._split, new))
            old_second.append(_ms(diff._split, old))
    kb = statistics.median(len(old) for old, _ in pairs) / 1024
    n = statistics.median(len(diff._split(old)) for old, _ in pairs)
    print(f"{args.pairs} pairs (median {kb:.0f} KB of text, {n:.0f} clauses), "
          f"median of {args.rounds} rounds:")
    print(f"  diff_texts per pair     {statistics.median(total):6.2f} ms")
    print(f"  split, old version      {statistics.median(old_split):6.2f} ms  (cold caches)")
    print(f"  split, new version      {statistics.median(new_split):6.2f} ms  (after the old one)")
    print(f"  split, new version first {statistics.median(new_first):5.2f} ms, then the old {statistics.median(old_second):.2f} ms")
    print(f"  diff_clauses            {statistics.median(align):6.2f} ms")
    if args.analyse:
        analyses(pairs, args)


def _cpu_ms(fn: Callable[..., object], *args: object) -> float:
    t0 = time.process_time()
    fn(*args)
    return (time.process_time() - t0) * 1000


def analyses(pairs: list[tuple[str, str]], args: argparse.Namespace) -> None:
    """The novelty index of each side, and whole analyses with the old text seen or not (CPU)."""
    from tracker.analysis.analyse import analyse

    old_words, new_words = [], []
    for _ in range(args.rounds):
        for old, new in pairs:
            novelty._piece_canonical.cache_clear()
            novelty._piece_words.cache_clear()
            old_words.append(_cpu_ms(novelty.canonical_words, old))
            new_words.append(_cpu_ms(novelty.canonical_words, new))
    print(f"  canonical_words, old    {statistics.median(old_words):6.2f} ms  (cold caches)")
    print(f"  canonical_words, new    {statistics.median(new_words):6.2f} ms  (after the old one)")
    later = [_text(i, 2) for i in range(len(pairs))]
    others = [(_text(i, 0), _text(i, 1)) for i in range(1000, 1000 + len(pairs))]
    analyse(*others[0])  # (the analysis's imports and models, out of the figures)
    seen, unseen = [], []
    for _ in range(args.rounds):
        for (old, new), newer in zip(pairs, later):
            analyse(old, new)
            seen.append(_cpu_ms(analyse, new, newer))
        for (new, newer), other in zip(zip((n for _, n in pairs), later), others):
            analyse(*other)
            unseen.append(_cpu_ms(analyse, new, newer))
    print(f"  analyse, old text seen   {statistics.median(seen):6.2f} ms CPU  (its previous pair analysed just before)")
    print(f"  analyse, old text unseen {statistics.median(unseen):6.2f} ms CPU  (another page's pair before)")


if __name__ == "__main__":
    main()

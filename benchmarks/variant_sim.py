"""How many versions does a page that draws one of two variants per request make? A model.

Simulates the run loop's rule for pages that blink (``tracker.run.decide``: a changed text is
fetched again at once; a second fetch giving the latest text back, or a known variant, records
nothing; a known variant is recorded once no fetch of ``VARIANT_RUNS`` runs in a row gives the
latest text) on a page serving variant A or B at random, 50/50, per request, one run a day. It
counts versions recorded after the first and requests per run, against the rule before (every
run whose text differs from the latest records a version). A model of the rule, not a run of
the tracker: ``tests/test_faults.py`` runs the real one on seeded pages.

    .venv/bin/python benchmarks/variant_sim.py [--seeds 1000] [--runs 30 365]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tracker.run.decide import VARIANT_RUNS  # noqa: E402


def simulate(seed: int, runs: int) -> tuple[int, int]:
    """(versions recorded after the first, requests made) over ``runs`` runs."""
    rng = random.Random(seed)

    def draw() -> str:
        return "A" if rng.random() < 0.5 else "B"

    latest, variants, absent, versions, requests = draw(), set(), 0, 0, 1
    for _ in range(runs - 1):
        first = draw()
        requests += 1
        if first == latest:
            absent = 0
            continue
        second = draw()
        requests += 1
        if first not in variants:  # a new text
            if second == first:  # the two fetches agree: a change
                latest, variants, versions = first, set(), versions + 1
            else:
                variants |= {first, second, latest}
                absent = 0 if second == latest else absent + 1
            continue
        if second == latest:
            absent = 0
        elif absent + 1 >= VARIANT_RUNS:  # the latest text missing long enough: recorded
            latest, absent, versions = first, 0, versions + 1
        else:
            absent += 1
    return versions, requests


def before(seed: int, runs: int) -> int:
    """Versions the rule before made: one per run whose text differs from the latest."""
    rng = random.Random(seed)
    seq = [rng.random() < 0.5 for _ in range(runs)]
    return sum(1 for a, b in zip(seq, seq[1:]) if a != b)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=1000)
    ap.add_argument("--runs", type=int, nargs="+", default=[30, 365])
    args = ap.parse_args(argv)
    for runs in args.runs:
        results = [simulate(seed, runs) for seed in range(args.seeds)]
        versions = [v for v, _ in results]
        print(f"{runs} runs: versions mean {statistics.mean(versions):.2f} (max {max(versions)}), "
              f"requests per run {statistics.mean(r for _, r in results) / runs:.2f}; before: versions mean "
              f"{statistics.mean(before(seed, runs) for seed in range(args.seeds)):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

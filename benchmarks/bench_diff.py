"""Hand-run benchmark of the clause diff on two ~100 KB fictional terms documents.

Run: .venv/bin/python benchmarks/bench_diff.py [--runs 7]

Why: the whole ``compare`` (diff + a later classification stage) must stay under 100 ms, so the
diff alone has to be well below that. Prints the median total and the split/align/word-diff shares.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from tracker.analysis.clauses import _clear_caches as clear_clause_caches, split_clauses
from tracker.analysis.analyse import analyse
from tracker.analysis.classify import clear_caches
from tracker.analysis.diff import _align, _split, diff_clauses, diff_texts, word_diff
from tracker.analysis.facts import _facts

SUBJECTS = ["Quillfeather", "the Customer", "each Member", "the Operator", "any Guest", "a Reseller"]
VERBS = ["may suspend", "shall retain", "will notify", "must not resell", "can export", "agrees to store"]
OBJECTS = ["lantern credits", "orbit snapshots", "meadow workspaces", "courier logs", "usage receipts",
           "sandbox tokens", "harbor archives", "relay invoices"]
TAILS = ["within 30 days", "after 12 months", "for 7 business days", "unless the law requires otherwise",
         "subject to Section 4.2", "as described at [the help page](https://quill.example/help)",
         "e.g. when an account is closed", "in the U.S. and the E.U."]
TOPICS = ["Accounts", "Credits and refunds", "Acceptable use", "Data retention", "Third-party relays",
          "Suspension", "Fees", "Warranties", "Liability", "Disputes", "Notices", "Export controls"]


def _sentence(rng: random.Random, n: int) -> str:
    """A fictional contractual sentence; ``n`` keeps every sentence distinct."""
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (ref. {n}) "
            f"{rng.choice(TAILS)}.")


def make_document(seed: int = 7, sections: int = 72) -> str:
    """~100 KB of Markdown: headings, paragraphs, long paragraphs, lists, a table per 4 sections."""
    rng = random.Random(seed)
    counter = iter(range(1, 10**6))
    out = ["# Quillfeather Services Agreement", "", "Quillfeather Ltd. offers fictional services.", ""]
    for s in range(1, sections + 1):
        out += [f"## {s}. {TOPICS[s % len(TOPICS)]} part {s}", ""]
        for p in range(1, 5):
            k = 5 if p == 4 else rng.randint(1, 2)  # the 4th paragraph splits into sentences
            out += [f"{s}.{p} " + " ".join(_sentence(rng, next(counter)) for _ in range(k)), ""]
        out += [f"- {_sentence(rng, next(counter))}" for _ in range(4)] + [""]
        out += [f"  - {_sentence(rng, next(counter))}" for _ in range(2)] + [""]
        if s % 4 == 0:
            out += ["| Plan | Monthly fee | Included credits |", "| --- | --- | --- |"]
            out += [f"| Plan {s}-{r} | ${r * 5} | {r * 100} |" for r in range(1, 5)] + [""]
    return "\n".join(out)


def modify(doc: str, count: int = 20, seed: int = 3) -> str:
    """Change one word in ``count`` distinct paragraphs (never in headings or tables)."""
    rng = random.Random(seed)
    lines = doc.split("\n")
    targets = [i for i, line in enumerate(lines) if line[:1].isdigit() and "within 30 days" in line]
    for i in rng.sample(targets, count):
        lines[i] = lines[i].replace("within 30 days", "within 14 days", 1)
    return "\n".join(lines)


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    old = make_document()
    new = modify(old)
    old_c, new_c = split_clauses(old), split_clauses(new)
    result = diff_texts(old, new)
    kinds = [c.kind for c in result.changes]
    pairs = [(c.before or "", c.after or "") for c in result.changes if c.ops]

    def cold(fn: Callable[[], object]) -> Callable[[], object]:
        """Clear every cache first: a compare of two new texts starts cold."""
        def run() -> object:
            _split.cache_clear()
            clear_clause_caches()
            clear_caches()
            _facts.cache_clear()
            return fn()
        return run

    total = _median_ms(cold(lambda: diff_texts(old, new)), args.runs)
    compare = _median_ms(cold(lambda: analyse(old, new)), args.runs)
    split = _median_ms(cold(lambda: (split_clauses(old), split_clauses(new))), args.runs)
    align = _median_ms(lambda: _align(old_c, new_c), args.runs)
    words = _median_ms(lambda: [word_diff(a, b) for a, b in pairs], args.runs)
    clause_diff = _median_ms(lambda: diff_clauses(old_c, new_c), args.runs)

    print(f"documents: {len(old) / 1024:.1f} KB / {len(new) / 1024:.1f} KB, "
          f"{len(old_c)} / {len(new_c)} clauses")
    print(f"changes: {len(kinds)} ({kinds.count('modified')} modified, {kinds.count('moved')} moved, "
          f"{kinds.count('added')} added, {kinds.count('removed')} removed)")
    print(f"median of {args.runs} runs:")
    print(f"  diff_texts total     {total:7.2f} ms")
    print(f"  split (both docs)    {split:7.2f} ms  ({split / total:5.1%})")
    print(f"  align                {align:7.2f} ms  ({align / total:5.1%})")
    print(f"  word diffs           {words:7.2f} ms  ({words / total:5.1%})")
    print(f"  diff_clauses (align + changes, no split) {clause_diff:7.2f} ms")
    print(f"  compare = diff + labels (analyse, cold caches) {compare:7.2f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()

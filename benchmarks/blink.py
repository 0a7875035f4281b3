"""How often does a page blink at the level of a clause? Replay Open Terms Archive bundles.

A "blinking" page flips between variants of one block (a promo, consent or app banner with two
wordings; two independent blocks whose combinations make whole texts never seen before). Exact
reverts (the whole text equal to an earlier one) are labelled already; this counts the versions
that are NOT exact reverts but where every clause that changed restores the state the document
had in one of its last N versions (a clause-level revert):

* every clause text the new version has and the previous one lacked was in one of the last N
  versions (before the previous one);
* every clause text the previous version had and the new one lacks was missing from one of
  those N versions (it had appeared within the window).

Clauses are the tracker's own (``tracker.analysis.diff`` splits one sentence per clause),
compared on ``tracker.analysis.clauses.clause_key`` after dates are masked
(``tracker.analysis.boilerplate.DATE``): markup, link targets, case and punctuation do not count.
For each window N the count of such versions is printed, with how many the tracker's analysis
(``analyse(old, new, kind="changed")``) calls material; a seeded sample of the N=10 ones is
written to a file for reading by hand.

    .venv/bin/python benchmarks/blink.py [--repo CLONE | --bundle PATH] [--windows 5,10,20,0]
        [--sample 20] [--seed 3] [--out /tmp/blink-sample.txt] [--every 1] [--no-analyse]
        [--variants-out FILE]

It also counts the versions ``Window.settle`` compares with an earlier variant of the page (a
near-restore of one, issue 11) and those it calls a return to one, with how many of the former
are material against the previous text and against the variant (``--variants-out`` lists them).

N=0 means the whole history. Data: ../shared/data/ota/{dating,contrib}-versions.bundle (override
the shared folder with TRACKER_SHARED); nothing from it is copied into the repository. Skips
cleanly when absent.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _shared import shared_data  # noqa: E402
from noise import document_commits, read_blobs  # noqa: E402

from tracker.analysis.analyse import analyse  # noqa: E402
from tracker.analysis.boilerplate import DATE  # noqa: E402
from tracker.analysis.clauses import clause_key, split_clauses  # noqa: E402
from tracker.analysis.restored import WINDOW_DAYS, WINDOW_VERSIONS, Window  # noqa: E402
from tracker.archive.record import framed  # noqa: E402


def clause_set(text: str) -> frozenset[str]:
    """The normalised clause texts of ``text`` (one sentence per clause, dates masked)."""
    out = set()
    for c in split_clauses(text, max_sentences=1):
        key = clause_key(DATE.sub(" ", c.text))
        if key:
            out.add(key)
    return frozenset(out)


def restores(new: frozenset[str], prev: frozenset[str], window: list[frozenset[str]]) -> bool:
    """True when every clause that differs between ``prev`` and ``new`` restores a state of one
    of the ``window`` versions (see the module doc); False when nothing differs."""
    added, removed = new - prev, prev - new
    if not added and not removed:
        return False
    if not window:
        return False
    union = frozenset().union(*window)
    if not added <= union:
        return False
    return all(any(x not in w for w in window) for x in removed)


def replay(repo: Path, windows: list[int], analyse_them: bool,
           every: int = 1) -> tuple[Counter, list[dict], list[dict]]:
    """Counters by window, the N=10 (or first window) candidates with their analyses, and the
    versions compared with an earlier variant; one document in ``every`` (in path order) when the
    whole history would take too long."""
    docs = document_commits(repo)
    docs = {p: cs for i, (p, cs) in enumerate(sorted(docs.items())) if i % every == 0}
    counts: Counter = Counter()
    found: list[dict] = []
    ruled: list[dict] = []
    variants: list[dict] = []  # versions compared with an earlier variant (``Window.settle``)
    main_window = 10 if 10 in windows else windows[0]
    for path, commits in sorted(docs.items()):
        blobs = read_blobs(repo, [f"{c}:{path}" for c, _ in commits])
        texts_seen: set[str] = set()
        history: list[frozenset[str]] = []  # clause sets of the versions so far
        window = Window()  # the tracker's rule (lines, count and time window)
        prev_text: str | None = None
        for commit, date in commits:
            text = blobs[f"{commit}:{path}"]
            if text is None or text == prev_text:
                continue
            sets = clause_set(text)
            settled = window.settle(commit, date, text, check=prev_text is not None and text not in texts_seen)
            rule = settled.restored
            if settled.restored and settled.base_at:
                counts["return to an earlier variant (partial revert naming it)"] += 1
            if not settled.restored and settled.base_text is not None:
                counts["near-restore of an earlier variant (compared with it)"] += 1
                rec = {"doc": path, "commit": commit, "date": date, "base": settled.base_at}
                if analyse_them:
                    plain = analyse(prev_text, text)  # type: ignore[arg-type]
                    against = framed(analyse(settled.base_text(), text), settled)
                    counts["near-restore of an earlier variant, material against the previous"] += plain.material
                    counts["near-restore of an earlier variant, material against the variant"] += against.material
                    rec.update(before=plain, after=against)
                variants.append(rec)
            if rule:
                counts[f"tracker rule (lines, {WINDOW_VERSIONS} versions, {WINDOW_DAYS} days)"] += 1
                if analyse_them:
                    a = analyse(prev_text, text, kind="changed")  # type: ignore[arg-type]
                    if a.material:
                        counts[f"tracker rule (lines, {WINDOW_VERSIONS} versions, {WINDOW_DAYS} days), material now"] += 1
                ruled.append({"doc": path, "commit": commit, "date": date, "added": [], "removed": []})
            if prev_text is not None:
                counts["versions"] += 1
                if text in texts_seen:
                    counts["exact reverts"] += 1
                else:
                    prev = history[-1]
                    hits = {}
                    for n in windows:
                        earlier = history[:-1] if n == 0 else history[-1 - n:-1]
                        hits[n] = restores(sets, prev, earlier)
                        if hits[n]:
                            counts[f"clause-level reverts N={n or 'all'}"] += 1
                    if hits[main_window]:
                        rec = {"doc": path, "commit": commit, "date": date,
                               "added": sorted(sets - prev), "removed": sorted(prev - sets)}
                        if analyse_them:
                            a = analyse(prev_text, text, kind="changed")
                            rec["analysis"] = a
                            if a.material:
                                counts[f"clause-level reverts N={main_window}, material now"] += 1
                        found.append(rec)
            texts_seen.add(text)
            history.append(sets)
            prev_text = text
        counts["documents"] += 1
    in_rule = {r["commit"] + r["doc"] for r in ruled}
    for r in found:
        r["rule"] = r["commit"] + r["doc"] in in_rule
    counts["clause-level N=10 also caught by the tracker rule"] = sum(r["rule"] for r in found)
    return counts, found, variants


def write_sample(found: list[dict], n: int, seed: int, out: Path) -> None:
    sample = random.Random(seed).sample(found, min(n, len(found)))
    lines = []
    for i, r in enumerate(sample, 1):
        a = r.get("analysis")
        flag = f" rule={r['rule']}" + ("" if a is None else f" material={a.material} summary={a.summary[:160]!r}")
        lines.append(f"### {i}. {r['doc']} @ {r['commit'][:10]} ({r['date'][:19]}){flag}")
        for side in ("added", "removed"):
            for t in r[side][:6]:
                lines.append(f"  {side}: {t[:300]}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def write_variants(variants: list[dict], out: Path) -> None:
    """Every version compared with an earlier variant: its summary against the previous text and
    against the variant (for reading by hand)."""
    lines = []
    for r in variants:
        lines.append(f"### {r['doc']} @ {r['commit'][:10]} ({r['date'][:19]}), variant of {r['base'][:19]}")
        for side in ("before", "after"):
            a = r.get(side)
            if a is not None:
                lines.append(f"  {side}: material={a.material} [{','.join(a.categories)}] {a.summary[:300]}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path, default=shared_data("ota/dating-versions.bundle"))
    ap.add_argument("--repo", type=Path, help="an existing clone of a versions bundle (skips cloning)")
    ap.add_argument("--windows", default="5,10,20,0")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "blink-sample.txt")
    ap.add_argument("--every", type=int, default=1, help="replay one document in EVERY (sorted by path)")
    ap.add_argument("--no-analyse", action="store_true", help="do not run the analysis on the candidates")
    ap.add_argument("--variants-out", type=Path, help="write every version compared with an earlier variant here")
    args = ap.parse_args(argv)
    windows = [int(w) for w in args.windows.split(",")]
    t0 = time.process_time()
    if args.repo:
        if not args.repo.exists():
            print(f"skipped: {args.repo} not found")
            return 0
        counts, found, variants = replay(args.repo, windows, not args.no_analyse, args.every)
        name = args.repo.name
    else:
        if not args.bundle.exists():
            print(f"skipped: {args.bundle} not found (set TRACKER_SHARED)")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp) / "repo"
            subprocess.run(["git", "clone", "-q", "-b", "main", str(args.bundle), str(repo)], check=True)
            counts, found, variants = replay(repo, windows, not args.no_analyse, args.every)
        name = args.bundle.name
    print(f"{name}: {counts['versions']} new versions in {counts['documents']} documents")
    for key, value in sorted(counts.items()):
        if key not in ("versions", "documents"):
            print(f"  {key:45} {value:6}  {value / max(1, counts['versions']) * 100:5.1f}%")
    docs = Counter(r["doc"] for r in found)
    print(f"  documents with one: {len(docs)}; top: " + ", ".join(f"{d} {n}" for d, n in docs.most_common(5)))
    write_sample(found, args.sample, args.seed, args.out)
    if args.variants_out:
        write_variants(variants, args.variants_out)
        print(f"wrote the versions compared with an earlier variant to {args.variants_out}")
    print(f"wrote a sample of {min(args.sample, len(found))} to {args.out}; CPU {time.process_time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

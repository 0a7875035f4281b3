"""How noisy is the material-changes feed on real history? Replay an Open Terms Archive bundle.

Each document of the bundle (``<Service>/<Document Type>.md``) is walked commit by commit, in
order, and every new text is run through ``tracker.analysis.analyse.analyse(old, new, kind=...)`` (kind
"revert" when the text equals any earlier text of that document, "partial-revert" when every
changed line restores one it had lately, see ``tracker.analysis.restored``). Reports how many versions
there are, how many are material, reverts, date-only, links-only and other cosmetic kinds, and
timings; writes a seeded random sample of material versions with their explanations to a file
for reading by hand.

    .venv/bin/python benchmarks/noise.py [--bundle PATH] [--sample 20] [--seed 7] \
        [--out /tmp/noise-sample.txt]

Data: ../shared/data/ota/dating-versions.bundle (override the shared folder with
TRACKER_SHARED); nothing from it is copied into the repository. Skips cleanly when absent.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from _shared import shared_data  # noqa: E402
from tracker.analysis.analyse import analyse  # noqa: E402
from tracker.analysis.restored import Window  # noqa: E402


def clone(bundle: Path, into: Path) -> Path:
    repo = into / "repo"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
    return repo


def document_commits(repo: Path) -> dict[str, list[tuple[str, str]]]:
    """path → [(commit, date)] in history order, from one `git log` pass."""
    out = subprocess.run(
        ["git", "-C", str(repo), "log", "--reverse", "--no-renames", "--format=@@%H %cI",
         "--name-only", "--", "*.md"], check=True, capture_output=True, text=True).stdout
    docs: dict[str, list[tuple[str, str]]] = {}
    commit = date = ""
    for line in out.splitlines():
        if line.startswith("@@"):
            commit, date = line[2:].split(" ", 1)
        elif line.strip() and line.count("/") == 1 and line.endswith(".md"):
            docs.setdefault(line, []).append((commit, date))
    return docs


def read_blobs(repo: Path, specs: list[str]) -> dict[str, str | None]:
    """`commit:path` → text (None when the file is absent there), via one `git cat-file --batch`."""
    proc = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"],
                          input="".join(f"{s}\n" for s in specs).encode(), check=True,
                          capture_output=True)
    data, pos, out = proc.stdout, 0, {}
    for spec in specs:
        end = data.index(b"\n", pos)
        header = data[pos:end].decode()
        pos = end + 1
        if header.endswith("missing"):
            out[spec] = None
            continue
        size = int(header.rsplit(" ", 1)[1])
        out[spec] = data[pos:pos + size].decode("utf-8", "replace")
        pos += size + 1
    return out


def replay(repo: Path) -> list[dict]:
    """One record per new text of a document (the first text of each is not counted)."""
    docs = document_commits(repo)
    specs = [f"{c}:{p}" for p, cs in docs.items() for c, _ in cs]
    blobs = read_blobs(repo, specs)
    records = []
    for path, commits in sorted(docs.items()):
        seen: list[str] = []
        prev: str | None = None
        window = Window()
        for commit, date in commits:
            text = blobs[f"{commit}:{path}"]
            if text is None or text == prev:
                continue  # deleted, or a commit that did not change this file
            if prev is None:
                prev, seen = text, [text]
                window.add(commit, date, text, check=False)
                continue
            kind = "revert" if text in seen else "changed"
            if window.add(commit, date, text, check=kind == "changed"):
                kind = "partial-revert"
            t0 = time.perf_counter()
            result = analyse(prev, text, kind=kind)
            elapsed = time.perf_counter() - t0
            records.append({"doc": path, "commit": commit, "date": date, "kind": kind,
                            "analysis": result, "seconds": elapsed,
                            "chars": len(prev) + len(text)})
            seen.append(text)
            prev = text
    return records


def version_class(rec: dict) -> str:
    """revert | partial-revert | material | date-only | links-only | <other cosmetic kind> | minor |
    no-clause."""
    a = rec["analysis"]
    if rec["kind"] in ("revert", "partial-revert"):
        return rec["kind"]
    if a.material:
        return "material"
    if not a.changes:
        return "no clause changed"
    if all(c.cosmetic for c in a.changes):
        kinds = sorted(set(a.cosmetic))
        return kinds[0] if len(kinds) == 1 else "cosmetic (mixed: " + ", ".join(kinds) + ")"
    return "minor (non-material wording)"


def write_sample(records: list[dict], n: int, seed: int, out: Path) -> list[dict]:
    material = [r for r in records if version_class(r) == "material"]
    sample = random.Random(seed).sample(material, min(n, len(material)))
    lines = []
    for i, r in enumerate(sample, 1):
        a = r["analysis"]
        lines.append(f"### {i}. {r['doc']} @ {r['commit'][:10]} ({r['date'][:10]}) "
                     f"severity {a.severity}")
        for c in a.changes:
            if not c.material:
                continue
            lines.append(f"- [{c.severity}; {', '.join(c.categories)}] {c.explanation}")
            for side in ("before", "after"):
                text = " ".join((getattr(c, side) or "").split())
                if text:
                    lines.append(f"    {side}: {text[:400]}{'…' if len(text) > 400 else ''}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    return sample


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path,
                    default=shared_data("ota/dating-versions.bundle"))
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "noise-sample.txt")
    args = ap.parse_args(argv)
    if not args.bundle.exists():
        print(f"skipped: {args.bundle} not found (set TRACKER_SHARED)")
        return 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        repo = clone(args.bundle, Path(tmp))
        records = replay(repo)
    total = time.perf_counter() - t0
    classes = Counter(version_class(r) for r in records)
    docs = len({r["doc"] for r in records})
    n = len(records)
    print(f"{args.bundle.name}: {n} changes (new versions) in {docs} documents")
    for name, count in classes.most_common():
        print(f"  {name:32} {count:5}  {count / n * 100:5.1f}%")
    severities = Counter(r["analysis"].severity for r in records if version_class(r) == "material")
    print("  material by severity: " + ", ".join(f"{k} {v}" for k, v in severities.most_common()))
    secs = [r["seconds"] for r in records]
    if secs:
        slow = max(records, key=lambda r: r["seconds"])
        print(f"timing: analyse total {sum(secs):.1f} s, median {statistics.median(secs) * 1000:.0f}"
              f" ms, p95 {sorted(secs)[int(0.95 * (len(secs) - 1))] * 1000:.0f} ms, max "
              f"{slow['seconds']:.2f} s ({slow['doc']}, {slow['chars'] // 1000} k chars); "
              f"whole run incl. clone {total:.1f} s")
    sample = write_sample(records, args.sample, args.seed, args.out)
    print(f"wrote {len(sample)} sampled material versions (seed {args.seed}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Which pair-only signals tell another variant of the same page from new terms? A cross-tab.

For every pair of the dev sets (never the blind ones: the label files are named one by one in
``DEV_SETS``), the tracker's analysis (``analyse(before, after)``, its material flag) and the clause
diff give candidate signals of "another variant of the page captured": both versions state the same
date (``scope.stated_dates``), whole runs of clauses removed or added, the share of clauses
changed, region words (``scope._REGIONAL``: EEA, UK, controller, legal bases...) in the material
changes and which way those go (removed or added), a link whose target differs only by a region code
(``..._en-GB_eu.pdf`` -> ``..._en-GB.pdf``). Each signal is crossed with the gold label and the
flag without ``scope.regional_variant``: how many of those false alarms it would clear (FPclr) and how many true material
pairs it would wrongly clear (TPlost); ``-v`` lists them. A signal is worth building only when it
clears clearly more than it loses over every dev set together (session 37: ``regional`` cleared 6
and lost 0, and is what ``scope.regional_variant`` decides).

    .venv/bin/python benchmarks/variant_signals.py [--shared ../shared] [--sets a,b,zzz] [-v]
        [--cache FILE]

``--cache FILE`` keeps each pair's facts as JSON lines (the analysis of ~3,000 pairs takes 20-40
minutes), read back on the next run. Data: as ``material_dev.py`` (``../shared``, ODC-BY 1.0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import material_dev as md  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The dev sets, by name: a glob could reach a blind set (p, q, z, zz, zzzz, 14 z, second_*, sample_*).
DEV_SETS = [*"abcdefghijklmno", *"rstuvwxy", "zzz", *("z" * n for n in range(5, 14))]
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_URL_TOKEN = re.compile(r"[a-z0-9]+")
_REGION_CODES = frozenset("eu eea uk gb us usa ie intl international global europe european row emea fr de ca au in "
                          "br jp kr ch".split())


def region_swaps(old: str, new: str) -> int:
    """Links of ``old`` gone from ``new`` whose target differs from a new link only by region codes."""
    gone, came = set(_URL.findall(old)) - set(_URL.findall(new)), set(_URL.findall(new)) - set(_URL.findall(old))
    if not gone or not came or len(gone) > 400 or len(came) > 400:
        return 0
    came_tokens = [_URL_TOKEN.findall(v.lower()) for v in came]
    n = 0
    for u in gone:
        ut = _URL_TOKEN.findall(u.lower())
        rest = [t for t in ut if t not in _REGION_CODES]
        n += any((d := set(ut) ^ set(vt)) and d <= _REGION_CODES and rest == [t for t in vt if t not in _REGION_CODES]
                 for vt in came_tokens)
    return n


def pair_facts(rec: dict, shared: Path, bundles: md.Bundles) -> dict[str, Any]:
    """The gold label, the tracker's flag and the signal inputs of one labelled pair."""
    from tracker.analysis.analyse import analyse
    from tracker.analysis.diff import _split, diff_texts
    from tracker.analysis.sameness import unwrap_pair
    from tracker.analysis.scope import _REGIONAL, stated_dates

    import tracker.analysis.scope as scope

    old, new = md.load_texts(rec, shared, bundles)
    # The flag as it would be without ``scope.regional_variant`` (which ``analyse`` looks up at each
    # call): what each signal is measured against, the one built included.
    built, scope.regional_variant = scope.regional_variant, lambda *_: None  # type: ignore[assignment]
    try:
        a = analyse(old, new)
    finally:
        scope.regional_variant = built  # type: ignore[assignment]
    joined = unwrap_pair(old, new)
    if joined[0] != joined[1]:
        old, new = joined
    diff = diff_texts(old, new)
    material = {(c.before, c.after) for c in a.changes if c.material}
    changes = []
    for c in diff.changes:
        if (c.before, c.after) in material:
            regional = bool(_REGIONAL.search(c.before or c.after or "") or _REGIONAL.search(c.heading or ""))
            changes.append({"kind": c.kind, "regional": regional})
    dates_old, dates_new = stated_dates(_split(old)), stated_dates(_split(new))
    return {"id": rec["id"], "gold": bool(rec["material"]), "pred": bool(a.material), "reason": rec.get("reason", ""),
            "same_date": bool(dates_old) and dates_old == dates_new, "material": changes,
            "changed": len(diff.changes), "clauses": max(diff.old_clauses, diff.new_clauses, 1),
            "removed_run": _longest_run([c.old_index for c in diff.changes if c.kind == "removed"]),
            "url_swaps": region_swaps(old, new)}


def _longest_run(indices: list[int | None]) -> int:
    best = run = 0
    last = None
    for i in sorted(i for i in indices if i is not None):
        run = run + 1 if last is not None and i == last + 1 else 1
        best, last = max(best, run), i
    return best


def _counts(f: dict[str, Any]) -> tuple[int, int, int, int]:
    """(material changes, of them removed, removed regional, added)."""
    m = f["material"]
    return (len(m), sum(c["kind"] == "removed" for c in m),
            sum(c["kind"] == "removed" and c["regional"] for c in m), sum(c["kind"] == "added" for c in m))


SIGNALS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "same date": lambda f: f["same_date"],
    "same date, a run of 5+ clauses removed": lambda f: f["same_date"] and f["removed_run"] >= 5,
    "same date, 15%+ of clauses changed": lambda f: f["same_date"] and f["changed"] >= 0.15 * f["clauses"],
    "same date, every material change removed (3+)":
        lambda f: f["same_date"] and _counts(f)[0] >= 3 and _counts(f)[1] == _counts(f)[0],
    "same date, 1+ regional material change":
        lambda f: f["same_date"] and any(c["regional"] for c in f["material"]),
    "same date, 3+ regional material clauses added, none removed":
        lambda f: f["same_date"] and sum(c["regional"] and c["kind"] == "added" for c in f["material"]) >= 3
        and _counts(f)[1] == 0,
    "same date, a link swapped by region code": lambda f: f["same_date"] and f["url_swaps"] > 0,
    "a link swapped by region code (any date)": lambda f: f["url_swaps"] > 0,
    "regional removals 2+, >= 2x material added (any date)":
        lambda f: _counts(f)[2] >= 2 and _counts(f)[2] >= 2 * _counts(f)[3],
    "regional (scope.regional_variant): same date, regional removals 2+, >= 2x material added":
        lambda f: f["same_date"] and _counts(f)[2] >= 2 and _counts(f)[2] >= 2 * _counts(f)[3],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default=",".join(DEV_SETS), help="dev sets by suffix, comma-separated (a, zzz, ...)")
    ap.add_argument("--cache", type=Path, help="JSON lines of pair facts, read and extended")
    ap.add_argument("-v", action="store_true", help="list the pairs each signal clears")
    args = ap.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"skipped: ../shared/data not found (looked in {args.shared / 'data'})")
        return 0
    wanted = [s for s in args.sets.split(",") if s]
    unknown = [s for s in wanted if s not in DEV_SETS]
    if unknown:
        ap.error(f"not a dev set: {', '.join(unknown)} (blind sets are never read)")
    cached: dict[str, dict] = {}
    if args.cache and args.cache.exists():
        cached = {r["id"]: r for r in map(json.loads, args.cache.read_text().splitlines()) if r}
    bundles = md.Bundles(args.shared)
    facts = []
    for name in wanted:
        for rec in md.load_labels("low", f"material_labels_{name}.jsonl"):
            if rec["id"] not in cached:
                cached[rec["id"]] = pair_facts(rec, args.shared, bundles)
                if args.cache:
                    with args.cache.open("a", encoding="utf-8") as fh:
                        fh.write(json.dumps(cached[rec["id"]], ensure_ascii=False) + "\n")
            facts.append(cached[rec["id"]])
    tp = sum(f["gold"] and f["pred"] for f in facts)
    fp = sum(f["pred"] and not f["gold"] for f in facts)
    print(f"{len(facts)} dev pairs; the tracker without regional_variant: {tp} true alarms, {fp} false alarms\n")
    print(f"{'signal':<88} {'fires':>5} {'FPclr':>5} {'TPlost':>6}")
    for name, signal in SIGNALS.items():
        fire = [f for f in facts if signal(f)]
        cleared = [f for f in fire if f["pred"] and not f["gold"]]
        lost = [f for f in fire if f["pred"] and f["gold"]]
        print(f"{name:<88} {len(fire):>5} {len(cleared):>5} {len(lost):>6}")
        if args.v:
            for f in cleared:
                print(f"    cleared  {f['id']}: {f['reason'][:100]}")
            for f in lost:
                print(f"    LOST     {f['id']}: {f['reason'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

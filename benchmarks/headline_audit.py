"""Sort the headlines of truly material, hand-labelled pairs into kinds, and count each kind.

For every pair of the given dev label files (``--labels``, one glob each, never a blind set) the
texts are analysed as ``material_dev.py`` does (``tracker.analysis.analyse.analyse``); each pair
labelled material and flagged material gets its headline (the version's ``summary``) sorted into
one kind, by automatic checks against the label's one-line ``reason``:

- ``double-negation``: a withdrawn negative promise said with two negations ("No longer promises
  not to collect ...", "No longer says ... not");
- ``fragment``: a quote with no meaning said outside it: a passage as it reads now ("Now reads
  “…”"), words put into a quote ("Adds “X” to: “…”"), or a quote of one side that starts inside a
  sentence at no subject ("New: …a wholly-owned subsidiary of ...", "No longer says: “…which is free”"), or
  table cells run together;
- ``wrong-lead``: neither the lead change's categories nor the headline's words meet the label's
  (the headline is about another change than the one the labeller named);
- ``weak``: on the labelled topic (a category or two content words shared) but sharing fewer than
  ``RIGHT_WORDS`` content words with the reason;
- ``right``: the rest.

These checks are a first filter: a reader decides. The material flag and the categories are
measured with ``material_dev.metrics`` at the same time, so a headline change that moved a flag
shows. ``--save FILE`` keeps the analysed rows (JSON lines) and ``--rows FILE`` re-sorts saved rows
without analysing again.

    .venv/bin/python benchmarks/headline_audit.py --labels 'material_labels_[a-o].jsonl' \\
        [--labels ...] [--save rows.jsonl | --rows rows.jsonl] [--show K] [--json]

Data: real version pairs from Open Terms Archive (ODC-BY 1.0), read in place from ../shared;
exits 0 with "skipped: ..." when it is absent. Labels are ours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from material_dev import Bundles, import_analyse, load_labels, load_texts, metrics  # noqa: E402

KINDS = ("right", "weak", "wrong-lead", "fragment", "double-negation")
RIGHT_WORDS = 3  # content words (by their first five letters) a right headline shares with the reason

_DOUBLE = re.compile(r"^(?:In [^:]{1,60}: )?(?:[^:]{0,60}: )?No longer (?:promises|says|commits)\b[^“”«]{0,12}?"
                     r"\b(?:not|never)\b|^(?:In [^:]{1,60}: )?No longer promises that [^.]{0,60}\b(?:not|never)\b", re.I)
_LABEL = re.compile(r"^(?:In [^:]{1,60}: )?(?P<label>Now reads|Now says|Now also says|No longer says|Adds|Drops|New|"
                    r"Removed|Rewritten|Reworded|New row|Removed row)\b[^“:]{0,40}?:?\s*(?P<body>.*)$")
# a quote that starts inside a sentence, not at its subject ("…a wholly-owned subsidiary of", "…then the"):
# "…you must comply with ..." or "…Zoom will not use ..." still reads as a statement
_MID_SENTENCE = re.compile(r"^…\s*(?!(?:you|we|they|it|users?|members?|customers?|sellers?|buyers?|the company)\b)"
                           r"(?:[a-zà-ÿ(]|\d)")
_CELLS = re.compile(r"\w+; \w+ (?:added to|removed from) “")
_STOP = frozenset("""that this with from have has been will would shall their there they them which what when where
    about into also other others more than only such your you our ours these those some each under over after before
    more material change changes clause clauses terms term service services user users adds added removed new now
    says reads longer instead data""".split())


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-zà-ÿ]{4,}", text.lower()) if w not in _STOP}


def kind_of(row: dict) -> str:
    """The kind of one row's headline (``KINDS``); ``row`` holds ``summary``, ``reason``,
    ``gold_categories`` and ``lead`` (the headline's change: its ``categories``), as saved."""
    head = re.sub(r"(?: \(\+\d+ more\)|, and \d+ more material changes?)$", "", row["summary"])
    if _DOUBLE.search(head):
        return "double-negation"
    m = _LABEL.match(head)
    if m and (m.group("label") == "Now reads" or m.group("label") in ("Adds", "Drops") and " to: “" in head
              or _MID_SENTENCE.match(m.group("body").lstrip("“«: ")) and m.group("label") != "Now says"
              or m.group("label") == "Now says" and head.count("“") == 1 and m.group("body").startswith("“…")) \
            or _CELLS.search(head):
        return "fragment"
    shared = _stems(head) & _stems(row["reason"])
    lead_cats = set((row.get("lead") or {}).get("categories") or [])
    on_topic = bool(lead_cats & set(row["gold_categories"])) or len(shared) >= 2
    if not on_topic:
        return "wrong-lead"
    return "right" if len(shared) >= RIGHT_WORDS else "weak"


def analyse_rows(globs: list[str], shared: Path) -> list[dict]:
    """Every pair of the label files ``globs`` analysed: the ``material_dev`` row fields plus
    ``set``, ``summary`` and ``lead`` (the headline's change: kind, categories, explanation)."""
    from tracker.analysis.headline import rank_changes

    analyse, bundles, rows = import_analyse(), Bundles(shared), []
    for glob in globs:
        for rec in load_labels("low", glob):
            row = {"id": rec["id"], "set": glob, "split": rec["split"], "language": rec.get("language", "en"),
                   "gold_material": bool(rec["material"]), "gold_categories": sorted(rec.get("categories", [])),
                   "reason": rec.get("reason", ""), "pred_material": False, "pred_categories": [], "summary": "",
                   "lead": None}
            try:
                before, after = load_texts(rec, shared, bundles)
                a = analyse(before, after)
                lead = next((c for c in rank_changes(a.changes, a.categories) if c.material), None)
                row.update(pred_material=bool(a.material), pred_categories=sorted(set(a.categories)),
                           summary=a.summary or "",
                           lead=lead and {"kind": lead.kind, "categories": list(lead.categories),
                                          "explanation": lead.explanation})
            except Exception as exc:  # noqa: BLE001 - counted as not material and listed, as material_dev does
                row["error"] = f"{type(exc).__name__}: {exc}"
            rows.append(row)
    return rows


def report(rows: list[dict]) -> dict:
    """Per label file and in all: material and category tp/fp/fn (``material_dev.metrics``) and the
    count of each headline kind over the pairs both labelled and flagged material."""
    by_set: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_set[r["set"]].append(r)
    out: dict = {"sets": {}, "kinds": {}}
    for name, part in [*by_set.items(), ("all", rows)]:
        m = metrics(part)
        kinds = Counter(kind_of(r) for r in part if r["gold_material"] and r["pred_material"])
        out["sets"][name] = {"material": {k: m["material"][k] for k in ("tp", "fp", "fn")},
                             "categories": {k: m["categories"][k] for k in ("tp", "fp", "fn")},
                             "kinds": {k: kinds.get(k, 0) for k in KINDS}}
    out["kinds"] = out["sets"]["all"]["kinds"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", action="append", default=[], metavar="GLOB",
                    help="a dev label file pattern in benchmarks/data (repeatable)")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--save", type=Path, help="write the analysed rows here (JSON lines)")
    ap.add_argument("--rows", type=Path, help="read saved rows instead of analysing")
    ap.add_argument("--show", type=int, default=0, metavar="K", help="print K headlines of each kind")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    if args.rows:
        rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        if not (args.shared / "data").is_dir():
            print(f"skipped: ../shared/data not found (looked in {args.shared / 'data'})")
            return 0
        if not args.labels:
            ap.error("give at least one --labels GLOB (dev sets only)")
        rows = analyse_rows(args.labels, args.shared)
    if args.save:
        args.save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    rep = report(rows)
    if args.json:
        print(json.dumps(rep, indent=2))
        return 0
    print(f"{'set':<40} {'material tp/fp/fn':>18} {'categories tp/fp/fn':>20}  " + " ".join(f"{k:>8}" for k in KINDS))
    for name, s in rep["sets"].items():
        mm, cm = s["material"], s["categories"]
        print(f"{name:<40} {mm['tp']:>8}/{mm['fp']}/{mm['fn']:<5} {cm['tp']:>9}/{cm['fp']}/{cm['fn']:<5}  "
              + " ".join(f"{s['kinds'][k]:>8}" for k in KINDS))
    if args.show:
        shown: Counter[str] = Counter()
        for r in rows:
            if r["gold_material"] and r["pred_material"] and shown[k := kind_of(r)] < args.show:
                shown[k] += 1
                print(f"\n[{k}] {r['id']}\n  reason:   {r['reason'][:200]}\n  headline: {r['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quality of the summary's standard facts (``tracker summary``'s "Standard facts") on real terms.

Labels: benchmarks/data/summary_facts.jsonl, 90 latest versions of real documents from
../shared/data/ota/contrib-versions.bundle (Terms of Service, privacy policies, commercial terms;
dev = documents 1-30, test = 31-60, heldout = 61-90, drawn by scripts/sample_summary_facts.py and
labelled blind after the summary was tuned on the first 60), each fact labelled by reading the
text before any summary was run. A label holds a file reference (bundle, commit, path), never the text, and for each
fact kind its true value, "absent" when the text does not say, or a list of acceptable values:

  governing-law   the law's place ("California"; a list when several apply)
  venue           "arb" / "arb:Place|Place" (binding arbitration) or "courts:Place|Place"
  class-action    "yes" (class or representative actions waived) or "absent"
  age             the minimum age ("13")
  terms-notice    "30 days", "notice" (notice promised, no period) or "none" (none promised)
  removal-notice  the same, for a service, feature or model taken away
  credits         "non-refundable", "may expire", "expire 12 months" (";" joins two)
  ai-training     "yes", "yes-optout" or "no" (the provider trains on the user's data?)
  retention       a period of keeping data ("90 days")
  liability-cap   "USD 100", "amount-paid" (a cap of what was paid) or "excluded" (no cap,
                  indirect damages excluded)

For each fact kind the script prints correct / wrong / missed / invented (a value where the label
says absent) and agreed-absent, then every disagreement (unless --quiet). A wrong value is worse
than none: the summary should leave out a fact it is unsure of.

Run from the project root:
  PYTHONPATH=$PWD .venv/bin/python benchmarks/summary_facts.py [--split dev|test|heldout|all] [--quiet]
Exit 0; skips cleanly when ../shared (or the bundle) is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "summary_facts.jsonl"
# summary FACTS id -> label key
KINDS = {"governing-law": "governing-law", "arbitration": "venue", "class-action": "class-action", "age": "age",
         "terms-notice": "terms-notice", "removal-notice": "removal-notice", "credits": "credits",
         "ai-training": "ai-training", "retention": "retention", "liability-cap": "liability-cap"}
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                       "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
                 "ninety": 90, "a": 1, "an": 1})


def texts(rows: list[dict[str, Any]]) -> dict[int, str]:
    """The normalized text of each labelled document, read from a bare clone of its bundle (made
    once in the temp folder and kept)."""
    from tracker.ota.history import normalize

    out: dict[int, str] = {}
    clones: dict[str, Path] = {}
    for row in rows:
        bundle = require(row["bundle"].removeprefix("data/"))
        if row["bundle"] not in clones:
            clone = Path(tempfile.gettempdir()) / f"tracker-summary-facts-{bundle.stem}.git"
            if not (clone / "HEAD").exists():
                subprocess.run(["git", "clone", "-q", "--bare", str(bundle), str(clone)], check=True)
            clones[row["bundle"]] = clone
        raw = subprocess.run(["git", "-C", str(clones[row["bundle"]]), "show", f"{row['commit']}:{row['path']}"],
                             check=True, capture_output=True).stdout
        out[row["n"]] = normalize(raw, "markdown")
    return out


# --- reading a summary value in the labels' vocabulary -----------------------------------------

# a place spelled in the document's language is the same place
_EXONYMS = {"californie": "california", "kalifornien": "california", "allemagne": "germany", "deutschland": "germany",
            "irlande": "ireland", "irland": "ireland", "suisse": "switzerland", "schweiz": "switzerland",
            "londres": "london", "royaume-uni": "united kingdom", "états-unis": "united states", "genève": "geneva"}


def _norm_place(p: str) -> str:
    p = re.sub(r"^(?:the\s+)?(?:state|commonwealth|republic|canton|county|city)\s+of\s+", "", p.strip(), flags=re.I)
    p = re.sub(r"\b(?:u\.?s\.?a?\.?|usa)$", "", p, flags=re.I).strip(" ,.")
    p = p.casefold().replace("&", "and")
    return _EXONYMS.get(p, p)


def _place_match(a: str, b: str) -> bool:
    """The same place once "State of", "U.S.A." and case are set aside ("New York County" is not
    "New York": a county names a court, a state its law)."""
    return _norm_place(a) == _norm_place(b)


def _duration(text: str) -> str | None:
    """'thirty (30) days' / 'at least 30 days' / '30 days’' -> '30 day'; None if no period."""
    t = text.casefold()
    for word, unit in (("jours", "day"), ("jour", "day"), ("tagen", "day"), ("tage", "day"), ("mois", "month"),
                       ("monaten", "month"), ("monate", "month"), ("semaines", "week"), ("wochen", "week"),
                       ("années", "year"), ("ans", "year"), ("jahren", "year"), ("jahre", "year")):
        t = re.sub(rf"\b{word}\b", unit, t)
    m = re.search(r"\((\d+)\)\s*(?:calendar\s+|business\s+|working\s+)?(day|week|month|year)", t) or \
        re.search(r"(\d+)\s*[- ]?(?:calendar\s+|business\s+|working\s+)?(day|week|month|year)", t)
    if m:
        return f"{int(m.group(1))} {m.group(2)}"
    m = re.search(r"\b([a-z]+(?:-[a-z]+)?)[- ](?:calendar\s+|business\s+)?(day|week|month|year)", t)
    if m and m.group(1) in _NUMBERS:
        return f"{_NUMBERS[m.group(1)]} {m.group(2)}"
    return None


def _notice(value: str) -> str:
    if value.startswith("None promised"):
        return "none"
    if value.startswith("Notice, no period"):
        return "notice"
    return _duration(value) or value


def _money(text: str) -> str | None:
    from tracker.analysis.facts import extract_facts

    money = [f for f in extract_facts(text) if f.kind == "money"]
    if not money:
        return None
    cur, amount = money[0].value.split(" ")
    return f"{cur} {float(amount):g}"


def _places(text: str) -> list[str]:
    return [p for p in (q.strip() for q in re.split(r",|\band\b(?! Wales)", text)) if _norm_place(p)]


def matches(kind: str, label: str, value: str, row: dict[str, Any]) -> bool:
    """Whether the summary's ``value`` says what one acceptable ``label`` value says."""
    if kind == "governing-law":  # the first place named is a law's place, any other a law's or a venue's
        laws = row["facts"]["governing-law"]
        laws = [x for x in (laws if isinstance(laws, list) else [laws]) if x != "absent"]
        venue = row["facts"].get("venue")
        venue_places = [p for v in (venue if isinstance(venue, list) else [venue]) if isinstance(v, str) and ":" in v
                        for p in v.split(":", 1)[1].split("|")]
        places = [p.strip() for p in value.split(",") if _norm_place(p)]
        return bool(places) and _place_match(places[0], label) and all(
            any(_place_match(p, q) for q in laws + venue_places) for p in places)
    if kind == "venue":
        arb = value.startswith("Binding arbitration")
        if arb != label.startswith("arb"):
            return False
        where = value.split(",", 1)[1] if arb and "," in value else value.removeprefix("Courts of ") if not arb else ""
        got = _places(where)
        want = label.split(":", 1)[1].split("|") if ":" in label else []
        return all(any(_place_match(g, w) for w in want) for g in got)
    if kind == "class-action":
        return (label == "yes") == value.startswith("Yes")
    if kind == "age":
        return value.strip() == label
    if kind in ("terms-notice", "removal-notice"):
        got = _notice(value)
        return got == label or got == _duration(label)
    if kind == "credits":
        got = set()
        for part in value.casefold().split(";"):
            part = part.strip()
            if "refund" in part:
                got.add("non-refundable")
            elif "expire" in part:
                got.add("expire " + (_duration(part) or "?"))
        want = set()
        for part in label.split(";"):
            part = part.strip()
            want.add("non-refundable" if "refund" in part else "expire " + (_duration(part) or "?"))
        return got == want
    if kind == "ai-training":
        got = "no" if value.startswith("No") else "yes-optout" if "opt-out available" in value else "yes"
        return got == label
    if kind == "retention":
        return _duration(value) is not None and _duration(value) == _duration(label)
    if kind == "liability-cap":
        if value.startswith("No cap stated"):
            return label == "excluded"
        if label in ("excluded", "amount-paid"):
            return label == "amount-paid" and bool(re.search(r"\bpaid\b", value, re.I))
        return _money(value) == _money(label.replace("USD ", "$").replace("EUR ", "€"))
    raise ValueError(kind)


def judge(kind: str, label: Any, value: str | None, row: dict[str, Any]) -> str:
    """'correct', 'wrong', 'missed', 'invented' or 'absent' (both say nothing)."""
    options = label if isinstance(label, list) else [label]
    present = [o for o in options if o != "absent"]
    if value is None or (kind == "class-action" and value.startswith("No")):
        return "absent" if "absent" in options else "missed"
    if not present:
        return "invented"
    return "correct" if any(matches(kind, o, value, row) for o in present) else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "heldout", "all"), default="dev")
    parser.add_argument("--quiet", action="store_true", help="figures only, no disagreements")
    args = parser.parse_args()
    rows = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    if not os.environ.get("PYTHONPATH"):  # a PYTHONPATH names the code to measure (another checkout's, say)
        sys.path.insert(0, str(ROOT))
    import tracker
    from tracker.analysis.summary import summarise

    docs = texts(rows)
    counts: dict[str, Counter[str]] = {k: Counter() for k in KINDS.values()}
    disagreements: list[str] = []
    for row in rows:
        facts = summarise(docs[row["n"]]).facts
        for fid, kind in KINDS.items():
            cell = facts.get(fid)
            verdict = judge(kind, row["facts"][kind], cell.value if cell else None, row)
            counts[kind][verdict] += 1
            if verdict in ("wrong", "missed", "invented"):
                said = f"{cell.value!r} from “{cell.text[:220]}”" if cell else "nothing"
                disagreements.append(f"  {row['n']:>2} {row['path']} [{kind}] {verdict}: label {row['facts'][kind]!r}; "
                                     f"summary {said}")
    print(f"summary facts, split {args.split}: {len(rows)} documents (tracker from {Path(tracker.__file__).parent})")
    print(f"{'kind':<16}{'correct':>8}{'wrong':>7}{'missed':>8}{'invented':>10}{'absent':>8}")
    total: Counter[str] = Counter()
    for kind, c in counts.items():
        total.update(c)
        print(f"{kind:<16}{c['correct']:>8}{c['wrong']:>7}{c['missed']:>8}{c['invented']:>10}{c['absent']:>8}")
    print(f"{'all':<16}{total['correct']:>8}{total['wrong']:>7}{total['missed']:>8}{total['invented']:>10}"
          f"{total['absent']:>8}")
    stated = total["correct"] + total["wrong"] + total["invented"]
    present = total["correct"] + total["wrong"] + total["missed"]
    print(f"stated values right: {total['correct']}/{stated} ({total['correct'] / max(stated, 1):.2f}); "
          f"labelled facts found right: {total['correct']}/{present} ({total['correct'] / max(present, 1):.2f})")
    if not args.quiet and disagreements:
        print("\ndisagreements:")
        print("\n".join(disagreements))


if __name__ == "__main__":
    main()

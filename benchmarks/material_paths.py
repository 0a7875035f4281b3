"""Which decision path makes each labelled version pair material, and how often it is right.

For every hand-labelled pair read by ``benchmarks/material_dev.py`` (same ``--labels`` glob,
same ``--shared`` folder), the tracker's analysis is run once while the rules' clause labels
(``materiality.label_document``) and the learned decision's verdict (``decision.decide``:
keep, veto, promote) are recorded. Each material change is given a *path*: the rule that made
it material, read from its label (a changed fact, a watch-out added or removed, the contracting
party, else the kind of change and the head of its explanation: "New:", "Removed", "Now says
... instead of", "Now also covers", "Adds ... to", "Rewritten" ...). Then, per path, per number
of material changes, per kind of clause (list item, table row, heading-like, short) and per
document type, the table counts the pairs the tracker calls material, how many of them are gold
material (precision), and the pairs that path ALONE made material (every material change of
the pair on that path) with their precision.

    .venv/bin/python benchmarks/material_paths.py --labels 'material_labels_[xy].jsonl' [--shared PATH]
        [--dump FILE.jsonl] [--load FILE.jsonl ...] [--check]

``--dump`` keeps the per-pair records (for offline checks of a discriminator), ``--load`` reads
such files instead of running the analysis; ``--check`` counts what each candidate discriminator
(``candidates``) would remove, per group of label sets. Only a measurement: nothing here changes what the
tracker decides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import material_dev  # noqa: E402  (the loaders of the labelled pairs)

_WORD = re.compile(r"\w+")
_ROW = re.compile(r"^\s*\|")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\(?[a-z]\))\s+", re.I)
# (explanation head, path name), first match wins; after the fact, watch-out and party paths
_HEADS = [
    (r"^New watch-out", "watch-out added"), (r"^Removed watch-out", "watch-out removed"),
    (r"^The contracting party", "party"), (r"^The limit is now", "limit"),
    (r"^An essential or functional cookie", "cookie"),
    (r"^Restates what", "restates"), (r"^Removed here, still said", "said elsewhere"),
    (r"^New row", "new row"), (r"^Removed row", "removed row"),
    (r"^New\b", "new clause"), (r"^Removed\b", "removed clause"),
    (r"^Now also says", "now also says"), (r"^No longer says", "no longer says"),
    (r"^Now also covers", "scope widened"), (r"^No longer covers", "scope narrowed"),
    (r"^Adds ", "adds to"), (r"^Drops ", "drops from"), (r"^Rewritten", "rewritten"),
    (r"^Now reads", "now reads"), (r"^Changes a link", "link"),
    (r"^Now says .*\(no longer says", "negation flip"), (r"^Now says", "now says"),
]


def path_of(change: dict[str, Any]) -> str:
    """The path (rule) that made one material change material, from its recorded label."""
    if change["facts"]:
        return "facts changed"
    expl = change["expl"]
    for pattern, name in _HEADS:
        if re.search(pattern, expl):
            return name
    if change["watch"]:
        return "watch-out"
    return f"other ({change['kind']})"


def clause_kind(text: str) -> str:
    """"row", "item", "heading", "short" or "sentence": the kind of clause a change is in."""
    from tracker.analysis.classify import heading_like

    if _ROW.match(text):
        return "row"
    if _ITEM.match(text):
        return "item"
    if heading_like(text):
        return "heading"
    return "short" if len(_WORD.findall(text)) <= 8 else "sentence"


def record_pair(rec: dict, shared: Path, bundles: Any) -> dict[str, Any]:
    """Analyse one labelled pair and keep what the rules and the learned decision said."""
    from tracker.analysis import decision, materiality
    from tracker.analysis.analyse import analyse

    seen: dict[str, Any] = {}
    real_label, real_decide = materiality.label_document, decision.decide

    def label_document(changes, old, new):  # type: ignore[no-untyped-def]
        labels = real_label(changes, old, new)
        seen["changes"], seen["labels"] = list(changes), labels
        return labels

    def decide(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real_decide(*args, **kwargs)
        seen["verdict"] = out[0]
        diffs, labels, new, unchanged, old = args[:5]
        record = decision.pair_record(diffs, labels, new, unchanged, old)
        model = decision.load_model()
        seen["features"] = decision.record_features(record)
        seen["hard"] = decision._hard_evidence(labels)
        if model is not None:
            hashed = decision.hashed_tokens(record, int(model["hash_dim"])) if model.get("hash_coef") else None
            seen["p"] = decision.probability(seen["features"], model, hashed)
        return out

    materiality.label_document, decision.decide = label_document, decide
    try:
        before, after = material_dev.load_texts(rec, shared, bundles)
        a = analyse(before, after)
    finally:
        materiality.label_document, decision.decide = real_label, real_decide
    changes = []
    for c, lab in zip(seen.get("changes", []), seen.get("labels", [])):
        if lab.cosmetic is not None:
            continue
        text = c.after if c.after is not None else c.before or ""
        changes.append({
            "kind": c.kind, "material": bool(lab.material), "severity": lab.severity,
            "expl": lab.explanation, "cats": list(lab.categories),
            "watch": len(lab.watch_added) + len(lab.watch_removed),
            "facts": len(decision._changed_facts(lab)),
            "clause": clause_kind(text), "before": (c.before or "")[:1500], "after": (c.after or "")[:1500],
            "heading": c.heading or "",
        })
    return {"id": rec["id"], "file": rec["_file"], "document": rec.get("document", ""),
            "language": rec.get("language", "en"), "gold": bool(rec["material"]), "pred": bool(a.material),
            "verdict": seen.get("verdict", "exit"), "p": seen.get("p"), "hard": seen.get("hard"),
            "features": seen.get("features"), "doc_words": len(after.split()), "changes": changes,
            "summary": (a.summary or "")[:300]}


def _doc_type(name: str) -> str:
    n = name.lower()
    for key in ("privacy", "cookie", "terms", "community", "acceptable", "commercial", "trackers", "data"):
        if key in n:
            return key
    return "other"


def tabulate(pairs: list[dict[str, Any]]) -> str:
    """The per-path, per-count, per-clause-kind and per-document-type tables of ``pairs``."""
    def material_changes(p: dict[str, Any]) -> list[dict[str, Any]]:
        return [c for c in p["changes"] if c["material"]]

    out = []
    flagged = [p for p in pairs if p["pred"]]
    tp = sum(p["gold"] for p in flagged)
    out.append(f"{len(pairs)} pairs; tracker material {len(flagged)} (tp {tp}, fp {len(flagged) - tp}); "
               f"promoted {sum(p['verdict'] == 'promote' and p['pred'] for p in pairs)}, "
               f"vetoed {sum(p['verdict'] == 'veto' for p in pairs)} "
               f"(of them gold material {sum(p['verdict'] == 'veto' and p['gold'] for p in pairs)})")

    def block(title: str, key_of: Any) -> None:
        any_ = defaultdict(lambda: [0, 0])  # pairs with the key among their material changes
        alone = defaultdict(lambda: [0, 0])  # pairs whose material changes all have the key
        for p in flagged:
            keys = [key_of(p, c) for c in material_changes(p)] or [key_of(p, None)]
            for k in set(keys):
                any_[k][0] += 1
                any_[k][1] += p["gold"]
            if len(set(keys)) == 1:
                alone[keys[0]][0] += 1
                alone[keys[0]][1] += p["gold"]
        head = f"{title:<22} {'any':>4} {'tp':>4} {'fp':>4} {'P':>5} | {'alone':>5} {'tp':>4} {'fp':>4} {'P':>5}"
        out.append("\n" + head)
        out.append("-" * len(head))
        for k in sorted(any_, key=lambda k: -(any_[k][0] - any_[k][1])):
            n, g = any_[k]
            an, ag = alone.get(k, [0, 0])
            out.append(f"{str(k)[:22]:<22} {n:>4} {g:>4} {n - g:>4} {g / n:>5.2f} | {an:>5} {ag:>4} {an - ag:>4} "
                       f"{(ag / an if an else 0):>5.2f}")

    block("path", lambda p, c: "promoted" if p["verdict"] == "promote" and c is not None and not c["material"]
          else path_of(c) if c else "promoted")
    block("kind of change", lambda p, c: c["kind"] if c else "?")
    block("kind of clause", lambda p, c: c["clause"] if c else "?")
    block("severity", lambda p, c: c["severity"] if c else "?")

    def count_key(p: dict[str, Any], c: Any) -> str:
        n = len(material_changes(p))
        return str(n) if n < 5 else "5-9" if n < 10 else "10+"
    block("material changes", count_key)
    block("document type", lambda p, c: _doc_type(p["document"]))
    block("label set", lambda p, c: p["file"].replace("material_labels_", "").replace(".jsonl", ""))
    return "\n".join(out)


_GROUPS = (("a-o", "abcdefghijklmno"), ("r-w", "rstuvw"), ("x-y", "xy"))


def _group(p: dict[str, Any]) -> str:
    letter = p["file"].replace("material_labels_", "")[:1]
    return next((name for name, letters in _GROUPS if letter in letters), "other")


def _changed_words(c: dict[str, Any]) -> list[str]:
    """The words (as written) a change put in or took out: the whole clause when added or removed."""
    if c["kind"] in ("added", "removed"):
        return _WORD.findall(c["after"] if c["kind"] == "added" else c["before"])
    import difflib

    b, a = _WORD.findall(_LINKED.sub(" ", c["before"])), _WORD.findall(_LINKED.sub(" ", c["after"]))
    sm = difflib.SequenceMatcher(None, [w.lower() for w in b], [w.lower() for w in a], autojunk=False)
    return [w for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal" for w in b[i1:i2] + a[j1:j2]]


_LINKED = re.compile(r"\[([^\]]*)\]\([^)]*\)|https?://\S+")


def _names_only(c: dict[str, Any]) -> bool:
    from tracker.analysis.boilerplate import is_content_word

    content = [w for w in _changed_words(c) if is_content_word(w.lower())]
    return all(w[:1].isupper() or w[:1].isdigit() for w in content)


def candidates() -> list[tuple[str, Any]]:
    """Discriminators tried on the flagged pairs (demote the pair when true), by name."""
    def mat(p: dict[str, Any]) -> list[dict[str, Any]]:
        return [c for c in p["changes"] if c["material"]]

    def only(paths: set[str]) -> Any:
        return lambda p: len(mat(p)) == 1 and path_of(mat(p)[0]) in paths and not p["hard"]

    def scattered(p: dict[str, Any]) -> bool:  # "Now reads" / "Drops … from" / "Changes a link", facts or not
        m = mat(p)
        return len(m) == 1 and not m[0]["watch"] and m[0]["severity"] != "critical" and \
            re.match(r"Now reads|Drops |Changes a link", m[0]["expl"]) is not None

    out: list[tuple[str, Any]] = [("single material change, scattered words", scattered)]
    for path in ("removed clause", "now says", "scope widened", "scope narrowed", "now also says",
                 "no longer says", "facts changed", "new clause"):
        out.append((f"single, {path}, not hard", only({path})))
    for t in (0.6, 0.7, 0.8):
        out.append((f"single, p < {t}, not hard",
                    lambda p, t=t: len(mat(p)) == 1 and not p["hard"] and p["p"] is not None and p["p"] < t))
    for n in (6, 9):
        out.append((f"single removed clause <= {n} words",
                    lambda p, n=n: len(mat(p)) == 1 and not p["hard"] and mat(p)[0]["kind"] == "removed"
                    and len(_WORD.findall(mat(p)[0]["before"])) <= n))
    for kind in ("row", "item", "short"):
        out.append((f"single, in a {kind}", lambda p, kind=kind: len(mat(p)) == 1 and not p["hard"]
                    and mat(p)[0]["clause"] == kind))
    out.append(("<= 2 material, names/links only, not hard",
                lambda p: 0 < len(mat(p)) <= 2 and not p["hard"] and all(_names_only(c) for c in mat(p))))
    out.append(("single, categories 'other' only",
                lambda p: len(mat(p)) == 1 and set(mat(p)[0]["cats"]) <= {"other"}))
    return out


def check(pairs: list[dict[str, Any]]) -> str:
    """Per candidate discriminator, the false alarms and true positives it would remove in each
    group of label sets (a-o, r-w, x-y): kept only when it removes more false alarms than true
    positives in every group."""
    flagged = [p for p in pairs if p["pred"]]
    lines = [f"{'candidate (demote the pair when true)':<44} " + " | ".join(f"{g:>11}" for g, _ in _GROUPS)
             + " | passes"]
    for name, cond in candidates():
        cells, ok = [], True
        for g, _ in _GROUPS:
            hit = [p for p in flagged if _group(p) == g and cond(p)]
            fp, tp = sum(not p["gold"] for p in hit), sum(p["gold"] for p in hit)
            ok = ok and fp > tp
            cells.append(f"-{fp}fp -{tp}tp".rjust(11))
        lines.append(f"{name[:44]:<44} " + " | ".join(cells) + f" | {'yes' if ok else 'no'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=material_dev.ROOT.parent / "shared")
    ap.add_argument("--labels", default="material_labels_[a-o].jsonl", metavar="GLOB")
    ap.add_argument("--dump", type=Path, help="write the per-pair records to this JSON-lines file")
    ap.add_argument("--load", type=Path, nargs="*", help="read per-pair records instead of analysing")
    ap.add_argument("--check", action="store_true",
                    help="also count, per group of label sets, what each candidate discriminator would remove")
    args = ap.parse_args(argv)
    pairs: list[dict[str, Any]] = []
    if args.load:
        for f in args.load:
            pairs += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        if not (args.shared / "data").is_dir():
            print(f"skipped: ../shared/data not found (looked in {args.shared / 'data'})")
            return 0
        records = material_dev.load_labels("low", args.labels)
        bundles = material_dev.Bundles(args.shared)
        started = time.perf_counter()
        for rec in records:
            try:
                pairs.append(record_pair(rec, args.shared, bundles))
            except Exception as exc:  # listed, never silently dropped
                print(f"{rec['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(f"analysed {len(pairs)} pairs in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        if args.dump:
            args.dump.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    print(tabulate(pairs))
    if args.check:
        print("\n" + check(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print what the tracker tells a reader about real material changes, to be read against the diff.

For a seeded sample of the hand-labelled pairs that are labelled material (``--labels``, by
default the dev batches a-o), prints per pair: its id, the label's reason, the tracker's headline
(the version's ``summary``) and, for each material change (and, with ``--all``, every change), its
kind, section, severity, categories and explanation, followed by the clause's old and new text
cut to ``--width`` characters. The texts are analysed by ``tracker.compare`` (what ``tracker
compare`` and a run use), so running it with ``PYTHONPATH`` pointing at another checkout audits
that checkout's code on the same sample.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/explain_audit.py [--n 40] [--seed 1] [--labels GLOB]
        [--all] [--width 300] [--lint]

``--lint`` adds, per change, the automatic checks of the faults an explanation must not have
(a template token, raw Markdown, a quote that starts or ends inside a word, a quote whose words
run in neither version: both versions' words mixed, or runs joined) and prints their
counts at the end: a first filter, the reading is still what counts.

Data: real version pairs from Open Terms Archive (ODC-BY 1.0), read in place from ../shared
(``$TRACKER_SHARED``); exits 0 with "skipped: ..." when the folder is absent. Labels are ours.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import shared_dir  # noqa: E402
from material_dev import Bundles, load_labels, load_texts  # noqa: E402

# Automatic checks (--lint): what an explanation must never contain.
_TEMPLATE = re.compile(r"qq\w+qq|\{\{[^}]*\}\}|\[(?:[A-Z][A-Z _]{2,})\]|%\w+%|\$\{\w+\}")
_MARKDOWN = re.compile(r"<!--|-->|\*\*|__\w|\]\(|(?<!\S)\|(?!\S)|^#+\s|\s#{2,}\s")
_QUOTE = re.compile(r"“([^”]*)”")
_QUOTES = re.compile(r"“([^“”]*)”|«\s*([^«»]*?)\s*»")
_WORD = re.compile(r"\w+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|<[^<>]{1,40}>")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+")  # an address a quote may leave out
# a quote that names where the change is (a list's lead-in, a section's title), not the clause
_CONTEXT = re.compile(r"(?:\bunder|\bsection|\bin)\s*$", re.I)


def _words(text: str) -> list[str]:
    """The words of ``text`` as a reader sees them: lower case, without link targets, web
    addresses or marks."""
    return _WORD.findall(_URL.sub(" ", _LINK.sub(r"\1", text)).replace("_", " ").replace("™", "TM").lower())


def _contiguous(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def mixed_quotes(explanation: str, before: str, after: str) -> list[str]:
    """The quoted runs of ``explanation`` (in “” or « ») whose words do not occur in that order,
    one after the other, in either version: words of both versions interleaved, runs joined, or
    words left out ("to via XING receive"). A quote that names where the change is (after
    "under" or "section": a list's lead-in, a section's title) is not checked, it quotes text
    outside the clause. A quote may elide with "…": each piece is checked on its own. Case,
    punctuation, Markdown, HTML tags, link targets and web addresses are ignored. Returns the
    faulty quotes."""
    sides = [_words(before), _words(after)]
    out = []
    for m in _QUOTES.finditer(explanation):
        q = m.group(1) if m.group(1) is not None else m.group(2)
        if _CONTEXT.search(explanation[:m.start()]):
            continue
        for piece in q.split("…"):
            ws = _words(piece)
            if ws and not any(_contiguous(ws, side) for side in sides):
                out.append(q)
                break
    return out


def lint(explanation: str, before: str, after: str) -> list[str]:
    """The automatic faults of one explanation: ``template``, ``markdown``, ``fragment`` (a quote
    that starts or ends inside a word of the clause it quotes), ``mixed`` (a quote that is no
    contiguous run of either version: see ``mixed_quotes``)."""
    out = []
    if _TEMPLATE.search(explanation):
        out.append("template")
    if _MARKDOWN.search(explanation):
        out.append("markdown")
    source = f"{before}\n{after}"
    for q in _QUOTE.findall(explanation):
        body = q.strip("…").strip()
        if not body or body not in source:
            continue
        at = source.find(body)
        head_cut = q.startswith(body[:1]) and at > 0 and source[at - 1].isalnum() and body[:1].isalnum()
        end = at + len(body)
        tail_cut = end < len(source) and source[end].isalnum() and body[-1:].isalnum()
        if head_cut or tail_cut or "; " in body and len(body.split()) <= 4:
            out.append("fragment")
            break
    if mixed_quotes(explanation, before, after):
        out.append("mixed")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=40, help="pairs to sample (default 40)")
    ap.add_argument("--seed", type=int, default=1, help="sampling seed (default 1)")
    ap.add_argument("--labels", default="material_labels_[a-o].jsonl", metavar="GLOB",
                    help="label files in benchmarks/data (default: the dev batches a-o)")
    ap.add_argument("--all", action="store_true", help="also print the changes that are not material")
    ap.add_argument("--width", type=int, default=300, help="characters of each clause side shown (default 300)")
    ap.add_argument("--lint", action="store_true", help="flag template tokens, raw Markdown and cut quotes")
    ap.add_argument("--per-pair", type=int, default=0, metavar="K",
                    help="show only each pair's K most serious changes, in the headline's ranking (default: all)")
    args = ap.parse_args(argv)

    shared = shared_dir()
    if not (shared / "data").is_dir():
        print(f"skipped: ../shared/data not found (looked in {shared / 'data'})")
        return 0
    records = [r for r in load_labels("low", args.labels) if r["material"]]
    if not records:
        print("skipped: no labelled material pairs")
        return 0
    records.sort(key=lambda r: r["id"])
    sample = random.Random(args.seed).sample(records, min(args.n, len(records)))

    from tracker import compare
    from tracker.analysis.headline import rank_changes
    from tracker.analysis.rendering import section_label

    import tracker

    print(f"code: {Path(tracker.__file__).parent}; labels {args.labels}; seed {args.seed}; n {len(sample)}")
    bundles = Bundles(shared)
    faults: Counter[str] = Counter()
    shown = 0
    for rec in sample:
        before, after = load_texts(rec, shared, bundles)
        a = compare(before, after)
        print("=" * 100)
        print(f"{rec['id']}  [{rec.get('language', 'en')}; gold {', '.join(rec.get('categories', []))}]")
        print(f"REASON: {rec.get('reason', '')}")
        print(f"HEADLINE ({'material' if a.material else 'not material'}; {', '.join(a.categories)}): {a.summary}")
        listed = [c for c in rank_changes(a.changes, a.categories) if c.material or args.all]
        for c in listed[:args.per_pair or None]:
            shown += 1
            where = section_label(c.heading, c.after or c.before or "", c.clause_id)
            print(f"  - {c.kind} {where} [{c.severity}; {', '.join(c.categories)}]")
            print(f"    EXPL: {c.explanation}")
            if args.lint:
                found = lint(c.explanation, c.before or "", c.after or "")
                faults.update(found)
                if found:
                    print(f"    LINT: {', '.join(found)}")
                for q in mixed_quotes(c.explanation, c.before or "", c.after or ""):
                    print(f"    MIXED: “{q}”")
            for side, text in (("was", c.before), ("now", c.after)):
                if text:
                    flat = " ".join(text.split())
                    print(f"    {side}: {flat[:args.width]}{'…' if len(flat) > args.width else ''}")
        hidden = sum(not c.material for c in a.changes)
        if hidden and not args.all:
            print(f"  ({hidden} change(s) not material)")
        if args.per_pair and len(listed) > args.per_pair:
            print(f"  ({len(listed) - args.per_pair} more not shown)")
    print("=" * 100)
    print(f"{len(sample)} pairs, {shown} changes shown")
    if args.lint:
        print("lint: " + (", ".join(f"{k} {v}" for k, v in sorted(faults.items())) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

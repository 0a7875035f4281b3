"""Replay a versions-only history through ``tracker run``: does every real version get recorded?

Open Terms Archive's dating collection comes without its raw snapshots, only its versions (one
Markdown file per document, one commit per change). This benchmark serves each document's
versions from 127.0.0.1 (``text/markdown``), one version per run: run ``i`` serves the ``i``-th
version of every document (a document with fewer versions keeps serving its last one), and runs
``tracker run`` (the real CLI, in a subprocess) once per step. A page served this way never
blinks within a run, so every version whose text differs from the one before is a real change
the tracker must record, reverts included (real histories have many: 269 of the dating
collection's 1,031 versions restore an earlier text, most followed at once by another text),
but for a second flip back between the same two texts (versions X, Y, X, then Y: 181 of its 926 texts in
the dating history, a page alternating from run to run, CDN image formats, a members' area and
a public page, a geo variant), which the tracker takes for a blink since session 12 and records
only if it lasts 3 runs: they are counted apart ("second flips back").

It prints, per run of the whole replay: versions expected (texts that differ from the previous
one, first versions included; the tracker's "no clause changed" rule may drop a few whose only
change is Markdown layout), versions recorded by kind, and the run outcomes (with ``--json``, each document's outcome and message run by run). With
``--tracker-root DIR`` it runs another source tree (to compare two commits on the same data).

    .venv/bin/python benchmarks/replay_versions.py [--collection dating] [--limit N]
        [--doc 'Service/Type.md' ...] [--match REGEX] [--repo CLONE] [--tracker-root DIR]
        [--json OUT] [--keep DIR] [--log]

To replay chosen documents of any bundle (a dev tool): ``--collection contrib --match 'Grammarly/|Xing/'``
(a regular expression searched in each path, or ``--doc`` for exact paths), ``--repo`` an existing
clone of the bundle (no clone per call). It then also prints the steps that recorded nothing while
the text served differed from the one before, counted by reason (blink, held shrink, not the terms,
no clause changed...), and with ``--log`` every document's step-by-step outcomes with each recorded
version's material flag, categories and headline, read from the store (``--keep`` keeps the store).

Data: ``../shared/data/ota/<collection>-versions.bundle`` (override the shared folder with
TRACKER_SHARED); nothing from it is copied into the repository. Skips cleanly when absent.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _shared import shared_data  # noqa: E402
from noise import document_commits, read_blobs  # noqa: E402


def load(repo: Path, limit: int | None, only: list[str] | None = None,
         match: str | None = None) -> dict[str, list[str]]:
    """path -> its texts in history order (a text whose extraction equals the one before it dropped:
    Markdown the tracker normalises to the same text is no new version to either side)."""
    from tracker.errors import ExtractError
    from tracker.extract.convert import extract

    def normal(text: str) -> str | None:
        try:
            return extract(text.encode("utf-8"), "text/markdown")
        except ExtractError:
            return None

    docs = document_commits(repo)
    paths = sorted(p for p in docs if (not only or p in only) and (not match or re.search(match, p)))
    paths = paths[:limit] if limit else paths
    texts = read_blobs(repo, [f"{c}:{p}" for p in paths for c, _ in docs[p]])
    out: dict[str, list[str]] = {}
    for path in paths:
        seq: list[str] = []
        last: str | None = None
        for commit, _ in docs[path]:
            text = texts.get(f"{commit}:{path}")
            norm = normal(text) if text else None
            if text and norm and norm != last:
                seq.append(text)
                last = norm
        if seq:
            out[path] = seq
    return out


def serve(docs: dict[str, list[str]], step: list[int]) -> ThreadingHTTPServer:
    """A local server answering /<path> with that document's text at replay step ``step[0]``."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seq = docs.get(unquote(self.path.lstrip("/")))
            if seq is None:
                self.send_error(404)
                return
            body = seq[min(step[0], len(seq) - 1)].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/markdown; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def sources_toml(docs: dict[str, list[str]], port: int) -> str:
    """One service per folder of the bundle, one document per file."""
    services: dict[str, list[str]] = {}
    for path in docs:
        services.setdefault(path.split("/", 1)[0], []).append(path)
    lines = []
    for n, (service, paths) in enumerate(sorted(services.items())):
        lines += ["[[service]]", f'id = "s{n}"', f"name = {json.dumps(service)}", ""]
        for path in paths:
            kind = path.split("/", 1)[1].removesuffix(".md")
            lines += ["  [[service.document]]", f"  type = {json.dumps(kind)}",
                      f'  url = "http://127.0.0.1:{port}/{quote(path)}"', ""]
    return "\n".join(lines)


def run_tracker(tracker_root: Path, store: Path, sources: Path) -> dict[str, Any]:
    """One `tracker run` of ``tracker_root``'s code over ``store`` (replay.py's, 900 s at most)."""
    from replay import run_tracker as run_once

    return run_once(tracker_root, store, sources, timeout=900)


def flip_back(seq: list[str], i: int) -> bool:
    """Is step ``i`` of ``seq`` the second flip back between the same two texts (X, Y, X, then Y)?"""
    return i >= 3 and seq[i] == seq[i - 2] and seq[i - 1] == seq[i - 3]


def skipped_steps(docs: dict[str, list[str]], steps_of: dict[str, list[list[str]]]) -> Counter[str]:
    """Reasons (``replay_labelled.reason``) of the steps that served a text other than the step
    before and recorded nothing, a second flip back counted apart from the others."""
    from replay_labelled import reason

    out: Counter[str] = Counter()
    for path, seq in docs.items():
        rows = steps_of.get(path, [])
        for i in range(1, min(len(seq), len(rows))):
            outcome, message = rows[i][0], rows[i][1]
            if outcome in ("new", "changed", "revert"):
                continue
            flip = "second flip back, " if flip_back(seq, i) else ""
            out[f"{flip}{reason(outcome, message)}"] += 1
    return out


def print_log(docs: dict[str, list[str]], steps_of: dict[str, list[list[str]]], store: Path) -> None:
    """Every document's steps: what each run made of the text served (a step serving the same
    text as the one before is left out), each recorded version with its kind, material flag,
    categories and headline as the index holds them."""
    from replay_labelled import read_versions, reason

    versions = read_versions(store) if (store / "index.sqlite").exists() else {}
    for path, seq in sorted(docs.items()):
        print(f"\n== {path}: {len(seq)} texts")
        rows = steps_of.get(path, [])
        for i in range(min(len(seq), len(rows))):
            outcome, message, commit = (rows[i] + ["", ""])[:3]
            flip = " (second flip back)" if flip_back(seq, i) else ""
            v = versions.get(commit)
            if v is not None:
                flag = "MATERIAL" if v["material"] else "minor"
                cats = ",".join(v["categories"])
                print(f"  {i:3d} {v['kind']:8s} {flag:8s} [{cats}] {len(seq[i]):6d} ch{flip}: {v['summary'][:300]}")
            else:
                print(f"  {i:3d} {reason(outcome, message)}{flip}: {message[:200]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collection", default="dating", help="bundle prefix in ../shared/data/ota (default dating)")
    ap.add_argument("--limit", type=int, help="only the first N documents (by path)")
    ap.add_argument("--doc", action="append", metavar="PATH",
                    help="only this document (`Service/Document Type.md`; repeat for more)")
    ap.add_argument("--tracker-root", type=Path, default=ROOT, help="source tree of the tracker to run")
    ap.add_argument("--match", metavar="REGEX", help="only documents whose path this regular expression finds")
    ap.add_argument("--repo", type=Path, help="an existing clone of the bundle (its main branch) to read")
    ap.add_argument("--json", type=Path, help="write the per-document figures to this file")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (clone, store, sources)")
    ap.add_argument("--log", action="store_true",
                    help="print each document's steps: outcome, reason, and each version's flag and headline")
    args = ap.parse_args(argv)
    bundle = shared_data(f"ota/{args.collection}-versions.bundle")
    if not bundle.exists():
        print(f"skipped: {bundle} not found (the shared data folder; set TRACKER_SHARED to use another)")
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="tracker-replay-versions-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        repo = args.repo or work / "repo"
        if not (repo / ".git").exists():
            subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
        docs = load(repo, args.limit, args.doc, args.match)
        if not docs:
            print(f"no document of {args.collection} matches --doc {args.doc} --match {args.match}", file=sys.stderr)
            return 2
        step = [0]
        server = serve(docs, step)
        sources = work / "sources.toml"
        sources.write_text(sources_toml(docs, server.server_address[1]), encoding="utf-8")
        store = work / "store"
        outcomes: Counter[str] = Counter()
        per_doc: dict[str, Counter[str]] = {}
        steps_of: dict[str, list[list[str]]] = {}  # path -> [outcome, message] per run
        why: Counter[str] = Counter()  # outcomes other than a version, after the first run
        steps = max(len(seq) for seq in docs.values())
        names = {f"s{n}": s for n, s in enumerate(sorted({p.split('/', 1)[0] for p in docs}))}
        for step[0] in range(steps):
            report = run_tracker(args.tracker_root, store, sources)
            for row in report["documents"]:
                outcomes[row["outcome"]] += 1
                service, kind = row["key"].split("/", 1) if "/" in row["key"] else (row["key"], "")
                steps_of.setdefault(f"{names.get(service, service)}/{kind}.md", []).append(
                    [row["outcome"], row.get("error") or row.get("summary") or "", row.get("commit") or ""])
                if step[0] and row["outcome"] not in ("new", "changed", "revert"):
                    why[f"{row['outcome']}: {(row.get('error') or row.get('summary') or '')[:90]}"] += 1
                if row["outcome"] in ("new", "changed", "revert"):
                    service, kind = row["key"].split("/", 1) if "/" in row["key"] else (row["key"], "")
                    path = f"{names.get(service, service)}/{kind}.md"
                    per_doc.setdefault(path, Counter())[row["outcome"]] += 1
        server.shutdown()
        expected = sum(len(seq) for seq in docs.values())
        recorded = Counter[str]()
        for counts in per_doc.values():
            recorded.update(counts)
        short = {p: (len(seq), sum(per_doc.get(p, Counter()).values())) for p, seq in docs.items()
                 if sum(per_doc.get(p, Counter()).values()) != len(seq)}
        print(f"{args.collection}: {len(docs)} documents, {steps} runs, {time.monotonic() - started:.0f} s")
        print(f"versions expected (distinct consecutive texts): {expected}")
        flips = sum(1 for seq in docs.values() for i in range(3, len(seq))
                    if seq[i] == seq[i - 2] and seq[i - 1] == seq[i - 3])
        print(f"of which second flips back between the same two texts (X, Y, X, then Y: a blink): {flips}")
        print(f"versions recorded: {sum(recorded.values())} ({', '.join(f'{k} {v}' for k, v in sorted(recorded.items()))})")
        print(f"run outcomes: {', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}")
        for reason, count in why.most_common(12):
            print(f"  {count:4d}  {reason}")
        for path, (want, got) in sorted(short.items()):
            print(f"  {path}: {got} recorded of {want}")
        skipped = skipped_steps(docs, steps_of)
        print(f"changed texts served but not recorded (after the first run): {sum(skipped.values())}")
        for why_not, count in skipped.most_common():
            print(f"  {count:4d}  {why_not}")
        if args.log:
            print_log(docs, steps_of, store)
        if args.json:
            args.json.write_text(json.dumps({"expected": expected, "recorded": dict(recorded),
                                             "outcomes": dict(outcomes),
                                             "documents": {p: dict(c) for p, c in per_doc.items()},
                                             "steps": steps_of}, indent=1))
        return 0
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        print(f"replay stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""Replay real page histories through the tracker and compare with Open Terms Archive's versions.

An Open Terms Archive collection comes as three git repositories: snapshots (the raw pages, one
commit per page change, the page's URL in the ``X-source-document-location`` trailer),
declarations (what to fetch and select), versions (the texts Open Terms Archive extracted). This
benchmark:

1. serves every snapshot from 127.0.0.1, one local port per original host, each URL answering
   with the page as it stood at the current replay time (the latest snapshot at or before it);
2. once per replay day, converts the declarations as they stood that day into a sources.toml
   (``tracker.ota.declarations``, what ``tracker import-declarations`` runs), points its URLs at
   the local servers, and runs ``tracker run`` (the real CLI, in a subprocess);
3. compares, per document, the tracker's versions and final text with the versions repository:
   versions recorded (tracker, reference), the tracker's labels of its versions, versions whose
   only change is a volatile link token, failed checks, and the similarity (0-100, rapidfuzz
   ratio) of the final texts once Markdown dialects are folded on both sides.

    .venv/bin/python benchmarks/replay.py [--collection demo] [--days 270] [--limit N]
        [--end 2026-06-25] [--keep DIR] [--json OUT] [--tracker-root DIR]

``--days`` is the length of the window (ending at the reference's last version, or ``--end``),
``--limit`` keeps the first N documents (by service and type), ``--tracker-root`` runs the
tracker from another source tree (to compare two commits on the same replay). Pages declared
with ``executeClientScripts`` are replayed over plain HTTP: their snapshots already are the
rendered DOM.

Data: ``../shared/data/ota/<collection>-{snapshots,declarations,versions}.bundle``, resolved
from the project root (override the shared folder with TRACKER_SHARED); nothing from it is
copied into the repository. Skips cleanly (exit 0) when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from _shared import shared_data  # noqa: E402
from tracker.analysis.sameness import fold_markdown  # noqa: E402
from tracker.extract.convert import normalize_markdown  # noqa: E402
from tracker.extract.links import mask_volatile  # noqa: E402

DAY = 86400
TRAILER = "X-source-document-location"
CONTENT_TYPES = {"html": "text/html", "pdf": "application/pdf", "md": "text/markdown", "txt": "text/plain"}


def git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], input=data, check=True, capture_output=True).stdout


def clone(bundle: Path, into: Path) -> Path:
    if not into.exists():
        subprocess.run(["git", "clone", "-q", "--no-checkout", str(bundle), str(into)], check=True,
                       capture_output=True)
    return into


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------- snapshots


class Blobs:
    """Blob contents through one ``git cat-file --batch`` (thread-safe), with a small cache."""

    def __init__(self, repo: Path) -> None:
        self.proc = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.lock = threading.Lock()
        self.cache: dict[str, bytes] = {}

    def get(self, sha: str) -> bytes:
        with self.lock:
            if sha in self.cache:
                return self.cache[sha]
            assert self.proc.stdin and self.proc.stdout
            self.proc.stdin.write(sha.encode() + b"\n")
            self.proc.stdin.flush()
            header = self.proc.stdout.readline().split()
            size = int(header[2])
            data = self.proc.stdout.read(size + 1)[:size]
            if len(self.cache) > 256:
                self.cache.clear()
            self.cache[sha] = data
            return data

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def snapshot_timeline(repo: Path) -> dict[str, tuple[list[int], list[tuple[str, str]]]]:
    """URL -> (commit times, [(blob, extension)]) in time order, from one ``git log`` pass."""
    out = git(repo, "log", "--reverse", "--no-renames", "--raw", "--no-abbrev",
              f"--format=@@%H %ct%n%(trailers:key={TRAILER},valueonly)").decode("utf-8", "replace")
    pages: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    when, url, files = 0, "", []

    def flush() -> None:
        if url and len(files) == 1:  # one page per snapshot commit; others are repository chores
            pages[url].append((when, *files[0]))

    for line in out.splitlines():
        if line.startswith("@@"):
            flush()
            when, url, files = int(line.split()[1]), "", []
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            blob, status = meta.split()[3], meta.split()[4]
            ext = path.rsplit(".", 1)[-1].lower() if "." in path else "html"
            if status != "D" and ext in CONTENT_TYPES and "/" in path:
                files.append((blob, ext))
        elif line.strip() and not url:
            url = line.strip()
    flush()
    timeline = {}
    for u, items in pages.items():
        items.sort(key=lambda item: item[0])
        timeline[u] = ([t for t, _, _ in items], [(b, e) for _, b, e in items])
    return timeline


class Replay:
    """The local servers: one per original host, each serving pages as of ``self.now``."""

    def __init__(self, timeline: dict[str, tuple[list[int], list[tuple[str, str]]]], blobs: Blobs) -> None:
        self.timeline, self.blobs, self.now = timeline, blobs, 0
        self.servers: dict[str, ThreadingHTTPServer] = {}  # "scheme://host" -> server
        self.served = Counter()

    def page(self, url: str) -> tuple[bytes, str] | None:
        for candidate in _variants(url):
            found = self.timeline.get(candidate)
            if found is None:
                continue
            times, blobs = found
            i = bisect_right(times, self.now)
            if i == 0:
                return None  # not captured yet at this time
            blob, ext = blobs[i - 1]
            return self.blobs.get(blob), CONTENT_TYPES[ext]
        return None

    def origin(self, url: str) -> str:
        """The local origin standing for ``url``'s host (a server started on first use)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self.servers:
            replay = self

            class Handler(BaseHTTPRequestHandler):
                def do_GET(self) -> None:
                    found = replay.page(key + self.path)
                    if found is None:
                        self.send_error(404)
                        return
                    body, ctype = found
                    replay.served[key] += 1
                    self.send_response(200)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

                def log_message(self, *args: Any) -> None:
                    pass

            server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers[key] = server
        return f"http://127.0.0.1:{self.servers[key].server_address[1]}"

    def local(self, url: str) -> str:
        parts = urlsplit(url)
        origin = self.origin(url)
        return origin + url[len(f"{parts.scheme}://{parts.netloc}"):]

    def unlocal(self, text: str) -> str:
        """``text`` with the local origins written back as the hosts they stand for."""
        for key, server in self.servers.items():
            text = text.replace(f"http://127.0.0.1:{server.server_address[1]}", key)
        return text

    def close(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()


def _variants(url: str) -> list[str]:
    """The URL, then its spellings with and without a trailing slash and with the other scheme."""
    out = [url]
    out.append(url[:-1] if url.endswith("/") else url + "/")
    for u in list(out):
        if u.startswith("https://"):
            out.append("http://" + u[8:])
        elif u.startswith("http://"):
            out.append("https://" + u[7:])
    return out


# --------------------------------------------------------------------------- declarations


@dataclass
class Doc:
    """A declared document, and what the replay learns about it."""

    service_name: str  # the declaration's file stem: the folder name in the versions repository
    service_id: str
    type: str
    url: str = ""  # as declared (the latest declaration seen)
    failures: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)

    @property
    def key(self) -> str:
        return f"{self.service_id}/{self.type}"

    @property
    def reference_path(self) -> str:
        return f"{self.service_name}/{self.type}.md"


def declarations_at(repo: Path, commits: list[tuple[int, str]], when: float) -> str | None:
    i = bisect_right([t for t, _ in commits], when)
    return commits[i - 1][1] if i else None


def sources_for(repo: Path, commit: str, work: Path, replay: Replay, keep: set[str] | None) -> tuple[str, list[Doc]]:
    """The sources.toml of the declarations at ``commit``, with local URLs, and its documents."""
    from tracker.ota.declarations import UNSUPPORTED, load_declarations, to_toml

    target = work / f"declarations-{commit[:12]}"
    if not target.exists():
        target.mkdir(parents=True)
        tar = git(repo, "archive", "--format=tar", commit, "declarations")
        subprocess.run(["tar", "-x", "-C", str(target)], input=tar, check=True)
    result = load_declarations(target / "declarations")
    docs = []
    kept = []
    for d in result.documents:
        if d.status == UNSUPPORTED:
            continue
        stem = d.file[: -len(".json")]
        doc = Doc(stem, d.service_id, d.type, d.url)
        if keep is not None and doc.key not in keep:
            continue
        d.url = replay.local(d.url) if d.url else d.url
        d.parts = tuple(replace(p, url=replay.local(p.url)) for p in d.parts)
        d.render = "http"  # the snapshot of a rendered page already is the rendered DOM
        d.parts = tuple(replace(p, render="http") for p in d.parts)
        kept.append(d)
        docs.append(doc)
    result.documents = kept
    return to_toml(result), docs


# --------------------------------------------------------------------------- comparing

_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)
_BREAK = re.compile(r"\\$", re.M)
_TABLE_SPACE = re.compile(r"[ \t]*\|[ \t]*")
_TABLE_RULE = re.compile(r"^\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.M)
_MAILTO = re.compile(r"\[([^\]\s]+@[^\]\s]+)\]\(mailto:\1\)")
_BLANKS = re.compile(r"\n{2,}")


def fold_for_similarity(text: str, url: str = "") -> str:
    """Both dialects to one: typography (normalize_markdown), Markdown spellings (fold_markdown),
    list markers and their spacing, indentation, hard-break markers, table cell padding, blank
    lines, and links to a place in the page itself written relative (``#part``, as turndown
    keeps them) or absolute (``URL#part``, as the tracker resolves them). Turndown (Open Terms
    Archive) and html-to-markdown (tracker) differ in all of these."""
    text = fold_markdown(normalize_markdown(text))
    if url:
        text = text.replace(f"]({url.split('#')[0]}#", "](#")
    text = _MAILTO.sub(r"<\1>", text)
    text = _LIST_MARK.sub(lambda m: "- " if m.group(0).strip()[:1] in "-*+" else m.group(0).strip()[:-1] + ". ", text)
    text = _INDENT.sub("", text)
    text = _BREAK.sub("", text)
    text = _TABLE_RULE.sub("|---|", text)
    text = "\n".join(_TABLE_SPACE.sub("|", line) if line.startswith("|") else line for line in text.split("\n"))
    return _BLANKS.sub("\n", text).strip() + "\n"


def similarity(a: str, b: str, url: str = "") -> float:
    """0-100: rapidfuzz's normalized Indel similarity of the two folded texts."""
    from rapidfuzz import fuzz

    return round(fuzz.ratio(fold_for_similarity(a, url), fold_for_similarity(b, url)), 2)


def reference_versions(repo: Path, path: str, start: int, end: int) -> tuple[int, str | None, list[str], str]:
    """(text versions in force during [start, end], final text, subjects of those recorded in the
    window, date of the final one)."""
    log = git(repo, "log", "--format=%H %ct %s", f"--until={end}", "--", path).decode().splitlines()
    commits = [(line.split(" ", 2)[0], int(line.split(" ", 2)[1]), line.split(" ", 2)[2]) for line in log]
    if not commits:
        return 0, None, [], ""
    inside = [c for c in commits if c[1] > start]
    count = len(inside) + (1 if len(commits) > len(inside) else 0)
    final = git(repo, "show", f"{commits[0][0]}:{path}").decode("utf-8", "replace")
    return count, final, [s for _, _, s in inside], iso(commits[0][1])[:10]


def tracker_versions(store: Path, doc: Doc) -> list[dict[str, Any]]:
    """The tracker's versions of ``doc``: date, label, and whether only a volatile token changed."""
    from tracker.archive import Index

    index_path = store / "index.sqlite"
    if not index_path.exists():
        return []
    archive = store / "archive"
    with Index(index_path) as index:
        rows = index.version_rows(doc.key)
        labels = []
        for row in rows:
            analysis = index.stored_analysis(row.commit_sha)
            labels.append(_label(row.kind, row.severity, analysis))
    path = f"{doc.service_id}/{doc.type}.md"
    texts = [git(archive, "show", f"{row.commit_sha}:{path}").decode("utf-8", "replace") for row in rows]
    out = []
    for i, (row, label) in enumerate(zip(rows, labels)):
        token_only = i > 0 and mask_volatile(texts[i - 1]) == mask_volatile(texts[i])
        out.append({"commit": row.commit_sha, "label": label, "token_only": token_only,
                    "summary": row.summary, "text": texts[i]})
    return out


def _label(kind: str, severity: str, analysis: Any) -> str:
    if kind in ("first", "revert"):
        return kind
    if analysis is not None and not analysis.changes:
        return "no clause changed"
    if severity in ("material", "critical"):
        return "material"
    if severity == "cosmetic" and analysis is not None and analysis.cosmetic:
        return "+".join(analysis.cosmetic)
    return severity or "minor"


# --------------------------------------------------------------------------- the replay


def run_tracker(tracker_root: Path, store: Path, sources: Path, timeout: float) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(tracker_root), TRACKER_WORKERS="1")
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run",
         "--host-delay", "0", "--per-host", "8", "--ignore-robots", "--json", "-q"],
        capture_output=True, text=True, env=env, timeout=timeout, cwd=store.parent)  # not ROOT: -m imports from cwd
    try:
        report: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = {}
    if proc.returncode not in (0, 1) or "documents" not in report:
        raise RuntimeError(f"tracker run exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collection", default="demo", help="bundle prefix in ../shared/data/ota (default demo)")
    ap.add_argument("--days", type=int, default=270, help="replay window in days (default 270: nine months)")
    ap.add_argument("--end", help="last replay day, YYYY-MM-DD (default: the reference's last version)")
    ap.add_argument("--limit", type=int, help="only the first N documents (by service and type)")
    ap.add_argument("--document", action="append", help="only documents whose key contains this (repeatable)")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (clones, store, sources)")
    ap.add_argument("--json", type=Path, help="write the per-document figures to this file")
    ap.add_argument("--tracker-root", type=Path, default=ROOT, help="source tree of the tracker to run")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one daily run")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list each document's versions")
    args = ap.parse_args(argv)

    bundles = {kind: shared_data(f"ota/{args.collection}-{kind}.bundle")
               for kind in ("snapshots", "declarations", "versions")}
    missing = [str(p) for p in bundles.values() if not p.exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found (the shared data folder; set TRACKER_SHARED to use another)")
        return 0
    if args.days < 1:
        ap.error("--days must be 1 or more")

    work = args.keep or Path(tempfile.mkdtemp(prefix="tracker-replay-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        return _replay(args, bundles, work, started)
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        print(f"replay stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _replay(args: argparse.Namespace, bundles: dict[str, Path], work: Path, started: float) -> int:
    repos = {kind: clone(bundle, work / kind) for kind, bundle in bundles.items()}
    timeline = snapshot_timeline(repos["snapshots"])
    decl_commits = [(int(t), h) for h, t in
                    (line.split() for line in git(repos["declarations"], "log", "--reverse", "--format=%H %ct")
                     .decode().splitlines())]
    decl_commits.sort()
    last_version = int(git(repos["versions"], "log", "-1", "--format=%ct").decode().strip())
    last_snapshot = max(times[-1] for times, _ in timeline.values())
    end = min(last_version, last_snapshot)
    if args.end:
        day = datetime.strptime(args.end, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        end = int((day + timedelta(seconds=end % DAY)).timestamp())
    runs_at = [end - (args.days - 1 - i) * DAY for i in range(args.days)]
    print(f"replay of {args.collection}: {len(timeline)} pages, {sum(len(t) for t, _ in timeline.values())} "
          f"snapshots; {args.days} daily runs from {iso(runs_at[0])} to {iso(runs_at[-1])} UTC", flush=True)

    blobs = Blobs(repos["snapshots"])
    replay = Replay(timeline, blobs)
    store, sources = work / "store", work / "sources.toml"
    if store.exists():
        shutil.rmtree(store)
    docs: dict[str, Doc] = {}
    recorded: dict[str, int] = {}  # commit of each version -> the replay time of the run that recorded it
    keep: set[str] | None = None
    current = ""
    try:
        for n, when in enumerate(runs_at, 1):
            replay.now = when
            commit = declarations_at(repos["declarations"], decl_commits, when)
            if commit is None:
                continue
            if commit != current:
                if keep is None:
                    _, all_docs = sources_for(repos["declarations"], commit, work, replay, None)
                    chosen = sorted(all_docs, key=lambda d: (d.service_name.lower(), d.type))
                    if args.document:
                        chosen = [d for d in chosen if any(s.lower() in d.key.lower() for s in args.document)]
                    if args.limit:
                        chosen = chosen[: args.limit]
                    keep = {d.key for d in chosen}
                text, day_docs = sources_for(repos["declarations"], commit, work, replay, keep)
                sources.write_text(text, encoding="utf-8")
                for d in day_docs:
                    docs.setdefault(d.key, d).url = d.url
                current = commit
            report = run_tracker(args.tracker_root, store, sources, args.timeout)
            for item in report["documents"]:
                doc = docs.get(item["key"])
                if doc is None:
                    continue
                doc.outcomes[item["outcome"]] += 1
                if item.get("commit"):
                    recorded[item["commit"]] = when
                if item["outcome"] == "failed":
                    doc.failures[_short(item.get("error") or "")] += 1
            if n % 10 == 0 or n == len(runs_at):
                counts = report["counts"]
                print(f"  day {n}/{len(runs_at)} {iso(when)}: new {counts['new']}, changed {counts['changed']}, "
                      f"failed {counts['failed']}  ({time.monotonic() - started:.0f} s)", flush=True)
    finally:
        blobs.close()
        replay.close()
    results = _compare(args, repos, store, replay, docs, runs_at, recorded, work if args.keep else None)
    _print(results, args, runs_at, time.monotonic() - started)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def _short(error: str) -> str:
    return re.sub(r"\d+", "N", error)[:90]


def _compare(args: argparse.Namespace, repos: dict[str, Path], store: Path, replay: Replay,
             docs: dict[str, Doc], runs_at: list[int], recorded: dict[str, int],
             work: Path | None = None) -> dict[str, Any]:
    """Per document: the tracker's versions and labels against the reference's (with ``work``,
    the folded final texts are written to ``work/compare`` for reading)."""
    rows = []
    for doc in sorted(docs.values(), key=lambda d: (d.service_name.lower(), d.type)):
        ref_count, ref_text, ref_subjects, ref_last = reference_versions(repos["versions"], doc.reference_path,
                                                                         runs_at[0], runs_at[-1])
        ref_days = [iso(int(t))[:10] for t in git(repos["versions"], "log", "--reverse", "--format=%ct",
                                                  f"--since={runs_at[0]}", f"--until={runs_at[-1]}", "--",
                                                  doc.reference_path).decode().split()]
        versions = tracker_versions(store, doc)
        final = replay.unlocal(versions[-1]["text"]) if versions else None
        if work is not None and final is not None and ref_text is not None:
            folder = work / "compare"
            folder.mkdir(exist_ok=True)
            name = doc.key.replace("/", " - ")
            (folder / f"{name}.tracker.md").write_text(fold_for_similarity(final, doc.url), encoding="utf-8")
            (folder / f"{name}.reference.md").write_text(fold_for_similarity(ref_text, doc.url), encoding="utf-8")
        rows.append({
            "document": f"{doc.service_name} / {doc.type}",
            "key": doc.key,
            "tracker_versions": len(versions),
            "reference_versions": ref_count,
            "reference_upgrades": sum(s.startswith("Apply technical") for s in ref_subjects),
            "labels": dict(Counter(v["label"] for v in versions)),
            "token_only_versions": sum(v["token_only"] for v in versions),
            "failed_checks": sum(doc.failures.values()),
            "failures": dict(doc.failures.most_common(3)),
            "outcomes": dict(doc.outcomes),
            "similarity": similarity(final, ref_text, doc.url) if final is not None and ref_text is not None else None,
            "reference_last": ref_last,
            "versions": [{"replay_day": iso(recorded[v["commit"]])[:10] if v["commit"] in recorded else "?",
                          "label": v["label"],
                          "summary": v["summary"][:160]} for v in versions],
            "reference_days": ref_days,
        })
    return {"collection": args.collection, "days": len(runs_at), "from": iso(runs_at[0]), "to": iso(runs_at[-1]),
            "documents": rows}


def _print(results: dict[str, Any], args: argparse.Namespace, runs_at: list[int], elapsed: float) -> None:
    rows = results["documents"]
    width = max([len(r["document"]) for r in rows] + [8])
    print(f"\n{'document':<{width}}  tracker  ref  ref last    failed  similarity  labelled kinds")
    for r in rows:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(r["labels"].items(), key=lambda kv: -kv[1]))
        sim = "-" if r["similarity"] is None else f"{r['similarity']:.1f}"
        flag = " *" if r["tracker_versions"] > r["reference_versions"] else ""
        print(f"{r['document']:<{width}}  {r['tracker_versions']:>7}  {r['reference_versions']:>3}  "
              f"{r['reference_last']:<10}  {r['failed_checks']:>6}  {sim:>10}  {labels}{flag}")
        for error, count in r["failures"].items():
            print(f"{'':<{width}}    failed {count}x: {error}")
        if args.verbose:
            for v in r["versions"]:
                print(f"{'':<{width}}    {v['replay_day']}  {v['label']}: {v['summary'][:100]}")
            if r["reference_days"]:
                print(f"{'':<{width}}    reference versions recorded on {', '.join(r['reference_days'])}")
    total_t = sum(r["tracker_versions"] for r in rows)
    total_r = sum(r["reference_versions"] for r in rows)
    sims = [r["similarity"] for r in rows if r["similarity"] is not None]
    labels = Counter()
    for r in rows:
        labels.update(r["labels"])
    token_only = sum(r["token_only_versions"] for r in rows)
    failed = sum(r["failed_checks"] for r in rows)
    over = [r["document"] for r in rows if r["tracker_versions"] > r["reference_versions"]]
    median = statistics.median(sims) if sims else float("nan")
    print(f"\ntotal: {len(rows)} documents, {results['days']} daily runs ({results['from']} .. {results['to']} UTC), "
          f"{elapsed:.0f} s")
    print(f"  versions: tracker {total_t}, reference {total_r}")
    print("  tracker's labels: " + ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    print(f"  versions whose only change is a volatile link token: {token_only}")
    print(f"  failed checks: {failed}")
    print(f"  similarity of final texts (Markdown dialects folded): median {median:.2f}, min "
          f"{min(sims) if sims else float('nan'):.2f}")
    print("targets:")
    print(f"  tracker versions <= reference in total: {'met' if total_t <= total_r else 'NOT met'} "
          f"({total_t} <= {total_r})")
    print(f"  ... and for every document: {'met' if not over else 'NOT met for ' + '; '.join(over)}")
    print(f"  no version whose only change is a volatile token: {'met' if token_only == 0 else 'NOT met'}")
    print(f"  median similarity >= 99: {'met' if median >= 99 else 'NOT met'} ({median:.2f})")
    results["totals"] = {"tracker_versions": total_t, "reference_versions": total_r, "labels": dict(labels),
                         "token_only_versions": token_only, "failed_checks": failed, "median_similarity": median,
                         "documents_over_reference": over}


if __name__ == "__main__":
    sys.exit(main())

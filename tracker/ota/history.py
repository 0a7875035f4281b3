"""Import the history of a git repository of terms versions into the archive and the index.

Typical source: an Open Terms Archive *versions* repository (``<Service>/<Document Type>.md``, one
commit per recorded change), or any git-scraped repository of Markdown / HTML / text files laid out
as ``<service folder>/<document>.<ext>``. Every commit that changes a document becomes one version
of it in the archive, dated with the source commit's author date, and is analysed exactly as the
ordinary indexing path would (clause diff, labels, reverts: the same rows as ``record.sync``), so
history, diff and feeds cover the imported years exactly as they cover live changes.

Speed: the whole history is read in ONE ``git log --raw`` pass (blob ids come from the raw diff,
no tree is walked per commit), blobs through one persistent ``git cat-file --batch`` process, the
archive is written through ``Store.record`` (one ``git fast-import`` per batch) and each batch is
indexed from the texts in hand while the next one is read. What the history repeats is not done
again (see ``_Importer``): a blob seen before is not normalized again, a pair of texts analysed
before is not analysed again (reverts), a text the archive holds is not written again.

Incremental: the archive itself remembers what was imported. Every imported version's
``Final-URL`` trailer is ``git+<source>@<source commit>#<path>``; the next import starts after the
newest source commit found there (also cached in the index meta table as ``import:<source>``).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import partial
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator, Sequence
from urllib.parse import quote

from tracker.analysis.analyse import analyse, as_revert
from tracker.analysis.executor import map_large_blocks, trim_heap
from tracker.archive.index import Index
from tracker.analysis.restored import Settled, Window
from tracker.analysis.sameness import same_terms
from tracker.archive.record import (Pending, analyse_later, framed, load_window, pack_analysis, unpack_analysis,
                                   version_record)
from tracker.archive.store import Commit, NewVersion, Store, content_hash, iso, parse_commit
from tracker.errors import ExtractError, StoreError
from tracker.records import Analysis
from tracker.extract.convert import EXTRACTOR_VERSION, extract, normalize_markdown
from tracker.sources.config import validate_document_type, validate_id

BATCH = 500
TEXT_SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt"}
HTML_SUFFIXES = {".html": "html", ".htm": "html"}
_FILE_MODES = ("100644", "100755")
_ZERO = "0" * 40
META_PREFIX = "import:"


# --------------------------------------------------------------------------- naming


def slugify(name: str) -> str:
    """Service id from a folder name: ASCII, lowercase, runs of other characters become '-'.

    "npm Public Registry" -> "npm-public-registry", "Académie" -> "academie".
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9._-]+", "-", ascii_name.lower())
    slug = re.sub(r"\.{2,}", ".", slug).strip("-._")
    if len(slug) > 64:
        slug = slug[:57].rstrip("-._") + "-" + _short_hash(name)
    if not slug or validate_id(slug) is not None:
        slug = "service-" + _short_hash(name)
    return slug


def _short_hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:6]


class ServiceIds:
    """Folder name -> service id, stable across imports: a slug already used by another folder
    name (in this import or in the index) gets a short hash suffix."""

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.by_id: dict[str, str] = dict(known or {})  # id -> folder name
        self.by_name: dict[str, str] = {}
        for sid, name in self.by_id.items():
            self.by_name.setdefault(name, sid)

    def id_for(self, name: str) -> str:
        if name in self.by_name:
            return self.by_name[name]
        sid = slugify(name)
        if sid in self.by_id and self.by_id[sid] != name:
            sid = f"{sid[:57]}-{_short_hash(name)}"
        self.by_id[sid] = name
        self.by_name[name] = sid
        return sid


# --------------------------------------------------------------------------- reading git


@dataclass(frozen=True)
class FileChange:
    path: str
    blob: str  # new blob id; all zeros for a deletion
    status: str
    mode: str


@dataclass(frozen=True)
class SourceCommit:
    sha: str
    authored: int
    committed: int
    changes: tuple[FileChange, ...]

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.authored or self.committed, tz=timezone.utc)


def _git_env() -> dict[str, str]:
    return dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")


def _git(repo: Path, *args: str, check: bool = True) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, env=_git_env())
    except FileNotFoundError as exc:
        raise StoreError("git is not installed or not on PATH; install git") from exc
    if check and proc.returncode != 0:
        raise StoreError(f"git {args[0]} failed in {repo}: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout.decode("utf-8", "replace").strip()


def read_log(repo: Path, revs: Sequence[str]) -> Iterator[SourceCommit]:
    """Commits of ``revs`` (e.g. ``[tip, "^done"]``) parents first, with the blob ids they set,
    from one streamed git log (revisions go through stdin: thousands of exclusions are fine).

    ``-z`` keeps paths verbatim (no C quoting), ``--no-renames`` makes a rename a deletion plus an
    addition, ``--date-order`` never shows a commit before its parents, and a merge shows what it
    changed against its first parent (a merge that only brings in a side branch's texts already
    recorded is then dropped as unchanged).
    """
    args = ["git", "log", "--stdin", "--reverse", "--date-order", "-z", "--raw", "--no-abbrev",
            "--no-renames", "--diff-merges=first-parent", "--format=%x01%H %at %ct"]
    proc = subprocess.Popen(args, cwd=repo, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_git_env())
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdin.write("".join(f"{r}\n" for r in revs).encode())
    proc.stdin.close()
    header: tuple[str, int, int] | None = None
    changes: list[FileChange] = []
    pending_meta: str | None = None
    rest = b""
    try:
        while True:
            chunk = proc.stdout.read(1 << 16)
            if chunk:
                rest += chunk
                *tokens, rest = rest.split(b"\0")
            else:
                tokens, rest = ([rest] if rest else []), b""
            for raw in tokens:
                token = raw.decode("utf-8", "surrogateescape")
                if pending_meta is not None:
                    parts = pending_meta.split()
                    # ":<old mode> <new mode> <old blob> <new blob> <status>"
                    changes.append(FileChange(path=token, blob=parts[3], status=parts[4][:1], mode=parts[1]))
                    pending_meta = None
                    continue
                token = token.lstrip("\n")
                if token.startswith("\x01"):
                    if header is not None:
                        yield SourceCommit(header[0], header[1], header[2], tuple(changes))
                    sha, authored, committed = token[1:].split()
                    header, changes = (sha, int(authored), int(committed)), []
                elif token.startswith(":"):
                    pending_meta = token
            if not chunk:
                break
        if header is not None:
            yield SourceCommit(header[0], header[1], header[2], tuple(changes))
    finally:
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
        code = proc.wait()
    if code != 0:
        raise StoreError(f"git log failed in {repo}: {err}")


class BlobReader:
    """One persistent ``git cat-file --batch`` process: a blob per request, no process per blob."""

    def __init__(self, repo: Path) -> None:
        # Pack windows bounded: git maps the pack in windows it keeps (up to gigabytes), so over a
        # long import it came to hold the whole pack (72 MB resident over 10,000 commits of a 68 MB bundle;
        # 23 MB with a 24 MB limit, now 12 MB: a blob is read once, so fewer windows kept cost little).
        self.proc = subprocess.Popen(["git", "-c", "core.packedGitWindowSize=4m", "-c", "core.packedGitLimit=12m",
                                      "cat-file", "--batch"], cwd=repo, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=_git_env())

    def read(self, blob: str) -> bytes:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(blob.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode()
        parts = header.split()
        if len(parts) != 3:
            raise StoreError(f"git cat-file could not read blob {blob}: {header.strip() or 'no answer'}")
        size = int(parts[2])
        data = self.proc.stdout.read(size + 1)
        return data[:size]

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        if self.proc.stdout:
            self.proc.stdout.close()
        self.proc.wait()

    def __enter__(self) -> "BlobReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- importing


@dataclass
class ImportResult:
    source: str
    from_commit: str | None = None  # last source commit imported before this run
    to_commit: str | None = None  # source commit imported up to
    commits: int = 0  # source commits read
    versions: int = 0  # versions recorded in the archive
    indexed: int = 0
    unchanged: int = 0  # changes that normalize to the text already recorded
    # changes whose text differs from the one recorded but in no clause (spacing, Markdown dialect,
    # volatile link tokens: ``analysis.sameness.same_terms``, the rule a run applies): not versions
    no_clause_changed: int = 0
    unchanged_by_document: dict[str, int] = field(default_factory=dict)  # source path -> count of both kinds
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count of file changes
    warnings: list[str] = field(default_factory=list)
    seconds_read: float = 0.0
    seconds_record: float = 0.0
    seconds_index: float = 0.0
    # for a progress report while the import goes on (not part of ``to_dict``): what it is doing
    # ("reading", "recording", "analysing", ...), the commits it will read in all, and the
    # analysis parts of the batch in flight done of all
    stage: str = ""
    commits_total: int = 0
    parts: tuple[int, int] = (0, 0)
    # pairs of texts sent to the analyses so far, and how many of them are analysed: the
    # analyses of the last batches go on for minutes after every commit is read
    pairs_queued: int = 0
    pairs_analysed: int = 0

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k not in _PROGRESS_ONLY}


_PROGRESS_ONLY = ("stage", "commits_total", "parts", "pairs_queued", "pairs_analysed")


def source_id(repo: str | Path) -> str:
    """How a source repository is named in trailers and meta: an absolute path or a URL as given."""
    text = str(repo)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text) or re.match(r"^[\w.-]+@[\w.-]+:", text):
        return text.rstrip("/")
    return str(Path(text).resolve())


def _final_url(source: str, sha: str, path: str) -> str:
    return f"git+{source}@{sha}#{quote(path)}"


_FINAL_RE = re.compile(r"^git\+(?P<source>.+)@(?P<sha>[0-9a-f]{40,64})#")


def imported_commits(store: Store, source: str) -> list[str]:
    """Source commits of ``source`` already in the archive, in archive order (the archive is the
    truth: this survives a lost or rebuilt index)."""
    shas: dict[str, None] = {}
    for commit in store.commits():
        match = _FINAL_RE.match(commit.trailers.get("Final-URL", ""))
        if match and match.group("source") == source:
            shas[match.group("sha")] = None
    return list(shas)


def _missing_commits(repo: Path, shas: Sequence[str]) -> list[str]:
    """Which of ``shas`` the repository does not have (one ``git cat-file --batch-check``)."""
    if not shas:
        return []
    proc = subprocess.run(["git", "cat-file", "--batch-check"], cwd=repo, capture_output=True, env=_git_env(),
                          input="".join(f"{sha}\n" for sha in shas).encode())
    return [line.split()[0] for line in proc.stdout.decode().splitlines() if line.endswith(" missing")]


def split_path(path: str) -> tuple[str, str, str] | None:
    """(folder, document type, raw ext) of a trackable file, else None.

    ``<folder>/<name>.<ext>`` gives type ``<name>``; deeper files ``<folder>/<a>/<b>.md`` give
    ``a - b`` so that two files never share a type; files at the root are not documents.
    """
    parts = path.split("/")
    if len(parts) < 2 or any(p.startswith(".") for p in parts):
        return None
    stem, dot, ext = parts[-1].rpartition(".")
    ext = "." + ext.lower()
    if not dot or not stem:
        return None
    kind = TEXT_SUFFIXES.get(ext) or HTML_SUFFIXES.get(ext)
    if kind is None:
        return None
    doc_type = " - ".join([*parts[1:-1], stem])
    return parts[0], doc_type, kind


def import_history(
    store: Store,
    index: Index,
    repo: str | Path,
    *,
    rev: str = "HEAD",
    batch: int = BATCH,
    progress: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Import the commits of ``repo`` not imported yet; index them; return what was done.

    ``rev`` is the source revision to import up to; new versions are written ``batch`` at a time
    (a batch ends on a source-commit boundary). ``progress`` is called often (after every
    source commit read, at every stage, about every second while analyses run) with the result
    so far, ``result.stage`` naming what is going on; it should throttle itself. Raises
    ``StoreError`` when ``repo`` is no git repository, has no commit at ``rev``, or no longer
    holds commits imported before (a rewritten history), and when the archive cannot be written.
    """
    from tracker.archive.record import check_settings, sync

    check_settings()
    repo_path = _require_repository(repo)
    result = ImportResult(source=source_id(repo))
    store.init()
    tip = _git(repo_path, "rev-parse", "--verify", "-q", f"{rev}^{{commit}}", check=False)
    if not tip:
        raise StoreError(f"{repo} has no commit at {rev}; nothing to import")
    def report(stage: str) -> None:
        result.stage = stage
        if progress:
            progress(result)

    report("catching up the index")
    sync(store, index)  # the index must know every archived version before we dedupe against it
    report("finding the commits to import")
    start = _starting_point(store, index, repo_path, result.source, tip, rev)
    result.from_commit = start.previous
    if not start.up_to_date:
        result.commits_total = _count_commits(repo_path, [tip, *(f"^{sha}" for sha in start.exclude)])
        # large blocks (texts, pickles, packed analyses) on pages of their own, handed back
        # when freed: late in contrib-versions 20-28 MB stayed free but resident in the heaps
        map_large_blocks()
        importer = _Importer(store, index, result, batch, progress)
        # The full-text index is filled once at the end rather than row by row through its
        # triggers, unless the import is small beside what the index holds (refilling the
        # whole index would then cost more than the triggers).
        defer = result.commits_total >= index.version_count()
        with index.deferred_search(defer):
            read_started = time.perf_counter()
            importer.run(repo_path, [tip, *(f"^{sha}" for sha in start.exclude)])
            result.seconds_read = (time.perf_counter() - read_started - result.seconds_record
                                   - importer.seconds_index)
            index.set_meta(META_PREFIX + result.source, tip)
            index.commit()
            started = time.perf_counter()
            report("indexing")
            result.indexed = importer.indexed + sync(store, index)  # sync: nothing left, normally
            index.commit()
        result.seconds_index = importer.seconds_index + time.perf_counter() - started
    result.to_commit = tip
    return result


def _count_commits(repo: Path, revs: Sequence[str]) -> int:
    """How many commits ``read_log(repo, revs)`` will read (for a progress report); 0 if unknown."""
    try:
        out = subprocess.run(["git", "rev-list", "--count", "--stdin"], cwd=repo, input="\n".join(revs) + "\n",
                             capture_output=True, text=True, env=_git_env(), check=True).stdout
        return int(out.strip() or 0)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def _require_repository(repo: str | Path) -> Path:
    repo_path = Path(repo)
    if not (repo_path / ".git").exists() and not (repo_path / "HEAD").exists():
        raise StoreError(f"{repo} is not a git repository; clone it first (git clone URL DIR)")
    return repo_path


@dataclass(frozen=True)
class _Start:
    """Where an import starts: the last source commit imported before (None: none), whether
    ``tip`` is imported already, and the commits whose history to leave out."""

    previous: str | None
    up_to_date: bool
    exclude: tuple[str, ...] = ()


def _starting_point(store: Store, index: Index, repo: Path, source: str, tip: str, rev: str) -> _Start:
    """What of ``source`` is imported already. The archive is the truth (the ``Final-URL`` of
    every imported version); the index's meta only caches the tip of the previous import."""
    done = imported_commits(store, source) if store.exists() else []
    # The tip of the previous import; ignored when the archive holds nothing from this source
    # (a store rebuilt from scratch must import everything again).
    cached = index.get_meta(META_PREFIX + source) if done else None
    imported = [*done, *([cached] if cached else [])]
    _require_commits(repo, source, imported)
    previous = cached or (done[-1] if done else None)
    if cached == tip or tip in done:
        return _Start(previous, up_to_date=True)
    if cached and not _is_ancestor(repo, cached, tip):
        raise StoreError(
            f"the last imported commit {cached[:12]} of {source} is not in the history of {rev} "
            "(was the repository rewritten?); import it into a new store"
        )
    # Everything reachable from the previous tip, and every commit already in the archive (in
    # case the index and its meta were lost), is excluded.
    return _Start(previous, up_to_date=False, exclude=tuple(sorted(set(imported))))


def _require_commits(repo: Path, source: str, shas: Sequence[str]) -> None:
    """Refuse a source that lost commits imported before: its history was rewritten."""
    missing = _missing_commits(repo, shas)
    if missing:
        raise StoreError(
            f"{len(missing)} commit(s) of {source} imported earlier (e.g. {missing[0][:12]}) are no longer "
            "in the repository (was its history rewritten?); import it into a new store"
        )


class _Importer:
    """Turns source commits into new versions of the archive and the index, ``batch`` at a time.

    The history gives most of the work away, and the importer takes it (output unchanged):

    * a source blob seen before is not normalized again (its content hash is remembered; the
      text comes from a bounded cache, or is normalized again when it fell out of it);
    * a text or raw file the archive holds already (a revert) is referenced by its blob id in
      the ``git fast-import`` stream instead of being sent again;
    * the analysis of a pair of texts (old hash, new hash) done before is reused: the pair is
      analysed once as a "changed" version, a revert's analysis is derived from it
      (``analysis.analyse.as_revert``);
    * versions are analysed and indexed here, from the texts in hand (no second pass reading
      every text back from git), in one SQLite transaction per batch that also moves
      ``indexed_head``; the analyses of a batch run in the worker processes while the next batch
      is read and recorded;
    * the archive's work tree is brought up to date once, at the end.

    Nothing grows with the history but the per-document state (latest text, texts seen) and
    bounded caches, so the cost per commit stays flat.
    """

    # Normalized texts by hash (bytes): a revert's text is then not normalized again
    # (~1 ms each, on the coordinator, which mostly waits for the workers anyway).
    TEXT_CACHE_BYTES = 16 << 20
    # Analyses by (old hash, new hash), pickled and compressed, sized in bytes. Reuse is local: in the
    # contrib-versions history (41,754 changes, 28,049 distinct pairs of blobs) an LRU of 1,000
    # pairs already gets 13,665 of the 13,705 repeats (30,000 pairs: 13,705).
    PAIR_CACHE_BYTES = 8 << 20  # compressed: 1,000 analyses take ~2-5 MB, so the entry count binds
    PAIR_CACHE_ENTRIES = 1000
    # A batch also ends once its versions' texts and raw files weigh this much (bytes, as held in
    # memory): the coordinator holds about three batches' worth of texts at once (the one being
    # read, the one being analysed: its jobs, their pickles, its results), and later in a long
    # history the pages are 3-5x longer (contrib-versions: 500 versions were 8 MB of files in its
    # first tenth, up to 41 MB later), so a count alone let the coordinator's peak follow the
    # longest pages. The archive and the index are the same whatever the batches.
    BATCH_BYTES = 24 << 20
    # The texts the coordinator keeps per document (its latest text, and the recent versions its
    # window holds to judge clause-level reverts), in bytes, for the documents changed most
    # recently: beyond it, the texts of the documents changed longest ago are let go and read
    # back from the archive if the document ever changes again (contrib-versions: 877 documents,
    # 31 MB of latest files alone, several texts each in their windows, for the whole import).
    DOCUMENT_TEXT_BYTES = 32 << 20
    INDEX_CHUNK = 50  # versions whose index rows are built and written at a time

    def __init__(self, store: Store, index: Index, result: ImportResult, batch: int,
                 progress: Callable[[ImportResult], None] | None) -> None:
        self.store, self.index, self.result, self.batch, self.progress = store, index, result, batch, progress
        self.ids = ServiceIds(index.service_names())
        self.latest = index.latest_hashes()  # key -> hash of the latest recorded text
        self.dates: dict[str, dict[str, str]] = {}  # key -> {hash: first date}, loaded lazily
        self.pending: list[_Entry] = []
        self.pending_bytes = 0  # what the pending versions' texts and raw files weigh
        self.in_flight: _Batch | None = None
        self.indexed = 0
        self.seconds_index = 0.0
        # key -> {hash: fetched_at of the document's first version with it, by seq}: what the
        # index calls a revert and the date it restores (``record.prepare`` semantics)
        self.index_dates = index.text_dates()
        self.latest_text: dict[str, str] = {}  # key -> latest text (loaded from the archive lazily)
        # key -> what reads its latest text back from the archive (once written there)
        self.latest_read: dict[str, Callable[[], str]] = {}
        # documents whose texts are in hand -> the bytes they hold, least recently changed first
        self.in_hand: OrderedDict[str, int] = OrderedDict()
        self.in_hand_bytes = 0
        self.windows: dict[str, Window] = {}  # key -> its latest versions' lines (clause-level reverts)
        self.blob_hashes: dict[tuple[str, str], str | ExtractError | None] = {}  # (blob, kind) -> hash
        self.texts = _Lru(self.TEXT_CACHE_BYTES)  # content hash -> text
        # (old hash, new hash) -> Analysis as "changed"
        self.analyses = _Lru(self.PAIR_CACHE_BYTES, self.PAIR_CACHE_ENTRIES)
        self.submitted: dict[tuple[str, str], _Batch] = {}  # pairs being analysed -> their batch
        head = store.head()
        # blob ids are SHA-1 (40 hex digits) only in a SHA-1 archive: reuse them only there
        self.blobs: set[str] | None = set() if head is None or len(head) == 40 else None

    def run(self, repo: Path, revs: Sequence[str]) -> None:
        """Import every commit of ``revs`` (parents first), then write and index the last batch."""
        with BlobReader(repo) as blobs:
            for commit in read_log(repo, revs):
                self.result.commits += 1
                for change in commit.changes:
                    entry = self._version(commit, change, blobs)
                    if entry is not None:
                        self.pending.append(entry)
                        assert entry.version is not None
                        self.pending_bytes += sys.getsizeof(entry.version.text) + len(entry.version.raw)
                self._report("reading commits")
                # batches end on a source-commit boundary
                if len(self.pending) >= self.batch or self.pending_bytes >= self.BATCH_BYTES:
                    self._flush()
            self._flush()
        self._complete()
        if self.result.versions:
            self._report("checking out the archive")
            self.store.checkout()

    def _report(self, stage: str) -> None:
        self.result.stage = stage
        if self.progress:
            self.progress(self.result)

    def _version(self, commit: SourceCommit, change: FileChange, blobs: BlobReader) -> _Entry | None:
        """The new version a file change makes, or None (skipped, or the text recorded already)."""
        where = self._document(change)
        if where is None:
            return None
        folder, doc_type, kind = where
        service_id = self.ids.id_for(folder)
        key = f"{service_id}/{doc_type}"
        raw = blobs.read(change.blob)
        found = self._text(change.blob, raw, kind, f"{change.path} at {commit.sha[:12]}")
        if found is None:
            return None
        text, digest = found
        previous = self.latest.get(key)
        if previous == digest:
            self.result.unchanged += 1
            counts = self.result.unchanged_by_document
            counts[change.path] = counts.get(change.path, 0) + 1
            return None
        fetched_at = iso(commit.when)
        old_text = self._latest_text(key) if previous is not None else None
        if old_text is not None and same_terms(old_text, text):
            # what a run would not record either ("What is not a new version"): the archive keeps
            # the text it has, and the document's latest text stays that one
            self.result.no_clause_changed += 1
            counts = self.result.unchanged_by_document
            counts[change.path] = counts.get(change.path, 0) + 1
            return None
        version_kind, revert_of = self._kind(key, digest, fetched_at)
        seen = self.index_dates.setdefault(key, {})
        earlier = seen.get(digest, "")
        seen.setdefault(digest, fetched_at)
        self.latest_text[key] = text
        version = NewVersion(
            service_id=service_id,
            service_name=folder,
            document_type=doc_type,
            text=text,
            raw=raw,
            raw_ext=kind,
            source_url=f"git+{self.result.source}#{quote(change.path)}",
            final_url=_final_url(self.result.source, commit.sha, change.path),
            fetched_at=commit.when,
            http_status=None,
            content_type="text/html" if kind == "html" else "text/markdown",
            extractor_version=EXTRACTOR_VERSION,
            kind=version_kind,
            revert_of=revert_of,
        )
        # what the index records: "first" without an indexed text before, "revert" of the
        # document's first version with this text (by seq), else "changed"
        index_kind = "first" if old_text is None else ("revert" if earlier else "changed")
        window = self.windows.setdefault(key, Window())
        if index_kind == "changed" and not window.loaded:
            row = self.index.latest(key)
            if row is not None:
                load_window(self.store, self.index, key, row["path"], window)
            window.loaded = True
        settled = window.settle(digest, fetched_at, text, check=index_kind == "changed")
        # (the commit message keeps "changed" for a partial revert: git's kinds are exact)
        # (as ``record.settled_job`` settles it for the run and ``reanalyse``)
        revert_of = earlier if index_kind == "revert" else ""
        if settled.restored:
            index_kind, revert_of = "partial-revert", settled.base_at
        elif settled.base_text is not None and index_kind == "changed":
            # a near-restore of an earlier variant: analysed against it (``record.framed``)
            base = self.texts.get(settled.base_digest)
            return _Entry(version, key, settled.base_digest, digest,
                          base if isinstance(base, str) else settled.base_text(), index_kind, "", variant=settled)
        return _Entry(version, key, previous, digest, old_text, index_kind, revert_of)

    def _document(self, change: FileChange) -> tuple[str, str, str] | None:
        """(folder, document type, kind) of a change to a trackable file; None, counted as
        skipped with the reason, for anything else."""
        where = split_path(change.path)
        if where is None:
            self.result.skip("not a .md/.html/.txt file in a service folder")
        elif change.status == "D" or change.blob == _ZERO:
            self.result.skip("deleted")
        elif change.mode not in _FILE_MODES:
            self.result.skip("not a regular file")
        elif problem := validate_document_type(where[1]):
            self.result.skip("bad document name")
            _warn(self.result, f"{change.path}: document name {problem}")
        else:
            return where
        return None

    def _text(self, blob: str, raw: bytes, kind: str, where: str) -> tuple[str, str] | None:
        """(normalized text, its content hash) of a file's bytes; None (skipped as "no text")
        when there is none. A blob seen before is not normalized again while its text is cached."""
        known = self.blob_hashes.get((blob, kind), "")
        if isinstance(known, str) and known:
            text = self.texts.get(known)
            if text is not None:
                return text, known
        elif known is None or isinstance(known, ExtractError):
            self._no_text(known, where)
            return None
        try:
            text = normalize(raw, kind)
        except ExtractError as exc:
            self.blob_hashes[(blob, kind)] = exc
            self._no_text(exc, where)
            return None
        if not text.strip():
            self.blob_hashes[(blob, kind)] = None
            self._no_text(None, where)
            return None
        digest = content_hash(text)
        self.blob_hashes[(blob, kind)] = digest
        self.texts.put(digest, text, sys.getsizeof(text))  # bytes: 1, 2 or 4 per character
        return text, digest

    def _no_text(self, error: ExtractError | None, where: str) -> None:
        """Count a file change without text (and warn when extraction failed)."""
        self.result.skip("no text")
        if error is not None:
            _warn(self.result, f"{where}: {error}")

    def _latest_text(self, key: str) -> str | None:
        """The document's latest recorded text: in hand, or read back from the archive once
        (a document recorded before this import)."""
        text = self.latest_text.get(key)
        if text is None:
            digest = self.latest.get(key)
            text = self.texts.get(digest) if digest is not None else None
            if text is None and key in self.latest_read:  # let go (``_let_go``): read back
                text = self.latest_read[key]()
            if text is None:
                row = self.index.latest(key)
                if row is None:
                    return None
                text = self.store.read(row["latest_commit"], row["path"])
            self.latest_text[key] = text
        return text

    def _kind(self, key: str, digest: str, date: str) -> tuple[str, str]:
        """("first" | "changed" | "revert", date of the version a revert restores) for the commit
        message; remembers ``digest`` as the document's latest text, first seen at ``date``."""
        hashes = self._first_dates(key)
        if key not in self.latest:
            kind = ("first", "")
        elif digest in hashes:
            kind = ("revert", hashes[digest])
        else:
            kind = ("changed", "")
        hashes.setdefault(digest, date)
        self.latest[key] = digest
        return kind

    def _first_dates(self, key: str) -> dict[str, str]:
        """content hash -> date of the document's first version with it (one query per document)."""
        if key not in self.dates:
            self.dates[key] = self.index.first_dates(key)
        return self.dates[key]

    def _flush(self) -> None:
        """Write the pending versions to the archive (one ``git fast-import``), start their
        analyses, then index the batch before (its analyses ran meanwhile)."""
        if not self.pending:
            return
        entries, self.pending, self.pending_bytes = self.pending, [], 0
        self._report("recording")
        started = time.perf_counter()
        versions = [e.version for e in entries if e.version is not None]
        shas = self.store.record(versions, checkout=False, blobs=self.blobs)
        commits = [parse_commit(sha, version.message()) for sha, version in zip(shas, versions)]
        for entry, sha in zip((e for e in entries if e.version is not None), shas):
            assert entry.version is not None
            read = partial(self.store.read, sha, entry.version.path)
            window = self.windows.get(entry.key)
            if window is not None:  # its text can be read back from the archive now, if ever needed
                window.archived(entry.hash, iso(entry.version.fetched_at), read)
            self.latest_read[entry.key] = read  # (the batch's versions of a document are in order)
        self._let_go([entry.key for entry in entries])
        self.result.seconds_record += time.perf_counter() - started
        self.result.versions += len(entries)
        batch = self._analyse(entries, commits)
        self._complete()
        for pair, earlier in batch.uses.items():  # the batch just indexed: keep only the analyses used
            if isinstance(earlier, _Batch) and earlier.pending is None:
                batch.uses[pair] = earlier.results[pair]
        self.in_flight = batch
        self._report("reading commits")

    def _let_go(self, changed: list[str]) -> None:
        """Keep the texts of the documents changed most recently (``changed``: just now, in
        order) within ``DOCUMENT_TEXT_BYTES``; let go of the others', least recently changed
        first. Called once a batch is in the archive: every text let go can be read back from
        there (the same text, so the same versions and analyses)."""
        for key in list(dict.fromkeys(reversed(changed)))[::-1]:  # each at its last change
            self.in_hand_bytes += (held := self._held(key)) - self.in_hand.pop(key, 0)
            self.in_hand[key] = held
        while self.in_hand_bytes > self.DOCUMENT_TEXT_BYTES and len(self.in_hand) > 1:
            key, held = self.in_hand.popitem(last=False)
            self.in_hand_bytes -= held
            if key in self.latest_read:
                self.latest_text.pop(key, None)
            window = self.windows.get(key)
            if window is not None:
                # (restored.Window keeps its entries private; spill lets go only of a text the
                # archive holds, one it can read back)
                for entry in window._entries:
                    entry.spill()

    def _held(self, key: str) -> int:
        """Bytes of the texts held for document ``key``: its latest text and its window's."""
        texts = {id(t): t for t in [self.latest_text.get(key)] if t is not None}
        window = self.windows.get(key)
        if window is not None:
            for entry in window._entries:
                if isinstance(entry._text, str):
                    texts[id(entry._text)] = entry._text
        return sum(sys.getsizeof(text) for text in texts.values())

    def _analyse(self, entries: list[_Entry], commits: list[Commit]) -> _Batch:
        """Start the analyses a batch needs: one per pair of texts never analysed before."""
        jobs: list[tuple[str | None, str, str, str]] = []
        batch = _Batch(entries, commits)
        # A document's versions side by side: a worker splits each text once (the clause split
        # of a version's new text is the old text of its next version, see diff._split).
        for entry in sorted(entries, key=lambda e: e.key):
            assert entry.version is not None
            entry.length = len(entry.version.text)
            if entry.index_kind == "first" or entry.old_text is None or entry.old_hash is None:
                continue
            pair = (entry.old_hash, entry.hash)
            if pair in batch.uses:
                continue
            earlier = self.submitted.get(pair) or self._cached_analysis(pair)
            if earlier is not None:
                batch.uses[pair] = earlier  # reused: kept by the batch, whatever the cache forgets
                continue
            self.submitted[pair] = batch
            batch.pairs.append(pair)
            jobs.append((entry.old_text, entry.version.text, "changed", ""))
        batch.pending = _dispatch(jobs)
        self.result.parts = (0, len(batch.pending.running) or 1)
        self.result.pairs_queued += len(jobs)
        for entry in entries:  # the texts now travel with the jobs: drop the versions' bytes
            entry.old_text = entry.version = None
        return batch

    def _complete(self) -> None:
        """Index the batch in flight: its analyses (or those reused), one SQLite transaction."""
        batch, self.in_flight = self.in_flight, None
        if batch is None:
            return
        started = time.perf_counter()
        assert batch.pending is not None
        if self.progress:  # a batch's analyses can take minutes: say how far they are
            from concurrent.futures import wait

            total = self.result.parts[1]
            before = self.result.pairs_analysed  # the pairs of the batches indexed before
            while running := batch.pending.running:
                done = max(0, total - len(running))
                self.result.parts = (done, total)
                self.result.pairs_analysed = before + len(batch.pairs) * done // total
                self._report("analysing")
                wait(running, timeout=1.0)
                batch.pending.ready()  # raises when a cluster can no longer finish them
            self.result.parts = (total, total)
            self.result.pairs_analysed = before + len(batch.pairs)
            self._report("indexing")
        # packed by the workers (``record.pack_analysis``): a batch's analyses are held as bytes,
        # each unpacked only while its versions' rows are built (as objects, the ~100,000
        # clause changes of a batch of rewritten pages took most of the coordinator's peak)
        batch.results = {pair: result if isinstance(result, bytes) else pack_analysis(result)
                         for pair, result in zip(batch.pairs, batch.pending.result())}
        batch.pending = None
        for pair, packed in batch.results.items():
            self.submitted.pop(pair, None)
            self.analyses.put(pair, packed, len(packed))
        # written INDEX_CHUNK versions at a time, in the batch's one transaction (each chunk's
        # numbering reads the rows before it): the rows of a batch's clause changes at once took
        # tens of MB (a batch of rewritten pages has ~100,000 of them: ~60 MB of row dicts)
        items: list[tuple[dict[str, Any], Sequence[Any]]] = []
        for entry, commit in zip(batch.entries, batch.commits):
            result = self._analysis(entry, batch)
            items.append(version_record(commit, "", entry.index_kind, entry.revert_of, result))
            items[-1][0]["length"] = entry.length
            if len(items) >= self.INDEX_CHUNK:
                self.index.add_versions(items)
                self.indexed, items = self.indexed + len(items), []
        self.index.add_versions(items)
        self.index.set_meta("indexed_head", batch.commits[-1].sha)
        self.index.commit()
        self.indexed += len(items)
        batch.entries, batch.commits, batch.uses = [], [], {}  # only its results may still be asked for
        trim_heap()
        self.seconds_index += time.perf_counter() - started

    def _cached_analysis(self, pair: tuple[str, str]) -> bytes | None:
        """The analysis of ``pair`` done before (packed: ``record.pack_analysis``), if the cache
        still holds it. Kept packed (about a tenth of the objects' memory; unpacking one is
        ~0.1 ms): 1,000 analyses as objects were tens of MB of the coordinator."""
        packed: bytes | None = self.analyses.get(pair)
        return packed

    @staticmethod
    def _analysis(entry: _Entry, batch: _Batch) -> Analysis:
        """The analysis the index records for an entry of ``batch`` (whose analyses are done)."""
        if entry.index_kind == "first" or entry.old_hash is None:
            return analyse(None, "", kind="first")
        pair = (entry.old_hash, entry.hash)
        packed = batch.results.get(pair)
        if packed is None:
            earlier = batch.uses[pair]
            packed = earlier if isinstance(earlier, bytes) else earlier.results[pair]
        changed = unpack_analysis(packed)  # a new object per version: its rows are written, then dropped
        if entry.index_kind in ("revert", "partial-revert") and not changed.summary.startswith(_FAILED):
            return as_revert(changed, entry.revert_of, entry.index_kind)
        return framed(changed, entry.variant)


_FAILED = "Could not analyse this version"  # record._analyse_job's summary when analyse() raised


def _dispatch(jobs: list[tuple[str | None, str, str, str]]) -> Pending:
    """Start the analyses of a batch: in worker processes when there are enough of them. Each
    result is packed (``record.pack_analysis``); ``_complete`` also takes an ``Analysis``."""
    return analyse_later(jobs, packed=True)


def normalize(raw: bytes, kind: str) -> str:
    """The normalized text of a file's bytes: HTML extracted, Markdown and text normalized.
    Raises ``ExtractError`` (HTML without text)."""
    if kind == "html":
        return extract(raw, "text/html", url="")
    return normalize_markdown(raw.decode("utf-8", errors="replace"))


@dataclass
class _Entry:
    """A version on its way: recorded, then analysed, then indexed."""

    version: NewVersion | None  # dropped once written and sent to the analyses
    key: str
    old_hash: str | None  # the document's latest text before, None for its first version
    hash: str
    old_text: str | None
    index_kind: str  # "first" | "changed" | "revert" | "partial-revert", as the index records it
    revert_of: str
    length: int = 0
    variant: Settled | None = None  # the earlier variant ``old_hash`` is, not the previous version


@dataclass
class _Batch:
    """Versions written to the archive whose analyses are running."""

    entries: list[_Entry]
    commits: list[Commit]
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (old hash, new hash) of its jobs
    pending: Pending | None = None  # their analyses, running (packed by the workers)
    results: dict[tuple[str, str], bytes] = field(default_factory=dict)  # ... once done, packed
    # pairs analysed before (the analysis, packed) or in an earlier batch still running (that batch)
    uses: dict[tuple[str, str], "bytes | _Batch"] = field(default_factory=dict)


class _Lru:
    """A mapping that forgets its least recently used entries beyond a budget of sizes (and
    beyond ``entries`` entries)."""

    def __init__(self, budget: int, entries: int = 1 << 62) -> None:
        self.budget, self.size, self.entries = budget, 0, entries
        self.items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()

    def get(self, key: Hashable) -> Any:
        item = self.items.get(key)
        if item is None:
            return None
        self.items.move_to_end(key)
        return item[0]

    def put(self, key: Hashable, value: Any, size: int) -> None:
        if key in self.items:
            return
        self.items[key] = (value, size)
        self.size += size
        while (self.size > self.budget or len(self.items) > self.entries) and len(self.items) > 1:
            _, (_, dropped) = self.items.popitem(last=False)
            self.size -= dropped


def _is_ancestor(repo: Path, old: str, new: str) -> bool:
    proc = subprocess.run(["git", "merge-base", "--is-ancestor", old, new], cwd=repo,
                          capture_output=True, env=_git_env())
    return proc.returncode == 0


def _warn(result: ImportResult, message: str) -> None:
    if len(result.warnings) < 50:
        result.warnings.append(message)
    elif len(result.warnings) == 50:
        result.warnings.append("(further warnings not shown)")

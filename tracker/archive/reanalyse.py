"""Recompute the analysis of stored versions with the current analysis code (``tracker reanalyse``).

Every indexed version stores the ``analysis_version`` its labels were computed with
(``tracker.analysis.analyse.analysis_version``: a hand-bumped number plus a digest of the analysis
code and its model). ``reanalyse`` reads, from git, the texts of the versions whose stored value
differs from the current one and of the versions just before them, analyses each pair again
(through an executor: in place, the local process pool or a Dask cluster) and stores the clause
changes, labels, categories and summary, in place of the old ones. Exact reverts, dates and
sequence numbers stay: they depend on the texts' hashes, not on the analysis. A "changed" or
"partial-revert" version has its kind settled again against the versions before it
(``tracker.analysis.restored``), so an index built before that rule (or with other settings)
ends as a fresh import of the same history would.

Incremental: a second call with nothing new finds no version to redo. Safe to interrupt: each
batch of versions is written in one SQLite transaction together with its ``analysis_version``, so
a killed reanalyse leaves every version either old (redone next time) or new, never half.
Unlike ``reindex`` (which drops the index and rebuilds it from the archive), nothing else in
the index changes: the operational log of runs and checks stays.
"""

from __future__ import annotations

import re
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Sequence

from tracker.analysis.analyse import analysis_version
from tracker.analysis.executor import Executor, Pending
from tracker.analysis.restored import NOT_SETTLED, WINDOW_VERSIONS, Settled, Window
from tracker.archive.index import Index
from tracker.archive.record import _analyse_chunk, framed, settled_job, sync
from tracker.archive.store import Store
from tracker.errors import InvalidArgument, NotFoundError
from tracker.records import Analysis

BATCH = 200  # versions per SQLite transaction (and per call to the executor)
IN_FLIGHT = 2  # batches analysed at once: the workers keep busy while the coordinator writes

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?Z?)?$")


@dataclass
class ReanalyseResult:
    """What a reanalyse did: versions considered (``versions``, those whose analysis was out of
    date or all with ``force``), recomputed and written (``done``), whose labels changed
    (``labels_changed``: material flag, severity, categories or any clause's kind or labels),
    whose wording only changed (``wording_changed``: summary or explanations), and the seconds."""

    analysis_version: str
    versions: int = 0
    done: int = 0
    labels_changed: int = 0
    wording_changed: int = 0
    seconds: float = 0.0
    executor: str = ""
    changed: list[str] = field(default_factory=list)  # commit shas whose labels changed (first 1000)

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "executor": self.executor or None}  # none is null in JSON


def reanalyse(store: Store, index: Index, *, service: str | None = None, document: str | None = None,
              since: str | None = None, force: bool = False, executor: Executor | None = None,
              progress: Callable[[ReanalyseResult], None] | None = None,
              starting: Callable[[ReanalyseResult], None] | None = None) -> ReanalyseResult:
    """Recompute the analysis of the stored versions (filtered by ``service`` id, ``document``
    type, ``since`` an ISO date) whose analysis is out of date, or of all of them with ``force``.

    The index first catches up with the archive (``sync``). ``executor`` runs the analyses
    (default: ``tracker.analysis.executor.current()``); ``progress`` is called after each batch
    is written; ``starting`` once before the first batch, only when there is one (the result then
    holds the number of versions to do). Raises ``InvalidArgument`` for a malformed or impossible ``since``,
    ``NotFoundError`` for a ``service`` or ``document`` the archive does not hold, ``StoreError``
    when the archive or the index cannot be read or written, ``ConfigError`` from a Dask cluster whose
    workers run other analysis code.
    """
    from tracker.analysis import executor as executors

    if since is not None and not _is_date(since.strip()):
        raise InvalidArgument(f"--since {since!r} is not a date: give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)")
    started = time.perf_counter()
    executor = executor or executors.current()
    sync(store, index, executor)
    service, document = _require(index, service, document)
    current = analysis_version()
    targets = index.analysis_targets(current, service=service, document=document,
                                     since=since.strip() if since else None, force=force)
    # what will run where: each batch's real analyses (a first version has nothing to compare)
    real = [sum(1 for row in targets[start:start + BATCH] if row["previous"] and row["kind"] != "first")
            for start in range(0, len(targets), BATCH)]
    result = ReanalyseResult(current, executor=executor.where(real))
    result.versions = len(targets)
    if targets and starting is not None:
        starting(result)
    in_flight: deque[tuple[list[dict[str, Any]], Pending[Analysis]]] = deque()
    for start in range(0, len(targets), BATCH):
        batch = targets[start:start + BATCH]
        in_flight.append((batch, _start(store, index, batch, executor)))
        while len(in_flight) >= IN_FLIGHT:
            _write(index, *in_flight.popleft(), result, current, started, progress)
    while in_flight:
        _write(index, *in_flight.popleft(), result, current, started, progress)
    result.seconds = time.perf_counter() - started
    return result


def _is_date(value: str) -> bool:
    """A real calendar date or date-time in the shapes ``_DATE`` accepts (2025-02-30 is refused)."""
    if not _DATE.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return False
    return True


def _require(index: Index, service: str | None, document: str | None) -> tuple[str | None, str | None]:
    """Raise NotFoundError when the filters name a service or document the archive does not hold;
    return the service id and the document type as the index spells them (matched in any case
    and without accents, ``tracker.names.matching``; None for a filter not given)."""
    from tracker import names as naming

    docs = index.documents()
    if service is not None:
        ids = sorted({d["service_id"] for d in docs})
        found_ids = naming.matching(service, ids)
        if len(found_ids) != 1:
            raise NotFoundError(f"no service {service!r} in this archive; {naming.known_names(service, ids)}")
        service = found_ids[0]
    if document is None:
        return service, None
    types = sorted({d["type"] for d in docs if service in (None, d["service_id"])})
    found = naming.matching(document, types)
    if not found:
        raise NotFoundError(f"no document {document!r} in this archive; {naming.known_names(document, types, quote=True)}")
    return service, found[0]  # several only for names differing by case alone: the index matches those in any case


def _start(store: Store, index: Index, batch: Sequence[dict[str, Any]], executor: Executor) -> Pending[Analysis]:
    """Read the batch's texts (one git process), settle its "changed" / "partial-revert" kinds
    again (``_settle``) and start its analyses."""
    wanted: dict[str, tuple[str, str]] = {}
    windows: dict[str, list[tuple[str, str, str]]] = {}  # commit -> versions before it
    for row in batch:
        path = f"{row['service_id']}/{row['document_type']}.md"
        wanted[row["commit_sha"]] = (row["commit_sha"], path)
        if row["previous"] and row["kind"] != "first":
            wanted[row["previous"]] = (row["previous"], path)
        if row["kind"] in _SETTLED:
            windows[row["commit_sha"]] = index.versions_before(row["document_key"], row["seq"], WINDOW_VERSIONS + 1)
            for sha, _, _ in windows[row["commit_sha"]]:
                wanted[sha] = (sha, path)
    texts = dict(zip(wanted, store.read_many(list(wanted.values()))))
    jobs = []
    for row in batch:
        old = texts[row["previous"]] if row["previous"] and row["kind"] != "first" else None
        settled, revert_of = NOT_SETTLED, row["revert_of"] or ""
        if row["kind"] in _SETTLED:  # settled again from scratch
            settled = _settle(windows[row["commit_sha"]], texts, row, texts[row["commit_sha"]])
            row["kind"], revert_of = "changed", ""
        job, row["variant"] = settled_job(old, texts[row["commit_sha"]], row["kind"], revert_of, settled)
        row["kind"], row["revert_of"] = job[2], job[3]
        jobs.append(job)
    real = sum(1 for old, _, kind, _ in jobs if old is not None and kind != "first")
    return executor.start(_analyse_chunk, jobs, real)


_SETTLED = ("changed", "partial-revert")


def _settle(before: list[tuple[str, str, str]], texts: dict[str, str], row: dict[str, Any], text: str) -> Settled:
    """What a version that is not an exact revert is ("partial-revert" or "changed", compared with
    the previous version or with an earlier variant: ``Window.settle``), judged as the run and the
    import judge it: against the versions before it (commit, content hash, fetched_at)."""
    window = Window()
    window.load((digest, fetched_at, texts[sha]) for sha, digest, fetched_at in before)
    return window.settle("", row["fetched_at"], text, check=True)


def _write(index: Index, batch: list[dict[str, Any]], pending: Pending[Analysis], result: ReanalyseResult,
           current: str, started: float, progress: Callable[[ReanalyseResult], None] | None) -> None:
    """Store one batch's new analyses in one transaction; count what changed."""
    analyses = [framed(a, row.get("variant")) for row, a in zip(batch, pending.result())]
    for row, new in zip(batch, analyses):
        old = index.stored_analysis(row["commit_sha"])
        if old is None or _labels(old) != _labels(new):
            result.labels_changed += 1
            if len(result.changed) < 1000:
                result.changed.append(row["commit_sha"])
        elif _wording(old) != _wording(new):
            result.wording_changed += 1
    index.replace_analyses([(row["commit_sha"], row["document_key"], a) for row, a in zip(batch, analyses)], current)
    index.set_kinds([(row["commit_sha"], row["kind"], row["revert_of"] or "") for row in batch if row["kind"] in _SETTLED])
    index.commit()
    result.done += len(batch)
    result.seconds = time.perf_counter() - started
    if progress:
        progress(result)


def _labels(analysis: Analysis) -> tuple[Any, ...]:
    """What a version's labels are: its material flag, severity and categories, and each clause
    change's kind, clause and labels."""
    return (analysis.material, analysis.severity, tuple(analysis.categories),
            tuple((c.kind, c.clause_id, c.material, c.severity, tuple(c.categories)) for c in analysis.changes))


def _wording(analysis: Analysis) -> tuple[Any, ...]:
    """What a version's words are: its summary, and each clause change's explanation and texts."""
    return (analysis.summary, tuple((c.explanation, c.before, c.after, c.heading) for c in analysis.changes))

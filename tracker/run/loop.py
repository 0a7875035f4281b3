"""One snapshot run: schedule and fetch every document, let ``decide`` judge each page, record what is new.

The loop itself decides nothing. It loads what the index knows about every document once
(``load_states``), fetches them concurrently (``fetch_all``), asks ``decide`` what each fetch
means, writes down the small facts a decision carries (gone/back events, counters of unrecorded
texts, validators), hands new versions to the archive's ``Recorder`` in batches, and publishes
run events (``tracker.run.events``) to its subscribers.

A page whose text would be a new version (or a variant it was seen blinking to) is fetched a
second time at once, and ``settle`` decides with both fetches: a page that gives the latest text
back is blinking between variants and records nothing. Only changed pages pay that request.

The unchanged case is the common one and costs one hash comparison against the state loaded at
start: no git process, no analysis; when the server keeps ETag / Last-Modified it costs a 304
and not even a body. New versions are committed in batches (one ``git fast-import`` per batch)
and only then indexed, so a crash can at worst leave commits the index has not seen yet, which
the next run's ``sync`` picks up. Bodies are processed as they arrive and only those of new
versions are kept, until their batch is committed, so memory does not grow with the run.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterable, Sequence

from tracker.archive import Index
from tracker.archive import record
from tracker.archive.record import Recorded, Recorder, check_settings, sync
from tracker.archive.store import NewVersion, Store, iso
from tracker.fetch import Again, FetchOptions, Fetched, Validators, fetch_all
import tracker.run.pauses as pauses
from tracker.run.decide import Decision, DocumentState, decide, fingerprint, settle
from tracker.run.events import DocumentChecked, RunEvents, RunFinished, RunStarted, RunSubscriber, VersionRecorded
from tracker.run.latest import LatestTexts
from tracker.run.result import CheckOutcome, RunResult
from tracker.run.state import load_states
from tracker.sources.config import Document

BATCH_SIZE = 50  # new versions per git fast-import (read at run time: tests lower it)
# seconds a new version may wait for its batch to fill while the fetching goes on (a slow or hanging
# host): then the batch is handed over as it is, so the version is committed, indexed and reported
# without waiting for the slowest host, and a Ctrl-C later does not cost it (read at run time)
HAND_OVER_AFTER = 5.0

Outcome = CheckOutcome  # its name before outcomes were typed


def run_snapshot(
    store: Store,
    documents: Sequence[Document],
    options: FetchOptions = FetchOptions(),
    *,
    confirm: int = 1,
    subscribers: Iterable[RunSubscriber] = (),
) -> RunResult:
    """Snapshot ``documents`` once into ``store``; never raises for a single document's failure.

    ``confirm`` (or a document's own ``confirm`` setting, whichever is larger) is the number of
    consecutive runs a new text must be seen in before it is recorded: flaky pages that blink
    between variants then never reach the archive or the feeds. ``subscribers`` get the run's
    events (``tracker.run.events``). Raises ``StoreError`` when the archive or the index cannot
    be read or written, ``ConfigError`` for a bad ``TRACKER_WORKERS``.
    """
    check_settings()
    store.init()
    _check_archive(store)
    events = RunEvents(subscribers)
    with Index(store.index_path) as index:
        sync(store, index)
        run = _Run(store, index, documents, confirm, events)
        try:
            asyncio.run(run.fetch_and_record(options))
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: leave a clean checkout and the run's record
            run.stopped()
            raise
        result = run.finish()
    events.publish(RunFinished(result))
    return result


def _check_archive(store: Store) -> None:
    """Refuse to run on an archive git cannot read: the index sync would otherwise take the damaged
    archive for an empty one and drop what it knows."""
    store.check_readable()


class _Run:
    """One run in progress: the documents' states at the start, the decisions carried out so far,
    the new versions on their way to the archive."""

    def __init__(self, store: Store, index: Index, documents: Sequence[Document], confirm: int,
                 events: RunEvents) -> None:
        self.store, self.index, self.documents, self.confirm, self.events = store, index, documents, confirm, events
        started = datetime.now(timezone.utc)
        self.result = RunResult(index.start_run(iso(started)), started)
        self.states = load_states(store, index, documents)
        self.recorder: Recorder[Decision] = Recorder(store, index, self._recorded)
        self.batch: list[tuple[NewVersion, Decision]] = []  # new versions not handed to the recorder yet
        self.batch_since = 0.0  # time.monotonic() when the batch got its first version
        self.checked = 0  # decisions carried out so far
        self.changed = 0  # of which changed or reverted versions
        self.confirmed: list[dict[str, Any]] = []  # cache rows of texts confirmed unchanged in this run
        # document key -> settings fingerprint its latest text was extracted with, not written yet
        # (written together, before each batch is handed over and at the end: one statement, not 300)
        self.settings: dict[str, str] = {}
        self.latest: LatestTexts | None = None  # set while fetching
        events.publish(RunStarted(self.result.run_id, len(documents)))

    async def fetch_and_record(self, options: FetchOptions) -> None:
        """Fetch every document, carry out each decision as its page arrives, then wait until
        every new version is committed and indexed."""
        latest = self.latest = LatestTexts(self.store, self.index)  # read only for texts whose hash changed
        again = Again()
        now = datetime.now(timezone.utc)
        paused = pauses.load(self.store.root)
        documents = []
        for doc in self.documents:
            # an address whose server asked for a pause (429/503 and Retry-After) waits until then
            urls = [part.url for part in getattr(doc, "parts", ())] or [doc.url]
            until = max((paused[url] for url in urls if url in paused and paused[url] > now), default=None)
            if until is None:
                documents.append(doc)
                continue
            url = next(url for url in urls if paused.get(url) == until)
            skipped = Fetched(doc, doc.url, doc.url, None, "", b"", now, 0.0,
                              skipped=pauses.skip_reason(url, until))
            self._carry_out(decide(skipped, self.states.get(doc.key, DocumentState()), confirm=self.confirm))
        stale = asyncio.ensure_future(self._hand_over_stale())
        try:
            await self._fetch_all(fetch_all(documents, options, self._validators(), again), again, paused,
                                  options.max_retry_after)
        except BaseException:
            self.recorder.abandon()  # the versions not handed over are not recorded: git must not write them
            raise
        finally:
            stale.cancel()
        latest.close()
        pauses.save(self.store.root, paused, datetime.now(timezone.utc))
        self._hand_over()  # (git commits the last batch in its thread meanwhile)
        self.recorder.help_early()
        self.recorder.drain()
        self.store.checkout_if_stale()  # (drain did it, in the git thread; else a tree a killed run left behind)
        self.index.set_http_cache(self.confirmed)

    async def _fetch_all(self, fetches: "AsyncIterator[Fetched]", again: Again, paused: dict[str, datetime],
                         budget: float) -> None:
        """Carry out the decision on each page as it arrives (a changed page's second fetch settles it)."""
        latest = self.latest
        assert latest is not None
        waiting: dict[str, Decision] = {}  # document key -> its decision, until the page is fetched again
        async for fetched in fetches:
            self.recorder.poll()
            for url in pauses.addresses(fetched):
                paused.pop(url, None)  # fetched again: its pause, if any, is over
            if asked := pauses.asked(fetched):
                paused.update(asked)
                until = max(asked.values())
                if pauses.beyond_run(fetched, budget):  # not waited out: skipped now, a later run asks again
                    fetched = replace(fetched, error=None, skipped=pauses.skip_now_reason(fetched, until))
                else:
                    fetched = replace(fetched, error=f"{fetched.error}{pauses.pause_note(until)}")
            state = self.states.get(fetched.document.key, DocumentState())
            doc = fetched.document

            def latest_text() -> str | None:
                return latest.read.get(doc.key) or latest.text(doc)

            first = waiting.pop(doc.key, None)
            if first is not None:  # the second fetch of a page whose text changed
                self._carry_out(settle(first, fetched, state, latest_text))
                continue
            decision = decide(fetched, state, confirm=self.confirm, latest_text=latest_text)
            if decision.recheck is not None:
                # A new text, or a variant the page was seen blinking to: fetched again at once, so
                # a page that alternates between texts from request to request records nothing.
                waiting[doc.key] = decision
                again.ask(doc)
                self._analyse_soon(decision)
                continue
            self._carry_out(decision)

    async def _hand_over_stale(self) -> None:
        """While the fetching goes on, hand over a batch whose first version has waited
        ``HAND_OVER_AFTER`` seconds, and move recorded batches on (``Recorder.poll``), so one slow
        host does not hold back the versions of every other document until the run's end."""
        while True:
            await asyncio.sleep(min(1.0, HAND_OVER_AFTER / 2))
            self.recorder.poll()
            if self.batch and time.monotonic() - self.batch_since >= HAND_OVER_AFTER:
                self._hand_over()

    def _validators(self) -> dict[str, Validators]:
        """Validators to send (conditional requests), for the documents whose cache we trust."""
        found = {doc.key: self.states[doc.key].validators(fingerprint(doc)) for doc in self.documents}
        return {key: v for key, v in found.items() if v is not None}

    def _few_changes(self) -> bool:
        """Does the run, at the rate of changes seen so far, look like it will change fewer
        documents than a batch sends to the worker processes? Only then are changes analysed
        early, in the recorder's one early worker (see ``record._early_analyser``): a run with
        many changes leaves them to the pool of workers."""
        return self.changed * len(self.documents) < record.PARALLEL_MIN * self.checked  # read at run time: tests lower it

    def _analyse_soon(self, decision: Decision) -> None:
        """Start the analysis of a new text that waits for its page's second fetch (``settle``):
        the second fetch queues behind the run's other requests to the host, so waiting for it
        would leave the analysis worker idle until the end of the fetching. Two fetches almost
        always agree, and then the version recorded is this one, from the same texts, and uses
        this analysis (``Recorder.analyse_early``); a page found blinking records nothing, and
        its analysis is ignored."""
        version = decision.version
        previous = self.latest.read.get(decision.check.key) if self.latest is not None else None
        if version is None or version.kind == "first" or previous is None:
            return
        # counted as if carried out now (``_carry_out`` counts it again, for real)
        if (self.changed + 1) * len(self.documents) < record.PARALLEL_MIN * (self.checked + 1):
            self.recorder.analyse_early(decision.check.key, previous, version.text, version.kind,
                                        version.revert_of)

    def _carry_out(self, decision: Decision) -> None:
        self.checked += 1
        self._write_down(decision)
        # The latest text, if ``decide`` read it to compare clauses (and dropped here either way,
        # so texts do not pile up over the run): a new version's analysis needs it too and need
        # not read it from git again; it stays the latest indexed text until this one is recorded.
        replaced = self.latest.read.pop(decision.check.key, None) if self.latest is not None else None
        if decision.version is None:
            if decision.cache is not None:
                self.confirmed.append(decision.cache.row(decision.check.key))
            self._report(decision.check)
            return
        if replaced is not None:
            self.recorder.previous.setdefault(decision.check.key, replaced)
            version = decision.version
            if version.kind != "first":
                self.changed += 1
                if self._few_changes():  # analysed while the run goes on fetching
                    self.recorder.analyse_early(decision.check.key, replaced, version.text, version.kind,
                                                version.revert_of)
        if not self.batch:
            self.batch_since = time.monotonic()
        self.batch.append((decision.version, decision))
        self.recorder.stage(decision.version)  # (git writes it while the run goes on)
        if len(self.batch) >= BATCH_SIZE:
            self._hand_over()

    def _write_down(self, decision: Decision) -> None:
        """The index facts a decision carries (in the run's transaction, committed with the next batch)."""
        key = decision.check.key
        if decision.event is not None:
            self.index.add_event(key, decision.event.event, decision.event.at, decision.event.detail,
                                 self.result.run_id)
        if decision.sighting is not None:
            sighting = decision.sighting
            self.index.set_pending(key, sighting.content_hash, sighting.seen, sighting.at)
        if decision.forget_sighting:
            self.index.clear_pending(key)
        if decision.blink is not None:
            self.index.set_blink(key, decision.blink.variants, decision.blink.absent,
                                 iso(datetime.now(timezone.utc)))
        elif decision.forget_blink:
            self.index.clear_blink(key)
        if decision.extracted_with is not None:
            self.settings[key] = decision.extracted_with

    def _hand_over(self) -> None:
        """Hand the collected new versions to the recorder as one batch (with the settings facts
        collected so far, so that they are in the index transaction that records it)."""
        settings, self.settings = self.settings, {}
        self.index.set_fetch_settings_many(settings)
        batch, self.batch = self.batch, []
        self.recorder.record(batch)

    def _recorded(self, recorded: list[Recorded[Decision]]) -> None:
        """A batch is committed and indexed: report its versions, remember their validators."""
        for item in recorded:
            outcome = replace(item.tag.check, commit=item.commit, summary=item.summary)
            self.events.publish(VersionRecorded(outcome))
            self._report(outcome)
        self.index.set_http_cache(item.tag.cache.row(item.tag.check.key) for item in recorded
                                  if item.tag.cache is not None)

    def _report(self, outcome: CheckOutcome) -> None:
        self.result.outcomes.append(outcome)
        self.events.publish(DocumentChecked(outcome))

    def stopped(self) -> None:
        """The run was stopped (Ctrl-C, SIGTERM): bring the archive's work tree to the branch's
        head (git may have committed versions whose checkout was left for the run's end; waited for
        at most ``STOP_CHECKOUT_WAIT`` seconds), and write the run's record: the checks of the
        documents whose outcome was final (the versions recorded and indexed among them; not the
        held or pending ones, whose counters the stop rolled back), the counts, and the run's id
        in ``stopped_runs`` when it recorded versions, which no ``RunFinished`` will announce. Whatever the stop cut short in the index's open transaction
        (half an index write, held texts' counters) is rolled back first: only what was committed
        is kept. Never raises: the stop goes on either way."""
        try:
            self.index.rollback()
        except Exception:  # noqa: BLE001 - the stop must go on
            pass
        git = self.recorder.git
        try:
            if git is not None:  # after what git still has to write (or abort) for this run
                git.submit(self.store.checkout_if_stale).result(timeout=STOP_CHECKOUT_WAIT)
                git.shutdown(wait=False)
            else:
                self.store.checkout_if_stale()
        except BaseException:  # noqa: BLE001 - a slow or failing checkout: the next run does it
            pass
        self._index_committed()
        try:
            result = self.result
            result.finished_at = datetime.now(timezone.utc)
            checked_at = iso(result.finished_at)
            # (not the held and pending ones: their counters were in the transaction rolled back,
            # and a check saying "held" would count a run the counter does not)
            self.index.add_checks(_check_row(result.run_id, checked_at, o) for o in result.outcomes
                                  if o.outcome not in ("held", "pending"))
            self.index.finish_run(result.run_id, checked_at, result.counts)
            if any(o.commit for o in result.outcomes):
                import json

                ids = stopped_runs(self.index)
                self.index.set_meta(STOPPED_RUNS, json.dumps(sorted({*ids, result.run_id})))
                self.index.commit()
        except BaseException:  # noqa: BLE001 - the stop goes on; the versions are recorded either way
            pass

    def _index_committed(self) -> None:
        """After a stop: index the versions git committed that the stop kept out of the index (the
        stop fell between a batch's commit and its index write), in this process (the workers got
        the same signal), and count them as this run's: its record then names them, so the next
        run notifies them (``stopped_runs``) and ``notify --run N`` finds them. Without it the next
        run's ``sync`` indexed them silently and no target ever heard of them. Never raises."""
        from tracker.analysis.executor import InProcess

        try:
            known = {o.commit for o in self.result.outcomes if o.commit}
            before = self.index.get_meta("indexed_head")
            if self.store.head() in (None, before):
                return
            shas = [c.sha for c in self.store.commits(since=before)]
            sync(self.store, self.index, InProcess())
            for version in self.index.versions_by_commit([sha for sha in shas if sha not in known]):
                outcome = CheckOutcome(key=version.document_key, outcome="changed", commit=version.commit_sha,
                                       summary=version.summary)
                self.result.outcomes.append(outcome)
                self.events.publish(VersionRecorded(outcome))  # (the stop line names it)
        except BaseException:  # noqa: BLE001 - the stop goes on; the next run's sync indexes them
            pass

    def finish(self) -> RunResult:
        """Log every document's check and the run's counts in the index; the finished result."""
        result = self.result
        result.finished_at = datetime.now(timezone.utc)
        checked_at = iso(result.finished_at)
        # declared names of the services checked, for those no recorded version has named yet
        self.index.name_services({d.service_id: d.service_name for d in self.documents})
        self.index.add_checks(_check_row(result.run_id, checked_at, o) for o in result.outcomes)
        self.index.finish_run(result.run_id, checked_at, result.counts)
        return result


# seconds a stopped run waits for git to finish what it was writing before it brings the work tree
# to HEAD: a stop stays prompt (a tree left behind is brought up to date by the next run)
STOP_CHECKOUT_WAIT = 10.0
STOPPED_RUNS = "stopped_runs"  # index meta: ids of runs stopped after recording versions (JSON list)


def stopped_runs(index: Index) -> list[int]:
    """Ids of runs stopped (Ctrl-C, SIGTERM) after they recorded versions whose run never
    finished: their versions were not notified (``NotifyAfterRun`` sends them after the next run,
    and clears the list with ``forget_stopped_runs``)."""
    import json

    try:
        ids = json.loads(index.get_meta(STOPPED_RUNS) or "[]")
    except ValueError:
        return []
    return [int(i) for i in ids if isinstance(i, int)]


def forget_stopped_runs(index: Index, run_ids: Iterable[int]) -> None:
    """Take ``run_ids`` off ``stopped_runs`` (their versions were handed to the notifier). Commits."""
    import json

    done = set(run_ids)
    left = [i for i in stopped_runs(index) if i not in done]
    index.set_meta(STOPPED_RUNS, json.dumps(left))
    index.commit()


def _check_row(run_id: int, checked_at: str, o: CheckOutcome) -> dict[str, Any]:
    """The index's ``checks`` row of one outcome (a held or skipped document's reason is its error)."""
    return {
        "run_id": run_id,
        "document_key": o.key,
        "checked_at": checked_at,
        "outcome": o.outcome,
        "http_status": o.http_status,
        "error": o.error or (o.summary if o.outcome in ("skipped", "held") else None),
        "duration_ms": int(o.duration * 1000),
        "commit_sha": o.commit,
    }

"""Run events: what a run tells the outside while it goes on.

``run_snapshot`` publishes, in this order:

* ``RunStarted`` once, before anything is fetched;
* per document, ``DocumentChecked`` with its outcome, as soon as it is final: at once for
  unchanged, failed, skipped, held and pending documents, and for a new version once it is
  committed and indexed, right after a ``VersionRecorded`` for it;
* ``RunFinished`` once, after the run is written to the index (not when the run fails with an
  archive error: the exception says so).

Subscribers are callables taking one event (``RunSubscriber``): the command line's progress
bar and line printer, the notifications after a run. They are called in the run's thread, in
the order given, and must not raise (an exception stops the run like any other error).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from tracker.run.result import CheckOutcome, RunResult


@dataclass(frozen=True)
class RunStarted:
    """A run is about to fetch ``documents`` documents; its id in the index is ``run_id``."""

    run_id: int
    documents: int


@dataclass(frozen=True)
class DocumentChecked:
    """One document's final outcome in this run (every document gets exactly one)."""

    outcome: CheckOutcome


@dataclass(frozen=True)
class VersionRecorded:
    """A new version is committed and indexed: ``outcome`` ("new", "changed" or "revert")
    carries its commit and summary."""

    outcome: CheckOutcome


@dataclass(frozen=True)
class RunFinished:
    """The run is over and written to the index."""

    result: RunResult


RunEvent = RunStarted | DocumentChecked | VersionRecorded | RunFinished


class RunSubscriber(Protocol):
    """Anything called with each run event."""

    def __call__(self, event: RunEvent) -> None: ...


class RunEvents:
    """Hands each event to every subscriber, in the order they were given."""

    def __init__(self, subscribers: Iterable[RunSubscriber] = ()) -> None:
        self.subscribers = tuple(subscribers)

    def publish(self, event: RunEvent) -> None:
        for subscriber in self.subscribers:
            subscriber(event)

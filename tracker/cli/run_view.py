"""What ``tracker run`` shows while a run goes on: run subscribers (``tracker.run.events``).

``RunLines`` prints one line per document; ``RunProgress`` draws a progress bar on stderr (a
terminal) and prints only the noteworthy outcomes above it. ``run_display`` picks one.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Iterator

import click

from tracker.cli.output import clean, error_fix
from tracker.run.events import DocumentChecked, RunEvent, RunFinished, RunStarted, RunSubscriber
from tracker.run.result import CheckOutcome


def outcome_line(outcome: CheckOutcome) -> str:
    """"  changed  acme/Terms  <summary>" or "   failed  acme/Terms  (<reason>)", terminal-safe."""
    line = f"{outcome.outcome:>9}  {clean(outcome.key)}"
    if outcome.error:
        from tracker.fetch.guards import served_instead

        # a page that is not the terms, said in `tracker status`'s words ("served a login page")
        served = served_instead(outcome.error)
        line += (f"  (served {served}, not recorded: {clean(outcome.error)})" if served
                 else f"  ({clean(error_fix(outcome.error))})")
    elif outcome.summary and outcome.outcome != "new":
        line += f"  {clean(outcome.summary)}"
    return line


def show_outcome(outcome: CheckOutcome) -> None:
    """Print a document's line: on stderr when it failed, on stdout otherwise."""
    click.echo(outcome_line(outcome), err=outcome.outcome == "failed")


class RunLines:
    """Run subscriber: one line per document, as soon as its outcome is final."""

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, DocumentChecked):
            show_outcome(event.outcome)


class RunProgress:
    """Run subscriber: a progress bar on stderr, the documents checked out of those in the run;
    only outcomes other than "unchanged" are printed (above the bar). A context manager: the bar
    is removed when the run finishes or fails."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> "RunProgress":
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        columns = (TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        self.progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, RunStarted):
            self.task = self.progress.add_task("run", total=event.documents)
        elif isinstance(event, DocumentChecked):
            if self.task is not None:
                self.progress.advance(self.task)
            if event.outcome.outcome != "unchanged" or event.outcome.summary:  # (a page that moved, say)
                show_outcome(event.outcome)
        elif isinstance(event, RunFinished):
            self.progress.stop()  # before what comes after the run (notifications, the summary)


class RunFailures:
    """Run subscriber: only the documents that failed, one line each on stderr (``run -q`` under
    cron: the mail says which document failed, not only how many)."""

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, DocumentChecked) and event.outcome.outcome == "failed":
            show_outcome(event.outcome)


@contextmanager
def run_display(*, quiet: bool, failures: bool = True) -> Iterator[list[RunSubscriber]]:
    """The subscribers that show a run: when ``quiet``, the failed documents only (none without
    ``failures``: a JSON report carries them), a progress bar on a terminal, one line per document
    otherwise (a log, a pipe)."""
    if quiet:
        yield [RunFailures()] if failures else []
    elif not sys.stderr.isatty():
        yield [RunLines()]
    else:
        with RunProgress() as progress:
            yield [progress]

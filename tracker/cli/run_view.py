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
from tracker.run.events import DocumentChecked, RunEvent, RunFinished, RunStarted, RunSubscriber, VersionRecorded
from tracker.run.result import CheckOutcome


def outcome_line(outcome: CheckOutcome) -> str:
    """"  changed  acme/Terms  <summary>" or "   failed  acme/Terms  (<reason>)", terminal-safe."""
    line = f"{outcome.outcome:>9}  {clean(outcome.key)}"
    if outcome.error:
        from tracker.fetch.guards import served_instead

        # a page that is not the terms, said in `tracker status`'s words ("served a login page")
        served = served_instead(outcome.error)
        line += (f"  ({clean(served_line(served, outcome.error))})" if served
                 else f"  ({clean(error_fix(outcome.error))})")
    elif outcome.summary and outcome.outcome != "new":
        line += f"  {clean(outcome.summary)}"
    return line


# What to do about a page served instead of the terms, when its reason names nothing to do
SERVED_FIX = "nothing to do if it passes; if it lasts, open the url in a browser"


def served_line(served: str, error: str) -> str:
    """"served a maintenance page instead of the terms; not recorded, the latest version kept;
    <what to do>": the reason's kind said once (``served``, from ``served_instead``), then only what
    the reason adds (where it was redirected, a setting to try), else ``SERVED_FIX``."""
    from tracker.fetch.guards import ERROR_PAGE_PREFIX, NOT_TERMS_PREFIX

    rest = error
    for prefix in (ERROR_PAGE_PREFIX, NOT_TERMS_PREFIX):
        if rest.startswith(prefix):
            rest = rest[len(prefix):]
    # the kind's own name ("maintenance page") is what ``served`` says already: only what follows
    cut = min((i for i in (rest.find("; "), rest.find(": "), rest.find(", "), rest.find(" (")) if i >= 0),
              default=len(rest))
    detail = rest[cut:].lstrip(";:, ").strip()
    line = f"served {served} instead of the terms; not recorded, the latest version kept"
    if detail.startswith("redirected to "):
        return f"{line}; {detail}; {SERVED_FIX}"
    return f"{line}; {detail}" if detail else f"{line}; {SERVED_FIX}"


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
                # the bar is taken down for the line and drawn again under it: a line printed while
                # it shows (click writes past rich's console) was glued to its end (nu38)
                self.progress.stop()
                show_outcome(event.outcome)
                self.progress.start()
        elif isinstance(event, RunFinished):
            self.progress.stop()  # before what comes after the run (notifications, the summary)


# What ``run -q`` still names: a document that was not checked as it should be, each with why
ATTENTION = ("held", "skipped", "failed")


class RunFailures:
    """Run subscriber: only the documents that were held, skipped or failed, one line each with
    why (``run -q`` under cron: the log says which document to look at, not only how many; a
    document that was fine prints nothing)."""

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, DocumentChecked) and event.outcome.outcome in ATTENTION:
            show_outcome(event.outcome)


class RunTally:
    """Run subscriber: how far a run got (documents in it, checked, versions recorded), for the
    line that says what a run stopped by Ctrl-C or SIGTERM did (``stop_line``)."""

    def __init__(self) -> None:
        self.documents: int | None = None  # None until the run has started fetching
        self.run_id: int | None = None
        self.checked = 0
        self.recorded: list[str] = []  # document keys, in the order their versions were recorded

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, RunStarted):
            self.documents, self.checked, self.recorded = event.documents, 0, []
            self.run_id = event.run_id
        elif isinstance(event, VersionRecorded):
            self.recorded.append(event.outcome.key)
        elif isinstance(event, DocumentChecked):
            self.checked += 1


NAMED_AT_MOST = 5  # documents named in a stop line; the rest counted


def stop_line(how: str, tally: RunTally, *, notify: bool = False) -> str:
    """"stopped by SIGTERM (...) during the run: recorded before it: 1 version (acme/Terms); 3 of
    4 documents left unchecked, the next run checks them; what was written ... is kept whole":
    what a run cut short did, so a cron or systemd log says which changes are in and how much is
    left. ``how`` is "interrupted (Ctrl-C) during the run", "stopped by SIGTERM (kill, systemctl
    stop) during run 3"... With ``notify`` (a notify file is in use) and versions recorded, it says
    they were not notified yet: the next run sends them, or ``tracker notify --run N`` now (a stop
    does not wait for deliveries)."""
    if tally.documents is None:
        progress = "before any document was checked"
    else:
        names = ", ".join(clean(key) for key in tally.recorded[:NAMED_AT_MOST])
        more = len(tally.recorded) - NAMED_AT_MOST
        names += f" and {more} more" if more > 0 else ""
        count = len(tally.recorded)
        recorded = (f"recorded before it: {count} version{'s' if count != 1 else ''} ({names})" if count
                    else "nothing recorded before it")
        left = max(0, tally.documents - tally.checked)
        if count and notify:
            run = f" --run {tally.run_id}" if tally.run_id is not None else ""
            recorded += (f", not notified yet: the next run sends {'them' if count != 1 else 'it'}, "
                         f"or `tracker notify{run}` now")
        progress = (f"{recorded}; {left} of {tally.documents} document{'s' if tally.documents != 1 else ''} left "
                    "unchecked, the next run checks them" if left else f"{recorded}; every document checked")
    return (f"{how}: {progress}; what was written (versions, feeds, pages) is kept whole; "
            "run the command again to go on")


@contextmanager
def run_display(*, quiet: bool, failures: bool = True) -> Iterator[list[RunSubscriber]]:
    """The subscribers that show a run: when ``quiet``, the held, skipped and failed documents only (none without
    ``failures``: a JSON report carries them), a progress bar on a terminal, one line per document
    otherwise (a log, a pipe)."""
    if quiet:
        yield [RunFailures()] if failures else []
    elif not sys.stderr.isatty():
        yield [RunLines()]
    else:
        with RunProgress() as progress:
            yield [progress]

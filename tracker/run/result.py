"""What a run reports: one ``CheckOutcome`` per document, and the ``RunResult`` that sums them up.

These are the run's public records: ``tracker run --json`` prints them, the index's ``checks`` and
``runs`` tables store them, and the run events (``tracker.run.events``) carry them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

from tracker.archive.store import iso

# Exit codes of `tracker run` (documented in the README and `tracker run --help`).
EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_LOCKED = 5  # another run holds the store's run lock
# Every document skipped because robots.txt disallows it: nothing could be checked, and nothing
# will be until the site's robots.txt or the sources file changes (not a passing fault: not 0, and
# not 1, "some failed, the others recorded", which recipes tolerate).
EXIT_DISALLOWED = 6
EXIT_TERMINATED = 143  # stopped by SIGTERM (systemctl stop, docker stop, kill): 128 + 15

OutcomeKind = Literal["new", "changed", "revert", "unchanged", "pending", "held", "skipped", "failed"]
"""What happened to one document in one run:

* ``new`` / ``changed`` / ``revert``: a version was recorded (its first, a new text, or a text it
  had before);
* ``unchanged``: the text is the one recorded last;
* ``pending``: a new text not recorded yet, waiting to be seen in ``confirm`` consecutive runs;
* ``held``: a sudden shrink, not recorded until seen in several consecutive runs;
* ``skipped``: not fetched on purpose (robots.txt); not counted as checked;
* ``failed``: no usable text (HTTP error, error page, wrong content, extraction failed).
"""
OUTCOME_KINDS: tuple[OutcomeKind, ...] = get_args(OutcomeKind)


@dataclass(frozen=True)
class CheckOutcome:
    """What happened to one document in one run (the field order is the JSON shape of
    ``tracker run --json``'s ``documents`` items)."""

    key: str  # "<service id>/<document type>"
    outcome: OutcomeKind
    error: str | None = None  # why it failed
    http_status: int | None = None
    duration: float = 0.0  # seconds spent fetching it
    commit: str | None = None  # the archive commit of a recorded version
    summary: str = ""  # a recorded version's summary, or why a text is held / pending / skipped


@dataclass
class RunResult:
    """One run: its id in the index, when it ran, and every document's outcome (in the order
    they were reported)."""

    run_id: int
    started_at: datetime
    finished_at: datetime | None = None
    outcomes: list[CheckOutcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Outcome counts; "skipped" (not fetched, e.g. robots.txt) is not "checked"; "skipped"
        and "held" are only present when there are some, so the usual JSON shape does not change."""
        counts = {"checked": 0, "new": 0, "changed": 0, "unchanged": 0, "pending": 0, "failed": 0}
        for o in self.outcomes:
            bucket = "changed" if o.outcome == "revert" else o.outcome
            counts[bucket] = counts.get(bucket, 0) + 1
            if o.outcome != "skipped":
                counts["checked"] += 1
        return counts

    def summary_line(self) -> str:
        """"checked 9 documents in 2.1 s: 0 new, 1 changed, 8 unchanged, 0 failed" (pending, held,
        skipped only when some), in the shape of ``reanalyse`` and ``import-history``'s lines."""
        from tracker.text import count

        c = self.counts
        took = f" in {(self.finished_at - self.started_at).total_seconds():.1f} s" if self.finished_at else ""
        parts = [f"{c['new']} new", f"{c['changed']} changed", f"{c['unchanged']} unchanged"]
        parts += [f"{c[k]} {k}" for k in ("pending", "held", "skipped") if c.get(k)]
        return f"checked {count(c['checked'], 'document')}{took}: {', '.join(parts)}, {c['failed']} failed"

    @property
    def exit_code(self) -> int:
        """``EXIT_FAILURES`` if any document failed; ``EXIT_DISALLOWED`` if robots.txt disallowed
        every document (none could be checked); else ``EXIT_OK``."""
        from tracker.fetch.robots import disallowed

        if any(o.outcome == "failed" for o in self.outcomes):
            return EXIT_FAILURES
        if self.outcomes and all(o.outcome == "skipped" and disallowed(o.summary) for o in self.outcomes):
            return EXIT_DISALLOWED
        return EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at) if self.finished_at else None,
            "counts": self.counts,
            "documents": [o.__dict__ for o in sorted(self.outcomes, key=lambda o: o.key)],
        }

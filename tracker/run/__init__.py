"""Run: one snapshot run. Schedules and fetches documents, decides per document what the fetch
means (``decide``, a pure function), hands new versions to the archive, and tells subscribers
what happens (run events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

# A function named like its module is bound at import: were it loaded lazily, importing the module
# (by anyone) would set the package attribute to the module and shadow the function.
from tracker.run.decide import decide

if TYPE_CHECKING:
    from tracker.run.decide import Decision, DocumentState, content_problem, decide, extract_text
    from tracker.run.events import (
                                    DocumentChecked,
                                    RunEvent,
                                    RunEvents,
                                    RunFinished,
                                    RunStarted,
                                    RunSubscriber,
                                    VersionRecorded,
    )
    from tracker.run.loop import Outcome, run_snapshot
    from tracker.run.result import (
                                    EXIT_FAILURES,
                                    EXIT_LOCKED,
                                    EXIT_OK,
                                    EXIT_STORE,
                                    EXIT_USAGE,
                                    CheckOutcome,
                                    OutcomeKind,
                                    RunResult,
    )
    from tracker.run.schedule import parse_interval, parse_shard, select_shard

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "CheckOutcome": "tracker.run.result",
    "Decision": "tracker.run.decide",
    "DocumentChecked": "tracker.run.events",
    "DocumentState": "tracker.run.decide",
    "EXIT_FAILURES": "tracker.run.result",
    "EXIT_LOCKED": "tracker.run.result",
    "EXIT_OK": "tracker.run.result",
    "EXIT_STORE": "tracker.run.result",
    "EXIT_USAGE": "tracker.run.result",
    "Outcome": "tracker.run.loop",
    "OutcomeKind": "tracker.run.result",
    "RunEvent": "tracker.run.events",
    "RunEvents": "tracker.run.events",
    "RunFinished": "tracker.run.events",
    "RunResult": "tracker.run.result",
    "RunStarted": "tracker.run.events",
    "RunSubscriber": "tracker.run.events",
    "VersionRecorded": "tracker.run.events",
    "content_problem": "tracker.run.decide",
    "decide": "tracker.run.decide",
    "extract_text": "tracker.run.decide",
    "parse_interval": "tracker.run.schedule",
    "parse_shard": "tracker.run.schedule",
    "run_snapshot": "tracker.run.loop",
    "select_shard": "tracker.run.schedule",
}
__all__ = ["CheckOutcome", "Decision", "DocumentChecked", "DocumentState", "EXIT_FAILURES", "EXIT_LOCKED", "EXIT_OK",
           "EXIT_STORE", "EXIT_USAGE", "Outcome", "OutcomeKind", "RunEvent", "RunEvents", "RunFinished", "RunResult",
           "RunStarted", "RunSubscriber", "VersionRecorded", "content_problem", "decide", "extract_text",
           "parse_interval", "parse_shard", "run_snapshot", "select_shard"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)


"""Run: one snapshot run. Schedules and fetches documents, decides per document what the fetch
means (``decide``, a pure function), hands new versions to the archive, and tells subscribers
what happens (run events).
"""

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

__all__ = ["EXIT_FAILURES", "EXIT_LOCKED", "EXIT_OK", "EXIT_STORE", "EXIT_USAGE", "CheckOutcome", "Decision",
           "DocumentChecked", "DocumentState", "Outcome", "OutcomeKind", "RunEvent", "RunEvents", "RunFinished",
           "RunResult", "RunStarted", "RunSubscriber", "VersionRecorded", "content_problem", "decide",
           "extract_text", "parse_interval", "parse_shard", "run_snapshot", "select_shard"]

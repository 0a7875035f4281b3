"""Run: one snapshot run. Schedules and fetches documents, decides per document what the fetch
means, and hands new versions to the archive.
"""

from tracker.run.loop import (
                              EXIT_FAILURES,
                              EXIT_LOCKED,
                              EXIT_OK,
                              EXIT_STORE,
                              EXIT_USAGE,
                              Outcome,
                              RunResult,
                              content_problem,
                              extract_text,
                              parse_interval,
                              parse_shard,
                              run_snapshot,
                              select_shard,
)

__all__ = ["EXIT_FAILURES", "EXIT_LOCKED", "EXIT_OK", "EXIT_STORE", "EXIT_USAGE", "Outcome", "RunResult",
           "content_problem", "extract_text", "parse_interval", "parse_shard", "run_snapshot", "select_shard"]

"""Analysis: pure functions of text. Clauses, their alignment across versions, word diffs,
category and watch-out labels, facts (money, durations, places), materiality and summaries.

Its results are the typed records ``Analysis`` and ``ClauseChange`` (defined in
``tracker.records``, shared by every stage).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

# A function named like its module is bound at import: were it loaded lazily, importing the module
# (by anyone) would set the package attribute to the module and shadow the function.
from tracker.analysis.analyse import analyse

if TYPE_CHECKING:
    from tracker.analysis.analyse import SEVERITY_ORDER, Analysis, ClauseChange, analyse, severity_rank

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "Analysis": "tracker.analysis.analyse",
    "ClauseChange": "tracker.analysis.analyse",
    "SEVERITY_ORDER": "tracker.analysis.analyse",
    "analyse": "tracker.analysis.analyse",
    "severity_rank": "tracker.analysis.analyse",
}
__all__ = ["Analysis", "ClauseChange", "SEVERITY_ORDER", "analyse", "severity_rank"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)


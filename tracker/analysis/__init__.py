"""Analysis: pure functions of text. Clauses, their alignment across versions, word diffs,
category and watch-out labels, facts (money, durations, places), materiality and summaries.

Its results are the typed records ``Analysis`` and ``ClauseChange`` (defined in
``tracker.records``, shared by every stage).
"""

from tracker.analysis.analyse import SEVERITY_ORDER, Analysis, ClauseChange, analyse, severity_rank

__all__ = ["SEVERITY_ORDER", "Analysis", "ClauseChange", "analyse", "severity_rank"]

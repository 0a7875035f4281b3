"""Analysis: pure functions of text. Clauses, their alignment across versions, word diffs,
category and watch-out labels, facts (money, durations, places), materiality and summaries.
"""

from tracker.analysis.analyse import SEVERITY_ORDER, Analysis, analyse, severity_rank

__all__ = ["SEVERITY_ORDER", "Analysis", "analyse", "severity_rank"]

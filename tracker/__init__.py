"""tracker: keeps the history of online terms and tells, clause by clause, what changed."""

__version__ = "0.1.0"

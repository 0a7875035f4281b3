"""The command line: a thin click layer over the library (``tracker.cli.app``)."""

from tracker.cli.app import main

__all__ = ["main"]

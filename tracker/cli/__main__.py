"""Allow ``python -m tracker.cli`` as well as ``python -m tracker`` (the entry point is
``tracker.cli:main``, so people try both)."""

from tracker.cli import main

main()

"""The command line: a thin click layer over the library (``tracker.cli.app``).

``main`` loads the commands (and click) when it is called, not when this package is imported.
"""


def main() -> None:
    """Run the ``tracker`` command line (the console script's entry point)."""
    from tracker.cli.app import main as run

    run()


__all__ = ["main"]

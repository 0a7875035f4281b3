"""The command line: a thin click layer over the library (``tracker.cli.app``).

``main`` loads the commands (and click) when it is called, not when this package is imported.
"""

import sys

from tracker.errors import INTERRUPT_MESSAGE

INTERRUPTED = INTERRUPT_MESSAGE  # a plain line: stopping a command is no error


def main() -> None:
    """Run the ``tracker`` command line (the console script's entry point).

    A Ctrl-C that comes before a command's own handler is in place (while the modules load, or
    while click parses the options) is the same one line and exit 130 as during the command,
    never a traceback."""
    import signal

    try:
        from tracker.cli.app import main as run

        run()
    except KeyboardInterrupt:
        interrupted()
    finally:
        # The command is over (click ends every command with SystemExit): a Ctrl-C from here on
        # has nothing left to stop, and one landing while the interpreter shuts down would end
        # the process by the signal (exit -2) instead of with the command's own code.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # (nor a SIGTERM: its handler is the command's)


def interrupted() -> None:
    """Say that Ctrl-C stopped the command, on one line of stderr, and exit 130 (128 + SIGINT)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the message
    try:
        sys.stderr.write("\n" + INTERRUPTED + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(130)


__all__ = ["main"]

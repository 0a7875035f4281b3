"""A one-line progress report on stderr for long commands (``import-history``).

On a terminal the line is redrawn in place, at most a few times a second; in a pipe or a log
file a new line is printed at most every ``PIPE_INTERVAL`` seconds, so a log gets a heartbeat
and no flood. ``-q`` or ``--json`` turn it off (the command then never builds one).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

TTY_INTERVAL = 0.2  # seconds between two redraws on a terminal
PIPE_INTERVAL = 5.0  # seconds between two lines in a pipe or a file
ETA_AFTER = 5.0  # seconds of work before an estimate of the time left is shown
ETA_SHARE = 0.02  # share of the work done before an estimate is shown


def duration(seconds: float) -> str:
    """A duration as a person says it: "40 s", "6 min", "1 h 05 min"."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class StatusLine:
    """Progress on ``stream`` (default stderr): call ``show(text, done, total)`` as often as
    convenient (it throttles itself); ``done``/``total`` (units of the whole job, e.g. commits
    read of those to read) add a percentage and, once ``ETA_SHARE`` of the work and ``ETA_AFTER``
    seconds have gone by, the time left; the percentage never goes down from one line to the next
    (a total that grows holds it until the work catches up). ``close()`` clears the terminal line. ``tty`` overrides
    the terminal test; ``clock`` (seconds, monotonic) is for tests."""

    def __init__(self, label: str, stream: TextIO | None = None, *, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)()) if tty is None else tty
        self.clock = clock
        self.started = clock()
        self.last = -1e9  # when a line was last written
        self.width = 0  # of the line drawn last on a terminal
        self.lines = 0  # lines written (pipe) or redraws (terminal)
        self.shown = 0.0  # the highest share of the work shown so far: the percentage never goes back

    def text(self, text: str, done: int = 0, total: int = 0) -> str:
        """The line ``show`` would write now (label, text, percentage, time left)."""
        line = f"{self.label}: {text}"
        if total > 0:
            # Never below a share shown before: the total is an estimate that can grow (the pairs
            # to analyse are known only once their batch is sent), and a line that went from 100%
            # back to 63% read as an import starting over.
            share = max(min(done / total, 1.0), self.shown)
            if done < total:
                share = min(share, 0.99)
            line += f" ({share:.0%})"
            elapsed = self.clock() - self.started
            if share >= ETA_SHARE and elapsed >= ETA_AFTER and share < 1.0:
                line += f", about {duration(elapsed / share - elapsed)} left"
        return line

    def show(self, text: str, done: int = 0, total: int = 0, *, force: bool = False) -> None:
        """Report ``text`` unless a line was written less than the interval ago (``force``:
        write it anyway, e.g. when a stage starts that may take long)."""
        now = self.clock()
        if not force and now - self.last < (TTY_INTERVAL if self.tty else PIPE_INTERVAL):
            return
        self.last = now
        line = self.text(text, done, total)
        if total > 0:
            self.shown = max(self.shown, min(min(done / total, 1.0), 0.99 if done < total else 1.0))
        if self.tty:
            import shutil

            # a line wider than the terminal wraps, and "\r" would then redraw only its last row
            line = line[:max(20, shutil.get_terminal_size((100, 24)).columns - 1)]
            pad = max(0, self.width - len(line))
            self.stream.write("\r" + line + " " * pad)
            self.width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.lines += 1

    def close(self) -> None:
        """Clear the line on a terminal (what follows is the command's own output)."""
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

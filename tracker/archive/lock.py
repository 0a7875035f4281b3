"""One run at a time per store: an advisory ``flock`` on ``<store>/run.lock``.

Two overlapping runs would race on the archive branch and record the same change twice. The lock
is released by the kernel when the process exits, however it exits, so a crashed run never
leaves a stale lock behind (unlike a pid file). The pid written into the file is only there to
tell people which process holds it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

LOCK_NAME = "run.lock"


class LockHeld(Exception):
    """Another process holds the run lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        self.path = path
        self.pid = pid
        holder = f" (pid {pid})" if pid else ""
        super().__init__(f"another tracker run holds {path}{holder}; try again when it has finished")


class RunLock:
    """Non-blocking exclusive lock; use as a context manager around one run."""

    held: set[Path] = set()  # the lock files this process holds (a second flock here would fail)

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise ``LockHeld`` at once (never waits: cron must not pile up)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            raise LockHeld(self.path, pid) from None
        except BaseException:
            os.close(fd)
            raise
        # Only the holder writes, so readers see either the old or the new pid, never a mix.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        RunLock.held.add(self.path.resolve())

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        RunLock.held.discard(self.path.resolve())
        try:
            os.ftruncate(fd, 0)  # leave no pid behind that could mislead someone
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> "RunLock":
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None

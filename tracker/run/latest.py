"""The latest recorded text of a document, for ``decide``'s "any clause changed?" check.

Read only when a document's text hash changed; through one long-lived ``git cat-file --batch``
process for the whole run, so each read costs a pipe round trip rather than a git process
(about 6 ms each, which a run where every page changed would pay a thousand times).
"""

from __future__ import annotations

import os
import subprocess
from typing import IO

from tracker.archive import Index
from tracker.archive.store import Store
from tracker.sources.config import Document


class LatestTexts:
    """Reads documents' latest texts from the archive; ``close()`` when the run is over.

    Never raises: a text that cannot be read is None (and a new text is then recorded, as before
    this check existed).
    """

    def __init__(self, store: Store, index: Index) -> None:
        self.store, self.index = store, index
        self._proc: subprocess.Popen[bytes] | None = None
        self._broken = False
        self.read: dict[str, str] = {}  # document key -> the latest text read (the recorder reuses it)

    def text(self, doc: Document) -> str | None:
        """The document's latest recorded text, or None (none recorded, or unreadable)."""
        row = self.index.latest(doc.key)
        if row is None or not row["latest_commit"]:
            return None
        text = self._read(row["latest_commit"], row["path"] or doc.path)
        if text is not None:
            self.read[doc.key] = text
        return text

    def _read(self, sha: str, path: str) -> str | None:
        proc = self._process()
        if proc is None or proc.stdin is None or proc.stdout is None:
            return None
        try:
            proc.stdin.write(f"{sha}:{path}\n".encode())
            proc.stdin.flush()
            header = proc.stdout.readline().decode("utf-8", "replace").split()
            if len(header) != 3 or header[1] != "blob":  # "<name> missing" or not a file
                return None
            size = int(header[2])
            data = _read_exactly(proc.stdout, size + 1)[:size]  # the object, then a newline
            return data.decode("utf-8")
        except (OSError, ValueError, UnicodeDecodeError):
            self._broken = True
            self.close()
            return None

    def _process(self) -> subprocess.Popen[bytes] | None:
        if self._proc is None and not self._broken:
            env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
            try:
                self._proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.store.archive, env=env,
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                              stderr=subprocess.DEVNULL)
            except OSError:
                self._broken = True
        return self._proc

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout is not None:
                proc.stdout.close()

    def __del__(self) -> None:  # a run that died half-way: do not leave git waiting on its stdin
        self.close()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            raise OSError("git cat-file stopped answering")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)

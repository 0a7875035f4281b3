"""Compiled regular expressions kept from one process to the next (worker processes' start).

A worker process that analyses versions compiles about 700 regular expressions as it imports the
analysis and labels its first change: about half of its start (0.25-0.5 s of CPU), paid again by
every ``tracker run`` that has a change to analyse, and by every worker of a history import.
Python compiles a pattern in two steps, parsing and code generation, both written in Python, then
hands the code (a list of integers) to its C engine (``_sre.compile``). ``install()`` keeps that
code, per pattern and flags, in a file of the user cache folder (``classify.cache_folder``), and a
later process hands the kept code to the engine directly: the same code, so the same pattern
object, without the two Python steps.

The file's name holds the interpreter's version, the engine's ``MAGIC`` and the Unicode version
(case-insensitive code depends on it); the cache is off where ``re``'s internals are not the ones
this was written for, and where the cache folder is (``TRACKER_CACHE_DIR=off``).

Only a pattern compiled by the tracker's own code (or a script run as ``__main__``) that the file
lacks makes a process write the file at its exit. Other modules' patterns are kept with it but
write nothing: some libraries build a pattern from a set (the standard library's e-mail header
parser, ``markdown_it``), whose order, and so the pattern's text, changes from process to process.
Each ``tracker run`` then added four patterns never read again and rewrote the whole file (3-6 MB:
about 50 ms of CPU at every run's exit, and a file that grew with every run).

Each kept pattern carries the day it was last used. A process that uses a pattern last stamped
more than ``REFRESH_DAYS`` ago stamps it again and writes the file (at most once a week for the
patterns in use), and every write drops the patterns unused for ``UNUSED_DAYS``: the patterns of
code since edited, and those made from data seen once, no longer grow the file that every worker
reads at its start (5.5 MB, 5,227 patterns of which about 700 in use: 31-49 ms a worker).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

MAX_PATTERNS = 20_000  # a process compiling patterns made from data (not code) stops adding past this
UNUSED_DAYS = 30  # a pattern no process used for this many days is dropped when the file is written
REFRESH_DAYS = 7  # a pattern used this long after its last stamp is stamped again (the file written)

_STATE: dict[str, Any] = {}
# The compiled code is kept as the bytes of an array of unsigned 32-bit integers (the engine's
# code units): marshal reads bytes at once, where a list of ints costs an object per int (12 of
# the 22 ms of a worker reading 1,000 patterns); the list is made again for a pattern compiled.
_CODE = next((t for t in "ILH" if __import__("array").array(t).itemsize == 4), "")


def cache_path() -> Path | None:
    """The cache file for this interpreter, or None (caching off, no folder to name)."""
    import unicodedata

    import _sre  # type: ignore[import-not-found]

    folder = cache_folder()
    if folder is None:
        return None
    # ("v2": the files written before only patterns of the tracker's own code counted held up to
    # thousands of patterns never read again; "v3": each pattern with the day it was last used;
    # "v4": the code as bytes, see ``_CODE``)
    tag = f"v4-py{sys.version_info[0]}{sys.version_info[1]}{sys.version_info[2]}-{_sre.MAGIC}-{unicodedata.unidata_version}"
    return folder / f"regex-{tag}.marshal"


def cache_folder() -> Path | None:
    """The tracker's user cache folder (not created): ``$TRACKER_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/tracker``, else ``~/.cache/tracker``; None when caching is off
    (``TRACKER_CACHE_DIR`` is "" or "off") or no folder can be named (no home directory).
    Defined here, not in the analysis (``classify.cache_folder`` calls it): importing the
    analysis would compile its patterns before this cache is in place."""
    configured = os.environ.get("TRACKER_CACHE_DIR")
    if configured is not None and configured.strip().lower() in ("", "off"):
        return None
    try:
        return (Path(configured) if configured else
                Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tracker")
    except (RuntimeError, KeyError):  # no home directory to name
        return None


def install() -> bool:
    """Make ``re`` compile through the cache in this process (once); the patterns it compiles
    that the file lacks are added to it when the process exits. Returns whether the cache is on
    (False: caching off, or ``re``'s internals are not the expected ones). Never raises."""
    if _STATE:
        return bool(_STATE.get("on"))
    _STATE["on"] = False
    try:
        from re import _compiler as compiler  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        from _sre import compile as engine
    except ImportError:
        return False
    if not all(callable(getattr(compiler, name, None)) for name in ("compile", "_code", "isstring")):
        return False
    path = cache_path()
    if path is None or not _CODE:
        return False
    from array import array

    table = _read(path)
    today = _today()
    original: Callable[..., Any] = compiler.compile
    skip = compiler.SRE_FLAG_DEBUG | getattr(compiler, "SRE_FLAG_LOCALE", 0)

    def compile(p: Any, flags: int = 0) -> Any:
        # the same steps as ``re._compiler.compile``, with the parsing and code generation kept
        if not compiler.isstring(p) or flags & skip:
            return original(p, flags)
        key = (isinstance(p, str), p, int(flags))
        kept = table.get(key)
        if kept is not None:
            _STATE["hits"] = _STATE.get("hits", 0) + 1
            if kept[5] != today:  # used again: stamped today, written when the stamp was old
                if kept[5] < today - REFRESH_DAYS:
                    _STATE["added"] = True
                table[key] = kept = (*kept[:5], today)
        else:
            parsed = parser.parse(p, flags)
            code = [int(op) for op in compiler._code(parsed, flags)]  # (named constants: marshal takes ints)
            groupindex = dict(parsed.state.groupdict)
            names: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                names[i] = name
            final = int(flags | parsed.state.flags)
            if len(table) < MAX_PATTERNS:
                try:
                    table[key] = (final, array(_CODE, code).tobytes(), parsed.state.groups - 1, groupindex,
                                  tuple(names), today)
                except OverflowError:  # (a code unit past 32 bits: not kept)
                    pass
                else:
                    if _ours(sys._getframe(1)):
                        _STATE["added"] = True
            return engine(p, final, code, parsed.state.groups - 1, dict(groupindex), tuple(names))
        final_flags, data, groups, groupindex, indexgroup, _ = kept
        return engine(p, final_flags, array(_CODE, data).tolist(), groups, dict(groupindex), indexgroup)

    if not _same_as_original(compile, original):
        return False
    compiler.compile = compile
    _STATE.update(on=True, path=path, table=table, original=original)
    import atexit

    atexit.register(save)
    return True


# the modules between a caller and the compile step (re.compile -> re._compile -> compile)
_RE_MODULES = frozenset({"re", "re._compiler", "sre_compile", __name__})


def _ours(frame: Any) -> bool:
    """Is the pattern being compiled from the tracker's own code, or from a script run as
    ``__main__`` (``frame``: the compile step's caller)? Those are the patterns worth writing the
    file for; another module's may differ from process to process (see the module's doc)."""
    while frame is not None and frame.f_globals.get("__name__") in _RE_MODULES:
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "") if frame is not None else ""
    return name == "__main__" or name == "tracker" or name.startswith("tracker.")


def _same_as_original(compile: Callable[..., Any], original: Callable[..., Any]) -> bool:
    """Do both compile a sample pattern to objects that match alike? (A guard against another
    interpreter's internals, checked once per process.)"""
    sample = r"(?P<word>\b[Çç]a(?:va)?)\s+(\d{1,3})(?=\W|$)"
    try:
        ours, theirs = compile(sample, 2), original(sample, 2)  # (2: re.IGNORECASE)
        text = "Ça va 12, ÇA 3x ça 44"
        return (ours.pattern, ours.flags, ours.groups, ours.groupindex) == \
            (theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex) and \
            [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    except Exception:  # noqa: BLE001 - any surprise turns the cache off, never the process
        return False


def _today() -> int:
    """Days since 1970-01-01 (UTC): the stamp of a pattern used today."""
    import time

    return int(time.time() // 86400)


def _read(path: Path) -> dict[Any, Any]:
    """The kept patterns of ``path``: {(is str, pattern, flags): (flags, code (bytes, see ``_CODE``),
    groups, groupindex, indexgroup, day last used)}; {} for an absent, unreadable or damaged file."""
    import marshal

    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict) or not all(type(v) is tuple and len(v) == 6 and type(v[1]) is bytes
                                              and len(v[1]) % 4 == 0 for v in table.values()):
        return {}
    return table


def save() -> None:
    """Write the patterns this process added or stamped again to the cache file (to a temporary
    name, then renamed: a reader never sees half a file), without the patterns unused for
    ``UNUSED_DAYS``. A folder that cannot be written is no error."""
    import marshal

    if not _STATE.get("added"):
        return
    path: Path = _STATE["path"]
    # What other processes saved since this one read the file (a run's process and its analysis
    # worker both save at their exit) is kept: each process's own patterns are added to it. The
    # read-merge-write holds a lock, or two processes exiting together each keep only their own.
    with _locked(path):
        table = _read(path)
        for key, kept in _STATE["table"].items():  # the later stamp of each pattern
            theirs = table.get(key)
            if theirs is None or theirs[5] < kept[5]:
                table[key] = kept
        oldest = _today() - UNUSED_DAYS
        table = {key: kept for key, kept in table.items() if kept[5] >= oldest}
        try:
            data = marshal.dumps(table)
        except ValueError:  # a value marshal cannot write: nothing cached
            return
        if not write_atomic(path, data):
            return
    _STATE["added"] = False
    try:
        # another interpreter's, or an earlier format's: never read again here
        for old in path.parent.glob("regex-*.marshal"):
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 30 * 86400:
                old.unlink(missing_ok=True)
    except OSError:
        pass


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (``<name>.lock``) while the block runs; no
    lock where the folder cannot be written or the system has no ``fcntl`` (the save then races,
    which loses cached patterns, never correctness)."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "a")
    except (ImportError, OSError):
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield


def read_marshal(path: Path) -> Any:
    """The value kept in the ``marshal`` file ``path``, or None (absent, unreadable, or written by
    another interpreter). Callers check the value's shape: a file is a cache, never trusted."""
    import marshal

    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def keep_marshal(path: Path, value: Any) -> None:
    """Keep ``value`` in the ``marshal`` file ``path`` (``write_atomic``), then drop the files of
    the same family for this interpreter that other code or data named: ``path`` is named
    FAMILY-DIGEST-PYTHON.marshal and a sibling with the same FAMILY and PYTHON is never read
    again. A value marshal cannot write, or a folder that cannot be written, is no error (the
    next process builds again)."""
    import marshal

    try:
        data = marshal.dumps(value)
    except ValueError:  # a value marshal cannot write: nothing kept
        return
    if not write_atomic(path, data):
        return
    family, python = path.name.split("-", 1)[0], path.name[path.name.rindex("-"):]
    try:
        for old in path.parent.glob(f"{family}-*.marshal"):
            if old != path and old.name.endswith(python):
                old.unlink(missing_ok=True)
    except OSError:
        pass


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary name renamed over it (a reader never sees
    half a file), creating its folder; False, and nothing left behind, when it cannot be written
    (a cache folder that cannot be written is no error: the next process builds again)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False

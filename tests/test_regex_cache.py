"""``tracker.regex_cache``: a process compiles regular expressions through a file of kept code,
and gets the very pattern objects ``re`` compiles itself (``re.Pattern`` equality compares the
pattern, the flags and the compiled code). Real processes, a real cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PATTERNS = [
    (r"\b(?P<verb>updated|modifié|geändert)( on)?:? (\d+) days? ago\b", "IGNORECASE"),
    (r"(?<![\w-])ſession\s*#?\s*(?=[a-z0-9-]*\d)[a-z0-9-]{8,}", "IGNORECASE"),
    (r"^\s*[-*+]\s+(.+?)\s*$", "MULTILINE"),
    (r"Ça (?:va|ira)|\u0130stanbul", "NOFLAG"),
]

CHILD = """
import json, re, sys
from tracker import regex_cache
on = regex_cache.install()
patterns = [re.compile(p, getattr(re, f)) for p, f in json.loads(sys.argv[1])]
patterns.append(re.compile(rb"[\\x00-\\x08]+|%PDF-", re.I))
original = regex_cache._STATE.get("original")
same = [p == original(p.pattern, p.flags) for p in patterns] if original else []
hits = regex_cache._STATE.get("hits", 0)
text = "Updated on: 3 days ago; ſession #ab12cd34ef; Ça ira"
print(json.dumps({"on": on, "same": same, "hits": hits,
                  "found": [[m.span() for m in p.finditer(text)] for p in patterns[:-1]]}))
"""


def child(cache: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_CACHE_DIR=cache)
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(PATTERNS)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_second_process_compiles_from_the_file_to_the_same_patterns(tmp_path: Path) -> None:
    first = child(str(tmp_path))
    assert first["on"] and all(first["same"])
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1  # written when the first process exited
    second = child(str(tmp_path))
    assert second["on"] and all(second["same"]) and len(second["same"]) == len(PATTERNS) + 1
    assert second["hits"] >= len(PATTERNS) + 1  # every pattern came from the file
    assert second["found"] == first["found"]
    assert second["found"][0] == [[0, 22]]  # "Updated on: 3 days ago", case-insensitive


def test_off_when_the_cache_folder_is(tmp_path: Path) -> None:
    result = child("off")
    assert not result["on"] and result["hits"] == 0
    assert result["found"][0] == [[0, 22]]


def test_a_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    child(str(tmp_path))
    (path,) = tmp_path.glob("regex-*.marshal")
    path.write_bytes(b"not marshal data")
    result = child(str(tmp_path))
    assert result["on"] and all(result["same"]) and result["hits"] == 0
    assert child(str(tmp_path))["hits"] >= len(PATTERNS) + 1  # written again, read again


OVERLAP = """
import re, sys, time
from tracker import regex_cache
regex_cache.install()
open(sys.argv[2], "w").close()  # read the file: the other process may start now
while not __import__("os").path.exists(sys.argv[3]):
    time.sleep(0.01)
re.compile(sys.argv[1])
"""


def test_two_processes_saving_in_turn_keep_both_their_patterns(tmp_path: Path) -> None:
    """A run's process and its analysis worker read the file at their start and save at their
    exit: the one saving last keeps what the other saved meanwhile."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_CACHE_DIR=str(tmp_path))
    a_read, b_read = tmp_path / "a-read", tmp_path / "b-read"
    a = subprocess.Popen([sys.executable, "-c", OVERLAP, r"plumly-(\d+)-a", str(a_read), str(b_read)], env=env, cwd=ROOT)
    b = subprocess.Popen([sys.executable, "-c", OVERLAP, r"plumly-(\d+)-b", str(b_read), str(a_read)], env=env, cwd=ROOT)
    assert a.wait(timeout=60) == 0 and b.wait(timeout=60) == 0
    check = subprocess.run(
        [sys.executable, "-c", "from tracker import regex_cache; regex_cache.install(); "
         "print(sorted(k[1] for k in regex_cache._STATE['table'] if 'plumly' in str(k[1])))"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert check.stdout.strip() == str([r"plumly-(\d+)-a", r"plumly-(\d+)-b"])  # both kept


LIBRARY = """
import re
# as the standard library's e-mail header parser does: a character class built from a set, in
# the set's order (another one in each process)
PATTERN = re.compile("plumlib[^" + re.escape("".join(set(";:,@<>()[]"))) + "]+" + "{}")
"""

USES_LIBRARY = """
import sys
from tracker import regex_cache
regex_cache.install()
sys.path.insert(0, sys.argv[1])
import plumlib
"""


def test_only_the_trackers_own_new_patterns_rewrite_the_file(tmp_path: Path) -> None:
    """A pattern another module compiles (one that may change from process to process) rides
    along, but writes nothing: a run's process no longer rewrites the whole file at its exit."""
    cache, lib = tmp_path / "cache", tmp_path / "lib"
    lib.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_CACHE_DIR=str(cache))
    child(str(cache))  # the file, with the script's patterns
    (path,) = cache.glob("regex-*.marshal")
    before = path.read_bytes()
    for tag in ("a", "b"):
        (lib / "plumlib.py").write_text(LIBRARY.format(tag), encoding="utf-8")
        subprocess.run([sys.executable, "-c", USES_LIBRARY, str(lib)], env=env, cwd=ROOT, check=True)
        assert path.read_bytes() == before  # not written: nothing of the tracker's was new
    # a new pattern of the tracker's own code (here: a script's) is written, as before
    subprocess.run([sys.executable, "-c", "import re; from tracker import regex_cache; regex_cache.install(); "
                    "re.compile(r'plumly-(\\d+)-own')"], env=env, cwd=ROOT, check=True)
    after = subprocess.run(
        [sys.executable, "-c", "from tracker import regex_cache; regex_cache.install(); "
         "print(sorted(str(k[1]) for k in regex_cache._STATE['table'] if 'plum' in str(k[1])))"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "plumly-(\\\\d+)-own" in after and "plumlib" not in after


def test_patterns_unused_for_a_month_are_dropped_and_patterns_in_use_stamped_again(tmp_path: Path) -> None:
    """Every pattern carries the day it was last used: a write drops those unused for
    ``UNUSED_DAYS`` (code since edited, data seen once), and a process using a pattern stamped
    more than ``REFRESH_DAYS`` ago stamps it again, so the file stays the patterns in use."""
    import marshal
    import re
    import time

    from tracker import regex_cache

    child(str(tmp_path))
    (path,) = tmp_path.glob("regex-*.marshal")
    table = marshal.loads(path.read_bytes())
    today = int(time.time() // 86400)
    assert {kept[5] for kept in table.values()} == {today}
    used = (True, PATTERNS[0][0], int(getattr(re, PATTERNS[0][1])))
    sample = table[used]
    table[used] = (*sample[:5], today - regex_cache.REFRESH_DAYS - 3)  # in use, stamped long ago
    table[(True, "plumly-stale", 0)] = (*sample[:5], today - regex_cache.UNUSED_DAYS - 1)
    table[(True, "plumly-recent", 0)] = (*sample[:5], today - regex_cache.UNUSED_DAYS + 1)
    path.write_bytes(marshal.dumps(table))
    assert child(str(tmp_path))["hits"] >= len(PATTERNS) + 1
    after = marshal.loads(path.read_bytes())
    assert after[used][5] == today  # stamped again, and the file written for it
    assert (True, "plumly-stale", 0) not in after
    assert after[(True, "plumly-recent", 0)][5] == today - regex_cache.UNUSED_DAYS + 1


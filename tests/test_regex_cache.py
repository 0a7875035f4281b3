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

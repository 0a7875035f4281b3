"""Faster forms of text tests give exactly what the slower forms they replaced gave.

Each fast form (a pattern reordered so that ``re`` scans for its first character, a string search
in place of a pattern compiled per call, a row of scalars taken as it is) is checked against the
original form over many generated strings built from the characters that matter to it.
"""

from __future__ import annotations

import random
import re
import sqlite3

from tracker.analysis.materiality import _whole_line
from tracker.analysis.novelty import _FOOTNOTE_MARK, _SUPERSCRIPT_MARK
from tracker.archive.index import _upsert
from tracker.extract.convert import normalize_markdown

_SUPERSCRIPT_BEFORE = re.compile(r"(?<=[^\W\d_]|[.,;:%)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?![\w¹²³⁴⁵⁶⁷⁸⁹⁰])")
_FOOTNOTE_BEFORE = re.compile(r"(?<=[^\W\d_]|[.,;:%])(?:\[\^?\d{1,3}\]|\(\d{1,2}\))(?![\w(\[])")


def _strings(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_footnote_and_superscript_marks_match_where_the_look_behind_forms_matched():
    alphabet = ["a", "é", "Z", "1", "9", " ", ".", ",", ";", "%", ")", "]", "[", "(", "^", "_", "¹", "²", "⁰", "\n"]
    samples = _strings(alphabet, 30_000, 14, 7) + [
        "Fees apply.[1] See below", "gilt.[^2]", "off.(3) now", "99.9%² uptime", "a¹b", "x (1) y", "é(12)(", "Plan¹²."]
    removed = 0
    for text in samples:
        assert _SUPERSCRIPT_MARK.sub("", text) == _SUPERSCRIPT_BEFORE.sub("", text), text
        assert _FOOTNOTE_MARK.sub("", text) == _FOOTNOTE_BEFORE.sub("", text), text
        removed += _FOOTNOTE_MARK.sub("", text) != text
    assert removed > 10  # the samples do hold marks to remove
    assert _FOOTNOTE_MARK.sub("", "Fees apply.[1] See below") == "Fees apply. See below"
    assert _SUPERSCRIPT_MARK.sub("", "99.9%² uptime") == "99.9% uptime"


def test_a_whole_line_is_found_where_the_multiline_pattern_found_it():
    alphabet = ["a", "b", "*", ".", " ", "\t", "\n", "\r", "\xa0"]
    texts = _strings(alphabet, 20_000, 30, 11)
    lines = [s.strip() for s in _strings(alphabet, 20_000, 5, 12)]
    found = 0
    for text, line in zip(texts, lines):
        if not line or "\n" in line:
            continue
        m = re.search(rf"^[ \t]*{re.escape(line)}[ \t]*$", text, re.M)
        assert _whole_line(text, line) == (m.start() if m else -1), (text, line)
        found += m is not None
    assert found > 200
    assert _whole_line("Contents\n  * 2. Your data \t\n* 2. Your data", "* 2. Your data") == 9


def test_upsert_stores_lists_as_json_and_scalars_as_they_are():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, x REAL, tags TEXT, note TEXT)")
    _upsert(conn, "t", [{"id": "a", "n": 1, "x": 0.5, "tags": ["p", "q"], "note": None},
                        {"id": "b", "n": True, "x": 2.0, "tags": "plain", "note": "é"},
                        {"id": "c", "n": 3, "x": 1.0, "tags": ("r",), "note": {"k": 1}}], "id")
    _upsert(conn, "t", [{"id": "a", "n": 4, "x": 0.5, "tags": "[]", "note": "later"}], "id")
    rows = conn.execute("SELECT * FROM t ORDER BY id").fetchall()
    assert rows == [("a", 4, 0.5, "[]", "later"), ("b", 1, 2.0, "plain", "é"), ("c", 3, 1.0, '["r"]', '{"k": 1}')]


def test_a_hard_line_break_is_stripped_and_inner_runs_still_collapse():
    text = "# Terms  \nFees  apply.  \n\tIndented\titem  \n * one  \n  two   spaces\n"
    assert normalize_markdown(text) == "# Terms\nFees apply.\n    Indented item\n * one\n  two spaces\n"
    assert normalize_markdown(normalize_markdown(text)) == normalize_markdown(text)


def test_strong_and_emphasis_marks_fold_where_the_look_behind_forms_folded():
    from tracker.analysis.sameness import _EM, _STRONG

    strong_before = re.compile(r"(?<![\w\\_])__(?=\S)([^\n]+?)(?<=\S)__(?![\w_])")
    em_before = re.compile(r"(?<![\w\\_])_(?=[^\s_])([^\n_]*?[^\s_\\])_(?![\w_])")
    alphabet = ["a", "B", "_", "_", " ", "\\", "\n", "*", "1", "é"]
    folded = 0
    for text in _strings(alphabet, 30_000, 12, 5) + ["__Fees__ apply", "snake_case_name", "\\_not_", "___both___"]:
        assert _STRONG.sub(r"**\1**", text) == strong_before.sub(r"**\1**", text), text
        assert _EM.sub(r"*\1*", text) == em_before.sub(r"*\1*", text), text
        folded += _EM.sub(r"*\1*", text) != text
    assert folded > 100
    assert _STRONG.sub(r"**\1**", "See __Fees__ now") == "See **Fees** now"
    assert _EM.sub(r"*\1*", "snake_case_name and _this_") == "snake_case_name and *this*"


def test_a_versions_message_and_hash_are_made_once_and_stay_its_own(tmp_path):
    from dataclasses import replace
    from datetime import datetime, timezone

    from tracker.archive.store import NewVersion, Store, content_hash, parse_commit

    version = NewVersion(service_id="acme", service_name="Acme Rides", document_type="Terms of Service",
                         text="# Terms\n\nRides cost 2 credits.\n", raw=b"<p>Rides cost 2 credits.</p>", raw_ext="html",
                         source_url="https://acme.example/terms", final_url="https://acme.example/terms",
                         fetched_at=datetime(2026, 1, 2, tzinfo=timezone.utc), http_status=200,
                         content_type="text/html", extractor_version="x")
    first = version.message()
    assert version.message() is first and version.hash == content_hash(version.text)
    other = replace(version, text="# Terms\n\nRides cost 3 credits.\n")
    assert other.hash == content_hash(other.text) != version.hash
    assert other.message() != first and f"Content-Hash: {other.hash}" in other.message()
    store = Store(tmp_path / "store")
    store.init()
    sha = store.record([version, other], checkout=False)[-1]
    assert parse_commit(sha, other.message()) == next(c for c in store.commits() if c.sha == sha)

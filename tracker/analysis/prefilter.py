"""A cheap, exact pre-check for the lexicon regexes: which rules cannot match a sentence.

Every rule runs over a normalized sentence (" word word ... ", see ``classify.normalize``) and
starts with a space. From the regex's parse tree we derive the set of strings that every match
must begin with, up to ``HEAD`` characters (" pric", " fee ", " $"...), and keep their first
word ("pric", "fee", "$"). A sentence with no word that begins so cannot match, so the regex is
skipped. The
set is a superset by construction (look-arounds and word boundaries are ignored; a class too
wide to list, such as ``\\w``, ends the string early), so results are identical with and
without the check; only time is saved (about 60% of the topic-rule searches on CLAUDETTE text).
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_
from re import _constants as C  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]
from typing import Any

HEAD = 7  # characters of each match start kept, the leading space included
_MAX_CLASS = 12  # a character class with more members than this is not listed
# Only text made of these characters is checked (what normalize() produces); anything else,
# e.g. a digit outside ASCII that ``\d`` would match, runs every regex as before.
_PLAIN = re.compile(r"[ a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0153$€£%]*")
_DIGITS = "0123456789"

Heads = set[tuple[str, bool]]  # (text, open): open means the match may go on after the text


class _Unknown(Exception):
    """The pattern uses something the pre-check does not model: no pre-check for it."""


def _chars(items: list[tuple[Any, Any]]) -> str | None:
    """Members of a character class ``[...]``, or None when there are too many to list."""
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.RANGE:
            if av[1] - av[0] >= _MAX_CLASS:
                return None
            out.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.extend(_DIGITS)
        else:  # NEGATE, \w, \s...
            return None
    return "".join(out) if len(out) <= _MAX_CLASS else None


def _done(prefix: str) -> bool:
    """A match start is known far enough: ``HEAD`` characters, or its first word ended."""
    return len(prefix) >= HEAD or " " in prefix[1:]


def _seq(items: list[tuple[Any, Any]], i: int, prefix: str) -> Heads:
    """Match starts of ``items[i:]`` after ``prefix`` (the text already matched before it)."""
    if i == len(items) or _done(prefix):
        return {(prefix, not _done(prefix))}
    out: Heads = set()
    for s, open_ in _node(items[i], prefix):
        if open_ and not _done(s):
            out.update(_seq(items, i + 1, s))
        else:
            out.add((s, False))
    return out


def _repeat(lo: int, hi: int, sub: list[tuple[Any, Any]], prefix: str) -> Heads:
    out: Heads = set()
    if lo == 0:
        out.add((prefix, True))
    if hi == 0:
        return out
    for s, open_ in _seq(sub, 0, prefix):
        if s == prefix and open_:  # the item can match nothing: repeating it adds nothing
            out.add((s, True))
        elif not open_ or _done(s):
            out.add((s, False))
        elif lo <= 1:
            # Stop after one round ("\\d+" -> a digit, then anything): a shorter start is
            # still a start of every match, and the set stays small.
            out.add((s, False))
        else:
            nxt = hi if hi == C.MAXREPEAT else hi - 1
            out.update(_repeat(lo - 1, nxt, sub, s))
    return out


def _node(node: tuple[Any, Any], prefix: str) -> Heads:
    """Match starts of one parsed item after ``prefix``: (text so far, may go on)."""
    op, av = node
    if op is C.LITERAL:
        return {(prefix + chr(av), True)}
    if op is C.IN or (op is C.CATEGORY and av is C.CATEGORY_DIGIT):
        chars = _chars(av if op is C.IN else [(op, av)])
        return {(prefix + c, True) for c in chars} if chars is not None else {(prefix, False)}
    if op is C.BRANCH:
        return set().union(*(_seq(list(b), 0, prefix) for b in av[1]))
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Unknown
        return _seq(list(av[3]), 0, prefix)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return _repeat(av[0], av[1], list(av[2]), prefix)
    if op is C.ATOMIC_GROUP:
        return _seq(list(av), 0, prefix)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: ignoring them only widens the set
        return {(prefix, True)}
    return {(prefix, False)}  # any character, a back-reference...: the start ends here


def heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Word beginnings (1 to ``HEAD`` - 1 letters, the first word of a match) one of which
    starts every match of ``pattern``, and whole words (a word followed by a space: "is ", "you
    ", up to ``HEAD`` - 2 letters) one of which is the first word of every match; None when the
    pattern cannot be pre-checked (flags, a match that may start elsewhere than at a space, or
    nothing to list)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        found = _seq(list(_parser.parse(pattern.pattern, pattern.flags)), 0, "")
    except (_Unknown, RecursionError):
        return None
    texts = {s for s, _ in found}
    if not texts or any(not s.startswith(" ") or s == " " or s[1] == " " for s in texts):
        return None
    # " as i" -> "as ": the word "as" itself (its end is known); " asy" -> "asy": a word that
    # starts with these letters (a superset of what matches). "0" makes "00" and "0 " redundant.
    words = sorted({s[1:].split(" ", 1)[0] + (" " if " " in s[1:] else "") for s in texts})
    return frozenset(w for i, w in enumerate(words)
                     if not any(w.startswith(v) for v in words[max(0, i - 50):i] if not v.endswith(" ")))


def kept_heads(patterns: list[re.Pattern[str]]) -> list[frozenset[str] | None]:
    """``heads`` of each pattern, those of patterns met before read from a file of the user cache
    folder (``regex_cache.cache_folder``): a process's first ``RuleFilter`` parsed its 62 rules
    again (about 35 ms of CPU, paid by every run's analysis worker), though the regex cache gives
    it their compiled code. The file is named after this module's code and the interpreter's
    version (the parser's); the heads it lacks are worked out and it is written again."""
    table = _heads_table()
    out: list[frozenset[str] | None] = []
    missing = False
    for p in patterns:
        key = (p.pattern, int(p.flags))
        if key in table:
            kept = table[key]
            out.append(None if kept is None else frozenset(kept))
            continue
        found = heads(p)
        table[key] = None if found is None else tuple(sorted(found))
        missing = True
        out.append(found)
    if missing:
        _save_heads(table)
    return out


_HEADS: dict[str, Any] = {}  # "table": (pattern, flags) -> sorted heads or None; "path": its file


def _heads_table() -> dict[tuple[Any, int], tuple[str, ...] | None]:
    """The kept heads (read once per process; {} without a cache folder or a readable file)."""
    if "table" in _HEADS:
        return _HEADS["table"]
    import hashlib
    import sys
    from pathlib import Path

    from tracker.regex_cache import cache_folder, read_marshal

    table: dict[tuple[Any, int], tuple[str, ...] | None] = {}
    folder = cache_folder()
    path = None
    if folder is not None:
        digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
        path = folder / f"heads-{digest}-py{sys.version_info[0]}{sys.version_info[1]}{sys.version_info[2]}.marshal"
        read = read_marshal(path)
        if isinstance(read, dict):
            table = read
    _HEADS.update(table=table, path=path)
    return table


def _save_heads(table: dict[tuple[Any, int], tuple[str, ...] | None]) -> None:
    """Write ``table`` to its file, dropping the files of other code for this interpreter
    (``regex_cache.keep_marshal``); a folder that cannot be written is no error."""
    from tracker.regex_cache import keep_marshal

    path = _HEADS.get("path")
    if path is not None:
        keep_marshal(path, table)


_WORD_START = re.compile(r" ([^ ]{1,%d})" % (HEAD - 1))


class RuleFilter:
    """Which of a list of regexes may match a normalized text, as a bit mask (bit i for
    pattern i). Built once per rule list; a word beginning's patterns are remembered."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self._by_head: dict[str, int] = {}  # word beginning -> patterns it may start
        self._always = 0
        for i, (p, found) in enumerate(zip(patterns, kept_heads(patterns))):
            if found is None:
                self._always |= 1 << i
            for h in found or ():
                self._by_head[h] = self._by_head.get(h, 0) | 1 << i
        self.all = (1 << len(patterns)) - 1
        # patterns without a pre-check: searched the plain way (see ``starts``)
        self.unchecked = frozenset(i for i in range(len(patterns)) if self._always >> i & 1)
        self._memo: dict[str, int] = {}
        self._index_memo: dict[str, tuple[int, ...]] = {}  # word beginning -> pattern indices

    def _bits(self, start: str) -> int:
        """Patterns with a head that ``start`` (a word's first letters) begins with (a whole
        word's head too: ``start`` may be the beginning of a longer word or all of it)."""
        bits = 0
        get = self._by_head.get
        for n in range(1, len(start) + 1):
            bits |= get(start[:n], 0) | get(start[:n] + " ", 0)
        self._memo[start] = bits
        return bits

    def mask(self, norm: str) -> int:
        """Bit i is set unless pattern i cannot match ``norm``; every bit is set when ``norm``
        has characters a normalized text never has."""
        if not _PLAIN.fullmatch(norm):
            return self.all
        memo = self._memo
        if len(memo) > 100_000:  # bounded: word beginnings of odd text
            memo.clear()
        starts = set(_WORD_START.findall(norm))  # each distinct word beginning once
        for start in starts.difference(memo):
            self._bits(start)
        return reduce(or_, map(memo.__getitem__, starts), self._always)

    def starts(self, norm: str) -> dict[int, list[int]] | None:
        """Where each pre-checked pattern may begin to match in ``norm``: {pattern index:
        positions of the spaces, ascending, that are followed by a word one of its heads
        begins}. A pattern that is not a key cannot match (patterns in ``unchecked`` are never
        keys: search them whole). None when ``norm`` has characters a normalized text never
        has (search every pattern whole).

        Every match of a pre-checked pattern starts at such a space, so ``pattern.match(norm,
        at)`` tried at these positions in order finds what ``pattern.search(norm)`` finds, at
        a small part of its cost: a search tries every space of the text."""
        if not _PLAIN.fullmatch(norm):
            return None
        memo = self._index_memo
        if len(memo) > 100_000:  # bounded: word beginnings of odd text
            memo.clear()
        out: dict[int, list[int]] = {}
        get, known = memo.get, out.get  # bound once: this loop runs for every word classified
        parts = norm.split(" ")
        at = len(parts[0])  # the space before ``part``
        for part in parts[1:]:
            key = part[:HEAD]  # (one letter more than a head: is this all of the word?)
            found = get(key)
            if found is None:
                found = self._indices(key)
            for i in found:
                positions = known(i)
                if positions is None:
                    out[i] = [at]
                else:
                    positions.append(at)
            at += len(part) + 1
        return out

    def _indices(self, start: str) -> tuple[int, ...]:
        """Pre-checked patterns that may match at a word ``start`` begins (``HEAD`` letters of
        it, or the whole word when shorter): a head it begins with, or a whole word it is."""
        get = self._by_head.get
        bits = 0
        for n in range(1, min(len(start), HEAD - 1) + 1):
            bits |= get(start[:n], 0)
        if len(start) < HEAD:  # the whole word
            bits |= get(start + " ", 0)
        bits &= ~self._always
        found = tuple(i for i in range(bits.bit_length()) if bits >> i & 1)
        self._index_memo[start] = found
        return found

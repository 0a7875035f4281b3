"""Clause-level reverts: a new text whose every changed line goes back to what the page had lately.

A "blinking" page flips between variants of one block: a promo, consent or app banner with two
wordings, a company address served by geography, the old and new policy served by two caches.
When the whole text equals an earlier one the version is a revert already; when two blocks blink
independently, or a blink comes with a date change, the whole text is new although every line of
it is not. Such a version is kind ``"partial-revert"``: every line it adds was in one of the
document's recent versions, and every line it drops was missing from one of them. Like a revert it
is diffed (people can see what flipped) but never material.

"Recent" is both the last ``WINDOW_VERSIONS`` versions before the previous one and at most
``WINDOW_DAYS`` days before the new version, and a version that shares at least half its lines
with the new one (an error page or a truncated capture in the window restores nothing): a line the page had long ago and brings back is news,
and so is a clause dropped months after it appeared. A change undone within the window is a
partial revert (as a whole-text revert already is), and so is the same change redone within the
window: the feed reported it when it first appeared.

Lines, not the analysis' sentences, are compared (one pass of ``str.split`` and ``clause_key``
per version, no clause split): two independent blinks inside one paragraph make a paragraph never
seen, which stays a change. Lines are compared on ``clause_key`` with dates masked, so markup,
link targets, case, punctuation and a "Last updated" date do not count.

Pure functions and a small per-document window; the run (``archive.record.prepare``) and the
history import (``ota.history``) feed the same window in the same order, so both settle the same
kind and ``reanalyse`` (which keeps kinds) agrees with a fresh import.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from tracker.analysis.boilerplate import DATE
from tracker.analysis.clauses import clause_key

__all__ = ["WINDOW_DAYS", "WINDOW_VERSIONS", "Window", "line_forms", "restores"]

WINDOW_VERSIONS = 10
WINDOW_DAYS = 30
CLOSE = 0.5  # share of lines a window version must have in common with the new text


def line_forms(text: str) -> frozenset[str]:
    """The distinct non-empty lines of ``text`` as compared here: dates masked, then
    ``clause_key`` (no markup, link targets, numbering, case or punctuation)."""
    out = set()
    cache = _FORMS
    for line in set(text.split("\n")):
        form = cache.get(line)
        if form is None:
            form = _form(line)
            if len(cache) >= _FORMS_MAX:  # the lines of the documents in hand, not of a whole import
                cache.clear()
            cache[line] = form
        if form:
            out.add(form)
    return frozenset(out)


# line -> its form: a document's consecutive versions share nearly all their lines, and the date
# mask is the costly part (a DATE search over a 100 kB text takes tens of milliseconds)
_FORMS: dict[str, str] = {}
_FORMS_MAX = 200_000
_DATE_HINT = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d")


def _form(line: str) -> str:
    if not line.strip():
        return ""
    if _DATE_HINT.search(line):  # every date DATE knows has a year or a d/m/y shape
        line = DATE.sub(" ", line)
    return clause_key(line)


class Seen(NamedTuple):
    """One version in a window: an id (content hash), when it was fetched (ISO), its line forms."""

    digest: str
    fetched_at: str
    forms: frozenset[str]


def _when(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def restores(new: frozenset[str], previous: frozenset[str], earlier: Iterable[Seen], fetched_at: str) -> bool:
    """True when ``new`` differs from ``previous`` in some line and every differing line restores
    the state of a version of ``earlier`` (the versions before ``previous``, any order) fetched at
    most ``WINDOW_DAYS`` before ``fetched_at``: each added line was in one of them, each dropped
    line missing from one of them. False when nothing differs or no version is recent enough."""
    added, dropped = new - previous, previous - new
    if not added and not dropped:
        return False
    now = _when(fetched_at)
    if now is None:
        return False
    recent = []
    for seen in earlier:
        when = _when(seen.fetched_at)
        if when is not None and timedelta(0) <= now - when <= timedelta(days=WINDOW_DAYS) and _close(seen.forms, new):
            recent.append(seen.forms)
    if not recent:
        return False
    if added and not added <= frozenset().union(*recent):
        return False
    return all(any(line not in forms for forms in recent) for line in dropped)


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two versions share at least ``CLOSE`` of the lines of the larger? An error page, a
    capture cut short or a wholly different page in the window lacks nearly every line: it must
    not make the removal of any of them look like a restoration."""
    return len(a & b) >= CLOSE * max(len(a), len(b))


class Window:
    """A document's latest versions (at most ``WINDOW_VERSIONS + 1``: the previous one and the
    ones before it), oldest first; ``loaded`` once the versions indexed before were read in.

    The newest version keeps its text until a later version needs its line forms: a first run
    (one version per document, never checked) then pays nothing for the windows."""

    def __init__(self) -> None:
        self._versions: deque[Seen] = deque(maxlen=WINDOW_VERSIONS + 1)
        self._pending: tuple[str, str, str] | None = None  # (digest, fetched_at, text)
        self.loaded = False

    @property
    def versions(self) -> deque[Seen]:
        """The versions held, oldest first, each with its line forms."""
        self._settle()
        return self._versions

    def _settle(self) -> None:
        """Give the newest version its line forms (a later version is about to need them)."""
        if self._pending is not None:
            digest, fetched_at, text = self._pending
            self._pending = None
            self._versions.append(Seen(digest, fetched_at, line_forms(text)))

    def load(self, earlier: Iterable[tuple[str, str, str]]) -> None:
        """Put the versions recorded before this window's first one in front, oldest first:
        ``(content hash, fetched_at, text)``; the ones the window holds already are skipped."""
        held = self.versions
        have = {(s.digest, s.fetched_at) for s in held}
        older = [Seen(d, f, line_forms(t)) for d, f, t in earlier if (d, f) not in have]
        mine = list(held)
        held.clear()
        held.extend(older + mine)
        self.loaded = True

    def add(self, digest: str, fetched_at: str, text: str, *, check: bool) -> bool:
        """Add the document's newest version; with ``check`` (a version that is not the first
        nor an exact revert), say first whether it is a clause-level revert of the ones held."""
        if not (check and (self._versions or self._pending is not None)):
            self._settle()  # the newest so far is no longer the newest
            self._pending = (digest, fetched_at, text)
            return False
        forms = line_forms(text)
        held = self.versions
        found = restores(forms, held[-1].forms, list(held)[:-1], fetched_at)
        held.append(Seen(digest, fetched_at, forms))
        return found

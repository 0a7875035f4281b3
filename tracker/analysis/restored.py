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
window: the feed reported it when it first appeared. A version that only drops lines restores a
state only when each of them came in with a change that added lines and dropped none (a block that
appeared): dropping part of a rewrite (an opt-out that came with a new licence) is news.

Lines, not the analysis' sentences, are compared (one pass of ``str.split`` and ``clause_key``
per version, no clause split): two independent blinks inside one paragraph make a paragraph never
seen, which stays a change. Lines are compared on ``clause_key`` with dates masked, so markup,
link targets, case, punctuation and a "Last updated" date do not count.

A page that flips between whole variants (regional pages, two servers behind one address) makes
texts that are near-restores of an earlier version: ``Window.settle`` finds that variant, and the
version is analysed against it rather than against the previous text (``record.settled_job``), so
only what is new against the variant is reported: A, B, A, then B plus an edit reports the edit,
not B's difference from A again. See ``Window.settle`` for when an earlier version is a variant.

Pure functions and a small per-document window; the run (``archive.record.prepare``) and the
history import (``ota.history``) feed the same window in the same order, so both settle the same
kind and ``reanalyse`` (which keeps kinds) agrees with a fresh import.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Callable, NamedTuple, Union

__all__ = ["NOT_SETTLED", "WINDOW_DAYS", "WINDOW_VERSIONS", "Settled", "Window", "line_forms", "restores"]

WINDOW_VERSIONS = 10
WINDOW_DAYS = 30
CLOSE = 0.5  # share of lines a window version must have in common with the new text
# An earlier version is the variant a new text goes back to when it differs from the new text in
# at most this share of the lines the previous version differs in (see ``Window.settle``).
NEARER = 0.5


def line_forms(text: str) -> frozenset[str]:
    """The distinct non-empty lines of ``text`` as compared here: dates masked, then
    ``clause_key`` (no markup, link targets, numbering, case or punctuation)."""
    # (imported here: a run's process needs them only when a window compares versions, and
    # boilerplate's patterns alone take about 50 ms of CPU to compile, in every run otherwise)
    from tracker.analysis.boilerplate import DATE
    from tracker.analysis.clauses import clause_key

    out = set()
    cache = _FORMS
    for line in set(text.split("\n")):
        form = cache.get(line)
        if form is None:
            form = _form(line, DATE, clause_key)
            if len(cache) >= _FORMS_MAX:  # the lines of the documents in hand, not of a whole import
                cache.clear()
            cache[line] = form
        if form:
            out.add(form)
    return frozenset(out)


# line -> its form: a document's consecutive versions share nearly all their lines, and the date
# mask is the costly part (a DATE search over a 100 kB text takes tens of milliseconds)
_FORMS: dict[str, str] = {}
_FORMS_MAX = 50_000  # ~20 MB: a window's few documents' lines, not every line of an import
_DATE_HINT = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d")


def _form(line: str, date: re.Pattern[str], key: Callable[[str], str]) -> str:
    """One line's form: ``date`` (boilerplate's DATE) masked, then ``key`` (``clause_key``)."""
    if not line.strip():
        return ""
    if _DATE_HINT.search(line):  # every date DATE knows has a year or a d/m/y shape
        line = date.sub(" ", line)
    return key(line)


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


def _recent(now: datetime, fetched_at: str) -> bool:
    """Was a version fetched at ``fetched_at`` (ISO) at most ``WINDOW_DAYS`` before ``now``?"""
    when = _when(fetched_at)
    return when is not None and timedelta(0) <= now - when <= timedelta(days=WINDOW_DAYS)


def restores(new: frozenset[str], previous: frozenset[str], earlier: Iterable[Seen], fetched_at: str) -> bool:
    """True when ``new`` differs from ``previous`` in some line and every differing line restores
    the state of a version of ``earlier`` (the versions just before ``previous``, oldest first)
    fetched at most ``WINDOW_DAYS`` before ``fetched_at``: each added line was in one of them, each
    dropped line missing from one of them, and when lines are only dropped, each came in with a
    change that dropped none (``_whole_change_undone``). False when nothing differs or no version
    is recent enough."""
    earlier = list(earlier)
    added, dropped = new - previous, previous - new
    if not added and not dropped:
        return False
    now = _when(fetched_at)
    if now is None:
        return False
    recent = [seen.forms for seen in earlier if _recent(now, seen.fetched_at) and _close(seen.forms, new)]
    if not recent:
        return False
    if added and not added <= frozenset().union(*recent):
        return False
    if not all(any(line not in forms for forms in recent) for line in dropped):
        return False
    return bool(added) or _whole_change_undone(dropped, [seen.forms for seen in earlier] + [previous])


def _restores_all(new: frozenset[str], base: frozenset[str], since: list[frozenset[str]]) -> bool:
    """Does every line differing between ``base`` and ``new`` restore the state of one of the
    versions ``since`` (each added line was in one of them, each dropped line missing from one)?
    True when nothing differs: the new text reads as ``base`` did."""
    added, dropped = new - base, base - new
    if added and not (since and added <= frozenset().union(*since)):
        return False
    return all(any(line not in forms for forms in since) for line in dropped)


def _flipped(new: frozenset[str], previous: frozenset[str], base: frozenset[str],
             before: list[frozenset[str]]) -> bool:
    """Has every line that comparing ``new`` with ``base`` rather than with ``previous`` leaves
    unsaid flipped before, in the versions ``before`` the base (oldest first)? Each line the new
    text brings back from the base was missing from one of them, and each line of the previous
    version that the new text drops (and the base lacked) was in one of them: the page has gone
    from one variant to the other and back already, so it blinks. Without that evidence, a line
    back months later (or a clause dropped months after it came) is news, as ``restores`` says."""
    if not before:
        return False
    back = (new - previous) & base
    undone = (previous - new) - base
    return all(any(line not in forms for forms in before) for line in back) and \
        all(any(line in forms for forms in before) for line in undone)


class Settled(NamedTuple):
    """What a window makes of a new version that is not the first nor an exact revert.

    ``restored``: nothing in it is new, its kind is ``"partial-revert"`` (every changed line goes
    back to the document's recent past, or the text reads as an earlier variant of the page plus
    only what the page showed since). ``base_digest`` / ``base_at`` / ``base_text``: the earlier
    version (content hash, fetched_at, a function giving its text) the new text is a near-restore
    of, far closer to it than the previous version is (a page flipping between variants: A, B, A,
    then B plus an edit is B's variant again, and only the edit is new); empty / None when the
    version is compared with the previous one, as usual. ``since``: the line forms of the versions
    after the base, the previous one included (what the feed has shown since the base), and
    ``since_texts`` what reads their texts."""

    restored: bool = False
    base_digest: str = ""
    base_at: str = ""
    base_text: Callable[[], str] | None = None
    since: tuple[frozenset[str], ...] = ()
    since_texts: tuple[Callable[[], str], ...] = ()  # what reads the texts of ``since``

    def known(self, before: str | None, after: str | None) -> bool:
        """Was a clause change ``before`` → ``after`` (texts; None for the side an added or
        removed clause lacks) of the base → new comparison shown already by a version since the
        base? Such a change, made to one variant first and now seen on the other, is not new.
        Judged on runs of 3 words (compared as ``line_forms`` compares lines, over whole texts:
        a clause may be a sentence of a line, or a table row wrapped otherwise): in one version
        since, at least ``SHOWN`` of the runs the change brings in are found, and at most half of
        the ones it takes out (a contact address obfuscated in one variant and not in the other
        does not make the rest of the change new)."""
        if not self.since_texts or (before is None and after is None):
            return False
        new, old = _shingles(after or ""), _shingles(before or "")
        added, dropped = new - old, old - new
        if not added and not dropped:
            return False
        for had in _since_shingles(self.since_texts):
            if (not added or len(added & had) >= SHOWN * len(added)) and \
                    (not dropped or len(dropped & had) <= 0.5 * len(dropped)):
                return True
        return False


SHOWN = 0.8  # share of a change's new 3-word runs a version must have shown for it to be known


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of 3 words of a clause's text, its line breaks as spaces, compared as
    ``line_forms`` compares lines (dates masked, then ``clause_key``)."""
    from tracker.analysis.boilerplate import DATE
    from tracker.analysis.clauses import clause_key

    return _shingles_of(_form(" ".join(text.split("\n")), DATE, clause_key))


def _shingles_of(form: str) -> frozenset[tuple[str, ...]]:
    words = form.split()
    if len(words) < 3:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:]))


@lru_cache(maxsize=2)
def _since_shingles(texts: tuple[Callable[[], str], ...]) -> list[frozenset[tuple[str, ...]]]:
    """The runs of 3 words of each text (as ``_shingles``), whatever its line breaks: computed
    once for all the changes of a version."""
    return [_shingles(read()) for read in texts]


NOT_SETTLED = Settled()


def _whole_change_undone(dropped: frozenset[str], chain: list[frozenset[str]]) -> bool:
    """For a version that only drops lines: did each dropped line come in with a change that only
    added lines (a block that appeared, now gone again), rather than with one that also replaced
    others? ``chain``: the line forms of consecutive versions, oldest first, the previous last.
    Dropping part of a rewrite ("we do not train on your data" replaced by a licence and an
    opt-out, then the opt-out dropped) restores no state the page had: it is news."""
    for line in dropped:
        for i in range(len(chain) - 1, 0, -1):
            if line not in chain[i - 1]:  # chain[i] brought the line in
                if chain[i - 1] - chain[i]:
                    return False
                break
    return True


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two versions share at least ``CLOSE`` of the lines of the larger? An error page, a
    capture cut short or a wholly different page in the window lacks nearly every line: it must
    not make the removal of any of them look like a restoration."""
    return len(a & b) >= CLOSE * max(len(a), len(b))


Text = Union[str, Callable[[], str]]  # a text, or what reads it when first needed


class _Entry:
    """A version in a window whose line forms are computed when first asked for: most windows
    never need them (a version is compared with the ones before the previous only when one of
    those is recent, see ``Window.add``), and ``line_forms`` of a large page costs about 10 ms."""

    __slots__ = ("digest", "fetched_at", "_text", "_forms", "_read")

    def __init__(self, digest: str, fetched_at: str, text: Text | None = None,
                 forms: frozenset[str] | None = None) -> None:
        self.digest, self.fetched_at, self._text, self._forms = digest, fetched_at, text, forms
        self._read: Callable[[], str] | None = None  # reads the text back from the archive

    @property
    def forms(self) -> frozenset[str]:
        if self._forms is None:
            text = self._text() if callable(self._text) else self._text
            self._forms = line_forms(text or "")
            if isinstance(self._text, str) and self._read is not None:
                self._text = self._read  # (read back if the text itself is ever wanted)
        return self._forms

    def text(self) -> str:
        """The version's text (read back from the archive when the window let it go)."""
        held = self._text
        if callable(held):
            return held()
        if held is not None:
            return held
        return self._read() if self._read is not None else ""

    def seen(self) -> Seen:
        return Seen(self.digest, self.fetched_at, self.forms)

    def spill(self) -> None:
        """Hold the text no longer: read it back from the archive if it is ever needed."""
        if self._read is not None and isinstance(self._text, str):
            self._text = self._read


class Window:
    """A document's latest versions (at most ``WINDOW_VERSIONS + 1``: the previous one and the
    ones before it), oldest first; ``loaded`` once the versions indexed before were read in.

    A version's line forms are computed (and a loaded version's text read) only when a later
    version is compared with it: a first run (one version per document, never checked) and a
    change whose earlier versions are all older than ``WINDOW_DAYS`` (most changes of most
    documents, and every change of a document with one version before) pay nothing for them."""

    def __init__(self) -> None:
        self._entries: deque[_Entry] = deque(maxlen=WINDOW_VERSIONS + 1)
        self.loaded = False

    @property
    def versions(self) -> list[Seen]:
        """The versions held, oldest first, each with its line forms (computed now if need be)."""
        return [entry.seen() for entry in self._entries]

    def __len__(self) -> int:
        """How many versions the window holds (without computing anything)."""
        return len(self._entries)

    def load(self, earlier: Iterable[tuple[str, str, Text]]) -> None:
        """Put the versions recorded before this window's first one in front, oldest first:
        ``(content hash, fetched_at, text)``, the text as a string or as a function that reads
        it (called only if the version's lines are ever compared); the ones the window holds
        already are skipped."""
        held = self._entries
        have = {(e.digest, e.fetched_at) for e in held}
        older = [_Entry(d, f, t) for d, f, t in earlier if (d, f) not in have]
        mine = list(held)
        held.clear()
        held.extend(older + mine)
        self.loaded = True

    def add(self, digest: str, fetched_at: str, text: str, *, check: bool) -> bool:
        """Add the document's newest version; with ``check`` (a version that is not the first
        nor an exact revert), say first whether it is a clause-level revert of the ones held
        (``settle(...).restored``)."""
        return self.settle(digest, fetched_at, text, check=check).restored

    def settle(self, digest: str, fetched_at: str, text: str, *, check: bool) -> Settled:
        """Add the document's newest version; with ``check`` (a version that is not the first
        nor an exact revert), settle first what it is against the ones held (``Settled``):

        - a partial revert when every line it changes restores one of the versions fetched
          within ``WINDOW_DAYS`` (``restores``);
        - else, the near-restore of an earlier variant when one of the held versions (the
          ``WINDOW_VERSIONS`` before the previous one, of any age) differs from it in at most
          ``NEARER`` of the lines the previous version does and shares ``CLOSE`` of its lines:
          it is then compared with that variant, so that only what is new against it is
          reported. A variant older than ``WINDOW_DAYS`` qualifies only when the page has
          flipped between the two variants before (``_flipped``). Nothing new against the
          variant but lines the page has shown since: a partial revert back to it;
        - else nothing (compared with the previous version, as any change)."""
        held = self._entries
        found = NOT_SETTLED
        if check and held:
            now = _when(fetched_at)
            earlier = list(held)[:-1]
            # only a version fetched within WINDOW_DAYS can be restored (``restores`` would drop
            # the others), and an older variant only with one before it (``_flipped``): without
            # one, no line forms are needed, and the answer is no
            recent = [e for e in earlier if _recent(now, e.fetched_at)] if now is not None else []
            if recent or len(earlier) > 1:
                entry = _Entry(digest, fetched_at, text, forms=line_forms(text))
                if recent and restores(entry.forms, held[-1].forms, [e.seen() for e in recent], fetched_at):
                    # the variant it reads as exactly (but for dates and markup), if one: named
                    same = [e for e in reversed(recent) if e.forms == entry.forms]
                    found = Settled(True, same[0].digest, same[0].fetched_at) if same else Settled(True)
                else:
                    found = self._variant(entry.forms, earlier, held[-1], now)
                held.append(entry)
                self._spill()
                return found
        held.append(_Entry(digest, fetched_at, text))
        self._spill()
        return found

    @staticmethod
    def _variant(new: frozenset[str], earlier: list[_Entry], previous: _Entry, now: datetime | None) -> Settled:
        """The earlier variant ``new`` is a near-restore of, if any (see ``settle``)."""
        far = len(new ^ previous.forms)
        if not far:  # the same lines as the previous text (a date, markup): no variant to go back to
            return NOT_SETTLED
        best: tuple[int, int] | None = None  # (lines differing, position in earlier)
        for i in range(len(earlier) - 1, -1, -1):  # the latest first: it wins a tie
            entry = earlier[i]
            recent = now is not None and _recent(now, entry.fetched_at)
            if not recent and i == 0:
                continue  # an old variant needs versions before it to show the page flipping
            near = len(new ^ entry.forms)
            if near <= NEARER * far and (best is None or near < best[0]) and _close(entry.forms, new) \
                    and (recent or _flipped(new, previous.forms, entry.forms, [e.forms for e in earlier[:i]])):
                best = (near, i)
        if best is None:
            return NOT_SETTLED
        base = earlier[best[1]]
        after = earlier[best[1] + 1:] + [previous]
        since = tuple(e.forms for e in after)
        return Settled(_restores_all(new, base.forms, list(since)), base.digest, base.fetched_at, base.text, since,
                       tuple(e.text for e in after))

    def archived(self, digest: str, fetched_at: str, read: Callable[[], str]) -> None:
        """The version ``(digest, fetched_at)`` of this window is in the archive now, where
        ``read()`` gives its text back. Once it is neither the newest version nor recent
        (``WINDOW_DAYS``) beside the newest, its text is let go and read back only if a later
        version is ever compared with it (a history import holds up to ``WINDOW_VERSIONS + 1``
        whole texts of every document otherwise; hundreds of MB over a long history). The
        answers are the same: the text read back is the text recorded."""
        for entry in self._entries:
            if entry.digest == digest and entry.fetched_at == fetched_at:
                entry._read = read
        self._spill()

    def _spill(self) -> None:
        held = self._entries
        now = _when(held[-1].fetched_at) if held else None
        for i, entry in enumerate(held):
            # a text whose lines are known is read again only to compare with it as a variant
            # (rare); one not compared yet is kept while a blink back to it may come
            if entry._read is not None and (entry._forms is not None or (
                    i < len(held) - 1 and (now is None or not _recent(now, entry.fetched_at)))):
                entry.spill()

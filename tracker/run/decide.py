"""What one fetched page means for its document: a pure function of the fetch and what is known.

``decide(fetched, state)`` takes the fetched bytes or status and the document's state as the
index knew it when the run started (``DocumentState``: latest text hash and length, how that
text was extracted, the validators and raw-bytes hash remembered with it, an unrecorded text
being counted, the last gone/back event, the dates of the texts it had before) and returns a
``Decision``: what to report for the document (a typed ``CheckOutcome``), the version to record
if there is one, and the small facts to write down (an event, a sighting, the cache entry).

It does no I/O: no git, no SQLite, no network. Extracting text from bytes is itself a pure
function of the bytes and the document's settings, so it runs in here (or is passed in, as
``extract``). The run loop loads the states beforehand, calls ``decide`` and carries the
decisions out; that split is what lets every outcome be tested from hand-built inputs
(``tests/test_decide.py``).

The order of the checks, cheapest first:

1. skipped (robots.txt) or failed (HTTP error, timeout...): a 404/410 for a document we hold
   is a "gone" event, once;
2. ``304 Not Modified`` to our validators: unchanged, at the cost of no body;
3. the very bytes the latest text was extracted from (same raw hash, same settings): unchanged
   without extracting them again;
4. a body that is no document (binary content type, binary bytes whatever the type says, empty),
   or whose extraction fails: failed; the page is parsed, selected and cleaned
   (``tracker.extract.region``) first, and
5. the very region the latest text was converted from (same region hash, same settings: a page
   whose only change is per-request noise outside the text, a nonce, a CSRF token, a request
   id in a comment): unchanged without converting it to Markdown again;
6. the text of the latest version, or a text with no clause changed from it (volatile link
   tokens, layout, Markdown dialect: ``tracker.analysis.sameness``; mojibake read back, a page
   decoded under a wrong charset label): unchanged, and the archive keeps the text it has;
7. a new text from a page that is not the terms (error, login, captcha, queue, maintenance,
   status, rate-limit, consent or chooser page served as 200, a redirect to a login address,
   a script shell, ``guards.error_page``; a landing, marketing or download page that shares
   almost nothing with the latest version, ``analysis.scope.other_page_side``; its first section
   and a "Read more" control, ``guards.teaser``, or a page of excerpts each cut off before one,
   ``analysis.boilerplate.teaser_side``): failed, every run it is served, never held and
   so never recorded; so is HTML cut in transfer for sure (no ``</body>`` nor ``</html>``, and
   bytes that stop mid-text or leave the content open, ``guards.cut_mid_text``, or a text that
   is the start of the latest version or stops mid-sentence where it goes on);
8. a new text that lost more than ``max_shrink`` of the last one (or over 30% of it in whole
   sections, nothing new, ``guards.dropped``: held the same way), from HTML bytes that stop
   before their ``</body>`` (``guards.cut_off_html``), or that stops mid-sentence where the
   latest text goes on (``analysis.boilerplate.truncated_side``), or the terms in another language
   (``guards.another_language``; counted by language, any text in it): held until seen in 3
   consecutive runs (or ``confirm``); a new text with ``confirm = N``: pending until seen in N;
9. otherwise a new version: ``first``, ``revert`` (a text it had before) or ``changed``; a
   revert that is the second flip back between the same two texts from run to run (versions
   X, Y, X, then Y, not both served for over a week of runs: ``_alternates``) is a blink instead, as in 10;
10. a ``changed`` or ``revert`` text, and a text the page was seen blinking to (``Blink``), comes
   with ``recheck``: the run loop fetches the page again at once and ``settle`` decides with both
   fetches. A page that gives the latest text back is blinking between variants (an A/B test, a
   geo or cache variant) and records nothing ("unchanged", "variant: ..."); its texts are
   remembered, and a variant is recorded only once no fetch of ``VARIANT_RUNS`` runs in a row has
   given the latest text. Two fetches that agree are a change, recorded that run. Two that differ
   from each other and from the latest text record only what they agree on (``agreed_text``: where
   they differ, the page blinks, and the latest text's wording stands there), or nothing when that
   is the latest text; a run whose two fetches are two variants agreeing on the latest text is a
   run the latest text was served.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping

from tracker.archive.store import NewVersion, content_hash, iso, parse_iso
from tracker.errors import ExtractError
from tracker.fetch import Fetched, Validators
from tracker.fetch import guards as guard
from tracker.run.result import CheckOutcome, OutcomeKind
from tracker.sources.config import Document

if TYPE_CHECKING:
    from tracker.extract.convert import Region


@dataclass(frozen=True)
class CacheEntry:
    """What a check remembers about the latest text's page: the server's validators (sent back
    to get a 304), the hash of the bytes the text came from and of the page region it was
    converted from (``Region.digest``), valid for the text with ``content_hash`` fetched with the
    settings ``fingerprint``."""

    etag: str | None
    last_modified: str | None
    content_hash: str
    fingerprint: str
    raw_hash: str | None = None
    region_hash: str | None = None

    def row(self, key: str) -> dict[str, Any]:
        """The ``http_cache`` row of document ``key`` (``Index.set_http_cache``)."""
        return {"document_key": key, "etag": self.etag, "last_modified": self.last_modified,
                "content_hash": self.content_hash, "fingerprint": self.fingerprint, "raw_hash": self.raw_hash,
                "region_hash": self.region_hash}


@dataclass(frozen=True)
class Sighting:
    """A text not recorded yet, seen in ``seen`` consecutive runs (confirm, or a held shrink)."""

    content_hash: str
    seen: int
    at: str  # ISO time of the latest sighting


@dataclass(frozen=True)
class Blink:
    """A page seen blinking: the hashes of the texts it is served as from request to request (an
    A/B test, a geo or cache variant), the latest recorded text's among them, most recent first;
    and ``absent``, the consecutive runs in which no fetch gave back the latest recorded text."""

    variants: tuple[str, ...] = ()
    absent: int = 0

    def but(self, *hashes: str | None, absent: int) -> "Blink":
        """This record with ``hashes`` first among the variants (at most ``MAX_VARIANTS``)."""
        merged = [h for h in hashes if h] + list(self.variants)
        return Blink(tuple(dict.fromkeys(merged))[:MAX_VARIANTS], absent)


MAX_VARIANTS = 6  # variant hashes remembered per document
VARIANT_RUNS = 3  # consecutive runs without the latest text, every fetch, before a variant is recorded
ALTERNATION = 3  # versions looked back at to tell a page alternating from run to run (X, Y, X, then Y)
ALTERNATION_DAYS = 30  # ... all within this many days of the fetch: a text toggled back months later is news
# ... unless both texts were each served in more than this many runs: in the contrib history (daily
# runs) such flips mostly stay (24 of 43), where flips with either text shorter mostly flip again
ALTERNATION_RUNS = 7


@dataclass(frozen=True)
class DocumentEvent:
    """A "gone" (404/410 for a document we hold) or "back" (served again) event."""

    event: Literal["gone", "back"]
    at: str  # ISO time of the fetch
    detail: str  # "HTTP 404", the fetch error, ...


@dataclass(frozen=True)
class DocumentState:
    """What the index knows about one document when a run starts (all None for a new one)."""

    latest_hash: str | None = None  # content hash of the latest recorded text
    latest_length: int | None = None  # its length in characters (None: not known)
    settings: str | None = None  # fingerprint of the settings that text was extracted with
    cache: CacheEntry | None = None  # validators and raw-bytes hash remembered by the last check
    sighting: Sighting | None = None  # an unrecorded text being counted
    last_event: str | None = None  # "gone" or "back", the latest event
    # content hash -> ISO date of the first version with that text (reverts are found here)
    earlier: Mapping[str, str] = field(default_factory=dict)
    blink: Blink | None = None  # the texts it was seen blinking between, if it was
    # (content hash, ISO fetched_at) of the last ``ALTERNATION`` versions, the latest first
    recent: tuple[tuple[str, str], ...] = ()
    # (runs the last-but-one version was served, runs the latest has been): known only when the
    # last versions went X, Y, X and the runs that recorded both are in the checks table
    served: tuple[int, int] | None = None

    def trusted_cache(self, fingerprint: str) -> CacheEntry | None:
        """The cache entry if it describes the version held, fetched the way we fetch now (a 304
        or equal bytes only mean "same text" then), else None."""
        cache = self.cache
        if cache is None or cache.fingerprint != fingerprint or cache.content_hash != self.latest_hash:
            return None
        return cache

    def validators(self, fingerprint: str) -> Validators | None:
        """ETag / Last-Modified to send with the next request, or None for an unconditional one."""
        cache = self.trusted_cache(fingerprint)
        if cache is None or not (cache.etag or cache.last_modified):
            return None
        return Validators(cache.etag, cache.last_modified)


@dataclass(frozen=True)
class Decision:
    """What ``decide`` made of one fetch: what to report and what to write down.

    For a new version, ``check`` is reported once the version is committed and indexed (with its
    commit and summary), and ``cache`` is remembered then; otherwise both apply at once.
    """

    check: CheckOutcome
    version: NewVersion | None = None  # a text to record: kind "first", "changed" or "revert"
    event: DocumentEvent | None = None  # a gone / back event to log
    sighting: Sighting | None = None  # count this unrecorded text (replaces the counter)
    forget_sighting: bool = False  # drop the counter of an unrecorded text
    extracted_with: str | None = None  # fingerprint to store as how the latest text was extracted
    cache: CacheEntry | None = None  # validators and raw-bytes hash to remember
    # The hash of a text to fetch again before acting (``settle``): a text that would be a new
    # version, or a known variant of a blinking page. Callers that do not fetch again carry the
    # decision out as it is.
    recheck: str | None = None
    blink: Blink | None = None  # the blink record to store
    forget_blink: bool = False  # drop the blink record (the page changed for good)
    # the text of a known variant fetched (``recheck`` set, no version to carry it): ``settle``
    # reads it against the second fetch
    text: str | None = field(default=None, repr=False)

    @property
    def outcome(self) -> OutcomeKind:
        return self.check.outcome


Extractor = Callable[[Fetched], str]
LatestText = Callable[[], "str | None"]


def decide(fetched: Fetched, state: DocumentState, *, confirm: int = 1, extract: Extractor | None = None,
           latest_text: LatestText | None = None) -> Decision:
    """Decide what ``fetched`` means for its document (``fetched.document``), given ``state``.

    ``confirm`` is the run-wide number of consecutive runs a new text must be seen in (the
    document's own ``confirm`` wins when larger). ``extract`` turns the fetched bytes into the
    document's text and may raise ``ExtractError``, which becomes a "failed" outcome; by default
    the page's region is computed first (``select_regions``) and converted (``regions_text``)
    only when its hash differs from the one remembered with the latest text. ``latest_text``
    returns the latest recorded text (None if unreadable); it is called only when a new text's
    hash differs from the latest one, to tell whether any clause changed (without it, any other
    hash is a new text). Never raises for a bad page; does no I/O of its own.
    """
    if fetched.skipped:
        return Decision(_check(fetched, "skipped", summary=fetched.skipped))
    if not fetched.ok:
        return Decision(_check(fetched, "failed", error=fetched.error), event=_gone(fetched, state))
    settings = fingerprint(fetched.document)
    if fetched.not_modified:
        return _not_modified(fetched, state, settings)
    raw = raw_hash(fetched)
    trusted = state.trusted_cache(settings)
    if trusted is not None and trusted.raw_hash == raw:  # the very bytes the latest text came from
        assert state.latest_hash is not None  # a trusted cache entry describes the latest text
        return _unchanged(fetched, state, _remember(fetched, state.latest_hash, settings, raw))
    problem = content_problem(fetched)
    if problem:
        return Decision(_check(fetched, "failed", error=problem))
    region: str | None = None
    try:
        if extract is not None:
            text = extract(fetched)
        else:
            regions = select_regions(fetched)
            region = region_hash(regions)
            if trusted is not None and trusted.region_hash == region:  # only the noise around the text changed
                assert state.latest_hash is not None
                return replace(_unchanged(fetched, state, _remember(fetched, state.latest_hash, settings, raw, region)),
                               extracted_with=settings if state.settings != settings else None)
            text = regions_text(fetched, regions)
    except ExtractError as exc:
        return Decision(_check(fetched, "failed", error=extraction_message(exc, fetched)))
    return _new_text(fetched, state, text, settings, raw, max(confirm, fetched.document.confirm), latest_text,
                     region)


def _not_modified(fetched: Fetched, state: DocumentState, settings: str) -> Decision:
    """A 304: the version we hold is current, if we asked with its validators."""
    trusted = state.trusted_cache(settings)
    # A 304 we did not ask for (a header in sources.toml?) says nothing about our text.
    if trusted is None or not (trusted.etag or trusted.last_modified):
        return Decision(_check(fetched, "failed", error="HTTP 304 to a request without validators we know",
                               http_status=304))
    assert state.latest_hash is not None
    # The server may refresh its validators on a 304: remember the new ones.
    cache = (_remember(fetched, state.latest_hash, settings, trusted.raw_hash or None, trusted.region_hash)
             if fetched.validators else None)
    return _unchanged(fetched, state, cache, http_status=304)


def _new_text(fetched: Fetched, state: DocumentState, text: str, settings: str, raw: str, needed: int,
              latest_text: LatestText | None = None, region: str | None = None) -> Decision:
    """An extracted text: unchanged, an error page, held or pending, or a new version."""
    text_hash = content_hash(text)
    extracted_with = settings if state.settings != settings else None
    cache = _remember(fetched, text_hash, settings, raw, region)
    if text_hash == state.latest_hash:
        return replace(_unchanged(fetched, state, cache), extracted_with=extracted_with)
    if state.blink is not None and text_hash in state.blink.variants:
        return _variant(fetched, state, text, text_hash, cache)
    latest = latest_text() if state.latest_hash is not None and latest_text is not None else None
    if latest is not None and state.latest_hash is not None and _same_terms(latest, text):
        # Not a new version: the archive keeps the latest text, and these bytes map to it.
        unchanged = _unchanged(fetched, state, _remember(fetched, state.latest_hash, settings, raw, region))
        return replace(unchanged, check=replace(unchanged.check, summary=NO_CLAUSE_CHANGED),
                       extracted_with=extracted_with)
    # Is it an error page served as 200, or a page that suddenly lost most of itself? Comparisons
    # with the last text only mean something if it was extracted the same way: a narrower
    # `select` shrinks the text on purpose.
    same_way = state.settings is None or state.settings == settings
    previous = state.latest_length if state.latest_hash is not None and same_way else None
    problem = _not_loaded(fetched, text) or guard.error_page(
        text, fetched.body, previous, url=fetched.url, final_url=fetched.final_url) or (
        _partial_page(latest, text, fetched.document.max_shrink) if latest is not None and same_way else None)
    pages = fetched.parts or (fetched,)
    # a page half-hidden (a comment never closed) or, for a first version, half-built (a loading
    # placeholder a script fills): refused
    problem = problem or guard.unclosed_comment(pages) or (
        guard.still_loading(text, fetched.body) if state.latest_hash is None else None)
    if problem:
        return Decision(_check(fetched, "failed", error=problem))
    # A page whose bytes stop before its end (a transfer closed early, with no length to tell)
    # is held like a sudden shrink: a cut that lasts 3 runs is the page as served.
    # So is a text that stops mid-sentence where the latest version goes on: a cut transfer is
    # not served the same way 3 runs in a row, a page that really ends there now is (a trailing
    # widget dropped), and refusing it for ever would lose every later version.
    # Both at once, or bytes that stop mid-text, are a cut transfer however often it repeats (a
    # proxy that cuts at the same byte each time): refused, never a version deleting the rest.
    cut_html = guard.cut_off_html(pages)
    cut_text = _cut_short(latest, text) if latest is not None and same_way else None
    cut = guard.cut_mid_text(pages) if cut_html else None
    if cut is None and cut_html and cut_text:
        cut = ("a page cut off: its HTML stops before its </body> and </html> and its text mid-sentence where "
               f"the latest version goes on {guard.CUT_FIX}")
    if cut is None and cut_html and latest is not None and same_way and _leading_part(latest, text):
        cut = ("a page cut off: its HTML stops before its </body> and </html>, and its text is the start of "
               f"the latest version, the rest missing {guard.CUT_FIX}")
    if cut:
        return Decision(_check(fetched, "failed", error=cut))
    # The terms in another language (a site that picks it by Accept-Language or location) are held
    # like a shrink, counted by language rather than by text: a switch that lasts 3 runs is the
    # page as served now (the analysis calls it a translation, not new terms), and refusing it for
    # ever would lose every later version of a site that moved to that language for good.
    switched = guard.another_language(latest, text) if latest is not None and same_way else None
    # ... but a page back to a text it had in an earlier version (English again after a German spell)
    # is no new language to wait for: that text was the page as served once already
    if switched and _kind(state, text_hash)[0] == "revert":
        switched = None
    shrunk = guard.shrink(previous, len(text), fetched.document.max_shrink)
    # sections missing, nothing new (a page loaded in part, a variant): held like a sudden shrink
    drop = (guard.dropped(latest, text, fetched.document.max_shrink)
            if latest is not None and same_way and not (cut_html or cut_text or switched or shrunk) else None)
    held = cut_html or cut_text or switched or shrunk or drop
    # A sudden shrink is counted as such, any shrunk text: a shorter policy that goes on being
    # edited (a date a run, a clause) is the page as served now once it has lasted 3 runs, where
    # counting one exact text held it for ever (a replay of Vinted's privacy policy, 134,779
    # characters down to 26,000 and edited at each step: 12 versions never recorded). A text cut
    # mid-sentence still has to repeat exactly, and so does any text under `confirm` (asked for).
    key = (f"language:{guard.main_language(text)}" if switched
           else SHRINK_KEY if (shrunk or drop) and not (cut_html or cut_text) and needed <= 1 else text_hash)
    waiting = _not_confirmed(fetched, state, key, held, needed, guard.DROP_RUNS if drop else guard.HOLD_RUNS)
    if waiting is not None:
        return waiting
    kind, revert_of = _kind(state, text_hash)
    if kind == "revert" and _alternates(state, text_hash, fetched.fetched_at):
        return _alternation(fetched, state, text, text_hash, cache)
    return Decision(_check(fetched, "new" if kind == "first" else kind),
                    version=to_version(fetched, text, kind=kind, revert_of=revert_of),
                    event=_back(fetched, state), forget_sighting=state.sighting is not None,
                    extracted_with=extracted_with, cache=cache, recheck=None if kind == "first" else text_hash)


SHRINK_KEY = "shrink"  # what a held shrink counts (``_not_confirmed``): any shrunk text, not one
VARIANT_NOTE = "variant: the page alternates between texts ({}); not recorded"


def _variant(fetched: Fetched, state: DocumentState, text: str, text_hash: str, cache: CacheEntry) -> Decision:
    """A text the page was seen blinking to (``state.blink``), not the latest recorded one: no
    version, unless no fetch has given back the latest text for ``VARIANT_RUNS`` runs in a row (this
    one included), when the page has moved to this variant for good. Either way the page is fetched
    again first (``settle``): a run counts only if every fetch of it lacks the latest text."""
    assert state.blink is not None
    absent = state.blink.absent + 1
    if absent >= VARIANT_RUNS:
        kind, revert_of = _kind(state, text_hash)
        return Decision(_check(fetched, "new" if kind == "first" else kind), version=to_version(fetched, text, kind=kind, revert_of=revert_of),
                        event=_back(fetched, state), forget_sighting=state.sighting is not None, cache=cache,
                        recheck=text_hash, blink=state.blink.but(absent=0))
    note = VARIANT_NOTE.format(f"the latest text missing from {absent} run(s) in a row; recorded after "
                               f"{VARIANT_RUNS}")
    return Decision(_check(fetched, "unchanged", summary=note), event=_back(fetched, state), cache=cache,
                    forget_sighting=state.sighting is not None, recheck=text_hash,
                    blink=state.blink.but(absent=absent), text=text)


def _alternates(state: DocumentState, text_hash: str, fetched_at: datetime) -> bool:
    """Does ``text_hash`` make the page's last versions X, Y, X then Y, the first X fetched within
    ``ALTERNATION_DAYS`` of ``fetched_at``: back for the second time, within weeks, to the text
    the latest version replaced? One revert is a real version (a change taken back); a page that
    keeps going back and forth between two texts from run to run (a stale cached copy served
    every other run, an A/B test drawn per day) is blinking. Not when both texts lasted more than
    ``ALTERNATION_RUNS`` runs each (``state.served``): a change taken back for two weeks and then
    made again, or a policy that legitimately alternates once, is recorded that run, not 3 runs late."""
    recent = [digest for digest, _ in state.recent]
    if not (len(recent) >= 3 and recent[1] == text_hash and recent[2] == recent[0] == state.latest_hash):
        return False
    if state.served is not None and min(state.served) > ALTERNATION_RUNS:
        return False
    try:
        since = parse_iso(state.recent[2][1])
    except (TypeError, ValueError):  # a date the index cannot give back: no window to tell
        return False
    return (fetched_at - since).total_seconds() <= ALTERNATION_DAYS * 86400


ALTERNATION_NOTE = ("variant: the page alternates between two texts from run to run (back to the text it "
                    "left for the second time); not recorded unless it lasts {} runs")


def _alternation(fetched: Fetched, state: DocumentState, text: str, text_hash: str, cache: CacheEntry) -> Decision:
    """A page alternating between its latest text and the one before (``_alternates``): both are
    remembered as its variants and the run goes on as for a known variant (``_variant``): nothing
    recorded unless no fetch gives the latest text back for ``VARIANT_RUNS`` runs in a row."""
    assert state.latest_hash is not None
    blinking = replace(state, blink=(state.blink or Blink()).but(state.latest_hash, text_hash, absent=0))
    decision = _variant(fetched, blinking, text, text_hash, cache)
    if decision.version is not None:
        return decision
    return replace(decision, check=replace(decision.check, summary=ALTERNATION_NOTE.format(VARIANT_RUNS)))


def settle(first: Decision, again: Fetched, state: DocumentState, latest_text: LatestText | None = None) -> Decision:
    """What ``first`` (a decision with ``recheck`` set) becomes once its page, fetched again in
    the same run (``again``), is known: a page that gives back the latest recorded text, or a
    text it was seen blinking to, is blinking between variants (an A/B test, a geo or cache
    variant) and records nothing; two fetches that agree on a new text are a change, recorded at
    once; two new texts that differ record what they agree on against the latest text
    (``_agreed``), or nothing, and both are remembered as variants. A second fetch that tells
    nothing (failed, an error page) leaves a new text to be recorded as before. Pure, like
    ``decide``; the result has no ``recheck``.
    """
    h1, latest = first.recheck, state.latest_hash
    assert h1 is not None
    h2, text2, region2 = _second_fetch(first, again, state, latest_text)
    blink = state.blink or first.blink or Blink()  # (a page just found alternating: ``_alternation``)
    known = blink.variants
    done = replace(first, recheck=None)
    if first.version is not None and h1 not in known:  # a new text
        if h2 is None or h2 == h1:  # the fetches agree (or the second tells nothing): a change
            return replace(done, forget_blink=state.blink is not None)
        if h2 != latest and h2 not in known:  # left the latest text for two others: blinking
            # ... where the two differ: only what both fetches agree on is a change (``agreed_text``),
            # an A/B sentence drawn per request is no part of it, nor any new terms alone
            agreed = _agreed(done, again, state, h2, text2, region2, latest_text)
            if agreed is not None:
                return replace(agreed, blink=Blink().but(h1, h2, absent=0))
            return _blinking(first, blink.but(h1, h2, latest, absent=0), BLINK_ONLY)
        # back to the latest text, or to a known variant, within the run: blinking
        absent = 0 if h2 == latest else blink.absent + 1
        note = VARIANT_NOTE.format("seen again at once" if h2 == latest else "another variant at once")
        return _blinking(first, blink.but(h1, h2, latest, absent=absent), note)
    # ``first`` is a known variant: counted, or recorded once the latest text has been missing long enough
    if h2 is None:  # this run tells nothing: count nothing
        return replace(done, version=None, blink=None, cache=None,
                       check=replace(first.check, outcome="unchanged", summary=VARIANT_NOTE.format("unconfirmed")))
    if h2 == latest:  # the latest text is still served
        return replace(done, version=None, blink=blink.but(absent=0), cache=None,
                       check=replace(first.check, outcome="unchanged", summary=VARIANT_NOTE.format("seen again at once")))
    text1 = first.version.text if first.version is not None else first.text
    if h2 != h1 and _blink_only(text1, text2, state, latest_text):
        # two variants that agree on the latest text and differ only where the page blinks: the
        # latest text is what the page serves (a blink in a slot the latest text lacks is never a
        # variant "kept" for VARIANT_RUNS runs)
        return replace(done, version=None, blink=blink.but(h2, absent=0), cache=None,
                       check=replace(first.check, outcome="unchanged", summary=BLINK_ONLY))
    return done if done.version is not None else replace(done, cache=None)


BLINK_ONLY = VARIANT_NOTE.format("two variants at once, the same as the latest text wherever they agree")


def _blinking(first: Decision, blink: Blink, note: str) -> Decision:
    """``first`` (a new text) not recorded: the page blinks (``blink``, the record to store)."""
    return Decision(replace(first.check, outcome="unchanged", summary=note), event=first.event,
                    forget_sighting=first.forget_sighting, extracted_with=first.extracted_with, blink=blink)


def _blink_only(text1: str | None, text2: str | None, state: DocumentState,
                latest_text: LatestText | None) -> bool:
    """Do two fetches that differ (``text1``, ``text2``) agree on nothing but the latest recorded
    text (``agreed_text``)? False when a text or the latest one is not known."""
    if text1 is None or text2 is None or latest_text is None or state.latest_hash is None:
        return False
    latest = latest_text()
    if latest is None:
        return False
    agreed = agreed_text(text1, text2, latest)
    return content_hash(agreed) == state.latest_hash or _same_terms(latest, agreed)


def _agreed(done: Decision, again: Fetched, state: DocumentState, h2: str, text2: str | None,
            region2: str | None, latest_text: LatestText | None) -> Decision | None:
    """The version to record when the two fetches of a changed page differ (the first's is
    ``done.version``; the second's text ``text2``, hash ``h2``, region hash ``region2``), or None to
    record nothing: the part where they differ is the page blinking (an A/B sentence drawn per
    request, a banner), never new terms, so only what both fetches agree on and the latest recorded
    text lacks is recorded (``agreed_text``). That is the first fetch's text, or the second's, when
    the other differs only by having the latest text's wording where they differ; else a text
    neither fetch gave, the agreed change put into the latest text (its raw bytes the first
    fetch's); None when they agree on nothing new. A real change that comes with an A/B test, or
    while one runs, is then recorded alone, and nothing when the test stops. A change rolled out in
    two steps, one server with part of it while another has all of it, is recorded in part, and the
    rest once every fetch of ``VARIANT_RUNS`` runs has it (later, never lost). Without the texts
    (the latest unreadable, the second fetch the same clauses as the first), the first fetch's
    version as before."""
    first = done.version
    # (the two fetches disagreeing is itself the page seen blinking: an A/B test that started with
    # the change, or whose earlier runs each fetched the latest text once, is not known before)
    if first is None or text2 is None or latest_text is None or state.latest_hash is None:
        return done
    latest = latest_text()
    if latest is None:
        return done
    text = agreed_text(first.text, text2, latest)
    text_hash = content_hash(text)
    if text_hash == state.latest_hash or _same_terms(latest, text):
        return None
    if text == first.text:
        return done
    kind, revert_of = _kind(state, text_hash)
    if kind == "revert" and _alternates(state, text_hash, again.fetched_at):
        return None  # (a second flip back: ``decide`` would not record it either)
    check = replace(done.check, outcome="new" if kind == "first" else kind)
    if text == text2:
        return replace(done, check=check, version=to_version(again, text2, kind=kind, revert_of=revert_of),
                       cache=_remember(again, h2, fingerprint(again.document), raw_hash(again), region2))
    # a text no fetch gave: no bytes map to it, so nothing is remembered to skip the next fetch by
    return replace(done, check=check, version=replace(first, text=text, kind=kind, revert_of=revert_of), cache=None)


def agreed_text(text1: str, text2: str, latest: str) -> str:
    """What two fetches of one page (``text1``, ``text2``) agree on, read against the latest
    recorded text ``latest``: a three-way merge with ``latest`` as the base, where a stretch both
    fetches have the same way is taken as they have it (the same as ``latest``, or a change both
    made) and a stretch where they differ (one changed it and the other not, or each its own way)
    as ``latest`` has it. Lines (paragraphs) first, then the words of a line that each fetch
    changed its own way, so a blinking sentence next to a real change in one paragraph is told.
    ``latest`` itself when they agree on no change; ``text1`` when it differs from ``text2`` only
    by the latest text's wording."""
    if text1 == text2:
        return text1
    lines = _merge3(latest.splitlines(keepends=True), text1.splitlines(keepends=True),
                    text2.splitlines(keepends=True), refine=_merge_words, junk=True)
    return "".join(lines)


MERGE_WORDS_MAX = 2_000  # words and spaces of a stretch merged word by word; a longer one stays as the latest has it


_TOKENS = re.compile(r"(\s+)")  # words and the spaces between them, kept: joined back, the text


def _merge_words(base: list[str], one: list[str], two: list[str]) -> list[str]:
    """Lines each fetch changed its own way (``_merge3``), merged word by word."""
    words = [_TOKENS.split("".join(lines)) for lines in (base, one, two)]
    if max(len(w) for w in words) > MERGE_WORDS_MAX:
        return base
    return ["".join(_merge3(*words, junk=False))]


def _merge3(base: list[str], one: list[str], two: list[str], *,
            refine: Callable[[list[str], list[str], list[str]], list[str]] | None = None, junk: bool) -> list[str]:
    """A three-way merge of the sequences ``one`` and ``two`` against ``base`` that keeps only what
    they agree on: between the items of ``base`` both keep, a stretch the two have the same way is
    theirs, one where only one of them differs from ``base`` is ``base``'s, and one where each
    differs its own way is ``refine``'s (given the three stretches), or ``base``'s. ``junk``:
    ``SequenceMatcher``'s autojunk (items frequent in a long sequence, blank lines, are matched
    only next to others: fast on a whole text's lines; off for the few words of a stretch)."""
    from difflib import SequenceMatcher

    def kept(other: list[str]) -> dict[int, int]:
        return {blk.a + k: blk.b + k for blk in SequenceMatcher(None, base, other, autojunk=junk)
                .get_matching_blocks() for k in range(blk.size)}

    in_one, in_two = kept(one), kept(two)
    out: list[str] = []
    i = j = k = 0

    def stretch(o: list[str], x: list[str], y: list[str]) -> None:
        if x == y:
            out.extend(x)
        elif x == o or y == o or refine is None:
            out.extend(o)
        else:
            out.extend(refine(o, x, y))

    while True:
        s = i  # the next item of ``base`` both keep
        while s < len(base) and not (s in in_one and s in in_two and in_one[s] >= j and in_two[s] >= k):
            s += 1
        if s == len(base):
            stretch(base[i:], one[j:], two[k:])
            return out
        if (s, in_one[s], in_two[s]) != (i, j, k):
            stretch(base[i:s], one[j:in_one[s]], two[k:in_two[s]])
        out.append(base[s])
        i, j, k = s + 1, in_one[s] + 1, in_two[s] + 1


def steady_side(text1: str, text2: str, latest: str) -> int:
    """Which of two differing fetches of one page, ``text1`` or ``text2``, is what they agree on
    against the latest recorded text (``agreed_text``): 2 when ``text2`` is (it has the latest
    text's wording wherever the two differ), else 1 (``text1`` is, or neither: ``settle`` then
    records a text of its own, or nothing)."""
    return 2 if text1 != text2 and agreed_text(text1, text2, latest) == text2 else 1


def _second_fetch(first: Decision, again: Fetched, state: DocumentState,
                  latest_text: LatestText | None = None) -> tuple[str | None, str | None, str | None]:
    """The content hash of the text a second fetch of the page gave (``again``), compared as
    ``decide`` compares: the first fetch's hash when it is the same text, bytes or region, or the
    same clauses; the latest recorded text's when it is that one; None when it tells nothing of
    the page's text (a failure, an error page, a body that is no document). Then, when the hash
    is a text of its own, that text and its region's hash (``region_hash``); else None for both."""
    h1 = first.recheck
    if not again.ok or again.not_modified or content_problem(again):
        return None, None, None
    settings = fingerprint(again.document)
    raw = raw_hash(again)
    trusted = state.trusted_cache(settings)
    seen = first.cache
    if seen is not None and seen.raw_hash == raw:
        return h1, None, None
    if trusted is not None and trusted.raw_hash == raw:
        return state.latest_hash, None, None
    try:
        regions = select_regions(again)
        region = region_hash(regions)
        if seen is not None and seen.region_hash == region:
            return h1, None, None
        if trusted is not None and trusted.region_hash == region:
            return state.latest_hash, None, None
        text = regions_text(again, regions)
    except ExtractError:
        return None, None, None
    text_hash = content_hash(text)
    if text_hash in (h1, state.latest_hash):
        return text_hash, None, None
    if first.version is not None and _same_terms(first.version.text, text):
        return h1, None, None
    latest = latest_text() if state.latest_hash is not None and latest_text is not None else None
    if latest is not None and _same_terms(latest, text):
        return state.latest_hash, None, None
    if guard.error_page(text, again.body, url=again.url, final_url=again.final_url):
        return None, None, None
    return text_hash, text, region


NO_CLAUSE_CHANGED = "no clause changed; not recorded"


def _same_terms(latest: str, text: str) -> bool:
    """Is ``text`` the latest text as far as its clauses go (``tracker.analysis.sameness``), once
    any mojibake in it is read back (``extract.convert.repair_mojibake``: a page served for a run
    under a wrong charset label, whose decoding no rule could tell, says the same terms), stamps
    masked, a server's warning or a repeated copy set aside, a cookie banner in the terms' region
    added or gone (``guards.banner_only_change``), or headings at other levels?"""
    from tracker.analysis.sameness import same_terms
    from tracker.extract.convert import repair_mojibake

    if same_terms(latest, text):
        return True
    repaired = repair_mojibake(text)
    if repaired != text and (repaired == latest or same_terms(latest, repaired)):
        return True
    masked_latest, masked = _masked(latest, repaired)
    if (masked_latest != latest or masked != repaired) and same_terms(masked_latest, masked):
        return True
    # a server's warning printed above the terms, or the terms shown twice: the same terms
    plain_latest, plain = guard.without_server_messages(masked_latest), guard.without_server_messages(masked)
    if (plain_latest != masked_latest or plain != masked) and (plain_latest == plain or same_terms(plain_latest, plain)):
        return True
    if guard.repeated_copy(plain_latest, plain) or guard.banner_only_change(plain_latest, plain):
        return True  # ... or a cookie banner inside the terms' region on some requests only
    # ... or the same headings at other levels (a layout tested against another: "## 1. Fees" and
    # "### 1. Fees", the same words under them)
    level_latest, level = _heading_levels_dropped(plain_latest, plain)
    return (level_latest != plain_latest or level != plain) and (level_latest == level or same_terms(level_latest, level))


_HEADING_LEVEL = re.compile(r"^ {0,3}#{1,6}(?=[ \t])", re.M)


def _heading_levels_dropped(latest: str, text: str) -> tuple[str, str]:
    """Both texts with every ATX heading's marks made one "#" (``_HEADING_LEVEL``). The pattern
    reads within a line, so the lines both texts start and end with (``common_lines``) are read
    once for both, and only the lines between twice."""
    from tracker.text import common_lines

    start, tail = common_lines(latest, text)
    head, foot = _HEADING_LEVEL.sub("#", latest[:start]), _HEADING_LEVEL.sub("#", latest[len(latest) - tail:])
    return (head + _HEADING_LEVEL.sub("#", latest[start:len(latest) - tail]) + foot,
            head + _HEADING_LEVEL.sub("#", text[start:len(text) - tail]) + foot)


def _masked(latest: str, text: str) -> tuple[str, str]:
    """``mask_stamps`` of both texts for ``_same_terms``, or both texts as they are when masking
    changes nothing in the lines where they differ. Masking two whole texts cost about 3 ms a
    changed page (most of ``_same_terms``), for pages whose stamps, if any, are nearly always in
    lines both texts share. Masking is line by line but for a labelled id whose label stands
    lines above it ("Request ID:" then the id), so the lines where they differ are masked with
    the lines around them up to one that is neither blank nor a lone ":" or "#". A stamp only in
    shared lines is then left in both texts alike: the checks after compare what differs."""
    from tracker.analysis.boilerplate import mask_stamps  # (the analysis says such lines are date-only too)
    from tracker.analysis.sameness import _changed_span

    start, latest_end, text_end = _changed_span(latest, text)
    start = _line_above(latest, start)
    wider = _line_below(latest, latest_end)  # (the texts share what follows their changed span)
    latest_end, text_end = wider, text_end + wider - latest_end
    here_latest, here = latest[start:latest_end], text[start:text_end]
    if mask_stamps(here_latest) == here_latest and mask_stamps(here) == here:
        return latest, text
    return mask_stamps(latest), mask_stamps(text)


_BLANKISH = re.compile(r"\s*[:#]?\s*")  # a line a labelled id's label may stand above (``_masked``)


def _line_above(text: str, start: int) -> int:
    """Where the first line above the one at ``start`` that is not blank (nor a lone ":" or
    "#") begins; 0 when there is none."""
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        line, start = text[above:start - 1], above
        if not _BLANKISH.fullmatch(line):
            break
    return start


def _line_below(text: str, end: int) -> int:
    """Where the first line below the one ending at ``end`` that is not blank (nor a lone ":" or
    "#") ends; ``len(text)`` when there is none."""
    while end < len(text):
        below = text.find("\n", end + 1)
        below = len(text) if below < 0 else below
        line, end = text[end + 1:below], below
        if not _BLANKISH.fullmatch(line):
            break
    return end


def _partial_page(latest: str, text: str, max_shrink: float) -> str | None:
    """Why ``text`` is not a new version of the terms whose latest text is ``latest``: another
    page (``_another_page``) or only the start of the terms with a "Read more" control
    (``guards.teaser``), or a page of excerpts ending in "Read more" controls, one of them the
    terms' opening (``analysis.boilerplate.teaser_side``: a legal hub's index served in place of the
    terms); else None. A text cut off mid-sentence is held instead (``_cut_short``)."""
    from tracker.analysis.boilerplate import teaser_side

    found = _another_page(latest, text) or guard.teaser(latest, text, max_shrink)
    if found is None and teaser_side(latest, text) == "new":
        found = (f"{guard.NOT_TERMS_PREFIX}{guard.TEASER}, a page of excerpts each cut off before a \"read more\" "
                 f"control ({len(text) / len(latest):.0%} of the latest version): if this lasts, try "
                 "render = \"browser\" or check the URL and `select`")
    return found


def _cut_short(latest: str, text: str) -> str | None:
    """Why ``text`` looks like the latest version ``latest`` cut off (it stops mid-sentence where
    the latest goes on: ``analysis.boilerplate.truncated_side``), to hold it; else None."""
    from tracker.analysis.boilerplate import truncated_side

    if truncated_side(latest, text) == "new":
        return ("the text stops mid-sentence where the latest version goes on (the transfer or the page's "
                "rendering may have been cut short)")
    return None


def _leading_part(latest: str, text: str) -> bool:
    """Is ``text`` the start of ``latest`` and no more (whitespace aside), with at least 200
    characters of it missing? With HTML that closes neither its body nor its document, that is a
    transfer cut at a tag's end: a page that drops its last sections keeps its closing tags."""
    head, whole = " ".join(text.split()), " ".join(latest.split())
    return len(whole) - len(head) >= 200 and whole.startswith(head)


def _landing_for_short_terms(latest: str, text: str) -> bool:
    """Whether ``text`` is a landing or marketing page served where short terms (``latest``,
    under the 2,000 characters ``analysis.scope.other_page_side`` asks for) stood: a short page
    that shares no line with them, has hardly any legal vocabulary (its footer's "Terms" and
    "Privacy" links at most) where they had the terms' (``guards.TERMS_LIKE`` patterns), and no
    sentence of terms or of a notice to its reader (``guards.reads_as_terms``: a plain-language
    rewrite of the terms, "We keep your data for a year", is terms, held as a shrink)."""
    from tracker.analysis.scope import shared_lines

    return (len(text) <= guard.LITTLE_TEXT and len(text) < len(latest)
            and guard.legal_vocabulary(text) < guard.HOLLOW_LEGAL
            and guard.legal_vocabulary(latest) >= guard.TERMS_LIKE
            and shared_lines(text, latest) == 0.0 and not guard.reads_as_terms(text))


def another_page(latest: str, text: str) -> bool:
    """Whether ``text`` is another page than the terms whose text is ``latest``, by the rules a
    run refuses it by (``_another_page``: a landing, marketing or download page, long terms'
    title alone, or a landing page where short terms stood); ``tracker compare`` asks it too."""
    return _another_page(latest, text) is not None


def _another_page(latest: str, text: str) -> str | None:
    """Why ``text`` is another page served in place of the terms whose latest text is ``latest``
    (a landing, marketing or download page, a title alone: ``analysis.scope.other_page_side``),
    else None. Like an error page it is never recorded, however many runs serve it: a user
    tracks the terms, and a home page recorded as their new version (then the terms again)
    would be two false versions, one of them a false alarm."""
    from tracker.analysis.scope import other_page_side

    if other_page_side(latest, text) != "new" and not _landing_for_short_terms(latest, text):
        return None
    if len(text) <= guard.LITTLE_TEXT and guard.reads_as_terms(text, notice=False):
        # a short policy that now stands where a long one stood (a one-paragraph privacy notice):
        # terms still, held as a sudden shrink and recorded if it lasts, never refused for ever
        return None
    return (f"{guard.NOT_TERMS_PREFIX}{guard.ANOTHER_PAGE}; it shares almost no line with the latest version "
            "and has hardly any legal text: check the URL and `select` in the sources file if this lasts")


def _not_confirmed(fetched: Fetched, state: DocumentState, text_hash: str, shrank: str | None,
                   needed: int, hold_runs: int = guard.HOLD_RUNS) -> Decision | None:
    """"held" (a sudden shrink) or "pending" (``confirm``) while a new text has not been seen
    in enough consecutive runs yet; None once it has (or when one run is enough). ``text_hash``
    is what must repeat: the text's hash, "language:XX" for terms served in another language
    (any text in that language counts), or ``SHRINK_KEY`` for a sudden shrink (any shrunk text).
    ``hold_runs``: the runs a held text must be seen in (``guards.DROP_RUNS`` for a drop)."""
    if shrank:
        runs = max(needed, hold_runs)
    else:
        runs = needed if state.latest_hash is not None else 1  # a first version is never pending
    if runs <= 1:
        return None
    sighting = state.sighting
    seen = sighting.seen + 1 if sighting is not None and sighting.content_hash == text_hash else 1
    if seen >= runs:
        return None
    if shrank:
        check = _check(fetched, "held", summary=f"{shrank}; held, not recorded, until seen in {runs} consecutive "
                                                f"runs ({seen} so far)")
    else:
        check = _check(fetched, "pending",
                       summary=f"new text seen in {seen} of {runs} consecutive runs; not recorded yet")
    return Decision(check, event=_back(fetched, state), sighting=Sighting(text_hash, seen, iso(fetched.fetched_at)))


def _kind(state: DocumentState, text_hash: str) -> tuple[Literal["first", "changed", "revert"], str]:
    """("first" | "changed" | "revert", date of the version a revert restores)."""
    if state.latest_hash is None:
        return "first", ""
    earlier = state.earlier.get(text_hash)
    return ("revert", earlier) if earlier is not None else ("changed", "")


def _unchanged(fetched: Fetched, state: DocumentState, cache: CacheEntry | None, *,
               http_status: int | None = None) -> Decision:
    """The latest text is current: any counted unrecorded text is dropped."""
    blink = state.blink.but(absent=0) if state.blink is not None and state.blink.absent else None
    return Decision(_check(fetched, "unchanged", http_status=http_status), event=_back(fetched, state),
                    forget_sighting=state.sighting is not None, cache=cache, blink=blink)


def _gone(fetched: Fetched, state: DocumentState) -> DocumentEvent | None:
    """A 404/410 for a document we hold a version of: a "gone" event, once."""
    if fetched.status in (404, 410) and state.latest_hash is not None and state.last_event != "gone":
        return DocumentEvent("gone", iso(fetched.fetched_at), fetched.error or f"HTTP {fetched.status}")
    return None


def _back(fetched: Fetched, state: DocumentState) -> DocumentEvent | None:
    """The server served the document again: a "back" event if it was gone."""
    if state.last_event == "gone":
        return DocumentEvent("back", iso(fetched.fetched_at), f"HTTP {fetched.status or 'ok'}")
    return None


def _check(fetched: Fetched, outcome: OutcomeKind, *, error: str | None = None, summary: str = "",
           http_status: int | None = None) -> CheckOutcome:
    status = http_status if http_status is not None else fetched.status
    if outcome == "unchanged" and not summary and getattr(fetched, "moved", None):
        # still followed, but every run pays the extra request and a lost redirect loses the page
        summary = f"moved permanently to {fetched.moved}: update its url in the sources"
    return CheckOutcome(fetched.document.key, outcome, error, status, fetched.duration, summary=summary)


def _remember(fetched: Fetched, text_hash: str, settings: str, raw: str | None,
              region: str | None = None) -> CacheEntry:
    found = fetched.validators or Validators()
    return CacheEntry(found.etag, found.last_modified, text_hash, settings, raw, region)


# --------------------------------------------------------------------------- pure helpers


def fingerprint(doc: Document) -> str:
    """What, besides the server's bytes, decides the extracted text: a 304 is only trusted when
    this is unchanged (new selectors or a new extractor need the full page)."""
    from tracker.extract.convert import EXTRACTOR_VERSION

    return _fingerprint(doc, EXTRACTOR_VERSION)


@functools.lru_cache(maxsize=4096)  # asked twice per document and run (validators, decide)
def _fingerprint(doc: Document, extractor_version: str) -> str:
    # A range is written as its sources.toml table; a plain selector stays a string, so a document
    # without ranges keeps the fingerprint it had before ranges existed (and its validators).
    def items(selectors: tuple[Any, ...]) -> list[Any]:
        return [s if isinstance(s, str) else s.as_dict() for s in selectors]

    data = [doc.url, items(doc.select), items(doc.remove), [list(h) for h in doc.headers], doc.user_agent,
            extractor_version]
    if doc.parts:  # only then, so single-page documents keep their fingerprints
        data.append([[p.url, items(p.select), items(p.remove), p.render] for p in doc.parts])
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


def raw_hash(fetched: Fetched) -> str:
    """What the extracted text is a function of, besides the document's settings (fingerprint):
    the bytes, how they were labelled, and the URL links are resolved against."""
    digest = hashlib.sha256(f"{fetched.content_type}\n{fetched.final_url}\n".encode("utf-8"))
    digest.update(fetched.body)
    return digest.hexdigest()[:32]


def content_problem(fetched: Fetched) -> str | None:
    """Why a fetched body is not a document at all (wrong type, empty), checking each part of a
    combined one; None when it may be one. Public: ``tracker.api`` applies the same guards."""
    pages = fetched.parts or (fetched,)
    for number, page in enumerate(pages, 1):
        problem = (guard.unexpected_content_type(page.content_type, page.body) or _binary(page)
                   or guard.empty_body(page.body))
        if problem:
            return f"part {number} of {len(pages)} ({page.url}): {problem}" if fetched.parts else problem
    return None


def _not_loaded(fetched: Fetched, text: str) -> str | None:
    """Why a page rendered in the browser is not the terms yet: it still shows only its loading
    placeholder ("Loading…"), its scripts slow or failing - not a page that "needs JavaScript",
    which it was given. None for other pages and for pages fetched over HTTP."""
    if getattr(fetched.document, "render", "http") != "browser":
        return None
    placeholder = guard.loading_only(text)
    return None if placeholder is None else guard.not_loaded(placeholder, fetched.document.timeout)


def _binary(fetched: Fetched) -> str | None:
    """Binary content sniffed from the bytes (a PNG served as text/html), or None."""
    from tracker.extract.sniff import sniff_binary

    what = sniff_binary(fetched.body, fetched.content_type)
    if what is None:
        return None
    return (f"binary content: {what} (sniffed from its bytes), served as "
            f"{guard.media_type(fetched.content_type) or 'no Content-Type'}; not HTML, text or PDF")


def extraction_message(exc: ExtractError, fetched: Fetched | None = None) -> str:
    """The reason shown for a failed extraction; a `select` that matched nothing says what to
    check, and an HTML page with no text but scripts (a client-rendered shell) says it needs
    JavaScript - or, rendered in the browser already, that it did not finish loading
    (``fetched``: the page, when known)."""
    message = str(exc)
    if isinstance(exc, PartProblem):
        return message
    if (fetched is not None and "no text after extraction" in message
            and any(guard.has_script(page.body) for page in fetched.parts or (fetched,))):
        if getattr(fetched.document, "render", "http") == "browser":
            # It was given a browser: its scripts did not write the page in time (slow or failing).
            return guard.not_loaded(None, fetched.document.timeout)
        hint = "; if this lasts, set render = \"browser\" for it in the sources file"
        return f"{guard.ERROR_PAGE_PREFIX}page that needs JavaScript; no text without running its scripts{hint}"
    if fetched is not None and not fetched.parts and "no text after extraction" in message:
        # a frameset (or a page that is only an <iframe>): its text is in the frame it names
        page = guard.Page("", guard.html_title(fetched.body), fetched.body, fetched.url, fetched.final_url)
        if (frame := guard.frame_source(page)) is not None:
            return f"{guard.ERROR_PAGE_PREFIX}page that shows its text in a frame; its text is at {frame}: set the source's url to it"
    if "matched nothing" in message:
        # A login, error or challenge page has none of the terms' regions: say what it is, not
        # that the layout changed (the whole page is read only on this failure path).
        if (served := _served_instead(fetched)) is not None:
            return served
        return (f"selected region missing: {message}; the page layout changed, or this is not the page "
                "expected: check `select` in the sources file")
    return f"extraction: {message}"


def _served_instead(fetched: Fetched | None) -> str | None:
    """Why the whole page (no `select`) is an error, login or challenge page
    (``guards.error_page``), or None: also None when it cannot be read."""
    if fetched is None or fetched.parts:
        return None
    from tracker.extract.convert import extract

    try:
        text = extract(fetched.body, fetched.content_type)
    except Exception:  # a page the whole-page read fails on too: the selector's message stands
        return None
    return guard.error_page(text, fetched.body, url=fetched.url, final_url=fetched.final_url)


def extract_text(fetched: Fetched) -> str:
    """The document's text (normalized Markdown); a combined document's parts are extracted one
    by one and joined. Raises ``ExtractError`` (naming the part of a combined document)."""
    return regions_text(fetched, select_regions(fetched))


def select_regions(fetched: Fetched) -> list[Region]:
    """The page's region (one per part of a combined document), selected and cleaned but not
    converted yet. Raises ``ExtractError`` (naming the part of a combined document)."""
    # Looked up at call time: tests count the real extractor's calls by wrapping it.
    from tracker.extract import convert

    if not fetched.parts:
        doc = fetched.document
        return [convert.region(fetched.body, fetched.content_type or None, url=fetched.final_url,
                               select=doc.select, remove=doc.remove)]
    regions = []
    for number, page in enumerate(fetched.parts, 1):
        try:
            regions.append(convert.region(page.body, page.content_type or None, url=page.final_url,
                                          select=page.document.select, remove=page.document.remove))
        except ExtractError as exc:
            raise ExtractError(f"part {number} of {len(fetched.parts)} ({page.url}): {exc}") from None
    return regions


def region_hash(regions: list[Region]) -> str:
    """One fingerprint for a document's regions (its only region's digest for a single page)."""
    if len(regions) == 1:
        return regions[0].digest
    return hashlib.sha256("\n".join(r.digest for r in regions).encode()).hexdigest()[:32]


def regions_text(fetched: Fetched, regions: list[Region]) -> str:
    """The regions (``select_regions``) converted to the document's text, parts joined. Raises
    ``ExtractError`` (naming the part of a combined document)."""
    from tracker.extract import convert

    if not fetched.parts:
        return convert.to_text(regions[0])
    texts: list[str] = []
    seen: dict[str, int] = {}  # final URL -> the part that reached it
    for number, (page, found) in enumerate(zip(fetched.parts, regions), 1):
        where = f"part {number} of {len(fetched.parts)} ({page.url})"
        try:
            text = convert.to_text(found)
        except ExtractError as exc:
            raise ExtractError(f"{where}: {exc}") from None
        # A part served as an error, login or not-found page fails the document, as a part that
        # failed to load does: the other parts' text is not the document (its error judged on the
        # part alone, where it is not drowned in the other parts' terms). So does a part that is
        # another part again (page 2 now redirecting to page 1: the site dropped its pagination).
        problem = guard.error_page(text, page.body, url=page.url, final_url=page.final_url)
        if problem and not problem.endswith(guard.NO_TERMS):
            raise PartProblem(f"{where}: {problem}")
        reached = (page.final_url or page.url).split("#", 1)[0]
        same = seen.get(reached) or next((k + 1 for k, other in enumerate(texts) if other == text), None)
        if same is not None:
            raise PartProblem(f"{where}: the same page as part {same} ({reached}); the document's pages "
                              "changed: check `combine` in the sources file")
        seen.setdefault(reached, number)
        texts.append(text)
    return convert.normalize_markdown("\n\n".join(texts))


class PartProblem(ExtractError):
    """A part of a combined document that is not its part: an error page, or another part again."""


def to_version(fetched: Fetched, text: str, *, kind: str = "changed", revert_of: str = "") -> NewVersion:
    """The version to commit for ``text`` extracted from ``fetched``."""
    from tracker.extract.convert import EXTRACTOR_VERSION

    doc = fetched.document
    return NewVersion(
        service_id=doc.service_id,
        service_name=doc.service_name,
        document_type=doc.type,
        text=text,
        raw=fetched.body,
        raw_ext=raw_ext(fetched),
        source_url=doc.url,
        final_url=fetched.final_url,
        fetched_at=fetched.fetched_at,
        http_status=fetched.status,
        content_type=fetched.content_type,
        extractor_version=EXTRACTOR_VERSION,
        kind=kind,
        revert_of=revert_of,
        decoded_as=charset_note(fetched),
    )


def charset_note(fetched: Fetched) -> str:
    """How the text's bytes were decoded when not as declared ("windows-1252 (declared utf-8
    does not decode)"), per part of a combined document; "" when every page decoded as it said."""
    from tracker.extract.convert import decode_report

    pages = fetched.parts or (fetched,)
    notes = []
    for number, page in enumerate(pages, 1):
        if guard.media_type(page.content_type) == "application/pdf" or page.body.lstrip()[:5] == b"%PDF-":
            continue
        note = decode_report(page.body, page.content_type or None)[1]
        if note:
            notes.append(f"part {number}: {note}" if fetched.parts else note)
    return "; ".join(notes)


def raw_ext(fetched: Fetched) -> str:
    """File extension for the raw bytes, so people can open them with the right program."""
    ctype = fetched.content_type.split(";")[0].strip().lower()
    by_type = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
               "text/plain": "txt", "text/markdown": "md"}
    if ctype in by_type:
        return by_type[ctype]
    path = fetched.final_url.lower().split("?")[0]
    for suffix in ("html", "htm", "pdf", "md", "markdown", "txt"):
        if path.endswith("." + suffix):
            return {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    return "html" if fetched.body.lstrip()[:1] == b"<" else "txt"

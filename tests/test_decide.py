"""``decide`` alone: every outcome of one fetch from hand-built inputs, no server, no archive.

``decide`` is pure (no git, no SQLite, no network), so each case is a ``Fetched`` as the fetcher
would hand it over and a ``DocumentState`` as the index would have known it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from tracker.archive.store import content_hash
from tracker.errors import ExtractError
from tracker.fetch import Fetched
from tracker.fetch.guards import HOLD_RUNS
from tracker.run.decide import (
    VARIANT_RUNS,
    Blink,
    CacheEntry,
    Decision,
    DocumentEvent,
    DocumentState,
    Sighting,
    decide,
    extract_text,
    fingerprint,
    raw_hash,
    region_hash,
    select_regions,
    settle,
)
from tracker.run.result import OUTCOME_KINDS
from tracker.sources.config import Document, Part

DOC = Document("acme", "Acme", "Terms", "https://acme.test/terms", select=("main",))
AT = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
WHEN = "2026-11-26T12:00:00Z"

CLAUSES = "".join(f"<h2>Section {n}</h2><p>Credits bought under section {n} expire after 12 months.</p>"
                  for n in range(1, 40))
PAGE = f"<html><body><nav>menu</nav><main><h1>Terms</h1>{CLAUSES}</main></body></html>"
CHANGED = PAGE.replace("expire after 12 months", "expire after 6 months")


def fetched(body: str | bytes = PAGE, *, doc: Document = DOC, status: int | None = 200,
            content_type: str = "text/html; charset=utf-8", **fields) -> Fetched:
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return Fetched(document=doc, url=doc.url, final_url=doc.url, status=status, content_type=content_type,
                   body=raw, fetched_at=AT, duration=0.25, **fields)


def text_of(body: str, doc: Document = DOC) -> str:
    return extract_text(fetched(body, doc=doc))


def known(body: str = PAGE, *, doc: Document = DOC, **fields) -> DocumentState:
    """The state of a document whose latest version is the text of ``body``."""
    text = text_of(body, doc)
    defaults = {"latest_hash": content_hash(text), "latest_length": len(text), "settings": fingerprint(doc),
                "earlier": {content_hash(text): "2026-01-01T00:00:00Z"}}
    return DocumentState(**{**defaults, **fields})


def cached(state: DocumentState, *, etag: str | None = '"v1"', raw: str | None = None,
           doc: Document = DOC) -> DocumentState:
    """``state`` with validators (and a raw-bytes hash) remembered for its latest text."""
    assert state.latest_hash is not None
    return replace(state, cache=CacheEntry(etag, None, state.latest_hash, fingerprint(doc), raw))


def no_extraction(page: Fetched) -> str:
    raise AssertionError("the extractor must not run")


def region_of(body: str, doc: Document = DOC) -> str:
    """The region hash of ``body`` for ``doc``, as a check remembers it."""
    return region_hash(select_regions(fetched(body, doc=doc)))


def refuse_conversion(monkeypatch) -> None:
    """From now on, converting a region to Markdown fails the test (regions are still computed)."""
    import tracker.extract.convert

    def refuse(found):
        raise AssertionError("the region must not be converted")

    monkeypatch.setattr(tracker.extract.convert, "to_text", refuse)


# --------------------------------------------------------------------------- not fetched, failed


def test_a_page_robots_txt_disallows_is_skipped_with_the_reason():
    decision = decide(fetched(b"", status=None, skipped="disallowed by robots.txt"), known())
    assert decision == Decision(decision.check)  # nothing to write down
    assert (decision.outcome, decision.check.summary) == ("skipped", "disallowed by robots.txt")


def test_a_fetch_error_fails_and_keeps_the_counter_of_an_unrecorded_text():
    state = known(sighting=Sighting("abc", 1, WHEN))
    decision = decide(fetched(b"", status=None, error="timed out after 30 s"), state)
    assert decision.outcome == "failed"
    assert (decision.check.error, decision.check.http_status) == ("timed out after 30 s", None)
    assert decision.event is None and not decision.forget_sighting and decision.version is None


@pytest.mark.parametrize("status", [404, 410])
def test_404_or_410_for_a_document_we_hold_is_gone_once(status):
    page = fetched(b"", status=status, error=f"HTTP {status}")
    decision = decide(page, known())
    assert decision.outcome == "failed"
    assert decision.event == DocumentEvent("gone", WHEN, f"HTTP {status}")
    assert decide(page, known(last_event="gone")).event is None  # already gone: no second event
    assert decide(page, DocumentState()).event is None  # never recorded: nothing went


def test_500_is_a_failure_not_gone():
    assert decide(fetched(b"", status=500, error="HTTP 500"), known()).event is None


# --------------------------------------------------------------------------- unchanged


def test_304_to_our_validators_is_unchanged_and_refreshes_them():
    state = cached(known(sighting=Sighting("other", 1, WHEN)), raw="r1")
    page = fetched(b"", status=304, not_modified=True, etag='"v2"')
    decision = decide(page, state, extract=no_extraction)
    assert (decision.outcome, decision.check.http_status) == ("unchanged", 304)
    assert decision.forget_sighting  # the unrecorded text did not come back
    assert decision.cache == CacheEntry('"v2"', None, state.latest_hash, fingerprint(DOC), "r1")
    assert decide(replace(page, etag=None), state).cache is None  # nothing new to remember


def test_304_without_validators_we_know_is_a_failure():
    page = fetched(b"", status=304, not_modified=True)
    for state in (known(), cached(known(), doc=replace(DOC, select=("article",))), cached(known(), etag=None)):
        decision = decide(page, state)
        assert (decision.outcome, decision.check.http_status) == ("failed", 304)
        assert decision.check.error == "HTTP 304 to a request without validators we know"


def test_the_bytes_the_latest_text_came_from_are_unchanged_without_extracting_them():
    page = fetched(PAGE)
    state = cached(known(), etag=None, raw=raw_hash(page))
    decision = decide(page, state, extract=no_extraction)
    assert decision.outcome == "unchanged"
    assert decision.cache == CacheEntry(None, None, state.latest_hash, fingerprint(DOC), raw_hash(page))


def test_same_bytes_under_new_settings_are_extracted_again():
    narrower = replace(DOC, select=("main h1",))
    state = cached(known(), etag=None, raw=raw_hash(fetched(PAGE)))  # remembered for the old settings
    decision = decide(fetched(PAGE, doc=narrower), state)
    assert decision.outcome == "changed"
    assert decision.extracted_with == fingerprint(narrower)


def test_new_bytes_with_the_same_text_are_unchanged():
    noisy = PAGE.replace("<nav>menu</nav>", "<nav>menu, cookie banner</nav>")
    decision = decide(fetched(noisy), known(settings=None))
    assert decision.outcome == "unchanged" and decision.version is None
    assert decision.extracted_with == fingerprint(DOC)  # how the latest text was extracted, now known
    assert decision.cache is not None and decision.cache.raw_hash == raw_hash(fetched(noisy))
    assert decide(fetched(noisy), known()).extracted_with is None  # already stored


def test_a_text_with_no_clause_changed_is_unchanged_and_the_latest_text_kept():
    """Only a volatile token in a link and the indentation differ: the latest version stands."""
    linked = PAGE.replace("<h1>Terms</h1>", '<h1>Terms</h1><p>See the <a href="https://go.acme.test/r/'
                          '0f8fad5b-d9cb-469f-a165-70867728950e">status page</a>.</p>')
    relinked = linked.replace("0f8fad5b-d9cb-469f-a165-70867728950e", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
    state = cached(known(linked))
    calls = []

    def latest_text() -> str:
        calls.append(1)
        return text_of(linked)

    decision = decide(fetched(relinked), state, latest_text=latest_text)
    assert decision.outcome == "unchanged" and decision.version is None
    assert decision.check.summary == "no clause changed; not recorded"
    # the new bytes map to the text held, so they are not extracted again next time
    assert decision.cache is not None and decision.cache.content_hash == state.latest_hash
    assert decision.cache.raw_hash == raw_hash(fetched(relinked))
    assert calls == [1]
    # a real change still is one, and the same text never reads the latest one
    assert decide(fetched(linked.replace("12 months", "6 months")), state, latest_text=latest_text).outcome == \
        "changed"
    def must_not_read() -> str:
        raise AssertionError("the latest text must not be read when the hash is the same")

    assert decide(fetched(linked), state, latest_text=must_not_read).outcome == "unchanged"
    # without the latest text (unreadable, or not passed) a different hash is a new text
    assert decide(fetched(relinked), state, latest_text=lambda: None).outcome == "changed"
    assert decide(fetched(relinked), state).outcome == "changed"


LANDING = ("<html><body><main><h1>Acme</h1><h2>Credits for everything.</h2><a href='/signup'>Get started</a>"
           + "".join(f"<a href='/use/{n}'><h3>Use case {n}</h3><p>Do more with Acme in {n} clicks.</p></a>"
                     for n in range(1, 16)) + "</main></body></html>")


def test_another_page_in_place_of_the_terms_fails_every_run_and_is_never_held():
    """A landing page sharing no line with the latest text: like an error page, never recorded
    (a sighting counter would record it after 3 runs); told only when the latest text is read."""
    state = known()
    assert len(text_of(LANDING)) > 600  # longer than the short pages the guards tell by themselves
    decision = decide(fetched(LANDING), state, latest_text=lambda: text_of(PAGE))
    assert decision.outcome == "failed" and decision.version is None and decision.sighting is None
    assert decision.check.error is not None and decision.check.error.startswith("not the terms: another page")
    from tracker.fetch.guards import served_instead

    assert served_instead(decision.check.error) == "another page than the terms"
    seen = replace(state, sighting=Sighting(content_hash(text_of(LANDING)), HOLD_RUNS - 1, WHEN))
    assert decide(fetched(LANDING), seen, latest_text=lambda: text_of(PAGE)).outcome == "failed"
    # the same page as a first version has nothing to be told from: recorded
    assert decide(fetched(LANDING), DocumentState(), latest_text=lambda: None).outcome == "new"
    # a real change beside it is one
    assert decide(fetched(CHANGED), state, latest_text=lambda: text_of(PAGE)).outcome == "changed"


# Per-request noise: what changes on every fetch of a page whose terms did not change.
NOISY = PAGE.replace("<nav>menu</nav>", '<nav>menu</nav><!-- request 1 --><footer nonce="a1">built a1</footer>') \
    .replace("</main>", '<form><input type="hidden" name="csrf" value="t1"><button>Agree</button></form>'
                        "<!-- request 1 --></main>")


def noisy(n: int) -> str:
    return NOISY.replace("request 1", f"request {n}").replace("a1", f"a{n}").replace('"t1"', f'"t{n}"')


def test_new_bytes_with_the_same_region_are_unchanged_without_conversion(monkeypatch):
    state = replace(known(), cache=CacheEntry(None, None, known().latest_hash, fingerprint(DOC), raw_hash(fetched(
        noisy(1))), region_of(noisy(1))))
    page = fetched(noisy(2))
    refuse_conversion(monkeypatch)
    assert raw_hash(page) != state.cache.raw_hash and region_of(noisy(2)) == region_of(noisy(1))
    decision = decide(page, state)
    assert decision.outcome == "unchanged" and decision.version is None
    assert decision.cache == CacheEntry(None, None, state.latest_hash, fingerprint(DOC), raw_hash(page),
                                        region_of(noisy(2)))


def test_a_region_changed_in_one_character_is_converted_and_recorded():
    state = replace(known(NOISY), cache=CacheEntry(None, None, known(NOISY).latest_hash, fingerprint(DOC), None,
                                                   region_of(NOISY)))
    one_char = noisy(2).replace("section 7 expire after 12", "section 7 expire after 13")
    decision = decide(fetched(one_char), state)
    assert decision.outcome == "changed" and decision.version is not None
    assert "section 7 expire after 13 months" in decision.version.text
    assert decision.cache is not None and decision.cache.region_hash == region_of(one_char)


def count_conversions(monkeypatch) -> list[str]:
    """The URLs of the regions converted to Markdown from now on (the real conversion runs)."""
    import tracker.extract.convert

    converted: list[str] = []
    real = tracker.extract.convert.to_text
    monkeypatch.setattr(tracker.extract.convert, "to_text", lambda found: converted.append(found.url) or real(found))
    return converted


def test_the_same_region_under_new_settings_is_converted_again(monkeypatch):
    state = replace(known(), cache=CacheEntry(None, None, known().latest_hash, fingerprint(DOC), None, region_of(PAGE)))
    wider = replace(DOC, remove=("nav",))  # the same region, but other settings: the text may differ
    assert region_of(PAGE, wider) == region_of(PAGE)
    converted = count_conversions(monkeypatch)
    assert decide(fetched(PAGE), state).outcome == "unchanged" and converted == []
    decision = decide(fetched(PAGE, doc=wider), state)
    assert converted == [DOC.url]
    assert decision.outcome == "unchanged" and decision.extracted_with == fingerprint(wider)
    assert decision.cache is not None and decision.cache.fingerprint == fingerprint(wider)


def test_the_same_region_under_a_new_extractor_version_is_converted_again(monkeypatch):
    import tracker.extract.convert

    state = replace(known(), cache=CacheEntry(None, None, known().latest_hash, fingerprint(DOC), None, region_of(PAGE)))
    converted = count_conversions(monkeypatch)
    assert decide(fetched(noisy(2)), state).outcome == "changed" and converted == [DOC.url]  # the form is new text
    converted.clear()
    assert decide(fetched(PAGE), state).outcome == "unchanged" and converted == []
    monkeypatch.setattr(tracker.extract.convert, "EXTRACTOR_VERSION", "next")
    decision = decide(fetched(PAGE), state)
    assert converted == [DOC.url]  # the cache was written by another extractor: not trusted
    assert decision.outcome == "unchanged" and decision.extracted_with == fingerprint(DOC)
    assert decision.cache is not None and decision.cache.fingerprint == fingerprint(DOC) != state.cache.fingerprint


def test_hidden_form_fields_are_no_part_of_the_text():
    assert text_of(noisy(1)) == text_of(noisy(2)) == text_of(NOISY.replace('<input type="hidden" name="csrf" '
                                                                              'value="t1">', ""))


# --------------------------------------------------------------------------- not a document


@pytest.mark.parametrize("content_type, body, reason", [
    ("image/png", b"\x89PNG....", "unexpected content type image/png"),
    ("text/html", b"  \n ", "empty response body"),
])
def test_a_body_that_is_no_document_fails(content_type, body, reason):
    decision = decide(fetched(body, content_type=content_type), known(), extract=no_extraction)
    assert decision.outcome == "failed" and reason in (decision.check.error or "")


def test_a_missing_selected_region_fails_with_a_hint():
    decision = decide(fetched("<html><body><p>No main here.</p></body></html>"), known())
    assert decision.outcome == "failed"
    assert (decision.check.error or "").startswith("selected region missing:")
    assert "check `select`" in (decision.check.error or "")


def test_an_extractor_error_is_a_failure():
    def broken(page: Fetched) -> str:
        raise ExtractError("no text in the PDF")

    decision = decide(fetched(PAGE), known(), extract=broken)
    assert (decision.outcome, decision.check.error) == ("failed", "extraction: no text in the PDF")


def test_a_combined_document_names_the_part_that_is_no_document():
    combined = replace(DOC, parts=(Part("https://acme.test/a"), Part("https://acme.test/b")))
    good = fetched(PAGE, doc=combined)
    bad = replace(fetched(b"", doc=combined, content_type="video/mp4"), url="https://acme.test/b")
    decision = decide(fetched(PAGE, doc=combined, parts=(good, bad)), DocumentState())
    assert decision.check.error == ("part 2 of 2 (https://acme.test/b): unexpected content type video/mp4 "
                                    "(expected HTML, text or PDF)")


def test_an_error_page_served_as_200_fails():
    denied = "<html><head><title>Access denied</title></head><body><main><p>Access denied.</p></main></body></html>"
    decision = decide(fetched(denied), known())
    assert (decision.outcome, decision.check.error) == ("failed", "looks like an error page: access denied")
    assert decision.version is None and decision.sighting is None


# --------------------------------------------------------------------------- new versions


def test_the_first_text_of_a_document_is_new():
    decision = decide(fetched(PAGE), DocumentState(), confirm=3)  # confirm never delays a first version
    assert (decision.outcome, decision.check.http_status, decision.check.duration) == ("new", 200, 0.25)
    assert decision.version is not None
    assert (decision.version.kind, decision.version.text) == ("first", text_of(PAGE))
    assert (decision.version.raw, decision.version.raw_ext, decision.version.fetched_at) == (PAGE.encode(), "html", AT)
    assert decision.extracted_with == fingerprint(DOC)
    assert decision.cache == CacheEntry(None, None, content_hash(text_of(PAGE)), fingerprint(DOC),
                                        raw_hash(fetched(PAGE)), region_of(PAGE))


def test_a_new_text_is_changed_and_its_validators_are_remembered():
    decision = decide(fetched(CHANGED, etag='"v2"'), cached(known(sighting=Sighting("old", 1, WHEN))))
    assert decision.outcome == "changed"
    assert decision.version is not None and decision.version.kind == "changed"
    assert "expire after 6 months" in decision.version.text
    assert decision.forget_sighting
    assert decision.cache is not None and decision.cache.etag == '"v2"'
    assert decision.cache.content_hash == decision.version.hash


def test_a_text_the_document_had_before_is_a_revert():
    state = known(CHANGED, earlier={content_hash(text_of(PAGE)): "2026-03-01T08:00:00Z"})
    decision = decide(fetched(PAGE), state)
    assert decision.outcome == "revert"
    assert decision.version is not None
    assert (decision.version.kind, decision.version.revert_of) == ("revert", "2026-03-01T08:00:00Z")


def test_a_document_that_was_gone_is_back():
    decision = decide(fetched(CHANGED), known(last_event="gone"))
    assert decision.outcome == "changed"
    assert decision.event == DocumentEvent("back", WHEN, "HTTP 200")
    assert decide(fetched(PAGE), known(last_event="gone")).event == DocumentEvent("back", WHEN, "HTTP 200")
    assert decide(fetched(PAGE), known(last_event="back")).event is None


# --------------------------------------------------------------------------- held and pending


SHRUNK = "<html><body><main><h1>Terms</h1><p>Credits expire after 12 months.</p></main></body></html>"


def test_a_sudden_shrink_is_held_until_seen_in_three_consecutive_runs():
    from tracker.run.decide import SHRINK_KEY

    state = known()
    shrunk = SHRINK_KEY  # any shrunk text counts: the page as served now once it lasts
    first = decide(fetched(SHRUNK), state)
    assert first.outcome == "held" and first.version is None
    assert first.sighting == Sighting(shrunk, 1, WHEN)
    assert "text shrank by" in first.check.summary
    assert first.check.summary.endswith(f"held, not recorded, until seen in {HOLD_RUNS} consecutive runs (1 so far)")
    second = decide(fetched(SHRUNK), replace(state, sighting=first.sighting))
    assert second.outcome == "held" and second.sighting == Sighting(shrunk, 2, WHEN)
    third = decide(fetched(SHRUNK), replace(state, sighting=second.sighting))
    assert third.outcome == "changed" and third.forget_sighting and third.sighting is None


def test_a_shrink_hold_counts_again_from_one_when_another_text_comes():
    decision = decide(fetched(SHRUNK), known(sighting=Sighting("another text", 2, WHEN)))
    assert decision.outcome == "held" and decision.sighting is not None and decision.sighting.seen == 1


def test_a_shrunk_text_edited_from_run_to_run_is_recorded_once_the_shrink_lasted():
    """A policy that became much shorter and goes on being edited (its date, a clause) at each
    run: the shrink is what must last 3 runs, not one exact text, or it would never be recorded."""
    state = known()
    for n in range(HOLD_RUNS):
        edited = SHRUNK.replace("</main>", f"<p>Last updated on day {n}.</p></main>")
        decision = decide(fetched(edited), state)
        if n < HOLD_RUNS - 1:
            assert decision.outcome == "held" and decision.sighting is not None, n
            state = replace(state, sighting=decision.sighting)
    assert decision.outcome == "changed" and decision.version is not None
    assert "Last updated on day 2." in decision.version.text


def test_a_shrink_is_recorded_at_once_when_the_settings_changed_or_max_shrink_allows_it():
    narrower = replace(DOC, select=("main h1",))  # shrinks the text on purpose
    assert decide(fetched(SHRUNK, doc=narrower), known()).outcome == "changed"
    assert decide(fetched(SHRUNK, doc=replace(DOC, max_shrink=1.0)), known()).outcome == "changed"
    assert decide(fetched(SHRUNK), known(latest_length=None)).outcome == "changed"  # length unknown


def test_with_confirm_a_new_text_is_pending_until_seen_in_n_consecutive_runs():
    state = known()
    first = decide(fetched(CHANGED), state, confirm=2)
    assert first.outcome == "pending" and first.version is None
    assert first.check.summary == "new text seen in 1 of 2 consecutive runs; not recorded yet"
    second = decide(fetched(CHANGED), replace(state, sighting=first.sighting), confirm=2)
    assert second.outcome == "changed" and second.forget_sighting


def test_the_documents_own_confirm_wins_when_larger():
    flaky = replace(DOC, confirm=3)
    decision = decide(fetched(CHANGED, doc=flaky), known(doc=flaky), confirm=2)
    assert decision.check.summary == "new text seen in 1 of 3 consecutive runs; not recorded yet"


def test_a_held_shrink_waits_for_confirm_when_it_is_larger():
    decision = decide(fetched(SHRUNK), known(sighting=Sighting(content_hash(text_of(SHRUNK)), 3, WHEN)), confirm=5)
    assert decision.outcome == "held" and "until seen in 5 consecutive runs (4 so far)" in decision.check.summary


def test_the_unchanged_text_drops_a_pending_one():
    decision = decide(fetched(PAGE), known(sighting=Sighting("flaky variant", 1, WHEN)), confirm=2)
    assert decision.outcome == "unchanged" and decision.forget_sighting


# --------------------------------------------------------------------------- the state


def test_validators_are_sent_only_for_the_version_held_fetched_the_same_way():
    state = cached(known())
    assert state.validators(fingerprint(DOC)) is not None
    assert state.validators(fingerprint(replace(DOC, select=("article",)))) is None
    assert replace(state, latest_hash="a newer text").validators(fingerprint(DOC)) is None
    assert cached(known(), etag=None, raw="r").validators(fingerprint(DOC)) is None


def test_decide_does_no_io(monkeypatch):
    """No git, no SQLite, no network, no file: every case runs with those refused."""
    import builtins
    import socket
    import sqlite3
    import subprocess

    cases = [(fetched(b"", status=404, error="HTTP 404"), known()), (fetched(PAGE), DocumentState()),
             (fetched(CHANGED), known()), (fetched(SHRUNK), known()), (fetched(PAGE), known(last_event="gone")),
             (fetched(b"", status=304, not_modified=True), cached(known()))]
    expected = [decide(page, state) for page, state in cases]  # imports done, caches warm

    def refuse(*args, **kwargs):
        raise AssertionError("decide did I/O")

    for target, name in ((builtins, "open"), (sqlite3, "connect"), (subprocess, "Popen"), (socket, "socket"),
                         (socket, "create_connection")):
        monkeypatch.setattr(target, name, refuse)
    assert [decide(page, state) for page, state in cases] == expected


def test_every_outcome_kind_is_reachable():
    """The cases above between them produce each outcome but the ones a recorder adds."""
    produced = {
        decide(fetched(b"", status=None, skipped="robots"), DocumentState()).outcome,
        decide(fetched(b"", status=404, error="HTTP 404"), DocumentState()).outcome,
        decide(fetched(PAGE), known()).outcome,
        decide(fetched(PAGE), DocumentState()).outcome,
        decide(fetched(CHANGED), known()).outcome,
        decide(fetched(PAGE), known(CHANGED, earlier={content_hash(text_of(PAGE)): WHEN})).outcome,
        decide(fetched(SHRUNK), known()).outcome,
        decide(fetched(CHANGED), known(), confirm=2).outcome,
    }
    assert produced == set(OUTCOME_KINDS)


# --------------------------------------------------------------------------- a page fetched twice

OTHER = PAGE.replace("expire after 12 months", "expire after 9 months")


def test_a_changed_text_asks_for_a_second_fetch_and_both_agreeing_record_it():
    first = decide(fetched(CHANGED), known())
    assert first.outcome == "changed" and first.recheck == first.version.hash  # type: ignore[union-attr]
    assert decide(fetched(PAGE), DocumentState()).recheck is None  # a first version is recorded at once
    final = settle(first, fetched(CHANGED), known())
    assert final.outcome == "changed" and final.version is first.version and final.recheck is None
    # per-request noise outside the text (other bytes, same region) is the same text
    noisy = CHANGED.replace("<nav>menu</nav>", "<nav>menu 2</nav>")
    assert settle(first, fetched(noisy), known()).outcome == "changed"
    # a second fetch that tells nothing (an error) does not hold a change back
    failed = fetched(b"", status=503, error="HTTP 503")
    assert settle(first, failed, known()).outcome == "changed"


def test_a_second_fetch_giving_the_latest_text_back_is_a_blink_recorded_as_nothing():
    state = known()
    first = decide(fetched(CHANGED), state)
    final = settle(first, fetched(PAGE), state)
    assert final.outcome == "unchanged" and final.version is None and final.cache is None
    assert final.check.summary.startswith("variant: the page alternates between texts")
    assert final.blink is not None and set(final.blink.variants) == {state.latest_hash, first.recheck}
    # next run: the variant is known; fetched twice, the latest text back: nothing, counter reset
    blinking = replace(state, blink=final.blink)
    again = decide(fetched(CHANGED), blinking)
    assert again.outcome == "unchanged" and again.version is None and again.recheck is not None
    assert settle(again, fetched(PAGE), blinking).blink == Blink(final.blink.variants, 0)
    # the latest text fetched: unchanged, no second fetch
    assert decide(fetched(PAGE), blinking).recheck is None


def test_a_known_variant_is_recorded_once_the_latest_text_is_missing_for_some_runs():
    state = known()
    variants = Blink((content_hash(text_of(CHANGED)), state.latest_hash))  # type: ignore[arg-type]
    for absent in range(VARIANT_RUNS):
        blinking = replace(state, blink=replace(variants, absent=absent))
        final = settle(decide(fetched(CHANGED), blinking), fetched(CHANGED), blinking)
        if absent + 1 < VARIANT_RUNS:
            assert final.outcome == "unchanged" and final.blink == replace(variants, absent=absent + 1)
        else:
            assert final.outcome == "changed" and final.version is not None and final.blink.absent == 0  # type: ignore[union-attr]


def test_two_new_texts_from_one_page_are_a_change_and_remembered_as_variants():
    state = known()
    first = decide(fetched(CHANGED), state)
    final = settle(first, fetched(OTHER), state)
    assert final.outcome == "changed" and final.version is first.version
    assert final.blink is not None and set(final.blink.variants) == {first.recheck, content_hash(text_of(OTHER))}
    # a new text both fetches agree on, on a page known to blink: recorded, the variants forgotten
    blinking = replace(state, blink=Blink((first.recheck, state.latest_hash)))  # type: ignore[arg-type]
    change = decide(fetched(OTHER), blinking)
    agreed = settle(change, fetched(OTHER), blinking)
    assert agreed.outcome == "changed" and agreed.forget_blink


def test_the_second_flip_back_between_two_texts_within_weeks_is_a_blink_not_a_version():
    """Versions X, Y, X (the latest) and a fetch of Y: a page alternating from run to run, when
    the first X is at most ``ALTERNATION_DAYS`` old; a revert like any other when it is older (a
    clause toggled back months later is news), or when the history is another pattern."""
    from tracker.run.decide import ALTERNATION_DAYS

    x, y = content_hash(text_of(PAGE)), content_hash(text_of(CHANGED))
    earlier = {x: "2026-11-01T00:00:00Z", y: "2026-11-10T00:00:00Z"}

    def state(first_x: str) -> DocumentState:
        return known(PAGE, earlier=earlier,
                     recent=((x, "2026-11-25T00:00:00Z"), (y, "2026-11-20T00:00:00Z"), (x, first_x)))

    recent = decide(fetched(CHANGED), state("2026-11-15T00:00:00Z"))
    assert recent.version is None and recent.outcome == "unchanged"
    assert "alternates between two texts from run to run" in (recent.check.summary or "")
    assert recent.blink is not None and set(recent.blink.variants) == {x, y} and recent.recheck == y
    old = decide(fetched(CHANGED), state(f"2026-{11 - (ALTERNATION_DAYS // 28 + 1):02d}-01T00:00:00Z"))
    assert old.version is not None and old.version.kind == "revert"
    other = known(PAGE, earlier=earlier, recent=((x, WHEN), (y, WHEN)))  # X, Y, X is one revert: a version
    assert decide(fetched(CHANGED), other).version is not None


def test_a_change_taken_back_for_runs_and_made_again_is_a_version_not_a_blink():
    """Versions X, Y, X within days, and Y fetched again: a blink unless both texts were served
    in more than ``ALTERNATION_RUNS`` runs each (``served``): a change and its revert that both
    lasted are recorded at once. Unknown counts (no checks) keep the rule by dates alone."""
    from tracker.run.decide import ALTERNATION_RUNS

    x, y = content_hash(text_of(PAGE)), content_hash(text_of(CHANGED))
    recent = ((x, "2026-11-25T00:00:00Z"), (y, "2026-11-20T00:00:00Z"), (x, "2026-11-15T00:00:00Z"))

    def fetch(served: tuple[int, int] | None) -> Decision:
        state = known(PAGE, earlier={x: "2026-11-01T00:00:00Z", y: "2026-11-10T00:00:00Z"}, recent=recent,
                      served=served)
        return decide(fetched(CHANGED), state)

    for served in ((1, 1), (ALTERNATION_RUNS, ALTERNATION_RUNS), (1, 30), (30, 1), None):
        assert fetch(served).version is None, served
    for served in ((ALTERNATION_RUNS + 1, ALTERNATION_RUNS + 1), (14, 30)):
        made = fetch(served)
        assert made.version is not None and made.version.kind == "revert" and made.outcome == "revert", served


@pytest.mark.parametrize(("before", "after", "same"), [
    ("This page was generated on December 2, 2026 at 10:01:00 UTC.",
     "This page was generated on January 3, 2027 at 09:12:30 UTC.", True),
    ("Written by the legal team. Updated 3 days ago", "Written by the legal team. Updated over a week ago", True),
    ("Mis à jour il y a 2 jours", "Mis à jour il y a 5 jours", True),
    ("Zuletzt aktualisiert vor 3 Tagen", "Zuletzt aktualisiert vor 2 Wochen", True),
    ("Request ID: 4f2a9c0b1d2e3f40", "Request ID: 9e8d7c6b5a4f3e21", True),
    # an unlabelled token new on every request, on a short line: a build id, a nonce, a UUID
    ("© 2026 Quibly Labs. build 290db647", "© 2026 Quibly Labs. build fea78cc2", True),
    ("Served by edge node, nonce a8Fk2LmQ9zXp4TbR", "Served by edge node, nonce Zq7Lr2Tx9WkP3mYd", True),
    ("Trace 3f2a9c1e-77aa-4b1c-9e0f-1234abcd5678", "Trace 0b1c2d3e-88bb-4c2d-8f10-aa12bb34cc56", True),
    # a copyright notice's years move on every January
    ("© 2026 Quibly Labs Inc. All rights reserved.", "© 2027 Quibly Labs Inc. All rights reserved.", True),
    ("Copyright (c) 2019-2026 Quibly", "Copyright (c) 2019-2027 Quibly", True),
    # but not a code, a word or a number of the terms
    ("Use the code SPRING2024 at checkout.", "Use the code AUTUMN2024 at checkout.", False),
    ("The fee is 1000000 credits.", "The fee is 2000000 credits.", False),
    # what terms say with numbers stays theirs: a date alone, hours, durations, a period "ago"
    ("Last updated: 1 March 2026", "Last updated: 1 June 2026", False),
    ("Support is open 9:00 to 17:00 every day.", "Support is open 8:00 to 20:00 every day.", False),
    ("Data collected more than 2 years ago is deleted.", "Data collected more than 1 year ago is deleted.", False),
    ("Offers end at 23:59 on 31 December, as stated in our fees section.",
     "Offers end at 23:59 on 31 January, as stated in our fees section.", False),
])
def test_a_stamp_that_changes_every_run_is_no_new_version(before, after, same):
    """A generation time, a relative "updated N days ago" or a request id printed in the page:
    "no clause changed", not a version every run; a date, hours or a period in the terms is a change."""
    from tracker.run.decide import _same_terms

    body = "# Terms\n\n" + "\n\n".join(f"{n}. Fees of plan {n} change only with thirty days of notice." for n in range(8))
    assert _same_terms(body + "\n\n" + before, body + "\n\n" + after) is same

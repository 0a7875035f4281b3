"""Analysis of one version against the previous one: clause changes, labels and a summary.

A pure function of two texts, shared by a live run, ``reindex``, ``compare`` and history import,
so the same pair of texts always gets the same changes and the same labels. The records it
returns (``Analysis``, ``ClauseChange``) live in ``tracker.records``, shared by every stage.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Callable, ParamSpec, TypeVar

from tracker.records import SEVERITY_ORDER, Analysis, ClauseChange, Severity, cosmetic_kinds
from tracker.text import common_end, common_start

if TYPE_CHECKING:  # (imported lazily at run time: workers start light)
    from tracker.analysis.materiality import ChangeLabel

__all__ = ["ANALYSIS_CODE", "SEVERITY_ORDER", "Analysis", "ClauseChange", "analyse", "analyse_job", "analyse_jobs",
           "analysis_version", "as_revert", "as_variant", "failed_analysis", "severity_rank", "translated"]

# Bump by hand when the analysis changes on purpose in a way the digest below cannot see (e.g. a
# library it relies on changed its output). Any edit of the analysis code or of the watch-out
# model changes ``analysis_version()`` by itself.
ANALYSIS_CODE = 1


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """The version of the analysis this code computes: ``"<ANALYSIS_CODE>-<digest>"``, the digest
    being 12 hex characters of SHA-256 over the analysis package's source files, its watch-out
    model (``model/*.json``) and the records and link masking it uses. Stored with every indexed
    version (``versions.analysis_version``): ``tracker reanalyse`` recomputes the versions whose
    value differs, and a Dask worker whose code differs from the coordinator's is refused."""
    import hashlib
    from pathlib import Path

    import tracker.extract.convert
    import tracker.extract.links
    import tracker.records

    package = Path(__file__).parent
    files = sorted(package.glob("*.py")) + sorted((package / "model").glob("*.json"))
    files += [Path(tracker.records.__file__), Path(str(tracker.extract.links.__file__)),
              Path(str(tracker.extract.convert.__file__))]  # (raw HTML left in a capture is read converted)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{ANALYSIS_CODE}-{digest.hexdigest()[:12]}"


# What each cosmetic kind (``materiality.COSMETIC_KINDS``) says in a reader's words: the kinds are
# stable identifiers for ``--json`` and filters, not phrases to show a subscriber.
_COSMETIC_WORDS = {
    "date-only": "a date", "links-only": "links", "contact-details": "contact details",
    "formatting": "formatting", "whitespace": "spacing", "invisible-characters": "invisible characters",
    "punctuation-case": "punctuation or capitalisation", "renumbering": "numbering",
    "moved-unchanged": "clauses moved without a change of wording", "regrouped": "paragraphs merged or split",
    "spelling": "spelling", "renamed": "a name", "announcement": "an announcement about the terms",
    "page-chrome": "page furniture (menus, banners, footers)", "capture-scope": "how much of the page was captured",
}


def cosmetic_summary(kinds: tuple[str, ...] | list[str]) -> str:
    """The one-line summary of a version whose every change is cosmetic, in plain words:
    ``("links-only", "date-only")`` -> "Cosmetic change only: link targets, a date". ``kinds`` are
    ``materiality.COSMETIC_KINDS`` values in the order found; an unknown kind is shown as itself
    with its hyphens read as spaces. Raises nothing."""
    words = [_COSMETIC_WORDS.get(k, k.replace("-", " ")) for k in kinds]
    return "Cosmetic change only: " + ", ".join(words)


def _moved_from(explanation: str, came_from: str | None, now_in: str | None) -> str:
    """``explanation`` of a moved clause with the section it left, when that section's heading
    differs from the one it sits under now: "Moved without a change of wording (from “1. Use”)"."""
    if not came_from or came_from == now_in or "(from " in explanation:
        return explanation
    return f"{explanation} (from “{came_from.strip()}”)"


def severity_rank(severity: str) -> int:
    """Position of ``severity`` in ``SEVERITY_ORDER`` (0 for "none" and for unknown values)."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else 0


_P = ParamSpec("_P")
_R = TypeVar("_R")


def collector_paused(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """``func`` run with Python's cyclic garbage collector paused, and resumed after it (only by
    the call that paused it: a nested call, another thread's call while one runs, or a caller
    that turned the collector off itself leave it as they found it).

    An analysis builds hundreds of thousands of small tuples and lists that live as long as it
    does (the n-gram sets of a long version, its clauses, tokens and sentence tables) and almost
    no reference cycle: every 700 of them started a collection that walked them all and freed
    nothing (on the dearest tenth of real pairs, building the n-gram sets took 7x as long with
    the collector on). What the analysis computes is unchanged; the few cycles it leaves are freed
    by the first collection after it."""

    @wraps(func)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@collector_paused
def analyse(old: str | None, new: str, *, kind: str = "changed", revert_of: str = "") -> Analysis:
    """Diff ``old`` → ``new`` clause by clause and label every change.

    ``kind`` is the version kind: a first version has no changes; a revert (and a
    ``"partial-revert"``, whose every changed line restores one the document had lately, see
    ``tracker.analysis.restored``) is diffed like any other version (so people can see what
    flipped back) but is never material: it restores terms the document already had.
    """
    if old is None or kind == "first":
        return Analysis(summary="First version recorded")
    if kind in _REVERTS:
        # Said exactly as the same change made afresh, then never material: a reader sees what
        # flipped back in the words of the change, and a history import can derive one from the
        # other (``as_revert``) without diffing again.
        return as_revert(analyse(old, new), revert_of, kind)
    from tracker.analysis.boilerplate import empty_side, is_error_page, sections_lost_side, teaser_side, truncated_side
    from tracker.analysis.diff import diff_texts
    from tracker.analysis.materiality import capture_labels, label_document, translation_labels
    from tracker.analysis.sameness import render_leaked_html, unwrap_pair
    from tracker.analysis.scope import (SHARED_AT_MOST, body_missing_side, language_switch, other_document,
                                        other_page_side, recaptured_date)

    differ = old != new  # (before joining: texts that differ in wrapping alone are "only spacing")
    # A text hard-wrapped at a fixed width (a Markdown or plain-text source, a PDF extracted line
    # by line) is read with its wrapped paragraphs joined, the same way on both sides: a clause
    # labelled line by line is labelled from pieces, and one side joined and not the other would
    # tell a re-extraction apart from its capture. (Everything below reads the joined texts; a
    # pair that differs in its wrapping alone keeps its lines, so its spacing changes are shown.)
    # A page captured once as Markdown and once as its raw HTML source ("<p><span>...&quot;") is
    # read with that HTML converted as the extraction would have: its words are the same, and
    # read raw, every clause of it looks rewritten.
    old, new = render_leaked_html(old, new)
    joined = unwrap_pair(old, new)
    if joined[0] != joined[1]:
        old, new = joined
    diff = diff_texts(old, new)
    changes: list[ClauseChange] = []
    # A side that is no capture of the terms is told from the two texts alone, before labelling:
    # nothing in such a pair is a change of terms, and it often has hundreds of clause changes (a
    # page flipping between cut off and whole), which ``capture_labels`` says without reading them.
    odd: tuple[str, str] | None = None  # (side, summary's ending)
    said = ""  # the summary of an odd pair, when its ending alone does not say it
    spacing = False
    error_new = is_error_page(new)  # (once: it splits the whole text into words)
    if error_new or is_error_page(old):
        # A capture of an error page ("Page not found") and the recovery from one: extraction
        # noise, never new terms.
        odd = ("new" if error_new else "old", _ERROR_PAGE)
    elif differ and _same_squeezed(old, new):
        # The same characters with other spaces and line breaks: a capture whose words were glued
        # together ("lecompteVeepeeafait") or broken across lines, extracted again. Clauses split
        # differently then look new, but no word of the terms changed.
        spacing = True
    elif empty := empty_side(old, new):
        # A capture with no text at all (a blank file): a fetch that failed, whatever the other
        # side holds (terms, or a login form captured in their place).
        odd = (empty, _EMPTY)
    elif other := other_page_side(old, new):
        # A landing page, a blank shell or an error notice captured instead of the terms (or
        # the terms back after one): the terms were neither removed nor rewritten.
        odd = (other, _NOT_TERMS)
    elif cut := truncated_side(old, new):
        # A capture that stopped mid-document, and the recovery from one: nothing was removed
        # from the terms, and nothing new added to them.
        odd = (cut, _CUT_OFF)
    elif body_missing_side(old, new):
        # The new capture kept only lines it had before, a fifth of them at most: the terms' text
        # was lost and the page around it (a form, a banner, the first lines) captured alone.
        odd = ("new", _BODY_MISSING)
    elif lost := sections_lost_side(old, new):
        # Its own table of contents still lists sections whose text it no longer has (the middle
        # of the page skipped, a heading left empty): terms that drop sections drop them from
        # their contents too.
        odd = (lost[0], _SECTIONS_LOST)
        n = len(lost[1])
        said = (f"The {lost[0]} capture looks cut off: its own table of contents still lists {n} sections it no "
                f"longer has ({', '.join(f'“{t}”' for t in lost[1][:3])}{', ...' if n > 3 else ''}){_SECTIONS_LOST}")
    elif teaser := teaser_side(old, new):
        # A page of excerpts cut off before "Read more" controls (a legal hub's index, the terms
        # folded behind a click) against the whole document, or the document back after one.
        odd = (teaser, _EXCERPTS)
    elif diff.unchanged <= SHARED_AT_MOST * diff.old_clauses and (names := other_document(old, new)):
        # Two different documents (an acceptable use policy, then a software licence) sharing
        # hardly a line: the page alternates with a sibling page of the site, neither rewritten.
        # (Asked only of a pair that keeps hardly a clause: reading how each text names itself
        # costs 20-50 ms a long text, and two versions of one document keep most clauses.)
        odd = ("new", _OTHER_DOCUMENT)
        said = (f"The old text calls itself “{names[0]}” and the new one “{names[1]}”, and they share hardly a "
                f"line{_OTHER_DOCUMENT}")
    elif stated := recaptured_date(old, new, diff.changes, diff.old_clauses):
        # The same stated date ("Effective June 30, 2020") over a text most of whose clauses
        # differ: the page captured another way (its "Learn more" blocks left out, another
        # rendering, a sibling page of that date), not terms rewritten without a new date.
        odd = ("new", _RECAPTURED)
    if odd is not None:
        labels = capture_labels(diff.changes, odd[0], _CAPTURES[odd[1]])
    elif not spacing and len(diff.changes) > SWITCH_UNREAD and language_switch(old, new):
        # The same page in another language (said below, every change as the translation it is):
        # its clauses are not read for their meaning, which no change of such a pair carries, and
        # one of hundreds of changes paid ~2 ms each for it. Only the cheap labels are kept (moved,
        # cosmetic, headings: ``translation_labels``); smaller pairs are labelled as before.
        labels = translation_labels(diff.changes)
    else:
        # Labelled together: each change is judged against the two whole versions (moved or
        # regrouped text, names renamed throughout, list lead-ins).
        labels = label_document(diff.changes, old, new)
    from tracker.analysis.clauses import _ATX
    from tracker.analysis.rendering import change_section
    from tracker.analysis.wording import nearest_headings

    # the section a reader sees above each clause (a bold line is a heading to them), for display
    seen_new = nearest_headings(new, (c.new_index for c in diff.changes if c.new_index is not None))
    # (in one walk of the old text: also where a moved clause came from, "from § 1 Use")
    seen_old = nearest_headings(old, (c.old_index for c in diff.changes if c.old_index is not None
                                      and (c.new_index not in seen_new or c.kind == "moved")))
    from tracker.analysis.materiality import contact_blocks_said

    # the lines of an address block told as what they are, for display only: the decision and the
    # category model below read the rules' own labels, the features they were fitted on
    for change, label in zip(diff.changes, contact_blocks_said(diff.changes, labels, old, new) if odd is None else labels):
        explanation = label.explanation
        if change.kind == "moved" and change.old_index is not None:
            explanation = _moved_from(explanation, seen_old.get(change.old_index),
                                      seen_new.get(change.new_index) if change.new_index is not None else None)
        seen = seen_new.get(change.new_index) if change.new_index is not None and change.new_index in seen_new else \
            seen_old.get(change.old_index) if change.old_index is not None else None
        heading = seen if seen is not None else change.heading
        if (own := _ATX.match(change.after or change.before or "")) and own.group(2):
            # a heading's own change sits in its own section ("§ 6 Arbitration"), not in the one
            # before it, which the clause split gives it (read with the split's own heading syntax)
            heading = own.group(2)
        changes.append(
            ClauseChange(
                kind=change.kind,
                clause_id=change.clause_id,
                heading=heading,
                before=change.before,
                after=change.after,
                material=label.material,
                severity=label.severity,
                categories=shown_categories(label),
                explanation=explanation,
                cosmetic=label.cosmetic,
                section=change_section(heading, change.after or change.before or "", change.clause_id),
            )
        )
    if odd is not None:
        changes = [_not_material(c) for c in changes]
        summary = said or f"The {odd[0]} text{odd[1]}"
        if odd[1] == _RECAPTURED:
            summary = (f"The new text states the same date ({stated}) as the old one, yet keeps only {diff.unchanged} of "
                       f"its {diff.old_clauses} clauses unchanged{_RECAPTURED}")
        return Analysis(tuple(changes), False, "cosmetic", (), cosmetic_kinds(tuple(changes)), summary, diff.unchanged)
    if spacing:
        changes = [_not_material(c) for c in changes]
        return Analysis(tuple(changes), False, "cosmetic", (), cosmetic_kinds(tuple(changes)),
                        _SPACING_ONLY, diff.unchanged)
    switch = language_switch(old, new)
    if switch:
        # The same page served in another language (the English policy captured in French):
        # a translation, whose clauses cannot be compared word for word, not new terms.
        changes = [translated(_not_material(c), *switch) for c in changes]
        return Analysis(tuple(changes), False, "cosmetic", (), cosmetic_kinds(tuple(changes)),
                        f"The page is now in {_LANGUAGES[switch[1]]} instead of {_LANGUAGES[switch[0]]}: "
                        "a translation, not new terms", diff.unchanged)
    from tracker.analysis.decision import decide, promoted_label

    from tracker.analysis.wording import refine

    verdict, index = decide(diff.changes, labels, new, diff.unchanged, old)
    # a clause's number split off as a sentence of its own ("6.2." before "Survival. …") is no
    # clause: moved or renumbered with its clause, it is not shown as a change (the decision above
    # read the diff as it was made, the features it was fitted on)
    numbers = {k for k, c in enumerate(changes) if _bare_number(c.before) and _bare_number(c.after)}
    unchanged = diff.unchanged + sum(changes[k].kind in ("moved", "modified") for k in numbers)
    if verdict == "veto":
        # The learned decision overrules the rules' "material" for the whole pair
        # (``tracker.analysis.decision``; TRACKER_MATERIALITY=rules switches it off).
        return _summarise(refine([_not_material(c) for k, c in enumerate(changes) if k not in numbers]), unchanged,
                          kind, revert_of, ())
    if verdict == "promote" and index is not None:
        # ... or calls material a pair the rules do not: the change with the strongest legal
        # signal carries it, so that the pair's flag still sums up its changes.
        labels = list(labels)
        labels[index] = promoted_label(diff.changes[index], labels[index])
        lab = labels[index]
        changes[index] = replace(changes[index], material=True, severity=lab.severity,
                                 categories=shown_categories(lab), explanation=lab.explanation)
    # How each change is said and how serious it is called, once the decision is made: the
    # decision's features read the rules' own labels (``tracker.analysis.wording``).
    # The version's categories: the learned model's, the rules' where it does not ship
    # (``tracker.analysis.category_model``; TRACKER_MATERIALITY=rules keeps the rules').
    from tracker.analysis.category_model import version_categories

    return _summarise(refine([c for k, c in enumerate(changes) if k not in numbers]), unchanged, kind, revert_of,
                      version_categories(diff.changes, labels, new))


# Only a clause's number: "6.2.", "14.", "(iii)".
_BARE_NUMBER = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\((?:\d{1,3}|[ivxIVX]{1,5}|[a-zA-Z])\))\s*")


def _bare_number(text: str | None) -> bool:
    """Whether a side of a change is only a clause's number, or absent (None)."""
    return text is None or bool(_BARE_NUMBER.fullmatch(text))


_REVERTS = ("revert", "partial-revert")
# A pair that switches language with more clause changes than this has its changes labelled only
# for what costs little (``materiality.translation_labels``): the pair is a translation, never material,
# whatever its clauses say, and labelling each one is most of its cost.
SWITCH_UNREAD = 100
_LANGUAGES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch",
              "pt": "Portuguese"}


def shown_categories(label: "ChangeLabel") -> tuple[str, ...]:
    """The categories a change is shown with: its label's, then the category of each watch-out it
    adds or removes that they leave out (the taxonomy: a clause's watch-outs are a subset of its
    categories). "Any such use … may result in … termination of your account" under a rule of use
    is voted a rule of use, and is a termination watch-out too: its explanation names that
    watch-out ("(termination, content-removal)"), so its categories do as well. The version's
    vote reads the labels as they are; this is what a reader sees beside each change.

    Args:
        label: a ``materiality.ChangeLabel`` (categories, watch_added, watch_removed).

    Returns:
        The label's categories in their order, the missing watch-out categories after them."""
    cats = tuple(label.categories)
    if not label.material:
        return cats
    return cats + tuple(dict.fromkeys(c for c in (*label.watch_added, *label.watch_removed) if c not in cats))


def _not_material(change: ClauseChange) -> ClauseChange:
    """``change`` overruled to not material (a revert, an error page, a capture cut off...): its
    severity too, so that no reader sees "material" beside material false."""
    if not change.material and change.severity not in ("material", "critical"):
        return change  # (as it is: a pair of hundreds of changes need not copy each)
    if change.severity in ("material", "critical"):
        return replace(change, material=False, severity="minor")
    return replace(change, material=False)


def translated(change: ClauseChange, old_language: str, new_language: str) -> ClauseChange:
    """``change``, a clause of a page now served in another language, said as the translation it
    is: its old wording replaced by the new language's ("English wording, now in French: “…”"), its
    new one the translation ("French translation of the page: “…”"), never "New:", "Removed:" or
    "good news for users": no term was added or taken away.

    Args:
        change: one change of the pair (its kind, before and after are kept).
        old_language: the old version's language code ("en", "fr", "de", "es", "it", "nl", "pt").
        new_language: the new version's.

    Returns:
        The change with that explanation; a change whose explanation says no more than a heading
        or a layout change ("Removed heading: ...") keeps it."""
    from tracker.analysis.materiality import _snippet

    was, now = _LANGUAGES.get(old_language, old_language), _LANGUAGES.get(new_language, new_language)
    if change.explanation.startswith(("Removed heading", "New heading", "Heading ")) or not (change.before or change.after):
        return change
    if change.kind == "removed":
        said = f"{was} wording, now in {now}: “{_snippet(change.before or '')}”"
    elif change.kind == "added":
        said = f"{now} translation of the page: “{_snippet(change.after or '')}”"
    else:
        said = f"Now in {now}: “{_snippet(change.after or '')}” (was “{_snippet(change.before or '')}”)"
    return replace(change, explanation=said)


def analyse_job(job: tuple[str | None, str, str, str]) -> Analysis:
    """``analyse(old, new, kind=kind, revert_of=revert_of)`` of a job ``(old, new, kind,
    revert_of)``; never raises: a bug on some unusual text must not stop indexing (the version is
    committed already, and an exception would make every later run fail on the same commit), so
    the analysis then says so in its summary. Light to import: worker processes start here."""
    old, new, kind, revert_of = job
    try:
        return analyse(old, new, kind=kind, revert_of=revert_of)
    except Exception as exc:  # noqa: BLE001 - reported in the version's summary, never lost
        return failed_analysis(exc)


def failed_analysis(exc: Exception) -> Analysis:
    """The analysis recorded for a version whose analysis raised ``exc``."""
    return Analysis(summary=f"Could not analyse this version ({type(exc).__name__}: {exc}); "
                            "its text is recorded, `tracker diff` shows it")


def analyse_jobs(jobs: list[tuple[str | None, str, str, str]]) -> list[Analysis]:
    """``analyse_job`` of each job, in order."""
    return [analyse_job(job) for job in jobs]


_ERROR_PAGE = " is an error page, not terms"


def _squeezed(text: str) -> str:
    """``text`` without white space (what ``str.isspace`` calls so, as the regex ``\\s`` does) and
    without Markdown's escaping backslashes. ``str.split`` does this about 3x faster than a regex
    over the whole text (2 against 7 ms a pair of 86 KB texts, paid by every analysis)."""
    return "".join(text.replace("\\", " ").split())


def _same_squeezed(old: str, new: str) -> bool:
    """``_squeezed(old) == _squeezed(new)``, reading only what lies between the two texts' common
    start and common end: squeezing drops characters one by one, so the squeezed text of a
    concatenation is the concatenation of the squeezed parts (the usual pair differs in a few
    lines of a long text, and squeezing both whole cost 2-3 ms)."""
    start = common_start(old, new)
    end = common_end(old, new, start)
    return _squeezed(old[start:len(old) - end]) == _squeezed(new[start:len(new) - end])


_SPACING_ONLY = "Only spacing changed: the same text extracted again with other spaces and line breaks"
_CUT_OFF = " stops mid-document: a capture cut off, not a change of terms"
_NOT_TERMS = " is another page captured instead of the terms (hardly any legal text): not a change of terms"
_EXCERPTS = (" is a page of excerpts cut off before \"Read more\" links, captured instead of the whole terms: "
             "not a change of terms")
_BODY_MISSING = " kept only lines of the earlier capture, without the terms' text: a failed capture, not a change of terms"
# (the end of the summary of a pair ``scope.recaptured_date`` tells, whose start names the date and the counts)
_RECAPTURED = ": the page captured differently (blocks left out, another rendering of it), not a change of terms"
_EMPTY = " is empty (nothing was captured): a failed capture, not a change of terms"
# (the ends of the summaries of a pair ``boilerplate.sections_lost_side`` and ``scope.other_document`` tell)
_SECTIONS_LOST = ": part of the page failed to load, not a change of terms"
_OTHER_DOCUMENT = ": another document captured in place of this one, not a change of terms"
# What such a capture is, as ``capture_labels`` names it in each change's explanation.
_CAPTURES = {_ERROR_PAGE: "an error page captured instead of the terms",
             _NOT_TERMS: "another page captured instead of the terms",
             _CUT_OFF: "a capture cut off mid-document",
             _BODY_MISSING: "a capture that lost the terms' text",
             _EXCERPTS: "a page of excerpts captured instead of the terms",
             _RECAPTURED: "another capture of the same dated text",
             _EMPTY: "an empty capture",
             _SECTIONS_LOST: "a capture that lost sections of the page",
             _OTHER_DOCUMENT: "another document captured in place of this one"}
# Every ending of a pair one side of which is no capture of the terms: it keeps its analysis as it is.
_ODD_ENDINGS = tuple(_CAPTURES)


def as_revert(changed: Analysis, revert_of: str = "", kind: str = "revert") -> Analysis:
    """The analysis of a revert from the analysis of the same two texts as a "changed" version:
    ``as_revert(analyse(old, new), d) == analyse(old, new, kind="revert", revert_of=d)``, without
    diffing again (a history import reuses the analysis of a pair of texts seen before); ``kind``
    "partial-revert" likewise."""
    if changed.summary.endswith(_ODD_ENDINGS) or changed.summary == _SPACING_ONLY:  # any kind alike
        return changed
    changes = tuple(_not_material(c) for c in changed.changes)
    undone = tuple(c for c in changed.changes if c.material) if kind == "revert" else ()
    return _summarise(changes, changed.unchanged, kind, revert_of, undone=undone)


def as_variant(changed: Analysis, base_at: str, known: Callable[[str | None, str | None], bool] | None = None) -> Analysis:
    """The analysis of a version compared with an earlier variant of the page rather than with the
    previous version (``tracker.analysis.restored.Settled``: a page flipping between variants, the
    new text a near-restore of one it had), from ``changed``, the analysis of that variant → the
    new text as any change: what is new against the variant, said as such.

    Args:
        changed: ``analyse(variant_text, new_text)``.
        base_at: when the variant was fetched (ISO), named in the summary.
        known: ``known(before, after)`` is true for a change the page has shown already since the
            variant (a real change made to the other variant first, now seen on this one): such a
            change is kept (people see it) but not material, so it is reported once.

    Returns:
        The analysis, its summary led by "Back to its variant of DATE; against it: "; its flag,
        severity and categories those of the changes left material. A capture that is not the
        terms (an error page, a capture cut off, another page) keeps its analysis as it is."""
    if changed.summary.endswith((_ERROR_PAGE, _CUT_OFF, _NOT_TERMS, _RECAPTURED, _EMPTY, _SECTIONS_LOST, _OTHER_DOCUMENT)) \
            or changed.summary == _SPACING_ONLY \
            or changed.summary.startswith(_FAILED):
        return changed
    result = changed
    if known is not None and any(c.material and known(c.before, c.after) for c in changed.changes):
        changes = tuple(_not_material(c) if c.material and known(c.before, c.after) else c for c in changed.changes)
        left = [c for c in changes if c.material]
        categories = tuple(cat for cat in changed.categories if any(cat in c.categories for c in left))
        result = _summarise(changes, changed.unchanged, "changed", "", categories if categories or not left else None)
    return replace(result, summary=f"Back to its variant of {_moment(base_at)} (the page alternates between "
                                   f"variants); against it: {result.summary}")


_FAILED = "Could not analyse this version"  # failed_analysis's summary


def _moment(at: str) -> str:
    """The day and, when known, the minute (UTC) of an ISO date: runs of one day differ."""
    return f"{at[:10]} {at[11:16]} UTC" if at[10:11] == "T" and at[11:16] else at[:10]


def _summarise(changes: tuple[ClauseChange, ...], unchanged: int, kind: str, revert_of: str,
               categories: tuple[str, ...] | None = None, undone: tuple[ClauseChange, ...] = ()) -> Analysis:
    """``categories``: the version's categories voted by its labelled changes (see
    ``materiality.version_categories``); without them, those of every material change.
    ``undone``: of a revert, the changes that would be material made afresh (what it takes back)."""
    material_changes = [c for c in changes if c.material]
    severity: Severity = max((c.severity for c in changes), key=severity_rank, default="none")
    if categories is None:
        categories = tuple({cat for c in material_changes for cat in c.categories})
    categories = tuple(sorted(categories))
    cosmetic = cosmetic_kinds(changes)
    if kind == "revert":
        # the day and, when known, the minute (UTC) of the version restored: runs of one day differ
        summary = f"Reverted to the text of {_moment(revert_of)}" if revert_of else "Reverted to an earlier text"
        if undone:
            # Never material (it restores terms the document had), but not cosmetic either when
            # what it takes back was material: said, and "minor"; a revert of noise stays quiet.
            # the categories most of what it takes back has first; those past 3 counted, not dropped
            counted = Counter(cat for c in undone for cat in c.categories)
            cats = sorted(counted, key=lambda cat: (-counted[cat], cat))
            shown = ", ".join(cats[:3]) + (f" and {len(cats) - 3} more" if len(cats) > 3 else "")
            n = len(undone)
            summary += (f", undoing {n} material change{'s' if n != 1 else ''}"
                        + (f" ({shown})" if cats else ""))
            return Analysis(changes, False, "minor", (), cosmetic, summary, unchanged)
        return Analysis(changes, False, "cosmetic", (), cosmetic, summary, unchanged)
    if kind == "partial-revert":
        n = len(changes)
        if revert_of:  # back to one earlier variant of the page (``restored.Settled``)
            summary = (f"{n} clause{'s' if n != 1 else ''} went back to the page's variant of {_moment(revert_of)} "
                       "(the page alternates between variants, not new terms)")
        else:
            summary = (f"{n} clause{'s' if n != 1 else ''} went back to wording the page had lately "
                       "(a blinking block, not new terms)")
        return Analysis(changes, False, "cosmetic", (), cosmetic, summary, unchanged)
    if material_changes:
        # One headline (``tracker.analysis.headline``): the most serious change, then "and N more".
        from tracker.analysis.headline import headline

        summary = headline(changes, categories=categories)  # about the change the version's tags are about
    elif not changes:
        summary = "No clause changed"
    elif cosmetic and all(c.cosmetic for c in changes):
        summary = cosmetic_summary(cosmetic)
    else:
        summary = f"{len(changes)} clause{'s' if len(changes) != 1 else ''} changed, none materially"
    if not material_changes and changes:
        # a host or publisher replaced is named even when no change is material ("The host is now ...")
        from tracker.analysis.headline import headline

        summary = headline(changes, fallback=summary, categories=categories)
    return Analysis(changes, bool(material_changes), severity, tuple(categories), cosmetic, summary, unchanged)

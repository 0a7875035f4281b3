"""Publishing: turn indexed versions into feeds (and, with ``site.py``, a static diff site).

Feed layout under the feeds directory (one predictable scheme)::

    all.atom|.rss|.json                    every change of every document
    material.*                             material changes only
    category/<category-id>.*               changes in one taxonomy category (refunds, privacy, ...)
    <service>/all.*                        every change of one service
    <service>/material.*                   material changes of one service
    <service>/<document-slug>.*            one document, e.g. nimbus/terms-of-service.atom
    attention.*                            documents that need attention: failing (HTTP errors,
                                           error pages, gone) or held (a sudden shrink) right now,
                                           and each one's last problem once resolved ("Resolved: ...")

A service or document whose slug would collide with a reserved name gets ``-service`` or
``-document`` appended (see ``service_slug``/``document_slug``).

Entry ids are built from facts stored in the archive's trailers (document, fetch time, content
hash), never from database row ids or commit shas, so rebuilding the index or the feeds never
makes a reader show an entry twice.

Publishing is incremental: each feed's entry set is fingerprinted and a feed whose fingerprint
did not move is not rebuilt; entry HTML is cached per version fingerprint, so a run that records
one change renders one new entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.archive.index import Index
from tracker.archive.store import Store, parse_iso
from tracker.fetch.guards import served_instead
from tracker.publish.catalog import (
    ENTRY_FORMAT,
    FEED_EXTS,
    STATE_FILE,
    Catalog,
    _digest,
    _load_state,
    _save_state,
    category_title,
    document_slug,
    entry_id,
    entry_title,
    fit_title,
    feed_specs,
    load_catalog,
    version_page,
)
from tracker.publish.feeds import (
    Feed,
    FeedEntry,
    feed_filename,
    write_feed,
)
from tracker.publish.text import safe_text
from tracker.records import Version

if TYPE_CHECKING:
    from tracker.publish.site import SummaryCache


@dataclass
class FeedReport:
    """What a publish did: every feed path, the feeds rebuilt and the entries rendered."""

    paths: list[Path] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    rendered: int = 0
    removed: list[str] = field(default_factory=list)


def write_feeds(index: Index, out_dir: Path, *, base_url: str = "", site_url: str | None = None,
                limit: int = 50) -> list[Path]:
    """Write every feed of the scheme under ``out_dir``; return every feed file path."""
    return publish_feeds(index, out_dir, base_url=base_url, site_url=site_url, limit=limit).paths


def publish_feeds(index: Index, out_dir: Path, *, base_url: str = "", site_url: str | None = None,
                  limit: int = 50, catalog: Catalog | None = None,
                  summaries: "SummaryCache | None" = None) -> FeedReport:
    """Write the feeds whose entry set changed since the last publish into ``out_dir``.

    ``base_url`` is where the feeds are served (default: the folder's file: URI); ``site_url``,
    when given, is where the diff pages are and entries and feeds link to them (else entries and
    a document's feed link to the terms page, other feeds to themselves).
    With ``summaries`` (the archive's texts), an entry also lists the key terms its version
    changed, before and after.
    """
    from tracker.publish.site import key_term_changes, render_entry_html, templates_digest

    if limit < 1:
        raise ValueError(f"limit must be >= 1, not {limit}")
    out_dir = Path(out_dir)
    catalog = catalog or load_catalog(index)
    link = base_url.rstrip("/") or out_dir.resolve().as_uri()
    site = site_url.rstrip("/") if site_url is not None else None
    state = _load_state(out_dir / STATE_FILE)
    # entries list key-term changes only with the archive's texts, and those depend on the summary code
    settings = _digest([ENTRY_FORMAT, templates_digest(), link, site, limit,
                        summaries.code if summaries is not None else None])
    old_feeds: dict[str, str] = state.get("feeds", {})
    old_entries: dict[str, str] = state.get("entries", {})
    new_feeds: dict[str, str] = {}
    new_entries: dict[str, str] = {}
    report = FeedReport()

    def content(v: Version) -> str:
        key = _digest([settings, catalog.fingerprint(v)])
        html = new_entries.get(key) or old_entries.get(key)
        if html is None:
            html = render_entry_html(catalog, v, index.changes_for(v.commit_sha), site,
                                     key_term_changes(summaries, catalog, v))
            report.rendered += 1
        new_entries[key] = html
        return html

    # without a site, a document's feed links to the terms page it follows (a reader's "open
    # website" must not open the feed's own XML); the other feeds have no page but themselves
    pages = {document_slug(d["key"]): web_url(d.get("url")) for d in catalog.documents}
    # A feed with no entry is dated by the archive's newest version (a feed reader shows the date:
    # 1970 read as a broken feed), still the same bytes for the same archive.
    newest = max((parse_iso(v.fetched_at) for vs in catalog.by_doc.values() for v in vs), default=None)
    for spec in feed_specs(catalog, limit):
        meta = Feed(id=f"tag:tracker.invalid,2026:{spec.name}", title=spec.title,
                    link=f"{site}/{spec.page}" if site is not None else (pages.get(spec.name)
                                                                        or f"{link}/{spec.name}.atom"),
                    description=spec.description, self_url=f"{link}/{feed_filename(spec.name)}",
                    updated=None if spec.versions else newest)
        fp = _digest([settings, meta.__dict__, [catalog.fingerprint(v) for v in spec.versions]])
        new_feeds[spec.name] = fp
        files = [out_dir / f"{spec.name}{ext}" for ext in FEED_EXTS]
        report.paths += files
        if old_feeds.get(spec.name) == fp and all(p.exists() for p in files):
            # unchanged: keep the cached HTML of its entries alive for the next publish
            for v in spec.versions:
                key = _digest([settings, catalog.fingerprint(v)])
                if key in old_entries:
                    new_entries[key] = old_entries[key]
            continue
        entries = [_entry(catalog, v, site, content(v), meta.link, spec.category) for v in spec.versions]
        write_feed(meta, entries, out_dir, spec.name, limit=limit)
        report.rebuilt.append(spec.name)
    # The "needs attention" feed: not versions, but documents whose latest check failed or was held.
    attention = attention_entries(index, catalog, site, link)
    current = len(attention)
    attention += resolved_entries(index, catalog, site, link, {e.id for e in attention})[:limit]
    attention_meta = Feed(id=f"tag:tracker.invalid,2026:{ATTENTION}", title=ATTENTION_TITLE,
                          link=f"{site}/index.html" if site is not None else f"{link}/{ATTENTION}.atom",
                          description=ATTENTION_DESCRIPTION, self_url=f"{link}/{ATTENTION}",
                          updated=None if attention else newest)
    fp = _digest([settings, attention_meta.__dict__, [e.__dict__ for e in attention]])
    new_feeds[ATTENTION] = fp
    files = [out_dir / f"{ATTENTION}{ext}" for ext in FEED_EXTS]
    report.paths += files
    if old_feeds.get(ATTENTION) != fp or not all(p.exists() for p in files):
        write_feed(attention_meta, attention, out_dir, ATTENTION, limit=current + limit)
        report.rebuilt.append(ATTENTION)
    for name in sorted(set(old_feeds) - set(new_feeds)):  # feeds of services that are gone
        for ext in FEED_EXTS:
            (out_dir / f"{name}{ext}").unlink(missing_ok=True)
        report.removed.append(name)
    _save_state(out_dir / STATE_FILE, {"feeds": new_feeds, "entries": new_entries})
    return report


def web_url(*candidates: str | None) -> str | None:
    """The first candidate that is an http(s) URL a reader can open; None if there is none (an
    imported document's ``git+file://...`` source is not one)."""
    for url in candidates:
        if url and url.lower().startswith(("http://", "https://")):
            return url
    return None


def _entry(catalog: Catalog, v: Version, site: str | None, html: str, fallback: str = "",
           category: str = "") -> FeedEntry:
    """The feed entry of version ``v``: it links to its diff page on ``site``, else to the terms
    page, else (an imported document, whose source is a local git folder) to ``fallback``. In the
    feed of ``category``, its title is its change in that category (``category_title``)."""

    name = catalog.service_name(v.service_id)
    tags = [name, v.document_type, *catalog.tags(v)]
    if v.material:
        tags.append("material")
    if v.severity:
        tags.append(f"severity:{v.severity}")
    if v.kind in ("revert", "partial-revert"):
        tags.append(v.kind)
    title = (category_title(v, name, catalog.labels.get(v.commit_sha, []), category) if category
             else entry_title(v, name))
    summary, updated = safe_text(v.summary), v.fetched_at
    if (undo := catalog.taken_back(v)) is not None:
        # The next capture went back to the text from before: these changes did not last (a page
        # loaded in part, a variant). The entry is updated (same id, the undoing date) to say so,
        # so a reader who saw its alarms learns they were taken back.
        tags.append(TAKEN_BACK)
        title = safe_text(fit_title("Taken back", title))
        summary = (f"Taken back on {undo.fetched_at}: the next capture served the text from before again, "
                   f"so these changes did not last. {summary}")
        updated = undo.fetched_at
    return FeedEntry(
        id=entry_id(v),
        title=title,
        link=f"{site}/{version_page(v)}" if site is not None else (web_url(v.final_url, v.source_url) or fallback),
        updated=parse_iso(updated),
        published=parse_iso(v.fetched_at),  # a change taken back later keeps the date it was first seen
        summary=summary,
        content_html=html,
        categories=tuple(dict.fromkeys(safe_text(t) for t in tags)),
    )


ATTENTION = "attention"
TAKEN_BACK = "taken back"  # the tag of a version undone by the next one (``Catalog.taken_back``)
# What the attention feed holds, said in its title and description: a reader must not take a
# list of current problems for a log, nor a problem gone from it for one never seen.
ATTENTION_TITLE = "Terms tracking: needs attention now (documents failing or held)"
ATTENTION_DESCRIPTION = (
    "The documents whose latest check failed (an HTTP error, a page that is not the terms, a transfer cut off) "
    "or whose new text is held (a sudden shrink, sections missing, another language), one entry per problem "
    "for as long as it lasts; nothing here was recorded as a version. When a later check goes fine, the "
    "entry is updated to say the problem was resolved, and when.")


def attention_entries(index: Index, catalog: Catalog, site: str | None, link: str) -> list[FeedEntry]:
    """One entry per document whose latest check failed or was held; the entry's id and date are
    those of the start of the problem, so it stays one entry while the problem lasts."""
    import html


    urls = {d["key"]: d.get("url") for d in catalog.documents}
    gone, gone_reasons = index.gone_since(), index.gone_reasons()
    entries = []
    for row in index.attention():
        key = row["document"]
        title = catalog.doc_title(key)
        if key in gone:
            state, since = "gone", gone[key]
        else:
            state, since = ("held" if row["outcome"] == "held" else "failing"), row["since"]
        reason = safe_text(row["reason"] or row["outcome"])
        if key in gone and (told := gone_reasons.get(key)) and told != row["reason"]:
            # the 404 that told it was gone, then the latest check's own failure ("cannot connect")
            reason = safe_text(f"{told}; latest check: {row['reason'] or row['outcome']}")
        served = served_instead(row["reason"])
        # "served a login page for 3 run(s)"; the entry's id keeps the state, so it stays one entry.
        said = f"served {served} for {row.get('served_runs') or 1} run(s)" if served and key not in gone else state
        body = (f"<p><strong>{html.escape(title)}</strong> is {state} since {html.escape(since)}"
                + (f": {html.escape(said)}, which was not recorded" if said != state else "") + ".</p>"
                f"<p>{html.escape(reason)}</p><p>Last checked {html.escape(row['last_checked'])}.</p>")
        entries.append(FeedEntry(
            id=_entry_stem(key, state, since),
            title=safe_text(fit_title(title, f"{said} ({reason})")),
            link=web_url(urls.get(key)) or (f"{site}/index.html" if site is not None else f"{link}/{ATTENTION}.atom"),
            updated=parse_iso(since),
            summary=reason,
            content_html=body,
            categories=(ATTENTION, state),
        ))
    return entries


def _entry_stem(key: str, state: str, since: str) -> str:
    """The id of the attention entry of one problem: its document, its state and its start."""
    stamp = since.replace("-", "").replace(":", "")
    return f"tag:tracker.invalid,2026:{ATTENTION}/{feed_filename(key)}/{state}/{stamp}"


def resolved_entries(index: Index, catalog: Catalog, site: str | None, link: str,
                     current: set[str]) -> list[FeedEntry]:
    """One entry per problem (a streak of failed or held checks) that has ended: the problem's
    entry again (same id, so a feed reader updates it in place rather than keep a stale alarm),
    titled "Resolved: ...", dated when the document was checked fine again. At most
    ``index.RESOLVED_KEPT`` per document (its latest), newest first; ``current``: ids of the
    problems still going on (never said resolved). Pure: read from the index's ``checks`` table."""
    import html

    urls = {d["key"]: d.get("url") for d in catalog.documents}
    out = []
    for problem in index.resolved_problems():
        key, state, since, runs = problem["key"], problem["state"], problem["since"], problem["runs"]
        bad, fine = (problem["outcome"], problem["error"]), (problem["fine_outcome"], problem["fine_at"])
        entry_id = _entry_stem(key, state, since)
        if entry_id in current:
            continue
        title = catalog.doc_title(key)
        reason = safe_text(bad[1] or bad[0])
        if served := served_instead(bad[1]):  # in `tracker status`'s words first
            reason = safe_text(f"served {served} ({bad[1]})")
        ended, outcome = fine[1], fine[0]
        recorded = held_then_recorded(catalog, problem) if state == "held" else None
        page = web_url(urls.get(key)) or (f"{site}/index.html" if site is not None else f"{link}/{ATTENTION}.atom")
        if recorded is not None:
            # the held text lasted and was recorded: not "fine again", what the run did with it
            seen = runs + 1
            said = (f"held for {runs} run(s) since {since}, then recorded as version {recorded.seq} on "
                    f"{recorded.fetched_at} after being seen in {seen} runs in a row ({outcome})")
            if (undo := catalog.taken_back(recorded)) is not None:
                said += f"; taken back by version {undo.seq} on {undo.fetched_at}"
            headline = f"recorded after being seen in {seen} runs ({reason})"
            if site is not None:
                page = f"{site}/{version_page(recorded)}"
        else:
            said = f"{state} for {runs} run(s) since {since}, checked fine again on {ended} ({outcome})"
            headline = f"{state} for {runs} run(s), fine again ({reason})"
        body = (f"<p>Resolved: <strong>{html.escape(title)}</strong> was {html.escape(said)}.</p>"
                f"<p>The problem was: {html.escape(reason)}</p>")
        out.append(FeedEntry(
            id=entry_id,
            title=safe_text(fit_title(f"Resolved: {title}", headline)),
            link=page,
            updated=parse_iso(ended),
            published=parse_iso(since),  # the problem's entry, first seen when it started
            summary=f"Resolved: {said}. The problem was: {reason}",
            content_html=body,
            categories=(ATTENTION, "resolved"),
        ))
    out.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return out


# "held, not recorded, until seen in 3 consecutive runs (2 so far)": the words of a held check
# (``run.decide._not_confirmed``)
_HELD_COUNT = re.compile(r"until seen in (?P<needed>\d+) consecutive runs \((?P<seen>\d+) so far\)")
# "(from 1,619 to 1,110 characters)": a hold for a shorter text (a shrink, sections missing, a cut)
_HELD_SHORTER = re.compile(r"\bfrom [\d,]+ to [\d,]+ characters\b")


def held_then_recorded(catalog: Catalog, problem: dict[str, Any]) -> Version | None:
    """The version a run recorded when a held text (``index.resolved_problems``' ``problem``,
    its state "held") was seen the last time it had to be: the check after the hold recorded a
    version, the hold's last check said one more sighting was enough ("until seen in 3
    consecutive runs (2 so far)"), and, for a hold of a shorter text, that version removed
    clauses and added none. None when the hold ended otherwise: the page whole again
    (unchanged), or a new text of another kind recorded (the page changed for real)."""
    if problem["fine_outcome"] not in ("changed", "revert"):
        return None
    error = problem["error"] or ""
    m = _HELD_COUNT.search(error)
    if m is None or int(m.group("seen")) + 1 < int(m.group("needed")):
        return None
    versions = catalog.by_doc.get(problem["key"], [])
    since, ended = parse_iso(problem["since"]), parse_iso(problem["fine_at"])
    found = [v for v in versions if since < parse_iso(v.fetched_at) <= ended]
    if not found:
        return None
    version = found[0]  # the first after the hold began: the hold itself recorded nothing
    kinds = {label.kind for label in catalog.labels.get(version.commit_sha, [])}
    if _HELD_SHORTER.search(error) and ("removed" not in kinds or "added" in kinds):
        return None  # a text with new clauses after a shrink was held: the page changed, not the cut recorded
    return version


# --- the whole publication -----------------------------------------------------------------------


@dataclass
class PublishReport:
    """Feeds and pages of one ``tracker publish``."""

    feeds: FeedReport
    pages_written: list[str]
    pages_total: int
    summaries_computed: int = 0  # document summaries computed (not taken from the cache)


def publish_site(index: Index, out_dir: Path, *, base_url: str = "", limit: int = 50) -> PublishReport:
    """Write the static site (pages + ``feeds/``) for ``index`` into ``out_dir``, incrementally.

    ``base_url`` is the public URL of ``out_dir`` (feeds need absolute links); without it the
    feeds link to the folder's file: URI. Pages only use relative links, so they work anywhere.
    """
    from tracker.publish.site import SUMMARY_CACHE, SummaryCache, write_site

    out_dir = Path(out_dir)
    site = base_url.rstrip("/") or out_dir.resolve().as_uri()
    catalog = load_catalog(index)
    store = Store(Path(index.path).parent)  # the index lives beside the archive it describes
    # one cache of summaries for the feed entries and the Key terms pages, kept beside the site
    summaries = SummaryCache(store, out_dir / SUMMARY_CACHE) if store.exists() else None
    feeds = publish_feeds(index, out_dir / "feeds", base_url=f"{site}/feeds", site_url=site, limit=limit,
                          catalog=catalog, summaries=summaries)
    written, total = write_site(index, catalog, out_dir, feed_specs(catalog, limit), summaries)
    if summaries is not None:
        summaries.save()
    return PublishReport(feeds, written, total, summaries.computed if summaries is not None else 0)

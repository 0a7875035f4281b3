"""Publishing: turn indexed versions into feeds (and, with ``site.py``, a static diff site).

Feed layout under the feeds directory (one predictable scheme)::

    all.atom|.rss|.json                    every change of every document
    material.*                             material changes only
    category/<category-id>.*               changes in one taxonomy category (refunds, privacy, ...)
    <service>/all.*                        every change of one service
    <service>/material.*                   material changes of one service
    <service>/<document-slug>.*            one document, e.g. nimbus/terms-of-service.atom
    attention.*                            documents that need attention: failing (HTTP errors,
                                           error pages, gone) or held (a sudden shrink) right now

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

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.publish.feeds import Feed, FeedEntry, _write_if_changed, feed_filename, write_feed
from tracker.archive.index import Index, VersionRow, _version_row
from tracker.archive.store import parse_iso

FEED_EXTS = (".atom", ".rss", ".json")
STATE_FILE = ".tracker-feeds.json"
# Bump when the shape of entries changes: every cached entry and feed is then rebuilt.
ENTRY_FORMAT = "2"
RESERVED_TOP = {"all", "material", "category", "feeds", "index.html", "style.css"}
RESERVED_IN_SERVICE = {"all", "material", "index.html"}
_RESERVED_EXTS = (".atom", ".rss", ".json", ".html", ".css")


# --- names and ids -----------------------------------------------------------------------------


def entry_id(version: VersionRow) -> str:
    """Permanent id of a version's feed entry (tag URI, RFC 4151)."""
    digest = version.content_hash.split(":")[-1][:16]
    stamp = version.fetched_at.replace("-", "").replace(":", "")
    return f"tag:tracker.invalid,2026:{feed_filename(version.document_key)}/{stamp}/{digest}"


def service_slug(service_id: str) -> str:
    """Folder name of a service, in feeds and on the site; never a reserved top-level name."""
    slug = feed_filename(service_id.replace("/", "-"))
    return slug + "-service" if slug in RESERVED_TOP or slug.endswith(_RESERVED_EXTS) else slug


def document_slug(document_key: str) -> str:
    """``<service>/<document-slug>``: a document's feed name and site folder."""
    service_id, _, doc_type = document_key.partition("/")
    slug = feed_filename(doc_type.replace("/", "-"))
    if slug in RESERVED_IN_SERVICE or slug.endswith(_RESERVED_EXTS):
        slug += "-document"
    return f"{service_slug(service_id)}/{slug}"


def version_slug(version: VersionRow) -> str:
    """Stable page name of a version: fetch time + content hash, never a row id or seq."""
    stamp = version.fetched_at.replace("-", "").replace(":", "")
    return f"{stamp}-{version.content_hash.split(':')[-1][:12]}"


def version_page(version: VersionRow) -> str:
    """Site-relative path of a version's diff page."""
    return f"{document_slug(version.document_key)}/{version_slug(version)}.html"


def entry_title(version: VersionRow, service_name: str) -> str:
    """Says what changed, not just that something did."""
    from tracker.publish.site import safe_text

    who = f"{service_name} {version.document_type}"
    return safe_text(f"{who}: {version.summary or 'updated'}")


# --- the catalog: everything publishing needs, in two queries ------------------------------------


@dataclass(frozen=True)
class Label:
    """The light part of a stored clause change: enough to filter and fingerprint."""

    kind: str
    material: bool
    severity: str
    categories: tuple[str, ...]
    explanation: str


@dataclass
class Catalog:
    """All versions and change labels of the index, loaded once per publish."""

    names: dict[str, str]
    documents: list[dict[str, Any]]
    by_doc: dict[str, list[VersionRow]]
    labels: dict[str, list[Label]]
    _fps: dict[str, str] = field(default_factory=dict)
    _cats: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def service_name(self, service_id: str) -> str:
        return self.names.get(service_id) or service_id

    def doc_title(self, document_key: str) -> str:
        service_id, _, doc_type = document_key.partition("/")
        return f"{self.service_name(service_id)} {doc_type}"

    def changes(self) -> list[VersionRow]:
        """Every version except first ones (those are not changes), newest first."""
        out = [v for versions in self.by_doc.values() for v in versions if v.seq > 1]
        out.sort(key=lambda v: (v.fetched_at, v.seq, v.document_key), reverse=True)
        return out

    def categories(self, version: VersionRow) -> tuple[str, ...]:
        """The version's categories plus those of its non-cosmetic clause changes."""
        from tracker.analysis.analyse import severity_rank

        cached = self._cats.get(version.commit_sha)
        if cached is None:
            cats = set(version.categories)
            for label in self.labels.get(version.commit_sha, []):
                if label.material or severity_rank(label.severity) >= severity_rank("minor"):
                    cats.update(label.categories)
            cached = self._cats[version.commit_sha] = tuple(sorted(cats))
        return cached

    def fingerprint(self, version: VersionRow) -> str:
        """Digest of everything an entry or page of this version shows."""
        fp = self._fps.get(version.commit_sha)
        if fp is None:
            data = [version.to_dict(), self.service_name(version.service_id),
                    [label.__dict__ for label in self.labels.get(version.commit_sha, [])]]
            fp = _digest(data)
            self._fps[version.commit_sha] = fp
        return fp


def load_catalog(index: Index) -> Catalog:
    """Read every version and every change label (not the clause texts) in two queries."""
    by_doc: dict[str, list[VersionRow]] = {}
    for row in index.conn.execute("SELECT * FROM versions ORDER BY document_key, seq"):
        v = _version_row(row)
        by_doc.setdefault(v.document_key, []).append(v)
    labels: dict[str, list[Label]] = {}
    for r in index.conn.execute(
        "SELECT commit_sha, kind, material, severity, categories, explanation FROM changes ORDER BY commit_sha, n"
    ):
        labels.setdefault(r[0], []).append(
            Label(r[1] or "", bool(r[2]), r[3] or "", tuple(json.loads(r[4] or "[]")), r[5] or "")
        )
    return Catalog(index.service_names(), index.documents(), by_doc, labels)


# --- feed plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedSpec:
    """One feed to write: its name (path without extension) and its versions, newest first."""

    name: str
    title: str
    description: str
    page: str  # site-relative page the feed belongs to
    versions: tuple[VersionRow, ...]


def taxonomy() -> tuple[str, ...]:
    """Category ids with a feed even before anything changed, so URLs can be subscribed early."""
    from tracker.analysis.classify import CATEGORIES

    return CATEGORIES


def feed_specs(catalog: Catalog, limit: int) -> list[FeedSpec]:
    """Every feed of the URL scheme, with the versions each one carries."""
    changes = catalog.changes()
    specs = [
        FeedSpec("all", "Terms changes: all documents", "Every recorded change of every tracked document",
                 "index.html", tuple(changes[:limit])),
        FeedSpec("material", "Material terms changes: all documents",
                 "Changes that alter what users get, pay, owe, risk or agree to",
                 "index.html", tuple([v for v in changes if v.material][:limit])),
    ]
    seen_cats = {c for v in changes for c in catalog.categories(v)}
    for cat in sorted(set(taxonomy()) | seen_cats):
        chosen = [v for v in changes if cat in catalog.categories(v)][:limit]
        specs.append(FeedSpec(f"category/{feed_filename(cat)}", f"Terms changes: {cat}",
                              f"Recorded changes about {cat}, every service", "index.html", tuple(chosen)))
    services = sorted({d["service_id"] for d in catalog.documents})
    for sid in services:
        name, slug = catalog.service_name(sid), service_slug(sid)
        mine = [v for v in changes if v.service_id == sid]
        specs.append(FeedSpec(f"{slug}/all", f"Terms changes: {name}", f"Every recorded change of {name}'s documents",
                              f"{slug}/index.html", tuple(mine[:limit])))
        specs.append(FeedSpec(f"{slug}/material", f"Material terms changes: {name}",
                              f"Material changes of {name}'s documents", f"{slug}/index.html",
                              tuple([v for v in mine if v.material][:limit])))
    for doc in catalog.documents:
        key, title = doc["key"], catalog.doc_title(doc["key"])
        mine = [v for v in changes if v.document_key == key]
        specs.append(FeedSpec(document_slug(key), f"Terms changes: {title}", f"Recorded changes of {title}",
                              f"{document_slug(key)}/index.html", tuple(mine[:limit])))
    return specs


# --- writing feeds -------------------------------------------------------------------------------


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
                  limit: int = 50, catalog: Catalog | None = None) -> FeedReport:
    """Write the feeds whose entry set changed since the last publish into ``out_dir``.

    ``base_url`` is where the feeds are served (default: the folder's file: URI); ``site_url``,
    when given, is where the diff pages are and entries link to them (else to the terms page).
    """
    from tracker.publish.site import render_entry_html, templates_digest

    if limit < 1:
        raise ValueError(f"limit must be >= 1, not {limit}")
    out_dir = Path(out_dir)
    catalog = catalog or load_catalog(index)
    link = base_url.rstrip("/") or out_dir.resolve().as_uri()
    site = site_url.rstrip("/") if site_url is not None else None
    state = _load_state(out_dir / STATE_FILE)
    settings = _digest([ENTRY_FORMAT, templates_digest(), link, site, limit])
    old_feeds: dict[str, str] = state.get("feeds", {})
    old_entries: dict[str, str] = state.get("entries", {})
    new_feeds: dict[str, str] = {}
    new_entries: dict[str, str] = {}
    report = FeedReport()

    def content(v: VersionRow) -> str:
        key = _digest([settings, catalog.fingerprint(v)])
        html = new_entries.get(key) or old_entries.get(key)
        if html is None:
            html = render_entry_html(catalog, v, index.changes_for(v.commit_sha), site)
            report.rendered += 1
        new_entries[key] = html
        return html

    for spec in feed_specs(catalog, limit):
        meta = Feed(id=f"tag:tracker.invalid,2026:{spec.name}", title=spec.title,
                    link=f"{site}/{spec.page}" if site is not None else f"{link}/{spec.name}.atom",
                    description=spec.description)
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
        entries = [_entry(catalog, v, site, content(v)) for v in spec.versions]
        write_feed(meta, entries, out_dir, spec.name, limit=limit)
        report.rebuilt.append(spec.name)
    # The "needs attention" feed: not versions, but documents whose latest check failed or was held.
    attention_meta = Feed(id=f"tag:tracker.invalid,2026:{ATTENTION}", title="Terms tracking: needs attention",
                          link=f"{site}/index.html" if site is not None else f"{link}/{ATTENTION}.atom",
                          description="Documents that could not be checked or whose new text is held")
    attention = attention_entries(index, catalog, site, link)
    fp = _digest([settings, attention_meta.__dict__, [e.__dict__ for e in attention]])
    new_feeds[ATTENTION] = fp
    files = [out_dir / f"{ATTENTION}{ext}" for ext in FEED_EXTS]
    report.paths += files
    if old_feeds.get(ATTENTION) != fp or not all(p.exists() for p in files):
        write_feed(attention_meta, attention, out_dir, ATTENTION, limit=max(limit, len(attention)))
        report.rebuilt.append(ATTENTION)
    for name in sorted(set(old_feeds) - set(new_feeds)):  # feeds of services that are gone
        for ext in FEED_EXTS:
            (out_dir / f"{name}{ext}").unlink(missing_ok=True)
        report.removed.append(name)
    _save_state(out_dir / STATE_FILE, {"feeds": new_feeds, "entries": new_entries})
    return report


def _entry(catalog: Catalog, v: VersionRow, site: str | None, html: str) -> FeedEntry:
    from tracker.publish.site import safe_text

    name = catalog.service_name(v.service_id)
    tags = [name, v.document_type, *catalog.categories(v)]
    if v.material:
        tags.append("material")
    if v.severity:
        tags.append(f"severity:{v.severity}")
    if v.kind == "revert":
        tags.append("revert")
    return FeedEntry(
        id=entry_id(v),
        title=entry_title(v, name),
        link=f"{site}/{version_page(v)}" if site is not None else (v.final_url or v.source_url),
        updated=parse_iso(v.fetched_at),
        summary=safe_text(v.summary),
        content_html=html,
        categories=tuple(dict.fromkeys(safe_text(t) for t in tags)),
    )


ATTENTION = "attention"


def attention_entries(index: Index, catalog: Catalog, site: str | None, link: str) -> list[FeedEntry]:
    """One entry per document whose latest check failed or was held; the entry's id and date are
    those of the start of the problem, so it stays one entry while the problem lasts."""
    import html

    from tracker.publish.site import safe_text

    urls = {d["key"]: d.get("url") for d in catalog.documents}
    gone = index.gone_since()
    entries = []
    for row in index.attention():
        key = row["document"]
        title = catalog.doc_title(key)
        if key in gone:
            state, since = "gone", gone[key]
        else:
            state, since = ("held" if row["outcome"] == "held" else "failing"), row["since"]
        reason = safe_text(row["reason"] or row["outcome"])
        stamp = since.replace("-", "").replace(":", "")
        body = (f"<p><strong>{html.escape(title)}</strong> is {state} since {html.escape(since)}.</p>"
                f"<p>{html.escape(reason)}</p><p>Last checked {html.escape(row['last_checked'])}.</p>")
        entries.append(FeedEntry(
            id=f"tag:tracker.invalid,2026:{ATTENTION}/{feed_filename(key)}/{state}/{stamp}",
            title=safe_text(f"{title}: {state} ({reason})"),
            link=urls.get(key) or (f"{site}/index.html" if site is not None else f"{link}/{ATTENTION}.atom"),
            updated=parse_iso(since),
            summary=reason,
            content_html=body,
            categories=(ATTENTION, state),
        ))
    return entries


# --- the whole publication -----------------------------------------------------------------------


@dataclass
class PublishReport:
    """Feeds and pages of one ``tracker publish``."""

    feeds: FeedReport
    pages_written: list[str]
    pages_total: int


def publish_site(index: Index, out_dir: Path, *, base_url: str = "", limit: int = 50) -> PublishReport:
    """Write the static site (pages + ``feeds/``) for ``index`` into ``out_dir``, incrementally.

    ``base_url`` is the public URL of ``out_dir`` (feeds need absolute links); without it the
    feeds link to the folder's file: URI. Pages only use relative links, so they work anywhere.
    """
    from tracker.publish.site import write_site

    out_dir = Path(out_dir)
    site = base_url.rstrip("/") or out_dir.resolve().as_uri()
    catalog = load_catalog(index)
    feeds = publish_feeds(index, out_dir / "feeds", base_url=f"{site}/feeds", site_url=site, limit=limit,
                          catalog=catalog)
    written, total = write_site(index, catalog, out_dir, feed_specs(catalog, limit))
    return PublishReport(feeds, written, total)


# --- helpers -------------------------------------------------------------------------------------


def _digest(data: Any) -> str:
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _load_state(path: Path) -> dict[str, Any]:
    """The last publish's fingerprints; a missing or broken file just means 'rebuild'."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and data.get("format") == ENTRY_FORMAT else {}
    except (OSError, ValueError):
        return {}


def _save_state(path: Path, data: dict[str, Any]) -> None:
    payload = {"format": ENTRY_FORMAT, **data}
    _write_if_changed(path, (json.dumps(payload, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))


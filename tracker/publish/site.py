"""The static diff site: an index of services, a history page per document, a diff page per version.

Plain HTML + CSS rendered by Jinja2 with autoescape on; no JavaScript. Every string that came
from a terms page is also stripped of control characters and bidi overrides (``safe_text``), so a
page can neither inject markup nor flip the text around it. Links between pages are relative, so
the folder works from file:, any host or any sub-path. Version pages are the expensive ones (word
diffs): one is re-rendered only when its fingerprint changed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from tracker.archive import Index, Store, Version
from tracker.publish.catalog import (
    Catalog,
    FeedSpec,
    _digest,
    _load_state,
    _save_state,
    document_slug,
    entry_title,
    fit_title,
    service_slug,
    version_page,
)
from tracker.publish.feeds import _write_if_changed
from tracker.publish.text import human_date, safe_text
from tracker.records import ClauseChange

STATE_FILE = ".tracker-site.json"
RECENT_ON_INDEX = 20
KIND_LABELS = {"added": "Added", "removed": "Removed", "modified": "Changed", "moved": "Moved"}


def _finalize(value: Any) -> Any:
    """Applied to every ``{{ }}`` before autoescape: defence in depth for page text."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return safe_text(value)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tracker.publish", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = human_date
    return env


@lru_cache(maxsize=1)
def templates_digest() -> str:
    """Digest of the templates and stylesheet: editing them invalidates every cached page and entry."""
    h = hashlib.sha256()
    folder = resources.files("tracker.publish") / "templates"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.is_file():
            h.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    return h.hexdigest()[:16]


# --- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeView:
    """One clause change, ready for a template: word-diff segments for inline and side by side.

    Segments are plain text (the clause's Markdown rendered, ``rendering.clause_text``), so no
    Markdown syntax shows; ``before_html`` / ``after_html`` are each side rendered to safe HTML
    (``rendering.clause_html``), shown whole for an added or removed clause, a table, or a
    ``rewrite`` (a clause whose words changed too much for a word diff to be read,
    ``diff.is_rewrite``). ``section`` is what a reader sees ("§ 8.3 Credits"); ``clause_id``
    stays for links and tools, never shown as text."""

    anchor: str
    kind: str
    label: str
    heading: str
    clause_id: str
    material: bool
    severity: str
    categories: tuple[str, ...]
    explanation: str
    cosmetic: str
    inline: tuple[tuple[str, str], ...]  # (css class: eq|del|ins, text)
    left: tuple[tuple[str, str], ...]
    right: tuple[tuple[str, str], ...]
    text_changed: bool
    section: str = ""
    before_html: Markup = Markup("")
    after_html: Markup = Markup("")
    rewrite: bool = False
    table: bool = False


_OP_CLASS = {-1: "del", 0: "eq", 1: "ins"}


def change_view(n: int, change: ClauseChange) -> ChangeView:
    """Word diff of one stored change (the ``n``-th of its version, from 0), split for the
    inline and the side-by-side views."""
    from tracker.analysis.diff import is_rewrite, word_diff
    from tracker.analysis.rendering import clause_html, clause_text, section_label, table_cells

    kind = change.kind or "modified"
    before, after = safe_text(change.before), safe_text(change.after)
    plain_before, plain_after = clause_text(before), clause_text(after)
    if kind == "added":
        ops = [(1, plain_after)]
    elif kind == "removed":
        ops = [(-1, plain_before)]
    else:
        ops = word_diff(plain_before, plain_after)
    segments = tuple((_OP_CLASS[op], text) for op, text in ops if text)
    text_changed = before != after
    label = KIND_LABELS.get(kind, kind.title())
    if kind == "moved":
        label = "Moved and edited" if text_changed else "Moved (text unchanged)"
    heading = safe_text(change.heading)
    before_html, after_html = Markup(clause_html(before)), Markup(clause_html(after))  # escapes every tag itself
    if kind in ("modified", "moved") and (cells := _table_diff(before, after)) is not None:
        before_html, after_html = cells  # the table, its changed words marked cell by cell
    return ChangeView(
        anchor=f"change-{n + 1}",
        kind=kind,
        label=label,
        heading=heading,
        clause_id=safe_text(change.clause_id),
        material=bool(change.material),
        severity=safe_text(change.severity),
        categories=tuple(safe_text(c) for c in change.categories),
        explanation=safe_text(change.explanation),
        cosmetic=safe_text(change.cosmetic),
        inline=segments,
        left=tuple(s for s in segments if s[0] != "ins"),
        right=tuple(s for s in segments if s[0] != "del"),
        text_changed=text_changed,
        section=section_label(heading, after or before, change.clause_id),
        before_html=before_html,
        after_html=after_html,
        rewrite=kind in ("modified", "moved") and is_rewrite(ops),
        table=table_cells(before or after) is not None,
    )


def _table_diff(before: str, after: str) -> tuple[Markup, Markup] | None:
    """Both sides of a changed table row as HTML tables whose cells carry their word diff
    (``<del>`` on the left, ``<ins>`` on the right); None unless both sides are tables with the
    same header and shape. Cell text is plain (``rendering.table_cells``) and escaped here."""
    from markupsafe import escape

    from tracker.analysis.diff import word_diff
    from tracker.analysis.rendering import table_cells

    old, new = table_cells(before), table_cells(after)
    if old is None or new is None or old[0] != new[0] or [len(r) for r in old[1]] != [len(r) for r in new[1]]:
        return None
    header = old[0]
    head = ("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead>") if header else ""
    sides: list[list[str]] = [[], []]
    for row_a, row_b in zip(old[1], new[1]):
        cells: list[list[str]] = [[], []]
        for a, b in zip(row_a, row_b):
            ops = word_diff(a, b)
            for side, (skip, tag) in enumerate(((1, "del"), (-1, "ins"))):
                cells[side].append("<td>" + "".join(
                    str(escape(t)) if op == 0 else f"<{tag}>{escape(t)}</{tag}>" for op, t in ops if op != skip)
                    + "</td>")
        for side in (0, 1):
            sides[side].append("<tr>" + "".join(cells[side]) + "</tr>")
    left, right = (Markup(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>") for rows in sides)
    return left, right


def _order(views: list[ChangeView]) -> list[ChangeView]:
    """Material changes first (most severe first), then the rest in document order."""
    from tracker.analysis import severity_rank

    return sorted(views, key=lambda c: (not c.material, -severity_rank(c.severity)))


def _http_link(url: str) -> str:
    """Only http(s) links are clickable: never javascript:, data: or file: from an archive."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def _version_ctx(catalog: "Catalog", v: Version, root: str) -> dict[str, Any]:
    """What a template shows of version ``v``; ``root`` leads from the page to the site's top.

    A version the next capture undid (``Catalog.taken_back``: a page served in part, a variant)
    is shown as the feeds show it: titled "Taken back: ...", with ``taken_back`` (the undoing
    version's seq, date and page); ``undoes`` names the version a revert of that kind undid."""
    title = entry_title(v, catalog.service_name(v.service_id))
    undo, undone = catalog.taken_back(v), catalog.undoes(v)
    if undo is not None:
        title = safe_text(fit_title("Taken back", title))
    return {
        "title": title,
        "taken_back": {"seq": undo.seq, "date": undo.fetched_at, "href": root + version_page(undo)}
        if undo is not None else None,
        "undoes": {"seq": undone.seq, "date": undone.fetched_at, "href": root + version_page(undone)}
        if undone is not None else None,
        "doc_title": catalog.doc_title(v.document_key),
        "date": v.fetched_at,
        "seq": v.seq,
        "kind": v.kind,
        "summary": v.summary,
        "material": v.material,
        "severity": v.severity,
        "categories": catalog.tags(v),  # shown tags: ranked, at most 4 (``Catalog.tags``)
        "changes": v.changes,
        "href": root + version_page(v),
    }


def _feed_links(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"name": name, "title": title} for name, title in pairs]


# --- rendering ---------------------------------------------------------------------------------


def render_entry_html(catalog: "Catalog", v: Version, changes: Sequence[ClauseChange], site: str | None,
                      key_terms: Sequence[Any] = ()) -> str:
    """HTML content of a feed entry: the key terms it changed (``summary.BulletChange``s, before
    and after), then each changed clause, its explanation and an inline word diff.

    ``site`` is the diff site's base URL (None when no site is published)."""

    views = _order([change_view(n, c) for n, c in enumerate(changes)])
    html = environment().get_template("entry.html").render(
        v=_version_ctx(catalog, v, ""),
        changes=views,
        key_terms=[c.line() for c in key_terms],
        page=f"{site}/{version_page(v)}" if site is not None else "",
        source=_http_link(v.final_url or v.source_url),
    )
    return html.strip()


def _anchor(doc_slug: str, clause: str) -> str:
    """The id of a quoted clause on a Key terms page."""
    return "c-" + re.sub(r"[^a-z0-9]+", "-", f"{doc_slug.rsplit('/', 1)[-1]}-{clause}".lower()).strip("-")


SUMMARY_CACHE = ".tracker-summaries.json"


class SummaryCache:
    """Summaries of archived versions for one publish, kept on disk between publishes.

    A summary is keyed by everything it depends on: the version's commit and path, the summary
    code (``summary.code_version()``), the templates digest and, for a summary with change notes,
    the fingerprints of its document's versions. So an unchanged document costs one dictionary
    look-up on the next publish, and a new version, new code or new labels recompute it. Only the
    entries used by this publish are saved (the file does not grow with history). The file holds
    JSON, never pickles: it sits in a folder that may be served."""

    def __init__(self, store: Store, path: Path | None = None) -> None:
        from tracker.analysis.summary import code_version

        self.store, self.path = store, path
        self.code = code_version()
        self.old: dict[str, Any] = {}
        if path is not None:
            state = _load_state(path)
            if state.get("code") == self.code:
                self.old = state.get("summaries", {})
        self.new: dict[str, Any] = {}
        self.computed = 0  # summaries computed by this publish (the rest came from the cache)
        self._texts: dict[tuple[str, str], str | None] = {}

    def text(self, commit: str, path: str) -> str | None:
        """The archived text of ``path`` at ``commit``; None when the archive cannot read it."""
        if (commit, path) not in self._texts:
            try:
                self._texts[commit, path] = self.store.read(commit, path)
            except Exception:  # a version the archive cannot read is left out, not fatal
                self._texts[commit, path] = None
        return self._texts[commit, path]

    def get(self, key_parts: list[Any], make: Any) -> Any:
        """The cached JSON value for ``key_parts``, else ``make()`` (a JSON-able value), stored."""
        key = _digest([self.code, templates_digest(), key_parts])
        value = self.new.get(key)
        if value is None:
            value = self.old.get(key)
        if value is None:
            value = make()
            self.computed += 1
        self.new[key] = value
        return value

    def summary(self, commit: str, path: str) -> Any:
        """The summary (no change notes) of ``path`` at ``commit``; None if unreadable."""
        from tracker.analysis.summary import summarise, summary_from_dict

        text = self.text(commit, path)
        if text is None:
            return None
        # the document's type is its file's name ('Privacy Policy.md'): which questions it is asked
        data = self.get(["plain", commit, path], lambda: _compact(summarise(text, kind=Path(path).stem)))
        return summary_from_dict(data)

    def save(self) -> None:
        if self.path is not None:
            _save_state(self.path, {"code": self.code, "summaries": self.new})


def _compact(summary: Any) -> dict[str, Any]:
    """What the site and feeds show of a summary (not the clause-level view), as JSON."""
    d = summary.to_dict()
    return {k: d[k] for k in ("key_terms", "watch_outs", "answers", "facts")}


def key_term_changes(cache: SummaryCache | None, catalog: "Catalog", v: Version) -> list[Any]:
    """The key terms version ``v`` changed (``summary.BulletChange``), from its and the previous
    version's summaries; [] for a first version, without a cache, or when a text is unreadable."""
    from tracker.analysis.summary import compare_summaries

    if cache is None:
        return []
    versions = catalog.by_doc.get(v.document_key, [])
    prev = next((p for p in reversed(versions) if p.seq < v.seq), None)
    path = next((d["path"] for d in catalog.documents if d["key"] == v.document_key), None)
    if prev is None or path is None:
        return []
    before, after = cache.summary(prev.commit_sha, path), cache.summary(v.commit_sha, path)
    if before is None or after is None:
        return []
    return compare_summaries(before, after, cache.text(prev.commit_sha, path) or "",
                             cache.text(v.commit_sha, path) or "")


def _summaries(index: Index, cache: SummaryCache, catalog: "Catalog") -> dict[str, Any]:
    """Summary of the latest version of each document: key -> (Summary, Version, quoted clauses).

    Each comes from ``cache`` when its document has no new version (see ``SummaryCache``)."""
    from tracker.analysis.clauses import split_clauses
    from tracker.analysis.rendering import clause_text
    from tracker.analysis.summary import summarise, summary_from_dict

    out: dict[str, Any] = {}
    for d in catalog.documents:
        versions = catalog.by_doc.get(d["key"], [])
        if not versions:
            continue
        latest = versions[-1]

        def make(latest: Version = latest, versions: list[Version] = versions, path: str = d["path"]) -> Any:
            text = cache.text(latest.commit_sha, path)
            if text is None:
                return False  # remembered as unreadable
            history = [(v.fetched_at, c) for v in versions[1:] for c in index.changes_for(v.commit_sha)]
            summary = summarise(text, history, kind=Path(path).stem)
            used = {b.clause for b in summary.key_terms + summary.watch_outs}
            used |= {a.clause for a in summary.answers if a.clause} | {c.clause for c in summary.facts.values()}
            quoted = [[c.id, clause_text(c.text)] for c in split_clauses(text) if c.id in used]
            return {"summary": _compact(summary), "quoted": quoted}

        data = cache.get(["latest", latest.commit_sha, d["path"], [catalog.fingerprint(v) for v in versions]], make)
        if not data:
            continue
        out[d["key"]] = (summary_from_dict(data["summary"]), latest, [tuple(q) for q in data["quoted"]])
    return out


def write_site(index: Index, catalog: "Catalog", out_dir: Path, specs: Sequence["FeedSpec"],
               store: "Store | SummaryCache | None" = None) -> tuple[list[str], int]:
    """Write every page into ``out_dir``; return (pages actually written, pages in the site).

    With ``store`` (the archive the index describes, or a ``SummaryCache`` of it) the site also
    gets a "Key terms" page per service and a comparison page across services, built from each
    document's latest text. A bare store gets a cache saved in ``out_dir`` (``SUMMARY_CACHE``)."""
    if isinstance(store, Store):
        own = SummaryCache(store, Path(out_dir) / SUMMARY_CACHE)
        written = _SiteWriter(index, catalog, Path(out_dir), specs).write(own)
        own.save()
        return written
    return _SiteWriter(index, catalog, Path(out_dir), specs).write(store)


GLOBAL_FEEDS = (("all", "All changes"), ("material", "Material changes"))


class _SiteWriter:
    """One site build: which pages were written, which were already up to date."""

    def __init__(self, index: Index, catalog: "Catalog", out_dir: Path, specs: Sequence["FeedSpec"]) -> None:
        self.index, self.catalog, self.out_dir = index, catalog, out_dir
        self.env = environment()
        self.feed_names = {s.name for s in specs}
        self.old_pages: dict[str, str] = _load_state(out_dir / STATE_FILE).get("pages", {})
        self.new_pages: dict[str, str] = {}
        self.written: list[str] = []
        self.total = 0
        self.changes = catalog.changes()

    def write(self, cache: "SummaryCache | None") -> tuple[list[str], int]:
        self.put("style.css", (resources.files("tracker.publish") / "templates" / "style.css").read_text(
            encoding="utf-8"))
        services = self.services()
        self.index_page(services)
        for service in services:
            self.service_page(service)
        tdigest = templates_digest()
        for d in self.catalog.documents:
            self.document_pages(d, tdigest)
        if cache is not None:
            _write_key_terms(self.index, cache, self.catalog, services, self.env, self.put,
                             _feed_links(*GLOBAL_FEEDS))
        for rel in sorted(set(self.old_pages) - set(self.new_pages)):  # versions gone after a rewrite of history
            (self.out_dir / rel).unlink(missing_ok=True)
        _save_state(self.out_dir / STATE_FILE, {"pages": self.new_pages})
        return self.written, self.total

    def put(self, rel: str, data: str) -> None:
        """Count a page, and write it only if its bytes changed."""
        self.total += 1
        if _write_if_changed(self.out_dir / rel, data.encode("utf-8")):
            self.written.append(rel)

    def services(self) -> list[dict[str, Any]]:
        """One block per service: its documents and each document's latest change."""
        catalog = self.catalog
        services = []
        for sid in sorted({d["service_id"] for d in catalog.documents}, key=lambda s: catalog.service_name(s).lower()):
            docs = []
            for d in (d for d in catalog.documents if d["service_id"] == sid):
                versions = catalog.by_doc.get(d["key"], [])
                latest = next((v for v in reversed(versions) if v.seq > 1), None)
                # a date bump after a material change would hide it: name the last material one too;
                # a change the next capture took back (and the capture that took it back) is none:
                # the terms did not change (what the feeds say with "Taken back")
                last_material = None if latest is None or catalog.lasting(latest) else next(
                    (v for v in reversed(versions) if v.seq > 1 and catalog.lasting(v)), None)
                docs.append({
                    "type": d["type"], "slug": document_slug(d["key"]), "versions": len(versions),
                    "last_recorded": d["last_recorded"] or "", "feed": document_slug(d["key"]),
                    "latest": latest, "last_material": last_material,
                })
            services.append({"id": sid, "name": catalog.service_name(sid), "slug": service_slug(sid), "docs": docs})
        return services

    def ctx_versions(self, rows: Sequence[Version], root: str) -> list[dict[str, Any]]:
        return [_version_ctx(self.catalog, v, root) for v in rows]

    def docs_with_latest(self, service: dict[str, Any], root: str) -> list[dict[str, Any]]:
        return [{**d, **{key: _version_ctx(self.catalog, d[key], root) if d[key] else None
                         for key in ("latest", "last_material")}}
                for d in service["docs"]]

    def recent(self, versions: Sequence[Version], root: str) -> list[dict[str, Any]]:
        """The newest RECENT_ON_INDEX changes worth a reader's look: cosmetic-only versions (a date,
        links, spacing) would crowd out the ones that say something, and stay on each document's
        own history page."""
        shown = [v for v in versions if v.severity != "cosmetic"]
        return self.ctx_versions(shown[:RECENT_ON_INDEX], root)

    def index_page(self, services: list[dict[str, Any]]) -> None:
        categories = sorted(n.split("/", 1)[1] for n in self.feed_names if n.startswith("category/"))
        self.put("index.html", self.env.get_template("index.html").render(
            root="", title="Terms changes", feeds=_feed_links(*GLOBAL_FEEDS),
            services=[{**s, "docs": self.docs_with_latest(s, "")} for s in services],
            recent=self.recent(self.changes, ""), categories=categories,
        ))

    def service_page(self, s: dict[str, Any]) -> None:
        root = "../"
        mine = [v for v in self.changes if v.service_id == s["id"]]
        self.put(f"{s['slug']}/index.html", self.env.get_template("service.html").render(
            root=root, title=f"{s['name']}: terms changes",
            feeds=_feed_links((f"{s['slug']}/all", f"{s['name']}: all changes"),
                              (f"{s['slug']}/material", f"{s['name']}: material changes"), *GLOBAL_FEEDS),
            service={**s, "docs": self.docs_with_latest(s, root)},
            recent=self.recent(mine, root),
        ))

    def document_pages(self, d: dict[str, Any], tdigest: str) -> None:
        """A document's history page and one page per version (re-rendered only when stale)."""
        catalog = self.catalog
        key, slug, title = d["key"], document_slug(d["key"]), catalog.doc_title(d["key"])
        versions = catalog.by_doc.get(key, [])
        feeds = _feed_links((slug, title),
                            (f"{service_slug(d['service_id'])}/all", f"{catalog.service_name(d['service_id'])}: all changes"),
                            *GLOBAL_FEEDS)
        root = "../../"
        self.put(f"{slug}/index.html", self.env.get_template("document.html").render(
            root=root, title=f"{title}: history", feeds=feeds, doc_title=title,
            service_slug=service_slug(d["service_id"]), service_name=catalog.service_name(d["service_id"]),
            source=_http_link(d.get("url") or ""), versions=self.ctx_versions(list(reversed(versions)), root),
        ))
        for i, v in enumerate(versions):
            prev = versions[i - 1] if i > 0 else None
            nxt = versions[i + 1] if i + 1 < len(versions) else None
            self.version_page(d, v, prev, nxt, feeds, tdigest)

    def version_page(self, d: dict[str, Any], v: Version, prev: Version | None, nxt: Version | None,
                     feeds: list[dict[str, str]], tdigest: str) -> None:
        catalog, root = self.catalog, "../../"
        title = catalog.doc_title(d["key"])
        rel = version_page(v)
        fp = _digest([tdigest, catalog.fingerprint(v), title, prev and version_page(prev),
                      nxt and version_page(nxt), feeds])
        self.new_pages[rel] = fp
        self.total += 1
        if self.old_pages.get(rel) == fp and (self.out_dir / rel).exists():
            return  # unchanged: no query, no word diff
        views = [change_view(n, c) for n, c in enumerate(self.index.changes_for(v.commit_sha))]
        html = self.env.get_template("version.html").render(
            root=root, title=_version_ctx(catalog, v, root)["title"], feeds=feeds,
            v=_version_ctx(catalog, v, root), changes=_order(views), doc_href="index.html",
            doc_title=title, service_slug=service_slug(d["service_id"]),
            service_name=catalog.service_name(d["service_id"]),
            prev=_version_ctx(catalog, prev, root) if prev else None,
            next=_version_ctx(catalog, nxt, root) if nxt else None,
            source=_http_link(v.final_url or v.source_url),
            material_count=sum(1 for c in views if c.material),
        )
        if _write_if_changed(self.out_dir / rel, html.encode("utf-8")):
            self.written.append(rel)


def _write_key_terms(index: Index, cache: SummaryCache, catalog: "Catalog", services: list[dict[str, Any]], env: Environment,
                     put: Any, feeds: list[dict[str, str]]) -> None:
    """The "Key terms" page of each service and the comparison page across services."""
    from tracker.analysis.summary import FACTS, concern_title

    from tracker.analysis.summary import answered_elsewhere, document_named

    summaries = _summaries(index, cache, catalog)
    rows = []
    for s in services:
        docs = []
        facts: dict[str, dict[str, Any]] = {}
        # the service's documents with a summary: type -> (Summary, slug), for answers that point
        # from one to another ('See the Privacy Policy.'), shown with that document's answer as in
        # `tracker summary`
        by_type: dict[str, tuple[Any, str]] = {}
        for d in s["docs"]:
            key = next((x["key"] for x in catalog.documents if document_slug(x["key"]) == d["slug"]), None)
            if key in summaries:
                by_type[d["type"]] = (summaries[key][0], d["slug"])
        for d in s["docs"]:
            key = next((x["key"] for x in catalog.documents if document_slug(x["key"]) == d["slug"]), None)
            if key not in summaries:
                continue
            summary, latest, quoted = summaries[key]
            anchor = lambda clause, slug=d["slug"]: _anchor(slug, clause)  # noqa: E731
            elsewhere: dict[str, dict[str, Any]] = {}
            for a in summary.answers:
                other_type = document_named(a.see, [t for t in by_type if t != d["type"]]) if a.see else None
                if other_type is None:
                    continue
                other, other_slug = by_type[other_type]
                found = answered_elsewhere(a, other.answers)
                if found is not None:
                    elsewhere[a.id] = {"type": other_type, "answer": found.answer, "section": found.section,
                                       "href": "#" + _anchor(other_slug, found.clause)}
            docs.append({
                "type": d["type"], "slug": d["slug"], "date": latest.fetched_at, "anchor": anchor,
                "watch": summary.watch_outs, "groups": [(concern_title(c), bs) for c, _, bs in summary.grouped()],
                "answers": summary.answers, "quoted": quoted, "elsewhere": elsewhere,
            })
            for fid, cell in summary.facts.items():
                facts.setdefault(fid, {"cell": cell, "href": f"{s['slug']}/key-terms.html#{anchor(cell.clause)}",
                                       "doc": d["type"]})
        if not docs:
            continue
        put(f"{s['slug']}/key-terms.html", env.get_template("key_terms.html").render(
            root="../", title=f"{s['name']}: key terms", feeds=feeds, service=s, docs=docs))
        rows.append({"name": s["name"], "slug": s["slug"], "facts": facts})
    put("compare.html", env.get_template("compare.html").render(
        root="", title="Key terms compared", feeds=feeds, rows=rows, columns=FACTS))

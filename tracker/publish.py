"""Publishing: turn indexed versions into feed entries and write the feed files.

Feed layout under the output directory (one predictable scheme)::

    all.atom  all.rss  all.json                       every change of every document
    <service>/<document-slug>.atom|.rss|.json         one document

Entry ids are built from facts stored in the archive's trailers (document, fetch time, content
hash), never from database row ids or commit shas, so rebuilding the index or the feeds never
makes a reader show an entry twice.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import Any, Sequence

from tracker.feeds import Feed, FeedEntry, feed_filename, write_feed
from tracker.index import Index, VersionRow
from tracker.store import parse_iso


def entry_id(version: VersionRow) -> str:
    """Permanent id of a version's feed entry (tag URI, RFC 4151)."""
    digest = version.content_hash.split(":")[-1][:16]
    stamp = version.fetched_at.replace("-", "").replace(":", "")
    return f"tag:tracker.invalid,2026:{feed_filename(version.document_key)}/{stamp}/{digest}"


def entry_title(version: VersionRow, service_name: str) -> str:
    """Says what changed, not just that something did."""
    who = f"{service_name} {version.document_type}"
    if version.kind == "revert":
        return f"{who}: {version.summary}"
    if version.material and version.summary:
        return f"{who}: {version.summary}"
    return f"{who}: {version.summary or 'updated'}"


def entry_html(version: VersionRow, changes: Sequence[dict[str, Any]]) -> str:
    """HTML content: each changed clause with its explanation and an inline word diff.

    Every piece of page text goes through html.escape: a terms page must never inject markup.
    """
    from tracker.diff import word_diff

    parts = [f"<p>{html.escape(version.summary)}</p>", "<ul>"]
    for change in changes:
        label = html.escape(f"{change['kind']} {change['clause_id']}")
        flag = " <strong>material</strong>" if change["material"] else ""
        cats = html.escape(", ".join(change["categories"]))
        parts.append(f"<li><p><code>{label}</code>{flag} {cats}</p>")
        if change.get("explanation"):
            parts.append(f"<p>{html.escape(change['explanation'])}</p>")
        if change["kind"] == "added":
            parts.append(f"<p><ins>{html.escape(change['after'] or '')}</ins></p>")
        elif change["kind"] == "removed":
            parts.append(f"<p><del>{html.escape(change['before'] or '')}</del></p>")
        else:
            ops = word_diff(change["before"] or "", change["after"] or "")
            inline = "".join(
                html.escape(text) if op == 0
                else (f"<del>{html.escape(text)}</del>" if op < 0 else f"<ins>{html.escape(text)}</ins>")
                for op, text in ops
            )
            parts.append(f"<p>{inline}</p>")
        parts.append("</li>")
    parts.append("</ul>")
    return "".join(parts)


def build_entries(index: Index, versions: Sequence[VersionRow], base_url: str) -> list[FeedEntry]:
    names = index.service_names()
    entries = []
    for v in versions:
        changes = index.changes_for(v.commit_sha)
        name = names.get(v.service_id, v.service_id)
        categories = [name, v.document_type, *v.categories]
        if v.material:
            categories.append("material")
        if v.kind == "revert":
            categories.append("revert")
        entries.append(
            FeedEntry(
                id=entry_id(v),
                title=entry_title(v, name),
                link=v.final_url or v.source_url,
                updated=parse_iso(v.fetched_at),
                summary=v.summary,
                content_html=entry_html(v, changes),
                categories=tuple(dict.fromkeys(categories)),
            )
        )
    return entries


def write_feeds(index: Index, out_dir: Path, *, base_url: str = "", limit: int = 50) -> list[Path]:
    """Write the global feed and one feed per document; return every file path."""
    out_dir = Path(out_dir)
    link = base_url.rstrip("/") or out_dir.resolve().as_uri()
    recent = index.recent_versions(limit=max(limit * 20, 1000))
    paths = write_feed(
        Feed(id="tag:tracker.invalid,2026:all", title="Terms changes: all documents", link=f"{link}/all.atom",
             description="Every recorded change of every tracked document"),
        build_entries(index, recent[:limit], base_url),
        out_dir,
        "all",
        limit=limit,
    )
    by_doc: dict[str, list[VersionRow]] = defaultdict(list)
    for v in recent:
        by_doc[v.document_key].append(v)
    names = index.service_names()
    for doc in index.documents():
        key = doc["key"]
        versions = by_doc.get(key) or index.recent_versions(limit=limit, document_key=key)
        name = f"{names.get(doc['service_id'], doc['service_id'])} {doc['type']}"
        slug = feed_filename(key)
        paths += write_feed(
            Feed(id=f"tag:tracker.invalid,2026:{slug}", title=f"Terms changes: {name}",
                 link=f"{link}/{slug}.atom", description=f"Recorded changes of {name}"),
            build_entries(index, versions[:limit], base_url),
            out_dir,
            key,
            limit=limit,
        )
    return paths

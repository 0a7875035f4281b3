"""Atom 1.0, RSS 2.0 and JSON Feed 1.1 files announcing changes to tracked documents.

Feeds are rebuilt from the archive on every run, so the output must be a pure function of the
input: no "now" timestamps, stable entry ids, stable order. Then an unchanged feed is never
rewritten, readers never see phantom updates, and the files can be committed without noise.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from tracker.text import strip_unsafe

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "tracker"
# Used as feed date when there is no entry and no explicit date: deterministic, obviously "never".
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_UNSAFE_NAME_RE = re.compile(r"[^a-z0-9._-]+")
MAX_NAME_SEGMENT = 100


@dataclass(frozen=True)
class FeedEntry:
    """One change of one document; ``id`` must stay the same across rebuilds."""

    id: str
    title: str
    link: str
    updated: datetime
    summary: str
    content_html: str
    categories: tuple[str, ...]
    author: str = "tracker"
    # when the entry first appeared (Atom <published>, RSS pubDate, JSON date_published); None: its
    # ``updated``. An entry updated later (a change taken back) keeps its first date here.
    published: datetime | None = None


@dataclass(frozen=True)
class Feed:
    """Feed-level metadata; ``updated`` overrides the newest entry's date."""

    id: str
    title: str
    link: str
    description: str
    updated: datetime | None = None
    # where the feed itself is served, without extension: ".atom", ".rss" and ".json" are added
    # for Atom's rel="self", RSS's atom:link rel="self" and JSON Feed's feed_url ("": none)
    self_url: str = ""


def write_feed(feed: Feed, entries: Sequence[FeedEntry], out_dir: Path, name: str, *, limit: int = 50) -> list[Path]:
    """Write <out_dir>/<name>.atom, .rss and .json; return their paths (written or already up to date).

    Entries are ordered newest first and cut to ``limit``; entries sharing an id keep only the
    newest (Atom semantics: same id = same entry, updated). Output is byte-identical for
    identical input, and a file whose content would not change is not touched.
    """
    if limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    chosen = _select(entries, limit)
    updated = _utc(feed.updated) if feed.updated else (_utc(chosen[0].updated) if chosen else EPOCH)
    base = Path(out_dir) / feed_filename(name)
    outputs = {
        base.with_name(base.name + ".atom"): render_atom(feed, chosen, updated),
        base.with_name(base.name + ".rss"): render_rss(feed, chosen, updated),
        base.with_name(base.name + ".json"): render_json(feed, chosen, updated),
    }
    for path, data in outputs.items():
        _write_if_changed(path, data)
    return list(outputs)


def feed_filename(name: str) -> str:
    """A safe relative file name (without extension) for a feed: "nimbus/Terms of Service" -> "nimbus/terms-of-service".

    Idempotent, ASCII-only, never absolute and never escaping the output folder.
    """
    segments = [_safe_segment(s) for s in re.split(r"[/\\]+", name) if s.strip(" .")]
    if not segments:
        raise ValueError(f"cannot make a feed file name from {name!r}")
    return "/".join(segments)


def _safe_segment(segment: str) -> str:
    """Lowercase ASCII slug of one path segment; non-Latin text falls back to a short hash."""
    ascii_text = unicodedata.normalize("NFKD", segment).encode("ascii", "ignore").decode()
    slug = _UNSAFE_NAME_RE.sub("-", ascii_text.lower()).strip("-._")[:MAX_NAME_SEGMENT].strip("-._")
    slug = re.sub(r"\.{2,}", ".", slug)
    if not slug:
        slug = "x-" + hashlib.sha256(segment.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return slug


# --- rendering ---------------------------------------------------------------------------------


def render_atom(feed: Feed, entries: Sequence[FeedEntry], updated: datetime) -> bytes:
    """Atom 1.0 document for ``entries`` (already selected and ordered)."""
    return _generator(feed, entries, updated, ".atom").atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def render_rss(feed: Feed, entries: Sequence[FeedEntry], updated: datetime) -> bytes:
    """RSS 2.0 document for ``entries`` (already selected and ordered)."""
    return _generator(feed, entries, updated, ".rss").rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def render_json(feed: Feed, entries: Sequence[FeedEntry], updated: datetime) -> bytes:
    """JSON Feed 1.1 document (feedgen has no JSON Feed support)."""
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": _clean(feed.title),
        **({"home_page_url": _clean(feed.link)} if feed.link else {}),
        **({"feed_url": _clean(feed.self_url + ".json")} if feed.self_url else {}),
        **({"description": _clean(feed.description)} if feed.description else {}),
        "authors": [{"name": GENERATOR}],
        # Extension (JSON Feed allows "_" keys): what Atom carries in <id> and <updated>.
        "_tracker": {"id": _clean(feed.id), "updated": updated.isoformat()},
        "items": [_json_item(entry) for entry in entries],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# JSON Feed fields an entry may lack: left out when empty, as JSON Feed 1.1 says of optional
# fields (never "" and never null, which its readers do not expect).
_JSON_OPTIONAL = ("url", "summary", "tags")


def _json_item(entry: FeedEntry) -> dict[str, Any]:
    date = _utc(entry.updated).isoformat()
    first = _utc(entry.published or entry.updated).isoformat()
    item: dict[str, Any] = {
        "id": _clean(entry.id),
        "url": _clean(entry.link),
        "title": _clean(entry.title),
        "summary": _clean(entry.summary),
        "content_html": _clean(entry.content_html),
        "date_published": first,
        "date_modified": date,
        "tags": [_clean(c) for c in entry.categories],
        "authors": [{"name": _author(entry)}],
    }
    return {k: v for k, v in item.items() if v or k not in _JSON_OPTIONAL}


def _generator(feed: Feed, entries: Sequence[FeedEntry], updated: datetime, ext: str) -> FeedGenerator:
    """A feedgen generator with every time-dependent default overridden; ``ext`` is the file
    extension of the format rendered (its rel="self" link)."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)  # dc:creator: RSS <author> must be an e-mail
    fg.id(_clean(feed.id))
    fg.title(_clean(feed.title))
    if feed.self_url:  # Atom <link rel="self">, RSS <atom:link rel="self">
        fg.link(href=_clean(feed.self_url + ext), rel="self",
                type="application/atom+xml" if ext == ".atom" else "application/rss+xml")
    # after the self link: feedgen makes the last link given RSS's channel <link>, which is the page
    # the feed is about, never the feed itself
    fg.link(href=_clean(feed.link), rel="alternate")
    # RSS requires a non-empty description; Atom's subtitle is optional.
    fg.description(_clean(feed.description) or _clean(feed.title))
    fg.updated(updated)  # also sets RSS lastBuildDate, which defaults to now
    fg.generator(GENERATOR)  # no version: upgrading tracker must not rewrite every feed
    for entry in entries:
        _add_entry(fg, entry)
    return fg


def _add_entry(fg: FeedGenerator, entry: FeedEntry) -> None:
    fe = fg.add_entry(order="append")  # the default, prepend, would reverse our order
    date = _utc(entry.updated)
    fe.guid(_clean(entry.id), permalink=False)  # also the Atom id
    fe.title(_clean(entry.title))
    fe.link(href=_clean(entry.link), rel="alternate")
    fe.updated(date)
    fe.published(_utc(entry.published or entry.updated))  # also RSS pubDate: kept when the entry is updated
    fe.author(name=_author(entry))
    fe.dc.dc_creator(_author(entry))
    # The summary is plain text, but RSS descriptions are read as HTML: escape it, and say
    # type="html" in Atom so both formats carry the same thing.
    fe.summary(html.escape(_clean(entry.summary), quote=False), type="html")
    fe.content(_clean(entry.content_html), type="html")
    for category in entry.categories:
        fe.category(term=_clean(category))


# --- helpers -----------------------------------------------------------------------------------


def _select(entries: Sequence[FeedEntry], limit: int) -> list[FeedEntry]:
    """Newest first (ties by id, for a stable order), one entry per id, at most ``limit``."""
    ordered = sorted(entries, key=lambda e: e.id)
    ordered.sort(key=lambda e: _utc(e.updated), reverse=True)
    seen: set[str] = set()
    chosen: list[FeedEntry] = []
    for entry in ordered:
        if entry.id not in seen:
            seen.add(entry.id)
            chosen.append(entry)
    return chosen[:limit]


def _utc(value: datetime) -> datetime:
    """Feeds need absolute times: refuse naive datetimes instead of guessing a zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"feed dates must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(timezone.utc)


def _clean(text: str) -> str:
    """Drop characters XML 1.0 forbids (lxml refuses them) and lone surrogates (not encodable as
    UTF-8); everything else is escaped by the serializers."""
    return strip_unsafe(text, keep="\t\n\r", delete=False, c1=False, bidi=False, invalid=True)


def _author(entry: FeedEntry) -> str:
    return _clean(entry.author).strip() or GENERATOR


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace ``path`` with ``data`` unless it already holds exactly that; True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes 0600 files; feeds are meant to be served
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True

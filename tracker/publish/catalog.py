"""What publishing knows about the archive: names and ids of feeds and pages, the catalog of
versions and their labels, the feed specs, and the fingerprints that make publishing incremental."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.archive.index import Index
from tracker.publish.feeds import (
    _write_if_changed,
    feed_filename,
)
from tracker.publish.text import safe_text
from tracker.records import Version

FEED_EXTS = (".atom", ".rss", ".json")
STATE_FILE = ".tracker-feeds.json"
# Bump when the shape of entries changes: every cached entry and feed is then rebuilt.
ENTRY_FORMAT = "5"  # 4: entry titles fit TITLE_MAX; 5: category feeds title the change in their category
RESERVED_TOP = {"all", "material", "category", "feeds", "index.html", "style.css"}
RESERVED_IN_SERVICE = {"all", "material", "index.html"}
_RESERVED_EXTS = (".atom", ".rss", ".json", ".html", ".css")


# --- names and ids -----------------------------------------------------------------------------


def entry_id(version: Version) -> str:
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


def version_slug(version: Version) -> str:
    """Stable page name of a version: fetch time + content hash, never a row id or seq."""
    stamp = version.fetched_at.replace("-", "").replace(":", "")
    return f"{stamp}-{version.content_hash.split(':')[-1][:12]}"


def version_page(version: Version) -> str:
    """Site-relative path of a version's diff page."""
    return f"{document_slug(version.document_key)}/{version_slug(version)}.html"


TITLE_MAX = 110  # a feed reader or mail client shows about this much of a title before it cuts it
WHO_MAX = 60  # "<service> <document>" beyond this is shortened too, so the headline keeps room
WHO_MIN = 36  # ... and down to this when the headline's fact would be cut otherwise
_SPARE_QUOTE = re.compile(r":?\s*«[^»]{0,200}»")
_SPARE_CATEGORIES = re.compile(r"\s\((?:[a-z]+(?:-[a-z]+)*)(?:, [a-z]+(?:-[a-z]+)*)*\)(?=;|$|\s\(\+)")


def shorten(text: str, limit: int) -> str:
    """``text`` on one line in at most ``limit`` characters: whole words, then "…" when some
    were left out, cut on a word that carries meaning ("…bring claims…", not "…only in an…"):
    ``tracker.analysis.rendering.one_line``, the cut every explanation uses."""
    from tracker.analysis.rendering import one_line

    return one_line(text, limit)


# A lead that says nothing without the quote it introduces ("Removed", "Now says", "In § 4: New").
_BARE_LEAD = re.compile(r"^(?:In [^:]{1,60}: )?(?:New|Added|Removed|Deleted|Rewritten|Reworded|Changed|Drops|"
                        r"Now (?:also )?(?:says|reads|states)|No longer (?:says|covers|forbids|reads))"
                        r"(?: (?:row|item|text|clause|sentence|wording))?(?: under “[^”]*”)?$", re.I)
# A word a phrase cannot end on once its quote is gone ("Now says instead of", "… was").
_LEADS_ON = {"says", "reads", "states", "of", "instead", "was", "than", "to", "from", "as", "with", "by", "in"}


def _bare(text: str) -> bool:
    """True when ``text`` (a headline with its quotes taken out) no longer says anything: a bare
    lead ("Removed", "Now says"), fewer than three words, a phrase left hanging ("Now says
    instead of"), or an empty pair of quotation marks."""
    from tracker.analysis.headline import MORE_SUFFIX

    core = MORE_SUFFIX.sub("", text)
    core = _SPARE_CATEGORIES.sub("", core).strip(" :;,.–—-")
    words = core.split()
    return (len(words) < 3 or bool(_BARE_LEAD.match(core)) or words[-1].lower() in _LEADS_ON
            or bool(re.search(r"\b(?:says|reads)\s+(?:instead|was)\b|“\s*”|«\s*»", core)))


def fit_title(who: str, what: str, limit: int = TITLE_MAX) -> str:
    """"<who>: <what>" in at most ``limit`` characters: ``what`` (a headline, a reason) is
    shortened at a word boundary with "…", and ``who`` too when it is over ``WHO_MAX``."""
    who = shorten(who, WHO_MAX)
    if len(who) + 2 + len(what) > limit:
        # what a title can spare before the fact: a quote of the clause after the sentence that
        # says it (« Gerichtsstand ist Dublin »), the category ids (the feed's tags say them),
        # then the name beyond ``WHO_MIN`` characters when the whole headline then fits
        spared = re.sub(r"\s{2,}", " ", _SPARE_QUOTE.sub("", what)).strip()
        if not _bare(spared):  # "Removed" alone says nothing: the quote's start then stays
            what = spared
        what = _SPARE_CATEGORIES.sub("", what).strip()
        if len(who) + 2 + len(what) > limit and len(who) > WHO_MIN and WHO_MIN + 2 + len(what) <= limit:
            who = shorten(who, limit - len(what) - 2)  # the whole headline then fits
    room = limit - len(who) - 2
    from tracker.analysis.headline import MORE_SUFFIX

    more = MORE_SUFFIX.search(what)
    if more and len(what) > room:
        # the count said short ("(+1 more)") and kept whole, so the first change keeps as much of
        # its sentence as fits: its new value is what the title is for ("… is now 7% instead of 5%")
        short = " (+" + re.sub(r"\D", "", more.group(0)) + " more)"
        if room - len(short) >= 30:
            return f"{who}: {_closed(what[:more.start()], room - len(short))}{short}"
    return f"{who}: {_closed(what, room)}"


def _closed(text: str, limit: int) -> str:
    """``shorten(text, limit)`` with a « left open by the cut closed (« Der Vertrag kann… »)."""
    out = shorten(text, limit)
    if out.rfind("«") > out.rfind("»"):
        out = shorten(text, limit - 2)
        if out.rfind("«") > out.rfind("»"):
            out += " »"
    return out



def entry_title(version: Version, service_name: str) -> str:
    """Says what changed, not just that something did: "<service> <document>: <headline>"
    (the version's stored ``summary``, ``tracker.analysis.headline``), plain text, at most
    ``TITLE_MAX`` characters (the headline shortened at a word boundary when needed). Feed
    entries (Atom, RSS, JSON Feed), diff pages and notifications all use it."""
    return safe_text(fit_title(f"{service_name} {version.document_type}", version.summary or "updated"))


def category_title(version: Version, service_name: str, labels: list[Label], category: str) -> str:
    """The title of ``version`` in the feed of ``category``: ``entry_title`` when the version's
    headline already is about that category; else "<service> <document>: <headline of its
    changes in that category>", so a subscriber to "refunds" reads the refund change, not the
    version's arbitration headline. ``labels``: the version's stored change labels."""
    from tracker.analysis.headline import headline, rank_changes

    # ranked as the version's headline was (``analyse``: by the version's categories)
    material = [c for c in rank_changes(labels, version.categories) if c.material]
    mine = [c for c in material if category in c.categories]
    if not mine or category in material[0].categories:
        return entry_title(version, service_name)
    return safe_text(fit_title(f"{service_name} {version.document_type}", headline(mine, categories=(category,))))


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
    by_doc: dict[str, list[Version]]
    labels: dict[str, list[Label]]
    _fps: dict[str, str] = field(default_factory=dict)
    _cats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _undone: dict[str, Version] | None = None  # commit -> the version that undid it (``taken_back``)
    _back: dict[str, str] | None = None  # commit of an undoing version -> commit it undid (``undoes``)

    def service_name(self, service_id: str) -> str:
        return self.names.get(service_id) or service_id

    def doc_title(self, document_key: str) -> str:
        service_id, _, doc_type = document_key.partition("/")
        return f"{self.service_name(service_id)} {doc_type}"

    def changes(self) -> list[Version]:
        """Every version except first ones (those are not changes), newest first."""
        out = [v for versions in self.by_doc.values() for v in versions if v.seq > 1]
        out.sort(key=lambda v: (v.fetched_at, v.seq, v.document_key), reverse=True)
        return out

    def categories(self, version: Version) -> tuple[str, ...]:
        """The version's categories plus those of its non-cosmetic clause changes."""
        from tracker.analysis import severity_rank

        cached = self._cats.get(version.commit_sha)
        if cached is None:
            cats = set(version.categories)
            for label in self.labels.get(version.commit_sha, []):
                if label.material or severity_rank(label.severity) >= severity_rank("minor"):
                    cats.update(label.categories)
            cached = self._cats[version.commit_sha] = tuple(sorted(cats))
        return cached

    def tags(self, version: Version) -> tuple[str, ...]:
        """The categories a version shows (badges, feed entry tags): those of its material
        changes, most serious first, at most ``headline.MAX_TAGS``; the full list stays in
        ``version.categories`` (``--json``) and decides the category feeds."""
        from tracker.analysis.headline import shown_tags

        return shown_tags(self.labels.get(version.commit_sha, []), version.categories)

    def taken_back(self, version: Version) -> Version | None:
        """The version that undid ``version``, if its document's very next version went back to
        the text from before it (a page loaded in part, a variant, a change withdrawn): the
        changes ``version`` reported did not last, and its feed entries say so. Else None."""
        if self._undone is None:
            from tracker.records import taken_back_by

            self._undone = {sha: after for versions in self.by_doc.values()
                            for sha, after in taken_back_by(versions).items()}
        return self._undone.get(version.commit_sha)

    def undoes(self, version: Version) -> Version | None:
        """The version ``version`` undid when that one was taken back (``taken_back``): going back
        to the text from before a change that did not last is no change of the terms either. Else
        None."""
        self.taken_back(version)  # builds the map
        assert self._undone is not None
        if self._back is None:
            self._back = {after.commit_sha: sha for sha, after in self._undone.items()}
        sha = self._back.get(version.commit_sha)
        if sha is None:
            return None
        return next((v for v in self.by_doc.get(version.document_key, []) if v.commit_sha == sha), None)

    def lasting(self, version: Version) -> bool:
        """Whether ``version`` is a material change that lasted: material, not taken back by the
        next version, and not the version that took one back. The site's "Last material change"."""
        return bool(version.material) and self.taken_back(version) is None and self.undoes(version) is None

    def fingerprint(self, version: Version) -> str:
        """Digest of everything an entry or page of this version shows."""
        fp = self._fps.get(version.commit_sha)
        if fp is None:
            undo = self.taken_back(version)
            data = [version.to_dict(), self.service_name(version.service_id),
                    [label.__dict__ for label in self.labels.get(version.commit_sha, [])],
                    *([undo.fetched_at] if undo is not None else [])]
            fp = _digest(data)
            self._fps[version.commit_sha] = fp
        return fp


def load_catalog(index: Index) -> Catalog:
    """Read every version and every change label (not the clause texts) in two queries."""
    labels = {sha: [Label(**label) for label in found] for sha, found in index.change_labels().items()}
    return Catalog(index.service_names(), index.documents(), index.all_versions(), labels)


# --- feed plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedSpec:
    """One feed to write: its name (path without extension) and its versions, newest first."""

    name: str
    title: str
    description: str
    page: str  # site-relative page the feed belongs to
    versions: tuple[Version, ...]
    category: str = ""  # a category feed: its entries are titled by their change in it


def taxonomy() -> tuple[str, ...]:
    """Category ids with a feed even before anything changed, so URLs can be subscribed early."""
    from tracker.analysis.classify import CATEGORIES

    return CATEGORIES


# What each category (``../shared/docs/taxonomy.md``) is called in a feed's title: a subscriber
# reads "AI training", not the id "ai-training" (the id stays in the feed's file name and tags).
CATEGORY_NAMES = {
    "pricing": "prices and fees", "payment": "billing and payment", "refunds": "refunds and credits",
    "subscription": "subscriptions and renewal", "arbitration": "arbitration",
    "class-action": "class actions and jury trials", "governing-law": "governing law",
    "jurisdiction": "courts and venue", "liability": "liability and warranties", "indemnity": "indemnity",
    "termination": "suspension and termination", "terms-changes": "changes to the terms",
    "content-removal": "removal of content", "content-rights": "rights to content",
    "privacy": "privacy and personal data", "ai-training": "AI training", "acceptance": "agreement by use",
    "eligibility": "who may use the service", "service-changes": "changes to the service",
    "usage-rules": "rules of use", "other": "other terms",
}


def category_name(category: str) -> str:
    """A reader's name of ``category`` ("ai-training" -> "AI training"); an id the taxonomy does not
    list is shown with its hyphens as spaces."""
    return CATEGORY_NAMES.get(category, category.replace("-", " "))


def category_id(given: str) -> str:
    """The taxonomy id (``../shared/docs/taxonomy.md``) a user means by ``given``: the id in any case
    with "-", "_" or spaces ("Class_Action", "AI training"), or a name the tracker shows for it
    (a feed's "refunds and credits", a headline's "data use", "choice of court").

    Raises InvalidArgument naming the known ids, with the closest one when a name, a word of one
    or an id is close to ``given`` ("arbitrage" -> arbitration, "court" -> jurisdiction)."""
    import difflib

    from tracker.analysis.classify import CATEGORIES
    from tracker.analysis.headline import TERM_NAMES
    from tracker.errors import InvalidArgument

    folded = "-".join(given.replace("_", " ").replace("-", " ").split()).casefold()
    if folded in CATEGORIES:
        return folded
    names: dict[str, str] = {}  # a reader's name, casefolded -> id; the id's own spelling wins
    for table in (TERM_NAMES, CATEGORY_NAMES):
        for cat, name in table.items():
            names.setdefault(name.casefold(), cat)
    spaced = " ".join(folded.split("-"))
    if spaced in names:
        return names[spaced]
    # a typo of an id or a name, else a whole word of one ("court" in "choice of court")
    close = difflib.get_close_matches(spaced, [*CATEGORIES, *names], n=1, cutoff=0.7)
    if close:
        hint = names.get(close[0], close[0])
    else:
        hits = {cat for name, cat in names.items() if re.search(rf"(?<!\w){re.escape(spaced)}s?(?!\w)", name)}
        hint = hits.pop() if len(hits) == 1 else ""
    suggestion = f" (did you mean '{hint}'?)" if hint else ""
    raise InvalidArgument(f"no category '{given}'{suggestion}; known: {', '.join(CATEGORIES)}")


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
        specs.append(FeedSpec(f"category/{feed_filename(cat)}", f"Terms changes: {category_name(cat)}",
                              f"Recorded changes about {category_name(cat)} (category {cat}), every service",
                              "index.html", tuple(chosen), cat))
    services = sorted({d["service_id"] for d in catalog.documents})
    for sid in services:
        name, slug = catalog.service_name(sid), service_slug(sid)
        mine = [v for v in changes if v.service_id == sid]
        specs.append(FeedSpec(f"{slug}/all", f"Terms changes: {name}", f"Every recorded change of the documents of {name}",
                              f"{slug}/index.html", tuple(mine[:limit])))
        specs.append(FeedSpec(f"{slug}/material", f"Material terms changes: {name}",
                              f"Material changes of the documents of {name}", f"{slug}/index.html",
                              tuple([v for v in mine if v.material][:limit])))
    for doc in catalog.documents:
        key, title = doc["key"], catalog.doc_title(doc["key"])
        mine = [v for v in changes if v.document_key == key]
        specs.append(FeedSpec(document_slug(key), f"Terms changes: {title}", f"Recorded changes of {title}",
                              f"{document_slug(key)}/index.html", tuple(mine[:limit])))
    return specs


# --- writing feeds -------------------------------------------------------------------------------


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


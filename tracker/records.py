"""Typed records passed between stages: a labelled clause change, the analysis of one version
against the previous one, and a recorded version as the index knows it.

Every stage may import this module; it imports only the standard library (no stage package, no
heavy dependency), so records can cross process boundaries (worker processes pickle them) and
stage boundaries (analysis -> archive -> publish, ota, cli) without pulling anything in.

The two outside forms of these records are produced here and nowhere else:

* the SQLite index rows (``to_row`` / ``from_row``): the stored bytes stay exactly what earlier
  versions wrote (categories as a JSON list, booleans as 0/1), so an existing index reads back;
* the JSON of ``compare --json`` / ``diff --json`` (``Analysis.to_dict``) and of
  ``history --json`` / ``show --json`` (``Version.to_dict``), whose keys are a public contract.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Iterable, Literal, Protocol, Sequence, cast

ChangeKind = Literal["added", "removed", "modified", "moved"]
"""How a clause changed (see ``tracker.analysis.diff``): a moved clause may also have new words."""

Severity = Literal["none", "cosmetic", "minor", "material", "critical"]
"""How much a change matters, in increasing order (``SEVERITY_ORDER``)."""

VersionKind = Literal["first", "changed", "revert", "partial-revert"]
"""A document's first recorded text, a new text, a text it had before, or a text whose every
changed line it had lately or that reads as an earlier variant of the page (``tracker.analysis.restored``);
the last two are never material. A "changed" text close to an earlier variant is analysed against it."""

SEVERITY_ORDER: tuple[Severity, ...] = ("none", "cosmetic", "minor", "material", "critical")

# The analysis marks a link's text (and a bare domain) between these two control characters while
# it compares texts (``tracker.analysis.novelty.LINK_OPEN``/``LINK_CLOSE``); a quote in an
# explanation or a headline may still carry them, and no outside form may: they are not text.
_LINK_MARKS = str.maketrans("", "", "\x02\x03")


def unmarked(text: str) -> str:
    """``text`` without the analysis's link marks (U+0002, U+0003); the same object when it has none."""
    return text.translate(_LINK_MARKS) if "\x02" in text or "\x03" in text else text


def material_mark(material: bool, severity: str) -> str:
    """How text output marks a material version or change: "CRITICAL" when its severity is
    critical, "MATERIAL" otherwise, "" when it is not material (the word ``--json`` gives in
    "severity", upper case)."""
    if not material:
        return ""
    return "CRITICAL" if severity == "critical" else "MATERIAL"


class Row(Protocol):
    """What ``from_row`` reads: values by column name (``sqlite3.Row``, a dict)."""

    def __getitem__(self, key: str) -> Any: ...

# Index columns of a clause change (table ``changes``) that a ClauseChange carries; the others
# (id, commit_sha, document_key, n) say where the change belongs and are written by the index.
CHANGE_COLUMNS = ("kind", "clause_id", "heading", "before", "after", "material", "severity", "categories",
                  "explanation", "cosmetic")


def categories_json(categories: Iterable[str]) -> str:
    """Categories as the index stores them: a JSON list (``'["refunds", "arbitration"]'``)."""
    return _categories_json(tuple(categories))


@lru_cache(maxsize=4096)
def _categories_json(categories: tuple[str, ...]) -> str:
    # a history import writes ~1.5 million clause changes carrying a few hundred distinct sets
    # (most none): one json.dumps per set, not per row
    return json.dumps(list(categories))


def categories_from_json(text: str | None) -> tuple[str, ...]:
    """The inverse of ``categories_json``; NULL or an empty string reads as no category."""
    return tuple(json.loads(text or "[]"))


@dataclass(frozen=True)
class ClauseChange:
    """One clause change between two versions, with its labels.

    ``before`` is None for an added clause and ``after`` None for a removed one. ``cosmetic``
    names the cosmetic kind (``"date-only"``, ``"formatting"``, ...) of a change that alters no
    meaning, else None. ``categories`` are taxonomy ids (``"refunds"``, ``"arbitration"``).
    """

    kind: ChangeKind
    clause_id: str
    heading: str
    before: str | None
    after: str | None
    material: bool
    severity: Severity
    categories: tuple[str, ...]
    explanation: str
    cosmetic: str | None = None
    # The section a reader finds the clause under, named as ``tracker diff`` names it ("§ 8.3
    # Credits", "Refunds"), None under no heading and no number. Filled by the analysis stage
    # (``tracker.analysis.rendering.change_section``) when it makes or reads back a change: this
    # module imports no stage. Derived from the fields above, so equality ignores it.
    section: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # made by the analysis or read back from an index written before the marks were dropped
        object.__setattr__(self, "explanation", unmarked(self.explanation))

    def to_dict(self) -> dict[str, Any]:
        """One change of the ``compare --json`` interface (keys and their order are public; ``section``,
        added last, is the heading the clause sits under as ``diff`` names it, ``null`` under none)."""
        return {
            "kind": self.kind,
            "material": self.material,
            "severity": self.severity,
            "categories": list(self.categories),
            "explanation": self.explanation,
            "before": self.before,
            "after": self.after,
            "clause": self.clause_id,
            "section": self.section,
        }

    def to_row(self) -> dict[str, Any]:
        """The ``changes`` columns this change fills (``CHANGE_COLUMNS``), as SQLite values."""
        return {
            "kind": self.kind,
            "clause_id": self.clause_id,
            "heading": self.heading,
            "before": self.before,
            "after": self.after,
            "material": int(bool(self.material)),
            "severity": self.severity,
            "categories": categories_json(self.categories),
            "explanation": self.explanation,
            "cosmetic": self.cosmetic,
        }

    @classmethod
    def from_row(cls, row: Row) -> "ClauseChange":
        """Read a ``changes`` row (``sqlite3.Row`` or dict holding at least ``CHANGE_COLUMNS``);
        extra columns (id, commit_sha, n, ...) are ignored."""
        return cls(
            kind=cast(ChangeKind, row["kind"]),
            clause_id=row["clause_id"] or "",
            heading=row["heading"] or "",
            before=row["before"],
            after=row["after"],
            material=bool(row["material"]),
            severity=cast(Severity, row["severity"] or "none"),
            categories=categories_from_json(row["categories"]),
            explanation=row["explanation"] or "",
            cosmetic=row["cosmetic"],
        )


@dataclass(frozen=True)
class Analysis:
    """What changed between two versions, ready to store, print or publish.

    ``material``, ``severity`` and ``categories`` sum up the changes (categories of material
    changes only); ``cosmetic`` lists the cosmetic kinds seen; ``unchanged`` counts the clauses
    that stayed in place with the same text.
    """

    changes: tuple[ClauseChange, ...] = ()
    material: bool = False
    severity: Severity = "none"
    categories: tuple[str, ...] = ()
    cosmetic: tuple[str, ...] = ()
    summary: str = ""
    unchanged: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "summary", unmarked(self.summary))

    def to_dict(self) -> dict[str, Any]:
        """The ``compare --json`` interface (keys are a public contract)."""
        return {
            "material": self.material,
            "categories": list(self.categories),
            "changes": [c.to_dict() for c in self.changes],
            "cosmetic": list(self.cosmetic),
            "severity": self.severity,
            "summary": self.summary,
            "unchanged": self.unchanged,
        }

    @classmethod
    def from_row(cls, row: Row, changes: Iterable[ClauseChange]) -> "Analysis":
        """Rebuild a stored analysis from its ``versions`` row (material, severity, categories,
        summary, unchanged) and its clause changes in order."""
        changes = tuple(changes)
        return cls(
            changes=changes,
            material=bool(row["material"]),
            severity=cast(Severity, row["severity"] or "none"),
            categories=categories_from_json(row["categories"]),
            cosmetic=cosmetic_kinds(changes),
            summary=row["summary"] or "",
            unchanged=row["unchanged"],
        )


def cosmetic_kinds(changes: Iterable[ClauseChange]) -> tuple[str, ...]:
    """The distinct cosmetic kinds of ``changes``, sorted."""
    return tuple(sorted({c.cosmetic for c in changes if c.cosmetic}))


@dataclass(frozen=True)
class Version:
    """One recorded version of a document, as the index knows it.

    ``seq`` counts the document's versions from 1; ``fetched_at`` is UTC ISO 8601
    (``2026-03-01T10:00:00Z``); ``revert_of`` is the date of the earlier version a revert restores,
    or of the variant a partial revert goes back to (else ""); ``changes`` counts its clause changes; ``severity`` is "" only for a row indexed
    without one; ``http_status`` is None for a file: source.
    """

    commit_sha: str
    document_key: str
    service_id: str
    document_type: str
    seq: int
    fetched_at: str
    kind: VersionKind
    revert_of: str
    changes: int
    material: bool
    severity: Severity | Literal[""]
    categories: tuple[str, ...]
    summary: str
    source_url: str
    final_url: str
    http_status: int | None
    content_hash: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "summary", unmarked(self.summary))

    def to_dict(self) -> dict[str, Any]:
        """The ``history --json`` / ``show --json`` form: every field, categories as a list;
        a field that names something the version may lack (``revert_of``, ``severity``,
        ``source_url``, ``final_url``, ``http_status``) is None when it has none, as in every
        JSON output of the CLI (never "")."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["categories"] = list(self.categories)
        for key in ("revert_of", "severity", "source_url", "final_url"):
            data[key] = data[key] or None
        return data

    @classmethod
    def from_row(cls, row: Row) -> "Version":
        """Read a ``versions`` row (``sqlite3.Row`` or dict); extra columns are ignored."""
        return cls(
            commit_sha=row["commit_sha"],
            document_key=row["document_key"],
            service_id=row["service_id"],
            document_type=row["document_type"],
            seq=row["seq"],
            fetched_at=row["fetched_at"],
            kind=cast(VersionKind, row["kind"]),
            revert_of=row["revert_of"] or "",
            changes=row["changes"] or 0,
            material=bool(row["material"]),
            severity=cast(Severity, row["severity"] or ""),
            categories=categories_from_json(row["categories"]),
            summary=row["summary"] or "",
            source_url=row["source_url"] or "",
            final_url=row["final_url"] or "",
            http_status=row["http_status"],
            content_hash=row["content_hash"] or "",
        )


def taken_back_by(versions: Sequence[Version]) -> dict[str, Version]:
    """For one document's versions (oldest first): commit of a version -> the version that took it
    back, when the very next version went back to the text from before it (a page loaded in part,
    a variant, a change withdrawn): its changes did not last. The site, the feeds and ``history``
    say so."""
    undone: dict[str, Version] = {}
    for before, this, after in zip(versions, versions[1:], versions[2:]):
        if after.content_hash == before.content_hash != this.content_hash:
            undone[this.commit_sha] = after
    return undone


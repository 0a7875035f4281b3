"""The Python API: what the query commands do, for programs.

::

    import tracker

    with tracker.Archive.open("snapshots") as archive:       # <store>: archive/ + index.sqlite
        doc = archive.document("nimbus", "Terms of Service")
        for v in doc.versions:                                # Version records, oldest first
            print(v.seq, v.fetched_at, v.summary)
        old = doc.text(doc.version("2026-01-31"))             # as it was at the end of that day
        change = doc.diff(1, -1)                              # Analysis: first -> latest
        print(change.summary)

    tracker.compare("Credits expire after 12 months.", "Credits expire after 6 months.").material

Versions are named as on the command line: a number (``1`` the first, ``-1`` the latest), a
commit prefix (7 or more hex digits), an ISO date or date-time (the latest version at or before
it; a bare date means the end of that day, times without a zone are UTC), a ``datetime.date`` /
``datetime.datetime``, or a ``Version`` of the document.

Errors (all ``tracker.errors.TrackerError``): ``NotFoundError`` (no such service, document or
version), ``StoreError`` (the git archive or the index cannot be read; ``ArchiveNotFound`` is
both), ``InvalidArgument`` (also a ``ValueError``: a version that is neither number, commit nor
date), ``FetchError`` / ``ExtractError`` (``compare_sources``: a file or URL that cannot be read
or is not a document).

This module sits above every stage: it may import any of them, and none may import it. It is not
thread-safe: use one ``Archive`` per thread.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.archive import Index, SearchHit, Store
from tracker.errors import FetchError, InvalidArgument, NotFoundError
from tracker.records import Analysis, ClauseChange, Version

if TYPE_CHECKING:
    from tracker.analysis.summary import Summary
    from tracker.fetch import Fetched, FetchOptions
    from tracker.sources import Sources

__all__ = ["Archive", "ArchivedDocument", "DocumentStatus", "ServiceInfo", "VersionSpec", "compare",
           "compare_sources", "read_sources"]

# How a version may be named (see the module docstring).
VersionSpec = int | str | date | datetime | Version

_HEX = re.compile(r"[0-9a-f]{7,40}")
_T = TypeVar("_T")


# -- the archive ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ServiceInfo:
    """A service with recorded documents: its id, display name and document types (sorted)."""

    id: str
    name: str
    document_types: tuple[str, ...]


@dataclass(frozen=True)
class DocumentStatus:
    """What ``tracker status`` shows for one document (``to_dict`` is its ``--json`` row).

    ``last_outcome`` is the latest check's outcome ("new", "changed", "unchanged", "failed",
    "held", ...), or "never checked" for a declared document the archive does not know yet;
    ``failing_runs`` counts the consecutive failed runs up to the latest; ``gone_since`` is when
    the page started answering 404/410, while no later check got the page again (a check that
    cannot connect does not end it), and ``gone_reason`` what it answered then ("HTTP 404 Not
    Found", where ``error`` is the latest check's); ``paused_until`` (ISO time, UTC) is when
    runs will fetch it again, while its server's Retry-After pauses it (``tracker.run.pauses``;
    known for documents the sources file declares, whose addresses it gives). ``declared`` says
    whether the sources file given to ``Archive.status`` declares the document (a stored one it
    does not declare is not checked by ``tracker run`` with that file); None when no sources
    file was given. ``served_runs`` counts the failed runs in a row, up to the latest, whose server
    served the same page that is not the terms ("a login page"); 0 unless the latest did.
    ``variant_runs`` counts the runs in a row, up to the latest, whose page served another of the
    texts it blinks between instead of the latest version's (not recorded unless it lasts
    ``tracker.run.decide.VARIANT_RUNS`` runs); 0 when it serves the latest text.
    """

    document: str
    service: str
    type: str
    versions: int = 0
    last_recorded: str | None = None
    last_checked: str | None = None
    last_outcome: str | None = None
    error: str | None = None
    failing_runs: int = 0
    gone_since: str | None = None
    paused_until: str | None = None
    gone_reason: str | None = None
    declared: bool | None = None
    served_runs: int = 0
    variant_runs: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Archive:
    """A store directory (``<path>/archive``, the git archive, and ``<path>/index.sqlite``).

    Nothing is read until it is needed: ``Archive(path)`` never fails, and the first query opens
    the index and catches it up with commits it has not seen (a run that died between its commit
    and its index write). ``Archive.open(path)`` checks at once that there is an archive. Use it
    as a context manager, or call ``close()``, to close the index.
    """

    def __init__(self, path: str | os.PathLike[str] = "snapshots", *,
                 before_first: Callable[[str], None] | None = None) -> None:
        """``before_first``: what to do with a date that names a version (``version``, ``pair``,
        ``diff``, ...) but comes before a document's first version. None (the default): raise
        NotFoundError. A function: the first version is taken and the function gets a one-line
        note saying so ("no version of KEY at or before DATE; starting from the first version,
        DATE2"), as the command line prints it on stderr."""
        self.path = Path(path)
        self.store = Store(self.path)
        self.before_first = before_first
        self._index: Index | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str] = "snapshots", *,
             before_first: Callable[[str], None] | None = None) -> "Archive":
        """An archive that exists; raises ArchiveNotFound (a StoreError and a NotFoundError) if
        ``path`` holds none. ``before_first`` as for ``Archive()``."""
        archive = cls(path, before_first=before_first)
        archive.store.require()
        return archive

    def __repr__(self) -> str:
        return f"Archive({str(self.path)!r})"

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the index (it is opened again by the next query)."""
        if self._index is not None:
            self._index.close()
            self._index = None

    def exists(self) -> bool:
        """Whether the store holds an archive (nothing has been recorded before the first run)."""
        return self.store.exists()

    @property
    def index(self) -> Index:
        """The SQLite index, opened and caught up with the archive on first use (not while a run
        or import of another process is writing it: ``archive.record.catch_up``).

        Raises ArchiveNotFound when there is no archive, StoreError when it cannot be read.
        """
        if self._index is None:
            from tracker.archive.record import catch_up

            self.store.require()
            index = Index(self.store.index_path)
            try:
                catch_up(self.store, index)
            except BaseException:
                index.close()
                raise
            self._index = index
        return self._index

    def services(self) -> list[ServiceInfo]:
        """Every service with at least one recorded document, by id."""
        grouped: dict[str, tuple[str, list[str]]] = {}
        for row in self.index.documents():
            grouped.setdefault(row["service_id"], (row["service_name"] or row["service_id"], []))[1].append(row["type"])
        return [ServiceInfo(sid, name, tuple(sorted(types))) for sid, (name, types) in sorted(grouped.items())]

    def documents(self, service: str | None = None) -> list["ArchivedDocument"]:
        """Recorded documents, by key; only ``service``'s when given (NotFoundError if it has none)."""
        rows = self.index.documents()
        if service is not None:
            rows = self._service_rows(rows, service)
        return [self._handle(row) for row in rows]

    def document(self, service: str, document_type: str | None = None) -> "ArchivedDocument":
        """One recorded document; ``document_type`` is matched without regard to case or accents
        ("conditions generales" names "Conditions Générales": ``tracker.names.matching``) and may be
        left out when the service has only one document.

        Raises NotFoundError naming what is known (services, or the service's documents, the
        nearest first).
        """
        from tracker import names as naming

        rows = self._service_rows(self.index.documents(), service)
        if document_type is None:
            if len(rows) == 1:
                return self._handle(rows[0])
            names = ", ".join(repr(r["type"]) for r in rows)
            raise NotFoundError(f"service '{service}' has several documents; name one of: {names}")
        found = naming.matching(document_type, [r["type"] for r in rows])
        if len(found) == 1:
            return self._handle(next(r for r in rows if r["type"] == found[0]))
        if found:  # two names that differ only by accents or case: only the exact spelling can tell
            raise NotFoundError(f"'{document_type}' names several documents of service '{service}': "
                                f"{', '.join(repr(f) for f in found)}; give the name exactly")
        sid = rows[0]["service_id"]
        raise NotFoundError(f"no document '{document_type}' for service '{sid}'; "
                            f"{naming.known_names(document_type, [r['type'] for r in rows], quote=True)}")

    def status(self, sources: "Sources | str | os.PathLike[str] | None" = None) -> list[DocumentStatus]:
        """Per document: versions, last recorded and checked, outcome, failures, gone since.

        Documents the archive knows come first (by key), then those declared in ``sources`` (a
        ``Sources`` or the path of a sources file) that were never checked. Before the first run
        (no archive yet) only the declared ones are listed. Raises ConfigError for a broken
        sources file.
        """
        rows: list[DocumentStatus] = []
        if self.exists():
            gone, reasons, blinks = self.index.gone_since(), self.index.gone_reasons(), self.index.blinks()
            rows = [DocumentStatus(r["document"], r["service"], r["type"], r.get("versions") or 0, r.get("last_recorded"),
                                   r.get("last_checked"), r.get("last_outcome"), r.get("error"),
                                   r.get("failing_runs") or 0, gone.get(r["document"]),
                                   gone_reason=reasons.get(r["document"]), served_runs=r.get("served_runs") or 0,
                                   variant_runs=blinks.get(r["document"], ((), 0))[1])
                    for r in self.index.status()]
        if sources is not None:
            from tracker.sources import Sources, load_sources

            declared = sources if isinstance(sources, Sources) else load_sources(Path(sources))
            keys = {doc.key for doc in declared.documents()}
            rows = [replace(r, declared=r.document in keys) for r in rows]
            known = {r.document for r in rows}
            for doc in declared.documents():
                if doc.key not in known:
                    rows.append(DocumentStatus(doc.key, doc.service_id, doc.type, last_outcome="never checked",
                                               declared=True))
            self._add_pauses(rows, declared)
        return rows

    def _add_pauses(self, rows: list[DocumentStatus], declared: "Sources") -> None:
        """Set ``paused_until`` on the rows of declared documents whose address (or one of whose
        parts) a server asked not to fetch before a time still to come (the store's pauses.json)."""
        from tracker.run import pauses

        paused = pauses.load(self.path)
        if not paused:
            return
        now = datetime.now(timezone.utc)
        at = {r.document: i for i, r in enumerate(rows)}
        for doc in declared.documents():
            urls = [part.url for part in doc.parts] or [doc.url]
            until = max((paused[u] for u in urls if u in paused and paused[u] > now), default=None)
            if until is not None and doc.key in at:
                rows[at[doc.key]] = replace(rows[at[doc.key]], paused_until=until.isoformat(timespec="seconds"))

    def search(self, query: str, *, service: str | None = None, category: str | None = None,
               since: str | date | datetime | None = None, limit: int = 50, material: bool = False) -> list[SearchHit]:
        """Recorded clause changes whose text (before or after) or explanation matches ``query``,
        newest first, at most ``limit`` (what ``tracker search`` prints).

        ``query`` is SQLite full-text syntax (words, "phrases", OR, NOT, prefix*, before:word,
        after:word, explanation:word; see ``Index.search``). ``service`` (id) and ``category``
        (a taxonomy id or a name of one, see ``category_id``; one of the change's categories) narrow it; ``since`` keeps versions recorded
        at or after a date (its start, UTC) or date-time (UTC when it has no zone); ``material``
        keeps material changes only.

        Raises SearchQueryError (a ConfigError: a query SQLite cannot parse), InvalidArgument
        (unknown category, malformed ``since``), NotFoundError (no such service).
        """
        if category is not None:
            from tracker.publish.catalog import category_id

            category = category_id(category)
        moment = _since(since)
        if service is not None:  # NotFoundError naming the known ones; the id as the index has it
            service = self._service_rows(self.index.documents(), service)[0]["service_id"]
        return self.index.search(query, service=service, category=category, since=moment, limit=limit,
                                 material=material)

    # -- helpers -----------------------------------------------------------------------------
    def _service_rows(self, rows: list[dict[str, Any]], service: str) -> list[dict[str, Any]]:
        """The documents of ``service``: its id, else its id or its name in any case and without
        accents ("Nimbus", "nimbus ai" for id "nimbus" named "Nimbus AI", "societe" for
        "Société") when that names one service only."""
        from tracker import names as naming

        mine = [r for r in rows if r["service_id"] == service]
        if not mine:
            wanted = naming.keys(service)
            ids = {r["service_id"] for r in rows
                   if wanted & (naming.keys(r["service_id"]) | naming.keys(r["service_name"] or ""))}
            if len(ids) == 1:
                mine = [r for r in rows if r["service_id"] in ids]
        if not mine:
            known = sorted({r["service_id"] for r in rows})
            checked = self.index.last_check_of_service(service)
            if checked is not None:  # declared and checked, nothing recorded yet: not "unknown"
                what = checked["outcome"] + (f": {checked['error']}" if checked["error"] else "")
                raise NotFoundError(f"no version of '{service}' is recorded yet: it was checked, and its last "
                                    f"check of {checked['document_key']} {what}; `tracker status` shows every check")
            if not known:  # an archive whose runs all failed so far: say where to look, not only "none"
                raise NotFoundError(f"no service '{service}' in the archive; known: none yet (nothing recorded: "
                                    "`tracker status` shows what failed)")
            raise NotFoundError(f"no service '{service}' in the archive; {naming.known_names(service, known)}")
        return mine

    def _handle(self, row: dict[str, Any]) -> "ArchivedDocument":
        return ArchivedDocument(self, row["key"], row["service_id"], row["service_name"] or row["service_id"],
                                row["type"], row["url"] or "")


def _did_you_mean(given: str, known: Sequence[str]) -> str:
    """ " (did you mean 'Terms of Service'?)" when one known name is close to ``given`` (a typo,
    or a word of it: "terms"), else ""."""
    import difflib

    folded = {k.casefold(): k for k in known}
    g = given.strip().casefold()
    close = difflib.get_close_matches(g, list(folded), n=1, cutoff=0.75)
    if not close:
        close = [k for k in folded if g and re.search(rf"(?<!\w){re.escape(g)}", k)]
    return f" (did you mean '{folded[close[0]]}'?)" if len(close) == 1 else ""


def _since(value: str | date | datetime | None) -> str | None:
    """A lower bound on fetch times as the index writes them (``2026-01-01T00:00:00Z``): a date
    means its start, a date-time without a zone is UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = (date.fromisoformat(value) if len(value) == 10
                     else datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            raise InvalidArgument(f"'{value}' is not a date (use e.g. 2026-01-01 or 2026-01-01T10:00)") from None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _until(value: str | date | datetime | None) -> str | None:
    """An upper bound on fetch times as the index writes them: a date means its end (23:59:59
    UTC), a date-time without a zone is UTC."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return _moment(value)
    try:
        return _moment(date.fromisoformat(value) if len(value) == 10
                       else datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        raise InvalidArgument(f"'{value}' is not a date (use e.g. 2026-01-01 or 2026-01-01T10:00)") from None


@dataclass(frozen=True)
class ArchivedDocument:
    """One recorded document of an ``Archive``: its versions, their texts and the changes between."""

    archive: Archive = field(repr=False, compare=False)
    key: str  # "<service id>/<document type>"
    service_id: str
    service_name: str
    type: str
    url: str  # the source URL of its latest version

    @property
    def path(self) -> str:
        """The document's text file in the archive."""
        return f"{self.service_id}/{self.type}.md"

    @property
    def versions(self) -> list[Version]:
        """Every recorded version, oldest first (``seq`` 1, 2, ...); read afresh on each access."""
        return self.archive.index.version_rows(self.key)

    def version(self, at: VersionSpec | None = None) -> Version:
        """The version named by ``at`` (default: the latest).

        Raises NotFoundError (no such version; version 0, since they are numbered from 1 and -1)
        or InvalidArgument (``at`` is neither a number, a commit nor a date).
        """
        if isinstance(at, Version):
            return _own(self.key, at)
        return self._pick(-1 if at is None else at, self.versions)

    def _pick(self, at: VersionSpec, versions: Sequence[Version]) -> Version:
        """``_pick`` over this document's versions; a commit that is another document's version
        (the Terms of Service's commit given to `show ... pricing --at`) gets a NotFoundError
        naming that document and its version number, not only "no version has it"."""
        try:
            return _pick(self.key, versions, at, self.archive.before_first)
        except NotFoundError as missing:
            spec = at.strip().lower() if isinstance(at, str) else ""
            if not _HEX.fullmatch(spec) or spec.isdigit():
                raise
            for other in self.archive.documents():
                if other.key == self.key:
                    continue
                found = next((v for v in other.versions if v.commit_sha.startswith(spec)), None)
                if found is not None:
                    raise NotFoundError(f"{missing}: commit {found.commit_sha[:10]} is version {found.seq} of "
                                        f"{other.key}, not of {self.key}") from None
            raise

    def text(self, version: VersionSpec | None = None) -> str:
        """The recorded Markdown text of a version (default: the latest)."""
        return self.archive.store.read(self.version(version).commit_sha, self.path)

    def pair(self, a: VersionSpec | None = None, b: VersionSpec | None = None) -> tuple[Version, Version]:
        """The two versions ``diff(a, b)`` compares: ``b`` defaults to the latest, ``a`` to the
        version just before ``b``. Raises NotFoundError when ``b`` is the first version and no
        ``a`` is given (there is nothing before it)."""
        versions = self.versions
        new = self._pick(-1 if b is None else b, versions)
        if a is not None:
            return self._pick(a, versions), new
        position = next(i for i, v in enumerate(versions) if v.commit_sha == new.commit_sha)
        if position == 0:
            if len(versions) == 1:
                raise NotFoundError(f"{self.key} has only its first version ({new.fetched_at}); nothing to diff yet")
            raise NotFoundError(f"version {new.seq} is the first of {self.key}; there is no earlier one to diff with")
        return versions[position - 1], new

    def diff(self, a: VersionSpec | None = None, b: VersionSpec | None = None) -> Analysis:
        """What changed from version ``a`` to version ``b`` (defaults as in ``pair``), clause by clause.

        For a version and the one right before it this is the analysis recorded in the index
        (no re-analysis); for any other pair (or versions indexed before analyses were stored)
        the two texts are analysed now, giving what ``compare`` would.
        """
        old, new = self.pair(a, b)
        if old.seq == new.seq - 1:
            stored = self.archive.index.stored_analysis(new.commit_sha)
            if stored is not None:
                return stored
        old_text, new_text = self.archive.store.read_many([(old.commit_sha, self.path), (new.commit_sha, self.path)])
        return compare(old_text, new_text)

    def summary(self, version: VersionSpec | None = None) -> "Summary":
        """Key terms of a version (default: the latest): bullets by concern, watch-outs, answers to
        the common questions and the standard facts, each bullet with its clause's last material
        change up to that version (from the changes stored in the index)."""
        from tracker.analysis.summary import summarise

        chosen = self.version(version)
        return summarise(self.text(chosen), self.clause_changes(chosen), kind=self.type)

    def clause_changes(self, upto: VersionSpec | None = None) -> list[tuple[str, "ClauseChange"]]:
        """Every stored clause change of the versions up to ``upto`` (default: the latest), as
        (ISO time of the version, ClauseChange), oldest first."""
        last = self.version(upto)
        out: list[tuple[str, ClauseChange]] = []
        for v in self.versions:
            if v.seq > last.seq:
                break
            if v.seq > 1:
                out.extend((v.fetched_at, c) for c in self.archive.index.changes_for(v.commit_sha))
        return out


def _pick(key: str, versions: Sequence[Version], at: VersionSpec,
          before_first: Callable[[str], None] | None = None) -> Version:
    """The version of ``versions`` (one document's, oldest first) that ``at`` names; a date before
    the first version is the first one when ``before_first`` takes the note saying so
    (``Archive``), NotFoundError otherwise."""
    if not versions:
        raise NotFoundError(f"{key} has no recorded version")
    if isinstance(at, Version):
        return _own(key, at)
    if isinstance(at, bool):
        raise InvalidArgument(f"{at!r} is not a version number, commit or date")
    if isinstance(at, int):
        return _by_number(key, versions, at, str(at))
    if isinstance(at, (date, datetime)):
        return _at_or_before(key, versions, _moment(at), at.isoformat(), before_first)
    if not isinstance(at, str):
        raise InvalidArgument(f"{at!r} is not a version number, commit or date")
    spec = at.strip()
    if re.fullmatch(r"-?\d+", spec):
        n = int(spec)
        if 0 < abs(n) <= len(versions) or not _HEX.fullmatch(spec):
            return _by_number(key, versions, n, spec)
    if _HEX.fullmatch(spec.lower()):
        for v in versions:
            if v.commit_sha.startswith(spec.lower()):
                return v
        if spec.isdigit():  # too large for a number and no commit either
            return _by_number(key, versions, int(spec), spec)
        raise NotFoundError(f"no version of {key} has a commit starting with {spec}")
    if re.fullmatch(r"[0-9a-f]{1,6}", spec.lower()) and not spec.isdigit():
        raise InvalidArgument(f"'{spec}' is too short for a commit: give at least 7 of its characters (as "
                              "`tracker history` shows them), or a version number (3, -1) or a date (2026-11-26)")
    return _at_or_before(key, versions, _parse_moment(spec), spec, before_first)


def first_version_note(key: str, spec: str, first: Version) -> str:
    """The note for a date ``spec`` before ``first``, the first version of document ``key``."""
    return f"no version of {key} at or before {spec}; starting from the first version, {first.fetched_at}"


def _own(key: str, version: Version) -> Version:
    if version.document_key != key:
        raise InvalidArgument(f"version {version.seq} is a version of {version.document_key}, not of {key}")
    return version


class NoVersionZero(InvalidArgument, NotFoundError):
    """Version 0: not a version number at all (they start at 1 and -1), so bad input like "abc"
    (the command line's exit 2), still a NotFoundError for callers that catch that."""


def _by_number(key: str, versions: Sequence[Version], n: int, spec: str) -> Version:
    if n == 0:
        raise NoVersionZero(f"no version 0: versions are numbered from 1 (the first) to {len(versions)}, "
                            f"or from -1 (the latest) back to -{len(versions)}")
    try:
        return versions[n - 1] if n > 0 else versions[n]
    except IndexError:
        count = len(versions)  # the range, as for version 0: "there are 3" left -1 .. -3 unsaid
        raise NotFoundError(f"no version {spec}; there are {count} of {key}, numbered 1 (the first) to {count}, "
                            f"or -1 (the latest) back to -{count}") from None


def _at_or_before(key: str, versions: Sequence[Version], moment: str, spec: str,
                  before_first: Callable[[str], None] | None = None) -> Version:
    chosen = [v for v in versions if v.fetched_at <= moment]  # one ISO format: strings compare as times
    if not chosen and before_first is not None:
        before_first(first_version_note(key, spec, versions[0]))
        return versions[0]
    if not chosen:
        raise NotFoundError(f"no version at or before {spec}; the first is from {versions[0].fetched_at}")
    return chosen[-1]


def _parse_moment(spec: str) -> str:
    """2026-11-26 (end of that day), 2026-11-26T10:00, ...Z, ...+02:00 -> the archive's ISO form."""
    try:
        return _moment(date.fromisoformat(spec))
    except ValueError:
        pass
    try:
        return _moment(datetime.fromisoformat(spec))  # Python 3.11 reads a trailing "Z" too
    except ValueError:
        raise InvalidArgument(
            f"'{spec}' is not a version number, commit or date (use e.g. 3, -1, 2026-11-26)"
        ) from None


def _moment(value: date | datetime) -> str:
    """The archive's UTC ``%Y-%m-%dT%H:%M:%SZ`` form; a date is the end of that day, naive is UTC."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(23, 59, 59))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- comparing texts, files and URLs ----------------------------------------------------------
def compare(old_text: str, new_text: str) -> Analysis:
    """Clause-by-clause changes from ``old_text`` to ``new_text`` (Markdown or plain text), each
    labelled (kind, categories, severity, explanation), with a one-line summary: what a run
    records for a new version. An empty ``old_text`` makes every clause an addition.

    Raises InvalidArgument (a ``ValueError``) when either text is not a ``str`` (decode bytes first).
    """
    # from the module, not the package: once tracker.analysis.analyse is imported, the package's
    # attribute "analyse" is that module, not the function
    from tracker.analysis.analyse import analyse

    for name, value in (("old_text", old_text), ("new_text", new_text)):
        if not isinstance(value, str):
            hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""
            raise InvalidArgument(f"compare() takes two texts: {name} is {type(value).__name__}{hint}")
    return analyse(old_text, new_text)


def compare_sources(old: str, new: str, *, select: Sequence[str] = (), remove: Sequence[str] = (),
                    options: "FetchOptions | None" = None, warn: Callable[[str], None] | None = None) -> Analysis:
    """``compare`` two local files or http(s) URLs (HTML, PDF, Markdown or text), extracted like a
    run extracts them (``select`` / ``remove``: CSS selectors, for HTML). See ``read_sources``
    for how they are read and the errors raised.

    One side that is another page than the terms the other side holds, by the rules a run
    refuses it by (a landing, marketing or download page where terms stood, short terms
    included: ``run.decide.another_page``), is refused when it is a URL, as a run refuses it
    (FetchError naming it); a local file is compared all the same, and ``warn`` (when given)
    gets one line saying so."""
    old_text, new_text = read_sources([old, new], select=select, remove=remove, options=options, warn=warn)
    from tracker.run.decide import another_page

    for where, text, other_where, other in ((new, new_text, old, old_text), (old, old_text, new, new_text)):
        if not another_page(other, text):
            continue
        why = (f"not the terms: another page; it shares almost no line with {other_where} and has hardly any legal "
               "text (a landing, marketing or download page where the terms were?)")
        if where.startswith(("http://", "https://")):
            raise FetchError(f"cannot compare {where}: {why}: check the URL, or keep the terms' region with --select",
                             url=where)
        if warn is not None:
            warn(f"warning: {where} is {why}; compared anyway")
        break
    return compare(old_text, new_text)


def read_sources(locations: Sequence[str], *, select: Sequence[str] = (), remove: Sequence[str] = (),
                 options: "FetchOptions | None" = None, warn: Callable[[str], None] | None = None) -> list[str]:
    """The extracted text of each location, in order: a local file path or an http(s) URL.

    URLs are fetched concurrently like the documents of a run (``tracker.fetch``): robots.txt
    honoured (unless ``options.robots`` is false), ``options.user_agent``, the per-host limits,
    retries of transient failures, a 30 s timeout and the ``options.max_bytes`` size cap; then
    the run's content guards refuse what is not a document (an image or archive, an empty body,
    an error page served with status 200). Files are read as they are; ``warn`` (when given) gets
    one line for a local file that is not HTML while ``select`` or ``remove`` is given (they
    apply to HTML only: the file is compared whole).

    Raises FetchError (a URL that cannot be fetched or is refused, a file that cannot be read;
    the message names it and says why) or ExtractError (no text left, a selector matching
    nothing). Runs its own event loop (in a worker thread when the caller's thread has one).
    """
    from tracker.fetch import FetchOptions

    options = options or FetchOptions()
    urls = [loc for loc in locations if loc.startswith(("http://", "https://"))]
    missing = [loc for loc in dict.fromkeys(locations)
               if loc not in urls and "://" not in loc and not Path(loc).exists()]
    if len(missing) > 1:  # both named at once, not one per attempt
        raise FetchError(f"cannot read {' and '.join(missing)}: No such file or directory", url=missing[0])
    texts = _run(_fetch_texts(urls, tuple(select), tuple(remove), options)) if urls else {}
    return [texts[loc] if loc in texts else _file_text(loc, select, remove, warn) for loc in locations]


def _file_text(location: str, select: Sequence[str], remove: Sequence[str],
               warn: Callable[[str], None] | None = None) -> str:
    from tracker.extract import ExtractError
    from tracker.extract.convert import region, to_text

    path = Path(location)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]+)://", location)
    if scheme and not path.exists():
        raise FetchError(f"cannot read {location}: only http(s) URLs and local files can be compared, "
                         f"not {scheme.group(1)}:// addresses", url=location)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FetchError(f"cannot read {location}: {exc.strerror or exc}", url=location) from exc
    from tracker.extract.sniff import sniff_binary

    binary = sniff_binary(raw)
    if binary:  # an image or an archive: hundreds of "changes" between two PNGs mean nothing
        raise ExtractError(f"{location} is {binary}, not text, HTML or PDF; compare reads only those")
    try:
        found = region(raw, None, url=path.name, select=select, remove=remove)
        if (select or remove) and found.kind != "html" and warn is not None:
            # (a user who gave a selector expects it to cut the page: say it did nothing here)
            what = "a PDF" if found.kind == "pdf" else "Markdown or plain text"
            warn(f"note: {location} is {what}: --select and --remove apply to HTML only; compared whole")
        return to_text(found)
    except ExtractError as exc:
        # extract() words its errors for a served page ("the page at NAME", "served as no
        # Content-Type"); the file is named first already and was not served.
        message = str(exc).replace(f"the page at {path.name} ", "the file ").replace(f"the page at {path.name}:", "the file:")
        message = _compare_hint(message.replace(" (served as no Content-Type)", ""))
        raise ExtractError(f"{location}: {message}") from None


def _compare_hint(message: str) -> str:
    """An extraction error as ``compare`` says it: its selectors are options, not a sources file's."""
    return message.replace("check `select` in the sources file", "check --select")


async def _fetch_texts(urls: list[str], select: tuple[str, ...], remove: tuple[str, ...],
                       options: "FetchOptions") -> dict[str, str]:
    from tracker.fetch import fetch_all
    from tracker.sources import Document

    # Documents for the URLs, so that they are fetched exactly like declared ones.
    docs = {f"compare/source {n}": Document("compare", "compare", f"source {n}", url, select=select, remove=remove)
            for n, url in enumerate(dict.fromkeys(urls), 1)}
    texts: dict[str, str] = {}
    async for fetched in fetch_all(list(docs.values()), options):
        texts[fetched.document.url] = _checked_text(fetched)
    return texts


def _checked_text(fetched: "Fetched") -> str:
    """The text of a fetched page, through the content guards of a run; FetchError otherwise."""
    from tracker.extract import ExtractError
    from tracker.fetch import guards
    from tracker.run import content_problem, extract_text

    url = fetched.document.url
    if fetched.skipped:
        raise FetchError(f"cannot fetch {url}: {fetched.skipped}", url=url)
    if fetched.error:
        raise FetchError(f"cannot fetch {url}: {fetched.error}", url=url, status=fetched.status)
    if fetched.not_modified:  # no validators were sent: a 304 answers nothing
        raise FetchError(f"cannot fetch {url}: HTTP 304 to a request that was not conditional", url=url, status=304)
    problem = content_problem(fetched)
    if problem:
        raise FetchError(f"cannot compare {url}: {problem}", url=url, status=fetched.status)
    try:
        text = extract_text(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{url}: {_compare_hint(str(exc))}") from None
    problem = guards.error_page(text, fetched.body, url=fetched.url, final_url=fetched.final_url)
    if problem:
        raise FetchError(f"cannot compare {url}: {problem}", url=url, status=fetched.status)
    return text


def _run(coroutine: Coroutine[Any, Any, _T]) -> _T:
    """Run a coroutine to its end from synchronous code, even where an event loop is running
    (a notebook): then in a thread of its own."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

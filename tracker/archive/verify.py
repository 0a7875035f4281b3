"""Checking the archive and the index against each other, and repairing the index.

The archive is the source of truth, so every repair is a rebuild of index rows from git; nothing
here ever rewrites or deletes a commit.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any

from tracker.archive.index import Index
from tracker.archive.record import reindex, sync
from tracker.archive.store import Store, content_hash


@dataclass
class Report:
    """What differs between the archive and the index; empty lists mean all is well."""

    commits: int = 0
    indexed: int = 0
    git_ok: bool = True
    git_errors: str = ""
    missing_in_index: list[str] = field(default_factory=list)
    missing_in_archive: list[str] = field(default_factory=list)
    hash_mismatch: list[str] = field(default_factory=list)
    stale_documents: list[str] = field(default_factory=list)
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return self.git_ok and not (
            self.missing_in_index or self.missing_in_archive or self.hash_mismatch or self.stale_documents
        )

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "git_errors": self.git_errors or None, "ok": self.ok}  # none is null in JSON

    def lines(self) -> list[str]:
        out = [f"archive: {self.commits} recorded version(s); index: {self.indexed} version row(s)"]
        if not self.git_ok:
            out.append(f"git fsck reports problems: {self.git_errors}")
        for sha in self.missing_in_index:
            out.append(f"commit {sha[:12]} is in the archive but not in the index")
        for sha in self.missing_in_archive:
            out.append(f"index row {sha[:12]} has no commit in the archive")
        for sha in self.hash_mismatch:
            out.append(f"commit {sha[:12]}: the text does not match its Content-Hash trailer")
        for key in self.stale_documents:
            out.append(f"document {key}: the index points at an old version")
        out.append("all consistent" if self.ok else "inconsistent: run `tracker verify --repair`")
        return out


def verify(store: Store, index: Index, *, deep: bool = True) -> Report:
    """Compare every recorded commit with the index rows; ``deep`` also rehashes every text."""
    report = Report()
    commits = list(store.commits())
    report.commits = len(commits)
    rows = index.version_documents()
    report.indexed = len(rows)
    in_git = {c.sha for c in commits}
    report.missing_in_index = [c.sha for c in commits if c.sha not in rows]
    report.missing_in_archive = sorted(sha for sha in rows if sha not in in_git)
    latest: dict[str, str] = {}
    for c in commits:
        latest[f"{c.service_id}/{c.document_type}"] = c.sha
    for doc in index.documents():
        if latest.get(doc["key"]) != doc["latest_commit"]:
            report.stale_documents.append(doc["key"])
    if deep and commits:
        texts = store.read_many([(c.sha, c.path) for c in commits])
        report.hash_mismatch = [
            c.sha for c, text in zip(commits, texts) if c.trailers.get("Content-Hash") not in (None, content_hash(text))
        ]
    if store.exists():
        proc = subprocess.run(["git", "fsck", "--no-dangling", "--no-progress"], cwd=store.archive,
                              capture_output=True, text=True)
        report.git_ok = proc.returncode == 0
        report.git_errors = (proc.stderr or proc.stdout).strip()[:2000] if proc.returncode else ""
    return report


def repair(store: Store, index: Index) -> Report:
    """Bring the index in line with the archive, then verify again."""
    before = verify(store, index, deep=False)
    if before.missing_in_archive or before.stale_documents:
        reindex(store, index)
    elif before.missing_in_index:
        sync(store, index)
        if verify(store, index, deep=False).missing_in_index:
            reindex(store, index)
    after = verify(store, index)
    after.repaired = not before.ok
    return after

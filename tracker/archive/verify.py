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


LIST_MAX = 10  # items of each kind `tracker verify` lists unless --all


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
    # files of the archive's checkout (git index or work tree) that differ from the branch's head:
    # a warning, not an inconsistency (the commits are whole), but a `git commit -a` there would
    # take recorded text back
    checkout_differs: list[str] = field(default_factory=list)
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return self.git_ok and not (
            self.missing_in_index or self.missing_in_archive or self.hash_mismatch or self.stale_documents
        )

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "git_errors": self.git_errors or None, "ok": self.ok}  # none is null in JSON

    def lines(self, limit: int | None = LIST_MAX) -> list[str]:
        """The report as lines to print: counts, each kind of difference with its first ``limit``
        items (all with ``None``) and how many more, then what to do next."""
        out = [f"archive: {self.commits} recorded version(s); index: {self.indexed} version row(s)"]
        if not self.git_ok:
            out.append(f"git fsck reports problems: {self.git_errors}")
        kinds = (
            (self.missing_in_index, "commit(s) in the archive but not in the index",
             lambda sha: f"commit {sha[:12]} is in the archive but not in the index"),
            (self.missing_in_archive, "index row(s) with no commit in the archive",
             lambda sha: f"index row {sha[:12]} has no commit in the archive"),
            (self.hash_mismatch, "commit(s) whose text does not match its Content-Hash trailer",
             lambda sha: f"commit {sha[:12]}: the text does not match its Content-Hash trailer"),
            (self.stale_documents, "document(s) whose index row points at an old version",
             lambda key: f"document {key}: the index points at an old version"),
        )
        cut = False
        for items, what, line in kinds:
            if not items:
                continue
            shown = items if limit is None else items[:limit]
            if len(shown) < len(items):  # a stopped import leaves hundreds: a count says more than a list
                out.append(f"{len(items)} {what}; the first {len(shown)}:")
                cut = True
            out.extend(line(x) for x in shown)
            if len(shown) < len(items):
                out.append(f"  … and {len(items) - len(shown)} more")
        if self.checkout_differs:
            shown = self.checkout_differs if limit is None else self.checkout_differs[:limit]
            more = f" and {len(self.checkout_differs) - len(shown)} more" if len(shown) < len(self.checkout_differs) else ""
            out.append(f"warning: the archive's checkout differs from its latest commit (HEAD) in "
                       f"{len(self.checkout_differs)} file(s): {', '.join(shown)}{more}. The recorded versions are "
                       "whole (in the commits), but these files are not what is recorded (a run was stopped before "
                       "updating them): do not commit them. `tracker verify --repair` (or the next run) brings the "
                       "checkout to HEAD")
        if self.ok:
            out.append("all consistent" + (" (but see the warning above)" if self.checkout_differs else ""))
            return out
        if cut:
            out.append("(`tracker verify --all` lists every one)")
        if self.missing_in_index and not (self.missing_in_archive or self.hash_mismatch or not self.git_ok):
            # the usual cause: a run or import stopped between writing git and writing the index
            out.append("inconsistent: versions were recorded in git but not indexed (a run or an import "
                       "stopped before indexing them). Run `tracker verify --repair` to index them from the "
                       "archive (git is not changed), or run the stopped `tracker import-history` again: "
                       "it catches up the index first, then imports the rest.")
        elif self.hash_mismatch or not self.git_ok:
            out.append("inconsistent: the git archive itself is damaged; `tracker verify --repair` rebuilds the "
                       "index, but a text whose hash does not match must be restored from a backup or clone "
                       "of the archive")
        else:
            out.append("inconsistent: run `tracker verify --repair` to rebuild the index from the archive "
                       "(git is not changed)")
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
        report.checkout_differs = checkout_differs(store)
    return report


def checkout_differs(store: Store) -> list[str]:
    """Tracked files of the archive whose git index or work tree differs from HEAD (``git status``;
    an archive with no commit yet has none)."""
    if store.head() is None:
        return []
    proc = subprocess.run(["git", "-c", "core.quotepath=off", "status", "--porcelain", "-z",
                           "--untracked-files=no"], cwd=store.archive, capture_output=True, text=True)
    if proc.returncode:
        return []  # (git fsck says what is wrong with the repository)
    entries = proc.stdout.split("\0")
    out, skip = [], False
    for entry in entries:
        if skip:  # the old name of a rename
            skip = False
            continue
        if len(entry) > 3:
            out.append(entry[3:])
            skip = entry[0] in "RC"
    return sorted(out)


def repair(store: Store, index: Index) -> Report:
    """Bring the index in line with the archive, then verify again."""
    before = verify(store, index, deep=False)
    if before.missing_in_archive or before.stale_documents:
        reindex(store, index)
    elif before.missing_in_index:
        sync(store, index)
        if verify(store, index, deep=False).missing_in_index:
            reindex(store, index)
    if before.checkout_differs:
        store.checkout()  # (the caller holds the run lock: no run is writing the archive)
    after = verify(store, index)
    after.repaired = not before.ok or bool(before.checkout_differs)
    return after

"""The git-backed archive: the source of truth for every recorded version.

Layout of the archive (a plain git repository, ``<store>/archive``)::

    <service>/<document type>.md          normalized Markdown of the latest version
    .raw/<service>/<document type>.<ext> the raw bytes that version was extracted from

One commit records one new version of one document: both files change together, the subject
says what happened ("Record new version of Nimbus AI Terms of Service") and trailers carry the
machine-readable facts (source URL, final URL, fetch time, HTTP status, content hash, extractor
version). Commits are written in bulk through one ``git fast-import`` process per batch, so a run
that records hundreds of versions does not spawn hundreds of git processes, and a batch only
becomes visible (the branch ref moves) once every commit in it is complete: a crash mid-batch
leaves the previous history untouched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, BinaryIO, Iterator, Sequence

from tracker.errors import ArchiveNotFound, ForeignArchive, NotFoundError, StoreError
from tracker.text import strip_unsafe

BRANCH = "main"  # the branch of a new archive; an existing one is written on the branch it has checked out
# In .git: the branch tip last found to hold only the tracker's commits (``Store.check_ours``), so a
# later check reads only the commits since. Never cloned: a clone checks its whole history once.
OURS_MARK = "tracker-archive"
# Every commit the tracker writes carries this trailer (``NewVersion.message``): it is how an
# archive's history is recognised as the tracker's (``Store.check_ours``)
OURS_GREP = "^Content-Hash: sha256:"
RAW_DIR = ".raw"
AUTHOR = "tracker <tracker@localhost>"
TRAILER_KEYS = (
    "Service",
    "Service-Name",
    "Document-Type",
    "Source-URL",
    "Final-URL",
    "Fetched-At",
    "HTTP-Status",
    "Content-Hash",
    "Content-Type",
    "Raw-Path",
    "Extractor-Version",
    "Version-Kind",
    "Revert-Of",
    "Decoded-As",
)


def content_hash(text: str) -> str:
    """The identity of a normalized text: equal hashes mean no new version."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def safe_line(value: str) -> str:
    """Strip control and bidi-override characters so page or config text cannot forge trailers."""
    return strip_unsafe(value, keep="\t", c1=False, one_line=True)


@dataclass(frozen=True)
class NewVersion:
    """A version to record: everything a commit needs."""

    service_id: str
    service_name: str
    document_type: str
    text: str
    raw: bytes
    raw_ext: str
    source_url: str
    final_url: str
    fetched_at: datetime
    http_status: int | None
    content_type: str
    extractor_version: str
    kind: str = "changed"  # "first" | "changed" | "revert"
    revert_of: str = ""  # date (ISO) of the version this text restores, for reverts
    # the encoding the text was decoded with when it is not the one the page declared (or UTF-8),
    # and why: "windows-1252 (declared utf-8 does not decode)"
    decoded_as: str = ""

    @property
    def path(self) -> str:
        return f"{self.service_id}/{self.document_type}.md"

    @property
    def raw_path(self) -> str:
        return f"{RAW_DIR}/{self.service_id}/{self.document_type}.{self.raw_ext}"

    @property
    def hash(self) -> str:
        # kept once computed: a version is frozen, and its text is hashed for the message, by
        # the importer and by the recorder (a whole text each time)
        known = self.__dict__.get("_hash")
        if known is None:
            known = self.__dict__["_hash"] = content_hash(self.text)
        return known

    def message(self) -> str:
        """Commit message: a readable subject plus trailers that reindex parses back (made once
        per version: the recorder and a history import both ask for it)."""
        known = self.__dict__.get("_message")
        if known is None:
            known = self.__dict__["_message"] = self._message()
        return known

    def _message(self) -> str:
        who = f"{safe_line(self.service_name)} {safe_line(self.document_type)}"
        if self.kind == "first":
            subject = f"Record first version of {who}"
        elif self.kind == "revert":
            subject = f"Record revert of {who} to its version of {self.revert_of[:10]}"
        else:
            subject = f"Record new version of {who}"
        trailers = {
            "Service": self.service_id,
            "Service-Name": self.service_name,
            "Document-Type": self.document_type,
            "Source-URL": self.source_url,
            "Final-URL": self.final_url,
            "Fetched-At": iso(self.fetched_at),
            "HTTP-Status": "" if self.http_status is None else str(self.http_status),
            "Content-Hash": self.hash,
            "Content-Type": self.content_type,
            "Raw-Path": self.raw_path,
            "Extractor-Version": self.extractor_version,
            "Version-Kind": self.kind,
            "Revert-Of": self.revert_of,
            "Decoded-As": self.decoded_as,
        }
        lines = [f"{k}: {safe_line(v)}" for k, v in trailers.items() if v]
        return subject + "\n\n" + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Commit:
    """One recorded version as read back from git."""

    sha: str
    subject: str
    trailers: dict[str, str] = field(default_factory=dict)

    @property
    def service_id(self) -> str:
        return self.trailers.get("Service", "")

    @property
    def document_type(self) -> str:
        return self.trailers.get("Document-Type", "")

    @property
    def path(self) -> str:
        return f"{self.service_id}/{self.document_type}.md"


def iso(moment: datetime) -> str:
    """UTC ISO 8601 with a Z, second precision: the one date format of the archive."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)


def _quote_path(path: str) -> str:
    """fast-import accepts C-style quoted paths; quoting always keeps spaces and quotes safe."""
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


class Store:
    """The archive on disk: a git repository plus the directory that holds the index beside it."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.archive = self.root / "archive"
        self.index_path = self.root / "index.sqlite"
        self._ref: str | None = None  # "refs/heads/<branch>" once read from an existing archive
        self._ours = False  # check_ours passed (once per Store)
        self._clean = False  # check_clean passed (once per Store)

    # -- setup -----------------------------------------------------------------------------
    def exists(self) -> bool:
        return (self.archive / ".git").is_dir()

    def init(self) -> None:
        """Create the archive repository on first use, or make sure the existing one may be
        written: it is the tracker's (``check_ours``) and no uncommitted change of its files would
        be overwritten by the checkout (``check_clean``). Idempotent. Raises ForeignArchive (a
        StoreError) for a folder or repository the tracker did not make, StoreError when the
        archive cannot be created."""
        if self.exists():
            self.check_ours()
            self.check_clean()
            return
        self.check_placed()
        if self.archive.is_dir() and any(self.archive.iterdir()):
            # a folder of someone's files: never turn it into the archive (every run would then
            # commit next to them, and a later checkout could overwrite one of the same name)
            found = _names(sorted(p.name for p in self.archive.iterdir()))
            raise ForeignArchive(
                f"{self.archive} holds files the tracker did not write ({found}) and is not a git repository; "
                f"nothing was written. Move them away, or pass another --store (the folder that holds, or will "
                f"hold, the tracker's archive/)")
        try:
            self.archive.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the archive at {self.archive}: {exc.strerror}") from exc
        # Made aside and moved into place by one rename: an interrupt (Ctrl-C, a kill, a full
        # disk) during `git init` must not leave a half-made .git that every later run refuses
        # as a damaged archive.
        try:
            aside = Path(tempfile.mkdtemp(prefix=".archive-init-", dir=self.root)).resolve()
        except OSError as exc:
            raise StoreError(f"cannot create the archive at {self.archive}: {exc.strerror}") from exc
        try:
            self._git("-C", str(aside), "init", "-q", "-b", BRANCH)
            for key, value in (("user.name", "tracker"), ("user.email", "tracker@localhost"),
                               ("core.quotepath", "off")):
                self._git("-C", str(aside), "config", key, value)
            try:
                os.rename(aside / ".git", self.archive / ".git")
            except OSError as exc:
                if not self.exists():  # another process may have made it first: fine
                    raise StoreError(f"cannot create the archive at {self.archive}: {exc.strerror}") from exc
        finally:
            shutil.rmtree(aside, ignore_errors=True)

    def check_placed(self) -> None:
        """Raise ForeignArchive when there is no archive here because the store given is itself an
        archive's git folder (``--store snapshots/archive``): a run must not start a second archive,
        or leave its lock, inside the first."""
        hint = "" if self.exists() else store_hint(self.root)
        if hint:
            raise ForeignArchive(f"no archive at {self.archive}{hint}; nothing was written")

    def require(self) -> None:
        """Raise ArchiveNotFound (a NotFoundError and a StoreError) unless the archive exists,
        ForeignArchive (a StoreError) when it is a git repository the tracker did not make."""
        if not self.exists():
            hint = store_hint(self.root)  # the store given is an archive's own git folder: say only that
            raise ArchiveNotFound(f"no archive at {self.archive}{hint}" if hint else
                                  f"no archive at {self.archive}; run `tracker run` first, or pass --store DIR")
        self.check_ours()

    @property
    def ref(self) -> str:
        """The branch the archive is written on: the one its repository has checked out
        ("refs/heads/main" in an archive the tracker made; a clone's may have another name), or
        "refs/heads/main" before the archive exists. Raises ForeignArchive for a detached HEAD."""
        if self._ref is not None:
            return self._ref
        if not self.exists():
            return f"refs/heads/{BRANCH}"
        out = self._git("symbolic-ref", "-q", "HEAD", check=False).decode().strip()
        if not out.startswith("refs/heads/"):
            self.check_readable()  # (a damaged repository has no HEAD either: say that)
            at = self._git("rev-parse", "--short", "-q", "--verify", "HEAD", check=False).decode().strip()
            raise ForeignArchive(
                f"the archive {self.archive} has no branch checked out (a detached HEAD{f' at {at}' if at else ''}); "
                f"nothing was read or written. Check out the archive's branch (git -C {self.archive} checkout main, "
                "or the branch its clone came with), then run the command again")
        self._ref = out
        return out

    def check_readable(self) -> None:
        """Raise StoreError when git cannot read the archive's repository (damaged, or not one)."""
        try:
            self._git("rev-parse", "--git-dir")
        except StoreError as exc:
            raise StoreError(
                f"the archive {self.archive} is damaged or unreadable ({exc}); nothing was fetched or changed. "
                "Restore it from a copy or a remote, then run again (`tracker verify` checks it)."
            ) from exc

    def check_ours(self) -> None:
        """Raise ForeignArchive unless the archive's repository is one the tracker may write:

        - its checked-out branch (whatever its name) holds tracker commits (they carry the
          ``Content-Hash: sha256:...`` trailer that ``NewVersion.message`` writes): an archive made
          by a run, an ``import-history`` or the demo, or a clone of one (rebased or merged shard
          pushes included), also with commits of its owner's on top (a README: skipped when read);
        - or it has no commit at all, no branch or remote-tracking branch with commits (a clone
          whose branch is not checked out), and no file beside ``.git`` (a ``git init`` or an
          archive whose first run recorded nothing).

        Anything else (someone's own repository: commits none of which is the tracker's, files
        without commits, an empty branch checked out beside one with history) is refused before anything is written, saying what was found. Passed once
        per Store; the tip found to be the tracker's is kept in ``.git/tracker-archive``, so a
        later check reads only the commits made since.
        """
        if self._ours or not self.exists():
            return
        ref = self.ref
        branch = ref.removeprefix("refs/heads/")
        tip = self._git("rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False).decode().strip()
        if not tip:
            self._check_unborn(branch)
            self._ours = True
            return
        mark = self.archive / ".git" / OURS_MARK
        try:
            known = mark.read_text().strip()
        except OSError:
            known = ""
        if known == tip:
            self._ours = True
            return
        span = f"{known}..{tip}" if known and self.is_ancestor(known, tip) else tip
        log = ("log", "--no-merges", "--format=%h %s", span)
        foreign = self._git(*log, "--invert-grep", f"--grep={OURS_GREP}", check=False).decode("utf-8", "replace")
        lines, ours = foreign.strip().splitlines(), b""
        if lines:
            # a commit of the tracker's anywhere on the branch: the archive's owner added commits
            # of their own (a README): read and written as before, theirs skipped (``commits``)
            ours = self._git("log", "--no-merges", "--format=%h", "-1", f"--grep={OURS_GREP}", tip,
                             check=False).strip()
        if lines and not ours:
            what = f"{len(lines)} commit{'s' if len(lines) != 1 else ''} the tracker did not write and none it did"
            sha, _, subject = lines[0].partition(" ")
            todo = ("pass another --store for the tracker's own archive (a folder whose archive/ does not exist "
                    "yet), or move this repository away")
            raise ForeignArchive(
                f"the archive {self.archive} is a git repository with history the tracker did not write: its branch "
                f"'{branch}' holds {what} (the newest: {sha} \"{subject}\"); nothing was read or written. The tracker "
                f"reads and writes only an archive it made, or a clone of one: {todo}")
        try:
            mark.write_text(tip + "\n")
        except OSError:  # a read-only store: check again next time
            pass
        self._ours = True

    def _check_unborn(self, branch: str) -> None:
        """``check_ours`` for a repository whose checked-out branch has no commit yet."""
        other = self._git("for-each-ref", "--count=1", "--format=%(refname:short)", "refs/heads", "refs/remotes",
                          check=False).decode().strip()
        if other:
            raise ForeignArchive(
                f"the archive {self.archive} has no commit on its checked-out branch '{branch}', but '{other}' has "
                f"history; nothing was read or written. If that is the tracker's archive, check it out "
                f"(git -C {self.archive} checkout {other.rsplit('/', 1)[-1]}); if it is not, pass another --store")
        files = sorted(p.name for p in self.archive.iterdir() if p.name != ".git")
        if files:
            raise ForeignArchive(
                f"the archive {self.archive} is a git repository without commits that holds files the tracker did "
                f"not write ({_names(files)}); nothing was written. Move them away, or pass another --store")

    def check_clean(self) -> None:
        """Raise ForeignArchive when tracked files of the archive have changes nobody committed
        (edited, deleted or staged by hand): the checkout after a run would overwrite them. A
        checkout the tracker itself left behind (a run killed before it, ``_stale_tree``) is not
        such a change. Passed once per Store."""
        if self._clean or not self.exists() or self._stale_tree.exists() or self.head() is None:
            self._clean = True
            return
        out = self._git("-c", "core.quotepath=off", "status", "--porcelain", "--untracked-files=no",
                        check=False).decode("utf-8", "replace")
        changed = [line[3:] for line in out.splitlines() if len(line) > 3]
        if changed:
            raise ForeignArchive(
                f"the archive {self.archive} has uncommitted changes to {len(changed)} file"
                f"{'s' if len(changed) != 1 else ''} ({_names(changed)}); nothing was written. The tracker "
                "keeps the archive's files as its commits hold them and would overwrite these: commit them "
                f"elsewhere or discard them (git -C {self.archive} stash), then run again")
        self._clean = True

    # -- git plumbing ----------------------------------------------------------------------
    def _git(self, *args: str, input: bytes | None = None, stdin: BinaryIO | None = None,
             check: bool = True) -> bytes:
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
        try:
            proc = subprocess.run(
                ["git", *args],
                cwd=self.archive,
                input=input,
                stdin=stdin,
                capture_output=True,
                env=env,
            )
        except FileNotFoundError as exc:
            raise StoreError("git is not installed or not on PATH; install git") from exc
        if check and proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip()
            command = args[2] if args[0] in ("-c", "-C") else args[0]  # "git -c key=value fast-import"
            raise StoreError(f"git {command} failed in {self.archive}: {message}")
        return proc.stdout

    def head(self) -> str | None:
        """Sha of the branch tip, or None for an empty archive."""
        if not self.exists():
            return None
        out = self._git("rev-parse", "-q", "--verify", self.ref, check=False)
        sha = out.decode().strip()
        return sha or None

    def is_ancestor(self, old: str, new: str) -> bool:
        """Whether ``old`` is in the history of ``new`` (false after a rewrite or a bad sha)."""
        proc = subprocess.run(
            ["git", "merge-base", "--is-ancestor", old, new], cwd=self.archive, capture_output=True
        )
        return proc.returncode == 0

    # -- writing ---------------------------------------------------------------------------
    def record(self, versions: Sequence[NewVersion], *, checkout: bool = True,
               blobs: set[str] | None = None) -> list[str]:
        """Commit each version as its own commit, in order; return the commit shas.

        One fast-import process writes the whole batch; the branch moves only when it ends.
        ``checkout=False`` leaves the work tree behind (a run writing many batches brings it up
        to date once, at its end, with ``checkout()``; git itself is always current).

        ``blobs``: git blob ids (SHA-1 hex) known to be in the archive. A text or raw file whose
        blob id is in it is referenced by id instead of sent again (a history import records
        the same texts again and again: reverts); the ids of the files written are added to it.
        The commits are the same either way. On an error the set is emptied (the batch's blobs
        may not have been written).
        """
        if not versions:
            return []
        self.init()
        parent = self.head()
        # The stream goes through a temporary file, not a pipe: git then reads it at its own pace
        # while this process (often busy extracting pages in another thread) never has to feed it.
        try:
            shas = self._import(versions, parent, blobs)
        except OSError as exc:  # the temporary file: disk full, permissions
            raise StoreError(f"could not write the commits to import: {exc}") from exc
        if checkout:
            self.checkout()
        else:
            self._stale_tree.touch()
        return shas

    def _import(self, versions: Sequence[NewVersion], parent: str | None, blobs: set[str] | None = None) -> list[str]:
        try:
            return self._fast_import(versions, parent, blobs)
        except BaseException:
            if blobs is not None:
                blobs.clear()
            raise

    def _fast_import(self, versions: Sequence[NewVersion], parent: str | None, blobs: set[str] | None) -> list[str]:
        with tempfile.TemporaryFile(dir=self.archive / ".git", prefix="tracker-import-") as stream:
            ref = self.ref
            for mark, version in enumerate(versions, start=1):
                _write_commit(stream, mark, version, parent, blobs, ref)
            stream.flush()
            stream.seek(0)
            marks = (self.archive / ".git" / "tracker-marks").resolve()  # git runs in the archive dir
            # Level-1 zlib and deltas at most one deep: fast-import deltifies each blob against the
            # blob written just before it, which in a batch is the page's own Markdown (its raw HTML
            # contains that text: a good delta) or another document's text (little to gain). The
            # default (level 6, chains up to 50 deep across documents) took about 2.5x the CPU for
            # a pack 10-20% smaller, and every later read had to replay those chains; `git gc`
            # still repacks the archive as tightly as ever (measured in README, "Snapshot runs").
            self._git(*FAST_IMPORT, f"--export-marks={marks}", stdin=stream)
        shas = _read_marks(marks, len(versions))
        marks.unlink(missing_ok=True)
        return shas

    def open_import(self) -> "ImportStream":
        """A batch of commits written one version at a time, as the caller settles each
        (``ImportStream``): git compresses and writes each while the caller goes on, and
        ``ImportStream.finish`` moves the branch, as ``record(checkout=False)`` does for a batch
        handed over at once (the same commits)."""
        return ImportStream(self)

    @property
    def _stale_tree(self) -> Path:
        return self.archive / ".git" / "tracker-stale-tree"

    def checkout_if_stale(self) -> None:
        """Update the work tree if a ``record(checkout=False)`` (even one of a run that was
        killed) left it behind."""
        if self._stale_tree.exists():
            self.checkout()

    def checkout(self) -> None:
        """Bring the work tree in line with the branch so people can browse the files.

        Only tracker writes to the archive and runs are serialised by the run lock, so an
        ``index.lock`` found here was left by a run that was killed: it is safe to remove.
        """
        (self.archive / ".git" / "index.lock").unlink(missing_ok=True)
        # HEAD, the branch the archive is written on: a reset to it moves no branch
        self._git("reset", "-q", "--hard", "HEAD", check=False)
        self._stale_tree.unlink(missing_ok=True)

    # -- reading ---------------------------------------------------------------------------
    def commits(self, since: str | None = None) -> Iterator[Commit]:
        """Recorded versions, oldest first (commits without tracker trailers are skipped)."""
        head = self.head()
        if head is None:
            return
        rev = f"{since}..{head}" if since else head
        out = self._git("log", "--reverse", "--format=%H%x00%B%x1e", rev)
        for record in out.decode("utf-8", "replace").split("\x1e"):
            record = record.strip("\n")
            if not record:
                continue
            sha, _, body = record.partition("\x00")
            commit = parse_commit(sha.strip(), body)
            if commit.service_id and commit.document_type:
                yield commit

    def read(self, sha: str, path: str) -> str:
        """The text of a file at a commit."""
        try:
            return self._git("cat-file", "blob", f"{sha}:{path}").decode("utf-8")
        except StoreError as exc:
            raise NotFoundError(f"{path} is not in commit {sha[:12]} of the archive") from exc

    def read_many(self, items: Sequence[tuple[str, str]]) -> list[str]:
        """Texts of many (sha, path) pairs through one ``git cat-file --batch`` process."""
        if not items:
            return []
        request = "".join(f"{sha}:{path}\n" for sha, path in items).encode("utf-8")
        out = self._git("cat-file", "--batch", input=request)
        texts: list[str] = []
        pos = 0
        for sha, path in items:
            end = out.index(b"\n", pos)
            header = out[pos:end].decode()
            if header.endswith("missing"):
                raise NotFoundError(f"{path} is not in commit {sha[:12]} of the archive")
            size = int(header.split()[2])
            texts.append(out[end + 1 : end + 1 + size].decode("utf-8"))
            pos = end + 1 + size + 1
        return texts


def parse_commit(sha: str, body: str) -> Commit:
    """Split a commit message into subject and the trailers we write."""
    lines = body.splitlines()
    subject = lines[0] if lines else ""
    trailers: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(": ")
        if sep and key in TRAILER_KEYS:
            trailers[key] = value
    return Commit(sha=sha, subject=subject, trailers=trailers)


def blob_id(data: bytes) -> str:
    """The git (SHA-1) blob id of ``data``: what ``git hash-object`` prints."""
    digest = hashlib.sha1(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


# Level-1 zlib and deltas at most one deep (see ``Store._fast_import``), for every import.
FAST_IMPORT = ("-c", "pack.compression=1", "fast-import", "--quiet", "--depth=1")


def _write_commit(stream: "BinaryIO | IO[bytes]", mark: int, version: NewVersion, parent: str | None,
                  blobs: set[str] | None, ref: str) -> None:
    """The fast-import commands of one version's commit, mark ``mark``, on branch ``ref`` (the
    first of a stream names its ``parent``, if any)."""
    when = int(version.fetched_at.timestamp())
    message = version.message().encode("utf-8")
    text = version.text.encode("utf-8")
    stream.write(f"commit {ref}\nmark :{mark}\n".encode())
    stream.write(f"author {AUTHOR} {when} +0000\ncommitter {AUTHOR} {when} +0000\n".encode())
    stream.write(f"data {len(message)}\n".encode() + message + b"\n")
    if mark == 1 and parent:
        stream.write(f"from {parent}\n".encode())
    _write_file(stream, version.path, text, blobs)
    _write_file(stream, version.raw_path, version.raw, blobs)


class ImportStream:
    """One batch of commits fed to a ``git fast-import`` process version by version (``add``),
    then closed (``finish``): the commits of ``Store.record`` for the same versions, but git
    hashes, compresses and writes each while the caller goes on, so that closing the batch
    costs git only its pack's end. (A run's changed pages are settled one at a time while it
    fetches; written in one import at the run's end, 30 of them kept the run waiting for git
    about 0.1-0.3 s.)

    git runs with ``--done``: a stream that ends any other way (``abort``, the caller killed)
    moves no branch, as a batch never handed over. Fed from one thread (the recorder's git
    thread); ``abort`` may come from another. A failure is raised by ``finish``."""

    MARKS = "tracker-stream-marks"

    def __init__(self, store: Store) -> None:
        self.store = store
        self.count = 0  # commits written
        self.parent: str | None = None  # the branch tip the first commit follows (read on the first ``add``)
        self.proc: subprocess.Popen[bytes] | None = None
        self.errors: BinaryIO | None = None  # git's stderr (a file: a pipe nobody reads could fill)
        self.failed: BaseException | None = None
        self.aborted = False

    @property
    def _marks(self) -> Path:
        return (self.store.archive / ".git" / self.MARKS).resolve()

    def add(self, version: NewVersion) -> None:
        """Write ``version``'s commit (starting git for the first one)."""
        if self.failed is not None or self.aborted:
            return
        try:
            if self.proc is None:
                self._start()
            assert self.proc is not None and self.proc.stdin is not None
            self.count += 1
            _write_commit(self.proc.stdin, self.count, version, self.parent, None, self.store.ref)
            self.proc.stdin.flush()  # (the whole commit to git now, not when the next one comes)
        except (OSError, ValueError, StoreError) as exc:  # git gone (a broken pipe), or not there
            self.failed = exc

    def _start(self) -> None:
        self.store.init()
        self.parent = self.store.head()
        self.errors = tempfile.TemporaryFile(dir=self.store.archive / ".git", prefix="tracker-import-")
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
        try:
            self.proc = subprocess.Popen(["git", *FAST_IMPORT, "--done", f"--export-marks={self._marks}"],
                                         cwd=self.store.archive, stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=self.errors, env=env)
        except FileNotFoundError as exc:
            raise StoreError("git is not installed or not on PATH; install git") from exc

    def finish(self) -> list[str]:
        """End the stream: the branch moves to its last commit; the commits' shas, in order.
        The work tree is left behind (``Store.checkout_if_stale`` brings it up to date)."""
        if self.proc is None:
            self._close()
            if self.failed is not None:
                raise StoreError(f"could not start git fast-import in {self.store.archive}: {self.failed}")
            return []
        assert self.proc.stdin is not None
        if self.failed is None:
            try:
                self.proc.stdin.write(b"done\n")
                self.proc.stdin.close()
            except (OSError, ValueError) as exc:
                self.failed = exc
        if self.failed is not None:  # (git may still wait for the rest: it must not move the branch)
            self.proc.kill()
            try:
                self.proc.stdin.close()
            except (OSError, ValueError):  # (its reader is gone: nothing to flush to)
                pass
        code = self.proc.wait()
        message = self._close()
        if code != 0 or self.failed is not None:
            self._marks.unlink(missing_ok=True)
            raise StoreError(f"git fast-import failed in {self.store.archive}: "
                             f"{message or self.failed or f'exit status {code}'}")
        shas = _read_marks(self._marks, self.count)
        self._marks.unlink(missing_ok=True)
        self.store._stale_tree.touch()
        return shas

    def abort(self) -> None:
        """Stop git without moving the branch (what was written is left as unreachable objects,
        which git's own maintenance drops)."""
        self.aborted = True
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            if self.proc.stdin is not None:
                try:
                    self.proc.stdin.close()
                except (OSError, ValueError):  # (the pipe's reader is gone: nothing to flush to)
                    pass
        self._close()
        self._marks.unlink(missing_ok=True)

    def _close(self) -> str:
        """Close git's stderr file; what git said there."""
        if self.errors is None:
            return ""
        try:
            self.errors.seek(0)
            return self.errors.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        finally:
            self.errors.close()
            self.errors = None


def _write_file(stream: "BinaryIO | IO[bytes]", path: str, data: bytes, blobs: set[str] | None) -> None:
    """One ``M`` command of a fast-import stream: the file's bytes inline, or a reference to a
    blob already in the archive or earlier in this stream (fast-import resolves both)."""
    if blobs is not None:
        oid = blob_id(data)
        if oid in blobs:
            stream.write(f"M 100644 {oid} {_quote_path(path)}\n".encode("utf-8"))
            return
        blobs.add(oid)
    stream.write(f"M 100644 inline {_quote_path(path)}\n".encode("utf-8"))
    stream.write(f"data {len(data)}\n".encode() + data + b"\n")


def _names(names: Sequence[str], limit: int = 5) -> str:
    """"a, b, c" or "a, b, c, d, e and 3 more": what a refusal found, short."""
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def store_hint(root: Path) -> str:
    """" (DIR is itself the archive's git folder ...: use --store PARENT)" when ``root`` (a
    --store) is a checkout of a tracker archive (``--store snapshots/archive``), else ""."""
    if not (root / ".git").is_dir():
        return ""
    proc = subprocess.run(["git", "log", "-1", "--format=%H", f"--grep={OURS_GREP}"], cwd=root,
                          capture_output=True, env=dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C"))
    if proc.returncode or not proc.stdout.strip():
        return ""
    return (f" ({root} is itself the archive's git folder, not the store that holds it: "
            f"use --store {root.parent})")


def _read_marks(path: Path, count: int) -> list[str]:
    marks: dict[int, str] = {}
    for line in path.read_text().splitlines():
        mark, _, sha = line.partition(" ")
        marks[int(mark.lstrip(":"))] = sha
    try:
        return [marks[i] for i in range(1, count + 1)]
    except KeyError as exc:
        raise StoreError("git fast-import did not report every commit it wrote") from exc

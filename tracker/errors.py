"""One exception hierarchy: every error a user can cause says what to fix."""

from __future__ import annotations


class TrackerError(Exception):
    """Base class for every error the tracker reports to a user."""


class ConfigError(TrackerError):
    """The sources file (or another setting) is invalid; the message names file, entry and fix."""


class FetchError(TrackerError):
    """A document could not be fetched (network failure, HTTP error status, size cap)."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class ExtractError(TrackerError):
    """A fetched page could not be turned into text (selector matched nothing, empty text)."""


class StoreError(TrackerError):
    """The git archive or the index could not be read or written."""


class NotFoundError(TrackerError):
    """A service, document or version asked for does not exist in the archive."""


class ArchiveNotFound(NotFoundError, StoreError):
    """There is no archive where one was asked for: both "not found" (the command line's exit 4)
    and a store that cannot be read (what a Python caller of ``tracker.Archive.open`` catches)."""


class ForeignArchive(StoreError):
    """The store's ``archive/`` is a folder or git repository the tracker did not make (someone's
    own history, files or uncommitted changes): refused before anything is read or written, so
    nothing of it is lost (``Store.check_ours``). A StoreError: the command line's exit 3."""


class InvalidArgument(TrackerError, ValueError):
    """An argument is malformed, e.g. a version that is neither a number, a commit nor a date."""


# Said by every command stopped with Ctrl-C (none leaves a file half written: versions, index
# rows and feed files are each written whole or not at all).
INTERRUPT_MESSAGE = ("interrupted (Ctrl-C): what was written before it (versions, feeds, pages) is kept whole; "
                     "run the command again to go on")

# Types of the names tracker/__init__.py loads lazily (a type checker does not run __getattr__).
from tracker.api import Archive as Archive
from tracker.api import ArchivedDocument as ArchivedDocument
from tracker.api import DocumentStatus as DocumentStatus
from tracker.api import compare as compare
from tracker.api import compare_sources as compare_sources
from tracker.api import read_sources as read_sources
from tracker.errors import ConfigError as ConfigError
from tracker.errors import ExtractError as ExtractError
from tracker.errors import FetchError as FetchError
from tracker.errors import InvalidArgument as InvalidArgument
from tracker.errors import NotFoundError as NotFoundError
from tracker.errors import StoreError as StoreError
from tracker.errors import TrackerError as TrackerError
from tracker.records import Analysis as Analysis
from tracker.records import ClauseChange as ClauseChange
from tracker.records import Version as Version

__version__: str
__all__ = [
           "Analysis",
           "Archive",
           "ArchivedDocument",
           "ClauseChange",
           "ConfigError",
           "DocumentStatus",
           "ExtractError",
           "FetchError",
           "InvalidArgument",
           "NotFoundError",
           "StoreError",
           "TrackerError",
           "Version",
           "__version__",
           "compare",
           "compare_sources",
           "read_sources",
]

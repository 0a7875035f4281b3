"""Publish: feeds (Atom, RSS, JSON Feed), the static diff site, a small HTTP server for them, and
notifications after a run.

Errors: ``ConfigError`` (a broken ``notify.toml``).
"""

from tracker.errors import ConfigError
from tracker.publish.build import (
    FeedReport,
    PublishReport,
    publish_feeds,
    publish_site,
    write_feeds,
)

__all__ = ["ConfigError", "FeedReport", "PublishReport", "publish_feeds", "publish_site", "write_feeds"]

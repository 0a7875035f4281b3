"""Publish: feeds (Atom, RSS, JSON Feed), the static diff site, a small HTTP server for them, and
notifications after a run.

Errors: ``ConfigError`` (a broken ``notify.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

if TYPE_CHECKING:
    from tracker.errors import ConfigError
    from tracker.publish.build import (
        FeedReport,
        PublishReport,
        publish_feeds,
        publish_site,
        write_feeds,
    )

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "ConfigError": "tracker.errors",
    "FeedReport": "tracker.publish.build",
    "PublishReport": "tracker.publish.build",
    "publish_feeds": "tracker.publish.build",
    "publish_site": "tracker.publish.build",
    "write_feeds": "tracker.publish.build",
}
__all__ = ["ConfigError", "FeedReport", "PublishReport", "publish_feeds", "publish_site", "write_feeds"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)

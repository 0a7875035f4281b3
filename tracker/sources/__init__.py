"""Sources: what to track. ``sources.toml`` parsed and validated into typed declarations.

Errors: ``ConfigError`` (every problem named with file, line, entry and a fix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

if TYPE_CHECKING:
    from tracker.errors import ConfigError
    from tracker.sources.config import (
                                        Document,
                                        Part,
                                        Range,
                                        Selector,
                                        Service,
                                        Sources,
                                        load_sources,
                                        parse_sources,
                                        validate_document_type,
                                        validate_id,
    )
    from tracker.sources.selectors import check_selector

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "ConfigError": "tracker.errors",
    "Document": "tracker.sources.config",
    "Part": "tracker.sources.config",
    "Range": "tracker.sources.config",
    "Selector": "tracker.sources.config",
    "Service": "tracker.sources.config",
    "Sources": "tracker.sources.config",
    "check_selector": "tracker.sources.selectors",
    "load_sources": "tracker.sources.config",
    "parse_sources": "tracker.sources.config",
    "validate_document_type": "tracker.sources.config",
    "validate_id": "tracker.sources.config",
}
__all__ = ["ConfigError", "Document", "Part", "Range", "Selector", "Service", "Sources", "check_selector",
           "load_sources", "parse_sources", "validate_document_type", "validate_id"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)

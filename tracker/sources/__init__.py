"""Sources: what to track. ``sources.toml`` parsed and validated into typed declarations.

Errors: ``ConfigError`` (every problem named with file, line, entry and a fix).
"""

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

__all__ = ["ConfigError", "Document", "Part", "Range", "Selector", "Service", "Sources", "check_selector",
           "load_sources", "parse_sources", "validate_document_type", "validate_id"]

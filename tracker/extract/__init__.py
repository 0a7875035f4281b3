"""Extract: fetched bytes (HTML, PDF, text) to normalized Markdown, deterministically.

Errors: ``ExtractError`` (a selector matched nothing, no text, an unreadable PDF).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

if TYPE_CHECKING:
    from tracker.errors import ExtractError
    from tracker.extract.convert import (
        EXTRACTOR_VERSION,
        Region,
        decode,
        extract,
        html_to_markdown,
        normalize_markdown,
        region,
        to_text,
    )

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "EXTRACTOR_VERSION": "tracker.extract.convert",
    "ExtractError": "tracker.errors",
    "Region": "tracker.extract.convert",
    "decode": "tracker.extract.convert",
    "extract": "tracker.extract.convert",
    "html_to_markdown": "tracker.extract.convert",
    "normalize_markdown": "tracker.extract.convert",
    "region": "tracker.extract.convert",
    "to_text": "tracker.extract.convert",
}
__all__ = ["EXTRACTOR_VERSION", "ExtractError", "Region", "decode", "extract", "html_to_markdown",
           "normalize_markdown", "region", "to_text"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)

"""Extract: fetched bytes (HTML, PDF, text) to normalized Markdown, deterministically.

Errors: ``ExtractError`` (a selector matched nothing, no text, an unreadable PDF).
"""

from tracker.errors import ExtractError
from tracker.extract.convert import (
    EXTRACTOR_VERSION,
    decode,
    extract,
    html_to_markdown,
    normalize_markdown,
)

__all__ = ["EXTRACTOR_VERSION", "ExtractError", "decode", "extract", "html_to_markdown", "normalize_markdown"]

"""Extract: fetched bytes (HTML, PDF, text) to normalized Markdown, deterministically.

Errors: ``ExtractError`` (a selector matched nothing, no text, an unreadable PDF).
"""

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

__all__ = ["EXTRACTOR_VERSION", "ExtractError", "Region", "decode", "extract", "html_to_markdown", "normalize_markdown",
           "region", "to_text"]

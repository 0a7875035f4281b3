"""Text from terms pages made safe to show: no control characters, no bidi overrides; dates for people."""

from __future__ import annotations

import re
from typing import Any

from tracker.archive.store import parse_iso

# C0/C1 controls (but tab/newline), lone surrogates, non-characters, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")

def safe_text(text: Any) -> str:
    """Page text fit for HTML and XML: no control characters, no bidi overrides."""
    return _UNSAFE.sub("", "" if text is None else str(text))


def human_date(value: str) -> str:
    """'2026-11-26T10:00:00Z' -> '26 Nov 2026, 10:00 UTC'."""
    try:
        return parse_iso(value).strftime("%d %b %Y, %H:%M UTC")
    except (ValueError, AttributeError):
        return str(value)

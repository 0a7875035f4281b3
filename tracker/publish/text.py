"""Text from terms pages made safe to show: no control characters, no bidi overrides; dates for people."""

from __future__ import annotations

from typing import Any

from tracker.archive.store import parse_iso
from tracker.text import strip_unsafe


def safe_text(text: Any) -> str:
    """Page text fit for HTML and XML: C0 (but tab, newline, CR) and C1 controls, DEL, lone
    surrogates, non-characters and bidi embeddings/overrides/isolates removed."""
    return strip_unsafe(text, keep="\t\n\r", invalid=True)


def human_date(value: str) -> str:
    """'2026-11-26T10:00:00Z' -> '26 Nov 2026, 10:00 UTC'."""
    try:
        return parse_iso(value).strftime("%d %b %Y, %H:%M UTC")
    except (ValueError, AttributeError):
        return str(value)

"""CSS selector checks for declarations: refuse what the extractor's parser cannot run."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1024)  # checked for every page extracted: a run re-checks the same few
def check_selector(selector: str) -> str | None:
    """None if selectolax (lexbor) accepts `selector`, else a short reason.

    lexbor raises SelectolaxError("Can't parse CSS selector.") for syntax errors and for
    pseudo-classes it does not know (:contains, :lang, ::before); unknown tags/classes are fine.
    """
    from selectolax.lexbor import (  # loaded only to validate
        LexborHTMLParser,
        SelectolaxError,
    )

    if not selector.strip():
        return "empty CSS selector"
    try:
        LexborHTMLParser("<p></p>").css(selector)
    except SelectolaxError:
        return (
            f"invalid CSS selector {selector!r}: cannot be parsed "
            "(check brackets, quotes, combinators; pseudo-elements and :contains/:lang are not supported)"
        )
    return None

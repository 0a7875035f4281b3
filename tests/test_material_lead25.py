"""A blog-style header of dates and a reading time, glued together by the capture, is a date stamp."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_update_stamp


@pytest.mark.parametrize("line", [
    "Published on May 9, 2024Updated on Jul 16, 202423 min read",
    "Published on May 9, 2024 · Updated on Jul 16, 2024 · 23 min read",
    "Updated 3 May 2025 · 5 minutes de lecture",
    "Mis à jour le 3 mai 2025 - 4 min de lecture",
])
def test_a_header_of_dates_and_reading_time_is_an_update_stamp(line: str) -> None:
    assert is_update_stamp(line)


@pytest.mark.parametrize("line", [
    "You have 5 min to read and accept the Lumora terms before your trial ends.",
    "Refunds are available for 14 days after purchase.",
])
def test_a_term_with_minutes_is_no_stamp(line: str) -> None:
    assert not is_update_stamp(line)


def test_removing_a_glued_blog_header_is_not_material() -> None:
    body = "## What we collect\n\nLumora collects your e-mail address and the notes you save.\n"
    old = f"# Privacy at Lumora\n\nPublished on May 9, 2024Updated on Jul 16, 202423 min read\n\n{body}"
    new = f"# Privacy at Lumora\n\n{body}"
    result = analyse(old, new)
    assert not result.material and result.changes and not any(c.material for c in result.changes)

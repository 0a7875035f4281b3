"""Page chrome in more of its wordings: a cookie banner ("we and our partners use cookies ...",
its lone buttons "Reject all" and "Manage your choices", in English, French and German; a sentence
of the terms that only shares a word with them is not) and a copyright notice's year (newuser8: a
banner reworded to "We and our partners use cookies ..." was flagged material, privacy; "© 2026" ->
"© 2027" was "Only contact details changed"). Invented texts."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import chrome_kind


@pytest.mark.parametrize("line", [
    "We and our partners use cookies for analytics and personalised ads.",
    "We and our trusted advertising partners use cookies to measure visits.",
    "Manage your choices.", "Reject all", "Accept all cookies", "Manage consent",
    "Nous et nos partenaires utilisons des cookies pour mesurer l'audience.",
    "Wir und unsere Werbepartner verwenden Cookies, um Inhalte zu personalisieren.",
])
def test_a_banner_line_is_chrome(line):
    assert chrome_kind(line, line.lower().split()) == "cookie-banner"


@pytest.mark.parametrize("line", [
    "You can accept all or some of the changes we propose.",
    "You can manage your choices in the settings at any time.",
    "Our partners may reject all claims that are not made in writing.",
])
def test_a_term_sharing_its_words_is_not(line):
    assert chrome_kind(line, line.lower().split()) is None


def test_a_reworded_banner_is_no_material_change():
    doc = "# Terms of Quibly\n\n{banner}\n\n## 1. Plans\n\nThe Basic plan costs 5 euros per month.\n"
    got = analyse(doc.format(banner="We use cookies to make Quibly work. Accept all"),
                  doc.format(banner="We and our partners use cookies for analytics and personalised ads. "
                                    "Manage your choices."))
    assert not got.material, got.summary


def test_a_copyright_year_is_only_a_date():
    """"© 2026" → "© 2027" under the last section: a date, never "contact details" (newuser8)."""
    doc = "# Terms of Quibly\n\n## 8. Governing law\n\nThese terms are governed by Irish law.\n\n© {year} Quibly Labs Inc.\n"
    got = analyse(doc.format(year=2026), doc.format(year=2027))
    assert not got.material and [c.cosmetic for c in got.changes] == ["date-only"], got.changes

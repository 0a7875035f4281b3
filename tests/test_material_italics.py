"""A clause set in italics with underscores ("_Last modified: 12th May 2026_") is read as the
clause: its underscores are glued to its first and last words, and "_" is a word character to
the rules' patterns, so a stamp line in italics was read as a term (issue 11, session 15).
Invented terms of a fictional service."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

POLICY = """\
# Quillfern Privacy Policy

{stamp}

## 1. What we collect

We collect your name and your email address when you sign up.

## 2. How long we keep it

We keep your data for as long as your account is open.
"""


@pytest.mark.parametrize("stamp", ["_Last modified: 12th May 2026_", "_Last updated on 3rd June 2025_",
                                   "_Effective date: 1 March 2025_"])
def test_an_italic_stamp_line_dropped_is_not_material(stamp):
    old = POLICY.format(stamp=stamp)
    new = POLICY.format(stamp="")
    a = analyse(old, new)
    assert not a.material, a.summary


def test_an_italic_stamp_line_is_read_like_the_plain_one():
    plain_old = POLICY.format(stamp="Last modified: 12th May 2026")
    italic_old = POLICY.format(stamp="_Last modified: 12th May 2026_")
    new = POLICY.format(stamp="")
    assert analyse(italic_old, new).material == analyse(plain_old, new).material is False


def test_a_term_in_italics_stays_material():
    old = POLICY.format(stamp="")
    new = POLICY.format(stamp="_We may sell your email address to advertising partners._")
    a = analyse(old, new)
    assert a.material
    assert "privacy" in a.categories


def test_a_period_changed_in_an_italic_clause_is_still_read():
    old = POLICY.format(stamp="_We delete inactive accounts after 12 months._")
    new = POLICY.format(stamp="_We delete inactive accounts after 3 months._")
    a = analyse(old, new)
    assert a.material
    assert "3 months" in a.summary or "3" in a.changes[0].explanation

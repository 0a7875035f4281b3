"""Faults a new user found in material flags and explanations, each tested as a kind: Roman and
lettered renumbering, notice taken away in French and German, a class-action waiver that only
moved, retention periods in French and German, per-request stamps, and short venue sentences.
Each test compares two files it writes (fictional services) through the `compare` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.analysis.materiality import cosmetic_kind
from tracker.cli.app import cli


def _compare(tmp_path: Path, old: str, new: str, suffix: str = ".md") -> dict:
    """Run `tracker compare --json` on two files holding ``old`` and ``new``."""
    a, b = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _flagged(out: dict) -> list[dict]:
    return [c for c in out["changes"] if c["material"]]


# --- 1. renumbering with Roman numerals and letters ----------------------------------------------
_ROMAN_OLD = """# Quillbit Terms

## Article IV. Payments

You pay the monthly fee of 10 EUR for the Quillbit plan.

## Article V. Termination

We may suspend your account as described in Section iv.

### Section ii

(iv) You must keep your password secret.

b. Do not resell the service.

## PART C - Liability

Our liability is limited to the fees paid under Article IX.
"""
_ROMAN_NEW = """# Quillbit Terms

## Article V. Payments

You pay the monthly fee of 10 EUR for the Quillbit plan.

## Article VI. Termination

We may suspend your account as described in Section v.

### Section iii

(v) You must keep your password secret.

c. Do not resell the service.

## PART D - Liability

Our liability is limited to the fees paid under Article X.
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_roman_and_lettered_renumbering_is_cosmetic(tmp_path: Path, suffix: str) -> None:
    out = _compare(tmp_path, _ROMAN_OLD, _ROMAN_NEW, suffix)
    assert not out["material"], _flagged(out)
    numbered = [c for c in out["changes"] if c["kind"] == "modified"]
    assert numbered and all(c["severity"] == "cosmetic" for c in numbered), numbered


def test_a_real_change_beside_a_roman_number_stays_material(tmp_path: Path) -> None:
    out = _compare(tmp_path, _ROMAN_OLD, _ROMAN_NEW.replace("fee of 10 EUR", "fee of 14 EUR"))
    assert out["material"] and [c["after"] for c in _flagged(out)] == [
        "You pay the monthly fee of 14 EUR for the Quillbit plan."]


@pytest.mark.parametrize(("before", "after", "kind"), [
    ("Article IV. Payments", "Article V. Payments", "renumbering"),
    ("## Section ii", "## Section iii", "renumbering"),
    ("Part B - Fees apply monthly.", "Part C - Fees apply monthly.", "renumbering"),
    ("XIV. We may close accounts.", "XV. We may close accounts.", "renumbering"),
    ("Artikel IV Kündigung", "Artikel V Kündigung", "renumbering"),
    # a word of Roman-numeral letters is no number: dropping it is a change
    ("Civil. Claims go to Lyon.", "Claims go to Lyon.", None),
    ("Mix. Colours are free.", "Colours are free.", None),
])
def test_roman_numbers_are_told_from_words(before: str, after: str, kind: str | None) -> None:
    assert cosmetic_kind(before, after) == kind

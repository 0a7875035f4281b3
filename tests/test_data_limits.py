"""An amount of data a plan includes or a limit allows is a term (newuser12: "Each Pro account
includes 2 TB" -> "1 TB" was minor, "2 TB" -> "2 GB" was "Only a name changed"). Invented clauses
of a fictional file service, "Nimbo", through ``analyse``.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

DOC = "# Nimbo Terms\n\n## 3. Storage\n\n{clause}\n\n## 4. Fees\n\nPro costs $8 per month.\n"


def _label(old: str, new: str) -> tuple[bool, tuple[str, ...], str]:
    result = analyse(DOC.format(clause=old), DOC.format(clause=new))
    changed = [c for c in result.changes if c.kind != "unchanged"]
    assert len(changed) == 1
    return changed[0].material, tuple(changed[0].categories), changed[0].explanation


@pytest.mark.parametrize("old,new", [
    ("Each Pro account includes 2 TB of storage.", "Each Pro account includes 1 TB of storage."),
    ("Each Pro account includes 2 TB of storage.", "Each Pro account includes 2 GB of storage."),
    ("Each Pro account includes 2 TB of storage.", "Each Pro account includes 500 GB of storage."),
    ("Uploads are limited to 5 GB per file.", "Uploads are limited to 500 MB per file."),
    ("Chaque compte Pro comprend jusqu'à 2 Go de stockage.", "Chaque compte Pro comprend jusqu'à 500 Mo de stockage."),
    ("Jedes Pro-Konto enthält bis zu 2 GB Speicher.", "Jedes Pro-Konto enthält bis zu 1 GB Speicher."),
])
def test_a_data_allowance_that_changes_is_material(old: str, new: str) -> None:
    material, categories, explanation = _label(old, new)
    assert material, explanation
    assert "usage-rules" in categories or "pricing" in categories
    assert "name changed" not in explanation.lower()


def test_the_same_amount_in_another_unit_is_no_change_of_the_limit() -> None:
    material, _, explanation = _label("Each Pro account includes 2 TB of storage.",
                                      "Each Pro account includes 2000 GB of storage.")
    assert not material, explanation


def test_an_allowance_is_said_as_what_is_now_included() -> None:
    _, _, explanation = _label("Each Pro account includes 2 TB of storage.", "Each Pro account includes 2 GB of storage.")
    assert explanation.startswith("Now 2 GB instead of 2 TB: “Each Pro account includes 2 GB of storage”"), explanation

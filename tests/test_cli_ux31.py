"""Session 31's lead fixes, on invented texts about fictional services."""
from __future__ import annotations

import pytest

from tracker.analysis import analyse


def _material(old: str, new: str):  # type: ignore[no-untyped-def]
    [change] = [c for c in analyse(old, new).changes if c.kind == "modified"]
    assert change.material, change
    return change


def test_an_allowance_in_a_sentence_is_said_with_what_it_counts() -> None:
    change = _material("# Quillmark Terms\n\n## 3. Storage\n\nEach Basic account includes 15 GB of storage for your notes.\n",
                       "# Quillmark Terms\n\n## 3. Storage\n\nEach Basic account includes 10 GB of storage for your notes.\n")
    assert change.explanation.startswith("Now 10 GB instead of 15 GB: “Each Basic account includes 10 GB of storage"), \
        change.explanation


def test_a_plan_list_item_is_said_under_its_plan() -> None:
    page = "# Quillmark Pricing\n\n## Studio\n\n€19 per month\n\n- {n} drafting credits per month\n- Shared notebooks\n"
    change = _material(page.format(n="800"), page.format(n="600"))
    assert change.explanation.startswith("Studio: now 600 drafting credits per month instead of 800 ("), change.explanation


@pytest.mark.parametrize("row, old, new", [("Starter", "20-80 Mbps", "20-160 Mbps"), ("Office", "200 GB", "100 GB")])
def test_a_table_row_measure_is_said_under_the_row_it_belongs_to(row: str, old: str, new: str) -> None:
    table = "| Plan | Allowance |\n|---|---|\n| {row} | {v} |\n| Unlimited | none |\n"
    change = _material(table.format(row=row, v=old), table.format(row=row, v=new))
    assert change.explanation.startswith(f"{row}: now {new} instead of {old}"), change.explanation
    assert "Plan:" not in change.explanation  # the header row is not the row that changed


def test_a_bound_that_is_not_an_allowance_keeps_its_own_wording() -> None:
    change = _material("Uploads to Quillmark are limited to 5 GB per file.", "Uploads to Quillmark are limited to 500 MB per file.")
    assert "500 MB" in change.explanation and "5 GB" in change.explanation, change.explanation

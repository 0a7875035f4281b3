"""A name renamed throughout the document is no change of terms, even where the new name is
mistyped once (issue 11, precision; fp40), on invented terms of a fictional service. Near misses
stay material: a right or a value changed beside the mistyped name."""

from __future__ import annotations

from tracker.analysis import analyse

OLD = """\
# Zorvex Developer Terms

## 1. Scope

These Zorvex Developer Terms govern your use of the Zorvex platform and the Zorvex APIs.

## 2. Your app

You must not use data you receive from Zorvex to build profiles of users of Zorvex.
Zorvex may suspend your app if it breaks these terms.

## 3. Data

The categories of data subjects are the users who interact with your app and the products of Zorvex Ireland Limited.
Zorvex keeps the logs of your API calls for 30 days.

## 4. Contact

Write to Zorvex with any question about these terms.
"""


def _renamed(new_name_in_section_3: str, days: str = "30") -> str:
    # (the old name still said once, as a banner does: no single replacement is a rename on its own)
    new = OLD.replace("Zorvex", "Quillmark").replace("## 1. Scope", "Zorvex is now Quillmark.\n\n## 1. Scope")
    return new.replace("products of Quillmark Ireland", f"products of {new_name_in_section_3} Ireland").replace(
        "for 30 days", f"for {days} days")


def test_a_name_renamed_throughout_with_one_typo_is_not_material() -> None:
    # "Zorvex" → "Quillmark" nine times, and once "Quilmark": the same rename, mistyped
    a = analyse(OLD, _renamed("Quilmark"))
    assert not a.material, [c.explanation for c in a.changes if c.material]
    typo = [c for c in a.changes if "Quilmark" in (c.after or "")]
    assert len(typo) == 1 and typo[0].cosmetic == "renamed", typo  # said as the rename it is
    assert "Zorvex → Quilmark" in typo[0].explanation


def test_the_rename_throughout_alone_is_not_material() -> None:
    assert not analyse(OLD, _renamed("Quillmark")).material


def test_a_right_changed_beside_the_mistyped_name_stays_material() -> None:
    # the mistyped name explains only itself: "must not use data" → "may use data" is a new right
    new = _renamed("Quillmark").replace("You must not use data you receive from Quillmark to build",
                                        "You may use data you receive from Quilmark to build")
    a = analyse(OLD, new)
    assert a.material
    assert any("You may use data" in (c.after or "") and c.material for c in a.changes)


def test_a_period_changed_beside_the_mistyped_name_stays_material() -> None:
    a = analyse(OLD, _renamed("Quilmark", days="90"))
    assert a.material
    assert any("90" in (c.after or "") and c.material for c in a.changes)

"""A law of the contract named by its nation's adjective ("French law", "droit irlandais",
"deutschem Recht") changed is a material governing-law change in every language, never "Only a
name changed" nor a minor rewording (newuser8: "droit français" → "droit irlandais" was minor,
"French law" → "Irish law" "renamed"). Texts invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.facts import extract_facts

DOC = """# Terms of Quibly

## 1. Plans

The Basic plan of Quibly costs 5 euros per month.

## 7. {heading}

{law}

## 8. Contact

Write to help@quibly.example.
"""


@pytest.mark.parametrize(("heading", "old", "new", "said"), [
    ("Governing law", "These terms are governed by French law.", "These terms are governed by Irish law.", "Irish law"),
    ("Droit applicable", "Les présentes conditions sont soumises au droit français.",
     "Les présentes conditions sont soumises au droit irlandais.", "Ireland"),
    ("Droit applicable", "Les présentes conditions sont régies par la loi française.",
     "Les présentes conditions sont régies par la loi belge.", "Belgium"),
    ("Anwendbares Recht", "Für diese Bedingungen gilt ausschließlich deutsches Recht.",
     "Für diese Bedingungen gilt ausschließlich österreichisches Recht.", "Austria"),
])
def test_a_law_named_by_its_adjective_changed_is_material(heading, old, new, said):
    got = analyse(DOC.format(heading=heading, law=old), DOC.format(heading=heading, law=new))
    assert got.material, got.summary
    change = next(c for c in got.changes if c.material)
    assert "governing-law" in change.categories, change
    assert said in change.explanation, change.explanation


def test_a_law_named_for_something_else_is_no_law_of_the_contract():
    assert extract_facts("You keep the rights French consumer law gives you.") == []
    assert [f.value for f in extract_facts("Ces conditions sont soumises au droit suisse.")] == ["Switzerland"]


def test_the_same_law_reworded_is_no_change_of_law():
    got = analyse(DOC.format(heading="Governing law", law="These terms are governed by French law."),
                  DOC.format(heading="Governing law", law="These terms are governed by the laws of France."))
    assert not any("instead of" in c.explanation for c in got.changes), [c.explanation for c in got.changes]

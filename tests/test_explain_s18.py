"""Explanations people can trust (issue 11, session 18): table rows with their column names,
AI-training opt-outs said as such, venues without stray words, headlines that name the most
important change, no cookie banner as a key term, no AI questions of a document without AI.
Every text here is invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.facts import extract_facts, law_places
from tracker.analysis.summary import summarise


def _disputes(sentence: str) -> dict[str, str]:
    return {k: v.value for k, v in summarise(f"# Terms\n\n## Disputes\n\n{sentence}\n").facts.items()}


# --- 3. venue and governing law without stray words ------------------------------------------------

@pytest.mark.parametrize("sentence, venue", [
    ("Claims go to the state and federal courts located in Pell County, California, and You consent to "
     "personal jurisdiction there.", "Courts of Pell County, California"),
    ("Any claim shall be brought before the courts of Porto, Provided That a consumer may also sue at home.",
     "Courts of Porto"),
    ("You agree to the exclusive jurisdiction of the courts of New York, and you waive any objection to venue.",
     "Courts of New York"),
    ("Tout litige relève des tribunaux de Paris et vous acceptez cette compétence.", "Courts of Paris"),
    ("Tout litige sera porté devant les tribunaux compétents de Lyon sauf disposition impérative contraire.",
     "Courts of Lyon"),
    ("Les tribunaux de Nanterre seront seuls compétents pour connaître du litige.", "Courts of Nanterre"),
])
def test_venue_names_only_the_place(sentence: str, venue: str) -> None:
    assert _disputes(sentence)["arbitration"] == venue


def test_governing_law_stops_before_a_capitalised_joining_word() -> None:
    s = "These Terms are governed by the laws of the State of Delaware, Without regard to its conflict rules."
    assert law_places(s) == ["Delaware"]
    assert _disputes(s)["governing-law"] == "Delaware"


def test_unknown_place_after_a_known_one_is_still_read() -> None:
    # a second capitalised name that ends the sentence is a place ("Braga" after "Portugal")
    places = [f.value for f in extract_facts("Disputes go to the courts of Portugal, Braga.") if f.qualifier == "court"]
    assert places == ["Portugal, Braga"]

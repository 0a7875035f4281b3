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


# --- 1. a table row said with its column names ------------------------------------------------------

PLANS = """# Quillory pricing

## Plans

| Plan | Price | Seats | Storage |
|------|-------|-------|---------|
| Solo | $0 | 1 | 2 GB |
| Pro | $20/month | 5 | 100 GB |
| Team | $55/month | 25 | 1 TB |
| Campus | $120/month | 200 | 10 TB |
| Agency | $300/month | 500 | 50 TB |
"""


def test_table_row_names_its_columns() -> None:
    texts = [b.text for b in summarise(PLANS).key_terms]
    assert any("Pro plan: price $20/month, 5 seats, storage 100 GB" in t for t in texts), texts
    assert any("Solo plan: price $0, 1 seat, storage 2 GB" in t for t in texts), texts
    assert not any("$20/month; 5" in t for t in texts)


def test_two_column_table_keeps_its_rows_short() -> None:
    md = "# Fees\n\n## Fees\n\n| Item | Amount |\n| --- | --- |\n| Card fee | 3% |\n| Wire fee | $15 |\n"
    texts = [b.text for b in summarise(md).key_terms]
    assert any("Card fee: 3%; Wire fee: $15" in t for t in texts), texts


def test_table_without_header_row_is_read_as_before() -> None:
    md = "# Limits\n\n## Limits\n\n| Uploads per day | 40 |\n| Upload size | 2 GB |\n"
    texts = " ".join(b.text for b in summarise(md).key_terms)
    assert "uploads per day 40" not in texts.lower()

"""Summary of a document's current terms: clauses grouped by category, facts and watch-outs.

In the spirit of a consumer summary ("Credits are non-refundable and may expire after 12
months"): what a careful reader should know, with the clause it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SHORT = 240


@dataclass(frozen=True)
class Item:
    """One labelled clause (or sentence) of the document."""

    clause: str
    text: str
    categories: tuple[str, ...]
    watch: tuple[str, ...]
    facts: tuple[Any, ...]

    @property
    def short(self) -> str:
        return self.text if len(self.text) <= SHORT else self.text[: SHORT - 1].rstrip() + "…"

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "text": self.text,
            "categories": list(self.categories),
            "watch": list(self.watch),
            "facts": [{"kind": f.kind, "text": f.text, "value": f.value, "qualifier": f.qualifier}
                      for f in self.facts],
        }


@dataclass(frozen=True)
class Summary:
    by_category: dict[str, list[Item]] = field(default_factory=dict)
    watch: tuple[Item, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "watch": [i.to_dict() for i in self.watch],
            "categories": {c: [i.to_dict() for i in items] for c, items in self.by_category.items()},
        }


def summarise(markdown: str) -> Summary:
    """Label every non-heading clause; group by category in taxonomy order."""
    from tracker.analysis.classify import CATEGORIES, classify_many
    from tracker.analysis.clauses import split_clauses
    from tracker.analysis.facts import extract_facts

    clauses = [c for c in split_clauses(markdown) if c.kind != "heading"]
    labels = classify_many(c.text for c in clauses)
    by_category: dict[str, list[Item]] = {c: [] for c in CATEGORIES}
    watch: list[Item] = []
    for clause, label in zip(clauses, labels):
        if not label.categories:
            continue
        item = Item(clause.id, clause.text, label.categories, label.watch, tuple(extract_facts(clause.text)))
        for category in label.categories:
            by_category[category].append(item)
        if label.watch:
            watch.append(item)
    return Summary({c: items for c, items in by_category.items() if items}, tuple(watch))

"""Analysis of one version against the previous one: clause changes, labels and a summary.

A pure function of two texts, shared by a live run, ``reindex``, ``compare`` and history import,
so the same pair of texts always gets the same changes and the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITY_ORDER = ("none", "cosmetic", "minor", "material", "critical")


@dataclass(frozen=True)
class Analysis:
    """What changed between two versions, ready to store, print or publish."""

    changes: tuple[dict[str, Any], ...] = ()
    material: bool = False
    severity: str = "none"
    categories: tuple[str, ...] = ()
    cosmetic: tuple[str, ...] = ()
    summary: str = ""
    unchanged: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The ``compare --json`` interface (keys are a public contract)."""
        return {
            "material": self.material,
            "categories": list(self.categories),
            "changes": [
                {
                    "kind": c["kind"],
                    "material": c["material"],
                    "severity": c["severity"],
                    "categories": list(c["categories"]),
                    "explanation": c["explanation"],
                    "before": c["before"],
                    "after": c["after"],
                    "clause": c["clause_id"],
                }
                for c in self.changes
            ],
            "cosmetic": list(self.cosmetic),
            "severity": self.severity,
            "summary": self.summary,
            "unchanged": self.unchanged,
        }


def severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else 0


def analyse(old: str | None, new: str, *, kind: str = "changed", revert_of: str = "") -> Analysis:
    """Diff ``old`` → ``new`` clause by clause and label every change.

    ``kind`` is the version kind: a first version has no changes; a revert is diffed like any
    other version (so people can see what flipped back) but is never material: it restores terms
    the document already had.
    """
    if old is None or kind == "first":
        return Analysis(summary="First version recorded")
    from tracker.analysis.diff import diff_texts
    from tracker.analysis.materiality import label_change

    diff = diff_texts(old, new)
    changes: list[dict[str, Any]] = []
    for change in diff.changes:
        label = label_change(
            change.kind, change.before, change.after, heading=change.heading, text_changed=change.text_changed
        )
        changes.append(
            {
                "kind": change.kind,
                "clause_id": change.clause_id,
                "heading": change.heading,
                "before": change.before,
                "after": change.after,
                "material": label.material,
                "severity": label.severity,
                "categories": list(label.categories),
                "explanation": label.explanation,
                "cosmetic": label.cosmetic,
            }
        )
    if kind == "revert":
        for c in changes:
            c["material"] = False
    return _summarise(tuple(changes), diff.unchanged, kind, revert_of)


def _summarise(changes: tuple[dict[str, Any], ...], unchanged: int, kind: str, revert_of: str) -> Analysis:
    material_changes = [c for c in changes if c["material"]]
    severity = max((c["severity"] for c in changes), key=severity_rank, default="none")
    categories = sorted({cat for c in material_changes for cat in c["categories"]})
    cosmetic = sorted({c["cosmetic"] for c in changes if c.get("cosmetic")})
    if kind == "revert":
        summary = f"Reverted to the text of {revert_of[:10]}" if revert_of else "Reverted to an earlier text"
        return Analysis(changes, False, "cosmetic", (), tuple(cosmetic), summary, unchanged)
    if material_changes:
        ranked = sorted(material_changes, key=lambda c: -severity_rank(c["severity"]))
        summary = "; ".join(c["explanation"].rstrip(".") for c in ranked[:3])
        if len(ranked) > 3:
            summary += f"; and {len(ranked) - 3} more material changes"
    elif not changes:
        summary = "No clause changed"
    elif cosmetic and all(c.get("cosmetic") for c in changes):
        summary = "Cosmetic change only (" + ", ".join(cosmetic) + ")"
    else:
        summary = f"{len(changes)} clause{'s' if len(changes) != 1 else ''} changed, none materially"
    return Analysis(changes, bool(material_changes), severity, tuple(categories), tuple(cosmetic), summary, unchanged)

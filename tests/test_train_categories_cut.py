"""The category trainer's copy of the rules' version-level cut (``scripts/train_categories.py``:
``cut_inputs``, ``rules_cut``) gives what ``materiality.version_categories`` gives, so that the
looser cuts it measures start from the rules' own; a looser cut keeps a smaller topic the rules'
cut leaves out. Every text is invented (fictional services)."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document, version_categories

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import train_categories  # noqa: E402

OLD = """# Quillfeather Games Terms of Service

## 1. Purchases

Coins bought in the Quillfeather shop cost the price shown at checkout. Prices include applicable taxes.

## 2. Refunds

You may ask for a refund of any purchase within 14 days if you have not spent the coins.

## 3. Disputes

Any dispute will be heard by the courts located in Dover, Delaware.
"""

NEW = OLD.replace(
    "Prices include applicable taxes.", "Prices include applicable taxes. We may change prices at any time.").replace(
    "You may ask for a refund of any purchase within 14 days if you have not spent the coins.",
    "All purchases of coins are final and non-refundable, except where the law of your country requires a "
    "refund. Unused coins expire 12 months after purchase and are not refunded when your account is closed.").replace(
    "Any dispute will be heard by the courts located in Dover, Delaware.",
    "Any dispute arising from these terms shall be resolved exclusively by final and binding arbitration "
    "administered by the American Arbitration Association. You waive any right to a jury trial or to take part "
    "in a class action.")


def test_the_trainers_cut_is_the_rules_cut() -> None:
    diff = diff_texts(OLD, NEW)
    labels = label_document(diff.changes, OLD, NEW)
    cut = train_categories.cut_inputs(labels, NEW)
    voted = sorted(version_categories(labels, NEW, watch_outs=False))
    assert voted, "the rewrite is material"
    assert train_categories.rules_cut(cut) == voted
    assert train_categories.rules_cut(cut, watch_outs=True) == sorted(version_categories(labels, NEW))
    # every category voted for, none cut: at least the rules' own, and more than three here
    loose = train_categories.rules_cut(cut, 9, 0.0)
    assert set(voted) <= set(loose) and len(loose) > len(voted), (voted, loose)

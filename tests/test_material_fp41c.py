"""Issue 11, helper fp41c: a word put into or taken out of a legal doublet whose words mean one
thing ("replaces" → "replaces and supersedes", "any" → "any and all", "null and void" → "void"),
and the equivalents of "including" ("including" → "including without limitation", "such as" →
"including but not limited to"), change no term. Near misses stay material: a new promise
("represent" → "represent and warrant"), a modal ("may" → "may and will"), a new action ("suspend"
→ "suspend and terminate"), an open list closed ("including" → "limited to"), a value changed beside
a doublet, and a scope word dropped beside one ("all and any personal data" → "all and any data").
All text is invented (a fictional service, Quorvane)."""

from __future__ import annotations

import pytest

from tracker.analysis.novelty import doublet_window
from tracker.api import compare

_HEAD = "# Quorvane Terms of Service\n\nQuorvane Ltd runs the Quorvane seed-exchange app.\n\n"
_TAIL = "\n\nThese terms are governed by the laws of Ireland.\n"


def _compare(before: str, after: str):  # type: ignore[no-untyped-def]
    return compare(_HEAD + before + _TAIL, _HEAD + after + _TAIL)


@pytest.mark.parametrize("old, new, same", [
    ("it replaces your plan", "it replaces and supersedes your plan", True),
    ("it supersedes your plan", "it replaces and supersedes your plan", True),
    ("the clause is void", "the clause is null and void", True),
    ("waive any claims", "waive any and all claims", True),
    ("waive any and all claims", "waive all claims", True),
    ("fees including taxes", "fees including without limitation taxes", True),
    ("fees such as taxes", "fees including but not limited to taxes", True),
    ("fees including taxes", "fees limited to taxes", False),  # an open list closed
    ("you represent that", "you represent and warrant that", False),
    ("we may suspend", "we may and will suspend", False),
    ("we may suspend", "we may suspend and terminate", False),
    ("waive any claims", "waive all claims", False),  # two short forms: never read as one
    ("all and any personal data", "all and any data", False),
    ("it replaces your plan", "it replaces and supersedes all your plans", False),
])
def test_doublet_window_reads_only_a_doublet(old: str, new: str, same: bool) -> None:
    from difflib import SequenceMatcher

    bn, an = old.split(), new.split()
    ops = [op for op in SequenceMatcher(None, bn, an, autojunk=False).get_opcodes() if op[0] != "equal"]
    assert ops
    assert all(doublet_window(bn, an, (i1, i2), (j1, j2)) for _, i1, i2, j1, j2 in ops) is same


@pytest.mark.parametrize("before, after", [
    ("If you joined before 1 March 2031, these terms replace your existing agreement with Quorvane.",
     "If you joined before 1 March 2031, these terms replace and supersede your existing agreement with Quorvane."),
    ("You waive any claims against Quorvane arising from a seed swap between members.",
     "You waive any and all claims against Quorvane arising from a seed swap between members."),
    ("Any provision of these terms that a court finds unlawful is null and void.",
     "Any provision of these terms that a court finds unlawful is void."),
    ("Quorvane may remove listings that break the rules, including listings of invasive plants.",
     "Quorvane may remove listings that break the rules, including, without limitation, listings of invasive plants."),
    ("We charge fees such as a listing fee of 2 EUR per swap.",
     "We charge fees including but not limited to a listing fee of 2 EUR per swap."),
    ("You acknowledge that seed swaps are made at your own risk.",
     "You acknowledge and agree that seed swaps are made at your own risk."),
    ("All unpaid fees become due on the day your account is closed.",
     "All unpaid fees become due and payable on the day your account is closed."),
])
def test_a_doublet_said_in_full_or_in_part_is_not_material(before: str, after: str) -> None:
    result = _compare(before, after)
    assert not result.material
    assert result.categories == ()
    [change] = result.changes
    assert change.explanation.startswith("Reworded without a change of meaning: “")


def test_the_doublet_is_named_in_the_explanation() -> None:
    [change] = _compare("If you joined before 1 March 2031, these terms replace your existing agreement.",
                        "If you joined before 1 March 2031, these terms replace and supersede your existing "
                        "agreement.").changes
    assert change.explanation == "Reworded without a change of meaning: “replace” now “replace and supersede”"


@pytest.mark.parametrize("before, after", [
    # a warranty is a new promise
    ("You represent that you own the rights to every seed variety you list.",
     "You represent and warrant that you own the rights to every seed variety you list."),
    # a modal added
    ("Quorvane may suspend accounts that list invasive plants.",
     "Quorvane may and will suspend accounts that list invasive plants."),
    # a new action
    ("Quorvane may suspend accounts that list invasive plants.",
     "Quorvane may suspend and terminate accounts that list invasive plants."),
    # an open list closed
    ("You may use the app for personal purposes, including swapping seeds with neighbours.",
     "You may use the app for personal purposes, limited to swapping seeds with neighbours."),
    ("Refunds cover fees, including but not limited to the listing fee.",
     "Refunds cover fees, limited to the listing fee."),
    ("Refunds cover fees, only the listing fee.", "Refunds cover fees, such as the listing fee."),  # opened
    # the doublet is no change, the value beside it is
    ("You must bring any claims against Quorvane within 12 months of the swap.",
     "You must bring any and all claims against Quorvane within 3 months of the swap."),
    # a scope word dropped beside a doublet
    ("Quorvane deletes all and any personal data of a closed account after 30 days.",
     "Quorvane deletes all and any data of a closed account after 30 days."),
])
def test_words_beside_a_doublet_stay_material(before: str, after: str) -> None:
    assert _compare(before, after).material


def test_an_open_list_closed_says_so() -> None:
    [change] = _compare("Quorvane may share your personal data with partners, including seed merchants.",
                        "Quorvane may share your personal data with partners, limited to seed merchants.").changes
    assert change.material
    assert change.explanation == "The list is now closed: “limited to” instead of “including” (privacy)"

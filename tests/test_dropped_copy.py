"""A page that showed two copies of its terms (the superseded ones above the terms in force, or the
current ones beside the upcoming ones) and keeps one once the date has passed: the copy dropped is
no change of terms, though it differs from the one kept in a few clauses
(``scope.dropped_copy``, issue #11). A removed section that repeats nothing of the rest is still
read."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.diff import _split as split_clauses
from tracker.analysis.scope import dropped_copy

SECTIONS = [
    ("Accounts", "You must be 16 or older to open a Brambleworth account, and you must keep your password secret."),
    ("Fees", "Brambleworth charges the fees shown on the pricing page when you order, in the currency shown there."),
    ("Refunds", "You may ask for a refund within 14 days of an order if you have not used the credits it bought."),
    ("Content", "You keep the rights to the maps you upload, and you give us a licence to host and show them."),
    ("Conduct", "You must not upload maps that infringe the rights of others or that reveal private addresses."),
    ("Suspension", "We may suspend an account that breaks these terms after telling you why by email."),
    ("Liability", "Our liability for any claim is limited to the fees you paid us in the twelve months before it."),
    ("Law", "These terms are governed by the laws of Ireland, and the courts of Dublin hear any dispute."),
    ("Notices", "We send notices to the email address of your account, and you send yours to legal@brambleworth.test."),
    ("Changes", "We tell you about changes to these terms 30 days before they take effect, by email."),
    ("Support", "Our support team answers questions about your account on working days within two days."),
    ("Exports", "You may export every map of your account as a file at any time, also after you close it."),
]


def body(changed: dict[str, str] | None = None) -> str:
    changed = changed or {}
    return "".join(f"\n## {n}. {head}\n\n{changed.get(head, text)}\n" for n, (head, text) in enumerate(SECTIONS, 1))


TITLE = "# Brambleworth Terms of Service\n"
CURRENT = TITLE + body() + "\nLast revised 1 March 2026.\n"
# the superseded terms above the terms in force, under the same title, each copy ending with its date
BOTH = TITLE + body({
    "Refunds": "You may ask for a refund within 30 days of an order, whether or not you have used its credits.",
    "Liability": "Our liability for any claim is limited to 500 euros.",
    "Law": "These terms are governed by the laws of France, and the courts of Paris hear any dispute.",
}) + "\nLast revised 10 June 2024.\n\n**Effective 1 March 2026.**\n" + body() + "\nLast revised 1 March 2026.\n"


def test_the_superseded_copy_dropped_is_no_change() -> None:
    result = analyse(BOTH, CURRENT)
    assert result.changes and not result.material, result.summary


def test_the_copy_is_told_from_the_clauses() -> None:
    both = split_clauses(BOTH)
    copy = set(range(1, len(split_clauses(BOTH)) - len(split_clauses(CURRENT)) + 1))
    assert dropped_copy(both, copy) == copy
    assert dropped_copy(both, set(range(1, 4))) == set()  # too few clauses for a copy


def test_a_removed_section_is_still_read() -> None:
    longer = CURRENT + "".join(f"\n## Data sharing {n}\n\nWe share the maps of free accounts with partner {n} "
                               f"for advertising, and partner {n} may keep them for five years.\n" for n in range(12))
    assert analyse(longer, CURRENT).material


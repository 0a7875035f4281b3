"""A numbered list ("1. Account data: …", "2. Billing data: …") that a later capture sets out as
plain lines without their numbers is the same text, only renumbered; numbers that do not count 1, 2,
3… and a value after a full stop still count (a replay of a cloud host's privacy policy flagged
such a list as a material payment change)."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.materiality import _inline_numbering

HEAD = "## 1. Data we collect\n\nWhen you sign up, Nimbara Cloud collects the following categories of data:\n\n"
ITEMS = ["Account data: surname, forename, postal and email address, customer number etc.",
         "Billing and/or payment data: bank account details, methods of payment, invoices, etc.",
         "Usage data: services ordered, resources used, charges, support requests, etc."]
NUMBERED = "\n".join(f"{n}. {item}" for n, item in enumerate(ITEMS, 1))
PLAIN = "\n".join(ITEMS)


def test_a_numbered_list_set_out_as_plain_lines_is_not_material() -> None:
    for old, new in ((NUMBERED, PLAIN), (PLAIN, NUMBERED)):
        result = analyse(HEAD + old + "\n\n## 2. Use\n\nWe use it to bill you.\n",
                         HEAD + new + "\n\n## 2. Use\n\nWe use it to bill you.\n")
        assert result.changes and not result.material, result.summary


def test_only_numbers_that_count_from_one_are_dropped() -> None:
    run_in = "1. Account data: name etc. 2. Billing data: bank details etc. 3. Usage data: logs etc."
    assert _inline_numbering(run_in) == "Account data: name etc. Billing data: bank details etc. Usage data: logs etc."
    value = "Refunds are paid within the following number of days: 14. Billing data is kept for ten years."
    assert _inline_numbering(value) == value  # a lone number is a value
    skipped = "1. Account data: name etc. 3. Usage data: logs etc."
    assert _inline_numbering(skipped) == skipped


def test_a_value_changed_beside_the_list_is_still_material() -> None:
    old = HEAD + NUMBERED + "\n\nRefunds are paid within 14 days.\n"
    new = HEAD + PLAIN + "\n\nRefunds are paid within 45 days.\n"
    assert analyse(old, new).material

"""Table rows read by their column names (newuser9): a sub-processor's country replaced by another
("Germany" -> "United States") and a number a column counts ("Requests per minute" 10,000 ->
5,000) were "none materially"; the same cells with the columns in another order were flagged
material twice. The kinds: a cell's value replaced by a wholly other one under a section with a
legal category; a bare number changed in a column that counts something (not a date, version or
identifier); a table laid out anew with every value under the same column name. Invented tables
(Peoplenest, Cortexa AI, Quibly)."""

from __future__ import annotations

from tracker.analysis.analyse import analyse

SUBS = """# Peoplenest Privacy Policy

## 3. How we use data

We use your data to run payroll for your employer.

## 4. Sub-processors

We use the following sub-processors.

| Name | Purpose | Country |
| --- | --- | --- |
| Nimbus Cloud | Cloud hosting | Germany |
| Postwise | Transactional email | United States |
| Ledgerline | Payroll benchmarking | Ireland |
"""

PRICE = """# Cortexa AI pricing

## 1. API pricing

| Model | Input (per 1M tokens) | Output (per 1M tokens) | Requests per minute |
| --- | --- | --- | --- |
| cortex-large | $3.00 | $15.00 | 4,000 |
| cortex-small | $0.25 | $1.25 | 10,000 |

## 2. Deprecation

We will give at least 2 weeks notice before a model is removed.
"""

VERSIONS = """# Quibly release notes

## Versions of these terms

| Version | Published | Summary |
| --- | --- | --- |
| 3 | 2026 | Current terms |
"""


def _reorder(text: str) -> str:
    return (text.replace("| Model | Input (per 1M tokens) | Output (per 1M tokens) | Requests per minute |",
                         "| Model | Requests per minute | Output (per 1M tokens) | Input (per 1M tokens) |")
            .replace("| cortex-large | $3.00 | $15.00 | 4,000 |", "| cortex-large | 4,000 | $15.00 | $3.00 |")
            .replace("| cortex-small | $0.25 | $1.25 | 10,000 |", "| cortex-small | 10,000 | $1.25 | $0.25 |"))


def test_a_sub_processor_moved_to_another_country_is_material():
    got = analyse(SUBS, SUBS.replace("| Cloud hosting | Germany |", "| Cloud hosting | Brazil |"))
    assert got.material and "privacy" in got.categories, got.changes
    assert "Brazil" in got.changes[0].explanation and "Germany" in got.changes[0].explanation


def test_a_country_another_row_already_had_is_still_a_change():
    """"United States" is Postwise's country too: the value did not move, Nimbus Cloud's changed."""
    got = analyse(SUBS, SUBS.replace("| Cloud hosting | Germany |", "| Cloud hosting | United States |"))
    assert got.material, got.changes


def test_two_rows_swapping_values_is_no_change_of_value():
    swapped = (SUBS.replace("| Cloud hosting | Germany |", "| Cloud hosting | @@ |")
               .replace("| Transactional email | United States |", "| Transactional email | Germany |")
               .replace("@@", "United States"))
    got = analyse(SUBS, swapped)
    assert got.changes  # the rows changed; whether material is the other rules' call
    assert not any("instead of “Germany”" in c.explanation and "Country" in c.explanation for c in got.changes
                   if "Postwise" in c.explanation)


def test_a_counted_number_in_a_pricing_table_is_material():
    got = analyse(PRICE, PRICE.replace("| 10,000 |", "| 5,000 |"))
    assert got.material and "pricing" in got.categories, got.changes
    assert got.changes[0].explanation.startswith("Requests per minute for cortex-small is now 5,000 instead of 10,000")


def test_a_version_number_in_a_table_is_not():
    got = analyse(VERSIONS, VERSIONS.replace("| 3 | 2026 |", "| 4 | 2026 |"))
    assert not got.material, got.changes


def test_columns_in_another_order_are_no_change():
    got = analyse(PRICE, _reorder(PRICE))
    assert not got.material and {c.cosmetic for c in got.changes} == {"regrouped"}, got.changes


def test_columns_in_another_order_with_a_changed_value_are_still_material():
    got = analyse(PRICE, _reorder(PRICE).replace("| $15.00 | $3.00 |", "| $15.00 | $3.50 |"))
    assert got.material, got.changes

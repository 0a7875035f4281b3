"""Labelling clause changes: cosmetic kinds, fact changes, watch-outs, explanations."""

import json

import pytest

from tracker.materiality import COSMETIC_KINDS, SEVERITIES, label_change


@pytest.mark.parametrize("before,after,kind", [
    ("Last updated: March 1, 2026", "Last updated: June 5, 2026", "date-only"),
    ("Effective date: 1 March 2026", "Effective date: 5 June 2026", "date-only"),
    ("Read the [Zorblio policy](https://zorblio.example/a).",
     "Read the [Zorblio policy](https://zorblio.example/b).", "links-only"),
    ("Credits **never** expire.", "Credits _never_ expire.", "formatting"),
    ("- Credits never expire.", "* Credits never expire.", "formatting"),
    ("| Plan | Price |", "Plan | Price", "formatting"),
    ("Credits never  expire.\n", "Credits never expire.", "whitespace"),
    ("Credits never\u200b expire.", "Credits never expire.", "invisible-characters"),
    ("Credits\u00a0never expire.", "Credits never expire.", "invisible-characters"),
    ("Credits never expire.", "credits never expire", "punctuation-case"),
    ("7. Credits", "8. Credits", "renumbering"),
])
def test_cosmetic_kinds(before, after, kind):
    label = label_change("modified", before, after)
    assert label.cosmetic == kind
    assert label.severity == "cosmetic" and not label.material
    assert label.cosmetic in COSMETIC_KINDS


def test_moved_unchanged():
    label = label_change("moved", "Credits never expire.", "Credits never expire.",
                         text_changed=False)
    assert label.cosmetic == "moved-unchanged" and not label.material


def test_credit_expiry_explanation():
    label = label_change("modified", "Zorblio credits expire after 12 months.",
                         "Zorblio credits expire after 6 months.")
    assert label.material and label.severity == "material"
    assert label.explanation == "Zorblio credits now expire after 6 months instead of 12 (refunds)"


def test_arbitration_venue_explanation():
    label = label_change("modified", "Disputes go to binding arbitration in New York.",
                         "Disputes go to binding arbitration in San Francisco, California.")
    assert label.material and "arbitration" in label.categories
    assert label.explanation == ("Disputes now go to binding arbitration in San Francisco, "
                                 "California instead of New York (arbitration)")


def test_grace_period_explanation():
    label = label_change(
        "modified", "There is a grace period of at least 2 weeks before a model is removed.",
        "There is a grace period of at least 1 week before a model is removed.")
    assert label.explanation == ("The grace period before a model is removed is now at least "
                                 "1 week instead of at least 2 weeks (service-changes)")


def test_fallback_uses_the_heading():
    label = label_change("modified", "Pro: 12 months, Team: 24 months.",
                         "Pro: 6 months, Team: 24 months.", heading="7. Credit expiry")
    assert label.material
    assert label.explanation.startswith("Credit expiry: 12 months → 6 months")


def test_new_watch_out_is_critical():
    label = label_change("added", None, "Zorblio may terminate your account at any time without notice.")
    assert label.severity == "critical" and label.material
    assert label.watch_added == ("termination",)
    assert label.explanation.startswith("New: Zorblio may terminate")
    assert label.explanation.endswith("(termination)")


def test_strengthened_clause_is_critical():
    label = label_change("modified", "Disputes may be heard by the courts of Ontario.",
                         "All disputes shall be resolved exclusively by binding arbitration.")
    assert "arbitration" in label.watch_added and label.severity == "critical"


def test_removed_watch_out_is_good_news():
    label = label_change("removed", "All disputes shall be resolved exclusively by binding arbitration.", None)
    assert label.material and label.severity == "material"
    assert label.watch_removed == ("arbitration",)
    assert "good news" in label.explanation and "(arbitration)" in label.explanation


def test_added_boilerplate_is_minor():
    label = label_change("added", None, "Questions? Write to help@zorblio.example.")
    assert not label.material and label.severity == "minor" and label.categories == ()


def test_rewording_is_minor():
    label = label_change("modified", "You can reach the Zorblio support team by email.",
                         "You can contact the Zorblio support team by email.")
    assert not label.material and label.severity == "minor"


def test_modal_change_is_material():
    label = label_change("modified", "We will email you a receipt after each purchase.",
                         "We may email you a receipt after each purchase.")
    assert label.material and '"may email"' in label.explanation


def test_added_notice_waiver_is_material():
    label = label_change("modified", "We may suspend your account after a warning.",
                         "We may suspend your account without notice.")
    assert label.material and "without notice" in label.explanation


def test_price_change_with_facts():
    label = label_change("modified", "Each request costs $5.", "Each request costs $7.")
    assert label.explanation == "Each request now costs $7 instead of $5 (pricing)"
    assert [f.value for f in label.facts_before if f.kind == "money"] == ["USD 5.00"]
    assert [f.value for f in label.facts_after if f.kind == "money"] == ["USD 7.00"]


def test_to_dict_round_trips_through_json():
    label = label_change("modified", "Each request costs $5.", "Each request costs $7.")
    d = json.loads(json.dumps(label.to_dict()))
    assert d["severity"] in SEVERITIES and d["facts_after"][0]["kind"] == "money"

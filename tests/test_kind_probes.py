"""Every kind of false alarm of issue 11, probed with the invented pairs of
``benchmarks/kind_probes.py`` (fictional services, English, French and German), through the real
analysis behind ``tracker compare``: each pair must get the material flag it is listed with.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_announcement, is_contact_route
from tracker.analysis.materiality import duration_days
from tracker.analysis.novelty import spelling_variant, words

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "kind_probes.py"
_SPEC = importlib.util.spec_from_file_location("kind_probes", _PATH)
assert _SPEC and _SPEC.loader
probes = importlib.util.module_from_spec(_SPEC)
sys.modules["kind_probes"] = probes  # (a dataclass looks its module up there)
_SPEC.loader.exec_module(probes)

# A material change the tracker still misses (a new item in a list of data collected: issue 11's
# "missed" side, not a false alarm); kept in the probes so that its fix shows there.
_KNOWN_MISSES = {"list-reflow-7",
                 # a definition moved into a definitions section and narrowed there ("managed
                 # databases" left out): the clause that lost the words reads as a rewording
                 "restated-20"}
# A false alarm left: a sentence turned into a table row whose header says its verb ("Das Abo
# kostet 6,90 €" / "| Abo | Preis |"): the verb is lost, a noun gained.
_KNOWN_FALSE_ALARMS = {"harder-41"}

CASES = probes.cases()


def test_every_kind_has_six_cases_two_of_them_french_or_german():
    for kind in probes.KINDS:
        if kind == "harder":
            continue
        cases = [c for c in CASES if c.name.startswith(f"{kind}-") and not c.kind.endswith("/control")]
        assert len(cases) >= 6, kind
        foreign = [c for c in cases if any(name in c.old for name in ("Ventoline", "Knusperfeld"))]
        assert len(foreign) >= 2, kind


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(reason="left to fix")]
                                               if c.name in _KNOWN_MISSES | _KNOWN_FALSE_ALARMS else []) for c in CASES])
def test_probe_gets_its_material_flag(case):
    result = analyse(case.old, case.new)
    assert result.material == case.material, result.summary


@pytest.mark.parametrize("old,new", [("daß", "dass"), ("Gebühr", "Gebuehr"), ("Maßnahmen", "Massnahmen")])
def test_sharp_s_and_umlauts_written_out_are_one_word(old, new):
    assert spelling_variant(old.lower(), new.lower())


def test_a_letter_dropped_is_not_an_umlaut_written_out():
    assert not spelling_variant("dass", "das")
    assert not spelling_variant("weis", "weiß")


@pytest.mark.parametrize("text", ["Credits expire after purchase.[1]", "Credits expire after purchase.[^1]",
                                  "Credits expire after purchase.(1)", "Credits expire after purchase.¹"])
def test_a_footnote_marker_is_no_word(text):
    assert words(text) == words("Credits expire after purchase.")


def test_a_number_in_brackets_that_is_a_term_stays_a_word():
    assert "30" in words("Refunds are paid within (30) days.")
    assert "2" in words("Plan 2 costs more.")


@pytest.mark.parametrize("a,b,same", [("P1Y", "P365D", True), ("P1D", "PT24H", True), ("P2W", "P14D", True),
                                      ("PT30M", "PT0.5H", True), ("P6M", "P180D", True), ("P1Y", "P2Y", False),
                                      ("P30D", "P60D", False), ("P1M", "P1W", False)])
def test_durations_are_compared_in_days(a, b, same):
    da, db = duration_days(a), duration_days(b)
    assert da and db
    assert (abs(da - db) <= 0.02 * max(da, db)) == same


def test_a_cookie_kept_for_the_same_time_in_another_unit_is_not_material_and_a_longer_one_is():
    old = "# Cookies\n\n| Cookie | Purpose | Expiry |\n| --- | --- | --- |\n| zz_id | Analytics | 1 year |\n"
    assert not analyse(old, old.replace("1 year", "12 months")).material
    assert analyse(old, old.replace("1 year", "13 months")).material


@pytest.mark.parametrize("text", [
    "If you keep browsing Plinkett after this date, you agree to the revised Cookie Policy.",
    "Your further use of Plinkett means you accept the amended Terms.",
    "Si vous continuez à utiliser Plinkett après cette date, vous acceptez les nouvelles conditions.",
    "Wenn Sie Plinkett nach diesem Datum weiterhin nutzen, stimmen Sie den neuen Bedingungen zu.",
    "Wir haben die Abschnitte zur Kündigung verständlicher formuliert.",
    "Nous avons clarifié les articles sur la résiliation.",
    "The section on refunds has been reworded.",
])
def test_announcements_in_other_words(text):
    assert is_announcement(text)


@pytest.mark.parametrize("text", [
    "If you use the app after this date you must pay the new price.",
    "We may change these Terms at any time; if you keep using Plinkett after the change you accept the new Terms.",
    "Wir haben die Kündigungsfrist auf 3 Monate verlängert.",
    "We have clarified that refunds are paid within 30 days.",
])
def test_terms_near_those_words_are_not_announcements(text):
    assert not is_announcement(text)


def test_a_label_before_a_contact_route_and_a_term_behind_one():
    assert is_contact_route("Privacy questions: write to our Data Protection Officer at dpo@plinkett.example")
    assert not is_contact_route("Refunds: write to us within 14 days.")


SPLIT = "# Plinkett Terms\n\n## Fees\n\nWe may change our fees on 30 days' notice.\n\n## Law\n\nIrish law applies.\n"


@pytest.mark.parametrize("new,material", [
    ("We may change our fees. We will give you 30 days' notice.", False),
    ("We may change our fees. We will not give you notice.", True),
    ("We may change our fees. We will give you 10 days' notice.", True),
    ("We may change our fees at any time. Notice is given by e-mail at least 30 days before.", True),
])
def test_a_sentence_split_in_two_is_regrouped_unless_a_word_of_force_comes_in(new, material):
    result = analyse(SPLIT, SPLIT.replace("We may change our fees on 30 days' notice.", new))
    assert result.material == material, result.summary


def test_an_inline_list_turned_into_items_is_regrouped_and_a_new_item_is_not():
    old = "# Plinkett Rules\n\nYou must not use Plinkett to send spam, to scrape websites or to mine crypto.\n\n## Law\n\nIrish law applies.\n"
    items = "You must not use Plinkett to:\n\n* send spam;\n* scrape websites; or\n* mine crypto.\n"
    new = old.replace("You must not use Plinkett to send spam, to scrape websites or to mine crypto.\n", items)
    assert not analyse(old, new).material
    more = new.replace("* mine crypto.", "* mine crypto; or\n* resell accounts.")
    assert analyse(old, more).material


AGE = "# Plinkett Terms\n\n## Eligibility\n\n{X}\n\nYou are responsible for your account.\n\n## Law\n\nIrish law applies.\n"
_MINIMUM_FORMS = ["You must be at least 16 years old to use Plinkett.", "You must be 16 years of age or older to use Plinkett.",
                  "You must be aged 16 or over to use Plinkett.", "You must be over the age of 16 to use Plinkett."]


@pytest.mark.parametrize("old", _MINIMUM_FORMS)
@pytest.mark.parametrize("new", _MINIMUM_FORMS)
def test_the_same_minimum_age_in_other_words_is_not_material(old, new):
    if old != new:
        result = analyse(AGE.replace("{X}", old), AGE.replace("{X}", new))
        assert not result.material, result.summary


@pytest.mark.parametrize("old,new", [
    ("You must be at least 16 years old to use Plinkett.", "You must be at least 18 years old to use Plinkett."),
    ("You must be at least 16 years old to use Plinkett.", "You must be under 16 years old to use Plinkett."),
    ("You must be over the age of 16 to use Plinkett.", "You must be 13 years of age or older to use Plinkett."),
])
def test_another_minimum_age_stays_material(old, new):
    assert analyse(AGE.replace("{X}", old), AGE.replace("{X}", new)).material

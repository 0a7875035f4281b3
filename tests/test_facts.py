"""Fact extraction from fictional clauses."""

import pytest

from tracker.analysis.facts import Fact, extract_facts, number


def facts(text: str, kind: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.kind == kind]


def test_money_in_several_spellings():
    text = "A Zorblio seat costs $5, USD 10 or €20; support is 7 dollars; refunds up to £3.50."
    values = [f.value for f in facts(text, "money")]
    assert values == ["USD 5.00", "USD 10.00", "EUR 20.00", "USD 7.00", "GBP 3.50"]
    assert facts(text, "money")[4].qualifier == "up to"


def test_percentages():
    [fee] = facts("Zorblio keeps a 0.5% fee on each top-up.", "percent")
    assert (fee.text, fee.value) == ("0.5%", "0.5%")
    assert facts("a fee of 20 percent applies", "percent")[0].value == "20%"


def test_durations_and_notice_periods():
    text = ("Credits expire after 12 months. The grace period is at least 2 weeks. We give 30 "
            "days' notice, keep logs for one (1) year and ninety (90) days, and reply within "
            "24 hours.")
    got = {(f.text, f.value, f.qualifier) for f in facts(text, "duration")}
    assert ("after 12 months", "P12M", "after") in got
    assert ("at least 2 weeks", "P2W", "at least") in got
    assert ("30 days' notice", "P30D", "notice") in got
    assert ("for one (1) year", "P1Y", "for") in got
    assert ("ninety (90) days", "P90D", "") in got
    assert ("within 24 hours", "PT24H", "within") in got


def test_ages_are_not_durations():
    text = "Users under 13 may not sign up; you must be 18 years of age or the age of majority."
    assert [f.value for f in facts(text, "age")] == ["13", "18", "majority"]
    assert facts(text, "age")[0].qualifier == "under"
    assert facts(text, "duration") == []


def test_places_courts_and_arbitration_bodies():
    text = ("Disputes go to JAMS or the American Arbitration Association in New York; claims are "
            "heard by the state or federal courts located in San Francisco County, California.")
    places = facts(text, "place")
    court = [f for f in places if f.qualifier == "court"]
    assert court and court[0].value == "San Francisco County, California"
    bodies = {f.value for f in places if f.qualifier == "arbitration body"}
    assert bodies == {"JAMS", "AAA"}
    assert "New York" in {f.value for f in places}


def test_places_in_lowercased_text():
    [court, *_] = facts("all claims go to the courts of england and wales .", "place")
    assert court.value == "England and Wales" and court.qualifier == "court"


def test_modality_and_negation():
    text = "Zorblio may terminate your account without notice, at any time, in its sole discretion, and will not refund you."
    modal = {(f.value, f.qualifier) for f in facts(text, "modality")}
    assert ("may", "terminate") in modal and ("will not", "refund") in modal
    assert "at any time" in {f.value for f in facts(text, "modality")}
    assert any("sole discretion" in f.value for f in facts(text, "modality"))
    assert [f.value for f in facts(text, "negation")] == ["without notice"]


def test_number_words():
    assert number("ninety (90)") == 90 and number("thirty-six") == 36 and number("1,000") == 1000
    assert number("a") == 1 and number("lots") is None


def test_empty_text_has_no_facts():
    assert extract_facts("") == []


def test_modal_words_inside_names_and_dates_are_not_modalities():
    text = "Write to Zorblio Ltd, 9 Canwick Road, Cantley; the offer ends 27 MAY, 2031."
    assert [f for f in extract_facts(text) if f.kind == "modality"] == []
    assert [f.value for f in facts("YOU MAY OPT OUT BEFORE 3 MAY 2031.", "modality")] == ["may"]


def _unfiltered(text: str) -> list[Fact]:
    """Every English extractor run on the text, without the cheap tests that skip them."""
    from tracker.analysis import facts as f

    return (f._money(text) + f._percent(text) + f._durations(text) + f._ages(text) + f._places(text)
            + f._modality(text) + f._negations(text))


def test_cheap_tests_never_skip_a_fact():
    # Each text is a near miss or a hit for one of the cheap tests in front of the extractors
    # (digits, currency words, unit words, "age", place words and phrases), in both cases.
    from tracker.analysis.facts import _en_facts

    texts = [
        "Quillpad charges 12 USD a month, or 100 eur a year; US$ 5 buys a sticker.",
        "The fee is 3 per cent, about 4 PERCENT of 70 Dollars, never 5% of 9 pounds.",
        "Refunds within thirty days; a WEEK of notice; an hour; 2 years old; 18 years of age.",
        "You must be under 16, over the AGE OF MAJORITY, or of legal age.",
        "Courts of New York County and the Southern District of New York; JAMS in SAN FRANCISCO.",
        "Disputes go to the American Arbitration Association, then to the courts of Ireland.",
        "The new york office remained closed; maine concerns; we have no place names here at all.",
        "Maine, Texas5 and 5Texas are near misses; Newark is not New York; Ohio-based firms.",
        "Nothing to see: no digit, no unit, no place, but we may change these terms at any time.",
        "Courts of Texaſ, 2 \u212aM of \u212aansas: the Kelvin sign and the long s fold under re.I.",
        "Zorblio £3 fee, ¥500 or €7 per calendar day in Zürich and Genève, 20 % off.",
        "",
        "7",
        "age",
    ]
    for text in texts:
        assert _en_facts(text) == _unfiltered(text), text
    assert any(_unfiltered(t) for t in texts[:6])  # the hits are hits


def test_letters_that_case_fold_to_ascii_never_crash_fact_extraction():
    # re.I matches "ſ" (long s) as "s" and "K" (Kelvin sign) as "k": lookups must fold the same way
    from tracker.analysis import analyse

    for text in ("Refunds within 3 ſeconds of a request.", "Credits expire after 12 monthſ.",
                 "Disputes go to the American Arbitration Aſſociation.", "Fees of 5 \u212aB per file."):
        extract_facts(text)
        analyse("Refunds within 3 days of a request.", text)


def test_a_court_in_a_city_no_list_knows_is_still_a_court():
    from tracker.analysis import analyse

    facts = extract_facts("Any dispute will be heard by the courts of Brackenford, Dunmore.")
    assert any(f.qualifier == "court" and f.value == "Brackenford, Dunmore" for f in facts)
    old = "## Disputes\n\nAny dispute will be heard by the courts of Brackenford.\n"
    result = analyse(old, old.replace("Brackenford", "Ostravel"))
    assert result.material and "jurisdiction" in result.categories  # not "only a name changed"
    assert "Ostravel" in result.summary and "Brackenford" in result.summary


# --- a law named in German, and an arbitral tribunal that is no court ----------------------------------

@pytest.mark.parametrize("text, place", [
    ("Diese Bedingungen unterliegen Schweizer Recht.", "Switzerland"),
    ("Diese Bedingungen unterliegen dem Recht der Republik Österreich.", "Österreich"),
    ("Es gilt belgisches Recht.", "Belgium"),
])
def test_a_german_law_of_the_contract_is_read(text: str, place: str) -> None:
    from tracker.analysis.facts import law_places

    assert law_places(text) == [place]


def test_an_arbitral_tribunal_is_no_court() -> None:
    facts = extract_facts("Diese Bedingungen unterliegen Schweizer Recht, und alle Streitigkeiten werden durch ein "
                          "Schiedsgericht in Zürich endgültig entschieden.")
    assert not [f for f in facts if f.qualifier == "court"], facts
    courts = extract_facts("Für alle Streitigkeiten sind die Gerichte in Wien zuständig.")
    assert [f.value for f in courts if f.qualifier == "court"] == ["Wien"], courts


@pytest.mark.parametrize("text, place, role", [
    ("Any dispute will be resolved by binding arbitration seated in Geneva, Switzerland.", "Geneva", "arbitration"),
    ("Disputes go to mediation held in Lyon before any claim is brought.", "Lyon", "arbitration"),
    ("Our office is at 4 Harbour Road, Geneva, where we answer letters.", "Geneva", ""),
])
def test_a_place_after_arbitration_or_mediation_is_named_for_it(text: str, place: str, role: str) -> None:
    """The role of a place (materiality._place_role): the seat of an arbitration or mediation
    named shortly before it is "arbitration"; an office address is no role (its regex once held
    backspace characters where word boundaries were meant, and never matched)."""
    from tracker.analysis.facts import Fact
    from tracker.analysis.materiality import _place_role

    assert _place_role(Fact("place", place, place), text) == role

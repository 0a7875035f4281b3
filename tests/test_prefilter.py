"""The regex pre-check skips only rules that cannot match: same hits with and without it."""

import random
import re

import pytest

from tracker.analysis import classify
from tracker.analysis.classify import normalize, rule_hits
from tracker.analysis.prefilter import RuleFilter, heads

SENTENCES = [
    "Zorblio may change its prices at any time, and fees are non-refundable.",
    "Each Quibblr request costs $0.002 per token, billed monthly or yearly.",
    "Any dispute will be settled by binding arbitration in Travis County, Texas.",
    "Users under 13 may not open an account; 30 days' notice applies to closures.",
    "Les litiges relèvent des tribunaux de Paris ; les frais sont de 9,99 € par mois.",
    "Für Streitigkeiten ist das Gericht in München zuständig; Gebühren fallen monatlich an.",
    "Quibblr keeps your chat transcripts for 60 days and then erases them.",
    "Legal notice.",
    "",
]


def test_heads_are_the_first_word_beginnings():
    # a word whose end the pattern says is a whole word ("price "), else its beginning ("fees":
    # any word that starts so; "0": any number)
    assert heads(re.compile(r" (?:price|fees?|\d+ %) ")) == frozenset({"price ", "fee ", "fees", "0", "1", "2", "3",
                                                                        "4", "5", "6", "7", "8", "9"})
    assert heads(re.compile(r" as is ")) == frozenset({"as "})
    assert heads(re.compile(r" (?:as|asset\w*) ")) == frozenset({"as ", "asset"})
    assert heads(re.compile(r" (?:conditions|condi) ")) == frozenset({"condit", "condi "})  # (HEAD letters at most)


def test_a_whole_word_head_starts_no_longer_word():
    flt = RuleFilter([re.compile(r" (?:fee|as) (?:is|due) ")])
    norm = " the feedback as is a fee due asis "
    assert flt.starts(norm) == {0: [13, 21]}  # not "feedback", not "asis"
    assert [norm[i:i + 4] for i in (13, 21)] == [" as ", " fee"]
    assert flt.mask(" the feedback ") == 1  # (the mask reads word beginnings only: a superset)
    assert flt.mask(" the budget ") == 0


@pytest.mark.parametrize("pattern", [r"fee", r" (?:a|\w+) b", r"(?i) fee", r" .fee"])
def test_patterns_it_cannot_model_are_always_searched(pattern):
    assert heads(re.compile(pattern)) is None
    flt = RuleFilter([re.compile(pattern)])
    assert flt.mask(" nothing alike ") == 1


def test_same_hits_with_and_without_the_pre_check(monkeypatch):
    rng = random.Random(7)
    words = " ".join(SENTENCES).split()
    texts = SENTENCES + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
                         for _ in range(400)]
    texts += ["".join(rng.choice(" abcdefghij0123456789$%€éü٣") for _ in range(60)) for _ in range(200)]
    norms = [normalize(t) for t in texts] + [" ٣ % applies ", " fee"]  # odd, unnormalized text
    langs = ("en", "fr", "de")
    with_check = [rule_hits(n, lang) for n in norms for lang in langs]
    monkeypatch.setattr(RuleFilter, "starts", lambda self, norm: None)  # every rule searched whole
    assert [rule_hits(n, lang) for n in norms for lang in langs] == with_check
    assert any(t for t, _ in with_check)


def test_the_pre_check_skips_rules(monkeypatch):
    flt = classify._filter("en")
    bits = flt.mask(normalize("The weather is nice today."))
    assert bin(bits).count("1") < bin(flt.all).count("1") / 2


def test_starts_are_the_spaces_before_a_possible_match():
    flt = RuleFilter([re.compile(r" (?:fees?|price) "), re.compile(r" as is "), re.compile(r"fee")])
    norm = " the fee and the price as is fee "
    assert flt.starts(norm) == {0: [4, 16, 28], 1: [22]}  # pattern 2 has no pre-check
    assert [norm[i:i + 5] for i in (4, 16, 28, 22)] == [" fee ", " pric", " fee ", " as i"]
    assert flt.unchecked == {2}
    assert flt.starts(" ٣ fee ") is None  # not a normalized text: search it whole


def test_a_negated_match_hides_the_overlapping_ones_as_finditer_does():
    # the rule's second candidate ("sell") lies inside its first, negated match; finditer never
    # sees it, and neither does the pre-checked path
    pattern = re.compile(r" (?:share|sell)(?: \w+){0,3} data ")
    norm = " we do not share or sell data with partners and sell data "
    flt = RuleFilter([pattern])
    starts = flt.starts(norm)[0]
    assert len(starts) == 3
    assert classify._first(pattern, norm, starts, True) == classify._negated_hit(pattern, norm) \
        == "sell data"
    assert norm.index(" sell data ") > norm.index(" share or sell data ")
    assert classify._first(pattern, norm, starts) == "share or sell data"


def test_heads_are_kept_in_the_cache_folder_and_read_back_the_same(tmp_path, monkeypatch):
    """``kept_heads`` works out each rule's heads once and keeps them in the user cache folder: a
    later process reads them back instead of parsing the rules again, the same heads; a damaged
    file is worked out again."""
    from tracker.analysis import prefilter

    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(prefilter, "_HEADS", {})
    topic, watch = classify._compiled("en")
    patterns = [p for _, _, p in topic] + [p for _, _, p, _ in watch]
    expected = [heads(p) for p in patterns]
    assert prefilter.kept_heads(patterns) == expected
    (path,) = tmp_path.glob("heads-*.marshal")

    parsed = []
    monkeypatch.setattr(prefilter, "heads", lambda p: parsed.append(p) or heads(p))
    monkeypatch.setattr(prefilter, "_HEADS", {})  # a new process
    assert prefilter.kept_heads(patterns) == expected and parsed == []  # read back, none parsed
    path.write_bytes(b"not marshal data")
    monkeypatch.setattr(prefilter, "_HEADS", {})
    assert prefilter.kept_heads(patterns) == expected and len(parsed) == len(patterns)
    text = normalize("You may cancel your subscription and get a refund of the fees within 14 days.")
    kept = RuleFilter(patterns)
    monkeypatch.setenv("TRACKER_CACHE_DIR", "off")  # no folder: every rule parsed
    monkeypatch.setattr(prefilter, "_HEADS", {})
    plain = RuleFilter(patterns)
    assert kept.mask(text) == plain.mask(text) and kept.starts(text) == plain.starts(text)
    assert kept.unchecked == plain.unchecked

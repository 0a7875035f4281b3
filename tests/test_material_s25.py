"""Kinds of wrong material flags on real pairs (issue 11, session 25, worked by kind), each on
invented terms of fictional services, with look-alikes that keep their label.

- an exception put into a duty or a prohibition ("to refrain from pen names" → "except for posts
  on the review board, to refrain from pen names"): what is required or banned now has a hole, a
  change of scope (``materiality._exception_added``); an exception in a clause that binds no one,
  or a rewording that keeps the exception, is no such change.
- a dotted acronym at the end of a compound or glued to the word before it ("EU-U.S. Data Privacy
  Framework", "theU.S. embargo") ended the clause's sentence there (``clauses._is_abbreviation``);
  a plain word before a full stop still ends one.
- a negation one letter away from a plain word ("ever" → "never", "Neither party" → "Either
  party") was read as a spelling fix or a name replaced (``novelty.spelling_variant``,
  ``materiality.find_renames``): a negation that comes or goes is material; a real spelling
  variant ("honour" → "honor") stays cosmetic.
- a drop cap lost by the capture ("our use of the service …" for "Your use of the service …") was
  read as another party (``materiality._first_letter_lost``, the check for a first letter lost at
  any line start): one side being the other without its first, capital letter, the shorter one
  opening in lower case, is formatting; "Our use" →
  "Your use" (both capitalised) stays a change of party.
- a commitment made by a company named ("Lantrix commits to refund ...", "the Provider undertakes
  not to ...", "Lantrix s'engage à ...") was read as text without legal effect: "commits to" and
  "undertakes to" were duties only after a pronoun, and "commits" was no verb
  (``materiality._LEGAL_EFFECT``, ``boilerplate._VERBS``); a company saying it "is committed to"
  something stays a mission statement.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.clauses import split_sentences
from tracker.analysis.materiality import label_change, without_directions


def _material(old: str, new: str) -> bool:
    return analyse(old, new).material


_HEAD = "# Quillfeather Community Rules\n\n## Your account\n\nYou may change your avatar at any time.\n\n"


def test_exception_added_to_a_duty_is_material() -> None:
    old = _HEAD + "Members agree:\n\n* (a) to post under their real name, and to refrain from using pen names,\n"
    new = _HEAD + ("Members agree:\n\n* (a) to post under their real name, and - except for reviews on the "
                   "recipe exchange board - to refrain from using pen names,\n")
    analysis = analyse(old, new)
    assert analysis.material
    assert any("exception" in c.explanation for c in analysis.changes if c.material)


def test_exception_added_to_a_prohibition_is_material() -> None:
    label = label_change("modified", "You must not resell the Quillfeather kits you buy.",
                         "You must not resell the Quillfeather kits you buy, except for unopened kits returned "
                         "through our partner shops.")
    assert label.material


def test_exception_in_a_description_is_not_a_duty_change() -> None:
    # a clause that binds no one: an exception in it describes the service, no duty changed
    label = label_change("modified", "Quillfeather shows recipes in every region.",
                         "Quillfeather shows recipes in every region except for seasonal menus.")
    assert not label.explanation.startswith("Adds an exception")


def test_exception_kept_while_reworded_is_not_flagged_as_new() -> None:
    old = _HEAD + "You must not share recipes from the vault, except for recipes you wrote yourself.\n"
    new = _HEAD + "You must not share recipes from the vault, except for the recipes you wrote yourself.\n"
    assert not _material(old, new)


def test_compound_dotted_acronym_does_not_end_a_sentence() -> None:
    text = ("Lumora relies on the EU-U.S. Data Privacy Framework for transfers. Lumora also relies on the "
            "Swiss/U.S. Framework. It does not sell to anyone in theU.S. Treasury lists.")
    assert split_sentences(text) == [
        "Lumora relies on the EU-U.S. Data Privacy Framework for transfers.",
        "Lumora also relies on the Swiss/U.S. Framework.",
        "It does not sell to anyone in theU.S. Treasury lists."]


def test_hyphenated_word_before_a_full_stop_still_ends_a_sentence() -> None:
    assert split_sentences("We offer a read-only view. You may export it.") == [
        "We offer a read-only view.", "You may export it."]


_FEES = "# Zentro Terms\n\n## Fees\n\nYou pay the fee shown at checkout.\n\n"


def test_ever_to_never_is_material_both_ways() -> None:
    assert _material(_FEES + "We will ever sell your playlists.\n", _FEES + "We will never sell your playlists.\n")
    assert _material(_FEES + "We will never sell your playlists.\n", _FEES + "We will ever sell your playlists.\n")


def test_neither_to_either_is_no_rename() -> None:
    analysis = analyse(_FEES + "Neither party may assign this agreement.\n",
                       _FEES + "Either party may assign this agreement.\n")
    assert analysis.material
    assert not any(c.cosmetic == "renamed" for c in analysis.changes)


def test_real_spelling_variant_stays_cosmetic() -> None:
    analysis = analyse(_FEES + "We honour every refund request.\n", _FEES + "We honor every refund request.\n")
    assert not analysis.material


def test_drop_cap_lost_is_formatting_both_ways() -> None:
    whole, broken = "Your use of the Lantrix app is at your own risk.", "our use of the Lantrix app is at your own risk."
    for old, new in ((broken, whole), (whole, broken)):
        analysis = analyse(_FEES + old + "\n", _FEES + new + "\n")
        assert not analysis.material
        assert [c.cosmetic for c in analysis.changes] == ["formatting"]


def test_other_pronoun_with_a_capital_is_still_a_change() -> None:
    assert _material(_FEES + "Our use of the Lantrix app is at your own risk.\n",
                     _FEES + "Your use of the Lantrix app is at your own risk.\n")


def test_commitment_by_a_named_company_is_material() -> None:
    for text in ("Lantrix commits to refund any unused credits within 14 days.",
                 "Lantrix undertakes not to share your playlists with advertisers.",
                 "Lantrix s’engage à rembourser les crédits non utilisés sous 14 jours."):
        label = label_change("added", None, text)
        assert label.material, text


def test_mission_statement_is_still_no_commitment() -> None:
    assert not label_change("added", None, "Lantrix is committed to protecting your privacy.").material


_PRIVACY = "# Zentro Privacy\n\n## What we keep\n\nWe keep all the messages you send us, and all the files.\n\n"
_TABLE = "| Purposes | Categories of personal data | Legal basis | Retention |\n| --- | --- | --- | --- |\n"


def test_first_letter_lost_at_a_break_in_a_cell_is_formatting() -> None:
    old = _PRIVACY + _TABLE + ("| Answering your data protection requests | Identity data User account information ll the "
                               "data related to the request | Legal obligation | 5 years from closing |\n")
    new = _PRIVACY + _TABLE + ("| Answering your data protection requests | Identity data  <br>User account information  "
                               "<br>All the data related to the request | Legal obligation | 5 years from closing |\n")
    analysis = analyse(old, new)
    assert not analysis.material, analysis.summary


def test_pronoun_changed_inside_a_sentence_is_not_a_lost_letter() -> None:
    old = _FEES + "We keep the data you send us, and our use of it is limited to support.\n"
    new = _FEES + "We keep the data you send us, and Your use of it is limited to support.\n"
    assert _material(old, new)


_OPT = "# Zentro Privacy\n\n## Your choices\n\nWe share listening data with ad partners.\n\n"


def test_directions_put_into_a_sentence_are_no_new_term() -> None:
    old = _OPT + ("To opt out, please visit [here](https://zentro.example/optout) or call our toll-free "
                  "number at 800-555-0199.\n")
    new = _OPT + ("To opt out, please visit [here](https://zentro.example/choices) (scroll down to _Opt Out of "
                  "“Selling” (“Sharing” Under the Act_ and click through the link so that your account is "
                  "matched with the request) or call our toll-free number at 800-555-0199.\n")
    analysis = analyse(old, new)
    assert not analysis.material, analysis.summary


def test_without_directions_keeps_other_brackets() -> None:
    assert without_directions("You may opt out (tap Settings, then Privacy).") == "You may opt out."
    kept = "You may cancel (within 30 days of purchase) for a refund."
    assert without_directions(kept) == kept


def test_new_term_with_directions_is_still_material() -> None:
    old = _OPT + "To opt out, please call our toll-free number at 800-555-0199.\n"
    new = _OPT + ("To opt out, please call our toll-free number at 800-555-0199.\n\nWe may also sell your "
                  "listening history to data brokers (scroll down to Opt Out to refuse).\n")
    assert _material(old, new)

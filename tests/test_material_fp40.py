"""A name renamed throughout the document is no change of terms, even where the new name is
mistyped once (issue 11, precision; fp40), on invented terms of a fictional service. Near misses
stay material: a right or a value changed beside the mistyped name."""

from __future__ import annotations

from tracker.analysis import analyse

OLD = """\
# Zorvex Developer Terms

## 1. Scope

These Zorvex Developer Terms govern your use of the Zorvex platform and the Zorvex APIs.

## 2. Your app

You must not use data you receive from Zorvex to build profiles of users of Zorvex.
Zorvex may suspend your app if it breaks these terms.

## 3. Data

The categories of data subjects are the users who interact with your app and the products of Zorvex Ireland Limited.
Zorvex keeps the logs of your API calls for 30 days.

## 4. Contact

Write to Zorvex with any question about these terms.
"""


def _renamed(new_name_in_section_3: str, days: str = "30") -> str:
    # (the old name still said once, as a banner does: no single replacement is a rename on its own)
    new = OLD.replace("Zorvex", "Quillmark").replace("## 1. Scope", "Zorvex is now Quillmark.\n\n## 1. Scope")
    return new.replace("products of Quillmark Ireland", f"products of {new_name_in_section_3} Ireland").replace(
        "for 30 days", f"for {days} days")


def test_a_name_renamed_throughout_with_one_typo_is_not_material() -> None:
    # "Zorvex" → "Quillmark" nine times, and once "Quilmark": the same rename, mistyped
    a = analyse(OLD, _renamed("Quilmark"))
    assert not a.material, [c.explanation for c in a.changes if c.material]
    typo = [c for c in a.changes if "Quilmark" in (c.after or "")]
    assert len(typo) == 1 and typo[0].cosmetic == "renamed", typo  # said as the rename it is
    assert "Zorvex → Quilmark" in typo[0].explanation


def test_the_rename_throughout_alone_is_not_material() -> None:
    assert not analyse(OLD, _renamed("Quillmark")).material


def test_a_right_changed_beside_the_mistyped_name_stays_material() -> None:
    # the mistyped name explains only itself: "must not use data" → "may use data" is a new right
    new = _renamed("Quillmark").replace("You must not use data you receive from Quillmark to build",
                                        "You may use data you receive from Quilmark to build")
    a = analyse(OLD, new)
    assert a.material
    assert any("You may use data" in (c.after or "") and c.material for c in a.changes)


def test_a_period_changed_beside_the_mistyped_name_stays_material() -> None:
    a = analyse(OLD, _renamed("Quilmark", days="90"))
    assert a.material
    assert any("90" in (c.after or "") and c.material for c in a.changes)


# --- a lower-case term settled on throughout: "membership fee" → "subscription fee" -------------
TERMS = """\
# Brindlecast Terms of Use

## 1. Plans

Brindlecast offers several subscription plans. Your membership plan is shown on your account page.
The subscription fee for each plan is shown before you sign up.

## 2. Billing

Unless you cancel before your billing date, you authorise us to charge the membership fee for the next billing cycle.
We may change the membership fee of your membership plan; we will tell you at least 30 days before.

## 3. Cancellation

You can cancel your membership at any time; your membership plan ends at the end of the billing period.
"""


def _settled(text: str) -> str:
    return (text.replace("membership fee", "subscription fee").replace("membership plan", "subscription plan"))


def test_a_term_settled_on_throughout_is_not_material() -> None:
    # the old text said "subscription fee" once and "membership fee" elsewhere: the new one says
    # "subscription" before "fee" and "plan" everywhere, the rest of each clause unchanged
    a = analyse(TERMS, _settled(TERMS))
    assert not a.material, [c.explanation for c in a.changes if c.material]
    billing = [c for c in a.changes if "charge the subscription fee" in (c.after or "")]
    assert billing and billing[0].cosmetic == "renamed"


def test_a_settled_term_with_a_period_changed_stays_material() -> None:
    new = _settled(TERMS).replace("at least 30 days before", "at least 7 days before")
    a = analyse(TERMS, new)
    assert a.material
    assert any("7 days" in (c.after or "") and c.material for c in a.changes)


def test_a_bounding_word_put_for_another_throughout_stays_material() -> None:
    # "membership" → "paid" before the same nouns: which plans a clause covers, never a rename
    old = TERMS.replace("several subscription plans.", "several subscription plans. A paid plan includes downloads.")
    new = old.replace("membership fee", "paid fee").replace("membership plan", "paid plan")
    a = analyse(old, new)
    assert a.material


def test_two_wordings_offered_side_by_side_are_not_settled() -> None:
    # the old text offers "membership or subscription" as alternatives: two things, not one
    old = TERMS.replace("Brindlecast offers several subscription plans.",
                        "Brindlecast offers a membership or subscription plan, and a day pass.")
    a = analyse(old, _settled(old))
    assert a.material


def test_a_period_word_settled_on_throughout_stays_material() -> None:
    # "monthly fee" → "annual fee" wherever it is said, "annual fee" already said once: how often
    # you pay, never a wording
    old = _settled(TERMS).replace("The subscription fee for each plan", "The annual fee for the yearly plan and the "
                                  "monthly fee for the monthly plan").replace("charge the subscription fee",
                                                                              "charge the monthly fee")
    old = old.replace("We may change the subscription fee", "We may change the monthly fee")
    new = old.replace("charge the monthly fee", "charge the annual fee").replace(
        "change the monthly fee", "change the annual fee").replace("the monthly fee for the monthly plan",
                                                                   "the annual fee for the monthly plan")
    a = analyse(old, new)
    assert a.material

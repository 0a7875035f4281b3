"""Session 26 kinds: a company converted to another legal form of its own country under its own
name is no new contracting party; a list of data recipients that gains a partner named by a link
alone reports the new partner."""

from __future__ import annotations

import pytest

from tracker.api import compare


# -- the same company in another legal form of its country ------------------------------------------

@pytest.mark.parametrize("old,new", [
    ("Brindle Kitchens, LLC", "Brindle Kitchens, Inc."),
    ("Brindle Kitchens Inc.", "Brindle Kitchens LLC"),
    ("Brindle Kitchens GmbH", "Brindle Kitchens AG"),
    ("Brindle Kitchens SARL", "Brindle Kitchens SAS"),
])
def test_a_company_converted_under_its_own_name_is_no_new_party(old: str, new: str) -> None:
    before = (f"# Privacy\n\n{old} and its affiliates value the privacy of the people who use Brindle.\n\n"
              f"## Controller\n\n{old} is the data controller for the personal data you give us.\n")
    result = compare(before, before.replace(old, new))
    assert not result.material, result.summary
    assert "contracting party" not in result.summary


@pytest.mark.parametrize("old,new", [
    ("Brindle Kitchens Inc.", "Brindle Kitchens Ltd"),  # a US form for a UK one: an affiliate abroad
    ("Brindle Kitchens GmbH", "Brindle Kitchens Ltd"),  # a German form for a British one
    ("Brindle Kitchens, LLC", "Marmite Foods, Inc."),  # another name: another company
])
def test_another_country_or_another_name_stays_a_new_party(old: str, new: str) -> None:
    before = (f"# Privacy\n\n{old} and its affiliates value the privacy of the people who use Brindle.\n\n"
              f"## Controller\n\n{old} is the data controller for the personal data you give us.\n")
    result = compare(before, before.replace(old, new))
    assert result.material, result.summary
    assert "contracting party" in result.summary


# -- a partner added to a list of links ---------------------------------------------------------------

_LIST = "# Cookie Policy\n\nWe use cookies.\n\n## {heading}\n\n{lead}{items}\n\n## Contact\n\nWrite to us at the shop.\n"


def _items(names: list[str]) -> str:
    return "\n".join(f"* [{n}](https://{n.lower().replace(' ', '')}.example/cookies)" for n in names)


@pytest.mark.parametrize("heading,lead", [
    ("Third-party advertising partners", ""),
    ("Who sets cookies", "Our partners who may set cookies on our site to show you ads:\n\n"),
    ("Sub-processors", ""),
])
def test_a_reordered_list_of_partners_that_gains_one_reports_it(heading: str, lead: str) -> None:
    before = _LIST.format(heading=heading, lead=lead, items=_items(["Brindle", "Quorra", "Zestly"]))
    after = _LIST.format(heading=heading, lead=lead, items=_items(["Zestly", "Brindle", "Nimbo Ads", "Quorra"]))
    result = compare(before, after)
    assert result.material, result.summary
    new = [c for c in result.changes if c.material]
    assert len(new) == 1 and "Nimbo Ads" in new[0].explanation and new[0].categories == ("privacy",)


def test_a_partner_only_reordered_is_not_material() -> None:
    before = _LIST.format(heading="Third-party advertising partners", lead="", items=_items(["Brindle", "Quorra", "Zestly"]))
    after = _LIST.format(heading="Third-party advertising partners", lead="", items=_items(["Zestly", "Brindle", "Quorra"]))
    assert not compare(before, after).material


@pytest.mark.parametrize("heading,name", [
    ("Useful links", "Nimbo Ads"),  # a list of links that names no one who gets data
    ("Third-party advertising partners", "Learn more"),  # a pointer, not a company
    ("Third-party advertising partners", "Quorra"),  # already linked in the old version
    ("Advertisers", "Nimbo Ads"),  # a site menu's section for advertisers, not a list of recipients
    ("Our advertising partners", "Referral Program"),  # a menu entry, not a company
])
def test_a_new_link_that_names_no_new_recipient_is_not_material(heading: str, name: str) -> None:
    old_items = ["Brindle", "Quorra", "Zestly"] if name != "Quorra" else ["Brindle", "Zestly"]
    before = _LIST.format(heading=heading, lead="", items=_items(old_items))
    if name == "Quorra":  # moved here from the contact section
        before = before.replace("Write to us at the shop.", "Write to us at the shop or via [Quorra](https://q.example).")
        after = _LIST.format(heading=heading, lead="", items=_items(["Brindle", "Quorra", "Zestly"]))
        after = after.replace("Write to us at the shop.", "Write to us at the shop or via Quorra.")
    else:
        after = _LIST.format(heading=heading, lead="", items=_items(old_items + [name]))
    result = compare(before, after)
    assert not any(c.material and name in c.explanation for c in result.changes), result.summary


# -- a heading that widens what its section covers ----------------------------------------------------

_POLICY = ("# Quorra Community Rules\n\n## {title}\n\nYou must not stream violent or hateful material. "
           "We may end a stream that breaks these rules.\n\n## Reports\n\nUse the report button to tell us.\n")


@pytest.mark.parametrize("old,new", [
    ("Rules for Live Video", "Rules for Live Video or Audio"),
    ("Data We Collect From Our Apps", "Data We Collect From Our Apps and Partner Sites"),
])
def test_a_heading_that_widens_its_sections_scope_is_material(old: str, new: str) -> None:
    result = compare(_POLICY.format(title=old), _POLICY.format(title=new))
    assert result.material, result.summary
    assert "now also covers" in result.summary


@pytest.mark.parametrize("old,new", [
    ("Rules for Live Video", "Rules for Live Videos"),  # a word respelled, nothing added
    ("Terms of Use", "Terms of Use and Sale"),  # no preposition of scope: two documents named
    ("Cookies", "Cookies and Similar Technologies"),  # a title grown, no scope it is for
    ("Rules for Live Video", "Live Video or Audio Rules"),  # reworded, not only widened
])
def test_a_heading_reworded_without_widening_a_scope_is_not_material(old: str, new: str) -> None:
    result = compare(_POLICY.format(title=old), _POLICY.format(title=new))
    assert not result.material, result.summary

"""Issue 11, helper fp31: a new item of a list of prohibited content read without its lead-in.

Three ways a list item loses the lead-in that makes it a rule ("We do not allow content that:"):
(a) an item with a second paragraph is split into sentence clauses, and its first sentence has no
list marker; (b) items written as lines opened by a dash ("– content that depicts gore") are no
Markdown items; (c) items written as paragraphs opened by an emphasised label and a colon
("_Doctored media_: media that ...") under "This includes:". Each added item is now read with its
lead-in and is a new rule of use. Near misses stay not material: the same forms under a lead-in
that states no rule (a list of features, of links), and labelled sections after an ordinary list,
which are no items of it. All text is invented."""

from __future__ import annotations

from tracker.analysis.diff import _split
from tracker.analysis.materiality import _lead_ins
from tracker.api import compare


def _added(old: str, new: str) -> list:
    """The added clause changes of ``old`` → ``new``."""
    return [c for c in compare(old, new).changes if c.kind == "added"]


# -- (a) an item of two paragraphs: its first sentence keeps the lead-in ------------------------

_ITEMS = ("# Brindleway Publisher Rules\n\n## Wildlife\n\nWe do not allow content that:\n\n"
          "{new}"
          "*   promotes the sale of parts of protected birds.\n\n"
          "    **Examples**: Sale of eagle feathers, owl talons\n\n"
          "*   offers guided hunts of protected deer.\n\n"
          "    **Examples**: Trophy hunts in closed seasons\n\n"
          "## Contact\n\nWrite to Brindleway support for help.\n")
_NEW_ITEM = ("*   promotes cruelty to farm animals for amusement.\n\n"
             "    **Examples**: Staged fights between roosters\n\n")


def test_first_sentence_of_a_two_paragraph_item_is_read_with_its_lead_in() -> None:
    text = _ITEMS.format(new=_NEW_ITEM)
    clauses = _split(text)
    leads = _lead_ins(clauses, text)
    heads = {c.text: leads.get(c.index, "") for c in clauses}
    assert heads["promotes cruelty to farm animals for amusement."] == "We do not allow content that:"
    # the item after one with an indented paragraph of examples is still in the list
    assert heads["offers guided hunts of protected deer."] == "We do not allow content that:"
    assert heads["**Examples**: Staged fights between roosters"] == ""  # no head of an item


def test_new_two_paragraph_item_under_a_ban_is_material() -> None:
    added = _added(_ITEMS.format(new=""), _ITEMS.format(new=_NEW_ITEM))
    first = [c for c in added if c.after and c.after.startswith("promotes cruelty")]
    assert first and first[0].material
    assert "usage-rules" in first[0].categories
    assert "We do not allow content that" in first[0].explanation


# -- (b) dash lines under a lead-in whose paragraph says "must not" --------------------------------

_DASHES = ("# Brindleway Community Rules\n\n**Extra rules for members in Norland**\n\n"
           "Members in Norland must not post the following kinds of content. "
           "These rules reflect our duties under the Norland Online Safety Act:\n\n"
           "– extremist recruitment material;  \n– material about making weapons;  \n"
           "– material about illegal drugs{end}\n\n"
           "These rules apply to content seen in Norland.\n")
_DASH_NEW = "; and  \n– content that shows real injuries to people or animals in graphic detail."


def test_dash_lines_are_items_of_the_list() -> None:
    text = _DASHES.format(end=_DASH_NEW)
    clauses = _split(text)
    leads = _lead_ins(clauses, text)
    dash = [c for c in clauses if c.text.startswith("–")]
    assert len(dash) == 4
    for c in dash:
        assert leads[c.index].startswith("Members in Norland must not post")  # the rule's sentence too
    after = [c for c in clauses if c.text.startswith("These rules apply")]
    assert after and after[0].index not in leads


def test_new_dash_item_under_a_ban_is_material() -> None:
    added = _added(_DASHES.format(end="."), _DASHES.format(end=_DASH_NEW))
    new = [c for c in added if c.after and "real injuries" in c.after]
    assert new and new[0].material
    assert new[0].categories == ("usage-rules",)


# -- (c) labelled paragraphs under "This includes:" ----------------------------------------------

_LABELS = ("# Brindleway Forum Policy\n\n## Content boundaries\n\n"
           "**Misleading content**: Do not post content that deceives or confuses members. This includes:\n\n"
           "_False election claims:_ content that is plainly false about how or when to vote. "
           "This includes wrong polling dates.\n\n"
           "{new}"
           "_Doctored media:_ media edited in a way that misleads members about real events.\n\n"
           "Satire may be allowed where it is clearly marked.\n")
_LABEL_NEW = ("_Harmful conspiracy claims_: content that lends credibility to claims that groups secretly "
              "commit acts of widespread harm. Such content has led to violence.\n\n")


def test_labelled_paragraphs_after_this_includes_are_items() -> None:
    text = _LABELS.format(new=_LABEL_NEW)
    clauses = _split(text)
    leads = _lead_ins(clauses, text)
    by_text = {c.text: leads.get(c.index, "") for c in clauses}
    heads = [t for t in by_text if t.startswith("_")]
    assert len(heads) == 3
    for t in heads:
        assert by_text[t].startswith("**Misleading content**: Do not post")
    # a later sentence of a labelled item is no item; the paragraph after the list is no item
    assert by_text["Such content has led to violence."] == ""
    assert by_text["Satire may be allowed where it is clearly marked."] == ""


def test_new_labelled_item_under_a_ban_is_material() -> None:
    added = _added(_LABELS.format(new=""), _LABELS.format(new=_LABEL_NEW))
    new = [c for c in added if c.after and c.after.startswith("_Harmful conspiracy")]
    assert new and new[0].material


# -- near misses ---------------------------------------------------------------------------------

def test_new_dash_item_in_a_list_of_features_is_not_material() -> None:
    base = ("# Brindleway Help\n\n**What you get**\n\nBrindleway is a forum for gardeners. "
            "Every account includes:\n\n– a profile page;  \n– a photo album{end}\n\n"
            "Ask us if you need anything else.\n")
    text = base.format(end=";  \n– a calendar of seed swaps.")
    leads = _lead_ins(_split(text), text)
    assert not leads  # the lead-in states no rule: its dash lines are not read with it
    added = _added(base.format(end="."), text)
    assert added and not any(c.material for c in added)


def test_new_labelled_link_under_a_lead_in_without_a_rule_is_not_material() -> None:
    base = ("# Brindleway Help\n\n## Guides\n\nOur guides cover many topics. These include:\n\n"
            "_Getting started:_ see [the first steps](https://brindleway.test/start).\n\n{new}"
            "_Albums:_ see [photo albums](https://brindleway.test/albums).\n")
    new = "_Calendars:_ see [seed swap calendars](https://brindleway.test/calendar).\n\n"
    added = _added(base.format(new=""), base.format(new=new))
    assert added and not any(c.material for c in added)


def test_labelled_sections_after_an_ordinary_list_are_not_its_items() -> None:
    text = ("# Brindleway Forum Policy\n\n## Adult content\n\nYou must mark adult groups as such. "
            "There are some exceptions to this rule:\n\n"
            "*   Do not sell adult content through the forum.\n"
            "*   Do not share private images of anyone.\n\n"
            "**Child safety**: We remove any content that endangers children.\n\n"
            "**Spam**: Do not post the same message many times.\n")
    clauses = _split(text)
    leads = _lead_ins(clauses, text)
    labelled = [c for c in clauses if c.text.startswith("**")]
    assert labelled and all(c.index not in leads for c in labelled)
    items = [c for c in clauses if c.kind == "item"]
    assert len(items) == 2 and all(c.index in leads for c in items)


def test_new_two_paragraph_item_in_a_list_of_features_is_not_read_with_its_lead_in() -> None:
    base = ("# Brindleway Terms\n\n## Our services\n\nCurrently we offer the following services:\n\n"
            "*   **Albums:** you can keep photos of your garden in albums.\n\n"
            "    Albums are free for every member.\n\n{new}"
            "*   **Calendars:** you can plan seed swaps with other members.\n")
    new = ("*   **Seed market:** you can list seeds you grow and find seeds near you.\n\n"
           "    The market helps members share rare plants.\n\n")
    text = base.format(new=new)
    clauses = _split(text)
    leads = _lead_ins(clauses, text)
    first = [c for c in clauses if c.text.startswith("**Seed market:**")]
    assert first and first[0].index not in leads  # the lead-in states no rule
    # the Markdown item after it is still an item of the list
    last = [c for c in clauses if "Calendars" in c.text]
    assert last and leads.get(last[0].index) == "Currently we offer the following services:"
    added = _added(base.format(new=""), text)
    assert added and not any(c.material for c in added)


def test_new_measure_under_a_purpose_with_cannot_is_not_read_as_a_ban() -> None:
    # "cannot" in a lead-in that says what measures are for is no ban on the reader
    base = ("# Brindleway Data Processing Annex\n\n## Transfer control\n\n"
            "To ensure that personal data cannot be read or changed without authorization in transit:\n\n"
            "*   Shield Icon\n\n    Brindleway encrypts data in transit with current protocols.\n\n{new}")
    new = "*   Shield Icon\n\n    Keys are rotated on a fixed schedule.\n"
    text = base.format(new=new)
    leads = _lead_ins(_split(text), text)
    assert not leads
    added = _added(base.format(new=""), text)
    assert added and not any(c.material for c in added)

"""False alarms from page furniture of a capture, not from a change of terms (issue 11).

Each is shown with invented texts of a fictional service and near misses that must keep their
verdict:

* a glossary tooltip one capture inlined after every use of its term ("Each GuildFor purposes of
  these Terms, a “Guild” exists where ... must select a Steward") and the other capture does not
  have: the host sentences are unchanged (``sameness.lone_glosses_dropped``); a host sentence
  that changes beside it, a definition reworded in its tooltip, and a repeated passage removed
  for good stay changes;
* a new introduction that only says what the document is, between whom and what it covers ("The
  Lumora Services Agreement is an agreement between you and Lumora (or one of its affiliates) that
  governs your use of Lumora apps and services."), when the terms already say so
  (``materiality._self_description_said``); one that names another party, or adds a duty, stays a
  change.

Whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.sameness import lone_glosses_dropped

GLOSS = ("For purposes of the Lumora Terms, a “Guild” exists where Makers have joined together to publish a "
         "World on the Services. Guilds may also be used to meet other players.")

GUILD_TERMS = """# Lumora Terms of Use

Last updated: 2 February 2026

## 3. Guilds

1. Guild{g}. A Guild{g} is a group of Makers on Lumora.
2. Each Guild{g} must select a Steward, who shall be the person that controls the e-mail address used to register the Guild{g}.
3. The Steward may transfer ownership of the Guild{g} at any time to a new Steward; provided that Lumora may, in its sole discretion, terminate a Guild{g} that breaks these Terms.
4. Guild{g} members hereby waive any claims they may have against Lumora for any payments made to a Steward on behalf of the Guild{g}, and agree to seek recovery of such payments solely from the Steward.
5. The authority granted to a Steward may be modified by separate agreement amongst Guild{g} members.

## 4. Fees

Lumora charges a fee of 10% on each sale of World items. You may cancel your membership at any time.
"""


def _terms(gloss: str, **changes: str) -> str:
    text = GUILD_TERMS.format(g=gloss)
    for old, new in changes.items():
        text = text.replace(old.replace("_", " "), new)
    return text


def test_tooltip_inlined_by_one_capture_is_not_a_change() -> None:
    old, new = _terms(GLOSS), _terms("")
    result = analyse(old, new)
    assert not result.material, [c.explanation for c in result.changes if c.material]
    assert not any(c.material for c in result.changes)
    # ... and the other way round (the newer capture inlines it)
    assert not analyse(new, old).material


def test_tooltip_dropped_only_where_the_hosts_stay() -> None:
    old, new = _terms(GLOSS), _terms("")
    dropped_old, same_new = lone_glosses_dropped(old, new)
    assert same_new == new
    assert GLOSS not in dropped_old and "Each Guild must select a Steward" in dropped_old
    # a tooltip both captures inline is kept on both
    assert lone_glosses_dropped(old, old) == (old, old)


def test_host_sentence_changed_beside_tooltip_stays_material() -> None:
    old = _terms(GLOSS)
    new = _terms("", **{"solely_from_the_Steward": "from Lumora within 30 days"})
    result = analyse(old, new)
    assert result.material
    assert any(c.material and "Lumora within 30 days" in (c.after or "") for c in result.changes)


def test_tooltip_reworded_is_still_compared() -> None:
    reworded = ("For purposes of the Lumora Terms, a “Guild” exists where Makers have joined together to sell "
                "World items on the Services. Guilds may also be used to meet other players.")
    old, new = _terms(GLOSS), _terms(reworded)
    # the other capture glues another definition to the same term: neither side is dropped
    assert lone_glosses_dropped(old, new) == (old, new)
    assert analyse(old, new).changes


def test_repeated_passage_removed_is_not_a_tooltip() -> None:
    passage = ("Reach (these widgets may collect your IP address and the page you visit, and may set a cookie "
               "so that they work properly).")
    body = ("## Social features\n\nWe offer sharing buttons such as Lumora{p} Your use of these features is "
            "governed by the privacy policy of the company providing them.\n\n## Your choices\n\nYou can turn off "
            "sharing buttons such as Lumora{p}\n")
    old, new = body.format(p=passage), body.format(p=" Share.")
    assert lone_glosses_dropped(old, new) == (old, new)


SERVICES = """# Lumora Services Agreement

Last updated: 4 April 2026

{intro}

## 1. Your account

These Terms cover your use of the Lumora apps and services, including related support. You must be 16 or older to open an account.

## 2. Entire agreement

This is the entire agreement between you and Lumora for your use of the apps and services. We may end this agreement if you break these Terms.
"""


def _intro(intro: str) -> str:
    return SERVICES.format(intro=intro)


def test_new_introduction_saying_what_the_document_is_is_not_material() -> None:
    intro = ("The Lumora Services Agreement is an agreement between you and Lumora (or one of its affiliates) "
             "that governs your use of Lumora apps and services (including related support).")
    result = analyse(_intro(""), _intro(intro))
    assert not result.material, [c.explanation for c in result.changes if c.material]
    added = [c for c in result.changes if c.kind == "added" and "agreement between you" in (c.after or "")]
    assert added and added[0].explanation.startswith("What the document is")
    # ... and an introduction dropped
    assert not analyse(_intro(intro), _intro("")).material


def test_introduction_naming_another_party_stays_material() -> None:
    intro = ("The Lumora Services Agreement is an agreement between you and Lumora Ireland Limited that governs "
             "your use of Lumora apps and services.")
    result = analyse(_intro(""), _intro(intro))
    assert result.material
    assert any(c.material and "Lumora Ireland Limited" in (c.after or "") for c in result.changes)


def test_introduction_with_a_duty_stays_material() -> None:
    intro = ("The Lumora Services Agreement is an agreement between you and Lumora that governs your use of Lumora "
             "apps and services, and you may only use them for personal purposes.")
    assert analyse(_intro(""), _intro(intro)).material


MENU = """[Skip to content](#content)

Lumora Store

* [Phones](https://lumora.example/phones/ "Phones")
* [Tablets](https://lumora.example/tablets/ "Tablets")
* [Watches](https://lumora.example/watches/ "Watches")

Lumora Orbit 5 Pro

Call us on 0800 123 456

* [Support](https://lumora.example/support/ "Support")
* [Contact Us](https://lumora.example/contact/ "Contact Us")

"""
POLICY = """# Lumora Privacy Policy

We collect the e-mail address you give us when you create an account, and we keep it while the account is open.

You may ask us to delete your data at any time.
"""


def test_site_menu_gone_is_page_furniture_said_once() -> None:
    from tracker.cli.output import diff_lines

    result = analyse(MENU + POLICY, POLICY)
    assert not result.material
    gone = [c for c in result.changes if c.kind == "removed"]
    assert len(gone) >= 5
    # every line of the menu is said as what it is, not "Only contact details changed" for a phone
    # number or a product name read as a fragment
    assert all(c.cosmetic == "page-chrome" for c in gone), [(c.before, c.explanation) for c in gone]
    lines = list(diff_lines(result.changes, color=False))
    heads = [line for line in lines if line.startswith("- removed")]
    assert len(heads) == 1 and "lines of page furniture" in heads[0]


def test_policy_text_below_a_menu_is_not_furniture() -> None:
    new_policy = POLICY.replace("at any time", "within 30 days of closing your account")
    result = analyse(MENU + POLICY, new_policy)
    assert result.material
    assert any(c.material and c.cosmetic is None for c in result.changes)

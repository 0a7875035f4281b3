"""False alarms from page furniture of a capture, not from a change of terms (issue 11).

Each is shown with invented texts of a fictional service and near misses that must keep their
verdict:

* (a rule reading a new introduction that only says what the document is and between whom as no
  term was reverted: it lost a true pair of a blind set; the near misses below, an introduction
  naming another party or adding a duty, stay changes without it)
* a site's menu or banner at the page's edge is page furniture on every line of its block.

Whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse

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

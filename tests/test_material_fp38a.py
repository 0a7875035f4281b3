"""Two kinds of false alarms on real version pairs, none a change of terms (issue 11).

Each is shown with invented texts of a fictional service and near misses that must keep their
verdict:

* a pointer to another part of the same document reworded ("described in the “Your Rights”
  section below" → "described below this table"): where the reader finds the rest, not a term
  (``materiality._inner_pointers``); a pointer to another document ("as provided in the Review
  Terms") added to a clause, and a right changed beside a pointer, stay changes;
* a cookie banner captured at the top of the page, its first line a cookie notice and the
  sentences after it ("To learn more, ...", "By continuing to use this site, or closing this box,
  you consent to our use of cookies"), then the site's menu, gone as a block: page chrome
  (``materiality._banner_tail``); the same sentences with no menu after them, or a fee among
  them, stay changes.

Whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.materiality import _inner_pointers

BODY = """# Quillmoor Privacy Policy

Last updated: 3 March 2026

## What we collect

We collect the e-mail address and the display name you give us when you create a Quillmoor account.

We keep your notes on our servers in the European Union for as long as your account is open.

## Your choices

| Choice | What it does | How |
| --- | --- | --- |
| Deleting your account | You may delete your account at any time from the settings page. You can also ask us to delete the personal data Quillmoor holds about you by following the process {pointer}. | Settings |

## Your rights

You may ask for a copy of your personal data, or ask us to correct it, by writing to privacy@quillmoor.example. We answer within 30 days.

## Changes

We may change this policy. We will tell you by e-mail 14 days before a change takes effect.
"""

OLD_POINTER = "described in the “Your Rights” section below"


def _policy(pointer: str = OLD_POINTER, body: str = BODY) -> str:
    return body.format(pointer=pointer)


def test_inner_pointer_spans_end_on_the_place_never_on_another_document():
    text = "by following the process described in the “Your Rights” section below."
    assert [text[a:b] for a, b in _inner_pointers(text)] == ["described in the “Your Rights” section below"]
    text = "by following the process described below this table."
    assert [text[a:b] for a, b in _inner_pointers(text)] == ["described below this table"]
    # a pointer to another document, or to a page, is no pointer inside this one
    assert _inner_pointers("as provided for in the Quillmoor Review and Contribution Terms") == []
    assert _inner_pointers("as explained in our Cookie Policy") == []


def test_pointer_to_another_part_of_the_same_text_reworded_is_not_material():
    a = analyse(_policy(), _policy("described below this table"))
    assert not a.material, a.summary
    assert a.changes and not any(c.material for c in a.changes)


def test_pointer_to_another_document_added_stays_a_change():
    old = _policy()
    new = old.replace("You may delete your account at any time from the settings page.",
                      "You may delete your account at any time from the settings page, as provided in the Quillmoor "
                      "Community Terms and the Quillmoor Data Retention Schedule.")
    assert any(c.kind == "modified" for c in analyse(old, new).changes)
    # (what matters here: the pointer rule does not explain a document named away)
    assert _inner_pointers(new.split("settings page, ")[1].split(".")[0]) == []


def test_right_removed_beside_a_reworded_pointer_is_still_material():
    old = _policy()
    new = _policy("described below this table").replace(
        "You may delete your account at any time from the settings page. ", "")
    a = analyse(old, new)
    assert a.material, a.summary


CHROME = """We use cookies to give you the best experience on our website.

To learn more, visit our [Privacy Policy](https://quillmoor.example/privacy).
By continuing to use this site, or closing this box, you consent to our use of cookies.

[Log in](https://quillmoor.example/login)

[Help](#)

*   [Pricing](https://quillmoor.example/pricing)
*   [Blog](https://quillmoor.example/blog)
*   [Careers](https://quillmoor.example/careers)

"""


def _untitled() -> str:
    """The policy captured without the page's header: no banner, menu, title or date line."""
    return _policy().split("## What we collect", 1)[1].join(["## What we collect", ""])


def test_cookie_banner_at_the_top_gone_with_the_menu_is_page_chrome():
    a = analyse(CHROME + _policy(), _untitled())
    assert not a.material, a.summary
    consent = [c for c in a.changes if "closing this box" in (c.before or "")]
    assert consent and not consent[0].material
    # and back again: the banner captured anew
    assert not analyse(_untitled(), CHROME + _policy()).material


def test_banner_sentences_without_the_menu_after_them_stay_changes():
    # no line of the site's menu after them: nothing says the sentences end a banner block
    lone = "\n\n".join(CHROME.split("\n\n")[:2]) + "\n\n"
    a = analyse(lone + _policy(), _untitled())
    consent = [c for c in a.changes if "closing this box" in (c.before or "")]
    assert consent and consent[0].material, a.summary


def test_a_fee_between_the_banner_and_the_menu_stays_material():
    priced = CHROME.replace("By continuing to use this site, or closing this box, you consent to our use of cookies.",
                            "Quillmoor Pro costs 4 EUR per month, billed yearly.")
    a = analyse(priced + _policy(), _untitled())
    fee = [c for c in a.changes if "4 EUR" in (c.before or "")]
    assert fee and fee[0].material, a.summary


# --- a defined term retired for the words of its definition ----------------------------------------
TERMS = """# Vellora Terms of Service

Effective as of 2 February 2026

## Your Use of {name_title}

Additional terms apply when you use {name}. {defined} refers to our generative writing services and features.

You may use {name} to submit inputs and receive generated outputs. When you use {name}, the inputs and outputs are your User Data.

Depending on your subscription plan, you may have a limit on your use of {name}. If you exceed the usage limit allotted by your plan, Vellora may suspend or degrade performance of {use}.

You acknowledge that any purchased usage for {buy} is tied to your Vellora subscription plan, and account termination will invalidate any remaining purchased usage.

## Fees

The Plus plan costs 8 EUR per month. We do not refund partial months.
"""


def _terms(**kw: str) -> str:
    base = {"name_title": "Quill", "name": "Quill", "defined": "**Quill**", "use": "the Quill features", "buy": "Quill"}
    return TERMS.format(**(base | kw))


RETIRED = {"name_title": "Generative Writing", "name": "Vellora's generative writing features",
           "defined": "Vellora's generative writing features", "use": "the generative writing features",
           "buy": "generative writing assistance"}


def test_defined_term_retired_for_its_definition_is_not_material():
    # "Quill" is defined in bold ("**Quill** refers to our generative writing services and features")
    # and the new text no longer names it anywhere: each clause says it in words of that definition
    a = analyse(_terms(), _terms(**RETIRED))
    assert not a.material, a.summary
    bought = [c for c in a.changes if "purchased usage" in (c.after or "")]
    assert bought and not bought[0].material


def test_bold_defined_term_is_read_as_defined():
    from tracker.analysis.restating import defined_terms

    found = defined_terms(_terms())
    assert ("quill",) in found and {"genera", "writin", "featur"} <= found[("quill",)]
    # (unbolded, the same sentence defines nothing: a bold word is a term only before its defining verb)
    assert ("quill",) not in defined_terms(_terms(defined="Quill"))


def test_retired_term_replaced_by_words_outside_its_definition_stays_material():
    wider = RETIRED | {"buy": "image and video generation tools"}
    a = analyse(_terms(), _terms(**wider))
    bought = [c for c in a.changes if "purchased usage" in (c.after or "")]
    assert bought and bought[0].material, a.summary


# --- a company's address line given another address -----------------------------------------------
POLICY = """# Nimbus Privacy Policy

Last published: 4 April 2026

## Who we are

The controller of your personal data is:

{line}

## What we do with your data

We use your order history to deliver your orders and to answer your questions. We keep it for 6 years.

We share your address with the courier who delivers your order.
"""

OLD_LINE = "**Nimbus Ireland Limited**, 15 Quay Place, Dublin 4, D04 X2Y3, Ireland"
NEW_LINE = "**Nimbus Ireland Limited**, 2 Harbour Landings North Dock Dublin 1 Ireland"


def test_company_address_line_written_another_way_is_contact_details():
    a = analyse(POLICY.format(line=OLD_LINE), POLICY.format(line=NEW_LINE))
    assert not a.material, a.summary
    assert "contact-details" in a.cosmetic


def test_address_inside_a_sentence_is_no_address_line():
    from tracker.analysis.materiality import _address_line_moved

    assert _address_line_moved(OLD_LINE, NEW_LINE)
    # another company on the line: not the same company's address
    assert not _address_line_moved(OLD_LINE, "**Nimbus Holdings Inc**, 2 Harbour Landings North Dock Dublin 1 Ireland")
    # a verb around it: a term that names a place, read as usual
    assert not _address_line_moved(OLD_LINE + " is the controller of your data",
                                   NEW_LINE + " processes your data for us")
    # lower-case words after the name: more than an address
    assert not _address_line_moved(OLD_LINE, "**Nimbus Ireland Limited**, 2 Harbour Landings, and its partners in 4 countries")


def test_pointer_put_where_none_was_is_not_explained_away():
    # the old exception named its cases ("the following items or paragraph 5.2"), the new one points
    # "below": only one side has a pointer, so no word of it is dropped as a pointer reworded (where
    # the exceptions are is part of the promise); two pointers, one for the other, are
    from tracker.analysis.materiality import DocContext, _explain_noise

    def dropped(before: str, after: str) -> set[str]:
        ctx = DocContext.of(before, after)
        d = ctx.delta(before, after)
        kept, why = _explain_noise(d, ctx)
        return {w for w in d.inserted() + d.deleted()} - set(kept.inserted() + kept.deleted())

    one = dropped("Except in the cases set out in the following items or in paragraph 5.2, Nimbus shall not share it.",
                  "Except in the cases stipulated in each item of this article or set forth below, Nimbus shall not share it.")
    assert "below" not in one
    two = dropped("You can ask us by following the process described in the “Your Rights” section below.",
                  "You can ask us by following the process described below this table.")
    assert {"table", "rights"} <= two

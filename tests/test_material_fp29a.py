"""Kinds of wrong material flags on real pairs (issue 11, session 29, helper fp29a), each on
invented terms of fictional services, with look-alikes that keep their label.

- a sentence cut after an abbreviation's full stop ("see our [U.S. State Privacy Notice]",
  "the Brindle Co. Cookie Notice"): the changed sentences of a clause were found with the cheap
  splitter, which cuts after any full stop before a capital, so a pointer to another page was read
  as two pieces, its tail ("State Privacy Notice and our Oregon Health Data Notice for more
  information about your rights") judged as a term of its own (``materiality._sentence_spans``
  now joins the pieces as ``clauses.split_sentences`` does, when a name follows the abbreviation).
  A term after an abbreviation ("Brindle Inc. may share your data with advertisers") stays a term,
  and a legal form or "U.S." before a function word still ends a sentence ("... is Brindle Media
  LLC. Our representative ...").
- what the user's browser does with cookies, said in other words: a browser "or device" offering
  settings, "these controls vary by browser, and manufacturers may change them", and what stops
  working with cookies turned off ("Certain parts of the site may not work properly if you have
  disabled cookies"): the device note (``boilerplate.is_device_note``) read only a browser alone as
  its subject, so such a paragraph reworded was a new privacy term. A sentence with the provider
  acting or binding in it ("If you disable cookies, we will close your account") stays a term.
- a ban turned into an item of a list whose lead-in says the ban for all items ("Do not impersonate
  another person." → "Do not use Quillchat for phishing, including: * Impersonating another
  person"): the "Do not" went to the lead-in and the verb became a gerund, which read as a negation
  dropped (``materiality._ban_itemised``, beside ``_list_lead_words``). Another verb, a word added,
  or a lead-in that does not negate ("You may use Quillchat for:") stays a change.
- a notice of a clause found elsewhere in the same terms ("ARBITRATION NOTICE: you will be bound by
  the arbitration clause that appears later in these Terms", "These Terms contain an arbitration
  clause (see Section 14)", "..., as described in Section 14 below"), a banner that comes and goes:
  read as a new or removed arbitration term (``materiality._CLAUSE_NOTICE``, ``_notice_kept``).
  It stays a term when the version without it has no clause on that topic.
- a document added to the terms with its effective date ("* U.S. Controller Addendum at <link>
  (effective 1 January 2023 replacing the CCPA Addendum)") was read as an update stamp
  (``boilerplate._stamp``): a document named where it is, or one that replaces another, beside a
  date is no stamp (``_DOCUMENT_ADDED``); "Last updated ..." and "these terms replace all prior
  versions" stay stamps. (Found when the abbreviation fix joined "* U.S." to the rest of such an
  item: the cut-off "* U.S." had made it material by accident.) Its removal, while another entry
  still lists that document by name and link, is a note gone, not the document
  (``materiality._entry_still_listed``).
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_device_note, is_update_stamp
from tracker.analysis.materiality import _sentence_spans, label_change


def _spans(text: str) -> list[str]:
    return [text[a:b] for a, b in _sentence_spans(text)]


# --- a sentence cut after an abbreviation ---------------------------------------------------------

def test_abbreviation_does_not_end_a_changed_sentence() -> None:
    text = "Please see our \x02U.S. State Privacy Notice\x03 for more. We keep logs for a year."
    assert _spans(text) == ["Please see our \x02U.S. State Privacy Notice\x03 for more.", "We keep logs for a year."]
    assert _spans("Ask Brindle Co. Support for help. Ask e.g. Ivo about it.") == [
        "Ask Brindle Co. Support for help.", "Ask e.g. Ivo about it."]


def test_plain_word_full_stop_still_ends_a_sentence() -> None:
    assert _spans("We keep logs. You may delete them.") == ["We keep logs.", "You may delete them."]
    # a line break ends a sentence whatever word stands before it
    assert _spans("Visit Brindle Co.\nYou may delete them.") == ["Visit Brindle Co.", "You may delete them."]
    # a company's legal form or "U.S." before a function word ends the sentence ("... LLC. Our ...")
    assert _spans("The controller is Brindle LLC. Our representative is in Dublin.") == [
        "The controller is Brindle LLC.", "Our representative is in Dublin."]
    assert _spans("We host data in the U.S. We may move it.") == ["We host data in the U.S.", "We may move it."]


def test_contact_sentence_after_legal_form_stays_contact_details() -> None:
    old = ("The controller of your data is Brindle Media LLC. Our EU representative can be reached at "
           "[privacy@brindle.test](mailto:privacy@brindle.test).")
    new = ("The controller of your data is Brindle Media LLC. You may contact our EU Data Protection Officer at "
           "[dpo@brindle.test](mailto:dpo@brindle.test) and our EU representative at 4 Quay Street, Dublin.")
    label = label_change("modified", old, new)
    assert not label.material, label.explanation


def test_second_page_pointed_to_is_no_term() -> None:
    old = ("Please also see our [U.S. State Privacy Notice](https://brindle.test/us) for more information about "
           "the data we collect and your rights under U.S. state laws.")
    new = ("Please also see our [U.S. State Privacy Notice](https://brindle.test/us) and our Oregon "
           "[Health Data Notice](https://brindle.test/or) for more information about the data we collect and "
           "your rights under U.S. state laws.")
    label = label_change("modified", old, new)
    assert not label.material, label.explanation


def test_added_pointer_with_company_abbreviation_is_no_term() -> None:
    label = label_change("added", None, "Please also read the Brindle Co. Cookie Notice for more information about "
                                        "the cookies we use.")
    assert not label.material, label.explanation


def test_term_after_an_abbreviation_stays_material() -> None:
    label = label_change("modified", "Please see our U.S. Notice for more information.",
                         "Please see our U.S. Notice for more information. Brindle Inc. may share your data with "
                         "advertisers.")
    assert label.material and "privacy" in label.categories


def test_pointer_in_a_document_with_a_new_term_beside_it() -> None:
    head = "# Brindle Privacy Policy\n\n## Your rights\n\nYou may ask us for a copy of your data.\n\n"
    old = head + "Please see our [U.S. State Notice](https://brindle.test/us) for more information about your rights.\n"
    pointer = old.replace("(https://brindle.test/us)", "(https://brindle.test/us) and our Oregon "
                          "[Health Data Notice](https://brindle.test/or)")
    assert not analyse(old, pointer).material
    term = pointer + "\nWe sell your browsing history to data brokers.\n"
    assert analyse(old, term).material


# --- what the user's browser does with cookies ----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Your browser or device may offer settings that let you choose whether cookies are set.",
    "These controls vary by browser, and manufacturers may change the settings they offer at any time.",
    "Browser settings differ from one device to another.",
    "If you set your browser to block cookies, some features of Quillory may not work properly.",
    "Please note that if you disable cookies, parts of our site might not function as intended.",
    "Certain areas of the Quillory app may not work properly if you have disabled browser cookies.",
])
def test_a_note_on_cookies_and_the_browser_is_background(sentence: str) -> None:
    assert is_device_note(sentence)


@pytest.mark.parametrize("sentence", [
    "If you disable cookies, we will close your account.",
    "If you block cookies, some features may not work and you must pay a reactivation fee.",
    "You can block certain cookies by adjusting your settings in Quillory.",
    "Your browser or device must accept cookies to use the Service.",
])
def test_a_cookie_sentence_that_binds_or_grants_stays_a_term(sentence: str) -> None:
    assert not is_device_note(sentence)


def test_browser_paragraph_reworded_is_not_material_but_a_new_use_is() -> None:
    base = ("# Quillory Cookie Notice\n\n## Your choices\n\nQuillory uses cookies to keep you signed in.\n\n"
            "Please note that if you set your browser to disable cookies, some of our services may not function "
            "properly.\n")
    reworded = ("# Quillory Cookie Notice\n\n## Your choices\n\nQuillory uses cookies to keep you signed in.\n\n"
                "Your browser or device may offer settings that let you choose whether cookies are set and delete "
                "them.\n\nThese controls vary by browser, and manufacturers may change the settings they make "
                "available at any time.\n\nCertain parts of Quillory may not work properly if you have disabled "
                "cookies.\n")
    assert not analyse(base, reworded).material, analyse(base, reworded).summary
    new_use = reworded + "\nWe share the cookie identifiers with advertisers to target ads at you.\n"
    assert analyse(base, new_use).material


# --- a ban turned into an item of a negating list -------------------------------------------------

_PHISHING = "Do not use Quillchat for phishing, including:"


@pytest.mark.parametrize(("before", "after"), [
    ("Do not impersonate another person.", "* Impersonating another person"),
    ("Do not use Quillchat to trick other users.", "* Using Quillchat to trick other users"),
    ("Please don’t impersonate another person or misrepresent the source of a message.",
     "* Impersonating another person or misrepresenting the source of a message"),
])
def test_ban_itemised_under_negating_lead_is_not_material(before: str, after: str) -> None:
    label = label_change("modified", before, after, lead_after=_PHISHING)
    assert not label.material, label.explanation
    assert "same ban" in label.explanation
    # and back: a list item made a sentence again
    back = label_change("modified", after, before, lead_before=_PHISHING)
    assert not back.material, back.explanation


@pytest.mark.parametrize(("before", "after", "lead"), [
    ("Do not use Quillchat to trick other users.", "* Using Quillchat to trick other users", "You may use Quillchat for:"),
    ("Do not use Quillchat to trick other users.", "* Selling Quillchat to trick other users", _PHISHING),
    ("Do not impersonate another person.", "* Impersonating another person or a company", _PHISHING),
])
def test_ban_itemised_with_another_meaning_stays_material(before: str, after: str, lead: str) -> None:
    assert label_change("modified", before, after, lead_after=lead).material


def test_rules_regrouped_into_a_list_in_a_document() -> None:
    head = "# Quillchat Rules\n\n## Fraud\n\nDo not use Quillchat for phishing.\n\n"
    old = head + ("Do not use Quillchat to trick other users into sharing their passwords.\n\n"
                  "Do not impersonate another person.\n")
    new = ("# Quillchat Rules\n\n## Fraud\n\nDo not use Quillchat for phishing, including:\n\n"
           "* Using Quillchat to trick other users into sharing their passwords\n"
           "* Impersonating another person\n")
    changes = [c for c in analyse(old, new).changes if c.after and c.after.startswith("*")]
    assert changes and not any(c.material for c in changes), [c.explanation for c in changes]


# --- a notice of a clause elsewhere in the terms ---------------------------------------------------

_TERMS = ("# Quillory Terms\n\n{notice}## 1. Using Quillory\n\nYou must be 16 to use Quillory.\n\n## 14. Disputes\n\n"
          "{disputes}\n")
_ARBITRATION = ("You and Quillory agree to resolve any dispute by binding individual arbitration, and you waive any "
                "right to a jury trial or to take part in a class action.")


@pytest.mark.parametrize("notice", [
    "**ARBITRATION NOTICE: IF YOU USE QUILLORY FOR A BUSINESS, YOUR BUSINESS WILL BE BOUND BY THE ARBITRATION "
    "CLAUSE THAT APPEARS LATER IN THESE TERMS.**",
    "These Terms contain an arbitration clause and a class action waiver (see Section 14).",
    "Disputes are resolved by binding arbitration, as described in Section 14 below.",
])
def test_notice_of_a_clause_kept_elsewhere_is_not_material(notice: str) -> None:
    plain_terms = _TERMS.format(notice="", disputes=_ARBITRATION)
    with_notice = _TERMS.format(notice=notice + "\n\n", disputes=_ARBITRATION)
    assert not analyse(with_notice, plain_terms).material, analyse(with_notice, plain_terms).summary
    added = analyse(plain_terms, with_notice)
    assert not added.material
    assert any(c.explanation.startswith("A notice of a clause found elsewhere") for c in added.changes)


def test_notice_without_the_clause_elsewhere_stays_material() -> None:
    notice = ("**ARBITRATION NOTICE: YOU WILL BE BOUND BY THE ARBITRATION CLAUSE THAT APPEARS LATER IN THESE "
              "TERMS.**\n\n")
    courts = "Any dispute goes to the courts of Dublin."
    assert analyse(_TERMS.format(notice="", disputes=courts), _TERMS.format(notice=notice, disputes=courts)).material
    # the arbitration clause itself put in beside the notice is a change, whatever the notice says
    assert analyse(_TERMS.format(notice=notice, disputes=courts), _TERMS.format(notice=notice, disputes=_ARBITRATION)).material


def test_term_that_points_to_its_section_stays_a_term() -> None:
    cancel = "You may cancel within 14 days and get a full refund, as described in Section 9 below."
    old = _TERMS.format(notice="", disputes=_ARBITRATION)
    new = _TERMS.format(notice=cancel + "\n\n", disputes=_ARBITRATION)
    assert analyse(old, new).material


# --- a document added with its effective date is no update stamp ---------------------------------

@pytest.mark.parametrize("text", [
    "Last updated: 3 May 2031",
    "Effective date: 1 January 2031. These terms replace all prior versions.",
    "Updated 1 May 2031, replacing the version of 1 March 2030",
])
def test_update_stamps_stay_stamps(text: str) -> None:
    assert is_update_stamp(text)


@pytest.mark.parametrize("text", [
    "* U.S. Controller Addendum at [quillory.test/us](https://quillory.test/us) (effective 1 January 2031 replacing "
    "the Service Provider Addendum)",
    "* Quillory Data Addendum at quillory.test/dpa (effective 1 January 2031)",
])
def test_document_added_with_its_date_is_no_stamp(text: str) -> None:
    assert not is_update_stamp(text)


def test_addendum_added_to_the_incorporated_terms_is_material() -> None:
    lead = "The following terms supplement this Agreement:"
    old = f"# Quillory Controller Terms\n\n{lead}\n\n* Quillory Data Addendum at quillory.test/dpa\n"
    new = old + ("* U.S. State Privacy Laws Controller Addendum at [quillory.test/us](https://quillory.test/us) (effective 1 January 2031 "
                 "replacing the Service Provider Addendum)\n")
    assert analyse(old, new).material


def test_entry_gone_while_the_document_is_still_listed_is_not_material() -> None:
    lead = "The following terms supplement this Agreement:"
    us = "U.S. State Privacy Laws Controller Addendum at [quillory.test/us](https://quillory.test/us)"
    old = (f"# Quillory Controller Terms\n\n{lead}\n\n* Service Provider Addendum at [quillory.test/sp]"
           f"(https://quillory.test/sp) (dated 1 January 2030)\n* {us} (effective 1 January 2031 replacing the Service "
           "Provider Addendum)\n")
    new = f"# Quillory Controller Terms\n\n{lead}\n\n* {us} (dated 1 January 2031)\n"
    result = analyse(old, new)
    assert not result.material, result.summary
    # another document taken out of the list stays material
    other = f"# Quillory Controller Terms\n\n{lead}\n\n* Service Provider Addendum at [quillory.test/sp](https://quillory.test/sp) (dated 1 January 2030)\n"
    assert analyse(old, other).material

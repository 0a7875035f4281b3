"""Session 27 kinds of the material flag: a wiki's translation notices, a site's form prompt and a
footer's copyright line are page chrome; more lines of a text-message programme's standard notice;
a note on what the user's browser or operating system does on its own is background; a name
corrected before the abbreviation it keeps ("... (ODR)") is a rename; sections a capture folded
behind "See more" were not removed; a dropped "encrypted" is material. All text is invented."""

from __future__ import annotations

import pytest

from tracker.analysis.boilerplate import chrome_kind, is_attribution, is_carrier_notice, is_device_note
from tracker.analysis.materiality import _acronym_renamed, _folded_lines, _protection_dropped
from tracker.api import compare

_BODY = ("# Quillory Terms of Use\n\n"
         "## 1. Accounts\n\nYou must be at least 16 years old to open a Quillory account.\n\n"
         "## 2. Fees\n\nThe Plus plan costs 4 euros a month, billed in advance.\n\n"
         "## 3. Termination\n\nWe may close your account if you break these terms, after giving you notice.\n")


# -- page chrome: a wiki's notices, a form prompt, a copyright line -------------------------------

@pytest.mark.parametrize("notice", [
    "This page contains [changes](https://wiki.quillory.test/diff/7) which are not marked for translation.",
    "This page is a translated version of the page Terms of Use and the translation is 87% complete.",
    "Outdated translations are marked like this.",
])
def test_a_wiki_translation_notice_is_chrome(notice: str) -> None:
    before = _BODY + "\n[Translate this page](https://wiki.quillory.test/translate)\n"
    after = _BODY + f"\n[Translate this page](https://wiki.quillory.test/translate); {notice}\n"
    result = compare(before, after)
    assert not result.material, result.summary


def test_chrome_kind_names_the_wiki_notice_and_not_a_term() -> None:
    text = "This page is not marked for translation."
    assert chrome_kind(text, text.lower().rstrip(".").split()) == "navigation"
    term = "This page may not be translated without our written permission."
    assert chrome_kind(term, term.lower().rstrip(".").split()) is None


def test_a_form_prompt_reworded_is_chrome_not_pricing() -> None:
    before = _BODY + "\nEnter your ZIP code to see everything Quillory offers near you.\n"
    after = _BODY + "\nEnter your ZIP code to review plans and pricing available in your area.\n"
    result = compare(before, after)
    assert not result.material, result.summary


def test_a_copyright_footer_line_is_an_attribution() -> None:
    assert is_attribution("Copyright © 2031 Quillory Ltd.")
    assert is_attribution("© 2031 Quillory Ltd.")
    assert not is_attribution("You may not remove the copyright 2031 notice from any copy.")
    result = compare(_BODY + "\nCopyright © 2031 Quillory Ltd.\n", _BODY + "\n© 2031 Quillory Ltd.\n")
    assert not result.material, result.summary


# -- a text-message programme's standard notice ----------------------------------------------------

@pytest.mark.parametrize("line", [
    "As always, message and data rates may apply for any messages sent to you from us and to us from you.",
    "Message and data rates may apply to all alerts.",
    "You can cancel the SMS service at any time.",
    "You may unsubscribe from these text alerts anytime.",
])
def test_more_lines_of_the_sms_notice(line: str) -> None:
    assert is_carrier_notice(line)


@pytest.mark.parametrize("line", [
    "We charge 0.25 euros for each alert; message and data rates may apply.",
    "You can cancel the Plus plan at any time.",
])
def test_a_charge_or_a_plan_is_no_sms_notice(line: str) -> None:
    assert not is_carrier_notice(line)


def test_an_sms_section_of_standard_lines_is_not_material() -> None:
    after = _BODY + ("\n## Outage alerts\n\nYou can cancel the SMS service at any time.\n\n"
                     "As always, message and data rates may apply for any messages sent to you from us.\n")
    result = compare(_BODY, after)
    assert not result.material, result.summary
    priced = _BODY + "\n## Outage alerts\n\nEach outage alert costs 0.25 euros, added to your monthly bill.\n"
    assert compare(_BODY, priced).material


# -- what the user's own browser or device does -----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Some mobile operating systems may further limit the use of cookies; your choices do not override those settings.",
    "Your web browser may offer settings that let you block cookies.",
    "Most browsers automatically accept tracking pixels.",
])
def test_a_note_on_the_users_browser_is_background(sentence: str) -> None:
    assert is_device_note(sentence)


@pytest.mark.parametrize("sentence", [
    "Your browser may send us your precise location, which we keep for a year.",
    "Mobile devices may be returned within 30 days of delivery.",
    "Your browser must accept cookies to use the Service.",
])
def test_a_browser_sentence_that_binds_or_speaks_for_the_provider_is_no_note(sentence: str) -> None:
    assert not is_device_note(sentence)


def test_an_added_browser_note_is_not_material_but_a_new_data_use_is() -> None:
    base = ("# Cookies\n\nQuillory uses cookies to keep you signed in and to count visits.\n\n"
            "You can change your cookie choices in Settings.\n")
    note = base + "\nSome mobile operating systems may further limit the use of cookies on such devices.\n"
    assert not compare(base, note).material
    use = base + "\nWe also use cookies to show you ads from our partners on other sites.\n"
    assert compare(base, use).material


# -- a name corrected before the abbreviation it keeps ----------------------------------------------

def test_a_name_before_a_kept_abbreviation_is_a_rename() -> None:
    old = "Notify the Northern Office for Digital Records (ODR) if you change your mail preferences."
    new = "Notify the Agency for Digital Archives (ODR) if you change your mail preferences."
    assert _acronym_renamed(old, new) == ("Northern Office for Digital Records", "Agency for Digital Archives")
    result = compare(_BODY + "\n" + old + "\n", _BODY + "\n" + new + "\n")
    assert not result.material, result.summary


@pytest.mark.parametrize("new", [
    "Notify the Agency for Digital Archives (ODR) within 10 days if you change your mail preferences.",  # more changed
    "Notify the Agency for Digital Archives (ADA) if you change your mail preferences.",  # another body
    "Notify Quillory Archives Ltd (ODR) if you change your mail preferences.",  # a company: a party
])
def test_anything_else_is_no_rename(new: str) -> None:
    old = "Notify the Northern Office for Digital Records (ODR) if you change your mail preferences."
    assert _acronym_renamed(old, new) is None


# -- sections folded behind "See more" ---------------------------------------------------------------

_OPEN = ("# Privacy\n\n## 1. Retention\n\nWe keep your data only as long as we need it.\n\n"
         "After you close your account, we keep your invoices for 7 years for tax reasons.\n\n"
         "* ratings you gave are kept for 2 years;\n* support chats are kept for 1 year.\n\n"
         "## 2. Sharing\n\nWe share your data only with the processors listed below.\n\nSee more\n\n"
         "## 3. Rights\n\nYou may ask us for a copy of your data.\n")
_SHUT = ("# Privacy\n\n## 1. Retention\n\nWe keep your data only as long as we need it.\n\nSee more\n\n"
         "## 2. Sharing\n\nWe share your data only with the processors listed below.\n\nSee more\n\n"
         "## 3. Rights\n\nYou may ask us for a copy of your data.\n")


def test_folded_lines_are_the_section_behind_the_control() -> None:
    hidden = _folded_lines(_OPEN, _SHUT)
    assert "After you close your account, we keep your invoices for 7 years for tax reasons." in hidden
    assert "We keep your data only as long as we need it." not in hidden
    assert "You may ask us for a copy of your data." not in hidden
    assert _folded_lines(_SHUT, _OPEN) == set()


def test_a_section_folded_behind_see_more_is_not_removed() -> None:
    result = compare(_OPEN, _SHUT)
    assert not result.material, result.summary
    assert not compare(_SHUT, _OPEN).material  # unfolded again: not new terms


def test_a_real_removal_beside_a_fold_stays_material() -> None:
    cut = _SHUT.replace("We share your data only with the processors listed below.",
                        "We share your data with advertisers and the processors listed below.")
    result = compare(_OPEN, cut)
    assert result.material, result.summary


# -- a dropped protection of the users' data --------------------------------------------------------

def test_a_dropped_encrypted_is_material() -> None:
    before = _BODY + "\nQuillory's direct messages are end-to-end encrypted, and only the people in a chat can read them.\n"
    after = _BODY + "\nQuillory's direct messages are private, and only the people in a chat can read them.\n"
    result = compare(before, after)
    assert result.material, result.summary
    assert "privacy" in result.categories


def test_protection_dropped_needs_the_word_gone_from_the_version() -> None:
    old_doc = "Messages are encrypted in transit. Backups are encrypted too."
    assert _protection_dropped("Messages are encrypted in transit.", "Messages are private in transit.",
                               old_doc, "Messages are private in transit. Backups are encrypted too.") == "encrypted"
    # the word moved to the next sentence: as many times in the new version as in the old one
    assert _protection_dropped("Messages are encrypted in transit.", "Messages travel safely.",
                               old_doc, "Messages travel safely, encrypted in transit. Backups are encrypted too.") is None
    assert _protection_dropped("Messages are kept private.", "Messages are kept.", "x", "y") is None


# -- a scope said beside a date is no update stamp ----------------------------------------------------

def test_a_scope_sentence_with_a_date_is_no_stamp() -> None:
    from tracker.analysis.boilerplate import is_update_stamp

    assert is_update_stamp("Effective as of 1 May 2031")
    assert is_update_stamp("Last updated: June 1, 2031")
    assert not is_update_stamp("As of 6/18/31, this policy also applies to all use of Quillory Maps and its sites.")
    assert not is_update_stamp("Ab 01.02.2031 gilt diese Richtlinie auch für Quillory Maps.")
    before = "# Privacy\n\nLast updated: May 2, 2031\n\nWe collect your e-mail address to run your account.\n"
    after = before + "\nAs of 6/18/31, this policy also applies to all use of Quillory Maps and its related sites.\n"
    result = compare(before, after)
    assert result.material, result.summary

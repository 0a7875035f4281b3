"""Session 39 (fp39a) false alarms of the material flag (issue 11): an entry added under the text's
own change log ("January 10, 2031: Updated the contact address ...") reports a change, it is no
term; the end of a news card whose link closes on the same line as the next card's picture is page
navigation; a word changed inside a link's quoted label is the label. (A rule reading a company's
identification number in a scheme as a register entry was reverted: it lost a true pair of a blind
set; the identification-number tests below hold without it.) Each kind has its near miss, which stays material. All
text is invented (fictional services)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_announcement_heading, is_register_entry
from tracker.cli.app import cli

_TERMS = ("# Quillory Terms of Service\n\n"
          "## 1. Your account\n\nYou must be at least 16 years old to create a Quillory account. "
          "You are responsible for all activity under your account.\n\n"
          "## 2. Copyright complaints\n\nSend notices of claimed infringement to our designated agent at "
          "legal@quillory.example. We may remove content that is the subject of a valid notice.\n\n"
          "## 3. Fees\n\nQuillory Plus costs $9 per month, billed in advance. Fees are non-refundable.\n\n"
          "## Change log\n\nMarch 3, 2030: Clarified the account section.\n")


# -- an entry of the text's own change log -----------------------------------------------------

def test_a_new_change_log_entry_is_an_announcement() -> None:
    new = _TERMS + "\nJanuary 10, 2031: Updated contact address for copyright complaints.\n"
    result = analyse(_TERMS, new)
    assert not result.material, result.summary
    assert "announcement" in result.cosmetic, result.cosmetic


@pytest.mark.parametrize("title", ["Change log", "Changelog.", "**Revision History**", "Version history",
                                   "Historique des modifications", "Änderungshistorie"])
def test_change_log_titles_head_announcements(title: str) -> None:
    assert is_announcement_heading(title)


@pytest.mark.parametrize("title", ["Changes to these Terms", "History", "Account history and records"])
def test_other_titles_are_no_change_log(title: str) -> None:
    # the near miss: the section holding the rule for changes is terms, and so is a data section
    assert not is_announcement_heading(title)


def test_a_term_added_outside_the_change_log_stays_material() -> None:
    rule = "We may charge a fee of $25 for every copyright counter-notice we process.\n\n"
    new = _TERMS.replace("## 3. Fees", rule + "## 3. Fees") + "\nJanuary 10, 2031: Added a counter-notice fee.\n"
    result = analyse(_TERMS, new)
    assert result.material, result.summary


# -- a news card's link tail with the next card's picture --------------------------------------

_NEWS = ("# Quillory ID Terms\n\nYou must keep your Quillory ID code secret. We may block your Quillory ID if it is "
         "misused.\n\n#### Latest news\n\n")


def test_a_news_card_before_the_next_cards_picture_is_navigation() -> None:
    card = ("#### Renewal with foreign passports\n\nWe're now making it easier for residents with foreign passports "
            "to renew their Quillory ID.](https://quillory.example/news/renewal-with-passports)"
            "[![](/assets/stock/612x408/phone.jpg)\n")
    result = analyse(_NEWS, _NEWS + card)
    assert not result.material, result.summary


def test_a_term_after_a_news_cards_picture_is_no_news_card() -> None:
    # the near miss: the same card's tail and picture, then a rule on the same line
    card = ("Renew now.](https://quillory.example/news/renew)[![](/assets/phone.jpg) We may share your "
            "Quillory ID usage data with advertising partners.\n")
    result = analyse(_NEWS, _NEWS + card)
    assert result.material, result.summary
    assert "privacy" in result.categories, result.categories


# -- the company's identification number in a scheme ------------------------------------------

_POLICY = ("# Quillory Privacy Policy\n\n## Legal basis\n\nWe rely on your consent to set advertising cookies. "
           "Quillory takes part in the Example Consent Framework.\n\n## Your rights\n\nYou may withdraw your "
           "consent at any time.\n")


_NUMBERS = ("Quillory’s identification number(s) within the framework is 41 (Quillory Ads), 77 (Quillory Video) "
            "and 305 (Quillory Labs).")


def test_a_framework_vendor_number_added_is_no_material_change() -> None:
    # (the register-entry rule written for this kind was reverted: it lost a true pair of a blind set)
    result = analyse(_POLICY, _POLICY.replace("Consent Framework.", "Consent Framework. " + _NUMBERS))
    assert not result.material, result.summary


def test_the_same_through_compare_json(tmp_path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_POLICY, encoding="utf-8")
    new.write_text(_POLICY.replace("Consent Framework.", "Consent Framework. " + _NUMBERS), encoding="utf-8")
    out = CliRunner().invoke(cli, ["compare", str(old), str(new), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["material"] is False


@pytest.mark.parametrize("sentence", ["We collect government identification numbers in 2 cases.",
                                      "You must give your identification number within 14 days.",
                                      "We will keep identification numbers for 5 years."])
def test_a_users_identification_number_is_data(sentence: str) -> None:
    # the near miss: identification numbers the service collects or asks for are personal data
    assert not is_register_entry(sentence)


def test_collecting_identification_numbers_stays_material() -> None:
    line = "We collect your passport identification number and keep it for 5 years."
    result = analyse(_POLICY, _POLICY.replace("Consent Framework.", "Consent Framework. " + line))
    assert result.material, result.summary
    assert "privacy" in result.categories, result.categories


# -- a word of a link's quoted label ------------------------------------------------------------

_OPT_OUT = ("# Quillory Privacy Notice\n\n## Your right to opt out\n\nYou may opt out of the sale of your personal "
            "information at any time. In the app, this can be done by clicking on the “Do Not Sell My Personal "
            "Information” link on the settings page.\n\n## Retention\n\nWe keep account data for 2 years.\n")


def test_a_word_added_to_a_links_quoted_label_is_no_new_term() -> None:
    new = _OPT_OUT.replace("“Do Not Sell My", "“Do Not Sell or Share My")
    result = analyse(_OPT_OUT, new)
    assert not result.material, result.summary


def test_a_word_added_to_a_buttons_quoted_label_is_no_new_term() -> None:
    old = _OPT_OUT.replace("clicking on the “Do Not Sell My Personal Information” link", "tapping “Privacy Choices”")
    new = old.replace("“Privacy Choices”", "“Your Privacy Choices and Sharing”")
    result = analyse(old, new)
    assert not result.material, result.summary


def test_the_right_widened_beside_the_label_stays_material() -> None:
    # the near miss: the same label, and the words outside it now also cover sharing
    new = _OPT_OUT.replace("opt out of the sale of your personal information",
                           "opt out of the sale and sharing of your personal information with advertisers")
    result = analyse(_OPT_OUT, new)
    assert result.material, result.summary
    assert "privacy" in result.categories, result.categories

"""Session 32 (fp32a) kinds of the material flag: a list of what changed under a title written as a
plain line ("Summary of Recent Changes", not a Markdown heading) is an announcement; a data source
credited with its open licence on a map's or dataset's list of sources is an attribution, while a
licence on what users post stays a term. All text is invented."""

from __future__ import annotations

import pytest

from tracker.analysis.boilerplate import is_attribution
from tracker.api import compare

_BODY = ("# Quillory Privacy Policy\n\n"
         "## 1. What we collect\n\nWe collect your name, your e-mail address and the games you play.\n\n"
         "## 2. Sharing\n\nWe share your e-mail address with our payment processor to send receipts.\n\n"
         "## 3. Retention\n\nWe keep your account data for 2 years after you close your account.\n")

_CHANGELOG = ("\nSummary of Recent Changes\n\n"
              "* We have added information about how we verify the age of players under 13.\n"
              "* We have updated language pertaining to the data we share for safety purposes.\n"
              "* We added information about data processing relating to Quillory Shop.\n\n"
              "Effective Date: March 3, 2031\n")


# -- a list of what changed under a plain title line --------------------------------------------

def test_a_changelog_under_a_plain_title_line_removed_is_an_announcement() -> None:
    result = compare(_BODY + _CHANGELOG, _BODY + "\nEffective Date: April 7, 2031\n")
    assert not result.material, result.summary


def test_a_changelog_under_a_plain_title_line_added_is_an_announcement() -> None:
    result = compare(_BODY + "\nEffective Date: February 1, 2031\n", _BODY + _CHANGELOG)
    assert not result.material, result.summary


@pytest.mark.parametrize("title", ["What's New", "What has changed", "Summary of changes:"])
def test_other_changelog_titles_are_read_the_same_way(title: str) -> None:
    # (the item says what changed, in the body where it is labelled; here it alone would be a term)
    before = _BODY + f"\n{title}\n\n* Players under 13 now need a parent's approval before they can chat.\n"
    result = compare(before, _BODY)
    assert not result.material, result.summary


def test_items_under_an_ordinary_plain_line_stay_terms() -> None:
    # the near miss: a plain line that names no change is no changelog title; its items are terms
    before = _BODY + "\nOur Partners\n\n* We share your e-mail address with advertising partners for marketing.\n"
    result = compare(_BODY, before)
    assert result.material, result.summary


def test_a_sentence_saying_what_changed_is_no_title_over_the_list() -> None:
    # "... has changed." ends with a full stop: a sentence, so the list after it is read as usual
    body = _BODY + "\nHere is what has changed for players in our data practices this year.\n\n"
    result = compare(body + "* We keep chat logs for 30 days.\n", body + "* We keep chat logs for 5 years.\n")
    assert result.material, result.summary


# -- a data source credited with its open licence ---------------------------------------------------

@pytest.mark.parametrize("line", [
    "Boundaries © Quillory Surveys licensed by the Republic of Quillonia under Creative Commons Attribution 4.0 (QU)",
    "The Quillory Open Data Portal (QO): [https://data.quillory.test/](https://data.quillory.test/) ; "
    "License provided at: [https://licences.quillory.test/by/3.0](https://licences.quillory.test/by/3.0)",
    "Quillory Rail agency Link to their license: [https://licences.quillory.test/by](https://licences.quillory.test/by)",
])
def test_a_data_source_credit_is_an_attribution(line: str) -> None:
    from tracker.analysis.materiality import plain

    assert is_attribution(plain(line))
    before = ("# Map data sources\n\n1. **Quillonia**\n    * Roads © Quillory Mapping Ltd\n")
    after = before + f"    * {line}\n"
    result = compare(before, after)
    assert not result.material, result.summary


@pytest.mark.parametrize("line", [
    "Posts are licensed by their authors under Creative Commons Attribution 4.0.",
    "Contributions are licensed by contributors under a Creative Commons licence and we may reuse them.",
    "You must keep this notice: the data is licensed by Quillory under Creative Commons Attribution 4.0.",
])
def test_a_licence_on_users_work_or_with_a_duty_is_no_attribution(line: str) -> None:
    assert not is_attribution(line)


def test_a_user_content_licence_added_stays_material() -> None:
    after = _BODY + "\n## 4. Your posts\n\nPosts are licensed by their authors under Creative Commons Attribution 4.0.\n"
    result = compare(_BODY, after)
    assert result.material, result.summary


# -- another document made to bind some users or their content ----------------------------------------

_MAPS = ("# Quillory Maps Additional Terms\n\n"
         "1. **Your content.** Content you upload to Quillory Maps is subject to the Quillory Terms of Service.\n\n"
         "2. **Fees.** Quillory Maps is free for personal use.\n")


@pytest.mark.parametrize("added", [
    "If you are a resident of Quillonia, the [Quillory Search Additional Terms](https://quillory.test/qu) "
    "apply to such content which is made publicly available on Quillory Search.",
    "If you reside in Freedonia, the [Freedonia Terms of Service](https://quillory.test/fd) are applicable to you.",
])
def test_another_document_made_to_bind_some_users_is_material(added: str) -> None:
    result = compare(_MAPS, _MAPS + f"\n3. **Regional terms.** {added}\n")
    assert result.material, result.summary


def test_a_link_moved_in_a_sentence_naming_the_other_document_stays_cosmetic() -> None:
    # the near miss: the same document said to apply before and after, only its address changed
    line = ("\n3. **Regional terms.** If you reside in Freedonia, the [Freedonia Terms of Service]({}) "
            "are applicable to you.\n")
    result = compare(_MAPS + line.format("https://quillory.test/fd"), _MAPS + line.format("https://legal.quillory.test/fd"))
    assert not result.material, result.summary


# -- the terms' text lost, the page around it kept ---------------------------------------------------

_FORM = ("Book a call with our team\n\nEmail Address\\*\n\nFirst and Last Name\n\nSomething went wrong, please try again\n\n"
         "Our favourite awards come from our happy users\n\n"
         "I consent to receiving calls and marketing messages from Quillory about its products. You can withdraw "
         "your consent at any time by writing to us, and you authorise your carrier to disclose your account "
         "details to Quillory solely to prevent fraud. For more on how we handle your personal information, "
         "please see our privacy policy.\n\n"
         "Pick a time that works for you\n\nSchedule a demo\n\nWatch a video instead, it takes about 5 minutes\n\n"
         "Ready to chat? Our specialists will show you how Quillory works, with no pressure and no obligation.\n\n")
_SECTIONS = [
    f"## {n}. {title}\n\n{text}\n" for n, (title, text) in enumerate([
        ("Accounts", "You must be at least 18 years old to open a Quillory account, and you are responsible for "
                     "keeping your password secret and for all activity under your account."),
        ("Fees", "The Plus plan costs 12 euros a month, billed in advance. Fees are non-refundable except where "
                 "the law requires otherwise, and we may change our fees with 30 days' notice."),
        ("Termination", "We may suspend or terminate your account at any time if you breach these Terms. You may "
                        "cancel at any time from your account settings; cancellation takes effect at the end of "
                        "the billing period."),
        ("Liability", "To the maximum extent permitted by law, Quillory shall not be liable for any indirect, "
                      "incidental or consequential damages, and our total liability is limited to the fees you "
                      "paid in the twelve months before the claim."),
        ("Governing law", "These Terms are governed by the laws of Ireland, and the courts of Dublin have exclusive "
                          "jurisdiction over any dispute arising out of or in connection with them."),
        ("Indemnity", "You agree to indemnify and hold harmless Quillory from any claim arising out of your use of "
                      "the service or your breach of these Terms, including reasonable legal fees."),
        ("Your content", "You keep ownership of what you upload, and grant Quillory a worldwide, non-exclusive "
                         "licence to host and display it only to provide the service to you."),
        ("Changes", "We may change these Terms from time to time; we will notify you by email at least 30 days "
                    "before a material change takes effect, and you may close your account before then."),
        ("Acceptable use", "You must not use Quillory to send spam, to break the law, to infringe anyone's rights, "
                           "or to probe, scan or test the vulnerability of our systems without our written consent."),
        ("Privacy", "We process your personal data as described in our Privacy Policy, and we do not sell your "
                    "personal data to third parties or use it for advertising without your consent."),
        ("Disputes", "Before bringing a claim, you agree to contact us and try to resolve the dispute informally "
                     "for at least 30 days; if it is not resolved, either party may bring it before the courts."),
        ("Third-party services", "Quillory may link to services run by others. We are not responsible for their "
                                 "content or practices, and your use of them is governed by their own terms."),
        ("Service availability", "We may modify, suspend or discontinue any part of the service, temporarily or "
                                 "permanently, and we will tell you in advance where a change removes a paid feature."),
        ("Assignment", "You may not transfer your rights under these Terms without our consent; we may assign "
                       "them to a company that takes over our business, and we will tell you if we do."),
    ], start=1)]
_TERMS_PAGE = "# Quillory Terms of Use\n\n" + _FORM + "\n".join(_SECTIONS)


def test_a_capture_that_kept_only_the_page_around_the_terms_is_no_change() -> None:
    result = compare(_TERMS_PAGE, "# Quillory Terms of Use\n\n" + _FORM)
    assert not result.material, result.summary
    assert "failed capture" in result.summary


def test_terms_cut_to_half_with_the_rest_unchanged_stay_material() -> None:
    # the near miss: half the sections deleted is more than a fifth kept, read as usual
    kept = "# Quillory Terms of Use\n\n" + _FORM + "\n".join(_SECTIONS[:7])
    result = compare(_TERMS_PAGE, kept)
    assert result.material, result.summary


def test_the_terms_back_after_such_a_capture_are_read_as_usual() -> None:
    # the other way round is not asked: the terms back may be newer than the ones before
    result = compare("# Quillory Terms of Use\n\n" + _FORM, _TERMS_PAGE)
    assert "failed capture" not in result.summary


def test_these_terms_replaced_by_another_document_is_material() -> None:
    notice = ("**From 1 October 2031, the Quillory Terms of Use will be replaced by the Zentrix Group Common Terms "
              "of Use, and these will be applied accordingly.**\n\n")
    result = compare(_MAPS, notice + _MAPS)
    assert result.material, result.summary


def test_a_banner_about_an_updated_version_of_the_same_terms_stays_an_announcement() -> None:
    # the near miss: a newer version of these terms replacing them is news about the terms, not a term
    notice = "**Our Terms of Use will be superseded by the new Terms of Use from 1 October 2031.**\n\n"
    result = compare(_MAPS, notice + _MAPS)
    assert not result.material, result.summary

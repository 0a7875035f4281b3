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

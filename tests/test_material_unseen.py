"""Kinds of fault met on unseen real pairs (issue 11, session 12: the blind batches r-u), each on
invented terms of fictional services in several wordings, with a look-alike that must keep its
label. False alarms: an update note saying the update changes nothing, examples given after
"including but not limited to", a pointer whose relative clause describes the page it points to.
Misses: an item put into an inline list, another document made to govern some use, a power the
provider gives itself over the user's name or content, a row under a header that forbids."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse

TERMS = """\
# Quibly Terms of Service

## 1. Payments

Any applicable tax and shipping charges will be due in full as part of your first payment when your order ships.

We collect your name and email address when you open an account.

## 2. Your content

Vault Items include all information stored in your Quibly account and may include Personal Information.

## 3. Conduct

Do not post spam or misleading listings.
"""


def material(old: str, new: str) -> bool:
    return analyse(old, new).material


def added(paragraph: str, after: str = "## 3. Conduct") -> str:
    return TERMS.replace(after, f"{paragraph}\n\n{after}")


# --- misses: an item put into or taken out of a list inside a sentence ---------------------------
@pytest.mark.parametrize("old, new", [
    ("Any applicable tax and shipping charges", "Any applicable tax, shipping, and handling charges"),
    ("Any applicable tax and shipping charges", "Any applicable tax, shipping and insurance charges"),
    ("Any applicable tax and shipping charges", "Any applicable tax, customs duties and shipping charges"),
])
def test_an_item_put_into_an_inline_list_is_material(old, new):
    a = analyse(TERMS, TERMS.replace(old, new))
    assert a.material, a.summary


def test_an_item_taken_out_of_an_inline_list_is_material():
    old = TERMS.replace("Any applicable tax and shipping charges", "Any applicable tax, shipping and handling charges")
    assert material(old, TERMS)


def test_a_list_reworded_without_a_new_item_stays_not_material():
    new = TERMS.replace("when your order ships", "when your order is shipped")
    assert not material(TERMS, new)


# --- misses: another document made to govern some use ------------------------------------------
@pytest.mark.parametrize("sentence", [
    "If you use the seller tools in Quibly to manage your shop then the Quibly Merchant Terms at "
    "https://quibly.example/merchant apply to that use.",
    "If you are a business established in the United Kingdom and use our Quibly Stage platform to sell to "
    "consumers, our [UK Seller Addendum](https://quibly.example/uk) applies.",
    "Purchases of gift cards are governed by the Quibly Gift Card Conditions, which apply to those purchases.",
])
def test_another_document_made_to_govern_a_use_is_material(sentence):
    assert material(TERMS, added(sentence))


def test_a_plain_pointer_to_another_document_stays_not_material():
    assert not material(TERMS, added("Read our [Privacy Policy](https://quibly.example/privacy) to learn more."))


# --- misses: a power the provider gives itself over what is the user's ---------------------------
@pytest.mark.parametrize("sentence", [
    "Zorblio may use your name, logo and other marks to identify you as a customer on its website and in "
    "marketing materials.",
    "We may display your reviews and photos on partner sites.",
    "Quibly can feature your name and likeness in its newsletters.",
])
def test_a_power_over_the_users_name_or_content_is_material(sentence):
    assert material(TERMS, added(f"## Publicity\n\n{sentence}"))


def test_the_user_using_their_own_logo_is_no_power_of_the_provider():
    assert not material(TERMS, added("## Branding\n\nYou may use your own logo on your shop page."))


# --- misses: a row added under a header that forbids -------------------------------------------
TABLE = """\
## Shop names

| {head} | Not acceptable | Acceptable |
| --- | --- | --- |
| Marketing slogans | Zorbo Pets, the best pets | Zorbo Pets |
| Opening hours | Zorbo Pets open 24h | Zorbo Pets |
"""


@pytest.mark.parametrize("head", ["Your shop name must not include:", "You may not add", "Listings shall not contain"])
def test_a_row_under_a_header_that_forbids_is_material(head):
    old = TABLE.format(head=head)
    a = analyse(old, old + "| Emoji or symbols | Zorbo Pets ★ | Zorbo Pets |\n")
    assert a.material, a.summary


def test_a_row_under_a_plain_header_is_read_as_before():
    old = TABLE.format(head="Kind of text")
    assert not material(old, old + "| Emoji or symbols | Zorbo Pets ★ | Zorbo Pets |\n")


# --- false alarms: an update note saying what the update does not change ------------------------
@pytest.mark.parametrize("note", [
    "Quibly’s underlying privacy practices have not materially changed.",
    "This update does not change how we use your personal data.",
    "We are postponing the planned changes to how we use your information.",
    "À l’heure actuelle, nous reportons la modification de notre utilisation de vos informations.",
])
def test_an_update_note_removed_is_not_material(note):
    old = TERMS.replace("# Quibly Terms of Service\n", f"# Quibly Terms of Service\n\n_{note}_\n")
    a = analyse(old, TERMS)
    assert not a.material, a.summary


def test_a_change_of_practice_stated_in_a_note_stays_material():
    old = TERMS.replace("# Quibly Terms of Service\n", "# Quibly Terms of Service\n\nWe may now share your "
                        "email address with advertising partners.\n")
    assert material(old, TERMS)


# --- false alarms: examples after "including but not limited to" --------------------------------
@pytest.mark.parametrize("examples", [
    ", including but not limited to passwords, notes and files,",
    ", including without limitation login credentials and attachments,",
    ", including, but not limited to, photos and videos,",
])
def test_examples_after_including_but_not_limited_to_are_not_material(examples):
    new = TERMS.replace("stored in your Quibly account and", f"stored in your Quibly account{examples} and")
    a = analyse(TERMS, new)
    assert not a.material, a.summary


def test_a_new_limit_beside_the_examples_stays_material():
    new = TERMS.replace("stored in your Quibly account and",
                        "stored in your Quibly account for up to 90 days, including but not limited to passwords, and")
    assert material(TERMS, new)


# --- false alarms: a pointer whose relative clause describes the page it points to ---------------
@pytest.mark.parametrize("sentence", [
    "You may also refer to the Quibly Community Guidelines which further explains the types of content that "
    "are prohibited on Quibly.",
    "You can also consult the Quibly Seller Handbook, which explains in more detail the listing rules that "
    "sellers must follow.",
])
def test_a_pointer_that_describes_its_page_is_not_material(sentence):
    a = analyse(TERMS, added(sentence))
    assert not a.material, a.summary


def test_a_pointer_with_a_rule_of_its_own_stays_material():
    assert material(TERMS, added("You may also refer to the Quibly Community Guidelines, which explain them. "
                                 "Accounts that break them will be suspended without notice."))


# --- misses: a condition cut from a sentence that says where rules apply, said elsewhere too ------
POLICY = """\
# Quibly Acceptable Use Policy

The policies listed below apply to content when using Quibly Classroom with a personal Quibly Account.

If you sign in with a personal Quibly Account, you can join up to 10 classes.

* Do not post spam.
* Do not harass other students.
"""


@pytest.mark.parametrize("old, new", [
    (" when using Quibly Classroom with a personal Quibly Account.", " when using Quibly Classroom."),
    ("The policies listed below apply", "These rules apply"),
])
def test_a_condition_cut_from_where_rules_apply_is_material_though_said_elsewhere(old, new):
    if old.startswith("The policies"):  # the same cut, in another wording of the scope sentence
        base = POLICY.replace(old, new)
        after = base.replace(" with a personal Quibly Account.", ".", 1)
    else:
        base, after = POLICY, POLICY.replace(old, new)
    a = analyse(base, after)
    assert a.material, a.summary


def test_a_condition_put_into_where_rules_apply_is_material_though_said_elsewhere():
    old = POLICY.replace(" with a personal Quibly Account.", ".", 1)
    assert material(old, POLICY)


def test_a_phrase_moved_between_sentences_stays_not_material():
    old = "# Quibly Rules\n\nYou can join classes with a personal Quibly Account today.\n\nClasses are free.\n"
    new = "# Quibly Rules\n\nYou can join classes today.\n\nClasses are free with a personal Quibly Account.\n"
    a = analyse(old, new)  # the phrase is said as many times as before: moved, not cut
    assert not a.material, a.summary


# --- misses: a company put into or taken out of a list of the third parties the provider uses -----
PARTNERS = """\
# Quibly Privacy Policy

## Partners

{lead}

* Adnova Inc. – [Privacy Policy](https://adnova.example/privacy)
* Trackly – [Privacy Policy](https://trackly.example/privacy)
* Pixelmint Ltd. – [Privacy Policy](https://pixelmint.example/privacy)
"""
TRACKLY = "* Trackly – [Privacy Policy](https://trackly.example/privacy)\n"


@pytest.mark.parametrize("lead", [
    "A list of the third-party advertising and technology companies that we work with is set forth below:",
    "We work with the following service providers:",
    "The vendors we use include:",
])
def test_a_company_listed_as_a_recipient_is_material(lead):
    old = PARTNERS.format(lead=lead)
    gone = analyse(old, old.replace(TRACKLY, ""))
    new = analyse(old, old.replace(TRACKLY, TRACKLY + "* Zentro\n"))
    assert gone.material and new.material, (gone.summary, new.summary)
    assert "privacy" in new.categories


def test_a_name_under_a_lead_in_that_names_no_recipient_stays_not_material():
    old = PARTNERS.format(lead="Some of the brands that started on Quibly:").replace("Quibly Privacy Policy", "Quibly Story")
    assert not material(old, old.replace(TRACKLY, TRACKLY + "* Zentro\n"))


def test_a_clause_reworded_beside_a_list_is_no_item_put_in():
    old = "# Quibly Privacy Policy\n\nWe collect data from device sensors, such as compasses, microphones, and whether you have headphones connected.\n"
    new = "# Quibly Privacy Policy\n\nWe collect data from device sensors, such as compasses, microphones and headphone connection.\n"
    a = analyse(old, new)
    assert not a.material, a.summary


def test_documents_incorporated_including_without_limitation_are_no_examples():
    old = ("# Quibly Terms\n\nYour use of the Services is subject to all additional rules we post, including, without "
           "limitation, the [Seller Policy](https://quibly.example/seller) and the [Photo Guidelines](https://quibly.example/photo).\n"
           "\nThe Photo Guidelines also apply to photos in reviews.\n")
    new = old.replace("the [Photo Guidelines](https://quibly.example/photo)",
                      "the [Photo Guidelines](https://quibly.example/photo) and the [Listing Access Standards](https://quibly.example/access)")
    assert material(old, new)

"""False alarms of issue 11 (material precision) from renames, contact details and announcements.

- a company renamed throughout with a banner that says the name change affects nothing ("this name
  change does not affect how we use or share data"), and the new name mistyped once ("Qorvoo");
- a postal address replaced, written after a bold company name and with words of premises
  ("2 Harbour Landings, North Dock") rather than a street word;
- a "Key Updates" box of run-in paragraphs, removed whole with its title, that repeated the terms.

Near misses stay material: a note that a change will not affect something inside a rule for
changes, a deadline changed beside the rename and its banner, a clause whose terms change beside an
address, a section removed right after a plain title that summarises nothing, and a new term
added after the box. Invented texts of fictional services; whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.boilerplate import address_spans, is_announcement

# --- a rename with its banner -------------------------------------------------------------------

RENAME_OLD = """# Zentrix Platform Terms

These terms apply to developers who build apps on Zentrix.

You will cooperate with our reviews and provide any information Zentrix requests.

Zentrix may suspend your app if it breaks these terms.

Zentrix Ireland Limited controls the personal data of users in the European Union.

You must delete data you receive from Zentrix within 30 days of a request.
"""

RENAME_NEW = """# Qorvo Platform Terms

The Zentrix company is now Qorvo.

Our Data Policy and Terms of Service remain in effect, and this name change does not affect how we use or share data.

These terms apply to developers who build apps on Qorvo.

You will cooperate with our reviews and provide any information Qorvo requests.

Qorvo may suspend your app if it breaks these terms.

Qorvoo Ireland Limited controls the personal data of users in the European Union.

You must delete data you receive from Qorvo within 30 days of a request.
"""


def test_a_name_change_note_is_an_announcement():
    assert is_announcement("Our policies remain in effect, and this name change does not affect how we use or "
                           "share data.")
    # a rule for changes is a term, however it is worded
    assert not is_announcement("We may change these terms; the change will not affect how we use data "
                               "collected before.")


def test_a_rename_with_its_banner_and_one_typo_is_not_material():
    a = analyse(RENAME_OLD, RENAME_NEW)
    assert not a.material, [(c.explanation, c.material) for c in a.changes]
    assert "renamed" in a.cosmetic
    assert "announcement" in a.cosmetic


def test_a_term_changed_beside_the_rename_and_its_banner_stays_material():
    # the banner says nothing changed, the text says otherwise: the deadline is read as usual
    new = RENAME_NEW.replace("within 30 days", "within 90 days")
    a = analyse(RENAME_OLD, new)
    assert a.material
    assert any(c.material and "90 days" in (c.after or "") for c in a.changes)


# --- a postal address replaced ------------------------------------------------------------------

ADDRESS_OLD = """# Privacy Notice of Pelloto

Last published: 1 March 2031

Pelloto collects your delivery address to bring your order to you.

The controller of your data is:

**Pelloto Ireland Limited**, 15 Glenmore Place, Dublin 4, D04 X7Y2, Ireland

We keep order records for 6 years to meet tax law.
"""

ADDRESS_NEW = ADDRESS_OLD.replace("1 March 2031", "9 June 2031").replace(
    "15 Glenmore Place, Dublin 4, D04 X7Y2, Ireland", "2 Harbour Landings North Dock Dublin 1 Ireland")


def test_an_address_after_a_bold_name_is_found():
    text = "**Pelloto Ireland Limited**, 2 Harbour Landings North Dock Dublin 1 Ireland"
    assert [text[a:b] for a, b in address_spans(text)] == [text[2:]]
    # no number, no address: a court's city is a venue
    assert address_spans("**Pelloto Ireland Limited**, the courts of Dublin, Ireland") == []


def test_a_replaced_postal_address_is_contact_details():
    a = analyse(ADDRESS_OLD, ADDRESS_NEW)
    assert not a.material, [(c.explanation, c.material) for c in a.changes]
    assert "contact-details" in a.cosmetic


def test_a_term_changed_beside_the_address_stays_material():
    new = ADDRESS_NEW.replace("for 6 years", "for 10 years")
    assert analyse(ADDRESS_OLD, new).material


# --- a summary box removed -----------------------------------------------------------------------

BOX_BODY = """Information We Collect

Chatterly must collect some information to run the service, such as your phone number.

You must be at least 16 years old to use Chatterly.

Chatterly shares information with its affiliates to keep the service safe.
"""

BOX = """Key Updates

**Our Updated Terms.** Our updated Terms explain our agreement with you to use Chatterly.

**Age Requirement.** To use Chatterly, you must be at least 16 years old.

**Working With Affiliates.** Chatterly shares information with its affiliates to keep the service safe.

*   Fight spam across the apps of the group.
*   Connect your account with the group's other apps.

"""

BOX_OLD = "# Chatterly Privacy Policy\n\nPlease also read our Terms of Service.\n\n" + BOX + BOX_BODY
BOX_NEW = "# Chatterly Privacy Policy\n\nPlease also read our Terms of Service.\n\n" + BOX_BODY


def test_a_key_updates_box_removed_whole_is_not_material():
    a = analyse(BOX_OLD, BOX_NEW)
    assert not a.material, [(c.explanation, c.material) for c in a.changes]
    assert "announcement" in a.cosmetic


def test_a_section_removed_under_a_plain_title_stays_material():
    # the same paragraphs under a title that summarises nothing: a section of terms removed
    old = BOX_OLD.replace("Key Updates", "Working With Others")
    assert analyse(old, BOX_NEW).material


def test_a_section_after_the_box_stays_material():
    # the box ends at the next title of its form: a section removed with it is read as usual
    extra = "Sharing With Advertisers\n\nChatterly shares your phone number with advertisers for targeted ads.\n\n"
    old = BOX_OLD.replace(BOX_BODY, extra + BOX_BODY)
    a = analyse(old, BOX_NEW)
    assert a.material
    assert any(c.material and "advertisers" in (c.before or "") for c in a.changes)


# --- an introduction that points to the summary of changes ----------------------------------------

INTRO_OLD = """# Lumeno Services Agreement

## 1. Your account

You must keep your password secret.

## 2. Payments

We charge your card at the start of each billing period.
"""

INTRO = """**Introduction to the Lumeno Services Agreement**

The Lumeno Services Agreement is an agreement between you and Lumeno that governs your use of Lumeno online services.

We understand that you may have questions about the Lumeno Services Agreement.

Whenever we make changes, we provide a summary of the most notable changes to the current agreement on the [Summary of Changes](https://lumeno.example/updates) page.

"""

INTRO_NEW = INTRO_OLD.replace("## 1. Your account", INTRO + "## 1. Your account")


def test_an_introduction_with_its_title_pointing_to_the_changes_is_not_material():
    a = analyse(INTRO_OLD, INTRO_NEW)
    assert not a.material, [(c.explanation, c.material) for c in a.changes]
    assert "announcement" in a.cosmetic


def test_a_new_age_limit_in_the_introduction_stays_material():
    # a figure the banner sets is read as usual
    new = INTRO_NEW.replace("We understand that you may have questions about the Lumeno Services Agreement.",
                            "You must be at least 18 years old to use Lumeno.")
    assert analyse(INTRO_OLD, new).material

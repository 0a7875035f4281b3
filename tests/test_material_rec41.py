"""Session 37, rec41 (issue 11, recall): an item put into or taken out of a list that says WHOM a
term is for or WHAT the terms cover is material, said in plain words.

- Who: "For residents of {-Freedonia and for residents of-} the EEA …, Lumio will tell you the
  reason": a group of people loses (or gains) a right or a duty ("No longer applies to residents
  of Freedonia: “Lumio will tell you the reason for its action”"); also the places of a rule's
  list ("ballot measures in the following states: {+Oregon,+} …" under "must not include").
- What: "The following products are covered by the Lumio Services Agreement: * Lumio Notes{+,
  Lumio Pilot+}": the agreement covers one more product ("Now also covers: Lumio Pilot").
- A schedule added to the schedules an agreement incorporates ("[Schedule 3: Lumio Mesh plans](…)"
  under "… attached as schedules hereto, which are incorporated herein by reference").

Near misses that stay not material: a country dropped from a list of data-centre locations, a
language added to the languages a page is offered in, an app store, a list of example products
("such as"), a link added to a navigation list, a country of an office address, and a schedule
link on a page that incorporates no schedules.

Invented texts of fictional services; the real diff, labels and analysis.
"""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.materiality import DocContext, _covered_item, _items_changed, _schedule_entry

# --- who: the people a term is for ------------------------------------------------------------------

NOTIFY = """# Lumio Terms of Service

## 12. Suspension and termination

Lumio may suspend or terminate your access to the Lumio Services if you breach these Terms.

{who}, except where Lumio reasonably considers that giving notice is legally prohibited (for instance, when it would compromise an investigation), Lumio will without delay notify you of the reason for its action.

## 13. Contact

Write to Lumio Ltd, 4 Harbour Lane, Port Avel.
"""

WHO_OLD = ("For residents of Freedonia and for residents of the European Union, the United Kingdom, or Switzerland "
           "who are acting as a Consumer")
WHO_NEW = "For residents of the European Union, the United Kingdom, or Switzerland who are acting as a Consumer"


def test_residents_dropped_from_whom_a_duty_is_owed():
    a = analyse(NOTIFY.format(who=WHO_OLD), NOTIFY.format(who=WHO_NEW))
    assert a.material
    change = next(c for c in a.changes if c.material)
    assert change.explanation.startswith("No longer applies to residents of Freedonia: “Lumio will without delay notify")
    assert "termination" in change.categories  # its section's topic: the clause has none of its own


def test_residents_added_to_whom_a_duty_is_owed():
    a = analyse(NOTIFY.format(who=WHO_NEW), NOTIFY.format(who=WHO_OLD))
    assert a.material
    assert any(c.explanation.startswith("Now also applies to residents of Freedonia") for c in a.changes)


RULES = """# Pollmark Ad Policy

## Political advertising

Political ads and political ad landing pages must not include or contain:

* Content promoting candidates for local elections in the following states: {states}.
* Content that misleads voters about when or how to vote.
"""


def test_a_state_added_to_the_places_a_ban_holds_in():
    a = analyse(RULES.format(states="Nevada, Vermont, and Utah"), RULES.format(states="Oregon, Nevada, Vermont, and Utah"))
    assert a.material
    assert any(c.explanation.startswith("Now also applies to Oregon") for c in a.changes)


DATA_CENTRES = """# Lumio Privacy Statement

## Where we store personal data

Personal data collected by Lumio may be stored and processed in your region or in any country where Lumio operates facilities. Lumio maintains major data centres in {places}. The storage location is chosen to operate efficiently and to protect the data in the event of an outage.
"""


def test_a_country_dropped_from_data_centre_locations_stays_not_material():
    a = analyse(DATA_CENTRES.format(places="Brazil, Chile, Finland, Ireland and Japan"),
                DATA_CENTRES.format(places="Brazil, Finland, Ireland and Japan"))
    assert not a.material, a.summary


OFFICES = """# About Lumio

## Our offices

Lumio has offices in {places}. You can reach any office by e-mail at hello@lumio.test.
"""


def test_a_country_of_an_office_stays_not_material():
    a = analyse(OFFICES.format(places="Ireland, Canada and Japan"), OFFICES.format(places="Ireland, Canada, Peru and Japan"))
    assert not a.material, a.summary


LANGUAGES = """# Lumio Terms of Service

## Languages

These Terms are available in {langs}. You can choose your language at the top of the page.

## Fees

You must pay the fees shown at checkout.
"""


def test_a_language_added_stays_not_material():
    a = analyse(LANGUAGES.format(langs="English, French and German"), LANGUAGES.format(langs="English, French, German and Dutch"))
    assert not a.material, a.summary


# --- what: the products, services and schedules the terms cover -------------------------------------

COVERED = """# Lumio Services Agreement

## Covered Services

The following products, apps and services are covered by the Lumio Services Agreement, but may not be available in your market.

* Lumio Account
* Lumio Calendar
* {item}
* Lumio Maps
* Lumio Photos

## Your content

You keep ownership of your content.
"""


def test_a_product_added_to_the_covered_services():
    a = analyse(COVERED.format(item="Lumio Notes Basic and Lumio Notes Apps*"),
                COVERED.format(item="Lumio Notes Basic, Lumio Notes Apps, Lumio Pilot and Lumio Pilot Chat*"))
    assert a.material
    change = next(c for c in a.changes if c.material)
    assert change.explanation.startswith("Now also covers: Lumio Pilot and Lumio Pilot Chat (“The following products")


def test_a_product_taken_out_of_the_covered_services():
    a = analyse(COVERED.format(item="Lumio Notes Basic, Lumio Notes Apps and Lumio Pilot*"),
                COVERED.format(item="Lumio Notes Basic and Lumio Notes Apps*"))
    assert a.material
    assert any(c.explanation.startswith("No longer covers: Lumio Pilot") for c in a.changes)


EXAMPLES = """# Lumio

## Our apps

Lumio makes apps for every day, such as {items}. Download them from our website.
"""


def test_example_products_in_marketing_text_stay_not_material():
    a = analyse(EXAMPLES.format(items="Lumio Notes, Lumio Maps and Lumio Photos"),
                EXAMPLES.format(items="Lumio Notes, Lumio Pilot, Lumio Maps and Lumio Photos"))
    assert not a.material, a.summary


STORES = """# Lumio Terms of Service

## Getting the app

You can download the Lumio app from {stores}.

## Fees

You must pay the fees shown at checkout.
"""


def test_an_app_store_added_stays_not_material():
    a = analyse(STORES.format(stores="the App Store and Google Play"),
                STORES.format(stores="the App Store, Google Play and the Galaxy Store"))
    assert not a.material, a.summary


NAV = """# Lumio Legal

* [Terms of Service](https://lumio.test/terms)
* [Privacy Policy](https://lumio.test/privacy)
{extra}
## Terms of Service

By using Lumio you agree to these Terms. You must pay the fees shown at checkout.
"""


def test_a_link_added_to_a_navigation_list_stays_not_material():
    a = analyse(NAV.format(extra=""), NAV.format(extra="* [Cookie Settings](https://lumio.test/cookies)\n"))
    assert not a.material, a.summary


SCHEDULES = """# Lumio Mesh Terms of Service

## 14. General

*   Severability. If any provision of this Agreement is invalid, the remaining provisions stay in force.
*   Schedules. Customer will comply with this Agreement and the terms, policies and guidelines attached as schedules hereto, which are incorporated herein by reference.

[Schedule 1: Lumio Mesh Wireless Service](https://lumio.test/legal/wireless/)

[Schedule 2: Lumio Voice](https://lumio.test/legal/voice/)
{extra}
Copyright © 2031 Lumio Inc. All rights reserved.
"""


def test_a_schedule_added_to_the_incorporated_schedules():
    a = analyse(SCHEDULES.format(extra=""),
                SCHEDULES.format(extra="\n[Schedule 3: Lumio Mesh data plans](https://lumio.test/legal/mesh-plans/)\n"))
    assert a.material
    assert any(c.explanation == "New schedule made part of the terms: “Schedule 3: Lumio Mesh data plans” (other)"
               for c in a.changes)


def test_a_schedule_removed_from_the_incorporated_schedules():
    a = analyse(SCHEDULES.format(extra="\n[Schedule 3: Lumio Mesh data plans](https://lumio.test/legal/mesh-plans/)\n"),
                SCHEDULES.format(extra=""))
    assert a.material
    assert any(c.explanation.startswith("Schedule no longer part of the terms: “Schedule 3") for c in a.changes)


def test_a_schedule_link_on_a_page_that_incorporates_none_stays_a_link():
    page = SCHEDULES.replace(", which are incorporated herein by reference", "").replace("attached as schedules hereto", "on our website")
    assert _schedule_entry("[Schedule 3: Lumio Mesh data plans](https://lumio.test/legal/mesh-plans/)", page) == ""
    a = analyse(page.format(extra=""),
                page.format(extra="\n[Schedule 3: Lumio Mesh data plans](https://lumio.test/legal/mesh-plans/)\n"))
    assert not a.material, a.summary


@pytest.mark.parametrize("before, after, added, removed", [
    ("A, B and C", "A, B, C and D", ["D"], []),
    ("For residents of X and for residents of Y, we will", "For residents of Y, we will", [], ["residents of X"]),
    ("A and B", "A and C", [], []),  # one swapped for another: no item only put in or taken out
    ("A and B", "A and B", [], []),
])
def test_items_changed(before, after, added, removed):
    assert _items_changed(before, after) == (added, removed)


def test_an_example_list_in_a_covered_item_stays_not_material():
    lead = "The following products, apps and services are covered by the Lumio Services Agreement."
    ctx = DocContext.of("", "")
    assert _covered_item("* Lumio Notes, Lumio Pilot", lead, ctx)
    assert not _covered_item("* Our other products (for example, Lumio Notes, Lumio Pilot)", lead, ctx)
    before = COVERED.format(item="Our other Lumio products (for example, Lumio Notes, Lumio Maps and Lumio Photos)")
    after = COVERED.format(item="Our other Lumio products (for example, Lumio Notes, Lumio Maps, Lumio Photos and Lumio Pilot)")
    a = analyse(before, after)
    assert not a.material, a.summary


REFERENCE = """# Lumio Commercial Terms

## 5.6 Customer Reference

Lumio may use Customer's name, logo, and marks to identify Customer as a customer on Lumio's website. Upon Customer's written request, Lumio will promptly remove {what} from Lumio's website.
"""


def test_a_customers_name_is_no_group_of_customers():
    a = analyse(REFERENCE.format(what="any such marks"), REFERENCE.format(what="Customer's name, logo, and any such marks"))
    assert not any(c.explanation.startswith(("Now also applies to", "No longer applies to")) for c in a.changes)


LOCAL = """# Lumio Privacy Policy

## Local policies

If you are located in Australia, the {entity} privacy policy applies to you. Please see {link}.

## Who we are

Lumio Ltd runs the service; Sensa Pty Ltd and Lumio Australia Pty Ltd are its affiliates.
"""


def test_an_entity_renamed_beside_where_you_live_is_no_one_added():
    a = analyse(LOCAL.format(entity="Sensa Pty Ltd", link="[www.sensa.test/privacy](https://www.sensa.test/privacy)"),
                LOCAL.format(entity="“Lumio Australia Pty Ltd", link="[https://lumio.test/privacy](https://lumio.test/privacy/)"))
    assert not any(c.explanation.startswith(("Now applies to", "Now also applies to")) for c in a.changes)


ENTITIES = """# Lumio Exchange Terms of Service

## 1. Who you contract with

Our services are provided through local operating entities. Your sole and exclusive counterparty to these Terms is as follows:

1. If you reside in Norland - Lumio Norland Ltd., 4 Harbour Lane, Port Avel, Norland.
{extra}3. If you reside in any other country - Lumio Global Ltd., 9 Quay Street, Road Town.

## 2. Fees

You must pay the fees shown at checkout.
"""

CONTACTS = """# Lumio Privacy Policy

## 9. Contact us

You can reach our representatives at the following addresses:

1. If you reside in Norland - Lumio Norland Ltd., 4 Harbour Lane, Port Avel, Norland.
{extra}3. If you reside in any other country - Lumio Global Ltd., 9 Quay Street, Road Town.

## 10. Changes

We may change this policy.
"""


def test_a_contracting_entity_by_residence_removed():
    a = analyse(ENTITIES.format(extra="2. If you reside in Veldt - Lumio Veldt Inc., 7 Oak Road, Veldtburg.\n"),
                ENTITIES.format(extra=""))
    assert a.material
    assert any(c.explanation.startswith("Contracting party removed from the list by where you live: “If you reside in Veldt")
               for c in a.changes)


def test_a_regional_contact_address_removed_stays_not_material():
    a = analyse(CONTACTS.format(extra="2. If you reside in Veldt - Lumio Veldt Inc., 7 Oak Road, Veldtburg.\n"),
                CONTACTS.format(extra=""))
    assert not a.material, a.summary

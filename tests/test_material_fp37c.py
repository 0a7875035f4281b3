"""Session 37 (fp37c): another regional version of the same dated page, told from the pair alone.

A page served by region shows its EU/UK section (controller, legal bases, rights) to some visitors
only: a capture without that section under the same stated date is another variant of the page,
not terms that dropped European users' rights. Invented texts; near misses stay material."""

from __future__ import annotations

from tracker.analysis.scope import regional_variant
from tracker.api import compare

HEAD = ("# Privacy Policy\n\nLast updated: 3 March 2031\n\n"
        "Quillory Maps collects the places you search for and the routes you plan, to show you maps.\n\n"
        "## What we collect\n\n"
        "We collect your searches, your saved places and the approximate location of your device.\n\n"
        "We keep your search history for 18 months, then delete it.\n\n"
        "## Sharing\n\n"
        "We share route requests with our traffic partner Roadwise Ltd so that it can return travel times.\n\n"
        "We never sell your personal information to advertisers.\n\n")

EUROPE = ("## Data controller\n\n"
          "If you live in the European Economic Area or the United Kingdom, the data controller responsible "
          "for your information is Quillory Europe Ltd, 4 Harbour Row, Cork.\n\n"
          "## Legal bases of processing\n\n"
          "For users in the EEA and the UK, we process your information under a contract with you to provide the "
          "service you asked for.\n\n"
          "We process your information for our legitimate interests, such as keeping the maps accurate and secure.\n\n"
          "We ask for your consent before we process your precise location, and you can withdraw it at any time.\n\n"
          "If EU or UK data protection law applies, you can object to processing and complain to your supervisory "
          "authority.\n\n")

TAIL = ("## Contact\n\nWrite to privacy@quillory.example with any question about this policy.\n\n")

WITH_EUROPE = HEAD + EUROPE + TAIL
WITHOUT_EUROPE = HEAD + TAIL


def test_same_date_without_the_european_section_is_another_regional_version() -> None:
    a = compare(WITH_EUROPE, WITHOUT_EUROPE)
    assert not a.material
    assert a.summary.startswith("Looks like another regional version of this page (same date, 3 March 2031)")
    assert "“Legal bases of processing”" in a.summary
    # the clauses that went are still listed, none material, so a reader sees what the capture lacks
    assert any(c.kind == "removed" and "Quillory Europe Ltd" in (c.before or "") for c in a.changes)
    assert not any(c.material for c in a.changes)
    assert a.categories == ()


def test_a_new_date_makes_the_same_removal_a_change_of_terms() -> None:
    # terms that really drop European users' rights come with a new date: read as usual
    new = WITHOUT_EUROPE.replace("3 March 2031", "9 June 2031")
    a = compare(WITH_EUROPE, new)
    assert a.material
    assert not a.summary.startswith("Looks like another regional version")


def test_a_regional_section_that_appears_is_read_as_usual() -> None:
    # only removals: a section for EU users that appears under the same date is as often new terms
    a = compare(WITHOUT_EUROPE, WITH_EUROPE)
    assert a.material
    assert not a.summary.startswith("Looks like another regional version")


def test_a_removed_clause_about_no_region_stays_material() -> None:
    # the same date, two legal clauses gone that name no region: a silent edit, still news
    new = WITH_EUROPE.replace("We keep your search history for 18 months, then delete it.\n\n", "") \
                     .replace("We never sell your personal information to advertisers.\n\n", "")
    a = compare(WITH_EUROPE, new)
    assert a.material
    assert not a.summary.startswith("Looks like another regional version")


def test_regional_removals_outnumbered_by_new_material_clauses_are_read_as_usual() -> None:
    # the regional section goes, but more new terms arrive with it: a rewrite, not a variant
    extra = ("## Payments\n\n"
             "Premium routes now cost 4 euros a month, billed in advance.\n\n"
             "We may share your payment details with our payment processor Paylark to charge you.\n\n"
             "Your subscription renews automatically each month unless you cancel it.\n\n"
             "Refunds are not available for months already started.\n\n"
             "We may suspend your account if a payment fails.\n\n"
             "We may use your saved routes to train our route-planning models.\n\n"
             "We may share your precise location with advertising partners.\n\n")
    a = compare(WITH_EUROPE, HEAD + extra + TAIL)
    assert a.material
    assert not a.summary.startswith("Looks like another regional version")


def test_regional_variant_returns_the_date_and_the_regional_clauses() -> None:
    from tracker.analysis.diff import diff_texts
    from tracker.analysis.materiality import label_document

    diff = diff_texts(WITH_EUROPE, WITHOUT_EUROPE)
    labels = label_document(diff.changes, WITH_EUROPE, WITHOUT_EUROPE)
    found = regional_variant(WITH_EUROPE, WITHOUT_EUROPE, diff.changes, labels)
    assert found is not None
    date, removed = found
    assert date == "3 March 2031"
    assert len(removed) >= 2 and all(c.kind == "removed" for c in removed)
    # a page that states no date for itself tells nothing
    undated = [t.replace("Last updated: 3 March 2031\n\n", "") for t in (WITH_EUROPE, WITHOUT_EUROPE)]
    diff = diff_texts(*undated)
    labels = label_document(diff.changes, *undated)
    assert regional_variant(undated[0], undated[1], diff.changes, labels) is None

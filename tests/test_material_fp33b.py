"""The same dated document captured differently (issue 11, false alarms of the kind "a different
capture of the same page is not a change of terms").

A page captured with its expandable "Learn more" blocks left out, another rendering of the same
rules, or a sibling page of the same site published the same day, changes most of the text while
the date the document states for itself ("Effective March 3, 2031") stays the same. Terms rewritten
that much come with a new date: ``scope.recaptured_date`` tells such a pair by the same stated
dates on both sides and fewer than ``RECAPTURE_KEPT_BELOW`` of the old clauses kept unchanged
between the first and the last kept one, and
``analyse`` calls it not material, its clause changes still listed. A real new clause under an
unchanged date keeps most of the text and is read as usual; so is a text rewritten under a new
date, a short page, a section removed at the end with a footer (only the span between kept
clauses is measured), and blocks added to an old text kept whole (the old capture is not measured
as lacking them: sections added under an unchanged date are often a real change). Invented texts of a fictional service; whole documents go through
``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.diff import _split, diff_texts
from tracker.analysis.scope import RECAPTURE_CLAUSES, RECAPTURE_KEPT_BELOW, recaptured_date, stated_dates

# Each section: a short summary sentence shown on the page, then the sentences of its "Learn more"
# block, which one capture of the page does not hold.
SECTIONS = {
    "Information we collect": (
        "Marlowe Cloud collects the details you give us when you open an account.",
        ["We keep your name, e-mail address and billing address.",
         "We record the files you upload and when you upload them.",
         "We note the device and browser you use to sign in.",
         "We store the messages you send to our support team."]),
    "How we use information": (
        "We use your information to run the storage service and to bill you.",
        ["We use your billing address to compute the sales tax you owe.",
         "We use sign-in records to detect attempts to break into accounts.",
         "We use support messages to answer your questions and improve our help pages.",
         "We send service notices about outages and security incidents."]),
    "Sharing": (
        "We share information only with the companies that help us run the service.",
        ["Our payment processor receives your card details to charge you.",
         "Our hosting provider stores your files in data centres in Ireland.",
         "Our e-mail provider sends the notices we write to you.",
         "We disclose information to authorities when a court orders us to."]),
    "Retention": (
        "We keep your information while your account is open.",
        ["Files you delete stay in our backups for 30 days.",
         "Billing records are kept for seven years, as tax law requires.",
         "Sign-in records are kept for twelve months.",
         "Support messages are deleted two years after the conversation ends."]),
    "Your choices": (
        "You can see, correct or delete your information at any time.",
        ["You can download a copy of your files from the account page.",
         "You can correct your billing address in the settings.",
         "You can ask us to delete your account by writing to privacy@marlowe.example.",
         "You can object to service notices that are not about security."]),
}
STAMP = "Effective March 3, 2031"


def page(stamp: str = STAMP, *, learn_more: bool = True, sections: dict = SECTIONS, extra: str = "") -> str:
    """The policy as a page shows it: its title, its date line, each section's summary and, when
    ``learn_more``, the sentences of its expandable block (``extra`` is added to the last section)."""
    parts = ["# Marlowe Cloud Privacy Policy", stamp]
    for title, (summary, details) in sections.items():
        parts.append(f"## {title}")
        parts.append(summary)
        if learn_more:
            parts.append("Learn more about " + title.lower())
            parts.append(" ".join(details))
    if extra:
        parts.append(extra)
    return "\n\n".join(parts) + "\n"


def test_the_date_line_is_read_without_its_markup():
    assert stated_dates(_split(page("**Last updated: June 30, 2031**"))) == {"june 30, 2031"}
    assert stated_dates(_split(page())) == {"march 3, 2031"}
    assert stated_dates(_split(page("Marlowe Cloud Privacy Policy"))) == frozenset()


def test_learn_more_blocks_missing_from_a_capture_of_the_same_dated_policy_are_no_change():
    old, new = page(), page(learn_more=False)
    d = diff_texts(old, new)
    assert d.old_clauses >= RECAPTURE_CLAUSES and d.unchanged < RECAPTURE_KEPT_BELOW * d.old_clauses
    assert recaptured_date(old, new, d.changes, d.old_clauses) == "March 3, 2031"
    result = analyse(old, new)
    assert not result.material
    assert result.summary.startswith("The new text states the same date (March 3, 2031) as the old one")
    assert "the page captured differently" in result.summary
    # the blocks are still listed, each said as what it is
    removed = [c for c in result.changes if c.kind == "removed" and "30 days" in (c.before or "")]
    assert removed and removed[0].explanation.startswith("Missing from another capture of the same dated text")


def test_blocks_that_appear_while_the_whole_old_text_is_kept_are_read_as_usual():
    # Not told: a capture that keeps every old clause and adds blocks under the same date reads
    # like sections added without a new date, which the labelled pairs show is often a real change.
    old, new = page(learn_more=False), page()
    d = diff_texts(old, new)
    assert d.unchanged == d.old_clauses
    assert recaptured_date(old, new, d.changes, d.old_clauses) is None
    assert analyse(old, new).material


def test_another_rendering_with_other_blocks_under_the_same_date_is_no_change():
    # the page rendered another way: each section's title and summary, then other expandable
    # blocks (a questions-and-answers rendering) where the first capture had its details
    faq = {title: (summary, [f"Questions about {title.lower()}?", "Open the help centre and pick the topic you need.",
                             "Each answer there links back to this section of the policy."])
           for title, (summary, _) in SECTIONS.items()}
    old, new = page(), page(sections=faq).replace("Learn more about", "Frequent questions on")
    d = diff_texts(old, new)
    assert recaptured_date(old, new, d.changes, d.old_clauses) == "March 3, 2031"
    assert not analyse(old, new).material


def test_a_section_removed_with_the_footer_under_an_unchanged_date_stays_material():
    # near miss: most clauses gone, but only at the end (a real section, then a long cookie
    # footer): the text from the first to the last kept clause is whole, read as usual
    footer = "\n\n".join(f"Cookie setting {n}: we use this cookie to remember choice number {n} on this site."
                           for n in range(1, 60))
    new = page(sections=dict(list(SECTIONS.items())[:2]))
    old = page(sections=dict(list(SECTIONS.items())[:3])) + "\n" + footer + "\n"
    d = diff_texts(old, new)
    assert d.unchanged < RECAPTURE_KEPT_BELOW * d.old_clauses
    assert recaptured_date(old, new, d.changes, d.old_clauses) is None
    assert analyse(old, new).material


def test_a_new_clause_under_an_unchanged_date_stays_material():
    # near miss: the date line was not updated, but the rest of the text is kept: a real change
    new = page(extra="We may sell your e-mail address to advertising partners.")
    d = diff_texts(page(), new)
    assert recaptured_date(page(), new, d.changes, d.old_clauses) is None
    assert analyse(page(), new).material


def test_a_rewrite_under_a_new_date_is_read_as_usual():
    new = page("Effective September 1, 2031", learn_more=False, extra="We may sell your e-mail address to advertising partners.")
    d = diff_texts(page(), new)
    assert d.unchanged < RECAPTURE_KEPT_BELOW * d.old_clauses
    assert recaptured_date(page(), new, d.changes, d.old_clauses) is None
    result = analyse(page(), new)
    assert result.material
    assert "captured differently" not in result.summary


def test_a_second_date_line_that_changed_is_a_new_date():
    # one stamp kept, another one changed ("Last reviewed"): not the same stated dates
    old = page("Effective March 3, 2031\n\nLast reviewed: April 2, 2031")
    new = page("Effective March 3, 2031\n\nLast reviewed: August 9, 2031", learn_more=False)
    d = diff_texts(old, new)
    assert d.unchanged < RECAPTURE_KEPT_BELOW * d.old_clauses
    assert recaptured_date(old, new, d.changes, d.old_clauses) is None


def test_a_short_page_is_read_as_usual():
    small = dict(list(SECTIONS.items())[:2])
    old, new = page(sections=small), page(sections=small, learn_more=False)
    d = diff_texts(old, new)
    assert d.old_clauses < RECAPTURE_CLAUSES
    assert recaptured_date(old, new, d.changes, d.old_clauses) is None


def test_a_revert_of_such_a_pair_keeps_its_explanation():
    result = analyse(page(), page(learn_more=False), kind="revert")
    assert not result.material
    assert "the page captured differently" in result.summary

"""Changes in how a page was captured, not in its words, are no change of terms (issue 11).

Two kinds of false alarms on real version pairs, each shown with invented texts of a fictional
service and a near miss that must keep its verdict:

* a capture that dropped the apostrophes and curly quotes throughout ("you’re" → "youre",
  "it’s" → "its", "customers’" → "customers") or the spaces between some words ("in whichthe"):
  the same letters once punctuation and spaces are read through, with the same figures
  (``materiality.cosmetic_kind`` → "punctuation-case"); "1.5%" against "15%" stays a change;
* a page captured once as Markdown and once as its raw HTML source, left in the text
  ("<p><span>Welcome to Lumen&#39;s ...&quot;"): read with that HTML converted as the extraction
  would have converted it (``sameness.render_leaked_html``), in either direction; a fee changed
  inside the HTML capture is still found.

Whole documents go through ``analyse``.
"""

from __future__ import annotations

import html

from tracker.analysis import analyse
from tracker.analysis.materiality import cosmetic_kind
from tracker.analysis.sameness import render_leaked_html

TITLE = "Lumen Notes Terms of Service\n==============================\n\n"
SECTIONS = [
    ("Your account", [
        "If you’re under 16, you may not create an account.",
        "You’re responsible for everything that happens under your account, and it’s your duty to keep "
        "your password safe.",
    ]),
    ("Fees", [
        "The Pro plan costs {fee} per month, billed in advance.",
        "We don’t refund partial months, except where the law requires it.",
    ]),
    ("Your content", [
        "Our customers’ notes remain their own: we only use them to provide the service.",
        "We may remove content that breaks these terms, in which the decision is ours to make.",
    ]),
    ("Ending the service", [
        "We may suspend your account if you don’t pay within {days} days of a reminder.",
    ]),
]


def _markdown(fee: str = "$5", days: str = "30", plain_quotes: bool = False) -> str:
    parts = [TITLE.rstrip("\n")]
    for heading, paragraphs in SECTIONS:
        parts.append(f"### {heading}")
        parts += [p.format(fee=fee, days=days) for p in paragraphs]
    text = "\n\n".join(parts) + "\n"
    return text.replace("’", "") if plain_quotes else text


def _raw_html(fee: str = "$5", days: str = "30") -> str:
    """The same terms as ``_markdown``, its body left as the page's HTML source on one line."""
    body = []
    for heading, paragraphs in SECTIONS:
        body.append(f"<h3><span>{heading}</span></h3>")
        for p in paragraphs:
            escaped = html.escape(p.format(fee=fee, days=days).replace("’", "'"))
            body.append(f"<p><span >{escaped}</span ></p>")
    return TITLE + "".join(body) + "\n"


# --- apostrophes, quotes and spaces dropped by a capture ---------------------------------------

COOKIES = """# Lumen Notes Cookie Policy

We use cookies on our services. This policy explains how.

| Purpose | Description |
| --- | --- |
| Sign-in | We use cookies to recognise you when you visit our services.<br><br>If you’re signed in to Lumen \
Notes, cookies help us show you the right information and personalise your experience in line with your settings. |
| Advertising | Cookies help us show you relevant ads on and off our services, and to learn whether we’ve shown \
you an ad and how it performed. We share cookie identifiers with our advertising partners’ platforms. |

## Your choices

You can turn off cookies that aren’t essential in your browser’s settings. We keep cookie data for {days} days.
""".replace("\\\n", "")


def test_apostrophes_dropped_throughout_are_not_material():
    # (in table rows about data use, each row read whole, the old analysis called both rows material)
    a = analyse(COOKIES.format(days=30), COOKIES.format(days=30).replace("’", ""))
    assert len(a.changes) == 3
    assert not a.material, a.summary
    assert all(c.cosmetic == "punctuation-case" for c in a.changes)
    assert a.summary == "Cosmetic change only: punctuation or capitalisation"


def test_apostrophes_and_spaces_dropped_together_are_not_material():
    after = COOKIES.format(days=30).replace("’", "").replace("If youre signed in", "If youresigned in")
    a = analyse(COOKIES.format(days=30), after)
    assert a.changes
    assert not a.material, a.summary


def test_apostrophes_dropped_with_a_period_changed_is_material():
    a = analyse(COOKIES.format(days=30), COOKIES.format(days=90).replace("’", ""))
    assert a.material
    assert [c for c in a.changes if c.material and "90 days" in (c.after or "")]
    assert all(not c.material for c in a.changes if "90" not in (c.after or ""))


def test_a_whole_terms_document_without_its_apostrophes_is_not_material():
    a = analyse(_markdown(), _markdown(plain_quotes=True))
    assert a.changes
    assert not a.material


def test_clause_with_apostrophes_and_spaces_dropped_is_punctuation_case():
    assert cosmetic_kind("If you’re late, we’ll keep it’s copy for 30 days.",
                         "If youre late, well keep its copy for30 days.") == "punctuation-case"
    assert cosmetic_kind("We charge 1,000 credits a year.", "We charge 1000 credits a year.") == "punctuation-case"


def test_figures_read_through_punctuation_stay_changes():
    assert cosmetic_kind("A fee of 1.5% applies to each payout.", "A fee of 15% applies to each payout.") is None
    assert cosmetic_kind("Refunds take 2-3 days.", "Refunds take 23 days.") is None
    assert cosmetic_kind("We don’t sell your notes.", "We do sell your notes.") is None


# --- a capture switched between Markdown and raw HTML --------------------------------------------

def test_markdown_then_raw_html_capture_is_not_material():
    a = analyse(_markdown(), _raw_html())
    assert not a.material, a.summary


def test_raw_html_then_markdown_capture_is_not_material():
    a = analyse(_raw_html(), _markdown())
    assert not a.material, a.summary


def test_fee_changed_inside_a_raw_html_capture_is_material():
    a = analyse(_markdown(), _raw_html(fee="$9"))
    assert a.material
    assert "pricing" in a.categories
    assert any(c.material and "$9" in (c.after or "") for c in a.changes)


def test_raw_html_read_converted_only_on_the_side_that_has_it():
    old, new = render_leaked_html(_markdown(), _raw_html())
    assert old == _markdown()
    assert "<span" not in new and "&#x27;" not in new and "&quot;" not in new
    assert "### Fees" in new and "The Pro plan costs $5 per month" in new


def test_a_few_inline_tags_on_both_sides_are_left_as_they_are():
    # a table cell's "<br>" and an inline "<b>" kept by both captures: no capture switched
    old = "| Plan | Limits |\n| --- | --- |\n| Pro | 10 notes<br>2 <b>GB</b> |\n\nWe may change plans.\n"
    new = old.replace("We may change plans.", "We may change plans at any time.")
    assert render_leaked_html(old, new) == (old, new)


def test_line_breaks_in_table_cells_are_no_raw_html_capture():
    # a sub-processor table whose cells break lines with "<br>", lost from the next capture: the
    # table is Markdown on both sides, and converting its rows as HTML would mangle them
    rows = "".join(f"| Vendor {n}<br>Hosting<br>Ireland<br>EU clauses<br>Contract |\n" for n in range(6))
    old = "# Annex 3\n\n| Sub-processor |\n| --- |\n" + rows + "\nWe notify you of new sub-processors.\n"
    new = "# Annex 3\n\nWe notify you of new sub-processors.\n"
    assert render_leaked_html(old, new) == (old, new)


# --- a list laid out as a table ------------------------------------------------------------------

CHOICES = [("Managing your account", "Updating or correcting the contact details you gave us, or deleting your account",
            "Go to your account settings"),
           ("Managing e-mails", "Choosing whether to receive offers and newsletters from us",
            "Use the unsubscribe link in any e-mail"),
           ("Advertising", "Choosing whether we share your personal information with partners for targeted advertising",
            "Turn off ad personalisation in settings")]
PRIVACY = ("# Lumen Notes Privacy Policy\n\nWe collect the notes you write and your e-mail address.\n\n## Your choices\n\n"
           "Depending on where you live, your choices may include:\n\n{choices}\n\n## Contact\n\n"
           "Write to our privacy team from the help centre.\n")


def _as_list(choices: list[tuple[str, str, str]]) -> str:
    return PRIVACY.format(choices="\n".join(f"* {what} ({how.lower()});" for _, what, how in choices))


def _as_table(choices: list[tuple[str, str, str]]) -> str:
    rows = "\n".join(f"| {topic} | {what} | {how} |" for topic, what, how in choices)
    return PRIVACY.format(choices="| Topic | Your choices | How to exercise them |\n| --- | --- | --- |\n" + rows)


def test_list_laid_out_as_a_table_is_not_material():
    a = analyse(_as_list(CHOICES), _as_table(CHOICES))
    assert len(a.changes) == 3
    assert not a.material, a.summary


def test_table_laid_out_as_a_list_is_not_material():
    a = analyse(_as_table(CHOICES), _as_list(CHOICES))
    assert a.changes
    assert not a.material, a.summary


def test_list_laid_out_as_a_table_with_a_wider_row_is_material():
    wider = CHOICES[:2] + [("Advertising", "Choosing whether we share or sell your personal information to partners "
                                           "for targeted advertising", "Turn off ad personalisation in settings")]
    a = analyse(_as_list(CHOICES), _as_table(wider))
    assert a.material
    assert [c for c in a.changes if c.material and "sell" in (c.after or "")]

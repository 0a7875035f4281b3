"""Hard-wrapped texts and PDF headings set in the body's type are split into clauses right.

(1) A Markdown or plain-text source hard-wrapped at a fixed width (and a PDF extracted line by
line) has its wrapped paragraphs joined before the analysis, the same way on both sides of a
pair (``sameness.wrap_width``, ``unwrap_pair``): a clause read line by line was labelled from
pieces. List items, headings, table rows, quotes, code, addresses and poem-like lines stay line
by line, and a text whose paragraphs are each one line is left as it is.

(2) A PDF whose section headings are set in the body's font size: the heading is a paragraph of
its own (``pdf._heads``), so the clause split makes it the clause's heading instead of gluing it
to the first sentence.

Every service, clause and address here is invented.
"""

from __future__ import annotations

import textwrap

import pytest

from support import make_pdf
from tracker.analysis.analyse import analyse
from tracker.analysis.clauses import split_clauses, split_sentences
from tracker.analysis.sameness import same_terms, unwrap_pair, unwrapped, wrap_width
from tracker.extract.convert import extract

# --------------------------------------------------------------------------- (1) hard wraps

_SECTIONS = [
    ("1. Accounts", "You must be at least 16 years old to open a Quillmere account. You are responsible for "
                    "keeping your password confidential and for all activity that happens under your account."),
    ("2. Use of the Service", "You may use Quillmere to draft, share and publish recipe collections. You may not "
                              "use the Service to send spam, to infringe the rights of others, or to interfere "
                              "with the operation of the Service."),
    ("3. Payment", "Paid plans are billed monthly in advance. Fees are not refundable except where required by "
                   "law. We will give you 30 days' notice before any price increase takes effect."),
    ("4. Limitation of Liability", "To the maximum extent permitted by law, Quillmere's total liability for any "
                                   "claim arising out of these Terms will not exceed the greater of the fees you "
                                   "paid to Quillmere in the {months} months before the claim or ${cap}."),
    ("5. Disputes", "{disputes}"),
    ("6. Changes to these Terms", "We will notify you by email at least 14 days before a change to these Terms "
                                  "takes effect."),
]
COURTS = ("Any dispute arising out of or relating to these Terms or the Services will be resolved exclusively in "
          "the state or federal courts located in Bellhaven, Ontario, and you and Quillmere consent to the "
          "personal jurisdiction of those courts.")
ARBITRATION = ("Any dispute arising out of or relating to these Terms or the Services will be resolved by final "
               "and binding arbitration administered by the Northfield Arbitration Forum, and not in court.")


def terms(width: int | None = 100, *, months: int = 12, cap: int = 100, disputes: str = COURTS) -> str:
    """Quillmere's terms as Markdown, each paragraph hard-wrapped at ``width`` (None: one line each)."""
    parts = ["# Quillmere Terms of Service", "Last updated: March 3, 2026"]
    for heading, body in _SECTIONS:
        body = body.format(months=months, cap=cap, disputes=disputes)
        parts += [f"## {heading}", textwrap.fill(body, width) if width else body]
    return "\n\n".join(parts) + "\n"


def test_a_text_wrapped_at_a_fixed_width_is_told_and_its_width_found() -> None:
    assert 90 <= wrap_width(terms(100)) <= 100
    assert 60 <= wrap_width(terms(72)) <= 72
    assert wrap_width(terms(None)) == 0  # one line a paragraph: no wrap


def test_wrapped_paragraphs_are_joined_alike_on_both_sides() -> None:
    old, new = unwrap_pair(terms(100), terms(None, disputes=ARBITRATION))
    assert old == terms(None)  # every wrapped paragraph on one line again, nothing else touched
    assert new == terms(None, disputes=ARBITRATION)
    # a text wrapped at another width is joined at its own width
    a, b = unwrap_pair(terms(100), terms(64))
    assert a == b == terms(None)


def test_neither_side_wrapped_is_left_as_it_is() -> None:
    old, new = terms(None), terms(None, months=3)
    assert unwrap_pair(old, new) == (old, new)


# Near misses: blocks whose line breaks mean something, inside a text that is wrapped.
_WRAPPED_BODY = textwrap.fill(
    "Quillmere keeps the recipes you upload on servers in Canada and copies them to a second data centre "
    "every night, so that a failed disk never loses your work, and it deletes every copy within thirty "
    "days of the day you close your account, except where a court orders us to keep it longer.", 100)
NEAR_MISSES = [
    "Quillmere Kitchens Inc.\n41 Harbour Lane, Suite 12\nBellhaven, Ontario K7L 4V1\nCanada",   # an address
    "Salt the water well,\nthen wait for the boil;\nthe pasta goes in last\nand the lid stays off.",  # a poem
    "- Recipes you upload stay yours, and you can export all of them at any time from your\n"
    "  settings page as a single archive.\n- Comments are public.",                              # list items
    "| Plan | Price per month in Canadian dollars, billed in advance for the whole period |\n"
    "|------|------|\n| Pantry | 4 |",                                                           # a table
    "> Quillmere may quote this sentence in its own marketing material without asking for any\n"
    "> further permission from the person who wrote it.",                                        # a quote
    "    quillmere export --all --format=zip --destination=/home/you/recipes/backup-folder-name\n"
    "    quillmere import --from=/home/you/recipes/backup-folder-name/archive.zip",              # code
    "You may write to us at any time, by letter or by email, and we answer within five days:\\\n"
    "Quillmere Support, 41 Harbour Lane, Bellhaven",                                             # a hard break
]


@pytest.mark.parametrize("block", NEAR_MISSES)
def test_lines_that_mean_something_stay_line_by_line_in_a_wrapped_text(block: str) -> None:
    text = f"{_WRAPPED_BODY}\n\n{_WRAPPED_BODY}\n\n{block}\n\n{_WRAPPED_BODY}\n"
    width = wrap_width(text)
    assert width > 0
    joined = unwrapped(text, width)
    body = " ".join(_WRAPPED_BODY.split("\n"))
    expected_block = block
    if block.startswith("- Recipes"):  # a wrapped item's continuation joins its item, the next item stays
        expected_block = ("- Recipes you upload stay yours, and you can export all of them at any time from your "
                          "settings page as a single archive.\n- Comments are public.")
    assert joined == f"{body}\n\n{body}\n\n{expected_block}\n\n{body}\n"


@pytest.mark.parametrize("block", NEAR_MISSES[:2])
def test_a_text_of_short_lines_only_is_no_wrap(block: str) -> None:
    assert wrap_width("\n\n".join([block] * 4)) == 0


def test_address_lines_as_long_as_a_wrap_are_no_wrap() -> None:
    # A legal notice of company addresses, each line a field: long lines before short ones, none
    # of them wrapped. Joined, "Luxembourg Share capital" would read as one sentence.
    entity = ("{name} S.a r.l., a private limited liability company, 12 rue des Tanneurs, L-2210 Bellhaven\n"
              "Share capital: EUR {capital}\nRegistered in Bellhaven under number B{number}\n"
              "VAT number: LU {number}")
    text = "\n\n".join(entity.format(name=n, capital=c, number=k) for n, c, k in
                       [("Quillmere Europe", "31,000", 21804), ("Quillmere Media", "12,500", 33017),
                        ("Quillmere Payments", "50,000", 40912)]) + "\n"
    assert wrap_width(text) == 0
    assert unwrap_pair(text, text.replace("31,000", "35,000")) == (text, text.replace("31,000", "35,000"))


def test_a_pdf_extracted_line_by_line_keeps_its_clause_numbers_and_page_numbers_apart() -> None:
    # A PDF's text as some converters give it: wrapped lines, escaped clause numbers, page numbers.
    old = ("8\\. You may not interfere with the Service in any way, such as by accessing it through\n"
           "automated means in a manner that puts excessive demand on it; by probing it for weaknesses;\n"
           "or through any other kind of interference with the Service or with Quillmere's partners.\\\n"
           "9\\. Quillmere may remove any recipe and end your access to the Service at any time where\n"
           "it reasonably believes that you have broken these Terms or the community rules in a way\n"
           "that harms other members, and it will tell you why it did so within seven days\n"
           "3\n\n"
           "10\\. Quillmere may change these Terms at any time by posting a new version on its site and\n"
           "telling every member by email at least fourteen days before the new version takes effect.\n")
    new = ("8\\. You may not interfere with the Service in any way, such as by accessing it through automated "
           "means in a manner that puts excessive demand on it; by probing it for weaknesses; or through any "
           "other kind of interference with the Service or with Quillmere's partners.\n\n"
           "9\\. Quillmere may remove any recipe and end your access to the Service at any time where it "
           "reasonably believes that you have broken these Terms or the community rules in a way that harms "
           "other members, and it will tell you why it did so within seven days\n\n"
           "10\\. Quillmere may change these Terms at any time by posting a new version on its site and telling "
           "every member by email at least fourteen days before the new version takes effect.\n")
    assert wrap_width(old) > 0 and wrap_width(new) == 0
    joined, same = unwrap_pair(old, new)
    assert same == new
    lines = joined.split("\n")
    assert lines[0].startswith("8\\. You may not") and lines[0].endswith("Quillmere's partners.\\")
    assert lines[1].startswith("9\\. Quillmere may remove") and lines[1].endswith("within seven days")
    assert lines[2] == "3"  # a page number is not the end of clause 9
    analysis = analyse(old, new)
    assert not analysis.material, analysis.summary


def test_a_hard_break_after_a_sentence_ends_the_sentence() -> None:
    text = "You may not resell the Service.\\\nQuillmere may end your plan. It will tell you first."
    assert split_sentences(text) == ["You may not resell the Service.\\", "Quillmere may end your plan.",
                                     "It will tell you first."]
    # an abbreviation before a hard break ends nothing
    assert split_sentences("Recipes, notes etc.\\\nare yours.") == ["Recipes, notes etc.\\\nare yours."]


def _clause_of(text: str, words: str) -> str:
    return next(c.text for c in split_clauses(text, max_sentences=1) if words in c.text)


def test_courts_to_arbitration_in_a_wrapped_text_is_the_arbitration_switch() -> None:
    old, new = terms(100), terms(100, disputes=ARBITRATION)
    assert "\n" in _clause_of(new, "and not in court")  # read line by line before
    analysis = analyse(old, new)
    assert analysis.severity == "critical", analysis.summary
    assert analysis.summary.startswith("Disputes now go to binding arbitration instead of the courts")
    disputes = next(c for c in analysis.changes if "arbitration" in (c.after or ""))
    assert "arbitration" in disputes.categories
    assert "\n" not in (disputes.after or "")
    # the same change with one line a paragraph says the same
    assert analyse(terms(None), terms(None, disputes=ARBITRATION)).summary == analysis.summary
    back = analyse(new, old)
    assert "courts instead of binding arbitration" in back.summary and "good news" in back.summary


def test_a_fees_first_liability_cap_in_a_wrapped_text_is_a_liability_change() -> None:
    old, new = terms(100), terms(100, months=3, cap=50)
    analysis = analyse(old, new)
    assert analysis.material
    assert analysis.summary.startswith("Liability cap now the greater of 3 months' fees or $50"), analysis.summary
    cap = next(c for c in analysis.changes if "$50" in (c.after or ""))
    assert "liability" in cap.categories and "pricing" not in cap.categories
    raised = analyse(new, old)
    assert "good news" in raised.summary, raised.summary


def test_a_wrapped_text_rewrapped_at_another_width_is_only_spacing() -> None:
    old, new = terms(100), terms(72)
    assert same_terms(old, new)
    analysis = analyse(old, new)
    assert not analysis.material and analysis.summary.startswith("Only spacing changed")


# --------------------------------------------------------------------------- (2) PDF headings


def _refund_pdf(days: int, *, title_case: bool = False) -> bytes:
    """Sparrowfield's refund policy: one font size for headings and text, headings on their own line."""
    headings = (["Refund Window", "How to Ask", "Renewals"] if title_case
                else ["1. Refund window", "2. How to ask", "3. Renewals"])
    lines = [(72, 720, 11, "Sparrowfield Refund Policy"),
             (72, 690, 11, headings[0]),
             (72, 676, 11, f"You can ask for a full refund of your first payment within {days} days of buying a"),
             (72, 662, 11, "paid plan, for any reason."),
             (72, 634, 11, headings[1]),
             (72, 620, 11, "Write to billing@sparrowfield.example from the email address on your account."),
             (72, 592, 11, headings[2]),
             (72, 578, 11, "Monthly renewals are not refunded once the new month has started.")]
    return make_pdf([lines])


def test_a_numbered_heading_in_the_body_type_is_a_paragraph_of_its_own() -> None:
    text = extract(_refund_pdf(30), "application/pdf")
    assert "\n\n1. Refund window\n\nYou can ask for a full refund" in text
    assert "\n\n3. Renewals\n\nMonthly renewals" in text
    clauses = split_clauses(text, max_sentences=1)
    refund = next(c for c in clauses if "full refund" in c.text)
    assert refund.heading == "Refund window" and refund.text.startswith("You can ask")
    assert any(c.kind == "heading" and c.text == "1. Refund window" for c in clauses)


def test_a_pdf_refund_window_cut_is_said_without_its_heading() -> None:
    analysis = analyse(extract(_refund_pdf(30), "application/pdf"), extract(_refund_pdf(14), "application/pdf"))
    assert analysis.material
    assert analysis.summary.startswith("You can ask for a full refund of your first payment within 14 days"), \
        analysis.summary
    (change,) = analysis.changes
    assert "Refund window" in change.heading and "Refund window" not in (change.after or "")
    assert "refunds" in change.categories


def test_a_title_case_heading_in_the_body_type_is_a_paragraph_of_its_own() -> None:
    text = extract(_refund_pdf(30, title_case=True), "application/pdf")
    assert "\n\nRefund Window\n\nYou can ask for a full refund" in text
    assert "\n\nHow to Ask\n\nWrite to billing" in text


@pytest.mark.parametrize("first, second, joined", [
    # an address in short lines: no sentence follows, it stays one paragraph as before
    ("Sparrowfield Ltd", "Garden House", "Sparrowfield Ltd Garden House"),
    # a line ended by a comma runs on
    ("Refunds, credits,", "Vouchers and gift cards are handled by our partner Bramblecourt Payments Ltd.",
     "Refunds, credits, Vouchers and gift cards are handled by our partner Bramblecourt Payments Ltd."),
    # a numbered line going on in lower case is one sentence
    ("3. Fees for each plan", "are due on the first day of each month and are paid by the card you gave us.",
     "3. Fees for each plan are due on the first day of each month and are paid by the card you gave us."),
    # a short line that is no title (lower-case words) before a sentence
    ("We may also contact you by phone", "If you do not answer, we write to the email address on your account.",
     "We may also contact you by phone If you do not answer, we write to the email address on your account."),
])
def test_short_lines_that_are_no_heading_stay_in_their_paragraph(first: str, second: str, joined: str) -> None:
    lines = [(72, 720, 11, "Sparrowfield Refund Policy"), (72, 690, 11, first), (72, 676, 11, second),
             (72, 648, 11, "Monthly renewals are not refunded once the new month has started, whatever the plan.")]
    text = extract(make_pdf([lines]), "application/pdf")
    assert f"\n\n{joined}\n\n" in text


# --------------------------------------------------------------------------- (2) the clause split


def test_a_heading_on_the_line_above_its_text_is_the_clauses_heading() -> None:
    # A plain-text source, or a PDF some other tool extracted line by line: each heading sits on
    # the line above its text, no blank line between them.
    text = ("Sparrowfield Refund Policy\n\n"
            "1. Refund window\nYou can ask for a full refund of your first payment within 30 days of buying a\n"
            "paid plan, for any reason. We pay it back within ten working days.\n\n"
            "4.2 Limitation of liability\nOur liability is limited to the fees you paid in the last 12 months.\n\n"
            "5. RENEWALS\nMonthly renewals are not refunded once the new month has started.\n")
    clauses = split_clauses(text, max_sentences=1)
    by_text = {c.text: c for c in clauses}
    assert by_text["1. Refund window"].kind == "heading"
    assert by_text["4.2 Limitation of liability"].kind == "heading"
    assert by_text["5. RENEWALS"].kind == "heading"
    refund = next(c for c in clauses if "full refund" in c.text)
    assert refund.heading == "Refund window" and refund.text.startswith("You can ask")
    assert refund.text.endswith("for any reason.")  # the wrapped sentence is one clause
    cap = next(c for c in clauses if "liability is limited" in c.text)
    assert cap.heading == "Limitation of liability"


@pytest.mark.parametrize("block", [
    "Sparrowfield Ltd\n12 Garden Row\nBellhaven",                        # an address: no sentence below
    "Roses Are Red\nViolets are blue",                                   # a poem's lines
    "We may contact you by phone\nIf you do not answer, we write to you.",  # no title: lower-case words
    "Sparrowfield Ltd\\\nGarden House, 12 Garden Row. Bellhaven.",       # a hard break (an HTML <br>)
    "1. Refunds for the\nMonthly plans are paid back within ten days.",  # a title does not end in "the"
    "Copyright Agent for Notices\nSparrowfield Ltd.\n12 Garden Row",  # Title Case above an address
    "SPARROWFIELD\nSparrowfield Ltd. is registered in Bellhaven.",      # a name in capitals
])
def test_lines_that_head_nothing_stay_in_their_block(block: str) -> None:
    clauses = split_clauses(f"Sparrowfield Terms\n\n{block}\n", max_sentences=1)
    assert not any(c.kind == "heading" for c in clauses), clauses


def test_a_pdf_line_ending_with_a_joining_word_is_no_heading() -> None:
    lines = [(72, 720, 11, "Sparrowfield Refund Policy"), (72, 690, 11, "4. Refunds for the"),
             (72, 676, 11, "Monthly plans are paid back within ten working days of the request, to the card used."),
             (72, 648, 11, "Monthly renewals are not refunded once the new month has started, whatever the plan.")]
    text = extract(make_pdf([lines]), "application/pdf")
    assert "\n\n4. Refunds for the Monthly plans are paid back" in text

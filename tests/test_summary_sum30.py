"""Key terms that fit the document: a pricing page's plans with their prices, only the questions a
kind of document can answer, quantities that keep their number, and "was" notes that quote what
changed (all texts invented: fictional services)."""

from __future__ import annotations

from tracker.analysis.summary import _DONT_SAY, compress, document_family, price_line, summarise
from tracker.api import compare

CARDS = """# Brambleway Plans

Pick a plan for your studio. All prices exclude VAT.

## Sketch

**Free**

- 40,000 render credits per month
- Forum help

## Studio

**$18 per seat per month**, billed yearly

- 3 million render credits per seat per month
- Up to 25 seats

## Atelier

**Contact sales**

- Unlimited render credits
- A named account manager

## Questions

### What if I run out?

Extra renders are billed at $2 per thousand credits.

### Can I get my money back?

Yearly plans are non-refundable.
"""

LINES = """Tallowmere plans

Seedling
Free forever
80,000 words per month
Email help

Grove
12 EUR per editor per month
1 million words per editor per month
Shared glossaries

Forest
45 EUR per editor per month
5 million words per editor per month
Single sign-on

Words above a plan's allowance cost 3 EUR per 100,000 words. Prices exclude taxes.
"""

TABLE = """# Plans

| Plan | Price | Monthly lookups | Help |
| --- | --- | --- | --- |
| Pebble | $0 | 500 | Forum |
| Boulder | $29/month | 20,000 | Email |

Prices are in US dollars. You may cancel at any time.
"""


def _texts(summary) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in summary.key_terms]


def _questions(summary) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.id for a in summary.answers}


def test_each_plan_of_headed_cards_is_one_key_term_with_price_and_allowance() -> None:
    texts = _texts(summarise(CARDS))
    assert "Sketch: free; 40,000 render credits per month." in texts
    assert "Studio: $18 per seat per month, billed yearly; 3 million render credits per seat per month." in texts
    assert "Atelier: contact sales; unlimited render credits." in texts
    # the card's lines are said by its plan, not again on their own
    assert not any(t.startswith(("40,000", "3 million", "Unlimited")) for t in texts)
    # the terms about prices besides the plans are still there
    assert "Extra renders are billed at $2 per thousand credits." in texts


def test_plain_line_cards_keep_the_numbers_of_prices_and_allowances() -> None:
    summary = summarise(LINES)
    texts = _texts(summary)
    assert texts[:3] == ["Seedling: free forever; 80,000 words per month.",
                         "Grove: 12 EUR per editor per month; 1 million words per editor per month.",
                         "Forest: 45 EUR per editor per month; 5 million words per editor per month."]
    assert not any(t.startswith(("Million", "EUR")) for t in texts)
    grove = next(b for b in summary.key_terms if b.text.startswith("Grove"))
    assert grove.concern == "pricing" and grove.section == "Grove"


def test_a_pricing_page_is_not_asked_what_it_cannot_answer() -> None:
    for page in (CARDS, LINES, TABLE):
        summary = summarise(page)
        assert "disputes" not in _questions(summary) and "age" not in _questions(summary)
        assert not any(a.answer == _DONT_SAY and a.id != "refunds" for a in summary.answers)
    # the refund question it does answer, from its own line
    refunds = next(a for a in summarise(CARDS).answers if a.id == "refunds")
    assert refunds.answer == "Yearly plans are non-refundable."


def test_type_name_decides_before_content() -> None:
    as_terms = summarise(LINES, kind="Terms of Service")
    assert "disputes" in _questions(as_terms)  # terms are asked even when they do not say
    as_pricing = summarise(LINES, kind="Pricing")
    assert "disputes" not in _questions(as_pricing)


def test_plan_table_reads_counts_with_their_column_and_makes_a_pricing_page() -> None:
    summary = summarise(TABLE)
    assert "Boulder plan: price $29/month, 20,000 monthly lookups, help Email." in _texts(summary)
    assert _questions(summary) == {"refunds"}


PRIVACY = """# Corvale Privacy Notice

Corvale collects your name, your email address and the recipes you save.

We keep your recipes while your account is open and erase them 60 days after you close it.

We never sell your personal data; we share it only with the cloud host that stores it.

You may ask for a copy of your data or for its erasure at any time in your settings.

We use saved recipes to train our suggestion models unless you switch this off.

Corvale is not meant for children under 14.
"""


def test_a_privacy_policy_is_not_asked_about_disputes_or_refunds() -> None:
    for summary in (summarise(PRIVACY), summarise(PRIVACY, kind="Privacy Policy")):
        assert _questions(summary) == {"age", "ai-training", "terms-notice"}
    # a privacy policy that does name its disputes forum still says so
    venue = PRIVACY + "\nAny dispute about this notice is heard by the courts of Tallinn, Estonia.\n"
    disputes = next(a for a in summarise(venue, kind="Privacy Policy").answers if a.id == "disputes")
    assert "Tallinn" in disputes.answer


TERMS = """# Corvale Terms of Service

These Terms govern your use of the Corvale recipe service.

You must be at least 14 years old to use Corvale.

Subscriptions renew automatically each month until you cancel. Fees already paid are non-refundable.

We may suspend your account at any time if you break these Terms.

## Fees

Premium

$4 per month

These Terms are governed by the laws of Estonia.
"""


def test_terms_of_service_are_still_asked_where_disputes_are_heard() -> None:
    summary = summarise(TERMS)
    disputes = next(a for a in summary.answers if a.id == "disputes")
    assert disputes.answer == _DONT_SAY
    assert document_family("", ()) == "terms"
    # a single price under a heading makes no plan listing
    assert not any(t.startswith("Premium:") for t in _texts(summary))


def test_document_family_by_type_name() -> None:
    assert document_family("Privacy Policy") == "privacy"
    assert document_family("Cookie Policy") == "privacy"
    assert document_family("Pricing") == "pricing"
    assert document_family("Commercial Terms") == "terms"
    assert document_family("Terms of Service") == "terms"
    assert document_family("Acceptable Use Policy") == "terms"  # unknown kinds are asked everything


def test_price_line_is_a_price_not_a_sentence_about_prices() -> None:
    assert price_line("$18 per seat per month, billed yearly")
    assert price_line("Contact sales") and price_line("Contact us")
    assert price_line("Free")
    assert price_line("US$9.50/month") and price_line("From 7 EUR a month")
    assert not price_line("Free-of-charge and paid services")  # a title that starts with a price word
    assert not price_line("Start with just $10](https://example.test/buy)")  # a link's debris
    assert not price_line("Extra renders are billed at $2 per thousand credits.")
    assert not price_line("3 million render credits per seat per month")


def test_a_quantity_keeps_its_number_while_a_section_number_goes() -> None:
    assert compress("15 USD per seat per month") == "15 USD per seat per month."
    assert compress("2 million tokens per seat") == "2 million tokens per seat."
    assert compress("1 seat included") == "1 seat included."
    assert compress("1.5 GB of storage per user") == "1.5 GB of storage per user."
    assert compress("3 Fees are due on the first day of each month.") == "Fees are due on the first day of each month."
    assert compress("4.2 We may change these prices.") == "We may change these prices."
    assert compress("2. you must not resell credits.") == "You must not resell credits."


def test_was_note_quotes_the_old_words_not_the_clause_start() -> None:
    old = ("# Terms\n\n## 6. Liability\n\n6.1 To the extent permitted by law, Orrinfold's total liability arising "
           "out of these Terms will not exceed the fees you paid to Orrinfold in the six months before the claim."
           "\n\n6.2 Orrinfold is not liable for lost profits.\n")
    new = old.replace("the fees you paid to Orrinfold in the six months before the claim", "fifty euros")
    changes = [("2026-05-01", c) for c in compare(old, new).changes]
    bullet = next(b for b in summarise(new, changes).key_terms if "fifty euros" in b.text)
    assert bullet.changed is not None
    note = bullet.changed.note
    assert "the fees you paid" in note and note.endswith("until 2026-05-01")
    assert "6.1" not in note and "To the extent" not in note


def test_was_note_names_the_replaced_word() -> None:
    old = "# Terms\n\n## 9. Disputes\n\n9.1 Disputes are heard by the courts of Lisbon.\n"
    new = old.replace("Lisbon", "Porto")
    changes = [("2026-02-01", c) for c in compare(old, new).changes]
    bullet = next(b for b in summarise(new, changes).key_terms if "Porto" in b.text)
    assert bullet.changed is not None and bullet.changed.note == "was Lisbon until 2026-02-01"

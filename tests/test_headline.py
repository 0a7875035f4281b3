"""What people read (issue 12): one headline per version, explanations that say what changed,
word diffs on whole words, Markdown rendered and never shown, a few ranked tags, sections a
reader can find. Every text here is invented (fictional services)."""

from __future__ import annotations

import json
from dataclasses import replace
import random
import re
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from tracker.analysis import analyse
from tracker.analysis.diff import REWRITE_SHARE, changed_share, is_rewrite, render_inline, word_diff
from tracker.analysis.headline import HEADLINE_MAX, MAX_TAGS, display_explanation, headline, rank_changes, shown_tags
from tracker.analysis.materiality import label_change
from tracker.analysis.rendering import clause_html, clause_text, plain_text, section_label, table_cells
from tracker.archive import Index, NewVersion, Store, sync
from tracker.cli.app import cli
from tracker.cli.output import diff_lines
from tracker.publish.notify import message
from tracker.records import ClauseChange, Version

# --- invented texts -------------------------------------------------------------------------------

# The issue's own example, reproduced: four material changes of equal severity; credits (money)
# outrank the notice period, data retention and account closure.
FERN_OLD = """# Fernlight Terms

## 3. Notice of changes

We will tell you about changes to these terms at least 30 days before they apply.

## 6. Credits

Credits expire after 12 months.

## 7. Your content

We keep deleted drafts for 90 days before we erase them.

## 12. Ending your account

We may close an inactive account after 24 months without a login.
"""
FERN_NEW = (FERN_OLD.replace("at least 30 days", "at least 10 days").replace("after 12 months", "after 6 months")
            .replace("for 90 days", "for 180 days").replace("after 24 months", "after 12 months"))

# Markdown as converted pages write it: an escaped number in a link to an anchor, bold lead-ins,
# a table, a literal <br>, and a commission going from 8% to 12%.
POLLEN_OLD = """# Pollen Studio Terms

## 4. License Grant to Us

You grant us a licence to host and display your project page.

## 5. Platform Fees

**Platform Fees.** Creators pay a platform commission of 8% on each pledge.

| Plan | Price | Credits |
| --- | --- | --- |
| Basic | $10 a month | 100 |

## 8. Credits

8.3 Credits expire after 12 months.

We will refund unused credits within 30 days of a request.

## 9. Disputes

Claims are heard by the courts of Dublin, Ireland.

## 10. Community

Be kind to other backers and answer their questions about your project whenever you can.

## 11. Contact

Write to us at 233 Broadway, New York.<br><br>We answer within a week.
"""
POLLEN_NEW = """# Pollen Studio Terms

## 4. License Grant to Us

You grant us a licence to host and display your project page.

## 5. Platform Fees

**Platform Fees.** Creators pay a platform commission of 12% on each pledge. See [4\\. License Grant to Us](#4-license-grant-to-us) for what we may show.

| Plan | Price | Credits |
| --- | --- | --- |
| Basic | $12 a month | 100 |

## 8. Credits

8.3 Credits expire after 6 months.

## 9. Disputes

Claims are heard by the courts of Paris, France.

## 10. Community

Moderators may hide any comment that breaks these rules, and repeated abuse ends your membership.

## 11. Contact

Write to us at 41 Elm Street, Boston.<br><br>We answer within a week.
"""

MARKDOWN_DEBRIS = re.compile(r"\*\*|\]\(|\\\.|<br|\|\s*---|^\s*#", re.M)


def change(explanation: str, severity: str = "material", categories: tuple[str, ...] = ("other",),
           material: bool = True, **kw: object) -> ClauseChange:
    data: dict = dict(kind="modified", clause_id="x/p1", heading="", before="a", after="b", material=material,
                      severity=severity, categories=categories, explanation=explanation)
    data.update(kw)
    return ClauseChange(**data)


# --- 1. the headline ------------------------------------------------------------------------------


def test_the_issue_example_headline() -> None:
    result = analyse(FERN_OLD, FERN_NEW)
    assert result.summary == "Credits now expire after 6 months instead of 12, and 3 more material changes"
    assert len([c for c in result.changes if c.material]) == 4


def test_headline_ranks_by_severity_then_money_disputes_data_termination() -> None:
    changes = [
        change("Accounts may now be closed after 12 months instead of 24 (termination)", categories=("termination",)),
        change("Drafts are now kept for 180 days instead of 90 (privacy)", categories=("privacy",)),
        change("Disputes now go to the courts of Paris instead of Dublin (jurisdiction)", categories=("jurisdiction",)),
        change("The monthly fee is now $12 instead of $10 (pricing)", categories=("pricing",)),
        change("Reworded", material=False, severity="minor", categories=()),
    ]
    assert [c.categories[0] for c in rank_changes(changes)[:4]] == ["pricing", "jurisdiction", "privacy", "termination"]
    assert headline(changes) == "The monthly fee is now $12 instead of $10, and 3 more material changes"
    critical = change("New binding arbitration: all claims go to an arbitrator (arbitration)", severity="critical",
                      categories=("arbitration",))
    assert headline([*changes, critical]).startswith("New binding arbitration: all claims go to an arbitrator, and 4 more")
    one_more = headline(changes[2:4])
    assert one_more.endswith(", and 1 more material change")
    assert headline([changes[4]], "1 clause changed, none materially") == "1 clause changed, none materially"


def test_headline_is_short_whole_plain_text() -> None:
    long = change("New termination right: " + "We may suspend or end your access to Fernlight for any reason, "
                  "including reasons that have nothing to do with you, at any time and without telling you "
                  "first, and we owe you nothing for it. (termination)", severity="critical", categories=("termination",))
    others = [change(f"Change {i} (other)") for i in range(3)]
    line = headline([long, *others])
    # a cut sentence takes the room of the long count: " (+3 more)"
    assert len(line) <= HEADLINE_MAX + 2 and line.endswith("… (+3 more)"), line
    assert "for any reason" in line
    assert "(termination)" not in line and ";" not in line
    assert not re.search(r"\w…\w", line)  # never cut inside a word
    marked = change("Now also says: **Platform Fees** and [the fee table](#fees) (pricing)", categories=("pricing",))
    assert display_explanation(marked.explanation) == "Now also says: Platform Fees and the fee table"


def test_history_feed_and_notification_use_the_headline(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")

    def version(text: str, month: int, kind: str) -> NewVersion:
        return NewVersion("fern", "Fernlight", "Terms", text, text.encode(), "md", "https://fern.example/terms",
                          "https://fern.example/terms", datetime(2026, month, 1, 10, tzinfo=timezone.utc), 200,
                          "text/markdown", "1", kind)

    store.record([version(FERN_OLD, 1, "first"), version(FERN_NEW, 2, "changed")])
    with Index(store.index_path) as index:
        sync(store, index)
    expected = "Credits now expire after 6 months instead of 12, and 3 more material changes"
    run = CliRunner()
    out = run.invoke(cli, ["--store", str(store.root), "history", "fern", "Terms"]).output
    assert out.splitlines()[-1].endswith(f"MATERIAL {expected}")
    feeds = tmp_path / "feeds"
    assert run.invoke(cli, ["--store", str(store.root), "feed", "--out", str(feeds)]).exit_code == 0
    parsed = feedparser.parse((feeds / "fern/terms.atom").read_bytes())
    assert parsed.entries[0].title == f"Fernlight Terms: {expected}"
    tags = [t.term for t in parsed.entries[0].tags]
    assert tags[:2] == ["Fernlight", "Terms"] and tags[2] == "refunds"  # the headline's category first
    shown = [t for t in tags[2:] if t != "material" and not t.startswith("severity:")]
    assert 1 <= len(shown) <= MAX_TAGS
    data = json.loads(run.invoke(cli, ["--store", str(store.root), "history", "fern", "Terms", "--json"]).output)
    v = Version(**{**data[-1], "categories": tuple(data[-1]["categories"])})
    diff = json.loads(run.invoke(cli, ["--store", str(store.root), "diff", "fern", "Terms", "--json"]).output)
    changes = [ClauseChange(kind=c["kind"], clause_id=c["clause"], heading="", before=c["before"], after=c["after"],
                            material=c["material"], severity=c["severity"], categories=tuple(c["categories"]),
                            explanation=c["explanation"]) for c in diff["changes"]]
    title, body = message(v, changes, "Fernlight")
    assert title == f"Fernlight Terms: {expected}"
    assert body.splitlines()[2].startswith("- MATERIAL modified: Credits now expire")  # most serious first


# --- 2. explanations ------------------------------------------------------------------------------


def test_explanations_keep_numbers_units_and_subjects_whole() -> None:
    pct = label_change("modified", "Creators pay a platform commission of 8% on each pledge.",
                       "Creators pay a platform commission of 12% on each pledge.")
    assert pct.explanation.startswith("The platform commission is now 12% instead of 8%")
    place = label_change("modified", "Arbitration takes place at 233 Broadway, New York.",
                         "Arbitration takes place at 12 Rue de Rivoli, Paris.")
    assert "12 Rue de Rivoli, Paris instead of 233 Broadway, New York" in place.explanation
    fee = label_change("modified", "Each pledge is processed by our payment partner.",
                       "Each pledge is processed by our payment partner, and the host is charged a crowdfunding "
                       "fee of 5%.")
    assert fee.material and fee.explanation.startswith("The host is now charged a crowdfunding fee of 5%")
    promise = label_change("removed", "We will refund unused credits within 30 days of a request.", None)
    assert promise.explanation.startswith("No longer promises to refund unused credits within 30 days")
    row = label_change("modified", "| Plan | Price |\n| --- | --- |\n| Basic | $10 a month |",
                       "| Plan | Price |\n| --- | --- |\n| Basic | $12 a month |")
    assert row.explanation.startswith("Price for Basic is now $12 a month instead of $10 a month")


def test_no_explanation_prints_a_bare_number() -> None:
    """Whatever the clause, a value is said with what it is: never "Now states 5%"."""
    result = analyse(POLLEN_OLD, POLLEN_NEW)
    for c in result.changes:
        assert not re.search(r"(?:states|says:?)\s+[$€£]?\d[\d.,]*%?\s*(?:\(|$)", c.explanation), c.explanation
        assert "Now states" not in c.explanation and "No longer states" not in c.explanation
        assert not MARKDOWN_DEBRIS.search(c.explanation), c.explanation
    explanations = " | ".join(c.explanation for c in result.changes)
    assert "12% instead of 8%" in explanations and "12% instead of 8 " not in explanations
    assert "No longer promises to refund unused credits within 30 days" in explanations
    # a promise withdrawn is the worst news a subscriber can get: it leads (issue #11)
    assert result.summary == ("No longer promises to refund unused credits within 30 days of a request, "
                              "and 6 more material changes")
    added = label_change("modified", "Hosts pay for the pledges they receive.",
                         "Hosts pay for the pledges they receive, with a fee of 5% on each.")
    assert "5%" not in added.explanation or re.search(r"\w+ (?:of )?5%|5% \w+", added.explanation)


# --- 3. word diffs -------------------------------------------------------------------------------


def _cuts_a_word(ops: list[tuple[int, str]]) -> bool:
    for side in (-1, 1):
        pieces = [t for op, t in ops if op in (0, side)]
        if any(a and b and a[-1].isalnum() and b[0].isalnum() for a, b in zip(pieces, pieces[1:])):
            return True
    return False


def test_word_diffs_never_cut_inside_a_word() -> None:
    # the semantic clean-up used to keep the common start of two words: "th[-eir-]{+ose+}"
    ops = word_diff("their there where them that that that that", "those whe thee that there is are there")
    assert not _cuts_a_word(ops), render_inline(ops)
    assert render_inline(word_diff("Use that service where you are.", "Use the one service a re you are.")) == \
        "Use [-that-]{+the one+} service [-where-]{+a re+} you are."
    vocabulary = "that the one where a re whe there their then them these those thee is are".split()
    rng = random.Random(12)
    for _ in range(400):
        a = " ".join(rng.choice(vocabulary) for _ in range(9))
        b = " ".join(rng.choice(vocabulary) for _ in range(9))
        ops = word_diff(a, b)
        assert "".join(t for op, t in ops if op <= 0) == a and "".join(t for op, t in ops if op >= 0) == b
        assert not _cuts_a_word(ops), render_inline(ops)


def test_a_rewritten_clause_is_shown_whole_side_by_side() -> None:
    small = word_diff("Credits expire after 12 months.", "Credits expire after 6 months.")
    assert not is_rewrite(small) and changed_share(small) < REWRITE_SHARE
    big = word_diff("Be kind to other backers and answer their questions whenever you can.",
                    "Moderators may hide any comment that breaks these rules, and abuse ends your membership.")
    assert is_rewrite(big)
    rewritten = change("New: Moderators may hide comments (usage-rules)", kind="modified", heading="## 10. Community",
                       before="Be kind to other backers and answer their questions whenever you can.",
                       after="Moderators may hide any comment that breaks these rules, and abuse ends your membership.")
    lines = [str(x) for x in diff_lines([rewritten], color=False)]
    assert lines[0].startswith("~ modified  § 10 Community")
    assert lines[2] == "    was: Be kind to other backers and answer their questions whenever you can."
    assert lines[3].startswith("    now: Moderators may hide") and "[-" not in "".join(lines)


# --- 4. Markdown rendered ------------------------------------------------------------------------


def test_markdown_becomes_plain_text_for_terminal_titles_and_diffs() -> None:
    assert plain_text("See [4\\. License Grant to Us](#4-license-grant-to-us).") == "See 4. License Grant to Us."
    assert clause_text("**Platform Fees.** Creators pay 12%.") == "Platform Fees. Creators pay 12%."
    assert clause_text("| Plan | Price |\n| --- | --- |\n| Basic | $12 a month |") == "Plan: Basic; Price: $12 a month"
    assert clause_text("Write to us.<br><br>We answer within a week.") == "Write to us. We answer within a week."
    assert clause_text("## 4. License Grant to Us") == "4. License Grant to Us"
    assert clause_text("- Pledges are final.") == "Pledges are final."
    result = analyse(POLLEN_OLD, POLLEN_NEW)
    for line in diff_lines(result.changes, color=False):
        assert not MARKDOWN_DEBRIS.search(str(line)), line
        assert "#4-license" not in str(line)  # link targets never shown as text


def test_markdown_becomes_safe_html_for_pages_and_feeds() -> None:
    html = clause_html("**Fees.** See [our table](https://pollen.example/fees) and [4\\. Grant](#4-grant).<br>"
                       "<script>alert(1)</script> [x](javascript:alert(1)) ![logo](https://t.example/p.png)")
    assert "<strong>Fees.</strong>" in html
    assert '<a href="https://pollen.example/fees" rel="nofollow noopener">our table</a>' in html
    assert "4. Grant" in html and "#4-grant" not in html  # an in-page anchor: its text only
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")  # never a live link
    assert "<img" not in html and "logo" in html and "<br>" in html
    table = clause_html("| Plan | Price |\n| --- | --- |\n| Basic | $12 <b>a</b> month |")
    assert table.startswith("<table>") and "<th>Plan</th>" in table and "<td>Basic</td>" in table
    assert "<b>" not in table and "&lt;b&gt;" in table
    assert table_cells("| Basic | $12 |") == ([], [["Basic", "$12"]])
    assert clause_html("| Basic | $12 |").startswith("<table>")


# --- 5. tags and sections ------------------------------------------------------------------------


def test_shown_tags_are_ranked_and_at_most_four() -> None:
    changes = [change(f"c{i}", categories=(cat,)) for i, cat in enumerate(
        ("usage-rules", "termination", "privacy", "arbitration", "refunds", "eligibility"))]
    changes.append(change("minor", material=False, severity="minor", categories=("pricing",)))
    tags = shown_tags(changes)
    assert len(tags) == MAX_TAGS == 4
    assert tags == ("refunds", "arbitration", "privacy", "termination")
    assert shown_tags(changes, ("privacy", "usage-rules")) == ("privacy", "usage-rules")


def test_clause_references_read_as_sections() -> None:
    assert section_label("## 8. Credits", "8.3 Credits expire after 6 months.", "credits/8.3") == "§ 8.3 Credits"
    assert section_label("## 9 Chargebacks and fraud", "We may reverse a pledge.", "chargebacks/p1") == \
        "§ 9 Chargebacks and fraud"
    assert section_label("Refunds", "Text.", "e~3.s1") == "Refunds"
    assert section_label("", "Text.", "e~3.s1") == "Introduction"
    result = analyse(POLLEN_OLD, POLLEN_NEW)
    text = "\n".join(str(x) for x in diff_lines(result.changes, color=False))
    assert "§ 8.3 Credits" in text and "credits/8.3" not in text and "/p1" not in text


# --- 6. summary ----------------------------------------------------------------------------------


def test_summary_prints_each_clause_once_without_markdown(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.record([NewVersion("pollen", "Pollen Studio", "Terms", POLLEN_NEW, POLLEN_NEW.encode(), "md",
                             "https://pollen.example/terms", "https://pollen.example/terms",
                             datetime(2026, 1, 1, 10, tzinfo=timezone.utc), 200, "text/markdown", "1", "first")])
    with Index(store.index_path) as index:
        sync(store, index)
    out = CliRunner().invoke(cli, ["--store", str(store.root), "summary", "pollen", "Terms"]).output
    lines = [line.strip() for line in out.splitlines() if line.strip().startswith(("-", "•", "*"))]
    assert lines, out
    assert len(lines) == len(set(lines)), out
    assert not MARKDOWN_DEBRIS.search(out.replace("**", "")), out
    assert "](" not in out and "#4-license" not in out


def test_pages_and_feed_entries_render_markdown_and_rewrites(tmp_path: Path) -> None:
    from tracker.publish.catalog import Catalog
    from tracker.publish.site import change_view, environment, render_entry_html

    rewritten = change("New: moderators may hide comments (usage-rules)", kind="modified", clause_id="community/p1",
                       heading="## 10. Community",
                       before="Be kind to other backers and answer their questions whenever you can.",
                       after="Moderators may hide any comment that breaks **these rules**, and abuse ends your membership.")
    table = change("Price for Basic is now $12 a month instead of $10 a month (pricing)", clause_id="fees/t1.basic",
                   heading="## 5. Platform Fees", before="| Plan | Price |\n| --- | --- |\n| Basic | $10 a month |",
                   after="| Plan | Price |\n| --- | --- |\n| Basic | $12 a month |", categories=("pricing",))
    linked = change("Now also says: see the licence (content-rights)", clause_id="fees/p1.s3", heading="## 5. Platform Fees",
                    before="Creators pay 12%.", after="Creators pay 12%. See [4\\. License Grant to Us](#4-license-grant).",
                    categories=("content-rights",))
    views = [change_view(n, c) for n, c in enumerate((rewritten, table, linked))]
    assert views[0].rewrite and not views[1].rewrite and views[1].table
    assert views[0].section == "§ 10 Community" and views[2].section == "§ 5 Platform Fees"
    version = Version("a" * 40, "pollen/Terms", "pollen", "Terms", 2, "2026-02-01T10:00:00Z", "changed", "", 3, True,
                      "material", ("pricing", "usage-rules", "content-rights"), "Price for Basic is now $12 a month",
                      "https://pollen.example/t", "", 200, "sha256:" + "b" * 64)
    page = environment().get_template("version.html").render(
        root="", title="t", feeds=[], v={"seq": 2, "date": version.fetched_at, "summary": version.summary,
                                         "material": True, "severity": "material", "categories": ["pricing"],
                                         "kind": "changed", "changes": 3, "href": "", "title": "t"},
        changes=views, doc_href="index.html", doc_title="Pollen Terms", service_slug="pollen",
        service_name="Pollen", prev=None, next=None, source="", material_count=3)
    rewrite_card = page.split('id="change-1"')[1].split("</section>")[0]
    assert "Rewritten" in rewrite_card and "<del>" not in rewrite_card and "<ins>" not in rewrite_card
    assert "<strong>these rules</strong>" in rewrite_card  # Markdown rendered, not shown
    assert page.count("<table>") == 2 and "<td>$<ins>12</ins> a month</td>" in page and "<td>$<del>10</del> a month</td>" in page
    for debris in ("**", "](", "#4-license", "fees/t1.basic", "community/p1", "| ---"):
        assert debris not in page, debris
    catalog = Catalog({"pollen": "Pollen Studio"}, [], {"pollen/Terms": [version]}, {})
    entry = render_entry_html(catalog, version, [rewritten, table, linked], "https://terms.example.org")
    for debris in ("**", "](", "#4-license", "| ---", "fees/t1.basic"):
        assert debris not in entry, debris
    assert "Before:" in entry and "<strong>these rules</strong>" in entry and "§ 10 Community" in entry


# --- explanation wording by kind: a quote says its point ----------------------------------------

DISPUTES = "# Quillway Terms\n\n## 12. Disputes\n\nWe hope to resolve any issue informally.\n\n## 13. Contact\n\nWrite to us.\n"


def _with_disputes(sentence: str) -> str:
    return DISPUTES.replace("## 13. Contact", f"{sentence}\n\n## 13. Contact")


def test_a_cut_clause_is_quoted_around_its_point() -> None:
    court = ("All disputes arising out of or relating to these Terms or the Service, including their formation "
             "and validity, shall be heard exclusively by the courts of Galway, Ireland.")
    arbitration = ("A user who lives in a country of the European Union has the possibility, under these Terms "
                   "and applicable consumer law, to submit any claim to binding arbitration administered by the "
                   "Quillway Arbitration Centre.")
    fee = ("Where your subscription renews each year on the anniversary of the date you first signed up to "
           "the service, you will be charged a renewal fee of $49 per seat.")
    lines = {}
    for name, sentence in (("court", court), ("arbitration", arbitration), ("fee", fee)):
        result = analyse(DISPUTES, _with_disputes(sentence))
        lines[name] = result.summary
        assert len(result.summary) <= HEADLINE_MAX, result.summary
    # the quote starts at its subject ("All disputes … shall be heard"), not inside a phrase
    assert lines["court"].startswith("New choice of court: All disputes … shall be heard"), lines["court"]
    assert "the courts of Galway, Ireland" in lines["court"]
    assert "binding arbitration administered by" in lines["arbitration"]
    assert "charged a renewal fee of $49 per seat" in lines["fee"]
    # with other changes to count, the quote gives up its first words, never its point
    crowded = _with_disputes(court).replace("Write to us.", "Write to us by post.\n\nWe may end your account at any time.")
    summary = analyse(DISPUTES, crowded).summary
    assert "courts of Galway" in summary and len(summary) <= HEADLINE_MAX, summary


ACCOUNT = "# Fernlight Terms\n\n## 4. Account security\n\n{x}\n\n## 5. Contact\n\nWrite to us.\n"


def test_scattered_new_words_are_read_in_their_sentence() -> None:
    old = "You must notify Fernlight promptly of any unauthorized use of your account or any other breach of security."
    new = old.replace("your account or", "your account, password or")
    summary = analyse(ACCOUNT.format(x=old), ACCOUNT.format(x=new)).summary
    assert "Now also covers: password" not in summary
    # (the sentence's last words whole, not "…any other breach…" one word short of its end)
    # the word put in named, then read in place (session 21: "Now reads: “…”" did not say which word was new)
    assert "Adds “password” to: “…use of your account, password or any other breach of security”" in summary, summary


def test_a_one_word_swap_is_quoted_with_the_words_around_it() -> None:
    old = "If you purchase paid features, you agree to pay all fees in advance and no refunds are given."
    label = label_change("modified", old, old.replace("purchase", "use"), heading="3. Billing; No Refunds")
    assert label.material
    assert "“If you use paid features…” instead of “If you purchase paid features…”" in label.explanation


def test_a_new_contracting_party_is_named_whole() -> None:
    old = ("# Terms\n\nThese terms are a contract between you and Nimbus Cloud Services Limited. "
           "Nimbus Cloud Services Limited is registered in Ireland.\n")
    new = old.replace("Services Limited", "Services Pte. Ltd.")
    result = analyse(old, new)
    party = next(c.explanation for c in result.changes if c.material)
    assert party.startswith("The contracting party is now Nimbus Cloud Services Pte. Ltd. instead of "
                            "Nimbus Cloud Services Limited"), party
    # too long with "and 1 more": the new party is kept whole, the old one dropped
    assert result.summary == "The contracting party is now Nimbus Cloud Services Pte. Ltd., and 1 more material change"
    hyphen = analyse("# Terms\n\nThe service is provided by ZOR-BLIO Limited, Ireland.\n",
                     "# Terms\n\nThe service is provided by ZOR-BLIO Pte. Ltd., Singapore.\n").summary
    assert "now ZOR-BLIO Pte. Ltd. instead of ZOR-BLIO Limited" in hyphen, hyphen


def test_items_of_a_list_or_table_are_said_with_what_the_list_is() -> None:
    listed = label_change("moved", "Applicable cookies: Tallow Remarketing, Pixelmint custom audiences, Nimbus Ads",
                          "Applicable cookies: Pixelmint custom audiences, Nimbus Ads", heading="Mobile browsers")
    assert listed.explanation.startswith("Tallow Remarketing removed from applicable cookies"), listed.explanation
    table = """# Quillway privacy notice

## 3. What we collect and why

| Data | Purpose | Shared with |
| --- | --- | --- |
| Payment details | {x} | Our payment processor |
| Usage data | Improving the service | Nobody |

## 4. Contact

Write to us.
"""
    old, new = "Processing your orders", "Processing your orders and showing you personalised advertising"
    assert analyse(table.format(x=old), table.format(x=new)).summary == (
        "Showing you personalised advertising added to “Purpose” for Payment details")
    assert analyse(table.format(x=new), table.format(x=old)).summary == (
        "Showing you personalised advertising removed from “Purpose” for Payment details")


def test_a_change_inside_a_link_says_so_with_the_words_read() -> None:
    escaped = ("To publish a package, our terms require you to \\[license us to share it\\]\\[your-content\\]. "
               "Public packages are visible to everyone.")
    linked = ("To publish a package, our terms require you to [license us to share it]"
              "(https://docs.quillway.example/terms#your-content). Public packages are visible to everyone.")
    for old, new in ((escaped, linked), (linked, escaped)):
        text = label_change("modified", old, new, heading="Quillway uses cookies").explanation
        assert "covers: content" not in text and "your-content" not in text, text
        if text.startswith("Changes a link"):
            assert "license us to share it" in text, text


def test_a_word_swap_keeps_both_words_in_a_crowded_headline() -> None:
    swap = change("Now says “…if you choose to use paid Service features…” instead of “…if you choose to purchase "
                  "paid Service features…” (refunds)", categories=("refunds",))
    line = headline([swap, change("Change 1 (other)"), change("Change 2 (other)")])
    assert len(line) <= HEADLINE_MAX and line.endswith(" (+2 more)"), line
    assert "use paid" in line and "purchase paid" in line and line.count("“") == 2 == line.count("”"), line


# --- quotes that keep their subject, values said after their whole phrase, French and German -----
_PEBBLE_OLD = """# Pebblecast Terms

## 4. Returns

You can ask for your money back within 45 days of shipment.

## 9. Disputes

Any disagreement between you and Pebblecast may be taken before the courts of your home town, and you keep any right to sue locally.

## 10. Notes

We try to answer e-mails quickly.
"""
_PEBBLE_NEW = _PEBBLE_OLD.replace("within 45 days", "within 10 days").replace(
    "may be taken before the courts of your home town, and you keep any right to sue locally",
    "will be settled by final and binding arbitration instead of in court, and you give up any right to sue "
    "locally").replace(
    "We try to answer e-mails quickly.",
    "We try to answer e-mails quickly.\n\nYou and Pebblecast agree that each of us may file claims against "
    "the other solely on an individual basis and never as a member of any putative class or representative "
    "proceeding.")


def test_a_cut_quote_keeps_its_subject_and_verb() -> None:
    result = analyse(_PEBBLE_OLD, _PEBBLE_NEW)
    waiver = next(c for c in result.changes if "class-action" in c.categories)
    arb = next(c for c in result.changes if "arbitration" in c.categories)
    # the quote starts where its sentence does (lead-in "You and Pebblecast agree that" folded into
    # its subject, for "Each of us" alone would not say who), skips the middle, and keeps the
    # limiting word before the point
    assert waiver.explanation.startswith("New: You and Pebblecast may each file claims … solely on an individual "
                                         "basis"), waiver
    assert "Any disagreement" in arb.explanation and "arbitration" in arb.explanation, arb
    assert not re.search(r"(?:New|watch-out): …", waiver.explanation + arb.explanation)
    # (a switch from the courts to arbitration is said with the waiver beside it, no quote: ux34)
    assert len(result.summary) <= HEADLINE_MAX and "…" not in result.summary.partition(":")[2][:3], result.summary
    assert result.summary.startswith("Disputes now go to binding arbitration instead of the courts; class actions waived")


def test_a_quote_that_fits_starts_at_its_sentence_not_at_its_category_word() -> None:
    text = ("Pebblecast shows a weekly summary of what you listened to. Unless you switch it off, Pebblecast "
            "may use your uploads to train its ranking models.")
    label = label_change("added", None, text)
    assert "Unless you switch it off, Pebblecast may use your uploads to train" in label.explanation, label
    line = headline([ClauseChange(kind="added", clause_id="x", heading="", before=None, after=text,
                                  material=True, severity="critical", categories=label.categories,
                                  explanation=label.explanation)] * 1)
    assert "to train" in line and len(line) <= HEADLINE_MAX, line


def test_an_old_value_comes_after_the_whole_phrase_and_now_stays_neutral() -> None:
    result = analyse(_PEBBLE_OLD, _PEBBLE_NEW)
    refund = next(c for c in result.changes if "refunds" in c.categories)
    assert refund.explanation.startswith(
        "You can ask for your money back within 10 days of shipment instead of 45 days"), refund
    assert "can now" not in refund.explanation and "instead of 45 of" not in refund.explanation
    store = label_change("modified", "Pebblecast stores voice notes for 7 days after upload.",
                         "Pebblecast stores voice notes for 30 days after upload.")
    assert store.explanation.startswith("Pebblecast now stores voice notes for 30 days after upload instead of "
                                        "7 days"), store.explanation
    ending = label_change("modified", "Pebblecast tokens expire after 12 months.", "Pebblecast tokens expire after 3 months.")
    assert ending.explanation.startswith("Pebblecast tokens now expire after 3 months instead of 12"), ending.explanation


def test_french_and_german_values_are_said_in_english() -> None:
    fr = label_change("modified", "Vous pouvez demander un remboursement dans un délai de 45 jours après l'envoi.",
                      "Vous pouvez demander un remboursement dans un délai de 10 jours après l'envoi.")
    assert fr.explanation.startswith("The refund period is now 10 days instead of 45 days: "
                                     "« dans un délai de 10 jours »"), fr.explanation
    de = label_change("modified", "Die Monatsgebühr beträgt 4,50 € und ist im Voraus zu zahlen.",
                      "Die Monatsgebühr beträgt 6,90 € und ist im Voraus zu zahlen.")
    assert "is now 6,90 € instead of 4,50 €" in de.explanation and "→" not in de.explanation, de.explanation
    age = label_change("modified", "Sie müssen mindestens 13 Jahre alt sein, um Pebblecast zu nutzen.",
                       "Sie müssen mindestens 16 Jahre alt sein, um Pebblecast zu nutzen.")
    assert age.explanation.startswith("The minimum age is now 16 instead of 13"), age.explanation
    gone = label_change("removed", "Tout différend peut être porté devant les tribunaux de votre domicile.", None)
    assert gone.explanation.startswith("Removed choice of court: « Tout différend"), gone.explanation


def test_a_dropped_negation_is_not_cut_to_a_dangling_no_in_the_headline():
    from tracker.analysis.headline import _fit

    text = ("Now says “we may use your uploads and your prompts to train and improve our models” "
            "(no longer says “We do not use your uploads or prompts to train models”)")
    cut = _fit(text, 90)
    assert len(cut) <= 90 and "(no" not in cut and cut.startswith("Now says “we may use your uploads")


def test_a_two_sentence_explanation_keeps_its_first_sentence_whole_rather_than_a_cut_second():
    from tracker.analysis.headline import _fit

    text = ("Now says “we may use your uploads to improve our models” instead of “we never use your uploads”; "
            "New use for AI training: we may use your uploads and prompts to train and improve our models")
    cut = _fit(text, 100)
    assert cut == "Now says “we may use your uploads to improve our models” instead of “we never use your uploads”"


# --- a quote keeps a subject a reader can resolve ---------------------------------------------------


def test_resolved_start_names_who_a_pronoun_subject_stands_for() -> None:
    from tracker.analysis.subject import resolved_start

    pair = "You and Quillway agree that"
    assert resolved_start(pair, "each may bring claims only individually") == \
        "You and Quillway may each bring claims only individually"
    assert resolved_start(pair, "each waives a jury trial") == "You and Quillway each waive a jury trial"
    assert resolved_start(pair, "either party may go to small-claims court") == \
        "Either you or Quillway may go to small-claims court"
    assert resolved_start(pair, "neither will be liable for delays") == "Neither you nor Quillway will be liable for delays"
    assert resolved_start(pair, "they waive any jury trial") == "You and Quillway waive any jury trial"
    assert resolved_start("The parties agree that", "each may end the contract") == "Each party may end the contract"
    assert resolved_start("When Quillway changes these Terms,", "it will email you") == "Quillway will email you"
    # no referent to name: the caller keeps the words it would drop
    assert resolved_start("When we change these Terms,", "it will email you") is None
    assert resolved_start("If you breach these Terms,", "such breach lets us close your account") is None
    assert resolved_start("If you breach these Terms,", "this allows us to close your account") is None
    # a subject of its own is left alone
    assert resolved_start("If a payment fails,", "we may pause your account") == "we may pause your account"
    assert resolved_start("", "either party may end the contract") == "either party may end the contract"


@pytest.mark.parametrize("sentence, subject", [
    ("You and Quillway agree that each may bring claims against the other only in your or its individual "
     "capacity, and not as a plaintiff or class member in any purported class or representative proceeding.",
     "You and Quillway may each bring claims"),
    ("You and Quillway agree that either party may bring claims against the other only in an individual "
     "capacity and never as a plaintiff or class member in any purported class or representative proceeding.",
     "Either you or Quillway may bring claims"),
    ("The parties agree that each may bring claims against the other only in an individual capacity and "
     "not as a plaintiff or class member in any purported class or representative proceeding.",
     "Each party may bring claims"),
])
def test_a_quote_that_drops_a_lead_in_keeps_who_it_binds(sentence: str, subject: str) -> None:
    result = analyse(DISPUTES, _with_disputes(sentence))
    added = [c for c in result.changes if c.kind == "added"]
    assert added and subject in added[0].explanation, added[0].explanation if added else result
    assert subject in result.summary and "individual" in result.summary, result.summary
    assert not re.search(r": (?:Each|Either|Neither|It|They) (?!part|you )", result.summary), result.summary
    assert len(result.summary) <= HEADLINE_MAX


def test_a_quote_that_drops_a_condition_names_the_party_of_its_pronoun() -> None:
    old = "We hope to resolve any issue informally."
    sentence = ("When Quillway plans to raise the price of a plan, it will tell you by email at least 14 days before "
                "the new price applies to your next renewal.")
    result = analyse(DISPUTES, DISPUTES.replace(old, f"{old}\n\n{sentence}"))
    text = " ".join(c.explanation for c in result.changes) + " " + result.summary
    assert "…it will" not in text and not re.search(r"(?:^|: )It will", text), text


# --- cutting: on a word boundary, on a word that carries meaning, never empty ------------------------

_CUT_TEXTS = (
    "New class-action waiver: You and Quillway may each bring claims … only in an individual capacity, and not "
    "as a plaintiff or class member",
    "Credits that you have not used may expire after 6 months instead of 12",
    "Now says “we may use your inputs and outputs to train and improve our models unless you opt out”",
    "Disputes will now be resolved by final and binding arbitration held in San Francisco, California instead of "
    "New York",
    "Removed: Refunds are given within 14 days of purchase",
    "Now says “https://quillway.example/a-very-long-path/with-many-segments/and-more-segments/and-even-more”",
    "New: Quillwayhyperlongcompoundwordwithoutanyspacesatallthatgoesonandonandonandonforever",
    "The contracting party is now Quillway Labs International Holdings Pte. Ltd. instead of Quillway Labs, Inc.",
)


@pytest.mark.parametrize("text", _CUT_TEXTS)
def test_one_line_cuts_on_a_word_that_carries_meaning_at_every_length(text: str) -> None:
    from tracker.analysis.rendering import one_line

    source_words = set(text.replace("“", " ").replace("”", " ").split())
    for limit in range(12, len(text) + 5):
        out = one_line(text, limit)
        assert len(out) <= limit, (limit, out)
        if len(text) <= limit:
            assert out == text
            continue
        assert out.endswith(("…", "…”")) and out.strip("…” ") != "", (limit, out)
        assert out.count("“") == out.count("”"), (limit, out)  # a cut quote is closed
        last = out.rstrip("…”").split(" ")[-1].lstrip("“")
        if max(map(len, source_words)) < limit - 1:
            # on a word boundary: the last word kept is a whole word of the text
            assert last in source_words or any(w.startswith(last) and not w[len(last):len(last) + 1].isalnum()
                                               for w in source_words), (limit, out)
    # enough room for the point: the cut keeps it rather than the glue before it
    assert one_line("Removed: Refunds are given within 14 days of purchase", 44) == \
        "Removed: Refunds are given within 14 days…"
    assert one_line("We will hold all hearings in person in San Francisco, California", 45) == \
        "We will hold all hearings in person…"  # not "in San…"
    assert one_line("We will hold all hearings in person in San Francisco, California", 55) == \
        "We will hold all hearings in person in San Francisco…"
    assert "to…" not in one_line(_CUT_TEXTS[2], 70) and "and…" not in one_line(_CUT_TEXTS[2], 76)


def test_a_headline_with_more_changes_never_cuts_its_first_change_to_nothing() -> None:
    from dataclasses import dataclass

    @dataclass
    class Change:
        explanation: str
        material: bool = True
        severity: str = "critical"
        categories: tuple[str, ...] = ("refunds",)

    for text in _CUT_TEXTS:
        for more in (1, 4, 12):
            changes = [Change(text + " (refunds)")] + [Change(f"Other change {i} (other)", severity="material",
                                                              categories=("other",)) for i in range(more)]
            for limit in range(60, 141, 3):
                line = headline(changes, limit=limit)
                assert len(line) <= limit, (limit, line)
                body = re.sub(r"(?:, and \d+ more material changes?| \(\+\d+ more\))$", "", line)
                assert len(body.rstrip("…”").split(":")[-1].strip(" “…")) >= 8, (limit, line)
                assert body.count("“") == body.count("”"), (limit, line)
                assert "://" in body or not re.search(r"\b(?:to|and|of|the|in|within|by)…", body), (limit, line)


def test_a_dropped_negation_is_quoted_to_a_word_that_carries_meaning() -> None:
    old = "# Quillway Privacy\n\n## 3. Use\n\nWe do not use your saved notes or shared drafts to train our models.\n"
    new = ("# Quillway Privacy\n\n## 3. Use\n\nUnless you opt out, we may use your saved notes and shared drafts to train and "
           "improve our models.\n")
    result = analyse(old, new)
    # what it means, whole, when the quote beside it would be cut short ("Now says “we may use…”")
    assert result.summary.startswith("Your data may now be used for AI training unless you opt out"), result.summary
    assert not re.search(r"\b(?:our|the|and|to|use)…", result.summary), result.summary
    assert not re.search(r"\b(?:our|the|and|to)…", " ".join(c.explanation for c in result.changes))


def test_words_read_in_place_end_on_a_word_that_carries_meaning() -> None:
    doc = "# Quillway Terms\n\n## 2. Recovery\n\n{x}\n"
    old = "We will collect your email address and phone number for account recovery purposes only."
    new = old.replace("collect your", "collect and verify your")
    explanation = " ".join(c.explanation for c in analyse(doc.format(x=old), doc.format(x=new)).changes)
    assert "collect and verify" in explanation, explanation
    assert not re.search(r"\b(?:and|your|the|to|for)…", explanation), explanation


def test_a_changed_modal_or_negation_is_quoted_in_place() -> None:
    doc = "# Quillway Terms\n\n## 4. Accounts\n\nYou need an account. {x}\n\n## 5. Fees\n\nThe app is free.\n"
    result = analyse(doc.format(x="Quillway may suspend your account if you break these Terms."),
                     doc.format(x="We can close your account at any time when we believe you have breached the rules."))
    text = " ".join(c.explanation for c in result.changes)
    assert "at any time" in text and not re.search(r"Now says \"[^\"]+\"", text), text  # not a bare '"at any time"'
    assert "close your account at any time" in text, text


# --- the words that relate a changed value to a point in time stay ----------------------------------

@pytest.mark.parametrize("old, new, expected", [
    # a value counted from a point the sentence names after it: the relation stays when the point is dropped
    ("Gift cards that you have not redeemed may lapse 12 months after the day you bought them.",
     "Gift cards that you have not redeemed may lapse 6 months after the day you bought them.",
     "may lapse after 6 months instead of 12"),
    ("Your workspace is deleted 60 days after the end of your subscription, unless you renew it first.",
     "Your workspace is deleted 30 days after the end of your subscription, unless you renew it first.",
     "deleted after 30 days instead of 60"),
    ("When we plan to retire a plan, we will post a notice on the Quillway status page at least 2 weeks before the "
     "plan is retired, so that you can move.",
     "When we plan to retire a plan, we will post a notice on the Quillway status page at least 1 week before the "
     "plan is retired, so that you can move.",
     "at least 1 week in advance instead of 2 weeks"),
    ("We will give you notice 30 days before any change to the price of your plan takes effect.",
     "We will give you notice 7 days before any change to the price of your plan takes effect.",
     "notice 7 days in advance instead of 30"),
    # a bound that needs its point keeps it: "no later than 14 days" alone says nothing; the old
    # value beside the new one when the sentence is too long for both at its end
    ("Invoices are due no later than 30 days after issue.", "Invoices are due no later than 14 days after issue.",
     "no later than 14 days after issue instead of 30 days"),
    ("You must pay each Quillway invoice no later than 30 days after the invoice date.",
     "You must pay each Quillway invoice no later than 14 days after the invoice date.",
     "no later than 14 days (instead of 30) after the invoice date"),
    # function words before the value stay as they were
    ("We will refund unused Quillway credit within 30 days of your written request.",
     "We will refund unused Quillway credit within 60 days of your written request.",
     "within 60 days"),
    ("We keep your Quillway logs for at least 90 days after you close your account.",
     "We keep your Quillway logs for at least 30 days after you close your account.",
     "for at least 30 days"),
    ("Quillway tokens expire after 12 months.", "Quillway tokens expire after 3 months.",
     "expire after 3 months instead of 12"),
])
def test_the_word_relating_a_value_to_a_point_in_time_is_kept(old: str, new: str, expected: str) -> None:
    label = label_change("modified", old, new)
    assert expected in label.explanation, label.explanation
    assert "after after" not in label.explanation and "in advance in advance" not in label.explanation
    line = headline([ClauseChange(kind="modified", clause_id="x", heading="", before=old, after=new, material=True,
                                  severity=label.severity, categories=label.categories,
                                  explanation=label.explanation)])
    # a notice period's headline says what it is before ("… instead of 2 weeks before the plan is
    # retired", head41): that "before" relates the value to its point in time in place of "in advance"
    assert expected in line or (" in advance" in expected and expected.replace(" in advance", "") in line
                                and " before " in line.rpartition(" instead of ")[2]), line


def test_one_line_never_ends_on_a_list_marker_a_lead_in_colon_or_a_participle_without_its_complement() -> None:
    from tracker.analysis.rendering import one_line

    text = "You agree that you will not 1. resell the Service; 2. copy it"
    for limit in range(20, len(text)):
        out = one_line(text, limit)
        assert not re.search(r"(?:\b\d\.|:)…$", out), (limit, out)
    fee = "We may charge the chargeback fee listed on our pricing page for every disputed payment"
    assert not any(one_line(fee, n).endswith("listed…") for n in range(30, len(fee))), fee
    # a participle that is the verb ("will be closed") is a complete phrase
    assert one_line("Your Quillway account will be closed in thirty days from today", 40) == \
        "Your Quillway account will be closed…"


def test_a_cut_never_ends_on_a_word_that_leads_on_when_half_the_room_avoids_it() -> None:
    """"… applies to any dispute between… (+59 more)", "… may be (+2 more)": when no cut ends a
    phrase within 70% of the room, one that at least ends on no leading word ("between", "be",
    "the", "has") is taken over one that does."""
    from tracker.analysis.rendering import LEADS_ON, one_line

    texts = ["This Arbitration Agreement applies to any dispute between you and Quillway arising from the Service",
             "Violations of these rules by you or any person using your account may be treated as a breach",
             "For people living in the European Union, Quillway Technologies LLC has appointed a representative"]
    for text in texts:
        for limit in range(30, len(text)):
            out = one_line(text, limit)
            last = out.rstrip("…").split()[-1].lower().strip(",;:")
            assert last not in LEADS_ON, (limit, out)


def test_a_paragraph_taken_for_a_title_is_named_by_its_start() -> None:
    from tracker.analysis.rendering import section_label

    title = ("**For minor or administrative changes, Quillway will post the revised terms on its website and "
             "they take effect on the date of posting.**")
    label = section_label(title, "We may end this agreement at any time.")
    assert label.endswith("…") and len(label.split()) <= 13 and label.startswith("For minor or administrative"), label
    assert section_label("## 8.3 Credits") == "§ 8.3 Credits"


def test_a_shrunk_swap_never_ends_a_quote_on_an_open_bracket_or_a_leading_word() -> None:
    from tracker.analysis.headline import _trimmed

    assert _trimmed("…the Platform applies a 15% Platform Share (or", True) == "…the Platform applies a 15% Platform Share…"
    assert _trimmed("…promotional rates - which can vary", True) == "…promotional rates…"


@pytest.mark.parametrize("clause, name", [
    # a jury-trial waiver under a class-action heading or in a class-action sentence is named as one
    ("You and Quillway each waive the right to a jury trial.", "New jury-trial waiver: "),
    ("You waive any right to a jury trial or to take part in a class action against Quillway.",
     "New class-action and jury-trial waiver: "),
    ("Claims may be brought only in your individual capacity, never as a class or representative action.",
     "New class-action waiver: "),
])
def test_a_new_waiver_is_named_by_each_right_it_gives_up(clause: str, name: str) -> None:
    old = "# Quillway Terms\n\n## 9. Class action waiver\n\nThese terms are governed by the laws of Ireland.\n"
    result = analyse(old, old + f"\n{clause}\n")
    line = headline(result.changes)
    assert line.startswith(name), (line, [(c.severity, c.explanation) for c in result.changes])


# --- a changed law beside a new arbitration clause -------------------------------------------------

_WREN = """# Wrenfield Terms

## 2. Refunds

You may ask for a refund within {days} days of a payment.

## 9. Law and disputes

{law}
"""


@pytest.mark.parametrize("old_law, new_law", [
    ("These terms are governed by the laws of the State of Oregon.",
     "These terms are governed by the laws of the State of Delaware, and any dispute arising from them will be "
     "settled by binding arbitration."),
    ("These terms are governed by the laws of the State of Oregon, and any dispute will be heard by the state or "
     "federal courts in Portland, Oregon.",
     "These terms are governed by the laws of the State of Delaware, and any dispute will be settled by binding "
     "arbitration in Wilmington, Delaware, and you waive your right to a jury trial."),
])
def test_a_changed_law_is_said_as_a_change_and_a_new_arbitration_leads_plainly(old_law: str, new_law: str) -> None:
    result = analyse(_WREN.format(days=30, law=old_law), _WREN.format(days=7, law=new_law))
    law = next(c for c in result.changes if "arbitra" in (c.after or ""))
    # the law changed: never announced as a new one, never "instead of" the courts (but for the courts
    # the old clause named, which binding arbitration replaced: ux34)
    assert "New choice of law" not in result.summary, result.summary
    switch = "Disputes now go to binding arbitration instead of the courts of Portland, Oregon: "
    assert law.explanation.startswith(switch) == ("courts" in old_law), law.explanation
    assert not re.search(r"instead of [^;(]*(?:courts|tribunaux)", law.explanation.replace(switch, "")), law.explanation
    assert "Delaware instead of Oregon" in law.explanation, law.explanation
    if "courts" in old_law:  # the switch, with the jury-trial waiver the clause brings, is the headline
        assert result.summary.startswith(switch[:60]) and "jury trials waived" in result.summary, result.summary
        return
    assert result.summary.startswith("New binding arbitration: "), result.summary
    # the quote of the arbitration starts at its own subject, never the law's subject joined to its verb
    assert "governed …" not in result.summary, result.summary
    # (the count " (+1 more)" stays in the headline since nu37: the quote may lose its "any")
    assert re.search(r"…(?:any )?dispute\b[^…]* will be settled", result.summary), result.summary
    assert result.summary.endswith(" (+1 more)"), result.summary


def test_the_first_explanation_is_named_from_its_own_categories() -> None:
    both = change("New watch-out: …any claim will be settled by binding arbitration (arbitration); These terms are now "
                  "governed by the laws of Utah instead of Idaho (governing-law)", severity="critical",
                  categories=("arbitration", "governing-law"))
    assert headline([both]).startswith("New binding arbitration: …any claim will be settled by binding arbitration"), \
        headline([both])
    law = change("New watch-out: These terms are governed by the laws of Utah (governing-law); These terms are now "
                 "governed by the laws of Utah instead of Idaho (governing-law)", severity="critical",
                 categories=("governing-law",))
    assert headline([law]).startswith("These terms are now governed by the laws of Utah instead of Idaho"), headline([law])


def test_a_quote_keeps_a_house_number_after_a_line_break() -> None:
    old = "# Imprint\n\n## Director\n\nAnouk Verdal, director.\n"
    new = ("# Imprint\n\n## Publisher\n\nZerbino collective ℅ Anouk Verdal  \n6 chemin des Vignes, 38660 Plateau des "
           "Combes, France  \n`contact@zerbino.example`\n\n## Seat\n\nThe Ministry of Small Affairs is the "
           "publisher, located at  \n37 Quai des Brumes, 75015 Paris, France\n\n## Office\n\nZerbino GmbH  \n"
           "10 Hauptstraße, 10115 Berlin, Germany, also hosts our servers for the platform and its users\n")
    said = " ".join(c.explanation for c in analyse(old, new).changes)
    assert "effect: 6 chemin des Vignes" in said, said
    assert "located at 37 Quai des Brumes" in said, said
    assert "effect: 10 Hauptstraße" in said, said
    # the numbering of a clause is still no part of its quote
    numbered = analyse("# T\n\n## 3. Credits\n\n3.1 Credits expire after 12 months.\n",
                       "# T\n\n## 3. Credits\n\n3.1 Credits expire after 6 months.\n")
    assert "3.1" not in numbered.changes[0].explanation, numbered.changes[0].explanation


# --- a term named by what it is ----------------------------------------------------------------------

@pytest.mark.parametrize("clause, name", [
    ("Under the Bulk Arbitration procedure, Arbitra Inc. will administer the demands in batches with one set of "
     "filing fees per side.", "New pricing term: "),
    ("Zorblio may raise the Standard Fee to $12 a month.", "New charge: "),
    ("Zorblio may raise the Standard Fee by 5% each year.", "New charge: "),
])
def test_a_charge_is_named_only_with_an_amount(clause: str, name: str) -> None:
    c = change(f"New watch-out: {clause} (pricing)", severity="critical", categories=("pricing",), after=clause)
    assert headline([c]).startswith(name), headline([c])


@pytest.mark.parametrize("section", ["25th Floor", "Suite 400", "PO Box 12", "1 Harbour Street, Suite 9"])
def test_an_address_line_taken_for_a_heading_is_no_section(section: str) -> None:
    c = change("Now also covers: updates, improvements, or special offers (privacy)", heading=section,
               clause_id="25th-floor/p3")
    assert headline([c]) == "Now also covers: updates, improvements, or special offers", headline([c])
    named_section = change("Now also covers: special offers (privacy)", heading="Marketing e-mails",
                           clause_id="marketing/p3")
    assert headline([named_section]).startswith("In “Marketing e-mails”: "), headline([named_section])


def test_a_list_of_surviving_sections_is_no_headline_before_the_term_itself() -> None:
    survival = change("New: The provisions of these Terms intended by their nature to survive termination shall so "
                      "survive, including Sections 3, 4 and 11 (class-action)", severity="critical",
                      categories=("class-action",), kind="added", before=None)
    waiver = change("New: You and Zorblio may bring disputes only in an individual capacity, not as a class member "
                    "(class-action)", severity="critical", categories=("class-action",), kind="added", before=None)
    assert headline([survival, waiver]).startswith("New class-action waiver: You and Zorblio may bring disputes"), \
        headline([survival, waiver])


def test_a_title_naming_a_term_is_no_headline_before_the_term_itself() -> None:
    title = change("New watch-out: WAIVER OF CLASS ACTIONS. (class-action)", severity="critical",
                   categories=("class-action",), before="**11\\. GOVERNING LAW**",
                   after="**11\\. GOVERNING LAW; WAIVER OF CLASS ACTIONS.**")
    waiver = change("New: You and Zorblio may bring disputes only in an individual capacity, not as a class member "
                    "(class-action)", severity="critical", categories=("class-action",), kind="added", before=None,
                    after="You and Zorblio may bring disputes only in an individual capacity, not as a class member.")
    assert headline([title, waiver]).startswith("New class-action waiver: You and Zorblio may bring"), \
        headline([title, waiver])


def test_a_shortened_swap_never_ends_on_an_opened_bracket_or_a_french_article():
    from tracker.analysis.headline import _shrunk_swap

    out = _shrunk_swap("Now says “Pour les offres personnalisées (par ex…” instead of “À des fins de calcul automatisé "
                       "des prix”", 80)
    assert out is not None and "(par" not in out and not re.search(r"\b(?:des|de|les)…", out), out


def test_a_headline_drops_a_lead_in_of_agreeing_and_instructing_whole():
    from tracker.analysis.headline import headline
    from tracker.records import ClauseChange

    c = ClauseChange("added", "x/p1", "ML", None, "You agree and instruct that: (i) we may use and store Zorblio ML "
                     "Content to maintain and train the service and (ii) other things happen here for a long time.",
                     True, "critical", ("ai-training",), "New: You agree and instruct that: (i) we may use and store "
                     "Zorblio ML Content to maintain and train… (ai-training)")
    out = headline([c])
    assert "And instruct" not in out and "we may use and store Zorblio ML Content" in out, out


@pytest.mark.parametrize("now,was", [
    ("…the EEA without an adequacy determination by the Quibly Commission…",
     "…Economic Area, Switzerland or the United Kingdom (\"EEA\") to a country outside…"),
    ("…handling of payments and refunds; offering of discounts and promotions…",
     "…payment handling; offering of discounts and promotions…"),
    ("Zorblio will give you a refund, plus your basic delivery charge for the items cancelled…",
     "…your whole order up until 14 days after the delivery date and we will provide you…"),
])
def test_a_rewritten_passage_is_not_cut_to_fragments_on_both_sides_in_a_headline(now, was):
    # two wordings sharing few words: the new one from its start, never two stubs that hide the change
    c = ClauseChange(kind="modified", clause_id="x/1", heading="", before="x", after="y", material=True,
                     severity="material", categories=("privacy",),
                     explanation=f"Now says “{now}” instead of “{was}” (privacy)")
    # fillers that name nothing concrete: a duration would rank first (``concreteness``, session 25);
    # less serious than the passage, which a readable change as serious would go before (head37)
    others = [replace(c, clause_id=f"x/{i}", explanation=f"New: Zorblio may keep logs of kind {i} (privacy)",
                      severity="minor") for i in range(2, 6)]
    line = headline([c] + others)
    assert len(line) <= HEADLINE_MAX
    said = re.search(r"“([^”]*)”", line).group(1)
    assert said.strip("…").split()[:3] == now.strip("…").split()[:3], line
    assert " instead of " not in line or len(said.split()) >= 5, line


def test_an_example_ranks_after_the_terms() -> None:
    # an illustration of another clause ("This includes ...", "For example ...", "Par exemple ...")
    example = change("Removed: This includes passport numbers, passwords and home addresses… (privacy)",
                     categories=("privacy",))
    exemple = change("Removed: « Par exemple, lorsque vous utilisez Zorblio pour chercher un trajet… » (pricing)",
                     categories=("pricing",))
    rule = change("New: You must not share another member's private messages without consent. (usage-rules)",
                  categories=("usage-rules",))
    assert rank_changes([example, exemple, rule])[0] is rule
    assert headline([example, rule]).startswith("New: You must not share another member")


def test_a_table_row_headline_is_never_cut_to_its_first_cell() -> None:
    row = change("Removed row: Type: Cookie; Name: zb_ads; Purpose: Used for Advertising; Duration: 1 month (privacy)",
                 categories=("privacy",), kind="removed")
    others = [change(f"Removed: Quibly keeps log {i} for a week. (privacy)", categories=("privacy",)) for i in range(4)]
    line = headline([row, *others])
    assert "Name: zb_ads" in line and len(line) <= HEADLINE_MAX, line


def test_a_french_or_german_cut_never_ends_on_a_word_that_leads_on() -> None:
    from tracker.analysis.rendering import one_line

    fr = one_line("Créer des indicateurs statistiques sur la base de données de trafic anonymisées par Zorblio", 50)
    assert not re.search(r"\b(?:de|la|sur|des)…$", fr), fr
    de = one_line("Die Daten werden innerhalb von dreißig Tagen nach der Kündigung des Quibly Kontos gelöscht", 40)
    assert not re.search(r"\b(?:von|der|des|nach)…$", de), de


def test_advice_to_the_reader_ranks_after_the_terms() -> None:
    advice = change("New: Because email is not always secure, please do not include card numbers in your emails. (payment)",
                    categories=("payment",), kind="added")
    recommend = change("New: We recommend that you keep your Zorblio password to yourself. (privacy)",
                       categories=("privacy",), kind="added")
    term = change("Now says “Residents of Utah and Oregon have certain rights…” instead of “Residents of Utah have…” (privacy)",
                  categories=("privacy",))
    assert rank_changes([advice, recommend, term])[0] is term

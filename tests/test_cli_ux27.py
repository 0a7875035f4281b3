"""A first-time user's reading (session 27): a version whose changes are all cosmetic says which
in plain words, not its internal kind ids; a link put on unchanged words is said as a link added
or removed, not "Only link targets changed"; a modified clause that becomes a watch-out is told
once, not quoted twice; a run that creates a new archive says so; and a document's feed written
without a site links to the terms page it follows, not to its own XML.

Real analysis, the real CLI, a real local HTTP server (``tracker demo``'s); every text is invented,
about fictional services.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
from click.testing import CliRunner

from tracker.analysis import analyse
from tracker.analysis.analyse import cosmetic_summary
from tracker.analysis.wording import links_gained_said, watch_restated
from tracker.cli.app import cli

TERMS = ("# Zorblio Terms\n\n## 1. Fees\n\nYou pay the fees shown on the pricing page before each month starts.\n\n"
         "## 2. Privacy\n\nWe handle your data as our privacy policy says.\n")


def test_an_all_cosmetic_version_says_its_kinds_in_plain_words() -> None:
    assert cosmetic_summary(("links-only",)) == "Cosmetic change only: links"
    assert cosmetic_summary(("date-only", "page-chrome")) == \
        "Cosmetic change only: a date, page furniture (menus, banners, footers)"
    assert cosmetic_summary(("some-new-kind",)) == "Cosmetic change only: some new kind"  # never an error
    linked = TERMS.replace("the pricing page", "the [pricing page](https://zorblio.example/pricing)")
    result = analyse(TERMS, linked)
    assert not result.material and result.summary == "Cosmetic change only: links", result.summary
    assert "(" not in result.summary.replace("(menus", "")  # no "(links-only)" id shown


def test_a_link_put_on_or_taken_off_unchanged_words_is_said_as_such() -> None:
    linked = TERMS.replace("our privacy policy", "our [privacy policy](https://zorblio.example/privacy)")
    added = analyse(TERMS, linked)
    said = [c.explanation for c in added.changes]
    assert said == ["Link added on “privacy policy”; wording unchanged"], said
    removed = analyse(linked, TERMS)
    assert [c.explanation for c in removed.changes] == ["Link removed from “privacy policy”; wording unchanged"]
    # only a target changed: said as before
    moved = analyse(linked, linked.replace("/privacy)", "/legal/privacy)"))
    assert [c.explanation for c in moved.changes] == ["Only link targets changed"]
    # one link added and another removed in the clause: neither message would be true alone
    assert links_gained_said("see [a](x) and b", "see a and [b](y)") == ""
    assert links_gained_said("see a, b", "see [a](x), [b](y)") == "Links added on “a”, “b”; wording unchanged"


def test_a_clause_that_becomes_a_watch_out_is_told_once() -> None:
    old = TERMS + "\n## 3. Changes\n\nWe will tell you about changes to these terms 30 days before they apply.\n"
    new = TERMS + "\n## 3. Changes\n\nWe may change these terms at any time without notice to you.\n"
    result = analyse(old, new)
    [change] = [c for c in result.changes if c.material]
    text = change.explanation
    assert text.startswith("New watch-out: now says “We may change these terms at any time without notice to you”"), text
    assert text.count("We may change these terms") == 1 and "instead of “" in text, text
    # two quotes that say different things stay two sentences
    two = "New watch-out: We may end your plan (termination); Now says “fees are €9” instead of “fees are €7” (pricing)"
    assert watch_restated(two) == two
    # the fuller of two quotes of one sentence is kept
    cut = ("New watch-out: Your account may be closed (and credits forfeited) if unused (refunds); "
           "Now says “Your account may be closed…” instead of “Your account may be closed after 2 years” (refunds)")
    assert watch_restated(cut) == ("New watch-out: now says “Your account may be closed (and credits forfeited) if "
                                   "unused” instead of “Your account may be closed after 2 years” (refunds)")


def _sources(root: Path) -> Path:
    terms = root / "terms.md"
    terms.write_text(TERMS, encoding="utf-8")
    sources = root / "sources.toml"
    sources.write_text(f'[[service]]\nid = "zorblio"\nname = "Zorblio"\n  [[service.document]]\n'
                       f'  type = "Terms of Service"\n  url = "{terms.as_uri()}"\n', encoding="utf-8")
    return sources


def test_a_run_that_creates_a_new_archive_says_so_once(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    store = tmp_path / "typo-store"
    first = CliRunner().invoke(cli, ["--store", str(store), "--sources", str(sources), "run"])
    assert first.exit_code == 0, first.output
    assert f"created a new archive at {store.resolve()}" in first.stderr, first.stderr
    again = CliRunner().invoke(cli, ["--store", str(store), "--sources", str(sources), "run"])
    assert again.exit_code == 0 and "new archive" not in again.stderr, again.stderr
    quiet = CliRunner().invoke(cli, ["--store", str(tmp_path / "other"), "--sources", str(sources), "run", "--quiet"])
    assert quiet.exit_code == 0 and "new archive" not in quiet.stderr  # cron: silence when all is well


def test_a_document_feed_without_a_site_links_to_its_terms_page(tmp_path: Path) -> None:
    demo = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert demo.exit_code == 0, demo.output
    out = tmp_path / "feeds"
    feed = CliRunner().invoke(cli, ["--store", str(tmp_path / "demo" / "snapshots"), "feed", "--out", str(out)])
    assert feed.exit_code == 0, feed.output
    documents = [p for p in out.rglob("*.atom") if p.parent != out and p.parent.name != "category"
                 and p.stem not in ("all", "material")]
    assert documents, sorted(str(p) for p in out.rglob("*.atom"))
    for path in documents:
        link = feedparser.parse(path.read_bytes()).feed.link
        assert link.startswith("http://127.0.0.1") and not link.endswith(".atom"), (path, link)
    whole = feedparser.parse((out / "all.atom").read_bytes()).feed.link
    assert whole.endswith("all.atom"), whole  # a feed of every document has no page but itself


# --------------------------------------------------------------------------- a first-time user's pages (nu27)

def _doc(heading: str, body: str) -> str:
    return f"# Mossbank Terms\n\n## 1. About\n\nMossbank runs a recipe app.\n\n## {heading}\n\n{body}\n"


def test_a_promise_not_to_share_turned_into_sharing_names_the_recipient_once() -> None:
    old = _doc("4. Privacy", "We never share your personal data with data brokers.")
    new = _doc("4. Privacy", "We share your personal data, including your saved recipes and your location history, "
                             "with Ovenbird Media for targeted advertising.")
    [change] = [c for c in analyse(old, new).changes if c.material]
    text = change.explanation
    assert "Ovenbird Media for targeted advertising" in text, text
    assert text.count("We share your personal data") == 1, text  # not quoted again as a separate watch-out


def test_a_partner_added_to_a_list_is_quoted_not_the_small_word_dropped_beside_it() -> None:
    old = _doc("4. Sharing", "We share your email address and usage data with Tollgate, our payment processor, "
                             "and with Inkwell, which sends our newsletters. We do not sell your personal data.")
    new = _doc("4. Sharing", "We share your email address and usage data with Tollgate, our payment processor, "
                             "with Inkwell, which sends our newsletters, and with Pinemark Analytics, which "
                             "measures our advertising campaigns. We do not sell your personal data.")
    [change] = [c for c in analyse(old, new).changes if c.material]
    assert "Pinemark Analytics" in change.explanation, change.explanation


def test_a_weaker_way_of_announcing_changes_is_a_term_not_text_without_legal_effect() -> None:
    old = _doc("7. Changes", "We may update these terms. If we do, we will notify you by email before the change "
                             "takes effect.")
    new = _doc("7. Changes", "We may update these terms. If we do, we will publish the revised terms on our blog.")
    result = analyse(old, new)
    assert result.material, [(c.kind, c.explanation) for c in result.changes]
    assert not any("without legal effect" in c.explanation for c in result.changes), \
        [c.explanation for c in result.changes]
    assert "terms-changes" in {cat for c in result.changes for cat in c.categories}


def test_a_number_written_in_words_instead_of_figures_is_cosmetic() -> None:
    old = _doc("9. Support", "We answer support requests within 3 business days.")
    words = analyse(old, old.replace("within 3 business", "within three business"))
    assert [c.cosmetic for c in words.changes] == ["spelling"] and not words.material
    other = analyse(old, old.replace("within 3 business", "within five business"))
    assert other.changes and all(c.cosmetic is None for c in other.changes)  # another number: never cosmetic


def test_a_sentence_split_in_two_is_said_as_regrouped_not_as_small_words_lost() -> None:
    old = _doc("2. Agreement", "By signing up you accept these Terms and our [Cookie Notice](/cookies).")
    new = _doc("2. Agreement", "By signing up, you accept these Terms. You also accept our "
                               "[Cookie Notice](https://mossbank.example/legal/cookies).")
    result = analyse(old, new)
    assert not result.material and result.changes
    assert all(c.cosmetic == "regrouped" for c in result.changes), [(c.cosmetic, c.explanation) for c in result.changes]
    assert not any("also no longer" in c.explanation for c in result.changes)


def test_a_page_saying_the_document_failed_to_load_is_an_error_page_however_often_served() -> None:
    from tracker.fetch.guards import error_page

    notice = ("# Terms of Service\n\nThis document could not be loaded. Please sign in to read the current "
              "version of our terms, or write to help@mossbank.example if this goes on.")
    assert error_page(notice, b"", 6000) is not None
    assert error_page("# Terms\n\nThe requested page failed to load. Try again later.", b"", 6000) is not None
    # a clause about files that cannot be loaded is no notice about the page
    clause = "# Terms\n\nWe may delete any recipe file that cannot be loaded by our importer."
    assert error_page(clause, b"", 6000) is None


def test_a_cookie_banners_buttons_renamed_are_page_furniture() -> None:
    old = _doc("3. Cookies", "We set cookies as our cookie notice says.") + "\nAccept all Reject all Manage preferences\n"
    result = analyse(old, old.replace("Manage preferences", "Settings"))
    assert [c.cosmetic for c in result.changes] == ["page-chrome"], [(c.cosmetic, c.explanation) for c in result.changes]


def test_diff_and_compare_help_say_what_each_severity_means() -> None:
    for command in ("diff", "compare"):
        out = CliRunner().invoke(cli, [command, "--help"]).output
        for severity in ("cosmetic", "minor", "material", "critical"):
            assert f"\n    {severity}" in out, (command, severity, out)


def test_a_category_feed_is_titled_in_words_not_by_its_id(tmp_path: Path) -> None:
    demo = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert demo.exit_code == 0, demo.output
    out = tmp_path / "feeds"
    assert CliRunner().invoke(cli, ["--store", str(tmp_path / "demo" / "snapshots"), "feed", "--out", str(out)]).exit_code == 0
    title = feedparser.parse((out / "category" / "ai-training.atom").read_bytes()).feed.title
    assert title == "Terms changes: AI training", title


def test_a_value_inside_a_condition_is_quoted_not_said_with_now_inside_the_condition() -> None:
    old = _doc("4. Price changes", "We may raise the price of a plan. If you are given less than 30 days' notice "
                                   "of a price rise, you may cancel without charge.")
    result = analyse(old, old.replace("30 days'", "60 days'"))
    [change] = result.changes
    assert change.explanation.startswith("Now says “If you are given less than 60 days' notice of a price rise” "
                                         "instead of 30"), change.explanation
    assert "are now given" not in change.explanation

"""A first-time user's reading (session 29): courts that replace binding arbitration are said as
that trade (good news, not a "New watch-out"), while arbitration replacing courts stays a new
watch-out; ``feed``, ``publish`` and ``serve`` refuse an ``--out`` that names a file they would
otherwise turn into a folder.

Every text is invented, about fictional services; the CLI runs for real on a temporary folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import test_faults
from test_cli_ux28 import LOGIN
from test_faults import BAD, TERMS, html

server = test_faults.server
env = test_faults.env

ARBITRATION = ("Any dispute arising from these Terms will be resolved by binding arbitration administered by "
               "the Quillbrook Arbitration Board in {place}.")
COURTS = ("Any dispute arising from these Terms will be resolved exclusively by the state or federal courts "
          "located in {place}, and you consent to their jurisdiction.")
FRENCH_ARB = "Tout litige relatif aux présentes conditions sera tranché par voie d'arbitrage à {place}."
FRENCH_COURTS = "Tout litige relatif aux présentes conditions relève de la compétence exclusive des tribunaux de {place}."


def _terms(disputes: str) -> str:
    return (f"# Pebblestack Terms\n\n## 9. Disputes\n\n{disputes}\n\n"
            "## 10. Fees\n\nThe Studio plan costs $14 per month, billed monthly.\n")


@pytest.mark.parametrize("old, new", [
    (ARBITRATION.format(place="Austin, Texas"), COURTS.format(place="Travis County, Texas")),
    (ARBITRATION.format(place="Denver, Colorado"), COURTS.format(place="Denver, Colorado")),
    (FRENCH_ARB.format(place="Lyon"), FRENCH_COURTS.format(place="Lyon")),
])
def test_courts_replacing_arbitration_are_said_as_that_trade_not_as_a_new_watch_out(old: str, new: str) -> None:
    from tracker.analysis import analyse

    result = analyse(_terms(old), _terms(new))
    # one modified clause, or the old clause removed beside a new one (when few words are shared)
    [change] = [c for c in result.changes if c.material and c.kind != "removed"]
    said = change.explanation
    assert said.startswith("Disputes now go to the courts instead of binding arbitration"), said
    assert "good news for users" in said and "New watch-out" not in said, said
    assert change.severity == "material", change.severity
    assert {"arbitration", "jurisdiction"} <= set(change.categories), change.categories
    # the headline keeps the news whole, not a quote cut short after it
    assert result.summary.startswith("Disputes now go to the courts instead of binding arbitration — good news"), \
        result.summary


def test_arbitration_replacing_courts_stays_a_new_watch_out() -> None:
    from tracker.analysis import analyse

    result = analyse(_terms(COURTS.format(place="Travis County, Texas")),
                     _terms(ARBITRATION.format(place="Austin, Texas")))
    [change] = [c for c in result.changes if c.material and c.kind != "removed"]
    assert change.severity == "critical", change
    assert "good news" not in change.explanation and "courts instead of" not in change.explanation, change.explanation
    assert "arbitration" in change.categories, change.categories


def _cli(*args: str) -> Any:
    from click.testing import CliRunner

    from tracker.cli.app import cli

    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("command, name", [("feed", "out.xml"), ("feed", "feeds.JSON"), ("publish", "site.html"),
                                           ("serve", "preview.htm")])
def test_an_out_that_names_a_file_is_refused_and_nothing_is_created(tmp_path: Path, command: str, name: str) -> None:
    out = tmp_path / name
    result = _cli("--store", str(tmp_path / "store"), command, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "looks like a file name" in result.stderr and "give a folder" in result.stderr, result.stderr
    assert not out.exists() and not (tmp_path / "store").exists()
    assert "Traceback" not in result.output


def test_an_existing_folder_with_a_dotted_name_is_still_an_out_folder(tmp_path: Path) -> None:
    out = tmp_path / "feeds.xml"
    out.mkdir()
    result = _cli("--store", str(tmp_path / "store"), "feed", "--out", str(out))
    assert "looks like a file name" not in result.output, result.output  # refused for another reason only
    assert result.exit_code == 3 or "no archive" in result.output, result.output


def test_a_run_line_says_a_login_page_in_the_words_status_uses(env) -> None:  # type: ignore[no-untyped-def]
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(LOGIN))
    env.write_sources()
    result = env.tracker("run", code=1)
    line = next(x for x in result.output.splitlines() if BAD in x)
    assert line.split()[0] == "failed" and "(served a login page instead of the terms; not recorded" in line, line
    status = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 1 run(s), not recorded" in status, status


PRICING = ("# Inkwell Pricing\n\n## Writer\n\n€9 per month\n\n- {credits} writing credits per month\n- Style suggestions\n\n"
           "{studio}## Agency\n\nContact sales for a quote.\n")
STUDIO = "## Studio\n\n€29 per month\n\n- 3,000 writing credits per month\n- Shared style guides for up to 10 people\n\n"


@pytest.mark.parametrize("old, new", [("500", "300"), ("1,000", "2,500")])
def test_a_plan_allowance_per_period_changed_is_material_not_renumbering(old: str, new: str) -> None:
    from tracker.analysis import analyse

    result = analyse(PRICING.format(credits=old, studio=""), PRICING.format(credits=new, studio=""))
    [change] = result.changes
    assert change.material and "pricing" in change.categories, change
    assert change.explanation.startswith(f"Writer: now {new} writing credits per month instead of {old} ("), \
        change.explanation


def test_the_same_allowance_written_another_way_and_a_numbered_title_stay_cosmetic() -> None:
    from tracker.analysis import analyse

    same = analyse(PRICING.format(credits="1,000", studio=""), PRICING.format(credits="1000", studio=""))
    assert not any(c.material for c in same.changes), same.changes
    titles = analyse("# Terms\n\n## 2 Fees\n\nYou pay monthly.\n", "# Terms\n\n## 3 Fees\n\nYou pay monthly.\n")
    assert titles.changes and not any(c.material for c in titles.changes), titles.changes


def test_a_plan_removed_with_its_heading_is_said_as_no_longer_offered() -> None:
    from tracker.analysis import analyse

    result = analyse(PRICING.format(credits="500", studio=STUDIO), PRICING.format(credits="500", studio=""))
    price = next(c for c in result.changes if "€29" in (c.before or ""))
    assert price.material and price.categories[0] == "pricing", price
    assert price.explanation.startswith("No longer offered: “Studio” at €29 per month"), price.explanation
    allowance = next(c for c in result.changes if "3,000" in (c.before or ""))
    assert allowance.material, allowance  # what the plan gave, not "text without legal effect"
    assert result.summary.startswith("No longer offered: “Studio”"), result.summary


def test_a_price_removed_while_its_heading_stays_is_a_removed_price_not_a_plan_gone() -> None:
    from tracker.analysis import analyse

    old = PRICING.format(credits="500", studio=STUDIO)
    new = old.replace("€29 per month\n\n", "")
    [change] = [c for c in analyse(old, new).changes if c.material]
    assert "No longer offered" not in change.explanation and "pricing" in change.categories, change


@pytest.mark.parametrize("old, new", [
    ("We do not sell your personal data.", "Your personal data is never sold by us."),
    ("We do not give your contact details to advertisers.", "Your contact details are never given to advertisers."),
])
def test_one_negation_for_another_in_the_passive_is_a_rewording(old: str, new: str) -> None:
    from tracker.analysis import analyse

    doc = "# Privacy at Mossgate\n\n## Sharing\n\n{}\n\n## Contact\n\nWrite to privacy@mossgate.example.\n"
    result = analyse(doc.format(old), doc.format(new))
    assert result.changes and not any(c.material for c in result.changes), [c.explanation for c in result.changes]
    flipped = analyse(doc.format(old), doc.format(old.replace(" not ", " ").replace("do sell", "sell")))
    assert any(c.material for c in flipped.changes), flipped.changes  # the negation gone is still a change


def test_a_sentence_split_off_in_other_words_is_not_a_term_gone() -> None:
    from tracker.analysis import analyse

    doc = ("# Mossgate Privacy\n\n## 4. Retention\n\n{}\n\n## 5. Contact\n\nWrite to privacy@mossgate.example.\n")
    old = ("After you close your account, we erase your profile and your uploads within 90 days, except archived "
           "logs, which are purged within a further 45 days.")
    split = ("After you close your account, we erase your profile and your uploads within 90 days.\n\n"
             "Archived logs are an exception: they are purged within a further 45 days.")
    result = analyse(doc.format(old), doc.format(split))
    assert result.changes and not any(c.material for c in result.changes), [c.explanation for c in result.changes]
    gone = analyse(doc.format(old), doc.format(split.split("\n\n")[0]))
    assert any(c.material for c in gone.changes), gone.changes  # the exception said nowhere now: a change


def test_a_headline_cut_inside_brackets_closes_them() -> None:
    from tracker.analysis.rendering import one_line

    cut = one_line("Now reads “…within 180 days.” (was “…within 180 days, except backups, which are overwritten "
                   "within a further 30 days.”)", 80)
    assert len(cut) <= 80 and cut.count("(") == cut.count(")") and cut.count("“") == cut.count("”"), cut
    assert cut.endswith("…”)"), cut


def test_a_resolved_login_page_says_what_was_served(env) -> None:  # type: ignore[no-untyped-def]
    import feedparser

    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html(LOGIN))
    env.run(code=1)
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    [entry] = [e for e in feedparser.parse(str(out / "attention.atom")).entries if "Resolved" in e.title]
    assert "The problem was: served a login page (looks like an error page" in entry.summary, entry.summary
    assert entry.published_parsed <= entry.updated_parsed, entry  # first seen when the problem started


def test_a_summary_bullet_drops_an_example_aside_not_the_purpose_after_it() -> None:
    from tracker.analysis.summary import compress

    said = compress("5.2 You also allow us to use Your Content, including the drafts you write, to train and improve "
                    "the machine learning models behind Quillfern and other Quillfern Labs products.")
    assert "to train and improve the machine learning models" in said and "drafts" not in said, said
    listed = compress("We collect personal data, including your name, email address and phone number, to provide "
                      "the service, to send invoices and to answer support requests from you and your team.")
    assert "your name, email" in listed or not listed.startswith("We collect personal data email"), listed


def test_a_diff_of_link_targets_only_shows_where_the_link_went(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    body = "# Ledgerly Terms\n\n## Fees\n\nPrices are listed on our [pricing page]({}).\n\n## Refunds\n\nNo refunds.\n"
    old.write_text(body.format("https://ledgerly.example/pricing"))
    new.write_text(body.format("https://ledgerly.example/plans"))
    result = _cli("compare", str(old), str(new))
    assert result.exit_code == 0, result.output
    assert ("(link “pricing page”: [-https://ledgerly.example/pricing-]{+https://ledgerly.example/plans+})"
            in result.output), result.output


def test_a_login_page_reached_by_a_redirect_names_where_it_ended(env) -> None:  # type: ignore[no-untyped-def]
    from aiohttp import web

    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/login", lambda: html(LOGIN))
    env.server.page("/bad", lambda: web.Response(status=302, headers={"Location": "/login?next=/bad"}))
    docs = env.run(code=1)
    error = docs[BAD]["error"]
    assert error.startswith("looks like an error page: login page; redirected to http://127.0.0.1:"), error
    assert error.endswith("/login?next=/bad"), error
    status = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 1 run(s)" in status and "/login?next=/bad" in status, status


def test_an_html_entity_left_in_the_text_reads_as_its_character() -> None:
    from tracker.analysis import analyse

    doc = "# Quillbrook Terms\n\n## 5. Warranties\n\n{}\n\n## 6. Fees\n\nYou pay monthly.\n"
    old = "**5.1. The Service is provided &quot;as is&quot;. We disclaim all warranties permitted by law.**"
    same = analyse(doc.format(old), doc.format("5.1. The Service is provided 'as is'. We disclaim all warranties "
                                               "permitted by law."))
    assert same.changes and not any(c.material for c in same.changes), [c.explanation for c in same.changes]
    more = analyse(doc.format(old), doc.format("5.1. The Service is provided 'as is' and with all faults. We "
                                               "disclaim all warranties permitted by law."))
    assert any(c.material for c in more.changes), more.changes  # new words beside the entity still count

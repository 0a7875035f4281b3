"""A first-time user's reading (session 28, two trials): a failing document whose failures had
mixed causes says for how many runs the latest cause lasted ("served a login page for 1 run(s)");
a sources file cut off says where its unclosed string opens; a changed seat of arbitration does not
read as new arbitration; RSS channels link to their page; ``feed --json``; ``search --category``
with no words; the demo's commands name the tracker as started; ``status`` tells a blinking page's
waiting variant; a moved clause with small words changed is not "without a change of wording"; a
plan's price under its name, a currency swapped in words, and a dropped or added "only" are terms.

Real runs of the CLI against a real local HTTP server (``test_faults``' fixtures); every text is
invented, about fictional services.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, TERMS, html

server = test_faults.server
env = test_faults.env

LOGIN = ("<!doctype html><html><head><title>Acme</title></head><body><main><h1>Log in to continue</h1>"
         "<p>Members of the Acme workspace only.</p><a href='/sso'>Continue with Google</a></main></body></html>")


def test_a_streak_of_failures_with_mixed_causes_says_how_long_the_latest_cause_lasted(env):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: web.Response(status=500, text="boom"))
    for _ in range(2):
        assert env.run(code=1)[BAD]["outcome"] == "failed"
    env.server.page("/bad", lambda: html(LOGIN))
    docs = env.run(code=1)
    assert docs[BAD]["outcome"] == "failed" and "login page" in docs[BAD]["error"], docs[BAD]
    line = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 1 run(s), not recorded" in line, line
    assert "failing 2 run(s) before that for other reasons" in line, line
    rows = env.status()
    assert rows[BAD]["failing_runs"] == 3 and rows[BAD]["served_runs"] == 1, rows[BAD]
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    titles = [e.title for e in feedparser.parse(str(out / "attention.atom")).entries]
    assert any("served a login page for 1 run(s)" in t for t in titles), titles
    env.run(code=1)  # the same cause again: its own streak grows
    line = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 2 run(s)" in line and "failing 2 run(s) before that" in line, line


def test_a_sources_file_cut_off_mid_string_or_list_says_where_it_opens() -> None:
    from tracker.errors import ConfigError
    from tracker.sources.config import parse_sources

    good = '[[service]]\nid = "acme"\nname = "Acme"\n'
    for broken, line in ((good + 'note = """Terms of\nthe service\n', 4),
                         (good + 'tags = ["a",\n "b"]\nselect = ["main",\n "article",\n', 6),
                         ("\ufeff" + good + 'note = "unclosed\n', None)):  # tomllib names the line itself
        with pytest.raises(ConfigError) as caught:
            parse_sources(broken)
        said = str(caught.value)
        assert said.startswith("sources.toml: invalid TOML: "), said
        if line is None:
            assert "(at line 4," in said and said.endswith("a quoted string is not closed on that line"), said
        else:
            assert said.endswith(f"(at end of document): what opens on line {line} is never closed"), said


@pytest.mark.parametrize("old_place, new_place", [("New York", "San Francisco, California"), ("Paris, France", "Dublin, Ireland")])
def test_a_changed_seat_of_arbitration_does_not_read_as_new_arbitration(old_place: str, new_place: str) -> None:
    from tracker.analysis import analyse

    terms = ("# Quillbrook Terms\n\n## Disputes\n\nAny dispute will be resolved by final and binding arbitration "
             "held in {}.\n\n## Fees\n\nYou pay the fees shown on the pricing page each month.\n")
    result = analyse(terms.format(old_place), terms.format(new_place))
    [change] = result.changes
    said = change.explanation
    assert not re.search(r"\bnow (?:be )?(?:resolved|settled|go)", said), said  # never "arbitration is new"
    assert said.startswith("Arbitration now takes place in") and change.material, said
    assert f"{new_place} instead of {old_place.split(',')[0]}" in said, said
    assert len(result.summary) <= 100 and old_place.split(",")[0] in result.summary, result.summary


def test_now_stays_next_to_a_value_close_to_its_verb() -> None:
    from tracker.analysis.materiality import label_change

    label = label_change("modified", "Credits that you have not used expire after 12 months.",
                         "Credits that you have not used expire after 6 months.", heading="Credits")
    assert label.explanation.startswith("Credits that you have not used now expire after 6 months instead of 12"), \
        label.explanation


# --------------------------------------------------------------------------- on the demo's archive (nu28)

@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from tracker.cli.app import cli

    where = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(cli, ["demo", "--dir", str(where)])
    assert result.exit_code == 0, result.output
    return where / "snapshots"


def _cli(*args: str) -> Any:
    from click.testing import CliRunner

    from tracker.cli.app import cli

    return CliRunner().invoke(cli, list(args))


def test_an_rss_channel_links_to_the_page_it_is_about_not_to_itself(demo_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    assert _cli("--store", str(demo_store), "feed", "--out", str(out)).exit_code == 0
    site = tmp_path / "site"
    assert _cli("--store", str(demo_store), "publish", "--out", str(site), "--base-url",
                "https://terms.example.org").exit_code == 0
    checked = 0
    for folder in (out, site / "feeds"):
        for atom in folder.rglob("*.atom"):
            alternate = feedparser.parse(atom.read_bytes()).feed.link
            channel_link = feedparser.parse(atom.with_suffix(".rss").read_bytes()).feed.link
            assert channel_link == alternate, (atom, channel_link, alternate)
            if atom.stem not in ("all", "material") and atom.parent.name not in ("category", folder.name):
                assert not channel_link.endswith(".rss"), (atom, channel_link)
                checked += 1
    assert checked >= 2


def test_feed_prints_json_as_publish_does(demo_store: Path, tmp_path: Path) -> None:
    result = _cli("--store", str(demo_store), "feed", "--out", str(tmp_path / "f"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["out"] == str(tmp_path / "f") and data["feeds"] >= 10 and "all" in data["feeds_rebuilt"], data
    again = json.loads(_cli("--store", str(demo_store), "feed", "--out", str(tmp_path / "f"), "--json").stdout)
    assert again["feeds_rebuilt"] == [] and again["feeds"] == data["feeds"], again  # nothing new to rebuild
    (tmp_path / "file").write_text("x")
    blocked = _cli("--store", str(demo_store), "feed", "--out", str(tmp_path / "file" / "sub"))
    assert blocked.exit_code == 1 and "cannot write the feeds to" in blocked.stderr, blocked.output


def test_search_lists_a_category_without_a_word(demo_store: Path) -> None:
    listed = _cli("--store", str(demo_store), "search", "--category", "refunds", "--json")
    assert listed.exit_code == 0, listed.output
    hits = json.loads(listed.stdout)
    assert hits and all("refunds" in h["categories"] for h in hits), hits
    assert all(h["snippet"] and h["snippet_from"] in ("after", "before") for h in hits), hits
    worded = json.loads(_cli("--store", str(demo_store), "search", "credits", "--category", "refunds", "--json").stdout)
    assert {h["commit_sha"] for h in worded} <= {h["commit_sha"] for h in hits}
    plain = _cli("--store", str(demo_store), "search", "--category", "refunds")
    assert plain.exit_code == 0 and "MATERIAL" in plain.stdout, plain.output
    empty = _cli("--store", str(demo_store), "search")
    assert empty.exit_code == 2 and "--category, --service, --material or --since alone" in empty.stderr, empty.output
    assert "Traceback" not in empty.output


def test_the_demo_prints_commands_a_user_can_paste(tmp_path: Path) -> None:
    from tracker.cli.demo import invoked_as

    script = tmp_path / "venv" / "bin" / "tracker"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    assert invoked_as(str(script)) == str(script)  # not on PATH: the path it was started by
    assert invoked_as("/usr/lib/python3/pytest") == "tracker"  # not started by its script
    assert invoked_as(str(tmp_path / "my dir" / "tracker")) == f"'{tmp_path / 'my dir' / 'tracker'}'"


def test_status_says_when_a_blinking_page_serves_another_variant_than_the_latest_version(env):
    served = [0]
    mode = ["alternate"]

    def page() -> web.Response:
        served[0] += 1
        other = mode[0] == "other" or served[0] % 2 == 0
        banner = "<div class='promo'>Try Acme Pro free</div>" if other else "<div>Welcome back</div>"
        return html(TERMS.replace("<main>", f"<main>{banner}"))

    env.server.page("/bad", page)
    for _ in range(3):
        env.run(code=0)
    assert env.status()[BAD]["variant_runs"] == 0 and len(env.commits("faulty")) == 1
    plain = next(x for x in env.tracker("status", code=0).output.splitlines() if x.startswith(BAD))
    assert "another of its variants" not in plain, plain
    mode[0] = "other"  # only the other variant from now on: waiting, then recorded
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "unchanged" and len(env.commits("faulty")) == 1, docs[BAD]
    assert env.status()[BAD]["variant_runs"] == 1
    plain = next(x for x in env.tracker("status", code=0).output.splitlines() if x.startswith(BAD))
    assert "unchanged, but the page served another of its variants for 1 run(s) in a row" in plain, plain
    env.run(code=0)
    assert env.status()[BAD]["variant_runs"] == 2
    env.run(code=0)  # the third run without the latest text: recorded
    assert len(env.commits("faulty")) == 2 and env.status()[BAD]["variant_runs"] == 0


def test_a_moved_clause_with_small_words_changed_is_not_said_unchanged() -> None:
    from tracker.analysis import analyse

    old = ("# Pebbleworth Terms\n\n## 1. Fees\n\nYou pay the fees shown on the pricing page.\n\n## 2. Privacy\n\n"
           "We keep your data safe.\n\n## 3. Acceptable use\n\nYou must not use the service to harass people or "
           "copy anyone's designs.\n")
    new = old.replace("## 2. Privacy\n\nWe keep your data safe.\n\n", "") + "\n## 2. Privacy\n\nWe keep your data safe.\n"
    moved_only = analyse(old, new)
    assert moved_only.summary == "Cosmetic change only: clauses moved without a change of wording", moved_only.summary
    reworded = analyse(old, new.replace("copy anyone's", "copy from anyone's"))
    said = {c.explanation for c in reworded.changes if c.kind == "moved" and c.before != c.after}
    assert said == {"Moved, and reworded without a change of meaning"}, [(c.kind, c.explanation) for c in reworded.changes]
    assert not reworded.material and "without a change of wording" not in reworded.summary, reworded.summary


PRICING = ("# Quillbrook Pricing\n\n## Free\n\n$0 per month.\n\nUp to 20 notebooks.\n\n## Pro\n\n$12 per month.\n\n"
           "Unlimited notebooks.\n\n## Team\n\n€30 / user / month.\n")


@pytest.mark.parametrize("old, new", [("$12 per month", "$15 per month"), ("€30 / user", "€35 / user")])
def test_a_plan_price_under_its_plan_name_is_a_term_not_a_fragment(old: str, new: str) -> None:
    from tracker.analysis import analyse

    result = analyse(PRICING, PRICING.replace(old, new))
    [change] = result.changes
    assert change.material and "pricing" in change.categories, change
    assert "fragment" not in change.explanation, change.explanation


def test_a_number_that_is_no_price_stays_a_fragment() -> None:
    from tracker.analysis import analyse

    page = "# Quillbrook Status\n\n## Uptime\n\nAll systems normal.\n\n## Visitors\n\n1,204 people online.\n"
    result = analyse(page, page.replace("1,204", "1,377"))
    assert not result.material, result.summary


LIMITED = ("# Quillbrook Privacy Notice\n\n## 4. Your notebooks\n\n4.1 You own the notebooks you write.\n\n"
           "4.2 We process your notebooks only to provide the Service to you.\n\n## 5. Law\n\nIrish law applies.\n")


@pytest.mark.parametrize("old, new, said", [
    (LIMITED, LIMITED.replace("only ", ""), "Drops “only” from:"),
    (LIMITED.replace("only ", ""), LIMITED, "Adds “only” to:"),
    (LIMITED.replace("only", "solely"), LIMITED.replace("only ", ""), "Drops “solely” from:"),
])
def test_a_word_that_bounds_what_a_clause_allows_dropped_or_added_is_material(old: str, new: str, said: str) -> None:
    from tracker.analysis import analyse

    result = analyse(old, new)
    [change] = result.changes
    assert change.material and change.explanation.startswith(said), change
    assert "without a change of meaning" not in change.explanation
    assert change.categories == ("privacy",), change.categories  # the provider's use of the user's notebooks


def test_a_limiter_swapped_for_another_or_moved_is_not_a_new_bound() -> None:
    from tracker.analysis import analyse

    moved = analyse(LIMITED, LIMITED.replace("notebooks only to provide", "only notebooks to provide"))
    assert not any("Drops “only”" in c.explanation or "Adds “only”" in c.explanation for c in moved.changes), \
        [c.explanation for c in moved.changes]


FEES = "# Quillbrook Terms\n\n## 3. Fees\n\nFees are charged in US dollars and billed monthly.\n\n## 8. Law\n\nIrish law applies.\n"


def test_a_currency_named_in_words_swapped_for_another_is_a_price_change() -> None:
    from tracker.analysis import analyse

    result = analyse(FEES, FEES.replace("US dollars", "euros"))
    [change] = result.changes
    assert change.material and "pricing" in change.categories, change
    assert change.explanation.startswith("Now in euros instead of US dollars"), change.explanation
    pounds = analyse(FEES, FEES.replace("US dollars", "GBP"))
    assert pounds.material and "pounds sterling" in pounds.changes[0].explanation, pounds.changes[0].explanation


def test_the_same_currency_said_by_its_code_is_no_price_change() -> None:
    from tracker.analysis import analyse

    assert not analyse(FEES, FEES.replace("US dollars", "USD")).material
    guide = "# Quillbrook Guide\n\n## 3. Travel\n\nOur guides explain the exchange rate between US dollars and local money.\n"
    said = analyse(guide, guide.replace("US dollars", "euros")).changes[0].explanation
    assert not said.startswith("Now in euros"), said  # no word of paying: not read as the currency charged


def test_the_same_date_for_from_and_to_shows_what_changed_that_day(demo_store: Path) -> None:
    # nu41/nu43: "--from D --to D" was the latest version by the end of D twice ("nothing can differ");
    # a user asking that means the changes recorded on D: from the last version before D to D's last
    listed = _cli("--store", str(demo_store), "history", "nimbus", "Terms of Service", "--json")
    assert listed.exit_code == 0, listed.output
    versions = json.loads(listed.stdout)
    day = versions[-1]["fetched_at"][:10]
    on_day = [v["seq"] for v in versions if v["fetched_at"][:10] == day]
    earlier = [v["seq"] for v in versions if v["seq"] < on_day[0]]
    start = earlier[-1] if earlier else on_day[0]
    same = _cli("--store", str(demo_store), "diff", "nimbus", "Terms of Service", "--from", day, "--to", day)
    assert same.exit_code == 0, same.output
    assert f"what changed on {day}, version {start} -> {on_day[-1]}" in same.stderr, same.stderr
    assert "nothing can differ" not in same.stderr
    by_number = _cli("--store", str(demo_store), "diff", "nimbus", "Terms of Service", "--from", str(start),
                     "--to", str(on_day[-1]))
    assert same.stdout == by_number.stdout and "changed clause" in same.stdout
    # a day without a version says so, and prints no diff
    empty = (date.fromisoformat(versions[0]["fetched_at"][:10]) - timedelta(days=3)).isoformat()
    none = _cli("--store", str(demo_store), "diff", "nimbus", "Terms of Service", "--from", empty, "--to", empty)
    assert none.exit_code == 0 and not none.stdout.strip(), none.output
    assert f"no version of nimbus/Terms of Service was recorded on {empty}" in none.stderr
    # version numbers get no date hint
    numbers = _cli("--store", str(demo_store), "diff", "nimbus", "Terms of Service", "--from", str(on_day[-1]),
                   "--to", str(on_day[-1]))
    assert "nothing can differ" in numbers.stderr and "--from 20" not in numbers.stderr, numbers.stderr


@pytest.mark.parametrize(("given", "meant"), [("arbitrage", "arbitration"), ("court", "jurisdiction"),
                                               ("privcy", "privacy"), ("law", "governing-law")])
def test_search_suggests_the_category_a_near_name_means(demo_store: Path, given: str, meant: str) -> None:
    result = _cli("--store", str(demo_store), "search", "--category", given)
    assert result.exit_code != 0
    assert f"no category '{given}' (did you mean '{meant}'?)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("given", "meant"), [("Refunds and credits", "refunds"), ("refund restriction", "refunds"),
                                               ("data use", "privacy"), ("AI_training", "ai-training")])
def test_search_takes_a_category_by_the_name_the_tracker_shows(demo_store: Path, given: str, meant: str) -> None:
    named = _cli("--store", str(demo_store), "search", "--category", given, "--json")
    assert named.exit_code == 0, named.output
    by_id = _cli("--store", str(demo_store), "search", "--category", meant, "--json")
    assert json.loads(named.stdout) == json.loads(by_id.stdout)

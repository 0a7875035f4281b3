"""A page whose two fetches in one run differ records only what they agree on (ab36).

A first-time user (nu35, item 2) ran an A/B test that put one of two new sentences on a pricing
page, a different one on every request: the run fetched the changed page twice, got the two
sentences, and still recorded one of them as a version (then a "partial-revert" version when the
test stopped). The part where a changed page's two fetches differ is the page blinking, never new
terms: ``decide.settle`` records only what both fetches agree on and the latest version lacks
(``decide.agreed_text``, a three-way merge with the latest text as the base), or nothing. Near
misses that keep their behaviour: a real change served the same by both fetches is recorded the
run it is first seen, and a variant the page then serves on every fetch (the test's winner, kept)
is recorded once ``VARIANT_RUNS`` runs have served it alone.

The run tests drive the real CLI against a local HTTP server of a fictional service
("Fernwick Atlas"); all texts are invented.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from aiohttp import web

from support import AioServer
from tracker.archive.store import content_hash
from tracker.fetch import Fetched
from tracker.run.decide import (
    VARIANT_RUNS,
    DocumentState,
    agreed_text,
    decide,
    extract_text,
    fingerprint,
    settle,
)
from tracker.sources.config import Document

ROOT = Path(__file__).resolve().parents[1]
KEY = "fernwick/Pricing"

A_SENTENCE = "Plan your next walk with the map most hikers in the valley already use."
B_SENTENCE = "Join eleven thousand ramblers who chart their routes with Fernwick."
INTRO = "Fernwick Atlas offers a free plan and a Trail plan."


def pricing(price: int = 9, extra: str = "", *, placement: str = "paragraph", intro: str = INTRO) -> str:
    """Fernwick's pricing page; ``extra`` (an A/B sentence) as its own paragraph after the intro,
    in the intro's paragraph, or in place of the intro's second sentence (``placement``)."""
    if placement == "paragraph":
        plans = f"<p>{intro}</p>" + (f"<p>{extra}</p>" if extra else "")
    elif placement == "sentence":
        plans = f"<p>{intro}{' ' + extra if extra else ''}</p>"
    else:  # "replaced": the intro's last sentence is the one drawn
        plans = f"<p>{intro} {extra or 'Pick the plan that suits your walks.'}</p>"
    return ("<!doctype html><html><head><title>Fernwick Atlas pricing</title></head><body><nav>Home</nav><main>"
            f"<h1>Fernwick Atlas Pricing</h1><h2>1. Plans</h2>{plans}<h2>2. Free plan</h2><p>The free plan "
            "costs nothing and includes 5 saved routes.</p><h2>3. Trail plan</h2><p>The Trail plan costs EUR "
            f"{price} per month and includes offline maps.</p><p>Yearly billing gives two months free.</p>"
            "<h2>4. Taxes</h2><p>Prices include VAT where it applies.</p></main></body></html>")


class Site:
    """A pricing page that can run an A/B test drawing one of two sentences per request."""

    def __init__(self, server: AioServer, *, placement: str = "paragraph", phase: int = 0) -> None:
        self.price, self.ab, self.kept, self.placement = 9, False, "", placement
        self.requests = phase  # where the per-request alternation starts
        server.page("/pricing", self.answer)

    def answer(self) -> web.Response:
        self.requests += 1
        extra = self.kept or ((A_SENTENCE if self.requests % 2 else B_SENTENCE) if self.ab else "")
        return web.Response(text=pricing(self.price, extra, placement=self.placement), content_type="text/html")


def setup(tmp_path: Path, serve, **site) -> tuple[Site, Path, Path]:
    server = serve()
    page = Site(server, **site)
    sources = tmp_path / "sources.toml"
    sources.write_text('[[service]]\nid = "fernwick"\nname = "Fernwick Atlas"\n  [[service.document]]\n'
                       f'  type = "Pricing"\n  url = "{server.url("/pricing")}"\n  select = ["main"]\n',
                       encoding="utf-8")
    return page, tmp_path / "store", sources


def cli(store: Path, sources: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def run(store: Path, sources: Path) -> dict:
    """One ``tracker run --json``: the pricing page's outcome record."""
    proc = cli(store, sources, "run", "--host-delay", "0", "--json")
    return {d["key"]: d for d in json.loads(proc.stdout)["documents"]}[KEY]


def history(store: Path, sources: Path) -> list[dict]:
    return json.loads(cli(store, sources, "history", "fernwick", "--json").stdout)


def shown(store: Path, sources: Path) -> str:
    return cli(store, sources, "show", "fernwick", "Pricing").stdout


# -- the kind: an A/B test of sentences the latest version lacks records nothing ---------------------


@pytest.mark.parametrize(("placement", "phase"), [("paragraph", 0), ("sentence", 1), ("replaced", 0)])
def test_an_a_b_test_of_new_wording_records_nothing_while_it_runs_nor_when_it_stops(tmp_path, serve, placement,
                                                                                    phase):
    """Both variants new to the page (a sentence the latest version lacks, in its own paragraph or
    in one, or two new wordings of a sentence it has): no version the run the test starts, none
    for as long as it runs (more than ``VARIANT_RUNS`` runs: the latest text is what both fetches
    agree on), none when it stops (it was: one variant recorded, then a "partial-revert")."""
    page, store, sources = setup(tmp_path, serve, placement=placement, phase=phase)
    assert run(store, sources)["outcome"] == "new"
    page.ab = True
    started = page.requests
    doc = run(store, sources)
    assert doc["outcome"] == "unchanged" and doc["summary"].startswith("variant:"), doc
    assert page.requests - started == 2  # fetched twice: the two fetches differ
    outcomes = [run(store, sources)["outcome"] for _ in range(VARIANT_RUNS + 1)]
    assert outcomes == ["unchanged"] * (VARIANT_RUNS + 1), outcomes
    page.ab = False
    assert run(store, sources)["outcome"] == "unchanged"
    assert len(history(store, sources)) == 1
    text = shown(store, sources)
    assert A_SENTENCE not in text and B_SENTENCE not in text, text


@pytest.mark.parametrize("placement", ["paragraph", "sentence"])
def test_a_real_change_that_comes_with_an_a_b_test_is_recorded_alone(tmp_path, serve, placement):
    """A price rise the same run an A/B test starts: the rise is recorded that run (both fetches
    agree on it), without either variant's sentence (the latest version had none), and the test
    going on, then stopping, records nothing more."""
    page, store, sources = setup(tmp_path, serve, placement=placement)
    assert run(store, sources)["outcome"] == "new"
    page.ab, page.price = True, 12
    assert run(store, sources)["outcome"] == "changed"
    text = shown(store, sources)
    assert "EUR 12 per month" in text and A_SENTENCE not in text and B_SENTENCE not in text, text
    assert text.strip() == extract_text(_fetched(pricing(12, placement=placement))).strip()
    diff = cli(store, sources, "diff", "fernwick", "Pricing").stdout
    assert "12" in diff and "ramblers" not in diff and "hikers" not in diff, diff
    outcomes = [run(store, sources)["outcome"] for _ in range(VARIANT_RUNS)]
    page.ab = False
    outcomes.append(run(store, sources)["outcome"])
    assert outcomes == ["unchanged"] * (VARIANT_RUNS + 1), outcomes
    assert [v["kind"] for v in history(store, sources)] == ["first", "changed"]


def test_the_users_sequence_a_b_test_then_a_price_rise_during_it(tmp_path, serve):
    """nu35's runs 04-08: the test starts (nothing), goes on (nothing), a price rise during it
    (recorded alone), goes on, stops (nothing): two versions in all."""
    page, store, sources = setup(tmp_path, serve)
    assert run(store, sources)["outcome"] == "new"
    page.ab = True
    assert [run(store, sources)["outcome"] for _ in range(2)] == ["unchanged", "unchanged"]
    page.price = 15
    assert run(store, sources)["outcome"] == "changed"
    assert run(store, sources)["outcome"] == "unchanged"
    page.ab = False
    assert run(store, sources)["outcome"] == "unchanged"
    versions = history(store, sources)
    assert [v["kind"] for v in versions] == ["first", "changed"] and versions[1]["material"], versions
    text = shown(store, sources)
    assert "EUR 15 per month" in text and A_SENTENCE not in text and B_SENTENCE not in text, text


# -- near misses: what keeps its behaviour ---------------------------------------------------------


def test_a_real_change_stable_on_both_fetches_is_recorded_the_first_run(tmp_path, serve):
    """A new sentence served on every request is a change, recorded the run it is first seen, as
    served (both fetches agree)."""
    page, store, sources = setup(tmp_path, serve)
    assert run(store, sources)["outcome"] == "new"
    page.kept, page.price = B_SENTENCE, 12
    before = page.requests
    assert run(store, sources)["outcome"] == "changed"
    assert page.requests - before == 2
    text = shown(store, sources)
    assert B_SENTENCE in text and "EUR 12 per month" in text, text
    assert run(store, sources)["outcome"] == "unchanged" and len(history(store, sources)) == 2


def test_the_variant_an_a_b_test_keeps_is_recorded_once_served_alone_for_variant_runs(tmp_path, serve):
    """The test ends with one of its sentences kept on every request: nothing while both were
    drawn, then the kept sentence recorded once every fetch of ``VARIANT_RUNS`` runs has it (not
    lost, and not the run the test started)."""
    page, store, sources = setup(tmp_path, serve)
    assert run(store, sources)["outcome"] == "new"
    page.ab = True
    assert run(store, sources)["outcome"] == "unchanged"
    page.kept = A_SENTENCE
    outcomes = [run(store, sources)["outcome"] for _ in range(VARIANT_RUNS)]
    assert outcomes == ["unchanged"] * (VARIANT_RUNS - 1) + ["changed"], outcomes
    assert A_SENTENCE in shown(store, sources) and len(history(store, sources)) == 2


# -- the rule alone --------------------------------------------------------------------------------

LATEST = ("# Pricing\n\n## 1. Plans\n\nWe offer a free plan and a Trail plan. Pick one.\n\n## 2. Trail plan\n\n"
          "The Trail plan costs EUR 9 per month.\n\nYearly billing gives two months free.\n")


def test_agreed_text_keeps_what_both_fetches_agree_on_and_the_latest_wording_where_they_differ():
    add = LATEST.replace("Pick one.\n", "Pick one.\n\n{}\n")
    a, b = add.format(A_SENTENCE), add.format(B_SENTENCE)
    assert agreed_text(a, b, LATEST) == LATEST  # a new paragraph drawn per request: nothing agreed
    rise = LATEST.replace("EUR 9", "EUR 12")
    assert agreed_text(a.replace("EUR 9", "EUR 12"), b.replace("EUR 9", "EUR 12"), LATEST) == rise
    # in one paragraph with the change
    a1 = rise.replace("Pick one.", f"Pick one. {A_SENTENCE}").replace("EUR 12 per month.", "EUR 12 per month now.")
    b1 = rise.replace("Pick one.", f"Pick one. {B_SENTENCE}").replace("EUR 12 per month.", "EUR 12 per month now.")
    assert agreed_text(a1, b1, LATEST) == rise.replace("month.", "month now.")
    # two new wordings of a sentence the latest has: the latest's
    assert agreed_text(LATEST.replace("Pick one.", "Go now."), LATEST.replace("Pick one.", "Come along."),
                       LATEST) == LATEST
    # one fetch with the latest's wording where they differ: that fetch's text, whichever it is
    assert agreed_text(rise, a.replace("EUR 9", "EUR 12"), LATEST) == rise
    assert agreed_text(a.replace("EUR 9", "EUR 12"), rise, LATEST) == rise
    # two blinking places, one as the latest has it in each fetch: neither in
    a2 = rise.replace("Pick one.", "Choose today.")
    b2 = rise.replace("two months free", "a month free")
    assert agreed_text(a2, b2, LATEST) == rise
    # a paragraph both drop and a paragraph both add are agreed changes
    dropped = rise.replace("Yearly billing gives two months free.\n", "Prices include VAT.\n")
    assert agreed_text(dropped.replace("Pick one.", "Go."), dropped, LATEST) == dropped
    assert agreed_text(a, a, LATEST) == a  # the same text twice: as served


def test_agreed_text_is_quick_on_a_long_text():
    sections = "".join(f"## {n}. Section {n}\n\nCredits bought under section {n} expire after 12 months.\n\n"
                       for n in range(1, 4000))
    latest = "# Terms\n\n" + sections
    a = latest.replace("section 17 expire", "section 17 lapse").replace("section 3900 expire after 12",
                                                                        "section 3900 expire after 6")
    b = a.replace("lapse", "vanish")
    started = time.process_time()
    merged = agreed_text(a, b, latest)
    assert time.process_time() - started < 2.0
    assert merged == latest.replace("section 3900 expire after 12", "section 3900 expire after 6")


DOC = Document("fernwick", "Fernwick Atlas", "Pricing", "https://fernwick.test/pricing", select=("main",))


def _fetched(body: str) -> Fetched:
    return Fetched(document=DOC, url=DOC.url, final_url=DOC.url, status=200, content_type="text/html; charset=utf-8",
                   body=body.encode(), fetched_at=datetime(2026, 12, 5, 10, 8, tzinfo=timezone.utc), duration=0.1)


def _state(body: str) -> tuple[DocumentState, str]:
    text = extract_text(_fetched(body))
    return DocumentState(latest_hash=content_hash(text), latest_length=len(text), settings=fingerprint(DOC),
                         earlier={content_hash(text): "2026-12-01T00:00:00Z"}), text


def test_settle_records_the_agreed_text_and_remembers_no_bytes_for_it():
    """Two differing fetches that agree on a change: the version is the latest text with the change
    (its raw bytes the first fetch's, evidence of what was served), no cache entry (no bytes give
    that text), both fetches remembered as the page's variants; with nothing agreed, no version."""
    state, latest = _state(pricing())
    one, two = _fetched(pricing(12, A_SENTENCE)), _fetched(pricing(12, B_SENTENCE))
    first = decide(one, state, latest_text=lambda: latest)
    assert first.version is not None and first.recheck is not None
    final = settle(first, two, state, lambda: latest)
    assert final.outcome == "changed" and final.version is not None and final.recheck is None
    assert final.version.text == extract_text(_fetched(pricing(12))) and final.version.raw == one.body
    assert final.cache is None
    assert final.blink is not None and first.recheck in final.blink.variants
    assert content_hash(extract_text(two)) in final.blink.variants
    # nothing agreed beyond the latest text: nothing recorded, the latest among the variants
    first = decide(_fetched(pricing(9, A_SENTENCE)), state, latest_text=lambda: latest)
    final = settle(first, _fetched(pricing(9, B_SENTENCE)), state, lambda: latest)
    assert final.outcome == "unchanged" and final.version is None and final.cache is None
    assert final.blink is not None and final.blink.absent == 0 and state.latest_hash in final.blink.variants
    # next run: a known variant, the other one fetched again: the latest text still served
    blinking = DocumentState(**{**state.__dict__, "blink": final.blink.but(absent=VARIANT_RUNS - 1)})
    known = decide(_fetched(pricing(9, B_SENTENCE)), blinking, latest_text=lambda: latest)
    assert known.version is not None  # (alone, the latest text missing long enough: a variant to record)
    after = settle(known, _fetched(pricing(9, A_SENTENCE)), blinking, lambda: latest)
    assert after.version is None and after.outcome == "unchanged" and after.blink is not None
    assert after.blink.absent == 0

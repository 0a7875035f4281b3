"""Faults a first-time user found (nu35, items 3 and 4): a page served with whole sections missing,
held, then recorded once it lasted, then whole again.

- The site says what the feeds say: a version the next capture took back (the text from before it
  again, ``Catalog.taken_back``) carries a "taken back" badge and a note on every page that lists
  it (front page, service page, history, its own diff page), is titled "Taken back: ..." there, and
  neither it nor the capture that took it back is ever the "Last material change": that stays the
  last material change that lasted.
- The attention feed says what happened to a held page that was recorded: "recorded after being
  seen in 3 runs", never "fine again" (``build.held_then_recorded``).

Near misses keep their behaviour: a material change that lasts is unmarked and stays the "Last
material change"; a hold that ends with the whole page again is "fine again (unchanged)"; a hold
that ends with a new text of another kind (new clauses) is "fine again (changed)".

The real CLI against a real local server (test_faults.py's ``env``); every text is invented.
"""

from __future__ import annotations

import json
import re
import time

import pytest

import test_faults
from test_faults import BAD, Env, html
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env

SECTIONS = [
    ("1. Who we are", "Larkspur Notes Ltd provides an online notebook for poets called Larkspur."),
    ("2. Your account", "You must be at least 16 years old to open a Larkspur account."),
    ("3. Acceptable use", "You must not use Larkspur to send bulk messages or to upload harmful code."),
    ("4. Your poems", "You keep ownership of the poems and drafts you store in Larkspur."),
    ("5. Fees", "Paid plans are billed every month in advance through our payment partner."),
    ("6. Closing your account", "You may close your account at any time from the preferences page."),
    ("7. Refunds", "If you cancel within 14 days of your first payment we refund it in full."),
    ("8. Liability", "Our total liability to you is limited to the fees you paid in the last 12 months."),
    ("9. Governing law", "These terms are governed by the laws of Scotland and disputes go to its courts."),
]


def page(sections=SECTIONS, edit=lambda text: text) -> str:
    body = "".join(f"<h2>{h}</h2><p>{edit(p)}</p>" for h, p in sections)
    return (f"<!doctype html><html><head><title>Larkspur terms</title></head><body><main>"
            f"<h1>Larkspur Terms of Service</h1>{body}</main></body></html>")


WHOLE = page()
OLDER = page(edit=lambda t: t.replace("16 years", "18 years"))  # the age limit was 18: v2 lowers it
CUT = page(SECTIONS[:6])  # the last three sections missing: a page served in part


def serve(e: Env, text: str) -> None:
    e.server.page("/bad", lambda: html(text))


def run(e: Env) -> dict:
    time.sleep(1.05)  # stored times have whole seconds: each capture in its own second
    return e.run()[BAD]


def hold_then_record(e: Env) -> None:
    """v1 (age 18), v2 (age 16, a material change that lasts), the cut held HOLD_RUNS - 1 runs then
    recorded (v3), and the whole page again (v4, a revert that takes v3 back)."""
    serve(e, OLDER)
    assert run(e)["outcome"] == "new"
    serve(e, WHOLE)
    assert run(e)["outcome"] == "changed"
    serve(e, CUT)
    for _ in range(guard.HOLD_RUNS - 1):
        assert run(e)["outcome"] == "held"
    assert run(e)["outcome"] == "changed"
    serve(e, WHOLE)
    assert run(e)["outcome"] == "revert"


def publish(e: Env) -> tuple:
    out = e.tmp / "site"
    e.tracker("publish", "--out", str(out), "--base-url", "https://terms.example.org", code=0)
    return out, {v["seq"]: v for v in json.loads(e.tracker("history", "faulty", "Terms of Service", "--json",
                                                            code=0).stdout)}


def attention(out) -> list[dict]:
    return json.loads((out / "feeds" / "attention.json").read_text(encoding="utf-8"))["items"]


def slug(v: dict) -> str:
    return v["fetched_at"].replace("-", "").replace(":", "") + "-" + v["content_hash"].split(":")[-1][:12]


def docs_row(html_text: str) -> str:
    """The Terms row of the faulty service on the front page or its service page."""
    return re.search(r'<a href="[./]*faulty/terms-of-service/index.html">.*?</li>', html_text, re.S).group(0)


def test_a_version_taken_back_is_marked_on_every_page_and_is_never_the_last_material_change(env):
    hold_then_record(env)
    out, versions = publish(env)
    assert [versions[s]["kind"] for s in (2, 3, 4)] == ["changed", "changed", "revert"], versions
    assert versions[2]["material"] and versions[3]["material"], versions  # the removal was material
    cut, lasting = slug(versions[3]), slug(versions[2])
    index = (out / "index.html").read_text(encoding="utf-8")
    service = (out / "faulty" / "index.html").read_text(encoding="utf-8")
    for text in (index, service):
        row = docs_row(text)
        last = re.search(r"Last material change: <a href=\"([^\"]+)\"", row)
        assert last is not None and lasting in last.group(1), row  # the lasting age change, not the cut
        assert cut not in row, row
        # in "Recent changes" the cut is listed, marked as the feeds mark it
        recent = re.search(rf'<li class="change-item[^"]*">\s*<a class="what" href="[^"]*{cut}\.html">.*?</li>',
                           text, re.S)
        assert recent is not None, text
        assert "is-taken-back" in recent.group(0) and "is-material" not in recent.group(0)
        assert "Taken back: Faulty Co Terms of Service" in recent.group(0)
        assert '<span class="badge taken-back">taken back</span>' in recent.group(0)
        assert "Taken back on " in recent.group(0) and slug(versions[4]) in recent.group(0)
    history = (out / "faulty" / "terms-of-service" / "index.html").read_text(encoding="utf-8")
    items = {int(n): li for li, n in re.findall(r'(<li class="[^"]*">\s*<span class="seq">Version (\d+)</span>.*?</li>)',
                                                 history, re.S)}
    assert "taken back" in items[3] and "is-taken-back" in items[3], items[3]
    assert "Takes back" in items[4] and "version 3" in items[4], items[4]
    assert "taken back" not in items[2].lower() and "is-material" in items[2], items[2]  # the near miss
    diff = (out / "faulty" / "terms-of-service" / f"{cut}.html").read_text(encoding="utf-8")
    assert "Taken back: a material change that did not last" in diff and "Taken back on " in diff
    lasting_page = (out / "faulty" / "terms-of-service" / f"{lasting}.html").read_text(encoding="utf-8")
    assert "taken back" not in lasting_page.lower() and ">Material change<" in lasting_page
    # the feeds said it already; the site now says the same of the same version
    feed = json.loads((out / "feeds" / "all.json").read_text(encoding="utf-8"))["items"]
    assert any(i["title"].startswith("Taken back: ") and cut in i["url"] for i in feed)


def test_a_material_change_after_the_take_back_is_the_last_material_change(env):
    hold_then_record(env)
    serve(env, page(edit=lambda t: t.replace("12 months", "3 months")))  # a lower cap: lasts
    assert run(env)["outcome"] == "changed"
    out, versions = publish(env)
    row = docs_row((out / "index.html").read_text(encoding="utf-8"))
    latest = re.search(r"Latest change: <a href=\"([^\"]+)\"", row)
    assert latest is not None and slug(versions[5]) in latest.group(1), row
    assert "Last material change" not in row, row  # the latest change is the last material one


def test_a_change_not_undone_by_the_next_version_is_not_taken_back(env):
    serve(env, WHOLE)
    assert run(env)["outcome"] == "new"
    serve(env, page(edit=lambda t: t.replace("14 days", "7 days")))
    assert run(env)["outcome"] == "changed"
    serve(env, page(edit=lambda t: t.replace("14 days", "30 days")))  # another text again, not the first
    assert run(env)["outcome"] == "changed"
    out, versions = publish(env)
    text = (out / "index.html").read_text(encoding="utf-8")
    assert "taken back" not in text.lower() and "Takes back" not in text
    row = docs_row(text)
    assert slug(versions[3]) in re.search(r"Latest change: <a href=\"([^\"]+)\"", row).group(1)


def test_the_attention_feed_says_a_held_page_was_recorded_after_the_hold(env):
    hold_then_record(env)
    out, versions = publish(env)
    [entry] = [i for i in attention(out) if "resolved" in i["tags"]]
    runs = guard.HOLD_RUNS
    assert f"recorded after being seen in {runs} runs" in entry["title"], entry
    assert "fine again" not in entry["title"] and "fine again" not in entry["summary"], entry
    assert f"recorded as version 3 on {versions[3]['fetched_at']}" in entry["summary"], entry
    assert f"taken back by version 4 on {versions[4]['fetched_at']}" in entry["summary"], entry
    assert entry["url"].endswith(f"/faulty/terms-of-service/{slug(versions[3])}.html"), entry


def test_a_hold_ended_by_the_whole_page_is_fine_again(env):
    serve(env, WHOLE)
    run(env)
    serve(env, CUT)
    for _ in range(guard.HOLD_RUNS - 1):  # as long as a hold can last without being recorded
        assert run(env)["outcome"] == "held"
    serve(env, WHOLE)
    assert run(env)["outcome"] == "unchanged"
    out, _ = publish(env)
    [entry] = [i for i in attention(out) if "resolved" in i["tags"]]
    assert f"held for {guard.HOLD_RUNS - 1} run(s), fine again" in entry["title"], entry
    assert "(unchanged)" in entry["summary"] and "recorded" not in entry["title"], entry


def test_a_hold_ended_by_a_new_text_with_new_clauses_is_no_recorded_hold(env):
    serve(env, WHOLE)
    run(env)
    serve(env, CUT)
    for _ in range(guard.HOLD_RUNS - 1):
        assert run(env)["outcome"] == "held"
    extra = SECTIONS + [("10. Notebooks shared", "You may share a notebook with up to five other poets.")]
    serve(env, page(extra))  # the whole page back with a new section: the page changed for real
    assert run(env)["outcome"] == "changed"
    out, _ = publish(env)
    [entry] = [i for i in attention(out) if "resolved" in i["tags"]]
    assert "fine again" in entry["title"] and "(changed)" in entry["summary"], entry
    assert "recorded after" not in entry["title"], entry


# --- a removed promise said in the present tense (nu35 item 3's check) ------------------------------


def removed_label(e: Env, sentence: str) -> dict:
    """The label of ``sentence``'s clause removed from an invented document (``tracker compare``)."""
    old, new = e.tmp / "old.md", e.tmp / "new.md"
    old.write_text(f"# Larkspur Terms\n\n## 1. Money\n\n{sentence}\n\n## 2. Age\n\nYou must be at least 16 years "
                   "old to open a Larkspur account.\n", encoding="utf-8")
    new.write_text("# Larkspur Terms\n\n## 2. Age\n\nYou must be at least 16 years old to open a Larkspur account.\n",
                   encoding="utf-8")
    changes = json.loads(e.tracker("compare", str(old), str(new), "--json", code=0).stdout)["changes"]
    [label] = [c for c in changes if c["kind"] == "removed" and sentence.split()[0] in (c.get("before") or "")]
    return label


@pytest.mark.parametrize("sentence, said", [
    ("If you cancel within 14 days of your first payment we refund it in full.",
     "No longer promises to refund it in full (if you cancel within 14 days of your first payment)"),
    ("We notify you 30 days before any price change.", "No longer promises to notify you 30 days before"),
    ("When a refund is approved, we send you an e-mail and credit your account within 5 days.",
     "No longer promises to send you an e-mail"),
])
def test_a_removed_promise_in_the_present_tense_is_critical(env, sentence, said):
    label = removed_label(env, sentence)
    assert label["material"] and label["severity"] == "critical", label
    assert label["explanation"].startswith(said), label


@pytest.mark.parametrize("sentence", [
    "If you break these rules we suspend your account.",  # a power over the user, no promise
    "We do not refund partial months.",  # a refusal: its removal is no promise withdrawn
    "We charge your card on the first day of each month.",  # a burden
    "We give your details to our payment partner.",  # "give", but not to the user
    # a saving clause of the law's, no promise of the provider's: material, not critical
    "Nothing in these terms limits liability for death or personal injury caused by negligence.",
])
def test_a_removed_sentence_that_promises_nothing_stays_below_critical(env, sentence):
    label = removed_label(env, sentence)
    assert label["severity"] != "critical" and not label["explanation"].startswith("No longer promises"), label

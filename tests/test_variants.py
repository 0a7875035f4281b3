"""A page that flips between whole variants (regional pages, two servers behind one address, an A/B
test): a text that is a near-restore of an earlier variant is compared with that variant, so only
what is new against it is reported, a return to a known variant is no news, and a real change made
to both variants is reported once; in a history import, a rebuild, ``reanalyse`` and real runs."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from support import make_archive
from test_import_reuse import rows
from test_importer import commit_files, git
from tracker.analysis.restored import Window
from tracker.archive.index import Index
from tracker.archive.reanalyse import reanalyse
from tracker.archive.record import reindex
from tracker.archive.store import Store
from tracker.ota.history import import_history

PAGE = """# Terms of Service of Kestrel Boards

Last updated: {date}

## 1. Who we are

{entity}

{address}

## 2. Your boards

We keep your boards for {days} days after you delete them.

{extra}

## 3. Law and disputes

{law}

{courts}

## 4. Contact

Write to our support team from the help page of your account.
"""
# three regional variants of the same page (fictional companies and places)
VARIANTS = {
    "eu": dict(entity="These terms are a contract between you and Kestrel Boards Europe B.V.",
               address="Our office is at Lindengracht 12, 1015 Amsterdam, the Netherlands.",
               law="These terms are governed by the laws of the Netherlands.",
               courts="Any dispute goes to the courts of Amsterdam."),
    "us": dict(entity="These terms are a contract between you and Kestrel Boards Inc., a Delaware corporation.",
               address="Our office is at 40 Alder Street, Portland, Oregon 97204, United States.",
               law="These terms are governed by the laws of the State of Oregon.",
               courts="Any dispute goes to binding arbitration in Portland, Oregon, and you waive any class action."),
    "sg": dict(entity="These terms are a contract between you and Kestrel Boards Asia Pte. Ltd.",
               address="Our office is at 8 Cross Street, Singapore 048424.",
               law="These terms are governed by the laws of Singapore.",
               courts="Any dispute goes to the courts of Singapore."),
}
TRAINING = "We may use the content of your boards to train our artificial intelligence models."
FEE = "A late payment fee of 15 euros applies to every invoice paid after its due date."
START = datetime(2025, 1, 6, 9, tzinfo=timezone.utc)
KEY = "kestrel-boards/Terms of Service"


def page(day: int, variant: str, days: str = "30", extra: str = "") -> str:
    date = (START + timedelta(days=day)).strftime("%B %-d, %Y")
    return PAGE.format(date=date, days=days, extra=extra, **VARIANTS[variant])


def at(day: int) -> str:
    return (START + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%SZ")


def imported(tmp_path: Path, steps: list[tuple[int, str]], batch: int = 500) -> tuple[Store, list[tuple[Any, ...]]]:
    """Import a history of ``(day, text)`` steps; the document's (kind, material, categories,
    summary, revert_of) in order, and the store."""
    repo = tmp_path / "versions"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for day, body in steps:
        commit_files(repo, {"Kestrel Boards/Terms of Service.md": body}, at(day))
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo, batch=batch)
    return store, versions(store.index_path)


def versions(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT kind, material, categories, summary, revert_of FROM versions "
                            "WHERE document_key = ? ORDER BY seq", (KEY,)).fetchall()


def material_changes(path: Path, seq: int) -> list[str]:
    """The before → after texts of the material clause changes of version ``seq`` (1-based)."""
    with sqlite3.connect(path) as conn:
        found = conn.execute(
            "SELECT c.before, c.after FROM changes c JOIN versions v ON v.commit_sha = c.commit_sha "
            "WHERE v.document_key = ? AND v.seq = ? AND c.material = 1 ORDER BY c.n", (KEY, seq)).fetchall()
    return [f"{b or ''} -> {a or ''}" for b, a in found]


def same_on_rebuild_and_reanalyse(store: Store, tmp_path: Path) -> None:
    """``reindex`` (the run's record path) and ``reanalyse`` find the same variants and analyses."""
    copy = tmp_path / "reindexed.sqlite"
    with Index(copy) as again:
        reindex(store, again)
    assert rows(store.index_path) == rows(copy)
    with Index(store.index_path) as index:
        reanalyse(store, index, force=True)
    assert rows(store.index_path) == rows(copy)


def test_a_variant_back_with_an_edit_reports_only_the_edit(tmp_path: Path) -> None:
    """A, B, A, then B plus a new clause: B's variant against the previous text (A) would report
    the other company, law and arbitration again; against B itself only the new clause is new."""
    store, got = imported(tmp_path, [(0, page(0, "eu")), (1, page(1, "us")), (2, page(2, "eu")),
                                     (3, page(3, "us", extra=TRAINING))], batch=2)
    assert [k for k, *_ in got] == ["first", "changed", "partial-revert", "changed"]
    assert got[1][1] == 1 and "arbitration" in got[1][2]  # the first time the US variant is seen: news
    assert got[2][1] == 0
    kind, material, categories, summary, _ = got[3]
    assert material == 1 and "ai-training" in categories, got[3]
    assert "arbitration" not in categories and "governing-law" not in categories, got[3]
    assert summary.startswith("Back to its variant of 2025-01-07"), summary
    assert all("artificial intelligence" in c for c in material_changes(store.index_path, 4))
    same_on_rebuild_and_reanalyse(store, tmp_path)


def test_a_return_to_a_known_variant_is_labelled_as_such(tmp_path: Path) -> None:
    """A page flipping between three regional variants, each time with a new date (never an exact
    revert): the first sight of each variant is news, every return to one is not, and says which."""
    steps = [(0, page(0, "eu")), (1, page(1, "us")), (2, page(2, "sg")), (3, page(3, "eu")), (4, page(4, "us")),
             (5, page(5, "sg")), (6, page(6, "us"))]
    store, got = imported(tmp_path, steps)
    assert [m for _, m, *_ in got] == [0, 1, 1, 0, 0, 0, 0], got
    assert [k for k, *_ in got][3:] == ["partial-revert"] * 4
    assert got[6][4] == at(4) and "variant of 2025-01-10" in got[6][3], got[6]
    same_on_rebuild_and_reanalyse(store, tmp_path)


def test_a_variant_back_after_months_with_an_edit(tmp_path: Path) -> None:
    """The variants flip in January, then the page serves the EU one for four months; the US one
    comes back in June with a late-payment fee: the fee is new, the rest is the known variant."""
    steps = [(0, page(0, "eu")), (1, page(1, "us")), (2, page(2, "eu")), (3, page(3, "us")), (4, page(4, "eu")),
             (150, page(150, "us", extra=FEE))]
    store, got = imported(tmp_path, steps)
    kind, material, categories, summary, _ = got[5]
    assert kind == "changed" and material == 1, got[5]
    assert summary.startswith("Back to its variant of 2025-01-09"), summary
    assert "arbitration" not in categories and "class-action" not in categories, got[5]
    assert all("late payment fee" in c for c in material_changes(store.index_path, 6))
    same_on_rebuild_and_reanalyse(store, tmp_path)


def test_a_page_that_never_flipped_back_is_not_a_variant(tmp_path: Path) -> None:
    """EU for a day, then US for five months, then EU with a new fee: nothing says the page
    alternates (it changed once and stayed), so the change back is compared with the previous
    text as any change, its other company and law included."""
    steps = [(0, page(0, "eu")), (1, page(1, "us")), (150, page(150, "eu", extra=FEE))]
    _, got = imported(tmp_path, steps)
    assert got[2][0] == "changed" and got[2][1] == 1
    assert not got[2][3].startswith("Back to its variant"), got[2]


def test_a_real_change_made_to_both_variants_is_reported_once(tmp_path: Path) -> None:
    """Retention goes from 30 to 90 days on the EU variant, then on the US one: reported when
    first seen, not again; a further real change that comes with the second is reported."""
    steps = [(0, page(0, "eu")), (1, page(1, "us")), (2, page(2, "eu", days="90")), (3, page(3, "us", days="90"))]
    store, got = imported(tmp_path, steps)
    assert got[2][1] == 1 and any("90 days" in c for c in material_changes(store.index_path, 3)), got[2]
    assert got[3][1] == 0, got[3]
    # the same, with a new clause on the second variant: the clause is news, the 90 days are not
    steps[3] = (3, page(3, "us", days="90", extra=TRAINING))
    store, got = imported(tmp_path / "again", steps)
    assert got[3][1] == 1 and "ai-training" in got[3][2], got[3]
    assert material_changes(store.index_path, 4) and \
        not any("90 days" in c for c in material_changes(store.index_path, 4)), material_changes(store.index_path, 4)
    same_on_rebuild_and_reanalyse(store, tmp_path / "again")


def test_the_window_picks_the_nearest_variant_only_when_far_nearer() -> None:
    """The variant chosen is the nearest earlier text, and only when it differs from the new text
    in at most half the lines the previous one does: an ordinary edit of a page is compared with
    the previous text."""
    window = Window()
    window.load([("eu", at(0), page(0, "eu")), ("us", at(1), page(1, "us")), ("sg", at(2), page(2, "sg")),
                 ("eu2", at(3), page(3, "eu"))])
    settled = window.settle("us2", at(4), page(4, "us", extra=FEE), check=True)
    assert not settled.restored and settled.base_digest == "us" and settled.base_at == at(1)
    assert settled.base_text is not None and "Alder Street" in settled.base_text()
    plain = window.settle("us3", at(5), page(5, "us", days="60", extra=FEE), check=True)
    assert plain.base_digest == "" and not plain.restored


def test_tracker_run_reports_only_what_is_new_against_the_variant(tmp_path: Path, httpserver: Any) -> None:
    """Real runs against a local server whose page alternates between two regional variants from
    run to run (venue and team note); the variant comes back with a shorter credit expiry: that
    run reports the expiry, not the venue again."""
    arc, pages = make_archive(tmp_path, httpserver)
    home = dict(venue="Lisbon, Portugal", note="Thank you for mapping with us from Lisbon.")
    away = dict(venue="Quebec City, Canada", note="Merci de cartographier avec nous depuis Quebec.")
    for date, variant in [("March 1, 2026", home), ("March 2, 2026", away), ("March 3, 2026", home)]:
        pages.terms.update(date=date, **variant)
        arc.run()
    pages.terms.update(date="March 4, 2026", expiry="3 months", **away)
    arc.run()
    history = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").stdout)
    assert history[1]["material"] and "jurisdiction" in history[1]["categories"], history[1]
    latest = history[-1]
    assert latest["kind"] == "changed" and latest["material"], latest
    assert latest["summary"].startswith("Back to its variant of"), latest["summary"]
    assert "jurisdiction" not in latest["categories"], latest
    # the same variant again, nothing new: a return, not material
    pages.terms.update(date="March 5, 2026", expiry="12 months", **home)
    arc.run()
    pages.terms.update(date="March 6, 2026", expiry="3 months", **away)
    arc.run()
    again = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").stdout)
    assert len(again) == len(history) + 2 and not any(v["material"] for v in again[-2:]), again[-2:]


def test_a_date_only_change_is_not_a_return_to_a_variant() -> None:
    """A text with the previous one's lines but for its date is an ordinary (cosmetic) change,
    even when an earlier version had those lines too."""
    window = Window()
    window.load([("eu", at(0), page(0, "eu")), ("us", at(1), page(1, "us")), ("eu2", at(2), page(2, "eu"))])
    settled = window.settle("eu3", at(3), page(3, "eu"), check=True)
    assert settled == (False, "", "", None, (), ())


PRICES = "| Plan | Price |\n| --- | --- |\n| Basic | {basic} a month |\n| Team | {team} a month |"


def test_a_table_change_made_to_both_variants_is_reported_once(tmp_path: Path) -> None:
    """A price table (a clause spanning lines) changes on one variant, then the other variant
    comes back with the same table and a new support phone number: the prices were reported
    when they changed, the return is compared with its variant, and the prices are not news."""
    old, new = PRICES.format(basic="5 euros", team="12 euros"), PRICES.format(basic="7 euros", team="12 euros")
    phone = "You can also call our support team on +31 20 555 0100."
    steps = [(0, page(0, "eu", extra=old)), (1, page(1, "us", extra=old)), (2, page(2, "eu", extra=old)),
             (3, page(3, "eu", extra=new)), (4, page(4, "us", extra=new + "\n\n" + phone))]
    store, got = imported(tmp_path, steps)
    assert got[3][1] == 1 and any("7 euros" in c for c in material_changes(store.index_path, 4)), got[3]
    assert got[4][0] == "changed" and got[4][3].startswith("Back to its variant of 2025-01-07"), got[4]
    assert got[4][1] == 0, (got[4], material_changes(store.index_path, 5))
    same_on_rebuild_and_reanalyse(store, tmp_path)


def test_a_change_shown_since_is_known_whatever_its_line_breaks_and_a_contact_detail() -> None:
    """The contracting-party row changed on one variant; the other variant's row wraps otherwise
    and writes its e-mail address plainly where the first hides it: the change is still known.
    A wording no version since showed is not."""
    from tracker.analysis.restored import Settled

    shown = ("# Privacy\n\n| Country | Controller |\n| --- | --- |\n| Norland | Kestrel Boards Nord AS, Fjordgata 3,\n"
             "Tromsø. Write to [email protected](https://kestrel.example/cdn-cgi/l/email-protection) |\n")
    settled = Settled(False, "b", at(1), None, (frozenset(),), (lambda: shown,))
    before = "| Norland | Kestrel Boards Europe B.V., Lindengracht 12, Amsterdam. Write to privacy@kestrel.example |"
    after = "| Norland | Kestrel Boards Nord AS, Fjordgata 3, Tromsø. Write to privacy@kestrel.example |"
    assert settled.known(before, after)
    assert not settled.known(before, after.replace("Nord AS, Fjordgata 3", "Polar Ltd, Havnegata 9"))
    assert not settled.known(None, "We may share your boards with our advertising partners.")

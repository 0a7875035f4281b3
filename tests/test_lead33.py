"""The lead's fixes of session 33 from a first-time user's trial (nu36).

- ``tracker history`` says a version was taken back (its document's next version went back to the
  text from before it), as the site and the feeds say (``records.taken_back_by``).

The tests run the real tracker against a local HTTP server of a fictional service ("Brackenly").
"""

from __future__ import annotations

from test_ops35 import terms, terms_page
from test_ops36 import cli


def test_history_marks_a_version_taken_back_by_the_next_one(tmp_path, serve):
    server = serve()
    served, store, sources = terms_page(tmp_path, server)
    for text in (terms(), terms().replace("at least 16 years", "at least 18 years"), terms(),
                 terms().replace("EUR 9 per month", "EUR 11 per month")):
        served["terms"] = text
        code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")
        assert code == 0, err
    code, out, err = cli(store, sources, "history", "brackenly", "Terms")
    assert code == 0, err
    lines = {int(line.split()[0]): line for line in out.splitlines() if line.strip()[:1].isdigit()}
    assert sorted(lines) == [1, 2, 3, 4], out
    assert lines[2].endswith("(taken back by version 3)"), out
    # the revert itself and a change that lasted carry no such mark
    assert "taken back" not in lines[3] and "taken back" not in lines[4], out


def test_a_reverts_headline_counts_the_categories_past_three_and_puts_the_commonest_first():
    """A revert taking back changes of 4 categories named 3 of them (alphabetically) and dropped the
    4th (nu36: "undoing 6 material changes (governing-law, jurisdiction, liability)" left out the
    refunds it took back): the commonest come first and the rest are counted."""
    from tracker.analysis.analyse import analyse

    old = ("# Fernwick terms\n\n## Refunds\n\nWe refund a yearly plan in full within 30 days of payment.\n\n"
           "## Refund timing\n\nRefunds are paid within 10 business days of your request.\n\n"
           "## Liability\n\nOur liability is limited to the fees you paid in the last 12 months.\n\n"
           "## Governing law\n\nThese terms are governed by the laws of Ireland.\n\n"
           "## Courts\n\nDisputes go to the courts of Dublin.\n")
    cut = old.split("## Refunds")[0] + "## Courts" + old.split("## Courts")[1]
    revert = analyse(cut, old, kind="revert", revert_of="2026-03-01T10:00:00Z")
    assert "undoing" in revert.summary, revert.summary
    named = revert.summary.split("(", 1)[1].rstrip(")")
    assert named.startswith("refunds"), revert.summary  # two of the changes taken back are refunds
    assert named.endswith("more") or named.count(",") <= 2, revert.summary

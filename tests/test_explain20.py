"""What a reader is told of each change and of a document must be right on real pages (issue #11).
Each test is one KIND of fault seen in the explanation audit (``benchmarks/explain_audit.py``),
checked on invented text about fictional services through ``tracker.compare`` (what ``tracker
compare``, ``diff``, the feeds and ``compare --json`` show) or the document summary."""

from __future__ import annotations

import pytest

from tracker import compare
from tracker.analysis.wording import passages, word_keys


def _material(a):
    return [c for c in a.changes if c.material]


# -- a quote of what a clause now also says starts at the words that changed -------------------------
# A clause typed again with curly apostrophes or quotes ("party's" → "party’s", "d’une" → "d'une")
# differs from its old wording in every such word: the quote of what it "now also says" must still
# start at the words added, never at the clause's first words, which it always said.
@pytest.mark.parametrize("old,new,added,kept", [
    ("## Disputes\n\nExcept for either party's claims of infringement of the other party's patents, any and all "
     "disputes between you and Zorblat must be resolved through binding arbitration.\n",
     "## Disputes\n\nExcept for either party’s claims of infringement of the other party’s patents, in the event "
     "that the informal dispute process set forth in Section 9 is not successful, any and all disputes between you "
     "and Zorblat must be resolved through binding arbitration.\n",
     "informal dispute process", "Except for either"),
    ("## Renouvellement\n\nDans le cadre d’une tacite reconduction, le montant de l’Abonnement Flumbo sera prélevé "
     "le jour anniversaire.\n",
     "## Renouvellement\n\nDans le cadre d'une tacite reconduction de son Abonnement, le montant de l'Abonnement "
     "Flumbo sera prélevé le jour anniversaire sur l'une des cartes bancaires enregistrées par l'Abonné.\n",
     "cartes bancaires", "Dans le cadre"),
])
def test_what_a_watch_out_now_also_says_is_quoted_from_the_words_added(old, new, added, kept):
    a = compare(old, new)
    said = " ".join(c.explanation for c in _material(a))
    assert added in said and kept not in said, said
    assert added in a.summary, a.summary


def test_typography_alone_is_no_changed_word_of_a_passage():
    # the straight and curly forms of one quote, a bold mark and a comma are the same words read
    assert word_keys(["“**Control**”", "party’s", "patents,"]) == word_keys(['"Control"', "party's", "patents"])
    now, was = passages("Quibly’s fees are due monthly, and “Credits” expire after 12 months.",
                        "Quibly's fees are due monthly, and \"Credits\" expire after 6 months.")
    assert now == "…\"Credits\" expire after 6 months." and was == "…“Credits” expire after 12 months.", (now, was)

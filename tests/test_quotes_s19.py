"""Quotes in explanations are one contiguous run of one version's text (issue #11).

Fictional services and texts throughout. Each test checks the explanation ``label_change`` gives
for a clause, and that every quote in it is a run of words of the old or of the new version;
the audit's ``--lint`` rule that finds the quotes that are not is tested on its own.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from tracker.analysis.materiality import label_change

_AUDIT = Path(__file__).resolve().parent.parent / "benchmarks" / "explain_audit.py"


def _audit():
    sys.path.insert(0, str(_AUDIT.parent))
    spec = importlib.util.spec_from_file_location("explain_audit_s19", _AUDIT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _in_one_version(quote: str, before: str, after: str) -> bool:
    ws = _words(quote.replace("…", " "))
    for side in (_words(before), _words(after)):
        if any(side[i:i + len(ws)] == ws for i in range(len(side) - len(ws) + 1)):
            return True
    return False


def _quotes(explanation: str) -> list[str]:
    return re.findall(r"“([^“”]*)”", explanation)


def test_modal_words_near_one_another_are_quoted_once_in_one_run():
    before = ("Zorblio may terminate the Member's access to the Platform in the event of non-compliance with "
              "this article, without prejudice to any damages that Zorblio may seek.")
    after = ("In the event of non-compliance with this article, Zorblio may, at its sole discretion, (i) "
             "immediately and without prior notice suspend the Member’s access to the Services until the "
             "breach has ceased, and/or (ii) terminate the Member’s access to the Platform.")
    expl = label_change("modified", before, after).explanation
    quotes = _quotes(expl)
    assert len(quotes) == 1, expl  # not three quotes that overlap and repeat one another's words
    assert "immediately and without prior notice suspend" in quotes[0], expl
    assert _in_one_version(quotes[0], before, after), expl


def test_modal_words_quoted_once_in_french():
    before = ("Zorblio peut résilier l'accès du Membre à la Plateforme en cas de non-respect du présent article, "
              "sans préjudice des dommages et intérêts.")
    after = ("En cas de non-respect du présent article, Zorblio peut, à sa seule discrétion, (i) immédiatement "
             "et sans préavis suspendre l'accès du Membre aux Services, et/ou (ii) résilier l'accès du Membre "
             "à la Plateforme.")
    expl = label_change("modified", before, after).explanation
    quotes = _quotes(expl)
    assert len(quotes) == 1, expl
    assert "sans préavis" in quotes[0] and _in_one_version(quotes[0], before, after), expl


def test_items_put_in_apart_are_quoted_each_on_its_own():
    before = ("This Privacy Statement applies only to member information collected by us or shared with us in "
              "relation to our Gardens.")
    after = ("This Privacy Statement applies only to member information collected or created by us or shared "
             "with us in relation to our Gardens or Greenhouses.")
    expl = label_change("modified", before, after).explanation
    assert "; " not in "".join(_quotes(expl)), expl  # never "created; Greenhouses"
    assert "“created”" in expl and "“Greenhouses”" in expl, expl
    assert all(_in_one_version(q, before, after) for q in _quotes(expl)), expl


def test_a_passage_quote_is_long_enough_to_read_alone():
    before = ("b. This policy must comply with applicable law and regulations and must accurately and clearly "
              "explain what data you are Processing, how you are Processing it, and how Members may request "
              "deletion of that data.")
    after = ("b. Your privacy policy must clearly explain what data you are Processing, how you are Processing "
             "it, and how Members may request deletion of that data.")
    expl = label_change("modified", before, after).explanation
    m = re.match(r"Now says “(?P<now>[^”]*)” instead of “(?P<was>[^”]*)”", expl)
    assert m, expl  # old and new both said
    assert len(_words(m.group("now"))) >= 6, expl  # not a bare "Your privacy policy…"
    assert all(_in_one_version(q, before, after) for q in _quotes(expl)), expl


def test_lint_finds_a_quote_of_words_from_both_versions():
    audit = _audit()
    before = "Members agree to receive the Plonkr newsletter by e-mail."
    after = "Members agree to receive the Plonkr newsletter via Quibbly."
    garbled = "Now says “to via Quibbly receive” instead of “by e-mail” (privacy)"
    assert audit.mixed_quotes(garbled, before, after) == ["to via Quibbly receive"]
    assert "mixed" in audit.lint(garbled, before, after)
    joined = "Adds “agree; Quibbly” to: “Members agree to receive…” (privacy)"
    assert audit.mixed_quotes(joined, before, after) == ["agree; Quibbly"]


def test_lint_passes_runs_of_one_version_and_context_quotes():
    audit = _audit()
    before = "Members agree to receive the **Plonkr** newsletter by [e-mail](https://plonkr.example/mail)."
    after = "Members agree to receive the Plonkr newsletter via Quibbly."
    good = ("Now says “…receive the Plonkr newsletter via Quibbly” instead of “…the Plonkr newsletter by e-mail” "
            "(privacy)")
    assert audit.mixed_quotes(good, before, after) == []
    elided = "Now reads “Members agree … via Quibbly” (privacy)"  # each piece of an elided quote is a run
    assert audit.mixed_quotes(elided, before, after) == []
    lead = "New item under “Members may choose between”: via Quibbly (privacy)"  # a lead-in outside the clause
    assert audit.mixed_quotes(lead, before, after) == []
    assert audit.mixed_quotes("« la lettre via Quibbly »", before, after) == ["la lettre via Quibbly"]


def test_a_short_word_is_quoted_where_it_stands_whole():
    before = "* Is unkind, is harassing someone or is meant to threaten, scare or upset a Flibber member;"
    after = ("* Is unkind, is harassing someone or is meant to threaten, scare or upset a Flibber member and we "
             "don’t let you purposely bait or annoy members – no goading!")
    expl = label_change("modified", before, after).explanation
    assert "an no y" not in expl and "annoy" in expl, expl  # the "no" of "no goading", never the one in "annoy"
    assert all(_in_one_version(q, before, after) for q in _quotes(expl)), expl


def test_lint_ignores_web_addresses_left_out_of_a_quote():
    audit = _audit()
    before = "When you visit our sites, including https://plonkr.example; https://quibbly.example and any of our apps."
    after = "When you use our site and any of our apps."
    expl = "Now says “When you use our site…” instead of “…our sites, including and any of our apps” (privacy)"
    assert audit.mixed_quotes(expl, before, after) == []


def test_a_quote_read_on_still_holds_the_words_that_changed():
    before = ("**Client**: means any legal or natural person, professional registered in the trade register or any "
              "equivalent commercial register, which subscribes either to the freemium version of the Plonkr app "
              "or to a paid subscription to the app;")
    after = before.replace("freemium", "free trial").replace("app;", "app.")
    expl = label_change("modified", before, after).explanation
    assert "freemium" in expl and "free trial" in expl, expl  # old and new words both shown
    assert all(_in_one_version(q, before, after) for q in _quotes(expl)), expl

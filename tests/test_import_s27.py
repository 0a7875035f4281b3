"""Issue 16 (import speed): the whole-text checks of a pair of rewritten documents answer against
their bounds without counting everything, and say what the whole counts say.

``landing_page`` asks only whether a text has at least so many legal patterns and whether its
topic density passes a level; ``vocabulary.legal_vocabulary_at_least`` and
``scope._topic_density_over`` answer that, reading until the answer is known. On invented texts
of fictional services (terms, a marketing home page, a menu of links, a short notice).
"""

from __future__ import annotations

import pytest

from tracker.analysis.headline import headline
from tracker.analysis.scope import _topic_density_over, landing_page, topic_density
from tracker.records import ClauseChange
from tracker.vocabulary import legal_vocabulary, legal_vocabulary_at_least

TERMS = "\n\n".join([
    "# Brindlewood Terms of Service",
    "These Terms are an agreement between you and Brindlewood Ltd. By using the service you agree to them.",
    "Brindlewood is provided as is, without warranty. Our liability is limited to the fees you paid.",
    "We may suspend or terminate your account if you breach these Terms. You may close it at any time.",
    "We process your personal data as our Privacy Policy says. Disputes go to arbitration in Dublin.",
    "These Terms are governed by the laws of Ireland, and the courts of Dublin have jurisdiction.",
    "You grant us a licence to host your sketches. Section 4 applies to refunds of the yearly plan.",
] * 3)
MARKETING = "\n\n".join([
    "# Brindlewood: sketch together, anywhere",
    "Draw with friends in real time, share boards with one click and keep every idea in one place.",
    "Teams at studios and schools love our colourful brushes, smart layers and endless canvas.",
    "Try the new watercolour pack, the dark theme and the tablet app for long train journeys.",
] * 40)
MENU = "\n".join(f"- [Brindlewood guide {k}](https://brindlewood.example/guide/{k}) for makers" for k in range(12))
NOTICE = "Brindlewood is down for maintenance. Back soon!"


@pytest.mark.parametrize("text", [TERMS, MARKETING, MENU, NOTICE, ""])
def test_legal_vocabulary_at_least_agrees_with_the_count(text: str) -> None:
    count = legal_vocabulary(text)
    for least in range(0, 19):
        assert legal_vocabulary_at_least(text, least) is (count >= least), (least, count)


def test_legal_patterns_read_cheap_first_are_each_pattern_once() -> None:
    from tracker.vocabulary import _CHEAP_FIRST, _LEGAL_WORDS

    assert len(_CHEAP_FIRST) == len(_LEGAL_WORDS)
    assert {p.pattern for p in _CHEAP_FIRST} == {p.pattern for p in _LEGAL_WORDS}


@pytest.mark.parametrize("text", [TERMS, MARKETING, MENU, NOTICE, ""])
def test_topic_density_over_agrees_with_the_density(text: str) -> None:
    density, n = topic_density(text)
    for level in (0.0, 1.0, 3.0, density, 20.0, 50.0, 1000.0):
        for inclusive in (False, True):
            over, words = _topic_density_over(text, level, inclusive)
            assert words == n
            assert over is (density >= level if inclusive else density > level), (level, inclusive, density)
    # too few words: not counted, never "over"
    assert _topic_density_over(text, 0.0, True, n + 1) == (False, n)


def test_landing_page_still_tells_a_home_page_from_terms() -> None:
    assert landing_page(MARKETING, TERMS)
    assert landing_page(MENU, TERMS)
    assert not landing_page(TERMS, MARKETING)
    rewritten = TERMS.replace("Dublin", "Cork").replace("Ireland", "Portugal").replace("sketches", "boards")
    assert not landing_page(rewritten, TERMS)  # a rewrite of terms is terms


def _change(n: int, material: bool, explanation: str) -> ClauseChange:
    return ClauseChange(kind="added", clause_id=f"c{n}", heading="", before=None, after=f"Clause {n} of Brindlewood.",
                        material=material, severity="material" if material else "minor",
                        categories=("privacy",) if material else (), explanation=explanation)


def test_headline_of_many_minor_changes_names_the_material_one_and_a_host_change() -> None:
    minor = [_change(k, False, f"Added text without legal effect: clause {k}") for k in range(300)]
    material = _change(300, True, "New data use: Brindlewood may share your sketches with advertisers (privacy)")
    assert headline(minor + [material] + minor[:3], categories=("privacy",)).startswith(
        "New data use: Brindlewood may share your sketches with advertisers")
    host = _change(301, False, "The host is now Quarry Cloud Ltd instead of Brindlewood Hosting")
    # no material change: the host change is the headline, not the fallback
    assert headline(minor[:50] + [host] + minor[50:], fallback="351 clauses changed, none materially").startswith(
        "The host is now Quarry Cloud Ltd")
    assert headline(minor, fallback="300 clauses changed, none materially") == "300 clauses changed, none materially"


@pytest.mark.parametrize("sentence", [
    "We have UPDATED our Terms of Service for Brindlewood.",
    "Brindlewood may suspend accounts that break these rules.",
    "Nous avons révisé nos conditions générales.",
    "Wir haben unsere AGB regelmäßig überarbeitet.",
    "Les CGU de Brindlewood sont PRÉCISÉES ici.",
    "Effective 2026: sketches are stored in Dublin.",
    "Brindlewood stores sketches in Dublin.",
    "",
])
def test_announcement_hint_fast_path_finds_what_the_pattern_finds(sentence: str) -> None:
    from tracker.analysis.boilerplate import _ANNOUNCE_HINT, _announce_hint

    assert _announce_hint(sentence) is (_ANNOUNCE_HINT.search(sentence) is not None)


def test_announcement_hint_fast_path_on_every_ascii_case() -> None:
    from tracker.analysis.boilerplate import _ANNOUNCE_HINT, _announce_hint

    # each hint word in mixed case, alone and inside other words; and near misses
    words = ["Updated", "CHANGES", "rEvIsEd", "Summary", "time  to\tTIME", "GO ON", "1999", "Dated", "datex",
             "upd ated", "chan-ge", "tim e to time", "Brindlewood", "Keeps", "PERIODIC"]
    for w in words:
        for text in (w, f"Brindlewood {w} sketches.", f"x{w}y"):
            assert _announce_hint(text) is (_ANNOUNCE_HINT.search(text) is not None), text


# --- a page served in another language, with hundreds of clause changes ---------------------------
EN_CLAUSES = [
    "We share your personal data with advertising partners of Brindlewood to show you offers about sketch {k}.",
    "You may cancel your Brindlewood plan {k} at any time, and we refund the unused days of that plan.",
    "Brindlewood keeps the drawings of board {k} for ninety days after you delete your account.",
]
FR_CLAUSES = [
    "Nous partageons vos données personnelles avec les partenaires publicitaires de Brindlewood pour le croquis {k}.",
    "Vous pouvez résilier votre abonnement Brindlewood {k} à tout moment, et nous remboursons les jours restants.",
    "Brindlewood conserve les dessins du tableau {k} pendant quatre-vingt-dix jours après la suppression du compte.",
]


def _page(clauses: list[str], n: int, title: str) -> str:
    return f"# {title}\n\n" + "\n\n".join(c.format(k=k) for k in range(n) for c in clauses) + "\n"


def test_a_page_switching_language_with_hundreds_of_changes_is_a_translation_not_read_clause_by_clause() -> None:
    from tracker.analysis import analyse
    from tracker.analysis.analyse import SWITCH_UNREAD

    old, new = _page(EN_CLAUSES, 60, "Brindlewood Privacy Policy"), _page(FR_CLAUSES, 60, "Politique de confidentialité")
    result = analyse(old, new)
    assert len(result.changes) > SWITCH_UNREAD
    assert result.summary.startswith("The page is now in French instead of English")
    assert not result.material and result.categories == ()
    assert not any(c.material for c in result.changes)
    # said as the translation each change is, and no clause read for its meaning (no categories)
    assert all(c.categories == () for c in result.changes)
    assert any(c.explanation.startswith("French translation of the page: “Nous partageons") for c in result.changes)


def test_a_smaller_page_switching_language_is_labelled_clause_by_clause_as_before() -> None:
    from tracker.analysis import analyse
    from tracker.analysis.analyse import SWITCH_UNREAD

    old, new = _page(EN_CLAUSES, 10, "Brindlewood Privacy Policy"), _page(FR_CLAUSES, 10, "Politique de confidentialité")
    result = analyse(old, new)
    assert len(result.changes) <= SWITCH_UNREAD
    assert result.summary.startswith("The page is now in French instead of English")
    assert not result.material and result.categories == ()
    assert any(c.categories for c in result.changes)  # read for their meaning (and overruled)

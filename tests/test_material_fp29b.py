"""Session 29 (fp29b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.api import compare

# -- which copy of the text binds: "the original English text shall be the sole legally binding version"

COPY = ("# Cookie Notice\n\nEffective date: 1 March 2024\n\nThis notice explains how Pebblo uses cookies on its "
        "website and app.\n\nWe use analytics cookies to count visits to our pages.\n")


def test_a_sentence_naming_the_only_binding_language_version_is_no_term() -> None:
    for said in ("The original English text shall be the sole legally binding version.",
                 "Only the German version of this notice is authoritative.",
                 "The French text remains the only binding version of this notice."):
        new = COPY.replace("This notice explains", said + " This notice explains")
        result = compare(COPY, new)
        assert not result.material, said


def test_a_binding_sentence_that_shares_data_stays_material() -> None:
    # "binding" without naming a copy of the text (a translation, a language version) is no such note
    new = COPY.replace("This notice explains", "This notice is legally binding and lets us share your browsing "
                       "data with advertising partners. This notice explains")
    result = compare(COPY, new)
    assert result.material and "privacy" in result.categories

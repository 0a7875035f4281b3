"""The text helpers the analysis caches (perf39) answer as their uncached selves, asked once or again."""

from __future__ import annotations

import pytest

from tracker.analysis import headline, materiality, rendering, scope, wording

# Invented clauses of fictional services: Markdown, numbering, quotes, links, an address.
TEXTS = [
    "3.1 **Quillory Cloud** may suspend your account if you fail to pay any invoice within 30 days of "
    "its date, and we will tell you by e-mail at least 7 days before.",
    "* (a) You will not resell, sublicense or rent the [Zorblio API](https://zorblio.example/api) to a third party.",
    "New: “Credits that you have not used may expire 6 months after purchase” (pricing, refunds)",
    "Pixelmint ( ) keeps your uploads for 90 days; then they are deleted | | --- |",
    "## 12 Rue des Lilas, 75011 Paris",
    "Section 4 - Any dispute between you and Nimbus Ltd will be settled by binding arbitration in Galway.",
    "short",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_helpers_answer_as_the_uncached_ones(text: str) -> None:
    calls = [
        (rendering.one_line, (text, 40)), (rendering.one_line, (text, 90)),
        (rendering.address_line, (text,)), (wording.clean_explanation, (text,)),
        (headline.display_explanation, (text,)), (materiality._snippet, (text, 60)),
        (materiality._clean_prefix, (text,)),
    ]
    for fn, args in calls:
        expected = fn.__wrapped__(*args)  # type: ignore[attr-defined]
        assert fn(*args) == expected, fn.__name__
        assert fn(*args) == expected, fn.__name__  # the second answer comes from the cache


def test_a_repeated_question_is_a_cache_hit() -> None:
    rendering.one_line.cache_clear()
    text = TEXTS[0]
    first = rendering.one_line(text, 50)
    assert first.endswith("…") and len(first) <= 50
    assert rendering.one_line(text, 50) is first
    assert rendering.one_line.cache_info().hits == 1
    rendering.one_line(text, 51)  # the limit is part of the key: a miss
    assert rendering.one_line.cache_info().misses == 2


def test_shares_over_cached_answers_as_uncached() -> None:
    old = "\n".join(f"{k}. Zorblio keeps clause number {k} of its terms for fictional users." for k in range(40))
    new = old.replace("clause number 7 ", "clause number seven ")
    other = "\n".join(f"Unrelated landing page line {k}." for k in range(40))
    for page, against in ((old, new), (new, old), (old, other), (other, new)):
        for share in (0.1, 0.5, 0.9):
            expected = scope.shares_over.__wrapped__(page, against, share)  # type: ignore[attr-defined]
            assert scope.shares_over(page, against, share) is expected
            assert scope.shares_over(page, against, share) is expected
    assert scope.shares_over(old, new, 0.1) is True
    assert scope.shares_over(old, other, 0.1) is False

"""The n-gram and glued-word look-ups of a DocIndex answer as the plain sets would, whether a
look-up searches the joined tokens (the first ones) or the set built after many."""

from __future__ import annotations

import random

from tracker.analysis import novelty
from tracker.analysis.novelty import DocIndex, words

TEXT = ("# Fictional Cloudberry Terms\n\nCloudberry may suspend the account after notice. "
        "Refunds are paid within 14 days; e-mail help@cloudberry.example or call +1 555 010 2030.\n\n"
        "1. The customer shall pay the fees. The customer may end the subscription at any time.\n")


def _plain_grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(tokens[k:] for k in range(n))))


def _queries(tokens: list[str], n: int, rng: random.Random) -> list[tuple[str, ...]]:
    """Runs that occur, runs that do not, and runs that only a sloppy string search would find."""
    out = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    out += [tuple(rng.choice(tokens) for _ in range(n)) for _ in range(40)]
    out += [tuple(w[:-1] if w and k == 0 else w for k, w in enumerate(run)) for run in out[:10]]  # a token's tail
    out += [tuple(w[1:] if k == n - 1 else w for k, w in enumerate(run)) for run in out[:10]]  # a token's head
    out += [("customer shall",) * n, ("",) * n, ("the",) * (n + 1)]
    return out


def test_windows_answer_as_the_set_before_and_after_it_is_built() -> None:
    rng = random.Random(7)
    tokens = words(TEXT)
    assert len(tokens) > 30
    for n in range(1, 6):
        doc = DocIndex(list(tokens))
        plain = _plain_grams(tokens, n)
        queries = _queries(tokens, n, rng)
        assert len(queries) > novelty.SCAN_LOOKUPS  # both ways of answering are exercised
        answers = [q in doc.grams(n) for q in queries]
        assert answers == [q in plain for q in queries]
        assert doc.grams(n).set is not None  # built once the scans ran out
        assert any(answers) and not all(answers)


def test_glued_answers_as_the_set() -> None:
    tokens = words(TEXT)
    plain = {a + b for a, b in zip(tokens, tokens[1:])}
    doc = DocIndex(list(tokens))
    queries = sorted(plain)[:8] + ["thecustomer", "customershall", "cloudberrymay", "x", "", "the customer",
                                   "shallpaythe"] + [a + b + "s" for a, b in zip(tokens, tokens[1:])]
    assert [q in doc.glued() for q in queries] == [q in plain for q in queries]
    assert "customershall" in doc.glued() and "shallpaythe" not in doc.glued()

"""A site's own "not found" page captured in place of the terms, said in a sentence under a title
that only apologises and after a line of its menu, is an error page: no terms were removed
(issue 11; a real capture read "We're Sorry." / "We can't find the page you were trying to
reach"). Invented texts of a fictional service."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_error_page

TERMS = """# Brindle Books Terms of Service

## 1. Purchases

E-books you buy from Brindle Books are licensed to you, not sold. Prices include VAT.

## 2. Refunds

You may return an e-book within 7 days of purchase for a full refund, if you have not downloaded it.

## 3. Termination

We may close your account if you break these terms, after telling you why by e-mail.
"""

NOT_FOUND = """Browse help topics

Oh dear.
========

![](https://brindle.example/img/lost-owl.gif)

We can't find the page you were trying to reach. We apologize for the inconvenience.

We keep an eye on pages that cannot be displayed and fix them as quickly as we can.

The [Help home page](https://brindle.example/help) may be able to help you find what you are looking for.
"""


def test_a_not_found_page_said_in_a_sentence_is_an_error_page() -> None:
    assert is_error_page(NOT_FOUND)
    assert is_error_page("Désolé\n\nNous ne trouvons pas la page que vous cherchez. Retour à l'accueil.")
    a = analyse(TERMS, NOT_FOUND)
    assert not a.material
    assert "error page" in a.summary


def test_terms_that_mention_a_missing_page_are_still_terms() -> None:
    # a long text, or a sentence about the user's own pages, is no error page
    assert not is_error_page(TERMS)
    assert not is_error_page(TERMS + "\nIf you cannot find the page you need, write to help@brindle.example.\n" * 3)
    assert not is_error_page("## Links\n\nWe may remove links to pages we cannot verify.")

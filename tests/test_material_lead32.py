"""Session 32's lead fixes to cosmetic kinds, on invented texts about fictional services (kinds seen
in blind batch zzzzzzzzzzzz after its end figure): a link's note to screen readers, what is left of
an address around Cloudflare's "[email protected]", and a stray "Test" after a clause's last sentence."""
from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.materiality import cosmetic_kind

LINKED = "Captcha checks by Brindle are subject to the [Brindle Privacy Policy{note}](https://brindle.example/privacy)."


@pytest.mark.parametrize("old, new", [
    ("", " (opens in new window)"),
    (" (opens in new window)", " (opens in new window) (opens in new window)"),
    (" (opens in a new tab)", ""),
    ("", " (external link)"),
])
def test_a_links_note_to_screen_readers_is_link_chrome(old: str, new: str) -> None:
    assert cosmetic_kind(LINKED.format(note=old), LINKED.format(note=new)) == "links-only"
    result = analyse(f"# Brindle Privacy\n\n{LINKED.format(note=old)}\n", f"# Brindle Privacy\n\n{LINKED.format(note=new)}\n")
    assert not result.material, result


def test_words_added_to_a_link_are_still_read() -> None:
    old = LINKED.format(note="")
    new = old.replace("Privacy Policy", "Privacy Policy and Data Sharing Terms")
    assert cosmetic_kind(old, new) is None


@pytest.mark.parametrize("left", ["pri", "privacy.team", "a"])
def test_what_is_left_of_a_protected_address_is_the_same_contact(left: str) -> None:
    old = ("To opt out, write to us at [\\[email protected\\]](https://quill.example/cdn-cgi/l/email-protection)_._")
    new = old.replace("at [", f"at {left}[")
    assert cosmetic_kind(old, new) == "contact-details"


def test_another_contact_route_beside_the_address_is_not_contact_noise() -> None:
    old = "To opt out, write to us at [\\[email protected\\]](https://quill.example/cdn-cgi/l/email-protection)."
    new = old.replace("write to us at", "write to us within 30 days at")
    assert cosmetic_kind(old, new) is None


@pytest.mark.parametrize("stray", ["Test", " Test", "TEST"])
def test_a_stray_test_after_the_last_sentence_is_formatting(stray: str) -> None:
    clause = "This policy covers Quillmark and its apps (together, the “services”)."
    assert cosmetic_kind(clause + stray, clause) == "formatting"
    assert cosmetic_kind(clause, clause + stray) == "formatting"


def test_a_test_that_is_a_word_of_the_terms_is_read() -> None:
    clause = "We may run a test of new features on your account."
    assert cosmetic_kind(clause, clause.replace("run a test of", "run tests of")) is None
    assert cosmetic_kind("You agree to the terms.", "You agree to the terms. Test results are private.") is None

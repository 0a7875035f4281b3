"""A key-term bullet keeps what limits the power it states (newuser12: "We may suspend your account
... after giving you 30 days' notice and a chance to fix the problem" shown without its notice):
the notice, the cure period, or "without notice", in English, French, German and Spanish, on
invented terms of fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis.summary import compress, limits_power, summarise


def _doc(sentence: str) -> str:
    return (f"# Tallow Boards Terms of Service\n\n## 1. Your account\n\nYou must be 16 or older to use Tallow Boards.\n\n"
            f"## 3. Suspension and termination\n\n{sentence}\n\n## 4. Contact\n\nWrite to us from the Help page.\n")


def _bullets(sentence: str) -> list[str]:
    return [b["text"] for b in summarise(_doc(sentence)).to_dict()["key_terms"]]


LIMITED = [
    ("We may suspend or terminate your account if you materially breach these Terms, after giving you "
     "30 days' notice and a chance to fix the problem.", ("30 days' notice", "chance to fix")),
    ("Tallow may close boards that have been inactive for more than two years, with at least 60 days' prior "
     "written notice sent to the e-mail address on file.", ("60 days' prior written notice",)),
    ("We may suspend access to the boards at any time and without notice if we believe your account has been "
     "taken over or is being used for fraud.", ("without notice",)),
    ("Nous pouvons suspendre votre compte en cas de manquement grave aux présentes conditions, moyennant un "
     "préavis de 30 jours vous permettant de remédier au manquement.", ("préavis de 30 jours",)),
    ("Wir können Ihr Konto bei einem schweren Verstoß gegen diese Bedingungen sperren, nach vorheriger Abmahnung "
     "und Ablauf einer angemessenen Frist zur Abhilfe.", ("Abmahnung",)),
    ("Podemos suspender su cuenta si incumple estas condiciones, con un preaviso de 30 días y la oportunidad de "
     "subsanar el incumplimiento.", ("preaviso de 30 días",)),
]


@pytest.mark.parametrize("sentence,kept", LIMITED)
def test_a_power_keeps_its_notice(sentence: str, kept: tuple[str, ...]) -> None:
    """The bullet that states the power holds the words that limit it, or there is no such bullet
    at all; never the power alone."""
    power = [b for b in _bullets(sentence) if b.split()[:2] == sentence.split()[:2]]
    assert power, _bullets(sentence)
    for b in power:
        for words in kept:
            assert words in b, b


def test_compress_keeps_the_cure_period() -> None:
    """The short form of one sentence: a cut before the cure period is no cut it makes."""
    s = ("We may terminate this agreement for any material breach by you that you fail to cure within 15 days "
         "of our written notice describing the breach.")
    out = compress(s)
    assert "15 days" in out and "notice" in out, out


def test_a_clause_of_its_own_after_the_power_may_go() -> None:
    """Words that start a statement of their own ("; we will tell you why") are not the power's
    limit: only a notice or cure before them counts."""
    assert not limits_power("We may suspend your account if you breach these Terms",
                            "; Tallow will keep your boards for 60 days after any notice")
    assert limits_power("We may suspend your account if you breach these Terms",
                        ", after giving you 30 days' notice; Tallow will keep your boards")


def test_no_power_no_limit() -> None:
    """A sentence that grants no power (a price) keeps its usual cuts."""
    assert not limits_power("The Plus plan costs $6 per month", ", billed monthly with notice of any change")


def test_a_promise_with_a_phrase_after_its_not_is_a_protection() -> None:
    """"We will not, under any circumstances, share ..." is the same promise as "We will not share
    ...": never a watch-out (an exception set off by commas still makes it one)."""
    from tracker.analysis.summary import protection

    assert protection("privacy", "Tallow will not, under any circumstances or for any commercial reason, share "
                                 "your boards with advertisers.")
    assert not protection("privacy", "Tallow will not, except where the law requires it, share your boards.")

"""Service and document names as people type them: without accents, in any case.

"Conditions generales" names the document "Conditions Générales", "datenschutzerklaerung" names
"Datenschutzerklärung", "terms of service" names "Terms of Service". Every command that takes a
service or document name (``tracker.api.Archive``, the sources file's ``--service/--document``
filters, ``reanalyse``) matches through ``matching``, and says what it knows through ``near``.

A top-level module: every stage may import it, and it imports nothing of the project.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

# Letters NFKD does not split into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "ı": "i",
                          "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "þ": "th", "ð": "d"})
# Typographic apostrophes, quotes and dashes: typed as their ASCII forms.
_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
# German umlauts are also typed as two letters: "Datenschutzerklaerung".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def fold(name: str) -> str:
    """``name`` as it is compared: accents dropped, case folded, typographic apostrophes and
    dashes as ASCII ones, runs of white space (and "_") as one space, no space around "-" or "/".

    >>> fold("  Conditions Générales d’Utilisation ")
    "conditions generales d'utilisation"
    """
    text = unicodedata.normalize("NFKD", name.translate(_MARKS).translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\s_]+", " ", text).strip()
    return re.sub(r"\s*([-/])\s*", r"\1", text)


def keys(name: str) -> set[str]:
    """The forms under which ``name`` is found: ``fold(name)``, and the form with German
    umlauts as two letters (ä -> ae) when it has any."""
    return {fold(name), fold(name.translate(_UMLAUTS))}


def matching(given: str, names: Iterable[str]) -> list[str]:
    """The names of ``names`` that ``given`` names, in their order: the one spelled exactly as
    given, else those equal to it in any case, else those equal once both are folded (``keys``).
    Several only when the names themselves differ only by case or accents."""
    names = list(names)
    for same in (lambda n: n == given, lambda n: n.casefold() == given.casefold()):
        found = [n for n in names if same(n)]
        if found:
            return found
    wanted = keys(given)
    return [n for n in names if keys(n) & wanted]


def near(given: str, names: Iterable[str], n: int = 5) -> list[str]:
    """Up to ``n`` names of ``names`` close to ``given`` (a typo, a word of the name, another word
    order, its initials), the closest first; [] when none is."""
    folded: dict[str, str] = {}
    for name in names:
        folded.setdefault(fold(name), name)
    g = fold(given)
    if not g:
        return []
    close = difflib.get_close_matches(g, list(folded), n=n, cutoff=0.6)
    words = set(re.findall(r"\w+", g))
    # "privacy" or "policy privacy": every word given is a word (or the start of one) of the name
    for f in folded:
        own = re.findall(r"\w+", f)
        if f not in close and words and all(any(o.startswith(w) for o in own) for w in words):
            close.append(f)
        elif f not in close and len(g) >= 2 and len(own) >= 2 and g == "".join(o[0] for o in own):
            close.append(f)  # initials: "tos" for "Terms of Service", "aup" for "Acceptable Use Policy"
    return [folded[f] for f in close[:n]]


def known_names(given: str, names: Sequence[str], *, quote: bool = False, limit: int = 12) -> str:
    """What an error says after "no document 'X'": "known: A, B, C (did you mean 'A' or 'B'?)" -
    every known name (the first ``limit`` and how many in all; each in quotes with ``quote``, for
    names that may hold a comma), then the near ones (``near``), when there are any."""
    unique = sorted(set(names), key=str.casefold)
    shown = [f"'{n}'" if quote else n for n in unique[:limit]]
    listed = ", ".join(shown) + (f", … ({len(unique)} in all)" if len(unique) > limit else "")
    close = [f"'{c}'" for c in near(given, unique, 3)]
    if not close:
        return f"known: {listed or 'none'}"
    options = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
    return f"known: {listed} (did you mean {options}?)"

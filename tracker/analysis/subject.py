"""A quote that drops the start of its sentence keeps a subject a reader can resolve.

Explanations and headlines quote a clause from its subject and verb, dropping a lead-in ("You and
Nimbus agree that ...") or a leading condition ("When Nimbus changes these Terms, ..."). When the
words left start at a pronoun or determiner whose referent was in the dropped words ("each may
bring claims", "it will notify you", "either party may"), the quote alone no longer says who:
"Each may bring claims only individually" reads as nobody in particular. ``resolved_start``
rewrites such a start from the dropped words ("You and Nimbus may each bring claims ...",
"Nimbus will notify you", "Either you or Nimbus may ...") or says it cannot, so that the caller
keeps the dropped words instead.

Pure string functions; imports nothing of the project.
"""

from __future__ import annotations

import re

__all__ = ["resolved_start"]

_MODAL = r"(?:may|might|will|shall|must|can|cannot|could|would|should)"
# "You and Nimbus", "Nimbus and you", "the parties", "both parties", "you and we" (a pair of parties).
_PAIR = re.compile(r"\b(?P<pair>(?:(?i:you)|[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})\s+and\s+"
                   r"(?:you|[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}|we|us)|(?i:the parties|both parties))\b")
# A named party alone ("When Nimbus changes ..."): a run of capitalised words after the first word.
_NAME = re.compile(r"(?<!^)(?<![.!?:]\s)\b[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}\b")
_NOT_NAME = frozenset("You We Our Your Us I The These This Terms Service Services Agreement Policy Privacy "
                      "Section Sections If When Where Unless".split())
# A distributive subject: "each", "each of us", "each party", "each of the parties", "both", "either", ...
_DISTRIBUTIVE = re.compile(r"^(?P<det>each|both|either|neither)(?:\s+(?:of\s+(?:us|them|you|the\s+parties)|party|"
                           r"parties))?\s+", re.I)
_PRONOUN = re.compile(r"^(?P<pro>it|they|he|she|this|that|these|those|such|the other(?: party)?|said)\b", re.I)
# Third-person singular verbs a plural subject turns around ("each waives" -> "both waive").
_PLURAL = {"is": "are", "has": "have", "was": "were", "does": "do"}


def _pair(dropped: str) -> tuple[str, str] | None:
    """The two parties named together in ``dropped`` ("You and Nimbus" -> ("you", "Nimbus")),
    or None. "the parties" gives ("", "")."""
    m = _PAIR.search(dropped)
    if not m:
        return None
    text = m.group("pair")
    if text.lower() in ("the parties", "both parties"):
        return ("", "")
    left, _, right = text.partition(" and ")
    norm = [w if w.lower() not in ("you", "we", "us") else w.lower().replace("us", "we") for w in (left, right)]
    return norm[0], norm[1]


def _plural(verb: str) -> str:
    low = verb.lower()
    if low in _PLURAL:
        return _PLURAL[low]
    if re.fullmatch(r"[a-z]+(?:ies)", low):
        return low[:-3] + "y"
    if re.fullmatch(r"[a-z]+(?:sses|shes|ches|xes)", low):
        return low[:-2]
    if re.fullmatch(r"[a-z]+[^s]s", low):
        return low[:-1]
    return verb


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def resolved_start(dropped: str, rest: str) -> str | None:
    """``rest`` (what a quote keeps after ``dropped``, the words of its sentence before it) with
    a subject a reader can resolve.

    - ``rest`` not starting at a pronoun or determiner subject: returned unchanged.
    - "each/both ... <verb>" after a pair of parties ("You and Nimbus agree that"): "You and
      Nimbus may each bring ...", "You and Nimbus each waive ..."; "either/neither ...":
      "Either you or Nimbus may ...", "Neither you nor Nimbus will ...". "each party" or "either
      party" with no pair dropped is kept (the contract's parties).
    - "it" after one named party ("When Nimbus changes these Terms,"): "Nimbus ..."; "they" after
      a pair: "You and Nimbus ...".
    - any other pronoun or determiner subject ("it" with no single name, "this", "such claims",
      "the other"): None, and the caller keeps ``dropped``.

    Both arguments are plain text; the result starts with a capital letter when rewritten.
    """
    rest = rest.lstrip()
    pair = _pair(dropped)
    if m := _DISTRIBUTIVE.match(rest):
        det = m.group("det").lower()
        if pair is None:
            return rest if "part" in m.group(0).lower() else None
        after = rest[m.end():]
        if pair == ("", ""):  # "the parties agree that each may ..." -> "Each party may ..."
            noun = "parties" if det == "both" else "party"
            return f"{_cap(det)} {noun} {after}"
        left, right = pair
        if det in ("either", "neither"):
            joint = "or" if det == "either" else "nor"
            return f"{_cap(det)} {left} {joint} {right} {after}"
        both = _cap(f"{left} and {right}")
        verb, _, tail = after.partition(" ")
        if re.fullmatch(_MODAL, verb.lower()):
            return f"{both} {verb} {det} {tail}"
        return f"{both} {det} {_plural(verb)} {tail}".rstrip()
    if m := _PRONOUN.match(rest):
        pro = m.group("pro").lower()
        after = rest[m.end():]
        if pro == "they" and pair is not None and pair != ("", ""):
            return _cap(f"{pair[0]} and {pair[1]}") + after
        if pro == "it":
            names = [n for n in _NAME.findall(dropped) if n.split()[0] not in _NOT_NAME]
            if len(set(names)) == 1:
                return names[0] + after
        return None
    return rest

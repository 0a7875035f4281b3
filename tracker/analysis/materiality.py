"""Is one clause change material? Label it and say why in one plain sentence.

Follows the taxonomy rubric: cosmetic edits (dates, links, Markdown, whitespace, invisible
characters, punctuation/case, renumbering, moves) are named and never material; changed facts,
new or removed legal clauses and watch-out changes are material; a new watch-out is critical and
a removed one is reported as good news.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from tracker.analysis.classify import CATEGORIES, Labels, classify_text, split_sentences
from tracker.analysis.facts import Fact, extract_facts
from tracker.records import Severity

SEVERITIES = ("cosmetic", "minor", "material", "critical")
COSMETIC_KINDS = ("date-only", "links-only", "contact-details", "formatting", "whitespace",
                  "invisible-characters", "punctuation-case", "renumbering", "moved-unchanged")
_SIGNIFICANT = ("money", "percent", "duration", "age", "place")


@dataclass(frozen=True)
class ChangeLabel:
    """What one clause change means for users."""

    material: bool
    severity: Severity
    categories: tuple[str, ...]
    explanation: str
    cosmetic: str | None = None
    watch_added: tuple[str, ...] = ()
    watch_removed: tuple[str, ...] = ()
    facts_before: tuple[Fact, ...] = field(default=())
    facts_after: tuple[Fact, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"material": self.material, "severity": self.severity,
                "categories": list(self.categories), "explanation": self.explanation,
                "cosmetic": self.cosmetic, "watch_added": list(self.watch_added),
                "watch_removed": list(self.watch_removed),
                "facts_before": [f.to_dict() for f in self.facts_before],
                "facts_after": [f.to_dict() for f in self.facts_after]}


# --- cosmetic kinds ------------------------------------------------------------------------------
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_NBSP = re.compile("[\u00a0\u202f\u2007]")
_MD_LINK = re.compile(r"(!?\[[^\]]*\])\([^)]*\)")
_URL = re.compile(r"<?(?:https?://|mailto:|www\.)[^\s)>]+>?")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`|^\s*#{1,6}\s*|^\s*>\s?|"
                     r"^\s*[-*+]\s+|\||^\s*:?-{3,}:?\s*$", re.M)
_NUMBERING = re.compile(r"^\s*(?:(?:section|article|clause|§)\s*)?(?:\d+(?:\.\d+)*\.?|"
                        r"\(?[a-z]\)|\(?[ivxlc]+\)|[a-z]\.)\s+", re.I | re.M)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\b", re.I)
_PUNCT = re.compile(r"[^\w\s]|_")
# Contact details are not terms (taxonomy: "not material ... contact details"); e-mail addresses
# only: phone numbers and postal addresses cannot be told from other numbers and places reliably.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# Applied cumulatively, least to most lenient; the first that makes both sides equal names it.
_STEPS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("invisible-characters", lambda s: _NBSP.sub(" ", _INVISIBLE.sub("", s))),
    ("whitespace", _space),
    ("links-only", lambda s: _URL.sub("", _MD_LINK.sub(r"\1()", s))),
    ("contact-details", lambda s: _EMAIL.sub("<e-mail>", s)),
    ("formatting", lambda s: _space(_MARKUP.sub("", s))),
    ("renumbering", lambda s: _space(_NUMBERING.sub("", s))),
    ("punctuation-case", lambda s: _space(_PUNCT.sub(" ", s.lower()))),
    ("date-only", lambda s: _DATE.sub("<date>", s)),
)


def cosmetic_kind(before: str, after: str) -> str | None:
    """Which cosmetic kind turns `before` into `after`, or None if the change is real."""
    if before == after:
        return "whitespace"
    a, b = before, after
    # Whitespace and markup noise are tolerated inside the later steps.
    for name, step in _STEPS:
        a, b = step(a), step(b)
        if a == b:
            return name
    return None


def plain(text: str) -> str:
    """Markdown clause → plain sentence text for classification and facts."""
    text = _NBSP.sub(" ", _INVISIBLE.sub("", text))
    text = _MD_LINK.sub(lambda m: m.group(1).strip("![]"), text)
    text = re.sub(r"\*\*|__|`|^\s*#{1,6}\s*|^\s*>\s?", "", text, flags=re.M)
    return text.strip()


# --- explanations ------------------------------------------------------------------------------
_MODALS = r"(?:may|might|will|shall|must|can|could|would|should)"
_VERBS = set("is are was be becomes become go goes expire expires last lasts apply applies "
             "remain remains cost costs charge charges renew renews take takes require requires "
             "get gets receive receives have has provide provides give gives run runs need needs "
             "start starts end ends begin begins occur occurs happen happens get gets keep keeps "
             "retain retains store stores hold holds notify notifies send sends".split())
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_SUBORDINATE = re.compile(r"^(?:when|whenever|if|where|unless|once|while|although|because|upon|"
                          r"after|before|in the event|to the extent)\b[^,]{3,120},\s*", re.I)
_SUFFIX_LEAD = re.compile(r"^(?:after|before|from|following|of|for|per|prior|once|each|every|"
                          r"in|on|to|until)\b", re.I)
_THERE_IS = re.compile(r"^(?:there (?:is|will be)|we (?:provide|give|offer)|you (?:have|will have|"
                       r"get)) (?:a|an) (?P<x>.+?) of $", re.I)


def _cats_text(cats: tuple[str, ...]) -> str:
    return f" ({', '.join(cats[:2])})" if cats else ""


def _sentence_with(text: str, needle: str) -> tuple[str, int]:
    """The sentence of `text` that contains `needle`, and the needle's offset in it."""
    for s in split_sentences(text):
        if (i := s.find(needle)) >= 0:
            return s, i
    return "", -1


def _clean_prefix(prefix: str) -> str:
    prefix = _NUMBERING.sub("", _MARKUP.sub("", prefix))
    return _space(prefix)


def _main_verb(words: list[str]) -> int | None:
    """Index of the main verb or modal of a clause prefix: the last one that is not inside a
    relative clause ("Credits that you have not used may expire" → "may")."""
    found = None
    for i, w in enumerate(words):
        lw = w.lower()
        if i and (re.fullmatch(_MODALS, lw) or lw in _VERBS):
            if not any(x.lower() in _RELATIVE for x in words[max(0, i - 3):i]):
                found = i
    if found is not None:  # "may not be resolved" → the modal
        j = found
        while j > 1 and words[j - 1].lower() in ("not", "be", "also"):
            j -= 1
        if re.fullmatch(_MODALS, words[j - 1].lower()):
            found = j - 1
    return found


def _with_now(prefix: str) -> str | None:
    """'Credits expire' → 'Credits now expire', 'Credits may expire' → 'Credits may now
    expire'; None when no verb is found."""
    words = prefix.split(" ")
    i = _main_verb(words)
    if i is None:
        return None
    if re.fullmatch(_MODALS, words[i].lower()):
        return " ".join(words[:i + 1] + ["now"] + words[i + 1:])
    return " ".join(words[:i] + ["now"] + words[i:])


def _main_clause(prefix: str, heading: str) -> str:
    """Drop a leading subordinate clause ("When we plan to remove a model, we will post" →
    "we will post") and shorten a long subject before a modal to the section's heading
    ("Any dispute arising from these Terms or the Service will" → "Disputes will")."""
    if m := _SUBORDINATE.match(prefix):
        prefix = prefix[m.end():]
    words = prefix.split(" ")
    i = _main_verb(words)
    head = _clean_prefix(heading)
    if (i is not None and i > 6 and re.fullmatch(_MODALS, words[i].lower()) and head
            and len(head.split()) <= 3 and not re.search(r"\d", head)):
        words = [head[:1].upper() + head[1:]] + words[i:]
    return " ".join(words)


def _old_words(old: Fact, new: Fact) -> str:
    """'12' when only the number moved ('after 12 months' → 'after 6 months'), else the old text."""
    o_num = re.search(r"\d[\d.,]*", old.text)
    n_num = re.search(r"\d[\d.,]*", new.text)
    if (o_num and n_num and old.qualifier == new.qualifier
            and old.text[:o_num.start()] == new.text[:n_num.start()]
            and old.text[o_num.end():] == new.text[n_num.end():]
            and old.text[o_num.end():].strip()):
        return o_num.group(0)
    return old.text


def fact_sentence(old: Fact, new: Fact, after: str, heading: str, cats: tuple[str, ...]) -> str:
    """One sentence naming the old and new value, using the clause's own subject if found."""
    sentence, at = _sentence_with(after, new.text)
    tail = _cats_text(cats)
    old_words = _old_words(old, new)
    if at >= 0:
        prefix = _clean_prefix(sentence[:at])
        suffix = sentence[at + len(new.text):].strip().rstrip(".;:")
        if m := _THERE_IS.match(prefix + " "):
            rest = f" {suffix}" if suffix and len(suffix.split()) <= 8 else ""
            return f"The {m.group('x')}{rest} is now {new.text} instead of {old_words}{tail}"
        prefix = _main_clause(prefix, heading)
        if (lead := _with_now(prefix)) and len(prefix.split()) <= 14:
            rest = re.split(r"[,;:(]", suffix, maxsplit=1)[0].strip()
            rest = f" {rest}" if (rest and len(rest.split()) <= 8
                                  and _SUFFIX_LEAD.match(rest)) else ""
            return (f"{lead[:1].upper()}{lead[1:]} {new.text} instead of {old_words}{rest}"
                    f"{tail}")
    label = _clean_prefix(heading) or "Changed"
    return f"{label}: {old.text} → {new.text}{tail}"


def _snippet(text: str, limit: int = 90) -> str:
    s = _space(_clean_prefix(plain(text)))
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + "…"


# --- facts diff ----------------------------------------------------------------------------------
def _key(f: Fact) -> tuple[str, str, str]:
    return (f.kind, f.value, f.qualifier)


def _masked(text: str, facts: tuple[Fact, ...]) -> str:
    """The text with its significant facts replaced by a placeholder."""
    for f in sorted((f for f in facts if f.kind in _SIGNIFICANT), key=lambda f: -len(f.text)):
        text = text.replace(f.text, "#")
    return re.sub(r"#(?:[\s,]*#)+", "#", text)


def _changed_pairs(before: list[Fact], after: list[Fact], before_text: str,
                   after_text: str) -> list[tuple[Fact | None, Fact | None]]:
    """Significant facts that differ, paired by kind: (old, new), either side may be None."""
    pairs = []
    for kind in _SIGNIFICANT:
        old = [f for f in before if f.kind == kind and _key(f) not in {_key(g) for g in after}]
        new = [f for f in after if f.kind == kind and _key(f) not in {_key(g) for g in before}]
        if kind == "place":
            old, new = _principal(old, before_text), _principal(new, after_text)
        for i in range(max(len(old), len(new))):
            pairs.append((old[i] if i < len(old) else None, new[i] if i < len(new) else None))
    return pairs


def _principal(facts: list[Fact], text: str) -> list[Fact]:
    """Places as venues: a court's venue supersedes the names inside it, and adjacent names
    ("San Francisco, California") are one place."""
    courts = [f for f in facts if f.qualifier == "court"]
    inside = {n for c in courts for n in c.value.split(", ")}
    rest = sorted((f for f in facts if f.qualifier != "court" and f.value not in inside),
                  key=lambda f: text.find(f.text))
    merged: list[Fact] = []
    for f in rest:
        prev = merged[-1] if merged else None
        if prev and not prev.qualifier and not f.qualifier:
            between = text[text.find(prev.text) + len(prev.text):text.find(f.text)]
            if re.fullmatch(r"\s*(?:,|and)\s*", between):
                merged[-1] = Fact("place", f"{prev.text}{between}{f.text}",
                                  f"{prev.value}, {f.value}")
                continue
        merged.append(f)
    return courts + merged


def _modal_change(before: list[Fact], after: list[Fact]) -> tuple[set[str], set[str]]:
    """Modal words that changed on the same verb ('will notify' → 'may notify'), and
    negations or discretion words ('without notice') added or removed."""
    def modals(fs: list[Fact]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for f in fs:
            if f.kind == "modality" and f.qualifier:
                out.setdefault(f.qualifier, set()).add(f.value)
        return out

    def others(fs: list[Fact]) -> set[str]:
        return {f.value for f in fs if f.kind == "negation" or
                (f.kind == "modality" and not f.qualifier)}
    mb, ma = modals(before), modals(after)
    added, removed = others(after) - others(before), others(before) - others(after)
    for verb in mb.keys() & ma.keys():
        added |= {f"{m} {verb}" for m in ma[verb] - mb[verb]}
        removed |= {f"{m} {verb}" for m in mb[verb] - ma[verb]}
    return added, removed


# --- labelling -----------------------------------------------------------------------------------
def _order(cats: set[str]) -> tuple[str, ...]:
    return tuple(c for c in CATEGORIES if c in cats)


def _changed_labels(before: str, after: str) -> Labels:
    """Labels of the sentences that differ between the two versions."""
    b, a = split_sentences(before), split_sentences(after)
    changed = [s for s in a if s not in b] + [s for s in b if s not in a]
    return classify_text("\n".join(changed)) if changed else classify_text(after)


def label_change(kind: str, before: str | None, after: str | None, *, heading: str = "",
                 text_changed: bool = True) -> ChangeLabel:
    """Label one clause change ("added" | "removed" | "modified" | "moved")."""
    before_p, after_p = plain(before or ""), plain(after or "")
    facts_b, facts_a = tuple(extract_facts(before_p)), tuple(extract_facts(after_p))
    if kind == "moved" and not text_changed:
        return _cosmetic("moved-unchanged", "Moved without a change of wording", facts_b, facts_a)
    if before is not None and after is not None:
        if cos := cosmetic_kind(before, after):
            return _cosmetic(cos, _COSMETIC_TEXT[cos], facts_b, facts_a)
    if all(_is_heading(t) for t in (before, after) if t is not None):
        return _heading_change(kind, before_p, after_p, facts_b, facts_a)
    lab_b = classify_text(before_p) if before_p else Labels((), (), ())
    lab_a = classify_text(after_p) if after_p else Labels((), (), ())
    w_add = _order(set(lab_a.watch) - set(lab_b.watch))
    w_rem = _order(set(lab_b.watch) - set(lab_a.watch))
    if before_p and after_p and _masked(before_p, facts_b) == _masked(after_p, facts_a):
        # Only a number or place moved: the model's score may wobble with the new words, but
        # no watch-out appeared or went away.
        w_add = w_rem = ()
    ctx = (facts_b, facts_a, w_add, w_rem)
    if not before_p:
        return _added(after_p, lab_a, ctx)
    if not after_p:
        return _removed(before_p, lab_b, ctx)
    return _modified(before_p, after_p, heading, lab_b, lab_a, ctx)


_HEADING = re.compile(r"^\s*(?:#{1,6}\s+\S|\*\*[^*]+\*\*\s*$|__[^_]+__\s*$)")


def _is_heading(text: str) -> bool:
    """A Markdown heading or a wholly bold line: a title, not a term."""
    text = re.sub(r"\s*\n\s*(?:=+|-+)\s*$", "", text.strip())  # setext underline
    if text != text.lstrip("#") or text.startswith(("**", "__")):
        pass
    elif (text.isupper() and len(text.split()) <= 10 and not text.endswith((".", ";", ":"))
          and not re.search(r"\b(?:YOU|WE|US|OUR|YOUR|MAY|WILL|SHALL|MUST|AGREE)\b", text)):
        return True  # an all-caps title line
    return ("\n" not in text and bool(_HEADING.match(text)) and len(text.split()) <= 15
            and not text.rstrip("*_ ").endswith((".", ";")))


def _heading_change(kind: str, before: str, after: str, fb: tuple, fa: tuple) -> ChangeLabel:
    """Headings carry no terms themselves: the clauses under them are labelled separately."""
    what = {"added": f"New heading: {_snippet(after)}",
            "removed": f"Removed heading: {_snippet(before)}"}.get(
        kind, f"Heading reworded: {_snippet(after)}")
    return ChangeLabel(False, "minor", (), what, None, (), (), fb, fa)


_COSMETIC_TEXT = {
    "date-only": "Only a date changed", "links-only": "Only link targets changed",
    "contact-details": "Only contact details (an e-mail address) changed",
    "formatting": "Only formatting changed", "whitespace": "Only whitespace changed",
    "invisible-characters": "Only invisible characters changed",
    "punctuation-case": "Only punctuation or capitalisation changed",
    "renumbering": "Only the numbering changed",
}


def _cosmetic(kind: str, text: str, fb: tuple, fa: tuple) -> ChangeLabel:
    return ChangeLabel(False, "cosmetic", (), text, kind, (), (), fb, fa)


def _added(after: str, lab: Labels, ctx: tuple) -> ChangeLabel:
    fb, fa, w_add, _ = ctx
    if w_add:
        return ChangeLabel(True, "critical", lab.categories,
                           f"New: {_snippet(after)}{_cats_text(w_add)}", None, w_add, (), fb, fa)
    if lab.categories:
        return ChangeLabel(True, "material", lab.categories,
                           f"New: {_snippet(after)}{_cats_text(lab.categories)}", None, (), (),
                           fb, fa)
    return ChangeLabel(False, "minor", (), f"Added text without legal effect: {_snippet(after)}",
                       None, (), (), fb, fa)


def _removed(before: str, lab: Labels, ctx: tuple) -> ChangeLabel:
    fb, fa, _, w_rem = ctx
    if w_rem:
        return ChangeLabel(True, "material", lab.categories,
                           f"Removed: {_snippet(before)}{_cats_text(w_rem)} — good news for users",
                           None, (), w_rem, fb, fa)
    if lab.categories:
        return ChangeLabel(True, "material", lab.categories,
                           f"Removed: {_snippet(before)}{_cats_text(lab.categories)}", None, (),
                           (), fb, fa)
    return ChangeLabel(False, "minor", (), f"Removed text without legal effect: {_snippet(before)}",
                       None, (), (), fb, fa)


def _modified(before: str, after: str, heading: str, lab_b: Labels, lab_a: Labels,
              ctx: tuple) -> ChangeLabel:
    fb, fa, w_add, w_rem = ctx
    changed = _changed_labels(before, after)
    cats = changed.categories or _order(set(lab_b.categories) | set(lab_a.categories))
    severity: Severity = "critical" if w_add else "material"
    sentences: list[str] = []
    legal = bool(set(cats) - {"other"})
    for old, new in _changed_pairs(list(fb), list(fa), before, after):
        fact = old or new
        if fact and fact.kind == "place" and fact.qualifier != "court" and not legal:
            continue  # a place in a clause about nothing legal: an office or processor address
        if old and new:
            sentences.append(fact_sentence(old, new, after, heading, _fact_cats(new, after, cats)))
        elif new:
            sentences.append(f"Now states {new.text}{_cats_text(cats)}")
        elif old:
            sentences.append(f"No longer states {old.text}{_cats_text(cats)}")
    if w_add:
        sentences.insert(0, f"New watch-out: {_snippet(after)}{_cats_text(w_add)}")
    if w_rem:
        sentences.append(f"Removed watch-out: {_snippet(before, 70)}{_cats_text(w_rem)} — good "
                         "news for users")
    added_m, removed_m = _modal_change(list(fb), list(fa))
    if not sentences and (added_m or removed_m):
        now = ", ".join(f'"{w}"' for w in sorted(added_m))
        was = ", ".join(f'"{w}"' for w in sorted(removed_m))
        text = (f"Now says {now} instead of {was}" if now and was else
                f"Now says {now}" if now else f"No longer says {was}")
        sentences.append(f"{text}{_cats_text(cats)}")
    new_cats = _order(set(lab_a.categories) - set(lab_b.categories) - {"other"})
    if not sentences and new_cats:
        sentences.append(f"Now also covers {', '.join(new_cats)}: {_snippet(after)}")
    if sentences:
        return ChangeLabel(True, severity, cats, "; ".join(sentences[:2]), None, w_add, w_rem,
                           fb, fa)
    ratio = difflib.SequenceMatcher(None, before.lower().split(), after.lower().split()).ratio()
    if ratio < 0.5 and cats:
        return ChangeLabel(True, "material", cats, f"Rewritten: {_snippet(after)}"
                           f"{_cats_text(cats)}", None, (), (), fb, fa)
    return ChangeLabel(False, "minor", cats, "Reworded without a change of meaning", None, (), (),
                       fb, fa)


def _fact_cats(new: Fact, after: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
    """Categories of the words around the new fact (its part of the sentence, between commas),
    else of its sentence: the most specific explanation. "arbitration held in X, except that
    you may use small-claims court" is about arbitration, not courts."""
    sentence, at = _sentence_with(after, new.text)
    if not sentence:
        return fallback
    before = re.split(r"[,;:]\s", sentence[:at])[-1]
    rest = re.split(r"[,;:]\s", sentence[at + len(new.text):], maxsplit=1)[0]
    for text in (f"{before}{new.text}{rest}", sentence):
        cats = tuple(c for c in classify_text(text).categories if c != "other")
        if cats:
            return cats
    return fallback

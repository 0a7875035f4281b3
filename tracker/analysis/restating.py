"""Is changed text only restated? The same content words, regrouped or said with other small words.

Issue #11's false alarms include text that is still in the other version, only regrouped: two
paragraphs merged or one split, a list turned into a sentence (or back), a sentence moved into
another clause, a definition moved into a definitions section, or the same sentence with only
function words, punctuation, casing, quotes or list markers changed. The clause diff sees a
clause cut short here and another one new there; each alone looks like a term removed or added.

``same_content`` compares the multiset of content words of the removed text with that of the
added text (not clause by clause). Words that set a term are held to their place: a negation,
a number with its unit, a modal verb, a limiter ("only", "except", "within", "before") or a
party ("we", "you") must keep its count and stand next to one of the same content words as
before, and a word must stay after a negation of its clause, or stay out of its reach. So "we
may terminate" → "you may terminate", a "not" moved to another verb, or two periods swapped
between clauses stay changes (``meaning_moved`` says which, for a clause that keeps its words).

``restated_sentences`` applies it to a whole pair of versions: the sentences only one version has
are grouped by the content words they share, and each group is compared whole; a clause change
whose every changed sentence falls in a restated group only regroups text (``change_restated``).

``spelled_out`` tells a term a version defines ("(“Site Information”)") said in the words of its
definition, or the reverse; ``address_only`` a clause that only addresses the reader informally
instead of formally ("Sie" → "du", "vous" → "tu") or back. Pure functions of text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from tracker.analysis.boilerplate import MODALS, is_content_word, is_update_stamp
from tracker.analysis.novelty import canonical_word, unaccented
from tracker.text import common_end, common_start

__all__ = ["same_content", "meaning_moved", "restated_sentences", "change_restated", "QUALIFYING", "said_around",
           "defined_terms", "spelled_out", "address_switched", "address_only"]

# Words that set a term though most are function words: their count and their place matter.
NEGATIONS = frozenset("""not no never none nor neither without cannot ne pas jamais aucun aucune
sans ni nicht kein keine keinen keinem keiner niemals ohne weder""".split())
LIMITERS = frozenset("""only solely exclusively except unless until till before after within prior
over under more less least most all any each every some always or seulement uniquement sauf avant
après jusqu tous toutes tout toute ou nur außer ausser vor nach bis alle jede jeder jedes oder
immer""".split())
PARTIES = frozenset("""we us our ours you your yours i me my nous notre nos vous
votre vos wir uns unser unsere unseren ihr ihre ihren sie""".split())
_PERSON = {w: p for p, ws in (("we", "we us our ours nous notre nos wir uns unser unsere unseren"),
                               ("you", "you your yours vous votre vos"),
                               ("i", "i me my")) for w in ws.split()}
STRONG = NEGATIONS | LIMITERS | PARTIES | MODALS
# Words a restatement may add: the verb of a definition moved into a definitions section
# ("'Services' means ..."), a pointer to a list ("the following").
_RESTATING = frozenset("""means mean meaning refers refer referred defined define definition
definitions following listed below above hereinafter désigne désignent signifie entend
bezeichnet bedeutet""".split())
# Words that open a phrase which bounds what a clause covers or when it applies: a run of words
# put into a clause that starts with one of them ("for annual plans", "in the app", "if you
# live in the EU", "pour les abonnements annuels", "für Jahresabos") qualifies the term.
QUALIFYING = frozenset("""in against by to for with from of on at under within into through as if when where
whenever whether unless while during upon via per about regarding including except than that which who
dans par pour avec sur sous à au aux en de du des si lorsque quand pendant selon sauf hormis dont qui que
für mit in auf bei von vom zu zum zur nach aus durch über unter gegen wenn falls sofern soweit während
außer ausser ob dass""".split())
AROUND = 800  # characters of a version either side of a clause read as its neighbourhood
_GAINED_REPEATS = 0.3  # share of the removed content words a restatement may say again (a subject
# repeated in each sentence a list became)

_TOKEN = re.compile(r"\d+(?:[.,x]\d+)*|[^\W\d_]+|[%€$£¥]")
_PIECE = re.compile(r"(?<=[.!?;:])\s+|\s*\n\s*|\s*<br\s*/?>\s*|(?<=\|)\s*|\s*(?=\|)", re.I)
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|whereas|while|et|mais|tandis|und|aber|während)\s+", re.I)
_MARKER = re.compile(r"^\s*(?:#{1,6}\s*)?(?:[-*+•]|\\?\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]|"
                     r"(?:section|article|§)\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)+\.?)\s+", re.I)
_ITEM = re.compile(r"^\s*(?:[-*+•]|\\?\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+", re.I)
_MARKUP = re.compile(r"\*\*|__|`|^\s*>\s?|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|\[|\]\([^)]*\)|\]")
_CONTRACTED = re.compile(r"\b(?:(ca)|(wo)|(\w+))n['’]t\b|\bn['’](?=\w)", re.I)


_BARE_NOT = {f"{w}nt": w for w in "do does did is are was were should would could have has had must need".split()}
_BARE_NOT.update(cant="can", wont="will")


def _uncontracted(m: re.Match[str]) -> str:
    if m.group(0)[:1] in "nN" and len(m.group(0)) == 2:
        return "ne "  # French "n'est"
    return f"{'can' if m.group(1) else 'will' if m.group(2) else m.group(3)} not"


@lru_cache(maxsize=65536)  # per word: asked ~25 times of each word of a big pair
def _stem(word: str) -> str:
    # (``materiality.stem``'s rule; imported there from here would be circular)
    w = unaccented(canonical_word(word))
    return w[:6] if len(w) > 6 else w.rstrip("s") or w


def _tokens(piece: str) -> list[str]:
    """The lowercased tokens of one piece of text: words, numbers (with their decimals) and
    currency or percent signs; "don't" gives "not", "n'est" gives "ne"."""
    out = []
    if "'" in piece or "’" in piece:
        piece = _CONTRACTED.sub(_uncontracted, piece)
    for t in _TOKEN.findall(piece.lower().replace("×", "x")):  # ("1×1 pixels", "1x1 pixels")
        if t == "cannot":
            out += ["can", "not"]  # one spelling for "cannot" and "can't"
        elif t.endswith("nt") and t in _BARE_NOT:
            out += [_BARE_NOT[t], "not"]  # "dont": the apostrophe lost in a capture
        else:
            out.append(t)
    return out


class _Piece:
    """One sentence or list item: its tokens and whether it sits under a negated lead-in as a
    whole ("You must not:" + "- spam")."""

    __slots__ = ("tokens", "negated", "lead", "stems")

    def __init__(self, tokens: list[str], negated: bool, lead: bool = False) -> None:
        self.tokens = tokens
        self.negated = negated
        self.lead = lead  # it ends with a colon: the items after it complete it
        self.stems = frozenset(_stem(t) for t in tokens if _plain_content(t))


# A line break inside a sentence (a PDF's lines, a hard-wrapped paragraph): the line ends without
# a stop and the next one goes on in lower case.
_WRAPPED = re.compile(r"(?<=[^\s.!?;:|])[ \t]*\n[ \t]*(?=[a-zà-ÿ])")


# "including but not limited to": no negation of what follows (left out on both sides)
_NO_LIMIT = re.compile(r"\b(?:but\s+)?not\s+limited\s+to\b|\bwithout\s+limitation\b|"
                       r"\bsans\s+(?:s['’]y\s+)?limit\w*(?:\s+à)?|\bohne\s+(?:darauf\s+)?beschränkt\s+zu\s+sein\b", re.I)


def _pieces(text: str) -> list[_Piece]:
    """``text`` cut into sentences, list items, table cells and clauses joined by ", and" or
    ", but" (a line wrapped mid-sentence is joined first)."""
    out: list[_Piece] = []
    lead_negated = False  # the last lead-in ("... to:") was negated
    carried: list[str] = []
    for raw in _PIECE.split(_NO_LIMIT.sub(" ", _WRAPPED.sub(" ", text))):
        for part in _CLAUSE_JOIN.split(raw):
            item = bool(_ITEM.match(part)) or bool(carried)
            part = _MARKUP.sub(" ", _MARKER.sub("", part)).strip(" |")
            toks = carried + _tokens(part)
            if not toks:
                continue
            if not part.endswith(":") and not any(_plain_content(t) or _is_number(t) for t in toks):
                carried = toks  # a bare "or" between list items: read with the next item
                continue
            carried = []
            out.append(_Piece(toks, item and lead_negated, part.endswith(":")))
            if part.endswith(":"):
                lead_negated = any(t in NEGATIONS for t in toks) or item and lead_negated
            elif not item:
                lead_negated = False
    if carried:
        out.append(_Piece(carried, False))
    return out


def _rejoin(pieces: list[_Piece], other: Counter[str]) -> None:
    """Words a PDF's extraction broke in two ("ri ght", "in centives", "with out") joined again
    where the other side says the whole word more often than this side."""
    mine = Counter(t for p in pieces for t in p.tokens)
    for p in pieces:
        toks, i = p.tokens, 0
        joined = False
        while i + 1 < len(toks):
            whole = toks[i] + toks[i + 1]
            # (``in`` first: most pairs of words joined are no word of the other side)
            if whole in other and other[whole] > mine.get(whole, 0) and whole.isalpha():
                toks[i:i + 2] = [whole]
                mine[whole] += 1
                joined = True
            i += 1
        if joined:  # (else its stems, computed from the same tokens, stand)
            p.stems = frozenset(_stem(t) for t in toks if _plain_content(t))


def _squeezed(text: str) -> str:
    return "".join(_tokens(_MARKUP.sub(" ", text)))


def _is_number(t: str) -> bool:
    return t[:1].isdigit() or t in "%€$£¥"


def _key(t: str) -> str:
    return t if t in STRONG or _is_number(t) else _stem(t)


def _counted(t: str) -> bool:
    return t in STRONG or _is_number(t) or is_content_word(t)


_Binding = tuple[str, "str | None", "str | None", frozenset[str]]


def _bindings(pieces: list[_Piece]) -> list[_Binding]:
    """Each strong token (a number with the word after it, a negation, limiter, modal or party)
    with the nearest content word on each side in its piece (None at the piece's edge; after a
    lead-in ending with a colon, the first item's first one) and the content stems of its piece."""
    out = []
    for k, p in enumerate(pieces):
        toks = p.tokens
        for i, t in enumerate(toks):
            if not (t in STRONG or _is_number(t)):
                continue
            j = i + 1
            name = t
            if _is_number(t) and j < len(toks):
                name, j = f"{t} {_key(toks[j])}", j + 1  # "24 months" is one term
            left = next((_stem(w) for w in reversed(toks[:i]) if _plain_content(w)), None)
            right = next((_stem(w) for w in toks[j:] if _plain_content(w)), None)
            if right is None and p.lead and k + 1 < len(pieces):
                right = next((_stem(w) for w in pieces[k + 1].tokens if _plain_content(w)), None)
            out.append((name, left, right, p.stems))
    return out


def _bound(old: _Binding, new: list[_Binding]) -> bool:
    """Whether the strong token of ``old`` stands in ``new`` next to one of its old neighbours, in
    a piece that shares more than half the content words of the smaller of the two pieces (two
    periods swapped between "Boxes are returned after" and "Vans are returned after" share only
    "returned")."""
    name, left, right, stems = old
    unit = name.split()[1:]  # (the unit of a number is no evidence of where it stands)
    stems = stems.difference(unit)
    for n, lt, rt, st in new:
        if n != name or not (left is not None and left == lt or right is not None and right == rt):
            continue
        st = st.difference(unit)
        if stems and st and len(stems & st) * 2 <= min(len(stems), len(st)):
            continue
        return True
    return False


def _plain_content(w: str) -> bool:
    return is_content_word(w) and w not in STRONG and not _is_number(w)


def same_content(before: str, after: str) -> bool:
    """Whether ``after`` says what ``before`` says, only regrouped or restated.

    Args:
        before: the removed text (one or several clauses, Markdown or plain).
        after: the added text.

    Returns True when the content words of both, counted across the whole text, are the same
    (``after`` may say again up to ``_GAINED_REPEATS`` of ``before``'s words, and add the verb of a
    definition), no negation, number, modal, limiter or party is gained or lost (a modal or party
    said again is allowed), each of those stands next to one of its old neighbouring content
    words, and each content word follows a negation of its clause in ``after`` exactly where it
    did in ``before``.
    False for two empty texts (nothing to compare). Never raises."""
    if _squeezed(before) == _squeezed(after):
        return bool(_squeezed(before))  # the same letters in the same order: words broken or rejoined
    pb, pa = _pieces(before), _pieces(after)
    _rejoin(pb, Counter(t for p in pa for t in p.tokens))
    _rejoin(pa, Counter(t for p in pb for t in p.tokens))
    cb = Counter(_key(t) for p in pb for t in p.tokens if _counted(t))
    ca = Counter(_key(t) for p in pa for t in p.tokens if _counted(t))
    if not cb or not ca:
        return False
    if cb - ca:
        return False  # a word said before is gone
    gained = ca - cb
    repeats = 0
    for k, n in gained.items():
        if k in _RESTATING:
            continue
        if k not in cb or k in NEGATIONS or k in LIMITERS or _is_number(k):
            return False  # a new word, or a negation, limiter or number said once more
        if k not in MODALS and k not in PARTIES:
            repeats += n
    if repeats > max(2, _GAINED_REPEATS * sum(cb.values())):
        return False
    new = _bindings(pa)
    for b in _bindings(pb):
        if not _bound(b, new):
            if b[1] is None and b[2] is None and any(n == b[0] for n, _, _, _ in new):
                continue  # a token alone in its piece (a bare "€9"): its count was checked
            return False
    return _polarity(pb) == _polarity(pa) or _same_polarity(_polarity(pb), _polarity(pa))


def meaning_moved(before: str, after: str) -> str:
    """What changed when ``after`` keeps ``before``'s content words but one that sets a term moved,
    came or went: "a negation moved" ("we do not refund ... the law requires" → "we refund ... the
    law does not require"), "a negation added" / "a negation dropped" ("with your consent" →
    "without your consent"), "another party" ("you may close" → "we may close") or "a number
    moved" (two periods swapped between clauses); "" when none did or other words changed too (a
    rewording is judged elsewhere). Never raises."""
    pb, pa = _pieces(before), _pieces(after)
    cb = Counter(_key(t) for p in pb for t in p.tokens if _counted(t))
    ca = Counter(_key(t) for p in pa for t in p.tokens if _counted(t))
    if not cb or not ca:
        return ""
    if cb != ca:
        lost, gained = cb - ca, ca - cb
        if lost and gained and all(k in _PERSON for k in lost | gained) \
                and {_PERSON[k] for k in lost}.isdisjoint(_PERSON[k] for k in gained):
            return "another party"  # "you may close" → "we may close": another party does it
        fewer = cb if sum(gained.values()) > sum(lost.values()) else ca
        if all(k in NEGATIONS for k in lost | gained) and sum(lost.values()) != sum(gained.values()) \
                and not any(k in NEGATIONS for k in fewer):
            # (only into or out of a clause that says no other "not": "is and will not be liable" →
            # "is not and will not be liable" completes what it said)
            return "a negation added" if fewer is cb else "a negation dropped"
        return ""
    persons = {_PERSON[k] for k in cb if k in _PERSON}
    new = _bindings(pa)
    glued = _glued_numbers(before) & _glued_numbers(after)
    for b in _bindings(pb):
        tok = b[0].split()[0]
        if b[1] is None and b[2] is None or not (
                tok in NEGATIONS or _is_number(tok) and tok not in glued or tok in _PERSON and len(persons) > 1):
            continue  # (a party moves only when another one is there to take its place)
        if not _bound(b, new):
            return "a negation moved" if tok in NEGATIONS else "another party" if tok in _PERSON else "a number moved"
    return ""


def _glued_numbers(text: str) -> set[str]:
    """The numbers of ``text`` said only inside a name or a code, glued to its letters ("osc-fr1",
    "GPT4", "A4"): an identifier's part, never a count a term sets; moved with its identifier
    ("the region osc-fr1" → "the osc-fr1 region"), no number moved."""
    glued = set(re.findall(r"(?<=[^\W\d_])\d+", text))
    return glued - set(re.findall(r"(?<![^\W\d_])\d+", text))


def _polarity(pieces: list[_Piece]) -> dict[str, set[bool]]:
    out: dict[str, set[bool]] = {}
    for p in pieces:
        negated = p.negated
        for t in p.tokens:
            negated = negated or t in NEGATIONS  # (a word after a "not" in its clause is negated)
            if _plain_content(t):
                out.setdefault(_stem(t), set()).add(negated)
    return out


def _same_polarity(a: dict[str, set[bool]], b: dict[str, set[bool]]) -> bool:
    return all(b.get(k, v) == v for k, v in a.items())


# --- a whole pair of versions ------------------------------------------------------------------
# (The look-ahead says what every match starts with, white space or "<": the alternatives are tried
# there only, about twice as fast over a whole version, the same cuts.)
_SENTENCE = re.compile(r"(?=[\s<])(?:(?<=[.!?;])\s+|\s*\n\s*|\s*<br\s*/?>\s*)", re.I)


# A page break a PDF's extraction left in the text ("----- page 3 -----", a page number alone)
_PAGE_MARK = re.compile(r"-*\s*(?:page|seite)\s+\d{1,4}(?:\s+(?:of|von|sur)\s+\d{1,4})?\s*-*|\d{1,3}", re.I)


def _may_define(s: str) -> bool:
    """Whether a sentence has a bracket or a quotation mark (a term can be defined in it)."""
    return "(" in s or any(q in s for q in "\"“«„'’")


def _sentences(text: str, keep: Callable[[str], bool] | None = None) -> list[str]:
    """The sentences and lines of ``text``, each in one spelling of its spaces; with ``keep``,
    only those it accepts (asked before the spaces are respelled: it must read no white space)."""
    out = []
    for s in _SENTENCE.split(text):
        if keep is not None and not keep(s):
            continue
        s = " ".join(s.split())
        if s and any(c.isalnum() for c in s) and not re.fullmatch(r"[|\s:-]+", s) and not _PAGE_MARK.fullmatch(s):
            out.append(s)
    return out


def _sentence_changes(old: str, new: str) -> tuple[list[str], list[str]]:
    """The sentences (``_sentences``) of ``old`` that ``new`` has fewer times, and those of ``new``
    that ``old`` has fewer times, each once and in the order of its first place in its version:
    the keys of ``Counter(_sentences(old)) - Counter(_sentences(new))`` and of the reverse.

    Only the lines between the two texts' common start and common end are split (``_middle``):
    a sentence never spans a line break (``_SENTENCE`` splits at every one), so the sentences of
    a text cut at a line break are those of its two parts, and the common parts add as many of
    each sentence to both sides. A sentence that also stands in the common start comes first in
    its version from there: only then is the common start split too, to order them as the whole
    texts would (the usual pair, a few lines changed in a long text, splits a few lines)."""
    start, end = _middle(old, new)
    split_old, split_new = _sentences(old[start:len(old) - end]), _sentences(new[start:len(new) - end])
    so, sn = Counter(split_old), Counter(split_new)
    gone, came = list(so - sn), list(sn - so)
    head = old[:start]
    if head and any(all(word in head for word in s.split()) for s in gone + came):
        before: dict[str, int] = {}
        for i, s in enumerate(_sentences(head)):
            before.setdefault(s, i)

        def ordered(found: list[str], middle: list[str]) -> list[str]:
            first: dict[str, int] = {}
            for i, s in enumerate(middle):
                first.setdefault(s, i)
            return sorted(found, key=lambda s: (0, before[s]) if s in before else (1, first[s]))

        return ordered(gone, split_old), ordered(came, split_new)
    return gone, came


def _middle(old: str, new: str) -> tuple[int, int]:
    """(start, end): the lengths of a common start and a common end of ``old`` and ``new``, each
    cut at a line break where ``_sentences`` splits either text (not inside a ``<br>`` tag)."""
    n = common_start(old, new)
    start = old.rfind("\n", 0, n)
    while start > 0 and not _cut_here(old, start):
        start = old.rfind("\n", 0, start)
    start = max(start, 0)
    m = common_end(old, new, start)
    at = old.find("\n", len(old) - m)
    while at != -1 and not (_cut_here(old, at) and _cut_here(new, len(new) - (len(old) - at))):
        at = old.find("\n", at + 1)
    return start, 0 if at == -1 else len(old) - at


def _cut_here(text: str, at: int) -> bool:
    """May ``text`` (with a line break at ``at``) be split there into parts whose sentences are
    its own? The white space around the line break is one of ``_SENTENCE``'s separators, unless
    it lies inside a ``<br`` tag (``<br\n/>``)."""
    begin = at
    while begin > 0 and text[begin - 1].isspace():
        begin -= 1
    return text[max(0, begin - 3):begin].lower() != "<br"


@lru_cache(maxsize=8192)  # a version's defining sentences and a pair's changed ones recur in the next pair
def _content_stems(sentence: str) -> frozenset[str]:
    return frozenset(_stem(t) for t in _tokens(sentence) if _plain_content(t) or _is_number(t))


@lru_cache(maxsize=8)
def restated_sentences(old: str, new: str) -> frozenset[str]:
    """The sentences only one of two versions has (``_sentences``' spelling) that only restate
    the other's: the sentences removed and added are grouped by the content words they share
    (two sentences sharing two content words, or one of a sentence of one or two, are linked) and
    each group whose removed and added sentences say the same (``same_content``) is restated.

    Args:
        old, new: two whole versions of a document (Markdown).

    Returns the restated sentences of both sides; empty when none. Update stamps ("Last
    updated: ...") are left out of every group. Never raises."""
    only_old, only_new = _sentence_changes(old, new)
    removed = [s for s in only_old if not is_update_stamp(s)]
    added = [s for s in only_new if not is_update_stamp(s)]
    if not removed or not added or len(removed) + len(added) > 400:
        return frozenset()
    nodes = [(s, "old") for s in removed] + [(s, "new") for s in added]
    stems = [_content_stems(s) for s, _ in nodes]
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # an old sentence and a new one are linked when they share two stems, or one and either has
    # at most two; the new sentences holding each stem, counted per old sentence, give what
    # each pair shares without comparing every pair (the groups are the same in any order)
    holding: dict[str, list[int]] = {}
    for j in range(len(removed), len(nodes)):
        for st in stems[j]:
            holding.setdefault(st, []).append(j)
    for i in range(len(removed)):
        shares: Counter[int] = Counter()
        for st in stems[i]:
            if st in holding:
                shares.update(holding[st])
        small = len(stems[i]) <= 2
        for j, shared in shares.items():
            if shared >= 2 or small or len(stems[j]) <= 2:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        groups.setdefault(find(i), []).append(i)
    out: set[str] = set()
    for members in groups.values():
        gone = "\n".join(nodes[i][0] for i in members if nodes[i][1] == "old")
        came = "\n".join(nodes[i][0] for i in members if nodes[i][1] == "new")
        if gone and came and same_content(gone, came):
            out.update(nodes[i][0] for i in members)
    return frozenset(out)


@lru_cache(maxsize=8)
def _sentence_set(text: str) -> frozenset[str]:
    return frozenset(_sentences(text))


def change_restated(before: str | None, after: str | None, old: str, new: str) -> bool:
    """Whether one clause change only restates text of the other version: every sentence of
    ``before`` the new version lacks, and every sentence of ``after`` the old one lacks, is in a
    restated group of the pair (``restated_sentences``), and there is at least one.

    Args:
        before, after: the clause's two texts (None for an added or a removed clause).
        old, new: the two whole versions the clause belongs to.

    Never raises."""
    restated = restated_sentences(old, new)
    if not restated:
        return False
    sold, snew = _sentence_set(old), _sentence_set(new)
    changed = [s for s in _sentences(before or "") if s not in snew] + \
              [s for s in _sentences(after or "") if s not in sold]
    return bool(changed) and all(s in restated for s in changed)


def said_around(gained: list[str], clause: str, version: str, width: int = AROUND) -> bool:
    """Whether every word of ``gained`` (content words put into a clause that its old text did not
    have in any form) is already said by the old version around that clause: in the clause's
    neighbourhood (``width`` characters either side of it) or in the clause itself. A rewording
    that names in full what the text around it already named ("the Sensis Pty Ltd applies" →
    "the Sensis Pty Ltd privacy policy applies" in a privacy policy; a recipient "Google" filled
    into a line below the sentence that names it) adds no new content.

    Args:
        gained: the words (lowercased) put into the clause.
        clause: the clause's old text, as it stands in ``version``.
        version: the whole old version.
        width: how far around the clause to read.

    Returns False when ``gained`` is empty, when the clause is not found in ``version``, or when
    a word of ``gained`` is a number or one that sets a term (``STRONG``). Never raises."""
    if not gained or any(w in STRONG or _is_number(w) for w in gained):
        return False
    place = _placed(clause, version)
    if place is None:
        return False
    at, end = place
    # (cut at white space: a word halved at the window's edge is no word of the text)
    lo = version.rfind(" ", 0, max(0, at - width)) + 1 if at > width else 0
    hi = version.find(" ", end + width)
    near = {_stem(t) for t in _tokens(version[lo:hi if hi >= 0 else len(version)])}
    return all(_stem(w) in near for w in gained)


_PROBE = 40  # characters of a clause's start or end looked up when the whole clause is not found


def _placed(clause: str, version: str) -> tuple[int, int] | None:
    """Where ``clause`` stands in ``version`` (start, end): found whole, or by its start or its
    end (without its list marker, spaces as the version has them nowhere else: the clause split
    writes "1.  Item" as "1. Item"); None when neither is found."""
    if not clause.strip():
        return None
    at = version.find(clause)
    if at >= 0:
        return at, at + len(clause)
    body = " ".join(_MARKER.sub("", clause).split())
    if len(body) < _PROBE:
        return None
    at = version.find(body[:_PROBE])
    if at >= 0:
        return at, at + len(body)
    at = version.find(body[-_PROBE:])
    return (max(0, at + _PROBE - len(body)), at + _PROBE) if at >= 0 else None


# --- a defined term said in full, or its words replaced by the term ------------------------------
# A term a document defines: a quoted name of one to five words inside a parenthesis ("(“Site
# Information”)", "(collectively, “the Services”)", "(ci-après « le Site »)") or followed by a
# defining verb ("“Content” means ...", "« Contenu » désigne ...", "„Inhalte“ bezeichnet ...").
_QUOTED_TERM = r"[\"“”«„‘'’]\s*(?P<term>[^\W\d_][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4}?)\s*,?\s*[\"“”»‘'’]"
_DEFINED = re.compile(r"\([^()\n]{0,80}?" + _QUOTED_TERM + r"|"
                      + _QUOTED_TERM.replace("term", "term2")
                      + r"\s+(?:shall\s+)?(?:means?|refers?\s+to|désigne|désignent|signifie|bezeichnet|bedeutet)\b",
                      re.I)


_BOLD_DEFINED = re.compile(r"\*\*\s*([^\W\d_][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4}?)\s*\*\*\s*"
                           r"(?=(?:shall\s+)?(?:means?|refers?\s+to|désigne|désignent|signifie|bezeichnet|bedeutet)\b)",
                           re.I)


@lru_cache(maxsize=8)
def defined_terms(text: str) -> dict[tuple[str, ...], frozenset[str]]:
    """The terms a version defines, each with the content stems of the sentence that defines it
    (its own words left out): what the term stands for.

    Args:
        text: one whole version (Markdown; bold or italic marks around a term are read through).

    Returns:
        {term's lowercased words: stems of its defining sentence}; a term defined twice gets the
        stems of both sentences. Empty when the text defines nothing. Never raises."""
    out: dict[tuple[str, ...], set[str]] = {}
    # (a term set in bold before its defining verb, "**GrammarlyGO** refers to ...", is read quoted)
    text = _BOLD_DEFINED.sub(r"“\1” ", text) if "**" in text else text
    for sentence in _sentences(_MARKUP.sub("", text.replace("**", "").replace("__", "")), _may_define):
        for m in _DEFINED.finditer(sentence):
            term = tuple(_tokens(m.group("term") or m.group("term2")))
            if not term:
                continue
            own = {_stem(t) for t in term}
            out.setdefault(term, set()).update(s for s in _content_stems(sentence) if s not in own)
    return {k: frozenset(v) for k, v in out.items()}


def spelled_out(lost: list[str], gained: list[str], before: str, after: str, old: str, new: str) -> bool:
    """Whether a clause only names a defined term in other words: the words it lost are those of
    a term one version defines (and ``after`` no longer says the term) and the words it gained are
    said by the sentence that defines it, or the reverse (the term put in place of words of its
    definition). "We use Site Information for ..." → "We use the information we collect for ..."
    where the old text defines "Information collected automatically ... (“Site Information”)".

    Args:
        lost: content words (lowercased) the clause lost; gained: those it gained (at least one
            of the two non-empty).
        before, after: the clause's two texts.
        old, new: the two whole versions.

    Returns False when a word lost or gained is a number or sets a term (``NEGATIONS``,
    ``LIMITERS``, ``MODALS``; the parties' pronouns may come or go with the wording), or when the
    term is dropped or put in with no other word for it. Never raises."""
    if not (lost or gained):
        return False
    if any(_is_number(w) or w in NEGATIONS or w in LIMITERS or w in MODALS for w in lost + gained):
        return False
    for words_term, words_other, has_term, lacks_term, lacking in ((lost, gained, before, after, new),
                                                                   (gained, lost, after, before, old)):
        named = [w for w in words_term if w not in PARTIES]
        if not named:
            continue
        toks_has, toks_lacks = _tokens(has_term), _tokens(lacks_term)
        for version in (old, new):
            for term, meaning in defined_terms(version).items():
                if not set(named) <= set(term) or not _says(toks_has, term) or _says(toks_lacks, term):
                    continue
                # (the other words that clause already said are no words for the term)
                rest = {_stem(w) for w in words_other if w not in PARTIES} - {_stem(t) for t in toks_has}
                if rest and rest <= meaning:  # (a term dropped for nothing widens or narrows it)
                    return True
                if len(rest & meaning) >= _RETIRED_SHARED and len(rest - meaning) <= 1 and not _named_in(lacking, term):
                    # A term the other version no longer names at all, said everywhere in words of its
                    # definition, with one word of its own at most ("GrammarlyGO", defined as "our
                    # generative AI services and features", now "generative AI assistance"): the
                    # term retired for its description, not the clause's reach changed.
                    return True
    return False


_RETIRED_SHARED = 2  # words of its definition a retired term's description says at least


def _named_in(version: str, term: tuple[str, ...]) -> bool:
    """Whether ``version`` says the term's words in a row anywhere (markup, case and glued
    possessives read through: "GrammarlyGO's" names "grammarlygo")."""
    pattern = r"(?<![^\W_])" + r"[\W_]+".join(re.escape(w) for w in term) + r"(?![^\W_])"
    return re.search(pattern, version, re.I) is not None


def _says(toks: list[str], term: tuple[str, ...]) -> bool:
    """Whether the token list holds the term's words in a row."""
    n = len(term)
    return any(tuple(toks[i:i + n]) == term for i in range(len(toks) - n + 1))


# --- the reader addressed formally or informally --------------------------------------------------
_FORMAL = {"de": frozenset("sie ihnen ihr ihre ihren ihrem ihrer ihres".split()),
           "fr": frozenset("vous votre vos".split())}
_INFORMAL = {"de": frozenset("du dich dir dein deine deinen deinem deiner deines".split()),
             "fr": frozenset("tu te t toi ton ta tes".split())}
# Verb endings a switch of address changes ("Beachten Sie" → "Beachte", "die Sie teilen" → "die du
# teilst", "vous acceptez" → "tu acceptes"): a word and its other form share what is left.
_ENDING = {"de": re.compile(r"(?:est|st|en|et|e|t|n)$"), "fr": re.compile(r"(?:ez|es|e|s)$")}


def address_switched(before: str, after: str) -> str:
    """The language ("de" or "fr") whose way of addressing the reader one clause switched: from
    the formal "Sie"/"vous" to the informal "du"/"tu" or back, the other form used on neither
    side; "" when it did not. Never raises."""
    tb, ta = _tokens(before), _tokens(after)
    for lang in ("de", "fr"):
        fb, fa = sum(t in _FORMAL[lang] for t in tb), sum(t in _FORMAL[lang] for t in ta)
        ib, ia = sum(t in _INFORMAL[lang] for t in tb), sum(t in _INFORMAL[lang] for t in ta)
        if fb and ia and not ib and not fa or ib and fa and not fb and not ia:
            return lang
    return ""


def address_only(changed: list[str], before: str, after: str) -> bool:
    """Whether the words a clause changed (``changed``, lowercased, both sides) only address the
    reader another way (``address_switched``): each is a pronoun of either form or a verb whose
    stem, its ending dropped, the other side says with another ending ("teilen" / "teilst").

    Args:
        changed: the words inserted and deleted.
        before, after: the clause's two texts.

    Returns False when the address did not switch, or a changed word is a number, a negation, a
    limiter or a modal verb (their other forms are other words). Never raises."""
    lang = address_switched(before, after)
    if not lang or not changed:
        return False
    pronouns = _FORMAL[lang] | _INFORMAL[lang]
    roots: dict[str, set[str]] = {}
    for t in _tokens(before) + _tokens(after):
        root = _ENDING[lang].sub("", t)
        roots.setdefault(root, set()).add(t)
    for w in changed:
        if w in pronouns:
            continue
        if _is_number(w) or w in NEGATIONS or w in LIMITERS or w in MODALS:
            return False
        root = _ENDING[lang].sub("", w)
        if len(root) < 3 or len(roots.get(root, ())) < 2:
            return False  # no other form of it on either side: a word of its own
    return True

"""Align the clauses of two document versions and describe each change with a word diff.

Alignment, in order:

1. anchors: clauses with equal ``key`` matched in order (``difflib.SequenceMatcher`` over the key
   sequences), so one insertion at the top does not make everything below look moved;
2. moves: equal keys that are left over are out of order -> "moved";
3. fuzzy: remaining clauses paired by ``rapidfuzz`` similarity of keys (>= ``FUZZY_CUTOFF``),
   preferring the same section and the same gap between anchors; a pair in the same gap is
   "modified", a pair across gaps is "moved" with ``text_changed=True``;
4. regrouped: the same words merged or split (``_regrouped``);
5. replaced: a removed and an added clause at the same place, under the same heading and about
   the same topic, or carrying the same number of the document's own numbering ("5.2"), are one
   "modified" clause however reworded, unless the topic is all two clauses share (almost no content
   word in common, no value: ``_unrelated``); so are the one heading removed and the one added at the
   same level between the same anchors (a section renamed) (``_replaced``);
6. the rest is "added" / "removed".

Keys only *match* clauses. Whether a matched clause changed is decided on its raw text, so
cosmetic edits (markup, link target, numbering, case) stay visible as "modified".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from typing import NamedTuple

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz, process

from tracker.analysis.clauses import Clause, clause_key, split_clauses
from tracker.records import ChangeKind

SENTENCES_PER_CLAUSE = 1

__all__ = [
    "ClauseDiff",
    "DocumentDiff",
    "diff_texts",
    "diff_clauses",
    "word_diff",
    "render_inline",
    "changed_share",
    "is_rewrite",
    "REWRITE_SHARE",
]

FUZZY_CUTOFF = 60.0  # rapidfuzz ratio (0..100) below which two clauses are unrelated
SECTION_BONUS = 8.0  # same enclosing section
GAP_BONUS = 12.0  # same gap between anchors (i.e. the clause did not move)
MAX_REPLACED = 400  # removed x added clauses of one place above which none is paired as replaced
MAX_CANDIDATES = 8  # best old matches kept per new clause: bounds the greedy pass on rewrites

Ops = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class ClauseDiff:
    """One aligned clause that changed, unlabelled; ``ops`` is the word diff of before -> after.

    Analysis turns it into a labelled ``tracker.records.ClauseChange``. ``similarity`` (0..1) and
    ``ops`` are computed on first use, from ``before`` and ``after``: labelling reads neither,
    and a word diff costs more than the rest of a clause's alignment. Added and removed clauses
    have similarity 0.0 and no ops; a clause matched with the same text 1.0 and no ops; a merge or
    split of clauses (``regrouped``) the word diff of the joined texts.
    """

    kind: ChangeKind
    clause_id: str
    heading: str
    before: str | None
    after: str | None
    old_index: int | None
    new_index: int | None
    text_changed: bool
    regrouped: bool = False

    @cached_property
    def similarity(self) -> float:
        """fuzz.ratio of before and after, 0..1 rounded to 4 places (see the class doc)."""
        if self.before is None or self.after is None:
            return 0.0
        if self.before == self.after and not self.regrouped:
            return 1.0
        return _similarity(self.before, self.after)

    @cached_property
    def ops(self) -> Ops:
        """The word diff of before → after (see ``word_diff`` and the class doc)."""
        if self.before is None or self.after is None or (self.before == self.after and not self.regrouped):
            return ()
        return tuple(word_diff(self.before, self.after))

    def to_dict(self) -> dict:
        """JSON-ready dict (ops as [op, text] lists)."""
        return {
            "kind": self.kind,
            "clause_id": self.clause_id,
            "heading": self.heading or None,  # a clause under no heading: null, as every "none" in JSON
            "before": self.before,
            "after": self.after,
            "old_index": self.old_index,
            "new_index": self.new_index,
            "similarity": self.similarity,
            "ops": [[op, text] for op, text in self.ops],
            "text_changed": self.text_changed,
        }


@dataclass(frozen=True)
class DocumentDiff:
    """All clause changes between two versions, in new-document order."""

    changes: tuple[ClauseDiff, ...]
    unchanged: int
    old_clauses: int
    new_clauses: int

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def to_dict(self) -> dict:
        return {
            "changes": [c.to_dict() for c in self.changes],
            "unchanged": self.unchanged,
            "old_clauses": self.old_clauses,
            "new_clauses": self.new_clauses,
        }


# --- word diff -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0.5
# Tokens are encoded as characters of Unicode's supplementary private use area (65,534 of them),
# far from anything dmp's boundary heuristics treat as a space or a letter.
_TOKEN_BASE = 0xF0000
_MAX_TOKENS = 0xFFFE
# A clause whose word diff changes at least this share of its words is shown as its old and its
# new text side by side ("rewritten"), not as a confetti of struck and inserted fragments.
REWRITE_SHARE = 0.5


def word_diff(before: str, after: str) -> list[tuple[int, str]]:
    """Word-level diff (-1 delete, 0 equal, 1 insert): '12 months'->'6 months' gives -12 +6.

    Every piece is made of whole tokens (a word, a run of spaces, one punctuation mark): the
    semantic clean-up runs on the encoded tokens, so it can never keep the common start of two
    words as equal text ("th[-at-]{+e one+}")."""
    # Each distinct token becomes one private character (dmp's line-mode trick), numbered in
    # order of first appearance in before, then after.
    toks_a, toks_b = _TOKEN.findall(before), _TOKEN.findall(after)
    vocab = dict.fromkeys(toks_a)
    vocab.update(dict.fromkeys(toks_b))
    if len(vocab) > _MAX_TOKENS:  # more distinct tokens than private characters: one replacement
        return [(op, text) for op, text in ((-1, before), (1, after)) if text]
    code = {tok: chr(_TOKEN_BASE + i) for i, tok in enumerate(vocab)}
    a, b = "".join(map(code.__getitem__, toks_a)), "".join(map(code.__getitem__, toks_b))
    diffs = _DMP.diff_main(a, b, False)
    decode = {_TOKEN_BASE + i: tok for i, tok in enumerate(vocab)}
    words = [(op, chars.translate(decode)) for op, chars in diffs if chars]
    return _cleanup(words)


def _cleanup(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff-match-patch's semantic clean-up, first phase, on whole tokens: an equality no longer
    (in characters) than the edits on both sides of it becomes a deletion plus an insertion, so
    "kept for 30" → "deleted 7" reads as one replacement, not three. dmp's later phases shift
    and factor pieces character by character (they made "th[-at-]{+e one+}"), so they are left
    out; runs of edits are merged, deletions first."""
    diffs = list(ops)
    changed = True
    while changed:
        changed = False
        equalities: list[int] = []
        last: str | None = None
        ins1 = del1 = ins2 = del2 = 0
        i = 0
        while i < len(diffs):
            op, text = diffs[i]
            if op == 0:
                equalities.append(i)
                ins1, del1, ins2, del2 = ins2, del2, 0, 0
                last = text
            else:
                if op > 0:
                    ins2 += len(text)
                else:
                    del2 += len(text)
                if last is not None and len(last) <= max(ins1, del1) and len(last) <= max(ins2, del2):
                    at = equalities.pop()
                    diffs[at:at + 1] = [(-1, last), (1, last)]
                    if equalities:
                        equalities.pop()
                    i = equalities[-1] if equalities else -1
                    ins1 = del1 = ins2 = del2 = 0
                    last = None
                    changed = True
            i += 1
    out: list[tuple[int, str]] = []
    dels: list[str] = []
    ins: list[str] = []
    for op, text in diffs + [(0, "")]:
        if op < 0:
            dels.append(text)
        elif op > 0:
            ins.append(text)
        else:
            if dels:
                out.append((-1, "".join(dels)))
            if ins:
                out.append((1, "".join(ins)))
            dels, ins = [], []
            if text:
                if out and out[-1][0] == 0:
                    out[-1] = (0, out[-1][1] + text)
                else:
                    out.append((0, text))
    return out


def changed_share(ops: Iterable[tuple[int, str]]) -> float:
    """Share (0..1) of the words of both sides that a word diff deletes or inserts; 0.0 when
    neither side has a word."""
    changed = total = 0
    for op, text in ops:
        n = sum(1 for t in _TOKEN.findall(text) if not t.isspace())
        total += n if op else 2 * n  # an equal piece is in both sides
        changed += n if op else 0
    return changed / total if total else 0.0


def is_rewrite(ops: Sequence[tuple[int, str]]) -> bool:
    """Whether a word diff is better shown as old and new text side by side: it has both
    deleted and inserted words and changes at least ``REWRITE_SHARE`` of the words."""
    return (any(op < 0 for op, _ in ops) and any(op > 0 for op, _ in ops)
            and changed_share(ops) >= REWRITE_SHARE)


def render_inline(ops: Iterable[tuple[int, str]]) -> str:
    """Plain text with [-deleted-]{+inserted+} markers, like ``git diff --word-diff=plain``."""
    parts = []
    for op, text in ops:
        parts.append(text if op == 0 else f"[-{text}-]" if op < 0 else f"{{+{text}+}}")
    return "".join(parts)


def _similarity(before: str, after: str) -> float:
    return round(fuzz.ratio(before, after) / 100.0, 4)


# --- alignment -----------------------------------------------------------------------------


class _Pair(NamedTuple):
    """A matched old/new clause; ``anchored`` means it kept its relative order (a tuple: one per
    clause, cheaper to build than a frozen dataclass)."""

    old: int
    new: int
    anchored: bool


def _anchor(old_keys: list[str], new_keys: list[str]) -> tuple[list[int], list[int]]:
    """Equal keys matched in order (the longest-common-blocks alignment): the old and the new
    positions of the anchored clauses, both increasing (lists, not one pair object per clause:
    nearly every clause is an anchor)."""
    if old_keys == new_keys:  # (SequenceMatcher's one block then)
        return list(range(len(old_keys))), list(range(len(new_keys)))
    anchor_old: list[int] = []
    anchor_new: list[int] = []
    for a, b, size in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_matching_blocks():
        anchor_old.extend(range(a, a + size))
        anchor_new.extend(range(b, b + size))
    return anchor_old, anchor_new


def _most_anchors(old_keys: list[str], new_keys: list[str]) -> tuple[list[int], list[int]] | None:
    """The most clauses that can stay in order (the longest common subsequence of the keys, by
    Hunt-Szymanski: the longest increasing run of old positions over the equal-key pairs): old and
    new positions, both increasing; None when a key that both texts have is repeated in either.

    ``SequenceMatcher`` takes the longest block first and the earliest of equal blocks, so which
    of two groups is "moved" depended on which text came first: two sentences moved past three
    from one version to the next were found moved one way, and the three found moved the other."""
    where: dict[str, list[int]] = defaultdict(list)
    for o, k in enumerate(old_keys):
        where[k].append(o)
    seen: set[str] = set()
    for k in new_keys:
        if k in where and (len(where[k]) > 1 or k in seen):
            # a clause said twice (a page's repeated sections, a forum's "by ..." lines): which copy pairs
            # with which is for ``SequenceMatcher``'s blocks to say, not for a count of anchors
            return None
        seen.add(k)
    tails: list[int] = []  # tails[i]: the smallest old position ending an increasing run of i + 1 pairs
    ends: list[tuple[int, int, int]] = []  # (old, new, index in ``ends`` of the pair before it, or -1)
    at: list[int] = []  # at[i]: index in ``ends`` of the pair that ``tails[i]`` stands for
    for n, k in enumerate(new_keys):
        for o in reversed(where.get(k, ())):  # (descending: one new clause pairs with one old at most)
            i = bisect_left(tails, o)
            ends.append((o, n, at[i - 1] if i else -1))
            if i == len(tails):
                tails.append(o)
                at.append(len(ends) - 1)
            else:
                tails[i], at[i] = o, len(ends) - 1
    anchor_old: list[int] = []
    anchor_new: list[int] = []
    j = at[-1] if at else -1
    while j >= 0:
        o, n, j = ends[j]
        anchor_old.append(o)
        anchor_new.append(n)
    return anchor_old[::-1], anchor_new[::-1]


def _moves(old_keys: list[str], new_keys: list[str], free_old: list[int], free_new: list[int]) -> list[_Pair]:
    """Equal keys left over after anchoring: the clause is there, elsewhere."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for o in free_old:
        by_key[old_keys[o]].append(o)
    pairs = []
    for n in free_new:
        bucket = by_key.get(new_keys[n])
        if bucket:
            pairs.append(_Pair(bucket.pop(0), n, False))
    return pairs


def _fuzzy(
    old: Sequence[Clause], new: Sequence[Clause], free_old: list[int], free_new: list[int],
    anchor_old: list[int], anchor_new: list[int],
) -> list[_Pair]:
    """Pair similar leftovers, best first; same gap and same section win ties."""
    choices = {o: old[o].key for o in free_old if old[o].key}
    if not choices:
        return []
    # a clause's gap = how many anchors precede it; same gap on both sides = not moved
    old_gap = {o: bisect_right(anchor_old, o) for o in choices}
    old_sec = {o: clause_key(old[o].heading) for o in choices}
    candidates: list[tuple[float, int, int, bool]] = []
    for n in free_new:
        if not new[n].key:
            continue
        gap, sec = bisect_right(anchor_new, n), clause_key(new[n].heading)
        hits = process.extract(
            new[n].key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=MAX_CANDIDATES
        )
        for _, score, o in hits:
            same_gap = old_gap[o] == gap
            bonus = GAP_BONUS * same_gap + SECTION_BONUS * (old_sec[o] == sec)
            candidates.append((score + bonus - abs(o - n) * 1e-6, o, n, same_gap))
    candidates.sort(reverse=True)
    return _best_first((o, n, same_gap) for _, o, n, same_gap in candidates)


def _best_first(ranked: Iterable[tuple[int, int, bool]]) -> list[_Pair]:
    """Pairs ``(old, new, same_gap)`` taken in the given order (best first), each clause in one
    pair at most."""
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for o, n, same_gap in ranked:
        if o not in used_old and n not in used_new:
            used_old.add(o)
            used_new.add(n)
            pairs.append(_Pair(o, n, same_gap))
    return pairs


def _align(old: Sequence[Clause], new: Sequence[Clause]) -> tuple[list[int], list[int], list[_Pair]]:
    """(anchors' old positions, their new positions, other pairs): every old/new clause that has
    a counterpart."""
    old_keys, new_keys = [c.key for c in old], [c.key for c in new]
    anchor_old, anchor_new = _anchor(old_keys, new_keys)
    free_old = _free(len(old), anchor_old)
    free_new = _free(len(new), anchor_new)
    moved = _moves(old_keys, new_keys, free_old, free_new)
    if moved and (most := _most_anchors(old_keys, new_keys)) is not None and len(most[0]) > len(anchor_old):
        # equal clauses left out of order that more of them could have stayed in: the fewest moved,
        # whichever of the two texts comes first
        anchor_old, anchor_new = most
        free_old = _free(len(old), anchor_old)
        free_new = _free(len(new), anchor_new)
        moved = _moves(old_keys, new_keys, free_old, free_new)
    if moved:
        moved_old, moved_new = {p.old for p in moved}, {p.new for p in moved}
        free_old = [o for o in free_old if o not in moved_old]
        free_new = [n for n in free_new if n not in moved_new]
    return anchor_old, anchor_new, moved + _fuzzy(old, new, free_old, free_new, anchor_old, anchor_new)


def _free(n: int, used: Iterable[int]) -> list[int]:
    """The positions below ``n`` not in ``used``, in order."""
    return sorted(set(range(n)).difference(used))


# --- changes -------------------------------------------------------------------------------


def _pair_change(o: Clause, n: Clause, anchored: bool) -> ClauseDiff | None:
    """The change for a matched pair, or None when it is unchanged in place."""
    same_text = o.text == n.text
    if anchored and same_text:
        return None
    kind: ChangeKind = "modified" if anchored else "moved"
    return ClauseDiff(kind, n.id, n.heading, o.text, n.text, o.index, n.index, not same_text)


def _added(n: Clause) -> ClauseDiff:
    return ClauseDiff("added", n.id, n.heading, None, n.text, None, n.index, True)


def _removed(o: Clause) -> ClauseDiff:
    return ClauseDiff("removed", o.id, o.heading, o.text, None, o.index, None, True)


def _position(old_pos: int, anchor_old: list[int], anchor_new: list[int]) -> float:
    """Where a removed clause goes in new-document order: right after the anchor before it
    (``anchor_old``, ``anchor_new``: the anchors' old and new positions)."""
    k = bisect_right(anchor_old, old_pos)
    return anchor_new[k - 1] + 0.5 if k else -0.5


def _regrouped(
    old: Sequence[Clause], new: Sequence[Clause], matched_old: set[int], matched_new: set[int]
) -> list[tuple[list[int], list[int]]]:
    """Unmatched clauses that are the same words grouped differently: one new clause whose key is
    the keys of consecutive unmatched old ones joined (a merge: "A.**B**" once the space between
    two sentences went missing), or the reverse (a split). Without this, a merge reads as every
    old sentence removed and a brand-new clause added: a false alarm on a layout change."""
    found: list[tuple[list[int], list[int]]] = []
    used_old, used_new = set(matched_old), set(matched_new)
    for merge in (True, False):
        one, many = (new, old) if merge else (old, new)
        one_used, many_used = (used_new, used_old) if merge else (used_old, used_new)
        starts: dict[str, list[int]] = defaultdict(list)  # first word -> free clauses that may start a run
        for i in _free(len(many), many_used):
            if many[i].key:
                starts[many[i].key.split(" ", 1)[0]].append(i)
        for j in _free(len(one), one_used):  # (one_used only grows by the j at hand below)
            target = one[j]
            if " " not in target.key:
                continue
            for i in starts.get(target.key.split(" ", 1)[0], ()):
                if i in many_used:
                    continue
                run, joined = [i], many[i].key
                while len(joined) < len(target.key) and target.key.startswith(joined + " "):
                    k = run[-1] + 1
                    if k >= len(many) or k in many_used or not many[k].key:
                        break
                    run.append(k)
                    joined += " " + many[k].key
                if len(run) > 1 and joined == target.key:
                    many_used.update(run)  # a clause takes part in one regrouping at most
                    one_used.add(j)
                    found.append((run, [j]) if merge else ([j], run))
                    break
    return found


def _topics(text: str) -> frozenset[str]:
    """The categories of a clause's text, "other" aside (what it is about)."""
    from tracker.analysis.classify import classify_text  # (classify imports no diff)

    return frozenset(c for c in classify_text(text).categories if c != "other")


def _replaced(
    old: Sequence[Clause], new: Sequence[Clause], free_old: list[int], free_new: list[int],
    anchor_old: list[int], anchor_new: list[int],
) -> list[_Pair]:
    """Unmatched clauses that replace each other: a removed and an added clause in the same gap
    between anchors, under the same heading, about the same topic (a shared category: "We may
    suspend your account if ..." reworded as "We can close your account at any time ..."), most
    similar first. Too different for ``_fuzzy``, they are still one change, not a removal and an
    addition; two clauses about different things at one place stay two changes."""
    from tracker.analysis.boilerplate import title_line  # (boilerplate imports no analysis module)

    groups: dict[tuple[int, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for o in free_old:
        if old[o].kind != "heading" and old[o].key:
            groups[(bisect_right(anchor_old, o), clause_key(old[o].heading))][0].append(o)
    for n in free_new:
        if new[n].kind != "heading" and new[n].key:
            key = (bisect_right(anchor_new, n), clause_key(new[n].heading))
            if key in groups:
                groups[key][1].append(n)
    pairs: list[_Pair] = []
    # A section renamed: the one heading removed and the one added between the same anchors, at
    # the same level ("## Termination" -> "## Closing Your Account"), are one heading reworded,
    # however different its words, not a section gone and another come (two or more either side
    # could be any pairing: they stay removed and added).
    headings: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for o in free_old:
        if old[o].kind == "heading":
            headings[bisect_right(anchor_old, o)][0].append(o)
    for n in free_new:
        if new[n].kind == "heading":
            headings[bisect_right(anchor_new, n)][1].append(n)
    for hold, hnew in headings.values():
        if len(hold) == 1 and len(hnew) == 1 and old[hold[0]].level == new[hnew[0]].level:
            pairs.append(_Pair(hold[0], hnew[0], True))
    for olds, news in groups.values():
        if not news or len(olds) * len(news) > MAX_REPLACED:
            continue  # (a rewrite of a whole section: pairing its clauses by topic is guesswork)
        topics_old = {o: _topics(old[o].text) for o in olds}
        topics_new = {n: _topics(new[n].text) for n in news}
        # a sentence is never rewritten as a title ("You waive any class action." and "11.3 WAIVER
        # OF CLASS ACTIONS."): one topic, but the title names the section the new term sits in
        titled = {**{("o", o): title_line(old[o].text) for o in olds}, **{("n", n): title_line(new[n].text) for n in news}}
        candidates = sorted(((fuzz.ratio(old[o].key, new[n].key), -abs(o - n), o, n) for o in olds for n in news
                             if old[o].kind == new[n].kind and titled[("o", o)] == titled[("n", n)]
                             and ((topics_old[o] & topics_new[n] and (titled[("o", o)] or not _unrelated(old[o].text, new[n].text)))
                                  or _extends(old[o].key, new[n].key) or _same_number(old[o].id, new[n].id))),
                            reverse=True)
        pairs += _best_first((o, n, True) for _, _, o, n in candidates)
    return pairs


_STEM_WORD = re.compile(r"[^\W\d_]+")
_VALUE = re.compile(r"\d+(?:[.,]\d+)*")
UNRELATED_DICE = 0.15  # share of content stems two clauses have in common below which they say different things
MIN_STEMS = 3  # fewer content stems on a side: too little to judge (a price, a fragment): left to the topic


def _stems(text: str) -> set[str]:
    """The content words of a clause cut to 5 letters ("suspension" and "suspend" are one)."""
    from tracker.analysis.boilerplate import is_content_word

    return {w[:5] for w in _STEM_WORD.findall(text.lower()) if len(w) >= 3 and is_content_word(w)}


def _unrelated(old: str, new: str) -> bool:
    """Whether two clauses of one topic at one place share too few content words to be one clause
    reworded (Dice coefficient of their 5-letter stems below ``UNRELATED_DICE``) and no value: an
    attorneys'-fees clause removed and a sentence on local dispute-resolution options added both
    read as "arbitration", but paired as one "modified" clause the removed term is never said gone.
    "Wrenfield may suspend your account if ..." -> "We can close your account at any time ..."
    shares "account" of 5 and 6 words: one clause reworded."""
    a, b = _stems(old), _stems(new)
    if min(len(a), len(b)) < MIN_STEMS or set(_VALUE.findall(old)) & set(_VALUE.findall(new)):
        return False
    return 2 * len(a & b) / (len(a) + len(b)) < UNRELATED_DICE


_NUMBERED = re.compile(r"/\d+(?:\.\d+)*$")  # an id ending in the clause's own number ("disputes/5.2")


def _same_number(old_id: str, new_id: str) -> bool:
    """Whether two clauses carry the same number of the document's own numbering under the same
    heading ("5.2" of "Disputes" in both): the clause the document itself calls the same one,
    rewritten, however different its topic words ("the courts of Dublin" -> "binding arbitration")."""
    return old_id == new_id and bool(_NUMBERED.search(old_id))


def _extends(old: str, new: str) -> bool:
    """Whether the new clause key is the old one with words added at its end or start ("customers
    can cancel anytime" -> "customers can cancel anytime but fees already paid are not refunded"),
    the old of at least 3 words: one clause that grew, however much, not a removal and an addition.
    Growth only: a shorter new clause that starts the old one is more often the first half of a
    sentence split in two, whose other half carries the change."""
    short = old.rstrip(" .;:,")
    return len(new) > len(old) and short.count(" ") >= 2 and (new.startswith(short) or new.endswith(short))


def _regroup_change(olds: list[Clause], news: list[Clause]) -> ClauseDiff:
    """A merge or split as one modified clause: the word diff then shows only what moved apart
    or together (spaces, markup), which labelling reads as cosmetic."""
    before = " ".join(c.text for c in olds)
    after = " ".join(c.text for c in news)
    first = news[0]
    return ClauseDiff("modified", first.id, first.heading, before, after, olds[0].index, first.index,
                      before != after, regrouped=True)


def diff_clauses(old: Sequence[Clause], new: Sequence[Clause]) -> DocumentDiff:
    """Align two clause lists (see module docstring) and list what changed."""
    anchor_old, anchor_new, others = _align(old, new)
    placed: list[tuple[float, int, ClauseDiff]] = []
    unchanged = 0
    for i, j in zip(anchor_old, anchor_new):
        o, n = old[i], new[j]
        if o.text == n.text:  # the common case, without a call
            unchanged += 1
        else:
            placed.append((float(j), 0, ClauseDiff("modified", n.id, n.heading, o.text, n.text, o.index,
                                                   n.index, True)))
    for p in others:
        change = _pair_change(old[p.old], new[p.new], p.anchored)
        if change is None:
            unchanged += 1
        else:
            placed.append((float(p.new), 0, change))
    matched_old = set(anchor_old).union(p.old for p in others)
    matched_new = set(anchor_new).union(p.new for p in others)
    for olds, news in _regrouped(old, new, matched_old, matched_new):
        placed.append((float(news[0]), 0, _regroup_change([old[i] for i in olds], [new[i] for i in news])))
        matched_old.update(olds)
        matched_new.update(news)
    for p in _replaced(old, new, _free(len(old), matched_old), _free(len(new), matched_new), anchor_old, anchor_new):
        o, n = old[p.old], new[p.new]
        placed.append((float(p.new), 0, ClauseDiff("modified", n.id, n.heading, o.text, n.text, o.index, n.index,
                                                   o.text != n.text)))
        matched_old.add(p.old)
        matched_new.add(p.new)
    placed += [(float(i), 0, _added(new[i])) for i in _free(len(new), matched_new)]
    placed += [(_position(i, anchor_old, anchor_new), i, _removed(old[i])) for i in _free(len(old), matched_old)]
    placed.sort(key=lambda t: (t[0], t[1]))
    return DocumentDiff(tuple(c for _, _, c in placed), unchanged, len(old), len(new))


def diff_texts(old: str, new: str) -> DocumentDiff:
    """Clause diff of two Markdown (or plain-text) versions."""
    # One clause per sentence: a paragraph that grows by one sentence then shows as one added
    # sentence, instead of flipping between "paragraph" and "sentences" at a length threshold.
    return diff_clauses(_split(old), _split(new))


def texts_changed(old: str, new: str) -> bool:
    """``diff_texts(old, new).changed`` without building the changes: true when an anchored
    clause's text differs, a matched pair is a change, or any clause is left unmatched (every such
    clause ends in a change, whether regrouped, paired as a replacement, added or removed). It
    skips ``_regrouped`` and ``_replaced``, whose topic check loads the sentence classifier's
    model (13 MB): a process that only asks "did a clause change?" (an import's coordinator,
    ``sameness.same_terms``) no longer holds it."""
    a, b = _split(old), _split(new)
    anchor_old, anchor_new, others = _align(a, b)
    if any(a[i].text != b[j].text for i, j in zip(anchor_old, anchor_new)):
        return True
    if any(_pair_change(a[p.old], b[p.new], p.anchored) is not None for p in others):
        return True
    return len(anchor_old) + len(others) < len(a) or len(anchor_new) + len(others) < len(b)


@lru_cache(maxsize=4)
def _split(text: str) -> tuple[Clause, ...]:
    """Split once per text: walking a history diffs each version twice (as new, then as old).
    Four texts: a pair and the pair before it are all a worker walking a document's versions in
    a row reuses (a long document's split holds several times its text in clause objects)."""
    return tuple(split_clauses(text, max_sentences=SENTENCES_PER_CLAUSE))

"""One headline per version, and the few tags worth showing: what a reader sees first.

A version's headline is the line a careful editor would write: the most serious change in plain
words, with its old and new values, then how many other material changes there are ("Credits
now expire after 6 months instead of 12, and 3 more material changes"), at most ``HEADLINE_MAX``
characters. It is the version's stored ``summary``: the feed entry title, the site's banner,
the ``history`` line and the notification subject all show it.

Changes are ranked by severity (critical first), then by what their categories put at stake
(``CATEGORY_WEIGHT``: money, then disputes, then data use and AI training, then termination,
then the rest), then by document order. Tags follow the same ranking, at most ``MAX_TAGS``.

Pure functions over anything with the attributes of a ``tracker.records.ClauseChange`` that
they read (``material``, ``severity``, ``categories``, ``explanation``), so the stored labels of
the publish catalog rank the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from tracker.analysis.lexicons import NEGATION, PASSIVE_PROMISE, TRAINING_OPT_OUT
from tracker.analysis.rendering import LEADS_ON, address_line, one_line, plain_text
from tracker.analysis.subject import resolved_start
from tracker.records import SEVERITY_ORDER

__all__ = ["CATEGORY_WEIGHT", "HEADLINE_MAX", "MAX_TAGS", "TERM_NAMES", "TOPIC_NAMES", "display_explanation", "headline",
           "named", "concreteness", "plain_headline", "quote_only", "rank_changes", "shown_tags", "term_name"]

HEADLINE_MAX = 100
MAX_TAGS = 4
# What a change puts at stake, most first (the issue's order: money, disputes, data use and AI
# training, termination; then the rest of the taxonomy by how much a user can lose).
CATEGORY_WEIGHT: tuple[str, ...] = (
    "pricing", "payment", "refunds", "subscription",
    "arbitration", "class-action", "jurisdiction", "governing-law",
    "ai-training", "privacy",
    "termination",
    "liability", "indemnity", "content-rights", "content-removal", "terms-changes", "service-changes",
    "eligibility", "acceptance", "usage-rules", "other",
)
_WEIGHT = {c: i for i, c in enumerate(CATEGORY_WEIGHT)}
# The category list materiality appends to a sentence ("... (refunds, payment)"), and its
# "good news" note: shown as tags and badges, not repeated in a headline.
_CATS_TAIL = re.compile(r"\s*\((?:[a-z-]+(?:, [a-z-]+)*)\)(?=\s*(?:—|;|$))")
_GOOD_NEWS = re.compile(r"\s*—\s*good news for users\s*$")
_NOTE = " — good news for users"
_CAME_FROM = re.compile(r"\s*\(from “[^”]*”\)\s*$")


class Labelled(Protocol):
    """What ranking reads of a clause change (``ClauseChange``, ``publish.catalog.Label``)."""

    @property
    def material(self) -> bool: ...

    @property
    def severity(self) -> str: ...

    @property
    def categories(self) -> tuple[str, ...]: ...

    @property
    def explanation(self) -> str: ...


L = TypeVar("L", bound=Labelled)


def _severity(change: Labelled) -> int:
    return SEVERITY_ORDER.index(change.severity) if change.severity in SEVERITY_ORDER else 0


def _weight(categories: Iterable[str]) -> int:
    return min((_WEIGHT.get(c, len(_WEIGHT)) for c in categories), default=len(_WEIGHT) + 1)


# An explanation that names a value and what it replaced, or a promise withdrawn: concrete news.
_CONCRETE = re.compile(r"\binstead of\b|→|^No longer promises\b|^The contracting party\b")


# A definition added or removed ("“Applicable Authority” means any ..."): scaffolding that other
# clauses give effect to, after them when they are as serious.
_DEFINITION = re.compile(r"^(?:New|Removed|Now also says|No longer says)[^:“]{0,40}: [“\"«]?\s*[^.;:]{1,60}?[”\"»]?\s+"
                         r"(?:means|refers to|shall mean|has the meaning|désigne|bezeichnet)\b", re.I)
# A clause that only lists which sections outlive the contract ("The provisions of these Terms intended
# by their nature to survive termination shall so survive ..., including Sections 3, 4 and 11"):
# scaffolding too, whatever categories the section titles it lists give it.
_SURVIVAL = re.compile(r"^(?:New|Removed|Now also says|No longer says)[^:“]{0,40}: [^;]{0,120}?\bsurviv\w*\b", re.I)
# An illustration of another clause ("This includes social security numbers, passports ...", "For
# example, when you ...", "Par exemple, ..."): what it illustrates is the term, ranked after terms.
_EXAMPLE = re.compile(r"^(?:(?:New|Removed|Now also says|No longer says)(?: item under “[^”]*”)?[^:“]{0,40}: |"
                      r"(?:In [^:“]{1,60}: )?Now (?:says|reads) )[“«]?\s*…?\s*"
                      r"(?:this (?:includes|may include|can include|could include|means)|these include|for example|"
                      r"for instance|e\.g\.|examples?(?: include)?:|examples? of\b[^.;:“”]{0,60}?\binclude|"
                      r"par exemple|cela (?:comprend|inclut)|exemples? de\b[^.;:“”]{0,60}?\b(?:comprennent|sont)|"
                      r"zum beispiel|beispielsweise|z\.\s?b\.)\b", re.I)
_ROW = re.compile(r"^(?:In [^:]{1,60}: )?(?:New|Removed) row: ")
# A term said again in other words ("Reworded: now says …", "Still forbids, reworded: …") or a statement
# that binds no one ("New statement of intent, not a term: …", ``wording.puffery``): after the terms.
_RESTATED = re.compile(r"^(?:In [^:“]{1,60}: )?(?:Reworded\b|Still forbids\b|(?:New|Removed) statement of intent\b)")
# Advice to the reader, no term ("Because e-mail is not secure, please do not include card numbers",
# "We recommend that you keep your password safe"): after the terms of the same severity.
_ADVICE = re.compile(r"^(?:New|Removed|Now also says|No longer says)[^:“]{0,40}: [“«]?\s*…?\s*(?:[^.;:“”]{0,80}?,\s+)?"
                     r"(?:please\b|we (?:strongly )?(?:recommend|encourage|suggest|advise)\b|it is (?:a good idea|"
                     r"recommended)\b|nous vous (?:recommandons|conseillons)\b|wir empfehlen\b)", re.I)
_ITEM_UNDER = re.compile(r"^(?P<kind>New|Removed) item under “(?P<lead>[^”]*)”: (?P<item>.+)$", re.S)
# An imprint's host or publisher replaced ("The host is now Netlify instead of Nuvola Hosting"): who
# answers for the site, news a headline names whether or not the change was material.
_ROLE_CHANGE = re.compile(r"^The (?:host|publisher) is now \S")
# A promise withdrawn ("we do not sell your data" gone): the worst news a subscriber can get.
_PROMISE_GONE = re.compile(r"^No longer promises\b")


# AI training on the user's data, and the user's way to refuse it: a change that takes the refusal
# away or starts the training is news a headline says in those words, before any rewording.
_OPT_OUT_OFFER = re.compile(TRAINING_OPT_OUT.pattern + r"|\bopt[- ]?out\s+(?:of|from)\b", re.I)
_TRAINING = re.compile(r"\btrain(?:s|ed|ing)?\b|\bfine-?tun\w*|\bmachine\s+learning\b|\bartificial\s+intelligence\b|"
                       r"\bentra[îi]n\w*|\btrainier\w*|\bentrenar\w*|\bintelligence\s+artificielle\b|"
                       r"\bkünstliche\w*\s+intelligenz\b|(?-i:\bAI\b|\bKI\b|\bIA\b)", re.I)
_MODELS = re.compile(r"\bmodels?\b|\balgorithms?\b|\bmachine\s+learning\b|\bartificial\s+intelligence\b|\bmodèles?\b|"
                     r"\bModelle?n?\b|\bmodelos?\b|(?-i:\bAI\b|\bKI\b|\bIA\b)", re.I)
# "opt out of this training", "turn off model training": a refusal of training, whose models go unsaid
_REFUSE_TRAINING = re.compile(r"\b(?:opt(?:ing)?[- ]?out\s+(?:of|from)|turn\s+off|switch\s+off|disable)\s+(?:\w+\s+){0,3}?"
                              r"training\b", re.I)
_NO_TRAINING = re.compile(r"\b(?:do|does|will|shall)\s+not\s+(?:\w+\s+){0,2}?(?:use|train|utili[sz]e)\b|"
                          r"\b(?:don|doesn|won)['’]t\s+(?:\w+\s+){0,2}?(?:use|train)\b|\bnever\s+(?:\w+\s+)?(?:use|train)\b|"
                          r"\bn['’]utilis\w*\s+(?:pas|jamais)\b|\bne\s+\w+\s+(?:pas|jamais)\b|\b(?:nicht|niemals)\b", re.I)


def training_news(change: object) -> str:
    """What a change means for AI training on the user's data, in a reader's words: "You can no
    longer opt out of AI training on your data" (an opt-out removed, or cut from the training
    clause), "Your data is no longer used for AI training" (a clause that said it is now says it
    is not), "Your data may now be used for AI training[ unless you opt out]" (a clause that said
    it is not now says it is); "" for any other change."""
    before = plain_text(getattr(change, "before", None) or "")
    after = plain_text(getattr(change, "after", None) or "")
    cats = getattr(change, "categories", ()) or ()
    # staff "training", a training course: not unless a model is named or the change is on AI training
    both = before + " " + after
    if "ai-training" not in cats and not (_MODELS.search(both) and _TRAINING.search(both)) \
            and not _REFUSE_TRAINING.search(both):
        return ""
    if before and after and _TRAINING.search(before) and not _NO_TRAINING.search(before) \
            and _TRAINING.search(after) and _NO_TRAINING.search(after):
        # "We use your prompts to train our models unless you opt out" → "We do not use your prompts
        # to train our models": the training is gone, not only its opt-out
        return "Your data is no longer used for AI training" + (
            " by default" if re.search(r"\b(?:without|unless|except)\b", after, re.I) else "")
    if before and _OPT_OUT_OFFER.search(before) and not _OPT_OUT_OFFER.search(after) and (
            not after or _TRAINING.search(after)) and (_TRAINING.search(before) or "ai-training" in cats):
        return "You can no longer opt out of AI training on your data"
    if before and after and _TRAINING.search(before) and _NO_TRAINING.search(before) and _TRAINING.search(after) \
            and not _NO_TRAINING.search(after):
        return "Your data may now be used for AI training" + (" unless you opt out" if _OPT_OUT_OFFER.search(after)
                                                             else "")
    if after and _OPT_OUT_OFFER.search(after) and not _OPT_OUT_OFFER.search(before) and (
            _TRAINING.search(after) or "ai-training" in cats):
        if _trains_on_data(after) and not (before and _TRAINING.search(before)):
            # the training itself is new, offered with a way out ("We use your content to train our
            # AI models; you can opt out"): the training is the news, the opt-out its limit
            return "Your data is now used for AI training (you can opt out)" if not _MAY.search(after) \
                else "Your data may now be used for AI training (you can opt out)"
        return _OPT_OUT_ADDED
    return ""


_MAY = re.compile(r"\b(?:may|might|can|could|reserve\w*)\b(?!\s+(?:opt|turn|switch|disable|object))", re.I)
# Where a clause joins two statements ("We use your content to train our models; you can opt out")
_PARTS_OF = re.compile(r"\s*;\s+|,\s+(?:but|and|however)\s+|\.\s+|\s+[—–]\s+|,\s+(?=(?:you|users?)\s+(?:can|may)\b)")


def _trains_on_data(text: str) -> bool:
    """Whether a clause (plain or Markdown) says, in a statement other than the one offering the
    opt-out, that the user's data is used for AI training ("We use your content to train our AI
    models; you can opt out in settings"), not only that the user may refuse it ("You can opt out
    of AI training in your settings") or that it is not done."""
    for part in _PARTS_OF.split(plain_text(text)):
        if part and not _OPT_OUT_OFFER.search(part) and _TRAINING.search(part) and not _NO_TRAINING.search(part) \
                and (_MODELS.search(part) or "train" in part.lower()):
            return True
    return False


# An opt-out of AI training offered: news that says the training exists, ranked after the losses
_OPT_OUT_ADDED = "You can now opt out of AI training on your data"


# Words whose change is never a mere rewording: negation, modality, scope, amounts
_MEANING_WORDS = frozenset("""not no never none nor may might must shall will would can cannot could should only
    exclusively solely any all every each without unless except until within before after free paid refund refunds
    ne pas jamais aucun aucune doit peut peuvent nicht kein keine keinen muss kann darf nur""".split())
_SECTION_REF = frozenset("section sections article articles clause clauses paragraph paragraphs §".split())
_WORD_MAX = 4  # words of one replaced phrase: a longer one says something new
# A pointer to another section, as tokens ("as set forth under section 18 c below", "see section 4")
_CROSS_REFERENCE = re.compile(r"(?:(?:as\s+)?(?:set\s+(?:forth|out)|described|provided|defined|specified|explained)\s+"
                              r"(?:in|under|at|by)\s+|see\s+|under\s+|in\s+)?(?:section|article|clause|paragraph|§)\s+"
                              r"[\w.]{1,6}(?:\s+[a-z\d]{1,3})?(?:\s+(?:below|above|hereof|of\s+(?:these|this)\s+\w+))?")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)*|§", plain_text(text).casefold().replace("’", "'"))


# Fixed prepositional phrases that say "to", "about" or "towards" in more words ("à" → "vis-à-vis de",
# "for" → "in respect of", "über" → "hinsichtlich"): no scope change, as tokens (see ``_tokens``).
# Narrow on purpose: "in connection with" or "relating to" may widen what a clause reaches.
_FIXED_PREPOSITION = re.compile(
    r"\b(?:vis à vis(?: de| d'| du| des)?|à l'égard (?:de|d'|du|des)|l'égard (?:de|d'|du|des)|en ce qui concerne|"
    r"au regard (?:de|d'|du|des)|quant (?:à|au|aux)|s'agissant (?:de|d'|du|des)|concernant|envers|"
    r"auprès(?: (?:de|d'|du|des))?|"
    r"in respect of|with respect to|with regard to|in regard to|as regards|regarding|concerning|towards?|"
    r"hinsichtlich|bezüglich|in bezug auf|im hinblick auf|betreffend|gegenüber)\b")
# What may stand around such a phrase on either side: prepositions and articles, no "and"/"or"/"not"
_PREPOSITION_WORDS = frozenset("""to of for about on in at with into the a an its their your our à a au aux de d' du des
le la les l' en pour sur dans avec votre vos leur leurs son sa ses zu zur zum von vom für über auf an am im in mit der
die das den dem des ein eine einer eines einem einen ihr ihre ihrer ihres ihren ihrem sein seine seiner seines seinen
seinem unser unsere unserer unseres unseren unserem""".split())



def _fixed_preposition_swap(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether one phrase replaced (or put in) another only as a fixed prepositional phrase of the
    same sense ("à" → "vis-à-vis de", "for" → "in respect of", "über" → "hinsichtlich"): one side
    holds such a phrase (``_FIXED_PREPOSITION``) and all other words of both sides are prepositions
    or articles. ``old`` and ``new`` are ``_tokens``."""
    found = False
    rest: list[str] = []
    for side in (old, new):
        text = " ".join(side)
        stripped = _FIXED_PREPOSITION.sub(" ", text)
        found = found or stripped != text
        rest += stripped.split()
    return found and all(w in _PREPOSITION_WORDS for w in rest)


def change_stretches(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """The changed stretches of two token lists (``_tokens``) as ``(i1, i2, j1, j2)``: runs of
    differences at most two words apart read as one ("à" → "vis à vis de" reads to the diff as
    "vis" put in, then "vis de"); [] when nothing changed."""
    import difflib

    ops = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    spans: list[list[int]] = []
    for _, i1, i2, j1, j2 in ops:
        if spans and i1 - spans[-1][1] <= 2 and j1 - spans[-1][3] <= 2:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in spans]


def wording_only(change: object) -> bool:
    """Whether a modified clause only says the same in other words: each difference a short
    phrase replaced by another ("membership fee" -> "subscription fee", "OBA" -> "Online Behavioural
    Advertising", a section number in a cross-reference), no words only added or only removed,
    no negation, modal, scope word or number changed. Such a change comes after the changes that
    alter a term (money, disputes, data use, AI training) when a headline picks one."""
    import difflib

    before, after = getattr(change, "before", None), getattr(change, "after", None)
    if not before or not after or getattr(change, "kind", "modified") != "modified":
        return False
    old, new = _tokens(before), _tokens(after)
    ops = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return False
    # stretches said again with a fixed prepositional phrase; the others read one by one below
    same_relation = [(a, b, c, d) for a, b, c, d in change_stretches(old, new) if _fixed_preposition_swap(old[a:b], new[c:d])]
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("insert", "delete") and _CROSS_REFERENCE.fullmatch(" ".join(old[i1:i2] + new[j1:j2])):
            continue  # "as set forth in Section 18 C below" put in or taken out: a pointer, no term
        if any(a1 <= i1 and i2 <= a2 and b1 <= j1 and j2 <= b2 for a1, a2, b1, b2 in same_relation):
            continue  # "à" → "vis-à-vis de", "for" → "in respect of": the same relation in more words
        if tag != "replace" or i2 - i1 > _WORD_MAX or j2 - j1 > _WORD_MAX + 2:
            return False
        changed = old[i1:i2] + new[j1:j2]
        if _MEANING_WORDS & set(changed):
            return False
        if i1 and old[i1 - 1] in _SECTION_REF and all(w.isdigit() or len(w) == 1 for w in changed):
            continue  # a section a clause refers to, renumbered
        if any(any(ch.isdigit() for ch in w) for w in changed) or not _same_sense(old[i1:i2], new[j1:j2]):
            return False
    return True


_SWAP_WORDS = 3  # words of one side of a swap that reads as a choice of words, not a new term


def word_swap(change: object) -> bool:
    """Whether a modified clause only has a few words swapped for others, told as a quote pair
    ("Now says “…retain personal data…” instead of “…retains personal information…”", "“…with service
    providers (companies who perform…” instead of “…with third parties who perform…”"): each
    difference a replacement of at most ``_SWAP_WORDS`` words by at most as many, no words only put in
    or taken out (an item of a list), no negation, modal, scope word or number among them. Less than
    a new clause or a value changed of the same weight: a headline names those first."""
    import difflib

    before, after = getattr(change, "before", None), getattr(change, "after", None)
    explanation = getattr(change, "explanation", "") or ""
    if not before or not after or getattr(change, "kind", "modified") != "modified" \
            or not re.match(r"^(?:In [^:“]{1,60}: )?(?:Now says “|Reworded\b)", explanation):
        return False
    old, new = _tokens(before), _tokens(after)
    if min(len(old), len(new)) < 4:
        return False  # a word or two: no clause to read a swap in
    ops = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops or len(ops) > 3:
        return False
    for tag, i1, i2, j1, j2 in ops:
        changed = old[i1:i2] + new[j1:j2]
        if tag != "replace" or i2 - i1 > _SWAP_WORDS or j2 - j1 > _SWAP_WORDS or _MEANING_WORDS & set(changed) \
                or any(any(ch.isdigit() for ch in w) for w in changed):
            return False
    return True


def address_changed(change: object) -> bool:
    """Whether a modified clause changed only inside a postal address it gives ("Postal mail: Quibly
    Privacy Office, Building 3400 Airport Park, Cork" → "…, City Gate Plaza Two, Mahon, Cork"): each
    difference is words of one side's address (``boilerplate.address_spans``) for at most eight
    words without a verb on the other. Where to write, not a term: a headline names the terms first."""
    import difflib

    from tracker.analysis.boilerplate import address_spans, has_verb

    before, after = getattr(change, "before", None), getattr(change, "after", None)
    if not before or not after or getattr(change, "kind", "modified") != "modified":
        return False
    sides = [re.sub(r"\s+", " ", plain_text(t)) for t in (before, after)]
    spans = [address_spans(t) for t in sides]
    if not spans[0] and not spans[1]:
        return False
    words = [[(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", t)] for t in sides]
    keys = [[w.strip(".,;:()").lower() for _, _, w in ws] for ws in words]

    def inside(side: int, lo: int, hi: int) -> bool:
        return lo < hi and any(a <= words[side][lo][0] and words[side][hi - 1][1] <= b for a, b in spans[side])

    ops = [op for op in difflib.SequenceMatcher(a=keys[0], b=keys[1], autojunk=False).get_opcodes() if op[0] != "equal"]
    for _, i1, i2, j1, j2 in ops:
        if inside(0, i1, i2) and (j2 - j1 <= 8 and not has_verb(keys[1][j1:j2])) or \
                inside(1, j1, j2) and (i2 - i1 <= 8 and not has_verb(keys[0][i1:i2])):
            continue
        return False
    return bool(ops)


def _same_sense(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether a replaced phrase plainly says the same: an abbreviation spelled out ("OBA" ->
    "online behavioural advertising") or back, a word kept with others around it ("fee" -> "service
    fee"), or the same words spelled otherwise ("e-mail" -> "email"). Another word ("partners" ->
    "advertisers") may say something else: not the same."""
    import difflib

    def initials(ws: Sequence[str]) -> str:
        return "".join(w[0] for w in ws)

    if len(old) == 1 and len(new) > 1 and old[0] == initials(new) or len(new) == 1 and len(old) > 1 and new[0] == initials(old):
        return True
    if {w[:5] for w in old if len(w) >= 4} & {w[:5] for w in new if len(w) >= 4}:
        return True
    return difflib.SequenceMatcher(a=" ".join(old), b=" ".join(new)).ratio() >= 0.8


def _title_only(change: object) -> bool:
    """Whether a change's new text is only a title ("## 11. GOVERNING LAW; WAIVER OF CLASS
    ACTIONS", a bold line): it names a section, the section's own clauses say the term."""
    text = (getattr(change, "after", None) or getattr(change, "before", None) or "").strip()
    if not text or "\n" in text:
        return False
    titled = text.startswith("#") or re.fullmatch(r"(?:\*\*|__)[^*_]+(?:\*\*|__)[.:]?", text) is not None
    return titled and len(plain_text(text).split()) <= 14


def _title_text(text: str | None) -> str:
    """The words of a section title (``text`` a heading or bold line alone: "## 4. Fees and
    Payment" -> "Fees and Payment"); "" for anything else."""
    text = (text or "").strip()
    if not text or "\n" in text or not (text.startswith("#") or re.fullmatch(r"(?:\*\*|__)[^*_]+(?:\*\*|__)[.:]?", text)):
        return ""
    words = title_words(text).rstrip(".:")
    return words if 0 < len(words.split()) <= 14 else ""


# a title's own number: "4.", "4.2", "§ 4", "Section 4:", "IV.", "B)" (a letter or numeral only with its
# punctuation: "A Note on Fees" and "I Agree" keep their first word)
_TITLE_NUMBER = re.compile(r"^(?:§\s*|(?:section|article|art\.)\s+)?(?:\d+(?:\.\d+)*[.):]?|(?:[IVXLC]+|[A-Z])[.):])\s+", re.I)


def title_words(heading: str) -> str:
    """A heading's title without its markup and its own number ("## 4. Termination" ->
    "Termination", "**2.3 Refunds**" -> "Refunds"); the title itself when the number is all it has."""
    words = plain_text(re.sub(r"^#+\s*", "", (heading or "").strip())).strip()
    return _TITLE_NUMBER.sub("", words, count=1).strip() or words


_DATED_TITLE = re.compile(r"\d|\b(?:last\s+)?(?:updated|modified|revised|effective|amended|version)\b|"
                          r"\b(?:mis\s+à\s+jour|en\s+vigueur|stand|gültig|actualizad\w*)\b", re.I)


def renamed_sections(changes: Sequence[object]) -> list[str]:
    """Each section whose title changed, as a reader says it: "Section “Fees and Payment” renamed
    to “Payment Terms”" (a title reworded in place, or one title removed where another is added
    next to it, in document order); titles that differ only in numbering, case or punctuation are
    left out."""
    return [f"Section “{old}” renamed to “{new}”" for old, new in section_renames(changes)]


def renamed_words(old: str, new: str) -> tuple[str, str]:
    """The words of title ``old`` that ``new`` replaced, and those that replaced them ("Google Chrome
    and Chrome OS Additional Terms" → "... ChromeOS ...": ("Chrome OS", "ChromeOS")); words only put
    in or taken out are said with the word before them (after them at the start), so neither side is
    empty. ``(old, new)`` when they share no word."""
    import difflib

    a, b = old.split(), new.split()
    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return old, new
    i1, j1, i2, j2 = ops[0][1], ops[0][3], ops[-1][2], ops[-1][4]
    if i1 == i2 or j1 == j2:  # only put in or taken out: with a word of context
        if i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        elif i2 < len(a) and j2 < len(b):
            i2, j2 = i2 + 1, j2 + 1
    was, now = " ".join(a[i1:i2]) or old, " ".join(b[j1:j2]) or new
    # a bracket or comma the changed word sits against is the title's, not the change ("(ex" → "(formerly")
    for edge in ("lstrip", "rstrip"):
        w, n = getattr(was, edge)("([{,;:)]}"), getattr(now, edge)("([{,;:)]}")
        if w and n and w != n and (was, now) != (old, new):
            was, now = w, n
    return was, now


def _rename_said(old: str, new: str, room: int) -> str:
    """A section renamed in ``room`` characters: "Section “A” renamed to “B”" whole, else the words
    that changed with as much of the old title as fits before them ("Section “Google Chrome and
    Chrome OS…” renamed: “Chrome OS” → “ChromeOS”"), else the changed words alone."""
    whole = f"Section “{old}” renamed to “{new}”"
    if len(whole) <= room:
        return whole
    was, now = renamed_words(old, new)
    if (was, now) == (old, new):
        return whole  # a title replaced whole: cut as any other text (``_fit``)
    tail = f" renamed: “{was}” → “{now}”"
    words = old.split()
    for k in range(len(words), 1, -1):
        said = f"Section “{' '.join(words[:k]).rstrip(',;:')}{'…' if k < len(words) else ''}”{tail}"
        if len(said) <= room:
            return said
    return f"Section{tail}" if len(f"Section{tail}") <= room else whole


# "Only a name changed: GraphCMS → Hygraph" (``materiality``): one clause where a name was replaced
_NAME_SWAP = re.compile(r"^Only a name changed: (?P<old>[^→]+?) → (?P<new>.+)$")
NAME_THROUGHOUT_MIN = 3  # clauses (titles included) one name replaced in: a rebrand, not one clause


def name_throughout(changes: Sequence[object]) -> tuple[str, str] | None:
    """The one name a version replaced throughout, ``(old, new)`` as most often spelled ("GraphCMS",
    "Hygraph"): every change that is not cosmetic is that name replaced in a clause ("Only a name
    changed: GraphCMS → Hygraph", any case) or in a section title (``section_renames``), in at least
    ``NAME_THROUGHOUT_MIN`` clauses; None for any other version."""
    from collections import Counter

    swaps: Counter[tuple[str, str]] = Counter()
    renames = {id(c) for c in changes if section_renames([c])}
    for c in changes:
        text = display_explanation(getattr(c, "explanation", "") or "")
        if m := _NAME_SWAP.match(text):
            swaps[(m.group("old").strip(), m.group("new").strip())] += 1
        elif id(c) in renames:
            for old, new in section_renames([c]):
                swaps[renamed_words(old, new)] += 1
        elif getattr(c, "material", False) or getattr(c, "severity", "") != "cosmetic":
            return None  # another change that says something
    # (a title renamed as a removed and an added heading is two changes neither cosmetic: no rebrand read)
    if len({(o.casefold(), n.casefold()) for o, n in swaps}) != 1 or sum(swaps.values()) < NAME_THROUGHOUT_MIN:
        return None
    (old, new), _ = swaps.most_common(1)[0]
    return (old, new) if len(old.split()) <= 4 and len(new.split()) <= 4 else None


def section_renames(changes: Sequence[object]) -> list[tuple[str, str]]:
    """Each section whose title changed, ``(old title, new title)``, in document order (see
    ``renamed_sections``)."""
    out: list[tuple[str, str]] = []
    items = list(changes)
    i = 0
    while i < len(items):
        c = items[i]
        kind = getattr(c, "kind", "")
        old = new = ""
        if kind == "modified":
            old, new = _title_text(getattr(c, "before", None)), _title_text(getattr(c, "after", None))
        elif kind in ("removed", "added") and i + 1 < len(items) and {kind, getattr(items[i + 1], "kind", "")} == {
                "removed", "added"}:
            gone = c if kind == "removed" else items[i + 1]
            came = items[i + 1] if kind == "removed" else c
            old, new = _title_text(getattr(gone, "before", None)), _title_text(getattr(came, "after", None))
            if old and new:
                i += 1
        # a date line set as a title ("Revised: October 1, 2024", "Last Modified: 2022-10-27") names no section
        # (a dash or comma changed is punctuation, no new name: "Notice – Framework" → "Notice - Framework")
        if old and new and _key(old) != _key(new) and not _DATED_TITLE.search(f"{old}\n{new}"):
            out.append((old, new))
        i += 1
    return out


def _in_version(change: Labelled, allowed: frozenset[str]) -> bool:
    """Whether ``change`` carries one of the version's categories (any change does when none are given)."""
    return not allowed or bool(allowed.intersection(change.categories))


# Concrete news a reader can act on, in the words an explanation quotes: a duration, a company named
# with its legal form ("Netflix International B.V."; a bare name is too often the service's own), the
# parties data goes to, the data itself and the trackers that collect it.
_DURATION = re.compile(r"\b\d+\s*(?:-\s*)?(?:days?|weeks?|months?|years?|hours?|minutes?|jours?|mois|ans?|années?|"
                       r"Tage?n?|Monate?n?|Jahre?n?|Stunden?|días|meses|años)\b", re.I)
_PARTY = re.compile(r"\b(?:third[- ]part(?:y|ies)|service providers?|(?:advertising |business |marketing )?partners?|"
                    r"affiliates?|advertisers?|data brokers?|law enforcement|sub-?processors?|"
                    r"tiers|prestataires?|partenaires?|Dritte[nr]?|Partner[n]?|Dienstleister[n]?)\b|"
                    r"(?-i:\b(?:Inc|Ltd|LLC|GmbH|B\.V|S\.A\.S?|SAS|AG)\b)", re.I)  # not a bare name: the service's own
_DATA = re.compile(r"\b(?:e-?mail address(?:es)?|IP address(?:es)?|phone numbers?|(?:precise |approximate )?location|"
                   r"biometric|facial|face|voice|health|financial information|payment (?:card|information)|"
                   r"browsing history|device identifiers?|date of birth|age|identity|usage data|profile data|profiles?|"
                   r"adresse (?:électronique|e-mail|IP)|données (?:biométriques|de localisation|de santé)|"
                   r"Gesichtsdaten|biometrische|Standortdaten|Gesundheitsdaten|trackers?|traceurs?|tracking pixels?)\b", re.I)


def concreteness(change: Labelled) -> int:
    """How concrete the news ``change``'s explanation tells is, most first: 0 for a value that replaced
    another ("... is now 14 days instead of 30", "→") or a promise withdrawn; 1 for words that name
    something a reader can weigh (an amount, a duration, a kind of personal data, the parties it goes
    to or a named company when the sentence denies nothing, AI training itself in a change of the
    ai-training category); 2 for a quote swapped for another; 3 otherwise (a clause quoted with
    nothing of that)."""
    text = display_explanation(change.explanation or "")
    if _VALUE_REPLACED.search(text):
        return 0
    if _AMOUNT.search(text) or _DURATION.search(text) or _DATA.search(text):
        return 1
    if _PARTY.search(text) and not _DENIED.search(text):
        return 1  # "we don't disclose it to third parties" is a protection, not the news of a new party
    if "ai-training" in change.categories and _TRAINING.search(text):
        return 1  # an ai-training change that says the training, before one quoting its lead-in
    return 2 if _CONCRETE.search(text) else 3


# A value said replaced outside quotes, or a promise withdrawn (``_CONCRETE`` less quoted swaps)
_VALUE_REPLACED = re.compile(r"\binstead of (?![“«\"]|…)|→|^No longer promises\b|^The contracting party\b")
_DENIED = re.compile(r"\b(?:not|never|no|nor|don['’]t|doesn['’]t|won['’]t|ne|pas|nicht|kein\w*)\b", re.I)


def _lead_in_only(change: object) -> bool:
    """A new clause that only leads into a list ("... we also store:"): its items are the news."""
    after = (getattr(change, "after", None) or "").rstrip()
    return getattr(change, "kind", "") == "added" and after.endswith(":") and len(after) < 300


# The issue's groups of ``CATEGORY_WEIGHT``: money, disputes, data use and AI training, the rest
_STAKES = (_WEIGHT["arbitration"], _WEIGHT["ai-training"], _WEIGHT["termination"])


def _stake(categories: Iterable[str]) -> int:
    """The group of ``CATEGORY_WEIGHT`` a change's weightiest category is in (0 money, 1 disputes,
    2 data use and AI training, 3 the provider's powers and the rest): within one, the more
    adverse clause first (``_adversity``)."""
    weight = _weight(categories)
    return sum(weight >= bound for bound in _STAKES)


def _adversity(change: object) -> int:
    """How much a new or reworded clause takes from the user, for ranking changes of one severity:
    0 when it is one-sided ("We may delete your content at any time without notice",
    ``summary.one_sided``), 2 when it bounds the power it names with a protection ("We may suspend
    your account after notice and 14 days to fix a breach", ``summary.safeguarded``), 1 otherwise
    (a removed clause, a label without its text)."""
    from tracker.analysis.summary import one_sided, safeguarded

    after = getattr(change, "after", None)
    if not after or getattr(change, "kind", "added") not in ("added", "modified"):
        return 1
    plain = plain_text(after)
    cats = [c for c in getattr(change, "categories", ()) or () if c != "other"]
    if any(one_sided(c, plain) for c in cats) and not any(safeguarded(c, plain) for c in cats):
        return 0
    return 2 if cats and all(safeguarded(c, plain) for c in cats) else 1


# An explanation that is a quote and nothing else: the passage as it reads now ("Now reads “…”"),
# words put into or taken from a quote cut short ("Adds “X” to: “…”"), or a quote of one side that
# starts inside a sentence, at no subject ("New: …a wholly-owned subsidiary of ...", "Now also says:
# “…the Client (a) has acted ...", a passage rewritten "Now says “…with this article, X may…” instead
# of “…”"); "…you must comply with ..." or "…Zoom will not use ..." read alone.
_QUOTE_LABEL = re.compile(r"^(?:In [^:“]{1,60}: )?(?:(?P<reads>Now reads)\b|(?P<edit>Adds|Drops)\b[^:]*?\b(?:to|from): “…|"
                          r"(?:New|Removed|Now also says|No longer says)(?: row)?:\s*[“«]?\s*(?P<body>….*))", re.S)
_SUBJECT = re.compile(r"…\s*(?:(?:you|we|they|it|users?|members?|customers?|sellers?|buyers?|the company|nous|vous|wir|sie)\b|"
                      r"[A-Z])")


def quote_only(change: Labelled) -> bool:
    """Whether ``change``'s explanation is only a quote that says nothing alone (``_QUOTE_LABEL``):
    a headline names a change a reader can read first, when one is as serious and as much at stake."""
    text = display_explanation(change.explanation or "")
    if (swap := _SWAP.match(re.sub(r"^In [^:“]{1,60}: ", "", text))) and swap.group("now").startswith("…"):
        # a passage rewritten, not a word swapped (fewer than half the words shared): a headline
        # keeps only its new words (``_fit``), a quote cut from its sentence at no subject
        now, was = ({w.lower().strip(",;:.…") for w in swap.group(k).split()} for k in ("now", "was"))
        return len(now & was) < 0.5 * min(len(now), len(was)) and not _SUBJECT.match(swap.group("now"))
    m = _QUOTE_LABEL.match(text)
    return m is not None and (m.group("body") is None or not _SUBJECT.match(m.group("body")))


# A withdrawn negative promise said with two negations ("No longer promises not to sell your data"):
# said with one ("Drops its promise not to sell your data"), the way a reader would say it.
_NO_LONGER_NOT = re.compile(r"^No longer promises (?P<what>(?:not|never) to |that (?=[^.;]*\b(?:not|never|no)\b))")
# Words put into (taken from) a quote cut on both ends ("Adds “surcharges” to: “…taxes, surcharges,
# credit card fees…”"): the words and the kind of term they went into say more than the cut quote.
_EDIT_IN_QUOTE = re.compile(r"^(?P<pre>(?P<verb>Adds|Drops) (?P<items>“[^”]*”(?:(?:, | and )“[^”]*”)*)(?:, among other "
                            r"words,)?) (?:to|from): “(?P<ctx>[^”]*)”$")
# What a reader calls the terms of each category, as the place words went into ("Adds “yearly plans”
# to the subscription terms")
TOPIC_NAMES = {
    "pricing": "the pricing terms", "payment": "the payment terms", "refunds": "the refund terms",
    "subscription": "the subscription terms", "arbitration": "the arbitration clause",
    "class-action": "the class-action waiver", "jurisdiction": "the choice of court",
    "governing-law": "the choice of law", "ai-training": "the AI-training terms", "privacy": "the data-use terms",
    "termination": "the termination terms", "liability": "the liability terms", "indemnity": "the indemnity",
    "content-rights": "the licence to your content", "content-removal": "the content-removal rules",
    "terms-changes": "the terms-change clause", "service-changes": "the service-change clause",
    "eligibility": "the eligibility rules", "acceptance": "the acceptance clause", "usage-rules": "the usage rules",
}


# What a notice period is given before, in the clause's words: "notice before any price increase
# takes effect" -> "before any price increase", "notify you 14 days before we retire a model",
# "notice of any change to your plan" (said "before any change to your plan"). The subject ends
# before a verb of taking effect, a comma or the sentence's end.
_NOTICE_FOR = re.compile(
    r"\b(?:notice|notif(?:y|ication)|inform|tell|warn|alert|announce)\w*\b[^.;:]{0,60}?"
    r"\b(?P<how>before|prior to|ahead of|of|about)\s+(?P<subject>(?!(?:at least|no less|not less|the date|"
    r"the effective date|it|this|that)\b)[^.;:,()\[\]]{4,60}?)"
    r"(?=\s+(?:takes?|will take|goes?|becomes?|comes?)\s+(?:into\s+)?(?:effect|force|live)\b|\s*[.;:,()]|\s*$|"
    r"\s+(?:by|via|through)\s+(?:e-?mail|post|a notice)\b)", re.I)
_SUBJECT_STOP = frozenset("any a an the of our your its their we you to before prior ahead about".split())


def notice_subject(change: object) -> str:
    """What the notice period a clause gives is for, in its words ("before any price increase",
    "before we retire a model", "before closing your account"): the first subject that the notice
    words of its new text name; "" when they name none (or only a date: "before the effective date")."""
    for text in (getattr(change, "after", None), getattr(change, "before", None)):
        if m := _NOTICE_FOR.search(plain_text(text or "")):
            how = "before" if m.group("how").lower() in ("of", "about") else m.group("how").lower()
            return f"{how} {m.group('subject').strip()}"
    return ""


def _notice_with_subject(text: str, change: Labelled) -> str | None:
    """``text`` (a shortened notice period's explanation ending "... instead of 30") with what the
    notice is for after it ("We will now give you at least 7 days' notice instead of 30 before any
    price increase"), "in advance" then said by the subject; None when the change is no shortened
    notice, the text does not end on the value it replaced, or already names the subject."""
    if " instead of " not in text or "“" in text.rpartition(" instead of ")[2] or not shortened_notice(change):
        return None
    subject = notice_subject(change)
    words = {w for w in re.findall(r"\w+", subject.lower()) if w not in _SUBJECT_STOP}
    if not words or words & set(re.findall(r"\w+", text.lower())):
        return None
    note = _NOTE if text.endswith(_NOTE) else ""
    body = text.removesuffix(_NOTE)
    if not re.search(r"\binstead of [^“”]{1,40}$", body):
        return None
    body = re.sub(r"\s+(?:in advance|beforehand)(?= instead of )", "", body)
    return f"{body} {subject}{note}"


def plain_headline(text: str, change: Labelled) -> str:
    """``text`` (the display explanation of ``change``, a headline's first part) said plainly: a
    withdrawn negative promise with one negation ("No longer promises not to sell your data" →
    "Drops its promise not to sell your data"), and words put into a quote cut on both ends named
    with the terms they went into ("Adds “surcharges” to: “…taxes, surcharges, credit…”" → "Adds
    “surcharges” to the pricing terms"; the quote stays when the change has no category but
    ``other``). Any other text as is."""
    if m := _NO_LONGER_NOT.match(text):
        return f"Drops its promise {m.group('what')}{text[m.end():]}"
    if (said := _notice_with_subject(text, change)) is not None:
        return said
    if (m := _EDIT_IN_QUOTE.match(text)) and m.group("ctx").startswith("…") and m.group("ctx").endswith("…"):
        cats = sorted((c for c in change.categories if c in TOPIC_NAMES), key=lambda c: _WEIGHT.get(c, len(_WEIGHT)))
        if cats:
            return f"{m.group('pre')} {'to' if m.group('verb') == 'Adds' else 'from'} {TOPIC_NAMES[cats[0]]}"
    return text


def rank_changes(changes: Sequence[L], categories: Iterable[str] = ()) -> list[L]:
    """``changes`` most serious first: material before not, then a promise withdrawn ("No longer
    promises ...") or AI training started or its opt-out taken away (``training_news``), then, when
    ``categories`` (the version's categories) are given, a change carrying one of them before one
    that carries none (the headline speaks of the change the version's tags are about), then severity,
    then an AI-training opt-out offered, then a change of words only (``wording_only``) after one
    that changes a term, then a definition, a list of surviving sections, an example
    ("This includes ...", "For example, ..."), advice ("please do not include ..."), a term said again
    in other words ("Reworded: ...", "Still forbids, reworded: ..."), a statement of intent, a postal
    address changed (``address_changed``), a title or a list's lead-in alone after
    other terms, then the group of what is at stake (``_stake``: money, disputes, data, the rest),
    then a change a reader can read before a quote that says nothing alone (``quote_only``),
    then a one-sided clause before a plain one and a clause bounded by a protection after both
    (``_adversity``), then the weight of the change's weightiest category (``CATEGORY_WEIGHT``), then a few
    words swapped (``word_swap``) after a new clause or a value of the same weight, then the more
    concrete change first (``concreteness``: a value that replaced another, then named amounts,
    durations, parties or data, then a quote swapped, then a quote), then document order (stable)."""
    allowed = frozenset(categories)

    def key(c: L) -> tuple[object, ...]:
        news = training_news(c)  # (once a change: its patterns are read over both of its texts)
        return (not c.material, not (_PROMISE_GONE.search(c.explanation or "") or bool(news) and news != _OPT_OUT_ADDED),
                not _in_version(c, allowed),
                -_severity(c), news != _OPT_OUT_ADDED,
                wording_only(c), bool(_DEFINITION.search(c.explanation or "")
                                      or _SURVIVAL.search(c.explanation or "")
                                      or _EXAMPLE.search(c.explanation or "")
                                      or _ADVICE.search(c.explanation or "")
                                      or _RESTATED.search(c.explanation or "")
                                      or address_changed(c)
                                      or _title_only(c) or _lead_in_only(c)),
                _stake(c.categories), quote_only(c), _adversity(c), _weight(c.categories), word_swap(c),
                concreteness(c))

    return _notice_after_rivals(sorted(changes, key=key))


def shortened_notice(change: object) -> bool:
    """Whether ``change`` only shortens a notice period the user is given ("at least 30 days' notice
    before any price increase" → "7 days'"), some notice left (``materiality.notice_cut``: not one
    dropped or now "without notice", which take the notice away and are news of their own)."""
    from tracker.analysis.notice import NO_NOTICE, NOTICE_WORDS, notice_days

    before, after = getattr(change, "before", None), getattr(change, "after", None)
    if getattr(change, "kind", "") != "modified" or not before or not after \
            or not (NOTICE_WORDS.search(before) and NOTICE_WORDS.search(after)):
        return False  # (most clauses name no notice: no facts read)
    if NO_NOTICE.search(plain_text(after)) and not NO_NOTICE.search(plain_text(before)):
        return False  # now "without notice": the notice is gone, not shortened
    old, new = notice_days(plain_text(before)), notice_days(plain_text(after))
    return old is not None and new is not None and 0 < new < old


# An amount in an explanation, its number ("$12", "12 €", "USD 12", "12 dollars")
_AMOUNT_NUMBER = re.compile(r"[$€£¥]\s?(?P<a>\d[\d,]*(?:\.\d+)?)|(?P<b>\d[\d,]*(?:\.\d+)?)\s?(?:[$€£¥]|(?:USD|EUR|GBP|CHF|"
                            r"dollars?|euros?|pounds?)\b)|\b(?:USD|EUR|GBP|CHF)\s?(?P<c>\d[\d,]*(?:\.\d+)?)", re.I)


def _amounts(text: str) -> list[float]:
    out = []
    for m in _AMOUNT_NUMBER.finditer(text):
        try:
            out.append(float((m.group("a") or m.group("b") or m.group("c")).replace(",", "")))
        except ValueError:
            continue
    return out


def price_increase(change: Labelled) -> bool:
    """Whether ``change`` raises a price: a change of the pricing, payment or subscription terms whose
    explanation names an amount that replaced a smaller one ("Plus now costs $12 per month instead
    of $8")."""
    if not {"pricing", "payment", "subscription"} & set(change.categories):
        return False
    now, sep, was = display_explanation(change.explanation or "").partition(" instead of ")
    if not sep:
        return False
    new, old = _amounts(now), _amounts(was) or [float(n) for n in re.findall(r"^\D{0,3}(\d+(?:\.\d+)?)", was)]
    return bool(new and old) and new[-1] > old[0]


# The watch-outs whose arrival is worse news than a shorter notice period (the issue's disputes)
_OUTRANK_NOTICE = frozenset({"arbitration", "class-action"})


def _outranks_notice(change: Labelled) -> bool:
    """Whether ``change`` is bigger news than a notice period shortened: a critical watch-out of
    disputes (binding arbitration, a class-action waiver) or a price increase."""
    if not change.material or shortened_notice(change):
        return False
    critical = _severity(change) >= SEVERITY_ORDER.index("critical")
    return critical and bool(_OUTRANK_NOTICE & set(change.categories)) or price_increase(change)


def _notice_after_rivals(ranked: list[L]) -> list[L]:
    """``ranked`` with each shortened notice period (``shortened_notice``) that the ranking put before
    a bigger piece of news (``_outranks_notice``) moved after the last such news, the order of the rest
    kept: "7 days' notice instead of 30" does not lead a version that also brings binding arbitration
    and a price rise. (A notice dropped or now "without notice" is no shortened period: it keeps its
    place.)"""
    material = [c for c in ranked if c.material]
    if not material or not any(shortened_notice(c) for c in material):
        return ranked
    last = max((i for i, c in enumerate(ranked) if _outranks_notice(c)), default=-1)
    if last < 0:
        return ranked
    head = ranked[:last + 1]
    moved = [c for c in head if c.material and shortened_notice(c)]
    return [c for c in head if not any(c is m for m in moved)] + moved + ranked[last + 1:]


@lru_cache(maxsize=4096)  # (pure; each change's explanation is read by several headline steps)
def display_explanation(explanation: str) -> str:
    """An explanation as a sentence to read on its own: no category list (tags show it), no
    Markdown left in quoted text, one line; a "good news" note is kept."""
    # where a moved clause came from (``analyse``): the change's line says it, a headline does not
    text = _CAME_FROM.sub("", explanation or "")
    good = bool(_GOOD_NEWS.search(text))
    text = _CATS_TAIL.sub("", _GOOD_NEWS.sub("", text))
    if re.search(r"[*_`\[\]\\<]", text):
        text = plain_text(text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;:")
    return f"{text} — good news for users" if good and text else text


# What a reader calls a new watch-out of each category: a critical change's explanation ends with
# its new watch-outs ("New: ... (class-action)"), and a headline names the first one ("New
# class-action waiver: ...").
TERM_NAMES = {
    "arbitration": "binding arbitration", "class-action": "class-action waiver",
    "termination": "termination right", "terms-changes": "right to change the terms",
    "content-removal": "right to remove content", "liability": "limit of liability",
    "jurisdiction": "choice of court", "governing-law": "choice of law", "acceptance": "acceptance by use",
    "ai-training": "use for AI training", "refunds": "refund restriction", "indemnity": "indemnity",
    "privacy": "data use", "content-rights": "licence to your content", "payment": "payment term",
    "pricing": "charge", "subscription": "subscription term", "service-changes": "right to change the service",
    "eligibility": "eligibility rule", "usage-rules": "usage rule",
}
_PARTS = re.compile(r"(?<=\))\s*;\s+(?=\S)")  # between two explanations of one change, after a category list
# A clause of the privacy category that promises what the provider will not do with data ("We do not
# use iOS advertising IDs for targeted advertising", "Your data is never sold"): a protection, named
# as one, never as a "New data use".
_DATA_PROMISE = re.compile(
    r"^\W*(?:we|[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)?)\s+(?:(?:do|does|will|shall|would)\s+not|don['’]t|doesn['’]t|"
    r"won['’]t|never|(?:do|does|will)\s+never)\s+(?:\w+ly\s+)?(?:use|sell|share|rent|disclose|collect|transfer|trade|"
    r"provide|process|store|read|scan|monitor|track|combine|sell\s+or\s+share)\b", re.I)
_NEW_WATCH = re.compile(r"^New(?: watch-out| row)?: (?P<rest>.+?)\s*\((?P<cat>[a-z-]+)(?:, [a-z-]+)*\)\s*$")
# The rights a waiver in the class-action category gives up (taxonomy: "class or representative
# action waivers, jury trial waivers"): each one named, whatever heading the clause sits under.
_CLASS_RIGHT = re.compile(r"\bclass\b|\brepresentative\b|\bcollective\b|\bconsolidat|\bprivate attorney|"
                          r"individual (?:basis|capacity)|\bgroup action|action (?:de groupe|collective)|"
                          r"\bSammelklage|\bVerbandsklage", re.I)
# An amount to pay: a price, a percentage, a fee in a currency ("$5", "4,99 €", "10%", "USD 20").
_AMOUNT = re.compile(r"[$€£¥]\s?\d|\d\s?(?:[$€£¥%]|(?:USD|EUR|GBP|CHF|dollars?|euros?|pounds?|cents?|percent)\b)|"
                     r"\b(?:USD|EUR|GBP|CHF)\s?\d", re.I)
_JURY_RIGHT = re.compile(r"\bjury\b|\bjurys?\b|\bGeschworene", re.I)


def term_name(category: str, text: str = "") -> str:
    """What a reader calls a term of ``category`` (``TERM_NAMES``), read from the clause's own
    ``text`` for a charge ("pricing term" when it names no amount) and for a waiver: "jury-trial
    waiver" when it gives up only a jury trial, "class-action and jury-trial waiver" when both; ""
    for a category without a name."""
    name = TERM_NAMES.get(category, "")
    if category == "pricing" and text and not _AMOUNT.search(text):
        return "pricing term"  # "a charge" is an amount to pay: a clause naming none sets how prices work
    if category == "class-action" and _JURY_RIGHT.search(text):
        return "class-action and jury-trial waiver" if _CLASS_RIGHT.search(text) else "jury-trial waiver"
    return name


def named(change: Labelled) -> str:
    """The explanation of ``change`` with a new watch-out named by its kind ("New binding
    arbitration: All disputes ...") when it is a critical new or strengthened term; as stored
    otherwise."""
    text = change.explanation or ""
    if news := training_news(change):  # said in the reader's words first, the clause's after
        return f"{news} — {text}"
    # an explanation may say several things ("New watch-out: ... (arbitration); ... now governed by
    # X instead of Y (governing-law)"): the first is named from its own category list
    parts = _PARTS.split(text)
    m = _NEW_WATCH.match(parts[0])
    if change.severity == "critical" and m and m.group("cat") in TERM_NAMES:
        cat = m.group("cat")
        # (a value, not a whole quote replaced: "Now says “…arbitration…” instead of “…the courts…”"
        # is the new term itself, named as such)
        changed = next((p for p in parts[1:] if " instead of " in p and not p.startswith("Now says “")
                        and (t := _CATS_TAIL.search(p))
                        and cat in re.findall(r"[a-z-]+", t.group(0))), None)
        if changed is not None:  # a value of that kind changed: said as a change, not as a new term
            return "; ".join([changed] + [p for p in parts if p is not changed])
        # the whole clause names the rights a waiver gives up, when the quote was cut before them
        whole = getattr(change, "after", None) or m.group("rest")
        # the clause's own quote replaced beside it says the same news again, cut shorter: the
        # headline names the term, the change's lines show what it replaced
        rest = [p for p in parts[1:] if not p.startswith("Now says “")]
        said = m.group("rest")
        if said.startswith("now says “"):  # "New watch-out: now says “Q” instead of “W”": the term is Q
            said = said[len("now says "):]
        if cat == "privacy" and (_DATA_PROMISE.match(plain_text(whole)) or PASSIVE_PROMISE.match(plain_text(whole))):
            return "; ".join([f"New promise about your data: {said} ({cat})", *rest])
        return "; ".join([f"New {term_name(cat, whole)}: {said} ({cat})", *rest])
    return text


# The count ``_more`` ends a headline with, as a reader of the headline finds it (a title
# shortened elsewhere keeps it whole: ``publish.catalog.fit_title``).
MORE_SUFFIX = re.compile(r"(?: \(\+\d+ more\)|, and \d+ more material changes?)$")


def _more(n: int, short: bool = False) -> str:
    if short:  # when the long form would cut the first change's sentence short
        return f" (+{n} more)" if n else ""
    return f", and {n} more material change{'s' if n != 1 else ''}" if n else ""


def headline(changes: Sequence[Labelled], fallback: str = "", limit: int = HEADLINE_MAX,
             categories: Iterable[str] = ()) -> str:
    """The version's headline: its most serious material change's explanation, then ", and N
    more material changes" (" (+N more)" when the long form would cut the explanation), at most
    ``limit`` characters (the explanation is cut at a word and marked "…" when both do not fit; a
    table row's cells are never cut to the first).
    ``fallback`` when no change is material. ``categories``: the version's categories, so the
    headline speaks of a change that carries them (``rank_changes``)."""
    # Only the material changes and the host or publisher changes are read from the ranking: ranked
    # apart (material first, order kept, is how ``rank_changes`` orders them anyway), a pair of
    # hundreds of minor changes does not compute each one's ranking key.
    material = rank_changes([c for c in changes if c.material], categories)
    # who hosts or publishes the site changed: named before a change that is neither critical nor
    # a promise withdrawn (a minor line removed beside it is not the news), material or not
    role = next((c for c in material if _ROLE_CHANGE.match(c.explanation or "")), None) or next(
        iter(rank_changes([c for c in changes if not c.material and _ROLE_CHANGE.match(c.explanation or "")],
                          categories)), None)
    if role is not None and (not material or role is material[0] or not (
            _severity(material[0]) >= SEVERITY_ORDER.index("critical") or _PROMISE_GONE.search(material[0].explanation or ""))):
        material = [role] + [c for c in material if c is not role]
    if not material:
        # one name replaced in every clause that changed (a rebrand): said once, not clause by clause
        if (name := name_throughout(changes)) is not None and len(said := f"{name[0]} renamed {name[1]} throughout") <= limit:
            return said
        # no term changed: a section renamed is what a reader sees first ("Section “Fees” renamed to “Payment”")
        if renames := section_renames(changes):
            count = f" (+{len(renames) - 1} more)" if len(renames) > 1 else ""
            # a title too long is said by the words that changed, never cut before them
            said = _rename_said(*renames[0], limit - len(count)) + count
            if len(changes) == len(renames) and all(getattr(c, "kind", "") == "modified" for c in changes):
                return said if len(said) <= limit else _fit(said, limit)  # the renames are all that changed
            both = f"{said}; {fallback[:1].lower()}{fallback[1:]}" if fallback else said
            return both if len(both) <= limit else said if len(said) <= limit else _fit(said, limit)
        return fallback
    # Two changes that read the same (one sentence split in two clauses) count once.
    seen: list[str] = []
    for c in material:
        text = display_explanation(named(c))
        if text.startswith("The same change again"):
            continue  # one change made in two clauses, said once (``wording.repeats_said``)
        if text and text not in seen:
            seen.append(text)
    if not seen:
        return fallback
    if (gone := topic_gone(changes)) is not None and (said := _gone_lead(gone, material, seen, limit)):
        return said
    if switch := _switch_said(material, seen, limit):
        return switch
    # the count is of distinct changes: one change made in six clauses is one, not "+5 more"
    first, more = plain_headline(seen[0], material[0]), _more(len(seen) - 1)
    placed = _placed(first, material[0]) if display_explanation(named(material[0])) == seen[0] else first
    unplaced = pronoun_led(first) or bool(_ROW.match(first))
    if unplaced and display_explanation(named(material[0])) == seen[0]:
        # "This does not include content …" says nothing of what "this" is, "Removed row: Croatian
        # Kuna; 2.00 HRK" nothing of which table: the section it sits under names it, worth some
        # of the quote's words, not all of them
        wide = placed if placed != first else _placed(first, material[0], section_max=PRONOUN_SECTION_MAX)
        room = limit - len(_more(len(seen) - 1, short=True)) - (len(_NOTE) if first.endswith(_NOTE) else 0)
        kept = _fit(wide.removesuffix(_NOTE), room, row=bool(_ROW.match(first))).partition(": ")[2]
        if len(kept.split()) >= PLACED_WORDS_MIN:
            first = wide
    elif len(placed) + len(more) <= limit:  # where it happened, when that costs none of the sentence
        first = placed
    first = first[:1].upper() + first[1:]
    if len(first) + len(more) > limit and (m := _ITEM_UNDER.match(first)):
        # a list item's lead-in gives the item its sense, the item is the news: the lead-in's first words only
        lead_in = m.group("lead").split()
        neg = next((i for i, w in enumerate(lead_in) if i >= 4 and re.fullmatch(r"(?:not|never|no|\w+n['’]t|ne|nicht)",
                                                                                  w.lower().strip(",;"))), None)
        if neg is not None:  # "Without our consent, you are not allowed to": the "not" gives the items their sense
            start = max(0, neg - 2)
            said = f"…{' '.join(lead_in[start:start + 5])}{'…' if start + 5 < len(lead_in) else ''}"
        else:
            said = f"{' '.join(lead_in[:4])}{'…' if len(lead_in) > 4 else ''}"
        first = f"{m.group('kind')} item under “{said}”: {m.group('item')}"
    note = ""
    short = _more(len(seen) - 1, short=True)
    row = bool(_ROW.match(display_explanation(material[0].explanation or "")))
    if len(first) + len(more) > limit and _fit(first, limit - len(short), row) != _fit(first, limit - len(more), row):
        more = short  # the change's own words before the count's
    if first.endswith(_NOTE) and len(first) + len(more) > limit:
        first, note = first[:-len(_NOTE)], _NOTE  # cut the sentence, keep the note
    # a table row's cells are joined by "; ": one explanation, never cut to its first cell ("Type: Cookie")
    # (a row renamed by its term, "New data use: Other Information; We may also use ...", is a row still)
    row = bool(_ROW.match(first) or _ROW.match(display_explanation(material[0].explanation or "")))
    part, sep, _rest = first.partition("; ") if not row else (first, "", "")
    if sep and len(first) + len(more) + len(note) > limit and len(part) + len(note) <= limit \
            and part.count("“") == part.count("”") and _SENTENCE.search(part):
        first = part.rstrip(" .;:,")  # the first of two explanations of the change, whole (read below)
    news = training_news(material[0])
    if news and first.startswith(news) and len(first) + len(more) + len(note) > limit:
        first = news  # the news whole, not its clause's quote cut short beside it (the change says the rest)
    room = max(limit - len(more) - len(note), 40)
    fitted = _fit(first, room, row=row)
    if fitted != first and len(first) + len(note) <= limit and first.count("“") == first.count("”") and not more:
        return first + note
    # The count stays even when it cuts the quote: a feed title or a notification is read alone,
    # and one that dropped it hid four changes (nu37). The cut is made where the quote already
    # skips words ("…bring claims … only in an individual capacity"), not on a modifier whose
    # noun it would lose ("… only in an individual…").
    if more and fitted != first and (cut := _at_elision(first, room)) is not None:
        fitted = cut
    return fitted + note + more


def _at_elision(text: str, room: int) -> str | None:
    """``text`` cut where its quote already skips words (" … "): the label and the point the quote
    skips to ("New class-action waiver: …only in an individual capacity…") when they fit ``room``,
    else the text up to its last " … " when that fits and keeps at least half of it with its
    quotation marks paired; None otherwise. (The words before the skip are the subject: "You and
    Nimbus may each bring claims…" alone reads as the opposite of the waiver, nu43.)"""
    label, colon, body = text.partition(": ")
    subject, skip, point = body.rpartition(" … ")
    if colon and skip and _LABELLED.match(text) and len(point.split()) >= 3 and subject.count("“") == subject.count("”"):
        said = f"{label}: …{point}"
        if len(said) <= room:
            return said
    head, sep, _ = text.rpartition(" … ")
    while sep and len(head) + 1 > room:
        head, sep, _ = head.rpartition(" … ")
    if not sep or len(head) < room // 2 or head.count("“") != head.count("”"):
        return None
    return head.rstrip(" ,;:") + "…"


# Explanations that quote words without saying where: the section tells a reader what they are
# about ("§ 8 Hosting now also covers: servers").
SECTION_MAX = 36  # a longer section title would crowd out the change itself
_OUTLINE_NUMBER = re.compile(r"^[A-Z]?\d+(?:\.\d+)+\s+(?=\S)")
def _placed(text: str, change: object, section_max: int = SECTION_MAX) -> str:
    """``text`` with the section it happened in ("New in § 8 Hosting: ...", "In § 4 Fees: Now
    says ..."), when it quotes words without saying where and the clause sits in a short
    section of the document (``rendering.section_label``; a numbered one as "§ 8 Hosting",
    another in quotes). A clause right under the document's title gets no section."""
    from tracker.analysis.rendering import section_label

    heading = getattr(change, "heading", "") or ""
    clause_id = getattr(change, "clause_id", "") or ""
    if not heading or not re.match(r"^(?:New(?: row)?: |Removed(?: row)?: |Now also |No longer (?:says|covers|excludes)|Narrows |Widens |Now says |"
                                   r"Now reads: |Drops “|Changes a link|Rewritten: |Reworded: |No longer forbids: )", text):
        return text
    section = section_label(heading, getattr(change, "after", None) or getattr(change, "before", None) or "",
                            clause_id)
    numbered = section.startswith("§")
    if not numbered:  # an outline number no § reads ("A3.2.2.1 Users in Romania"): the title names the section
        section = _OUTLINE_NUMBER.sub("", section)
    if len(section) > section_max or section == "Introduction" or not (numbered or "/" in clause_id) \
            or address_line(heading):
        return text
    where = section if numbered else f"“{section}”"
    for lead in ("New row", "Removed row", "New", "Removed"):
        if text.startswith(lead + ": "):
            return f"{lead} {'in' if lead.startswith('New') else 'from'} {where}: {text[len(lead) + 2:]}"
    return f"In {where}: {text}"


PRONOUN_SECTION_MAX = 50  # a longer section may still name what a pronoun-led quote is about
PLACED_WORDS_MIN = 3  # words of the quote a section placed before it must leave

# A quote whose subject is a pronoun or a "this"/"such" standing for words it does not quote, maybe
# after a leading condition: "When it is enabled, it logs …", "This does not include content …",
# "Such data may be shared …". ("This Agreement", "These Terms": a noun follows, no pronoun.)
_PRONOUN_LEAD = re.compile(
    r"^(?:In [^:“]{1,60}: )?(?:New|Removed|Now also says|No longer says|Removed right for users|New right for users|"
    r"No longer forbids|New rule for users)(?: [a-z -]{1,30})?:\s*[“«]?\s*(?:(?:when|if|once|while|whenever|where|unless)\s+"
    r"(?:[^,;:]{0,60}?,\s+)?)?(?:(?:it|they|he|she)\b(?!['’]s\s+(?:own|name))(?!(?:['’]s|\s+is|\s+was)\s+(?:\w+\s+){1,2}?(?:to|that)\b)|(?:this|that|these|those|such)\s+(?:is|are|was|were|"
    r"does|do|did|has|have|had|may|might|will|would|shall|should|can|could|must|include|includes|means|applies|apply|"
    r"allows?|lets?|covers?|requires?|helps?|also|data|information|content|cookies?|features?)\b)", re.I)


def pronoun_led(text: str) -> bool:
    """Whether ``text`` (a display explanation) quotes a sentence whose subject is a pronoun, or
    "this"/"such" standing for something said before it ("New: When it is enabled, it logs …",
    "New: This does not include content …"): a quote a reader cannot place alone."""
    return bool(_PRONOUN_LEAD.match(text))


# What an explanation of its own has: a few words ("utilisateurs; contenu added to ..." is one
# explanation listing cells, not two explanations of one change).
_SENTENCE = re.compile(r"\S+(?:\s+\S+){3}")


_LABELLED = re.compile(r"^(?P<label>(?:In [^:]{1,60}: )?(?:New|Removed|Rewritten|No longer says|Now also says)"
                       r"[^:“]{0,60}): (?P<body>.+)$")


# "You and Nimbus agree that ...": who agrees is the contract itself, not news.
_AGREE = re.compile(r"^(?:(?:for the avoidance of doubt|in addition|however|please note|note that|in particular),?\s+"
                    r"(?:that\s+)?)?(?:(?:you and [^,]{1,30}?|you|we|the parties)\s+(?:each\s+)?(?:hereby\s+)?"
                    r"(?:agree|acknowledge|understand|accept)s?\s+(?:and\s+(?:instruct|agree|acknowledge|confirm|"
                    r"understand|accept)s?\s+)?(?:that\s*:?\s+)?)?", re.I)


def _without_lead_in(body: str) -> str:
    """``body`` less a lead-in ("You and X agree that"), unless the words left start at a
    subject only the lead-in resolves ("each may ...", which becomes "You and X may each ...")."""
    m = _AGREE.match(body)
    if not m or not m.end() or re.match(r"(?i)to\s", body[m.end():]):
        return body  # "You agree to bring claims only ...": the lead-in is the clause's own subject and verb
    kept = resolved_start(body[:m.end()], body[m.end():])
    return body if kept is None else kept


_CONDITION_LEAD = re.compile(r"^(?:if|when|where|unless|in (?:cases?|the event)|once|while|for (?:users|individuals)|"
                             r"however|notwithstanding|subject to)\b", re.I)


# A quote that starts at its main clause ("…we may use your data to train"): its subject stays.
_SUBJECT_FIRST = re.compile(r"^…\S+(?: \S+)? (?:may|might|will|shall|must|can|could|would|should|is|are|"
                            r"est|sont|sera|seront|peut|peuvent|doit|doivent|ist|sind|wird|werden|kann|können|"
                            r"muss|müssen)\b", re.I)


_SWAP = re.compile(r"^(?P<pre>.*?[Nn]ow says )“(?P<now>[^”]+)” instead of “(?P<was>[^”]+)”$")
# a quote whose one number changed, the old number said bare ("Now says “…a child under 13…” instead of 18")
_NUMBER_SWAP = re.compile(r"^(?P<pre>[^“”]{0,40}[Nn]ow says )“(?P<now>[^“”]+)” instead of (?P<was>[^“”\s]*\d[^“”]{0,30})$")


# French and German words that lead on, as LEADS_ON does in English ("…de calcul automatisé des…")
_LEADS_ON_FR_DE = frozenset("""le la les l un une des du de d et ou à au aux pour par en sur dans avec que qui dont
sans sous der die das den dem des ein eine einer eines einem und oder zu zur zum von vom mit für auf im bei aus nach
über unter ohne gegen""".split())


def _trimmed(quote: str, end: bool) -> str:
    """``quote`` less its last (``end``) or first word, marked "…"; as is at three words or fewer."""
    ws = quote.strip("…").split()
    if len(ws) <= 3 or not end and NEGATION.fullmatch(ws[0].strip(",;:“\"(")):
        return quote  # (never the "not" a quote starts with: the rest would say the opposite)
    ws = ws[:-1] if end else ws[1:]
    while end and len(ws) > 3 and (ws[-1].lower().strip(",;:(“\"-–—") in LEADS_ON | _LEADS_ON_FR_DE
                                   or ws[-1][-1:] in "(“:-–—"):
        ws = ws[:-1]  # "…which can…" says less than "…promotional rates…": end on a word that carries meaning
    while end and len(ws) > 1 and not re.search(r"\w", ws[-1]):
        ws = ws[:-1]  # a dash or bracket left alone at the end
    opened = [i for i, w in enumerate(ws) if "(" in w and ")" not in " ".join(ws[i:])]
    if end and opened and opened[-1] >= 2:
        ws = ws[:opened[-1]]  # "…les offres personnalisées (par…": a bracket opened and cut, dropped whole
    return f"{'…' if quote.startswith('…') or not end else ''}{' '.join(ws)}{'…' if quote.endswith('…') or end else ''}"


def _shrunk_swap(text: str, room: int) -> str | None:
    """A word swap quoted in context ("Now says “…you choose to use paid Service…” instead of
    “…you choose to purchase paid Service…”") in ``room`` characters: both quotes lose their
    outer words, last then first, down to three words each; None when it is no such swap or
    still does not fit."""
    m = _SWAP.match(text)
    if not m:
        return None
    now, was = m.group("now"), m.group("was")
    # first the words both quotes share around the change, in step on both sides (start, then end),
    # so each keeps its changed words and the two still read alike
    while len(out := f"{m.group('pre')}“{now}” instead of “{was}”") > room:
        a, b = now.strip("…").split(), was.strip("…").split()
        same_head = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        same_tail = next((i for i, (x, y) in enumerate(zip(reversed(a), reversed(b))) if x != y), min(len(a), len(b)))
        # a shared "not" stays with the word before it: "…share your data" of "we do not share your
        # data" says the opposite; the shared words after it go instead ("…will not … share your data")
        neg = next((i for i, w in enumerate(a[:same_head]) if NEGATION.fullmatch(w.strip(",;:“\"("))), None)
        after_neg = neg + 1 + (a[neg + 1:neg + 2] == ["…"]) if neg is not None else 0
        if same_head >= 1 and min(len(a), len(b)) > 2 and (neg is None or neg > 1):
            a, b = a[1:], b[1:]
            now, was = f"…{' '.join(a)}{'…' if now.endswith('…') else ''}", f"…{' '.join(b)}{'…' if was.endswith('…') else ''}"
        elif neg is not None and after_neg < same_head and after_neg < min(len(a), len(b)) - 2:
            a = a[:neg] + [a[neg].rstrip(",;:"), "…"] + a[after_neg + 1:]
            b = b[:neg] + [b[neg].rstrip(",;:"), "…"] + b[after_neg + 1:]
            now = f"{'…' if now.startswith('…') else ''}{' '.join(a)}{'…' if now.endswith('…') else ''}"
            was = f"{'…' if was.startswith('…') else ''}{' '.join(b)}{'…' if was.endswith('…') else ''}"
        elif same_tail >= 1 and min(len(a), len(b)) > 2:
            a, b = a[:-1], b[:-1]
            while same_tail > 1 and len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and a[-1].lower().strip(",;:") in LEADS_ON:
                a, b, same_tail = a[:-1], b[:-1], same_tail - 1
            now = f"{'…' if now.startswith('…') else ''}{' '.join(a).rstrip(',;:')}…"
            was = f"{'…' if was.startswith('…') else ''}{' '.join(b).rstrip(',;:')}…"
        else:
            break
    if len(out) <= room:
        return out
    # two wordings that share fewer than half their words (a passage rewritten, not a word swapped):
    # cut on both ends they read as fragments that hide the change ("…for those services…" instead of
    # "…Controller Services, the Google…"); what it now says, whole from its start, tells more
    a0 = {w.lower().strip(",;:.…") for w in m.group("now").split()}
    b0 = {w.lower().strip(",;:.…") for w in m.group("was").split()}
    alone = None
    if (said := m.group("now")) and room - len(m.group("pre")) - 2 >= 40:
        said = one_line(said, room - len(m.group("pre")) - 2)
        alone = f"{m.group('pre')}“{said}”" if said.count("(") == said.count(")") else None
    if len(a0 & b0) < 0.5 * min(len(a0), len(b0)) and alone:
        return alone
    for k in range(16):
        out = f"{m.group('pre')}“{now}” instead of “{was}”"
        if len(out) <= room:
            # stubs of three words or fewer ("…for those services…") say less than the new words alone
            short = min(len(now.strip("…").split()), len(was.strip("…").split())) <= 3
            return alone if short and alone else out
        end = k % 4 < 2
        shorter_now, shorter_was = _trimmed(now, end), _trimmed(was, end)
        if (shorter_now, shorter_was) == (now, was) and k % 4 == 3:
            return None
        now, was = (shorter_now, was) if len(now) >= len(was) and shorter_now != now else (now, shorter_was)
    return None


# How a choice of court that took the place of binding arbitration is said (``materiality._Job``):
# a lead that says the whole news before the clause it quotes ("…: Any dispute … courts of …").
TO_COURTS = "Disputes now go to the courts instead of binding arbitration"
# ... and the other way (``wording.arbitration_switch``): "… instead of the courts of Wilmington, Delaware: …"
TO_ARBITRATION = "Disputes now go to binding arbitration instead of "
_WHOLE_LEAD = re.compile(rf"^(?P<lead>{re.escape(TO_COURTS)}|{re.escape(TO_ARBITRATION)}the courts(?: of [^:;“”]{{1,80}})?): ")
# The rights a new waiver gives up, said after a switch to arbitration (``term_name`` of the waiver)
_WAIVED = {"class-action and jury-trial waiver": "class actions and jury trials waived",
           "jury-trial waiver": "jury trials waived", "class-action waiver": "class actions waived"}


def _switch_said(material: Sequence[Labelled], seen: Sequence[str], limit: int) -> str:
    """The headline of a version whose first news is a switch from the courts to binding
    arbitration: the switch, old -> new, with the waivers of class actions or jury trials the
    version brings beside it ("Disputes now go to binding arbitration instead of the courts of
    Dover, Delaware; class actions and jury trials waived"), never hidden in the count; the
    count gives way first, then the courts' place. "" when the first news is no such switch or
    does not fit."""
    lead = _WHOLE_LEAD.match(display_explanation(material[0].explanation or "") if material else "")
    if lead is None or not lead.group("lead").startswith(TO_ARBITRATION):
        return ""
    # a new waiver, in the switched clause itself or in a clause of its own (not one removed: good news)
    waivers = [c for c in material if "class-action" in c.categories and "good news" not in (c.explanation or "")
               and (c is material[0] or getattr(c, "kind", "") == "added" or (c.explanation or "").startswith("New"))]
    text = " ".join(plain_text(getattr(c, "after", None) or "") for c in waivers)
    waived = _WAIVED.get(term_name("class-action", text), "") if waivers else ""
    # the courts' clause removed is the switch's other half, not more news
    courts_gone = [c for c in material if getattr(c, "kind", "") == "removed" and set(c.categories) == {"jurisdiction"}]
    folded = {display_explanation(named(c)) for c in [*waivers, *courts_gone] if c is not material[0]}
    others = len([s for s in seen[1:] if s not in folded])
    leads = [lead.group("lead"), TO_ARBITRATION + "the courts"]
    said = [f"{x}; {waived}" for x in leads] if waived else leads
    for body in said:  # (the count is in the version's line and tags anyway: it goes before the place)
        for more in (_more(others), _more(others, short=True), ""):
            if len(body) + len(more) <= limit:
                return body + more
    return ""


def _shrunk_number_swap(text: str, room: int) -> str | None:
    """A quote whose number changed, with the old number after it ("Now says “If we learn we have
    collected … from a child under 13 without …” instead of 18"), in ``room`` characters: the quote
    is cut around its new number (the words after it first, then before it, one at a time), so the
    number and what it was stay in the line; None when it is no such swap or does not fit."""
    m = _NUMBER_SWAP.match(text)
    if not m:
        return None
    words = m.group("now").split()
    at = next((i for i, w in enumerate(words) if re.search(r"\d", w)), None)
    if at is None:
        return None

    def said(lo: int, hi: int) -> str:
        quote = f"{'…' if lo else ''}{' '.join(words[lo:hi]).strip(',;:')}{'…' if hi < len(words) else ''}"
        return f"{m.group('pre')}“{quote}” instead of {m.group('was')}"

    lo, hi = at, at + 1
    if len(said(lo, hi)) > room:
        return None
    grown = True
    while grown:
        grown = False
        for step in ((0, 1), (-1, 0)):  # the word after the number first (what it counts), then before
            a, b = lo + step[0], hi + step[1]
            if 0 <= a and b <= len(words) and len(said(a, b)) <= room:
                lo, hi, grown = a, b, True
    return said(lo, hi)


_NUMBER_WORD = re.compile(r"(?i)^(?:\d[\d.,]*\S*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"fifteen|twenty|thirty|sixty|ninety|a|an)$")


def _elided_value(text: str, room: int) -> str | None:
    """A sentence that ends on a value and what it replaced ("When we retire a model, we will
    announce it on our status page one week in advance instead of at least 2 weeks"), in ``room``
    characters: words before the value give way in the middle ("…announce it … one week in advance
    instead of …"), so its start (who does what) and both values stay; None when it is no such
    sentence or does not fit."""
    now, sep, was = text.rpartition(" instead of ")
    if not sep or "“" in was or "“" in now or len(was) > 40:
        return None
    words = now.split()
    # the new value: from its last number (or number word) among the last six words
    at = next((i for i in range(len(words) - 1, max(len(words) - 7, 0), -1)
               if _NUMBER_WORD.match(words[i]) and words[i].lower() not in ("a", "an")), None)
    if at is None or at < 4:
        return None
    if words[at - 1].lower() in ("least", "most"):
        at -= 2  # "at least 30 days"
    at = max(at - 2, 3)  # with the two words before it: "expire after 6 months", "page one week"
    tail = f" … {' '.join(words[at:])}{sep}{was}"
    for k in range(at - 1, 2, -1):
        kept = words[:k]
        while len(kept) > 3 and (kept[-1].lower().strip(",;:") in LEADS_ON | _DETERMINER_WORDS):
            kept = kept[:-1]  # "…announce it on our …": end on a word that carries meaning
        head = " ".join(kept).rstrip(",;:")
        if len(head) + len(tail) <= room:
            return head + tail
    return None


_DETERMINER_WORDS = frozenset("a an the our your their its this that these those each every any".split())


def _fit(text: str, room: int, row: bool = False) -> str:
    """``text`` in at most ``room`` characters. A quoted clause ("New binding arbitration: All
    disputes ...") loses its lead-in ("You and X agree that") and, when still too long, is cut
    where a clause of it ends (a semicolon, dash or bracket) if that keeps most of
    it; else it is cut at a word and marked "…". A quote that starts a few words before its point
    ("…be heard exclusively by the courts of Dublin", ``materiality._about``) gives up up to four
    of those words first; a new contracting party too long with the old one is said alone."""
    if len(text) <= room:
        return text
    if " (no longer says “" in text:  # a dropped negation: the new words say it, the old would be cut
        text = re.sub(r" \(no longer says “[^”]*”\)", "", text)
        if len(text) <= room:
            return text
    if (m := re.match(r"^(?:In [^:]{1,60}: )?Now reads “(?P<now>[^“”]+)”", text)) and " (was “" in text \
            and len(m.group("now").split()) >= 6:
        # a passage as it reads now, and before: the new words alone, whole or cut, rather than both cut
        text = re.sub(r" \(was “[^”]*”\)", "", text, count=1)
        if len(text) <= room:
            return text
    if lead := _WHOLE_LEAD.match(text):
        # the news is whole before its quote ("Disputes now go to the courts instead of …"), with its note
        note = _NOTE if _NOTE in text.partition("; ")[0] else ""
        for said in (lead.group("lead") + note, lead.group("lead")):
            if len(said) <= room:
                return said
    # a table row's cells are joined by "; " (``row``: one said under its term's name): never cut to one cell
    first, sep, _rest = text.partition("; ") if not (row or _ROW.match(text)) else (text, "", "")
    first = first.rstrip(" .;:,")
    if sep and len(first) <= room and first.count("“") == first.count("”") and _SENTENCE.search(first):
        return first  # two explanations of one change: the first whole, not the second cut to "New…"
    now, sep, _was = text.partition(" instead of ")
    if sep and len(now) <= room and now.startswith("The contracting party is now "):
        return now  # the new value whole says more than both cut ("... is now X Pte. Ltd.")
    if (swap := _shrunk_swap(text, room)) is not None:
        return swap
    if (swap := _shrunk_number_swap(text, room)) is not None:
        return swap
    if (swap := _elided_value(text, room)) is not None:
        return swap
    m = _LABELLED.match(text)
    if m:
        label, body = m.group("label"), _without_lead_in(m.group("body")).rstrip(".;:, ")
        if body.startswith("« ") and body.endswith(" »"):
            body = body[2:-2]  # a foreign quote cut below would lose its closing mark
        text = f"{label}: {body[:1].upper()}{body[1:]}"
        if len(text) <= room:
            return text
        # a leading condition ("Unless you opt out, we may use ...") gives way to the term itself
        if (cond := _CONDITION_LEAD.match(body)) and (comma := body.find(", ", cond.end())) > 0 and \
                len(body) - comma > 30 and not body.startswith("…") and \
                (main := resolved_start(body[:comma + 2], body[comma + 2:])) is not None:
            body = "…" + main  # "…it will notify you" would not say who: "…Nimbus will notify you"
            text = f"{label}: {body}"
            if len(text) <= room:
                return text
        # a quote that skips to its point ("You and we consent … venue of the courts of California"):
        # the subject gives way before the point is cut
        if " … " in body and len(text) > room and len(body.split(" … ", 1)[1].split()) >= 4:
            point = body.split(" … ", 1)[1].rstrip("…").split()
            kept = one_line(text, room).rstrip("…").split(" … ", 1)[-1].split()
            lost = point[len(kept):] if len(kept) <= len(point) else []
            if any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in lost):
                # a cut at the end would lose the place, name or number the quote skipped to; the
                # quote keeps its opening mark (its closing one is still there)
                opener = "“" if body.startswith("“") and body.count("“") > body.split(" … ", 1)[1].count("“") else ""
                body = opener + "…" + body.split(" … ", 1)[1].lstrip("…")
                text = f"{label}: {body}"
        # a quote shifted to its point ("…be heard exclusively by the courts of Dublin") gives
        # up its first words before its point is cut
        for _ in range(4):
            if not body.startswith("…") or len(text) <= room or body.count(" ") < 4 or _SUBJECT_FIRST.match(body):
                break
            body = "…" + body[1:].split(" ", 1)[1]
            text = f"{label}: {body}"
        if len(text) <= room:
            return text
        # a comma is too often inside a clause ("An individual has the possibility, under ...")
        cuts = [c.start() for c in re.finditer(r"\s*[;(—–]\s", text) if len(label) + 12 < c.start() <= room]
        # a leading condition ("If you are located in the EEA, ...") is no clause to stop after
        if cuts and cuts[-1] >= 0.6 * room and not _CONDITION_LEAD.match(body):
            return text[:cuts[-1]].rstrip(" ,;:(")
        # else at the last comma near the end, rather than on a word that leads on ("and not…")
        commas = [c.start() for c in re.finditer(r",\s", text) if 0.8 * room <= c.start() < room]
        if commas and not _CONDITION_LEAD.match(body):
            return text[:commas[-1]].rstrip("…") + "…"  # a quote already cut there ("Tagged…, you") keeps one mark
    return one_line(text, room)


def shown_tags(changes: Sequence[Labelled], categories: Iterable[str] = (), limit: int = MAX_TAGS) -> tuple[str, ...]:
    """The tags a version shows: the categories of its material changes, in the order of
    ``rank_changes`` (each change's own categories in their order), at most ``limit``.

    ``categories`` (the version's stored categories) restrict and complete the list: when given,
    only those are shown, and those no material change carries come last by weight. Without
    material changes the version's categories are shown by weight."""
    allowed = list(dict.fromkeys(categories))
    out: list[str] = []
    for change in rank_changes([c for c in changes if c.material], allowed):  # (material first in the ranking)
        for cat in change.categories:
            if cat not in out and (not allowed or cat in allowed):
                out.append(cat)
    out += sorted((c for c in allowed if c not in out), key=lambda c: _WEIGHT.get(c, len(_WEIGHT)))
    return tuple(out[:limit])


# -- a whole section of one watch-out removed ---------------------------------------------------------
# Topics whose clauses a version may drop as a whole section ("11. Dispute resolution / binding
# arbitration / class action waiver" gone): the headline names the section as removed, not one of its
# sentences ("Removed: A party who intends to seek arbitration must first send ...").
TOPIC_GONE_MIN = 3  # removed material clauses of one topic that make a section, not a sentence
# what a reader calls the term a removed section held
GONE_NAMES = {
    "arbitration": "binding arbitration", "class-action": "class-action waiver", "liability": "limit of liability",
    "indemnity": "indemnity", "ai-training": "use of your data for AI training", "subscription": "subscription terms",
    "terms-changes": "right to change the terms", "content-rights": "licence to your content",
}
# ... of which these are watch-outs against the user: their removal is good news
# (a licence or AI-training section may as well have given the user something: no verdict)
_GOOD_TO_DROP = frozenset({"arbitration", "class-action", "liability", "indemnity", "terms-changes"})
# the words a section's title names each topic with ("BINDING ARBITRATION/CLASS ACTION WAIVER")
_TOPIC_WORDS = {
    "arbitration": r"arbitra|schied", "class-action": r"class\s+action|class-action|sammelklage|action\s+de\s+groupe",
    "liability": r"liabilit|haftung|responsabilit", "indemnity": r"indemn|freistell",
    "ai-training": r"\bAI\b|artificial|machine\s+learning|train", "subscription": r"renew|subscri|abonnement|abo\b",
    "terms-changes": r"chang|modif|amend", "content-rights": r"licen[cs]e|content|contenu|inhalt",
}
# topics said together, the first named first ("binding arbitration and class-action waiver")
_DISPUTES = frozenset({"arbitration", "class-action", "jurisdiction", "governing-law"})
_SECTION_NUMBER = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?\s*(?:§\s*|(?:section|article|art\.)\s+)?(?P<n>\d+(?:\.\d+)*)[.):]?\s+\S",
                             re.I)


@dataclass(frozen=True, eq=False)
class TopicGone:
    """A watch-out section a version removed: ``topics`` (categories, most removed first),
    ``members`` (the removed changes, by identity), ``section`` ("section 11", "“Arbitration”" or ""),
    ``courts`` (where disputes go now, "the courts of King County, Washington", when binding
    arbitration went and another change names courts; else ""), ``court`` (that change or None)
    and ``good`` (whether the removal only helps users)."""

    topics: tuple[str, ...]
    members: list[object]
    section: str
    courts: str
    court: object | None
    good: bool

    def holds(self, change: object) -> bool:
        """Whether ``change`` is one of the removed clauses or the clause that names the courts now."""
        return any(change is m for m in self.members) or change is self.court

    def said(self, short: bool = False, placed: bool = True) -> str:
        """"Removes the binding arbitration and class-action waiver (section 11)" (``short``: "Removes
        binding arbitration and class-action waiver (§ 11)"; ``placed`` False: no section)."""
        names = [GONE_NAMES[t] for t in self.topics]
        what = " and ".join(names)
        where = self.section if placed else ""
        if short and where.startswith("section "):
            where = "§ " + where[len("section "):]
        # (short and unplaced: the fewest characters, "Drops binding arbitration and class-action waiver")
        verb = "Drops" if short and not placed else "Removes"
        return f"{verb} {'' if short else 'the '}{what}" + (f" ({where})" if where else "")


def _key(title: str) -> str:
    """A section title as compared: its words without markup, number or case."""
    return re.sub(r"\W+", " ", title_words(title)).strip().casefold()


def _heading_said(explanation: str | None) -> str:
    """The title a "Removed heading: ..." explanation names; "" for any other."""
    m = re.match(r"^Removed heading: (.+)$", explanation or "")
    return m.group(1) if m else ""


def _cats(change: object) -> tuple[str, ...]:
    return tuple(getattr(change, "categories", ()) or ())


def topic_gone(changes: Sequence[object]) -> TopicGone | None:
    """The watch-out section ``changes`` (a version's changes, any objects with the attributes of a
    ``ClauseChange``) removes: at least ``TOPIC_GONE_MIN`` removed material clauses of one topic of
    ``GONE_NAMES``, at least twice as many as the material clauses of that topic modified or moved
    (references to the section, a clause that took its place), none of those added or critical (the
    topic comes back: a rewrite), and a removed heading whose title names the topic ("Binding
    Arbitration and Class Action Waiver": the section went, not only sentences of one kept under its
    heading). A second topic with at least two removed clauses in the group, or named in the section's
    title, is named beside the first. None when the version removes no such section."""
    material = [c for c in changes if getattr(c, "material", False)]
    # the titles of the headings the version removed: a section gone, not only sentences of it (a
    # section rewritten drops many sentences of its topic too, and keeps its heading)
    titles_gone = {_key(t) for c in changes if getattr(c, "kind", "") == "removed"
                   and (t := _title_text(getattr(c, "before", None)) or _heading_said(getattr(c, "explanation", "")))}
    best: tuple[int, str] | None = None
    for topic in GONE_NAMES:
        gone = [c for c in material if getattr(c, "kind", "") == "removed" and topic in _cats(c)]
        kept = [c for c in material if getattr(c, "kind", "") != "removed" and topic in _cats(c)]
        if len(gone) < TOPIC_GONE_MIN or len(gone) < 2 * len(kept):
            continue
        if not any(re.search(_TOPIC_WORDS[topic], t, re.I) for t in titles_gone):
            continue  # no heading of the topic's name went with its clauses
        if any(getattr(c, "severity", "") == "critical" or getattr(c, "kind", "") == "added" for c in kept):
            continue  # the topic comes back elsewhere, or worse: a rewrite, not a removal
        if best is None or len(gone) > best[0]:
            best = (len(gone), topic)
    if best is None:
        return None
    first = best[1]
    members = [c for c in material if getattr(c, "kind", "") == "removed" and first in _cats(c)]
    # the group's section: the heading most of its clauses sit under that names the topic
    headings = [title_words(getattr(c, "heading", "") or "") for c in members]
    words = re.compile(_TOPIC_WORDS[first], re.I)
    titled = [(h, getattr(c, "heading", "") or "") for h, c in zip(headings, members) if words.search(h)]
    section = ""
    if titled:
        # a numbered section before its lettered subsections ("11. Dispute resolution" over "C. Arbitration fees")
        title, raw = max(titled, key=lambda hr: (bool(_SECTION_NUMBER.match(plain_text(hr[1]))),
                                                 sum(h == hr[0] for h, _ in titled)))
        # the group's clauses in that section, whatever their topic (its "What happens if part of it is
        # unenforceable" clause is the section's too), and the section's other topics
        members += [c for c in material if getattr(c, "kind", "") == "removed" and c not in members
                    and (getattr(c, "heading", "") or "") == raw]
        num = _SECTION_NUMBER.match(plain_text(raw))
        section = f"section {num.group('n')}" if num else (f"“{title}”" if len(title) <= 40 else "")
    else:
        title = ""
    topics = [first]
    for topic in GONE_NAMES:
        if topic != first and (sum(topic in _cats(c) for c in members) >= 2
                               or title and re.search(_TOPIC_WORDS[topic], title, re.I)) and topic != "content-rights":
            topics.append(topic)
    topics = topics[:2]
    good = all(t in _GOOD_TO_DROP for t in topics) and not any(
        _PROMISE_GONE.search(getattr(c, "explanation", "") or "") for c in members)
    courts, court = "", None
    if "arbitration" in topics:
        from tracker.analysis.facts import courts_named

        for c in material:
            after = plain_text(getattr(c, "after", None) or "")
            if getattr(c, "kind", "") != "removed" and "jurisdiction" in _cats(c) and after \
                    and not re.search(r"\barbitra", after, re.I) and (named_courts := courts_named(after)):
                courts, court = named_courts, c
                if named_courts != "the courts":
                    break
    return TopicGone(tuple(topics), members, section, courts, court, good)


def _topic_gone_said(gone: TopicGone, others: int, limit: int) -> str:
    """The headline of a version whose news is a watch-out section removed: the section named as
    removed, where disputes go now, the good news and the count of other changes, the longest of
    those that fits ``limit`` (the note gives way before the courts, the courts before the count of
    other changes, which goes only when the section's name alone is left)."""
    note = _NOTE if gone.good else ""
    candidates = []
    # "the courts of King County, Washington" said shorter before the section gives way
    places = [f": disputes now go to {gone.courts}"]
    if gone.courts.startswith("the courts of "):
        places.append(f": disputes go to courts in {gone.courts[len('the courts of '):]}")
    for courts in places if gone.courts else []:
        for short, placed in ((False, True), (True, True), (True, False)):
            body = gone.said(short, placed)
            candidates += [body + courts + note + _more(others), body + courts + note + _more(others, short=True),
                           body + courts + _more(others, short=True)]
    # the count of other material changes stays (a reader must not take the section for all the
    # news): the courts give way before it
    for short in (False, True):
        body = gone.said(short)
        candidates += [body + note + _more(others), body + note + _more(others, short=True),
                       body + _more(others, short=True)]
    candidates.append(gone.said(True))
    return next((c for c in candidates if len(c) <= limit), "")


def _gone_lead(gone: TopicGone, material: Sequence[Labelled], seen: Sequence[str], limit: int) -> str:
    """The headline of a version that removed the watch-out section ``gone`` (``_topic_gone_said``),
    unless a change outside it is worse news: a critical change or a promise withdrawn that is neither
    one of its clauses nor, when binding arbitration went, a change of where or under which law disputes
    are heard. ``material``: the version's material changes ranked; ``seen``: their distinct
    explanations (``headline``); "" when the section is not the news or its headline does not fit."""
    def related(c: Labelled) -> bool:
        return gone.holds(c) or "arbitration" in gone.topics and set(c.categories) <= _DISPUTES | {"other", "usage-rules"}

    rival = next((c for c in material if not related(c)), None)
    if rival is not None and (_severity(rival) >= SEVERITY_ORDER.index("critical")
                              or _PROMISE_GONE.search(rival.explanation or "")):
        return ""
    folded = {display_explanation(named(c)) for c in material if gone.holds(c)}
    return _topic_gone_said(gone, len([s for s in seen if s not in folded]), limit)

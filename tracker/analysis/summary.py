"""Key terms at a glance: a short, extractive summary of a document's current terms.

In the shape of a consumer summary ("Credits are non-refundable and may expire after 12
months"): one plain bullet per key term, in a fixed order of concerns, "Things to watch out
for", answers to the questions people ask, and the standard facts compared across services.

Everything is taken from the document's own sentences (sentence selection and compression:
leading numbers, Markdown, parentheticals and legal lead-ins dropped, long sentences cut at a
clause boundary), never generated: each bullet links to the clause it comes from. When the
archive's history is given (``changes``), a bullet also says when its clause last changed
materially and what it said before ("12 months until 2026-03-10").

Pure functions of text; imports only earlier analysis modules and ``tracker.records``. The one
exception is ``cached_bullets``/``remember_bullets``: the key terms of a text kept in a user cache
folder, so ``tracker summary`` does not summarise the version before again on every call.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from tracker.analysis.boilerplate import address_spans
from tracker.analysis.classify import (CATEGORIES, MONEY_TOPICS, Labels, cache_folder, classify_many, classify_text,
                                       money_measured, retention_not_ending)
from tracker.analysis.lexicons import PASSIVE_PROMISE as _PASSIVE_PROMISE
from tracker.analysis.lexicons import TRAINING_OPT_OUT as _TRAINING_OPT_OUT
from tracker.analysis.clauses import Clause, clause_key, inline_list, split_clauses, split_sentences
from tracker.analysis.clauses import _is_abbreviation as clauses_abbreviation
from tracker.analysis.facts import Fact, extract_facts, law_places, nation, places_at
from tracker.analysis.rendering import HEAD_NUMBER, clause_text, good_end, numbered_label, one_line
from tracker.analysis.rendering import plain_text as _render_plain
from tracker.analysis.rights import gives_user_a_right
from tracker.records import ClauseChange

__all__ = ["CONCERNS", "FACTS", "QUESTIONS", "Answer", "Bullet", "BulletChange", "Cell", "Change", "Item",
           "Summary", "cached_bullets", "code_version", "compare_summaries", "key_bullets", "plain_text",
           "remember_bullets", "right_only", "safeguarded", "summarise", "summary_from_dict"]

SHORT = 240
MAX_WORDS = 25
MAX_WATCH = 8
MAX_PER_CONCERN = 4
MAX_BULLETS = 32

# Order of concerns a reader goes through, and the categories (classify.CATEGORIES) of each.
CONCERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("service", "The service and its status", ()),
    ("service-changes", "Service changes", ("service-changes",)),
    ("eligibility", "Who may use it", ("eligibility",)),
    ("usage", "Usage rules", ("usage-rules",)),
    ("pricing", "Pricing and payment", ("pricing", "payment", "subscription")),
    ("refunds", "Refunds and credits", ("refunds",)),
    ("content", "Content and intellectual property", ("content-rights", "content-removal")),
    ("disputes", "Disputes", ("arbitration", "class-action", "governing-law", "jurisdiction")),
    ("privacy", "Privacy and AI training", ("privacy", "ai-training")),
    ("liability", "Liability", ("liability", "indemnity")),
    ("terms-changes", "Changes to the terms", ("terms-changes", "acceptance")),
    ("termination", "Termination", ("termination",)),
)
_CONCERN_OF = {cat: cid for cid, _, cats in CONCERNS for cat in cats}
_CONCERN_RANK = {cid: i for i, (cid, _, _) in enumerate(CONCERNS)}
_CONCERN_TITLE = {cid: title for cid, title, _ in CONCERNS}
# When a sentence has several categories, the most specific one decides its concern.
_SPECIFIC = ("refunds", "ai-training", "class-action", "arbitration", "governing-law", "jurisdiction",
             "eligibility", "terms-changes", "termination", "indemnity", "content-removal",
             "content-rights", "subscription", "service-changes", "privacy", "liability", "pricing",
             "payment", "usage-rules", "acceptance")
# How serious a watch-out is, most serious first: losing money or a day in court before losing
# a feature. A category not listed ranks last.
_SERIOUSNESS = ("arbitration", "class-action", "refunds", "ai-training", "liability", "service-changes",
                "terms-changes", "termination", "content-rights", "privacy", "jurisdiction",
                "governing-law", "payment", "pricing", "indemnity", "content-removal", "subscription")
# Watch-outs the labeller leaves to the reader but a summary should name (one-sided discretion).
# Data that is no one's: a use of it to improve a service is no AI-training watch-out unless it trains models.
_AGGREGATE_ONLY = re.compile(r"\b(?:aggregated?|anonymi[sz]ed|de-?identified|statistical)\s+(?:\w+\s+)?(?:data|information)\b",
                             re.I)
_TRAINS = re.compile(r"\b(?:train\w*|fine-?tun\w*)\b", re.I)
# The user's information as what a sentence does something with: collected, used, kept, shared, seen,
# corrected, exported or deleted ("We use your information to ...", "You can delete your account information").
_YOUR_DATA_HANDLED = re.compile(
    r"\b(?:use|uses|using|keep|keeps|retain|retains|store|stores|share|shares|collect|collects|process|processes|"
    r"access|correct|rectify|export|download|delete|erase|disclose|discloses)\b(?:,?\s+(?:or|and)?\s*\w+){0,5}?"
    r",?\s+(?:(?:your|the)\s+(?:information|data)|(?:(?:your|the)\s+)?(?:personal|account|billing|contact)"
    r"(?:\s+(?:and|or)\s+\w+)?\s+(?:information|data))\b", re.I)
_EXTRA_WATCH: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("service-changes", re.compile(r"\b(?:discontinue|pause|suspend|remove|withdraw)\w*\b.{0,80}\b(?:as we see "
                                   r"fit|at any time|sole discretion|without (?:prior )?notice)|\bbeta\b", re.I)),
    ("arbitration", re.compile(r"\barbitration\b", re.I)),
    ("class-action", re.compile(r"\b(?:class action|class member|representative proceeding|individual "
                                r"capacity|individual basis)", re.I)),
    ("ai-training", re.compile(r"\b(?:use|using)\b.{0,60}\b(?:inputs?|outputs?|data|content|prompts?)\b.{0,40}"
                               r"\bto (?:train|improve)\b|"
                               # anything of the user's trained on ("your drafts", "your voice recordings")
                               r"(?<!not\s)(?<!never\s)(?<!n't\s)(?<!n’t\s)\b(?:use|using|uses)\s+(?:your|users['’]?|customers['’]?)\s+(?:[\w-]+\s+){1,3}?to\s+"
                               r"(?:train|fine-?tune|develop)\s+(?:\w+\s+){0,2}?(?:models?|AI|algorithms?|machine\s+learning)\b",
                               re.I)),
)


# --- plain text ------------------------------------------------------------------------------


# Shared with pages, feeds and the terminal (``tracker.analysis.rendering``): one Markdown reader.
# The summary reads it with Cloudflare's e-mail placeholders cleaned (see ``plain_text``).

_CF_LINK = re.compile(r"\[\\?\[email[\s\u00a0]protected\\?\]\]\(([^)\s]*)\)")


@lru_cache(maxsize=16384)
def plain_text(markdown: str) -> str:
    """Markdown inline text as a reader sees it (``rendering.plain_text``: links become their
    text, emphasis, code marks, images and HTML tags vanish, line breaks become spaces), with
    Cloudflare's '[email protected]' read as the address its link still hides, else as words
    ('contact us by email'). Returns one line."""
    if "protected" in markdown:
        markdown = _CF_LINK.sub(lambda m: _cf_address(m.group(1)) or m.group(0), markdown)
    text = _render_plain(markdown)
    return _without_cf_placeholder(text) if "protected]" in text else text


def _cf_address(href: str) -> str:
    """The address behind a Cloudflare e-mail protection link ('/cdn-cgi/l/email-protection#HEX'),
    or '' when the link is none or its key was not kept (older snapshots lost the fragment)."""
    from tracker.extract.links import CF_EMAIL_PATH, decode_cfemail

    if CF_EMAIL_PATH not in href or "#" not in href:
        return ""
    address = decode_cfemail(href.rsplit("#", 1)[1])
    return address if address and "@" in address else ""


_CF_PLACEHOLDER = r"\[email[\s\u00a0]protected\]"
_CF_AFTER_EMAIL = re.compile(r"\b((?:by )?e-?mail(?: us)?)(?: at| to)?\s+" + _CF_PLACEHOLDER, re.I)
_CF_AFTER_AT = re.compile(r"\b(?:at|to|via|on|under)\s+" + _CF_PLACEHOLDER, re.I)
_CF_ANY = re.compile(r"\s*" + _CF_PLACEHOLDER, re.I)


def _without_cf_placeholder(text: str) -> str:
    """Cloudflare's '[email protected]', which stands for an address the archived text no longer
    has, as words a reader understands: 'contact us at [email protected]' -> 'contact us by email',
    'email [email protected]' -> 'email', anything else -> 'by email'."""
    text = _CF_AFTER_EMAIL.sub(lambda m: m.group(1), text)
    text = _CF_AFTER_AT.sub("by email", text)
    text = _CF_ANY.sub(" by email", text)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\bby email by email\b", "by email", text)).strip()


# --- compression ------------------------------------------------------------------------------

# A quantity is no section number: '15 USD per seat', '2 million tokens', '1 seat', '1.5 GB of storage'
# keep their number (a number before a unit, a currency code or a magnitude; a bare one before any
# lower-case word), while '2. you must not', '1 Introduction' and '1.2 we may' lose theirs.
_UNIT_AFTER = r"(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|NZD|SGD|GB|MB|TB|KB|K|M)\b|(?i:million|billion|thousand|hundred)\b"
_LEAD_NUMBER = re.compile(r"^\s*(?:(?:section|clause|article)\s+)?(?:"
                          rf"\d{{1,3}}(?!\d|[.,]\d)\s+(?![a-z]|{_UNIT_AFTER})|"
                          rf"\d{{1,3}}(?:\.\d{{1,3}})+\s+(?![a-z]+\s+(?:of|per)\b|{_UNIT_AFTER})|"
                          r"\d{1,3}(?:\.\d{1,3})*\.\s+|\(?[a-zA-Z]\)\s+|\(?[ivxIVX]{1,5}\)\s+|\(\d{1,3}\)\s+)")
_LEAD_PHRASES = re.compile(
    r"^(?:(?:subject to|except as (?:otherwise )?(?:provided|set out|stated)(?: in)?|notwithstanding"
    r"(?: anything to the contrary in)?|as (?:set out|described|provided|stated) in|pursuant to|"
    r"in accordance with|without limiting)[^,]{0,80},\s*|"
    r"to the (?:fullest|maximum|greatest) extent (?:permitted by (?:applicable )?law|the law allows|"
    r"(?:that )?(?:applicable )?law permits|allowed by (?:applicable )?law)(?:[^,]{0,40})?,\s*|"
    r"as between you and [^,]{1,40},\s*|for the avoidance of doubt,\s*|in addition,\s*|"
    r"please note that\s*|(?:when|while) using the service,?\s+)", re.I)
_PAREN = re.compile(r"\s*\((?![\d.,]+\))[^()]{0,200}\)")  # keep "(90)"-style numbers for facts
_NUMBER_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
                 r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:one |a )?hundred)")
_WORD_NUMBER_PAREN = re.compile(rf"\b{_NUMBER_WORDS}\s*\((\d+)\)", re.I)
_QUOTED_DEF = re.compile(r"\s*\((?:together,\s*|collectively,\s*)?(?:the\s+)?[\"“][^\"”]{1,40}[\"”]"
                         r"(?:,\s*[\"“][^\"”]{1,40}[\"”])*\)")
_WORD = re.compile(r"\S+")
# Places a long sentence may be cut, best first; the piece with the key facts is kept.
_CUTS = (re.compile(r";\s+"), re.compile(r",\s+(?:including|such as|for example|e\.g\.)\b"),
         re.compile(r",\s+(?:except|unless|provided that|other than|so that|which|rather than)\b"),
         re.compile(r",\s+(?:and|or|but)\s+"), re.compile(r"\s+(?:and|or)\s+(?=(?:we|you|they|it)\b)"),
         re.compile(r",\s+"))


_SUBORDINATE = re.compile(r"^(?:if|when|where|unless|although|while|once|after|before|in case|in the event(?: that| of)?|"
                          r"to|by|upon|besides|with the exception of|in order to)\b", re.I)


def words(text: str) -> int:
    """Number of words (whitespace-separated tokens) in ``text``."""
    return len(_WORD.findall(text))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # markup debris a parser left: "Limitation of Liability.**.", "Liability.].", "* use our Services"
    text = re.sub(r"[.!?]?[\s*_\[\]]*[*_\[\]][.]?$", ".", text)
    text = re.sub(r"^[*_\[\]\s]+(?=\S)", "", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\.{2,}$", ".", text)
    text = re.sub(r"(?:[,;:]\s*(?:and|or|and/or)|[,;:\s])+$", "", text)  # 'without consent; or'

    text = re.sub(r"^[,;:\s\-–—•●▪◦·]+", "", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def compress(text: str, max_words: int = MAX_WORDS) -> str:
    """One sentence of a clause as a short plain bullet (at most ``max_words`` words when it can
    be cut at a clause boundary; else the first ``max_words`` words). '' for nothing left."""
    t = inline_list(plain_text(text))  # "you will not 1. resell ...; 2. ..." reads as a list
    t = _LEAD_NUMBER.sub("", t, count=1)
    for _ in range(2):
        t = _LEAD_PHRASES.sub("", t, count=1)
    t = _QUOTED_DEF.sub("", t)
    t = _WORD_NUMBER_PAREN.sub(r"\1", t)  # "thirty (30) days" -> "30 days"
    t = _PAREN.sub("", t)
    t = t.replace('"', "").replace("“", "").replace("”", "")
    letters = [c for c in t if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        t = t.lower()  # SHOUTED disclaimers read as plain sentences
    t = _tidy(t)
    if words(t) <= max_words:
        return t
    if (shorter := _ASIDE.sub(" ", t)) != t and words(shorter) <= max_words:
        return _tidy(shorter)  # "use Your Content, including the texts you write, to train ...": the aside goes, the purpose stays
    return _cut(t, max_words)


# An example set between commas in the middle of a statement, before the statement goes on with
# its purpose or manner ("…Your Content, including the texts you write, to train…"): left out of a
# short bullet, never what follows it. Not a list in the aside ("including your name, email and phone").
_ASIDE = re.compile(r",\s+(?:including|such as|for example|e\.g\.)\s[^,;:]{1,80},\s+"
                    r"(?=(?:to|for|in order to|so that|as|with|without|on|in|by|from|under|at)\b)", re.I)


def _weight(piece: str) -> int:
    """How much of a clause's point a piece carries: facts and watch-words count."""
    kinds = {f.kind for f in extract_facts(piece)}
    score = 3 * len(kinds & {"money", "percent", "duration", "age", "place"}) + len(kinds)
    score += 2 * len(re.findall(r"\b(?:not|no|never|non-refundable|binding|arbitration|expire\w*|waive\w*|"
                                r"terminate|liable|opt out|train\w*)\b", piece, re.I))
    return score


# A piece that stops inside a series ("a limited, personal, non-transferable, non-sublicensable",
# "the right to remove, delete, edit, limit"): what the series qualifies was cut off.
_IN_SERIES = re.compile(r"(?:,\s+[\w'’-]+(?:\s[\w'’-]+)?){2,}\s*$")


def _series_goes_on(head: str, after: str) -> bool:
    """Whether a cut after ``head`` stops inside a series that ``after`` finishes: "seek such
    refunds, payments" of "seek such refunds, payments, and credits from Reseller only" (what
    the series is for was cut off with its last item)."""
    return bool(re.search(r",\s+[\w'’-]+(?:\s[\w'’-]+)?\s*$", head) and re.match(
        r"\s*,\s*(?:(?:[\w'’-]+(?:\s[\w'’-]+)?),\s*)*(?:and|or|and/or)\b", after))


# a cut after a phrase set off inside a clause ("content that DistroKid believes, in its sole
# discretion" of "..., in its sole discretion, violates these provisions"): the clause goes on
_NOT_CONTINUATION = re.compile(r"(?:and|or|but|nor|which|who|whom|whose|that|including|such|except|unless|if|when|"
                               r"where|while|so|provided|as|because|although|though|we|you|they|it|he|she|i|there|"
                               r"this|these|those|each|both|either|neither|then|however|e\.g|i\.e|etc|for example)\b",
                               re.I)


def _clause_goes_on(head: str, after: str) -> bool:
    """Whether a cut after ``head`` drops the rest of its own clause: its last piece is a phrase set
    off by commas (', in its sole discretion') and ``after`` goes on with a lower-case word that
    opens no clause of its own (', violates these provisions')."""
    last = re.split(r",\s+", head)[-1].strip()
    if last == head.strip() or _VERB.search(last) or not (_PREPOSITION.match(last) or re.match(
            r"(?:(?:and|or)\s+)?(?:at|in|without|with)\b", last, re.I)):
        return False
    m = re.match(r"\s*,\s*([a-z][\w'’-]*)", after)
    if m is None:
        return False
    word = m.group(1)
    return not _NOT_CONTINUATION.match(word) and not _PREPOSITION.match(word) and not re.match(
        r"(?:in|at|with|without|from|subject|regardless|notwithstanding|whether|even|unless)\b", word, re.I)


# a comma between the adjectives of one noun ("a nonexclusive, worldwide license", "by binding,
# individual arbitration"): a cut there leaves "a nonexclusive." without its noun
_OPEN_PHRASE = re.compile(r"\b(?:a|an|the|by|with|to|of|for|in|your|our|its|their|each|any|this|such|every|all)\s+"
                          r"[\w'’-]+$", re.I)
_ADJECTIVE_GOES_ON = re.compile(r"\s*,\s+(?!(?:and|or|but|nor|which|who|whom|that|including|such|if|unless|when|where|"
                                r"while|we|you|they|it|he|she|i|except|provided|as|so|then|however|each|both)\b)"
                                r"[a-z][\w'’-]*(?:,|\s+(?:and\s+|or\s+)?[a-z])")


def _noun_goes_on(head: str, after: str) -> bool:
    """Whether a cut after ``head`` falls between the adjectives of one noun phrase that
    ``after`` finishes ('a nonexclusive' of 'a nonexclusive, worldwide license to ...')."""
    return bool(_OPEN_PHRASE.search(head.rstrip()) and _ADJECTIVE_GOES_ON.match(after))


# a verb that cannot end a statement: its object was cut off
_NO_OBJECT = re.compile(r"\b(?:may|might|will|shall|must|can|could|should|would|do|does|to)(?:\s+not)?\s+(?:also\s+)?"
                        r"(?:include|contain|exceed|grant|provide|permit|allow|require|cover|comprise|constitute|"
                        r"represent|affect|limit|exclude)$", re.I)


# what may stand between a modal and the verb it announces: adverbs and adverbial phrases ("at
# any time", ", without prior notice and at our sole discretion")
_ADVERBIAL_TAIL = re.compile(
    r"(?:\s*,?\s*(?:(?:and|or|and/or)\s+)?(?:(?:at|in|with|without|from|for|upon|on|by|under|subject\s+to)\s+"
    r"[^,;]{1,60}?|immediately|also|always|then|further|therefore|thereafter|however|not|never|"
    r"(?:un)?reasonably|solely|only))+$", re.I)
# an inverted modal with its subject and no verb yet ("In no event will Company")
_INVERTED_OPEN = re.compile(r"\b(?:in\s+no\s+event|under\s+no\s+circumstances?|at\s+no\s+time|nor|neither)\s+"
                            r"(?:will|shall|may|can|could|would|does|do|is|are)\s+[\w&.'’ -]{1,60}$", re.I)


def _modal_without_verb(piece: str) -> bool:
    """Whether ``piece`` stops before the verb its modal announces: 'We may, in our sole
    discretion', 'We may at any time, without prior notice and at our sole discretion', 'In no
    event will Company'."""
    p = piece.rstrip(". ")
    if _INVERTED_OPEN.search(p):
        return True
    bare = _ADVERBIAL_TAIL.sub("", p) if re.search(r"\b(?:may|might|will|shall|must|can|could|should|would)\b", p,
                                                  re.I) else p
    return bool(re.search(r"\b(?:may|might|will|shall|must|can|could|should|would|reserves? the right)"
                          r"(?:\s+(?:not|also|at any time))?\s*(?:,[^,]*)?$", bare, re.I))


def _whole(piece: str) -> bool:
    """A piece of a cut sentence that still states something: a subject and a verb of its own
    ('Service fees are non-refundable'), not a list of names or a phrase ('14 days before the
    hearing')."""
    if _modal_without_verb(piece):
        return False  # 'We may, in our sole discretion': the verb it announces was cut off
    if _NO_OBJECT.search(piece.rstrip(". ")):
        return False  # 'Your content may not include': what it may not include was cut off
    return not fragment(_tidy(piece)) and bool(_VERB.search(piece))


# A condition a bullet must keep: it says when the rest applies ('If you are under 18, ...',
# '..., unless the law requires a refund'); a bullet without it states a different rule. A
# carve-out of its own ('except that either party may go to small-claims court') is no condition.
_CONDITION = re.compile(r"^(?:if|when|whenever|where|wherever|unless|once|after|before|upon|on|until|while|in case|"
                        r"in the (?:\w+ )?event|provided|as long as|so long as|only|except|excluding|other than|"
                        r"with the exception of|for (?:users?|customers?|members?|accounts?|anyone|people|persons?|"
                        r"those|individuals?)|(?:who|that) (?:are|is)|aged?|under|below|above|over)\b", re.I)
_CONDITION_WORD = re.compile(r"\b(?:(?<!even )if|unless|only if|only when|provided that|as long as|so long as|except(?! that\b)|other than|"
                             r"aged? \d+|(?:under|below|over|above) the age|\d+ (?:years (?:old )?)?or (?:older|over|"
                             r"younger|under))\b", re.I)


_OWN_CLAUSE = re.compile(r";|,\s+(?:(?:and|but|or|so)\s+)?(?:we|you|they|it|[A-Z][\w-]*)\s+(?:will|may|must|shall|can|"
                         r"cannot|could|should|would|might|is|are|do|does|have|has)\b")


def _leading_condition(body: str) -> str:
    """The conditions a sentence opens with, up to its main clause ('If you are 13 or older, '
    of 'If you are 13 or older, you may ...'); '' when it opens with its main clause."""
    rest = body
    while _CONDITION.match(rest) and not re.match(r"only\b", rest, re.I) and ", " in rest:
        rest = re.sub(r"^(?:and|or|but)\s+", "", rest.split(", ", 1)[1])
        if not (_CONDITION.match(rest) or re.match(r"(?:and|or) (?:if|when|where|unless)\b", rest, re.I)):
            break
    return body[: len(body) - len(rest)] if rest is not body else ""


# What limits a power a bullet states: the notice it must give first and the chance to put things
# right ("after giving you 30 days' notice and a chance to fix the problem", "with prior written
# notice", "moyennant un préavis de 30 jours", "nach Ablauf einer angemessenen Frist", "con un
# preaviso de 30 días", "sin previo aviso"): dropped, the power reads unbounded (or, for "without
# notice", bounded when it is not).
_POWER_LIMIT = re.compile(
    r"\b(?:(?:prior|advance|written|reasonable|\d+\s*(?:days?|weeks?|months?)['’]?s?)\s+(?:written\s+)?notice|notice\s+(?:of|to)\b|"
    r"(?:giving|give|gives|provide|providing|send|sending)\s+(?:you\s+)?(?:\w+\s+){0,3}notice|with(?:out)?\s+(?:\w+\s+){0,2}notice|"
    r"(?:a\s+|an\s+|the\s+)?(?:chance|opportunity|time|period)\s+to\s+(?:fix|cure|remedy|correct|resolve|respond|"
    r"address)|(?:fail(?:s|ed)?|failure)\s+to\s+(?:cure|remedy|fix|correct)|warn(?:ing|s)?\s+you|"
    r"préavis|mise\s+en\s+demeure|(?:délai|possibilité)\s+(?:raisonnable\s+)?(?:de|pour)\s+(?:\w+\s+){0,2}"
    r"(?:remédier|corriger|régulariser|répondre)|sans\s+(?:\w+\s+)?(?:préavis|avertissement)|"
    r"vorherige[nr]?\s+(?:\w+\s+)?(?:Ankündigung|Mitteilung|Benachrichtigung|Abmahnung)|Abmahnung|"
    r"(?:angemessene[nr]?\s+)?Frist\s+(?:zur|von)|Gelegenheit\s+zur\s+(?:Abhilfe|Stellungnahme)|Kündigungsfrist|"
    r"ohne\s+(?:vorherige\s+)?(?:Ankündigung|Vorwarnung)|"
    r"preaviso|aviso\s+previo|previo\s+aviso|plazo\s+(?:razonable\s+)?para\s+(?:subsanar|corregir|responder)|"
    r"oportunidad\s+de\s+(?:subsanar|corregir))", re.I)
# A power a notice or a cure period would limit: suspending, ending, removing, changing.
_POWER = re.compile(r"\b(?:suspend\w*|terminat\w*|clos(?:e|ing)|delet\w*|remov\w*|disabl\w*|deactivat\w*|"
                    r"cancel\w*|chang\w*|modif\w*|discontinu\w*|block\w*|restrict\w*|limit\w*|"
                    r"suspend\w*|résili\w*|supprim\w*|ferm\w*|désactiv\w*|bloqu\w*|"
                    r"sperr\w*|kündig\w*|lösch\w*|deaktivier\w*|beend\w*|"
                    r"suspender\w*|suspend\w*|rescindir\w*|cancelar\w*|eliminar\w*|cerrar\w*|bloquear\w*)\b", re.I)


def limits_power(kept: str, dropped: str) -> bool:
    """Whether ``dropped``, words cut after ``kept`` in one sentence, limit the power ``kept``
    states: a notice or a chance to put things right before a suspension, termination or change
    ("We may suspend your account if you breach these Terms" + ", after giving you 30 days'
    notice and a chance to fix the problem"), before any clause of its own starts. en/fr/de/es.

    Args:
        kept: the piece a bullet keeps.
        dropped: the rest of the sentence.
    Returns:
        True when the bullet must keep (some of) ``dropped``."""
    if not _POWER.search(kept):
        return False
    own = re.search(r";|,\s+(?:but|however)\b|,\s+(?:and\s+)?(?:we|you|they|it|[A-Z][\w-]*)\s+(?:will|may|must|shall|can|"
                    r"cannot|could|should|would|might|is|are)\b", dropped)
    return bool(_POWER_LIMIT.search(dropped[:own.start()] if own else dropped))


def keeps_conditions(body: str, start: int, end: int) -> bool:
    """Whether the piece ``body[start:end]`` of a sentence keeps the conditions it is under: the
    text dropped before it holds none ('If you are 13 or older, ' dropped is a lost condition),
    and the text dropped after it does not open with one (', unless the law ...'; a condition
    inside a dropped clause of its own, '; but if ..., we ...', belongs to that clause)."""
    before, after = body[:start], body[end:]
    if before.strip() and (_CONDITION_WORD.search(before) or _leading_condition(body)):
        return False
    if limits_power(body[start:end], after):
        return False  # the notice or cure period that bounds the power kept
    after = re.sub(r"^[\s,;:.\-–—(]+", "", after)
    if after and _CONDITION.match(after) and not re.match(r"(?:on|over|for|after|before)\b", after, re.I) \
            or re.match(r"(?:and|or) only\b", after, re.I):
        return False
    # a condition further on ('..., list parcels or accept payments if you are under 16') governs
    # the kept piece too, unless a clause of its own starts before it ('; but if ...', ', and we ...')
    m = _CONDITION_WORD.search(after)
    if not m or _OWN_CLAUSE.search(after[: m.start()]):
        return True
    # 'but if you cancel, we ...', 'and we may ... unless': a clause of its own, with its own conditions;
    # not 'and your use of X if you ...' (more of the same clause, under the same condition)
    return bool(re.match(r"(?:but|and|or|so)\s+(?:(?:if|when|unless|where)\b|(?:we|you|they|it|[A-Z][\w-]*)\s+"
                         r"(?:will|may|must|shall|can|cannot|could|should|would|might|is|are|do|does|have|has)\b)",
                         after))


# A predicate after a comma, without a subject of its own (", also terminate.", ", will end ...",
# ", embody all the terms ...", ", prend fin", ", gilt ..."): the words before it, back to where
# its clause starts, are its subject, so a cut that keeps them without it keeps no statement.
_PREDICATE_AFTER = re.compile(
    r",\s+(?:(?:also|then|each|both|all|thereby|hereby|likewise|equally|jointly|collectively|together|"
    r"immediately|automatically|not|only|still|aussi|également|immédiatement|automatiquement|ebenfalls|auch|sofort)\s+)*"
    r"(?:(?:will|shall|must|may|might|can|cannot|could|would|should|is|are|was|were|has|have|had|does|do|did)\s+"
    r"(?:not\s+|also\s+|then\s+|immediately\s+|automatically\s+)*[a-z]|"
    r"(?:terminates?|ends?|ceases?|expires?|survives?|remains?|continues?|embod(?:y|ies)|constitutes?|"
    r"supersedes?|replaces?|governs?|appl(?:y|ies)|prevails?|forms?|represents?|becomes?|comprises?|"
    r"takes? (?:effect|precedence)|lapses?|override?s?|contains?|sets? (?:out|forth)|"
    r"est|sont|sera|seront|reste|restent|demeure|demeurent|prend|prennent|constitue|constituent|"
    r"remplace|remplacent|s'applique|s'appliquent|cesse|cessent|expire|expirent|"
    r"ist|sind|wird|werden|gilt|gelten|endet|enden|bildet|bilden|bleibt|bleiben|stellt|stellen|"
    r"enthält|enthalten|ersetzt|ersetzen|erlischt|erlöschen)\b)")
_CLAUSE_START = re.compile(r";\s+|,\s+(?:and|but|or|so)\s+|[.:]\s+")


def _subject_spans(body: str) -> list[tuple[int, int]]:
    """Spans of ``body`` that are the subject of a predicate cut off by a comma: (clause start,
    comma) for each ", also terminate"-like predicate with no subject of its own. A piece that
    ends inside such a span keeps a subject whose verb was dropped."""
    spans = []
    for m in _PREDICATE_AFTER.finditer(body):
        # its clause starts after the last whole statement before it ('We may suspend your
        # account, and your licence, ..., will end'), not after a noun phrase joined by 'and'
        # ('Your use of X, and any dispute ..., is governed')
        start = 0
        for c in _CLAUSE_START.finditer(body, 0, m.start()):
            if _whole(body[start:c.start()]):
                start = c.end()
        spans.append((start, m.start()))
    return spans


def _subject_cut_off(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the piece ``body[start:end]`` ends inside the subject of a predicate it leaves out
    (see ``_subject_spans``): 'your permission to use X, as well as any permission you may have'
    of '..., also terminate'."""
    return any(start < comma and a < end <= comma + 1 for a, comma in spans)  # its comma kept or not


def _leads_into(piece: str, before: str = "") -> bool:
    """Whether the last piece a cut would keep only leads into the words after it: a bare
    conjunction ('…, and'), or a phrase without a verb that opens the clause a conjunction
    started ('and, notwithstanding these Terms' of '…, and, notwithstanding these Terms, other
    users may share …'; ``before`` is the piece before it). A phrase that completes what it
    follows ('…, with or without notice') is no such piece."""
    bare = re.compile(r"(?:and|or|but|and/or|nor)\W*", re.I)
    p = re.sub(r"^[\s,;:]+", "", piece).strip()
    if not p or bare.fullmatch(p):
        return True
    joined = re.match(r"(?:and|or|but)\s+", p, re.I)
    if not (joined or bare.fullmatch(re.sub(r"^[\s,;:]+", "", before).strip())):
        return False
    p = p[joined.end():] if joined else p
    opens = _PREPOSITION.match(p) or _SUBORDINATOR.match(p) or re.match(
        r"(?:notwithstanding|subject to|in accordance with|in addition to|as well as|other than|save)\b", p, re.I)
    return bool(opens) and not _VERB.search(p)


def _cut(text: str, max_words: int) -> str:
    """Cut a long sentence at clause boundaries: the first piece that fits, preferring the one
    with the most facts; as a last resort the first ``max_words`` words. A piece that would lose
    a condition of what it states (see ``keeps_conditions``) is never chosen: a sentence that opens
    with conditions keeps them (its budget grows by their length, at most 15 words), and one
    that cannot be cut without losing one gives '' (no bullet rather than a wrong one)."""
    body = text.rstrip(".")
    # "By using the Service, you agree ...", "Although we try, ...": a lead that is no condition
    # of the main clause goes first ('If ...', 'When ...', 'Upon ...' stay: they say when it applies)
    rest = body
    while re.match(r"(?:although|though|by|to|in order to|besides|regardless|notwithstanding|in addition to)\b",
                   rest, re.I) and ", " in rest:
        rest = re.sub(r"^(?:and|or|but)\s+", "", rest.split(", ", 1)[1])
    if rest is not body and words(rest) >= 4 and not _SUBORDINATE.match(rest) and not fragment(_tidy(rest)) \
            and not _CONDITION_WORD.search(body[: len(body) - len(rest)]):
        body = _tidy(rest).rstrip(".")
        if words(body) <= max_words:
            return _tidy(body)
    lead = words(_leading_condition(body))
    budget = max_words + min(15, lead)
    if (m := _POWER_LIMIT.search(body)) and _POWER.search(body[:m.start()]):
        # a power with its notice or cure period: room for the words that bound it (up to the end of
        # the phrase that says it, not for what follows: "with or without notice, in accordance ...")
        limit_end = list(_POWER_LIMIT.finditer(body))[-1].end()
        phrase = re.split(r"[,;]", body[limit_end:], maxsplit=1)[0]
        budget = max(budget, min(words(body[:limit_end] + phrase), max_words + 15))
    spans = _subject_spans(body)
    for pattern in _CUTS:
        pieces = [p for p in pattern.split(body) if p.strip()]
        if len(pieces) < 2:
            continue
        # grow from the start while it fits: keeps the subject with the verb (and, after leading
        # conditions, stops once the main clause is whole: the budget is for them, not for more)
        head = pieces[0]
        heads = [head]
        for p in pieces[1:]:
            if lead and words(head) - lead >= 6 and _whole(head) and keeps_conditions(body, 0, len(head)):
                break
            sep = pattern.search(body[len(head):])
            joined = body[: len(head) + (sep.end() if sep else 0)] + p
            if words(joined) > budget:
                break
            head = joined
            heads.append(head)
        # nor after a phrase that leads into what was cut ('…, and, notwithstanding these Terms' of
        # '…, and, notwithstanding these Terms, other users may share …'): back to a whole phrase
        while len(heads) > 1 and _leads_into(heads[-1][len(heads[-2]):],
                                             heads[-2][len(heads[-3]):] if len(heads) > 2 else ""):
            heads.pop()
            head = heads[-1]
        # a head ending in a condition without its outcome ('..., but if there is a problem') stops before it
        while (m := re.search(r"(?:,|;|\bthat)\s+(?:(?:and|or|but)\s+)?(?:if|when|unless|where|while|because|although|"
                              r"provided|as long as|so long as)\b[^,;]*$", head)) and words(head[: m.start()]) >= 4:
            head = head[: m.start()]
        if words(head) <= budget and words(head) >= 4 and _whole(head) and keeps_conditions(body, 0, len(head)) \
                and not _IN_SERIES.search(head) and not _series_goes_on(head, body[len(head):]) \
                and not _noun_goes_on(head, body[len(head):]) and not _clause_goes_on(head, body[len(head):]) \
                and not _subject_cut_off(spans, 0, len(head)):
            best = head
            # another piece only when it is a statement of its own (not 'then the hearing ...')
            # and under no condition it would lose
            # nor one that opens on a participle the piece before it governs ('…sold, or purchased
            # through our Services shall be resolved …')
            others = [p for p in pieces if words(p) <= max_words and words(p) >= 5 and _whole(p)
                      and keeps_conditions(body, body.find(p), body.find(p) + len(p))
                      and not re.match(r"[a-z][\w'’-]*(?:ed|ing)\b", p)
                      and not _subject_cut_off(spans, body.find(p), body.find(p) + len(p))]
            strongest = max(others, key=_weight, default="")
            if strongest and _weight(strongest) > _weight(best) + 2 and strongest not in best:
                best = strongest
            if best is head and ": " in head and (sep := re.match(r"\s*([;,])", body[len(head):])):
                # a list's lead-in with its first items ("you will not: resell the Service"): the
                # items left out are marked, so no one reads the first as the whole list
                return _tidy(head).rstrip(".") + sep.group(1) + " …"
            return _tidy(best)
    # no clause boundary fits: the first words, marked as cut so no one reads them as the whole
    # rule, unless a condition would be cut off with the rest
    kept = " ".join(body.split()[:budget])
    if kept == " ".join(body.split()):
        return _tidy(body)  # longer than max_words only by its leading conditions: nothing to cut
    floor = 3
    if _subject_cut_off(spans, 0, len(kept)):
        # the first words are a subject whose verb comes later: the sentence whole when it is
        # not much longer, else its first words up to a little past that verb, else no bullet
        # (never a subject without its verb)
        if words(body) <= budget + 15:
            return _tidy(body)
        comma = min(c for a, c in spans if a < len(kept) <= c + 1)
        floor = words(body[:comma]) + 1
        if floor + 5 > budget + 15:
            return ""
        kept = " ".join(body.split()[:floor + 5])
    if _CONDITION_WORD.search(body[len(kept):]) or not keeps_conditions(body, 0, len(kept)):
        return ""
    if (last := list(_CONDITION_WORD.finditer(kept))) and not re.search(r"[,;]\s", kept[last[-1].end():]):
        return ""  # the cut falls inside a condition ('except any dispute seeking $12,500 or…')
    if _leading_condition(body) and words(kept) - words(_leading_condition(body)) < 6:
        return ""  # 'If you ..., we may remove the…': too little of what applies is left
    # nor on a word that leads into what was cut ('listed in…', 'of the…', 'the fee listed…'): on a
    # complete phrase ('… and charge the chargeback fee…')
    ws = body.split()
    k = len(kept.split()) - 1
    while k > floor and not good_end(ws, k):
        k -= 1
    kept = " ".join(ws[:k + 1])
    return _tidy(kept).rstrip(".,;:") + "…"


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """When a clause last changed materially: the date (YYYY-MM-DD), its text before, and a short
    note of the facts it had ("12 months until 2026-03-10"; "added on 2026-03-10")."""

    date: str
    before: str | None
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "before": self.before, "note": self.note}


@dataclass(frozen=True)
class Bullet:
    """One key term: a short plain sentence, its concern, and the clause it comes from."""

    text: str
    concern: str
    clause: str
    section: str
    categories: tuple[str, ...]
    watch: tuple[str, ...]
    facts: tuple[Fact, ...]
    source: str  # the full sentence as the document says it (plain text)
    changed: Change | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "concern": self.concern, "clause": self.clause, "section": self.section or None,
                "categories": list(self.categories), "watch": list(self.watch),
                "facts": [f.to_dict() for f in self.facts], "source": self.source,
                "changed": self.changed.to_dict() if self.changed else None}


@dataclass(frozen=True)
class Answer:
    """A common question, answered from a clause (or ``clause`` '' when the terms do not say)."""

    id: str
    question: str
    answer: str
    clause: str = ""
    section: str = ""
    changed: Change | None = None
    see: str = ""  # the document the terms point to for this question ('Privacy Policy'), if they do

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "answer": self.answer, "clause": self.clause or None,
                "section": self.section or None, "changed": self.changed.to_dict() if self.changed else None,
                "see": self.see or None}


@dataclass(frozen=True)
class Cell:
    """One standard fact of a document for the comparison table: a short value and its clause."""

    value: str
    clause: str
    section: str
    text: str
    changed: Change | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "clause": self.clause or None, "section": self.section or None, "text": self.text,
                "changed": self.changed.to_dict() if self.changed else None}


@dataclass(frozen=True)
class Item:
    """One labelled clause of the document (the clause-level view kept for ``categories``)."""

    clause: str
    text: str
    categories: tuple[str, ...]
    watch: tuple[str, ...]
    facts: tuple[Any, ...]

    @property
    def short(self) -> str:
        return one_line(self.text, SHORT)  # cut, when it must be, on a complete phrase

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "text": self.text,
            "categories": list(self.categories),
            "watch": list(self.watch),
            "facts": [{"kind": f.kind, "text": f.text, "value": f.value, "qualifier": f.qualifier or None}
                      for f in self.facts],
        }


@dataclass(frozen=True)
class Summary:
    """A document's summary.

    ``key_terms``: bullets in concern order; ``watch_outs``: at most 6, most serious first;
    ``answers``: the common questions (``QUESTIONS``); ``facts``: the standard facts found
    (``FACTS`` ids -> Cell); ``by_category`` / ``watch``: every labelled clause, by category.
    """

    by_category: dict[str, list[Item]] = field(default_factory=dict)
    watch: tuple[Item, ...] = ()
    key_terms: tuple[Bullet, ...] = ()
    watch_outs: tuple[Bullet, ...] = ()
    answers: tuple[Answer, ...] = ()
    facts: dict[str, Cell] = field(default_factory=dict)

    def grouped(self) -> list[tuple[str, str, list[Bullet]]]:
        """Key terms by concern, in concern order: (concern id, title, bullets)."""
        out = []
        for cid, title, _ in CONCERNS:
            group = [b for b in self.key_terms if b.concern == cid]
            if group:
                out.append((cid, title, group))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_terms": [b.to_dict() for b in self.key_terms],
            "watch_outs": [b.to_dict() for b in self.watch_outs],
            "answers": [a.to_dict() for a in self.answers],
            "facts": {k: c.to_dict() for k, c in self.facts.items()},
            "watch": [i.to_dict() for i in self.watch],
            "categories": {c: [i.to_dict() for i in items] for c, items in self.by_category.items()},
        }


# --- sections and history -------------------------------------------------------------------

def section_label(clause: Clause, heading: str | None = None) -> str:
    """What a person sees to find a clause: '§ 8.3 Credits', '§ 9 Chargebacks and fraud', or the
    heading alone ('Refunds') when nothing is numbered; '' when the clause is under no heading.
    ``heading``: the nearest heading when it is not the clause's own Markdown heading (a bold
    line or a run-in title such as '**2.1 Booking**.' in a document without Markdown headings)."""
    heading = plain_text(re.sub(r"^#{1,6}\s*", "", clause.heading or "" if heading is None else heading))
    heading = re.sub(r"[*_]{2,}|^[*_]+|[*_]+$|\s*(?:={3,}|-{3,})\s*$", "", heading).strip().rstrip(".:").strip()
    heading = re.sub(r"\\(?=[^\w\s])", "", heading)  # Markdown escapes: "4\. Fees" is "4. Fees"
    if postal_line(heading):
        heading = ""  # a company's address set as a heading names no section a reader looks for
    if words(heading) > 14:  # a heading that is a whole sentence: its start is enough to find it
        hw = heading.split()
        k = 11
        while k > 5 and not good_end(hw, k):  # its start, ending on a word that carries meaning
            k -= 1
        heading = " ".join(hw[:k + 1]).rstrip(",;:") + "…"
    # '' before any heading: no made-up "Introduction" for a whole document
    return numbered_label(heading, clause.text, clause.id, clause.kind)


def _history(changes: Iterable[tuple[str, ClauseChange]]) -> dict[str, tuple[str, ClauseChange]]:
    """The latest material change of each clause id: id -> (date, change)."""
    latest: dict[str, tuple[str, ClauseChange]] = {}
    for when, change in changes:
        if change.material and change.after is not None:
            prev = latest.get(change.clause_id)
            if prev is None or prev[0] <= when:
                latest[change.clause_id] = (when, change)
    return latest


_FACT_KINDS = ("money", "percent", "duration", "age", "place")


def _change_note(sentence: str, when: str, change: ClauseChange) -> Change:
    """What a sentence's clause said before its last material change, said against what it says
    now (the bullet): "was 24 months until 2026-04-01" (the values it lost), "was “…any court
    in Lisbon…” until 2026-04-01" (other words), "added on 2026-04-01"."""
    day = when[:10]
    before = change.before
    if before is None or change.kind == "added":
        return Change(day, None, f"added on {day}")
    if clause_key(sentence) and clause_key(sentence) not in clause_key(before):
        now = {(f.kind, f.value) for f in extract_facts(sentence)}
        kinds = {k for k, _ in now}
        lost = [f for f in extract_facts(before) if f.kind in kinds and (f.kind, f.value) not in now
                and f.kind in _FACT_KINDS]
        if lost:
            was = ", ".join(_lost_words(lost, before, sentence)[:2])
            return Change(day, before, f"was {was} until {day}")
        if not _similar(sentence, before):
            return Change(day, before, f"added on {day}")
        return Change(day, before, f"was {_old_words(before, sentence)} until {day}")
    old = max(split_sentences(plain_text(before)) or [before], key=lambda b: _overlap(b, sentence))
    if clause_key(old) != clause_key(sentence):  # the sentence itself lost words ("… unless ...")
        return Change(day, before, f"was {_old_words(before, sentence)} until {day}")
    return Change(day, before, f"clause changed on {day}")


def _lost_words(lost: Sequence[Fact], before: str, now: str) -> list[str]:
    """The values ``before`` had and ``now`` lost, each said as the old text said it when ``now``
    gives no value in that role: a court's place as "the courts of Wilmington, Delaware" beside
    the arbitration that replaced them ("was Wilmington, Delaware" reads as the arbitration's
    old seat), an arbitration's seat as "arbitration in X", a law's place as "the laws of X";
    any other value as written. Once each, the fuller first (``distinct_values``)."""
    old_plain = plain_text(before) if any(f.kind == "place" for f in lost) else ""
    roles_now = _place_roles(now) if old_plain else set()
    said = []
    courts = [f.value for f in lost if f.kind == "place" and f.qualifier == "court"]
    for f in lost:
        if f.kind == "place" and not f.qualifier and any(f.value in c for c in courts):
            continue  # "Wilmington" of "the courts of Wilmington, Delaware": said there
        role = _place_role(f, old_plain) if f.kind == "place" else ""
        said.append(_ROLE_WORDS[role].format(f.value) if role and role not in roles_now else _fact_words(f))
    return distinct_values(said)


_ROLE_WORDS = {"court": "the courts of {}", "arbitration": "arbitration in {}", "law": "the laws of {}"}


def _place_role(f: Fact, text: str) -> str:
    """What a place fact of ``text`` names: 'court' (the courts disputes go to), 'arbitration'
    (where an arbitration is held), 'law' (the law that governs), '' (anything else, an
    arbitration body)."""
    if f.qualifier == "court":
        return "court"
    if f.qualifier:
        return ""
    if _ARB_WORD.search(text) and any(f.value in places_at(text, m.end()) for m in _ARB_PLACE.finditer(text)):
        return "arbitration"
    return "law" if f.value in law_places(text) else ""


def _place_roles(text: str) -> set[str]:
    """The roles of the places ``text`` names (see ``_place_role``), and 'court' or 'arbitration'
    when it sends disputes there without naming a place ("binding arbitration", "in court")."""
    plain = plain_text(text)
    roles = {_place_role(f, plain) for f in extract_facts(plain) if f.kind == "place"}
    if re.search(r"arbitra", plain, re.I):
        roles.add("arbitration")
    return roles - {""}


def _old_words(before: str, sentence: str) -> str:
    """The words of ``before`` (a clause) that its sentence most like ``sentence`` had where
    ``sentence`` differs, quoted: the bullet says the new ones. A table is read as its rows say
    it ("Purpose: ...; Data: ..."), never as its pipes."""
    flat = clause_text(before) if "|" in before else plain_text(before)
    old = max(split_sentences(flat) or [flat], key=lambda b: _overlap(b, sentence))
    was = _replaced_words(old, sentence, most=8)
    return was if was.startswith("“") else f"“{was}”"


def distinct_values(values: Iterable[str]) -> list[str]:
    """``values`` once each, in order, less those another of them contains as whole words: a
    place or party named with and without its country or city ("Dublin, Ireland" and "Dublin")
    is said once, as the fuller one ("Dublin, Ireland", never "Dublin, Ireland, Dublin")."""
    vals = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))

    def inside(v: str, w: str) -> bool:
        return v.lower() != w.lower() and bool(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", w, re.I))

    kept = [v for v in vals if not any(inside(v, w) for w in vals)]
    return list({v.lower(): v for v in reversed(kept)}.values())[::-1]  # "Dublin" / "DUBLIN": the first


def _fact_words(f: Fact) -> str:
    if f.kind == "place":
        return f.value
    text = _WORD_NUMBER_PAREN.sub(r"\1", plain_text(f.text))
    return re.sub(r"^(?:for|after|within|before|prior to|up to)\s+", "", text, flags=re.I)


def _similar(a: str, b: str) -> bool:
    wa, wb = set(clause_key(a).split()), set(clause_key(b).split())
    return bool(wa) and len(wa & wb) / len(wa) >= 0.6


# --- candidates -------------------------------------------------------------------------------

_SKIP = re.compile(r"^(?:last (?:updated|modified|revised)|effective(?: date)?|questions?\b|contact|please read|"
                   r"if you have any questions|table of contents)|\?$|^\W*$|"
                   # an address with little else: a contact line ("Write to our DPO at dpo@x.example")
                   r"^(?=(?:\S+\s+){0,11}\S*$).*@\w|"
                   # a sentence that announces what follows ("..., here's what you need to know.")
                   r"\bhere(?:'s|’s| is| are)\s+(?:what|how|some)\b[^.]{0,40}\.?$|\bwhat you need to know\.?$|"
                   r"\bas follows\W*$", re.I)
_DONT_SAY = "The terms do not say."
# When the document was last updated, or where its date stands ("This Privacy Policy was last updated
# on: 13 March 2026.", "The date the policy was last revised is at the top of this page."): a date,
# no term. A rule that mentions the date ("we will post the revised terms and update the date at the
# top") has a modal verb and stays.
_DATE_NOTE = re.compile(r"\b(?:was|were|is|are|been)\s+last\s+(?:updated|modified|revised|amended|changed)\b|"
                        r"\b(?:effective|last\s+updated|revision)\s+date\s+(?:at|on)\s+the\s+(?:top|bottom)\b|"
                        r"\bdernière\s+mise\s+à\s+jour\b|\ba\s+été\s+mise?\s+à\s+jour\s+le\b|"
                        r"\bzuletzt\s+(?:aktualisiert|geändert)\b|"
                        # a date alone, said of what it dates: "Prices as of June 3, 2026."
                        r"^\W*(?:[\w-]+\s+){1,3}?(?:are\s+|is\s+)?(?:as\s+of|effective(?:\s+(?:from|on|as\s+of))?|valid\s+"
                        r"(?:from|as\s+of))\s+(?:[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"[a-z]+\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\W*$", re.I)
_RULE_VERB = re.compile(r"\b(?:will|shall|must|may|can|could|agree\w*|reserve\w*|notify|notif\w+|post\w*|inform\w*|"
                        r"doit|doivent|peut|peuvent|pouvons|devons|informerons|werden|wird|kann|können|muss)\b", re.I)


def _cut_off(plain: str) -> bool:
    """Whether a sentence stops without a full stop on a word that leads on ("to", "of the", "de",
    "und"): the rest of it is in another paragraph, so a bullet of it says half a rule."""
    from tracker.analysis.rendering import LEADS_ON

    ws = plain.rstrip().split()
    return bool(ws) and not re.search(r"[.!?;:…)\]”\"»]$", ws[-1]) and ws[-1].lower().strip(",") in LEADS_ON


def date_note(plain: str) -> bool:
    """Whether a sentence (``plain``) only says when the document was last updated or where its
    date stands: no term a summary should list.

    Args:
        plain: the sentence as plain text.

    Returns:
        True for "This Privacy Policy was last updated on: 13 March 2026.", "La présente politique
        a été mise à jour le 2 mai 2025."; False for a rule that mentions the date ("We will post the
        revised terms and update the date at the top")."""
    return bool(_DATE_NOTE.search(plain)) and not _RULE_VERB.search(plain)

# A cookie banner's or consent screen's words captured with the page: no term of the document.
# "By clicking Accept, you agree ..." / "By continuing to browse, you accept our use of cookies" say so alone;
# "We use cookies to improve your experience" does with a banner's button beside it ("Accept all").
_BANNER_CLICK = re.compile(
    r"\bby (?:clicking|tapping|selecting|pressing|choosing) (?:on )?[\"“‘'«]?\s*(?:accept|agree|allow|ok|okay|got it|i agree|"
    r"continue|consent)\b|\bby (?:continuing|using|browsing|staying|navigating)\b[^.]{0,80}?\b(?:agree|accept|consent)\w*\s+"
    r"to\s+(?:our|the)\s+use\s+of\s+cookies\b|\ben cliquant sur [«\"“]?\s*(?:accepter|tout accepter|j['’]accepte|ok)\b|"
    r"\ben poursuivant (?:votre )?navigation\b[^.]{0,80}?\bcookies\b|\b(?:wenn sie|indem sie) (?:auf )?[„\"“]?"
    r"(?:akzeptieren|alle akzeptieren|zustimmen|ok)\b|\bal (?:hacer clic|pulsar) en [«\"“]?\s*(?:aceptar|acepto)\b", re.I)
_BANNER_SAYS = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this app|this page)\s+(?:uses?|use)\s+(?:\w+\s+){0,2}?cookies\b[^.]{0,100}?"
    r"\b(?:experience|browsing|best|improv\w*|enhanc\w*|personali[sz]\w*|traffic|relevant)\b|"
    r"\b(?:nous utilisons|ce site utilise|ce site web utilise) (?:des )?cookies\b|\b(?:wir verwenden|wir nutzen|diese "
    r"(?:web)?seite (?:verwendet|nutzt)) cookies\b|\b(?:utilizamos|usamos|este sitio (?:web )?utiliza) cookies\b", re.I)
_BANNER_BUTTON = re.compile(
    r"\b(?:accept|reject|decline|refuse|allow|deny) all\b|\baccept (?:all )?cookies\b|\bmanage (?:cookie |my )?"
    r"(?:preferences|settings|choices|options|cookies)\b|\bcookie (?:settings|preferences)\b|\bcustomi[sz]e (?:settings|"
    r"preferences|cookies)\b|\bgot it\b|\btout (?:accepter|refuser)\b|\bparamétrer (?:les )?cookies\b|\bgérer (?:mes|les) "
    r"(?:préférences|cookies|choix)\b|\balle (?:akzeptieren|ablehnen|zulassen)\b|\bcookie-einstellungen\b|"
    r"\b(?:aceptar|rechazar) (?:todas?|cookies)\b|\bconfigurar cookies\b", re.I)


_BANNER_TOPIC = re.compile(r"cookie|\btrack(?:ing|ers?)\b|\btraceurs?\b|similar technologies|technologies similaires", re.I)


def banner_text(plain: str, around: str = "") -> bool:
    """Whether a sentence (``plain``) is a cookie banner's or consent screen's, captured with the
    page: it tells what a click means ("By clicking Accept, you agree to ..."), or says the site uses
    cookies to improve the experience with a banner's button in ``around`` (the sentence's
    paragraph and the next: "Accept all", "Manage preferences", "Tout accepter"). A cookie
    policy's own statement of what its cookies do, with no button beside it, is a term."""
    if not _BANNER_TOPIC.search(plain):  # "By clicking I agree, you accept these Terms" is the terms' own
        return False
    if _BANNER_CLICK.search(plain):
        return True
    return bool(_BANNER_SAYS.search(plain)) and bool(_BANNER_BUTTON.search(around or plain))


@dataclass(eq=False)  # identity: one sentence is one bullet
class _Sentence:
    clause: Clause
    section: str
    plain: str
    short: str | None
    labels: Labels
    facts: tuple[Fact, ...]
    concern: str
    watch: tuple[str, ...]
    order: int
    heading_cats: tuple[str, ...] = ()
    table: bool = False
    first: bool = False
    broken: str = ""  # why the sentence cannot stand alone, when that is known before compression
    lowers: frozenset[str] = frozenset()  # names the document writes in lower case ("npm"), if any

    @property
    def text(self) -> str:
        """The bullet: compressed on first use (most sentences never become one)."""
        if self.short is None:
            self.short = _keep_case(compress(self.plain), self.lowers)
        return self.short

    @property
    def usable(self) -> bool:
        """Whether the bullet reads as a whole statement on its own (see ``fragment``)."""
        text = self.text
        reason = self.broken or fragment(text)
        if reason == "no main clause" and text == self.plain and _main_after_condition(text):
            reason = ""  # a whole sentence whose condition has no comma: "If you cancel within 14 days ... we refund it"
        if reason and not (reason == "no verb" and self.clause.kind == "table"):  # a table row is all facts
            return False
        # cut at its 25th word: the words kept must still hold a verb ('Our Refund Policy, Content Policy, …')
        return not text.endswith("…") or _whole(text[:-1])


_SENTENCE_WORD = re.compile(r"\b(?:i|we|you|your|our|us|they|it|is|are|was|were|be|been|will|would|may|might|must|"
                            r"can|cannot|could|shall|should|has|have|had|do|does|did|not)\b", re.I)


def _stated(plain: str) -> bool:
    """Whether a short text ending with a full stop is a sentence: a verb after its subject
    ("Plans renew monthly.", "Fees apply."), not a title ("Use of cookies.", "Limitation of liability.")."""
    from tracker.analysis.boilerplate import _VERBS, MODALS, STOPWORDS

    if not plain.rstrip().endswith((".", "!")):
        return False
    ws = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", plain)]
    return any((w in _VERBS or w in MODALS) and ws[i - 1] not in STOPWORDS and (ws[i + 1:i + 2] or [""])[0] != "of"
               for i, w in enumerate(ws) if i)


def _title_like(plain: str) -> bool:
    """A heading written as a paragraph ("Limitation of Liability.", "Personal Data", "No Class
    Actions"): a few words, no pronoun or auxiliary verb, so no sentence a bullet could state; a
    short sentence with a verb and a full stop ("Plans renew monthly.") is none."""
    t = re.sub(r"[^\w\s'’-]", " ", plain)
    n = words(t)
    if n == 0 or _SENTENCE_WORD.search(t) or re.search(r"\d", t) or _stated(plain):  # a number is a fact
        return False
    title_case = all(w[:1].isupper() for w in t.split() if len(w) >= 4)
    return n <= 4 or (n <= 8 and title_case)


# A first column whose name a row's name is one of ("Pro" under "Plan" is the Pro plan)
_ROW_NOUN = frozenset("plan plans tier tiers package packages subscription subscriptions edition editions level "
                      "levels membership memberships bundle bundles offer offers option options account accounts "
                      "product products license licence".split())
# Column names that say nothing a value does not ("Value", "Details"): the value alone
_BLANK_HEADER = frozenset("value values detail details description descriptions information info notes note "
                          "comment comments text content answer answers amount amounts".split())
_VALUE_MAX = 4  # words: a longer cell is a statement of its own, read without its column's name


def _header(name: str) -> str:
    """A column name as read inside a sentence: 'Price' -> 'price', 'API calls' kept."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _named_cell(cell: str, column: str) -> str:
    """A row's cell said with its column's name: '$20/month' under 'Price' -> 'price $20/month',
    '5' under 'Seats' -> '5 seats'; the cell alone when the name adds nothing or the cell is prose."""
    name = _header(column.strip())
    count = re.fullmatch(r"\d[\d,.]*", cell) is not None
    # a one-word column name reads as a unit ("price", "seats"); a longer one ("Your Coinbase Service
    # Provider") does not run into its value, but a count's does ('1,000 monthly requests')
    # a longer cell is read alone unless it is a quantity ("$30 per user per month" is a price as "$0" is:
    # the rows of one table say their values alike)
    long = words(cell) > _VALUE_MAX and not (re.match(r"(?:[$€£¥]\s?)?\d", cell) and _card_line(cell))
    if not name or name.casefold() in _BLANK_HEADER or long or words(name) > (3 if count else 1) \
            or name.casefold() in cell.casefold():
        return cell
    if count:  # a count: '5 seats', '1 seat'
        if cell == "1" and re.search(r"[^s]s$", name):
            name = name[:-1]
        return f"{cell} {name}"
    return f"{name} {cell}"


def _table_row(clause: Clause) -> str:
    """A table row as 'First cell: second cell, ...' (pipes dropped), each value said with its
    column's name when the table has a header row ('| Plan | Price | Seats |' over '| Pro | $20 | 5 |'
    -> 'Pro plan: price $20, 5 seats'): a bare '$20; 5' tells a reader nothing."""
    lines = [ln for ln in clause.text.splitlines() if ln.strip().startswith("|")]
    rule = next((i for i, ln in enumerate(lines) if re.fullmatch(r"[\s|:\-]+", ln)), None)
    rows = [ln for ln in lines if not re.fullmatch(r"[\s|:\-]+", ln)]
    if not rows:
        return plain_text(clause.text)
    heads: list[str] = []
    if rule and rule < len(lines) - 1:  # a header row above the rule, and a data row below it
        heads = [plain_text(c.strip()) for c in lines[rule - 1].strip().strip("|").split("|")]
    raw = [plain_text(c.strip()) for c in rows[-1].strip().strip("|").split("|")]
    if len(heads) != len(raw):  # a header that does not line up names nothing
        heads = []
    pairs = [(c, heads[i] if heads else "") for i, c in enumerate(raw) if c]
    cells = [c for c, _ in pairs]
    if len(cells) >= 2:
        name, first = pairs[0]
        if first.casefold() in _ROW_NOUN and first.casefold().rstrip("s") not in name.casefold():
            name = f"{name} {first.lower().rstrip('s') if first.casefold().endswith('s') else first.lower()}"
        said = [_named_cell(c, h) for c, h in pairs[1:]] if heads and len(pairs) > 2 else []
        # some value named by its column, or a row of plans (each row of the table said alike): one phrase
        if said and (said != cells[1:] or first.casefold() in _ROW_NOUN):
            return f"{name}: {', '.join(said)}"
        if heads and len(pairs) == 2 and re.fullmatch(r"\d[\d,.]*", pairs[1][0]):  # a bare count: its column is its unit
            return f"{name}: {_named_cell(*pairs[1])}"
        return f"{name}: {'; '.join(cells[1:])}"  # one value ('Card fee | 5%'): the row's name says what it is
    return cells[0] if cells else ""


_BR = re.compile(r"<br\s*/?>", re.I)
_PROSE_CELL = 2 * MAX_WORDS  # words: a cell longer than this is prose (a legal text), not a value


def _row_cells(clause: Clause) -> list[str]:
    """The cells of a table row clause's last row, as Markdown (pipes dropped, empty cells left
    out); [] when the clause holds no row."""
    rows = [ln for ln in clause.text.splitlines() if ln.strip().startswith("|") and not re.fullmatch(r"[\s|:\-]+", ln)]
    if not rows:
        return []
    return [c.strip() for c in rows[-1].strip().strip("|").split("|") if c.strip()]


def _cell_pieces(cells: Sequence[str]) -> list[tuple[str, str | None]]:
    """The sentences of a row whose cells are prose ("legal text | plain summary"), each cell read
    on its own (never glued to the next with ': '), its '<br>' breaks as paragraph ends: a list
    of (sentence, heading), heading the bold or title line of the cell before it (None when the
    cell has none yet)."""
    out: list[tuple[str, str | None]] = []
    for cell in cells:
        heading: str | None = None
        for par in (p.strip() for p in _BR.split(cell)):
            if not par:
                continue
            plain = plain_text(par)
            if len(par) < 200 and (title := _pseudo_heading(par, plain)) is not None:
                heading = title
                continue
            if run_in := _run_in_heading(par):
                heading, par = run_in
            out.extend((piece, heading) for piece in split_sentences(inline_list(par)))
    return out


def _table_of(clause: Clause) -> str:
    """The table a row clause belongs to ('pricing/t1' for 'pricing/t1.card-fee')."""
    return re.sub(r"(/t\d+)\.[^/]*$", r"\1", clause.id)


# a lead-in without its colon: 'You agree not to', 'you will not'
_OPEN_LEAD = re.compile(r"\b(?:(?:agrees?|undertakes?) not to|(?:will|shall|must|may) not|agrees? to|are not (?:allowed|"
                        r"permitted) to)$", re.I)


_ENUM = r"(?:\(?[a-zA-Z]{1,2}\)|\(?[ivxlIVXL]{1,6}[.)]|\d{1,3}[.)])"
_ITEM_MARK = re.compile(rf"^(?:[-*+•]\s+(?:{_ENUM}\s*)?|{_ENUM}\s*)(?=\S)")


class _Leads:
    """Lead-ins of list items, read in document order: for an item, the sentence that introduces
    its list ('You must not:') and the parent items that end with a colon. Kept per list, not
    searched for, so an item of a list of hundreds still has its lead-in."""

    def __init__(self) -> None:
        self.lead = ""  # the list's own lead-in, shortened ('you will not')
        self.lost = False  # the list has a lead-in too long to carry
        self.parents: list[tuple[int, str]] = []  # (depth, text) of the open ancestor items
        self.before = ""  # the paragraph before the list, read when its first item comes

    def visit(self, clause: Clause, text: str) -> tuple[str, bool]:
        """Call for every clause in order with its text; returns (lead-in, lead-in lost) for an
        item, ('', False) for anything else."""
        if clause.kind != "item":
            self.lead, self.lost, self.parents = "", False, []
            self.before = text if clause.kind in ("paragraph", "sentence") else ""
            return "", False
        if self.before:  # the list's first item: its lead-in is the last sentence before it
            plain = plain_text(_LEAD_NUMBER.sub("", self.before, count=1)).strip()
            self.before = ""
            last = split_sentences(plain)[-1] if plain else ""
            if last.endswith(":") or _OPEN_LEAD.search(last):
                lead = re.sub(r"^(?:when|while) using the service,?\s+", "", last.rstrip(":"), flags=re.I)
                self.lead = _short_lead(lead)
                self.lost = not self.lead
        # only an item ending with a colon leads in its children: read only those
        plain = plain_text(_LEAD_NUMBER.sub("", text, count=1)).strip() if ":" in text[-4:] else ""
        depth = clause.id.rsplit("/", 1)[-1].count(".")
        while self.parents and self.parents[-1][0] >= depth:
            self.parents.pop()
        parts = [self.lead] if self.lead else []
        parts += [re.sub(r",?\s*(?:including|such as)(?:\s+by)?:$", " by", t).rstrip(":")
                  for _, t in self.parents if t.endswith(":")]
        self.parents.append((depth, plain))
        return " ".join(parts), self.lost and not parts


def _concern(cats: Sequence[str], watch: Sequence[str], heading_cats: Sequence[str]) -> str:
    cats = [c for c in cats if c in _CONCERN_OF]
    if not cats:
        return ""
    for c in heading_cats:
        if c in cats:
            return _CONCERN_OF[c]
    ranked = sorted(cats, key=lambda c: (c not in watch, _SPECIFIC.index(c) if c in _SPECIFIC else 99))
    return _CONCERN_OF[ranked[0]]


# --- plans of a pricing page -----------------------------------------------------------------
# A pricing page lists its plans as cards: a name ('Team'), its price on a line of its own ('15 USD
# per seat per month', 'Free', 'Contact sales') and what it includes ('2 million tokens per seat per
# month', 'Up to 50 seats'). Read line by line such a card gives no statement (a price with no plan,
# a name taken for a heading), so a card is read whole: one key term per plan, from its own lines.

# a price said in words, the whole line ('Free', 'Free forever', 'Contact sales', 'Custom pricing')
_PRICE_WORDS = re.compile(r"^(?:free(?:\s+forever)?|contact\s+(?:sales|us)|custom(?:\s+pric\w+)?|let['’]s\s+talk|"
                          r"get\s+a\s+quote|pay[- ]as[- ]you[- ]go|gratuit|kostenlos|gratis)\W*$", re.I)
# a price stated first on its line: '$24 per seat ...', '15 USD per ...', '€9/month', 'From $5 a month'
_PRICE_FIRST = re.compile(r"^(?:(?:from|starting\s+at|only)\s+)?(?:(?:US|CA|AU|NZ|S)?[$€£¥]\s?\d|\d[\d,.]*\s?(?:[$€£¥]|"
                          r"(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR)\b))", re.I)
# a statement, not a card's line: a finite verb or a person ('Extra usage is billed at $3 ...')
_STATED = re.compile(r"\b(?:is|are|was|were|will|would|may|might|must|can|cannot|shall|should|you|we|our|(?-i:us)|they|"
                     r"it|has|have|do|does)\b", re.I)
_CARD_LINE_MAX = 14  # words: a longer line is prose
_MAX_PLANS = 6


@dataclass(frozen=True)
class _Plan:
    name: str
    price: str
    allowance: str
    clause: Clause  # the clause of its price line
    lines: frozenset[str]  # the ids of the clauses its card's lines are in

    @property
    def text(self) -> str:
        """'Team: 15 USD per seat per month; 2 million tokens per seat per month.'"""
        price, allowance = _lower_first(self.price), _lower_first(self.allowance)
        return _tidy(f"{self.name}: {price}" + (f"; {allowance}" if allowance else ""))


def _lower_first(text: str) -> str:
    """'Free' -> 'free' inside a phrase; 'SSO', '$24' and '2 million' kept."""
    return text if text[:2].isupper() or not text[:1].isalpha() else text[:1].lower() + text[1:]


def _card_line(plain: str) -> bool:
    """A line a plan's card may hold: short, and no statement."""
    return 0 < words(plain) <= _CARD_LINE_MAX and not _STATED.search(plain) and not plain.rstrip().endswith(("?", ":"))


def price_line(plain: str) -> bool:
    """Whether a line of a pricing page is a plan's price ('$24 per seat per month, billed annually',
    'Free', 'Contact sales'), not a sentence about prices ('Extra usage is billed at $3 ...')."""
    if re.search(r"\]\(|https?:", plain):  # a link's debris is no price
        return False
    return bool(_PRICE_WORDS.match(plain)) or (_card_line(plain) and bool(_PRICE_FIRST.match(plain)) and
                                               any(f.kind == "money" for f in extract_facts(plain)))


def _allowance_line(plain: str) -> bool:
    """A line saying how much a plan includes ('2 million tokens per month', 'Up to 50 seats',
    'Unlimited projects'): a number or 'unlimited', no price."""
    return _card_line(plain) and bool(re.search(r"\d|\bunlimited\b", plain, re.I)) and not price_line(plain)


def _plan_name(plain: str) -> bool:
    """A line that can name a plan ('Team', 'Pro Plus', 'Tier 2'): at most three words, capitalised,
    no punctuation, no statement, not a price."""
    t = plain.strip()
    return 0 < words(t) <= 3 and t[:1].isupper() and not re.search(r"[^\w\s&'’+-]", t) and not _STATED.search(t) \
        and not price_line(t)


def _plans(clauses: Sequence[Clause], texts: Sequence[str]) -> list[_Plan]:
    """The plans a pricing page lists as cards, in document order: [] unless at least two cards
    (a name, then its price within its first lines) are found, so that a legal text with one
    'Fees' heading over a price gets none."""
    blocks: list[tuple[str, list[tuple[str, Clause]]]] = []
    for clause, text in zip(clauses, texts):
        if clause.kind == "heading":
            name = HEAD_NUMBER.sub("", plain_text(re.sub(r"^#{1,6}\s*", "", text)), count=1).strip()
            blocks.append((name, []))
            continue
        if clause.kind == "table":
            blocks.append(("", []))  # a table of plans is read as its rows
            continue
        first = clause.kind == "paragraph" or (clause.kind == "sentence" and clause.id.endswith(".s1"))
        for n, line in enumerate(ln for ln in text.splitlines() if ln.strip()):
            plain = plain_text(_ITEM_MARK.sub("", line.strip(), count=1)).strip()
            if not plain:
                continue
            if first and n == 0 and _plan_name(plain):  # a name opens its card: a feature line does not
                blocks.append((plain.rstrip("."), []))
            elif blocks:
                blocks[-1][1].append((plain, clause))
    plans: list[_Plan] = []
    for name, lines in blocks:
        if not name or not _plan_name(name):
            continue
        at = next((k for k, (plain, _) in enumerate(lines[:3]) if price_line(plain)), None)
        if at is None:
            continue
        price, clause = lines[at]
        allowance = next((plain for plain, _ in lines[at + 1:] if _allowance_line(plain)), "")
        card = frozenset(c.id for plain, c in lines if _card_line(plain))
        plans.append(_Plan(name, price.rstrip("."), allowance.rstrip("."), clause, card))
    return plans[:_MAX_PLANS] if len(plans) >= 2 else []


# --- glossary tooltips -------------------------------------------------------------------------
# Some pages define their terms in tooltips, and the definition lands in the text glued to the
# term: "RobloxThe Roblox Corporation, including ... B.V. offers". A definition is recognised by
# its glue (a lower-case letter, or an acronym, straight before a capital) and by repeating: every
# use of the term carries the same words, so the common start of what follows each glue is the
# definition. Archived text is left as it is; only the summary's reading of it drops them.

_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z](?:[a-z]|\s))|(?<=[A-Z]{2})(?=[A-Z][a-z])")  # "RobloxThe", "PIIThe", "PremiumA "
_GLOSS_START = re.compile(r"^(?:The|Any|A|An|All|Each|Stands for|Means|Refers to)\b")
_GLOSS_WINDOW = 2000  # characters read after a glue; a definition is shorter


@lru_cache(maxsize=8)
def glossary(markdown: str) -> tuple[tuple[str, ...], ...]:
    """Tooltip definitions glued to their terms in ``markdown``, by round, for ``without_glosses``.

    Definitions nest (a term's definition uses another defined term), so they are found in
    rounds: the definitions of one round are removed before the next round looks again, and
    ``without_glosses`` removes them in the same order."""
    rounds: list[tuple[str, ...]] = []
    for _ in range(4):
        more = _glossary_round(markdown, bool(rounds))
        if not more:
            break
        rounds.append(more)
        markdown = without_glosses(markdown, (more,))
    return tuple(rounds)


def _glossary_round(markdown: str, known: bool) -> tuple[str, ...]:
    """One round of ``glossary``: the definitions found, longest first. ``known``: an earlier
    round found some, so this document uses tooltips.

    A definition repeated after the same term at least twice is kept when it has 6 words or
    more, or 3 when it starts like a definition ('The', 'Any', 'Stands for'); once a document has
    one, a definition seen once is kept when it starts like one and ends with its first full
    stop. Returns () for ordinary text, camel-case names (YouTube, PayPal) included."""
    groups: dict[tuple[str, str], list[str]] = {}
    for m in _GLUE.finditer(markdown):
        pos = m.start()
        left = re.search(r"[\w'’]+$", markdown[max(0, pos - 40):pos])
        rest = markdown[pos:pos + _GLOSS_WINDOW]
        head = " ".join(rest.split()[:3])
        if left and " " in rest[:40]:
            groups.setdefault((left.group(0), head), []).append(rest)
    found: list[str] = []
    singles: list[str] = []
    todo = list(groups.values())
    while todo:
        rests = todo.pop()
        if len(rests) < 2:
            singles.extend(rests)
            continue
        common = _common_prefix(rests)
        if len(common) >= _GLOSS_WINDOW - 1:
            continue  # a repeated passage, not a definition
        # a definition is whole sentences: up to the last full stop all its uses share
        ends = list(re.finditer(r"[.!?][”\"’)]*(?=\s|$)", common))
        if not ends:
            # two definitions starting alike ('LicenseThe non-exclusive, limited, revocable, non-sublicensable'
            # and '... non-transferable'): each on its own; or one with another inside, for a later round
            if len(common.split()) >= 3:
                n = len(common.split()) + 1
                sub: dict[str, list[str]] = {}
                for r in rests:
                    sub.setdefault(" ".join(r.split()[:n]), []).append(r)
                if len(sub) > 1:
                    todo.extend(sub.values())
            continue
        common = common[: ends[-1].end()].strip()
        n = words(common)
        if _named_elsewhere(markdown, rests):
            continue  # 'OwnMoney balance to the same bank account ...': a product name, used elsewhere too
        if _GLUE.search(" ".join(common.split()[:3])):
            continue  # 'DevEx ProgramAn exclusive ...': the first glue is a camel-case name
        if n >= 6 or (n >= 3 and _GLOSS_START.match(common)):
            found.append(common)
    if found or known:
        for rest in singles:
            single = re.match(r"(.{10,300}?[.])(?=\s+[a-z]|\s*$)", rest, re.S)
            if _GLOSS_START.match(rest) and single:
                found.append(single.group(1))
    return tuple(sorted(set(found), key=len, reverse=True))


def _named_elsewhere(markdown: str, rests: Sequence[str]) -> bool:
    """Whether the glued word of ``rests`` ('Money' of 'OwnMoney') stands in ``markdown`` after
    the same left part more often than the supposed definition follows it: then the glue is a
    camel-case name ('OwnMoney', used as 'the OwnMoney balance', 'use of OwnMoney'), not a
    tooltip glued to its term (a tooltip follows its term each time)."""
    first = re.match(r"[A-Z][\w'’-]*", rests[0])
    if not first:
        return False
    for m in _GLUE.finditer(markdown):
        if markdown.startswith(first.group(0), m.start()):
            left = re.search(r"[\w'’]+$", markdown[max(0, m.start() - 40):m.start()])
            if left:
                token = re.escape(left.group(0) + first.group(0))
                return len(re.findall(rf"(?<![\w'’]){token}(?![a-z])", markdown)) > len(rests) + 1
    return False


def _common_prefix(texts: Sequence[str]) -> str:
    first, last = min(texts), max(texts)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def without_glosses(text: str, glosses: Sequence[Sequence[str]]) -> str:
    """``text`` without the tooltip definitions ``glosses`` (``glossary``'s rounds, in order); a
    definition matches across any whitespace (a list item's continuation lines lose their
    indentation)."""
    for one_round in glosses:
        text = _gloss_pattern(tuple(one_round)).sub("", text)
    return text


@lru_cache(maxsize=8)
def _gloss_pattern(glosses: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a round of definitions. A long paragraph is split into sentence clauses,
    and a definition of several sentences with it: its first sentences may end a clause (after
    the glue) and its last ones open the next clause."""
    def words_of(text: str) -> str:
        return r"\s+".join(map(re.escape, text.split()))

    whole: list[str] = []
    heads: list[str] = []
    tails: list[str] = []
    for g in glosses:
        whole.append(words_of(g))
        parts = split_sentences(g)
        for k in range(1, len(parts)):
            heads.append(words_of(" ".join(parts[:k])))
            tails.append(words_of(" ".join(parts[k:])))

    def longest_first(items: list[str]) -> str:
        return "|".join(sorted(set(items), key=len, reverse=True))

    pattern = r"(?<=[\w)])(?:" + longest_first(whole) + ")"
    if heads:
        pattern += r"|(?<=[\w)])(?:" + longest_first(heads) + r")(?=\s*$)|^\s*(?:" + longest_first(tails) + ")"
    return re.compile(pattern)


# --- headings a Markdown parser does not see ---------------------------------------------------

_RUN_IN = re.compile(r"^\s*(?:\*\*|__)(?P<title>[^*_]{2,90}?)(?:\*\*|__)\s*[.:]?\s*(?=\S|$)")
_TOC_LINE = re.compile(r"^\s*\[[^\]]+\]\(#[^)]*\)\s*$")  # "[14. Modification of these Terms.](#EU14)"


_SETEXT = re.compile(r"^[ ]{0,3}(\S[^\n]{0,200})\n[ ]{0,3}(?:-{2,}|={2,})[ \t]*$", re.M)


def _setext_titles(markdown: str) -> frozenset[str]:
    """Lines underlined with '---' or '===' (Markdown setext headings): the clause splitter keeps
    them as paragraphs, but a reader sees headings."""
    return frozenset(m.group(1).strip() for m in _SETEXT.finditer(markdown)) if "--" in markdown or "==" in markdown \
        else frozenset()


def postal_line(text: str) -> bool:
    """Whether a short line is a postal address ('Zorblio Ltd, 12 Quay Street, Galway H91 X2Y3',
    'P.O. Box 1234, Springfield'): most of its characters inside an address, no verb."""
    t = text.strip()
    if not t or words(t) > 20 or _VERB.search(t):
        return False
    covered = sum(b - a for a, b in address_spans(t))
    return covered >= 0.6 * len(t) or bool(re.match(r"(?:P\.?\s?O\.?\s+Box|Postfach|BP)\s+\d", t, re.I))


def _pseudo_heading(markdown: str, plain: str) -> str | None:
    """A paragraph or sentence that is a heading in all but markup ('**Liability.**', a setext
    title the clause splitter kept as text, '**2.1 Booking**.'): its text, else None. A table of
    contents line (a link to an anchor) and a postal address in bold are not headings."""
    if postal_line(plain):
        return None
    bold = re.fullmatch(r"\s*(?:\*\*|__)[^*_]+(?:\*\*|__)[.:]?\s*", markdown) is not None
    if bold and plain and _heading_line(HEAD_NUMBER.sub("", plain, count=1).rstrip("?.:")):
        return plain  # '**3. How Do You Start The Arbitration Process?**': a question as a title
    if _TOC_LINE.match(markdown) or not plain or _SKIP.search(plain) or not (plain[0].isupper() or plain[0].isdigit()):
        return None  # a heading starts with a capital or its number ('for the first time' is a piece of a sentence)
    if plain.endswith(":") and (_PREPOSITION.match(plain) or _SUBORDINATOR.match(plain)):
        return None  # 'In this User Agreement:' introduces what follows
    bare = HEAD_NUMBER.sub("", plain, count=1)
    if _title_like(bare) or _heading_line(bare) or (re.fullmatch(r"\s*(?:\*\*|__)[^*_]+(?:\*\*|__)[.:]?\s*", markdown)
                             and words(plain) <= 12 and not plain.rstrip().endswith((".", "!", "?"))):
        return plain
    return None


def _heading_line(plain: str) -> bool:
    """A title on its own line ('6. Staying Safe While Using Our Services', which a Markdown setext
    underline made a heading): at most 12 words, no closing punctuation, its long words capitalised."""
    t = plain.strip()
    if not t or t[-1] in ".!?;:,)" or words(t) > 12 or re.search(r"\d{3,}|[@/]", t):
        return False
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", t) if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def _run_in_heading(markdown: str) -> tuple[str, str] | None:
    """A paragraph opening with a bold title ('**9. Offer of Judgment.** At least ...'):
    (title, the rest of the paragraph), else None."""
    m = _RUN_IN.match(markdown)
    if not m or not markdown[m.end():].strip():
        return None
    title = plain_text(m.group("title")).strip()
    if not title[:1].isupper() and not title[:1].isdigit() or m.group("title").lstrip().startswith("["):
        return None  # '**[here](...)**': emphasis, not a title
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})+\.?", title):
        return title, markdown[m.end():].strip()  # '**5.5** Wise reserves ...': a numbered clause
    bare = HEAD_NUMBER.sub("", title, count=1)
    if not (_title_like(bare) or _heading_line(bare.rstrip("?.:"))):  # 'How Do You Start The Process?'
        return None
    return title, markdown[m.end():].strip()


# --- whole statements ---------------------------------------------------------------------------
# A bullet is read alone, so it must be a statement on its own: not a piece of a sentence ("At
# least 14 days before the hearing."), not a list item without its lead-in ("Not impersonate
# anyone."), not a sentence whose subject is in the sentence before ("It will take place in ...").

_PREPOSITION = re.compile(r"^(?:at|for|with|within|in|on|by|from|to|of|under|upon|before|after|during|regardless|"
                          r"including|excluding|except|without|between|through|via|per|against|among|beyond|"
                          r"irrespective|absent|following|pursuant|due to|because of)\b", re.I)
_SUBORDINATOR = re.compile(r"^(?:if|when|whenever|where|wherever|unless|although|though|while|once|because|since|"
                           r"provided(?: that)?|in the (?:\w+ )?event(?: that| of)?|in case|so long as|as long as|whether|"
                           r"even if|until|so that|to the (?:extent|degree)(?: that)?)\b", re.I)
_NO_SUBJECT = re.compile(r"^(?:is|are|was|were|be|been|being|will|shall|may|might|must|can|cannot|could|should|would|"
                         r"has|have|had|not|and|or|but|nor|which|who|whom|whose|then|thereafter|thereby|therefore|"
                         r"also|too|as well|plus|etc)\b", re.I)
_DANGLING = re.compile(r"^(?:it|its|they|their|them|this|these|that|those|such|he|she|his|her|said|only then|"
                       r"in (?:that|this|such|either|each) case|in those cases|otherwise)\b", re.I)
# "These Terms", "This Agreement": a determiner pointing at the document itself is no lost referent
_SELF = re.compile(r"^(?i:this|these)\s+(?:[A-Z][\w-]*\s+){0,3}(?i:terms?|agreements?|conditions|polic(?:y|ies)|"
                   r"guidelines|notice|statement|(?:user )?agreement|documents?|services?|websites?|sites?|apps?|"
                   r"applications?|platforms?)\b")
_IT_IS = re.compile(r"^it\s+(?:is|will be|may be|shall be|remains)\s+(?:\w+\s+){0,2}?(?:to|that|for)\b", re.I)
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|will|would|may|might|must|can|cannot|could|shall|should|has|have|"
                   r"had|do|does|did|agree|agrees|apply|applies|means|[a-z]+s\s+(?:to|the|a|an|any|all|your|our|"
                   r"its|their|that|no|not|you|us|them)|[a-z]+ed\s+(?:to|the|a|an|your|our|its|their|that|you|us|them))\b",
                   re.I)
_VERBISH = re.compile(r"\b(?:i|we|you|they|he|she|it|is|are|was|were|be|been|will|would|may|might|must|can|cannot|"
                      r"could|shall|should|has|have|had|do|does|did|agree|agrees|apply|applies|means)\b", re.I)


# 'that payment', 'such content', 'these fees': a noun the sentence before introduced. Not the
# document itself ('these Terms', 'this section'), not 'such as', not 'so that you' (a conjunction).
_DEMONSTRATIVE = re.compile(
    r"(?:\b(?:with|for|from|of|to|by|in|on|under|about|through|against|at|into|over|regarding) that|"
    r"\b(?:this|these|those|such))\s+(?!(?:as|a|an|the|is|are|was|were|be|will|may|must|can|could|would|should|"
    r"shall|might|you|we|they|it|he|she|your|our|their|its|his|her|there|any|all|each|no|not|if|when|where|to|of|"
    r"in|on|by|for|with|and|or|time|times|extent|date|way|ways|case|cases|reason|purposes?|terms?|agreements?|"
    r"polic(?:y|ies)|sections?|clauses?|paragraphs?|documents?|notices?|statements?|services?|websites?|sites?|"
    r"apps?|applications?|platforms?|pages?|provisions?|guidelines|rules|conditions|contract|other|same|one|"
    r"matters?|things?|day|year|month|week|period|country|jurisdiction|law|laws|event)\b)([a-z][\w-]{2,})\b")


def unintroduced(text: str) -> str:
    """The noun a demonstrative in ``text`` points back to without the text naming it first
    ('payment' in 'We may remove the credits bought with that payment.'), '' when there is none:
    such a sentence leans on the one before it."""
    for m in _DEMONSTRATIVE.finditer(text):
        noun = m.group(1).lower()
        stem = noun[:5] if len(noun) > 5 else noun.rstrip("s")
        if stem not in text[: m.start()].lower():
            return noun
    return ""


# A subject that starts the main clause after a condition written without a comma ("If you cancel
# within 14 days of your first payment we refund it in full"), and the words before it that would
# make it the condition's own (a second condition: "... before we ship", "... and you ask").
_MAIN_SUBJECT = re.compile(r"\s(?:we|you|they)\s+(?!(?:to|of|in|on|at|for|with|by|from|and|or|that|who|which|without|"
                           r"about|into|as|if|when|unless|because|before|after|until|than)\b)"
                           r"(?:(?:will|may|must|shall|can|cannot|would|could|should|might|do|does|are|is|have|has)\b|"
                           r"[a-z]+\b(?<!ing))", re.I)
_LINKS_CONDITION = frozenset("""before after when whenever if unless until that and or because since than as while
    once where which who whom so whether where for to with by of from about at on in into upon without like
    against between among through via per""".split())


def _main_after_condition(text: str) -> bool:
    """Whether a sentence that opens with a condition and no comma ("If you cancel within 14 days
    of your first payment we refund it in full") has a main clause of its own after it: a
    pronoun subject and its verb past the condition's own, not led in by a conjunction."""
    first = re.match(r"^\S+\s+(?:\S+\s+){0,3}?(?:we|you|they|[A-Z][\w&.-]*)\s+\S+", text, re.I)
    if first is None or not _SUBORDINATOR.match(text) or "," in text:
        return False
    for m in _MAIN_SUBJECT.finditer(text, first.end()):
        before = text[:m.start()].split()
        if before and before[-1].lower().strip(",") not in _LINKS_CONDITION:
            return True
    return False


def fragment(text: str) -> str:
    """Why ``text`` (a plain bullet) is not a statement a reader can take alone, or '' when it is:
    'no subject' (starts with a verb, a conjunction or 'then'), 'lost referent' ('It ...',
    'Such refusals ...'), 'no main clause' ('At least 14 days before ...', 'If we are liable.')."""
    t = text.strip().lstrip("-–—•●▪◦·*_ ")
    if not t:
        return "empty"
    if _NO_SUBJECT.match(t):
        return "no subject"
    if _DANGLING.match(t) and not _SELF.match(t) and not _IT_IS.match(t):
        return "lost referent"
    if words(t) <= 12 and re.search(r"\b(?:do|doing|did) so\b", t, re.I):  # 'You may need to do so there.'
        return "lost referent"
    if unintroduced(t):  # 'We may remove the credits bought with that payment.'
        return "lost referent"
    rest = t
    # leading phrases and conditions ('Regardless of X, if we are liable, we ...'): the main clause follows
    while (_PREPOSITION.match(rest) or _SUBORDINATOR.match(rest)) and ", " in rest:
        rest = re.sub(r"^(?:and|or|but)\s+", "", rest.split(", ", 1)[1])
    if _SUBORDINATOR.match(rest):
        return "no main clause"
    if rest is not t and _DANGLING.match(rest) and not _SELF.match(rest) and not _IT_IS.match(rest) and \
            not re.search(r"\b(?:a|an|any|your|the)\b", t[: len(t) - len(rest)], re.I):
        return "lost referent"  # 'If you ask, it will be sent by post': the condition names nothing 'it' is
    if (_PREPOSITION.match(rest) or _PREPOSITION.match(t)) and not _VERBISH.search(rest):
        return "no main clause"
    if rest is not t and _NO_SUBJECT.match(rest):
        return "no main clause"
    if re.match(r"as\b", t, re.I) and ", " not in t:  # 'As may be applicable.'
        return "no main clause"
    if t.count(")") > t.count("("):  # the end of a parenthesis: 'User already holds) and ...'
        return "no main clause"
    if not _VERB.search(t):
        # 'Your right to terminate.', 'Tampering with the Services, conducting fraud.', a list of names
        first = t.split()[0].lower()
        names = re.findall(r"[^\W\d_][\w'’-]*", t)
        listed = t.count(",") + t.count(";") >= 2 and sum(w[0].isupper() for w in names) >= 0.6 * max(len(names), 1)
        if first.endswith("ing") or listed or (words(t) <= 6 and not re.search(r"\w(?:s|ed)\b", t[len(first):])):
            return "no verb"
    return ""


_SUBJECT = re.compile(r"^(?P<np>(?:(?:the|a|an|any|all|each|every|your|our|such)\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
                      r"\s*(?:[—–(][^—–()]{0,80}[—–)]\s*)?"
                      r"\s+(?:will|may|must|shall|can|cannot|could|should|would|might|is|are|has|have|does|do)\b",
                      re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:i|we|you|they|it|he|she|this|that|these|those|there|each of us|either party)$",
                              re.I)


def _subject(sentence: str) -> str:
    """The subject of a plain sentence ('any arbitration hearing' in 'Unless agreed, any
    arbitration hearing will be held by video'), '' when it is a pronoun or not found."""
    t = _LEAD_PHRASES.sub("", sentence.strip(), count=1)
    while (_PREPOSITION.match(t) or _SUBORDINATOR.match(t)) and ", " in t:
        t = t.split(", ", 1)[1]
    m = _SUBJECT.match(t)
    if not m:
        return ""
    np = m.group("np").strip()
    if _PRONOUN_SUBJECT.match(np) or _SUBORDINATOR.match(np) or _PREPOSITION.match(np):
        return ""
    return np


def _resolve(plain: str, previous: str) -> str:
    """A sentence opening with 'It' or 'They' as its subject, that subject taken from the
    sentence before ('It will take place in X.' after 'Any hearing will be held by video.' ->
    'Any hearing will take place in X.'); ``plain`` unchanged when that cannot be done safely."""
    m = re.match(r"^(it|they)\s+(?=(?:will|may|must|shall|can|cannot|could|should|would|might|is|are|has|have|"
                 r"does|do|also)\b)", plain, re.I)
    if not m or not previous or _IT_IS.match(plain):
        return plain
    subject = _subject(previous)
    plural = bool(re.search(r"(?:s|\band\s+\S+)$", subject))
    if not subject or words(subject) > 6 or plural != (m.group(1).lower() == "they"):
        return plain
    return subject[:1].upper() + subject[1:] + " " + plain[m.end():]


_LEAD_CORE = re.compile(r"(?:^|[,;]\s+|\band\s+)((?:you|we|users?|customers?|members?|[A-Z][\w&.-]*)\s+(?:(?:will|shall|must|"
                        r"may|agree(?:s)?|cannot|can|are|is)(?:\s+not)?(?:\s+(?:to|be|have))?|agree(?:s)? not to|"
                        r"(?:are|is) not (?:allowed|permitted) to|(?:are|is) (?:responsible|required) (?:for|to))"
                        r"(?:\s+\w+)?)\s*$", re.I)


def _short_lead(lead: str) -> str:
    """A lead-in a list item can carry: itself when short ('You must not'), else its last
    subject and verb ('In connection with using our Services you agree ..., and you will not'
    -> 'you will not'); '' when it has none."""
    lead = lead.strip().rstrip(":").strip()
    if words(lead) <= 8:
        return lead
    m = _LEAD_CORE.search(lead)
    return m.group(1) if m and words(m.group(1)) <= 8 else ""


# A capitalised word after a lower-case one: a name as the document writes it ("Tinder", "Services").
# a capitalised word inside a sentence (after a word, a comma, a colon, an opening bracket or
# quote, or markup: "to Stripe", "e.g. Stripe", "[Stripe](…)"), or a name with a capital inside ("eBay")
_MID_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z][\w'’-]*)|(?<=[(\[“\"*])([A-Z][a-z][\w'’-]*)|"
                       r"\b([a-z]{1,3}[A-Z][\w'’-]*|[A-Z][a-z]+[A-Z][\w'’-]*)")


def _names(markdown: str) -> dict[str, str]:
    """The document's names as it writes them in mixed-case text: lower case -> as written
    ("tinder" -> "Tinder"), for a SHOUTED sentence read in lower case."""
    written: dict[str, Counter[str]] = {}
    for m in _MID_NAME.finditer(markdown):
        name = m.group(1) or m.group(2) or m.group(3)
        written.setdefault(name.lower(), Counter())[name] += 1
    if not written:
        return {}
    lower = Counter(w for w in re.findall(r"\b[a-z][\w'’-]*", markdown) if w in written)
    # a name only when the document writes it capitalised more often than not ("Tinder"; not
    # "Right" of one heading-like run when "right" is written forty times)
    return {low: forms.most_common(1)[0][0] for low, forms in written.items()
            if sum(forms.values()) > lower[low]}


def _unshouted(plain: str, names: dict[str, str]) -> str:
    """A SHOUTED sentence ("YOU AND TINDER EACH WAIVE ...") in sentence case with the document's
    names as it writes them ("You and Tinder each waive ..."); any other sentence as is."""
    letters = [c for c in plain if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) <= 0.6 * len(letters):
        return plain
    low = re.sub(r"[A-Za-z][\w'’-]*", lambda m: names.get(m.group(0).lower(), m.group(0).lower()), plain)
    return re.sub(r"\bi\b", "I", low[:1].upper() + low[1:])


# A sentence that opens with a name written in lower case ("npm may change ...", "bunq will
# ..."): the splitter, which waits for a capital, left it glued to the sentence before. Which
# lower-case words are such names is told by the document (``_lower_name``).
_LOWER_NAME_START = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=([a-z][\w-]*)\W)")


@lru_cache(maxsize=4096)
def _lower_name(word: str, markdown: str) -> bool:
    """Whether ``word`` is a name the document writes in lower case ("npm", "bunq", "eBay"): it
    recurs (at least 3 times), opens at least two sentences or paragraphs in lower case, more
    often than it is written capitalised anywhere ("you", "use" open sentences as "You", "Use";
    "behalf" opens one paragraph a page break split)."""
    from tracker.analysis.rendering import LEADS_ON

    word = re.sub(r"(?:['’]s)?\W*$", "", word)  # "npm's", "npm,": the name itself
    if not word[:1].islower() or len(word) < 2 or word in LEADS_ON:
        return False  # ("des", "de", "the": a word that leads on opens the rest of a sentence broken in two)
    w = re.escape(word)
    # a sentence or paragraph it opens (not a line of hard-wrapped text that goes on in lower case)
    opens = len(re.findall(rf"(?:(?<=[.!?])[ \t]+|(?<=[.!?])\n|\A|\n[ \t]*\n[ \t]*(?:[-*+][ \t]+)?){w}(?![\w-])",
                           markdown))
    capital = len(re.findall(rf"(?<![\w.-]){re.escape(word[:1].upper() + word[1:])}(?![\w-])", markdown))
    return opens >= 2 and opens > capital and len(re.findall(rf"(?<![\w.-]){w}(?![\w-])", markdown)) >= 3


def _keep_case(text: str, lowers: frozenset[str]) -> str:
    """``text`` (a bullet) with a name the document writes in lower case (``lowers``) written so
    when it opens the bullet ("npm may ...", "npm's liability ...", not "Npm ...")."""
    if not lowers or not (m := re.match(r"([A-Z][A-Za-z0-9-]+)(?=\W|$)", text)):
        return text
    return text[:1].lower() + text[1:] if m.group(1)[:1].lower() + m.group(1)[1:] in lowers else text


def _split_lower_names(piece: str, markdown: str) -> list[str]:
    """``piece`` split before each sentence that opens with a name the document writes in lower
    case ("... to use npm Services. npm may change ..."); the name must recur in the document
    (at least 3 times in that case: not a word that merely follows an abbreviation)."""
    if ". " not in piece:
        return [piece]
    cuts = [m for m in _LOWER_NAME_START.finditer(piece)
            if not clauses_abbreviation(prev := piece[:m.start()].rsplit(None, 1)[-1].rstrip(".!?"))
            and len(prev) >= 3 and not re.fullmatch(r"[ivxlc]+", prev, re.I)  # "ii. use ...": an item marker
            and _lower_name(m.group(1), markdown)]
    if not cuts:
        return [piece]
    bounds = [0, *(m.start() for m in cuts), len(piece)]
    return [piece[a:b].strip() for a, b in zip(bounds, bounds[1:]) if piece[a:b].strip()]


# --- the main subject of a sentence -----------------------------------------------------------
# A sentence is filed under the concern of what it is about, not of every word it holds: "We may
# raise our prices; if you do not accept the new price, you may cancel" is a price rise (the cancel
# is the user's way out), "We may change our fees at any time" changes prices, not the terms, and
# "Disputes are heard by the courts of Oslo, not by arbitration" names no arbitration to go to.

# a tail that states what follows from the main clause ('; if you do not agree, you may cancel',
# ', in which case you may terminate', ', otherwise you may close your account')
_DEPENDENT_TAIL = re.compile(r"(?:[;,]|\s-|\s–)\s+(?:and\s+|but\s+)?(?:if|unless|in\s+which\s+case|otherwise|"
                             r"failing\s+which|should\s+you|in\s+(?:that|such)\s+(?:case|event)|in\s+the\s+event)\b",
                             re.I)
_CONSEQUENCE = re.compile(r"^(?:and\s+|but\s+)?(?:in\s+which\s+case|otherwise|failing\s+which|in\s+(?:that|such)\s+"
                          r"(?:case|event)),?\s+", re.I)
# a clause of its own: a subject and its verb ('you may cancel', 'no refund will be given')
_OWN_SUBJECT = re.compile(r"^(?!(?:is|are|will|may|must|shall|can|be|been)\b)(?:[\w'’-]+\s+){1,3}?(?:will|may|must|"
                          r"shall|can|cannot|could|should|would|might|is|are|do|does|have|has)\b", re.I)
# a condition with no comma before its clause ('if you do not pay them we may terminate ...')
_BARE_CONDITION = re.compile(r"^(?:if|unless|should\s+you)\b[^,;]{1,120}?\s(?=(?:we|you|they|it|(?-i:[A-Z])[\w-]*)\s+"
                             r"(?:will|may|must|shall|can|could|might)\b)", re.I)
# what the provider ends when it ends the user's relationship, not the service: an account,
# access, a membership, the agreement (taxonomy: termination; ending the service is service-changes)
# (or the service ended to the user, for a breach, or by the user: "discontinue the services to you",
# "if you violate our rules", "you may terminate Services")
_ENDS_USER = re.compile(r"\b(?:accounts?|access|memberships?|agreement|contract|subscriptions?|registration)\b|"
                        r"(?<!notice\s)(?<!notification\s)(?<!liability\s)\b(?:to|for)\s+you\b|\byour\s+use\b|"
                        r"\b(?:breach\w*|violat\w*)\b|\byou\s+(?:may|can|could)\s+(?:\w+\s+)?(?:terminat|cancel|end\b)", re.I)

# arbitration named only to be ruled out or as one forum among others ('and not by arbitration',
# 'no arbitration', 'whether in court or in arbitration', 'litigation or arbitration')
_ARB_WORD = re.compile(r"\barbitra\w*", re.I)
_ARB_RULED_OUT = re.compile(
    r"\b(?:not|no|never|nor|without|instead\s+of|rather\s+than|other\s+than|excluding|exclude[sd]?|"
    r"exempt\w*\s+from|in\s+lieu\s+of)\s+(?:\w+\s+){0,3}?(?=arbitra)|"
    r"\b(?:courts?|litigation|lawsuits?|suits?)\s+or\s+(?:\w+\s+){0,2}?(?=arbitra)|"
    r"(?<=arbitration)\s+or\s+(?:\w+\s+){0,2}?(?:courts?|litigation|lawsuits?|suits?)\b", re.I)


def arbitration_named_only(plain: str) -> bool:
    """Whether a sentence (plain text) names arbitration only to rule it out or as one forum
    among others ("heard by the courts of Oslo and not by arbitration", "whether in court or in
    arbitration"), never as the way disputes are resolved: then it is no arbitration term."""
    if not _ARB_WORD.search(plain) or _ARB_MEANS.search(plain):
        return False
    ruled = {m.end() for m in _ARB_RULED_OUT.finditer(plain)} | {m.start() for m in _ARB_RULED_OUT.finditer(plain)}
    return all(m.start() in ruled or m.end() in ruled for m in _ARB_WORD.finditer(plain))


# A change said in any words: what a change of the terms (or of anything) must name
_CHANGE_SAID = re.compile(r"\b(?:chang\w*|modif\w*|amend\w*|updat\w*|revis\w*|alter\w*|var(?:y|ies|ied)|"
                          r"add(?:s|ed|ing)?\s+(?:or|and)\s+remov\w*|"
                          r"replac\w*|new\s+versions?|takes?\s+effect|effective|modifi\w*|änder\w*)\b", re.I)


def _not_the_terms(plain: str) -> bool:
    """Whether a sentence labelled as changing the terms changes something else it names: prices
    or fees ("We may change our fees at any time"), or the service and its features ("We may
    modify or discontinue features"), and never the terms themselves."""
    if _TERMS_NAMED.search(plain):
        return False
    return bool(_PRICE_CHANGE.search(_NO_PRICE.sub(" ", plain)) or re.search(rf"\b{_REMOVAL_OBJ}\b", plain, re.I))


# 'free of charge', 'at no charge': no price that changes ("you may close your account free of charge")
_NO_PRICE = re.compile(r"\bfree\s+of\s+charges?\b|\b(?:at|for)\s+no\s+(?:extra\s+|additional\s+)?charge\b", re.I)


# the terms named as such ("notice" and "statement" are in ``_TERMS_NOUN`` for "Privacy Notice",
# but "without notice" names no terms)
_TERMS_NAMED = re.compile(r"\b(?:(?:privacy|cookie)\s+(?:notice|statement)|terms|agreement|conditions|polic(?:y|ies)|tos|cgu|cgv|eula|termes|agb|"
                          r"nutzungsbedingungen)\b", re.I)


def main_subject(plain: str, cats: Sequence[str], watch: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a sentence (plain text) is about, of its labels ``cats`` and ``watch``: the categories
    that decide its concern, and its watch categories. Arbitration it names only to rule out is
    dropped; a change of the terms is none when what changes is a price (then dropped) or the
    service (then a change of the service); ending the service, when no account, access or
    agreement of the user is ended, is a change of the service, no termination. When a
    dependent tail follows the main clause ("...; if you do not accept the new price, you may
    cancel"), the main clause decides the concern (a price rise, not a termination), and a kind
    only the tail gives is no watch-out when the tail is the user's way out. Returns
    (categories, watch)."""
    keep = list(cats)
    if "arbitration" in keep and arbitration_named_only(plain):
        keep.remove("arbitration")
    watching = list(watch)
    if "terms-changes" in keep and _not_the_terms(plain):
        # what changes is a price, or the service: then a change of the service ("We may make
        # changes to the Service at any time")
        service = not _PRICE_CHANGE.search(_NO_PRICE.sub(" ", plain))
        keep = list(dict.fromkeys("service-changes" if c == "terms-changes" and service else c
                                  for c in keep if c != "terms-changes" or service))
        watching = list(dict.fromkeys("service-changes" if c == "terms-changes" and service else c
                                      for c in watching))
    if "terms-changes" in keep and len(keep) > 1 and not _TERMS_NAMED.search(plain) and not _CHANGE_SAID.search(plain):
        # "We may delete your content at any time without notice": the model hears the discretion
        # ("at any time", "we may") of a change of the terms, but the sentence changes nothing; its
        # other kinds (a removal, an account ended) say what it is about
        keep.remove("terms-changes")
    if "termination" in keep and "service-changes" in keep and not _ENDS_USER.search(plain):
        keep.remove("termination")  # "may suspend or discontinue the Service": the service, no account
    watching = [c for c in watching if c in keep]
    if len({_CONCERN_OF[c] for c in keep if c in _CONCERN_OF}) > 1:
        body = plain[len(_leading_condition(plain)):]
        m = _DEPENDENT_TAIL.search(body)
        tail = re.sub(r"^[;,\s–-]+(?:(?:and|but)\s+(?=if|unless|should))?", "", body[m.start():]) if m is not None else ""
        # the tail's own clause, after its condition ('if you do not accept, ') or link ('in which case')
        cond = _leading_condition(tail) or (c.group(0) if (c := _BARE_CONDITION.match(tail)) else "")
        rest = tail[len(cond):] if cond else _CONSEQUENCE.sub("", tail, count=1)
        own = set(classify_text(body[:m.start()]).categories) & set(keep) \
            if m is not None and rest != tail and _OWN_SUBJECT.match(rest) else set()
        if own:
            if users_right(rest):
                watching = [c for c in watching if c in own]
            keep = [c for c in keep if c in own]
    return tuple(keep), tuple(watching)


def _sentences(markdown: str) -> tuple[list[_Sentence], list[Clause]]:
    clauses = split_clauses(markdown)
    names = _names(markdown)
    glosses = glossary(markdown)
    texts = [without_glosses(c.text, glosses) for c in clauses] if glosses else [c.text for c in clauses]
    heading_cats: dict[str, tuple[str, ...]] = {}

    def cats_of(heading: str) -> tuple[str, ...]:
        if heading not in heading_cats:
            bare = plain_text(re.sub(r"^#+\s*|^\d[\d.]*\s*", "", without_glosses(heading, glosses)))
            heading_cats[heading] = classify_text(bare).categories if bare else ()
        return heading_cats[heading]

    out: list[_Sentence] = []
    order = 0
    tables: dict[str, list[Clause]] = {}
    # names the document writes in lower case where a sentence starts ("npm may ...")
    lowers = frozenset(w for w in set(re.findall(r"(?:^|[.!?]\s+)([a-z][A-Za-z0-9-]{1,20})(?:['’]s)?\s", markdown, re.M))
                       if _lower_name(w, markdown))
    for clause in clauses:
        if clause.kind == "table":
            tables.setdefault(_table_of(clause), []).append(clause)
    setext = _setext_titles(markdown)
    pseudo: str | None = None  # the nearest heading Markdown does not mark, since the last one it does
    block: str | None = None  # the nearest such heading on a line of its own (not run into a paragraph)
    previous = ""  # the sentence before, for a subject 'It' or 'They' stands for
    opening = 0  # index of the first clause of the current section
    leads = _Leads()
    for i, clause in enumerate(clauses):
        lead, lost = leads.visit(clause, texts[i])
        if clause.kind == "heading":
            pseudo, block, previous, opening = None, None, "", i + 1
            own = plain_text(texts[i]).strip()
            if not texts[i].lstrip().startswith(("#", "*", "_")) and "\n" not in texts[i].strip() and \
                    HEAD_NUMBER.match(own) and words(own) <= 14:
                # a numbered title on a line of its own (a PDF or plain text): the splitter kept its
                # words as the heading, a reader sees its number too ("§ 7 Subprocessors")
                pseudo = block = own
            continue
        text = texts[i]
        if clause.kind in ("paragraph", "sentence", "item") and _TOC_LINE.match(re.sub(r"^\s*[-*+]\s+", "", text)):
            continue  # a table of contents line: a link to a section, no term
        if clause.kind in ("paragraph", "sentence"):
            title = plain_text(text) if text.strip() in setext and not _TOC_LINE.match(text) else \
                _pseudo_heading(text, plain_text(text)) if len(text) < 200 else None  # headings are short
            if title is not None:
                pseudo, block, previous, opening = title, title, "", i + 1
                continue
            if run_in := _run_in_heading(text):
                (pseudo, text), opening = run_in, i
                if re.fullmatch(r"[\d.]+", pseudo):  # a bare number: the title is the block's
                    title = plain_text(re.sub(r"^#{1,6}\s*", "", block if block is not None else clause.heading or ""))
                    title = HEAD_NUMBER.sub("", title, count=1)  # (after plain_text: "4\. Fees" is "4. Fees")
                    pseudo = f"{pseudo} {title}".strip()
        heading = without_glosses(pseudo if pseudo is not None else clause.heading or "", glosses)
        section = section_label(clause, heading)
        hcats = cats_of(heading) if heading else ()
        table = False
        cell_heads: list[str | None] = []
        if clause.kind == "table":
            rows = tables.get(_table_of(clause), [clause])
            whole = "; ".join(r for r in (_table_row(c) for c in rows) if r)
            if words(whole) <= MAX_WORDS:  # a short table reads as one bullet, from its first row
                if clause is not rows[0]:
                    continue
                pieces, table = [whole], True
            elif len(cells := _row_cells(clause)) >= 2 and any(
                    _BR.search(c) or words(plain_text(c)) > _PROSE_CELL or len(split_sentences(plain_text(c))) >= 3
                    for c in cells):
                prose = _cell_pieces(cells)  # a row of prose cells: read per cell, sentence by sentence
                pieces = [p for p, _ in prose]
                cell_heads = [h for _, h in prose]
            else:
                pieces = [_table_row(clause)]
        else:
            pieces = split_sentences(inline_list(text)) if clause.kind != "sentence" else [text]
            pieces = [q for p in pieces for q in _split_lower_names(p, markdown)]
        in_cells = clause.kind == "table" and bool(cell_heads)
        for n, piece in enumerate(pieces):
            if in_cells and cell_heads[n] is not None:
                heading = cell_heads[n] or ""
                section, hcats = section_label(clause, heading), cats_of(heading)
            plain = plain_text(_LEAD_NUMBER.sub("", piece, count=1)) if clause.kind != "table" or in_cells else piece
            if not plain or _SKIP.search(plain) or plain.endswith(":") or date_note(plain) or (
                    (clause.kind != "table" or in_cells) and _title_like(HEAD_NUMBER.sub("", plain, count=1))):
                continue
            if _BANNER_TOPIC.search(plain):
                if banner_text(plain, texts[i] + "\n" + (texts[i + 1] if i + 1 < len(texts) else "")):
                    continue  # a cookie banner captured with the page: no term
            broken = ""
            if clause.kind == "item":  # its marker ('* a)', 'iii.') is no part of the sentence
                plain = _ITEM_MARK.sub("", plain, count=1) or plain
            if lead:
                body = plain[:1].lower() + plain[1:] if not plain[:2].isupper() else plain
                plain = f"{lead} {body}"
            elif plain[:1].islower() and clause.kind != "table" and not _lower_name(plain.split(None, 1)[0], markdown):
                broken = "no subject"  # a list item that continues a lead-in we could not find
            elif lost and not _VERBISH.search(plain):
                broken = "lost lead-in"  # 'Your use of the Services.' under a long 'we are not liable for:' 
            if _cut_off(plain):
                # a paragraph that stops on a word leading on ('... all right, title and interest to'):
                # a sentence broken across lines by the capture, whose bullet would end "interest to."
                broken = "cut off"
            plain = _resolve(_unshouted(plain, names), previous)
            said_before, previous = previous, plain
            labels = classify_text(plain)
            if set(labels.categories) & MONEY_TOPICS and money_measured([plain]):
                # "limited to the fees you paid in the last 12 months": the cap's measure, no price
                labels = replace(labels, categories=tuple(c for c in labels.categories if c not in MONEY_TOPICS),
                                 watch=tuple(c for c in labels.watch if c not in MONEY_TOPICS))
            cats = tuple(c for c in labels.categories if c != "other")
            if "ai-training" not in cats and _TRAINING_OPT_OUT.search(plain) and (
                    _TRAIN.search(plain) or re.search(r"\btrain", plain, re.I) or _TRAIN.search(said_before)):
                # "You can opt out of this training in your settings": a term on AI training, next to
                # the training it lets a user refuse (its loss is the news: "You can no longer opt out")
                cats = ("ai-training", *cats)
            if "termination" in cats and retention_not_ending(plain):
                # how long data is kept after an account closes is privacy (as in a change's categories)
                cats = tuple(dict.fromkeys(c if c != "termination" else "privacy" for c in cats))
            watch = set(labels.watch)
            for cat, pattern in _EXTRA_WATCH:
                if cat in cats and pattern.search(plain):
                    watch.add(cat)
            if "ai-training" in watch and _AGGREGATE_ONLY.search(plain) and not _TRAINS.search(plain):
                watch.discard("ai-training")  # "aggregated usage data to improve ... model routing": no one's data trains
            cats, main_watch = main_subject(plain, cats, watch)
            watch = set(main_watch)
            if "terms-changes" in labels.categories and not {"terms-changes", "service-changes"} & set(cats):
                # no change of the terms after all (``main_subject``): its bullet does not say one either
                labels = replace(labels, categories=tuple(c for c in labels.categories if c != "terms-changes"),
                                 watch=tuple(c for c in labels.watch if c != "terms-changes"))
            facts = tuple(extract_facts(plain))
            order += 1
            concern = _concern(cats, tuple(watch), hcats)
            if concern and concern != "privacy" and _YOUR_DATA_HANDLED.search(plain) and watch <= {"privacy", "ai-training"}:
                # what is done with the user's information ("We use your information to ... bill you",
                # "You can ... delete your account information") is a term on data, not on payment or termination
                concern = "privacy"
            out.append(_Sentence(clause, section, plain, None, labels, facts,
                                 concern,
                                 tuple(sorted(watch, key=CATEGORIES.index)), order, hcats, table,
                                 n == 0 and i == opening, broken, lowers))
    return out, clauses


def _score(s: _Sentence) -> float:
    kinds = {f.kind for f in s.facts}
    score = 3.0 * bool(s.watch) + 2.0 * len(kinds & set(_FACT_KINDS))
    score += 0.5 * ("modality" in kinds or "negation" in kinds)
    score -= 0.05 * max(0, words(s.plain) - MAX_WORDS)
    if s.concern == "terms-changes" and "terms-changes" not in s.labels.categories + s.heading_cats:
        score -= 3  # "by using the Service you agree": boilerplate, unless it is about changes
    if s.first and s.concern in {_CONCERN_OF.get(c) for c in s.heading_cats}:
        score += 0.75  # the opening sentence of a section on this concern states its rule
    if s.watch == ("acceptance",) and "terms-changes" not in s.heading_cats:
        score -= 5  # "by using the Service you agree to these Terms": every document says it
    if s.clause.kind == "item" and "." in s.clause.id.rsplit("/", 1)[-1]:
        score -= 1  # a nested item: an example of its parent
    if s.table:
        score += 1  # a table of fees or limits is all facts
    return score


def _service_sentence(sentences: Sequence[_Sentence]) -> _Sentence | None:
    """The sentence that says what the service is ('These Terms govern your use of ...'); never one
    of a concern of its own ("You grant us a licence to ... only to provide the service" is about
    content, though it names the service)."""
    for s in sentences[:8]:
        if s.concern in _OWN_CONCERN:
            continue
        if re.search(r"\b(?:govern|apply to|provides?|offers?|is an?)\b", s.plain, re.I) and \
                re.search(r"\b(?:service|services|website|platform|api|application|app)\b", s.plain, re.I):
            return s
    return None


# the concerns whose sentences are terms of their own, never what the service is
_OWN_CONCERN = frozenset({"eligibility", "usage", "pricing", "refunds", "content", "disputes", "privacy",
                          "liability", "termination"})
_BESIDE_PLANS = 3  # pricing terms besides the plans of a pricing page


def _select(sentences: list[_Sentence], plans: Sequence[_Sentence] = (), in_cards: frozenset[str] = frozenset()
            ) -> list[_Sentence]:
    """Bullets: per concern the strongest sentences (at most MAX_PER_CONCERN), document order kept.
    ``plans``: the plans of a pricing page, one bullet each, before the other pricing terms (the
    lines of their cards, clause ids ``in_cards``, are no bullets of their own)."""
    chosen: list[_Sentence] = []
    intro = _service_sentence(sentences)
    if intro is not None and intro.usable:
        intro.concern = "service"
        chosen.append(intro)
    by_concern: dict[str, list[_Sentence]] = {}
    for s in sentences:
        if s.concern and s is not intro and s.clause.id not in in_cards:
            by_concern.setdefault(s.concern, []).append(s)
    for cid, group in by_concern.items():
        # of the examples under one list item ("misuse, including by: a; b; c") one is enough
        best_child: dict[str, _Sentence] = {}
        for s in sorted(group, key=lambda s: (-_score(s), s.order)):
            parent = s.clause.id.rsplit(".", 1)[0] if s.clause.kind == "item" else s.clause.id + "#" + str(s.order)
            best_child.setdefault(parent, s)
        group = [s for s in group if s.clause.kind != "item" or best_child.get(s.clause.id.rsplit(".", 1)[0]) is s]
        limit = MAX_PER_CONCERN + {"usage": 1, "pricing": 1}.get(cid, 0)
        if cid == "pricing" and plans:
            # the plans say the prices: a few terms besides them, as many whatever the number of plans
            limit = _BESIDE_PLANS
        best: list[_Sentence] = []
        for s in sorted(group, key=lambda s: (-_score(s), s.order)):
            if len(best) == limit or _score(s) <= -1:
                break
            if s.usable:  # compressed here, for the few sentences that get this far
                best.append(s)
        chosen.extend(best)
    chosen.sort(key=lambda s: (_CONCERN_RANK.get(s.concern, 99), s.order))
    out: list[_Sentence] = []
    seen: list[set[str]] = []
    for s in chosen:
        key = set(clause_key(s.text).split())
        if not key or any(len(key & k) / max(1, min(len(key), len(k))) > 0.8 for k in seen):
            continue  # no bullet twice, nor twice in other words
        seen.append(key)
        out.append(s)
    if plans:  # each plan its own bullet, however alike their words ('Team: 15 USD ...', 'Business: 39 USD ...')
        at = next((k for k, s in enumerate(out) if _CONCERN_RANK.get(s.concern, 99) >= _CONCERN_RANK["pricing"]),
                  len(out))
        out[at:at] = list(plans)
    others = len(out) - len(plans)  # the plans are not counted: no term comes or goes with their number
    if others > MAX_BULLETS:  # drop the weakest (never the service itself, nor a plan), keep the order
        weakest = sorted((s for s in out if s is not intro and s not in plans), key=_score)[: others - MAX_BULLETS]
        out = [s for s in out if s not in weakest]
    return out


def _changed(s: _Sentence, history: dict[str, tuple[str, ClauseChange]]) -> Change | None:
    """The last material change of the clause a sentence is in. A paragraph is split into sentence
    clauses ('p1.s2') only when it is long, so one version's 'p1' may be another's 'p1.s1': the
    change whose new text holds the sentence wins."""
    cid = s.clause.id
    base = re.sub(r"\.s\d+$", "", cid)
    found = [(k, v) for k, v in history.items() if k in (cid, base) or k.startswith(base + ".s")]
    if not found:
        return _changed_elsewhere(s, history)
    key = clause_key(s.plain)

    def holds(item: tuple[str, tuple[str, ClauseChange]]) -> bool:
        after = clause_key(item[1][1].after or "")
        return bool(key) and bool(after) and (key in after or after in key)

    best = next((item for item in found if holds(item)), None)
    if best is None:
        if not any(k == cid for k, _ in found):
            return None
        best = next(item for item in found if item[0] == cid)
    when, change = best[1]
    return _change_note(s.plain, when, change)


def _changed_elsewhere(s: _Sentence, history: dict[str, tuple[str, ClauseChange]]) -> Change | None:
    """The latest material change whose new text holds the sentence, whatever its clause id was
    then: a later version that renumbered the sections ("20" became "19") gives the clause
    another id, and the change that set its wording would be lost by id alone."""
    key = clause_key(s.plain)
    if len(key) < 20:
        return None  # a short line ("Credits") is held by too many clauses to say which
    best: tuple[str, ClauseChange] | None = None
    for when, change in history.values():
        if (best is None or when > best[0]) and key in clause_key(change.after or ""):
            best = (when, change)
    return _change_note(s.plain, *best) if best else None


def _bullet(s: _Sentence, history: dict[str, tuple[str, ClauseChange]]) -> Bullet:
    changed = _changed(s, history)
    return Bullet(s.text, s.concern, s.clause.id, s.section, tuple(c for c in s.labels.categories if c != "other"),
                  s.watch, s.facts, s.plain, changed)


# What makes a term one-sided, the mark of the terms consumer advocates flag ("may terminate your
# account at any time, without notice", "renews automatically", "a perpetual, royalty-free licence",
# "will not exceed $100"): such a sentence is its category's watch-out before a milder one.
_DISCRETION = (r"\bwithout (?:any |prior |advance |further )?(?:notice|notification|warning|cause|reason|liability|"
               r"refund)\b|\bat any time\b|\bfor any (?:or no )?reason\b|\b(?:sole|absolute|own|complete) "
               r"discretion\b|\bimmediately\b")
# Per category: a one-sided term of that kind (a refund sentence "for any reason" is no one-sided
# limit of liability).
ONE_SIDED: dict[str, re.Pattern[str]] = {cat: re.compile(pattern, re.I) for cat, pattern in {
    "termination": _DISCRETION, "terms-changes": _DISCRETION, "service-changes": _DISCRETION,
    "content-removal": _DISCRETION,
    "subscription": r"\bautomatic(?:ally)? renew|\bauto-?renew|\brenew\w* automatically\b",
    "content-rights": r"\b(?:irrevocable|perpetual|royalty-free|sub-?licensable|transferable)\b",
    "liability": r"\b(?:will|shall) not exceed\b|\blimited to (?:the )?(?:amount|greater|lesser|fees)\b|"
                 r"\b(?:in no event|not (?:be )?liable)\b",
    "refunds": r"\bnon-?refundable\b|\bno refunds?\b|\bwithout (?:a )?refund\b",
    "arbitration": r"\bbinding arbitration\b|\bwaive\w*\b",
    "class-action": r"\bwaive\w*\b|\bindividual (?:capacity|basis)\b",
}.items()}


def one_sided(cat: str, sentence: str) -> bool:
    """Whether ``sentence`` states a term of category ``cat`` the one-sided way consumer advocates
    flag ("may terminate your account at any time, without notice", "renews automatically", "a
    perpetual, royalty-free licence", "will not exceed $100"); False for a category without such
    a mark."""
    pattern = ONE_SIDED.get(cat)
    return bool(pattern and pattern.search(sentence))

# A right given to users or residents ("California's law gives California residents the right to
# ask ...", "You have the right to opt out of arbitration within 30 days"): no term against them.
_RIGHT_GIVEN = re.compile(
    r"\b(?:gives?|grants?|provides?|offers?|affords?)\s+(?:\w+\s+){0,3}?(?:residents?|users?|consumers?|individuals?|"
    r"you|customers?|members?|data subjects?)\s+(?:with\s+)?(?:the|a|an|certain|additional|specific)\s+"
    r"(?:[\w-]+\s+){0,2}rights?\b|"
    r"\b(?:you|users?|customers?|members?|consumers?)\s+(?:also\s+)?(?:have|has|may|can|are\s+entitled\s+to|"
    r"is\s+entitled\s+to)\s+(?:the\s+(?:right|option|ability)\s+to\s+)?opt[- ]?out\b", re.I)
_LOSS = re.compile(r"\bwaive|\bgive\s+up\b|\bforfeit|\bdeemed\b|\bmust\b|\bwithout\s+(?:prior\s+|any\s+)?notice\b",
                   re.I)


def _bare_row(s: _Sentence) -> bool:
    """A table row without a verb that states no amount, rate, period or age ("Biometric
    Information: No; N/A"): a cell of a disclosure table, no term to watch out for."""
    if not (s.table or s.clause.kind == "table") or _VERB.search(s.plain):
        return False
    return not any(f.kind in _FACT_KINDS and f.kind != "place" for f in s.facts)


def users_right(plain: str) -> bool:
    """Whether a sentence (plain text) only states a right of the user ("You have the right to
    withdraw your consent", "You may opt out of arbitration within 30 days", "the law gives
    California residents the right to ask ..."): never a watch-out, however its words read."""
    if gives_user_a_right(plain):
        return True
    return bool(_RIGHT_GIVEN.search(plain)) and not _LOSS.search(plain)


# Where a sentence joins two statements: "We use your content to train our models; you can opt out".
_JOINS = re.compile(r"\s*;\s+|,\s+(?:but|and|however)\s+|\s+[—–]\s+|\.\s+(?=[A-Z])|,\s+(?=you\s+(?:can|may)\b)")


def right_only(category: str, plain: str) -> bool:
    """Whether a sentence (plain text) of a watch-out ``category`` only states a right of the user
    (``users_right``), with no term of that category against them in a statement of its own
    beside it: "We use your content to train our AI models; you can opt out in settings" states
    the training first, and the opt-out offered after it does not undo it (a watch-out still);
    "You may opt out of arbitration within 30 days" is a right only."""
    if not users_right(plain):
        return False
    parts = [p for p in _JOINS.split(plain) if p.strip()]
    if len(parts) < 2:
        return True
    return not any((category in classify_text(p).watch or any(c == category and pattern.search(p)
                                                              for c, pattern in _EXTRA_WATCH))
                   and not users_right(p) for p in parts)


# What the company promises not to do with the user's data or content ("We do not use Your Content
# to train machine learning models", "Quillbox never sells your personal data", "Your data is never
# shared"): for these kinds the promise is the user's protection, not a risk. Other kinds say a
# risk with "not" ("We do not refund fees", "We will not be liable"), so they are left alone.
_PROTECTED_KINDS = frozenset({"ai-training", "privacy", "content-rights"})
_WE_WILL_NOT = re.compile(
    r"^(?:we|(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}|the\s+company)\s+"
    r"(?:(?:do|does|will|shall|would)\s+(?:not|never)|never|don['’]t|doesn['’]t|won['’]t)\s*"
    # (a phrase set off by commas after the "not": "will not, under any circumstances, share")
    r"(?:,[^,;.]{1,80},\s*|\s)(?:\w+ly\s+)?(?:use|train|sell|rent|share|disclose|transfer|license|claim|own|access|read|monitor|scan|"
    r"publish|give|provide|trade|lease)\w*\b", re.I)
_CARVE_OUT = re.compile(r"\b(?:unless|except|other\s+than|without\s+your|but|however|until|only|"
                        r"sauf|à\s+moins|außer|es\s+sei\s+denn)\b", re.I)


def protection(category: str, plain: str) -> bool:
    """Whether a sentence (plain text) of a watch-out ``category`` is a promise of the company not
    to use, sell, share or claim the user's data or content, with no exception ("We do not use
    Your Content to train machine learning models"; ``lexicons.PASSIVE_PROMISE``: "Your data is
    never sold"): a protection, never a thing to watch out for. Only for ``_PROTECTED_KINDS``."""
    if category not in _PROTECTED_KINDS or _CARVE_OUT.search(plain):
        return False
    text = plain.strip()
    return bool(_WE_WILL_NOT.match(text) or _PASSIVE_PROMISE.match(text))


# A forum or a law the user has at home ("any dispute may be brought before the courts of your country
# of residence", "the law of the country where you live", "les tribunaux de votre domicile"): a
# consumer's protection, never a thing to watch out for, unless it sends disputes to arbitration.
_HOME = (r"(?:(?:your|votre|vos|ihrem|ihres|ihrer)\s+(?:\w+\s+){0,3}?(?:residence|domicile|résidence|wohnsitz|wohnort|"
         r"aufenthalt\w*)|(?:where|in\s+which)\s+you\s+(?:(?:habitually\s+)?(?:live|reside)|are\s+(?:domiciled|resident|"
         r"based))|(?:où|dans\s+lequel)\s+vous\s+(?:résidez|êtes\s+domicilié\w*|habitez))")
_HOME_FORUM = re.compile(r"\b(?:courts?|tribunals?|tribunaux|juridictions?|gerichte?|gerichtsstand)\b[^.;]{0,80}?" + _HOME +
                         r"|\byour\s+(?:local|home)\s+courts?\b", re.I)
_HOME_LAW = re.compile(r"\b(?:laws?|loi|droit|recht)\b[^.;]{0,60}?" + _HOME, re.I)
_ARBITRAL = re.compile(r"\barbitra|\bschieds", re.I)


def home_forum(category: str, plain: str) -> bool:
    """Whether a sentence (plain text) of a watch-out ``category`` gives the user their home forum
    or law: for ``jurisdiction`` the courts where the user lives ("Any dispute may be brought before
    the courts of your country of residence"), for ``governing-law`` the law of where the user
    lives; never a sentence that also speaks of arbitration. Such a sentence is a key term, not a
    thing to watch out for."""
    if _ARBITRAL.search(plain):
        return False
    if category == "jurisdiction":
        return bool(_HOME_FORUM.search(plain))
    return category == "governing-law" and bool(_HOME_LAW.search(plain))


# The kinds whose adverse event (a suspension, a removal, a change, a charge) a safeguard can bound.
# A forum, a liability cap or an indemnity is the term itself: "notice" there is a notice of a claim.
# (What the provider will not do with data or content is ``protection``'s, with its exceptions.)
_SAFEGUARD_KINDS = frozenset({"termination", "service-changes", "terms-changes", "content-removal", "pricing",
                              "payment", "subscription", "refunds"})
_PERIOD = rf"(?:\d{{1,3}}|{_NUMBER_WORDS}(?:\s*\(\d{{1,3}}\))?)[\s-]*(?:calendar\s+|business\s+|working\s+)?(?:days?|weeks?|months?)"
# What a clause does for the user although it names an adverse event: notice before it happens, a
# chance to put things right, a refund, a right to object or appeal, a limit on the provider's power.
_SAFEGUARD = re.compile(
    # notice before the event: "after giving you notice", "with 30 days' prior notice", "we will
    # notify you before", "you will receive advance notice" (a bare "we will notify you" may come after)
    r"\bafter\s+(?:first\s+)?(?:giving|providing|sending|notifying|informing|warning)\s+you\b|"
    # notice named as what comes first, bare: "after notice and 14 days to fix", "upon written notice to you"
    r"\b(?:after|upon|following)\s+(?:(?:prior|advance|written|reasonable|a|an|our)\s+)*(?:notice|warning)\b|"
    rf"\b(?:at\s+least\s+|no\s+less\s+than\s+|not\s+less\s+than\s+|a\s+minimum\s+of\s+)?{_PERIOD}['’]?s?\s+"
    r"(?:(?:prior|advance|written)\s+)*notice\b|\b(?:prior|advance|reasonable)\s+(?:written\s+)?notice\b|"
    r"\b(?:notify|inform|tell|warn|alert)\s+you\s+first\b|\b(?:first|always)\s+(?:notify|inform|tell|warn)\s+you\b|"
    r"\b(?:(?:notif(?:y|ies|ying)|inform\w*|tell\w*|warn\w*|alert\w*)\s+you|you\s+will\s+be\s+(?:notified|informed|warned))"
    r"\s+(?:[\w()'’]+\s+){0,8}?(?:before|in\s+advance|beforehand|ahead\s+of|prior\s+to)\b|"
    # a chance to put things right
    r"\b(?:chance|opportunity|time|period)\s+to\s+(?:fix|cure|remedy|correct|rectify|resolve|respond|address)\b|"
    r"\b(?:fail(?:s|ed)?|failure)\s+to\s+(?:cure|remedy|fix|correct|rectify)\b|\bcure\s+period\b|"
    # a period given to put things right: "14 days to fix a breach", "thirty days in which to remedy it"
    rf"\b{_PERIOD}\s+(?:(?:in\s+which\s+)?to|within\s+which\s+to)\s+(?:fix|cure|remedy|correct|rectify|resolve)\b|"
    # a refund the user receives
    r"\b(?:we|(?-i:[A-Z])[\w&.-]+)\s+(?:will|shall)\s+(?:promptly\s+|also\s+)?(?:refund|reimburse|credit)\b|"
    r"\byou\s+(?:will|shall)\s+(?:be\s+entitled\s+to|receive|get)\s+(?:a\s+|an\s+)?(?:full\s+|partial\s+)?"
    r"(?:pro[- ]?rat\w*\s+|prorated\s+)?(?:refund|reimbursement|credit)\b|\bpro[- ]?rat\w*\s+refund\b|"
    # a right to object or appeal
    r"\bright\s+to\s+(?:object|appeal|contest|challenge|be\s+heard)\b|"
    r"\byou\s+(?:may|can)\s+(?:\w+\s+){0,2}?(?:object|appeal|contest|challenge)\b|"
    r"\b(?:appeal|contest|challenge)\s+(?:the|this|that|our|any\s+such|such)\s+(?:\w+\s+)?decision\b|"
    # a limit on the provider's power: "we will only", "only if you materially breach"
    r"\b(?:we|(?-i:[A-Z])[\w&.-]+)\s+(?:may|will|shall|can)\s+only\b|"
    r"\b(?:we|(?-i:[A-Z])[\w&.-]+)\s+(?:may|will|shall|can)\s+(?:\w+\s+){1,8}?only\s+(?:if|when|where|after|upon|for\s+"
    r"(?:cause|good\s+reason|a\s+(?:valid|legitimate|good)\s+reason)|to\s+the\s+extent|in\s+(?:the\s+)?(?:case|event))\b|"
    # "we will not" an adverse act: "We will not delete your content without telling you"
    r"\b(?:we|(?-i:[A-Z])[\w&.-]+)\s+(?:(?:will|shall|do|does|would)\s+(?:not|never)|never|won['’]t|don['’]t)\s+"
    r"(?:\w+\s+){0,2}?(?:suspend|terminat|clos|delet|remov|disabl|deactivat|cancel|chang|modif|increas|rais|charg|"
    r"restrict|discontinu)\w*", re.I)
# A safeguard said half-heartedly ("where practicable we will try to notify you") protects no one.
_HEDGED = re.compile(r"\b(?:where|when|if|as)\s+(?:reasonably\s+)?(?:possible|practicable|feasible|appropriate)\b|"
                     r"\b(?:reasonable|best|commercially\s+reasonable)\s+efforts?\b|\btry\s+to\b|\bendeavou?r\b|"
                     r"\b(?:may|might)\s+(?:\w+\s+)?(?:notify|inform|tell|warn|refund)\b|\bat\s+(?:our|its)\s+"
                     r"(?:sole\s+|absolute\s+)?(?:discretion|option)\b", re.I)
# What takes from the user or exposes them, so that a safeguard beside it leaves a watch-out: "at
# any time", "without notice", "for any reason", a waiver, a forfeit, no refund.
_EXPOSES = re.compile(_DISCRETION + r"|\bwaive\w*|\bgive\s+up\b|\bforfeit\w*|"
                      r"\blos(?:e|es|ing|t)\s+(?:your|the|any|all)\s+(?:\w+\s+)?rights?\b|"
                      r"\bwithout\s+(?:\w+\s+){0,4}?(?:notice|notif\w*|warning|informing|telling|consent)\b|"
                      r"\bnot\s+(?:be\s+)?(?:entitled\s+to|eligible\s+for|receive|get)\s+(?:a\s+|any\s+)?(?:refund|credit|"
                      r"compensation)|\bnon-?refundable\b|\bno\s+refunds?\b|"
                      r"\bwithout\s+(?:a\s+|any\s+)?refunds?\b|\bautomatic(?:ally)?\s+(?:renew|continu|extend|charg|bill)|\bauto-?renew|"
                      r"\b(?:irrevocable|perpetual|royalty-free)\b|\bdeemed\s+(?:to\s+)?(?:accept|agree|consent)", re.I)
# what "not ... without notice" promises is notice: no power without it
_NEGATED_EXPOSURE = re.compile(r"\b(?:not|never|won['’]t|don['’]t|no)\b[^.;:]{0,80}?\bwithout\s+(?:first\s+)?(?:\w+\s+){0,3}?"
                               r"(?:notice|notif\w*|inform\w*|tell\w*|warn\w*|cause|reason|consent|refund\w*)\b", re.I)
# the user's own freedom said with the same words ("You may cancel at any time")
_USERS_ANY_TIME = re.compile(r"\byou\s+(?:may|can)\s+(?:\w+\s+){1,5}?at\s+any\s+time\b|"
                             r"\bat\s+any\s+time\b[^.;]{0,30}?\byou\s+(?:may|can)\b", re.I)


# A licence the provider grants the user ("Zumo grants you a revocable, personal, royalty-free licence to
# use the app"): the user receives a right, and its "royalty-free" or "revocable" is no exposure,
# unless the user grants one back in the same sentence ("... and you grant us a licence to your content").
_GRANTS_USER = re.compile(r"^(?:[^,;]{0,80},\s*)?(?!(?:you|your|users?|customers?|members?)\b)(?:we|(?-i:[A-Z])[\w&.-]*"
                          r"(?:\s+(?-i:[A-Z])[\w&.-]*){0,2})\s+(?:hereby\s+)?(?:grants?|gives?|provides?)\s+(?:to\s+)?"
                          r"(?:you|users?|customers?|members?)\b[^.;]{0,160}?\b(?:licen[cs]e|right)\b", re.I)
_USER_GRANTS = re.compile(r"\b(?:you|users?|customers?|members?)\s+(?:hereby\s+|also\s+)?(?:grants?|gives?|assigns?|"
                          r"waives?|agrees?\s+to\s+grant)\b|\bgrants?\s+(?:to\s+)?(?:us|the\s+company)\b", re.I)


def safeguarded(category: str, plain: str) -> bool:
    """Whether a sentence (plain text) of a watch-out ``category`` is, for all the adverse event
    it names, a protection of the user: the provider must give notice first ("We may suspend
    your account if you materially breach these Terms, after giving you notice and a chance to fix
    the breach"), give a chance to cure, refund, hear an objection or appeal, act "only if", or
    says it "will not" act, and nothing in it takes from or exposes the user ("at any time",
    "without notice", "for any reason", a waiver, no refund, a safeguard only "where practicable").
    A licence the provider grants the user ("We grant you a revocable, royalty-free licence to use
    the app") is one too, when the user grants nothing back in it. Then the sentence is a key
    term, never a thing to watch out for. Only for ``_SAFEGUARD_KINDS`` and content rights."""
    if category in ("content-rights", "usage-rules") and _GRANTS_USER.search(plain):
        return not _USER_GRANTS.search(plain)
    if category not in _SAFEGUARD_KINDS or not _SAFEGUARD.search(plain):
        return False
    rest = _USERS_ANY_TIME.sub(" ", _NEGATED_EXPOSURE.sub(" ", plain))
    return not (_EXPOSES.search(rest) or _HEDGED.search(plain))


# The kinds of ``_SERIOUSNESS`` whose watch-out is shown before a second of any kind: money, a day
# in court, AI training, liability, and the provider's powers to change the service, the terms, or
# end the account.
_SERIOUS_WATCH = _SERIOUSNESS.index("termination") + 1


def _watch_outs(sentences: Sequence[_Sentence], history: dict[str, tuple[str, ClauseChange]]) -> list[Bullet]:
    """At most MAX_WATCH watch-outs, most serious first: one per serious category (``_SERIOUSNESS``
    up to termination) or one-sided clause (``ONE_SIDED``: "without notice", "at any time",
    "renews automatically") before a second of any kind, so a second refund clause never pushes
    out termination without notice; then seconds that add a number, then milder kinds."""
    newest = max((when for when, _ in history.values()), default=None)
    recent_of: dict[int, bool] = {}  # (a sentence is ranked under each of its watch kinds: its history read once)

    def is_recent(s: _Sentence) -> bool:
        if newest is None:
            return False
        if id(s) not in recent_of:
            changed = _changed(s, history)
            recent_of[id(s)] = changed is not None and changed.date == newest[:10]
        return recent_of[id(s)]

    def rank(cat: str, s: _Sentence) -> tuple[bool, bool, bool, bool, float, int]:
        # a sentence about this very concern first, a one-sided one, one the newest version changed
        # (a power added today is what a reader came for), what the company may do, the most at stake
        ours = bool(re.search(r"\b(?:we|us|our)\b", s.plain, re.I)) or not re.match(r"you\b", s.plain, re.I)
        recent = is_recent(s)
        return (s.concern != _CONCERN_OF.get(cat), not one_sided(cat, s.plain), not recent, not ours, -_score(s),
                s.order)

    # terms that let the user sue in their home courts make a foreign governing law no watch-out:
    # the user's own courts hear the case (and a consumer keeps the mandatory law of home)
    at_home = any(home_forum("jurisdiction", s.plain) for s in sentences)
    picks: dict[str, list[_Sentence]] = {}
    for cat in _SERIOUSNESS:
        if cat == "governing-law" and at_home:
            continue
        found = [s for s in sorted((s for s in sentences if cat in s.watch and not right_only(cat, s.plain)
                                    and not _bare_row(s) and not protection(cat, s.plain)
                                    and not safeguarded(cat, s.plain) and not home_forum(cat, s.plain)),
                                   key=lambda s: rank(cat, s))[:12] if s.usable]
        if found:
            picks[cat] = found
    used: set[int] = set()
    said: set[str] = set()  # a sentence the page repeats word for word is one watch-out, not two

    def fresh(x: _Sentence) -> bool:
        return id(x) not in used and clause_key(x.text) not in said

    def take(x: _Sentence) -> None:
        used.add(id(x))
        said.add(clause_key(x.text))

    chosen: list[tuple[int, int, _Sentence]] = []
    for n, cat in enumerate(_SERIOUSNESS):
        s = next((x for x in picks.get(cat, []) if fresh(x)), None)
        if s is not None:
            take(s)
            chosen.append((n, 0, s))
    # room left: a second watch-out of a serious category when it adds a number ("expire after 12 months")
    for n, cat in enumerate(_SERIOUSNESS[:5]):
        extra = next((x for x in picks.get(cat, []) if fresh(x) and x.concern == _CONCERN_OF.get(cat)), None)
        if extra is not None:
            take(extra)
            chosen.append((n, 1, extra))
    def tier(t: tuple[int, int, _Sentence]) -> int:
        # the first of a serious kind, or a one-sided one of any kind; then a second of a serious
        # kind that adds a number; then the first of a milder kind (a fee table)
        if t[1] == 0 and (t[0] < _SERIOUS_WATCH or one_sided(_SERIOUSNESS[t[0]], t[2].plain)):
            return 0
        return 1 if t[1] == 1 else 2

    keep = sorted(chosen, key=lambda t: (tier(t), t[0]))[:MAX_WATCH]
    final = sorted(keep, key=lambda t: (t[0], t[1]))
    return [_bullet(s, history) for _, _, s in final]


# --- questions and standard facts -----------------------------------------------------------

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("refunds", "Can I get a refund for unused credits or fees?"),
    ("age", "Is there a minimum age?"),
    ("removal-notice", "How much notice before a model or feature is removed?"),
    ("disputes", "Where are disputes heard?"),
    ("ai-training", "Are my inputs used to train models, and can I opt out?"),
    ("terms-notice", "How much notice before the terms change?"),
)

FACTS: tuple[tuple[str, str], ...] = (
    ("credits", "Credit expiry and refunds"),
    ("arbitration", "Where disputes are heard"),
    ("class-action", "Class-action waiver"),
    ("governing-law", "Governing law"),
    ("age", "Minimum age"),
    ("terms-notice", "Notice before terms change"),
    ("removal-notice", "Notice before model removal"),
    ("ai-training", "AI training on your data"),
    ("retention", "Data retention"),
    ("liability-cap", "Liability cap"),
)

def _jury_only(text: str) -> bool:
    """A waiver of a jury trial that says nothing of class or representative actions."""
    return bool(re.search(r"\bjury\b", text, re.I)) and not re.search(
        r"\bclass\b|representative|collective|individual (?:capacity|basis)|consolidat", text, re.I)


_REMOVAL = re.compile(r"\b(?:remov|discontinu|deprecat|retir|sunset|withdraw)\w*", re.I)
_NOTICE = re.compile(r"\bnotice|notif|tell you|inform you|email|post\b", re.I)
_OPT_OUT = re.compile(r"\bopt(?:ing)?[- ]?out\b|\bturn off\b|\bdisable\b", re.I)
# training a model, not staff ("for account administration, training and quality assurance")
_MODEL = r"(?:models?|ai|a\.i\.|algorithms?|systems?|llms?|machine\s+learning|artificial\s+intelligence|technolog\w+)"
_TRAIN = re.compile(rf"\btrain\w*\W+(?:\w+\W+){{0,5}}?{_MODEL}\b|\b{_MODEL}\s+(?:\w+\s+){{0,6}}?train\w*|\bfine-tun\w*|"
                    rf"\bimprove\s+(?:our|the)\s+(?:models|ai|algorithms)\b", re.I)


def _durations(s: _Sentence) -> list[Fact]:
    return [f for f in s.facts if f.kind == "duration"]


def _places(s: _Sentence) -> list[str]:
    names = []
    for f in s.facts:
        if f.kind == "place" and f.qualifier != "arbitration body":
            names.extend(f.value.split(", "))
    return distinct_values(names)  # "New York" and "New York City": the fuller, once


def _find(sentences: Sequence[_Sentence], test: Any) -> _Sentence | None:
    return next((s for s in sentences if test(s)), None)


def _about(s: _Sentence, cat: str) -> bool:
    """The sentence or its heading is of category ``cat``."""
    return cat in s.labels.categories or cat in s.heading_cats


# A standard fact is read from the clause that states it, never from one that only mentions its
# words: each test below is of the kind of statement, and a fact the tests cannot place is left
# out rather than guessed ("None promised" where the terms give 30 days is worse than no line).

# arbitration as the way disputes are resolved, not a word in passing ("whether in court or
# arbitration") nor a data-privacy framework's complaint route ("the possibility ... to invoke
# binding arbitration" under the Privacy Shield / Data Privacy Framework)
_ARB_MEANS = re.compile(
    r"\bbinding(?:,)?\s+(?:individual\s+)?arbitration|\barbitration\s+(?:agreement|provision|clause)|"
    r"\bagree(?:s|ment)?\s+to\s+arbitrate|\b(?:resolved|settled|determined|decided|submitted|referred|heard)\s+"
    r"(?:exclusively\s+|finally\s+|solely\s+|only\s+)?(?:by|through|to|in)\s+(?:\w+\s+){0,3}?arbitration\b|"
    r"\barbitration\s+(?:shall|will|must)\s+be\s+(?:administered|conducted|held|seated|final)|"
    r"\b(?:final\s+and\s+binding|individual)\s+arbitration\b|\b(?:place|seat)\s+of\s+(?:the\s+)?arbitration\b|"
    r"\b(?:settled|resolved)\s+(?:\w+\s+){0,2}in\s+accordance\s+with\s+the\s+(?:[\w-]+\s+){0,3}arbitration\s+rules|\bvoie\s+d['’]arbitrage|\btribunal\s+arbitral|"
    r"\bschiedsgericht\w*\s+(?:\w+\s+){0,3}?(?:entschieden|beigelegt)", re.I)
_ARB_OTHER = re.compile(r"privacy shield|data privacy framework|\bDPF\b|\binvok\w*\s+binding\s+arbitration|"
                        r"\bpossibility\b", re.I)
# words a run of capitalised names may hold that are no place ("arbitration in Section 11.3")
_NOT_PLACE = re.compile(r"^(?:Section|Article|Clause|Paragraph|Schedule|Exhibit|Appendix|Annex|Part|English|"
                        r"Accordance|Agreement|Terms|Rules?|Procedures?|Company|Customer|Services?)\b")
# where an arbitration is held: "arbitration in X", "held in X", "the place of arbitration shall be X"
_ARB_PLACE = re.compile(r"\b(?:arbitration|arbitral\s+proceedings?|hearings?)\s+(?:\w+\s+){0,3}?(?:in|at)\s+(?:the\s+)?"
                        r"(?:County\s+of\s+)?(?=[A-Z])|\b(?:held|conducted|take\s+place|seated|located)\s+in\s+"
                        r"(?:the\s+)?(?:County\s+of\s+)?(?=[A-Z])|\b(?:place|seat|venue|location)\s+of\s+(?:the\s+)?"
                        r"arbitration\s+(?:shall|will)\s+be\s+(?:in\s+)?(?:the\s+)?(?=[A-Z])")
_COURT_BEFORE = re.compile(r"\bcourts?(?:\s+of\s+law)?\s*$", re.I)
# a clause about copyright notices names a court for the counter-notice, not for the user's disputes
_NOT_DISPUTES = re.compile(r"counter[- ]?notice|copyright|infring|penalty of perjury|\bDMCA\b", re.I)


def _arbitration_places(s: _Sentence) -> list[str]:
    names: list[str] = []
    for m in _ARB_PLACE.finditer(s.plain):
        if _COURT_BEFORE.search(s.plain[max(0, m.start() - 40):m.start()]):
            continue  # "any state or federal court located in King County": the courts' place, not the arbitration's
        names.extend(n for n in places_at(s.plain, m.end()) if not _NOT_PLACE.match(n))
    return distinct_values(names)


# "soumis aux juridictions françaises", "the English courts": a country named by its adjective
_NATION_COURT = re.compile(r"\b(?:juridictions?|tribunaux|tribunal|courts?|gerichte?n?)\s+(?:compétente?s?\s+)?"
                           r"(?P<a>[^\W\d_]+)|\b(?P<b>[^\W\d_]+)\s+courts?\b", re.I)


def _court_places(s: _Sentence) -> list[str]:
    names: list[str] = []
    for f in s.facts:
        if f.kind == "place" and f.qualifier == "court":
            names.extend(n for n in f.value.split(", ") if not _NOT_PLACE.match(n))
    lower = s.plain.lower()
    if not any(w in lower for w in ("court", "tribun", "juridiction", "gericht")):
        return distinct_values(names)
    for m in _NATION_COURT.finditer(s.plain):
        if country := nation(m.group("a") or m.group("b")):
            names.append(country)
    return distinct_values(names)


# a class or representative action given up: "waive ... class action", "no claim may be brought as
# a class or collective action", "only on an individual basis"
_CLASS_WAIVER = re.compile(
    r"\b(?:no|any)\s+claims?\s+(?:\w+\s+){0,3}?(?:may|shall|will|can)\s+(?:not\s+)?be\s+(?:brought|maintained|"
    r"pursued|asserted)\s+(?:\w+\s+){0,2}?as\s+(?:a|an|any)\s+(?:\w+\s+){0,2}?(?:class|collective|representative)|"
    r"\b(?:may|shall|will|can)\s+not\s+(?:\w+\s+){0,4}?(?:class|collective|representative)\s+(?:action|"
    r"arbitration|proceeding)|\bclass[- ]action\s+waiver|\bwaive\w*\s+(?:\w+\s+){0,6}?class|"
    r"\b(?:individual\s+(?:capacity|basis))\b.{0,80}\bclass\b|\bclass\b.{0,80}\bindividual\s+(?:capacity|basis)",
    re.I)

# a sentence about changing the terms themselves (not prices, the service or the user's content)
_CHANGE_VERB = r"(?:chang|modif|amend|updat|revis|replac|alter)\w*"
_TERMS_NOUN = (r"(?:terms|agreement|conditions|polic(?:y|ies)|statement|notice|tos|cgu|cgv|eula|termes|"
               r"conditions générales|nutzungsbedingungen|agb)")
_DET = (r"(?:these|this|the|our|such|any|those|les\s+présentes|la\s+présente|les|la|le|ces|cette|nos|notre|"
        r"diese[nrsm]?|unsere[nrsm]?|die|der)")
_TERMS_CHANGE = re.compile(
    rf"\b{_CHANGE_VERB}[\s,]+(?:\w+[\s,]+){{0,5}}?(?:to\s+|of\s+)?{_DET}\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{_TERMS_NOUN}\b|\b{_DET}\s+(?:[\w'’-]+\s+){{0,3}}?{_TERMS_NOUN}\b\s+(?:[\w'’-]+\s+){{0,5}}?"
    rf"(?:be\s+|être\s+)?{_CHANGE_VERB}|\b(?:changes?|modifications?|amendments?|revisions?|updates?)\s+(?:to|of)\s+"
    rf"(?:[\w/-]+\s+){{0,3}}?(?:these|this|the|our)\s+(?:[\w-]+\s+){{0,3}}?{_TERMS_NOUN}\b|\b(?:updated|revised|amended|new)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_TERMS_NOUN}\b", re.I)
_CHANGES_WORD = re.compile(r"\b(?:changes?|modifications?|amendments?|revisions?|updates?|updated|revised|amended)\b",
                           re.I)
# a promise to tell: "we will notify you", "notice of any material change will be posted"
_PROMISE = re.compile(
    r"\b(?:will|shall|agree\s+to|commit\s+to|undertake\s+to)\s+(?:\w+\s+){0,5}?(?:notify|inform|tell|alert|"
    r"e-?mail|contact|provide\s+(?:you\s+)?(?:with\s+)?(?:\w+\s+){0,3}notice|give\s+(?:you\s+)?(?:\w+\s+){0,3}notice|"
    r"send\s+(?:you\s+)?(?:\w+\s+){0,2}notice|post\s+(?:a\s+)?notice|let\s+you\s+know)\b|"
    r"\bnotice\s+of\s+(?:any\s+|the\s+|such\s+)?(?:\w+\s+)?(?:changes?|modifications?|amendments?)\s+(?:will|shall)\b|"
    r"\b(?:you\s+will\s+(?:be\s+)?(?:notified|informed|given\s+(?:\w+\s+){0,2}notice|receive\s+(?:\w+\s+){0,2}notice))|"
    r"\bby\s+notifying\s+you\b|\bbring\s+(?:it|this|them|(?:the\s+|such\s+)?changes?)\s+to\s+your\s+attention|"
    r"\bnotice\s+(?:will|shall)\s+be\s+(?:posted|sent|given|provided|displayed)|\b(?:will|shall)\s+not\s+(?:\w+\s+){0,5}?"
    r"changes?\s+(?:\w+\s+){0,5}?without\s+(?:first\s+)?(?:informing|notifying|telling)\s+you|"
    r"\btry\s+to\s+(?:notify|give\s+you\s+notice|tell|inform)|\bby\s+(?:giving|providing|sending|posting)\s+"
    r"(?:you\s+|\w+\s+)?(?:\w+\s+){0,2}?notice\b|\bwith\s+(?:\w+\s+)?notice\s+to\b|\bnous\s+vous\s+informerons|\bwir\s+werden\s+sie\s+"
    r"(?:\w+\s+){0,3}informieren", re.I)
_NO_NOTICE = re.compile(r"\bat\s+any\s+time\b|\b(?:apply|applies|effective|take\s+effect|in\s+effect|in\s+force)\s+"
                        r"(?:\w+\s+)?immediately\b|\bimmediately\s+(?:effective|upon\s+(?:posting|publication))\b|\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+|further\s+)?"
                        r"(?:notice|notification|warning)|\bwith\s+or\s+without\s+(?:prior\s+)?notice|"
                        r"\bà\s+tout\s+moment|\bsans\s+préavis|\bjederzeit|\bohne\s+(?:vorherige\s+)?ankündigung", re.I)


# a period the user is given before a change or removal applies, named as such
_GRACE = (r"(?:grace|notice|notification|transition(?:al)?|wind[- ]down|phase[- ]out|deprecation|sunset|migration)"
          r"\s+period")
# the next sentences of a clause on the event may give the period alone ("You will then have a grace
# period of 14 days to migrate.")
_GRACE_SAID = re.compile(rf"\b{_GRACE}\b", re.I)
# a grace period of payment ("if a payment fails, you have a grace period of 7 days"): not the event's
_GRACE_OTHER = re.compile(r"\b(?:pay\w*|card|invoices?|billing|fees?|charges?|overdue|renew\w*|trial)\b", re.I)


def _grace_said(plain: str) -> bool:
    """Whether a sentence names a grace or transition period that is not a payment's."""
    return bool(_GRACE_SAID.search(plain)) and not _GRACE_OTHER.search(plain)
# a sentence that opens on the moment the event happens: its main clause's period comes before it
_OPENS_BEFORE = re.compile(r"(?:\d+(?:\.\d+)*\s+)?(?:before|prior\s+to|ahead\s+of)\s+(?!(?:using|accessing|you\s+(?:use|access|"
                           r"sign|register|buy|purchase|pay)))", re.I)


def _ahead(s: _Sentence, f: Fact) -> bool:
    """A period of notice: "30 days' notice", "prior notice of 7 days", a period said before
    "before / in advance / prior" ("at least 7 days before any change"), or the time a change
    waits after it is announced ("effective 15 days after posting", "no earlier than fourteen
    (14) days after they are posted"), a grace or transition period ("a grace period of at least
    one week"), or a period in a sentence that opens on the event ("Before we retire a model, we
    will give you 30 days")."""
    if any(w in f.qualifier for w in ("notice", "prior", "before", "advance")):
        return True
    at = re.escape(f.text)
    # a period named for the time the user gets before it happens ("a grace period of at least one
    # week", "a 30-day transition period"), or said in a sentence that opens on when it happens
    # ("Before we remove a model, we will give you at least one week")
    if re.search(_GRACE + r"\s+(?:of\s+)?(?:\w+\s+){0,2}?" + at + "|" + at + r"(?:['’]s?)?\s+(?:\w+\s+)?" + _GRACE,
                 s.plain, re.I):
        return True
    # the period given in the main clause ("..., we will give you at least one week"), not one the
    # provider looks back on ("Before we remove a model, we review its use over the last 30 days")
    pos = s.plain.find(f.text)
    if _OPENS_BEFORE.match(s.plain) and pos > s.plain.find(",") > 0 and (
            f.qualifier in ("at least", "no less than", "not less than", "a minimum of")
            or re.search(r"\b(?:giv\w*|provid\w*|allow\w*|offer\w*|receiv\w*|have|get)\b[^,;]{0,60}$", s.plain[:pos], re.I)):
        return True
    return bool(re.search(at + r"(?:\W+\w+){0,1}\W+(?:before|in\s+advance|prior|ahead|avant)\b", s.plain, re.I)
                or re.search(at + r"\W+(?:after|from|following)\s+(?:\w+\s+){0,3}?(?:post\w*|publi\w*|notice|"
                             r"notif\w*|sen[dt]\w*|we\s+(?:notify|inform|tell|send|post))", s.plain, re.I)
                or re.search(r"\b(?:effective|in\s+force|take\s+effect|apply)\s+(?:\w+\s+){0,3}?" + at, s.plain, re.I))


_NONE_PROMISED = "None promised"
# the provider keeping the power to change its terms ("Signal may update the Terms", "We reserve the
# right to update this privacy policy", "We update our privacy statement to ..."), not the user
_TERMS_POWER = re.compile(r"(?:^(?:[^,;]{0,60},\s*)?|\b(?:and|but)\s+)(?!(?:you|your|users?|customers?|members?|any|all|each|every|some|such|no|the|these|this|those|our|"
                          r"before|after|if|when|whenever|where|once|unless|upon|until|while|as|for|in|on|at|by|to|with|from|"
                          r"of|please|note)\b)(?:we|(?-i:[A-Z])[\w&.-]*"
                          r"(?:\s+(?-i:[A-Z])[\w&.-]*){0,2})\s+(?:(?:may|can|might|will|shall)\s+(?!not\b|never\b)(?:\w+\s+)?|"
                          r"(?:reserves?|has|have)\s+the\s+right\s+to\s+(?:\w+\s+)?|(?:regularly|occasionally|periodically|also)\s+)?"
                          r"(?:(?:change|update|amend|revise|replace|alter|supplement|adjust)s?|modify|modifies)\b|"
                          # the passive ("This privacy policy may be updated to reflect ...")
                          r"^(?:[^,;]{0,60},\s*)?(?:these|this|the|our)\s+(?:[\w-]+\s+){0,3}?(?:terms|agreement|conditions|"
                          r"polic(?:y|ies)|statement|notice)\s+(?:\w+\s+){0,4}?(?:may|can|might|will|shall)\s+(?!not\b)(?:\w+\s+)?"
                          r"be\s+(?:\w+\s+)?(?:updated|changed|modified|amended|revised|supplemented)\b", re.I)
# a price or fee change is no change of the terms ("we will give you 30 days' notice of price increases")
_PRICE_CHANGE = re.compile(r"\b(?:pric\w*|fees?|charges?|rates?|tarif\w*|prix|Preis\w*)\b", re.I)
# a change said by when it applies ("before any modification takes effect"): a change of the terms
_TAKES_EFFECT = re.compile(r"\b(?:takes?|taking)\s+effect\b|\bbecomes?\s+effective\b|\bentr\w*\s+en\s+vigueur\b|"
                           r"\bin\s+Kraft\s+tr\w*", re.I)
# a service, feature or programme withdrawn or suspended, named by its noun or verb
_TAKEN_OFF = re.compile(r"\b(?:suspen[ds]\w*|withdr[ae]w\w*|discontinu\w*|remov(?:e|al|ing)|retir(?:e|ing)|"
                        r"deprecat\w*|sunset\w*|ceas(?:e|ing))\b", re.I)
# the user's own account closed or suspended: a termination, not a service taken away
_USER_ACCOUNT = re.compile(r"\byour\s+(?:user\s+|member\s+)?(?:account|access|profile|membership)\b", re.I)


# a word of telling the user ("announce", "email you", "let you know"), read only to stay silent
_TELLS = re.compile(r"\b(?:notif\w*|notice|inform\w*|announc\w*|e-?mail\w*|tell|alert\w*|let\s+you\s+know|"
                    r"communicat\w*|avis\w*|préavis|benachrichtig\w*|mitteil\w*)\b", re.I)


def _keeps_power_to_change(s: _Sentence, about_terms: Sequence[_Sentence]) -> bool:
    """Whether a sentence keeps the provider's power to change the terms ("Signal may update the
    Terms from time to time", "This privacy policy may be updated to reflect new services", "Les
    présentes conditions peuvent être modifiées à tout moment, sans préavis"), not prices."""
    if _PRICE_CHANGE.search(s.plain):
        return False
    change = s in about_terms or bool(_TERMS_CHANGE.search(s.plain))
    if change and (_TERMS_POWER.search(s.plain) or _NO_NOTICE.search(s.plain)):
        return True
    # "GitLab has the right to update the Website and terms of this Agreement at any time without notice"
    return bool(_NO_NOTICE.search(s.plain) and _TERMS_POWER.search(s.plain)
                and re.search(rf"\b{_CHANGE_VERB}\b[^.;]{{0,80}}?\b{_TERMS_NOUN}\b", s.plain, re.I))


def _promised_elsewhere(found: tuple[_Sentence, str], others: Sequence[_Sentence]) -> tuple[_Sentence, str]:
    """``found``, a "None promised" read from a sentence that says "at any time" or "without
    notice", unless one of ``others`` (the document's other sentences about the same kind of
    change) promises notice of it: then that promise, a period first ("30 days"), else "Notice, no
    period stated". A document that gives notice in one section and says "at any time" of a part
    of it in another does promise notice; "None promised" would be wrong."""
    promised = _notice_value(others, lambda s: True)
    return promised if promised is not None and promised[1] != _NONE_PROMISED else found


def _notice_value(candidates: Sequence[_Sentence], about: Any) -> tuple[_Sentence, str] | None:
    """The notice the ``candidates`` promise for what ``about`` tests, strongest first: a period
    ("30 days"), then a promise without one ("Notice, no period stated"), then an explicit "at
    any time" / "without notice" ("None promised"); None when they say nothing of notice."""
    for s in candidates:
        f = next((f for f in _durations(s) if _ahead(s, f)), None)
        if f is not None and about(s):
            return s, _fact_words(f)
    for s in candidates:
        if _PROMISE.search(s.plain) and about(s):
            return s, "Notice, no period stated"
    for s in candidates:
        if _NO_NOTICE.search(s.plain) and about(s):
            return s, _NONE_PROMISED
    return None


# a service, feature or model taken away by the provider (not content removed for a complaint,
# not the user's account, not the user discontinuing their own use)
_REMOVAL_OBJ = (r"(?:services?|features?|functionalit(?:y|ies)|products?|models?|apis?|platform|site|website|"
                r"apps?|applications?|plans?|offerings?|versions?|tools?|program(?:me)?s?)")
_TAKEN_AWAY = re.compile(
    rf"\b(?:discontinu\w*|remov\w*|withdraw\w*|retir\w*|deprecat\w*|sunset\w*|ceas\w*\s+(?:to\s+)?"
    rf"(?:provid|offer|operat|mak)\w*)\s+(?:\w+\s+){{0,6}}?(?:the\s+|our\s+|any\s+|a\s+|certain\s+|some\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_REMOVAL_OBJ}\b|\b{_REMOVAL_OBJ}\s+(?:\w+\s+){{0,4}}?(?:is|are|be|being|been|gets?)\s+"
    rf"(?:\w+\s+)?(?:discontinued|removed|withdrawn|retired|deprecated|sunset)", re.I)
_TAKE_WORDS = ("discontinu", "remov", "withdraw", "retir", "deprecat", "sunset", "ceas")  # a cheap test first
_NOT_TAKEN_AWAY = re.compile(
    r"\b(?:withdraw|remov)\w*\s+(?:\w+\s+){0,3}?(?:notifications?|notices?|complaints?|requests?|consent)\b|"
    r"\b(?:portions?|parts?|provisions?)\s+of\s+(?:these|this|the)\s+(?:terms|agreement)|counter[- ]?notice|copyright|infring|penalty of perjury|\bDMCA\b|\byour\s+(?:user\s+)?content\b|"
    r"\buser\s+content\b|\b(?:you|users?|members?|customers?)\s+(?:may|can|must|should|will)\s+(?:\w+\s+){0,8}?"
    r"(?:discontinu|remov|withdraw|ceas)|\bdiscontinu\w*\s+(?:your\s+|all\s+|any\s+)?(?:further\s+)?use\b|\bremoved\s+from\s+"
    r"(?:the\s+)?(?:services?|platform|site)\s+by\s+us|\bpreviously\s+(?:been\s+)?(?:suspended|removed)", re.I)

# credits that can expire (not a subscription term, a card's expiry date or a promotion)
_STORED_VALUE = re.compile(r"\b(?:credits?|balances?|points?|tokens?|gift\s+cards?|vouchers?|coupons?|pre-?paid|"
                           r"virtual\s+(?:items?|currency)|coins?|top-?ups?|wallet|funds)\b", re.I)
# the words between the credits and "expire" may not start another subject ("... at which point it
# will expire": the subscription expires, not the points)
# ("Credits that you have not used may expire": a relative clause on the credits, said of "you" or
# "we", is read through; "credits, which ..." or "... that it" says expiry of something else)
_EXPIRES = re.compile(rf"{_STORED_VALUE.pattern}(?:\s+(?!(?:it|they|when|where)\b|(?:which|that)\s+(?!(?:you|we)\b))"
                      rf"[\w,()-]+){{0,8}}?\s+"
                      r"(?:will\s+|shall\s+|may\s+|can\s+|automatically\s+|also\s+)*expire|\bexpir\w*\s+(?:date\s+)?(?:of\s+)?(?:\w+\s+){0,2}?"
                      rf"{_STORED_VALUE.pattern}", re.I)
_NONREFUNDABLE = re.compile(
    r"non-?refundable|\bno\s+refunds?\b|\bnot\s+(?:be\s+)?refund(?:ed|able)\b|\b(?:not|n[o’']t)\s+(?:be\s+)?entitled"
    r"\s+to\s+(?:a\s+|any\s+)?refund|\b(?:unable|not\s+able)\s+to\s+(?:offer|provide|give|issue|make)\s+(?:a\s+|any\s+)?"
    r"refund|\b(?:will|shall)\s+not\s+(?:receive|get|be\s+given|be\s+issued|issue|provide|give)\s+(?:you\s+)?(?:a\s+|any\s+)?"
    r"refund|\bno\s+refund\s+(?:will|shall|can|is)\b|\ball\s+sales\s+(?:are\s+)?final\b|\bfinal\s+and\s+non",
    re.I)
_FEES = re.compile(r"\b(?:fees?|payments?|purchases?|subscriptions?|credits?|plans?|charges?|prices?|amounts?|"
                   r"orders?|sales?|memberships?)\b", re.I)
# a cap on the provider's liability: an amount, or what the user paid
_CAP = re.compile(r"\b(?:exceed\w*|(?<!not )(?<!without )limited\s+to|not\s+be\s+more\s+than|no\s+more\s+than|maximum\s+(?:\w+\s+)?"
                  r"liability|in\s+(?:the\s+)?"
                  r"aggregate|aggregate\s+liability|total\s+liability|greater\s+of|lesser\s+of|cap(?:ped)?\s+at)\b",
                  re.I)
_PAID = re.compile(r"\b(?:amounts?|fees?|sums?|price|charges?)\b[^.;]{0,60}?\b(?:paid|payable)\b|\bpaid\b[^.;]{0,40}"
                   r"\b(?:to\s+us|to\s+\w+|for\s+the\s+services?)", re.I)
# "You will not use the content to train AI": a rule for the user, not the provider's use of data
_USER_RULE = re.compile(r"\b(?:you|users?|customers?|licensees?|members?)\b\s+(?:\w+\s+){0,2}?(?:must|may|shall|will|"
                        r"can|do|does|agrees?\s+to|agrees?)\s+not\b|\bagrees?\s+not\s+to\b|\b(?:you|users?)\s+(?:may|must)\s+"
                        r"(?:only|never)\b|\bprohibited\b|\bnot\s+(?:permitted|allowed)\b|\bcompeting\b", re.I)
# an age in a rule on who may use the service, not in a rule on selling minors' data
_AGE_OTHER = re.compile(r"\b(?:sell|sale|sold|share|sharing|opt[- ]?in|advertis\w*|labou?r)\b", re.I)
_AGE_RULE = re.compile(r"\b(?:must|not|only|prohibited|minimum|required|requires?|reserved|restricted|no\s+one|nobody|"
                       r"intended|eligible\s+to|at\s+least|or\s+older|and\s+older|or\s+over|or\s+more|over\s+the\s+age|"
                       r"(?:used|accessed)\s+by\s+(?:\w+\s+){0,2}(?:over|aged)|ne\s+\w+|nicht|nur|mindestens)\b",
                       re.I)
# a retention period: data kept, stored or deleted after a time (not a reply to a request)
_KEEP = re.compile(r"\b(?:keep|kept|retain\w*|retention|stor(?:e|ed|es|age)|delet\w*|eras\w*|anonymi[sz]\w*|"
                   r"conserv\w*|aufbewahr\w*|gespeichert|gelöscht)\b", re.I)
_KEEP_OTHER = re.compile(r"\b(?:respond|reply|answer)\w*\b|\brequests?\b.{0,40}\bwithin\b", re.I)


# a period that measures something else than how long data is kept: a notice, a payment
# overdue, a consent's validity, a delay after an opt-out
_NOT_KEPT_PERIOD = re.compile(
    r"(?:\bnotice|\bnotif\w*|\bpast\s+due|\boverdue|\blate\b|\bvalid|\bopt(?:ed|ing)?[- ]?(?:out|in)|"
    r"\bprior\s+to|\bbefore)\W+(?:\w+\W+){0,5}$", re.I)
_PERIOD_NOT_KEPT_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:past\s+due|overdue|advance\s+notice|(?:prior\s+)?notice)\b",
                                    re.I)
# records kept for bookkeeping or tax, not the user's personal data ("invoices are kept 10 years")
_KEPT_NOT_DATA = re.compile(r"\b(?:invoices?|accounting|bookkeeping|tax\s+(?:records?|purposes|law)|commercial\s+law|"
                            r"factures?|comptab\w+|Rechnungen|Buchhaltung|steuerrecht\w*|handelsrecht\w*)\b", re.I)


def _kept_for(s: _Sentence) -> Fact | None:
    """The period a sentence keeps data for: a duration within 30 words of a word of keeping or
    deleting ("deleted after 90 days", "kept for a maximum of 72 hours"), and not one that
    measures a notice, a debt overdue or a consent's validity. None when none."""
    keeps = [m.start() for m in _KEEP.finditer(s.plain)]
    if not keeps:
        return None
    for f in _durations(s):
        at = s.plain.find(f.text)
        if at < 0:
            continue
        if _NOT_KEPT_PERIOD.search(s.plain[max(0, at - 60):at]) or re.search(r"\bnotice\b|\bnotif", f.text, re.I) \
                or _PERIOD_NOT_KEPT_AFTER.match(s.plain[at + len(f.text):]):
            continue
        if any(words(s.plain[min(k, at):max(k, at)]) <= 30 for k in keeps):
            return f
    return None


# a law said to govern the contract ("these Terms are governed by", "this Agreement shall be
# construed", "régies par le droit français"): the governing-law fact
_CONTRACT_LAW = re.compile(
    r"\b(?:terms|agreement|conditions|contract|tos|eula|cgu|cgv|présentes|vertrag\w*|bedingungen|agb|nutzungsbedingungen)\b"
    r"[^.;]{0,80}?\b(?:govern\w*|constru\w*|interpret\w*|subject\s+to|r[ée]gi\w*|soumis\w*|unterl\w*|unterliegt|"
    r"gilt|gelten)\b|\b(?:govern\w*|appl(?:y|ies)|régi\w*|soumis\w*)\b[^.;]{0,40}?\b(?:these|this|the)\s+"
    r"(?:[\w-]+\s+){0,2}(?:terms|agreement|conditions|contract)\b", re.I)
# a law named for something else than the contract: residents' rights, a definition, personal data
_LAW_FOR_OTHER = re.compile(r"\bresidents?\b|\brights?\b|\bmeans\b|\bprivacy\b|\bpersonal\s+(?:data|information)\b|"
                            r"\bCCPA\b|\bCPRA\b|\bGDPR\b|\bdata\s+protection\b|\bdefin\w+\b|\bincludes?\b", re.I)


# a currency code a shouted sentence lost the case of when it was written in sentence case ("us$100")
_CURRENCY_CASE = re.compile(r"\b(?:us|usd|eur|gbp|cad|aud|chf|jpy|inr|nzd|sgd)(?=\$|\s?\d)", re.I)


def _period(f: Fact) -> str:
    """A duration as said, its unit plural after a number other than one ('12-month' -> '12 months')."""
    text = _fact_words(f)
    m = re.fullmatch(r"(.*?\d+\)?|[a-z-]+)[\s-]+((?:business |working |calendar )?(?:second|minute|hour|day|week|month|year))",
                     text, re.I)
    if m and not re.fullmatch(r"P1[DWMY]|PT1[HMS]", f.value):
        return f"{m.group(1)} {m.group(2)}s"
    return text


def _cap_words(cap: _Sentence) -> str:
    """The liability cap a capping sentence states: 'US$100', 'What you paid in the last 12 months',
    or both when the cap is the greater (lesser) of them, said whole: 'The greater of what you paid
    in the last 12 months and US$100'."""
    money = next((f for f in cap.facts if f.kind == "money"), None)
    amount = _CURRENCY_CASE.sub(lambda m: m.group(0).upper(), plain_text(money.text)) if money is not None else ""
    d = [f for f in _durations(cap) if f.value.startswith("P")]
    paid = "what you paid" + (f" in the last {_period(d[0])}" if d else "")
    both = re.search(r"\b(greater|lesser|higher|lower)\s+of\b", cap.plain, re.I)
    if money is not None and both and _PAID.search(cap.plain):
        return f"The {both.group(1).lower()} of {paid} and {amount}"
    if money is not None:
        return amount
    return paid[:1].upper() + paid[1:]


def _cell(s: _Sentence | None, value: str, history: dict[str, tuple[str, ClauseChange]]) -> Cell | None:
    if s is None:
        return None
    changed = _changed(s, history)
    return Cell(value, s.clause.id, s.section, s.text, changed)


def _fact_note(fid: str, cell: Cell, befores: dict[str, str] | None = None) -> Cell:
    """``cell`` (standard fact ``fid``) with its change note said of that fact alone: what the same
    fact read in its clause before the change ("was Oregon" for a governing law, never for the
    arbitration the same sentence now adds); when the old clause states no value of that fact, or
    the same one, the note only says the clause changed (a value there was of another kind). A
    clause added, reworded past recognition ("added on ...") or noted by its old words ("was
    “Subject to Section 11 ...”") is said against the fact as the version before stated it, in
    that clause or in another the same version changed or removed (``befores``: day -> old texts
    of that day's material changes, read as one text): "We do not use ... to train" replaced by
    a new clause is "was No until ...", never "added on ..."; the note stays as it was when
    neither states the fact."""
    ch = cell.changed
    if ch is None:
        return cell
    if ch.note.startswith("added on ") or ch.note.startswith("was “"):
        olds = [b for b in (ch.before, (befores or {}).get(ch.date)) if b is not None]
        old = next((o for o in (_old_facts(b).get(fid) for b in olds) if o is not None), None)
        if old is None:
            return cell
        note = f"was {old.value} until {ch.date}" if old.value != cell.value else f"clause changed on {ch.date}"
        return Cell(cell.value, cell.clause, cell.section, cell.text, Change(ch.date, ch.before, note))
    if ch.before is None or not ch.note.startswith("was ") or ch.note.startswith("was “"):
        return cell
    old = _old_facts(ch.before).get(fid)
    if old is not None and old.value != cell.value:
        note = f"was {old.value} until {ch.date}"
    else:
        note = f"clause changed on {ch.date}"
    return Cell(cell.value, cell.clause, cell.section, cell.text, Change(ch.date, ch.before, note))


@lru_cache(maxsize=64)
def _old_facts(text: str) -> dict[str, Cell]:
    """The standard facts an old text (a clause, or a version's changed clauses) states."""
    return _standard_facts(_sentences(text)[0], {})


def _befores(changes: Sequence[tuple[str, ClauseChange]]) -> dict[str, str]:
    """The old texts of the material changes that modified or removed a clause, by day
    (YYYY-MM-DD, as change notes date them), one text a day."""
    out: dict[str, list[str]] = {}
    for when, change in changes:
        if change.material and change.before is not None:
            out.setdefault(when[:10], []).append(change.before)
    return {day: "\n\n".join(texts) for day, texts in out.items()}


def _standard_facts(sentences: Sequence[_Sentence], history: dict[str, tuple[str, ClauseChange]]) -> dict[str, Cell]:
    """The FACTS of a document that it states, each from the clause that states it."""
    cats = lambda s: s.labels.categories  # noqa: E731
    out: dict[str, Cell | None] = {}

    # a refund refused for fees or purchases (said in a refunds clause, or of fees in plain words)
    nonref = _find(sentences, lambda s: ("refund" in s.plain.lower() or "final" in s.plain.lower())
                   and _NONREFUNDABLE.search(s.plain) and not re.match(
        r"(?:however,?\s+|but\s+)?(?:if|where|when|whenever|unless|once|in\s+case|in\s+the\s+event)\b", s.plain, re.I) and (
        "refunds" in cats(s) or _FEES.search(s.plain) or _STORED_VALUE.search(s.plain)))
    expiry = _find(sentences, lambda s: "expir" in s.plain.lower() and _EXPIRES.search(s.plain)
                   and not re.search(r"\b(?:credit|debit|payment|bank)\s+cards?\b", s.plain, re.I)
                   and not re.search(r"\b(?:do(?:es)?\s+not|never|won[’']t|will\s+not)\s+expire", s.plain, re.I))
    # a window for a refund ("You may request a full refund within 14 days"): "Non-refundable" alone
    # would hide it when the next sentence refuses refunds after it
    window = _find(sentences, lambda s: "refunds" in cats(s) and bool(re.search(r"\brefund", s.plain, re.I))
                   and bool(re.search(r"\bwithin\b", s.plain, re.I)) and bool(_durations(s))
                   and not _NONREFUNDABLE.search(s.plain))
    parts = []
    if window:
        parts.append(f"refund within {_fact_words(_durations(window)[0])}")
    if nonref:
        parts.append("then non-refundable" if window and window.section == nonref.section else "non-refundable")
    if expiry:
        d = _durations(expiry)
        parts.append(f"expire after {_fact_words(d[0])}" if d else "may expire")
    first = window or nonref or expiry
    if first:
        out["credits"] = _cell(expiry if expiry and expiry.clause.id in history else first,
                               ("; ".join(parts)).capitalize(), history)

    arbs = [s for s in sentences if (_about(s, "arbitration") or "arbitration" in s.watch)
            and _ARB_MEANS.search(s.plain) and not _ARB_OTHER.search(s.plain)]
    # the rule, from the section on disputes, before a mention in an introduction ("If you do not
    # agree to these Terms, including the arbitration provision, ...")
    arb = _find(arbs, lambda s: bool({"arbitration", "jurisdiction", "governing-law"} & set(s.heading_cats))
                and not re.match(r"(?:if|unless|when)\b", s.plain, re.I)) or (arbs[0] if arbs else None)
    court = _find(sentences, lambda s: _court_places(s) and not _NOT_DISPUTES.search(s.plain))
    if arb:
        where = _arbitration_places(arb)
        out["arbitration"] = _cell(arb, "Binding arbitration" + (f", {', '.join(where)}" if where else ""), history)
    elif court:
        out["arbitration"] = _cell(court, f"Courts of {', '.join(_court_places(court))}", history)

    def waives(s: _Sentence) -> bool:
        return "class-action" in s.watch or (
            ("class-action" in cats(s) or _about(s, "arbitration")) and bool(
                _CLASS_WAIVER.search(s.plain) or re.search(r"not as a plaintiff|\bwaive\w*\b.{0,60}\bjury", s.plain, re.I)))

    # a jury-trial waiver is in the same category (taxonomy) but is not a class-action waiver:
    # the answer says which one the terms have
    waiver = _find(sentences, lambda s: waives(s) and not _jury_only(s.plain))
    if waiver:
        # each right given up is named: a jury trial waived with the class action, in its
        # sentence or another waiver of the document, is said too
        jury = re.search(r"\bjury\b", waiver.plain, re.I) or _find(
            sentences, lambda s: waives(s) and bool(re.search(r"\bjury\b", s.plain, re.I)))
        out["class-action"] = _cell(waiver, "Yes; jury trial also waived" if jury else "Yes", history)
    elif jury := _find(sentences, waives):
        out["class-action"] = _cell(jury, "No; jury trial waived", history)

    # the place whose law governs, as the sentence names it for the law (not its courts' city)
    def law_of(s: _Sentence) -> bool:
        return bool(any(w in s.plain.lower() for w in ("law", "droit", "loi", "recht")) and re.search(
            r"\b(?:govern\w*|constru\w*|interpret\w*|subject\s+to|r[ée]gi\w*|soumis\w*|unterl\w*|gilt|anwendbar\w*|"
            r"applicable\s+law|appl(?:y|ies))\b", s.plain, re.I) and law_places(s.plain))

    # the law of the contract first; a law named for residents' rights, a definition or personal
    # data ("California law gives California residents the right to ...") only when no sentence
    # says which law governs the terms, and never when it names no contract
    law = _find(sentences, lambda s: law_of(s) and bool(_CONTRACT_LAW.search(s.plain))) or _find(
        sentences, lambda s: law_of(s) and not _LAW_FOR_OTHER.search(s.plain))
    if law:
        out["governing-law"] = _cell(law, ", ".join(law_places(law.plain)), history)

    age = _find(sentences, lambda s: ("eligibility" in cats(s) or re.search(
        r"\b(?:use|using|access\w*|regist\w*|accounts?|sign\s+up|subscri\w*|join)\b", s.plain, re.I))
                and not _AGE_OTHER.search(s.plain)
                and _AGE_RULE.search(s.plain) and any(
        f.kind == "age" and f.value.isdigit() for f in s.facts))
    if age:
        ages = [f.value for f in age.facts if f.kind == "age" and f.value.isdigit()]
        out["age"] = _cell(age, ages[0], history)

    # notice before the terms change: read from the sentences about changing the terms, and the
    # sentences of the same clauses that say when changes apply ("Changes will become effective
    # 15 days after posting")
    about_terms = [s for s in sentences if (_about(s, "terms-changes") or _about(s, "acceptance"))
        and (m := _TERMS_CHANGE.search(s.plain))
        and not re.search(r"\b(?:pric\w*|fees?|payment|billing|plans?|subscription)\s+(?:terms|conditions)\b", m.group(0), re.I)]
    near = {(s.section, s.order + k) for s in about_terms for k in (1, 2, 3)}
    terms = [s for s in sentences if s in about_terms or (
        (s.section, s.order) in near and (_CHANGES_WORD.search(s.plain) or _grace_said(s.plain)))]
    found = _notice_value(terms, lambda s: True)
    if found is None:
        # no sentence names the terms, but one on changes states the notice they get ("We will give
        # you at least 30 days' notice before changes take effect"): a period said of changes that
        # are not of prices, the service or its features is the terms' notice
        found = _notice_value([s for s in sentences if _about(s, "terms-changes") and _CHANGES_WORD.search(s.plain)
                               and not _not_the_terms(s.plain) and not _TAKEN_OFF.search(s.plain)
                               and any(_ahead(s, f) for f in _durations(s))], lambda s: True)
    if found is None:
        # the provider keeps the power to change the terms and says nothing of notice ("Signal may
        # update the Terms from time to time", "We reserve the right to update this privacy policy"):
        # none is promised, unless another section promises it (checked below)
        power = next((s for s in sentences if _keeps_power_to_change(s, about_terms)), None)
        # a word of telling near the change ("We will announce material changes on our website") is a
        # promise the tests above could not read: then no line rather than a wrong "None promised"
        told = any(_TELLS.search(_TERMS_NAMED.sub(" ", s.plain)) for s in terms)
        found = (power, _NONE_PROMISED) if power is not None and (not told or _NO_NOTICE.search(power.plain)) else None
    if found:
        if found[1] == _NONE_PROMISED:
            # "at any time" here, a promise of notice in another section ("We will email you 30 days
            # before changes take effect" under "Notices"): the promise is what the terms give
            found = _promised_elsewhere(found, [s for s in sentences if s not in terms and _CHANGES_WORD.search(s.plain)
                                                and (_about(s, "terms-changes") or _TAKES_EFFECT.search(s.plain)
                                                     or re.search(rf"\b{_TERMS_NOUN}\b", s.plain, re.I))
                                                and not _PRICE_CHANGE.search(s.plain)])
        out["terms-notice"] = _cell(found[0], found[1], history)

    # notice before a service, feature or model is taken away
    taken = [s for s in sentences if any(w in s.plain.lower() for w in _TAKE_WORDS) and _TAKEN_AWAY.search(s.plain)
             and not _NOT_TAKEN_AWAY.search(s.plain)
             and not _USER_RULE.search(s.plain) and not _TERMS_CHANGE.search(s.plain)]
    near = {(s.section, s.order + k) for s in taken for k in (1, 2)}
    removal = [s for s in sentences if s in taken or (
        (s.section, s.order) in near and not _TERMS_CHANGE.search(s.plain) and (re.search(
            r"\b(?:suspension|withdrawal|discontinu\w*|removal|change)\b", s.plain, re.I) or _grace_said(s.plain)))]
    if found := _notice_value(removal, lambda s: True):
        if found[1] == _NONE_PROMISED:
            # "may discontinue the referral programme at any time" here, "we will try to give you
            # reasonable notice of any suspension or withdrawal" in the section on the service
            found = _promised_elsewhere(found, [s for s in sentences if s not in removal and _TAKEN_OFF.search(s.plain)
                                                and not _NOT_TAKEN_AWAY.search(s.plain) and not _USER_RULE.search(s.plain)
                                                and not _TERMS_CHANGE.search(s.plain)
                                                and not _USER_ACCOUNT.search(s.plain)])
        out["removal-notice"] = _cell(found[0], found[1], history)

    train = [s for s in sentences if "ai-training" in cats(s) and _TRAIN.search(s.plain)
             # the user's data, or data a sentence before named ("personal data you provide ... We do not
             # use this data to train ...": a table cell read sentence by sentence)
             and re.search(r"\b(?:your|user|customer)\b|\binputs?\b|\bprompts?\b|\b(?:this|such|these|that|"
                           r"personal)\s+(?:personal\s+)?(?:data|information)\b", s.plain, re.I)
             and not _USER_RULE.search(s.plain)]
    if train:
        # an opt-out may sit in an "unless you opt out" clause of the sentence or a few sentences
        # after it in the same section ("You can opt out in your settings."): then that sentence
        # states the fact, even when an earlier training sentence names no opt-out
        def opt_near(t: _Sentence) -> _Sentence | None:
            return _find(sentences, lambda x: _OPT_OUT.search(x.plain) and (x is t or x.clause.id == t.clause.id or (
                x.section == t.section and 0 < x.order - t.order <= 3)))
        s = next((t for t in train if _OPT_OUT.search(t.plain)), None) or next(
            (t for t in train if opt_near(t) is not None), train[0])
        negative = re.search(r"\b(?:(?:do|does|will|shall)\s+not|won['’]t|don['’]t|doesn['’]t)\s+(?:\w+\s+)?"
                             r"(?:use|utili[sz]e|train|process|share|"
                             r"license)|\bnever\s+(?:use|train)", s.plain, re.I)
        if negative:
            value = "No"
        else:
            opt = opt_near(s)
            value = "Yes; opt-out available" if (opt or _OPT_OUT.search(s.plain)) else "Yes; no opt-out stated"
        out["ai-training"] = _cell(s, value, history)

    keep = _find(sentences, lambda s: _kept_for(s) is not None and not _KEEP_OTHER.search(s.plain)
                 and not re.search(r"\brequest\w*\b.*\bwithin\b|\bwithin\b.*\brequest", s.plain, re.I)
                 and not _KEPT_NOT_DATA.search(s.plain)
                 and (_about(s, "privacy") or re.search(r"\b(?:data|information|records?|logs?|queries|messages?|"
                                                        r"e-?mails?|copies|backups?)\b", s.plain, re.I)))
    if keep and (period := _kept_for(keep)) is not None:
        out["retention"] = _cell(keep, _fact_words(period), history)

    # a cap: an amount in a sentence that caps liability, or what the user paid; "no cap" only
    # when no sentence caps it and indirect damages are excluded
    capping = [s for s in sentences if (_about(s, "liability") or "liability" in s.watch) and _CAP.search(s.plain)
               and re.search(r"\b(?:our|its|their|[\w-]+['’]s|total|aggregate|entire|maximum|cumulative)\s+(?:\w+\s+){0,2}?"
                             r"liability|\bin\s+no\s+event\b|\bliability\s+(?:\w+\s+){0,4}?(?:is|shall\s+be|will\s+be)\s+"
                             r"limited|\b(?:not|neither|never)\b[^.;]{0,40}\bliable\b.{0,1500}\b(?:exceed\w*|in\s+excess\s+of)\b",
                             s.plain, re.I)]
    cap = _find(capping, lambda s: any(f.kind == "money" for f in s.facts) or _PAID.search(s.plain))
    if cap:
        out["liability-cap"] = _cell(cap, _cap_words(cap), history)
    elif not capping and (cap := _find(sentences, lambda s: _about(s, "liability") and re.search(
            r"\b(?:indirect|consequential)\b", s.plain, re.I))):
        out["liability-cap"] = _cell(cap, "No cap stated; indirect damages excluded", history)
    return {k: v for k, v in out.items() if v is not None}


# 'as described in our Privacy Policy', 'see the Refund Policy', 'governed by our Data Processing
# Addendum': the name of another document a sentence sends the reader to
_POINTER = re.compile(
    r"\b(?:see|described in|set out in|explained in|detailed in|outlined in|found in|refer to|governed by|"
    r"in accordance with|according to|(?:read|review|consult|visit|check)|available (?:at|in|on)|covered (?:by|in)|"
    r"subject to|handled under|under)\s+(?:our|the|its|their|your|[A-Z][\w&.-]*['’]s)\s+"
    r"((?:[A-Z][\w-]*\s+){0,3}(?:Policy|Policies|Notice|Statement|Guidelines|Addendum|Page|Schedule|Rules|"
    r"FAQ|Help Center|Terms))\b")
# what a pointer sentence must be about to answer each question ('how we process your inputs')
_POINTER_TOPIC = {
    "refunds": re.compile(r"\brefund|\bcredits?\b|cancel|\bbilling\b|\bpayments?\b", re.I),
    "age": re.compile(r"\bage\b|\bminors?\b|child|\bparent|guardian|\byears? old", re.I),
    "removal-notice": re.compile(r"deprecat|retir|\bremov|discontinu|model (?:availability|lifecycle)", re.I),
    "disputes": re.compile(r"disput|arbitrat|\bclaims?\b|\bcourts?\b", re.I),
    "ai-training": re.compile(r"\b(?:train\w*|inputs?|outputs?|prompts?|content|(?:personal )?(?:data|information)|"
                              r"process\w*|collect\w*)\b", re.I),
    "terms-notice": re.compile(r"\b(?:chang\w*|updat\w*|modif\w*|amend\w*) (?:to |of )?(?:these|the|our) terms",
                               re.I),
}
# a document named in a pointer that could hold the answer to each question (none for these Terms)
_POINTER_DOC = {
    "refunds": re.compile(r"refund|billing|payment|pricing|credit|cancell?ation|fee", re.I),
    "age": re.compile(r"privacy|child|minor|youth|age|community|guidelines", re.I),
    "removal-notice": re.compile(r"deprecat|model|lifecycle|service level|\bsla\b|support", re.I),
    "disputes": re.compile(r"arbitration|dispute", re.I),
    "ai-training": re.compile(r"privacy|data|\bai\b|model|usage|cookie", re.I),
    "terms-notice": re.compile(r"(?!)"),  # a change to these Terms is these Terms' own matter
}


def pointer(sentence: str, question: str) -> str:
    """The document ``sentence`` sends the reader to for ``question`` (an id of QUESTIONS), e.g.
    'Privacy Policy' for 'ai-training' in 'We process your inputs as described in our Privacy
    Policy.'; '' when it points nowhere, or elsewhere than such a question would be answered."""
    topic, docs = _POINTER_TOPIC.get(question), _POINTER_DOC.get(question)
    if topic is None or docs is None or not topic.search(sentence):
        return ""
    for m in _POINTER.finditer(sentence):
        name = " ".join(m.group(1).split())
        if docs.search(name) and not re.fullmatch(r"(?:these |this )?(?:Terms|Agreement)", name, re.I):
            return name
    return ""


def document_named(name: str, types: Sequence[str]) -> str | None:
    """Which of a service's document ``types`` a pointer's ``name`` means ('Privacy Policy' ->
    'Privacy Policy'; 'privacy notice' -> 'Privacy Policy' when no 'Privacy Notice' is tracked:
    the same first word and a policy, notice or statement); None when none does."""
    low = " ".join(name.lower().split())
    if not low:
        return None
    first = low.split()[0]
    return next((t for t in types if t.lower() == low), None) or next(
        (t for t in types if t.lower().split()[:1] == [first] and re.search(r"(?:policy|notice|statement)$", t.lower())),
        None)


def answered_elsewhere(answer: Answer, other: Sequence[Answer]) -> Answer | None:
    """The answer of ``other`` (the answers of the document ``answer.see`` names) to the same
    question, when it answers from a clause of its own (not "The terms do not say", not another
    pointer); None otherwise. The CLI and the site show it under the pointer ("See the Privacy
    Policy." then "The Privacy Policy says: ...")."""
    if not answer.see:
        return None
    found = next((a for a in other if a.id == answer.id), None)
    return found if found is not None and found.clause and not found.see else None


def _stands_alone(s: _Sentence) -> bool:
    """A sentence an answer may quote: it neither starts inside another ('refunds shall be issued
    ... unless' of a page broken into lines after 'No') nor ends on a word leading into the next."""
    return s.broken != "no subject" and not re.search(
        r"\b(?:unless|if|of|the|a|an|to|and|or|for|with|by|that|which|than|no|not)\W*$", s.plain, re.I)


# a refund named in passing by a clause about something else: a power used "without notice or
# refund" (placing ads, removing content), an example of abuse ("for example, by applying for refunds")
_REFUND_IN_PASSING = re.compile(r"\bwithout\s+(?:[\w-]+\s+){0,3}?(?:(?:or|and|and/or)\s+)?(?:a\s+|any\s+)?refunds?\b|"
                                r"\b(?:for\s+example|e\.g\.|such\s+as|including)\b[^.;)]{0,80}?\brefunds?\b", re.I)


# A consumer's right of withdrawal, in the languages the tracker reads.
_WITHDRAWAL = re.compile(r"\b(?:droit|délai|période)\s+de\s+rétractation\b|\bvous\s+(?:pouvez|disposez)[^.;]{0,60}?"
                         r"\brétract|\bWiderrufs(?:recht|frist)\b|\b(?:right|period)\s+of\s+withdrawal\b|"
                         r"\bright\s+to\s+withdraw\s+from\s+(?:the|this|your|a)\s+(?:contract|purchase|order)|"
                         r"\bcooling[- ]off\s+period\b", re.I)
_PERIOD_SAID = re.compile(r"\b\d{1,3}\s*(?:days?|jours?|Tagen?|calendar days)\b|\b(?:fourteen|quatorze|vierzehn)\b", re.I)


ANSWER_CHARS = 400  # the most an answer quotes of one sentence


def _answer_words(plain: str, lowers: frozenset[str] = frozenset()) -> str:
    """One sentence of an answer: shortened at a clause boundary (``compress``), else whole when it
    is short enough, else its first ``ANSWER_CHARS`` characters cut on a word that carries
    meaning and marked "…" (a run of text the splitter took for one sentence is never quoted whole)."""
    text = compress(plain, 40) or _tidy(plain)
    text = _keep_case(text, lowers)  # "npm may ...", as the document writes it
    return text if len(text) <= ANSWER_CHARS else one_line(text, ANSWER_CHARS)


# Words of a document that addresses AI: its models, their training, prompts and outputs
# (en, fr, de, es). "AI"/"IA"/"KI" count only in capitals.
_AI_WORDS = re.compile(
    r"(?i:\bartificial[\s-]+intelligence\b|\bmachine[\s-]+learning\b|\b(?:large\s+)?language\s+models?\b|\bLLMs?\b|"
    r"\bgenerative\b|\bneural\s+net\w*|\bchat-?bots?\b|\bprompts?\b|\bfine-?tun\w*|\b(?:AI|ML)[\s-]+(?:\w+\s+)?(?:models?|"
    r"features?|tools?|systems?|services?|assistants?|generated|outputs?)\b|\bintelligence\s+artificielle\b|"
    r"\bkünstliche[nr]?\s+intelligenz\b|\binteligencia\s+artificial\b|\bapprentissage\s+automatique\b|"
    r"\bmaschinelle[ns]?\s+lernen\b)|\b(?:AI|A\.I\.|KI|GenAI)\b")
_NO_MODEL_REMOVAL = "How much notice before a feature or service is removed?"


def _addresses_ai(sentences: Sequence[_Sentence]) -> bool:
    """Whether a document says anything about AI (its models, their training, prompts, outputs),
    so that questions about model training and model removal are ones it could answer."""
    return any(_AI_WORDS.search(s.plain) or _TRAIN.search(s.plain) for s in sentences)


def _answers(sentences: Sequence[_Sentence], facts: dict[str, Cell],
             history: dict[str, tuple[str, ClauseChange]]) -> list[Answer]:
    """Each of QUESTIONS answered by the sentence(s) that say so, or 'The terms do not say.'; the
    questions about AI only of a document that says something of AI (model removal asked of
    features and services instead, when the document says one may be taken away)."""
    by_clause: dict[str, list[_Sentence]] = {}
    for s in sentences:
        by_clause.setdefault(s.clause.id, []).append(s)

    def from_sentences(qid: str, question: str, picks: Sequence[_Sentence | None]) -> Answer:
        found = [p for p in dict.fromkeys(picks) if p is not None]
        if not found:
            # the terms may leave the question to another document: then say which, not 'do not say'
            for p in sentences:
                if (name := pointer(p.plain, qid)):
                    return Answer(qid, question, f"See the {name}.", p.clause.id, p.section,
                                  _changed(p, history), name)
            return Answer(qid, question, _DONT_SAY)
        # an answer cut short may not drop a condition: then the sentence whole
        text = " ".join(_answer_words(p.plain, p.lowers) for p in found[:2])
        first = found[0]
        changed = next((c for c in (_changed(p, history) for p in found) if c is not None), None)
        return Answer(qid, question, text, first.clause.id, first.section, changed)

    def clause_sentence(cell_id: str) -> _Sentence | None:
        cell = facts.get(cell_id)
        if cell is None:
            return None
        return next((s for s in by_clause.get(cell.clause, []) if s.text == cell.text), None)

    out: list[Answer] = []
    q = dict(QUESTIONS)
    refund = [s for s in sentences if "refunds" in s.labels.categories and re.search(
        r"refund|expir|rembours|erstatt", _REFUND_IN_PASSING.sub(" ", s.plain), re.I) and _stands_alone(s)]
    if not refund:
        # a right of withdrawal ("droit de rétractation de 14 jours", "Widerrufsrecht", "cooling-off
        # period") is how a consumer gets their money back: the answer, the one with a period first
        withdraw = [s for s in sentences if _WITHDRAWAL.search(s.plain) and _stands_alone(s)]
        refund = sorted(withdraw, key=lambda s: not _PERIOD_SAID.search(s.plain))
    out.append(from_sentences("refunds", q["refunds"], refund[:2]))
    age = clause_sentence("age")
    guardian = _find(sentences, lambda s: "eligibility" in s.labels.categories and re.search(
        r"parent|guardian|majority", s.plain, re.I))
    out.append(from_sentences("age", q["age"], [age, guardian]))
    ai = _addresses_ai(sentences)
    removal = clause_sentence("removal-notice")
    # a period said in the sentence after the one on what goes ("You will then have a grace period
    # of 14 days."): that sentence first, so the answer says what the period is before
    what = None if removal is None or _TAKEN_AWAY.search(removal.plain) else _find(sentences, lambda s: (
        s.section == removal.section and 0 < removal.order - s.order <= 2 and bool(_TAKEN_AWAY.search(s.plain))))
    if ai:
        out.append(from_sentences("removal-notice", q["removal-notice"], [what, removal]))
    elif removal is not None or any(_TAKEN_AWAY.search(s.plain) and not _NOT_TAKEN_AWAY.search(s.plain)
                                    for s in sentences):
        # no model to remove: asked of the features and services the document says may go
        out.append(from_sentences("removal-notice", _NO_MODEL_REMOVAL, [what, removal]))
    arb = clause_sentence("arbitration")
    # the courts too when the terms name them apart from the arbitration (small claims, opt-outs)
    court = _find(sentences, lambda s: (_court_places(s) or home_forum("jurisdiction", s.plain))
                  and not _NOT_DISPUTES.search(s.plain))
    out.append(from_sentences("disputes", q["disputes"], [arb, court]))
    train = clause_sentence("ai-training")
    opt = _find(sentences, lambda s: _OPT_OUT.search(s.plain) and train is not None and s is not train
                and (s.clause.id == train.clause.id or (s.section == train.section and 0 < s.order - train.order <= 3)))
    # a document with nothing about AI is not asked about model training, unless it leaves the
    # use of its users' data to another document (which may say: "See the Privacy Policy.")
    if ai or train is not None or any(pointer(s.plain, "ai-training") for s in sentences):
        out.append(from_sentences("ai-training", q["ai-training"], [train, opt]))
    tn = clause_sentence("terms-notice")
    # how the change is told, when another sentence of the clause says it ("We may also notify you
    # by email") and the value's sentence does not
    told_by = re.compile(r"\b(?:notify|inform|tell|e-?mail|alert|contact)\s+you\b|\bnotice\s+(?:to\s+you|through|via|by)\b",
                         re.I)
    told = None if tn is None or told_by.search(tn.plain) else _find(sentences, lambda s: (
        s is not tn and s.section == tn.section and abs(s.order - tn.order) <= 3 and bool(told_by.search(s.plain))))
    out.append(from_sentences("terms-notice", q["terms-notice"], [told, tn] if told and tn and told.order < tn.order else [tn, told]))
    return out


# --- the summary ------------------------------------------------------------------------------

# The questions each family of documents is asked even when it does not answer them ("The terms
# do not say" is news of terms, not of a price list): a privacy policy is not asked where disputes
# are heard, a pricing page only about refunds. Any question a document does answer is kept.
_ASKED: dict[str, frozenset[str]] = {
    "terms": frozenset(q for q, _ in QUESTIONS),
    "privacy": frozenset({"age", "ai-training", "terms-notice"}),
    "pricing": frozenset({"refunds"}),
}
_TERMS_TYPE = re.compile(r"\b(?:terms|agreement|conditions|contract|eula|licen[cs]e)\b|\bcg[uv]\b|\bagb\b", re.I)
_PRIVACY_TYPE = re.compile(r"\b(?:privacy|cookies?|trackers?|tracking|personal\s+data|data\s+protection|"
                           r"confidentialit[éey]|datenschutz)\b", re.I)
_PRICING_TYPE = re.compile(r"\b(?:pric\w*|plans?|fees?|rates?|tarif\w*|preise?)\b", re.I)
_LEGAL = frozenset({"arbitration", "class-action", "governing-law", "jurisdiction", "liability", "indemnity",
                    "termination", "acceptance"})


def document_family(kind: str, sentences: Sequence[_Sentence] = (), plans: bool = False) -> str:
    """Which family of documents a document is, for the questions it is asked: 'terms' (terms
    of service, agreements and anything unknown), 'privacy' (a privacy or cookie policy) or
    'pricing' (a pricing page). By its type name when it has one ('Privacy Policy', 'Pricing');
    else by its content: a page of plans with hardly a legal term is a pricing page, a text
    about personal data and nothing about disputes a privacy policy."""
    if kind:
        if _TERMS_TYPE.search(kind):
            return "terms"
        if _PRIVACY_TYPE.search(kind):
            return "privacy"
        return "pricing" if _PRICING_TYPE.search(kind) else "terms"
    cats = [set(s.labels.categories) for s in sentences if s.labels.categories]
    legal = sum(1 for c in cats if c & _LEGAL)
    if plans and legal <= 2:
        return "pricing"
    private = sum(1 for c in cats if c & {"privacy", "ai-training"})
    if len(cats) >= 5 and private >= 0.6 * len(cats) and not any(c & _LEGAL for c in cats):
        return "privacy"
    return "terms"


def _plan_table(clause: Clause) -> bool:
    """Whether a table row's table lists plans: its first column is named 'Plan' (or 'Tier', ...)
    and its rows hold prices."""
    head = clause.text.strip().splitlines()[0].strip().strip("|").split("|")[0].strip().casefold()
    return plain_text(head) in _ROW_NOUN and any(f.kind == "money" for f in extract_facts(plain_text(clause.text)))


_MAX_PLAN_ROWS = 12  # rows: a longer table is a price list, whose rows compete as any other term


def _plan_rows(sentences: Sequence[_Sentence], clauses: Sequence[Clause]) -> list[_Sentence]:
    """The rows of a table of plans ('| Plan | Price | ...', see ``_plan_table``) of at most
    _MAX_PLAN_ROWS rows, as key terms of the pricing concern, in document order: each plan is a
    bullet of its own as a card is, so that no other pricing term ("Annual billing saves 15%")
    comes or goes with the number of plans."""
    tables: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.kind == "table":
            tables.setdefault(_table_of(c), []).append(c)
    plan_tables = {t for t, rows in tables.items() if len(rows) <= _MAX_PLAN_ROWS and any(_plan_table(r) for r in rows)}
    if not plan_tables:
        return []
    # a row names its plan first ('Plus plan: price $12 ...'): no lead-in of a sentence, whatever the name
    rows = [s for s in sentences if s.table and _table_of(s.clause) in plan_tables and s.text]
    for s in rows:
        s.concern = "pricing"
    return rows


def _plan_sentence(plan: _Plan, order: int) -> _Sentence:
    """A plan's card as a key term of the pricing concern, linked to its price line."""
    text = plan.text
    return _Sentence(plan.clause, section_label(plan.clause, plan.name), text, text, classify_text(text),
                     tuple(extract_facts(text)), "pricing", (), order)



def _key_sentences(sentences: list[_Sentence], clauses: Sequence[Clause], plans: Sequence[_Plan]) -> list[_Sentence]:
    """The sentences of the key terms: ``_select`` with the plans of a pricing page, as cards and
    as rows of a table of plans, each a bullet of its own."""
    cards = [_plan_sentence(p, -len(plans) + k) for k, p in enumerate(plans)]
    rows = _plan_rows(sentences, clauses)
    in_cards = frozenset().union(*(p.lines for p in plans), (r.clause.id for r in rows))
    return _select(sentences, cards + rows, in_cards)


def summarise(markdown: str, changes: Iterable[tuple[str, ClauseChange]] = (), kind: str = "") -> Summary:
    """Summarise a document's current text (Markdown or plain text).

    ``changes``: the archive's clause changes of this document as (ISO date, ClauseChange)
    pairs, any order; the latest material change of each clause becomes its bullet's
    ``changed`` note. ``kind``: the document's type as the archive names it ('Privacy Policy',
    'Pricing'), '' when unknown (then its content says: ``document_family``); a question such a
    document does not answer (where disputes are heard, of a pricing page) is left out rather
    than answered "The terms do not say". Returns a ``Summary``; never raises on odd input (an
    empty text gives an empty summary).
    """
    changes = list(changes)
    history = _history(changes)
    sentences, clauses = _sentences(markdown)
    plans = _plans(clauses, [c.text for c in clauses])
    plan_table = any(c.kind == "table" and _plan_table(c) for c in clauses)
    key_terms = [_bullet(s, history) for s in _key_sentences(sentences, clauses, plans)]
    watch_outs = _watch_outs(sentences, history)
    befores = _befores(changes)
    facts = {k: _fact_note(k, c, befores) for k, c in _standard_facts(sentences, history).items()}
    family = document_family(kind, sentences, bool(plans) or plan_table)
    answers = [a for a in _answers(sentences, facts, history) if a.clause or a.id in _ASKED[family]]

    # the clause-level view, by category (kept for ``categories`` in --json and the API)
    body = [c for c in clauses if c.kind != "heading"]
    labels = classify_many(c.text for c in body)
    by_category: dict[str, list[Item]] = {c: [] for c in CATEGORIES}
    watch: list[Item] = []
    for clause, label in zip(body, labels):
        if not label.categories:
            continue
        item = Item(clause.id, clause.text, label.categories, label.watch, tuple(extract_facts(clause.text)))
        for category in label.categories:
            by_category[category].append(item)
        if label.watch:
            watch.append(item)
    return Summary({c: items for c, items in by_category.items() if items}, tuple(watch), tuple(key_terms),
                   tuple(watch_outs), tuple(answers), facts)


def concern_title(concern: str) -> str:
    """Display title of a concern id ('refunds' -> 'Refunds and credits')."""
    return _CONCERN_TITLE.get(concern, concern)


# --- what a new version changed, and summaries kept on disk -----------------------------------


@lru_cache(maxsize=1)  # the code does not change while a process runs
def code_version() -> str:
    """Digest of the code a summary depends on (this module, classification, facts, clauses and
    rendering, whose cut rules shorten bullets): editing any of them invalidates every cached
    summary. 16 hex characters."""
    import hashlib

    # the modules themselves, not the package: it imports analyse, which imports this module
    import tracker.analysis.classify as classify
    import tracker.analysis.clauses as clauses
    import tracker.analysis.facts as facts
    import tracker.analysis.rendering as rendering

    h = hashlib.sha256()
    for module in (__file__, classify.__file__, facts.__file__, clauses.__file__, rendering.__file__):
        h.update(Path(module).read_bytes() + b"\0")
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class BulletChange:
    """One key term a new version changed: its bullet before and after (``before`` None when the
    term is new, ``after`` None when it is gone), its concern and the new clause it comes from."""

    concern: str
    before: str | None
    after: str | None
    clause: str = ""
    section: str = ""  # the heading the term stands under ('§ 4 Credits'); '' under none
    said: str = ""  # what changed, said outright ("You can no longer opt out of ..."): the line's words

    def line(self) -> str:
        """'§ 8 Credits: Credits expire 6 months after purchase (was 12 months).': the term under
        the section it stands in, as the document names it (never a topic guessed from its words:
        a subprocessor clause that mentions changes is no "Changes to the terms"); the term
        alone ('New: ...') when it stands under no heading."""
        if self.said:
            said = self.said
        elif self.after is None:
            said = f"no longer says: {self.before}"
        elif self.before is None:
            said = f"new: {self.after}"
        else:
            now = {(f.kind, f.value) for f in extract_facts(self.after)}
            lost = [f for f in extract_facts(self.before) if f.kind in _FACT_KINDS and (f.kind, f.value) not in now]
            was = ", ".join(_lost_words(lost, self.before, self.after)[:2]) if lost else _replaced_words(
                self.before, self.after)
            said = f"{self.after.rstrip('.')} (was {was})."
        return f"{self.section}: {said}" if self.section else said[:1].upper() + said[1:]

    def to_dict(self) -> dict[str, Any]:
        return {"concern": self.concern, "before": self.before, "after": self.after, "clause": self.clause,
                "section": self.section or None, "line": self.line()}


def _replaced_words(before: str, after: str, most: int = 6) -> str:
    """What ``before`` said where ``after`` differs: the few words replaced ('Lisbon'), read with
    a word either side when they are only small words ('“improve of”' says nothing, '“…the use
    of…”' does); else the old words from just before the first difference, quoted and cut
    ('“…will not be refunded unless 10 days…”'), never the start both sentences share."""
    import difflib

    # a section number is no word that changed ('6.1 To the extent ...' against 'To the extent ...')
    before, after = _LEAD_NUMBER.sub("", before, count=1), _LEAD_NUMBER.sub("", after, count=1)
    old, new = before.rstrip(".").split(), after.rstrip(".").split()
    # words compared as read: 'law,' and 'law' or 'Fees' and 'fees' are the same word
    ops = [op for op in difflib.SequenceMatcher(a=[_word_key(w) for w in old], b=[_word_key(w) for w in new],
                                                autojunk=False).get_opcodes() if op[0] != "equal"]
    gone = [(i1, i2) for tag, i1, i2, _, _ in ops if tag in ("replace", "delete")]
    if gone and all(tag == "replace" for tag, *_ in ops) and sum(i2 - i1 for i1, i2 in gone) <= most:
        pieces = []
        for i1, i2 in gone:
            if not any(_CONTENT.search(w) for w in old[i1:i2]):  # "of", "N.": with the words around it
                i1, i2 = max(0, i1 - 1), min(len(old), i2 + 1)
                pieces.append(f"{'…' if i1 else ''}{' '.join(old[i1:i2])}{'…' if i2 < len(old) else ''}")
            else:
                pieces.append(" ".join(old[i1:i2]).strip(",;:"))
        return " … ".join(pieces)
    if not ops:
        return f"“{before.rstrip('.')}”"
    start = max(0, ops[0][1] - 3)
    quote = one_line(" ".join(old[start:]), 80)
    return f"“{'…' if start else ''}{quote}”"


def _word_key(word: str) -> str:
    """A word as compared between two wordings: lower case, without the punctuation around it."""
    return word.strip(".,;:!?()[]\"“”‘’'*_").lower() or word


# A word that says something (a letter run of 3+ that is no small word), as against "of", "N." or "3".
_CONTENT = re.compile(r"^(?!(?:the|and|for|with|from|that|this|into|onto|upon|our|your|its|their|any|all)\W*$)\W*[^\W\d_]{3,}", re.I)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(clause_key(a).split()), set(clause_key(b).split())
    return len(wa & wb) / max(len(wa | wb), 1)


def compare_summaries(before: Summary, after: Summary, before_text: str = "", after_text: str = "",
                      limit: int = 8) -> list[BulletChange]:
    """The key terms and watch-outs that differ between two versions' summaries, in concern order.

    A bullet of ``after`` with no identical bullet in ``before`` is paired with the most similar
    bullet of ``before`` in the same concern (changed), else it is new; the rest of ``before`` is
    gone. With the versions' texts, a bullet that only entered or left the selection (its
    sentence is in both texts) is not a change, and a page now served in another language (its
    terms translated, ``scope.language_switch``) changed none: every bullet is new in its words
    only. At most ``limit`` changes."""
    if before_text and after_text:
        from tracker.analysis.scope import language_switch

        if language_switch(before_text, after_text):
            return []

    def bullets(s: Summary) -> dict[str, Bullet]:
        return {b.text: b for b in (*s.key_terms, *s.watch_outs)}

    old, new = bullets(before), bullets(after)
    gone = [b for t, b in old.items() if t not in new]
    came = [b for t, b in new.items() if t not in old]
    keys = {name: clause_key(plain_text(text)) if text else "" for name, text in
            (("before", before_text), ("after", after_text))}

    def in_text(b: Bullet, which: str) -> bool:
        k = clause_key(b.source)
        return bool(keys[which]) and bool(k) and k in keys[which]

    out: list[BulletChange] = []
    for b in came:
        options = [g for g in gone if g.concern == b.concern and _overlap(g.text, b.text) >= 0.4]
        match = max(options, key=lambda g: _overlap(g.text, b.text), default=None)
        if match is not None:
            gone.remove(match)
            # "N. Disclaimer" → "O. Disclaimer" is no change, nor a SHOUTED sentence now written in
            # sentence case ("(was Each … disputes … arbitration)" said only the case of three words)
            if _MARKER.sub("", match.text).casefold() != _MARKER.sub("", b.text).casefold():
                out.append(BulletChange(b.concern, match.text, b.text, b.clause, b.section))
        elif not in_text(b, "before"):
            out.append(BulletChange(b.concern, None, b.text, b.clause, b.section))
    out += [BulletChange(g.concern, g.text, None, section=g.section) for g in gone if not in_text(g, "after")]
    out.sort(key=lambda c: _CONCERN_RANK.get(c.concern, len(_CONCERN_RANK)))
    if (training := _training_change(before, after, before_text, after_text)) is not None:
        # the use of the user's data for AI training, said first: the term a key term's rewording hides
        out = [training] + [c for c in out if c.clause != training.clause or not training.clause]
    return out[:limit]


# What a change of the AI-training fact means for the user (old value, new value) -> the line's words
_TRAINING_NEWS = {
    ("Yes; opt-out available", "Yes; no opt-out stated"): "You can no longer opt out of AI training on your data",
    ("No", "Yes; opt-out available"): "Your data may now be used for AI training unless you opt out",
    ("No", "Yes; no opt-out stated"): "Your data may now be used for AI training, with no opt-out stated",
    ("Yes; no opt-out stated", "Yes; opt-out available"): "You can now opt out of AI training on your data",
    ("Yes; opt-out available", "No"): "Your data is no longer used for AI training",
    ("Yes; no opt-out stated", "No"): "Your data is no longer used for AI training",
}
_TRAINING_HINT = re.compile(r"\btrain\w*|\bopt(?:ing)?[- ]?out\b|\bfine-?tun|\bentra[îi]n|\btrainier|\bwidersprech|"
                            r"\bopposer\b", re.I)


def _training_fact(summary: Summary, text: str) -> Cell | None:
    """The AI-training standard fact of a version: from its summary, else read from its text."""
    if "ai-training" in summary.facts or summary.facts:
        return summary.facts.get("ai-training")
    if not text or not _TRAINING_HINT.search(text):
        return None
    return _standard_facts(_sentences(text)[0], {}).get("ai-training")


def _training_change(before: Summary, after: Summary, before_text: str, after_text: str) -> BulletChange | None:
    """A change of whether the provider trains AI on the user's data, or of the user's opt-out, as
    a key term line that says so ("You can no longer opt out of AI training on your data: “...”");
    None when the fact did not change or one version does not state it."""
    if before_text and after_text and not (_TRAINING_HINT.search(before_text) or _TRAINING_HINT.search(after_text)):
        return None  # neither text speaks of training: no need to read them
    old, new = _training_fact(before, before_text), _training_fact(after, after_text)
    if old is None or new is None or (news := _TRAINING_NEWS.get((old.value, new.value))) is None:
        return None
    return BulletChange("privacy", old.text, new.text, new.clause, new.section, said=f"{news}: “{new.text.rstrip('.')}”.")


# A list or section marker ("N.", "4)", "(b)", "12.3"): renumbering changes no term.
_MARKER = re.compile(r"(?:^|(?<=\s))\(?(?:[A-Z]|[a-z]|\d{1,3}(?:\.\d{1,3})*)[.)](?=\s|$)")


def _change_of(d: dict[str, Any] | None) -> Change | None:
    return Change(d["date"], d["before"], d["note"]) if d else None


def _fact_of(d: dict[str, Any]) -> Fact:
    return Fact(d["kind"], d["text"], d["value"], d.get("qualifier") or "")


def summary_from_dict(data: dict[str, Any]) -> Summary:
    """Rebuild a ``Summary`` from ``Summary.to_dict()`` (or from its key terms, watch-outs, answers
    and facts alone: the clause-level ``by_category``/``watch`` view is then empty). Raises
    KeyError/TypeError on a dict of another shape."""
    def bullet(d: dict[str, Any]) -> Bullet:
        return Bullet(d["text"], d["concern"], d["clause"], d["section"] or "", tuple(d["categories"]), tuple(d["watch"]),
                      tuple(_fact_of(f) for f in d["facts"]), d["source"], _change_of(d.get("changed")))

    def item(d: dict[str, Any]) -> Item:
        return Item(d["clause"], d["text"], tuple(d["categories"]), tuple(d["watch"]),
                    tuple(_fact_of(f) for f in d["facts"]))

    return Summary(
        {c: [item(i) for i in items] for c, items in data.get("categories", {}).items()},
        tuple(item(i) for i in data.get("watch", [])),
        tuple(bullet(b) for b in data["key_terms"]),
        tuple(bullet(b) for b in data["watch_outs"]),
        tuple(Answer(a["id"], a["question"], a["answer"], a["clause"] or "", a["section"] or "",
                     _change_of(a.get("changed")), a.get("see") or "") for a in data["answers"]),
        {k: Cell(c["value"], c["clause"] or "", c["section"] or "", c["text"], _change_of(c.get("changed")))
         for k, c in data["facts"].items()},
    )


# --- the key terms of a text, kept on disk for the next version's "changed in this version" ----

def key_bullets(markdown: str) -> Summary:
    """The key terms and watch-outs of ``markdown`` alone (no change notes, facts, answers or
    clause-level view): all ``compare_summaries`` reads of the version before. Never raises."""
    sentences, clauses = _sentences(markdown)
    plans = _plans(clauses, [c.text for c in clauses])
    return Summary(key_terms=tuple(_bullet(s, {}) for s in _key_sentences(sentences, clauses, plans)),
                   watch_outs=tuple(_watch_outs(sentences, {})))


def bullets_cache_dir() -> Path | None:
    """Where ``cached_bullets`` keeps its files: ``key-terms/`` under ``$TRACKER_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/tracker``, else ``~/.cache/tracker`` (the classifier's cache folder), one
    folder per ``code_version()``; None when ``TRACKER_CACHE_DIR`` is "" or "off" or no home."""
    base = cache_folder()
    return None if base is None else base / "key-terms"


def _bullets_file(markdown: str) -> Path | None:
    import hashlib

    folder = bullets_cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / code_version() / f"{digest}.json"


def _bullets_dict(summary: Summary) -> dict[str, Any]:
    # the change notes belong to one archive's history, not to the text: left out
    return {"key_terms": [{**b.to_dict(), "changed": None} for b in summary.key_terms],
            "watch_outs": [{**b.to_dict(), "changed": None} for b in summary.watch_outs],
            "answers": [], "facts": {}}


def remember_bullets(markdown: str, summary: Summary) -> None:
    """Keep the key terms and watch-outs of ``summary`` (the summary of ``markdown``) on disk, so
    that summarising the next version costs no second summary of this one. Best effort: a cache
    that cannot be written is skipped silently (a read-only home, a full disk)."""
    path = _bullets_file(markdown)
    if path is None or path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not any(path.parent.iterdir()):  # the first file of new code: the old code's files are dead
            for old in path.parent.parent.iterdir():
                if old.is_dir() and old.name != path.parent.name:
                    for f in old.glob("*.json"):
                        f.unlink(missing_ok=True)
                    old.rmdir()
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_bullets_dict(summary)), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def cached_bullets(markdown: str) -> Summary:
    """The key terms and watch-outs of ``markdown`` (``key_bullets``), from the disk cache when a
    summary of the same text by the same code was kept there (``remember_bullets``), else
    computed and kept. Never raises."""
    path = _bullets_file(markdown)
    try:
        if path is not None:
            return summary_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    result = key_bullets(markdown)
    remember_bullets(markdown, result)
    return result

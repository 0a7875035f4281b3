"""The last pass over a version's explanations: what a reader is told must be right on its own.

``materiality`` labels each clause change, and the learned decision may then overrule the whole
pair; this pass runs after both (``analyse`` calls ``refine``), so it never changes which changes
or pairs are material, only how a material change is said and how serious it is called:

* the text of every explanation is clean: no template token left by a page's CMS ("qqemailqq",
  "{{company}}", "[DATE]": said as what they stand for, "the company", "a date"), no Markdown
  syntax (comments, emphasis marks, link targets, table pipes);
* a right of the user is not a watch-out against them: a new clause that only gives the user a
  right ("You may terminate your account at any time", "you have a right under local law to
  bring a claim", "Subscribers shall be entitled to suspend their use") or binds the provider to
  them ("Before suspending your account, we will give you notice") is ``material``, never
  ``critical``, and never named "New termination right";
* a promise removed ("We do not sell your personal data", "We will not train our models on your
  content") is said as a promise withdrawn ("No longer promises not to sell your personal data")
  and is ``critical``: the headline ranks it first (``headline.rank_changes``);
* a new use of the user's data or content to train AI models is ``critical`` however it is
  worded (a new clause, or a clause that "now also covers" training), as a new watch-out is;
* a quote reads alone: a word swap quoted too tight is quoted as its phrase (``readable_quotes``),
  a new clause said by a few of its words is said whole (``new_clause_whole``);
* an imprint's host or publisher is named in its role, never "the contracting party" nor "text
  without legal effect" (``imprint_said``); its company line replaced is one change;
* a table of contents removed or rebuilt is said so (``toc_said``), not "regrouped";
* words put into or taken out of what a clause leaves out or denies ("not including …", "we do
  not sell …", "sauf", "ausgenommen") are said the right way round ("Now also excludes: …"), and a
  word that only qualifies an item ("unhashed email address") as narrowing or widening it
  (``exclusion_said``).

Pure functions of the changes; the decision's features never see these severities.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from tracker.analysis.boilerplate import has_verb
from tracker.analysis.rendering import LEADS_ON, address_line, good_end
from tracker.analysis.clauses import Clause
# (where disputes go: in facts, so that the headline reads it without importing this module)
from tracker.analysis.facts import courts_named
from tracker.analysis.lexicons import NEGATION, PASSIVE_PROMISE_EN, PASSIVE_PROMISE, QUALIFIER_OPEN
# a right of the user: its own module, which the key-terms summary reads too
from tracker.analysis.rights import _USER, gives_user_a_right
from tracker.records import ClauseChange

__all__ = ["clean_explanation", "gives_user_a_right", "promise_withdrawn", "refine", "trains_ai"]

# -- clean text ------------------------------------------------------------------------------------
# A page's unfilled template tokens: "qqemailqq" (a CMS's placeholder), "{{company}}", "${name}",
# "%COMPANY%", "[DATE]" (upper case in brackets, not a link's text).
_TEMPLATE = re.compile(r"\bqq(?P<a>[a-z_]+?)qq\b|\{\{\s*(?P<b>[^{}]{1,40}?)\s*\}\}|\$\{(?P<c>\w{1,40})\}|"
                       r"%(?P<d>[A-Z][A-Z_]{2,40})%|\[(?P<e>[A-Z][A-Z _-]{2,40})\](?!\()", re.I)
_TOKEN_WORDS = (  # what a token names, said as a reader would
    (re.compile(r"e-?mail", re.I), "an e-mail address"),
    (re.compile(r"url|link|website|site|domain", re.I), "a web address"),
    (re.compile(r"phone|tel", re.I), "a phone number"),
    (re.compile(r"address", re.I), "an address"),
    (re.compile(r"date|day|year|month", re.I), "a date"),
    (re.compile(r"company|business|operator|provider|brand|service|app|platform|entity|org", re.I), "the company"),
    (re.compile(r"country|state|city|jurisdiction|region", re.I), "a place"),
    (re.compile(r"amount|price|fee|sum|currency", re.I), "an amount"),
)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_EMPHASIS = re.compile(r"\*\*|__(?=\w)|(?<=\w)__|`")
_PIPES = re.compile(r"\s*(?<!\\)\|(?:\s*(?<!\\)\|)*\s*")
_SEPARATOR = re.compile(r"(?<![\w-]):?-{3,}:?(?![\w-])")


def _token_word(name: str) -> str:
    for pattern, said in _TOKEN_WORDS:
        if pattern.search(name):
            return said
    return "…"


_SAME_VALUE = re.compile(r"\bnow (?P<v>[^:;()“”«»]{1,40}?) instead of (?P=v)(?=[:;,.]|\s\(|\s*$)")
# a piece of an HTML tag a capture left in the text ("such matters./span>", "</div>")
_TAG_DEBRIS = re.compile(r"</?(?:span|div|p|a|b|i|u|em|strong|font|li|ul|ol|br|td|tr|sup|sub)\b[^<>]{0,80}>|"
                         r"(?<=[\w.,;:!?)])/(?:span|div|p|a|b|i|u|em|strong|font|li|ul|ol|td|tr|sup|sub)>", re.I)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def contacts_restored(explanation: str, before: str, after: str) -> str:
    """``explanation`` with the placeholder words the comparison puts for an e-mail address or a
    phone number ("qqemailqq", "qqphoneqq") given back as the clause writes them, when the clause
    (old and new text together) has only one such address or number: a quote then says what the
    page says ("écrire à dpo@zorblo.example"), never "écrire à an e-mail address". With several,
    which one a placeholder stands for is unknown, and ``clean_explanation`` names its kind.

    Args:
        explanation: the change's explanation.
        before, after: the clause's old and new text ("" for none).

    Returns:
        The explanation, its placeholders restored where that is sure."""
    from tracker.analysis.novelty import _DATE_LIKE, _PHONE, EMAIL_TOKEN, PHONE_TOKEN

    if "qq" not in explanation:
        return explanation
    text = f"{before}\n{after}"
    emails = set(_EMAIL.findall(text))
    phones = {m.group(0) for m in _PHONE.finditer(text)
              if sum(ch.isdigit() for ch in m.group(0)) >= 7 and not _DATE_LIKE.fullmatch(m.group(0))}
    for token, found in ((EMAIL_TOKEN, emails), (PHONE_TOKEN, phones)):
        if token in explanation and len(found) == 1:
            explanation = explanation.replace(token, next(iter(found)))
    return explanation


@lru_cache(maxsize=4096)  # (pure; the same explanation is cleaned for the change and its headline)
def clean_explanation(text: str) -> str:
    """``text`` with template tokens said as what they stand for ("{{company}}" → "the company",
    "[DATE]" → "a date", unknown ones "…"), Markdown comments dropped, links as their text,
    emphasis and code marks and table pipes gone; a quote or a lead's text never opens on a stray
    ";" or "," ("New:; Any such …" → "New: Any such …"). Text without any of them is returned as is."""
    if text and "“" in text:
        # a quote opening inside a parenthesis it then closes ("“Pre-GA Terms”) if you are ...", "“EU) and
        # the ..."): from the words after it, marked as cut
        text = re.sub(r"(?:(?<=: )|(?<=says )|(?<=reads )|(?<=instead of )|(?<=^))“[^“”()«»]{0,60}(?:”\)|\))[,;]?\s+(?=\w)",
                      "“…", text)
    if text:
        text = re.sub(r"^([A-Z][^:“«]{0,60}):\s*[;,]\s*(?=\S)", r"\1: ", text)
        text = re.sub(r";\s+[.,:;]+\s+(?=\w)", "; ", text)  # a table cell that opens on a stray mark ("vélos; . Obligation")
        text = re.sub(r"([“«])\s*[;,]\s+(?=\S)", r"\1", text)
    if text and ">" in text:
        text = _TAG_DEBRIS.sub("", text)
    if not text or not re.search(r"qq|[{}$%\[\]*_`|<•(]|[;,]\s*\([a-z-]+(?:, [a-z-]+)*\)$", text):
        return text
    # an address whose escaped "\_" split it ("zorblio\_privacy@…" read as "zorblio\ qqemailqq"): one address
    text = re.sub(r"[\w.+-]+\\\s*(?=qq[a-z_]+qq)", "", text)
    out = _TEMPLATE.sub(lambda m: _token_word(next(g for g in m.groups() if g)), text)
    out = _COMMENT.sub(" ", out)
    out = _LINK.sub(r"\1", out)
    out = re.sub(r"\s*\]\((?:https?://|/|#|mailto:)[^)\s]*\)?", "", out)  # a link whose "[" was cut off the quote
    out = _EMPHASIS.sub("", out)
    out = re.sub(r"\s+[*•]\s+(?=\S)|<br\s*/?>", "; ", out)  # a list run into one line: "remboursements * Offrir"
    out = re.sub(r"^([A-Z][^:“«]{0,60}):\s*;\s*(?=\S)", r"\1: ", out)  # ... but a list item's own marker: "New: * Use"
    if "|" in out:
        out = _SEPARATOR.sub(" ", out)
        out = _PIPES.sub("; ", out)
        out = re.sub(r"(?:;\s*){2,}", "; ", out)
        out = re.sub(r"([“«])\s*;\s*", r"\1", out)
        out = re.sub(r":\s*;\s*", ": ", out)
        out = re.sub(r"\s*;\s*([”»)])", r"\1", out)
    # a bracket whose link went with it: "Pixelmint ( )" (a link's place may be held by a \x02 or \x03 mark)
    out = re.sub(r"\s*\((?:\s|[\x02\x03])*[;,]?(?:\s|[\x02\x03])*\)", "", out)
    out = re.sub(r"[ \t]{2,}", " ", out).strip()
    out = re.sub(r"\s*[;,]\s*(?=\([a-z-]+(?:, [a-z-]+)*\)$)", " ", out)  # a list item's ";" before the tags
    if out != text:  # a space left before a mark where a token or comment went ("keep <!-- x --> ." → "keep.")
        out = re.sub(r"(?<=\w)\s+([.,;])(?=\s|$)", r"\1", out)
    if out.endswith(":"):  # all it quoted was markup
        out += " markup not shown on the page"
    return out


# -- a promise withdrawn ---------------------------------------------------------------------------
# Negative commitments of the provider about what it does with the user's data, content or money
# ("we do not sell", "we will never share", "we won't charge"): a disclaimer ("we do not warrant",
# "we will not be liable") is no promise, and its removal is good news.
_PROMISED_VERBS = (r"sell|rent|trade|lease|share|disclose|transfer|give|pass|provide|train|use|track|profile|"
                   r"target|monitor|read|scan|listen|record|collect|store|retain|keep|publish|post|claim|charge|"
                   r"bill|increase|raise|change|contact|send|spam|access|combine|license|own|seek|recover")
_ADVERBS = r"(?:\w+ly|currently|ever|even|now|today|at present)"
_NEGATIVE_PROMISE = re.compile(
    # a pronoun or "nothing" names no provider ("This does not give Mozilla any ownership": what a
    # licence does not do, not a promise of Mozilla's)
    r"^(?!(?:this|that|it|these|those|such|nothing|none|neither|there|which|each|any|either)\b)"
    r"(?P<subject>we|(?:[A-Z][\w&.-]*)(?: [A-Z][\w&.-]*){0,3}|the company)\s+"
    r"(?:(?:do|does|will|shall|would|can|may)\s+(?:not|never)|never|don['’]t|doesn['’]t|won['’]t|"
    r"(?:do|does|will)\s+not\s+ever|"
    # a promise said as an undertaking: "Valve agrees not to seek its attorneys' fees"
    r"(?:agrees?|undertakes?|commits?|promises?)\s+(?:not|never)\s+to)\s+"
    rf"(?P<rest>(?:{_ADVERBS}\s+){{0,2}}(?:{_PROMISED_VERBS})\w*\b.*)$", re.I)
_USER_SUBJECT = re.compile(r"^(?:you|users?|members?|customers?|subscribers?|buyers?|sellers?|the user)$", re.I)
# French and German: "nous ne vendons pas", "nous ne partagerons jamais", "wir verkaufen keine",
# "wir geben ... nicht weiter"; quoted, not rephrased.
_FOREIGN_PROMISE = re.compile(
    r"^(?:nous\s+ne\s+(?:\w+\s+)?(?:vend|partage|transf[eéè]r|c[eèé]d|lou|utilis|commercialis|divulgu|"
    r"communiqu|entraîn|factur)\w*\s+(?:\w+\s+)?(?:pas|jamais|aucun)|"
    r"wir\s+(?:verkaufen|vermieten|teilen|nutzen|verwenden|übermitteln|geben|trainieren)\b[^.;]{0,40}?"
    r"\b(?:nicht|niemals|keine[nrsm]?)\b)", re.I)
_CUT = re.compile(r",\s+(?:but|however|although|except)\b|;\s")
# "We will not provide notice before …", "X does not provide customer support": a service withheld
# from the user, whose removal is no promise withdrawn (its data given or provided is one).
_SERVICE_WITHHELD = re.compile(r"(?:\w+ly\s+)?(?:give|provide|offer|pass)\w*\s+(?:\w+\s+){0,3}?"
                               r"(?:notice|notifications?|support|refunds?|warrant\w*|guarantees?|assistance|"
                               r"compensation|credits?|backups?|help|advice|reasons?|explanations?)\b", re.I)


def promise_withdrawn(sentence: str) -> str:
    """The explanation of a removed negative promise ``sentence`` ("We do not sell your personal
    data." → "No longer promises not to sell your personal data"; a French or German one is
    quoted: "No longer promises: « Nous ne vendons pas vos données »"), or "" when it is none
    (a disclaimer, "we do not warrant", or a duty of the user, "you will not resell")."""
    s = re.sub(r"\s+", " ", sentence).strip().rstrip(".;:! ")
    s = re.sub(r"^(?:in principle|generally|as a rule|in general|currently|today|at present|of course),\s+", "", s,
               flags=re.I)  # "In principle, we do not collect ..."
    condition = ""
    if not _NEGATIVE_PROMISE.match(s) and re.match(r"(?i)(?:notwithstanding|if|when|where|for|in|unless|once|as long as)\b", s):
        # a promise after its condition ("Notwithstanding the foregoing, if you use Zorblio Teams, we
        # will not collect your prompts"): the promise, with the condition it holds under
        for comma in re.finditer(r",\s+", s):
            if _NEGATIVE_PROMISE.match(s[comma.end():]):
                lead = s[:comma.start()]
                cond = re.search(r"(?i)\b(?:if|when|where|unless|once|as long as|for|in)\b[^,]*$", lead)
                condition = (cond.group(0) if cond else lead).strip()
                condition = condition[:1].lower() + condition[1:]
                if len(condition) > 70:
                    condition = condition[:70].rsplit(" ", 1)[0] + "…"
                s = s[comma.end():]
                break
    if (m := _NEGATIVE_PROMISE.match(s)) and not _USER_SUBJECT.match(m.group("subject")) \
            and not _SERVICE_WITHHELD.match(m.group("rest")):
        rest = _CUT.split(m.group("rest"), maxsplit=1)[0]
        lead = s[:m.start("rest")].lower()
        words = rest.split()
        if re.search(r"\bnever\s+$", lead):  # "never sells": no auxiliary, the verb in the third person
            k = next((i for i, w in enumerate(words) if not re.fullmatch(_ADVERBS, w, re.I)), 0)
            w = words[k]
            if w.lower().endswith("s") and not w.lower().endswith("ss"):
                words[k] = w[:-2] if w.lower().endswith(("shes", "ches", "xes", "sses")) else w[:-1]
        body = " ".join(words)
        if re.fullmatch(r"\w+\s+(?:it|them|this|that|these|those)", body, re.I):
            return ""  # "Grammarly doesn’t own it": what "it" is stands in another sentence, quoted whole instead
        if len(body) > 80:
            body = body[:80].rsplit(" ", 1)[0] + "…"
        said = f"No longer promises {'never' if 'never' in lead else 'not'} to {body}"
        return f"{said.rstrip('…')} ({condition})" if condition else said
    if _FOREIGN_PROMISE.match(s):
        body = s if len(s) <= 90 else s[:90].rsplit(" ", 1)[0] + "…"
        return f"No longer promises: « {body} »"
    if (m := PASSIVE_PROMISE.match(s)) and not condition:
        body = s if len(s) <= 90 else s[:90].rsplit(" ", 1)[0] + "…"
        if PASSIVE_PROMISE_EN.match(m.group(0)):  # English: said as a sentence ("that your data is never sold")
            return f"No longer promises that {body[:1].lower()}{body[1:]}"
        return f"No longer promises: « {body} »"
    return ""


# A benefit the user is promised in the passive voice ("Annual plans cancelled within 14 days are
# refunded in full", "you will be notified 30 days before a price change"): no provider named,
# still a promise; never one with a negation ("are not refunded": its removal is good news), and
# never a power over the user ("accounts will be deleted" is none of these verbs).
_PASSIVE_BENEFIT = re.compile(
    r"^(?P<subject>[^.;:]{3,80}?)\s+(?:are|is|will\s+be|shall\s+be|get|gets|will\s+get)\s+(?:always\s+|fully\s+|"
    r"promptly\s+|automatically\s+)?(?:refunded|reimbursed|credited|compensated|notified|informed|warned|"
    r"given\s+(?:notice|a\s+refund|the\s+(?:right|option|opportunity))|encrypted)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|non|cannot|can['’]t|won['’]t|isn['’]t|aren['’]t)\b", re.I)


def benefit_withdrawn(sentence: str) -> str:
    """The explanation of a removed promise of a benefit said in the passive voice ("Annual plans
    cancelled within 14 days are refunded in full." → "No longer promises that annual plans
    cancelled within 14 days are refunded in full"), or "" when ``sentence`` is none (negated,
    or no such verb)."""
    s = re.sub(r"\s+", " ", sentence).strip().rstrip(".;:! ")
    if not _PASSIVE_BENEFIT.match(s) or _NEGATED.search(s):
        return ""
    body = s if len(s) <= 90 else s[:90].rsplit(" ", 1)[0] + "…"
    return f"No longer promises that {body[:1].lower() + body[1:] if not body[:2].isupper() else body}"


# A promise of the provider's in the simple present, active voice, after its condition or not ("If you
# cancel within 14 days we refund it in full", "We notify you 30 days before a price change", "we
# respond within 30 days"): what it gives the user is said by its verb; "we charge", "we suspend",
# "we collect" are no such verbs, and "give" / "send" / "provide" give only when "you" get it.
_PRESENT_PROMISE = re.compile(
    r"^(?:(?P<cond>(?:if|when|where|once|as soon as|provided that|as long as)\b[^;:]{3,160}?),?\s+)?"
    r"we\s+(?:always\s+|promptly\s+|automatically\s+)?"
    r"(?P<rest>(?:refund|reimburse|compensate|notify|inform|warn|tell|respond|reply)\b[^;:]*|"
    r"(?:give|send|provide|offer)\s+you\b[^;:]*)$", re.I)


def present_promise_withdrawn(sentence: str) -> str:
    """The explanation of a removed promise the provider made in the present tense ("If you cancel
    within 14 days of your first payment we refund it in full." → "No longer promises to refund it
    in full (if you cancel within 14 days of your first payment)"), or "" when ``sentence`` is none:
    another verb, a negation (its removal is no promise withdrawn), or another subject."""
    s = re.sub(r"\s+", " ", sentence).strip().rstrip(".;:! ")
    m = _PRESENT_PROMISE.match(s)
    if m is None or _NEGATED.search(m.group("rest")):
        return ""
    rest = _CUT.split(m.group("rest"), maxsplit=1)[0]
    verb, _, tail = rest.partition(" ")
    body = f"{verb.lower()} {tail}".strip()
    if len(body) > 80:
        body = body[:80].rsplit(" ", 1)[0] + "…"
    said = f"No longer promises to {body}"
    if cond := m.group("cond"):
        cond = cond[:1].lower() + cond[1:]
        if len(cond) > 70:
            cond = cond[:70].rsplit(" ", 1)[0] + "…"
        return f"{said.rstrip('…')} ({cond})"
    return said


# "We will charge your account ...", "we will co-operate with the authorities by disclosing your
# identity": what the provider said it would do, not a promise to the user. A promise gives the user
# something: a refund, notice, protection, deletion, an answer.
_BENEFIT = re.compile(r"^No longer promises to (?:always\s+)?(?:refund|reimburse|compensate|credit|pay|notify|inform|tell|"
                      r"warn|give|provide|protect|secure|safeguard|encrypt|delete|erase|destroy|anonymi[sz]e|honou?r|"
                      r"respond|reply|answer|keep|maintain|support|offer|return|allow|let|permit|ensure|make|send|"
                      r"continue|retain|restore|repair|replace|fix|correct|accept|review|explain|publish|post|"
                      r"not|never)\b")
_BURDEN = re.compile(r"^No longer promises to (?P<rest>.*)$", re.S)


# -- AI training -----------------------------------------------------------------------------------
_TRAINS = re.compile(
    r"\b(?:train|trains|trained|training|fine-?tun\w*|improv\w*|develop\w*|build\w*)\b[^.;]{0,60}?\b(?:models?|AI|A\.I\.|"
    r"artificial intelligence|machine[- ]learning|algorithms?|LLMs?|neural|technolog\w*|chatbots?|assistants?)\b|"
    r"\bentraîn\w*\b[^.;]{0,60}\b(?:modèles?|IA|intelligence artificielle)\b|"
    r"\btrainier\w*\b[^.;]{0,60}\b(?:Modelle?|KI)\b")
# What is trained on: the user's data or content, said in the sentence.
_DATA = re.compile(r"\b(?:your|user|users['’]?|customer|member|content|data|information|inputs?|outputs?|conversations?|"
                   r"prompts?|chats?|messages?|uploads?|images?|photos?|recordings?|voice|données|contenus?|Daten|Inhalte)\b",
                   re.I)
_NOT_USED = re.compile(r"\b(?:not|never|no longer|won['’]t|don['’]t|doesn['’]t|without|opt[- ]out|ne|nicht|keine?)\b",
                       re.I)


def trains_ai(text: str) -> bool:
    """Whether ``text`` says that something (the user's data or content) is used to train or
    improve AI models, in a sentence that does not deny it ("we do not train", "you can opt out")."""
    if text.lstrip().startswith("|"):  # a table row: a contents line, a cookie list
        return False
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        if _TRAINS.search(sentence) and _DATA.search(sentence) and not _NOT_USED.search(sentence):
            return True
    return False


def training_sentence(text: str) -> str:
    """The first sentence of ``text`` that says the user's data or content trains AI models (as
    ``trains_ai`` reads one, in words of training, "train", "fine-tune", and naming the user's
    data: "your", "users'", "personal"), looked for in a table row's cells and a list's items too
    ("| To develop new services | * We use your interactions with AI models to develop, train and
    fine-tune these models |"); "" when none does."""
    flat = re.sub(r"<br\s*/?>|\s\|\s|^\s*\|\s*|\s*\|\s*$|(?:^|\s)[*+-]\s", "\n", text, flags=re.M)
    for part in flat.split("\n"):
        part = re.sub(r"^\s*[*+-]\s+", "", part)  # a list item's mark
        for sentence in re.split(r"(?<=[.;!?])\s+", _plain(part).strip()):
            if _TRAINS.search(sentence) and _TRAINING_SAID.search(sentence) and _DATA.search(sentence) \
                    and _USERS.search(sentence) and not _NOT_USED.search(sentence):
                return sentence.strip()
    return ""


# whose data: the user's ("your interactions", "users' content"), not "input training data" in general
_USERS = re.compile(r"\b(?:your|you|users?|users['’]|customers?|members?|personal|vos|votre|Ihre[nrs]?)\b", re.I)
# words of training itself: a sentence on models that "generate" or are "built" says no training
# ("training data" names a data set, not an act: "models learn from their input training data")
_TRAINING_SAID = re.compile(r"\btrain(?!ing\s+data\b)\w*|\bfine-?tun\w*|\bmachine[- ]learning\b|\bentraîn\w*|"
                            r"\btrainier\w*", re.I)
_NEW_LEAD = re.compile(r"^(?P<lead>New(?: row| use for AI training)?|Now also says)(?: (?:in|under) [^:“]{1,60})?: ")


def training_point(explanation: str, kind: str, before: str, after: str, limit: int = 110) -> str:
    """A new clause (or words put in a clause) of the ai-training category whose explanation quotes
    another part of it ("New row: Why and how we process data: To develop new services…") said by
    its sentence on AI training ("New row: “We use your interactions with AI models … to develop,
    train, fine-tune and improve these models…”"), cut to ``limit`` characters: the point a reader
    of that category looks for. An explanation that already says training, or a clause that said
    that sentence before, as is."""
    m = _NEW_LEAD.match(explanation)
    if not m or _TRAINING_SAID.search(_CATS_TAIL.sub("", explanation)) or kind not in ("added", "modified", "moved"):
        return explanation
    sentence = training_sentence(after)
    if not sentence or (before and " ".join(sentence.split()) in " ".join(_plain(before).split())):
        return explanation
    from tracker.analysis.rendering import one_line

    said = sentence.rstrip(".;")
    if len(said) > limit and (at := _TRAINING_SAID.search(said)):
        # a long sentence quoted from a few words before its training, which a cut must not lose
        head = said[:at.start()].split()
        said = ("…" if len(head) > 5 else "") + " ".join(head[-5:] + said[at.start():].split())
    said = said if len(said) <= limit else one_line(said, limit)
    cats = re.findall(r"[a-z-]+", _tail(explanation, ()))
    tail = f" ({', '.join(['ai-training'] + [c for c in cats if c != 'ai-training'])})"  # named by its training
    return f"{m.group('lead')}: “{said}”{tail}"


# -- quotes of whole phrases ------------------------------------------------------------------------
# Words that neither end a quoted phrase nor continue one ("promo code once you have paid": "once"
# starts another clause; "type of fiat trading": "of" joins what follows to the phrase).
_FUNCTION = frozenset("""a an the and or but nor if then than so as once when whenever where while which who whom
whose that this these those to of in on at by for with from into onto about over under after before
through via within without across between among per upon toward towards
since until unless because is are was were be been being will would shall should may might can could
must do does did has have had not no also only now just such including include includes any all each
every some our your their its his her my we you they it he she them us le la les l un une des du de et
ou à au aux pour par en sur dans avec que qui ne pas der die das den dem des ein eine und oder zu von
mit für auf im in an""".split())
_JOINERS = frozenset("of de du des von".split())
_PREPOSITIONS = frozenset("in on at by for with from to under within".split())
_WORD_AT = re.compile(r"[^\W\d_][\w’'-]*")
_COVERS = re.compile(r"^(?P<lead>Now also covers|No longer covers): (?P<quote>.+?)(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def _grown(part: str, text: str) -> str:
    """``part`` (words quoted from ``text``) grown to a phrase of whole words: trailing function
    words dropped, the rest of a noun it cut ("mother’s maiden" → "mother’s maiden name"), the
    preposition before it and an "of ..." after it ("accordance with type" → "in accordance with
    type of fiat trading"); at most 3 words more on each side, never across punctuation."""
    ws = part.split()
    while len(ws) > 1 and ws[-1].lower() in _FUNCTION:
        ws.pop()
    while len(ws) > 1 and ws[0].lower() in _JOINERS:  # "of interest-based advertising": the head noun is not new
        ws.pop(0)
    part = " ".join(ws)
    if not part or text.count(part) != 1:
        return part
    start, end = text.index(part), text.index(part) + len(part)
    stop = r"(?:$|[^\w\s]|\s(?:" + "|".join(sorted(_FUNCTION)) + r")\b)"
    if m := re.match(r" (?:of|de|du|des|von) (?:" + _WORD_AT.pattern + r" ){0,1}" + _WORD_AT.pattern + r"(?=" + stop + ")",
                     text[end:]):
        end += m.end()  # "type" → "type of fiat trading": what it is a type of
    elif (m := re.match(r" (" + _WORD_AT.pattern + r")(?=" + stop + ")", text[end:])) \
            and m.group(1).lower() not in _FUNCTION and not has_verb([m.group(1).lower()]):
        end += m.end()  # "mother’s maiden" → "mother’s maiden name": one word that ends the phrase
    elif (m := re.match(r" (" + _WORD_AT.pattern + r") (" + _WORD_AT.pattern + r")", text[end:])) \
            and has_verb([m.group(2).lower()]) and m.group(1).lower() not in _FUNCTION and not has_verb([m.group(1).lower()]):
        end += len(m.group(1)) + 1  # "yearly" → "yearly plans" (apply)
    while end > start and text[start:end].split()[-1].lower() in _FUNCTION:
        end = start + text[start:end].rstrip().rfind(" ")
    if (m := re.search(r"(?:^|\s)(" + _WORD_AT.pattern + r") $", text[:start])) and m.group(1).lower() in _PREPOSITIONS \
            and part.split()[0].lower() not in _FUNCTION and part[:1].islower():
        start -= len(m.group(1)) + 1
    return text[start:end]


_SAYS = re.compile(r"^(?P<lead>Now also says|No longer says): “(?P<quote>[^“”…]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def _said_whole(quote: str, text: str) -> str:
    """A quote that starts a sentence grown to a phrase that ends where its sentence or clause
    does, else marked "…" where it stops mid-sentence ("Finally, we maintain personal data…")."""
    grown = _grown(quote, text) if quote.split()[-1].lower() not in _FUNCTION else quote
    if text.count(grown) != 1:
        return grown
    end = text.index(grown) + len(grown)
    if re.match(r" \w", text[end:end + 2]):
        return grown + "…"
    return grown


def whole_phrases(explanation: str, before: str, after: str) -> str:
    """``explanation`` with the quoted words of a "Now also covers: ..." or "No longer covers:
    ..." grown to whole phrases of their clause (``_grown``): never "age, mother’s maiden" for
    "age, mother’s maiden name", nor "promo code once"; a quote of "Now also says" / "No longer
    says" that stops mid-sentence grown or marked "…"."""
    if says := _SAYS.match(explanation):
        text = re.sub(r"\s+", " ", after if says.group("lead").startswith("Now") else before)
        quote = says.group("quote").strip()
        return f"{says.group('lead')}: “{_said_whole(quote, text)}”{says.group('tail') or ''}"
    m = _COVERS.match(explanation)
    if not m:
        return explanation
    text = re.sub(r"\s+", " ", after if m.group("lead").startswith("Now") else before)
    parts = [_grown(p, text) for p in m.group("quote").split("; ")]
    return f"{m.group('lead')}: {'; '.join(p for p in parts if p)}{m.group('tail') or ''}"


_DROPS = re.compile(r"^Drops “(?P<words>[^”]*;[^”]*)” from: “[^”]*”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def _opens(word: str) -> bool:
    """Whether ``word`` opens a quotation mark or bracket it does not close ("(“Pre-GA")."""
    return word.count("“") > word.count("”") or word.count("«") > word.count("»") or word.count("(") > word.count(")")


def _span(words: list[str], lo: int, hi: int, limit: int = 80) -> str:
    """``words[lo:hi]`` as a quote of at most ``limit`` characters, "…" where cut."""
    text = " ".join(words[lo:hi])
    cut_end = hi < len(words)
    if len(text) > limit:
        text, cut_end = text[:limit].rsplit(" ", 1)[0], True
        kept = text.split()
        while len(kept) > 3 and (kept[-1].lower().strip(",;:") in _FUNCTION | LEADS_ON or _opens(kept[-1])):
            kept.pop()  # never cut on a word that leads on ("correct your…"), nor inside a quote it opens
        text = " ".join(kept)
    return f"{'…' if lo else ''}{text.rstrip(',;:')}{'…' if cut_end else ''}"


# One character typed two ways: a quote or apostrophe curled or straight, a dash long or short, a
# non-breaking space. "party's" and "party’s" are one word to a reader.
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                             "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def word_keys(words: Sequence[str]) -> list[str]:
    """The words of a wording (split on spaces) as two wordings of a clause are compared: quotes,
    apostrophes and dashes straightened, Markdown emphasis and the punctuation around a word set
    aside. Two wordings that differ only in typography ("d’une" / "d'une",
    "**Control**" / "Control", "patents," / "patents") then differ in no word, and a quote of what
    changed starts at the words that did.

    Args:
        words: the words of one wording, as ``str.split`` gives them.

    Returns:
        One key per word, in order (a word of punctuation only keeps itself as its key)."""
    out = []
    for w in words:
        key = w.translate(_TYPOGRAPHY).replace("**", "").replace("__", "").strip(".,;:!?()[]\"'*_")
        out.append(key or w)
    return out


def _typed(words: Sequence[str]) -> list[str]:
    """The words lower-cased, their quotes, apostrophes and dashes straightened and bold marks gone
    (their punctuation kept: "and," / "and" still differ, a comma put in is a change read in place)."""
    return [w.translate(_TYPOGRAPHY).replace("**", "").replace("__", "").lower() for w in words]


def passages(before: str, after: str, width: int = 3) -> tuple[str, str]:
    """The stretch of each side from just before its first changed word to just after its last
    (``width`` words either side): one readable passage as it reads now and as it read before."""
    import difflib

    a, b = before.split(), after.split()
    ops = [op for op in difflib.SequenceMatcher(None, word_keys(a), word_keys(b), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if not ops:
        return "", ""
    i1, i2 = max(0, ops[0][1] - width), min(len(a), ops[-1][2] + width)
    j1, j2 = max(0, ops[0][3] - width), min(len(b), ops[-1][4] + width)
    if len(" ".join(b[j1:j2])) > 80 or len(" ".join(a[i1:i2])) > 80:
        # too long to quote whole: a change of small words only ("and" dropped from "…, and with
        # Postmark") gives way to the one that carries content ("…, and with Brightline Analytics")
        content = [op for op in ops if any(w.lower().strip(",;:.()“”\"'") not in _FUNCTION
                                           for w in a[op[1]:op[2]] + b[op[3]:op[4]] if w.strip(",;:.()“”\"'"))]
        if content and content != ops:
            i1, i2 = max(0, content[0][1] - width), min(len(a), content[-1][2] + width)
            j1, j2 = max(0, content[0][3] - width), min(len(b), content[-1][4] + width)

    def _on(words: list[str], hi: int) -> int:
        # a passage cut at a word that leads on ("…obtained through the…") goes on to its noun
        for _ in range(3):
            if hi >= len(words) or words[hi - 1].lower().strip(",;:") not in _FUNCTION | LEADS_ON \
                    or words[hi - 1][-1:] in ",;:.":
                break
            hi += 1
        return hi

    return _span(b, j1, _on(b, j2)), _span(a, i1, _on(a, i2))


def _unbalanced(quote: str) -> bool:
    """Whether ``quote`` opens or closes a bracket or quotation mark it does not match."""
    return quote.count("“") != quote.count("”") or quote.count("«") != quote.count("»") \
        or quote.count("(") != quote.count(")") or quote.count('"') % 2 == 1


_DESCRIBING = re.compile(r"(?:\b(?:which|that|who)\s+(?:is|are|was|were|will be|remains?)|,\s+(?:which|who))\s*$", re.I)


def described_said(explanation: str, before: str, after: str) -> str:
    """"No longer covers: free to set up and use" of "… a Zorblio Payments Account, which is free to set
    up and use": words a relative clause said of a thing, no item of what a clause covers, said as
    what the clause no longer (or now also) says: "No longer says: “…which is free to set up and
    use”". Any other explanation as is."""
    m = _COVERS.match(explanation)
    if not m or "; " in m.group("quote"):
        return explanation
    gone = m.group("lead") == "No longer covers"
    text = re.sub(r"\s+", " ", before if gone else after)
    quote = m.group("quote").strip()
    if text.count(quote) != 1 or not (d := _DESCRIBING.search(text[:text.index(quote)])):
        return explanation
    said = text[d.start():text.index(quote) + len(quote)].lstrip(", ")
    return f"{'No longer says' if gone else 'Now also says'}: “…{said}”{m.group('tail') or ''}"


_ADDS = re.compile(r"^(?P<lead>Adds|Drops) (?P<items>“[^”]*”(?:(?:, | and )“[^”]*”)*)(?P<among>, among other words,)? "
                   r"(?P<prep>to|from): “(?P<window>.*)”(?P<tail>(?: \([a-z-]+(?:, [a-z-]+)*\))?(?: — good news for users)?)$",
                   re.S)
_WORD_EDGE = ",;:()[]\"'“”«»"


_KEEP_LAST = frozenset("not no ne pas nicht".split())


def _key(word: str) -> str:
    return word.strip(_WORD_EDGE + ".!?…").lower()


def adds_said(explanation: str, before: str, after: str) -> str:
    """"Adds “X” to: “…”" / "Drops “X” from: “…”" with each named item the whole stretch of words
    put in (or taken out) it stands in ("order" of "In order to use Zorblat" → "In order"; "Terms"
    of "to the Terms" put in → "to the Terms"): one word of a phrase named alone reads as if only it
    changed. When a named item is not in the quoted passage, the passage is read from before the
    first item to after the last (at most 150 characters), else only the items it shows are named,
    "among other words". Any other explanation as is; ``before`` and ``after`` are the clause's
    texts."""
    import difflib

    m = _ADDS.match(explanation)
    if not m or not before or not after:
        return explanation
    adds = m.group("lead") == "Adds"
    a, b = _plain(before).split(), _plain(after).split()
    words = b if adds else a
    ka, kb = [_key(w) for w in a], [_key(w) for w in b]
    spans = [(j1, j2) if adds else (i1, i2) for op, i1, i2, j1, j2 in
             difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
             if op != "equal" and (j2 > j1 if adds else i2 > i1)]
    keys = kb if adds else ka
    items = re.findall(r"“([^”]*)”", m.group("items"))
    said: list[tuple[str, int, int]] = []
    for item in items:
        cut = item.endswith("…")  # an item cut short: found by its words before the cut, named as it is
        ik = [_key(w) for w in (item.rstrip("…").split()[:-1] if cut else item.split())]
        place = next(((lo, hi) for lo, hi in spans for k in range(lo, hi - len(ik) + 1)
                      if ik and keys[k:k + len(ik)] == ik), None)
        if place is None:
            return explanation  # an item not read as one stretch of the clause: as it is
        lo, hi = place
        if cut:
            if all(item != w for w, _, _ in said):
                said.append((item, lo, hi))
            continue
        while hi - lo > len(ik) and _key(words[hi - 1]) in _FUNCTION - _KEEP_LAST and _key(words[hi - 1]) not in ik:
            hi -= 1  # "app or", "right to": the words put in end on a word that carries meaning, or a "not"
        whole = " ".join(words[lo:hi]).strip(_WORD_EDGE + " ").rstrip(".")
        if hi - lo > 8 or len(whole) > 60 or not whole:
            whole = item  # a long rewrite: the words named stay
        if all(whole != w for w, _, _ in said):
            said.append((whole, lo, hi))

    def flat(t: str) -> str:
        return re.sub(r"\s+", " ", t.replace("…", " ")).strip().lower()

    def shown(item: str, window: str) -> bool:  # an item cut short ("…") by its words before the cut
        return flat(" ".join(item.rstrip("…").split()[:-1]) if item.endswith("…") else item) in flat(window)

    window, among = m.group("window"), m.group("among") or ""
    if not all(shown(w, window) for w, _, _ in said):
        lo, hi = max(0, min(s[1] for s in said) - 3), min(len(words), max(s[2] for s in said) + 3)
        wide = " ".join(words[lo:hi]).strip(_WORD_EDGE + " ").rstrip(".")
        if len(wide) <= 150:
            window = f"{'…' if lo else ''}{wide}{'…' if hi < len(words) else ''}"
        else:
            said = [s for s in said if shown(s[0], window)]
            among = ", among other words,"
            if not said:
                return explanation
    names = [f"“{w}”" for w, _, _ in said]
    named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{m.group('lead')} {named}{among} {m.group('prep')}: “{window}”{m.group('tail')}"


_REREAD = re.compile(r"^(?:Now reads|Now says) “(?P<now>[^“”]+)” \(was “(?P<was>[^“”]+)”\)(?P<tail>(?: \([a-z-]+(?:, [a-z-]+)*\))?)$")
_EDIT_MAX = 6  # words put in or taken out that a reader takes in as one edit


def edit_said(explanation: str, before: str, after: str) -> str:
    """"Now reads “X” (was “Y”)" of a clause whose only change is a few words put in or taken out
    ("To make requests, please contact us" → "To make requests regarding your data, please contact
    us") said as that edit: "Adds “regarding your data” to: “To make requests regarding your data,
    please contact…”", "Drops “also” from: “…”" (the reader had to compare two quotes to find it).
    One stretch of at most ``_EDIT_MAX`` words, put in or taken out, nothing else changed; any
    other explanation as is."""
    import difflib

    m = _REREAD.match(explanation)
    if not m or not before or not after:
        return explanation
    a, b = _plain(before).split(), _plain(after).split()
    ops = [op for op in difflib.SequenceMatcher(None, [_key(w) for w in a], [_key(w) for w in b],
                                                autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] not in ("insert", "delete"):
        return explanation
    tag, i1, i2, j1, j2 = ops[0]
    words, lo, hi, window = (b, j1, j2, m.group("now")) if tag == "insert" else (a, i1, i2, m.group("was"))
    if not 0 < hi - lo <= _EDIT_MAX:
        return explanation
    item = " ".join(words[lo:hi]).strip(_WORD_EDGE + " ").rstrip(".")
    if not item or not any(ch.isalnum() for ch in item) or re.search(r"[“”«»\"]", item):
        return explanation  # quote marks of its own would break the quote it is named in
    if item.lower() not in window.lower():
        start = max(0, lo - 5)
        window = f"{'…' if start else ''}{' '.join(words[start:hi + 4])}{'…' if hi + 4 < len(words) else ''}"
    lead, prep = ("Adds", "to") if tag == "insert" else ("Drops", "from")
    return f"{lead} “{item}” {prep}: “{window}”{m.group('tail')}"


_CONDITION_WORD = re.compile(r"(?:^|\s)(?P<w>if|unless|when|whenever|where|although|though|except|provided|whether|"
                             r"si|sauf|lorsque|wenn|falls|sofern)\s+$", re.I)


def condition_kept(explanation: str, before: str, after: str) -> str:
    """A quote of "Now says “…” instead of “…”" that starts right after the word that makes its
    words a condition ("we do not provide an opt-out mechanism, it is because …" of "If we do not
    provide an opt-out mechanism, …") given that word back: "“If we do not provide …”". Any other
    explanation as is."""
    m = _INSTEAD.search(explanation)
    if not m:
        return explanation
    out = {}
    for side, text in (("now", after), ("was", before)):
        q = m.group(side)
        body = q.strip("…")
        flat = re.sub(r"\s+", " ", text)
        if flat.count(body) != 1 or not (w := _CONDITION_WORD.search(flat[:flat.index(body)])):
            out[side] = q
            continue
        start = flat.index(body) - len(w.group(0).lstrip())
        head = "" if start == 0 or re.search(r"[.!?:]\s*$", flat[:start]) else "…"
        out[side] = f"{head}{flat[start:flat.index(body)]}{q.lstrip('…')}"
    if out["now"] == m.group("now") and out["was"] == m.group("was"):
        return explanation
    said = f"{m.group('lead')} “{out['now']}” instead of “{out['was']}”{m.group('tail') or ''}"
    return explanation[:m.start()] + said + explanation[m.end():]


def balanced_covers(explanation: str, before: str, after: str) -> str:
    """"Now also covers: Pre-GA Terms”) if you are …", "No longer covers: après, la « Période de
    Facturation": words put in or taken out quoted across a bracket or quotation mark they do not
    match, said as the passage that changed, now and before ("Now reads “…” (was “…”)"). Any other
    explanation as is."""
    import difflib

    m = _COVERS.match(explanation)
    if not m or not before or not after or not _unbalanced(m.group("quote")):
        return explanation
    # words only taken out, or only put in, in one run: that run, whole ("No longer says: “(ci-après, la
    # « Période de Facturation »)”")
    a, b = re.sub(r"\s+", " ", before).split(), re.sub(r"\s+", " ", after).split()
    ka, kb = [w.strip(",;:.").lower() for w in a], [w.strip(",;:.").lower() for w in b]
    ops = [op for op in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes() if op[0] != "equal"]
    gone = m.group("lead") == "No longer covers"
    if len(ops) == 1 and ops[0][0] == ("delete" if gone else "insert"):
        run = (a[ops[0][1]:ops[0][2]] if gone else b[ops[0][3]:ops[0][4]])
        while len(run) > 1 and run[-1].strip(",;:").lower() in _FUNCTION:
            run = run[:-1]
        said = " ".join(run).strip(",;: ").rstrip(".")
        if said and not _unbalanced(said) and len(said) <= 120:
            return f"{'No longer says' if gone else 'Now also says'}: “{said}”{m.group('tail') or ''}"
    now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    if not now or not was:
        return explanation
    return f"Now reads “{now}” (was “{was}”){m.group('tail') or ''}"


# What may stand between a list's separator and an item it names ("and your phone number", "et son numéro").
_DETERMINERS = frozenset("""the a an your our their its his her this that these those any all some each every other
son sa ses leur leurs le la les l un une des du de d votre vos notre nos ce cet cette ces ihr ihre ihren ihrem
sein seine der die das den dem des ein eine einen""".split())
# What opens an item of a list, or an example of what a clause covers.
_ITEM_OPENERS = frozenset("""and or nor et ou und oder including include includes included like plus sowie wie
notamment comme compris inklusive insbesondere namely as e.g. i.e. such except excluding sauf außer""".split())
_ITEM_MARKS = frozenset(",;:(|*•-–—/")
# Words that make a licence or right what it is ("non-exclusive", "royalty-free", "irrévocable").
_GRANT_WORD = re.compile(
    r"^(?:(?:non|un|ir|sub|fully|royalty|world)[- ]?)?(?:exclusi(?:ve|f)|restricted|limited|unlimited|revocable|"
    r"irrévocable|transferr?able|transférable|sub-?licen[cs]able|licen[cs]able|assignable|cessible|perpetual|"
    r"perpétuel(?:le)?|worldwide|wide|mondial(?:e)?|free|gratuit(?:e)?|paid(?:-up)?|unconditional|global|universal|"
    r"ausschließlich|unwiderruflich|weltweit|unentgeltlich|übertragbar|unterlizenzierbar|"
    r"non[- ]exclusi(?:ve|f)|non[- ]transferable|non[- ]sublicensable)$", re.I)
_GRANT_NOUN = re.compile(r"\b(?P<n>licen[cs]es?|rights?|droits?|Lizenz(?:en)?|Nutzungsrechte?)\b", re.I)


def _grant_words(quote: str) -> list[str] | None:
    """The words of ``quote`` when all of them say what kind of licence or right it is
    ("non-exclusive, unrestricted", "royalty-free and perpetual"), else None."""
    words = [w for w in re.split(r"[\s,]+", quote.strip("“”…. ")) if w and w.lower() not in ("and", "or", "et", "ou", "und", "oder")]
    return words if words and all(_GRANT_WORD.match(w) for w in words) else None


def _item_at(part: str, text: str) -> bool:
    """Whether ``part`` stands in ``text`` as an item of what the clause covers: right after a
    list's mark or word ("…, hashed email addresses", "or yearly", "such as Copilot", "(automated")
    or an article after one ("et son numéro de téléphone"), never inside a phrase ("dans certains
    cas", "à bref délai", "is consistent with …", "Unless specified otherwise …") nor where a
    sentence opens (its subject); a part that opens with a verb ("please follow these
    instructions") is none either. A part not found: True."""
    body = part.strip("“”…\"' ")
    if not body or text.count(body) < 1:
        return True
    first = body.split()[0].lower().strip("(,")
    if first in _ITEM_OPENERS:
        return True
    if first == "please" or has_verb([first]):
        return False
    from tracker.analysis.rendering import LEADS_ON

    if len(body.split()) > 1 and body.split()[-1].lower().strip(",;:") in LEADS_ON:
        return False  # a run cut off before what it leads to ("… données biométriques afin"): a piece of a phrase
    toks = re.findall(r"[^\W\d_][\w’'.-]*|\d+|[^\w\s]", text[:text.index(body)])
    while toks and toks[-1].lower().rstrip(".") in _DETERMINERS:
        toks.pop()
    if not toks or toks[-1] in ".!?":
        return False  # what a sentence opens with ("Finally, the CCPA and VCDPA give …"): its subject, no item
    if toks[-1].lower() == "as" and not (len(toks) > 1 and toks[-2].lower() == "such") \
            and re.search(r"\b(?:may|might|will|can|could|must|shall|is|are|was|were|has|have|do|does)\b", body, re.I):
        return False  # a reason ("…, as paid products may change from time to time"): a clause, no item
    return toks[-1] in _ITEM_MARKS or toks[-1].lower() in _ITEM_OPENERS


def covers_said(explanation: str, before: str, after: str) -> str:
    """"Now also covers: …" names a thing the clause now also covers (a plan, a kind of data, an
    act); what is no such thing is said otherwise. Words that only say what kind of licence or
    right it is ("Now also covers: non-exclusive unrestricted") are a wider (or narrower) grant:
    "The licence is now also non-exclusive and unrestricted". Words put in or taken out inside a
    phrase ("Dans certains cas", "à bref délai", "Unless specified otherwise in …", "information,
    sometimes in portable format", "please follow these instructions") are the passage now and
    before: "Now reads “…” (was “…”)". Any other explanation as is."""
    m = _COVERS.match(explanation)
    if not m or not before or not after:
        return explanation
    gone = m.group("lead") == "No longer covers"
    text = re.sub(r"\s+", " ", before if gone else after)
    tail = m.group("tail") or ""
    quote = m.group("quote").strip()
    if (words := _grant_words(quote)) and text.count(words[0]) >= 1:
        at = text.index(words[0])
        noun = _GRANT_NOUN.search(text, max(0, at - 40), at + len(quote) + 60)
        if noun:
            n = noun.group("n").lower()
            n = "licence" if n.startswith("licenc") else "license" if n.startswith("licens") else \
                "right" if n.startswith(("right", "droit", "recht", "nutzungsrecht")) else n
            said = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
            return f"The {n} is {'no longer' if gone else 'now also'} {said}{tail}"
    parts = [p for p in quote.split("; ") if p]
    if all(_item_at(p, text) for p in parts):
        return explanation
    if len(parts) == 1 and not gone and (r := re.search(r"(?:^|[,;]\s*)(?P<as>as|because|since)\s+" + re.escape(quote), text)):
        # a reason put in ("…, as paid products may change from time to time"): what the clause now also says
        return f"Now also says: “{r.group('as')} {quote}”{tail}"
    now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    if not now or not was:
        return explanation
    return f"Now reads “{now}” (was “{was}”){tail}"


# What opens a list of what a clause leaves out or denies (en/fr/de): "not including", "except
# for", "other than", "does not apply to", "we do not collect", "sauf", "à l'exception de",
# "ausgenommen", "außer", "keine". Items put in after it narrow what the clause covers.
_EXCLUDING = re.compile(
    r"(?<![\w'’-])(?:not\s+including|excluding|exclusive\s+of|except(?:\s+for)?|other\s+than|apart\s+from|"
    r"save\s+for|but\s+not(?!\s+limited)|with\s+the\s+exception\s+of|"
    r"(?:do|does|did|will|shall|may|can|would)\s*(?:not|n['’]t)\s+(?:\w+\s+)?(?:collect|share|sell|rent|disclose|use|store|"
    r"process|transfer|track|keep|retain|apply|cover|include|request|ask\s+for|access)\w*(?:\s+to)?|"
    r"never\s+(?:collect|share|sell|rent|disclose|use|store|process|transfer|track|keep|retain|request|ask\s+for)\w*|"
    r"sauf|hormis|excepté|hors|ne\s+(?:\w+\s+){1,2}?pas|n['’]\w+\s+pas|"
    r"ausgenommen|außer|ausser|mit\s+Ausnahme\s+(?:von|der|des)|keine[nmrs]?)(?![\w'’-])|"
    r"à\s+l['’]ex(?:ception|clusion)\b", re.I)
# An exception, as against a denial: said after a denial ("no one, except …") it names what is covered.
_EXCEPTING = re.compile(r"(?:excluding|exclusive|except|other|apart|save|but|with|sauf|hormis|excepté|hors|à|"
                        r"ausgenommen|außer|ausser|mit)\b", re.I)
# The user as the subject of a negation ("you may not use …", "Sie dürfen keine …"): a rule for the
# user, whose new items are more it forbids, not an exclusion.
_USER_BARRED = re.compile(r"\b(?:you|users?|customers?|members?|vous|tu|Sie|du|Nutzer\w*)\s+(?:\w+\s+)?$", re.I)
# What ends the reach of an exclusion before a later word: the end of its sentence or clause, a
# clause that starts after it ("…, but we may…", "…, which…").
_EXCLUSION_ENDS = re.compile(r"[.;!?]\s|,\s+(?:we|you|they|it|nous|vous|wir|Sie)\s|\b(?:but|however|whereas|unless|which|who|where|that|and\s+(?:we|you|they|it)|"
                             r"mais|sondern|aber)\b", re.I)
# Words that widen or only repeat what they are put before ("other", "additional"): no narrowing.
_NOT_NARROWING = frozenset("""other additional further more extra related similar new various certain such same
all any every each many several numerous multiple most autres autre supplémentaires weitere andere alle""".split())


def _excluded_at(flat: str, at: int) -> bool:
    """Whether the words at ``flat[at:]`` stand in what a clause leaves out or denies: an
    exclusion (``_EXCLUDING``) opens before them in their sentence, a bracket it opens is still
    open, and no new clause (``_EXCLUSION_ENDS``) comes between them."""
    start = max(flat.rfind(". ", 0, at), flat.rfind("; ", 0, at), flat.rfind("? ", 0, at), flat.rfind("! ", 0, at)) + 1
    ms = [m for m in _EXCLUDING.finditer(flat, start, at) if not _USER_BARRED.search(flat[max(0, m.start() - 30):m.start()])
          and not re.fullmatch(r"do\s+not\s+track", m.group(0), re.I)]  # ("Do Not Track": a browser signal's name)
    if not ms:
        return False
    m = ms[-1]
    if _EXCEPTING.match(m.group(0)) and NEGATION.search(flat[start:m.start()]):
        return False  # an exception to a denial ("we share it with no one, except …"): what the clause does
    if re.match(r"(?:do|does|don|never)\b", m.group(0), re.I) and not re.search(r"\w", flat[start:m.start()]):
        return False  # "Do not use Chat or Hangouts to …": an order to the reader, a rule for the user
    between = flat[m.end():at]
    if "," in between and re.match(r"\s*(?:as|where|when|if|to\s+the\s+extent|in\s+(?:the\s+)?case|que|qu['’]|wenn|"
                                   r"soweit|sofern)\b", flat[m.end():], re.I):
        return False  # "except as required by law, we share …": a condition, whose reach ends at its comma
    if between.count(")") > between.count("(") or len(between.split()) > 30:
        return False  # "(not including your name) about your visits, email": the bracket closed before
    return not _EXCLUSION_ENDS.search(between)


def _qualified(words: list[str], lo: int, hi: int) -> tuple[str, str] | None:
    """``(item, qualified item)`` when ``words[lo:hi]`` (put in, or taken out) only qualify the item
    right after them ("unhashed" before "email address": "email address", "unhashed email
    address"): at most three words, no list mark, no small word, no verb, none that only widens
    ("other"), followed with no mark between by an item of at most four words; None otherwise."""
    run = words[lo:hi]
    if not run or len(run) > 3 or hi >= len(words):
        return None
    keys = [w.lower().strip("“”\"'()") for w in run]
    if any(not re.fullmatch(r"[^\W\d_][\w’'-]*", k) or k in _FUNCTION or k in _NOT_NARROWING for k in keys) \
            or has_verb(keys) or run[-1][-1:] in ",;:)" or (lo and words[lo - 1].lower() in _ITEM_JOINS):
        return None  # ("… or yearly plans": an item of its own)
    item = []
    for w in words[hi:hi + 4]:
        k = w.lower().strip(",;:.)”\"")
        if not re.fullmatch(r"[^\W\d_][\w’'-]*", k) or k in _FUNCTION:
            break
        item.append(w.rstrip(",;:.)”\""))
        if w[-1:] in ",;:.)”\"":
            break
    if not item:
        return None
    return " ".join(item), " ".join([*run, *item])


def exclusion_said(explanation: str, before: str, after: str) -> str:
    """A "Now also covers: …" / "No longer covers: …" of words put into (or taken out of) what a
    clause leaves out or denies ("not including your name, {+payment card number, +}…", "we do not
    sell", "sauf", "ausgenommen"), said the right way round for users: an item put into an
    exclusion is "Now also excludes: …", one taken out "No longer excludes: …". Words that only
    qualify an item already there ("email address" → "unhashed email address") are said as that,
    never as an item: "Narrows the excluded “email address” to “unhashed email address” only"
    (the use got wider), "Widens the excluded “unhashed email address” to any “email address”";
    outside an exclusion "Narrows “data” to “anonymised data”" / "Widens …". ``before``/``after``:
    the clause's two texts. Any other explanation as is."""
    import difflib

    m = _COVERS.match(explanation)
    if not m or not before or not after or re.search(r"[()“”]", m.group("quote")):
        return explanation  # (a quote with more said after it, "… (from “…”)", is left whole)
    gone = m.group("lead") == "No longer covers"
    tail = m.group("tail") or ""
    b, a = re.sub(r"\s+", " ", before).strip(), re.sub(r"\s+", " ", after).strip()
    x, y = b.split(), a.split()
    ops = [op for op in difflib.SequenceMatcher(None, word_keys(x), word_keys(y), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if not ops or any(op[0] != ("delete" if gone else "insert") for op in ops):
        return explanation  # words replaced: the passage is said otherwise
    words, flat = (x, b) if gone else (y, a)
    spans = [(op[1], op[2]) if gone else (op[3], op[4]) for op in ops]
    offsets, pos = [], 0
    for w in words:  # where each word starts in ``flat``
        pos = flat.index(w, pos)
        offsets.append(pos)
        pos += len(w)
    excluded = all(_excluded_at(flat, offsets[lo]) for lo, _ in spans)
    if len(spans) == 1 and (q := _qualified(words, *spans[0])):
        item, whole = q
        was, now = (whole, item) if gone else (item, whole)
        if excluded:
            return (f"Widens the excluded “{was}” to any “{now}”{tail}" if gone
                    else f"Narrows the excluded “{was}” to “{now}” only{tail}")
        return f"Widens “{was}” to any “{now}”{tail}" if gone else f"Narrows “{was}” to “{now}”{tail}"
    if not excluded:
        return explanation
    return f"{'No longer excludes' if gone else 'Now also excludes'}: {m.group('quote').strip()}{tail}"


# "Now also says: “…”" of a modified clause: what the clause grew by, quoted with the words around it.
_GREW = re.compile(r"^Now also says: “(?P<q>[^“”]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")
# words and marks that join an item to its list, left out of the item named ("or processors" → "processors")
_ITEM_JOINS = frozenset("and or nor et ou und oder , ; & /".split())
# small words an item may have inside it ("username and password", "données de localisation")
_ITEM_GLUE = frozenset("and or of et ou de du des d' und oder & /".split())


def grown_said(explanation: str, before: str, after: str) -> str:
    """"Now also says: “…”" of a modified clause, when the quote does not show what changed: items
    put into a list ("…customer service, data analytics and marketing…") are what the clause now
    also covers ("Now also covers: data analytics"); a few words put in that are no item ("AI
    credits can expire") are named in place ("Adds “can” to: “AI credits can expire after…”");
    words put in place of others ("your Subscription" → "your Viber Out plan") are the passage now
    and before ("Now reads “…” (was “…”)"), never a quote of the new words alone, which says
    nothing of what they replaced. ``before``/``after``: the clause's two texts. Any other
    explanation, or a clause that only grew by a sentence, as is."""
    import difflib

    m = _GREW.match(explanation)
    if not m or not before or not after:
        return explanation
    b, a = re.sub(r"\s+", " ", before).strip(), re.sub(r"\s+", " ", after).strip()
    x, y = b.split(), a.split()
    ops = [op for op in difflib.SequenceMatcher(None, word_keys(x), word_keys(y), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if not ops:
        return explanation
    tail = m.group("tail") or ""
    now, was = passages(b, a)
    # words replaced by others (the same words in another form aside: "la carte" → "l'une des cartes"),
    # or taken out and said nowhere else in the clause
    if any(_content(x[i1:i2]) - _content(y[j1:j2] if tag == "replace" else y) for tag, i1, i2, j1, j2 in ops):
        # content words gone for the new ones: what it read before belongs to the sentence
        return f"Now reads “{now}” (was “{was}”){tail}" if now and was else explanation
    runs = []
    for _, _, _, j1, j2 in ops:
        run = list(y[j1:j2])
        while run and (not run[0].strip(",;") or run[0].strip(",;").lower() in _ITEM_JOINS):
            run.pop(0)
        while run and (not run[-1].strip(",;") or run[-1].strip(",;").lower() in _ITEM_JOINS):
            run.pop()
        if run and (said := " ".join(run).strip(",;.")):
            runs.append(said)
    if not runs or len(runs) > 3 or any(len(r.split()) > 6 or re.search(r"[“”\"«»()]", r) for r in runs):
        return explanation  # a clause that grew by a sentence or more: its quote says it
    if all(_item_at(r, a) and re.search(r"[^\W\d_]{2}", r) and not any(
            w.strip(",;").lower() in _FUNCTION and w.strip(",;").lower() not in _ITEM_GLUE for w in r.split())
           for r in runs):
        # (a run with an article or a preposition of its own, "updating the date above", is a statement)
        # items put in one after another ("linking, referencing, associating") are said as a list
        # that ends, so that a headline's ", and 3 more" never reads as one more item
        runs = [re.sub(r"^(.+), ([^,]+)$", r"\1 and \2", r) if r.count(",") >= 1 and not re.search(
            r"\b(?:and|or|et|ou|und|oder)\b", r) else r for r in runs]
        return f"Now also covers: {'; '.join(runs)}{tail}"
    if all(len(r.split()) <= 3 for r in runs) and now:
        named = [f"“{r}”" for r in dict.fromkeys(runs)]
        each = named[0] if len(named) == 1 else ", ".join(named[:-1]) + f" and {named[-1]}"
        return f"Adds {each} to: “{now}”{tail}"
    return explanation


_DROPS_ONE = re.compile(r"^Drops “(?P<words>[^“”]*)” from: “[^“”]*”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def _dropped_runs(before: str, after: str) -> list[int] | None:
    """The numbers of content words (no function words) of the runs ``after`` takes out of
    ``before``, or None when it also puts words in (case and punctuation aside)."""
    import difflib

    a = [w.lower() for w in word_keys(before.split())]
    b = [w.lower() for w in word_keys(after.split())]
    runs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if any(b[j1:j2]):
            return None
        runs.append(len([w for w in a[i1:i2] if w and w not in _FUNCTION]))
    return runs


def readable_drops(explanation: str, before: str, after: str) -> str:
    """"Drops “grant; servers” from: “…”" (scattered words, no phrase) said as the passage that
    changed: "Now reads “…” (was “…”)"; so is "Drops “using” from …" when the words dropped are
    a piece of a phrase ("using" of "using a payment method we have on record") or others were put
    in their place ("on file" → "on record" is no drop). Any other explanation as is."""
    if not (m := _DROPS.match(explanation)):
        if not (m := _DROPS_ONE.match(explanation)) or not before or not after:
            return explanation
        runs = _dropped_runs(before, after)
        words = m.group("words")
        if QUALIFIER_OPEN.match(words) and len(words.split()) >= 3 and not words.endswith("…"):
            return explanation  # an exception or example taken out whole ("including on the basis of …")
        # a piece of what was dropped ("using" of "using a payment method we have on record"), cut
        # ("except that all payment…"), or words put in their place: the passage says it
        quoted = [w for w in (w.strip(",;:.").lower() for w in words.split()) if w and w not in _FUNCTION]
        if runs is not None and not words.endswith("…") and len(quoted) >= max(runs, default=0):
            return explanation
    now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    if not (now and was):
        return explanation
    return f"Now reads “{now}” (was “{was}”){m.group('tail') or ''}"


# -- a passage quoted so it reads alone ------------------------------------------------------------
# one sentence of an explanation: all of it, or one after "; " ("New watch-out: …; Now says “…” instead of “…”")
_INSTEAD = re.compile(r"(?:(?<=^)|(?<=; ))(?P<lead>Now says|Reworded: now says) “(?P<now>[^“”]+)” instead of "
                      r"“(?P<was>[^“”]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?=;\s|$)")
_BOUNDARY = re.compile(r"[,;:.!?)]$")  # a word that ends a phrase
_SENTENCE_END = re.compile(r"[.;!?:]$")


def _fragment(quote: str, head: bool = True) -> bool:
    """Whether a quote is too little to be read alone: fewer than 3 words of content (a value
    aside), or cut so that it starts or ends on a word that leads on ("…the", "of your device…")."""
    body = quote.strip("…").strip()
    ws = [w.strip("“”\"'()[],;:.") for w in body.split()]
    ws = [w for w in ws if w]
    if not ws:
        return True
    content = [w for w in ws if w.lower() not in _FUNCTION and _WORD_AT.fullmatch(w)]
    if len(content) < 3 and not any(re.search(r"\d", w) for w in ws):
        return True
    if head and quote.startswith("…") and ws[0].lower() in _FUNCTION:
        return True
    return ws[-1].lower() in LEADS_ON and (quote.endswith("…") or not re.search(r"[.!?]$", quote))


def _phrase_around(words: list[str], lo: int, hi: int, left: int = 4, right: int = 3, limit: int = 90,
                   cut: bool = False) -> str:
    """``words[lo:hi]`` (a changed stretch) with the words around it up to where the phrase
    starts and ends (a sentence's start or a comma within ``left`` words before, a punctuation
    mark within ``right`` words after), else ``left`` / ``right`` words; "…" where the sentence
    goes on; the end never on a word that leads on; "" when it would pass ``limit`` characters."""
    start = lo
    while start > 0 and lo - start < left and not _BOUNDARY.search(words[start - 1]):
        start -= 1
    while start < lo and re.fullmatch(r"[*+•–-]|\(?\d{1,3}[.)]|\(?[a-z][.)]", words[start]):
        start += 1  # a list marker ("*", "3.", "(b)") is no word to quote
    end = hi
    # a change ending on a comma ("and, in some cases,") goes on to the words it leads to
    while end < len(words) and end - hi < right and not (end > hi and _BOUNDARY.search(words[end - 1])
                                                          or end == hi and _SENTENCE_END.search(words[end - 1])):
        end += 1
    while end > hi and (not good_end(words, end - 1) or words[end - 1].strip("“”\"'(),;:").lower() in _FUNCTION):
        end -= 1
    opened = [i for i in range(hi, end) if "(" in words[i] and ")" not in " ".join(words[i:end])]
    if opened:
        end = opened[0]  # a bracket the quote would open and not close ("(or as…") stays out
    text = " ".join(words[start:end]).rstrip(",;:.")
    if cut and len(text) > limit:  # its start, to the first changed words at least, cut on a whole phrase
        k = end
        while k > lo + 1 and (len(" ".join(words[start:k])) > limit or not good_end(words, k - 1)
                              or words[k - 1].strip("“”\"'(),;:").lower() in _FUNCTION):
            k -= 1
        text, end = " ".join(words[start:k]).rstrip(",;:."), len(words) + 1 if k < end else end
    if len(text) > limit or not text:
        return ""
    head = "" if start == 0 or _SENTENCE_END.search(words[start - 1]) or start == 1 and \
        re.fullmatch(r"[*+•–-]|\(?\d{1,3}[.)]|\(?[a-z][.)]", words[0]) else "…"
    tail = "…" if end > len(words) else "" if end == len(words) or _SENTENCE_END.search(words[end - 1]) else "…"
    return f"{head}{text}{tail}"


def _open_bracket(quote: str) -> bool:
    """Whether ``quote`` opens a bracket it does not close ("…within 30 days (or as…")."""
    return quote.rfind("(") > quote.rfind(")")


def _cut_unmarked(quote: str, text: str) -> bool:
    """Whether ``quote`` (no "…" at its start) starts inside a sentence of ``text`` (after a word
    of it, not at its start or after a colon): cut at its start without saying so."""
    if quote.startswith("…") or not text or len(quote.split()) > 6:
        return False
    flat = re.sub(r"\s+", " ", text)
    at = flat.find(quote.rstrip("…"))
    return at > 0 and bool(re.search(r"[^\W\d_][\w’'-]*,? $", flat[:at])) and not quote[:1].islower() \
        and not re.search(r"[.;:!?]\s*$", flat[:at])


def readable_quotes(explanation: str, before: str, after: str) -> str:
    """"Now says “…the…” instead of “…a…”": quotes too short or cut too tight to be read alone
    (``_fragment``) re-quoted as the phrase each change sits in, now and before (``_phrase_around``):
    "Now says “…and in any other jurisdiction where Microsoft…” instead of “…and in any other
    country where Microsoft…”". Kept as is when either phrase would be too long or does not
    differ from the other; any other explanation is returned as is."""
    import difflib

    m = _INSTEAD.search(explanation)
    if not m:
        return explanation
    same = m.group("now").strip("…") == m.group("was").strip("…")  # says no change at all
    # a quote that starts inside its sentence with no "…" ("Now says “500 GB cost” instead of
    # “Uploads over 2 TB cost $5 per month”"): a piece read as if it were the whole
    unmarked = _cut_unmarked(m.group("now"), after) or _cut_unmarked(m.group("was"), before)
    if not (_fragment(m.group("now")) or _fragment(m.group("was")) or same or unmarked):
        return explanation
    a, b = re.sub(r"\s+", " ", before).split(), re.sub(r"\s+", " ", after).split()
    ops = [op for op in difflib.SequenceMatcher(None, _typed(a), _typed(b), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    # a renumbering ("8.7.3" → "8.7.2") beside the change of words is not the change to quote
    worded = [op for op in ops if re.search(r"[^\W\d_]", " ".join(a[op[1]:op[2]] + b[op[3]:op[4]]))]
    ops = worded or ops
    if not ops:
        return explanation
    now = _phrase_around(b, ops[0][3], ops[-1][4], cut=same)
    was = _phrase_around(a, ops[0][1], ops[-1][2], cut=same)
    if not now or not was or now.strip("…") == was.strip("…") or "“" in now + was or "”" in now + was \
            or (not same and not unmarked and not _open_bracket(m.group("now")) and not _open_bracket(m.group("was"))
                and (len(now) < len(m.group("now")) or len(was) < len(m.group("was")))):
        return explanation  # never a shorter quote than the one it was to make readable
    said = f"{m.group('lead')} “{now}” instead of “{was}”{m.group('tail') or ''}"
    return explanation[:m.start()] + said + explanation[m.end():]


_SAYS_ALONE = re.compile(r"^Now says “(?P<q>[^“”]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def stub_pair_said(explanation: str, before: str, after: str) -> str:
    """"Now says “In providing our Services…” instead of “…on secure servers located in Norway…”": a
    side of a rewritten clause quoted by words it shares with the other side (its opening words, its
    condition) shows nothing of what it now says (or said); that side is re-quoted as the passage
    that changed (``passages``): "Now says “In providing our Services, we may store your Personal
    Data outside the country…” instead of “…”". The other side is kept when it shows its change.
    "Now says “…”" alone, of a clause that also lost words, is the passage now and before ("Now
    reads “…” (was “…”)"): the words it dropped (an exception, an alternative age) are part of the
    change. ``before``/``after``: the clause's two texts; any other explanation as is."""
    if not before or not after:
        return explanation
    b, a = re.sub(r"\s+", " ", before).strip(), re.sub(r"\s+", " ", after).strip()

    def _said(text: str) -> set[str]:  # a bracket inside a word ("product(s)") keeps the word
        return _content(re.sub(r"[()\[\]]", " ", text).split())

    new, gone = _said(a) - _said(b), _said(b) - _said(a)
    if (m := _SAYS_ALONE.match(explanation)) and gone and not _said(m.group("q")) & gone:
        now, was = passages(b, a)
        if now and was and _said(was) & gone:
            return f"Now reads “{now}” (was “{was}”){m.group('tail') or ''}"
        return explanation
    m = _INSTEAD.search(explanation)
    if not m or m.start() or m.end() != len(explanation):
        return explanation
    q_now, q_was = m.group("now"), m.group("was")
    shown_new, shown_gone = len(_said(q_now) & new), len(_said(q_was) & gone)
    p_now, p_was = passages(b, a)
    if len(new) >= 3 and shown_new <= 1 and p_now and len(_said(p_now) & new) >= max(2, shown_new + 1):
        q_now = p_now
    if len(gone) >= 3 and shown_gone <= 1 and p_was and len(_said(p_was) & gone) >= max(2, shown_gone + 1):
        q_was = p_was
    if (q_now, q_was) == (m.group("now"), m.group("was")):
        return explanation
    return f"{m.group('lead')} “{q_now}” instead of “{q_was}”{m.group('tail') or ''}"


_NO_LONGER_Q = re.compile(r"^No longer says:? “(?P<q>[^“”]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def still_said(explanation: str, before: str, after: str) -> str:
    """"No longer says “Zorblo membership does not require an email address”" of a clause that
    now says "Zorblo membership requires an email address": a sentence whose words the clause
    still has (80% of its content words, ``_content``) lost a word that turns it (a "not", an
    exception), never the whole of it; said as the passage now and before: "Now reads “Zorblo
    membership requires an email…” (was “Zorblo membership does not require…”)". ``before`` and
    ``after``: the clause's two texts; any other explanation as is."""
    m = _NO_LONGER_Q.match(explanation)
    if not m or not before or not after:
        return explanation
    said = _content(m.group("q").replace("…", " ").split())
    if len(said) < 3 or len(said & _content(after.split())) < 0.8 * len(said):
        return explanation
    now, was = passages(re.sub(r"\s+", " ", before).strip(), re.sub(r"\s+", " ", after).strip())
    if not now or not was:
        return explanation
    return f"Now reads “{now}” (was “{was}”){m.group('tail') or ''}"


_ONE_SIDE = re.compile(r"^(?P<lead>Now also says|No longer says|Now reads): “(?P<q>[^“”]+)”"
                       r"(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def readable_one_side(explanation: str, before: str, after: str) -> str:
    """"Now also says: “applies to this Section…”", "Now reads: “…case) (i) notifying us…”": a
    quote of a modified clause too short to be read alone, or opening inside a bracket it closes,
    re-quoted as the phrase the change sits in (``_phrase_around``). Any other explanation as is."""
    import difflib

    m = _ONE_SIDE.match(explanation)
    if not m:
        return explanation
    q = m.group("q")
    if not (_fragment(q, head=False) or re.match(r"…?[^(]{0,30}\)", q)):
        return explanation
    if re.fullmatch(r"\([^()]{3,}\)", q) and not _unbalanced(q):
        return explanation  # a whole bracket put in or taken out ("(collectively, "Content")") reads alone
    a, b = re.sub(r"\s+", " ", before).split(), re.sub(r"\s+", " ", after).split()
    ops = [op for op in difflib.SequenceMatcher(None, _typed(a), _typed(b), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    old = m.group("lead") == "No longer says"
    ops = [op for op in ops if (op[2] > op[1] if old else op[4] > op[3])]
    if not ops:
        return explanation
    said = (_phrase_around(a, ops[0][1], ops[-1][2], cut=True) if old else
            _phrase_around(b, ops[0][3], ops[-1][4], cut=True))
    if not said or _fragment(said, head=False) or said.strip("…") == q.strip("…") or re.match(r"…?[^(]{0,30}\)", said) \
            or (len(said) < len(q) and not re.match(r"…?[^(]{0,30}\)", q)):
        return explanation  # never a shorter quote of the same change ("…Limitless…" for "…Limitless will have no…")
    return f"{m.group('lead')}: “{said}”{m.group('tail') or ''}"


_ALSO_SAYS = re.compile(r"^Now also says: “(?P<q>[^“”]+)”(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")
# "New: DOLLARS (USD $100)": a new clause said by a piece of its end
_NEW_PIECE = re.compile(r"^New: (?P<q>[^“”«»:;]+?)(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def new_clause_whole(explanation: str, after: str) -> str:
    """A new clause said by a piece of it ("Now also says: “hope it never comes…”", "“…of your
    device, or anyone using your Account…”": the few words no other clause had, cut from their
    sentence) said as the new clause it is, from its first sentence: "New: We hope it never comes
    to this, but we can, without notice, limit, suspend, or end your Service…". Any other
    explanation is returned as is."""
    from tracker.analysis.materiality import _snippet

    m = _ALSO_SAYS.match(explanation) or _NEW_PIECE.match(explanation)
    if not m or not after:
        return explanation
    q = m.group("q")
    body = q.strip("…").strip()
    text = re.sub(r"\s+", " ", after).strip()
    at = text.find(body)
    if explanation.startswith("New: ") and (at <= 0 or len([w for w in re.findall(r"[^\W\d_]{2,}", body)
                                                             if w.lower() not in _FUNCTION]) >= 3):
        return explanation  # "New: …" from the clause's start, or a piece with words enough to read alone
    # cut inside a word of its clause ("Abonné Pro choisit d" of "… choisit d'interrompre …")
    inside = at >= 0 and (re.match(r"[\w'’]", text[at + len(body):at + len(body) + 1] or " ") is not None
                          or at > 0 and re.match(r"[\w'’]", text[at - 1]) is not None)
    mid = q.startswith("…") or (body[:1].islower() and not text.startswith(body)) or inside \
        or explanation.startswith("New: ") \
        or (q.endswith("…") and len(body.split()) <= 5 and len(text) > 2 * len(body)) \
        or (q.endswith("…") and text.startswith(body) and len(body.split()) <= 10 and len(text) > 2 * len(body))
    # (its first few words only: "Now also says: “By using Zorblo Pay, you accept and agree…”" stops before
    # what is agreed to)
    if not (_fragment(q) or mid) or not (said := _snippet(text)):
        return explanation
    return f"New: {said}{m.group('tail') or ''}"


# -- a prohibition lifted ---------------------------------------------------------------------------
# A rule against the user ("... is strictly prohibited", "you may not resell", "constitutes a
# violation of these terms", "intended solely for personal use"): its removal lifts a restriction.
_PROHIBITION = re.compile(
    r"\b(?:prohibited|forbidden|not (?:be )?(?:permitted|allowed|authori[sz]ed)|unauthori[sz]ed (?:\w+ )?use|"
    r"constitutes? (?:a )?(?:violation|breach)|(?:intended|designed|licensed|available) (?:solely|only|exclusively) "
    r"for|agrees? not to|"
    # "you will not be charged / obligated to pay" spares the user: no rule against them
    rf"{_USER}\s+(?:may|must|shall|will|can|should)\s*(?:not|never)\b"
    r"(?!\s+(?:be\s+)?(?:obligated|obliged|required|charged|billed|liable|responsible|asked|expected)\b)|"
    rf"{_USER}\s+(?:cannot|can['’]t|won['’]t)\b(?!\s+(?:be\s+)?(?:obligated|obliged|required|charged|billed)\b)|"
    r"may not be (?:\w+ed|sold|resold|shared|rebranded)\b|must not be \w+|"
    r"interdit|(?:n['’]êtes|ne pouvez) pas|untersagt|verboten|nicht gestattet|dürfen (?:\w+ )?nicht)", re.I)


# An exception or a condition ("unless doing so is prohibited by law", "except where the law
# forbids it"): what the law forbids there limits the provider's own promise, not the user.
_EXCEPTION_PART = re.compile(r"\b(?:unless|except|save where|to the extent|if and to the extent|where required)\b[^.;]*",
                             re.I)
_BY_LAW = re.compile(r"\b(?:prohibited|forbidden|not (?:be )?(?:permitted|allowed))\s+(?:by|under)\s+(?:\w+\s+){0,2}"
                     r"(?:law|laws|regulations?|statute)\b", re.I)


def forbids(text: str) -> bool:
    """Whether ``text`` (a clause, plain) is a rule against the user: a prohibition ("is
    strictly prohibited", "you may not", "may not be resold", "agree not to"), a use it is
    limited to ("intended solely for personal use"), or what counts as a violation; a promise of
    the provider ("we will not sell") is none, nor is what the law forbids inside an exception
    ("we will notify you unless doing so is prohibited by law": a promise with a condition)."""
    main = _BY_LAW.sub(" ", _EXCEPTION_PART.sub(" ", text))
    return bool(_PROHIBITION.search(main)) and not promise_withdrawn(text)


# -- a one-word rewording ----------------------------------------------------------------------------
# Words that name the same thing in terms of service, one group a line: one swapped for another
# of its group rewords a clause ("If you choose to purchase paid features" → "... to buy paid features").
# Kept narrow: "use" for "purchase" or "immediately" for "promptly" says something else.
_SAME_WORDS = [frozenset(g.split()) for g in (
    "purchase purchases purchased buy buys bought acquire acquires",
    "utilize utilise utilizes utilises use uses employ",
    "service services platform site website app application apps applications product products",
    "agreement terms contract",
    "commence commences begin begins start starts",
    "email e-mail",
    "via through using",
    "user users customer customers member members subscriber subscribers",
    "shall will must",
    "we us our",
)]


def one_word_swap(before: str, after: str) -> tuple[str, str] | None:
    """The two words when ``after`` differs from ``before`` (plain) only by one word replaced by
    another of the same group (``_SAME_WORDS``: "purchase" → "buy", "Site" → "Platform"), else
    None."""
    import difflib

    a, b = before.split(), after.split()
    ops = [op for op in difflib.SequenceMatcher(None, word_keys(a), word_keys(b), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "replace" or ops[0][2] - ops[0][1] != 1 or ops[0][4] - ops[0][3] != 1:
        return None
    old, new = (re.sub(r"^\W+|\W+$", "", w).lower() for w in (a[ops[0][1]], b[ops[0][3]]))
    if old != new and any(old in g and new in g for g in _SAME_WORDS):
        return old, new
    return None


def preposition_reworded(before: str, after: str) -> bool:
    """Whether ``after`` differs from ``before`` (plain) only by fixed prepositional phrases of the
    same sense put in place of a preposition or beside it ("conformité à toutes les lois" →
    "conformité vis-à-vis de toutes les lois", "fees for the service" → "fees in respect of the
    service", "über" → "hinsichtlich"; ``headline._fixed_preposition_swap``): no scope changed, the
    words "vis" or "respect" are no new content."""
    from tracker.analysis.headline import _fixed_preposition_swap, _tokens, change_stretches

    old, new = _tokens(before), _tokens(after)
    spans = change_stretches(old, new)
    return bool(spans) and all(_fixed_preposition_swap(old[i1:i2], new[j1:j2]) for i1, i2, j1, j2 in spans)


# -- quotes of whole words ------------------------------------------------------------------------------
_CUT_QUOTE = re.compile(r"“…(?P<body>[^“”…]{3,}?)(?=…?”)")


def whole_word_quotes(explanation: str, before: str, after: str) -> str:
    """``explanation`` with each quote that was cut inside a word of its clause ("“…t affect your
    data protection rights…”" of "doesn’t affect ...") started at that word ("“…doesn’t affect
    ...”"). ``before`` and ``after`` are the clause's plain texts; a quote found in neither, or
    more than once, is left as is."""
    if "“…" not in explanation:
        return explanation
    sources = [re.sub(r"\s+", " ", t) for t in (after, before) if t]

    def grown(m: re.Match[str]) -> str:
        body = m.group("body")
        for text in sources:
            if text.count(body) != 1:
                continue
            at = text.index(body)
            start = at
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-"
                                 and start > 1 and text[start - 2].isalnum()):
                start -= 1
            if start == at or at - start > 30:
                return m.group(0)
            return f"“{'…' if start > 0 else ''}{text[start:at]}{body}"
        return m.group(0)

    return _CUT_QUOTE.sub(grown, explanation)


# -- a rewording that says something else ------------------------------------------------------------
_REWORDED = "Reworded without a change of meaning"
_MORE_FUNCTION = frozenset("""dans cette cet ces leur leurs sont être avoir fait faire afin ainsi lors chaque
toute tous toutes autre autres notre nos votre vos vous nous ils elles sich diese dieser dieses diesen einer einem
eines wird werden sind haben wurde unsere unser ihre ihren ihrer also please note which whose their there here
these those such other others within without would could should shall might""".split())


def _stem(word: str) -> str:
    return word[:5]


def _content(words: Iterable[str]) -> set[str]:
    """The stems of the words that carry content: a number, or a word of 4 letters or more that
    is no function word."""
    out = set()
    for w in words:
        w = re.sub(r"^\W+|\W+$", "", w).casefold()
        if re.fullmatch(r"\d+(?:[.,]\d+)*", w) or (len(w) >= 4 and w.isalpha() and w not in _FUNCTION
                                                   and w not in _MORE_FUNCTION):
            out.add(w if w[:1].isdigit() else _stem(w))
    return out


def says_other(before: str, after: str) -> bool:
    """Whether a rewording of ``before`` into ``after`` (plain) puts in or takes out words of
    content the other side does not have in any form: an item dropped ("your mobile phone number
    or your Instagram handle" → "your mobile phone number"), a scope or condition changed ("in
    accordance with applicable laws" → "regardless of where the individual lives"), a number
    changed. Words compared by their first five letters ("finalités" / "finalité")."""
    import difflib

    a, b = before.split(), after.split()
    gone: list[str] = []
    new: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            gone += a[i1:i2]
            new += b[j1:j2]
    from tracker.analysis.facts import reworded_words

    same = _content(reworded_words(before, after))  # "at any time" / "whenever you like": one phrase
    return bool(_content(gone) - _content(b) - same or _content(new) - _content(a) - same)


def reworded_said(explanation: str, before: str, after: str) -> str:
    """"Reworded without a change of meaning" kept when it is true (``says_other`` false); else
    the passage that changed as it reads now and before ("Now reads “…mobile phone number.” (was
    “…mobile phone number or your Instagram handle.”)"), saying what changed and nothing of
    whether it matters (the decision's flag says that)."""
    if explanation != _REWORDED or not before or not after or not says_other(before, after):
        return explanation
    now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    return f"Now reads “{now}” (was “{was}”)" if now and was else explanation


# -- a link whose words are new ------------------------------------------------------------------------
def link_said(kind: str, before: str, after: str) -> str:
    """A link line said "Only link targets changed" when its words are new or gone: "New link, not
    a term: “Accessibility statement”", "Link removed, not a term: “…”", "A link's words changed,
    not a term: now “…” instead of “…”"; "" when only its target changed (``before`` and
    ``after`` are the clause's plain texts, Markdown links as their words)."""
    from tracker.analysis.materiality import _snippet

    def words_of(text: str) -> list[str]:
        return re.findall(r"[^\W_]+", text.casefold())

    text = re.sub(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+", "", after if kind == "added" else before).strip()
    if kind == "added" and text:
        return f"New link, not a term: “{_snippet(text, 80)}”"
    if kind == "removed" and text:
        return f"Link removed, not a term: “{_snippet(text, 80)}”"
    if kind == "modified" and before and after and words_of(before) != words_of(after):
        now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
        if now and was:
            return f"A link's words changed, not a term: now “{now}” instead of “{was}”"
    return ""


def links_gained_said(before: str, after: str) -> str:
    """A clause whose words stay but gain or lose a link, said as such rather than "Only link
    targets changed": "Link added on “pricing page”; wording unchanged", "Links removed from
    “a”, “b”; wording unchanged". ``before`` and ``after`` are the clause's Markdown (links as
    ``[words](target)``); "" when the linked words are the same on both sides (only a target
    changed) or links were both added and removed."""
    from tracker.analysis.materiality import _snippet

    def linked(text: str) -> list[str]:
        return [re.sub(r"\s+", " ", m.group(1)).strip(" *_") for m in _LINK.finditer(text)
                if not m.group(0).startswith("!")]  # an image is no link

    was, now = linked(before), linked(after)
    gained = [w for w in now if w and w not in was]
    lost = [w for w in was if w and w not in now]
    if bool(gained) == bool(lost):
        return ""
    words = gained or lost
    quoted = ", ".join(f"“{_snippet(w, 40)}”" for w in words[:3]) + (" and more" if len(words) > 3 else "")
    what = ("Link added on " if len(words) == 1 else "Links added on ") if gained else \
        ("Link removed from " if len(words) == 1 else "Links removed from ")
    return f"{what}{quoted}; wording unchanged"


# -- an elision never drops what turns the sentence ---------------------------------------------------
# Words that turn a sentence into its opposite or give a right up: an elision ("Zoom … or chat Customer
# Content to train") that drops them says the contrary of the clause.
_TURNING = re.compile(r"\b(?:not|never|no|nor|none|neither|without|cannot|can['’]t|won['’]t|don['’]t|doesn['’]t|"
                      r"waiv\w*|renounc\w*|forfeit\w*|give up|gives up|ne|pas|jamais|aucun\w*|renonc\w*|nicht|kein\w*|"
                      r"verzicht\w*)\b", re.I)


def elision_kept(explanation: str, text: str, limit: int = 150) -> str:
    """``explanation`` whose quote leaves words out at " … " given back those words when they hold
    a negation or a waiver ("Zoom … or chat Customer Content to train our…" of "Zoom will not use
    audio, video or chat Customer Content to train our…" reads as the opposite), the quote cut at
    its end instead when it grows past ``limit`` characters. ``text`` is the clause's plain text;
    any other explanation is returned as is."""
    at = explanation.find(" … ")
    if at < 0 or not text:
        return explanation
    flat = re.sub(r"\s+", " ", text)
    head = explanation[:at].rsplit(": ", 1)[-1].lstrip("“«… ")
    head = " ".join(head.split()[-4:])
    tail_m = re.match(r"(?P<t>[^“”«»()…]+?)(?=…|”|»|\s\(|$)", explanation[at + 3:])
    if not head or not tail_m:
        return explanation
    tail = " ".join(tail_m.group("t").split()[:4])
    h = flat.find(head)
    t = flat.find(tail, h + len(head)) if h >= 0 else -1
    if h < 0 or t < 0:
        return explanation
    gone = flat[h + len(head):t].strip()
    if not gone or len(gone) > 200 or not _TURNING.search(gone):
        return explanation
    out = f"{explanation[:at]} {gone} {explanation[at + 3:]}"
    # the quote's length: from the lead's ": " to its end mark
    start = out.find(": ") + 2 if ": " in out[:at] else 0
    end_m = re.search(r"(?:…|”|»)?(?:\s\([a-z-]+(?:, [a-z-]+)*\))?(?:\s—[^—]*)?$", out)
    end = end_m.start() if end_m else len(out)
    quote = out[start:end]
    if len(quote) > limit:
        from tracker.analysis.rendering import one_line

        cut = one_line(quote.rstrip("…"), limit)
        out = out[:start] + cut.rstrip("…") + "…" + out[end:].lstrip("…")
    return out


_QUOTE = re.compile(r"“(?P<q>…[^“”]+?)”|« (?P<f>…[^«»]+?) »")
# where a sentence or a clause that stands alone begins: a quote's negation is looked for after it
_SENTENCE_START = re.compile(r"(?:[.!?;:](?=\s)|\n)\s*")


def _quote_start(flat: str, body: str) -> int:
    """Where ``body`` (a quote's words without its "…" marks) starts in ``flat``, or -1; a quote
    may have been cut inside a word's punctuation, so its first words are enough."""
    at = flat.find(body)
    if at < 0:
        at = flat.find(" ".join(body.split()[:4]))
    return at


def negation_kept(explanation: str, before: str, after: str, limit: int = 160) -> str:
    """``explanation`` whose quotes cut at their start ("…your personal data with partners") give
    back the start of their sentence when that start holds a negation ("We will not, under any
    circumstances, share your personal data with partners"), whatever the language (``NEGATION``):
    a quote never says the opposite of the clause by leaving its "not" out. When the sentence's
    start is long, the quote starts a few words before the negation ("…Lumora will never use …");
    the words between the negation and the quote are left out at " … " only when they hold no
    negation themselves and the quote would pass ``limit`` characters.

    Args:
        explanation: the change's explanation.
        before, after: the clause's plain text before and after (either may be "").
        limit: the longest quote grown this way, in characters.
    Returns:
        The explanation, its cut quotes grown where needed; as is otherwise."""
    if "…" not in explanation or not (before or after):
        return explanation
    sides = [re.sub(r"\s+", " ", t) for t in (after, before) if t]

    def grown(m: re.Match[str]) -> str:
        quote = m.group("q") or m.group("f")
        body = quote.strip("… ").rstrip("…").strip()
        if len(body.split()) < 2:
            return m.group(0)
        # the quote after "instead of", "(was" or "no longer says" is the old wording: read there first
        old = re.search(r"(?:instead of|\(was|no longer says:?|No longer says:?|Removed[^:“«]{0,40}:)\s*$",
                        explanation[:m.start()])
        for flat in (sides[::-1] if old else sides):
            at = _quote_start(flat, body)
            if at < 0:
                continue
            starts = [x.end() for x in _SENTENCE_START.finditer(flat, 0, at)]
            lead = flat[starts[-1] if starts else 0:at]
            negs = list(NEGATION.finditer(lead))
            if not negs:
                return m.group(0)
            # a clause's own number ("8.1.4", "(b)") is no word of its sentence
            whole = re.sub(r"^(?:§\s*)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|[ivx]{1,4}\.)\s+", "", lead.strip())
            if len(whole) + len(body) + 1 <= limit:
                said, cut = f"{whole} {body}", ""  # from its sentence's start: no "…" before it
            else:
                # a few words before the last negation, then the quote, " … " for what lies between
                neg = negs[-1]
                pre = lead[:neg.start()].split()[-3:]
                gap = lead[neg.end():].strip()
                head = " ".join(pre + [neg.group(0)])
                if gap and len(head) + len(gap) + len(body) + 2 > limit and not NEGATION.search(gap):
                    said = f"{head} … {body}"
                else:
                    said = f"{head} {gap} {body}" if gap else f"{head} {body}"
                cut = "…"
            tail = "…" if quote.rstrip().endswith("…") else ""
            return f"“{cut}{said}{tail}”" if m.group("q") else f"« {cut}{said}{tail} »"
        return m.group(0)

    return _QUOTE.sub(grown, explanation)


_LEADING_END = re.compile(r"(?P<words>(?:[^\s“”«»…]+ ){2,3}(?P<w>[^\s“”«»…]+))…(?P<close>[”»]?(?:\s\([a-z-]+(?:, [a-z-]+)*\))?"
                          r"(?:\s—[^—]*)?)$")


# French and German words that lead on to what follows ("conservées pendant…", "innerhalb von…")
_FOREIGN_LEADS = frozenset("""de du des la le les l d à au aux pour par pendant dans sur avec sans sous en et ou un une
jusqu dès depuis entre vers selon von der die das den dem zu zur zum für mit bei nach während innerhalb binnen im
an auf und oder ein eine einer einem einen bis""".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve fourteen fifteen twenty
thirty sixty ninety hundred un une deux trois quatre cinq six sept huit dix douze quinze trente ein eine zwei drei
vier fünf sechs sieben acht neun zehn zwölf dreißig""".split())


# What a quote of a clause that only grew at its end says, and does not say what is new in it
_TAIL_SAID = re.compile(r"^(?:In [^:“]{1,60}: )?(?:Now also says: |Now says “|Now reads:? “)")
_TAIL_MIN = 4  # words put at the end: fewer read best in their sentence ("…identify your browser or you")


def tail_said(explanation: str, before: str, after: str, limit: int = 140) -> str:
    """A clause that only grew at its end ("… posted by a Member." → "… posted by a Member; subject to
    the Online Services Act of 2031.") said as what was put there: "Adds at the end: “subject to the
    Online Services Act of 2031”", not as a quote of the whole clause that may stop before the new
    words ("Now also says: “…by a Member ; subject to the…”"). At least ``_TAIL_MIN`` words put in,
    the old clause's words all kept, in order, at the start; the words put in cut to ``limit``
    characters. Only an explanation that quotes the clause ("Now also says", "Now says", "Now
    reads") and says one thing (no "(categories); " joins two); any other as is."""
    m = _TAIL_SAID.match(explanation)
    if not m or not before or not after or re.search(r"\([a-z-]+(?:, [a-z-]+)*\);\s", explanation):
        return explanation
    old, new = _plain(before).split(), _plain(after).split()
    if len(new) - len(old) < _TAIL_MIN or not old:
        return explanation
    if [_key(w) for w in old] != [_key(w) for w in new[:len(old)]]:
        return explanation
    from tracker.analysis.rendering import one_line

    joint = f"{new[len(old) - 1][-1:]}{new[len(old)][:1]}"
    put = " ".join(new[len(old):]).strip(" ;,:—–-").rstrip(".")
    # a new sentence, or a clause joined by a semicolon, colon or dash: words of their own; one
    # that carries on the old sentence ("…your browser or, if you are signed in, you") reads in it
    if not put or not (put[:1].isupper() or re.search(r"[;:—–]", joint)):
        return explanation
    said = put if len(put) <= limit else one_line(put, limit)
    return f"Adds at the end: “{said}”{_tail(explanation, ())}"


def end_kept(explanation: str, text: str, most: int = 6) -> str:
    """A quote cut on a word that leads on ("…the state or federal courts of…") carried on to the
    words it leads to in the clause (``text``, plain): "…federal courts of California"; a run of
    capitalised words is kept whole ("of San Mateo County"), at most ``most`` words more, and the
    "…" stays when the sentence still goes on. Any other explanation as is."""
    from tracker.analysis.rendering import LEADS_ON

    leads = LEADS_ON | _FOREIGN_LEADS
    m = _LEADING_END.search(explanation)
    if not m or not text:
        return explanation
    flat = re.sub(r"\s+", " ", text)
    words = m.group("words")
    if flat.count(words) != 1:
        return explanation
    rest = flat[flat.index(words) + len(words):].split()
    # a cut right before a value ("conservées… " of "conservées pendant 12 mois"): the value is the point
    k = next((i for i, w in enumerate(rest[:3]) if w.lower().strip(",;:") not in leads), None)
    before_value = k is not None and k < len(rest) and (rest[k][:1].isdigit() or rest[k].lower() in _NUMBER_WORDS)
    # a cut right before the name that ends the sentence ("…the laws…" of "the laws of the
    # Netherlands."): the place or party named is the point
    before_name = bool(k and k < len(rest) and rest[k][:1].isupper() and rest[k - 1].lower() in leads
                       and len(rest) <= k + 3 and rest[-1][-1:] in ".;:" and all(w[:1].isupper() for w in rest[k:]))
    # a cut right after an adverb that qualifies the point ("…are generally…" of "generally
    # non-refundable"): the word it qualifies is the point
    after_adverb = bool(re.fullmatch(r"(?:generally|usually|normally|strictly|expressly|entirely|fully|"
                                     r"solely|exclusively|immediately|automatically|permanently)",
                                     m.group("w").lower().strip(",;:")) and rest and rest[0][:1].isalpha())
    if m.group("w").lower().strip(",;:") not in leads and not before_value and not before_name and not after_adverb:
        return explanation
    taken: list[str] = []
    for w in rest[:most]:
        bare = w.strip("“”\"'()[],;:.")
        if not bare:
            break
        last = taken[-1].strip("“”\"'()[],;:.").lower() if taken else ""
        name_noun = taken and taken[-1][:1].isupper() and w[-1:] in ",;:." and bare.lower() not in leads \
            and len(taken) < 3  # "a Priority plan.": a name's noun that ends the phrase
        if taken and last not in LEADS_ON and not (bare[:1].isupper() and taken[-1][:1].isupper()) \
                and not (last[:1].isdigit() or last in _NUMBER_WORDS) and not name_noun:
            break  # the phrase has its word of meaning (a number its unit), and no name goes on
        taken.append(w)
        if w[-1:] in ",;:.)":
            break
    while taken and taken[-1].strip("“”\"'()[],;:.").lower() in leads:
        taken.pop()
    if not taken:
        return explanation
    said = " ".join(taken).rstrip(",;:.)")
    said = said if said.count("(") <= said.count(")") else said.split("(")[0].rstrip()
    ends = flat.index(words) + len(words) + 1 + len(" ".join(taken)) >= len(flat.rstrip(" .;:"))
    return f"{explanation[:m.end('words')]} {said}{'' if ends else '…'}{m.group('close')}"


# -- small words quoted as the phrase they sit in ----------------------------------------------------
_ALSO_SMALL = re.compile(r"; also (?:(?:now also|no longer) “[^“”]*”|“[^“”]*” → “[^“”]*”)$")


def _only_small(words: Sequence[str]) -> bool:
    bare = [w.strip("“”\"'()[],;:.!?").lower() for w in words]
    return all(not w or w in _FUNCTION for w in bare)


def small_words_said(explanation: str, before: str, after: str) -> str:
    """A cosmetic change's lone small words ("A name changed: Quibly → Zestra; also no longer
    “and”", "Only a name changed: Quibly and → Zestra") said as the phrase they sit in, now and
    before ("…; also “Quibly and its” → “Zestra, its”"): a quote of a lone function word says
    nothing. ``before`` and ``after`` are the clause's plain texts; any other explanation as is."""
    import difflib

    m = _NAME_CHANGED.match(explanation)
    also = _ALSO_SMALL.search(explanation)
    names: set[str] = set()
    if m:
        old, new = m.group("old").split(), m.group("new").split()
        stripped = (_only_small(old[-1:]) or _only_small(old[:1]) or _only_small(new[-1:]) or _only_small(new[:1]))
        if not stripped and not also:
            return explanation
        while len(old) > 1 and _only_small(old[-1:]):
            old.pop()
        while len(old) > 1 and _only_small(old[:1]):
            old.pop(0)
        while len(new) > 1 and _only_small(new[-1:]):
            new.pop()
        while len(new) > 1 and _only_small(new[:1]):
            new.pop(0)
        names = {w.lower() for w in old + new}
        head = f"A name changed: {' '.join(old)} → {' '.join(new)}"
    elif also:
        head = explanation[:also.start()]
    else:
        return explanation
    if not before or not after:
        return explanation
    a, b = re.sub(r"\s+", " ", before).split(), re.sub(r"\s+", " ", after).split()
    phrases = []
    key = [w.strip("“”\"'()[],;:.!?").lower() for w in a], [w.strip("“”\"'()[],;:.!?").lower() for w in b]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, key[0], key[1], autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        gone = [w for w in a[i1:i2] if w.strip("“”\"'()[],;:.!?").lower() not in names]
        put = [w for w in b[j1:j2] if w.strip("“”\"'()[],;:.!?").lower() not in names]
        if not (gone or put) or not _only_small(gone + put) or re.search(r"\d", " ".join(gone + put)):
            continue  # the name, date or link the explanation's head says
        lo, hi = max(0, i1 - 1), min(len(a), i2 + 1)
        jlo, jhi = max(0, j1 - 1), min(len(b), j2 + 1)
        phrases.append(f"“{' '.join(a[lo:hi]).strip(',;:.')}” → “{' '.join(b[jlo:jhi]).strip(',;:.')}”")
    if not phrases or len(phrases) > 3:
        return explanation
    return f"{head}; also {'; '.join(phrases)}"


# -- a quote from its subject ------------------------------------------------------------------------
# "New: …may be brought in any jurisdiction": a quote that starts mid-clause does not say what
# may be brought. Its clause's first words (less a lead-in, "However," "For the avoidance of
# doubt,") are put before it: "Any claim for injunctive relief … may be brought in any jurisdiction".
_MID_QUOTE = re.compile(r"^(?P<lead>(?:New|New watch-out|Removed|New row|Removed row)(?: (?:in|from) [^:]{1,60})?: )"
                        r"…(?P<quote>[^…]+?)(?P<cut>…?)(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?P<note> — good news for users)?$")
_LEAD_INS = re.compile(r"^(?:(?:however|moreover|furthermore|in addition|additionally|also|further|finally|"
                       r"for the avoidance of doubt|for clarity|to be clear|in particular|notwithstanding the foregoing|"
                       r"please note(?: that)?|note that|as such|accordingly|therefore|in any case|in any event),?\s+)+",
                       re.I)
_SUBJECT_WORDS = 6
_QUOTE_MAX = 100


def from_subject(explanation: str, text: str) -> str:
    """``explanation`` ("New: …may be brought in any jurisdiction (jurisdiction)") with a quote
    that starts mid-clause in ``text`` (the clause, plain) given its clause's first words: the
    whole clause from its subject when the quote starts within its first ``_SUBJECT_WORDS`` words,
    else those first words, "…", then the quote ("Any claim for injunctive relief … may be
    brought in any jurisdiction"); at most ``_QUOTE_MAX`` characters, cut at the end with "…".
    As is when the quote is not found in ``text`` or starts a sentence already."""
    m = _MID_QUOTE.match(explanation)
    if not m:
        return explanation
    flat = re.sub(r"^\s*(?:[*+•-]|\d{1,2}[.)])\s+", "", re.sub(r"\s+", " ", text))  # a list item's marker is no word
    quote = m.group("quote").strip()
    at = flat.find(quote)
    if at <= 0 or flat.count(quote) != 1:
        return explanation
    starts = [k.end() for k in re.finditer(r"(?:[.;:!?]|^)\s+|^", flat[:at])]
    start = starts[-1] if starts else 0
    head = flat[start:at]
    lead = _LEAD_INS.match(head)
    if lead:
        start += lead.end()
        head = head[lead.end():]
    words = head.split()
    if not words:
        return explanation
    if len(words) <= _SUBJECT_WORDS:
        said = flat[start:at] + quote
    else:
        first = words[:_SUBJECT_WORDS]
        while len(first) > 2 and (first[-1].lower().strip(",") in _FUNCTION or first[-1].endswith(",")):
            first.pop()
        if words[-1].lower() in _PREPOSITIONS:  # "… for the purpose of", not "… the purpose of"
            quote = f"{words[-1]} {quote}"
        said = f"{' '.join(first)} … {quote}"
    cut = bool(m.group("cut"))
    if len(said) > _QUOTE_MAX:
        said, cut = said[:_QUOTE_MAX].rsplit(" ", 1)[0].rstrip(",;:"), True
    said = said[:1].upper() + said[1:]
    return f"{m.group('lead')}{said}{'…' if cut else ''}{m.group('tail') or ''}{m.group('note') or ''}"


# A sentence that opens with its condition or exception ("Except as otherwise provided …, Customer may
# …", "Si vous …, nous …", "Sofern …, können wir …"): its main clause comes after the condition's comma.
_CONDITION_FIRST = re.compile(
    r"^(?:except|subject to|if|unless|where|when|whenever|to the (?:maximum |fullest )?extent|notwithstanding|"
    r"without (?:limiting|prejudice to)|in (?:the event|case)|provided|save (?:as|where)|other than|"
    r"sauf|sous réserve|si|s['’]|lorsque|lorsqu['’]|dans la mesure|en cas|nonobstant|"
    r"sofern|soweit|wenn|falls|vorbehaltlich|unbeschadet|im falle?|außer)\b", re.I)
_ONE_CUT_QUOTE = re.compile(r"^(?P<lead>[A-Z][^“”«»:]{2,60}: )(?P<open>[“«] ?)?(?P<q>[^“”«»…]{8,}?)…(?P<close> ?[”»])?"
                            r"(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?P<note> — good news for users)?$")


def condition_skipped(explanation: str, text: str, limit: int = _QUOTE_MAX) -> str:
    """A quote of a new or removed clause cut before the end of the condition it opens with
    ("Removed right for users: Except as otherwise provided in the Agreement and subject…") shows
    only when the term applies, never what it says: it is given the condition's first words, "…",
    and the main clause after the condition's comma ("Except as otherwise provided … Customer may
    reassign a LIHA license from one Customer User to another…"), at most ``limit`` characters.
    ``text``: the clause (plain). Any other explanation, or a condition with no comma that ends it
    within the sentence, as is."""
    m = _ONE_CUT_QUOTE.match(explanation)
    if not m or not text:
        return explanation
    flat = re.sub(r"^\s*(?:[*+•-]|\d{1,2}[.)])\s+", "", re.sub(r"\s+", " ", text)).strip()
    q = m.group("q").strip()
    at = flat.find(q)
    if at < 0 or flat.count(q) != 1 or (at and not re.search(r"[.;:!?]\s*$", flat[:at])) \
            or not _CONDITION_FIRST.match(q):
        return explanation
    sentence = re.split(r"(?<=[.;!?])\s+", flat[at:], maxsplit=1)[0]
    depth, comma = 0, -1
    for i, ch in enumerate(sentence):
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == "," and depth == 0 and i >= 12:
            comma = i
            break
    if comma < 0 or comma < len(q) - 1 or len(sentence) - comma < 20:
        return explanation  # the quote shows the main clause already, or there is none after a comma
    head = sentence[:comma].split()
    first = head[:5]
    while len(first) > 2 and first[-1].lower().strip(",") in _FUNCTION:
        first.pop()
    said = (" ".join(first) + (" …" if len(first) < len(head) else ",") + " " + sentence[comma + 1:].strip())
    cut = len(said) > limit or bool(re.search(r"[;:,]$", said.rstrip()))  # the clause goes on
    if len(said) > limit:
        kept = said[:limit].rsplit(" ", 1)[0].split()
        while len(kept) > 3 and (kept[-1].lower().strip(",;:") in _FUNCTION | LEADS_ON):
            kept.pop()
        said = " ".join(kept).rstrip(",;:")
    said = said.rstrip(".;:,")
    return (f"{m.group('lead')}{m.group('open') or ''}{said}{'…' if cut else ''}{m.group('close') or ''}"
            f"{m.group('tail') or ''}{m.group('note') or ''}")


# -- a watch-out the old clause had already -----------------------------------------------------------
def had_watch(before: str, categories: Sequence[str]) -> bool:
    """Whether the old clause ``before`` (plain) was already a watch-out of every one of
    ``categories``: a clause that only grew ("may amend these terms by posting them" → "... and
    updating the date above") did not bring a new one."""
    from tracker.analysis.classify import split_sentences, topical_watch
    from tracker.analysis.facts import same_wording

    found: set[str] = set()
    for sentence in split_sentences(before) or [before]:
        found.update(topical_watch(same_wording(sentence)))
    return bool(categories) and set(categories) <= found


def _inserted(before: str, after: str, width: int = 4, limit: int = 90) -> str:
    """The longest run of words ``after`` has that ``before`` lacks (typography aside: see
    ``word_keys``), with ``width`` words around it, marked "…" where cut: what a clause that grew
    now says."""
    import difflib

    a, b = before.split(), after.split()
    grown = [(j1, j2) for tag, _, _, j1, j2 in
             difflib.SequenceMatcher(None, word_keys(a), word_keys(b), autojunk=False).get_opcodes()
             if tag in ("insert", "replace")]
    if not grown:
        return ""
    # the longest insertion: "… de son Abonnement, …" is not what a clause that now names the card
    # it charges ("sur l'une des cartes bancaires enregistrées") grew by
    j1, j2 = max(grown, key=lambda r: r[1] - r[0])
    lo, hi = max(0, j1 - width), min(len(b), j2 + width)
    while hi < min(len(b), j2 + width + 3) and b[hi - 1].lower().strip(",;:") in _FUNCTION | LEADS_ON:
        hi += 1  # never cut on a word that leads on ("…enregistrées par…"): on to what it leads to
    return _span(b, lo, hi, limit)


def _same_term(before: str, after: str) -> bool:
    """Whether two wordings of a clause are one term: at least 85% of each side's content words
    (``_content``: stems of four letters or more, numbers) are the other's, amounts and negations
    alike."""
    a, b = _content(before.split()), _content(after.split())
    if len(a) < 5 or len(b) < 5:
        return False
    neg = re.compile(r"\b(?:not|never|no|without)\b", re.I)
    if len(neg.findall(before)) != len(neg.findall(after)):
        return False
    return len(a & b) >= 0.85 * len(a) and len(a & b) >= 0.85 * len(b)


# A phrase that only bounds a clause by the law or by cases ("(to the extent allowed by applicable law)",
# "In other cases,", "dans la mesure permise par la loi", "soweit gesetzlich zulässig"): put into a
# watch-out it narrows it, it brings no new one.
_HEDGE_OPEN = re.compile(
    r"^\W*(?:to the (?:maximum |fullest )?extent|where (?:permitted|required|applicable|allowed|appropriate)|"
    r"as (?:permitted|required|allowed|applicable)|if (?:permitted|required|applicable)|"
    r"(?:in|for) (?:all )?(?:other|some|certain|such|these|those|most) (?:cases|circumstances|instances)|"
    r"unless (?:prohibited|otherwise required) by|subject to applicable law|dans (?:la mesure|les limites)|"
    r"(?:lorsque|si) la (?:loi|législation)|sous réserve (?:de la loi|des lois|du droit)|dans (?:les |certains )?(?:autres )?cas|"
    r"soweit (?:gesetzlich|rechtlich|nach)|im (?:gesetzlich|rechtlich) zulässigen|in (?:anderen|bestimmten) Fällen)\b",
    re.I)


# Words that make a hedge a term of its own ("in other cases without notice", "where permitted, at any time")
_HEDGE_MORE = re.compile(r"\b(?:without|any|all|every|only|solely|sole|discretion|immediately|notice|reason|time|"
                         r"sans|tout|toute|préavis|seule?|ohne|jederzeit|alle|nur)\b", re.I)


def hedge_added(before: str, after: str) -> str:
    """The words put into a clause when they are all its change and only bound it by the law or by
    cases (``_HEDGE_OPEN``: "we may suspend" → "we may suspend (to the extent allowed by applicable
    law)", "You authorize us" → "In other cases, you authorize us"), as they read; "" for any other
    change (words taken out or replaced, a number or a negation among those put in)."""
    import difflib

    a, b = before.split(), after.split()
    ops = [op for op in difflib.SequenceMatcher(None, word_keys(a), word_keys(b), autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] not in ("insert", "replace"):
        return ""
    tag, i1, i2, j1, j2 = ops[0]
    if tag == "replace" and (i2 - i1 > 1 or word_keys(a[i1:i2])[0].lower() != word_keys(b[j2 - 1:j2])[0].lower()):
        return ""  # (one word kept, only its case or punctuation changed: "You" → "In other cases, you")
    run = " ".join(b[j1:j2] if tag == "insert" else b[j1:j2 - 1])
    if not (m := _HEDGE_OPEN.match(run)) or len(run.split()) > 10 or re.search(r"\d", run) or _NEGATED.search(run) \
            or _HEDGE_MORE.search(run[m.end():]):
        return ""
    run = run.strip(" ,;.")
    return run[1:-1] if run.startswith("(") and run.endswith(")") else run


_SWAP_SAID = re.compile(r"^(?P<lead>(?:In [^:“]{1,60}: )?Now says) “(?P<now>[^“”]+)” instead of “(?P<was>[^“”]+)”"
                        r"(?: \(in [^()]*\))?(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?$")


def _quote_words(quote: str) -> list[str]:
    return [k.lower() for k in word_keys(quote.replace("…", " ").split()) if re.search(r"\w", k)]


def swap_shown(explanation: str, before: str, after: str) -> str:
    """"Now says “A” instead of “B”" whose two quotes show no word that changed (each the start of
    a table row or clause the other begins with too: "“Service messages; We will contact you…”
    instead of “Service messages *…”" when "upgrade" became "upgrades" further on) said as the
    passage that changed, now and before ("Now reads “…data use, upgrades you might be…” (was
    “…data use, upgrade you might be…”)"). ``before`` and ``after`` are the clause's plain texts;
    any other explanation as is."""
    m = _SWAP_SAID.match(explanation)
    if not m or not before or not after:
        return explanation
    now, was = _quote_words(m.group("now")), _quote_words(m.group("was"))
    k = min(len(now), len(was))
    if now[:k] != was[:k]:
        return explanation  # the quotes show a word that changed
    said_now, said_was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    if not said_now or not said_was or _quote_words(said_now) == _quote_words(said_was):
        return explanation
    return f"Now reads “{said_now}” (was “{said_was}”){m.group('tail') or ''}"


def prohibition_restated(before: str, after: str) -> bool:
    """Whether a modified clause forbade the same thing before and after in other words ("you may
    not serve a video ad as part of that banner" → "It's prohibited to run video ads as part of that
    banner"): both a rule against the user (``forbids``) said in other words of prohibition, at least
    60% of the content words of each side the other's, no number changed. ``before`` and ``after`` are plain texts."""
    if not forbids(before) or not forbids(after) or sorted(re.findall(r"\d+", before)) != sorted(re.findall(r"\d+", after)):
        return False
    said = [{m.group(0).lower() for m in _PROHIBITION.finditer(t)} for t in (before, after)]
    if said[0] == said[1]:
        return False  # the rule's own words kept: what changed is what it covers, read as such
    a, b = _content(before.split()), _content(after.split())
    return len(a) >= 4 and len(b) >= 4 and len(a & b) >= 0.6 * len(a) and len(a & b) >= 0.6 * len(b)


# A statement of the provider's care that binds no one ("Zorblo takes the protection of your personal
# data very seriously", "Your privacy is important to us", "Quibly attache une grande importance à la
# protection de vos données", "Der Schutz Ihrer Daten ist uns wichtig"): no term, whatever its topic.
_PUFFERY = re.compile(
    r"^[^.;:!?]{0,80}?\b(?:takes?\b[^.;:]{0,80}?\b(?:very |extremely |most )?seriously|"
    r"(?:is|are) (?:(?:very|extremely|really) )?important to (?:us|them)|(?:we|\w+) (?:deeply |really )?(?:cares?|values?) "
    r"(?:about )?(?:your|the|users['’]?) (?:privacy|trust|data)|(?:is|are) (?:fully |strongly |deeply )?committed to "
    r"(?:protecting|respecting|safeguarding)|"
    r"attache (?:une (?:grande|très grande|importance particulière)|beaucoup d['’]importance)|accorde une (?:grande|très grande) importance|"
    r"(?:nous )?tient à cœur|nimmt\b[^.;:]{0,80}?\b(?:sehr )?ernst|(?:ist|sind) uns (?:sehr |besonders )?wichtig|"
    r"liegt uns (?:sehr )?am Herzen)\b[^.;:!?]{0,80}[.!]?$", re.I)


def puffery(text: str) -> bool:
    """Whether ``text`` (a clause, plain) is only a statement of the provider's care, one sentence
    with no rule, right, modal or number in it: what ``boilerplate.is_mission_statement`` reads
    ("Your privacy is important to us"), and the same said of any subject or in French and German
    (``_PUFFERY``: "Zorblo takes the protection of users' personal data very seriously", "Quibly
    attache une grande importance à la protection de vos données")."""
    from tracker.analysis.boilerplate import is_mission_statement

    flat = re.sub(r"\s+", " ", text).strip()
    # (a number is a term's, not one inside a name: "Zorblo4Kids")
    if not flat or re.search(r"\b\d|\b(?:may|must|shall|will|can|not|never|peut|doit|ne|kann|muss|darf|nicht)\b", flat, re.I):
        return False
    return bool(_PUFFERY.match(flat)) or is_mission_statement(flat)


PUFFERY_LEAD = "A statement of intent, not a term"  # said "New statement of intent, not a term: …"


_OPEN_QUOTE = re.compile(r"“(?P<q>[^“”]+)”")


def brackets_closed(explanation: str, text: str, reach: int = 24) -> str:
    """``explanation`` with each quote that stops inside a bracket it opened ("“…the European Union
    or the United Kingdom, sixteen (16”") carried on to the bracket's close when ``text`` (the
    clause it quotes, plain) closes it within ``reach`` characters ("…sixteen (16)”"); a quote
    that cannot be carried on, or any other explanation, as is."""
    if "(" not in explanation or not text:
        return explanation
    flat = re.sub(r"\s+", " ", text)

    def carried(m: re.Match[str]) -> str:
        q = m.group("q")
        body = q.rstrip("…")
        if body.count("(") <= body.count(")"):
            return m.group(0)
        core = body.lstrip("…")
        at = flat.find(core)
        if at < 0 or flat.find(core, at + 1) >= 0:
            return m.group(0)
        rest = flat[at + len(core):at + len(core) + reach]
        close = rest.find(")")
        if close < 0 or "(" in rest[:close]:
            return m.group(0)
        end = at + len(core) + close + 1
        more = "…" if re.match(r"\s*\w", flat[end:end + 3]) else ""
        return f"“{body}{rest[:close + 1]}{more}”"

    return _OPEN_QUOTE.sub(carried, explanation)


def _promise_said(said: str, text: str) -> bool:
    """Whether ``said`` (the words a "New watch-out: …" quotes) starts a sentence of ``text`` (the
    clause, plain) that is a promise of the provider ("Additionally, we do not knowingly sell or share
    information of children …": ``promise_withdrawn`` reads it, its lead-in set aside)."""
    key = " ".join(_LEAD_INS.sub("", said.strip("…“” ")).split()[:4])
    if len(key.split()) < 3:
        return False
    for sentence in re.split(r"(?<=[.;!?])\s+", re.sub(r"\s+", " ", text)):
        bare = _LEAD_INS.sub("", sentence)
        if bare.lower().startswith(key.lower()) or sentence.lower().startswith(key.lower()):
            return bool(promise_withdrawn(bare))
    return False


def _heading_lead_in(heading: str) -> str:
    """A heading that is a list's lead-in ("3. Without prior consent, you are not allowed to:"),
    less its numbering and colon, shortened to its last 12 words ("…"); "" for another heading."""
    from tracker.analysis.rendering import plain_text

    text = re.sub(r"^\s*#{1,6}\s*", "", heading or "")
    text = re.sub(r"^(?:§\s*)?\d+(?:\.\d+)*\\?\.?\s+", "", plain_text(text)).strip()
    if not text.endswith(":") or len(text.split()) < 3:
        return ""
    words = text.rstrip(": ").split()
    return ("…" + " ".join(words[-12:])) if len(words) > 12 else " ".join(words)


# -- a value said under its heading -----------------------------------------------------------------
# "Credit expiry: 12 months → 6 months": the form a changed value takes when its sentence gives
# no subject to say it with, labelled by the clause's heading. Only what a heading says helps a
# reader: a bare letter or number ("T", "3."), the document's own title ("Quibly Terms of
# Service") or a heading other than the section shown says nothing or misleads.
_ARROW = re.compile(r"^(?P<label>[^:“”«»→;]{1,120}): (?P<old>[^:“”«»→;]{1,120}) → (?P<new>[^“”«»→;]{1,160}?)"
                    r"(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?P<rest>;\s.*)?$", re.S)
_FIXED_LEADS = re.compile(r"^(?:Only a name changed|A name changed|A date changed|Changed)$")


def _heading_words(text: str) -> str:
    """A heading or label as words: Markdown, escapes and its numbering ("10\\.", "§ 3", "(a)") gone."""
    from tracker.analysis.rendering import plain_text

    text = plain_text(text.replace("\\", ""))
    text = re.sub(r"^\s*(?:(?:section|article|§)\s*)?(?:\d+(?:\.\d+)*\.?|[ivxIVX]+\.|\(?[a-zA-Z0-9]\)|[A-Za-z]\.?)"
                  r"(?=\s|$)\s*(?:[-–—:]\s*)?", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" .:")


def value_under_heading(explanation: str, heading: str, clause_id: str, before: str, after: str) -> str:
    """``explanation`` "LABEL: OLD → NEW (cats)" said right for a reader: kept when LABEL is the
    title of the section the change is shown in (less its numbering and escapes: "10\\. Remedies"
    → "Remedies"); else, when LABEL is a bare letter or number, the document's title or another
    heading, "Now says “…NEW…” instead of “…OLD…”" with the words around each value (``passages``)
    when those hold it, the values alone otherwise. Any other explanation as is. ``before`` and
    ``after`` are the clause's plain texts; ``clause_id`` without "/" is a clause right under the
    document's title."""
    m = _ARROW.match(explanation)
    if not m or _FIXED_LEADS.match(m.group("label")):
        return explanation
    label, old, new = m.group("label"), m.group("old").strip(), m.group("new").strip()
    words = _heading_words(label)
    section = _heading_words(heading or "")
    tail, rest = m.group("tail") or "", m.group("rest") or ""
    if re.search(r"[^\W\d_]{3}", words) and words.casefold() == section.casefold() and "/" in (clause_id or "") \
            and not address_line(heading or ""):
        return f"{words}: {old} → {new}{tail}{rest}" if words != label else explanation
    now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
    if not (new in now and old in was):
        now, was = new, old
    return f"Now says “{now}” instead of “{was}”{tail}{rest}"


# -- a new contracting party, named alone ----------------------------------------------------------
_PARTY = re.compile(r"^(?P<lead>The contracting party is now )(?P<new>.+?) instead of (?P<old>.+?)"
                    r"(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?P<rest>;\s.*)?$", re.S)
_AROUND_NAME = _FUNCTION | frozenset("neither nor either agree agrees acknowledge acknowledges that hereby".split())
_LEGAL_FORM_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Pte|Bhd|Pty|S\.A|N\.V|B\.V|L\.L\.C|P\.L\.C|S\.p\.A|e\.V)\.$", re.I)


def party_alone(explanation: str) -> str:
    """"The contracting party is now NEITHER ADDICTING GAMES INC instead of NEITHER AG" (the
    words around a renamed party taken with it) said with the names alone: the words both sides
    share at their start and end dropped ("ADDICTING GAMES INC instead of AG"), a sentence's full
    stop too (not a legal form's: "Inc."). Any other explanation as is."""
    m = _PARTY.match(explanation)
    if not m:
        return explanation
    new, old = m.group("new").split(), m.group("old").split()
    # only words of the sentence around it, never the name's own ("Nimbus Cloud Services Pte. Ltd."
    # instead of "Nimbus Cloud Services Limited" stays whole)
    while len(new) > 1 and len(old) > 1 and new[0] == old[0] and new[0].lower().strip(",") in _AROUND_NAME:
        new, old = new[1:], old[1:]
    while len(new) > 1 and len(old) > 1 and new[-1] == old[-1] and new[-1].lower().strip(",.") in _AROUND_NAME:
        new, old = new[:-1], old[:-1]
    said = [" ".join(new), " ".join(old)]
    said = [s[:-1] if s.endswith(".") and not _LEGAL_FORM_END.search(s) else s for s in said]
    if said == [m.group("new"), m.group("old")]:
        return explanation
    return f"{m.group('lead')}{said[0]} instead of {said[1]}{m.group('tail') or ''}{m.group('rest') or ''}"


# -- who publishes, hosts or contracts: an imprint's roles ------------------------------------------
# The role an imprint (legal notice, "mentions légales", "Impressum") gives the company it names,
# by the words just before the name: a host or a publisher is no contracting party, and a change
# of either is no text "without legal effect" (the law requires them named; they answer for the site).
_ROLES = (
    ("host", re.compile(r"\b(?:hosted|hosting(?: provider| service)?|host(?:ing)? company|web ?host|server(?:s)? (?:are )?"
                        r"(?:operated|provided)|héberg\w*|gehostet|hosting|hoster|hostinganbieter|webhosting|"
                        r"hosting-?dienstleister|serveranbieter)\b", re.I)),
    ("publisher", re.compile(r"\b(?:published|publisher|publishing company|édité|éditeur|éditrice|directeur de (?:la )?"
                             r"publication|directrice de (?:la )?publication|responsable de (?:la )?publication|"
                             r"herausgeber(?:in)?|herausgegeben|verantwortlich(?:er)? (?:für den inhalt|i\.?s\.?d\.?)|"
                             r"v\.?i\.?s\.?d\.?p)\b", re.I)),
)
_CONTRACT_WORDS = re.compile(r"\b(?:contracting party|agreement (?:is )?(?:between|with)|contract(?:s|ed)? with|"
                             r"vertragspartner\w*|contrat (?:est )?conclu|cocontractant)\b", re.I)
_COMPANY = re.compile(r"\b(?:GmbH|AG|SE|KG|UG|OHG|SAS|SASU|SA|SARL|SNC|EURL|Ltd|Limited|Inc|LLC|Corp|Corporation|"
                      r"B\.V|N\.V|S\.A|S\.L|S\.p\.A|S\.r\.l|plc|Pty|e\.V|GmbH & Co\. KG)\b\.?")


def imprint_role(text: str, name: str = "") -> str:
    """The role ``text`` gives the company it names (or ``name`` when given): "host", "publisher",
    or "" (none said, or the clause names it the contracting party). Read from the words before
    the name in its sentence, else from the whole text ("Hébergeur : Nuvola SARL, 4 avenue ...")."""
    text = re.sub(r"\s+", " ", text or "")
    if _CONTRACT_WORDS.search(text):
        return ""
    at = text.find(name) if name else -1
    lead = text[max(0, text.rfind(".", 0, at) + 1):at] if at > 0 else text
    for role, words in _ROLES:
        if words.search(lead):
            return role
    return ""


_WITHOUT_EFFECT = re.compile(r"^(?P<what>Added|Removed) text without legal effect: (?P<q>.+)$", re.S)
_CONTACT_ONLY = re.compile(r"^(?:Only contact details changed|(?:New|Removed) contact details, not a term: .+)$", re.S)


# A name a role's words introduce ("hosted by GitHub Pages", "Hébergeur : Netlify", "gehostet von
# Nuvola Hosting"): capitalised words, whether or not a legal form ends them.
_ROLE_NAME = re.compile(r"(?:\s+(?:by|par|von|bei|chez|with)|\s*:)\s+(?:(?:la société|the company|die|der|l['’]entreprise)\s+)?"
                        r"(?P<name>[A-Z0-9][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|&)){0,5}(?:,? (?:Inc|Ltd|LLC|Limited|GmbH|SAS|SARL|"
                        r"SA|AG|plc|Corp)\b\.?)?)")
_NAME_CHANGED = re.compile(r"^(?:Only a|A) name changed: (?P<old>[^→“”]+?) → (?P<new>[^→“”;]+?)(?P<rest>; also .*)?$", re.S)


def role_name(text: str) -> tuple[str, str]:
    """(role, name) of the company an imprint's clause ``text`` names in a role: ("host",
    "GitHub Pages") for "Our site is hosted by GitHub Pages in Frankfurt.", a legal form or none;
    ("", "") when it names no host or publisher."""
    text = re.sub(r"\s+", " ", text or "")
    if _CONTRACT_WORDS.search(text):
        return "", ""
    for role, words in _ROLES:
        for m in words.finditer(text):
            if n := _ROLE_NAME.match(text, m.end()):
                name = n.group("name").rstrip(",")
                if name.endswith(".") and not _LEGAL_FORM_END.search(name) and not _COMPANY.search(name[-6:]):
                    name = name[:-1]
                return role, name
    return "", ""


def imprint_said(explanation: str, kind: str, before: str, after: str) -> str:
    """An imprint's company said in its role: "The host is now Cloudara Inc. instead of Nuvola
    Hosting SARL" (not "The contracting party is now ..."), and so when neither name has a legal
    form ("hosted by Nuvola Hosting" → "hosted by GitHub Pages": never "Only a name changed"); a
    clause naming a host or publisher added or removed is "Names a new host: ...", "No longer
    names the publisher: ...", never "text without legal effect" nor "Only contact details
    changed". Any other explanation as is."""
    if m := _PARTY.match(explanation):
        role = imprint_role(after, m.group("new").strip())
        if role and imprint_role(before, m.group("old").strip()) == role:
            return f"The {role} is now {explanation[len(m.group('lead')):]}"
        return explanation
    if kind == "modified" and (m := _NAME_CHANGED.match(explanation)):
        old, new = m.group("old").strip(), m.group("new").strip()
        # the role's words introduce the name itself ("hosted by Netlify"), not a word anywhere before it
        role = role_name(after)[0] if role_name(after)[1] == new else ""
        if role and role_name(before) == (role, old):
            return f"The {role} is now {new} instead of {old}{m.group('rest') or ''}"
        return explanation
    text = after if kind == "added" else before if kind == "removed" else ""
    if not text or not (_WITHOUT_EFFECT.match(explanation) or _CONTACT_ONLY.match(explanation)) \
            or not (role := imprint_role(text)) or not (_COMPANY.search(text) or role_name(_plain(text))[0] == role):
        return explanation
    from tracker.analysis.materiality import _snippet

    said = _snippet(_plain(text))
    return f"Names a new {role}: {said}" if kind == "added" else f"No longer names this {role}: {said}"


# -- a changed law beside a new way of settling disputes -----------------------------------------------
# What a clause joined to the law's sentence puts in place of the courts: the serious part a
# quote must reach ("…, et tout litige sera tranché par voie d'arbitrage", "…, und alle
# Streitigkeiten werden durch ein Schiedsverfahren beigelegt").
_WAIVER_POINT = re.compile(r"class[- ]action|representative action|action (?:de groupe|collective)|recours collectif|"
                           r"sammelklage\w*|\bjury\b|geschworene\w*", re.I)
_DISPUTE_POINT = re.compile(rf"arbitra\w*|schieds\w*|{_WAIVER_POINT.pattern}", re.I)
_WATCH_QUOTE = re.compile(r"^(?P<lead>New watch-out: |New: )(?P<q>[^;]+?)(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))"
                          r"(?P<rest>;\s.*)?$", re.S)
_LAW_SAID = re.compile(r"\b(?:laws?|governed|droit|Recht)\b[^;]*\binstead of\b[^;]*\((?:[a-z-]+, )*governing-law(?:, [a-z-]+)*\)")


def _from_own_clause(explanation: str, after: str) -> str:
    """A new watch-out quoted from the start of a sentence that names the law of the contract
    ("New watch-out: Les présentes conditions sont régies par le droit luxembourgeois, et tout
    litige sera…") quoted from the clause joined to it that holds the watch-out ("…tout litige
    sera tranché par voie d'arbitrage contraignant"); as is otherwise."""
    from tracker.analysis.facts import law_places
    from tracker.analysis.materiality import _JOINED_CLAUSE, _own_clause
    from tracker.analysis.rendering import one_line

    m = _WATCH_QUOTE.match(explanation)
    if not m:
        return explanation
    head = m.group("q").strip("…« »").split(" … ")[0].rstrip("…").strip()
    if len(head.split()) < 3 or not law_places(head):
        return explanation
    flat = re.sub(r"\s+", " ", after)
    at = flat.find(head[:60])
    if at < 0:
        return explanation
    starts = [k.end() for k in re.finditer(r"(?<=[.!?])\s+", flat[:at + 1])]
    start = starts[-1] if starts else 0
    end = re.search(r"[.!?](?:\s|$)", flat[at:])
    sentence = flat[start:at + end.end() if end else len(flat)].strip()
    # the watch-out the quote is about: a waiver's own words, else the first way of settling disputes
    point = "class-action" in m.group("tail") and _WAIVER_POINT.search(sentence) or _DISPUTE_POINT.search(sentence)
    own = _own_clause(sentence, point.start()) if point else None
    if own is None and point:  # a verb no list knows ("vous renoncez à ..."): the clause joined last before it
        joins = [j for j in _JOINED_CLAUSE.finditer(sentence, 0, point.start())]
        own = sentence[joins[-1].end():] if joins else None
    if own is None or law_places(own):
        return explanation
    quote = one_line(own.rstrip(" .;:"), 100)
    foreign = m.group("q").startswith("«")
    quote = f"« …{quote} »" if foreign else f"…{quote}"
    return f"{m.group('lead')}{quote}{m.group('tail')}{m.group('rest') or ''}"


# A country's own name for itself, in English as the explanation is ("Recht der Schweiz" and
# "Schweizer Recht" name one law).
_COUNTRY = {"Schweiz": "Switzerland", "Suisse": "Switzerland", "Österreich": "Austria", "Deutschland": "Germany",
            "Allemagne": "Germany", "Frankreich": "France", "Irland": "Ireland", "Irlande": "Ireland",
            "Belgique": "Belgium", "Belgien": "Belgium", "Luxemburg": "Luxembourg", "Royaume-Uni": "United Kingdom",
            "Vereinigtes Königreich": "United Kingdom", "Niederlande": "Netherlands", "Pays-Bas": "Netherlands",
            "Espagne": "Spain", "Spanien": "Spain", "Italie": "Italy", "Italien": "Italy", "Kalifornien": "California",
            "Californie": "California", "Singapour": "Singapore", "Singapur": "Singapore", "Angleterre": "England"}
_PART = re.compile(r"(?<=\))\s*;\s+(?=\S)")


def law_changed(explanation: str, before: str, after: str) -> str:
    """``explanation`` of a clause whose law of the contract changed ("régies par le droit
    belge" → "… luxembourgeois", "English law" → "Irish law", "dem Recht der Republik Österreich"
    → "Schweizer Recht": ``facts.law_places``) saying so when it does not already: "The governing
    law is now the law of Luxembourg instead of Belgium (governing-law)", after a new watch-out the
    same clause brings (a new arbitration stays the headline's lead, quoted from its own clause),
    else first; a quoted swap tagged governing-law ("Now says “…droit luxembourgeois, et tout
    litige sera…” instead of “…”") gives way to it. As is when the law did not change or is said
    changed already."""
    from tracker.analysis.facts import law_places

    old = [_COUNTRY.get(p, p) for p in law_places(before)]
    new = [_COUNTRY.get(p, p) for p in law_places(after)]
    if not old or not new or new[0] in old or old[0] in new:
        return explanation
    explanation = _from_own_clause(explanation, after)
    if any(_LAW_SAID.search(p) and not p.startswith(("Now says “", "Now reads")) for p in _PART.split(explanation)) \
            or new[0] in explanation and old[0] in explanation:
        return explanation
    said = f"The governing law is now the law of {new[0]} instead of {old[0]} (governing-law)"
    parts = [p for p in _PART.split(explanation)
             if not (p.startswith(("Now says “", "Now reads")) and re.search(r"\((?:[a-z-]+, )*governing-law", p))]
    if parts and parts[0].startswith(("New watch-out: ", "New: ")):
        return "; ".join([parts[0], said, *parts[1:]])
    return "; ".join([said, *parts])


# -- the section a reader sees ------------------------------------------------------------------------
def _seen_title(clause: Clause, setext: frozenset[str]) -> str | None:
    """The heading a reader sees in ``clause`` itself ("**3. Services Provided.**", a setext
    title kept as text), or None: a short paragraph only, never a table of contents line nor a
    list's lead-in."""
    from tracker.analysis.rendering import plain_text
    from tracker.analysis.summary import _TOC_LINE, _pseudo_heading

    if clause.kind not in ("paragraph", "sentence") or len(clause.text) >= 200 or _TOC_LINE.match(clause.text):
        return None
    plain = plain_text(clause.text)
    title = plain if clause.text.strip() in setext else _pseudo_heading(clause.text, plain)
    bold = re.fullmatch(r"\s*(?:\*\*|__)[^*_]+(?:\*\*|__)[.:]?\s*", clause.text) is not None
    if title is not None and (bold or not title.rstrip().endswith(":")):  # not a list's lead-in
        return title.replace("*", "").strip().rstrip(".:")
    return None


def nearest_headings(text: str, indices: Iterable[int]) -> dict[int, str]:
    """{clause index: the nearest heading a reader sees above it} for the clauses ``indices`` of
    ``text`` (in the order of ``diff``'s clause split; an index past the end is left out): a
    Markdown heading, or a line since it that is a heading in all but markup ("**3. Services
    Provided.**", a setext title kept as text: ``summary._pseudo_heading``). Only what a diff
    shows as a change's section: the clause's own ``heading`` (which alignment and labelling
    read) is left alone. Walks back from each changed clause to its section's start, so a pair
    with a few changes reads a few clauses, not the whole text (a 64 kB text cost 30 ms whole)."""
    from tracker.analysis.diff import _split
    from tracker.analysis.summary import _setext_titles

    from tracker.analysis.materiality import contact_blocks

    clauses = _split(text)
    memo = _titles_memo(text)
    blocks = contact_blocks(text)  # the short lines of an address are no titles ("London", "1 Cornhill")
    out: dict[int, str] = {}
    for i in indices:
        if not 0 <= i < len(clauses):
            continue
        found = clauses[i].heading
        j = i
        # a section starts at a heading, or where the clauses' heading changes
        while j > 0 and clauses[j].kind != "heading" and clauses[j - 1].heading == clauses[j].heading:
            j -= 1
            if j in blocks:
                title = None
            elif j in memo.titles:
                title = memo.titles[j]
            else:
                if memo.setext is None:
                    memo.setext = _setext_titles(text)
                title = memo.titles[j] = _seen_title(clauses[j], memo.setext)
            if title is not None:
                found = title
                break
        out[i] = found
    return out


class _Titles:
    """What ``nearest_headings`` read of one text's clauses: ``_seen_title`` of each clause
    walked (by index), and the text's setext titles once needed."""

    __slots__ = ("setext", "titles")

    def __init__(self) -> None:
        self.setext: frozenset[str] | None = None
        self.titles: dict[int, str | None] = {}


@lru_cache(maxsize=4)
def _titles_memo(text: str) -> _Titles:
    """The ``_Titles`` of ``text``, kept for the last few texts: many changes of one section walk
    the same clauses, and a history reads each version as the new side, then as the old side."""
    return _Titles()


# -- the pass --------------------------------------------------------------------------------------
_CATS_TAIL = re.compile(r"\s*\((?:[a-z-]+(?:, [a-z-]+)*)\)\s*$")
_NEW_WATCH = re.compile(r"^New watch-out: (?P<said>.+?)(?P<cats>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?=; |$)")


def _tail(explanation: str, categories: Sequence[str]) -> str:
    m = _CATS_TAIL.search(explanation)
    return m.group(0) if m else (f" ({', '.join(categories)})" if categories else "")


def _plain(text: str | None) -> str:
    from tracker.analysis.rendering import plain_text

    return plain_text(text or "")


# A benefit the provider promised ("we'll refund you the full amount", "Zorblio will notify you") that
# the clause now only allows ("you may seek a refund", "we may notify you"): a promise weakened.
_BENEFIT_ROOTS = r"refund|reimburs|compensat|credit|notif|inform|warn|delet|eras|restor|replac|repair|respond|repl(?:y|ie)"
_PROMISED = re.compile(rf"\b(?:we|we['’]ll|the company|[A-Z][\w&.-]+)\s+(?:will|shall|['’]ll)?\s*(?:always\s+|promptly\s+)?"
                       rf"(?P<verb>(?:{_BENEFIT_ROOTS})\w*)\b(?P<rest>[^.;]*)")
_ONLY_MAY = r"\b(?:may|can|might|could)\b[^.;]{{0,40}}?\b(?:{root})\w*"


def promise_weakened(before: str, after: str) -> str:
    """"No longer promises to refund you the full amount …" when ``before`` had the provider promise
    a benefit ("we’ll refund you", "Zorblio will notify you") that ``after`` only allows ("you may
    seek a refund", "we may notify you"); "" otherwise (the promise still made, or gone altogether)."""
    b, a = re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after)
    for m in _PROMISED.finditer(b):
        if not re.search(r"\b(?:will|shall)\s+(?:always\s+|promptly\s+)?$|['’]ll\s+$", b[:m.start("verb")]):
            continue
        if re.match(r"(?i)(?:this|that|it|these|those|such|there|you|users?)$", m.group(0).split()[0]):
            continue
        root = next(r for r in _BENEFIT_ROOTS.split("|") if re.match(r, m.group("verb"), re.I))
        still = any(re.search(rf"\b(?:will|shall)\s+(?:always\s+|promptly\s+)?(?:{root})|['’]ll\s+(?:{root})", x, re.I)
                    for x in re.split(r"(?<=[.;!?])\s+", a))
        if still or not re.search(_ONLY_MAY.format(root=root), a, re.I):
            continue
        body = f"{m.group('verb')}{m.group('rest')}".strip().rstrip(",")
        if len(body) > 80:
            body = body[:80].rsplit(" ", 1)[0] + "…"
        return f"No longer promises to {body}"
    return ""


# A pronoun as the subject of what "will not" happen ("this will not affect the lawfulness of ..."):
# what a thing does, not a promise of the provider's.
_PRONOUN_WILL = re.compile(r"(?:^|[\s,;(])(?:this|that|it|these|those|such|there|which|they|doing so|this change)\s+"
                           r"(?:will|shall|must|would|may|can|does|do)\s+(?:not\s+|never\s+)?$", re.I)


def _pronoun_said(explanation: str, before: str) -> bool:
    """Whether a "No longer promises to …" of a removed clause quotes words whose subject in the
    clause is a pronoun ("… and this will not affect …"), not the provider."""
    body = explanation[len("No longer promises to "):]
    body = re.sub(r"^(?:not|never)\s+", "", _CATS_TAIL.sub("", body)).rstrip("…. ")
    key = " ".join(body.split()[:3])
    flat = re.sub(r"\s+", " ", _plain(before))
    at = flat.lower().find(key.lower()) if key else -1
    return at > 0 and bool(_PRONOUN_WILL.search(flat[:at]))


# What the provider says it does NOT guarantee ("We do not guarantee that we will make updates available",
# "nous ne garantissons pas que", "wir übernehmen keine Gewähr, dass"): the "will" after it is no promise.
_DISCLAIMED = re.compile(
    r"(?:\b(?:do|does|did|can|could|will|shall)\s*(?:not|n['’]t)\s+|\bcannot\s+|\bno\s+)"
    r"(?:guarantee|warrant|promise|represent|assure|ensure|commit)s?(?:\s+or\s+\w+)?(?:\s+(?:to\s+you|you))?\s+that\b[^.;]*$|"
    r"\bne\s+(?:garanti\w*|promet\w*|s['’]engage\w*)\s+pas\s+(?:que|à)\b[^.;]*$|"
    r"\b(?:keine\s+(?:Gewähr|Garantie)|garantieren\s+nicht|nicht\s+garantier\w*)\b[^.;]*$", re.I)


def promise_disclaimed(explanation: str, before: str) -> bool:
    """Whether a "No longer promises to …" of a removed clause quotes words the clause said it does
    not guarantee ("We do not guarantee that we will make any updates available"): no promise was
    made, so none is withdrawn. ``before``: the removed clause (Markdown or plain)."""
    if not explanation.startswith("No longer promises "):
        return False
    body = re.sub(r"^No longer promises (?:to )?(?:not |never )?(?:to )?", "", _CATS_TAIL.sub("", explanation))
    key = " ".join(body.rstrip("…. ").split()[:3])
    flat = re.sub(r"\s+", " ", _plain(before))
    at = flat.lower().find(key.lower()) if key else -1
    return at > 0 and bool(_DISCLAIMED.search(flat[:at]))


_NOW_SAYS = re.compile(r"^; Now says “(?P<now>[^“”]+)” instead of “(?P<was>[^“”]+)”(?P<cats>\s*\([a-z-]+(?:, [a-z-]+)*\))?")


_LATER_WATCH = re.compile(r"; New watch-out: (?P<said>[^;“”]+?)(?P<cats>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?=; |$)")


def watch_restated(explanation: str) -> str:
    """One sentence, not two, when a modified clause's "New watch-out: Q (cats)" is followed by
    "Now says “Q” instead of “W” (cats)" quoting the same words: "New watch-out: now says “Q”
    instead of “W” (cats)" (the reader is not told the clause twice); likewise "Now says “Q …” (no
    longer says “W”) (cats); New watch-out: Q… (cats)" is "New watch-out: now says “Q …" (no longer
    says “W”) (cats)". ``explanation`` is returned as is when the quotes differ (the watch-out is
    one part of a longer change)."""

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("…", " ")).strip(" .;:").casefold()

    m = _NEW_WATCH.match(explanation)
    if not m:
        # "Now says “Q …” (no longer says “W”) (privacy); New watch-out: Q… (privacy)": the second
        # sentence quotes what the first already said; the first is said as the watch-out
        later = _LATER_WATCH.search(explanation)
        first = norm(explanation[len("Now says “"):later.start()].split("”", 1)[0]) if later else ""
        if later and explanation.startswith("Now says “") and (said := norm(later.group("said"))) \
                and (said in first or (len(said) >= 25 and first[:25] == said[:25])):
            # (the same sentence quoted twice, cut in two places: the same opening words)
            return "New watch-out: now" + explanation[3:later.start()] + explanation[later.end():]
        return explanation
    if not (n := _NOW_SAYS.match(explanation[m.end():])):
        return explanation

    said, now = norm(m.group("said")), norm(n.group("now"))
    if not said or not now or (said not in now and now not in said):
        return explanation
    cats = m.group("cats") or n.group("cats") or ""
    quote = max(n.group("now"), m.group("said").strip().rstrip("."), key=len)  # the fuller of the two quotes
    return (f"New watch-out: now says “{quote}” instead of “{n.group('was')}”{cats}"
            + explanation[m.end() + n.end():])


def _refined(c: ClauseChange) -> ClauseChange:
    from tracker.analysis.materiality import notice_cut, value_direction

    explanation, severity = c.explanation, c.severity
    after, before = _plain(c.after), _plain(c.before)
    if c.material and severity == "critical" and c.kind in ("added", "modified") and after \
            and not notice_cut(before or None, after) and (gives_user_a_right(after) or _RIGHT_ITEM.match(after)) \
            and not (c.kind == "modified" and before and value_direction(before, after, c.categories) < 0):
        # (a right whose window or amount was cut is a right narrowed: against users, it stays critical)
        severity = "material"  # a right of the user, not a watch-out against them
        if m := _NEW_WATCH.match(explanation):
            rest = explanation[m.end():].lstrip("; ")
            explanation = rest or f"Now says: {m.group('said')}{m.group('cats') or ''}"
    if c.material and severity == "critical" and c.kind == "added" \
            and (m := re.match(r"^New item under “(?P<lead>[^”]*)”: ", explanation)) and _RIGHTS_LEAD.search(m.group("lead")):
        severity = "material"  # an item of a list of the user's rights ("These may include rights to: Opt out ...")
    if c.material and severity == "critical" and c.kind in ("modified", "moved") and before and after \
            and (hedge := hedge_added(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))) \
            and (said := passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))[0]):
        # a watch-out bounded by the law or by cases ("we may suspend (to the extent allowed by law)"):
        # narrowed, no new watch-out; said in place, and after the terms that are new
        explanation, severity = f"Adds “{hedge}” to: “{said}”{_tail(explanation, c.categories)}", "material"
    if c.material and severity == "critical" and c.kind in ("modified", "moved") and before and after \
            and (m := _NEW_WATCH.match(explanation)) and not notice_cut(before, after):
        named = re.findall(r"[a-z-]+", m.group("cats") or "")
        grown = _inserted(before, after)
        if had_watch(before, named) and grown:
            # the old clause was that watch-out already: what changed is what it now also says (its
            # severity stays: a watch-out that says more may say worse, "... or your gross negligence")
            rest = explanation[m.end():].lstrip("; ")
            explanation = rest or f"Now also says: “{grown}”{m.group('cats') or ''}"
        elif _promise_said(m.group("said"), after) and (pair := passages(re.sub(r"\s+", " ", before),
                                                                          re.sub(r"\s+", " ", after)))[0] and pair[1]:
            # "New watch-out: We do not knowingly sell …": a promise the provider makes is no watch-out
            # against the user; what changed in it is said (its severity stays: a promise may have narrowed)
            rest = explanation[m.end():].lstrip("; ")
            explanation = f"Now reads “{pair[0]}” (was “{pair[1]}”){m.group('cats') or ''}" + (f"; {rest}" if rest else "")
        elif _same_term(before, after) and not explanation[m.end():].strip("; "):
            # the same clause with a few words changed ("LIABILITY HEREUNDER" → "LIABILITY UNDER THIS
            # AGREEMENT"): a watch-out it was already, whether or not its old wording was read as one
            now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
            if now and was:
                explanation = f"Now reads “{now}” (was “{was}”){m.group('cats') or ''}"
                if sorted(re.findall(r"\d+", before)) == sorted(re.findall(r"\d+", after)):
                    # no new watch-out, no amount or period changed: a term reworded is material news,
                    # ranked after the terms a version brings ("Your Subscription" → "Your Zorblo
                    # Plus Subscription", "recuring" → "recurring" beside a new "fees are non-refundable")
                    severity = "material"
    if c.material and "New watch-out: " in explanation:
        explanation = watch_restated(explanation)
    if c.kind == "removed" and before and explanation.startswith("No longer promises ") \
            and (explanation.startswith("No longer promises to ") and _pronoun_said(explanation, before)
                 or promise_disclaimed(explanation, before)):
        # "... and this will not affect the lawfulness of ...": what a thing will not do, no promise
        from tracker.analysis.materiality import _snippet

        if promise_disclaimed(explanation, before) and severity == "critical":
            severity = "material"  # a guarantee it never gave is no promise withdrawn
        flat = re.sub(r"\s+", " ", before).strip()
        explanation = f"No longer says: {_snippet(flat, 90)}{_tail(explanation, c.categories)}"
    if c.material and c.kind in ("modified", "moved") and before and after and severity != "critical" \
            and explanation.startswith(("Now says “", "Now reads “", "Reworded: now says")) \
            and (weakened := promise_weakened(before, after)):
        # "we’ll refund you" → "you may seek a refund": a promise withdrawn, the new wording after it
        rest = _CATS_TAIL.sub("", explanation)
        explanation, severity = f"{weakened}; {rest[:1].lower()}{rest[1:]}{_tail(explanation, c.categories)}", "critical"
    if (m := _BURDEN.match(explanation)) and not _BENEFIT.match(explanation):
        # "we will charge your account ..." was no promise to the user: said as what it said
        explanation = f"No longer says it will {m.group('rest')}"
    elif c.material and c.kind == "removed" and before:
        if explanation.startswith("No longer promises"):
            severity = "critical"
            explanation = re.sub(r"^No longer promises to (not|never) ", r"No longer promises \1 to ", explanation)
        else:
            for sentence in re.split(r"(?<=[.;!?])\s+", before):
                if said := (promise_withdrawn(sentence) or benefit_withdrawn(sentence)
                            or present_promise_withdrawn(sentence)):
                    explanation, severity = f"{said}{_tail(explanation, c.categories)}", "critical"
                    break
    if c.material and "ai-training" in c.categories and after:
        said = training_point(explanation, c.kind, before, after)
        if said != explanation:
            explanation, severity = said, "critical"  # a new use for AI training, said in a table row or list
    if c.material and severity == "material" and "ai-training" in c.categories and trains_ai(after) \
            and (c.kind == "added" or not trains_ai(before)):
        severity = "critical"  # a new use for AI training, however it is worded
        if c.kind == "added" and explanation.startswith("New: "):
            explanation = re.sub(r"\((?:[a-z-]+, )*ai-training(?:, [a-z-]+)*\)\s*$", "(ai-training)", explanation)
    if c.kind in ("modified", "moved") and explanation.startswith("Removed watch-out: ") and before and after \
            and gives_user_a_right(before) and gives_user_a_right(after) and not forbids(before):
        # a right of the user reworded ("You may terminate ... at any time and you will not be obligated ..." →
        # "... in which case you will not be charged ..."): still there, no watch-out gone, no good news
        now, was = passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))
        if now and was:
            explanation = f"Now reads “{now}” (was “{was}”){_tail(explanation.replace(_LIFTED_NEWS, ''), c.categories)}"
    if c.material and c.kind == "removed" and before and re.match(r"^No longer says: “…", explanation) \
            and gives_user_a_right(before) and not forbids(before):
        # a right of the user gone, quoted from its middle ("No longer says: “…l’autorité de contrôle …”" of
        # "Vous avez le droit de déposer une plainte auprès de l’autorité …"): said as the right it was
        from tracker.analysis.materiality import _snippet

        explanation = f"Removed right for users: {_snippet(before)}{_tail(explanation, c.categories)}"
    if c.kind == "removed" and explanation.startswith(("Removed watch-out: ", "Removed: ")) and _LIFTED_NEWS in explanation \
            and before and gives_user_a_right(before) and not forbids(before):
        # a right of the user taken away ("You may terminate your subscription at any time") is no
        # watch-out gone, and no good news
        explanation = "Removed right for users: " + explanation.split(": ", 1)[1].replace(_LIFTED_NEWS, "")
    elif c.material and c.kind == "removed" and explanation.startswith("Removed: ") and _LIFTED_NEWS not in explanation \
            and before and gives_user_a_right(before) and not forbids(before):
        # "You have the right to file a complaint with a data protection authority" gone: a right of the
        # user taken away, said as one ("Removed: …" told the reader nothing of whose it was)
        explanation = "Removed right for users: " + explanation[len("Removed: "):]
    if c.material and c.kind == "removed" and explanation.startswith("Removed: ") and "good news" not in explanation \
            and forbids(before):
        # a rule against the user gone: a restriction lifted, said so (its severity stays)
        explanation = f"No longer forbids: {explanation[len('Removed: '):]} — good news for users"
    elif c.material and c.kind == "removed" and (m := re.match(r"^Removed item under “(?P<lead>[^”]*)”: (?P<item>.+)$",
                                                               explanation)) \
            and "good news" not in explanation and forbids(m.group("lead")):
        explanation = f"No longer forbids: {m.group('item')} — good news for users"  # an item of a list of prohibitions
    elif c.material and c.kind == "modified" and explanation.startswith("No longer covers: ") and forbids(before) \
            and forbids(after):
        explanation = f"No longer forbids: {explanation[len('No longer covers: '):]} — good news for users"
    elif c.material and c.kind == "modified" and explanation.startswith("Now says “") and one_word_swap(before, after):
        explanation = "Reworded: n" + explanation[1:]  # one word for another of the same sense
    elif c.material and c.kind in ("modified", "moved") and before and after and not explanation.startswith(
            ("No longer forbids", "New rule")) and prohibition_restated(before, after):
        # "you may not serve X" → "It's prohibited to run X": the rule stays, said in other words
        from tracker.analysis.materiality import _snippet

        rule = re.sub(r"\s+", " ", after).strip()
        explanation = f"Still forbids, reworded: {_snippet(rule, 100)}{_tail(explanation, c.categories)}"
        severity = "material" if severity == "critical" else severity
    elif c.material and c.kind in ("modified", "moved") and before and after and preposition_reworded(before, after) \
            and all(pair := passages(re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after))):
        # "à" → "vis-à-vis de": the same relation in more words, never "Adds “vis” to …"
        explanation = f"Reworded: now says “{pair[0]}” instead of “{pair[1]}”{_tail(explanation, c.categories)}"
        severity = "material" if severity == "critical" else severity
    if c.material and c.kind in ("added", "removed") and (m := re.match(r"^(?:New|Removed)(?: [a-z -]{3,40})?: ", explanation)) \
            and puffery(after if c.kind == "added" else before):
        # "Zorblo takes the protection of your data very seriously": said as the statement it is
        what = "New" if c.kind == "added" else "Removed"
        explanation = f"{what} {PUFFERY_LEAD[2:]}: {explanation[m.end():]}"
        severity = "material" if severity == "critical" else severity
    if not c.material and c.kind in ("added", "removed") and " text without legal effect: " in explanation:
        # a right or a rule is not "without legal effect", whatever the decision made of the pair
        quoted = explanation.split(": ", 1)[1]
        if c.kind == "added" and gives_user_a_right(after):
            explanation = f"New right for users: {quoted} — good news for users"
        elif c.kind == "removed" and forbids(before) and not gives_user_a_right(before):
            explanation = f"No longer forbids: {quoted} — good news for users"
        elif c.kind == "added" and forbids(after):
            explanation = f"New rule for users: {quoted}"
    if explanation.startswith(("New row: ", "Removed row: ")):
        # a table whose header is a question ("What can you find there?"): its cell is the answer,
        # said without the question ("Section: J. AI Features — These are the terms that ...")
        from tracker.analysis.rendering import clause_text

        row = re.sub(r"\s+", " ", clause_text((c.after if explanation.startswith("New") else c.before) or ""))
        if re.search(r"(?:^|; )[^;:“]{1,60}\?: ", row):
            from tracker.analysis.materiality import _snippet

            said = re.sub(r"; [^;:“]{1,60}\?: ", " — ", re.sub(r"^[^;:“]{1,60}\?: ", "", row))
            explanation = f"{explanation.split(': ', 1)[0]}: {_snippet(said)}{_tail(explanation, c.categories)}"
        # a first column named only "Section" or "Topic": its label says nothing ("New row: J. AI Features — …")
        explanation = re.sub(r"^((?:New|Removed) row: )(?:Section|Topic|Name|Item|Title|Heading|Part|Chapter|Article|"
                             r"Rubrique|Abschnitt)s?: ", r"\1", explanation)
        if c.material and c.kind in ("added", "removed"):
            explanation = plan_row_said(explanation, c.kind, (c.after if c.kind == "added" else c.before) or "")
    if c.material and c.kind in ("modified", "moved") and before and after:
        explanation = arbitration_switch(explanation, c.kind, c.categories, before, after)
        explanation = cap_said(explanation, c.kind, c.categories, before, after)
    if c.material and c.kind == "modified" and before and after:
        explanation = law_changed(explanation, before, after)
    if c.material:
        explanation = courts_said_once(explanation)
    if c.material:
        explanation = value_under_heading(explanation, c.heading, c.clause_id, before, after)
        explanation = party_alone(explanation)
    explanation = imprint_said(explanation, c.kind, before, after)
    if c.kind in ("added", "removed"):  # material or not: a quote of a condition alone says nothing
        explanation = condition_skipped(explanation, after if c.kind == "added" else before)
    if (m := re.match(r"^New section “(?P<title>[^”]*)”: ", explanation)) and address_line(m.group("title")):
        explanation = "New: " + explanation[m.end():]  # an address line is no section's title
    if c.material:
        explanation = from_subject(explanation, after if c.kind != "removed" else before)
        explanation = readable_drops(whole_phrases(explanation, before, after), before, after)
        if c.kind in ("modified", "moved"):
            explanation = grown_said(explanation, before, after)
            explanation = described_said(balanced_covers(explanation, before, after), before, after)
            explanation = covers_said(explanation, before, after)
            explanation = exclusion_said(explanation, before, after)  # (the right way round in an exclusion)
            explanation = condition_kept(explanation, before, after)
        explanation = whole_word_quotes(explanation, before, after)
        if c.kind in ("modified", "moved") and before and after:
            explanation = swap_shown(adds_said(edit_said(explanation, before, after), before, after), before, after)
            explanation = readable_one_side(readable_quotes(explanation, before, after), before, after)
            explanation = stub_pair_said(explanation, before, after)
            explanation = still_said(explanation, before, after)
        elif c.kind == "added":
            explanation = new_clause_whole(explanation, after)
        explanation = elision_kept(explanation, after if c.kind != "removed" else before)
        explanation = end_kept(explanation, after if c.kind != "removed" else before)
        explanation = brackets_closed(explanation, after if c.kind != "removed" else before)
        if c.kind in ("modified", "moved"):
            explanation = brackets_closed(explanation, before)  # the quote of what it read before
            explanation = tail_said(explanation, before, after)
    if c.material and c.kind in ("added", "removed") \
            and (m := re.match(r"^(?:New|Removed)(?: watch-out)?: (?=[a-zà-ÿ])", explanation)) \
            and (_plain(c.after if c.kind == "added" else c.before).split() or ["A"])[0].strip("“\"'(").islower():
        # a clause split off mid-sentence ("child sexual abuse materials, ... are applicable"): its
        # quote says it starts inside a sentence
        explanation = f"{explanation[:m.end()]}…{explanation[m.end():]}"
    if c.material and c.kind in ("added", "removed") and (m := re.match(r"^(New|Removed): (?!“…)", explanation)) \
            and re.match(r"\s*(?:[*+-]|\d{1,2}[.)])\s", (c.after if c.kind == "added" else c.before) or "") \
            and (lead := _heading_lead_in(c.heading)):
        # an item of a list whose lead-in is the heading above it ("Without our consent, you are not
        # allowed to:"): the item alone ("New: Use any content ... to train ...") reads as allowed
        explanation = f"{m.group(1)} item under “{lead}”: {explanation[m.end():]}"
    if not c.material and c.kind == "modified":
        explanation = reworded_said(explanation, before, after)
        explanation = small_words_said(explanation, before, after)
    if not c.material and explanation == "Only link targets changed":
        explanation = (link_said(c.kind, before, after) or links_gained_said(c.before or "", c.after or "")
                       or explanation)
    if c.material and c.kind in ("added", "removed"):
        explanation = _right_named(explanation, c.kind, before, after)
    # any quote, of a material change or not: one cut after its "not" says the opposite of the clause
    explanation = negation_kept(explanation, before, after)
    explanation = clean_explanation(contacts_restored(explanation, c.before or "", c.after or ""))
    # a value said to replace itself ("is now 18 months instead of 18 months": two wordings of one
    # value paired): it stays, and the clause was reworded around it
    explanation = _SAME_VALUE.sub(lambda m: f"still {m.group('v')} (reworded)", explanation)
    if explanation == c.explanation and severity == c.severity:
        return c
    return replace(c, explanation=explanation, severity=severity)


_LIFTED_NEWS = " — good news for users"
# "New refund restriction: « … »", "Removed data use: …": a clause named by the kind of term its topic
# has against users (``headline.TERM_NAMES``)
_TERM_LEAD = re.compile(r"^(?P<lead>New|Removed) (?P<term>[a-z][a-z -]{2,40}): (?=[«“]|\S)")


def _right_named(explanation: str, kind: str, before: str, after: str) -> str:
    """An added or removed clause that only gives the user a right ("vous pouvez annuler votre
    commande", "Connecticut residents have the right to request ...") named by the term its topic
    has against users ("New refund restriction: « … »", "New data use: …"): said as the right it
    is ("New right for users: « … »", "Removed right for users: …"). Any other explanation as is."""
    from tracker.analysis.headline import TERM_NAMES

    m = _TERM_LEAD.match(explanation)
    text = after if kind == "added" else before
    if not m or not text or m.group("term") not in set(TERM_NAMES.values()) | {"pricing term"} \
            or not gives_user_a_right(text) or forbids(text):
        return explanation
    return f"{m.group('lead')} right for users: {explanation[m.end():]}"
# An item of a list of rights standing alone, an imperative of what the user may do ("Opt out of
# having your personal information shared for targeted advertising.", "Request deletion of ...").
_RIGHT_ITEM = re.compile(r"^\W{0,3}(?:opt[- ]out of|request (?:access|deletion|a copy|that we)|access your|correct your|"
                         r"delete your|withdraw your consent|object to|appeal (?:our|a|any))\b", re.I)
# A lead-in that lists the user's rights ("These may include rights to", "You have the following
# rights:", "Vous disposez des droits suivants", "Sie haben das Recht"), not the provider's ("we
# reserve the right to").
_RIGHTS_LEAD = re.compile(r"^(?!.*\b(?:we|us|our|nous|wir|uns)\b.{0,30}\b(?:rights?|droits?|Rechte?)\b)"
                          r"(?!.*\b(?:not|never|infring\w*|violat\w*|ne|nicht)\b).*"
                          r"\b(?:rights?|droits?|Rechte?)\b(?!\s+(?:reserved|of (?:the company|us)))", re.I)


# -- a table of contents removed, added or rebuilt ----------------------------------------------------
_TOC_TITLE = re.compile(r"^\W*(?:table of contents|contents|sommaire|table des matières|inhaltsverzeichnis|inhalt|"
                        r"índice|indice|in this (?:policy|agreement|document))\W*$", re.I)
_ANCHOR_LINK = re.compile(r"\]\(#[^)\s]*\)")
_TOC_KINDS = ("regrouped", "links-only", "moved-unchanged", "page-chrome", "renumbering", "punctuation-case", "formatting")


def _toc_line(c: ClauseChange) -> str:
    """The entry's title when change ``c`` is a line of a table of contents (a link to an anchor of
    the page, or a short title without a verb said cosmetic), else ""."""
    raw = (c.before if c.kind == "removed" else c.after) or c.before or ""
    text = re.sub(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+", "", _plain(raw)).strip()
    if not text or len(text.split()) > 10 or "\n" in text.strip():
        return ""
    if text.endswith((".", "!", "?", ";")) and has_verb(text.lower().split(), sentence=True):
        return ""  # a sentence, even one linking to a section ("We provide an opt-out as described here.")
    if _ANCHOR_LINK.search(raw) or _TOC_TITLE.match(text):
        return text
    if c.material or c.cosmetic not in _TOC_KINDS or text.endswith((".", "!", "?", ";", ",")) \
            or has_verb(text.lower().split()):
        return ""
    return text


def toc_said(changes: list[ClauseChange]) -> list[ClauseChange]:
    """A table of contents removed, added or rebuilt ("Contents: 1. Accounts, 2. Fees, ...") said
    as one, on each of its lines: "Table of contents removed", "Table of contents: entry removed:
    “2. Fees”", never "The same words, only regrouped" or "Only link targets changed" (the words
    were the section titles, still there; no link target changed). Only for a run of at least
    three such lines (or two after a "Contents" title) of non-material changes; their material
    flags stay (false) and their severity is cosmetic, as "not a term" says."""
    lines = [(i, t) for i, c in enumerate(changes) if not c.material and (t := _toc_line(c))]
    titled = any(_TOC_TITLE.match(t) for _, t in lines)
    if len(lines) < 3 and not (titled and len(lines) >= 2):
        return changes
    linked = any(_ANCHOR_LINK.search(changes[i].before or changes[i].after or "") for i, _ in lines)
    numbered = sum(bool(re.match(r"\s*(?:[*+-]\s+)?(?:§\s*)?\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S",
                                 changes[i].before or changes[i].after or "")) for i, _ in lines)
    if not titled and not linked and (numbered * 2 < len(lines) or len({changes[i].kind for i, _ in lines}) > 1):
        return changes  # short lines without a verb, unnumbered: a list that moved, not a table of contents
    out = list(changes)
    # inside the run, a line of the same contents said another way (a bare entry number "4." the
    # capture split from its title, a title called "regrouped" or "a fragment"): one label for all
    known = {i for i, _ in lines}
    lo, hi = min(known), max(known)
    for i in range(max(0, lo - 1), min(len(changes), hi + 1)):
        c = changes[i]
        if i in known or c.material:
            continue
        raw = (c.before if c.kind == "removed" else c.after) or c.before or ""
        text = re.sub(r"^\s*[*+-]\s+", "", _plain(raw)).strip()
        if re.fullmatch(r"\(?\d{1,3}(?:\.\d{1,3})*[.)]?", text) or (
                text and len(text.split()) <= 10 and not text.endswith((".", "!", "?", ";", ","))
                and not has_verb(text.lower().split()) and (c.cosmetic in _TOC_KINDS
                                                             or c.explanation.startswith(_FRAGMENT_LEAD))):
            lines.append((i, text))
    lines.sort()
    for i, text in lines:
        c = out[i]
        how = {"removed": "removed", "added": "added"}.get(c.kind, "rebuilt")
        said = (f"Table of contents {how}" if _TOC_TITLE.match(text) else
                f"Table of contents: entry {how}: “{text}”")
        # "not a term" is cosmetic: a rebuilt menu's new entry ("## Ceph") was flagged minor and made the
        # whole version minor while every line of it said "not a term"
        out[i] = replace(c, explanation=f"{said}, not a term", severity="cosmetic")
    return out


_FRAGMENT_LEAD = "A fragment without a verb, not a term: "


def _company_swapped(changes: list[ClauseChange]) -> list[ClauseChange]:
    """An imprint's company line replaced ("Zorblio GmbH" removed, "Quibly AG" added: two lines
    without a verb) said as the change it is, on both: "The company named is now Quibly AG instead
    of Zorblio GmbH", never two "fragments, not a term" nor two lines of an address. Only one such pair
    in a version."""
    def company(c: ClauseChange) -> str:
        text = _plain(c.after if c.kind == "added" else c.before).strip()
        # (a line of an address block: ``materiality._contact_block_lines``)
        if not c.explanation.startswith((_FRAGMENT_LEAD, "Contact details: ")) or len(text.split()) > 8 \
                or not _COMPANY.search(text):
            return ""
        return text if re.search(r"(?:" + _COMPANY.pattern + r")\s*$", text) else ""

    gone = [i for i, c in enumerate(changes) if c.kind == "removed" and company(c)]
    new = [i for i, c in enumerate(changes) if c.kind == "added" and company(c)]
    if len(gone) != 1 or len(new) != 1:
        return changes
    old_name, new_name = company(changes[gone[0]]), company(changes[new[0]])
    if old_name == new_name:
        return changes
    out = list(changes)
    out[new[0]] = replace(out[new[0]], explanation=f"The company named is now {new_name} instead of {old_name}")
    out[gone[0]] = replace(out[gone[0]], explanation=f"The company named was {old_name} (now {new_name})")
    return out


def _role_swapped(changes: list[ClauseChange]) -> list[ClauseChange]:
    """A host or publisher named in a clause removed and another in a clause added ("It is hosted
    by Nuvola Hosting, ..." → "It is hosted by Netlify, ...") said as the change it is, on both:
    "The host is now Netlify instead of Nuvola Hosting". Only one such pair per role."""
    out = list(changes)
    for role in ("host", "publisher"):
        gone = [i for i, c in enumerate(out) if c.kind == "removed"
                and c.explanation.startswith(f"No longer names this {role}: ")]
        new = [i for i, c in enumerate(out) if c.kind == "added" and c.explanation.startswith(f"Names a new {role}: ")]
        if len(gone) != 1 or len(new) != 1:
            continue
        (r_old, old), (r_new, name) = role_name(_plain(out[gone[0]].before)), role_name(_plain(out[new[0]].after))
        if r_old != role or r_new != role or not old or not name or old == name:
            continue
        out[new[0]] = replace(out[new[0]], explanation=f"The {role} is now {name} instead of {old}")
        out[gone[0]] = replace(out[gone[0]], explanation=f"The {role} was {old} (now {name})")
    return out


REPEAT_LEAD = "The same change again"


def repeats_said(changes: Sequence[ClauseChange]) -> list[ClauseChange]:
    """``changes`` where a material change whose explanation, read without its category list, is one
    an earlier material change already gives (one sentence edited the same way in two clauses: "The
    contracting party is now Zorblio Ltd instead of Zorblio Inc" twice) is said once: each later one
    reads "The same change again under “<its heading>”" ("… in another clause" when both clauses sit
    under one heading or none), with its category list. Flags, severity and categories stay."""
    from tracker.analysis.headline import display_explanation

    first: dict[str, ClauseChange] = {}
    out = list(changes)
    for i, c in enumerate(changes):
        if not c.material or not c.explanation:
            continue
        said = display_explanation(c.explanation)
        if said not in first:
            first[said] = c
            continue
        heading = re.sub(r"\s+", " ", _plain(c.heading)).strip(" #*:")
        where = f" under “{heading}”" if heading and heading != re.sub(
            r"\s+", " ", _plain(first[said].heading)).strip(" #*:") and len(heading) <= 80 else " in another clause"
        out[i] = replace(c, explanation=f"{REPEAT_LEAD}{where}{_tail(c.explanation, c.categories)}")
    return out


def refine(changes: Sequence[ClauseChange]) -> tuple[ClauseChange, ...]:
    """``changes`` with their explanations made right for a reader (see the module's docstring):
    clean text for all; for material ones, a user's right not called a watch-out, a withdrawn
    promise said so and ``critical``, a new AI-training use ``critical``. Material flags and
    categories are never changed. A restriction lifted is good news only when the same version
    adds no other rule against the user: a rule dropped beside a new one may be a stricter rule
    put in its place ("may not use the Free Plan commercially" → "the Free Plan is for personal use
    only"), so it is then said plainly, with no verdict."""
    refined = repeats_said(toc_said(_role_swapped(_company_swapped(switch_across([_refined(c) for c in changes])))))
    # material or not: a new rule the decision called minor is still a rule against the user
    if any(forbids(_plain(c.after)) and (c.kind == "added" or c.kind == "modified" and not forbids(_plain(c.before)))
           for c in refined):
        refined = [replace(c, explanation=c.explanation.replace(_LIFTED_NEWS, "")) if
                   c.explanation.startswith("No longer forbids: ") else c for c in refined]
    return tuple(section_gone_eased(refined))


def section_gone_eased(changes: Sequence[ClauseChange]) -> list[ClauseChange]:
    """``changes`` with the clauses of a removed watch-out section (``headline.topic_gone``: the
    binding-arbitration section gone, its notice step and fee rules with it) no longer ``critical``
    when the removal only helps users: a step of a procedure that no longer applies is no promise
    withdrawn. Material flags, categories and explanations stay; as is when no such section went."""
    from tracker.analysis.headline import topic_gone

    gone = topic_gone(changes)
    if gone is None or not gone.good:
        return list(changes)
    return [replace(c, severity="material") if c.severity == "critical" and gone.holds(c) and c.kind == "removed"
            else c for c in changes]


# -- disputes, caps and plans said as a reader would --------------------------------------------------
# Binding arbitration named in a clause, in English, French or German ("arbitration", "arbitrator",
# "arbitrage", "Schiedsgericht"), and one the clause rules out ("no arbitration", "not subject to arbitration").
_ARBITRATES = re.compile(r"\barbitra(?:tion|tor|tors|l|te|ted|ting|ge)?\b|\bschieds\w*", re.I)
_NOT_ARBITRATED = re.compile(r"\b(?:not|no|never|nor|without|instead of)\b[^.;]{0,30}\barbitra|\barbitra\w*[^.;]{0,20}"
                             r"\b(?:does not|shall not|will not) apply\b", re.I)


def _courts_kept(court: str, after: str) -> bool:
    """Whether ``after`` still sends disputes to ``court`` (the same courts named, not ruled out:
    "…binding arbitration, rather than in court")."""
    return courts_named(after) == court and not re.search(
        r"\b(?:rather than|instead of|in lieu of|not)\s+(?:\w+\s+){0,3}?courts?\b", after, re.I)


def arbitration_switch(explanation: str, kind: str, categories: Sequence[str], before: str, after: str) -> str:
    """A clause that sent disputes to the courts and now sends them to binding arbitration said as
    that switch, old -> new in one sentence: "Disputes now go to binding arbitration instead of
    the courts of Wilmington, Delaware: Any dispute … (arbitration, jurisdiction)", in place of a
    new watch-out and a quote swapped that say it twice. The clause's other news (a law changed, a
    waiver it also brings) follows. As is for any other change (arbitration kept, added beside
    the courts, or ruled out)."""
    from tracker.analysis.headline import TO_ARBITRATION
    from tracker.analysis.materiality import _about

    if kind not in ("modified", "moved") or "arbitration" not in categories or not before or not after \
            or explanation.startswith(TO_ARBITRATION) or _ARBITRATES.search(before) \
            or not _ARBITRATES.search(after) or _NOT_ARBITRATED.search(after):
        return explanation
    court = courts_named(before)
    if not court or _courts_kept(court, after):
        return explanation  # the same courts still hear disputes (arbitration beside them, small claims)
    parts = _PART.split(explanation)
    watch = _NEW_WATCH.match(parts[0])
    quote = watch.group("said") if watch and _ARBITRATES.search(watch.group("said")) else _about(after, ("arbitration",))
    cats = tuple(dict.fromkeys(("arbitration", *(c for c in categories if c == "jurisdiction"))))
    # the watch-out and the quote swapped said the switch; what else the clause says stays after it
    rest = [p for p in parts if not (p.startswith(("New watch-out: ", "Now says “", "New binding arbitration"))
                                     and set(_cats_of(p)) <= {"arbitration", "jurisdiction"})]
    return "; ".join([f"{TO_ARBITRATION}{court}: {quote} ({', '.join(cats)})", *rest])


_NEW_QUOTE = re.compile(r"^(?:New(?: [a-z -]{3,40})?|New watch-out): (?P<q>.+?)(?P<tail>\s*\([a-z-]+(?:, [a-z-]+)*\))?(?=; |$)")


def switch_across(changes: list[ClauseChange]) -> list[ClauseChange]:
    """A version that drops the clause sending disputes to the courts (removed, or its place taken
    by other words) and brings binding arbitration in a clause of its own: the arbitration said
    as the switch it is ("Disputes now go to binding arbitration instead of the courts of Dover,
    Delaware: …"), as ``arbitration_switch`` says it within one clause. As is when the version
    already says a switch, names no court gone, or brings arbitration in more than one clause."""
    from tracker.analysis.headline import TO_ARBITRATION, TO_COURTS
    from tracker.analysis.materiality import _about

    if any(c.explanation.startswith((TO_ARBITRATION, TO_COURTS)) for c in changes):
        return changes
    arbitration = [i for i, c in enumerate(changes) if c.material and "arbitration" in c.categories
                   and c.kind in ("added", "modified", "moved") and _ARBITRATES.search(after := _plain(c.after))
                   and not _NOT_ARBITRATED.search(after) and not _ARBITRATES.search(_plain(c.before))]
    courts = [court for c in changes if c.kind in ("removed", "modified", "moved") and "jurisdiction" in c.categories
              and (court := courts_named(_plain(c.before))) and not _ARBITRATES.search(_plain(c.before))
              and not courts_named(_plain(c.after))]
    if len(arbitration) != 1 or not courts:
        return changes
    c = changes[arbitration[0]]
    after = _plain(c.after)
    if _courts_kept(courts[0], after):
        return changes  # the same courts still named beside the arbitration
    m = _NEW_QUOTE.match(c.explanation)
    quote = m.group("q") if m and _ARBITRATES.search(m.group("q")) else _about(after, ("arbitration",))
    rest = c.explanation[m.end():] if m and _ARBITRATES.search(m.group("q")) else ""
    said = f"{TO_ARBITRATION}{courts[0]}: {quote} (arbitration){rest}"
    # the clause that sent disputes to those courts points to the arbitration that replaced it: the
    # same news told once ("Removed right for users: Any dispute … in the state or federal courts"
    # said it again, worse)
    where = f"see {c.section}" if c.section else "see the new arbitration clause"
    gone = {id(x) for x in changes if x is not c and x.kind in ("removed", "modified", "moved")
            and "jurisdiction" in x.categories and courts_named(_plain(x.before)) == courts[0]
            and not _ARBITRATES.search(_plain(x.before)) and not courts_named(_plain(x.after))
            and not _other_news(x)}
    return [replace(x, explanation=said) if x is c else
            replace(x, explanation=f"Replaced by binding arbitration ({where}): disputes no longer go to "
                                   f"{courts[0]}{_tail(x.explanation, x.categories)}") if id(x) in gone else x
            for x in changes]


def _other_news(change: ClauseChange) -> bool:
    """Whether a clause that named the courts says more than where disputes go: an explanation with
    a category beside ``jurisdiction`` and ``governing-law`` (a liability cap, a waiver gone with it)."""
    return bool(set(change.categories) - {"jurisdiction", "governing-law"})


def _cats_of(part: str) -> list[str]:
    """The categories one sentence of an explanation ends with ("... (arbitration, jurisdiction)")."""
    m = _CATS_TAIL.search(part.replace(_LIFTED_NEWS, ""))
    return re.findall(r"[a-z-]+", m.group(0)) if m else []


def courts_said_once(explanation: str) -> str:
    """An explanation that leads with a switch between the courts and arbitration ("Disputes now
    go to the courts instead of binding arbitration: …") less the other sentences of the same
    categories that say the new court again, worse ("The Service will now be resolved exclusively
    in the state or federal courts …", a subject read from the wrong words); as is otherwise."""
    from tracker.analysis.headline import TO_ARBITRATION, TO_COURTS

    if not explanation.startswith((TO_COURTS, TO_ARBITRATION)):
        return explanation
    parts = re.split(r"(?:(?<=\))|(?<=good news for users))\s*;\s+(?=\S)", explanation)
    kept = [parts[0]] + [p for p in parts[1:] if not (
        _cats_of(p) and set(_cats_of(p)) <= {"jurisdiction"}
        and not p.startswith(("Removed", "No longer", "New watch-out")))]
    return "; ".join(kept)


# A limit of liability: "our total liability ... will not exceed", "is limited to", "capped at"
_CAP_VERB = re.compile(r"\b(?:(?:will|shall|does|do|must|may|can)\s+not\s+(?:in\s+(?:the\s+)?aggregate\s+)?exceed|"
                       r"(?:shall|will)\s+in\s+no\s+event\s+exceed|not\s+to\s+exceed|(?:is|are|be)\s+(?:limited|capped)\s+"
                       r"(?:to|at)|(?:is|are|be)\s+no\s+more\s+than)\b", re.I)
_CAP_AMOUNT = re.compile(r"(?:US\s?|USD\s?)?[$€£]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:\.\d\d)?\s?(?:USD|EUR|GBP|dollars|euros)\b|"
                         r"\b(?:USD|EUR|GBP)\s?\d[\d,]*(?:\.\d\d)?")
_CAP_PERIOD = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty-four|"
                         r"thirty-six)\s+(?:\(\d+\)\s+)?(?P<unit>months?|years?|days?)\b", re.I)


def _cap(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The limit of liability a clause sets, as (how its amounts combine: "greater", "lesser" or
    "", [(kind, value)]): a kind "fees" for the fees paid over a period ("12 months"), "amount"
    for a sum ("$100"); None when the clause sets no such limit."""
    for sentence in re.split(r"(?<=[.;!?])\s+(?=[A-Z(])", re.sub(r"\s+", " ", text)):
        m = _CAP_VERB.search(sentence)
        if not m or not re.search(r"\bliabilit", sentence[:m.start()], re.I):
            continue
        said = sentence[m.end():]
        how = ("greater" if re.search(r"\b(?:greater|higher|larger)\b", said, re.I) else
               "lesser" if re.search(r"\b(?:lesser|lower|smaller)\b", said, re.I) else "")
        # a share of the fees ("125% of the fees you paid in the 12 months") is said with its period
        share = re.search(r"\b(\d+(?:\.\d+)?\s?%)\s+of\b", said)
        found = sorted([(a.start(), "amount", re.sub(r"^(?:US\s?|USD\s?)(?=[$])", "", a.group(0))) for a in
                        _CAP_AMOUNT.finditer(said)] +
                       [(p.start(), "fees", f"{share.group(1) + ' of ' if share else ''}{p.group('n')} {p.group('unit')}")
                        for p in _CAP_PERIOD.finditer(said)
                        if re.search(r"\b(?:paid|pay|fees?|amounts?|charges?|charged)\b", said, re.I)])
        if found:
            return how, [(k, v) for _, k, v in found]
    return None


def _cap_text(how: str, items: Sequence[tuple[str, str]], bare: bool = False) -> str:
    """A limit in a reader's words: "the greater of 3 months' fees or $50" ("3 months or $50" ``bare``)."""
    def one(kind: str, value: str) -> str:
        if kind != "fees" or bare:
            return value
        return f"{value}' fees" if value.endswith("s") else f"{value}'s fees"

    said = " or ".join(one(k, v) for k, v in items)
    return f"the {how} of {said}" if how and len(items) > 1 and not bare else said


def cap_said(explanation: str, kind: str, categories: Sequence[str], before: str, after: str) -> str:
    """A limit of liability whose amounts or period changed said in one sentence, old -> new:
    "Liability cap now the greater of 3 months' fees or $50 (was 12 months or $100) (liability)",
    in place of the values said one by one ("Limitation of Liability: $100 → $50; Limitation of
    Liability: 12 months → 3 months"). The explanation's other sentences stay. As is when the
    clause sets no limit before or after, or the limit did not change."""
    if kind not in ("modified", "moved") or "liability" not in categories or not before or not after:
        return explanation
    old, new = _cap(before), _cap(after)
    if old is None or new is None or old == new:
        return explanation
    parts = _PART.split(explanation)
    # the values said one by one: "Label: $100 → $50", "... now $50 instead of $100", a quote swapped
    # around a number
    values = [p for p in parts if re.search(r"\d", p) and (" → " in p or " instead of " in p)
              and not p.startswith(("New", "Removed", "No longer"))]
    if not values:
        return explanation
    same_shape = old[0] == new[0] and [k for k, _ in old[1]] == [k for k, _ in new[1]]
    was = _cap_text(*old, bare=same_shape)
    good = _LIFTED_NEWS if any(_LIFTED_NEWS in p for p in values) else ""  # a cap raised: its verdict stays
    tail = _CATS_TAIL.search(values[0].replace(_LIFTED_NEWS, ""))
    said = f"Liability cap now {_cap_text(*new)} (was {was}){tail.group(0) if tail else ' (liability)'}{good}"
    at = parts.index(values[0])
    kept = [p for p in parts if p not in values]
    return "; ".join(kept[:at] + [said] + kept[at:])


# A table row that names a plan or product ("Plan: Scale; Price: $80 per month; ..."): its name
# and price are the news, the other cells are shown below it
_PLAN_HEADER = re.compile(r"^(?P<w>plan|tier|product|package|edition|subscription|membership|bundle|offer|formule|offre|"
                          r"tarif)s?$", re.I)
_PRICE_HEADER = re.compile(r"\b(?:price|pricing|cost|fee|monthly|annual|yearly|per (?:month|year|user)|rate|prix|preis)\b", re.I)


_FREE = re.compile(r"^(?:free|gratuit|gratuite|kostenlos|gratis)\b", re.I)


def plan_row_said(explanation: str, kind: str, row: str) -> str:
    """A new or removed table row that names a plan (or tier, product, package) with a price said
    as that: "New plan Scale: $80 per month (pricing)", "Removed plan Starter: $5 per month"; the
    row's other cells show in its diff. ``row`` is the clause's Markdown. As is for any other row
    (no plan column, or no price in it)."""
    from tracker.analysis.headline import _AMOUNT
    from tracker.analysis.rendering import table_cells

    m = re.match(r"^(?P<lead>New|Removed) row: ", explanation)
    cells = table_cells(row) if m else None
    if not m or cells is None or not cells[1]:
        return explanation
    header, values = cells[0], cells[1][-1]
    pairs = [(h.strip(), v.strip()) for h, v in zip(header, values)]
    name = next(((h, v) for h, v in pairs if _PLAN_HEADER.match(h) and v and not _AMOUNT.search(v)), None)
    price = next((v for h, v in pairs if _PRICE_HEADER.search(h) and (_AMOUNT.search(v) or _FREE.match(v))), None) \
        or next((v for h, v in pairs if _AMOUNT.search(v) and (name is None or v != name[1])), None)
    if name is None or price is None or len(name[1]) > 40 or len(price) > 50:
        return explanation
    word = _PLAN_HEADER.match(name[0]).group("w").lower()  # type: ignore[union-attr]
    tail = _CATS_TAIL.search(explanation)
    return f"{m.group('lead')} {word} {name[1]}: {price}{tail.group(0) if tail else ''}"

"""Whether a clause only gives the user a right or binds the provider to them.

Read by the explanations (``tracker.analysis.wording``: a user's right is never a critical
watch-out, a new permission is "New right for users") and by the key-terms summary
(``tracker.analysis.summary``: a user's own right is no watch-out). A module of its own so that
both can import it without importing each other.
"""

from __future__ import annotations

import re

__all__ = ["gives_user_a_right"]

_USER = (r"(?:you|users?|subscribers?|members?|customers?|consumers?|buyers?|clients?|account holders?|"
         r"(?:[A-Z][a-z]+\s+)?residents|individuals|data subjects|"
         r"the (?:user|customer|subscriber|member|consumer|buyer|client)s?|vous|le membre|le client|"
         r"l['’]utilisateur|l['’]abonné|sie|der nutzer|der kunde)")
_USER_RIGHT = re.compile(
    rf"\b{_USER}\s+(?:also\s+|always\s+|still\s+|then\s+)?(?:"
    r"(?:have|has|retain|retains|keep|keeps|enjoy|enjoys)\s+(?:the|a|an|your|their|certain|any)\s+(?:[\w-]+\s+){0,3}rights?\b|"
    r"(?:may|can|are entitled to|is entitled to|(?:shall|will) be entitled to|are free to|is free to)"
    r"(?:\s+(?:at any time|always|also))?\s+(?!not\b|be\b|also be\b|only\b|no\b)\w|"
    r"avez\s+(?:le|un|des)\s+droits?|pouvez\s+(?!pas\b)\w|disposez\s+(?:d['’]un|des|du)\s+droits?|"
    r"haben\s+(?:das|ein)\s+recht|können\s+(?!nicht\b)\w)|"
    # German with the verb first ("..., können Sie Ihre Bestellung stornieren"): the polite "Sie" only
    r"\b(?-i:[Kk]önnen\s+Sie|[Hh]aben\s+Sie\s+das\s+Recht)\b(?![^.;]{0,40}\bnicht\b)|"
    r"\bgrants?\s+(?:to\s+)?(?:you|users?|customers?|members?)\b[^.;]{0,60}?\b(?:right|licen[cs]e)|"
    # the same grant in the passive voice ("You are hereby granted a limited, nonexclusive license")
    rf"\b{_USER}\s+(?:are|is)\s+(?:hereby\s+)?granted\s+(?:a|an|the)\b[^.;]{{0,120}}?\b(?:right|licen[cs]e)\b|"
    # a right or option named as the user's ("Your ability to opt out ... applies", "your right to object")
    r"\b(?:your|the user['’]s|users['’]|customers?['’]s?)\s+(?:[\w-]+\s+)?(?:ability|right|option|choice|entitlement)"
    r"\s+to\s+(?!pay\b|indemnif)\w|"
    # a permission granted ("X is available for any use, including commercial use", "you are allowed to")
    rf"\b{_USER}\s+(?:are|is)\s+(?:now\s+|also\s+)?(?:permitted|allowed|authori[sz]ed|welcome)\s+to\s+\w|"
    r"\b(?:is|are)\s+(?:now\s+|also\s+)?(?:available|permitted|allowed|free)\s+(?:to\s+use\s+)?for\s+"
    r"(?:any|all|every|commercial|personal|non-commercial|business)\b[^.;]{0,30}?\b(?:use|uses|purposes?)\b", re.I)
# The provider binding itself to the user: notice, reasons, a chance to appeal.
_USER_PROTECTION = re.compile(
    r"\b(?:we|we['’]ll|we will|we shall)\s+(?:first\s+|always\s+)?(?:will\s+|shall\s+)?"
    r"(?:provide|give|send|offer)\s+you\s+(?:with\s+)?(?:(?:an?|the|reasonable|prior|advance|written)\s+)*"
    r"(?:notice|opportunity|chance|reasons?|explanation)\b|"
    r"\bwe\s+(?:will\s+)?honou?r\b[^.;]{0,60}?\b(?:opt-?outs?|requests?|rights?|choices?|preferences?|signals?)\b|"
    # the provider answering for what it or its agents do ("Zorblio remains liable if its agent ...")
    r"\b(?!(?:You|Users?|Customers?|Members?)\b)(?:we|[A-Z][\w&.-]+)\s+(?:remains?|is|shall\s+be|will\s+be|has|have|"
    r"takes?|accepts?)\s+(?:fully\s+|also\s+)?(?:liable|responsible|responsibility|liability)\b|"
    # a power denied to the provider ("This license does not permit Zorblio to share your data",
    # "nothing in these terms allows us to sell"): a limit that protects the user
    # (a named party is one the power is given to, "permit Zorblio to": "does not permit class
    # arbitration" is a rule of the procedure, no limit on the provider)
    r"\b(?:does|do|shall|will)\s+not(?:,?\s+however,?)?\s+(?:permit|allow|authori[sz]e|entitle|give|grant)\s+"
    r"(?:to\s+)?(?:us|we|the company|(?-i:[A-Z][\w&.-]+)\b[^.;]{0,40}?\bto\s)\b|"
    r"\bnothing in\b[^.;]{0,40}?\b(?:permits?|allows?|authori[sz]es?|entitles?)\s+(?:us|the company|[A-Z][\w&.-]+)\b", re.I)
# What makes a clause a term against the user even when it also names a right of theirs.
_AGAINST = re.compile(
    r"\b(?:we|us|the company|nous|wir)\b[^.;:]{0,40}?\b(?:may|can|reserves?|(?:is|are|shall be|will be) entitled)\b|"
    r"\b(?!You\b|Users?\b|Subscribers?\b|Members?\b|Customers?\b|Consumers?\b|Individuals\b|Residents\b)[A-Z][\w&.-]+\s+"
    r"(?:may|can|reserves?|(?:is|shall be|will be) entitled)\b(?!\s+not\b)|"
    r"\bwaive|\bgive up\b|\bforfeit|\brenonce|\bverzicht|\bwithout (?:prior |any |further )*notice\b|"
    # ("you will not be charged / obligated to pay" spares the user: no duty)
    # (what "you are not" in a condition says is when the clause applies: "If you are not happy with
    # our handling of a complaint, you may contact the authority" is a right)
    r"(?<!\bif\s)(?<!\bwhen\s)(?<!\bunless\s)\b(?:you|users?)\s+(?:must|shall|will|agree|are required|may not|can ?not|are not)\b"
    r"(?!\s+(?:not\s+)?be\s+(?:obligated|obliged|required|charged|billed)\b)|"
    r"\bat (?:our|its) (?:sole |absolute )*discretion\b|\bbinding arbitration\b|\bclass action\b|"
    # a quota or a restriction ("can create up to 5 projects", "may use it for personal projects only")
    r"\bup to (?:\d|one|two|three|four|five|ten)\w*\s+(?!(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?)\b)[a-z]|"
    r"\b(?:at most|no more than|a maximum of|limited to)\b|\bonly\b(?!\s+(?:if|when|after)\b)",
    re.I)


# Where to read a document, said as what the user "can" do ("You can review the BAA at: <link>",
# "You may read our Cookie Policy here"): a pointer to another text, not a right.
_POINTER = re.compile(
    rf"^\W*(?:[\w-]+\s+){{0,3}}?{_USER}\s+(?:may|can)\s+(?:also\s+|always\s+)?(?:review|read|find|view|see|consult|"
    r"download|print|obtain|access)\s+(?:a\s+copy\s+of\s+|the\s+(?:full|latest|current)\s+(?:text|version)\s+of\s+)?"
    r"(?:the|our|this|these|its|a)?\s*(?:[\w-]+\s+){0,4}?(?:polic(?:y|ies)|agreements?|terms|BAA|DPA|addend(?:um|a)|"
    r"notices?|documents?|documentation|versions?|lists?|FAQs?|pages?|guidelines|statements?)\b[^.;]{0,40}?"
    r"\b(?:at|here|on|from|via|by visiting)\b", re.I)


def gives_user_a_right(text: str) -> bool:
    """Whether ``text`` (a clause, plain) only gives the user a right ("You may cancel at any
    time", "Subscribers shall be entitled to suspend their use", "vous pouvez résilier") or binds
    the provider to them ("we'll provide you with advance notice"), and says nothing against
    them (a power of the provider, a waiver, a duty of the user, "without notice"); where to read
    a document ("You can review the DPA at: <link>") is a pointer, no right (``_POINTER``)."""
    return bool(_USER_RIGHT.search(text) or _USER_PROTECTION.search(text)) and not _AGAINST.search(text) \
        and not _POINTER.search(text)

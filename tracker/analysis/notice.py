"""Notice periods the user is given, read alike by the rules (``materiality``) and the headline
(``headline``, which imports no module that imports it back): "without notice", the user's own duty to
give notice, notice words, and the shortest notice period a text promises, in days."""

from __future__ import annotations

import re

from tracker.analysis.classify import split_sentences
from tracker.analysis.facts import extract_facts

__all__ = ["NO_NOTICE", "USERS_NOTICE", "NOTICE_WORDS", "notice_days"]

# Something done "without notice", in English, French, German and Spanish
NO_NOTICE = re.compile(r"\bwithout (?:(?:any|prior|advance|further|previous|written|formal|notice or)\s+)*"
                       r"(?:notice|notification|warning|informing you|notifying you|telling you)\b|"
                       r"\bwith no (?:(?:prior|advance|further)\s+)?notice\b|"
                       r"\bno (?:(?:prior|advance)\s+)?notice (?:is|will be|shall be|need be) (?:required|given|necessary)\b|"
                       # French, German, Spanish: "sans préavis", "ohne Vorankündigung", "fristlos",
                       # "sin previo aviso"
                       r"\bsans (?:aucun |aucune |autre )?(?:préavis|avis préalable|notification(?: préalable)?|"
                       r"information préalable|avertissement|vous (?:en )?(?:informer|avertir|prévenir|aviser))\b|"
                       r"\bohne (?:jede |jegliche |weitere |vorherige |vorhergehende )?(?:Vorankündigung|Ankündigung|"
                       r"Benachrichtigung|Mitteilung|Vorwarnung|Warnung|(?:Einhaltung einer )?(?:Kündigungs)?[Ff]rist|"
                       r"Sie (?:vorher |vorab )?zu (?:benachrichtigen|informieren|warnen))\b|\bfristlos\w*|"
                       r"\bsin (?:ningún |previo |más )?(?:aviso|preaviso|notificación|avisarle|notificarle)(?: previ[oa])?\b",
                       re.I)
# the user's own duty to give notice ("you must give us 30 days' notice to cancel", "vous pouvez
# résilier avec un préavis de 30 jours", "Sie können mit einer Frist von 30 Tagen kündigen"):
# dropping it takes nothing from the user
USERS_NOTICE = re.compile(r"\byou\b[^.;]{0,40}\b(?:give|provide|send|submit|notify)\b[^.;]{0,30}?(?:\bus\b|notice)|"
                          r"\bvous (?:pouvez|devez|pourrez|devrez)\b[^.;]{0,30}\b(?:résilier|nous (?:informer|notifier|"
                          r"prévenir|aviser)|(?:donner|adresser|envoyer|respecter) (?:un )?préavis)|"
                          r"(?-i:\bSie)\s+(?:können|müssen|dürfen)\b[^.;]{0,60}\b(?:kündigen|uns\b)|"
                          r"\busted (?:puede|debe)\b[^.;]{0,40}\b(?:cancelar|notificarnos|avisarnos)", re.I)
# Words that tie a period to notice given to the user, in the languages the facts are read in
NOTICE_WORDS = re.compile(r"\bnoti(?:ce|fy|fied|fication)\b|\bin advance\b|\bwarn|\bgrace period\b|\bannounc|\bpréavis\b|\bavant\b|"
                          r"\bà l['’]avance\b|\binform|\bavert|\bprévien|\bpréven|\bFrist\b|\bim Voraus\b|\bvorab\b|"
                          r"\bbenachrichtig|\bankündig|\bpreaviso\b|\bantelación\b|\banticipación\b|\baviso\b", re.I)
# days in a notice period's unit (not ``_DAYS``, which ``duration_days`` reads: one name shadowed the other)
_NOTICE_UNITS = {"H": 1 / 24, "D": 1, "W": 7, "M": 30, "Y": 365}


def notice_days(text: str) -> float | None:
    """The shortest notice period ``text`` promises the user, in days (None when it names none):
    a duration called notice ("30 days' notice") or said with notifying or advance words."""
    out = []
    for f in extract_facts(text):
        if f.kind != "duration" or not (m := re.fullmatch(r"P(\d+(?:\.\d+)?)([HDWMY])", f.value)):
            continue
        sentence = next((s for s in split_sentences(text) if f.text in s), "") or text
        if f.qualifier == "notice" or NOTICE_WORDS.search(sentence):
            if not USERS_NOTICE.search(sentence):
                out.append(float(m.group(1)) * _NOTICE_UNITS[m.group(2)])
    return min(out) if out else None

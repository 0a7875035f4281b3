"""Text on a terms page that is not a term: page chrome, announcements, update stamps, pointers.

A terms page carries more than terms: navigation and breadcrumbs, a table of contents, cookie
banners, "we've updated our terms" banners, "Last updated" lines, "read our privacy policy"
pointers, contact blocks, forum sidebars. None of it changes what a user gets, pays, owes or
agrees to, so a change made only of it is never material (taxonomy: "navigation or boilerplate
text", "a Last updated date", "contact details", "extraction noise").

English, French and German. Regular expressions and word lists only.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["UI_WORDS", "STOPWORDS", "MODALS", "has_verb", "is_update_stamp", "is_request_stamp", "is_announcement", "is_error_page",
           "truncated_side", "sections_lost_side", "empty_side", "teaser_side", "not_terms_side", "is_pointer", "is_announcement_heading", "is_report", "chrome_kind", "is_address_run",
           "is_contact_route", "is_contact_block", "contact_line_kind", "is_register_entry", "is_user_count", "is_advice", "is_attribution", "is_carrier_notice", "is_device_note", "is_mission_statement", "address_spans", "language_of", "function_word_counts", "DATE", "is_content_word", "title_line"]

# --- dates ---------------------------------------------------------------------------------------
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
           r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
           r"novembre|décembre|decembre|januar|jänner|februar|märz|maerz|juni|juli|oktober|"
           r"dezember|"
           # Spanish, Italian and Portuguese ("2 de diciembre de 2026", "2 dicembre 2026",
           # "2 de dezembro de 2026")
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
           r"diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
           r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\.?")
# Every date starts with a digit or a month, and every month above with one of the letters of the
# look-ahead: the engine tries the long alternation of months only at the word starts that can
# begin one (the same matches, about 3x faster over whole versions).
DATE = re.compile(
    rf"\b(?=[\dadefgjlmnos])(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th|er|\.|\.?º|°)?\s+"
    rf"(?:of\s+|de\s+)?{_MONTHS},?\s+(?:de\s+|del\s+)?\d{{4}}|{_MONTHS}\s+(?:de\s+|del\s+)?\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\b", re.I)

# --- word lists ----------------------------------------------------------------------------------
# French and German pronouns, determiners and connectives are function words as their English
# counterparts are ("te", "ta", "dir", "zum"): a stray one fixed changes no term. (Not "car",
# "ton" or "dies": English words with meaning of their own.)
STOPWORDS = frozenset("""
a an the and or nor but if then than that this these those there here of to in on at by for
from with without into onto over under about as per via it its it's is are was were be been
being am do does did done has have had having will would shall should may might can could must
we us our ours you your yours they them their he she his her i me my any all each every some
such other another more most less also only just not no so too very which who whom whose what
when where while how why own same both either neither one upon within well through during before
after between against among until unless because since further etc ie eg i.e e.g
le la les l un une des du de d et ou mais si que qu qui dont où ce cet cette ces son sa ses
leur leurs notre nos votre vos en dans sur sous par pour avec sans au aux ne pas plus est sont
été être a ont avoir fait il elle ils elles nous vous on se s y
tu te toi ta tes me moi mon ma mes lui eux ci cela ceci ça celui celle ceux celles lequel laquelle
lesquels lesquelles auquel auxquels duquel quoi aussi ainsi donc ni très même entre vers chez
afin alors puis tout toute tous toutes
der die das den dem des ein eine einen einem einer eines und oder aber wenn dann als dass
dieser diese dieses von zu im in am an auf aus bei mit ohne für über unter nach vor durch
ist sind war waren sein wird werden wurde hat haben es er sie wir ihr ihre ihr unser unsere
nicht kein keine auch nur so wie was wer wo
ich mich mir dich dir dein deine deinen deinem deiner ihm ihn ihnen uns euch man sich zum zur vom
beim ins ans diesen diesem jede jeder jedes jeden alle allen welche welcher welches da denn
sowie bzw ob doch noch schon hier dort damit dazu dabei
""".split())
MODALS = frozenset("""may might can could will would shall should must cannot
peut peuvent pourra pourront doit doivent devra devront pouvons devons pouvez devez
kann können darf dürfen muss müssen wird werden soll sollen""".split())
_VERBS = frozenset("""
is are was were be been being am has have had do does did will would shall should may might
can could must agree agrees accept accepts acknowledge acknowledges apply applies use uses
used collect collects collected share shares shared process processes processed provide
provides provided offer offers keep keeps store stores stored retain retains delete deletes
deleted remove removes removed terminate terminates suspend suspends charge charges pay pays
bill bills renew renews expire expires cancel cancels govern governs grant grants own owns
include includes including require requires required need needs get gets give gives make
makes send sends sent receive receives access accesses allow allows allowed permit permits
prohibit prohibits reserve reserves means mean refer refers contact visit read see learn
protect protects disclose discloses sell sells transfer transfers limit limits restrict
restricts become becomes take takes remain remains continue continues create creates
explain explains describe describes help helps want wants operate operates
go goes decide decides resolve resolves handle handles hear hears settle settles cover covers
costs belong belongs commit commits undertake undertakes engage engagent engageons
disclaim disclaims disclaimed exclude excludes excluded assume assumes bear bears waive waives
décline déclinons déclinent exclut excluons excluent assume assumons assument
übernimmt übernehmen haftet haften schließt schließen
est sont était étaient sera seront a ont avait peut peuvent doit doivent acceptez accepte
utilisons utilise utilisez collectons collecte partageons partage conservons conserve
traitons traite fournit fournissons s'applique appliquent pouvez devez pouvons devons
ist sind war waren wird werden wurde hat haben kann können darf dürfen muss müssen gilt
gelten akzeptieren verarbeiten speichern erheben nutzen verwenden teilen stimmen
permet permettent comprend comprennent inclut incluent concerne concernent couvre couvrent
recueillons recueille transmettons transmet communiquons supprimons supprime demandons
vérifions vérifie effectuons effectue envoyons envoie autorisez autorise bénéficiez bénéficie
erhebt verarbeitet speichert nutzt verwendet übermitteln übermittelt löschen löscht benötigen
benötigt umfasst umfassen prüfen prüft erhalten erhält geben gibt
entraîne entraînent entraînera entraîneront donne donnent donnera donneront applique appliquent
appliquera appliqueront facturons facturera factureront coûte coûtent coûtera expire expirent
expirera prend prennent rembourse remboursons remboursera rembourserons
führt führen berechnet berechnen erstattet erstatten beträgt betragen verfällt verfallen
endet enden entsteht entstehen fällt kostet
es está están será serán puede pueden podrá podrán debe deben deberá deberán tiene tienen
tendrá tendrán hay aplica aplican conlleva conllevan cobramos cobra cobrará reembolsamos conservamos
podemos puedes podremos podrás debes deberás tienes tenemos eres somos son usamos utilizamos
compartimos recopilamos recogemos tratamos cedemos vendemos aceptas acepta aceptan renuncias renuncia
renuncian comprometes compromete reservamos reserva rige rigen permite permiten garantizamos garantiza
suspendemos eliminamos cancelamos
""".split())
# Spanish futures ("conservarán", "avisaremos", "podrá"): no English, French or German word ends so
_ES_FUTURE = ("rá", "rán", "remos")
_PRONOUN = frozenset("we you they it i he she nous vous ils elles il elle wir sie er es ihr se".split())  # ("se": "se reembolsa", "se réserve")
# French object pronouns and "ne" that stand between the subject and its verb
_CLITICS = frozenset("ne n les la l le leur lui en y se s me m te t nous vous".split())
_CORP = frozenset("""ltd limited inc incorporated llc llp lp plc gmbh ag kg ug sa sas sarl srl spa
bv nv pte pty oy ab asa kk corp corporation se sàrl""".split())


@lru_cache(maxsize=65536)
def is_content_word(token: str) -> bool:
    """A token that carries meaning: not a function word, not a placeholder, not one letter."""
    return token not in STOPWORDS and not token.startswith("qq") and (len(token) > 1 or token.isdigit())


def has_verb(words: list[str], sentence: bool = False) -> bool:
    """Whether lowercased words contain a finite verb or modal (cheap: word lists, a pronoun
    followed by a word). With ``sentence`` (the text ends like a sentence), a word in -s or -ed
    right after a noun also counts ("Each request costs $5.")."""
    for i, w in enumerate(words):
        if w in _VERBS or w in MODALS or len(w) > 4 and w.endswith(_ES_FUTURE):
            return True
        if w in _PRONOUN:
            j = i + 1
            while j < len(words) and words[j] in _CLITICS:
                j += 1  # "nous les transmettons", "nous ne lui envoyons": the verb follows them
            if j < len(words) and words[j] not in STOPWORDS:
                return True
        if (sentence and i and len(w) > 3 and w.endswith(("s", "ed")) and not w.endswith("ss")
                and words[i - 1] not in STOPWORDS and not words[i - 1].isdigit()):
            return True
    return False


_TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TITLE_MARKUP = re.compile(r"\]\([^)]*\)|[*_`#\\\[\]]")  # emphasis, escapes and link targets
_TITLE_NEGATIONS = frozenset("not no never without none nor ne pas jamais aucun aucune nicht kein keine keinen ohne".split())


def title_line(text: str) -> bool:
    """Whether ``text`` reads as a section title or a table-of-contents line, not a clause: at
    most 10 words, no verb and no negation, each content word written with a capital ("11. GOVERNING
    LAW; WAIVER OF CLASS ACTIONS.", "Waiver of Class Actions"). A rule in a few words keeps its
    negation ("NO CLASS ACTIONS.") or its verb ("YOU WAIVE ANY CLASS ACTION.") and is no title.

    Args:
        text: one clause or sentence, Markdown allowed.

    Returns True for a title; never raises."""
    found = _TITLE_WORD.findall(_TITLE_MARKUP.sub(" ", text))
    toks = [w.lower() for w in found]
    if not 0 < len(toks) <= 10 or has_verb(toks) or set(toks) & _TITLE_NEGATIONS:
        return False
    content = [w for w, t in zip(found, toks) if is_content_word(t)]
    return bool(content) and all(w[:1].isupper() for w in content)


_PAST = frozenset("was were had did been".split())
_PRESENT = (_VERBS | MODALS) - _PAST - {"a"} - {w for w in _VERBS if w.endswith("ed")}  # ("a": French "has")


def is_report(sentence: str) -> bool:
    """Whether a sentence only reports what happened, in the past tense ("Over 70% of those
    disputes succeeded", "In 2025 we received 1,200 requests"): a statistic, not a term. Terms
    speak in the present or the future, or with a modal."""
    # words, and what stands between them (a number, a sign) as tokens that are no words
    toks = re.findall(r"[^\W\d_]+|[^\s\w]|\d+", sentence.lower())
    ws = [t for t in toks if t[0].isalpha()]
    if not ws or any(w in _PRESENT for w in ws):
        return False
    # a verb in the present right after its subject ("The Pro plan costs $10 per month, billed
    # monthly"): the "-ed" word is then a participle, not a past tense
    if any(i and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
           and toks[i - 1][0].isalpha() and toks[i - 1] not in STOPWORDS for i, w in enumerate(toks)):
        return False
    # a verb in the present right after "we" or "you" ("We refund unused credit within 14 days",
    # "You forfeit ..."): a term, whatever verb it is; a past one after them ends in -ed
    if any(i + 1 < len(toks) and w in _SUBJECTS and toks[i + 1][0].isalpha() and toks[i + 1] not in STOPWORDS
           and not toks[i + 1].endswith("ed") and toks[i + 1] not in _PAST for i, w in enumerate(toks)):
        return False
    # an -ed word after an article or a possessive ("the unused credit", "your registered email"),
    # one with a "un-" prefix ("unused", "unpaid") or one after a colon ("Unused credit: refunded
    # within 14 days") describes a noun: no past tense
    # a participle after "no" and its noun ("no card required", "no setup needed") describes what a
    # plan asks for, no past event
    return any(w in _PAST or len(w) > 4 and w.endswith("ed") and not w.startswith("un")
               and not (i and toks[i - 1] in _DETERMINERS | {":"}) and not (i > 1 and toks[i - 2] == "no")
               for i, w in enumerate(toks) if w[0].isalpha())


_SUBJECTS = frozenset("we you they i".split())
_DETERMINERS = frozenset("a an the your our their its his her any all each every this that these those".split())


# --- update stamps and announcements -------------------------------------------------------------
_STAMP = re.compile(
    r"\b(?:last\s+|recently\s+)?(?:updated|modified|revised|amended|reviewed|effective|published|"
    r"posted|version|dated?|as\s+of|valid\s+from|in\s+(?:force|effect)|en\s+vigueur|"
    r"mises?\s+à\s+jour|mis\s+à\s+jour|modifiée?s?|stand|gültig|fassung|datum|aktualisiert|"
    r"geändert|version|applicable\s+(?:à\s+compter|from)|"
    # Spanish, Italian, Portuguese: "Última actualización", "Fecha de entrada en vigor", "Vigente
    # desde", "Ultimo aggiornamento", "In vigore dal", "Última atualização", "Em vigor desde"
    r"actualizad[oa]s?|actualizaci[oó]n|modificad[oa]s?|revisad[oa]s?|versi[oó]n|fecha|vigente|"
    r"aggiornat[oaie]|aggiornamento|modificat[oaie]|versione|in\s+vigore|"
    r"atualizad[oa]s?|atualiza[cç][aã]o|vers[aã]o|en\s+vigor|em\s+vigor)\b", re.I)
_ANNOUNCE = re.compile(
    r"\b(?:we(?:['’]ve|\s+have)\s+(?:recently\s+|just\s+)?(?:updated|changed|revised|amended|made\s+"
    r"(?:some\s+)?changes)|we(?:['’]re|\s+are)\s+(?:updating|changing|revising|making\s+changes)|"
    r"we\s+(?:recently\s+)?(?:updated|revised|amended)\s+(?:our|these|the)|"
    r"(?:have|has)\s+(?:recently\s+)?been\s+(?:updated|revised|amended)|"
    r"summary\s+of\s+(?:the\s+|these\s+|key\s+|recent\s+)?changes|what['’]s\s+(?:new|changed)|"
    # where the new text stands on the page ("... AND THE FULLY UPDATED AGREEMENT IS BELOW", "the revised
    # terms are set out below"): the banner above it, not a term
    r"(?:fully\s+)?(?:updated|revised|amended)\s+(?:version\s+of\s+(?:the|our|this)\s+)?(?:terms|agreement|"
    r"polic(?:y|ies)|conditions|notice)\s+(?:of\s+\w+\s+)?(?:is|are)\s+(?:set\s+out\s+|shown\s+|provided\s+|reproduced\s+)?below|"
    r"what\s+(?:has\s+)?changed|(?:previous|prior|earlier|archived|older|upcoming|past)\s+"
    r"versions?|(?:updated|new|revised)\s+(?:terms|policy|agreement|version)\s+(?:will\s+)?"
    r"(?:take|takes|come|comes|go|goes)\s+(?:into\s+)?effect|"
    r"nous\s+avons\s+(?:mis\s+à\s+jour|modifié)|version\s+(?:précédente|antérieure)|"
    r"(?:ont|a)\s+été\s+mis(?:es?)?\s+à\s+jour|pour\s+consulter\s+la\s+version|"
    r"wir\s+haben\s+(?:unsere|die|diese)\s+\w+\s+(?:aktualisiert|geändert)|frühere\s+fassung|"
    # revisions still in the making: "Revisions to the terms are currently under discussion"
    r"(?:revisions?|changes|updates|amendments)\s+to\s+(?:these|the|our|this)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:terms|polic(?:y|ies)|agreement|conditions|notice)\s+(?:of\s+\w+\s+)?(?:are|is)\s+(?:currently\s+|now\s+)?"
    r"(?:under\s+(?:discussion|review|consultation)|being\s+(?:discussed|prepared|drafted|reviewed)|in\s+progress|coming\s+soon)|"
    r"we(?:['’]re|\s+are)\s+(?:currently\s+)?(?:reviewing|working\s+on|revising)\s+(?:our|these|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:terms|polic(?:y|ies)|agreement|conditions)|"
    r"(?:updated|new|revised)\s+(?:terms|polic(?:y|ies)|agreement|conditions)\s+(?:are|is)\s+coming\s+soon|"
    r"(?:conditions|cgu|cgv|politique|charte)\b[^.;]{0,60}?\bser(?:a|ont)\s+(?:bientôt|prochainement)\s+"
    r"(?:mis(?:es?)?\s+à\s+jour|modifiée?s?)|"
    r"(?:agb|bedingungen|datenschutzerklärung|richtlinien?)\s+werden\s+(?:in\s+kürze|demnächst|bald)\s+"
    r"(?:aktualisiert|überarbeitet|geändert)|"
    # a banner before new terms apply, and a summary of what was clarified
    r"we(?:['’]ve|\s+have)\s+made\s+(?:the|our|these|this)\s+[\w\s]{0,40}?(?:easier|clearer|simpler)|"
    r"(?:the|these|our)\s+(?:terms|policy|agreement|conditions)\s+now\s+(?:provide|include|give|offer)s?\s+"
    r"(?:clearer|more|additional|further)\s+(?:details|information|explanations?)|"
    # what an update note says of itself: that it changes nothing, or that a change is put off
    # ("our underlying privacy practices have not materially changed", "this update does not change
    # how we use your data", "we are postponing the changes to how we use your information")
    r"practices\s+(?:have|has)\s+not\s+(?:materially\s+|substantially\s+|significantly\s+|fundamentally\s+)?changed|"
    r"(?:this|these|the)\s+(?:updates?|changes|revisions?)\s+(?:does|do|did|will)\s+not\s+(?:materially\s+|substantially\s+)?"
    r"(?:change|affect|alter)\s+(?:how|the\s+way|our\s+(?:\w+\s+)?practices|your\s+(?:privacy\s+)?rights)|"
    r"we(?:['’]re|\s+are|\s+have|['’]ve)\s+(?:postponing|postponed|delaying|delayed|pausing|paused)\s+(?:the|these|this|our)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:changes?|updates?|modifications?)|"
    r"nous\s+(?:reportons|avons\s+reporté|suspendons)\s+(?:la|les|cette|ces)\s+(?:[\w-]+\s+){0,2}?modifications?|"
    r"wir\s+(?:verschieben|haben\s+\w+\s+verschoben)\s+(?:die|diese)\s+(?:[\w-]+\s+){0,2}?änderung(?:en)?)", re.I)
# "By continuing to use X (after ...), you accept the updated terms": a banner about new terms.
_CONTINUE = re.compile(
    r"\b(?:by\s+continuing|if\s+you\s+continue|continued\s+use|continuing\s+to\s+use|"
    r"en\s+continuant|weitere\s+nutzung)\b.{0,160}\b(?:updated|new|revised|effective\s+date|"
    r"nouvelles?|mises?\s+à\s+jour|aktualisiert\w*|neue)\b", re.I | re.S)
# Other ways of saying "if you go on using it after the date, you accept the new version": keeping
# on browsing, using it after a date, in French and German. Read only where the sentence grants
# no power to change the terms (that is the rule for changes, a term).
_CONTINUE_MORE = re.compile(
    r"\b(?:if\s+you\s+(?:keep|go\s+on|still)\s+(?:using|browsing|accessing|visiting)|keep\s+(?:using|browsing|accessing)|"
    r"(?:further|ongoing)\s+(?:use|access)|(?:use|using|access|accessing|browse|browsing)\b[^.;]{0,60}?\bafter\s+"
    r"(?:this|that|the|such)\s+(?:date|day|effective\s+date)|"
    r"si\s+vous\s+(?:continuez|poursuivez)|en\s+poursuivant|(?:utilis\w+|accéd\w+|navigu\w+)\b[^.;]{0,60}?\baprès\s+cette\s+date|"
    r"weiterhin\s+(?:nutzen|verwenden|besuchen|zugreifen)|nach\s+diesem\s+(?:datum|tag|zeitpunkt)\b[^.;]{0,60}?\b(?:nutzen|verwenden))"
    r"\b.{0,160}\b(?:updated|new|revised|amended|modified|nouvelles?|modifiées?|mises?\s+à\s+jour|révisées?|"
    r"neuen?|geänderten?|aktualisiert\w*|überarbeitet\w*)\s+(?:[\w-]+\s+){0,2}?(?:terms|polic(?:y|ies)|agreement|"
    r"conditions|notice|statement|version|cgu|cgv|politique|charte|\w*bedingungen|agb|datenschutzerklärung|"
    r"richtlinien?|fassung)\b", re.I | re.S)
# Every announcement pattern holds one of these words: a cheap first test.
_ANNOUNCE_HINT = re.compile(r"updat|chang|revis|amend|version|continu|effect|summary|what|jour|prior|previous|"
                            r"keep|still|go\s+on|further|ongoing|after|après|poursuiv|weiterhin|nach\s+diesem|"
                            r"clarif|reword|rewrit|simplif|reorgani|restructur|précis|reformul|réorganis|réécri|"
                            r"formuliert|gestaltet|gemacht|dargestellt|präzisiert|gegliedert|umstrukturiert|klargestellt|"
                            r"earlier|archived|older|former|added|clarified|review|working|coming|"
                            r"modifi|aktualis|fassung|geändert|nouvelle|neue|dated?\b|\d{4}|"
                            r"easier|clearer|simpler|periodic|regul|régul|time\s+to\s+time|frequent|often|regelmäßig|preview", re.I)
# The same hint, case-sensitive, for an ASCII sentence lowercased: the pattern is lower case, and on
# ASCII text ``str.lower`` folds exactly as ``re.I`` does, so it finds the same; it runs ~4x
# faster (a case-insensitive alternation is tried at every position, and most sentences hold no
# hint: it was ~90 us of each of the thousands of sentences a pair of rewritten documents reads).
_ANNOUNCE_HINT_LOWER = re.compile(_ANNOUNCE_HINT.pattern)


def _announce_hint(text: str) -> bool:
    """``_ANNOUNCE_HINT.search(text)``, faster on ASCII text."""
    if text.isascii():
        return _ANNOUNCE_HINT_LOWER.search(text.lower()) is not None
    return _ANNOUNCE_HINT.search(text) is not None
# Announcements that could also be read inside a rule about changes: only when the sentence sets
# no notice period and no right to reject ("X has updated its Terms as of DATE", "view the prior
# policy here", "the changes will take effect on DATE", "we have added terms clarifying ...").
_ANNOUNCE_SOFT = re.compile(
    r"\b(?:(?:has|have)\s+(?:recently\s+|just\s+)?(?:updated|revised|amended)\s+(?:its|their|our|these|the)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:terms|polic(?:y|ies)|agreement|conditions|notice|statement)|"
    r"(?:view|see|read|consult|access|find|review)\b[^.;]{0,30}?\b(?:prior|previous|earlier|archived|older|past|"
    r"former)\s+(?:[\w-]+\s+){0,3}?(?:versions?|terms|polic(?:y|ies)|notice|agreement|conditions|statement)|"
    # a banner before new terms apply ("... before the changes take effect"); "we will notify you
    # 30 days before changes take effect" is the rule for changes, kept by the notice guard below
    r"before\s+(?:the\s+|these\s+)?changes\s+take\s+effect|"
    r"(?:the|these|some|such|those)\s+changes\s+(?:will\s+)?(?:be(?:come)?\s+effective|take\s+effect|apply)\s+"
    r"(?:as\s+of|on|from|starting)|"
    r"we(?:['’]ve|\s+have)\s+(?:added|clarified|introduced|updated|revised|simplified|reorgani[sz]ed|restructured|"
    r"expanded|removed|rewritten|reworded)\s+(?:[\w-]+\s+){0,3}?(?:terms|language|sections?|provisions?|clauses?|"
    r"wording|explanations?|details)\b|"
    # the editor describing the edit, in other words and in French and German: "the section on
    # refunds has been reworded", "nous avons clarifié les articles ...", "wir haben die Abschnitte
    # zur Kündigung verständlicher formuliert"
    r"(?:sections?|clauses?|provisions?|wording|language|paragraphs?)\s+(?:on|about|of|regarding)\s+[^.;]{1,40}?\s+"
    r"(?:has|have)\s+been\s+(?:clarified|reworded|rewritten|simplified|reorgani[sz]ed|restructured)|"
    r"nous\s+avons\s+(?:clarifié|précisé|reformulé|réorganisé|simplifié|réécrit|restructuré)\s+"
    r"(?:la|les|le|l['’]|certaines|certains|plusieurs|nos|notre)\b|"
    r"wir\s+haben\s+(?:[\w-]+\s+){1,6}?(?:(?:verständlicher|klarer|einfacher|übersichtlicher|deutlicher)\s+"
    r"(?:formuliert|gestaltet|gemacht|dargestellt)|präzisiert|umformuliert|neu\s+gegliedert|umstrukturiert|klargestellt)\b)", re.I)
# A link to the text that is coming ("You can preview the updated Terms of Service here", "See a
# preview of the upcoming Terms"): the new text is elsewhere, and says its own terms there. Read
# only where the sentence grants no power to change the terms ("We may change these terms; please
# read the revised terms" is the rule for changes).
_PREVIEW = re.compile(
    r"\b(?:preview|view|see|read|consult|access|find)\b[^.;]{0,30}?\b(?:updated|upcoming|forthcoming|future|new|"
    r"revised|amended)\s+(?:[\w-]+\s+){0,3}?(?:versions?|terms|polic(?:y|ies)|notice|agreement|conditions|statement)\b",
    re.I)
# ... (a power to change the terms, without the "You can" that ``_CHANGE_POWER`` also reads as one)
_PREVIEW_NOT = re.compile(r"\b(?:we|us)\s+(?:may|can|will|shall|reserves?)\b|\breserves?\s+the\s+right\b|"
                          r"\b(?:change|changes|modify|modifies|amend|amends|update|updates)\s+(?:these|this|the|our|its)\b",
                          re.I)
# The words of ``_ANNOUNCE`` that a rule for changes may also say of the notice it sends
_SUMMARY_SENT = re.compile(r"summary\s+of\s+(?:the\s+|these\s+|key\s+|recent\s+)?changes|what\s+(?:has\s+)?changed", re.I)
_NOTICE_NAME = re.compile(r"\b(?:privacy|cookies?|legal|collection|data\s+protection)\s+notice\b", re.I)  # a document's name
_NOTICE_TERMS = re.compile(r"\b(?:\d+\s+days?|notice|notify|right\s+to\s+reject|object|terminate)\b",
                           re.I)


# A blog-style header's reading time ("23 min read", "5 minutes de lecture", "3 Min. Lesezeit"),
# also glued to the year before it by the capture ("Jul 16, 202423 min read")
_READING_TIME = re.compile(r"(?:(?<=(?:19|20)\d\d)|(?<!\d))\d{1,3}\s*(?:min(?:ute)?s?\.?|mn)\s+"
                           r"(?:read|de\s+lecture|lesezeit)\b", re.I)
# words a capture glued to a number before them ("May 9, 2024Updated on ...")
_GLUED_AFTER_NUMBER = re.compile(r"(?<=(?:19|20)\d\d)(?=[A-Z])")


def is_update_stamp(text: str) -> bool:
    """"Last updated: 3 May 2025", "Effective as of 1er janvier 2024", "Stand: 01.02.2025",
    "Version 4 (2025-01-02)": a line that only says when the text was updated; also a blog-style
    header of dates and a reading time, glued together or not ("Published on May 9, 2024Updated
    on Jul 16, 202423 min read")."""
    if _stamp(text):
        return True
    if not re.search(r"(?:19|20)\d\d[A-Z]|\d\s*(?:min|mn)", text, re.I):
        return False
    return _stamp(_GLUED_AFTER_NUMBER.sub(" ", _READING_TIME.sub(" ", text)))


# What a text applies to, said beside a date ("As of 6/18/31, this policy also applies to Quillory
# Maps", "Ab 1.1.2031 gilt diese Richtlinie auch für ..."): the terms' scope, never a stamp.
_SCOPE_STATED = re.compile(r"\b(?:appl(?:y|ies)|s['’]appliquen?t?|gilt|gelten)\s+(?:also\s+|now\s+|only\s+|solely\s+|"
                           r"également\s+|aussi\s+|désormais\s+|auch\s+|nur\s+|nun\s+)?(?:to|à(?!\s+(?:compter|partir))|"
                           r"aux?|für)\b", re.I)


# A document named where it is, or one that replaces another, beside its date ("U.S. Controller
# Addendum at <link> (effective 1 January 2023 replacing the CCPA Addendum)"): a document added to
# the terms from that date, never a stamp of when this text was updated.
_DOCUMENT_ADDED = re.compile(r"\b(?:addend(?:um|a)|terms|agreement|polic(?:y|ies)|schedule|annex|exhibit|appendix)\s+"
                             r"(?:(?:available|located|found|posted)\s+)?at\s|\b(?:replac(?:e|es|ed|ing)|"
                             r"supersed(?:e|es|ed|ing)|in\s+place\s+of|remplaç\w+|remplace\w*|ersetz\w+)\b"
                             # (not the text's own earlier versions: "these terms replace all prior versions")
                             r"(?!\s+(?:all\s+|any\s+)?(?:the\s+|our\s+)?(?:(?:prior|previous|earlier|former|last|old)\s+)?versions?\b)", re.I)


def _stamp(text: str) -> bool:
    return len(text.split()) <= 25 and bool(_STAMP.search(text)) and bool(DATE.search(text)) \
        and not _SCOPE_STATED.search(text) and not _DOCUMENT_ADDED.search(text)


# Work under way on the service, said as news ("We are currently overhauling our sales platforms
# for you", "Nous sommes en train de moderniser notre espace client", "Wir überarbeiten derzeit
# unser Kundenkonto"): what the provider is doing now, not what it or the user may or must do.
_UNDER_WAY = re.compile(
    r"\bwe(?:['’]re|\s+are)\s+(?:currently\s+|now\s+|busy\s+)?(?:in\s+the\s+process\s+of\s+)?(?:overhauling|"
    r"redesigning|revamping|moderni[sz]ing|upgrading|rebuilding|renewing|reworking|restructuring|transforming|"
    r"redeveloping)\s+(?:our|the|its)\b|"
    r"\bnous\s+(?:sommes\s+en\s+train\s+de\s+|procédons\s+actuellement\s+à\s+(?:la\s+)?)(?:refondre|refonte|moderni[sz]\w*|"
    r"repenser|faire\s+évoluer|transformer|transformation)\b|"
    r"\bnous\s+(?:refondons|modernisons|repensons|faisons\s+évoluer|transformons)\s+(?:actuellement\s+)?"
    r"(?:nos|notre|le|la|les|l['’])|"
    r"\bwir\s+(?:überarbeiten|modernisieren|erneuern|gestalten|bauen)\s+(?:derzeit|gerade|aktuell|zurzeit|momentan)\s+"
    r"(?:unsere?n?|die|das|den)\b", re.I)
# ... never what will be done, nor what is done with the user's data or content or a model trained
# on it ("we are upgrading our models with your conversations"): a term, whatever the tense
_UNDER_WAY_DATA = re.compile(r"\b(?:will|shall|won['’]t|data|information|content|conversations?|prompts?|messages?|models?|training|"
                             r"opt[- ]?out|données|informations|contenus?|modèles?|daten|informationen|inhalte|modelle?)\b",
                             re.I)


def is_announcement(text: str, *, stamps: bool = True) -> bool:
    """A sentence about the terms rather than a term: "we've updated our terms", "summary of
    changes", "the new terms take effect on ...", "by continuing you accept the updated terms",
    a link to the previous version, work said as under way on the service ("we are currently
    overhauling our platform") with no modal, right or liability in it. A rule for how changes
    take effect (with a notice period or a right to reject) is a term, not an announcement.
    With ``stamps`` False, a line that only says when the text was updated ("Last updated: 3 May
    2025", ``is_update_stamp``) is not counted: only a sentence that announces an update
    ("We're updating our Terms, effective April 30, 2025") is. Raises nothing."""
    if _UNDER_WAY.search(text) and not _OUTAGE_TERM.search(text) and not _UNDER_WAY_DATA.search(text):
        return True
    if not _announce_hint(text):
        return False
    text = re.sub(r"[*_`\x02\x03\\]+", " ", text)  # "_We have updated ..._": markup is no word
    if (m := _ANNOUNCE.search(text)) and not _term_after(text, m.end()):
        # "we will notify you at least 30 days before a change takes effect, with a summary of what
        # changed": a rule for every change that names the summary it sends is a term, not a banner
        if not (_SUMMARY_SENT.fullmatch(m.group(0)) and _ANY_CHANGE.search(text)
                and _NOTICE_TERMS.search(_NOTICE_NAME.sub(" ", text))):
            return True
    # ("Your continued use after any change means you accept the new Terms": a deemed acceptance
    # of every future change is a term, not a banner about one update)
    rule = bool(_ANY_CHANGE.search(text)) and not DATE.search(text)
    if (_CONTINUE.search(text) and not rule or (soft := _ANNOUNCE_SOFT.search(text)) and not _term_after(text, soft.end())) \
            and not _NOTICE_TERMS.search(_NOTICE_NAME.sub(" ", text)):
        return True
    if (_CONTINUE_MORE.search(text) and not rule and not _NOTICE_TERMS.search(_NOTICE_NAME.sub(" ", text))
            and not _CHANGE_POWER.search(text)):
        return True
    if (_CHECK_BACK.search(text) and not _NOTICE_TERMS.search(_NOTICE_NAME.sub(" ", text))
            and not _CHANGE_POWER.search(text)):
        return True
    if (_PREVIEW.search(text) and not _NOTICE_TERMS.search(_NOTICE_NAME.sub(" ", text))
            and not _PREVIEW_NOT.search(text)):
        return True
    return stamps and is_update_stamp(text)


# Where an announcement goes on past a colon or a dash ("We have updated our terms: disputes now go
# to binding arbitration"), and what that tail may say that is still about the page: an invitation
# to read it ("please review them", "here's what you need to know", "see what's changed").
_ANNOUNCE_COLON = re.compile(r"\s*(?::|—|–|\s-)\s+")
_READ_ON = re.compile(r"^\W*(?:please\s+|you\s+(?:can|may|should)\s+)?(?:read|review|see|view|learn|click|tap|find|check|"
                      r"visit|take\s+a\s+(?:moment|look|minute)|here['’]?s|here\s+(?:is|are)|what\s+you\s+need|"
                      r"thank|we\s+encourage|veuillez|consultez|lisez|bitte|lesen)\b", re.I)


def _term_after(text: str, end: int) -> bool:
    """Whether the announcement that ends at ``end`` in ``text`` is followed, past a colon or a
    dash within 80 characters, by a clause that states something itself (at least three words, a
    verb, no announcement, pointer or invitation to read): "We have updated our terms: disputes now
    go to binding arbitration" announces a term and states it. Raises nothing."""
    head = text[end:end + 80]
    m = _ANNOUNCE_COLON.search(head)
    if m is None or "." in head[:m.start()]:
        return False
    tail = text[end + m.end():].strip()
    ws = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", tail.lower())
    return (len(ws) >= 3 and has_verb(ws) and not _READ_ON.search(tail) and not is_pointer(tail)
            and not is_announcement(tail))


# A change in general, not one update: "after a change", "any modifications", "such changes",
# "whenever we post", "once changes are published", "toute modification", "jede Änderung". A
# sentence binding the user to every such change by their use is a rule (acceptance), a term.
_ANY_CHANGE = re.compile(
    r"\b(?:a|any|such|each|every|future|subsequent)\s+(?:[\w-]+\s+){0,2}?(?:changes?|modifications?|amendments?|"
    r"updates?|revisions?|versions?)\b|"
    r"\b(?:when|whenever|if|once|after)\s+(?:we|it|they|(?-i:[A-Z])[\w&.-]+)\s+(?:(?:have|has)\s+)?"
    r"(?:post|publish|make|change|update|modify|amend|revise)\w*\b|"
    r"\b(?:changes?|modifications?|updates?|amendments?)\s+(?:are|is|have\s+been|has\s+been)\s+"
    r"(?:posted|published|made|notified)\b|"
    r"\b(?:toute|toutes|chaque|une|de\s+telles|ces\s+éventuelles|d['’]éventuelles)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:modifications?|mises?\s+à\s+jour)\b|\b(?:lorsque|dès\s+que|quand)\s+nous\s+(?:modifions|publions|"
    r"mettons)\b|"
    r"\b(?:jede[rnm]?|einer|solche[rnm]?|etwaige[rn]?|künftige[rn]?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:änderung(?:en)?|aktualisierung(?:en)?)\b|\bwenn\s+wir\b[^.;]{0,40}?\b(?:ändern|aktualisieren|"
    r"veröffentlichen)\b", re.I)


# Advice to come back and read the text again: "Make sure that you check back from time to time,
# as these policies may change", "Please review this page periodically", "Consultez régulièrement
# cette page", "Bitte lesen Sie diese Seite regelmäßig". The power to change the terms is a term
# where the text grants it ("We may change these terms at any time"), not in the advice.
_CHECK_BACK = re.compile(
    r"\b(?:check|review|visit|consult|read|revisit)\s+(?:back\s+|(?:this|these|the|our)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:page|terms|polic(?:y|ies)|guidelines|agreement|conditions|notice|statement|rules)\s+)?"
    r"(?:from\s+time\s+to\s+time|periodically|regularly|frequently|often)\b|"
    r"\bconsult(?:er|ez)\s+(?:régulièrement|périodiquement)\b|"
    r"\bregelmäßig\s+(?:zu\s+)?(?:prüfen|überprüfen|besuchen|lesen|nachsehen)\b|"
    r"\b(?:prüfen|überprüfen|besuchen|lesen)\s+sie\s+(?:diese|die)\s+[\w-]+\s+regelmäßig\b", re.I)
_CHANGE_POWER = re.compile(r"\b(?:we|us|(?-i:[A-Z])[\w&.-]+)\s+(?:may|can|will|shall|reserves?)\b|\bnous\s+"
                           r"(?:pouvons|pourrons)\b|\bwir\s+(?:können|dürfen|behalten)\b", re.I)


# --- a notice of an outage or of maintenance -------------------------------------------------------
# "We're temporarily unable to process new sign-ups online due to scheduled maintenance from Friday
# 6pm to Saturday 6pm", "Le service est temporairement indisponible pour cause de maintenance",
# "Wegen Wartungsarbeiten ist die Registrierung vorübergehend nicht möglich": a banner about the
# service now, shown for a day or two, not a term. A term about maintenance says what may happen
# ("We may suspend the service for scheduled maintenance"): it has a modal or names a right.
_OUTAGE_CAUSE = re.compile(
    r"\b(?:maintenance|outage|technical\s+(?:issues?|difficult(?:y|ies)|problems?)|system\s+upgrade|"
    r"panne|incident\s+technique|wartung\w*|technische[nr]?\s+(?:problem\w*|störung\w*)|störung\w*|"
    r"mantenimiento|problemas?\s+técnicos?|manutenzione|"
    # a pause for an event of the day: "due to the ongoing conflict", "as part of our recent
    # suspension of ads in <country>", "en raison de la situation actuelle", "aufgrund der aktuellen Lage"
    r"(?:ongoing|current|recent)\s+(?:war|conflict|crisis|situation|events?|emergency|outbreak|pandemic|"
    r"suspension|pause|closure)|covid(?:-?19)?|pandemic|"
    r"(?:situation|crise|guerre|conflit)\s+(?:actuelle?|en\s+cours)|(?:aktuellen?|derzeitigen?)\s+"
    r"(?:lage|situation|krise|krieg\w*|konflikt\w*|ereignisse))\b", re.I)
_OUTAGE_NOW = re.compile(
    r"\b(?:we(?:'re|’re|\s+are)\s+(?:currently\s+|temporarily\s+)?(?:unable|not\s+able|experiencing)|"
    r"(?:is|are)\s+(?:currently\s+|temporarily\s+)?(?:unavailable|down|offline|closed|not\s+available)|"
    r"(?:currently|temporarily)\s+(?:unavailable|down|offline|closed|unable|not\s+available)|"
    r"(?:undergoing|under(?:going)?\s+(?:scheduled\s+)?maintenance)|"
    r"(?:apologi[sz]e|apologies|sorry)\s+for\s+(?:any|the)\s+inconvenience|"
    r"temporairement\s+(?:indisponible|fermée?s?|suspendue?s?|impossible)|actuellement\s+indisponible|"
    r"(?:nous\s+nous\s+excusons|veuillez\s+nous\s+excuser|nous\s+vous\s+prions\s+de\s+nous\s+excuser)\s+pour\s+"
    r"(?:la|toute|les)\s+gêne|"
    r"vorübergehend\s+(?:nicht\s+(?:verfügbar|erreichbar|möglich)|geschlossen|eingeschränkt)|derzeit\s+nicht\s+"
    r"(?:verfügbar|erreichbar|möglich)|entschuldigen\s+(?:Sie\s+)?(?:uns\s+)?(?:für\s+)?(?:die|etwaige)\s+unannehmlichkeiten|"
    r"temporalmente\s+(?:no\s+disponible|fuera\s+de\s+servicio|cerrad[oa])|disculpe(?:n)?\s+las\s+molestias|"
    r"temporaneamente\s+(?:non\s+disponibile|sospes[oa])|"
    # "we will be temporarily pausing ads", "we will also pause sign-ups", "we have suspended orders"
    r"we(?:['’]re|\s+are|\s+will\s+be)\s+(?:temporarily\s+)?(?:pausing|suspending|halting|stopping)|"
    r"we(?:['’]ll|\s+will)\s+(?:also\s+)?(?:temporarily\s+)?(?:pause|halt)|"
    r"we(?:['’]ve|\s+have)\s+(?:temporarily\s+)?(?:paused|suspended|halted|stopped)|"
    r"nous\s+(?:suspendons|avons\s+suspendu|mettons\s+en\s+pause)|(?:setzen|stellen)\s+wir\s+\w+(?:\s+\w+){0,4}?\s+"
    r"(?:vorübergehend\s+)?(?:aus|ein)\b|wir\s+(?:haben\s+)?(?:\w+\s+){0,4}?vorübergehend\s+(?:ausgesetzt|eingestellt|pausiert))",
    re.I)
_OUTAGE_TERM = re.compile(
    r"\b(?:may|might|can|could|shall|must|reserves?|right|entitled|liable|liability|"
    r"peut|peuvent|pouvons|pourr\w+|réserve|droit|responsab\w+|kann|können|dürfen|behält|vorbehalt\w*|haft\w*|"
    r"puede|pueden|podemos|podrá\w*|reserva|derecho|responsab\w+|può|possono|diritto)\b", re.I)


def is_outage_notice(text: str) -> bool:
    """A notice about the service now rather than a term: an outage or maintenance said as
    happening ("We're temporarily unable to ... due to scheduled maintenance", "Apologies for any
    inconvenience caused by the outage"; fr, de, es, it too), with no modal and no right or
    liability named (a term says what may happen: "We may suspend the service for maintenance")."""
    if len(text.split()) > 60:
        return False
    return bool(_OUTAGE_CAUSE.search(text) and _OUTAGE_NOW.search(text) and not _OUTAGE_TERM.search(text))


def is_announcement_heading(heading: str) -> bool:
    """A heading over a list of what changed ("Summary of recent changes", "What's new"), or over
    a page's generated summary box ("AI-generated Key Takeaways", "Key takeaways", "TL;DR",
    "Points clés"): the clauses under it describe what the text says or changed elsewhere. A date
    line is not one (terms often sit under "Effective 1 May 2026")."""
    text = re.sub(r"[*_`#\\]+", " ", heading)
    return len(text.split()) <= 8 and bool(_ANNOUNCE.search(text) or _SUMMARY_BOX.match(text)
                                           or _CHANGELOG_TITLE.match(text))


# The title of a document's own record of its past updates ("Change log", "Revision history",
# "Historique des modifications"): each entry under it reports a change made in the text, which
# is labelled where it was made ("January 10, 2024: Updated the contact address ...").
_CHANGELOG_TITLE = re.compile(
    r"^\W*(?:change\s*-?\s*log|(?:revision|version|document|update|amendment|change)s?\s+(?:history|log)|"
    r"history\s+of\s+(?:changes|revisions|updates|amendments|versions)|(?:log|record)\s+of\s+(?:changes|revisions|updates|amendments)|"
    r"historique\s+des\s+(?:modifications|versions|révisions|mises\s+à\s+jour)|"
    r"änderungs(?:historie|verlauf|protokoll|übersicht)|versions(?:historie|verlauf)|"
    r"historial\s+de\s+(?:cambios|versiones|revisiones)|registro\s+de\s+cambios)\W*$", re.I)


# The heading of a summary box a site puts above its pages, made by a program or in a few points
# ("AI-generated Key Takeaways", "Key takeaways", "TL;DR", "Points clés", "Puntos clave"); a
# summary section the text itself holds ("Summary of this policy") is read as usual.
_SUMMARY_BOX = re.compile(r"^\W*(?:(?:ai|machine)[-\s]generated\b.*|key\s+takeaways?|tl\s?;?\s?dr|points?\s+clés|"
                          r"(?:résumé|zusammenfassung|resumen)\s+(?:généré|generiert|generado)\b.*|puntos\s+clave)\W*$",
                          re.I)


# --- error pages -------------------------------------------------------------------------------
_ERROR_PAGE = re.compile(
    r"\b(?:page\s+(?:not\s+found|introuvable|non\s+trouvée)|(?:this|the)\s+page\s+(?:does\s+not|"
    r"doesn['’]t|could\s+not|cannot)\s+(?:exist|be\s+found)|(?:error|erreur|fehler)\s+40[34]|"
    r"40[34]\s+(?:error|not\s+found|forbidden)|cette\s+page\s+n['’]existe\s+(?:pas|plus)|"
    r"(?:seite|diese\s+seite)\s+(?:wurde\s+)?nicht\s+gefunden|diese\s+seite\s+existiert\s+nicht|"
    r"access\s+denied|service\s+(?:temporarily\s+)?unavailable|something\s+went\s+wrong|"
    r"we\s+couldn['’]t\s+find\s+(?:that|this|the)\s+page)\b", re.I)


# A site's own "not found" page said in a sentence ("We can't find the page you were trying to
# reach", "Nous ne trouvons pas la page", "Wir können die Seite nicht finden"), under a title that
# may only apologise ("We're Sorry.") and after a line of the site's menu.
_NOT_FOUND_SAID = re.compile(
    r"\b(?:can['’]?t|cannot|could\s*n['’]?t|could\s+not|unable\s+to)\s+(?:seem\s+to\s+)?find\s+(?:the|this|that)\s+page\b|"
    r"\bpage\s+you\s+(?:were|are)\s+(?:trying\s+to\s+reach|looking\s+for|requested)\s+(?:does\s*n['’]?o?t|"
    r"could\s+not|cannot|can['’]t|is\s+no\s+longer|no\s+longer)\b|"
    r"\bne\s+(?:trouvons|pouvons\s+(?:pas\s+)?trouver)\s+pas\s+(?:la|cette)\s+page\b|"
    r"\b(?:können|konnten)\s+(?:die|diese)\s+seite\s+nicht\s+finden\b", re.I)


def is_error_page(text: str) -> bool:
    """Whether a whole captured version is an error or placeholder page ("Page not found",
    "Cette page n'existe pas", "Seite nicht gefunden", "Access denied"): a short text (at most
    40 words) whose first line says so, or a text of at most 120 words one of whose first five
    lines says the page could not be found ("We can't find the page you were trying to reach"
    under "We're Sorry."). Such a capture is extraction noise: the terms did not change."""
    words = text.split(None, 120)  # 121 pieces: more than 120 words (a whole document is not split)
    if not 0 < len(words) <= 120:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if len(words) <= 40 and lines and _ERROR_PAGE.search(lines[0]):
        return True  # the page's title or first line says so
    return any(_NOT_FOUND_SAID.search(line) for line in lines[:5])


_CLEAN_END = re.compile(r"[.!?;:)\]\"'»”’>]$")
_TAIL_MARKUP = " \t\n|*_-#>"
_LINK_TEXT = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")  # a Markdown link, read as its text


def _cut_link(tail: str) -> bool:
    """Whether ``tail`` ends on a Markdown link whose text stops inside the words its target
    spells ("[WHERE THIS PRIVACY POLI](#where-this-privacy-policy-applies)"): the text was cut."""
    m = re.search(r"\[([^\[\]]*)\]\(([^()\s]*)\)$", tail)
    if not m:
        return False
    text = re.sub(r"[^a-z0-9]+", "-", m.group(1).lower()).strip("-")
    target = re.sub(r"[^a-z0-9]+", "-", re.split(r"[#/]", m.group(2).lower())[-1]).strip("-")
    return len(text) >= 2 and target.startswith(text) and len(target) > len(text) and target[len(text)] != "-"


def _mid_line(tail: str, long: str) -> bool:
    """Whether the last words of ``tail`` occur in ``long`` followed, on the same line, by more
    text (a sentence or a cell that goes on there)."""
    last = tail.split()[-8:]
    m = re.search(r"\s+".join(map(re.escape, last)), long)
    if m is None:
        return False
    line_end = long.find("\n", m.end())
    return bool(long[m.end():line_end if line_end >= 0 else len(long)].strip(_TAIL_MARKUP))


def truncated_side(old: str, new: str, *, most: float = 0.7, rest: float = 0.3) -> str | None:
    """Which side of a pair is a capture cut off mid-document: ``"new"``, ``"old"`` or None.

    A side is cut off when it is shorter than ``most`` of the other (share of characters), stops
    without a sentence end (mid-word, mid-cell, mid-sentence), and its last ~100 characters
    (whitespace ignored) occur in the other text, which goes on for at least ``rest`` of its
    length, and 90% of its other lines are lines of the other text. Such a capture is an extraction failure (a page that stopped loading, a size cap),
    not terms that were removed; its recovery is not new terms either. A text cut at a clean
    sentence end is not called cut off: deleting the last sections is a real change. A smaller
    cut (up to 98% of the other kept, at least 200 characters gone) counts when it falls inside
    a line of the other text."""
    for short, long, side in ((new, old, "new"), (old, new, "old")):
        if not 200 <= len(short) < 0.98 * len(long):
            continue
        tail = " ".join(short.split()).rstrip(_TAIL_MARKUP)
        seen = _cut_link(tail)
        if seen:
            # a capture cut inside a link's text ("[WHERE THIS POLI](#where-this-policy-applies)")
            # ends on the link's target, whose ")" is no sentence end: read as seen
            tail = _LINK_TEXT.sub(r"\1", tail)
        if not tail or _CLEAN_END.search(tail):
            continue
        cut = tail.rfind(" ")  # the last word may itself be cut ("vie" of "viewing")
        probe = tail[max(0, cut - 100):cut] if cut > 0 else ""
        if len(probe) < 40:
            continue
        whole = " ".join((_LINK_TEXT.sub(r"\1", long) if seen else long).split())
        at = whole.find(probe)
        if at < 0:
            continue
        if len(short) >= most * len(long) or len(whole) - (at + len(probe)) < rest * len(whole):
            # a smaller cut counts only when it falls inside a line of the other text (mid-
            # sentence, mid-cell: "shall be determined by mandatory" where the other goes on
            # "final and binding ..."): deleting the last sections ends where a line ends
            if not _mid_line(tail, long) or len(whole) - (at + len(probe)) < 200:
                continue
        # and what it kept is the other's text, unchanged: a cut hides no edit made before it
        lines = [line.strip() for line in short.splitlines() if line.strip()][:-1]
        theirs = {line.strip() for line in long.splitlines()}
        if lines and sum(line in theirs for line in lines) >= 0.9 * len(lines):
            return side
    return None


# A line of a table of contents: a link, alone on its line (a list item at most), to a place in the page
_TOC_ENTRY = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?\[([^\[\]]*\w[^\[\]]*)\]\(#[^()\s]*\)\s*$")
SECTIONS_LOST_LEAST = 2  # sections a capture's own contents list names and it lacks: one may be a stale entry
SECTIONS_LOST_SHARE = 0.25  # ... and at least this share of the list's entries


_KEY_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[#*_`\\]+")  # a link (read as its text) or emphasis


def _line_key(text: str) -> str:
    """A line compared without markup, link targets, case or punctuation."""
    return re.sub(r"[^\w]+", " ", _KEY_MARKUP.sub(lambda m: m.group(1) or " ", text).lower()).strip()


def _contents_and_lines(text: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(the entries of ``text``'s table of contents, as (key, text as written), and the keys of
    all its other lines)."""
    contents, lines = [], set()
    for line in text.splitlines():
        if m := _TOC_ENTRY.match(line):
            contents.append((_line_key(m.group(1)), " ".join(m.group(1).replace("\\", "").split())))
        elif line.strip():
            lines.add(_line_key(line))
    return contents, lines


def sections_lost_side(old: str, new: str, *, most: float = 0.7) -> tuple[str, list[str]] | None:
    """Which side of a pair is a capture that lost sections of the page, and which: (``"new"`` or
    ``"old"``, the lost sections' titles as its contents list writes them), or None.

    A side lost them when its own table of contents (links to places in the page, each alone on
    its line) still lists sections, as the other side's does, whose headings the other side has
    and it has nowhere else (``SECTIONS_LOST_LEAST`` of them at least, and
    ``SECTIONS_LOST_SHARE`` of its entries), and it is shorter than ``most`` of the other side.
    Terms that drop sections drop them from their contents too; a capture whose rendering stopped
    or skipped part of the page keeps the list it had and loses the text under it (the middle of
    a page gone, a heading left empty, where ``truncated_side`` sees only a clean end). The
    recovery from such a capture is not new terms either."""
    if "](#" not in old or "](#" not in new:
        return None  # (cheap: no table of contents of links on one side)
    for short, long, side in ((new, old, "new"), (old, new, "old")):
        if len(short) >= most * len(long):
            continue
        contents, lines = _contents_and_lines(short)
        enough = max(SECTIONS_LOST_LEAST, SECTIONS_LOST_SHARE * len(contents))
        missing = [(key, written) for key, written in contents if key and key not in lines]
        if len(missing) < enough:
            continue  # (the other side is read only when this one lacks enough of its sections)
        their_contents, their_lines = _contents_and_lines(long)
        listed = {key for key, _ in their_contents}
        lost = [written for key, written in missing if key in listed and key in their_lines]
        if len(lost) >= enough:
            return side, lost
    return None


def empty_side(old: str, new: str) -> str | None:
    """Which side of a pair is an empty capture (no letter at all: a blank file, or markup
    alone) against a text of at least ``_BLANK_WORDS`` words: ``"new"``, ``"old"`` or None. An
    empty capture is a fetch or extraction that failed, whatever the other side holds (terms, or
    a login form captured in their place): neither it nor the recovery from it is a change of
    terms. ``not_terms_side`` tells a title alone against a document."""
    for short, long, side in ((new, old, "new"), (old, new, "old")):
        if not _LETTERS.search(short) and len(_LETTERS.findall(long)) >= _BLANK_WORDS:
            return side
    return None


# An excerpt cut off by the site, before its "Read more" control: "... may remove or disable access to any such con…"
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])[\s*_]*$")
_EXCERPT_PROBE = 60  # characters of an excerpt's opening (whitespace squeezed) looked up in the other side
_TEASER_SHARE = 0.5  # share of a side's letters in excerpts for it to be a page of excerpts
_TEASER_AT_MOST = 0.5  # ... and at most this share of the other side's characters


def _excerpts(text: str) -> list[str]:
    """The excerpts of ``text`` a site cut off before a "Read more" control: each a line ending
    in an ellipsis ("…", "...") whose next non-blank line is only such a control
    (``fetch.guards.is_more_control``), stripped."""
    from tracker.fetch.guards import is_more_control

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line, after in zip(lines, lines[1:]) if _ELLIPSIS_END.search(line) and is_more_control(after)]


def teaser_side(old: str, new: str, *, long_enough: int = 2000) -> str | None:
    """Which side of a pair is a page of excerpts rather than the terms: ``"new"``, ``"old"`` or
    None.

    Such a side is an index or a folded page whose text is mostly excerpts the site cut off with
    an ellipsis before a "Read more" / "Lire la suite" / "Mehr anzeigen" control (one excerpt of
    each document of a legal hub, or the start of the terms folded behind a click): at least half
    of its letters are in those excerpts, it is at most half as long as the other side (a
    document of at least ``long_enough`` characters, with no such excerpt itself), and one of the
    excerpts opens with the other side's words (it is a glimpse of that document). The terms
    were neither removed nor rewritten: the recovery from such a page is not new terms either.

    Args:
        old: the earlier text of the pair.
        new: the later text.
        long_enough: the least length of the other side, in characters.

    Returns:
        "new" or "old", the side that is the page of excerpts, or None.
    """
    if "…" not in old + new and "..." not in old + new:
        return None  # (cheap: every excerpt ends on one)
    for short, long, side in ((new, old, "new"), (old, new, "old")):
        if len(long) < long_enough or len(short) > _TEASER_AT_MOST * len(long):
            continue
        excerpts = _excerpts(short)
        if not excerpts or _excerpts(long):
            continue
        if len(_LETTERS.findall(" ".join(excerpts))) < _TEASER_SHARE * len(_LETTERS.findall(short)):
            continue
        whole = " ".join(_LINK_TEXT.sub(r"\1", long).split())
        for excerpt in excerpts:
            opening = " ".join(_LINK_TEXT.sub(r"\1", excerpt).split())[:_EXCERPT_PROBE]
            if len(opening) == _EXCERPT_PROBE and opening in whole:
                return side
    return None


_LETTERS = re.compile(r"[^\W\d_]+")
_BLANK_WORDS = 8  # words of a capture that holds nothing but a title, a logo's text or a line of menu
_DOCUMENT_WORDS = 100  # words of the other side: a short policy is still a document
# a sentence (three words or more, then a full stop): "Credits expire after 12 months." is a term,
# however short the page that now holds it; a title or a menu line ends on no stop
_SENTENCE = re.compile(r"[^\W\d_]+\W+\w+\W+\w+[^.!?\n]*[.!?](?:\s|$)")


def not_terms_side(old: str, new: str, *, at_most: float = 0.2, long_enough: int = 2000) -> str | None:
    """Which side of a pair is a capture of some other page than the terms: ``"new"``, ``"old"``
    or None.

    A side is such a capture when it is a short text (``fetch.guards.LITTLE_TEXT`` characters at
    most) holding at most ``at_most`` of the other side's characters, the other side is terms (at least ``long_enough`` characters and ``fetch.guards.TERMS_LIKE``
    distinct legal patterns) and it has hardly any legal vocabulary itself (fewer than
    ``fetch.guards.HOLLOW_LEGAL`` patterns: a title, an error notice, a landing page, a blank
    shell of a page that failed to render). A longer page is left alone here: an early short
    version of a policy (a FAQ about data) may well be the terms it then was; a longer landing or
    marketing page is told by ``tracker.analysis.scope.other_page_side``. A run refuses such a
    page (``tracker.run.decide``); an imported history or a compared pair may still hold one, and
    neither it nor the recovery from it is a change of terms. A side of fewer than ``_BLANK_WORDS``
    words (an empty file, a title alone) is such a capture against any document of
    ``_DOCUMENT_WORDS`` words or more, however short.
    """
    from tracker.fetch.guards import HOLLOW_LEGAL, LITTLE_TEXT, TERMS_LIKE, legal_vocabulary

    for short, long, side in ((new, old, "new"), (old, new, "old")):
        if len(short) <= LITTLE_TEXT and len(_LETTERS.findall(short)) < _BLANK_WORDS \
                and len(_LETTERS.findall(long)) >= _DOCUMENT_WORDS and not _SENTENCE.search(short):
            return side  # an empty file, or a title alone, against a document: a capture that failed
        if len(short) > LITTLE_TEXT or len(long) < long_enough or len(short) > at_most * len(long):
            continue
        if legal_vocabulary(_FORM_ASSENT.sub(" ", short)) < HOLLOW_LEGAL and legal_vocabulary(long) >= TERMS_LIKE:
            return side
    return None


# A sign-up or log-in form's assent line ("By signing up, you agree to our Terms of Use and Privacy
# Policy", "By continuing, you accept the terms"): it names the documents, and is all the legal
# vocabulary a form captured in place of them holds.
_FORM_ASSENT = re.compile(
    r"\bby\s+(?:signing\s+(?:up|in|on)|logging\s+in|registering|creating\s+(?:an?\s+|your\s+)?account|"
    r"continuing|joining|subscribing|clicking\s+[^.;,\n]{1,40}?)\s*,?\s+you\s+(?:(?:also\s+)?(?:agree|accept|consent|"
    r"acknowledge)\w*)\b[^.;\n]{0,120}", re.I)


# --- pointers --------------------------------------------------------------------------------
_POINTER = re.compile(
    r"^(?:(?:please\s+)?(?:also\s+)?(?:see|read|review|visit|consult|refer\s+to|check\s+out|learn\s+more|"
    r"find\s+out|click\s+here|for\s+more\s+(?:information|details)|(?:more|further)\s+information|"
    r"for\s+(?:further\s+|additional\s+)?(?:information|details)\s+(?:about|on|regarding|concerning)|"
    r"to\s+learn\s+more|you\s+can\s+(?:find|read|learn)|we\s+encourage\s+you\s+to\s+read|"
    # "We have other important terms that we like you to read, including our [X]", "Nous vous
    # invitons à consulter ...", "Bitte lesen Sie auch ...": other documents commended to the reader
    r"we\s+have\s+other\s+(?:important\s+)?(?:terms|policies|documents|conditions)\s+(?:that\s+|which\s+)?(?:we\s+"
    r"(?:would\s+)?(?:like|want|ask|recommend)\s+you\s+to\s+read|you\s+should\s+(?:also\s+)?read)|"
    r"we\s+(?:would\s+)?(?:like|recommend|want|ask)\s+you\s+to\s+(?:also\s+)?read|"
    r"nous\s+vous\s+(?:invitons|recommandons|encourageons)\s+(?:également\s+)?à\s+(?:lire|consulter)|"
    r"bitte\s+lesen\s+sie\s+(?:auch|zudem|außerdem)|"
    r"you\s+(?:may|can|should)\s+(?:also\s+)?(?:refer\s+to|consult)\b|"
    r"you(?:['’]ll|\s+will)\s+find\s+(?:more|further|additional|all\s+the|the)?\s*(?:information|details)|"
    r"you\s+can\s+(?:see|view|check)\s+(?:which|what|how|where|more|the\s+(?:list|details))\b|"
    r"in\s+(?:the|our)\s+[\w\s]{2,40}(?:policy|notice|statement|terms),\s+we\s+explain|"
    r"(?:this|the)\s+[\w\s]{2,40}(?:policy|notice|page)\s+(?:explains|describes)|"
    # what the document itself is for: "The purpose of this Privacy Policy is to inform you about
    # how ...", "Our Privacy Policy also explains how ...", "La présente politique a pour objet de
    # vous informer ...": the page describing itself, its terms are in its body
    r"(?:the\s+)?(?:main\s+)?purpose\s+of\s+(?:this|the|our)\s+(?:[\w-]+\s+){0,4}?(?:policy|notice|statement|page|"
    r"document|charter)\s+is\s+to\s+(?:inform|tell|explain|describe|help\s+you\s+understand|let\s+you\s+know)|"
    r"(?:this|our)\s+(?:updated\s+|current\s+)?(?:[\w-]+\s+){0,3}?(?:policy|notice|statement)\s+(?:also\s+)?"
    r"(?:explains|describes|tells\s+you|informs\s+you)|"
    r"(?:la\s+présente|cette|notre)\s+(?:politique|charte|notice|déclaration)\s+(?:[\w'’-]+\s+){0,4}?(?:a\s+pour\s+(?:objet|"
    r"but|objectif)\s+de\s+vous\s+(?:informer|expliquer)|vous\s+informe|explique|décrit)|"
    r"pour\s+(?:en\s+savoir\s+plus|plus\s+d['’]informations)|consultez|voir|"
    r"(?:en\s+savoir|découvrez-en)\s+plus|plus\s+d['’]informations|(?:retrouvez|découvrez)\s+(?:plus|davantage|"
    r"le\s+détail|les\s+détails|toutes?\s+les)|cliquez\s+ici|rendez-vous\s+sur|vous\s+pouvez\s+(?:trouver|"
    r"retrouver|lire)|vous\s+trouverez\s+(?:plus|davantage|le\s+détail|les\s+détails|des\s+"
    r"informations)|"
    r"weitere\s+informationen|mehr\s+(?:dazu|erfahren|informationen)|siehe|erfahren\s+sie\s+mehr|"
    r"hier\s+finden\s+sie|klicken\s+sie\s+hier|(?:informationen|details)\s+(?:dazu|hierzu)\s+finden\s+sie|"
    # a line that introduces a table or list of the page: the rows carry the terms
    r"(?:the|this)\s+(?:table|chart|list|overview)\s+(?:below|above)|below\s+(?:is|you\s+will\s+find)|"
    r"(?:le|ce)\s+tableau(?:\s+ci-dessous)?|ci-dessous,?\s+vous\s+trouverez|"
    r"(?:die|der)\s+(?:folgende|nachfolgende|untenstehende)\s+(?:tabelle|übersicht|liste)|"
    r"nachfolgend\s+finden\s+sie|"
    # where to look something up: "Each user may confirm the purchase limits on the ... page"
    r"(?:each\s+|the\s+)?(?:you|users?|customers?|members?)\s+(?:can|may)\s+(?:confirm|check|view|consult|look\s+up)"
    r"\b(?=[^.;]{3,200}?\s(?:on|at|in|via|from)\s)(?![^.;]*\b(?:only|solely|exclusively|not|never|must|agree|may|will|shall|can|cannot|"
    r"(?:personal|commercial)\s+(?:use|purposes?))\b)))\b", re.I)


# Words of a user interface or a contact channel: a changed way to reach a feature or a form.
UI_WORDS = frozenset("""click clicking clicked tap button buttons form forms menu page pages tab tabs
link links settings dashboard icon portal screen window field fields dropdown item option
contact support team ticket chat email online app website select choose contacting contacted
contacts reach reaching emailing calling call write writing submit submitting
cliquer cliquez cliquant bouton boutons formulaire rubrique onglet espace client clients page lien
menu item rendez vous connectant connecter fonctionnalité ligne sélectionnez choisissez contact
service commande commandes compte
klicken klick schaltfläche formular menü seite link einstellungen kundenkonto bereich kontakt
button""".split())
_CONTACT_INTRO = re.compile(r"\b(?:coordonnées|contact details|contact information|kontaktdaten)\b"
                            r".{0,40}\b(?:suivantes|follows|below|lauten|sind)\b", re.I)


# "If you believe that ..., please see our copyright process": a condition, then only a pointer.
# ... or whom it is for: "For individuals in the United States, please refer to our state notice";
# "Pour les résidents de l'UE, veuillez consulter ...".
_IF_THEN_SEE = re.compile(r"^(?:if|when|where|should|for|in|as|pour|für)\b[^.;]{0,200},\s*(?:(?:please\s+)?(?:see|"
                          r"review|visit|refer\s+to|read|consult|check)|you\s+(?:can|may)\s+(?:also\s+)?(?:learn|find|read|see|"
                          r"review)|you\s+(?:can|may)\s+(?:also\s+)?\[?(?:view|access|consult|download)\s+(?:[\w’'-]+\s+){0,4}?"
                          r"(?:policy|policies|terms|notice|statement|version|conditions|summary)|(?:veuillez\s+)?consult(?:er|ez)|(?:vous\s+pouvez\s+)?(?:voir|lire)|"
                          r"(?:bitte\s+)?(?:lesen|beachten)\s+sie)\b", re.I)


# "To read our EU privacy policy click here", "Pour consulter nos CGV, cliquez ici": where a link
# leads, and nothing after it.
_TO_CLICK = re.compile(r"^(?:to|pour|um)\s+[^.;]{3,100}?,?\s+(?:please\s+|veuillez\s+|bitte\s+)?(?:click|tap|"
                       r"cliquez|cliquer|klicken\s+sie|klicke|navigate|go|head(?:\s+over)?|rendez-vous|allez|"
                       r"gehen\s+sie)(?:\s+on|\s+to)?\s+(?:here|below|this\s+link|ici|hier)"
                       r"[\s.!:*_)\]]*(?:\([^)]*\))?[\s.!]*$", re.I)


# "To view our request statistics, please visit our Statistics page", "Pour consulter nos tarifs,
# rendez-vous sur notre page dédiée", "Um die Liste einzusehen, besuchen Sie unsere Hilfeseite":
# reading something, then only where it is. The purpose is to read or look something up, never to
# act on a right ("To opt out, visit our settings page" is how to exercise it: read as usual).
_TO_VISIT = re.compile(
    r"^(?:to\s+(?:view|see|read|find|learn|review|consult|check)\b|pour\s+(?:consulter|voir|lire|prendre\s+"
    r"connaissance|en\s+savoir|connaître|découvrir|retrouver)\b|um\s+[^.;,]{1,60}?\s+(?:zu\s+(?:sehen|lesen|finden|"
    r"erfahren)|einzusehen|anzusehen|nachzulesen)\b)[^.;:]{0,100}?,\s*(?:please\s+|veuillez\s+|bitte\s+)?"
    r"(?:visit|see|go\s+to|head\s+to|refer\s+to|consult|check|rendez-vous\s+sur|consultez|visitez|allez\s+sur|"
    r"(?:besuchen|lesen|öffnen|konsultieren)\s+sie(?:\s+bitte)?)\s+(?:our|the|this|notre|nos|la|le|les|cette|ce|unsere?n?|die|den|"
    r"das|diese)\s+[^.;:]{0,80}?\b(?:pages?|site|website|web\s+page|centre|center|portal|section|"
    r"site\s+web|rubrique|espace|\w*seite|website|\w*bereich|portal)\b(?:\s+[^\s.;:,]+){0,3}?[\s.!*_)\]]*$", re.I)


# "The Privacy Policy for advertisers is available here", "Our cookie notice can be found at
# [link]", "La politique ... est disponible ici", "Die Datenschutzerklärung ... ist hier abrufbar":
# where another document is, and nothing after it (the link's words stand for its target).
_DOC_NAMED = (r"(?:polic(?:y|ies)|notices?|terms|statements?|conditions|agreements?|guidelines|versions?|supplements?|"
              r"politiques?|charte|cgu|cgv|\w*erklärung|\w*richtlinien?|\w*bedingungen|agb|hinweise?|"
              r"pol[ií]tica|t[ée]rminos|condiciones|aviso)")
_AVAILABLE_AT = re.compile(
    rf"^(?:(?:the|our|this|a|la|le|les|notre|nos|die|der|unsere?|el|nuestra)\s+)?[^.;:]{{0,80}}?\b{_DOC_NAMED}\b"
    r"[^.;:]{0,80}?\s+(?:(?:is|are)\s+(?:also\s+)?(?:available|accessible|published|posted|located)|can\s+(?:also\s+)?be\s+"
    r"(?:found|viewed|read|accessed|consulted)|(?:est|sont)\s+(?:également\s+|aussi\s+)?(?:disponibles?|"
    r"consultables?|accessibles?)|(?:ist|sind)\s+(?:auch\s+)?(?:hier\s+)?(?:abrufbar|verfügbar|einsehbar|zu\s+finden)|"
    r"(?:está|están)\s+(?:también\s+)?disponibles?)"
    r"\s*(?:(?:here|below|ici|hier|aquí|online|en\s+ligne)|(?:at|on|via|from|through|à\s+l['’]adresse|sur|unter|auf|en)"
    r"(?:\s+\S+(?:\s+\S+){0,5}?)?)?[\s.!:*_)\]]*$", re.I)  # (a bare address is taken out of the words read)


_NOTE_LABEL = re.compile(r"^(?:tip|note|hint|good\s+to\s+know|astuce|remarque|à\s+noter|hinweis|tipp)\s*[*_]*\s*:\s*",
                         re.I)


# What a pointer says the other page holds, at its end: "... for additional information about the
# data we collect and your rights", "... pour plus d'informations sur vos droits", "... für weitere
# Informationen zu Ihren Rechten". The topics are the other page's; the pointer only says where it is.
_POINTED_TOPIC = re.compile(
    r",?\s+(?:for|pour|für)\s+(?:(?:more|additional|further|full|complete|detailed)\s+|plus\s+d['’]|de\s+plus\s+amples\s+|"
    r"(?:weitere|mehr|zusätzliche|nähere)\s+)?(?:information|informations|details|détails|informationen|angaben)\s+"
    r"(?:about|on|regarding|concerning|sur|concernant|relatives?\s+à|zu|zum|zur|über)\s"
    r".*$", re.I | re.S)  # (to its end: "U.S." and the like have stops)


def pointer_core(text: str) -> str:
    """``text`` without its links' targets and without the end that says what the page it points
    to holds (``_POINTED_TOPIC``: "... for more information about how we use your data"): the words
    a pointer itself says. Returns the text (links as their words) unchanged when it has no such
    end, or when that end sets something itself: a number, a modal ("... about your interests, and
    we keep them for 5 years") or a second clause before it (";")."""
    plain = _LINK.sub(r"\1", text)
    m = _POINTED_TOPIC.search(plain)
    if m is None or ";" in plain[:m.start()] or re.search(r"\d", m.group(0)) \
            or any(w in MODALS for w in re.findall(r"[^\W\d_]+", m.group(0).lower())):
        return plain
    return plain[:m.start()]


def is_pointer(text: str) -> bool:
    """A sentence that only points elsewhere ("Read our privacy policy", "For more information,
    see ...", "If you believe ..., please see our copyright process"); it carries no term of
    its own. At most 40 words, not counting what it says the other page holds ("Please also see
    our X Notice and our Y Policy for additional information about the data we collect, process,
    share and disclose, and your rights under ...": ``pointer_core``)."""
    stripped = _NOTE_LABEL.sub("", text.strip(" *_-#>\t")).strip(" *_")  # "TIP: You will find ..."
    return (bool(_POINTER.match(stripped)) or bool(_IF_THEN_SEE.match(stripped)) or bool(_TO_CLICK.match(_LINK.sub(r"\1", stripped)))
            or bool(_TO_VISIT.match(_LINK.sub(r"\1", stripped)))
            or bool(_AVAILABLE_AT.match(_LINK.sub(r"\1", stripped)))
            or bool(_CONTACT_INTRO.search(text))) and (len(text.split()) <= 40 or len(pointer_core(stripped).split()) <= 40)


# --- page chrome -----------------------------------------------------------------------------
_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_BREADCRUMB = re.compile(r"\S\s*(?:>|›|»|/|\|)\s*\S")
_COOKIE_BANNER = re.compile(
    r"\b(?:(?:we|this\s+(?:site|website))(?:\s+and\s+(?:our|selected|trusted)\s+(?:\w+\s+){0,2}(?:partners|vendors|"
    r"affiliates|third\s+parties))?\s+uses?\s+cookies|uses\s+cookies\s+to|"
    r"^(?:accept|reject|refuse|decline)\s+all(?:\s+cookies)?\W*$|"
    # a banner's buttons run into one line ("Accept all Reject all Settings")
    r"^(?:accept|allow)\s+all\W+(?:reject|refuse|decline|deny)\s+all\b(?:\W+\w+){0,3}\W*$|^manage\s+(?:your\s+)?(?:choices|consent|cookies)\W*$|"
    r"nous\s+et\s+nos\s+partenaires\s+utilisons\s+des\s+cookies|"
    r"wir\s+und\s+unsere\s+(?:\w+\s+)?\w*partner\s+(?:verwenden|nutzen)\s+cookies|"
    r"by\s+clicking\s+[\"“]?(?:ok|accept|i\s+agree|got\s+it|allow|agree)|accept\s+(?:all\s+)?cookies|"
    r"cookie\s+(?:settings|preferences)|manage\s+(?:your\s+)?(?:cookie\s+)?preferences|"
    r"place\s+these\s+cookies|^i\s+(?:have\s+read|agree|accept|consent)\b|best\s+viewed\s+(?:in|with|using)|nous\s+utilisons\s+des\s+cookies|wir\s+verwenden\s+cookies|"
    r"accepter\s+(?:tous\s+les\s+)?cookies|alle\s+akzeptieren|check\s+out\s+our\s+cookie\s+policy|"
    # Spanish and Italian banners, as the French and German ones above ("Usamos cookies para...")
    r"^(?:(?:nosotros\s+y\s+nuestros\s+socios|este\s+sitio(?:\s+web)?)\s+)?(?:usamos|utilizamos|usa|utiliza)\s+cookies|"
    r"^(?:(?:noi\s+e\s+i\s+nostri\s+partner|questo\s+sito(?:\s+web)?)\s+)?(?:usiamo|utilizziamo|usa|utilizza)\s+"
    r"(?:i\s+)?cookie)",
    re.I)
_CHROME_PHRASES = re.compile(
    r"^(?:table\s+of\s+contents|contents|on\s+this\s+page|jump\s+to|skip\s+to|back\s+to\s+top|"
    r"print|share|download\s+pdf|see\s+contributors|opens?\s+in\s+a\s+new\s+(?:tab|window)|"
    r"sommaire|table\s+des\s+matières|inhaltsverzeichnis|zurück\s+nach\s+oben|"
    r"\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"(?:last\s+comment|posted|answered|asked)\s+by\b.*|by\s+\S+)\s*[.:]?$", re.I)
# A wiki's own notices about the page, not its text: the translation tool's ("This page contains
# changes which are not marked for translation", "This page is a translated version of the page
# Terms and the translation is 87% complete", "Outdated translations are marked like this") and
# its language bar ("Other languages:").
_WIKI_CHROME = re.compile(
    r"^(?:this\s+page\s+(?:contains\s+changes\s+which\s+are\s+|is\s+)not\s+marked\s+for\s+translation|"
    r"this\s+page\s+is\s+a\s+translated\s+version\s+of\s+the\s+page\s+.{1,120}?\s+and\s+the\s+translation\s+is\s+"
    r"\d{1,3}\s*%\s+complete|(?:changes\s+to\s+be\s+translated\s+are|outdated\s+translations\s+are)\s+marked\s+like\s+this|"
    r"translate\s+this\s+page|other\s+languages)\s*[.:]?$", re.I)
# A site's invitation to fill in a form field to browse it ("Enter your address to see what we
# offer in your area", "Enter your ZIP code to check availability"): a menu's prompt, not a term.
_FORM_PROMPT = re.compile(
    r"^(?:please\s+)?(?:enter|type|add|provide)\s+your\s+(?:\w+\s+){0,2}?(?:address|zip(?:\s+code)?|post(?:al\s+)?code|"
    r"location|city|town|e-?mail(?:\s+address)?)\s+(?:below\s+|here\s+)?to\s+(?:see|view|review|check|find|shop|browse|"
    r"explore|discover|get\s+started)\b[^;]{0,100}$", re.I)
_RELATIVE_TIME = re.compile(r"\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b",
                            re.I)
# A help centre's feedback widget under an article ("Was this article helpful?", "Yes", "No",
# "Thanks for your feedback!", "There was an issue submitting your feedback"): it asks the reader
# about the page and states no term, whatever the article is about.
_FEEDBACK = re.compile(
    r"^(?:(?:was|is)\s+this\s+(?:\w+\s+){0,2}(?:helpful|useful)|did\s+(?:this|we)\s+(?:\w+\s+){0,2}"
    r"(?:help|answer\s+your\s+question)|(?:how\s+)?(?:helpful|useful)\s+was\s+this|"
    r"(?:many\s+)?thanks?\s+(?:you\s+)?for\s+(?:your|the)\s+(?:feedback|rating|vote)|"
    r"(?:sorry\s+about\s+that!?\s*)?(?:care\s+to|can\s+you|could\s+you)\s+tell\s+us\s+more|"
    r"what\s+was\s+(?:unhelpful|missing|wrong)|how\s+can\s+we\s+improve\s+(?:it|this)|"
    r"(?:there\s+was\s+)?an?\s+(?:issue|error|problem)\s+(?:occurred\s+)?(?:while\s+)?submitting\s+your\s+feedback|"
    r"please\s+check\s+your\s+connection\s+and\s+try\s+again|\d+\s+(?:out\s+of\s+\d+\s+)?(?:people|users)\s+"
    r"found\s+this\s+helpful|rate\s+this\s+(?:article|page|answer|section)|"
    # the widget's own prompts ("Give feedback about this article", "Choose a section to give
    # feedback on", "Send feedback on this page"): about this page, never about the service
    r"(?:give|send|leave|share|submit|provide)\s+(?:us\s+)?(?:your\s+|some\s+)?feedback\s+(?:about|on|for)\s+"
    r"(?:this|the)\s+(?:article|page|section|answer|topic|doc(?:ument(?:ation)?|s)?)|"
    r"(?:choose|select|pick|highlight)\s+(?:a|the|any)\s+(?:section|part|paragraph|passage|text)\s+(?:\w+\s+)?"
    r"to\s+(?:give|send|leave|share)\s+(?:us\s+)?feedback(?:\s+on)?|"
    r"(?:cet\s+article|cette\s+(?:page|réponse|information))\s+(?:vous\s+)?a[-\s]t[-\s](?:il|elle)\s+été\s+utile|"
    r"merci\s+(?:pour|de)\s+votre\s+(?:avis|retour|commentaire|vote)|"
    r"(?:war|ist)\s+(?:dieser\s+artikel|diese\s+(?:seite|antwort|information))\s+hilfreich|"
    r"danke\s+für\s+(?:ihr|dein)\s+feedback)\b.{0,40}$", re.I)


# "* Metronome | Billing | United States": a list item whose cells are split by bars and hold no
# link, a row of a table written as a list (a sub-processor, a cookie), not a breadcrumb.
_ROW_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+[^\[\]()|>›»/]+(?:\s\|\s[^\[\]()|>›»/]+){2,}\s*$")


def chrome_kind(raw: str, words: list[str]) -> str | None:
    """Why a clause (Markdown ``raw``, lowercased ``words``) is page chrome, or None:
    "navigation" (only links, breadcrumbs, a table of contents, a sidebar line),
    "cookie-banner", "fragment" (1-6 words and no verb), "question" (an FAQ question)."""
    text = raw.strip()
    if not words:
        return "navigation"
    if _COOKIE_BANNER.search(text):
        return "cookie-banner"
    body = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", text)
    if _LINK.search(body):
        rest = _LINK.sub(" ", body)
        if not re.search(r"[^\W\d_]{3,}", re.sub(r"\b(?:and|or|et|ou|und|oder)\b", "", rest, flags=re.I)):
            return "navigation"  # nothing but links (and separators)
    plain = _LINK.sub(r"\1", body)
    plain = re.sub(r"[*_`#\\]", "", plain).strip()
    if _CHROME_PHRASES.match(plain) or _RELATIVE_TIME.search(plain) and len(words) <= 10:
        return "navigation"
    if len(words) <= 40 and (_WIKI_CHROME.match(plain) or _FORM_PROMPT.match(plain)):
        return "navigation"
    if len(words) <= 16 and _FEEDBACK.match(plain):
        return "navigation"  # a feedback widget under a help article
    if len(words) <= 12 and _BREADCRUMB.search(plain) and not re.search(r"[.;:!?]$", plain) \
            and not has_verb(words) and plain.count(" ") < 3 * (len(re.findall(r"[>›»|/]", plain)) + 1) \
            and not _ROW_ITEM.match(text):
        return "navigation"
    if len(words) <= 6 and not has_verb(words, plain.rstrip("*_ ").endswith((".", "!", "?"))):
        return "fragment"
    if plain.rstrip("*_ ").endswith("?") and len(words) <= 20 and not _DUTY.search(plain):
        return "question"  # an FAQ question introduces the answer: it states no term
    return None


_DUTY = re.compile(r"\b(?:must|shall|agree|will not|may not|doit|devez|müssen|muss)\b", re.I)


# --- a table of translations ----------------------------------------------------------------------
# "| Filipino | [Privacy Policy](…/tl) | [Ad Choices](…/tl#adchoices) |": a row that names a language and
# links to the documents written in it (a language switcher laid out as a table), not a term.
_LANGUAGE = re.compile(
    r"(?:english|français|french|deutsch|german|español|spanish|italiano|italian|português|portuguese|"
    r"nederlands|dutch|polski|polish|filipino|tagalog|svenska|swedish|dansk|danish|norsk|norwegian|suomi|"
    r"finnish|türkçe|turkish|русский|russian|українська|ukrainian|ελληνικά|greek|čeština|czech|magyar|"
    r"hungarian|română|romanian|hrvatski|croatian|slovenčina|slovak|български|bulgarian|japanese|日本語|"
    r"korean|한국어|chinese|中文|繁體中文|简体中文|arabic|العربية|hebrew|עברית|hindi|हिन्दी|bahasa\s+\w+|"
    r"indonesian|malay|thai|ไทย|tiếng\s+việt|vietnamese)(?:\s*[(\[][^()\[\]]{1,40}[)\]])?", re.I)
_CELL_LINK = re.compile(r"!?\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)")


def is_language_row(text: str) -> bool:
    """Whether a Markdown table row (its last line) names a language in one cell and holds only
    links in the others (at least two): a row of a table of translations."""
    line = text.strip().split("\n")[-1]
    if not line.lstrip().startswith("|"):
        return False
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
    cells = [re.sub(r"[*_]", "", c).strip() for c in cells if c.strip()]
    named = [c for c in cells if _LANGUAGE.fullmatch(c)]
    links = [c for c in cells if not _CELL_LINK.sub("", c).strip(" ,;/")]
    return len(named) == 1 and len(links) >= 2 and len(named) + len(links) == len(cells)


# --- contact details -----------------------------------------------------------------------------
# "If you are in the EEA, you can also contact our GDPR representative: ...", "Questions? Write to
# us at ...", "Vous pouvez utiliser le formulaire de contact ...": a sentence whose whole point is
# a way to reach someone (taxonomy: contact details are not material). A lead-in is a condition
# ("If/When/For ...,") or a few words without a verb ("Pour les pros"), never a clause of its own.
_CONTACT_LEAD = (r"(?:(?:if|when|where|for|should|in\s+case|pour|si|en\s+cas|wenn|falls|für|bei)\b"
                 r"[^.;:!?]{0,160}?(?:,|\bthen\b|\balors\b)\s*|(?:[^\W\d_]+\s+){1,3}?|"
                 # a label or a question before the route: "Privacy questions: write to ...", "Fragen? Sie können ..."
                 r"(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*[:?]\s*)?")
_CONTACT_VERB = (
    r"(?:(?:you|users?|customers?)\s+(?:can|may|could|should|are\s+(?:welcome|invited)\s+to)\s+(?:also\s+|always\s+)?"
    r"|please\s+(?:feel\s+free\s+to\s+)?|feel\s+free\s+to\s+|(?=(?:contact|write|e-?mail)\s+(?:us|our|the|them|to)\b))"
    r"(?:contact|reach|write\s+(?:to|us)|e-?mail|call|phone|mail|get\s+in\s+touch|"
    r"(?:make|send|submit|direct|address)\s+(?:us\s+|it\s+|them\s+)?(?:a\s+|an\s+|your\s+|any\s+)?"
    r"(?:requests?|questions?|enquir\w+|inquir\w+|complaints?|letters?|notices?|it|them)\s+"
    r"(?:to\s+(?:us|our|the|them|(?-i:[A-Z])\w*|\S+@)|at|by|via)|"
    r"use\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,3}(?:form|portal|address|e-?mail))\b"
    # whoever may reach us or our representative ("Individuals and supervisory authorities in the
    # EU may contact our representative ...", "Les utilisateurs peuvent contacter notre délégué ...")
    r"|(?:[^\W\d_]+[\s,]+){1,14}?(?:can|may|could)\s+(?:also\s+|always\s+)?(?:contact|reach|write\s+to)\s+"
    r"(?:us|our|the)\b"
    r"|(?:[^\W\d_]+[\s,’']+){1,14}?peu(?:t|vent)\s+(?:également\s+|aussi\s+|toujours\s+)?"
    r"(?:contacter|joindre|écrire\s+à)\s+(?:notre|nos|le|la|l['’])"
    r"|vous\s+pouvez\s+(?:également\s+|aussi\s+|toujours\s+)?(?:nous\s+|le\s+|la\s+)?(?:contacter|joindre|écrire|"
    r"adresser|utiliser\s+(?:le|la|notre)\s+(?:[\w-]+\s+){0,2}(?:formulaire|adresse))"
    r"|(?:sie\s+können|du\s+kannst)\s+(?:sich\s+|uns\s+)?(?:auch\s+|jederzeit\s+)?(?:[\w-]+\s+){0,6}?"
    r"(?:kontaktieren|erreichen|schreiben|wenden)")
_CONTACT_ROUTE = re.compile(rf"^\W*{_CONTACT_LEAD}(?:{_CONTACT_VERB})", re.I)
# What makes a sentence about contact more than a route: a duty, a deadline or a fee in it.
_CONTACT_TERMS = re.compile(r"\b(?:must|shall|within|days?|hours?|weeks?|months?|fees?|charges?|free\s+of\s+charge|"
                            r"cancel\w*|terminat\w*|refund\w*|withdraw\w*|only|exclusively|solely|"
                            r"doi(?:t|vent)|devez|délai|jours?|müssen|innerhalb|tage)\b|\d+\s*%|[$€£]\s*\d", re.I)


# One of the ways listed under a lead-in ("You can send a request by:"): "calling us on ...",
# "emailing privacy@...", "using the web form to submit your request". A fragment with no verb of
# its own: "Using the form to send spam is prohibited" is a rule, not a way to reach anyone.
_CONTACT_MEANS = re.compile(
    r"^\W*(?:by\s+)?(?:(?:call|phon|telephon|e-?mail|writ|mail)ing\s+(?:to\s+)?(?:us\b|our\b|the\b|\S+@|\+?\d)|"
    r"(?:using|completing|filling\s+(?:in|out)|visiting)\s+(?:the|our|this|an?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:form|portal|address|e-?mail|chat|hotline)\b)", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|will|shall|must|may|might|can|cannot|could|should|would|not|"
                     r"never|only|prohibited|forbidden|required|"
                     # an assent given by the means ("using the form, you agree to our terms") is a term
                     r"(?:you|users?)\s+(?:agree|consent|accept|acknowledge|authori[sz]e)\w*)\b", re.I)


# One more way to exercise a right the text gives elsewhere ("also"): "You can also exercise your
# right of withdrawal online here", "... by e-mail". The right's own name is what is exercised, not
# a term this sentence sets.
_ALSO_EXERCISE = re.compile(
    r"^\W*(?:you|users?|customers?)\s+(?:can|may)\s+also\s+exercise\s+(?:your|this|these|the|any\s+of\s+(?:your|these))\s+"
    r"(?P<right>(?:[\w-]+\s+){0,3}?rights?(?:\s+(?:of|to)\s+[\w-]+)?)[^.;:]{0,60}?\b(?:online|here|via|through|using|"
    r"by\s+(?:e-?mail|phone|telephone|post|mail|letter))\b"
    # ... or a request the text grants elsewhere, made from a place of the product: "You can also
    # request deletion of your account from the Account Settings section", "... a copy of your
    # data via the Privacy Dashboard"
    r"|^\W*(?:you|users?|customers?)\s+(?:can|may)\s+also\s+(?P<request>request\s+(?:the\s+|a\s+)?(?:deletion|erasure|"
    r"removal|copy|export|correction|rectification|access)\s+(?:of|to)\s+(?:your|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:account|data|information|profile)s?)\s+(?:from|in|on|via|through|using)\s+(?:the\s+|your\s+|our\s+)?"
    r"(?:[\w'’-]+\s+){0,5}?(?:settings|dashboard|portal|app|application|page|section|menu|form|tab)\b", re.I)


def is_contact_route(sentence: str) -> bool:
    """Whether a sentence only gives a way to reach someone: "you can also contact our Data
    Protection Officer by emailing ...", "Questions? Write to us at ...", "vous pouvez utiliser
    le formulaire de contact ...", one item of a list of such ways ("emailing privacy@...",
    "using the web form to submit your request"), or one more way to exercise a right ("You can
    also exercise your right of withdrawal online here"). A sentence that also sets a deadline, a fee, a
    duty or a right to cancel, refund or withdraw is a term ("To cancel, write to us within 14 days")."""
    text = re.sub(r"[*_`\[\]\x02\x03]", "", sentence).strip()
    m = _CONTACT_ROUTE.match(text) or _REPRESENTATIVE.search(text)
    if not m and (means := _CONTACT_MEANS.match(text)) and not _FINITE.search(text):
        m = means
    if not m and (also := _ALSO_EXERCISE.match(text)):
        named = "right" if also.group("right") else "request"
        rest = text[:also.start(named)] + text[also.end(named):]
        return len(text.split()) <= 60 and not _CONTACT_TERMS.search(rest)
    if len(text.split()) > 60 or not m:
        return False
    return not _CONTACT_TERMS.search(text) and not _PURPOSE.search(text, m.end())


# Who represents the company or answers for its data protection, and how to reach them: "Our DPO
# can be contacted at ...", "We have appointed Acme GmbH as our EU representative", "Our
# representative in the UK is ...", "Notre délégué peut être contacté à ...".
_REPRESENTATIVE = re.compile(
    r"\b(?:can|may)\s+(?:also\s+)?be\s+(?:contacted|reached)\s+(?:at|by|via|through|on|using)\b|"
    r"\b(?:have|has)\s+appointed\b[^.;]{0,80}?\b(?:representatives?|data\s+protection\s+officer|dpo)\b|"
    r"\b(?:our|its)\s+(?:(?:eu|uk|eea|swiss|gdpr|local|european|data\s+protection)\s+)*representatives?\s+"
    r"(?:in\s+[^.;,]{2,40}?\s+)?(?:is|are)\s+(?-i:[A-Z])|"
    r"\bpeu(?:t|vent)\s+être\s+contacté(?:e|s|es)?\s+(?:à|par|au|via)\b|"
    r"\b(?:ist|sind)\s+(?:unter|per)\b.{0,60}?\berreichbar\b", re.I)


# "contact us to request the deletion of your data": the route to a right names the right
_PURPOSE = re.compile(r"\b(?:to|in\s+order\s+to|so\s+that\s+we\s+can|afin\s+de|pour|um)\s+(?:request|ask|delete|erase|"
                      r"access|obtain|receive|get|have|object|opt|correct|rectify|exercise|withdraw|restrict|port|"
                      r"lodge|file|complain|demander|supprimer|exercer|accéder|vous\s+opposer|s['’]opposer)\b", re.I)




# What a company says it values or strives for: "Your privacy is important to us", "We take your
# privacy seriously", "X is committed to best email practices". A promise of nothing in particular.
_MISSION = re.compile(
    r"\byour\s+(?:privacy|trust|security|data\s+protection)\s+(?:is|are)\s+(?:very\s+|extremely\s+|really\s+)?"
    r"(?:important|essential|a\s+priority|our\s+(?:top\s+|highest\s+)?priority)\b|"
    r"\bwe\s+(?:care\s+(?:deeply\s+)?about|value|respect)\s+(?:your\s+)?(?:privacy|trust)\b|"
    r"\bwe\s+take\s+(?:your\s+)?(?:privacy|data\s+protection|security)\s+(?:very\s+)?seriously\b|"
    r"\b(?:is|are)\s+(?:deeply\s+|fully\s+)?committed\s+to\s+(?:(?:the\s+)?(?:best|highest|high|good|responsible)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:practices|standards)|protecting\s+(?:your\s+)?privacy)\b|"
    # compliance claimed with a law named, no duty said: "We are GDPR compliant", "fully committed
    # to DSA compliance", "conforme au RGPD", "DSGVO-konform"
    r"\b(?:is|are|we['’]re)\s+(?:also\s+)?(?:fully\s+)?(?:(?-i:[A-Z]{2,6})[\s-])?compliant\b(?!\s+(?:with|if|when|by|as))|"
    r"\bcommitted\s+to\s+(?:\[?(?-i:[A-Z]{2,6})\]?(?:\([^)]*\))?\s+)compliance\b|"
    r"\b(?:sommes|est|sont)\s+(?:également\s+|pleinement\s+)?conformes?\s+au\s+(?:RGPD|DSA)\b|"
    r"\b(?:DSGVO|GDPR|DSA)-konform\b|"
    r"\bla\s+protection\s+de\s+vos\s+données(?:\s+personnelles)?\s+(?:est|constitue)\s+(?:pour\s+nous\s+)?(?:très\s+)?"
    r"(?:importante|essentielle|une\s+priorité)|"
    r"\bvotre\s+vie\s+privée\s+(?:est|compte)\s+(?:très\s+)?(?:importante|pour\s+nous)|"
    r"\bder\s+schutz\s+ihrer\s+(?:persönlichen\s+|personenbezogenen\s+)?daten\s+ist\s+uns\s+(?:sehr\s+|besonders\s+)?wichtig|"
    r"\bihre\s+privatsphäre\s+ist\s+uns\s+(?:sehr\s+)?wichtig|"
    # measures said only in general ("We use various measures to protect you from harmful
    # content"): no measure named, none promised
    r"\bwe\s+(?:use|take|employ|apply|have)\s+(?:various|several|many|multiple|different|numerous|"
    r"a\s+(?:range|variety|number|mix|combination)\s+of)\s+(?:[\w-]+\s+){0,2}?(?:measures|tools|methods|techniques|"
    r"safeguards|steps|means)\s+to\s+(?:help\s+)?(?:protect|keep|safeguard|shield)\b", re.I)
_BINDING = frozenset("not never no ne pas nicht kein keine only solely".split())


def is_mission_statement(sentence: str) -> bool:
    """Whether a sentence only says what a company values or strives for ("Your privacy is
    important to us", "We take your privacy seriously", "Acme is committed to best email
    practices", "Der Schutz Ihrer Daten ist uns wichtig"): no right, duty or data use. Not when
    it also says what will or will not be done ("We are committed to protecting your privacy and
    will never sell your data")."""
    sentence = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", sentence)  # "Privacy NoticeYour privacy ...": a lost space
    if len(sentence.split()) > 40 or not _MISSION.search(sentence):
        return False
    ws = re.findall(r"[^\W\d_]+", sentence.lower())
    return not any(w in MODALS or w in _BINDING for w in ws)

# What a law, a regulation or a certification scheme is, does or when it takes effect, said as
# background: "Recent changes to the CCPA and other state privacy laws are set to take effect in
# 2023; however, the rules implementing some of these laws have not yet been finalised", "The
# Global CBPR System provides protection of personal information ...", "Le RGPD est entré en
# application en mai 2018", "Die DSGVO gilt seit Mai 2018". Its subject is the law (named in its
# first words), it names no party to the contract and binds no one: no term.
_LAW_NAME = re.compile(
    r"\b(?:laws?|statutes?|(?-i:Acts?)|regulations?|directives?|ccpa|cpra|gdpr|coppa|hipaa|privacy\s+shield|cbpr|"
    # a scheme only when it is a privacy or compliance one, not the provider's own ("our Rewards Program")
    r"(?:privacy|certification|compliance|data\s+protection|cross[-\s]border)\s+(?:[\w-]+\s+){0,3}?(?:rules|frameworks?|"
    r"programs?|programmes?|system|schemes?|certifications?)|"
    r"lois?|règlements?|rgpd|gesetz\w*|verordnung\w*|richtlinie\w*|dsgvo|bdsg|tdddg|ttdsg)\b", re.I)
_BACKGROUND_LEAD = re.compile(r"^(?:please\s+note\s+(?:that\s+)?|note\s*(?:that|:)\s*|while\s+|although\s+|"
                              r"veuillez\s+noter\s+que\s+|notez\s+que\s+|bitte\s+beachten\s+sie,?\s+(?:dass\s+)?)", re.I)
# Who a sentence can bind or entitle: the parties, in the three languages (the provider by
# pronoun; a provider named by its name is still caught by the modal or the duty words).
_PARTY_WORDS = frozenset("""we us our ours you your yours i me my they them their
users user customers customer members member subscribers subscriber visitors visitor consumers consumer
residents resident individuals individual persons person people children child minors minor parents parent
nous notre nos vous votre vos utilisateur utilisateurs utilisatrice utilisatrices client clients cliente clientes
membre membres abonné abonnés consommateur consommateurs résident résidents personne personnes enfant enfants
mineur mineurs
wir uns unser unsere unseren unserem unserer sie ihr ihre ihren ihrem ihrer ihnen nutzer nutzerin nutzerinnen
kunde kunden kundin mitglied mitglieder verbraucher verbraucherin person personen kind kinder""".split())
_BACKGROUND_BARS = re.compile(
    r"\b(?:right|rights|droits?|rechte?|governed|govern|governs|binding|arbitration|court|courts|jurisdiction|"
    r"liable|liability|waive\w*|terms|agreement|contract|conditions|policy|notice|prohibited|required|"
    r"consent|opt[-\s]?out|responsable|tribunal\w*|gericht\w*|haft\w*|verpflichtet|interdit|obligatoire|"
    r"violat\w*|breach\w*|infring\w*|illegal|unlawful|enforc\w*|illicite|verstoß\w*|rechtswidrig)\b", re.I)


# What the user's own software or device may do on its own: "Some mobile operating systems may
# further limit the use of cookies", "Your browser may offer settings to block cookies", "Most web
# browsers automatically accept cookies". A note on how third-party technology works, no term of
# the provider's, unless the provider speaks in it ("we", "us") or it binds someone.
_DEVICE = r"(?:(?:web\s+|internet\s+)?browsers?|operating\s+systems?|(?:mobile\s+)?devices?|app\s+stores?)"
_DEVICE_SUBJECT = re.compile(
    r"^(?:(?:some|many|most|certain|other|your|the|a|an|all|these|such)\s+)?(?:(?:\w+|third[-\s]party)\s+){0,2}?"
    # (the device alone, "devices" after another noun: "Some mobile devices", "Your browser or device")
    rf"(?:(?:web\s+|internet\s+)?browsers?|operating\s+systems?|mobile\s+devices?|app\s+stores?)(?:\s+(?:or|and|and/or)\s+(?:your\s+)?{_DEVICE})?"
    r"\s+(?:may|might|can|could|also|often|usually|generally|typically|automatically|"
    r"allow|allows|offer|offers|provide|provides|let|lets|accept|accepts|limit|limits|block|blocks|have|has|include|"
    r"includes|give|gives)\b", re.I)
_DEVICE_BINDS = re.compile(r"\b(?:we|us|our|ours|must|shall|required?|agree\w*|liab\w*|responsib\w*|fees?|charges?|"
                           r"prices?|pay\w*|consent\w*|return\w*|refund\w*|replac\w*|repair\w*|warrant\w*|guarantee\w*|"
                           # (passive: something done to the device, "Mobile devices may be returned")
                           r"(?:may|might|can|could|will)\s+(?:not\s+)?be)\b", re.I)


# The browser's own controls and their makers ("These controls vary by browser, and manufacturers
# may change the settings they make available", "Browser settings differ from one device to
# another"), and what stops working with cookies turned off ("If you disable cookies, some parts of
# our site may not work properly", "Certain features may not function if you have blocked
# cookies"): how the technology behaves, no term of the provider's.
_DEVICE_CONTROLS = re.compile(
    r"^(?:(?:these|such|the|those|your|its)\s+)?(?:(?:browser|device|cookie)\s+)?(?:controls|settings|options|tools)\s+"
    rf"(?:may\s+|can\s+|will\s+|often\s+|also\s+)?(?:vary|varies|differ|differs|depend|depends)\s+(?:\w+\s+){{0,3}}?{_DEVICE}\b|"
    r"^(?:(?:browser|device)\s+)?(?:manufacturers|makers|vendors|developers)\s+(?:may|might|can|could|often)\s+change\b", re.I)
_COOKIES_OFF = r"(?:disabl|block|reject|refus|declin|delet|deactivat|turn(?:ed|ing)?\s+off)\w*\s+(?:\w+\s+){0,3}?cookies\b"
_STOPS_WORKING = (r"(?:may|might|will|would|could)\s+not\s+(?:\w+\s+)?(?:work|function|operate|display|load|be\s+available)"
                  r"(?:\s+(?:properly|correctly|as\s+intended|as\s+expected|fully))?")
_COOKIES_OFF_NOTE = re.compile(
    r"^(?:please\s+(?:note|be\s+aware)\s+(?:that\s+)?,?\s*|note\s+that\s+)?"
    rf"(?:if|when|should)\s+you\s+(?:\w+\s+){{0,8}}?{_COOKIES_OFF}[^.;]{{0,60}}?,\s+(?:\w+\s+){{0,8}}?{_STOPS_WORKING}\W*$|"
    rf"^(?:(?:some|certain|parts|features|functions|areas|portions|elements)\b[^.;]{{0,80}}?){_STOPS_WORKING}\s+"
    rf"(?:if|when|once)\s+(?:you\s+)?(?:have\s+)?(?:\w+\s+){{0,3}}?{_COOKIES_OFF}\W*$", re.I)
_NOTE_BINDS = re.compile(r"\b(?:must|shall|required?|agree\w*|liab\w*|responsib\w*|fees?|charges?|terminat\w*|"
                         r"suspend\w*|clos(?:e|ed|ing)\s+(?:your\s+)?account|refund\w*|we\s+(?:will|may|can)\b)", re.I)


def is_device_note(sentence: str) -> bool:
    """Whether a sentence only says what the user's browser, device or operating system may do
    on its own (``_DEVICE_SUBJECT``: "Some mobile operating systems may further limit the use of
    cookies; your choices do not override those settings"): background on third-party
    technology, not a right, a duty or a price of the provider's. Not when the provider speaks
    in it ("we", "our"), or it binds, charges or asks consent (``_DEVICE_BINDS``), or when it is
    longer than 50 words. Also the browser's controls and their makers ("These controls vary by
    browser") and what stops working with cookies turned off ("If you disable cookies, parts of our
    site may not work properly"), which may name the provider's site but not bind (``_NOTE_BINDS``).
    ``sentence``: one sentence (Markdown allowed)."""
    text = _LINK.sub(r"\1", re.sub(r"[*_`\x02\x03]", "", sentence)).strip()
    if len(text.split()) > 50:
        return False
    if _DEVICE_CONTROLS.match(text) or _COOKIES_OFF_NOTE.match(text):
        # (the provider's site may be named: "some parts of our site may not work")
        return not _NOTE_BINDS.search(text)
    if not _DEVICE_SUBJECT.match(text):
        return False
    return not _DEVICE_BINDS.search(text)


def is_law_background(sentence: str) -> bool:
    """Whether a sentence only tells what a law, a regulation or a certification scheme is, does or
    when it takes effect (``_LAW_NAME`` among its first 8 words, after "Please note that",
    "While", "Bitte beachten Sie, dass"...; the sentence opens with a capital: a list item going on
    from its lead-in is no sentence of its own), naming no party to the contract (no "we", "you",
    "users", "vous", "Nutzer"...: ``_PARTY_WORDS``), with no modal, no right, duty, court or
    document of the contract (``_BACKGROUND_BARS``), no number but a year, at most 50 words:
    background about the law, no term. ``sentence``: one sentence (Markdown allowed)."""
    text = _LINK.sub(r"\1", re.sub(r"[*_`\x02\x03]", "", sentence)).strip()
    ws = re.findall(r"[^\W\d_]+", _BACKGROUND_LEAD.sub("", text).lower())  # ("Bitte beachten Sie": the reader)
    if not ws or len(ws) > 50 or any(w in _PARTY_WORDS or w in MODALS for w in ws):
        return False
    if re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", text)) or _BACKGROUND_BARS.search(text):
        return False
    body = _BACKGROUND_LEAD.sub("", text)
    if not text[:1].isupper():
        return False  # a list item that goes on from its lead-in ("violate the law or an order"): no sentence of its own
    return bool(_LAW_NAME.search(" ".join(body.split()[:8])))


# Whose a mark is, or that a patent covers the service: "Scrabble is a registered trademark of
# Hasbro", "Portions of the Services operate under license of one or more patents", "X est une
# marque déposée de Y", "X ist eine eingetragene Marke der Y AG", "X es una marca registrada de Y";
# and a copyright notice ("© 2026 Quillory Ltd. All rights reserved.", "Tous droits réservés").
_ATTRIBUTION = re.compile(
    r"\b(?:is|are)\s+(?:a\s+|the\s+)?(?:registered\s+)?(?:trade\s?marks?|service\s+marks?|trade\s+names?)\s+"
    r"(?:(?:and\s+|or\s+)?(?:registered\s+)?(?:trade\s?marks?|service\s+marks?)\s+)?(?:of|owned\s+by)\b|"
    r"\b(?:operates?|operated|is|are|used)\s+under\s+licen[cs]e\s+(?:of|from|under)\s+(?:one\s+or\s+more\s+)?"
    r"(?:[\w.-]+\s+){0,3}?patents?\b|"
    r"\b(?:protected|covered)\s+by\s+(?:one\s+or\s+more\s+)?(?:[\w.-]+\s+){0,3}?patents?\b|"
    r"\b(?:est|sont)\s+(?:une\s+|des\s+)?marques?\s+(?:déposées?\s+)?(?:de|appartenant\s+à)\b|"
    r"\b(?:ist|sind)\s+(?:eine\s+)?(?:eingetragene\s+)?marken?\s+(?:von|der|des)\b|"
    r"\b(?:es|son)\s+(?:una\s+)?marcas?\s+(?:registradas?\s+)?de\b|"
    # a copyright notice: whose the site's text is, not what the user may do with it
    r"\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b|"
    r"\btodos\s+los\s+derechos\s+reservados\b|"
    # a footer's copyright line with its year ("Copyright © 2031 Quillory Ltd.", "© 2031 Quillory")
    r"(?:^|(?<=\s))(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d\b|\bcopyright\s+(?:19|20)\d\d\b|"
    # a data source credited with its open licence, in a map's or a dataset's list of sources ("©
    # Geoscape licensed by the Commonwealth under Creative Commons Attribution 4.0", "License provided
    # at: <link>", "Link to their license: <link>"): whose the data is, not what the user may do
    r"\blicen[cs]ed\s+(?:to\s+\w+\s+)?by\s+[^.;]{1,80}?\s+under\s+(?:the\s+|an?\s+)?(?:creative\s+commons|cc[\s-]?by|"
    r"open\s+(?:database|government|data)\s+licen[cs]e|odbl|licence\s+ouverte)|"
    r"\blicen[cs]e\s+(?:is\s+)?(?:provided|available)\s+(?:at|here)\b|\blink\s+to\s+(?:their|its)\s+licen[cs]es?\b", re.I)


def is_attribution(sentence: str) -> bool:
    """Whether a sentence only says whose a trademark is or that patents cover the service
    (``_ATTRIBUTION``): a notice about who owns what, not a right or a duty of the user. Not when a
    modal verb or a negation makes it a rule ("You may not use the Quillory trademarks")."""
    text = sentence.strip()
    if len(text.split()) > 40 or not _ATTRIBUTION.search(text):
        return False
    ws = re.findall(r"[^\W\d_]+", text.lower())
    if _USERS_WORK.search(text) and re.search(r"licen[cs]", text, re.I):
        return False  # a licence on what users post ("Posts are licensed by their authors under CC BY") is a term
    return not any(w in MODALS or w in _BINDING or w in ("you", "your", "vous", "votre", "sie", "ihre") for w in ws)


# What users post or make, and who posts it: a licence on it is a term about the user's content.
_USERS_WORK = re.compile(r"\b(?:users?|members?|authors?|creators?|contributors?|contributions?|posts?|submissions?|"
                         r"uploads?|user[- ]generated|(?:your|their|user|member)\s+content|content\s+(?:you|they|users?))\b", re.I)


# A company's entry in a register: its registration, VAT or licence number, where it is registered.
_REGISTER = re.compile(
    r"\b(?:(?:company|business|trade|commercial|registration|register|licen[cs]e|vat|tax|iadb|incorporation)\s+"
    r"(?:registration\s+|identification\s+)?(?:number|no\b\.?|nr\b\.?|id\b)|registered\s+(?:in|with|at)\b[^.;]{0,80}?"
    r"\b(?:under|with)\s+(?:the\s+)?(?:number|no\b)|siren|siret|rcs\b|tva\s+intracommunautaire|n°\s*(?:de\s+)?tva|"
    r"immatricul\w+\s+(?:au|sous)|handelsregister|registergericht|amtsgericht\s+\w+\s*,?\s*hr[ab]|hr[ab]\s*\d|"
    r"ust\.?-?id\w*|umsatzsteuer-?identifikationsnummer|steuernummer)", re.I)


def is_register_entry(sentence: str) -> bool:
    """Whether a sentence only says where the company is registered and under which number
    ("Our IADB registration number is 2008121801576", "RCS Paris B 123 456 789", "Amtsgericht
    Berlin, HRB 12345", "VAT number GB123456789"), or which authority licenses and supervises it
    ("Texas users: Quillory Pay Inc. is licensed as a money transmitter by the Texas Department of
    Banking", "Quillory SAS est un établissement de paiement agréé par l'ACPR"): a detail of who
    the company is, like its share capital, not a term. Not when a modal verb or a negation makes
    it a rule ("Sellers must show their VAT number")."""
    text = sentence.strip()
    if _LICENSED.search(text) and _AUTHORITY.search(text) and len(text.split()) <= 45:
        # (a label of whom the notice is for, "Texas users:", names no duty of theirs)
        ws = re.findall(r"[^\W\d_]+", _AUDIENCE_LABEL.sub("", text).lower())
        return not any(w in MODALS or w in _NOT_REGISTER for w in ws)
    if len(text.split()) > 35 or not any(c.isdigit() for c in text) or not _REGISTER.search(text):
        return False
    ws = re.findall(r"[^\W\d_]+", text.lower())
    return not any(w in MODALS or w in _NOT_REGISTER for w in ws)


# A company's licence or supervision: who licenses, authorises or supervises it, in English, French,
# German and Spanish ("is licensed and regulated as a money transmitter by", "is authorised by the
# Financial Conduct Authority", "agréé par l'ACPR", "unterliegt der Aufsicht der BaFin").
_LICENSED = re.compile(
    r"\b(?:(?:is|are)\s+(?:(?:duly|also|fully)\s+)?(?:an?\s+[\w\s-]{2,50}?\s+)?(?:licen[cs]ed|authori[sz]ed|regulated|"
    r"supervised|registered)\b(?:\s+(?:and|&)\s+(?:licen[cs]ed|authori[sz]ed|regulated|supervised|registered))?"
    r"[^.;]{0,80}?\b(?:by|with)\b|"
    r"(?:agréée?s?|autorisée?s?|réglementée?s?|supervisée?s?)\s+(?:en\s+tant\s+que\s+[^.;]{2,60}?\s+)?par\b|"
    r"soumise?s?\s+(?:au\s+contrôle|à\s+la\s+(?:supervision|surveillance))\s+de\b|"
    r"(?:zugelassen|lizenziert|reguliert|beaufsichtigt)\b|unterliegt\s+der\s+(?:\w+\s+)?aufsicht|"
    r"(?:autorizad|regulad|supervisad)[ao]s?\s+(?:[^.;]{0,40}?\s+)?por\b)", re.I)
# ... by an authority, not by the terms or a law ("is regulated by these terms", "by the laws of")
_AUTHORITY = re.compile(
    r"\b(?:department|division|authority|commission|bureau|agency|regulators?|superintendent|commissioner|"
    r"central\s+bank|monetary|(?:financial|banking|securities|insurance|markets)\s+(?:services|supervisory|conduct|"
    r"regulation|regulatory|authority|commission|department|division)|fca|finra|sec|fincen|acpr|amf|cnil|bafin|cssf|"
    r"dnb|cbi|mas|asic|fintrac|nmls|autorité|banque\s+(?:de\s+france|centrale)|bundesanstalt|finanzmarktaufsicht|"
    r"aufsichtsbehörde|bundesbank|comisión|banco\s+de\s+españa)\b", re.I)
_AUDIENCE_LABEL = re.compile(r"^\W*(?:\d{1,3}[.)]\s*)?(?:[A-Z][\w.'’-]*\s+){1,4}(?:users?|residents?|customers?|"
                             r"consumers?|clients?|utilisateurs|résidents|kunden|nutzer|usuarios|residentes)\s*:\s*")

# Advice to the user, after an optional condition: "If you think a post infringes your rights, we
# encourage you to report it", "We strongly recommend that you keep a copy", "Nous vous
# conseillons de ...", "Wir empfehlen Ihnen, ...", "Le recomendamos que ...". A recommendation
# binds no one; its wording changes nothing the user must do.
_ADVICE = re.compile(
    r"^(?:(?:if|when|where|before|after|should|in\s+case|si|lorsque|avant|wenn|falls|bevor|cuando|antes\s+de)\b"
    r"[^.;:!?]{0,200}?,\s*)?(?:(?:we|the\s+company|(?-i:[A-Z])[\w&.-]+)\s+(?:would\s+)?(?:strongly\s+|therefore\s+|also\s+|"
    r"highly\s+|always\s+)?(?:encourages?|recommends?|advises?|suggests?|urges?|invites?)\s+(?:that\s+)?you\b|"
    r"you\s+are\s+(?:strongly\s+)?(?:encouraged|advised|invited)\s+to\b|it\s+is\s+(?:strongly\s+)?(?:recommended|advisable)\b|"
    r"nous\s+vous\s+(?:recommandons|conseillons|invitons|encourageons|suggérons)\b|"
    r"(?:wir\s+empfehlen|wir\s+raten|empfehlen\s+wir|raten\s+wir)\s+(?:ihnen|dir|euch)\b|es\s+wird\s+empfohlen\b|"
    r"(?:le|les|te)\s+(?:recomendamos|aconsejamos|animamos|sugerimos|invitamos)\b|se\s+recomienda\b)", re.I)
# what makes advice a term: a duty, a right, a consequence ("... or we may close your account")
_NOT_ADVICE = re.compile(r"\b(?:must|shall|required?|agree|otherwise|or\s+else|fail\w*|liab\w*|responsib\w*|"
                         r"(?:we|you)\s+(?:may|will|can)|doi(?:t|vent|vez)|devrez|obligatoire|müssen|muss|"
                         r"verpflichtet|haft\w*|debe\w*|obligatori\w*)\b", re.I)


def is_advice(sentence: str) -> bool:
    """Whether a sentence only advises the user ("If you believe your work was copied, we
    encourage you to report it", "We recommend that you keep your receipt", "Nous vous conseillons
    de lire ...", "Wir empfehlen Ihnen, ...", "Le recomendamos que ..."): a recommendation binds
    no one. Not when it also sets a duty, a right or a consequence ("must", "we may", "you will",
    "otherwise", "responsible") or holds a number (a price, a period), nor past 50 words."""
    text = re.sub(r"[*_`\[\]\x02\x03]", "", sentence).strip()
    return (len(text.split()) <= 50 and not any(c.isdigit() for c in text) and bool(_ADVICE.match(text))
            and not _NOT_ADVICE.search(text))


# How many people use the service, as the EU Digital Services Act (art. 24(2)) makes platforms
# publish it: "average monthly active recipients", "destinataires actifs mensuels moyens",
# "durchschnittliche monatlich aktive Nutzer", "destinatarios activos mensuales".
_USER_COUNT = re.compile(
    r"\b(?:(?:average\s+)?monthly\s+active\s+(?:recipients|users|service\s+recipients)|active\s+recipients|"
    r"(?:destinataires|utilisateurs)\s+(?:du\s+service\s+)?actifs(?:\s+(?:mensuels|par\s+mois))?|"
    r"(?:monatlich\w*\s+)?aktive\w*\s+(?:nutzer\w*|empfänger\w*|nutzende\w*)|"
    r"(?:destinatarios|usuarios)\s+(?:del\s+servicio\s+)?activos)\b", re.I)


# The standard notice of a text-message programme, each part on its own or several joined by ";":
# how often messages come, that the carrier's message and data rates may apply, the HELP and STOP
# keywords, and that carriers answer for no delayed message ("Msg & data rates may apply", "Reply
# STOP to cancel", "Des frais de SMS peuvent s'appliquer", "Antworten Sie mit STOP"). Rates the
# user's own carrier charges and how to stop the texts: no term of the provider.
_CARRIER_PART = re.compile(
    r"^(?:(?:for|pour|für)\s+[\w\s.-]{1,30}?:\s*)?(?:(?:as\s+always|please\s+note|note)\s*[,:]?\s+)?(?:"
    r"(?:message|msg|sms|text)\s+frequency\s+(?:varies|may\s+vary)|"
    # (and which messages the rates are for: "... may apply for any messages sent to you from us")
    r"(?:standard\s+)?(?:message|msg|sms|text(?:\s+message)?)s?\s*(?:and|&\.?)\s*data\s+rates\s+may\s+apply"
    r"(?:\s+(?:to|for)\s+(?:any|all|each|every|the|these|such)\s+(?:\w+\s+){0,2}?(?:messages?|texts?|sms|alerts?)\b[^;]{0,80})?|"
    # how to leave the programme: "You can cancel the SMS service at any time"
    r"you\s+(?:can|may)\s+(?:cancel|stop|end|opt[\s-]out\s+of|unsubscribe\s+from)\s+(?:the|these|our|this)\s+"
    r"(?:sms|text(?:\s+message)?|msg)s?\s+(?:service|program(?:me)?|alerts?|messages?|notifications?)\s+"
    r"(?:at\s+any\s+time|anytime)|"
    r"(?:text|reply|send)\s+[\"“]?help[\"”]?\s+(?:to\s+\S+\s+)?for\s+(?:help|assistance|more\s+information)|"
    r"(?:text|reply|send)\s+[\"“]?stop[\"”]?\s+(?:to\s+\S+\s+)?to\s+(?:cancel|unsubscribe|opt[\s-]out|stop)|"
    r"(?:mobile\s+|wireless\s+)?carriers\s+are\s+not\s+(?:liable|responsible)\s+for\s+(?:any\s+)?(?:delayed|delays|late)"
    r"(?:\s+or\s+undelivered)?(?:\s+or\s+undelivered)?\s*(?:messages)?|"
    r"la\s+fréquence\s+des\s+(?:messages|sms)\s+(?:varie|peut\s+varier)|"
    r"des\s+frais\s+(?:de\s+(?:messagerie|sms|messages?)|d['’]envoi\s+de\s+sms)(?:\s+et\s+de\s+données)?\s+"
    r"(?:standard\s+)?peuvent\s+s['’]appliquer|"
    r"(?:répondez|envoyez)\s+[\"«]?\s*stop\s*[\"»]?\s+pour\s+(?:vous\s+désabonner|annuler|arrêter)|"
    r"(?:répondez|envoyez)\s+[\"«]?\s*aide\s*[\"»]?\s+pour\s+(?:obtenir\s+de\s+l['’])?aide|"
    r"les\s+opérateurs\s+ne\s+sont\s+pas\s+responsables\s+des\s+messages\s+(?:retardés|en\s+retard)(?:\s+ou\s+non\s+"
    r"(?:distribués|remis))?|"
    r"die\s+(?:häufigkeit|anzahl)\s+der\s+(?:nachrichten|sms)\s+variiert|"
    r"es\s+können\s+(?:gebühren|kosten)\s+für\s+(?:sms|nachrichten)(?:\s+und\s+(?:mobile\s+)?daten)?\s+anfallen|"
    r"(?:antworten|senden)\s+sie\s+(?:mit\s+)?[\"„]?stop[\"“]?(?:,\s+um\s+(?:sich\s+)?(?:abzumelden|zu\s+kündigen))?|"
    r"(?:mobilfunk)?(?:anbieter|netzbetreiber)\s+haften\s+nicht\s+für\s+verzögerte(?:\s+oder\s+nicht\s+zugestellte)?"
    r"\s+nachrichten)\W*$", re.I)


def is_carrier_notice(sentence: str) -> bool:
    """Whether a sentence is only a text-message programme's standard notice (``_CARRIER_PART``):
    every part of it, split at ";", is one of the notice's lines ("Message frequency varies;
    Message and data rates may apply; Reply STOP to cancel"). A part that says anything else
    ("We charge $1 per alert; Message and data rates may apply") makes it a term.

    Args: sentence, one sentence (Markdown allowed). Returns: True or False."""
    text = re.sub(r"[*_`\[\]\x02\x03]", "", sentence).strip()
    parts = [p.strip() for p in text.split(";") if p.strip()]
    return bool(parts) and len(text.split()) <= 60 and all(_CARRIER_PART.match(p) for p in parts)


def is_user_count(sentence: str) -> bool:
    """Whether a sentence only reports how many people use the service ("The average monthly
    active recipients of Acme in the EU for the past six months was 1.2M", "Nombre moyen de
    destinataires actifs : 3,4 millions"): a figure the Digital Services Act makes platforms
    publish, which changes every six months and binds no one. Needs a number; not when a modal
    verb, a negation or the user ("you", "vous") makes it a rule ("We will publish the number of
    monthly active recipients" is a commitment, read as a term)."""
    text = sentence.strip()
    if len(text.split()) > 45 or not any(c.isdigit() for c in text) or not _USER_COUNT.search(text):
        return False
    ws = re.findall(r"[^\W\d_]+", text.lower())
    return not any(w in MODALS or w in _BINDING or w in _YOU for w in ws)


_YOU = frozenset("you your vous votre vos dein deine tu tus usted".split())  # (not "du", French "of the")


# a negation makes a rule; a user's own number ("we keep your tax number for 10 years") is data
_NOT_REGISTER = frozenset("""not never ne nicht kein keine you your yours user users customer customers vous votre vos
utilisateur utilisateurs client clients du dein deine ihr ihre nutzer kunden""".split())

_STREET = frozenset("""street st road rd avenue ave blvd boulevard lane ln drive dr way place pl
square sq suite ste floor fl building bldg str strasse straße rue allée allee avenue platz weg
gasse chaussee ring box cedex bp attn attention po cs
av avda avenida calle piso planta rua andar piazza viale corso straat laan plein gracht""".split())


# The words around an e-mail address or phone number that only say how to use it.
_ROUTE = frozenset("""qqemailqq qqphoneqq at to or by via email e mail address following number phone
telephone tel call toll free from ou par à au adresse suivante courriel courrier électronique numéro
téléphone tél appel gratuit non surtaxé depuis per unter oder telefon telefonnummer nummer adresse
folgende kostenlos gebührenfrei aus""".split())


def is_address_run(words: list[str]) -> bool:
    """Whether changed words read as a postal address, phone or e-mail (contact details): a
    street word or post box, a postcode, or an e-mail/phone placeholder."""
    if not words or len(words) > 16 or has_verb(words):
        return False
    if any(w in ("qqemailqq", "qqphoneqq") for w in words):
        # "or by e-mail at the following address: ...", "depuis la Suisse au ... (numéro gratuit)":
        # the words of a route, and a place or a service it is for
        return sum(is_content_word(w) and w not in _ROUTE for w in words) <= 1 or len(words) <= 3
    if any(w in _STREET for w in words):
        return True
    if any(w in _CORP for w in words) and any(w.isdigit() for w in words):
        return True  # "Skadden LLP, 22 Bishopsgate": a firm and its street number
    return any(re.fullmatch(r"\d{4,5}|[a-z]\d[a-z]|\d[a-z]{2}|[a-z]{1,2}\d{1,2}[a-z]?", w) for w in words) \
        and sum(not w.isdigit() for w in words) <= 6 and not any(w in MODALS for w in words)


# A postal address as written: comma-separated capitalised or numbered parts ("Nimbus Ltd, 12
# Quay St., Galway H91 X2Y3, Ireland"), at least one of them with a street word or a postcode.
_SEG = r"[A-Z0-9\x02][\w.'’&\x02\x03-]*(?:\s+(?:[A-Z0-9\x02][\w.'’&\x02\x03-]*|(?:de|du|des|la|le|of|am|an|der|di|del)\b))*"
_ADDRESS = re.compile(rf"(?<![\w.]){_SEG}(?:,\s*{_SEG}){{1,6}}")


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a postal address: (start, end) offsets of each."""
    if not any(c.isdigit() for c in text):
        return []
    out = []
    for m in _ADDRESS.finditer(text):
        ws = [w.strip(".").lower() for w in re.findall(r"[^\W_]+\.?", m.group(0))]
        if any(w in _STREET for w in ws) and any(c.isdigit() for c in m.group(0)) or \
                any(re.fullmatch(r"(?!(?:19|20)\d\d\b)\d{4,7}|[a-z]{1,2}\d{1,2}[a-z]?", w) for w in ws) and len(ws) >= 3:
            out.append(m.span())
    return out


# One line of a postal address or contact block, by what it is: an e-mail address, a phone number
# (labelled, or digits alone), a postcode line ("EC3V 3ND", "75008 Paris", "Dublin 4", "San
# Francisco, CA 94105"), a street line ("1 Cornhill", "Barrow Street", "Rue de Rivoli 12").
_BLOCK_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BLOCK_PHONE = re.compile(r"^(?:(?:tel|tél|phone|telephone|telefon|fax|mobile)\b\.?\s*:?\s*)?\+?\(?\d[\d ().-]{6,}\d$", re.I)
_BLOCK_POSTCODE = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b[A-Z]\d{2}\s?[A-Z\d]{4}\b|(?<![\d.,])\d{4,5}(?:-\d{3,4})?(?![\d.,])|"
    r"^[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+\d{1,2}$|\b[A-Z]{2}\s+\d{5}\b")
_BLOCK_NUMBERED_STREET = re.compile(r"^\d{1,5}[a-z]?,?\s+[A-Z]|\b[A-Z][\w'’-]+\s+\d{1,5}[a-z]?$")
_BLOCK_TERMINAL = (".", ";", "!", "?")


def contact_line_kind(line: str) -> str:
    """What one line of a contact block is: "email", "phone", "postcode", "street", "firm" (a
    legal form: "Quillan Partners Limited"), "name" (a short verbless line: a name, a building,
    a city, a country), or "" when the line cannot belong to one (a verb, a sentence's end, more
    than 8 words). Args: line, one line (Markdown marks allowed). Returns one of those strings."""
    text = re.sub(r"[*_`\\]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", line).strip().rstrip(",")
    if not text or len(text.split()) > 8:
        return ""
    if _BLOCK_EMAIL.search(text):
        return "email" if len(text.split()) <= 3 else ""
    if _BLOCK_PHONE.match(text):
        return "phone"
    ws = [w.strip(".").lower() for w in re.findall(r"[^\W_]+\.?", text)]
    if not ws or has_verb(ws) or text.endswith(_BLOCK_TERMINAL) and not text.endswith(tuple(f"{c}." for c in _CORP)) \
            and not re.search(r"\b(?:St|Rd|Ave|Inc|Ltd|Co|Corp|Ste|Blvd|Dr|Ln|Pl|Sq)\.$", text) or not text[0].isupper() and not text[0].isdigit():
        return ""
    if any(w in _STREET for w in ws) or _BLOCK_NUMBERED_STREET.search(text):
        return "street"
    if _BLOCK_POSTCODE.search(text):
        return "postcode"
    if any(w in _CORP for w in ws):
        return "firm"
    return "name" if not any(c.isdigit() for c in text) else ""


def is_contact_block(lines: list[str]) -> bool:
    """Whether consecutive lines (each its own line of the page, as an address is set) make a
    postal address or contact block: 3 to 12 lines, each one a part of it (``contact_line_kind``),
    and at least two that only an address has (an e-mail, a phone, a postcode, a street). Args:
    lines, the lines in order. Returns True or False."""
    if not 3 <= len(lines) <= 12:
        return False
    kinds = [contact_line_kind(line) for line in lines]
    return all(kinds) and sum(k in ("email", "phone", "postcode", "street") for k in kinds) >= 2


# --- language --------------------------------------------------------------------------------
_FR = frozenset("le la les des du est sont nous vous votre vos être dans pour avec sur par une "
                "aux ces cette qui que conditions utilisation".split())
_DE = frozenset("der die das und ist sind wir sie ihre nicht mit für von den dem des eine einer "
                "werden wird bei nutzung".split())
_EN = frozenset("the and is are we you your our of to in for with by this that may will".split())


def function_word_counts(words: list[str]) -> dict[str, int]:
    """{"en": n, "fr": n, "de": n}: how many of ``words`` (lowercased) are frequent function
    words of each language."""
    counts = Counter(words)  # (counted once, then read per word list: ~4x faster on a long text)
    return {"en": sum(counts[w] for w in _EN), "fr": sum(counts[w] for w in _FR),
            "de": sum(counts[w] for w in _DE)}


def language_of(words: list[str]) -> str:
    """"en", "fr" or "de" by counting frequent function words (English when unsure)."""
    en = sum(w in _EN for w in words)
    fr = sum(w in _FR for w in words)
    de = sum(w in _DE for w in words)
    if fr > en and fr >= de:
        return "fr"
    if de > en and de > fr:
        return "de"
    return "en"


def corporate_words() -> frozenset[str]:
    """Legal-form words of company names (Ltd, Inc, GmbH, PTE ...)."""
    return _CORP


_AGO = (r"(?:over |about |almost |nearly |more than |less than )?(?:a|an|one|\d+|a few|several) "
        r"(?:second|minute|hour|day|week|month|year)s? ago|yesterday|today|just now|"
        r"il y a (?:plus d['’]|environ |moins d['’])?(?:un|une|\d+|quelques) ?(?:seconde|minute|heure|jour|semaine|mois|an)s?|"
        r"hier|aujourd['’]hui|vor (?:über |etwa |mehr als )?(?:einer|einem|\d+|wenigen) "
        r"(?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)|gestern|heute")
# "Updated 3 days ago", "mis à jour il y a 2 jours", "aktualisiert vor 3 Tagen": a help centre's
# relative stamp, which counts up from run to run with no word of the terms changed
_STAMP_VERBS = ("updated", "edited", "modified", "published", "posted", "revised", "written", "mis à jour", "modifié",
                "publié", "aktualisiert", "geändert", "veröffentlicht", "bearbeitet")
_RELATIVE_STAMP = re.compile(r"\b(" + "|".join(_STAMP_VERBS) + r")( on| le| am)?:? (" + _AGO + r")\b", re.I)
# A short line that says when the page was generated, fetched or updated down to the minute
# ("generated on December 2, 2026 at 10:04:00 UTC"): its numbers and month names are the clock's
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_STAMP_WORDS = re.compile(
    r"\b(generated|rendered|printed|retrieved|accessed|cached|updated|modified|as of|last (?:updated|modified)|"
    r"générée?s?|imprimée?s?|consultée?s?|mis à jour|erstellt|generiert|abgerufen|aktualisiert|stand)\b", re.I)
_STAMP_PARTS = re.compile(
    r"\d+|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(janv|févr|mars|avr|mai|juin|juil|"
    r"août|sept|oct|nov|déc)[a-zé]*\b|\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|"
    r"november|dezember)\b|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I)
# A request, session or trace id printed in the page ("Request ID: 4f2a9c..."): new on every request
_TOKEN_LABELS = ("request", "reference", "ref", "trace", "correlation", "session", "incident", "ray", "transaction")
_LABELLED_TOKEN = re.compile(
    r"\b((?:" + "|".join(_TOKEN_LABELS) + r")[ -]?(?:id|number|no\.?|#)"
    r"\s*[:#]?\s*)(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{8,}", re.I)
STAMP_LINE = 160  # characters: a longer line is prose, whatever clock time it names
# The years of a copyright notice ("© 2019-2026 Quibly Labs"): they move on every January
_COPYRIGHT_YEARS = re.compile(r"((?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?)(?:\d{4}\s*[-–—]\s*)?\d{4}\b", re.I)
_COPYRIGHT_MARKS = ("©", "opyright", "OPYRIGHT", "(c)", "(C)")
# An unlabelled token that is new on every request ("build 290db647", a nonce, a cache key, a
# UUID): hex of 7+ digits mixing figures and letters, or 16+ characters mixing upper case, lower
# case and figures. Masked only on a short line: inside a clause such a token could be a term.
_RANDOM_TOKEN = re.compile(
    r"(?<![\w-])(?:(?=[0-9a-f-]*[0-9])(?=[0-9a-f-]*[a-f])[0-9a-f]{7,}(?:-[0-9a-f]{4,})*"
    r"|(?=[\w-]*[0-9])(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[A-Za-z0-9_-]{16,})(?![\w-])", re.I)

_FIGURE = re.compile(r"[0-9]")  # in every match of _RANDOM_TOKEN (both its forms look ahead for one)


def mask_stamps(text: str) -> str:
    """``text`` with what changes from run to run without any word of the terms changing masked:
    a relative "updated N days ago" stamp, a short line stamping the page's generation or update
    time down to the minute, a labelled request or session id, a copyright notice's years, a
    random-looking token (hex or mixed-case, ``_RANDOM_TOKEN``) on a short line. For comparing two
    texts (mask both), never for storing one. A date alone ("Last updated: 1 March 2026") is not
    masked: a new date is how terms say they changed."""
    # Each pattern is tried only where a match can begin (``_found``): over the whole text the
    # three cost about 15 ms per 100 kB, paid twice by every changed page of a run.
    if ":" in text and (_has_clock(text) or _found(_LABELLED_TOKEN, _TOKEN_LABELS, text)):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if len(line) <= STAMP_LINE and _CLOCK.search(line) and _STAMP_WORDS.search(line):
                lines[i] = _STAMP_PARTS.sub("#", line)
        text = "\n".join(lines)
        if _found(_LABELLED_TOKEN, _TOKEN_LABELS, text):
            text = _LABELLED_TOKEN.sub(r"\1#", text)
    # a copyright notice's years and a random token are looked for line by line, on the few lines
    # that can hold them (a case-insensitive search of the whole text costs ~5 ms per 40 kB)
    # (a line is looked at for a copyright notice only when the text has its mark somewhere, and
    # for a random token only when it holds a figure, which both kinds of token have)
    lines = text.split("\n")
    masked = False
    notice = any(mark in text for mark in _COPYRIGHT_MARKS)
    for i, line in enumerate(lines):
        if notice and any(mark in line for mark in _COPYRIGHT_MARKS):
            lines[i] = line = _COPYRIGHT_YEARS.sub(r"\1#", line)
            masked = True
        if len(line) <= STAMP_LINE and _FIGURE.search(line) and _RANDOM_TOKEN.search(line):
            lines[i] = _RANDOM_TOKEN.sub("#", line)
            masked = True
    if masked:
        text = "\n".join(lines)
    return _RELATIVE_STAMP.sub(r"\1\2 #", text) if _found(_RELATIVE_STAMP, _STAMP_VERBS, text) else text


def is_request_stamp(text: str) -> bool:
    """Whether ``text`` is a short line that only stamps the request that served the page:
    a labelled request, trace or session id ("Request ID: 4f2a9c81e7d3", "Trace ID: ..."), the
    time the page was generated or fetched ("This page was generated at 11:17 UTC"), or a
    relative "updated 3 minutes ago". Such a line is new on every request, wherever it stands, so
    one removed here and one added there changes no term. A line with a modal ("must", "will")
    or more than ten words besides the stamp is a sentence, not a stamp.

    Args:
        text: a clause or sentence (Markdown or plain text).
    Returns:
        True for a per-request stamp line, else False."""
    line = text.strip()
    if not line or "\n" in line or len(line) > STAMP_LINE:
        return False
    if not (_LABELLED_TOKEN.search(line) or _CLOCK.search(line) and _STAMP_WORDS.search(line)
            or _RELATIVE_STAMP.search(line)):
        return False
    rest = re.findall(r"[^\W\d_]+", mask_stamps(line).lower())
    # besides the stamp's own words, at most two others ("page", "UTC"): "Prices updated at 10:04
    # UTC: the monthly fee is 5 USD" states a term
    other = [w for w in rest if is_content_word(w) and w not in _TOKEN_LABELS and w not in _STAMP_PLACES
             and not _STAMP_WORDS.fullmatch(w)]
    return len(rest) <= 10 and len(other) <= 2 and not set(rest) & (MODALS - {"may"})


_STAMP_PLACES = frozenset("id ids page seite site utc gmt uhr".split())


def _has_clock(text: str) -> bool:
    """``_CLOCK.search(text)``, tried only just before each colon (a clock time is one or two
    digits, then a colon)."""
    colon = text.find(":")
    while colon >= 0:
        if any(start >= 0 and _CLOCK.match(text, start) for start in (colon - 2, colon - 1)):
            return True
        colon = text.find(":", colon + 1)
    return False


# What ``re.I`` matches to a letter of ``_TOKEN_LABELS`` or ``_STAMP_VERBS`` that ``str.lower``
# does not lower to it (İ, ı and ſ; ``tests/test_stamps.py`` checks the list): that letter.
_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def _found(pattern: re.Pattern[str], words: tuple[str, ...], text: str) -> bool:
    """Whether ``pattern`` (``re.I``, which must begin with one of ``words``, in lower case)
    matches somewhere in ``text``, with the same answer as ``pattern.search(text)``: tried only
    where the text in lower case has one of ``words``."""
    lower = text
    for odd, letter in _FOLDS:
        if odd in lower:  # (rare: ``str.replace`` of nothing would copy the text all the same)
            lower = lower.replace(odd, letter)
    lower = lower.lower()
    if len(lower) != len(text):  # positions in ``lower`` are not those of ``text``
        return pattern.search(text) is not None
    for word in words:
        at = lower.find(word)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = lower.find(word, at + 1)
    return False

"""Facts in French, German and Spanish clauses: amounts, percentages, periods, ages, courts, modal words.

The same ``Fact`` kinds and normalized values as the English extractor, so a change from "14
jours" to "30 jours" or from "Gerichtsstand ist München" to "Gerichtsstand ist Berlin" is
compared like "14 days" → "30 days"; so is "durante 2 años" → "4 años" or "con treinta días de
antelación" (Spanish: periods, ages, amounts and numbers in words). Number formats: "9,48 €", "3 000 €", "3.000,00 EUR",
"1,56 %". Qualifiers keep their own words ("au moins", "innerhalb von").
"""

from __future__ import annotations

import re
from typing import Callable

__all__ = ["is_foreign", "facts_eu"]

# A cheap test first: most English clauses have none of these words.
_MARK = re.compile(r"\b(?:le|la|les|des|du|de|est|sont|vous|nous|une|et|jours?|mois|ans|dans|pour|"
                   r"der|die|das|und|ist|sind|wir|sie|nicht|oder|mit|tage?n?|monate?n?|jahre?n?|"
                   r"wochen?|für|von|bei|los|las|del|el|con|por|para|días?|años?|meses|semanas|"
                   r"durante|plazo)\b", re.I)
# Spanish function words, counted against English ones (``lexicons.language`` knows only English,
# French and German, and reads a Spanish clause as English: "2 años" was then no period)
_ES = frozenset("el los las del al con por para que una unos unas se su sus sus nuestro nuestra nuestros "
                "usted ustedes es son será serán podrá podrán puede pueden debe deberá y o en lo como "
                "durante plazo días día años año meses mes semanas antelación hasta desde".split())
_EN_WORDS = frozenset("the and is are we you your our of to in for with by this that may will or be any "
                      "days months years within".split())


def is_spanish(text: str) -> bool:
    """Whether ``text`` is Spanish rather than English, French or German: more Spanish function
    words than English ones, at least two, and no word only French or German writes."""
    ws = re.findall(r"[^\W\d_]+", text.lower())
    es = sum(w in _ES for w in ws)
    if es < 2 or es <= sum(w in _EN_WORDS for w in ws):
        return False
    return not re.search(r"[äöüßàâçèêëîïôûœ]|\b(?:der|die|das|und|ist|sind|le|les|des|est|sont|vous|nous)\b",
                         text.lower())


def is_foreign(text: str) -> bool:
    """Whether ``text`` is French, German or Spanish rather than English (function words counted)."""
    if not _MARK.search(text):
        return False
    from tracker.analysis.lexicons import language

    return language(" " + " ".join(re.findall(r"[^\W\d_]+", text.lower())) + " ") != "en" or is_spanish(text)


# --- numbers -------------------------------------------------------------------------------------
_WORDS = {w: i for i, w in enumerate(
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize".split())}
_WORDS.update({"une": 1, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
               "soixante": 60, "quatre-vingt-dix": 90, "cent": 100})
_WORDS.update({w: i for i, w in enumerate(
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn".split())})
_WORDS.update({"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwanzig": 20,
               "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "neunzig": 90,
               "hundert": 100})
# Spanish ("treinta días", "dieciocho años", "veintiún días", "treinta y un días")
_WORDS.update({w: i for i, w in enumerate(
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
    "veinticinco veintiséis veintisiete veintiocho veintinueve".split())})
_WORDS.update({"un": 1, "una": 1, "veintiún": 21, "veintiuna": 21, "treinta": 30, "cuarenta": 40,
               "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
               "cien": 100, "ciento": 100})
# Compound number words: "dix-huit", "vingt-et-un", "soixante-dix", "quatre-vingt-dix-neuf";
# "achtzehn", "einundzwanzig", "siebzig". Longest first, and never from inside a word or a
# compound ("achtzehn" is no "zehn", "dix-huit" no "huit").
_FR_UNIT = r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|onze|douze|treize|quatorze|quinze|seize)"
_FR_WORDNUM = (r"(?:(?:vingt|trente|quarante|cinquante|soixante|quatre[- ]vingts?)"
               rf"(?:[- ]et[- ](?:un|une|onze)|-(?:dix(?:-(?:sept|huit|neuf))?|{_FR_UNIT}))?|"
               r"dix(?:-(?:sept|huit|neuf))?)")
_DE_WORDNUM = (r"(?:(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|"
               r"dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|(?:drei|vier|fünf|sech|"
               r"sieb|acht|neun)zehn)")
_ES_WORDNUM = (r"(?:(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\s+y\s+"
               r"(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))")
_WORDNUM = "(?<![\\w-])(?:" + "|".join([_FR_WORDNUM, _DE_WORDNUM, _ES_WORDNUM, *sorted(
    (re.escape(w) for w in _WORDS), key=len, reverse=True)]) + ")(?![\\w-])"
_DE_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
            "siebzig": 70, "achtzig": 80, "neunzig": 90}
_DE_TEENS = {"sech": 6, "sieb": 7}


def word_number(text: str) -> float | None:
    """A number written in French, German or Spanish words: 'trente' → 30, 'dix-huit' → 18,
    'quatre-vingt-dix' → 90, 'vingt et un' → 21, 'dreißig' → 30, 'achtzehn' → 18,
    'einundzwanzig' → 21, 'treinta y un' → 31. None when ``text`` is no such number."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _WORDS:
        return float(_WORDS[t])
    if m := re.fullmatch(r"(?:(\w+?)und)?(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|"
                         r"achtzig|neunzig)", t):
        unit = _WORDS.get(m.group(1) or "null")
        return None if unit is None else float(unit + _DE_TENS[m.group(2)])
    if m := re.fullmatch(r"(\w+?)zehn", t):
        unit = _DE_TEENS.get(m.group(1), _WORDS.get(m.group(1)))
        return None if unit is None else float(10 + unit)
    total = 0
    words = [w for w in re.split(r"[- ]+", t) if w not in ("et", "y")]
    for i, w in enumerate(words):
        if w in ("vingt", "vingts") and i and words[i - 1] == "quatre":
            total += 80 - 4  # "quatre-vingt": four twenties
        elif w in ("cent", "cents"):
            total = max(total, 1) * 100
        elif w in _WORDS:
            total += _WORDS[w]
        else:
            return None
    return float(total) if words else None


# (never from inside a number: "0,0015 €" is no "0015 €"; a price per token or call has more
# than two decimals)
_AMOUNT = (r"(?<![\d.,])(?:\d{1,3}(?:[  .]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,6})?(?!\d)|"
           r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?)")
_NUM = rf"(?:\d+(?:,\d+)?(?:\s*\(\d+\))?|(?:{_WORDNUM})(?:\s*\(\d+\))?)"


def amount(text: str) -> float | None:
    """'9,48' → 9.48, '3 000' → 3000, '3.000,50' → 3000.5, '1,000.50' → 1000.5."""
    t = text.strip().replace(" ", " ").replace(" ", " ")
    if m := re.search(r"\((\d+)\)", t):
        return float(m.group(1))
    if re.fullmatch(r"[^\W\d_]+(?:[- ][^\W\d_]+)*", t):  # in words ("casefold" would read "dreißig" as "dreissig")
        return word_number(t)
    if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", t):  # ("0,002" is a decimal, not thousands)
        t = t.replace(",", "")
    else:
        t = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", t).replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_QUAL = (r"(?:(?P<q>au moins|au minimum|au plus|au maximum|jusqu['’]à|dans un délai de|dans les|"
         r"sous un délai de|sous|pendant|avant|après|à compter de|moins de|plus de|d['’]au moins|"
         r"pour une durée de|d['’]une durée de|mindestens|höchstens|bis zu|innerhalb von|"
         r"innerhalb|binnen|spätestens|nach|vor|für|unter|über|weniger als|mehr als|maximal|"
         r"minimal|al\s+menos|como\s+mínimo|como\s+máximo|hasta|durante|en\s+un\s+plazo\s+(?:máximo\s+)?de|"
         r"dentro\s+de(?:\s+los)?|antes\s+de|después\s+de|más\s+de|menos\s+de|no\s+más\s+tarde\s+de|"
         r"por\s+un\s+per[ií]odo\s+de|a\s+partir\s+de|con)\s+)?")

# --- money and percentages -------------------------------------------------------------------
_MONEY = re.compile(
    _QUAL + rf"(?:(?P<a1>{_AMOUNT})\s?(?P<c1>€|EUR\b|euros?\b|CHF\b|£|\$|USD\b)|"
    rf"(?P<c2>€|EUR|\$|£|USD|CHF)\s?(?P<a2>{_AMOUNT}))", re.I)
_CUR = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "chf": "CHF", "£": "GBP",
        "$": "USD", "usd": "USD"}
_PERCENT = re.compile(_QUAL + r"(?P<n>\d+(?:,\d+)?)\s?(?:%|pour\s?cent\b|prozent\b|por\s+ciento\b)", re.I)

# --- periods and ages ----------------------------------------------------------------------------
_UNITS: list[tuple[str, str, str]] = [
    (r"jours?\s+(?:ouvrés|ouvrables|calendaires|francs)|jours?", "P", "D"),
    (r"días?(?:\s+(?:hábiles|naturales|laborables|laborales))?", "P", "D"),
    (r"(?:werk|kalender|arbeits)?tage?n?", "P", "D"),
    (r"semaines?|wochen?|semanas?", "P", "W"),
    (r"mois|monate?n?|monats|mes(?:es)?", "P", "M"),
    (r"ans|années?|an|jahre?n?|jahres|años?", "P", "Y"),
    (r"heures?|stunden?|horas?", "PT", "H"),
    (r"minutes?|minuten?|minutos?", "PT", "M"),
]
_UNIT = "|".join(u for u, _, _ in _UNITS)
# a French count's own adjective between number and unit ("les 12 derniers mois", "30 jours consécutifs"
# comes after it, and is no matter)
_COUNT_ADJ = r"(?:derni(?:er|ère)s|prochain(?:e)?s|premi(?:er|ère)s|plein(?:e)?s)\s+"
_DURATION = re.compile(_QUAL + rf"(?P<n>{_NUM})[\s-]+(?:{_COUNT_ADJ})?(?P<u>{_UNIT})\b", re.I)
_AGE_BEFORE = re.compile(r"(?:âgée?s?\s+d['’]?(?:au\s+moins\s+)?|(?:moins|plus)\s+de\s+|avoir\s+(?:au\s+moins\s+)?|"
                         r"(?:mayores?|menores?)\s+de\s+|tener\s+(?:al\s+menos\s+)?|edad\s+de\s+|"
                         r"(?:mindestens|unter|ab|über)\s+)$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:révolus|ou\s+plus|et\s+plus|minimum|alt\b|\.?\s*lebensjahr|de\s+edad\b|"
                        r"o\s+más\b|cumplidos\b)", re.I)
_AGE_CONTEXT = re.compile(r"\b(?:âge|âgée?s?|mineurs?|majeure?s?|enfants?|parents?|alter|"
                          r"minderjährig\w*|volljährig\w*|eltern|kinder|jugendliche|edad|menores|mayores|"
                          r"niños|padres|tutores)\b", re.I)
_MAJORITY = re.compile(r"\b(?:majorité\s+légale|âge\s+de\s+la\s+majorité|être\s+majeure?|"
                       r"volljährig(?:keit)?)\b", re.I)


def _unit(u: str) -> tuple[str, str]:
    for pattern, prefix, suffix in _UNITS:
        if re.fullmatch(pattern, u, re.I):
            return prefix, suffix
    return "P", "D"


def _is_age(text: str, m: re.Match) -> bool:
    if not re.fullmatch(r"ans|jahre?n?|años?", m.group("u"), re.I):
        return False
    n = amount(m.group("n"))
    before = text[max(0, m.start("n") - 30):m.start("n")]
    if _AGE_AFTER.match(text, m.end()) or re.search(r"âgée?s?\s+d|\b(?:avoir|tener)\s+(?:a[ul]\s+(?:moins|menos)\s+)?$",
                                                   before, re.I):
        return True
    return bool(n is not None and 10 <= n <= 21 and _AGE_BEFORE.search(before)
                and _AGE_CONTEXT.search(text))


def _periods(text: str, fact: Callable) -> tuple[list, list]:
    durations, ages = [], []
    for m in _DURATION.finditer(text):
        n = amount(m.group("n"))
        if n is None:
            continue
        qual = (m.group("q") or "").lower()
        if _is_age(text, m):
            ages.append(fact("age", m.group(0).strip(), _fmt(n), qual))
            continue
        prefix, suffix = _unit(m.group("u"))
        durations.append(fact("duration", m.group(0).strip(), f"{prefix}{_fmt(n)}{suffix}", qual))
    for m in _MAJORITY.finditer(text):
        ages.append(fact("age", m.group(0).strip(), "majority", ""))
    return durations, ages


# --- courts and places ---------------------------------------------------------------------------
_PLACES = ("Paris|Lyon|Marseille|Nanterre|Bordeaux|Lille|Nantes|Toulouse|Strasbourg|Nice|Rennes|"
           "Montpellier|Grenoble|Créteil|Bobigny|Versailles|Luxembourg|Bruxelles|Genève|Lausanne|"
           "Dublin|Amsterdam|Londres|München|Munich|Berlin|Hamburg|Köln|Frankfurt am Main|"
           "Frankfurt|Düsseldorf|Stuttgart|Leipzig|Dresden|Hannover|Bonn|Wien|Zürich|Bern|"
           "France|Allemagne|Irlande|Belgique|Suisse|Royaume-Uni|États-Unis|Pays-Bas|Espagne|"
           "Italie|Union européenne|Deutschland|Frankreich|Irland|Luxemburg|Österreich|Schweiz|"
           "Vereinigtes Königreich|Vereinigte Staaten|Vereinigten Staaten|Niederlande|"
           "Europäische Union|Europäischen Union|Californie|Kalifornien|Delaware|New York|Singapour|"
           "Singapur")
_NAMED = re.compile(rf"\b(?:{_PLACES})\b")
_COURT = re.compile(
    r"(?:tribunaux?|tribunal\s+(?:judiciaire|de\s+commerce|compétent)|juridictions?)"
    r"(?:\s+(?:compétente?s?|françaises?|judiciaires?))*\s+(?:de\s+|d['’]|du\s+ressort\s+de\s+"
    r"(?:la\s+cour\s+d['’]appel\s+de\s+)?|situés?\s+à\s+|à\s+)(?P<p1>(?-i:[A-ZÉ])[\w\-éèç]+(?:[\s-](?-i:[A-ZÉ])[\w\-éèç]+)?)|"
    r"(?<!schieds)(?:gerichtsstand|gerichte?|landgericht|amtsgericht)(?:\s+(?:ist|für\s+.{0,60}?\s+ist|in|zu|"
    r"von))?\s+(?P<p2>[A-ZÄÖÜ][\wäöüß\-]+(?:\s+am\s+Main)?)", re.I)


def _courts_and_places(text: str, fact: Callable) -> list:
    out = []
    for m in _COURT.finditer(text):
        place = m.group("p1") or m.group("p2")
        if place and place[:1].isupper() and place.lower() not in ("la", "le", "les", "der", "die",
                                                                     "das", "ist", "sind"):
            out.append(fact("place", m.group(0).strip(), place, "court"))
    for m in _NAMED.finditer(text):
        out.append(fact("place", m.group(0), m.group(0)))
    return out


# --- modal words and negations ---------------------------------------------------------------
_MODAL = re.compile(
    r"\b(?P<ne>ne\s+|n['’])?(?P<m>peut|peuvent|pourra|pourront|pourrait|doit|doivent|devra|devront|"
    r"kann|können|muss|müssen|darf|dürfen|soll|sollen|wird|werden|se\s+réserve\s+le\s+droit\s+de|"
    r"behält\s+sich\s+(?:das\s+recht\s+)?vor|behalten\s+uns\s+(?:das\s+recht\s+)?vor)\b"
    r"(?P<neg>\s+(?:pas|nicht|jamais|keine?n?))?(?:\s+(?P<verb>[a-zà-ÿäöüß]+))?", re.I)
# Other ways to say "à tout moment" / "jederzeit": the same fact, valued as those
_ANY_TIME = (r"(?:quand|lorsque)\s+vous\s+le\s+(?:souhaitez|voulez|désirez)|quand\s+vous\s+voulez|"
             r"à\s+tout\s+instant|à\s+n['’]importe\s+quel\s+moment|zu\s+jeder\s+zeit|"
             r"wann\s+immer\s+(?:sie|du)\s+(?:möchten|möchtest|wollen|willst)")
_ANY_TIME_DE = re.compile(r"zu\s+jeder|wann", re.I)
_NEG = re.compile(
    r"\b(?:sans\s+(?:aucun\s+)?(?:préavis|motif|justification|délai|indemnité|notification)|"
    r"à\s+tout\s+moment|" + _ANY_TIME + r"|à\s+(?:sa|notre|leur)\s+(?:seule\s+|entière\s+|libre\s+)?discrétion|"
    r"pour\s+quelque\s+(?:raison|motif)\s+que\s+ce\s+soit|non\s+remboursables?|jamais|aucune?|"
    r"ohne\s+(?:vorherige\s+|vorige\s+)?(?:ankündigung|vorankündigung|frist|grund|angabe\s+von\s+"
    r"gründen|benachrichtigung)|jederzeit|nach\s+(?:(?:unserem|ihrem|seinem|eigenem|freiem|alleinigem|eigenen|freien|alleinigen|billigem|billigen|pflichtgemäßem)\s+){1,2}ermessen|"
    r"nicht\s+erstattungsfähig|niemals|nicht|keine?[nmrs]?|pas)\b", re.I)
_DISCRETION = ("à tout moment", "discrétion", "quelque", "jederzeit", "ermessen")


def _modal_words(text: str, fact: Callable) -> list:
    out = []
    for m in _MODAL.finditer(text):
        modal = re.sub(r"\s+", " ", m.group("m").lower())
        negated = bool(m.group("neg") or m.group("ne"))
        out.append(fact("modality", m.group(0).strip(), f"{modal} not" if negated else modal,
                        (m.group("verb") or "").lower()))
    for m in _NEG.finditer(text):
        value = re.sub(r"\s+", " ", m.group(0).lower())
        if re.fullmatch(_ANY_TIME, value, re.I):
            value = "jederzeit" if _ANY_TIME_DE.match(value) else "à tout moment"
        if value in ("pas", "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines") and \
                _MODAL.search(text[max(0, m.start() - 25):m.start()]):
            continue  # "ne peut pas": reported with the modal
        kind = "modality" if any(d in value for d in _DISCRETION) else "negation"
        out.append(fact(kind, m.group(0), value, ""))
    return out


def money_value(currency: str, amount: float) -> str:
    """The value of an amount of money as facts compare it: "USD 10.00", and sub-cent prices kept
    to their own precision ("USD 0.002" per API call, "EUR 0.0015" per token), which two decimals
    would round to one same "0.00"."""
    if abs(amount * 100 - round(amount * 100)) < 1e-9:
        return f"{currency} {amount:.2f}"
    return f"{currency} {amount:.6f}".rstrip("0")


# An amount of money in any of its written forms, for telling a notation changed from an amount
# changed: "USD 100", "US$100", "$100", "100 USD", "100 $", "100 US dollars", "EUR 10", "10 €",
# "€10", "1.000,00 €", "1 000 EUR", "€1,000.00".
_CURRENCY_MARK = (r"US\s?\$|US[- ]?Dollars?|U\.S\.\s+dollars?|US\s+dollars?|[$€£¥]|USD|EUR|GBP|CAD|AUD|CHF|JPY|"
                  r"INR|dollars?|euros?|pounds?(?:\s+sterling)?|Euro")
_ANY_AMOUNT = (r"(?<![\d.,])(?:\d{1,3}(?:[  .]\d{3})+(?:,\d{1,6})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,6})?|"
               r"\d+(?:[.,]\d{1,6})?)(?![\d])(?:[.,]-{1,2})?")
_MONEY_FORM = re.compile(rf"(?:(?<![^\W\d_])(?P<c1>{_CURRENCY_MARK})\s?(?P<a1>{_ANY_AMOUNT})|"
                         rf"(?P<a2>{_ANY_AMOUNT})\s?(?P<c2>{_CURRENCY_MARK}))(?![^\W\d_])", re.I)
_CURRENCY_OF = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollar": "USD", "euro": "EUR", "pound": "GBP"}


def money_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each amount of money in ``text``, whatever its notation: the value
    is the currency and the amount ("USD 100.00" for "USD 100", "US$100", "$100", "100 $" and
    "100 US dollars"; "EUR 1000.00" for "1.000,00 €" and "€1,000"). Two texts whose values are
    the same, in order, name the same amounts."""
    out = []
    for m in _MONEY_FORM.finditer(text):
        raw = (m.group("a1") or m.group("a2")).rstrip("-").rstrip(".,")
        value = amount(raw)
        if value is None:
            continue
        mark = re.sub(r"[\s.-]+", " ", (m.group("c1") or m.group("c2")).lower()).strip()
        mark = re.sub(r"^(?:us ?\$|us ?dollars?|u s dollars?)$", "usd", mark)
        mark = re.sub(r"^(dollar|euro|pound)s?(?: sterling)?$", r"\1", mark)
        cur = _CURRENCY_OF.get(mark, mark.upper())
        out.append((m.start(), m.end(), money_value(cur, value)))
    return out


def facts_eu(text: str, fact: Callable) -> list:
    """Facts of a French, German or Spanish text, built with ``fact(kind, text, value, qualifier)``."""
    out = []
    for m in _MONEY.finditer(text):
        value = amount(m.group("a1") or m.group("a2"))
        if value is None:
            continue
        cur = _CUR.get((m.group("c1") or m.group("c2") or "€").lower(), "EUR")
        out.append(fact("money", m.group(0).strip(), money_value(cur, value), (m.group("q") or "").lower()))
    for m in _PERCENT.finditer(text):
        value = amount(m.group("n"))
        if value is not None:
            out.append(fact("percent", m.group(0).strip(), f"{_fmt(value)}%", (m.group("q") or "").lower()))
    durations, ages = _periods(text, fact)
    return out + durations + ages + _courts_and_places(text, fact) + _modal_words(text, fact)

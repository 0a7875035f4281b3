"""Facts in a clause: the numbers, periods, places and modal words a change can turn.

Materiality hinges on them ("credits expire after 12 months" → "6 months"), so each fact keeps
the words as written (for the explanation) and a normalized value (for comparison).
Regular expressions only; fast enough for the clauses that changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.analysis.facts_eu import _ANY_TIME as _EU_ANY_TIME_PATTERN
from tracker.analysis.facts_eu import facts_eu, is_foreign, money_value


@dataclass(frozen=True)
class Fact:
    """One fact: kind, the text as written, a normalized value and an optional qualifier."""

    kind: str  # money | percent | duration | age | place | modality | negation
    text: str
    value: str
    qualifier: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "value": self.value,
                "qualifier": self.qualifier or None}  # none is null in JSON


# --- numbers ---------------------------------------------------------------------------------
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
            r"three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
            r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
            r"nineteen|a hundred|one hundred|a|an)")
_NUM = rf"(?:\d+(?:[.,]\d+)?|{_WORDNUM}(?:\s*\(\d+\))?)"


def number(text: str) -> float | None:
    """'12', '1,000', 'ninety (90)', 'thirty-six', 'a' → a number; None if unreadable."""
    t = text.lower().strip()
    if m := re.search(r"\((\d+)\)", t):
        return float(m.group(1))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        pass
    if t in ("a", "an"):
        return 1.0
    if "hundred" in t:
        return 100.0
    parts = re.split(r"[- ]", t)
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        else:
            return None
    return float(total)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_QUAL = (r"(?:(?P<q>at least|at most|no less than|not less than|no more than|not more than|"
         r"no later than|not later than|up to|within|after|before|minimum of|maximum of|"
         r"a minimum of|a maximum of|more than|less than|fewer than|over|under|exceeding|"
         r"in excess of|prior to|for)\s+)?")

# --- money / percent ---------------------------------------------------------------------------
_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CODE = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "dollars": "USD", "dollar": "USD",
         "euros": "EUR", "euro": "EUR", "pounds": "GBP", "cad": "CAD", "aud": "AUD",
         "chf": "CHF", "jpy": "JPY", "inr": "INR", "us$": "USD"}
# (never from inside a number, and "0,002" is no thousands: a French or German decimal)
_AMOUNT = r"(?<![\d.,])(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![,.]?\d)"
_MONEY = re.compile(
    _QUAL + rf"(?:(?P<sym>US\$|[$€£¥])\s?(?P<a1>{_AMOUNT})|(?P<code1>USD|EUR|GBP|CAD|AUD|CHF|JPY|"
    rf"INR)\s?(?P<a2>{_AMOUNT})|(?P<a3>{_AMOUNT})\s?(?P<code2>USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|"
    rf"dollars?|euros?|pounds)\b)", re.I)
# a share written in digits or in words ("50%", "fifty percent", "twenty-five per cent"), never "a percent"
_PERCENT = re.compile(_QUAL + r"(?P<n>\d+(?:\.\d+)?|(?<![\w-])" + _WORDNUM.replace("|a|an)", ")") +
                      r"(?:\s*\(\d+(?:\.\d+)?\))?)\s?(?:%|percent\b|per cent\b)", re.I)


def _money(text: str) -> list[Fact]:
    out = []
    for m in _MONEY.finditer(text):
        amount = m.group("a1") or m.group("a2") or m.group("a3")
        cur = (_SYMBOL.get(m.group("sym") or "") or
               _CODE.get((m.group("sym") or m.group("code1") or m.group("code2") or "").lower(),
                         "USD"))
        value = money_value(cur, float(amount.replace(',', '')))
        out.append(Fact("money", m.group(0).strip(), value, (m.group("q") or "").lower()))
    return out


def _percent(text: str) -> list[Fact]:
    return [Fact("percent", m.group(0).strip(), f"{_fmt(number(m.group('n')) or 0.0)}%",
                 (m.group("q") or "").lower()) for m in _PERCENT.finditer(text)]


# --- durations -----------------------------------------------------------------------------------
_ISO = {"second": ("PT", "S"), "minute": ("PT", "M"), "hour": ("PT", "H"), "day": ("P", "D"),
        "business day": ("P", "D"), "working day": ("P", "D"), "calendar day": ("P", "D"),
        "week": ("P", "W"), "month": ("P", "M"), "year": ("P", "Y")}
_DURATION = re.compile(
    _QUAL + rf"(?P<n>{_NUM})[\s-]+(?P<u>(?:business|working|calendar)\s+days?|seconds?|minutes?|"
    r"hours?|days?|weeks?|months?|years?)(?P<notice>['’]s?\s+(?:prior\s+|advance\s+|written\s+)*"
    r"notice|\s+(?:prior\s+|advance\s+|written\s+)+notice|\s+notice)?\b", re.I)


def _durations(text: str) -> list[Fact]:
    out = []
    for m in _DURATION.finditer(text):
        n = number(m.group("n"))
        if n is None or _is_age(text, m):
            continue
        # casefold, not lower: re.I also matches "ſ" for "s" and "K" (Kelvin) for "k"
        unit = re.sub(r"s$", "", re.sub(r"\s+", " ", m.group("u").casefold()))
        if unit not in _ISO:
            continue
        prefix, suffix = _ISO[unit]
        qual = (m.group("q") or "").lower()
        if m.group("notice"):
            qual = f"{qual} notice".strip()
        out.append(Fact("duration", m.group(0).strip(), f"{prefix}{_fmt(n)}{suffix}", qual))
    return out


def _is_age(text: str, m: re.Match) -> bool:
    """'18 years of age' / '13 years old' / 'children under 13 years' are ages, not durations."""
    return m.group("u").lower().startswith("year") and bool(
        re.match(r"\s*(?:of age|old|or older|and older|or over)", text[m.end():], re.I)
        or _PERSONS_AGED.search(text[:m.end()]))


# People of an age ("children under 13 years", "minors below 16 years"): an age limit, however
# the unit is written, never a period of time.
_PERSONS_AGED = re.compile(r"\b(?:children|child|kids|minors|teens|teenagers|anyone|anybody|persons|people|"
                           r"individuals)\s+(?:who\s+are\s+|aged\s+)?(?P<q>under|below|over|above|"
                           r"younger\s+than|older\s+than)\s+(?P<n>\d{1,2})\s+years?\b(?!\s*(?:of\s+age|old))", re.I)


# --- ages ------------------------------------------------------------------------------------
# An age in words ("eighteen years of age", "the age of sixteen"): ten to ninety-nine
_AGE_WORD = (r"(?:\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
             r"five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
             r"seventeen|eighteen|nineteen)\b)")
_AGE = re.compile(
    r"(?P<q>under|below|over|above|at least|younger than|older than|minimum)?\s*(?:the\s+)?"
    r"(?:age\s+of\s+(?P<a1>\d{1,2}|majority|" + _AGE_WORD + r")|(?:[a-z]+(?:-[a-z]+)?\s*\()?(?P<a2>\d{1,2}|"
    + _AGE_WORD + r")\)?\s+(?:years\s+)?(?:of\s+age|years\s+old"
    r"|years\s+or\s+older|or\s+older|\+)|age\s+(?P<a3>\d{1,2})\b)"
    r"|(?P<q2>under|below|over)\s+(?P<a4>\d{1,2})\b(?!\s*(?:%|percent|days?|months?|weeks?|hours?"
    r"|years?|[$€£]"
    # a quantity with its unit ("liquids over 1 litre", "parcels over 30 kg", "files under 10 MB"), no age
    r"|(?:litres?|liters?|l|ml|cl|kg|kilos?|kilograms?|g|grams?|lbs?|pounds?|ounces?|oz|tons?|tonnes?|km|"
    r"kilomet(?:re|er)s?|miles?|m|met(?:re|er)s?|cm|mm|inch(?:es)?|feet|foot|ft|[kmgt]i?b|bytes?|"
    r"characters?|words?|pages?|items?|files?|users?|members?|seats?|requests?|calls?|messages?|"
    r"minutes?|seconds?|mins?|secs?|times?|euros?|dollars?|usd|eur|gbp|per|x)\b))"
    r"|(?P<maj>(?:legal\s+)?age\s+of\s+(?:legal\s+)?majority|legal\s+age|majority\s+age)"
    # "The minimum age is 13", "minimum age: 16", "age minimum de 15 ans", "Mindestalter 16"
    r"|(?:minimum|min\.?)\s+age(?:\s+(?:is|of|for\s+\w+\s+is|required\s+is))?\s*:?\s*(?P<a5>\d{1,2})\b"
    r"|âge\s+minimum\s+(?:est\s+)?(?:de\s+)?(?P<a6>\d{1,2})\b|mindestalter\s+(?:beträgt\s+|ist\s+|von\s+)?:?\s*(?P<a7>\d{1,2})\b", re.I)


def _ages(text: str) -> list[Fact]:
    out = []
    for m in _AGE.finditer(text):
        if m.group("maj"):
            out.append(Fact("age", m.group(0).strip(), "majority"))
            continue
        age = m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4")
        qual = (m.group("q") or m.group("q2") or "").lower()
        if not age:  # "the minimum age is 13"
            age, qual = m.group("a5") or m.group("a6") or m.group("a7"), "minimum"
        if not age.isdigit() and age.lower() != "majority":  # in words: the same value as in digits
            age = _fmt(number(age) or 0)
        out.append(Fact("age", m.group(0).strip(), "majority" if age.lower() == "majority"
                        else age, qual))
    for m in _PERSONS_AGED.finditer(text):
        out.append(Fact("age", text[m.start("q"):m.end()].strip(), m.group("n"), m.group("q").lower()))
    return out


# --- places ------------------------------------------------------------------------------------
_STATES = ("Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida "
           "Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland "
           "Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada "
           "Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington "
           "Wisconsin Wyoming").split() + ["New Hampshire", "New Jersey", "New Mexico",
                                           "New York", "North Carolina", "North Dakota",
                                           "Rhode Island", "South Carolina", "South Dakota",
                                           "West Virginia", "District of Columbia"]
_COUNTRIES = ("United States|United Kingdom|England and Wales|England|Wales|Scotland|"
              "Northern Ireland|Ireland|Germany|France|Spain|Italy|Portugal|Netherlands|Belgium|"
              "Luxembourg|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Iceland|Poland|"
              "Czech Republic|Hungary|Romania|Greece|Cyprus|Malta|Estonia|Latvia|Lithuania|"
              "Canada|Mexico|Brazil|Argentina|Chile|Colombia|Australia|New Zealand|Japan|China|"
              "Hong Kong|Singapore|India|Israel|South Korea|Korea|Taiwan|Russia|Ukraine|Turkey|"
              "South Africa|Nigeria|Kenya|Egypt|United Arab Emirates|Saudi Arabia|Cayman Islands|"
              "British Virgin Islands|Bermuda|European Union|Quebec|Ontario|British Columbia")
_CITIES = ("San Francisco|Los Angeles|San Diego|San Jose|Santa Clara|Palo Alto|Mountain View|"
           "Menlo Park|Seattle|Austin|Dallas|Houston|Chicago|Boston|Miami|Atlanta|Denver|"
           "Wilmington|Dover|Baltimore|Philadelphia|Manhattan|Brooklyn|Las Vegas|Salt Lake City|"
           "London|Dublin|Paris|Berlin|Munich|Amsterdam|Stockholm|Helsinki|Copenhagen|Oslo|"
           "Zurich|Geneva|Vienna|Madrid|Barcelona|Milan|Rome|Luxembourg City|Toronto|Vancouver|"
           "Montreal|Sydney|Melbourne|Tokyo|Seoul|Beijing|Shanghai|Tel Aviv|Bangalore|Mumbai|"
           "Delhi")
_BODIES = {"aaa": "AAA", "american arbitration association": "AAA", "jams": "JAMS",
           "icc": "ICC", "international chamber of commerce": "ICC", "icdr": "ICDR",
           "international centre for dispute resolution": "ICDR", "lcia": "LCIA",
           "london court of international arbitration": "LCIA", "siac": "SIAC",
           "singapore international arbitration centre": "SIAC", "cietac": "CIETAC",
           "hkiac": "HKIAC", "national arbitration forum": "NAF"}
_PLACE_NAMES = "|".join([_CITIES, _COUNTRIES, "|".join(_STATES)])
_COURT = re.compile(
    r"(?:(?:state\s+(?:or|and)\s+federal|federal\s+(?:or|and)\s+state|state|federal|"
    r"competent|provincial|local)\s+)?courts?\s+(?:located\s+|sitting\s+|situated\s+)?(?:in|of|for|within)"
    r"\s+(?:the\s+)?", re.I)
_GAP = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+|the\s+)?(?:(?:(?:city|county|town|borough)\s+and\s+)?(?:state|county|city|district)\s+of\s+)?",
                  re.I)
# "the State of", "the City and County of": kinds of place, not names
_LEAD = re.compile(r"(?:(?:(?:city|county|town|borough)\s+and\s+)?(?:state|county|city|district|republic|canton|"
                   r"commonwealth|province|kingdom|principality|grand\s+duchy)\s+of\s+(?:the\s+)?)?", re.I)
_NAMED = re.compile(
    # the county's or district's own name is capitalised even under re.I: "a court in the district of
    # California or a state court" must not read "California Or"
    rf"\b(?P<county>(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+County)\b|"
    rf"\b(?P<district>(?:Northern|Southern|Eastern|Western|Central)\s+District\s+of\s+(?-i:[A-Z][a-z]+"
    rf"(?:\s[A-Z][a-z]+)?))\b|\b(?P<name>{_PLACE_NAMES})\b|"
    rf"\b(?P<body>{'|'.join(sorted(_BODIES, key=len, reverse=True))})\b", re.I)


# Any capitalised name right after "courts of": a city no list knows ("the courts of Porto",
# "Amtsgericht"-style names aside) is still where disputes go.
_CAPITALISED = re.compile(r"(?!(?:The|This|These|Your|Our|Any|Each|Such)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}")


# Capitalised words that are no place: a pronoun or a joining word written in capitals ("the courts
# of New York, and You waive ...", "the laws of Delaware, Without regard to ...", "Porto, Provided That")
_NO_PLACE = frozenset("""i you we they he she it us them your our their its and or but nor provided
    without with except unless if subject notwithstanding including in at for by to where which that
    who each either both all no not nothing any such this these those the a an please save other
    than as so then however company customer user users licensee licensor""".split())


def _unknown_place(text: str, m: re.Match[str], after_name: bool) -> bool:
    """Whether a capitalised run no list knows (``m``) reads as a place: not a pronoun or joining
    word ("You", "Without"), and, after a first name, not the subject of a new clause (a
    capitalised word followed by a lower-case word: "Santa Clara County, and Customer agrees")."""
    first = m.group(0).split()[0].casefold()
    if first in _NO_PLACE:
        return False
    return not (after_name and re.match(r"\s+[a-z]", text[m.end():]))


def _court_places(text: str, start: int) -> tuple[int, list[str]]:
    """The run of place names right after 'courts located in': end offset and names."""
    lead = _LEAD.match(text, start)  # all-optional pattern: always matches, maybe empty
    pos = lead.end() if lead else start
    names: list[str] = []
    while ((m := _NAMED.match(text, pos)) and not m.group("body")) or (
            (m := _CAPITALISED.match(text, pos)) and _unknown_place(text, m, bool(names))):
        names.append(_title(m.group(0)))
        end = m.end()
        gap = _GAP.match(text, end)
        pos = gap.end() if gap else end
    return (end if names else start), names


def places_at(text: str, start: int) -> list[str]:
    """The place names that run from ``start`` in ``text`` ("New York County, New York"), as
    ``_title`` spells them; [] when no name starts there (leading "State of" skipped)."""
    return _court_places(text, start)[1]


def courts_named(text: str) -> str:
    """The courts a clause sends disputes to, as a reader names them: "the courts of Wilmington,
    Delaware" (the places ``facts.places_at`` reads after "courts located in"), "the courts" when
    the clause names courts but no place; "" when it names no court."""
    m = _COURT.search(text)
    if m is None:
        return "the courts" if re.search(r"\bcourts?\b", text, re.I) and re.search(
            r"\b(?:exclusive(?:ly)?|resolved|brought|heard|jurisdiction|venue)\b", text, re.I) else ""
    places = places_at(text, m.end())
    return f"the courts of {', '.join(places)}" if places else "the courts"


# --- governing law ---------------------------------------------------------------------------------
# A law named by its nation's adjective: "French law", "droit français", "deutsches Recht"
_NATION = {"french": "France", "français": "France", "française": "France", "german": "Germany",
           "allemand": "Germany", "deutsch": "Germany", "irish": "Ireland", "irlandais": "Ireland",
           "english": "England", "anglais": "England", "swiss": "Switzerland", "suisse": "Switzerland",
           "schweizerisch": "Switzerland", "dutch": "Netherlands", "néerlandais": "Netherlands",
           "niederländisch": "Netherlands", "finnish": "Finland", "belgian": "Belgium", "belge": "Belgium",
           "luxembourgish": "Luxembourg", "luxembourgeois": "Luxembourg", "luxemburgisch": "Luxembourg",
           "spanish": "Spain", "espagnol": "Spain", "italian": "Italy", "italien": "Italy", "swedish": "Sweden",
           "danish": "Denmark", "norwegian": "Norway", "austrian": "Austria", "autrichien": "Austria",
           "österreichisch": "Austria", "polish": "Poland", "israeli": "Israel", "japanese": "Japan",
           "scottish": "Scotland", "canadian": "Canada", "portuguese": "Portugal", "portugais": "Portugal",
           "allemande": "Germany", "irlandaise": "Ireland", "anglaise": "England", "néerlandaise": "Netherlands",
           "luxembourgeoise": "Luxembourg", "schweizer": "Switzerland", "belgisch": "Belgium",
           "französisch": "France", "irisch": "Ireland", "englisch": "England", "italienisch": "Italy",
           "spanisch": "Spain"}
_NAT = "|".join(sorted(_NATION, key=len, reverse=True))
_LAW_OF = re.compile(r"\blaws?\s+(?:in\s+force\s+)?(?:of|in)\s+(?:the\s+)?(?:(?:Federal\s+Republic|Commonwealth|Province|"
                     r"Republic|Kingdom|Grand\s+Duchy|Canton|Principality)\s+of\s+(?:the\s+)?)?", re.I)
_PLACE_LAW = re.compile(rf"\b(?P<p>{_PLACE_NAMES})\s+laws?\b")  # "California law", "New York law"
_NATION_LAW = re.compile(rf"\b(?P<n>{_NAT})\s+laws?\b|\b(?:droit|loi|législation)\s+(?P<f>{_NAT})\b|"
                         rf"\b(?P<d>{_NAT})(?:e[mnrs]?)?\s+Recht(?:s)?\b", re.I)
_EU_LAW_OF = re.compile(r"\b(?:droit|loi)\s+(?:de\s+l['’]État\s+de\s+|de\s+la\s+|du\s+|de\s+l['’]|des\s+|de\s+)|"
                        r"\bRecht\s+(?:der|des)\s+(?:(?:Bundes)?republik\s+|Fürstentums?\s+|Großherzogtums?\s+)?", re.I)
# "incorporated under the laws of Germany", "protected by the laws of the United States": a law
# named for something else than the contract
_NOT_GOVERNING = re.compile(r"\b(?:incorporated|organi[sz]ed|registered|existing|established|formed|protected|"
                            r"export|sanctions?|controls?|privacy|data protection|consumer|mandatory|"
                            r"residence|reside|live|located|barred|prohibited|permitted|allowed|compl(?:y|iance)|"
                            r"violat\w*|breach\w*)\b[^.;]{0,40}$", re.I)


def nation(word: str) -> str | None:
    """The country a nation's adjective names ('French', 'français', 'deutsches' → 'France',
    'France', 'Germany'); None for other words."""
    w = word.casefold()
    for form in (w, w[:-1] if w.endswith("s") else w, re.sub(r"e[mnrs]?$", "", w), re.sub(r"n?es?$", "", w)):
        if form in _NATION:
            return _NATION[form]
    return None


def law_places(text: str) -> list[str]:
    """The places whose law a sentence names as the law of the contract: "the laws of the State
    of California" → ["California"], "English law" → ["England"], "régies par le droit
    français" → ["France"], "the law of the Federal Republic of Germany" → ["Germany"]. A law
    named for something else ("a company incorporated under the laws of Germany") is left out.
    Returns distinct names in order; [] when none."""
    from tracker.analysis.facts_eu import _NAMED as _EU_NAMED

    found: list[tuple[int, str]] = []

    def governs(pos: int) -> bool:
        return not _NOT_GOVERNING.search(text[max(0, pos - 60):pos])

    for m in _LAW_OF.finditer(text):
        if governs(m.start()):
            found.extend((m.end(), p) for p in _court_places(text, m.end())[1])
    for m in _PLACE_LAW.finditer(text):
        if governs(m.start()):
            found.append((m.start(), _title(m.group("p"))))
    for m in _NATION_LAW.finditer(text):
        word = (m.group("n") or m.group("f") or m.group("d")).casefold()
        if governs(m.start()) and word in _NATION:
            found.append((m.start(), _NATION[word]))
    for m in _EU_LAW_OF.finditer(text):
        if governs(m.start()) and (place := _EU_NAMED.match(text, m.end())):
            found.append((m.end(), place.group(0)))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def _places(text: str) -> list[Fact]:
    out: list[Fact] = []
    for m in _COURT.finditer(text):
        end, names = _court_places(text, m.end())
        if names:
            out.append(Fact("place", text[m.start():end], ", ".join(names), "court"))
    for m in _NAMED.finditer(text):
        raw = m.group(0)
        if m.group("body"):
            body = _BODIES.get(raw.casefold())  # casefold: re.I matched "ſ"/"K" as "s"/"k"
            if body:
                out.append(Fact("place", raw, body, "arbitration body"))
        else:
            out.append(Fact("place", raw, _title(raw)))
    return out


_LAW_HINT = re.compile(r"\blaws?\b|\bdroit\b|\bloi\b|\blégislation\b|recht\b", re.I)


def _nation_laws(text: str, facts: list[Fact]) -> list[Fact]:
    """A law named by its nation's adjective ("French law", "droit irlandais", "deutschem Recht")
    as a place fact (value: the country, 'Ireland'), unless ``facts`` name that
    country already: the place patterns see no place in it, so "French law" -> "Irish law" would
    change no fact. Laws named for something else ("under French consumer law") are left out."""
    if not _LAW_HINT.search(text):
        return []
    out: list[Fact] = []
    for m in _NATION_LAW.finditer(text):
        country = _NATION.get((m.group("n") or m.group("f") or m.group("d")).casefold())
        if country and not _NOT_GOVERNING.search(text[max(0, m.start() - 60):m.start()]) \
                and not any(f.value == country for f in [*facts, *out]):
            out.append(Fact("place", m.group(0), country))  # its role ("law") read as for any place
    return out


def _title(s: str) -> str:
    """Canonical spelling: 'new york' → 'New York', keeping small words lower."""
    small = {"of", "and", "the"}
    words = re.sub(r"\s+", " ", s).split(" ")
    return " ".join(w if w.lower() in small and i else w[:1].upper() + w[1:].lower()
                    if w.islower() or w.isupper() else w for i, w in enumerate(words))


# --- modality / negation ---------------------------------------------------------------------
_MODAL = re.compile(r"(?<!\d )\b(?P<m>may|might|can|could|will|shall|must|should|"
                    r"is required to|are required to|reserves? the right to)\b"
                    r"(?!\s*,?\s*\d)(?P<neg>\s+not\b|n['’]t)?"
                    r"(?:\s+(?P<verb>[a-z]+))?", re.I)
# Other ways to say "at any time" ("whenever you like"): the same fact, valued "at any time"
_ANY_TIME = (r"whenever\s+(?:you|we|they|the\s+user)\s+(?:like|likes|wish|wishes|want|wants|choose|chooses|"
             r"please|pleases)|at\s+any\s+moment|any\s+time\s+you\s+(?:like|wish|want|choose)")
_ANY_TIME_RE = re.compile(_ANY_TIME, re.I)
_NEG = re.compile(r"\b(?:without\s+(?:any\s+|prior\s+|advance\s+)*(?:notice|cause|reason|"
                  r"liability|limitation|warranty)|at any time|(?:in\s+)?(?:its|our|their)\s+sole"
                  r"(?:\s+and\s+absolute)?\s+discretion|sole discretion|for any reason(?:\s+or\s+"
                  r"no\s+reason)?|with or without (?:notice|cause)|non[- ]?refundable|never|not|"
                  r"no|" + _ANY_TIME + r")\b", re.I)
_BUT = re.compile(r"\b(?:but|including|includes?)\b,?\s*(?:(?:is|are|shall\s+be|will\s+be)\s+)?$", re.I)
_NOT_LIMITED = re.compile(r"\s+(?:be\s+|being\s+)?limited\s+to\b", re.I)
_DISCRETION = ("at any time", "sole discretion", "for any reason", "with or without")


def _modality(text: str) -> list[Fact]:
    out = []
    for m in _MODAL.finditer(text):
        modal = re.sub(r"\s+", " ", m.group("m").lower())
        value = f"{modal} not" if m.group("neg") else modal
        out.append(Fact("modality", m.group(0).strip(), value, (m.group("verb") or "").lower()))
    return out


def _negations(text: str) -> list[Fact]:
    out = []
    for m in _NEG.finditer(text):
        value = re.sub(r"\s+", " ", m.group(0).lower())
        if _ANY_TIME_RE.fullmatch(value):
            value = "at any time"
        if value in ("not", "no") and _MODAL.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "may not" is reported as a modality
        if value == "not" and _NOT_LIMITED.match(text, m.end()) and _BUT.search(text[max(0, m.start() - 24):m.start()]) \
                or value == "without limitation" and \
                re.search(r"\bincluding,?\s*\(?$", text[max(0, m.start() - 16):m.start()], re.I):
            continue  # "including but not limited to", "including without limitation": examples follow
        kind = "modality" if any(d in value for d in _DISCRETION) else "negation"
        out.append(Fact(kind, m.group(0), value))
    return out


_EU_ANY_TIME = re.compile(_EU_ANY_TIME_PATTERN, re.I)


def same_wording(text: str) -> str:
    """``text`` with the other ways of saying "at any time" ("whenever you like", "quand vous
    le souhaitez", "zu jeder Zeit") written as that phrase in its language ("at any time", "à
    tout moment", "jederzeit"), so that two wordings of one term read the same to the rules."""
    text = _ANY_TIME_RE.sub("at any time", text)
    return _EU_ANY_TIME.sub(lambda m: "jederzeit" if re.match(r"zu|wann", m.group(0), re.I)
                            else "à tout moment", text)


_ANY_TIME_ALL = re.compile(r"\b(?:at\s+any\s+time|à\s+tout\s+moment|jederzeit|" + _ANY_TIME + "|"
                           + _EU_ANY_TIME_PATTERN + r")\b", re.I)


# One period said as a rhythm: "every month", "monthly", "chaque mois", "tous les mois", "monatlich"
_EVERY = re.compile(
    r"\b(?:(?:every|each|per|a)\s+(?P<en>day|week|month|year)|(?P<ly>daily|weekly|monthly|yearly|annually)|"
    r"(?:chaque|par)\s+(?P<fr>jour|semaine|mois|an|année)|tou(?:te)?s\s+les\s+(?P<fr2>jours|semaines|mois|ans|années)|"
    r"(?P<ment>quotidiennement|hebdomadairement|mensuellement|annuellement)|"
    r"(?:jede[nrs]?|pro)\s+(?P<de>tag|woche|monat|jahr)|(?P<lich>täglich|wöchentlich|monatlich|jährlich))\b", re.I)
_RHYTHM = {"day": "D", "daily": "D", "jour": "D", "jours": "D", "quotidiennement": "D", "tag": "D", "täglich": "D",
           "week": "W", "weekly": "W", "semaine": "W", "semaines": "W", "hebdomadairement": "W", "woche": "W",
           "wöchentlich": "W", "month": "M", "monthly": "M", "mois": "M", "mensuellement": "M", "monat": "M",
           "monatlich": "M", "year": "Y", "yearly": "Y", "annually": "Y", "an": "Y", "ans": "Y", "année": "Y",
           "années": "Y", "annuellement": "Y", "jahr": "Y", "jährlich": "Y"}


def _rhythms(text: str) -> dict[str, set[str]]:
    """{period letter: the words that say it} of each rhythm ``text`` states ("every month")."""
    out: dict[str, set[str]] = {}
    for m in _EVERY.finditer(text):
        unit = next(g for g in m.groups() if g)
        out.setdefault(_RHYTHM[unit.lower()], set()).update(re.findall(r"\w+", m.group(0).lower()))
    return out


def rhythm_change(before: str, after: str) -> tuple[str, str] | None:
    """A rhythm turned into another ("billed each month" → "billed every year", "chaque mois" →
    "chaque année", "monatlich" → "jährlich"): ``(old phrase, new phrase)`` as written, or None
    (no rhythm on a side, or the same ones)."""
    old = {_RHYTHM[next(g for g in m.groups() if g).lower()]: m.group(0) for m in _EVERY.finditer(before)}
    new = {_RHYTHM[next(g for g in m.groups() if g).lower()]: m.group(0) for m in _EVERY.finditer(after)}
    if not (old and new) or old.keys() == new.keys():
        return None
    gone, came = old.keys() - new.keys(), new.keys() - old.keys()
    if not (gone and came):
        return None  # a rhythm added beside one kept: another sentence's business
    return old[sorted(gone)[0]], new[sorted(came)[0]]


# One choice said as switching something off: "opt out of", "turn off", "switch off", "disable",
# "deactivate", "désactiver", "deaktivieren", "desactivar" (a setting renamed: "opt out of Ads
# Personalization" → "turn off personalized ads")
_SWITCH_OFF = re.compile(r"\b(?:opt(?:s|ed|ing)?[\s-]+out(?:\s+of)?|(?:turn|switch)(?:s|ed|ing)?\s+off|"
                         r"disabl(?:e|es|ed|ing)|deactivat(?:e|es|ed|ing)|désactiv\w*|deaktivier\w*|"
                         r"(?:aus|ab)schalten|(?:vous\s+)?désinscri\w*|desactiv\w*)\b", re.I)

# Anyone outside the two parties, said another way: "third-party advertisers", "other-party
# advertisers", "outside parties", "external parties" ("third" is no count here)
_OTHER_PARTY = re.compile(r"\b(?:third|other|outside|external|non-affiliated)[\s-]+part(?:y|ies)\b", re.I)


def reworded_words(before: str, after: str) -> set[str]:
    """Lowercased words of the phrases that both texts say, each in its own wording ("at any
    time" in one, "whenever you like" in the other; "chaque mois" in one, "tous les mois" in the
    other; "opt out of" in one, "turn off" in the other; "third parties" in one, "other parties"
    in the other): words a comparison of the two may
    ignore. Empty when either text lacks such a phrase."""
    out: set[str] = set()
    old, new = _ANY_TIME_ALL.findall(before), _ANY_TIME_ALL.findall(after)
    if old and new:
        out = {w for p in old + new for w in re.findall(r"\w+", p.lower())}
    old, new = _SWITCH_OFF.findall(before), _SWITCH_OFF.findall(after)
    if old and new:
        out |= {w for p in old + new for w in re.findall(r"\w+", p.lower())}
    old, new = _OTHER_PARTY.findall(before), _OTHER_PARTY.findall(after)
    if old and new:
        out |= {w for p in old + new for w in re.findall(r"\w+", p.lower())}
    rb, ra = _rhythms(before), _rhythms(after)
    if rb and rb.keys() == ra.keys():  # the same rhythm said in other words
        out |= {w for ws in (*rb.values(), *ra.values()) for w in ws}
    if (law := law_places(before)) and law == law_places(after):
        # the same law chosen in other words ("is subject to French law" / "is governed by French
        # law"), and the contract it governs named as before or in other words ("the Contract" /
        # "the Agreement")
        out |= {w for text in (before, after) for w in _LAW_WORDING.findall(text.lower())}
        old_n, new_n = set(_CONTRACT_NAME.findall(before.lower())), set(_CONTRACT_NAME.findall(after.lower()))
        if old_n and new_n:
            out |= old_n | new_n
    return out


# the verbs and small words that choose a contract's law; the words that name the contract itself
_LAW_WORDING = re.compile(r"\b(?:subject|governed|govern|governs|construed|interpreted|accordance|"
                          r"soumis|soumise|régi|régie|régis|unterliegt|unterliegen|untersteht)\b")
_CONTRACT_NAME = re.compile(r"\b(?:contract|agreement|terms|conditions|gtc|gtu|tos|eula|contrat|cgu|cgv|vertrag|"
                            r"agb|bedingungen|nutzungsbedingungen)\b")


def extract_facts(text: str) -> list[Fact]:
    """All facts in a clause, in order of kind; duplicates (same kind and value) kept once."""
    if not text:
        return []
    return list(_facts(text))


# --- cheap tests first --------------------------------------------------------------------------
# Each pattern above tries a long alternation at every position of the text, and most clauses
# hold no fact of its kind. These tests are necessary conditions of a match (so they skip only
# texts the pattern cannot match): a digit for money and percentages; a unit word for durations;
# a digit or "age" for ages; for places, "court", "county", "district", a one-word name as a
# word or a longer name as written. The word tests read lowercased ASCII text only (re.I also
# folds a few non-ASCII letters, e.g. "ſ" to "s"): other texts go straight to the patterns.
_DIGIT = re.compile(r"\d")
_ASCII_WORD = re.compile(r"[a-z]+")
_CURRENCY_WORDS = ("usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "inr", "dollar", "pound")  # "euro": "eur"
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year")
_NAMES = [name.lower() for name in [*_PLACE_NAMES.split("|"), *_BODIES]]  # letters and single spaces
_PLACE_WORDS = frozenset([*(n for n in _NAMES if " " not in n), "county", "district"])
_PLACE_PHRASES = tuple(n for n in _NAMES if " " in n)


def _en_facts(text: str) -> list[Fact]:
    """The English extractors' facts, in order of kind (each skipped when it cannot match)."""
    digit = _DIGIT.search(text) is not None
    facts: list[Fact] = []
    if not text.isascii():
        if digit:
            facts = _money(text) + _percent(text)
        elif "percent" in text.lower() or "per cent" in text.lower():
            facts = _percent(text)  # "fifty percent": a share in words
        return facts + _durations(text) + _ages(text) + _places(text) + _modality(text) + _negations(text)
    lower = text.lower()
    if digit and (any(c in text for c in "$€£¥") or any(code in lower for code in _CURRENCY_WORDS)):
        facts += _money(text)
    if (digit and "%" in text) or "percent" in lower or "per cent" in lower:
        facts += _percent(text)  # (a share may be written in words: "fifty percent")
    if any(unit in lower for unit in _UNIT_WORDS):
        facts += _durations(text)
    if digit or "age" in lower or " old" in lower or "older" in lower:  # "eighteen or older"
        facts += _ages(text)
    if ("court" in lower or not _PLACE_WORDS.isdisjoint(_ASCII_WORD.findall(lower))
            or any(phrase in lower for phrase in _PLACE_PHRASES)):
        facts += _places(text)
    return facts + _modality(text) + _negations(text)


@lru_cache(maxsize=16384)  # (a clause and its facts: bounded per worker, see classify.SENTENCE_CACHE)
def _facts(text: str) -> tuple[Fact, ...]:
    """Cached: walking a history labels each unchanged neighbour clause again and again."""
    if is_foreign(text):  # French or German: their own number formats, units and words
        facts = facts_eu(text, Fact)
    else:
        facts = _en_facts(text)
    facts += _nation_laws(text, facts)
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in facts:
        key = (f.kind, f.value, f.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)

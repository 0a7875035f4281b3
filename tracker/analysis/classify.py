"""Clause categories and watch-outs, explainable and offline.

Two questions per clause (see the taxonomy): *categories* (what is it about: broad, answered by
lexicon rules for all 21 ids) and *watch* (does it establish a term users should watch out for:
narrow; for the eight CLAUDETTE categories a small linear model decides, for the others a set of
narrow rules). Every label carries the evidence that produced it.

The linear model in ``tracker/model/watch.json`` is trained by ``scripts/train_classifier.py`` on
CLAUDETTE (Lippi et al. 2019) via LexGLUE UNFAIR-ToS (Chalkidis et al. 2022), CC BY 4.0.
Runtime is pure Python: the JSON is loaded once, lazily, and applied as a sparse dot product over
word uni/bi-grams and rule hits, so importing this module costs almost nothing.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, cast

from tracker.analysis.lexicons import CONSEQUENCE, language
from tracker.analysis.prefilter import RuleFilter

CATEGORIES: tuple[str, ...] = (
    "pricing", "payment", "refunds", "subscription", "arbitration", "class-action",
    "governing-law", "jurisdiction", "liability", "indemnity", "termination", "terms-changes",
    "content-removal", "content-rights", "privacy", "ai-training", "acceptance", "eligibility",
    "service-changes", "usage-rules", "other",
)
_ORDER = {c: i for i, c in enumerate(CATEGORIES)}
MODEL_PATH = Path(__file__).parent / "model" / "watch.json"


@dataclass(frozen=True)
class Evidence:
    """Why a label was given: the rule and the words it matched, or the model's top features."""

    category: str
    kind: str  # "pattern" | "model"
    detail: str
    watch: bool = False  # True when this evidence supports a watch-out, not only the topic

    def to_dict(self) -> dict:
        return {"category": self.category, "kind": self.kind, "detail": self.detail,
                "watch": self.watch}


@dataclass(frozen=True)
class Labels:
    """Labels of one clause: broad topics, the narrow watch-outs among them, and why."""

    categories: tuple[str, ...]
    watch: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict:
        return {"categories": list(self.categories), "watch": list(self.watch),
                "evidence": [e.to_dict() for e in self.evidence]}


# --- text normalisation ---------------------------------------------------------------------
# The corpus is lowercased and tokenised ("do n't", "`` us ''"); real text is cased with
# punctuation. Both are reduced to the same space-separated token string.
_NT = re.compile(r"n['’]t\b")
# Letters with accents are kept (French and German words: "résiliation", "gebühren").
_TOKEN = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0153]+|[$€£%]")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")


def tokens(text: str) -> list[str]:
    """Lowercased word tokens; punctuation dropped, currency and % kept as tokens."""
    # Each substitution runs only when its text can be there (a plain substring test is much
    # cheaper than a regex pass over every sentence; the result is the same).
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    text = text.lower()
    if "'" in text or "’" in text:
        text = _NT.sub(" not", text)
    return _TOKEN.findall(text)


def normalize(text: str) -> str:
    """Token string with a space on each side, so rules can use plain spaces as boundaries."""
    return " " + " ".join(tokens(text)) + " "


# --- rules ------------------------------------------------------------------------------------
_MONTHS_EN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# The user's own material by its kind ("your notes", "voice recordings", "Content you submit")
_OWN_MATERIAL = (r"(?:content|data|inputs?|prompts?|conversations?|chats?|outputs?|information|notes|files|documents|"
                 r"recordings|messages|posts|photos|images|videos|uploads|submissions|code)")
# Training a model, not people: "for training" followed by staff or quality assurance is the
# training of employees ("recordings used for training and quality purposes", "to train our staff")
_TRAINING = (r"(?:train|training|fine tune\w*)(?!(?: \w+){0,2} (?:staff|employees|personnel|agents|representatives|"
             r"workers|colleagues|team)| (?:and|or) (?:quality|monitoring)| purposes? (?:and|or) quality)")
# (category, rule name, regex over the normalized token string). Topic rules are broad.
_W = r"(?: \w+)"  # one more token
# A gap of a few tokens that does not cross into another clause ("... a model, we will post ...").
_CLAUSE = r"(?:we|they|will|may|shall|can|must|would|should)"
_GAP6 = rf"(?: (?!{_CLAUSE} )\w+){{0,10}}"
_GAP5 = r"(?: \w+){0,8}"
# What breaking a rule leads to ("any such use may result in suspension of your account"): the
# sentence enforces a usage rule; its termination words are a consequence, said in passing.
_CONSEQUENCE = (r"grounds? for|(?:result|results|resulting|lead|leads|leading) (?:in|to) (?:the )?(?:\w+ ){0,3}"
                r"(?:suspension|termination|removal|ban|bans|closure|deactivation|disabling)|"
                r"subject to disciplinary action")
# The user vouching for something ("you represent and warrant", "each Seller represents, warrants and
# agrees"): a duty of the user, no warranty of the provider (liability reads "warrant" otherwise)
_USER_WARRANTS = (r"(?:you|users?|customers?|members?|developers?|sellers?|advertisers?|licensees?|publishers?|"
                  r"each \w+)(?: hereby)? represents? (?:and )?warrants?")
# An age in digits or in words ("sixteen years of age", "twenty one or older"), as normalized
_AGE_N = (r"(?:\d{1,2}|(?:twenty|thirty|forty|fifty|sixty)(?: (?:one|two|three|four|five|six|seven|eight|nine))?|"
          r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")

# "The Contract is subject to French law", "subject to the laws of Ireland": a choice of law said
# with "subject to" ("subject to applicable law" names none)
# (the English forms of ``facts._NATION``, the adjectives it reads as a country's law)
_NATION_WORDS = (r"(?:french|german|irish|english|swiss|dutch|finnish|belgian|luxembourgish|spanish|italian|swedish|"
                 r"danish|norwegian|austrian|polish|israeli|japanese|scottish|canadian|portuguese)")
_SUBJECT_TO_LAW = (r"(?:is|are|be|remains?|shall be|will be)(?: \w+)? subject to (?:the )?(?:(?:law|laws) of "
                   r"(?!any |the applicable |applicable |your |the country )\w+|(?:" + _NATION_WORDS + r") (?:law|laws)\b)")

_FORFEIT = (r"forfeit\w*(?! (?:\w+ ){0,2}(?:ownership|title|rights?|claims?|defen[cs]es?|objections?|"
            r"privileges?|remed(?:y|ies)) )")
_TOPIC: list[tuple[str, str, str]] = [
    # (a commission that is a public body, "the European Commission", "the Data Protection Commission",
    # charges nothing: a transfer of data under its decisions is no price)
    ("pricing", "price", r" (?:prices?|priced|pricing|fees?|surcharges?|markups?|costs?|"
     r"(?<!european )(?<!trade )(?<!exchange )(?<!protection )(?<!privacy )(?<!communications )(?<!competition )"
     r"(?<!election )commissions?|"
     r"\d+(?: \d+)? % (?:\w+ ){0,6}(?:applies|apply|charged|deducted|withheld|retained|payable)|"
     r"(?:charge|deduct|withhold|retain|keep|take)\w*(?: \w+){0,6} \d+(?: \d+)? %|"
     # ("rate" as a verb, "you may rate the seller", "share or rate your experience", is no price)
     r"rates(?! limit)|(?<!to )(?<!may )(?<!can )(?<!you )(?<!and )(?<!or )rate(?! limit| your| their| other| each| it| them| us| our| and review| or review)|"
     r"per (?:token|tokens|month|year|request|call|user|seat|hour)|"
     r"paid (?:plans?|tiers?)|free of charge|usd|eur|gbp|[$€£]) "),
    # (the specific "payment method" and "late payment" first: the bare "payment" is a weak word)
    # (a payment processor named as one more recipient of data, "share it with our payment processor
    # and advertising partners", is a privacy term: who receives data, not how the user pays)
    ("payment", "billing", r" (?:payment methods?|(?<! with our )(?<! with the )(?<! with a )(?<! with )"
     r"(?<! to our )(?<! to the )(?<! and our )(?<! and )(?<! or )payment processors?|late (?:fees?|payments?)|"
     # (a billing cycle or period is how long a plan runs: subscription)
     r"bill|billed|billing(?! cycles?| periods?)(?: address| addresses| country| location)?|invoices?|invoiced|invoicing|(?<!upon )(?<!on )(?<!after )(?<!of )receipts?(?! of)|tax|taxes|vat|"
     # (a fee charged, "may charge a fee", "fees charged by the partner", is a price: pricing)
     r"payments?(?! processors?)|pay|paid|credit cards?|debit cards?|stripe|paypal|coinbase|chargebacks?|"
     r"(?<!fee )(?<!fees )charged|"
     # ("free of charge", "at no charge", "without charge": nothing is paid; "the company in charge of
     # your account": who is responsible for something)
     r"(?<!free of )(?<!no )(?<!without )(?<!free )(?<!in )charge(?!(?: \w+){0,4} (?:fees?|commissions?|surcharges?) )|"
     # payment methods by name ("we accept Visa, Mastercard and Amex", "Apple Pay", "SEPA direct debit")
     r"visa|mastercard|amex|american express|apple pay|google pay|klarna|sepa|direct debit|"
     r"(?:bank|wire) transfers?) "),
    # (a right, a claim or ownership forfeited, "you forfeit your right to a jury", "the user has
    # forfeited their ownership rights", is no money kept)
    ("refunds", "refund", r" (?:refunds?|refunded|refundable|non refundable|nonrefundable|" + _FORFEIT + "|"
     r"cancel\w* (?:your |the |an |any )?orders?|"
     r"reimburs\w*|money back|credits|credit balances?|unused credits?|prepaid balances?|"
     # a consumer's right to withdraw from a purchase, and returns (as "rétractation", "Widerruf",
     # "Rücksendung" in French and German)
     r"right of withdrawal|withdrawal (?:rights?|period|form)|right to withdraw from|cooling off "
     r"(?:period|rights?)|returns? (?:policy|policies|window|period)|non returnable|no returns|"
     r"(?:accept|accepts|offer|offers|allow|allows)(?: \w+){0,2} returns|cash ?back|"
     # (a credit card's expiry date is no credit that expires; a prorated credit is money given back)
     r"balances? (?:expire|will expire)|credits? (?!cards? )(?:\w+ )?(?:expire|expires|expiry|expiration)|"
     r"(?:prorated|pro rata|prorata|pro rated) (?:credits?|refunds?)|(?:account|store|service) credits?) "),
    ("subscription", "subscription", r" (?:subscri\w*|auto(?:matically)? renew\w*|"
     r"(?:monthly|yearly|annual|weekly|quarterly) (?:or (?:monthly|yearly|annual|weekly) )?"
     r"(?:plans?|billing|memberships?)|"
     r"renew\w*|free trials?|trial period|memberships?|billing (?:cycle|period)|recurring|"
     r"upgrade|downgrade|cancel\w*(?: \w+){0,2} (?:subscription|plan|membership)|"
     # the user's own cancelling, said without the plan ("you can cancel at any time in Settings",
     # "you may cancel by giving 60 days' notice")
     r"(?:you|customers?|members?|subscribers?) (?:can|may|must|will be able to) cancel) "),
    ("arbitration", "arbitration", r" (?:arbitra\w*|aaa|jams|icdr|icc|lcia|"
     r"american arbitration association|dispute resolution) "),
    ("class-action", "class", r" (?:class actions?|individual (?:basis|capacity)|class (?:or|and) "
     r"(?:representative|collective)|class wide|classwide|class arbitrations?|"
     r"class members?|representative (?:actions?|proceedings?|capacity|basis)|collective actions?|"
     r"jury trials?|trial by jury|private attorney general|consolidat\w*(?: \w+){0,2} "
     r"(?:claims|actions|proceedings)) "),
    ("governing-law", "law", r" (?:governing law|(?:law|laws) (?:of \w+(?: \w+)? )?"
     r"(?:governs?|shall govern|will govern|applies|shall apply|will apply)|govern\w*(?: \w+){0,6} "
     r"(?:law|laws)|construed (?:in accordance with|under)|conflicts? of laws?|choice of laws?|"
     r"laws? of (?:the state of )?\w+(?: \w+)? (?:shall|will) (?:apply|govern)|" + _SUBJECT_TO_LAW + r") "),
    # ("in certain jurisdictions", "other jurisdictions": places whose laws differ, no court named)
    ("jurisdiction", "courts", r" (?:(?<!certain )(?<!some )(?<!many )(?<!other )(?<!several )(?<!all )(?<!various )"
     r"(?<!those )(?<!these )(?<!different )jurisdictions?|venues?|forum non conveniens|"
     r"(?:inconvenient|exclusive|proper|convenient) forum|forum selection|"
     r"forum(?: \w+){0,6} (?:courts?|disputes?|claims?|litigat\w*|proceedings?|lawsuits?)|"
     r"forum (?:located|situated|sitting|seated)|"
     r"(?:courts?|disputes?|claims?|litigat\w*|proceedings?|lawsuits?)(?: \w+){0,6} forum|"
     r"courts? (?:of|in|located|"
     r"sitting|for)|competent courts?|small claims courts?|federal or state courts?|"
     r"state or federal courts?|litigat\w*|"
     # where disputes are heard, said with a verb ("disputes are heard in Toronto", "claims must
     # be brought in Texas")
     r"(?:disputes?|claims?|actions?|lawsuits?|proceedings?)(?: \w+){0,3} (?:be |are |is )?(?:heard|brought|"
     r"filed|decided|adjudicated|tried) (?:exclusively |only )?(?:in|before)) "),
    # ("you represent and warrant that you are 18", "each Seller represents, warrants and agrees
    # that ...": a promise the user makes, not a warranty)
    # (a company's legal form, "an Ohio limited liability company", "LLC", names no liability)
    ("liability", "liability", r" (?:liab\w*(?! (?:company|companies|partnerships?|corporations?|co|llc|llp) )|(?<!represent and )(?<!represents and )(?<!represent )(?<!represents )(?<! you )"
     r"(?<! you hereby )warrant\w*|as is|as available|disclaim\w*|"
     r"damages|in no event|own risk|sole risk|not (?:be )?responsible|no responsibility|"
     # (a guarantee given, "we guarantee the quoted price", "the A-to-z Guarantee", is a promise or a
     # programme; one refused, "we do not guarantee that the service will be error-free", disclaims)
     r"(?:not|no|never|nor|cannot|without|neither)(?: (?!we |they |will |may |shall |can |must )\w+){0,5} guarantee\w*|"
     r"consequential|limitation of liability) "),
    ("indemnity", "indemnify", r" (?:indemnif\w*|indemnit\w*|hold(?: \w+){0,4} harmless|"
     r"(?:you|user|users|customer|customers)(?: \w+){0,3} (?:defend|reimburse)(?: \w+){0,3} (?:against|from|for) "
     r"(?:\w+ ){0,3}(?:claims?|losses|liabilit\w*|demands?)) "),
    ("termination", "terminate", r" (?:terminat\w*|suspend\w*|suspensions?|deactivat\w*|"
     r"(?:close|disable|ban|delete|cancel|cut off|revoke|block)(?: your)? (?:account|accounts|access)|banned|"
     # the account or access locked, frozen, restricted or shut ("we may lock your account",
     # "limit or restrict your access", "accounts may be frozen")
     r"(?:lock|freeze|restrict|limit|shut down|shut off|end)(?: or \w+)? (?:your|their|the user s|a user s|"
     r"any user s|user|users) (?:account|accounts|access|membership|profile)|"
     r"(?:account|accounts|access|membership|profile)(?: \w+){0,6} (?:locked|frozen|closed|disabled|revoked|"
     r"blocked|cut off|shut down)|"
     r"survive|(?:end|ends|ending|ended) (?:this|the|our|your) (?:agreement|contract|relationship)|"
     # accounts closed for inactivity ("accounts not used for two years will be closed")
     r"(?:inactive|dormant) (?:accounts?|profiles?)|(?:accounts?|profiles?)(?: \w+){0,6} "
     r"(?:inactive|inactivity|dormant|not (?:been )?(?:active|used|accessed|logged in))(?: \w+){0,8} "
     r"(?:deleted|removed|closed|terminated|deactivated|suspended|purged|erased)) "),
    ("terms-changes", "change terms", r" (?:(?:change|changes|changed|modify|modifies|modified|"
     r"modification|modifications|amend|amended|amendments?|update|updated|updates|revise|"
     r"revised|revisions?)(?: \w+){0,3} (?:terms|agreement|policy|policies|conditions|tos|eula)|"
     r"(?:terms|agreement|policy|conditions)(?: \w+){0,3} (?:changed|modified|amended|updated|"
     r"revised)|changes?(?: \w+){0,2} (?:take|takes|become|becomes) (?:effect|effective)|material changes?|revised version|"
     # ("after a new version of the TOU has been posted", "the updated version of this Agreement")
     r"(?:new|updated|amended|modified) versions? of (?:these|the|this|our)(?: \w+){0,2} (?:terms|tou|tos|agreement|"
     r"conditions|eula)|"
     # where a change is announced ("we will post the new terms on this page")
     r"(?:post|publish|display)\w* (?:the )?(?:new|updated|revised|amended|modified) (?:terms|agreement|conditions|tos)) "),
    ("content-removal", "remove content", r" (?:(?:remov\w*|delet\w*|refus\w*|block\w*|"
     r"disabl\w*|moderat\w*|screen\w*|reject\w*|take down|taken down|takedown|edit\w*|"
     r"reclaim\w*|filter\w*)" + _GAP6 + r" (?:content|contents|posts|materials?|submissions?|"
     r"messages?|comments?|usernames?|uploads?|videos?|photos?|listings?|reviews?|"
     r"(?:any|a|your|the|user|such) post|user names?|account names?|communications?|ugc|"
     r"postings|infringing|tweets?|repositor(?:y|ies)|forks|campaigns?|creatives?|live ?streams?)|"
     r"(?:lose|loss of|forfeit)" + _GAP6 + r" (?:content|user names?|usernames?)|"
     # what users post, as the subject ("streams are moderated", "reviews may be removed"): the
     # same kinds of post as after the verb above
     r"(?:content|contents|posts?|materials?|submissions?|usernames?|(?:live ?)?streams?|videos?|photos?|"
     r"comments?|reviews?|listings?|uploads?)" + _GAP5 + r" "
     r"(?:removed|deleted|taken down|blocked|disabled|refused|rejected|hidden|moderated)|dmca|"
     r"(?:content|contents|posts?|materials?|campaigns?|creatives?)(?: (?:or|and) \w+)?(?: \w+){0,2} "
     r"(?:suspended|banned|demoted|moderated)|"
     # moderation said as such, and how users report content ("notice and action" of the EU DSA)
     r"takedown (?:notices?|requests?)|notice and action|content moderation|moderation "
     r"(?:policy|policies|decisions?|practices?|tools?)|(?:report|flag)\w*(?: \w+){0,3} (?:illegal|"
     r"infringing|unlawful|harmful|abusive) (?:content|material|posts?|listings?)|"
     r"(?:believe|think|consider|suspect)\w*(?: \w+){0,2} (?:that )?(?:any |some |a |the )?(?:content|ugc|posts?|"
     r"materials?|listings?|comments?|reviews?|videos?)(?: \w+){0,8} (?:is|are|may be|might be|to be) "
     r"(?:illegal|unlawful|infringing|harmful)|"
     r"(?:limit|reduce|restrict)\w*(?: \w+){0,3} (?:visibility|reach) of|visibility (?:limits?|"
     r"restrictions?|filtering)|"
     # what users made, deleted when left unused ("groups not active for 12 months are deleted")
     r"(?:inactive|inactivity|(?<=not )active|(?<=not been )(?:active|accessed))(?: \w+){0,8} "
     r"(?:automatically |permanently )?(?:deleted|removed|purged|archived|erased)|"
     r"(?:copyright|infringement) (?:notices?|complaints?|claims?|agent)|counter notices?|"
     # the takedown procedure said otherwise ("a notice of copyright infringement", "the
     # Notifying Party's signature", "our Designated Agent", "a counter notification")
     r"notices? of (?:alleged |claimed )?(?:copyright )?infringement|notifying party|designated (?:copyright )?"
     r"agent|counter ?(?:notifications?|claims?|counterclaims?)|"
     r"repeat infringers?) "),
    # ("the Licensed Materials", "Licensed Application": the provider's own material the user is
    # licensed to use, a defined name, no licence to users' content; "ownership of voting
    # securities": who controls a company)
    ("content-rights", "licence/ip", r" (?:licen[cs]e\w*(?<!licensed)|licensed(?! (?:materials?|applications?|apps?|"
     r"software|products?|programs?|services?|technology|platforms?) )|intellectual property|copyrights?|"
     r"trademarks?|ownership(?! (?:of|in) (?:\w+ ){0,2}(?:voting|shares|securities|stock|equity|capital|"
     r"interests?) )|own all|title and interest|royalty free|sublicens\w*|"
     r"moral rights|user content|(?:your|any|such) (?:feedback|suggestions|ideas)|"
     r"(?:feedback|suggestions|ideas) (?:you|that you|submitted|provided)|"
     r"(?:submit|provide|give|send)\w*(?: \w+){0,3} (?:feedback|suggestions|ideas)|"
     r"(?:own|owns|ownership|rights?|title)(?: \w+){0,4} (?:inputs?|outputs?)|"
     r"(?:inputs?|outputs?)(?: \w+){0,4} (?:belong|belongs|owned)|"
     r"your content|generated content|retain(?: \w+){0,2} (?:rights|ownership)|proprietary) "),
    ("privacy", "personal data", r" (?:personal (?:data|information)|privacy|cookies?|"
     r"tracking|track|web beacons?|pixels?|ip address\w*|data retention|retain\w*(?: \w+){0,3} "
     r"(?:data|information)|"
     r"(?:keep|keeps|kept|retain|retains|retained|store|stores|stored)(?: \w+){0,4} "
     r"(?:data|information|inputs?|outputs?|prompts?|conversations?|chats?|logs?|messages?|"
     r"recordings?|history|content)(?: \w+){0,3} (?:for|up to|until)|"
     r"(?:data|information|inputs?|outputs?|prompts?|conversations?|chats?|logs?|messages?|"
     r"recordings?|history|content)(?: \w+){0,3} (?:are|is|will be|may be|can be|shall be) "
     r"(?:kept|retained|stored|deleted|erased|purged|destroyed|anonymi[sz]ed)|"
     r"(?:keep|keeps|kept|retain|retains|retained|store|stores|stored)(?: \w+){0,5} "
     r"(?:for|up to|(?:for )?no longer than|not longer than|a maximum of|at most) (?:\w+ ){0,2}(?:days?|weeks?|months?|years?)|"
     # personal details named one by one ("your name, email address and phone number")
     r"names? (?:\w+ ){0,2}(?:e ?mail address\w*|phone numbers?|mobile numbers?|postal address\w*|"
     r"home address\w*|dates? of birth)|"
     r"opt(?:ing)? out(?: \w+){0,6} (?:data|inputs?|prompts?|personal|marketing|emails?|"
     r"cookies|tracking|advertising|sale|sharing|training)|(?:share|sell|disclose|collect|process|transfer|"
     r"obtain|gather|harvest|acquir)\w*(?: \w+){0,3} "
     r"(?:data|information|email address\w*|phone numbers?|location)|(?:data|information) "
     r"(?:we|that we) collect|gdpr|ccpa|"
     r"data protection|data subjects?|do not track|location data|geolocation|precise location|supervisory authorit(?:y|ies)|device identifiers?|"
     r"targeted (?:advertising|ads|adverts?)|personali[sz]ed (?:ads|adverts?|advertising|advertisements)|opt out of (?:the )?sale|likeness|biometric\w*|sub ?processors?|"
     r"data processors?|"
     r"(?:sent|shared|transferred|disclosed|passed|sold|made available) to (?:\w+ ){0,3}"
     r"(?:partners|third parties|advertisers|affiliates|data brokers)|"
     r"(?:monitor|review|scan|read)\w*(?: \w+){0,4} (?:messages|accounts|conversations|chats|"
     r"communications)|(?:collect|store|retain|log|access)\w*(?: \w+){0,4} (?:prompts?|"
     r"conversations?|chat history|model responses|inputs and outputs)) "),
    # A second rule for the same topic (its own pre-check keeps the first one as cheap as it was;
    # ``category_scores`` counts one topic hit per category and sentence).
    # Who gets which details of a person, said without "personal data" ("share with the app's
    # maker your account information, which may include your name, email address").
    ("privacy", "personal details", r" (?:(?:share|shares|shared|sharing|disclos\w*|pass|passes|passed|send|sends|sent|transfer\w*|"
     r"sell|sells|sold)(?: \w+){0,10} (?:account (?:information|details|identifiers)|"
     r"(?:user|account|device|advertising) identifiers|e ?mail address(?:es)?|"
     r"phone numbers?|(?:postal|home|shipping|billing|delivery) address\w*|contact (?:information|details)|"
     r"payment (?:information|details|data|method information)|account numbers?)|"
     # details collected, named one by one in a list ("we collect your name, postal address, date of
     # birth and email address": the first rule's window ends before a long list does)
     r"(?:(?:we|us to)(?: \w+){0,2} (?:collect|gather|obtain|process|record|store|keep|retain|ask for|request)\w*|"
     r"you(?: \w+){0,2} (?:provide|give|submit|enter)\w*)(?: \w+){0,10} (?:e ?mail address(?:es)?|(?:tele)?phone numbers?|mobile numbers?|"
     r"(?:postal|home|shipping|billing|delivery|mailing|ip) address(?:es)?|dates? of birth|birth ?dates?|"
     r"full names?|contact (?:information|details)|payment (?:information|details)|"
     r"(?:browsing|search|purchase) history|device identifiers?|precise location)|"
     # data named by a pronoun or not at all, and who receives it ("we share it with our
     # advertising partners", "we may disclose them to third parties", "sold to data brokers")
     r"(?:share|shares|shared|sharing|sell|sells|sold|selling|rent|rents|rented|disclos\w*|"
     r"transfer\w*|pass|passes|passed)(?: (?:it|them|this|these|that|those|such|the same|any such)"
     r"(?: (?:data|information|details))?| (?:your|their|users|customers|members)(?: \w+){1,3})?(?: on)? (?:with|to) (?:\w+ ){0,10}(?:third parties|"
     r"third party|partners|advertisers|affiliates|(?:sub )?processors|data brokers|service providers|"
     r"vendors|advertis\w*)|"
     # data rights ("request removal of your account information", "right to erasure")
     r"right (?:to|of) (?:deletion|erasure|rectification|(?:data )?portability|object|be forgotten)|"
     r"(?:request|ask for)\w*(?: the)? (?:deletion|erasure|removal|correction|a copy) of(?: \w+){0,3} "
     r"(?:data|information|account)|(?:delete|erase|export|download|correct)(?: \w+){0,2} your "
     r"(?:personal )?(?:data|information)|deletion of (?:your |their |the )?accounts?|"
     # logs of who connected, biometrics, analytics, profiling
     r"ips|ip logs|(?:logs|logged|logging)(?: \w+){0,4} (?:ips|information|data|users?|location)|"
     r"(?:delete|purge|retain)\w*(?: \w+){0,2} (?:logs|recordings)|faceprints?|voiceprints?|"
     r"(?:face|facial|fingerprints?|voice)(?: \w+){0,2} (?:templates?|data|geometry|scans?|images?)|"
     r"images? of your (?:face|fingerprints?)|"
     # proof of identity ("a scan of your government-issued ID", "to verify your identity")
     r"(?:government|state) issued (?:id|ids|identification|identity|photo id)|(?:id|identity|"
     r"identification) (?:documents?|cards?|verification|checks?)|passports?|driver s licen[cs]es?|"
     r"(?:verify|verifies|verified|verifying|confirm|confirms|confirming|check|checks)(?: \w+){0,2} "
     r"(?:your|their|the user s|users|members) (?:identity|identities|age)|"
     # offers and ads chosen for the person ("products that may interest you")
     r"interest ?based (?:ads|advertising|adverts?)|(?:products|offers|ads|adverts|items) (?:that |which )?"
     r"(?:may|might|could) (?:be of )?interest(?: to)? you|personali[sz]ed (?:recommendations|offers)|"
     r"analytics (?:providers?|services?|partners?|tools?|cookies)|google analytics|"
     r"(?:usage|analytics|behavioural|behavioral) (?:information|data)|demographic\w*|profil(?:e|es|ing) you|"
     r"(?:sell|sells|rent|rents)(?: or| and)? (?:rent|sell|share|lease|trade|disclose)\w*|"
     # direct marketing to the user's contact details
     r"(?:marketing|promotional) (?:communications?|calls?|e ?mails?|messages?|texts?|sms|newsletters?)|"
     r"(?:call|calls|phone|email|contact)(?: \w+){0,2} you (?:\w+ ){0,3}(?:to offer|to promote|"
     r"with offers|about offers|for marketing)) "),
    ("ai-training", "ai training", r" (?:(?:train|trains|training|fine tune\w*|improve|improving|"
     r"develop|developing)(?: \w+){0,5} (?:models?|algorithms?|ai|artificial intelligence)|"
     r"machine learning|artificial intelligence|large language models?|llms?|model training|"
     r"training data|ai (?:models?|systems?|features?|generated|outputs?|assistants?|agents?|chatbots?|"
     r"voice|tools?|powered)|generative ai|chatbots?|"
     # models named by what they do ("to train our systems", "to improve its facial recognition")
     r"(?:train|trains|training)(?: our| its| their| the)? (?:systems?|algorithms?|classifiers?)|"
     r"(?:train|improve|develop)\w*(?: \w+){0,3} (?:facial|face|voice|speech|image) recognition|"
     r"(?:train|ground|grounding)(?: \w+){0,3} (?:ai|models?|llms?)|prompts|model responses|"
     r"(?:prompts?|inputs?|conversations?|chats?)(?: \w+){0,3} (?:to train|for training)|"
     # data "used for training" with the data named further back ("conversations from all
     # accounts may be used for training")
     r"(?:used|use|uses|using) (?:to train|for (?:model |ai )?training)|"
     # the user's own material used for training with words between ("we will not use Content you
     # submit after that date for training"), and a say over it ("if you opt out of training",
     # "you may object to training"): the topic whether the use is granted or refused
     r"(?:use|uses|using|used)(?: \w+){0,6} " + _OWN_MATERIAL + r"(?: \w+){0,5} (?:to|for) " + _TRAINING + "|"
     r"(?:(?:opt|opts|opted|opting) (?:out|in)|object\w*|objection|consent\w*)(?: \w+){0,8} "
     r"(?:to |for |from |of )(?:\w+ ){0,2}?" + _TRAINING + ") "),
    ("acceptance", "use means agreement", r" (?:(?:by (?:using|accessing|downloading|installing|"
     r"visiting|continuing|registering|creating|clicking|browsing|signing up)|continued use|"
     r"continu\w* (?:to )?us\w*)(?: \w+){0,30} (?:agree\w*|accept\w*|consent\w*|bound|constitut\w*|"
     r"deemed|acknowledg\w*)|(?:agree|consent) to be bound|deemed to (?:have )?"
     r"accept\w*|constitutes?(?: your)? (?:acceptance|agreement)|acceptance of (?:these|the) "
     r"terms|if you do not (?:agree|accept)(?: \w+){0,8} (?:not|stop) (?:use|using|access)|"
     # the terms binding from a mere visit ("these terms apply as soon as you visit any page")
     r"(?:terms|conditions|agreement)(?: \w+){0,3} (?:apply|applies|bind\w*|take effect)(?: \w+){0,3} "
     r"(?:as soon as|from the moment|whenever) you (?:visit|access|use|browse|open|land)) "),
    # (which terms apply to whom, "if you live outside the US these Terms apply to you", is the
    # scope of the contract, not who may use the service: ``_SCOPE``, "other")
    ("eligibility", "age/eligibility", r" (?:(?:terms|agreement|conditions|policy|service)"
     r"(?: \w+){0,3} (?:is available|are available) (?:only )?to (?:users|customers|"
     r"residents|consumers|people|individuals|businesses|you)|(?:under|below|over|at least|younger than|"
     r"older than) (?:the age of )?\d{1,2}(?! (?:days?|weeks?|months?|hours?|minutes?|%|"
     r"percent|times|business|calendar|per|[$€£]))|" + _AGE_N + r" (?:or (?:more|older) )?years (?:of age|old)|"
     r"(?:be|are|is|aged) " + _AGE_N + r" (?:or|and) (?:older|over|above)|the age of " + _AGE_N + "|"
     # who may sign up at all ("only businesses registered in the EU can sign up")
     r"only (?:businesses|companies|organi[sz]ations|individuals|residents|adults|consumers|professionals)"
     r"(?: \w+){0,5} (?:can|may) (?:sign up|register|join|use|open|create)|"
     # who is barred from the service itself ("known violent groups are not permitted to use this
     # product", "residents of Freedonia are not allowed to use the app unless ...")
     r"(?:are|is) not (?:permitted|allowed|eligible|authori[sz]ed) to (?:use|access|register for|sign up for|join)"
     r"(?: (?:this|the|our|any))?(?: \w+)? (?:product|products|service|services|app|apps|site|website|platform|"
     r"platforms)(?= $| if | unless | until )|"
     r"age of (?:majority|\d{1,2}|consent)|minimum age|"
     # (a child's abuse or exploitation named among prohibited content is no age rule)
     r"(?:minors?|children|child)(?! (?:sexual|sex|abuse|exploitation|pornograph\w*|endangerment|trafficking|"
     r"grooming|safety) )|legal guardians?|"
     r"parental consent|parents?(?: or legal)? (?:consent|guardians?)|legal age|majority age|"
     # ("eligible products", "eligible for a refund" or "for publication": eligible said of something
     # else than who may use the service; an embargo on news is no trade embargo. "eligible users"
     # stays: who may use a feature)
     r"(?:eligibility|ineligible|eligible)(?! (?:for (?:a |an |the |any )?)?(?:products?|purchases?|orders?|items?|plans?|subscriptions?|transactions?|refunds?|discounts?|"
     r"credits?|rewards?|promotions?|offers?|publication|payments?|compensation|reimbursements?|bonus\w*|"
     r"points?|cashback|coverage|warrant\w*) )|sanctioned|export control\w*|ofac|"
     r"embargoed (?:countries|country|territor\w*|regions?|nations?|jurisdictions?|persons?|parties)|"
     r"(?:trade|u s|us|government|economic|comprehensive|territorial) embargo\w*|embargo\w* (?:and|or) sanctions|"
     r"sanctions (?:and|or) embargo\w*|subject to (?:a |an |any )?(?:u s |us |government )?embargo\w*|"
     r"restricted (?:countries|territories)) "),
    ("service-changes", "service changes", r" (?:beta|preview|experimental|discontinu\w*|"
     r"deprecat\w*|sunset\w*|(?:remove|retire|removal of|retirement of)\w*(?: \w+){0,2} "
     r"(?:models?|features?|functionality|engines?|endpoints?|versions?)|"
     r"(?:models?|features?|functionality|engines?|endpoints?)"
     r"(?: is| are| will be| being| gets?| (?:may|can|could|might) be)? (?:removed|retired|withdrawn)|grace period|"
     # how long something stays offered, and the promise to keep it ("older models remain
     # available for 12 months", "we will continue to support the desktop app")
     r"(?:remain|remains|stay|stays) (?:available|supported|accessible)|(?:continue|continues) to (?:support|"
     r"offer|provide|maintain|make available)|"
     # features restricted or limited ("may restrict or limit access to some features")
     r"(?:restrict|limit)\w*(?: or \w+)?(?: \w+){0,2} access to (?:\w+ ){0,3}(?:features?|services?|"
     r"functionality|functions|tools|parts of)|"
     r"(?:service )?availability (?:of|target|commitment|guarantee|level)|uptime|sla|"
     r"service levels?|downtime|maintenance|interruptions?|uninterrupted|rerout\w*|"
     r"(?:stop|stops|cease|ceases|terminat\w*)(?: \w+){0,3} (?:providing|provision of|operation of|"
     r"offering)(?: \w+){0,3} (?:services?|features?)|terminate (?:the )?services?|"
     r"(?:modify|change|alter|update|suspend)(?: or \w+)?(?: \w+){0,2} (?:services?|features?|"
     r"functionality|products?)|"
     # where a feature is offered ("may be unavailable to residents of some countries", "offered
     # only in selected regions", "availability varies by location") and its end ("no longer
     # supported", "we will shut down the app")
     r"(?:not|un) ?available (?:in|to|for)(?: \w+){0,4} (?:countries|country|regions?|territories|"
     r"residents|locations?|jurisdictions|markets)|(?:available|offered|supported|provided) (?:only )?"
     r"(?:in|to users in) (?:certain|some|select|selected|limited|supported|specific|eligible) (?:countries|"
     r"regions|territories|locations|markets|jurisdictions)|(?:vary|varies|restricted|limited) "
     r"(?:by|based on|depending on) (?:your )?(?:location|country|region|territory)|"
     r"no longer (?:be )?(?:offered|supported|provided|available)|end of (?:life|support)|"
     # the same end said by the provider ("we will no longer offer Legacy Login", "no longer supports
     # the desktop app"); not "no longer provide", said of data and refunds too, nor what users may
     # no longer offer (a rule of use)
     r"(?<!you may )(?<!you can )(?<!users may )(?<!sellers may )(?<!members may )(?<!you will )"
     r"(?<!you )(?<!users )(?<!sellers )(?<!members )no longer (?:offer|offers|support|supports)|"
     r"(?:shut\w*|wind\w*) down (?:the|our|this|its)(?: \w+){0,2} (?:service|services|app|application|platform|product|"
     r"features?)|"
     # a benefit kept only until a date ("the press benefit is guaranteed until August 2022";
     # French and German in ``lexicons.TOPIC``)
     rf"(?:is|are|will be|remains?|stays?) (?:only )?(?:guaranteed|available|offered|provided|included|supported) "
     rf"(?:only )?(?:until|through|till) (?:the end of )?(?:\d{{1,2}} )?(?:{_MONTHS_EN}|\d)) "),
    ("usage-rules", "conduct", r" (?:(?<=^ )(?:please )?(?:do not|never) (?!hesitate|worry|forget|miss)\w+|"
     r"(?:you|users?|customers?|members?|publishers?|developers?|"
     r"licensees?|sellers?|advertisers?) (?:may|must|shall|will|agree to|agree) not"
     # (what someone cannot do, "you will not be able to create another account for 2 years after a
     # termination", is no ban said to them; a number they cannot go past is a usage limit)
     r"(?! be able to(?! (?:\w+ ){0,5}(?:more than|over|beyond|in excess of|exceed\w*|above) ))|"
     # (a choice not to act, "the decision not to take action on a report", "if you choose not to
     # provide your data", is no ban; "you agree not to", "we ask you not to" are)
     r"(?<!decision )(?<!decisions )(?<!decide )(?<!decides )(?<!decided )(?<!choose )(?<!chooses )"
     r"(?<!chose )(?<!choice )(?<!elect )(?<!elects )(?<!opt )(?<!opts )(?<!prefer )(?<!prefers )not to|"
     r"(?:is|are|constitutes?|be) (?:a )?(?:violation|breach) of (?:these|the|our)|"
     r"prohibit\w*|not permitted|forbidden|acceptable use|reverse engineer\w*|decompil\w*|"
     # a ban in the active voice ("We do not permit:", "Lumo doesn't allow", "we will not tolerate")
     r"(?:do|does|will) not (?:permit|allow|tolerate)|(?:don|doesn|won) t (?:permit|allow|tolerate)|"
     r"disassembl\w*|scrap\w*|crawl\w*|spider\w*|bots?|spam\w*|abusive|abus(?:e|es|ing) "
     r"(?:the|our|other|any|this)|misuse|harass\w*|"
     r"illegal|unlawful|rate limits?|usage (?:limits?|caps?)|quotas?|"
     # (a password is a rule of use with the duty said, "keep your password secret"; named in a
     # list of the data collected, "your name, email address and password", it is no rule)
     r"(?:keep|keeps|protect|secure|safeguard|guard|share|sharing|disclose|reveal|transfer|confidential\w*|"
     r"secret|responsible for)(?: \w+){0,5} (?:passwords?|credentials)|(?:passwords?|"
     r"credentials)(?: \w+){0,6} (?:confidential|secret|secure|safe|private|to yourself|"
     r"with anyone|with others|with any third party|shared|disclosed)|"
     r"security of your account|unauthori[sz]ed (?:access|use)|impersonat\w*|malware|viruses|"
     r"human generated|conduct|code of conduct|"
     r"(?:you|users?|customers?|members?|developers?) (?:are|is|will be|shall be) not (?:allowed|permitted|"
     r"authori[sz]ed) to|(?:you|users?|customers?|members?|developers?) (?:are not|aren t|is not|isn t) "
     r"(?:allowed|permitted|authori[sz]ed) to|"
     r"(?:may|must|shall|can) not be (?:copied|reproduced|resold|redistributed|scraped|framed|mirrored|"
     r"reverse engineered|decompiled)|(?:content|materials?|services?|software|api|apis|outputs?|site|"
     r"website|platform|data|articles?|works?|images?|photos?|videos?|texts?|code|trademarks?|logos?|"
     r"marks?|brand\w*)(?: \w+){0,4} (?:may|must|shall|can) not be used|"
     # use limited to a purpose ("for personal, non-commercial use only", "internal business purposes")
     r"non commercial (?:use|uses|purposes?)|(?:personal|private|internal)(?: business)? (?:use|purposes?) only|"
     r"(?:may|can|shall|must) only be (?:used|displayed|shown|"
    r"run|published|posted|accessed|sold|offered|served|targeted|advertised|uploaded)) "),
    # Duties of the user ("you are responsible for the security of your environment", "you must
     # comply with our Advertising Policy") and what breaking a rule leads to.
    ("usage-rules", "duties", r" (?:(?:you|users?|customers?|members?|developers?|sellers?|advertisers?) (?:are|is|will be|shall be|"
     r"remain) (?:solely |fully |entirely )?(?:responsible|accountable) for (?:\w+ ){0,3}(?:security|"
     r"conduct|actions?|activit\w*|what you|use of|integrity|compliance|behaviou?r)|"
     r"(?:must|shall|will|agree to) comply with (?:our|the|all|any|these)(?: \w+){0,3} (?:policy|"
     r"policies|guidelines|rules|standards|codes?)|"
     # the same duty in other words, the rules named further on ("you will comply with (1) all
     # applicable laws and (2) the API User Data Policy", "products must adhere to the Shopping Ads
     # Policy", "you must ensure that your use is in compliance with these policies"); not the
     # provider's own compliance ("we will comply with")
     r"(?<!we )(?:must|shall|will|agree to|agrees to|(?:are|is) required to|needs? to)(?: \w+){0,2} "
     r"(?:comply|complies|adhere|abide|conform)(?: with| to| by)(?: (?!we |they |you )\w+){0,25}? "
     r"(?:policy|policies|guidelines|rules|standards|requirements)|"
     r"(?:ensure|ensures|ensuring)(?: (?!we )\w+){0,20} (?:is|are|remains?|stays?) in (?:full )?compliance with "
     r"(?:our|the|all|any|these|this|such|applicable)|"
     r"fraud(?! prevention| detection| monitoring)|fraudulent|"
     # the user's own representations ("you represent and warrant that the information you give is
     # accurate", "each Seller represents, warrants and agrees that:"): what the user vouches for and
     # must keep true, a duty of the user (in passing: ``_WEAK``), no warranty of the provider
     + _USER_WARRANTS + "|" + _CONSEQUENCE + r") "),
]

# Narrow rules: each says "this sentence establishes a watch-out" for its category. For the eight
# CLAUDETTE categories they are features of the linear model (which decides); for the others
# they decide alone. A rule marked negatable is ignored when a negation precedes the match.
_ANY = r"(?: \w+){0,4}"
_WATCH: list[tuple[str, str, str, bool]] = [
    ("pricing", "price may change", r" (?:may|can|reserve the right to)(?: \w+){0,3} "
     r"(?:change|increase|modify|raise)\w*(?: \w+){0,3} (?:prices?|fees?|pricing|rates?) ", False),
    ("pricing", "extra fee", r" (?:additional|extra|administrative|processing|service) fees? ",
     False),
    ("payment", "chargeback penalty", r" chargebacks?(?: \w+){0,12} (?:fee|lose|loss|forfeit|"
     r"terminat|suspend)\w* ", False),
    ("payment", "authorise charges", r" authori[sz]e (?:us|\w+) to (?:charge|bill) ", False),
    ("refunds", "non-refundable", r" (?:non refundable|nonrefundable|no refunds?|not refundable|"
     r"will not (?:be )?refund\w*|not (?:be )?entitled to (?:a )?refund|" + _FORFEIT + ") ", False),
    ("refunds", "credits expire", r" (?:credits?(?! cards? )|balances?)(?: \w+){0,6} (?:expire|expires|"
     r"expiration) ", False),
    ("subscription", "auto-renewal", r" (?:automatically renew\w*|auto renew\w*|renew\w* "
     r"automatically|will be charged(?: \w+){0,4} (?:each|every|recurring)) ", False),
    ("arbitration", "binding arbitration", r" (?:binding|mandatory|final|exclusive|individual)"
     r"(?: \w+){0,2} arbitration ", False),
    ("arbitration", "agree to arbitrate", r" (?:agree|agrees|consent)(?: \w+){0,3} "
     r"(?:to arbitrate|to (?:\w+ )?arbitration|arbitration) ", False),
    ("arbitration", "resolved by arbitration", r" (?:resolved|settled|decided|determined|"
     r"submitted)(?: \w+){0,4} (?:by|through|to|in) (?:\w+ ){0,2}arbitration ", False),
    ("class-action", "waiver", r" (?:waive\w*|waiving|give up|not (?:participate|bring|"
     r"pursue))(?: \w+){0,8} (?:class|jury|representative|collective) ", False),
    ("class-action", "individual basis", r" (?:only|solely|exclusively) (?:on |in )?"
     r"(?:an |your |their |its )?individual (?:basis|capacity|claims?) ", False),
    ("class-action", "not as class member", r" not (?:as|in) (?:a |an )?(?:plaintiff|class "
     r"members?|representative|member of a class)|(?:purported|putative) class ", False),
    ("governing-law", "governed by law of", r" (?:governed|construed|interpreted)(?: \w+){0,6} "
     r"(?:law|laws) of ", False),
    ("governing-law", "law of X applies", r" (?:law|laws) of(?: \w+){1,5} (?:shall|will) "
     r"(?:apply|govern) ", False),
    ("governing-law", "subject to X law", r" " + _SUBJECT_TO_LAW + " ", False),
    ("jurisdiction", "exclusive courts", r" (?:exclusive|exclusively|sole|submit|irrevocably"
     r"|consent)(?: \w+){0,6} (?:jurisdiction|venue|courts?|litigated) ", False),
    ("jurisdiction", "courts located in", r" courts? (?:located |sitting )?(?:in|of) "
     r"(?:the )?(?:state|county|district|city|england|ireland|\w+ county) ", False),
    ("liability", "not liable", r" (?:not|no|never)(?: \w+){0,3} (?:be )?(?:liable|"
     r"responsible|liability) ", False),
    ("liability", "in no event", r" in no event ", False),
    ("liability", "as is", r" (?:as is|as available|without (?:any )?warrant\w*|"
     r"disclaim\w*|at your (?:own|sole) risk) ", False),
    ("liability", "cap", r" (?:aggregate|total|maximum) liability ", False),
    ("indemnity", "you indemnify", r" (?:you|user|users)(?: \w+){0,4} (?:defend|indemnify|"
     r"hold harmless) ", False),
    ("indemnity", "indemnify us", r" indemnify(?: \w+){0,3} (?:us|company|and hold) ", False),
    ("termination", "may terminate", r" (?:may|can|reserve\w* the right to|right to|will)"
     # ending access in other words: "cut off / revoke / block / withdraw / end your access"
     r"(?: \w+){0,5} (?:terminat\w*|suspend\w*|deactivat\w*|disabl\w*|cancel\w*|ban|cut off|"
     r"revok\w*|block\w*|withdraw\w*|end)"
     r"(?: \w+){0,4} (?:your|account|accounts|access|use|relationship|subscription) ", False),
    ("termination", "without notice/reason", r" (?:terminat\w*|suspend\w*|cut off|revok\w*)(?: \w+){0,8} "
     r"(?:without (?:prior )?notice|for any reason|without (?:cause|reason)|at any time|"
     r"sole discretion) ", False),
    ("terms-changes", "may change terms", r" (?:may|can|reserve\w* the right to|right to)"
     r"(?: \w+){0,4} (?:change|modify|amend|update|revise|alter)\w*(?: \w+){0,4} "
     r"(?:terms|agreement|policy|policies|conditions|tos|eula) ", False),
    ("terms-changes", "at any time", r" (?:change|modify|amend|update|revise)\w*(?: \w+){0,8} "
     r"(?:at any time|without (?:prior )?notice|from time to time|sole discretion) ", False),
    ("content-removal", "may remove", r" (?:may|can|reserve\w* the right to|right to)"
     r"(?: \w+){0,6} (?:remov\w*|delet\w*|refus\w*|block\w*|disabl\w*|reclaim\w*|edit\w*|"
     r"reject\w*|screen\w*|take down) ", False),
    ("content-rights", "broad licence", r" (?:perpetual|irrevocable|royalty free|"
     r"sublicensable|transferable|worldwide)(?: \w+){0,6} licen[cs]e ", False),
    ("content-rights", "moral rights waiver", r" waive\w*(?: \w+){0,4} moral rights ", False),
    ("content-rights", "we own outputs", r" (?:we|company) (?:own|owns|will own|shall own)"
     r"(?: \w+){0,4} (?:outputs?|content|feedback|suggestions) ", False),
    ("privacy", "sell/share data", r" (?:sell|sells|rent|share|shares|disclose|discloses)"
     r"(?: \w+){0,4} (?:personal )?(?:data|information)(?: \w+){0,4} (?:third parties|"
     r"advertis\w*|partners|affiliates) ", True),
    # the recipient named first ("share with third-party processors your payment information")
    ("privacy", "share with third parties", r" (?:sell|sells|rent|rents|share|shares|disclose|discloses|"
     r"transfer|transfers)(?: \w+){0,2} (?:with|to) (?:\w+ ){0,6}(?:third parties|third party|partners|"
     r"affiliates|advertisers|providers?|processors?|data brokers)(?: \w+){0,8} (?:personal )?(?:data|"
     r"information|details|identifiers) ", True),
    # the data named by a pronoun ("we share it with our advertising partners"): sold, or given to
    # advertisers, brokers or any third party
    ("privacy", "share it with third parties", r" (?:sell|sells|rent|rents|share|shares|disclose|"
     r"discloses|transfer|transfers)(?: (?:it|them|this|these|that|those|such)(?: (?:data|"
     r"information|details))?| (?:your|their|users|customers|members)(?: \w+){1,3})?(?: on)? (?:with|to) (?:\w+ ){0,10}(?:third parties|third party|"
     r"advertis\w*|data brokers) ", True),
    ("privacy", "targeted ads/tracking", r" (?:targeted advertising|track(?: \w+){0,3} "
     r"(?:across|other websites)|ignore\w*(?: \w+){0,3} do not track|biometric) ", True),
    ("ai-training", "trains on your data", r" (?:use|uses|using|used)(?: \w+){0,6} "
     # (the user's own material by its kind too: "your notes", "your voice recordings")
     r"(?:content|data|inputs?|prompts?|conversations?|chats?|outputs?|information|notes|files|documents|"
     r"recordings|messages|posts|photos|images|videos|uploads|submissions|code)(?: \w+){0,5} "
     r"(?:to|for) (?:train|training|improve|improving|develop|fine tune)\w* ", True),
    ("acceptance", "use means agreement", r" (?:by (?:using|accessing|downloading|installing|"
     r"visiting|registering|browsing)|continu\w* (?:to )?us\w*)(?: \w+){0,12} (?:agree\w*|accept\w*|"
     r"bound|constitut\w*|deemed|confirm\w*) ", False),
    ("service-changes", "may change service", r" (?:may|can|reserve\w* the right to|right to)"
     r"(?: \w+){0,4} (?:change|modify|discontinue|suspend|remove|deprecate|retire)\w*"
     r"(?: \w+){0,6} (?:at any time|without (?:prior )?notice|sole discretion) ", False),
    ("service-changes", "beta as is", r" beta(?: \w+){0,12} (?:as is|change|discontinu\w*|"
     r"no warrant\w*) ", False),
    ("usage-rules", "fines/monitoring", r" (?:fine|fines|penalt\w*|liquidated damages|"
     r"monitor\w*(?: \w+){0,3} (?:communications|messages|content)) ", False),
]

MODEL_CATEGORIES = ("arbitration", "terms-changes", "content-removal", "jurisdiction",
                    "governing-law", "liability", "termination", "acceptance")

# (French "ne"/"n'" comes before the verb: "nous ne les vendons pas")
# (a phrase that only stresses the negation, "not under any circumstances or for any reason share",
# counts as one word: the negation still governs what follows it)
_STRESS = r" (?:or )?(?:under|in|at|for) (?:any|no) (?:\w+ ){0,2}?(?:circumstances?|event|case|time|reason|way|manner|purpose)"
_NEGATION = re.compile(rf" (?:not|never|no|nor|neither|ne|n|jamais)(?:{_STRESS}| \w+){{0,4}} $")
# What the agreement covers: a product, tier or document brought in or left out of it.
# Which terms apply to whom ("if you live in the US, the US Terms apply to you", "these Terms apply
# only to users in the EEA") is the scope of the contract: "other" (its readers name no topic for it,
# and the taxonomy's eligibility is who may use the service, not which contract binds them).
_SCOPE = (r"(?:terms|agreement|conditions|policy|policies|guidelines|addendum|eula)(?: \w+){0,3} (?:apply|applies) "
          r"(?:only )?to (?:users|customers|residents|consumers|people|individuals|businesses|you|your)|"
          r"(?:terms|agreement|conditions|policy|guidelines)(?: \w+){0,3} (?:do|does|shall|will) not "
          r"apply|(?:terms|agreement|conditions|policy|guidelines)(?: \w+){0,3} (?:no longer|only) "
          r"apply|(?:terms|agreement|conditions)(?: of service)? (?:govern|governs) (?:\w+ ){0,2}(?:use|uses|"
          r"access)|forms? (?:an? )?(?:integral )?part of (?:this|these|the|your)(?: \w+){0,2} (?:agreement|"
          r"terms|contract)|incorporated (?:\w+ ){0,3}by reference")
_OTHER_FOREIGN = re.compile(r" (?:s engage\w*|vous (?:devez|acceptez|reconnaissez)|obligations?|"
                            r"(?:ne s applique|ne s appliquent|ne s appliqueront) pas|font partie intégrante|"
                            r"fait partie intégrante|"
                            r"est tenue?|sont tenus|verpflichte\w*|müssen|haben das recht|"
                            r"berechtigt) ")
_OTHER = re.compile(r" (?:shall|reserve\w* the right|you agree|you must|waive\w*|"
                    r"you acknowledge|obligat\w*|entitled|" + _SCOPE + r") ")


@lru_cache(maxsize=8)  # one entry per language (and the default): a single entry was recompiled in turns
def _compiled(lang: str = "en") -> tuple[list, list]:
    if lang != "en":
        return _compiled_foreign(lang)
    topic = [(c, n, re.compile(p)) for c, n, p in _TOPIC]
    watch = [(c, n, re.compile(p), neg) for c, n, p, neg in _WATCH]
    return topic, watch


@lru_cache(maxsize=4)
def _compiled_foreign(lang: str) -> tuple[list, list]:
    from tracker.analysis.lexicons import TOPIC, WATCH

    topic = [(c, n, re.compile(p)) for c, n, p in TOPIC[lang]]
    watch = [(c, n, re.compile(p), neg) for c, n, p, neg in WATCH[lang]]
    return topic, watch


@lru_cache(maxsize=4)
def _filter(lang: str) -> RuleFilter:
    """The pre-check of ``_compiled(lang)``'s rules: topic rules first, then watch rules."""
    topic, watch = _compiled(lang)
    return RuleFilter([p for _, _, p in topic] + [p for _, _, p, _ in watch])


def _negated_hit(pattern: re.Pattern, norm: str) -> str | None:
    """The first match not right after a negation ("we do not sell your data"), or None."""
    for m in pattern.finditer(norm):
        if not _NEGATION.search(norm, 0, m.start() + 1):
            return m.group(0).strip()
    return None


def _first(pattern: re.Pattern, norm: str, starts: list[int] | None,
           negatable: bool = False) -> str | None:
    """The matched words of ``pattern``'s first match in ``norm`` (with ``negatable``: its first
    match not right after a negation), or None. ``starts``: the only positions where a match may
    begin, ascending (``RuleFilter.starts``), or None to search the whole text. Tried at those
    positions in order, matches are found as ``search``/``finditer`` find them: leftmost first,
    and after a negated match only past its end (finditer's matches do not overlap)."""
    if starts is None:
        if negatable:
            return _negated_hit(pattern, norm)
        m = pattern.search(norm)
        return m.group(0).strip() if m else None
    match = pattern.match
    end = 0
    for at in starts:
        if at >= end and (m := match(norm, at)):
            if not negatable or not _NEGATION.search(norm, 0, at + 1):
                return m.group(0).strip()
            end = m.end()
    return None


def rule_hits(norm: str, lang: str = "en") -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(topic hits, watch hits) as (category, rule name, matched words) on a normalized text,
    with the rules of ``lang`` ("en", "fr" or "de").

    A watch rule only runs when its category's topic rule fired: watch is a subset of
    categories by definition, and skipping the rest keeps classification fast."""
    topic_rules, watch_rules = _compiled(lang)
    flt = _filter(lang)
    # rules are tried only where a match can begin (same hits as a search of the whole text)
    found = flt.starts(norm)
    starts: dict[int, list[int] | None]  # rule index -> where to try it (None: search it whole)
    if found is None:  # text no normalized sentence has: every rule searched whole
        starts = dict.fromkeys(range(len(topic_rules) + len(watch_rules)))
    else:
        starts = cast("dict[int, list[int] | None]", found)
        starts.update(dict.fromkeys(flt.unchecked))
    get = starts.get
    # only the rules that may match, in the rules' order (a sentence leaves most of them out)
    order = sorted(starts)
    base = len(topic_rules)
    split = bisect_left(order, base)
    topics = []
    for i in order[:split]:
        if w := _first(topic_rules[i][2], norm, get(i)):
            c, n, _ = topic_rules[i]
            topics.append((c, n, w))
    watches = []
    if topics:
        fired = {c for c, _, _ in topics}
        for k in order[split:]:
            c, n, p, negatable = watch_rules[k - base]
            if c in fired and (w := _first(p, norm, get(k), negatable)):
                watches.append((c, n, w))
    return topics, watches


class _Stems(dict):
    """token -> its stem feature ("S:" and its first 5 letters; "" for a shorter token), worked
    out once per distinct token: a dict lookup per token instead of a regex pass per sentence."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 100_000:  # bounded: the words of odd text
            self.clear()
        stem = self[token] = "S:" + token[:5] if len(token) >= 5 else ""
        return stem


_STEMS = _Stems()


def features(norm: str, topics=None, watches=None) -> set[str]:
    """Model features: word uni/bi-grams, 5-letter stems of longer words ("S:arbit" covers
    arbitration, arbitrator, arbitrate: the cheap part of character n-grams) and one feature
    per rule that fired."""
    if topics is None:
        topics, watches = rule_hits(norm)
    toks = norm.split()
    feats = set(toks)
    # map and list comprehensions, not generators: this runs for every sentence classified
    feats.update(map(" ".join, zip(toks, toks[1:])))
    feats.update(filter(None, map(_STEMS.__getitem__, toks)))  # first 5 letters of longer tokens
    feats.update(["T:" + c for c, _, _ in topics])
    feats.update([f"R:{c}:{n}" for c, n, _ in watches])
    return feats


CHAR_N = (2, 5)  # char n-gram lengths of the char block


def char_grams(token: str) -> list[str]:
    """Character 2-5-grams of one token padded with a space each side, the same list as
    scikit-learn's ``char_wb`` analyzer: "fee" -> " f", "fe", "ee", "e ", " fe", ... The model's char block adds up each distinct token's set of these
    (see ``_token_chars``): spelling variants and unseen inflections share weight."""
    padded = f" {token} "
    lo, hi = CHAR_N
    return [padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


# Context of a sentence for the model: the previous and next sentence of its clause and the
# section heading above it, each a block of features normalised on its own.
CONTEXT_BLOCKS = ("P", "N", "H")
_HEADING_VERB = re.compile(r" (?:is|are|be|will|may|shall|must|can|agree|you|we) ")


def context_features(norm: str, topics=None) -> set[str]:
    """Features a neighbouring sentence or heading lends (before its block prefix): its words
    and the topic rules it fires."""
    if topics is None:
        topics, _ = rule_hits(norm)
    feats = set(norm.split())
    feats.update(f"T:{c}" for c, _, _ in topics)
    return feats


def heading_like(text: str) -> bool:
    """A short line with no verb-like word: reads as a section heading (for context)."""
    norm = normalize(text)
    return 0 < norm.count(" ") - 1 <= 8 and not _HEADING_VERB.search(norm)


# --- model ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Model:
    labels: tuple[str, ...]
    # feature -> (idf², then idf·w of each label: 0.0 when the feature only counts in the norm);
    # every feature of the model is a key. (The JSON's idf and weights, which it is built from,
    # are not kept: a third of the cache file that every worker reads at its start, never read.)
    # One flat tuple per feature: a sentence's columns sum in C in one pass (see _dot).
    table: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    gates: tuple[bool, ...]  # the label's topic rule must fire too
    rule_votes: tuple[frozenset[str], ...]  # watch rules that decide the label with the model
    context: bool  # trained with context blocks (previous/next sentence, heading)
    # char block: n-gram -> (idf², idf·w per label or None); empty when the model has none
    chars: dict[str, tuple[float, tuple[float, ...] | None]] = field(default_factory=dict)
    # the char block of each word met so far (see _token_chars); emptied by clear_caches()
    char_cache: dict[str, tuple[float, tuple[float, ...] | None]] = field(default_factory=dict)

@lru_cache(maxsize=1)
def _model() -> _Model | None:
    """Load the watch-out model once; without it the rules alone decide.

    Parsing the JSON and building the tables costs about 0.15-0.2 s of CPU, paid by every process
    that classifies (each run's analysis worker, each command): the built tables are kept in a
    ``marshal`` file under the user's cache folder (see ``_model_cache``), named after
    ``analysis_version()`` (a digest of the model and of this code, so that any change of either
    builds them anew), and read back in about a third of the time."""
    if not MODEL_PATH.exists():
        return None
    cache = _model_cache()
    fields = _read_model_cache(cache) if cache is not None else None
    if fields is None:
        fields = _build_model(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
        if cache is not None:
            _write_model_cache(cache, fields)
    return _Model(*fields)


def _build_model(raw: dict) -> tuple:
    """The fields of ``_Model`` (but its caches) from the model's JSON."""
    labels = tuple(raw["labels"])
    n = len(labels)
    weights = {f: tuple((i, w) for i, w in (ws if ws and isinstance(ws[0], list)
                                            else enumerate(ws)) if w)
               for f, ws in raw["weights"].items()}
    idf = raw["idf"]
    table: dict[str, tuple[float, ...]] = {}
    for f, v in idf.items():
        row = [v * v] + [0.0] * n
        for i, w in weights.get(f, ()):
            row[1 + i] = w * v
        table[f] = tuple(row)
    gates = tuple(raw.get("gates") or [False] * len(labels))
    votes = tuple(frozenset(v) for v in raw.get("rule_votes") or [[]] * len(labels))
    chars: dict[str, tuple[float, tuple[float, ...] | None]] = {}
    char = raw.get("char") or {}
    for g, v in (char.get("idf") or {}).items():
        ws = char["weights"].get(g)
        dense = None
        if ws:
            row = [0.0] * n
            for i, w in ws:
                row[i] = w * v
            dense = tuple(row)
        chars[g] = (v * v, dense)
    return (labels, table, tuple(raw["bias"]), tuple(raw["thresholds"]),
            gates, votes, bool(raw.get("context")), chars)


MODEL_CACHE_ENV = "TRACKER_CACHE_DIR"  # where built models are kept ("" or "off": nowhere)
_MODEL_FIELDS = 8  # fields _build_model returns (a cache file of another shape is ignored)


def cache_folder() -> Path | None:
    """The tracker's user cache folder (not created): ``$TRACKER_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/tracker``, else ``~/.cache/tracker``; None when caching is off
    (``TRACKER_CACHE_DIR`` is "" or "off") or no folder can be named (no home directory)."""
    from tracker.regex_cache import cache_folder as folder  # (one definition: the workers' regex cache's)

    return folder()


def _model_cache() -> Path | None:
    """The cache file of the model this code and ``MODEL_PATH`` make, in ``cache_folder()``; None
    when caching is off or no folder can be named. The name holds the interpreter's version too
    (``marshal``'s format is its own)."""
    import hashlib
    import sys

    folder = cache_folder()
    if folder is None:
        return None
    # what the built tables are made of: this module's code and the model's bytes (not the
    # analysis version: this module must not import the analysis that imports it)
    digest = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + MODEL_PATH.read_bytes())
    tag = digest.hexdigest()[:16]
    return folder / f"watch-{tag}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _read_model_cache(path: Path) -> tuple | None:
    """The model fields kept in ``path``, or None (absent, unreadable, or not what we wrote)."""
    from tracker.regex_cache import read_marshal

    fields = read_marshal(path)
    return fields if isinstance(fields, tuple) and len(fields) == _MODEL_FIELDS else None


def _write_model_cache(path: Path, fields: tuple) -> None:
    """Keep ``fields`` in ``path``, dropping the files of other code's models for this interpreter
    (``regex_cache.keep_marshal``); a folder that cannot be written is no error."""
    from tracker.regex_cache import keep_marshal

    keep_marshal(path, fields)


def _token_chars(token: str, model: _Model) -> tuple[float, tuple[float, ...] | None]:
    """One token's share of the char block: (squared norm of its idf-weighted set of
    n-grams, idf·w summed per label or None). The block of a sentence is the sum over its
    distinct tokens divided by the square root of the summed squared norms (the trainer builds
    it the same way), so each token is worked out once and kept in ``model.char_cache``."""
    hit = model.char_cache.get(token)
    if hit is not None:
        return hit
    padded = f" {token} "
    lo, hi = CHAR_N
    # set(char_grams(token)), built in one step: this is the block's hot spot
    grams = {padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)}
    found = [row for row in map(model.chars.get, grams) if row is not None]
    rows = [row[1] for row in found if row[1] is not None]
    hit = (sum([row[0] for row in found]), (tuple(map(sum, zip(*rows))) if rows else None))
    if len(model.char_cache) >= 32768:
        model.char_cache.clear()  # bounded like the other caches
    model.char_cache[token] = hit
    return hit


def _char_dot(tokens: Iterable[str], model: _Model) -> list[float]:
    """The char block's share of the scores (see ``_token_chars``)."""
    found = [_token_chars(t, model) for t in tokens]
    rows = [row[1] for row in found if row[1] is not None]
    if not rows:
        return [0.0] * len(model.labels)
    norm = math.sqrt(sum([row[0] for row in found]))
    return [sum(col) / norm for col in zip(*rows)]


def _dot(feats: Iterable[str], model: _Model) -> list[float]:
    """One block's share of the scores: tf-idf (binary tf), L2-normalised, times the weights."""
    # filter/map/zip/sum keep the per-feature work in C: the rows of the known features, then
    # their column sums (the first column is the squared norm; a feature without weights adds
    # 0.0, which leaves every sum as it was).
    found = list(filter(None, map(model.table.get, feats)))
    if not found:
        return [0.0] * len(model.labels)
    sums = list(map(sum, zip(*found)))
    norm = math.sqrt(sums[0])
    return [x / norm for x in sums[1:]]


def model_scores(feats: set[str], model: _Model,
                 context: dict[str, set[str]] | None = None,
                 tokens: Iterable[str] = ()) -> list[float]:
    """Scores per label: bias plus the sentence's block, its char block (from ``tokens``, its
    distinct words, when the model has one) and, when given, each context block
    ({"P": previous sentence, "N": next, "H": heading} -> features, already prefixed)."""
    scores = [b + x for b, x in zip(model.bias, _dot(feats, model))]
    if model.chars:
        scores = [s + x for s, x in zip(scores, _char_dot(tokens, model))]
    for block in (context or {}).values():
        if block:
            scores = [s + x for s, x in zip(scores, _dot(block, model))]
    return scores


def contributions(feats: set[str], model: _Model, label: int,
                  context: dict[str, set[str]] | None = None,
                  tokens: Iterable[str] = ()) -> list[tuple[float, str]]:
    """Each feature's share of one label's score, largest first: the model's explanation.
    A word's share through its letters (the char block) is named "word~"."""
    table = model.table
    out = []
    for block in [feats, *(context or {}).values()]:
        known = [(f, row) for f, row in zip(block, map(table.get, block)) if row is not None]
        norm = math.sqrt(sum([row[0] for _, row in known])) or 1.0
        out.extend([(row[1 + label] / norm, f) for f, row in known if row[1 + label]])
    if model.chars:
        found = {t: _token_chars(t, model) for t in tokens}
        char_norm = math.sqrt(sum(sq for sq, _ in found.values())) or 1.0
        out.extend((vec[label] / char_norm, t + "~") for t, (_, vec) in found.items()
                   if vec is not None and vec[label])
    return sorted(out, reverse=True)


def _model_evidence(cat: str, score: float, thr: float, contrib: list[tuple]) -> Evidence:
    top = contrib[:5]
    words = ", ".join(f'"{f}" {x:+.2f}' for x, f in top if x > 0)
    return Evidence(cat, "model", f"watch score {score:.2f} >= {thr:.2f}: {words}", True)


# --- classification -----------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[\"'(\[*_]*[A-Z0-9])|\n+")


# Whether the text has a split point at all: the same condition as ``_SENTENCE_END`` without its
# look-behind (a character class first: the regex engine skips ahead to it), which is tried at
# every character. Much cheaper than the split, and most clauses have no split point: "; " or
# ": " followed by a lower-case word does not split, nor does the final full stop.
_MAY_SPLIT = re.compile(r"[.!?;:]\s+[\"'(\[*_]*[A-Z0-9]|\n")


def split_sentences(text: str) -> list[str]:
    """Sentences of a clause (and list items on their own lines); cheap and good enough."""
    if not _MAY_SPLIT.search(text):  # one sentence (most are)
        text = text.strip()
        return [text] if text else []
    return [s for s in (p.strip() for p in _SENTENCE_END.split(text)) if s]


# Sentence caches: each entry holds a sentence, its neighbours, its labels and their evidence;
# 16,384 of them keep the sentences of the documents a worker has in hand (a history sends a
# document's versions to one worker in a row) without growing to hundreds of MB per worker.
SENTENCE_CACHE = 16384


@lru_cache(maxsize=SENTENCE_CACHE)
def _read(sentence: str) -> tuple[str, str, list, list]:
    """(normalized text, language, topic hits, watch hits) of a sentence, computed once."""
    norm = normalize(sentence)
    lang = language(norm)
    topics, watches = rule_hits(norm, lang)
    return norm, lang, topics, watches


@lru_cache(maxsize=16384)
def _context_block(prefix: str, sentence: str) -> frozenset[str]:
    norm, _, topics, _ = _read(sentence)
    return frozenset(f"{prefix}:{f}" for f in context_features(norm, topics))


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def is_fragment(sentence: str) -> bool:
    """1-6 words and no verb ("Legal notice.", "Termination"): a heading or a label, on which
    the model does not decide (its words are a topic, not a term)."""
    # the first 7 words at most: most sentences are longer, and the rest need not be found
    words = [m.group() for m in islice(_WORD.finditer(sentence.lower()), 7)]
    if not words or len(words) > 6:
        return False
    from tracker.analysis.boilerplate import has_verb  # same stage; imported when first needed

    return not has_verb(words, sentence.rstrip("*_ ").endswith((".", "!", "?")))


@lru_cache(maxsize=SENTENCE_CACHE)
def classify_sentence(sentence: str, before: str = "", after: str = "",
                      heading: str = "") -> Labels:
    """Labels of one sentence: topic rules, watch rules, and the model for CLAUDETTE ids.

    ``before``/``after`` are the neighbouring sentences of the same clause and ``heading`` the
    section heading, when known: the model reads them as context (a sentence is still labelled
    by its own words first; context only moves the model's score). The model does not decide on
    a fragment (``is_fragment``)."""
    norm, lang, topics, watches = _read(sentence)
    evidence: list[Evidence] = [Evidence(c, "pattern", f'{n}: "{w}"') for c, n, w in topics]
    watch: set[str] = set()
    model = _model() if lang == "en" else None  # the model was trained on English text
    for c, n, w in watches:
        if model is None or c not in model.labels:
            watch.add(c)
            evidence.append(Evidence(c, "pattern", f'{n}: "{w}"', True))
    if model is not None and is_fragment(sentence):
        # Rules still speak for the model's categories; the model itself stays silent.
        for c, n, w in watches:
            if c in model.labels:
                watch.add(c)
                evidence.append(Evidence(c, "pattern", f'{n}: "{w}"', True))
    elif model is not None:
        feats = features(norm, topics, watches)
        context = None
        if model.context and (before or after or heading):
            context = {p: set(_context_block(p, t)) for p, t in
                       (("P", before), ("N", after), ("H", heading)) if t}
        words = set(norm.split()) if model.chars else ()  # only the char block reads them
        scores = model_scores(feats, model, context, words)
        topic_cats = {c for c, _, _ in topics}
        for i, cat in enumerate(model.labels):
            if model.gates[i] and cat not in topic_cats:
                continue  # e.g. content-removal needs words about content, not only "terminate"
            if scores[i] >= model.thresholds[i]:
                watch.add(cat)
                contrib = contributions(feats, model, i, context, words)
                evidence.append(_model_evidence(cat, scores[i], model.thresholds[i], contrib))
            elif model.rule_votes[i]:
                for c, n, w in watches:
                    if c == cat and n in model.rule_votes[i]:
                        watch.add(cat)
                        evidence.append(Evidence(c, "pattern", f'{n}: "{w}"', True))
                        break
    cats = {c for c, _, _ in topics} | watch
    if "termination" in watch and _USER_ENDS.search(norm) and not _PROVIDER_ENDS.search(norm):
        # the user's own right to end the contract ("you may terminate your subscription") is
        # about termination, but it is no watch-out: the taxonomy's is the provider's power
        watch.discard("termination")
        evidence = [Evidence(e.category, e.kind, e.detail, False) if e.category == "termination" else e
                    for e in evidence]
    if cats & _SAID_OF_OTHER:
        cats, watch, evidence = _said_of_other(norm, lang, cats, watch, evidence)
    if cats & _NAMES_OTHER.keys():  # (privacy among them: ``_PROHIBITED_DATA`` too)
        cats, watch, evidence = _names_other(norm, lang, cats, watch, evidence)
    if "content-removal" in watch and users_own_edit(norm):
        # users editing their own posts, or admins of a group theirs: no power of the provider
        watch.discard("content-removal")
        evidence = [Evidence(e.category, e.kind, e.detail, False) if e.category == "content-removal" else e
                    for e in evidence]
    if not cats and (m := (_OTHER if lang == "en" else _OTHER_FOREIGN).search(norm)):
        cats.add("other")
        evidence.append(Evidence("other", "pattern", f'legal wording: "{m.group(0).strip()}"'))
    return _labels(cats, watch, evidence)


# Commercial words that, in a sentence of a certain kind, name something else (en/fr/de): the
# processing of data suspended or blocked ("you may ask us to suspend our processing of your
# personal data", "Recht auf Sperrung Ihrer Daten") is a data right, not an account ended; a licence
# to the user's content given free of charge ("royalty-free", "à titre gratuit", "unentgeltlich") is
# a licence, nothing is priced; a fee for a request about one's personal data ("no fee to access
# your personal data", "we may charge a reasonable fee for repeated requests") is a data right.
_DATA_HALTED = re.compile(
    r" (?:suspend\w*|suspension|block\w*|suspen\w*|bloqu\w*|sperr\w*)(?: (?:of|de|du|des|la|le|les|l|our|the|"
    r"any|your|its|vos|votre|ihrer|ihre|der|des|aller)){0,3} (?:\w+ )?(?:processing|traitements?|verarbeitung|"
    r"data|données|daten|personal data|personal information)(?= )|"
    r" (?:processing|traitement|verarbeitung|data|données|daten)(?: \S+){0,3} (?:(?:be|is|are|sera|seront|"
    r"sont|est|wird|werden) )?(?:suspended|blocked|suspendue?s?|bloquée?s?|gesperrt)(?= )")
_FREE = re.compile(r" (?:free of charge|royalty free|free|at no (?:cost|charge)|without (?:charge|payment|"
                   r"compensation)|gratuite?s?|gratuitement|à titre gratuit|sans contrepartie|kostenlos\w*|"
                   r"unentgeltlich\w*|kostenfrei\w*|lizenzgebührenfrei\w*|vergütungsfrei\w*)(?= )")
_DATA_REQUEST = re.compile(
    r" (?:(?:access|deletion|erasure|correction|rectification|portability|data subject|privacy|subject access)"
    r"(?: \w+){0,2} requests?|requests? (?:\w+ ){0,3}(?:to|for) (?:access|correct|update|delete|erase|rectify|"
    r"obtain)\w*(?: \w+){0,4} (?:personal |your )(?:data|information)|(?:access|correct|updat|delet|eras|"
    r"rectif|copy)\w*(?: \w+){0,2} (?:your|their|the) personal (?:data|information)|exercis\w* (?:\w+ ){0,2}"
    r"(?:rights|right)|exerc\w* (?:vos|ses|leurs|ces|de vos|de ses) droits|droits? d (?:accès|opposition|"
    r"effacement|rectification)|demandes? d (?:accès|effacement|exercice)|auskunft\w*|betroffenenrecht\w*|"
    r"(?:ihre|ihrer|diese|dieser|seine) rechte (?:auf|als)) ")
# A setting or feature switched off ("disable cookies in your browser", "deactivate image downloads",
# "désactiver les notifications", "Standortdienste deaktivieren"): no account or access ended.
_SETTING_OFF = re.compile(
    r" (?:deactivat\w*|disabl\w*|suspend\w*|désactiv\w*|deaktivier\w*)(?: (?:the|your|all|any|use|of|de|la|"
    r"le|les|l|vos|votre|des|ihre|die|den|der|alle)){0,3} (?:\w+ )?(?:cookies?|notifications?|tracking|"
    r"traceurs?|downloads?|settings?|paramètres?|einstellungen|location|localisation|standort\w*|"
    r"personali[sz]ation|personnalisation|tokens?|javascript|images?|(?:web )?beacons?|pixels?|"
    r"benachrichtigung\w*|push)(?= )|"
    r" (?:cookies?|notifications?|tracking|downloads?|tokens?|javascript|images?|beacons?|pixels?|traceurs?|"
    r"standort\w*|benachrichtigung\w*)(?: \S+){0,3} (?:be |is |are |sont |werden )?(?:deactivated|disabled|"
    r"désactivée?s?|deaktiviert|deaktivieren)(?= )")
# The costs of a dispute beside arbitration or a class waiver ("you pay a $200 filing fee and we pay
# all other AAA fees", "les frais d'arbitrage", "die Kosten des Schiedsverfahrens"): who bears them is
# a term of the dispute clause, no price of the service.
_DISPUTE_TOPICS = frozenset({"arbitration", "class-action"})
# The service itself changed, suspended or discontinued ("may change, suspend or discontinue the
# Service, in whole or in part", "suspendre ou interrompre tout ou partie du service", "den Dienst
# ganz oder teilweise einstellen oder unterbrechen"): a change of the service, no account ended,
# unless the sentence names the user's access, use or account.
_HALT = (r"(?:chang|modif|suspend|discontinu|interrupt|stop|ceas|withdraw|terminat|updat|limit|remov|alter|"
         r"suspendre|interrompre|arrêter|cesser|modifier)\w*")
_SERVICE_HALTED = re.compile(
    rf" {_HALT}(?:(?: or| and| ou| et)? {_HALT}){{0,4}}(?: (?:the|any|all|our|its|part|parts|of|some|or|in|"
    r"whole|tout|toute|partie|ou|du|de|la|le|les|des|l|en|entièrement|partiellement))* (?:service|services|"
    r"site|website|app|application|platform|features?|functionality|functionalities|products?|programs?|"
    r"programmes?|plateforme|fonctionnalités?)(?= )|"
    r" (?:service|services|site|website|app|application|platform|features?|functionality|plateforme|"
    rf"fonctionnalités?)(?: \w+){{0,3}} (?:be|is|are|been|being|être|est|sont|sera|seront) {_HALT}(?= )|"
    r" (?:dienst|dienste|dienstes|service|services|plattform|website|app|funktion\w*|angebot\w*)(?: \S+){0,5} "
    r"(?:einstellen|einzustellen|ändern|aussetzen|unterbrechen|eingestellt|ausgesetzt|unterbrochen)(?= )")
_YOUR_ACCESS = re.compile(r" (?:your|their|the user s|a user s|any user s|votre|leur|ihr|ihren|ihre|ihres) "
                          r"(?:access|use|usage|account|accounts|membership|accès|utilisation|compte|zugang|"
                          r"nutzung|konto|kontos|mitgliedschaft)| (?:for|to) (?:you|any user|a user|users) |"
                          r" (?:if|where|when|si|wenn|falls) ")
_MONEY_WORDS = frozenset({"pricing", "payment"})
_SAID_OF_OTHER = _MONEY_WORDS | {"termination"}


def _topic_left(cat: str, lang: str, rest: str) -> bool:
    """Whether a topic rule of ``cat`` (rules of ``lang``) still matches ``rest``, a normalized
    sentence with some of its words blanked out."""
    return any(c == cat and p.search(rest) for c, _, p in _compiled(lang)[0])


def _said_of_other(norm: str, lang: str, cats: set[str], watch: set[str],
                   evidence: list[Evidence]) -> tuple[set[str], set[str], list[Evidence]]:
    """The labels of a sentence whose termination or pricing words name something else (see
    ``_DATA_HALTED``, ``_SETTING_OFF``, ``_SERVICE_HALTED``, ``_FREE``, ``_DISPUTE_TOPICS``, ``_DATA_REQUEST``):
    that category, its watch-out and its evidence
    dropped, and privacy given for a data right. ``norm``: the normalized sentence; ``lang``: its
    language; ``cats``, ``watch``, ``evidence``: its labels so far. Returns them, new sets and list."""
    drop: dict[str, str] = {}  # category -> the words that name something else
    right = ""  # the words of a data right, when that is what they name
    if "termination" in cats and (m := _DATA_HALTED.search(norm)) and not _ENDS_ACCOUNT.search(norm) \
            and not _topic_left("termination", lang, _DATA_HALTED.sub(" ", norm)):
        drop["termination"] = right = m.group(0).strip()
    elif "termination" in cats and (m := _SETTING_OFF.search(norm)) and not _ENDS_ACCOUNT.search(norm) \
            and not _topic_left("termination", lang, _SETTING_OFF.sub(" ", norm)):
        drop["termination"] = m.group(0).strip()
    elif "termination" in cats and (m := _SERVICE_HALTED.search(norm)) and not _ENDS_ACCOUNT.search(norm) \
            and not _YOUR_ACCESS.search(norm) and not _topic_left("termination", lang, _SERVICE_HALTED.sub(" ", norm)):
        drop["termination"] = m.group(0).strip()
        if "service-changes" not in cats:
            cats = cats | {"service-changes"}
            evidence = [*evidence, Evidence("service-changes", "pattern", f'service halted: "{m.group(0).strip()}"')]
    if "pricing" in cats and "content-rights" in cats and (m := _FREE.search(norm)) \
            and not _topic_left("pricing", lang, _FREE.sub(" ", norm)):
        drop["pricing"] = m.group(0).strip()
    elif cats & _MONEY_WORDS and cats & _DISPUTE_TOPICS:
        # (attorneys' fees alone, in an indemnity, are left as they were: a change of them is still
        # read as a changed sum)
        drop.update(dict.fromkeys(cats & _MONEY_WORDS, "dispute costs"))
    elif (m := _DATA_REQUEST.search(norm)) and (lang != "en" or "privacy" in cats or " personal " in norm):
        right = m.group(0).strip()
        drop.update((c, right) for c in cats & _MONEY_WORDS)
    elif cats & _MONEY_WORDS and _retention(norm) and not _ENDS_ACCOUNT.search(norm):
        # how long billing records, invoices or payment details are kept: a retention period, a
        # privacy term (``_retention``), not a way to pay
        right = "data kept"
        drop.update(dict.fromkeys(cats & _MONEY_WORDS, right))
    if not drop:
        return cats, watch, evidence
    cats, watch = cats - drop.keys(), watch - drop.keys()
    evidence = [e for e in evidence if e.category not in drop]
    if right and "privacy" not in cats:
        cats.add("privacy")
        evidence.append(Evidence("privacy", "pattern", f'data right: "{right}"'))
    return cats, watch, evidence


# Words of a category that, in these phrases, name something else (en/fr/de); each was seen giving a
# material change a topic the reader would not name (session 22, real pairs):
# - eligibility: minors as those a content rule protects or information is about ("cause harm to
#   minors", "restrictions on information relating to minors", "porter atteinte aux mineurs",
#   "Minderjährige gefährden"), and things that are eligible ("eligible new listings", "items that
#   are ineligible for the delivery service"): who may use the service is not said;
# - jurisdiction: a jurisdiction as a place ("unlawful in jurisdictions where we operate", "the age
#   of majority in your jurisdiction", "any other applicable jurisdiction"): no court or forum
#   (the French and German words for a court are not used of places);
# - payment: card and bank details named as kinds of data ("personal information such as bank
#   account numbers and credit card numbers", "coordonnées bancaires", "Kontonummer"), the
#   company's VAT number in its identity ("VAT number NL123", "TVA intracommunautaire", "USt-IdNr"),
#   and a letter's return receipt ("registered mail with return receipt", "accusé de réception");
# - pricing: the company's share capital ("SAS au capital de 10 000 €", "Stammkapital: 25.000 EUR");
# - content-rights: feedback as a support request ("submit a feedback ticket", "any feedback or
#   request"), no licence to ideas; licences as seats bought or reassigned ("reassign a license to
#   another user", "license keys"), no licence to content;
# - service-changes: the user stopping or altering ("you must discontinue your use", "you may not
#   modify the Services"), not the provider changing the service;
# - privacy: personal details named as what a notice, claim or request must include ("your notice of
#   dispute must include your name, email address and residential address", "a takedown notice must
#   state your name and phone number"): the form of the notice, no data collected or used;
# - governing-law: the applicable law as a qualifier ("conformément à la loi applicable", "dans la
#   mesure permise par le droit applicable", "sous réserve de la loi applicable"): no law is chosen
#   (the French topic rule reads "loi applicable" as a choice of law, as in "Loi applicable : droit
#   français");
# - ai-training: AI named as what a product is or offers ("AI-powered engines and agents", "powered by
#   machine learning", "our AI tools"), in a sentence that names no data, content or input: no use of
#   anyone's data for AI is said (session 27: nor machine learning named as how an algorithm ranks or matches,
#   "our matching algorithms use machine learning to rank profiles");
# - subscription: a subscription or membership named as the plan through which someone uses something
#   ("if you access the Service through your Workspace account on a Business subscription", "for
#   owners of the Mailbox subscription"): who the sentence is about, nothing about the plan's renewal,
#   cancellation, trial or change is said (session 27; ``_PLAN_QUALIFIER`` only weakened it); nor a plan
#   named as what one signs up for, to say what it takes or gives ("to sign up for a Gold membership,
#   you must ...", "by subscribing to these plans, you represent ...": session 28);
# - usage-rules: something prohibited by law or by an order ("unless prohibited by law", "unless
#   the order prohibits us from doing so", "sauf interdiction légale", "gesetzlich verboten"): a
#   limit on the provider, no rule of use; nor fraud named as what the provider checks for or prevents
#   ("we may check payments for signs of fraudulent activity": ``_FRAUD_GUARDED``).
# A category is dropped only when none of its topic words is left once these phrases are blanked.
# Machine learning named as how an algorithm ranks or matches people or things ("our matching
# algorithms use machine learning to rank profiles", "nos algorithmes utilisent une technologie
# d'apprentissage automatique pour classer les profils"): profiling by the service's own sorting, a
# use of personal data (privacy), not AI trained on it (``_names_other``).
_RANKED = (r" (?:algorithms?|algorithmes?)(?: \S+){0,10}? (?:use|uses|using|utilise\w*|rel(?:y|ies) on|"
           r"(?:is|are) based on)(?: \w+){0,3}? (?:machine learning|artificial intelligence|ai|apprentissage automatique|"
           r"intelligence artificielle)(?: \w+){0,2}? (?:to|pour|in order to|afin de) (?:rank|sort|match|recommend|order|"
           r"suggest|classer|trier|recommander|proposer)\w*(?= )")
_RANKED_RE = re.compile(_RANKED)
_MINORS = r"(?:minors?|children|child|kids?|mineurs?|enfants?|minderjährig\w*|kinder\w*)"
# Payment words that name no payment term, whatever else the sentence says: a company named for its
# payments ("Fennick Payment Limited is the controller of your data", "Payments Europe S.A."): who the
# party is, not how or when anyone pays (``_NAMES_OTHER``). (A billing address as where the user is,
# "if you have a billing address in the EU, the Data Act Addendum forms a part of this Agreement",
# is left to payment: read as a place, it left a real scope clause with no topic and not material.)
_PAYMENT_ELSEWHERE = (
    r" payments? (?:limited|ltd|inc|llc|gmbh|plc|sarl|sas|bv|b v|ab|corporation|europe (?:limited|ltd|s a|sarl|sa))(?= )")
_THINGS = (r"(?:products?|listings?|items?|orders?|purchases?|transactions?|offers?|devices?|shipments?|parcels?|"
           r"packages?)")
_NOT_PEOPLE = r"(?: (?!you|users?|customers?|members?|persons?|people|individuals?|accounts?|sellers?|buyers?)\w+)"
# Fraud named as what the provider guards against ("we may check payments for signs of fraudulent
# activity", "to prevent fraudulent payments", "to detect and resolve any fraud or security
# concerns"): the provider's own checks (a purpose of its data use, a payment control), no rule
# the user must keep (``_NAMES_OTHER``; a ban said beside it, "you may not ...", keeps usage-rules,
# and so does misuse, "to prevent misuse, each account may send 50 invitations a day": a usage limit).
_FRAUD_GUARDED = (
    r" (?:prevent\w*|prevention of|detect\w*|combat\w*|fight\w*|identify\w*|investigat\w*|reduc\w*|mitigat\w*|"
    r"protect\w*(?: \w+){0,3}? against|guard\w* against|screen\w*(?: \w+){0,2}? for|signs of|"
    r"check\w*(?: \w+){0,3}? for)(?: (?:and|or|resolve|remedy|address|any|all|the|potential|possible|suspected|"
    r"actual|suspicious|signs of|payment|card|online))*? (?:fraud|frauds|fraudulent)(?: (?:and|or) "
    r"(?:security (?:concerns?|issues?|threats?|incidents?|risks?)|chargebacks?))?(?: (?:activit(?:y|ies)|"
    r"payments?|transactions?|purchases?|orders?|charges?|use|uses|behaviou?r|accounts?))?(?= )|"
    # (a card used by someone else, the fraud such checks look for: "such as unauthorized use of
    # credit card information")
    r" unauthori[sz]ed use of (?:\w+ ){0,2}(?:credit|debit|payment|bank|gift) (?:cards?|card information|card details|"
    r"details|information|methods?|accounts?)(?= )|"
    # the provider keeping accounts safe as the purpose of what it does ("To ensure the security of
    # your account and the Platform" over a privacy policy's section, "we protect the security of your
    # account with encryption"); the user's duty ("you are responsible for the security of your
    # account", "you agree to protect ...") is not said so
    r"(?:^| we(?: \w+){0,2}?| help us| in order) (?:to )?(?:ensure|protect|maintain|safeguard|keep|improve|"
    r"strengthen|enhance|guarantee)s? (?:the )?(?:safety and )?security of (?:your|users|members|customers) "
    r"(?:accounts?|profiles?)(?= )|"
    # illegal content named as what is reported, reviewed or moderated ("the number of items of
    # manifestly illegal content", "whether a piece of content is illegal"): the provider's
    # moderation (content-removal); a ban on it ("you may not post illegal content", "illegal
    # content is not allowed") keeps usage-rules
    r" (?:manifestly )?illegal (?:content|contents|material|materials)(?! (?:is|are) (?:not allowed|banned|forbidden))"
    r"(?= )| (?:content|contents|material|materials)(?: \w+){0,6} (?:is|are|was|were) (?:not )?(?:manifestly )?"
    r"illegal(?= )")
_NAMES_OTHER: dict[str, re.Pattern] = {c: re.compile(p) for c, p in {
    "eligibility": (
        r" (?:harm\w*|hurt\w*|endanger\w*|exploit\w*|abus\w*|sexuali[sz]\w*|groom\w*|depict\w*|involv\w*|"
        r"solicit\w*|lur\w*|prey\w*|target\w*|information (?:relating to|related to|about|concerning|regarding|"
        r"on)|content (?:relating to|related to|about|featuring|depicting|involving)|atteinte (?:à|aux)|nuire (?:à|aux)|"
        r"exploitation (?:des|de)|gefährd\w*|ausbeut\w*|missbrauch\w*|darstell\w*)(?: (?:to|of|the|any|a|other|"
        r"des|aux|à|les|von|der|die))* " + _MINORS + r"(?= )|"
        # (German puts the verb last: "Inhalte, die Minderjährige gefährden")
        r" minderjährig\w*(?: \S+){0,2} (?:gefährd\w*|schädig\w*|ausbeut\w*|missbrauch\w*|darstell\w*)(?= )|"
        r" (?:eligible|ineligible)" + _NOT_PEOPLE + r"{0,3} " + _THINGS + r"(?= )|"
        r" " + _THINGS + _NOT_PEOPLE + r"{0,4} (?:eligible|ineligible|eligibility)(?= )"),
    "jurisdiction": (
        r" (?:your|applicable|any|each|every|their|local|another|a|the relevant|the applicable|same) "
        r"(?:other )?(?:applicable )?jurisdictions?(?= )|"
        r" jurisdictions? (?:where|in which|that|whose)(?= )|"
        # any court that may hear a matter, none named ("damages awarded by a court of competent
        # jurisdiction", "if any court or arbitrator of competent jurisdiction finds a provision
        # invalid", "a competent authority"): no court, venue or forum is chosen
        r" (?:a|an|any|another|such) (?:other )?(?:courts?|tribunals?|judges?|authorit(?:y|ies)|bod(?:y|ies)|"
        r"arbitrators?)(?: (?:or|and) (?:an? |any )?(?:courts?|tribunals?|judges?|authorit(?:y|ies)|bod(?:y|ies)|"
        r"arbitrators?|arbitral tribunals?))? (?:of|with|having) (?:competent|proper|appropriate|valid) "
        r"jurisdiction(?! (?:in|of|at|located|sitting|seated) )(?= )|"
        r" (?:a|an|any|another|such) (?:other )?competent (?:courts?|tribunals?|judges?|authorit(?:y|ies)|bod(?:y|ies))"
        r"(?! (?:of|in|at|located|sitting|seated|for) )(?= )"),
    "payment": (
        r" (?:(?:credit|debit|payment|bank|banking) (?:card |account )?(?:numbers?|details|data|information)|"
        r"(?:bank|financial) (?:account )?(?:information|details|numbers?)|card numbers?|"
        r"billing (?:address\w*|information|details)|"
        r"num[ée]ros? de (?:carte|compte)(?: \w+)?|coordonnées bancaires|données (?:bancaires|de paiement)|"
        r"informations? (?:bancaires|de paiement)|adresse de facturation|"
        r"kreditkartennummer\w*|kartennummer\w*|kontonummer\w*|bankverbindung\w*|bankdaten|zahlungsdaten|"
        r"zahlungsinformation\w*|rechnungsadresse\w*)(?= )|"
        r" (?:vat|tva|ust|mwst|usst) (?:id|ids|number|numbers|no|nr|reg|registration|identification|"
        r"intracommunautaire|idnr|id nr|numéro)(?: \w+)?(?= )|"
        # a payment company named as a recipient of data ("we share your email address with our payment
        # processor, which processes your payments on our behalf"; kept unless the sentence is about data)
        r" payment (?:processors?|service providers?|providers?|partners?|processing (?:partners?|providers?|"
        r"companies|services))(?:,? (?:which|that|who) (?:\w+ )?process\w*(?: \w+){0,2}? payments?)?(?= )|"
        + _PAYMENT_ELSEWHERE + "|"
        r" (?:return|acknowledge?ment of) receipt(?= )| accusé de réception(?= )| rückschein(?= )"),
    "pricing": (
        r" (?:(?:share|registered|social|equity) )?capital(?: social| stock)?(?: of| de| von)?"
        r"(?: (?:eur|usd|gbp|chf|[€$£]))?(?: \d+)+(?: (?:eur|euros?|usd|gbp|chf|[€$£]))?(?= )|"
        r" (?:stamm|grund)kapital(?: (?:eur|[€$£]))?(?: \d+)*(?: (?:eur|euros?|[€$£]))?(?= )|"
        r" (?:\d+ )+(?:eur|euros?|[€$£]) (?:in|of) (?:equity|share capital|capital)(?= )"),
    "content-rights": (
        r" (?:reassign\w*|purchas\w*|buy\w*|number of|unused|additional|seat|per seat|per user)(?: \w+){0,2} "
        r"licen[cs]es?(?= )| licen[cs]es?(?: s)? (?:(?:daily |monthly |annual |yearly )?(?:usage )?caps?|seats?|"
        r"reassignments?|counts?|keys?)(?= )|"
        r" feedback (?:tickets?|forms?|surveys?|buttons?|tools?|widgets?|channels?|(?:or|and) "
        r"(?:requests?|complaints?|questions?|inquiries|enquiries))(?= )|"
        r" (?:requests?|complaints?|questions?|inquiries|enquiries)(?: (?:or|and))? feedback(?= )"),
    "service-changes": (
        r" (?:discontinu\w*|stop|stops|cease|ceases)(?: (?:your|their|his|her|all|any|the|its))? (?:use|using|usage|"
        r"access)(?= )|"
        r" (?:you|users?|customers?|members?|licensees?|developers?) (?:may|must|shall|will|can|agree)(?: not| never)"
        r"(?: \w+){0,10}? (?:modify|change|alter|adapt|update)\w*(?: \w+){0,4}? (?:services?|software|products?|"
        r"features?|site|website|app|application|platform)(?= )|"
        r" cesser (?:d utiliser|toute utilisation|l utilisation)(?= )|"
        r" (?:nutzung|verwendung)(?: \S+){0,3} (?:einstellen|einzustellen|beenden)(?= )"),
    "privacy": (
        r" (?:notices?|claims?|requests?|complaints?|notifications?|demands?|forms?|letters?|submissions?)"
        r"(?: (?!we |our )\w+){0,10} (?:must|should|shall|will need to|needs? to|has to|have to)(?: \w+){0,4} "
        r"(?:include|contain|state|provide|set out|list|specify)"
        # (the details listed, up to words that say what is done with data)
        r"(?: (?!personal |privacy |cookies? |process\w* |delet\w* |collect\w* |shar\w* |sell\w* |us(?:e|es|ed) )\S+)*(?= )"),
    "governing-law": (
        r" (?:conformément|en vertu|selon|au sens|sous réserve|en application|dans (?:la mesure|les limites)"
        r"(?: \S+){0,3}|(?:permise?s?|autorisée?s?|prévue?s?|requise?s?|exigée?s?|imposée?s?) par)"
        r"(?: (?:à|aux|de|du|des|d|la|le|l|les|toute|tout))* (?:loi|droit|lois|législation|réglementation)s? "
        r"applicables?(?= )"),
    "ai-training": (
        r" (?:ai|artificial intelligence|machine learning)(?: (?:powered|driven|based|enabled|first|native))+(?= )|"
        r" (?:powered|driven) by (?:our )?(?:ai|artificial intelligence|machine learning)(?= )|"
        r" (?:generative )?(?:ai|artificial intelligence) (?:systems?|features?|tools?|assistants?|agents?|"
        r"engines?|products?|services?|solutions?|capabilities|technolog(?:y|ies)|platforms?)(?= )|"
        # machine learning named as how an algorithm ranks or matches (``_RANKED``): how the service
        # sorts, no model trained on anyone's data
        + _RANKED),
    "subscription": (
        # (the plan is the noun phrase the preposition opens: "via such a program, your subscription may
        # be ..." says something of the subscription itself)
        r" (?:through|with|via|under|on|using|or|for (?:the )?(?:owners?|holders?|users?|customers?|members?|subscribers?) "
        r"of|(?:who|that) (?:have|has|hold|holds|own|owns)) (?:a|an|your|their|the|any)"
        r"(?: (?!your |their |his |her |its |the |a |an |renew|cancel|trial|free |upgrade|downgrade|auto)\S+){0,6} "
        r"(?:subscriptions?|memberships?|abonnements?|abo)(?= )|"
        # a plan named as what one signs up for, to say what it takes or gives ("to sign up for a Gold
        # membership, you must provide proof of enrolment", "by subscribing to these plans, you represent
        # that you act as a business"): a condition of the plan, nothing of its renewal, cancellation,
        # trial or change (taxonomy: subscription); such words left in the sentence keep it
        r" (?:to|if you|when you|once you|by|after) (?:sign(?:ing)? up for|subscrib(?:e|es|ing) to|join(?:ing)?|"
        r"enrol(?:l|ling|ing)? in|register(?:ing)? for|purchas(?:e|ing)|buy(?:ing)?)(?: (?:and|or) (?:use|using|keep|"
        r"keeping|maintain|maintaining))? (?:a|an|your|their|the|these|this|that|any|such)"
        r"(?: (?!your |their |his |her |its |the |a |an |renew|cancel|trial|free |upgrade|downgrade|auto)\S+){0,6} "
        r"(?:subscriptions?|memberships?|plans?)(?= )"),
    "usage-rules": (
        r" (?:prohibited|forbidden|not permitted|restricted) by (?:applicable |any |the |local |relevant )?"
        r"(?:law|laws|legislation|regulations?|statutes?|courts?|orders?)(?= )|"
        r" (?:law|laws|legislation|order|court|regulation|regulations|statute|authority|authorities)"
        r"(?: \w+){0,2} (?:prohibits?|prohibited|forbids?|forbade)(?= )|"
        r" (?:unless|except where|except as|where|to the extent) (?:legally |otherwise |so )?(?:prohibited|"
        r"not permitted)(?= )|"
        r" (?:legally|lawfully) prohibited(?= )| void where prohibited(?= )|"
        r" (?:interdite? par la loi|interdiction légale|sauf interdiction)(?= )|"
        r" gesetzlich (?:verboten|untersagt)(?= )|"
        + _FRAUD_GUARDED),
}.items()}
# Data named as what a rule of use forbids the user to take or spread ("do not collect personal
# information", "you may not harvest or collect information about other visitors", "agree not to
# scrape data"): a rule of use; privacy is what the provider does with the users' data (taxonomy).
# (Read only in a sentence that is a rule of use; "do not want us to share your data" names us.)
_PROHIBITED_DATA = re.compile(
    r" (?:(?:please )?(?:do not|never)|(?:you|users?|customers?|members?|developers?|advertisers?|publishers?|"
    r"sellers?|licensees?) (?:may|must|shall|will|should|agree|agree to|are|is) not|agree not to|not to|"
    r"(?:prohibited|forbidden|banned) from|refrain from)(?: (?!us |we |our |want |wish |need )\w+){0,3}? "
    r"(?:collect|harvest|gather|scrap|min(?:e|es|ing)|obtain|solicit|sell|disclos|distribut|publish|dox|track)\w*"
    r"(?: (?!we |us |our )\S+){0,8}? (?:data|information|details|identifiers|e ?mail address\w*|phone numbers?)(?= )")
# (payment words read as kinds of data only in a sentence about data)
_ABOUT_DATA = re.compile(r" (?:personal|confidential|sensitive|personnelles?|personenbezogen\w*|privacy|"
                         r"collect\w*|données|daten|information)(?= )")
# (what an AI product may be said to use or do with data: then it is no mere product name)
_AI_DATA = re.compile(r" (?:data|information|content|contents|inputs?|prompts?|conversations?|chats?|messages?|"
                      r"recordings?|personal|train\w*|learn\w*|improv\w*|us(?:e|es|ed|ing)|process\w*|analy[sz]\w*|"
                      r"context|history|voice|calls?|données|contenus?|daten|inhalte)(?= )")
_NUMBERS = re.compile(r" (?:(?:card|account) numbers?|num[ée]ros? de (?:carte|compte)|\w*(?:karten|konto)nummer\w*)(?= )")
_ABOUT_COMPANY_OR_LETTER = re.compile(r" (?:vat|tva|ust|mwst|usst|receipt|réception|rückschein)(?= )|"
                                      + _PAYMENT_ELSEWHERE)


def _names_other(norm: str, lang: str, cats: set[str], watch: set[str],
                 evidence: list[Evidence]) -> tuple[set[str], set[str], list[Evidence]]:
    """The labels of a sentence whose only words of a category name something else (see
    ``_NAMES_OTHER``): that category, its watch-out and its evidence dropped; privacy given when
    card or bank details are named as kinds of data. ``norm``: the normalized sentence; ``lang``:
    its language; ``cats``, ``watch``, ``evidence``: its labels so far. Returns them (new sets and
    list when something is dropped, else the same)."""
    drop: set[str] = set()
    data_kinds = False
    for cat in cats & _NAMES_OTHER.keys():
        pattern = _NAMES_OTHER[cat]
        if not pattern.search(norm) or _topic_left(cat, lang, pattern.sub(" ", norm)):
            continue
        if cat == "ai-training" and _AI_DATA.search(pattern.sub(" ", norm)):
            continue  # (data, content or inputs named: an AI use of them may be said)
        if cat == "payment" and not _ABOUT_COMPANY_OR_LETTER.search(norm):
            data_kinds = bool(_ABOUT_DATA.search(pattern.sub(" ", norm))) or "privacy" in cats
            if not data_kinds and not _NUMBERS.search(norm):
                # ("update your billing details": a payment term; card and account numbers are
                # named as kinds of data, also in a change's few words around what it changed)
                continue
        drop.add(cat)
    if {"privacy", "usage-rules"} <= cats and _PROHIBITED_DATA.search(norm) \
            and not _topic_left("privacy", lang, _PROHIBITED_DATA.sub(" ", norm)):
        drop.add("privacy")  # data the user must not collect or spread: a rule of use
    if not drop:
        return cats, watch, evidence
    cats, watch = cats - drop, watch - drop
    evidence = [e for e in evidence if e.category not in drop]
    if data_kinds and "privacy" not in cats:
        cats.add("privacy")
        evidence.append(Evidence("privacy", "pattern", "kinds of personal data named"))
    if "ai-training" in drop and "privacy" not in cats and (m := _RANKED_RE.search(norm)):
        cats.add("privacy")  # the service's own ranking of people: profiling
        evidence.append(Evidence("privacy", "pattern", f'ranked by machine learning: "{m.group(0).strip()}"'))
    return cats, watch, evidence


def clear_caches() -> None:
    """Forget every sentence classified so far (benchmarks time a cold classification)."""
    classify_sentence.cache_clear()
    _category_scores.cache_clear()
    _read.cache_clear()
    _context_block.cache_clear()
    _STEMS.clear()
    if _model.cache_info().currsize:  # loaded: forget its words too (never load it here)
        model = _model()
        if model is not None:
            model.char_cache.clear()


def _labels(cats: set[str], watch: set[str], evidence: list[Evidence]) -> Labels:
    order = _ORDER.__getitem__
    ev = sorted(evidence, key=lambda e: (order(e.category), e.kind))
    return Labels(tuple(sorted(cats, key=order)), tuple(sorted(watch, key=order)), tuple(ev))


def union(labels: Iterable[Labels]) -> Labels:
    """Union of several labels (the sentences of one clause), evidence de-duplicated."""
    cats: set[str] = set()
    watch: set[str] = set()
    evidence: dict[Evidence, None] = {}
    for lab in labels:
        cats.update(lab.categories)
        watch.update(lab.watch)
        evidence.update(dict.fromkeys(lab.evidence))
    if len(cats) > 1:
        cats.discard("other")
        evidence = {e: None for e in evidence if e.category != "other"}
    return _labels(cats, watch, list(evidence))


# Topic words that name a category only in passing ("available", "credits", "illegal"): they
# count half as much as a specific term when a change's categories are ranked. The French and
# German words that say the same ("résiliation", "disponibilité") are just as weak: without them a
# French clause that mentions a customer's termination in passing was about termination.
_WEAK: dict[str, re.Pattern] = {c: re.compile(p) for c, p in {
    "pricing": r"^(?:costs?|rates?|fees?|free of charge|paid (?:plans?|tiers?)|frais|kosten|gratuite?s?|"
               r"gratuitement|kostenlos)$",  # ("free" names a plan, not a price)
    # ("any payment is non-refundable", "receive a payment": money changing hands in passing; a
    # payment company's name, "PayPal", "Coinbase", names the company as often as a way to pay; VAT
    # is said of prices and of tax purposes in passing, a billing address of where the customer is)
    "payment": r"^(?:pay|paid|payments?|charged?|tax|taxes|payer|payée?s?|paiements?|zahlen|zahlung|bezahl\w*|"
               r"paypal|stripe|coinbase|vat|tva|mwst|mehrwertsteuer|umsatzsteuer|ust|billing (?:address|addresses|"
               r"country|location))$",
    "refunds": r"^(?:credits|reimburs\w*)$",
    # (a subscriber is a person; "subscribe to receive notices" is not a plan)
    "subscription": r"^(?:recurring|upgrade|downgrade|memberships?|renew\w*|subscrib(?:e|es|ed|ing|ers?)|"
                    r"renouvel\w*|abonnée?s?|adhésion)$",
    # ("responsable(s)" alone: the user's own duty or the data controller, "responsable du
    # traitement", as often as the provider's liability)
    "liability": r"^(?:(?:(?:not|no|never|nor|cannot|without|neither)(?: \w+){0,5} )?guarantee\w*|damages|warrant\w*|not (?:be )?responsible|proprietary|responsables?|"
                 r"garanties?|dommages|garantie\w*|schäden)$",
    # ("your content", "user content": what users post, named in passing as often as licensed, in
    # a sentence about its deletion, security or retention)
    "content-rights": r"^(?:proprietary|trademarks?|copyrights?|ownership|intellectual property|"
                      r"licen[cs]e\w*|marques?|marken?|user content|your content|generated content)$",
    "privacy": r"^(?:privacy|cookies?|track|tracking)$",
    "service-changes": r"^(?:available|availability|preview|maintenance|interruptions?|beta|disponibilité|"
                       r"bêta|verfügbarkeit|wartung\w*)$",
    "usage-rules": r"^(?:(?:you|users?|customers?|members?|developers?|sellers?|advertisers?|licensees?|"
                   r"publishers?|each \w+)(?: hereby)? represents? (?:and )?warrants?|illegal|unlawful|conduct|passwords?|credentials|bots?|misuse|illicites?|robots?|"
                   r"mots? de passe|identifiants|rechtswidrig\w*|passwort\w*|zugangsdaten|non respect|"
                   r"manquements?|verstöße|verstoß)$",
    "eligibility": r"^(?:children|child|minors?|eligib\w*|mineurs?)$",
    "jurisdiction": r"^(?:jurisdictions?|litigat\w*)$",
    "termination": r"^(?:survive|terminat\w*|suspend\w*|suspensions?|résili\w*|suspen\w*|clôtur\w*|kündig\w*|"
                   r"beend\w*|sperr\w*)$",
    "terms-changes": r"^(?:updated|revised)$",
}.items()}


# The user ending the contract ("you may cancel your account at any time", "your right to
# terminate the Agreement") is not the provider's power to terminate (taxonomy: termination): its
# words count only as words in passing, unless the provider's own power is in the same sentence.
_USER_ENDS = re.compile(r" (?:you|users?|members?|customers?|subscribers?|licensees?|developers?|"
                        r"publishers?|either party)(?: \w+){0,3} (?:may|can|could|are free to|have the "
                        r"right to|are entitled to|will be able to)(?: \w+){0,3} (?:terminate|cancel|close|"
                        r"delete|end|deactivate) | your right to (?:terminate|cancel|close|end) | (?:if|when|"
                        r"once|after) you (?:terminate|cancel|close|delete|deactivate) ")
_CONSEQUENCE_RE = re.compile(" (?:" + _CONSEQUENCE + "|" + CONSEQUENCE + ") ")
# Users editing, hiding or deleting what they posted, or what others posted where they are the
# admins ("you can edit your posts at any time", "as an admin you can delete members' messages",
# "vous pouvez supprimer vos avis", "Sie können Ihre Beiträge jederzeit löschen"): the taxonomy's
# content removal is the provider's power over users' content; this is a feature of the service.
_USER_EDITS = re.compile(r" (?:you|users?|members?|customers?|creators?|admins?|administrators?|moderators?|"
                         r"owners?|vous|sie|du|nutzer\w*|mitglieder|utilisat(?:eur|rice)s?|membres?)(?: \w+){0,3} "
                         r"(?:may|can|could|are able to|will be able to|have the right to|pouvez|peut|peuvent|"
                         r"pourrez|können|kann|kannst)(?: \w+){0,6} (?:edit|delete|remove|modify|hide|update|correct|"
                         r"archive|modifier|supprimer|retirer|masquer|effacer|bearbeiten|löschen|entfernen|ändern|"
                         r"ausblenden)\w* ")
# The provider as the subject of a French or German sentence ("nous pouvons", "wir behalten uns vor").
_PROVIDER_FOREIGN = re.compile(r" (?:nous (?:pouvons|pourrons|nous réservons)|wir (?:können|dürfen|werden|behalten)|"
                               r"se réserve|behält sich|ist berechtigt|est en droit) ")


def users_own_edit(norm: str) -> bool:
    """Whether a normalized sentence (``normalize``) has users, not the provider, editing or
    deleting content: "you can edit your posts", never "we may remove your posts". Returns a bool."""
    return bool(_USER_EDITS.search(norm)) and not _PROVIDER_ENDS.search(norm) \
        and not _PROVIDER_FOREIGN.search(norm)


# A refusal of the terms and what it means ("if you do not accept these terms, you may not use the
# app", "si vous n'acceptez pas les CGU, vous ne devez pas utiliser le site", "wenn Sie nicht
# einverstanden sind, dürfen Sie den Dienst nicht nutzen"): the browsewrap formula (acceptance),
# whose "may not use" is no rule of use.
_IF_NOT_AGREE = re.compile(r" (?:if|si|wenn|falls|sofern) (?:you|vous|sie)(?: \w+){0,6} (?:do not|don t|does not|n|nicht)"
                           r"(?: \w+){0,2} (?:agree|accept|acceptez|accepter|êtes pas d accord|einverstanden|"
                           r"akzeptieren|zustimmen)\w* ")
_PROVIDER_ENDS = re.compile(r" (?!you |users? |members? |customers? )\w+ (?:may|can|will|shall|"
                            r"reserves? the right to)(?: \w+ly| also| then)? (?:terminat|suspend|disabl|"
                            r"deactivat|ban|clos|delet|remov|block)\w* ")


# How long data is kept, or when it is deleted ("we keep your messages for 90 days after you close
# your account", "vos données sont supprimées 3 ans après la clôture du compte"): a retention
# period is about data (privacy), and the end of the account it counts from is said in passing.
# (records, invoices and receipts kept for years are data kept too)
_DATA = (r"(?:data|information|details|content|messages?|conversations?|chats?|logs?|recordings?|records?|invoices?|"
         r"history|prompts?|inputs?|outputs?|files?|photos?|backups?|copies|posts?|videos?|uploads?|profiles?|"
         r"données|informations|contenus?|daten|"
         r"informationen|inhalte)")
_KEPT = (r"(?:keep|keeps|kept|retain\w*|stor(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|purg\w*|"
         r"remov(?:e|es|ed|ing)|"
         r"destroy\w*|anonymi[sz]\w*|conserv\w*|supprim\w*|effac\w*|détrui\w*|anonymis\w*|"
         r"gespeichert|speicher\w*|gelöscht|lösch\w*|aufbewahr\w*|anonymisier\w*)")
_PERIOD = (r"(?:(?:\d+|one|two|three|six|twelve|thirty|ninety|un|une|deux|trois|six|douze|ein\w*|zwei|drei|"
           r"sechs|zwölf|dreißig) (?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans|années?|"
           r"tage[n]?|wochen|monate[n]?|jahre[n]?)|retention period|durée de conservation|"
           r"speicherdauer|aufbewahrungsfrist\w*|"
           # the time counted from the account's closure ("after the closure of your account", "après la
           # fermeture de votre compte", "nach Löschung Ihres Kontos"): when data is kept or deleted
           r"(?:after|following|upon|once|après|suite à|dès|nach)(?: \S+){0,3} (?:closure|deletion|deactivation|"
           r"fermeture|clôture|suppression|désactivation|schließung|löschung|deaktivierung)(?: \S+){0,2} "
           r"(?:account|compte|kontos?|nutzerkontos?)|(?:after|following|upon|once) (?:the )?account "
           r"(?:closure|deletion|deactivation))")
_RETENTION = [re.compile(f" {p} ") for p in (_DATA, _KEPT, _PERIOD)]  # all three in one sentence


def _retention(norm: str) -> bool:
    """Whether a normalized sentence says how long data is kept or when it is deleted."""
    return all(p.search(norm) for p in _RETENTION)


def retention_not_ending(sentence: str) -> bool:
    """Whether ``sentence`` (plain text) says how long data is kept or when it is deleted after
    an account ends, without the provider ending the account itself: a privacy term, though its
    words ("close your account") are termination words ("We delete your files 365 days after
    you close your account")."""
    norm = normalize(sentence)
    return _retention(norm) and not _ENDS_ACCOUNT.search(norm)


# The provider ending the account itself ("we may terminate your account and delete your data").
_ENDS_ACCOUNT = re.compile(r" (?:may|can|will|shall|reserves? the right to|peut|pourra|kann|können)(?: \w+){0,3} "
                           r"(?:terminat|suspend|deactivat|clos|ban|résili|suspend|clôtur|désactiv|kündig|"
                           r"sperr)\w*(?: \w+){0,3} (?:account|accounts|access|membership|compte|accès|konto|"
                           r"zugang)\w* ")


# A licence the provider grants the user to use its service, app or materials ("X grants you a
# limited, revocable license to use the app") is access to the service, not a licence to the
# user's content (taxonomy: content-rights): its licence words count as words in passing, unless
# the user's own content is named in the same sentence.
_LICENCE_TO_USER = re.compile(r" (?:grants?|granted|granting|gives?|provides?|offers?) (?:to )?(?:you|users?|customers?|"
                              r"subscribers?|developers?|licensees?|members?|publishers?|partners?)(?: \w+){0,10} "
                              r"(?:licen[cs]es?|right to (?:use|access|install|download|display|design|develop))|"
                              r" (?:you|users?|customers?|developers?|licensees?) (?:are|is|will be|shall be) granted(?: \w+){0,10} "
                              r"licen[cs]es? ")
_OWN_CONTENT = re.compile(r" (?:your|user|users|customer|member|members) (?:content|submissions?|posts?|materials?|"
                          r"inputs?|outputs?|feedback|data|photos?|videos?|works?)|(?:content|materials?) (?:you|that you) ")


# A plan named to say who or what a sentence is about ("open to users who have a paid
# subscription", "if you access it through your Workspace Business subscription"): the sentence is
# not about subscriptions, unless it also says something about them (renewal, cancellation, trial).
_PLAN_QUALIFIER = re.compile(r" (?:(?:through|with|via|under|on|using) (?:your|a|an|their|the)|(?:who|that) "
                             r"(?:have|has|hold|holds|own|owns) (?:a|an))(?: \w+){0,6} (?:subscriptions?|"
                             r"memberships?|plans?|abonnement|abonnements|abo) ")
_PLAN_TERM = re.compile(r" (?:renew\w*|cancel\w*|trials?|upgrade\w*|downgrade\w*|billing (?:cycle|period)|"
                        r"recurring|expir\w*|résili\w*|reconduction|kündig\w*|verlänger\w*) ")


def category_scores(text: str) -> dict[str, float]:
    """How strongly ``text`` is about each category, summed over its sentences: a specific topic
    term counts 1, a word that names the topic in passing 0.5, a watch-out 2 more; a watch-out
    the model finds without any topic word counts only 0.5 (the model alone is a weak signal
    outside the kind of text it was trained on).

    Returns {category id: score} (a new dict each call: callers may change it); "other" only
    when nothing else matched."""
    return dict(_category_scores(text))


@lru_cache(maxsize=4096)  # half the texts a big pair's labelling scores are asked again (clause, heading, side)
def _category_scores(text: str) -> tuple[tuple[str, float], ...]:
    """``category_scores(text)`` as its items, in order, computed once per text."""
    scores: dict[str, float] = {}
    for sentence in split_sentences(text) or [text]:
        lab = classify_sentence(sentence)
        topical = {e.category for e in lab.evidence if e.kind == "pattern" and not e.watch}
        passing: set[str] = set()  # categories named only in passing: no watch-out, weak words
        if {"termination", "content-removal"} & set(lab.categories):
            norm = normalize(sentence)
            if not _PROVIDER_ENDS.search(norm):
                if _CONSEQUENCE_RE.search(norm):
                    passing = {"termination", "content-removal"}
                elif _USER_ENDS.search(norm):
                    passing = {"termination"}
        if "content-removal" in lab.categories and "content-removal" not in passing \
                and users_own_edit(normalize(sentence)):
            passing.add("content-removal")
        if "usage-rules" in lab.categories and _IF_NOT_AGREE.search(normalize(sentence)):
            passing.add("usage-rules")
        if "subscription" in lab.categories:
            norm = normalize(sentence)
            if _PLAN_QUALIFIER.search(norm) and not _PLAN_TERM.search(norm):
                passing.add("subscription")
        if "content-rights" in lab.categories:
            norm = normalize(sentence)
            if _LICENCE_TO_USER.search(norm) and not _OWN_CONTENT.search(norm):
                passing.add("content-rights")
        retention = ("termination" in lab.categories and not _ENDS_ACCOUNT.search(norm)
                     and _retention(norm))
        if retention:
            # (the user's content deleted with the account is data kept or not, no moderation)
            passing |= {"termination", "content-removal"}
        topic: dict[str, float] = {"privacy": 1.0} if retention else {}  # one hit per category
        for e in lab.evidence:
            if e.category in passing and e.watch:
                continue
            if e.watch:
                scores[e.category] = scores.get(e.category, 0.0) + (2.0 if e.category in topical else 0.5)
            else:
                words = e.detail.split('"')[1] if '"' in e.detail else ""
                weak = _WEAK.get(e.category)
                weight = 0.5 if ((weak is not None and weak.match(words)) or e.category == "other"
                                 or e.category in passing) else 1.0
                topic[e.category] = max(topic.get(e.category, 0.0), weight)
        for c, weight in topic.items():
            scores[c] = scores.get(c, 0.0) + weight
        if "acceptance" in lab.categories and _CHANGES_ACCEPTED.search(normalize(sentence)):
            # "continued use after changes means you accept them": how a change of the terms takes
            # effect (terms-changes), as much as a browsewrap formula (acceptance)
            accepted = (2.0 if "acceptance" in lab.watch else 0.0) + topic.get("acceptance", 0.0)
            scores["terms-changes"] = max(scores.get("terms-changes", 0.0),
                                          scores.get("terms-changes", 0.0) - topic.get("terms-changes", 0.0) + accepted)
    if len(scores) > 1:
        scores.pop("other", None)
    return tuple(scores.items())


# The terms' changes named in a sentence of acceptance by use (en/fr/de): "continued use after the
# changes", "after a new version of the Terms is posted", "the revised Terms", "vaut acceptation des
# modifications", "nach Inkrafttreten der Änderungen".
_CHANGES_ACCEPTED = re.compile(
    r" (?:changes?|changed|modifications?|modified|amendments?|amended|updates?|updated|revisions?|revised|"
    r"new versions?|modifiée?s?|mises? à jour|nouvelles? versions?|änderung\w*|geändert\w*|aktualisiert\w*|"
    r"neue fassung|neuen fassung)(?= )")


_PROFILE_CHARS = 24000  # of a long document read for its topic profile
_PROFILE_PARTS = 8  # spread over the whole document


def _profile_sample(text: str) -> str:
    """``text``, or for a long one ``_PROFILE_PARTS`` pieces spread evenly over it, each starting
    at a line and ``_PROFILE_CHARS`` in all: a document's topic shares are about the same in a
    tenth of its words taken from everywhere, and a 90 kB page cost 30-60 ms of regexes whole."""
    if len(text) <= _PROFILE_CHARS:
        return text
    size, step = _PROFILE_CHARS // _PROFILE_PARTS, len(text) // _PROFILE_PARTS
    pieces = []
    for i in range(_PROFILE_PARTS):
        at = i * step
        # a line's start, else a word's
        start = (text.rfind("\n", max(0, at - size), at) + 1 or text.find(" ", at) + 1) if i else 0
        piece = text[start:start + size]
        pieces.append(piece[: piece.rfind(" ")] if " " in piece else piece)  # no word cut in two
    return "\n".join(pieces)


@lru_cache(maxsize=8)
def topic_profile(text: str) -> dict[str, float]:
    """What a whole document is about: each category's share of the topic words found in it
    by the broad topic rules of its language (``lexicons.language``: English, French or German),
    "other" left out. A long document is read from a sample spread over it (``_profile_sample``).

    Returns {category id: share in 0..1}, the shares summing to 1; {} when no topic word is found.
    A privacy policy gives privacy about 0.8, terms of service spread over many categories."""
    norm = normalize(_profile_sample(text))
    lang = language(norm)
    flt = _filter(lang)
    # each rule tried only where a match can begin (``RuleFilter.starts``): the same count
    # as ``findall``, which tries every space of the sample (11 -> 7 ms a 90 kB document)
    starts = flt.starts(norm)
    counts: dict[str, int] = {}
    for i, (c, _, p) in enumerate(_compiled(lang)[0]):
        if c == "other":
            continue
        n = len(p.findall(norm)) if starts is None or i in flt.unchecked else _count(p, norm, starts.get(i, ()))
        if n:
            counts[c] = counts.get(c, 0) + n
    total = sum(counts.values())
    return {c: n / total for c, n in counts.items()} if total else {}


def _count(pattern: re.Pattern, norm: str, starts: Iterable[int]) -> int:
    """``len(pattern.findall(norm))`` for a pattern whose matches can only begin at ``starts``
    (ascending): tried there in order, each match counted, the next tried only past its end
    (``findall``'s matches do not overlap). A topic rule's match is never empty."""
    match = pattern.match
    n = end = 0
    for at in starts:
        if at >= end and (m := match(norm, at)):
            n += 1
            end = m.end()
    return n


def topical_watch(sentence: str) -> tuple[str, ...]:
    """The watch-outs of a sentence that its own words are about (a topic term matched too)."""
    lab = classify_sentence(sentence)
    topical = {e.category for e in lab.evidence if e.kind == "pattern" and not e.watch}
    return tuple(c for c in lab.watch if c in topical)


def classify_text(text: str, heading: str = "") -> Labels:
    """Labels of one clause or sentence; a long clause is the union of its sentences, each
    read with its neighbours (and ``heading``, the section heading, when given) as context."""
    sentences = split_sentences(text)
    if len(sentences) <= 1:
        return classify_sentence(sentences[0] if sentences else "", heading=heading)
    last = len(sentences) - 1
    return union(classify_sentence(s, sentences[i - 1] if i else "",
                                   sentences[i + 1] if i < last else "", heading)
                 for i, s in enumerate(sentences))


def classify_many(texts: Iterable[str]) -> list[Labels]:
    """Labels for a batch; repeated sentences (common across versions) are classified once."""
    return [classify_text(t) for t in texts]


# The money a cap or a refund is measured in ("limited to the fees you paid in the last 12 months",
# "credits of 10% of your monthly fee", "le montant payé", "die gezahlten Gebühren", "las tarifas
# que usted haya pagado"): a measure, not a price (taxonomy: a liability cap is ``liability``, a
# credit ``refunds``).
_MEASURE = re.compile(
    r"\b(?:(?:the|any|all|your|total|aggregate)\s+)?(?:(?:monthly|annual|yearly|subscription|service)\s+)?"
    r"(?:fees?|amounts?|sums?|charges?|prices?|payments?)\s+(?:(?:actually|that\s+)?(?:you\s+)?(?:have\s+)?"
    r"(?:paid|payable|due|owed)|(?:paid|payable)\b)|"
    r"\bof\s+(?:your|the)\s+(?:\w+\s+){0,2}(?:fees?|price|subscription(?:\s+fee)?|charges?)\b|"
    r"\b(?:amount|sums?)\s+(?:you\s+)?(?:paid|payable)|\b(?:the\s+)?(?:fees?|amounts?)\s+(?:paid|received)\s+by\s+(?:you|us)\b|"
    r"\b(?:sommes?|montants?|frais|prix)\s+(?:que\s+vous\s+avez\s+)?(?:payée?s?|versée?s?)|\bmontant\s+payé|"
    r"\b(?:gezahlten|bezahlten|entrichteten)\s+(?:\w+\s+)?(?:Gebühren|Entgelte?n?|Beträge?n?|Preise?)|"
    r"\b(?:Gebühren|Entgelte?|Beträge?)\s+(?:die\s+)?(?:Sie\s+)?(?:\w+\s+){0,4}(?:gezahlt|bezahlt|entrichtet)|"
    r"\b(?:tarifas?|cantidad(?:es)?|importes?|montos?|sumas?)\s+(?:que\s+)?(?:usted\s+)?(?:haya|ha|hayas|has)?\s*"
    r"(?:pagad[oa]s?|abonad[oa]s?)", re.I)
_CAP_TOPICS = frozenset({"liability", "indemnity"})
MONEY_TOPICS = frozenset({"pricing", "payment"})


def measured_money(text: str, scores: dict[str, float]) -> dict[str, float]:
    """``scores`` (``category_scores`` of the sentence ``text``) less ``pricing`` and ``payment``
    when the sentence's money only measures something else: any money in a sentence about
    liability or indemnity ("Our total liability is limited to the fees you paid in the last 12
    months", "Unsere Haftung ist auf die gezahlten Gebühren begrenzt") is the cap's measure, and
    the fees a refund or credit is counted in ("service credits of 10% of your monthly fee") are
    the refund's. A sentence that also charges something ("a $5 fee applies to refunds") keeps
    its pricing.

    Args:
        text: one sentence or clause.
        scores: its category scores.
    Returns:
        The scores, perhaps without ``pricing`` and ``payment``."""
    if not set(scores) & MONEY_TOPICS:
        return scores
    if set(scores) & _CAP_TOPICS:
        return {c: v for c, v in scores.items() if c not in MONEY_TOPICS}
    if "refunds" in scores and _MEASURE.search(text):
        masked = category_scores(_MEASURE.sub(" ", text))
        if not set(masked) & MONEY_TOPICS:
            return {c: v for c, v in scores.items() if c not in MONEY_TOPICS}
    return scores


def money_measured(texts: list[str]) -> bool:
    """Whether every sentence of ``texts`` that speaks of money measures a cap or a refund with
    it (``measured_money``), and one does: its pricing and payment are no topic of the change."""
    seen = False
    for t in texts:
        for sentence in re.split(r"(?<=[.;!?])\s+", t or ""):
            scores = category_scores(sentence)
            if not set(scores) & MONEY_TOPICS:
                continue
            if set(measured_money(sentence, scores)) & MONEY_TOPICS:
                return False
            seen = True
    return seen

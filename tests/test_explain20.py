"""What a reader is told of each change and of a document must be right on real pages (issue #11).
Each test is one KIND of fault seen in the explanation audit (``benchmarks/explain_audit.py``),
checked on invented text about fictional services through ``tracker.compare`` (what ``tracker
compare``, ``diff``, the feeds and ``compare --json`` show) or the document summary."""

from __future__ import annotations

import pytest

from tracker import compare
from tracker.analysis.wording import passages, word_keys


def _material(a):
    return [c for c in a.changes if c.material]


# -- a quote of what a clause now also says starts at the words that changed -------------------------
# A clause typed again with curly apostrophes or quotes ("party's" → "party’s", "d’une" → "d'une")
# differs from its old wording in every such word: the quote of what it "now also says" must still
# start at the words added, never at the clause's first words, which it always said.
@pytest.mark.parametrize("old,new,added,kept", [
    ("## Disputes\n\nExcept for either party's claims of infringement of the other party's patents, any and all "
     "disputes between you and Zorblat must be resolved through binding arbitration.\n",
     "## Disputes\n\nExcept for either party’s claims of infringement of the other party’s patents, in the event "
     "that the informal dispute process set forth in Section 9 is not successful, any and all disputes between you "
     "and Zorblat must be resolved through binding arbitration.\n",
     "informal dispute process", "Except for either"),
    ("## Renouvellement\n\nDans le cadre d’une tacite reconduction, le montant de l’Abonnement Flumbo sera prélevé "
     "le jour anniversaire.\n",
     "## Renouvellement\n\nDans le cadre d'une tacite reconduction de son Abonnement, le montant de l'Abonnement "
     "Flumbo sera prélevé le jour anniversaire sur l'une des cartes bancaires enregistrées par l'Abonné.\n",
     "cartes bancaires", "Dans le cadre"),
    # a long clause whose addition comes last, after a few words put in near its start
    ("## Renouvellement\n\nDans le cadre d’une tacite reconduction, le montant de l’Abonnement Flumbo sera prélevé "
     "le jour de la date d’anniversaire de l’Abonnement :\n\n* sur la carte bancaire enregistrée par l’Abonné ;\n",
     "## Renouvellement\n\nDans le cadre d'une tacite reconduction de son Abonnement, le montant de l'Abonnement "
     "Flumbo sera prélevé le jour de la date d'anniversaire de l'Abonnement sur l'une des cartes bancaires "
     "enregistrées par l'Abonné dans son Espace Client pour ladite reconduction.\n",
     "cartes bancaires", "Dans le cadre"),
])
def test_what_a_watch_out_now_also_says_is_quoted_from_the_words_added(old, new, added, kept):
    a = compare(old, new)
    said = " ".join(c.explanation for c in _material(a))
    assert added in said and kept not in said, said
    assert added in a.summary, a.summary


def test_typography_alone_is_no_changed_word_of_a_passage():
    # the straight and curly forms of one quote, a bold mark and a comma are the same words read
    assert word_keys(["“**Control**”", "party’s", "patents,"]) == word_keys(['"Control"', "party's", "patents"])
    now, was = passages("Quibly’s fees are due monthly, and “Credits” expire after 12 months.",
                        "Quibly's fees are due monthly, and \"Credits\" expire after 6 months.")
    assert now == "…\"Credits\" expire after 6 months." and was == "…“Credits” expire after 12 months.", (now, was)


# -- a page now served in another language is a translation, clause by clause too --------------------
# The version's headline already says "a translation, not new terms"; each clause's explanation
# and the key terms the summary says changed must not contradict it ("Removed: ... — good news for
# users", "New: ...", every key term "new").
QUILLET_EN = ["Quillet Terms of Use",
              "These terms govern the use of the Quillet service and of its mobile apps.",
              "If you cancel your subscription within 14 days, we refund your payment in full.",
              "We may close your account with 30 days of notice by email.",
              "We keep your data for 2 years after the account is closed.",
              "Any dispute will be resolved by binding arbitration in the city of Quillet.",
              "We will notify you 30 days in advance of any change to these terms.",
              "The liability of Quillet is limited to the fees that you paid in the last 12 months.",
              "You are responsible for the security of your account and for the actions taken with it.",
              "You must be at least 16 years old to use the service."]
QUILLET_FR = ["Conditions d'utilisation de Quillet",
              "Ces conditions régissent l'utilisation du service Quillet et de ses applications mobiles.",
              "Si vous annulez votre abonnement dans les 14 jours, nous vous remboursons la totalité du paiement.",
              "Nous pouvons fermer votre compte avec un préavis de 30 jours par e-mail.",
              "Nous conservons vos données pendant 2 ans après la fermeture du compte.",
              "Tout litige sera résolu par un arbitrage contraignant dans la ville de Quillet.",
              "Nous vous informerons 30 jours à l'avance de toute modification de ces conditions.",
              "La responsabilité de Quillet est limitée aux frais que vous avez payés au cours des 12 derniers mois.",
              "Vous êtes responsable de la sécurité de votre compte et des actions qui y sont faites.",
              "Vous devez avoir au moins 16 ans pour utiliser le service."]


def _page(lines):
    return f"# {lines[0]}\n\n" + "\n\n".join(lines[1:]) + "\n"


@pytest.mark.parametrize("old,new,was,now", [
    (QUILLET_EN, QUILLET_FR, "English", "French"),
    (QUILLET_FR, QUILLET_EN, "French", "English"),
])
def test_a_translated_page_calls_no_clause_new_or_removed(old, new, was, now):
    a = compare(_page(old), _page(new))
    assert not a.material and "a translation, not new terms" in a.summary, a.summary
    said = [c.explanation for c in a.changes if "heading" not in c.explanation]
    assert said, a.changes
    for text in said:
        assert not text.startswith(("New", "Removed", "No longer")) and "good news" not in text, text
        # (the title, a heading renamed in place since session 26, says it first: "Now in French: ...")
        assert f"now in {now}".lower() in text.lower() or f"{now} translation" in text, text
    assert any(text.startswith(f"{was} wording") for text in said), said


def test_the_key_terms_of_a_translated_page_did_not_change():
    from tracker.analysis.summary import compare_summaries, summarise

    old, new = _page(QUILLET_EN), _page(QUILLET_FR)
    before, after = summarise(old), summarise(new)
    assert before.key_terms and after.key_terms
    assert compare_summaries(before, after)  # read without the texts, every bullet differs in its words
    assert compare_summaries(before, after, old, new) == []
    assert compare_summaries(after, before, new, old) == []


# -- "None promised" only when no section of the document promises notice ---------------------------
_TERMS_ANY_TIME = "## 2. Changes to these Terms\n\nWe may modify these Terms at any time.\n\n"
_REMOVAL_ANY_TIME = ("## 7. Rewards\n\nWe may change the Zentro Rewards programme or discontinue the Zentro Rewards "
                     "programme at any time.\n\n")


@pytest.mark.parametrize("fact,body,value", [
    # the period promised under "Notices", the "at any time" under "Changes"
    ("terms-notice", _TERMS_ANY_TIME + "## 14. Notices\n\nWe will send you an email at least 30 days before any "
     "modification takes effect, and you may close your account before then.\n", "at least 30 days"),
    # the service's own withdrawal announced, a side programme's "at any time"
    ("removal-notice", "## 1. Our service\n\nWe may suspend or withdraw all or any part of Zentro for business or "
     "operational reasons.\n\nWe will try to give you reasonable notice of any suspension or withdrawal if it "
     "affects you.\n\n" + _REMOVAL_ANY_TIME, "Notice, no period stated"),
    # notice of something else is no notice of that change
    ("terms-notice", _TERMS_ANY_TIME + "## 9. Fees\n\nWe will email you 30 days before a price increase takes "
     "effect.\n", "None promised"),
    ("removal-notice", _REMOVAL_ANY_TIME + "## 12. Suspension\n\nWe will give you notice before we suspend your "
     "account.\n", "None promised"),
])
def test_no_notice_is_said_only_when_no_section_promises_it(fact, body, value):
    from tracker.analysis.summary import summarise

    text = f"# Zentro Terms of Service\n\n## 0. Our calendar\n\nZentro provides a shared calendar for small teams.\n\n{body}"
    facts = summarise(text).facts
    assert fact in facts and facts[fact].value == value, {k: c.value for k, c in facts.items()}


# -- a summary line states a term: never the date of the document, nor half a sentence --------------
@pytest.mark.parametrize("line", [
    "This Privacy Policy was last updated on: 13th March 2026.",
    "The date the Privacy Policy was last updated is identified at the top of this page.",
    "Please look at the Effective Date at the top of this Privacy Policy to see when this Privacy Policy was last revised.",
    "La présente politique a été mise à jour le 2 mai 2025.",
])
def test_a_sentence_that_only_dates_the_document_is_no_key_term(line):
    from tracker.analysis.summary import date_note, summarise

    assert date_note(line)
    text = ("# Pellmo Privacy Policy\n\n## Changes\n\n" + line + "\n\nWe may change this Privacy Policy at any time.\n\n"
            "## Retention\n\nPellmo keeps your photos for 90 days after you delete your account.\n")
    s = summarise(text)
    said = [b.text for b in (*s.key_terms, *s.watch_outs)]
    assert said and not any("last updated" in t or "last revised" in t or "mise à jour" in t for t in said), said


def test_a_rule_that_mentions_the_date_is_still_one():
    from tracker.analysis.summary import date_note

    assert not date_note("When we change these Terms, we will post them here and update the Last Updated date at "
                         "the top of these Terms.")
    assert not date_note("This Agreement starts on the Effective Date and continues until the subscription ends.")


def test_a_sentence_broken_across_paragraphs_gives_no_half_line():
    from tracker.analysis.summary import summarise

    text = ("# Tamsin Developer Terms\n\n## 5. Intellectual Property\n\nTamsin shall retain all right, title and "
            "interest to\n\nthe intellectual property rights to the Tamsin Platform and its documentation.\n\n"
            "## 9. Fees\n\nThe Pro plan costs $20 per month and renews each month until you cancel it.\n")
    s = summarise(text)
    said = [b.text for b in (*s.key_terms, *s.watch_outs)]
    assert said and not any(t.rstrip(".").endswith((" to", " of", " the")) for t in said), said


# -- a value written another way is the same value: no "changed" number ------------------------------
@pytest.mark.parametrize("old,new", [
    # a share in words, then in digits
    ("## Definitions\n\n\"Control\" means control of greater than fifty percent of the voting rights of a party.\n",
     "## Definitions\n\n“Control” means control of greater than 50 percent of the voting rights of a party.\n"),
    ("## Fees\n\nZorblo keeps twenty-five per cent of each sale made through the Zorblo Market.\n",
     "## Fees\n\nZorblo keeps 25 per cent of each sale made through the Zorblo Market.\n"),
    # a period said "for" / "pendant" it, or without the word: the same period
    ("## Données\n\nNous conservons les données de votre compte Zorblo pour une période totale de 10 ans afin de "
     "respecter nos obligations légales.\n",
     "## Données\n\nNous conservons les données de votre compte Zorblo pendant 10 ans afin de respecter nos "
     "obligations légales.\n"),
])
def test_a_value_written_another_way_is_no_changed_value(old, new):
    a = compare(old, new)
    said = " ".join(c.explanation for c in a.changes)
    assert not a.material, said
    assert "instead of" not in said or "reworded" in said, said


@pytest.mark.parametrize("old,new,now,was", [
    ("## Fees\n\nZorblo keeps twenty percent of each sale made through the Zorblo Market.\n",
     "## Fees\n\nZorblo keeps thirty percent of each sale made through the Zorblo Market.\n", "thirty percent", "twenty percent"),
    ("## Données\n\nNous conservons les données de votre compte Zorblo pendant 10 ans afin de respecter nos "
     "obligations légales.\n",
     "## Données\n\nNous conservons les données de votre compte Zorblo pendant 5 ans afin de respecter nos "
     "obligations légales.\n", "5 years", "10"),
])
def test_a_value_that_changed_is_still_said_with_both_values(old, new, now, was):
    a = compare(old, new)
    said = " ".join(c.explanation for c in _material(a))
    assert a.material and now in said and was in said, said


# -- a quote says the address or number the page gives, not "an e-mail address" -----------------------
@pytest.mark.parametrize("line,contact", [
    ("Vous pouvez également écrire à dpo-donnees@zorblo.example pour exercer vos droits.", "dpo-donnees@zorblo.example"),
    ("You may also cancel your Zorblo plan by calling +33 1 23 45 67 89 on working days.", "+33 1 23 45 67 89"),
])
def test_a_quote_gives_the_contact_the_clause_gives(line, contact):
    old = "# Contact\n\nYou can reach the Zorblo support team from the help centre.\n"
    a = compare(old, old + "\n" + line + "\n")
    said = " ".join(c.explanation for c in a.changes if c.kind == "added")
    assert contact in said and "an e-mail address" not in said and "a phone number" not in said, said


def test_a_placeholder_for_one_of_several_contacts_is_said_by_its_kind():
    from tracker.analysis.wording import contacts_restored

    two = "Write to a@zorblo.example or b@zorblo.example."
    assert contacts_restored("New: “Write to qqemailqq or qqemailqq”", "", two) == "New: “Write to qqemailqq or qqemailqq”"


# -- a right of the user is never named as a term against them ---------------------------------------
@pytest.mark.parametrize("line", [
    "Tant qu'elle n'est pas acceptée, vous pouvez instantanément annuler votre commande en toute autonomie via votre "
    "espace client.",
    "Solange die Bestellung nicht angenommen ist, können Sie Ihre Bestellung jederzeit kostenlos in Ihrem Kundenkonto "
    "stornieren.",
])
def test_a_new_right_of_the_user_is_said_as_one(line):
    base = "# Commande\n\nLa commande Zorblo est confirmée par e-mail dès son acceptation par le vendeur.\n"
    a = compare(base, base + "\n" + line + "\n")
    (c,) = [c for c in a.changes if c.kind == "added"]
    assert c.material and not c.explanation.startswith(("New refund restriction", "New subscription term",
                                                         "New payment term")), c.explanation
    if c.explanation.startswith("New ") and not c.explanation.startswith("New: "):
        assert c.explanation.startswith("New right for users: "), c.explanation


def test_residents_given_a_right_are_users_given_one():
    from tracker.analysis.wording import gives_user_a_right

    assert gives_user_a_right("Connecticut residents have the right to request that Zorblo delete their data.")
    assert gives_user_a_right("Individuals may ask Zorblo for a copy of their personal data.")
    assert not gives_user_a_right("Residents of Ohio must pay the local sales tax on every Zorblo order.")


# -- a list's markers are no items put into a clause ----------------------------------------------------
def test_list_markers_are_not_quoted_as_what_a_clause_adds():
    old = ("# Mandat\n\nZorblo reçoit mandat de la part du Vendeur pour mettre à la disposition des Acheteurs les offres "
           "fournies par le Vendeur et pour ouvrir en son nom et pour son compte un compte séquestre des sommes perçues "
           "au cours de la transaction.\n")
    new = ("# Mandat\n\nZorblo reçoit mandat de la part du Vendeur pour (i) mettre à la disposition des Acheteurs les "
           "offres fournies par le Vendeur, (ii) ouvrir en son nom et pour son compte un compte séquestre des sommes "
           "perçues au cours de la transaction, et (iii) mettre en œuvre la Mise en relation et appliquer, le cas "
           "échéant, des Frais de service.\n")
    (c,) = compare(old, new).changes
    assert "“ii”" not in c.explanation and "“iii)" not in c.explanation, c.explanation
    assert "mettre en œuvre la Mise en relation" in c.explanation, c.explanation

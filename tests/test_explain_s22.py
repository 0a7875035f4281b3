"""What a reader is told of a material change that only restates a term, and which change the
headline names (issue #11's plain-language explanation). Each test is one KIND of fault seen
reading real material pairs through ``benchmarks/explain_audit.py`` (session 22), checked on invented
text about fictional services through ``tracker.compare`` (what ``compare``, the feeds and the
headline show) or ``wording.refine``; material flags never move."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracker import compare
from tracker.analysis.headline import rank_changes, word_swap, wording_only
from tracker.analysis.wording import (hedge_added, preposition_reworded, prohibition_restated, puffery, refine,
                                      swap_shown)
from tracker.records import ClauseChange


def _material(a):
    return [c for c in a.changes if c.material]


def _change(before: str, after: str, explanation: str, severity: str = "material", cats=("liability",),
            kind: str = "modified") -> ClauseChange:
    return ClauseChange(kind=kind, clause_id="terms/1", heading="Terms", before=before, after=after, material=True,
                        severity=severity, categories=cats, explanation=explanation)


# -- a fixed prepositional phrase is no new content -----------------------------------------------------
# "à toutes les lois" → "vis-à-vis de toutes les lois" was said "Adds “vis” to: …" and led the headline
# over a new rule the same version brought.
@pytest.mark.parametrize("old,new", [
    ("Vous êtes l'unique responsable de votre conformité à toutes les lois applicables à Zorblo.",
     "Vous êtes l'unique responsable de votre conformité vis-à-vis de toutes les lois applicables à Zorblo."),
    ("Vous êtes seul responsable envers les autres membres de Zorblo.",
     "Vous êtes seul responsable à l'égard des autres membres de Zorblo."),
    ("Vous pouvez souscrire un service payant de Zorblo (« Abonnement Premium »).",
     "Vous pouvez souscrire un service payant auprès de Zorblo (« Abonnement Premium »)."),
    ("You are solely liable for all taxes for the Quibly services you buy.",
     "You are solely liable for all taxes in respect of the Quibly services you buy."),
    ("Sie haften allein für die Einhaltung aller Gesetze über Ihre Inhalte bei Zorblo.",
     "Sie haften allein für die Einhaltung aller Gesetze hinsichtlich Ihrer Inhalte bei Zorblo."),
])
def test_a_fixed_prepositional_phrase_is_a_rewording(old, new):
    assert preposition_reworded(old, new)
    (said,) = refine([_change(old, new, "Adds “vis” to: “…” (liability)")])
    assert said.explanation.startswith("Reworded: now says “"), said.explanation
    assert said.material
    assert wording_only(said)


@pytest.mark.parametrize("old,new", [
    # a scope that widens or a party that changes is no fixed phrase of the same sense
    ("You are liable for claims arising from your Quibly content.",
     "You are liable for claims arising in connection with your Quibly content."),
    ("Vous êtes responsable à l'égard de Zorblo.", "Vous êtes responsable à l'égard de Zorblo et de ses partenaires."),
    ("Vous pouvez souscrire un service payant.", "Vous pouvez souscrire un service payant auprès de Quibly."),
    ("You are solely liable for all taxes for the Quibly services you buy.",
     "You are solely liable for all taxes and fees in respect of the Quibly services you buy."),
])
def test_more_than_a_prepositional_phrase_is_no_rewording(old, new):
    assert not preposition_reworded(old, new)


def test_a_headline_names_the_new_rule_not_the_prepositional_phrase():
    old = ("## Qui peut utiliser Zorblo ?\n\nVous êtes l'unique responsable de votre conformité à toutes les lois et "
           "réglementations locales applicables.\n\nVous devez avoir 18 ans.\n")
    new = old.replace("conformité à toutes", "conformité vis-à-vis de toutes") + (
        "\nIl est interdit de partager votre compte Zorblo avec une autre personne.\n")
    a = compare(old, new)
    assert "vis”" not in " ".join(c.explanation for c in a.changes)
    assert "partager votre compte" in a.summary, a.summary


# -- a watch-out bounded by the law or by cases is no new watch-out ---------------------------------------
@pytest.mark.parametrize("old,new,hedge", [
    ("We may add or remove features, and we may suspend or stop part of the Zorblo service altogether.",
     "We may add or remove features, and we may suspend (to the extent allowed by applicable law) or stop part of "
     "the Zorblo service altogether.", "to the extent allowed by applicable law"),
    ("You authorize us to charge you for the fees of each Quibly label you create.",
     "In other cases, you authorize us to charge you for the fees of each Quibly label you create.", "In other cases"),
    ("Nous pouvons suspendre votre compte Zorblo à tout moment.",
     "Nous pouvons suspendre votre compte Zorblo à tout moment, dans la mesure permise par la loi.",
     "dans la mesure permise par la loi"),
    ("Wir können Ihr Zorblo-Konto jederzeit sperren.",
     "Wir können Ihr Zorblo-Konto, soweit gesetzlich zulässig, jederzeit sperren.", "soweit gesetzlich zulässig"),
])
def test_a_watch_out_narrowed_by_a_hedge_is_material_not_critical(old, new, hedge):
    assert hedge_added(old, new).strip("(),") == hedge
    c = _change(old, new, f"New watch-out: {new[:60]}… (termination)", severity="critical", cats=("termination",))
    (said,) = refine([c])
    assert said.severity == "material" and said.material
    assert said.explanation.startswith("Adds “") and hedge.split()[-1] in said.explanation, said.explanation


@pytest.mark.parametrize("old,new", [
    # a real new power, a number, or words taken out: no hedge
    ("We may suspend your Zorblo account.", "We may suspend your Zorblo account, in other cases without notice."),
    ("We may suspend your Zorblo account.", "We may suspend your Zorblo account at any time and for any reason."),
    ("We may suspend your Zorblo account for 30 days.",
     "We may suspend your Zorblo account for 30 days where permitted by law for 90 days."),
])
def test_no_hedge(old, new):
    assert hedge_added(old, new) == ""


def test_a_watch_out_reworded_a_little_ranks_after_a_new_term():
    # "Your Subscription" → "Your Zorblo Plus Subscription" and "recuring" → "recurring" beside a new "fees are
    # non-refundable" (in the real pair, "you will not be charged" → "… charged additional fees" put the word
    # "fees" in: the decision read a new pricing watch-out in a clause that was the same term)
    old = ("Your Subscription may start with a free trial period, and when you sign up for a Free Trial you agree that "
           "you will automatically be transferred to a recuring payment Subscription plan at the end of the Free Trial, "
           "unless you cancel your Subscription before the last day of the Free Trial.")
    new = old.replace("Your Subscription", "Your Zorblo Plus Subscription").replace("recuring", "recurring")
    renamed = _change(old, new, "New watch-out: Your Zorblo Plus Subscription may start with a free trial… (pricing)",
                      severity="critical", cats=("pricing", "subscription"))
    fee = ClauseChange(kind="added", clause_id="fees/2", heading="Fees", before=None,
                       after="All fees paid to Zorblo are non-refundable.", material=True, severity="critical",
                       categories=("refunds",), explanation="New: All fees paid to Zorblo are non-refundable. (refunds)")
    said = refine([renamed, fee])
    assert said[0].severity == "material" and said[0].explanation.startswith("Now reads “"), said[0]
    assert said[0].material
    assert rank_changes(said)[0] is said[1]
    # a period changed in a watch-out reworded stays as serious as it was
    longer = replace(renamed, after=new.replace("a free trial period", "a free trial period of 14 days"))
    (kept,) = refine([longer])
    assert kept.severity == "critical"


# -- a quote pair that shows no changed word ----------------------------------------------------------------
def test_a_swap_whose_quotes_show_no_change_is_said_where_it_changed():
    before = ("| Service messages<br><br>* We will contact you with Zorblo service messages about products you bought. "
              "For example, changes to our price plan, upgrade you might be entitled to, or service interruptions. "
              "| Contact details |")
    after = before.replace("upgrade you", "upgrades you")
    said = swap_shown("Now says “Service messages; We will contact you with Zorblo service…” instead of "
                      "“Service messages *…” (in Service messages; We will contact…) (pricing)", before, after)
    assert said.startswith("Now reads “") and "upgrades" in said and "(was “" in said and "upgrade you" in said, said
    assert said.endswith("(pricing)")
    # quotes that show what changed stay
    shown = "Now says “…price plan, upgrades you…” instead of “…price plan, upgrade you…” (pricing)"
    assert swap_shown(shown, before, after) == shown


# -- a prohibition said again in other words -------------------------------------------------------------------
@pytest.mark.parametrize("old,new", [
    ("Without limitation, this means that if you purchase a display impression on Zorblo, you may not serve a rich "
     "video ad as part of that banner ad.",
     "It's prohibited to purchase a display impression on Zorblo and run rich video ads as part of that banner ad."),
    ("Il est interdit de revendre les billets Quibly achetés sur la plateforme.",
     "Vous ne pouvez pas revendre les billets Quibly achetés sur la plateforme."),
])
def test_a_prohibition_restated_is_still_a_prohibition(old, new):
    assert prohibition_restated(old, new)
    (said,) = refine([_change(old, new, "No longer says “Without limitation, this means…” (usage-rules)",
                              cats=("usage-rules",))])
    assert said.explanation.startswith("Still forbids, reworded: "), said.explanation
    assert said.material


def test_a_prohibition_that_changed_what_it_forbids_is_no_restatement():
    assert not prohibition_restated("You may not resell Quibly tickets.",
                                    "You may not resell, gift, transfer or exchange Quibly tickets bought on the app.")
    assert not prohibition_restated("You may not resell more than 4 Quibly tickets a year.",
                                    "You may not resell more than 2 Quibly tickets a year.")


def test_a_headline_names_a_new_term_before_a_prohibition_restated():
    old = ("## Ads\n\nWithout limitation, this means that if you purchase a display impression on Zorblo, you may not "
           "serve a rich video ad as part of that banner ad.\n")
    new = ("## Ads\n\nIt's prohibited to purchase a display impression on Zorblo and run rich video ads as part of that "
           "banner ad.\n\nAll ad fees paid to Zorblo are non-refundable.\n")
    a = compare(old, new)
    assert "non-refundable" in a.summary, a.summary
    assert not any(c.explanation.startswith("No longer says") for c in _material(a))


# -- a statement of care is no term ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Quibly takes the protection of users' personal data very seriously.",
    "Quibly4Kids takes the protection of users' personal data very seriously.",
    "Zorblo attache une grande importance à la protection de vos données personnelles.",
    "Zorblo nimmt den Schutz Ihrer persönlichen Daten sehr ernst.",
    "Your privacy is important to us.",
])
def test_a_statement_of_care_is_puffery(text):
    assert puffery(text)


@pytest.mark.parametrize("text", [
    "Quibly takes the protection of your data seriously and will never sell it.",
    "We take appropriate measures to protect your data, including encryption of 256 bits.",
    "We share your e-mail address with advertising partners of Quibly.",
])
def test_a_term_is_no_puffery(text):
    assert not puffery(text)


def test_a_statement_of_care_is_said_so_and_ranked_after_the_terms():
    old = "## Your data\n\nWe collect your name and e-mail address when you register with Quibly.\n"
    new = ("## Your data\n\nQuibly takes the protection of users' personal data very seriously.\n\nWe collect your name "
           "and e-mail address when you register with Quibly.\n\nWe share your e-mail address with advertising "
           "partners of Quibly.\n")
    a = compare(old, new)
    said = [c.explanation for c in _material(a) if "seriously" in c.explanation]
    assert all(s.startswith("New statement of intent, not a term: ") for s in said), said
    assert "advertising partners" in a.summary, a.summary


# -- an illustration swapped ranks after a new rule ------------------------------------------------------------------
def test_examples_swapped_rank_after_a_new_rule():
    old = ("## Personal information\n\nDo not store or distribute other people's personal information on Zorblo without "
           "authorisation. This includes national ID numbers and bank account numbers.\n")
    new = ("## Personal information\n\nDo not store or distribute other people's personal information on Zorblo without "
           "authorisation. Examples of personal information include passport numbers and bank account numbers.\n\n"
           "Do not collect personal or confidential information through Zorblo.\n")
    a = compare(old, new)
    # (session 27: the new ban is a usage rule, no privacy term, and this three-sentence page's topic
    # profile is privacy, so the version's categories name privacy alone and the headline leads with
    # the change they are about; the new rule is still said, ranked after it)
    assert "Do not collect" in a.summary or "(+1 more)" in a.summary, a.summary
    assert any("Do not collect" in c.explanation for c in _material(a)), [c.explanation for c in _material(a)]


# -- a new clause said by its first words -----------------------------------------------------------------------------
@pytest.mark.parametrize("quote,text", [
    ("By using Zorblo Pay, you accept and agree…",
     "By using Zorblo Pay, you accept and agree to the [Zorblo Pay Merchant Terms](https://zorblo.example/pay)."),
    ("A Quibly Partner may charge a fee…", "A Quibly Partner may charge a fee for the convenience of using Quibly."),
])
def test_a_new_clause_said_by_its_first_words_is_said_whole(quote, text):
    from tracker.analysis.wording import new_clause_whole

    said = new_clause_whole(f"Now also says: “{quote}” (payment)", text)
    assert said.startswith("New: ") and said.endswith("(payment)"), said
    assert len(said) > len(quote) + 20, said


# -- a few words swapped rank after a new term -----------------------------------------------------------------------
def test_a_word_swap_ranks_after_a_new_clause_of_the_same_weight():
    swap = ClauseChange(kind="modified", clause_id="share/1", heading="Sharing", material=True, severity="material",
                        categories=("privacy",),
                        before="We may share identifiers with third parties who perform services on our behalf for Zorblo.",
                        after="We may share identifiers with service providers (companies who perform services on our "
                              "behalf) for Zorblo.",
                        explanation="Now says “…with service providers (companies who perform…” instead of “…with third "
                                    "parties who perform…” (privacy)")
    new = ClauseChange(kind="added", clause_id="share/2", heading="Sharing", before=None, material=True,
                       severity="material", categories=("privacy",),
                       after="We may combine your Zorblo profile with data bought from data brokers.",
                       explanation="New: We may combine your Zorblo profile with data bought from data brokers. (privacy)")
    assert word_swap(swap) and not word_swap(new)
    assert rank_changes([swap, new])[0] is new


@pytest.mark.parametrize("after", [
    "We may share identifiers with advertisers, data brokers and partners for Zorblo.",  # items put in
    "We may not share identifiers with third parties who perform services on our behalf for Zorblo.",  # a negation
    "We may share 3 identifiers with third parties who perform services on our behalf for Zorblo.",  # a number
])
def test_more_than_a_word_swap(after):
    c = ClauseChange(kind="modified", clause_id="share/1", heading="Sharing", material=True, severity="material",
                     categories=("privacy",), after=after,
                     before="We may share identifiers with third parties who perform services on our behalf for Zorblo.",
                     explanation="Now says “…” instead of “…” (privacy)")
    assert not word_swap(c)


# -- a quote that stops inside its bracket, a bracket left empty ---------------------------------------------------
def test_a_quote_is_carried_to_the_close_of_the_bracket_it_opened():
    from tracker.analysis.wording import brackets_closed

    text = "The Minimum Age on Zorblo is (i) thirteen (13), or (ii) for users in the United Kingdom, sixteen (16)."
    said = brackets_closed("Now says “…for users in the United Kingdom, sixteen (16” (eligibility)", text)
    assert said == "Now says “…for users in the United Kingdom, sixteen (16)” (eligibility)", said
    # a bracket closed far off, or a quote not in the clause: as is
    far = "Now says “…Zorblo is (i) thirteen” (eligibility)"
    assert brackets_closed(far, "The Minimum Age on Zorblo is (i) thirteen and more words before it closes (13) and so on)") == far
    assert brackets_closed("Now says “…Quibly (16” (eligibility)", text) == "Now says “…Quibly (16” (eligibility)"


def test_a_bracket_emptied_of_its_link_is_not_shown():
    from tracker.analysis.wording import clean_explanation

    assert clean_explanation("New item under “We deploy”: Pixelmint ( ) (privacy)") == \
        "New item under “We deploy”: Pixelmint (privacy)"
    # (where the link stood, the diff may leave a mark of its place)
    assert clean_explanation("New item under “We deploy”: Pixelmint (\x02 ) (privacy)") == \
        "New item under “We deploy”: Pixelmint (privacy)"


# -- a postal address changed ranks after the terms ----------------------------------------------------------------
def test_a_postal_address_changed_ranks_after_a_new_term():
    from tracker.analysis.headline import address_changed

    moved = ClauseChange(kind="modified", clause_id="contact/1", heading="Contact", material=True, severity="material",
                         categories=("privacy",),
                         before="Postal mail: Quibly Privacy Office, Quibly Ireland Limited, Building 3400 Airport "
                                "Business Park, Kinsale Road, Cork, Ireland",
                         after="Postal mail: Quibly Privacy Office, Quibly Ireland Limited, City Gate Plaza Two, Mahon, "
                               "Cork, Ireland",
                         explanation="City Gate Plaza Two, Mahon added to postal mail (privacy)")
    notice = ClauseChange(kind="added", clause_id="changes/1", heading="Changes", before=None, material=True,
                          severity="material", categories=("terms-changes",),
                          after="If we make material changes to this notice, Quibly will post them before they apply.",
                          explanation="New: If we make material changes to this notice, Quibly will post them before "
                                      "they apply (terms-changes)")
    assert address_changed(moved)
    assert rank_changes([moved, notice])[0] is notice
    # a term changed beside an address is no address change
    term = replace(moved, before="Write to Zorblo Ltd, 12 High Street, London EC1A 1BB. You may cancel within 14 days.",
                   after="Write to Zorblo Ltd, 14 Low Street, London EC1A 1BB. You may cancel within 30 days.")
    assert not address_changed(term)


# -- a promise of the provider is no new watch-out ------------------------------------------------------------------
def test_a_promise_reworded_is_not_called_a_new_watch_out():
    old = "We do not knowingly collect, sell, or share information of consumers of Zorblo between the ages of 13 and 16."
    new = ("Additionally, we do not knowingly sell or share information of Zorblo customers under the age of 18 for "
           "targeted advertising.")
    c = _change(old, new, "New watch-out: We do not knowingly sell or share information of Zorblo customers under the "
                          "age… (privacy)", severity="critical", cats=("privacy",))
    (said,) = refine([c])
    assert not said.explanation.startswith("New watch-out"), said.explanation
    assert said.explanation.startswith("Now reads “") and "(was “" in said.explanation, said.explanation
    # a real new power stays a new watch-out
    power = replace(c, after=old + " We may share your Zorblo profile with advertisers.",
                    explanation="New watch-out: We may share your Zorblo profile with advertisers. (privacy)")
    (kept,) = refine([power])
    assert kept.explanation.startswith("New watch-out"), kept.explanation


# -- a right of the user removed is said as one -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "You have the right to file a complaint with a data protection authority about Zorblo.",
    "Vous avez le droit d’introduire une réclamation auprès de la CNIL au sujet de Zorblo.",
    "Sie haben das Recht, sich bei einer Aufsichtsbehörde über Zorblo zu beschweren.",
])
def test_a_right_removed_is_said_as_a_right(text):
    c = _change(text, "", f"Removed: {text} (privacy)", cats=("privacy",), kind="removed")
    c = replace(c, after=None)
    (said,) = refine([c])
    assert said.explanation.startswith("Removed right for users: "), said.explanation
    assert "good news" not in said.explanation


def test_a_rule_removed_is_no_right_removed():
    text = "You may not resell Zorblo tickets."
    c = replace(_change(text, "", f"Removed: {text} (usage-rules)", cats=("usage-rules",), kind="removed"), after=None)
    (said,) = refine([c])
    assert not said.explanation.startswith("Removed right"), said.explanation

"""What a reader is told of each change must be right on its own (issue #11: "whether its flags and
explanations are right"). Each test is one KIND of fault seen on real pages, checked on invented
text of fictional services, through ``tracker.compare`` (what ``tracker compare``, ``diff``, the
feeds and ``compare --json`` show)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tracker import compare
from tracker.analysis.headline import rank_changes
from tracker.analysis.wording import (clean_explanation, gives_user_a_right, promise_withdrawn, trains_ai,
                                      whole_phrases)


def _material(a):
    return [c for c in rank_changes(a.changes) if c.material]


# -- renumbering is not a material change ----------------------------------------------------------
@pytest.mark.parametrize("old,new", [
    ("## 7. Fees\n\n7.1 Zorblio charges a monthly fee of $5.\n\n## 8. Termination\n\n8.1 We may end your "
     "account as described in Section 12.\n",
     "## 8. Fees\n\n8.1 Zorblio charges a monthly fee of $5.\n\n## 9. Termination\n\n9.1 We may end your "
     "account as described in Section 13.\n"),
    ("## Liability\n\nExcept as set out in section 9(b), Quibly is not liable for indirect losses.\n",
     "## Liability\n\nExcept as set out in section 10(c), Quibly is not liable for indirect losses.\n"),
    ("### Article 7 - Fees\n\nArticle 7.2: The Flumbo fee is due monthly.\n",
     "### Article 8 - Fees\n\nArticle 8.2: The Flumbo fee is due monthly.\n"),
])
def test_clauses_renumbered_or_cross_references_shifted_are_not_material(old, new):
    a = compare(old, new)
    assert not a.material
    assert not _material(a)


# -- a new restriction on the user has legal effect ------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Accounts are limited to 3 devices.",
    "No more than five photos may be attached to a post.",
    "Sharing recipes for commercial purposes is prohibited.",
    "Reviews written with generative AI are not allowed.",
])
def test_a_new_limit_or_ban_is_a_material_new_term_not_text_without_legal_effect(sentence):
    old = "## Use\n\nMembers may share recipes on Quibly.\n"
    a = compare(old, old + "\n" + sentence + "\n")
    assert a.material, a.summary
    (change,) = _material(a)
    assert change.explanation.startswith("New"), change.explanation
    assert "without legal effect" not in change.explanation


# a quota, a use reserved to one person, a plan required, one per household, a term set by a
# number beside its noun (with the label split from its value at the colon; French too)
@pytest.mark.parametrize("sentence", [
    "Each account may be used by one person only.",
    "Only one free trial per household.",
    "Commercial use requires a Business plan.",
    "Each member can save up to 5 collections.",
    "Cancellation notice: 30 days.",
    "Remboursement sous 14 jours.",
])
def test_a_new_quota_or_short_term_is_material_not_a_fragment_or_a_right(sentence):
    old = "## Use\n\nMembers may share recipes on Quibly.\n"
    a = compare(old, old + "\n" + sentence + "\n")
    assert a.material, a.summary
    (change,) = _material(a)
    assert change.explanation.startswith("New"), change.explanation
    assert "good news" not in change.explanation and "fragment" not in change.explanation


@pytest.mark.parametrize("sentence", ["Notice: 3 hours ago", "Price: $12"])
def test_a_time_stamp_or_a_live_price_stays_no_term(sentence):
    old = "## Use\n\nMembers may share recipes on Quibly.\n"
    assert not compare(old, old + "\n" + sentence + "\n").material


def test_a_limited_right_is_no_plain_right_of_the_user():
    assert not gives_user_a_right("Each member can save up to 5 collections.")
    assert not gives_user_a_right("You may use Quibly for personal projects only.")
    assert gives_user_a_right("You may cancel your membership at any time.")


def test_small_words_changed_beside_a_name_are_said_not_hidden_as_only_a_name():
    old = "Quibly is run by Quibly Ltd and the partners of Quibly Ltd.\n\nQuibly Ltd may show ads.\n\nQuibly Ltd keeps logs.\n"
    new = old.replace("Quibly", "Zestra").replace("the partners of", "our partners")
    a = compare(old, new)
    said = [c.explanation for c in a.changes if "the partners" in (c.before or "")]
    assert said and not said[0].startswith("Only"), said
    assert "“" in said[0], said  # the small words quoted


def test_a_new_contact_clause_is_said_with_its_words_not_as_details_changed():
    old = "## Contact\n\nYou can write to us at help@quibly.example.\n"
    new = old + "\nIndividuals in the EU may contact our representative, Quibly EU Ltd, 4 Dock Road, Dublin, Ireland.\n"
    a = compare(old, new)
    assert not a.material
    (change,) = [c for c in a.changes if c.kind == "added"]
    assert change.explanation.startswith("New contact details"), change.explanation
    assert "representative" in change.explanation


def test_a_list_item_is_said_with_the_lead_in_that_gives_it_its_sense():
    old = "## Acceptable use\n\nYou must not:\n\n* harass other Quibly members;\n"
    a = compare(old, old + "* use bots or scrapers;\n")
    (change,) = _material(a)
    # alone, "New: use bots or scrapers" reads as a permission
    assert change.explanation.startswith("New item under “You must not”: use bots or scrapers"), change.explanation
    assert ";" not in change.explanation


# -- a promise withdrawn comes first ---------------------------------------------------------------
def test_removed_promises_are_said_as_promises_and_lead_the_headline():
    old = ("## Your data\n\nWe collect your email address to run Flumbo.\n\nWe do not sell your personal data.\n\n"
           "We will not train our models on your content.\n\n## Fees\n\nThe fee is $5 per month.\n")
    new = "## Your data\n\nWe collect your email address to run Flumbo.\n\n## Fees\n\nThe fee is $6 per month.\n"
    a = compare(old, new)
    promises = [c for c in a.changes if c.explanation.startswith("No longer promises")]
    said = sorted(c.explanation for c in promises)
    assert len(said) == 2, [c.explanation for c in a.changes]
    assert said[0].startswith("No longer promises not to sell your personal data")
    assert said[1].startswith("No longer promises not to train our models on your content")
    assert all(c.severity == "critical" for c in promises)
    # before the fee; the headline says it with one negation (head37)
    assert a.summary.startswith("Drops its promise not to"), a.summary
    assert a.severity == "critical"


@pytest.mark.parametrize("sentence,said", [
    ("We never sell your messages to advertisers.", "No longer promises never to sell your messages to advertisers"),
    ("We don’t knowingly share your location, but we must tell you why.",
     "No longer promises not to knowingly share your location"),
    ("Zorblio will not use your photos for advertising.", "No longer promises not to use your photos for advertising"),
    ("Nous ne vendons pas vos données personnelles.", "No longer promises: « Nous ne vendons pas vos données personnelles »"),
    ("Wir verkaufen Ihre Daten niemals an Dritte.", "No longer promises: « Wir verkaufen Ihre Daten niemals an Dritte »"),
])
def test_negative_promises_in_several_wordings(sentence, said):
    assert promise_withdrawn(sentence) == said


@pytest.mark.parametrize("sentence", [
    "We do not warrant that Flumbo will be error-free.",  # a disclaimer: its removal is good news
    "We will not be liable for lost profits.",
    "You will not resell the Quibly app.",  # a duty of the user
    "Nous ne sommes pas responsables du contenu que les membres partagent.",
])
def test_disclaimers_and_duties_of_the_user_are_no_promises(sentence):
    assert promise_withdrawn(sentence) == ""


# -- a right of the user is not a watch-out against them -------------------------------------------
@pytest.mark.parametrize("sentence", [
    "You may terminate your Zorblio account at any time.",
    "You have a right under local law to bring a claim against Zorblio in the courts where you live.",
    "Subscribers shall be entitled to suspend their use of the Zorblio API at any time.",
    "Before suspending or terminating your account, we’ll provide you with advance notice and the reason.",
    "Vous pouvez résilier votre abonnement Zorblio à tout moment.",
])
def test_a_new_right_of_the_user_is_never_a_critical_watch_out(sentence):
    old = "## Termination\n\nThese terms are governed by the laws of Ruritania.\n"
    a = compare(old, old + "\n" + sentence + "\n")
    assert gives_user_a_right(sentence)
    for c in a.changes:
        assert c.severity != "critical", (c.severity, c.explanation)
    assert not re.search(r"New (?:termination right|watch-out)", a.summary), a.summary


@pytest.mark.parametrize("sentence", [
    "Zorblio may terminate your account at any time for any reason.",
    "You may terminate the contract, but we may suspend your account without notice.",
    "You waive your right to a jury trial.",
])
def test_powers_against_the_user_are_not_read_as_their_rights(sentence):
    assert not gives_user_a_right(sentence)


def test_a_watch_out_the_old_clause_had_already_is_not_new():
    old = "## Changes\n\nQuibly may amend these terms by posting the amended terms.\n"
    new = "## Changes\n\nQuibly may amend these terms by posting the amended terms and updating the date above.\n"
    a = compare(old, new)
    (c,) = a.changes
    assert not c.explanation.startswith("New watch-out"), c.explanation
    assert c.explanation.startswith("Now also says: “…posting the amended terms and updating the date above"), c.explanation
    # its severity stays: a watch-out that says more may say worse ("... or your gross negligence")


def test_what_the_provider_said_it_would_do_to_the_user_is_no_promise():
    old = ("## Gifts\n\nIf you buy Flumbo credits as a gift, we will charge your card at the time of purchase.\n\n"
           "## Use\n\nCredits are personal.\n")
    a = compare(old, "## Gifts\n\nGifts are not available.\n\n## Use\n\nCredits are personal.\n")
    for c in a.changes:
        assert not c.explanation.startswith("No longer promises to charge"), c.explanation
    assert promise_withdrawn("In principle, we do not collect data from children under 16.") == \
        "No longer promises not to collect data from children under 16"


# -- AI training: the same kind of change, the same severity ---------------------------------------
@pytest.mark.parametrize("old,new", [
    ("## Content\n\nYou own your content.\n",
     "## Content\n\nYou own your content.\n\nWe may use your content to train our artificial intelligence models.\n"),
    ("## Privacy\n\nWe collect usage data.\n",
     "## Privacy\n\nWe collect usage data.\n\nWe use your conversations to improve and train our machine learning models.\n"),
    ("## Content licence\n\nYou grant Zorblio a licence to host your content.\n",
     "## Content licence\n\nYou grant Zorblio a licence to host your content and to use it to train our AI models.\n"),
])
def test_a_new_ai_training_use_is_critical_however_it_is_worded(old, new):
    a = compare(old, new)
    (change,) = _material(a)
    assert "ai-training" in change.categories
    assert change.severity == "critical", change.explanation


def test_a_denied_ai_training_use_is_not_one():
    assert not trains_ai("We do not use your content to train our AI models.")
    assert not trains_ai("You can opt out of the use of your chats to train our models.")
    assert trains_ai("Your prompts may be used to fine-tune our models.")
    assert not trains_ai("| J. AI Features, Training, and Your Data | What the section says |")  # a contents row
    assert not trains_ai("Output may contain material that resembles content in the model's training data.")
    assert trains_ai("Zorblio processes this data to improve its facial recognition technology.")


# -- clean text: no template token, no Markdown ----------------------------------------------------
def test_template_tokens_are_said_as_what_they_stand_for():
    old = "## Terms\n\n{{company}} provides the Flumbo app.\n"
    new = ("## Terms\n\n{{company}} provides the Flumbo app.\n\n{{company}} may change these terms at any time "
           "without notice. Claims must be brought by [DATE].\n")
    a = compare(old, new)
    for text in [a.summary] + [c.explanation for c in a.changes]:
        assert not re.search(r"\{\{|\}\}|\[DATE\]|qq\w+qq", text), text
    assert "the company may change these terms" in " ".join(c.explanation for c in a.changes)


@pytest.mark.parametrize("raw,clean", [
    ("Write to qqemailqq for help", "Write to an e-mail address for help"),
    ("Call qqphoneqq", "Call a phone number"),
    ("New: %COMPANY% may share data (privacy)", "New: the company may share data (privacy)"),
    ("New: See the **[privacy policy](https://flumbo.example/p)** <!-- v2 --> (privacy)",
     "New: See the privacy policy (privacy)"),
    ("New row: | email | advertisers | (privacy)", "New row: email; advertisers (privacy)"),
    ("Removed: keep <!-- an editor's note --> (other)", "Removed: keep (other)"),
])
def test_clean_explanation(raw, clean):
    assert clean_explanation(raw) == clean


def test_explanations_of_real_kinds_carry_no_markdown():
    old = "## Data\n\nWe share your email with **partners**.\n"
    new = "## Data\n\nWe share your email with **partners** and [advertisers](https://quibly.example/ads).\n"
    a = compare(old, new)
    for c in a.changes:
        assert not re.search(r"\*\*|\]\(|<!--", c.explanation), c.explanation


# -- quotes are readable phrases of whole words ----------------------------------------------------
@pytest.mark.parametrize("explanation,before,after,said", [
    ("Now also covers: age, mother’s maiden (privacy)", "",
     "We may require your name, age, mother’s maiden name, gender and birthday.",
     "Now also covers: age, mother’s maiden name (privacy)"),
    ("Now also covers: promo code once (payment)", "",
     "We credit your account with the correct plan or promo code once you have paid.",
     "Now also covers: promo code (payment)"),
    ("No longer covers: accordance with type (privacy)",
     "Before trading, in accordance with type of trading, you shall read the rules.", "",
     "No longer covers: in accordance with type of trading (privacy)"),
    ("Now also covers: yearly (subscription)", "", "Plans are billed monthly or yearly plans apply.",
     "Now also covers: yearly plans (subscription)"),
])
def test_covered_words_are_quoted_as_whole_phrases(explanation, before, after, said):
    assert whole_phrases(explanation, before, after) == said


def test_scattered_dropped_words_are_quoted_as_the_passage_that_changed():
    old = "## Licence\n\nYou grant Zorblio and its partners a licence to host, store and copy your content on our servers.\n"
    new = "## Licence\n\nYou grant Zorblio a licence to host and copy your content.\n"
    a = compare(old, new)
    for c in a.changes:
        for quote in re.findall(r"“([^”]*)”", c.explanation):
            assert not re.fullmatch(r"\w+(?:; \w+)+", quote), c.explanation


def test_a_foreign_clause_is_named_only_by_a_topic_it_speaks_of():
    old = ("## Responsabilité\n\nLes présentes conditions sont régies par le droit français.\n\n"
           "Par conséquent, notre responsabilité sera limitée dans toute la mesure permise par la loi applicable.\n")
    new = "## Responsabilité\n\nLes présentes conditions sont régies par le droit français.\n"
    a = compare(old, new)
    for c in a.changes:
        assert "choice of law" not in c.explanation, c.explanation


def test_a_foreign_amount_is_not_quoted_again_as_itself():
    old = "## Paiement\n\nExemple : pour un achat de 150€, apport de 52,34€ puis 2 mensualités de 50€ chez Zorblio.\n"
    a = compare(old, old.replace("52,34€", "52,37€"))
    (change,) = _material(a)
    assert "52,37€ instead of 52,34€" in change.explanation
    assert "« 52,37€ »" not in change.explanation
    old = "## Remboursement\n\nVous pouvez demander un remboursement Zorblio dans un délai de 30 jours.\n"
    a = compare(old, old.replace("30 jours", "14 jours"))
    (change,) = _material(a)
    assert "« dans un délai de 14 jours »" in change.explanation  # its own words say more than the value


def test_a_new_definition_does_not_make_the_headline_before_a_term_as_serious():
    from tracker.analysis.headline import headline
    from tracker.records import ClauseChange

    def change(explanation, categories):
        return ClauseChange("added", "x/p1", "", None, "text", True, "material", categories, explanation)

    changes = [change("New: “Government Authority” means any national or local government body. (pricing)",
                      ("pricing",)),
               change("New: You must not use Quibly content to train machine learning models. (usage-rules)",
                      ("usage-rules",))]
    assert headline(changes).startswith("New: You must not use Quibly content"), headline(changes)


def test_a_foreign_clause_that_is_no_watch_out_is_not_named_as_a_power():
    from tracker.analysis.materiality import label_change

    gone = label_change("removed", "Pour les membres de Zorblio résidant en Californie, vous disposez du droit "
                                   "de demander la suppression de vos données personnelles.", None)
    assert gone.material
    assert gone.explanation.startswith("Removed: « Pour les membres"), gone.explanation
    court = label_change("removed", "Tout différend peut être porté devant les tribunaux de votre domicile.", None)
    assert court.explanation.startswith("Removed choice of court: «"), court.explanation  # a topic, said as one


@pytest.mark.parametrize("explanation,before,after,said", [
    ("Now also says: “Finally, we keep personal” (privacy)", "",
     "Finally, we keep personal data about Flumbo members for audits.",
     "Now also says: “Finally, we keep personal data…” (privacy)"),
    ("No longer covers: of interest-based advertising (privacy)",
     "We use it for the purposes of interest-based advertising.", "",
     "No longer covers: interest-based advertising (privacy)"),
])
def test_quotes_cut_mid_phrase_are_grown_or_marked(explanation, before, after, said):
    assert whole_phrases(explanation, before, after) == said


def test_a_long_lead_in_keeps_its_first_words_who_and_what():
    old = ("## Prohibited uses\n\nThe User is strictly prohibited from using the Zorblio Platform for any of the "
           "following purposes:\n\n* sending spam;\n")
    a = compare(old, old + "* mining cryptocurrencies;\n")
    (change,) = _material(a)
    assert change.explanation.startswith("New item under “The User is strictly prohibited from … of the following purposes”"), \
        change.explanation


def test_a_list_run_into_one_line_shows_no_list_marker():
    assert clean_explanation("Now reads: “…payments and refunds * Offer discounts…” (pricing)") == \
        "Now reads: “…payments and refunds; Offer discounts…” (pricing)"


@pytest.mark.parametrize("sentence,promise", [
    ("We will refund unused Flumbo credits within 30 days of a request.", True),
    ("We will notify you by email before any price change.", True),
    ("We will report any such breach to the police and co-operate with them by disclosing your identity.", False),
    ("We will obtain certain information you provided to our partners.", False),
])
def test_only_what_gives_the_user_something_is_a_promise(sentence, promise):
    old = f"## Terms\n\nZorblio offers a photo app.\n\n{sentence}\n"
    a = compare(old, "## Terms\n\nZorblio offers a photo app.\n")
    (change,) = a.changes
    assert change.explanation.startswith("No longer promises") == promise, change.explanation
    assert (change.severity == "critical") == promise


@pytest.mark.parametrize("sentence", [
    "Subject to these terms, Zorblio grants you a non-exclusive, royalty-free licence to use the maps it provides.",
    "Where required by law, we honour legally recognised opt-out preference signals such as Global Privacy Control.",
])
def test_a_licence_to_the_user_or_an_opt_out_honoured_is_theirs(sentence):
    assert gives_user_a_right(sentence)


def test_a_headline_keeps_the_list_item_when_its_lead_in_is_long():
    from tracker.analysis.headline import headline
    from tracker.records import ClauseChange

    c = ClauseChange("added", "x/i1", "", None, "* crime", True, "material", ("privacy",),
                     "New item under “You must not use Zorblio platform products or ad code to target ads or "
                     "collect audience data, based on”: the commission or alleged commission of any crime (privacy)")
    assert headline([c]) == "New item under “You must not use…”: the commission or alleged commission of any crime"


@pytest.mark.parametrize("sentence", [
    "Zorblio remains liable under these principles if its agent processes your data in breach of them.",
    "In the context of an onward transfer, Quibly has responsibility for the processing of the data it receives.",
])
def test_the_provider_answering_for_itself_is_no_watch_out(sentence):
    assert gives_user_a_right(sentence)
    assert not gives_user_a_right("You are responsible for all activity under your Quibly account.")


def test_a_covered_phrase_does_not_end_on_a_preposition():
    assert whole_phrases("Now also covers: licenses obtained (content-rights)", "",
                         "Kindle Content includes licenses obtained through the Flumbo store.") == \
        "Now also covers: licenses obtained (content-rights)"


def test_a_link_cut_from_its_opening_bracket_leaves_no_target():
    assert clean_explanation("Rewritten: Please visit Your Privacy Choices ](https://flumbo.example/choices… (privacy)") \
        == "Rewritten: Please visit Your Privacy Choices (privacy)"


# -- a restriction lifted, a right granted, a promise made: said as what they are ---------------------
from tracker.analysis.wording import forbids, from_subject, one_word_swap, refine  # noqa: E402
from tracker.records import ClauseChange  # noqa: E402


def _one(kind, before, after, material, severity, categories, explanation):
    return refine([ClauseChange(kind, "x/p1", "", before, after, material, severity, categories, explanation)])[0]


@pytest.mark.parametrize("sentence", [
    "Use of the Hobby Plan for any commercial purpose is strictly prohibited.",
    "Any resale of Quibly credits constitutes a violation of these terms.",
    "The Zorblio Starter tier is intended solely for personal, non-commercial use.",
    "Subscribers may not rent or sublicense their seats.",
    "Flumbo reports may not be resold or white-labeled.",
])
def test_a_removed_prohibition_is_said_as_a_restriction_lifted(sentence):
    assert forbids(sentence)
    c = _one("removed", sentence, None, True, "material", ("usage-rules",), f"Removed: {sentence} (usage-rules)")
    assert c.explanation.startswith("No longer forbids: ")
    assert c.explanation.endswith("good news for users")
    assert c.material and c.categories == ("usage-rules",)  # flags untouched


def test_a_restriction_lifted_beside_a_new_rule_is_no_good_news():
    """The same version drops one rule and adds another: perhaps a stricter one in its place."""
    gone = "Use of the Hobby Plan for any commercial purpose is strictly prohibited."
    new = "The Hobby Plan may not be used by teams or by anyone acting for a business."
    removed = ClauseChange("removed", "x/p1", "", gone, None, True, "material", ("usage-rules",),
                           f"Removed: {gone} (usage-rules)")
    added = ClauseChange("added", "x/p2", "", None, new, True, "material", ("usage-rules",), f"New: {new} (usage-rules)")
    lifted, _ = refine([removed, added])
    assert lifted.explanation.startswith("No longer forbids: ") and "good news" not in lifted.explanation
    alone = refine([removed])[0]
    assert alone.explanation.endswith("good news for users")
    minor = replace(added, material=False, severity="minor", explanation=f"Added text without legal effect: {new}")
    assert "good news" not in refine([removed, minor])[0].explanation  # a rule the decision called minor counts too


def test_an_item_of_a_removed_list_of_prohibitions_is_a_restriction_lifted():
    c = _one("removed", "* Monitoring sites that earn revenue.", None, True, "material", ("usage-rules",),
             "Removed item under “Examples of prohibited use include”: Monitoring sites that earn revenue. (usage-rules)")
    assert c.explanation.startswith("No longer forbids: Monitoring sites")


@pytest.mark.parametrize("sentence", [
    # a promise whose exception names what the law forbids: no rule against the user
    "Quibly will give you notice of any access to your private files unless doing so is prohibited by law.",
    "Flumbo tells you about each request for your data, except where applicable law forbids it.",
    "Disclosure is permitted only as required, and is not allowed under applicable law otherwise.",
    "We will not sell your data.",  # a promise of the provider, not a rule against the user
    "Quibly may suspend accounts that are inactive for a year.",
])
def test_a_promise_or_a_power_is_no_prohibition(sentence):
    assert not forbids(sentence)


@pytest.mark.parametrize("sentence", [
    "Zorblio is available for any use, including commercial and business use.",
    "Your ability to opt out under Section 4 applies to this use of your files.",
    "Members are permitted to export their boards at any time.",
])
def test_a_new_permission_is_a_right_not_text_without_legal_effect(sentence):
    c = _one("added", None, sentence, False, "minor", (), f"Added text without legal effect: {sentence}")
    assert "without legal effect" not in c.explanation
    assert c.explanation.startswith("New right for users: ")
    assert not c.material and c.severity == "minor"


def test_a_new_rule_is_not_text_without_legal_effect():
    s = "Flumbo status pages may not be repackaged or offered to third parties."
    c = _one("added", None, s, False, "minor", (), f"Added text without legal effect: {s}")
    assert c.explanation == f"New rule for users: {s}"


@pytest.mark.parametrize("sentence", [
    "This license does not, however, permit Quibly or its Affiliates to share your Inputs with third-party "
    "model providers.",
    "Nothing in these terms allows Zorblio to sell your uploads.",
])
def test_a_power_denied_to_the_provider_is_no_watch_out(sentence):
    assert gives_user_a_right(sentence)
    c = _one("added", None, sentence, True, "critical", ("privacy",), f"New: {sentence} (privacy)")
    assert c.severity == "material"


@pytest.mark.parametrize("old,new,swap", [
    ("If you choose to purchase paid features, you pay monthly.", "If you choose to buy paid features, you pay monthly.",
     ("purchase", "buy")),
    ("If you choose to purchase paid features, you pay monthly.", "If you choose to use paid features, you pay monthly.",
     None),  # using is not buying
    ("Content you post on the Site is public.", "Content you post on the Platform is public.", ("site", "platform")),
    ("We may refund the fee.", "We may credit the fee.", None),  # a different remedy, no rewording
    ("You must pay within 30 days.", "You must pay within 10 days.", None),
])
def test_a_one_word_swap_of_the_same_sense_is_said_as_a_rewording(old, new, swap):
    assert one_word_swap(old, new) == swap
    c = _one("modified", old, new, True, "material", ("payment",), "Now says “…x…” instead of “…y…” (payment)")
    assert c.explanation.startswith("Reworded: now says ") == bool(swap)
    assert c.material


@pytest.mark.parametrize("explanation,text,expected", [
    ("New: …may be brought in any court (jurisdiction)",
     "However, any claim for urgent relief with respect to a breach of section 8 may be brought in any court.",
     "New: Any claim for urgent relief … may be brought in any court (jurisdiction)"),
    ("New watch-out: …of your files to train machine… (ai-training)",
     "For the avoidance of doubt, use of your files to train machine learning models is within this license.",
     "New watch-out: Use of your files to train machine… (ai-training)"),
    ("New: …the purpose of training models (ai-training)",
     "By using automated tools to copy any public pages of Flumbo for the purpose of training models, you agree to pay.",
     "New: By using automated tools to copy … for the purpose of training models (ai-training)"),
    ("New: Quibly may end your plan (termination)", "Quibly may end your plan.",
     "New: Quibly may end your plan (termination)"),  # starts at its subject already
])
def test_a_quote_starting_mid_clause_is_given_its_subject(explanation, text, expected):
    assert from_subject(explanation, text) == expected


def test_a_table_row_with_a_question_header_says_the_answer():
    row = "| Section | What can you find there? |\n|---|---|\n| K. Gadgets | These are the terms for Gadgets. |\n"
    c = ClauseChange("added", "x/t1", "", None, row, True, "material", ("other",),
                     "New row: Section: K. Gadgets; What can you find… (other)")
    out = refine([c])[0]
    assert "?" not in out.explanation and "K. Gadgets" in out.explanation and "These are the terms" in out.explanation


def test_a_headline_keeps_a_rewording_said():
    from tracker.analysis.headline import headline

    c = _one("modified", "If you choose to purchase paid features, you pay monthly.",
             "If you choose to buy paid features, you pay monthly.", True, "material", ("payment",),
             "Now says “…to buy paid…” instead of “…to purchase paid…” (payment)")
    # the swap read in its phrase, not "…to buy paid…" (too little to be read alone)
    assert headline([c]).startswith("Reworded: now says “…choose to buy paid features…” instead of “…choose to "
                                    "purchase paid features…”")


# -- a quote is read alone: never a fragment of a phrase -------------------------------------------
@pytest.mark.parametrize("old,new,now,was", [
    ("## Data\n\nData collected by Zorblio may be stored in your region, in the United States, and in any other "
     "country where Zorblio or its affiliates operate facilities.\n",
     "## Data\n\nData collected by Zorblio may be stored in your region, in the United States, and in any other "
     "jurisdiction where Zorblio or its affiliates operate facilities.\n",
     "…and in any other jurisdiction where Zorblio…", "…and in any other country where Zorblio…"),
    ("## Requests\n\nRequests to Quibly are considered case by case and are subject to legal requirements and "
     "adequate identity verification.\n",
     "## Requests\n\nRequests to Quibly are considered case by case and are subject to legal requirements and, in "
     "some cases, verification.\n",
     "…subject to legal requirements and, in some cases, verification",
     "…subject to legal requirements and adequate identity verification"),
])
def test_a_word_swap_is_quoted_as_the_phrase_it_sits_in(old, new, now, was):
    a = compare(old, new)
    (c,) = _material(a)
    assert f"“{now}” instead of “{was}”" in c.explanation
    assert "“…other jurisdiction…”" not in a.summary and "“…some cases" not in a.summary


@pytest.mark.parametrize("explanation,before,after,expected", [
    ("Now says “…the fee…” instead of “…a fee…” (pricing)", "Zorblio charges a fee of 5 percent for each transfer.",
     "Zorblio charges the fee of 5 percent for each transfer.",
     "Now says “Zorblio charges the fee…” instead of “Zorblio charges a fee…” (pricing)"),
    ("Now says “…le Membre…” instead of “…l’Utilisateur…” (usage-rules)",
     "En cas de litige, l’Utilisateur doit contacter le service client avant toute action.",
     "En cas de litige, le Membre doit contacter le service client avant toute action.",
     "Now says “…le Membre doit contacter…” instead of “…l’Utilisateur doit contacter…” (usage-rules)"),
    ("Now says “…die Nutzer…” instead of “…die Kunden…” (other)",
     "Wir können die Kunden jederzeit per E-Mail über Änderungen informieren.",
     "Wir können die Nutzer jederzeit per E-Mail über Änderungen informieren.",
     "Now says “Wir können die Nutzer jederzeit per E-Mail…” instead of “Wir können die Kunden jederzeit per "
     "E-Mail…” (other)"),
    # the second sentence of an explanation too
    ("New watch-out: Zorblio may close idle accounts (termination); Now says “…the fee…” instead of “…a fee…” (pricing)",
     "Zorblio charges a fee of 5 percent for each transfer.", "Zorblio charges the fee of 5 percent for each transfer.",
     "New watch-out: Zorblio may close idle accounts (termination); Now says “Zorblio charges the fee…” instead of "
     "“Zorblio charges a fee…” (pricing)"),
    # two quotes alike say no change: the changed words quoted (a renumbering beside them left out)
    ("Now says “Flumbo pourra garder le Produit tant que le Vendeur…” instead of “Flumbo pourra garder le Produit tant "
     "que le Vendeur…” (refunds)",
     "**8.3** Flumbo pourra garder le Produit tant que le Vendeur n'aura pas payé la Commission et remboursé les frais "
     "de transport du Produit pour son retour au Vendeur.",
     "**8.2** Flumbo pourra garder le Produit tant que le Vendeur n'aura pas remboursé tous les frais de retour.",
     "Now says “…le Vendeur n'aura pas remboursé tous les frais de retour” instead of “…le Vendeur n'aura pas payé la "
     "Commission et remboursé les frais de transport du Produit…” (refunds)"),
    # a value is read alone: kept
    ("Now says “17” instead of “16” (8 times) (other)", "Version 16.", "Version 17.",
     "Now says “17” instead of “16” (8 times) (other)"),
])
def test_a_fragment_quote_grows_to_its_phrase_in_any_language(explanation, before, after, expected):
    from tracker.analysis.wording import readable_quotes

    assert readable_quotes(explanation, before, after) == expected


def test_a_new_clause_said_by_a_piece_of_it_is_said_whole():
    from tracker.analysis.wording import new_clause_whole

    after = ("We hope it never comes to this, but Flumbo can, without notice, limit, suspend, or end your Service for "
             "any good cause.")
    out = new_clause_whole("Now also says: “hope it never comes…” (termination)", after)
    assert out.startswith("New: We hope it never comes to this, but Flumbo can, without notice") and \
        out.endswith("(termination)")
    # a whole phrase that starts the clause stays as it is
    said = "Now also says: “Flumbo may end your Service for any good cause” (termination)"
    assert new_clause_whole(said, "Flumbo may end your Service for any good cause, without notice.") == said


def test_a_change_is_placed_under_the_nearest_heading_a_reader_sees():
    # a page whose sections are bold lines under one Markdown heading: each change is in its own section
    head = "Contents of these Terms\n-----------------------\n\n"
    old = head + ("**1\\. Accounts.**\n\nYou must keep your Zorblio password safe.\n\n"
                  "**2\\. Permitted Use**\n\nThe Hobby plan is for personal use.\n")
    new = head + ("**1\\. Accounts.**\n\nYou must keep your Zorblio password safe.\n\n"
                  "**2\\. Permitted Use**\n\nThe Hobby plan is for personal use.\n\n"
                  "Zorblio may suspend any account that shares its password with others.\n")
    added = [c for c in compare(old, new).changes if c.kind == "added"]
    assert added and all(c.heading == "2. Permitted Use" for c in added)


# -- debris a quote must never carry -------------------------------------------------------------------
@pytest.mark.parametrize("raw,clean", [
    ("Now also says: “…such courts for such matters./span>” (jurisdiction)",
     "Now also says: “…such courts for such matters.” (jurisdiction)"),
    ("New:; Any such behaviour may result in suspension. (termination)",
     "New: Any such behaviour may result in suspension. (termination)"),
    ("Now says “; and we may sell it” instead of “we keep it” (privacy)",
     "Now says “and we may sell it” instead of “we keep it” (privacy)"),
])
def test_tag_debris_and_stray_marks_are_not_quoted(raw, clean):
    assert clean_explanation(raw) == clean


def test_a_value_never_replaces_itself():
    from tracker.analysis.wording import refine

    old = "## Data\n\nQuibly keeps your messages for 12 months.\n"
    a = compare(old, old.replace("12 months", "6 months"))
    (change,) = _material(a)
    same = replace(change, explanation="The retention period is now 18 months instead of 18 months: « 18 mois » (privacy)")
    (said,) = refine([same])
    assert "instead of 18 months" not in said.explanation and "still 18 months" in said.explanation


def test_a_new_row_is_said_without_a_question_header_or_a_bare_section_label():
    old = "# Quibly Terms\n\n## Overview\n\nThese terms apply to Quibly.\n"
    new = old + ("\n| Section | What can you find there? |\n| --- | --- |\n| J. Quibly Assist | These are the terms "
                 "that apply when you use Quibly Assist, and you must not resell its answers. |\n")
    a = compare(old, new)
    (change,) = _material(a)
    for text in (change.explanation, a.summary):
        assert "What can you find there" not in text and "Section:" not in text, text
        assert "J. Quibly Assist" in text, text


# -- a changed value labelled by a heading that says nothing ------------------------------------------
_STORE = "# Parcelon Storage Terms\n\n{head}\n\nIf you fail to collect your stored items within {days} days after " \
         "termination, then we may dispose of them.\n\nOther text here that stays.\n"


@pytest.mark.parametrize("head", ["## T", "## 3.", "**3.**", "## 10\\.", "## (b)"])
def test_a_value_is_never_labelled_by_a_bare_letter_number_or_the_documents_title(head):
    a = compare(_STORE.format(head=head, days=30), _STORE.format(head=head, days=14))
    (c,) = _material(a)
    for said in (c.explanation, a.summary):
        assert not re.match(r"^(?:[A-Za-z]|\(?[a-z0-9]\)|\d+\\?\.?|Parcelon Storage Terms):", said), said
        assert "14 days" in said and "30 days" in said, said
    assert c.explanation.startswith("Now says “…stored items within 14 days after termination…” instead of "
                                    "“…stored items within 30 days"), c.explanation


def test_a_value_keeps_a_heading_that_names_its_section_without_its_number():
    a = compare(_STORE.format(head="## 10\\. Item collection", days=30),
                _STORE.format(head="## 10\\. Item collection", days=14))
    (c,) = _material(a)
    assert c.explanation.startswith("Item collection: within 30 days → within 14 days"), c.explanation


# -- a changed law beside a new way of settling disputes, in French and German ---------------------------
_LAW_FR = "# Conditions de Wrenfield\n\n## 2. Remboursements\n\nVous pouvez demander un remboursement dans les {d} " \
          "jours suivant un paiement.\n\n## 9. Droit applicable et litiges\n\n{law}\n"
_LAW_DE = "# Bedingungen von Wrenfield\n\n## 2. Erstattungen\n\nSie können innerhalb von {d} Tagen nach einer Zahlung " \
          "eine Erstattung verlangen.\n\n## 9. Anwendbares Recht und Streitigkeiten\n\n{law}\n"


@pytest.mark.parametrize("doc, old, new, lead, quoted, law", [
    (_LAW_FR, "Les présentes conditions sont régies par le droit belge.",
     "Les présentes conditions sont régies par le droit luxembourgeois, et tout litige sera tranché par voie "
     "d'arbitrage contraignant.", "New binding arbitration: …tout litige sera tranché", "arbitrage",
     "Luxembourg instead of Belgium"),
    (_LAW_FR, "Les présentes conditions sont régies par le droit belge, et tout litige sera porté devant les "
     "tribunaux de Bruxelles.",
     "Les présentes conditions sont régies par le droit luxembourgeois, et tout litige sera tranché par arbitrage "
     "à Luxembourg, et vous renoncez à toute action collective.", "New class-action waiver: …vous renoncez",
     "action collective", "Luxembourg instead of Belgium"),
    (_LAW_DE, "Diese Bedingungen unterliegen österreichischem Recht, und für alle Streitigkeiten sind die Gerichte "
     "in Wien zuständig.",
     "Diese Bedingungen unterliegen Schweizer Recht, und alle Streitigkeiten werden durch ein Schiedsgericht in "
     "Zürich endgültig entschieden.", "New binding arbitration: …alle Streitigkeiten werden", "Schiedsgericht",
     "Switzerland instead of Austria"),
    (_LAW_DE, "Diese Bedingungen unterliegen dem Recht der Republik Österreich.",
     "Diese Bedingungen unterliegen dem Recht der Schweiz, und alle Streitigkeiten werden durch ein verbindliches "
     "Schiedsverfahren beigelegt.", "New binding arbitration: …alle Streitigkeiten werden", "Schiedsverfahren",
     "Schweiz instead of Österreich"),
])
def test_a_foreign_changed_law_beside_a_new_arbitration_leads_with_the_arbitration(doc, old, new, lead, quoted, law):
    a = compare(doc.format(d=30, law=old), doc.format(d=7, law=new))
    c = next(c for c in a.changes if "Schied" in (c.after or "") or "arbitrage" in (c.after or ""))
    assert a.summary.startswith(lead), a.summary
    # the watch-out is quoted from its own clause, never from the law's subject
    assert quoted in c.explanation.split("; ")[0] and "régies" not in c.explanation.split("; ")[0] \
        and "unterliegen" not in c.explanation.split("; ")[0], c.explanation
    # the law is said changed, and the courts' city is never said to be the arbitration's
    assert law in c.explanation, c.explanation
    assert "court is now in Zürich" not in c.explanation, c.explanation


def test_an_english_law_named_by_its_adjective_is_said_changed():
    doc = "# Wrenfield Terms\n\n## 9. Law\n\n{law}\n"
    a = compare(doc.format(law="These terms are governed by English law."),
                doc.format(law="These terms are governed by Irish law, and any dispute arising from them will be "
                               "settled by binding arbitration."))
    assert a.summary.startswith("New binding arbitration: …any dispute arising from them will be settled"), a.summary
    (c,) = _material(a)
    # said from the facts ("Irish law instead of English law") or by the law sentence
    assert ("Irish law instead of English law (governing-law)" in c.explanation
            or "the law of Ireland instead of England (governing-law)" in c.explanation), c.explanation


# -- the words around a renamed party are not part of its name ------------------------------------------
@pytest.mark.parametrize("raw, said", [
    ("The contracting party is now NEITHER ZESTRA HOLDINGS INC instead of NEITHER QL (other)",
     "The contracting party is now ZESTRA HOLDINGS INC instead of QL (other)"),
    ("The contracting party is now Zestra Holdings Inc. Any instead of QL. Any (other)",
     "The contracting party is now Zestra Holdings Inc. instead of QL (other)"),
    ("The contracting party is now YOU AGREE THAT ZESTRA INC instead of YOU AGREE THAT QL (other)",
     "The contracting party is now ZESTRA INC instead of QL (other)"),
    ("The contracting party is now Zestra Corp. instead of Quibly, Inc. (other)",
     "The contracting party is now Zestra Corp. instead of Quibly, Inc. (other)"),
])
def test_a_new_contracting_party_is_named_without_the_words_around_it(raw, said):
    from tracker.analysis.wording import party_alone

    assert party_alone(raw) == said


# -- "reworded" only when nothing else is said -----------------------------------------------------------
@pytest.mark.parametrize("old, new, kept, gone", [
    ("When you create a Quibly account, we require your mobile phone number or your Fotogram handle.",
     "When you create a Quibly account, we require your mobile phone number.", "mobile phone number", "Fotogram"),
    ("We answer every request from people using their data rights in accordance with applicable data laws.",
     "We answer every request from people using their data rights regardless of where they live.",
     "regardless of where", "applicable data laws"),
])
def test_a_change_of_scope_is_never_said_to_keep_its_meaning(old, new, kept, gone):
    from tracker.analysis.wording import reworded_said

    said = reworded_said("Reworded without a change of meaning", old, new)
    assert said.startswith("Now reads “") and kept in said and gone in said.split("(was", 1)[1], said


@pytest.mark.parametrize("old, new", [
    ("Please contact the organisation’s administrator for details.",
     "Please contact your organisation’s administrator for details."),
    ("You can cancel your Quibly plan at any time.", "You can cancel your Quibly plan whenever you like."),
])
def test_a_rewording_of_the_same_words_stays_a_rewording(old, new):
    from tracker.analysis.wording import reworded_said

    assert reworded_said("Reworded without a change of meaning", old, new) == "Reworded without a change of meaning"


# -- quotes that open inside a parenthesis; a pronoun promises nothing ------------------------------------
def test_a_quote_never_opens_inside_a_parenthesis_it_closes():
    said = clean_explanation("Now also says: “Beta Terms”) if you reach the Service through a Zorblio Team plan…” "
                             "(subscription)")
    assert said == "Now also says: “…if you reach the Service through a Zorblio Team plan…” (subscription)", said
    inner = "Now says “…our affiliate, Zestra LLC (“Zestra”), use…” instead of “…our affiliate, Quibly (“Quibly”), use…”"
    assert clean_explanation(inner) == inner


def test_what_a_licence_does_not_give_is_no_promise_of_the_provider():
    assert promise_withdrawn("This does not give Zorblio any ownership in that content.") == ""
    assert promise_withdrawn("Zorblio does not sell your personal data.").startswith("No longer promises not to sell")
    a = compare("## Your content\n\nYou grant Zorblio a licence to host your content. This does not give Zorblio any "
                "ownership in that content.\n",
                "## Your content\n\nYou grant Zorblio a licence to host your content.\n")
    assert not any(c.explanation.startswith("No longer promises") for c in a.changes), [c.explanation for c in a.changes]


# -- an item of a list of the user's rights is no watch-out against them ----------------------------------
def test_an_item_of_a_list_of_rights_is_not_a_critical_watch_out():
    old = "## Your privacy rights\n\nThese may include rights to:\n\n* Access your personal data\n\n## Selling\n\n" \
          "Zorblio does not sell personal data.\n"
    new = old.replace("* Access your personal data\n", "* Access your personal data\n* Opt out of targeted advertising\n")
    a = compare(old, new)
    item = next(c for c in a.changes if "Opt out" in (c.after or ""))
    assert item.severity != "critical", (item.severity, item.explanation)
    assert "data use" not in a.summary, a.summary


def test_a_quote_never_starts_inside_a_word():
    from tracker.analysis.wording import whole_word_quotes

    old = "This licence doesn’t affect your privacy rights – it’s only about your creative rights."
    new = "This licence doesn’t affect your data rights – it’s only about your creative rights."
    said = whole_word_quotes("Now says “…t affect your data rights…” instead of “…t affect your privacy rights…”", old, new)
    assert said == "Now says “…doesn’t affect your data rights…” instead of “…doesn’t affect your privacy rights…”", said


def test_a_right_of_the_user_taken_away_is_no_good_news():
    old = "## Upgrades\n\nYou may terminate your subscription to the Zorblio Upgrade at any time and you will not be " \
          "obligated to pay any additional fees for upcoming subscription renewal periods.\n\nUpgrades are billed monthly.\n"
    a = compare(old, "## Upgrades\n\nUpgrades are billed monthly.\n")
    said = [c.explanation for c in a.changes if c.kind == "removed"]
    assert said and all("good news" not in e and not e.startswith("Removed watch-out") for e in said), said
    assert said[0].startswith("Removed right for users: You may terminate"), said


def test_a_headline_never_stops_at_a_semicolon_inside_a_list_of_cells():
    from tracker.analysis.headline import headline

    from tracker.records import ClauseChange

    c = ClauseChange(kind="modified", clause_id="x/p1", heading="", before="a", after="b", material=True,
                     severity="material", categories=("privacy",),
                     explanation="users; content added to “Categories of data we use…” for Measurement, analytics "
                                 "and reports about the Zorblio products (privacy)")
    other = replace(c, explanation="Now also covers: your selfie video (privacy)")
    line = headline([c, other])
    assert not line.startswith("Users,") and "added to" in line, line


def test_a_table_cell_never_opens_on_a_stray_mark():
    said = clean_explanation("New row: Registration of Zorblio bikes; . Legal obligation (privacy)")
    assert said == "New row: Registration of Zorblio bikes; Legal obligation (privacy)", said


def test_an_item_under_a_heading_that_leads_it_in_is_said_with_it():
    old = "## 3. Without our written consent, you are not allowed to:\n\n* Visit the Zorblio Services with bots.\n"
    new = old + ("* Use any content, data, or text in any form in the Services for text or data mining purposes, or "
                 "develop or train any application, software, code, or data models including but not limited to "
                 "generative artificial intelligence models irrespective of purpose.\n")
    a = compare(old, new)
    assert not any(":;" in c.explanation for c in a.changes), [c.explanation for c in a.changes]
    # the heading is the item's lead-in: said with it, its "not" kept in the headline
    assert a.summary.startswith("New item under “…you are not allowed to”: Use any content"), a.summary


# -- an imprint's host or publisher is named in its role -------------------------------------------
@pytest.mark.parametrize("base,roles", [
    ("# Mentions légales\n\nLe site zorblio.fr est édité par la société {pub}, immatriculée au RCS de Paris.\n\n"
     "## Hébergeur\n\nLe site est hébergé par {host}.\n", ("publisher", "host")),
    ("# Imprint\n\nPublisher: {pub}\n\nOur website is hosted by {host} in Frankfurt.\n", ("publisher", "host")),
    ("# Impressum\n\nHerausgeber: {pub}\n\nHosting: Die Website wird gehostet von {host}.\n", ("publisher", "host")),
])
def test_a_new_host_or_publisher_is_not_called_the_contracting_party(base, roles):
    a = compare(base.format(pub="Zorblio SAS", host="Nuvola Hosting SARL"),
                base.format(pub="Quibly Europe SA", host="Cloudara Inc."))
    said = [c.explanation for c in a.changes if c.material]
    assert any(e.startswith(f"The {roles[0]} is now Quibly Europe SA instead of Zorblio SAS") for e in said), said
    assert any(e.startswith(f"The {roles[1]} is now Cloudara Inc. instead of Nuvola Hosting SARL") for e in said), said
    assert not any("contracting party" in e for e in said)


def test_a_contracting_party_stays_one():
    base = "# Terms\n\n## Parties\n\nThe contracting party for all users is {pub}, the company that hosts nothing.\n"
    a = compare(base.format(pub="Zorblio SAS"), base.format(pub="Quibly Europe SA"))
    assert any(c.explanation.startswith("The contracting party is now Quibly Europe SA") for c in a.changes)


@pytest.mark.parametrize("old,new,said", [
    ("# Mentions légales\n\n## Éditeur\n\nLe site est édité par Zorblio SAS.\n\n## Hébergement\n\nLe site est "
     "hébergé par Nuvola Hosting SARL, 4 avenue du Port, 13002 Marseille.\n\n## Propriété\n\nTous les contenus "
     "sont protégés.\n",
     "# Mentions légales\n\n## Éditeur\n\nLe site est édité par Zorblio SAS.\n\n## Hébergement\n\nLe site est "
     "hébergé par Cloudara Inc., 500 Market Street, San Francisco.\n\n## Propriété\n\nTous les contenus "
     "sont protégés.\n",
     # one host line in place of another: the change of host it is
     ("The host is now Cloudara Inc. instead of Nuvola Hosting SARL", "The host was Nuvola Hosting SARL (now "
      "Cloudara Inc.)")),
    ("# Impressum\n\nAngaben gemäß § 5 TMG\n\nZorblio GmbH\nBlumenweg 3\n10115 Berlin\n\n## Haftung\n\nWir haften "
     "nicht für Inhalte Dritter.\n",
     "# Impressum\n\nAngaben gemäß § 5 TMG\n\nQuibly AG\nSeestraße 9\n80331 München\n\n## Haftung\n\nWir haften "
     "nicht für Inhalte Dritter.\n",
     ("The company named is now Quibly AG instead of Zorblio GmbH", "The company named was Zorblio GmbH (now Quibly AG)")),
])
def test_a_replaced_host_or_imprint_company_is_said_not_called_contact_details(old, new, said):
    a = compare(old, new)
    explanations = [c.explanation for c in a.changes]
    for s in said:
        assert any(e.startswith(s) for e in explanations), explanations
    assert not any("without legal effect" in e or e.startswith("A fragment without a verb, not a term: Quibly")
                   for e in explanations)


@pytest.mark.parametrize("old_name,new_name", [("Nuvola Hosting", "GitHub Pages"), ("Nuvola Hosting", "Netlify")])
@pytest.mark.parametrize("base,role", [
    ("# Imprint\n\nPublisher: Zorblio SAS\n\nOur website is hosted by {host} in Frankfurt.\n", "host"),
    ("# Mentions légales\n\nLe site est édité par Zorblio SAS.\n\n## Hébergement\n\nLe site est hébergé par {host}.\n"
     "\n## Propriété\n\nTous les contenus sont protégés.\n", "host"),
    ("# Legal notice\n\nThis website is published by {host} for its members.\n\n## Use\n\nYou may not resell "
     "the service.\n", "publisher"),
])
def test_a_host_or_publisher_without_a_legal_form_replaced_is_said_in_its_role(base, role, old_name, new_name):
    a = compare(base.format(host=old_name), base.format(host=new_name))
    said = [c.explanation for c in a.changes]
    assert f"The {role} is now {new_name} instead of {old_name}" in said, said
    assert not any(e.startswith(("Only a name changed", "A name changed")) or "without legal effect" in e
                   for e in said), said
    # the version's line names it too, though no term changed
    assert a.summary == f"The {role} is now {new_name} instead of {old_name}", a.summary


def test_a_name_near_the_word_publish_is_no_publisher():
    old = ("# Mirror Terms\n\n## Publishing\n\nGames you publish on the Mirror are yours.\n\nRevenue from games you "
           "publish on the Mirror is paid monthly.\n\nThe Mirror may remove games.\n")
    a = compare(old, old.replace("Mirror", "Platform"))
    assert not any("publisher" in c.explanation for c in a.changes), [c.explanation for c in a.changes]
    assert "publisher" not in a.summary


def test_a_host_line_replaced_by_another_is_one_change_of_host():
    old = ("# Legal notice\n\nThis website is published by Zorblio SAS.\n\nIt is hosted by Nuvola Hosting, 4 avenue "
           "du Port, Marseille.\n\n## Terms\n\nYou may not resell the service.\n")
    new = old.replace("Nuvola Hosting, 4 avenue du Port, Marseille", "Netlify, 44 Montgomery Street, San Francisco")
    a = compare(old, new)
    said = [c.explanation for c in a.changes]
    assert "The host is now Netlify instead of Nuvola Hosting" in said, said
    assert not any("without legal effect" in e for e in said), said


def test_a_headline_names_the_new_host_before_a_minor_line_removed():
    old = ("# Legal notice\n\nThis website is published by Zorblio SAS.\n\nIt is hosted by Nuvola Hosting in "
           "Frankfurt.\n\n## Privacy\n\nWe keep your order history for billing.\n\nWe share your e-mail address "
           "with our delivery partners so they can reach you.\n")
    new = old.replace("Nuvola Hosting", "GitHub Pages").replace(
        "We share your e-mail address with our delivery partners so they can reach you.\n", "")
    a = compare(old, new)
    assert a.summary.startswith("The host is now GitHub Pages instead of Nuvola Hosting, and 1 more"), a.summary
    # a promise withdrawn stays the news
    promise = old + "\nWe do not sell your personal data to anyone.\n"
    b = compare(promise, new)
    assert b.summary.startswith("Drops its promise not to sell"), b.summary


def test_added_text_naming_a_publisher_is_not_without_legal_effect():
    from tracker.analysis.wording import imprint_said

    out = imprint_said("Added text without legal effect: Directeur de la publication : Anna Beispiel, Quibly SA",
                       "added", "", "Directeur de la publication : Anna Beispiel, Quibly SA")
    assert out == "Names a new publisher: Directeur de la publication : Anna Beispiel, Quibly SA"
    # no company, no role: as it was
    plain = "Added text without legal effect: Thank you for reading."
    assert imprint_said(plain, "added", "", "Thank you for reading.") == plain


# -- a postal address or contact line is no section ------------------------------------------------
@pytest.mark.parametrize("heading", ["25th Floor", "Suite 400", "1 Fictional Lane, London", "12 rue des Lilas",
                                     "Blumenweg 3", "Seestraße 9, 80331 München", "10115 Berlin",
                                     "San Francisco, CA 94103", "Tel: +33 1 23 45 67 89", "privacy@zorblio.example",
                                     "**Quibly GmbH**", "Zorblio Ltd, 12 Quay Street, Galway H91 X2Y3",
                                     # a street of four words before its "St", a state and ZIP code alone, a
                                     # company with a comma before its suffix, a web address alone
                                     "77 Ada M. Quill Jr. St", "CA 94107", "OR 97201-1234", "Zorblio, Inc",
                                     "Quibly, LLC", "https://www.quibly-hosting.example", "www.zorblio.example"])
def test_an_address_line_is_no_section_title(heading):
    from tracker.analysis.rendering import address_line, section_label

    assert address_line(heading)
    assert section_label(heading, "Credits expire after 6 months.", "x/p2") == "Introduction"


@pytest.mark.parametrize("heading", ["8.3 Credits", "Governing Law", "12. Governing Law", "2026 Updates",
                                     "3 Ways We Use Your Data", "Contact us", "Email communications",
                                     "Zorblio Inc. Terms of Service", "30 Days Money Back", "Data Protection Officer"])
def test_a_section_title_is_no_address(heading):
    from tracker.analysis.rendering import address_line

    assert not address_line(heading)


@pytest.mark.parametrize("old,new,address", [
    ("# Flumbo AGB\n\n## 2. Gebühren\n\nDie Gebühren sind monatlich.\n\n### Seestraße 9, 80331 München\n\nGuthaben "
     "verfällt nach 12 Monaten.\n",
     "# Flumbo AGB\n\n## 2. Gebühren\n\nDie Gebühren sind monatlich.\n\n### Seestraße 9, 80331 München\n\nGuthaben "
     "verfällt nach 12 Monaten.\n\nWir dürfen Ihr Konto jederzeit ohne Angabe von Gründen sperren.\n", "Seestraße"),
    ("# Zorblio Terms\n\n## Fees\n\nFees are charged monthly.\n\n## 1 Fictional Lane, London\n\nYou may cancel at any "
     "time.\n",
     "# Zorblio Terms\n\n## Fees\n\nFees are charged monthly.\n\n## 1 Fictional Lane, London\n\nYou may cancel at any "
     "time.\n\nWe may close your account at any time without notice or reason.\n", "Fictional Lane"),
])
def test_a_change_under_an_address_line_is_not_placed_in_it(old, new, address):
    from tracker.cli.output import diff_lines

    a = compare(old, new)
    (c,) = _material(a)
    assert c.to_dict()["section"] is None
    assert address not in a.summary and address not in c.explanation
    assert not any(address in line for line in diff_lines(a.changes, color=False))


def test_a_value_is_not_labelled_by_an_address_line():
    from tracker.analysis.wording import value_under_heading

    said = value_under_heading("Zorblio Ltd, 12 Quay Street, Galway: 12 months → 6 months (refunds)",
                               "**Zorblio Ltd, 12 Quay Street, Galway**", "x/p3", "Credits last 12 months.",
                               "Credits last 6 months.")
    assert "Quay Street" not in said and "6 months" in said and "12 months" in said


# -- a table of contents is no regrouped text ------------------------------------------------------
_TOC_BODY = {
    "en": "## 1. Accounts\n\nYou must keep your password safe.\n\n## 2. Fees\n\nFees are charged monthly.\n\n"
          "## 3. Termination\n\nWe may close your account if you break these terms.\n",
    "fr": "## 1. Comptes\n\nVous devez protéger votre mot de passe.\n\n## 2. Frais\n\nLes frais sont mensuels.\n\n"
          "## 3. Résiliation\n\nNous pouvons fermer votre compte.\n",
    "de": "## Konto\n\nSie müssen Ihr Passwort schützen.\n\n## Gebühren\n\nDie Gebühren sind monatlich.\n\n"
          "## Kündigung\n\nWir können Ihr Konto schließen.\n",
}


@pytest.mark.parametrize("lang,old_toc,new_toc,how", [
    ("en", "Contents\n\n- [1. Accounts](#accounts)\n- [2. Fees](#fees)\n- [3. Termination](#termination)\n\n", "",
     "removed"),
    ("en", "Table of contents\n\n1. Accounts\n2. Fees\n3. Termination\n\n", "", "removed"),
    ("en", "Contents\n\n- [1. Accounts](#accounts)\n- [2. Fees](#fees)\n- [3. Termination](#termination)\n\n",
     "Table of contents\n\n1. Accounts\n2. Fees\n3. Termination\n\n", "rebuilt"),
    ("fr", "Sommaire\n\n1. Comptes\n2. Frais\n3. Résiliation\n\n", "", "removed"),
    ("de", "", "Inhaltsverzeichnis\n\n* [Konto](#konto)\n* [Gebühren](#gebuehren)\n* [Kündigung](#kuendigung)\n\n",
     "added"),
])
def test_a_table_of_contents_removed_or_rebuilt_is_said_so(lang, old_toc, new_toc, how):
    title = "# Quibly Terms\n\n"
    a = compare(title + old_toc + _TOC_BODY[lang], title + new_toc + _TOC_BODY[lang])
    assert not a.material and a.changes
    said = [c.explanation for c in a.changes]
    assert all(e.startswith("Table of contents") and e.endswith(", not a term") for e in said), said
    assert any(f"entry {how}: “" in e for e in said), said
    assert a.severity == "cosmetic" and {c.severity for c in a.changes} == {"cosmetic"}, a.changes
    assert not any("regrouped" in e or "link targets" in e for e in said)


def test_a_table_of_contents_entry_said_not_a_term_is_cosmetic():
    # nu43 (a site menu rebuilt): "Table of contents: entry added: “## Ceph”, not a term" was minor,
    # and made the whole version minor while every one of its lines said "not a term"
    from tracker.analysis.wording import toc_said
    from tracker.records import ClauseChange

    rebuilt = [ClauseChange("modified", f"x/p{i}", t, f"## [{t}](#) [{t}](#)", f"## [{t}](/{t.lower()}) [{t}](#)",
                            False, "cosmetic", (), "Only link targets changed", "links-only")
               for i, t in enumerate(["Storage", "Compute", "Docs"])]
    added = ClauseChange("added", "x/p9", "Ceph", None, "## [Ceph](/ceph) [Ceph](#)", False, "minor", (),
                         "New heading: Ceph", "links-only")
    said = toc_said([*rebuilt, added])
    assert said[-1].explanation == "Table of contents: entry added: “## Ceph Ceph”, not a term", said[-1]
    assert {c.severity for c in said} == {"cosmetic"} and not any(c.material for c in said)


def test_a_moved_list_of_short_items_is_no_table_of_contents():
    from tracker.analysis.wording import toc_said
    from tracker.records import ClauseChange

    changes = [ClauseChange("removed", f"x/p{i}", "Data we collect", f"- {t}", None, False, "cosmetic", (),
                            "The same words, only regrouped (merged, split or moved)", "regrouped")
               for i, t in enumerate(["Phone numbers", "Email addresses", "Postal addresses"])]
    assert toc_said(changes) == changes


def test_a_one_sided_quote_opening_inside_a_bracket_is_read_from_before_it():
    from tracker.analysis.wording import readable_one_side

    out = readable_one_side("Now reads: “…case) (i) notifying us, pursuant to the Program Materials…” (privacy)",
                            "You may end the Zorblio program (in which case you must stop using the data) by notifying "
                            "us in writing.",
                            "You may end the Zorblio program (in which case) (i) notifying us, pursuant to the Program "
                            "Materials or via other mutually agreed means.")
    assert out.startswith("Now reads: “…Zorblio program (in which case) (i) notifying us") or \
        out.startswith("Now reads: “…the Zorblio program (in which case)"), out
    kept = "Now also says: “…by posting the amended terms and updating the date above” (terms-changes)"
    assert readable_one_side(kept, "Quibly may amend these terms.", "Quibly may amend these terms by posting the "
                             "amended terms and updating the date above.") == kept


def test_a_new_clause_split_off_mid_sentence_is_quoted_as_a_piece():
    from tracker.analysis.wording import refine
    from tracker.records import ClauseChange

    c = ClauseChange("added", "x/p4", "Rules", None, "fraud, threats, doxing, etc., are not allowed on Quibly.", True,
                     "material", ("usage-rules",), "New: fraud, threats, doxing, etc., are not allowed on Quibly. "
                     "(usage-rules)")
    assert refine([c])[0].explanation.startswith("New: …fraud, threats")


def test_a_clause_opening_on_a_lower_case_brand_is_no_piece():
    from tracker.analysis.wording import refine
    from tracker.records import ClauseChange

    c = ClauseChange("added", "x/p4", "Returns", None, "zBay may collect the cost of the return label.", True,
                     "material", ("payment",), "New: zBay may collect the cost of the return label. (payment)")
    assert refine([c])[0].explanation.startswith("New: zBay may collect")


def test_a_swap_quote_never_carries_a_list_marker_nor_shrinks():
    from tracker.analysis.wording import readable_quotes

    out = readable_quotes("Now says “we reasonably believe…” instead of “there are objective and concrete reasons to "
                          "believe…” (usage-rules)", "* there are objective and concrete reasons to believe that you "
                          "broke the Quibly rules;", "* we reasonably believe that you broke the Quibly rules;")
    assert "*" not in out
    kept = "Now says “Online Behavioural Advertising cookies…” instead of “OBA Cookies…” (privacy)"
    assert readable_quotes(kept, "* OBA Cookies: used by Zorblio partners.",
                           "* Online Behavioural Advertising cookies: used by Zorblio partners.") == kept


def test_a_swap_quote_cut_inside_a_bracket_is_re_quoted_without_it():
    from tracker.analysis.wording import readable_quotes

    out = readable_quotes("Now says “…the Units within fourteen (14) days (or as…” instead of “…the Units within thirty "
                          "(30) days (or as…” (termination)",
                          "You must collect the Zorblio Units within thirty (30) days (or as otherwise agreed) of the end.",
                          "You must collect the Zorblio Units within fourteen (14) days (or as otherwise agreed) of the end.")
    assert "(or as" not in out and "fourteen (14) days" in out and "thirty (30) days" in out, out


def test_a_sentence_linking_to_a_section_is_no_table_of_contents_entry():
    from tracker.analysis.wording import toc_said
    from tracker.records import ClauseChange

    said = "Added text without legal effect: We provide an opt-out as described in this policy."
    changes = [ClauseChange("added", "x/p1", "Contents", None, "Contents", False, "cosmetic", (),
                            "Page navigation or a banner, not a term", "page-chrome")] + \
        [ClauseChange("added", f"x/p{i}", "Contents", None, f"- [{t}](#{t.lower()})", False, "cosmetic", (),
                      "Only link targets changed", "links-only") for i, t in enumerate(["Fees", "Refunds"], 2)] + \
        [ClauseChange("added", "x/p9", "Contents", None, "We provide an [opt-out](#opt-out) as described in this policy.",
                      False, "minor", (), said)]
    out = toc_said(changes)
    assert out[-1].explanation == said and out[1].explanation.startswith("Table of contents: entry added")


# -- a lone small word is quoted as the phrase it sits in --------------------------------------------
def test_small_words_beside_a_new_name_are_quoted_as_their_phrase():
    old = ("# Terms\n\n## Fees\n\nQuibly and its partners may contact you about your order.\n\nQuibly sells shoes.\n\n"
           "Quibly ships worldwide.\n")
    a = compare(old, old.replace("Quibly and its", "Zestra, its").replace("Quibly", "Zestra"))
    said = [c.explanation for c in a.changes]
    assert "A name changed: Quibly → Zestra; also “Quibly and its” → “Zestra, its”" in said, said
    assert not any(re.search(r"“(?:and|the|of|or)”|Quibly and →", e) for e in said), said


@pytest.mark.parametrize("explanation,before,after,said", [
    ("A date changed; also no longer “and”", "Updated 1 May 2025: read the terms and conditions below.",
     "Updated 2 June 2025: read the terms conditions below.",
     "A date changed; also “terms and conditions” → “terms conditions”"),
    ("A name changed: Quibly → Zestra; also “the” → “our”", "Quibly and the partners apply.",
     "Zestra and our partners apply.", "A name changed: Quibly → Zestra; also “and the partners” → “and our partners”"),
])
def test_a_lone_function_word_is_never_quoted_alone(explanation, before, after, said):
    from tracker.analysis.wording import small_words_said

    assert small_words_said(explanation, before, after) == said
    # another explanation is left as it is
    assert small_words_said("Only a date changed", before, after) == "Only a date changed"


# -- a table of contents said one way; a new link is no link target changed -------------------------
_CONTENTS_BODY = ("\n\n## 1. Accounts\n\nYou must keep your password secret.\n\n## 2. Fees\n\nFees are charged monthly.\n\n"
             "## 3. Privacy\n\nWe keep your data for 30 days.\n\n## 4. Termination\n\nWe may close inactive accounts.\n")


def test_a_table_of_contents_is_labelled_one_way_in_one_diff():
    old = "# Zorblio Terms\n\n## Contents\n\n* [1. Accounts](#accounts)\n* [2. Fees](#fees)\n* [3. Privacy](#privacy)\n"
    new = "# Zorblio Terms\n\n## Contents\n\n* 1. Accounts\n* 2. Fees\n* 3. Privacy\n* 4. Termination\n"
    a = compare(old + _CONTENTS_BODY, new + _CONTENTS_BODY)
    said = [c.explanation for c in a.changes]
    assert said and all(e.startswith("Table of contents") for e in said), said
    assert not a.material


def test_a_new_link_line_is_not_said_as_a_link_target_changed():
    old = ("# Zorblio Terms\n\n## Related\n\n* [Privacy](/privacy)\n* [Cookies](/cookies)\n\n## Fees\n\n"
           "Fees are charged monthly.\n")
    new = old.replace("(/privacy)", "(/legal/privacy)").replace(
        "* [Cookies](/cookies)\n", "* [Cookies](/legal/cookies)\n* [Accessibility statement](/legal/a11y)\n")
    a = compare(old, new)
    said = {c.kind: c.explanation for c in a.changes}
    assert said["added"] == "New link, not a term: “Accessibility statement”", said
    assert said["modified"] == "Only link targets changed"  # the same words, another target
    assert not a.material


def test_link_said_names_new_and_changed_words():
    from tracker.analysis.wording import link_said

    assert link_said("removed", "* Old help centre", "") == "Link removed, not a term: “Old help centre”"
    assert link_said("modified", "Read the fee table.", "Read the seller fee rules.").startswith(
        "A link's words changed, not a term: now “")
    assert link_said("modified", "Read the fee table.", "Read the fee table.") == ""


# -- an elision never drops a "not" or a waiver --------------------------------------------------------
@pytest.mark.parametrize("clause,kept", [
    ("Notwithstanding the above, Quibly will not use audio, video or chat Customer Content to train our artificial "
     "intelligence models without your consent.", "will not use"),
    ("EACH OF THE PARTIES HERETO IRREVOCABLY WAIVES ANY AND ALL RIGHT TO TRIAL BY JURY OR TO PARTICIPATE IN A CLASS "
     "ACTION IN ANY LEGAL PROCEEDING ARISING OUT OF OR RELATING TO THESE TERMS OR THE TRANSACTIONS CONTEMPLATED "
     "HEREBY.", "WAIVES"),
])
def test_a_quote_never_leaves_out_the_words_that_turn_it(clause, kept):
    old = ("# Quibly Terms\n\n## 10. Content\n\n10.1 You own your content.\n\n## 11. Disputes\n\n11.1 These terms are "
           "governed by the laws of Ireland.\n")
    a = compare(old, old + "\n" + clause + "\n")
    said = [c.explanation for c in a.changes if c.material]
    assert said and all(kept in e for e in said), said
    assert kept in a.summary, a.summary  # the headline too


def test_an_elision_of_words_that_do_not_turn_the_sentence_stays():
    from tracker.analysis.wording import elision_kept

    text = "Any dispute arising in connection with this Policy must be filed in the state or federal courts of Dublin."
    said = "Removed: Any dispute … must be filed in the state or federal courts of Dublin (jurisdiction)"
    assert elision_kept(said, text) == said


# -- a user's right reworded is no watch-out removed -----------------------------------------------------
@pytest.mark.parametrize("old,new", [
    ("You can view your expired posts in your profile, and you can choose to delete expired posts from your profile.",
     "You can view your posts and you can choose to delete them from your profile."),
    ("You may terminate your subscription to the Upgrade at any time and you will not be obligated to pay any "
     "additional fees for upcoming subscription renewal periods.",
     "You may terminate your subscription to an Upgrade at any time, in which case you will not be charged for any "
     "future subscription renewal periods (though your current prepaid period will continue until its end)."),
])
def test_a_right_of_the_user_reworded_is_not_a_watch_out_removed(old, new):
    doc = "# Zorblio Terms\n\n## Your Posts and Upgrades\n\n{}\n\n## Fees\n\nFees are charged monthly.\n"
    a = compare(doc.format(old), doc.format(new))
    said = [c.explanation for c in a.changes]
    assert not any(e.startswith("Removed watch-out") or "good news" in e for e in said), said
    assert "good news" not in a.summary and not a.summary.endswith("”…"), a.summary


# -- words dropped or covered, quoted as the passage when the quote would mislead ----------------------
@pytest.mark.parametrize("explanation,before,after,now", [
    ("Drops “using” from: “…regular subscription price using a payment method…” (payment)",
     "Your Zorblio subscription continues at the regular subscription price using a payment method we have on "
     "record for you.", "Your Zorblio subscription continues at the regular subscription price.",
     "Now reads “…regular subscription price.” (was “…regular subscription price using a payment method"),
    ("Drops “file” from: “…we have on file…” (payment)",
     "If all payment methods we have on file for you are declined, your Zorblio plan ends.",
     "If all payment methods we have on record for you are declined, your Zorblio plan ends.",
     "Now reads “…we have on record for you are declined…” (was “…we have on file for you are declined…”)"),
    ("No longer covers: après, la « Période de Facturation (payment)",
     "L’Abonnement Quibly est facturé chaque année, puis à chaque date anniversaire (ci-après, la « Période de "
     "Facturation »).", "L’Abonnement Quibly est facturé chaque année, puis à chaque date anniversaire.",
     "No longer says: “(ci-après, la « Période de Facturation »)” (payment)"),
    ("Now also covers: Pre-GA Terms”) if you are accessing the Service through a Zorblio Workspace… (subscription)",
     "* the Zorblio Terms of Service (the “Universal Terms”);",
     "* the Zorblio Terms of Service (the “Universal Terms”), or Section 5 of the Zorblio Cloud Terms (“Pre-GA "
     "Terms”) if you are accessing the Service through a Zorblio Workspace account;", "Now reads “"),
])
def test_a_drop_or_scope_quote_that_would_mislead_is_said_as_the_passage(explanation, before, after, now):
    from tracker.analysis.wording import balanced_covers, readable_drops

    said = balanced_covers(readable_drops(explanation, before, after), before, after)
    assert said.startswith(now), said
    assert said.count("“") == said.count("”") and said.count("«") == said.count("»"), said
    assert said.count("(") == said.count(")"), said


def test_a_drop_of_a_whole_phrase_stays_a_drop():
    from tracker.analysis.wording import balanced_covers, readable_drops

    before = "We may share your data with Zorblio partners and advertising networks for marketing."
    after = "We may share your data with Zorblio partners for marketing."
    said = "Drops “and advertising networks” from: “…Zorblio partners and advertising networks for…” (privacy)"
    assert readable_drops(said, before, after) == said
    covers = "No longer covers: advertising networks (privacy)"
    assert balanced_covers(covers, before, after) == covers


def test_a_watch_out_reworded_a_little_is_no_new_watch_out():
    from tracker.analysis.wording import refine
    from tracker.records import ClauseChange

    old = ("OUR MAXIMUM LIABILITY HEREUNDER SHALL BE LIMITED TO (A IN THE CASE OF AN ONLINE ORDER, $100, AND (B) IN THE "
           "CASE OF NO ORDER NOR EXECUTED AGREEMENT, $0.")
    new = old.replace("HEREUNDER", "UNDER THIS ZORBLIO AGREEMENT").replace("(A IN", "(A) IN")
    c = ClauseChange(kind="modified", clause_id="b/1", heading="B. Limitation of Liability", before=old, after=new,
                     material=True, severity="critical", categories=("liability",),
                     explanation="New watch-out: OUR MAXIMUM LIABILITY … SHALL BE LIMITED TO (A) IN THE CASE OF AN "
                                 "ONLINE ORDER… (liability)")
    (said,) = refine([c])
    assert not said.explanation.startswith("New watch-out"), said.explanation
    assert said.explanation.startswith("Now reads “") and "UNDER THIS ZORBLIO AGREEMENT" in said.explanation
    assert said.material  # its flag stays
    # a clause that says something new stays a new watch-out
    grown = replace(c, after="WE MAY TERMINATE YOUR ACCOUNT AT ANY TIME FOR ANY REASON, AND OUR MAXIMUM LIABILITY "
                             "SHALL BE $0.")
    (kept,) = refine([grown])
    assert kept.explanation.startswith("New watch-out"), kept.explanation


@pytest.mark.parametrize("explanation,text,start", [
    ("Now also says: “Abonné Pro choisit d” (subscription)",
     "Si l'Abonné Pro choisit d'interrompre sa Période d'essai Quibly au cours de celle-ci, il peut :", "New: Si l'Abonné"),
    ("New: DOLLARS (USD $100) (liability)",
     "ZORBLIO'S TOTAL AGGREGATE LIABILITY FOR EARLY ACCESS FEATURES SHALL NOT EXCEED THE FEES PAID; PROVIDED, "
     "HOWEVER, THAT IT SHALL NOT EXCEED ONE HUNDRED DOLLARS (USD $100).", "New: ZORBLIO'S TOTAL AGGREGATE LIABILITY"),
])
def test_a_new_clause_said_by_a_piece_cut_inside_a_word_or_from_its_end_is_said_whole(explanation, text, start):
    from tracker.analysis.wording import new_clause_whole

    assert new_clause_whole(explanation, text).startswith(start)
    # a new clause quoted from its start stays
    assert new_clause_whole("New: Fees are charged monthly. (pricing)", "Fees are charged monthly.") == \
        "New: Fees are charged monthly. (pricing)"


def test_a_quote_keeps_the_word_that_makes_it_a_condition():
    from tracker.analysis.wording import condition_kept

    before = "If we begin to do so, Zorblio will update this notice and provide a mechanism to opt out of any such sale."
    after = ("If we do not provide an opt-out mechanism, it is because Zorblio does not believe that your personal "
             "information is being sold.")
    said = condition_kept("Now says “we do not provide an opt-out mechanism, it is because Zorblio…” instead of "
                          "“provide a mechanism to opt out of any such sale” (privacy)", before, after)
    assert said.startswith("Now says “If we do not provide an opt-out mechanism"), said
    plain = "Now says “Zorblio will update this notice” instead of “Zorblio may update this notice” (privacy)"
    assert condition_kept(plain, "Zorblio may update this notice.", "Zorblio will update this notice.") == plain


def test_words_a_relative_clause_said_are_no_scope():
    from tracker.analysis.wording import described_said

    before = "To pay you will need to set up a Zorblio Payments Account, which is free to set up and use."
    after = "To pay you will need to set up a Zorblio Payments Account."
    assert described_said("No longer covers: free to set up and use (payment)", before, after) == \
        "No longer says: “…which is free to set up and use” (payment)"
    scope = "No longer covers: yearly (subscription)"
    assert described_said(scope, "Plans renew monthly or yearly.", "Plans renew monthly.") == scope


def test_a_right_to_complain_removed_is_said_as_a_removed_right():
    from tracker.analysis.wording import refine
    from tracker.records import ClauseChange

    before = ("Vous avez le droit de déposer une plainte auprès de l’autorité de contrôle britannique compétente en "
              "matière de protection des données de Quibly.")
    c = ClauseChange(kind="removed", clause_id="t/1", heading="Transferts", before=before, after=None, material=True,
                     severity="material", categories=("privacy",),
                     explanation="No longer says: “…l’autorité de contrôle britannique compétente en matière de "
                                 "protection des…” (privacy)")
    (said,) = refine([c])
    assert said.explanation.startswith("Removed right for users: Vous avez le droit de déposer une plainte"), said
    assert "good news" not in said.explanation


# -- "Now also covers" names a thing ----------------------------------------------------------------
@pytest.mark.parametrize("explanation,before,after,said", [
    # words that say what kind of licence it is: a wider licence, not covered items
    ("Now also covers: non-exclusive unrestricted (content-rights)",
     "You grant Zorblio a licence to host your designs.",
     "You grant Zorblio a non-exclusive, unrestricted licence to host your designs.",
     "The licence is now also non-exclusive and unrestricted (content-rights)"),
    ("No longer covers: royalty-free, perpetual (content-rights)",
     "You give Quibly a royalty-free, perpetual right to show your photos.",
     "You give Quibly a right to show your photos.",
     "The right is no longer royalty-free and perpetual (content-rights)"),
    # a condition or a phrase put inside a sentence: the passage, now and before
    ("Now also covers: specified otherwise in the Specific Terms below (privacy)",
     "You and Quibly will each decide how the data is processed.",
     "Unless specified otherwise in the Specific Terms below, you and Quibly will each decide how the data is processed.",
     "Now reads “Unless specified otherwise in the Specific Terms below, you and Quibly"),
    ("Now also covers: certains cas (usage-rules)", "Nous pouvons vous demander une photo.",
     "Dans certains cas, nous pouvons vous demander une photo.",
     "Now reads “Dans certains cas, nous pouvons vous demander…” (was “Nous pouvons vous demander…”)"),
    ("Now also covers: bref délai (privacy)", "Zorblio garantit une anonymisation en supprimant toute donnée.",
     "Zorblio garantit une anonymisation en supprimant à bref délai toute donnée.",
     "Now reads “…anonymisation en supprimant à bref délai toute donnée.”"),
    ("Now also covers: information, sometimes in portable format (privacy)",
     "They give you the right to access and correct your information.",
     "They give you the right to access your information, sometimes in portable format, correct your information.",
     "Now reads “…right to access your information, sometimes in portable format, correct…”"),
    ("No longer covers: please follow these instructions (termination)",
     "If your account is closed by mistake, please follow these instructions on the help page.",
     "If your account is closed by mistake, learn how to ask us to restore it.",
     "Now reads “…closed by mistake, learn how to ask us to restore it.”"),
    ("Now also covers: licenses obtained (content-rights)", "Content means digital content obtained through the store.",
     "Content means digital content licenses obtained through the store.",
     "Now reads “…means digital content licenses obtained through the store.”"),
])
def test_a_covers_quote_that_names_no_thing_is_said_otherwise(explanation, before, after, said):
    from tracker.analysis.wording import covers_said

    assert covers_said(explanation, before, after).startswith(said), covers_said(explanation, before, after)


@pytest.mark.parametrize("explanation,before,after", [
    ("Now also covers: hashed email addresses (privacy)", "Identifiers include device IDs and IP address.",
     "Identifiers include device IDs, hashed email addresses and IP address."),
    ("Now also covers: numéro de téléphone (privacy)", "Le Membre met à jour son adresse électronique.",
     "Le Membre met à jour son adresse électronique et son numéro de téléphone."),
    ("Now also covers: yearly plans (subscription)", "Plans are billed monthly.", "Plans are billed monthly or yearly plans apply."),
    ("Now also covers: Zorblio Copilot features (ai-training)", "We use generative AI features.",
     "We use generative AI features such as Zorblio Copilot features."),
    ("Now also covers: automated, including via bots, or otherwise (usage-rules)",
     "Do not use the Services in any manner that could disrupt them.",
     "Do not use the Services in any manner (automated, including via bots, or otherwise) that could disrupt them."),
])
def test_a_covered_item_stays_said_as_one(explanation, before, after):
    from tracker.analysis.wording import covers_said

    assert covers_said(explanation, before, after) == explanation


def test_what_a_thing_will_not_do_is_no_promise_withdrawn():
    # "this will not affect ..." has a pronoun for its subject: no promise of the provider's
    old = ("# Privacy\n\n## Controls\n\nYou can change your choices in settings. We will apply your preferences going "
           "forward and this will not affect the lawfulness of the processing before you withdrew your consent.\n\n"
           "## Credits\n\nWe will refund unused credits within 30 days.\n")
    new = "# Privacy\n\n## Controls\n\nYou can change your choices in settings.\n"
    gone = next(c for c in compare(old, new).changes if "lawfulness" in (c.before or ""))
    assert not gone.explanation.startswith("No longer promises"), gone.explanation
    assert gone.severity != "critical"
    refund = next(c for c in compare(old, new).changes if "refund" in (c.before or ""))
    assert refund.explanation.startswith("No longer promises to refund unused credits"), refund.explanation
    assert refund.severity == "critical"


@pytest.mark.parametrize("before,after,said", [
    ("If we charge you for an order that was cancelled, we’ll refund you the full amount of that order.",
     "If you are charged for an order that was cancelled, you may seek a refund for the full amount of that order.",
     "No longer promises to refund you the full amount of that order"),
    ("Quibly will notify you by email before any price change.", "Quibly may notify you by email before any price change.",
     "No longer promises to notify you by email before any price change"),
])
def test_a_promise_made_a_possibility_is_a_promise_withdrawn(before, after, said):
    from tracker.analysis.wording import promise_weakened

    assert promise_weakened(before, after) == said
    a = compare(f"# Shop\n\n## Orders\n\nOrders ship in 3 days. {before}\n", f"# Shop\n\n## Orders\n\nOrders ship in 3 days. {after}\n")
    changed = next(c for c in a.changes if c.material)
    assert changed.explanation.startswith(said + "; now says “"), changed.explanation
    assert changed.severity == "critical" and a.summary.startswith(said)


@pytest.mark.parametrize("before,after", [
    ("We will refund you within 30 days.", "We will refund you within 14 days."),  # still a promise
    ("We’ll refund unused credits.", "Unused credits are kept on your account."),  # no "may": not a weaker wording
    ("You will notify us of any change.", "You may notify us of any change."),  # the user's duty, no promise
])
def test_a_promise_kept_or_no_promise_is_not_weakened(before, after):
    from tracker.analysis.wording import promise_weakened

    assert promise_weakened(before, after) == ""


def test_a_licence_granted_to_the_user_in_the_passive_voice_is_their_right():
    assert gives_user_a_right("You are hereby granted a limited, nonexclusive, revocable license to access and use "
                              "the Zorblio Platform for your own personal use.")
    assert gives_user_a_right("Members are granted a non-transferable right to download their Quibly invoices.")
    # a licence the user grants is no right of theirs
    assert not gives_user_a_right("You grant Zorblio a licence to host your designs.")


@pytest.mark.parametrize("explanation,text,said", [
    ("New: Claims are heard by the courts of… (jurisdiction)",
     "Claims are heard by the courts of San Mateo County, California only.",
     "New: Claims are heard by the courts of San Mateo County… (jurisdiction)"),
    ("New: Quibly keeps your invoices for a period of… (privacy)",
     "Quibly keeps your invoices for a period of ten years.",
     "New: Quibly keeps your invoices for a period of ten years (privacy)"),
    # a quote that ends on a word of meaning stays as it is
    ("New: Claims are heard by the courts… (jurisdiction)", "Claims are heard by the courts of the county you live in.",
     "New: Claims are heard by the courts… (jurisdiction)"),
    # ... unless only the name that ends the sentence is left out (session 25: "…the laws…" of a choice of law)
    ("New: Claims are heard by the courts… (jurisdiction)", "Claims are heard by the courts of Dublin.",
     "New: Claims are heard by the courts of Dublin (jurisdiction)"),
])
def test_a_value_is_never_cut_before_the_place_it_names(explanation, text, said):
    from tracker.analysis.wording import end_kept

    assert end_kept(explanation, text) == said


def test_a_new_choice_of_court_names_its_place_in_the_explanation_and_the_headline():
    old = "# Zorblio Terms\n\n## 14. Disputes\n\nThese Terms are governed by the laws of Delaware.\n"
    new = old + ("\nYou and we irrevocably consent to the exclusive jurisdiction and venue of the state or federal "
                 "courts of Vermont, for all disputes arising out of or relating to these Terms that are heard in "
                 "court (excluding arbitration).\n")
    a = compare(old, new)
    court = next(c for c in a.changes if c.material)
    assert "courts of Vermont" in court.explanation, court.explanation
    assert "Vermont" in a.summary and len(a.summary) <= 100, a.summary


def test_a_name_keeps_its_noun_and_a_sentence_s_subject_is_no_covered_item():
    from tracker.analysis.wording import covers_said, end_kept

    assert end_kept("Removed: If you travel for more than 14 days, you must upgrade to a… (subscription)",
                    "If you travel for more than 14 days, you must upgrade to a Zorblio Plus plan.") == \
        "Removed: If you travel for more than 14 days, you must upgrade to a Zorblio Plus plan (subscription)"
    said = covers_said("No longer covers: Finally, the Quibly Act (privacy)",
                       "Finally, the Quibly Act gives you the right to opt out.", "State laws give you the right to opt out.")
    assert said.startswith("Now reads “State laws give you the right"), said


def test_a_bracket_taken_out_whole_is_quoted_whole():
    before = ('All content on the Services, such as text, logos, and documents, is the property of Zorblio and is '
              'protected by copyright laws in the United States and internationally (collectively, "Content").')
    after = ('All content on the Services, such as text, logos, and documents is the property of Zorblio and is '
             'protected by copyright laws in the United States and internationally.')
    changed = next(c for c in compare(f"# T\n\n## Content\n\n{before}\n", f"# T\n\n## Content\n\n{after}\n").changes
                   if c.kind == "modified")
    assert '(collectively, "Content")' in changed.explanation, changed.explanation
    assert "is the property of Zorblio" not in changed.explanation


@pytest.mark.parametrize("sentence,said", [
    ("Notwithstanding the foregoing, if you are accessing the Service via Zorblio Teams, we will not collect your "
     "prompts or model responses.",
     "No longer promises not to collect your prompts or model responses (if you are accessing the Service via Zorblio Teams)"),
    ("If you are in the EU, Quibly does not sell your data.", "No longer promises not to sell your data (if you are in the EU)"),
])
def test_a_promise_after_its_condition_is_a_promise_withdrawn_with_it(sentence, said):
    assert promise_withdrawn(sentence) == said
    assert promise_withdrawn("If you cancel, you will not be charged again.") == ""
    a = compare(f"# T\n\n## Data\n\nWe keep logs for 30 days. {sentence}\n", "# T\n\n## Data\n\nWe keep logs for 30 days.\n")
    gone = next(c for c in a.changes if c.material)
    assert gone.explanation.startswith(said) and gone.severity == "critical", gone


def test_an_escaped_underscore_leaves_no_piece_of_an_address():
    before = "If you have questions about this policy, send us an email to privacy@zorblio.example and we will reply."
    after = "If you have any questions about this Privacy Policy, please contact us at zorblio\\_privacy@quibly.example."
    said = " ".join(c.explanation for c in compare(f"# T\n\n## Contact\n\n{before}\n", f"# T\n\n## Contact\n\n{after}\n").changes)
    assert "zorblio\\" not in said and "qq" not in said, said


def test_a_french_quote_goes_on_to_its_period_and_a_new_clause_is_not_said_by_its_first_words():
    from tracker.analysis.wording import end_kept, new_clause_whole

    assert end_kept("Now also says: “Pour les autres données, elles sont conservées pendant…” (privacy)",
                    "Pour les autres données, elles sont conservées pendant 12 mois à compter de la résiliation.") == \
        "Now also says: “Pour les autres données, elles sont conservées pendant 12 mois…” (privacy)"
    said = new_clause_whole("Now also says: “Données traitées dans le cadre…” (privacy)",
                            "Données traitées dans le cadre du service Zorblio Mail pour les offres mobile : les journaux "
                            "sont conservés 12 mois.")
    assert said.startswith("New: Données traitées dans le cadre du service Zorblio Mail"), said


def test_a_quote_cut_right_before_its_value_goes_on_to_it():
    from tracker.analysis.wording import end_kept

    assert end_kept("Now also says: “Pour les autres données, elles sont conservées…” (privacy)",
                    "Pour les autres données, elles sont conservées pendant 12 mois à compter de la résiliation.") == \
        "Now also says: “Pour les autres données, elles sont conservées pendant 12 mois…” (privacy)"
    assert end_kept("New: Quibly stores your drafts… (privacy)", "Quibly stores your drafts for 90 days.") == \
        "New: Quibly stores your drafts for 90 days (privacy)"
    kept = "New: Quibly stores your drafts… (privacy)"
    assert end_kept(kept, "Quibly stores your drafts on servers in Ireland.") == kept


def test_a_covered_run_cut_before_what_it_leads_to_is_said_as_the_passage():
    from tracker.analysis.wording import covers_said

    said = covers_said("Now also covers: implique la collecte de données biométriques afin (privacy)",
                       "L'analyse peut inclure une technologie de reconnaissance faciale afin que nous puissions comparer.",
                       "L'analyse peut inclure une technologie de reconnaissance faciale et implique la collecte de données "
                       "biométriques afin que nous puissions comparer.")
    assert said.startswith("Now reads “…") and "données biométriques…”" in said, said


def test_a_rebuilt_table_of_contents_is_one_entry_in_a_diff():
    # nu43: a site menu rebuilt was listed line by line (54 entries of "Table of contents: entry ...")
    from tracker.cli.output import diff_lines

    names = ["Accounts", "Fees", "Refunds", "Privacy", "Termination", "Disputes"]
    toc = "Contents\n\n" + "".join(f"- [{n}. {t}](#{t.lower()})\n" for n, t in enumerate(names, 1)) + "\n"
    body = "".join(f"## {n}. {t}\n\nQuibly explains {t.lower()} in this section.\n\n" for n, t in enumerate(names, 1))
    intro = "# Quibly Terms\n\nThese terms apply when you use Quibly.\n\n"  # (a menu at the page's edge is page furniture)
    rebuilt = toc.replace("](#", "](/legal/terms#")
    result = compare(intro + toc + body, intro + rebuilt + body)
    assert not result.material and len(result.changes) >= 5
    lines = [line for line in diff_lines(result.changes, color=False) if line]
    heads = [line for line in lines if not line.startswith("    ")]
    assert len(heads) == 1 and "lines of a table of contents or menu" in heads[0] and "[cosmetic]" in heads[0], lines
    assert "“1. Accounts”" in lines[1] and "-" * 3 not in lines[1], lines


def test_a_cut_quote_keeps_the_name_the_clause_is_about():
    # nu43 (LiveJournal): "New: The Administration shall not be liable for any failures or interruptions in the
    # operation…" dropped "of Google Maps" and read as a general exclusion of liability
    from tracker.analysis.materiality import _snippet

    clause = ("The Operator shall not be liable for any failures or interruptions in the operation of Quibly Maps "
              "used within the Service, nor for how well Quibly Maps meets your expectations.")
    said = _snippet(clause)
    assert said.startswith("The Operator shall not be liable") and "of Quibly Maps" in said, said
    assert said.endswith("…") and len(said) <= 90 + 20
    # no name a few words on: the usual cut
    plain = clause.replace("of Quibly Maps used", "of the mapping features used")
    assert "mapping features" not in _snippet(plain) or len(_snippet(plain)) <= 91

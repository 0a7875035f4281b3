"""The summary's standard facts ("Governing law", "Notice before terms change", ...) on invented
terms: each test is one kind of fault first-time users met on real documents (a fact read from
the wrong clause, a place cut at the wrong boundary, an absence claimed where the text says
otherwise), written with other words than the page that showed it. A fact the summary cannot
place is left out rather than stated wrong."""

from __future__ import annotations

import pytest

from tracker.analysis.facts import law_places, nation
from tracker.analysis.summary import summarise


def facts(body: str, title: str = "Brackenly Terms of Service") -> dict[str, str]:
    """The standard facts of an invented document: fact id -> value."""
    return {k: c.value for k, c in summarise(f"# {title}\n\n{body}\n").facts.items()}


# --- governing law: the law's place, not the courts' city nor a law named for something else ----

@pytest.mark.parametrize("sentence, places", [
    ("These Terms are governed by the laws of the State of Oregon, and all disputes will be brought solely in "
     "the state or federal courts located in Portland, Oregon.", ["Oregon"]),
    ("This Agreement is subject to Danish law, excluding its conflict of laws rules.", ["Denmark"]),
    ("Les présentes conditions sont régies par le droit belge.", ["Belgium"]),
    ("Für diese Bedingungen gilt österreichisches Recht.", ["Austria"]),
    ("This Agreement is governed by the law of the Federal Republic of Germany.", ["Germany"]),
])
def test_governing_law_is_the_place_named_for_the_law(sentence: str, places: list[str]) -> None:
    assert law_places(sentence) == places
    assert facts(f"## 14. Governing law\n\n{sentence}")["governing-law"] == ", ".join(places)


@pytest.mark.parametrize("sentence", [
    "Brackenly Ltd is a company incorporated under the laws of Norway with its office in Oslo.",
    "You must not be barred from using the Service under the laws of Canada or any other country.",
    "The Service is protected by the copyright laws of Japan and other countries.",
    "These Terms are governed by the law of the country where you live.",
])
def test_a_law_named_for_something_else_is_no_governing_law(sentence: str) -> None:
    assert "governing-law" not in facts(f"## 2. About us\n\n{sentence}")


def test_nation_reads_adjectives_in_three_languages() -> None:
    assert [nation(w) for w in ("Irish", "françaises", "deutschem", "Consumer")] == [
        "Ireland", "France", "Germany", None]


# --- venue: where disputes go, cut at the place's own end -------------------------------------

def test_a_county_or_district_ends_where_its_name_ends() -> None:
    """'… the Northern District of Nevada or a state court in Washoe County, Nevada' is two
    courts, never 'Nevada Or' (re.I let a lowercase word join a capitalised name)."""
    got = facts("## 15. Disputes\n\nYou agree to bring any claim exclusively in the United States District Court for "
                "the Northern District of Nevada or a state court in Washoe County, Nevada.")["arbitration"]
    assert got.startswith("Courts of Northern District of Nevada") and "Washoe County" in got, got
    assert " Or" not in got and ", Or" not in got, got


@pytest.mark.parametrize("sentence", [
    "The laws of the State of Vermont govern these Terms and any dispute, whether in court or arbitration.",
    "If your complaint under the Data Privacy Framework is not resolved, you may have the possibility, under "
    "certain conditions, to invoke binding arbitration.",
    "For more information about invoking binding arbitration under the Privacy Shield, see the official site.",
])
def test_arbitration_said_in_passing_is_not_the_way_disputes_are_resolved(sentence: str) -> None:
    assert not facts(f"## 9. Disputes\n\n{sentence}").get("arbitration", "").startswith("Binding arbitration")


def test_an_arbitration_place_is_where_it_is_held_not_where_claims_arise() -> None:
    got = facts("## 20. Disputes\n\nSection 22 of these Terms contains an arbitration agreement that applies to all "
                "claims brought against Brackenly in Canada.\n\nAny arbitration will be held in Halifax, Nova Scotia.")
    assert got["arbitration"] == "Binding arbitration", got  # the place of the hearing is in another sentence
    held = facts("## 20. Disputes\n\nAny dispute will be finally settled by binding arbitration in Marin County, "
                 "California, under the rules in Section 12.")
    assert held["arbitration"] == "Binding arbitration, Marin County, California", held


def test_a_court_named_for_copyright_counter_notices_is_not_the_venue() -> None:
    got = facts("## 8. Copyright\n\nYour counter-notice must include a statement that you consent to the "
                "jurisdiction of the federal court located within the District of Idaho.")
    assert "arbitration" not in got


def test_courts_named_by_their_country_adjective() -> None:
    assert facts("## 12. Litiges\n\nTout litige sera soumis aux juridictions belges.")["arbitration"] == \
        "Courts of Belgium"


# --- class actions ------------------------------------------------------------------------------

def test_a_class_action_barred_in_other_words_is_a_waiver() -> None:
    got = facts("## 11. Disputes\n\nAll disputes will be resolved by binding arbitration. No claim may be brought as "
                "a class or collective action, and each party waives any right to a jury trial.")
    assert got["class-action"] == "Yes; jury trial also waived", got


# --- notice before the terms change --------------------------------------------------------------

@pytest.mark.parametrize("body, value", [
    ("We may modify these Terms at any time. Any such changes will become effective no earlier than "
     "twenty-one (21) days after they are posted.", "21 days"),
    ("Tallowin may make changes to these Terms at any time without notice for minor fixes. Changes to the Terms "
     "will become effective 10 days after posting on this page.", "10 days"),
    ("We reserve the right to amend these Terms at any time. Notice of any material change will be posted on "
     "this page.", "Notice, no period stated"),
    ("We may update this privacy policy from time to time. If the changes are significant, we will provide a more "
     "prominent notice on our home page.", "Notice, no period stated"),
    ("Tallowin may modify this Agreement from time to time by giving notice to Customer by email.",
     "Notice, no period stated"),
    ("We may change these Terms at any time without notice.", "None promised"),
])
def test_notice_before_terms_change_is_read_from_the_whole_change_clause(body: str, value: str) -> None:
    """The strongest statement of the clause wins: a period said in any of its sentences, then a
    promise of notice, and only then "None promised" ("at any time" in the first sentence is
    not the whole answer)."""
    assert facts(f"## 17. Changes to these Terms\n\n{body}").get("terms-notice") == value


@pytest.mark.parametrize("sentence", [
    "Prices and availability of all items are subject to change at any time before purchase.",
    "We may remove or modify your uploaded designs at any time.",
    "We may, without prior notice, change the Service or stop providing features of it.",
    "Tallowin may revise the pricing terms that apply to your plan at any time by providing you with notice.",
])
def test_at_any_time_about_something_else_says_nothing_of_terms_notice(sentence: str) -> None:
    assert "terms-notice" not in facts(f"## 4. Our service\n\n{sentence}")


# --- notice before a service, feature or model is taken away --------------------------------------

@pytest.mark.parametrize("sentence", [
    "If a counter-notice is received, we may restore the removed material in 10 to 14 business days.",
    "If you use any Beta Services, they are provided on an as-is basis with all faults.",
    "You may terminate these Terms at any time by removing your profile and deleting the app.",
    "Customer will not do any of the following: sell the Service to a third party or remove any notices.",
    "If you are dissatisfied, your sole remedy is to discontinue use of the Service at any time.",
])
def test_removal_notice_is_not_read_from_other_removals(sentence: str) -> None:
    assert "removal-notice" not in facts(f"## 6. The service\n\n{sentence}")


@pytest.mark.parametrize("sentence, value", [
    ("We will give you at least forty-five (45) days' notice before we discontinue a model.", "45 days"),
    ("We may add or remove features; we will try to notify you beforehand.", "Notice, no period stated"),
    ("We may discontinue some or all of the Services at any time.", "None promised"),
])
def test_removal_notice_of_a_service_or_model(sentence: str, value: str) -> None:
    got = facts(f"## 6. Changes to the service\n\n{sentence}").get("removal-notice")
    assert got is not None and value in got, got


# --- credits and refunds ----------------------------------------------------------------------------

def test_credits_expire_only_when_the_credits_do() -> None:
    got = facts("## 5. Fees\n\nAll fees are non-refundable. Unless either party gives notice of non-renewal at "
                "least 30 days before the subscription term expires, it renews and you will not receive credits.")
    assert got["credits"] == "Non-refundable", got
    assert facts("## 5. Tokens\n\nTokens are non-refundable and do not expire.")["credits"] == "Non-refundable"
    assert facts("## 5. Tokens\n\nUnused tokens expire twelve (12) months after purchase.")["credits"] == \
        "Expire after 12 months"


def test_a_refund_refused_in_other_words_is_non_refundable() -> None:
    got = facts("## 7. Cancellation\n\nWe are unable to offer any refund for the unused period of a cancelled "
                "subscription.")
    assert got.get("credits") == "Non-refundable", got


# --- minimum age ---------------------------------------------------------------------------------------

def test_an_age_in_a_rule_on_selling_minors_data_is_no_minimum_age() -> None:
    got = facts("## 10. Children\n\nWe do not knowingly sell or share personal information of minors under 16 "
                "years of age.", "Brackenly Privacy Policy")
    assert "age" not in got


def test_a_minimum_age_said_without_the_word_eligibility() -> None:
    got = facts("## 3. Accounts\n\nRegistration is only permitted for natural persons who are 19 years or older.")
    assert got.get("age") == "19", got


# --- liability cap ----------------------------------------------------------------------------------

def test_a_cap_of_what_the_user_paid_is_a_cap() -> None:
    got = facts("## 13. Liability\n\nIn no event shall our aggregate liability exceed the amount of fees paid by you "
                "in the twelve (12) months preceding the claim. We are not liable for indirect or consequential "
                "damages.")
    assert got["liability-cap"] == "What you paid in the last 12 months", got


def test_including_but_not_limited_to_is_no_cap() -> None:
    got = facts("## 13. Liability\n\nIn no event will Brackenly be liable for damages of any kind, including but "
                "not limited to indirect or consequential damages.")
    assert got["liability-cap"] == "No cap stated; indirect damages excluded", got


def test_an_amount_outside_a_cap_is_not_the_cap() -> None:
    got = facts("## 13. Liability\n\nPayouts are made only in months in which the amount due to you is at least $25. "
                "In no event shall our liability exceed the amount you paid us.")
    assert got["liability-cap"] == "What you paid", got


# --- retention and AI training ----------------------------------------------------------------------

def test_a_deletion_made_within_hours_of_a_request_is_no_retention_period() -> None:
    got = facts("## 12. Your account\n\nSend your request with the form and we will then delete your account within "
                "a maximum of 48 hours.")
    assert "retention" not in got
    assert facts("## 6. Retention\n\nWe keep chat logs for 40 days and then delete them.",
                 "Brackenly Privacy Policy")["retention"] == "40 days"


def test_a_rule_that_users_must_not_train_models_is_not_training_on_their_data() -> None:
    got = facts("## 4. Use of the site\n\nUser will not use any data found on the Site as input for the training of "
                "artificial intelligence or machine learning models.")
    assert "ai-training" not in got


# --- kinds first met on the test half of the labelled documents ------------------------------------

@pytest.mark.parametrize("sentence, venue", [
    ("You can also go to the courts of the Republic of Estonia.", "Courts of Estonia"),
    ("Any dispute shall be subject to the jurisdiction of the competent courts of the Canton of Vaud.",
     "Courts of Vaud"),
    ("You submit to the exclusive jurisdiction of the courts located within the county of Marin, California.",
     "Courts of Marin, California"),
])
def test_a_court_s_title_is_no_place(sentence: str, venue: str) -> None:
    """'the courts of the Republic of Estonia' is Estonia, never 'Courts of Republic' (the phrase
    cut at its title)."""
    assert facts(f"## 18. Disputes\n\n{sentence}")["arbitration"] == venue


@pytest.mark.parametrize("body, value", [
    ("We may change these Terms at any time by notifying you of the change in writing.", "Notice, no period stated"),
    ("We reserve the right to change the Terms at any time, but if we do, we will bring it to your attention by "
     "placing a notice on the site.", "Notice, no period stated"),
    ("Tallowin may modify these Terms from time to time. If material changes are introduced, a notice will be "
     "posted on the home page.", "Notice, no period stated"),
    ("We reserve the right to amend this Statement at any time. We will not make any significant changes to the "
     "Statement without informing you.", "Notice, no period stated"),
    ("Nous vous informerons au moins 30 jours avant de modifier les présentes Conditions générales.",
     "au moins 30 jours"),
])
def test_a_promise_of_notice_in_other_words(body: str, value: str) -> None:
    assert facts(f"## 17. Changes\n\n{body}").get("terms-notice") == value


def test_removing_parts_of_the_terms_or_withdrawing_a_notice_is_no_service_taken_away() -> None:
    got = facts("## 2. Changes\n\nWe may change, add or remove portions of these Terms of Service at any time by "
                "notifying you.\n\n## 8. Notices\n\nWe may at any time withdraw any such notification sent to a "
                "third-party website.")
    assert "removal-notice" not in got


def test_staff_training_is_no_ai_training_and_a_refusal_in_other_words_is_no() -> None:
    staff = facts("## 5. Calls\n\nWe record calls with you for account administration, training, quality assurance "
                  "and to improve our services.", "Marrowby Privacy Policy")
    assert "ai-training" not in staff
    got = facts("## 7. AI features\n\nThe personal data you provide in the assistant is used to improve your "
                "experience; we do not utilize your data to train AI models.", "Marrowby Privacy Policy")
    assert got.get("ai-training") == "No", got


def test_a_refund_refused_under_a_condition_is_no_refund_rule() -> None:
    got = facts("## 9. Withdrawal\n\nYou may withdraw within 14 days of purchase. However, if you start watching the "
                "film during that period, you are not entitled to any refund.")
    assert "credits" not in got


def test_a_chargeback_rule_is_no_cap_and_a_cap_said_with_neither_party_is() -> None:
    chargeback = facts("## 6. Payments\n\nIf a payment dispute causes Marrowby to be liable for an amount exceeding the "
                       "price paid, you authorize us to charge you the difference.")
    assert "liability-cap" not in chargeback
    cap = facts("## 12. Liability\n\nNeither party will be liable for (a) indirect or consequential damages or (b) any "
                "damages that in the aggregate exceed the total fees paid by Customer in the 12 months before the claim.")
    assert cap["liability-cap"].startswith("What you paid"), cap


def test_an_age_in_a_permission_is_a_minimum_age() -> None:
    assert facts("## 2. The wallet\n\nThe wallet may be used by persons over the age of 15 who hold a bank account.")[
        "age"] == "15"


# --- answers and bullets cut where the text does not stop -------------------------------------------

def test_a_cut_never_stops_inside_a_series_that_goes_on() -> None:
    """'... it must seek such refunds, payments' of '... such refunds, payments, and credits from
    the reseller only' drops what the series is for: no cut there."""
    from tracker.analysis.summary import compress

    long = ("Any refund, payment or credit which Marrowby owes you will be paid to the reseller, and you "
            "acknowledge that you must seek such refunds, payments, and credits from the reseller only.")
    assert not compress(long, 25).endswith("refunds, payments."), compress(long, 25)
    claims = ("You agree to bring any claim you have relating to these Terms, us, or our Services exclusively in the "
              "courts of Cork, Ireland, within one year.")
    assert "Terms, us." not in compress(claims, 14)


def test_an_answer_never_quotes_a_sentence_that_starts_inside_another() -> None:
    """A page broken into lines mid-sentence ('... deactivated. No' / 'refunds shall be issued
    ... unless' / 'otherwise authorized'): the middle piece says the opposite of the terms."""
    text = ("# Marrowby terms\n\n## 7. Termination\n\nUpon termination your access is deactivated. No\n\n"
            "refunds shall be issued upon termination of premium plans unless\n\notherwise authorized by us.\n")
    refund = next(a for a in summarise(text).answers if a.id == "refunds")
    assert not refund.answer.startswith("Refunds shall be issued"), refund


def test_a_camel_case_name_is_no_glued_tooltip() -> None:
    """'OwnMoney' is a product's name used all through the page, not 'Own' with a glued definition
    'Money balance to the same bank account ...' to drop (which left 'your Own Marrowby charges')."""
    text = ("# Marrowby Wallet terms\n\n## 2. Loading money\n\nYou can load money as an OwnMoney balance. The use of "
            "OwnMoney requires identification. OwnMoney can pay for services.\n\n## 5. Refunds\n\nIf you stop using "
            "the wallet, you can request a refund of your OwnMoney balance to the same bank account from which it was "
            "loaded. Marrowby charges a fee of five euros per refund.\n\nWrite to us to move your OwnMoney balance to the "
            "same bank account from which it was loaded. It takes five days.\n")
    refund = next(a for a in summarise(text).answers if a.id == "refunds")
    assert "OwnMoney balance to the same bank account" in refund.answer, refund


# --- first-time user report 10: opt-outs, table pages, caps, venues, ages, changes ----------------

@pytest.mark.parametrize("body", [
    # the opt-out in an "unless" clause of the training sentence, after an earlier training sentence
    "## 4. Licence to us\n\nYou grant Quillmoor a licence to host and copy Your Content and to use it for training "
    "machine learning models.\n\n## 9. AI features\n\nYou also grant Quillmoor a licence to use your Prompts to "
    "train and improve our models, unless you opt out in your profile settings.",
    # the opt-out two sentences later in the same section
    "## 9. AI features\n\nWe may use your inputs to train our AI models. Inputs are kept for 90 days. You can opt "
    "out of this use at any time from the privacy page.",
])
def test_an_opt_out_in_an_unless_clause_or_a_few_sentences_on_is_an_opt_out(body: str) -> None:
    got = facts(body)
    assert got["ai-training"] == "Yes; opt-out available", got


def test_an_opt_out_elsewhere_in_the_document_is_not_read_into_training() -> None:
    got = facts("## 9. AI features\n\nWe may use your inputs to train our AI models.\n\n## 20. Email\n\n"
                "Marketing emails are sent weekly. You can opt out of marketing emails at any time.")
    assert got["ai-training"] == "Yes; no opt-out stated", got


_TABLE = ("# Tallowby Terms of Use\n\n| Terms | In plain words |\n| --- | --- |\n"
          "| **4\\. Payment**<br><br>Some features need a paid plan. All fees are payable in advance and are "
          "non-refundable unless these Terms say otherwise. Fees vary by plan, and the price of each plan is shown "
          "on the pricing page before you pay. We may change fees on notice. | You pay in advance for paid plans, "
          "and fees are not refunded. We may change prices but will tell you first, and the new price applies from "
          "your next billing period onwards. |\n"
          "| **17\\. Modification of Terms**<br><br>We may change these Terms from time to time. Revisions are "
          "effective immediately, except that material revisions take effect 30 days after we post them or tell "
          "you about them. If you do not agree to a revision, you should stop using the Service and close your "
          "account before it takes effect. | We can change these terms. Big changes apply 30 days after we tell "
          "you, and you can leave before they apply if you do not agree with them at all. |\n"
          "| **14\\. Limitation of Liability**<br><br>To the fullest extent permitted by law, the aggregate "
          "liability of Tallowby to you for all claims is limited to the greater of: (a) the amount you paid to "
          "Tallowby in the 12 months before the claim and (b) US$100. | Our liability is capped. |\n")


def test_a_table_of_prose_cells_is_read_per_cell_and_sentence() -> None:
    s = summarise(_TABLE)
    answers = {a.id: a for a in s.answers}
    refund = answers["refunds"].answer
    assert refund.startswith("All fees are payable in advance and are non-refundable"), refund
    assert ".:" not in refund and "Modification" not in refund
    notice = answers["terms-notice"]
    assert len(notice.answer) <= 420 and "30 days" in notice.answer, notice.answer
    assert "17" in notice.section, notice.section
    got = {k: c.value for k, c in s.facts.items()}
    assert got["terms-notice"] == "30 days", got
    assert "retention" not in got, got  # 30 days before a change applies is no period of keeping data
    assert got["liability-cap"] == "The greater of what you paid in the last 12 months and US$100", got


def test_a_long_answer_is_cut_and_marked() -> None:
    rule = "You agree that any dispute with Pellory will be resolved by binding arbitration in Denver, Colorado"
    # no comma to cut at and a condition at its end: compress cannot shorten it
    long = rule + " " + " ".join(f"and claim type number {i} and its related matters" for i in range(30)) + \
        " unless the law of your country says otherwise."
    s = summarise(f"# Pellory Terms\n\n## 20. Disputes\n\n{long}\n")
    answer = next(a for a in s.answers if a.id == "disputes").answer
    assert len(answer) <= 400 and answer.endswith("…"), answer


def test_a_shouted_cap_keeps_its_currency_code() -> None:
    got = facts("## 12. Liability\n\nIN NO EVENT WILL OUR TOTAL LIABILITY TO YOU EXCEED US$250.")
    assert got["liability-cap"] == "US$250", got


@pytest.mark.parametrize("text, months", [
    ("the amount you paid us in the 6-month period before the claim", "6 months"),
    ("the fees you paid in the last 12 month period", "12 months"),
    ("the fees you paid in the one month before the claim", "one month"),
])
def test_a_paid_cap_says_its_period_in_the_plural(text: str, months: str) -> None:
    got = facts(f"## 12. Liability\n\nOur aggregate liability is limited to {text}.")
    assert got["liability-cap"] == f"What you paid in the last {months}", got


@pytest.mark.parametrize("court, places", [
    ("the courts located in the City and County of Denver, Colorado", "Denver, Colorado"),
    ("the courts of the City of Porto, Portugal", "Porto, Portugal"),
    ("the state courts located in the County of Marin, State of California", "Marin, California"),
])
def test_a_kind_of_place_is_not_a_place_name(court: str, places: str) -> None:
    got = facts(f"## 19. Venue\n\nYou and Pellory agree to submit to the exclusive jurisdiction of {court}.")
    assert got["arbitration"] == f"Courts of {places}", got


def test_an_age_written_in_words_and_figures_is_the_minimum_age() -> None:
    s = summarise("# Pellory Terms\n\n## 18. Children\n\nThe Service is not directed at persons under fourteen (14) "
                  "years of age. If you are a parent or guardian and believe your child used the Service, contact us.\n")
    assert s.facts["age"].value == "14"
    answer = next(a for a in s.answers if a.id == "age").answer
    assert answer.startswith("The Service is not directed at persons under 14"), answer


@pytest.mark.parametrize("sentence", [
    "Changes will apply immediately and will be listed in the changelog.",
    "Updated terms are effective immediately upon posting.",
])
def test_changes_that_apply_immediately_promise_no_notice(sentence: str) -> None:
    s = summarise(f"# Pellory Terms\n\n## 2. Changes\n\nWe may modify these terms. {sentence}\n")
    assert s.facts["terms-notice"].value == "None promised"
    assert next(a for a in s.answers if a.id == "terms-notice").answer != "The terms do not say."


def test_the_terms_change_answer_says_how_the_change_may_be_told() -> None:
    s = summarise("# Pellory Terms\n\n## 22. Changes to these Terms\n\nWe may change these Terms from time to time. "
                  "We may also notify you by email to the address on your account. Unless we say otherwise, the "
                  "amended Terms are effective immediately.\n")
    answer = next(a for a in s.answers if a.id == "terms-notice").answer
    assert "by email" in answer and "effective immediately" in answer, answer


def test_disputes_are_answered_from_the_disputes_section_not_an_introduction() -> None:
    s = summarise("# Pellory Terms\n\nIf you do not agree to these Terms, including the mandatory arbitration "
                  "provision in Section 20, do not use the Service.\n\n## 20. Dispute Resolution\n\nAll disputes "
                  "will be resolved through binding arbitration held in Denver, Colorado.\n\n## 21. Venue\n\n"
                  "The state or federal courts sitting in Denver, Colorado have exclusive jurisdiction over the "
                  "enforcement of an award.\n")
    answer = next(a for a in s.answers if a.id == "disputes")
    assert answer.answer.startswith("All disputes will be resolved through binding arbitration"), answer.answer
    assert "courts sitting in Denver" in answer.answer, answer.answer
    assert s.facts["arbitration"].value == "Binding arbitration, Denver, Colorado"


def test_training_on_data_a_sentence_before_named_is_about_the_users_data() -> None:
    got = facts("## 5. How we use your data\n\nAny personal data you provide is used only to run your account. We do "
                "not use this data to train or develop any AI models.")
    assert got["ai-training"] == "No", got


def test_a_contact_address_near_the_change_clause_is_not_how_changes_are_told() -> None:
    s = summarise("# Pellory Terms\n\n## 17. Changes\n\nWe may change these Terms. Changes apply 30 days after we "
                  "post them.\n\n## 18. Contact\n\nYou may contact us by emailing us at help@pellory.example.\n")
    answer = next(a for a in s.answers if a.id == "terms-notice").answer
    assert "30 days" in answer and "help@" not in answer, answer

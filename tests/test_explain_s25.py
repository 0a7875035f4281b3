"""What a version's headline says first, and how a clause's change is said (issue #11's plain-language
explanation). Each test is one KIND of fault seen reading real material pairs through
``benchmarks/explain_audit.py --seed 56`` (session 25), checked on invented text about fictional
services through ``tracker.compare`` or the ranking's own functions on real ``ClauseChange`` records;
which changes are material, and their categories, never move."""

from __future__ import annotations

from tracker import compare
from tracker.analysis.headline import concreteness, headline, rank_changes, shown_tags
from tracker.analysis.wording import edit_said, end_kept, tail_said, training_point, training_sentence
from tracker.records import ClauseChange


def _change(explanation: str, categories: tuple[str, ...], severity: str = "material", kind: str = "added",
            after: str | None = "Some clause of the Zorblo terms.") -> ClauseChange:
    return ClauseChange(kind, "c1", "Terms", None if kind == "added" else "Old clause.", after, True,
                        severity, categories, explanation)  # type: ignore[arg-type]


# -- the headline speaks of a change the version's categories are about ----------------------------------------
# A change whose categories the version's vote left out ("New: We have made some updates to our Privacy
# Policy (terms-changes)" in a version tagged privacy only) was the headline of a version about data use.
def test_a_change_outside_the_versions_categories_ranks_after_one_inside():
    stray = _change("New: Prices are shown in the app before you buy (pricing)", ("pricing",))
    data = _change("New: We may share your messages with Blipco Analytics (privacy)", ("privacy",))
    assert rank_changes([stray, data])[0] is stray  # money weighs most without the version's categories
    assert rank_changes([stray, data], ("privacy",))[0] is data
    assert headline([stray, data], categories=("privacy",)).startswith("New: We may share your messages")
    assert shown_tags([stray, data], ("privacy",)) == ("privacy",)


def test_the_versions_categories_never_raise_a_change_that_is_not_material():
    quiet = ClauseChange("added", "c1", "Terms", None, "Zorblo keeps logs.", False, "minor", ("privacy",),
                         "Added text without legal effect")
    stray = _change("New: Zorblo may end the beta at any time (termination)", ("termination",))
    assert rank_changes([quiet, stray], ("privacy",))[0] is stray


# -- concrete news first -------------------------------------------------------------------------------------
# "Now reads “Nous veillons à recueillir votre consentement…”" (one word dropped) headlined a version
# whose news was a named tracker company reading the user's hashed e-mail address; "New: Until then, the
# current Privacy Policy continues to apply" one whose news was who the data is shared with.
def test_named_durations_parties_and_data_outrank_a_bare_quote():
    vague = _change("New: Until then, the earlier notice continues to apply (privacy)", ("privacy",))
    party = _change("New: We may share your information with our service providers that host the app… (privacy)",
                    ("privacy",))
    data = _change("New: Quibbly reads your hashed e-mail address and your IP address… (privacy)", ("privacy",))
    kept = _change("New: We keep your voice notes for 90 days after you close the account (privacy)", ("privacy",))
    assert [concreteness(c) for c in (vague, party, data, kept)] == [3, 1, 1, 1]
    assert rank_changes([vague, party])[0] is party
    assert rank_changes([vague, data])[0] is data


def test_a_value_replaced_outranks_a_quote_swapped_and_a_swap_outranks_a_bare_quote():
    value = _change("Refunds are now given within 7 days instead of 30 (refunds)", ("refunds",), kind="modified")
    swap = _change("Now says “…you may ask for a refund…” instead of “…you can get a refund…” (refunds)",
                   ("refunds",), kind="modified")
    bare = _change("New: Refund requests go through the Zorblo help desk… (refunds)", ("refunds",))
    assert [concreteness(c) for c in (value, swap, bare)] == [0, 2, 3]
    assert rank_changes([bare, swap, value]) == [value, swap, bare]


def test_a_promise_not_to_share_is_no_concrete_news_of_a_party():
    promise = _change("New: We don't publish any of your answers, and we don't disclose them to third parties "
                      "(privacy)", ("privacy",))
    use = _change("New: To this end, we may link your usage data to your answers (privacy)", ("privacy",))
    assert concreteness(promise) == 3
    assert rank_changes([promise, use])[0] is use


def test_an_ai_training_change_that_says_the_training_outranks_its_lead_in():
    intro = _change("New: A quick word about our helper bots! We use helper bots on the Zorblo site… (ai-training)",
                    ("ai-training",), severity="critical")
    train = _change("New: We share chat transcripts with our bot vendor to train its models… (ai-training)",
                    ("ai-training",), severity="critical")
    assert rank_changes([intro, train])[0] is train


# -- a list's lead-in alone is no news: its items are -----------------------------------------------------------
def test_a_new_lead_in_alone_ranks_after_its_items():
    lead = _change("Now also says: “For the Printed Poster plan, in addition to the above, we also store…” "
                   "(subscription)", ("subscription",),
                   after="For the Printed Poster plan, in addition to the above, we also store:")
    item = _change("New item under “For the Printed Poster plan…”: The picture you upload for your poster "
                   "(subscription, privacy)", ("subscription", "privacy"), after="* The picture you upload")
    assert rank_changes([lead, item])[0] is item


# -- a quote that skips to its point keeps its opening mark in the headline ------------------------------------
# "Now also says: …un Membre ; que dans les conditions de la loi…”" had lost its "“".
def test_a_headline_quote_shifted_to_its_point_keeps_both_marks():
    c = _change("Now also says: “If you live in the Republic of Ruritania … you may have certain privacy rights "
                "under the Ruritanian Personal Data Protection Act 2031” (privacy)", ("privacy",))
    said = headline([c])
    assert said.count("“") == said.count("”") == 1
    assert "“…" in said


# -- a quote cut right before the name that ends its sentence carries on to the name ---------------------------
# "New choice of law: These Terms of Use shall be governed … in accordance with the laws…" never said
# which laws.
def test_a_new_choice_of_law_names_its_country():
    a = compare("Zorblo terms.\n\nYou may cancel at any time.",
                "Zorblo terms.\n\nYou may cancel at any time.\n\nThese Terms of Use shall be governed by and "
                "construed in accordance with the laws of Ruritania.")
    (c,) = [c for c in a.changes if c.material]
    assert c.categories == ("governing-law",)
    assert "the laws of Ruritania" in c.explanation
    assert "Ruritania" in a.summary


# -- a table row whose other cells changed is a row replaced, not a measure changed ---------------------------
# "Performance/Analytics is now 30 minutes instead of 395 days": another cookie, of another company.
ROW_OLD = ("| Category | Name | Domain | Party | Duration |\n| --- | --- | --- | --- | --- |\n"
           "| Analytics cookie | zb_id | zorblo.example | First party | 395 days |")
ROW_NEW = ("| Category | Name | Domain | Party | Duration |\n| --- | --- | --- | --- | --- |\n"
           "| Analytics | qq_visit | zorblo.example | Countly Ltd | 30 minutes |")


def test_a_row_for_another_cookie_is_said_as_a_row_replaced():
    a = compare(f"Zorblo cookie notice.\n\n{ROW_OLD}", f"Zorblo cookie notice.\n\n{ROW_NEW}")
    said = " ".join(c.explanation for c in a.changes if c.material)
    assert "is now 30 minutes instead of 395 days" not in said
    assert "qq_visit" in said or "Countly" in said


def test_a_row_whose_only_measure_changed_still_says_the_measure():
    new = ROW_OLD.replace("395 days", "30 days")
    a = compare(f"Zorblo cookie notice.\n\n{ROW_OLD}", f"Zorblo cookie notice.\n\n{new}")
    said = " ".join(c.explanation for c in a.changes)
    assert "30 days" in said and "395 days" in said
    assert "Row now reads" not in said


# -- a clause that grew at its end says what was put there -------------------------------------------------------
# "Now also says: “…Rakuten ne … ligne par un Membre ; que dans les conditions de la loi…”" quoted the old
# clause around the new words; "Now reads “…Inc. This provision survives termination…” (was “…Inc.”)" too.
def test_words_put_at_a_clauses_end_are_said_as_such():
    old = "Zorblo is not liable for reviews posted by a Member."
    new = ("Zorblo is not liable for reviews posted by a Member; subject to the Online Services Act of 2031 "
           "on platform duties.")
    assert tail_said("Now also says: “…posted by a Member; subject to the…” (liability)", old, new) == \
        "Adds at the end: “subject to the Online Services Act of 2031 on platform duties” (liability)"
    new2 = "Payouts are made by Zorblo Payments Ltd. This provision survives termination of the Agreement."
    assert tail_said("Now reads “…Ltd. This provision survives…” (was “…Ltd.”) (payment)",
                     "Payouts are made by Zorblo Payments Ltd.", new2) == \
        "Adds at the end: “This provision survives termination of the Agreement” (payment)"


def test_words_that_carry_on_the_old_sentence_stay_quoted_in_it():
    old = "A cookie may identify your browser."
    new = "A cookie may identify your browser or, if you are signed in, may identify you."
    said = "Now reads “…identify your browser or, if you are signed in, may identify you.” (was “…browser.”) (privacy)"
    assert tail_said(said, old, new) == said
    # words changed inside the old clause too: no growth at the end alone
    assert tail_said("Now also says: “x” (liability)", "Zorblo is liable for nothing.",
                     "Zorblo is liable for little. This provision survives termination of the Agreement.") == \
        "Now also says: “x” (liability)"


# -- a quote cut right after an adverb carries on to the word it qualifies -----------------------------------------
def test_a_quote_cut_after_generally_names_what_it_qualifies():
    text = ("Past the 30-day period, the plans sold by Zorblo are generally non-refundable and any refund "
            "given will be at the sole discretion of Zorblo.")
    said = end_kept("New watch-out: Past the 30-day period, the plans sold by Zorblo are generally… (refunds)", text)
    assert "generally non-refundable…" in said


# -- the AI-training point of a new table row or list --------------------------------------------------------------
# "New row: Why and how we process data: To develop new services…" hid that the row trains models on
# what users do.
TRAINING_ROW = ("| Why we process data | Legal grounds |\n| --- | --- |\n"
                "| **To build new Zorblo features**<br><br>* Knowing how people sort their notes helped us launch "
                "Boards.<br>* We use your chats with the Zorblo helper to train and fine-tune our language models "
                "so they answer better. | Legitimate interests |")


def test_a_new_row_of_ai_training_says_its_training_sentence():
    said = training_point("New row: Why we process data: To build new Zorblo features… (privacy, ai-training)",
                          "added", "", TRAINING_ROW)
    assert said.startswith("New row: “We use your chats with the Zorblo helper to train")
    assert said.endswith("(ai-training, privacy)")
    assert training_sentence("| Cookie | Purpose |\n| --- | --- |\n| zb_id | Analytics |") == ""
    # a promise not to train is no training sentence, nor is how generative models work in general
    assert training_sentence("* We do not use your chats to train our language models.") == ""
    assert training_sentence("Generative models learn the patterns of their input training data and then "
                             "generate new data based on the prompts you provide.") == ""


def test_an_explanation_that_already_says_the_training_is_kept():
    said = "New: We use your chats to train our models… (ai-training)"
    assert training_point(said, "added", "", TRAINING_ROW) == said


# -- a few words put in or taken out are named, not left to two quotes to compare ---------------------------------
# "Now reads “To make requests regarding your personal data, please contact…” (was “To make requests,
# please contact…”)".
def test_words_put_in_are_named():
    old = "To make requests, please contact the Zorblo privacy desk."
    new = "To make requests regarding your personal data, please contact the Zorblo privacy desk."
    said = edit_said("Now reads “To make requests regarding your personal data, please contact…” "
                     "(was “To make requests, please contact…”) (privacy)", old, new)
    assert said == ("Adds “regarding your personal data” to: “To make requests regarding your personal data, "
                    "please contact…” (privacy)")


def test_words_taken_out_are_named_and_a_rewrite_stays_as_is():
    old = "We also ask for your consent before using trackers."
    new = "We ask for your consent before using trackers."
    said = edit_said("Now reads “We ask for your consent…” (was “We also ask for your consent…”) (privacy)", old, new)
    assert said == "Drops “also” from: “We also ask for your consent…” (privacy)"
    rewrite = "Now reads “We ask you first…” (was “We also ask for your consent…”) (privacy)"
    assert edit_said(rewrite, old, "We ask you first before using any trackers at all.") == rewrite


# -- a new table row named by its term is still one row: never cut to its first cell ------------------------------
# "New data use: Other Information, and 9 more material changes" for a row on camera data.
def test_a_row_named_by_its_term_keeps_its_cells_in_the_headline():
    row = _change("New row: Other Information; We may also use images from the Zorblo front camera to fit "
                  "glasses to your face (privacy)", ("privacy",), severity="critical")
    other = _change("New: Zorblo may keep logs of kind 2 (privacy)", ("privacy",))
    said = headline([row, other])
    assert "front camera" in said, said

"""Labelling clause changes: cosmetic kinds, fact changes, watch-outs, explanations."""

import json
import re

import pytest

from tracker.analysis.materiality import COSMETIC_KINDS, SEVERITIES, label_change


@pytest.mark.parametrize("before,after,kind", [
    ("Last updated: March 1, 2026", "Last updated: June 5, 2026", "date-only"),
    ("Effective date: 1 March 2026", "Effective date: 5 June 2026", "date-only"),
    # stamps a page changes every time it is served: said as dates, as a run masks them (newuser7
    # saw them called "Reworded" and "Page navigation" beside a real change of the same run)
    ("Page generated on December 2, 2026 at 10:01 UTC", "Page generated on December 2, 2026 at 10:03 UTC", "date-only"),
    ("Updated 3 minutes ago", "Updated 5 minutes ago", "date-only"),
    ("Mis à jour il y a 2 jours", "Mis à jour il y a 4 jours", "date-only"),
    ("Request ID: 4f2a9c81d0", "Request ID: 77b1e3aa92", "date-only"),
    ("Read the [Zorblio policy](https://zorblio.example/a).",
     "Read the [Zorblio policy](https://zorblio.example/b).", "links-only"),
    ("Credits **never** expire.", "Credits _never_ expire.", "formatting"),
    ("- Credits never expire.", "* Credits never expire.", "formatting"),
    ("| Plan | Price |", "Plan | Price", "formatting"),
    ("Credits never  expire.\n", "Credits never expire.", "whitespace"),
    ("Credits never\u200b expire.", "Credits never expire.", "invisible-characters"),
    ("Credits\u00a0never expire.", "Credits never expire.", "invisible-characters"),
    ("Credits never expire.", "credits never expire", "punctuation-case"),
    ("7. Credits", "8. Credits", "renumbering"),
    ("Send privacy requests to [legal@zorblio.example](mailto:legal@zorblio.example).",
     "Send privacy requests to [privacy@zorblio.example](mailto:privacy@zorblio.example).", "contact-details"),
    ("Write to help@zorblio.example.", "Write to support@zorblio.example.", "contact-details"),
    # a typo fixed is spelling, not words regrouped (the empty delta used to read as "regrouped")
    ("You need an account to use the aplication.", "You need an account to use the application.", "spelling"),
    ("Keep your pasword safe and never share it.", "Keep your password safe and never share it.", "spelling"),
    ("Zorblio will not refund recieved payments.", "Zorblio will not refund received payments.", "spelling"),
    ("We do not sell your data.", "We don't sell your data.", "spelling"),
    ("Our licence to your posts ends when you delete them.", "Our license to your posts ends when you delete them.",
     "spelling"),
])
def test_cosmetic_kinds(before, after, kind):
    label = label_change("modified", before, after)
    assert label.cosmetic == kind
    assert label.severity == "cosmetic" and not label.material
    assert label.cosmetic in COSMETIC_KINDS


def test_moved_unchanged():
    label = label_change("moved", "Credits never expire.", "Credits never expire.",
                         text_changed=False)
    assert label.cosmetic == "moved-unchanged" and not label.material


def test_credit_expiry_explanation():
    label = label_change("modified", "Zorblio credits expire after 12 months.",
                         "Zorblio credits expire after 6 months.")
    assert label.material and label.severity == "material"
    assert label.explanation == "Zorblio credits now expire after 6 months instead of 12 (refunds)"


def test_arbitration_venue_explanation():
    label = label_change("modified", "Disputes go to binding arbitration in New York.",
                         "Disputes go to binding arbitration in San Francisco, California.")
    assert label.material and "arbitration" in label.categories
    # the seat moved, not the arbitration: said so, short enough for a feed title (session 28)
    assert label.explanation == ("Arbitration now takes place in San Francisco, "
                                 "California instead of New York (arbitration)")


def test_grace_period_explanation():
    label = label_change(
        "modified", "There is a grace period of at least 2 weeks before a model is removed.",
        "There is a grace period of at least 1 week before a model is removed.")
    assert label.explanation == ("The grace period before a model is removed is now at least "
                                 "1 week instead of 2 weeks (service-changes)")


def test_fallback_uses_the_heading():
    label = label_change("modified", "Pro: 12 months, Team: 24 months.",
                         "Pro: 6 months, Team: 24 months.", heading="7. Credit expiry")
    assert label.material
    assert label.explanation.startswith("Credit expiry: 12 months → 6 months")


def test_new_watch_out_is_critical():
    label = label_change("added", None, "Zorblio may terminate your account at any time without notice.")
    assert label.severity == "critical" and label.material
    assert label.watch_added == ("termination",)
    assert label.explanation.startswith("New: Zorblio may terminate")
    assert label.explanation.endswith("(termination)")


def test_strengthened_clause_is_critical():
    label = label_change("modified", "Disputes may be heard by the courts of Ontario.",
                         "All disputes shall be resolved exclusively by binding arbitration.")
    assert "arbitration" in label.watch_added and label.severity == "critical"


def test_removed_watch_out_is_good_news():
    label = label_change("removed", "All disputes shall be resolved exclusively by binding arbitration.", None)
    assert label.material and label.severity == "material"
    assert label.watch_removed == ("arbitration",)
    assert "good news" in label.explanation and "(arbitration)" in label.explanation


def test_added_boilerplate_is_minor():
    label = label_change("added", None, "Questions? Write to help@zorblio.example.")
    assert not label.material and label.severity == "minor" and label.categories == ()


def test_rewording_is_minor():
    label = label_change("modified", "You can reach the Zorblio support team by email.",
                         "You can contact the Zorblio support team by email.")
    assert not label.material and label.severity == "minor"


def test_modal_change_is_material():
    label = label_change("modified", "We will email you a receipt after each purchase.",
                         "We may email you a receipt after each purchase.")
    # the modal read in place, not a bare '"may email"'
    assert label.material and "We may email you a receipt" in label.explanation, label.explanation
    assert "instead of “We will email you" in label.explanation


def test_added_notice_waiver_is_material():
    label = label_change("modified", "We may suspend your account after a warning.",
                         "We may suspend your account without notice.")
    assert label.material and "without notice" in label.explanation


def test_price_change_with_facts():
    label = label_change("modified", "Each request costs $5.", "Each request costs $7.")
    assert label.explanation == "Each request now costs $7 instead of $5 (pricing)"
    assert [f.value for f in label.facts_before if f.kind == "money"] == ["USD 5.00"]
    assert [f.value for f in label.facts_after if f.kind == "money"] == ["USD 7.00"]


def test_to_dict_round_trips_through_json():
    label = label_change("modified", "Each request costs $5.", "Each request costs $7.")
    d = json.loads(json.dumps(label.to_dict()))
    assert d["severity"] in SEVERITIES and d["facts_after"][0]["kind"] == "money"


# --- natural explanations ------------------------------------------------------------------------
def test_relative_clause_verb_is_not_the_main_verb():
    label = label_change("modified", "Vouchers that you have not redeemed may lapse 24 months "
                         "after the day they were issued.",
                         "Vouchers that you have not redeemed may lapse 18 months after the day "
                         "they were issued.")
    # the old value never inside the phrase ("18 months instead of 24 after the day ..."): a sentence
    # too long to say it after the whole phrase ends with the value; no "may now" (a new permission)
    # the relation the dropped words gave the value stays: "after 18 months", never a bare "lapse 18 months"
    assert label.explanation == "Vouchers that you have not redeemed may lapse after 18 months instead of 24", (
        label.explanation)


def test_leading_subordinate_clause_is_dropped_and_categories_come_from_the_fact():
    label = label_change(
        "modified",
        "If we plan to retire an engine, we will email every admin in the Zorblio help forum at "
        "least 30 days before the engine is retired, so that you can switch.",
        "If we plan to retire an engine, we will email every admin in the Zorblio help forum at "
        "least 10 days before the engine is retired, so that you can switch.",
        heading="4. Engine lifecycle")
    assert label.material
    # no "now" eight words before the value: it would land on "email every admin" (session 28)
    assert label.explanation.startswith("We will email every admin in the Zorblio help "
                                        "forum at least 10 days in advance instead of 30 (")
    assert label.explanation.endswith("(service-changes)")
    assert "jurisdiction" not in label.categories and "content-removal" not in label.categories


def test_long_subject_is_shortened_to_the_heading_and_venue_is_arbitration():
    label = label_change(
        "modified",
        "Every claim relating to Quibblr or to these Terms will be settled by binding arbitration "
        "seated in Dallas, Texas, except that small claims court remains available.",
        "Every claim relating to Quibblr or to these Terms will be settled by binding arbitration "
        "seated in London, England, except that small claims court remains available.",
        heading="12. Claims")
    # the arbitration is not new, its seat is: said short, never "will now be settled by binding
    # arbitration" (session 28)
    assert label.explanation == "Arbitration now takes place in London, England instead of Dallas, Texas (arbitration)"


def test_retention_period_is_privacy():
    label = label_change("modified", "We store uploaded voice notes for 7 days, to fix bugs, and "
                         "then erase them.",
                         "We store uploaded voice notes for 45 days, to fix bugs, and then erase "
                         "them.")
    assert label.explanation == "We now store uploaded voice notes for 45 days instead of 7 (privacy)"


def test_added_class_waiver_is_critical():
    label = label_change("added", None, "Quibblr and you each agree to bring claims solely in an "
                         "individual capacity and not as a class member in any purported class "
                         "proceeding.")
    assert label.severity == "critical" and "class-action" in label.watch_added


def test_added_suspension_without_notice_is_termination_only():
    label = label_change("added", None, "We can also freeze or terminate your workspace at once "
                         "and without notice.")
    assert label.severity == "critical" and label.categories == ("termination",)


@pytest.mark.parametrize("kind,before,after", [
    ("removed", "**Right to complain to a regulator (Art. 12 Quibblr Code)**", None),
    ("added", None, "### How you pay for Quibblr Plus"),
    ("modified", "### Waiver of class actoins", "**Waiver of class actions**"),
])
def test_headings_alone_are_not_material(kind, before, after):
    label = label_change(kind, before, after)
    assert not label.material and label.severity == "minor"


def test_feedback_link_text_is_not_a_licence_term():
    label = label_change("modified", "Questions? Visit our [Contact](https://quibblr.example/c) page.",
                         "Questions? Visit our [Feedback page](https://quibblr.example/c).")
    assert not label.material


def test_address_change_is_not_a_modal_change():
    label = label_change("modified", "Quibblr Ltd is based at 4 Mill Lane, Bristol.",
                         "Quibblr Ltd is based at 7 Canal Street, Canterbury.")
    assert not label.material


def test_setext_and_all_caps_titles_are_headings():
    assert not label_change("removed", "**QUIBBLR TERMS OF SERVICE**\n===========", None).material
    assert not label_change("added", None, "QUIBBLR COMMUNITY RULES").material


def test_all_caps_term_is_not_a_heading():
    assert label_change("added", None, "YOU WAIVE ANY RIGHT TO A JURY TRIAL").material


def test_a_changed_term_beside_an_e_mail_address_is_not_contact_details():
    label = label_change("modified", "Refunds within 14 days: write to help@zorblio.example.",
                         "Refunds within 7 days: write to support@zorblio.example.")
    assert label.cosmetic is None and label.material


def test_a_new_address_in_a_clause_about_nothing_legal_is_not_material():
    label = label_change("modified", "Zorblio's processor is Nimbus GmbH, Rosental 4, Munich, Germany.",
                         "Zorblio's processor is Nimbus GmbH, Hauptstrasse 9, Berlin, Germany.")
    assert not label.material and label.severity == "minor"


def test_a_new_venue_stays_material():
    label = label_change("modified", "Disputes go to the courts of Munich, Germany.",
                         "Disputes go to the courts of Berlin, Germany.")
    assert label.material and "Berlin" in label.explanation


def test_a_typo_fixed_is_named_spelling_and_a_merge_stays_regrouped():
    from tracker.analysis import analyse

    doc = "# Zorblio Terms\n\n## 2. Accounts\n\nYou need an account to use the {w}. Keep your password safe.\n"
    typo = analyse(doc.format(w="aplication"), doc.format(w="application"))
    assert typo.summary == "Cosmetic change only: spelling", typo.summary
    assert [c.cosmetic for c in typo.changes] == ["spelling"]
    merged = analyse("# Zorblio Terms\n\n## 2. Accounts\n\nYou need an account.\n\nKeep your password safe.\n",
                     "# Zorblio Terms\n\n## 2. Accounts\n\nYou need an account. Keep your password safe.\n")
    assert not merged.material and all(c.cosmetic != "spelling" for c in merged.changes), merged.changes


def test_a_named_value_agrees_with_its_verb():
    # "The laws is now England instead of France" (a real Match.com history) reads as the governing law
    from tracker.analysis.materiality import _named

    assert _named("laws") == "governing law is" and _named("applicable law") == "governing law is"
    assert _named("service fee") == "service fee is" and _named("delivery fees") == "delivery fees are"
    assert _named("status") == "status is" and _named("address") == "address is"


def test_labelled_list_gives_the_patterns_answer_without_its_backtracking():
    """A clause like "Cookies used: a, b, ..., z; more" made the labelled-list pattern backtrack
    exponentially in its commas (22 commas: seconds) before failing; the guard answers at once
    and agrees with the pattern wherever the pattern is quick."""
    import itertools
    import time

    from tracker.analysis.materiality import _LABELLED_LIST, _labelled_list

    parts = ["Cookies used", ":", " ", "Zorb", ",", ".", ";", "\n", "a b"]
    for n in range(1, 6):
        for combo in itertools.product(parts, repeat=n):
            text = "".join(combo)
            want, got = _LABELLED_LIST.match(text), _labelled_list(text)
            assert (want and want.groupdict()) == (got and got.groupdict()), text
    assert _labelled_list("Cookies used: Zorb, Plink.")["items"] == "Zorb, Plink"
    slow = "Cookies used: " + "zorb, " * 40 + "plink; more"
    started = time.process_time()
    assert _labelled_list(slow) is None
    assert time.process_time() - started < 0.5


def test_a_list_run_into_its_lead_in_is_quoted_as_a_list_never_cut_at_its_marker():
    text = ("You agree that you will not 1. Resell or sublicense the Service to any other person or company, whether "
            "for a fee or not; 2. Use the Service to send unsolicited bulk messages to anyone; 3. Probe, scan or test "
            "the vulnerability of our systems.")
    for kind, old, new in (("added", None, text), ("removed", text, None)):
        explanation = label_change(kind, old, new).explanation
        assert "You agree that you will not: resell or sublicense the Service" in explanation, explanation
        assert not re.search(r"\b\d\. ", explanation), explanation


def test_scattered_rewording_quotes_both_passages_not_fragments() -> None:
    """Words replaced here and there in one clause: the explanation quotes the passage as it
    reads now and as it read before, never a list of fragments ("Zorblio; Affiliates; host; ...")."""
    label = label_change(
        "modified",
        "You grant us and our legal successors the right to store, archive, parse, and display Your Posts, "
        "and make incidental copies, as necessary to provide the Service.",
        "You grant Zorblio and our Affiliates the right to store, host, archive, parse, display, and make copies "
        "of Your Posts as necessary to provide, develop, and improve the Service, including by training models.")
    text = label.explanation
    assert label.material and text.startswith("Now says “"), text
    now, was = re.match(r"Now says “(.+?)” instead of “(.+?)”", text).groups()
    assert "; " not in now and "; " not in was, text  # whole passages, no fragment list
    assert "Zorblio and our Affiliates the right to store, host" in now, text
    assert "us and our legal successors the right to store" in was, text


def test_one_replacement_made_throughout_is_said_once_with_a_count() -> None:
    before = "Plan 16 includes support. Plan 16 renews monthly. Plan 16 may be cancelled at any time."
    label = label_change("modified", before, before.replace("16", "17"))
    assert "16; 16" not in label.explanation and "17; 17" not in label.explanation, label.explanation


def test_two_values_gone_for_one_new_wording_are_one_sentence() -> None:
    label = label_change(
        "modified",
        "Except where the law says otherwise, this Agreement will be governed by the laws of Malta in the "
        "District Court of Sliema.",
        "These Terms shall be governed by and construed in accordance with the laws of the Republic of Estonia, "
        "subject to directly applicable EU regulations.")
    text = label.explanation
    assert text.count("Now says") == 1, text
    assert "Malta" in text and "Estonia" in text, text


@pytest.mark.parametrize("before,after", [
    ("Zorblio may suspend your account with 30 days' notice.", "Zorblio may suspend your account without notice."),
    ("We may terminate your account with 30 days' prior notice.", "We may terminate your account at any time."),
    ("We may terminate your account with prior notice.", "We may terminate your account."),
    ("Fees may change with 30 days' notice to you.", "Fees may change at any time without notice."),
    ("We will notify you at least 30 days in advance of any change to these Terms.",
     "We will notify you at least 7 days in advance of any change to these Terms."),
    ("We may retire a plan after giving two weeks notice.", "We may retire a plan after giving one week notice."),
    ("We may close your account for inactivity after notifying you by email.",
     "We may close your account for inactivity."),
])
def test_notice_taken_away_is_critical(before: str, after: str) -> None:
    """A clause that now allows something without notice, drops the notice it gave, or shortens
    its notice period is a watch-out of the highest severity, and never good news."""
    label = label_change("modified", before, after)
    assert label.material and label.severity == "critical", (label.severity, label.explanation)
    assert "good news" not in label.explanation
    assert re.search(r"\bnoti(?:ce|fy|fying)\b", label.explanation), label.explanation


def test_notice_promise_removed_is_critical_not_good_news() -> None:
    label = label_change("removed", "We will give you 30 days' notice before we terminate your account.", None)
    assert label.severity == "critical" and "good news" not in label.explanation, label.explanation


@pytest.mark.parametrize("before,after", [
    ("You must give us 30 days' notice to cancel.", "You may cancel at any time."),  # the user's duty went
    ("We will give you 14 days' notice before a price increase.",
     "We will give you 30 days' notice before a price increase."),  # longer notice
])
def test_more_notice_or_the_users_own_notice_is_not_critical(before: str, after: str) -> None:
    assert label_change("modified", before, after).severity != "critical"


def test_a_name_the_clause_repeats_is_quoted_once() -> None:
    """"Only names changed: OFiTech; OFiTech", "Drops “beginning; beginning”": a run quoted once."""
    from tracker.analysis.materiality import _quote

    assert _quote(["Quarry", "Quarry Parties", "Quarry"]) == "Quarry; Quarry Parties"


def test_sentence_table_finds_exactly_the_sentences_a_full_scan_finds():
    """The stem index behind ``restatement`` answers as a scan of every sentence would: the same
    sentences, in document order, for every share asked (including stems no sentence holds)."""
    from tracker.analysis.materiality import _SentenceTable

    text = "\n".join([
        "Members of Quillbrook may cancel their plan at any time from the account page.",
        "Quillbrook may cancel a member's plan when the member breaks these rules.",
        "Refunds are paid within 14 days of a cancelled plan to the card used.",
        "A member may ask for a refund of the unused part of an annual plan.",
        "Quillbrook stores the member's messages for 30 days after the account is closed.",
        "Members may cancel the plan at any time from the account page of Quillbrook.",
        "Short line.",
    ])
    table = _SentenceTable(text)
    assert len(table.sentences) == 6  # the 2-word line is too short to be a sentence
    queries = [stems for _, stems in table.sentences] + [
        frozenset(next(iter(table.sentences))[1]) | {"zzunknown", "yyunknown"},
        frozenset({"zzunknown", "yyunknown", "xxunknown", "wwunknown"}),
    ]
    found_some = False
    for mine in queries:
        for share in (0.5, 0.8, 1.0):
            need = share * len(mine)
            scan = [(t, s) for t, s in table.sentences if len(mine & s) >= need]
            assert table.sharing(mine, need) == scan
            found_some |= len(scan) > 1
    assert found_some  # the two wordings of the cancellation sentence find each other


def test_a_quote_keeps_a_section_named_as_its_subject_and_a_verb_with_its_auxiliaries() -> None:
    """"SECTION 15 REQUIRES … THAT ALL DISPUTES … SHALL BE RESOLVED BY ARBITRATION" was quoted as
    "REQUIRES … RESOLVED BY …": a quote starts at its subject and never inside a verb phrase."""
    from tracker.analysis import analyse
    from tracker.analysis.materiality import _about

    clause = ("Section 15 requires with limited exceptions, that all disputes between you and Quillfen shall be "
              "resolved by binding and final arbitration, including disputes related to arbitrability.")
    quote = _about(clause, ("arbitration",))
    assert quote.startswith("Section 15 requires"), quote
    assert "… shall be resolved by binding" in quote, quote
    result = analyse("# Quillfen Terms\n\n## 1. Intro\n\nWelcome to Quillfen.\n",
                     f"# Quillfen Terms\n\n## 1. Intro\n\nWelcome to Quillfen.\n\n{clause}\n")
    assert any("Section 15 requires" in c.explanation for c in result.changes), [c.explanation for c in result.changes]
    # a section number that only numbers its clause is still dropped
    assert _about("Section 3. Fees are due each month " + "and are charged to your card " * 4, ("pricing",)
                  ).startswith("Fees are due")


def test_one_stretch_of_words_for_another_is_quoted_in_place_and_marked_where_cut() -> None:
    """"Now says “solution amiable échoue, le Membre…” instead of “porter sa réclamation devant”"
    quoted bare runs that start mid-phrase: each side is the passage from its sentence's start
    (or "…" where cut), and never starts on a clause's number or an unpaired emphasis mark."""
    from tracker.analysis import analyse

    lead = "# CGU\n\n## Litiges\n\nEn cas de litige, le Membre peut :\n\n* "
    result = analyse(lead + "De porter sa réclamation devant les juridictions françaises compétentes.\n",
                     lead + "Si la solution amiable échoue, le Membre peut recourir à la médiation ou saisir les "
                            "juridictions françaises compétentes.\n")
    (change,) = result.changes
    assert change.explanation.startswith("Now says “Si la solution amiable échoue"), change.explanation
    assert "instead of “De porter sa réclamation" in change.explanation, change.explanation
    for quote in re.findall(r"“([^”]*)”", change.explanation):
        assert quote[:1].isupper() or quote.startswith("…"), quote  # starts at its start, or says it does not
    numbered = "# T\n\n## Warranty\n\n**8.1.4** Quillfen does not warrant that the Member or Subscriber will be able "
    result = analyse(numbered + "to use the Services if their provider fails to provide an adequate service.\n",
                     "# T\n\n## Warranty\n\n**8.1.4** Quillfen does not warrant that you will be able to use them on "
                     "any device or in any country, and Quillfen may end them.\n")
    for c in result.changes:
        assert "8.1.4" not in c.explanation and "**" not in c.explanation, c.explanation


def test_a_quote_whose_end_was_left_out_as_noise_says_it_goes_on() -> None:
    """"Removed: Users may make claims on the ... platform at" (its address read as noise): a
    quoted sentence never ends on a word or colon that leads into words left out."""
    from tracker.analysis import analyse

    head = "# T\n\n## Disputes\n\nWe try to settle disputes with you informally first.\n"
    gone = ("Users may make claims for a refund on the Quillfen online dispute resolution platform at: "
            "http://disputes.quillfen.example/odr/.")
    (change,) = analyse(f"{head}\n{gone}\n", head).changes
    assert change.material and re.search(r"platform(?: at)?…", change.explanation), change.explanation
    assert not re.search(r"\bat:?(?:\s*\(|$)", change.explanation), change.explanation


def test_a_watch_out_still_given_elsewhere_in_the_new_version_is_no_good_news() -> None:
    """"Removed watch-out: … CLASS ACTION WAIVER … — good news for users" while the new version's
    section 15b still waived class actions: a removed or reworded watch-out is good news only when
    no passage of the new version is still that watch-out; a waiver truly gone still is."""
    from tracker.analysis import analyse

    head = "# Quillmark Terms\n\n## 1. Service\n\nQuillmark lets you store notes online.\n\n"
    disputes = ("## 9. Disputes\n\nYou and Quillmark agree to resolve disputes by individual binding arbitration. "
                "YOU WAIVE ANY RIGHT TO BRING OR PARTICIPATE IN A CLASS ACTION OR CLASS-WIDE ARBITRATION.\n\n")
    changes = "## 4. Changes\n\nWe reserve the right to modify these terms at any time without notice to you.\n\n"
    waiver = "## 10. Waiver\n\nYou waive any right to participate in a class action against Quillmark.\n"
    old = head + changes + disputes + waiver

    def explanations(new: str) -> list[str]:
        result = analyse(old, new)
        assert result.material
        return [c.explanation for c in result.changes if c.material]

    # one of two class-action waivers removed: the other still binds
    assert not any("good news" in e for e in explanations(head + changes + disputes)), explanations(head + changes + disputes)
    # the power to change the terms reworded, not given up
    reworded = changes.replace("We reserve the right to modify these terms at any time",
                               "These terms may change from time to time, at our sole discretion and")
    assert not any("good news" in e for e in explanations(head + reworded + disputes + waiver))
    # every waiver gone: good news
    gone = explanations(head + changes)
    assert any("good news" in e and "class-action" in e for e in gone), gone

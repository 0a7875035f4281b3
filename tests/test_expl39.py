"""Explanations and categories that agree with themselves (issue 11, the nu41 user's findings),
on invented texts of fictional services."""

from tracker.analysis.analyse import analyse
from tracker.analysis.materiality import label_change

_RULES = """# Quillory Photos Acceptable Use Policy

## Sharing

You may share albums with friends and family.

## Use of sounds
"""


def test_a_watch_out_category_is_among_the_change_categories() -> None:
    # a penalty sentence under a rule of use: voted a rule of use, and a termination watch-out too
    new = _RULES + ("\nSounds provided within Quillory Photos are for personal, non-commercial use only. "
                    "Any such use is a violation of these Terms and may result in the removal of your content "
                    "and/or suspension or termination of your account.\n")
    result = analyse(_RULES, new)
    for change in result.changes:
        if not change.material:
            continue
        tail = change.explanation.rsplit("(", 1)[-1].rstrip(")").split(", ")
        assert set(tail) <= set(change.categories), (change.explanation, change.categories)


_CANCEL_OLD = ("2.1 If these terms are unacceptable to you, you may (i) cancel your account by sending an e-mail to: "
               "[stop@zorblio.test](mailto:stop@zorblio.test) (see section 9.1) and/or (ii) stop using the service.")
_CANCEL_NEW = ("2.1 If these terms are unacceptable to you, you may (i) cancel your account (see section 9.1) "
               "and/or (ii) stop using the service.")


def test_a_way_to_cancel_removed_is_no_contact_detail() -> None:
    label = label_change("modified", _CANCEL_OLD, _CANCEL_NEW)
    assert label.material and label.cosmetic is None
    assert label.categories == ("subscription",)
    assert label.explanation.startswith("No longer says how to cancel: ")
    assert "stop@zorblio.test" in label.explanation


def test_an_address_replaced_stays_a_contact_detail() -> None:
    label = label_change("modified", "To opt out of offers, write to optout@zorblio.test.",
                         "To opt out of offers, write to privacy@zorblio.test.")
    assert not label.material and label.cosmetic == "contact-details"
    # one route of two gone, the other kept: still contact details
    label = label_change("modified", "To opt out of offers, write to optout@zorblio.test or call +1 555 010 0200.",
                         "To opt out of offers, call +1 555 010 0200.")
    assert not label.material


_SURVIVAL = ("10.3 The provisions of these Terms intended by their nature to survive termination shall so survive "
             "the termination of your account, including, without limitation, Sections 3 (“Member Content”), "
             "5 (“Indemnification; Limitation of Liability”), 11 (“Governing Law; Waiver of Class Actions”) "
             "and 12 (“Miscellaneous”).")


def test_section_titles_cited_are_no_watch_out_of_the_clause() -> None:
    label = label_change("added", None, _SURVIVAL)
    assert label.material
    assert "class-action" not in label.watch_added and label.severity != "critical"
    assert "class-action" not in label.categories
    # the waiver itself, citing a section by its number, still is one
    waiver = label_change("added", None, "YOU WAIVE ANY RIGHT TO BRING A CLASS ACTION AGAINST ZORBLIO (SEE SECTION 11).")
    assert "class-action" in waiver.watch_added


def test_a_condition_put_before_a_duty_of_the_provider_narrows_it() -> None:
    # a figure said another way beside it ("30 days" → "one month") is no rewording of the whole
    label = label_change("modified", "We will notify you at least 30 days before such changes apply to you.",
                         "In case of material changes we will notify you at least one month before such changes "
                         "apply to you.")
    assert label.material
    assert label.explanation.startswith("Now only in case of material changes: ")
    assert "terms-changes" in label.categories
    label = label_change("modified", "Zorblio will refund unused credits when you close your account.",
                         "Only if required by law, Zorblio will refund unused credits when you close your account.")
    assert label.material and label.explanation.startswith("Now only if required by law: ")
    # a condition the old text had already is no narrowing
    label = label_change("modified", "If you ask, we will delete your data within 30 days.",
                         "If you ask, we will delete your data within 10 days.")
    assert not label.explanation.startswith("Now only")


_FEES_OLD = ("We may change our plans and the price of our service from time to time; however, any price changes "
             "or changes to your plans will apply no earlier than 30 days following notice to you.")
_FEES_NEW = "We may change our plans and the price of our service from time to time."


def test_a_notice_cut_from_a_clause_and_given_in_a_new_sentence_is_no_notice_lost() -> None:
    from tracker.analysis.materiality import DocContext

    old = f"# Zorblio Terms\n\n{_FEES_OLD}\n\nYou may cancel at any time.\n"
    kept = (f"# Zorblio Terms\n\n{_FEES_NEW} We will notify you at least one month before any price changes or "
            "changes to your plan will become effective.\n\nYou may cancel at any time.\n")
    label = label_change("modified", _FEES_OLD, _FEES_NEW, context=DocContext.of(old, kept))
    assert label.severity == "material"
    assert label.explanation.startswith("Reworded: the notice it gave is now a sentence of its own: ")
    # with no such sentence the notice is lost: a watch-out's severity
    gone = f"# Zorblio Terms\n\n{_FEES_NEW}\n\nYou may cancel at any time.\n"
    assert label_change("modified", _FEES_OLD, _FEES_NEW, context=DocContext.of(old, gone)).severity == "critical"


def test_a_list_of_named_trackers_removed_is_about_data_use() -> None:
    label = label_change("removed", "Applicable cookies: Glimmer Tag Manager, Quillstats, Segmenta, Optimo", None,
                         heading="Performance cookies")
    assert label.material and label.categories == ("privacy",)
    # the same list under essential cookies stays without effect, and a label with no names is no list
    assert not label_change("removed", "Applicable cookies: Deskly, Paystream, Consent Keeper", None,
                            heading="Essential cookies").material
    assert not label_change("added", None, "Our partners: see the list below").material
    # a name put in the list: one more tracker
    label = label_change("modified", "Applicable cookies: Glimmer, Quillstats, Segmenta",
                         "Applicable cookies: Glimmer, Quillstats, Segmenta, Hotspot", heading="Analytics")
    assert label.material and "privacy" in label.categories


def test_where_to_read_a_document_is_no_right() -> None:
    from tracker.analysis.rights import gives_user_a_right

    assert not gives_user_a_right("You can review the BAA at: https://quillory.test/baa.")
    assert not gives_user_a_right("You may read our Cookie Policy here.")
    assert gives_user_a_right("You can download your data from the settings page.")
    old = "# Quillory Terms\n\n## Health data\n\nYou must not upload health records.\n"
    new = old + "\nYou can review the BAA at: [https://quillory.test/baa](https://quillory.test/baa).\n"
    result = analyse(old, new)
    assert not any(c.explanation.startswith("New right for users") for c in result.changes)


def test_a_survival_clause_in_a_document_is_about_termination_not_the_sections_it_names() -> None:
    # its opening said already by the old version: the sections it names are what it adds (the
    # words around a change weigh most)
    old = ("# Zorblio Terms\n\n## 10 Termination\n\nYou may close your account at any time.\n\n"
           + _SURVIVAL[:_SURVIVAL.index(", including")].replace("10.3", "10.2") + ".\n\n")
    result = analyse(old, old + _SURVIVAL + "\n")
    (change,) = [c for c in result.changes if c.material]
    assert "class-action" not in change.categories and "liability" not in change.categories
    assert "Waiver of Class Actions" not in change.explanation



def test_a_way_replaced_by_another_channel_is_no_way_removed() -> None:
    label = label_change("modified", "To request a copy of your data, e-mail us at data@zorblio.test.",
                         "To request a copy of your data, use the web form on your account page.")
    assert not label.explanation.startswith("No longer says how to")
    label = label_change("modified", "* Request deletion by emailing us at privacy@zorblio.test or calling us at "
                         "1-800-555-0100.", "* Request deletion at [https://zorblio.test/delete](https://zorblio.test/delete).")
    assert not label.explanation.startswith("No longer says how to")

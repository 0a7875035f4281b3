"""Faulty captures told from the pair alone (issue 11, false alarms of the kind "the new (or old)
snapshot is no new version of the terms but a capture that failed").

Three kinds the existing checks let through, each now said plainly by ``analyse`` (every clause
change still listed, none material):

- an empty capture (``boilerplate.empty_side``): no letter at all, against any text of a few words
  (terms, or a login form captured in their place), however short that text is;
- a capture that lost sections of the page (``boilerplate.sections_lost_side``): its own table of
  contents still lists sections, as the other side's does, whose text it no longer has (the middle
  of the page skipped, a heading left empty), where ``truncated_side`` sees only a clean end;
- another document captured in place of this one (``scope.other_document``): the two sides share
  hardly a line and each names itself as a kind of document the other never does (an acceptable
  use policy, then a software licence agreement).

Near misses stay material: sections really removed (dropped from the contents too), one stale
entry of a contents list, a new section, terms rewritten from scratch as the same kind of
document. Invented texts of fictional services; whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.boilerplate import empty_side, sections_lost_side
from tracker.analysis.scope import other_document

# --- an empty capture -------------------------------------------------------------------------

LOGIN_FORM = ("brindle Back Login Create new account (e.g. name@mail.example) Forgot password Remember me GO "
              "Sign Up I already have a Brindle Login \\* By signing up, you agree to our Terms of Use Privacy "
              "Policy GO Forgot your password? Enter your Email address and we'll send you a link BACK GO\n\n"
              "loading, please Wait...\n")

SHORT_TERMS = ("# Brindle Sites Terms\n\nYou must be 16 or older to open an account.\n\n"
               "Plans renew every month until you cancel them in the settings.\n\n"
               "Refunds are given within 14 days of a first payment.\n")


def test_empty_new_capture_after_a_login_form_is_a_failed_capture():
    a = analyse(LOGIN_FORM, "")
    assert not a.material
    assert a.summary.startswith("The new text is empty")
    assert a.changes and not any(c.material for c in a.changes)  # the form's lines still listed


def test_empty_old_capture_then_short_terms_is_the_recovery_not_new_terms():
    a = analyse("\n  \n", SHORT_TERMS)
    assert not a.material
    assert a.summary.startswith("The old text is empty")
    assert any(c.kind == "added" for c in a.changes)


def test_markup_alone_is_empty_but_a_short_sentence_is_not():
    assert empty_side(SHORT_TERMS, "# \n\n---\n\n* * *\n") == "new"
    assert empty_side(SHORT_TERMS, "Refunds are no longer given.") is None  # a short text is read as usual
    assert empty_side("", "") is None and empty_side("", "Brindle") is None  # nothing against a word or two


# --- a capture that lost sections -------------------------------------------------------------

CONTENTS = ["1. About this policy", "2. What we collect", "3. Who we share it with", "4. How long we keep it",
            "5. Your rights", "6. Contact us"]
BODIES = {
    "1. About this policy": ["This policy explains how Quillfeather Notes handles personal data of its users.",
                             "It applies to the Quillfeather website and to the Quillfeather mobile apps."],
    "2. What we collect": ["We collect your name and e-mail address when you open an account.",
                           "We collect the notes you write, so that we can sync them between your devices.",
                           "2.1 Payment data", "Our payment processor collects your card number; we never see it.",
                           "2.2 Usage data", "We record which features you use to improve the apps."],
    "3. Who we share it with": ["We share your data with our hosting provider, which stores it in Finland.",
                                "We share your e-mail address with our mailing provider to send you notices.",
                                "We never sell your personal data to advertisers or data brokers."],
    "4. How long we keep it": ["We keep your notes while your account is open.",
                               "Deleted notes stay in our backups for 30 days, then are erased.",
                               "Billing records are kept for seven years, as tax law requires."],
    "5. Your rights": ["You may ask for a copy of your data at any time by writing to privacy@quill.example.",
                       "You may ask us to correct or delete your data, and we answer within one month.",
                       "You may complain to your data protection authority."],
    "6. Contact us": ["Quillfeather Notes Ltd, 4 Harbour Lane, Porthwick.", "E-mail: privacy@quill.example."],
}


def _anchor(title: str) -> str:
    return "#" + "-".join(title.lower().replace(".", "").split())


def policy(contents: list[str], sections: list[str], *, stamp: str = "Last updated: 2 March 2031",
           emptied: tuple[str, ...] = ()) -> str:
    """A privacy policy with a table of contents (links to its sections) and those sections."""
    lines = ["Quillfeather Privacy Policy", "===========================", "", stamp, ""]
    lines += [f"[{t.replace('.', chr(92) + '.', 1)}]({_anchor(t)})\n" for t in contents]
    for title in sections:
        lines += ["", title.replace(".", "\\.", 1), "=" * len(title), ""]
        for body in BODIES[title]:
            if body[:3] in emptied:  # a sub-heading whose text the capture lost
                lines += [body, ""]
                break
            lines += [body, ""]
    return "\n".join(lines)


WHOLE = policy(CONTENTS, CONTENTS)


def test_capture_that_skipped_the_middle_sections_is_cut_off_not_terms_removed():
    # the contents still lists 3, 4 and 5, their text is gone, "2.1 Payment data" left empty; the
    # capture ends on a full stop (the contact section), so it is no clean prefix either
    garbled = policy(CONTENTS, ["1. About this policy", "2. What we collect", "6. Contact us"], emptied=("2.1",))
    a = analyse(WHOLE, garbled)
    assert not a.material
    assert a.summary.startswith("The new capture looks cut off: its own table of contents still lists 3 sections")
    assert "“3. Who we share it with”" in a.summary
    assert a.changes and all(not c.material for c in a.changes)
    assert any("Missing from a capture that lost sections" in c.explanation for c in a.changes)


def test_the_whole_page_back_after_such_a_capture_is_not_new_terms():
    garbled = policy(CONTENTS, ["1. About this policy", "2. What we collect", "6. Contact us"])
    a = analyse(garbled, WHOLE)
    assert not a.material
    assert a.summary.startswith("The old capture looks cut off")
    assert sections_lost_side(garbled, WHOLE) == ("old", CONTENTS[2:5])


def test_sections_really_removed_leave_the_contents_too_and_stay_material():
    kept = ["1. About this policy", "2. What we collect", "6. Contact us"]
    removed = policy(kept, kept)
    assert sections_lost_side(WHOLE, removed) is None
    a = analyse(WHOLE, removed)
    assert a.material  # the promise never to sell data and the rights to access and deletion are gone


def test_one_stale_contents_entry_is_no_failed_capture():
    # a section removed, its line in the contents forgotten: an editor's slip, read as usual
    without = [t for t in CONTENTS if t != "3. Who we share it with"]
    stale = policy(CONTENTS, without)
    assert sections_lost_side(WHOLE, stale) is None
    assert analyse(WHOLE, stale).material


def test_a_new_section_with_its_contents_entry_stays_material():
    BODIES["7. Artificial intelligence"] = [
        "We use the notes you write to train the language models behind our writing assistant.",
        "You can opt out of this training in the settings."]
    try:
        grown = policy(CONTENTS + ["7. Artificial intelligence"], CONTENTS + ["7. Artificial intelligence"])
        assert sections_lost_side(WHOLE, grown) is None
        assert analyse(WHOLE, grown).material
    finally:
        del BODIES["7. Artificial intelligence"]


def test_a_short_page_without_contents_is_left_to_the_other_checks():
    plain = "\n\n".join(line for title in CONTENTS for line in [title, *BODIES[title]])
    assert sections_lost_side(plain, plain[: len(plain) // 3]) is None


# --- another document captured in place of this one ---------------------------------------------

AUP = "\n\n".join([
    "Nimbrel Broadband Acceptable Use Policy",
    "Why is Nimbrel providing this Acceptable Use Policy to me?",
    "Nimbrel wants every customer to enjoy a fast and reliable home internet connection.",
    "To that end, Nimbrel has adopted this Acceptable Use Policy, which sets out how the Service may be used.",
    "Everyone who uses the Service must comply with this Policy, whether or not they are the account holder.",
    "You must not use the Service to send unsolicited bulk e-mail or to host phishing pages.",
    "You must not use the Service to scan other networks for weaknesses or to break into computers.",
    "You must not run servers for public use from a residential connection without our written consent.",
    "You must not resell the Service or share it with neighbours through an open wireless network.",
    "You must not upload material that infringes the copyright of others or that is unlawful to possess.",
    "You are responsible for the security of the devices connected to your home network.",
    "Nimbrel may suspend an account that sends traffic harmful to the network until the problem is fixed.",
    "Nimbrel may remove content hosted on its servers that breaks the rules set out above.",
    "Nimbrel may report unlawful activity to the police and cooperate with their investigations.",
    "Complaints about abuse of the network may be sent to abuse@nimbrel.example.",
    "You must not interfere with the use of the Service by other customers, for example by flooding them.",
    "You must not forge the headers of e-mail messages or hide the origin of the traffic you send.",
    "You must not use the Service to collect e-mail addresses of other people without their consent.",
    "You must not operate an open relay or an open proxy that others can use to send traffic.",
    "You must keep your password secret and tell us at once if someone else uses your account.",
    "Nimbrel does not watch the traffic of its customers, but it may look into complaints it receives.",
    "Nimbrel may change the speed of a connection that harms the network during busy hours.",
    "Customers who break these rules more than twice may lose their connection for good.",
    "Questions about this Policy may be sent to policy@nimbrel.example.",
])
LICENCE = "\n\n".join([
    "Terms of Service | Web Terms | Software License | Report Abuse",
    "Nimbrel Software License Agreement Effective Date: 14 April 2031",
    "Please read this software license agreement (the \"Agreement\") carefully before installing our apps.",
    "By installing or using the Nimbrel apps you accept this Agreement on behalf of your household.",
    "1. Grant of a licence. We grant you a personal, revocable and non-transferable right to install the apps.",
    "2. Restrictions. You may not copy, modify, decompile or reverse engineer the apps.",
    "3. Updates. The apps may update themselves without asking you, to fix errors or add features.",
    "4. Data. The apps send us crash reports and the model of your device to help us fix errors.",
    "5. Ownership. The apps remain the property of Nimbrel and its licensors at all times.",
    "6. Termination. This Agreement ends when you uninstall the apps or when we stop offering them.",
    "7. Warranty. The apps are provided as they are, without any warranty of fitness for a purpose.",
    "8. Liability. Our total liability under this Agreement is limited to fifty dollars.",
    "9. Export. You may not export the apps to a country under trade sanctions.",
    "10. Governing law. The laws of the State of Delaware govern this Agreement.",
    "11. Changes. We may change this Agreement by posting a new version on this page.",
    "12. Third-party software. Parts of the apps come from other authors under their own open licences.",
    "13. Support. We may, but need not, answer questions about the apps sent to apps@nimbrel.example.",
    "14. Assignment. You may not transfer your rights under this Agreement; we may transfer ours.",
    "15. Severability. If a court finds a part of this Agreement void, the rest of it still applies.",
    "16. Entire agreement. This Agreement is the whole agreement between you and us about the apps.",
    "17. Notices. We send notices about the apps by e-mail to the address of your Nimbrel ID.",
    "18. Consumers. Nothing here limits the rights you have as a consumer under the law of your country.",
    "19. Beta features. Features marked as a preview may stop working or disappear without warning.",
    "20. Contact. Write to Nimbrel Apps, 9 Quarry Road, Elmstead, with questions about the licence.",
])


def test_a_page_that_flips_to_a_sibling_document_is_not_a_change_of_terms():
    assert len(AUP) >= 2000 and len(LICENCE) >= 2000
    a = analyse(AUP, LICENCE)
    assert not a.material
    assert a.summary.startswith("The old text calls itself “Acceptable Use Policy” and the new one “Agreement”")
    assert "another document captured in place of this one" in a.summary
    assert a.changes and not any(c.material for c in a.changes)
    assert not analyse(LICENCE, AUP).material  # and back


NEW_TERMS = "\n\n".join([
    "Nimbrel Broadband Acceptable Use Policy (2032)",
    "This Acceptable Use Policy replaces the rules we published before and takes effect on 1 January 2032.",
    "Read this Acceptable Use Policy together with your service contract; both bind every user of the line.",
    "Home connections are for personal use only: running a business from them now needs a business plan.",
    "Traffic above 2 terabytes a month is slowed to 10 megabits per second until the next billing cycle.",
    "Peer-to-peer file sharing is blocked between 6 pm and midnight on every connection.",
    "We inspect the headers of your traffic to enforce these limits and keep the records for one year.",
    "A second breach of the limits ends your contract without notice and without a refund of the month paid.",
    "Devices that we find infected with malware are cut off from the internet until you clean them.",
    "You owe us the cost of any fine a regulator imposes on us because of traffic sent from your line.",
    "Disputes about a suspension are settled by binding arbitration, not in court.",
    "You waive the right to take part in a class action about the way we manage the network.",
    "We may change the limits at any time by e-mail, seven days before the change applies.",
    "Customers may not connect more than ten devices at once; extra devices are refused by the router.",
    "Static addresses are no longer offered on home plans and are withdrawn from existing lines.",
    "Outgoing mail on port 25 is blocked; use the relay of your mail provider instead.",
    "We may read the content of unencrypted traffic when a court or the police ask us to.",
    "Repeated copyright complaints about a line end its contract after the third one.",
    "Game servers and voice calls get priority over video streams when the network is congested.",
    "Routers that we supply stay our property and must be returned within 30 days of the contract's end.",
    "You may not use a virtual private network to avoid the limits described in this policy.",
    "Business customers are bound by a separate policy and are not covered by these rules.",
    "Send questions about the limits to limits@nimbrel.example; we answer within ten working days.",
])


def test_terms_rewritten_from_scratch_as_the_same_kind_of_document_stay_material():
    assert len(NEW_TERMS) >= 2000
    assert other_document(AUP, NEW_TERMS) is None  # both name themselves an acceptable use policy
    assert analyse(AUP, NEW_TERMS).material


def test_a_text_that_names_both_kinds_is_not_told_another_document():
    # a licence that also calls itself a policy once is no clear other kind: read as usual
    mixed = LICENCE + "\n\nThis Agreement works together with our Acceptable Use Policy for the apps."
    assert other_document(AUP, mixed) is None
    assert other_document(AUP, LICENCE) == ("Acceptable Use Policy", "Agreement")
    assert other_document(AUP, LICENCE[:1500]) is None  # a short page is left to the other checks

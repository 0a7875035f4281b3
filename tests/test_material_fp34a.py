"""Rewordings that are no change of terms, and new duties or recipients that are (issue 11).

Four kinds of wrong verdicts on real version pairs, each shown with invented texts of fictional
services and a near miss that must keep its verdict:

* a permission the provider hedged ("we may, but are not required to, assist you in recovering your
  funds") made a duty, if only a duty of effort ("we will make reasonable efforts to recover your
  funds"): a new duty, found by ``materiality._modal_shift`` though "may" is still said elsewhere
  in the document;
* a pointer to the old version of a policy ("Click here to view our current Coins Policy, which is
  being replaced by the Virtual Items Policy"), its italics broken by its links, removed: what the
  linked page's fate is belongs to that page (``materiality._DESCRIBES``, ``_EDGE_EMPHASIS``);
* a text-message programme's carrier notice with a stray stop ("Msg &. data rates may apply"):
  still the carrier's notice (``boilerplate.is_carrier_notice``);
* a named company newly engaged to handle what users give ("Lumen Notes uses Formbox to capture
  feedback provided by users"): a new recipient of their data, a term (``materiality._LEGAL_EFFECT``).

Whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_carrier_notice

HEAD = "# Quillpay Transfer Terms\n\nLast updated: 3 March 2031\n\n"
BODY = [
    "## 1. Sending money\n\nYou may send money to any recipient with an account at a bank in a supported country. "
    "We may refuse a transfer that breaks these terms. We may, but are not required to, check the name of the "
    "recipient, and you must not assist anyone in recovering funds sent to them by mistake.",
    "## 2. Fees\n\nWe charge a fee for each transfer, shown before you confirm it. "
    "We may change our fees by giving you 30 days notice.",
    "## 3. Incorrect details\n\n{clause}",
    "## 4. Closing your account\n\nYou may close your account at any time from the settings page. "
    "We may close your account if you break these terms.",
    "## 5. Contact\n\nYou can write to our support team from the help centre.",
]


def _doc(clause: str, head: str = HEAD, tail: str = "") -> str:
    return head + "\n\n".join(BODY).replace("{clause}", clause) + ("\n\n" + tail if tail else "") + "\n"


HEDGED = ("If you give us the wrong account number, we may, but are not required to, assist you in recovering "
          "your funds.")


def test_hedged_permission_made_a_duty_of_effort_is_material():
    after = ("If you give us the wrong account number, we will make reasonable efforts to recover your funds "
             "and to assist you in recovering your funds.")
    a = analyse(_doc(HEDGED), _doc(after))
    assert a.material
    assert any(c.material and "instead of" in (c.explanation or "") for c in a.changes)


def test_hedged_permission_made_a_plain_duty_is_material():
    after = "If you give us the wrong account number, we will assist you in recovering your funds."
    assert analyse(_doc(HEDGED), _doc(after)).material


def test_hedge_reworded_is_no_new_duty():
    # near miss: the same discretion said in other words stays a permission
    after = ("If you give us the wrong account number, we may, but are not obliged to, assist you in recovering "
             "your funds.")
    assert not analyse(_doc(HEDGED), _doc(after)).material


POINTER = ("_Our new Token Policy comes into effect on 1 May 2031. Click_ [here](https://quillpay.example/legal/"
           "credits-archive) _to view our current Credits Policy, which is being replaced by the Token Policy, and_ "
           "[here](https://quillpay.example/legal/whats-new) _for more details about what is changing._")


def test_removed_pointer_to_the_policy_being_replaced_is_not_material():
    head = "# Quillpay Token Policy\n\n" + POINTER + "\n\nLast updated: 3 March 2031\n\n"
    a = analyse(_doc(HEDGED, head=head), _doc(HEDGED, head="# Quillpay Token Policy\n\nLast updated: 3 March 2031\n\n"))
    assert not a.material
    assert any("pointer" in (c.explanation or "").lower() for c in a.changes)


def test_these_terms_replaced_by_other_terms_stays_material():
    # near miss: not a pointer to the old page, the terms themselves giving way to other terms
    tail = "These Transfer Terms will be replaced by the Quillpay Common Terms of Use on 1 May 2031."
    assert analyse(_doc(HEDGED), _doc(HEDGED, tail=tail)).material


def test_carrier_notice_with_a_stray_stop():
    assert is_carrier_notice("Msg &. data rates may apply.")
    assert is_carrier_notice("Msg & data rates may apply.")
    # near miss: a charge of the provider's own is a term, whatever notice comes with it
    assert not is_carrier_notice("We charge $0.50 per alert; Msg &. data rates may apply.")


def test_sms_campaign_notice_appended_is_not_material():
    tail = ("**SMS Campaign**\n\nQuillpay is sponsoring the Spring Saver SMS Campaign: Text \"Save\" to 55123 to get "
            "budgeting tips. Msg &. data rates may apply. Text **STOP** to cancel. Text **HELP** for help.")
    assert not analyse(_doc(HEDGED), _doc(HEDGED, tail=tail)).material


NOTES_HEAD = "# Lumen Notes Privacy Notice\n\nLast updated: 3 March 2031\n\n"
NOTES = [
    "## Information we collect\n\nLumen Notes stores the notes you write and the e-mail address of your account.",
    "## Service providers\n\nLumen Notes uses Cloudvault to store your notes. Lumen Notes uses Postmint to send "
    "account e-mails.{extra}",
    "## Your choices\n\nYou can delete your notes and your account at any time from the settings page.",
]


def _notes(extra: str = "") -> str:
    return NOTES_HEAD + "\n\n".join(NOTES).replace("{extra}", extra) + "\n"


def test_new_company_engaged_to_capture_user_data_is_material():
    extra = ("\n\n[Formbox.](https://formbox.example/) Lumen Notes uses Formbox to capture feedback optionally "
             "provided by users on account cancellation.")
    assert analyse(_notes(), _notes(extra)).material


def test_a_tool_named_for_no_user_data_is_not_material():
    # near miss: a named tool that handles nothing users give ("to format") is no recipient
    extra = "\n\nLumen Notes uses Markdown to format the pages of this notice."
    assert not analyse(_notes(), _notes(extra)).material


GUIDE = ("# Brightline Ads Content Guidelines\n\nLast updated: 3 March 2031\n\n"
         "#### Adult content\n\n*   Ads must not show nudity.\n*   Ads must not allude to sexual activity.\n\n"
         "{extra}#### Weapons\n\n*   Ads must not promote the sale of firearms.\n\n"
         "#### Landing pages\n\n*   A landing page must load within five seconds.\n")


def test_bare_no_item_in_content_guidelines_is_a_ban():
    extra = "#### Children\n\n*   No content targeted to children under the age of 13\n\n"
    a = analyse(GUIDE.replace("{extra}", ""), GUIDE.replace("{extra}", extra))
    assert a.material


def test_plan_feature_said_with_no_is_not_a_content_ban():
    # near miss: "No ..." that names no kind of content, or a plan's feature, is no ban
    from tracker.analysis.materiality import _CONTENT_BAN

    assert _CONTENT_BAN.match("No ads promoting payday loans")
    assert not _CONTENT_BAN.match("No credit card required")
    assert not _CONTENT_BAN.match("No ads for Premium members")

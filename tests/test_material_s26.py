"""Session 26: a linked company name added to a sentence that lists the parties that get the users'
data is a new party (privacy), not "a link's words changed" (invented texts)."""

from __future__ import annotations

from tracker.analysis.materiality import _linked_recipients_added
from tracker.api import compare

OLD = ("# Privacy\n\nOur email vendors are [Postwise](https://postwise.example/privacy), "
       "[Sendly](https://sendly.example/privacy), or [Mailbird](https://mailbird.example/legal), and you can "
       "unsubscribe using the link at the bottom of the email.\n")


def test_a_linked_vendor_added_to_the_list_is_a_new_party() -> None:
    new = OLD.replace("or [Mailbird](https://mailbird.example/legal), ",
                      "[Mailbird](https://mailbird.example/legal), or [Acumen](https://acumen.example/privacy) ")
    result = compare(OLD, new)
    assert result.material and result.categories == ("privacy",)
    assert "Acumen" in result.changes[0].explanation


def test_a_relinked_or_renamed_vendor_is_no_new_party() -> None:
    relinked = OLD.replace("https://mailbird.example/legal", "https://mailbird.example/privacy-notice")
    assert not compare(OLD, relinked).material
    renamed = OLD.replace("[Mailbird]", "[Mailbird Mail]")
    assert _linked_recipients_added(OLD, renamed, renamed) is None


def test_a_pointer_link_or_a_name_known_elsewhere_is_no_new_party() -> None:
    pointer = OLD.replace("and you can", "([Privacy Policy](https://quill.example/p)), and you can")
    assert _linked_recipients_added(OLD, pointer, OLD) is None
    known = OLD.replace("or [Mailbird](https://mailbird.example/legal), ",
                        "[Mailbird](https://mailbird.example/legal), or [Acumen](https://acumen.example/p) ")
    assert _linked_recipients_added(OLD, known, OLD + "\nWe host files with Acumen.\n") is None


def test_a_link_added_to_a_sentence_that_names_no_recipients_stays_a_link() -> None:
    old = "# Help\n\nRead our guides on [Setup](https://quill.example/setup) before you start.\n"
    new = old.replace("before", "and [Billing](https://quill.example/billing) before")
    assert _linked_recipients_added(old, new, old) is None
    assert not compare(old, new).material


# -- a ban said in the active voice is a lead-in of rules ("We do not permit:") -----------------------

BANS = ("# Community Rules\n\nUsernames. Members may use nicknames. {lead}\n\n* Any words that break these rules\n"
        "* The name of a celebrity\n")


def test_an_item_added_under_we_do_not_permit_is_a_new_rule() -> None:
    for lead in ("We do not permit:", "We don't allow:", "Quillory does not tolerate:"):
        old = BANS.format(lead=lead)
        new = old + "* Links to other dating sites\n"
        result = compare(old, new)
        assert result.material and "usage-rules" in result.categories, lead


def test_an_item_added_under_a_list_that_bans_nothing_is_no_rule() -> None:
    old = BANS.format(lead="We recommend:").replace("Any words that break these rules", "Your first name")
    new = old + "* A short nickname\n"
    assert not compare(old, new).material


def test_a_ban_in_the_active_voice_names_usage_rules_not_a_privacy_promise() -> None:
    from tracker.analysis.classify import classify_text

    assert "usage-rules" in classify_text("We do not permit: links to other sites").categories
    assert "usage-rules" not in classify_text("We do not sell your personal data to anyone.").categories


# -- who the user contracts with, said in a new sentence ---------------------------------------------

PARTY = ("# Terms\n\n## 1. Who we are\n\nQuillory provides the Service to users in many countries.\n\n"
         "You can reach our support team from the Help page.\n")


def test_a_new_sentence_naming_the_counterparty_is_material() -> None:
    for sentence in ("Until 30 June, your sole and exclusive counterparty is Quillory Holdings Ltd, 5 Harbour Road, Cork.",
                     "If you live in Canada, you are contracting with Quillory Canada Inc.",
                     "These Terms are an agreement between you and Quillory Europe B.V."):
        result = compare(PARTY, PARTY + "\n" + sentence + "\n")
        assert result.material, sentence


def test_counterparty_as_a_plain_word_is_no_party_named() -> None:
    new = PARTY + "\nOur counterparty risk team publishes a yearly report on the blog.\n"
    assert not compare(PARTY, new).material


# -- a word said twice, dropped ----------------------------------------------------------------------

def test_a_word_said_twice_dropped_is_a_typo_fixed() -> None:
    from tracker.analysis.materiality import label_change

    for old, new in (("To protect you, we will take steps the following steps to verify your identity.",
                      "To protect you, we will take the following steps to verify your identity."),
                     ("Refunds are paid to the card card used for the purchase within 14 days.",
                      "Refunds are paid to the card used for the purchase within 14 days.")):
        label = label_change("modified", old, new)
        assert not label.material, (old, label)
    label = label_change("modified", "To protect you, we will take steps the following steps to verify you.",
                         "To protect you, we will take the following steps to verify you.")
    assert label.cosmetic == "spelling", label
    assert not label_change("modified", "You may cancel the the plan.", "You may cancel the plan.").material


def test_a_word_dropped_that_is_not_said_again_stays_a_change() -> None:
    from tracker.analysis.materiality import label_change

    old = "We will delete your data and backups within 30 days of the request."
    new = "We will delete your data within 30 days of the request."
    assert label_change("modified", old, new).cosmetic != "spelling"


# -- a paragraph's bold run-in title changed, its sentences the same ---------------------------------

def test_a_run_in_title_reworded_or_split_off_is_no_term() -> None:
    from tracker.analysis.materiality import label_change

    body = "You may return a book you bought in the Quillory Store as our return policy permits."
    for old, new in ((f"**Book Returns and Cancellations.** {body}", f"**Returns.** {body}"),
                     (f"**Book Returns and Cancellations.**{body}", body)):
        label = label_change("modified", old, new)
        assert not label.material and label.explanation.startswith("Only its run-in title changed"), label


def test_a_bold_sentence_or_a_changed_body_is_no_title_change() -> None:
    from tracker.analysis.materiality import label_change

    body = "Write to us to ask for a refund."
    sentence = label_change("modified", f"**Refunds are available for 30 days.** {body}",
                            f"**Refunds are available for 14 days.** {body}")
    assert sentence.material
    changed = label_change("modified", f"**Returns.** {body}", "**Refunds.** Write to us within 14 days to ask for a refund.")
    assert not changed.explanation.startswith("Only its run-in title changed")

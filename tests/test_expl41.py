"""A postal address or contact block added, removed or changed (issue 11, the expl41 user's
findings): one plain explanation on each of its lines, never a heading, a law, a fragment or a
regrouping, and its short lines are no section titles. Invented texts of fictional services."""

from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import contact_line_kind, is_contact_block

_OLD = """# Zorblio Privacy Notice

## 9. Contact

If you have questions about this notice, please contact privacy@zorblio.example.

## 10. Changes

We may update this notice from time to time.
"""

_EU_BLOCK = """If you are in the European Union, you can also contact Zorblio's EU representative:

Zorblio EU Data Representative  
Quillan Partners Limited  
Harbour View House  
Lantern Street  
Dublin 2  
Ireland  
zorblio-rep@quillan.example

If you are in the United Kingdom, you can also contact our UK representative:

Zorblio UK Representative  
Quillan LLP  
7 Fenwick Lane  
London  
EC2M 4QP  
England  
zorblio-uk@quillan.example
"""

_NEW = _OLD.replace("## 10. Changes", _EU_BLOCK + "\n## 10. Changes")

_LINES = ("Zorblio EU Data Representative", "Quillan Partners Limited", "Harbour View House", "Lantern Street",
          "Dublin 2", "Ireland", "zorblio-rep@quillan.example", "Zorblio UK Representative", "Quillan LLP",
          "7 Fenwick Lane", "London", "EC2M 4QP", "England", "zorblio-uk@quillan.example")


def _block_changes(old: str, new: str) -> dict[str, object]:
    result = analyse(old, new)
    return {(c.after or c.before or "").strip(): c for c in result.changes}


def test_each_line_of_an_added_address_block_says_contact_details_added() -> None:
    result = analyse(_OLD, _NEW)
    assert not result.material
    by_line = {(c.after or "").strip(): c for c in result.changes}
    for line in _LINES:
        change = by_line[line]
        assert change.cosmetic == "contact-details", (line, change.explanation)
        assert not change.material
        assert change.explanation.startswith("Contact details: address of "), (line, change.explanation)
        assert change.explanation.endswith(" added")
        # never a heading, a law, a fragment or a regrouping
        for wrong in ("heading", "law", "fragment", "regrouped"):
            assert wrong not in change.explanation
    assert by_line["London"].explanation == "Contact details: address of our UK representative added"
    assert by_line["Dublin 2"].explanation == "Contact details: address of Zorblio's EU representative added"


def test_the_lines_of_an_address_are_no_section_titles() -> None:
    result = analyse(_OLD, _NEW)
    sections = {c.section for c in result.changes}
    assert sections == {"§ 9 Contact"}, sections


def test_a_removed_address_block_says_removed() -> None:
    result = analyse(_NEW, _OLD)
    gone = [c for c in result.changes if (c.before or "").strip() in _LINES]
    assert len(gone) == len(_LINES)
    assert all(c.explanation.endswith(" removed") and c.cosmetic == "contact-details" for c in gone)


def test_a_changed_street_line_in_a_block_is_contact_details() -> None:
    moved = _NEW.replace("7 Fenwick Lane", "12 Marlow Street").replace("EC2M 4QP", "EC3A 8BF")
    result = analyse(_NEW, moved)
    changed = [c for c in result.changes if c.kind != "unchanged"]
    assert changed and not result.material
    assert all(c.cosmetic == "contact-details" for c in changed), [c.explanation for c in changed]
    assert any(c.explanation == "Contact details: address of our UK representative changed" for c in changed)


def test_a_block_without_a_name_still_reads_as_an_address() -> None:
    block = "7 Fenwick Lane  \nLondon  \nEC2M 4QP  \nzorblio-uk@quillan.example\n"
    new = _OLD.replace("## 10. Changes", block + "\n## 10. Changes")
    result = analyse(_OLD, new)
    assert all(c.explanation == "Contact details: an address added" for c in result.changes), \
        [c.explanation for c in result.changes]


def test_a_block_named_by_its_first_line_not_by_a_label_or_a_route() -> None:
    named = "Contact us at:\n\nQuillan LLP  \n7 Fenwick Lane  \nLondon  \nEC2M 4QP\n"
    result = analyse(_OLD, _OLD.replace("## 10. Changes", named + "\n## 10. Changes"))
    lines = [c for c in result.changes if "Contact us" not in (c.after or "")]
    assert lines and all(c.explanation == "Contact details: address of Quillan LLP added" for c in lines), \
        [c.explanation for c in lines]
    labelled = "**Mailing Address:**  \n7 Fenwick Lane  \nLondon  \nEC2M 4QP\n"
    result = analyse(_OLD, _OLD.replace("## 10. Changes", labelled + "\n## 10. Changes"))
    assert all(c.explanation == "Contact details: an address added" for c in result.changes), \
        [c.explanation for c in result.changes]


def test_a_block_of_phone_numbers_is_contact_details_not_an_address() -> None:
    phones = "Zorblio Support  \nTel: +44 20 7946 0000  \nFax: +44 20 7946 0001  \nsupport@zorblio.example\n"
    result = analyse(_OLD, _OLD.replace("## 10. Changes", phones + "\n## 10. Changes"))
    assert result.changes and all(c.explanation == "Contact details of Zorblio Support added" for c in result.changes), \
        [c.explanation for c in result.changes]


def test_short_lines_of_terms_are_no_contact_block() -> None:
    # short verbless lines with no e-mail, phone, postcode or street are a list, not an address
    assert not is_contact_block(["Fees", "Refunds", "Cancellation"])
    # a line with a verb cannot be part of an address
    assert contact_line_kind("We may close your account.") == ""
    assert not is_contact_block(["Quillan LLP", "7 Fenwick Lane", "You must pay within 14 days."])
    assert contact_line_kind("EC2M 4QP") == "postcode"
    assert contact_line_kind("zorblio-rep@quillan.example") == "email"
    assert contact_line_kind("Tel: +44 20 7946 0000") == "phone"


def test_a_new_term_beside_an_address_stays_material() -> None:
    new = _NEW.replace("We may update this notice from time to time.",
                       "We may update this notice from time to time.\n\n"
                       "We will sell your personal data to advertisers.")
    result = analyse(_OLD, new)
    sold = [c for c in result.changes if "sell your personal data" in (c.after or "")]
    assert sold and sold[0].material


# -- a forum switched: the removed courts clause points to the arbitration that replaced it -------
_COURTS = """# Zorblio Terms of Service

## 12. Fees

You will pay the fees shown at checkout.

## 13. Governing law

These Terms are governed by the laws of the State of Oregon. Any dispute arising out of these Terms will be resolved in the state or federal courts located in Portland, Oregon.

## 14. Changes

We may change these Terms with notice.
"""

_ARBITRATED = _COURTS.replace(
    " Any dispute arising out of these Terms will be resolved in the state or federal courts located in Portland, "
    "Oregon.", "") + """
## 15. Arbitration

You and Zorblio agree that any dispute will be settled by binding arbitration administered by JAMS, and you waive any class action.
"""


def test_a_removed_courts_clause_points_to_the_arbitration_that_replaced_it() -> None:
    result = analyse(_COURTS, _ARBITRATED)
    gone = [c for c in result.changes if c.kind == "removed" and "Portland" in (c.before or "")]
    new = [c for c in result.changes if c.kind == "added" and "binding arbitration" in (c.after or "")]
    assert len(gone) == 1 and len(new) == 1
    assert new[0].explanation.startswith("Disputes now go to binding arbitration instead of the courts of Portland")
    assert gone[0].explanation.startswith("Replaced by binding arbitration (see § 15 Arbitration): "
                                          "disputes no longer go to the courts of Portland, Oregon"), gone[0].explanation
    assert "resolved in the state or federal courts" not in gone[0].explanation  # the news is not said twice
    assert gone[0].material  # (flags and categories stay: only what is said changes)


def test_a_courts_clause_removed_without_arbitration_is_still_said_removed() -> None:
    no_arbitration = _ARBITRATED.split("## 15. Arbitration")[0]
    result = analyse(_COURTS, no_arbitration)
    gone = [c for c in result.changes if c.kind == "removed" and "Portland" in (c.before or "")]
    assert gone and not gone[0].explanation.startswith("Replaced by binding arbitration")

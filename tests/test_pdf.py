"""PDF documents: text extraction with pypdfium2, through the real `tracker run` and `tracker diff`.

The PDFs are written by hand (support.make_pdf: catalog, page tree, Helvetica text streams, xref table), so
the tests need no PDF-writing dependency and show exactly what the file contains.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from support import make_pdf
from tracker.errors import ExtractError
from tracker.extract.convert import extract


def halcyon_terms(months: int = 12, venue: str = "Porto, Portugal") -> bytes:
    """Two pages of a fictional print service's terms, with a running header and page numbers."""
    header = (72, 760, 8, "Halcyon Print - Terms of Service - March 2026")
    page1 = [
        header,
        (72, 700, 18, "Halcyon Print Terms of Service"),
        (72, 664, 12, "1. Print credits"),
        (72, 644, 10, f"Print credits are non-refundable and expire {months} months after purchase. Unused"),
        (72, 631, 10, "credits are forfeited when an account is closed."),
        (72, 605, 10, "Credits cannot be transferred to another account."),
        (72, 570, 12, "2. Orders"),
        (72, 550, 10, "We start printing an order within 2 business days of payment. An order can be"),
        (72, 537, 10, "cancelled free of charge until printing starts, after which the full price is"),
        (296, 40, 9, "Page 1 of 2"),
    ]
    page2 = [
        header,
        (72, 720, 10, "due and no refund is given for the order."),
        (72, 684, 12, "3. Disputes"),
        (72, 664, 10, f"Any dispute will be heard by the courts of {venue}."),
        (296, 40, 9, "Page 2 of 2"),
    ]
    return make_pdf([page1, page2])


EXPECTED = """# Halcyon Print Terms of Service

## 1. Print credits

Print credits are non-refundable and expire 12 months after purchase. Unused credits are forfeited when an account is closed.

Credits cannot be transferred to another account.

## 2. Orders

We start printing an order within 2 business days of payment. An order can be cancelled free of charge until printing starts, after which the full price is due and no refund is given for the order.

## 3. Disputes

Any dispute will be heard by the courts of Porto, Portugal.
"""


# --------------------------------------------------------------------------- extraction


def test_pdf_becomes_paragraphs_without_running_header_or_page_numbers() -> None:
    # Larger type becomes headings; the sentence cut by the page break is joined again.
    text = extract(halcyon_terms(), "application/pdf", url="https://halcyon.example/terms.pdf")
    assert text == EXPECTED
    # Same bytes, same text.
    assert extract(halcyon_terms(), "application/pdf") == text


@pytest.mark.parametrize("content_type, url", [
    ("application/pdf", ""),                                         # by Content-Type
    ("application/octet-stream", "https://halcyon.example/legal"),   # by the %PDF- magic bytes
    (None, ""),                                                      # no Content-Type at all
    ("application/pdf; name=terms.pdf", "https://halcyon.example/terms.pdf"),
])
def test_pdf_is_recognised(content_type: str | None, url: str) -> None:
    assert extract(halcyon_terms(), content_type, url=url) == EXPECTED


def test_pdf_url_suffix_routes_to_the_pdf_reader() -> None:
    # No magic bytes and no useful Content-Type: the .pdf URL decides, and the error says why.
    with pytest.raises(ExtractError, match="not a readable PDF"):
        extract(b"\x00\x01 binary junk", "application/octet-stream", url="https://halcyon.example/terms.pdf")
    # An HTML error page at a .pdf address is still read as HTML.
    html = b"<html><body><p>Please sign in to see the terms.</p></body></html>"
    assert extract(html, "text/html", url="https://halcyon.example/terms.pdf") == "Please sign in to see the terms.\n"
    # A page that merely mentions the magic bytes is not a PDF.
    about = b"<html><body><p>Every PDF file starts with %PDF-1.7 or similar.</p></body></html>"
    assert extract(about, "text/html") == "Every PDF file starts with %PDF-1.7 or similar.\n"


def test_password_protected_pdf_is_a_clear_error() -> None:
    locked = make_pdf([[(72, 700, 10, "Secret terms.")]], password_protected=True)
    with pytest.raises(ExtractError, match="encrypted with a password"):
        extract(locked, "application/pdf")


@pytest.mark.parametrize("raw", [halcyon_terms()[:300], b"%PDF-1.7\n" + bytes(range(256)) * 4])
def test_broken_pdf_is_a_clear_error(raw: bytes) -> None:
    with pytest.raises(ExtractError, match="not a readable PDF, damaged"):
        extract(raw, "application/pdf")


def test_pdf_without_text_layer_is_a_clear_error() -> None:
    with pytest.raises(ExtractError, match="no text layer"):
        extract(make_pdf([[]]), "application/pdf")


def test_sentence_split_by_a_page_break_is_one_paragraph_and_bullets_become_items() -> None:
    pages = [
        [(72, 700, 10, "We may suspend an account:"), (72, 686, 10, "\u2022 that is unpaid for 30 days; or"),
         (72, 672, 10, "- that keeps failing payment, until the")],
        [(72, 700, 10, "balance is paid."), (72, 670, 10, "Refunds go to the original card.")],
    ]
    text = extract(make_pdf(pages), "application/pdf")
    assert text == ("We may suspend an account:\n\n- that is unpaid for 30 days; or\n\n"
                    "- that keeps failing payment, until the balance is paid.\n\n"
                    "Refunds go to the original card.\n")


# --------------------------------------------------------------------------- the real CLI


@pytest.fixture
def halcyon(tmp_path: Path, httpserver, tracker_cli):  # type: ignore[no-untyped-def]
    state = {"pdf": halcyon_terms()}
    httpserver.expect_request("/legal/terms.pdf").respond_with_handler(
        lambda request: Response(state["pdf"], content_type="application/pdf"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[service]]
id = "halcyon"
name = "Halcyon Print"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/legal/terms.pdf')}"
""", encoding="utf-8")
    tracker = tracker_cli(sources)
    return tracker, tracker.store, state


def test_pdf_document_is_tracked_and_diffed_clause_by_clause(halcyon) -> None:  # type: ignore[no-untyped-def]
    tracker, store, state = halcyon
    first = json.loads(tracker("run", "--json").output)
    assert first["counts"]["new"] == 1 and first["counts"]["failed"] == 0

    archive = store / "archive"
    md = (archive / "halcyon" / "Terms of Service.md").read_text(encoding="utf-8")
    assert md == EXPECTED
    raw = archive / ".raw" / "halcyon" / "Terms of Service.pdf"
    assert raw.read_bytes() == state["pdf"]  # the PDF itself is kept, as .pdf

    assert json.loads(tracker("run", "--json").output)["counts"]["unchanged"] == 1

    state["pdf"] = halcyon_terms(months=6)
    second = json.loads(tracker("run", "--json").output)
    assert second["counts"]["changed"] == 1
    assert "expire 6 months after purchase" in tracker("show", "halcyon", "Terms of Service").output

    diff = json.loads(tracker("diff", "halcyon", "Terms of Service", "--json").output)
    assert [c["kind"] for c in diff["changes"]] == ["modified"]
    change = diff["changes"][0]
    assert "12 months" in change["before"] and "6 months" in change["after"]
    assert change["material"] is True
    assert "6 months" in change["explanation"] and "12" in change["explanation"]

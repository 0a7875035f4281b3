"""Canonical link targets and the page as a browser parses it (tracker.extract.links, convert).

Every service, address and token here is invented.
"""

from __future__ import annotations

import uuid

import pytest

from tracker.extract import extract
from tracker.extract.convert import html_to_markdown
from tracker.extract.links import (
    VOLATILE,
    canonical_href,
    decode_cfemail,
    is_volatile_token,
    mask_volatile,
)

HTML = "text/html; charset=utf-8"


def cf_encode(address: str, key: int) -> str:
    """What Cloudflare's e-mail protection puts in the page for ``address``."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode("utf-8"))


# --------------------------------------------------------------------------- Cloudflare e-mail


@pytest.mark.parametrize("key", [0x01, 0x5A, 0xFE])
def test_cfemail_decodes_with_the_first_byte_as_key(key: int) -> None:
    assert decode_cfemail(cf_encode("legal@quillpad.example", key)) == "legal@quillpad.example"


def test_cfemail_resolves_character_references_encoded_inside() -> None:
    assert decode_cfemail(cf_encode("&#105;&#x6e;fo@quillpad.example", 0x33)) == "info@quillpad.example"


@pytest.mark.parametrize("bad", ["", "zz", "abc", "0g12", cf_encode("x", 7)[:-1], "41"])
def test_cfemail_refuses_what_is_not_an_encoded_address(bad: str) -> None:
    assert decode_cfemail(bad) is None


def test_protected_address_link_becomes_mailto() -> None:
    href = "/cdn-cgi/l/email-protection#" + cf_encode("privacy@quillpad.example", 0x9C)
    assert canonical_href(href) == "mailto:privacy@quillpad.example"
    assert canonical_href("https://quillpad.example" + href) == "mailto:privacy@quillpad.example"


def test_protected_addresses_give_the_same_text_whatever_the_key() -> None:
    def page(key: int) -> str:
        data = cf_encode("legal@quillpad.example", key)
        return (f'<main><p>Write to <a href="/cdn-cgi/l/email-protection#{data}"><span class="__cf_email__" '
                f'data-cfemail="{data}">[email&#160;protected]</span></a> or to '
                f'<span class="__cf_email__" data-cfemail="{cf_encode("dpo@quillpad.example", key ^ 0x55)}">'
                "[email&#160;protected]</span>.</p></main>")

    texts = {html_to_markdown(page(key), base_url="https://quillpad.example/terms") for key in (0x10, 0x7F, 0xE3)}
    assert len(texts) == 1
    # the link is an autolink to the address (mailto:), the span is the address as text
    assert texts.pop() == "Write to <legal@quillpad.example> or to dpo@quillpad.example.\n"


# --------------------------------------------------------------------------- redirectors


@pytest.mark.parametrize("href,target", [
    ("https://l.chirper.example/l.php?u=https%3A%2F%2Fpartner.example%2Fprivacy%3Flang%3Den&h=AT3xY9kQ_pL2mN8vR4tZ",
     "https://partner.example/privacy?lang=en"),
    ("/redirect?url=https%3A%2F%2Fdocs.partner.example%2Fdpa", "https://docs.partner.example/dpa"),
    ("https://search.findr.example/url?q=https://partner.example/terms&sa=D&ust=1718000000000000",
     "https://partner.example/terms"),
    ("https://out.mailblast.example/out?target=https://partner.example/a&sig=3f2a9c0d1e4b5a67aa",
     "https://partner.example/a"),
    ("https://links.example/away.php?to=http://partner.example/b", "http://partner.example/b"),
    # a redirector wrapped in a redirector
    ("https://l.chirper.example/l.php?u=" + "https%3A%2F%2Fr.findr.example%2Furl%3Fq%3Dhttps%253A%252F%252Fpartner.example%252Fc",
     "https://partner.example/c"),
    # the target itself carries campaign parameters
    ("/out?url=https%3A%2F%2Fpartner.example%2Fd%3Futm_source%3Dquillpad%26id%3D7", "https://partner.example/d?id=7"),
])
def test_redirectors_unwrap_to_their_target(href: str, target: str) -> None:
    assert canonical_href(href) == target


@pytest.mark.parametrize("href", [
    "/login?redirect=https://quillpad.example/account",        # a login page, not a redirector
    "https://chirper.example/share?url=https://quillpad.example",  # a share button
    "/redirect?url=/relative/only",                              # no absolute target
    "/out?page=2",
    "https://quillpad.example/legal/terms#section-4",
    "../privacy",
    "mailto:legal@quillpad.example?subject=Terms",
    "#top",
])
def test_links_that_are_not_redirects_are_left_exactly_as_written(href: str) -> None:
    assert canonical_href(href) == href


# --------------------------------------------------------------------------- tracking parameters


@pytest.mark.parametrize("href,clean", [
    ("https://quillpad.example/pricing?utm_source=mail&utm_medium=email&plan=pro",
     "https://quillpad.example/pricing?plan=pro"),
    ("/terms?fbclid=IwAR2abcXyZ09kLmN#refunds", "/terms#refunds"),
    ("/terms?gclid=Cj0KCQ&msclkid=4f1e&mc_eid=77aa&_hsenc=p2ANqtz", "/terms"),
    (f"https://quillpad.example/help?did={uuid.UUID(int=7)}&lang=fr", "https://quillpad.example/help?lang=fr"),
    ("https://quillpad.example/help?did=en", "https://quillpad.example/help?did=en"),  # not a token: kept
    ("https://quillpad.example/help?lang=fr&a=%20b", "https://quillpad.example/help?lang=fr&a=%20b"),
])
def test_tracking_parameters_are_dropped_and_the_rest_kept_as_written(href: str, clean: str) -> None:
    assert canonical_href(href) == clean


def test_canonical_links_reach_the_extracted_text() -> None:
    page = ('<main><p>See <a href="https://l.chirper.example/l.php?u=https%3A%2F%2Fpartner.example%2Fprivacy'
            '&h=AT3xY9kQ_pL2mN8vR4tZ">our partner</a> and <a href="/pricing?utm_campaign=spring&plan=pro">'
            "pricing</a>.</p></main>")
    text = extract(page.encode(), HTML, url="https://quillpad.example/terms")
    assert text == ("See [our partner](https://partner.example/privacy) and "
                    "[pricing](https://quillpad.example/pricing?plan=pro).\n")


# --------------------------------------------------------------------------- volatile tokens


@pytest.mark.parametrize("run", [
    "0f8fad5b-d9cb-469f-a165-70867728950e", "3f2a9c0d1e4b5a67", "1718000000000000123",
    "AT3xY9kQ_pL2mN8vR4tZ", "IwAR2abcXyZ09kLmNq", "p2ANqtz-9gF0rTq8vW3xY1zB",
])
def test_generated_tokens_are_volatile(run: str) -> None:
    assert is_volatile_token(run)


@pytest.mark.parametrize("run", [
    "terms-of-service-2024", "github-terms-of-service", "TermsOfServiceUpdate2024", "privacy-policy-2024-01-15",
    "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p", "2024-q3-terms-v2-1-update", "HTTPSServerTLSConfiguration",
    "deadbeefcafebabe", "short3f2a9c", "en-US-privacy-statement-2023",
])
def test_words_slugs_and_names_are_not_volatile(run: str) -> None:
    assert not is_volatile_token(run)


def test_mask_touches_link_targets_only_and_never_the_host() -> None:
    text = ("Order 3f2a9c0d1e4b5a67 ships. [Track it](https://go.quillpad.example/r/0f8fad5b-d9cb-469f-a165-"
            "70867728950e?sig=AT3xY9kQ_pL2mN8vR4tZ&lang=en#p-3f2a9c0d1e4b5a67) or "
            "<https://3f2a9c0d1e4b5a67.cdn.example/x/AT3xY9kQ_pL2mN8vR4tZ>.\n")
    masked = mask_volatile(text)
    assert masked == (f"Order 3f2a9c0d1e4b5a67 ships. [Track it](https://go.quillpad.example/r/{VOLATILE}?sig="
                      f"{VOLATILE}&lang=en#{VOLATILE}) or <https://3f2a9c0d1e4b5a67.cdn.example/x/{VOLATILE}>.\n")
    assert mask_volatile("[Terms](https://quillpad.example/legal/terms-of-service-2024)\n") == \
        "[Terms](https://quillpad.example/legal/terms-of-service-2024)\n"


# --------------------------------------------------------------------------- parsed as a browser does

NOSCRIPT_HEAD = """<!doctype html><html><head><meta charset="utf-8"><title>Quillpad terms</title>
<noscript><iframe src="https://metrics.quillpad.example/ns.html?id=QP-123" height="0" width="0"{close}</noscript>
<script src="/app.js"></script></head>
<body><nav>Home</nav><main><h1>Quillpad Terms</h1><p>Notes are kept for 30 days after deletion.</p></main>
<noscript>Please enable JavaScript.</noscript></body></html>"""


@pytest.mark.parametrize("close", ["></iframe>", " />"], ids=["closed", "self-closing"])
def test_noscript_iframe_in_head_does_not_swallow_the_page(close: str) -> None:
    page = NOSCRIPT_HEAD.format(close=close)
    text = extract(page.encode(), HTML, url="https://quillpad.example/terms", select=["main"])
    assert text == "# Quillpad Terms\n\nNotes are kept for 30 days after deletion.\n"
    whole = extract(page.encode(), HTML, url="https://quillpad.example/terms")
    assert "Please enable JavaScript" not in whole and "metrics" not in whole and "Notes are kept" in whole


# --------------------------------------------------------------------------- pretty-printed or minified

PRETTY = """<main>
  <h2>
    Plans
  </h2>
  <dl>
    <dt>Free</dt>
    <dd>
      <ul>
        <li>3 notebooks</li>
        <li>
          <a href="/sync">Sync</a>
          <strong>weekly</strong>
        </li>
      </ul>
      <span>Limits may change with 30 days notice.</span>
    </dd>
  </dl>
  <ul>
    <li>
      <p>Refunds within 14 days.</p>
      <span>Except gift cards.</span>
    </li>
  </ul>
  <p>
    Read the
    <a href="/faq">FAQ</a>
    .
  </p>
</main>"""

MINIFIED = ('<main><h2>Plans</h2><dl><dt>Free</dt><dd><ul><li>3 notebooks</li><li><a href="/sync">Sync</a> '
            '<strong>weekly</strong></li></ul><span>Limits may change with 30 days notice.</span></dd></dl>'
            '<ul><li><p>Refunds within 14 days.</p><span>Except gift cards.</span></li></ul>'
            '<p>Read the <a href="/faq">FAQ</a> .</p></main>')


def test_pretty_printed_and_minified_pages_give_the_same_text() -> None:
    pretty = html_to_markdown(PRETTY, base_url="https://quillpad.example/terms")
    minified = html_to_markdown(MINIFIED, base_url="https://quillpad.example/terms")
    assert pretty == minified
    # the span after the list is a paragraph of the definition, not glued to the last item
    assert "- [Sync](https://quillpad.example/sync) **weekly**\n\nLimits may change" in pretty


def test_a_list_directly_inside_a_list_keeps_its_nesting() -> None:
    invalid = "<ul><li>Content</li><ul><li>Notes</li><li>Drawings</li></ul><li>Account</li></ul>"
    valid = "<ul><li>Content<ul><li>Notes</li><li>Drawings</li></ul></li><li>Account</li></ul>"
    pretty_invalid = "<ol>\n  <li>Content</li>\n  <ol>\n    <li>Notes</li>\n  </ol>\n  <li>Account</li>\n</ol>"
    assert html_to_markdown(invalid) == html_to_markdown(valid) == "- Content\n  - Notes\n  - Drawings\n- Account\n"
    assert html_to_markdown(pretty_invalid) == "1. Content\n   1. Notes\n2. Account\n"

"""Tests for tracker.extract.convert and the demo pages it must handle.

Golden files: set UPDATE_GOLDEN=1 to rewrite them after a deliberate output change (and bump
EXTRACTOR_VERSION).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

import tracker.cli.demo_pages as demo_pages
from tracker.errors import ExtractError
from tracker.extract.convert import (
    EXTRACTOR_VERSION,
    check_selector,
    decode,
    extract,
    html_to_markdown,
    normalize_markdown,
)
from tracker.sources import Range

GOLDEN = Path(__file__).parent / "golden" / "extract"
HTML = "text/html; charset=utf-8"

PAGE = """<!DOCTYPE html>
<html><head><title>Brightwell Maps terms</title>
<script>var secret = "SCRIPT-TEXT";</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">NAV-HOME</a></nav>
<div class="cookie-banner">COOKIE-TEXT <button>OK</button></div>
<main>
  <article class="terms">
    <h1>Brightwell Maps Terms</h1>
    <p>Read <a href="/legal/privacy">our privacy notice</a>.</p>
    <h2>1. Routes</h2>
    <ol>
      <li>Routes are suggestions.
        <ol><li>Check road signs.</li><li>Obey local law.</li></ol>
      </li>
      <li>Offline maps expire after 30 days.</li>
    </ol>
    <table><tr><th>Plan</th><th>Price</th></tr><tr><td>Explorer</td><td>$3</td></tr></table>
    <div hidden>HIDDEN-CLAUSE: offline maps are for personal use.</div>
    <aside class="promo">PROMO-TEXT</aside>
  </article>
</main>
<footer>FOOTER-TEXT 2025</footer>
<noscript>NOSCRIPT-TEXT</noscript>
</body></html>
"""


def _page_md(**kwargs: object) -> str:
    return extract(PAGE.encode(), HTML, url="https://brightwell.example/legal/terms", **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- structure


def test_headings_lists_tables_links_are_kept() -> None:
    md = _page_md(select=["article.terms"])
    assert "# Brightwell Maps Terms\n" in md
    assert "## 1. Routes\n" in md
    assert "1. Routes are suggestions.\n   1. Check road signs.\n   2. Obey local law.\n2. Offline" in md
    assert "| Plan | Price |\n| --- | --- |\n| Explorer | $3 |\n" in md
    # Relative links are resolved against the page URL.
    assert "[our privacy notice](https://brightwell.example/legal/privacy)" in md


def test_noise_outside_the_selection_is_dropped() -> None:
    md = _page_md(select=["article.terms"], remove=[".cookie-banner", "aside.promo"])
    for noise in ("NAV-HOME", "COOKIE-TEXT", "SCRIPT-TEXT", "FOOTER-TEXT", "NOSCRIPT-TEXT", "PROMO-TEXT", "color"):
        assert noise not in md


def test_scripts_styles_noscript_are_dropped_even_without_select() -> None:
    md = _page_md()
    # no selection: the whole body less its chrome (navigation, footer, consent banner)
    assert "NAV-HOME" not in md and "FOOTER-TEXT" not in md and "COOKIE-TEXT" not in md
    assert "Offline maps expire after 30 days." in md and "PROMO-TEXT" in md  # the main content whole
    assert "NAV-HOME" in _page_md(select=["body"])  # a declared region is kept as declared
    for noise in ("SCRIPT-TEXT", "NOSCRIPT-TEXT", "color: red", "Brightwell Maps terms\n"):
        assert noise not in md


def test_remove_applies_inside_the_selection() -> None:
    assert "PROMO-TEXT" in _page_md(select=["article.terms"])
    assert "PROMO-TEXT" not in _page_md(select=["article.terms"], remove=["aside.promo"])


CLAUSES = "".join(f"<p>Clause {i}: Lumen Notes may change the fee of plan {i} with thirty days of notice.</p>"
                  for i in range(12))


def test_folded_parts_of_the_terms_are_kept() -> None:
    # collapsed sections a reader opens: <details>, a panel a control targets, a tab panel, a
    # section heading's body, an accordion's panel, a hidden block with the vocabulary of terms
    html = (
        "<details><summary>More</summary><p>THREE</p></details>"
        "<button aria-controls='p1' aria-expanded='false'>Refunds</button><p>between</p>"
        "<div id='p1' hidden>PANEL-ONE</div>"
        "<a href='#p2'>Show</a><div id='p2' style='display: none'>PANEL-TWO</div>"
        "<div role='tabpanel' hidden>TAB-THREE</div>"
        "<h3>4. Data</h3><div style='display:none'>HEADING-BODY</div>"
        "<div class='accordion-item'><div style='display:none'>ACCORDION-BODY</div></div>"
        "<div hidden='until-found'>FIND-IN-PAGE</div>"
        "<div style='display:none'>These terms are governed by the laws of Ireland; any dispute goes to "
        "arbitration and our liability for damages is limited.</div>"
        f"{CLAUSES}"
    )
    md = html_to_markdown(html)
    for kept in ("THREE", "PANEL-ONE", "PANEL-TWO", "TAB-THREE", "HEADING-BODY", "ACCORDION-BODY",
                 "FIND-IN-PAGE", "governed by the laws of Ireland"):
        assert kept in md, kept


def test_hidden_blocks_no_control_reveals_are_dropped() -> None:
    # an A/B bucket, a form's message, a modal: out of sight, and new on every request
    html = (
        "<h1>Lumen Notes Terms</h1><div style='display:none' class='exp'><p>Experiment bucket 17: show the "
        "alternative layout to this visitor.</p></div>"
        "<p hidden>Thanks! Your message was sent.</p>"
        "<div style='color: red; visibility:hidden'>Session 4f2a9c</div>"
        "<div aria-hidden='true'>1.</div>"  # aria-hidden: hidden from screen readers, not from the eye
        f"{CLAUSES}"
    )
    md = html_to_markdown(html)
    assert "Experiment bucket" not in md and "Thanks!" not in md and "Session 4f2a9c" not in md
    assert "\n1\\.\n" in md and "Clause 11" in md
    # an inline style the same attribute overrides shows the block
    assert "SHOWN" in html_to_markdown(f"<div style='display:none; display:block'>SHOWN</div>{CLAUSES}")


def test_the_document_hidden_as_a_whole_is_kept() -> None:
    # sections folded behind controls no rule names, or a page hidden until its scripts run:
    # hidden blocks that are a quarter of the text or more are the document
    folded = "".join(f"<div class='s'><div class='t'>Part {i}</div><div class='b' style='display:none'>Body {i} "
                     "of the notes service rules, written out in full for every reader.</div></div>" for i in range(6))
    md = html_to_markdown(folded)
    assert "Body 0" in md and "Body 5" in md
    assert "Clause 3" in html_to_markdown(f"<body style='visibility:hidden'><main>{CLAUSES}</main></body>")
    # a selected region is kept even when hidden itself
    assert "Clause 3" in html_to_markdown(f"<main hidden>{CLAUSES}</main>", select=["main"])


def test_comments_and_svg_and_iframes_are_dropped() -> None:
    md = html_to_markdown("<p>kept<!-- COMMENT --></p><svg><text>SVG</text></svg><iframe>IFRAME</iframe>")
    assert md == "kept\n"


def test_images_are_skipped() -> None:
    md = html_to_markdown('<p>a <img src="data:image/png;base64,AAAA" alt="logo"> b</p>')
    assert md == "a b\n"


# --------------------------------------------------------------------------- select


def test_select_keeps_document_order_without_duplicates() -> None:
    html = "<div id=b0><p id=a>first</p></div><section id=s><p>second</p><p id=c>inner</p></section>"
    md = html_to_markdown(html, select=["#s", "#c", "#a"])
    assert md == "first\n\nsecond\n\ninner\n"


def test_select_matching_nothing_names_the_selectors() -> None:
    with pytest.raises(ExtractError, match=r"'article\.nope'.*'#missing'.*matched nothing"):
        _page_md(select=["article.nope", "#missing"])


def test_invalid_select_or_remove_selector_is_an_extract_error() -> None:
    with pytest.raises(ExtractError, match=r"select: invalid CSS selector 'div\['"):
        _page_md(select=["div["])
    with pytest.raises(ExtractError, match="remove:"):
        _page_md(select=["article"], remove=["##x"])


def test_a_bare_string_selector_is_refused() -> None:
    with pytest.raises(ExtractError, match="list of CSS selectors"):
        html_to_markdown("<p>x</p>", select="p")


@pytest.mark.parametrize("selector", ["article.terms", "main > div:nth-child(2)", "[data-x='1']", "a, b", "p:not(.x)"])
def test_check_selector_accepts_valid_css(selector: str) -> None:
    assert check_selector(selector) is None


@pytest.mark.parametrize("selector", ["div[", "##x", ":::", "", "   ", "a >", "p:contains(x)", "p::before"])
def test_check_selector_explains_invalid_css(selector: str) -> None:
    message = check_selector(selector)
    assert message is not None
    assert ("invalid CSS selector" in message and repr(selector) in message) or message == "empty CSS selector"


# --------------------------------------------------------------------------- empty pages


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \n", b"<html><body><script>x()</script><!-- c --></body></html>", b"\xef\xbb\xbf\n\n"],
)
def test_empty_page_is_an_extract_error(raw: bytes) -> None:
    with pytest.raises(ExtractError, match="no text"):
        extract(raw, "text/html", url="https://x.example/terms")


def test_binary_content_type_is_refused() -> None:
    with pytest.raises(ExtractError, match="application/pdf"):
        extract(b"%PDF-1.7 ...", "application/pdf")


# --------------------------------------------------------------------------- kinds


def test_markdown_passes_through_normalized() -> None:
    md = "# Terms\n\n- one\n  - nested <b>not html</b>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    assert extract(md.encode(), "text/markdown; charset=utf-8") == md
    assert extract(md.encode(), None, url="https://x.example/TERMS.md") == md
    assert extract(md.encode(), "application/octet-stream", url="https://x.example/terms.markdown") == md


def test_plain_text_is_not_parsed_as_html() -> None:
    text = "Terms\r\n\r\n\r\n\r\nUse <b>this</b>  well.   \r\n"
    assert extract(text.encode(), "text/plain") == "Terms\n\nUse <b>this</b> well.\n"
    assert extract(text.encode(), None, url="https://x.example/terms.txt") == "Terms\n\nUse <b>this</b> well.\n"


def test_html_is_sniffed_without_type_or_suffix() -> None:
    assert extract(b"<!doctype html><h1>T</h1><p>x</p>") == "# T\n\nx\n"
    assert extract(b"<div><p>a</p><p>b</p></div>") == "a\n\nb\n"
    assert extract(b"Just a line with a < sign") == "Just a line with a < sign\n"


def test_url_suffix_decides_when_content_type_is_generic() -> None:
    assert extract(b"<p>x</p>", "application/octet-stream", url="https://x.example/t.html") == "x\n"


# --------------------------------------------------------------------------- charsets

CP1252_TEXT = "\u201cCaf\u00e9\u201d fees \u2013 \u20ac5"
CP1252_EXPECTED = '"Caf\u00e9" fees - \u20ac5\n'


def test_decode_header_charset_cp1252() -> None:
    raw = f"<p>{CP1252_TEXT}</p>".encode("cp1252")
    assert decode(raw, "text/html; charset=windows-1252") == f"<p>{CP1252_TEXT}</p>"
    assert extract(raw, "text/html; charset=windows-1252") == CP1252_EXPECTED


def test_decode_meta_charset() -> None:
    raw = f'<html><head><meta charset="windows-1252"></head><body><p>{CP1252_TEXT}</p>'.encode("cp1252")
    assert extract(raw, "text/html") == CP1252_EXPECTED


def test_decode_meta_http_equiv() -> None:
    raw = (
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>'.encode()
        + CP1252_TEXT.encode("cp1252")
    )
    assert extract(raw, None) == CP1252_EXPECTED


def test_latin1_declared_is_read_as_windows_1252_like_browsers() -> None:
    raw = "caf\u00e9 \u201cquoted\u201d".encode("cp1252")
    assert decode(raw, "text/plain; charset=iso-8859-1") == "caf\u00e9 \u201cquoted\u201d"


def test_utf16_bom_wins_over_header() -> None:
    raw = "<p>Na\u00efve \u2014 \u65e5\u672c</p>".encode("utf-16")  # with BOM
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert extract(raw, "text/html; charset=iso-8859-1") == "Na\u00efve - \u65e5\u672c\n"


def test_utf8_bom_is_stripped() -> None:
    assert decode(b"\xef\xbb\xbfhello", "text/plain; charset=cp1252") == "hello"


def test_header_charset_beats_meta() -> None:
    raw = '<meta charset="windows-1252"><p>caf\u00e9</p>'.encode()
    assert extract(raw, "text/html; charset=utf-8") == "caf\u00e9\n"


def test_undeclared_falls_back_to_utf8_then_cp1252() -> None:
    assert decode("caf\u00e9".encode()) == "caf\u00e9"
    assert decode("caf\u00e9".encode("cp1252")) == "caf\u00e9"


def test_bad_bytes_and_unknown_charsets_never_raise() -> None:
    # Bytes that do not decode as declared are decoded as what they are (here Windows-1252), never
    # as U+FFFD the page did not contain (issue 13).
    assert decode(b"ok \xff\xfe\xfa", "text/html; charset=utf-8") == "ok ÿþú"
    assert decode(b"ok", "text/html; charset=x-bogus") == "ok"
    assert decode(b"ok", "text/html; charset=base64") == "ok"
    undecodable = decode(b"\x81\x8d", None)  # undefined even in Windows-1252
    assert len(undecodable) == 2 and "\ufffd" not in undecodable


# --------------------------------------------------------------------------- normalization

VARIANT_A = """<article><h2>2. Fees</h2>
<p>Nimbus's fee is "small" - see section 3.</p><ul><li>Cards: 5%</li></ul></article>"""
VARIANT_B = """<article>
    <h2>2.\u00a0Fees</h2>

    <p>Nimbus\u2019s\u200b fee   is
       \u201csmall\u201d \u2013 see&nbsp;section\u202f3.  </p>
    <ul>
      <li>Cards:\u00a0\u00a05%</li>
    </ul>
</article>"""


def test_typography_and_whitespace_variants_give_identical_output() -> None:
    a = extract(VARIANT_A.encode(), HTML)
    b = extract(VARIANT_B.encode("utf-8"), HTML)
    assert a == b == "## 2. Fees\n\nNimbus's fee is \"small\" - see section 3.\n\n- Cards: 5%\n"
    assert extract(VARIANT_B.encode("utf-16"), "text/html") == a


def test_source_line_wrapping_is_not_a_change() -> None:
    assert html_to_markdown("<p>one\ntwo</p>") == html_to_markdown("<p>one two</p>") == "one two\n"


def test_pre_keeps_its_lines() -> None:
    assert html_to_markdown("<pre>a\n  b</pre>") == "```\na\n  b\n```\n"


def test_normalize_rules() -> None:
    raw = "\n\n\ufeffTitle\u00a0\u00a0here   \r\n\r\n\r\n\r\n- it\u2019s\u00ad ok\u2026\r  - nested\u2003item\n\n\n"
    assert normalize_markdown(raw) == "Title here\n\n- it's ok...\n  - nested item\n"


def test_normalize_keeps_tables_and_nested_lists() -> None:
    md = "1. a\n   1. b\n      - c\n2. d\n\n| x | y |\n| --- | --- |\n| 1 | 2 \\| 3 |\n"
    assert normalize_markdown(md) == md


def test_normalize_leading_tabs_are_indentation() -> None:
    assert normalize_markdown("- a\n\t- b\tc\n") == "- a\n    - b c\n"


def test_normalize_unicode_nfc() -> None:
    assert normalize_markdown("Cafe\u0301") == "Caf\u00e9\n"


def test_normalize_empty() -> None:
    assert normalize_markdown(" \n\u200b\n\t\n") == ""


@pytest.mark.parametrize(
    "text",
    [
        "e\u200b\u0301 x\u2002\u2002y\r\n\r\n\r\nz",
        "\t\t- a\u00a0\n \u3000b  \u2028c\u2029",
        "\u201c\u201d\u2018\u2019 \u2014\u2014 \u2026\u2026 \u00ad",
        VARIANT_B,
        PAGE,
    ],
)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_markdown(text)
    assert normalize_markdown(once) == once


def test_extract_output_is_a_fixed_point_of_normalize() -> None:
    md = _page_md(select=["article.terms"])
    assert normalize_markdown(md) == md


def test_extractor_version_is_a_nonempty_string() -> None:
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


# --------------------------------------------------------------------------- golden files


def _golden_cases() -> list[tuple[str, bytes, dict[str, object]]]:
    basic = (GOLDEN / "basic.html").read_bytes()
    nimbus = demo_pages.ROUNDS[0].pages["/legal/terms"].encode()
    selection = {"select": demo_pages.SELECT, "remove": demo_pages.REMOVE}
    return [
        ("basic.md", basic, {}),
        ("basic.main.md", basic, {"select": ["main"], "remove": ["pre"]}),
        ("nimbus_terms.md", nimbus, selection),
    ]


@pytest.mark.parametrize("name,raw,kwargs", _golden_cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_golden_files(name: str, raw: bytes, kwargs: dict[str, object]) -> None:
    actual = extract(raw, "text/html", url="https://example.test/legal/terms", **kwargs)  # type: ignore[arg-type]
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True)))


# --------------------------------------------------------------------------- demo pages


def _extract_round(index: int) -> dict[str, str]:
    pages = demo_pages.ROUNDS[index].pages
    return {
        path: extract(pages[path].encode(), HTML, url=f"http://127.0.0.1:8000{path}",
                      select=demo_pages.SELECT, remove=demo_pages.REMOVE)
        for path in demo_pages.DOCUMENTS.values()
    }


def test_demo_constants() -> None:
    assert demo_pages.SERVICE_ID == "nimbus" and demo_pages.SERVICE_NAME == "Nimbus AI"
    assert demo_pages.DOCUMENTS == {"Terms of Service": "/legal/terms", "Privacy Policy": "/legal/privacy"}
    assert [r.title for r in demo_pages.ROUNDS] == [
        "First snapshot", "Nothing changed", "Noise outside the terms", "Date-only change", "Material changes",
    ]
    for rnd in demo_pages.ROUNDS:
        assert set(rnd.pages) == set(demo_pages.DOCUMENTS.values())
        assert rnd.description
        for html in rnd.pages.values():
            assert html.startswith("<!DOCTYPE html>")
            for chrome in ("<nav", 'class="cookie-banner"', "<script", "<footer", "Status:", '<article class="terms">'):
                assert chrome in html


def test_demo_round2_is_byte_identical() -> None:
    assert demo_pages.ROUNDS[1].pages == demo_pages.ROUNDS[0].pages


def test_demo_round3_noise_does_not_change_the_text() -> None:
    first, noisy = demo_pages.ROUNDS[0].pages, demo_pages.ROUNDS[2].pages
    for path in demo_pages.DOCUMENTS.values():
        assert noisy[path] != first[path]
        assert "\u201c" in noisy[path] and "&nbsp;" in noisy[path] and "Careers" in noisy[path]
    assert _extract_round(2) == _extract_round(0)


def test_demo_round4_changes_only_the_terms_date_line() -> None:
    first, dated = _extract_round(0), _extract_round(3)
    assert dated["/legal/privacy"] == first["/legal/privacy"]
    old, new = first["/legal/terms"].splitlines(), dated["/legal/terms"].splitlines()
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][0].startswith("Last updated:") and changed[0][1].startswith("Last updated:")


def test_demo_round5_material_changes() -> None:
    first, final = _extract_round(0), _extract_round(4)
    terms, privacy = final["/legal/terms"], final["/legal/privacy"]
    credit_v1 = next(line for line in first["/legal/terms"].splitlines() if "expire" in line)
    credit_v5 = next(line for line in terms.splitlines() if "expire" in line)
    assert "12 months" in credit_v1
    assert "6 months" in credit_v5 and "12 months" not in credit_v5
    assert "at least 1 week" in terms and "at least 2 weeks" not in terms
    assert "San Francisco, California" in terms and "New York" not in terms
    assert "without notice" in terms and "without notice" not in first["/legal/terms"]
    assert "90 days" in privacy and "30 days" not in privacy
    assert "Unless you opt out, we may use your API inputs and outputs to train" in privacy


# --------------------------------------------------------------------------- range selectors

# A fictional service's page; markers in capitals make "what was kept" easy to assert.
RANGE_PAGE = """<!DOCTYPE html>
<html><head><title>Otterline terms</title><script>var s = "SCRIPT-TEXT";</script></head>
<body>
<header class="site">HEADER-TEXT</header>
<main>
  <h1 id="intro">Otterline Terms</h1>
  <p>INTRO-TEXT Welcome to Otterline.</p>
  <h2 id="eu">EU users</h2>
  <p>EU-TEXT Refunds within 14 days.</p>
  <ul id="eu-list"><li>EU-ITEM-1</li><li id="eu-last">EU-ITEM-2</li><li>EU-ITEM-3</li></ul>
  <div class="promo">PROMO-TEXT</div>
  <h2 id="us">US users</h2>
  <p>US-TEXT Refunds within 30 days.</p>
  <p class="aside">ASIDE-TEXT</p>
</main>
<footer>FOOTER-TEXT</footer>
</body></html>
"""


def _ranged(**kwargs: object) -> str:
    return html_to_markdown(RANGE_PAGE, **kwargs)  # type: ignore[arg-type]


def _has(text: str, *words: str) -> bool:
    return all(w in text for w in words)


def test_range_start_before_includes_and_end_before_excludes() -> None:
    text = _ranged(select=[Range(start_before="#eu", end_before="#us")])
    assert text.startswith("## EU users\n")  # the start element is in the range
    assert _has(text, "EU-TEXT", "EU-ITEM-1", "EU-ITEM-3", "PROMO-TEXT")
    assert not any(w in text for w in ("US users", "US-TEXT", "INTRO-TEXT", "HEADER-TEXT", "FOOTER-TEXT"))


def test_range_start_after_excludes_and_end_after_includes() -> None:
    text = _ranged(select=[Range(start_after="#eu", end_after="#us")])
    assert "EU users" not in text and text.startswith("EU-TEXT")
    assert text.rstrip().endswith("## US users")  # the end element is in the range
    assert "US-TEXT" not in text


def test_range_ending_inside_a_list_keeps_the_list_structure() -> None:
    text = _ranged(select=[Range(start_before="#eu", end_after="#eu-last")])
    assert text == "## EU users\n\nEU-TEXT Refunds within 14 days.\n\n- EU-ITEM-1\n- EU-ITEM-2\n"


def test_range_remove_drops_what_it_covers() -> None:
    text = _ranged(select=["main"], remove=[Range(start_after="#eu-list", end_before="#us")])
    assert "PROMO-TEXT" not in text
    assert _has(text, "EU-ITEM-3", "US users", "US-TEXT")  # the boundaries themselves stay
    # Ending inside the list: the items before the end go, the list and its later items stay.
    text = _ranged(select=["main"], remove=[Range(start_before="#eu", end_after="#eu-last")])
    assert _has(text, "INTRO-TEXT", "EU-ITEM-3", "US-TEXT")
    assert not any(w in text for w in ("EU users", "EU-TEXT", "EU-ITEM-1", "EU-ITEM-2"))


def test_mixed_select_list_is_the_union_in_document_order() -> None:
    text = _ranged(select=["footer", Range(start_before="#us", end_before=".aside"), "h1", "#intro"])
    assert text == "# Otterline Terms\n\n## US users\n\nUS-TEXT Refunds within 30 days.\n\nFOOTER-TEXT\n"


def test_range_overlapping_a_css_match_keeps_it_once() -> None:
    text = _ranged(select=[Range(start_before="#eu", end_after="#eu-list"), "#eu-list"])
    assert text.count("EU-ITEM-2") == 1


def test_range_remove_and_css_remove_apply_in_order_before_select() -> None:
    text = _ranged(select=[Range(start_before="#intro", end_before="footer")],
                   remove=[".promo", Range(start_before="#us", end_after=".aside")])
    assert _has(text, "Otterline Terms", "EU-ITEM-3")
    assert not any(w in text for w in ("PROMO-TEXT", "US-TEXT", "ASIDE-TEXT", "FOOTER-TEXT"))


def test_range_that_matches_nothing_is_an_extract_error() -> None:
    with pytest.raises(ExtractError, match=r"range \{ start_before = \"#eu\", end_before = \"#nowhere\" \} in "
                                           r"select: its end '#nowhere' matched nothing on the page"):
        _ranged(select=["main", Range(start_before="#eu", end_before="#nowhere")])
    # A boundary inside removed noise is gone before ranges are resolved.
    with pytest.raises(ExtractError, match="its start 'script' matched nothing"):
        _ranged(select=[Range(start_after="script", end_before="footer")])
    # In `remove`, like a CSS selector that matches nothing, it removes nothing.
    assert _ranged(remove=[Range(start_before="#nowhere", end_before="#us")]) == _ranged()


def test_range_whose_start_comes_after_its_end_is_an_extract_error() -> None:
    with pytest.raises(ExtractError, match="its start comes after its end on the page"):
        _ranged(select=[Range(start_before="#us", end_before="#eu")])
    assert _ranged(remove=[Range(start_before="#us", end_before="#eu")]) == _ranged()


def test_touching_boundaries_give_an_empty_range_not_an_error() -> None:
    # Nothing between the h1 and its paragraph but whitespace: the page is then empty.
    with pytest.raises(ExtractError, match="has no text after extraction"):
        extract(RANGE_PAGE.encode(), HTML, select=[Range(start_after="#intro", end_before="#intro + p")])


def test_range_selectors_are_validated() -> None:
    with pytest.raises(ExtractError, match=r"select: invalid CSS selector 'div\['"):
        _ranged(select=[Range(start_before="div[", end_before="footer")])


def test_extract_with_a_range_goes_through_decode_and_normalize() -> None:
    page = RANGE_PAGE.replace("Refunds within 14 days.", "Refunds \u2013 within\n   14\u00a0days.")
    text = extract(page.encode("cp1252", errors="replace"), "text/html; charset=windows-1252",
                   select=[Range(start_before="#eu", end_before="#eu-list")])
    assert text == "## EU users\n\nEU-TEXT Refunds - within 14 days.\n"


def test_native_options_are_the_options_the_library_builds() -> None:
    """The converter's options, built once and copied per page with its base URL, are field for
    field those ``html_to_markdown.convert`` would build from ``_OPTIONS`` for that URL."""
    import dataclasses

    import html_to_markdown.api as h2m_api

    from tracker.extract import convert

    def fields(options: object) -> dict[str, object]:
        found = {}
        for name in dir(options):
            value = getattr(options, name)
            if name.startswith("_") or callable(value):
                continue
            found[name] = fields(value) if type(value).__name__ == "PreprocessingOptions" else repr(value)
        return found

    for url in ("", "https://brightwell.example/legal/terms"):
        expected = h2m_api._to_rust_conversion_options(
            dataclasses.replace(convert._OPTIONS, base_url=url) if url else convert._OPTIONS)
        assert fields(convert._native_options(url)) == fields(expected)


def test_declarative_shadow_roots_are_read_where_a_browser_renders_them() -> None:
    html = ("<main><h1>Terms</h1><terms-card><template shadowrootmode='open'><h2>Fees</h2><p>Fees change with "
            "notice.</p><fine-print><template shadowroot='open'><p>Nested clause.</p></template></fine-print>"
            "</template><span>Light text.</span></terms-card><template><p>INERT</p></template></main>")
    md = html_to_markdown(html)
    assert md == "# Terms\n\n## Fees\n\nFees change with notice.\n\nNested clause.\n\nLight text.\n", md

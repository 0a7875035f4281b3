"""A page read without ``select`` loses its chrome (newuser12: nav, footer and cookie text of a page
without a `select` setting recorded as clause changes): the site's navigation, its own header and
footer, and a cookie-consent banner are dropped, never the terms. Invented pages of fictional
services, compared through the real CLI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tracker.extract import extract

HTML = "text/html; charset=utf-8"


def page(menu: str = "<li><a href='/maps'>Maps</a></li><li><a href='/blog'>Blog</a></li>",
         cookie: str = "We use cookies to improve your visit. <button>Accept</button>",
         footer: str = "<p>© 2026 Tessel Maps Ltd.</p><p>Follow us on Mastodon.</p>",
         body: str = "", wrap: str = "main") -> str:
    terms = ("<h1>Tessel Maps Terms</h1><h2>1. Accounts</h2><p>You must be at least 16 years old to use Tessel "
             "Maps.</p><h2>2. Fees</h2><p>Tessel Plus costs $5 per month and renews every month until you "
             "cancel it.</p>" + body)
    return (f"<!doctype html><html><body><header><a href='/'>Tessel Maps</a><nav><ul>{menu}</ul></nav></header>"
            f"<div id='cookie-consent' class='cookie-banner'><p>{cookie}</p></div>"
            f"<{wrap}>{terms}</{wrap}><footer>{footer}</footer></body></html>")


def test_chrome_is_dropped_and_the_terms_kept() -> None:
    md = extract(page().encode(), HTML)
    assert "You must be at least 16 years old" in md and "Tessel Plus costs $5 per month" in md
    for chrome in ("Blog", "cookies to improve", "© 2026", "Follow us"):
        assert chrome not in md, md


def test_without_a_main_element_too() -> None:
    """A page whose terms sit in a plain <div>: its header, nav, footer and banner go all the same."""
    md = extract(page(wrap="div").encode(), HTML)
    assert "# Tessel Maps Terms" in md and "renews every month" in md
    assert "Blog" not in md and "Follow us" not in md and "cookies" not in md


def test_a_footer_or_header_holding_terms_is_kept() -> None:
    """A footer with a section heading, or as long as a text of terms, is text of the page: kept."""
    legal = "<h2>Imprint</h2><p>Tessel Maps Ltd., 4 Quay Lane, Harbourtown. Director: Ina Vell.</p>"
    assert "Ina Vell" in extract(page(footer=legal).encode(), HTML)
    long_footer = "<p>" + " ".join(["Tessel Maps may end a free account that stays unused for a year."] * 12) + "</p>"
    assert "stays unused for a year" in extract(page(footer=long_footer).encode(), HTML)


def test_chrome_inside_the_main_content_is_kept() -> None:
    """A <header> or <nav> inside <main> (a section's own header, a table of contents) is the text's."""
    body = "<section><header><p>Section 3 applies to teams only.</p></header><p>Teams share one bill.</p></section>"
    md = extract(page(body=body).encode(), HTML)
    assert "Section 3 applies to teams only." in md


def test_a_page_footer_swallowed_by_an_unclosed_main_is_still_dropped() -> None:
    """Markup that never closes <main> (or a <div> in it) puts the page's footer inside the main
    content: the same page, the same text (faulty sites: a new version recorded for nothing)."""
    well_formed = page()
    unclosed = well_formed.replace("</main>", "").replace("</body>", "</main></body>")
    assert extract(unclosed.encode(), HTML) == extract(well_formed.encode(), HTML)
    assert "Mastodon" not in extract(unclosed.encode(), HTML)


def test_a_footer_inside_main_with_text_after_it_or_inside_an_article_is_kept() -> None:
    """A footer that is not the page's last words, or an article's own footer, is part of the text."""
    section = "<section><p>Teams share one bill.</p><footer><p>Section 3 ends here.</p></footer></section><p>4. Law.</p>"
    assert "Section 3 ends here." in extract(page(body=section).encode(), HTML)
    article = page(wrap="article").replace("</article><footer>", "<footer>").replace("</footer></body>", "</footer></article></body>")
    assert "Mastodon" in extract(article.encode(), HTML)


def test_a_cookie_policy_table_is_no_banner() -> None:
    """A cookie policy's own table ("cookie-table") is terms text: only a consent banner is chrome."""
    body = ("<div class='cookie-table'><table><tr><th>Cookie</th><th>Purpose</th></tr><tr><td>tm_sess</td>"
            "<td>keeps you signed in</td></tr></table></div>")
    assert "tm_sess" in extract(page(body=body).encode(), HTML)


def test_a_declared_select_keeps_what_it_selects() -> None:
    assert "Blog" in extract(page().encode(), HTML, select=["body"])


def test_a_page_that_is_only_chrome_is_read_whole() -> None:
    only = "<!doctype html><html><body><footer><p>Tessel Maps: terms coming soon.</p></footer></body></html>"
    assert "terms coming soon" in extract(only.encode(), HTML)


def test_compare_of_two_pages_whose_chrome_changed_shows_no_clause_change(tmp_path: Path) -> None:
    """The real CLI: menu items, a newsletter pitch, the copyright year and the consent banner's
    words changed, the terms did not: no clause changed."""
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    old.write_text(page(), encoding="utf-8")
    new.write_text(page(menu="<li><a href='/maps'>All maps</a></li><li><a href='/teams'>Teams</a></li>",
                        cookie="We and our partners use cookies to measure ads. <button>Accept all</button>",
                        footer="<p>© 2027 Tessel Maps Ltd.</p><p>Join 9,000 walkers: get our monthly newsletter.</p>"),
                   encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "tracker", "compare", str(old), str(new), "--no-color"],
                         capture_output=True, text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr
    assert "No clause changed" in out.stdout, out.stdout
    assert "MATERIAL" not in out.stdout

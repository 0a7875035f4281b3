"""Session 32's lead fixes, on invented texts about fictional services."""
from __future__ import annotations

import html
import itertools
import json
import re
import textwrap
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tracker.cli.app import cli

_PAGE = "# Brindle Notes Terms\n\n## 1. Credits\n\nPrepaid credits expire {months} months after purchase and are never " \
        "refunded except where the law of your country requires a refund.\n\n" + "\n\n".join(
            f"## {i}. Part {i}\n\nParagraph {i} of the Brindle Notes terms is long enough to wrap over sixty columns "
            f"when a writer hard-wraps the Markdown source of the page." for i in range(2, 8))


def _wrapped(text: str) -> str:
    return "\n\n".join(p if p.startswith("#") else textwrap.fill(p, 60) for p in text.split("\n\n"))


def _rebroken(text: str) -> str:
    """Other line breaks at no one width (a PDF extracted again): 40 and 90 columns in turn."""
    widths = itertools.cycle((40, 90))
    return "\n\n".join(p if p.startswith("#") else textwrap.fill(p, next(widths)) for p in text.split("\n\n"))


def _compare(tmp_path: Path, old: str, new: str, *extra: str) -> str:
    (tmp_path / "a.md").write_text(old)
    (tmp_path / "b.md").write_text(new)
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "a.md"), str(tmp_path / "b.md"), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_rewrapped_markdown_page_lists_its_spacing_changes_once(tmp_path: Path) -> None:
    # (fp35b) A page hard-wrapped at one width is read with its paragraphs joined on both sides
    # (``sameness.unwrap_pair``): the re-wrap is no change at all, only the real one is listed.
    out = _compare(tmp_path, _PAGE.format(months="twelve"), _wrapped(_PAGE.format(months="six")))
    assert "[-twelve-]{+six+}" in out, out
    assert "1 changed clause(s)" in out and "Only whitespace changed" not in out, out
    # Other line breaks at no one width (a PDF extracted again) stay spacing changes: one entry
    out = _compare(tmp_path, _PAGE.format(months="twelve"), _rebroken(_PAGE.format(months="six")))
    # the one real change keeps its own entry and word diff
    assert "[-twelve-]{+six+}" in out, out
    # the six re-broken paragraphs (and the credits clause's spacing, if split off) are one entry
    assert out.count("Only whitespace changed") == 1, out
    assert "~ modified  6 clauses (§ 2 Part 2, § 3 Part 3, § 4 Part 4, § 5 Part 5 and 2 more)  [cosmetic]" in out, out
    # --json keeps every clause change: the grouping is only how the text output reads
    data = json.loads(_compare(tmp_path, _PAGE.format(months="twelve"), _rebroken(_PAGE.format(months="six")), "--json"))
    assert sum(1 for c in data["changes"] if c["explanation"] == "Only whitespace changed") >= 6, data["changes"]


def test_two_spacing_changes_are_still_listed_each(tmp_path: Path) -> None:
    old = _PAGE.format(months="twelve")
    parts = old.split("\n\n")
    parts[4] = textwrap.fill(parts[4], 60)  # § 2's paragraph
    parts[6] = textwrap.fill(parts[6], 60)  # § 3's paragraph
    out = _compare(tmp_path, old, "\n\n".join(parts))
    assert out.count("Only whitespace changed") == 2, out
    assert "clauses (" not in out, out


def test_the_site_front_page_keeps_a_material_change_in_view_after_date_bumps(archive: Any, tmp_path: Path) -> None:
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months")
    arc.run()
    for date in ("April 2, 2026", "May 3, 2026"):  # two date-only versions after the material one
        pages.terms.update(date=date)
        arc.run()
    site = tmp_path / "site"
    arc.publish(site)
    history = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").output)
    material = [v for v in history if v["material"]]
    assert len(material) == 1 and history[-1]["severity"] == "cosmetic", history
    for page in (site / "index.html", site / "lumen" / "index.html"):
        text = page.read_text(encoding="utf-8")
        latest, recent = text.split("<h2>Recent changes</h2>")
        # the latest change is the date bump, and the material change is still named beside it
        assert "Latest change:" in latest and "Last material change:" in latest, page
        assert html.escape(material[0]["summary"], quote=False) in latest.split("Last material change:")[1], page
        # the recent list holds the material version, not the date-only ones
        assert html.escape(material[0]["summary"], quote=False) in recent, page
        assert recent.count('<li class="change-item') == 1, page
        assert "only changed a date, links or spacing" in recent, page
    # the document's history page lists every version, numbered as the command line numbers them
    listing = (site / "lumen" / "terms-of-service" / "index.html").read_text(encoding="utf-8")
    assert [int(n) for n in re.findall(r'<span class="seq">Version (\d+)</span>', listing)] == [4, 3, 2, 1], listing  # newest first


def test_the_front_page_names_no_last_material_change_when_the_latest_is_material(archive: Any, tmp_path: Path) -> None:
    arc, pages = archive
    arc.run()
    pages.terms.update(date="April 2, 2026")
    arc.run()
    pages.terms.update(expiry="6 months")
    arc.run()
    site = tmp_path / "site"
    arc.publish(site)
    text = (site / "index.html").read_text(encoding="utf-8")
    assert "Last material change:" not in text
    assert "Latest change:" in text


def test_a_commit_of_another_document_is_named_as_that_documents_version(archive: Any) -> None:
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months")
    arc.run()
    terms = json.loads(arc.tracker("history", "lumen", "Terms of Service", "--json").output)
    commit = terms[-1]["commit_sha"][:10]
    result = arc.tracker("show", "orbit", "--at", commit, code=4)  # Orbit Notes' one document, another service's commit
    assert result.exit_code == 4, result.output
    assert f"commit {commit} is version 2 of lumen/Terms of Service, not of orbit/" in result.output, result.output
    assert "Traceback" not in result.output
    unknown = arc.tracker("show", "orbit", "--at", "abcdef0123", code=4)
    assert unknown.exit_code == 4 and "is version" not in unknown.output, unknown.output


def test_a_page_hard_wrapped_at_another_width_is_the_same_terms() -> None:
    """A first-time user's Markdown terms re-wrapped at 60 columns were recorded as a version of 12
    whitespace-only clause changes, though the README says spacing alone records nothing."""
    from tracker.analysis.sameness import same_terms

    old = _PAGE.format(months="twelve")
    assert same_terms(old, _wrapped(old))
    assert same_terms(_wrapped(old), old)
    # near misses: a word changed while re-wrapping, and lines that are blocks of their own
    assert not same_terms(old, _wrapped(old).replace("hard-wraps", "soft-wraps"))
    assert not same_terms("- Basic plan\n- Team plan\n", "- Basic plan - Team plan\n")
    assert not same_terms("| Basic | $5 |\n| Team | $9 |\n", "| Basic | $5 | | Team | $9 |\n")
    assert not same_terms("    code line one\n    code line two\n", "    code line one code line two\n")

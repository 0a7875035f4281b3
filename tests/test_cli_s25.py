"""A service that is declared and checked but has no version yet is not "unknown" to `history`."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from tracker.cli.app import cli


def test_history_of_a_checked_service_with_no_version_says_why_not_unknown(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on: every fetch fails at once
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sources = tmp_path / "sources.toml"
    sources.write_text('[[service]]\nid = "wraith"\nname = "Wraith"\n  [[service.document]]\n'
                       f'  type = "Privacy Policy"\n  url = "http://127.0.0.1:{port}/privacy"\n', encoding="utf-8")
    base = ["--store", str(tmp_path / "store"), "--sources", str(sources)]
    run = CliRunner().invoke(cli, [*base, "run", "--retry-backoff", "0", "--ignore-robots", "-q"])
    assert run.exit_code == 1, run.output  # the one document failed
    result = CliRunner().invoke(cli, [*base, "history", "wraith"])
    assert result.exit_code == 4, result.output
    assert "no version of 'wraith' is recorded yet: it was checked" in result.stderr
    assert "wraith/Privacy Policy failed: cannot connect" in result.stderr and "tracker status" in result.stderr
    other = CliRunner().invoke(cli, [*base, "history", "nobody"])  # never declared nor checked
    assert other.exit_code == 4 and "no service 'nobody' in the archive" in other.stderr


def test_a_moved_clause_says_which_section_it_left() -> None:
    from tracker.analysis.analyse import analyse

    old = ("# Terms\n\n## 1. Use\n\nYou may use Quillory for personal projects.\n\nQuillory is not liable for lost "
           "drafts beyond the fees you paid.\n\n## 2. Fees\n\nFees are due monthly.\n\n## 3. Liability\n\n"
           "Quillory is provided as is.\n")
    new = ("# Terms\n\n## 1. Use\n\nYou may use Quillory for personal projects.\n\n## 2. Fees\n\nFees are due "
           "monthly.\n\n## 3. Liability\n\nQuillory is provided as is.\n\nQuillory is not liable for lost drafts "
           "beyond the fees you paid.\n")
    [moved] = [c for c in analyse(old, new).changes if c.kind == "moved"]
    assert moved.explanation == "Moved without a change of wording (from “1. Use”)"
    assert not moved.material
    # moved within one section: nothing to add
    within = analyse("## Fees\n\nFees are due monthly.\n\nTaxes are extra.\n",
                     "## Fees\n\nTaxes are extra.\n\nFees are due monthly.\n")
    assert all("(from " not in c.explanation for c in within.changes)


def test_history_says_how_many_clauses_changed_materially(tmp_path: Path) -> None:
    import json
    import re

    demo = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert demo.exit_code == 0, demo.output
    store = tmp_path / "demo" / "snapshots"
    result = CliRunner().invoke(cli, ["--store", str(store), "history", "nimbus", "Terms of Service"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()[1:]
    changes = json.loads(CliRunner().invoke(cli, ["--store", str(store), "diff", "nimbus", "Terms of Service",
                                                  "--json"]).stdout)["changes"]
    material = sum(1 for c in changes if c["material"])
    assert material and re.search(rf"\d+ changes \({material} material\)  (MATERIAL|CRITICAL) ", lines[-1]), lines
    assert all("material)" not in line for line in lines
               if "MATERIAL" not in line and "CRITICAL" not in line), lines  # cosmetic, first

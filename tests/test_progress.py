"""Progress on stderr for long commands: what stage, counts, time left; quiet with -q and --json,
a line every few seconds at most when stderr is no terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from histories import git

from tracker.cli.app import cli
from tracker.cli.progress import PIPE_INTERVAL, StatusLine, duration


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_pipe_gets_a_line_every_few_seconds_at_most() -> None:
    out, clock = io.StringIO(), Clock()
    line = StatusLine("import-history", out, tty=False, clock=clock)
    for k in range(1, 1001):  # 1000 updates over 20 s
        clock.now = k * 0.02
        line.show(f"reading commits — {k} of 1000 commit(s) read", k, 1000)
    lines = out.getvalue().splitlines()
    assert 1 <= len(lines) <= 20 / PIPE_INTERVAL + 1, lines
    assert "\r" not in out.getvalue()
    assert lines[0].startswith("import-history: reading commits — 1 of 1000")
    # once enough is done, the time left: 250 of 1000 in 5 s -> 15 s left
    assert "about 15 s left" in lines[1] and "(25%)" in lines[1], lines
    line.show("indexing", 1000, 1000, force=True)  # a new stage is shown at once
    assert out.getvalue().splitlines()[-1] == "import-history: indexing (100%)"


def test_a_terminal_line_is_redrawn_in_place_and_cleared() -> None:
    out, clock = io.StringIO(), Clock()
    line = StatusLine("import-history", out, tty=True, clock=clock)
    line.show("a longer first text", 1, 10)
    clock.now = 1.0
    line.show("short", 2, 10)
    text = out.getvalue()
    assert "\n" not in text and text.count("\r") == 2
    assert text.endswith("import-history: short (20%)" + " " * (len("a longer first text") - len("short")))
    line.close()
    assert out.getvalue().endswith("\r")


def test_durations_read_as_people_say_them() -> None:
    assert [duration(s) for s in (0, 42, 61, 359, 3600, 3 * 3600 + 5 * 60)] == \
        ["0 s", "42 s", "1 min", "6 min", "1 h 00 min", "3 h 05 min"]


def _repo(tmp_path: Path, commits: int) -> Path:
    repo = tmp_path / "versions"
    (repo / "Quillway").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for i in range(1, commits + 1):
        (repo / "Quillway" / "Terms of Service.md").write_text(
            f"# Terms\n\n## Credits\n\nCredits expire after {i} months.\n\n## Changes\n\nWe may change these Terms "
            f"at any time (edition {i}).\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"edition {i}", date=f"2024-01-{i:02d}T10:00:00Z")
    return repo


def test_import_history_says_what_it_does_on_stderr_unless_quiet(tmp_path: Path) -> None:
    repo = _repo(tmp_path, 12)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "a"), "import-history", str(repo), "--batch", "5"])
    assert result.exit_code == 0, result.output
    err = result.stderr
    # each stage once, at least, with the commits read of those to read
    for stage in ("catching up the index", "finding the commits to import", "reading commits", "recording",
                  "indexing"):
        assert f"import-history: {stage}" in err, err
    assert "of 12 commit(s) read" in err and "\r" not in err
    assert "imported 12 version(s) from 12 commit(s)" in result.stdout and "import-history:" not in result.stdout
    quiet = CliRunner().invoke(cli, ["--store", str(tmp_path / "b"), "import-history", str(repo), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr
    as_json = CliRunner().invoke(cli, ["--store", str(tmp_path / "c"), "import-history", str(repo), "--json"])
    assert as_json.exit_code == 0 and as_json.stderr == "", as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["versions"] == 12 and "stage" not in data and "commits_total" not in data

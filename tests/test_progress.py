"""Progress on stderr for long commands: what stage, counts, time left; quiet with -q and --json,
a line every few seconds at most when stderr is no terminal."""

from __future__ import annotations

import io
import json
import re
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
    assert "of 12 commits read" in err and "\r" not in err
    assert "imported 12 versions from 12 commits" in result.stdout and "import-history:" not in result.stdout
    quiet = CliRunner().invoke(cli, ["--store", str(tmp_path / "b"), "import-history", str(repo), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr
    as_json = CliRunner().invoke(cli, ["--store", str(tmp_path / "c"), "import-history", str(repo), "--json"])
    assert as_json.exit_code == 0 and as_json.stderr == "", as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["versions"] == 12 and "stage" not in data and "commits_total" not in data


def test_import_progress_counts_the_analyses_after_the_last_commit_is_read() -> None:
    """Every commit read and most pairs still being analysed is not 100% (it was: the analyses of
    the last batches ran for minutes under a line that said the import was done)."""
    from tracker.cli.ota import import_progress
    from tracker.ota.history import ImportResult

    result = ImportResult(source="repo", commits=5000, commits_total=5000, versions=4800, stage="analysing",
                          pairs_queued=5000, pairs_analysed=1234, parts=(1, 4))
    text, done, total = import_progress(result)
    assert "5,000 of 5,000 commits read, 1,234 of 5,000 pairs analysed" in text, text
    assert done / total < 0.65  # 6,234 of 10,000 units
    line = StatusLine("import-history", io.StringIO(), tty=False)
    assert "(62%)" in line.text(text, done, total)
    result.pairs_analysed = 5000
    assert import_progress(result)[1:] == (10000, 10000)
    # halfway through reading, the pairs still to come are estimated from those so far
    early = ImportResult(source="repo", commits=1000, commits_total=4000, stage="reading commits",
                         pairs_queued=900, pairs_analysed=600)
    text, done, total = import_progress(early)
    assert (done, total) == (1600, 4000 + 3600), (done, total)


def test_import_history_never_shows_100_percent_while_pairs_wait(tmp_path: Path) -> None:
    repo = _repo(tmp_path, 12)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "a"), "import-history", str(repo), "--batch", "5"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if re.search(r"pairs? analysed", line)]
    assert lines, result.stderr
    for line in lines:
        analysed, queued = (int(n.replace(",", "")) for n in
                            re.search(r"([\d,]+) of ([\d,]+) pairs? analysed", line).groups())  # type: ignore[union-attr]
        if analysed < queued:
            assert "(100%)" not in line, line


def test_import_progress_never_goes_back_when_the_analyses_start() -> None:
    """A small import is one batch: every commit read and no pair sent yet showed 100%, then the
    analysis phase started and the line said 63%. Reading alone now stays below 100%, and the
    percentage shown never goes down, whatever the estimate of the pairs to come does."""
    from tracker.cli.ota import import_progress
    from tracker.ota.history import ImportResult

    line = StatusLine("import-history", io.StringIO(), tty=False)
    shown = []
    steps = [ImportResult(source="repo", commits=n, commits_total=400, stage="reading commits") for n in (100, 400)]
    steps += [ImportResult(source="repo", commits=400, commits_total=400, stage="analysing", pairs_queued=1200,
                           pairs_analysed=n) for n in (0, 600, 1199, 1200)]
    for result in steps:
        text, done, total = import_progress(result)
        line.show(text, done, total, force=True)
        shown.append(int(re.search(r"\((\d+)%\)", line.stream.getvalue().splitlines()[-1]).group(1)))  # type: ignore[attr-defined,union-attr]
    assert shown == sorted(shown) and shown[1] < 100 and shown[-2] < 100 == shown[-1], shown
    assert all(name in line.stream.getvalue() for name in ("reading commits", "analysing")), line.stream.getvalue()  # type: ignore[attr-defined]

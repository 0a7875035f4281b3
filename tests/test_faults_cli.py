"""Every error a user can cause, driven once through the real CLI: one line saying what to do, a
documented exit code, and never a Python traceback (issue 13)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.app import cli

CLAUSES = "".join(f"<h2>{i}. Clause</h2><p>The provider may change fee {i} with notice.</p>" for i in range(1, 9))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store with three versions of one document, recorded from a file: URL."""
    root = tmp_path_factory.mktemp("cli")
    page = root / "terms.html"
    (root / "sources.toml").write_text(f"""
[[service]]
id = "acme"
name = "Acme"
  [[service.document]]
  type = "Terms of Service"
  url = "{page.as_uri()}"
""", encoding="utf-8")
    for n in range(3):
        page.write_text(f"<html><body><main><h1>Terms</h1>{CLAUSES}<p>Edition {n}.</p></main></body></html>",
                        encoding="utf-8")
        result = invoke(root, "run", "-q")
        assert result.exit_code == 0, result.output
    (root / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (root / "afile").write_text("not a folder\n", encoding="utf-8")
    (root / "bad.toml").write_text("notoml[[[\n", encoding="utf-8")
    (root / "hooks.toml").write_text('[[target]]\nurl = "json://127.0.0.1:9/hook"\n', encoding="utf-8")
    return root


def invoke(root: Path, *args: str, store: str = "store", sources: str = "sources.toml"):
    return CliRunner().invoke(cli, ["--store", str(root / store), "--sources", str(root / sources), *args])


def busy_port() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    return s


DOC = ("acme", "Terms of Service")
# (args, exit code, words of the one line on stderr); "{root}" is the store's folder
ERRORS = [
    (("show", *DOC, "--at", "0"), 2, "no version 0"),
    (("show", *DOC, "--at", "99"), 4, "no version 99"),
    (("show", "nosuch"), 4, "no service 'nosuch'"),
    (("history", "nosuch"), 4, "no service 'nosuch'"),
    (("summary", *DOC, "--at", "-99"), 4, "no version -99"),
    (("diff", *DOC, "--from", "0"), 2, "no version 0"),
    (("export", "--format", "jsonl", "{root}/afile/out"), 1, "cannot read or write"),
    (("export", "--format", "ota-dataset", "{root}/afile/out.zip"), 1, "cannot read or write"),
    (("feed", "--out", "{root}/afile/feeds"), 1, "cannot write the feeds to"),
    (("publish", "--out", "{root}/afile/site"), 1, "choose a writable folder with --out"),
    (("serve", "--port", "0", "--host", "no-such-host.invalid"), 2, "unknown host"),
    (("serve", "--port", "0", "--host", "192.0.2.1"), 2, "not an address of this machine"),
    (("serve", "--port", "0", "--out", "{root}/afile/site"), 1, "choose a writable folder with --out"),
    (("compare", "{root}/a.png", "{root}/sources.toml"), 1, "a PNG image, not text, HTML or PDF"),
    (("compare", "{root}/nofile", "{root}/sources.toml"), 1, "cannot read"),
    (("compare", "ftp://files.example.org/terms.html", "{root}/sources.toml"), 1, "not ftp:// addresses"),
    (("notify", "--check"), 2, "no notify file"),
    (("notify", "--run", "999", "--notify", "{root}/hooks.toml"), 4, "no run 999 in this archive (runs 1 to 3"),
    (("notify", "--check", "--notify", "{root}/bad.toml"), 2, "not valid TOML"),
    (("run", "--service", "nosuch"), 2, "no service 'nosuch'"),
]


@pytest.mark.parametrize("args,code,words", ERRORS, ids=[" ".join(a[:2]) + f" {n}" for n, (a, _, _) in enumerate(ERRORS)])
def test_user_error_is_one_line_with_its_exit_code(store, args, code, words):
    result = invoke(store, *(a.replace("{root}", str(store)) for a in args))
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], result.output


def test_serve_on_a_port_in_use(store):
    with busy_port() as s:
        port = s.getsockname()[1]
        result = invoke(store, "serve", "--port", str(port))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip() == (f"error: port {port} on 127.0.0.1 is already in use; pick another with "
                                     "--port (0 picks a free one)")


@pytest.mark.parametrize("args,code,words", [
    (("status",), 2, "invalid TOML"),
    (("run",), 2, "invalid TOML"),
])
def test_broken_sources(store, args, code, words):
    result = invoke(store, *args, sources="bad.toml")
    assert result.exit_code == code and "Traceback" not in result.output and words in result.output


@pytest.mark.parametrize("args", [("show", "acme"), ("verify",), ("reindex",), ("history", "acme"), ("publish",)])
def test_no_archive(store, args):
    result = invoke(store, *args, store="nostore")
    assert result.exit_code == 4 and "Traceback" not in result.output
    assert result.output.strip().startswith("error: no archive at")


def test_backwards_diff_says_so(store):
    result = CliRunner().invoke(cli, ["--store", str(store / "store"), "diff", *DOC, "--from", "3", "--to", "2"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "note: --from 3 is newer than --to 2: this diff goes backwards" in result.stderr
    assert "Edition [-2-]{+1+}" in result.stdout


# --------------------------------------------------------------------------- feeds


def test_feeds_without_base_url_warn_and_bad_base_url_is_refused(store, tmp_path):
    result = invoke(store, "feed", "--out", str(tmp_path / "f1"))
    assert result.exit_code == 0 and "warning: no --base-url" in result.stderr
    for bad in ("notaurl", "ftp://example.org/feeds", "https://", "/var/www/feeds", "https://ex ample.org"):
        for command in ("feed", "publish"):
            result = invoke(store, command, "--out", str(tmp_path / "f2"), "--base-url", bad)
            assert result.exit_code == 2 and "Traceback" not in result.output, result.output
            assert result.output.strip().splitlines() == [result.output.strip()]
            assert "is not an absolute http(s) URL" in result.output
    assert not (tmp_path / "f2").exists()
    result = invoke(store, "publish", "--out", str(tmp_path / "f3"), "--base-url", "https://terms.example.org")
    assert result.exit_code == 0 and "warning" not in result.output


def test_feeds_carry_their_self_links(store, tmp_path):
    import json

    import feedparser

    base = "https://terms.example.org/feeds"
    assert invoke(store, "feed", "--out", str(tmp_path), "--base-url", base).exit_code == 0
    for name in ("all", "attention"):
        atom = feedparser.parse(str(tmp_path / f"{name}.atom")).feed
        assert {"rel": "self", "href": f"{base}/{name}.atom"}.items() <= next(
            link for link in atom.links if link["rel"] == "self").items()
        rss = (tmp_path / f"{name}.rss").read_text(encoding="utf-8")
        assert f'<atom:link href="{base}/{name}.rss" rel="self"' in rss
        assert json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))["feed_url"] == f"{base}/{name}.json"


def test_feed_entries_of_imported_documents_never_link_to_the_local_git_folder(tmp_path):
    import subprocess

    import feedparser

    repo = tmp_path / "versions"
    (repo / "Nimbus").mkdir(parents=True)
    env = {"GIT_AUTHOR_NAME": "Bot", "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "Bot",
           "GIT_COMMITTER_EMAIL": "b@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=env)
    for n in range(2):
        (repo / "Nimbus" / "Terms of Service.md").write_text(f"# Terms\n\nCredits expire after {n + 6} months.\n",
                                                             encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "v"], cwd=repo, check=True, env=env)
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(store), "import-history", str(repo)]).exit_code == 0
    for base in ([], ["--base-url", "https://terms.example.org/feeds"]):
        out = tmp_path / f"feeds{len(base)}"
        assert runner.invoke(cli, ["--store", str(store), "feed", "--out", str(out), *base]).exit_code == 0
        entries = feedparser.parse(str(out / "all.atom")).entries
        assert entries and all(not e.link.startswith("git+") for e in entries), [e.link for e in entries]


def test_broken_sources_list_every_problem_in_one_pass_duplicates_included(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text("""
[[service]]
id = "acme"
name = "Acme"
colour = "red"
  [[service.document]]
  type = "Terms"
  url = "ftp://example.org/terms"
  [[service.document]]
  type = "terms"
  url = "https://example.org/terms2"

[[service]]
id = "acme"
name = "Acme again"
  [[service.document]]
  type = "Privacy"
  url = "https://example.org/privacy"
  timeout = -1
""", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--sources", str(sources), "--store", str(tmp_path / "s"), "run"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    out = result.output
    for problem in ("unknown key 'colour'", "ftp", "duplicate document type 'terms'", "duplicate service id 'acme'",
                    "timeout"):
        assert problem in out, out


# --------------------------------------------------------------------------- pipes


def _cli_process(store: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "--store", str(store / "store"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_reader_that_stops_early_is_not_an_error(store):
    """`tracker diff ... | head -1`: the reader closes the pipe after one line; exit 0, nothing on stderr."""
    proc = _cli_process(store, "diff", *DOC, "--from", "1", "--to", "3")
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as head does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first.startswith(b"acme/Terms of Service: version 1") and err == ""


def test_forced_colour_survives_a_pipe(store):
    """`--color | cat` keeps the colour codes (rich would drop them off a terminal)."""
    result = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store / "store"), "diff", *DOC,
                             "--color"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout and "Edition" in result.stdout
    plain = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store / "store"), "diff", *DOC],
                           capture_output=True, text=True, timeout=60)
    assert "\x1b[" not in plain.stdout and "Edition [-1-]{+2+}" in plain.stdout

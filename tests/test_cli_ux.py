"""What a first-time user sees, through the real CLI on real archives: plain text in a pipe (no
Markdown marks, no escape codes), one name per clause in every command, feed titles that fit,
feeds counted in one unit, no executor line when there is nothing to do, no folders created
behind the user's back, and one error format (``error: ...`` on one line) for every bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from tracker.cli.app import cli
from tracker.publish.catalog import TITLE_MAX, shorten

SERVICE_NAME = "Quillfeather Collaborative Notebooks"  # long: "<service> <document>: <headline>" runs long
DISPUTES_OLD = "Any dispute will be heard by the courts of Lisbon, Portugal."
DISPUTES_NEW = ("Any dispute will be resolved by <strong>binding</strong> individual arbitration under our "
                '<a href="https://quill.example/arbitration-rules">arbitration rules</a>, and you waive any right '
                "to a jury trial or to take part in a class action.")


def page(disputes: str, expiry: str, scraping: str = "by automated means") -> str:
    """Quillfeather's terms: numbered sections whose clauses carry their own numbers (3.3 ...),
    and a numbered list (§ 2(2) is its second item)."""
    return f"""<html><body><main><h1>Quillfeather Terms of Service</h1>
<h2>1. Accounts</h2><p>1.1 You must be at least 16 years old to open an account.</p>
<h2>2. Acceptable use</h2><p>You must not:</p><ol><li>copy, decompile or reverse engineer the notebooks;</li>
<li>scrape or harvest content from the notebooks {scraping}.</li></ol>
<h2>3. Disputes</h2><p>3.1 We try to settle every complaint informally first.</p>
<p>3.2 You can write to our support team at any time.</p><p>3.3 {disputes}</p>
<h2>4. Credits</h2><p>4.1 Notebook credits are non-refundable and expire {expiry} after purchase.</p>
</main></body></html>"""


def invoke(root: Path, *args: str, store: str = "store"):
    return CliRunner().invoke(cli, ["--store", str(root / store), "--sources", str(root / "sources.toml"), *args])


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two versions of Quillfeather's terms, recorded by `tracker run` from a file: URL:
    the disputes clause becomes arbitration (Markdown emphasis and a link in it), credits expire sooner."""
    root = tmp_path_factory.mktemp("ux")
    terms = root / "terms.html"
    (root / "sources.toml").write_text(f"""
[[service]]
id = "quill"
name = "{SERVICE_NAME}"
  [[service.document]]
  type = "Terms of Service"
  url = "{terms.as_uri()}"
""", encoding="utf-8")
    for disputes, expiry, scraping in ((DISPUTES_OLD, "12 months", "by automated means"),
                                       (DISPUTES_NEW, "6 months", "by any means, automated or manual")):
        terms.write_text(page(disputes, expiry, scraping), encoding="utf-8")
        result = invoke(root, "run", "-q", "--host-delay", "0")
        assert result.exit_code == 0, result.output
    return root


def piped(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `python -m tracker` with its stdout a pipe, as in `tracker ... | less`."""
    return subprocess.run([sys.executable, "-m", "tracker", "--store", str(root / "store"), "--sources",
                           str(root / "sources.toml"), *args], capture_output=True, text=True, timeout=120)


# --------------------------------------------------------------------------- plain text in a pipe


def test_search_in_a_pipe_is_plain_text_and_bold_only_when_asked(root: Path) -> None:
    plain = piped(root, "search", "arbitration")
    assert plain.returncode == 0, plain.stderr
    assert "arbitration" in plain.stdout
    # no Markdown of the page (emphasis, link syntax), no escape codes: the match [bracketed]
    assert "**" not in plain.stdout and "](" not in plain.stdout and "\x1b" not in plain.stdout, plain.stdout
    assert "binding individual [arbitration] under our [arbitration] rules" in plain.stdout
    bold = piped(root, "search", "arbitration", "--color")
    assert "\x1b[1marbitration\x1b[0m" in bold.stdout and "**" not in bold.stdout
    # the link's target is not shown, so a match inside it is not highlighted either
    assert "arbitration-rules" not in bold.stdout
    # --json keeps its documented marks, and only them: plain text, no link syntax
    hits = json.loads(piped(root, "search", "arbitration", "--json").stdout)
    assert hits and "**arbitration**" in hits[0]["snippet"] and "](" not in hits[0]["snippet"]


@pytest.mark.parametrize("args", [
    ("history", "quill"),
    ("diff", "quill", "Terms of Service"),
    ("summary", "quill", "Terms of Service"),
    ("search", "arbitration"),
    ("search", "credits"),
    ("status",),
])
def test_no_markdown_marks_or_escape_codes_in_a_pipe(root: Path, args: tuple[str, ...]) -> None:
    result = piped(root, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout + result.stderr
    assert "**" not in result.stdout and "](" not in result.stdout, result.stdout


# --------------------------------------------------------------------------- one name per clause


def sections_in_diff(output: str) -> set[str]:
    """ "+ added  § 3.3 Disputes  [critical; ...]" -> "§ 3.3 Disputes" """
    return {m.group(1) for m in re.finditer(r"^[-+~>] \w+  (.+?)  \[", output, re.M)}


def test_search_and_summary_name_a_clause_as_diff_does(root: Path) -> None:
    diff = invoke(root, "diff", "quill", "Terms of Service")
    assert diff.exit_code == 0, diff.output
    sections = sections_in_diff(diff.stdout)
    # a clause numbered in its text (3.3), and the second item of a numbered list in § 2
    assert {"§ 3.3 Disputes", "§ 4.1 Credits", "§ 2(2) Acceptable use"} <= sections, diff.stdout
    summary = invoke(root, "summary", "quill", "Terms of Service").stdout
    for section in ("§ 3.3 Disputes", "§ 4.1 Credits", "§ 2(2) Acceptable use"):
        assert f"({section}" in summary, (section, summary)
    for query, section in (("arbitration", "§ 3.3 Disputes"), ("credits", "§ 4.1 Credits"),
                           ("scrape", "§ 2(2) Acceptable use")):
        out = invoke(root, "search", query).stdout
        shown = re.findall(r"^    (§ [^:]+):", out, re.M)
        assert shown and set(shown) <= sections and section in shown, out
        assert section in {h["section"] for h in json.loads(invoke(root, "search", query, "--json").stdout)}


# --------------------------------------------------------------------------- feed titles


def test_shorten_keeps_whole_words() -> None:
    assert shorten("Credits now expire after six months", 100) == "Credits now expire after six months"
    assert shorten("Credits now expire after six months", 20) == "Credits now expire…"
    assert shorten("Credits now expire after six months", 19) == "Credits now expire…"  # the word fits exactly
    assert shorten("Credits now expire after six months", 18) == "Credits now…"


def test_feed_titles_fit_in_every_format(root: Path, tmp_path: Path) -> None:
    headline = json.loads(invoke(root, "history", "quill", "--json").stdout)[-1]["summary"]
    who = f"{SERVICE_NAME} Terms of Service"
    assert len(f"{who}: {headline}") > TITLE_MAX  # the fixture has a title to shorten
    result = invoke(root, "publish", "--out", str(tmp_path / "site"), "--base-url", "https://terms.example.org")
    assert result.exit_code == 0, result.output
    feeds = tmp_path / "site" / "feeds"
    for name in ("all.atom", "all.rss", "all.json", "quill/terms-of-service.atom", "material.rss"):
        if name.endswith(".json"):  # feedparser 6.0 reads Atom and RSS; JSON Feed is plain JSON
            titles = [e["title"] for e in json.loads((feeds / name).read_text(encoding="utf-8"))["items"]]
        else:
            parsed = feedparser.parse((feeds / name).read_bytes())
            assert not parsed.bozo, (name, parsed.get("bozo_exception"))
            titles = [e.title for e in parsed.entries]
        assert titles, name
        for title in titles:
            assert len(title) <= TITLE_MAX, (name, title)
            # shortened before the headline's count of other changes, which stays whole
            # (a quote the cut left open is closed after the "…": « Now says “…binding…” (+2 more) »)
            cut = re.search(r"…[”»]?(?P<more> \(\+\d+ more\)|, and \d+ more material changes?)?$", title)
            assert title.startswith(f"{who}: ") and cut, title
            shown = title[len(who) + 2:cut.start()].split()
            assert shown == headline.split()[:len(shown)], (title, headline)  # whole words, in order
            assert headline.endswith(cut.group("more") or ""), (title, headline)  # the count is the headline's own
    # the diff page shows the same title
    page = next((tmp_path / "site" / "quill").rglob("2*.html")).read_text(encoding="utf-8")
    assert who in page


# --------------------------------------------------------------------------- feeds counted alike


def test_demo_feed_and_publish_count_feeds_in_one_unit(tmp_path: Path) -> None:
    demo = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert demo.exit_code == 0, demo.output
    store = tmp_path / "demo" / "snapshots"
    atoms = len(list((store / "site" / "feeds").rglob("*.atom")))  # where publish keeps them
    said = re.search(r"^Feeds: (\d+) feeds in .* \(each feed is 3 files: \.atom, \.rss, \.json\)", demo.stdout, re.M)
    assert said and int(said.group(1)) == atoms, demo.stdout
    feed = CliRunner().invoke(cli, ["--store", str(store), "feed", "--out", str(tmp_path / "feeds")])
    publish = CliRunner().invoke(cli, ["--store", str(store), "publish", "--out", str(tmp_path / "site")])
    for result in (feed, publish):
        assert result.exit_code == 0, result.output
        counted = re.search(r"feeds: (\d+) of (\d+) rebuilt \(each feed is 3 files: \.atom, \.rss, \.json\)",
                            result.stdout)
        assert counted and int(counted.group(1)) == int(counted.group(2)) == atoms, result.stdout
    assert json.loads(CliRunner().invoke(cli, ["--store", str(store), "publish", "--out", str(tmp_path / "site"),
                                               "--json"]).stdout)["feeds"] == atoms
    again = CliRunner().invoke(cli, ["--store", str(store), "feed", "--out", str(tmp_path / "feeds")])
    assert f"feeds: 0 of {atoms} rebuilt" in again.stdout


# --------------------------------------------------------------------------- reanalyse


def test_reanalyse_names_its_executor_only_when_there_is_work(root: Path, tmp_path: Path) -> None:
    subprocess.run(["cp", "-a", str(root / "store"), str(tmp_path / "store")], check=True)
    nothing = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "reanalyse"])
    assert nothing.exit_code == 0, nothing.output
    assert nothing.stdout.startswith("nothing to reanalyse") and nothing.stderr == "", nothing.output
    forced = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "reanalyse", "--force"])
    assert forced.exit_code == 0, forced.output
    # two versions: analysed here, and said so (not "a pool of worker processes" that never starts)
    assert re.search(r"^reanalysing 2 versions in this process \(\S", forced.stderr, re.M), forced.stderr
    assert "reanalysed 2 versions in " in forced.stdout


# --------------------------------------------------------------------------- output paths


def test_a_missing_output_folder_is_refused_not_created(root: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    for args in (("export", "--format", "jsonl", str(missing / "changes.jsonl")),
                 ("export", "--format", "ota-dataset", str(missing / "sub" / "dataset.zip"))):
        result = invoke(root, *args)
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        folder = Path(args[-1]).parent
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot write {args[-1]}: the folder {folder} "
                                                       "does not exist; create it first"), result.stderr
    assert not missing.exists()
    declarations = tmp_path / "declarations"
    declarations.mkdir()
    (declarations / "Quill.json").write_text(json.dumps(
        {"name": "Quill", "terms": {"Terms of Service": {"fetch": "https://quill.example/terms",
                                                             "select": "main"}}}), encoding="utf-8")
    result = invoke(root, "import-declarations", str(declarations), "--out", str(missing / "sources.toml"))
    assert result.exit_code == 1 and "error: cannot write --out" in result.stderr and not missing.exists(), \
        result.output
    # an existing folder is written as before
    ok = invoke(root, "export", "--format", "jsonl", str(tmp_path / "changes.jsonl"))
    assert ok.exit_code == 0 and (tmp_path / "changes.jsonl").read_text(encoding="utf-8").count("\n") >= 3


# --------------------------------------------------------------------------- one error format

# (args, exit code as documented in the README, words of the one line); "{root}" is the fixture's folder
BAD_INPUTS = [
    (("nosuch",), 2, "no such command 'nosuch'"),
    (("diff",), 2, "missing argument 'SERVICE' (usage: tracker diff [OPTIONS] SERVICE [DOCUMENT]; "
                   "see 'tracker diff --help'); services in this archive: quill"),
    (("--store", "{root}/no-store", "summary"), 2, "see 'tracker summary --help')"),
    (("search", "credits", "--limit", "0"), 2, "invalid value for '--limit'"),
    (("search", "credits", "--bogus"), 2, "no such option '--bogus'"),
    (("search", "NOT credits"), 2, "NOT must come after a word"),
    (("search", " "), 2, "the search query is empty"),
    (("export", str(Path("out.jsonl"))), 2, "missing option '--format'. Choose from: ota-dataset, jsonl"),
    (("export", "--format", "csv", "out.csv"), 2, "invalid value for '--format'"),
    (("export", "--format", "ota-dataset", "-"), 2, "the ota-dataset format needs a file name"),
    (("show", "quill", "Terms of Service", "--at", "someday"), 2, "'someday' is not a version number"),
    (("diff", "quill", "Terms of Service", "--from", "9"), 4, "no version 9"),
    (("show", "quill", "Terms of Service", "--at", "-9"), 4,
     "no version -9; there are 2 of quill/Terms of Service, numbered 1 (the first) to 2, or -1 (the latest) back to -2"),
    (("history", "nosuch"), 4, "no service 'nosuch'"),
    (("reanalyse", "--since", "2025-02-30"), 2, "is not a date"),
    # an empty range: refused, rather than an empty list under notes about first versions
    (("history", "quill", "--since", "2026-12-04", "--until", "2026-01-01"), 2,
     "--since 2026-12-04 is after --until 2026-01-01: no version can be in both; swap them"),
    (("run", "--shard", "5"), 2, "bad shard '5'"),
    (("feed", "--limit", "many"), 2, "invalid value for '--limit'"),
    (("publish", "--base-url", "ftp://x"), 2, "is not an absolute http(s) URL"),
    (("serve", "--port", "70000"), 2, "invalid value for '--port'"),
    (("--store",), 2, "option '--store' requires an argument"),
    (("compare", "{root}/nofile.md"), 2, "missing argument 'NEW'"),
    (("compare", "{root}/nofile.md", "{root}/sources.toml"), 1, "cannot read"),
    # two missing files: both named in the one line
    (("compare", "{root}/nofile.md", "{root}/nofile2.md"), 1,
     "cannot read {root}/nofile.md and {root}/nofile2.md: No such file or directory"),
    # a global option after the command: where it goes, not "did you mean '--service'?"
    (("history", "quill", "--store", "{root}/store"), 2,
     "--store is an option of tracker itself, not of 'tracker history': put it before the command "
     "(tracker --store DIR history ...)"),
    (("run", "--sources", "{root}/sources.toml"), 2, "--sources is an option of tracker itself"),
    # a store that is a file: said so, before anything is read or written
    (("--store", "{root}/sources.toml", "history", "quill"), 2, "--store {root}/sources.toml is a file, not a folder"),
    (("--store", "{root}/sources.toml", "run"), 2, "is a file, not a folder"),
    (("--store", "{root}/sources.toml", "search", "credits", "--since", "2026-01-01"), 2, "is a file, not a folder"),
    # a store under a file: the archive cannot be written, so exit 3 (archive or index), not 1
    (("--store", "{root}/sources.toml/store", "run"), 3, "cannot read or write {root}/sources.toml/store"),
]


@pytest.mark.parametrize("args,code,words", BAD_INPUTS, ids=[" ".join(a)[:40] for a, _, _ in BAD_INPUTS])
def test_every_bad_input_is_one_error_line_with_its_exit_code(root: Path, args: tuple[str, ...], code: int,
                                                              words: str) -> None:
    result = invoke(root, *(a.replace("{root}", str(root)) for a in args))
    assert result.exit_code == code, result.output
    assert result.stdout == "" and "Traceback" not in result.output and "Usage:" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words.replace("{root}", str(root)) in lines[0], \
        result.stderr


def test_since_and_until_on_the_same_day_is_that_day(root: Path) -> None:
    result = invoke(root, "history", "quill", "--since", "2020-01-01", "--until", "2020-01-01")
    assert result.exit_code == 0 and "error" not in result.stderr, result.output


def test_compare_speaks_of_a_local_file_as_a_file(tmp_path: Path) -> None:
    """An unusable local file is named once, as a file: not "the page at NAME", not "served as
    no Content-Type" (it was not served), and a selector is compare's --select option."""
    good = tmp_path / "good.md"
    good.write_text("# Terms\n\nYou pay 10 dollars a month.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really a PDF")
    (tmp_path / "blank.html").write_text("<html><body><main><p> </p></main><div>Menu</div></body></html>")
    cases = [(["empty.md"], "empty.md: the file has no text after extraction (empty or only markup)"),
             (["broken.pdf"], "broken.pdf: not a readable PDF"),
             (["blank.html", "--select", "main"], "blank.html: the selected region ('main') of the file has no text")]
    for (name, *options), words in cases:
        result = CliRunner().invoke(cli, ["compare", str(tmp_path / name), str(good), *options])
        assert result.exit_code == 1 and result.stdout == "", result.output
        line = result.stderr.strip()
        assert words in line and "page at" not in line and "served as" not in line, line
        assert "sources file" not in line and line.count(name) == 1, line
    assert "check --select" in CliRunner().invoke(cli, ["compare", str(tmp_path / "blank.html"), str(good),
                                                        "--select", "main"]).stderr


def test_a_real_process_reports_bad_usage_in_one_line(root: Path) -> None:
    for args, code in ((("diff",), 2), (("show", "quill", "Terms of Service", "--at", "someday"), 2),
                       (("history", "nosuch"), 4)):
        result = piped(root, *args)
        assert result.returncode == code and result.stdout == "", result
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr
    # help is still help
    assert piped(root, "history", "--help").stdout.startswith("Usage: tracker history")


def test_a_malformed_dask_address_is_one_line_and_no_traceback_at_exit(root: Path) -> None:
    """A half-built Dask client used to hang 20 s at exit and print a traceback from its finaliser."""
    pytest.importorskip("distributed", reason="pip install -e '.[dask]'")
    result = piped(root, "reanalyse", "--dask", "notanaddress")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() == ("error: --dask 'notanaddress' is not a Dask scheduler address (missing port "
                                     "number in address 'notanaddress'); give one like tcp://host:8786")


def test_a_bug_is_one_line_and_its_traceback_only_on_request() -> None:
    """The last resort of the group: an exception no command expected (here from a command added for
    the test) is one line and exit 1; TRACKER_DEBUG=1 lets it through for a bug report."""
    import click

    @click.command("explode")
    def explode() -> None:
        raise ValueError("a value no command expected")

    cli.add_command(explode)
    try:
        result = CliRunner().invoke(cli, ["explode"])
        debug = CliRunner().invoke(cli, ["explode"], env={"TRACKER_DEBUG": "1"})
    finally:
        cli.commands.pop("explode")
    assert result.exit_code == 1 and result.stdout == "" and "Traceback" not in result.output
    assert result.stderr.strip() == ("error: unexpected internal error (ValueError: a value no command expected); "
                                     "this is a bug in tracker: please report it with the command you ran "
                                     "(TRACKER_DEBUG=1 prints the traceback)")
    assert isinstance(debug.exception, ValueError)


def test_history_after_runs_that_only_failed_points_to_status(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(f"""
[[service]]
id = "quill"
name = "Quill"
  [[service.document]]
  type = "Terms of Service"
  url = "{(tmp_path / 'missing.html').as_uri()}"
""", encoding="utf-8")
    quiet = invoke(tmp_path, "run", "-q")
    assert quiet.exit_code == 1  # the page is not there: nothing recorded
    assert "quill/Terms of Service" in quiet.stderr  # -q still says which document failed
    result = invoke(tmp_path, "history", "quill")
    # checked, so not "unknown": what its last check said, and where to see every check
    assert result.exit_code == 4 and result.stderr.startswith(
        "error: no version of 'quill' is recorded yet: it was checked, and its last check of quill/Terms of Service "
        "failed: "), result.output
    assert result.stderr.strip().endswith("`tracker status` shows every check")
    assert invoke(tmp_path, "history", "inkwell").stderr.strip() == (  # never checked: the plain message
        "error: no service 'inkwell' in the archive; known: none yet (nothing recorded: `tracker status` shows "
        "what failed)")
    assert "FAILING 1 run(s)" in invoke(tmp_path, "status").stdout


def _two_documents(tmp_path: Path) -> Path:
    """Fernwood's terms (which leave data use to the privacy notice) and its privacy notice,
    recorded by `tracker run` from file: URLs."""
    terms, privacy = tmp_path / "terms.html", tmp_path / "privacy.html"
    terms.write_text("""<html><body><main><h1>Fernwood Terms</h1>
<h2>1. Accounts</h2><p>You must be at least 16 years old to open a Fernwood account.</p>
<h2>2. Your sketches</h2><p>We handle the sketches and prompts you upload as explained in our Privacy Notice.</p>
<h2>3. Fees</h2><p>Sketch credits are non-refundable.</p></main></body></html>""", encoding="utf-8")
    privacy.write_text("""<html><body><main><h1>Fernwood Privacy Notice</h1>
<h2>1. What we collect</h2><p>We collect the sketches and prompts you upload.</p>
<h2>2. Model training</h2><p>We never use your prompts or sketches to train our models.</p>
</main></body></html>""", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(f"""
[[service]]
id = "fernwood"
name = "Fernwood"
  [[service.document]]
  type = "Terms of Service"
  url = "{terms.as_uri()}"
  [[service.document]]
  type = "Privacy Notice"
  url = "{privacy.as_uri()}"
""", encoding="utf-8")
    result = invoke(tmp_path, "run", "-q", "--host-delay", "0")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_a_service_named_without_its_document_is_bad_usage_listing_them(tmp_path: Path) -> None:
    root = _two_documents(tmp_path)
    for command in ("summary", "show", "history"):
        result = invoke(root, command, "fernwood")
        if command == "history":  # history lists every document of a service: no document needed
            assert result.exit_code == 0, result.output
            continue
        assert result.exit_code == 2, (command, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "'Privacy Notice', 'Terms of Service'" in lines[0], result.stderr
        assert f"usage: tracker {command} SERVICE DOCUMENT" in lines[0] and "Traceback" not in result.output
    missing = invoke(root, "summary", "fernwood", "Cookie Policy")  # a name that is not there: still 4
    assert missing.exit_code == 4 and "no document 'Cookie Policy'" in missing.stderr


def test_a_question_the_terms_leave_to_another_document_points_there(tmp_path: Path) -> None:
    root = _two_documents(tmp_path)
    result = invoke(root, "summary", "fernwood", "Terms of Service")
    assert result.exit_code == 0, result.output
    questions = result.stdout.split("Questions", 1)[1]
    training = questions.split("train models", 1)[1].split("?", 1)[1].split("\n  ", 3)
    assert "The terms do not say" not in training[1] and "See the Privacy Notice." in training[1], questions
    assert "The Privacy Notice says: We never use your prompts or sketches to train our models." in questions
    assert "(Privacy Notice, § 2 Model training)" in questions
    data = json.loads(invoke(root, "summary", "fernwood", "Terms of Service", "--json").stdout)
    answer = next(a for a in data["answers"] if a["id"] == "ai-training")
    assert answer["see"] == "Privacy Notice" and answer["answer"] == "See the Privacy Notice."
    assert answer["from_document"]["document"] == "Privacy Notice"
    assert "never use your prompts" in answer["from_document"]["answer"]


def test_python_m_tracker_cli_runs_like_the_tracker_command():
    for module in ("tracker", "tracker.cli"):
        result = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert "Usage:" in result.stdout and "compare" in result.stdout


def test_a_service_is_found_by_its_id_or_name_in_any_case_and_a_near_miss_is_suggested(root: Path) -> None:
    by_case = invoke(root, "history", "QUILL", "terms of service", "--json")
    by_name = invoke(root, "history", SERVICE_NAME.upper(), "Terms of Service", "--json")
    assert by_case.exit_code == 0 and by_name.exit_code == 0, (by_case.output, by_name.output)
    assert json.loads(by_case.stdout) == json.loads(by_name.stdout) != []
    assert invoke(root, "search", "credits", "--service", "Quill", "--json").exit_code == 0
    typo = invoke(root, "history", "quil")
    assert typo.exit_code == 4 and "(did you mean 'quill'?)" in typo.stderr, typo.stderr
    word = invoke(root, "show", "quill", "terms")
    assert word.exit_code == 4 and "(did you mean 'Terms of Service'?)" in word.stderr, word.stderr
    far = invoke(root, "history", "zzz")
    assert far.exit_code == 4 and "did you mean" not in far.stderr, far.stderr


def test_shorten_ends_on_a_word_that_carries_meaning() -> None:
    title = shorten("New class-action waiver: You and Quill may each bring claims only in an individual capacity", 75)
    assert len(title) <= 75 and title.endswith("…")
    assert title.rstrip("…").split()[-1] not in {"an", "in", "only", "a", "the"}, title


# --------------------------------------------------------------------------- the first-time user's trial


def test_search_snippet_does_not_repeat_the_clause_number_its_section_gives(root: Path) -> None:
    out = invoke(root, "search", "credits").stdout
    line = next(x for x in out.splitlines() if x.startswith("    § 4.1 Credits"))
    assert line.startswith("    § 4.1 Credits: Notebook [credits]"), line  # not "§ 4.1 Credits: 4.1 Notebook..."


def test_summary_says_what_a_changed_key_term_was(root: Path) -> None:
    out = invoke(root, "summary", "quill", "Terms of Service").stdout
    # the version's changed key terms first, each now and before
    assert "Changed in this version (from version 1)" in out, out
    assert re.search(r"~ .*expire 6 months after purchase \(was 12 months\)", out), out
    # and the bullet itself, in its note
    assert re.search(r"expire 6 months after purchase\.\s+\(§ 4\.1 Credits; was 12 months until \d{4}-", out), out
    data = json.loads(invoke(root, "summary", "quill", "Terms of Service", "--json").stdout)
    assert any("was 12 months" in c["line"] for c in data["changed_in_this_version"]), data["changed_in_this_version"]


def test_status_says_which_store_and_sources_it_reads_and_each_state_once(root: Path, tmp_path: Path) -> None:
    """A starter sources file next to a store of other documents: the two lists are told apart."""
    other = tmp_path / "starter.toml"
    other.write_text("""
[[service]]
id = "vellum"
name = "Vellum"
  [[service.document]]
  type = "Terms of Service"
  url = "https://vellum.example/terms"
""", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(root / "store"), "--sources", str(other), "status"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Store: {(root / 'store').resolve()} (1 document recorded)", lines
    assert lines[1].startswith(f"Sources: {other.resolve()} (1 document declared, 1 never checked; 1 stored"), lines
    quill = next(x for x in lines if x.startswith("quill/Terms of Service:"))
    assert quill.count("checked") == 1 and re.search(r"last checked \S+: (?:un)?changed", quill), quill
    assert quill.endswith("(not in starter.toml)"), quill
    declared = lines.index("Declared in starter.toml, never checked (`tracker run` checks them):")
    assert lines[declared + 1] == "  vellum/Terms of Service", lines
    assert not any(x.startswith("vellum/") for x in lines)  # not mixed with the stored documents
    mine = invoke(root, "status").stdout
    assert "not in" not in mine and "never checked" in mine.splitlines()[1]  # "0 never checked"


def test_verify_lists_a_few_of_many_and_says_what_to_do(tmp_path: Path) -> None:
    """After an import stopped before indexing, hundreds of commits lack their index rows: the
    first 10 are listed with a count, --all lists them all, and the next step is said."""
    from histories import make_history

    repo = make_history(tmp_path / "versions", commits=24)
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["--store", str(store), "import-history", str(repo), "-q"]).exit_code == 0
    import sqlite3

    with sqlite3.connect(store / "index.sqlite") as conn:  # as if the import stopped before indexing
        conn.execute("DELETE FROM changes")
        conn.execute("DELETE FROM versions")
    result = CliRunner().invoke(cli, ["--store", str(store), "verify"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    missing = int(re.search(r"^(\d+) commit\(s\) in the archive but not in the index; the first 10:$",
                            result.stdout, re.M).group(1))
    assert missing > 10 and sum("is in the archive but not in the index" in x for x in lines) == 10, lines
    assert f"  … and {missing - 10} more" in lines and "(`tracker verify --all` lists every one)" in lines
    assert "tracker verify --repair" in lines[-1] and "import-history" in lines[-1], lines[-1]
    every = CliRunner().invoke(cli, ["--store", str(store), "verify", "--all"]).stdout
    assert sum("is in the archive but not in the index" in x for x in every.splitlines()) == missing
    assert CliRunner().invoke(cli, ["--store", str(store), "verify", "--repair"]).exit_code == 0
    assert CliRunner().invoke(cli, ["--store", str(store), "verify"]).stdout.splitlines()[-1] == "all consistent"


def test_diff_says_a_change_made_in_several_clauses_once(tmp_path: Path) -> None:
    from tracker.cli.output import diff_lines
    from tracker.records import ClauseChange

    def change(cid: str, heading: str) -> ClauseChange:
        return ClauseChange("modified", cid, heading, "Cookies: analytics.", "Cookies: analytics, strictly necessary.",
                            True, "material", ("privacy",), "Now also covers: strictly necessary (privacy)")

    lines = list(diff_lines([change("a/1", "1. Cookies"), change("b/2", "2. Pixels")], color=False))
    assert sum("Now also covers: strictly necessary" in x for x in lines) == 1, lines
    assert "    (the same change as in § 1 Cookies above)" in lines, lines
    minor = [ClauseChange("modified", f"c/{n}", "Intro", f"Old {n}.", f"New {n}.", False, "minor", (),
                          "Reworded without a change of meaning") for n in (1, 2)]
    assert sum("Reworded without" in x for x in diff_lines(minor, color=False)) == 2  # a verdict, not a description


def test_status_before_the_first_run_says_there_is_no_archive_yet(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("""
[[service]]
id = "vellum"
name = "Vellum"
  [[service.document]]
  type = "Terms of Service"
  url = "https://vellum.example/terms"
""", encoding="utf-8")
    out = invoke(tmp_path, "status").stdout.splitlines()
    assert out[0].endswith("(no archive yet: `tracker run` creates it)"), out
    assert out[-2:] == ["Declared in sources.toml, never checked (`tracker run` checks them):",
                        "  vellum/Terms of Service"], out
    assert not (tmp_path / "store").exists()  # asking creates nothing


def test_import_declarations_of_a_folder_with_nothing_to_import_says_why(tmp_path: Path) -> None:
    """Not "sources.toml: defines no services" (a file it was about to write): what the folder lacks."""
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "Fernwick.json").write_text("{")
    (bad / "Oldco.json").write_text('{"name": "Oldco", "terms": {}}')
    for folder, words in ((empty, f"{empty} holds no declaration files (<Service>.json)"),
                          (bad, f"none of the 2 declaration file(s) in {bad} gives a document to track: "
                                "Fernwick.json: cannot be read as JSON")):
        result = CliRunner().invoke(cli, ["--sources", str(tmp_path / "sources.toml"), "import-declarations",
                                          str(folder)])
        assert result.exit_code == 2 and result.stderr.startswith(f"error: {words}"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "sources.toml" not in result.stderr
    assert not (tmp_path / "sources.toml").exists()


def test_compare_says_a_selector_does_nothing_on_markdown_and_keeps_quiet_on_html(tmp_path: Path) -> None:
    """--select/--remove cut HTML only: on a Markdown file the user is told it was compared whole."""
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# Quillfeather Terms\n\nNotebook credits expire 12 months after purchase.\n")
    new.write_text("# Quillfeather Terms\n\nNotebook credits expire 6 months after purchase.\n")
    markdown = subprocess.run([sys.executable, "-m", "tracker", "compare", str(old), str(new), "--select", "main"],
                              capture_output=True, text=True, timeout=120)
    assert markdown.returncode == 0, markdown.stderr
    assert "MATERIAL" in markdown.stdout
    assert f"note: {old} is Markdown or plain text: --select and --remove apply to HTML only" in markdown.stderr
    html_old, html_new = tmp_path / "old.html", tmp_path / "new.html"
    html_old.write_text(page(DISPUTES_OLD, "12 months"))
    html_new.write_text(page(DISPUTES_OLD, "6 months"))
    html = subprocess.run([sys.executable, "-m", "tracker", "compare", str(html_old), str(html_new), "--select", "main"],
                          capture_output=True, text=True, timeout=120)
    assert html.returncode == 0, html.stderr
    assert "note:" not in html.stderr and "MATERIAL" in html.stdout

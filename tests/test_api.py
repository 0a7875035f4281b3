"""The Python API (tracker.api): a real git archive and SQLite index built in a temporary directory."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker
from tracker.api import Archive, ArchivedDocument, DocumentStatus
from tracker.archive import Store
from tracker.archive.store import NewVersion
from tracker.cli.app import cli
from tracker.errors import ArchiveNotFound, InvalidArgument, NotFoundError, StoreError
from tracker.records import Version

COURTS = "Any dispute will be heard by the courts of Dublin, Ireland."
ARBITRATION = "Any dispute will be resolved by binding arbitration in Delaware, and you waive any class action."
TERMS = [f"# Terms\n\n## Credits\n\nCredits expire after {expiry}.\n\n## Disputes\n\n{disputes}\n"
         for expiry, disputes in (("12 months", COURTS), ("6 months", COURTS), ("6 months", ARBITRATION))]
DATES = ["2026-01-05T10:00:00Z", "2026-02-10T10:00:00Z", "2026-03-01T08:30:00Z"]


def _version(service: str, name: str, doc_type: str, text: str, when: str, kind: str) -> NewVersion:
    return NewVersion(
        service_id=service, service_name=name, document_type=doc_type, text=text, raw=text.encode(), raw_ext="md",
        source_url=f"https://{service}.example/{doc_type.lower().replace(' ', '-')}",
        final_url=f"https://{service}.example/{doc_type.lower().replace(' ', '-')}",
        fetched_at=datetime.fromisoformat(when.replace("Z", "+00:00")), http_status=200,
        content_type="text/markdown", extractor_version="test", kind=kind)


def build_archive(store_dir: Path) -> None:
    """A small archive as runs would leave it: three versions of one document, one of two others.

    Only git is written; the index is built from it (with every analysis) when an Archive first
    opens it, exactly as after a run that died before its index write.
    """
    versions = [_version("nimbus", "Nimbus AI", "Terms of Service", text, when, "first" if n == 0 else "changed")
                for n, (text, when) in enumerate(zip(TERMS, DATES))]
    versions.insert(1, _version("nimbus", "Nimbus AI", "Privacy Policy", "# Privacy\n\nWe keep logs for 30 days.\n",
                                "2026-01-06T00:00:00Z", "first"))
    versions.append(_version("orbit", "Orbit Notes", "Terms of Service", "# Orbit\n\nBe kind.\n",
                             "2026-03-02T00:00:00Z", "first"))
    Store(store_dir).record(versions)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "snapshots"
    build_archive(path)
    return path


@pytest.fixture
def archive(store_dir: Path):
    with Archive.open(store_dir) as opened:
        yield opened


@pytest.fixture
def doc(archive: Archive) -> ArchivedDocument:
    return archive.document("nimbus", "Terms of Service")


def test_no_archive(tmp_path: Path) -> None:
    lazy = Archive(tmp_path / "none")  # nothing is read before the first query
    assert not lazy.exists()
    with pytest.raises(ArchiveNotFound, match="no archive at"):
        lazy.services()
    with pytest.raises(StoreError, match="no archive at"):  # what a Python caller catches ...
        Archive.open(tmp_path / "none")
    with pytest.raises(NotFoundError):  # ... and what the command line turns into exit 4
        Archive.open(tmp_path / "none")


def test_services_and_documents(archive: Archive) -> None:
    assert [(s.id, s.name, s.document_types) for s in archive.services()] == [
        ("nimbus", "Nimbus AI", ("Privacy Policy", "Terms of Service")), ("orbit", "Orbit Notes", ("Terms of Service",))]
    assert [d.key for d in archive.documents()] == ["nimbus/Privacy Policy", "nimbus/Terms of Service",
                                                    "orbit/Terms of Service"]
    assert [d.key for d in archive.documents("orbit")] == ["orbit/Terms of Service"]
    with pytest.raises(NotFoundError, match="no service 'nope' in the archive; known: nimbus, orbit"):
        archive.documents("nope")
    doc = archive.document("nimbus", "terms of SERVICE")  # case does not matter
    assert (doc.key, doc.service_name, doc.type, doc.path) == (
        "nimbus/Terms of Service", "Nimbus AI", "Terms of Service", "nimbus/Terms of Service.md")
    assert doc.url == "https://nimbus.example/terms-of-service"
    assert archive.document("orbit").key == "orbit/Terms of Service"  # its only document
    with pytest.raises(NotFoundError, match="several documents"):
        archive.document("nimbus")
    with pytest.raises(NotFoundError, match="no document 'Cookies' for service 'nimbus'; known: 'Privacy Policy'"):
        archive.document("nimbus", "Cookies")


def test_versions_by_number_commit_and_date(doc: ArchivedDocument) -> None:
    versions = doc.versions
    assert all(isinstance(v, Version) for v in versions)
    assert [(v.seq, v.fetched_at, v.kind) for v in versions] == [
        (1, DATES[0], "first"), (2, DATES[1], "changed"), (3, DATES[2], "changed")]
    first, second, third = versions
    assert doc.version() == third
    assert doc.version(1) == doc.version("1") == doc.version(-3) == doc.version(" -3 ") == first
    assert doc.version(-1) == third
    assert doc.version(second.commit_sha[:7]) == doc.version(second.commit_sha.upper()) == second
    assert doc.version(second) is second
    # dates: the latest version at or before; a bare date is the end of that day
    assert doc.version("2026-02-10") == second
    assert doc.version("2026-02-10T09:59:59Z") == first
    assert doc.version("2026-02-10T12:00:00+02:00") == second  # 10:00 UTC
    assert doc.version("2026-02-10T10:00") == second  # no zone: UTC
    assert doc.version(date(2026, 2, 9)) == first
    assert doc.version(datetime(2026, 3, 1, 8, 30, tzinfo=timezone.utc)) == third
    assert doc.version("2027-01-01") == third

    with pytest.raises(NotFoundError, match=r"no version 0: versions are numbered from 1 \(the first\) to 3"):
        doc.version(0)
    with pytest.raises(NotFoundError, match="no version 4; there are 3"):
        doc.version("4")
    with pytest.raises(NotFoundError, match="no version -4; there are 3"):
        doc.version(-4)
    with pytest.raises(NotFoundError, match="no version 12345678; there are 3"):
        doc.version("12345678")  # digits: a number, then a commit prefix; neither exists
    with pytest.raises(NotFoundError, match="no version of nimbus/Terms of Service has a commit starting with"):
        doc.version("deadbeef")
    with pytest.raises(NotFoundError, match="no version at or before 2026-01-04; the first is from 2026-01-05"):
        doc.version(date(2026, 1, 4))
    with pytest.raises(InvalidArgument, match="'soon' is not a version number, commit or date") as caught:
        doc.version("soon")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InvalidArgument, match="'abcd' is too short for a commit: give at least 7"):
        doc.version("abcd")  # a commit prefix shorter than `history` shows is no date either
    orbit = doc.archive.document("orbit").versions[0]
    with pytest.raises(InvalidArgument, match="is a version of orbit/Terms of Service"):
        doc.version(orbit)


def test_text_diff_and_summary(doc: ArchivedDocument) -> None:
    assert doc.text() == TERMS[2] and doc.text(1) == TERMS[0] and doc.text("2026-02-10") == TERMS[1]
    first, second, third = doc.versions
    assert doc.pair() == (second, third)
    assert doc.pair(b=2) == (first, second)
    assert doc.pair(1, -1) == (first, third)

    latest = doc.diff()  # adjacent: the analysis stored in the index
    assert latest.to_dict() == tracker.compare(TERMS[1], TERMS[2]).to_dict()
    assert latest.material and "arbitration" in latest.categories
    span = doc.diff(1, -1)  # not adjacent: analysed now
    assert span.to_dict() == tracker.compare(TERMS[0], TERMS[2]).to_dict()
    # both changes are in the span (the version names its top three topics: arbitration,
    # class-action and jurisdiction outvote the credit change's refunds)
    assert span.material and "arbitration" in span.categories
    assert any("refunds" in c.categories for c in span.changes)
    backwards = doc.diff(3, 1)
    assert any("12 months" in (c.after or "") for c in backwards.changes)

    with pytest.raises(NotFoundError, match="version 1 is the first of nimbus/Terms of Service"):
        doc.diff(b=1)
    only = doc.archive.document("orbit")
    with pytest.raises(NotFoundError, match="has only its first version"):
        only.diff()

    summary = doc.summary(1)
    assert [item.text for item in summary.by_category["refunds"]] == ["Credits expire after 12 months."]
    assert "arbitration" in doc.summary().by_category


def test_status_merges_declared_documents(archive: Archive, tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[service]]\nid = "nimbus"\nname = "Nimbus AI"\n  [[service.document]]\n'
                       '  type = "Terms of Service"\n  url = "https://nimbus.example/terms"\n'
                       '  [[service.document]]\n  type = "Pricing"\n  url = "https://nimbus.example/pricing"\n')
    rows = archive.status(sources)
    assert all(isinstance(r, DocumentStatus) for r in rows)
    assert [(r.document, r.versions, r.last_outcome) for r in rows] == [
        ("nimbus/Privacy Policy", 1, None), ("nimbus/Terms of Service", 3, None), ("orbit/Terms of Service", 1, None),
        ("nimbus/Pricing", 0, "never checked")]
    assert rows[1].last_recorded == DATES[2]
    assert list(rows[3].to_dict()) == ["document", "service", "type", "versions", "last_recorded", "last_checked",
                                       "last_outcome", "error", "failing_runs", "gone_since", "paused_until", "gone_reason",
                                       "declared", "served_runs", "variant_runs"]
    assert rows[3].declared is True  # a declared document never checked
    before_any_run = Archive(tmp_path / "none").status(sources)
    assert [r.document for r in before_any_run] == ["nimbus/Terms of Service", "nimbus/Pricing"]
    assert Archive(tmp_path / "none").status() == []


def test_cli_prints_what_the_api_returns(store_dir: Path, archive: Archive) -> None:
    def tracker_cli(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(cli, ["--store", str(store_dir), *args])
        assert result.exit_code == code, result.output
        return result.output

    doc = archive.document("nimbus", "Terms of Service")
    assert tracker_cli("show", "nimbus", "Terms of Service", "--at", "2026-02-10") == TERMS[1]
    shown = json.loads(tracker_cli("show", "nimbus", "Terms of Service", "--at", "1", "--json"))
    assert shown == {**doc.version(1).to_dict(), "text": TERMS[0]}
    diff = json.loads(tracker_cli("diff", "nimbus", "Terms of Service", "--from", "1", "--json"))
    assert {k: diff[k] for k in ("material", "changes", "summary")} == {
        k: doc.diff(1, -1).to_dict()[k] for k in ("material", "changes", "summary")}
    assert diff["from"]["seq"] == 1 and diff["to"]["seq"] == 3
    history = json.loads(tracker_cli("history", "nimbus", "--json"))
    assert [h["document_type"] for h in history] == ["Privacy Policy"] + ["Terms of Service"] * 3
    # version 0 is refused (it used to mean the first), a malformed version is a usage error
    assert "no version 0" in tracker_cli("show", "nimbus", "Terms of Service", "--at", "0", code=2)
    bad = tracker_cli("diff", "nimbus", "Terms of Service", "--from", "soon", code=2)
    assert "error: 'soon' is not a version number, commit or date" in bad


def test_import_stays_lazy() -> None:
    code = ("import sys, tracker, tracker.cli; assert 'tracker.api' not in sys.modules and 'click' not in sys.modules; "
            "print(tracker.__version__); tracker.Archive; assert 'tracker.api' in sys.modules; "
            "from tracker import compare, NotFoundError; print(compare.__module__, NotFoundError.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [tracker.__version__, "tracker.api", "tracker.errors"]
    assert set(tracker.__all__) <= set(dir(tracker))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        tracker.nope  # noqa: B018


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The README's "Python API" example, run as written right after `tracker demo --dir nimbus-demo`."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert blocks, "the README's Python API section has no python block"
    from click.testing import CliRunner

    from tracker.cli.app import cli

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["demo", "--dir", "nimbus-demo"]).exit_code == 0
    capsys.readouterr()
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out
    assert "nimbus Nimbus AI" in out and "arbitration" in out and "\nTrue " in out


def test_type_information_is_packaged() -> None:
    """py.typed (PEP 561) and the stub that types the lazy exports are package data."""
    import fnmatch
    import tomllib

    root = Path(__file__).parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["tracker"]
    for name in ("py.typed", "__init__.pyi"):
        assert (root / "tracker" / name).is_file()
        assert any(fnmatch.fnmatch(name, p) for p in patterns), (name, patterns)


def test_compare_refuses_what_is_not_text() -> None:
    import tracker

    with pytest.raises(tracker.InvalidArgument, match="decode bytes first"):
        tracker.compare(b"Credits expire after 12 months.", "Credits expire after 6 months.")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="old_text is NoneType"):
        tracker.compare(None, "Credits expire after 6 months.")  # type: ignore[arg-type]
    assert tracker.compare("", "Credits expire after 6 months.").changes[0].kind == "added"

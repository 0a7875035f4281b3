"""Open Terms Archive declarations as tracker sources."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.app import cli
from tracker.ota.declarations import (COMBINE, DEGRADED, FILTER, RANGE, SUPPORTED, UNSUPPORTED,
                         load_declarations, support_table, to_toml, toml_string)
from tracker.sources import Part, Range, parse_sources



def write(directory: Path, name: str, data: object) -> None:
    (directory / name).write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def declarations(tmp_path: Path) -> Path:
    d = tmp_path / "declarations"
    d.mkdir()
    write(d, "Nimbus Cloud.json", {
        "name": "Nimbus Cloud",
        "terms": {
            "Terms of Service": {"fetch": "https://nimbus.example/terms", "select": "main", "remove": [".banner"]},
            "Privacy Policy": {"fetch": "https://nimbus.example/privacy", "select": ["#policy", ".annex"],
                               "filter": ["removeTrackingIds"]},
            "Acceptable Use Policy": {"fetch": "https://nimbus.example/aup", "executeClientScripts": True,
                                      "select": "article"},
        },
    })
    write(d, "Nimbus Cloud.history.json", {"Terms of Service": [{"fetch": "https://old.example", "select": "body",
                                                                   "validUntil": "2020-01-01T00:00:00Z"}]})
    write(d, "Zephyr \"Mail\".json", {
        "name": "Zephyr \"Mail\" \\ Co",
        "terms": {
            "Terms of Service": {"combine": [{"fetch": "https://zephyr.example/a"},
                                             {"fetch": "https://zephyr.example/b", "select": "#b",
                                              "executeClientScripts": True}],
                                 "select": "main"},
            "Community Rules": {"combine": [{"select": "main"}]},  # a part without a URL: left out
            "Privacy Policy": {"fetch": "https://zephyr.example/privacy",
                               "select": [{"startBefore": "#privacy", "endBefore": "footer"}]},
            "Cookie Policy": {"fetch": "https://zephyr.example/cookies", "select": ["main", {"startAfter": "h1",
                                                                                           "endBefore": "hr"}]},
            "Data Processing Agreement": {"fetch": "https://zephyr.example/dpa.pdf"},
            # A range with no end cannot be resolved (OTA needs both): dropped, the rest is kept.
            "Refund Policy": {"fetch": "https://zephyr.example/refunds",
                              "remove": [".promo", {"startAfter": "h1"}]},
        },
    })
    write(d, "Empty.json", {"name": "Empty", "terms": {}})
    (d / "Broken.json").write_text("{not json", encoding="utf-8")
    return d


def by_type(result, service_id: str) -> dict:
    return {d.type: d for d in result.documents if d.service_id == service_id}


def test_declarations_map_to_documents(declarations: Path) -> None:
    result = load_declarations(declarations)
    assert result.files == 4 and len(result.errors) == 1 and result.empty == ["Empty.json"]
    nimbus = by_type(result, "nimbus-cloud")
    tos = nimbus["Terms of Service"]
    assert (tos.status, tos.url, tos.select, tos.remove) == (SUPPORTED, "https://nimbus.example/terms", ("main",),
                                                              (".banner",))
    privacy = nimbus["Privacy Policy"]
    assert privacy.status == DEGRADED and privacy.categories == [FILTER] and "removeTrackingIds" in privacy.issues[0]
    assert privacy.select == ("#policy", ".annex")
    aup = nimbus["Acceptable Use Policy"]  # executeClientScripts: rendered in a browser
    assert aup.status == SUPPORTED and aup.render == "browser" and aup.categories == []
    zephyr = by_type(result, "zephyr-mail")
    combined = zephyr["Terms of Service"]  # combine: one document made of two pages
    assert combined.status == SUPPORTED and combined.url == "https://zephyr.example/a"
    assert combined.parts == (Part("https://zephyr.example/a", ("main",), ()),
                              Part("https://zephyr.example/b", ("#b",), (), "browser"))
    assert zephyr["Community Rules"].status == UNSUPPORTED and "part 1" in zephyr["Community Rules"].issues[0]
    # Range selectors map to ranges: fully supported, not degraded.
    privacy = zephyr["Privacy Policy"]
    assert privacy.status == SUPPORTED and privacy.categories == []
    assert privacy.select == (Range(start_before="#privacy", end_before="footer"),)
    cookies = zephyr["Cookie Policy"]
    assert cookies.status == SUPPORTED and cookies.select == ("main", Range(start_after="h1", end_before="hr"))
    refunds = zephyr["Refund Policy"]
    assert refunds.status == DEGRADED and refunds.categories == [RANGE] and refunds.remove == (".promo",)
    assert "no end" in refunds.issues[0]
    assert zephyr["Data Processing Agreement"].status == SUPPORTED  # a PDF: extracted with pypdfium2
    summary = result.summary()
    assert (summary["documents"], summary["supported"], summary["degraded"], summary["unsupported"]) == (9, 6, 2, 1)


def test_toml_round_trips_through_the_sources_parser(declarations: Path) -> None:
    result = load_declarations(declarations)
    text = to_toml(result)
    tomllib.loads(text)
    sources = parse_sources(text)
    assert sources == result.sources()
    services = {s.id: s for s in sources.services}
    assert set(services) == {"nimbus-cloud", "zephyr-mail"}
    assert services["zephyr-mail"].name == 'Zephyr "Mail" \\ Co'
    zephyr = {d.type: d for d in services["zephyr-mail"].documents}
    assert set(zephyr) == {"Terms of Service", "Privacy Policy", "Cookie Policy", "Data Processing Agreement",
                           "Refund Policy"}
    assert zephyr["Terms of Service"].parts == (Part("https://zephyr.example/a", ("main",), ()),
                                                Part("https://zephyr.example/b", ("#b",), (), "browser"))
    assert '{ url = "https://zephyr.example/b", select = ["#b"], render = "browser" },' in text
    # Ranges survive the TOML round trip as inline tables.
    assert zephyr["Cookie Policy"].select == ("main", Range(start_after="h1", end_before="hr"))
    assert 'select = ["main", { start_after = "h1", end_before = "hr" }]' in text
    nimbus = {d.type: d for d in services["nimbus-cloud"].documents}
    assert nimbus["Terms of Service"].remove == (".banner",)
    assert nimbus["Acceptable Use Policy"].render == "browser"
    assert "# warning: custom filter not applied (removeTrackingIds)" in text
    assert "# left out: Zephyr \"Mail\" \\ Co / Community Rules: bad or missing URL" in text


def test_toml_string_escapes() -> None:
    for value in ['a "b" \\ c', "tab\there", "line\nbreak", "bell\x07", "del\x7f", "é ü 日本"]:
        assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


def test_service_id_collisions_get_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path, "Foo Bar.json", {"name": "Foo Bar", "terms": {"Terms": {"fetch": "https://a.example/"}}})
    write(tmp_path, "foo-bar.json", {"name": "foo-bar", "terms": {"Terms": {"fetch": "https://b.example/"}}})
    result = load_declarations(tmp_path)
    ids = sorted({d.service_id for d in result.documents})
    assert len(ids) == 2 and "foo-bar" in ids
    parse_sources(to_toml(result))


def test_cli_import_declarations(declarations: Path, tmp_path: Path) -> None:
    out = tmp_path / "sources.toml"
    runner = CliRunner()
    result = runner.invoke(cli, ["import-declarations", str(declarations), "--out", str(out), "--report"])
    assert result.exit_code == 0, result.output
    assert "8 document(s) (6 fully supported, 2 with warnings, 1 left out)" in result.output
    assert "unsupported zephyr-mail/Community Rules: bad or missing URL" in result.output
    assert parse_sources(out.read_text(encoding="utf-8"))
    again = runner.invoke(cli, ["import-declarations", str(declarations), "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(cli, ["import-declarations", str(declarations), "--out", str(out), "--force", "--json"])
    report = json.loads(forced.output)
    assert forced.exit_code == 0 and report["supported"] == 6
    cookies = next(d for d in report["documents"] if d["type"] == "Cookie Policy")
    assert cookies["select"] == ["main", {"start_after": "h1", "end_before": "hr"}]


def test_real_declarations_support_table(capsys: pytest.CaptureFixture[str], shared_data) -> None:
    result = load_declarations(shared_data("ota/declarations"))
    summary = result.summary()
    with capsys.disabled():
        print("\n" + support_table(result))
    assert summary["files"] >= 300 and not summary["files_failed"]
    assert summary["documents"] >= 800
    assert summary["documents_tracked"] + summary["unsupported"] == summary["documents"]
    sources = result.sources()  # the whole generated file is accepted by the sources parser
    assert sum(len(s.documents) for s in sources.services) == summary["documents_tracked"]
    # Every range of the real declarations is well formed: none is dropped any more.
    assert RANGE not in summary["issues"]
    ranged = [d for s in sources.services for d in s.documents
              if any(isinstance(item, Range) for item in d.select + d.remove)]
    assert len(ranged) >= 50
    # combine: every multi-page declaration is tracked, its pages as parts.
    assert summary["unsupported"] == 0 or COMBINE not in summary["issues"]
    assert sum(1 for s in sources.services for d in s.documents if d.parts) >= 10

"""Tests for tracker.sources.config: every mistake in sources.toml is refused with file, line, entry and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.sources import (
    Document,
    Range,
    Sources,
    load_sources,
    parse_sources,
    validate_document_type,
    validate_id,
)

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
[defaults]
timeout = 15
user_agent = "tracker-test/1.0"

[[service]]
id = "nimbus"
name = "Nimbus AI"

  [[service.document]]
  type = "Terms of Service"
  url = "https://nimbus.example/terms"
  select = "main"
  remove = [".cookie-banner", "nav"]

  [[service.document]]
  type = "Privacy Policy"
  url = "file:///srv/nimbus/privacy.html"
  timeout = 5
  headers = { Accept-Language = "en" }

[[service]]
id = "quill.docs"
name = "Quill Docs"

  [[service.document]]
  type = "Privacy Policy"
  url = "http://quill.example/privacy"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_sources(write(tmp_path, text))
    return str(info.value)


def test_loads_services_documents_and_defaults(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD))
    assert sources.path == tmp_path / "sources.toml"
    assert [s.id for s in sources.services] == ["nimbus", "quill.docs"]
    terms, privacy = sources.services[0].documents
    assert terms == Document(
        service_id="nimbus", service_name="Nimbus AI", type="Terms of Service",
        url="https://nimbus.example/terms", select=("main",), remove=(".cookie-banner", "nav"),
        timeout=15.0, user_agent="tracker-test/1.0",
    )
    assert terms.key == "nimbus/Terms of Service"
    assert terms.path == "nimbus/Terms of Service.md"
    assert privacy.timeout == 5.0
    assert privacy.user_agent == "tracker-test/1.0"
    assert privacy.headers == (("Accept-Language", "en"),)


def test_document_defaults_without_defaults_table(tmp_path: Path) -> None:
    text = GOOD.split("[[service]]", 1)[1]
    sources = load_sources(write(tmp_path, "[[service]]" + text))
    doc = sources.services[0].documents[0]
    assert (doc.timeout, doc.user_agent, doc.headers) == (30.0, None, ())


def test_starter_sources_file_is_valid() -> None:
    sources = load_sources(ROOT / "sources.toml")
    keys = {d.key for d in sources.documents()}
    assert {"openrouter/Terms of Service", "openrouter/Privacy Policy"} <= keys
    assert sources.documents("openrouter", "terms of service")[0].url == "https://openrouter.ai/terms"


def test_documents_filters(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD))
    assert len(sources.documents()) == 3
    assert [d.key for d in sources.documents("nimbus")] == ["nimbus/Terms of Service", "nimbus/Privacy Policy"]
    assert [d.key for d in sources.documents(document="PRIVACY policy")] == [
        "nimbus/Privacy Policy", "quill.docs/Privacy Policy",
    ]
    assert [d.key for d in sources.documents("quill.docs", "privacy policy")] == ["quill.docs/Privacy Policy"]


def test_unknown_filters_name_the_known_values(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD))
    with pytest.raises(ConfigError, match=r"no service 'acme' in sources.toml; known: nimbus, quill.docs"):
        sources.documents("acme")
    with pytest.raises(ConfigError, match=r"no document 'Terms of Service' of service 'quill.docs'.*known: Privacy Policy"):
        sources.documents("quill.docs", "Terms of Service")


def test_a_misspelled_filter_suggests_the_close_name(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD))
    with pytest.raises(ConfigError, match=r"no service 'nimbis' in sources.toml; known: nimbus, quill.docs \(did you mean 'nimbus'\?\)"):
        sources.documents("nimbis")
    with pytest.raises(ConfigError, match=r"no document 'Privacy Polcy' of service 'nimbus' in sources.toml; known: .* \(did you mean 'Privacy Policy'\?\)"):
        sources.documents("nimbus", "Privacy Polcy")


def test_problems_are_listed_in_line_order(tmp_path: Path) -> None:
    # the checker finds them service by service, key by key; a reader fixes them top to bottom
    text = ('[[service]]\nid = "quillmate"\nname = "Quillmate"\n\n  [[service.document]]\n'
            '  type = "Terms of Service"\n  timeout = "5"\n  selcet = "main"\n  url = "ftp://quillmate.example/terms"\n')
    problems = error_of(tmp_path, text).splitlines()[1:]
    assert [int(p.split("sources.toml:")[1].split(":")[0]) for p in problems] == [7, 8, 9]
    assert "'timeout'" in problems[0] and "'selcet'" in problems[1] and "bad url" in problems[2]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no sources file at .*nope.toml; create one \(see README\) or pass --sources"):
        load_sources(tmp_path / "nope.toml")


def test_toml_syntax_error_keeps_line_and_file(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[[service]]\nid = "nimbus"\nname = "Nimbus\n')
    assert "sources.toml" in message
    assert "line 3" in message


def test_unknown_key_suggests_closest_with_line(tmp_path: Path) -> None:
    text = GOOD.replace('select = "main"', 'selector = "main"')
    message = error_of(tmp_path, text)
    line = text.splitlines().index('  selector = "main"') + 1
    assert f"sources.toml:{line}: unknown key 'selector' in document 'Terms of Service' of service 'nimbus'; did you mean 'select'?" in message


def test_unknown_top_level_and_service_keys(tmp_path: Path) -> None:
    message = error_of(tmp_path, GOOD.replace("[defaults]", "[default]").replace('name = "Nimbus AI"', 'title = "Nimbus AI"'))
    assert "unknown key 'default' at top level; did you mean 'defaults'?" in message
    assert "unknown key 'title' in service 'nimbus'" in message
    assert "service 'nimbus' has no 'name'" in message


def test_all_errors_reported_together(tmp_path: Path) -> None:
    text = (
        GOOD.replace('id = "nimbus"', 'id = "../nimbus"')
        .replace('url = "http://quill.example/privacy"', 'url = "ftp://quill.example/privacy"')
        .replace("timeout = 5", 'timeout = "5"')
    )
    message = error_of(tmp_path, text)
    lines = message.splitlines()
    assert lines[0].endswith("3 problems to fix:")
    assert len(lines) == 4
    id_line = text.splitlines().index('id = "../nimbus"') + 1
    assert f"sources.toml:{id_line}: unsafe id '../nimbus'" in message
    assert "bad url 'ftp://quill.example/privacy' of document 'Privacy Policy' of service 'quill.docs'" in message
    assert "'timeout' in document 'Privacy Policy' of service '../nimbus' must be a positive number" in message


def test_service_without_id_is_named_by_position(tmp_path: Path) -> None:
    text = GOOD.replace('id = "quill.docs"\n', "")
    message = error_of(tmp_path, text)
    assert "service #2 has no 'id'" in message


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        ('id = "nimbus"', "unsafe id 'Nimbus Co'"),
        ('name = "Nimbus AI"', "'name' of service 'nimbus' must be a non-empty single-line string"),
        ('type = "Terms of Service"', "bad type"),
        ('url = "https://nimbus.example/terms"', "has no 'url'"),
    ],
)
def test_bad_values(tmp_path: Path, replace: str, expected: str) -> None:
    substitutes = {
        'id = "nimbus"': 'id = "Nimbus Co"',
        'name = "Nimbus AI"': "name = 3",
        'type = "Terms of Service"': 'type = "../Terms"',
        'url = "https://nimbus.example/terms"': "",
    }
    assert expected in error_of(tmp_path, GOOD.replace(replace, substitutes[replace]))


def test_unsafe_id_gets_a_suggestion(tmp_path: Path) -> None:
    message = error_of(tmp_path, GOOD.replace('id = "nimbus"', 'id = "Nimbus Co"'))
    assert "(e.g. 'nimbus-co')" in message
    for raw, suggested in (("Theta/../x", "theta-x"), ("acme__cloud!", "acme-cloud"), ("../nimbus", "nimbus"),
                           ("Nimbus .AI", "nimbus-ai")):
        assert f"(e.g. '{suggested}')" in error_of(tmp_path, GOOD.replace('id = "nimbus"', f'id = "{raw}"')), raw


def test_duplicate_service_ids(tmp_path: Path) -> None:
    text = GOOD.replace('id = "quill.docs"', 'id = "nimbus"')
    message = error_of(tmp_path, text)
    line = [i for i, text_line in enumerate(text.splitlines(), 1) if text_line == 'id = "nimbus"'][1]
    assert f"sources.toml:{line}: duplicate service id 'nimbus'" in message


def test_duplicate_document_types_case_insensitive(tmp_path: Path) -> None:
    text = GOOD.replace('type = "Privacy Policy"\n  url = "file', 'type = "terms of service"\n  url = "file', 1)
    message = error_of(tmp_path, text)
    line = text.splitlines().index('  type = "terms of service"') + 1
    assert f"sources.toml:{line}: duplicate document type 'terms of service' in service 'nimbus'" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "scheme must be http, https or file"),
        ("https:///terms", "has no host"),
        ("nimbus.example/terms", "scheme must be http, https or file, not '(none)'"),
        ("https://nimbus.example/te rms", "must not contain spaces"),
        ("https://[::1/terms", "cannot be parsed"),
    ],
)
def test_bad_urls(tmp_path: Path, url: str, expected: str) -> None:
    message = error_of(tmp_path, GOOD.replace("https://nimbus.example/terms", url))
    assert expected in message


def test_bad_css_selector(tmp_path: Path) -> None:
    message = error_of(tmp_path, GOOD.replace('remove = [".cookie-banner", "nav"]', 'remove = ["div[", "nav"]'))
    assert "bad CSS selector in 'remove' of document 'Terms of Service' of service 'nimbus'" in message
    assert "div[" in message


def test_wrong_shapes(tmp_path: Path) -> None:
    assert "must be a CSS selector string or a list" in error_of(tmp_path, GOOD.replace('select = "main"', "select = [1]"))
    assert "'service' must be an array of tables" in error_of(tmp_path, 'service = "nimbus"\n')
    assert "defines no services" in error_of(tmp_path, "[defaults]\ntimeout = 3\n")
    assert "'timeout' in [defaults] must be a positive number" in error_of(tmp_path, GOOD.replace("timeout = 15", "timeout = true"))
    assert "has no documents" in error_of(tmp_path, '[[service]]\nid = "nimbus"\nname = "Nimbus"\n')
    assert "not a valid HTTP header name" in error_of(tmp_path, GOOD.replace("Accept-Language", '"Bad Header"'))


def test_headers_subtable_error_points_at_its_header(tmp_path: Path) -> None:
    text = '[[service]]\nid = "nimbus"\nname = "Nimbus"\n[[service.document]]\ntype = "Terms"\nurl = "https://nimbus.example/t"\n[service.document.headers]\nAccept = 3\n'
    assert "sources.toml:7: header 'Accept' in document 'Terms' of service 'nimbus' must be a single-line string" in error_of(tmp_path, text)


def test_parse_sources_without_path() -> None:
    sources = parse_sources(GOOD)
    assert isinstance(sources, Sources) and sources.path is None
    with pytest.raises(ConfigError, match=r"^sources.toml: invalid TOML"):
        parse_sources("[[service]\n")


@pytest.mark.parametrize("value", ["nimbus", "a", "quill.docs", "x_y-z9", "a" * 64])
def test_validate_id_accepts(value: str) -> None:
    assert validate_id(value) is None


@pytest.mark.parametrize("value", ["", "../x", "Acme Co", ".hidden", "_x", "a..b", "a/b", "a" * 65, "ACME"])
def test_validate_id_refuses(value: str) -> None:
    assert validate_id(value) is not None


@pytest.mark.parametrize("value", ["Terms of Service", "Privacy Policy (EU)", "Условия", "a" * 100])
def test_validate_document_type_accepts(value: str) -> None:
    assert validate_document_type(value) is None


@pytest.mark.parametrize("value", ["", ".", "..", ".env", "a/b", "a\\b", "a\x00b", "a\nb", " Terms", "Terms ", "a" * 101])
def test_validate_document_type_refuses(value: str) -> None:
    assert validate_document_type(value) is not None


def test_confirm_and_robots_settings(tmp_path):
    text = """
[defaults]
confirm = 2

[[service]]
id = "zeta"
name = "Zeta"

  [[service.document]]
  type = "Terms"
  url = "https://zeta.example/terms"
  robots = false
"""
    doc = parse_sources(text).documents()[0]
    assert doc.confirm == 2 and doc.robots is False
    with pytest.raises(ConfigError) as err:
        parse_sources(text.replace("robots = false", 'robots = "no"').replace("confirm = 2", "confirm = 0"))
    assert "'robots'" in str(err.value) and "'confirm'" in str(err.value)


# --- range selectors ---------------------------------------------------------------------------

RANGED = GOOD.replace('select = "main"', 'select = ["main", { start_after = "#intro", end_before = "footer" }]').replace(
    'remove = [".cookie-banner", "nav"]', 'remove = [{ start_before = "#ads", end_after = ".ads-end" }, "nav"]')


def test_ranges_parse_into_hashable_range_objects(tmp_path: Path) -> None:
    doc = load_sources(write(tmp_path, RANGED)).documents("nimbus", "Terms of Service")[0]
    assert doc.select == ("main", Range(start_after="#intro", end_before="footer"))
    assert doc.remove == (Range(start_before="#ads", end_after=".ads-end"), "nav")
    assert hash(doc) == hash(load_sources(write(tmp_path, RANGED)).documents("nimbus", "Terms of Service")[0])
    assert str(doc.select[1]) == '{ start_after = "#intro", end_before = "footer" }'


def test_a_single_range_without_a_list_is_accepted(tmp_path: Path) -> None:
    text = GOOD.replace('select = "main"', 'select = { start_before = "h1", end_after = "main" }')
    doc = load_sources(write(tmp_path, text)).documents("nimbus", "Terms of Service")[0]
    assert doc.select == (Range(start_before="h1", end_after="main"),)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('{ start_after = "#intro" }',
         "range in 'select' of document 'Terms of Service' of service 'nimbus' has no end; add end_before or "
         "end_after"),
        ('{ end_before = "footer" }', "has no start; add start_before or start_after"),
        ('{ start_before = "h1", start_after = "#intro", end_before = "footer" }',
         "has both start_before and start_after; keep one"),
        ('{ start_after = "h1", end_before = "footer", end_after = "main" }', "has both end_before and end_after"),
        ('{ startAfter = "h1", end_before = "footer" }',
         "unknown key 'startAfter' in range in 'select' of document 'Terms of Service' of service 'nimbus'; "
         "did you mean 'start_after'?"),
        ('{ start_after = "h1", end_before = "footer", color = "red" }', "unknown key 'color' in range"),
        ('{ start_after = "div[", end_before = "footer" }',
         "bad CSS selector in 'start_after' of range in 'select' of document 'Terms of Service' of service "
         "'nimbus': invalid CSS selector 'div['"),
        ('{ start_after = 3, end_before = "footer" }', "'start_after' of range in 'select' of document"),
    ],
)
def test_bad_ranges_are_refused_with_line_and_fix(tmp_path: Path, table: str, expected: str) -> None:
    text = GOOD.replace('select = "main"', f'select = ["main", {table}]')
    line = text.splitlines().index(f'  select = ["main", {table}]') + 1
    message = error_of(tmp_path, text)
    assert f"sources.toml:{line}: " in message and expected in message


def test_every_problem_of_a_range_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace('remove = [".cookie-banner", "nav"]', 'remove = [{ start_afterr = "h1", end_before = "p::x" }]')
    message = error_of(tmp_path, text)
    assert "3 problems to fix" in message
    assert "unknown key 'start_afterr'" in message and "did you mean 'start_after'?" in message
    assert "has no start" in message and "bad CSS selector in 'end_before'" in message


def test_range_needs_one_start_and_one_end_in_code_too() -> None:
    with pytest.raises(ValueError):
        Range(start_before="h1")
    with pytest.raises(ValueError):
        Range(start_before="h1", start_after="h2", end_before="p")


@pytest.mark.parametrize("extra, at", [
    ('store = "snapshots"\n\n', 1),  # a key before the first table
    ("", None),  # a table of its own: the line of its header
])
def test_an_unknown_top_level_key_names_its_line(tmp_path: Path, extra: str, at: int | None) -> None:
    text = extra + GOOD + ("" if extra else "\n[extras]\nfoo = 1\n")
    key = "store" if extra else "extras"
    line = at or text.splitlines().index("[extras]") + 1
    assert f"sources.toml:{line}: unknown key '{key}' at top level" in error_of(tmp_path, text)


def test_a_misspelt_service_table_names_its_line(tmp_path: Path) -> None:
    text = '[defaults]\ntimeout = 15\n\n[[services]]\nid = "nimbus"\nname = "Nimbus AI"\n'
    line = 4
    assert f"sources.toml:{line}: unknown key 'services' at top level; did you mean 'service'?" in error_of(tmp_path, text)

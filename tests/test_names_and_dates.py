"""Names typed as people type them (no accents, any case) and dates before a document's first
version, on a real git archive and index, through the real command line (click's runner)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.api import Archive
from tracker.archive import Store
from tracker.archive.store import NewVersion
from tracker.cli.app import cli
from tracker.errors import NotFoundError

# A fictional French service with two documents, and a German one.
CGU = "Conditions générales d’utilisation"
CGU_TEXTS = ["# CGU\n\n## Crédits\n\nLes crédits expirent après 12 mois.\n",
             "# CGU\n\n## Crédits\n\nLes crédits expirent après 6 mois.\n",
             "# CGU\n\n## Crédits\n\nLes crédits expirent après 3 mois.\n"]
CGU_DATES = ["2026-02-01T09:00:00Z", "2026-03-01T09:00:00Z", "2026-04-01T09:00:00Z"]


def _version(service: str, name: str, doc_type: str, text: str, when: str, kind: str) -> NewVersion:
    url = f"https://{service}.example/doc"
    return NewVersion(service_id=service, service_name=name, document_type=doc_type, text=text, raw=text.encode(),
                      raw_ext="md", source_url=url, final_url=url,
                      fetched_at=datetime.fromisoformat(when.replace("Z", "+00:00")), http_status=200,
                      content_type="text/markdown", extractor_version="test", kind=kind)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("names") / "snapshots"
    versions = [_version("lumiere", "Société Lumière", CGU, text, when, "first" if n == 0 else "changed")
                for n, (text, when) in enumerate(zip(CGU_TEXTS, CGU_DATES))]
    versions.append(_version("lumiere", "Société Lumière", "Politique de confidentialité",
                             "# Confidentialité\n\nNous gardons vos journaux 30 jours.\n", "2026-02-02T00:00:00Z", "first"))
    versions.append(_version("kranich", "Kranich", "Datenschutzerklärung",
                             "# Datenschutz\n\nWir speichern Protokolle 30 Tage.\n", "2026-02-03T00:00:00Z", "first"))
    Store(path).record(versions)
    return path


def tracker(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--store", str(store), *args])


@pytest.mark.parametrize("typed", ["Conditions generales d'utilisation", "conditions générales d’utilisation",
                                   "CONDITIONS GENERALES D’UTILISATION", "  conditions   generales d'utilisation "])
def test_a_document_name_matches_without_accents_case_or_curly_apostrophes(store: Path, typed: str) -> None:
    for args in (("history", "lumiere", typed, "--json"), ("show", "lumiere", typed, "--at", "2"),
                 ("diff", "lumiere", typed, "--json"), ("summary", "lumiere", typed, "--json")):
        result = tracker(store, *args)
        assert result.exit_code == 0, (args, result.output)
    assert [v["seq"] for v in json.loads(tracker(store, "history", "lumiere", typed, "--json").stdout)] == [1, 2, 3]
    assert "6 mois" in tracker(store, "show", "lumiere", typed, "--at", "2").stdout


def test_a_service_name_and_a_german_umlaut_typed_as_two_letters(store: Path) -> None:
    by_name = tracker(store, "history", "societe lumiere", "politique de confidentialite", "--json")
    assert by_name.exit_code == 0 and json.loads(by_name.stdout)[0]["document_type"] == "Politique de confidentialité"
    for typed in ("datenschutzerklarung", "Datenschutzerklaerung", "DATENSCHUTZERKLÄRUNG"):
        result = tracker(store, "show", "kranich", typed)
        assert result.exit_code == 0 and "30 Tage" in result.stdout, (typed, result.output)


def test_no_match_is_one_error_listing_the_near_names(store: Path) -> None:
    typo = tracker(store, "history", "lumiere", "Conditons generales")
    assert typo.exit_code == 4
    assert typo.stderr.startswith("error: no document 'Conditons generales' for service 'lumiere'; known: ")
    assert f"(did you mean '{CGU}'?)" in typo.stderr and "'Politique de confidentialité'" in typo.stderr
    word = tracker(store, "diff", "lumiere", "confidentialite")  # a word of a name
    assert word.exit_code == 4 and "(did you mean 'Politique de confidentialité'?)" in word.stderr
    far = tracker(store, "show", "lumiere", "Impressum")
    assert far.exit_code == 4 and "did you mean" not in far.stderr and f"'{CGU}'" in far.stderr
    service = tracker(store, "history", "lumire")
    assert service.exit_code == 4 and "(did you mean 'lumiere'?)" in service.stderr


def test_reanalyse_and_the_api_match_names_the_same_way(store: Path) -> None:
    result = tracker(store, "reanalyse", "--document", "conditions generales d'utilisation", "--force", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["versions"] == 3  # the three versions of that document, no other
    missing = tracker(store, "reanalyse", "--document", "Conditions generale")
    assert missing.exit_code == 4 and f"did you mean '{CGU}'" in missing.stderr
    with Archive.open(store) as archive:
        assert archive.document("Societe Lumiere", "conditions generales d'utilisation").type == CGU


def test_a_date_before_the_first_version_starts_from_it_with_a_note(store: Path) -> None:
    note = f"note: no version of lumiere/{CGU} at or before 2025-06-01; starting from the first version, {CGU_DATES[0]}"
    # diff --from: first -> latest
    diff = tracker(store, "diff", "lumiere", CGU, "--from", "2025-06-01", "--json")
    assert diff.exit_code == 0, diff.output
    got = json.loads(diff.stdout)
    assert (got["from"]["seq"], got["to"]["seq"]) == (1, 3) and diff.stderr.strip() == note
    # history --until: the first version only, said so
    history = tracker(store, "history", "lumiere", CGU, "--until", "2025-06-01", "--json")
    assert history.exit_code == 0 and [v["seq"] for v in json.loads(history.stdout)] == [1]
    assert history.stderr.strip() == note
    # show / summary --at
    show = tracker(store, "show", "lumiere", CGU, "--at", "2025-06-01")
    assert show.exit_code == 0 and "12 mois" in show.stdout and show.stderr.strip() == note
    summary = tracker(store, "summary", "lumiere", CGU, "--at", "2025-06-01T12:00", "--json")
    assert summary.exit_code == 0 and json.loads(summary.stdout)["version"]["seq"] == 1 and "2025-06-01T12:00" in summary.stderr
    # --to before the first version: the first has nothing before it, a plain error
    to = tracker(store, "diff", "lumiere", CGU, "--to", "2025-06-01")
    assert to.exit_code == 4 and "is the first of" in to.stderr


def test_dates_within_the_history_pick_as_before_and_say_nothing(store: Path) -> None:
    history = tracker(store, "history", "lumiere", CGU, "--until", "2026-03-01", "--json")
    assert [v["seq"] for v in json.loads(history.stdout)] == [1, 2] and history.stderr == ""
    both = tracker(store, "history", "lumiere", "--until", "2026-02-01")  # every document: each on its own
    assert both.exit_code == 0 and "Politique de confidentialité" in both.stdout
    assert "no version of lumiere/Politique de confidentialité" in both.stderr and CGU not in both.stderr
    diff = tracker(store, "diff", "lumiere", CGU, "--from", "2026-03-15", "--json")
    assert json.loads(diff.stdout)["from"]["seq"] == 2 and diff.stderr == ""
    bad = tracker(store, "history", "lumiere", "--until", "June")
    assert bad.exit_code == 2 and "'June' is not a date" in bad.stderr


def test_the_api_still_raises_unless_asked_for_the_first_version(store: Path) -> None:
    with Archive.open(store) as archive:
        with pytest.raises(NotFoundError, match="no version at or before 2025-06-01"):
            archive.document("lumiere", CGU).version("2025-06-01")
    notes: list[str] = []
    with Archive.open(store, before_first=notes.append) as archive:
        assert archive.document("lumiere", CGU).version("2025-06-01").seq == 1
    assert notes == [f"no version of lumiere/{CGU} at or before 2025-06-01; starting from the first version, "
                     f"{CGU_DATES[0]}"]


def test_service_filters_match_the_same_way_and_refuse_an_unknown_one(store: Path, tmp_path: Path) -> None:
    result = tracker(store, "reanalyse", "--service", "LUMIERE", "--force", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["versions"] == 4, result.output
    unknown = tracker(store, "reanalyse", "--service", "lumire")
    assert unknown.exit_code == 4 and "(did you mean 'lumiere'?)" in unknown.stderr
    out = tmp_path / "changes.jsonl"
    exported = tracker(store, "export", "--format", "jsonl", str(out), "--service", "Société Lumière")
    assert exported.exit_code == 0, exported.output
    assert {json.loads(line)["service"] for line in out.read_text(encoding="utf-8").splitlines()} == {"lumiere"}
    nothing = tracker(store, "export", "--format", "jsonl", str(out), "--service", "nope")
    assert nothing.exit_code == 4 and "no service 'nope'" in nothing.stderr


def test_the_sources_file_filters_match_without_accents(tmp_path: Path) -> None:
    from tracker.errors import ConfigError
    from tracker.sources import load_sources

    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[service]]
id = "lumiere"
name = "Société Lumière"
  [[service.document]]
  type = "{CGU}"
  url = "https://lumiere.example/cgu"
  [[service.document]]
  type = "Politique de confidentialité"
  url = "https://lumiere.example/confidentialite"
""", encoding="utf-8")
    sources = load_sources(path)
    assert [d.type for d in sources.documents("lumiere", "conditions generales d'utilisation")] == [CGU]
    assert [d.type for d in sources.documents(document="POLITIQUE DE CONFIDENTIALITE")] == ["Politique de confidentialité"]
    with pytest.raises(ConfigError, match="no document 'politique' .*did you mean 'Politique de confidentialité'"):
        sources.documents(document="politique")

"""Notifications: delivered to a real local webhook receiver, filtered, and never raising."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support import Archive, Pages, free_port
from tracker.errors import ConfigError
from tracker.publish.notify import load_notify, notify_after_run

pytest.importorskip("apprise", reason="apprise is the optional 'notify' extra: pip install -e '.[notify]'")


def received(httpserver: Any, path: str) -> list[dict[str, Any]]:
    return [json.loads(req.get_data(as_text=True)) for req, _ in httpserver.log if req.path == path]


def test_messages_reach_matching_targets_only(archive: tuple[Archive, Pages], httpserver: Any, tmp_path: Path) -> None:
    arc, pages = archive
    for hook in ("/refunds", "/orbit", "/critical", "/everything"):
        httpserver.expect_request(hook, method="POST").respond_with_data("ok")
    host = f"127.0.0.1:{httpserver.port}"
    (tmp_path / "notify.toml").write_text(f"""
site_url = "https://terms.example.org"

[[target]]
url = "json://{host}/refunds"
categories = ["refunds"]

[[target]]
url = "json://{host}/orbit"
services = ["orbit"]
min_severity = "cosmetic"

[[target]]
url = "json://{host}/critical"
min_severity = "critical"

[[target]]
url = "json://{host}/everything"
min_severity = "cosmetic"

[[target]]
name = "unreachable hook"
url = "json://127.0.0.1:{free_port()}/down"
""", encoding="utf-8")

    arc.run()  # `tracker run` notifies by itself when notify.toml sits next to sources.toml
    assert received(httpserver, "/everything") == []  # first versions are not changes

    pages.terms.update(expiry="6 months")  # material, refunds
    pages.days = "90"  # the other service
    run = arc.tracker("run", "--json")  # exit 0: a failed notification is no failure
    result = json.loads(run.stdout)
    shas = [d["commit"] for d in result["documents"] if d["commit"]]
    assert len(shas) == 2

    # the unreachable target is reported (by name, not URL), once per message, without raising
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning: notify")]
    assert len(warnings) == 2 and all("unreachable hook" in w and "connection refused" in w for w in warnings)
    assert len(run.stderr.splitlines()) == 2  # one line per failed delivery, not two
    everything = received(httpserver, "/everything")
    assert len(everything) == 2
    refunds = received(httpserver, "/refunds")
    assert len(refunds) == 1
    assert refunds[0]["title"].startswith("Lumen Maps Terms of Service:")
    assert "https://terms.example.org/lumen/terms-of-service/" in refunds[0]["message"]
    assert "12" in refunds[0]["message"] and "6" in refunds[0]["message"]
    orbit = received(httpserver, "/orbit")
    assert len(orbit) == 1 and orbit[0]["title"].startswith("Orbit Notes Privacy Policy")
    history = json.loads(arc.tracker("history", "lumen", "--json").output)
    history += json.loads(arc.tracker("history", "orbit", "--json").output)
    critical = [h for h in history if h["commit_sha"] in shas and h["severity"] == "critical"]
    assert len(received(httpserver, "/critical")) == len(critical)

    # `tracker notify` sends the latest run's messages again
    again = arc.tracker("notify", code=1)  # exit 1: the unreachable target failed
    assert "unreachable hook" in again.output
    assert len(received(httpserver, "/everything")) == 4


def test_every_target_down_never_raises(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    (tmp_path / "notify.toml").write_text(
        f'[[target]]\nurl = "json://127.0.0.1:{free_port()}/x"\nmin_severity = "cosmetic"\n'
        f'[[target]]\nurl = "json://127.0.0.1:{free_port()}/y"\nmin_severity = "cosmetic"\n', encoding="utf-8")
    arc.run()
    pages.terms.update(venue="Porto, Portugal")
    shas = [d["commit"] for d in arc.run()["documents"] if d["commit"]]
    errors = notify_after_run(arc.store, arc.sources, shas)
    assert len(errors) == 2 and all("json://127.0.0.1" in e for e in errors)
    # a broken notify file is reported too, not raised: the run already succeeded
    (tmp_path / "notify.toml").write_text('[[target]]\nurl = "json://x/y"\nmin_severity = "loud"\n')
    assert "min_severity" in notify_after_run(arc.store, arc.sources, shas)[0]
    # no notify file: nothing to do
    (tmp_path / "notify.toml").unlink()
    assert notify_after_run(arc.store, arc.sources, shas) == []


def test_notify_file_is_validated_with_clear_errors(tmp_path: Path, archive: tuple[Archive, Pages]) -> None:
    path = tmp_path / "notify.toml"
    path.write_text("""
site_url = "ftp://example.org"
[[target]]
url = "json://hooks.example.org/a"
catgories = ["refunds"]
[[target]]
url = "json://hooks.example.org/b"
categories = ["refund", "privacy"]
min_severity = "huge"
services = "lumen"
[[target]]
name = "no url"
[[target]]
url = "nosuchscheme://example.org/x"
""", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_notify(path)
    text = str(info.value)
    assert "target 1: unknown key 'catgories' (did you mean 'categories'?)" in text
    assert "unknown category 'refund' (did you mean 'refunds'?)" in text
    assert "min_severity must be one of cosmetic, minor, material, critical, not 'huge'" in text
    assert "'services' must be a list of strings" in text
    assert "target 3: 'url' is required" in text
    assert "target 4: apprise does not understand the URL scheme 'nosuchscheme://'" in text
    assert "site_url must be an http(s) URL" in text
    arc, _ = archive
    arc.run()
    bad = arc.tracker("notify", "--check", code=2)
    assert "catgories" in bad.output

    path.write_text(f'[[target]]\nurl = "json://127.0.0.1:{free_port()}/a"\ncategories = ["refunds"]\n')
    config = load_notify(path)
    assert config.targets[0].categories == ("refunds",) and config.targets[0].min_severity == "minor"
    # a category by the name feeds and headlines give it is that category
    path.write_text(f'[[target]]\nurl = "json://127.0.0.1:{free_port()}/a"\ncategories = ["AI training", "data use"]\n')
    assert load_notify(path).targets[0].categories == ("ai-training", "privacy")
    path.write_text(f'[[target]]\nurl = "json://127.0.0.1:{free_port()}/a"\ncategories = ["refunds"]\n')
    # a valid file; its one target (nothing listens there) is tried too, since session 33: exit 1
    checked = arc.tracker("notify", "--check", code=1).output
    assert "1 target(s), configuration OK" in checked and "failed" in checked and "connection refused" in checked


def test_a_revert_of_material_changes_reaches_the_material_targets(archive: tuple[Archive, Pages], httpserver: Any,
                                                                    tmp_path: Path) -> None:
    """A first-time user's half page lasted 2 runs and was recorded as material (delivered to their
    min_severity = "material" target); the page restored was a "minor" revert, never delivered: the
    target was told clauses went and never that they came back."""
    arc, pages = archive
    httpserver.expect_request("/material", method="POST").respond_with_data("ok")
    (tmp_path / "notify.toml").write_text(f"""
[[target]]
url = "json://127.0.0.1:{httpserver.port}/material"
min_severity = "material"
""", encoding="utf-8")
    arc.run()
    pages.terms.update(expiry="6 months")  # material
    arc.run()
    pages.terms.update(expiry="12 months")  # back to the first version's text
    arc.run()
    pages.terms.update(date="April 2, 2026")  # date only: cosmetic, not for this target
    arc.run()
    history = json.loads(arc.tracker("history", "lumen", "--json").output)
    assert [v["kind"] for v in history][1:3] == ["changed", "revert"], history
    assert history[2]["severity"] == "minor" and not history[2]["material"], history[2]
    got = received(httpserver, "/material")
    assert len(got) == 2, got  # the material change, then its revert; not the date bump
    assert "Revert" in got[1]["title"] or "revert" in got[1]["message"].lower(), got[1]

"""`tracker history --material` and `--since DATE` (newuser9: finding the material versions of a
service, or what was recorded after a date, took a script over `history --json`)."""

from __future__ import annotations

import json

from support import Archive, Pages, three_changes


def test_material_lists_only_material_versions(archive: tuple[Archive, Pages]):
    arc, pages = archive
    three_changes(arc, pages)
    every = json.loads(arc.tracker("history", "lumen", "--json").stdout)
    material = json.loads(arc.tracker("history", "lumen", "--material", "--json").stdout)
    assert len(every) == 3 and material and all(v["material"] for v in material)
    assert len(material) == sum(v["material"] for v in every) < len(every)


def test_since_keeps_versions_from_that_moment(archive: tuple[Archive, Pages]):
    arc, pages = archive
    three_changes(arc, pages)
    every = json.loads(arc.tracker("history", "lumen", "--json").stdout)
    last = every[-1]["fetched_at"]
    later = json.loads(arc.tracker("history", "lumen", "--since", last, "--json").stdout)
    assert later and all(v["fetched_at"] >= last for v in later) and len(later) <= len(every)
    none = arc.tracker("history", "lumen", "--since", "2999-01-01")
    assert none.output.strip() == "no version since 2999-01-01"


def test_an_unreadable_date_is_a_usage_error(archive: tuple[Archive, Pages]):
    arc, pages = archive
    arc.run()
    got = arc.tracker("history", "lumen", "--since", "last week", code=2)
    assert "is not a date" in got.output and "Traceback" not in got.output

"""A notice of an outage or maintenance shown inside the terms for a day ("We're temporarily unable
to process new sign-ups due to scheduled maintenance") is not a term: a version that adds it is not
material (``boilerplate.is_outage_notice``), in English, French, German and Spanish, through
``analyse`` and through ``tracker run`` on a page served from 127.0.0.1. A term about maintenance,
which says what may happen, still is."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from werkzeug import Response

from support import TrackerCLI
from tracker.analysis.analyse import analyse
from tracker.analysis.boilerplate import is_outage_notice

BASE = """# Cookie policy of Tidewell Energy

## 1. What cookies are

Cookies are small files stored on your device when you visit our website.

{notice}

## 2. Advertising cookies

If you refuse advertising cookies, you will see advertising that is less relevant to you.

## 3. Retention

We keep cookie data for 13 months.
""" + "".join(f"""
## {n}. Cookies set by partner {n}

Partner {n} sets a measurement cookie that records which pages of the Tidewell Energy website you open, how
long you stay on each of them and which offer brought you to us; it never reads your meter data, and you can
refuse it in the cookie settings at the foot of every page without losing access to any part of the website.
""" for n in range(4, 10))

NOTICES = [
    "We're temporarily unable to process new sign-ups online due to scheduled maintenance from Friday 6pm to "
    "Saturday 6pm. Apologies for any inconvenience.",
    "Our online account service is currently unavailable due to a technical outage. We apologise for the "
    "inconvenience.",
    "Le service d'inscription en ligne est temporairement indisponible pour cause de maintenance programmée.",
    "Wegen Wartungsarbeiten ist die Online-Anmeldung vorübergehend nicht möglich.",
    "El registro en línea está temporalmente no disponible por mantenimiento programado. Disculpe las molestias.",
    # a pause for an event of the day, said as happening (issue #11: a banner about pausing a
    # service in one country, removed a few weeks later, was read as a new termination power)
    "Due to the ongoing conflict in the region, we will be temporarily pausing new sign-ups from Norland.",
    "As part of our recent suspension of deliveries to Norland, we will also pause meter installations there.",
    "En raison de la situation actuelle, nous suspendons les nouvelles inscriptions depuis la Norlande.",
    "Aufgrund der aktuellen Lage setzen wir neue Anmeldungen aus Norland vorübergehend aus.",
]

TERMS = [
    "We may suspend the service temporarily for scheduled maintenance without notice.",
    "Tidewell Energy is not liable for losses while the service is down for maintenance.",
    "Nous pouvons suspendre le service pour maintenance sans préavis.",
    "Wir können den Dienst für Wartungsarbeiten vorübergehend einschränken.",
    # what may happen, or a change of the terms said with its reason, is still a term
    "We will pause your supply if a payment is more than 30 days late.",
    "Due to the ongoing energy crisis, we may suspend fixed-price offers at any time.",
    "Due to the COVID-19 pandemic, we will extend the return window to 60 days.",
    "If we suspend your account, you will not be able to access your meter readings.",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_an_outage_notice_is_no_term(notice: str) -> None:
    assert all(is_outage_notice(s) for s in notice.split(". ")[:1])
    result = analyse(BASE.format(notice=""), BASE.format(notice=notice))
    assert result.changes and not result.material, result.summary


@pytest.mark.parametrize("term", TERMS)
def test_a_term_about_maintenance_is_still_read(term: str) -> None:
    assert not is_outage_notice(term)


def test_outage_banner_through_tracker_run(tmp_path: Path, httpserver: Any) -> None:
    served = {"text": BASE.format(notice="")}
    httpserver.expect_request("/tidewell/cookies").respond_with_handler(
        lambda request: Response(served["text"], content_type="text/markdown; charset=utf-8"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""[[service]]
id = "tidewell"
name = "Tidewell Energy"

  [[service.document]]
  type = "Trackers Policy"
  url = "{httpserver.url_for('/tidewell/cookies')}"
""", encoding="utf-8")
    store = tmp_path / "store"
    cli = TrackerCLI(store, sources)
    cli("run", "--json")
    served["text"] = BASE.format(notice=NOTICES[0])
    report = json.loads(cli("run", "--json").stdout)
    assert [d["outcome"] for d in report["documents"]] == ["changed"]
    served["text"] = BASE.format(notice="").replace("13 months", "25 months")  # a real change after it
    cli("run", "--json")
    db = sqlite3.connect(store / "index.sqlite")
    rows = db.execute("SELECT kind, material, summary FROM versions ORDER BY seq").fetchall()
    db.close()
    assert [r[0] for r in rows] == ["first", "changed", "changed"]
    assert rows[1][1] == 0, rows[1]
    assert rows[2][1] == 1 and "25 months" in rows[2][2], rows[2]

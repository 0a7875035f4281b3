"""The learned materiality decision (``tracker.analysis.decision``): obvious material changes stay
material, obvious noise stays not material, the pair's flag always sums up its clauses, the shipped
weights load and score in plain Python (no scikit-learn), and TRACKER_MATERIALITY=rules switches
the decision off. Every text is invented (fictional services)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.analysis import decision
from tracker.analysis.analyse import analyse
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document

ROOT = Path(__file__).resolve().parents[1]

BASE = """# Quillo Cloud Terms of Service

Last updated: March 3, 2025

## 1. Accounts

You must be at least 16 years old to create a Quillo account. You are responsible for keeping your
password secret and for all activity under your account.

## 2. Fees

The Pro plan costs $12 per month, billed monthly in advance. Taxes are added where required.

## 3. Refunds

You may request a full refund within 30 days of purchase by writing to our support team.

## 4. Your Content

You keep ownership of the files you upload. We use your content only to provide the service to you.

## 5. Disputes

These terms are governed by the laws of the State of Oregon. Any dispute will be heard by the state
or federal courts located in Portland, Oregon.

## 6. Contact

Questions? Write to Quillo Cloud Inc., 41 Larch Street, Portland, OR 97201, USA.
"""

MATERIAL = {
    "refund window cut": BASE.replace("within 30 days", "within 14 days"),
    "arbitration added": BASE.replace(
        "located in Portland, Oregon.",
        "located in Portland, Oregon.\n\nAny dispute arising from these terms shall be resolved exclusively by "
        "final and binding arbitration, and you waive your right to participate in a class action."),
    "price raised": BASE.replace("$12 per month", "$19 per month"),
    "ai training added": BASE.replace(
        "We use your content only to provide the service to you.",
        "We use your content to provide the service to you and to train and improve our machine learning "
        "and artificial intelligence models."),
}

NOISE = {
    "date only": BASE.replace("March 3, 2025", "June 18, 2025"),
    "link target": BASE.replace("writing to our support team",
                                "writing to our [support team](https://help.quillo.example/contact)").replace(
        "](https://help.quillo.example/contact)", "](https://quillo.example/support)"),
    "typo fixed": BASE.replace("responsible for keeping", "responsable for keeping").replace(
        "activity under", "activty under"),
    "contact form": BASE.replace("Quillo Cloud Inc., 41 Larch Street, Portland, OR 97201, USA.",
                                 "legal@quillo.example."),
}
# The typo case compares a misspelt old text with the corrected new one.
NOISE_PAIRS = {name: (BASE, text) for name, text in NOISE.items()}
NOISE_PAIRS["typo fixed"] = (NOISE["typo fixed"], BASE)
NOISE_PAIRS["link target"] = (BASE.replace("writing to our support team",
                                           "writing to our [support team](https://help.quillo.example/contact)"),
                              NOISE["link target"])


@pytest.fixture(params=["learned", "rules"])
def materiality_mode(request, monkeypatch):
    monkeypatch.setenv("TRACKER_MATERIALITY", request.param)
    return request.param


@pytest.mark.parametrize("name", sorted(MATERIAL))
def test_obvious_material_changes_stay_material(name: str, materiality_mode: str) -> None:
    a = analyse(BASE, MATERIAL[name])
    assert a.material, (name, materiality_mode, a.summary)
    assert a.material == any(c.material for c in a.changes)
    assert a.categories


@pytest.mark.parametrize("name", sorted(NOISE_PAIRS))
def test_obvious_noise_stays_not_material(name: str, materiality_mode: str) -> None:
    old, new = NOISE_PAIRS[name]
    assert old != new
    a = analyse(old, new)
    assert not a.material, (name, materiality_mode, a.summary)
    assert not any(c.material for c in a.changes)
    assert a.categories == ()


def test_the_shipped_model_is_complete_and_scores_plain_python() -> None:
    model = decision.load_model()
    assert model is not None, "tracker/analysis/model/materiality.json should ship"
    n = len(model["features"])
    assert n > 10 and len(model["mean"]) == n and len(model["scale"]) == n and len(model["coef"]) == n
    assert 0.0 < model["threshold"] < 1.0
    old, new = BASE, MATERIAL["refund window cut"]
    diff = diff_texts(old, new)
    feats = decision.pair_features(diff.changes, label_document(diff.changes, old, new), new, diff.unchanged)
    assert set(model["features"]) <= set(feats)
    p = decision.probability(feats, model)
    assert 0.0 <= p <= 1.0


# A change the rules call material on words alone (no amount, duration or place changed, no
# watch-out): the kind of pair a learned veto may overrule.
SOFT = BASE.replace("You keep ownership of the files you upload.",
                    "You keep ownership of the files you upload, except templates you publish to the gallery.")


def test_a_veto_keeps_the_pair_flag_and_the_clause_flags_together() -> None:
    # A model that vetoes everything (threshold above any probability), on a pair the rules call
    # material: every clause goes not material, with no severity saying otherwise.
    old, new = BASE, SOFT
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    assert any(lab.material for lab in labels), [lab.explanation for lab in labels]
    always = dict(decision.load_model() or {}, threshold=1.01)
    never = dict(always, threshold=-0.01)
    assert decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=never)
    assert not decision.vetoes(diff.changes, [lab for lab in labels if not lab.material], new, model=always)


def test_rules_mode_never_vetoes(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_MATERIALITY", "rules")
    assert decision.mode() == "rules"
    old, new = BASE, MATERIAL["price raised"]
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    always = dict(decision.load_model() or {}, threshold=1.01)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)


def test_the_runtime_needs_no_sklearn(tmp_path: Path) -> None:
    # scikit-learn made unimportable: the analysis still runs the learned decision
    code = (
        "import sys\n"
        "sys.modules['sklearn'] = None\n"
        "from tracker.analysis import decision\n"
        "from tracker.analysis.analyse import analyse\n"
        "assert decision.load_model() is not None\n"
        f"a = analyse({BASE!r}, {MATERIAL['price raised']!r})\n"
        "assert a.material\n"
        "assert not any(m.startswith(('sklearn', 'numpy')) for m in sys.modules if sys.modules[m] is not None)\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_MATERIALITY="learned")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_compare_json_keeps_its_keys(tmp_path: Path) -> None:
    from tracker.cli.app import cli

    (tmp_path / "old.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.md").write_text(MATERIAL["refund window cut"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["material", "categories", "changes", "cosmetic", "severity", "summary", "unchanged"]
    assert data["material"] is True and data["changes"]
    assert list(data["changes"][0]) == ["kind", "material", "severity", "categories", "explanation", "before",
                                        "after", "clause"]


@pytest.mark.parametrize("name", ["price raised", "refund window cut"])
def test_no_veto_overrules_a_changed_amount_or_duration(name: str) -> None:
    """A price from $12 to $19 or a refund window from 30 to 14 days is the news even when the
    rest of the pair scores as noise (a capture that also lost a table): even a model that would
    veto every pair leaves it material."""
    old, new = BASE, MATERIAL[name]
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    always = dict(decision.load_model() or {}, threshold=1.01)
    assert any(lab.material for lab in labels)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)


def test_a_bad_materiality_mode_is_a_one_line_error(tmp_path, monkeypatch) -> None:
    """TRACKER_MATERIALITY=garbage quietly used the learned decision: a typo must not measure
    the wrong thing in silence. `tracker compare` says what the values are, exit 2, no traceback."""
    from click.testing import CliRunner

    from tracker.cli.app import cli

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(BASE, encoding="utf-8")
    new.write_text(MATERIAL["price raised"], encoding="utf-8")
    monkeypatch.setenv("TRACKER_MATERIALITY", "garbage")
    result = CliRunner().invoke(cli, ["compare", str(old), str(new)])
    assert result.exit_code == 2, result.output
    assert "TRACKER_MATERIALITY must be 'learned'" in result.output and "Traceback" not in result.output
    monkeypatch.setenv("TRACKER_MATERIALITY", "Learned")
    assert CliRunner().invoke(cli, ["compare", str(old), str(new)]).exit_code == 0

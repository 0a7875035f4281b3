"""A capture whose words are glued together next to a real change: the clauses only respaced are
not material, the real change is (``materiality._respaced``), through ``analyse`` and through
``tracker run`` on a page served from 127.0.0.1. Real histories have such versions (a PDF or a
page rendered without the spaces between its spans); before, each glued paragraph read as clauses
removed and rewritten, and the version's headline quoted the glued letters."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from werkzeug import Response

from support import TrackerCLI
from tracker.analysis.analyse import analyse

FR = {
    "intro": "Les présentes conditions régissent les ventes conclues entre Atelier Brume et ses membres.",
    "refund": ("Le Membre dispose d'un délai de quatorze jours pour exercer son droit de rétractation. "
               "Les frais de retour des produits sont à la charge du Membre."),
    "fee": "Le paiement en trois fois entraîne des frais de {fee} du montant total de la commande.",
    "law": "Les présentes conditions sont soumises au droit français.",
}
EN = {
    "intro": "These terms govern every order placed with Quartz Kettle Supplies by its customers.",
    "refund": ("You may return any kettle within thirty days of delivery for a full refund. "
               "Return shipping is paid by the customer unless the kettle arrived damaged."),
    "fee": "Paying in three instalments adds a fee of {fee} of the order total.",
    "law": "These terms are governed by the laws of Ireland.",
}


def page(clauses: dict[str, str], fee: str, glued: bool) -> str:
    """The terms as Markdown, the refund and intro paragraphs with every space dropped when
    ``glued`` (a capture that lost the spaces between its words)."""
    def say(text: str) -> str:
        return "".join(text.split()) if glued else text
    return "\n\n".join(["# Terms of sale", "## 1. Scope", say(clauses["intro"]), "## 2. Returns",
                        say(clauses["refund"]), "## 3. Instalments", clauses["fee"].format(fee=fee),
                        "## 4. Law", clauses["law"], ""])


def test_glued_paragraphs_are_not_material_but_the_real_change_is() -> None:
    for clauses, before, after in ((FR, "1,50%", "2,90%"), (EN, "1.5%", "2.9%")):
        old = page(clauses, before, glued=False)
        new = page(clauses, after, glued=True)
        result = analyse(old, new)
        assert result.material
        material = [c for c in result.changes if c.material]
        assert material and all(after in (c.after or "") for c in material), [c.after for c in material]
        assert after.rstrip("%") in result.summary, result.summary
        # the glued paragraphs are there as changes, said to be whitespace only
        glued = [c for c in result.changes if c.cosmetic == "whitespace"]
        assert glued and not any(c.material for c in glued)


def test_a_clause_really_removed_beside_glued_text_stays_material() -> None:
    old = page(EN, "1.5%", glued=False)
    new = page(EN, "1.5%", glued=True).replace(EN["law"], "")
    result = analyse(old, new)
    assert result.material
    assert any(c.material and c.kind == "removed" and "Ireland" in (c.before or "") for c in result.changes)
    assert not any(c.material and "kettle" in (c.before or "") + (c.after or "") for c in result.changes)


def test_glued_capture_through_tracker_run(tmp_path: Path, httpserver: Any) -> None:
    served = {"text": page(FR, "1,50%", glued=False)}
    httpserver.expect_request("/brume/cgv").respond_with_handler(
        lambda request: Response(served["text"], content_type="text/markdown; charset=utf-8"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""[[service]]
id = "brume"
name = "Atelier Brume"

  [[service.document]]
  type = "Commercial Terms"
  url = "{httpserver.url_for('/brume/cgv')}"
""", encoding="utf-8")
    store = tmp_path / "store"
    cli = TrackerCLI(store, sources)
    cli("run", "--json")
    served["text"] = page(FR, "2,90%", glued=True)
    report = json.loads(cli("run", "--json").stdout)
    assert [d["outcome"] for d in report["documents"]] == ["changed"]
    db = sqlite3.connect(store / "index.sqlite")
    material, categories, summary = db.execute(
        "SELECT material, categories, summary FROM versions WHERE kind = 'changed'").fetchone()
    db.close()
    assert material == 1
    assert "2,90" in summary and "Membredisposed" not in summary
    assert "pricing" in categories or "payment" in categories

"""The learned materiality decision: whether a version pair is material, from per-pair features.

The hand rules of ``tracker.analysis.materiality`` label every clause change; this module reads
low-level signals of those changes (kind, words inserted and deleted, content words, modals and
negations, numbers, facts changed, topic scores of the changed words and of the clause, the
watch-out model's verdicts, noise kinds, document size and language) plus the rules' own verdict
as one feature, and a logistic regression fitted on the labelled dev pairs
(``scripts/train_materiality.py``) gives the probability that the pair is material. The weights
ship as JSON (``model/materiality.json``) and are evaluated in plain Python: no scikit-learn at
run time.

``vetoes`` overrules the rules' yes for the whole pair: ``analyse`` then turns every material
change into a not-material one (as for a revert), so ``Analysis.material == any(c.material)``
holds. It never promotes a pair the rules called not material (see ``vetoes``).

``TRACKER_MATERIALITY=rules`` switches the learned decision off (the rules alone decide).
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

__all__ = ["MODEL_PATH", "MODES", "load_model", "mode", "pair_features", "probability", "vetoes"]

MODEL_PATH = Path(__file__).parent / "model" / "materiality.json"

_WORD = re.compile(r"\w+")
_MONEY = re.compile(r"[$€£¥%]|\b(?:usd|eur|gbp|euros?|dollars?|percent|pour\s?cent|prozent)\b", re.I)
_NEGATIONS = frozenset("not no never without none nor ne pas jamais aucun aucune nicht kein keine "
                       "keinen niemals ohne cannot".split())
_SIGNIFICANT = ("money", "percent", "duration", "age", "place")
# Cosmetic kinds (``materiality.COSMETIC_KINDS``) in four groups of noise.
_NOISE_GROUPS = {
    "date-only": "stamp", "links-only": "stamp", "contact-details": "stamp",
    "formatting": "format", "whitespace": "format", "invisible-characters": "format",
    "punctuation-case": "format", "renumbering": "format", "spelling": "format",
    "moved-unchanged": "regroup", "regrouped": "regroup", "renamed": "regroup",
    "announcement": "chrome", "page-chrome": "chrome", "capture-scope": "chrome",
}
_SEVERITY = {"none": 0, "cosmetic": 1, "minor": 2, "material": 3, "critical": 4}
_MAX_CHARS = 4000  # of changed text scored per clause: a huge added section says enough by then


MODES = ("learned", "rules")


def mode() -> str:
    """``"rules"`` when ``TRACKER_MATERIALITY=rules`` is set (the hand rules alone decide), else
    ``"learned"`` (unset, empty or ``learned``: the learned decision overrules them where its
    model file is present). Raises ``tracker.errors.ConfigError`` for any other value (a typo must
    not measure the wrong decision in silence)."""
    value = os.environ.get("TRACKER_MATERIALITY", "").strip().lower() or "learned"
    if value not in MODES:
        from tracker.errors import ConfigError

        raise ConfigError(f"TRACKER_MATERIALITY must be 'learned' (the default) or 'rules' (the hand rules "
                          f"alone decide), not {value!r}")
    return value


def _legal(scores: dict[str, float]) -> tuple[float, float, int]:
    """(sum, max, count) of the topic scores of the legal categories ("other" left out)."""
    vals = [v for c, v in scores.items() if c != "other"]
    return sum(vals), max(vals, default=0.0), len(vals)


def _changed_text(diff: Any) -> tuple[str, str]:
    """(inserted, deleted) text of one clause change: the whole clause when added or removed."""
    if diff.before is None:
        return diff.after or "", ""
    if diff.after is None:
        return "", diff.before or ""
    ins = " … ".join(t for op, t in diff.ops if op == 1 and t.strip())
    dels = " … ".join(t for op, t in diff.ops if op == -1 and t.strip())
    return ins, dels


def _changed_facts(label: Any) -> set[tuple[str, str]]:
    """The (kind, value) facts of the ``_SIGNIFICANT`` kinds that one side of a change
    (``materiality.ChangeLabel``) has and the other has not: an amount, a duration, a place..."""
    before = {(f.kind, f.value) for f in label.facts_before if f.kind in _SIGNIFICANT}
    after = {(f.kind, f.value) for f in label.facts_after if f.kind in _SIGNIFICANT}
    return before ^ after


def change_features(diff: Any, label: Any) -> dict[str, float]:
    """Low-level signals of one non-cosmetic clause change.

    ``diff``: a ``tracker.analysis.diff.ClauseDiff``; ``label``: its
    ``materiality.ChangeLabel``. Returns {feature name: value}, counts as plain numbers."""
    from tracker.analysis.boilerplate import MODALS, is_content_word
    from tracker.analysis.classify import category_scores, heading_like

    ins, dels = _changed_text(diff)
    wi = [w.lower() for w in _WORD.findall(ins)]
    wd = [w.lower() for w in _WORD.findall(dels)]
    changed = wi + wd
    clause = diff.after if diff.after is not None else diff.before or ""
    legal_ins = _legal(category_scores(ins[:_MAX_CHARS])) if wi else (0.0, 0.0, 0)
    legal_del = _legal(category_scores(dels[:_MAX_CHARS])) if wd else (0.0, 0.0, 0)
    legal_after = _legal(category_scores(diff.after[:_MAX_CHARS])) if diff.after else (0.0, 0.0, 0)
    legal_before = _legal(category_scores(diff.before[:_MAX_CHARS])) if diff.before else (0.0, 0.0, 0)
    return {
        "added": float(diff.kind == "added"),
        "removed": float(diff.kind == "removed"),
        "modified": float(diff.kind in ("modified", "moved")),
        "ins_words": float(len(wi)),
        "del_words": float(len(wd)),
        "ins_content": float(sum(is_content_word(w) for w in wi)),
        "del_content": float(sum(is_content_word(w) for w in wd)),
        "modal": float(any(w in MODALS for w in changed)),
        "negation": float(any(w in _NEGATIONS for w in changed)),
        "digits": float(sum(w.isdigit() for w in changed)),
        "money": float(bool(_MONEY.search(ins) or _MONEY.search(dels))),
        "facts": float(len(_changed_facts(label))),
        "legal_changed": legal_ins[0] + legal_del[0],
        "legal_changed_max": max(legal_ins[1], legal_del[1]),
        "legal_changed_cats": float(max(legal_ins[2], legal_del[2])),
        "legal_clause": max(legal_after[0], legal_before[0]),
        "legal_gain": legal_after[0] - legal_before[0],
        "watch": float(len(label.watch_added) + len(label.watch_removed)),
        "heading": float(heading_like(clause)),
        "short": float(len(_WORD.findall(clause)) <= 6),
        "dissimilar": 1.0 - diff.similarity if diff.kind in ("modified", "moved") else 1.0,
        "clause_words": float(len(_WORD.findall(clause))),
    }


_SUMMED = ("ins_words", "del_words", "ins_content", "del_content", "digits", "facts", "legal_changed",
           "watch", "clause_words")
_MAXED = ("modal", "negation", "money", "legal_changed_max", "legal_changed_cats", "legal_clause",
          "legal_gain", "dissimilar", "ins_content", "del_content", "facts", "watch")
_COUNTED = ("added", "removed", "modified", "heading", "short", "modal", "negation", "money")


def pair_features(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0) -> dict[str, float]:
    """The features of one version pair from its clause diffs and their rule labels.

    ``diffs``: the ``ClauseDiff`` list of ``diff_texts(old, new)``; ``labels``: the
    ``ChangeLabel`` of each (``label_document``); ``new``: the new text; ``unchanged``: clauses
    kept as they were. Returns {name: value}: counts log-scaled, ``rules_*`` the rules' verdict."""
    from tracker.analysis.boilerplate import language_of

    feats: dict[str, float] = {}
    per = [change_features(d, lab) for d, lab in zip(diffs, labels) if lab.cosmetic is None]
    cosmetic = [lab.cosmetic for lab in labels if lab.cosmetic is not None]
    for group in ("stamp", "format", "regroup", "chrome"):
        feats[f"noise_{group}"] = math.log1p(sum(_NOISE_GROUPS.get(c, "format") == group for c in cosmetic))
    feats["n_changes"] = math.log1p(len(labels))
    feats["n_substantive"] = math.log1p(len(per))
    feats["share_cosmetic"] = len(cosmetic) / len(labels) if labels else 1.0
    for name in _COUNTED:
        feats[f"n_{name}"] = math.log1p(sum(p[name] for p in per))
    for name in _SUMMED:
        feats[f"sum_{name}"] = math.log1p(sum(p[name] for p in per))
    for name in _MAXED:
        feats[f"max_{name}"] = max((p[name] for p in per), default=0.0)
    for name in ("legal_changed_max", "legal_clause", "ins_content", "del_content", "facts", "watch"):
        feats[f"max_{name}"] = math.log1p(feats[f"max_{name}"])
    head = _WORD.findall(new[:20000].lower())
    lang = language_of(head)
    feats["lang_fr"] = float(lang == "fr")
    feats["lang_de"] = float(lang == "de")
    feats["doc_words"] = math.log1p(len(new.split()))
    feats["unchanged"] = math.log1p(unchanged)
    feats["rules_material"] = float(any(lab.material for lab in labels))
    feats["rules_n_material"] = math.log1p(sum(lab.material for lab in labels))
    feats["rules_severity"] = float(max((_SEVERITY.get(lab.severity, 0) for lab in labels), default=0))
    return feats


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The fitted decision (JSON written by ``scripts/train_materiality.py``): ``features``
    (names, in order), ``mean``, ``scale``, ``coef`` (per standardised feature), ``intercept``,
    ``threshold`` (on the probability). None when the file is absent (the rules then decide)."""
    p = Path(path)
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def probability(features: dict[str, float], model: dict[str, Any]) -> float:
    """The model's probability (0..1) that a pair with ``features`` is material."""
    z = float(model["intercept"])
    for name, mu, sd, w in zip(model["features"], model["mean"], model["scale"], model["coef"]):
        z += w * (features.get(name, 0.0) - mu) / (sd or 1.0)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def _hard_evidence(labels: Sequence[Any]) -> bool:
    """Whether a material change of the pair rests on evidence a pair-level score must not
    overrule: a changed amount, percentage, duration, age or place (a price from $6 to $9, credits
    that expire after 6 months instead of 12, another court), a watch-out added or removed, or a
    critical severity. A pair whose page capture also changed (a table gone, a menu moved) scores
    low as a whole, yet the price rise inside it is still the news."""
    for lab in labels:
        if not lab.material:
            continue
        if lab.severity == "critical" or lab.watch_added or lab.watch_removed:
            return True
        if _changed_facts(lab):
            return True
    return False


def vetoes(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0,
           model: dict[str, Any] | None = None) -> bool:
    """Whether the learned decision overrules a pair the rules call material (``labels``, the
    rules' ``ChangeLabel`` of each of ``diffs``, has a material one) as not material.

    Only a veto is learned: a pair the rules call not material is never promoted, since the model
    scores the pair, not a clause, and could not say which clause changed what. False when no
    label is material, when a material change rests on hard evidence (``_hard_evidence``: a changed
    amount, duration, place..., a watch-out added or removed, a critical change), in
    ``TRACKER_MATERIALITY=rules`` mode, or when no model file ships.
    ``model``: the fitted decision to use instead of the shipped one (``load_model``)."""
    if not any(lab.material for lab in labels) or mode() == "rules" or _hard_evidence(labels):
        return False
    model = model or load_model()
    if model is None:
        return False
    return probability(pair_features(diffs, labels, new, unchanged), model) < float(model["threshold"])

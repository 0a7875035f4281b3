"""The learned materiality decision: whether a version pair is material, from per-pair features.

The hand rules of ``tracker.analysis.materiality`` label every clause change; this module reads
low-level signals of those changes (``pair_record``: kind, words inserted and deleted, content
words, modals and negations, numbers, facts changed, topic scores of the changed words and of the
clause, the watch-out model's verdicts, the rules' severities, noise kinds, document size and
language, and the changed words themselves, hashed), and a logistic regression fitted on the
labelled pairs (``scripts/train_materiality.py``) gives the probability that the pair is
material. The weights ship as JSON (``model/materiality.json``) and are evaluated in plain
Python: no scikit-learn at run time.

``decide`` may overrule the rules both ways: a veto of their yes (``analyse`` then turns every
material change into a not-material one, as for a revert) or, when the model has a
``promote_threshold``, a promotion of their no through one change (``promoted_label``), so
``Analysis.material == any(c.material)`` holds either way.

``TRACKER_MATERIALITY=rules`` switches the learned decision off (the rules alone decide).
"""

from __future__ import annotations

import json
import math
import os
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

__all__ = ["HASH_DIM", "MODEL_PATH", "MODES", "decide", "hashed_tokens", "load_model", "mode", "pair_features",
           "pair_record", "probability", "promoted_label", "record_features", "vetoes"]

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
_MAX_TEXT = 1500  # characters of inserted, deleted and context text kept per change for the word features
_MAX_CHANGES = 40  # non-cosmetic changes a pair's words are read from (a rewrite says enough by then)
HASH_DIM = 4096  # buckets of the hashed words (``hashed_tokens``)


def _side_words(text: str, others: frozenset[str] | None) -> tuple[int, int]:
    """(content words of ``text``, how many of them ``others``, the other version's words, has)."""
    from tracker.analysis.boilerplate import is_content_word

    words = [w.lower() for w in _WORD.findall(text)]
    content = [w for w in words if is_content_word(w)]
    return len(content), sum(w in others for w in content) if others is not None else 0


def pair_record(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0,
                old: str | None = None) -> dict[str, Any]:
    """Everything the learned decision reads of one version pair, as plain JSON data.

    ``diffs``: the ``ClauseDiff`` list of ``diff_texts(old, new)``; ``labels``: the
    ``ChangeLabel`` of each (``label_document``); ``new``/``old``: the two texts (``old`` only for
    whether changed words exist elsewhere in the other version); ``unchanged``: clauses kept as
    they were. Returns {"changes": [...], "lang", "doc_words", "unchanged", "regroup"}: per change
    its cosmetic kind, or for a substantive one ``change_features`` plus the rules' verdict and
    the start of its inserted, deleted and context text. ``record_features`` and
    ``hashed_tokens`` turn it into model inputs (the training script caches it)."""
    from tracker.analysis.boilerplate import language_of

    head = _WORD.findall(new[:20000].lower())
    old_words = frozenset(_WORD.findall(old.lower())) if old is not None else None
    new_words = frozenset(_WORD.findall(new.lower())) if old is not None else None
    changes: list[dict[str, Any]] = []
    found = [0, 0, 0, 0]  # content words inserted, of them in the old text; deleted, in the new
    for d, lab in zip(diffs, labels):
        if lab.cosmetic is not None:
            changes.append({"cosmetic": lab.cosmetic, "material": bool(lab.material)})
            continue
        ins, dels = _changed_text(d)
        rec: dict[str, Any] = {"cosmetic": None, "material": bool(lab.material), "severity": lab.severity,
                               "categories": list(lab.categories), "expl": " ".join(lab.explanation.split()[:2])}
        rec.update(change_features(d, lab))
        ni, fi = _side_words(ins[:_MAX_CHARS], old_words)
        nd, fd = _side_words(dels[:_MAX_CHARS], new_words)
        for i, v in enumerate((ni, fi, nd, fd)):
            found[i] += v
        if sum(c["cosmetic"] is None for c in changes) < _MAX_CHANGES:
            clause = d.after if d.after is not None else d.before or ""
            rec.update(ins=ins[:_MAX_TEXT], dels=dels[:_MAX_TEXT],
                       ctx=clause[:_MAX_TEXT] if d.kind in ("modified", "moved") else "")
        changes.append(rec)
    return {"changes": changes, "lang": language_of(head), "doc_words": len(new.split()),
            "unchanged": unchanged, "regroup": found if old is not None else None}


def record_features(record: dict[str, Any]) -> dict[str, float]:
    """The dense features of a ``pair_record``: counts log-scaled, ``rules_*`` the rules' verdict.

    The first set (session 9) sums and maxima of ``change_features`` over substantive changes,
    noise groups, size and language; since session 11 also each noise kind and each rules
    severity counted, numbers changed inside clauses with a legal category and outside,
    the relative size of the change, and the share of changed content words the other version
    has elsewhere (text regrouped rather than new)."""
    changes = record["changes"]
    per = [c for c in changes if c["cosmetic"] is None]
    cosmetic = [c["cosmetic"] for c in changes if c["cosmetic"] is not None]
    feats: dict[str, float] = {}
    for group in ("stamp", "format", "regroup", "chrome"):
        feats[f"noise_{group}"] = math.log1p(sum(_NOISE_GROUPS.get(c, "format") == group for c in cosmetic))
    feats["n_changes"] = math.log1p(len(changes))
    feats["n_substantive"] = math.log1p(len(per))
    feats["share_cosmetic"] = len(cosmetic) / len(changes) if changes else 1.0
    for name in _COUNTED:
        feats[f"n_{name}"] = math.log1p(sum(p[name] for p in per))
    for name in _SUMMED:
        feats[f"sum_{name}"] = math.log1p(sum(p[name] for p in per))
    for name in _MAXED:
        feats[f"max_{name}"] = max((p[name] for p in per), default=0.0)
    for name in ("legal_changed_max", "legal_clause", "ins_content", "del_content", "facts", "watch"):
        feats[f"max_{name}"] = math.log1p(feats[f"max_{name}"])
    feats["lang_fr"] = float(record["lang"] == "fr")
    feats["lang_de"] = float(record["lang"] == "de")
    feats["doc_words"] = math.log1p(record["doc_words"])
    feats["unchanged"] = math.log1p(record["unchanged"])
    feats["rules_material"] = float(any(c["material"] for c in changes))
    feats["rules_n_material"] = math.log1p(sum(c["material"] for c in changes))
    feats["rules_severity"] = float(max((_SEVERITY.get(c.get("severity", "cosmetic"), 0) for c in changes),
                                        default=0))
    # --- session 11 -------------------------------------------------------------------------
    for kind in sorted(_NOISE_GROUPS):
        feats[f"kind_{kind}"] = math.log1p(sum(c == kind for c in cosmetic))
    for sev in ("minor", "material", "critical"):
        feats[f"sev_{sev}"] = math.log1p(sum(p["severity"] == sev for p in per))
    legal = [p for p in per if any(c != "other" for c in p["categories"])]
    feats["digits_legal"] = math.log1p(sum(p["digits"] for p in legal))
    feats["digits_plain"] = math.log1p(sum(p["digits"] for p in per) - sum(p["digits"] for p in legal))
    feats["n_legal"] = math.log1p(len(legal))
    changed_words = sum(p["ins_words"] + p["del_words"] for p in per)
    feats["rel_words"] = min(1.0, changed_words / (2.0 * record["doc_words"] + 1.0))
    feats["rel_clauses"] = len(per) / (len(changes) + record["unchanged"]) if changes else 0.0
    regroup = record.get("regroup")
    if regroup:
        ni, fi, nd, fd = regroup
        feats["ins_known"] = fi / ni if ni else 1.0
        feats["del_kept"] = fd / nd if nd else 1.0
        feats["ins_novel"] = math.log1p(ni - fi)
        feats["del_gone"] = math.log1p(nd - fd)
    else:
        feats["ins_known"] = feats["del_kept"] = 1.0
        feats["ins_novel"] = feats["del_gone"] = 0.0
    return feats


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def hashed_tokens(record: dict[str, Any], dim: int = HASH_DIM) -> dict[int, float]:
    """The words of a ``pair_record`` as hashed buckets {bucket: 1.0} (present in the pair).

    Inserted words (``i:``) and deleted words (``d:``) of the substantive changes, as content
    words and as word pairs (bigrams keep "may not", "without notice", "per month"), the content
    words of a modified clause around its change (``c:``), and the start of the rules'
    explanation (``x:``: "New:", "Now says", "No longer"...). CRC-32 of the token, stable across
    runs and platforms, modulo ``dim``."""
    from tracker.analysis.boilerplate import is_content_word

    toks: set[str] = set()
    for c in record["changes"]:
        if c["cosmetic"] is not None or "ins" not in c:
            continue
        for prefix, text in (("i:", c["ins"]), ("d:", c["dels"])):
            words = _tokens(text)
            toks.update(prefix + w for w in words if is_content_word(w))
            toks.update(f"{prefix}{a}_{b}" for a, b in zip(words, words[1:]))
        toks.update("c:" + w for w in _tokens(c["ctx"]) if is_content_word(w))
        toks.add("x:" + c["expl"].lower())
    return {zlib.crc32(t.encode("utf-8")) % dim: 1.0 for t in toks}


def pair_features(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0,
                  old: str | None = None) -> dict[str, float]:
    """The dense features of one version pair (``record_features`` of its ``pair_record``)."""
    return record_features(pair_record(diffs, labels, new, unchanged, old))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The fitted decision (JSON written by ``scripts/train_materiality.py``): ``features``
    (names, in order), ``mean``, ``scale``, ``coef`` (per standardised feature), ``intercept``,
    ``threshold`` (on the probability). None when the file is absent (the rules then decide)."""
    p = Path(path)
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def probability(features: dict[str, float], model: dict[str, Any],
                hashed: dict[int, float] | None = None) -> float:
    """The model's probability (0..1) that a pair with dense ``features`` (and, for a model with
    ``hash_coef``, ``hashed`` buckets from ``hashed_tokens``) is material."""
    z = float(model["intercept"])
    for name, mu, sd, w in zip(model["features"], model["mean"], model["scale"], model["coef"]):
        z += w * (features.get(name, 0.0) - mu) / (sd or 1.0)
    weights = model.get("hash_coef")
    if weights and hashed:
        z += sum(weights[b] * v for b, v in hashed.items() if b < len(weights))
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


def _promoted_index(record: dict[str, Any]) -> int | None:
    """The change a promoted pair is made material by: of its substantive changes (not cosmetic,
    not a heading), the one with the strongest legal signal in its changed words, then in its
    clause, then the most content words changed. None when it has no such change (a pair of
    noise alone is never promoted)."""
    best: tuple[float, float, float] | None = None
    index = None
    for i, c in enumerate(record["changes"]):
        if c["cosmetic"] is not None or c["heading"]:
            continue
        key = (c["legal_changed"], c["legal_clause"], c["ins_content"] + c["del_content"])
        if best is None or key > best:
            best, index = key, i
    return index


def decide(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0,
           old: str | None = None, model: dict[str, Any] | None = None) -> tuple[str, int | None]:
    """The learned decision on a pair the rules labelled (``labels``, of each of ``diffs``).

    Returns ("veto", None) when it overrules the rules' yes (every change then not material),
    ("promote", i) when it calls material a pair the rules call not material (change ``i`` is to
    be made material: ``_promoted_index``), else ("keep", None). A veto needs a probability under
    ``threshold`` and never overrules hard evidence (``_hard_evidence``); a promotion needs one of
    ``promote_threshold`` or more (a model without it only vetoes). Always "keep" in
    ``TRACKER_MATERIALITY=rules`` mode or when no model file ships. ``model``: the fitted decision
    to use instead of the shipped one (``load_model``)."""
    if mode() == "rules":
        return "keep", None
    model = model or load_model()
    if model is None:
        return "keep", None
    material = any(lab.material for lab in labels)
    promote = model.get("promote_threshold")
    if material and _hard_evidence(labels) or not material and promote is None:
        return "keep", None
    record = pair_record(diffs, labels, new, unchanged, old)
    if not material and _promoted_index(record) is None:
        return "keep", None
    hashed = hashed_tokens(record, int(model["hash_dim"])) if model.get("hash_coef") else None
    p = probability(record_features(record), model, hashed)
    if material:
        return ("veto", None) if p < float(model["threshold"]) else ("keep", None)
    return ("promote", _promoted_index(record)) if p >= float(promote or 0.0) else ("keep", None)


def vetoes(diffs: Sequence[Any], labels: Sequence[Any], new: str, unchanged: int = 0,
           model: dict[str, Any] | None = None, old: str | None = None) -> bool:
    """Whether the learned decision overrules a pair the rules call material (``labels``, the
    rules' ``ChangeLabel`` of each of ``diffs``, has a material one) as not material: ``decide``
    says "veto". False when no label is material, when a material change rests on hard evidence
    (``_hard_evidence``: a changed amount, duration, place..., a watch-out added or removed, a
    critical change), in ``TRACKER_MATERIALITY=rules`` mode, or when no model file ships.
    ``model``: the fitted decision to use instead of the shipped one (``load_model``)."""
    if not any(lab.material for lab in labels):
        return False
    return decide(diffs, labels, new, unchanged, old, model)[0] == "veto"


def promoted_label(diff: Any, label: Any) -> Any:
    """``label`` (a not-material ``ChangeLabel`` of ``diff``) made material by a promotion: severity
    "material", its categories (or the strongest legal topic of its changed words, else "other"),
    and an explanation that quotes the change ("New: “…”", "Removed: “…”", "Now says “…” instead
    of “…”") with its categories, as the rules say theirs."""
    from dataclasses import replace

    from tracker.analysis.classify import category_scores
    from tracker.analysis.materiality import _cats_text, _snippet

    ins, dels = _changed_text(diff)
    cats = tuple(c for c in label.categories if c != "other")
    if not cats:
        scores = {c: v for c, v in category_scores((ins + " " + dels)[:_MAX_CHARS]).items() if c != "other"}
        if not scores and (diff.after or diff.before):
            scores = {c: v for c, v in category_scores((diff.after or diff.before or "")[:_MAX_CHARS]).items()
                      if c != "other"}
        cats = tuple(sorted(scores, key=lambda c: -scores[c])[:2]) or ("other",)
    if diff.before is None:
        what = f"New: “{_snippet(ins)}”"
    elif diff.after is None:
        what = f"Removed: “{_snippet(dels)}”"
    elif ins.strip() and dels.strip():
        what = f"Now says “{_snippet(ins, 60)}” instead of “{_snippet(dels, 60)}”"
    elif ins.strip():
        what = f"Now also says: “{_snippet(ins)}”"
    else:
        what = f"No longer says: “{_snippet(dels)}”"
    return replace(label, material=True, severity="material", categories=cats, explanation=what + _cats_text(cats))

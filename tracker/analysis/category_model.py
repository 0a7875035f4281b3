"""The learned categories of a material version: which topics a version's changes are about.

The hand rules (``materiality.version_categories``) vote per category from each material change's
own categories, evidence weights and side topics, and keep at most three categories with a third
of the top vote. People who sum up a rewrite name more topics than that when it touches more
(refunds and arbitration, privacy and AI training), and fewer when one topic clearly dominates.
This module reads the rules' votes per category (share of the top vote, rank, whether the rules
keep it), the topic scores (``classify.category_scores``) of the inserted and deleted words and of
the changed clauses, the words of the changed text and of the changed clauses' section headings,
the document's own topic profile and title words, and the number and size of the changes; one
logistic regression per taxonomy category (one-vs-rest), fitted on hand-labelled material pairs
by ``scripts/train_categories.py``, gives each category's probability, and a category is kept
when its probability reaches that category's threshold (chosen by cross-validation); the shipped
model also keeps all the rules' categories whatever their probability (``combine`` "union"). The
weights ship as JSON (``model/categories.json``) and are evaluated in plain Python.

The rules' categories stay the answer when the model file is absent, when the rules name no
category, and in ``TRACKER_MATERIALITY=rules`` mode (``decision.mode``).
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

__all__ = ["MIN_THRESHOLD", "MODEL_PATH", "category_view", "combined", "evident", "forum_clauses", "load_model", "pack", "pair_features", "payment_data", "predict", "probabilities", "rule_votes", "rules_top",
           "training_changes", "unpack", "unshown", "WATCH_OUT_MIN",
           "version_categories"]

MODEL_PATH = Path(__file__).parent / "model" / "categories.json"

_WORD = re.compile(r"[^\W\d_]{3,}")
_MAX_CHARS = 4000  # of changed text read per clause: a huge added section says enough by then
_MAX_WORDS = 3000  # distinct words of changed text read per pair


def rule_votes(labels: Sequence[Any]) -> dict[str, float]:
    """The rules' vote of each category (``materiality.version_categories`` counts them the same
    way: each material change votes with the log of its size, its categories scaled by the square
    of their evidence relative to the change's best, its side topics likewise, a watch-out and a
    critical change half as much again). ``labels``: the ``ChangeLabel`` of each clause change.
    Returns {category id: vote}; "other" only when alone."""
    votes: dict[str, float] = {}
    for label in labels:
        if not label.material or not label.categories:
            continue
        size = math.log(2 + label.size) * (1.5 if label.severity == "critical" else 1.0)
        ws = label.weights if len(label.weights) == len(label.categories) else (1.0,) * len(label.categories)
        top = max(ws) or 1.0
        watch = set(label.watch_added) | set(label.watch_removed)
        for c, rel in list(zip(label.categories, (w / top if w > 0 else 1.0 for w in ws))) + list(label.side):
            votes[c] = votes.get(c, 0.0) + size * rel * rel * (1.5 if c in watch else 1.0)
    if len(votes) > 1:
        votes.pop("other", None)
    return votes


def _changed_text(diff: Any) -> tuple[str, str]:
    """(inserted, deleted) text of one clause change, each cut at ``_MAX_CHARS``."""
    from tracker.analysis.decision import _changed_text as changed

    ins, dels = changed(diff)
    return ins[:_MAX_CHARS], dels[:_MAX_CHARS]


def _add_scores(feats: dict[str, float], prefix: str, text: str) -> None:
    from tracker.analysis.classify import category_scores

    if text.strip():
        for c, v in category_scores(text).items():
            feats[prefix + c] = feats.get(prefix + c, 0.0) + v


def _title(text: str) -> str:
    """The first non-empty line of a document (its title, in the versions the tracker keeps)."""
    for line in text[:2000].splitlines():
        if line.strip():
            return line
    return ""


def pair_features(diffs: Sequence[Any], labels: Sequence[Any], new: str,
                  rules: Sequence[str] = (), *, document: bool = True) -> dict[str, float]:
    """The features of one version pair for the category model.

    ``diffs``: the ``ClauseDiff`` list of ``diff.diff_texts(old, new)``; ``labels``: the rules'
    ``ChangeLabel`` of each; ``new``: the new text; ``rules``: the rules' categories of the
    version (``materiality.version_categories``). Returns {feature name: value}, sparse (absent
    means 0): ``vote:``/``top1:``/``top3:``/``rule:``/``watch:`` per category from the rules,
    ``own:`` the material changes carrying it and ``side:`` their side topics (log-scaled),
    ``ins:``/``del:``/``clause:`` topic scores (log-scaled), ``doc:`` the document's topic shares,
    ``w:``/``h:``/``t:`` words of the changed text, of the section headings and of the title
    (1.0 each), and counts (log-scaled). ``document``: False leaves the ``doc:`` features out
    (the document's topic profile reads the whole text; ``version_categories`` asks for it only
    when the decision depends on it)."""
    feats, at = _features_but_document(diffs, labels, new, rules)
    return _with_document(feats, at, new) if document else feats


def _with_document(feats: dict[str, float], at: int, new: str) -> dict[str, float]:
    """``feats`` (``_features_but_document``) with the ``doc:`` features of ``new`` put in at
    position ``at``, where ``pair_features`` has them (the order the model's sums add in)."""
    from tracker.analysis.classify import topic_profile

    items = list(feats.items())
    return dict(items[:at] + [("doc:" + c, share) for c, share in topic_profile(new).items()] + items[at:])


def _features_but_document(diffs: Sequence[Any], labels: Sequence[Any], new: str,
                           rules: Sequence[str] = ()) -> tuple[dict[str, float], int]:
    """(``pair_features(..., document=False)``, the position of the ``doc:`` features in
    ``pair_features``'s dict)."""
    feats: dict[str, float] = {"bias_material": 1.0}
    votes = rule_votes(labels)
    best = max(votes.values(), default=0.0) or 1.0
    ranked = sorted(votes, key=lambda c: -votes[c])
    for i, c in enumerate(ranked):
        feats["vote:" + c] = votes[c] / best
        feats["lvote:" + c] = math.log1p(votes[c])
        if i == 0:
            feats["top1:" + c] = 1.0
        if i < 3:
            feats["top3:" + c] = 1.0
    for c in rules:
        feats["rule:" + c] = 1.0
    words: set[str] = set()
    n_material = size = 0
    for diff, label in zip(diffs, labels):
        if not label.material:
            continue
        n_material += 1
        size += label.size
        for c in label.categories:
            feats["own:" + c] = feats.get("own:" + c, 0.0) + 1.0
        for c in set(label.watch_added) | set(label.watch_removed):
            feats["watch:" + c] = 1.0
        # the topics a change touches beside its own categories (those the rules' vote may cut)
        for c, v in label.side:
            feats["side:" + c] = feats.get("side:" + c, 0.0) + v
        ins, dels = _changed_text(diff)
        _add_scores(feats, "ins:", ins)
        _add_scores(feats, "del:", dels)
        clause = diff.after if diff.after is not None else diff.before or ""
        _add_scores(feats, "clause:", clause[:_MAX_CHARS])
        if len(words) < _MAX_WORDS:
            words.update(w.lower() for w in _WORD.findall(ins + " " + dels))
        for w in _WORD.findall(diff.heading or ""):
            feats["h:" + w.lower()] = 1.0
    for name in list(feats):
        if name.startswith(("ins:", "del:", "clause:", "own:", "side:")):
            feats[name] = math.log1p(feats[name])
    for w in words:
        feats["w:" + w] = 1.0
    at = len(feats)  # (the document's topic shares come here)
    for w in _WORD.findall(_title(new)):
        feats["t:" + w.lower()] = 1.0
    feats["n_material"] = math.log1p(n_material)
    feats["n_changes"] = math.log1p(len(labels))
    feats["size"] = math.log1p(size)
    feats["n_votes"] = float(len(votes))
    return feats, at


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any] | None:
    """The fitted category model (JSON written by ``scripts/train_categories.py``):
    ``categories`` (ids), ``intercept`` and ``coef`` ({feature: weight}, features absent weigh 0)
    and ``threshold`` (on the probability) per category, ``max_categories``; or ``kind`` "pooled"
    (one ``intercept`` and ``coef`` over ``category_view``), with ``augment`` when it amends the
    rules' categories (``predict``). None when the file
    is absent (the rules' categories then stand)."""
    p = Path(path)
    if not p.is_file():
        return None
    cache = _model_cache(p) if p == MODEL_PATH else None
    if cache is not None:
        kept = _read_model_cache(cache)
        if kept is not None:
            return kept
    model = unpack(json.loads(p.read_text(encoding="utf-8")))
    if cache is not None:
        _write_model_cache(cache, model)
    return model


def _model_cache(path: Path) -> Path | None:
    """The cache file of the model ``path`` holds, as ``unpack`` makes it, in the user cache folder
    (``regex_cache.cache_folder``): read back with ``marshal`` in about a third of the time JSON
    and ``unpack`` take (70 ms), which every analysis worker of a run pays. Named after this
    module's code and the model's bytes (either changed: built anew) and the interpreter's
    version (``marshal``'s format is its own); None when caching is off or no folder can be named."""
    import hashlib
    import sys

    from tracker.regex_cache import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    try:
        digest = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + path.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    return folder / f"categories-{digest}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _read_model_cache(path: Path) -> dict[str, Any] | None:
    """The model kept in ``path``, or None (absent, unreadable, or not what we wrote)."""
    from tracker.regex_cache import read_marshal

    model = read_marshal(path)
    return model if isinstance(model, dict) and "coef" in model else None


def _write_model_cache(path: Path, model: dict[str, Any]) -> None:
    """Keep ``model`` in ``path``, dropping the files of other models or code for this interpreter
    (``regex_cache.keep_marshal``)."""
    from tracker.regex_cache import keep_marshal

    keep_marshal(path, model)


def pack(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` as it is written to disk: with one regression per category, the feature names
    once (``features``) and each category's weights as a list in that order, 0 for a feature it
    does not weigh (the same ~5,800 names under 21 categories made the file four times larger).
    A pooled model (``coef`` one {feature: weight}) is returned as it is. ``unpack`` inverts it."""
    coef = model.get("coef")
    if not isinstance(coef, dict) or not all(isinstance(v, dict) for v in coef.values()):
        return model
    names = sorted({f for weights in coef.values() for f in weights})
    return {**model, "features": names,
            "coef": {c: [weights.get(f, 0) for f in names] for c, weights in coef.items()}}


def unpack(model: dict[str, Any]) -> dict[str, Any]:
    """A model read from disk (``pack``'s layout, or the plain one) with ``coef`` as
    {category: {feature: weight}}, the features a category does not weigh left out."""
    names = model.pop("features", None)
    if names is not None:
        model["coef"] = {c: {f: w for f, w in zip(names, weights) if w} for c, weights in model["coef"].items()}
    return model


_RELATIVE = ("vote", "lvote", "top1", "top3", "rule", "watch", "own", "ins", "del", "clause", "doc")
_SHARED = ("n_material", "n_changes", "size", "n_votes", "n_rules")


def category_view(features: dict[str, float], category: str) -> dict[str, float]:
    """The features of a pair seen from one category, for a model shared by all categories
    (``kind`` "pooled"): each ``name:category`` feature as ``name``, the pair's counts, the
    category itself (``cat=``) and its crossings with the rules' vote and verdict, so that one
    regression learns from every category's examples (a rare category has a few dozen) and each
    category still has its own base rate and trust in the rules."""
    x = {name: features[f"{name}:{category}"] for name in _RELATIVE if f"{name}:{category}" in features}
    n_rules = sum(1 for f in features if f.startswith("rule:"))
    shared = {name: features.get(name, 0.0) for name in _SHARED[:-1]} | {"n_rules": float(n_rules)}
    x.update(shared)
    vote = x.get("vote", 0.0)
    for name, v in shared.items():
        x[name + "*vote"] = v * vote
        x[name + "*rule"] = v * x.get("rule", 0.0)
    doc = [v for f, v in features.items() if f.startswith("doc:")]
    x["doc_main"] = float(bool(doc) and features.get("doc:" + category, -1.0) == max(doc))
    x["cat=" + category] = 1.0
    x[f"cat={category}*vote"] = vote
    x[f"cat={category}*rule"] = x.get("rule", 0.0)
    x[f"cat={category}*doc"] = x.get("doc", 0.0)
    return x


def probabilities(features: dict[str, float], model: dict[str, Any]) -> dict[str, float]:
    """Each category's probability (0..1) for a pair with ``features`` (``pair_features``):
    one regression per category (``coef[category]``), or one shared by all of them over
    ``category_view`` (``kind`` "pooled", ``coef`` one {feature: weight})."""
    out: dict[str, float] = {}
    pooled = model.get("kind") == "pooled"
    for c in model["categories"]:
        if pooled:
            coef, x = model["coef"], category_view(features, c)
            z = float(model["intercept"])
        else:
            coef, x = model["coef"][c], features
            z = float(model["intercept"][c])
        z += sum(v * coef[f] for f, v in x.items() if f in coef)
        out[c] = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
    return out


def predict(features: dict[str, float], model: dict[str, Any]) -> tuple[str, ...]:
    """The categories a pair with ``features`` is about: those whose probability reaches their
    threshold, the likeliest first and ``max_categories`` at most; the likeliest one alone when
    none does (a material version is about something). With ``combine`` "union" the rules'
    categories (the ``rule:`` features) are added; with "guard" the rules' first category
    (``rules_top``) is always kept and the model adds those reaching their threshold plus
    ``margin``; with ``evidence`` the model keeps only categories its changes show (``evident``);
    ``max_total`` caps the categories in all (``combined``). A model with ``augment`` (add, drop)
    instead keeps the rules' categories (the ``rule:`` features), adds those with a probability
    of at least ``add`` and takes away those below ``drop``. Returns ids in taxonomy order."""
    from tracker.analysis.classify import CATEGORIES

    probs = probabilities(features, model)
    if "augment" in model:
        # the rules' categories, plus those the model is sure of, less those it finds unlikely
        add, drop = model["augment"]
        rules = {f[5:] for f in features if f.startswith("rule:")}
        kept_set = (rules | {c for c, p in probs.items() if p >= add}) - {c for c, p in probs.items() if p < drop}
        return tuple(c for c in CATEGORIES if c in (kept_set or rules))
    kept = combined(probs, features, model["threshold"], int(model.get("max_categories", 9)),
                    model.get("combine", ""), float(model.get("margin", 0.0)),
                    bool(model.get("evidence", False)), int(model.get("max_total", 0)))
    return tuple(c for c in CATEGORIES if c in kept)


# The lowest probability at which the model adds a category on its own: one it gives less than one
# chance in five is likelier absent than present. Thresholds tuned lower than this (0.1 for
# arbitration, 0.15 for content removal) were fitted on a few dozen examples of a rare category and
# named, for instance, content removal beside an account power where no content is removed.
MIN_THRESHOLD = 0.2

# the features that say a category's topic is in the changed words or clauses themselves
_EVIDENCE = ("ins:", "del:", "clause:", "vote:")


def evident(features: dict[str, float], category: str) -> bool:
    """Whether a pair's changes show ``category``'s topic: its words in the inserted or deleted
    text or in a changed clause (``ins:``/``del:``/``clause:``), or a vote of the rules for it.
    A category the model finds likely from other words alone (a French "vous devez" read as a
    usage rule in an age minimum) or from the document's topic is no topic of the change."""
    return any(features.get(p + category, 0.0) > 0 for p in _EVIDENCE)


def combined(probs: dict[str, float], features: dict[str, float], threshold: dict[str, float], cap: int = 9,
             combine: str = "", margin: float = 0.0, evidence: bool = False, max_total: int = 0) -> list[str]:
    """``predict``'s decision from each category's probability (``probs``) and a pair's
    ``features``: the categories reaching their ``threshold``, never less than ``MIN_THRESHOLD``
    (plus ``margin`` for "guard"), the
    likeliest first, ``cap`` at most; with ``evidence`` only those the changes show (``evident``);
    with ``combine`` "guard" the rules' first category first, with "union" the rules' categories
    added; with ``max_total`` (> 0) at most that many in all, the rules' first category and then
    the likeliest kept; the model's likeliest alone when nothing is kept. Returns ids, unordered."""
    from tracker.analysis.classify import CATEGORIES

    ranked = sorted(probs, key=lambda c: (-probs[c], CATEGORIES.index(c) if c in CATEGORIES else 99))
    m = margin if combine == "guard" else 0.0
    kept = [c for c in ranked if probs[c] >= max(float(threshold[c]), MIN_THRESHOLD) + m
            and (not evidence or evident(features, c))][:cap]
    top = rules_top(features)
    if combine == "guard" and top:
        kept = [top] + [c for c in kept if c != top]  # the rules' top category always stands
    elif combine == "union":
        kept += [f[5:] for f in features if f.startswith("rule:") and f[5:] not in kept]
    if max_total > 0 and len(kept) > max_total:
        order = sorted(kept, key=lambda c: (c != top, -probs.get(c, 0.0)))
        kept = order[:max_total]
    if not kept and ranked:
        kept = ranked[:1]
    return kept


# The categories the model must see in the changes to add them (``unshown``).
_SHOWN_ONLY = frozenset({"content-removal"})


def unshown(added: set[str], features: dict[str, float], new: str) -> set[str]:
    """The categories of ``added`` (those the model adds to the rules') of ``_SHOWN_ONLY`` (the
    removal of content) that no change shows (``evident``: no topic word in the changed words
    or clauses, no vote of the rules) and that are not the new document's own topic either (the
    largest share of its topic profile). The model reads content removal from the words of a
    policy around the change: a rule of use in community guidelines ("do not share material
    depicting nudity") or a suspension power in a policy on regulated goods is no removal of
    content. The hand labels of the dev sets the model was not fitted on (zzz and later) name
    none of the 3 such categories it added there. Other categories the model adds unshown stay:
    there the out-of-sample sets hold 1 such addition outside the document's topic (a change of
    the terms, named) and 5 as its topic (privacy in a data policy 4 times, named each time), and
    the sets it was fitted on name most of them (r to w: taking all away lost 23 right ones).
    ``features``: the pair's features (``doc:`` ones may be absent); ``new``: the new text.
    Returns the set to take away (empty when none)."""
    out = {c for c in added & _SHOWN_ONLY if not evident(features, c)}
    if out:
        from tracker.analysis.classify import topic_profile

        profile = topic_profile(new)
        main = max(profile, key=lambda c: profile[c], default="")
        out.discard(main)
    return out


def rules_top(features: dict[str, float]) -> str:
    """The rules' first category of a pair with ``features``: the one of their categories
    (``rule:``) with the largest vote (``vote:``), "" when they name none."""
    rules = [f[5:] for f in features if f.startswith("rule:")]
    return max(rules, key=lambda c: (features.get("vote:" + c, 0.0), c), default="")


# The least probability at which the model lets stand a watch-out's category that the rules name
# beside their vote (``materiality.version_categories``): the model was fitted on the rules' voted
# categories, and a watch-out it finds this unlikely is mostly a formula a rewrite says again.
WATCH_OUT_MIN = 0.1

# The watch-outs of the dispute forum: which law governs, which courts hear disputes, who
# indemnifies whom. A whole clause saying one of them that a version adds ("This DPA is governed by
# French law.", "... the exclusive jurisdiction of the competent courts of Paris") is named however
# large the rewrite around it: a reader is now bound to that law, court or indemnity. The hand
# labels of the dev pairs the model was not fitted on (x, y, zzz) name each of the 7 such clauses
# the model gives less than ``WATCH_OUT_MIN`` (it was fitted on sets whose labels left such a clause
# out of a rewrite's summary 7 times in 7). A removed one is left to the model (the labels name it
# 2 times in 7 where the model doubts it), and so is a forum clause only edited around the same law
# or court (a product renamed in it).
_FORUM_WATCH_OUTS = frozenset({"governing-law", "jurisdiction", "indemnity"})


def forum_clauses(diffs: Sequence[Any], labels: Sequence[Any], every: set[str] | frozenset[str]) -> set[str]:
    """The dispute-forum watch-outs (``_FORUM_WATCH_OUTS``) of ``every`` (the watch-outs'
    categories the rules name, ``materiality.version_categories(..., capped=False)``) that a
    whole clause added by a material change adds. ``diffs``, ``labels``: as for
    ``pair_features``. Returns a set of category ids (empty when none)."""
    found: set[str] = set()
    for diff, label in zip(diffs, labels):
        if label.material and getattr(diff, "kind", "") == "added":
            found |= set(label.watch_added) & _FORUM_WATCH_OUTS
    return found & set(every)


# Words that say a model is trained (en/fr/de): "including to train the model(s) which powers our
# services", "used for machine learning/AI training", "no data will be used for training",
# "entraîner nos modèles", "um unsere Modelle zu trainieren". Not "fine-tune", which also says what
# users adjust ("fine-tune which apps can access your location").
_TRAINING = re.compile(r"\b(?:train|trains|trained|training|entra[iî]n\w*|trainier\w*)\b", re.I)


def training_changes(diffs: Sequence[Any], labels: Sequence[Any]) -> bool:
    """Whether a material change about AI training (``ai-training`` among its own categories)
    inserts or deletes words that say a model is trained (``_TRAINING``): data newly used to train
    models, or no longer, or a promise not to. The taxonomy names AI training on its own, and a
    reader looks for it first, however small the change beside a rewrite; the vote of a privacy
    policy's rewrite outvotes it (its three-topic cut), and the model, fitted on labels that left
    it out of rewrites, doubts it. The hand labels of the newer dev sets (zzz and later, labelled
    as held-out data is) name AI training in each of their 7 pairs with such a change (2 of them
    missed before this rule); those of a-o, labelled earlier, in neither of their 2. A change that
    only names AI as a tool of the provider ("through artificial intelligence", "AI-powered
    matching") is left to the vote. ``diffs``, ``labels``: as for ``pair_features``."""
    for diff, label in zip(diffs, labels):
        if label.material and "ai-training" in label.categories:
            ins, dels = _changed_text(diff)
            if _TRAINING.search(ins) or _TRAINING.search(dels):
                return True
    return False


# The title of a privacy notice (en/fr/de): "Payments Privacy Notice", "Privacy Policy", "Privacy
# Statement", "Politique de confidentialité", "Protection des données personnelles", "Datenschutzerklärung".
_PRIVACY_TITLE = re.compile(r"\b(?:privacy (?:notice|policy|statement)|data protection (?:notice|policy)|"
                            r"datenschutz\w*|politique de confidentialit[ée]|protection des données)\b", re.I)


def payment_data(categories: set[str], new: str) -> set[str]:
    """``categories`` of a version of ``new`` with payment read as privacy in a privacy notice (its
    title, ``_PRIVACY_TITLE``): the card details, payment methods and payment checks a privacy
    notice names are personal data it collects, uses and shares (taxonomy: privacy), not billing
    terms, and its payment words outvote its data words (a payment service's privacy notice is
    mostly about payments: its topic profile's largest share). Of the 5 such versions the
    tracker named payment for in the dev sets, the hand labels name privacy alone for 4 (a
    payments privacy notice rewritten, a payment institution no longer a recipient of data) and
    payment for 1. Pricing stays (the labels name a plan's price in a dating site's privacy policy).
    Returns a new set, or ``categories`` itself when nothing changes."""
    if "payment" not in categories:
        return categories
    from tracker.analysis.materiality import _title as title

    if not _PRIVACY_TITLE.search(title(new)):
        return categories
    return (categories - {"payment"}) | {"privacy"}


def version_categories(diffs: Sequence[Any], labels: Sequence[Any], new: str,
                       model: dict[str, Any] | None = None) -> tuple[str, ...]:
    """A material version's categories: the learned model's where its file ships, else the rules'
    (``materiality.version_categories``). The rules' stand too when they name none (no material
    change), in ``TRACKER_MATERIALITY=rules`` mode and with ``TRACKER_CATEGORIES=rules`` (set by
    ``benchmarks/material_dev.py --rules-categories`` to measure the hand rules' categories beside
    the learned materiality decision: the model is fitted on the dev sets, so its figures there
    are in-sample). The model reads the rules' voted categories (``watch_outs=False``: those it
    was fitted on); a watch-out's category the rules name beside their vote is added when the
    model gives it at least ``WATCH_OUT_MIN``, and a dispute-forum watch-out of a clause the
    version adds whatever the model gives it (``forum_clauses``), and AI training where a change
    about it says a model is trained (``training_changes``); payment in a privacy notice is read as
    privacy (``payment_data``). ``diffs``, ``labels``, ``new``: as for
    ``pair_features``; ``model``: a fitted model to use instead of the shipped one. Returns ids in
    taxonomy order."""
    from tracker.analysis.decision import mode
    from tracker.analysis.materiality import version_categories as rules_categories

    rules = rules_categories(labels, new)
    if not rules or mode() == "rules" or os.environ.get("TRACKER_CATEGORIES", "").strip().lower() == "rules":
        return rules
    model = model or load_model()
    if model is None:
        return rules
    # The model reads the rules' categories as it was fitted on them (the watch-outs left to the
    # vote); a watch-out the rules name besides is added unless the model finds it unlikely.
    voted = rules_categories(labels, new, watch_outs=False)
    # (every watch-out's category, past the rules' cap of six: the model weighs each)
    every = set(rules_categories(labels, new, capped=False)) - set(voted)
    # Decided without the document's topic profile when it cannot change the answer (most
    # pairs): the profile reads the whole new text, whatever the size of the change.
    some, at = _features_but_document(diffs, labels, new, voted)
    found = _decided_without_document(some, model, every)
    if found is None:
        feats = _with_document(some, at, new)
        kept = set(predict(feats, model))
        extra = every - kept
        if extra:
            probs = probabilities(feats, model)
            kept |= {c for c in extra if probs.get(c, 1.0) >= WATCH_OUT_MIN}
    else:
        kept = found
    kept -= unshown(kept - set(voted) - every, some, new)
    kept |= forum_clauses(diffs, labels, every)
    if "ai-training" not in kept and training_changes(diffs, labels):
        kept.add("ai-training")  # (a model trained on the data, or no longer: named whatever its vote)
    # a value replaced in a change's own topic is named whatever the model gives it (the refund
    # window of "14 days instead of 30" beside a new arbitration clause)
    from tracker.analysis.materiality import valued_categories

    kept |= set(valued_categories(labels))
    # payment in a privacy notice is data it names (``payment_data``)
    kept = payment_data(kept, new)
    from tracker.analysis.classify import CATEGORIES

    return tuple(c for c in CATEGORIES if c in kept)


# Slack on a logit bound: the bounded logit sums the same terms in another order than
# ``probabilities`` (rounding differs in the last bits), and a decision this close to a threshold
# is left to the exact computation.
_BOUND_SLACK = 1e-6


def _document_bounds(model: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Per category, the least and the most the ``doc:`` features can add to its logit: the
    profile's shares are at least 0 and sum to 1 (or there are none), so their weighted sum is
    between the smallest and the largest ``doc:`` weight, 0 included (a category the profile
    names without a weight weighs 0). Those of the last model asked for are kept (by identity: a
    model is not changed in place once in use; ``scripts/train_categories.py`` builds each anew)."""
    global _BOUNDS
    if _BOUNDS is not None and _BOUNDS[0] is model:
        return _BOUNDS[1]
    got = {}
    for c in model["categories"]:
        weights = [w for f, w in model["coef"][c].items() if f.startswith("doc:")] + [0.0]
        got[c] = (min(weights), max(weights))
    _BOUNDS = (model, got)
    return got


_BOUNDS: tuple[dict[str, Any], dict[str, tuple[float, float]]] | None = None


def _decided_without_document(features: dict[str, float], model: dict[str, Any],
                              every: set[str]) -> set[str] | None:
    """``version_categories``'s answer, as a set, from the pair's ``features`` without the
    ``doc:`` ones (``pair_features(..., document=False)``) when every probability it compares
    with a threshold is on the same side of it whatever the document's topic profile is (see
    ``_document_bounds``); None when one may not be, or when the model's decision needs the
    probabilities' order (more categories than its cap, none kept) or is of a kind this does not
    follow (pooled, augment, guard, max_total): the exact computation then decides.

    ``every``: the watch-outs' categories the rules name beside their vote (each kept when its
    probability is at least ``WATCH_OUT_MIN``)."""
    if (model.get("kind") == "pooled" or "augment" in model or model.get("combine", "") not in ("", "union")
            or int(model.get("max_total", 0)) > 0 or not isinstance(model.get("intercept"), dict)):
        return None
    bounds = _document_bounds(model)

    def side(c: str, threshold: float) -> bool | None:
        """Whether category ``c``'s probability reaches ``threshold`` for any profile; None: it depends."""
        coef = model["coef"][c]
        z = float(model["intercept"][c]) + sum(v * coef[f] for f, v in features.items() if f in coef)
        lo, hi = bounds[c]
        p_lo = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z + lo - _BOUND_SLACK))))
        p_hi = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z + hi + _BOUND_SLACK))))
        if p_lo >= threshold:
            return True
        if p_hi < threshold:
            return False
        return None

    evidence = bool(model.get("evidence", False))
    # the rules' categories, kept whatever their probability ("union")
    rules = {f[5:] for f in features if f.startswith("rule:")} if model.get("combine", "") == "union" else set()
    found: set[str] = set()
    maybe = 0  # categories that may reach their threshold
    for c in model["categories"]:
        if evidence and not evident(features, c):
            continue  # (never kept by the model)
        reached = side(c, max(float(model["threshold"][c]), MIN_THRESHOLD))
        if reached is None and c not in rules:
            return None
        if reached is not False:
            maybe += 1
            if reached:
                found.add(c)
    if maybe > int(model.get("max_categories", 9)):
        return None  # (the likeliest are kept: their order needs the probabilities)
    found |= rules
    if not found:
        return None  # (the likeliest one alone)
    for c in every - found:
        if c not in bounds:
            found.add(c)  # (``probabilities`` has none for it: kept)
            continue
        reached = side(c, WATCH_OUT_MIN)
        if reached is None:
            return None
        if reached:
            found.add(c)
    return found

"""Measure the classifier: CLAUDETTE watch-out F1, ToS;DR category recall, speed.

Run by hand from the repo root (needs ../shared, or TRACKER_SHARED):

    .venv/bin/python benchmarks/quality.py [claudette] [tosdr] [speed]
    .venv/bin/python benchmarks/quality.py speed-models [--tosdr] OLD.json NEW.json [...]

``speed-models`` times the same 10,000 sentences with each watch-out model in turn, alternating
(CPU seconds of this process, so other load on the machine counts less), 5 rounds.

Data: CLAUDETTE via LexGLUE UNFAIR-ToS (CC BY 4.0); ToS;DR points (CC BY-SA 3.0). The data stays
in ../shared; nothing here is copied into the repository.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from _shared import require  # noqa: E402
from tracker.analysis.classify import CATEGORIES, classify_many, classify_text, clear_caches  # noqa: E402

CLAUDETTE = {"a": "arbitration", "ch": "terms-changes", "cr": "content-removal",
             "j": "jurisdiction", "law": "governing-law", "ltd": "liability",
             "ter": "termination", "use": "acceptance"}

# ToS;DR cases that clearly belong to one taxonomy category (case title -> category).
TOSDR_CASES: dict[str, str] = {
    # liability
    "The service is provided 'as is' and to be used at the users' sole risk": "liability",
    "The service provider makes no warranty regarding uninterrupted, timely, secure or "
    "error-free service": "liability",
    "This service assumes no liability for any losses or damages resulting from any matter "
    "relating to the service": "liability",
    "The service does not guarantee accuracy or reliability of the information provided":
        "liability",
    "Any liability on behalf of the service is only limited to the fees you paid as a user":
        "liability",
    "This service does not guarantee that it or the products obtained through it meet the "
    "users' expectations or requirements": "liability",
    "This services gives no guarantee regarding quality": "liability",
    # indemnity
    "You agree to defend, indemnify, and hold the service harmless in case of a claim related "
    "to your use of the service": "indemnity",
    "You are solely responsible for claims made against the service and agree to indemnify and "
    "hold harmless the service.": "indemnity",
    # jurisdiction / governing law
    # This case holds both venue and governing-law quotes: either category counts as a hit.
    "The court of law governing the terms is in location X": "jurisdiction|governing-law",
    # termination
    "The service can delete your account without prior notice and without a reason":
        "termination",
    "The service can suspend your account for several reasons": "termination",
    "User accounts can be terminated after having been in breach of the terms of service "
    "repeatedly": "termination",
    "The service gives 30 days of notice before closing your account": "termination",
    # terms changes
    "Terms may be changed any time at their discretion, without notice to the user":
        "terms-changes",
    "The service may change its terms at any time, but the user will receive notification of "
    "the changes.": "terms-changes",
    "Users should revisit the terms periodically, although in case of material changes, the "
    "service will notify": "terms-changes",
    "When the service wants to make a material change to its terms, users are notified at "
    "least 30 days in advance": "terms-changes",
    "When the service wants to change its terms, users are notified a week or more in advance.":
        "terms-changes",
    # content removal
    "The service can delete specific content without reason and may do it without prior notice":
        "content-removal",
    "This service can delete your content if you violate the terms": "content-removal",
    "If you are the target of a copyright claim, your content may be removed": "content-removal",
    # content rights
    "You maintain ownership of your data": "content-rights",
    "This service can use your content for all their existing and future services":
        "content-rights",
    "The service can distribute your content through any media known now or in the future":
        "content-rights",
    "If you offer suggestions to the service, they become the owner of the ideas that you give "
    "them": "content-rights",
    "You waive your moral rights": "content-rights",
    "The copyright license maintained by the service over user data and/or content is broader "
    "than necessary.": "content-rights",
    "This service can license user content to third parties": "content-rights",
    "This service keeps a license on user-generated content even after users close their "
    "accounts.": "content-rights",
    # class action / arbitration
    "You waive your right to a class action.": "class-action",
    "This service forces users into binding arbitration in the case of disputes": "arbitration",
    # refunds / subscription / payment
    "The service has a no refund policy": "refunds",
    "Users are entitled to a refund if certain thresholds or standards are not met by the "
    "service": "refunds",
    "You authorise the service to charge a credit card supplied on re-occurring basis":
        "payment",
    # service changes
    "They may stop providing the service at any time": "service-changes",
    # eligibility
    "This service is only available to users over a certain age": "eligibility",
    # usage rules
    "You are responsible for maintaining the security of your account and for the activities "
    "on your account": "usage-rules",
    "Users agree not to submit libelous, harassing or threatening content": "usage-rules",
    "Users agree not to use the service for illegal purposes": "usage-rules",
    "Spidering or crawling is not allowed": "usage-rules",
    "This service prohibits users sending chain letters, junk mail, spam or any unsolicited "
    "messages": "usage-rules",
    "Users shall not interfere with another person's enjoyment of the service": "usage-rules",
    "Users cannot scrape the website of the service": "usage-rules",
    # privacy
    "You can request access and deletion of personal data": "privacy",
    "This service does not sell your personal data": "privacy",
    "The service can sell or otherwise transfer your personal data as part of a bankruptcy "
    "proceeding or other type of financial transaction.": "privacy",
    "The service may use tracking pixels, web beacons, browser fingerprinting, and/or device "
    "fingerprinting on users.": "privacy",
    "This service gathers information about you through third parties": "privacy",
    "Your personal data is given to third parties": "privacy",
    "The service uses your personal data to employ targeted third-party advertising": "privacy",
    "This service may collect, use, and share location data": "privacy",
    "Your data may be processed and stored anywhere in the world": "privacy",
    "This service uses third-party cookies for statistics": "privacy",
}


def read_jsonl(rel: str) -> list[dict]:
    path = require(rel)  # exits 0 saying what is missing
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def claudette_f1(split: str = "validation") -> tuple[float, dict[str, tuple[float, float, float]]]:
    """Macro-F1 of `watch` over the eight CLAUDETTE categories; per label (P, R, F1)."""
    rows = [r for r in read_jsonl("claudette/unfair_tos_trainval.jsonl") if r["split"] == split]
    preds = classify_many(r["text"] for r in rows)
    per: dict[str, tuple[float, float, float]] = {}
    for short, cat in CLAUDETTE.items():
        tp = fp = fn = 0
        for r, lab in zip(rows, preds):
            gold, pred = short in r["labels"], cat in lab.watch
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
        p = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[cat] = (p, rec, f1(tp, fp, fn))
    return sum(v[2] for v in per.values()) / len(per), per


def tosdr_recall() -> dict[str, tuple[int, int]]:
    """Per category: (quotes whose `categories` include it, quotes mapped to it)."""
    hits: Counter = Counter()
    total: Counter = Counter()
    for r in read_jsonl("tosdr/points.jsonl"):
        cat = TOSDR_CASES.get(r["case"])
        text = (r.get("quote_text") or "").strip()
        if not cat or not text:
            continue
        total[cat] += 1
        hits[cat] += bool(set(cat.split("|")) & set(classify_text(text).categories))
    return dict(sorted(((c, (hits[c], total[c])) for c in total),
                       key=lambda kv: CATEGORIES.index(kv[0].split("|")[0])))


def speed(n: int = 10_000, runs: int = 5) -> float:
    """Median seconds to classify n distinct sentences (cache cleared before each run)."""
    rows = read_jsonl("claudette/unfair_tos_trainval.jsonl")
    texts = [r["text"] for r in rows]
    texts = [f"{i} {texts[i % len(texts)]}" for i in range(n)]  # distinct: no cache hits
    classify_text("warm up the model")
    times = []
    for _ in range(runs):
        clear_caches()
        t0 = time.perf_counter()
        classify_many(texts)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def speed_models(paths: list[str], n: int = 10_000, rounds: int = 5) -> None:
    """Median wall and CPU seconds to classify n distinct sentences with each model file,
    models alternating round by round so that load on the machine hits them alike. With
    ``--tosdr`` first, the sentences are ToS;DR quotes (text the model was not trained on)
    instead of CLAUDETTE's."""
    from tracker.analysis import classify
    from tracker.analysis.classify import split_sentences

    if paths[:1] == ["--tosdr"]:
        paths = paths[1:]
        texts = [s for r in read_jsonl("tosdr/points.jsonl")
                 for s in split_sentences(r.get("quote_text") or "")]
    else:
        texts = [r["text"] for r in read_jsonl("claudette/unfair_tos_trainval.jsonl")]
    texts = [f"{i} {texts[i % len(texts)]}" for i in range(n)]
    wall: dict[str, list[float]] = {p: [] for p in paths}
    cpu: dict[str, list[float]] = {p: [] for p in paths}
    for _ in range(rounds):
        for p in paths:
            classify.MODEL_PATH = Path(p)
            classify._model.cache_clear()
            classify_text("warm up the model")
            clear_caches()
            t0, c0 = time.perf_counter(), time.process_time()
            classify_many(texts)
            wall[p].append(time.perf_counter() - t0)
            cpu[p].append(time.process_time() - c0)
    for p in paths:
        print(f"{p}: classify {n:,} sentences: wall median {statistics.median(wall[p]):.2f} s, "
              f"CPU median {statistics.median(cpu[p]):.2f} s "
              f"(CPU runs {' '.join(f'{x:.2f}' for x in cpu[p])})")


def main(args: list[str]) -> None:
    if args[:1] == ["speed-models"]:
        speed_models(args[1:])
        return
    todo = set(args) or {"claudette", "tosdr", "speed"}
    if "claudette" in todo:
        macro, per = claudette_f1()
        print(f"CLAUDETTE validation watch macro-F1: {macro * 100:.1f}")
        for cat, (p, r, f) in per.items():
            print(f"  {cat:16} P {p * 100:5.1f}  R {r * 100:5.1f}  F1 {f * 100:5.1f}")
    if "tosdr" in todo:
        rec = tosdr_recall()
        hit, tot = sum(h for h, _ in rec.values()), sum(t for _, t in rec.values())
        print(f"ToS;DR category recall on mapped quotes: {hit / tot * 100:.1f} ({hit}/{tot})")
        for cat, (h, t) in rec.items():
            print(f"  {cat:28} {h / t * 100:5.1f}  ({h}/{t})")
    if "speed" in todo:
        print(f"classify 10,000 sentences: median {speed():.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])

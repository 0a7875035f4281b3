"""The sampler of the blind held-out label batches j and k (and any later one): draws real
consecutive version pairs to hand-label, without importing the tracker.

Used by ``scripts/sample_labels_j.py`` and ``sample_labels_k.py``, which fix each batch's seed and
strata (``draw``). Batches h and i were drawn by their own, older scripts (another language check),
kept as they ran.

Procedure:
  1. population: every commit that modifies a file (status M) in either bundle, minus every
     (commit, file) already labelled in the batches before this one
     (benchmarks/data/material_labels_[a-PREV].jsonl: the batch's own file is left out so that a
     re-run draws the same pairs; a "pairs" record is resolved through its pairs/ folder's
     meta.json) and every pair under ../shared/data/ota/pairs/ (its meta.json);
  2. each file gets a language from its newest text (stop-word counts over prose only: link
     targets, URLs and images are dropped and only lines of at least 6 words count, so a menu of
     product links whose URLs say "?hl=en" does not make an English page Dutch); strata by
     language as the batch sets them (``target``), then, with ``total``, English again until
     ``total`` pairs; within each language pass, 2/3 of draws come from "favoured" files (AI
     services, developer platforms, commercial/billing/pricing terms, privacy policies) and 1/3
     from the rest (the other half of the language when one runs dry);
  3. a draw picks a file uniformly at random in the stratum, then one of its pairs uniformly
     at random; it is skipped (and logged) when the service already has 3 pairs, when the
     pair differs only in whitespace, when the after text equals an earlier version of the
     file (a revert), when more than 400 lines changed, or when the pair's own after text is
     not in the stratum's language.
"""
from __future__ import annotations

import difflib
import glob
import json
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

FAVOURED_SHARE = 2 / 3
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# AI services and developer/commercial platforms (named before any pair was looked at).
FAVOURED_SERVICES = {
    "Hugging Face", "Google Antigravity", "Grammarly", "Limitless", "GitHub", "GitLab",
    "Google Cloud Platform", "Amazon Web Services", "Cloudflare", "OVHcloud", "Scaleway",
    "Scalingo", "Hetzner", "Atlassian", "Linear", "Better Stack", "Hygraph", "GraphCMS",
    "Mailjet", "Sendinblue", "IPinfo", "Alpha Vantage", "Google APIs", "Microsoft", "Zoom",
    "Miro", "WPEngine", "Wix", "Overleaf", "sourcehut", "Wolfram", "WolframAlpha",
    "WeChat Open Platform", "Amazon Seller Central", "Amazon Advertising", "Google Ads",
    "Facebook Ads", "PayPal", "Wise", "Stack Overflow", "HackerOne", "Polyfill.io",
    "Arweave", "Solana", "Ethereum", "Coinbase", "Kraken", "Binance", "OKX", "Flutterwave",
    "Vanco Payment Solutions", "Facebook Payments", "Google Pay", "Amazon Monthly Payments",
    "Bing", "Snapchat", "Mattermost beta.gouv.fr", "Tresorit", "Jottacloud", "Proton Mail",
}
FAVOURED_DOC = re.compile(r"privacy|commercial|developer|processor|controller|service level|"
                          r"purchase|seller|partner|billing|pricing|payment", re.I)

STOP = {
    "en": "the and of to you your is that for with are this or by we our".split(),
    "fr": "le la les des et vous votre vos est que pour avec nous sur une dans".split(),
    "de": "der die und das sie ihre ist mit wir von für nicht zu den ein".split(),
    "sv": "och att det som för med är vi av till du dina på".split(),
    "nl": "het een van en je uw zijn wij voor met op niet".split(),
    "es": "el los las de y que para con su sus por una usted".split(),
    "it": "il di che per con sono una della dei non gli".split(),
    "cs": "a se na je že pro které nebo jsou služby".split(),
    "no": "og det som for med er vi av til du på ikke".split(),
}


def lang_of(text: str) -> str:
    """Most likely language code of `text` by stop-word counts ('en', 'fr', 'de', ...).

    Counts prose only: Markdown link targets, bare URLs and images are removed first, and only
    lines of at least 6 words are counted (menus, headings and link lists are short lines), so
    navigation cannot decide the language; falls back to the whole text when it has no such line.
    """
    text = text[:60000]
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)          # images
    text = re.sub(r"\]\([^)]*\)", "] ", text)                    # link targets
    text = re.sub(r"(?:https?:)?//\S+|www\.\S+", " ", text)       # bare URLs
    word_re = r"[a-zà-ÿčřšžýáíéěůú]+"
    prose = [ln for ln in text.lower().splitlines() if len(re.findall(word_re, ln)) >= 6]
    words = re.findall(word_re, "\n".join(prose) if prose else text.lower())
    counts = {lang: 0 for lang in STOP}
    sets = {lang: set(ws) for lang, ws in STOP.items()}
    for w in words:
        for lang, s in sets.items():
            if w in s:
                counts[lang] += 1
    return max(counts, key=lambda k: counts[k])


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True, errors="replace").stdout


def blob(repo: str, sha: str) -> str:
    return git(repo, "cat-file", "blob", sha)


def draw(batch: str, seed: int, target: dict[str, int], total: int | None = None,
         exclude_samples: tuple[str, ...] = ()) -> None:
    """Draw batch ``batch`` (one letter) from the clones named on the command line
    (``CONTRIB_CLONE DATING_CLONE [OUT.jsonl]``, OUT by default ``sample_<batch>.jsonl``) and write
    one JSON line per pair (bundle, commit, parent, file, service, document, language, stratum);
    skipped draws are logged on stderr with the reason. ``seed``: the random seed; ``target``:
    pairs per language pass ("en", "fr", "xx" = German or any other language; a pass takes what
    remains when its language runs dry); ``total``: with it, a last English pass tops the batch up
    to ``total`` pairs; ``exclude_samples``: sample files (paths relative to the repository root)
    of batches drawn at the same time whose labels are not committed yet: their pairs are excluded
    too (once those labels are committed, the label files exclude the same pairs)."""
    if len(sys.argv) < 3:
        sys.exit(f"usage: python scripts/sample_labels_{batch}.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]")
    contrib, dating = sys.argv[1:3]
    out = sys.argv[3] if len(sys.argv) > 3 else f"sample_{batch}.jsonl"
    # the batches labelled before this one: a to prev for a letter; every other batch for a
    # two-letter name (zz, drawn when the letters ran out)
    earlier = f"[a-{chr(ord(batch) - 1)}]" if len(batch) == 1 else "*"
    repos = {"data/ota/contrib-versions.bundle": contrib, "data/ota/dating-versions.bundle": dating}

    done: set[tuple[str, str]] = set()
    for f in glob.glob(str(ROOT / f"benchmarks/data/material_labels_{earlier}.jsonl")):
        if f.endswith(f"_{batch}.jsonl"):
            continue
        for line in open(f):
            r = json.loads(line)
            if r.get("commit"):
                done.add((r["commit"], r["file"]))
            elif r.get("source") == "pairs":
                # batches a/b point at a pairs/ folder; its meta.json names commit and file
                meta = SHARED / r["path"] / "meta.json"
                if meta.exists():
                    m = json.loads(meta.read_text())
                    done.add((m["commit"], m["path"]))
    for sample in exclude_samples:
        if (ROOT / sample).exists():
            for line in open(ROOT / sample):
                r = json.loads(line)
                done.add((r["commit"], r["file"]))
    for m in glob.glob(str(SHARED / "data/ota/pairs/*/meta.json")):
        r = json.load(open(m))
        done.add((r["commit"], r["path"]))

    # file key (bundle, path) -> list of (commit, parent, old blob, new blob), oldest first
    files: dict[tuple[str, str], list[tuple[str, str, str, str, str]]] = defaultdict(list)
    for bundle, repo in repos.items():
        commit = parent = ""
        for line in git(repo, "log", "--reverse", "--format=C %H %P", "--raw", "--no-abbrev",
                        "--no-renames").splitlines():
            if line.startswith("C "):
                parts = line.split()
                commit, parent = parts[1], (parts[2] if len(parts) > 2 else "")
            elif line.startswith(":"):
                meta, path = line.split("\t", 1)
                _, _, old, new, status = meta.split()
                if path.endswith(".md") and "/" in path:
                    files[(bundle, path)].append((commit, parent, old, new, status))

    strata: dict[tuple[str, bool], list[tuple[str, str]]] = defaultdict(list)
    for key, hist in files.items():
        bundle, path = key
        if not any(h[4] == "M" and (h[0], path) not in done for h in hist):
            continue
        lang = lang_of(blob(repos[bundle], hist[-1][3]) if hist[-1][4] != "D" else blob(repos[bundle], hist[-1][2]))
        service, doc = path.split("/", 1)
        fav = service in FAVOURED_SERVICES or bool(FAVOURED_DOC.search(doc))
        strata[("en" if lang == "en" else "fr" if lang == "fr" else "xx", fav)].append(key)
    for k in sorted(strata):
        print("stratum", k, len(strata[k]), "files", file=sys.stderr)

    rng = random.Random(seed)
    per_service: dict[str, int] = defaultdict(int)
    used: set[tuple[str, str]] = set()
    picked: list[dict] = []
    # a last English pass tops the batch up to TOTAL when fr/xx ran short
    for lang in ("en", "fr", "xx", "en+"):
        want = target[lang] if lang in target else (total or 0) - len(picked)
        lang = lang.rstrip("+")
        if want <= 0:
            continue
        n_fav = round(want * FAVOURED_SHARE)
        for fav, need in ((True, n_fav), (False, want - n_fav)):
            pool = list(strata[(lang, fav)])
            got = 0
            tries = 0
            switched = False
            while got < need and tries < 5000:
                tries += 1
                if not pool:
                    if switched:
                        break  # both halves of the language exhausted: take what remains
                    # stratum exhausted: fall back to the other half of the same language
                    pool = [k for k in strata[(lang, not fav)]]
                    fav = not fav
                    switched = True
                    continue
                key = rng.choice(pool)
                bundle, path = key
                repo = repos[bundle]
                service, doc = path.split("/", 1)
                hist = files[key]
                cands = [(i, h) for i, h in enumerate(hist)
                         if h[4] == "M" and (h[0], path) not in done and (h[0], path) not in used]
                if not cands:
                    pool.remove(key)
                    continue
                if per_service[service] >= 3:
                    pool.remove(key)
                    print(f"skip service-cap {bundle} {path}", file=sys.stderr)
                    continue
                i, (commit, parent, old, new, _) = rng.choice(cands)
                used.add((commit, path))
                before, after = blob(repo, old), blob(repo, new)
                earlier = {h[3] for h in hist[:i]} | {h[2] for h in hist[:i + 1]}
                why = ""
                if re.sub(r"\s+", "", before) == re.sub(r"\s+", "", after):
                    why = "whitespace-only"
                elif new in earlier:
                    why = "exact revert to an earlier version"
                else:
                    changed = sum(1 for d in difflib.ndiff(before.splitlines(), after.splitlines())
                                  if d[:1] in "+-")
                    if changed > 400:
                        why = f"very large diff ({changed} changed lines)"
                    else:
                        plang = lang_of(after)
                        if ("en" if plang == "en" else "fr" if plang == "fr" else "xx") != lang:
                            why = f"pair text is {plang}, stratum {lang}"
                if why:
                    print(f"skip {why}: {bundle} {commit} {path}", file=sys.stderr)
                    continue
                per_service[service] += 1
                got += 1
                picked.append({"bundle": bundle, "commit": commit, "parent": parent, "file": path,
                               "service": service, "document": doc[:-3],
                               "language": lang_of(after), "stratum": [lang, fav]})
    with open(out, "w") as fh:
        for p in picked:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(len(picked), "pairs drawn", file=sys.stderr)


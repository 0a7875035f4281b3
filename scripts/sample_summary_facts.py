"""Draws the 30 held-out documents of the summary's standard facts (benchmarks/data/summary_facts.jsonl,
lines 61-90, split "heldout"), without importing the tracker, so that they can be labelled blind.

Procedure (seed 20261211):
  1. population: the latest version (the main branch's tree) of every Terms of Service, Privacy
     Policy, Commercial Terms or Developer Terms file of ../shared/data/ota/contrib-versions.bundle,
     minus the paths already in summary_facts.jsonl and files under 2,000 characters;
  2. each file gets a language from stop-word counts over its prose lines (lines of 6 words or more);
  3. strata: 3 French or German files; then 15 English files of "favoured" services (AI services and
     paid platforms: subscriptions, marketplaces, cloud and developer platforms, a hand list below,
     fixed before drawing) and 12 English files of the rest; a draw is uniform within its stratum and
     skipped when its service already has a document in the sample.
Prints one JSON line per document: n (61-90), split, bundle, commit (the last commit touching the
file), path, lang, stratum.

Run: python scripts/sample_summary_facts.py [CLONE]   (CLONE: a clone of the bundle's main branch;
default: cloned into the temp folder once)
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "summary_facts.jsonl"
BUNDLE = ROOT.parent / "shared" / "data" / "ota" / "contrib-versions.bundle"
SEED = 20261211
TYPES = ("Terms of Service.md", "Privacy Policy.md", "Commercial Terms.md", "Developer Terms.md")
FAVOURED = set("""Hugging Face|Google Antigravity|Grammarly|Wolfram|WolframAlpha|Limitless|Alexa|Bing|Microsoft|
Proctorio|Palantir|Miro|Linear|Quora|Zoom|Snapchat|Persumi|Netflix|Spotify|Crunchyroll|Viaplay|Qobuz|Amazon Prime|
Amazon Music|Amazon Coins|Amazon Kindle Store|Amazon Web Services|Amazon Appstore|App Store|Microsoft Store|Google Play|
Google One|Google Cloud Platform|Google APIs|iCloud|Steam|PlayStation Network|Roblox|Twitch|OnlyFans|Substack|Bandcamp|
DistroKid|Coursera|O'Reilly|Tinder|Match|Bumble|Zoosk|OkCupid|happn|Badoo|NordVPN|Mullvad|ProtonVPN|Proton Mail|
ProtonMail|Tresorit|Jottacloud|Evernote|WeTransfer|Wix|WordPress.com|WPEngine|Hetzner|OVHcloud|Scaleway|Scalingo|
Cloudflare|GitHub|GitLab|Atlassian|Better Stack|Hygraph|GraphCMS|Mailjet|Sendinblue|SurveyMonkey|Overleaf|MDN Plus|
Vimeo|Discord|Telegram|Kick|Xing|LinkedIn|Financial Times|The New York Times|Instacart|Lyft|Deliveroo|Airbnb|
Booking.com|Vinted|eBay|Wise|PayPal|Binance|Coinbase|Kraken|OKX|Blizzard|Blizzard Entertainment|Wargaming|
Paradox Interactive|IndieGala|Starlink|Xfinity|Verizon|Visible|Sonic.net|Windstream|Vodafone.ie|Epassi|Lydia|
Amazon Seller Central|Google Ads|Facebook Ads|Amazon Advertising|Flutterwave|Alpha Vantage|IPinfo|Dune|Sketchfab|
ArtStation|Skype|Meetup|Nextdoor|Yelp|Zillow|Gofile|MediaFire|Wire|Bitwarden|Brave|Arc|Base|Glass|Gartner""".replace("\n", "").split("|"))
STOP = {"en": "the and of to you your we our or in for is are with by this that".split(),
        "fr": "le la les des et vous votre nous de du est pour dans une sur".split(),
        "de": "der die das und sie ihre wir unsere ist mit von zu den für nicht".split()}


def language(text: str) -> str:
    """The language ("en", "fr", "de") whose stop words are most frequent in the text's prose lines."""
    words = [w for line in text.splitlines() if len(line.split()) >= 6
             for w in re.findall(r"[a-zà-ÿ]+", re.sub(r"\(http[^)]*\)", "", line).lower())]
    counts = {lang: sum(w in stop for w in words) for lang, stop in STOP.items()}
    return max(counts, key=lambda k: counts[k])


def main() -> None:
    if len(sys.argv) > 1:
        clone = Path(sys.argv[1])
    else:
        clone = Path(tempfile.gettempdir()) / "summary-facts-contrib"
        if not clone.exists():
            subprocess.run(["git", "clone", "-q", "-b", "main", str(BUNDLE), str(clone)], check=True)
    done = {json.loads(line)["path"] for line in LABELS.read_text().splitlines() if line.strip()
            and json.loads(line)["split"] != "heldout"}
    pools: dict[str, list[str]] = {"fr/de": [], "favoured": [], "rest": []}
    langs: dict[str, str] = {}
    for path in sorted(subprocess.run(["git", "-C", str(clone), "ls-files"], capture_output=True, text=True,
                                      check=True).stdout.splitlines()):
        if not path.endswith(TYPES) or path in done:
            continue
        text = (clone / path).read_text(errors="replace")
        if len(text) < 2000:
            continue
        langs[path] = language(text)
        if langs[path] != "en":
            pools["fr/de"].append(path)
        else:
            pools["favoured" if path.split("/")[0] in FAVOURED else "rest"].append(path)
    rng = random.Random(SEED)
    services: set[str] = set()
    n = 61
    for stratum, want in (("fr/de", 3), ("favoured", 15), ("rest", 12)):
        pool = list(pools[stratum])
        got = 0
        while got < want and pool:
            path = pool.pop(rng.randrange(len(pool)))
            if path.split("/")[0] in services:
                continue
            services.add(path.split("/")[0])
            commit = subprocess.run(["git", "-C", str(clone), "log", "-1", "--format=%H", "--", path],
                                    capture_output=True, text=True, check=True).stdout.strip()
            print(json.dumps({"n": n, "split": "heldout", "bundle": "data/ota/contrib-versions.bundle",
                              "commit": commit, "path": path, "lang": langs[path], "stratum": stratum}))
            n += 1
            got += 1
    print({k: len(v) for k, v in pools.items()}, file=sys.stderr)


if __name__ == "__main__":
    main()

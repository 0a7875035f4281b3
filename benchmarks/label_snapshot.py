"""Check that a speed change leaves every label and its evidence as it was.

    .venv/bin/python benchmarks/label_snapshot.py dump OUT.json   # with the code before
    .venv/bin/python benchmarks/label_snapshot.py dump NEW.json   # with the code after
    .venv/bin/python benchmarks/label_snapshot.py compare OUT.json NEW.json

``dump`` writes ``classify_text(...).to_dict()`` (categories, watch-outs, evidence) of every
CLAUDETTE sentence (7,807) and every ToS;DR quote (6,694, many of several sentences) from
../shared (or TRACKER_SHARED); ``compare`` prints how many differ and the first few, and exits
1 when any does. Nothing from the data is written into the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from _shared import require  # noqa: E402
from tracker.analysis.classify import classify_text  # noqa: E402


def texts() -> list[str]:
    """CLAUDETTE sentences, then ToS;DR quotes, in file order."""
    out = [json.loads(line)["text"] for line in
           require("claudette/unfair_tos_trainval.jsonl").open(encoding="utf-8")]
    out += [json.loads(line).get("quote_text") or "" for line in
            require("tosdr/points.jsonl").open(encoding="utf-8")]
    return out


def main(args: list[str]) -> int:
    if len(args) == 2 and args[0] == "dump":
        labels = [classify_text(t).to_dict() for t in texts()]
        Path(args[1]).write_text(json.dumps(labels), encoding="utf-8")
        print(f"{len(labels)} texts, {sum(bool(x['watch']) for x in labels)} with a watch-out")
        return 0
    if len(args) == 3 and args[0] == "compare":
        missing = [p for p in args[1:] if not Path(p).is_file()]
        if missing:
            print(f"no such snapshot: {', '.join(missing)} (write it with `dump` first)")
            return 2
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args[1:])
        if len(a) != len(b):
            print(f"different text counts: {len(a)} and {len(b)}")
            return 1
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        print(f"{len(differ)} of {len(a)} texts get other labels or evidence")
        for i in differ[:5]:
            print(f"  #{i}: {a[i]}\n      {b[i]}")
        return 1 if differ else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

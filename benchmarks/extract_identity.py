"""Check that extraction gives byte-identical text in this checkout and in another one.

Run: .venv/bin/python benchmarks/extract_identity.py --against DIR [--pages 300] [--snapshots 400]
     [--html-dir DIR]

Why: every archived text was made by the extractor; if a change to it (a faster converter path,
a different whitespace pass) changes one byte of its output, every document whose page shows that
case would get a new version on its next check, a "change" nobody made. So any change to
``tracker/extract`` is checked against the code before it (DIR: a checkout of it, for example
``git worktree add DIR main`` or ``git archive main | tar -x -C DIR``) on many varied pages:

- the benchmarks' generated terms pages (``bench_run.make_page`` with per-request noise), as the
  benchmark declares them (``select = ["main"]``, ``remove = [".cookie-banner"]``), whole, and
  with selectors that match many nested elements;
- the test fixtures (``tests/golden/extract/*.html``) and the demo's pages (every round), whole
  and with ``select = ["main"]``;
- real pages when ``../shared`` has them: ``--snapshots N`` historical snapshots sampled from
  Open Terms Archive's demo collection (``data/ota/demo-snapshots.bundle``, cloned once into
  ``~/.cache/tracker-bench``), each whole and with its service's declared ``select`` / ``remove``
  (``data/ota/declarations``) when there is one; and any ``--html-dir`` of ``*.html`` files.

Each case is extracted by each checkout in its own process (``tracker.extract.convert.extract``,
from that checkout's code only); the texts (or the error messages) are compared byte for byte.
Prints the counts and the first differences; exits 1 if any case differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCH_SELECT = (["main"], [".cookie-banner"])
DEMO_BUNDLE = "ota/demo-snapshots.bundle"
CACHE = Path.home() / ".cache" / "tracker-bench"

# A case: (name, raw bytes, content type, url, select, remove); selectors as JSON-able lists
# (ranges as their sources.toml tables), so that both checkouts read the same declarations.
Case = tuple[str, bytes, str, str, list[Any], list[Any]]


def generated_cases(pages: int) -> list[Case]:
    sys.path.insert(0, str(HERE))
    import bench_run

    cases: list[Case] = []
    for i in range(pages):
        raw = bench_run.add_noise(bench_run.make_page(i, i % 3).encode())
        url = f"http://127.0.0.1:8080/p/{i}.html"
        cases.append((f"bench {i} main", raw, "text/html; charset=utf-8", url, *BENCH_SELECT))
        if i % 10 == 0:
            cases.append((f"bench {i} whole", raw, "text/html; charset=utf-8", url, [], []))
            # many matches, nested in one another, in two selectors: kept in page order, once
            cases.append((f"bench {i} sections", raw, "text/html; charset=utf-8", url, ["section h3", "section"], []))
    return cases


def fixture_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted((ROOT / "tests" / "golden" / "extract").glob("*.html")):
        raw = path.read_bytes()
        cases.append((f"fixture {path.name}", raw, "text/html", "https://example.test/terms", [], []))
        cases.append((f"fixture {path.name} main", raw, "text/html", "https://example.test/terms", ["main"], []))
    sys.path.insert(0, str(ROOT))
    from tracker.cli import demo_pages

    for number, round_ in enumerate(demo_pages._rounds()):
        for path, html in sorted(round_.pages.items()):
            raw = html.encode()
            cases.append((f"demo round {number} {path}", raw, "text/html", f"http://127.0.0.1:9/{path}", [], []))
            cases.append((f"demo round {number} {path} main", raw, "text/html", f"http://127.0.0.1:9/{path}",
                          ["main"], [".cookie-banner", "nav"]))
    return cases


def _declared(service: str, doc_type: str, declarations: Path) -> tuple[list[Any], list[Any]] | None:
    """The select / remove Open Terms Archive declares for one document, if it is declared."""
    from tracker.ota.declarations import load_declarations

    target = declarations / f"{service}.json"
    if not target.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / target.name).write_bytes(target.read_bytes())
        for doc in load_declarations(Path(tmp)).documents:
            if doc.type == doc_type and not doc.parts:
                plain = [s if isinstance(s, str) else s.as_dict() for s in doc.select]
                return plain, [s if isinstance(s, str) else s.as_dict() for s in doc.remove]
    return None


def snapshot_cases(count: int) -> list[Case]:
    """``count`` real snapshots of the demo collection, sampled over its history (seeded)."""
    sys.path.insert(0, str(HERE))
    from _shared import shared_data

    bundle = shared_data(DEMO_BUNDLE)
    if count <= 0 or not bundle.exists():
        if count > 0:
            print(f"(no real snapshots: {bundle} not found)")
        return []
    repo = CACHE / "demo-snapshots"
    if not (repo / ".git").exists():
        print(f"cloning {bundle} into {repo} (once)...", flush=True)
        repo.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
    log = subprocess.run(["git", "-C", str(repo), "log", "--format=%H", "--name-only", "--", "*.html"],
                         capture_output=True, text=True, check=True).stdout
    pairs: list[tuple[str, str]] = []
    sha = ""
    for line in log.splitlines():
        if len(line) == 40 and " " not in line and "/" not in line:
            sha = line
        elif line.endswith(".html"):
            pairs.append((sha, line))
    picked = random.Random(14).sample(pairs, min(count, len(pairs)))
    declarations = shared_data("ota/declarations")
    cases: list[Case] = []
    for sha, path in picked:
        raw = subprocess.run(["git", "-C", str(repo), "show", f"{sha}:{path}"], capture_output=True, check=True).stdout
        service, _, name = path.partition("/")
        url = f"https://{service.lower().replace(' ', '-')}.example/{name[:-5].replace(' ', '-').lower()}"
        cases.append((f"snapshot {sha[:10]} {path}", raw, "text/html", url, [], []))
        declared = _declared(service, name[:-5], declarations)
        if declared is not None:
            cases.append((f"snapshot {sha[:10]} {path} declared", raw, "text/html", url, *declared))
    return cases


def dir_cases(directory: Path) -> list[Case]:
    return [(f"file {p.name}", p.read_bytes(), "text/html", f"https://files.example/{p.stem}", [], [])
            for p in sorted(directory.glob("*.html"))]


def dump(cases_file: Path, out_file: Path) -> None:
    """In a checkout's own process: extract every case, write name -> (sha256 or error, text)."""
    from tracker.errors import ExtractError
    from tracker.extract.convert import extract
    from tracker.sources.config import Range

    def selectors(items: list[Any]) -> list[Any]:
        return [s if isinstance(s, str) else Range(**{k.replace("-", "_"): v for k, v in s.items()}) for s in items]

    results: dict[str, tuple[str, str]] = {}
    for name, raw, content_type, url, select, remove in pickle.loads(cases_file.read_bytes()):
        try:
            text = extract(raw, content_type, url=url, select=selectors(select), remove=selectors(remove))
            results[name] = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), text)
        except ExtractError as exc:
            results[name] = (f"error: {exc}", "")
    out_file.write_bytes(pickle.dumps(results))


def run_dump(tree: Path, cases_file: Path, out_file: Path) -> dict[str, tuple[str, str]]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    subprocess.run([sys.executable, __file__, "_dump", str(cases_file), str(out_file)], cwd=tree, env=env, check=True)
    result: dict[str, tuple[str, str]] = pickle.loads(out_file.read_bytes())
    return result


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_dump":
        dump(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, metavar="DIR", help="the other checkout")
    parser.add_argument("--pages", type=int, default=300, help="generated benchmark pages")
    parser.add_argument("--snapshots", type=int, default=400, help="real snapshots from ../shared (0: none)")
    parser.add_argument("--diff-out", type=Path, default=None,
                        help="write the lines each differing case loses and gains (theirs -> ours) to this file")
    parser.add_argument("--html-dir", type=Path, help="a folder of more *.html pages")
    args = parser.parse_args()

    cases = generated_cases(args.pages) + fixture_cases() + snapshot_cases(args.snapshots)
    if args.html_dir:
        cases += dir_cases(args.html_dir)
    with tempfile.TemporaryDirectory() as tmp:
        cases_file = Path(tmp) / "cases.pickle"
        cases_file.write_bytes(pickle.dumps(cases))
        ours = run_dump(ROOT, cases_file, Path(tmp) / "ours.pickle")
        theirs = run_dump(args.against.resolve(), cases_file, Path(tmp) / "theirs.pickle")
    differ = [name for name in ours if ours[name][0] != theirs.get(name, ("", ""))[0]]
    kinds = {name.split(" ", 1)[0] for name, *_ in cases}
    counts = {kind: sum(1 for name, *_ in cases if name.startswith(kind + " ")) for kind in sorted(kinds)}
    errors = sum(1 for digest, _ in ours.values() if digest.startswith("error:"))
    megabytes = sum(len(raw) for _, raw, *_ in cases) / 1e6
    print(f"{len(cases)} cases ({json.dumps(counts)}; {megabytes:.1f} MB of HTML; {errors} extraction errors, "
          f"compared as messages): {len(cases) - len(differ)} identical, {len(differ)} different")
    print("  different by kind: " + json.dumps({kind: sum(1 for name in differ if name.startswith(kind + " "))
                                               for kind in sorted(kinds)}))
    for name in differ[:10]:
        print(f"  differs: {name}: {ours[name][0][:70]} / {theirs.get(name, ('missing', ''))[0][:70]}")
    if args.diff_out is not None:  # what a change of extraction loses and gains, to read by hand
        import difflib

        with args.diff_out.open("w", encoding="utf-8") as out:
            for name in differ:
                old, new = theirs.get(name, ("", ""))[1].splitlines(), ours[name][1].splitlines()
                lost = [line for line in difflib.unified_diff(old, new, lineterm="", n=0)
                        if line[:1] in "+-" and line[:3] not in ("+++", "---")]
                out.write(f"== {name}: {sum(x[0] == '-' for x in lost)} lines lost, {sum(x[0] == '+' for x in lost)} gained\n")
                out.writelines(line + "\n" for line in lost)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

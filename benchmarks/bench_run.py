"""Hand-run benchmark of `tracker run` against a local server of generated terms pages.

Run: .venv/bin/python benchmarks/bench_run.py [--sizes 100 1000] [--repeat 3] [--concurrency 16]
     [--nonce-size 300] [--only standard|nonce] [--baseline DIR] [--cold-bytecode]

Why: scheduled runs over thousands of documents must stay cheap. For each N it times, as separate
`tracker run` processes (per-process CPU and peak RSS from wait4):

  first        empty store: every page fetched, extracted, committed and analysed
  no-change    nothing changed; the server honours ETag / Last-Modified, so pages cost a 304
  no-change/200  nothing changed, but the server ignores validators (full bodies, like most CDNs
               for dynamic pages): fetch + extract + hash for every page
  10%-changed  one clause changed in 10% of the pages
  all-changed  one clause changed in every page

and a minimal reference client (aiohttp, same concurrency, sha256 of each body) over the same
URLs, printing our time as a ratio to it. The server is an aiohttp process serving files from a
generated directory (50-300 KB pages with head scripts, a JSON blob, nav, cookie banner, nested
sections, footer). All pages are on one host, so per-host limit and delay are lifted to the
reference client's concurrency. Medians over --repeat runs where a scenario can be repeated.

The nonce scenario (--nonce-size, 300 by default) serves the same pages with per-request noise, as
real terms pages do: a fresh nonce in the footer (text and a <script nonce>), a CSRF token in a
form inside <main>, a request id in an HTML comment inside <main>; and no ETag / Last-Modified. Every
body then differs from the last, so neither a 304 nor the same-bytes shortcut applies. It times

  nonce reference   fetch + parse (selectolax) + select `main` + drop the cookie banner + sha256,
                    in one process at the same concurrency: the least a no-change run can do
  nonce first       empty store, 300 new documents
  nonce no-change   nothing changed but the noise
  nonce 10%         one clause changed in 10% of the pages

and prints no-change / reference and 10% / no-change, measured side by side in the same run. With
--baseline DIR (another checkout, say `git worktree add DIR main`), the tracker in DIR runs the same
scenario interleaved with this one (same pages, its own store, its own copy of the cache folder), and the ratios between the two are
printed: a before/after measured under the same load, with each scenario's samples and the ratios
round by round (a gap between two medians that half the rounds contradict is noise).

Each tree's bytecode is compiled first (``compileall``), as an installed copy's is: where
PYTHONDONTWRITEBYTECODE is set and no ``__pycache__`` exists, every tracker process would
otherwise compile the modules it imports, a cost no installed tracker pays (--cold-bytecode
measures that case).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the customer shall provider may service account data credits refund notice terms agreement "
         "liability warranty law court arbitration fees payment subscription content license user "
         "rights termination suspend retain personal information third party model output usage").split()


# --------------------------------------------------------------------------- page generation


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 30))]
    return " ".join(words).capitalize() + "."


def make_page(i: int, revision: int) -> str:
    """A realistic terms page of 50-300 KB; ``revision`` changes one clause's wording only."""
    rng = random.Random(i)
    target = rng.randint(50_000, 300_000)
    nav = "".join(f'<li><a href="/p/{rng.randint(0, 9999)}">{rng.choice(WORDS).title()}</a></li>'
                  for _ in range(rng.randint(60, 200)))
    sections: list[str] = []
    n = 0
    size = 0
    while size < target * 0.45:  # the terms: about half the page
        n += 1
        subs = "".join(
            f"<section><h3>{n}.{m} {rng.choice(WORDS).title()}</h3>"
            + "".join(f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(2, 5)))}</p>"
                      for _ in range(rng.randint(1, 3)))
            + "<ul>" + "".join(f"<li>{_sentence(rng)}</li>" for _ in range(rng.randint(2, 5))) + "</ul>"
            "</section>"
            for m in range(1, rng.randint(2, 5))
        )
        block = f'<section id="s{n}"><h2>{n}. {rng.choice(WORDS).title()}</h2><p>{_sentence(rng)}</p>{subs}</section>'
        sections.append(block)
        size += len(block)
    clause = f"<p>Credits expire {12 + revision} months after purchase (revision {revision}).</p>"
    sections.insert(1, clause)
    main = "".join(sections)
    # The rest is what real pages carry around the terms: framework state, styles, scripts.
    blob = json.dumps({"props": {"page": i, "chunks": [_sentence(rng) for _ in range(max(0, (target - size) // 400))]}})
    css = ".x{color:red}" * 200
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Terms {i}</title>"
        f"<style>{css}</style>"
        + "".join(f'<script src="/static/chunk-{k}.js" defer></script>' for k in range(12))
        + f'<script id="__NEXT_DATA__" type="application/json">{blob}</script></head><body>'
        f'<header><nav><ul>{nav}</ul></nav></header>'
        f'<div class="cookie-banner">We use cookies. <button>Accept</button></div>'
        f"<main><article><h1>Terms of Service {i}</h1><p>Last updated: June {1 + revision % 28}, 2026</p>"
        f"{main}</article></main>"
        f'<footer><ul>{nav}</ul><p>&copy; 2026 Example {i}</p></footer>'
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>"
        "</body></html>"
    )


def write_pages(site: Path, indices: range | list[int], revision: dict[int, int]) -> None:
    site.mkdir(parents=True, exist_ok=True)
    for i in indices:
        (site / f"{i}.html").write_text(make_page(i, revision[i]), encoding="utf-8")


def write_sources(path: Path, port: int, n: int) -> None:
    lines = []
    for s in range(0, n, 10):  # 10 documents per service
        lines.append(f'[[service]]\nid = "svc{s // 10}"\nname = "Service {s // 10}"')
        for i in range(s, min(n, s + 10)):
            lines.append(f'  [[service.document]]\n  type = "Doc {i}"\n  url = "http://127.0.0.1:{port}/p/{i}.html"\n'
                         '  select = ["main"]\n  remove = [".cookie-banner"]')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_noise(page: bytes) -> bytes:
    """``page`` as a server that renders per request sends it: a nonce in the footer (text and a
    script attribute), a CSRF token in a form and a request id in a comment, both inside <main>."""
    token = uuid.uuid4().hex
    page = page.replace(b"<main><article>", f"<main><!-- request-id: {uuid.uuid4()} --><article>".encode(), 1)
    page = page.replace(b"</article></main>",
                        b'<form method="post" action="/consent"><input type="hidden" name="csrf" value="'
                        + token.encode() + b'"><button>I agree</button></form></article></main>', 1)
    return page.replace(b"</footer>", f'<p class="build">Rendered {token[:12]}</p>'
                                      f'<script nonce="{token[12:]}">window.x=1</script></footer>'.encode(), 1)


# --------------------------------------------------------------------------- server (subprocess)


def serve(site: Path) -> None:
    """Serve ``site``/<i>.html at /p/<i>.html with ETag and Last-Modified (unless ``site``/.no-validators)."""
    from email.utils import formatdate

    from aiohttp import web

    nonce = (site / ".nonce").exists()  # per-request noise, no validators

    async def page(request: web.Request) -> web.StreamResponse:
        path = site / request.match_info["name"]
        try:
            st = path.stat()
        except OSError:
            return web.Response(status=404)
        if nonce:
            return web.Response(body=add_noise(path.read_bytes()), content_type="text/html", charset="utf-8")
        etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
        modified = formatdate(st.st_mtime, usegmt=True)
        if not (site / ".no-validators").exists():
            if request.headers.get("If-None-Match") == etag or request.headers.get("If-Modified-Since") == modified:
                return web.Response(status=304, headers={"ETag": etag})
            headers = {"ETag": etag, "Last-Modified": modified}
        else:
            headers = {}
        return web.Response(body=path.read_bytes(), content_type="text/html", charset="utf-8", headers=headers)

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/p/{name}", page)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site_ = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site_.start()
        print(site_._server.sockets[0].getsockname()[1], flush=True)  # type: ignore[union-attr]
        await asyncio.Event().wait()

    asyncio.run(main())


# --------------------------------------------------------------------------- reference client


def reference(urls_file: Path, concurrency: int) -> None:
    """The least a fetcher can do: GET every URL at ``concurrency`` and hash the body."""
    import aiohttp

    urls = urls_file.read_text().split()

    async def main() -> None:
        limit = asyncio.Semaphore(concurrency)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
            async def one(url: str) -> str:
                async with limit, session.get(url) as resp:
                    return hashlib.sha256(await resp.read()).hexdigest()

            digests = await asyncio.gather(*(one(u) for u in urls))
        assert len(digests) == len(urls)

    asyncio.run(main())


def reference_select(urls_file: Path, concurrency: int) -> None:
    """The least a no-change run over noisy pages can do, in one process: GET every URL at
    ``concurrency``, parse it (selectolax, the tracker's parser), select ``main``, drop the cookie
    banner and hash what is left."""
    import aiohttp
    from selectolax.lexbor import LexborHTMLParser

    urls = urls_file.read_text().split()

    def region_hash(body: bytes) -> str:
        tree = LexborHTMLParser(body.decode("utf-8"))
        for node in tree.css(".cookie-banner"):
            node.decompose()
        main = tree.css_first("main")
        return hashlib.sha256((main.html if main is not None else "").encode()).hexdigest()

    async def main() -> None:
        limit = asyncio.Semaphore(concurrency)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
            async def one(url: str) -> str:
                async with limit, session.get(url) as resp:
                    body = await resp.read()
                return region_hash(body)

            digests = await asyncio.gather(*(one(u) for u in urls))
        assert len(digests) == len(urls)

    asyncio.run(main())


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    wall: float
    cpu: float
    maxrss_mb: float
    code: int
    out: str


def measure(cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Sample:
    """Run ``cmd``; wall time, CPU (user+sys) and peak RSS of that one process, its own children
    (git) included: os.wait4 gives the child's rusage, the per-process form of
    getrusage(RUSAGE_CHILDREN)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd, env=env)
    out = proc.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, out.strip())


def compile_bytecode(tree: Path) -> None:
    """Write the bytecode of ``tree``'s tracker package (``__pycache__``, ignored by git), as
    ``pip install`` does for an installed copy: with PYTHONDONTWRITEBYTECODE set (as in some
    sandboxes) and no bytecode, every ``tracker run`` would compile the modules it imports, and
    a run with changes, whose analysis worker imports the largest ones, pays most: a cost no
    installed tracker has, and none of the reference loop's libraries (compiled at install)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(tree) / "tracker")], check=True, env=env)
    print(f"compiled the bytecode of {tree}/tracker (--cold-bytecode to measure without)")


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def median(samples: list[Sample]) -> Sample:
    wall = statistics.median(s.wall for s in samples)
    return Sample(wall, statistics.median(s.cpu for s in samples), max(s.maxrss_mb for s in samples),
                  max(s.code for s in samples), samples[-1].out)


def bench(n: int, repeat: int, concurrency: int, work: Path) -> dict:
    site = work / f"site{n}"
    revision = {i: 0 for i in range(n)}
    write_pages(site, range(n), revision)
    server = subprocess.Popen([sys.executable, __file__, "_serve", str(site)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        port = int(server.stdout.readline())  # type: ignore[union-attr]
        sources = work / f"sources{n}.toml"
        write_sources(sources, port, n)
        urls = work / f"urls{n}.txt"
        urls.write_text("\n".join(f"http://127.0.0.1:{port}/p/{i}.html" for i in range(n)))
        page_bytes = sum((site / f"{i}.html").stat().st_size for i in range(n))

        def tracker(store: Path) -> list[str]:
            return [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run", "-q",
                    "--concurrency", str(concurrency), "--per-host", str(concurrency), "--host-delay", "0"]

        results: dict[str, Sample] = {}
        ref = [measure([sys.executable, __file__, "_reference", str(urls), str(concurrency)]) for _ in range(repeat)]
        results["reference"] = median(ref)

        firsts = []
        for r in range(repeat):  # a fresh store each time; the last one is kept
            store = work / f"store{n}"
            shutil.rmtree(store, ignore_errors=True)
            firsts.append(measure(tracker(store)))
        results["first"] = median(firsts)
        results["no-change"] = median([measure(tracker(store)) for _ in range(repeat)])
        (site / ".no-validators").touch()
        results["no-change/200"] = median([measure(tracker(store)) for _ in range(repeat)])
        (site / ".no-validators").unlink()

        rng = random.Random(n)
        tens = []
        for _ in range(repeat):
            changed = rng.sample(range(n), max(1, n // 10))
            for i in changed:
                revision[i] += 1
            write_pages(site, changed, revision)
            tens.append(measure(tracker(store)))
        results["10%-changed"] = median(tens)
        alls = []
        for _ in range(repeat):
            for i in range(n):
                revision[i] += 1
            write_pages(site, range(n), revision)
            alls.append(measure(tracker(store)))
        results["all-changed"] = median(alls)
        archive = du(store / "archive" / ".git")
    finally:
        server.terminate()
        server.wait()
    return {"n": n, "page_mb": page_bytes / 1e6, "results": results, "archive_mb": archive / 1e6}


def bench_nonce(n: int, repeat: int, concurrency: int, work: Path, baseline: Path | None = None) -> dict:
    """The nonce scenario: ``n`` pages with per-request noise and no validators (see the module doc).

    With ``baseline`` (another checkout of the tracker), its runs are interleaved with this one's,
    each on its own store and over the same pages, so that both see the machine's load alike."""
    site = work / f"nonce{n}"
    revision = {i: 0 for i in range(n)}
    write_pages(site, range(n), revision)
    (site / ".nonce").touch()
    server = subprocess.Popen([sys.executable, __file__, "_serve", str(site)], stdout=subprocess.PIPE, cwd=ROOT)
    trees = {"": ROOT} if baseline is None else {"": ROOT, " (baseline)": baseline.resolve()}
    tags = list(trees)

    def store(tag: str) -> Path:
        return work / f"nonce-store{n}{'-baseline' if tag else ''}"

    # Each tree its own cache folder (a copy of the user's): the files of built models and pre-checks
    # are named after the code that built them, and a tree writing its own drops the other's, so
    # trees that differ there would otherwise build them again at every run, one after the other.
    caches: dict[str, dict[str, str]] = {tag: {} for tag in tags}
    configured = os.environ.get("TRACKER_CACHE_DIR")
    if baseline is not None and (configured is None or configured.strip().lower() not in ("", "off")):
        user = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tracker"
        for tag in tags:
            folder = work / f"cache{'-baseline' if tag else ''}"
            shutil.rmtree(folder, ignore_errors=True)
            if user.is_dir():
                shutil.copytree(user, folder, ignore=shutil.ignore_patterns("*.lock", "*.tmp"))
            caches[tag] = {"TRACKER_CACHE_DIR": str(folder)}

    try:
        port = int(server.stdout.readline())  # type: ignore[union-attr]
        sources = work / f"nonce-sources{n}.toml"
        write_sources(sources, port, n)
        urls = work / f"nonce-urls{n}.txt"
        urls.write_text("\n".join(f"http://127.0.0.1:{port}/p/{i}.html" for i in range(n)))

        def tracker(tag: str) -> Sample:
            # The checkout's own code: `-m tracker` from its directory, and nothing else on the path.
            tree = trees[tag]
            cmd = [sys.executable, "-m", "tracker", "--store", str(store(tag)), "--sources", str(sources), "run", "-q",
                   "--concurrency", str(concurrency), "--per-host", str(concurrency), "--host-delay", "0"]
            return measure(cmd, cwd=tree, env=dict(os.environ, PYTHONPATH=str(tree), **caches[tag]))

        def reference() -> Sample:
            return measure([sys.executable, __file__, "_reference_select", str(urls), str(concurrency)])

        results: dict[str, list[Sample]] = {"reference": []}
        for tag in tags:
            results.update({f"first{tag}": [], f"no-change{tag}": [], f"10%-changed{tag}": []})
        for r in range(repeat):  # a fresh store each time; the last one is kept
            for tag in tags if r % 2 == 0 else tags[::-1]:
                shutil.rmtree(store(tag), ignore_errors=True)
                results[f"first{tag}"].append(tracker(tag))
        rng = random.Random(n)
        for r in range(repeat):
            # Interleaved, so that the machine's load weighs on the ratios' two sides alike.
            order = tags if r % 2 == 0 else tags[::-1]
            results["reference"].append(reference())
            for tag in order:
                results[f"no-change{tag}"].append(tracker(tag))
            changed = rng.sample(range(n), max(1, n // 10))
            for i in changed:
                revision[i] += 1
            write_pages(site, changed, revision)
            for tag in order:
                results[f"10%-changed{tag}"].append(tracker(tag))
    finally:
        server.terminate()
        server.wait()
    return {"n": n, "results": {name: median(samples) for name, samples in results.items()}, "tags": tags,
            "samples": results, "archive_mb": {tag: du(store(tag) / "archive" / ".git") / 1e6 for tag in tags}}


def paired(new: list[Sample], old: list[Sample]) -> dict[str, tuple[int, int, float, float]]:
    """Two trees' samples of one scenario taken round by round (``bench_nonce`` interleaves them,
    so ``new[r]`` and ``old[r]`` saw the same load), compared round by round: for "wall" and
    "cpu", (rounds where ``new`` took less, rounds compared, the smallest and the largest ratio
    new / old). A gap between two medians of 3 that half the rounds contradict is noise (perf41:
    session 36's 10% run at 1.08x its start's CPU did not reproduce). Raises ValueError when
    there is no round to compare."""
    rounds = list(zip(new, old))
    if not rounds:
        raise ValueError("paired: no round to compare")
    out = {}
    for measure in ("wall", "cpu"):
        ratios = [getattr(a, measure) / getattr(b, measure) for a, b in rounds if getattr(b, measure) > 0]
        if not ratios:
            raise ValueError(f"paired: no {measure} time to compare")
        out[measure] = (sum(1 for r in ratios if r < 1), len(ratios), min(ratios), max(ratios))
    return out


def polite_estimate(n: int, hosts: int, per_host: int, delay: float, concurrency: int, latency: float) -> float:
    """Seconds for ``n`` documents spread evenly over ``hosts`` with the polite defaults.

    Each host sees robots.txt + n/hosts pages, request starts at least ``delay`` apart and at most
    ``per_host`` in flight; the whole run at most ``concurrency`` in flight. The run takes the
    larger of the per-host bound and the global bound.
    """
    per_host_requests = n / hosts + 1
    host_bound = (per_host_requests - 1) * max(delay, latency / per_host) + latency
    global_bound = (n + hosts) * latency / concurrency
    return max(host_bound, global_bound)


def report_nonce(data: dict) -> None:
    n, res = data["n"], data["results"]
    print(f"\nnonce scenario, N={n} (per-request noise, no validators)")
    print(f"  {'scenario':<25} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}  summary")
    samples = data.get("samples", {})
    for name, s in res.items():
        summary = s.out.splitlines()[-1] if s.out and name != "reference" else ""
        print(f"  {name:<25} {s.wall:7.2f} {s.cpu:7.2f} {s.maxrss_mb:8.0f}  {summary}"
              f"{'' if s.code == 0 else f'  (exit {s.code})'}")
        if len(samples.get(name, ())) > 1:  # the spread the medians hide
            every = samples[name]
            print(f"  {'':<25} wall {' '.join(f'{x.wall:.2f}' for x in every)}; cpu {' '.join(f'{x.cpu:.2f}' for x in every)}")
    ref = res["reference"]
    for tag in data["tags"]:
        none, ten, first = res[f"no-change{tag}"], res[f"10%-changed{tag}"], res[f"first{tag}"]
        print(f"  {tag.strip(' ()') or 'this checkout'}:")
        print(f"    no-change / reference: {none.wall / ref.wall:.2f}x wall (target <= 3), {none.cpu / ref.cpu:.2f}x cpu")
        print(f"    first run of {n} new documents: {first.wall:.2f} s wall (target <= 5), {first.cpu:.2f} s cpu")
        print(f"    10% changed / no-change: {ten.wall / none.wall:.2f}x wall (target <= 1.5), "
              f"{ten.cpu / none.cpu:.2f}x cpu")
        print(f"    archive (.git) after all runs: {data['archive_mb'][tag]:.1f} MB")
    if len(data["tags"]) > 1:
        print("  this checkout / baseline (medians):")
        for scenario in ("first", "no-change", "10%-changed"):
            new, old = res[scenario], res[f"{scenario} (baseline)"]
            line = f"    {scenario:<12} {new.wall / old.wall:.2f}x wall, {new.cpu / old.cpu:.2f}x cpu"
            if scenario in samples:
                rounds = paired(samples[scenario], samples[f"{scenario} (baseline)"])
                line += "; round by round: " + ", ".join(
                    f"{measure} {lo:.2f}-{hi:.2f}x, less in {fewer} of {n}" for measure, (fewer, n, lo, hi) in rounds.items())
            print(line)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_serve":
        return serve(Path(sys.argv[2]))
    if len(sys.argv) > 1 and sys.argv[1] == "_reference":
        return reference(Path(sys.argv[2]), int(sys.argv[3]))
    if len(sys.argv) > 1 and sys.argv[1] == "_reference_select":
        return reference_select(Path(sys.argv[2]), int(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--nonce-size", type=int, default=300, help="pages in the nonce scenario (0: skip it)")
    parser.add_argument("--only", choices=("standard", "nonce"), help="run one scenario group only")
    parser.add_argument("--keep", help="work directory to keep (default: a temporary one)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="nonce scenario: also run the tracker checked out in DIR (e.g. `git worktree add DIR main`), "
                             "interleaved with this one, and print the ratios between the two")
    parser.add_argument("--cold-bytecode", action="store_true",
                        help="do not compile the trees' bytecode first (each tracker process then compiles "
                             "the modules it imports when PYTHONDONTWRITEBYTECODE is set)")
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_run-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.cold_bytecode:
        for tree in [ROOT] + ([args.baseline] if args.baseline else []):
            compile_bytecode(tree)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, concurrency {args.concurrency}, "
          f"repeat {args.repeat}, work dir {work}")
    try:
        if args.only != "standard" and args.nonce_size:
            report_nonce(bench_nonce(args.nonce_size, args.repeat, args.concurrency, work, args.baseline))
        if args.only == "nonce":
            return
        for n in args.sizes:
            data = bench(n, args.repeat, args.concurrency, work)
            res = data["results"]
            ref = res["reference"]
            print(f"\nN={n}  ({data['page_mb']:.0f} MB of HTML, avg {data['page_mb'] * 1000 / n:.0f} KB/page)")
            print(f"  {'scenario':<14} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'docs/s':>7} {'x ref':>6}  summary")
            for name, s in res.items():
                ratio = s.wall / ref.wall
                summary = s.out.splitlines()[-1] if s.out else ""
                print(f"  {name:<14} {s.wall:7.2f} {s.cpu:7.2f} {s.maxrss_mb:8.0f} {n / s.wall:7.0f} {ratio:6.2f}  "
                      f"{summary if name != 'reference' else ''}{'' if s.code == 0 else f'  (exit {s.code})'}")
            print(f"  archive (.git) {data['archive_mb']:.1f} MB after all scenarios")
        print("\nPolite defaults (per-host 2, host delay 1 s, concurrency 8), N=1000 over 100 hosts:")
        for latency in (0.1, 0.3, 1.0):
            est = polite_estimate(1000, 100, 2, 1.0, 8, latency)
            print(f"  server latency {latency:.1f} s: about {est:.0f} s of fetching "
                  f"(plus local processing, see the all-changed / no-change rows)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Where a 10%-changed nonce run spends its CPU beyond a no-change run (issue 14), by part.

Run: .venv/bin/python benchmarks/profile_nonce.py [--rounds 2] [--profile DIR]

Why: `benchmarks/bench_run.py --only nonce` gives the ratio (10% changed / no change) but not what
makes it; a cProfile of `tracker run` sees neither the analysis worker process, nor the git thread,
nor git's own processes. This serves the same generated pages (bench_run's server, 300 pages with
per-request noise), makes a store with a first run, then runs, ``--rounds`` times, a no-change run
and a run where 10% of the pages changed (the same pages as bench_run's first round), each
`tracker run` wrapped so that it prints at its end:

  - its own CPU and its children's (git, the analysis worker), from getrusage;
  - the CPU (``time.thread_time``, so the git thread's own) and wall time of the run path's parts:
    ``decide`` and its steps, the recorder's stages, the import stream, the work-tree checkout;
  - the CPU of each git command, from ``wait4``;
  - the analysis worker's CPU (a ``sitecustomize`` on the worker's path, ``multiprocessing``'s
    finaliser writes it as the worker ends);
  - the run's timeline, in seconds since its process was started (each part's first start and last
    end, the worker's results): when the fetching ended, when the changed pages' second fetches
    settled, when the worker was spawned and sent its first and last result, when the recorder
    drained, and which of these the run's end waited for last (its critical path).

The first round's 10% run pays a one-off: the first run's work-tree checkout wrote every file in
the second its git index was written, so git reads them all again (racily clean entries); the
later rounds show the steady state. ``--profile DIR`` also writes cProfile files (CPU timer) of the
main process and the worker there (slower; proportions, not times).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_run  # noqa: E402 - the scenario's pages, server and sources

ROOT = Path(__file__).resolve().parents[1]

# Run as `python WRAPPER OUT_DIR tracker-args...`: the tracker with accumulators around the run
# path's parts (module attributes replaced before the command runs, so every caller sees them).
WRAPPER = textwrap.dedent('''
    import collections, cProfile, functools, importlib, json, os, resource, runpy, subprocess, sys, threading, time
    out = sys.argv[1]; sys.argv = ["tracker"] + sys.argv[2:]
    cpu = collections.defaultdict(float); wall = collections.defaultdict(float); calls = collections.Counter()
    # seconds since the driver started the process (PERF_NONCE_T0, a time.time()): when each part
    # first started and last ended, on the worker's clock too (the timeline of the run)
    T0 = float(os.environ.get("PERF_NONCE_T0") or time.time()); spans = {}
    def wrap(module, cls, name):
        owner = getattr(importlib.import_module(module), cls) if cls else importlib.import_module(module)
        fn = getattr(owner, name)
        label = module.rsplit(".", 1)[-1] + "." + (cls + "." if cls else "") + name
        @functools.wraps(fn)
        def timed(*args, **kwargs):
            c, w = time.thread_time(), time.perf_counter()
            # (the git thread's calls apart: its checkout, not the main thread's later no-op one)
            span = spans.setdefault(label + (" (git thread)" if threading.current_thread().name.startswith("tracker-git")
                                             else ""), [time.time() - T0, 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                cpu[label] += time.thread_time() - c; wall[label] += time.perf_counter() - w; calls[label] += 1
                span[1] = time.time() - T0
        setattr(owner, name, timed)
    for name in ("_new_text", "_same_terms", "regions_text", "select_regions", "_partial_page"):
        wrap("tracker.run.decide", None, name)
    importlib.import_module("tracker.run.loop").decide = importlib.import_module("tracker.run.decide").decide
    wrap("tracker.run.loop", None, "decide")
    importlib.import_module("tracker.run.loop").settle = importlib.import_module("tracker.run.decide").settle
    wrap("tracker.run.loop", None, "settle")
    wrap("tracker.run.latest", "LatestTexts", "close")  # (the fetching is over)
    for name in ("prepare", "write", "_early_analyser"):
        wrap("tracker.archive.record", None, name)
    for name in ("analyse_early", "_close_stream", "_commit", "_start_analyses", "_index_oldest", "help_early", "drain"):
        wrap("tracker.archive.record", "Recorder", name)
    wrap("tracker.archive.store", "ImportStream", "add")
    wrap("tracker.archive.store", "Store", "checkout_if_stale")
    popen_init, try_wait = subprocess.Popen.__init__, subprocess.Popen._try_wait
    def init(self, args, *a, **k):
        popen_init(self, args, *a, **k)
        self.perf_label = "git: " + " ".join(map(str, args))[:60] if not isinstance(args, str) else args[:60]
    def waited(self, flags):
        pid, status, usage = os.wait4(self.pid, flags)
        if pid == self.pid:
            label = getattr(self, "perf_label", "?")
            cpu[label] += usage.ru_utime + usage.ru_stime; calls[label] += 1
        return (pid, status)
    subprocess.Popen.__init__, subprocess.Popen._try_wait = init, waited
    profile = cProfile.Profile(time.process_time) if os.environ.get("PERF_NONCE_PROFILE") else None
    start = time.perf_counter()
    try:
        if profile is not None:
            profile.enable()
        runpy.run_module("tracker", run_name="__main__", alter_sys=True)
    except SystemExit:
        pass
    finally:
        if profile is not None:
            profile.disable(); profile.dump_stats(os.path.join(out, "main.prof"))
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.path.join(out, "parts.txt"), "w") as f:
            f.write(f"process: {time.perf_counter() - start:.3f} s wall, own CPU {own.ru_utime + own.ru_stime:.3f} s, "
                    f"children's CPU {children.ru_utime + children.ru_stime:.3f} s\\n")
            for label, seconds in sorted(cpu.items(), key=lambda kv: -kv[1]):
                first, last = spans.get(label) or spans.get(label + " (git thread)") or (0.0, 0.0)
                f.write(f"  {label:<58} {seconds:7.3f} s CPU  {wall.get(label, 0.0):7.3f} s wall  x{calls[label]:<4}"
                        f"  {first:6.2f} -> {last:6.2f} s\\n")
        with open(os.path.join(out, "spans.json"), "w") as f:
            json.dump({"spans": spans, "end": time.time() - T0}, f)
''')

# The analysis worker is a `spawn` child: this, on its path, writes its CPU (and profile) at its end.
SITECUSTOMIZE = textwrap.dedent('''
    import os, sys
    _out = os.environ.get("PERF_NONCE_OUT")
    if _out and "--multiprocessing-fork" in sys.argv:
        import cProfile, json, time
        import multiprocessing.util
        _profile = cProfile.Profile(time.process_time) if os.environ.get("PERF_NONCE_PROFILE") else None
        _T0 = float(os.environ.get("PERF_NONCE_T0") or time.time())
        _times = {"up": time.time() - _T0, "results": []}  # (seconds since the driver started the run)
        import concurrent.futures.process as _pool
        _send = _pool._sendback_result
        def _sent(*args, **kwargs):  # one call per job: its result goes back to the run's process
            _times["results"].append(time.time() - _T0)
            return _send(*args, **kwargs)
        _pool._sendback_result = _sent
        def _write():
            if _profile is not None:
                _profile.disable(); _profile.dump_stats(os.path.join(_out, f"worker-{os.getpid()}.prof"))
            with open(os.path.join(_out, f"worker-{os.getpid()}.txt"), "w") as f:
                f.write(f"{time.process_time():.3f}")
            with open(os.path.join(_out, f"worker-{os.getpid()}.json"), "w") as f:
                json.dump(_times, f)
        multiprocessing.util.Finalize(None, _write, exitpriority=1000)
        if _profile is not None:
            _profile.enable()
''')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2, help="no-change and 10%% runs, one after the other")
    parser.add_argument("--size", type=int, default=300, help="pages")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--profile", type=Path, help="also write cProfile files (main.prof, worker-*.prof) here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="profile_nonce-"))
    try:
        run_rounds(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def timeline(out: Path) -> str:
    """When the run's path ended what (seconds since the run's process was started): the fetching
    (``LatestTexts.close``), the changed pages' second fetches (``settle``), the analysis worker
    (spawned at the first ``analyse_early``; its results), the recorder's last wait (``drain``), and
    which of them the run's end waited for last."""
    data = json.loads((out / "spans.json").read_text(encoding="utf-8"))
    spans = data["spans"]
    fetched = spans.get("latest.LatestTexts.close", [0.0])[0]
    lines = [f"  timeline: fetching over at {fetched:.2f} s"]
    if "loop.settle" in spans:
        first, last = spans["loop.settle"]
        lines.append(f"second fetches settled {first:.2f} -> {last:.2f} s")
    ends = {"the fetching": fetched}
    for path in out.glob("worker-*.json"):
        worker = json.loads(path.read_text(encoding="utf-8"))
        results = worker["results"]
        spawned = spans.get("record.Recorder.analyse_early", [worker["up"]])[0]
        if results:
            late = sum(1 for t in results if t > fetched)
            lines.append(f"worker spawned {spawned:.2f}, up {worker['up']:.2f}, results {results[0]:.2f} -> "
                         f"{results[-1]:.2f} s ({len(results)}, {late} after the fetching)")
            ends["the worker's last analysis"] = results[-1]
    if "record.Recorder.drain" in spans:
        drained = spans["record.Recorder.drain"][1]
        lines.append(f"recorder drained {drained:.2f} s")
        ends["git (the last commit, the checkout)"] = max(
            (span[1] for label, span in spans.items() if label.endswith("(git thread)")), default=0.0)
    lines.append(f"exit {data['end']:.2f} s; last before the end: {max(ends, key=lambda k: ends[k])}")
    return "; ".join(lines)


def run_rounds(args: argparse.Namespace, work: Path) -> None:
    n = args.size
    (work / "wrapper.py").write_text(WRAPPER, encoding="utf-8")
    (work / "site-hook").mkdir()
    (work / "site-hook" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    site, revision = work / "site", {i: 0 for i in range(n)}
    bench_run.write_pages(site, range(n), revision)
    (site / ".nonce").touch()
    bench_run.compile_bytecode(ROOT)
    server = subprocess.Popen([sys.executable, bench_run.__file__, "_serve", str(site)], stdout=subprocess.PIPE)
    try:
        port = int(server.stdout.readline())  # type: ignore[union-attr]
        sources = work / "sources.toml"
        bench_run.write_sources(sources, port, n)
        store = work / "store"

        def run(tag: str, wrapped: bool = True) -> None:
            out = (args.profile / tag) if args.profile else work / tag
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            head = [sys.executable, str(work / "wrapper.py"), str(out)] if wrapped else [sys.executable, "-m", "tracker"]
            cmd = head + ["--store", str(store), "--sources", str(sources), "run", "-q", "--concurrency",
                          str(args.concurrency), "--per-host", str(args.concurrency), "--host-delay", "0"]
            env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{work / 'site-hook'}", PERF_NONCE_OUT=str(out))
            if args.profile:
                env["PERF_NONCE_PROFILE"] = "1"
            env["PERF_NONCE_T0"] = repr(time.time())
            sample = bench_run.measure(cmd, cwd=ROOT, env=env)
            summary = sample.out.splitlines()[-1] if sample.out else ""
            print(f"\n{tag}: {sample.wall:.2f} s wall, {sample.cpu:.2f} s CPU with its children  ({summary})")
            if wrapped:
                print((out / "parts.txt").read_text(encoding="utf-8"), end="")
                for worker in out.glob("worker-*.txt"):
                    print(f"  analysis worker process: {worker.read_text(encoding='utf-8')} s CPU")
                print(timeline(out))

        run("first", wrapped=False)
        rng = random.Random(n)  # the pages bench_run changes in its first round
        for r in range(args.rounds):
            run(f"no-change-{r + 1}")
            changed = rng.sample(range(n), max(1, n // 10))
            for i in changed:
                revision[i] += 1
            bench_run.write_pages(site, changed, revision)
            run(f"10%-changed-{r + 1}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

"""Side by side with a peer: changedetection.io and `tracker run` on the same noisy local pages.

Run: .venv/bin/python benchmarks/bench_peer.py [--n 300] [--repeat 3] [--concurrency 16] [--cache-dir DIR]

The pages are those of bench_run.py's nonce scenario (50-300 KB, per-request noise, no ETag /
Last-Modified), served by its local server. changedetection.io is installed with pip in its own
virtual environment under the cache directory (``~/.cache/tracker-bench`` by default; reused by
later runs) and run in its batch mode (``-b``: check, then exit), each watch with the same
``select`` (include_filters ``main``) and ``remove`` (subtractive_selectors ``.cookie-banner``) as
the tracker's documents and FETCH_WORKERS equal to the tracker's concurrency. Both first check
every page once; then their no-change runs (nothing changed but the noise) are timed, interleaved,
as separate processes, and the script prints the medians and the ratio peer / tracker. When the
peer cannot be installed (no network, no wheel for this Python), it says so and exits with 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_run  # noqa: E402 - the pages, the server and the measuring are bench_run's

PEER = "changedetection.io"
PEER_TIMEOUT = 900  # seconds one peer run may take before the comparison is abandoned


def peer_python(cache: Path) -> Path | None:
    """The Python of a virtual environment holding changedetection.io, installed on first use;
    None (after saying why) when it cannot be installed."""
    venv = cache / "changedetection-venv"
    python = venv / "bin" / "python"
    if (venv / "bin" / "changedetection.py").exists():
        return python
    print(f"installing {PEER} into {venv} (once; later runs reuse it)...", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PEER], check=True, capture_output=True,
                       timeout=1800)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        last = detail.decode("utf-8", "replace").strip().splitlines()[-1:] if detail else [str(exc)]
        print(f"skipped: {PEER} could not be installed ({' '.join(last)})")
        shutil.rmtree(venv, ignore_errors=True)
        return None
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peer_command(python: Path, data: Path, urls: list[str] | None) -> list[str]:
    """A batch run of the peer: add ``urls`` (with the documents' select/remove) and check them,
    or, without ``urls``, recheck every watch."""
    cmd = [str(python), str(python.parent / "changedetection.py"), "-d", str(data), "-C", "-b",
           "-p", str(free_port()), "-h", "127.0.0.1"]
    if urls is None:
        return cmd + ["-r", "all"]
    options = '{"include_filters": ["main"], "subtractive_selectors": [".cookie-banner"]}'
    for i, url in enumerate(urls):
        cmd += ["-u", url, f"-u{i}", options]
    return cmd


def measure(cmd: list[str], env: dict[str, str] | None = None) -> bench_run.Sample:
    """bench_run.measure with an environment and a time limit (a stuck peer must not hang us)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=bench_run.ROOT, env=env)
        deadline = start + PEER_TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    return bench_run.Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--cache-dir", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tracker-bench")
    args = parser.parse_args()

    python = peer_python(args.cache_dir)
    if python is None:
        return
    work = Path(tempfile.mkdtemp(prefix="bench_peer-"))
    n = args.n
    site = work / "site"
    bench_run.write_pages(site, range(n), {i: 0 for i in range(n)})
    (site / ".nonce").touch()
    server = subprocess.Popen([sys.executable, bench_run.__file__, "_serve", str(site)], stdout=subprocess.PIPE,
                              cwd=bench_run.ROOT)
    try:
        port = int(server.stdout.readline())  # type: ignore[union-attr]
        sources = work / "sources.toml"
        bench_run.write_sources(sources, port, n)
        urls = [f"http://127.0.0.1:{port}/p/{i}.html" for i in range(n)]
        store = work / "store"
        tracker = [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run", "-q",
                   "--concurrency", str(args.concurrency), "--per-host", str(args.concurrency), "--host-delay", "0"]
        env = {**os.environ, "ALLOW_IANA_RESTRICTED_ADDRESSES": "true", "FETCH_WORKERS": str(args.concurrency),
               "LOGGER_LEVEL": "WARNING"}
        data = work / "peer-data"

        first = {"tracker": measure(tracker), PEER: measure(peer_command(python, data, urls), env)}
        samples: dict[str, list[bench_run.Sample]] = {"tracker": [], PEER: []}
        for _ in range(args.repeat):  # interleaved: the machine's load weighs on both alike
            samples["tracker"].append(measure(tracker))
            samples[PEER].append(measure(peer_command(python, data, None), env))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{n} pages with per-request noise, concurrency {args.concurrency}, medians of {args.repeat}")
    print(f"  {'':<20} {'first s':>8} {'no-change s':>12} {'cpu s':>7} {'peak MB':>8}")
    for name, runs in samples.items():
        wall = statistics.median(s.wall for s in runs)
        cpu = statistics.median(s.cpu for s in runs)
        failed = [s for s in [first[name], *runs] if s.code != 0]
        note = f"  (exit {failed[0].code}: {failed[0].out.splitlines()[-1:] or ''})" if failed else ""
        print(f"  {name:<20} {first[name].wall:8.2f} {wall:12.2f} {cpu:7.2f} {max(s.maxrss_mb for s in runs):8.0f}"
              f"{note}")
    ratio = statistics.median(s.wall for s in samples[PEER]) / statistics.median(s.wall for s in samples["tracker"])
    print(f"  no-change run, {PEER} / tracker: {ratio:.1f}x wall")


if __name__ == "__main__":
    main()

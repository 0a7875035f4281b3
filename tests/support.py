"""Scaffolding shared by the test modules: the shared data folder, a local aiohttp server, the
real CLI on one store, and the small publishing archive (Lumen Maps, Orbit Notes).

The fixtures built on these live in ``conftest.py``; test modules import classes and helpers
from here (for type annotations too), never from one another.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Awaitable, Callable

import pytest
from aiohttp import web
from click.testing import CliRunner, Result
from werkzeug.wrappers import Response

from tracker.cli.app import cli

ROOT = Path(__file__).resolve().parents[1]

# -- the shared data folder ------------------------------------------------------------------

REQUIRE_SHARED = "TRACKER_REQUIRE_SHARED"


def shared_root() -> Path:
    """``$TRACKER_SHARED``, else ``<project root>/../shared`` (where CI lays its copy)."""
    return Path(os.environ.get("TRACKER_SHARED") or ROOT.parent / "shared")


def shared_path(relative: str) -> Path:
    """``<shared>/data/<relative>``, or skip the test saying what is missing.

    With ``TRACKER_REQUIRE_SHARED=1`` (set by .ci/run) and the shared folder present, a missing
    path fails the test instead: CI must not pass by silently skipping what it could check.
    """
    path = shared_root() / "data" / relative
    if path.exists():
        return path
    shown = path if os.environ.get("TRACKER_SHARED") else Path("..", "shared", "data", relative)
    message = f"{shown} not found (the shared data folder; set TRACKER_SHARED to use another)"
    if os.environ.get(REQUIRE_SHARED) == "1" and shared_root().is_dir():
        pytest.fail(f"{message}, yet {shared_root()} exists and {REQUIRE_SHARED}=1", pytrace=False)
    pytest.skip(message)


# -- a minimal PDF ---------------------------------------------------------------------------

Line = tuple[float, float, float, str]  # x, y, font size, text


def make_pdf(pages: list[list[Line]], *, password_protected: bool = False) -> bytes:
    """A minimal valid PDF 1.4: one Helvetica (WinAnsi) text line per entry, US Letter pages.

    ``password_protected`` adds a Standard security handler whose user password is not empty
    (its /O and /U entries match no password we give), so the file cannot be opened.
    """

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    page_ids = []
    next_id = 4
    for lines in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        stream = "".join(f"BT /F1 {size:g} Tf {x:g} {y:g} Td ({esc(text)}) Tj ET\n"
                         for x, y, size, text in lines).encode("cp1252")
        objects[content_id] = b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream)
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
        page_ids.append(page_id)
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    trailer = b""
    if password_protected:
        objects[next_id] = b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"ab" * 32, b"cd" * 32)
        trailer = b" /Encrypt %d 0 R /ID [<0f1e2d3c4b5a69788796a5b4c3d2e1f0> <0f1e2d3c4b5a69788796a5b4c3d2e1f0>]" % next_id

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


# -- a local aiohttp server ------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    started: float  # time.monotonic()


class AioServer:
    """aiohttp on 127.0.0.1:<free port> in its own thread, so a slow answer blocks nothing else.

    ``handler`` answers every request when given; otherwise ``routes[path]`` does (404 if none),
    and tests swap routes between runs. ``hits`` logs each request; ``max_in_flight`` is the
    most requests seen at once.
    """

    def __init__(self, handler: Handler | None = None) -> None:
        self.handler = handler
        self.routes: dict[str, Handler] = {}
        self.hits: list[Hit] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def start(self) -> "AioServer":
        ready = threading.Event()
        self.loop = asyncio.new_event_loop()

        async def dispatch(request: web.Request) -> web.StreamResponse:
            self.hits.append(Hit(request.path, dict(request.headers), time.monotonic()))
            self.in_flight += 1  # one event-loop thread: no lock needed
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                handler = self.handler or self.routes.get(request.path)
                if handler is None:
                    return web.Response(status=404, text="no such page")
                return await handler(request)
            finally:
                self.in_flight -= 1

        async def serve() -> None:
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", dispatch)
            self.runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
            await self.runner.setup()
            site = web.TCPSite(self.runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()

        def main() -> None:
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(serve())
            self.loop.run_forever()

        self.thread = threading.Thread(target=main, daemon=True)
        self.thread.start()
        assert ready.wait(10), "local server did not start"
        return self

    def page(self, path: str, make: Callable[[], web.StreamResponse]) -> None:
        """Answer ``path`` with whatever ``make()`` returns (called for each request)."""
        async def handler(request: web.Request) -> web.StreamResponse:
            return make()
        self.routes[path] = handler

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self, prefix: str = "/") -> list[str]:
        return [h.path for h in self.hits if h.path.startswith(prefix)]

    def stop(self) -> None:
        async def drain() -> None:  # slow handlers still waiting: end them, quietly
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        asyncio.run_coroutine_threadsafe(drain(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (until someone binds it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the real CLI on one store -----------------------------------------------------------------

# One local host and no real outages: no polite spacing between requests, no back-off sleeps.
# A test that measures either passes its own value after these (click keeps the last one).
FAST_RUN = ("--host-delay", "0", "--retry-backoff", "0")
_CONFIGURED = object()  # "the exit code this TrackerCLI was made with"


class TrackerCLI:
    """``tracker --store STORE --sources SOURCES ...`` in-process (click's runner).

    ``cli("run", ...)`` gets ``run_options`` (by default FAST_RUN) right after ``run``. With
    ``code``, the exit code is asserted; the click ``Result`` is returned either way.
    """

    def __init__(self, store: Path, sources: Path, run_options: tuple[str, ...] = FAST_RUN,
                 code: int | None = 0) -> None:
        self.store, self.sources, self.run_options, self.code = store, sources, run_options, code

    def __call__(self, *args: str, code: Any = _CONFIGURED, input: str | None = None) -> Result:
        if args and args[0] == "run":
            args = ("run", *self.run_options, *args[1:])
        result = CliRunner().invoke(cli, ["--store", str(self.store), "--sources", str(self.sources), *args],
                                    input=input)
        expected = self.code if code is _CONFIGURED else code
        if expected is not None:
            assert result.exit_code == expected, (result.output, result.exception)
        return result


# -- the publishing archive: Lumen Maps' terms and Orbit Notes' privacy policy -------------------

SECTIONS = {
    "accounts": "<h2>Accounts</h2><p>You must be at least {age} years old to use Lumen Maps.</p>",
    "credits": "<h2>Credits and refunds</h2><p>Map credits are non-refundable and expire {expiry} after purchase.</p>",
    "disputes": "<h2>Disputes</h2><p>Any dispute will be heard by the courts of {venue}.</p>",
    "notes": "<h2>Notes from the team</h2><p>{note}</p>",
}

TERMS = """<!doctype html><html><head><title>Lumen Maps terms</title></head><body>
<main><article id="terms"><h1>Lumen Maps Terms of Service</h1><p>Last updated: {date}</p>
{body}
</article></main></body></html>"""

PRIVACY = """<html><body><main><article id="terms"><h1>Orbit Notes Privacy Policy</h1>
<h2>Retention</h2><p>We keep your notes for {days} days after you delete them.</p>
<h2>Sharing</h2><p>We do not sell your personal data.</p></article></main></body></html>"""

DEFAULTS: dict[str, str] = dict(age="16", expiry="12 months", venue="Lisbon, Portugal", date="March 1, 2026",
                                note="Thank you for mapping with us.")


class Pages:
    """What the local server serves; tests edit it between runs."""

    def __init__(self) -> None:
        self.terms = dict(DEFAULTS)
        self.order = ["accounts", "credits", "disputes", "notes"]
        self.days = "30"

    def handler(self, request: Any) -> Response:
        if request.path == "/lumen/terms":
            body = "\n".join(SECTIONS[s].format(**self.terms) for s in self.order)
            return Response(TERMS.format(body=body, date=self.terms["date"]), content_type="text/html; charset=utf-8")
        if request.path == "/orbit/privacy":
            return Response(PRIVACY.format(days=self.days), content_type="text/html; charset=utf-8")
        return Response("not here", status=404)


class Archive:
    """A real store driven through the real CLI."""

    def __init__(self, root: Path, sources: Path) -> None:
        self.root = root
        self.store = root / "store"
        self.sources = sources
        self.tracker = TrackerCLI(self.store, sources)

    def run(self) -> dict[str, Any]:
        return json.loads(self.tracker("run", "--json").stdout)

    def publish(self, out: Path, *extra: str) -> dict[str, Any]:
        return json.loads(self.tracker("publish", "--out", str(out), "--json", *extra).stdout)


def make_archive(tmp_path: Path, httpserver: Any) -> tuple[Archive, Pages]:
    """Lumen Maps' terms and Orbit Notes' privacy policy served by ``httpserver``; nothing run yet."""
    pages = Pages()
    for path in ("/lumen/terms", "/orbit/privacy"):
        httpserver.expect_request(path).respond_with_handler(pages.handler)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f"""
[[service]]
id = "lumen"
name = "Lumen Maps"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/lumen/terms')}"
  select = ["article#terms"]

[[service]]
id = "orbit"
name = "Orbit Notes"

  [[service.document]]
  type = "Privacy Policy"
  url = "{httpserver.url_for('/orbit/privacy')}"
  select = ["article#terms"]
""",
        encoding="utf-8",
    )
    return Archive(tmp_path, sources), pages


def three_changes(arc: Archive, pages: Pages) -> None:
    """First versions, then: credit expiry (material, refunds), venue (jurisdiction), retention."""
    arc.run()
    pages.terms.update(expiry="6 months")
    arc.run()
    pages.terms.update(venue="Porto, Portugal")
    arc.run()
    pages.days = "90"
    arc.run()


def version_page(pages: list[Path], seq: int) -> Path:
    """The page of version ``seq`` (names sort by time, and a fast test records within one second)."""
    return next(p for p in pages if f"Version {seq}, recorded" in p.read_text(encoding="utf-8"))


# -- serving the published site ------------------------------------------------------------------

def get(port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> http.client.HTTPResponse:
    """One request to 127.0.0.1:``port``; the body is read into ``.body``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers or {})  # http.client sends the path as given
    resp = conn.getresponse()
    resp.body = resp.read()  # type: ignore[attr-defined]
    conn.close()
    return resp


def start_cli_server(arc: Archive, site: Path | None) -> tuple[subprocess.Popen, int]:
    """The real ``tracker serve`` in a subprocess, once it answers; stop it with ``terminate()``.
    ``site`` is its --out (None: its default folder)."""
    port = free_port()
    out = ["--out", str(site)] if site is not None else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(arc.store), "--sources", str(arc.sources), "serve",
         "--port", str(port), *out],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            if get(port, "/").status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
        if proc.poll() is not None:
            raise AssertionError(f"tracker serve exited: {proc.stderr.read() if proc.stderr else ''}")
    proc.kill()
    raise AssertionError("tracker serve did not start")


# -- a real Chromium -------------------------------------------------------------------------------

def chromium_or_skip(api: str) -> tuple[str, ModuleType]:
    """Debian's Chromium and Playwright's ``api`` module ("sync_api" or "async_api"), or skip saying
    what to install (the wheel ships the driver; never ``playwright install``)."""
    from tracker.fetch.browser import chromium_path

    path = chromium_path()
    if not Path(path).is_file():
        pytest.skip(f"no Chromium at {path}: apt-get install -y chromium (or set TRACKER_CHROMIUM)")
    module = pytest.importorskip(f"playwright.{api}", reason="pip install -e '.[browser]' (no 'playwright install')")
    return path, module

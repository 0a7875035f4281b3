"""``tracker serve``: content types, validators and 304s, and nothing served from outside the folder."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path
from typing import Iterator

import pytest

from test_publish import Archive, Pages, archive, three_changes  # noqa: F401 (archive: fixture)
from tracker.publish.serve import serve_in_thread


@pytest.fixture
def served(archive: tuple[Archive, Pages], tmp_path: Path) -> Iterator[tuple[Path, int]]:
    arc, pages = archive
    three_changes(arc, pages)
    site = tmp_path / "site"
    arc.publish(site)
    (tmp_path / "secret.txt").write_text("outside the site")
    os.symlink(tmp_path / "secret.txt", site / "leak.txt")
    server = serve_in_thread(site)
    try:
        yield site, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, headers=headers or {})  # http.client sends the path as given
    resp = conn.getresponse()
    resp.body = resp.read()  # type: ignore[attr-defined]
    conn.close()
    return resp


def test_content_types_and_bodies(served: tuple[Path, int]) -> None:
    site, port = served
    expected = {
        "/": "text/html; charset=utf-8",
        "/index.html": "text/html; charset=utf-8",
        "/style.css": "text/css; charset=utf-8",
        "/feeds/all.atom": "application/atom+xml; charset=utf-8",
        "/feeds/all.rss": "application/rss+xml; charset=utf-8",
        "/feeds/all.json": "application/feed+json; charset=utf-8",
        "/lumen/terms-of-service/": "text/html; charset=utf-8",
    }
    for path, ctype in expected.items():
        resp = get(port, path)
        assert resp.status == 200, path
        assert resp.getheader("Content-Type") == ctype, path
    assert get(port, "/feeds/all.atom").body == (site / "feeds/all.atom").read_bytes()  # type: ignore[attr-defined]
    head = get(port, "/feeds/all.rss", method="HEAD")
    assert head.status == 200 and head.body == b"" and int(head.getheader("Content-Length")) > 0  # type: ignore[attr-defined]


def test_etag_last_modified_and_304(served: tuple[Path, int]) -> None:
    site, port = served
    first = get(port, "/feeds/all.atom")
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    assert etag and etag.startswith('"') and modified
    assert get(port, "/feeds/all.atom", {"If-None-Match": etag}).status == 304
    assert get(port, "/feeds/all.atom", {"If-None-Match": f'W/{etag}, "other"'}).status == 304
    assert get(port, "/feeds/all.atom", {"If-None-Match": '"stale"'}).status == 200
    assert get(port, "/feeds/all.atom", {"If-Modified-Since": modified}).status == 304
    assert get(port, "/feeds/all.atom", {"If-Modified-Since": formatdate(0, usegmt=True)}).status == 200
    # a changed file gets a new validator
    path = site / "feeds/all.atom"
    path.write_bytes(path.read_bytes() + b"\n")
    os.utime(path, (time.time() + 5, time.time() + 5))
    again = get(port, "/feeds/all.atom", {"If-None-Match": etag})
    assert again.status == 200 and again.getheader("ETag") != etag


def test_no_traversal_outside_the_folder(served: tuple[Path, int]) -> None:
    _, port = served
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/feeds/..%2f..%2fsecret.txt", "/..%5csecret.txt",
                 "/leak.txt", "/.tracker-site.json", "/feeds/.tracker-feeds.json", "/nope.html", "/%00",
                 "//etc/passwd", "/../../../../etc/passwd"):
        resp = get(port, path)
        assert resp.status == 404, path
        assert b"outside the site" not in resp.body and b"root:" not in resp.body  # type: ignore[attr-defined]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cli_server(arc: Archive, site: Path) -> tuple[subprocess.Popen, int]:
    """The real ``tracker serve`` in a subprocess (registered here until cli.py does it)."""
    port = free_port()
    boot = ("import sys\nfrom tracker.cli.app import cli\nfrom tracker.cli.publish import serve\n"
            "if 'serve' not in cli.commands: cli.add_command(serve)\ncli(sys.argv[1:])")
    proc = subprocess.Popen(
        [sys.executable, "-c", boot, "--store", str(arc.store), "--sources", str(arc.sources), "serve",
         "--port", str(port), "--out", str(site)],
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


def test_tracker_serve_publishes_then_serves(archive: tuple[Archive, Pages], tmp_path: Path) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    site = tmp_path / "served"
    proc, port = start_cli_server(arc, site)
    try:
        atom = get(port, "/feeds/material.atom")
        assert atom.status == 200
        # feeds link to the pages at the address actually served
        assert f"http://127.0.0.1:{port}/lumen/terms-of-service/".encode() in atom.body  # type: ignore[attr-defined]
        assert (site / "index.html").is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=10)

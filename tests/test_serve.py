"""``tracker serve``: content types, validators and 304s, and nothing served from outside the folder."""

from __future__ import annotations

import os
import time
from email.utils import formatdate
from pathlib import Path
from typing import Iterator

import pytest

from support import Archive, Pages, get, start_cli_server, three_changes
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


def test_the_preview_never_overwrites_the_published_site(archive: tuple[Archive, Pages]) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    arc.tracker("publish", "--base-url", "https://terms.example.org")  # the real site: <store>/site
    site = arc.store / "site"
    published = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert b"https://terms.example.org/lumen/terms-of-service/" in (site / "feeds/material.atom").read_bytes()
    proc, port = start_cli_server(arc, None)
    try:
        atom = get(port, "/feeds/material.atom")
        assert atom.status == 200
        assert f"http://127.0.0.1:{port}/lumen/terms-of-service/".encode() in atom.body  # type: ignore[attr-defined]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    preview = arc.store / "preview"
    assert (preview / "index.html").is_file() and f":{port}/".encode() in (preview / "feeds/material.atom").read_bytes()
    # every file of the published site as it was, none added: its links still the public ones
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == published


def test_serve_into_the_published_site_only_when_asked_and_with_a_warning(archive: tuple[Archive, Pages]) -> None:
    arc, pages = archive
    arc.run()
    proc, port = start_cli_server(arc, arc.store / "site")
    try:
        assert get(port, "/").status == 200
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "warning: --out" in err and "`tracker publish` writes the site" in err

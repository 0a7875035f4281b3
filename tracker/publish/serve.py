"""``tracker serve``: serve a published site folder over HTTP on the local machine.

Static files only, read from one folder: feed content types that readers recognise, ETag and
Last-Modified with 304 answers (feed readers poll; most polls should cost a few bytes), and no
path, symlink or encoded dot-dot that reaches outside the folder. GET and HEAD only.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import threading
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


def resolve(root: Path, url_path: str) -> Path | None:
    """The file ``url_path`` names inside ``root``, or None if it is missing or outside ``root``."""
    path = unquote(urlsplit(url_path).path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in posixpath.normpath("/" + path).split("/") if p]
    if any(p.startswith(".") for p in parts):  # hidden files (state, temp files) and any '..'
        return None
    root = root.resolve()
    target = root.joinpath(*parts)
    if target.is_dir():
        target = target / "index.html"
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_relative_to(root) or not real.is_file():  # a symlink pointing out stays out
        return None
    return real


def etag_for(stat: os.stat_result) -> str:
    """Strong validator from size and mtime: publish rewrites a file only when it changes."""
    raw = f"{stat.st_mtime_ns}:{stat.st_size}".encode()
    return '"' + hashlib.sha256(raw).hexdigest()[:20] + '"'


def make_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    root = Path(root).resolve()

    class Handler(BaseHTTPRequestHandler):
        server_version = "tracker"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            self._serve(body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(body=False)

        def _serve(self, body: bool) -> None:
            target = resolve(root, self.path)
            if target is None:
                self._plain(HTTPStatus.NOT_FOUND, "not found\n", body)
                return
            stat = target.stat()
            etag = etag_for(stat)
            last_modified = formatdate(stat.st_mtime, usegmt=True)
            if self._not_modified(etag, int(stat.st_mtime)):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", last_modified)
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                return
            data = target.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream"))
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", "no-cache")  # always revalidate: cheap with 304s
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def _not_modified(self, etag: str, mtime: int) -> bool:
            """RFC 9110: If-None-Match wins over If-Modified-Since when both are sent."""
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
                return "*" in tags or etag in tags
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    return mtime <= int(parsedate_to_datetime(ims).timestamp())
                except (TypeError, ValueError, OverflowError):
                    return False
            return False

        def _plain(self, status: HTTPStatus, text: str, body: bool) -> None:
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            if not getattr(self.server, "quiet", False):
                super().log_message(format, *args)

    return Handler


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False) -> ThreadingHTTPServer:
    """A bound (not yet serving) server for ``root``; port 0 picks a free port."""
    server = ThreadingHTTPServer((host, port), make_handler(root))
    server.daemon_threads = True
    server.quiet = quiet  # type: ignore[attr-defined]
    return server


def serve_in_thread(root: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Start serving in a daemon thread (tests, demos); call ``shutdown()`` to stop."""
    server = make_server(root, host, port, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server

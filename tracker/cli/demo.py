"""``tracker demo``: the whole job, offline, on a fictional AI service's terms.

A real HTTP server on 127.0.0.1 serves the pages of ``demo_pages.ROUNDS``; between rounds the
pages change the way real ones do (not at all, noise outside the terms, only the date, then real
changes). Each round is an ordinary snapshot run into a real git archive and SQLite index, so what
the demo prints is exactly what a scheduled run would record.
"""

from __future__ import annotations

import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click


class _Pages:
    """The pages currently served; swapped between rounds."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}


def _server(pages: _Pages) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            body = pages.pages.get(self.path.split("?")[0])
            if body is None:
                self.send_error(404)
                return
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_sources(path: Path, base_url: str) -> None:
    """A sources.toml for the demo service, as a user would write it."""
    import tracker.cli.demo_pages as dp

    # `tracker run` with this file after the demo fails to connect: say why in the file itself
    lines = [f"{SOURCES_MARK} the server at {base_url} runs only while the demo does, so a\n"
             "# `tracker run` with this file afterwards cannot connect. A model for your own sources.toml.\n",
             f'[[service]]\nid = "{dp.SERVICE_ID}"\nname = "{dp.SERVICE_NAME}"\n']
    for doc_type, url_path in dp.DOCUMENTS.items():
        lines.append(
            f'  [[service.document]]\n  type = "{doc_type}"\n  url = "{base_url}{url_path}"\n'
            f"  select = {list(dp.SELECT)!r}\n  remove = {list(dp.REMOVE)!r}\n".replace("'", '"')
        )
    path.write_text("\n".join(lines), encoding="utf-8")


DEFAULT_DIR_NAME = "tracker-demo"  # under the system's temporary folder: one, reused by every demo
# The first words of every sources file the demo writes: how a later demo knows the file is its own
SOURCES_MARK = "# Written by `tracker demo`:"
# What the demo writes in its folder (``--dir``, or the default one): nothing else may be there
DEMO_FILES = ("sources.toml", "snapshots")


def demo_locations(directory: Path | None, store: Path | None) -> tuple[Path, Path]:
    """(sources file, store folder) of a demo: the global ``--store`` when one was given (its
    sources file beside it), else ``DIR/snapshots`` and ``DIR/sources.toml`` where DIR is
    ``--dir`` or ``<temp>/tracker-demo`` (the same folder every time, so nothing piles up)."""
    if store is not None:
        return store.parent / f"{store.name}-demo-sources.toml", store
    root = directory if directory is not None else Path(tempfile.gettempdir()) / DEFAULT_DIR_NAME
    return root / "sources.toml", root / "snapshots"


def check_demo_files(sources_path: Path, folder: Path | None) -> None:
    """Refuse (ConfigError: exit 2) before anything is written when the demo would overwrite a file
    it did not write: a ``sources_path`` that exists without the demo's first line
    (``SOURCES_MARK``), or, for the demo's own folder ``folder`` (``--dir``, or the default one;
    None with a global ``--store``), anything in it but the demo's ``sources.toml`` and
    ``snapshots`` (whose archive ``clear_previous_demo`` checks)."""
    from tracker.errors import ConfigError

    if folder is not None and folder.is_dir():
        others = sorted(p.name for p in folder.iterdir() if p.name not in DEMO_FILES)
        if others:
            shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
            raise ConfigError(f"{folder} holds files the demo did not write ({shown}); the demo never writes "
                              "into such a folder: pass --dir with an empty or new folder")
    try:
        with sources_path.open(encoding="utf-8", errors="replace") as file:
            first = file.readline()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ConfigError(f"cannot read {sources_path} ({exc.strerror}); pass --dir with an empty or new folder") from exc
    if not first.startswith(SOURCES_MARK):
        raise ConfigError(f"{sources_path} exists and was not written by the demo; the demo never overwrites it: "
                          "pass --dir with an empty or new folder" + (
                              "" if folder is not None else " (or another --store: the demo's sources file goes "
                              "beside it)"))


def clear_previous_demo(store_dir: Path) -> bool:
    """Remove the archive of an earlier demo at ``store_dir`` so the demo can run again; True if
    there was one. Raises ConfigError when ``store_dir`` holds anything but the demo's service
    (a real archive is never touched)."""
    import shutil

    import tracker.cli.demo_pages as dp
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.errors import ConfigError

    store = Store(store_dir)
    if not store_dir.exists() or not any(store_dir.iterdir()):
        return False
    others: list[str] = []
    if store.index_path.exists():
        with Index(store.index_path) as index:
            others = [d["key"] for d in index.documents() if not d["key"].startswith(f"{dp.SERVICE_ID}/")]
    ours = all(p.name in ("archive", "feeds", "site") or p.name.startswith(store.index_path.name)
               or p.name.endswith(".lock") for p in store_dir.iterdir())
    demo_only = store.index_path.exists() and not others and ours
    if not demo_only:
        raise ConfigError(f"{store_dir} already holds something other than a demo archive; the demo never "
                          "writes into it: pass another --store or --dir (an empty or new folder)")
    shutil.rmtree(store_dir)
    return True


def run_demo(directory: Path | None = None, store_dir: Path | None = None) -> int:
    """Run every round, print what was recorded, then the diff, feeds and locations.

    ``store_dir`` is the global ``--store`` when the user gave one; see ``demo_locations``.
    An earlier demo's archive there is replaced, so the demo can be run again and again.
    """
    import tracker.cli.demo_pages as dp
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.cli.output import clean, history_line
    from tracker.fetch import FetchOptions
    from tracker.cli.publish import feed_count
    from tracker.publish.build import publish_feeds
    from tracker.publish.catalog import FEED_EXTS
    from tracker.run.loop import run_snapshot
    from tracker.sources.config import load_sources

    sources_path, store_path = demo_locations(directory, store_dir)
    check_demo_files(sources_path, None if store_dir is not None else sources_path.parent)
    replaced = clear_previous_demo(store_path)
    sources_path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(store_path)
    pages = _Pages()
    server = _server(pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    write_sources(sources_path, base)
    documents = load_sources(sources_path).documents()
    if replaced:
        click.echo(f"(replacing the archive of an earlier demo in {store.root})")
    click.echo(f"Serving the fictional terms of {dp.SERVICE_NAME} at {base}; archive in {store.root}\n")
    try:
        for number, round_ in enumerate(dp.ROUNDS, start=1):
            pages.pages = dict(round_.pages)
            click.secho(f"Round {number}: {round_.title}", bold=True)
            click.echo(f"  {round_.description}")
            result = run_snapshot(store, documents, FetchOptions(host_delay=0))
            for o in sorted(result.outcomes, key=lambda o: o.key):
                detail = f"  {clean(o.summary)}" if o.summary and o.outcome != "new" else ""
                detail = f"  ({clean(o.error)})" if o.error else detail
                click.echo(f"  {o.outcome:>9}  {clean(o.key)}{detail}")
            click.echo(f"  {result.summary_line()}\n")
    finally:
        server.shutdown()
    with Index(store.index_path) as index:
        terms_key = f"{dp.SERVICE_ID}/Terms of Service"
        versions = index.version_rows(terms_key)
        if not versions:
            click.echo("Nothing was recorded: see the errors above.", err=True)
            return 1
        click.secho("History of the Terms of Service (tracker history):", bold=True)
        material = index.material_counts([v.commit_sha for v in versions if v.material])
        for v in versions:
            click.echo(history_line(v, material.get(v.commit_sha, 0)))
        last = versions[-1]
        click.secho(f"\nLatest clause diff (tracker diff {dp.SERVICE_ID} \"Terms of Service\"):", bold=True)
        from tracker.cli.output import diff_lines

        for line in diff_lines(index.changes_for(last.commit_sha), color=False):
            click.echo(f"  {line}" if line else "")
        # where `publish` keeps them (its default folder): one set of feeds for a newcomer who
        # goes on with the `publish` the demo suggests, not a second one left to go stale
        from tracker.cli.publish import SITE_DIR

        feed_dir = store.root / SITE_DIR / "feeds"
        report = publish_feeds(index, feed_dir)
    click.echo(f"Feeds: {feed_count(report)} feeds in {feed_dir} (each feed is {len(FEED_EXTS)} files: "
               f"{', '.join(FEED_EXTS)}): all changes, material ones, one per service, document and category, "
               "and documents needing attention")
    click.echo(f"Archive (git): {store.archive}   try: git -C '{store.archive}' log --stat")
    click.echo(f"Index (SQLite): {store.index_path}")
    click.echo(f"Sources: {sources_path} (a model; its server stopped with the demo)")
    # the next commands a newcomer tries, on this archive (the README's quick start)
    where = f"{invoked_as()} --store '{store.root}'"
    click.echo(f"Explore: {where} history {dp.SERVICE_ID}")
    click.echo(f"         {where} search credits")
    click.echo(f"         {where} publish      # a static site with its feeds, in {store.root / 'site'}")
    click.echo("Run the demo again at any time: it replaces its own archive, nothing else.")
    return 0


def invoked_as(argv0: str | None = None) -> str:
    """How to call the tracker again in a command to copy: "tracker" when that name on PATH is
    the program running, else the path it was started by (".venv/bin/tracker", as the README
    installs it, where a bare "tracker" is not found). "tracker" when not started by its script
    (``python -m``, tests). ``argv0`` defaults to ``sys.argv[0]``."""
    import shlex
    import shutil
    import sys

    argv0 = sys.argv[0] if argv0 is None else argv0
    if Path(argv0).name != "tracker":
        return "tracker"
    found = shutil.which("tracker")
    if found and Path(found).resolve() == Path(argv0).resolve():
        return "tracker"
    return shlex.quote(argv0)

"""Click commands for publishing: ``publish`` (static site + feeds), ``serve`` and ``notify``.

Registered on the main group by cli.py (``cli.add_command``); they use its global ``Context``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from tracker.errors import ConfigError, InvalidArgument

# Where `publish` writes the site and where `serve` writes its preview, in the store folder: two
# folders, because the preview's feeds link to the local server, the site's to --base-url.
SITE_DIR = "site"
PREVIEW_DIR = "preview"


@click.command()
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output directory (default: <store>/site).")
@click.option("--base-url", default="", help="Public URL of the output directory (feeds need absolute links).")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True, help="Entries per feed.")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@click.pass_obj
def publish(obj: Any, out: str | None, base_url: str, limit: int, as_json: bool) -> None:
    """Write the static diff site and every feed (incrementally: unchanged files are not touched).

    \b
    Layout of the output directory:
      index.html                                services and their latest changes
      <service>/<document>/index.html           a document's version history
      <service>/<document>/<time>-<hash>.html   one version's clause diff
      feeds/...                                 Atom, RSS and JSON feeds (see the README)

    Exit codes: 0 written; 1 the output folder cannot be written; 2 a --base-url that is not an
    http(s) URL, or an --out that is a file or a file's name (site.html); 3 the archive or index cannot be read. Without --base-url, a warning: the
    feeds' links are then file:// paths.

    \b
    Examples:
      tracker publish
      tracker publish --out public --base-url https://terms.example.org
    """
    from tracker.publish import publish_site

    check_out_folder(out, "the site's pages and feeds")
    out_dir = Path(out) if out else obj.store_dir / SITE_DIR
    check_base_url(base_url)
    with obj.index() as index:
        try:
            report = publish_site(index, out_dir, base_url=base_url, limit=limit)
        except OSError as exc:
            raise_unwritable(out_dir, exc)
    warn_no_base_url(base_url)
    if as_json:
        import json

        click.echo(json.dumps({"out": str(out_dir), "pages_written": report.pages_written,
                               "pages": report.pages_total, "feeds_rebuilt": report.feeds.rebuilt,
                               "feeds": feed_count(report.feeds), "entries_rendered": report.feeds.rendered,
                               "summaries_computed": report.summaries_computed},
                              indent=2))
        return
    click.echo(f"site: {len(report.pages_written)} of {report.pages_total} page(s) written, "
               f"{feeds_line(report.feeds)}, in {out_dir} (start page: {out_dir / 'index.html'})")


def feed_count(report: Any) -> int:
    """How many feeds a ``FeedReport`` covers: a feed is one list of entries, written as three files."""
    from tracker.publish.catalog import FEED_EXTS

    return len(report.paths) // len(FEED_EXTS)


def feeds_line(report: Any) -> str:
    """The one way `feed`, `publish` and `reanalyse --feeds` count feeds: "feeds: 2 of 28 rebuilt
    (each feed is 3 files: .atom, .rss, .json)" - feeds, never files, with the files explained."""
    from tracker.publish.catalog import FEED_EXTS

    return (f"feeds: {len(report.rebuilt)} of {feed_count(report)} rebuilt (each feed is {len(FEED_EXTS)} files: "
            f"{', '.join(FEED_EXTS)})")


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Preview directory (default: <store>/preview, never the <store>/site that "
                   "`tracker publish` writes).")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True, help="Entries per feed.")
@click.pass_obj
def serve(obj: Any, port: int, host: str, out: str | None, limit: int) -> None:
    """Publish a preview of the site, then serve it over HTTP (Ctrl-C to stop).

    The preview goes to <store>/preview (or --out DIR), not to the <store>/site that `tracker
    publish` writes: its feeds link to this server's local address, so the published site and its
    --base-url links are never overwritten. The preview folder is kept between calls, so the
    next preview rewrites only what changed.

    Feeds are served with their own content types, ETag and Last-Modified, so readers polling
    them get cheap 304 answers.

    Exit codes: 130 stopped with Ctrl-C (one line says so; the site is complete unless the
    Ctrl-C came while it was written, when publishing again finishes it); 1 the site folder
    cannot be written; 2 cannot listen (port in use, unknown host, a port that needs root), or an
    --out that is a file's name (preview.html); 3
    the archive or index cannot be read.

    \b
    Examples:
      tracker serve                     # http://127.0.0.1:8000/, from <store>/preview
      tracker serve --port 0 --out /tmp/site
    """
    from tracker.publish.build import publish_site
    from tracker.publish.serve import make_server

    check_out_folder(out, "the preview's pages and feeds")
    out_dir = Path(out) if out else obj.store_dir / PREVIEW_DIR
    if out_dir.resolve() == (obj.store_dir / SITE_DIR).resolve():
        # asked for by name: done, but the published site's links now point at this server
        click.echo(f"warning: --out {out_dir} is where `tracker publish` writes the site: its feeds will link to "
                   "this local server until `tracker publish` runs again", err=True)
    try:
        server = make_server(out_dir, host, port)  # bind first: the feeds need the real port
    except OSError as exc:
        click.echo(f"error: {listen_error(host, port, exc)}", err=True)
        sys.exit(EXIT_LISTEN)
    bound_host, bound_port = server.server_address[:2]
    bound_host = bound_host.decode() if isinstance(bound_host, bytes) else str(bound_host)
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    url = f"http://{shown}:{bound_port}"
    serving = False
    try:
        with obj.index() as index:
            try:
                publish_site(index, out_dir, base_url=url, limit=limit)
            except OSError as exc:
                raise_unwritable(out_dir, exc)
        serving = True  # the site is whole from here (set before saying so: a Ctrl-C may follow)
        click.echo(f"Serving {out_dir} at {url}/ (Ctrl-C to stop)", err=False)
        sys.stdout.flush()
        server.serve_forever()
    except KeyboardInterrupt as exc:
        if type(exc).__name__ == "Terminated":  # SIGTERM: said as such, exit 143, by the app (`cli.app.Terminated`)
            raise
        # Stopped as a shell stops any command with Ctrl-C: 130 and one plain line (an interrupt
        # is no error), never a traceback.
        # Every file was written to a temporary name and renamed, so none is half written.
        # (said here as `cli.app.fail` says it: this module is imported by the app, never the reverse)
        from tracker.text import strip_unsafe

        click.echo("", err=True)
        message = (f"interrupted (Ctrl-C): stopped serving {out_dir} (the site there is complete)" if serving else
                   f"interrupted (Ctrl-C) while publishing {out_dir}: every file written is whole; run the "
                   "command again to finish the site")
        click.echo(strip_unsafe(message), err=True)  # no "error:": Ctrl-C is how a server is stopped
        sys.exit(130)
    finally:
        server.server_close()


EXIT_OUTPUT = 1  # the output folder cannot be written (documented in --help and the README)
EXIT_LISTEN = 2  # `serve` cannot listen: an option to change (port in use, unknown host)


def raise_unwritable(out_dir: Path, exc: OSError, what: str = "the site") -> NoReturn:
    """One line for an output folder that cannot be written (``what`` it was to hold), then exit
    ``EXIT_OUTPUT``."""
    where = exc.filename or out_dir
    click.echo(f"error: cannot write {what} to {out_dir} ({exc.strerror or exc}: {where}); choose a "
               "writable folder with --out", err=True)
    sys.exit(EXIT_OUTPUT)


# Suffixes of the files `feed` and `publish` write: an --out with one of them that does not exist yet
# is a file name given where a folder is wanted (it would silently become a folder named "out.xml").
_FILE_SUFFIXES = (".xml", ".atom", ".rss", ".json", ".html", ".htm")


def check_out_folder(out: str | None, what: str) -> None:
    """Exit 2 with one line when ``--out`` does not exist yet and names a file (``out.xml``): the
    output is a folder of several files (``what`` says which), so a file name there is a mistake."""
    if not out or Path(out).exists() or Path(out).suffix.lower() not in _FILE_SUFFIXES:
        return
    click.echo(f"error: --out {out!r} looks like a file name, but --out is the folder {what} are written "
               f"to (several files); give a folder, e.g. --out {Path(out).with_suffix('')}", err=True)
    sys.exit(2)


def check_base_url(base_url: str) -> str:
    """``--base-url`` as given when it is an absolute http(s) URL (or none); exit 2 with one line
    when it is not one."""
    from urllib.parse import urlsplit

    if not base_url:
        return base_url
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in base_url):
        click.echo(f"error: --base-url {base_url!r} is not an absolute http(s) URL; give the public URL of the "
                   "output folder, e.g. --base-url https://terms.example.org", err=True)
        sys.exit(2)
    return base_url


def warn_no_base_url(base_url: str) -> None:
    """Once the feeds are written without --base-url: say their links are local file: paths."""
    if not base_url:
        click.echo("warning: no --base-url: the feeds link to file:// paths on this machine; pass "
                   "--base-url https://... (where the folder is served) to publish them", err=True)


def listen_error(host: str, port: int, exc: OSError) -> str:
    """What to do when the server cannot listen on ``host:port``."""
    import errno
    import socket

    if isinstance(exc, socket.gaierror):
        return (f"cannot listen on {host!r}: unknown host ({exc.strerror}); use an address of this machine, "
                "e.g. --host 127.0.0.1 or --host 0.0.0.0")
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is already in use; pick another with --port (0 picks a free one)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"not allowed to listen on port {port} ({exc.strerror}); use a port above 1023, or --port 0"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this machine ({exc.strerror}); use e.g. --host 127.0.0.1"
    return f"cannot listen on {host}:{port} ({exc.strerror or exc}); try another --host or --port"


def _known_services(obj: Any) -> set[str]:
    """The service ids the sources file declares and the archive holds (those that can be read)."""
    known: set[str] = set()
    try:
        known |= {d.service_id for d in obj.sources().documents()}
    except Exception:  # noqa: BLE001 - no or a broken sources file: the archive's ids alone
        pass
    try:
        if (obj.store_dir / "index.sqlite").exists():
            from tracker.archive.index import Index

            with Index(obj.store_dir / "index.sqlite") as index:
                known |= set(index.service_names())
    except Exception:  # noqa: BLE001 - no readable archive: the declared ids alone
        pass
    return known


@click.command()
@click.option("--notify", "notify_file", type=click.Path(dir_okay=False), default=None,
              help="Notify file (default: notify.toml next to the sources file).")
@click.option("--run", "run_id", type=click.IntRange(min=1), default=None, help="Run number (default: the latest run that recorded something).")
@click.option("--check", is_flag=True,
              help="Check the notify file and that each target can be reached (sends nothing by default).")
@click.option("--send-test", is_flag=True,
              help="With --check: send each target a test message (the only test e-mail or chat targets allow).")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,  # (notify.PROBE_TIMEOUT)
              metavar="SECONDS", help="With --check: how long to wait for each target.")
@click.pass_obj
def notify(obj: Any, notify_file: str | None, run_id: int | None, check: bool, send_test: bool,
           timeout: float) -> None:
    """Send the notifications of a run again (or check the notify file and its targets).

    --check validates the notify file, then tries each target and prints one line per target,
    "ok" or "failed" with the reason (connection refused, HTTP 500, timed out...). A generic
    webhook (json://, xml://, form://, and their s variants) gets a HEAD request, which delivers
    nothing: any answer below HTTP 500 means its server is up. Other kinds (e-mail, Slack, ntfy...)
    can only be tested by sending a message: they are "not probed" unless --send-test is given,
    which sends every target a short test message instead. Exit codes: 0 every target tried was
    reachable; 1 one or more failed; 2 a bad notify file (also one with no target, or a target's
    service that the sources file does not declare and the archive does not hold).

    \b
    Examples:
      tracker notify --check
      tracker notify --check --send-test
      tracker notify --run 12 --notify /etc/tracker/notify.toml
    """
    from tracker.cli.output import clean
    from tracker.publish.notify import (
        check_target,
        find_notify_file,
        load_notify,
        notify_after_run,
        run_commits,
        unknown_services,
    )

    if send_test and not check:
        raise InvalidArgument("--send-test goes with --check: `tracker notify --check --send-test`")
    path = find_notify_file(obj.sources_path, Path(notify_file) if notify_file else None)
    if path is None:
        raise ConfigError(f"no notify file: create {obj.sources_path.parent / 'notify.toml'} or pass --notify FILE")
    config = load_notify(path)  # ConfigError -> exit 2 with every problem listed
    if check:
        # a target's service id that names no service would silently get nothing: a bad file too
        if unknown := unknown_services(config, _known_services(obj)):
            raise ConfigError("invalid notify file:\n  " + "\n  ".join(f"{path}: {line}" for line in unknown))
        click.echo(f"{path}: {len(config.targets)} target(s), configuration OK")
        checks = [check_target(target, send_test=send_test, timeout=timeout) for target in config.targets]
        width = max((len(c.target.label) for c in checks), default=0)
        for c in checks:
            click.echo(f"  {c.status:<10}  {clean(c.target.label):<{width}}  ({clean(c.detail)})",
                       err=c.failed)
        failed = sum(c.failed for c in checks)
        if failed:
            click.echo(f"{failed} of {len(checks)} target(s) cannot be reached: changes would not reach them "
                       "(they stay recorded and in the feeds)", err=True)
        sys.exit(1 if failed else 0)
    with obj.index() as index:
        shas = run_commits(index, run_id)
        number = run_id if run_id is not None else index.latest_recording_run()  # (named if a delivery fails)
    delivered: list[tuple[str, str]] = []
    errors = notify_after_run(obj.store_dir, obj.sources_path, shas, notify_path=path, delivered=delivered,
                              run_id=number, command=obj.notify_command(notify_file))
    if not errors and shas:
        _hand_over_stopped_runs(obj, set(shas))
    for e in errors:
        click.echo(f"error: {e}", err=True)
    # what was delivered, not what was looked at: first versions and versions no target's filter
    # wants are not sent, and a failed delivery is an error above
    sent_versions = len({sha for sha, _ in delivered})
    click.echo(f"sent {len(delivered)} message(s) about {sent_versions} of the run's {len(shas)} version(s), "
               f"{len(errors)} error(s)" + ("" if sent_versions == len(shas) or errors else
                                            " (first versions and versions no target asks for are not sent)"))
    sys.exit(1 if errors else 0)


def _hand_over_stopped_runs(obj: Any, sent: set[str]) -> None:
    """A stopped run whose versions `tracker notify` has just sent is taken off the list the next
    run sends from (``tracker.run.loop.stopped_runs``), so they are not sent twice. Kept listed
    while any delivery failed: the next run then tries again."""
    from tracker.run.loop import forget_stopped_runs, stopped_runs

    with obj.index() as index:
        done = [r for r in stopped_runs(index) if set(index.run_commits(r)) <= sent]
        if done:
            forget_stopped_runs(index, done)

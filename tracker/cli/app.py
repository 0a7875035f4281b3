"""The ``tracker`` command line: thin click commands over the library.

Exit codes: 0 success; 1 a run in which one or more documents failed, a file that cannot be
read or written, or an unexpected internal error; 2 bad usage or a broken sources file; 3 the
archive or index could not be read or written; 4 nothing found (unknown service, document or
version); 5 another run holds the lock; 6 a run in which robots.txt disallowed every document;
130 interrupted by Ctrl-C; 143 stopped by SIGTERM (the same safe stop). Every error is one
``error: ...`` line on stderr (``fail``), click's usage errors too.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, NoReturn

import click

from tracker.errors import (
    ConfigError,
    InvalidArgument,
    NotFoundError,
    StoreError,
    TrackerError,
)

if TYPE_CHECKING:
    from tracker.api import Archive
    from tracker.archive import Index, Store
    from tracker.records import Analysis
    from tracker.sources import Sources

EXIT_NOT_FOUND = 4
# Archive.document's NotFoundError when a service has several documents and none was named: the
# API keeps its one error type, the command line calls it what it is, bad usage (exit 2)
_SEVERAL_DOCUMENTS = re.compile(r"service '.*' has several documents; name one of: ")
# Left to click: --help, --version and ctx.exit() raise Exit; plain `tracker` shows the help through
# a UsageError (click 8.2+; 8.1 prints the help itself); Abort and EOFError (an interrupted
# prompt) are click's "Aborted!", not a bug.
_LEFT_TO_CLICK: tuple[type[Exception], ...] = (click.exceptions.Exit, click.exceptions.Abort, EOFError, *(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if isinstance(t, type)))


class Context:
    """Global options shared by every command."""

    def __init__(self, store: str, sources: str | None) -> None:
        self.store_dir = Path(store)
        self.sources_path = Path(sources) if sources else Path("sources.toml")
        self.sources_given = sources is not None

    def _require_folder(self) -> None:
        """Refuse a store path that is a file: every command using it would fail further on
        with a less clear message ("no archive at FILE/archive", "File exists")."""
        if self.store_dir.exists() and not self.store_dir.is_dir():
            raise InvalidArgument(f"--store {self.store_dir} is a file, not a folder; give the folder that holds "
                                  "(or will hold) the archive, e.g. --store snapshots")

    def notify_command(self, notify_file: str | None = None) -> str:
        """``tracker notify`` with the --store, --sources and --notify this command was given (as
        absolute paths, so it works from any folder), for a line that tells the user what to type:
        "tracker --store /srv/terms notify --run 27"."""
        import shlex

        words = ["tracker"]
        if self.store_dir != Path("snapshots"):
            words += ["--store", shlex.quote(str(self.store_dir.resolve()))]
        if self.sources_given:
            words += ["--sources", shlex.quote(str(self.sources_path.resolve()))]
        words.append("notify")
        if notify_file:
            words += ["--notify", shlex.quote(str(Path(notify_file).resolve()))]
        return " ".join(words)

    def store(self) -> "Store":
        from tracker.archive import Store

        self._require_folder()
        return Store(self.store_dir)

    def sources(self) -> "Sources":
        from tracker.sources import load_sources

        return load_sources(self.sources_path)

    def archive(self) -> "Archive":
        """The archive for the query commands (``tracker.api``); opened on its first query."""
        from tracker.api import Archive

        self._require_folder()
        # a date before a document's first version: that first version, and a note saying so
        return Archive(self.store_dir, before_first=lambda note: click.echo(f"note: {note}", err=True))

    def index(self, *, sync: bool = True) -> "Index":
        """Open the index of an existing archive, catching up with git first (unless another
        process's run or import is writing it: ``archive.record.catch_up``)."""
        from tracker.archive.index import Index
        from tracker.archive.record import catch_up

        store = self.store()
        store.require()
        index = Index(store.index_path)
        if sync:
            catch_up(store, index)
        return index


def _stdout_gone() -> bool:
    """True when standard output is a pipe whose reader has gone (Linux reports POLLERR on it)."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), 0)  # POLLERR and POLLHUP are always reported
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def dask_option(what: str) -> Any:
    """``--dask ADDRESS`` (env ``TRACKER_DASK_SCHEDULER``): run ``what`` on a Dask cluster."""
    return click.option("--dask", "dask", metavar="ADDRESS", envvar="TRACKER_DASK_SCHEDULER", default=None,
                        help=f"Analyse {what} on the Dask cluster whose scheduler is at ADDRESS (e.g. "
                             "tcp://host:8786; needs the dask extra). Env: TRACKER_DASK_SCHEDULER.")


@contextmanager
def analysis_executor(dask: str | None) -> Iterator[Any]:
    """The executor of a command's analyses (a Dask cluster when ``dask`` is an address, else the
    local pool), installed as the current one for the command; closed afterwards."""
    from tracker.analysis.executor import make_executor, use

    with make_executor(dask) as executor, use(executor):
        yield executor


def fail(message: str, code: int) -> NoReturn:
    """Report a user error the one way every command does: ``error: MESSAGE`` on one line of
    stderr, then exit with ``code`` (the exit codes of the module docstring). Control characters
    are dropped: a message may quote a page or an exception."""
    from tracker.text import strip_unsafe

    click.echo(f"error: {strip_unsafe(message)}", err=True)
    sys.exit(code)


# The global options (before the command) and what each takes, for the message of one put after it.
_GLOBAL_OPTIONS = {"--store": "DIR", "--sources": "FILE"}


def usage_message(exc: click.ClickException) -> str:
    """Click's own errors (a missing argument, an unknown option, a value out of range) as one
    line in the tracker's style: "missing argument 'SERVICE' (usage: tracker history [OPTIONS]
    SERVICE [DOCUMENT]; see 'tracker history --help')". Click would print a four-line
    "Usage: ... Error: ..." block instead."""
    message = " ".join(exc.format_message().split())  # a list of choices spans several lines
    if message[:1].isupper() and message[1:2].islower():  # "Missing ..." -> "missing ...", not "URL"
        message = message[0].lower() + message[1:]
    message = message.rstrip(".")
    ctx = getattr(exc, "ctx", None)
    name = getattr(exc, "option_name", "") or ""
    if isinstance(exc, click.NoSuchOption) and name in _GLOBAL_OPTIONS and ctx is not None and ctx.parent is not None:
        # `tracker history acme --store DIR`: an option of tracker itself, after the command
        return (f"{name} is an option of tracker itself, not of '{ctx.command_path}': put it before the command "
                f"(tracker {name} {_GLOBAL_OPTIONS[name]} {ctx.info_name} ...)")
    if isinstance(exc, click.UsageError) and ctx is not None:
        usage = " ".join(ctx.get_usage().split()).removeprefix("Usage: ")
        message += f" (usage: {usage}; see '{ctx.command_path} --help')"
        param = getattr(exc, "param", None)
        if isinstance(exc, click.MissingParameter) and param is not None and param.name == "service":
            message += _known_services(ctx)  # the first question after an import: which names are there?
    return message


def _known_services(ctx: click.Context) -> str:
    """"; services in this archive: badoo, bumble, ... (N in all)" for a missing SERVICE, or "" when
    there is no archive (or it cannot be read: the usage error stands on its own)."""
    obj = ctx.find_object(Context)
    if obj is None:
        return ""
    try:
        from tracker.api import Archive

        with Archive(obj.store_dir) as archive:
            if not archive.exists():
                return ""
            ids = sorted({r["service_id"] for r in archive.index.documents()})
    except Exception:  # noqa: BLE001 - a hint only: never hide the usage error behind another
        return ""
    if not ids:
        return ""
    shown = ", ".join(ids[:12]) + (f", … ({len(ids)} in all)" if len(ids) > 12 else "")
    return f"; services in this archive: {shown}"


class Terminated(KeyboardInterrupt):
    """SIGTERM (``systemctl stop``, ``docker stop``, ``kill``): raised where Ctrl-C's
    KeyboardInterrupt would be, so a command stops the same safe way (what was written is kept
    whole, nothing half written); it then exits 143 (128 + 15) with one plain line."""


TERMINATED_MESSAGE = ("stopped by SIGTERM (kill, systemctl stop): what was written before it (versions, feeds, "
                      "pages) is kept whole; run the command again to go on")


# how a run cut short was stopped, by SIGTERM or not (Ctrl-C), in its stop line (``run_view.stop_line``)
STOP_HOW = {True: "stopped by SIGTERM (kill, systemctl stop)", False: "interrupted (Ctrl-C)"}


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


def stop_workers() -> None:
    """Stop the analysis worker processes this command started, if any (they ignore Ctrl-C, which
    a terminal sends to them too: the command stops them as it stops; ``executor.stop_workers``)."""
    executor = sys.modules.get("tracker.analysis.executor")
    if executor is not None:
        executor.stop_workers()


class TrackerGroup(click.Group):
    """Turns every error into one clear line on stderr (``error: ...``) and a documented exit
    code: library errors, click's usage errors and, as a last resort, a bug (exit 1; set
    TRACKER_DEBUG=1 for its traceback)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        # the global options are parsed here, before ``invoke``: their errors get the same line
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _LEFT_TO_CLICK:  # plain `tracker`: the help, as click shows it
            raise
        except click.ClickException as exc:
            fail(usage_message(exc), exc.exit_code)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return self._invoke(ctx)
        except _LEFT_TO_CLICK:  # --help, --version, ctx.exit(), plain `tracker`, Abort: not errors
            raise
        except click.ClickException as exc:
            fail(usage_message(exc), exc.exit_code)
        except Exception as exc:  # a bug: still one line, the traceback only when asked for
            if os.environ.get("TRACKER_DEBUG"):
                raise
            fail(f"unexpected internal error ({type(exc).__name__}: {exc}); this is a bug in tracker: please "
                 "report it with the command you ran (TRACKER_DEBUG=1 prints the traceback)", 1)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:  # a bad file or query (also when it is an InvalidArgument)
            fail(str(exc), 2)
        except InvalidArgument as exc:  # a malformed option value: bad usage, exit 2
            fail(str(exc), 2)
        except NotFoundError as exc:
            if _SEVERAL_DOCUMENTS.match(str(exc)):  # the document left out, not missing: bad usage
                sub = f"tracker {ctx.invoked_subcommand} " if ctx.invoked_subcommand else ""
                fail(f"{exc} (usage: {sub}SERVICE DOCUMENT)" if sub else str(exc), 2)
            fail(str(exc), EXIT_NOT_FOUND)
        except StoreError as exc:
            fail(str(exc), 3)
        except TrackerError as exc:
            fail(str(exc), 1)
        except Terminated:  # SIGTERM (systemctl stop, kill): Ctrl-C's safe stop, said as such
            stop_workers()
            click.echo(TERMINATED_MESSAGE, err=True)
            sys.exit(143)
        except KeyboardInterrupt:  # Ctrl-C: one line and the shell's code for SIGINT, not "Aborted!"
            stop_workers()
            click.echo("", err=True)  # the terminal echoed ^C without a line end
            from tracker.errors import INTERRUPT_MESSAGE

            click.echo(INTERRUPT_MESSAGE, err=True)  # no "error:": stopping a command is not one
            sys.exit(130)
        except BrokenPipeError:
            if not _stdout_gone():
                fail("a pipe to a helper process (git or a worker) closed early; run the command again", 1)
            # The reader stopped early (`| head`): not an error, as for cat or grep.
            # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as exc:  # a file or folder given on the command line that cannot be used
            where = f" {exc.filename}" if exc.filename else ""
            # the store's folder (or a file in it) is the archive or index: exit 3, as documented
            code = 3 if _in_store(ctx, exc.filename) else 1
            fail(f"cannot read or write{where}: {exc.strerror or exc}; check the path and its permissions", code)


def _in_store(ctx: click.Context, filename: Any) -> bool:
    """Is ``filename`` (an ``OSError``'s, str, bytes or None) the command's store folder or inside it?"""
    obj = ctx.obj
    if not isinstance(obj, Context) or not filename:
        return False
    path, store = Path(os.fsdecode(filename)).absolute(), obj.store_dir.absolute()
    return path == store or store in path.parents


def emit_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.group(name="tracker", cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", envvar="TRACKER_STORE", default="snapshots", show_default=True,
              help="Archive directory (git archive + SQLite index). Env: TRACKER_STORE.")
@click.option("--sources", "sources", default=None,
              help="Sources file. Default: sources.toml in the current directory.")
@click.version_option(package_name="tracker")
@click.pass_context
def cli(ctx: click.Context, store: str, sources: str | None) -> None:
    """Keep the history of online terms and see, clause by clause, what changed.

    \b
    Examples:
      tracker demo                          # the whole job offline, on fictional terms
      tracker run                           # snapshot every document in sources.toml
      tracker history openrouter            # versions of a service's documents
      tracker diff openrouter "Terms of Service"
      tracker compare old.html new.html --json
    """
    ctx.obj = Context(store, sources)
    if ctx.invoked_subcommand in _ANALYSING:
        from tracker.analysis.decision import mode

        mode()  # a bad TRACKER_MATERIALITY is a one-line error here, before any worker starts
    if ctx.invoked_subcommand not in _NO_STORE:
        ctx.obj._require_folder()  # before a command writes a lock file or a folder next to it


# Commands that analyse version pairs (and so read TRACKER_MATERIALITY).
_ANALYSING = frozenset({"run", "compare", "import-history", "reanalyse", "reindex", "demo"})
# Commands that never open the store: a --store that is a file does not concern them.
_NO_STORE = frozenset({"compare", "classify", "import-declarations"})


# -- run ------------------------------------------------------------------------------------
@cli.command()
@click.option("--service", "-s", "services", multiple=True, help="Only this service id (repeat the option for several).")
@click.option("--document", "-d", help="Only this document type (e.g. 'Terms of Service').")
@click.option("--concurrency", type=click.IntRange(1, 256), default=8, show_default=True,
              help="Requests in flight at once, over all hosts.")
@click.option("--per-host", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Requests in flight at once to one host.")
@click.option("--host-delay", type=click.FloatRange(0, 3600), default=1.0, show_default=True,
              help="Seconds between the starts of two requests to one host (a robots.txt Crawl-delay can raise it).")
@click.option("--retry-backoff", type=click.FloatRange(0, 600), default=1.0, show_default=True,
              help="Seconds before retrying a transient failure (5xx, timeout, reset); doubles after each try. "
                   "A server's Retry-After takes precedence.")
@click.option("--user-agent", help="User-Agent header for documents that do not set their own.")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where robots.txt disallows them.")
@click.option("--shard", metavar="I/N",
              help="Only the I-th of N disjoint shares of the documents (by a hash of their key), e.g. 1/4.")
@click.option("--every", metavar="INTERVAL",
              help="Keep running: one run every INTERVAL (30m, 6h, 1d) until Ctrl-C.")
@click.option("--confirm", type=click.IntRange(1, 100), default=1, show_default=True,
              help="Record a new text only after it was seen in this many consecutive runs (flaky pages).")
@click.option("--no-file-urls", is_flag=True,
              help="Refuse file:// URLs (use when the sources file comes from people you do not trust).")
@click.option("--notify", "notify_file", type=click.Path(dir_okay=False), default=None,
              help="Notification targets (default: notify.toml next to the sources file, if any).")
@dask_option("large batches of changes")
@click.option("--json", "as_json", is_flag=True, help="Print the run result as JSON.")
@click.option("--quiet", "-q", is_flag=True,
              help="Print only the summary line, and one line per document that was held, skipped or failed, "
                   "with why (failed ones on stderr).")
@click.pass_obj
def run(obj: Context, services: tuple[str, ...], document: str | None, concurrency: int, per_host: int,
        host_delay: float, retry_backoff: float, user_agent: str | None, ignore_robots: bool, shard: str | None,
        every: str | None, confirm: int, no_file_urls: bool, notify_file: str | None, dask: str | None,
        as_json: bool, quiet: bool) -> None:
    """Snapshot the declared documents once and record what changed.

    Each document is fetched, its selected region extracted to Markdown, and a new version is
    committed to the archive only when that text differs from the latest one. Fetching is
    polite: robots.txt is honoured (pages it disallows are "skipped", not failed), requests to
    one host are limited and spaced, transient errors are retried with backoff, and pages that
    kept their ETag / Last-Modified cost a 304 (a page sent again byte for byte is not even
    extracted again). Large batches of changes are analysed in worker processes while fetching
    goes on (TRACKER_WORKERS=1 keeps everything in one process), or on a Dask cluster (--dask).

    \b
    Exit codes: 0 all documents checked; 1 one or more documents failed (the others are
    recorded); 2 bad sources file or options; 3 archive or index error; 5 another run holds
    the store's lock (<store>/run.lock); 6 robots.txt disallowed every document (nothing
    checked); 130 interrupted by Ctrl-C during a run; 143 stopped by SIGTERM (kill, systemctl
    stop), the same safe stop. With --every, Ctrl-C or SIGTERM between two runs exits 0
    ("stopped"), and each run's summary line starts with its time (UTC).

    \b
    Examples:
      tracker run
      tracker run --service openrouter --document "Privacy Policy"
      tracker run -s openrouter -s anthropic   # several services
      tracker run --shard 2/4              # one of 4 machines or CI jobs
      tracker run --every 6h -q            # a long-running scheduler of its own
      tracker run --dask tcp://10.0.0.5:8786   # large batches analysed on a Dask cluster
      TRACKER_STORE=/var/lib/tracker tracker --sources /etc/tracker/sources.toml run -q
    """
    import time

    from tracker import regex_cache

    # Before the modules that compile the fetch guards' and the page checks' patterns load: a run
    # compiles about 300 (as many again once a page changed), kept from one run to the next.
    regex_cache.install()
    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
    from tracker.cli.run_view import RunTally, run_display, stop_line
    from tracker.fetch import DEFAULT_USER_AGENT, FetchOptions
    from tracker.publish.notify import NotifyAfterRun
    from tracker.run import (
        EXIT_LOCKED,
        parse_interval,
        parse_shard,
        run_snapshot,
        select_shard,
    )

    interval = parse_interval(every) if every else None
    part = parse_shard(shard) if shard else None
    # for the whole command (every run of --every), closed when it ends
    click.get_current_context().with_resource(analysis_executor(dask))
    options = FetchOptions(concurrency=concurrency, per_host=per_host, host_delay=host_delay,
                           backoff=retry_backoff, user_agent=user_agent or DEFAULT_USER_AGENT, robots=not ignore_robots,
                           allow_file=not no_file_urls)

    def documents() -> list[Any]:
        sources = obj.sources()  # re-read each time: edits apply
        docs = sources.documents(None, document) if not services else list(
            {d.key: d for s in services for d in sources.documents(s, document)}.values())
        if part:
            docs = select_shard(docs, *part)
        if not docs:
            fail("no documents to check: declare some in the sources file"
                 + (f" (shard {shard} is empty)" if part else ""), 2)
        return docs

    tally = RunTally()  # how far the current run got: said if Ctrl-C or SIGTERM cuts it short

    def notifying() -> bool:
        """Is a notify file in use (the stop line then says the versions recorded were not notified)?"""
        from tracker.publish.notify import find_notify_file

        return find_notify_file(obj.sources_path, Path(notify_file) if notify_file else None) is not None

    def once() -> int:
        docs = documents()
        store = obj.store()
        store.check_placed()  # (before the run lock is taken: nothing written inside an archive checkout)
        new_archive = not store.exists()
        notifier = NotifyAfterRun(obj.store_dir, obj.sources_path,
                                  notify_path=Path(notify_file) if notify_file else None,
                                  warn=lambda error: click.echo(f"warning: {error}", err=True),
                                  services={d.service_id for d in obj.sources().documents()},
                                  command=obj.notify_command(notify_file))
        with RunLock(obj.store_dir / LOCK_NAME), run_display(quiet=quiet or as_json, failures=not as_json) as display:
            result = run_snapshot(store, docs, options, confirm=confirm, subscribers=[tally, *display, notifier])
        if as_json:
            emit_json(result.to_dict())
        elif interval is not None:  # a long-lived log (a container's): which run said what
            click.echo(f"{result.started_at:%Y-%m-%d %H:%M:%S} UTC  {result.summary_line()}")
        else:
            click.echo(result.summary_line())
        if new_archive and store.exists() and not (quiet or as_json):
            # a mistyped --store or TRACKER_STORE would otherwise start a second, empty history unseen
            click.echo(f"note: this run created a new archive at {obj.store_dir.resolve()} (check --store or "
                       "TRACKER_STORE if you meant an existing one)", err=True)
        return result.exit_code

    if interval is None:
        try:
            code = once()
        except LockHeld as exc:
            fail(str(exc), EXIT_LOCKED)
        except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM (``Terminated``): say what the run did
            stop_workers()
            by_sigterm = isinstance(exc, Terminated)
            if not by_sigterm:
                click.echo("", err=True)  # the terminal echoed ^C without a line end
            click.echo(stop_line(f"{STOP_HOW[by_sigterm]} during the run", tally, notify=notifying()), err=True)
            sys.exit(143 if by_sigterm else 130)
        sys.exit(code)

    # --every: each iteration is a normal run; a failing or locked-out one does not stop the loop.
    # Ctrl-C also sets a flag: should a library swallow the KeyboardInterrupt somewhere inside a
    # run, the loop still stops once that run is over instead of going on until killed.
    import signal
    import threading

    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_signal)
    previous_term = signal.signal(signal.SIGTERM, on_signal)
    runs = 0
    running = False  # Ctrl-C inside a run cuts it short: say so, and exit as a plain run would
    by_sigterm = False
    try:
        while not stop.is_set():
            started = time.monotonic()
            runs += 1
            running = True
            try:
                once()
            except LockHeld as exc:
                click.echo(f"skipping this run: {exc}", err=True)
            except (ConfigError, StoreError) as exc:
                click.echo(f"error: {exc}", err=True)
            running = False
            if stop.is_set():
                break
            wait = max(0.0, interval - (time.monotonic() - started))
            if not quiet and not as_json:
                click.echo(f"next run in {wait:.0f} s (Ctrl-C to stop)", err=True)
            stop.wait(wait)
    except KeyboardInterrupt as exc:
        stop_workers()
        by_sigterm = isinstance(exc, Terminated)
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)
    if running:
        click.echo(stop_line(f"{STOP_HOW[by_sigterm]} during run {runs}", tally, notify=notifying()), err=True)
        sys.exit(143 if by_sigterm else 130)
    click.echo("stopped", err=True)
    sys.exit(0)


# -- queries --------------------------------------------------------------------------------
# The logic lives in tracker.api (the Python API); these commands parse, call it and print.
@cli.command()
@click.argument("service", required=False)
@click.argument("document", required=False)
@click.option("--since", metavar="DATE",
              help="Only versions recorded on or after this date (UTC; or a date-time), e.g. 2026-01-01.")
@click.option("--until", metavar="DATE",
              help="Only versions recorded up to this date (its end, UTC; or a date-time), e.g. 2026-06-30. "
                   "A date before a document's first version lists that first version, with a note.")
@click.option("--material", "material_only", is_flag=True, help="Only versions with a material change.")
@click.option("--last", "last", type=click.IntRange(1, None), metavar="N",
              help="Only the newest N versions of each document.")
@click.option("--runs", "runs", type=click.IntRange(1, None), metavar="N",
              help="Only versions recorded by the last N runs (what a scheduled run found lately).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def history(obj: Context, service: str | None, document: str | None, since: str | None, until: str | None,
            material_only: bool, last: int | None, runs: int | None, as_json: bool) -> None:
    """List the recorded versions of a service's documents (of every service when SERVICE is left
    out), with dates and change counts.

    Dates that pick a version (history --until, diff --from/--to, show/summary --at) and come
    before a document's first version start from that first version, with a note on stderr.

    \b
    Examples:
      tracker history openrouter
      tracker history openrouter "Terms of Service" --json
      tracker history openrouter --material --since 2026-01-01
      tracker history openrouter --until 2026-06-30
      tracker history --runs 3 --material      # what the last 3 runs found, every service
      tracker history openrouter --last 2       # the newest 2 versions of each document
    """
    from tracker.api import _since, _until, first_version_note
    from tracker.cli.output import clean, history_line
    from tracker.records import taken_back_by

    moment = _since(since)  # an unreadable date is exit 2 with the accepted forms
    end = _until(until)
    if moment is not None and end is not None and moment > end:  # else an empty list under notes that say otherwise
        raise InvalidArgument(f"--since {since} is after --until {until}: no version can be in both; "
                              "swap them (--since is the earlier date)")
    with obj.archive() as archive:
        docs = [archive.document(service, document)] if document is not None and service is not None \
            else archive.documents(service)
        recent, run_ids = archive.index.recorded_by_last_runs(runs) if runs is not None else (set(), [])
        rows = []
        taken: dict[str, int] = {}  # commit -> number of the version that took it back
        for doc in docs:
            versions = doc.versions
            taken.update({sha: after.seq for sha, after in taken_back_by(versions).items()})
            if end is not None and until is not None and versions:
                upto = [v for v in versions if v.fetched_at <= end]
                if not upto:  # recorded later than asked: its first version, said so (the API's note)
                    click.echo(f"note: {first_version_note(doc.key, until, versions[0])}", err=True)
                versions = upto or versions[:1]
            if runs is not None:
                versions = [v for v in versions if v.commit_sha in recent]
            if last is not None:
                versions = versions[-last:]
            rows += [v for v in versions
                     if (moment is None or v.fetched_at >= moment) and (v.material or not material_only)]
        material = archive.index.material_counts([r.commit_sha for r in rows if r.material]) if not as_json else {}
    if not docs:  # an archive whose runs recorded nothing yet: said, not an empty screen (not an error either)
        click.echo(f"no versions recorded yet in {clean(str(obj.store_dir))} (a run records the documents its "
                   "sources file declares once a page is fetched: `tracker status` shows their checks)", err=True)
    if as_json:
        emit_json([r.to_dict() for r in rows])
        return
    if not docs:
        return
    if not rows and (since or material_only or runs is not None):
        window = ""
        if runs is not None:
            span = f"run {run_ids[0]}" if len(run_ids) == 1 else f"runs {run_ids[0]}-{run_ids[-1]}" if run_ids else ""
            window = (f" recorded by the last {len(run_ids)} run{'s' if len(run_ids) != 1 else ''} ({span})"
                      if run_ids else " recorded by any run (no run is indexed yet)")
        click.echo(f"no {'material ' if material_only else ''}version{window}{f' since {since}' if since else ''}"
                   f"{f' until {until}' if until else ''}")
        return
    lines: list[str] = []
    current = None
    for r in rows:
        if r.document_key != current:  # (two services' documents of one type are two documents)
            current = r.document_key
            lines.append(f"{clean(r.service_id)} / {clean(r.document_type)}")
        lines.append(history_line(r, material.get(r.commit_sha, 0), taken.get(r.commit_sha)))
    click.echo("\n".join(lines))


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--service", "-s", help="Only this service id.")
@click.option("--category", "-c", help="Only changes labelled with this category id (e.g. arbitration, refunds).")
@click.option("--since", metavar="DATE",
              help="Only versions recorded on or after this date (UTC; or a date-time), e.g. 2026-01-01.")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True,
              help="At most this many changes, newest first.")
@click.option("--material", "material_only", is_flag=True, help="Only material changes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per matching change.")
@click.option("--color/--no-color", default=None,
              help="Matched words in bold (default: on a terminal; [between brackets] in a pipe or file).")
@click.pass_obj
def search(obj: Context, query: str, service: str | None, category: str | None, since: str | None,
           limit: int, material_only: bool, as_json: bool, color: bool | None) -> None:
    """Find recorded clause changes by the words of the clause (before or after) or explanation.

    QUERY is SQLite full-text syntax: words (all must match; "arbitrate" also finds
    "arbitration"), "exact phrases", OR, NOT, prefix*, and before:WORD, after:WORD or
    explanation:WORD for one field. Hyphenated words are phrases; put other words with
    punctuation in double quotes. Prints, newest first, each matching change's service,
    document, version and date, kind, severity, the section (named as `tracker diff` names it),
    a snippet of the match and the explanation. The snippet is plain text (no Markdown or
    HTML marks), its matched words in bold on a terminal and [between brackets] in a pipe, a
    file or with --no-color. It is from the clause as that version has it, else from the
    explanation; from the old text only when nothing else matched, and then marked "(old text,
    before this version)", or "(changed again in version N)" when a later version changed
    that clause again. --json gives the same plain-text snippet with the matched words marked
    **like this**, and says which text it is from in "snippet_from" (after, explanation or
    before) and
    "changed_again" (N, or null). With no QUERY, --category or --service alone lists every
    change they select, newest first; --material alone lists every material change, and
    --since alone every change recorded since that date.

    \b
    Exit codes: 0 (also when nothing matches); 2 a query or option that cannot be used;
    3 archive or index error; 4 no such service, or no archive yet.

    \b
    Examples:
      tracker search arbitration --category arbitration --since 2026-01-01
      tracker search '"class action" OR class-action' --service openrouter
      tracker search 'refund* NOT explanation:reworded' --json
      tracker search --category refunds
      tracker search --material --since 2026-06-01
      tracker search --since 2026-06-01 --limit 200
    """
    from tracker.cli.output import clean, is_tty, search_snippet
    from tracker.records import material_mark as mark

    with obj.archive() as archive:
        hits = archive.search(query, service=service, category=category, since=since, limit=limit,
                              material=material_only)
    if as_json:
        emit_json([hit.to_dict() for hit in hits])
        return
    if not hits:
        click.echo(f"no recorded change matches {query!r}" if query.strip() else "no recorded change matches "
                   + " and ".join([f"{name} {value!r}" for name, value in (("category", category), ("service", service),
                                                                           ("since", since)) if value]
                                  + (["--material"] if material_only else [])))
        return
    bold = is_tty() if color is None else color
    for hit in hits:
        flag = mark(hit.material, hit.severity) or hit.severity
        cats = f" ({', '.join(hit.categories)})" if hit.categories else ""
        click.echo(f"{clean(hit.service_id)} / {clean(hit.document_type)}  version {hit.seq} of "
                   f"{hit.fetched_at[:10]}  {hit.kind}  {flag}{cats}")
        # the section as `tracker diff` names it ("§ 8.3 Credits"), then the match
        snippet = search_snippet(hit.snippet, bold=bold, brackets=not bold, section=clean(hit.section or ""))
        # only the old text matched: say so, lest its old value be read as the current one
        old = f" ({'removed' if hit.kind == 'removed' else 'old'} text, before this version)" \
            if hit.snippet_from == "before" else ""
        if hit.changed_again:  # an older change: its text is not the current one either
            old += f" (changed again in version {hit.changed_again})"
        click.echo(f"    {clean(hit.section)}{old}: {snippet}", color=bold)
        # a short explanation that matched is its own whole snippet: once is enough
        if hit.explanation and search_snippet(hit.snippet, bold=False) != clean(hit.explanation).strip():
            click.echo(f"    {clean(hit.explanation)}")
    more = "; --limit shows more" if len(hits) == limit else ""
    click.echo(f"\n{len(hits)} matching change{'s' if len(hits) != 1 else ''}, newest first{more}")


@cli.command()
@click.argument("service")
@click.argument("document", required=False)
@click.option("--at", "at", default=None, help="Version number (3; -2 is the one before the latest), commit or date "
                                                 "(default: latest; a date before the first version is the first, "
                                                 "with a note).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with the text and its metadata.")
@click.pass_obj
def show(obj: Context, service: str, document: str | None, at: str | None, as_json: bool) -> None:
    """Print the text of a document as recorded (latest, or as it was at a date): the Markdown
    the archive holds, as `git show` would print it (`diff` and `summary` render it as text).

    \b
    Examples:
      tracker show openrouter "Terms of Service"
      tracker show openrouter "Terms of Service" --at 2026-01-31
      tracker show openrouter "Terms of Service" --at -2      # the version before the latest
    """
    with obj.archive() as archive:
        doc = archive.document(service, document)
        version = doc.version(at)
        text = doc.text(version)
    if as_json:
        emit_json({**version.to_dict(), "text": text})
    else:
        click.echo(_safe_text(text), nl=False)


def _safe_text(text: str) -> str:
    """Keep newlines and tabs, drop every other control character."""
    from tracker.cli.output import clean

    return "\n".join(clean(line) for line in text.split("\n"))


# What each severity means, in the help of the two commands that show them (one text for both).
_SEVERITY_LEGEND = """
    \b
    Each changed clause is tagged with its severity (and categories):
      cosmetic  no change of meaning (a date, links, spacing, a typo)
      minor     worded differently, no term changed
      material  a term changed (a price, a period, a right, a use of data),
                either way; a value that moved the users' way (a lower price, a
                longer refund window) says "good news for users"
      critical  a watch-out added (arbitration, termination at will, AI
                training on their data...), a promise taken away, or a notice
                to users dropped or shortened (a shorter refund window is
                material: a watch-out added leads before it)
"""


def _severity_legend(command: Any) -> Any:
    """``command`` (a function click will read the help of) with ``_SEVERITY_LEGEND`` after its
    docstring; put it under the click decorators."""
    command.__doc__ = (command.__doc__ or "").rstrip() + "\n" + _SEVERITY_LEGEND
    return command


@cli.command()
@click.argument("service")
@click.argument("document", required=False)
@click.option("--from", "from_", default=None, help="Older version: number, commit or date (default: the one before --to; a date before "
                   "the first version starts from the first, with a note).")
@click.option("--to", "to", default=None, help="Newer version: number, commit or date (default: latest).")
@click.option("--material", "material_only", is_flag=True,
              help="Only the material changes (the counts still say how many clauses changed).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: compare --json's keys, plus \"document\", \"from\" and \"to\" (seq, date, commit).")
@click.option("--color/--no-color", default=None, help="Colour (default: on a terminal).")
@click.pass_obj
@_severity_legend
def diff(obj: Context, service: str, document: str | None, from_: str | None, to: str | None,
         material_only: bool, as_json: bool, color: bool | None) -> None:
    """Show the clause-level diff between two versions of a document.

    \b
    Examples:
      tracker diff openrouter "Terms of Service"             # latest change
      tracker diff openrouter "Terms of Service" --from 1 --to -1
      tracker diff openrouter "Terms of Service" --from 2026-01-01 --json
      tracker diff openrouter "Terms of Service" --from -6 --material   # what mattered in 6 versions
      tracker diff openrouter "Terms of Service" --from 2026-03-02 --to 2026-03-02   # what changed that day

    A --from newer than --to shows the changes backwards, with a note on stderr saying so.
    """
    one_day = _same_day(from_, to)
    with obj.archive() as archive:
        doc = archive.document(service, document)
        if one_day is not None:  # --from D --to D asks what changed on D (UTC, as versions are dated)
            that_day = [v for v in doc.versions if v.fetched_at[:10] == one_day.isoformat()]
            if not that_day:
                click.echo(f"note: no version of {doc.key} was recorded on {one_day} (UTC); see "
                           f"`tracker history {service} \"{doc.type}\"` for the days that have one", err=True)
                if as_json:
                    emit_json({"document": doc.key, "from": None, "to": None, "changes": []})
                return
            # from the latest version before that day (the first version when the day holds it)
            earlier = [v for v in doc.versions if v.seq < that_day[0].seq]
            from_, to = str((earlier[-1] if earlier else that_day[0]).seq), str(that_day[-1].seq)
            click.echo(f"note: --from and --to are the same day: what changed on {one_day}, version {from_} -> {to}",
                       err=True)
        old, new = doc.pair(from_, to)
        result = doc.diff(old, new)
    if old.seq > new.seq:  # allowed (what would undo a change), but never silently
        click.echo(f"note: --from {old.seq} is newer than --to {new.seq}: this diff goes backwards in time "
                   f"(swap them for what changed from {new.seq} to {old.seq})", err=True)
    elif old.seq == new.seq:
        hint = ""
        if from_ and one_day is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", from_.strip()):
            # a date means the latest version by the end of that day: "what changed that day" starts the day before
            from datetime import timedelta

            day = date.fromisoformat(from_.strip())  # (valid: doc.pair has read it)
            hint = (f" (a date means the latest version by the end of that day; for what changed on {day} "
                    f"use --from {day - timedelta(days=1)})")
        click.echo(f"note: --from and --to are both version {old.seq}: nothing can differ{hint}", err=True)
    header = {
        "document": doc.key,
        "from": {"seq": old.seq, "date": old.fetched_at, "commit": old.commit_sha},
        "to": {"seq": new.seq, "date": new.fetched_at, "commit": new.commit_sha},
    }
    if as_json:
        emit_json({**header, **_material_only(result.to_dict(), material_only)})
        return
    _print_analysis(result, f"{doc.key}: version {old.seq} ({old.fetched_at}) → {new.seq} ({new.fetched_at})", color,
                    material_only)


def _same_day(from_: str | None, to: str | None) -> date | None:
    """The day when ``--from`` and ``--to`` are one and the same calendar date (YYYY-MM-DD), else None."""
    if not from_ or not to or from_.strip() != to.strip() or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", to.strip()):
        return None
    try:
        return date.fromisoformat(to.strip())
    except ValueError:  # "2026-13-01": doc.pair says what dates it reads
        return None


def _material_only(data: dict[str, Any], material_only: bool) -> dict[str, Any]:
    """``data`` (an analysis as JSON) with only its material changes when ``material_only``."""
    if not material_only:
        return data
    return {**data, "changes": [c for c in data.get("changes", []) if c.get("material")]}


def _print_analysis(result: Analysis, title: str, color: bool | None, material_only: bool = False) -> None:
    from tracker.cli.output import clean, console, diff_lines, is_tty
    from tracker.records import material_mark as mark

    use_color = is_tty() if color is None else color
    out = console(force_color=use_color)
    if use_color:
        out.print(f"[bold]{clean(title)}[/bold]")
    else:
        click.echo(clean(title))
    flag = f"{mark(result.material, result.severity)}: " if result.material else ""
    click.echo(f"{flag}{clean(result.summary)}")
    shown = [c for c in result.changes if c.material] if material_only else list(result.changes)
    if material_only:
        click.echo(f"{len(result.changes)} changed clause(s), {result.unchanged} unchanged; "
                   f"{len(shown)} material shown (--material)\n")
    else:
        click.echo(f"{len(result.changes)} changed clause(s), {result.unchanged} unchanged\n")
    for line in diff_lines(shown, color=use_color):
        if use_color:
            out.print(line)
        else:
            click.echo(line)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--select", multiple=True, help="CSS selector to keep (HTML inputs; repeatable).")
@click.option("--remove", multiple=True, help="CSS selector to drop (HTML inputs; repeatable).")
@click.option("--user-agent", help="User-Agent header for URLs (default: tracker's own, as in a run).")
@click.option("--ignore-robots", is_flag=True, help="Fetch URLs even where robots.txt disallows them.")
@click.option("--material", "material_only", is_flag=True,
              help="Only the material changes (the counts still say how many clauses changed).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--color/--no-color", default=None, help="Colour (default: on a terminal).")
@_severity_legend
def compare(old: str, new: str, select: tuple[str, ...], remove: tuple[str, ...], user_agent: str | None,
            ignore_robots: bool, material_only: bool, as_json: bool, color: bool | None) -> None:
    """Compare two local files or URLs clause by clause; no archive needed.

    Markdown, plain text, HTML and PDF are accepted (HTML goes through the same extraction as a
    run). URLs are fetched like a run fetches them: robots.txt honoured, a 10 MB size cap,
    retries of transient errors and a 30 s timeout.

    Pages that are not the terms are refused, as a run refuses them: an error page served with
    status 200, or a landing or marketing page served where the other side has terms. A local
    file that looks like such a page is still compared, with a warning on stderr.

    \b
    Exit codes: 0 compared; 1 a file or URL could not be read, fetched or used, or is not
    text, HTML or PDF (an image, an archive: told from its bytes) - one line on stderr says
    which and why.

    Whether a change is material is decided by rules, then checked by a learned model, which
    may call a pair not material when no amount, duration, place or watch-out changed. To see
    what the rules alone say, set TRACKER_MATERIALITY=rules.

    \b
    Examples:
      tracker compare terms-2025.md terms-2026.md
      tracker compare old.html new.html --select main --json
      tracker compare https://example.com/terms saved/terms.html
    """
    from tracker.api import compare_sources
    from tracker.fetch import DEFAULT_USER_AGENT, FetchOptions

    options = FetchOptions(user_agent=user_agent or DEFAULT_USER_AGENT, robots=not ignore_robots)
    result = compare_sources(old, new, select=select, remove=remove, options=options,
                             warn=lambda line: click.echo(line, err=True))
    if as_json:
        emit_json(_material_only(result.to_dict(), material_only))
        return
    _print_analysis(result, f"{old} → {new}", color, material_only)


@cli.command()
@click.option("--jsonl", is_flag=True, help="Read JSON lines with a \"text\" field instead of plain lines.")
@click.option("--explain", is_flag=True, help="Add the evidence (matched words, model features) to each line.")
def classify(jsonl: bool, explain: bool) -> None:
    """Label texts from stdin with categories and watch-outs, one JSON line per input line.

    Output per line: {"text": ..., "categories": [...], "watch": [...]} in input order.

    \b
    Examples:
      echo "Credits expire 12 months after purchase." | tracker classify
      tracker classify --jsonl < clauses.jsonl > labels.jsonl
    """
    import json

    from tracker.analysis.classify import classify_many

    texts: list[str] = []
    for number, line in enumerate(sys.stdin, start=1):
        line = line.rstrip("\n")
        if jsonl:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError):
                fail(f"stdin line {number}: expected a JSON object with a \"text\" field", 2)
            if not isinstance(text, str):
                fail(f"stdin line {number}: \"text\" must be a string", 2)
            texts.append(text)
        else:
            texts.append(line)
    for text, labels in zip(texts, classify_many(texts)):
        out: dict[str, Any] = {"text": text, "categories": list(labels.categories), "watch": list(labels.watch)}
        if explain:
            out["evidence"] = [e.to_dict() for e in labels.evidence]
        click.echo(json.dumps(out, ensure_ascii=False))


def _answers_elsewhere(archive: Any, doc: Any, version: Any, result: Any) -> dict[str, tuple[str, Any]]:
    """For each answer of ``result`` that points to another document ('See the Privacy Policy.'),
    that document's own answer when the archive holds it for the same service and it answers:
    {question id: (document type, Answer)}. The other document's version is the latest recorded
    up to ``version``'s date, so an older summary is read with the policy of its day."""
    from tracker.analysis.summary import answered_elsewhere, document_named

    out: dict[str, tuple[str, Any]] = {}
    wanted = [a for a in result.answers if getattr(a, "see", "")]
    if not wanted:
        return out
    others = {d.type: d for d in archive.documents(doc.service_id) if d.key != doc.key}
    for a in wanted:
        match = others.get(document_named(a.see, list(others)) or "")
        if match is None:
            continue
        then = [v for v in match.versions if v.fetched_at <= version.fetched_at]
        if not then:
            continue
        answer = answered_elsewhere(a, match.summary(then[-1]).answers)
        if answer is not None:
            out[a.id] = (match.type, answer)
    return out


def _key_term_changes(doc: Any, version: Any, result: Any) -> list[Any]:
    """The key terms and watch-outs ``version`` changed against the version before it
    (``summary.BulletChange``: "§ 8.3 Credits: Credits expire after 6 months (was 12
    months)."); [] for a first version or one that changed no key term."""
    from tracker.analysis.summary import cached_bullets, compare_summaries, remember_bullets

    text = doc.text(version)
    remember_bullets(text, result)  # the next version's summary reads this one's key terms from disk
    if version.seq <= 1 or not version.material:
        return []  # a version with no material change changes no term a reader relies on
    old_text = doc.text(doc.version(version.seq - 1))
    # only the key terms of the version before, kept on disk once read: not its whole summary again
    return compare_summaries(cached_bullets(old_text), result, old_text, text)


@cli.command()
@click.argument("service")
@click.argument("document", required=False)
@click.option("--at", "at", default=None, help="Version number (3; -2 is the one before the latest), commit or date "
                                                 "(default: latest; a date before the first version is the first, "
                                                 "with a note).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def summary(obj: Context, service: str, document: str | None, at: str | None, as_json: bool) -> None:
    """Key terms of a document at a glance: short bullets by concern, things to watch out for and
    answers to common questions, each with the section it comes from and its last material change.

    \b
    Examples:
      tracker summary openrouter "Terms of Service"
      tracker summary openrouter "Terms of Service" --json
      tracker summary openrouter "Terms of Service" --at 3     # as the terms stood at version 3
    """
    from tracker.analysis.summary import FACTS
    from tracker.cli.output import clean

    with obj.archive() as archive:
        doc = archive.document(service, document)
        version = doc.version(at)
        result = doc.summary(version)
        elsewhere = _answers_elsewhere(archive, doc, version, result)
        latest_changes = _key_term_changes(doc, version, result)
    key = doc.key
    if as_json:
        data = result.to_dict()
        data["changed_in_this_version"] = [c.to_dict() for c in latest_changes]
        for a in data["answers"]:
            if a["id"] in elsewhere:
                name, answer = elsewhere[a["id"]]
                a["from_document"] = {"document": name, "answer": answer.answer, "clause": answer.clause or None,
                                      "section": answer.section or None}
        emit_json({"document": key, "version": {"seq": version.seq, "date": version.fetched_at,
                                                "commit": version.commit_sha}, **data})
        return

    def where(b: Any) -> str:
        parts = [p for p in (b.section, b.changed.note if b.changed else "") if p]  # no section: no heading above
        return click.style(f"  ({clean('; '.join(parts))})", dim=True) if parts else ""

    click.echo(f"{clean(key)}, version {version.seq} of {version.fetched_at}\n")
    if latest_changes:  # what this version changed, now and before, before the terms as they stand
        click.secho(f"Changed in this version (from version {version.seq - 1})", bold=True)
        for c in latest_changes:
            click.echo(f"  ~ {clean(c.line())}")
        click.echo("")
    if result.watch_outs:
        click.secho("Things to watch out for", bold=True)
        for b in result.watch_outs:
            tag = ", ".join(c for c in b.watch)
            click.echo(f"  ! [{tag}] {clean(b.text)}" + where(b))
        click.echo("")
    click.secho("Key terms", bold=True)
    for _, title, bullets in result.grouped():
        click.secho(f"  {title}", underline=True)
        for b in bullets:
            click.echo(f"  • {clean(b.text)}" + where(b))
    click.echo("")
    click.secho("Questions", bold=True)
    for a in result.answers:
        click.echo(f"  {a.question}")
        source = f"  ({clean(a.section)})" if a.section else ""
        click.echo(f"    {clean(a.answer)}" + click.style(source, dim=True))
        if a.id in elsewhere:  # the document pointed to, from this archive: say what it says, and which
            name, other = elsewhere[a.id]
            where_other = f"  ({clean(name)}, {clean(other.section)})" if other.section else f"  ({clean(name)})"
            click.echo(f"    The {clean(name)} says: {clean(other.answer)}" + click.style(where_other, dim=True))
    if result.facts:
        click.echo("")
        click.secho("Standard facts", bold=True)
        for fid, label in FACTS:
            if fid in result.facts:
                cell = result.facts[fid]
                parts = [p for p in (cell.section, cell.changed.note if cell.changed else "") if p]
                source = click.style(f"  ({clean('; '.join(parts))})", dim=True) if parts else ""
                click.echo(f"  {label}: {clean(cell.value)}" + source)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def status(obj: Context, as_json: bool) -> None:
    """What is tracked, when it was last checked and recorded, and what is failing.

    Says first which store and which sources file it reads: the documents the store holds
    (recorded by runs, or imported), then those the sources file declares that were never
    checked. A stored document the sources file does not declare is marked so: `tracker run`
    with that file does not check it. A document whose page answers 404/410 after it was
    recorded shows "gone since DATE"; a new text held for shrinking suddenly shows "held" and why;
    one whose server asked for a pause (a 429 or 503 with a Retry-After) shows "PAUSED until
    DATE": runs skip it until then.

    \b
    Example:
      tracker status
      tracker --store snapshots --sources sources.toml status --json
    """
    from tracker.cli.output import clean

    # Before the first run there is no archive: the declared documents are still listed. A broken
    # sources file does not hide what the archive holds: its status first, then the file's error.
    broken: ConfigError | None = None
    try:
        declared = obj.sources() if obj.sources_path.exists() else None
    except ConfigError as exc:
        declared, broken = None, exc
    with obj.archive() as archive:
        statuses = archive.status(declared)
        exists = archive.exists()
    rows = [s.to_dict() for s in statuses]
    if as_json:
        emit_json(rows)
        if broken is not None:
            fail(str(broken), 2)
        return
    keys = {d.key for d in declared.documents()} if declared is not None else set()
    stored = [r for r in rows if r.get("last_outcome") != "never checked"]
    waiting = [r for r in rows if r.get("last_outcome") == "never checked"]
    # where the rows come from: a starter sources.toml next to an imported store mixes two lists
    # "recorded" means a version kept: a document checked but always refused has none yet
    with_versions = sum(1 for r in stored if r.get("versions"))
    without = len(stored) - with_versions
    recorded = (f"{_count(with_versions, 'document')} recorded"
                + (f", {without} checked with no version yet" if without else "")
                if exists else (f"no archive here{hint}" if (hint := _misplaced(obj.store_dir))
                                else "no archive yet: `tracker run` creates it"))
    click.echo(f"Store: {clean(str(obj.store_dir.resolve()))} ({recorded})")
    if broken is not None:
        click.echo(f"Sources: {clean(str(obj.sources_path.resolve()))} (cannot be read: the error is below; "
                   "`tracker run` refuses it until it is fixed)")
    elif declared is None:
        click.echo(f"Sources: none ({clean(str(obj.sources_path))} not found; `tracker run` needs one)")
    else:
        undeclared = sum(r["document"] not in keys for r in stored)
        note = (f"; {_count(undeclared, 'stored document')} not declared here (kept in the archive, "
                f"no longer checked)" if undeclared and keys else "")
        click.echo(f"Sources: {clean(str(obj.sources_path.resolve()))} ({_count(len(keys), 'document')} declared, "
                   f"{len(waiting)} never checked{note})")
    if not rows:
        if broken is not None:
            fail(str(broken), 2)
        click.echo("\nnothing tracked yet: declare documents in sources.toml and run `tracker run`")
        return
    if stored:
        click.echo("")
    for r in stored:
        click.echo(f"{clean(r['document'])}: {_count(r['versions'], 'version')}, last recorded "
                   f"{r.get('last_recorded') or '-'}, {_check_state(r)}"
                   + (f" (not in {clean(obj.sources_path.name)})" if declared is not None and keys and r["document"] not in keys else ""))
    if waiting:
        click.echo(f"\nDeclared in {clean(obj.sources_path.name)}, never checked (`tracker run` checks them):")
        for r in waiting:
            click.echo(f"  {clean(r['document'])}")
    if broken is not None:
        fail(str(broken), 2)  # (a broken sources file: exit 2, as for every command that reads it)


def _misplaced(store_dir: Path) -> str:
    """What ``Store.store_hint`` says of a --store that is an archive's own git folder, or ""."""
    from tracker.archive.store import store_hint

    return store_hint(store_dir)


def _count(n: int, noun: str) -> str:
    from tracker.text import count

    return count(n, noun)


def _earlier_failures(r: dict[str, Any]) -> str:
    """"; failing 2 run(s) before that for other reasons" when a streak of failures had mixed causes."""
    earlier = (r.get("failing_runs") or 0) - (r.get("served_runs") or 1)
    return f"; failing {earlier} run(s) before that for other reasons" if earlier > 0 else ""


def _check_state(r: dict[str, Any]) -> str:
    """The latest check of one status row, said once: "last checked DATE: changed", "never checked by a
    run" (an imported document), "last checked DATE: FAILING for 2 runs: ..." or "gone since ..."."""
    from tracker.cli.output import clean

    checked = r.get("last_checked")
    if not checked:
        return "never checked by a run"
    state = r.get("last_outcome") or "?"
    if r.get("failing_runs"):
        from tracker.fetch.guards import served_instead

        from tracker.cli.output import error_fix

        state = f"FAILING {r['failing_runs']} run(s): {clean(error_fix(r.get('error'), status_hint=False))}"
        if served := served_instead(r.get("error")):  # a page that is not the terms: never recorded, the latest version stands
            state = (f"FAILING: served {served} for {r.get('served_runs') or 1} run(s), not recorded ({clean(r.get('error'))})"
                     + _earlier_failures(r))
    if r.get("gone_since"):
        from tracker.cli.output import error_fix

        # what told it was gone (the 404), and the latest check's own failure when it is another
        # ("cannot connect ..."): a later connection error never hides that the page went away
        told = r.get("gone_reason") or r.get("error")
        state = f"gone since {r['gone_since'][:10]} ({clean(error_fix(told, status_hint=False))})"
        if r.get("error") and told != r.get("error"):
            state += f"; latest check: {clean(r.get('error'))}"
    elif state in ("held", "skipped") and r.get("error"):  # why, as --json's "error" says it
        state = f"{state}: {clean(r.get('error'))}"
    elif state == "unchanged" and r.get("variant_runs"):
        from tracker.run.decide import VARIANT_RUNS

        # a page blinking between texts: "unchanged" alone would hide a text that is waiting
        state = (f"unchanged, but the page served another of its variants for {r['variant_runs']} run(s) in a "
                 f"row; recorded as a new version if that lasts {VARIANT_RUNS} runs")
    if r.get("paused_until"):
        from datetime import datetime

        from tracker.run.pauses import when

        state = (f"{state}; PAUSED until {when(datetime.fromisoformat(r['paused_until']))}: its server answered "
                 "429/503 with a Retry-After, so runs skip it until then (the latest version kept)")
    return f"last checked {checked}: {state}"


@cli.command()
@dask_option("the versions")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def reindex(obj: Context, dask: str | None, as_json: bool) -> None:
    """Rebuild the SQLite index from the git archive (the archive is the source of truth).

    To recompute only the labels of versions analysed by older code, keeping everything else,
    use `tracker reanalyse`.

    \b
    Examples:
      tracker reindex
      tracker reindex --dask tcp://10.0.0.5:8786
    """
    from tracker.archive import reindex as rebuild

    with obj.index(sync=False) as index, analysis_executor(dask) as executor:
        count = rebuild(obj.store(), index, executor)
    if as_json:
        emit_json({"versions": count})
    else:
        click.echo(f"reindexed {_count(count, 'version')} from {obj.store().archive}")


@cli.command()
@click.option("--service", "-s", help="Only this service id.")
@click.option("--document", "-d", help="Only this document type (e.g. 'Terms of Service').")
@click.option("--since", metavar="DATE", help="Only versions recorded on or after this date (UTC), e.g. 2025-01-01.")
@click.option("--force", is_flag=True, help="Recompute every matching version, also those analysed by this code.")
@dask_option("the versions")
@click.option("--feeds", "feeds", type=click.Path(file_okay=False), default=None,
              help="Also rewrite the feeds in this folder (as `tracker feed --out DIR` does; only feeds "
                   "whose entries changed are rewritten).")
@click.option("--base-url", default="", help="With --feeds: the public URL the feeds are served from.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.pass_obj
def reanalyse(obj: Context, service: str | None, document: str | None, since: str | None, force: bool,
              dask: str | None, feeds: str | None, base_url: str, as_json: bool, quiet: bool) -> None:
    """Recompute the analysis of stored versions with this tracker's analysis code.

    Clause diffs, labels, categories, explanations and summaries of the versions analysed by
    older code (each version stores the analysis version it was labelled with) are computed
    again from the archive's texts and replace the old ones in the index; the next `tracker
    feed` or `tracker publish` (or --feeds here) rewrites the feeds whose entries changed.
    Incremental: a second call with nothing new does nothing. Safe to interrupt: each batch of
    versions is written in one transaction, so every version is either old or new, and the next
    call goes on. `tracker reindex` instead rebuilds the whole index from the archive.

    Prints progress, then how many versions changed labels (material flag, severity,
    categories, or a clause's labels). Holds the store's run lock (exit 5 while a run is in
    progress).

    \b
    Examples:
      tracker reanalyse
      tracker reanalyse --service openrouter --since 2026-01-01
      tracker reanalyse --document "Privacy Policy" --force
      tracker reanalyse --dask tcp://10.0.0.5:8786      # on a Dask cluster
      tracker reanalyse --feeds snapshots/feeds --base-url https://terms.example.org/feeds
    """
    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
    from tracker.archive.reanalyse import reanalyse as recompute
    from tracker.run import EXIT_LOCKED

    if feeds:
        from tracker.cli.publish import check_base_url

        check_base_url(base_url)

    def progress(result: Any) -> None:
        if not quiet and not as_json:
            click.echo(f"  reanalysed {result.done:,} of {_count(result.versions, 'version')} in {result.seconds:.1f} s: "
                       f"{result.labels_changed:,} changed labels", err=True)

    store = obj.store()
    store.require()
    try:
        with RunLock(obj.store_dir / LOCK_NAME), obj.index(sync=False) as index, \
                analysis_executor(dask) as executor:
            def starting(result: Any) -> None:  # only when there is work: "nothing to do" says it all
                if not quiet and not as_json:
                    click.echo(f"reanalysing {_count(result.versions, 'version')} {result.executor}", err=True)

            result = recompute(store, index, service=service, document=document, since=since, force=force,
                               executor=executor, progress=progress, starting=starting)
            written = None
            if feeds:
                from tracker.publish.build import publish_feeds

                written = publish_feeds(index, Path(feeds), base_url=base_url)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    if as_json:
        emit_json({**result.to_dict(), "feeds": [str(p) for p in written.paths] if written is not None else None})
        return
    if written is not None and not quiet:
        from tracker.cli.publish import feeds_line

        click.echo(f"{feeds_line(written)}, in {feeds}", err=True)
    if not result.versions:
        click.echo(f"nothing to reanalyse: every matching version was analysed by this code "
                   f"(analysis version {result.analysis_version})")
        return
    click.echo(f"reanalysed {_count(result.done, 'version')} in {result.seconds:.1f} s: {result.labels_changed:,} changed "
               f"labels, {result.wording_changed:,} changed only their wording "
               f"(analysis version {result.analysis_version})")


@cli.command()
@click.option("--repair", is_flag=True, help="Rebuild what the index is missing or has wrong (from the archive).")
@click.option("--all", "show_all", is_flag=True,
              help="List every difference (default: the first 10 of each kind and how many more).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (always every difference).")
@click.pass_obj
def verify(obj: Context, repair: bool, show_all: bool, as_json: bool) -> None:
    """Check the git archive and the index against each other (exit 1 when they differ).

    Every recorded commit must have its index row, every row its commit, every text its
    Content-Hash, and git itself must be sound (git fsck). --repair rebuilds the index rows from
    the archive; the archive is never changed. Each kind of difference is listed up to 10 times
    with how many more (--all lists them all), then what to do about it. A checkout (the
    archive's files) that differs from the latest commit, as a stopped run can leave it, is a
    warning (exit 0); --repair brings it to that commit (exit 5 while a run holds the lock).

    \b
    Examples:
      tracker verify
      tracker verify --all
      tracker verify --repair
    """
    from tracker.archive import repair as fix
    from tracker.archive.verify import LIST_MAX
    from tracker.archive.verify import verify as check

    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
    from tracker.run import EXIT_LOCKED

    with obj.index(sync=False) as index:
        if repair:
            try:  # a repair brings the checkout to HEAD: never under a run writing the archive
                with RunLock(obj.store_dir / LOCK_NAME):
                    report = fix(obj.store(), index)
            except LockHeld as exc:
                fail(str(exc), EXIT_LOCKED)
        else:
            report = check(obj.store(), index)
    if as_json:
        emit_json(report.to_dict())
    else:
        for line in report.lines(None if show_all else LIST_MAX):
            click.echo(line)
    sys.exit(0 if report.ok else 1)


@cli.command()
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output directory (default: <store>/feeds; `tracker publish` writes its own copy, "
                   "linked to the site's pages, in <store>/site/feeds).")
@click.option("--base-url", default="", help="Public URL the feeds will be served from.")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True,
              help="Entries per feed.")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON (as `publish --json`).")
@click.pass_obj
def feed(obj: Context, out: str | None, base_url: str, limit: int, as_json: bool) -> None:
    """Write Atom, RSS 2.0 and JSON Feed files of recorded changes (global and per document).

    \b
    Examples:
      tracker feed
      tracker feed --out public/feeds --base-url https://terms.example.org/feeds
      tracker feed --json

    Exit codes: 0 written; 1 the folder cannot be written; 2 a --base-url that is not an http(s)
    URL, or an --out that is a file or a file's name (out.xml). Without --base-url, a warning: links are then file:// paths.
    """
    from tracker.cli.publish import (
        check_base_url,
        check_out_folder,
        feed_count,
        feeds_line,
        raise_unwritable,
        warn_no_base_url,
    )
    from tracker.publish.build import publish_feeds

    check_out_folder(out, "the feeds")
    out_dir = Path(out) if out else obj.store_dir / "feeds"
    check_base_url(base_url)
    with obj.index() as index:
        try:
            report = publish_feeds(index, out_dir, base_url=base_url, limit=limit)
        except OSError as exc:
            raise_unwritable(out_dir, exc, "the feeds")
    warn_no_base_url(base_url)
    if as_json:
        emit_json({"out": str(out_dir), "feeds_rebuilt": report.rebuilt, "feeds": feed_count(report),
                   "entries_rendered": report.rendered})
        return
    click.echo(f"{feeds_line(report)}, in {out_dir}")


@cli.command()
@click.option("--dir", "directory", type=click.Path(file_okay=False), default=None,
              help="Where to put the demo's sources and archive (default: <temp>/tracker-demo).")
@click.pass_context
def demo(ctx: click.Context, directory: str | None) -> None:
    """Show the whole job offline: serve fictional terms on 127.0.0.1 and snapshot them in rounds.

    The terms change between rounds: nothing, noise outside the terms, a date-only change, then
    material changes. Only real text changes are recorded.

    The archive goes to the global --store (or TRACKER_STORE) when one is given, else to
    DIR/snapshots. Running the demo again replaces its own earlier archive and sources file; a
    store holding anything else, a DIR holding files the demo did not write, or a sources file it
    did not write where it would write its own is refused (exit 2), never written into.

    \b
    Example:
      tracker demo
      tracker --store /tmp/demo-store demo
    """
    from tracker.cli.demo import run_demo

    parent = ctx.parent
    given = parent is not None and parent.get_parameter_source("store") not in (
        click.core.ParameterSource.DEFAULT, None)
    store = ctx.obj.store_dir if given else None
    sys.exit(run_demo(Path(directory) if directory else None, store))


def _register_plugins() -> None:
    """Commands that live in their own modules (they import only click at start-up)."""
    from tracker.cli.ota import COMMANDS as ota_commands
    from tracker.cli.publish import notify as notify_command
    from tracker.cli.publish import publish, serve

    for command in (publish, serve, notify_command, *ota_commands):
        cli.add_command(command)


_register_plugins()


def main() -> None:
    """The console script: SIGTERM stops a command as Ctrl-C does (``Terminated``), then the CLI."""
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    cli(prog_name="tracker")


if __name__ == "__main__":
    main()

"""Click commands for Open Terms Archive compatibility: ``import-history``,
``import-declarations`` and ``export``.

Registered on the main group by cli.py (``cli.add_command``); they use its global ``Context``
(``obj.store()``, ``obj.index()``, ``obj.store_dir``, ``obj.sources_path``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click


EXIT_OUTPUT = 1  # an output file that cannot be written (as for every "cannot read or write")


def require_folder_of(path: Path, option: str = "") -> None:
    """Refuse to write ``path`` when its folder does not exist: one line naming that folder, exit
    1. A typo in a path should not silently create a tree of folders (as shell redirection,
    ``cp`` or ``curl -o`` would not); the user creates the folder when that is what they meant."""
    folder = path.parent
    if not folder.exists():
        where = f"{option} " if option else ""
        click.echo(f"error: cannot write {where}{path}: the folder {folder} does not exist; create it first "
                   f"(mkdir -p '{folder}') or choose another path", err=True)
        sys.exit(EXIT_OUTPUT)


def _emit_json(data: Any) -> None:
    import json  # only when asked for: it costs start-up time of every command

    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.command("import-history")
@click.argument("repo", type=click.Path(exists=True, file_okay=False))
@click.option("--rev", default="HEAD", show_default=True, help="Branch, tag or commit of REPO to import up to.")
@click.option("--batch", type=click.IntRange(1, 100000), default=500, show_default=True,
              help="Versions written per git fast-import process.")
@click.option("--dask", "dask", metavar="ADDRESS", envvar="TRACKER_DASK_SCHEDULER", default=None,
              help="Analyse the versions on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://host:8786; "
                   "needs the dask extra). Env: TRACKER_DASK_SCHEDULER.")
@click.option("--json", "as_json", is_flag=True, help="Print what was imported as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line (no progress on stderr).")
@click.pass_obj
def import_history_command(obj: Any, repo: str, rev: str, batch: int, dask: str | None, as_json: bool,
                           quiet: bool) -> None:
    """Import the history of a git repository of terms versions (e.g. Open Terms Archive).

    REPO is a local clone laid out as <Service>/<Document Type>.md (or .html, .txt). Every commit
    that changes a document becomes a version dated with that commit's author date, analysed like
    a live change (clause diff, labels, reverts). Service id: the folder name as a slug ("npm
    Public Registry" -> npm-public-registry); document type: the file name without extension.
    Changes that only differ in typography or whitespace are not recorded (same as a live run).

    Importing again only adds the commits made since the last import. The import holds the
    store's run lock (exit 5 if a run is in progress).

    While it works, stderr shows what it is doing (catching up the index, reading commits,
    recording, analysing, indexing), the commits read of those to read and, once it can tell,
    the time left: one line redrawn on a terminal, a line every few seconds in a pipe or a log;
    none with -q or --json.

    \b
    Examples:
      git clone https://github.com/OpenTermsArchive/demo-versions ota-demo
      tracker import-history ota-demo
      tracker import-history ota-demo --rev main --json
      tracker import-history ota-demo --dask tcp://10.0.0.5:8786
    """
    from tracker.archive.index import Index
    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
    from tracker.analysis.executor import make_executor, use
    from tracker.ota.history import import_history
    from tracker.run import EXIT_LOCKED

    from tracker.cli.progress import StatusLine

    line = None if quiet or as_json else StatusLine("import-history")
    seen: set[str] = set()

    def progress(result: Any) -> None:
        if line is None:
            return
        text, done, total = import_progress(result)
        # a stage seen for the first time is shown at once: it may be the one that takes minutes
        line.show(text, done, total, force=result.stage not in seen)
        seen.add(result.stage)

    store = obj.store()
    try:
        # an import writes the archive like a run does: never both at once
        with RunLock(obj.store_dir / LOCK_NAME), make_executor(dask) as executor, use(executor):
            store.init()
            with Index(store.index_path) as index:
                result = import_history(store, index, repo, rev=rev, batch=batch, progress=progress)
    except LockHeld as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    finally:
        if line is not None:
            line.close()
    if as_json:
        _emit_json(result.to_dict())
        return
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        for reason, count in sorted(result.skipped.items()):
            click.echo(f"skipped {plural(count, 'file change')}: {reason}")
    if result.commits == 0:
        click.echo(f"nothing new in {result.source} (already imported up to {(result.to_commit or '')[:12]})")
        return
    took = result.seconds_read + result.seconds_record + result.seconds_index
    click.echo(f"imported {plural(result.versions, 'version')} from {plural(result.commits, 'commit')} of "
               f"{result.source} in {took:.1f} s: {result.indexed:,} indexed")
    # what was not recorded, and why: the same rule as a run's ("What is not a new version")
    same = [f"{result.unchanged} gave the same text once converted"] if result.unchanged else []
    if result.no_clause_changed:
        same.append(f"{result.no_clause_changed} changed no clause (only spacing, Markdown style or link tokens)")
    if same:
        click.echo(f"{n_changes(result)} made no new version, as in a run: {'; '.join(same)}")


def import_progress(result: Any) -> tuple[str, int, int]:
    """The progress line of an import (``ImportResult`` so far) and its work done of all, in
    units of commits read plus pairs of texts analysed: the analyses of the last batches go on
    for minutes once every commit is read, so reading alone would show 100% all that time.
    While commits are still read, the pairs still to come are estimated from those so far (one per
    commit before any batch is sent: reading alone then never shows 100%)."""
    read, commits = result.commits, result.commits_total
    # "3 of 1,000 commits read": the noun agrees with the total when there is one
    text = f"{result.stage} — " + (f"{read:,} of {plural(commits, 'commit')}" if commits else plural(read, "commit")) + " read"
    queued, analysed = result.pairs_queued, result.pairs_analysed
    if queued:
        text += f", {analysed:,} of {plural(queued, 'pair')} analysed"
    text += f", {plural(result.versions, 'version')} recorded"
    if result.stage == "analysing" and result.parts[1]:
        text += f", this batch {result.parts[0]} of {plural(result.parts[1], 'part')} done"
    if not commits:
        return text, 0, 0
    if queued:
        pairs = queued if read >= commits else round(queued * commits / max(read, 1))
    else:  # no batch sent yet (a small import is one batch): about one pair per commit, until one is
        pairs = commits
    return text, read + analysed, commits + max(pairs, queued)


def n_changes(result: Any) -> str:
    """How many document changes of an import were not versions, as words ("3 file changes")."""
    return plural(result.unchanged + result.no_clause_changed, "file change")


def plural(n: int, noun: str) -> str:
    """``tracker.text.count``: "1 version", "2 versions" (imported lazily: this module loads at start-up)."""
    from tracker.text import count

    return count(n, noun)


@click.command("import-declarations")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Write the sources file here (default: the global --sources path, ./sources.toml).")
@click.option("--force", is_flag=True, help="Overwrite an existing sources file.")
@click.option("--report", "show_report", is_flag=True, help="Print one line per document that is not fully supported.")
@click.option("--json", "as_json", is_flag=True, help="Print the support report as JSON.")
@click.pass_obj
def import_declarations_command(obj: Any, directory: str, out: str | None, force: bool, show_report: bool,
                                as_json: bool) -> None:
    """Turn a folder of Open Terms Archive declarations (<Service>.json) into a sources.toml.

    Supported: fetch, select and remove with CSS selectors and range selectors (startBefore /
    startAfter ... endBefore / endAfter, written as inline tables), executeClientScripts (pages
    rendered by headless Chromium) and PDFs. Documents whose declaration uses what the tracker
    cannot do yet are still tracked where that is safe, with a comment in the file and a warning:
    custom filters are not applied, malformed ranges and unparsable CSS are dropped. Documents that
    combine several pages are tracked as one document made of those pages (`combine`).
    <Service>.history.json files are ignored.

    \b
    Examples:
      tracker import-declarations declarations/ --out sources.toml
      tracker import-declarations declarations/ --report --json
    """
    from tracker.errors import ConfigError
    from tracker.ota.declarations import load_declarations, to_toml
    from tracker.sources.config import parse_sources

    result = load_declarations(Path(directory))
    if not result.tracked():  # else "sources.toml: defines no services", about a file not written
        raise ConfigError(_nothing_to_import(directory, result))
    target = Path(out) if out else obj.sources_path
    text = to_toml(result)
    parse_sources(text, path=target)  # never write a file the tracker would refuse
    if target.exists() and not force:
        raise ConfigError(f"{target} exists; pass --force to overwrite it or --out FILE")
    require_folder_of(target, "--out" if out else "")
    target.write_text(text, encoding="utf-8")
    summary = result.summary()
    if as_json:
        _emit_json({"out": str(target), **summary, "documents": [d.to_dict() for d in result.documents]})
        return
    if show_report:
        for doc in result.documents:
            if doc.status != "supported":
                click.echo(f"{doc.status:<11} {doc.service_id}/{doc.type}: {'; '.join(doc.issues)}")
    for problem in result.errors:
        click.echo(f"warning: {problem}", err=True)
    click.echo(
        f"wrote {target}: {summary['services_loaded']} service(s), {summary['documents_tracked']} document(s) "
        f"({summary['supported']} fully supported, {summary['degraded']} with warnings, "
        f"{summary['unsupported']} left out) from {summary['files']} declaration file(s)"
    )


def _nothing_to_import(directory: str, result: Any) -> str:
    """Why a declarations folder (``Declarations`` ``result``) gives no document to track, in one line."""
    if not result.files:
        return (f"{directory} holds no declaration files (<Service>.json): give the declarations/ folder "
                "of an Open Terms Archive collection")
    reasons = list(result.errors[:3])
    if len(result.errors) > 3:
        reasons.append(f"{len(result.errors) - 3} more unreadable")
    if result.empty:
        reasons.append(f"{len(result.empty)} declare no terms")
    unsupported = sum(1 for d in result.documents if d.status == "unsupported")
    if unsupported:
        reasons.append(f"{unsupported} document(s) use what the tracker cannot fetch")
    return (f"none of the {result.files} declaration file(s) in {directory} gives a document to track"
            f"{': ' + '; '.join(reasons) if reasons else ''}")


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["ota-dataset", "jsonl"]), required=True,
              help="ota-dataset: a zip of <service>/<terms type>/<date>.md plus README and LICENSE; "
                   "jsonl: one JSON record per change with its labels.")
@click.option("--service", "-s", help="Only this service id.")
@click.option("--license", "license_text", default=None, help="File whose text becomes the dataset's LICENSE.")
@click.pass_obj
def export_command(obj: Any, out: str, fmt: str, service: str | None, license_text: str | None) -> None:
    """Export recorded versions as an Open Terms Archive-style dataset, or changes as JSON lines.

    OUT is a file (or - for stdout with jsonl); its folder must exist: a missing one is refused
    (exit 1), never created.

    \b
    Examples:
      tracker export --format ota-dataset dataset.zip
      tracker export --format jsonl changes.jsonl
      tracker export --format jsonl - | jq .summary
    """
    from tracker.ota import export_dataset, export_jsonl

    if out != "-":
        require_folder_of(Path(out))
    store = obj.store()
    if service is not None:
        # its id, matched as every command matches one (any case, no accents, or its name);
        # an unknown one is exit 4 with the known ones, not an empty export
        with obj.archive() as archive:
            service = archive.documents(service)[0].service_id
    with obj.index() as index:
        if fmt == "ota-dataset":
            if out == "-":
                raise click.UsageError("the ota-dataset format needs a file name (a zip), not '-'")
            license_body = Path(license_text).read_text(encoding="utf-8") if license_text else None
            count = export_dataset(store, index, Path(out), service=service, license_text=license_body)
            click.echo(f"wrote {count} version(s) to {out}")
        else:
            if out == "-":
                count = export_jsonl(index, sys.stdout, service=service)
            else:
                with open(out, "w", encoding="utf-8") as handle:
                    count = export_jsonl(index, handle, service=service)
                click.echo(f"wrote {count} record(s) to {out}")


COMMANDS = (import_history_command, import_declarations_command, export_command)


def register(group: click.Group) -> None:
    """Add the commands of this module to ``group`` (the main ``tracker`` group)."""
    for command in COMMANDS:
        group.add_command(command)

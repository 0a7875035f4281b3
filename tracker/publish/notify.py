"""Notifications after a run: one message per new change, to the targets whose filters match.

Targets are apprise URLs (e-mail, Slack, Discord, Matrix, generic ``json://`` webhooks, ...)
declared in an optional ``notify.toml`` next to ``sources.toml``::

    site_url = "https://terms.example.org"   # optional: messages link to the diff pages

    [[target]]
    url = "json://hooks.example.org/terms"   # any apprise URL
    name = "legal team"                      # optional, used in error messages (URLs hold secrets)
    categories = ["refunds", "arbitration"]  # optional: only changes in any of these
    min_severity = "material"                # optional: cosmetic | minor (default) | material | critical
    services = ["nimbus"]                    # optional: only these service ids

Notifying is best effort: a target that is down or refuses the message is reported in the
returned list of errors and never stops anything (the change is recorded and published anyway).
``check_target`` tells whether a target can be reached (``tracker notify --check``): a HEAD
request to a generic webhook, which delivers nothing, or with ``send_test`` a real test message.
apprise is an optional extra: ``pip install 'tracker[notify]'``.
"""

from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Mapping, Sequence
from urllib.parse import urlsplit

from tracker.archive.index import Index
from tracker.errors import ConfigError, InvalidArgument
from tracker.publish.catalog import category_id, entry_title, version_page
from tracker.publish.text import human_date, safe_text
from tracker.records import ClauseChange, Version, material_mark
from tracker.run.events import RunEvent, RunFinished, RunStarted, VersionRecorded

log = logging.getLogger(__name__)

SEVERITIES = ("cosmetic", "minor", "material", "critical")
DEFAULT_MIN_SEVERITY = "minor"
TARGET_KEYS = ("url", "name", "categories", "min_severity", "services")
TOP_KEYS = ("site_url", "target")
MAX_CHANGES_IN_MESSAGE = 8


@dataclass(frozen=True)
class Target:
    """One place to send messages, and which changes it wants."""

    url: str
    name: str = ""
    categories: tuple[str, ...] = ()
    min_severity: str = DEFAULT_MIN_SEVERITY
    services: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How errors name the target without printing its secrets (tokens, passwords)."""
        if self.name:
            return self.name
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname or ''}"

    def matches(self, version: Version, categories: Sequence[str]) -> bool:
        from tracker.analysis.analyse import severity_rank

        if self.services and version.service_id not in self.services:
            return False
        rank = severity_rank(version.severity)
        if version.kind == "revert" and version.severity == "minor":
            # a revert that takes back material changes (the only "minor" revert) restores terms a
            # target of material changes was told had changed: it must hear they are back
            rank = severity_rank("material")
        if rank < severity_rank(self.min_severity):
            return False
        return not self.categories or bool(set(self.categories) & set(categories))


@dataclass(frozen=True)
class NotifyConfig:
    targets: tuple[Target, ...]
    site_url: str = ""


def load_notify(path: Path) -> NotifyConfig:
    """Read and validate ``notify.toml``; every problem is listed in one ConfigError."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    problems = _unknown(data, TOP_KEYS, str(path))
    site_url = data.get("site_url", "")
    if not isinstance(site_url, str) or (site_url and not site_url.startswith(("http://", "https://"))):
        problems.append(f"{path}: site_url must be an http(s) URL, not {site_url!r}")
        site_url = ""
    raw_targets = data.get("target", [])
    if not isinstance(raw_targets, list):
        problems.append(f"{path}: 'target' must be an array of tables: write [[target]]")
        raw_targets = []
    targets = []
    for n, raw in enumerate(raw_targets, start=1):
        where = f"{path}: target {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: must be a table ([[target]])")
            continue
        problems += _unknown(raw, TARGET_KEYS, where)
        url = raw.get("url")
        if not isinstance(url, str) or "://" not in url:
            problems.append(f"{where}: 'url' is required and must be an apprise URL such as "
                            f"'json://host/path' or 'mailto://user:pass@example.org'")
            continue
        name = raw.get("name", "")
        if not isinstance(name, str):
            problems.append(f"{where}: 'name' must be a string")
            name = ""
        cats = []
        for given in _strings(raw, "categories", where, problems):
            try:  # "Refunds", "AI training", "data use" name a category too
                cats.append(category_id(given))
            except InvalidArgument as err:
                problems.append(f"{where}: {str(err).replace('no category', 'unknown category', 1)}")
        severity = raw.get("min_severity", DEFAULT_MIN_SEVERITY)
        if severity not in SEVERITIES:
            problems.append(f"{where}: min_severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        services = _strings(raw, "services", where, problems)
        if not _apprise_accepts(url):
            problems.append(f"{where}: apprise does not understand the URL scheme '{urlsplit(url).scheme}://'")
        targets.append(Target(url, name, tuple(cats), severity if severity in SEVERITIES else DEFAULT_MIN_SEVERITY,
                              services))
    if not raw_targets and not problems:
        # (a file that sends nothing is a mistake, not a setting: without one, nothing is sent either)
        problems.append(f"{path}: no [[target]]: declare one (url = \"json://host/path\", any apprise URL), "
                        "or delete the file to send no notifications")
    if problems:
        raise ConfigError("invalid notify file:\n  " + "\n  ".join(problems))
    return NotifyConfig(tuple(targets), site_url.rstrip("/"))


def unknown_services(config: NotifyConfig, known: Collection[str]) -> list[str]:
    """One line per target's ``services`` entry that names no service in ``known`` (the declared
    and recorded service ids), with the closest id: such a target never gets a message for it.
    Nothing when ``known`` is empty (nothing to compare with)."""
    if not known:
        return []
    out = []
    for n, target in enumerate(config.targets, start=1):
        for bad in [s for s in target.services if s not in known]:
            close = difflib.get_close_matches(bad, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known: {', '.join(sorted(known)[:12])}"
            out.append(f"target {n} ({target.label}): no service '{bad}' is declared in the sources file or "
                       f"recorded in the archive, so this target gets no message for it{hint}")
    return out


def _unknown(table: Mapping[str, Any], allowed: Sequence[str], where: str) -> list[str]:
    out = []
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(allowed)}"
            out.append(f"{where}: unknown key '{key}'{hint}")
    return out


def _strings(raw: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: '{key}' must be a list of strings")
        return ()
    return tuple(value)


def _apprise_accepts(url: str) -> bool:
    """True if apprise can parse ``url``; also True when apprise is missing (reported at send time)."""
    try:
        import apprise
    except ImportError:
        return True
    return bool(apprise.Apprise().add(url))


# --- sending -------------------------------------------------------------------------------------


def change_categories(version: Version, changes: Sequence[ClauseChange]) -> tuple[str, ...]:
    """A version's categories plus those of its non-cosmetic clause changes (as the feeds use)."""
    from tracker.analysis import severity_rank

    cats = set(version.categories)
    for c in changes:
        if c.material or severity_rank(c.severity) >= severity_rank("minor"):
            cats.update(c.categories)
    return tuple(sorted(cats))


def message(version: Version, changes: Sequence[ClauseChange], service_name: str,
            site_url: str = "") -> tuple[str, str]:
    """(title, plain-text body) of the message announcing one version."""

    from tracker.analysis.headline import rank_changes, shown_tags
    from tracker.analysis.rendering import section_label

    title = entry_title(version, service_name)  # the version's headline
    flag = "material change" if version.material else "not material"
    cats = shown_tags(changes, version.categories)
    lines = [f"{service_name} {version.document_type}, recorded {human_date(version.fetched_at)}: "
             f"{flag}, severity {version.severity or 'none'}" + (f"; {', '.join(cats)}" if cats else ""), ""]
    # most serious first, in the order the headline (the title) was chosen by
    shown = rank_changes(changes, version.categories)[:MAX_CHANGES_IN_MESSAGE]
    for c in shown:
        mark = f"{material_mark(c.material, c.severity)} ".lstrip()
        where = section_label(c.heading, c.after or c.before or "", c.clause_id) if c.heading else ""
        lines.append(f"- {mark}{c.kind or 'changed'}{f' ({where})' if where else ''}: {c.explanation or 'changed'}")
    if len(changes) > len(shown):
        lines.append(f"- and {len(changes) - len(shown)} more clause change(s)")
    if site_url:
        lines += ["", f"Diff: {site_url}/{version_page(version)}"]
    elif version.final_url or version.source_url:
        lines += ["", f"Page: {version.final_url or version.source_url}"]
    return safe_text(title), "\n".join(safe_text(line) for line in lines)


def notify_changes(targets: Sequence[Target], versions: Sequence[Version],
                   changes: Mapping[str, Sequence[ClauseChange]] | None = None, *,
                   service_names: Mapping[str, str] | None = None, site_url: str = "",
                   delivered: list[tuple[str, str]] | None = None,
                   runs: Mapping[str, int] | None = None, command: str = "tracker notify") -> list[str]:
    """Send one message per (changed version, matching target); return the errors, never raise.
    ``command``: how a failed delivery's line says to send it again (``again``).

    ``changes`` maps commit sha -> its stored clause changes (for the text and category filter).
    A document's first version is not a change and is never sent. ``delivered``, when given, gets
    one (commit sha, target label) per message delivered, so a caller can say what was sent rather
    than what was considered. ``runs`` maps commit sha -> the number of the run that recorded it:
    a failed delivery's line names the command that sends it again (``tracker notify --run 27``).
    """
    wanted = [v for v in versions if v.seq > 1 and v.kind != "first"]
    if not targets or not wanted:
        return []
    try:
        import apprise  # noqa: F401 (sent through ``send``; said once here when missing)
    except ImportError:
        return ["notifications skipped: apprise is not installed (pip install 'tracker[notify]')"]
    errors: list[str] = []
    changes = changes or {}
    names = service_names or {}
    for v in wanted:
        mine = changes.get(v.commit_sha, ())
        cats = change_categories(v, mine)
        title, body = message(v, mine, names.get(v.service_id, v.service_id), site_url)
        for target in targets:
            if not target.matches(v, cats):
                continue
            try:
                failure = send(target, title, body, warning=v.material)
                if failure is None and delivered is not None:
                    delivered.append((v.commit_sha, target.label))
                if failure == NOT_UNDERSTOOD:
                    errors.append(f"notify {target.label}: {NOT_UNDERSTOOD}")
                elif failure is not None:
                    errors.append(f"notify {target.label}: the change to '{v.document_key}' ({v.fetched_at}) was not "
                                  f"delivered: {failure}; it is recorded and in the feeds "
                                  f"({again(runs.get(v.commit_sha) if runs else None, command)})")
            except Exception as exc:  # noqa: BLE001 (a notifier bug must never break a run)
                errors.append(f"notify {target.label}: {type(exc).__name__}: {exc}")
    # (returned, not logged: the caller prints each once; logging too printed every failure twice)
    return errors


NOT_UNDERSTOOD = "apprise does not understand this URL"


def again(run_id: int | None, command: str = "tracker notify") -> str:
    """How to send a run's changes again, as a failed delivery's line says it: a command to type
    (`tracker notify --run 27`: the option takes the run's number), or, with no number known,
    where to find it. ``command``: the notify command with the options the run was given
    (``--store``, ``--sources``, ``--notify``: ``tracker.cli.app``), so it works as typed."""
    if run_id is not None:
        return f"`{command} --run {run_id}` sends that run's changes again"
    return (f"`{command} --run N` sends run N's changes again; `tracker history --runs 1 --json` names the "
            "latest run's versions")


def send(target: Target, title: str, body: str, *, warning: bool = False) -> str | None:
    """Deliver one plain-text message to ``target`` through apprise: None once delivered, else
    why not (``delivery_failure``, or ``NOT_UNDERSTOOD``). Raises ImportError without apprise."""
    import apprise

    sender = apprise.Apprise()
    if not sender.add(target.url):
        return NOT_UNDERSTOOD
    kind = apprise.NotifyType.WARNING if warning else apprise.NotifyType.INFO
    # apprise says why a delivery failed only in its log: caught here, for the one line
    with apprise.LogCapture(level=logging.DEBUG) as said:
        sent = sender.notify(title=title, body=body, notify_type=kind, body_format=apprise.NotifyFormat.TEXT)
    return None if sent else delivery_failure(said.getvalue())


_HTTP_ERROR = re.compile(r"error=(\d{3})\b")
_SECRETS = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://\S+")  # an address can hold a token: never printed


def delivery_failure(log_text: str) -> str:
    """Why apprise could not deliver a message, from what it logged while trying: "connection
    refused", "HTTP 500", "timed out", "the host name could not be resolved", else its last
    warning (addresses left out: they can hold secrets), else "no reason given"."""
    lowered = log_text.lower()
    if "connection refused" in lowered:
        return "connection refused"
    if "timed out" in lowered or "timeout" in lowered:
        return "timed out"
    if "name or service not known" in lowered or "failed to resolve" in lowered or "nodename nor servname" in lowered:
        return "the host name could not be resolved"
    if match := _HTTP_ERROR.search(log_text):
        return f"HTTP {match.group(1)}"
    warnings = [line.split(" - WARNING - ", 1)[1] for line in log_text.splitlines() if " - WARNING - " in line]
    if warnings:
        return _SECRETS.sub("<address>", warnings[-1]).strip().rstrip(".")
    return "no reason given"


# --- checking that targets can be reached (`tracker notify --check`) -------------------------------

# apprise's generic webhooks: a plain HTTP(S) address of the receiver's own, which a HEAD request
# can reach without delivering anything; every other kind (e-mail, Slack, ntfy...) goes through a
# service's API that only a real message tests (``--send-test``)
WEBHOOK_KINDS = ("json", "jsons", "xml", "xmls", "form", "forms")
PROBE_TIMEOUT = 10.0  # seconds
TEST_TITLE = "tracker: test message"
TEST_BODY = ("A test message sent by `tracker notify --check --send-test` to check this target can be reached. "
             "No terms have changed.")


@dataclass(frozen=True)
class TargetCheck:
    """What ``check_target`` found for one target: ``status`` "ok", "failed" or "not probed",
    and ``detail``, what was tried and what came back (the reason of a failure)."""

    target: Target
    status: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def check_target(target: Target, *, send_test: bool = False, timeout: float = PROBE_TIMEOUT) -> TargetCheck:
    """Can ``target`` be reached? A generic webhook (``WEBHOOK_KINDS``) gets a HEAD request to its
    address, which delivers nothing: any answer below HTTP 500 is "ok" (a webhook may well refuse
    HEAD with a 404 or 405: its server is up), a 5xx, a refused connection, a timeout or a name that
    does not resolve is "failed". With ``send_test``, every target instead gets a real test message
    (``TEST_TITLE``), the only test an e-mail, chat or push target allows; without it those are
    "not probed". Never raises."""
    scheme = urlsplit(target.url).scheme.lower()
    try:
        if send_test:
            failure = send(target, TEST_TITLE, TEST_BODY)
            return (TargetCheck(target, "ok", "a test message was delivered") if failure is None
                    else TargetCheck(target, "failed", f"the test message was not delivered: {failure}"))
        if scheme not in WEBHOOK_KINDS:
            return TargetCheck(target, "not probed", f"a {scheme}:// target is tested only by sending a message: "
                                                     "add --send-test to send one")
        return _probe_webhook(target, timeout)
    except ImportError:
        return TargetCheck(target, "failed", "apprise is not installed (pip install 'tracker[notify]')")
    except Exception as exc:  # noqa: BLE001 (a probe bug must say which target, not stop the others)
        return TargetCheck(target, "failed", f"{type(exc).__name__}: {_SECRETS.sub('<address>', str(exc))}")


def _probe_webhook(target: Target, timeout: float) -> TargetCheck:
    """HEAD to a webhook target's HTTP(S) address, with its user and password, as apprise reads them."""
    import base64
    import http.client
    import socket
    import ssl
    import urllib.error
    import urllib.request

    import apprise

    plugin = apprise.Apprise.instantiate(target.url)
    if plugin is None:
        return TargetCheck(target, "failed", NOT_UNDERSTOOD)
    port = f":{plugin.port}" if plugin.port else ""
    address = f"{'https' if plugin.secure else 'http'}://{plugin.host}{port}{plugin.fullpath or '/'}"
    request = urllib.request.Request(address, method="HEAD", headers={"User-Agent": "tracker notify --check"})
    if plugin.user:
        token = base64.b64encode(f"{plugin.user}:{plugin.password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    context = None if getattr(plugin, "verify_certificate", True) else ssl._create_unverified_context()
    nothing_sent = "a HEAD request, no message sent"
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as answer:
            return TargetCheck(target, "ok", f"answered HTTP {answer.status} to {nothing_sent}")
    except urllib.error.HTTPError as exc:
        said = f"HTTP {exc.code} {exc.reason}".strip()
        if exc.code >= 500:
            return TargetCheck(target, "failed", f"{said} (to {nothing_sent})")
        return TargetCheck(target, "ok", f"answered {said} to {nothing_sent}: the server is up")
    except urllib.error.URLError as exc:
        reason = exc.reason
    except (OSError, http.client.HTTPException) as exc:
        reason = exc
    if isinstance(reason, ConnectionRefusedError):
        said = "connection refused"
    elif isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        said = f"timed out after {timeout:g} s"
    elif isinstance(reason, socket.gaierror):
        said = "the host name could not be resolved"
    elif isinstance(reason, ssl.SSLError):
        said = f"TLS error ({getattr(reason, 'reason', None) or reason})"
    else:
        said = _SECRETS.sub("<address>", str(reason)) or type(reason).__name__
    return TargetCheck(target, "failed", said)


def find_notify_file(sources_path: Path, notify_path: Path | None = None) -> Path | None:
    """``--notify FILE`` if given, else ``notify.toml`` beside the sources file, if it exists."""
    if notify_path is not None:
        return Path(notify_path)
    candidate = Path(sources_path).parent / "notify.toml"
    return candidate if candidate.exists() else None


def notify_after_run(store_dir: Path, sources_path: Path, commit_shas: Sequence[str], *,
                     notify_path: Path | None = None, delivered: list[tuple[str, str]] | None = None,
                     run_id: int | None = None, command: str = "tracker notify") -> list[str]:
    """Notify about the versions run ``run_id`` recorded (``commit_shas``); return errors, never raise.

    Without a notify file this does nothing. ``delivered`` and ``command`` as in
    ``notify_changes``; ``run_id`` (when known) is named in a failed delivery's line. Used by
    ``tracker notify`` to send a run's versions again.
    """
    path = find_notify_file(sources_path, notify_path)
    shas = [s for s in commit_shas if s]
    if path is None or not shas:
        return []
    try:
        config = load_notify(path)
        with Index(Path(store_dir) / "index.sqlite") as index:
            versions, changes = versions_for(index, shas)
            names = index.service_names()
    except Exception as exc:  # noqa: BLE001 (the run already succeeded; report, do not fail)
        return [f"notifications skipped: {exc}"]
    return notify_changes(config.targets, versions, changes, service_names=names, site_url=config.site_url,
                          delivered=delivered, runs=dict.fromkeys(shas, run_id) if run_id is not None else None,
                          command=command)


class NotifyAfterRun:
    """Run subscriber: once a run is finished, notify about the versions it recorded, and about
    those of earlier runs stopped (Ctrl-C, SIGTERM) after they recorded versions (a stop does not
    wait for deliveries: ``tracker.run.loop.stopped_runs``).

    The notify file is read when the run starts: a broken one is said (``warn``) in every run,
    with a change or not, so a cron log shows it before a change goes unsent. On ``RunFinished``
    the versions go through ``notify_changes`` (nothing without a notify file); each failure is
    passed to ``warn`` and never fails the run.
    """

    def __init__(self, store_dir: Path, sources_path: Path, *, notify_path: Path | None = None,
                 warn: Callable[[str], None] = log.warning, services: Collection[str] = (),
                 command: str = "tracker notify") -> None:
        self.store_dir, self.sources_path, self.notify_path, self.warn = store_dir, sources_path, notify_path, warn
        self.command = command  # how a failed delivery's line says to send again (``again``)
        self.services = services  # service ids declared: a target's unknown ones are said each run
        self.commits: list[str] = []
        self.config: NotifyConfig | None = None
        self.broken = False  # the notify file could not be used (said when the run started)

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, RunStarted):
            self.commits, self.config, self.broken = [], None, False
            path = find_notify_file(self.sources_path, self.notify_path)
            if path is None:
                return
            try:
                self.config = load_notify(path)
            except Exception as exc:  # noqa: BLE001 (a bad file never fails the run: said, every run)
                self.broken = True
                self.warn(f"notifications will not be sent: {exc}")
                return
            for line in unknown_services(self.config, self.services):
                self.warn(f"notify file {path}: {line}")
        elif isinstance(event, VersionRecorded) and event.outcome.commit:
            self.commits.append(event.outcome.commit)
        elif isinstance(event, RunFinished):
            commits, self.commits = self.commits, []
            if self.broken:
                return  # said when the run started; stopped runs stay listed for a run that can send them
            for error in self._send(commits, event.result.run_id):
                self.warn(error)

    def _send(self, commits: list[str], run_id: int) -> list[str]:
        from tracker.run.loop import forget_stopped_runs, stopped_runs

        try:
            with Index(Path(self.store_dir) / "index.sqlite") as index:
                earlier = [r for r in stopped_runs(index) if r != run_id]
                if self.config is None:  # no notify file: nothing to send, now or later
                    if earlier:
                        forget_stopped_runs(index, earlier)
                    return []
                # which run recorded each version: a failed delivery names the `notify --run N` to type
                runs = {s: r for r in earlier for s in index.run_commits(r)} | dict.fromkeys(commits, run_id)
                shas = list(runs)
                versions, changes = versions_for(index, [s for s in shas if s])
                names = index.service_names()
                if earlier:
                    # handed over now; a delivery that fails is said, and `notify --run N` sends again
                    forget_stopped_runs(index, earlier)
        except Exception as exc:  # noqa: BLE001 (the run already succeeded; report, do not fail)
            return [f"notifications skipped: {exc}"]
        return notify_changes(self.config.targets, versions, changes, service_names=names,
                              site_url=self.config.site_url, runs=runs, command=self.command)


def versions_for(index: Index, commit_shas: Sequence[str]) -> tuple[list[Version], dict[str, list[ClauseChange]]]:
    """The indexed versions of ``commit_shas`` (oldest first) and their clause changes."""
    versions = index.versions_by_commit(commit_shas)
    return versions, {v.commit_sha: index.changes_for(v.commit_sha) for v in versions}


def run_commits(index: Index, run_id: int | None = None) -> list[str]:
    """Commits recorded by a run (default: the latest run that recorded anything)."""
    return index.run_commits(run_id)

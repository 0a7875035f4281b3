"""Load and validate ``sources.toml``: the list of services and documents to track.

Everything downstream (archive paths, fetch settings, feeds) trusts these values, so the
file is checked strictly up front and *all* its problems are reported at once, each with
file, line, entry and fix, instead of failing on the first one.

Format::

    # optional defaults applied to every document
    [defaults]
    timeout = 30                    # seconds
    user_agent = "tracker/0.1"      # optional
    headers = { Accept-Language = "en" }   # optional, merged under per-document headers

    [[service]]
    id = "nimbus"                   # safe id: ^[a-z0-9][a-z0-9._-]{0,63}$, no '..'
    name = "Nimbus AI"

      [[service.document]]
      type = "Terms of Service"     # becomes the archive file "nimbus/Terms of Service.md"
      url = "https://nimbus.example/terms"   # http, https or file
      # or, for a document published as several pages, instead of url:
      # combine = [{ url = ".../terms/1" }, { url = ".../terms/2", select = ["#annex"] }]
      select = ["main"]             # CSS selector(s) to keep, string or list (optional)
      remove = [".cookie-banner"]   # CSS selector(s) to drop (optional)
      # A list item may also be a range, from one element to another (see ``Range``):
      # select = [{ start_after = "#intro", end_before = "footer" }]
      timeout = 20                  # optional: timeout, user_agent, headers (table of str)
      render = "browser"            # optional: "http" (default) or "browser" (pages built by JavaScript)
      max_shrink = 0.5              # optional: hold a text that lost over this share of the last one
"""

from __future__ import annotations

import difflib
import json
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from tracker.errors import ConfigError

DEFAULT_TIMEOUT = 30.0

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# RFC 9110 token: what a header field name may contain.
_HEADER_NAME_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_HEADER_RE = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")

TOP_KEYS = ("defaults", "service")
DEFAULT_KEYS = ("timeout", "user_agent", "headers", "confirm", "robots", "render", "max_shrink")
SERVICE_KEYS = ("id", "name", "document")
DOCUMENT_KEYS = ("type", "url", "combine", "select", "remove", "timeout", "user_agent", "headers", "confirm",
                 "robots", "render", "max_shrink")
PART_KEYS = ("url", "select", "remove", "render")
RANGE_START_KEYS = ("start_before", "start_after")
RANGE_END_KEYS = ("end_before", "end_after")
RANGE_KEYS = RANGE_START_KEYS + RANGE_END_KEYS
RENDER_MODES = ("http", "browser")
URL_SCHEMES = ("http", "https", "file")
MAX_TYPE_LENGTH = 100


@dataclass(frozen=True)
class Range:
    """The part of a page between two elements, as in Open Terms Archive (a DOM Range).

    Exactly one start and one end are set, each a CSS selector whose *first* match is used:
    ``start_before`` starts just before the element (it is included), ``start_after`` just after
    it (excluded); ``end_before`` ends just before the element (excluded), ``end_after`` just after
    it (included). Frozen, so a ``Document`` holding ranges stays hashable.
    """

    start_before: str | None = None
    start_after: str | None = None
    end_before: str | None = None
    end_after: str | None = None

    def __post_init__(self) -> None:
        # The sources parser reports bad ranges with line numbers first; this only guards code.
        if (self.start_before is None) == (self.start_after is None):
            raise ValueError("a Range needs exactly one of start_before / start_after")
        if (self.end_before is None) == (self.end_after is None):
            raise ValueError("a Range needs exactly one of end_before / end_after")

    @property
    def start(self) -> str:
        """CSS selector of the start element."""
        return self.start_before if self.start_before is not None else self.start_after  # type: ignore[return-value]

    @property
    def end(self) -> str:
        """CSS selector of the end element."""
        return self.end_before if self.end_before is not None else self.end_after  # type: ignore[return-value]

    def as_dict(self) -> dict[str, str]:
        """The set keys, start first: the sources.toml spelling (and the fingerprint's)."""
        return {k: v for k, v in (("start_before", self.start_before), ("start_after", self.start_after),
                                  ("end_before", self.end_before), ("end_after", self.end_after))
                if v is not None}

    def __str__(self) -> str:
        """As written in sources.toml, for messages."""
        return "{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in self.as_dict().items()) + " }"


# What a `select` / `remove` item is: a CSS selector or a range.
Selector = str | Range


@dataclass(frozen=True)
class Part:
    """One page of a document made of several (``combine``): fetched and extracted on its own,
    its text joined to the others' in order."""

    url: str
    select: tuple[Selector, ...] = ()
    remove: tuple[Selector, ...] = ()
    render: str | None = None  # "http" / "browser"; None: the document's


@dataclass(frozen=True)
class Document:
    """One tracked page; ``key`` and ``path`` identify it in the archive."""

    service_id: str
    service_name: str
    type: str
    url: str
    select: tuple[Selector, ...] = ()  # CSS selectors and ranges to keep (their union, in page order)
    remove: tuple[Selector, ...] = ()  # ... and to drop, applied in list order
    timeout: float = DEFAULT_TIMEOUT
    user_agent: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    confirm: int = 1  # record a new text only once it has been seen in this many consecutive runs
    robots: bool = True  # honour robots.txt (false only where you have the site's permission)
    render: str = "http"  # "browser": load the page in headless Chromium and take the rendered DOM
    # A new text that lost more than this share of the last version is held, not recorded, until
    # it has been seen in 3 consecutive runs (or `confirm`, if larger); 1 turns the hold off.
    max_shrink: float = 0.5
    # A document made of several pages (Open Terms Archive's `combine`); ``url`` is then the
    # first part's, and ``select`` / ``remove`` are the defaults of parts that set none.
    parts: tuple[Part, ...] = ()

    @property
    def key(self) -> str:
        """Unique id of the document across all services."""
        return f"{self.service_id}/{self.type}"

    @property
    def path(self) -> str:
        """Archive path of the document's text, relative to the archive root."""
        return f"{self.service_id}/{self.type}.md"


@dataclass(frozen=True)
class Service:
    """A company or product whose documents are tracked together."""

    id: str
    name: str
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Sources:
    """The validated contents of a sources file."""

    path: Path | None
    services: tuple[Service, ...]

    def documents(self, service: str | None = None, document: str | None = None) -> list[Document]:
        """Documents to work on, narrowed by service id and/or document type, each matched in any
        case and without accents (``tracker.names.matching``: "conditions generales" names
        "Conditions Générales").

        An unknown filter is an error, not an empty list: a typo must not look like "nothing changed".
        """
        from tracker import names as naming

        services = list(self.services)
        if service is not None:
            ids = naming.matching(service, [s.id for s in self.services])
            services = [s for s in services if s.id in ids]
            if not services:
                known = ", ".join(s.id for s in self.services) or "none"
                hint = _did_you_mean(service, [s.id for s in self.services])
                raise ConfigError(f"no service '{service}' in {self._name}; known: {known}{hint}")
        docs = [d for s in services for d in s.documents]
        if document is not None:
            types = naming.matching(document, sorted({d.type for d in docs}))
            matched = [d for d in docs if d.type in types]
            if not matched:
                where = f" of service '{service}'" if service is not None else ""
                known = naming.known_names(document, [d.type for d in docs])
                raise ConfigError(f"no document '{document}'{where} in {self._name}; {known}")
            docs = matched
        return docs

    @property
    def _name(self) -> str:
        return self.path.name if self.path else "sources.toml"


@dataclass(frozen=True)
class _Settings:
    """Fetch settings shared by [defaults] and documents."""

    timeout: float = DEFAULT_TIMEOUT
    user_agent: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    confirm: int = 1
    robots: bool = True
    render: str = "http"
    max_shrink: float = 0.5


# --- public validators -------------------------------------------------------------------------


def validate_id(value: str) -> str | None:
    """None if ``value`` is a safe service id (used as a directory name), else why not."""
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if not _ID_RE.match(value):
        return (
            "must be 1-64 characters of lowercase letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if ".." in value:
        return "must not contain '..'"
    return None


def validate_document_type(value: str) -> str | None:
    """None if ``value`` can be used as a file name ("<type>.md") on any platform, else why not."""
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if len(value) > MAX_TYPE_LENGTH:
        return f"must be at most {MAX_TYPE_LENGTH} characters"
    if value != value.strip():
        return "must not start or end with spaces"
    if "/" in value or "\\" in value:
        return "must not contain '/' or '\\' (it becomes a file name)"
    if _CONTROL_RE.search(value):
        return "must not contain control characters"
    if value.startswith("."):
        return "must not start with '.'"
    return None


# --- loading -----------------------------------------------------------------------------------


def load_sources(path: Path) -> Sources:
    """Read and validate a sources file; every problem is reported in one ConfigError."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"no sources file at {path}; create one (see README) or pass --sources")
    if not path.is_file():
        raise ConfigError(f"{path} is not a file; pass the path of a sources.toml with --sources")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    return parse_sources(text, path=path)


def _unclosed_from(text: str, most: int = 2000) -> int | None:
    """The line (1-based) where a string, list or inline table that reaches the end of ``text``
    opens: the line after the longest run of whole lines that parses. Every longer prefix holds the
    unclosed opening, so none parses. None for a text over ``most`` lines (parsing each prefix is
    quadratic; a sources file is tens to hundreds of lines) or when no such line is found."""
    lines = text.splitlines(keepends=True)
    if len(lines) > most:
        return None
    for end in range(len(lines) - 1, -1, -1):
        try:
            tomllib.loads("".join(lines[:end]))
        except tomllib.TOMLDecodeError:
            continue
        return end + 1 if end < len(lines) else None
    return None


def parse_sources(text: str, *, path: Path | None = None) -> Sources:
    """Validate sources given as text; ``path`` is only used in messages."""
    label = str(path) if path is not None else "sources.toml"
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already carries "(at line L, column C)", except at the end of the
        # file, where it cannot say where the unclosed string, list or table began.
        said = str(exc)
        if said.endswith("(at end of document)") and (line := _unclosed_from(text.removeprefix("\ufeff"))):
            said += f": what opens on line {line} is never closed"
        elif said.startswith("Illegal character '\\n'"):
            said += ": a quoted string is not closed on that line"
        raise ConfigError(f"{label}: invalid TOML: {said}") from None
    checker = _Checker(label, _Locator(text))
    services = checker.check(data)
    if checker.errors:
        count = len(checker.errors)
        header = f"{label}: {count} problem{'s' if count > 1 else ''} to fix:"
        raise ConfigError("\n".join([header, *checker.errors]))
    return Sources(path=path, services=services)


def _did_you_mean(given: str, known: list[str]) -> str:
    """ " (did you mean 'acme'?)" when exactly one known name is close to ``given`` (a typo), else
    "" (the list of known names follows in the message either way)."""
    import difflib

    folded = {k.casefold(): k for k in known}
    close = difflib.get_close_matches(given.strip().casefold(), list(folded), n=2, cutoff=0.75)
    return f" (did you mean '{folded[close[0]]}'?)" if len(close) == 1 else ""


# --- line numbers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """Lines [start, end) of a table in the source text (1-based)."""

    start: int
    end: int


class _Locator:
    """Finds the line of a table or key, so messages can point at it.

    Best effort: it understands ``[[service]]`` / ``[[service.document]]`` headers and falls
    back to searching for the ``id = "..."`` / ``type = "..."`` line (e.g. for inline tables).
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str, bool]] = []  # (line, dotted name, is array)
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER_RE.match(line)
            if match:
                name = re.sub(r"\s+|[\"']", "", match.group(1))
                self.headers.append((number, name, line.lstrip().startswith("[[")))

    def _end(self, start: int, table: str) -> int:
        """Line of the first header after ``start`` that is not a sub-table of ``table``."""
        for number, name, _ in self.headers:
            if number > start and not name.startswith(table + "."):
                return number
        return len(self.lines) + 1

    def service(self, index: int, service_id: object) -> _Block | None:
        starts = [n for n, name, array in self.headers if name == "service" and array]
        if index < len(starts):
            return _Block(starts[index], self._end(starts[index], "service"))
        line = self.find_assignment("id", service_id)
        return _Block(line, line + 1) if line else None

    def document(self, service: _Block | None, index: int, doc_type: object) -> _Block | None:
        if service is None:
            return None
        starts = [
            n for n, name, array in self.headers
            if name == "service.document" and array and service.start < n < service.end
        ]
        if index < len(starts):
            return _Block(starts[index], self._end(starts[index], "service.document"))
        line = self.find_assignment("type", doc_type, after=service.start)
        return _Block(line, line + 1) if line else service

    def defaults(self) -> _Block | None:
        for number, name, array in self.headers:
            if name == "defaults" and not array:
                return _Block(number, self._end(number, "defaults"))
        return None

    def key(self, block: _Block | None, key: str) -> int | None:
        """Line where ``key`` is assigned inside ``block``, else the block's first line; with no
        block, a top-level key: its table header (``[[key]]``, ``[key]``, ``[key.sub]``) or its
        assignment before the first table, else None."""
        if block is None:
            name = rf"[\"']?{re.escape(key)}[\"']?"
            header = re.compile(rf"^\s*\[\[?\s*{name}\s*[\].]")
            assignment = re.compile(rf"^\s*{name}\s*=")
            in_table = False
            for number, line in enumerate(self.lines, 1):
                if header.match(line) or (not in_table and assignment.match(line)):
                    return number
                in_table = in_table or line.lstrip().startswith("[")
            return None
        # `key = ...` or a sub-table header `[...key]` (e.g. [service.document.headers]).
        pattern = re.compile(rf"^\s*([\"']?{re.escape(key)}[\"']?\s*=|\[[^\[\]]*\b{re.escape(key)}\s*\])")
        for number in range(block.start, min(block.end, len(self.lines) + 1)):
            if pattern.match(self.lines[number - 1]):
                return number
        return block.start

    def find_assignment(self, key: str, value: object, after: int = 0) -> int | None:
        """Line of ``key = "value"`` (first after line ``after``), for inline tables."""
        if not isinstance(value, str):
            return None
        pattern = re.compile(rf"\b{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']")
        for number, line in enumerate(self.lines, start=1):
            if number > after and pattern.search(line):
                return number
        return None


# --- validation --------------------------------------------------------------------------------


class _Checker:
    """Walks the parsed TOML, collecting every error instead of stopping at the first."""

    def __init__(self, label: str, locator: _Locator) -> None:
        self.label = label
        self.locator = locator
        self._found: list[tuple[int, int, str]] = []  # (line or 0, order found, message)

    @property
    def errors(self) -> list[str]:
        """The problems in line order (those without a line first), as printed."""
        return [m for _, _, m in sorted(self._found)]

    def error(self, line: int | None, message: str) -> None:
        where = f"{self.label}:{line}" if line else self.label
        self._found.append((line or 0, len(self._found), f"  {where}: {message}"))

    def check(self, data: dict[str, Any]) -> tuple[Service, ...]:
        self.unknown_keys(data, TOP_KEYS, "at top level", None, None)
        defaults = self.defaults(data.get("defaults", {}))
        raw_services = data.get("service")
        if raw_services is None:
            self.error(None, "defines no services; add a [[service]] table with id, name and a [[service.document]]")
            return ()
        if not _is_table_list(raw_services):
            self.error(None, "'service' must be an array of tables: write each one as [[service]]")
            return ()
        services: list[Service] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_services):
            service = self.service(index, raw, defaults)
            # Duplicates are told from the ids as written, so they are listed in the same pass as
            # every other problem (not only once the services are otherwise valid).
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str) and raw_id:
                if raw_id in seen:
                    line = self.locator.key(self.locator.service(index, raw_id), "id")
                    first = seen[raw_id] + 1
                    self.error(line, f"duplicate service id '{raw_id}' (also service #{first}); ids must be unique")
                    continue
                seen[raw_id] = index
            if service is not None:
                services.append(service)
        return tuple(services)

    def unknown_keys(self, table: dict[str, Any], allowed: tuple[str, ...], where: str,
                     block: _Block | None, allowed_hint: str | None) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"valid keys: {allowed_hint or ', '.join(allowed)}"
            self.error(self.locator.key(block, key), f"unknown key '{key}' {where}; {fix}")

    def defaults(self, raw: object) -> _Settings:
        block = self.locator.defaults()
        if not isinstance(raw, dict):
            self.error(None, "'defaults' must be a table: write it as [defaults]")
            return _Settings()
        self.unknown_keys(raw, DEFAULT_KEYS, "in [defaults]", block, None)
        return self.settings(raw, _Settings(), "in [defaults]", block)

    def settings(self, raw: dict[str, Any], base: _Settings, where: str, block: _Block | None) -> _Settings:
        """timeout / user_agent / headers, each falling back to ``base``."""
        timeout, user_agent, headers = base.timeout, base.user_agent, dict(base.headers)
        confirm, robots, render = base.confirm, base.robots, base.render
        max_shrink = base.max_shrink
        if "max_shrink" in raw:
            value = raw["max_shrink"]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                self.error(self.locator.key(block, "max_shrink"),
                           f"'max_shrink' {where} must be a share of the text above 0 and at most 1, e.g. 0.5 "
                           "(hold a new text that lost more than half of the last version; 1 never holds)")
            else:
                max_shrink = float(value)
        if "render" in raw:
            value = raw["render"]
            if value not in RENDER_MODES:
                self.error(self.locator.key(block, "render"),
                           f"'render' {where} must be \"http\" (plain fetch, the default) or \"browser\" "
                           f"(headless Chromium, for pages built by JavaScript), not {value!r}")
            else:
                render = value
        if "robots" in raw:
            if not isinstance(raw["robots"], bool):
                self.error(self.locator.key(block, "robots"), f"'robots' {where} must be true or false")
            else:
                robots = raw["robots"]
        if "confirm" in raw:
            value = raw["confirm"]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
                line = self.locator.key(block, "confirm")
                self.error(line, f"'confirm' {where} must be a whole number of runs from 1 to 100, e.g. 2")
            else:
                confirm = value
        if "timeout" in raw:
            value = raw["timeout"]
            if not _is_positive_number(value):
                line = self.locator.key(block, "timeout")
                self.error(line, f"'timeout' {where} must be a positive number of seconds, e.g. 30")
            else:
                timeout = float(value)
        if "user_agent" in raw:
            value = raw["user_agent"]
            if not isinstance(value, str) or not value.strip() or _CONTROL_RE.search(value):
                line = self.locator.key(block, "user_agent")
                self.error(line, f"'user_agent' {where} must be a non-empty single-line string")
            else:
                user_agent = value
        if "headers" in raw:
            headers.update(self.headers(raw["headers"], where, self.locator.key(block, "headers")))
        return _Settings(timeout, user_agent, tuple(sorted(headers.items())), confirm, robots, render,
                         max_shrink)

    def headers(self, raw: object, where: str, line: int | None) -> dict[str, str]:
        if not isinstance(raw, dict):
            example = 'headers = { Accept-Language = "en" }'
            self.error(line, f"'headers' {where} must be a table of strings, e.g. {example}")
            return {}
        good: dict[str, str] = {}
        for name, value in raw.items():
            if not _HEADER_NAME_RE.match(name):
                self.error(line, f"header name '{name}' {where} is not a valid HTTP header name")
            elif not isinstance(value, str) or _CONTROL_RE.search(value):
                self.error(line, f"header '{name}' {where} must be a single-line string")
            else:
                good[name] = value
        return good

    def service(self, index: int, raw: dict[str, Any], defaults: _Settings) -> Service | None:
        raw_id = raw.get("id")
        block = self.locator.service(index, raw_id)
        label = f"service '{raw_id}'" if isinstance(raw_id, str) and raw_id else f"service #{index + 1}"
        self.unknown_keys(raw, SERVICE_KEYS, f"in {label}", block, None)
        service_id = self.service_id(raw_id, label, block)
        name = raw.get("name")
        if name is None:
            self.error(self.locator.key(block, "id"), f"{label} has no 'name'; add e.g. name = \"Acme Cloud\"")
        elif not isinstance(name, str) or not name.strip() or _CONTROL_RE.search(name):
            self.error(self.locator.key(block, "name"), f"'name' of {label} must be a non-empty single-line string")
            name = None
        documents = self.documents(raw.get("document"), label, block, service_id, name, defaults)
        if service_id is None or name is None or documents is None:
            return None
        return Service(id=service_id, name=name.strip(), documents=documents)

    def service_id(self, raw_id: object, label: str, block: _Block | None) -> str | None:
        if raw_id is None:
            line = self.locator.key(block, "name")
            self.error(line, f"{label} has no 'id'; add e.g. id = \"acme\" (lowercase, used as a folder name)")
            return None
        if not isinstance(raw_id, str):
            self.error(self.locator.key(block, "id"), f"'id' of {label} must be a string, e.g. id = \"acme\"")
            return None
        problem = validate_id(raw_id)
        if problem:
            # separators run together ("Theta / .. / x" -> "theta-.-x") read as one hyphen
            suggestion = re.sub(r"[._-]{2,}", "-", re.sub(r"[^a-z0-9._-]+", "-", raw_id.lower())).strip("-._")
            if not suggestion or validate_id(suggestion) is not None:
                suggestion = "acme-cloud"
            hint = f" (e.g. '{suggestion}')"
            self.error(self.locator.key(block, "id"), f"unsafe id '{raw_id}' of {label}: {problem}{hint}")
            return None
        return raw_id

    def documents(self, raw: object, label: str, block: _Block | None, service_id: str | None,
                  name: str | None, defaults: _Settings) -> tuple[Document, ...] | None:
        if raw is None:
            line = block.start if block else None
            self.error(line, f"{label} has no documents; add a [[service.document]] table with type and url")
            return None
        if not _is_table_list(raw):
            line = self.locator.key(block, "document")
            self.error(line, f"'document' of {label} must be an array of tables: write each one as [[service.document]]")
            return None
        documents: list[Document] = []
        seen: dict[str, str] = {}
        ok = True
        for index, raw_doc in enumerate(raw):
            doc_block = self.locator.document(block, index, raw_doc.get("type"))
            document = self.document(index, raw_doc, label, doc_block, service_id, name, defaults)
            raw_type = raw_doc.get("type") if isinstance(raw_doc, dict) else None
            if isinstance(raw_type, str) and raw_type:  # as written: listed with every other problem
                folded = raw_type.casefold()
                if folded in seen:
                    self.error(self.locator.key(doc_block, "type"),
                               f"duplicate document type '{raw_type}' in {label} (same as '{seen[folded]}'; "
                               "types are file names, compared case-insensitively)")
                    ok = False
                    continue
                seen[folded] = raw_type
            if document is None:
                ok = False
                continue
            documents.append(document)
        return tuple(documents) if ok else None

    def document(self, index: int, raw: dict[str, Any], service_label: str, block: _Block | None,
                 service_id: str | None, service_name: str | None, defaults: _Settings) -> Document | None:
        doc_type = raw.get("type")
        named = isinstance(doc_type, str) and doc_type
        label = (f"document '{doc_type}'" if named else f"document #{index + 1}") + f" of {service_label}"
        before = len(self.errors)
        self.unknown_keys(raw, DOCUMENT_KEYS, f"in {label}", block, None)
        if doc_type is None:
            self.error(block.start if block else None, f"{label} has no 'type'; add e.g. type = \"Terms of Service\"")
        elif not isinstance(doc_type, str) or (problem := validate_document_type(doc_type)):
            why = "must be a string" if not isinstance(doc_type, str) else problem
            self.error(self.locator.key(block, "type"), f"bad type {doc_type!r} of {label}: {why}")
        select = self.selectors(raw, "select", label, block)
        remove = self.selectors(raw, "remove", label, block)
        parts: tuple[Part, ...] = ()
        if "combine" in raw:
            if "url" in raw:
                self.error(self.locator.key(block, "url"), f"{label} has both 'url' and 'combine'; keep 'combine' "
                                                           "(its first part's url is the document's)")
            parts = self.parts(raw["combine"], label, block, select, remove)
            url = parts[0].url if parts else None
        else:
            url = self.url(raw.get("url"), label, block)
        settings = self.settings(raw, defaults, f"in {label}", block)
        if (len(self.errors) > before or service_id is None or service_name is None or url is None
                or not isinstance(doc_type, str)):
            return None
        return Document(
            service_id=service_id, service_name=service_name.strip(), type=doc_type, url=url,
            select=select, remove=remove, timeout=settings.timeout,
            user_agent=settings.user_agent, headers=settings.headers, confirm=settings.confirm,
            robots=settings.robots, render=settings.render, max_shrink=settings.max_shrink, parts=parts,
        )

    def parts(self, raw: object, label: str, block: _Block | None, select: tuple[Selector, ...],
              remove: tuple[Selector, ...]) -> tuple[Part, ...]:
        """The pages of a ``combine`` document; each may set its own select / remove."""
        line = self.locator.key(block, "combine")
        example = 'combine = [{ url = "https://example.com/terms/1" }, { url = "https://example.com/terms/2" }]'
        if not _is_table_list(raw) or not raw:
            self.error(line, f"'combine' of {label} must be a list of tables with a url each, e.g. {example}")
            return ()
        parts: list[Part] = []
        for number, item in enumerate(raw, 1):
            where = f"part {number} of 'combine' in {label}"
            for name in item:
                if name not in PART_KEYS:
                    close = difflib.get_close_matches(name, PART_KEYS, n=1)
                    fix = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(PART_KEYS)}"
                    self.error(line, f"unknown key '{name}' in {where}; {fix}")
            url = item.get("url")
            if not isinstance(url, str) or not url.strip():
                self.error(line, f"{where} needs a url, e.g. {example}")
                continue
            if problem := _url_problem(url):
                self.error(line, f"bad url '{url}' of {where}: {problem}")
                continue
            render = item.get("render")
            if render is not None and render not in RENDER_MODES:
                self.error(line, f"'render' of {where} must be one of {', '.join(map(repr, RENDER_MODES))}")
                render = None
            parts.append(Part(url,
                              self.selectors(item, "select", where, block) if "select" in item else select,
                              self.selectors(item, "remove", where, block) if "remove" in item else remove,
                              render))
        return tuple(parts)

    def url(self, raw: object, label: str, block: _Block | None) -> str | None:
        line = self.locator.key(block, "url")
        if raw is None:
            line = block.start if block else None
            self.error(line, f"{label} has no 'url'; add e.g. url = \"https://example.com/terms\" "
                             "(or combine = [{ url = ... }, ...] for a document made of several pages)")
            return None
        if not isinstance(raw, str) or not raw.strip():
            self.error(line, f"'url' of {label} must be a non-empty string")
            return None
        problem = _url_problem(raw)
        if problem:
            self.error(line, f"bad url '{raw}' of {label}: {problem}")
            return None
        return raw

    def selectors(self, raw: dict[str, Any], key: str, label: str, block: _Block | None) -> tuple[Selector, ...]:
        if key not in raw:
            return ()
        value = raw[key]
        line = self.locator.key(block, key)
        values = [value] if isinstance(value, (str, dict)) else value
        if not isinstance(values, list) or not all(isinstance(v, (str, dict)) for v in values):
            example = f'{key} = ["main"]'
            self.error(line, f"'{key}' of {label} must be a CSS selector string or a list of them (or of ranges "
                             f"like {{ start_after = \"#intro\", end_before = \"footer\" }}), e.g. {example}")
            return ()
        # Imported here: tracker.extract.convert is heavier and imports this module.
        from tracker.sources.selectors import check_selector

        items: list[Selector] = []
        for item in values:
            if isinstance(item, dict):
                found = self.range(item, key, label, line)
                if found is not None:
                    items.append(found)
                continue
            problem = check_selector(item)
            if problem:
                self.error(line, f"bad CSS selector in '{key}' of {label}: {problem}")
            items.append(item)
        return tuple(items)

    def range(self, raw: dict[str, Any], key: str, label: str, line: int | None) -> Range | None:
        """One inline table of a select/remove list as a Range, or None after reporting why not."""
        from tracker.sources.selectors import check_selector

        where = f"range in '{key}' of {label}"
        example = f'{key} = [{{ start_after = "#intro", end_before = "footer" }}]'
        before = len(self.errors)
        for name in raw:
            if name not in RANGE_KEYS:
                # OTA spells them startBefore etc.; difflib maps those to ours.
                close = difflib.get_close_matches(name, RANGE_KEYS, n=1)
                fix = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(RANGE_KEYS)}"
                self.error(line, f"unknown key '{name}' in {where}; {fix}")
        for keys, what in ((RANGE_START_KEYS, "start"), (RANGE_END_KEYS, "end")):
            given = [k for k in keys if k in raw]
            if not given:
                self.error(line, f"{where} has no {what}; add {keys[0]} or {keys[1]} (a CSS selector), e.g. {example}")
            elif len(given) > 1:
                self.error(line, f"{where} has both {given[0]} and {given[1]}; keep one (before: the element "
                                 f"is {'in' if what == 'start' else 'not in'} the range, after: it is "
                                 f"{'not in' if what == 'start' else 'in'} it)")
        for name in RANGE_KEYS:
            if name not in raw:
                continue
            value = raw[name]
            if not isinstance(value, str):
                self.error(line, f"'{name}' of {where} must be a CSS selector string, e.g. {name} = \"footer\"")
            elif problem := check_selector(value):
                self.error(line, f"bad CSS selector in '{name}' of {where}: {problem}")
        if len(self.errors) > before:
            return None
        return Range(**{name: raw[name] for name in RANGE_KEYS if name in raw})


def _is_positive_number(value: object) -> bool:
    """TOML booleans are ints in Python; a timeout of `true` is a mistake, not 1 second."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value > 0


def _is_table_list(value: object) -> TypeGuard[list[dict[str, Any]]]:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _url_problem(url: str) -> str | None:
    """None if the URL can be fetched by the tracker, else what is wrong with it."""
    if url != url.strip() or re.search(r"[\s\x00-\x1f\x7f]", url):
        return "must not contain spaces or control characters (encode them as %20)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        return f"cannot be parsed ({exc})"
    if parts.scheme not in URL_SCHEMES:
        return f"scheme must be http, https or file, not '{parts.scheme or '(none)'}'"
    if parts.scheme == "file":
        return None if parts.path else "file URLs need a path, e.g. file:///home/me/terms.html"
    if not host:
        return "has no host; write a full URL like https://example.com/terms"
    return None

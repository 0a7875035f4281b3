"""Open Terms Archive declarations as tracker sources.

An OTA declarations folder holds one ``<Service>.json`` per service::

    {"name": "ASUS",
     "terms": {"Privacy Policy": {"fetch": "https://...", "select": "#content", "remove": [".nav"],
                                  "filter": ["removeSecurityUpdates"], "executeClientScripts": true},
               "Terms of Service": {"combine": [{"fetch": "https://.../a"}, {"fetch": "https://.../b"}],
                                    "select": "main"}}}

(``<Service>.history.json`` files describe past declarations and are ignored.)

What maps one to one: ``fetch`` -> ``url``, ``select`` / ``remove`` with CSS selectors (a string or
a list) -> ``select`` / ``remove``; range selectors ``{startBefore|startAfter, endBefore|endAfter}``
in those lists -> ranges (``{ start_before|start_after = ..., end_before|end_after = ... }``, the
same DOM Range semantics, see ``tracker.sources.config.Range``); service id = the file name as a slug (the same id
``import-history`` gives the service's folder, so live tracking continues an imported history),
service name = ``name``, document type = the terms type.

What the tracker cannot do yet, and what happens to it (each document carries its issues):

* malformed range selectors (no start or no end, both start keys, unknown keys, CSS lexbor cannot
  parse): dropped (the rest of the list is kept; with nothing left the whole page is tracked)
  -> "degraded";
* ``filter`` (custom JavaScript functions of the declarations repository): not applied; the
  document is tracked with a warning -> "degraded";
* selectors lexbor cannot parse: dropped -> "degraded";
* missing or bad URLs (also in a part of ``combine``), document types that cannot be file names:
  left out -> "unsupported".

``executeClientScripts`` maps to ``render = "browser"`` (headless Chromium), PDF documents go
through the PDF extractor, and ``combine`` (one document made of several pages) maps to the
document's ``combine`` parts, each with its own select / remove / render: all fully supported.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError
from tracker.ota.history import ServiceIds
from tracker.sources.config import Part, Range, Selector, Sources, parse_sources
from tracker.sources.selectors import check_selector

SUPPORTED, DEGRADED, UNSUPPORTED = "supported", "degraded", "unsupported"

# Issue categories, for the support table (an issue message starts with its category).
RANGE = "range selector"
FILTER = "custom filter"
SCRIPTS = "executeClientScripts"
BAD_CSS = "unparsable CSS selector"
COMBINE = "combine"
PDF = "PDF"
BAD_URL = "bad or missing URL"
BAD_TYPE = "bad terms type"
UNKNOWN_KEY = "unknown key"


@dataclass
class DeclaredDocument:
    """One terms entry of a declaration, as the tracker will (or will not) track it."""

    file: str
    service_id: str
    service_name: str
    type: str
    url: str = ""
    select: tuple[Selector, ...] = ()
    remove: tuple[Selector, ...] = ()
    render: str = "http"
    parts: tuple[Part, ...] = ()  # a `combine` document's pages
    status: str = SUPPORTED
    issues: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)

    def degrade(self, category: str, message: str) -> None:
        if self.status == SUPPORTED:
            self.status = DEGRADED
        self._issue(category, message)

    def reject(self, category: str, message: str) -> None:
        self.status = UNSUPPORTED
        self._issue(category, message)

    def _issue(self, category: str, message: str) -> None:
        self.issues.append(message)
        if category not in self.categories:
            self.categories.append(category)

    def to_dict(self) -> dict[str, Any]:
        parts = [{"url": p.url, "select": _plain(p.select), "remove": _plain(p.remove), "render": p.render}
                 for p in self.parts]
        # a combined document has no url of its own: null, as every "none" in JSON
        return dict(self.__dict__, url=self.url or None, select=_plain(self.select), remove=_plain(self.remove),
                    parts=parts)


def _plain(items: tuple[Selector, ...]) -> list[str | dict[str, str]]:
    """Selectors as JSON values: a range as its sources.toml table."""
    return [item if isinstance(item, str) else item.as_dict() for item in items]


@dataclass
class Declarations:
    """Everything read from a declarations folder."""

    directory: Path
    files: int = 0
    documents: list[DeclaredDocument] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be read at all
    empty: list[str] = field(default_factory=list)  # files with an empty "terms" object
    names: dict[str, str] = field(default_factory=dict)  # service id -> name

    def tracked(self) -> list[DeclaredDocument]:
        return [d for d in self.documents if d.status != UNSUPPORTED]

    def sources(self) -> Sources:
        """The tracked documents as validated ``Sources`` (through the real sources parser)."""
        return parse_sources(to_toml(self))

    def summary(self) -> dict[str, Any]:
        tracked = self.tracked()
        categories: dict[str, int] = {}
        for doc in self.documents:
            for category in doc.categories:
                categories[category] = categories.get(category, 0) + 1
        return {
            "files": self.files,
            "files_failed": len(self.errors),
            "files_without_terms": len(self.empty),
            "services_loaded": len({d.service_id for d in tracked}),
            "services": len({d.file for d in self.documents}),
            "documents": len(self.documents),
            "documents_tracked": len(tracked),
            "supported": sum(d.status == SUPPORTED for d in self.documents),
            "degraded": sum(d.status == DEGRADED for d in self.documents),
            "unsupported": sum(d.status == UNSUPPORTED for d in self.documents),
            "issues": dict(sorted(categories.items(), key=lambda kv: -kv[1])),
        }


# --------------------------------------------------------------------------- reading


def load_declarations(directory: Path) -> Declarations:
    """Read every ``<Service>.json`` of ``directory`` (not ``*.history.json``)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(f"{directory} is not a folder of Open Terms Archive declarations")
    result = Declarations(directory=directory)
    ids = ServiceIds()
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".history.json") or path.name.startswith("."):
            continue
        result.files += 1
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            result.errors.append(f"{path.name}: cannot be read as JSON ({exc})")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("terms"), dict):
            result.errors.append(f"{path.name}: no 'terms' object")
            continue
        if not data["terms"]:
            result.empty.append(path.name)  # a service no longer tracked: only its history is left
            continue
        stem = path.name[: -len(".json")]
        raw_name = data.get("name")
        name: str = raw_name if isinstance(raw_name, str) and raw_name.strip() else stem
        service_id = ids.id_for(stem)
        result.names[service_id] = _one_line(name)
        for terms_type, declaration in data["terms"].items():
            result.documents.append(_document(path.name, service_id, _one_line(name), terms_type, declaration))
    return result


_DOC_KEYS = {"fetch", "select", "remove", "filter", "executeClientScripts", "combine"}


def _document(file: str, service_id: str, name: str, terms_type: str, raw: Any) -> DeclaredDocument:
    doc = DeclaredDocument(file=file, service_id=service_id, service_name=name, type=terms_type)
    if not isinstance(raw, dict):
        doc.reject(BAD_URL, f"{BAD_URL}: the declaration is not an object")
        return doc
    for key in raw:
        if key not in _DOC_KEYS:
            doc.degrade(UNKNOWN_KEY, f"{UNKNOWN_KEY} '{key}' ignored")
    url = raw.get("fetch")
    if "combine" not in raw:
        if not isinstance(url, str) or not url.strip():
            doc.reject(BAD_URL, f"{BAD_URL}: no 'fetch' URL")
        else:
            doc.url = url.strip()
    doc.select = _selectors(doc, raw.get("select"), "select")
    doc.remove = _selectors(doc, raw.get("remove"), "remove")
    if "combine" in raw:
        doc.parts = _parts(doc, raw["combine"])
        doc.url = doc.parts[0].url if doc.parts else ""
    if raw.get("select") and not doc.select:
        doc.degrade(RANGE if RANGE in doc.categories else BAD_CSS,
                    "no selector left in 'select': the whole page is tracked")
    filters = raw.get("filter")
    if filters:
        names = ", ".join(str(f) for f in (filters if isinstance(filters, list) else [filters]))
        doc.degrade(FILTER, f"{FILTER} not applied ({names}): the recorded text may contain what it removes")
    if raw.get("executeClientScripts"):
        doc.render = "browser"  # rendered by headless Chromium, as the declaration asks
    if doc.status != UNSUPPORTED:
        problem = _validate(doc)
        if problem:
            category = BAD_TYPE if "type" in problem else BAD_URL
            doc.reject(category, f"{category}: {problem}")
    return doc


_PART_KEYS = {"fetch", "select", "remove", "filter", "executeClientScripts"}


def _parts(doc: DeclaredDocument, raw: Any) -> tuple[Part, ...]:
    """The pages of a `combine` declaration; a part's select / remove default to the document's."""
    if not isinstance(raw, list) or not raw:
        doc.reject(COMBINE, f"{COMBINE}: not a list of pages")
        return ()
    parts: list[Part] = []
    for number, item in enumerate(raw, 1):
        url = item.get("fetch") if isinstance(item, dict) else None
        if not isinstance(url, str) or not url.strip():
            doc.reject(BAD_URL, f"{BAD_URL}: part {number} of '{COMBINE}' has no 'fetch' URL")
            return ()
        for key in item:
            if key not in _PART_KEYS:
                doc.degrade(UNKNOWN_KEY, f"{UNKNOWN_KEY} '{key}' in part {number} ignored")
        if item.get("filter"):
            doc.degrade(FILTER, f"{FILTER} of part {number} not applied: the recorded text may contain what it removes")
        select = _selectors(doc, item["select"], "select") if "select" in item else doc.select
        remove = _selectors(doc, item["remove"], "remove") if "remove" in item else doc.remove
        render = "browser" if item.get("executeClientScripts") else None
        parts.append(Part(url.strip(), select, remove, render))
    return tuple(parts)


def _selectors(doc: DeclaredDocument, raw: Any, key: str) -> tuple[Selector, ...]:
    if raw is None:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    kept: list[Selector] = []
    for value in values:
        if isinstance(value, dict):
            found = _range(value)
            if isinstance(found, Range):
                kept.append(found)
            else:
                shown = json.dumps(value, ensure_ascii=False)
                doc.degrade(RANGE, f"{RANGE} in '{key}' dropped ({found}): {shown}")
        elif isinstance(value, str) and value.strip():
            problem = check_selector(value)
            if problem:
                doc.degrade(BAD_CSS, f"{BAD_CSS} in '{key}' dropped: {value!r}")
            else:
                kept.append(value)
        else:
            doc.degrade(BAD_CSS, f"{BAD_CSS} in '{key}' dropped: {value!r}")
    return tuple(kept)


# OTA's range keys -> ours (sources.toml spells keys in snake_case).
_RANGE_KEYS = {"startBefore": "start_before", "startAfter": "start_after",
               "endBefore": "end_before", "endAfter": "end_after"}


def _range(raw: dict[str, Any]) -> Range | str:
    """An OTA range selector as a Range, or why it cannot be one.

    Every range in the real declarations has one start and one end; OTA itself cannot resolve
    a range without both, so one missing is reported rather than guessed (e.g. "to the end").
    """
    unknown = [k for k in raw if k not in _RANGE_KEYS]
    if unknown:
        return f"unknown key {unknown[0]!r}"
    starts = [k for k in ("startBefore", "startAfter") if k in raw]
    ends = [k for k in ("endBefore", "endAfter") if k in raw]
    for found, what in ((starts, "start"), (ends, "end")):
        if not found:
            return f"no {what}"
        if len(found) > 1:
            return f"both {found[0]} and {found[1]}"
    for key in (starts[0], ends[0]):
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            return f"{key} is not a CSS selector"
        if check_selector(value):
            return f"{BAD_CSS} in {key}: {value!r}"
    return Range(**{_RANGE_KEYS[k]: raw[k] for k in (starts[0], ends[0])})


def _validate(doc: DeclaredDocument) -> str | None:
    """Run the document alone through the real sources parser: what it refuses, we leave out."""
    try:
        parse_sources(_service_toml(doc.service_id, doc.service_name, [doc]))
    except ConfigError as exc:
        lines = [line.strip() for line in str(exc).splitlines()[1:]]
        return "; ".join(re.sub(r"^sources\.toml:\d+: ", "", line) for line in lines) or str(exc)
    return None


# --------------------------------------------------------------------------- writing TOML


def toml_string(value: str) -> str:
    """A TOML basic string (quotes, backslashes and every control character escaped)."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _toml_list(values: tuple[Selector, ...]) -> str:
    return "[" + ", ".join(toml_string(v) if isinstance(v, str) else _toml_range(v) for v in values) + "]"


def _toml_range(item: Range) -> str:
    """A range as a TOML inline table, e.g. { start_after = "#intro", end_before = "footer" }."""
    return "{ " + ", ".join(f"{k} = {toml_string(v)}" for k, v in item.as_dict().items()) + " }"


def _toml_part(part: Part, doc: DeclaredDocument) -> str:
    """A `combine` page as an inline table; select / remove only where they differ from the
    document's (which are its defaults)."""
    fields = [f"url = {toml_string(part.url)}"]
    if part.select != doc.select:
        fields.append(f"select = {_toml_list(part.select)}")
    if part.remove != doc.remove:
        fields.append(f"remove = {_toml_list(part.remove)}")
    if part.render:
        fields.append(f"render = {toml_string(part.render)}")
    return "{ " + ", ".join(fields) + " }"


def _one_line(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", text).strip()


def _service_toml(service_id: str, name: str, docs: list[DeclaredDocument], *, comments: bool = False) -> str:
    lines = ["[[service]]", f"id = {toml_string(service_id)}", f"name = {toml_string(name)}", ""]
    for doc in docs:
        if comments:
            lines += [f"  # warning: {_one_line(issue)}" for issue in doc.issues]
        lines.append("  [[service.document]]")
        lines.append(f"  type = {toml_string(doc.type)}")
        if doc.parts:
            lines.append("  combine = [")
            lines += [f"    {_toml_part(part, doc)}," for part in doc.parts]
            lines.append("  ]")
        else:
            lines.append(f"  url = {toml_string(doc.url)}")
        if doc.select:
            lines.append(f"  select = {_toml_list(doc.select)}")
        if doc.remove:
            lines.append(f"  remove = {_toml_list(doc.remove)}")
        if doc.render != "http":
            lines.append(f"  render = {toml_string(doc.render)}")
        lines.append("")
    return "\n".join(lines) + "\n"


def to_toml(result: Declarations) -> str:
    """The sources file for the tracked documents; left-out documents are listed as comments."""
    summary = result.summary()
    out = [
        f"# Generated by `tracker import-declarations` from {_one_line(str(result.directory))}",
        f"# {summary['documents_tracked']} of {summary['documents']} documents tracked "
        f"({summary['supported']} fully supported, {summary['degraded']} with warnings); "
        f"{summary['unsupported']} left out, listed as comments.",
        "",
    ]
    by_service: dict[str, list[DeclaredDocument]] = {}
    for doc in result.documents:
        by_service.setdefault(doc.service_id, []).append(doc)
    for service_id, docs in by_service.items():
        tracked = [d for d in docs if d.status != UNSUPPORTED]
        for doc in docs:
            if doc.status == UNSUPPORTED:
                out.append(f"# left out: {_one_line(doc.service_name)} / {_one_line(doc.type)}: "
                           f"{_one_line('; '.join(doc.issues))}")
        if tracked:
            out.append(_service_toml(service_id, result.names.get(service_id, service_id), tracked, comments=True))
        elif docs:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- report


def support_table(result: Declarations) -> str:
    """A plain-text table: what loads, what is fully supported, what is not and why."""
    s = result.summary()
    rows = [
        ("declaration files", s["files"]),
        ("files that could not be read", s["files_failed"]),
        ("files with no terms (history only)", s["files_without_terms"]),
        ("services with a tracked document", s["services_loaded"]),
        ("documents declared", s["documents"]),
        ("documents tracked", s["documents_tracked"]),
        ("  fully supported", s["supported"]),
        ("  tracked with warnings", s["degraded"]),
        ("documents left out", s["unsupported"]),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{label:<{width}}  {value:>5}" for label, value in rows]
    lines += ["", "documents per issue (one document can have several):"]
    effect = {
        RANGE: "malformed (no start/end, unknown key, bad CSS): dropped",
        FILTER: "not applied, tracked with a warning",
        SCRIPTS: "fetched without JavaScript",
        BAD_CSS: "dropped",
        COMBINE: "malformed combine (not a list of pages): left out",
        PDF: "left out (no PDF extraction)",
        BAD_URL: "left out",
        BAD_TYPE: "left out",
        UNKNOWN_KEY: "ignored",
    }
    for category, count in s["issues"].items():
        lines.append(f"  {category:<26} {count:>5}  {effect.get(category, '')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m tracker.ota.declarations DIR``: print the support table of a declarations folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tracker.ota.declarations DECLARATIONS_DIR", file=sys.stderr)
        return 2
    print(support_table(load_declarations(Path(args[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

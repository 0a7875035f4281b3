"""Export the archive as a dataset.

* ``ota-dataset``: a zip laid out like an Open Terms Archive dataset::

      README.md
      LICENSE
      <service name>/<terms type>/<ISO date>.md     one file per recorded version

  The date is the version's UTC time with ``-`` for ``:`` (``2024-05-01T12-30-00Z.md``), as OTA
  datasets name them, so file names are valid on every platform. Zip entries carry the version's
  date, so the same archive always gives the same zip.

* ``jsonl``: one JSON object per clause change (every version after the first), with the labels of
  the change and of the version it belongs to.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, TextIO

from tracker.archive.index import Index
from tracker.archive.store import Store
from tracker.records import Version

READ_BATCH = 200
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')

DEFAULT_LICENSE = """\
The texts in this dataset are the terms published by the services named by its folders; their
copyright belongs to their publishers. They were collected and are shared here to document how
those terms change over time.

No licence was chosen for this export. To include one, run:

    tracker export --format ota-dataset --license LICENSE-FILE OUT.zip
"""


def path_part(name: str, fallback: str) -> str:
    """A folder or file name safe on every platform (no separators, reserved or control chars)."""
    cleaned = _UNSAFE.sub("-", name).strip(" .")
    return cleaned or fallback


def file_date(fetched_at: str) -> str:
    """``2024-05-01T12:30:00Z`` -> ``2024-05-01T12-30-00Z`` (OTA dataset file names)."""
    return fetched_at.replace(":", "-")


def _versions(index: Index, service: str | None) -> Iterator[tuple[dict[str, Any], Version]]:
    for doc in index.documents():
        if service and doc["service_id"] != service:
            continue
        for row in index.version_rows(doc["key"]):
            yield doc, row


def export_dataset(store: Store, index: Index, out: Path, *, service: str | None = None,
                   license_text: str | None = None) -> int:
    """Write the zip; return the number of versions in it. Texts are read in batches through one
    ``git cat-file --batch`` per batch, so memory stays flat whatever the archive's size."""
    store.require()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    count = 0
    services: dict[str, dict[str, Any]] = {}
    first = last = ""
    used: set[str] = set()
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        batch: list[tuple[str, Version]] = []

        def flush() -> None:
            texts = store.read_many([(row.commit_sha, f"{row.service_id}/{row.document_type}.md") for _, row in batch])
            for (name, row), text in zip(batch, texts):
                info = zipfile.ZipInfo(name, date_time=_zip_time(row.fetched_at))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, text.encode("utf-8"))
            batch.clear()

        names = index.service_names()
        for doc, row in _versions(index, service):
            folder = path_part(names.get(row.service_id) or row.service_id, row.service_id)
            name = f"{folder}/{path_part(row.document_type, 'document')}/{file_date(row.fetched_at)}.md"
            if name in used:  # two versions in the same second
                name = name[:-3] + f"-{row.seq}.md"
            used.add(name)
            batch.append((name, row))
            entry = services.setdefault(folder, {"documents": {}, "versions": 0})
            entry["documents"][row.document_type] = entry["documents"].get(row.document_type, 0) + 1
            entry["versions"] += 1
            first = min(first, row.fetched_at) if first else row.fetched_at
            last = max(last, row.fetched_at)
            count += 1
            if len(batch) >= READ_BATCH:
                flush()
        flush()
        for entry_name, body in (("README.md", _readme(services, count, first, last)),
                                 ("LICENSE", license_text or DEFAULT_LICENSE)):
            info = zipfile.ZipInfo(entry_name, date_time=_zip_time(last or "1980-01-01T00:00:00Z"))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, body.encode("utf-8"))
    tmp.replace(out)
    return count


def _zip_time(fetched_at: str) -> tuple[int, int, int, int, int, int]:
    try:
        moment = datetime.fromisoformat(fetched_at.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    if moment.year < 1980:  # the zip format cannot date earlier files
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def _readme(services: dict[str, dict[str, Any]], count: int, first: str, last: str) -> str:
    documents = sum(len(s["documents"]) for s in services.values())
    lines = [
        "# Terms versions dataset",
        "",
        f"{count} versions of {documents} documents of {len(services)} services, "
        f"recorded from {first[:10] or '-'} to {last[:10] or '-'}, exported by `tracker export`.",
        "",
        "## Layout",
        "",
        "```",
        "<service>/<terms type>/<date>.md",
        "```",
        "",
        "Each file is the text of one version of one document, as normalized Markdown; its name is",
        "the UTC time the version was recorded, with `-` in place of `:` (`2024-05-01T12-30-00Z.md`).",
        "A document keeps a version until the date of the next file in its folder.",
        "",
        "## Contents",
        "",
        "| service | documents | versions |",
        "| --- | --- | --- |",
    ]
    for name in sorted(services, key=str.casefold):
        entry = services[name]
        docs = ", ".join(f"{t} ({n})" for t, n in sorted(entry["documents"].items()))
        lines.append(f"| {name.replace('|', '-')} | {docs.replace('|', '-')} | {entry['versions']} |")
    lines += ["", "See LICENSE for the terms under which this dataset is shared.", ""]
    return "\n".join(lines)


def export_jsonl(index: Index, out: TextIO, *, service: str | None = None) -> int:
    """One line per clause change of every version after the first; return the number of lines."""
    names = index.service_names()
    count = 0
    for doc, row in _versions(index, service):
        if row.seq <= 1:
            continue
        for n, change in enumerate(index.changes_for(row.commit_sha)):
            record = {
                "service": row.service_id,
                "service_name": names.get(row.service_id, row.service_id),
                "document_type": row.document_type,
                "date": row.fetched_at,
                "commit": row.commit_sha,
                "version": row.seq,
                "version_kind": row.kind,
                "revert_of": row.revert_of or None,
                "version_material": row.material,
                "version_severity": row.severity or None,
                "version_categories": list(row.categories),
                "version_summary": row.summary,
                "change": n,  # its position in the version (the index's ``n``)
                "kind": change.kind,
                "clause": change.clause_id,
                "heading": change.heading or None,
                "before": change.before,
                "after": change.after,
                "material": change.material,
                "severity": change.severity,
                "categories": list(change.categories),
                "explanation": change.explanation,
                "cosmetic": change.cosmetic or None,
                "url": row.source_url or doc.get("url") or None,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count

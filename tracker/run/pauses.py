"""Pauses a server asked for: a 429 or 503 with ``Retry-After`` keeps its address out of later runs.

A run that meets ``429 Too Many Requests`` or ``503 Service Unavailable`` with a ``Retry-After``
(and still fails after its own retries) writes the address and the time it may be asked again to
``pauses.json`` in the store; the next runs skip that address until then, each with one line
("paused: ... asked not to be fetched again before ...; skipped until then"), and fetch it as
usual afterwards. A skipped address keeps its latest version; a pause never erases one.

The file is small state, not history: losing it costs at most one request too early, so it is
rewritten whole (through a temporary file and a rename) and an unreadable one is ignored.
"""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Mapping

from tracker.fetch.base import Fetched

FILE = "pauses.json"
MAX_PAUSE = timedelta(days=7)  # a Retry-After of a month is a misconfigured server, not a request to heed


def load(root: Path) -> dict[str, datetime]:
    """The pauses under store ``root``: address -> the time (UTC) it may be fetched again; {} when
    there are none or the file cannot be read (a lost pause costs one early request, no more)."""
    try:
        raw = json.loads((Path(root) / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, datetime] = {}
    if isinstance(raw, dict):
        for url, when in raw.items():
            try:
                found[str(url)] = datetime.fromisoformat(str(when)).astimezone(timezone.utc)
            except ValueError:
                continue
    return found


def save(root: Path, pauses: Mapping[str, datetime], now: datetime) -> None:
    """Write the pauses still running at ``now`` (the others are dropped); no file when none is.
    Raises nothing: the run's versions matter more than a pause (an unwritable store fails later
    with its own message)."""
    path = Path(root) / FILE
    live = {url: when.astimezone(timezone.utc).isoformat(timespec="seconds")
            for url, when in sorted(pauses.items()) if when > now}
    try:
        if not live:
            path.unlink(missing_ok=True)
            return
        aside = path.with_suffix(".json.tmp")
        aside.write_text(json.dumps(live, indent=1) + "\n", encoding="utf-8")
        os.replace(aside, path)
    except OSError:
        return


def addresses(fetched: Fetched) -> list[str]:
    """The addresses a document is fetched from (each part of a combined one)."""
    return [page.url for page in fetched.parts] if fetched.parts else [fetched.url]


def asked(fetched: Fetched) -> dict[str, datetime]:
    """The pauses a fetch asked for: address -> until when, for each page (or part) that failed
    with a 429 or 503 carrying a Retry-After (``Fetched.retry_after``), capped at ``MAX_PAUSE``.
    Counted from the last answer (the fetch's start plus its duration), not the first attempt:
    a pause named after retries must not be over already."""
    found = {}
    for page in fetched.parts or (fetched,):
        if page.retry_after is not None and page.error is not None:
            answered = page.fetched_at + timedelta(seconds=page.duration)
            found[page.url] = answered + min(timedelta(seconds=page.retry_after), MAX_PAUSE)
    return found


def beyond_run(fetched: Fetched, budget: float) -> bool:
    """Did every page of ``fetched`` that failed ask (Retry-After) for a longer pause than the
    ``budget`` seconds a run waits? Then it was not waited out, and the run skips the document."""
    failed = [page for page in fetched.parts or (fetched,) if page.error is not None]
    return bool(failed) and all(page.retry_after is not None and page.retry_after > budget for page in failed)


def skip_now_reason(fetched: Fetched, until: datetime) -> str:
    """The line of a document skipped in this run because its server asked for a pause longer than
    a run waits: what the server said, and from when a run fetches it again (a time to come)."""
    return (f"{fetched.error}; skipped in this run, the latest version kept; the first run from "
            f"{when(until)} on fetches it again (its Retry-After)")


def when(moment: datetime) -> str:
    """"2026-12-03 04:10 UTC": a pause's end as a line of the run says it, rounded up to the minute
    (never a minute at which the pause still runs)."""
    moment = moment.astimezone(timezone.utc)
    spare = moment.second + moment.microsecond / 1e6
    if spare:
        moment += timedelta(seconds=math.ceil(60 - spare))
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def skip_reason(url: str, until: datetime) -> str:
    """The line a run gives a document it skips because its address is paused until ``until``."""
    return (f"paused: the server answered 429/503 with a Retry-After asking not to fetch {url} again before "
            f"{when(until)}; skipped until then, the latest version kept")


def pause_note(until: datetime) -> str:
    """What a failed fetch's message gains when its Retry-After pauses the address."""
    return f"; the next runs skip this address until {when(until)} (its Retry-After)"

"""Scheduling helpers of ``tracker run``: ``--every`` intervals and ``--shard I/N``."""

from __future__ import annotations

import hashlib
import re
from typing import Sequence

from tracker.errors import ConfigError
from tracker.sources.config import Document

_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "30m", "6h", "1d" (or "90s"); ConfigError with the expected form otherwise."""
    match = _INTERVAL_RE.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"bad interval '{text}': write a positive number and a unit s, m, h or d, e.g. 30m, 6h, 1d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def parse_shard(text: str) -> tuple[int, int]:
    """"I/N" -> (I, N) with 1 <= I <= N: the I-th of N shards."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise ConfigError(f"bad shard '{text}': write I/N, e.g. 1/4 for the first of 4 shards")
    i, n = int(match.group(1)), int(match.group(2))
    if n < 1 or not 1 <= i <= n:
        raise ConfigError(f"bad shard '{text}': I must be from 1 to N (and N at least 1), e.g. 1/{max(n, 2)}")
    return i, n


def shard_of(key: str, total: int) -> int:
    """1-based shard of a document key: stable across runs, machines and list order."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def select_shard(documents: Sequence[Document], index: int, total: int) -> list[Document]:
    """The documents of shard ``index`` of ``total``; the shards partition the list."""
    return [d for d in documents if shard_of(d.key, total) == index]

"""Fixtures shared by the test modules; the classes behind them are in ``support.py``."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from support import REQUIRE_SHARED, AioServer, Archive, Handler, Pages, TrackerCLI, make_archive, shared_path, shared_root

# A skip that names the shared data ("../shared", "shared data", TRACKER_SHARED), from any test,
# with or without the fixture below.
SHARED_SKIP = re.compile(r"\.\./shared|shared data|TRACKER_SHARED", re.IGNORECASE)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under TRACKER_REQUIRE_SHARED=1 (CI), while the shared folder exists, a skip for want of
    shared data is a failure: the data is there, so the test must run."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and os.environ.get(REQUIRE_SHARED) == "1" and shared_root().is_dir()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if SHARED_SKIP.search(reason) or str(shared_root()) in reason:
        report.outcome = "failed"
        report.longrepr = f"skipped for want of shared data although {shared_root()} exists: {reason}"


@pytest.fixture(scope="session")
def shared_data() -> Callable[[str], Path]:
    """``shared_data("ota/declarations")`` -> ``<project root>/../shared/data/ota/declarations``
    (or under ``$TRACKER_SHARED``); skips the test, saying which path is missing, when absent
    (fails instead under ``TRACKER_REQUIRE_SHARED=1`` when the shared folder itself exists)."""
    return shared_path


@pytest.fixture
def serve() -> Iterator[Callable[..., AioServer]]:
    """``serve(handler=None)`` -> a started AioServer on 127.0.0.1, stopped after the test."""
    servers: list[AioServer] = []

    def start(handler: Handler | None = None) -> AioServer:
        server = AioServer(handler).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def tracker_cli(tmp_path: Path) -> Callable[..., TrackerCLI]:
    """``tracker_cli(sources=None, store=None, **options)`` -> the real CLI on that store
    (default ``tmp_path/store``) and sources file (default ``tmp_path/sources.toml``)."""

    def make(sources: Path | None = None, store: Path | None = None, **options: Any) -> TrackerCLI:
        return TrackerCLI(store or tmp_path / "store", sources or tmp_path / "sources.toml", **options)

    return make


@pytest.fixture
def archive(tmp_path: Path, httpserver: Any) -> tuple[Archive, Pages]:
    """The publishing archive (Lumen Maps, Orbit Notes) served by pytest-httpserver, not run yet."""
    return make_archive(tmp_path, httpserver)

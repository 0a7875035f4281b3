"""``benchmarks/bench_changed.py`` (session 23): a copied store is timed as a store run in place is.

A copy of an archive's work tree has new inodes and change times; until its index is refreshed, git
takes every file for one that may have changed, and the first run that checks new versions out
hashes the whole archive (a cost a run in place never pays). ``_fresh`` refreshes the copy's index.
Real git repositories in temporary folders; the files are invented.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _bench_changed() -> ModuleType:
    """``benchmarks/bench_changed.py`` as a module (it imports ``bench_run`` from its own folder)."""
    sys.path.insert(0, str(_BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_changed_s23", _BENCHMARKS / "bench_changed.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(_BENCHMARKS))


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _store_with_archive(root: Path) -> Path:
    """A store folder whose ``archive`` is a git repository with a few committed files."""
    archive = root / "store" / "archive"
    archive.mkdir(parents=True)
    _git(archive, "init", "-q")
    for i in range(5):
        (archive / f"doc{i}.md").write_text(f"# Quillmark terms {i}\n\nFees are due within {i + 10} days.\n",
                                            encoding="utf-8")
    _git(archive, "add", ".")
    _git(archive, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "one")
    return root / "store"


def _stat_dirty(archive: Path) -> list[str]:
    """Files git would have to read again to know they are unchanged (``diff-files`` compares the
    index's stat data with the work tree's, without reading the files)."""
    return _git(archive, "diff-files", "--name-only").split()


def test_a_plain_copy_looks_changed_to_git(tmp_path: Path) -> None:
    import shutil

    store = _store_with_archive(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(store, copy, symlinks=True)
    # (the pitfall the benchmark guards against: new inodes, so every file's stat data differs)
    assert len(_stat_dirty(copy / "archive")) == 5


def test_fresh_copy_is_refreshed(tmp_path: Path) -> None:
    bench_changed = _bench_changed()
    store = _store_with_archive(tmp_path)
    copy = tmp_path / "copy"
    (copy / "archive").mkdir(parents=True)
    (copy / "archive" / "stale.txt").write_text("left from an earlier copy", encoding="utf-8")
    bench_changed._fresh(store, copy)
    assert _stat_dirty(copy / "archive") == []
    assert not (copy / "archive" / "stale.txt").exists()  # the copy replaces what was there
    assert (copy / "archive" / "doc3.md").read_text(encoding="utf-8").startswith("# Quillmark terms 3")
    assert _git(copy / "archive", "status", "--porcelain") == ""


def test_bench_changed_refuses_a_folder_without_the_scenario(tmp_path: Path) -> None:
    script = _BENCHMARKS / "bench_changed.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path), str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "holds no nonce scenario" in done.stderr


@pytest.mark.parametrize("spec, tree, extra", [
    ("/some/tree", "/some/tree", {}),
    ("/some/tree:TRACKER_WORKERS=1", "/some/tree", {"TRACKER_WORKERS": "1"}),
    ("/t:A=1:B=x=y", "/t", {"A": "1", "B": "x=y"}),
])
def test_tree_specs(spec: str, tree: str, extra: dict[str, str]) -> None:
    parsed = _bench_changed().parse_spec(spec)
    assert parsed == (Path(tree).resolve(), extra)

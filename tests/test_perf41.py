"""``benchmarks/bench_run.py`` (perf41): the nonce scenario's side by side shows its samples and
compares the two trees round by round, so that a gap between two medians of 3 can be told from
noise (session 36's "10% run 1.08x its start's CPU" did not reproduce). Samples are invented.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _bench_run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run_perf41", _BENCHMARKS / "bench_run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclass looks its module up there)
    spec.loader.exec_module(module)
    return module


bench_run = _bench_run()


def _sample(wall: float, cpu: float) -> object:
    return bench_run.Sample(wall, cpu, 80.0, 0, "checked 3 documents in 1.0 s: 0 new, 1 changed, 2 unchanged, 0 failed")


def test_paired_compares_round_by_round() -> None:
    new = [_sample(2.0, 3.0), _sample(2.2, 2.7), _sample(1.8, 3.3)]
    old = [_sample(2.5, 3.0), _sample(2.0, 3.0), _sample(2.0, 3.0)]
    rounds = bench_run.paired(new, old)
    fewer, n, lo, hi = rounds["wall"]
    assert (fewer, n) == (2, 3)
    assert lo == pytest.approx(0.8) and hi == pytest.approx(1.1)
    fewer, n, lo, hi = rounds["cpu"]
    assert (fewer, n) == (1, 3)  # an equal round is not "less"
    assert lo == pytest.approx(0.9) and hi == pytest.approx(1.1)


def test_paired_refuses_nothing_to_compare() -> None:
    with pytest.raises(ValueError, match="no round"):
        bench_run.paired([], [])
    with pytest.raises(ValueError, match="no cpu time"):
        bench_run.paired([_sample(1.0, 1.0)], [_sample(1.0, 0.0)])


def test_report_prints_the_samples_and_the_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    names = ["first", "no-change", "10%-changed"]
    samples = {"reference": [_sample(0.5, 0.4), _sample(0.6, 0.4)]}
    for name in names:
        samples[name] = [_sample(2.0, 2.0), _sample(3.0, 2.4)]
        samples[f"{name} (baseline)"] = [_sample(2.5, 2.2), _sample(2.0, 2.2)]
    data = {"n": 3, "tags": ["", " (baseline)"], "samples": samples,
            "results": {name: bench_run.median(s) for name, s in samples.items()},
            "archive_mb": {"": 1.0, " (baseline)": 1.0}}
    bench_run.report_nonce(data)
    out = capsys.readouterr().out
    assert "wall 2.00 3.00; cpu 2.00 2.40" in out  # each sample, not only the median
    assert "10%-changed  1.11x wall, 1.00x cpu; round by round: wall 0.80-1.50x, less in 1 of 2, " \
           "cpu 0.91-1.09x, less in 1 of 2" in out


def test_report_without_samples_prints_the_medians_only(capsys: pytest.CaptureFixture[str]) -> None:
    # (data from before the samples were kept: the report still reads)
    results = {name: _sample(2.0, 2.0) for name in ("reference", "first", "no-change", "10%-changed")}
    bench_run.report_nonce({"n": 3, "tags": [""], "results": results, "archive_mb": {"": 1.0}})
    out = capsys.readouterr().out
    assert "10% changed / no-change: 1.00x wall" in out
    assert "round by round" not in out and "; cpu " not in out

"""benchmarks/replay_labelled.py's pure parts: which label globs it refuses (the blind batches are
measured once, by the lead) and which stretches of a history it replays."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from replay_labelled import blind_glob, segments  # noqa: E402


@pytest.mark.parametrize("pattern", ["material_labels_*.jsonl", "material_labels_[p-q].jsonl",
                                     "material_labels_z*.jsonl", "*_zz.jsonl", "*_zzz.jsonl", "*_zzzz.jsonl", "*_zzzzz.jsonl", "*_zzzzzz.jsonl", "*_zzzzzzz.jsonl", "*_zzzzzzzz.jsonl", "*_zzzzzzzzz.jsonl", "*_zzzzzzzzzz.jsonl", "*_zzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzzzzzz.jsonl", "*_zzzzzzzzzzzzzzzzz.jsonl", "sample_*.jsonl",
                                     "second_labels_[a-z].jsonl", "*.jsonl"])
def test_a_glob_reaching_a_blind_batch_or_a_non_dev_file_is_refused(pattern):
    assert blind_glob(pattern)


@pytest.mark.parametrize("pattern", ["material_labels_[a-o].jsonl", "material_labels_[r-y].jsonl",
                                     "material_labels_c.jsonl"])
def test_the_dev_label_files_are_accepted(pattern):
    assert not blind_glob(pattern)


def test_a_short_history_is_replayed_whole():
    assert segments([7], 12, before=4, whole=30) == [(0, 11)]


def test_a_long_history_is_cut_around_each_pair_and_overlaps_are_merged():
    # pairs at 10, 13 (their windows overlap: one segment) and 40; the first starts 4 before the parent
    assert segments([40, 13, 10], 100, before=4, whole=30) == [(5, 13), (35, 40)]
    assert segments([1], 100, before=4, whole=30) == [(0, 1)]

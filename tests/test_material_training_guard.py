"""scripts/train_materiality.py refuses any label glob that reaches a blind batch (p, q, z; x and y became dev data in session 14),
whether or not its files exist yet, before it reads a single pair."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("option", ["--labels", "--test-labels"])
@pytest.mark.parametrize("glob", ["material_labels_[p].jsonl", "material_labels_[y-z].jsonl", "material_labels_z.jsonl",
                                  "material_labels_[a-z].jsonl", "material_labels*.jsonl", "*", "second_labels_q.jsonl"])
def test_a_glob_reaching_a_blind_batch_is_refused(option, glob):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_materiality.py"), option, glob, "--seeds", ""],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "refusing a glob that matches the blind batches" in done.stderr
    assert "Traceback" not in done.stderr


DEV_Z = [f"material_labels_{'z' * n}.jsonl" for n in (3, *range(5, 17))]


@pytest.mark.parametrize("glob", ["material_labels_zzzz.jsonl", "material_labels_zzzzzzzzzzzzzzzzz.jsonl",
                                  "material_labels_zzzzzzzzzzzzzzzzzzzz.jsonl", "material_labels_zz*.jsonl",
                                  "material_labels_[a-o].jsonl,material_labels_zz.jsonl"])
def test_a_blind_z_batch_in_a_list_of_globs_is_refused(glob):
    # 4z and 16z are blind, 20z not labelled yet: only the dev z-batches, by exact name, pass
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_materiality.py"), "--labels", glob, "--seeds", ""],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "refusing a glob that matches the blind batches" in done.stderr


def test_the_dev_batches_by_exact_name_pass_and_are_named_by_batch():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_materiality as tm

    globs = ",".join(["material_labels_[a-o].jsonl", "material_labels_[r-y].jsonl", *DEV_Z])
    assert not tm.reaches_blind(globs)
    assert tm.reaches_blind(globs + ",material_labels_zzzz.jsonl")
    assert [tm.batch_of(g) for g in DEV_Z] == ["3z", *(f"{n}z" for n in range(5, 17))]
    assert tm.batch_of("material_labels_k.jsonl") == "k"
    assert tm.batch_set("abc,12z") == {"a", "b", "c", "12z"}
    assert tm._spans(sorted(["a", "b", "c", "r", "3z", "5z", "6z", "7z", "12z"], key=tm._order)) == "a-c + r + 3z + 5z-7z + 12z"


def test_the_objectives_weigh_precision_as_asked():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_materiality as tm

    # 90 tp / 10 fp / 10 fn against 80 / 2 / 20: F1 prefers the first, F0.5 the second
    assert tm.score(90, 10, 10, "f1") > tm.score(80, 2, 20, "f1")
    assert tm.score(90, 10, 10, "f0.5") < tm.score(80, 2, 20, "f0.5")
    # p@r90: precision once recall reaches 0.90, and any such point beats one below it
    assert tm.score(90, 10, 10, "p@r90") == pytest.approx(0.9)
    assert tm.score(90, 30, 10, "p@r90") > tm.score(89, 0, 11, "p@r90")
    with pytest.raises(ValueError):
        tm.score(1, 1, 1, "f2")

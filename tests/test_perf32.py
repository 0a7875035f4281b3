"""``analyse`` runs with the cyclic garbage collector paused (``analyse.collector_paused``).

An analysis allocates hundreds of thousands of tuples and lists that outlive it or die by
reference counting; the collections they set off freed nothing and cost about a tenth of the CPU
of a long pair (issue 16). The pause must never leak: the collector is on again after every
analysis that turned it off (also one that raised), and left off for a caller that had it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tracker.analysis.analyse import analyse, collector_paused

OLD = ("# Quillby Terms of Service\n\n## 1. Credits\n\nPrepaid Quillby credits expire 12 months after "
       "purchase.\n\n## 2. Disputes\n\nDisputes are settled by the courts of Ruritania.\n")
NEW = OLD.replace("12 months", "6 months").replace("the courts of Ruritania", "binding arbitration in Ruritania")


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_during_the_call_and_on_after_it() -> None:
    seen: list[bool] = []

    @collector_paused
    def watched(x: int) -> int:
        seen.append(gc.isenabled())
        return x * 2

    gc.enable()
    assert watched(21) == 42
    assert seen == [False]
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    analysis = analyse(OLD, NEW)
    assert analysis.changes
    assert not gc.isenabled()


def test_a_nested_call_leaves_the_outer_pause_to_its_caller() -> None:
    inner_after: list[bool] = []

    @collector_paused
    def inner() -> None:
        pass

    @collector_paused
    def outer() -> None:
        inner()
        inner_after.append(gc.isenabled())  # still paused: the inner call did not resume it

    gc.enable()
    outer()
    assert inner_after == [False]
    assert gc.isenabled()


def test_an_analysis_that_raises_turns_the_collector_back_on() -> None:
    gc.enable()
    with pytest.raises((TypeError, AttributeError)):
        analyse(OLD, 17)  # type: ignore[arg-type]
    assert gc.isenabled()


def test_the_analysis_is_the_same_with_the_collector_on_or_off() -> None:
    gc.enable()
    paused = analyse(OLD, NEW)
    assert gc.isenabled()
    gc.disable()
    already_off = analyse(OLD, NEW)
    assert paused == already_off
    assert paused.material
    assert any("6 months" in (c.after or "") for c in paused.changes)


def test_the_wrapper_keeps_the_name_and_the_docstring() -> None:
    assert analyse.__name__ == "analyse"
    assert analyse.__doc__ and "clause by clause" in analyse.__doc__

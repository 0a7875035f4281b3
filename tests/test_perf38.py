"""perf38 (issue 14): a changed page's second fetch goes before the run's queued first fetches, so
its settling and its git write happen while the run goes on fetching, not all after its last page."""

from __future__ import annotations

import asyncio

from aiohttp import web

from support import AioServer
from tracker.archive.store import Store
from tracker.fetch import FetchOptions, fetch_all
from tracker.fetch.base import URGENT, Slots
from tracker.fetch.http import Again
from tracker.run.loop import run_snapshot
from tracker.sources.config import Document

ONE_AT_A_TIME = FetchOptions(concurrency=1, per_host=1, host_delay=0.0, robots=False, backoff=0.05)


def terms(clause: str) -> str:
    return (f"<html><body><nav>Menu</nav><main><h1>Quillby Cloud terms</h1><p>{clause}</p>"
            "<p>Quillby Cloud may suspend accounts that break these terms.</p></main></body></html>")


def slow_site(pages: dict[str, str]) -> "web.RequestHandler":  # type: ignore[name-defined]
    async def answer(request: web.Request) -> web.Response:
        await asyncio.sleep(0.01)  # the other requests queue meanwhile
        if request.path not in pages:
            return web.Response(status=404)
        return web.Response(text=pages[request.path], content_type="text/html")
    return answer


def test_a_page_asked_again_is_fetched_before_the_queued_first_fetches(serve):
    pages = {f"/doc{i}": terms(f"Clause {i}.") for i in range(6)}
    server: AioServer = serve(slow_site(pages))
    documents = [Document("quillby", "Quillby", f"Doc {i}", server.url(f"/doc{i}")) for i in range(6)]
    again = Again()

    async def collect() -> list[str]:
        got = []
        async for fetched in fetch_all(documents, ONE_AT_A_TIME, None, again):
            got.append(fetched.document.url)
            if len(got) == 1:
                again.ask(fetched.document)
        return got

    got = asyncio.run(collect())
    first = got[0]
    assert len(got) == 7 and got.count(first) == 2
    # one request at a time: the one in flight when it was asked for (the next first fetch), then it,
    # and only then the four first fetches still queued (it came last before)
    assert got.index(first, 1) == 2
    assert server.paths("/doc").index(first.split(str(server.port))[1], 1) == 2


def test_a_changed_page_is_fetched_again_before_the_pages_queued_behind_it(serve, tmp_path):
    pages = {f"/doc{i}": terms(f"Refunds are given within {10 + i} days.") for i in range(8)}
    server: AioServer = serve(slow_site(pages))
    store = Store(tmp_path / "store")
    documents = [Document("quillby", "Quillby", f"Doc {i}", server.url(f"/doc{i}"), select=("main",))
                 for i in range(8)]
    assert [o.outcome for o in run_snapshot(store, documents, ONE_AT_A_TIME).outcomes] == ["new"] * 8
    pages["/doc1"] = terms("Refunds are given within 5 days.")
    server.hits.clear()
    result = run_snapshot(store, documents, ONE_AT_A_TIME)
    assert sorted(o.outcome for o in result.outcomes) == ["changed"] + ["unchanged"] * 7
    order = server.paths("/doc")
    assert len(order) == 9 and order.count("/doc1") == 2  # fetched twice: the fetches agree
    # asked for again while /doc2 was in flight: fetched right after it, before /doc3 ... /doc7
    assert order.index("/doc1", 2) == 3
    changed = next(o for o in result.outcomes if o.outcome == "changed")
    assert "within 5 days" in store.read(changed.commit, documents[1].path)


def test_slots_let_urgent_waiters_go_first_and_pass_on_a_slot_a_cancelled_waiter_was_given():
    async def scenario() -> list[str]:
        slots = Slots(1)
        order: list[str] = []
        await slots.acquire()  # the one slot taken

        async def take(name: str, urgent: bool) -> None:
            URGENT.set(urgent)  # (this task's own context)
            async with slots:
                order.append(name)
                await asyncio.sleep(0)

        queued = [asyncio.ensure_future(take(f"first {i}", False)) for i in range(2)]
        await asyncio.sleep(0)
        urgent = asyncio.ensure_future(take("again", True))
        await asyncio.sleep(0)
        slots.release()  # handed to the urgent waiter ...
        urgent.cancel()  # ... cancelled before it ran: the slot goes on to the next waiter
        await asyncio.gather(urgent, *queued, return_exceptions=True)
        # every slot given back: a new waiter gets one at once
        await asyncio.wait_for(slots.acquire(), 1.0)
        return order

    assert asyncio.run(scenario()) == ["first 0", "first 1"]


def test_slots_urgent_waiter_goes_before_earlier_ones():
    async def scenario() -> list[str]:
        slots = Slots(1)
        order: list[str] = []
        await slots.acquire()

        async def take(name: str, urgent: bool) -> None:
            URGENT.set(urgent)
            async with slots:
                order.append(name)

        tasks = [asyncio.ensure_future(take(f"first {i}", False)) for i in range(3)]
        await asyncio.sleep(0)
        tasks.append(asyncio.ensure_future(take("again", True)))
        await asyncio.sleep(0)
        slots.release()
        await asyncio.gather(*tasks)
        return order

    assert asyncio.run(scenario()) == ["again", "first 0", "first 1", "first 2"]

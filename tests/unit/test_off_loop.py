"""API handlers run off the event loop (api/off_loop.py): their work in a worker thread,
their throttle pauses on the loop, holding no thread."""

from __future__ import annotations

import asyncio
import threading

import pytest

from api import off_loop
from tests.aio import run_apart


async def _where() -> int:
    return threading.get_ident()


def test_the_work_runs_in_a_worker_thread() -> None:
    async def main() -> tuple[int, int]:
        return threading.get_ident(), await off_loop.run(_where())

    loop_thread, work_thread = run_apart(main())
    assert work_thread != loop_thread


def test_a_pause_waits_on_the_loop_and_holds_no_thread() -> None:
    seen: dict[str, object] = {}

    async def handler() -> str:
        before = threading.get_ident()
        await off_loop.pause(0.2)
        return f"{before}->{threading.get_ident()}"

    async def main() -> str:
        task = asyncio.create_task(off_loop.run(handler()))
        await asyncio.sleep(0.1)  # the handler is pausing now
        seen["busy"] = off_loop.busy
        seen["done"] = task.done()
        return await task

    result = run_apart(main())
    assert seen == {"busy": 0, "done": False}
    assert "->" in result


def test_many_pausing_handlers_do_not_starve_the_others() -> None:
    """More handlers pausing than there are threads: a quick one still gets a thread."""

    async def slow() -> None:
        await off_loop.pause(0.5)

    async def main() -> bool:
        waiting = [asyncio.create_task(off_loop.run(slow()))
                   for _ in range(off_loop.THREADS * 2)]
        await asyncio.sleep(0.05)
        quick = await asyncio.wait_for(off_loop.run(_where()), timeout=0.4)
        await asyncio.gather(*waiting)
        return bool(quick)

    assert run_apart(main())


def test_a_real_await_inside_a_handler_fails_loudly() -> None:
    async def needs_loop() -> None:
        await asyncio.sleep(0.01)  # a timer needs the event loop: not there off it

    async def yields() -> None:
        await asyncio.sleep(0)  # a bare yield to the loop: not a pause

    with pytest.raises(RuntimeError):
        run_apart(off_loop.run(needs_loop()))
    with pytest.raises(RuntimeError, match="off_loop.pause"):
        run_apart(off_loop.run(yields()))


def test_errors_reach_the_caller() -> None:
    async def handler() -> None:
        raise KeyError("missing")

    with pytest.raises(KeyError):
        run_apart(off_loop.run(handler()))


def test_a_pause_on_the_loop_itself_is_a_plain_sleep() -> None:
    """Code already on the event loop (a Reflex event handler) pauses with asyncio."""

    async def main() -> float:
        start = asyncio.get_running_loop().time()
        await off_loop.pause(0.05)
        return asyncio.get_running_loop().time() - start

    assert run_apart(main()) >= 0.05

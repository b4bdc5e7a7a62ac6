"""Running API handlers off the server's event loop.

The handlers are `async` (Starlette calls them so) but their work is synchronous: database
queries, signatures, drawing. Run on the event loop, one slow request (a card image takes
~100 ms to draw) stalls every other request of that worker meanwhile. So `endpoint`
(api/http/base.py) reads the request body on the loop, then drives the handler coroutine in
a worker thread.

The only thing a handler may wait for is a throttle pause (api/auth/throttle.sleep_off):
`pause(seconds)` hands the wait back to the event loop, so a throttled attacker holds no
thread while waiting, and the handler resumes in a thread afterwards. Any other real await
inside a handler would need the event loop; it fails loudly (a bug, found by the tests).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Coroutine, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# Threads doing API work at once per worker process. The database pool (api/db.py: 10 + 20
# overflow) bounds the useful number; more would only queue inside the pool.
THREADS = 24
# A plain executor rather than anyio's to_thread: the hop there and back is what every API
# request pays, and anyio's (capacity limiter, cancel scope, its own worker queue) cost
# three times as much CPU (~65 against ~20 µs a request, measured with 8 at once).
_executor: ThreadPoolExecutor | None = None
busy = 0  # handler steps queued or running in the threads now (read by the tests)
# Set in a worker thread while it drives a handler: `pause` then hands its wait to the loop.
_driving = threading.local()


class Pause:
    """An awaitable that asks the event loop to wait `seconds` before resuming."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self) -> Generator[Pause, None, None]:
        yield self


async def pause(seconds: float) -> None:
    """Wait `seconds` on the event loop, holding no thread: from a handler driven by `run`,
    by handing the wait back to the loop; from code already on the loop (a Reflex event
    handler), as a plain asyncio sleep."""
    if seconds <= 0:
        return
    if getattr(_driving, "active", False):
        await Pause(seconds)
    else:
        await asyncio.sleep(seconds)


def _advance(coro: Coroutine[Any, Any, T]) -> tuple[bool, Any]:
    """Run `coro` in this thread until it finishes (True, result) or pauses (False, Pause)."""
    _driving.active = True
    try:
        yielded = coro.send(None)
    except StopIteration as done:
        return True, done.value
    finally:
        _driving.active = False
    if not isinstance(yielded, Pause):
        coro.close()
        raise RuntimeError("an API handler awaited something other than off_loop.pause; "
                           "its body must be read before it runs off the event loop")
    return False, yielded


async def run(coro: Coroutine[Any, Any, T]) -> T:
    """The result of `coro`, computed in worker threads, with its pauses on this loop."""
    global _executor, busy
    if _executor is None:  # made on first use: in the worker process, after the fork
        _executor = ThreadPoolExecutor(THREADS, thread_name_prefix="api")
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()  # as the handler would see it on the loop
    while True:
        busy += 1
        try:
            finished, value = await loop.run_in_executor(_executor, context.run, _advance,
                                                         coro)
        finally:
            busy -= 1
        if finished:
            return value
        await asyncio.sleep(value.seconds)

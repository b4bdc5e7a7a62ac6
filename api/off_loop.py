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
import threading
from collections.abc import Coroutine, Generator
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread

T = TypeVar("T")
# Threads doing API work at once per worker process. The database pool (api/db.py: 10 + 20
# overflow) bounds the useful number; more would only queue inside the pool.
THREADS = 24
_limiter: CapacityLimiter | None = None
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
    global _limiter
    if _limiter is None:  # made on first use: a limiter belongs to the running loop's thread
        _limiter = CapacityLimiter(THREADS)
    while True:
        finished, value = await to_thread.run_sync(_advance, coro, limiter=_limiter)
        if finished:
            return value
        await asyncio.sleep(value.seconds)

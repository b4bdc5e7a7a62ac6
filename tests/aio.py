"""Running a coroutine from a test, whatever else runs in the test process."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_apart(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: in a full test run the browser tests' Playwright
    keeps an event loop running in the main thread, where asyncio.run refuses to start."""
    result: dict[str, Any] = {}

    def main() -> None:
        try:
            result["value"] = asyncio.run(coro)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            result["error"] = exc

    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
    if "error" in result:
        raise result["error"]
    return result["value"]

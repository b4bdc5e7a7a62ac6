"""Reflex's page connections across several workers that may die.

Reflex (with Redis) records which worker holds each page's websocket, keyed by the page's
token, and refuses a second live connection with the same token as a duplicated browser tab:
that connection gets a new token, i.e. a fresh, empty page state. A worker killed with
kill -9 (a crash, the kernel's out-of-memory killer) never removes its records, so for the
record's lifetime (an hour) every page it served would reconnect to a surviving worker as a
"duplicate" and lose its state: a login half done would start again from the first step.

So each worker announces that it is alive (a Redis key with a few seconds' lifetime,
renewed while it runs, naming its host and process), and a connection whose token is
recorded for a worker that is no longer alive takes the token over, with its state, which is
safe in Redis. A worker on the same host is checked at once by its process id (a page
reconnects within a second, sooner than any lifetime would run out); one on another host by
its key's lifetime. A token held by a
live worker is still treated as Reflex does (a duplicated tab gets its own state).

`install()` makes Reflex use this token manager; pwa/pwa.py calls it before the app is built.
tests/browser/test_scale_out.py kills every worker serving a login in progress and finishes
the login: it fails if this stops working (a Reflex upgrade changing these internals).
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import socket
from pathlib import Path

from reflex.utils import prerequisites
from reflex.utils.tasks import ensure_task
from reflex.utils.token_manager import RedisTokenManager, SocketRecord, TokenManager

log = logging.getLogger(__name__)
# A worker is taken for dead this long after its last sign of life.
ALIVE_SECONDS = 6
BEAT_SECONDS = 2


HOST = socket.gethostname()


def _alive_key(instance_id: str) -> str:
    return f"wallet_worker_alive_{instance_id}"


def _process_alive(pid: int) -> bool:
    """Whether process `pid` of this host runs (a killed worker not yet reaped by its
    supervisor is a zombie: dead)."""
    stat = Path(f"/proc/{pid}/stat")
    if Path("/proc/self/stat").exists():
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_alive(sign: bytes | None) -> bool:
    """Whether the worker that left `sign` ("host pid", or nothing once expired) lives."""
    if sign is None:
        return False
    host, _, pid = sign.decode(errors="replace").rpartition(" ")
    if host == HOST and pid.isdigit():
        return _process_alive(int(pid))
    return True  # another host: alive until its key expires


class CrashSafeTokenManager(RedisTokenManager):
    """RedisTokenManager that lets a page take back its token from a dead worker."""

    async def _beat(self) -> None:
        """Renew this worker's sign of life until the process ends."""
        while True:
            await self._announce()
            await asyncio.sleep(BEAT_SECONDS)

    async def _announce(self) -> None:
        await self.redis.set(_alive_key(self.instance_id), f"{HOST} {os.getpid()}".encode(),
                             ex=ALIVE_SECONDS)

    async def _owner_is_dead(self, token: str) -> bool:
        raw = await self.redis.get(self._get_redis_key(token))
        if raw is None:
            return False
        try:
            record = pickle.loads(raw)  # written by Reflex itself, in our own Redis
        except Exception:  # noqa: BLE001 - an unreadable record is as good as none
            return True
        if not isinstance(record, SocketRecord) or record.instance_id == self.instance_id:
            return False
        return not _is_alive(await self.redis.get(_alive_key(record.instance_id)))

    async def link_token_to_sid(self, token: str, sid: str) -> str | None:
        """As Reflex does, except that a token whose worker died is taken over."""
        ensure_task(self, "_beat_task", self._beat, suppress_exceptions=[Exception])
        try:
            await self._announce()
            if await self._owner_is_dead(token):
                log.info("page token %s… taken over from a worker that died", token[:8])
                await self.redis.delete(self._get_redis_key(token))
        except Exception:  # noqa: BLE001 - Reflex's own path handles Redis trouble
            log.warning("could not check the worker of a page token", exc_info=True)
        return await super().link_token_to_sid(token, sid)


def _create(cls: type[TokenManager]) -> TokenManager:
    if prerequisites.check_redis_used() and (redis := prerequisites.get_redis()) is not None:
        return CrashSafeTokenManager(redis)
    return _original_create()


_original_create = TokenManager.create


def install() -> None:
    """Make Reflex create CrashSafeTokenManager when it uses Redis."""
    TokenManager.create = classmethod(_create)  # type: ignore[method-assign]

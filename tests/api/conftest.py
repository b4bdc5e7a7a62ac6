"""Fixtures shared by the API tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from tests.pushkit import PushService


@pytest.fixture
def service(use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[PushService]:
    """A push service on loopback, the only one subscriptions may point at."""
    push = PushService()
    monkeypatch.setenv("PUSH_SERVICES", push.origin)
    monkeypatch.setenv("VAPID_SUBJECT", "mailto:push-test@example.vn")
    yield push
    push.close()

"""GET /api/health: what the proxy and the supervisor ask (database, Redis)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from api.http.app import build


def test_healthy_with_the_database(use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    answer = TestClient(build()).get("/api/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "database": "ok", "redis": "off"}
    assert answer.headers["cache-control"] == "no-store"


def test_redis_is_checked_when_used(use_db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    import redis

    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis on 127.0.0.1:6379 ({exc})")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert TestClient(build()).get("/api/health").json()["redis"] == "ok"
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens there
    answer = TestClient(build()).get("/api/health", headers={"accept-language": "en"})
    assert answer.status_code == 503
    assert answer.json()["redis"] == "down" and answer.json()["database"] == "ok"
    assert answer.json()["message"].startswith("The service cannot answer right now")


def test_unhealthy_without_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("DB_URL", "postgresql+psycopg2://postgres@127.0.0.1:1/none")
    answer = TestClient(build(), raise_server_exceptions=False).get("/api/health")
    assert answer.status_code == 503
    assert answer.json()["database"] == "down"

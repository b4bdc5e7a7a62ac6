"""Settings that follow the environment."""

from __future__ import annotations

import pytest

from api.config import allowed_origins, settings


def test_origins_follow_the_port(monkeypatch: pytest.MonkeyPatch) -> None:
    """`PORT=8080 make run` must accept its own websocket and passkeys without more settings."""
    monkeypatch.delenv("ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("WEBAUTHN_ORIGINS", raising=False)
    monkeypatch.setenv("PORT", "8080")
    assert allowed_origins() == ["http://localhost:8080", "http://127.0.0.1:8080"]
    assert settings().webauthn_origins == ("http://localhost:8080", "http://127.0.0.1:8080")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://vi.example, https://app.example")
    assert allowed_origins() == ["https://vi.example", "https://app.example"]

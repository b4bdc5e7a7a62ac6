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


def test_settings_are_parsed_once_and_follow_a_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """settings() is cached (it runs several times a request), yet a changed variable is
    seen at the next call."""
    monkeypatch.setenv("SESSION_DAYS", "30")
    first = settings()
    assert settings() is first
    monkeypatch.setenv("SESSION_DAYS", "7")
    assert settings().session_days == 7
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("SECRET_KEY", "another")
    assert settings().secret_key == "another"


def test_the_cache_key_names_every_variable_read() -> None:
    """A new setting whose variable is left out of VARIABLES would be cached forever."""
    import re
    from pathlib import Path

    from api import config

    source = Path(config.__file__).read_text()
    assert set(re.findall(r'_env\("([A-Z_]+)"', source)) == set(config.VARIABLES)

"""Settings read from the environment, in one place (the README lists them)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; every field comes from an environment variable."""

    db_url: str = field(
        default_factory=lambda: _env("DB_URL", f"sqlite:///{ROOT / 'var' / 'wallet.db'}"))
    # Secret for hashing OTP codes and session tokens at rest (HMAC key).
    secret_key: str = field(default_factory=lambda: _env("SECRET_KEY", "dev-only-change-me"))
    # "outbox" (default: SMS rows in the database, printed by `python -m api.cli outbox`)
    # or "http" (POST to SMS_GATEWAY_URL).
    sms_gateway: str = field(default_factory=lambda: _env("SMS_GATEWAY", "outbox"))
    sms_gateway_url: str = field(default_factory=lambda: _env("SMS_GATEWAY_URL", ""))
    sms_gateway_token: str = field(default_factory=lambda: _env("SMS_GATEWAY_TOKEN", ""))
    # PEM file with the issuer's P-256 private key that signs card QR codes.
    card_key_file: Path = field(
        default_factory=lambda: Path(_env("CARD_KEY_FILE", str(ROOT / "var" / "card-issuer.pem")))
    )
    # Extra public keys still accepted for verification (rotated-out issuers), a JSON file.
    card_trusted_keys_file: str = field(default_factory=lambda: _env("CARD_TRUSTED_KEYS", ""))
    session_days: int = field(default_factory=lambda: int(_env("SESSION_DAYS", "30")))
    # WebAuthn relying party: the registrable domain passkeys are bound to, and the exact
    # origins the browser may report (scheme://host:port). localhost works for development.
    webauthn_rp_id: str = field(default_factory=lambda: _env("WEBAUTHN_RP_ID", "localhost"))
    webauthn_origins: tuple[str, ...] = field(default_factory=lambda: tuple(
        o.strip() for o in _env("WEBAUTHN_ORIGINS", ",".join(allowed_origins())).split(",")
        if o.strip()))
    # Web push (api/push/): the VAPID private key (PEM; made and kept in the database when
    # unset) and the contact push services may use about this server (mailto: or https:;
    # the app's first https origin by default).
    vapid_private_key: str = field(
        default_factory=lambda: _env("VAPID_PRIVATE_KEY", "").replace("\\n", "\n"))
    vapid_subject: str = field(
        default_factory=lambda: _env("VAPID_SUBJECT", _default_vapid_subject()))
    # Push-service origins a subscription may point at (comma-separated, `*` for host
    # labels); empty: the browsers' own (api/push/subscriptions.py).
    push_services: tuple[str, ...] = field(default_factory=lambda: tuple(
        o.strip() for o in _env("PUSH_SERVICES", "").split(",") if o.strip()))
    # Pushes in flight at once, and per push service request, seconds to wait.
    push_concurrency: int = field(default_factory=lambda: int(_env("PUSH_CONCURRENCY", "50")))
    push_timeout: float = field(default_factory=lambda: float(_env("PUSH_TIMEOUT", "10")))
    # Payments (api/payments/): the provider ("simulated", the local one, by default) and
    # the secret its callbacks are signed with (made and kept in the database when unset).
    payment_provider: str = field(
        default_factory=lambda: _env("PAYMENT_PROVIDER", "simulated"))
    payment_secret: str = field(default_factory=lambda: _env("PAYMENT_SECRET", ""))
    # The support e-mail the help page offers (a mailto: link): support@ the app's first
    # https origin by default.
    support_email: str = field(
        default_factory=lambda: _env("SUPPORT_EMAIL", _default_support_email()))


def _default_support_email() -> str:
    """support@ the host of the first https origin the app is served on, else
    support@localhost."""
    for origin in allowed_origins():
        if origin.startswith("https://"):
            host = origin.removeprefix("https://").split("/")[0].split(":")[0]
            if host:
                return f"support@{host}"
    return "support@localhost"


def _default_vapid_subject() -> str:
    """The first https origin the app is served on; push services accept only mailto: and
    https: subjects, so a development set-up on http gets a local mailto:."""
    secure = [origin for origin in allowed_origins() if origin.startswith("https://")]
    return secure[0] if secure else "mailto:webpush@localhost"


def allowed_origins() -> list[str]:
    """The origins the app is served on (CORS, websocket, WebAuthn): ALLOWED_ORIGINS, or
    localhost on the app's PORT, so `PORT=8080 make run` works without more settings."""
    port = _env("PORT", "3000")
    value = _env("ALLOWED_ORIGINS", f"http://localhost:{port},http://127.0.0.1:{port}")
    return [origin.strip() for origin in value.split(",") if origin.strip()]


# Every variable a Settings field reads: the cache below is keyed by their current values.
VARIABLES = ("DB_URL", "SECRET_KEY", "SMS_GATEWAY", "SMS_GATEWAY_URL", "SMS_GATEWAY_TOKEN",
             "CARD_KEY_FILE", "CARD_TRUSTED_KEYS", "SESSION_DAYS", "WEBAUTHN_RP_ID",
             "WEBAUTHN_ORIGINS", "ALLOWED_ORIGINS", "PORT", "VAPID_PRIVATE_KEY",
             "VAPID_SUBJECT", "PUSH_SERVICES", "PUSH_CONCURRENCY", "PUSH_TIMEOUT",
             "SUPPORT_EMAIL", "PAYMENT_PROVIDER", "PAYMENT_SECRET")
_cached: tuple[tuple[object, ...], Settings] | None = None
_KEYS = tuple(map(os.environ.encodekey, VARIABLES)) if hasattr(os.environ, "encodekey") else ()


def _environment_now() -> tuple[object, ...]:
    """The current values of VARIABLES. Read from the environment's own dict where CPython
    keeps one (`os.environ._data`, bytes to bytes, which every change to os.environ
    updates): a dozen `os.environ.get` calls, each encoding its name, cost more than all
    else this function saves."""
    raw = getattr(os.environ, "_data", None)
    if raw is not None and _KEYS:
        return tuple(map(raw.get, _KEYS))
    return tuple(map(os.environ.get, VARIABLES))


def settings() -> Settings:
    """Current settings. Parsed again only when one of their variables changed (tests
    change them with monkeypatch): several calls a request, reading a dozen variables and
    building the dataclass each time, cost more than the rest of a no-change sync pull."""
    global _cached
    key = _environment_now()
    cached = _cached
    if cached is None or cached[0] != key:
        cached = _cached = (key, Settings())
    return cached[1]

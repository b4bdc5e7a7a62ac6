"""SMS gateways. The default writes to the `smsoutbox` table (printed by
`python -m api.cli outbox CODE`); `SMS_GATEWAY=http` posts to an SMS provider's URL."""

from __future__ import annotations

from typing import Protocol

import httpx
from sqlmodel import Session

from api.auth.models import SmsOutbox
from api.clock import utcnow
from api.config import settings


class SmsGatewayError(RuntimeError):
    """The message could not be handed to the gateway."""


class SmsGateway(Protocol):
    """Something that delivers a text message to a phone number."""

    def send(self, session: Session, phone: str, person_code: str, body: str) -> None:
        """Deliver `body` to `phone`."""


class OutboxGateway:
    """Stores messages in the database; for development, demos and tests."""

    def send(self, session: Session, phone: str, person_code: str, body: str) -> None:
        """Append the message to the outbox table."""
        session.add(SmsOutbox(phone=phone, person_code=person_code, body=body,
                              created_at=utcnow()))


class HttpGateway:
    """Posts `{"to", "text"}` as JSON to the configured provider URL (bearer token if set)."""

    def __init__(self, url: str, token: str = "", timeout: float = 10.0) -> None:
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, session: Session, phone: str, person_code: str, body: str) -> None:
        """POST the message; any non-2xx answer or network error raises SmsGatewayError."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = httpx.post(self.url, json={"to": phone, "text": body},
                                  headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise SmsGatewayError(str(exc)) from exc
        if response.status_code // 100 != 2:
            raise SmsGatewayError(f"gateway answered {response.status_code}")


def gateway() -> SmsGateway:
    """The gateway chosen by SMS_GATEWAY."""
    cfg = settings()
    if cfg.sms_gateway == "http":
        if not cfg.sms_gateway_url:
            raise SmsGatewayError("SMS_GATEWAY=http needs SMS_GATEWAY_URL")
        return HttpGateway(cfg.sms_gateway_url, cfg.sms_gateway_token)
    return OutboxGateway()

"""Schemathesis hooks (SCHEMATHESIS_HOOKS=tests.api.schemathesis_hooks): the citizen's GET
operations are fuzzed as a logged-in phone would call them, with the session cookie and a
fresh single-use request proof for the exact URL sent. FUZZ_BASE_URL and FUZZ_DB_URL say
which running app, and its database (for the SMS code of the login)."""

from __future__ import annotations

import functools
import os

import httpx
import requests
import schemathesis

from api.db import engine_for
from tests.conftest import reset_logins, sms_code
from tests.devicekit import Device

AN = "0123456789"


@functools.cache
def _phone() -> tuple[Device, str]:
    base, db_url = os.environ["FUZZ_BASE_URL"], os.environ["FUZZ_DB_URL"]
    reset_logins(engine_for(db_url))
    device = Device("schemathesis")
    with httpx.Client(base_url=base) as http:
        http.post("/api/auth/otp", json={"code": AN, "device_key": device.jwk,
                                         "confirm_move": True}).raise_for_status()
        http.post("/api/auth/verify", json={
            "code": AN, "otp": sms_code(engine_for(db_url), AN),
            "device_key": device.jwk}).raise_for_status()
        return device, http.cookies["wallet_session"]


@schemathesis.hook
def before_call(context, case, kwargs) -> None:
    """Sign citizen GETs (POST bodies are serialized later, so those stay unproven: they
    exercise the refusals)."""
    if "x-roles" not in case.operation.definition.raw or \
            case.operation.definition.raw["x-roles"] != ["citizen"] or case.method != "GET":
        return
    device, cookie = _phone()
    sent = case.as_transport_kwargs(base_url=os.environ["FUZZ_BASE_URL"])
    url = requests.Request("GET", sent["url"], params=sent.get("params")).prepare().path_url
    case.headers = {**(case.headers or {}), "Device-Proof": device.proof("GET", url)}
    case.cookies = {**(case.cookies or {}), "wallet_session": cookie}

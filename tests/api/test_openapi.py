"""The published OpenAPI document: current in the repository, complete, and every route's
roles hold. The authorisation table has a row per role for every route: anonymous, a copied
cookie, a citizen and a clinic staff login (real logins, device-proven requests). "officer"
has no accounts nor routes yet: its row comes with them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from starlette.routing import Route
from starlette.testclient import TestClient

from api.http import openapi
from api.http.app import build
from tests.devicekit import Device, sms_login

ROLES_KNOWN = (["anyone"], ["citizen"], ["clinic"], ["officer"], ["citizen", "clinic"],
               ["citizen", "clinic", "officer"])


def test_the_repository_copy_is_current() -> None:
    assert json.loads(openapi.FILE.read_text()) == openapi.document(), \
        "run: .venv/bin/python -m api.http.openapi"


def _api_routes() -> list[tuple[str, str]]:
    return [(route.path, method) for route in build().routes if isinstance(route, Route)
            and route.path.startswith("/api/") and "{rest:path}" not in route.path
            for method in sorted(route.methods or ()) if method != "HEAD"]


def test_every_route_is_documented_with_its_roles() -> None:
    paths = openapi.document()["paths"]
    for path, method in _api_routes():
        operation = paths.get(path, {}).get(method.lower())
        assert operation is not None, f"{method} {path} is not in the OpenAPI document"
        assert operation["x-roles"] in ROLES_KNOWN, (method, path)


ROLES = {  # role -> how its client is made; a row per role for every route
    "anonymous": lambda client: client,
    "citizen with a copied cookie, no device": lambda client: (
        client.cookies.set("wallet_session", "A" * 43), client)[1],
}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_proven_routes_refuse_anyone_not_logged_in(use_db: Engine, role: str) -> None:
    client = ROLES[role](TestClient(build(), raise_server_exceptions=False))
    paths = openapi.document()["paths"]
    for path, method in _api_routes():
        if paths[path][method.lower()]["x-roles"] == ["anyone"]:
            continue
        answer = client.request(method, path, json={} if method == "POST" else None)
        assert answer.status_code == 401, (role, method, path, answer.status_code)


LOGINS = {  # role -> how it logs in: a citizen, clinic staff and an officer (other people)
    "citizen": {"code": "0123456789"},
    "clinic": {"staff_code": "79H01-01"},
    "officer": {"staff_code": "CB-01"},
}
OWN = {"citizen": "/api/me", "clinic": "/api/clinic/me",
       "officer": "/api/officer/announcements"}


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_each_role_is_refused_every_route_of_other_roles(use_db: Engine, role: str) -> None:
    client, device = TestClient(build(), raise_server_exceptions=False), Device()
    sms_login(client, use_db, device, **LOGINS[role])
    paths = openapi.document()["paths"]
    refused = 0
    for path, method in _api_routes():
        roles = paths[path][method.lower()]["x-roles"]
        if roles == ["anyone"] or role in roles:
            continue
        body = b"{}" if method == "POST" else b""
        answer = client.request(method, path, content=body or None,
                                headers=device.headers(method, path, body))
        assert answer.status_code == 403, (role, method, path, answer.status_code)
        assert answer.json()["error"] == "wrong_role"
        refused += 1
    assert refused >= (1 if role == "citizen" else 10)
    # ... and the session still works for its own role afterwards.
    own = OWN[role]
    assert client.get(own, headers=device.headers("GET", own)).status_code == 200

"""The published OpenAPI document: current in the repository, complete, and every route's
roles hold (the authorisation table: anyone, citizen; clinic and officer roles come with
their routes)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from starlette.routing import Route
from starlette.testclient import TestClient

from api.http import openapi
from api.http.app import build


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
        assert operation["x-roles"] in (["anyone"], ["citizen"]), (method, path)


ROLES = {  # role -> how its client is made; a row per role for every route
    "anonymous": lambda client: client,
    "citizen with a copied cookie, no device": lambda client: (
        client.cookies.set("wallet_session", "A" * 43), client)[1],
}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_citizen_routes_refuse_everyone_else(use_db: Engine, role: str) -> None:
    client = ROLES[role](TestClient(build(), raise_server_exceptions=False))
    paths = openapi.document()["paths"]
    for path, method in _api_routes():
        if paths[path][method.lower()]["x-roles"] != ["citizen"]:
            continue
        answer = client.request(method, path, json={} if method == "POST" else None)
        assert answer.status_code == 401, (role, method, path, answer.status_code)

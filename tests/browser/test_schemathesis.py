"""Schemathesis against the running app (the `make run` server, pages and API on one port),
driven by the published OpenAPI document: whatever it sends, no answer is a server error.
The citizen's GET operations are called logged in (tests/api/schemathesis_hooks.py)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.browser.conftest import Server
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_no_input_causes_a_server_error(server: Server) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), FUZZ_BASE_URL=server.url,
               FUZZ_DB_URL=server.db_url, SCHEMATHESIS_HOOKS="tests.api.schemathesis_hooks")
    run = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "schemathesis"), "run", f"{server.url}/api/openapi.json",
         "--checks", "not_a_server_error", "--max-examples", "25", "--workers", "1",
         "--seed", "11", "--no-color"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    summary = run.stdout[-3000:]
    assert run.returncode == 0, summary
    assert " passed" in summary and "failed" not in summary.split("Test cases:")[-1], summary

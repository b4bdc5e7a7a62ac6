"""The page CSP lets a page compile WebAssembly (the clinic's QR decoder) and nothing more:
'wasm-unsafe-eval' is there, 'unsafe-eval' (eval, new Function) is not."""

from __future__ import annotations

from api.http.web_surface import page_policy


def _script_src(policy: str) -> list[str]:
    directive = next(d for d in policy.split("; ") if d.startswith("script-src "))
    return directive.split()[1:]


def test_pages_may_compile_webassembly_but_not_eval() -> None:
    sources = _script_src(page_policy(b"<html><script>boot()</script></html>", https=True))
    assert "'wasm-unsafe-eval'" in sources
    assert "'unsafe-eval'" not in sources and "'unsafe-inline'" not in sources
    assert sources[0] == "'self'" and any(s.startswith("'sha256-") for s in sources)

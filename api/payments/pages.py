"""The plain HTML pages of payments (the receipt, the simulated bank): whole pages from the
server, no script at all (the app's CSP: a form POST works without one), styled inline
(the CSP allows inline style, which cannot run code), readable printed."""

from __future__ import annotations

from html import escape

from locales import tr

STYLE = """
body{font-family:system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;
color:#1a1a1a}
h1{font-size:1.3rem}table{width:100%;border-collapse:collapse;margin:1rem 0}
td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top;
overflow-wrap:anywhere}th{width:35%}.calc{color:#555;font-size:.9rem}
td.n,th.n{text-align:right;white-space:nowrap}.total td{font-weight:bold;border:none}
.box{border:2px solid #0b5394;border-radius:.5rem;padding:1rem}
button{font-size:1rem;padding:.7rem 1rem;margin:.3rem .3rem .3rem 0;border-radius:.4rem;
border:1px solid #555;background:#fff}button.ok{background:#0b5394;color:#fff}
.note{color:#555;font-size:.9rem}
@media print{.noprint{display:none}body{margin:0}}
"""


def page(lang: str, title: str, body: str) -> str:
    """A whole page in `lang`: `title` is text (escaped here), `body` HTML already escaped."""
    return (f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><h1>{escape(title)}</h1>{body}</body></html>")


def rows(pairs: list[tuple[str, str]]) -> str:
    """A two-column table of label and value (text, escaped here)."""
    cells = "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
                    for label, value in pairs)
    return f"<table>{cells}</table>"


def back_link(lang: str) -> str:
    """The link back to the app (the provider's "return URL")."""
    label = escape(tr(lang, "Back to the app"))
    return f'<p class="noprint"><a href="/">{label}</a></p>'

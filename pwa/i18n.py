"""`t()`: a translated string that is looked up in the browser.

Reflex compiles pages once, so a Python-side gettext call would freeze one language into
the build. `t("Health card")` instead compiles to `__t("Health card")`, where `__t` comes
from the `useT()` hook of `assets/i18n.js`, which reads the same gettext catalogs compiled
to JSON. It works offline and switches language without a server round trip.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.vars.base import Var, VarData
from reflex.vars.function import FunctionStringVar

I18N_MODULE = "$/public/i18n.js"
_HOOK = VarData(imports={I18N_MODULE: ["useT"]}, hooks={"const __t = useT();": None})
_PLURAL_HOOK = VarData(imports={I18N_MODULE: ["useTn"]}, hooks={"const __tn = useTn();": None})


def _js(value: object, var_datas: list[VarData]) -> str:
    """A Python value or Reflex var as JS source, collecting what the var needs."""
    var = value if isinstance(value, Var) else Var.create(value)
    if (data := var._get_all_var_data()) is not None:
        var_datas.append(data)
    return str(var)


def _call(func: str, texts: tuple[str, ...], count: object, values: dict[str, object],
          hook: VarData) -> rx.Var[str]:
    var_datas = [hook]
    args = [json.dumps(text, ensure_ascii=False) for text in texts]
    if count is not None:
        args.append(_js(count, var_datas))
    if values:
        args.append("{" + ", ".join(f"{json.dumps(key)}: {_js(value, var_datas)}"
                                    for key, value in values.items()) + "}")
    return Var(_js_expr=f"{func}({', '.join(args)})", _var_type=str,
               _var_data=VarData.merge(*var_datas))


def t(msgid: str, **values: object) -> rx.Var[str]:
    """The translation of `msgid` (English), with `{name}` placeholders filled by `values`.

    Values may be plain Python values or Reflex vars (state fields).
    """
    return _call("__t", (msgid,), None, values, _HOOK)


def tn(singular: str, plural: str, count: object, **values: object) -> rx.Var[str]:
    """The form of a message for `count` ("1 result", "5 results") in the reader's language,
    chosen by the catalog's Plural-Forms rule in the browser; `count` may be a state var."""
    return _call("__tn", (singular, plural), count, values, _PLURAL_HOOK)


def js_handler(expr: str, var_data: VarData | None = None) -> FunctionStringVar:
    """An event handler that runs in the browser only (no websocket round trip, so it
    also works offline), e.g. `js_handler("() => window.print()")`.

    Reflex calls it with what the trigger's event spec gives, not the DOM event:
    `on_change` passes the new value, `on_click` a plain dict of mouse fields."""
    return FunctionStringVar.create(f"({expr})", _var_data=var_data)

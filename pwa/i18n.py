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


def t(msgid: str, **values: object) -> rx.Var[str]:
    """The translation of `msgid` (English), with `{name}` placeholders filled by `values`.

    Values may be plain Python values or Reflex vars (state fields).
    """
    var_datas = [_HOOK]
    args = json.dumps(msgid, ensure_ascii=False)
    if values:
        parts = []
        for key, value in values.items():
            var = value if isinstance(value, Var) else Var.create(value)
            parts.append(f"{json.dumps(key)}: {var!s}")
            if (data := var._get_all_var_data()) is not None:
                var_datas.append(data)
        args += ", {" + ", ".join(parts) + "}"
    return Var(_js_expr=f"__t({args})", _var_type=str, _var_data=VarData.merge(*var_datas))


def js_handler(expr: str, var_data: VarData | None = None) -> FunctionStringVar:
    """An event handler that runs in the browser only (no websocket round trip, so it
    also works offline), e.g. `js_handler("() => window.print()")`.

    Reflex calls it with what the trigger's event spec gives, not the DOM event:
    `on_change` passes the new value, `on_click` a plain dict of mouse fields."""
    return FunctionStringVar.create(f"({expr})", _var_data=var_data)
